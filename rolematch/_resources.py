"""Where bundled data lives: a checkout's top-level folders, or a wheel's package data."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

_PKG = Path(__file__).resolve().parent


def _bundled(name: str, package_dir: str) -> Path:
    # A checkout (or editable install) has data/ and models/ beside the package;
    # an installed wheel carries them as rolematch/_data and rolematch/_models.
    for candidate in (_PKG.parent / name, _PKG / package_dir):
        if candidate.is_dir():
            return candidate
    return _PKG.parent / name


def data_dir() -> Path:
    """Folder of bundled data (``roles/``, ``lexicon/`` …)."""
    return _bundled("data", "_data")


def default_roles_dir() -> Path:
    """Folder of the bundled role files."""
    return data_dir() / "roles"


def models_dir() -> Path:
    """Folder of bundled models (``static-zh`` …); ``$ROLEMATCH_MODELS`` overrides it."""
    env = os.environ.get("ROLEMATCH_MODELS")
    return Path(env) if env else _bundled("models", "_models")


def home_dir() -> Path:
    """Writable cache folder: ``$ROLEMATCH_HOME`` or the user cache dir."""
    env = os.environ.get("ROLEMATCH_HOME")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("rolematch"))


def load_yaml(text: str) -> Any:
    """Parse YAML safely, with libyaml's C parser when PyYAML has it (~10x faster).

    Errors are ``yaml.YAMLError`` with line and column, as from ``yaml.safe_load``.

    Examples
    --------
    >>> load_yaml("手机银行: [掌上银行, 移动银行]")
    {'手机银行': ['掌上银行', '移动银行']}
    """
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
