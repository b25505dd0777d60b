"""Explanations of a score, built from the arrays that produced it. No I/O.

An :class:`Explanation` says, for one résumé × role: the component scores and the
weights used, the role's keywords the résumé has and the most important ones it
lacks, which résumé sentence supports which duty (cosine, page), and the facet
findings (major, degree, experience, certificates).

A duty's best sentence is evidence only where its support reaches the profile's
``covered_support`` (:meth:`Explanation.supports`): the text, the HTML and
:meth:`Explanation.to_dict` show a sentence for those duties only, and the reason counts
them ("duties supported: 2/16"). Every résumé has a best sentence for every duty, and its
cosine is high (0.85–0.9 with e5-small) even for unrelated text: shown beside a duty at
support 0 it reads as a strong link that is not there.
"""

from __future__ import annotations

import functools
import html
import operator
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

from rolematch.features.facets import FacetFinding
from rolematch.highlight import highlight_html

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "COVERED_SUPPORT",
    "Evidence",
    "Explanation",
    "KeywordHit",
    "MatchResult",
    "component_weights",
    "freeze_explanation",
    "posting_word",
    "printable",
    "reason_line",
    "supports_duty",
    "team_text",
    "thaw_explanation",
]

#: A duty counts as supported (its sentence is evidence) from this support on, where
#: no profile says otherwise (the bundled profiles do: ``semantic.covered_support``).
COVERED_SUPPORT = 0.25


def supports_duty(support: float, covered_support: float = COVERED_SUPPORT) -> bool:
    """Whether a duty's support makes its best sentence evidence: above the résumé's
    baseline (> 0) and reaching ``covered_support``. The one rule the explanation's
    evidence and the reason's ``duties supported: k/n`` (both paths) count by.

    Examples
    --------
    >>> supports_duty(0.3), supports_duty(0.1), supports_duty(0.0, 0.0)
    (True, False, False)
    """
    return support > 0 and support >= covered_support


def supporting(idx: Sequence[int], support: Sequence[float], covered_support: float) -> list[int]:
    """The sentence indices ``idx`` of the duties :func:`supports_duty` accepts, their
    ``support`` rounded as :class:`Evidence` rounds it.

    Examples
    --------
    >>> supporting([3, 5, 3], [0.41, 0.02, 0.19996], 0.2)
    [3, 3]
    """
    return [
        k for k, x in zip(idx, support, strict=True) if supports_duty(round(x, 4), covered_support)
    ]


def team_text(term_bonus: Sequence[tuple[str, float]]) -> str:
    """A résumé's learned word preferences as reports print them.

    Examples
    --------
    >>> team_text([("结算", 2.0), ("分行", -0.5)])
    '结算 +2.00、分行 -0.50'
    """
    return "、".join(f"{t} {b:+.2f}" for t, b in term_bonus)


def _by_sentences(sentences: int | None, covered: int, claimed: bool = False) -> str:
    """' by 1 sentence' where fewer résumé sentences than duties are the evidence (one
    line of a short text may be many duties' best), and ', only in skills or …' where
    all of them are skills or self-description lines (``claimed``); else ''."""
    n = sentences or 0
    by = f" by {n} sentence{'s' * (n > 1)}" if 0 < n < covered else ""
    if claimed and covered:
        by += f"{',' if by else ''} only in skills or self-description lines"
    return by


