"""Keywords marked in HTML: a résumé's sentences with the role's terms in ``<mark>``,
as the scorer matched them (synonym variants, Traditional spellings). No I/O."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

__all__ = ["highlight_html", "highlighter"]


def highlighter(
    terms: Iterable[str], variants: Mapping[str, Sequence[str]] | None = None
) -> Callable[[str], str]:
    """A function that escapes text for HTML and wraps ``terms`` (and their synonym
    variants) in ``<mark>``, in the text's own spelling.

    Matching ignores case; ASCII terms match only as whole words (``aml`` not inside
    ``html``), CJK terms anywhere; spaces, ``-`` and ``_`` inside a variant match any of
    them; the longest match wins. A term in Simplified Chinese matches its Traditional
    spelling too, as the scorer read it (:func:`rolematch.language.to_simplified`):
    character for character (監測 for 监测) and with Taiwan's vocabulary (軟體 for 软件).

    Parameters
    ----------
    terms : iterable of str
        Keywords (canonical terms, as in ``Explanation.matched_keywords``).
    variants : mapping, optional
        ``{canonical: [variant, ...]}`` (``SynonymMap.table``); keys are matched
        ignoring case.

    Examples
    --------
    >>> mark = highlighter(["反洗钱", "app"], {"反洗钱": ["AML"]})
    >>> mark("熟悉AML与反洗钱，负责APP和HTML<页面>")
    '熟悉<mark>AML</mark>与<mark>反洗钱</mark>，负责<mark>APP</mark>和HTML&lt;页面&gt;'
    >>> highlighter(["监测", "软件"])("負責交易監測與軟體維運")
    '負責交易<mark>監測</mark>與<mark>軟體</mark>維運'
    """
    table = {k.lower(): v for k, v in (variants or {}).items()}
    words: set[str] = set()
    for t in terms:
        if t:
            words.add(t)
            words.update(table.get(t.lower(), ()))
    fold: dict[int, int] = {}
    if not all(w.isascii() for w in words):
        from rolematch.language import simplified_chars, taiwan_spelling

        words.update([taiwan_spelling(w) for w in words if not w.isascii()])
        fold = simplified_chars()
    spelt = {re.sub(r"[\s_-]+", " ", w.lower()).strip().translate(fold) for w in words}
    keys = sorted(spelt - {""}, key=len)
    if not keys:
        return html.escape
    alts = []
    for k in reversed(keys):
        body = re.escape(k).replace(r"\ ", r"[\s_-]*")
        alts.append(rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])" if k.isascii() else body)
    pattern = re.compile("|".join(alts), re.IGNORECASE)

    def mark(text: str) -> str:
        out, last = [], 0
        # matched in the text with each Traditional character as its Simplified one (one
        # for one: the positions are the text's), shown as the text spells it
        for m in pattern.finditer(text.translate(fold)):
            out.append(html.escape(text[last : m.start()]))
            out.append(f"<mark>{html.escape(text[m.start() : m.end()])}</mark>")
            last = m.end()
        out.append(html.escape(text[last:]))
        return "".join(out)

    return mark


def highlight_html(
    text: str, terms: Sequence[str], variants: Mapping[str, Sequence[str]] | None = None
) -> str:
    """Escape ``text`` for HTML and wrap each term (and its variants) in ``<mark>``.

    See :func:`highlighter`, which builds the pattern once for many texts.

    Examples
    --------
    >>> highlight_html("熟悉手机银行与<AML>", ["手机银行", "aml"])
    '熟悉<mark>手机银行</mark>与&lt;<mark>AML</mark>&gt;'
    """
    return highlighter(terms, variants)(text)
