"""Batch results -> rows, tables and files. Only this module (and the HTML and Excel
writers beside it) and the CLI write.

A large batch does not fit in memory as explanation objects, so ``rolematch score``
streams each file's results into a :class:`ResultStore`: the scores stay in memory (four
floats per résumé × role) and every explanation is pickled to an anonymous temporary
file, read back when a writer needs it. Ranks need the whole batch, so writers run
after :meth:`ResultStore.finish`.

Two kinds of view, and what ``top_k``/``min_score`` keep in each:

* per résumé (long CSV, JSONL, wide CSV, the terminal table): each résumé's best
  ``top_k`` roles (``role_rank <= top_k``) that score at least ``min_score``;
* per role (the Excel sheets and the HTML shortlists): each role's best ``top_k``
  résumés (``resume_rank <= top_k``) that score at least ``min_score``.

Ranks are always those of the whole batch, before filtering. A file that cannot be read
is always listed, with its reason.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import numpy as np

from rolematch.batch import FileResult, freeze_explanation, thaw_explanation
from rolematch.documents import Role
from rolematch.explain import Explanation

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "COLUMNS",
    "FORMATS",
    "ResultStore",
    "atomic_write",
    "format_for",
    "jsonl_records",
    "long_rows",
    "to_frame",
    "to_records",
    "to_text",
    "write_csv",
    "write_jsonl",
    "write_wide_csv",
]

#: Long format, one row per (file, role); a file that cannot be read has one row.
COLUMNS = (
    "file",
    "status",
    "language",
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

#: Output formats and the file names that select them (longest suffix wins).
FORMATS = {
    "csv": (".csv",),
    "wide-csv": (".wide.csv",),
    "jsonl": (".jsonl", ".json"),
    "xlsx": (".xlsx",),
    "html": (".html", ".htm"),
}


def format_for(path: str | Path) -> str:
    """The output format a file name asks for.

    Raises
    ------
    ValueError
        The name ends in none of the known suffixes.

    Examples
    --------
    >>> format_for("out/ranking.csv"), format_for("m.WIDE.csv"), format_for("r.html")
    ('csv', 'wide-csv', 'html')
    """
    name = Path(path).name.lower()
    best = None
    for fmt, suffixes in FORMATS.items():
        for s in suffixes:
            if name.endswith(s) and (best is None or len(s) > len(best[1])):
                best = (fmt, s)
    if best is None:
        known = sorted(s for ss in FORMATS.values() for s in ss)
        raise ValueError(f"The output file must end in one of {known}. Got {str(path)!r} instead.")
    return best[0]


# ------------------------------------------------------------------------ the store


class ResultStore:
    """The results of a batch: scores in memory, explanations spooled to disk.

    Parameters
    ----------
    roles : sequence of Role
        The roles, in the matcher's order.
    files : sequence of str or Path
        The batch's files; results are added by index into this list.
    spool_dir : path, optional
        Folder of the temporary spool file (default: the system's temp folder). The
        file is anonymous: nothing is left behind, even if the process is killed.

    Attributes
    ----------
    score, keyword, semantic, facet : ndarray of shape (n_files, n_roles)
        NaN for files that are not ``ok`` (and ``facet`` where no facet has data).
    role_rank, resume_rank : ndarray of int, shape (n_files, n_roles)
        After :meth:`finish`: 1 = the file's best role / the role's best file; 0 for
        files that are not ``ok``.

    Examples
    --------
    >>> from rolematch.documents import Resume, Role
    >>> with ResultStore([Role("r", "主管", ("负责",), ("本科",))], ["a.pdf"]) as store:
    ...     store.add(0, FileResult("a.pdf", Resume.failed("a.pdf", "empty", "empty file")))
    ...     store.finish().counts()
    {'empty': 1}
    """

    def __init__(
        self,
        roles: Sequence[Role],
        files: Sequence[str | Path],
        *,
        spool_dir: str | Path | None = None,
    ) -> None:
        n, n_roles = len(files), len(roles)
        self.role_ids = [r.id for r in roles]
        self._index = {rid: r for r, rid in enumerate(self.role_ids)}
        self.role_titles = [r.title for r in roles]
        self.files = [str(f) for f in files]
        self.status = [""] * n
        self.reason = [""] * n
        self.warnings: list[tuple[str, ...]] = [()] * n
        self.language = [""] * n  # zh-Hans, zh-Hant, en, mixed
        self.score = np.full((n, n_roles), np.nan)
        self.keyword = np.full((n, n_roles), np.nan)
        self.semantic = np.full((n, n_roles), np.nan)
        self.facet = np.full((n, n_roles), np.nan)
        self.role_rank = np.zeros((n, n_roles), dtype=np.int32)
        self.resume_rank = np.zeros((n, n_roles), dtype=np.int32)
        self._offsets = np.full((n, n_roles), -1, dtype=np.int64)
        # the one-line reasons separately: the long CSV needs them, not the explanations
        self._reason_at = np.full((n, n_roles), -1, dtype=np.int64)
        self._reason_len = np.zeros((n, n_roles), dtype=np.int32)
        self._spool: IO[bytes] = tempfile.TemporaryFile(  # noqa: SIM115 - closed by close()
            prefix="rolematch-", dir=str(spool_dir) if spool_dir is not None else None
        )
        self._finished = False

    @classmethod
    def from_results(cls, results: Sequence[FileResult]) -> ResultStore:
        """A finished store from :func:`~rolematch.batch.score_paths` results."""
        roles: dict[str, str] = {}
        for fr in results:
            for res in fr.results:
                roles.setdefault(res.role_id, res.role_title)
        role_list = [Role(rid, title, ("-",), ("-",)) for rid, title in roles.items()]
        store = cls(role_list, [fr.file for fr in results])
        for i, fr in enumerate(results):
            store.add(i, fr)
        return store.finish()

    def __len__(self) -> int:
        return len(self.files)

    def __enter__(self) -> ResultStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Drop the spool file."""
        self._spool.close()

    @property
    def n_roles(self) -> int:
        return len(self.role_ids)

    def ok(self, i: int) -> bool:
        return self.status[i] == "ok"

    def add(self, i: int, fr: FileResult) -> None:
        """Record file ``i``'s result; its explanations go to the spool."""
        self.status[i] = fr.resume.status
        self.reason[i] = fr.resume.reason
        self.warnings[i] = tuple(fr.resume.warnings)
        self.language[i] = str(fr.resume.meta.get("language", ""))
        if not fr.ok:
            return
        spool = self._spool
        spool.seek(0, os.SEEK_END)
        index = self._index
        if fr.packed is not None:
            for p in fr.packed:
                r = index[p.role_id]
                self.score[i, r], self.keyword[i, r] = p.score, p.keyword_score
                self.semantic[i, r], self.facet[i, r] = p.semantic_score, p.facet_score
                if p.explanation:  # empty when the run kept no explanations
                    self._offsets[i, r] = spool.tell()
                    spool.write(p.explanation)
                self._put_reason(i, r, p.reason)
            return
        for res in fr.results:
            r = index[res.role_id]
            e = res.explanation
            self.score[i, r] = res.score
            self.keyword[i, r] = e.keyword_score
            self.semantic[i, r] = e.semantic_score
            self.facet[i, r] = np.nan if e.facet_score is None else e.facet_score
            self._offsets[i, r] = spool.tell()
            pickle.dump(freeze_explanation(e), spool, protocol=pickle.HIGHEST_PROTOCOL)
            self._put_reason(i, r, e.reason)

    def _put_reason(self, i: int, r: int, reason: str) -> None:
        data = reason.encode("utf-8")
        self._reason_at[i, r] = self._spool.tell()
        self._reason_len[i, r] = len(data)
        self._spool.write(data)

    def match_reason(self, i: int, r: int) -> str:
        """The one-line reason of file ``i``'s score for role ``r`` (``Explanation.reason``)."""
        at = int(self._reason_at[i, r])
        if at < 0:
            raise KeyError(f"file {self.files[i]!r} has no result for role {self.role_ids[r]!r}")
        self._spool.seek(at)
        return self._spool.read(int(self._reason_len[i, r])).decode("utf-8")

    def finish(self) -> ResultStore:
        """Compute the ranks (call once every file has been added)."""
        ok = np.array([self.ok(i) for i in range(len(self))], dtype=bool)
        self.role_rank[:] = 0
        self.resume_rank[:] = 0
        if ok.any():
            s = self.score[ok]
            # stable: ties keep role order / file order
            by_role = np.argsort(-s, axis=1, kind="stable")
            ranks = np.empty_like(by_role)
            np.put_along_axis(ranks, by_role, np.arange(1, s.shape[1] + 1)[None, :], axis=1)
            self.role_rank[ok] = ranks
            by_file = np.argsort(-s, axis=0, kind="stable")
            ranks = np.empty_like(by_file)
            np.put_along_axis(ranks, by_file, np.arange(1, s.shape[0] + 1)[:, None], axis=0)
            self.resume_rank[ok] = ranks
        self._finished = True
        return self

    def explanation(self, i: int, r: int) -> Explanation:
        """The full explanation of file ``i`` for role ``r`` (read from the spool)."""
        off = int(self._offsets[i, r])
        if off < 0:
            why = "result" if self._reason_at[i, r] < 0 else "explanation (run with explain=True)"
            raise KeyError(f"file {self.files[i]!r} has no {why} for role {self.role_ids[r]!r}")
        self._spool.seek(off)
        return thaw_explanation(pickle.load(self._spool))

    # -- selections ----------------------------------------------------------
    def _check_finished(self) -> None:
        if not self._finished:
            raise RuntimeError("ResultStore.finish() must be called before reading the ranks")

    def keep(self, by: str, top_k: int | None = None, min_score: float | None = None) -> np.ndarray:
        """Boolean mask (n_files, n_roles) of the pairs a view keeps.

        ``by="resume"`` keeps each résumé's best ``top_k`` roles, ``by="role"`` each
        role's best ``top_k`` résumés; both drop pairs scoring below ``min_score``.
        """
        self._check_finished()
        if by not in ("resume", "role"):
            raise ValueError(f"The 'by' parameter must be 'resume' or 'role'. Got {by!r} instead.")
        rank = self.role_rank if by == "resume" else self.resume_rank
        mask = rank > 0
        if top_k is not None:
            mask &= rank <= top_k
        if min_score is not None:
            mask &= np.nan_to_num(self.score, nan=-1.0) >= min_score
        return mask

    def counts(self) -> dict[str, int]:
        """Files per status."""
        out: dict[str, int] = {}
        for s in self.status:
            out[s] = out.get(s, 0) + 1
        return dict(sorted(out.items()))

    def failures(self) -> list[int]:
        """Indices of the files that could not be scored, in file order."""
        return [i for i in range(len(self)) if not self.ok(i)]


# ------------------------------------------------------------------------- writing


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


def _r4(x: float) -> float | str:
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) else round(float(x), 4)


