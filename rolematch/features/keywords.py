"""Keyword features: role term weights from TF-IDF over the role catalogue, and
résumé hit counts found by substring search (so a term counts inside a longer
Chinese run: 风险管理 in 负责风险管理工作, Python in 熟悉Python).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from rolematch.documents import Role

__all__ = ["KeywordVectorizer", "role_document"]


def role_document(role: Role) -> str:
    """The text a role's keywords come from: title, duties, requirements and KPIs."""
    return "\n".join([role.title, *role.duties, *role.requirements, *role.kpis])


class KeywordVectorizer:
    """Learn each role's weighted keywords; count them in résumés.

    Term weights are ``sublinear_tf * (idf - 1)`` from scikit-learn's
    ``TfidfVectorizer`` fitted on one document per role, so a word every role
    shares (负责, 管理, 团队) weighs nothing and a word of one role weighs most.
    Nine roles are a small corpus, so the weights are also multiplied by the
    term's rarity in general Chinese (jieba's dictionary frequencies) to the
    power ``specificity_power``: 上线, 项目, 客户 say little, 网联, 坐席 say much.
    Terms named in the requirements are multiplied by ``requirement_weight``.

    Parameters
    ----------
    tokenizer : callable, optional
        ``str -> list[str]``; default :class:`~rolematch.tokenize.JiebaTokenizer`.
        If it has a ``canonicalize`` method, résumé text goes through it before
        counting, so synonyms count as their canonical term.
    requirement_weight : float, default 2.0
        Extra weight of terms that occur in a role's requirements.
    specificity_power : float, default 2.0
        Exponent of the general-language rarity factor; 0 turns it off. Used
        when the tokenizer has a ``specificity(terms)`` method.

    Examples
    --------
    >>> from rolematch.documents import Role
    >>> roles = [Role("a", "手机银行主管", ("负责手机银行运营",), ("熟悉反洗钱",)),
    ...          Role("b", "客服主管", ("负责坐席管理",), ("熟悉呼叫中心",))]
    >>> kv = KeywordVectorizer().fit(roles)
    >>> int(kv.count(["熟悉手机银行、手机银行和坐席"])[0, kv.index("手机银行")])
    2
    """

    def __init__(
        self,
        tokenizer: Callable[[str], list[str]] | None = None,
        *,
        requirement_weight: float = 2.0,
        specificity_power: float = 2.0,
    ) -> None:
        self.tokenizer = tokenizer
        self.requirement_weight = requirement_weight
        self.specificity_power = specificity_power

    def fit(self, roles: Sequence[Role]) -> KeywordVectorizer:
        from sklearn.feature_extraction.text import TfidfVectorizer

        from rolematch.tokenize import JiebaTokenizer

        tok = self.tokenizer if self.tokenizer is not None else JiebaTokenizer()
        self.tokenizer_ = tok
        tfidf = TfidfVectorizer(
            tokenizer=tok, lowercase=False, token_pattern=None, sublinear_tf=True, norm=None
        )
        tf_idf = tfidf.fit_transform([role_document(r) for r in roles]).toarray()
        idf = tfidf.idf_
        # With a single role every idf is 1; keep plain tf then, not all zeros.
        specificity = idf - 1.0 if len(roles) > 1 else np.ones_like(idf)
        weights = tf_idf / idf * specificity
        self.vocabulary_ = np.asarray(tfidf.get_feature_names_out(), dtype=object)
        rarity = getattr(tok, "specificity", None)
        if rarity is not None and self.specificity_power:
            weights = weights * rarity(list(self.vocabulary_)) ** self.specificity_power
        index = {t: i for i, t in enumerate(self.vocabulary_)}
        for r, role in enumerate(roles):
            for term in set(tok("\n".join(role.requirements))):
                weights[r, index[term]] *= self.requirement_weight
        self.idf_ = idf
        self.role_weights_ = weights
        self._index = index
        self._compile()
        return self

    def _compile(self) -> None:
        terms = list(self.vocabulary_)
        # ASCII terms need word edges (AML must not count inside HTML); CJK terms do not.
        self._ascii = [i for i, t in enumerate(terms) if t.isascii()]
        self._ascii_re = [
            re.compile(rf"(?<![a-z0-9]){re.escape(terms[i])}(?![a-z0-9])") for i in self._ascii
        ]
        self._cjk = [i for i, t in enumerate(terms) if not t.isascii()]

    def index(self, term: str) -> int:
        """Column of ``term`` in :attr:`vocabulary_`."""
        return self._index[term]

    def canonicalize(self, text: str) -> str:
        canon = getattr(self.tokenizer_, "canonicalize", None)
        return (canon(text) if canon else text).lower()

    def count(self, texts: Sequence[str]) -> np.ndarray:
        """Occurrences of every vocabulary term in each text, shape (n_texts, n_terms)."""
        counts = np.zeros((len(texts), len(self.vocabulary_)), dtype=np.int64)
        vocab = self.vocabulary_
        for row, text in enumerate(texts):
            t = self.canonicalize(text)
            for i in self._cjk:
                counts[row, i] = t.count(vocab[i])
            for i, pat in zip(self._ascii, self._ascii_re, strict=True):
                counts[row, i] = len(pat.findall(t))
        return counts

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        for k in ("_ascii_re",):
            state.pop(k, None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if "vocabulary_" in state:
            self._compile()
