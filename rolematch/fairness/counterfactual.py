"""The counterfactual check: would a résumé score differently as someone else?

Blind screening promises that who the candidate is does not move the score. The audit
tests the promise on the batch itself: each scored résumé's *unredacted* text gets
another person's gender (男 ↔ 女, 男性 ↔ 女性, 先生 ↔ 女士, Male ↔ Female, Mr ↔ Ms), age
(a stated age — ``35岁``, ``Age 35``, ``35 years old``, ``Mr. Liu Yang, 35`` — and the birth
year move 11 years, across an age band), name, hometown, residence, ethnicity (汉族 ↔
回族) and marital and childbearing status (已婚 ↔ 未婚, 已育 ↔ 未育, 计划明年生育 ↔
暂无生育计划, anywhere in the text); then both texts go through the same redaction and
scoring as the batch, and the largest score change over the batch and the roles is
reported.

The swap is deliberately *not* the redactor's list of cuts: it rewrites the personal
fields by its own patterns (labelled fields anywhere, header tokens in the header lines:
the first eight, those of a personal-information section, those with a personal label,
and those of which two separated parts are personal tokens, ``男性,41岁,已婚``), so a
field the redactor misses shows up as a score change instead of passing unseen.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from rolematch.pii import ETHNIC_GROUPS

if TYPE_CHECKING:
    from rolematch.matcher import Matcher

__all__ = ["AGE_SHIFT", "max_score_change", "swap_personal"]

#: Years a stated age or birth year moves (an age band and then some).
AGE_SHIFT = 11

_CJK = "\u4e00-\u9fff"
_SEP = r"\s|/,，、;；:：()（）\[\]【】·•"
_HEADER_LINES = 8
_PERSONAL_LABEL = re.compile(
    r"性别|出生|生日|年龄|民族|籍贯|户籍|户口|生源地|现居|住址|基本信息|个人信息"
    r"|Gender|Sex|Born|Birth|DOB|Age|Name\s*:",
    re.IGNORECASE,
)
# A line of personal tokens is a header line wherever it stands ("男性,41岁,已婚").
_PERSONAL_PART = re.compile(
    r"男性|女性|男|女|Male|Female|\d{2}\s*周?岁|(?:Age|Aged)\s*\d{2}|\d{2}\s*years?\s*old"
    r"|[\u4e00-\u9fff]{1,4}族|已婚已育|已婚|未婚|离异|Married|Single",
    re.IGNORECASE,
)
_PARTS = re.compile(r"\s*[|/,，、;；]\s*")
#: marital and childbearing statements and their opposites (婚育: not to be screened on)
_FAMILY_SWAP = {
    "已婚已育": "未婚未育", "未婚未育": "已婚已育", "已婚未育": "已婚已育", "已婚": "未婚",
    "未婚": "已婚", "已育": "未育", "未育": "已育", "计划明年生育": "暂无生育计划",
    "暂无生育计划": "计划明年生育", "备孕中": "暂无生育计划", "育有一子": "暂无子女",
    "Married": "Single", "Single": "Married",
}  # fmt: skip
_FAMILY = re.compile("|".join(sorted(_FAMILY_SWAP, key=len, reverse=True)))
_GENDER_SWAP = {
    "男": "女", "女": "男", "男性": "女性", "女性": "男性", "先生": "女士", "女士": "先生",
    "Male": "Female", "Female": "Male", "male": "female", "female": "male",
    "MALE": "FEMALE", "FEMALE": "MALE", "M": "F", "F": "M",
    "Mr": "Ms", "Mr.": "Ms.", "Ms": "Mr", "Ms.": "Mr.", "Mrs": "Mr", "Mrs.": "Mr.",
    "Miss": "Mr",
}  # fmt: skip
_GENDER_LABELLED = re.compile(
    r"((?:性别|Gender|Sex)\s*[:：]?\s*)(男性|女性|男|女|Female|Male|female|male|FEMALE|MALE|F|M)"
    r"(?![A-Za-z])"
)
_GENDER_TOKEN = re.compile(rf"(?:(?<=^)|(?<=[{_SEP}]))(男性|女性|男|女)(?=$|[{_SEP}])")
# "金晶（女士）" too: a form of address the audit counts is one the swap moves
_ADDRESSED = re.compile(rf"(?<=[{_CJK}\s|/,，、(（])(先生|女士)(?=$|[{_SEP}])")
_GENDER_EN = re.compile(r"(?<![A-Za-z])(Male|Female|male|female|MALE|FEMALE)(?![A-Za-z])")
_HONORIFIC = re.compile(r"^(\s*)(Mr\.?|Mrs\.?|Ms\.?|Miss)(?=\s+[A-Z])")
_AGE_LABELLED = re.compile(r"((?:年龄|Aged?)\s*[:：]?\s*)(\d{2})(?!\d)", re.IGNORECASE)
_AGE_TOKEN = re.compile(r"(?<!\d)(\d{2})(\s*周?岁)")
_AGE_YEARS_OLD = re.compile(r"(?<![\d.])(\d{2})(?=[\s-]*(?:years?|yrs?)[\s-]*old(?![A-Za-z]))")
_BIRTH_LABELLED = re.compile(
    r"((?:出生年月日|出生年月|出生日期|出生年份|出生|生日|Date of Birth|Birth Date|Birthday|DOB"
    r"|Born)\s*[:：]?\s*(?:(?:in|on)\s+)?(?:\d{1,2}\s+)?(?:[A-Za-z]+\.?,?\s+)?(?:\d{1,2},?\s+)?)"
    r"(19\d\d|20[01]\d)",
    re.IGNORECASE,
)
_BIRTH_YEAR = re.compile(r"(?<![\d.\-/])(19\d\d|20[01]\d)(?=\s*年\s*(?:出生|生))")
_HOMETOWN_LABELLED = re.compile(
    rf"((?:籍贯|户籍所在地|户口所在地|户籍地|户籍|户口|生源地|出生地|现居住地|现居地|现居|现住址"
    rf"|家庭住址|居住地|所在城市)\s*[:：]?\s*)([{_CJK}]{{2,12}})"
)
_ETHNIC_LABELLED = re.compile(rf"(民族\s*[:：]?\s*)([{_CJK}]{{1,5}})")
_ETHNIC_TOKEN = re.compile(
    rf"(?:(?<=^)|(?<=[{_SEP}]))((?:{'|'.join(ETHNIC_GROUPS)})族)(?=$|[{_SEP}])"
)
_PLACES = ("黑龙江哈尔滨", "广东湛江")
_SURNAMES = ("李", "张")
_GIVEN = "思远嘉怡"


def _other_place(value: str) -> str:
    return _PLACES[1] if _PLACES[0][:2] in value or "哈尔滨" in value else _PLACES[0]


def _other_name(name: str) -> str:
    if name.isascii():
        return "Alex Morgan" if name != "Alex Morgan" else "Sam Taylor"
    surname = _SURNAMES[1] if name[0] == _SURNAMES[0] else _SURNAMES[0]
    given = (_GIVEN * 2)[: max(1, len(name) - 1)]
    other = surname + given
    return other if other != name else surname + given[::-1] + "x"


def _shift_age(age: int) -> int:
    return age + AGE_SHIFT if age < 40 else age - AGE_SHIFT


def _shift_year(year: int, on: _dt.date) -> int:
    # older if young, younger if old: the same move as _shift_age
    return year - AGE_SHIFT if on.year - year < 40 else year + AGE_SHIFT


def swap_personal(text: str, personal: Mapping[str, Any], on: _dt.date) -> str:
    """The résumé text with another person's gender, age, name, hometown, ethnicity and
    marital and childbearing status.

    Parameters
    ----------
    text : str
        The unredacted, normalised résumé text (``read_resume(path, redact=False).text``).
    personal : mapping
        What the detector found in it (for the name, which appears anywhere).
    on : datetime.date
        The audit date (a birth year moves the same way as a stated age).

    Returns
    -------
    str
        The same text, line for line, with the personal fields swapped; nothing else
        changes.

    Examples
    --------
    >>> import datetime
    >>> text = "姓名：张伟 | 性别：男 | 年龄：35岁 | 籍贯：湖南长沙\\n负责反洗钱工作"
    >>> print(swap_personal(text, {"name": "张伟"}, datetime.date(2026, 12, 5)))
    姓名：李思 | 性别：女 | 年龄：46岁 | 籍贯：黑龙江哈尔滨
    负责反洗钱工作
    """
    from rolematch.sections import detect_heading

    lines = text.split("\n")
    name = str(personal.get("name", ""))
    age_after_name = (
        re.compile(rf"({re.escape(name)}\s*[,，]\s*)([1-7]\d)(?=\s*(?:$|[|/,，、;；]))")
        if len(name) >= 2
        else None
    )
    section = ""
    for i, line in enumerate(lines):
        heading = detect_heading(line)
        section = heading[0] if heading else section
        header = (
            i < _HEADER_LINES
            or section == "personal"
            or _PERSONAL_LABEL.search(line) is not None
            or _personal_parts(line)
        )
        if header and age_after_name is not None:  # "Mr. Liu Yang, 29"
            line = age_after_name.sub(lambda m: m[1] + _age(m[2], on), line)
        if len(name) >= 2:
            line = line.replace(name, _other_name(name))
        line = _FAMILY.sub(lambda m: _FAMILY_SWAP[m[0]], line)
        if header:
            line = _swap_header_line(line, on)
        lines[i] = line
    return "\n".join(lines)


def _personal_parts(line: str) -> bool:
    parts = _PARTS.split(line.strip())
    return len(parts) >= 2 and sum(bool(_PERSONAL_PART.fullmatch(p)) for p in parts) >= 2


def _swap_header_line(line: str, on: _dt.date) -> str:
    # every rule reads the original line and the first rule to claim a span wins, so no
    # value is swapped twice ("性别：男" is not swapped as 性别 and again as a lone 男)
    spans: list[tuple[int, int, str]] = []
    for pattern, group, swap in _RULES:
        for m in pattern.finditer(line):
            s, e = m.span(group)
            if s < e and not any(s < e2 and s2 < e for s2, e2, _ in spans):
                spans.append((s, e, swap(m[group], on)))
    out, at = [], 0
    for s, e, value in sorted(spans):
        out += [line[at:s], value]
        at = e
    return "".join(out) + line[at:]


def _gender(value: str, on: _dt.date) -> str:
    return _GENDER_SWAP[value]


def _age(value: str, on: _dt.date) -> str:
    return str(_shift_age(int(value)))


def _year(value: str, on: _dt.date) -> str:
    return str(_shift_year(int(value), on))


def _place(value: str, on: _dt.date) -> str:
    return _other_place(value)


def _ethnicity(value: str, on: _dt.date) -> str:
    return "回族" if value.startswith("汉") else "汉族"


# A year in a header line that starts a date outside a range ("1990年3月", "1988.05",
# "1997.03 13800001111"): a birth year.
_DATE = re.compile(
    r"(?<![\d.\-/~～至–—])(19[5-9]\d|200\d)(?=\s*(?:年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
    r"|[.\-/]\s*\d{1,2}(?:\s*[.\-/]\s*\d{1,2})?)"
    r"(?!\d)(?!\s*[\-~～至到–—])(?!\s*(?:19|20)\d\d(?!\d)))"
)
# A year alone among a header's fields ("男|1990年|已婚"), not a range's start.
_YEAR_TOKEN = re.compile(
    rf"(?:(?<=^)|(?<=[{_SEP}]))(19[5-9]\d|200\d)"
    r"(?=\s*年(?!\s*[\d\-~～至到–—])\s*(?:$|[|/,，、;；)）\]】·•]))"
)

_RULES: tuple[tuple[re.Pattern[str], int, Callable[[str, _dt.date], str]], ...] = (
    (_GENDER_LABELLED, 2, _gender),
    (_GENDER_TOKEN, 1, _gender),
    (_ADDRESSED, 1, _gender),
    (_GENDER_EN, 1, _gender),
    (_HONORIFIC, 2, _gender),
    (_AGE_LABELLED, 2, _age),
    (_AGE_TOKEN, 1, _age),
    (_AGE_YEARS_OLD, 1, _age),
    (_BIRTH_LABELLED, 2, _year),
    (_BIRTH_YEAR, 1, _year),
    (_DATE, 1, _year),
    (_YEAR_TOKEN, 1, _year),
    (_HOMETOWN_LABELLED, 2, _place),
    (_ETHNIC_LABELLED, 2, _ethnicity),
    (_ETHNIC_TOKEN, 1, _ethnicity),
)


def max_score_change(
    matcher: Matcher,
    pairs: Iterable[tuple[str, str, str]],
    *,
    chunk: int = 48,
    redact: bool = True,
    reference: Mapping[str, np.ndarray] | None = None,
) -> tuple[float, int]:
    """Largest score change, over résumés and roles, between texts and their swaps.

    Parameters
    ----------
    matcher : Matcher
        The fitted matcher that scored the batch.
    pairs : iterable of (source, text, swapped)
        Unredacted text and its :func:`swap_personal` version, per résumé. Both are
        redacted and scored the same way (:func:`rolematch.sections.resume_from_text`,
        then ``matcher.similarity``).
    chunk : int
        Résumés scored at a time.
    redact : bool, default True
        ``False`` scores the texts as they are, without blind screening: what the check
        would see if the scorer read personal data (a test of the check itself).
    reference : mapping, optional
        Source -> the batch's own scores of the résumé (in ``matcher.role_ids_`` order).
        The swapped text is compared with them, so only the swap is scored; where it
        differs (beyond 1e-9), the unswapped text is scored too and the change is taken
        against it, so that a difference in how the text was rebuilt never counts as
        one made by personal data.

    Returns
    -------
    (float, int)
        The largest absolute change (0.0 for no résumé), and how many résumés had
        anything swapped.
    """
    from rolematch.sections import resume_from_text

    worst, changed = 0.0, 0
    batch: list[tuple[str, str, str]] = []

    def flush() -> float:
        if not batch:
            return 0.0
        if reference is not None:
            docs = [resume_from_text(w, s, redact=redact) for s, _, w in batch]
            ref = np.array([reference[s] for s, _, _ in batch], dtype=float)
            diff = np.abs(matcher.similarity(docs) - ref)
            redo = [i for i, row in enumerate(diff) if not np.nanmax(row, initial=0.0) <= 1e-9]
        else:
            diff = np.zeros((len(batch), len(matcher.role_ids_)))
            redo = list(range(len(batch)))
        if redo:
            # both sides scored alike (the same résumés together), so that an encoder's
            # batch-dependent rounding is not read as a change either
            def score(k: int) -> np.ndarray:
                docs = [resume_from_text(batch[i][k], batch[i][0], redact=redact) for i in redo]
                return np.asarray(matcher.similarity(docs))

            diff[redo] = np.abs(score(2) - score(1))
        batch.clear()
        finite = diff[~np.isnan(diff)]  # NaN rows: a text with nothing left to score
        return float(finite.max()) if finite.size else 0.0

    for source, text, swapped in pairs:
        changed += swapped != text
        batch.append((source, text, swapped))
        if len(batch) >= chunk:
            worst = max(worst, flush())
    worst = max(worst, flush())
    return (0.0 if math.isnan(worst) else worst), changed