def long_rows(
    store: ResultStore, top_k: int | None = None, min_score: float | None = None
) -> Iterator[dict[str, Any]]:
    """Long-format rows (:data:`COLUMNS`): per file in file order, its kept roles best first."""
    keep = store.keep("resume", top_k, min_score)
    for i, file in enumerate(store.files):
        warnings = "; ".join(store.warnings[i])
        if not store.ok(i):
            yield dict.fromkeys(COLUMNS, "") | {
                "file": file,
                "status": store.status[i],
                "language": store.language[i],
                "warnings": warnings,
                "reason": store.reason[i],
            }
            continue
        for r in np.argsort(store.role_rank[i], kind="stable"):
            if not keep[i, r]:
                continue
            yield {
                "file": file,
                "status": store.status[i],
                "language": store.language[i],
                "role_id": store.role_ids[r],
                "role_title": store.role_titles[r],
                "score": _r4(store.score[i, r]),
                "keyword_score": _r4(store.keyword[i, r]),
                "semantic_score": _r4(store.semantic[i, r]),
                "facet_score": _r4(store.facet[i, r]),
                "role_rank": int(store.role_rank[i, r]),
                "resume_rank": int(store.resume_rank[i, r]),
                "warnings": warnings,
                "reason": store.match_reason(i, int(r)),
            }


