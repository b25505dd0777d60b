"""The posting vocabulary, and what one line of a posting is.

The vocabulary lives in ``data/lexicon/postings.yaml``: section headings (岗位职责、
任职要求 …, and the noise ones: 公司介绍、薪资福利 …), title fields and title words,
noise patterns, and the words of doing (负责、参与 …) and having (…以上学历、熟悉 …).
With it this module tells what one line is: a heading (of which section), a numbered
or bulleted item, a title, noise (with the reason), a duty or a requirement by what
it says. It works on single lines of text; :mod:`rolematch.io.postings` puts the lines
together into postings.

Ids are made from titles here (:func:`slug`): known words become English
(``后端开发工程师`` -> ``backend-developer-engineer``) and, where Chinese is left
over, a six-digit hash of the title follows (``wealth-manager-3f2a1c``), so the
same title always gives the same ASCII id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rolematch.io.roles import ROLE_ID
from rolematch.language import fold

__all__ = [
    "CN_OUTLINE",
    "DEPT",
    "DOT_DIGIT",
    "NUMBER",
    "PREFERRED_END",
    "SEPARATOR",
    "Lexicon",
    "benefit_work",
    "board_id",
    "clean_title",
    "department_field",
    "ends_item",
    "fold",
    "heading_word",
    "kind_by_content",
    "load_lexicon",
    "match_heading",
    "noise_reason",
    "post_title_like",
    "slug",
    "split_marker",
    "split_semicolons",
    "strip_md",
    "summary_field",
    "tag_line",
    "title_like",
    "unbracket",
    "unglue",
]


# ---------------------------------------------------------------------------
# vocabulary
@dataclass(frozen=True)
class Lexicon:
    """The vocabulary of ``data/lexicon/postings.yaml``, compiled."""

    headings: tuple[tuple[str, str, str], ...]  # (heading, kind, reason for noise)
    title_fields: re.Pattern[str]
    title_words: re.Pattern[str]
    noise: tuple[tuple[str, re.Pattern[str]], ...]
    doing_start: re.Pattern[str]
    having_start: re.Pattern[str]
    having_anywhere: re.Pattern[str]
    doing_anywhere: re.Pattern[str]
    id_words: tuple[tuple[str, str], ...]
    offer: re.Pattern[str]
    contact_alone: re.Pattern[str]  # contact only on a line that is no item (扫码)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The vocabulary in ``path`` (default: ``data/lexicon/postings.yaml``), cached."""
    from rolematch._resources import data_dir, load_yaml

    file = Path(path) if path else data_dir() / "lexicon" / "postings.yaml"
    data = load_yaml(file.read_text(encoding="utf-8"))
    heads: list[tuple[str, str, str]] = []
    for kind, words in data["headings"].items():
        if isinstance(words, Mapping):
            heads += [(fold(w).lower(), kind, str(reason)) for w, reason in words.items()]
        else:
            heads += [(fold(w).lower(), kind, "") for w in words]
    heads.sort(key=lambda h: len(h[0]), reverse=True)
    noise = tuple(
        (str(reason), re.compile("|".join(f"(?:{p})" for p in patterns), re.I))
        for reason, patterns in data["noise"].items()
    )
    id_words = sorted(
        ((fold(k), str(v)) for k, v in data["id_words"].items()), key=lambda kv: -len(kv[0])
    )
    return Lexicon(
        headings=tuple(heads),
        title_fields=re.compile(
            rf"^(?:(?:{_alternation(map(fold, data['title_fields']))})\s*[:：]"
            rf"|(?:{_alternation(w for w in map(fold, data['title_fields']) if len(w) >= 4)})\s)"
            r"\s*(\S.*)$",
            re.I,
        ),
        title_words=re.compile(_alternation(data["title_words"]), re.I),
        noise=noise,
        # English words ignore case (Build …, bachelor's …)
        doing_start=re.compile(rf"^(?:{_alternation(data['doing_start'])})", re.I),
        having_start=re.compile(rf"^(?:{_alternation(data['having_start'])})", re.I),
        having_anywhere=re.compile("|".join(f"(?:{p})" for p in data["having_anywhere"]), re.I),
        doing_anywhere=re.compile(_alternation(data["doing_anywhere"]), re.I),
        id_words=tuple(id_words),
        offer=re.compile("|".join(f"(?:{p})" for p in data["offer"]), re.I),
        # (?!) matches nothing: a vocabulary file without the key
        contact_alone=re.compile("|".join(data.get("contact_alone") or ["(?!)"]), re.I),
    )


