"""Language and script of résumé text, and Traditional → Simplified conversion.

Candidates write in Simplified Chinese, in Traditional Chinese with Hong Kong,
Macau or Taiwan vocabulary, or in English. The role catalogue is Simplified, so:

* :func:`detect_language` labels a text ``"zh-Hans"``, ``"zh-Hant"``, ``"en"`` or
  ``"mixed"`` (``"und"`` when it has neither ideographs nor Latin words). Script
  is told by the ideographs only one script uses: those OpenCC's Traditional →
  Simplified table changes and GB2312 (the common Simplified set) lacks, against
  those its Simplified → Traditional table changes and Big5-HKSCS lacks. Language
  is told by the share of Latin words against ideographs.
* :func:`to_simplified` converts Traditional Chinese for tokenising and keyword
  matching with OpenCC's phrase-level ``tw2sp`` configuration (characters,
  variants and regional vocabulary: 軟體→软件, 資訊→信息, 專案→项目,
  數位→数字). That vocabulary comes from computing, and some of its entries
  turn ordinary business words into jargon (呼叫中心→调用中心, 核心→内核,
  指標→指针, 線上→在线); the words in ``data/lexicon/regional.yaml`` (``keep``)
  are converted character by character instead. Lines without a Traditional-only
  character are returned unchanged, so Simplified text never passes through the
  regional tables. Regional terms OpenCC leaves alone (流動銀行, 反洗黑錢,
  金管局) are mapped to the catalogue's terms by the synonym table
  (``data/lexicon/synonyms.yaml``), after conversion.

The résumé text itself is never rewritten: evidence and reports show what the
candidate wrote; conversion happens where text is tokenised, counted or encoded.

OpenCC (the ``opencc`` package, with its dictionaries bundled) is imported on
first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rolematch._resources import data_dir, load_yaml
from rolematch.exceptions import MissingDependencyError

__all__ = [
    "LANGUAGES",
    "ScriptCounts",
    "as_written",
    "detect_language",
    "display_variants",
    "english_roles",
    "fold",
    "has_traditional",
    "load_keep_words",
    "posting_spelling",
    "script_counts",
    "simplified_chars",
    "taiwan_spelling",
    "to_simplified",
]

#: Labels :func:`detect_language` gives a text with content.
LANGUAGES: tuple[str, ...] = ("zh-Hans", "zh-Hant", "en", "mixed")

#: A Latin word counts as this many ideographs when the two are compared: a
#: Chinese résumé line says in about 10 ideographs what English says in 6-7 words.
LATIN_WORD_WEIGHT = 1.5
#: Share of Latin-word weight from which a text is English ...
EN_SHARE = 0.8
#: ... and up to which it is Chinese; between the two it is ``mixed``.
ZH_SHARE = 0.35
#: Share of Traditional-only among script-specific ideographs from which Chinese
#: text is Traditional (and below ``1 - HANT_SHARE`` Simplified; else ``mixed``).
HANT_SHARE = 0.75

_HAN_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF))
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@lru_cache(maxsize=8)
def _opencc(config: str) -> Any:
    try:
        import opencc
    except ImportError as e:  # a core dependency; only a broken install lacks it
        raise MissingDependencyError(
            "'opencc' is needed to read Traditional Chinese but is not installed; "
            "install it with: pip install opencc"
        ) from e
    return opencc.OpenCC(config)


def _encodable(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=2)
def _han_converted(config: str) -> tuple[list[str], list[str]]:
    """Every ideograph, and each one as OpenCC's ``config`` converts it alone."""
    chars = [chr(c) for lo, hi in _HAN_RANGES for c in range(lo, hi + 1)]
    return chars, _opencc(config).convert("\n".join(chars)).split("\n")


@lru_cache(maxsize=1)
def _script_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(Traditional-only, Simplified-only) ideographs, from OpenCC's character tables."""
    chars, t2s = _han_converted("t2s")
    _, s2t = _han_converted("s2t")
    trad = frozenset(
        c for c, s in zip(chars, t2s, strict=True) if s != c and not _encodable(c, "gb2312")
    )
    simp = frozenset(
        c for c, t in zip(chars, s2t, strict=True) if t != c and not _encodable(c, "big5hkscs")
    )
    return trad, simp