def jsonl_records(
    store: ResultStore, top_k: int | None = None, min_score: float | None = None
) -> Iterator[dict[str, Any]]:
    """One record per kept (file, role) with the full explanation; one per unreadable file.

    Keys: ``file, status, role_id, role_title, score, keyword_score, semantic_score,
    facet_score, raw_score, weights, role_rank, resume_rank, reason, warnings,
    matched_keywords, missing_keywords, evidence, facets`` (``null`` scores and role for
    a file that could not be read).
    """
    keep = store.keep("resume", top_k, min_score)
    for i, file in enumerate(store.files):
        warnings = list(store.warnings[i])
        if not store.ok(i):
            yield {
                "file": file,
                "status": store.status[i],
                "language": store.language[i],
                "role_id": None,
                "role_title": None,
                "score": None,
                "reason": store.reason[i],
                "warnings": warnings,
            }
            continue
        for r in np.argsort(store.role_rank[i], kind="stable"):
            if not keep[i, r]:
                continue
            d = store.explanation(i, int(r)).to_dict()
            d.pop("source", None)
            head = {
                "file": file,
                "status": store.status[i],
                "language": store.language[i],
                "role_id": d.pop("role_id"),
                "role_title": d.pop("role_title"),
                "score": d.pop("score"),
                "keyword_score": d.pop("keyword_score"),
                "semantic_score": d.pop("semantic_score"),
                "facet_score": d.pop("facet_score"),
                "role_rank": int(store.role_rank[i, r]),
                "resume_rank": int(store.resume_rank[i, r]),
                "reason": d.pop("reason"),
                "warnings": warnings,
            }
            yield head | d


