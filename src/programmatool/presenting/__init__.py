"""Findings, progress and changes as text, JSON, CSV, SARIF, JUnit and Markdown."""
