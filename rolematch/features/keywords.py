"""Keyword features: each role's term weights from its own text against a fixed
background, and résumé hit counts found by substring search (so a term counts inside a
longer Chinese run — 风险管理 in 负责风险管理工作 — but not inside one longer word —
运营 in 运营商 — unless that word is a compound of words: 客服 counts in 客服中心 for a
role that names 客服 and not 客服中心).

A role's weights never depend on the other roles loaded with it: they come from the
role's text, jieba's general-language frequencies and the genre background
(:mod:`rolematch.features.background`), all fixed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np

from rolematch.documents import Role

__all__ = ["KeywordHits", "KeywordVectorizer", "listed_terms", "role_document", "text_words"]

#: A term a role weighs at under this share of its heaviest term is generic for it
#: (管理, 产品, 处理 weigh ~1% of 智能外呼 for outbound-marketing): it counts, for next to
#: nothing, and is not listed as a matched keyword, where it read as evidence ("keywords:
#: 银行、产品" on a 0.004 score).
LISTED_SHARE = 0.02

#: Word weights kept for :meth:`KeywordVectorizer.term_mass` (jieba's dictionary has
#: ~350,000 words; identifiers, URLs and numbers-with-units in a long batch have no end).
_MAX_CACHED_WORDS = 400_000


def text_words(tokenizer: Any, text: str) -> frozenset[str]:
    """The words a text holds: its tokens and the words inside its compounds.

    What a learned word preference (``ScoringProfile.term_bonus``) looks for, at
    learning and at scoring alike: 银行 is in 招商银行, 结算 in 资金结算.

    Examples
    --------
    >>> from rolematch.tokenize import JiebaTokenizer
    >>> {"招商银行", "银行", "结算"} <= text_words(JiebaTokenizer(), "负责招商银行资金结算")
    True
    """
    words = set(tokenizer(text))
    sub = getattr(tokenizer, "subwords", None)
    if sub is not None:
        words.update(w.lower() for w in sub(text) if len(w) > 1)
    return frozenset(words)


def listed_terms(
    weights: np.ndarray,
    counts: np.ndarray,
    vocab: Sequence[str],
    matched: int | None,
    missing: int,
) -> tuple[list[int], list[int]]:
    """Term ids of a role's keywords a résumé has and lacks, heaviest first: at most
    ``matched`` (``None``: all) and ``missing`` of them.

    ``weights`` are the role's term weights and ``counts`` the résumé's hits for the
    role (``KeywordHits.role_counts``). Generic terms (:data:`LISTED_SHARE`) are not
    listed as matched; a term inside one the résumé has is not missing: 金融信息 is
    in 个人金融信息保护; nor is one inside another missing term, which it is part of:
    互联 of 互联网, 质检 of 智能质检.

    Examples
    --------
    >>> vocab = ["个人金融信息保护", "金融信息", "消保", "银行", "互联", "互联网"]
    >>> w, c = np.array([3.0, 2.0, 1.0, 0.01, 2.5, 0.5]), np.array([1, 0, 0, 4, 0, 0])
    >>> listed_terms(w, c, vocab, None, 5)
    ([0], [2, 5])
    """
    has = np.flatnonzero((weights > 0) & (counts > 0))
    lacks = np.flatnonzero((weights > 0) & (counts == 0))
    found = [vocab[t] for t in has.tolist()]
    lacking = [vocab[t] for t in lacks.tolist()]
    has = has[weights[has] >= LISTED_SHARE * weights.max(initial=0.0)]
    gaps: list[int] = []
    for t in lacks[np.argsort(-weights[lacks], kind="stable")].tolist():
        if len(gaps) == missing:
            break
        term = vocab[t]
        if not any(term in f for f in found) and not any(term in g and term != g for g in lacking):
            gaps.append(t)
    return has[np.argsort(-weights[has], kind="stable")[:matched]].tolist(), gaps


def role_document(role: Role) -> str:
    """The text a role's keywords come from: title, duties, requirements and KPIs.

    Age limits (35周岁以下) are left out: age is never evidence of fit; so is a
    department named after the title (合规风控岗（合规管理部）): where a post sits is
    not what it does, and 管理部 would weigh as a trade word.
    """
    from rolematch.features.facets import without_age_limits
    from rolematch.text import title_note

    bare, _, department = title_note(role.title)
    reqs = [without_age_limits(r) for r in role.requirements]
    return "\n".join([bare if department else role.title, *role.duties, *reqs, *role.kpis])


@dataclass(frozen=True)
class KeywordHits:
    """Keyword hits of texts: whole-word counts, the same for every role, and each
    role's own hits inside compounds (:meth:`KeywordVectorizer.count_with_mass`).

    The compound hits are few, so they are kept apart: texts × roles × terms is never
    held dense (a catalog of 200 postings has tens of thousands of terms).

    Attributes
    ----------
    counts : ndarray of shape (n_texts, n_terms)
        Whole-word occurrences (:meth:`KeywordVectorizer.count`).
    parts : tuple of dict
        Per text, ``{role: {term: hits}}``: the role's terms read as parts of compounds.
    """

    counts: np.ndarray
    parts: tuple[dict[int, dict[int, int]], ...]

    def role_counts(self, i: int, r: int) -> np.ndarray:
        """Role ``r``'s hits in text ``i``, shape (n_terms,)."""
        row: np.ndarray = self.counts[i].copy()
        for t, n in self.parts[i].get(r, {}).items():
            row[t] += n
        return row


