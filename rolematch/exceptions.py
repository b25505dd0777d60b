"""Exceptions raised by rolematch.

The tree::

    RolematchError
    ├── RoleSpecError          a role file is missing, malformed or inconsistent
    ├── ExtractionError        a résumé file cannot be turned into text (has ``.path``)
    ├── ModelError             a semantic model cannot be found, built or loaded
    ├── NotFittedError         a Matcher method was called before ``fit``
    │                          (also a ValueError and AttributeError, as in scikit-learn)
    └── UsageError             command-line options that cannot work (the CLI exits 2)
    MissingDependencyError     an optional extra is not installed (an ImportError)

Batch entry points (``score_paths``, the CLI) never raise ``ExtractionError`` for a
single bad file: they turn it into a record with a non-``ok`` status and a reason.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "ExtractionError",
    "MissingDependencyError",
    "ModelError",
    "NotFittedError",
    "RoleSpecError",
    "RolematchError",
    "UsageError",
]


class RolematchError(Exception):
    """Base class of every error rolematch raises on purpose."""


class RoleSpecError(RolematchError):
    """A role file or role definition breaks the schema.

    Parameters
    ----------
    message : str
        What was expected and what was found.
    path : str or Path, optional
        The offending file.
    field : str, optional
        The offending field.
    """

    def __init__(
        self, message: str, *, path: str | Path | None = None, field: str | None = None
    ) -> None:
        self.path = None if path is None else Path(path)
        self.field = field
        where = []
        if path is not None:
            where.append(str(path))
        if field is not None:
            where.append(f"field '{field}'")
        super().__init__(f"{': '.join(where)}: {message}" if where else message)


class ExtractionError(RolematchError):
    """A résumé file cannot be read.

    Parameters
    ----------
    path : str or Path
        The file.
    reason : str
        Human-readable reason, e.g. ``"no text layer (scanned?); needs OCR"``.
    status : str
        Machine-readable status for batch records (``unreadable``, ``unsupported``,
        ``corrupt``, ``encrypted``, ``empty``, ``error``).
    """

    def __init__(self, path: str | Path, reason: str, *, status: str = "error") -> None:
        self.path = Path(path)
        self.reason = reason
        self.status = status
        super().__init__(f"{self.path.name}: {reason}")


class ModelError(RolematchError):
    """A semantic model cannot be found, built or loaded."""


class NotFittedError(RolematchError, ValueError, AttributeError):
    """A Matcher method needs ``fit`` to be called first."""


class UsageError(RolematchError):
    """An option or a combination of options that cannot work: exit code 2 (argparse's)."""


class MissingDependencyError(ImportError):
    """An optional dependency is missing; the message says which extra installs it."""
