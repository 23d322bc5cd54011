"""Writing contracts: lock, splice and validate for ``record``, ``import``, ``log`` and ``new``."""