class KeywordVectorizer:
    """Learn each role's weighted keywords; count them in résumés.

    A term's weight for a role is ``(1 + ln tf) · rarity^p · genre^q`` (times
    ``requirement_weight`` for terms of the requirements), where ``tf`` counts the
    term in the role's own text, ``rarity`` is its rarity in general Chinese
    (jieba's dictionary frequencies) and ``genre`` its rarity across job postings
    and résumés of many professions (the fixed genre background). So 负责, 熟练掌握,
    数据 and 上线 weigh almost nothing and 坐席, 银联, 消保 weigh most, whichever other
    roles are loaded.

    Parameters
    ----------
    tokenizer : callable, optional
        ``str -> list[str]``; default :class:`~rolematch.tokenize.JiebaTokenizer`.
        If it has a ``canonicalize`` method, résumé text goes through it before
        counting, so synonyms count as their canonical term; if it has a
        ``word_spans`` method, a hit inside one longer word (运营 in 运营商) does not count.
    requirement_weight : float, default 1.0
        Extra weight of terms that occur in a role's requirements.
    specificity_power : float, default 2.0
        Exponent ``p`` of the general-language rarity (used when the tokenizer has
        a ``specificity(terms)`` method); 0 turns it off.
    genre_power : float, default 2.0
        Exponent ``q`` of the genre rarity; 0 turns it off.

    Examples
    --------
    >>> from rolematch.documents import Role
    >>> roles = [Role("a", "手机银行主管", ("负责手机银行运营",), ("熟悉反洗钱",))]
    >>> kv = KeywordVectorizer().fit(roles)
    >>> w = dict(zip(kv.vocabulary_, kv.role_weights_[0]))
    >>> bool(w["手机银行"] > 10 * w["熟悉"] if "熟悉" in w else w["手机银行"] > 0)
    True
    >>> int(kv.count(["熟悉手机银行、手机银行和坐席；运营商"])[0, kv.index("手机银行")])
    2
    >>> int(kv.count(["某运营商"])[0, kv.index("运营")])
    0
    """

    def __init__(
        self,
        tokenizer: Callable[[str], list[str]] | None = None,
        *,
        requirement_weight: float = 1.0,
        specificity_power: float = 2.0,
        genre_power: float = 2.0,
    ) -> None:
        self.tokenizer = tokenizer
        self.requirement_weight = requirement_weight
        self.specificity_power = specificity_power
        self.genre_power = genre_power

    def fit(self, roles: Sequence[Role]) -> KeywordVectorizer:
        from rolematch.features.facets import without_age_limits
        from rolematch.tokenize import JiebaTokenizer

        tok = self.tokenizer if self.tokenizer is not None else JiebaTokenizer()
        self.tokenizer_ = tok
        docs = [_role_terms(tok, role_document(r)) for r in roles]
        reqs = [set(tok(without_age_limits("\n".join(r.requirements)))) for r in roles]
        vocab = sorted(set().union(*docs))
        index = {t: i for i, t in enumerate(vocab)}
        term_weight = self._rarity(vocab)
        weights = np.zeros((len(roles), len(vocab)))
        for r, doc in enumerate(docs):
            for term, tf in doc.items():
                boost = self.requirement_weight if term in reqs[r] else 1.0
                weights[r, index[term]] = (1.0 + np.log(tf)) * term_weight[index[term]] * boost
        self.vocabulary_ = np.asarray(vocab, dtype=object)
        self.term_weight_ = term_weight
        self.role_weights_ = weights
        self._index = index
        self._compile()
        self.mass_weight_ = self.word_weights(vocab)  # the mass's weights, for focus
        return self

    def _compile(self) -> None:
        # rarity^p · genre^q of every word seen (the same for all texts: a cache)
        self._word_weight: dict[str, float] = {}
        terms = list(self.vocabulary_)
        # ASCII terms need word edges (AML must not count inside HTML); CJK terms do not.
        self._ascii = [i for i, t in enumerate(terms) if t.isascii()]
        self._ascii_re = [
            re.compile(rf"(?<![a-z0-9]){re.escape(terms[i])}(?![a-z0-9])") for i in self._ascii
        ]
        self._cjk = [i for i, t in enumerate(terms) if not t.isascii()]
        self._has = np.asarray(self.role_weights_) > 0  # (n_roles, n_terms): a role's terms
        # a term can only occur where its first two characters do (None: a one-character term)
        self._cjk_heads = [(i, terms[i][:2] if len(terms[i]) > 1 else None) for i in self._cjk]

    def index(self, term: str) -> int:
        """Column of ``term`` in :attr:`vocabulary_`."""
        return self._index[term]

    def canonicalize(self, text: str) -> str:
        canon = getattr(self.tokenizer_, "canonicalize", None)
        return (canon(text) if canon else text).lower()

    def count(self, texts: Sequence[str]) -> np.ndarray:
        """Occurrences of every vocabulary term in each text, shape (n_texts, n_terms):
        whole words only (a role's hits in compounds: :meth:`count_with_mass`)."""
        counts = np.zeros((len(texts), len(self.vocabulary_)), dtype=np.int64)
        spans_of = getattr(self.tokenizer_, "word_spans", None)
        for row, text in enumerate(texts):
            t = self.canonicalize(text)
            self._count_row(t, spans_of(t) if spans_of is not None else None, counts[row])
        return counts

    def count_with_mass(
        self, texts: Sequence[str], saturation: float
    ) -> tuple[KeywordHits, np.ndarray]:
        """Each role's hits in each text (:class:`KeywordHits`) and :meth:`term_mass`,
        with one segmentation.

        A role's hits are :meth:`count`'s plus its terms found as parts of a compound
        word (the tokenizer's ``compound_cuts``: 客服 and 中心 in 客服中心), where the
        role names neither the compound nor a longer part holding the term: the
        compound is read once, by the role's longest words for it.

        Examples
        --------
        >>> from rolematch.documents import Role
        >>> kv = KeywordVectorizer().fit([Role("a", "客服主管", ("负责投诉处理",), ()),
        ...                              Role("b", "客服中心主任", ("负责投诉处理",), ())])
        >>> hits, _ = kv.count_with_mass(["某银行客服中心主管"], 0.25)
        >>> int(hits.role_counts(0, 0)[kv.index("客服")]), int(hits.counts[0, kv.index("客服")])
        (1, 0)
        """
        counts = np.zeros((len(texts), len(self.vocabulary_)), dtype=np.int64)
        parts: list[dict[int, dict[int, int]]] = []
        mass = np.zeros(len(texts))
        spans_of = getattr(self.tokenizer_, "word_spans", None)
        keep = getattr(self.tokenizer_, "keep", None)
        for row, text in enumerate(texts):
            t = self.canonicalize(text)
            spans = spans_of(t) if spans_of is not None else None
            parts.append(self._role_parts(self._count_row(t, spans, counts[row])))
            if spans is None or keep is None:
                mass[row] = self._mass(self.tokenizer_(t), saturation)
            else:
                mass[row] = self._mass(keep(spans.words()), saturation)
        return KeywordHits(counts, tuple(parts)), mass

    def _role_parts(
        self, found: dict[tuple[int, str], list[tuple[int, int, int]]]
    ) -> dict[int, dict[int, int]]:
        """Each role's terms read as parts of compounds: ``{role: {term: hits}}``.

        ``found`` maps a compound's (start, word) to its ``(term, a, b)`` parts that are
        terms. A role reads a compound by its longest words for it: not at all if the
        compound is its term, else by each part that no longer part of its terms holds.
        """
        out: dict[int, dict[int, int]] = {}
        has = self._has
        for (_, word), pieces in found.items():
            whole = self._index.get(word)
            terms = [t for t, _, _ in pieces]
            for r in np.flatnonzero(has[:, terms].any(axis=1)).tolist():
                if whole is not None and has[r, whole]:
                    continue
                mine = [(t, a, b) for t, a, b in pieces if has[r, t]]
                for t, a, b in mine:
                    if not any(x <= a and b <= y and (x, y) != (a, b) for _, x, y in mine):
                        role = out.setdefault(r, {})
                        role[t] = role.get(t, 0) + 1
        return out

    def term_mass(self, texts: Sequence[str], saturation: float) -> np.ndarray:
        """Weight of all the distinctive words of each text, shape (n_texts,).

        ``sum_w weight(w) · (1 - exp(-count_w / saturation))`` over every word of the
        text (not only the roles' terms), with the roles' term weighting without the
        role's own frequency: ``rarity^p · genre^q`` (an ASCII word the genre background
        never saw weighs 0: nothing says how common it is). It is what a text is about, so
        the share of it that is a role's vocabulary (:func:`rolematch.scoring.keyword_focus`)
        says how much of the text is about that role. Fixed data only: never depends
        on the roles loaded.

        Examples
        --------
        >>> from rolematch.documents import Role
        >>> kv = KeywordVectorizer().fit([Role("a", "坐席主管", ("负责坐席管理",), ())])
        >>> m = kv.term_mass(["负责坐席管理", "负责坐席管理，精通暖通空调和建筑节能"], 0.25)
        >>> bool(0 < m[0] < m[1])
        True
        """
        return self.count_with_mass(texts, saturation)[1]

    def _count_row(
        self, t: str, spans: Sequence[tuple[int, int]] | None, out: np.ndarray
    ) -> dict[tuple[int, str], list[tuple[int, int, int]]]:
        """Fill ``out`` with the whole-word hits of ``t``; return the hits inside
        compounds, by compound occurrence ``(start, word)``: ``[(term, a, b), ...]``."""
        vocab = self.vocabulary_
        pairs = {t[j : j + 2] for j in range(len(t) - 1)}
        present = [i for i, head in self._cjk_heads if head is None or head in pairs]
        parts: dict[tuple[int, str], list[tuple[int, int, int]]] = {}
        if spans is None:
            for i in present:
                out[i] = t.count(vocab[i])
        else:
            cuts = getattr(self.tokenizer_, "compound_cuts", None)
            for i in present:
                found: list[tuple[int, int, int]] = []
                out[i] = _word_count(t, vocab[i], spans, cuts, found)
                for start, a, b in found:
                    parts.setdefault((start, t[start : spans[start][1]]), []).append((i, a, b))
        for i, pat in zip(self._ascii, self._ascii_re, strict=True):
            out[i] = len(pat.findall(t))
        return parts

    def _rarity(self, words: Sequence[str]) -> np.ndarray:
        """``rarity^p · genre^q`` of each word: a term's weight before the role's own tf."""
        from rolematch.features.background import genre_idf

        weight = np.ones(len(words))
        rarity = getattr(self.tokenizer_, "specificity", None)
        if rarity is not None and self.specificity_power:
            weight *= np.asarray(rarity(words)) ** self.specificity_power
        if self.genre_power:
            weight *= genre_idf(words) ** self.genre_power
        return weight

    def word_weights(self, words: Sequence[str]) -> np.ndarray:
        """Each word's weight in a text's mass (:meth:`term_mass`): ``rarity^p · genre^q``,
        0 for an ASCII word the genre background never saw.

        A compound of words (the tokenizer's ``compound_cuts``) weighs what its parts
        weigh together, as a role that names only its parts reads it (客服中心 as 客服 +
        中心): weighed whole, the rare compound would take the text's mass and leave the
        role's share of it (:func:`~rolematch.scoring.keyword_focus`) short of what the
        text says.

        Examples
        --------
        >>> from rolematch.documents import Role
        >>> kv = KeywordVectorizer().fit([Role("a", "客服主管", ("负责客服管理",), ())])
        >>> whole, part, other = kv.word_weights(["客服中心", "客服", "中心"])
        >>> bool(abs(whole - (part + other)) < 1e-9)
        True
        """
        pieces = [_pieces(w, self.tokenizer_) for w in words]
        flat = [p for ps in pieces for p in ps]
        if not flat:
            return np.zeros(0)
        weight = self._rarity(flat) * _weighable(flat)
        starts = np.cumsum([0, *(len(ps) for ps in pieces[:-1])])
        return np.asarray(np.add.reduceat(weight, starts))

    def _mass(self, words: Sequence[str], saturation: float) -> float:
        n = Counter(words)
        if not n:
            return 0.0
        cache = self._word_weight
        if len(cache) > _MAX_CACHED_WORDS:  # a long batch meets endless ASCII tokens
            cache.clear()
        new = [w for w in n if w not in cache]
        if new:
            weight = self.word_weights(new)
            cache.update(zip(new, weight.tolist(), strict=True))
        w = np.array([cache[x] for x in n])
        c = np.array(list(n.values()), dtype=np.float64)
        return float((w * (1.0 - np.exp(-c / saturation))).sum())

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        for k in ("_ascii_re", "_word_weight"):
            state.pop(k, None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if "vocabulary_" in state:
            self._compile()


def _pieces(word: str, tokenizer: Any) -> list[str]:
    """``word`` cut at its compound cuts (客服中心: 客服, 中心), or ``[word]`` where it has
    none, or where the cuts of different splits would leave a single character."""
    cuts = getattr(tokenizer, "compound_cuts", None)
    c = sorted(cuts(word)) if cuts is not None else ()
    if not c:
        return [word]
    b = [0, *c, len(word)]
    if any(y - x < 2 for x, y in pairwise(b)):
        return [word]
    return [word[x:y] for x, y in pairwise(b)]


def _weighable(words: Sequence[str]) -> np.ndarray:
    """1 for a word whose rarity is known, 0 for an ASCII word the genre background never
    saw: jieba's dictionary has no English, so prose ("managed") and markup ("div") would
    weigh as much as the rarest trade word and swamp an English CV's mass."""
    from rolematch.features.background import load_background

    df = load_background().df
    return np.array([not w.isascii() or df.get(w, 0) > 0 for w in words], dtype=np.float64)


def _role_terms(tok: Any, text: str) -> Counter[str]:
    """Term counts of a role's text, with the words inside its compounds (质检 in
    智能质检) at the count of their compound, so a terse résumé's plainer words count."""
    terms = Counter(t for t in tok(text) if not _PLACEHOLDER.search(t))
    sub = getattr(tok, "subwords", None)
    if sub is not None:
        for t, n in Counter(sub(text)).items():
            if not _PLACEHOLDER.search(t):
                terms.setdefault(t, n)
    return terms


#: a posting's placeholder (95xxx客服热线, XX银行): no word a résumé could name
_PLACEHOLDER = re.compile(r"^[\dx*]*(?:x{2,}|\*{2,})[\dx*]*$|^(?:x{2,}|\*{2,})", re.I)


def _edges_at_words(
    text: str,
    a: int,
    b: int,
    spans: Sequence[tuple[int, int]],
    cuts: Callable[[str], frozenset[int]] | None,
) -> bool:
    """Whether ``text[a:b]``, which spans several words, starts and ends where words
    (or the words of a compound) do: 风险管理 in 风险/管理工作 does, 行内 in 银行/内控
    does not (it starts inside 银行)."""
    if cuts is None:
        return True
    (s0, e0), (s1, e1) = spans[a], spans[b - 1]
    left = s0 == a or (a - s0) in cuts(text[s0:e0])
    right = e1 == b or (b - s1) in cuts(text[s1:e1])
    return left and right


def _word_count(
    text: str,
    term: str,
    spans: Sequence[tuple[int, int]],
    cuts: Callable[[str], frozenset[int]] | None = None,
    parts: list[tuple[int, int, int]] | None = None,
) -> int:
    """Occurrences of ``term`` in ``text`` that are not inside one longer word.

    With ``cuts`` (offsets where a word splits into words) and a ``parts`` list, an
    occurrence inside a compound with cuts at both its ends is appended to ``parts`` as
    ``(compound start, a, b)``, its offsets in the compound: 客服 in 客服中心, not 运营
    in 运营商.
    """
    n, i, k = 0, text.find(term), len(term)
    while i >= 0:
        start, end = spans[i]
        if not (start <= i and i + k <= end and end - start > k):
            n += _edges_at_words(text, i, i + k, spans, cuts)
        elif cuts is not None and parts is not None:
            inner = cuts(text[start:end])
            a, b = i - start, i + k - start
            if (a == 0 or a in inner) and (b == end - start or b in inner):
                parts.append((start, a, b))
        i = text.find(term, i + 1)
    return n
