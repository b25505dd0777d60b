"""Decisions :func:`rolematch.learn.learn` leaves out or merges before it scores: those
whose résumé cannot be read (a warning names up to :data:`NAMED_FILES` files), and
repeated rows for one résumé and role — a résumé is its content, so copies and other
spellings of one file are one résumé, and cross-validation groups by it.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["NAMED_FILES", "DecisionsWarning", "drop_unreadable", "one_per_resume_and_role"]


class DecisionsWarning(UserWarning):
    """Decisions that :func:`learn` left out or merged (unreadable résumés, repeated rows)."""


#: How many file names a warning or an error lists.
NAMED_FILES = 5


def drop_unreadable(
    table: pd.DataFrame, read: Mapping[str, Any], source: str
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The decisions whose résumé could be read, and counts of the others (a warning
    names up to :data:`NAMED_FILES` files; an error when none is left)."""
    bad = [f for f, r in read.items() if not r.ok]
    gone = table["file"].isin(bad)
    reasons: dict[str, int] = {}
    for f in bad:
        reasons[str(read[f].reason or read[f].status)] = (
            reasons.get(str(read[f].reason or read[f].status), 0) + 1
        )
    if bad:
        named = ", ".join(f"{f} ({read[f].reason or read[f].status})" for f in bad[:NAMED_FILES])
        more = f" and {len(bad) - NAMED_FILES} more" if len(bad) > NAMED_FILES else ""
        where = (
            f"a relative path is read from the working folder, else from the folder of {source}"
            if source != "decisions"
            else "a relative path is read from the working folder"
        )
        what = (
            f"{source}: {int(gone.sum())} of {len(table)} decisions dropped, their résumé "
            f"could not be read: {named}{more} ({where})"
        )
        if gone.all():
            raise ValueError(f"{what}; no decision is left to learn from.")
        warnings.warn(what, DecisionsWarning, stacklevel=3)
    counts = {"decisions": int(gone.sum()), "resumes": len(bad), "reasons": reasons}
    return table[~gone].reset_index(drop=True), counts


def one_per_resume_and_role(
    table: pd.DataFrame, read: Mapping[str, Any], source: str
) -> pd.DataFrame:
    """One decision per résumé and role. A résumé is its content (its file's sha256):
    copies and other spellings of one file are one résumé (cross-validation groups by
    it). Repeated rows count once; of conflicting ones the last is kept, with a warning
    naming the lines."""
    digest: dict[str, str] = {}
    first: dict[str, str] = {}
    for f in dict.fromkeys(table["file"]):
        # read_resume hashed the bytes it read: the file is not read a second time
        d = read[f].meta.get("sha256") or (
            "text:" + hashlib.sha256(str(read[f].text).encode("utf-8")).hexdigest()
        )
        digest[f] = first.setdefault(d, f)
    t = table.assign(file=[digest[f] for f in table["file"]])
    repeated = t.duplicated(["file", "role_id"], keep="last")
    if not repeated.any():
        return t
    notes, conflicting = [], 0
    for (f, rid), g in t[t.duplicated(["file", "role_id"], keep=False)].groupby(
        ["file", "role_id"], sort=False
    ):
        if g["grade"].nunique() > 1:
            conflicting += len(g) - 1
            lines = ", ".join(str(n) for n in g["line"])
            notes.append(f"{f} for {rid} (lines {lines}; kept line {g['line'].iloc[-1]})")
    msg = (
        f"{source}: {int(repeated.sum())} decisions repeat an earlier one for the same "
        "résumé and role (a copy or another spelling of a file is the same résumé)"
    )
    if int(repeated.sum()) > conflicting:
        msg += f"; {int(repeated.sum()) - conflicting} identical ones count once"
    if notes:
        more = f" and {len(notes) - NAMED_FILES} more" if len(notes) > NAMED_FILES else ""
        msg += f"; {len(notes)} conflict, the last is kept: " + "; ".join(notes[:NAMED_FILES])
        msg += more
    warnings.warn(msg, DecisionsWarning, stacklevel=3)
    return t[~repeated].reset_index(drop=True)
