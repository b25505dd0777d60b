"""Word preferences for :mod:`rolematch.learn`: backgrounds a team rewards that the
roles do not name.

A team may shortlist only candidates with a payments background (支付, 结算) for every
post, whatever each posting says; the calibration cannot learn that (it only weighs
the score's components) and keyword emphasis cannot either (it only reweighs a role's
own terms). :func:`select_words` finds the words of the decided résumés whose presence
the team's decisions reward or punish beyond the current model — a score test of each
word on the model's log-odds — and :func:`fit_bonus` gives each a log-odds bonus,
penalised toward 0 and capped (:data:`rolematch.profile.MAX_TERM_BONUS`). A learned
profile stores them as ``term_bonus``; :class:`~rolematch.matcher.Matcher` adds a
résumé's bonuses to every role's log-odds and its explanations name them.

Only the redacted text's distinctive words are read (:data:`MIN_WORD_WEIGHT`). A
word must occur in
:data:`MIN_WORD_RESUMES` résumés or more (no one person's words: a name, a school),
and words about protected attributes (gender, age, marriage, ethnicity, birthplace,
health, politics) are never candidates, so a team's bias is not learned as a
preference.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

__all__ = [
    "MAX_WORDS",
    "MIN_WORD_RESUMES",
    "MIN_WORD_SUPPORT",
    "MIN_WORD_WEIGHT",
    "MIN_WORD_Z",
    "PROTECTED",
    "WORD_STRENGTH",
    "WordEvidence",
    "fit_bonus",
    "select_words",
]

#: At most this many words get a bonus.
MAX_WORDS = 5
#: A word needs this many decisions with it and this many without it ...
MIN_WORD_SUPPORT = 8
#: ... in this many different résumés at least.
MIN_WORD_RESUMES = 5
#: ... and a score-test statistic this far from zero (the few strongest are kept).
MIN_WORD_Z = 2.5
#: A word must weigh this much in a text's mass (rarity in Chinese² × rarity across
#: postings and résumés², the keyword weighting): a background is named by its
#: distinctive words (支付 0.16, 清算 0.45), not by a résumé's boilerplate (本科 0.02,
#: 经历 0.01, 公司 0.01), which stands in for other things.
MIN_WORD_WEIGHT = 0.2
#: Penalty per bonus on ``β²`` (in units of one decision's log-loss).
WORD_STRENGTH = 1.0
#: Parts of words about protected attributes: never a learned preference.
PROTECTED = (
    "男", "女", "年龄", "岁", "婚", "民族", "汉族", "籍贯", "出生", "生日", "身高", "体重",
    "健康", "政治面貌", "党员", "团员", "宗教", "户口", "户籍", "怀孕", "生育", "孩子",
    "male", "female", "married", "single", "age",
)  # fmt: skip


@dataclass(frozen=True)
class WordEvidence:
    """The words of each decided pair's résumé.

    Attributes
    ----------
    words : sequence of frozenset of str
        Each résumé's words (:func:`rolematch.features.keywords.text_words` of its
        redacted text).
    file_index : ndarray of shape (n_rows,)
        The résumé of each decision.
    """

    words: Sequence[frozenset[str]]
    file_index: np.ndarray

    @classmethod
    def of(cls, keywords: Any, texts: Sequence[str], file_index: np.ndarray) -> WordEvidence:
        """The evidence of résumé ``texts``, read by a matcher's
        :class:`~rolematch.features.keywords.KeywordVectorizer` (``Matcher.keywords_``):
        its tokenizer, and its word weights to keep only distinctive words."""
        from rolematch.features.keywords import text_words

        held = [text_words(keywords.tokenizer_, t) for t in texts]
        every = sorted(set().union(*held)) if held else []
        weight = dict(zip(every, keywords.word_weights(every), strict=True))
        kept = tuple(frozenset(w for w in h if weight[w] >= MIN_WORD_WEIGHT) for h in held)
        return cls(kept, np.asarray(file_index))

    def take(self, rows: np.ndarray) -> WordEvidence:
        """The evidence of some decisions (a boolean mask or indices)."""
        return replace(self, file_index=self.file_index[rows])

    def presence(self, words: Sequence[str]) -> np.ndarray:
        """1 where a decision's résumé holds a word, shape (n_rows, len(words))."""
        held = [self.words[i] for i in self.file_index]
        return np.array([[w in h for w in words] for h in held], dtype=np.float64).reshape(
            len(held), len(words)
        )

    def shift(self, bonus: Mapping[str, float]) -> np.ndarray:
        """Each decision's summed bonus (what the matcher adds to the log-odds)."""
        words = list(bonus)
        return self.presence(words) @ np.array([bonus[w] for w in words], dtype=np.float64)


