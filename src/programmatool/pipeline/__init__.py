"""Paths to a Run: files, settings, limits, cache, workers, git and exit codes; the only way in."""