@lru_cache(maxsize=1)
def simplified_chars() -> dict[int, int]:
    """A :meth:`str.translate` table: each Traditional ideograph whose Simplified form
    is one other character, to it (OpenCC ``t2s`` character by character: 監 → 监). One
    for one, so a match in the translated text is at the same place in the original.

    Examples
    --------
    >>> "交易監測".translate(simplified_chars())
    '交易监测'
    """
    chars, simple = _han_converted("t2s")
    return {ord(c): ord(s) for c, s in zip(chars, simple, strict=True) if len(s) == 1 and s != c}


@lru_cache(maxsize=4096)
def taiwan_spelling(word: str) -> str:
    """``word`` in Taiwan's vocabulary (OpenCC ``s2twp``: 软件 → 軟體), the inverse of
    the ``tw2sp`` :func:`to_simplified` reads a Traditional résumé with.

    Examples
    --------
    >>> taiwan_spelling("软件")
    '軟體'
    """
    return str(_opencc("s2twp").convert(word))


@dataclass(frozen=True)
class ScriptCounts:
    """What a text is written in.

    Attributes
    ----------
    han : int
        CJK ideographs.
    traditional : int
        Ideographs only Traditional Chinese uses (資, 訊, 銀 …).
    simplified : int
        Ideographs only Simplified Chinese uses (资, 讯, 银 …).
    latin_words : int
        Runs of two or more Latin letters.
    """

    han: int
    traditional: int
    simplified: int
    latin_words: int

    @property
    def latin_share(self) -> float:
        """Weight of the Latin words against the ideographs, in [0, 1]."""
        latin = LATIN_WORD_WEIGHT * self.latin_words
        return latin / (latin + self.han) if latin + self.han else 0.0

    @property
    def language(self) -> str:
        """The label :func:`detect_language` gives."""
        if not self.han and not self.latin_words:
            return "und"
        share = self.latin_share
        if share >= EN_SHARE:
            return "en"
        if share > ZH_SHARE:
            return "mixed"
        marked = self.traditional + self.simplified
        if not marked:
            return "zh-Hans"
        trad = self.traditional / marked
        if trad >= HANT_SHARE:
            return "zh-Hant"
        if trad <= 1 - HANT_SHARE:
            return "zh-Hans"
        return "mixed"


def script_counts(text: str) -> ScriptCounts:
    """Count ideographs by script, and Latin words.

    Examples
    --------
    >>> script_counts("負責流動銀行 App")
    ScriptCounts(han=6, traditional=4, simplified=0, latin_words=1)
    >>> script_counts("负责手机银行")
    ScriptCounts(han=6, traditional=0, simplified=2, latin_words=0)
    """
    trad, simp = _script_sets()
    han = t = s = 0
    for ch in text:
        cp = ord(ch)
        if 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF:
            han += 1
            if ch in trad:
                t += 1
            elif ch in simp:
                s += 1
    return ScriptCounts(han, t, s, len(_LATIN_WORD.findall(text)))


def detect_language(text: str) -> str:
    """The language and script of a text: ``zh-Hans``, ``zh-Hant``, ``en`` or ``mixed``.

    ``mixed`` is a text with both much English and much Chinese (a bilingual
    résumé), or Chinese written in both scripts; ``und`` one with neither
    ideographs nor Latin words. Ideographs both scripts share (中, 行, 理) and
    Chinese text without any script-specific one count as Simplified.

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> detect_language("負責網上銀行及流動應用程式的營運")
    'zh-Hant'
    >>> detect_language("负责手机银行APP运营，熟悉Python")
    'zh-Hans'
    >>> detect_language("Led the mobile banking team; launched UnionPay QuickPass.")
    'en'
    >>> detect_language("负责手机银行运营。Led the mobile banking team at a bank.")
    'mixed'
    >>> detect_language("2019.05-2021.06")
    'und'
    """
    return script_counts(text).language


