"""``--profile`` on the command line: read it before any work, and say what does not fit.

One job: load the profile an option names (an error naming the value and the choices
when it names nothing), and warn, one line each, when it was fitted for another model
than ``--model`` or has per-role coefficients for roles that are not loaded (a typo in a
hand-edited role id silently drops that role's calibration otherwise).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rolematch.exceptions import RolematchError, UsageError

__all__ = ["check_profile"]


def check_profile(
    args: argparse.Namespace, load_roles: Callable[[list[str] | None, bool], list[Any]]
) -> None:
    """Load ``args.profile`` (if given) before any work; warn where it does not fit.

    Raises
    ------
    UsageError
        ``--profile`` names neither a bundled profile nor a profile file (exit 2).
    RolematchError
        The file is not a valid profile (the message names the file and the field).
    """
    value = getattr(args, "profile", None)
    if value is None:
        return
    from rolematch.profile import load_profile, model_family

    try:
        profile = load_profile(value)
    except ValueError as e:
        if Path(value).is_file():
            raise RolematchError(f"--profile: {e}") from None
        raise UsageError(f"--profile: {e}") from None
    model = getattr(args, "model", None)
    fitted = model_family(profile.model)
    if model is not None and fitted not in ("default", model_family(model)):
        print(
            f"rolematch: warning: profile {value} was fitted for model {profile.model}; "
            f"scoring with {model}",
            file=sys.stderr,
        )
    if profile.roles:
        # quiet: the command loads them again and prints a posting import's report once
        ids = {r.id for r in load_roles(getattr(args, "roles", None), True)}
        unknown = sorted(set(profile.roles) - ids)
        if unknown:
            print(
                f"rolematch: warning: profile {value}: the field 'roles' has coefficients "
                f"for {', '.join(unknown)}, which no loaded role has (loaded: "
                f"{', '.join(sorted(ids))}); they are not used",
                file=sys.stderr,
            )
