"""Lazy imports of optional dependencies with an install hint."""

from __future__ import annotations

import importlib
from types import ModuleType

from rolematch.exceptions import MissingDependencyError


def import_optional(name: str, extra: str) -> ModuleType:
    """Import ``name`` or raise :class:`MissingDependencyError` naming the extra.

    Examples
    --------
    >>> import_optional("json", extra="dev").__name__
    'json'
    >>> import_optional("no_such_module_xyz", extra="excel")
    Traceback (most recent call last):
    ...
    rolematch.exceptions.MissingDependencyError: ... pip install 'rolematch[excel]'
    """
    try:
        return importlib.import_module(name)
    except ImportError as e:
        raise MissingDependencyError(
            f"'{name}' is needed for this feature but is not installed; "
            f"install it with: pip install 'rolematch[{extra}]'"
        ) from e
