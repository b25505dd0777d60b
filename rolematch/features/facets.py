"""Requirement facets: preferred majors, degree, years of experience, certificates.

A facet is scored only where the role states it and the résumé has data for it;
elsewhere it is missing (NaN), and :func:`rolematch.scoring.combine` gives its
weight to the other components instead of scoring it as zero.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from rolematch.documents import Role
from rolematch.features._work_field import (
    FieldMatch,
    field_pattern,
    job_blocks,
    merged_years,
    years_in,
)
from rolematch.language import has_traditional

__all__ = [
    "AGE_NOT_SCORED",
    "FACETS",
    "FacetFinding",
    "ResumeFacets",
    "RoleFacets",
    "certificate_names",
    "facet_findings",
    "load_major_families",
    "major_families",
    "resume_facets",
    "role_facets",
    "without_age_limits",
]

FACETS = ("major", "degree", "experience", "certificates")
#: what the explanation says of a role's age limit (30周岁以下): it is never scored
AGE_NOT_SCORED = "not scored: age limits are not used"
# 0: secondary school (中专, 高中): a degree below 大专, so 本科及以上 is not met
DEGREES = {"中专": 0, "中职": 0, "技校": 0, "职高": 0, "高中": 0, "大专": 1, "专科": 1,
           "本科": 2, "学士": 2, "硕士": 3, "研究生": 3, "MBA": 3, "博士": 4}  # fmt: skip
# a posting's 大学(含)以上 asks for 本科; a CV's bare 大学 states no degree
_REQ_DEGREES = {**DEGREES, "大学": 2}
_ABBR_BEFORE = r"(?=,|\s+(?:in\s+)?(?!(?:Office|Word|Excel|Project|Visio|Access|Teams)\b)[A-Z])"
# English degree names, matched case-insensitively as whole words; abbreviations in
# capitals (BA, MS) only before a comma or a subject (BA Marketing, not MS Office)
_EN_DEGREES = (
    (re.compile(r"\b(?:ph\.?d|doctor(?:ate)?)(?![a-z])", re.I), 4),
    (re.compile(r"\b(?:master|m\.?sc|m\.s\.|m\.a\.|mba|llm|m[sa](?=\s+in\b))(?![a-z])", re.I), 3),
    (
        re.compile(
            r"\b(?:bachelor|b\.?sc|b\.s\.|b\.a\.|bba|b\.?com|llb|undergraduate)(?![a-z])", re.I
        ),
        2,
    ),
    (re.compile(r"\b(?:associate degree|diploma)(?![a-z])", re.I), 1),
    (re.compile(r"\bM(?:A|S|Eng|Fin|Acc|PA)" + _ABBR_BEFORE), 3),
    (re.compile(r"\bB(?:A|S|Eng|Ec|Fin|Bus)" + _ABBR_BEFORE), 2),
)
_DEGREE_NAMES = {0: "中专/高中", 1: "大专", 2: "本科", 3: "硕士", 4: "博士"}
_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9, "十": 10}  # fmt: skip
# 本科及以上学历 | 本科以上学历 | 全日制本科及以上 | 统招本科 | 硕士研究生及以上 | 学历：本科 |
# Taiwan's 大學(含)以上 (a bachelor's: 大学 only before 以上/学历, not 大学英语)
_LEVEL = r"(中专|高中|大专|专科|本科|大学|硕士|研究生|博士)"
_REQ_DEGREE = re.compile(
    _LEVEL + r"(?:研究生)?\s*(?:或)?(?:及以上|以上|或以上)?\s*(?:学历|学位)"
    r"|(?:全日制|统招)\s*(大专|专科|本科|硕士|研究生|博士)"
    r"|" + _LEVEL + r"(?:研究生)?\s*(?:[(（]含[)）])?\s*(?:及以上|以上|或以上)"
    r"|学历\s*(?:要求)?\s*[:：]?\s*"
    + _LEVEL
    # a campus post's class: 2027届硕士研究生, 应届本科毕业生; a bare 硕士研究生 unless preferred
    + r"|(?:\d{2,4}\s*届|应届)\s*(?:全日制|统招)?\s*(大专|专科|本科|硕士|研究生|博士)"
    r"|(?:^|(?<=[\n，,。；;：:、]))\s*(?:全日制)?(硕士|博士)研究生(?![^，,。；;]{0,8}(?:优先|为佳|更佳))"
)
_NUM = r"(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)"
# 3年以上…经验 | 三年及以上 | 3-5年…经验 | 工作经验3年以上 | 经验：3年
_REQ_YEARS = re.compile(
    _NUM
    + r"\s*(?:[-~～至到]\s*\d+\s*)?年(?:及|或)?(?:以上)?(?P<field>[^。；;，,]{0,30}?)(?:经验|经历)"
    r"|(?:经验|经历)\s*[:：]?\s*" + _NUM + r"\s*(?:[-~～至到]\s*\d+\s*)?年"  # 工作經歷：2年以上
)
# 30周岁以下 | 35岁以下 | 年龄35岁以下 | 年龄在25-35岁之间 | 年龄不超过35周岁 | 45岁以内
_AGE = re.compile(
    r"(?:年龄[^。；;，,]{0,6}?)?(?:\d{2}\s*[-~～至到]\s*)?\d{2}\s*周?岁\s*(?:以下|以内|及以下|之间|以上)"
    r"|年龄[^。；;，,]{0,4}?(?:不超过|不大于|不高于|低于|小于|在)\s*\d{2}\s*周?岁"
)
# English requirements. A degree: Bachelor's degree in …, Master's or above, PhD,
# Diploma; "Master" alone is no degree (Scrum Master, master the tools), nor a high
# school diploma (no level on this scale)
_REQ_DEGREE_EN = (
    (re.compile(r"\b(?:ph\.?\s?d\.?|doctorate|doctoral\s+degree|d\.?phil)(?![a-z])", re.I), 4),
    (
        re.compile(
            r"\b(?:master['’]?s(?!\s+(?:the|of\s+(?:the|your)))|master\s+(?:degree|of)\b|"
            r"mba|m\.?sc|llm|mphil)(?![a-z])",
            re.I,
        ),
        3,
    ),
    (
        re.compile(
            r"\b(?:bachelor|b\.?sc|b\.s\.|b\.a\.|bba|b\.?com|llb|(?:university|college|undergraduate|first|"
            r"four[- ]year|4[- ]year)\s+degree|degree\s+(?:in|holder)\b)(?![a-z])",
            re.I,
        ),
        2,
    ),
    (re.compile(r"\b(?:associate['’]?s?\s+degree|(?<!school )diploma|hnd)(?![a-z])", re.I), 1),
)
# a clause that only prefers a degree (Master's preferred, ideally a PhD) states no minimum
_EN_CLAUSE_END = re.compile(r"[;,()；，。（）\n]|\.(?:\s|$)")
_EN_PREFERRED = re.compile(
    r"prefer|ideal|desirabl|advantage|a plus|nice to have|bonus|would be|优先|加分|为佳|更佳", re.I
)
_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15}  # fmt: skip
_EN_NUM = r"(\d+(?:\.\d+)?|" + "|".join(_EN_NUMBERS) + r")(?:\s*\(\d+\))?"
_EN_SPAN = r"\s*(?:\+|\s+or\s+more|\s+plus)?\s*(?:(?:-|–|~|to)\s*\d+\s*\+?\s*)?years?(?![a-z])['’]?"
# minimum 6 years | at least 3 years | 5+ years | 3-5 years of … experience | over ten years
_EN_AT_LEAST = (
    r"(?:(?:a\s+)?minimum(?:\s+of)?|min\.|at\s+least|over|more\s+than|in\s+excess\s+of|"
    r"no\s+(?:less|fewer)\s+than|not\s+less\s+than)"
)
_REQ_YEARS_EN = re.compile(
    "|".join(
        (
            rf"\b{_EN_AT_LEAST}\s+{_EN_NUM}{_EN_SPAN}(?!\s+(?:of\s+age|old))",
            rf"\b{_EN_NUM}\s*\+\s*years?\b",
            rf"\b{_EN_NUM}{_EN_SPAN}\s+(?:of\s+)?[^.;,\n]{{0,40}}?\bexperience",
            rf"\bexperience\s*[:：]\s*{_EN_NUM}\s*\+?\s*years?\b",
        )
    ),
    re.I,
)
# 持有/具备/取得 … 证书, and its alternatives (具备基金从业资格或证券从业资格: either meets it)
_CERT_END = r"(?:资格证书|资格证|证书|资格|资质)"
_REQ_CERT = re.compile(
    rf"(?:持有|具备|具有|取得|获得)([^，,。；;]{{2,20}}?{_CERT_END}"
    rf"(?:(?:或|、|/)[^，,。；;或、/]{{2,20}}?{_CERT_END})*)"
)
# 通过CPA、法律职业资格考试或CFA者优先: passed exams that name a certificate
_REQ_PASSED = re.compile(r"通过([^，,。；;]{2,30}?)(?:者|的)?(?:优先|为佳|更佳)")
_NAMES_CERT = re.compile(r"[A-Za-z]{2,}|资格|从业|注册|执业|证")
# 2015.06 | 2015/6 | 2015-06 | 2015年3月 | 2015年 | 2015
_DATE = r"(\d{4})\s*(?:(?:年|[./\-])\s*(\d{1,2})\s*月?|年)?"
_NOW = r"(至今|迄今|今|现在|目前|present|now|current)"
_RANGE = re.compile(
    _DATE + r"(?:\s*(?:[-–—~～至到]+|\s+to\s+)\s*(?:" + _NOW + "|" + _DATE + r")|\s*(至今|迄今))",
    re.IGNORECASE,
)
_EDU_LABEL = re.compile(r"\s*(?:教育(?:背景|经历)?|学历|毕业院校|education)\s*[:：]", re.I)
_SCHOOL = re.compile(r"\S*?(?:大学|学院|学校|University|College)", re.IGNORECASE)
_AND_ITS = re.compile(r"及其[\u4e00-\u9fff]{2,4}")
_EDU_LINE = re.compile(
    r"大学|学院|本科|硕士|博士|专科|大专|学士|专业|university|college|bachelor|master|mba|"
    r"ph\.?d|b\.?sc|m\.?sc|b\.[as]\.|m\.[as]\.|degree",
    re.I,
)


def load_major_families(path: str | Path | None = None) -> dict[str, list[str]]:
    """Read ``data/lexicon/majors.yaml``: family -> identifying words."""
    from rolematch._resources import data_dir

    path = Path(path) if path is not None else data_dir() / "lexicon" / "majors.yaml"
    return {k: list(v) for k, v in _read_families(str(path)).items()}


@lru_cache(maxsize=8)
def _read_families(path: str) -> dict[str, tuple[str, ...]]:
    # read once per process: every résumé needs it
    from rolematch._resources import load_yaml

    data = load_yaml(Path(path).read_text(encoding="utf-8")) or {}
    return {str(k): tuple(str(w) for w in v) for k, v in data.items()}


@dataclass(frozen=True)
class RoleFacets:
    """What a role's requirements ask for (empty/None where they are silent).

    ``majors`` are major families (keys of ``data/lexicon/majors.yaml``);
    ``age_limit`` is the age limit as written (30周岁以下): reported, never scored.
    """

    majors: tuple[str, ...] = ()
    degree: int | None = None
    years: float | None = None
    certificates: tuple[str, ...] = ()
    age_limit: str = ""
    #: the field the years are asked in, as written (保险公司理赔), and a pattern for the
    #: trades it names; None where it names none (相关工作): then every job counts
    years_field: str = field(default="", repr=False)
    years_pattern: FieldMatch | None = field(default=None, repr=False, compare=False)
    #: the majors as the posting names them (物流管理), those of a family: what the
    #: explanation says the role wants
    named_majors: tuple[str, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class ResumeFacets:
    """What a résumé states (empty/None where it is silent)."""

    majors: tuple[str, ...] = ()
    degree: int | None = None
    years: float | None = None
    text: str = field(default="", repr=False)
    #: for each of ``majors``, the word of the résumé that put it there (会计 for 金融)
    major_words: tuple[str, ...] = ()
    #: the date an open-ended range (2019 - 至今) was counted to; None if none was
    as_of: _dt.date | None = None
    #: each dated job: (start month, end month, its lines in lower case)
    jobs: tuple[tuple[int, int, str], ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class FacetFinding:
    """One facet of one résumé × role: what the role wants, what the résumé has, the score."""

    name: str
    wanted: str
    found: str
    score: float | None


def _cn_int(s: str) -> int:
    if s.isdigit():
        return int(s)
    if s.startswith("十"):
        return 10 + _CN_NUM.get(s[1:], 0)
    if "十" in s:
        a, _, b = s.partition("十")
        return _CN_NUM[a] * 10 + _CN_NUM.get(b, 0)
    return _CN_NUM.get(s, 0)


def role_facets(role: Role, families: Mapping[str, Sequence[str]] | None = None) -> RoleFacets:
    """Read the facets a role's requirements state.

    Degree (本科及以上学历、统招本科、硕士研究生及以上, Bachelor's degree …), years
    (3年以上…经验、三年及以上、3-5年、经验：3年, at least 3 years …), certificates
    (持有…证书) and majors: the role's ``majors`` or, when it has none, the majors
    its requirements name (计算机、软件工程等相关专业), mapped to the major families
    of ``data/lexicon/majors.yaml`` (软件工程 -> 计算机). An age limit (35周岁以下) is
    kept as written so that the explanation can say it is not scored.

    Examples
    --------
    >>> from rolematch.documents import Role
    >>> reqs = ("本科及以上学历，金融等相关专业优先", "五年以上银行工作经验")
    >>> r = Role("x", "主管", ("负责运营",), reqs, majors=("金融",))
    >>> role_facets(r)
    RoleFacets(majors=('金融',), degree=2, years=5.0, certificates=(), age_limit='')
    >>> reqs = ("统招本科以上，软件工程、统计学相关专业", "3-5年开发经验", "年龄35周岁以下")
    >>> f = role_facets(Role("y", "开发", (), reqs))
    >>> f.majors, f.degree, f.years, f.age_limit
    (('计算机', '数据统计分析'), 2, 3.0, '年龄35周岁以下')

    English requirements state them too (Bachelor/Master/PhD/Doctorate/Diploma/
    Associate degree; minimum N years, at least N years, N+ years, N years of …
    experience); a degree a clause only prefers is no minimum:

    >>> reqs = ("Bachelor's degree in Finance, Law, Accounting or a related discipline",
    ...         "Minimum 6 years of experience in AML investigations", "Master's preferred")
    >>> f = role_facets(Role("z", "AML lead", (), reqs))
    >>> f.majors, f.degree, f.years
    (('金融', '法律'), 2, 6.0)
    """
    text = "\n".join(role.requirements)
    if has_traditional(text):  # the patterns are Simplified: 具2年以上銀行…經驗
        from rolematch.language import to_simplified

        text = to_simplified(text)
    degree = None
    if m := _REQ_DEGREE.search(text):
        degree = _REQ_DEGREES[next(g for g in m.groups() if g)]
    else:
        degree = _english_degree(text)
    years, years_field, years_pattern = None, "", None
    if m := _REQ_YEARS.search(text) or _REQ_YEARS_EN.search(text):
        years = _num(next(g for g in m.groups() if g))
        if m.re is _REQ_YEARS and m.group("field"):
            from rolematch.text import title_note

            years_field, years_pattern = field_pattern(m.group("field"), title_note(role.title)[0])
    certs = tuple(m.group(1).strip() for m in _REQ_CERT.finditer(text))
    certs += tuple(
        g for m in _REQ_PASSED.finditer(text) if _NAMES_CERT.search(g := m.group(1).strip())
    )
    age = m.group(0).strip() if (m := _AGE.search(text)) else ""
    named = role.majors
    if not named:
        from rolematch.io.roles import majors_from_requirements

        named = tuple(majors_from_requirements(role.requirements))
    per_name = [major_families([n], families) for n in named]
    return RoleFacets(
        majors=tuple(dict.fromkeys(f for fs in per_name for f in fs)),  # in order, once each
        named_majors=tuple(n for n, fs in zip(named, per_name, strict=True) if fs),
        degree=degree,
        years=years,
        years_field=years_field if years_pattern is not None else "",
        years_pattern=years_pattern,
        certificates=certs,
        age_limit=age,
    )


def _english_degree(text: str) -> int | None:
    """The lowest degree English requirements ask for (Bachelor's or Master's -> 2),
    leaving out degrees a clause only prefers (Master's preferred)."""
    levels = []
    for pattern, level in _REQ_DEGREE_EN:
        for m in pattern.finditer(text):
            start = max((c.end() for c in _EN_CLAUSE_END.finditer(text, 0, m.start())), default=0)
            end = c.start() if (c := _EN_CLAUSE_END.search(text, m.end())) else len(text)
            if not _EN_PREFERRED.search(text, start, end):
                levels.append(level)
    return min(levels) if levels else None


def without_age_limits(text: str) -> str:
    """The text with age limits (年龄35周岁以下、30岁以下) taken out.

    Age is never scored: the keyword and semantic components should read a
    requirement through this, so that 年龄、周岁 are neither matched nor missing.

    Examples
    --------
    >>> without_age_limits("大专及以上学历，年龄35周岁以下，身体健康")
    '大专及以上学历，，身体健康'
    """
    return _AGE.sub("", text)


def _num(s: str) -> float:
    try:
        return float(s)
    except ValueError:
        return float(_EN_NUMBERS.get(s.lower()) or _cn_int(s))


#: a course list (主修课程：民法、金融学概论): the courses a degree took, not its major
_COURSES = re.compile(
    r"(?:主修|主要|核心|专业|相关|选修|所学)?课程\s*[:：].*$|(?:relevant\s+)?course(?:work|s)\s*[:：].*$",
    re.I | re.M,
)


def major_families(
    names: Sequence[str], families: Mapping[str, Sequence[str]] | None = None
) -> tuple[str, ...]:
    """Map majors as a posting names them to major families, in order, once each.

    A family name stands for itself; another name belongs to every family one of
    whose words it contains (软件工程 -> 计算机; 金融工程 -> 金融), except a family it
    hits only by its last word where another family names what it is about: 物流管理
    is 物流, not any 管理 major (酒店管理 is 管理). Names that fit no family are
    dropped: they cannot be compared with a résumé's majors.

    Examples
    --------
    >>> major_families(["计算机科学与技术", "软件工程", "金融", "哲学"])
    ('计算机', '金融')
    >>> major_families(["物流管理", "人力资源管理", "Logistics Management", "工商管理"])
    ('物流', '人力资源', '管理')
    """
    families = families if families is not None else load_major_families()
    out: list[str] = []
    for name in names:
        if name in families:
            hits = [name]
        else:
            low = name.lower()
            found = {f: [w.lower() for w in ws if w.lower() in low] for f, ws in families.items()}
            hits = [f for f, ws in found.items() if ws]
            # the words a family is hit by, each the name's head (its end) and no more
            heads = [f for f in hits if all(low.endswith(w) and w != low for w in found[f])]
            if len(heads) < len(hits):
                hits = [f for f in hits if f not in heads]
        for f in hits:
            if f not in out:
                out.append(f)
    return tuple(out)


_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Jan 2021, Sept. 2019, March 2020 | 03/2019: what English CVs write, as 2021.01
_EN_MONTH_DATE = re.compile(
    r"\b(" + "|".join(_EN_MONTHS) + r")[a-z]*\.?,?\s*(\d{4})\b"
    r"|\b(0?[1-9]|1[0-2])\s*/\s*(\d{4})\b",
    re.I,
)


def _iso_month(m: re.Match[str]) -> str:
    if m.group(1):
        return f"{m.group(2)}.{_EN_MONTHS.index(m.group(1).lower()[:3]) + 1:02d}"
    return f"{m.group(4)}.{int(m.group(3)):02d}"


def _jobs(text: str, today: _dt.date) -> tuple[list[tuple[int, int, str]], bool]:
    """The dated ranges as (start month, end month, the job's lines in lower case),
    and whether one ran to 至今 (today)."""
    text = _EN_MONTH_DATE.sub(_iso_month, text)
    spans, starts = [], []
    open_ended = False
    for m in _RANGE.finditer(text):
        y0, m0 = int(m.group(1)), int(m.group(2) or 1)
        if m.group(3) or m.group(6):  # "至今", "present" …
            y1, m1 = today.year, today.month
            ended_now = True
        else:
            y1, m1 = int(m.group(4)), int(m.group(5) or 12)
            ended_now = False
        start, end = y0 * 12 + m0 - 1, y1 * 12 + m1
        if 1950 <= y0 <= today.year and start < end <= (today.year + 1) * 12:
            spans.append((start, end))
            starts.append(m.start())
            open_ended |= ended_now
    blocks = job_blocks(text, starts)
    return [(s, e, b.lower()) for (s, e), b in zip(spans, blocks, strict=True)], open_ended


def resume_facets(
    text: str,
    sections: Mapping[str, str] | None = None,
    families: Mapping[str, Sequence[str]] | None = None,
    today: _dt.date | None = None,
) -> ResumeFacets:
    """Read majors, highest degree and years of work from a résumé's text.

    Education lines give the majors (school names are removed first, so
    管理学院 does not make a 管理 major); dated ranges in the work section (or the
    whole text) give the years, overlapping spans counted once; education date
    ranges are left out. An open-ended range (2019 - 至今) runs to ``today``, the
    reference date (default: the date of the run); ``as_of`` of the result
    records it, so that a score can be reproduced later by passing the same date.

    Examples
    --------
    >>> f = resume_facets("2015.06-2020.05 某银行 客户经理\\n2011-2015 某某大学 金融学 本科",
    ...                   today=__import__("datetime").date(2026, 1, 1))
    >>> f.majors, f.degree
    (('金融',), 2)
    """
    families = families if families is not None else load_major_families()
    sections = sections or {}
    edu_text = sections.get("education") or "\n".join(
        line for line in text.splitlines() if _EDU_LINE.search(line) or _EDU_LABEL.match(line)
    )
    cleaned = _SCHOOL.sub(" ", _COURSES.sub(" ", edu_text)).lower()
    # 机械设计制造及其自动化 is a 机械 major, not an 自动化 one too
    cleaned = _AND_ITS.sub("", cleaned)
    hits = {f: next((w for w in ws if w.lower() in cleaned), None) for f, ws in families.items()}
    majors = tuple(f for f, w in hits.items() if w is not None)
    degrees = [v for k, v in DEGREES.items() if k in edu_text]
    degrees += [v for pattern, v in _EN_DEGREES if pattern.search(edu_text)]
    work_text = "\n".join(
        line
        for line in (sections.get("work") or text).splitlines()
        # 教育：2020-2024 某大学 is education wherever it stands
        if not _EDU_LABEL.match(line) and (sections.get("work") or not _EDU_LINE.search(line))
    )
    ref = today or _dt.date.today()
    jobs, open_ended = _jobs(work_text, ref)
    return ResumeFacets(
        majors=majors,
        major_words=tuple(str(hits[f]) for f in majors),
        degree=max(degrees) if degrees else None,
        years=merged_years((s, e) for s, e, _ in jobs),
        text=text,
        as_of=ref if open_ended else None,
        jobs=tuple(jobs),
    )


def facet_findings(role: RoleFacets, resume: ResumeFacets) -> list[FacetFinding]:
    """Score each facet the role states; ``score=None`` where the résumé is silent.

    Examples
    --------
    >>> [f.score for f in facet_findings(RoleFacets(majors=("金融", "计算机")),
    ...                                  ResumeFacets(majors=("金融",)))]
    [1.0]
    >>> [f.score for f in facet_findings(RoleFacets(majors=("金融",)), ResumeFacets())]
    [None]
    """
    out: list[FacetFinding] = []
    if role.majors:
        # the résumé's own word beside the family it counts for: 会计（金融）, not 金融
        said = resume.major_words if len(resume.major_words) == len(resume.majors) else ()
        found = "、".join(
            f"{w}（{f}）" if w and w != f else f
            for f, w in zip(resume.majors, said or resume.majors, strict=True)
        )
        score = (1.0 if set(role.majors) & set(resume.majors) else 0.0) if resume.majors else None
        out.append(FacetFinding("major", "、".join(role.named_majors or role.majors), found, score))
    if role.degree is not None:
        d = resume.degree
        out.append(
            FacetFinding(
                "degree",
                _DEGREE_NAMES[role.degree] + "及以上",
                "" if d is None else _DEGREE_NAMES[d],
                None if d is None else (1.0 if d >= role.degree else d / role.degree),
            )
        )
    if role.years is not None:
        y = resume.years
        found = "" if y is None else f"{y:g}年"
        score = None if y is None else min(1.0, y / role.years)
        if y is not None and role.years_pattern is not None:
            # 5年以上保险公司理赔经验: the years of the jobs that name the field
            inside = years_in(resume.jobs, role.years_pattern)
            score = min(1.0, inside / role.years)
            found = f"{inside:g}年" + (f" ({y:g}年 in all)" if inside < y else "")
        if y is not None and resume.as_of is not None:
            found += f"（至今 = {resume.as_of:%Y-%m}）"
        wanted = f"{role.years:g}年以上" + (f"{role.years_field}经验" if role.years_field else "")
        out.append(FacetFinding("experience", wanted, found, score))
    if role.certificates:
        # a phrase names alternatives (持有CPA、CFA或FRM证书): any one meets it
        text = resume.text.lower()
        met = [[a for a in certificate_names(c) if holds(a, text)] for c in role.certificates]
        have = [a for found in met for a in found]
        out.append(
            FacetFinding(
                "certificates",
                "、".join(role.certificates),
                "、".join(have),
                sum(bool(found) for found in met) / len(role.certificates),
            )
        )
    if role.age_limit:
        out.append(FacetFinding("age", role.age_limit, AGE_NOT_SCORED, None))
    return out


#: A clause that names a certificate as a plan, not a holding: 正在备考…资格证, 资格证（待考）,
#: CPA已通过4门, 目标是取得CPA证书, CFA candidate, pursuing PMP.
_NOT_HELD = re.compile(
    r"备考|在考|待考|考取中|准备考|拟考|计划考|报考|预计|即将|尚未|未取得|未获得|没有|暂无|"
    r"目标|争取|希望取得|计划取得|通过\s*\d+\s*[门科]|"
    r"\b(?:candidate|pursuing|preparing|studying for|expected|in progress|aim|plan to)\b",
    re.I,
)
_CLAUSE = re.compile(r"[。；;，,\n|｜]")
#: A certificate's other name, as résumés write either (lower case).
_CERT_ALIASES = {
    "cpa": ("注册会计师",),
    "注册会计师": ("cpa",),
    "cfa": ("特许金融分析师",),
    "frm": ("金融风险管理师",),
    "acca": ("特许公认会计师",),
    "pmp": ("项目管理专业人士",),
    "证券投资顾问业务": ("证券投资顾问", "投资顾问资格", "投顾资格"),
    "证券从业": ("证券业从业", "证券从业人员"),
    "基金从业": ("基金业从业", "基金从业人员"),
    "法律职业资格": ("司法考试", "法考"),
}
#: The head of a qualification whose subject a résumé may write apart from it:
#: 数学教师资格证 held as 教师资格证（初中数学）.
_CERT_HEADS = ("教师资格", "从业资格", "执业资格", "职业资格")


def holds(name: str, text: str) -> bool:
    """Whether ``text`` (lower case) says its author holds certificate ``name``: a
    clause names it (by another name too: CPA, 注册会计师; a qualification's subject
    apart from it: 教师资格证（初中数学）) and does not say it is still to come (备考,
    预计, pursuing, 通过4门).

    Examples
    --------
    >>> holds("数学教师资格证", "证书：教师资格证（初中数学）")
    True
    >>> holds("数学教师资格证", "证书：正在备考初中数学教师资格证")
    False
    >>> holds("数学教师资格证", "2019-至今 某中学 数学教师")
    False
    """
    keys = [name.lower(), *_CERT_ALIASES.get(name.lower(), ())]
    parts = [(key[: key.index(h)], h) for key in keys for h in _CERT_HEADS if key.find(h) > 0]
    for clause in _CLAUSE.split(text):
        # 基金从业资格（2024年取得）、AFP（备考中）: a cue holds for its own item and those
        # after it (备考CPA、CFA), not for the items before it
        items = clause.split("、")
        for j, item in enumerate(items):
            named = any(k in item for k in keys) or any(h in item and q in item for q, h in parts)
            if named and not any(_NOT_HELD.search(x) for x in items[: j + 1]):
                return True
    return False


_LEVEL_OR_ABOVE = re.compile(r"(\S*?)及以上(\S*)")


def _level_or_above(m: re.Match[str]) -> str:
    # 初中及以上数学教师资格证 is one certificate at that level or above: what follows
    # 及以上 where it still names one (高中数学教师资格证 holds it too), else the level
    # with it (英语六级及以上证书 -> 英语六级证书), never 初中 and 以上… as two
    after = m.group(2)
    return after if len(_CERT_SUFFIX.sub("", after)) >= 3 else m.group(1) + after


_CERT_VERB = re.compile(r"^(?:[需须]?(?:持有|具有|具备|取得)|拥有|已取得)")
_CERT_SUFFIX = re.compile(r"(?:资格证书|资格证|证书|资格|资质|执业资格|认证|考试)$")
_CERT_SPLIT = re.compile(r"\s*(?:[、/,，;；]|或者|或|及|和|与|\bor\b|\band\b)\s*", re.I)


def certificate_names(phrase: str) -> list[str]:
    """The certificates a requirement's phrase names, each as a résumé would write it.

    The shared suffix (证书、资格证) comes off where what remains still names a
    certificate (three characters, or a Latin abbreviation): 教师资格证 stays whole.

    Examples
    --------
    >>> certificate_names("CPA、CFA或FRM证书")
    ['CPA', 'CFA', 'FRM']
    >>> certificate_names("一级建造师证书"), certificate_names("教师资格证")
    (['一级建造师'], ['教师资格证'])
    >>> certificate_names("初中及以上数学教师资格证"), certificate_names("英语六级及以上证书")
    (['数学教师资格证'], ['英语六级'])
    """
    out = []
    for part in _CERT_SPLIT.split(_LEVEL_OR_ABOVE.sub(_level_or_above, phrase.strip())):
        part = _CERT_VERB.sub("", part.strip()).removesuffix("等")
        bare = _CERT_SUFFIX.sub("", part).strip().removesuffix("等")
        # 数学教师 without 资格证 is a job title, not the qualification
        job = "资格" in part[len(bare) :] and bare[-1:] in ("师", "员", "士", "医")
        name = bare if (len(bare) >= 3 or (bare.isascii() and len(bare) >= 2)) and not job else part
        if len(name) >= 2 and name not in out:
            out.append(name)
    return out


def facet_score(findings: Sequence[FacetFinding]) -> float:
    """Mean of the scored facets; NaN when none has data."""
    scores = [f.score for f in findings if f.score is not None]
    return float(np.mean(scores)) if scores else float("nan")