def reason_line(
    matched: Sequence[str],
    missing: Sequence[str],
    covered: int,
    duties: int,
    facets: Sequence[FacetFinding] = (),
    team: Sequence[tuple[str, float]] = (),
    semantic_source: str = "duties",
    claims: bool = False,
    sentences: int | None = None,
    claimed: bool = False,
) -> str:
    """The one-line reason of a score (:attr:`Explanation.reason`), from its parts.

    Parameters
    ----------
    matched, missing : sequence of str
        The heaviest matched (up to 5) and missing (up to 3) keywords, heaviest first.
    covered, duties : int
        Duties the résumé supports (their support reaches the profile's
        ``covered_support``: :meth:`Explanation.supports`), and all duties.
    facets : sequence of FacetFinding
        Findings; those with a score are listed.
    team : sequence of (str, float)
        A learned profile's word preferences the résumé meets, with their log-odds.
    semantic_source : {"duties", "requirements"}
        What the résumé was compared on: a role that lists no duties is compared on
        its requirements, and the line says so.
    claims : bool, default False
        Whether skills or self-description lines the experience does not bear out
        were counted only in part (:func:`rolematch.scoring.cap_claims`).
    sentences : int, optional
        How many résumé sentences support the ``covered`` duties; said where fewer
        sentences than duties: one line of a short text may support many duties.
    claimed : bool, default False
        :attr:`Explanation.skills_only`: every sentence that supports a duty is a
        skills or self-description line, though the résumé describes work too.

    Examples
    --------
    >>> reason_line(["手机银行", "APP"], ["反洗钱"], 2, 5)
    'keywords: 手机银行、APP | missing: 反洗钱 | duties supported: 2/5'
    >>> reason_line(["支付"], [], 1, 4, team=[("结算", 1.5)])
    'keywords: 支付 | duties supported: 1/4 | team preference: 结算 +1.50'
    >>> reason_line(["支付"], [], 1, 2, semantic_source="requirements")
    'keywords: 支付 | requirements supported (the role lists no duties): 1/2'
    >>> reason_line(["坐席"], [], 9, 23, sentences=1)
    'keywords: 坐席 | duties supported: 9/23 by 1 sentence'
    >>> reason_line(["收单"], [], 3, 4, sentences=1, claimed=True)
    'keywords: 收单 | duties supported: 3/4 by 1 sentence, only in skills or self-description lines'
    """
    parts = []
    if matched:
        parts.append("keywords: " + "、".join(matched))
    if missing:
        parts.append("missing: " + "、".join(missing))
    by = _by_sentences(sentences, covered, claimed)
    if semantic_source == "requirements":
        parts.append(f"requirements supported (the role lists no duties): {covered}/{duties}{by}")
    else:
        parts.append(f"duties supported: {covered}/{duties}{by}")
    for f in facets:
        if f.score is not None:
            parts.append(f"{f.name}: {f.found or '-'} ({'✓' if f.score >= 1 else '✗'})")
    if claims:
        parts.append(CLAIMS_NOTE)
    if team:
        parts.append("team preference: " + team_text(team))
    return " | ".join(parts)


def component_weights(coef: Sequence[float], facet_available: bool) -> dict[str, float]:
    """Each component's share of a calibrated model's slopes (:attr:`Explanation.weights`).

    ``coef`` in :data:`rolematch.scoring.COEFFICIENTS` order; the keyword × semantic
    gate is split between the two, and the facet's slope counts only where the résumé
    has facet data. Rounded to 4 places, still adding up to 1.

    Examples
    --------
    >>> component_weights((-3.0, 1.0, 1.0, 2.0, 1.0, 0.0, 0.0), False)
    {'keyword': 0.5, 'semantic': 0.5, 'facet': 0.0}
    """
    _, bk, bs, bks, bf, blk, bls = map(float, coef)
    w = {"keyword": bk + bks / 2 + blk, "semantic": bs + bks / 2 + bls}
    w["facet"] = bf * facet_available
    total = sum(w.values()) or 1.0
    shares = {c: round(x / total, 4) for c, x in w.items()}
    # rounded shares still add up to 1: the rounding error goes to the largest
    top = max(shares, key=shares.__getitem__)
    shares[top] = round(shares[top] + 1.0 - sum(shares.values()), 4)
    return shares


#: What the reason and the explanation say where :func:`rolematch.scoring.cap_claims`
#: lowered a component.
CLAIMS_NOTE = "skills and self-description the experience does not bear out count in part"