def heading_word(lex: Lexicon, kind: str) -> str:
    """A heading of that kind in the vocabulary (岗位职责, 任职要求 where present), to
    put a block of text under when its kind is known from elsewhere."""
    words = [h for h, k, _ in lex.headings if k == kind]
    for usual in ("岗位职责", "任职要求"):
        if usual in words:
            return usual
    return words[-1] if words else ""


# ---------------------------------------------------------------------------
# line shapes
_MD_MARKS = re.compile(r"^\s*(?:#{1,6}\s*|>\s*)?(?:\*\*|__)?\s*|(?:\*\*|__)\s*$")
_BRACKETS = re.compile(r"^[【\[〔]\s*(.+?)\s*[】\]〕]\s*(.*)$")
# outline numbering: 1、 1. 1) (1) ① 一、 a) and bullets - • * · ▪ ●
NUMBER = re.compile(
    r"^\s*(?:"
    r"[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[)）](?!\d)|\d{1,2}\s*、|\d{1,2}\s*[.．](?!\d)|"
    r"[(（]\s*[一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|"
    r"[①-⑳]|[a-hA-H]\s*[).、）](?![a-zA-Z])|[(（]\s*[a-hA-H]\s*[)）]|"
    r"\d\ufe0f?\u20e3|\U0001f51f|"  # keycap numbers of chat posts: 1️⃣ … 🔟
    # what OCR makes of them: l. for 1., 3，for 3. (before Chinese only)
    r"[lI]\s*[.．](?=[\u4e00-\u9fff])|\d{1,2}\s*，(?=[\u4e00-\u9fff])"
    r")\s*"
)
_BULLET = re.compile(r"^\s*(?:[-•*·‧▪●◆◇■□○◦►▶✓✔☐☑]|\\-)\s*")
CN_OUTLINE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十]+\s*[)）])\s*"
)
#: "2.3年以上经验": an item number glued to a figure
DOT_DIGIT = re.compile(r"^(\d{1,2})\s*[.．)）](?=\d)")
_END = "。；;！!？?."
#: a rule line (---, ===, ———) that separates postings
SEPARATOR = re.compile(r"^\s*(?:[-=_*~—─━═]\s*){3,}$")
#: a department header above the postings (风险管理部招聘)
DEPT = re.compile(r"^\s*(\S+?部)(?:选聘|招聘|公开|$)")
#: a posting's department field: 所属部门：零售金融部, **部门**：技术中心, Department: Risk
_DEPT_FIELD = re.compile(
    r"^(?:(?:所属|用人|招聘|需求|归属|所在)?部门(?:名称)?|department|dept)\s*_?(?:name)?\s*[:：]\s*\S.{0,39}$",
    re.I,
)


def department_field(line: str) -> str:
    """The department a field line names (所属部门：零售金融部, 【用人部门】风控部), or ""."""
    s = unbracket(re.sub(r"\*\*|__", "", strip_md(line)))
    return re.split("[:：]", s, maxsplit=1)[1].strip() if _DEPT_FIELD.match(fold(s)) else ""


# after a heading: a bracketed note, then a colon or a tab/spaces (a table row), then text
_HEADING_TAIL = re.compile(r"^(?:\s*[(（][^()（）]{0,20}[)）])?\s*(?:(?:[:：]|\s)\s*(.*))?$")


