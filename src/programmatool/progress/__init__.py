"""Verdicts per indicator and year, and their roll-up with coverage; pure."""
