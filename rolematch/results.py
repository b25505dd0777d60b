"""The results of a batch: one object, ranks computed once, read by every writer.

One job: hold every file's status and every résumé × role score of a batch, and rank
them. :func:`~rolematch.batch.score_paths` returns a :class:`BatchResults`; the CSV,
wide CSV, JSONL, Excel and HTML writers and :meth:`BatchResults.to_frame` all read it.

A large batch does not fit in memory as explanation objects, so the scores stay in
memory (four floats per résumé × role) and every explanation, pickled, goes to an
anonymous temporary file, read back when a writer needs it: memory stays flat however
large the batch. Ranks need the whole batch, so they are computed by
:meth:`BatchResults.finish`, once every file has been added.

Two kinds of view, and what ``top_k``/``min_score`` keep in each:

* per résumé (long CSV, JSONL, wide CSV, the terminal table, :meth:`~BatchResults.to_frame`):
  each résumé's best ``top_k`` roles (``role_rank <= top_k``) that score at least
  ``min_score``;
* per role (the Excel sheets and the HTML shortlists): each role's best ``top_k``
  résumés (``resume_rank <= top_k``) that score at least ``min_score``.

Ranks are always those of the whole batch, before filtering. A file that cannot be read
is always listed, with its reason. Files with the same text (:func:`text_fingerprint`)
are all scored; each one's warnings name the others (``duplicate: same text as …``).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import IO, TYPE_CHECKING, Any

import numpy as np

from rolematch._params import check_min_score, check_top_k
from rolematch.documents import Resume, Role
from rolematch.exceptions import RolematchError
from rolematch.explain import Explanation, MatchResult, thaw_explanation

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "COLUMNS",
    "DUPLICATE_NOTE",
    "RANK_DECIMALS",
    "SCORES",
    "TABLE_COLUMNS",
    "BatchResults",
    "FileResult",
    "distinct_names",
    "shown_ranks",
    "text_fingerprint",
]


def distinct_names(files: Sequence[str]) -> list[str]:
    """Each file's name as a shortlist shows it: the file name, with as many of its
    folders as tell it from another file of the same name (张三/简历.pdf, 李四/简历.pdf).

    Examples
    --------
    >>> distinct_names(["cv/张三/简历.pdf", "cv/李四/简历.pdf", "cv/王五.docx"])
    ['张三/简历.pdf', '李四/简历.pdf', '王五.docx']
    """
    parts = [PurePath(f).parts for f in files]
    shown = [p[-1:] for p in parts]
    for depth in range(2, max((len(p) for p in parts), default=0) + 1):
        count = Counter(shown)
        if all(count[s] == 1 for s in shown):
            break
        shown = [p[-depth:] if count[s] > 1 else s for p, s in zip(parts, shown, strict=True)]
    return ["/".join(s) for s in shown]


#: Columns of one scored batch before ranking (:meth:`Matcher.score_table`).
TABLE_COLUMNS = (
    "file",
    "status",
    "language",
    "role_id",
    "role_title",
    "score",
    "keyword_score",
    "semantic_score",
    "facet_score",
    "warnings",
    "reason",
)
#: Long format (:meth:`BatchResults.to_frame`, the CSV): one row per (file, role); a
#: file that cannot be read has one row. The table's columns with the two ranks.
COLUMNS = (*TABLE_COLUMNS[:9], "role_rank", "resume_rank", *TABLE_COLUMNS[9:])

#: Ranks read scores as the CSV shows them, to this many places: scores equal to the last
#: shown digit are ties (one process and two workers sum them 1e-8 apart), which keep role
#: order and file order, on every engine.
RANK_DECIMALS = 4


def shown_ranks(scores: np.ndarray, axis: int) -> np.ndarray:
    """1-based ranks of a 2-D ``scores`` along ``axis``, best first, read as the CSV shows
    the scores (:data:`RANK_DECIMALS` places): equal ones keep their order. The one
    ranking of both engines (the local store, Spark's workers).

    Examples
    --------
    >>> shown_ranks(np.array([[0.12341, 0.12344, 0.9]]), axis=1).tolist()
    [[2, 3, 1]]
    """
    s = np.round(scores, RANK_DECIMALS)
    order = np.argsort(-s, axis=axis, kind="stable")
    ranks = np.empty_like(order)
    places = np.arange(1, s.shape[axis] + 1)
    np.put_along_axis(ranks, order, np.expand_dims(places, 1 - axis), axis=axis)
    return ranks


#: The rows of :attr:`FileResult.scores`.
SCORES = ("score", "keyword_score", "semantic_score", "facet_score")
#: Starts the warning of a file whose text another file of the batch also has.
DUPLICATE_NOTE = "duplicate: same text as "


@dataclass
class FileResult:
    """One file's outcome, as the batch engine hands it to :meth:`BatchResults.add`.

    ``resume`` is the extraction record without the text (status, reason, pages,
    warnings, meta). When the file is ``ok``: ``scores`` has shape (4, n_roles) (the
    rows of :data:`SCORES`, roles in the matcher's order; ``facet_score`` NaN where no
    facet has data), ``reasons`` the one-line reason per role, and ``explanations``
    each role's pickled :func:`~rolematch.explain.freeze_explanation` tuple (empty when
    the run kept no explanations). ``traceback`` is set for status ``error``;
    ``text_hash`` is the résumé's :func:`text_fingerprint` ("" when unknown), by which
    :meth:`BatchResults.finish` finds files with the same text.
    """

    file: str
    resume: Resume
    scores: np.ndarray | None = None
    reasons: list[str] = field(default_factory=list)
    explanations: list[bytes] = field(default_factory=list)
    cached: bool = False
    traceback: str = ""
    text_hash: str = ""

    @property
    def ok(self) -> bool:
        return self.resume.ok


def text_fingerprint(resume: Resume) -> str:
    """A short hash of what makes two résumés the same one: the text without its
    whitespace and without a line's repeats (a PDF and a text file of one CV match,
    whatever its line breaks and the running header each page repeats) and the personal
    data redaction cut out of it (two people's résumés that differ only in name and
    phone do not).

    Examples
    --------
    >>> from rolematch.sections import resume_from_text
    >>> a = resume_from_text("负责手机银行运营。\\n熟悉反洗钱", source="a.txt")
    >>> b = resume_from_text("负责手机银行运营。 熟悉反洗钱  ", source="b.pdf")
    >>> c = resume_from_text("个人简历\\n负责手机银行运营。\\n个人简历\\n熟悉反洗钱")
    >>> d = resume_from_text("个人简历\\n负责手机银行运营。熟悉反洗钱")
    >>> text_fingerprint(a) == text_fingerprint(b), text_fingerprint(c) == text_fingerprint(d)
    (True, True)
    >>> len(text_fingerprint(a))
    32
    """
    lines = ("".join(line.split()) for line in resume.text.splitlines())
    h = hashlib.blake2b(digest_size=16)
    h.update(_spool_text("".join(dict.fromkeys(lines))))
    h.update(b"\0")
    personal = json.dumps(resume.personal, ensure_ascii=False, sort_keys=True, default=str)
    h.update(_spool_text("".join(personal.split())))  # a PDF's 1987 年 1 月 is 1987年1月
    return h.hexdigest()


def _spool_text(s: str) -> bytes:
    # surrogatepass: text from a broken PDF must round-trip, not crash the batch
    return s.encode("utf-8", "surrogatepass")


class BatchResults:
    """The results of a batch: scores in memory, explanations spooled to disk.

    Made by :func:`~rolematch.batch.score_paths` (finished, ranks filled in); the batch
    engine fills one with :meth:`add` and calls :meth:`finish`. Close it (or use it as a
    context manager) to drop the spool file; it is anonymous, so nothing is left behind
    even if the process is killed. A closed one still has its scores, ranks and
    counts, but no reasons or explanations: read those (:meth:`to_frame`, the writers)
    before it closes.

    Parameters
    ----------
    roles : sequence of Role
        The roles, in the matcher's order.
    files : sequence of str or Path
        The batch's files; results are added by index into this list.
    spool_dir : path, optional
        Folder of the temporary spool file (default: the system's temp folder).

    Attributes
    ----------
    files, status, reason, language : list of str
        Per file.
    warnings : list of tuple of str
        Per file; after :meth:`finish`, a scored file whose text another one has too
        ends with ``duplicate: same text as <file>[, …]``.
    text_hash : list of str
        Per file, :attr:`FileResult.text_hash` ("" for a file that is not ``ok``).
    role_ids, role_titles : list of str
    score, keyword, semantic, facet : ndarray of shape (n_files, n_roles)
        NaN for files that are not ``ok`` (and ``facet`` where no facet has data).
    role_rank, resume_rank : ndarray of int, shape (n_files, n_roles)
        After :meth:`finish`: 1 = the file's best role / the role's best file; 0 for
        files that are not ``ok``. Ties keep role order / file order.

    Examples
    --------
    >>> from rolematch import Resume, Role
    >>> from rolematch.results import BatchResults, FileResult
    >>> with BatchResults([Role("r", "主管", ("负责",), ("本科",))], ["a.pdf"]) as res:
    ...     res.add(0, FileResult("a.pdf", Resume.failed("a.pdf", "empty", "empty file")))
    ...     res.finish().counts()
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
        self.role_titles = [r.title for r in roles]
        from rolematch.io.extract import source_name

        # names as the records write them: a non-UTF-8 file name keeps \xNN escapes
        # (unique and readable) instead of becoming "????" in a report
        self.files = [source_name(f) for f in files]
        self.status = [""] * n
        self.reason = [""] * n
        self.warnings: list[tuple[str, ...]] = [()] * n
        self.text_hash = [""] * n
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

    def __len__(self) -> int:
        return len(self.files)

    def __enter__(self) -> BatchResults:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"BatchResults({len(self)} files × {self.n_roles} roles, {self.counts()})"

    def close(self) -> None:
        """Drop the spool file (explanations and reasons can no longer be read)."""
        self._spool.close()

    def _spooled(self) -> IO[bytes]:
        if self._spool.closed:
            raise RolematchError(
                "This BatchResults was closed (its with block ended, or close() was called), "
                "so its reasons and explanations are gone; call to_frame(), matches() or a "
                "writer inside the with block, or keep it open (score_paths() without with) "
                "and close() it when done."
            )
        return self._spool

    @property
    def n_roles(self) -> int:
        return len(self.role_ids)

    def ok(self, i: int) -> bool:
        """Whether file ``i`` was scored."""
        return self.status[i] == "ok"

    # -- filling in ------------------------------------------------------------
    def add(self, i: int, fr: FileResult) -> None:
        """Record file ``i``'s result; its reasons and explanations go to the spool."""
        self.status[i] = fr.resume.status
        self.reason[i] = fr.resume.reason
        self.warnings[i] = tuple(fr.resume.warnings)
        self.text_hash[i] = fr.text_hash if fr.ok else ""
        self.language[i] = str(fr.resume.meta.get("language", ""))
        if not fr.ok:
            for a in (self.score, self.keyword, self.semantic, self.facet):
                a[i] = np.nan
            self._offsets[i] = self._reason_at[i] = -1
            return
        if fr.scores is None or fr.scores.shape != (len(SCORES), self.n_roles):
            got = None if fr.scores is None else fr.scores.shape
            raise ValueError(
                f"The scores of {fr.file!r} must have shape ({len(SCORES)}, {self.n_roles}) "
                f"(one column per role). Got {got} instead."
            )
        self.score[i], self.keyword[i], self.semantic[i], self.facet[i] = fr.scores
        spool = self._spooled()
        spool.seek(0, os.SEEK_END)
        for r, blob in enumerate(fr.explanations):
            self._offsets[i, r] = spool.tell()
            spool.write(blob)
        for r, reason in enumerate(fr.reasons):
            data = _spool_text(reason)
            self._reason_at[i, r] = spool.tell()
            self._reason_len[i, r] = len(data)
            spool.write(data)

    def finish(self) -> BatchResults:
        """Compute the ranks and note files with the same text (call once every file has
        been added); returns ``self``."""
        self._note_duplicates()
        ok = np.array([self.ok(i) for i in range(len(self))], dtype=bool)
        self.role_rank[:] = 0
        self.resume_rank[:] = 0
        if ok.any():
            # ranked as shown (4 decimals): scores equal to the last shown digit are ties,
            # which keep role order / file order (stable), however the threads of one
            # run or another summed them (one process and two workers differ in 1e-8)
            self.role_rank[ok] = shown_ranks(self.score[ok], axis=1)
            self.resume_rank[ok] = shown_ranks(self.score[ok], axis=0)
        self._finished = True
        return self

    def same_text_groups(self) -> list[list[int]]:
        """The scored files that share their text (:attr:`text_hash`), in batch order:
        one list of file indices per text, the ones held by one file too."""
        same: dict[str, list[int]] = {}
        for i, key in enumerate(self.text_hash):
            if key and self.ok(i):
                same.setdefault(key, []).append(i)
        return list(same.values())

    def _note_duplicates(self) -> None:
        """End each scored file's warnings with the other files of the same text: a
        candidate sent twice (or as PDF and Word) is ranked twice, and says so."""
        for group in self.same_text_groups():
            for i in group:
                kept = tuple(w for w in self.warnings[i] if not w.startswith(DUPLICATE_NOTE))
                others = [self.files[j] for j in group if j != i]
                if others:
                    more = f" and {len(others) - 3} more" if len(others) > 3 else ""
                    note = f"{DUPLICATE_NOTE}{', '.join(others[:3])}{more}"
                    kept = (*kept, note)
                self.warnings[i] = kept

    # -- reading ---------------------------------------------------------------
    def match_reason(self, i: int, r: int) -> str:
        """The one-line reason of file ``i``'s score for role ``r`` (``Explanation.reason``)."""
        at = int(self._reason_at[i, r])
        if at < 0:
            raise KeyError(f"file {self.files[i]!r} has no result for role {self.role_ids[r]!r}")
        spool = self._spooled()
        spool.seek(at)
        return spool.read(int(self._reason_len[i, r])).decode("utf-8", "surrogatepass")

    def explanation(self, i: int, r: int) -> Explanation:
        """The full explanation of file ``i`` for role ``r`` (read from the spool)."""
        off = int(self._offsets[i, r])
        if off < 0:
            why = "result" if self._reason_at[i, r] < 0 else "explanation (run with explain=True)"
            raise KeyError(f"file {self.files[i]!r} has no {why} for role {self.role_ids[r]!r}")
        spool = self._spooled()
        spool.seek(off)
        return thaw_explanation(pickle.load(spool))  # noqa: S301 - our own spool

    def matches(self, i: int) -> list[MatchResult]:
        """File ``i``'s result for every role, best first (empty when it is not ``ok``)."""
        self._check_finished()
        if not self.ok(i):
            return []
        out = []
        for r in np.argsort(self.role_rank[i], kind="stable"):
            e = self.explanation(i, int(r))
            out.append(MatchResult(e.role_id, e.role_title, e.source, e.score, e))
        return out

    # -- selections ------------------------------------------------------------
    def _check_finished(self) -> None:
        if not self._finished:
            raise RuntimeError("BatchResults.finish() must be called before reading the ranks")

    def keep(self, by: str, top_k: int | None = None, min_score: float | None = None) -> np.ndarray:
        """Boolean mask (n_files, n_roles) of the pairs a view keeps.

        ``by="resume"`` keeps each résumé's best ``top_k`` roles, ``by="role"`` each
        role's best ``top_k`` résumés; both drop pairs scoring below ``min_score``. A
        role's view lists people: of files with the same text (a CV sent as PDF and as
        Word) it keeps the first, whose warnings name the others, and ``top_k`` counts
        texts.
        """
        self._check_finished()
        if by not in ("resume", "role"):
            raise ValueError(f"The 'by' parameter must be 'resume' or 'role'. Got {by!r} instead.")
        top_k = check_top_k(top_k, "BatchResults.keep")
        min_score = check_min_score(min_score, "BatchResults.keep")
        rank = self.role_rank if by == "resume" else self._distinct_rank()
        mask = rank > 0
        if top_k is not None:
            mask &= rank <= top_k
        if min_score is not None:
            mask &= np.nan_to_num(self.score, nan=-1.0) >= min_score
        return mask

    def _distinct_rank(self) -> np.ndarray:
        """:attr:`resume_rank` among the first files of each text (0 for the others)."""
        copies = np.zeros(len(self), dtype=bool)
        for group in self.same_text_groups():
            copies[group[1:]] = True
        if not copies.any():
            return self.resume_rank
        rank = np.where(copies[:, None], 0, self.resume_rank)
        for r in range(rank.shape[1]):
            kept = np.flatnonzero(rank[:, r] > 0)
            rank[kept[np.argsort(rank[kept, r], kind="stable")], r] = np.arange(1, kept.size + 1)
        return rank

    def long_pairs(
        self, top_k: int | None = None, min_score: float | None = None
    ) -> Iterator[tuple[int, int | None]]:
        """``(file, role)`` index pairs of the long format, in its order: files in file
        order, each file's kept roles best first; ``(file, None)`` once for a file that
        is not ``ok``, or that no role reaches ``min_score`` for (it is not left out:
        :meth:`row_reason` says why it has no role)."""
        keep = self.keep("resume", top_k, min_score)
        for i in range(len(self)):
            if not self.ok(i) or not keep[i].any():
                yield i, None
                continue
            for r in np.argsort(self.role_rank[i], kind="stable"):
                if keep[i, r]:
                    yield i, int(r)

    def row_reason(self, i: int, min_score: float | None = None) -> str:
        """The reason of file ``i``'s row without a role (:meth:`long_pairs`)."""
        if not self.ok(i) or not self.role_ids:
            return self.reason[i]
        best = int(np.argmin(self.role_rank[i]))
        return (
            f"no role scores {min_score or 0:g} or more (--min-score); best: "
            f"{self.role_titles[best]} {self.score[i, best]:.4f}"  # as the score column
        )

    def to_frame(self, top_k: int | None = None, min_score: float | None = None) -> pd.DataFrame:
        """The long format as a DataFrame: one row per kept (file, role), :data:`COLUMNS`.

        Scores are float64 (NaN where missing), ranks nullable ``Int64`` (missing for
        a file that is not ``ok``, as are ``role_id`` and ``role_title``), ``warnings``
        joined by ``"; "``. The CSV output holds the same rows, scores rounded.
        """
        import pandas as pd

        top_k = check_top_k(top_k, "BatchResults.to_frame")
        min_score = check_min_score(min_score, "BatchResults.to_frame")
        cols: dict[str, list[Any]] = {c: [] for c in COLUMNS}
        for i, r in self.long_pairs(top_k, min_score):
            cols["file"].append(self.files[i])
            cols["status"].append(self.status[i])
            cols["language"].append(self.language[i])
            cols["warnings"].append("; ".join(self.warnings[i]))
            if r is None:
                cols["role_id"].append(None)
                cols["role_title"].append(None)
                for c in ("score", "keyword_score", "semantic_score", "facet_score"):
                    cols[c].append(np.nan)
                cols["role_rank"].append(None)
                cols["resume_rank"].append(None)
                cols["reason"].append(self.row_reason(i, min_score))
                continue
            cols["role_id"].append(self.role_ids[r])
            cols["role_title"].append(self.role_titles[r])
            cols["score"].append(float(self.score[i, r]))
            cols["keyword_score"].append(float(self.keyword[i, r]))
            cols["semantic_score"].append(float(self.semantic[i, r]))
            cols["facet_score"].append(float(self.facet[i, r]))
            cols["role_rank"].append(int(self.role_rank[i, r]))
            cols["resume_rank"].append(int(self.resume_rank[i, r]))
            cols["reason"].append(self.match_reason(i, r))
        frame = pd.DataFrame(cols, columns=list(COLUMNS))
        for c in ("score", "keyword_score", "semantic_score", "facet_score"):
            frame[c] = frame[c].astype("float64")
        for c in ("role_rank", "resume_rank"):
            frame[c] = frame[c].astype("Int64")
        return frame

    def write(
        self,
        path: str | Path | IO[str],
        format: str | None = None,  # noqa: A002 - the word the CLI's --format uses
        *,
        top_k: int | None = None,
        min_score: float | None = None,
    ) -> str:
        """Write the results as ``rolematch score -o`` does: CSV (formula cells
        neutralised), wide CSV, JSON Lines, Excel or HTML, the format the file name
        asks for unless ``format`` names one; returns what was written.

        Examples
        --------
        >>> with rolematch.score_paths("cv/") as results:  # doctest: +SKIP
        ...     results.write("ranking.xlsx", top_k=5)
        '9 role sheets, 45 shortlist rows'
        """
        from rolematch.report import FORMATS, format_for, write_results

        self._check_finished()
        self._spooled()  # closed: the reasons every format writes are gone
        fmt = format
        if fmt is not None:  # as a suffix says it, too: .wide.csv, xlsx
            fmt = {"wide": "wide-csv"}.get(fmt, fmt.lower().lstrip(".").replace(".", "-"))
            if fmt not in FORMATS:
                raise ValueError(
                    f"The 'format' parameter of BatchResults.write must be one of "
                    f"{sorted(FORMATS)} or None (the file name's suffix). Got {format!r} instead."
                )
        elif isinstance(path, str | Path):
            fmt = format_for(path)
        if fmt in ("jsonl", "xlsx", "html") and not self._explained():
            raise RolematchError(
                f"The {fmt} report shows explanations, and this batch was scored without "
                "them (explain=False); write csv or wide-csv, or score with explain=True."
            )
        if isinstance(path, str | Path) and Path(path).resolve() in {
            Path(f).resolve() for f in self.files if os.path.isfile(f)
        }:
            raise ValueError(
                f"The 'path' parameter of BatchResults.write must not be one of the batch's "
                f"résumés. Got {str(path)!r} instead."
            )
        return write_results(self, path, fmt, top_k=top_k, min_score=min_score)

    def _explained(self) -> bool:
        """Whether the scored files' explanations were kept (score_paths(explain=True))."""
        ok = [i for i in range(len(self.files)) if self.ok(i)]
        return not ok or bool((self._offsets[ok] >= 0).any())

    def counts(self) -> dict[str, int]:
        """Files per status."""
        out: dict[str, int] = {}
        for s in self.status:
            out[s] = out.get(s, 0) + 1
        return dict(sorted(out.items()))

    def failures(self) -> list[int]:
        """Indices of the files that could not be scored, in file order."""
        return [i for i in range(len(self)) if not self.ok(i)]