def _symbols(line: str) -> int:
    """Length of a leading run of emoji and other symbols (✨岗位职责, ✅ 负责…)."""
    i = 0
    while i < len(line) and (
        unicodedata.category(line[i]) in ("So", "Sk", "Cf", "Mn") or line[i] in "\ufe0f\u200d"
    ):
        i += 1
    while i and i < len(line) and line[i] == " ":
        i += 1
    return i


def strip_md(line: str) -> str:
    """The line without markdown marks (#, >, **) and the emoji before or inside them."""
    s = _MD_MARKS.sub("", line).strip()
    s = _MD_MARKS.sub("", s[_symbols(s) :]).strip()  # 👉 **岗位一：X**: bold after the emoji
    return s[_symbols(s) :].strip()


def split_marker(line: str) -> tuple[str, bool]:
    """(line without its numbering or bullet, whether it had one)."""
    line = line.strip()
    if (k := _symbols(line)) and k < len(line):
        return line[k:].strip(), True  # an emoji bullet
    m = NUMBER.match(line) or _BULLET.match(line)
    if m and m.end() < len(line):
        return line[m.end() :].strip(), True
    return line.strip(), False


def match_heading(line: str, lex: Lexicon) -> tuple[str, str, str, str] | None:
    """(heading, kind, noise reason, text after the colon) when the line is a heading."""
    original = _heading_shape(strip_md(line))
    s = _heading_shape(fold(strip_md(line)))
    found = _match_head(s, original, lex, colon=False)
    if found is None and (m := _ITEM_NO.match(s)) and (n := _ITEM_NO.match(original)):
        # 1.岗位职责：负责…；负责… (an outline's numbered heading with its items after
        # the colon); a colon is needed, so that 1.职责明确 stays an item
        found = _match_head(s[m.end() :], original[n.end() :], lex, colon=True)
    if found is None and (b := _BULLET.match(s)) and (c := _BULLET.match(original)):
        # a page's nested list (<li>岗位职责<ul><li>负责…): a bulleted heading alone
        alone = _match_head(s[b.end() :], original[c.end() :], lex, colon=False)
        found = alone if alone is not None and not alone[3] else None
    return found


_ITEM_NO = re.compile(r"^\d{1,2}\s*[、.．]\s*(?=\D)")
_COLON_TAIL = re.compile(r"^(?:\s*[(（][^()（）]{0,20}[)）])?\s*[:：]")


def _match_head(
    s: str, original: str, lex: Lexicon, colon: bool
) -> tuple[str, str, str, str] | None:
    low = s.lower()
    for head, kind, reason in lex.headings:
        if not low.startswith(head):
            continue
        m = _HEADING_TAIL.match(s[len(head) :])
        if m is None or (colon and not _COLON_TAIL.match(s[len(head) :])):
            continue
        rest = (m.group(1) or "").strip()
        if rest and len(original) == len(s):  # the text as written, not NFKC-folded
            rest = original[len(original) - len(rest) :].strip()
        if rest and _bare_heading(rest, lex):
            # a bilingual heading (Job Responsibilities 岗位职责, 任职要求 / Requirements):
            # the translation is no first item
            rest = ""
        return head, kind, reason, rest
    return None


def _bare_heading(text: str, lex: Lexicon) -> bool:
    """Whether the text is a heading and nothing else (after a / or a colon)."""
    s = text.strip().lstrip("/|｜-—:：").strip()
    found = match_heading(s, lex) if s else None
    return found is not None and not found[3]


#: a question's number: Q1：, 问：
_QUESTION_NO = re.compile(r"^(?:Q\s*\d{1,2}|问\s*\d{0,2})\s*[:：.．、]\s*")


#: a letter-spaced heading (岗 位 职 责：), as a flyer sets it
_LETTER_SPACED = re.compile(r"^(?:[\u4e00-\u9fff]\s+){1,7}[\u4e00-\u9fff](?=\s*[:：]?\s*$)")


