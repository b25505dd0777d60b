"""Batch results -> rows, tables and files. Only this module and the CLI write."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from rolematch.batch import FileResult

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "atomic_write", "to_frame", "to_records", "to_text", "write_csv"]

#: Long format, one row per (file, role); a file that cannot be read has one row.
COLUMNS = (
    "file",
    "status",
    "role_id",
    "role_title",
    "score",
    "keyword_score",
    "semantic_score",
    "facet_score",
    "role_rank",
    "resume_rank",
    "warnings",
    "reason",
)


def to_records(results: Sequence[FileResult], top_k: int | None = None) -> list[dict[str, Any]]:
    """Long-format rows: one per (file, role), best role first within a file.

    ``top_k`` keeps each file's best ``top_k`` roles. A file that is not ``ok``
    gives exactly one row with empty scores and its ``reason``.
    """
    rows: list[dict[str, Any]] = []
    for fr in results:
        warnings = "; ".join(fr.resume.warnings)
        if not fr.ok:
            rows.append(
                dict.fromkeys(COLUMNS, "")
                | {"file": fr.file, "status": fr.resume.status, "warnings": warnings,
                   "reason": fr.resume.reason}  # fmt: skip
            )
            continue
        for rank, res in enumerate(fr.ranked(), start=1):
            if top_k is not None and rank > top_k:
                break
            e = res.explanation
            rows.append(
                {
                    "file": fr.file,
                    "status": fr.resume.status,
                    "role_id": res.role_id,
                    "role_title": res.role_title,
                    "score": round(res.score, 4),
                    "keyword_score": round(e.keyword_score, 4),
                    "semantic_score": round(e.semantic_score, 4),
                    "facet_score": "" if e.facet_score is None else round(e.facet_score, 4),
                    "role_rank": rank,
                    "resume_rank": fr.resume_rank.get(res.role_id, ""),
                    "warnings": warnings,
                    "reason": e.reason,
                }
            )
    return rows


@contextmanager
def atomic_write(path: str | Path, mode: str = "w", **kw: Any) -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and rename it into place on success,
    so an interrupted run never leaves a half-written output."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **kw) as f:
            yield f
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_csv(rows: Sequence[dict[str, Any]], path: str | Path) -> None:
    """Write rows as UTF-8 CSV with a BOM, so Excel opens the Chinese text correctly."""
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(COLUMNS), extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


def write_jsonl(records: Sequence[dict[str, Any]], path: str | Path) -> None:
    """One JSON object per line, UTF-8, Chinese kept readable."""
    with atomic_write(path, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def to_frame(results: Sequence[FileResult], top_k: int | None = None) -> pd.DataFrame:
    """The long-format rows as a pandas DataFrame."""
    import pandas as pd

    return pd.DataFrame(to_records(results, top_k), columns=list(COLUMNS))


def to_text(results: Sequence[FileResult], top_k: int | None = 3) -> str:
    """A plain-text table for the terminal: each file's best roles, bad files with reasons."""
    lines = []
    name_w = max([len(Path(fr.file).name) for fr in results] + [4])
    head = f"{'file':<{name_w}}  {'rank':>4}  {'score':>5}  {'kw':>5}  {'sem':>5}  role"
    lines.append(head)
    lines.append("-" * (len(head) + 20))
    for fr in results:
        name = Path(fr.file).name
        if not fr.ok:
            lines.append(f"{name:<{name_w}}  {'-':>4}  {fr.resume.status}: {fr.resume.reason}")
            continue
        for rank, res in enumerate(fr.ranked()[:top_k], start=1):
            e = res.explanation
            lines.append(
                f"{name if rank == 1 else '':<{name_w}}  {rank:>4}  {res.score:5.2f}  "
                f"{e.keyword_score:5.2f}  {e.semantic_score:5.2f}  {res.role_id} ({res.role_title})"
            )
    return "\n".join(lines) + "\n"
