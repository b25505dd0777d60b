"""``audit()``: score a batch the way ``rolematch score`` does, then audit its shortlists."""

from __future__ import annotations

import datetime as _dt
import errno
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from rolematch.fairness.attributes import ATTRIBUTES, GROUPS, UNKNOWN, attribute_groups
from rolematch.fairness.counterfactual import max_score_change, swap_personal
from rolematch.fairness.pooled import pooled_summary
from rolematch.fairness.rates import (
    ALPHA,
    MIN_GROUP,
    audit_table,
    below_four_fifths,
    check_rule,
    cut_ties,
    selections_per_resume,
)

if TYPE_CHECKING:
    from rolematch.documents import Role
    from rolematch.matcher import Matcher

__all__ = ["CF_PROMISE", "NOT_COUNTED", "AuditResult", "audit"]

#: The counterfactual check's promise: no swap of personal data moves a score more.
CF_PROMISE = 0.005
#: Ends the ``--scores-csv`` warnings of a copy the audit left out (then the original).
NOT_COUNTED = "not counted in the audit: a copy of "


@dataclass(frozen=True)
class AuditResult:
    """A bias audit of one batch: aggregates only, never a person's attributes.

    ``to_dict()`` is ``audit.json``: ``rule``, ``n_resumes``, ``duplicates_ignored``,
    ``roles``, ``alpha``, ``flags``, ``inconclusive``, ``pooled``,
    ``counterfactual_max_delta``, ``warnings`` (see :mod:`rolematch.fairness`). ``flags``
    are the impact ratios below four fifths that are unlikely by chance (p < ``alpha``);
    ``inconclusive`` the other ratios below four fifths, not flagged; ``pooled`` each
    attribute's groups compared over all roles at once
    (:func:`~rolematch.fairness.pooled.pooled_summary`). ``n_resumes`` counts distinct
    résumés: files with the same text as an earlier one (``duplicate: same text as …``
    in ``rolematch score``) are ``duplicates_ignored``. The other fields describe the
    run for the reports.
    """

    rule: dict[str, Any]
    n_resumes: int
    roles: dict[str, Any]
    flags: list[dict[str, Any]]
    counterfactual_max_delta: float | None
    warnings: list[str]
    attributes: tuple[str, ...] = ("gender", "age")
    date: str = ""
    model: str = ""
    role_titles: dict[str, str] = field(default_factory=dict)
    n_files: int = 0
    #: Roles whose top-K cut falls inside a tie (see :func:`~rolematch.fairness.rates.cut_ties`).
    ties: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Files left out as copies of an earlier file of the batch (the same text).
    duplicates_ignored: int = 0
    #: Impact ratios below four fifths whose p-value is not below ``ALPHA``: not flags.
    inconclusive: list[dict[str, Any]] = field(default_factory=list)
    #: Each attribute's groups against the most-selected one, pooled over the roles.
    pooled: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The ``audit.json`` record (its schema is stable)."""
        return {
            "rule": dict(self.rule),
            "n_resumes": self.n_resumes,
            "duplicates_ignored": self.duplicates_ignored,
            "roles": self.roles,
            "alpha": ALPHA,
            "flags": list(self.flags),
            "inconclusive": list(self.inconclusive),
            "pooled": list(self.pooled),
            "counterfactual_max_delta": self.counterfactual_max_delta,
            "warnings": list(self.warnings),
        }

    def write(self, path: str | Path) -> str:
        """Write the audit as ``.json``, ``.html``, ``.xlsx`` or ``.csv`` (by suffix);
        returns the format. See :func:`rolematch.fairness.write_audit`."""
        from rolematch.fairness.report import write_audit

        return write_audit(self, path)


def _parse_date(date: _dt.date | str | None) -> _dt.date:
    if date is None:
        return _dt.date.today()
    if isinstance(date, _dt.datetime):
        return date.date()
    if isinstance(date, _dt.date):
        return date
    try:
        return _dt.date.fromisoformat(str(date))
    except ValueError:
        raise ValueError(
            f"The 'date' parameter must be a date or 'YYYY-MM-DD'. Got {date!r} instead."
        ) from None


def _check_attributes(attributes: Iterable[str]) -> tuple[str, ...]:
    attrs = tuple(attributes) if not isinstance(attributes, str) else tuple(attributes.split(","))
    attrs = tuple(a.strip() for a in attrs)
    bad = [a for a in attrs if a not in ATTRIBUTES]
    if bad or not attrs or len(set(attrs)) != len(attrs):
        raise ValueError(
            f"The 'attributes' parameter must name some of {list(ATTRIBUTES)}, each once. "
            f"Got {list(attrs)!r} instead."
        )
    return attrs


def audit(
    paths: str | Path | Iterable[str | Path],
    *,
    roles: Sequence[Role] | str | Path | None = None,
    model: str = "e5-small",
    matcher: Matcher | None = None,
    top_k: int | None = None,
    min_score: float | None = None,
    attributes: Sequence[str] | str = ("gender", "age"),
    date: _dt.date | str | None = None,
    counterfactual: bool = True,
    workers: int = 1,
    cache: str | Path | None = None,
    ocr: bool = True,
    scores_csv: str | Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> AuditResult:
    """Audit a batch's shortlists for skew by gender, age band and (if asked) ethnicity.

    The batch is scored exactly as ``rolematch score`` scores it
    (:func:`rolematch.score_paths`); each résumé's attributes are read from its own
    stated personal data before redaction, and only group aggregates come out. A résumé
    sent as several files (a PDF and its Word copy: the same text, which ``score`` marks
    ``duplicate: same text as …``) is one candidate: only its first file in the batch's
    order is counted, the others are left out of every count and tie, and the warnings
    and ``duplicates_ignored`` say how many.

    Parameters
    ----------
    paths : path or iterable of paths
        Résumé files and folders.
    roles : list of Role or path, optional
        Roles or a role file/folder; default the bundled roles.
    model : str, default "e5-small"
        Model of the default matcher (``"static-zh"`` for large batches).
    matcher : Matcher, optional
        A matcher (fitted, or fitted here on ``roles``) instead of ``model``.
    top_k, min_score
        The selection rule, exactly one: each role's best ``top_k`` résumés (those
        scoring at least the K-th best score as the CSV shows it, so all tied at the cut
        are selected and the warnings say so), or those scoring at least ``min_score``.
    attributes : sequence of str or "a,b"
        Some of ``gender``, ``age``, ``ethnicity`` (the last only when asked).
    date : date or "YYYY-MM-DD", optional
        The audit date: ages from birth dates are counted to it. Default today.
    counterfactual : bool, default True
        Re-score every résumé with its personal data swapped and report the largest
        score change (see :mod:`rolematch.fairness.counterfactual`).
    workers, cache, ocr
        As for :func:`rolematch.score_paths`.
    scores_csv : path, optional
        Also write the batch's scores, as ``rolematch score -o ranking.csv`` writes them,
        to this file: the audit can then be redone from the very scores it used (less
        the rows whose warnings end ``not counted in the audit: a copy of <file>``).
        Unlike the audit it names files (often the candidates' names) and their scores.
    progress : callable, optional
        Called with a short message (aggregate counts only) at each stage.

    Returns
    -------
    AuditResult
        ``to_dict()`` is the ``audit.json`` record.

    Raises
    ------
    ValueError
        A bad rule, attribute or date.
    FileNotFoundError
        A path does not exist.

    Examples
    --------
    >>> result = audit("cv/", model="static-zh", top_k=10)           # doctest: +SKIP
    >>> result.to_dict()["roles"]["customer-service"]["gender"]["女"]  # doctest: +SKIP
    {'n': 31, 'selected': 4, 'rate': 0.129..., 'impact_ratio': 0.72..., ...}
    >>> result.write("audit.html")                                     # doctest: +SKIP
    'html'
    """
    from rolematch.batch import collect_files, score_paths
    from rolematch.io.roles import load_roles
    from rolematch.matcher import Matcher

    rule = check_rule(top_k, min_score)
    attrs = _check_attributes(attributes)
    on = _parse_date(date)
    say = progress or (lambda message: None)
    paths = [paths] if isinstance(paths, str | Path) else list(paths)
    for p in map(Path, paths):
        # a batch gives a missing file its own 'unreadable' row; an audit of it would be
        # an audit of nobody (a broken link, which exists as a name, is a row as in score)
        if not p.exists() and not p.is_symlink():
            raise FileNotFoundError(
                errno.ENOENT, "The 'paths' parameter of audit names no file or folder", str(p)
            )
    files = collect_files(paths)
    if matcher is None:
        matcher = Matcher(model=model)
    if not hasattr(matcher, "roles_"):
        role_list = (
            list(roles) if roles is not None and not isinstance(roles, str | Path)
            else load_roles(roles)
        )  # fmt: skip
        matcher.fit(role_list)
    n, r = len(files), len(matcher.roles_)
    say(f"scoring {n} file{'s' * (n != 1)} against {r} role{'s' * (r != 1)}")
    results = score_paths(
        files, matcher=matcher, workers=workers, cache=cache, ocr=ocr, explain=False
    )
    all_rows, copies = _long_rows(results, scores_csv)
    # one candidate's résumé sent as several files is one candidate: counted as often
    # as it was sent, it fills a shortlist with ties and skews its group's rates
    rows = [r for r in all_rows if str(r["file"]) not in copies]
    ok_files = list(dict.fromkeys(str(r["file"]) for r in rows if r["status"] == "ok"))
    not_ok = [r for r in rows if r["status"] != "ok"]

    say(f"reading the stated attributes of {len(ok_files)} résumés")
    groups: dict[str, dict[str, str]] = {}
    pairs: list[tuple[str, str, str]] = []
    for source, personal, text in _personal(ok_files, ocr=ocr):
        groups[source] = attribute_groups(personal, attrs, on)
        if counterfactual:
            pairs.append((source, text, swap_personal(text, personal, on)))
    role_ids = list(matcher.role_ids_)
    roles_out, flags = audit_table(rows, groups, rule=rule, attributes=attrs, role_ids=role_ids)
    ties = cut_ties(rows, rule, role_ids)

    delta: float | None = None
    swapped = 0
    if counterfactual:
        say(f"re-scoring {len(pairs)} résumés with their personal data swapped")
        reference: dict[str, np.ndarray] = {}
        index = {role_id: r for r, role_id in enumerate(role_ids)}
        for row in rows:
            if row["status"] == "ok" and row["role_id"]:
                scores = reference.setdefault(str(row["file"]), np.full(len(role_ids), np.nan))
                scores[index[str(row["role_id"])]] = float(row["score"])
        delta, swapped = max_score_change(matcher, pairs, reference=reference)
        pairs.clear()
    warnings = _warnings(
        n_ok=len(ok_files), not_ok=not_ok, groups=groups, attrs=attrs, rule=rule,
        roles=roles_out, delta=delta, swapped=swapped, ties=ties, copies=len(copies),
    )  # fmt: skip
    return AuditResult(
        rule=rule,
        n_resumes=len(ok_files),
        roles=roles_out,
        flags=flags,
        counterfactual_max_delta=None if delta is None else round(delta, 6),
        warnings=warnings,
        attributes=attrs,
        date=on.isoformat(),
        model=str(getattr(matcher, "model", model)),
        role_titles={r.id: r.title for r in matcher.roles_},
        n_files=len(files),
        ties=ties,
        duplicates_ignored=len(copies),
        inconclusive=[f for f in below_four_fifths(roles_out) if f["p_value"] >= ALPHA],
        pooled=pooled_summary(
            roles_out, groups=groups, selections=selections_per_resume(rows, rule)
        ),
    )


def _long_rows(
    results: Any, scores_csv: str | Path | None
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The batch's long table as records (file, status, role_id, score, resume_rank …),
    from its results object, and its copies (:func:`_copies`); also written to
    ``scores_csv`` as ``rolematch score`` would, each copy's rows marked."""
    try:
        copies = _copies(results)
        if scores_csv is not None:
            from rolematch.report import long_rows, write_csv

            write_csv(_mark_copies(long_rows(results), copies), scores_csv)
        records: list[dict[str, Any]] = results.to_frame().to_dict("records")
        return records, copies
    finally:
        results.close()


def _copies(results: Any) -> dict[str, str]:
    """Copy -> original: each scored file whose text an earlier file of the batch has
    (:meth:`~rolematch.results.BatchResults.same_text_groups`), mapped to the first one,
    which the batch ranks first among their equal scores."""
    files = results.files
    return {str(files[j]): str(files[g[0]]) for g in results.same_text_groups() for j in g[1:]}


def _mark_copies(
    rows: Iterable[dict[str, Any]], copies: dict[str, str]
) -> Iterator[dict[str, Any]]:
    """The rows, a copy's warnings ending with :data:`NOT_COUNTED` and its original."""
    for row in rows:
        original = copies.get(str(row["file"])) if row.get("status") == "ok" else None
        if original is not None:
            note = f"{NOT_COUNTED}{original}"
            row = {**row, "warnings": f"{row['warnings']}; {note}" if row["warnings"] else note}
        yield row


def _personal(files: Sequence[str], *, ocr: bool) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(source, personal data, unredacted text) per file, read as the batch read it."""
    from rolematch.io.extract import read_resume

    for f in files:
        r = read_resume(f, redact=False, ocr=ocr)
        yield r.source, dict(r.personal), r.text


def tie_text(role_id: str, tie: dict[str, Any], top_k: int) -> str:
    """A tie at a role's top-K cut, in words (a warning, and the reports' note)."""
    return (
        f"{role_id}: {tie['tied']} résumés tie at the cut score {tie['cut_score']:.4f} for "
        f"the last {tie['places']} of the {top_k} places; all are selected ({tie['selected']}, "
        f"not {top_k}), so the audit does not depend on the order of ties"
    )


def _warnings(
    *,
    n_ok: int,
    not_ok: Sequence[Any],
    groups: dict[str, dict[str, str]],
    attrs: Sequence[str],
    rule: dict[str, Any],
    roles: dict[str, Any],
    delta: float | None,
    swapped: int,
    ties: dict[str, dict[str, Any]] | None = None,
    copies: int = 0,
) -> list[str]:
    out: list[str] = []
    if not_ok:
        counts: dict[str, int] = {}
        for r in not_ok:
            counts[str(r["status"])] = counts.get(str(r["status"]), 0) + 1
        what = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
        out.append(f"{len(not_ok)} files could not be scored ({what}) and are not counted")
    if copies:
        # no file named: the audit's outputs name nobody; --scores-csv says which
        out.append(
            f"{copies} résumés are copies of others (the same text as another file) and were "
            "counted once; --scores-csv marks them 'not counted in the audit'"
            if copies > 1
            else "1 résumé is a copy of another (the same text as another file) and was "
            "counted once; --scores-csv marks it 'not counted in the audit'"
        )
    for a in attrs:
        unknown = sum(g.get(a) == UNKNOWN for g in groups.values())
        if unknown:
            out.append(f"{a}: {unknown} of {n_ok} résumés do not state it (group {UNKNOWN})")
        small = [
            g for g in GROUPS[a] if 0 < sum(x.get(a) == g for x in groups.values()) < MIN_GROUP
        ]
        if small:
            out.append(
                f"{a}: groups with fewer than {MIN_GROUP} résumés are reported without rates: "
                + ", ".join(small)
            )
    if "top_k" in rule and rule["top_k"] >= n_ok > 0:
        out.append(
            f"top_k {rule['top_k']} selects every one of the {n_ok} résumés: the rates say nothing"
        )
    for role_id, tie in (ties or {}).items():
        out.append(tie_text(role_id, tie, int(rule["top_k"])))
    for role_id, per_attr in roles.items():
        for a, table in per_attr.items():
            rated = [g for g, c in table.items() if g != UNKNOWN and c["rate"] is not None]
            if len(rated) == 1:
                out.append(
                    f"{role_id}: {a}: only one group large enough ({rated[0]}, n="
                    f"{table[rated[0]]['n']}): its impact ratio is not measurable, not 1.0"
                )
    if "min_score" in rule:
        for role_id, per_attr in roles.items():
            first: dict[str, Any] = next(iter(per_attr.values()), {})
            if first and not any(c["selected"] for c in first.values() if c["selected"]):
                out.append(
                    f"{role_id}: no résumé in a group of {MIN_GROUP}+ scores at least "
                    f"{rule['min_score']}: no impact ratio"
                )
    if delta is None:
        out.append("counterfactual check not run")
    else:
        if delta > CF_PROMISE:
            out.append(
                f"counterfactual: swapping personal data moved a score by {delta:.4f} "
                f"(> {CF_PROMISE}): the scorer sees something of who the candidate is"
            )
        if swapped < n_ok:
            out.append(
                f"counterfactual: {n_ok - swapped} of {n_ok} résumés state no personal data "
                "the check could swap"
            )
    return out