def _heading_shape(s: str) -> str:
    s = re.sub(r"\*\*|__", "", s).strip()
    # a heading between rules: ——岗位职责——, ==任职要求==
    s = re.sub(r"^[—\-=─━~]{2,}\s*(\S.*?)\s*[—\-=─━~]{2,}$", r"\1", s)
    if m := _LETTER_SPACED.match(s):
        s = re.sub(r"\s+", "", m.group(0)) + s[m.end() :]
    if len(s) <= 24:  # a posting in questions: Q1：这个岗位做什么？
        s = re.sub(r"[？?]\s*$", "", _QUESTION_NO.sub("", s))
    if b := _BRACKETS.match(s):
        s = b.group(1) + (("：" + b.group(2)) if b.group(2) else "")
    s = CN_OUTLINE.sub("", s)
    if m := _LETTER_SPACED.match(s):  # 三、任 职 条 件
        s = re.sub(r"\s+", "", m.group(0)) + s[m.end() :]
    return re.sub(r"^\d{1,2}\s*[、.．]\s*(?=\D)", "", s) if len(s) <= 12 else s


_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


def title_like(text: str, lex: Lexicon) -> bool:
    """Whether the line reads as a job title (short, no sentence marks, a title word)."""
    s = fold(clean_title(strip_md(text)))
    marks = "。；;，：:" if s.isascii() else "。；;，,：:"  # Vice President, Compliance
    # Chinese with English words (Senior Backend Engineer 高级后端工程师): a word counts one
    size = len(s) if s.isascii() else len(_ASCII_WORD.sub("a", s))
    return (
        len(s) >= 2
        and size <= (80 if s.isascii() else 30)  # Senior Data Scientist - Credit Risk
        and not any(c in s for c in marks)
        and not (s.isascii() and (s.endswith(".") or len(s.split()) > 12))
        and bool(lex.title_words.search(s))
        and not lex.doing_start.match(s)
    )


#: a headcount after a title: 安全员 3名, 项目经理（2名）, 客服专员 若干
_HEADCOUNT = re.compile(
    r"\s*[(（]?\s*(?:(?:\d{1,3}|[一二三四五六七八九十两]{1,3})\s*[名人位]|若干名?|若干人)"
    r"\s*[)）]?\s*$"
)
_SENTENCE_MARKS = "。；;，,：:！!？?"


def post_title_like(text: str, lex: Lexicon) -> bool:
    """Whether a line could be a post's title once its outline number is off, even
    without a title word (安全员, 施工员): short, no sentence marks, no heading, no
    noise, not starting with doing and saying no having. Only a heading right after it
    makes it a title (the caller checks that)."""
    s = fold(clean_title(strip_md(text)))
    return (
        not _summary(fold(strip_md(text)))  # 杭州 | 3-5年 | 本科: what clean_title keeps
        and 2 <= len(s) <= (60 if s.isascii() else 24)
        and not any(c in s for c in _SENTENCE_MARKS)
        and match_heading(s, lex) is None
        and noise_reason(s, lex) is None
        # a doing word inside is fine (秩序维护员, 设备维修工); one in front is a duty,
        # unless a title word says otherwise (管理培训生)
        and not (lex.doing_start.match(s) and not title_like(s, lex))
        and not lex.having_start.match(s)
        and not lex.having_anywhere.search(s)
    )


def noise_reason(text: str, lex: Lexicon) -> str | None:
    """Why the line is no duty or requirement (contact, pay and benefits …), or None."""
    s = fold(text)
    field = unbracket(s)  # 【汇报对象】… as 汇报对象：…
    for reason, pattern in lex.noise:
        if pattern.search(s) or (field != s and pattern.search(field)):
            return reason
    if _summary(s):
        return "job board summary"
    if lex.contact_alone.search(s) and not _item_or_title(s, lex):
        return "contact"  # 扫码 alone; 负责扫码支付产品 is a duty
    return None


