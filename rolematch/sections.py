"""Turn extracted page texts into a :class:`~rolematch.documents.Resume` (no I/O)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rolematch.documents import Resume, Sentence
from rolematch.text import normalize_text, split_sentences

__all__ = ["build_resume"]


def build_resume(
    source: str,
    page_texts: Sequence[str],
    *,
    warnings: Sequence[str] = (),
    meta: dict[str, Any] | None = None,
) -> Resume:
    """Normalise page texts and split them into sentences that keep their page.

    Examples
    --------
    >>> r = build_resume("cv.txt", ["负责手机银行运营。熟悉反洗钱"])
    >>> [(s.text, s.page) for s in r.sentences]
    [('负责手机银行运营。', 1), ('熟悉反洗钱', 1)]
    """
    sentences: list[Sentence] = []
    pages: list[str] = []
    for page_no, raw in enumerate(page_texts, start=1):
        text = normalize_text(raw)
        pages.append(text)
        sentences.extend(Sentence(s, page_no) for s in split_sentences(text))
    return Resume(
        source=source,
        text="\n".join(p for p in pages if p),
        sentences=tuple(sentences),
        pages=len(page_texts),
        warnings=tuple(warnings),
        meta=dict(meta or {}),
    )
