"""A résumé's own personal data -> the audit's groups (gender, age band, ethnicity).

The audit reads attributes only *as the résumé states them*, from what the personal-data
detector (:mod:`rolematch.pii`) found before redaction. Nothing is inferred: a name does
not give a gender, a graduation year does not give an age. What a résumé does not state
is ``unknown``.

========== ========================================= ===================================
attribute  groups                                    read from
========== ========================================= ===================================
gender     ``女``, ``男``, ``unknown``                 ``性别：女``, a lone ``男`` or ``男性``
                                                     in the header, ``先生``/``女士``
                                                     (``金晶（女士）`` too),
                                                     ``Female``/``Male``, ``Mr``/``Ms``
age        ``<30``, ``30-39``, ``40-49``, ``50+``,      a stated age (``年龄：35``, ``35岁``,
           ``unknown``                               ``Age 35``, ``35 years old``, ``Mr.
                                                     Liu Yang, 35``) as written, else a
                                                     birth date (``1988.05``, ``1988年5月``,
                                                     ``Born 1990``, ``born in 1990``) as
                                                     of the audit date
ethnicity  ``汉族``, ``少数民族``, ``unknown``            ``民族：汉`` or ``汉族``; any other of
                                                     the 56 groups is ``少数民族``
========== ========================================= ===================================

A birth month without a day counts from the 1st of the month, a birth year alone from
1 July. Ages outside 16-80 are taken as misreadings (``unknown``).

Where a header line states them (``男性，41岁，已婚``, ``Name: Yang Liu | Male | Age 29``) is
the detector's business: what it cuts from the scored text is what the audit counts.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from rolematch.pii import ETHNIC_GROUPS

__all__ = [
    "ATTRIBUTES",
    "GROUPS",
    "UNKNOWN",
    "age_group",
    "age_on",
    "attribute_groups",
    "ethnicity_group",
    "gender_group",
]

#: Group of a résumé that does not state the attribute.
UNKNOWN = "unknown"

#: Attributes the audit knows, and their groups in report order.
GROUPS: dict[str, tuple[str, ...]] = {
    "gender": ("女", "男", UNKNOWN),
    "age": ("<30", "30-39", "40-49", "50+", UNKNOWN),
    "ethnicity": ("汉族", "少数民族", UNKNOWN),
}
ATTRIBUTES: tuple[str, ...] = tuple(GROUPS)

_FEMALE = {"女", "女性", "女士", "female", "f", "ms", "ms.", "mrs", "mrs.", "miss"}
_MALE = {"男", "男性", "先生", "male", "m", "mr", "mr."}
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
)}  # fmt: skip
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
_ZH_MONTH = re.compile(
    r"(?<!\d)(?:19|20)\d\d\s*(?:年|[.\-/])\s*(\d{1,2})(?:\s*(?:月|[.\-/])\s*(\d{1,2}))?"
)
_EN_MONTH = re.compile(
    r"(?<![A-Za-z])(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*", re.I
)
_EN_DAY = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")
_MIN_AGE, _MAX_AGE = 16, 80


def gender_group(personal: Mapping[str, Any]) -> str:
    """``女``, ``男`` or ``unknown`` from the stated gender.

    Examples
    --------
    >>> gender_group({"gender": "女"}), gender_group({"gender": "先生"}), gender_group({})
    ('女', '男', 'unknown')
    """
    value = str(personal.get("gender", "")).strip().lower()
    if value in _FEMALE:
        return "女"
    if value in _MALE:
        return "男"
    return UNKNOWN


def age_on(personal: Mapping[str, Any], on: _dt.date) -> int | None:
    """The age a résumé states (as written), else the age on ``on`` from its birth date.

    Examples
    --------
    >>> import datetime
    >>> d = datetime.date(2026, 12, 5)
    >>> age_on({"age": "35"}, d), age_on({"birth_date": "1988.05"}, d)
    (35, 38)
    >>> age_on({"birth_date": "1988年12月6日"}, d), age_on({"birth_date": "Born 1990"}, d)
    (37, 36)
    >>> age_on({}, d) is None
    True
    """
    stated = re.sub(r"\D", "", str(personal.get("age", "")))
    if stated and _MIN_AGE <= int(stated) <= _MAX_AGE:
        return int(stated)
    born = _birth(str(personal.get("birth_date", "")))
    if born is None:
        return None
    year, month, day = born
    age = on.year - year - ((on.month, on.day) < (month, day))
    return age if _MIN_AGE <= age <= _MAX_AGE else None


def _birth(value: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a birth date as the detector found it."""
    y = _YEAR.search(value)
    if y is None:
        return None
    year, month, day = int(y.group(1)), 7, 1  # a year alone: 1 July
    zh = _ZH_MONTH.search(value)
    en = _EN_MONTH.search(value)
    if zh is not None and 1 <= int(zh.group(1)) <= 12:
        month = int(zh.group(1))
        day = int(zh.group(2)) if zh.group(2) and 1 <= int(zh.group(2)) <= 31 else 1
    elif en is not None:
        month = _MONTHS[en.group(1).lower()]
        rest = value[: y.start()] + " " + value[y.end() :]
        d = _EN_DAY.search(rest)
        day = int(d.group(1)) if d is not None and 1 <= int(d.group(1)) <= 31 else 1
    return year, month, day