def _item_or_title(s: str, lex: Lexicon) -> bool:
    text = split_marker(s)[0]
    return kind_by_content(text, lex) is not None or title_like(text, lex)


def benefit_work(line: str, lex: Lexicon) -> bool:
    """Whether a line the pay-and-benefits patterns drop is work on pay and benefits
    (负责五险一金的增减员, 协助组织年会、团建, 熟悉五险一金政策): it starts with a
    doing or a having word — or, a list's numbered or bulleted item, says one
    anywhere — and reads as no offer (享受带薪年假, 公司缴纳五险一金, 月薪8-10K).
    Only for a line of a duty or requirement list: elsewhere such a line is an offer.

    Examples
    --------
    >>> lex = load_lexicon()
    >>> benefit_work("负责五险一金的增减员和年度基数调整", lex)
    True
    >>> benefit_work("3. 享受五险一金、带薪年假", lex)
    False
    """
    text, item = split_marker(line)
    s = fold(text)
    reasons = {reason for reason, pattern in lex.noise if pattern.search(s)}
    if reasons != {"pay and benefits"} or lex.offer.search(s):
        return False
    if lex.doing_start.match(s) or lex.having_start.match(s):
        return True
    return item and kind_by_content(s, lex) is not None


#: one field of a job board's summary: an experience range or a degree (3-5年, 大专)
_SUMMARY_TAG = re.compile(
    r"^(?:经验)?(?:\d+\s*[-~至]\s*\d+\s*年|\d+\s*年(?:及)?以上|[一二三四五六七八九十两]+年以上|\d+年|"
    r"经验不限|学历不限|应届(?:毕业)?生?|在校生?|初中|高中|中专|中技|大专|专科|本科|硕士|博士|"
    r"研究生|\d+\+?\s*(?:-\s*\d+\s*)?years?|bachelor'?s?|master'?s?|phd)"
    r"(?:及以上(?:学历)?|以上)?(?:经验)?$",
    re.I,
)


def summary_field(text: str) -> bool:
    """Whether a line is one field of a job board's summary alone (3-5年, 大专), as a
    page lays the summary out one field an element."""
    return bool(_SUMMARY_TAG.match(fold(text).strip()))


def _summary(s: str) -> bool:
    """Whether a line is a job board's summary under a title: short fields between
    bars, one of them an experience range or a degree (杭州·余杭 | 3-5年 | 大专), or
    between spaces, two of them (江州·青山湖区 1-3年 大专: a page copied as text).
    A requirement with a bar (本科 | 计算机相关专业) has a field that says more."""
    fields = [f.strip() for f in re.split(r"[|｜]", s)]
    if len(fields) == 1:
        fields = s.split()
        if len(fields) < 3 or sum(bool(_SUMMARY_TAG.match(f)) for f in fields) < 2:
            return False
    return (
        len(fields) >= 2
        and all(0 < len(f) <= 10 and not any(c in f for c in _SENTENCE_MARKS) for f in fields)
        and any(_SUMMARY_TAG.match(f) for f in fields)
        and all(_SUMMARY_TAG.match(f) or not _SAYS_MORE.search(f) for f in fields)
    )


def tag_line(text: str) -> bool:
    """Whether a line is a job board's keyword tags (车险理赔 查勘定损 C1驾照 汽车维修):
    three or more short words between spaces, no sentence marks, Chinese ones among them.

    Examples
    --------
    >>> tag_line("车险理赔 查勘定损 C1驾照 汽车维修"), tag_line("负责车险理赔和查勘定损")
    (True, False)
    """
    words = text.split()
    return (
        len(words) >= 3
        and all(len(w) <= 8 and not any(c in w for c in _SENTENCE_MARKS) for w in words)
        and sum(bool(re.search(r"[\u4e00-\u9fff]", w)) for w in words) >= 3
    )


