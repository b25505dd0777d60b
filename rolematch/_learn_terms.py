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

Only the redacted text's distinctive words are read (:data:`MIN_WORD_WEIGHT`), and
only job words (:func:`job_words`): a term of the genre background (words many postings
and résumés use), of the loaded roles' keyword vocabulary or of the domain lexicon, so a
person's name (a referrer's, a candidate's) never qualifies. A word must occur in
:data:`MIN_WORD_RESUMES` résumés or more (no one person's words: a name, a school) and
in at most :data:`MAX_WORD_SHARE` of them (求职意向 in every résumé separates nothing),
and words about protected attributes (``data/lexicon/protected.txt``: religion,
ethnicity, disability and health, marriage and family, gender, age, appearance,
politics, hukou) are never candidates, so a team's bias is not learned as a
preference. Words of one phrase (残疾/残疾人, 满意/满意度) are one candidate: a word
inside a chosen one is not chosen too. A résumé's bonuses together stay within
:data:`~rolematch.profile.MAX_TERM_BONUS` either way (:func:`fit_bonus`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from statistics import NormalDist
from typing import Any

import numpy as np

__all__ = [
    "MAX_WORDS",
    "MAX_WORD_SHARE",
    "MIN_WORD_RESUMES",
    "MIN_WORD_SUPPORT",
    "MIN_WORD_WEIGHT",
    "MIN_WORD_Z",
    "PROTECTED",
    "WORD_ALPHA",
    "WORD_STRENGTH",
    "WordEvidence",
    "fit_bonus",
    "is_protected",
    "job_words",
    "no_word_reason",
    "protected_words",
    "select_words",
    "strip_protected",
]

#: At most this many words get a bonus.
MAX_WORDS = 5
#: A word needs this many decisions with it and this many without it ...
MIN_WORD_SUPPORT = 8
#: ... in this many different résumés at least.
MIN_WORD_RESUMES = 5
#: ... and a score-test statistic this far from zero (the few strongest are kept).
MIN_WORD_Z = 2.5
#: ... and beyond what the largest of that many tests reaches by chance this often.
WORD_ALPHA = 0.05
#: ... and in at most this share of them: a word nearly every decided résumé holds
#: (求职意向, 工作经历) separates nothing.
MAX_WORD_SHARE = 0.85
#: A word must weigh this much in a text's mass (rarity in Chinese² × rarity across
#: postings and résumés², the keyword weighting): a background is named by its
#: distinctive words (清算 0.45), not by a résumé's boilerplate (本科 0.02, 经历 0.01,
#: 公司 0.01), which stands in for other things. Every word of the résumés as a
#: candidate (a team prizing pharma warehouses: 医药 weighs 0.17) halved the payments
#: team's gain in benchmarks/learning.py (0.040 -> 0.019 at 200 decisions) and let the
#: bank and facet teams lower a role by 0.048; a bar of 0.1 still cost 0.017 of it.
MIN_WORD_WEIGHT = 0.2
#: Penalty per bonus on ``β²`` (in units of one decision's log-loss).
WORD_STRENGTH = 1.0
#: Parts of words about protected attributes: never a learned preference (the words of
#: ``data/lexicon/protected.txt`` are added to these).
PROTECTED = (
    "男", "女", "年龄", "岁", "婚", "民族", "汉族", "籍贯", "出生", "生日", "身高", "体重",
    "健康", "政治面貌", "党员", "团员", "宗教", "户口", "户籍", "怀孕", "生育", "孩子",
    "male", "female", "married", "single", "age",
)  # fmt: skip


@lru_cache(maxsize=1)
def protected_words() -> tuple[frozenset[str], frozenset[str]]:
    """The protected-attribute blocklist: (Chinese parts, ASCII words in lower case).

    :data:`PROTECTED` plus ``data/lexicon/protected.txt`` (one entry a line, ``#``
    comments); the file says why each group is there.
    """
    from rolematch._resources import data_dir

    lines = (data_dir() / "lexicon" / "protected.txt").read_text(encoding="utf-8").splitlines()
    entries = {w.split("#", 1)[0].strip() for w in lines} | set(PROTECTED)
    entries.discard("")
    ascii_ = frozenset(w.lower() for w in entries if w.isascii())
    return frozenset(w for w in entries if not w.isascii()), ascii_


def is_protected(word: str) -> bool:
    """Whether ``word`` is about a protected attribute: it contains a Chinese entry of
    the blocklist (病 blocks 疾病) or is an ASCII entry (age, not manager).

    Examples
    --------
    >>> [is_protected(w) for w in ("残疾人", "基督教", "已婚", "Age", "manager", "支付")]
    [True, True, True, True, False, False]
    """
    parts, ascii_ = protected_words()
    return word.lower() in ascii_ or any(p in word for p in parts)


_CLAUSE = re.compile(r"[^\n。；;，,！!？?|]+")
_ASCII_WORD = re.compile(r"[A-Za-z]+")


def strip_protected(text: str) -> str:
    r"""``text`` without the clauses that state a protected attribute (身体状况：残疾人
    （肢体四级）, 婚姻状况：已婚): the words beside such a statement (状况, 四级, 肢体)
    stand for it and must not be learned either.

    Examples
    --------
    >>> strip_protected("熟悉支付清算；身体状况：残疾人（肢体四级）\n婚姻状况：已婚，Age: 30")
    '熟悉支付清算'
    """
    parts, ascii_ = protected_words()

    def stated(clause: str) -> bool:
        if any(p in clause for p in parts):
            return True
        return any(w.lower() in ascii_ for w in _ASCII_WORD.findall(clause))

    return "\n".join(c.strip() for c in _CLAUSE.findall(text) if c.strip() and not stated(c))


@lru_cache(maxsize=1)
def _fixed_job_words() -> frozenset[str]:
    from rolematch._resources import data_dir
    from rolematch.features.background import load_background

    domain = (data_dir() / "lexicon" / "domain.txt").read_text(encoding="utf-8").splitlines()
    lexicon = {ln.split()[0] for ln in domain if ln.strip() and not ln.startswith("#")}
    return frozenset(load_background().df) | frozenset(lexicon)


def job_words(vocabulary: Sequence[str] = ()) -> frozenset[str]:
    """The words a word preference may be about: terms of the genre background
    (:func:`~rolematch.features.background.load_background`), of the domain lexicon
    (``data/lexicon/domain.txt``) and of ``vocabulary`` (the roles' keyword terms),
    less the protected ones (:func:`is_protected`). A name is none of these.

    Examples
    --------
    >>> w = job_words(["清算"])
    >>> "支付" in w and "清算" in w and "王建国" not in w and "残疾" not in w
    True
    """
    return frozenset(
        w for w in _fixed_job_words() | {str(v) for v in vocabulary} if not is_protected(w)
    )


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
    trials : list of dict
        What each :func:`select_words` on this evidence (or a part of it) tried and
        found, for the report to say why no word was learned.
    """

    words: Sequence[frozenset[str]]
    file_index: np.ndarray
    trials: list[dict[str, Any]] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def of(cls, keywords: Any, texts: Sequence[str], file_index: np.ndarray) -> WordEvidence:
        """The evidence of résumé ``texts`` (redacted), read by a matcher's
        :class:`~rolematch.features.keywords.KeywordVectorizer` (``Matcher.keywords_``):
        its tokenizer, and its word weights to keep only distinctive words; only job
        words (:func:`job_words` of its vocabulary) outside the clauses that state a
        protected attribute (:func:`strip_protected`) are kept."""
        from rolematch.features.keywords import text_words

        allowed = job_words(getattr(keywords, "vocabulary_", ()))
        held = [text_words(keywords.tokenizer_, strip_protected(t)) & allowed for t in texts]
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
        """Each decision's summed bonus (what the matcher adds to the log-odds), within
        ``±MAX_TERM_BONUS`` however many of the words a résumé holds."""
        from rolematch.profile import MAX_TERM_BONUS

        words = list(bonus)
        s = self.presence(words) @ np.array([bonus[w] for w in words], dtype=np.float64)
        return np.asarray(np.clip(s, -MAX_TERM_BONUS, MAX_TERM_BONUS))


def select_words(ev: WordEvidence, y: np.ndarray, z: np.ndarray) -> dict[str, dict[str, float]]:
    """The words whose presence the decisions ``y`` reward or punish beyond log-odds ``z``.

    For each candidate word ``x`` (held by :data:`MIN_WORD_RESUMES` résumés or more and
    by at most :data:`MAX_WORD_SHARE` of them, and in at least :data:`MIN_WORD_SUPPORT`
    decisions with and without it), the score test of
    adding ``x`` to the model: ``U = Σ (x - x̄)(y - p)``, ``I = Σ (x - x̄)² p(1 - p)``
    (``x̄`` weighted by ``p(1 - p)``), ``z = U / √I``. Decisions the model is sure of
    carry no information, so a word met only in clear rejects is no candidate. The
    :data:`MAX_WORDS` with the largest ``|z|`` are returned, where ``|z|`` passes both
    :data:`MIN_WORD_Z` and the Bonferroni bar for the ``m`` words tested,
    ``Φ⁻¹(1 - WORD_ALPHA / 2m)``: the largest of many chance ``z`` grows with ``m``.
    What was tried is appended to ``ev.trials`` (:func:`no_word_reason` reads it).

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
    n_files = len(set(files.tolist()))
    cands = sorted(
        t
        for t, fs in count.items()
        if MIN_WORD_RESUMES <= len(fs) <= MAX_WORD_SHARE * n_files and not is_protected(t)
    )
    trial: dict[str, Any] = {"resumes": n_files, "words": len(count), "tried": 0, "chosen": []}
    ev.trials.append(trial)
    if not cands:
        return {}
    X = ev.presence(cands)
    n_with = X.sum(axis=0)
    ok = (n_with >= MIN_WORD_SUPPORT) & (len(files) - n_with >= MIN_WORD_SUPPORT)
    xc = X - (X * w[:, None]).sum(axis=0) / max(float(w.sum()), 1e-12)
    info = (xc * xc * w[:, None]).sum(axis=0)
    # a word met only where the model is sure teaches nothing (letting one through where
    # the model is sure and wrong cost the payments team 0.008 of its gain)
    ok &= info >= 1.0
    with np.errstate(invalid="ignore", divide="ignore"):
        stat = np.where(ok, (xc * r[:, None]).sum(axis=0) / np.sqrt(info), 0.0)
    # 25 words tested need |z| >= 3.1, 100 need 3.5. At a fixed 2.5 a team deciding by
    # the labels learned 合规 (z 3.3, ~25 tested, 100 decisions) in benchmarks/learning.py
    # and a role's AUC on the other half fell 0.026
    tested = int(ok.sum())
    bar = max(MIN_WORD_Z, NormalDist().inv_cdf(1 - WORD_ALPHA / (2 * max(tested, 1))))
    order: list[int] = []
    for j in np.argsort(-np.abs(stat), kind="stable"):
        if len(order) >= MAX_WORDS or abs(stat[j]) < bar:
            break
        # one phrase counts once: 残疾 inside 残疾人, 满意 inside 满意度
        if not any(cands[j] in cands[o] or cands[o] in cands[j] for o in order):
            order.append(int(j))
    best = int(np.argmax(np.abs(stat)))
    trial.update(tried=tested, bar=bar, chosen=[cands[j] for j in order])
    if ok[best]:
        trial["best"] = (cands[best], float(stat[best]))
    return {
        cands[j]: {
            "z": round(float(stat[j]), 2),
            "with": int(n_with[j]),
            "without": int(len(files) - n_with[j]),
        }
        for j in order
    }


def fit_bonus(X: np.ndarray, y: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Log-odds bonuses of the words in ``X`` on top of ``z``, with a free intercept
    shift (the base rate), each bonus penalised toward 0 and capped; the positive
    bonuses together, and the negative ones, are then scaled to within
    ``MAX_TERM_BONUS``, so no résumé's summed shift passes it.

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
    b = np.asarray(res.x[1:], dtype=np.float64)
    for side in (b > 0, b < 0):
        total = float(np.abs(b[side]).sum())
        if total > MAX_TERM_BONUS:
            b[side] *= MAX_TERM_BONUS / total
    return b


def no_word_reason(trials: Sequence[Mapping[str, Any]]) -> str:
    """Why cross-validation found no word to prefer, from the :func:`select_words`
    calls' ``trials`` (one per fold): how many words were tried and the strongest one
    beside the bar it missed, or that no word was held by enough and few enough of the
    decided résumés.

    Examples
    --------
    >>> print(no_word_reason([{"resumes": 48, "words": 90, "tried": 0, "chosen": []}]))
    no word qualified: of the 90 words of the 48 decided résumés in a fold, none is held
    by 5 or more and by at most 85% of them ...
    """
    if not trials:
        return "no word qualified: too few decisions to try any"
    t = max(trials, key=lambda t: (int(t["tried"]), "best" in t))
    if not int(t["tried"]):
        return (
            f"no word qualified: of the {t['words']} words of the {t['resumes']} decided "
            f"résumés in a fold, none is held by {MIN_WORD_RESUMES} or more and by at most "
            f"{MAX_WORD_SHARE:.0%} of them with {MIN_WORD_SUPPORT} decisions with it and "
            f"{MIN_WORD_SUPPORT} without"
        )
    strongest = [x for x in trials if "best" in x]
    if not strongest:
        return f"no word qualified: the {t['tried']} words tried teach nothing the model missed"
    b = max(strongest, key=lambda x: abs(float(x["best"][1])))
    return (
        f"no word qualified: {t['tried']} words tried in a fold; the strongest, "
        f"{b['best'][0]} (score test z {float(b['best'][1]):+.1f}), misses the bar "
        f"|z| >= {float(b['bar']):.1f} for the {b['tried']} words tried"
    )
