"""The package version, in a module of its own so that package modules can read it
without importing :mod:`rolematch` (which would be an import cycle)."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
