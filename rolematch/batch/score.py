"""Score folders of résumé files: paths in, one finished :class:`BatchResults` out.

One job: the public entry point, :func:`score_paths`, behind ``rolematch score`` too.
It finds the files (:mod:`~rolematch.batch.discover`), streams them through the engine
(:mod:`~rolematch.batch.pool`) into a :class:`~rolematch.results.BatchResults` as each
chunk finishes (memory stays flat), and ranks them once at the end.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from rolematch.batch.discover import collect_files, skipped_note
from rolematch.batch.pool import (
    DEFAULT_FILE_TIMEOUT,
    BatchStats,
    check_not_restarted_script,
    iter_results,
)
from rolematch.documents import Role
from rolematch.results import BatchResults, FileResult

__all__ = ["score_paths"]


def score_paths(
    paths: str | Path | Iterable[str | Path],
    *,
    roles: Sequence[Role] | str | Path | None = None,
    matcher: Any = None,
    model: str = "e5-small",
    profile: Any = None,
    workers: int = 1,
    cache: str | Path | None = None,
    ocr: bool = True,
    max_pages: int = 50,
    redact: bool = True,
    explain: bool = True,
    file_timeout: float | None = DEFAULT_FILE_TIMEOUT,
    progress: Callable[[FileResult], Any] | None = None,
    stats: BatchStats | None = None,
    spool_dir: str | Path | None = None,
) -> BatchResults:
    """Read and score every résumé file under ``paths`` against every role.

    Parameters
    ----------
    paths : path or iterable of paths
        Files and folders (searched recursively; every résumé document gets a record,
        unsupported types and broken links included; see
        :func:`~rolematch.batch.collect_files` for what folders leave out).
    roles : list of Role or path, optional
        Roles, or a role file/folder; default the bundled roles. Ignored when
        ``matcher`` is fitted.
    matcher : Matcher or mapping, optional
        A matcher (fitted, or fitted here on ``roles``), or a mapping of Matcher
        parameters that each worker fits (this process then never loads the model);
        default ``Matcher(model=model)``.
    model : str, default "e5-small"
        Model for the default matcher.
    profile : ScoringProfile, path or str, optional
        The scoring profile, as ``--profile`` on the command line: a
        :class:`~rolematch.profile.ScoringProfile` (``rolematch.learn_profile``'s), a
        profile JSON file (``rolematch learn``'s) or a bundled profile's name
        (``"static-zh"``); default the model's. Not with a fitted ``matcher`` (it
        scores with the profile it was fitted with) nor one given its own profile.
    workers : int, default 1
        Worker processes (see :func:`~rolematch.batch.iter_results`; guard your
        script's entry point with ``if __name__ == "__main__":`` when > 1).
    cache : path, optional
        Folder for the extraction and embedding caches.
    ocr : bool, default True
        Read scans and images with OCR (without, images get ``unreadable`` records).
    max_pages, redact
        Passed to :func:`~rolematch.io.extract.read_resume`.
    explain : bool, default True
        Keep full explanations (``BatchResults.explanation``); ``False`` keeps the
        scores and one-line reasons, about a third less work.
    file_timeout : float or None, default 120
        Seconds one file may take to read (status ``error`` after that); ``None``:
        no limit, read in this process.
    progress : callable, optional
        Called with each file's :class:`~rolematch.results.FileResult` as soon as it
        is scored.
    stats : BatchStats, optional
        Filled in with the run's counters (``skipped``: files folders held that were
        left out).
    spool_dir : path, optional
        Folder of the results' temporary spool file.

    Returns
    -------
    BatchResults
        Finished (ranks filled in), files in path order; close it when done (or use
        ``with``). ``.to_frame()`` gives the long table.

    Raises
    ------
    ValueError
        ``profile`` is not a valid profile (the message names it), or is given with a
        fitted ``matcher`` or one that has its own profile.

    Examples
    --------
    >>> with score_paths("cv/", profile="team.json") as results:  # doctest: +SKIP
    ...     frame = results.to_frame()
    """
    from rolematch.io.extract import check_read_options
    from rolematch.io.roles import load_roles

    check_not_restarted_script()  # before any work a worker re-running the script would do
    check_read_options(max_pages, redact, ocr, "score_paths")
    if isinstance(paths, str | Path):
        paths = [paths]
    if not isinstance(paths, Iterable):
        raise TypeError(
            "The 'paths' parameter of score_paths must be a path or an iterable of paths. "
            f"Got {type(paths).__name__} instead."
        )
    skipped: list[Path] = []
    files = collect_files(paths, skipped=skipped)
    if stats is not None and skipped:
        stats.skipped, stats.skipped_note = len(skipped), skipped_note(skipped)
    fitted = matcher is not None and hasattr(matcher, "roles_")
    role_list: list[Role] = (
        list(matcher.roles_) if fitted
        else list(roles) if roles is not None and not isinstance(roles, str | Path)
        else load_roles(roles)
    )  # fmt: skip
    if profile is not None:
        matcher = _with_profile(matcher, profile, model, fitted)
    if matcher is None:
        from rolematch.matcher import Matcher

        matcher = Matcher(model=model)
    results = BatchResults(role_list, files, spool_dir=spool_dir)
    try:
        stream = iter_results(
            files,
            matcher=matcher,
            roles=None if fitted else role_list,
            workers=workers,
            cache=cache,
            max_pages=max_pages,
            redact=redact,
            ocr=ocr,
            explain=explain,
            file_timeout=file_timeout,
            stats=stats,
        )
        for i, fr in stream:
            try:
                results.add(i, fr)
            except Exception as e:  # noqa: BLE001 - one file's result must not stop the batch
                reason = f"{type(e).__name__} while recording its result: {e}"
                fr = FileResult(
                    fr.file,
                    replace(fr.resume, status="error", reason=reason),
                    traceback=traceback.format_exc(),
                )
                results.add(i, fr)
            if progress is not None:
                progress(fr)
    except BaseException:
        results.close()
        raise
    return results.finish()


def _with_profile(matcher: Any, profile: Any, model: str, fitted: bool) -> Any:
    """The matcher ``score_paths`` scores with under ``profile`` (loaded here, so a bad
    one is named before any file is read): built here, or ``matcher``'s parameters with
    it; refused where ``matcher`` already has a profile."""
    from rolematch.matcher import Matcher
    from rolematch.profile import load_profile

    where = "The 'profile' parameter of score_paths"
    try:
        loaded = load_profile(profile)
    except (TypeError, ValueError) as e:
        raise ValueError(f"{where} is not valid: {e}") from None
    if fitted:
        raise ValueError(
            f"{where} cannot be combined with a fitted 'matcher', which scores with the "
            f"profile it was fitted with ({(matcher.profile_.name or matcher.profile_.model)!r}). "
            "Pass profile= alone, or Matcher(profile=...) before fitting it."
        )
    if matcher is None:
        return Matcher(model=model, profile=loaded)
    params = dict(matcher) if isinstance(matcher, Mapping) else matcher.get_params(deep=False)
    if params.get("profile") is not None:
        raise ValueError(
            f"{where} cannot be combined with a 'matcher' given its own profile "
            f"({params['profile']!r:.80}); pass one of them."
        )
    if isinstance(matcher, Mapping):
        return {**params, "profile": loaded}
    return type(matcher)(**{**params, "profile": loaded})  # the caller's matcher stays as it was
