"""Personal data in résumés: find it, take it out of the scored text (blind screening).

The scorer must not see who the candidate is: name, gender, age or birth date,
ethnicity, nationality, religion, marital and political status, health, where they
come from or live, and their contact details. :func:`redact_lines` finds these and
removes them from the text, returning them separately so that the caller can still
show them.

What is found
-------------
* **Labelled fields** anywhere, in Simplified, Traditional or English: ``姓名：``/``Name:``,
  ``性别``/``Gender:``, ``出生年月``/``生日``/``Date of Birth:``, ``年龄``/``Age:``,
  ``民族``, ``国籍``/``Nationality:``, ``宗教信仰``, ``婚姻状况``/``Marital Status:``,
  ``政治面貌``, ``健康状况``, ``籍贯``/``户籍``/``出生地``/``Place of Birth:``,
  ``现居住地``/``通讯地址``/``通訊地址``/``Address:``/``Current Location:``,
  ``电话``/``手机``/``Tel``, ``邮箱``/``E-mail``, ``身份证``/``护照``, ``QQ``, ``微信``,
  ``LINE``/``WhatsApp``/``Telegram``/``Skype``/``钉钉``, ``个人主页``/``GitHub:``,
  ``身高``, ``体重``. The label goes with its value; a place runs to the next label
  or the end of the line; ``籍贯山东``, ``身高175cm`` and ``现居深圳`` need no colon.
  Contact labels count even inside a sentence (``加我微信：nana_1996``). A label alone
  in a table cell reads as one with a colon (``姓名 | 陈晓明 | 性别 | 男``).
* **Family and referees**: ``家庭成员``/``父亲``/``配偶``/``子女``/``Family:``/``Spouse:``,
  ``证明人``/``推荐人``/``References:``, only at a line's or cell's start before a colon or
  a cell separator (``负责父亲节营销活动`` stays); the value runs to the line's end. A
  family table or a referee's line under a bare ``家庭成员``/``证明人`` heading goes too.
* **Patterns** anywhere: mainland mobile numbers (also masked ``138****1234``),
  landlines with an area code, e-mail addresses, 18-digit ID-card numbers, profile
  links (``github.com/…``, ``linkedin.com/in/…``, ``….github.io``).
* **Marriage, childbearing and health statements** and an age in running text, anywhere:
  ``计划明年生育``, ``暂无生育计划``, ``育有一子``, ``本人身体健康``, ``本人今年32岁``
  (``负责生育保险`` is work and stays).
* **Birth dates and birthplaces in running text**, anywhere, by their cue word:
  ``1996年1月1日出生于泉州``, ``出生于1996年``, ``1990年生``, ``我生于泉州``,
  ``born on 1 Jan 1996 in Quanzhou``. Career dates (``2019-2025``, ``毕业于2018年``)
  have no such cue and stay.
* **Unlabelled header tokens**, only in *context* lines (the résumé's opening lines,
  its personal-information section, a line with a labelled name, and any line of which
  two separated parts are such tokens, ``男性,41岁,已婚``): ``男``/``女``/``男性``/``女性``,
  ``Male``/``Female``, a form of address (``张伟先生``, ``王女士``, ``Ms.``, not ``Ms.
  Excel``), an age (``32岁``, ``Age 29``, ``29 years old``, ``Mr. Liu Yang, 29``), a
  birth date that is not part of a date range (``1989年生``, ``1997.03``, ``Born 1990``),
  an ethnicity (``汉族``), marital status (``已婚``, ``Married``), political status
  (``中共党员``), and the name: the first word of the opening lines when it starts with
  a common surname, or after ``Mr.``/``Ms.``.
* Once the name is known, every other occurrence of it is removed too.

How it is removed
-----------------
Each field is cut out, label and all. What is left of a line is tidied (stray
separators and empty brackets go); a line with nothing left is dropped, so that
sentence splitting never sees fragments such as ``/ /``. Swapping the name,
gender and age of a résumé therefore leaves its redacted text unchanged.

``personal`` maps field names to the value found (``str``); ``phone``, ``email`` and
``website`` map to lists, since résumés often give several.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rolematch._pii_fields import (
    ANY_URL,
    CJK,
    CONTEXT_URL,
    DATE,
    EMAIL,
    EN_DATE,
    ETHNIC,
    ETHNIC_GROUPS,
    FAMILY_PLAN,
    FIELDS,
    HEALTH,
    ID_CARD,
    LABEL_BEFORE,
    LABELS,
    MARITAL,
    OBFUSCATED_EMAIL,
    PHONE,
    POLITICAL,
    PROFILE_URL,
    REPO_URL,
    RUN_ON,
    SEP_BEFORE,
    VALUE_RE,
    YEAR,
)
from rolematch._pii_tables import block_rows, cell_value_at, cut, field_start, opens_field

__all__ = ["ETHNIC_GROUPS", "FIELDS", "redact_lines", "redact_text"]


# Address-like values run to the next label; this finds where any label starts.
_ALL_LABELS = sorted({lab for labs in LABELS.values() for lab in labs}, key=len, reverse=True)
_LABEL_RE = re.compile(
    LABEL_BEFORE
    + "("
    + "|".join(re.escape(lab) for lab in _ALL_LABELS)
    + r")\s*(?:[:：]\s*|(?=[\s|]))",
    re.IGNORECASE,
)
_LABEL_FIELD = {lab.lower(): f for f, labs in LABELS.items() for lab in labs}
# Contact IDs are also written against the text before them ("加我微信：nana_1996");
# there the colon and a value are required, so that 企业微信 stays a product.
_CONTACT_FIELDS = ("qq", "wechat", "messenger", "email")
_LOOSE_LABEL_RE = re.compile(
    r"(?<![A-Za-z0-9_])("
    + "|".join(
        re.escape(lab) for lab in _ALL_LABELS if _LABEL_FIELD[lab.lower()] in _CONTACT_FIELDS
    )
    + r")\s*[:：]\s*",
    re.IGNORECASE,
)
# "现居深圳", "籍贯山东", "身高175cm": these labels are also written straight against
# their value. A place written so ends where the Chinese does ("籍贯山东 汉族").
_TIGHT_LABEL = re.compile(
    SEP_BEFORE + rf"(?:(现居|現居|籍贯|籍貫)(?=[{CJK}])|(身高|体重|體重)(?=\d))"
)
_TIGHT_VALUE = {
    "address": VALUE_RE["address"],
    "hometown": re.compile(rf"[{CJK}]{{2,12}}"),
    "height": VALUE_RE["height"],
    "weight": VALUE_RE["weight"],
}
_ASCII_LABELS = {lab.lower() for lab in _ALL_LABELS if lab.isascii()}
# "GitHub: 熟练" is a skill, not a profile: these labels count only with a value
_NEEDS_VALUE = ("messenger", "website")

_PHONE = re.compile(PHONE)
_PATTERNS = (
    ("email", re.compile(EMAIL)),
    ("email", re.compile(OBFUSCATED_EMAIL)),
    ("id_card", re.compile(ID_CARD)),
    ("phone", _PHONE),
    ("website", re.compile(PROFILE_URL)),
    ("age", re.compile(r"(?:本人)?[今现]年\s*\d{2}\s*周?岁")),  # in running text: 本人今年32岁
    ("marital_status", re.compile(FAMILY_PLAN)),
    ("health", re.compile(HEALTH)),
)
_TOKEN_END = r"(?=$|[\s|/,，、;；)）\]】·•])"
# An English header word ends its field: "Male | Age 29", "Female, 29", not "Male nurses".
_EN_TOKEN_END = r"(?=\s*(?:$|[|/,，、;；)）\]】·•]|\d))"
# "Ms. Excel" is Microsoft's, not a woman's
_NOT_ADDRESSED = r"(?!\s+(?:Excel|Word|Office|PowerPoint|Access|Project|Visio|Outlook|SQL|Teams)\b)"
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss)\.?"
_CONTEXT_PATTERNS = (
    ("gender", re.compile(SEP_BEFORE + r"(男性|女性|男|女)" + _TOKEN_END)),
    ("gender", re.compile(SEP_BEFORE + r"(Male|Female|MALE|FEMALE|male|female)" + _EN_TOKEN_END)),
    # "张伟先生", "王女士 |", "Ms. Li Na": forms of address that state the gender
    ("gender", re.compile(rf"(?<=[{CJK}\s|/,，、(（])(先生|女士)" + _TOKEN_END)),
    ("gender", re.compile(rf"^\s*({_HONORIFIC})(?=\s+[A-Z]){_NOT_ADDRESSED}")),
    ("age", re.compile(r"(?<!\d)(\d{2}\s*周?岁)(?![以之])")),
    # "Age 29" (with a colon it is a labelled field), "aged 29", "29 years old"
    ("age", re.compile(r"(?<![A-Za-z])((?:Age|AGE|[Aa]ged)\s*\d{2})(?!\d)")),
    ("age", re.compile(r"(?<![\d.])(\d{2}[\s-]*(?:years?|yrs?)[\s-]*old)(?![A-Za-z])")),
    (  # not in a range; a phone number after it is no range ("刘洋 男 1997.03 1380…")
        "birth_date",
        re.compile(
            r"(?<![\d.\-/~～至–—])(?<![\-~～至到–—]\s)(?<![\-~～至到–—]\s\s)("
            + DATE
            + r"(?:\s*(?:出生|生))?)"
            r"(?!\d)(?!\s*[\-~～至到–—])(?!\s*(?:19|20)\d\d(?!\d))"
        ),
    ),
    ("birth_date", re.compile(rf"(?<![\d.\-/])({YEAR}\s*年\s*(?:出生|生))" + _TOKEN_END)),
    (
        "birth_date",
        re.compile(rf"(?<![A-Za-z])((?:[Bb]orn|BORN)(?:\s+(?:in|on))?\s+(?:{EN_DATE}|{DATE}|{YEAR}))"),
    ),
    # a bare year among the header's tokens (宋佳怡，女，1987年), not a range's start
    ("birth_date", re.compile(SEP_BEFORE + rf"({YEAR}\s*年)(?!\s*[\d\-~～至到–—])" + _TOKEN_END)),  # noqa: E501
    ("ethnicity", re.compile(SEP_BEFORE + rf"((?:{ETHNIC})族)" + _TOKEN_END)),
    ("marital_status", re.compile(SEP_BEFORE + rf"({MARITAL})" + _TOKEN_END)),
    (
        "marital_status",
        re.compile(
            SEP_BEFORE + r"(Married|Single|Divorced|MARRIED|SINGLE|married|single)" + _EN_TOKEN_END
        ),
    ),
    ("political_status", re.compile(SEP_BEFORE + rf"({POLITICAL})" + _TOKEN_END)),
    ("qq", re.compile(r"^\s*(?:QQ\s*)?([1-9]\d{4,10})\s*$")),  # a bare number line: QQ
    # a 15-digit ID card of before 1999, and an ID or e-mail address cut by a line wrap
    ("id_card", re.compile(r"(?<![0-9A-Za-z.])([1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})(?![0-9A-Za-z.])")),  # noqa: E501
    ("id_card", re.compile(r"(?<![0-9A-Za-z.])([1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])[\dXx]{0,6})\s*$")),  # noqa: E501
    ("email", re.compile(r"(?<![A-Za-z0-9._%+\-])([A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]*)*)\s*$")),  # noqa: E501
    ("website", re.compile(f"({CONTEXT_URL})")),
    (
        "address",
        re.compile(
            SEP_BEFORE
            + rf"((?:[{CJK}]{{2,3}}(?:省|自治区))?[{CJK}]{{2,4}}市(?:[{CJK}]{{1,4}}[区县])?"
            # …成龙大道二段 1819 号
            + rf"(?:[{CJK}]{{1,10}}?(?:路|街|大道|道|巷|弄|胡同)(?:[{CJK}]{{1,3}}段)?"
            + r"\s*\d{1,5}\s*号)?)"
            + _TOKEN_END
        ),
    ),
)  # fmt: skip

# A line of personal tokens and nothing else is a header line wherever it stands
# ("男性，41岁，已婚" under 工作经历): two of its separated parts are such tokens.
# A party membership counts, not a bare 群众 or 党员 ("党员、群众" are a work line's audience);
# one birth date counts with one other token ("林书航 | 男 | 1988年5月"), two dates do not
# ("2015.03 / 2018.06" are a job's).
_PERSONAL_TOKEN = re.compile(
    rf"男性|女性|男|女|Male|Female|MALE|FEMALE|\d{{2}}\s*周?岁|(?:Age|Aged|aged)\s*\d{{2}}"
    rf"|\d{{2}}\s*years?\s*old|(?:{ETHNIC})族|{MARITAL}|Married|Single|{_HONORIFIC}\s+[A-Z].*"
    rf"|(?!(?:群众|党员|团员)$)(?:{POLITICAL})"
)
_BIRTH_TOKEN = re.compile(rf"(?:{DATE}|{YEAR}\s*年)(?:\s*(?:出生|生))?")
_PARTS = re.compile(r"\s*[|/,，、;；]\s*")


def _personal_line(line: str) -> bool:
    parts = _PARTS.split(line.strip())
    if len(parts) < 2:
        return False
    tokens = sum(bool(_PERSONAL_TOKEN.fullmatch(p)) for p in parts)
    return tokens >= 2 or tokens == 1 and any(_BIRTH_TOKEN.fullmatch(p) for p in parts)


# A birthplace after 出生于/生于: Chinese up to a particle or punctuation (福建省泉州市).
_ZH_PLACE = rf"(?:(?![的并后之])[{CJK}]){{2,10}}"
_EN_PLACE = r"[A-Z][A-Za-z'’-]*(?:(?:,\s*|\s+)[A-Z][A-Za-z'’-]*){0,3}"
# Birth dates and birthplaces in running text, in every line: the cue word (出生, 生于,
# born) says whose date it is. Career dates (2019-2025, 毕业于2018年) have no such cue.
_BIRTH_IN_TEXT = (
    # 1996年1月1日出生于泉州, 1996年生, 1990年生人
    re.compile(
        rf"(?<![\d.\-/~～至–—])(?P<birth_date>{DATE}|{YEAR}\s*年)\s*"
        r"(?:出生|生(?:人|(?=[于在]|$|[\s|/,，、;；)）\]】·•。！？!?])))"
        rf"(?:\s*[于在]\s*(?P<hometown>{_ZH_PLACE}))?"
    ),
    # 出生于1996年, 出生于泉州, 我生于泉州 (not 产生于, 发生于, 先生于)
    re.compile(
        rf"(?:出生[于在]|(?:(?<![{CJK}])|(?<=我)|(?<=本人))生于)\s*"
        rf"(?:(?P<birth_date>{DATE}|{YEAR}\s*年)\s*)?(?P<hometown>{_ZH_PLACE})?"
    ),
    # born on 1 Jan 1996 in Quanzhou, born in 1996, born and raised in Quanzhou
    re.compile(
        r"(?<![A-Za-z-])(?:[Bb]orn|BORN)(?:\s+and\s+(?:raised|bred))?"
        rf"(?:(?:\s+(?:on|in))?\s+(?P<birth_date>{EN_DATE}|{DATE}|{YEAR})(?!\d))?"
        rf"(?:,?\s+in\s+(?P<hometown>{_EN_PLACE}))?"
    ),
)

# Common Chinese surnames (the first character(s) of a name on a résumé's first
# line): enough to tell "王尔康" from a title such as "个人简历".
_SURNAMES_2 = {
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒",
    "夏侯", "长孙", "宇文", "轩辕", "端木", "西门", "南宫", "独孤", "赫连", "澹台",
}  # fmt: skip
_SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥"
    "南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支"
    "卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印"
    "逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
_NOT_NAMES = {
    "个人简历", "简历", "求职简历", "个人信息", "基本信息", "求职意向", "自我评价", "联系方式",
    "男", "女", "中共党员",
}  # fmt: skip


def _find_labelled(line: str) -> list[tuple[int, int, str, str]]:
    """(start, end, field, value) of each labelled field in ``line``."""
    starts = [(m.start(), m, True) for m in _LABEL_RE.finditer(line)]
    if ":" in line or "：" in line:  # a cheap test first: most lines have no colon
        starts += [(m.start(), m, False) for m in _LOOSE_LABEL_RE.finditer(line)]
    starts += [(m.start(), m, True) for m in _TIGHT_LABEL.finditer(line)]
    # 父亲, 子女 … count only as a field (not 负责父亲节营销活动): see RUN_ON
    starts = [s for s in starts if _LABEL_FIELD[s[1].group(s[1].lastindex or 1).lower()]
              not in RUN_ON or opens_field(line, s[0], s[1])]  # fmt: skip
    starts.sort(key=lambda s: s[0])
    found: list[tuple[int, int, str, str]] = []
    for start, m, strict in starts:
        if found and start < found[-1][1]:
            continue
        label = m.group(m.lastindex or 1)
        field = _LABEL_FIELD[label.lower()]
        colon = ":" in m.group(0) or "：" in m.group(0)
        # a label alone in a table cell reads as one with a colon: "姓名 | 陈晓明"
        cell = cell_value_at(line, start, m.end()) if m.re is _LABEL_RE else None
        colon = colon or cell is not None
        if (
            label.lower() in _ASCII_LABELS
            and not colon
            and not (
                field == "phone"
                and field_start(line, start)
                and _PHONE.match(line[m.end() :].lstrip())
            )
        ):
            continue  # "Mail" or "Tel" without a colon is an ordinary word ("Tel 139…" is not)
        if label.lower() == "line" and label != "LINE":
            continue  # "Product line:" is no messenger
        if label.islower() and re.search(r"[A-Za-z]\s+$", line[:start]):
            continue  # a word in an English sentence: "issues to address: latency"
        if label.lower() == "name" and re.search(r"[A-Za-z]\s*$", line[:start]):
            continue  # another thing's name: "Project Name:", "User Name:"
        # the value ends where the next label starts; labels overlapping this one
        # ("现居" inside "现居住地：") do not end it
        value_at = m.end() if cell is None else cell
        limit = min((s for s, _, _ in starts if s >= value_at), default=len(line))
        if field in RUN_ON:
            limit = len(line)
        elif cell is not None:  # the value is its own cell
            limit = min(limit, line.find("|", value_at) % (len(line) + 1))
        while value_at < limit and line[value_at] == " ":
            value_at += 1
        value_re = _TIGHT_VALUE[field] if m.re is _TIGHT_LABEL else VALUE_RE[field]
        vm = value_re.match(line, value_at, limit)
        if vm is None:
            if not strict or field in _NEEDS_VALUE or (not colon and m.re is _LABEL_RE):
                continue  # a label word in running text, not a field
            end, value = value_at, ""
        else:
            end, value = vm.end(), vm.group(0).strip().rstrip(" |")
        found.append((start, end, field, value))
    return found


_TITLE = r"(?:(?:个人|求职)?简历|个人资料)\s*[-—–:：|/·]*\s*"


#: A line that is only a Latin-script name: "José Müller", "Li Na", "Mary-Anne O'Neil".
_LATIN_NAME = re.compile(r"\s*([A-ZÀ-Þ][a-zß-ÿ'’-]+(?: [A-ZÀ-Þ][a-zß-ÿ'’.-]+){1,2})\s*$")
#: Words of headings and titles that open English CVs: such a line is not a name.
_NOT_NAME_WORDS = {
    "resume", "curriculum", "vitae", "cv", "work", "experience", "professional", "summary",
    "education", "skills", "profile", "personal", "information", "details", "contact",
    "objective", "career", "employment", "history", "projects", "project", "background",
    "core", "key", "technical", "languages", "certificates", "awards", "references",
    "interests", "about", "me", "bank", "banking", "manager", "senior", "junior", "engineer",
    "analyst", "officer", "head", "lead", "director", "team", "assistant", "associate",
    "consultant", "specialist", "owner", "president", "vice", "chief", "executive",
    "representative", "supervisor", "coordinator", "administrator", "developer", "designer",
    "architect", "scientist", "accountant", "auditor", "advisor", "adviser", "partner",
    "intern", "graduate", "student", "candidate", "applicant", "service", "services",
    "operations", "management", "marketing", "sales", "risk", "compliance", "customer",
    "payment", "payments", "digital", "mobile", "product", "data", "finance", "financial",
    "account", "accounts",
}  # fmt: skip


#: A name after a form of address, up to the line's end or a separator: "Mr. Liu Yang, 29",
#: "Ms. Wang, born in 1995".
_ADDRESSED_NAME = re.compile(
    rf"\s*{_HONORIFIC}{_NOT_ADDRESSED}\s+([A-ZÀ-Þ][a-zß-ÿ'’-]+(?: [A-ZÀ-Þ][a-zß-ÿ'’.-]+){{0,2}})"
    r"(?=\s*(?:$|[|/,，、;；(（]))"
)
#: A bare age right after the name: "Mr. Liu Yang, 29", "刘洋，29".
_AGE_AFTER_NAME = re.compile(r"\s*[,，]\s*([1-7]\d)(?=\s*(?:$|[|/,，、;；]))")


def _header_name(line: str) -> tuple[int, int, str] | None:
    latin = _LATIN_NAME.match(line) or _ADDRESSED_NAME.match(line)
    if latin and not {w.lower() for w in latin.group(1).split()} & _NOT_NAME_WORDS:
        return latin.start(1), latin.end(1), latin.group(1)
    m = re.match(  # lazy, so that "张伟先生" is 张伟 addressed as 先生
        rf"\s*(?:{_TITLE})?(?:{_LATIN}\s*[|/·•]?\s*)?([{CJK}]{{2,4}}?(?:·[{CJK}]{{1,6}})?)(?=(?:先生|女士)?(?:$|[\s|/,，、(（:：]))",
        line,
    )
    if not m:
        return None
    name = m.group(1)
    if name in _NOT_NAMES or (name[:2] not in _SURNAMES_2 and name[0] not in _SURNAMES_1):
        return None
    if _names_a_term(name[2:] if name[:2] in _SURNAMES_2 else name[1:]):
        return None
    return m.start(1), m.end(1), name


def _names_a_term(given: str) -> bool:
    """Whether a would-be given name holds a word postings and résumés use (结算 in
    支付结算, 银行 in 江苏银行, 客服 in 智能客服): the line is a term or an employer whose
    first character happens to be a surname, not a name. Given names (佳怡, 建华) are
    not in the genre background; the few that are (文明) occur in one document."""
    from rolematch.features.background import load_background

    df = load_background().df
    n = len(given)
    return any(df.get(given[i:j], 0) >= 2 for i in range(n) for j in range(i + 2, n + 1))


def _add(personal: dict[str, Any], field: str, value: str) -> None:
    if field == "age":
        value = re.sub(r"\D", "", value)  # "24岁", "24 周岁" -> "24"
    if not value:
        return
    if field in ("phone", "email", "website"):
        values = personal.setdefault(field, [])
        if value not in values:
            values.append(value)
    else:
        personal.setdefault(field, value)


def redact_lines(
    lines: Sequence[str], *, context: Sequence[bool] | None = None
) -> tuple[list[str | None], dict[str, Any]]:
    """Find personal data in résumé lines and cut it out.

    Parameters
    ----------
    lines : sequence of str
        Normalised lines (see :func:`rolematch.text.normalize_text`).
    context : sequence of bool, optional
        Per line, whether unlabelled header tokens (a lone 男/女, an age, a birth
        date, the name) may be taken as personal data there: the opening lines and
        the personal-information section. Default: the first five lines.

    Returns
    -------
    redacted : list of str or None
        Each line without its personal data; ``None`` where nothing is left.
    personal : dict
        Field -> value (``phone`` and ``email`` -> list of values).

    Raises
    ------
    ValueError
        If ``context`` and ``lines`` differ in length.

    Examples
    --------
    >>> lines = ["张伟 / 男 / 1990年3月", "电话:138****1234", "负责手机银行运营"]
    >>> out, personal = redact_lines(lines)
    >>> out
    [None, None, '负责手机银行运营']
    >>> personal["name"], personal["gender"], personal["birth_date"], personal["phone"]
    ('张伟', '男', '1990年3月', ['138****1234'])
    """
    if context is None:
        context = [i < 5 for i in range(len(lines))]
    if len(context) != len(lines):
        raise ValueError(
            "The 'context' parameter of redact_lines must have one flag per line "
            f"({len(lines)}). Got {len(context)} instead."
        )
    personal: dict[str, Any] = {}
    spans: list[list[tuple[int, int]]] = [[] for _ in lines]
    context = list(context)
    runs_on = ["" for _ in lines]  # the field of a labelled value that runs to the line's end
    personal_lines = [_personal_line(line) for line in lines]
    for i, line in enumerate(lines):
        for start, end, field, value in _find_labelled(line):
            spans[i].append((start, end))
            _add(personal, field, value)
            # "Name: Yang Liu | Male | Age 29": the rest of a name's line is the header's
            context[i] = context[i] or field == "name"
            runs_on[i] = field if not line[end:].strip() else ""
        context[i] = context[i] or personal_lines[i]
        for field, pattern in _PATTERNS:
            if field == "website" and "." not in line:
                continue  # a cheap test first: a link has a dot, most lines have none
            for m in pattern.finditer(line):
                spans[i].append(m.span())
                _add(personal, field, m.group(0))
        if context[i]:
            for field, pattern in _CONTEXT_PATTERNS:
                for m in pattern.finditer(line):
                    if not _inside(m.span(1), spans[i]):
                        spans[i].append(m.span(1))
                        _add(personal, field, m.group(1))
        for pattern in _BIRTH_IN_TEXT:
            for m in pattern.finditer(line):
                if m.group("birth_date") or m.group("hometown"):
                    spans[i].append(m.span())  # the cue goes too: "出生于" says nothing alone
                    _add(personal, "birth_date", m.group("birth_date") or "")
                    _add(personal, "hometown", m.group("hometown") or "")
    for i in block_rows(lines, lambda line: _header_name(line) is not None):
        spans[i].append((0, len(lines[i])))  # a family table's rows, a referee's line
    _wrapped(lines, context, runs_on, spans, personal)
    names = []
    if "name" not in personal:
        # the opening lines, then a line of personal tokens anywhere ("王思远 | 男 | 36岁")
        for i in [i for i in range(min(3, len(lines))) if context[i]] + [
            i for i, yes in enumerate(personal_lines) if yes and i >= 3
        ]:
            hit = _header_name(lines[i])
            if hit:
                spans[i].append(hit[:2])
                personal["name"] = hit[2]
                # its romanisation beside it: "梅禹萱 Yuxuan Mei", "Yan Pan | 潘彦"
                latin = _romanised(lines[i], hit[0], hit[1])
                if latin:
                    spans[i].append(latin.span(1))
                    names.append(latin.group(1))
                break
    name = personal.get("name", "")
    names += [name] if len(name) >= 2 else []
    for name in names:
        # a Latin name as whole words: "Wang" is not in "Wangfujing"
        found = re.compile(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])" if name.isascii()
                           else re.escape(name))  # fmt: skip
        for i, line in enumerate(lines):
            for m in found.finditer(line):
                spans[i].append(m.span())
                age = _AGE_AFTER_NAME.match(line, m.end()) if context[i] else None
                if age:
                    spans[i].append(age.span(1))
                    _add(personal, "age", age.group(1))
    _own_pages(lines, names, context, spans, personal)
    return [cut(line, s) for line, s in zip(lines, spans, strict=True)], personal


_LATIN = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}"
_LATIN_AFTER = re.compile(rf"\s*[(（]?\s*({_LATIN})\s*[)）]?(?=\s|$|[|/,，、;；·•])")
_LATIN_BEFORE = re.compile(rf"(?:^|(?<=[\s|/·•]))({_LATIN})\s*[|/·•]?\s*$")


def _romanised(line: str, start: int, end: int) -> re.Match[str] | None:
    """The Latin spelling of the name at ``line[start:end]`` right after or before it."""
    after = _LATIN_AFTER.match(line, end)
    if after and not {w.lower() for w in after.group(1).split()} & _NOT_NAME_WORDS:
        return after
    before = _LATIN_BEFORE.search(line, 0, start)
    if before and not {w.lower() for w in before.group(1).split()} & _NOT_NAME_WORDS:
        return before
    return None


# A line wrap cuts a value in two (a sidebar's narrow column): "身份证：1101051989031" +
# "24517", "wangsiyuan89@163.c" + "om", "地址：北京市朝阳区三里屯" + "西里3号楼".
_TAIL = re.compile(r"(?<![A-Za-z0-9._%+\-@])([A-Za-z0-9._%+\-@]+)\s*$")
_HEAD = re.compile(r"\s*([A-Za-z0-9._%+\-]+)(?=\s|$|[|/,，、;；·•])")
# the start of an ID number (region, birth year and month) or of an e-mail address
_PART = re.compile(r"([1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])[\dXx]{0,6})|[\w.%+\-]+@[\w\-.]*")
_WHOLE = {
    "email": re.compile(EMAIL),
    "id_card": re.compile(ID_CARD),
    "phone": re.compile(r"1[3-9]\d{9}"),
}
# the rest of an address: short, no label, ending in a building's or street's word
_ADDRESS_REST = re.compile(
    rf"[{CJK}\dA-Za-z\-#]{{0,14}}(?:号楼|号院|号|楼|室|栋|幢|单元|小区|村|路|街|巷|弄|里|苑|园"
    r"|大厦|公寓|花园|层)"
)


def _wrapped(
    lines: Sequence[str],
    context: list[bool],
    runs_on: list[str],
    spans: list[list[tuple[int, int]]],
    personal: dict[str, Any],
) -> None:
    for i in range(len(lines) - 1):
        line, nxt = lines[i], lines[i + 1]
        if not (context[i] or context[i + 1]) or not nxt.strip():
            continue
        if runs_on[i] in ("address", "hometown") and _ADDRESS_REST.fullmatch(nxt.strip()):
            spans[i + 1].append((0, len(nxt)))
            continue
        tail, head = _TAIL.search(line), _HEAD.match(nxt)
        if not (tail and head):
            continue
        joined = tail.group(1) + head.group(1)
        whole = [f for f, r in _WHOLE.items() if r.fullmatch(joined) and not r.fullmatch(tail[1])]
        field = whole[0] if whole else ""
        if not field:
            # a fragment alone on its line after the start of an ID or address: "…163.c" + "om"
            part, rest = _PART.fullmatch(tail.group(1)), head.group(1)
            if not (part and rest == nxt.strip() and len(rest) <= 8
                    and (rest.isdigit() if part.group(1) else rest.isalpha())):  # fmt: skip
                continue
        spans[i].append(tail.span(1))
        spans[i + 1].append(head.span(1))
        if isinstance(personal.get(field), list):
            values = personal[field]
            at = values.index(tail.group(1)) if tail.group(1) in values else len(values)
            values[at : at + 1] = [joined]
        elif field:
            personal[field] = joined


def _own_pages(
    lines: Sequence[str],
    names: list[str],
    context: list[bool],
    spans: list[list[tuple[int, int]]],
    personal: dict[str, Any],
) -> None:
    """Repository links under the candidate's own account (or in the header) go; others
    (github.com/apache/spark in a project line) are a project's and stay."""
    handles = {(m.group(1) or m.group(2)).lower() for url in personal.get("website", [])
               for m in [_HANDLE_IN_URL.search(url)] if m}  # fmt: skip
    handles |= {e.split("@")[0].lower() for e in personal.get("email", [])}
    # a site named after its owner: jiangbo.page for jiangbo.sicnu@qq.com
    words = {w for h in handles | {n.replace(" ", "").lower() for n in names}
             for w in re.split(r"[._\-]", h)
             if len(w) >= 5 and w.isascii() and w.isalnum()}  # fmt: skip
    for i, line in enumerate(lines):
        if "." not in line:
            continue
        for m in _REPO_RE.finditer(line):
            if context[i] or m.group("owner").lower() in handles:
                spans[i].append(m.span())
                _add(personal, "website", m.group(0))
        for m in _ANY_URL_RE.finditer(line) if words else ():
            if (
                any(w in m.group("host").lower() for w in words)
                and "@" not in line[m.end() : m.end() + 1]
            ):
                spans[i].append(m.span())
                _add(personal, "website", m.group(0))


_REPO_RE = re.compile(REPO_URL)
_ANY_URL_RE = re.compile(ANY_URL)
_HANDLE_IN_URL = re.compile(
    r"(?:github|gitee|gitlab)\.com/([\w.\-]+)|([\w\-]+)\.(?:github|gitee|gitlab)\.io"
)


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def redact_text(text: str) -> tuple[str, dict[str, Any]]:
    """Redact personal data from a text; see :func:`redact_lines`.

    The first five lines are the context for unlabelled header tokens.

    Examples
    --------
    >>> redact_text("姓名:李娜 性别:女 年龄:27\\n熟悉反洗钱和支付清算")
    ('熟悉反洗钱和支付清算', {'name': '李娜', 'gender': '女', 'age': '27'})

    A birth date in running text goes, career dates stay:

    >>> text, personal = redact_text("2019.07-至今 某银行 经理\\n1996年出生于泉州,2018年毕业")
    >>> print(text)
    2019.07-至今 某银行 经理
    2018年毕业
    >>> personal
    {'birth_date': '1996年', 'hometown': '泉州'}
    """
    out, personal = redact_lines(text.splitlines())
    return "\n".join(line for line in out if line is not None), personal