@dataclass(frozen=True)
class KeywordHit:
    """A role keyword: its weight for the role and how often the résumé has it, and the
    résumé's own word where it wrote another of the synonym table (投资者教育 for 金融教育,
    mobile banking for 手机银行), so a reader finds the word it matched. ``term`` is the
    vocabulary's (Simplified) word; ``label`` is how the posting writes it where it writes
    it otherwise (人身保險 in a Traditional posting, 晨会 for 班前会), which is what is shown."""

    term: str
    weight: float
    count: int = 0
    written: str = ""
    label: str = ""

    @classmethod
    def found(
        cls,
        term: str,
        weight: float,
        count: int,
        texts: Sequence[str],
        posting: tuple[str, ...] = (),
    ) -> KeywordHit:
        """A keyword the résumé ``texts`` (case-folded) have, with how they wrote it
        (:func:`~rolematch.language.as_written`) and how the ``posting``'s lines do
        (:func:`~rolematch.language.posting_spelling`)."""
        from rolematch.language import as_written, posting_spelling

        label = posting_spelling(term, posting)
        return cls(term, weight, count, as_written(term, texts), label)

    @classmethod
    def lacking(cls, term: str, weight: float, posting: tuple[str, ...] = ()) -> KeywordHit:
        """A keyword the résumé lacks, spelt as the ``posting``'s lines write it."""
        from rolematch.language import posting_spelling

        return cls(term, weight, label=posting_spelling(term, posting))

    @property
    def word(self) -> str:
        """The term as the posting spells it."""
        return self.label or self.term

    @property
    def shown(self) -> str:
        """``金融教育（投资者教育）`` where the résumé wrote it otherwise, else :attr:`word`."""
        other = self.written and self.written.casefold() != self.word.casefold()
        return f"{self.word}（{self.written}）" if other else self.word


def posting_word(term: str, posting: tuple[str, ...]) -> str:
    """``term`` as the ``posting``'s lines write it (:attr:`KeywordHit.word`).

    Examples
    --------
    >>> posting_word("班前会", ("撰写晨会纪要",)), posting_word("反洗钱", ("负责反洗钱",))
    ('晨会', '反洗钱')
    """
    from rolematch.language import posting_spelling

    return posting_spelling(term, posting) or term


@dataclass(frozen=True)
class Evidence:
    """The résumé sentence that best supports one duty.

    ``cosine`` is the raw embedding similarity; ``support`` is it rescaled so that
    0 is what unrelated text reaches for this duty and 1 is identical meaning.
    """

    duty: str
    sentence: str
    cosine: float
    support: float
    page: int | None = None
    section: str | None = None