def write_csv(rows: Iterable[dict[str, Any]], path: str | Path | IO[str]) -> int:
    """Write long-format rows as UTF-8 CSV with a BOM (Excel then reads the Chinese
    right); returns the number of rows. ``path`` may be an open text stream."""
    with _text_out(path, encoding="utf-8-sig") as f:
        w = csv.DictWriter(f, fieldnames=list(COLUMNS), extrasaction="ignore")
        w.writeheader()
        n = 0
        for row in rows:
            w.writerow(row)
            n += 1
    return n


def write_jsonl(records: Iterable[dict[str, Any]], path: str | Path | IO[str]) -> int:
    """One JSON object per line, UTF-8, Chinese kept readable; returns the line count."""
    with _text_out(path, encoding="utf-8") as f:
        n = 0
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def wide_header(store: ResultStore) -> list[str]:
    """Columns of the wide CSV: ``file, status, best_role, best_score``, one per role id,
    then ``reason``."""
    return ["file", "status", "best_role", "best_score", *store.role_ids, "reason"]


def write_wide_csv(
    store: ResultStore,
    path: str | Path | IO[str],
    top_k: int | None = None,
    min_score: float | None = None,
) -> int:
    """The résumé × role score matrix, one row per file (UTF-8 with BOM).

    A cell is empty where the pair is not kept (``top_k``: the résumé's best roles;
    ``min_score``) and for a file that could not be read, whose ``reason`` says why.
    Returns the number of rows.
    """
    keep = store.keep("resume", top_k, min_score)
    with _text_out(path, encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(wide_header(store))
        for i, file in enumerate(store.files):
            if not store.ok(i):
                w.writerow([file, store.status[i], "", "", *[""] * store.n_roles, store.reason[i]])
                continue
            best = int(np.argmin(store.role_rank[i]))
            cells = [_r4(s) if k else "" for s, k in zip(store.score[i], keep[i], strict=True)]
            w.writerow([file, "ok", store.role_ids[best], _r4(store.score[i, best]), *cells, ""])
    return len(store)


@contextmanager
def _text_out(path: str | Path | IO[str], encoding: str) -> Iterator[IO[str]]:
    if isinstance(path, io.TextIOBase) or hasattr(path, "write"):
        yield path  # type: ignore[misc]
        return
    with atomic_write(path, "w", encoding=encoding, newline="") as f:
        yield f


def to_text(
    store: ResultStore | Sequence[FileResult],
    top_k: int | None = 3,
    min_score: float | None = None,
) -> str:
    """A plain-text table for the terminal: each file's best roles, bad files with reasons."""
    if not isinstance(store, ResultStore):
        with ResultStore.from_results(store) as st:
            return to_text(st, top_k, min_score)
    lines = []
    names = [Path(f).name for f in store.files]
    name_w = max([len(n) for n in names] + [4])
    head = f"{'file':<{name_w}}  {'rank':>4}  {'score':>5}  {'kw':>5}  {'sem':>5}  role"
    lines.append(head)
    lines.append("-" * (len(head) + 20))
    keep = store.keep("resume", top_k, min_score)
    for i, name in enumerate(names):
        if not store.ok(i):
            lines.append(f"{name:<{name_w}}  {'-':>4}  {store.status[i]}: {store.reason[i]}")
            continue
        first = True
        for r in np.argsort(store.role_rank[i], kind="stable"):
            if not keep[i, r]:
                continue
            lines.append(
                f"{name if first else '':<{name_w}}  {store.role_rank[i, r]:>4}  "
                f"{store.score[i, r]:5.2f}  {store.keyword[i, r]:5.2f}  "
                f"{store.semantic[i, r]:5.2f}  {store.role_ids[r]} ({store.role_titles[r]})"
            )
            first = False
        if first:
            lines.append(f"{name:<{name_w}}  {'-':>4}  no role scores {min_score} or more")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------ lists of FileResult (the API)


def to_records(
    results: Sequence[FileResult], top_k: int | None = None, min_score: float | None = None
) -> list[dict[str, Any]]:
    """Long-format rows from :func:`~rolematch.batch.score_paths` results.

    One per (file, role), best role first within a file; ``top_k`` keeps each file's
    best ``top_k`` roles and ``min_score`` drops lower scores. A file that is not
    ``ok`` gives exactly one row with empty scores and its ``reason``.
    """
    rows: list[dict[str, Any]] = []
    for fr in results:
        warnings = "; ".join(fr.resume.warnings)
        if not fr.ok:
            rows.append(
                dict.fromkeys(COLUMNS, "")
                | {
                    "file": fr.file,
                    "status": fr.resume.status,
                    "language": fr.resume.meta.get("language", ""),
                    "warnings": warnings,
                    "reason": fr.resume.reason,
                }  # fmt: skip
            )
            continue
        for rank, res in enumerate(fr.ranked(), start=1):
            if top_k is not None and rank > top_k:
                break
            if min_score is not None and res.score < min_score:
                continue
            e = res.explanation
            rows.append(
                {
                    "file": fr.file,
                    "status": fr.resume.status,
                    "language": fr.resume.meta.get("language", ""),
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


def to_frame(
    results: Sequence[FileResult], top_k: int | None = None, min_score: float | None = None
) -> pd.DataFrame:
    """The long-format rows as a pandas DataFrame."""
    import pandas as pd

    return pd.DataFrame(to_records(results, top_k, min_score), columns=list(COLUMNS))
