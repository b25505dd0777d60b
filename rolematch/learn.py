"""Learn a team's scoring profile from its recruiters' decisions, and pick what to label next.

Every shortlist or reject is a label. :func:`learn` scores the decided résumés with
the current engine and refits the calibration of the score — the logistic
coefficients of :func:`rolematch.scoring.combine` — on the team's decisions,
shrunk toward the base profile so a handful of decisions cannot swing it (how
strongly is chosen by cross-validation: many consistent decisions may move it far),
with cross-validation by résumé; a role whose held-out AUC the learned numbers
lower keeps its defaults. The result is an ordinary, auditable
:class:`~rolematch.profile.ScoringProfile` whose ``provenance`` holds the report:
held-out metrics with the defaults and with the learned numbers, fold by fold,
the learned coefficients beside the defaults and their support counts. When
cross-validation shows no gain the profile keeps the defaults and says so.
This module reads the decisions, scores them and formats the report; the fit itself
(:func:`learn_from_table`, :func:`fit_coefficients`, the prior strengths and gates)
lives in :mod:`rolematch._learn_fit`, the keyword emphasis (:class:`KeywordEvidence`)
in :mod:`rolematch._learn_keywords`; both are re-exported here.

Only the scores' components are used (keyword coverage, duty coverage, facets of
the redacted text): no personal data reaches the fit.

:func:`suggest` picks the résumés whose decision would teach the most: the ones
closest to the decision boundary, skipping near-duplicates.

Examples
--------
>>> import pandas as pd
>>> read_decisions(pd.DataFrame({"file": ["简历.txt"], "role_id": ["mobile-banking"],
...                              "decision": ["shortlist"]})).grade.tolist()
[2]
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from rolematch._learn_decisions import (
    DecisionsWarning,
    ResumeLookup,
    check_rows,
    decision_word,
    drop_unreadable,
    one_per_resume_and_role,
    table_rows,
)
from rolematch._learn_fit import COMPONENTS, METRICS, fit_coefficients, learn_from_table
from rolematch._learn_keywords import KeywordEvidence
from rolematch._learn_metrics import (
    in_words,
    maybe_decisions,
    maybe_line,
    pairs_effect,
    pairs_line,
)
from rolematch._learn_terms import WordEvidence, no_word_reason
from rolematch.io.roles import find_role
from rolematch.profile import ScoringProfile, load_profile
from rolematch.scoring import COEFFICIENTS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "DECISION_GRADES",
    "DecisionsWarning",
    "KeywordEvidence",
    "WordEvidence",
    "fit_coefficients",
    "learn",
    "learn_from_table",
    "learn_profile",
    "read_decisions",
    "report_table",
    "suggest",
]

#: Decision words (and grades) -> grade: 2 a fit, 1 a partial fit, 0 not a fit. A
#: team's sheet says 入围, 面试, 待定 or 淘汰 as often as shortlist or reject.
DECISION_GRADES: dict[str, int] = {
    "shortlist": 2,
    "shortlisted": 2,
    "interview": 2,
    "interviewed": 2,
    "offer": 2,
    "hire": 2,
    "hired": 2,
    "maybe": 1,
    "hold": 1,
    "reject": 0,
    "rejected": 0,
    "2": 2,
    "1": 1,
    "0": 0,
    "入围": 2,
    "通过": 2,
    "已入围": 2,
    "已录用": 2,
    "初筛通过": 2,
    "推荐": 2,
    "面试": 2,
    "邀约面试": 2,
    "复试": 2,
    "录用": 2,
    "录取": 2,
    "聘用": 2,
    "入职": 2,
    "待定": 1,
    "备选": 1,
    "储备": 1,
    "可考虑": 1,
    "淘汰": 0,
    "不通过": 0,
    "未通过": 0,
    "不合适": 0,
    "不匹配": 0,
    "拒绝": 0,
    "不录用": 0,
    "未录用": 0,
    "未入围": 0,
    "面试未通过": 0,
    "不推荐": 0,
}


# ------------------------------------------------------------------ decisions
def read_decisions(
    decisions: str | Path | pd.DataFrame,
    resumes: Iterable[str | Path] = (),
    *,
    roles: Iterable[Any] | None = None,
    check_files: bool = False,
) -> pd.DataFrame:
    """Read and check a decisions table.

    Parameters
    ----------
    decisions : path or DataFrame
        A CSV file with a header (UTF-8 with or without a byte-order mark, or
        GB18030, as Excel saves plain CSV on Chinese Windows), an Excel workbook
        (``.xlsx``, its first sheet; needs the ``excel`` extra) or a DataFrame with
        columns ``file`` (résumé path; a relative path is read next to the table when
        it is not found from the working folder), ``role_id`` and ``decision``, or an
        export's names for them (简历附件, 应聘职位, 初筛结论 …:
        :data:`~rolematch._learn_decisions.HEADER_ALIASES`; 候选人 is a person, not a
        file; a column named exactly ``file`` wins over an alias). ``decision``: ``shortlist``,
        ``interview``, ``offer``, ``hire`` (a fit, grade 2), ``maybe`` (1),
        ``reject`` (0), their Chinese counterparts (入围, 面试, 录用 …; 待定, 备选;
        淘汰, 不合适 …: :data:`DECISION_GRADES`), or the grades ``2``/``1``/``0``.
        ``\\`` separates a path's parts as ``/`` does. A row whose decision is empty
        is pending: skipped, and one :class:`DecisionsWarning` counts such rows.
    resumes : iterable of path, optional
        The résumé paths given: a ``file`` not found as written is the one of these
        that ends with the most of its parts (``王强.txt``, ``D:\\hr\\cvs\\王强.txt``:
        :class:`~rolematch._learn_decisions.ResumeLookup`).
    roles : iterable of Role, optional
        Where given, a ``role_id`` must be one of these roles' ids or titles.
    check_files : bool, default False
        Where other rows are bad, name the files found nowhere among them too (alone,
        they are not an error here: :func:`learn` drops their decisions with a warning).

    Returns
    -------
    pandas.DataFrame
        Columns ``file``, ``role_id``, ``decision`` (as given), ``grade`` (int) and
        ``line`` (the line of the CSV or row of the sheet, header = 1).

    Raises
    ------
    ValueError
        A column is missing or two columns name one (an alias each), or rows are bad
        (one message names every bad row's line and field),
        a file matches several of ``resumes`` equally well (the message names them), or
        the CSV is neither UTF-8 nor GB18030 text (the message names the file).
    """
    import pandas as pd

    source, base, header, rows = table_rows(decisions)
    missing = [c for c in ("file", "role_id", "decision") if c not in header]
    if missing:
        raise ValueError(
            f"{source} line 1: the header must name the columns file, role_id, decision "
            "(Chinese names are accepted too: 简历/简历附件/文件, 岗位/职位/应聘职位, "
            f"结论/结果/初筛结论 …). Missing {missing}; got {header} instead."
        )
    look = ResumeLookup(base, resumes)
    check_rows(  # every bad row in one error
        source, rows, look, None if roles is None else list(roles), check_files=check_files
    )
    out, pending = [], []
    for n, row in rows:
        file, role_id, decision = (row.get(f, "") for f in ("file", "role_id", "decision"))
        if not (file or role_id or decision):  # a row of empty cells, as a blank line
            continue
        if not decision:  # not decided yet (check_rows let no other empty field through)
            pending.append(n)
            continue
        out.append(
            {
                "file": look.find(file),
                "role_id": role_id,
                "decision": decision,
                "grade": DECISION_GRADES[decision_word(decision)],
                "line": n,
            }
        )
    if pending:
        s = "s" if len(pending) > 1 else ""
        lines = f"line{s} " + ", ".join(map(str, pending[:10])) + (", …" * (len(pending) > 10))
        what = f"{len(pending)} row{s} without a decision"
        if not out:
            raise ValueError(f"{source}: no decisions, only {what} ({lines}).")
        warnings.warn(f"{source}: {what} skipped ({lines})", DecisionsWarning, stacklevel=2)
    if not out:
        raise ValueError(f"{source}: no decisions (the table has a header and no rows).")
    return pd.DataFrame(out, columns=["file", "role_id", "decision", "grade", "line"])


def learn(
    decisions: str | Path | pd.DataFrame,
    roles: Any = None,
    model: str = "e5-small",
    base_profile: Any = None,
    folds: int = 5,
    seed: int = 0,
    *,
    keyword_emphasis: bool = True,
    encoder: Any = None,
    resumes: Iterable[str | Path] = (),
) -> tuple[ScoringProfile, dict[str, Any]]:
    """Learn a scoring profile from a team's decisions.

    Parameters
    ----------
    decisions : path or DataFrame
        See :func:`read_decisions`: ``file``, ``role_id`` (a role's id, or its title
        where no other role has that title), ``decision``.
    roles : list of Role, path or None
        The roles decided on (default the bundled roles); a path is loaded like
        ``--roles`` (role files or postings).
    model : str, default "e5-small"
        The model scoring the résumés.
    base_profile : profile, optional
        The defaults to start from and shrink toward (default the model's profile).
    folds, seed : int
        Cross-validation by résumé (see :func:`learn_from_table`).
    keyword_emphasis : bool, default True
        Also learn which terms this team rewards or punishes beyond the score (at
        most 10, factors in [0.5, 2]) and which words of the résumés it prizes for
        every role (a background such as 支付: at most 5, each a log-odds bonus in
        [-2, 2]); each kept only when cross-validation shows a gain.
    encoder : Encoder, optional
        Passed to :class:`~rolematch.matcher.Matcher` (e.g. a caching encoder).
    resumes : iterable of path, optional
        Résumé files (folders are expanded): where a ``file`` not found as written is
        looked up by its last parts (see :func:`read_decisions`).

    Returns
    -------
    (ScoringProfile, dict)
        The profile (``.save(path)`` writes it) and the report (also in the profile's
        ``provenance["learning"]``). Beside the held-out metrics it holds
        ``maybe_decisions`` (the grade-1 decisions, maybe/待定, counted as fits, by
        word) and ``all_pairs``: every résumé × role pair of the decided résumés, for
        every role loaded, scoring ≥ 0.5 with the defaults and with the profile, and
        the pairs the team did not decide that cross 0.5 (a word preference is added to
        every role's score, not only to those decided). Counts only, no file names.

    Raises
    ------
    ValueError
        A bad decision row (names the line and the field), a role id that is not
        among the roles, or decisions without both fits and rejects.

    Examples
    --------
    >>> profile, report = learn("decisions.csv", model="static-zh")   # doctest: +SKIP
    >>> print(report_table(report))                                   # doctest: +SKIP
    """

    from rolematch.io.extract import read_resume
    from rolematch.matcher import Matcher

    given = resume_files(resumes)
    role_list = _roles(roles)
    # every bad row in one error, the files found nowhere with them
    table = read_decisions(decisions, given, roles=role_list, check_files=True)
    source = "decisions" if not isinstance(decisions, (str, Path)) else str(decisions)
    # a team's sheet names the post as it reads (客户服务团队主管), not by its id
    named = {x: find_role(role_list, x) for x in set(table["role_id"])}
    table["role_id"] = [r.id if (r := named[x]) is not None else x for x in table["role_id"]]
    read = {f: read_resume(f) for f in dict.fromkeys(table["file"])}
    table, unreadable = drop_unreadable(table, read, source)
    table = one_per_resume_and_role(table, read, source)
    gaps = _decision_gaps(table, read, source)
    maybe = maybe_decisions(table)
    base = load_profile(base_profile if base_profile is not None else model)
    matcher = Matcher(model=model, profile=base, encoder=encoder).fit(role_list)
    files = list(dict.fromkeys(table["file"]))
    docs = [read[f] for f in files]
    key = {str(r.source): f for r, f in zip(docs, files, strict=True)}
    scored = matcher.score_table(docs)
    scored["file"] = [key.get(str(s), str(s)) for s in scored["file"]]
    default = (
        scored.pivot(index="file", columns="role_id", values="score")
        .reindex(index=files, columns=matcher.role_ids_)
        .to_numpy(np.float64)
    )
    scored = scored[["file", "role_id", *COMPONENTS]]
    merged = table.merge(scored, on=["file", "role_id"], how="left")
    keywords = words = None
    if keyword_emphasis:
        where = {f: i for i, f in enumerate(files)}
        texts = [r.text if r.ok else "" for r in docs]  # redacted: no personal data
        rows = np.array([where[f] for f in merged["file"]])
        keywords = KeywordEvidence.of(
            matcher,
            docs,
            rows,
            np.array([matcher.role_ids_.index(r) for r in merged["role_id"]]),
        )
        words = WordEvidence.of(matcher.keywords_, texts, rows)
    profile, report = learn_from_table(
        merged[["file", "role_id", "grade", *COMPONENTS]],
        base,
        folds=folds,
        seed=seed,
        keywords=keywords,
        words=words,
    )
    wp = report.get("word_preferences", {})
    if words is not None and wp and not wp["learned"] and str(wp.get("reason", "")):
        tried = [w for t in words.trials for w in t["chosen"]]
        wp["reason"] += (
            f"; words chosen in a fold: {'、'.join(dict.fromkeys(tried))}"
            if tried
            else f"; {no_word_reason(words.trials)}"
        )
    report["model"] = model
    report["maybe_decisions"] = maybe
    report["decision_gaps"] = gaps
    done = set(zip(table["file"], table["role_id"], strict=True))
    report["all_pairs"] = {
        "changed": _scores_change(profile, base),
        **pairs_effect(
            default,
            _rescored(profile, base, matcher, docs, default),
            np.array([[(f, r) in done for r in matcher.role_ids_] for f in files], bool),
            matcher.role_ids_,
        ),
    }
    # counts only: a résumé's file name often holds the candidate's name and phone number
    report["unscored_decisions"] = int(report["unscored_decisions"]) + unreadable["decisions"]
    report["unreadable_resumes"] = unreadable["resumes"]
    report["unreadable_reasons"] = unreadable["reasons"]
    if not keyword_emphasis:
        report["word_preferences"] = {
            "learned": False,
            "reason": "not tried: keyword emphasis and word preferences were turned off "
            "(--no-keywords)",
        }
    prov = {**dict(profile.provenance), "learning": report}
    return profile.replace(provenance=prov), report


#: The name :mod:`rolematch` exports :func:`learn` under (``rolematch.learn`` is this
#: module): ``profile, report = rolematch.learn_profile("decisions.csv", resumes=["cv/"])``.
learn_profile = learn


def _decision_gaps(table: pd.DataFrame, read: Mapping[str, Any], source: str) -> list[Any]:
    """The groups the decisions accept less than four fifths as often as another
    (:func:`rolematch.fairness.decisions.decision_gaps`), each unlikely by chance
    (p < 0.05) warned of: a profile learned from them may carry the gap."""
    import datetime as dt

    from rolematch.fairness.decisions import decision_gaps
    from rolematch.fairness.rates import ALPHA

    rows = zip(table["file"], table["grade"], strict=True)
    gaps = decision_gaps(((read[f].personal, g >= 1) for f, g in rows), dt.date.today())
    for g in gaps:
        if g["p_value"] < ALPHA:
            warnings.warn(
                f"{source}: the decisions shortlist {g['attribute']} {g['group']} at "
                f"{g['impact_ratio']:.2f} the rate of {g['reference_group']} ({g['accepted']} "
                f"of {g['n']} against {g['reference_accepted']} of {g['reference_n']}, "
                f"p = {g['p_value']:.3f}): a profile learned from them may carry the gap; "
                "audit its shortlists (rolematch audit --profile) before using it",
                DecisionsWarning,
                stacklevel=3,
            )
    return gaps


def _scores_change(profile: ScoringProfile, base: ScoringProfile) -> bool:
    """Whether ``profile`` scores otherwise than ``base`` (name and report aside)."""

    def scoring(p: ScoringProfile) -> dict[str, Any]:
        return {k: v for k, v in p.to_dict().items() if k not in ("name", "provenance")}

    return scoring(profile) != scoring(base)


def _rescored(
    profile: ScoringProfile, base: ScoringProfile, matcher: Any, docs: list[Any], default: Any
) -> Any:
    """The scores of ``docs`` for every role with ``profile`` (``default``, the base
    profile's, where it scores the same), on the model ``matcher`` has loaded."""
    from rolematch.matcher import Matcher
    from rolematch.profile import ProfileWarning

    if not _scores_change(profile, base):
        return default
    with warnings.catch_warnings():  # fitting on the base profile warned already
        warnings.simplefilter("ignore", ProfileWarning)
        learned = Matcher(model=matcher.model, profile=profile, encoder=matcher.encoder_)
        learned.fit(matcher.roles_)
    return learned.score_matrix(docs)


def resume_files(paths: Iterable[str | Path]) -> list[str]:
    """Résumé files and folders as the files they hold (none when none is given)."""
    from rolematch.batch import collect_files

    paths = list(paths)
    return [str(f) for f in collect_files(paths)] if paths else []


def _roles(roles: Any) -> list[Any]:
    from rolematch.io.roles import load_roles, load_roles_reporting

    if roles is None:
        return load_roles()
    if isinstance(roles, (str, Path)):
        return load_roles_reporting(roles)[0]
    return list(roles)


def _num(v: Any, spec: str) -> str:
    """A number as ``spec``, or — where there is none (too few decisions to measure)."""
    return format(v, spec) if isinstance(v, (int, float)) and math.isfinite(v) else "—"


def report_table(report: Mapping[str, Any]) -> str:
    """The report as plain text: folds, overall, coefficients, support, the verdict."""
    lines = [
        f"{'fold':>7} {'decisions':>9} {'AUC def':>8} {'AUC new':>8} {'pooled def':>10} "
        f"{'pooled new':>10} {'NDCG@5 def':>10} {'NDCG@5 new':>10} {'Brier def':>9} "
        f"{'Brier new':>9}",
        "(AUC: mean over roles; pooled: every pair; held-out résumés, mean over folds)",
    ]

    def cell(v: Any, w: int) -> str:
        return f"{v:>{w}.3f}" if isinstance(v, float) else f"{'—':>{w}}"

    rows = [(str(r["fold"]), r) for r in report["folds"]]
    o = report["overall"]
    all_row = {
        "decisions": report["decisions"],
        **{f"{m}_default": o["default"][m] for m in METRICS},
        **{f"{m}_learned": o["learned"][m] for m in METRICS},
    }
    for label, r in [*rows, ("overall", all_row)]:
        lines.append(
            f"{label:>7} {r['decisions']:>9} "
            f"{cell(r['auc_default'], 8)} {cell(r['auc_learned'], 8)} "
            f"{cell(r['pooled_auc_default'], 10)} {cell(r['pooled_auc_learned'], 10)} "
            f"{cell(r['ndcg@5_default'], 10)} {cell(r['ndcg@5_learned'], 10)} "
            f"{cell(r['brier_default'], 9)} {cell(r['brier_learned'], 9)}"
        )
    lines.append("")
    if "prior_strength" in report:
        losses = report.get("prior_strength_log_loss", {})
        lines.append(
            f"prior strength {report['prior_strength']:g} (held-out log-loss by strength: "
            + ", ".join(f"{k} {_num(v, '.4f')}" for k, v in losses.items())
            + ")"
        )
    if report.get("roles_dropped"):
        lines.append(
            "keep their default coefficients (learning lowered their held-out AUC): "
            + ", ".join(report["roles_dropped"])
        )
    kept = "" if report.get("adopted") else "  (fitted, not kept: the profile keeps the defaults)"
    lines.append(f"{'coefficient':<12} {'default':>8} {'learned':>8}{kept}")
    cd, cl = report["coefficients"]["default"], report["coefficients"]["learned"]
    for c in COEFFICIENTS:
        lines.append(f"{c:<12} {cd[c]:>8.3f} {cl[c]:>8.3f}")
    lines.append(in_words(cd, cl))
    for rid, v in report["roles"].items():
        lines.append(
            f"role {rid}: "
            + ", ".join(f"{c} {v['default'][c]:.2f}->{v['learned'][c]:.2f}" for c in COEFFICIENTS)
        )
    lines.append("")
    w = max([24, *map(len, report["support"])])  # posting ids can be long
    lines.append(
        f"{'role':<{w}} {'decisions':>9} {'fits':>5} {'rejects':>7} {'AUC def':>8} {'AUC new':>8}"
    )
    for rid, s in report["support"].items():
        ra = report["role_auc"].get(rid, {})
        lines.append(
            f"{rid:<{w}} {s['decisions']:>9} {s['fits']:>5} {s['rejects']:>7} "
            f"{cell(ra.get('default'), 8)} {cell(ra.get('learned'), 8)}"
        )
    ke = report.get("keyword_emphasis", {})
    if "gain_over_calibration" in ke:
        lines.append("")
        lines.append(
            f"keyword emphasis: held-out AUC {_num(ke['gain_over_calibration'], '+.4f')} over "
            f"the calibration alone, {_num(ke['gain_over_default'], '+.4f')} over the "
            "defaults: "
            + ("kept" if ke["learned"] else "not kept")
            + (f" ({ke['reason']})" if ke.get("reason") else "")
        )
        for term, c in ke.get("terms", {}).items():
            lines.append(
                f"  {term}: x{c['factor']:.2f} (residual gap {c['gap']:+.3f}, "
                f"{c['with']} decisions with the term, {c['without']} without)"
            )
    wp = report.get("word_preferences", {})
    if wp:
        lines.append("")
        lines.append(
            "word preferences (a log-odds bonus for every role): held-out AUC "
            + _num(wp.get("gain"), "+.4f")
            + " over the calibration kept: "
            + ("kept" if wp["learned"] else "not kept")
            + (f" ({wp['reason']})" if wp.get("reason") else "")
        )
        for word, c in wp.get("words", {}).items():
            lines.append(
                f"  {word}: {c['bonus']:+.2f} (score test z {c['z']:+.1f}, {c['with']} "
                f"decisions with the word, {c['without']} without)"
            )
    lines.append("")
    lines += maybe_line(report) + pairs_line(report)
    lines.append(report["verdict"])
    return "\n".join(lines)


# ------------------------------------------------------------------ suggest
def _shingles(text: str) -> set[str]:
    t = "".join(text.split())
    return {t[i : i + 2] for i in range(len(t) - 1)}


def suggest(
    table: pd.DataFrame,
    texts: Mapping[str, str] | None = None,
    *,
    n: int = 10,
    role_id: str | None = None,
    max_similarity: float = 0.6,
    decisions: str | Path | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The résumé × role pairs whose decision would teach the most.

    Pairs are taken closest to the decision boundary first (score nearest 0.5),
    skipping a résumé whose text is a near-duplicate (character-bigram Jaccard
    above ``max_similarity``) of one already picked; a résumé without text in
    ``texts`` is skipped when its components are within 0.01 of a picked pair of
    the same role.

    Parameters
    ----------
    table : pandas.DataFrame
        ``Matcher.score_table`` output (``file``, ``role_id``, ``score`` and the
        components).
    texts : dict, optional
        ``{file: redacted text}`` for the near-duplicate check.
    n : int, default 10
    role_id : str, optional
        Only this role's pairs.
    decisions : path or DataFrame, optional
        A decisions table as :func:`learn` reads it (:func:`read_decisions`): the pairs
        it decides are left out (its ``file`` found among ``table``'s files as
        :func:`read_decisions` finds it among the résumés given; ``role_id`` an id).

    Returns
    -------
    pandas.DataFrame
        ``n`` rows (fewer when there are not enough): ``file``, ``role_id``,
        ``score``, ``margin`` (``|score - 0.5|``) and the components;
        ``.attrs["decided"]``: how many pairs ``decisions`` left out.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"file": ["a", "b", "c"], "role_id": ["r"] * 3,
    ...                   "score": [0.9, 0.45, 0.52], "keyword_score": [0.5, 0.2, 0.3],
    ...                   "semantic_score": [0.3, 0.1, 0.1], "facet_score": [0.5] * 3})
    >>> suggest(t, {"a": "负责手机银行运营", "b": "柜员", "c": "负责支付清算"}, n=2).file.tolist()
    ['c', 'b']
    """
    t = table.dropna(subset=["score"])
    if role_id is not None:
        t = t[t["role_id"] == role_id]
    decided = decided_pairs(t, decisions)
    t = t[~decided]
    t = t.assign(margin=(t["score"] - 0.5).abs()).sort_values(["margin", "file"], kind="stable")
    picked: list[int] = []
    shingles: dict[str, set[str]] = {}
    picked_sh: list[set[str]] = []
    comps: list[tuple[str, np.ndarray]] = []
    for idx, row in t.iterrows():
        if len(picked) >= n:
            break
        f = str(row["file"])
        if texts is not None and f in texts:
            sh = shingles.setdefault(f, _shingles(texts[f]))
            if any(
                len(sh & o) / max(1, len(sh | o)) > max_similarity for o in picked_sh if o is not sh
            ):
                continue
        else:
            sh = set()
        c = np.nan_to_num(row[list(COMPONENTS)].to_numpy(np.float64), nan=-1.0)
        # without texts, equal components stand in for equal résumés; with them, the text
        # decides (low scores put many different people within 0.01 of each other)
        if not sh and any(r == row["role_id"] and np.abs(c - o).max() < 0.01 for r, o in comps):
            continue
        picked.append(idx)
        if sh:
            picked_sh.append(sh)
        comps.append((str(row["role_id"]), c))
    cols = ["file", "role_id", "score", "margin", *COMPONENTS]
    out = t.loc[picked, cols].reset_index(drop=True)
    out.attrs["decided"] = int(decided.sum())
    return out


def decided_pairs(table: pd.DataFrame, decisions: Any) -> np.ndarray:
    """Which of ``table``'s (``file``, ``role_id``) pairs ``decisions`` decides (see
    :func:`suggest`), as a boolean array."""
    if decisions is None:
        return np.zeros(len(table), dtype=bool)
    files = [str(f) for f in dict.fromkeys(table["file"])]
    d = read_decisions(decisions, files)
    same = {str(Path(f).resolve()): f for f in files}
    done = {(same.get(str(Path(f).resolve())), r) for f, r in d[["file", "role_id"]].to_numpy()}
    pairs = table[["file", "role_id"]].astype(str).to_numpy()
    return np.array([(f, r) in done for f, r in pairs], dtype=bool)