#: what a summary's place or industry field never says: a requirement's words
_SAYS_MORE = re.compile(r"专业|熟悉|掌握|精通|经验|能力|证|skill|experience", re.I)


def kind_by_content(text: str, lex: Lexicon) -> str | None:
    """``"duties"`` for doing, ``"requirements"`` for having, None when it says neither."""
    s = fold(text)
    if lex.having_start.match(s):
        return "requirements"
    if lex.doing_start.match(s):
        return "duties"
    if lex.having_anywhere.search(s):
        return "requirements"
    if lex.doing_anywhere.search(s):
        return "duties"
    return None


#: a requirement only preferred: …优先, …加分, in every clause (本科，硕士优先 asks a 本科)
_PREFER = r"(?:优先|加分|优先考虑|者佳|为佳|更佳)"
PREFERRED_END = re.compile(
    rf"^(?:[^，,；;。]*?{_PREFER}[，,；;]\s*)*[^，,；;。]*?{_PREFER}[。.；;！!]?\s*$"
    r"|\b(?:is|are|would be|will be)\s+(?:preferred|an advantage|a plus|advantageous|desirable)"
    r"\W*$|\b(?:preferred|a plus|an advantage)\.?\s*$",
    re.I,
)


def ends_item(text: str) -> bool:
    """Whether the text ends a sentence (so the next line is no continuation)."""
    return text.rstrip()[-1:] in _END


#: a field written as 【label】value (a headhunter's 【职位名称】X, 【汇报对象】Y); not a
#: tag such as 【急聘】 (clean_title drops those) and not a heading alone (【岗位职责】)
_BRACKET_FIELD = re.compile(r"^[【\[〔]\s*([^】\]〕]{1,8}?)\s*[】\]〕]\s*(\S.*)$")
_TAGS = r"急聘|急招|热招|高薪|诚聘|社招|校招|招聘|直招|秋招|春招|内推|实习|\d{2,4}\s*届(?:校招)?"


def unbracket(text: str) -> str:
    """``【职位名称】X`` as ``职位名称：X``, the way the vocabulary writes a field; any
    other line as it is.

    Examples
    --------
    >>> unbracket("【汇报对象】风险总监"), unbracket("【急聘】店长"), unbracket("【岗位职责】")
    ('汇报对象：风险总监', '【急聘】店长', '【岗位职责】')
    """
    m = _BRACKET_FIELD.match(text.strip())
    if m is None or re.fullmatch(_TAGS, m.group(1)):
        return text
    return f"{m.group(1)}：{m.group(2)}"


def clean_title(text: str) -> str:
    """A title without markdown marks, 【急聘】 tags, a pay range or what follows a ``|``."""
    s = re.sub(r"\*\*|__", "", text.strip())
    s = re.sub(r"\s*[|｜].*$|(?<=\S)\s*(?:招聘启事|招聘公告|招聘简章)$", "", s)  # 反洗钱岗 招聘启事
    s = re.sub(rf"^[【\[]\s*(?:{_TAGS})\s*[】\]]\s*", "", s)
    s = re.sub(r"^【[^】]{1,8}】\s*(?=\S{2})", "", s)  # a channel's or a city's tag: 【快聘江州】
    s = re.sub(rf"^(?:{_TAGS})\s+(?=\S{{2}})", "", s)  # 招聘 仓库理货员
    s = re.sub(r"^[【\[〔「『]\s*([^【】\[\]]+?)\s*[】\]〕」』]$", r"\1", s)  # 【风控经理】
    # a pay range after the title: 储备店长 8000-12000元/月, 产品经理 15-25K
    s = re.sub(r"\s+\d[\d.]*\s*[-~至]\s*\d[\d.]*\s*(?:[kK千万]|元)\S*$", "", s)
    s = _HEADCOUNT.sub("", s) if len(_HEADCOUNT.sub("", s).strip()) >= 2 else s
    # emoji after the title (数据分析专家🔥🔥), as strip_md takes those before it
    s = s.rstrip()
    while s and (
        unicodedata.category(s[-1]) in ("So", "Sk", "Cf", "Mn") or s[-1] in "\ufe0f\u200d"
    ):
        s = s[:-1].rstrip()
    return s.strip(" -—:：")


