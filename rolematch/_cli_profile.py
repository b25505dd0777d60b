"""``--profile`` on the command line: read it before any work, and say what does not fit.

One job: load the profile an option names (an error naming the value and the choices
when it names nothing), and show, one line each, the warnings the API gives where it
does not fit (:func:`rolematch.profile.check_profile_fit`: fitted for another model
than ``--model``, or per-role coefficients for roles that are not loaded). They are
shown before any work, and once: the command's own matchers would repeat them, in
worker processes too where ``-q`` or a progress bar would bury them.
"""

from __future__ import annotations

import argparse
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rolematch.exceptions import RolematchError, UsageError

__all__ = ["check_profile"]


def check_profile(
    args: argparse.Namespace, load_roles: Callable[[list[str] | None, bool], list[Any]]
) -> None:
    """Load ``args.profile`` (if given) before any work; warn where it does not fit.

    The warnings are :class:`~rolematch.profile.ProfileWarning`, shown through
    :func:`warnings.showwarning` whatever the filters, then ignored for the rest of the
    command (whose ``Matcher.fit`` would give them again).

    Raises
    ------
    UsageError
        ``--profile`` names neither a bundled profile nor an existing ``.json`` file
        (exit 2).
    RolematchError
        The ``.json`` file is not a valid profile (the message names the file and the
        field).
    """
    value = getattr(args, "profile", None)
    if value is None:
        return
    from rolematch.profile import ProfileWarning, check_profile_fit, load_profile

    try:
        profile = load_profile(value)
    except ValueError as e:
        # a .json file that is no valid profile is the file's fault (exit 1); a value
        # that names no profile at all (missing, a folder, a .csv) is the option's (2)
        if Path(value).is_file() and Path(value).suffix.lower() == ".json":
            raise RolematchError(f"--profile: {e}") from None
        raise UsageError(f"--profile: {e}") from None
    ids = None
    if profile.roles:  # quiet: the command loads them again and prints an import's report once
        ids = [r.id for r in load_roles(getattr(args, "roles", None), True)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ProfileWarning)
        check_profile_fit(profile, value, getattr(args, "model", None), ids)
    for w in caught:  # the command's way of showing a warning (rolematch.cli.main)
        warnings.showwarning(w.message, w.category, w.filename, w.lineno)
    # said once: not again when the command's matcher fits (main() restores the filters)
    warnings.simplefilter("ignore", ProfileWarning)