@dataclass(frozen=True)
class Explanation:
    """Why a résumé got its score for a role.

    Attributes
    ----------
    role_id, role_title : str
    source : str
        The résumé (file path or label).
    score : float
        Final score in [0, 1].
    keyword_score : float
        Keyword evidence in [0, 1]: ``coverage^(1-p) · focus^p`` (the profile's
        ``focus_power`` ``p``, see :func:`rolematch.scoring.keyword_evidence`).
    semantic_score : float
        Duty coverage in [0, 1] (mean support over the best-covered half of duties).
    facet_score : float or None
        Mean facet score; ``None`` when no facet has data (its weight then went
        to the other components).
    weights : dict
        Each component's share of the calibrated model's slopes (they sum to 1; the
        keyword × semantic gate is split between the two): how much the model leans on
        it, not a multiplier — the score is no weighted sum of the components.
    raw_score : float
        The log-odds of the logistic model; ``score`` is ``1 / (1 + e^-raw_score)``.
    matched_keywords, missing_keywords : tuple of KeywordHit
        By descending weight.
    evidence : tuple of Evidence
        One per duty, best supported first, each with its best sentence; only those
        :meth:`supports` accepts are evidence (:attr:`supported_evidence`).
    facets : tuple of FacetFinding
    covered_support : float
        The support from which a duty counts as supported, its sentence as evidence
        (the profile's).
    profile : str
        The scoring profile that made the score.
    semantic_source : str
        ``"duties"``, or ``"requirements"`` for a role that lists no duties (its
        requirements are then what résumé sentences are compared with).
    keyword_coverage, keyword_focus : float or None
        The two shares behind ``keyword_score``: the weight of the role's terms the
        résumé names over the weight of the role's heaviest terms, capped at 1 (so 1 does
        not mean that no heavy term is missing); of the weight of the résumé's distinctive words,
        what is the role's vocabulary beyond what it takes from any CV by chance
        (:func:`rolematch.scoring.chance_corrected`; ``None`` where not computed).
    term_bonus : tuple of (str, float)
        The profile's learned word preferences this résumé meets, with their
        log-odds (included in ``raw_score`` and ``score``; learned profiles only).
    claims_capped : bool
        Whether keywords or duty support found only in skills or self-description
        lines counted in part, as the rest of the résumé bears them out
        (:func:`rolematch.scoring.cap_claims`).
    skills_only : bool
        Whether every sentence that supports a duty is a skills or self-description
        line while the résumé describes work too (:func:`rolematch.sections.claim_flags`):
        nothing it says it did bears those duties out (a post's words pasted as skills).
    """

    role_id: str
    role_title: str
    source: str
    score: float
    keyword_score: float
    semantic_score: float
    facet_score: float | None
    weights: dict[str, float]
    raw_score: float
    matched_keywords: tuple[KeywordHit, ...]
    missing_keywords: tuple[KeywordHit, ...]
    evidence: tuple[Evidence, ...]
    facets: tuple[FacetFinding, ...] = ()
    covered_support: float = COVERED_SUPPORT
    profile: str = ""
    semantic_source: str = "duties"
    keyword_coverage: float | None = None
    keyword_focus: float | None = None
    term_bonus: tuple[tuple[str, float], ...] = ()
    claims_capped: bool = False
    skills_only: bool = False

    @property
    def reason(self) -> str:
        """One line a recruiter can read in a table cell.

        Examples
        --------
        >>> e = Explanation("r", "主管", "cv", 0.8, 0.3, 0.4, None, {}, 0.3,
        ...                 (KeywordHit("手机银行", 2.0, 3),), (KeywordHit("反洗钱", 1.0),),
        ...                 (Evidence("负责手机银行", "管手机银行APP", 0.9, 0.6),))
        >>> e.reason
        'keywords: 手机银行 | missing: 反洗钱 | duties supported: 1/1'
        """
        return reason_line(
            [k.word for k in self.matched_keywords[:5]],
            [k.word for k in self.missing_keywords[:3]],
            len(self.supported_evidence),
            len(self.evidence),
            self.facets,
            self.term_bonus,
            self.semantic_source,
            self.claims_capped,
            len({e.sentence for e in self.supported_evidence}),
            self.skills_only,
        )

    def supports(self, e: Evidence) -> bool:
        """Whether ``e``'s sentence is evidence: its support is above the résumé's
        baseline (> 0) and reaches :attr:`covered_support` (:func:`supports_duty`)."""
        return supports_duty(e.support, self.covered_support)

    @property
    def supported_evidence(self) -> tuple[Evidence, ...]:
        """The duties the résumé supports (:meth:`supports`), best supported first.

        Examples
        --------
        >>> ev = (Evidence("负责投诉处理", "受理客户投诉", 0.91, 0.4),
        ...       Evidence("负责排班", "邮政编码", 0.87, 0.0))
        >>> e = Explanation("r", "主管", "cv", 0.5, 0.3, 0.4, None, {}, 0.0, (), (), ev)
        >>> [x.duty for x in e.supported_evidence]
        ['负责投诉处理']
        """
        return tuple(
            sorted((e for e in self.evidence if self.supports(e)), key=lambda e: -e.support)
        )

    def evidence_note(self) -> str:
        """What the evidence lists say where the résumé supports no duty: one line.

        Examples
        --------
        >>> ev = (Evidence("负责排班", "邮政编码", 0.87, 0.0),)
        >>> e = Explanation("r", "主管", "cv", 0.0, 0.0, 0.0, None, {}, -5.0, (), (), ev)
        >>> e.evidence_note()
        "no duty is supported beyond this résumé's baseline"
        """
        what = "requirement" if self.semantic_source == "requirements" else "duty"
        best = max((e.support for e in self.evidence), default=0.0)
        if best <= 0:
            return f"no {what} is supported beyond this résumé's baseline"
        # three places where two would show the best as the bar (0.0996 vs 0.103)
        digits = 2 if f"{best:.2f}" != f"{self.covered_support:.2f}" else 3
        return (
            f"no {what} reaches support {self.covered_support:.{digits}f}, from which its "
            f"sentence counts as evidence (the best: {best:.{digits}f})"
        )

    def _evidence_records(self) -> list[dict[str, Any]]:
        """Every duty's evidence as plain data; a duty the résumé does not support has
        no sentence (``None``), page or section, its cosine and support kept."""
        none = {"sentence": None, "page": None, "section": None}
        return [asdict(e) if self.supports(e) else asdict(e) | none for e in self.evidence]

    def __str__(self) -> str:
        w = self.weights
        lines = [
            f"{self.source} × {self.role_id} ({self.role_title}): score {self.score:.3f}",
            f"  a logistic model of the components (log-odds {self.raw_score:.2f}), not a "
            "weighted sum; weight: a component's share of its slopes",
            f"  keyword  {self.keyword_score:.3f}  weight {w.get('keyword', 0):.2f}"
            + (
                f"  (coverage {self.keyword_coverage:.3f}: named term weight over the role's "
                f"heaviest terms', capped at 1; {self.keyword_focus:.3f} of the résumé's "
                "distinctive words are the role's, beyond chance)"
                if self.keyword_coverage is not None and self.keyword_focus is not None
                else ""
            ),
            f"  semantic {self.semantic_score:.3f}  weight {w.get('semantic', 0):.2f}",
            "  facets   "
            + (
                f"{self.facet_score:.3f}  weight {w.get('facet', 0):.2f}"
                if self.facet_score is not None
                else "no data (weight given to the others)"
            ),
            "  matched keywords: "
            + ("、".join(f"{k.shown}×{k.count}" for k in self.matched_keywords[:15]) or "-"),
            "  missing keywords: " + ("、".join(k.word for k in self.missing_keywords[:10]) or "-"),
        ]
        if self.claims_capped:
            lines.append(f"  {CLAIMS_NOTE}: at most as much as the rest of the résumé shows")
        if self.term_bonus:
            lines.append(
                f"  team preference ({self.profile or 'profile'}): "
                + team_text(self.term_bonus)
                + " (log-odds, added to every role's)"
            )
        supported = self.supported_evidence
        n = len({e.sentence for e in supported})
        by = _by_sentences(n, len(supported), self.skills_only)
        level = (
            f"{len(supported)} of {len(self.evidence)} supported at "
            f"{self.covered_support:.2f} or more{by}, best first"
        )
        if not supported:
            lines.append(f"  evidence: none — {self.evidence_note()}")
        elif self.semantic_source == "requirements":
            lines.append(
                "  evidence (requirement ⇐ résumé sentence; the role lists no duties, so its "
                f"requirements stand in; {level}):"
            )
        else:
            lines.append(f"  evidence (duty ⇐ résumé sentence; {level}):")
        for e in supported[:5]:
            page = f", p.{e.page}" if e.page else ""
            lines.append(
                f"    [cos {e.cosine:.2f} / support {e.support:.2f}{page}] {_short(e.duty)}"
            )
            lines.append(f"        ⇐ {_short(e.sentence)}")
        if len(supported) > 5:
            lines.append(f"    … and {len(supported) - 5} more")
        for f in self.facets:
            state = "no data" if f.score is None else f"{f.score:.2f}"
            lines.append(f"  {f.name}: wants {f.wanted}; has {f.found or '-'} → {state}")
        return "\n".join(map(printable, lines))

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready). ``evidence`` has every duty, best supported first; one
        the résumé does not support (:meth:`supports`) has a ``None`` sentence."""
        d = asdict(self)
        d["evidence"] = self._evidence_records()
        d["reason"] = self.reason
        return d

    def to_frame(self) -> pd.DataFrame:
        """One row per duty: the evidence table (pandas); as in :meth:`to_dict`, a duty
        the résumé does not support has no sentence."""
        import pandas as pd

        return pd.DataFrame(
            self._evidence_records(),
            columns=["duty", "sentence", "cosine", "support", "page", "section"],
        )

    def to_html(self, text: str | None = None) -> str:
        """An HTML fragment: components, evidence, and the résumé text with matched
        keywords highlighted (when ``text`` is given), in its own spelling too
        (手機銀行, mobile banking), as the CLI's HTML report marks them."""
        esc = html.escape
        rows = (
            "".join(
                f"<tr><td>{esc(e.duty)}</td><td>{esc(e.sentence)}</td>"
                f"<td>{e.cosine:.2f}</td><td>{e.support:.2f}</td><td>{e.page or ''}</td></tr>"
                for e in self.supported_evidence[:8]
            )
            or f'<tr><td colspan="5"><i>{esc(self.evidence_note())}</i></td></tr>'
        )
        comps = "".join(
            f'<div class="bar"><span>{name}</span>'
            + (
                "<meter></meter> no data"  # as str(self) says: its weight went to the others
                if value is None
                else f'<meter min="0" max="1" value="{value:.3f}"></meter> {value:.2f}'
            )
            + "</div>"
            for name, value in (
                ("keyword", self.keyword_score),
                ("semantic", self.semantic_score),
                ("facet", self.facet_score),
                ("score", self.score),
            )
        )
        body = (
            f'<div class="explanation"><h3>{esc(self.role_title)} ({esc(self.role_id)}) — '
            f"{self.score:.2f}</h3>{comps}"
            f"<p>matched: {esc('、'.join(k.shown for k in self.matched_keywords))}</p>"
            f"<p>missing: {esc('、'.join(k.word for k in self.missing_keywords[:10]))}</p>"
            "<table><tr><th>duty</th><th>résumé sentence</th><th>cos</th><th>support</th>"
            f"<th>page</th></tr>{rows}</table>"
        )
        if text is not None:
            from rolematch.language import highlight_variants

            # the keywords are Simplified; a Traditional or English résumé has them its way
            terms = [k.term for k in self.matched_keywords]
            marked = highlight_html(text, terms, highlight_variants())
            body += f'<pre class="resume">{marked}</pre>'
        return body + "</div>"

    def _repr_html_(self) -> str:
        return self.to_html()