def split_semicolons(text: str) -> list[str]:
    """The parts of a ``；`` list, when each is long enough to be an item; the sentences
    of a paragraph of prose (你将加入品牌中心，负责…。你需要与市场团队一起…。), when each is
    one an item would be."""
    # an English sentence goes on after a ; (… a working language; German is a plus)
    parts = [p.strip() for p in re.split(r"；" if text.isascii() else r"[；;]", text)]
    parts = [p for p in parts if p]
    if len(parts) > 1 and all(len(p) >= 4 for p in parts):
        return parts
    # a chat post's items on one line between slashes (洗菜择菜/切配摆盘/后厨卫生清洁),
    # three or more, each a phrase in Chinese (not Java/Python, not 本科/硕士)
    parts = [p.strip() for p in re.split(r"\s*[/／]\s*", text)]
    if len(parts) >= 3 and all(len(p) >= 4 and re.search(r"[\u4e00-\u9fff]{2}", p) for p in parts):
        return parts
    sentences = [p for p in re.findall(r"[^。]+。?", text) if p.strip()]
    if len(sentences) > 1 and all(len(p) >= 12 for p in sentences):
        return [p.strip() for p in sentences]
    return [text]


# ---------------------------------------------------------------------------
# splitting glued text (exports put a whole posting on one line)
#: a chat notice's post run into one paragraph: ①招设备电工2名：要求…；负责…。待遇…
_HIRING = re.compile(
    r"^\s*(?:[①-⑳]|\d{1,2}\s*[、.．])?\s*(?:急招|招聘|招)\s*"
    r"(?P<title>[^：:，,；;。\d\s]{2,12}?)\s*(?:\d{1,3}|[一二三四五六七八九十两]{1,3})\s*[名人位]\s*"
    r"[：:，,]\s*(?P<rest>\S.{20,})$"
)


def unglue(line: str, lex: Lexicon) -> list[str]:
    """Split a line that holds headings and numbered items run together."""
    if len(line) < 8:
        return [line]
    if m := _HIRING.match(line):  # the post's title, then its paragraph
        return [f"招聘岗位：{m.group('title')}", m.group("rest")]
    heads = _alternation(re.escape(h) for h, kind, _ in lex.headings if len(h) >= 4)
    short = _alternation(re.escape(h) for h, kind, _ in lex.headings if len(h) < 4)
    s = re.sub(rf"(?<=[。；;！!？?\s])((?:{heads})\s*[:：])", r"\n\1", line)
    # 要求：after a sentence end (not after a space: "岗位 要求" is no heading)
    s = re.sub(rf"(?<=[。；;！!？?])((?:{short})\s*[:：])", r"\n\1", s)
    # a bracketed heading inside a line (…持续迭代优化。【任职要求】1、本科…): its brackets
    # mark it as a heading wherever it stands
    s = re.sub(rf"(?<=\S)\s*([【〔\[]\s*(?:{heads}|{short})\s*[】〕\]])", r"\n\1", s)
    # inline numbering "…。2、负责…" or "… 2.负责…" (not 1.5年, not 3.0版)
    s = re.sub(
        r"(?<=[。；;！!？?\s:：])\s*(\d{1,2}\s*[、)）]|\d{1,2}\s*[.．](?!\d)|[①-⑳]|[(（]\s*\d{1,2}\s*[)）]"
        r"|\d\ufe0f?\u20e3)",
        r"\n\1",
        s,
    )
    # a sentence end, a space, more text: the lines a job board ran together (not
    # "SQL skills; experience with …": English goes on in lower case after a ;)
    s = re.sub(r"(?<=[。；！？])\s+(?=\S)|(?<=[;!?])\s+(?=[^\sa-z])", "\n", s)
    s = re.sub(r"\s+(?=[\u4e00-\u9fff]{2,6}[:：])", "\n", s)
    pieces: list[str] = []
    for p in s.split("\n"):
        if pieces and re.match(r"\s*\d{1,2}\s*[)）]", p) and _unclosed(pieces[-1]):
            pieces[-1] += p  # （如卖家精灵、Helium 10）: a bracket's figure, no item number
        elif p.strip():
            pieces.append(p)
    return [q for p in pieces for q in _split_next_numbers(p)]