def _protected(word: str) -> bool:
    return any(p in word for p in PROTECTED)


def select_words(ev: WordEvidence, y: np.ndarray, z: np.ndarray) -> dict[str, dict[str, float]]:
    """The words whose presence the decisions ``y`` reward or punish beyond log-odds ``z``.

    For each candidate word ``x`` (held by :data:`MIN_WORD_RESUMES` résumés and in at
    least :data:`MIN_WORD_SUPPORT` decisions with and without it), the score test of
    adding ``x`` to the model: ``U = Σ (x - x̄)(y - p)``, ``I = Σ (x - x̄)² p(1 - p)``
    (``x̄`` weighted by ``p(1 - p)``), ``z = U / √I``. Decisions the model is sure of
    carry no information, so a word met only in clear rejects is no candidate. The
    :data:`MAX_WORDS` with the largest ``|z| ≥`` :data:`MIN_WORD_Z` are returned.

    Examples
    --------
    >>> words = [frozenset({"支付"})] * 6 + [frozenset({"营销"})] * 6
    >>> ev = WordEvidence(words, np.repeat(np.arange(12), 2))
    >>> y = np.repeat([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1], 2).astype(float)
    >>> sorted(select_words(ev, y, np.zeros(24)))
    ['支付', '营销']
    """
    p = 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))
    w = p * (1.0 - p)
    r = np.asarray(y, dtype=np.float64) - p
    files = ev.file_index
    count: dict[str, set[int]] = {}
    for f in set(files.tolist()):
        for word in ev.words[f]:
            count.setdefault(word, set()).add(f)
    cands = sorted(
        t for t, fs in count.items() if len(fs) >= MIN_WORD_RESUMES and not _protected(t)
    )
    if not cands:
        return {}
    X = ev.presence(cands)
    n_with = X.sum(axis=0)
    ok = (n_with >= MIN_WORD_SUPPORT) & (len(files) - n_with >= MIN_WORD_SUPPORT)
    xc = X - (X * w[:, None]).sum(axis=0) / max(float(w.sum()), 1e-12)
    info = (xc * xc * w[:, None]).sum(axis=0)
    ok &= info >= 1.0  # a word met only where the model is sure teaches nothing
    with np.errstate(invalid="ignore", divide="ignore"):
        stat = np.where(ok, (xc * r[:, None]).sum(axis=0) / np.sqrt(info), 0.0)
    order = np.argsort(-np.abs(stat), kind="stable")[:MAX_WORDS]
    return {
        cands[j]: {
            "z": round(float(stat[j]), 2),
            "with": int(n_with[j]),
            "without": int(len(files) - n_with[j]),
        }
        for j in order
        if abs(stat[j]) >= MIN_WORD_Z
    }


def fit_bonus(X: np.ndarray, y: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Log-odds bonuses of the words in ``X`` on top of ``z``, with a free intercept
    shift (the base rate), each bonus penalised toward 0 and capped.

    Examples
    --------
    >>> X = np.array([[1.0], [1.0], [0.0], [0.0]] * 5)
    >>> b = fit_bonus(X, np.array([1.0, 1.0, 0.0, 0.0] * 5), np.zeros(20))
    >>> bool(b[0] > 1)
    True
    """
    from scipy.optimize import minimize

    from rolematch.profile import MAX_TERM_BONUS

    y = np.asarray(y, dtype=np.float64)
    k = X.shape[1]

    def loss(b: np.ndarray) -> tuple[float, np.ndarray]:
        t = z + b[0] + X @ b[1:]
        p = 1.0 / (1.0 + np.exp(-t))
        pen = WORD_STRENGTH * float(np.sum(b[1:] ** 2))
        g = np.concatenate([[float((p - y).sum())], X.T @ (p - y) + 2 * WORD_STRENGTH * b[1:]])
        return float(np.sum(np.logaddexp(0.0, t) - y * t)) + pen, g

    bounds = [(None, None)] + [(-MAX_TERM_BONUS, MAX_TERM_BONUS)] * k
    res = minimize(loss, np.zeros(k + 1), jac=True, bounds=bounds, method="L-BFGS-B")
    return np.asarray(res.x[1:])
