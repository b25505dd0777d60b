"""Text normalisation and sentence splitting for Chinese résumés (no I/O).

Extraction hands this module raw text from PDF text layers, Word files and
plain-text files. What comes out is what the tokenizer and the scorer see, so the
same function also normalises role texts and test strings:

* NFKC, so full-width ASCII (``Ｐｙｔｈｏｎ``, ``１２３``, ``：``) becomes
  half-width and compatibility ideographs become unified ones;
* radical look-alikes (Kangxi Radicals U+2F00–U+2FDF, which NFKC folds, and the
  CJK Radicals Supplement U+2E80–U+2EFF, which it does not) become the unified
  ideograph they stand for: PDF fonts that share one glyph between ``长`` and
  ``⻓`` often map it back to the radical;
* ``(cid:N)`` tokens, U+FFFD, private-use glyphs (icon fonts), control and
  zero-width characters are dropped: none of them is text;
* bullets and decorative symbols are dropped (list markers only at the start of a
  line, since ``·`` also joins the parts of a name);
* punctuation that Big5 (Traditional Chinese) text carries in presentation forms
  is read as what it stands for before NFKC: ``︰`` (which NFKC would turn into
  ``..``) is a colon, ``‧`` the middle dot;
* spaces are squeezed, and spaces inside letter-spaced labels (``姓 名``) removed
  without gluing English words.

Before any of that, :func:`make_valid` makes the text valid Unicode: PDFium hands
characters outside the Basic Multilingual Plane (emoji such as 🐱 in a Chrome-printed
résumé) as two UTF-16 code units; a pair is joined into its character, and a lone
surrogate, which no encoder accepts, is replaced by U+FFFD and counted.
:func:`rolematch.sections.build_resume` calls it once for every backend, before
anything hashes, caches, tokenises or writes the text.

:func:`count_artifacts` counts what the normaliser removes, for quality checks
and the extraction benchmark.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "MAX_SENTENCE_CHARS",
    "RADICAL_MAP",
    "count_artifacts",
    "department_title",
    "display_width",
    "fold_radicals",
    "is_cjk",
    "make_valid",
    "normalize_line",
    "normalize_text",
    "split_sentences",
    "title_note",
]

# The CJK Radicals Supplement has no decomposition (except ⺟ and ⻳), so NFKC keeps
# it. Values follow the Unicode data file EquivalentUnifiedIdeograph.txt where it
# names one; components that never stand alone map to their component ideograph
# (亻, 氵 …). ⺀ has no equivalent there and maps to the nearest ideograph, 冫.
# ⺝/⺼ (MOON/MEAT) map to 月: Chinese fonts draw both as 月, and that is the glyph
# a PDF showed when its ToUnicode map names the radical.
_SUPPLEMENT = {
    0x2E80: "冫", 0x2E81: "厂", 0x2E82: "乛", 0x2E83: "乚", 0x2E84: "乙", 0x2E85: "亻",
    0x2E86: "冂", 0x2E87: "几", 0x2E88: "刀", 0x2E89: "刂", 0x2E8A: "卜", 0x2E8B: "㔾",
    0x2E8C: "小", 0x2E8D: "小", 0x2E8E: "尢", 0x2E8F: "尣", 0x2E90: "尢", 0x2E91: "尣",
    0x2E92: "巳", 0x2E93: "幺", 0x2E94: "彑", 0x2E95: "彐", 0x2E96: "忄", 0x2E97: "㣺",
    0x2E98: "扌", 0x2E99: "攵", 0x2E9B: "旡", 0x2E9C: "日", 0x2E9D: "月", 0x2E9E: "歺",
    0x2E9F: "母", 0x2EA0: "民", 0x2EA1: "氵", 0x2EA2: "氺", 0x2EA3: "灬", 0x2EA4: "爫",
    0x2EA5: "爫", 0x2EA6: "丬", 0x2EA7: "牛", 0x2EA8: "犭", 0x2EA9: "王", 0x2EAA: "疋",
    0x2EAB: "罒", 0x2EAC: "示", 0x2EAD: "礻", 0x2EAE: "竹", 0x2EAF: "糸", 0x2EB0: "纟",
    0x2EB1: "罓", 0x2EB2: "罒", 0x2EB3: "㓁", 0x2EB4: "罒", 0x2EB5: "罓", 0x2EB6: "羊",
    0x2EB7: "羊", 0x2EB8: "羊", 0x2EB9: "耂", 0x2EBA: "肀", 0x2EBB: "聿", 0x2EBC: "月",
    0x2EBD: "臼", 0x2EBE: "艹", 0x2EBF: "艹", 0x2EC0: "艹", 0x2EC1: "虎", 0x2EC2: "衤",
    0x2EC3: "覀", 0x2EC4: "西", 0x2EC5: "见", 0x2EC6: "角", 0x2EC7: "角", 0x2EC8: "讠",
    0x2EC9: "贝", 0x2ECA: "足", 0x2ECB: "车", 0x2ECC: "辶", 0x2ECD: "辶", 0x2ECE: "辶",
    0x2ECF: "阝", 0x2ED0: "钅", 0x2ED1: "長", 0x2ED2: "镸", 0x2ED3: "长", 0x2ED4: "门",
    0x2ED5: "阜", 0x2ED6: "阝", 0x2ED7: "雨", 0x2ED8: "青", 0x2ED9: "韦", 0x2EDA: "页",
    0x2EDB: "风", 0x2EDC: "飞", 0x2EDD: "食", 0x2EDE: "食", 0x2EDF: "飠", 0x2EE0: "饣",
    0x2EE1: "首", 0x2EE2: "马", 0x2EE3: "骨", 0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟",
    0x2EE7: "卤", 0x2EE8: "麦", 0x2EE9: "黄", 0x2EEA: "黾", 0x2EEB: "斉", 0x2EEC: "齐",
    0x2EED: "歯", 0x2EEE: "齿", 0x2EEF: "竜", 0x2EF0: "龙", 0x2EF1: "龜", 0x2EF2: "亀",
    0x2EF3: "龟",
}  # fmt: skip

# Big5 text (Traditional Chinese) writes its colon and middle dot with these; NFKC
# would make "姓名︰" into "姓名.." and leave "‧" (a bullet and a name separator).
_BIG5_PUNCT = {0xFE30: "：", 0x2236: "：", 0x2027: "·"}

# Kangxi radicals carry a compatibility decomposition; ⼾ decomposes to the
# traditional 戶, but fonts for Simplified Chinese draw (and mean) 户 with it.
_KANGXI_OVERRIDE = {0x2F3E: "户"}


def _build_radical_map() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x2F00, 0x2FE0):
        c = chr(cp)
        folded = unicodedata.normalize("NFKC", c)
        if folded != c:
            table[cp] = folded
    table.update(_KANGXI_OVERRIDE)
    table.update(_SUPPLEMENT)
    return table


#: Code point of a radical look-alike -> the unified ideograph it stands for,
#: for use with :meth:`str.translate`.
RADICAL_MAP: dict[int, str] = _build_radical_map()
_LINE_MAP = {**RADICAL_MAP, **_BIG5_PUNCT}

_CID = re.compile(r"\(cid:\d+\)")
# the blocks' assigned code points only: U+2E9A, U+2EF4-2EFF and U+2FD6-2FDF are unassigned
# (not radicals, and folded to nothing)
_RADICALS = re.compile("[\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5]")

# Never text: C0/C1 controls (but not \t \n), zero-width and bidi marks, soft hyphen,
# variation selectors, U+FFFD, the private-use areas (icon fonts such as
# FontAwesome), and specials. Decorative symbols: bullets, geometric shapes,
# dingbats, stars, check marks, emoji. Arrows and math stay (客服代表→组长).
_DROP = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f"
    "\ufeff\ufff0-\uffff\ue000-\uf8ff\U000f0000-\U0010ffff"
    "\u2022\u2023\u2043\u2219\u2500-\u25ff\u2605\u2606\u2600-\u26ff\u2700-\u27bf"
    "\u2b00-\u2bff\U0001f300-\U0001faff]"
)
# List markers that also occur inside text (· joins the parts of a name, - a range):
# dropped only when they open a line.
_LEAD_MARKER = re.compile(r"^(?:[-–—*·・>»○◦]+\s*)+")
_SPACES = re.compile(r"[ \t\u3000\xa0\u2000-\u200a\u202f\u205f]+")
# A run of two or more single CJK characters separated by single spaces: a
# letter-spaced label such as "自 我 评 价". Multi-character words next to it
# ("英语 学士") and Latin words ("I am a") are left alone.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_LETTER_SPACED = re.compile(
    rf"(?<![{_CJK}])[{_CJK}](?: [{_CJK}])+(?![{_CJK}])",
)
# An English full stop ends a sentence when a lower-case word (or a number, or a
# bracket) precedes it and a capital follows after a space: "… 11 years. Built …",
# but not "2019.05", "99.95%", "a.b@x.com" or "U.S. Bank".
_SENT_END = re.compile(r"(?<=[。！？!?；;])|(?<=[a-z0-9)%]\.)(?=\s+[A-Z])")

#: Characters a sentence holds at most: a longer stretch without a sentence end (text
#: extracted without punctuation, a file without line breaks, junk) is cut into pieces of
#: at most this many at clause breaks, so that the sentence model reads each piece whole.
#: e5-small reads 512 tokens, 506 after ``<s>``, ``query: `` and ``</s>``; its tokenizer
#: makes at most one token of a character (every code point checked), and the synonym
#: table's mainland terms make an English or Traditional text at most 1.5x as many
#: tokens (電銷 -> 外呼营销), so 320 characters are at most 480 tokens. Résumé sentences
#: run to ~300 characters (English author lists); Chinese ones are far shorter.
MAX_SENTENCE_CHARS = 320
# Where a long stretch is cut, best first: after a clause mark (a comma not inside a
# number such as 1,000, a colon not inside a time such as 10:30), else at a space.
_CLAUSE_BREAK = re.compile(r"[，、：]|[,:](?!\d)")
_SPACE = re.compile(r"\s+")


_SURROGATE = re.compile("[\ud800-\udfff]")
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _join_pair(m: re.Match[str]) -> str:
    pair = m.group(0)
    return chr(0x10000 + ((ord(pair[0]) - 0xD800) << 10) + (ord(pair[1]) - 0xDC00))


def make_valid(text: str) -> tuple[str, int]:
    """Make ``text`` valid Unicode that every encoder accepts.

    A high surrogate followed by a low one (a UTF-16 pair, as PDFium returns an
    emoji) becomes the character it encodes; any other surrogate is replaced by
    U+FFFD. Surrogates are the only code points a Python string can hold that
    UTF-8 (and so JSON, SQLite, hashing and the report writers) refuses.

    Parameters
    ----------
    text : str

    Returns
    -------
    text : str
        The same text when it was valid (the common case costs one regex search).
    replaced : int
        Lone surrogates replaced by U+FFFD.

    Examples
    --------
    >>> make_valid("猫\\ud83d\\udc31")
    ('猫🐱', 0)
    >>> make_valid("半个\\ud83d字")
    ('半个\\ufffd字', 1)
    >>> make_valid("工作经历")
    ('工作经历', 0)
    """
    if _SURROGATE.search(text) is None:
        return text, 0
    text = _PAIR.sub(_join_pair, text)
    return _SURROGATE.subn("\ufffd", text)


def is_cjk(ch: str) -> bool:
    """Whether ``ch`` is a CJK unified (or compatibility) ideograph.

    Examples
    --------
    >>> is_cjk("银"), is_cjk("A"), is_cjk("⼈")
    (True, False, False)
    """
    cp = ord(ch)
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF


def fold_radicals(text: str) -> str:
    """Replace radical look-alikes by the unified ideographs they stand for.

    Examples
    --------
    >>> fold_radicals("⼈⼯智能⻓期⻔户")
    '人工智能长期门户'
    """
    return text.translate(RADICAL_MAP)


def count_artifacts(text: str) -> dict[str, int]:
    """Count extraction artefacts: ``(cid:N)`` tokens, radical look-alikes, U+FFFD.

    Examples
    --------
    >>> count_artifacts("(cid:12)⼈⼯\\ufffd")
    {'cid': 1, 'radicals': 2, 'replacement': 1}
    """
    return {
        "cid": len(_CID.findall(text)),
        "radicals": len(_RADICALS.findall(text)),
        "replacement": text.count("\ufffd"),
    }


def normalize_line(line: str) -> str:
    """Normalise one line (no line breaks expected); see :func:`normalize_text`.

    Examples
    --------
    >>> normalize_line("● 熟悉 Ｐｙｔｈｏｎ、ＳＱＬ ")
    '熟悉 Python、SQL'
    >>> normalize_line("姓 名：张三")
    '姓名:张三'
    >>> normalize_line("‧ 姓名︰陳家豪")
    '姓名:陳家豪'
    """
    line = _CID.sub("", line)
    line = unicodedata.normalize("NFKC", line.translate(_LINE_MAP))
    line = _DROP.sub("", line)
    line = _SPACES.sub(" ", line).strip()
    line = _LEAD_MARKER.sub("", line)
    if " " in line:
        line = _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), line)
    return line


def normalize_text(text: str) -> str:
    """Normalise résumé or role text line by line and drop empty lines.

    NFKC (full-width ASCII to half-width), radical look-alikes to ideographs,
    ``(cid:N)``/U+FFFD/private-use/control characters and decorative bullets
    dropped, spaces squeezed, letter-spaced labels closed up.

    Parameters
    ----------
    text : str
        Raw text; any line-break convention.

    Returns
    -------
    str
        Normalised lines joined by ``"\\n"``; no empty lines.

    Examples
    --------
    >>> normalize_text("熟悉Ｐｙｔｈｏｎ　　和ＳＱＬ")
    '熟悉Python 和SQL'
    >>> normalize_text("◆ ⼯作经历\\r\\n\\r\\n• 负责⻔户(cid:3)运营\\ufffd")
    '工作经历\\n负责门户运营'
    >>> normalize_text("工 作 经 历\\nI am a team lead")
    '工作经历\\nI am a team lead'
    """
    lines = (normalize_line(line) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def split_sentences(text: str, max_chars: int | None = MAX_SENTENCE_CHARS) -> list[str]:
    """Split on line breaks and Chinese/Western sentence ends.

    A full stop sits inside numbers, dates and e-mail addresses (``99.95%``,
    ``2019.05``), so it ends a sentence only in English prose: after a lower-case
    word or a number and before a space and a capital letter.

    A stretch longer than ``max_chars`` with no sentence end (text extracted without
    punctuation, junk) is cut into pieces of at most ``max_chars``: at the last clause
    mark (``，`` ``、`` ``：`` ``,`` ``:``) that leaves a piece of at least half that, else
    at the last space, else after ``max_chars`` characters. Nothing but the spaces at a
    cut is dropped.

    Parameters
    ----------
    text : str
        Normalised text (:func:`normalize_text`).
    max_chars : int or None, default=MAX_SENTENCE_CHARS
        Characters a sentence holds at most; ``None`` leaves long ones whole. The
        default fits the built-in sentence models (:data:`MAX_SENTENCE_CHARS`).

    Returns
    -------
    list of str
        The sentences, stripped, in order; no empty ones.

    Raises
    ------
    ValueError
        If ``max_chars`` is not an int >= 1 or None.

    Examples
    --------
    >>> split_sentences("负责手机银行运营。熟悉反洗钱\\n金融专业")
    ['负责手机银行运营。', '熟悉反洗钱', '金融专业']
    >>> split_sentences("库存准确率99.95%;人效提升22%;")
    ['库存准确率99.95%;', '人效提升22%;']
    >>> split_sentences("Led a team of 40. Grew MAU by 2.5x at U.S. Bank. Contact: a.b@x.com")
    ['Led a team of 40.', 'Grew MAU by 2.5x at U.S. Bank.', 'Contact: a.b@x.com']
    >>> split_sentences("负责手机银行运营，推动渠道建设，优化客户体验", max_chars=12)
    ['负责手机银行运营，', '推动渠道建设，', '优化客户体验']
    >>> split_sentences("Led the mobile banking team of 40", max_chars=16)
    ['Led the mobile', 'banking team of', '40']
    >>> [len(s) for s in split_sentences("手机银行" * 200)]
    [320, 320, 160]
    """
    if max_chars is not None and (
        not isinstance(max_chars, int) or isinstance(max_chars, bool) or max_chars < 1
    ):
        raise ValueError(
            "The 'max_chars' parameter of split_sentences must be an int >= 1 or None. "
            f"Got {max_chars!r} instead."
        )
    out: list[str] = []
    for line in text.splitlines():
        for s in _SENT_END.split(line):
            s = s.strip()
            if max_chars is not None and len(s) > max_chars:
                out.extend(_cut(s, max_chars))
            elif s:
                out.append(s)
    return out


def _cut(text: str, max_chars: int) -> list[str]:
    """``text`` in pieces of at most ``max_chars`` (see :func:`split_sentences`)."""
    pieces: list[str] = []
    while len(text) > max_chars:
        end = start = max_chars  # the piece is text[:end], the rest text[start:]
        for keep, pattern in ((True, _CLAUSE_BREAK), (False, _SPACE)):
            # a clause mark stays with its piece (so it must fit), a space goes
            cuts = [
                (m.end() if keep else m.start(), m.end())
                for m in pattern.finditer(text, max_chars // 2, max_chars + 1)
                if not keep or m.end() <= max_chars
            ]
            if cuts:
                end, start = cuts[-1]
                break
        piece = text[:end].strip()
        if piece:
            pieces.append(piece)
        text = text[start:].lstrip()
    if text:
        pieces.append(text)
    return pieces


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal or a spreadsheet: a wide or full-width
    (CJK) character takes two.

    Examples
    --------
    >>> display_width("张三.pdf"), display_width("cv.pdf")
    (8, 6)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


#: a note after a job title in brackets: 理赔审核主管（总部运营中心）, 理财经理(私行方向)
_TITLE_NOTE = re.compile(r"^(.*?\S)\s*[（(]([^()（）]{1,24})[)）]\s*$")
#: a note that names a department: 合规管理部, 总部运营中心, 金融工程部, 风控处
_DEPARTMENT = re.compile(r"(?:部|中心|处|處|室|科|事业群|事業群|条线|條線)$")


def title_note(title: str) -> tuple[str, str, bool]:
    """A job title without its bracketed note, the note, and whether the note names a
    department (which says where the post sits, not what it does).

    Examples
    --------
    >>> title_note("理赔审核主管（总部运营中心）")
    ('理赔审核主管', '总部运营中心', True)
    >>> title_note("理财经理(私行方向)")
    ('理财经理', '私行方向', False)
    >>> title_note("客服主管")
    ('客服主管', '', False)
    """
    m = _TITLE_NOTE.match(title.strip())
    if m is None:
        return title.strip(), "", False
    note = m.group(2).strip()
    return m.group(1), note, bool(_DEPARTMENT.search(note))


#: a department written before a job title, apart from it: 信息科技部 信息安全工程师,
#: 信用卡中心 风险策略经理, 东乡支行 对公客户经理 (one word each side of the space)
_DEPARTMENT_BEFORE = re.compile(
    r"^([\u4e00-\u9fffA-Za-z0-9]+(?:部|中心|处|處|室|科|分行|支行|分公司|事业群|事業群|条线|條線))"
    r"\s+(?=(?:\S*?[\u4e00-\u9fffA-Za-z]){2})(\S{2,30}(?:[（(][^（()）]*[)）])?)$"
)
#: words that end as a department does and are none: 本科 管培生, 内部 推荐
_NOT_DEPARTMENT = re.compile(r"(?:本科|专科|全部|内部|外部)$")


def department_title(title: str) -> tuple[str, str]:
    """A job title written after its department, without it, and the department; for
    any other title, the title and ``""``.

    Only a title of two words apart, the first a department's name (ending in 部, 中心,
    处, 室, 科, 分行, 支行 …), has one: a posting's heading such as 三、信息科技部
    信息安全工程师. A note in brackets after the title is :func:`title_note`'s.

    Examples
    --------
    >>> department_title("信息科技部 信息安全工程师")
    ('信息安全工程师', '信息科技部')
    >>> department_title("信用卡中心\u3000风险策略经理")
    ('风险策略经理', '信用卡中心')
    >>> department_title("江城银行 反洗钱岗 招聘启事")
    ('江城银行 反洗钱岗 招聘启事', '')
    >>> department_title("总行 风险管理部")  # no title after the department
    ('总行 风险管理部', '')
    >>> department_title("數位金融處 數位金融產品經理（Product Manager）")  # Taiwan's 處
    ('數位金融產品經理（Product Manager）', '數位金融處')
    """
    title = title.strip()
    m = _DEPARTMENT_BEFORE.match(title)
    if m is None or _NOT_DEPARTMENT.search(m.group(1)) or _DEPARTMENT.search(m.group(2)):
        return title, ""
    return m.group(2), m.group(1)
