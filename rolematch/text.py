"""Text normalisation and sentence splitting for Chinese résumés (no I/O)."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text", "split_sentences"]

_SPACES = re.compile(r"[ \t\u3000\xa0]+")
_SENT_END = re.compile(r"(?<=[。！？；;!?])|\n+")


def normalize_text(text: str) -> str:
    """NFKC-normalise, fold full-width ASCII and squeeze spaces.

    Examples
    --------
    >>> normalize_text("熟悉Ｐｙｔｈｏｎ　　和ＳＱＬ")
    '熟悉Python 和SQL'
    """
    text = unicodedata.normalize("NFKC", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def split_sentences(text: str) -> list[str]:
    """Split on line breaks and Chinese/Western sentence ends.

    Examples
    --------
    >>> split_sentences("负责手机银行运营。熟悉反洗钱\\n金融专业")
    ['负责手机银行运营。', '熟悉反洗钱', '金融专业']
    """
    return [s.strip() for s in _SENT_END.split(text) if s and s.strip()]