def age_group(personal: Mapping[str, Any], on: _dt.date) -> str:
    """``<30``, ``30-39``, ``40-49``, ``50+`` or ``unknown``; see :func:`age_on`.

    Examples
    --------
    >>> import datetime
    >>> age_group({"birth_date": "1997年1月"}, datetime.date(2026, 12, 5))
    '<30'
    >>> age_group({"age": "50"}, datetime.date(2026, 12, 5))
    '50+'
    """
    age = age_on(personal, on)
    if age is None:
        return UNKNOWN
    if age < 30:
        return "<30"
    if age >= 50:
        return "50+"
    return f"{age // 10 * 10}-{age // 10 * 10 + 9}"


def ethnicity_group(personal: Mapping[str, Any]) -> str:
    """``汉族``, ``少数民族`` or ``unknown`` from the stated 民族.

    Examples
    --------
    >>> ethnicity_group({"ethnicity": "汉"}), ethnicity_group({"ethnicity": "回族"})
    ('汉族', '少数民族')
    >>> ethnicity_group({"ethnicity": "其他族"})
    'unknown'
    """
    value = str(personal.get("ethnicity", "")).strip().removesuffix("族")
    if value == "汉":
        return "汉族"
    if value in ETHNIC_GROUPS:
        return "少数民族"
    return UNKNOWN


def attribute_groups(
    personal: Mapping[str, Any], attributes: Sequence[str], on: _dt.date
) -> dict[str, str]:
    """Attribute -> group for one résumé's personal data.

    Parameters
    ----------
    personal : mapping
        :attr:`rolematch.documents.Resume.personal` (found before redaction).
    attributes : sequence of str
        Some of :data:`ATTRIBUTES`.
    on : datetime.date
        The audit date (ages from birth dates are counted to it).

    Returns
    -------
    dict
        E.g. ``{"gender": "女", "age": "30-39"}``.

    Raises
    ------
    ValueError
        An attribute the audit does not know.

    Examples
    --------
    >>> import datetime
    >>> attribute_groups({"gender": "女", "birth_date": "1990年3月"}, ["gender", "age"],
    ...                  datetime.date(2026, 12, 5))
    {'gender': '女', 'age': '30-39'}
    """
    out: dict[str, str] = {}
    for a in attributes:
        if a == "gender":
            out[a] = gender_group(personal)
        elif a == "age":
            out[a] = age_group(personal, on)
        elif a == "ethnicity":
            out[a] = ethnicity_group(personal)
        else:
            raise ValueError(
                f"The 'attributes' parameter must name some of {list(ATTRIBUTES)}. "
                f"Got {a!r} instead."
            )
    return out
