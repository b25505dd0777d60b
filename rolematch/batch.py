"""Score folders of résumé files: files in, one record per file out.

A file that cannot be read still gets its record (status and reason); nothing
in a batch raises for one bad file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from rolematch.documents import Resume, Role
from rolematch.explain import MatchResult

__all__ = ["FileResult", "collect_files", "score_paths"]

#: Résumés scored together: large enough to batch the encoder, small enough that
#: memory stays flat however large the folder is.
CHUNK = 16


@dataclass
class FileResult:
    """One résumé file: its extraction record and its result for every role.

    ``results`` is in role order (empty when the file is not ``ok``);
    ``resume_rank`` maps role id -> rank of this file among the batch's files.
    """

    file: str
    resume: Resume
    results: list[MatchResult] = field(default_factory=list)
    resume_rank: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.resume.ok

    def ranked(self) -> list[MatchResult]:
        """Results best role first."""
        return sorted(self.results, key=lambda r: -r.score)


def collect_files(paths: Iterable[str | Path], suffixes: Sequence[str] | None = None) -> list[Path]:
    """Expand files and folders (recursively) into a sorted list of résumé files.

    Files named explicitly are kept whatever their type (they get an
    ``unsupported`` record if need be); in folders only known résumé types are
    taken, and hidden files are skipped.

    Raises
    ------
    FileNotFoundError
        A path does not exist.
    """
    from rolematch.io.extract import SUPPORTED_SUFFIXES

    sfx = {s.lower() for s in (suffixes or SUPPORTED_SUFFIXES)}
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(
                f
                for f in sorted(p.rglob("*"))
                if f.is_file()
                and f.suffix.lower() in sfx
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        elif p.exists():
            out.append(p)
        else:
            raise FileNotFoundError(f"No such file or folder: '{p}'")
    return list(dict.fromkeys(out))


def score_paths(
    paths: str | Path | Iterable[str | Path],
    *,
    roles: Sequence[Role] | str | Path | None = None,
    matcher: Any = None,
    model: str = "e5-small",
    progress: Callable[[FileResult], None] | None = None,
) -> list[FileResult]:
    """Read and score every résumé file under ``paths`` against every role.

    Parameters
    ----------
    paths : path or iterable of paths
        Files and folders (searched recursively for .pdf, .docx, .txt).
    roles : list of Role or path, optional
        Roles, or a role file/folder; default the bundled roles. Ignored when
        ``matcher`` is given.
    matcher : Matcher, optional
        A fitted matcher; default ``Matcher(model=model).fit(roles)``.
    model : str, default "e5-small"
        Model for the default matcher.
    progress : callable, optional
        Called with each :class:`FileResult` as soon as it is scored.

    Returns
    -------
    list of FileResult
        One per file, in path order, with ``resume_rank`` filled in.
    """
    from rolematch.io.extract import read_resume
    from rolematch.io.roles import load_roles
    from rolematch.matcher import Matcher

    if isinstance(paths, str | Path):
        paths = [paths]
    files = collect_files(paths)
    if matcher is None:
        role_list = (
            list(roles) if roles is not None and not isinstance(roles, str | Path)
            else load_roles(roles)
        )  # fmt: skip
        matcher = Matcher(model=model).fit(role_list)
    out: list[FileResult] = []
    for chunk in _chunks(files, CHUNK):
        resumes = [read_resume(f) for f in chunk]
        for f, resume, results in zip(chunk, resumes, _match_all(matcher, resumes), strict=True):
            fr = FileResult(str(f), _light(resume), results)
            out.append(fr)
            if progress is not None:
                progress(fr)
    _rank_resumes(out, matcher.role_ids_)
    return out


def _match_all(matcher: Any, resumes: list[Resume]) -> Iterator[list[MatchResult]]:
    """Every role's result per résumé, in role order."""
    ranked = matcher.match(resumes, top_k=None)
    order = {rid: i for i, rid in enumerate(matcher.role_ids_)}
    for results in ranked:
        yield sorted(results, key=lambda r: order[r.role_id])


def _light(resume: Resume) -> Resume:
    # Keep the record, drop the sentence list: a batch must not hold every text twice.
    from dataclasses import replace

    return replace(resume, sentences=())


def _rank_resumes(results: list[FileResult], role_ids: Sequence[str]) -> None:
    ok = [fr for fr in results if fr.ok]
    for r, rid in enumerate(role_ids):
        scores = np.array([fr.results[r].score for fr in ok])
        order = np.argsort(-scores, kind="stable")
        for rank, i in enumerate(order, start=1):
            ok[i].resume_rank[rid] = rank


def _chunks(items: Sequence[Path], n: int) -> Iterator[Sequence[Path]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]