def english_roles(roles: Sequence[Any], languages: Iterable[str]) -> list[str]:
    """Ids of the roles written in English when Chinese résumés are among ``languages``
    (each résumé's :func:`detect_language`).

    A Chinese résumé meets an English role across languages: its duties find weaker
    evidence and its English boilerplate dilutes its keywords (a buyer's CV scored 0.51
    against an English procurement posting and 0.97 against its Chinese version).

    Examples
    --------
    >>> from rolematch.documents import Role
    >>> en = Role("buyer", "Buyer", ("Negotiate prices with suppliers",), ())
    >>> zh = Role("cg", "采购员", ("负责与供应商谈判价格",), ())
    >>> english_roles([en, zh], ["zh-Hans", "en"]), english_roles([en, zh], ["en"])
    (['buyer'], [])
    """
    if not any(lang.startswith("zh") for lang in languages):
        return []
    return [
        r.id
        for r in roles
        if detect_language("\n".join((r.title, *r.duties, *r.requirements))) == "en"
    ]


def has_traditional(text: str) -> bool:
    """Whether ``text`` has an ideograph only Traditional Chinese uses.

    Examples
    --------
    >>> has_traditional("手机银行"), has_traditional("手機銀行")
    (False, True)
    """
    trad, _ = _script_sets()
    return not trad.isdisjoint(text)


def load_keep_words(path: str | Path | None = None) -> list[str]:
    """Words whose regional conversion misfires in business text (``regional.yaml``).

    Examples
    --------
    >>> "呼叫" in load_keep_words()
    True
    """
    path = Path(path) if path is not None else data_dir() / "lexicon" / "regional.yaml"
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    return [str(w) for w in data.get("keep", ())]


@lru_cache(maxsize=1)
def _keep_pattern() -> re.Pattern[str] | None:
    words = sorted(set(load_keep_words()), key=len, reverse=True)
    return re.compile("(" + "|".join(map(re.escape, words)) + ")") if words else None


def _convert_line(line: str) -> str:
    regional = _opencc("tw2sp")
    pattern = _keep_pattern()
    if pattern is None:
        return str(regional.convert(line))
    plain = _opencc("t2s")
    # split() with a group alternates: text, kept word, text, kept word, ...
    parts = pattern.split(line)
    return "".join(
        str((plain if i % 2 else regional).convert(part)) if part else ""
        for i, part in enumerate(parts)
    )


def to_simplified(text: str) -> str:
    """Traditional Chinese to Simplified, with mainland vocabulary; other text as is.

    Each line that has a Traditional-only ideograph is converted with OpenCC
    ``tw2sp`` (phrases and Taiwan vocabulary), except the words listed under
    ``keep`` in ``data/lexicon/regional.yaml``, which are converted character by
    character (``t2s``). Other lines, Simplified or English, come back unchanged;
    so does the number of lines.

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> to_simplified("軟體工程師，負責資訊系統與專案管理")
    '软件工程师，负责信息系统与项目管理'
    >>> to_simplified("客戶服務中心及呼叫中心的核心系統")
    '客户服务中心及呼叫中心的核心系统'
    >>> to_simplified("负责呼叫中心系统\\nLed the contact centre")
    '负责呼叫中心系统\\nLed the contact centre'
    """
    if not has_traditional(text):
        return text
    trad, _ = _script_sets()
    lines = text.split("\n")
    return "\n".join(_convert_line(line) if not trad.isdisjoint(line) else line for line in lines)


@lru_cache(maxsize=1)
def highlight_variants() -> dict[str, list[str]]:
    """The bundled synonym table with Traditional spellings added (:func:`display_variants`):
    what reports pass to mark Simplified keywords in a Traditional or English résumé.

    Built once (OpenCC over the table); the CLI's HTML report and
    :meth:`rolematch.explain.Explanation.to_html` mark the same words.

    Examples
    --------
    >>> "手機銀行" in highlight_variants()["手机银行"]
    True
    """
    from rolematch.tokenize import load_synonyms

    return display_variants(load_synonyms())