@dataclass(frozen=True)
class MatchResult:
    """A résumé × role result: the score and why."""

    role_id: str
    role_title: str
    source: str
    score: float
    explanation: Explanation


def printable(text: str) -> str:
    """``text`` for a terminal: control and format characters show as escapes.

    A file name, role title or reason must not drive the terminal (an ESC sequence
    recolours or clears it, a bidi override reverses the line); printable text, CJK
    and spaces included, stays as it is.

    Examples
    --------
    >>> print(printable("张三\\x1b[31m简历\\u202e.pdf"))
    张三\\x1b[31m简历\\u202e.pdf
    """
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")
        else ch
        for ch in text
    )


def _short(s: str, n: int = 60) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


# ------------------------------------------------------------------- the codec


@functools.lru_cache(maxsize=1)
def _codec() -> tuple[tuple[str, ...], dict[str, type], dict[str, Any]]:
    """Explanation field names; the nested dataclass fields and a getter of each's fields."""
    nested: dict[str, type] = {
        "matched_keywords": KeywordHit,
        "missing_keywords": KeywordHit,
        "evidence": Evidence,
        "facets": FacetFinding,
    }
    getters = {}
    for name, cls in nested.items():
        attrs = [f.name for f in fields(cls)]
        get = operator.attrgetter(*attrs)
        # attrgetter of one name returns the value, not a 1-tuple
        getters[name] = get if len(attrs) > 1 else (lambda o, get=get: (get(o),))
    return tuple(f.name for f in fields(Explanation)), nested, getters


def freeze_explanation(e: Explanation) -> tuple[Any, ...]:
    """An :class:`Explanation` as nested tuples of plain values.

    Pickling this is about 4x faster, and unpickling it with :func:`thaw_explanation`
    6x faster, than pickling the dataclasses, which matters when every résumé × role
    explanation of a large batch goes through a spool file.

    Examples
    --------
    >>> e = Explanation("r", "主管", "cv", 0.8, 0.3, 0.4, None, {"keyword": 1.0}, 0.3,
    ...                 (KeywordHit("手机银行", 2.0, 3),), (), (Evidence("负责", "管", 0.9, 0.6),))
    >>> thaw_explanation(freeze_explanation(e)) == e
    True
    """
    names, nested, getters = _codec()
    return tuple(
        tuple(map(getters[n], getattr(e, n))) if n in nested else getattr(e, n) for n in names
    )


def thaw_explanation(t: tuple[Any, ...]) -> Explanation:
    """The :class:`Explanation` that :func:`freeze_explanation` froze."""
    names, nested, _ = _codec()
    kw: dict[str, Any] = {
        n: tuple(nested[n](*x) for x in v) if n in nested else v
        for n, v in zip(names, t, strict=True)
    }
    return Explanation(**kw)
