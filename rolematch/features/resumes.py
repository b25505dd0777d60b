"""A batch of résumés as the scorer's features, in one pass of encoding.

:func:`resume_features` turns read résumés into what :class:`~rolematch.Matcher`
scores: each text's keyword hits and term mass, its sentences and their embeddings,
its facets, the learned word preferences it meets, and — for a résumé that describes
itself in skills or self-description lines besides its experience
(:func:`rolematch.sections.claim_flags`) — the keyword hits of its text without them
and which sentences they are, so the scorer can weigh what it claims against what it
did (:func:`rolematch.scoring.cap_claims`). Nothing here depends on the roles but their
vocabulary and the embeddings' width.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from rolematch._inputs import encoded
from rolematch.documents import Resume, Sentence
from rolematch.features.facets import ResumeFacets, resume_facets
from rolematch.features.keywords import KeywordHits, KeywordVectorizer
from rolematch.profile import ScoringProfile

__all__ = ["MIN_SENTENCE_CHARS", "ResumeFeatures", "resume_features", "semantic_sentences"]

#: Sentences shorter than this (letters, digits, CJK) carry no meaning worth embedding.
MIN_SENTENCE_CHARS = 4


@dataclass
class ResumeFeatures:
    """Everything the scorer needs about a batch of résumés (one pass of encoding)."""

    resumes: list[Resume]
    hits: KeywordHits  # keyword hits: whole words, and each role's inside compounds
    mass: np.ndarray  # (n,) weight of all the résumé's distinctive words (keyword focus)
    sentences: list[list[Sentence]]
    embeddings: list[np.ndarray]
    facets: list[ResumeFacets | None]
    # the profile's learned word preferences each résumé meets: ((word, log-odds), …)
    bonus: list[tuple[tuple[str, float], ...]]
    # the résumés with self-description to weigh against their experience: their rows,
    # the hits of their text without it, and which of their `sentences` it is
    claimed: np.ndarray
    experience: KeywordHits
    claims: list[np.ndarray | None]


def semantic_sentences(doc: Resume) -> list[Sentence]:
    """The sentences of a résumé that are embedded: every one with some content.

    The opening lines too: personal data is already redacted, and a one-line or
    form-field résumé has nothing but its opening lines.
    """
    if not doc.ok:
        return []
    return [s for s in doc.sentences if sum(ch.isalnum() for ch in s.text) >= MIN_SENTENCE_CHARS]


def model_text(text: str, canonicalize: Any, *, english: bool = True) -> str:
    """``text`` as the sentence model reads it.

    Traditional (and, with ``english``, English) text is read the way the keywords
    read it: converted to Simplified with the synonym table's mainland terms put in
    (流動銀行 -> 手机银行, "Led the 手机银行 团队"), which sits much closer to the
    Simplified duties than regional or plain English wording. Other text is encoded
    as written. ``canonicalize`` is the fitted tokenizer's (None: Simplified only).
    Résumé sentences and a role's duties both pass here; English duties keep their
    English wording (``english=False``), as they are measured against English
    reference duties. Evidence keeps the candidate's own sentence.

    Examples
    --------
    >>> model_text("負責流動銀行產品", None)
    '负责流动银行产品'
    """
    from rolematch.language import detect_language, has_traditional, to_simplified

    foreign = has_traditional(text) or (english and detect_language(text) == "en")
    if canonicalize is not None and foreign:
        return str(canonicalize(text))
    return to_simplified(text)


def resume_features(
    docs: Sequence[Resume],
    keywords: KeywordVectorizer,
    encoder: Any,
    dim: int,
    profile: ScoringProfile,
) -> ResumeFeatures:
    """The features of read résumés (:class:`ResumeFeatures`), sentences encoded in one batch.

    ``keywords`` is the fitted vectorizer, ``encoder`` the sentence encoder, ``dim`` its
    width (the roles' embeddings) and ``profile`` gives the hits' saturation and the
    learned word preferences.
    """
    from rolematch.language import to_simplified
    from rolematch.sections import CLAIM_SECTIONS, experience_text

    canonicalize = getattr(keywords.tokenizer_, "canonicalize", None)
    docs = list(docs)
    texts = [d.text if d.ok else "" for d in docs]
    saturation = profile.keyword["saturation"]
    hits, mass = keywords.count_with_mass(texts, saturation)
    sentences = [semantic_sentences(d) for d in docs]
    # claims are told from experience only where the profile weighs them (a second
    # segmentation of most of the text otherwise spent for nothing)
    weighs = min(profile.keyword["claims_share"], profile.semantic["claims_share"]) < 1
    lived = [experience_text(d) for d in docs] if weighs else [None] * len(docs)
    claimed = np.array([i for i, t in enumerate(lived) if t is not None], dtype=np.int64)
    experience, _ = keywords.count_with_mass([lived[i] or "" for i in claimed], saturation)
    claims = [
        None if t is None else np.array([s.section in CLAIM_SECTIONS for s in ss], bool)
        for t, ss in zip(lived, sentences, strict=True)
    ]
    flat = [model_text(s.text, canonicalize) for ss in sentences for s in ss]
    emb = encoded(encoder, flat, dim) if flat else np.zeros((0, dim), np.float32)
    bounds = np.cumsum([0] + [len(ss) for ss in sentences])
    embeddings = [emb[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
    facets = [
        resume_facets(to_simplified(d.text), {k: to_simplified(v) for k, v in d.sections.items()})
        if d.ok
        else None
        for d in docs
    ]
    bonus: list[tuple[tuple[str, float], ...]] = [() for _ in docs]
    if profile.term_bonus:
        from rolematch.features.keywords import text_words

        tok = keywords.tokenizer_
        for i, t in enumerate(texts):
            words = text_words(tok, t) if t else frozenset()
            bonus[i] = tuple((w, b) for w, b in profile.term_bonus.items() if w in words)
    return ResumeFeatures(
        docs, hits, mass, sentences, embeddings, facets, bonus, claimed, experience, claims
    )