def display_variants(
    table: Mapping[str, Sequence[str]], configs: Iterable[str] = ("s2t", "s2hk", "s2tw")
) -> dict[str, list[str]]:
    """A synonym table with the Traditional spellings of every term and variant added.

    For highlighting: a report marks a matched keyword (a Simplified canonical
    term) in the candidate's original text, which may be Traditional. Pass the
    result where a ``{canonical: [variants]}`` table is taken (e.g.
    :func:`rolematch.html_report.write_html`'s ``variants``).

    Examples
    --------
    >>> display_variants({"反洗钱": ["AML", "反洗黑钱"]})["反洗钱"]
    ['AML', '反洗黑钱', '反洗錢', '反洗黑錢']
    """
    converters = [_opencc(c) for c in configs]
    out: dict[str, list[str]] = {}
    for canon, variants in table.items():
        words = list(dict.fromkeys(variants))
        seen = set(words) | {canon}
        for w in (canon, *variants):
            if w.isascii():
                continue
            for cc in converters:
                t = str(cc.convert(w))
                if t not in seen:
                    seen.add(t)
                    words.append(t)
        out[canon] = words
    return out


def as_written(term: str, texts: Sequence[str]) -> str:
    """How ``texts`` write a keyword they match under another word of the synonym table
    (not another script: a reader of Traditional text knows 遠程銀行 is 远程银行), or ``""``.
    ``texts`` come case-folded (``str.casefold``): the caller folds a résumé's sentences
    once for all its keywords.

    Examples
    --------
    >>> as_written("金融教育", ["组织投资者教育活动"]), as_written("消保", ["负责消保工作"])
    ('投资者教育', '')
    """
    if any(term.casefold() in t for t in texts):
        return ""
    return next((v for v in _synonyms().get(term, ()) if any(v.casefold() in t for t in texts)), "")


@lru_cache(maxsize=65536)
def posting_spelling(term: str, lines: tuple[str, ...]) -> str:
    """How a posting writes one of its keywords, where not as the vocabulary does, or ``""``.

    The vocabulary is Simplified and holds one word of each synonym group; a recruiter
    who wrote 人身保險, 晨会 or mobile banking reads it so. ``lines`` are the posting's
    own lines (its title, duties and requirements): the term as they write it,
    character for character or under another word of the synonym table (晨会 for
    班前会, 流動銀行 for 手机银行); else, where they are mostly Traditional, in Taiwan's
    spelling (OpenCC ``s2twp``). A term a line writes as it is needs no spelling.

    Examples
    --------
    >>> lines = ("負責人身保險商品銷售", "推廣流動銀行")
    >>> [posting_spelling(t, lines) for t in ("人身保险", "手机银行", "软件", "kyc")]
    ['人身保險', '流動銀行', '軟體', '']
    >>> posting_spelling("人身保险", ("负责人身保险销售",))
    ''
    >>> posting_spelling("班前会", ("撰写晨会纪要",))
    '晨会'
    """
    if any(term in line for line in lines):
        return ""
    fold = simplified_chars()
    folded = [line.translate(fold).casefold() for line in lines]
    for word in (term, *_synonyms().get(term, ())):
        for line, seen in zip(lines, folded, strict=True):
            if (at := seen.find(word.casefold())) >= 0:
                return line[at : at + len(word)]
    counts = script_counts("".join(lines))
    spelt = taiwan_spelling(term) if counts.traditional > counts.simplified else term
    return "" if spelt == term else spelt


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, list[str]]:
    from rolematch.tokenize import load_synonyms

    return load_synonyms()


def fold(text: str) -> str:
    """NFKC (full-width letters, digits, colons and brackets folded), trimmed, and
    Traditional Chinese converted to Simplified: the vocabulary is Simplified, so a
    Hong Kong or Taiwan posting (主要職責, 入職要求) is matched the same way. Only
    matching sees the folded text; imported items keep the text as written.

    Examples
    --------
    >>> fold("  主要職責："), fold("職稱：授信審查人員")
    ('主要职责:', '职位名称:授信审查人员')
    """
    import unicodedata

    s = unicodedata.normalize("NFKC", text).strip()
    if not has_traditional(s):
        return s
    # Taiwan's 職稱 is a post's title, where the mainland's 职称 is a professional rank
    return to_simplified(s.replace("職稱", "職位名稱"))