def _unclosed(text: str) -> bool:
    """Whether ``text`` opens a bracket it does not close."""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _split_next_numbers(line: str) -> list[str]:
    """``1.本科学历；2.3年以上经验``: after a sentence end, the next item's number
    glued to a figure (2.3年) is still that item's number, not 2.3 years."""
    out = []
    while (m := re.match(r"^\s*(\d{1,2})\s*[.．、]", line)) and (
        k := re.search(rf"(?<=[。；;])\s*{int(m.group(1)) + 1}\s*[.．、](?=\d)", line)
    ):
        out.append(line[: k.start()])
        line = line[k.start() :].strip()
    return [*out, line]


# ---------------------------------------------------------------------------
# ids
def slug(title: str) -> str:
    """A stable ASCII id for a title.

    Examples
    --------
    >>> slug("Java后端开发工程师")
    'java-backend-developer-engineer'
    >>> slug("理财经理（私行方向）")
    'wealth-manager-...'
    >>> slug("理财经理（私行方向）") == slug("理财经理（私行方向）")
    True
    >>> slug("Relationship Manager, Commercial Banking (Hong Kong)")  # whole words
    'relationship-manager-commercial-banking-hong'
    """
    lex = load_lexicon(None)
    s = fold(title).lower()
    words: list[str] = []
    leftover = False
    i = 0
    while i < len(s):
        ch = s[i]
        if ch.isascii() and ch.isalnum():
            j = i
            while j < len(s) and s[j].isascii() and (s[j].isalnum() or s[j] in "+#"):
                j += 1
            word = re.sub(r"\+", "p", s[i:j]).replace("#", "sharp")
            words.append(word)
            i = j
            continue
        for k, v in lex.id_words:
            if s.startswith(k, i):
                words.extend(w for w in v.split("-") if w)  # "" for filler (岗位)
                i += len(k)
                break
        else:
            if "\u4e00" <= ch <= "\u9fff":
                leftover = True
            i += 1
    out: list[str] = []
    for w in words:  # each word once: 合规风控合规岗 is compliance-risk, not …-compliance
        if w not in out:
            out.append(w)
    base = out[0][:48] if out else ""
    for w in out[1:]:  # whole words within 48 characters: …-hong-kong, not …-hong-kon
        if len(base) + 1 + len(w) > 48:
            break
        base = f"{base}-{w}"
    if leftover or not base:
        digest = hashlib.sha1(fold(title).encode("utf-8")).hexdigest()[:6]
        base = f"{base}-{digest}" if base else f"posting-{digest}"
    return base


def board_id(raw: str) -> str:
    """A job board's own id as a role id: lower case, runs of other characters
    turned into ``-`` (``J1001`` -> ``j1001``, ``HR/2024 07`` -> ``hr-2024-07``); an
    id with no ASCII letter or digit becomes a slug of itself.

    Examples
    --------
    >>> board_id("J1001"), board_id("HR/2024 07")
    ('j1001', 'hr-2024-07')
    """
    if ROLE_ID.match(raw):
        return raw
    s = re.sub(r"[^a-z0-9_]+", "-", fold(raw).lower()).strip("-_")
    return s if s and s[0].isalnum() else slug(raw)
