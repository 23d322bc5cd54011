"""Comparing two versions of a contract by meaning: named change checks, each with a
severity; pure."""
