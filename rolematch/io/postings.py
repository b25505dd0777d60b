"""Job postings in the layouts people publish them in -> :class:`Posting` -> :class:`Role`.

Reads ``.txt``, ``.md``, ``.html``/``.htm`` (a page or a fragment), ``.docx`` and
``.pdf`` (through the project's own readers, text only) and job-board exports
(``.csv``, ``.jsonl``, ``.json``, and ``.xlsx`` with the ``excel`` extra) whose
title and text fields are mapped by name.
One file may hold several postings.

A posting's lines are sorted into duties (岗位职责、工作内容 …), requirements
(任职要求、岗位要求 …; 加分项 and lines ending in 优先 are marked preferred) and
dropped lines, each dropped line with the reason (company introduction, pay and
benefits, contact, web navigation …). Without headings, or under one heading for
both (职位描述及要求), each line is sorted by what it says: doing (负责、参与 …) is a
duty, having (…以上学历、熟悉 …) a requirement. The vocabulary lives in
``data/lexicon/postings.yaml``.

Ids are made from titles when not given: known words become English
(``后端开发工程师`` -> ``backend-developer-engineer``) and, where Chinese is left
over, a six-digit hash of the title follows (``wealth-manager-3f2a1c``), so the
same title always gives the same ASCII id; repeats get ``-2``, ``-3`` ….
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from rolematch.documents import Role
from rolematch.exceptions import RoleSpecError

__all__ = [
    "EXPORT_SUFFIXES",
    "POSTING_SUFFIXES",
    "Dropped",
    "Item",
    "Posting",
    "assign_ids",
    "html_lines",
    "parse_posting_text",
    "read_postings",
    "report",
    "roles_from_postings",
    "slug",
]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
EXPORT_SUFFIXES = (".csv", ".jsonl", ".json", ".xlsx")
POSTING_SUFFIXES = TEXT_SUFFIXES + EXPORT_SUFFIXES
TITLE_FIELDS = ("title", "job_title", "jobTitle", "name", "position", "职位名称", "岗位名称")
TEXT_FIELDS = ("text", "description", "jd", "content", "job_description", "职位描述", "岗位描述")


@dataclass(frozen=True)
class Item:
    """One duty or requirement: its text, the source line, whether it is only preferred."""

    text: str
    line: int
    preferred: bool = False


@dataclass(frozen=True)
class Dropped:
    """A line that is not a duty or requirement, and why it was left out."""

    line: int
    text: str
    reason: str


@dataclass
class Posting:
    """What one posting yielded.

    Attributes
    ----------
    title : str
    duties, requirements : list of Item
    kpis : list of str
    dropped : list of Dropped
        Every non-empty line that went to no list, with the reason.
    source : str
        File (and row, for exports) the posting came from.
    line : int
        Line (or row) where the posting starts.
    id : str
        Role id: given, or made from the title (see the module docstring).
    department : str
    """

    title: str = ""
    duties: list[Item] = field(default_factory=list)
    requirements: list[Item] = field(default_factory=list)
    kpis: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    source: str = ""
    line: int = 1
    id: str = ""
    department: str = ""

    def to_role(self) -> Role:
        """The validated :class:`Role` (duties may be empty; requirements then carry it)."""
        from rolematch.io.roles import majors_from_requirements, role_from_dict

        reqs = [r.text for r in self.requirements]
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "department": self.department,
            "duties": [d.text for d in self.duties],
            "requirements": reqs,
            "kpis": list(self.kpis),
            "majors": majors_from_requirements(reqs),
        }
        preferred = [r.text for r in self.requirements if r.preferred]
        if preferred:
            data["preferred"] = preferred
        return role_from_dict(data, source=self.source or None)

    def report(self) -> str:
        """Human-readable account of the parse, for ``roles import --dry-run``.

        Examples
        --------
        >>> p = parse_posting_text("职位名称：客服专员\\n岗位职责：\\n1、接听客户来电\\n"
        ...                        "任职要求：\\n1、大专及以上学历\\n联系电话：138****0000")[0]
        >>> print(p.report())  # doctest: +NORMALIZE_WHITESPACE
        customer-service-specialist  客服专员  (line 1)
          duties (1):
            - 接听客户来电  [line 3]
          requirements (1):
            - 大专及以上学历  [line 5]
          dropped (1):
            line 6: 联系电话：138****0000  -- contact
        """
        out = [f"{self.id}  {self.title}  ({self._where()})"]
        out.append(f"  duties ({len(self.duties)}):")
        out += [f"    - {d.text}  [line {d.line}]" for d in self.duties]
        if not self.duties:
            out.append("    (none: requirements only)")
        out.append(f"  requirements ({len(self.requirements)}):")
        out += [
            f"    - {'[preferred] ' if r.preferred else ''}{r.text}  [line {r.line}]"
            for r in self.requirements
        ]
        if self.kpis:
            out.append(f"  kpis ({len(self.kpis)}): " + "；".join(self.kpis))
        out.append(f"  dropped ({len(self.dropped)}):")
        out += [f"    line {d.line}: {_clip(d.text)}  -- {d.reason}" for d in self.dropped]
        return "\n".join(out)

    def _where(self) -> str:
        return f"{self.source}, line {self.line}" if self.source else f"line {self.line}"


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# ---------------------------------------------------------------------------
# vocabulary
@dataclass(frozen=True)
class _Lexicon:
    headings: tuple[tuple[str, str, str], ...]  # (heading, kind, reason for noise)
    title_fields: re.Pattern[str]
    title_words: re.Pattern[str]
    noise: tuple[tuple[str, re.Pattern[str]], ...]
    doing_start: re.Pattern[str]
    having_start: re.Pattern[str]
    having_anywhere: re.Pattern[str]
    doing_anywhere: re.Pattern[str]
    id_words: tuple[tuple[str, str], ...]


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def _lexicon(path: str | None = None) -> _Lexicon:
    from rolematch._resources import data_dir, load_yaml

    file = Path(path) if path else data_dir() / "lexicon" / "postings.yaml"
    data = load_yaml(file.read_text(encoding="utf-8"))
    heads: list[tuple[str, str, str]] = []
    for kind, words in data["headings"].items():
        if isinstance(words, Mapping):
            heads += [(_fold(w).lower(), kind, str(reason)) for w, reason in words.items()]
        else:
            heads += [(_fold(w).lower(), kind, "") for w in words]
    heads.sort(key=lambda h: len(h[0]), reverse=True)
    noise = tuple(
        (str(reason), re.compile("|".join(f"(?:{p})" for p in patterns), re.I))
        for reason, patterns in data["noise"].items()
    )
    id_words = sorted(
        ((_fold(k), str(v)) for k, v in data["id_words"].items()), key=lambda kv: -len(kv[0])
    )
    return _Lexicon(
        headings=tuple(heads),
        title_fields=re.compile(
            rf"^(?:(?:{_alternation(map(_fold, data['title_fields']))})\s*[:：]"
            rf"|(?:{_alternation(w for w in map(_fold, data['title_fields']) if len(w) >= 4)})\s)"
            r"\s*(\S.*)$",
            re.I,
        ),
        title_words=re.compile(_alternation(data["title_words"])),
        noise=noise,
        doing_start=re.compile(rf"^(?:{_alternation(data['doing_start'])})"),
        having_start=re.compile(rf"^(?:{_alternation(data['having_start'])})"),
        having_anywhere=re.compile("|".join(f"(?:{p})" for p in data["having_anywhere"])),
        doing_anywhere=re.compile(_alternation(data["doing_anywhere"])),
        id_words=tuple(id_words),
    )


def _fold(text: str) -> str:
    """NFKC (full-width letters, digits, colons and brackets folded), trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


# ---------------------------------------------------------------------------
# line shapes
_MD_MARKS = re.compile(r"^\s*(?:#{1,6}\s*|>\s*)?(?:\*\*|__)?\s*|(?:\*\*|__)\s*$")
_BRACKETS = re.compile(r"^[【\[〔]\s*(.+?)\s*[】\]〕]\s*(.*)$")
# outline numbering: 1、 1. 1) (1) ① 一、 a) and bullets - • * · ▪ ●
_NUMBER = re.compile(
    r"^\s*(?:"
    r"[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[)）](?!\d)|\d{1,2}\s*、|\d{1,2}\s*[.．](?!\d)|"
    r"[(（]\s*[一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|"
    r"[①-⑳]|[a-hA-H]\s*[).、）](?![a-zA-Z])|[(（]\s*[a-hA-H]\s*[)）]"
    r")\s*"
)
_BULLET = re.compile(r"^\s*(?:[-•*·▪●◆◇■□○◦►▶✓✔]|\\-)\s*")
_CN_OUTLINE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十]+\s*[)）])\s*"
)
_DOT_DIGIT = re.compile(r"^(\d{1,2})\s*[.．](?=\d)")
_END = "。；;！!？?"
_SEPARATOR = re.compile(r"^\s*(?:[-=_*~—─]\s*){3,}$")
_ROLE_HEAD = re.compile(r"^岗位\s*(\d+)\s*[:：]\s*(.+?)\s*$")
_DEPT = re.compile(r"^\s*(\S+?部)(?:选聘|招聘|公开|$)")
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


def _strip_md(line: str) -> str:
    s = _MD_MARKS.sub("", line).strip()
    return s[_symbols(s) :].strip()


def _marker(line: str) -> tuple[str, bool]:
    """(line without its numbering or bullet, whether it had one)."""
    line = line.strip()
    if (k := _symbols(line)) and k < len(line):
        return line[k:].strip(), True  # an emoji bullet
    m = _NUMBER.match(line) or _BULLET.match(line)
    if m and m.end() < len(line):
        return line[m.end() :].strip(), True
    return line.strip(), False


def _heading(line: str, lex: _Lexicon) -> tuple[str, str, str, str] | None:
    """(heading, kind, noise reason, text after the colon) when the line is a heading."""
    original = _heading_shape(_strip_md(line))
    s = _heading_shape(_fold(_strip_md(line)))
    low = s.lower()
    for head, kind, reason in lex.headings:
        if not low.startswith(head):
            continue
        m = _HEADING_TAIL.match(s[len(head) :])
        if m is None:
            continue
        rest = (m.group(1) or "").strip()
        if rest and len(original) == len(s):  # the text as written, not NFKC-folded
            rest = original[len(original) - len(rest) :].strip()
        return head, kind, reason, rest
    return None


def _heading_shape(s: str) -> str:
    s = re.sub(r"\*\*|__", "", s).strip()
    if b := _BRACKETS.match(s):
        s = b.group(1) + (("：" + b.group(2)) if b.group(2) else "")
    s = _CN_OUTLINE.sub("", s)
    return re.sub(r"^\d{1,2}\s*[、.．]\s*(?=\D)", "", s) if len(s) <= 12 else s


def _title_like(text: str, lex: _Lexicon) -> bool:
    s = _fold(_clean_title(_strip_md(text)))
    return (
        2 <= len(s) <= 30
        and not any(c in s for c in "。；;，,：:")
        and bool(lex.title_words.search(s))
        and not lex.doing_start.match(s)
    )


def _noise_reason(text: str, lex: _Lexicon) -> str | None:
    s = _fold(text)
    for reason, pattern in lex.noise:
        if pattern.search(s):
            return reason
    return None


def _kind_by_content(text: str, lex: _Lexicon) -> str | None:
    s = _fold(text)
    if lex.having_start.match(s):
        return "requirements"
    if lex.doing_start.match(s):
        return "duties"
    if lex.having_anywhere.search(s):
        return "requirements"
    if lex.doing_anywhere.search(s):
        return "duties"
    return None


_PREFERRED_END = re.compile(r"(?:优先|加分|优先考虑)[。.；;！!]?\s*$")


# ---------------------------------------------------------------------------
# splitting glued text (exports put a whole posting on one line)
def _unglue(line: str, lex: _Lexicon) -> list[str]:
    """Split a line that holds headings and numbered items run together."""
    if len(line) < 8:
        return [line]
    heads = _alternation(re.escape(h) for h, kind, _ in lex.headings if len(h) >= 4)
    short = _alternation(re.escape(h) for h, kind, _ in lex.headings if len(h) < 4)
    s = re.sub(rf"(?<=[。；;！!？?\s])((?:{heads})\s*[:：])", r"\n\1", line)
    # 要求：after a sentence end (not after a space: "岗位 要求" is no heading)
    s = re.sub(rf"(?<=[。；;！!？?])((?:{short})\s*[:：])", r"\n\1", s)
    # inline numbering "…。2、负责…" or "… 2.负责…" (not 1.5年, not 3.0版)
    s = re.sub(
        r"(?<=[。；;！!？?\s:：])\s*(\d{1,2}\s*[、)）]|\d{1,2}\s*[.．](?!\d)|[①-⑳])", r"\n\1", s
    )
    # a sentence end, a space, more text: the lines a job board ran together
    s = re.sub(r"(?<=[。；;！!？?])\s+(?=\S)", "\n", s)
    s = re.sub(r"\s+(?=[\u4e00-\u9fff]{2,6}[:：])", "\n", s)
    return [p for p in s.split("\n") if p.strip()]


def _split_semicolons(text: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"[；;]", text)]
    parts = [p for p in parts if p]
    if len(parts) > 1 and all(len(p) >= 4 for p in parts):
        return [p if p.endswith(("。", ".")) else p for p in parts]
    return [text]


# ---------------------------------------------------------------------------
# the parser
@dataclass
class _Line:
    text: str
    no: int
    drop: str | None = None  # forced reason (e.g. inside <nav>)
    heading_level: int = 0  # HTML/markdown heading level, 0 for body text


def _numbered_lines(text: str) -> list[_Line]:
    out = []
    for no, raw in enumerate(text.splitlines(), start=1):
        level = 0
        if m := re.match(r"^\s*(#{1,6})", raw):
            level = len(m.group(1))
        out.append(_Line(raw, no, heading_level=level))
    return out


def parse_posting_text(
    text: str | Sequence[_Line],
    *,
    source: str = "",
    title: str | None = None,
    lexicon: str | Path | None = None,
) -> list[Posting]:
    """Split a text into postings and sort each posting's lines.

    Parameters
    ----------
    text : str
        The posting text (markdown marks are understood).
    source : str
        File name for reports and errors.
    title : str, optional
        The title when it is known from elsewhere (an export's title field); the
        whole text is then one posting.
    lexicon : path, optional
        Another vocabulary file in the format of ``data/lexicon/postings.yaml``.

    Returns
    -------
    list of Posting
        Ids made from the titles (:func:`read_postings` makes them unique across
        files).

    Examples
    --------
    >>> p = parse_posting_text('''招聘岗位：Java后端开发工程师
    ... 工作职责：
    ... 1. 负责交易系统后端服务开发；
    ... 2. 参与系统架构设计
    ... 任职资格：本科及以上学历；3年以上Java开发经验
    ... 加分项：有金融行业经验
    ... 薪资：15k-25k''')[0]
    >>> p.title, [d.text for d in p.duties]
    ('Java后端开发工程师', ['负责交易系统后端服务开发；', '参与系统架构设计'])
    >>> [(r.text, r.preferred) for r in p.requirements]
    [('本科及以上学历', False), ('3年以上Java开发经验', False), ('有金融行业经验', True)]
    >>> [(d.text, d.reason) for d in p.dropped]
    [('薪资：15k-25k', 'pay and benefits')]
    """
    lex = _lexicon(None if lexicon is None else str(lexicon))
    lines = _numbered_lines(text) if isinstance(text, str) else list(text)
    postings = _Parser(lex, source, title).run(lines)
    for p in postings:
        p.id = slug(p.title) if p.title else ""
    return postings


class _Parser:
    def __init__(self, lex: _Lexicon, source: str, title: str | None) -> None:
        self.lex = lex
        self.source = source
        self.fixed_title = title
        self.postings: list[Posting] = []
        self.cur: Posting | None = None
        self.section: str | None = None  # duties/requirements/preferred/mixed/kpis/noise
        self.noise_reason = ""
        self.last: tuple[str, int] | None = None  # (list name, index) of the open item
        self.last_numbered = False
        self.seen_numbered = False
        self.pending: list[Dropped] = []  # lines before the first posting
        self.department = ""
        self.title_level = 0
        self.lines: list[_Line] = []
        self.i = 0
        self.last_num = 0  # number of the last numbered item of the section

    # -- postings
    def _start(self, title: str, no: int, level: int = 0) -> Posting:
        p = Posting(title=title, source=self.source, line=no, department=self.department)
        if not self.postings:
            p.dropped.extend(self.pending)
            self.pending = []
        self.postings.append(p)
        self.cur = p
        self.section = None
        self.last = None
        self.title_level = level
        return p

    def _posting(self, no: int) -> Posting:
        if self.cur is None:
            return self._start(self.fixed_title or "", no)
        return self.cur

    def _drop(self, ln: _Line, reason: str) -> None:
        text = ln.text.strip()
        d = Dropped(ln.no, text, reason)
        if self.cur is None:
            self.pending.append(d)
        else:
            self.cur.dropped.append(d)
        self.last = None

    # -- lines
    def run(self, lines: Sequence[_Line]) -> list[Posting]:
        self.lines = [
            _Line(part, ln.no, ln.drop, ln.heading_level)
            for ln in lines
            for part in _unglue(ln.text.strip(), self.lex)
        ]
        for i, ln in enumerate(self.lines):
            self.i = i
            self._feed_one(ln)
        return self.finish()

    def _feed_one(self, ln: _Line) -> None:
        raw = ln.text.strip()
        if raw and _SEPARATOR.match(raw):
            self.last = None
            return
        if not re.search(r"\w", raw):
            return
        if ln.drop:
            self._drop(ln, ln.drop)
            return
        lex = self.lex
        plain = _strip_md(raw)
        folded = _fold(plain)
        # 岗位1：title (the bank's own format)
        if (m := _ROLE_HEAD.match(folded)) and self.fixed_title is None:
            self._start(m.group(2).strip(), ln.no)
            return
        if head := _heading(raw, lex):
            self._heading(ln, *head)
            return
        unnumbered = _CN_OUTLINE.sub("", plain)
        if self.fixed_title is None and lex.title_fields.match(_fold(unnumbered)):
            label_text = re.sub(r"\*\*|__", "", unnumbered).strip()
            sep = r"[:：]" if re.search(r"[:：]", label_text) else r"\s+"
            after = re.split(sep, label_text, maxsplit=1)[-1]
            value = re.split(r"\s{2,}|[|｜]", after.strip())[0].strip()
            if self.cur is None or self._has_items() or self.cur.title:
                self._start(value, ln.no, ln.heading_level)
            else:
                self.cur.title, self.cur.line = value, ln.no
            return
        if self.cur is None and not self.department and (d := _DEPT.match(folded)):
            self.department = d.group(1)
            self._drop(ln, "posting header")
            return
        # a markdown/HTML heading or a title-like line opens a posting
        if self.fixed_title is None and self._opens_posting(ln, plain):
            if self.cur is not None and not self._has_items() and not self.cur.title:
                self.cur.title = _clean_title(plain)
                self.cur.line = ln.no
                self.title_level = ln.heading_level
            else:
                self._start(_clean_title(plain), ln.no, ln.heading_level)
            return
        if reason := _noise_reason(plain, lex):
            self._drop(ln, reason)
            return
        if self.section == "noise":
            self._drop(ln, self.noise_reason)
            return
        self._content(ln, plain)

    def _has_items(self) -> bool:
        p = self.cur
        return p is not None and bool(p.duties or p.requirements)

    def _opens_posting(self, ln: _Line, plain: str) -> bool:
        if _marker(plain)[1] or not _title_like(plain, self.lex):
            return False
        if self.cur is None or (not self.cur.title and not self._has_items()):
            return True
        if not self._has_items():
            return False
        if self._heading_follows():
            return True
        if self.i > 0 and not self.lines[self.i - 1].text.strip() and self._content_follows():
            return True  # a blank line, then a title, then its list: the next posting
        return ln.heading_level > 0 and ln.heading_level <= (self.title_level or 6)

    def _content_follows(self) -> bool:
        nxt = next((ln for ln in self.lines[self.i + 1 :] if ln.text.strip()), None)
        return nxt is not None and _kind_by_content(_marker(nxt.text)[0], self.lex) is not None

    def _heading_follows(self, window: int = 3) -> bool:
        """Whether a duty/requirement heading or a title field comes within a few lines."""
        seen = 0
        for nxt in self.lines[self.i + 1 :]:
            if not nxt.text.strip() or nxt.drop:
                continue
            head = _heading(nxt.text, self.lex)
            if head and head[1] != "noise":
                return True
            if self.lex.title_fields.match(_fold(_strip_md(nxt.text))):
                return True
            seen += 1
            if seen >= window:
                return False
        return False

    def _heading(self, ln: _Line, head: str, kind: str, reason: str, rest: str) -> None:
        p = self._posting(ln.no)
        self.section = kind
        self.noise_reason = reason
        self.last = None
        self.seen_numbered = False
        self.last_num = 0
        if kind == "noise":
            p.dropped.append(Dropped(ln.no, ln.text.strip(), reason))
            return
        if kind == "kpis":
            if rest:
                p.kpis.extend(k.strip(" 。.") for k in re.split(r"[；;]", rest) if k.strip(" 。."))
            return
        if rest:
            self._content(_Line(rest, ln.no), rest)

    def _content(self, ln: _Line, plain: str) -> None:
        p = self._posting(ln.no)
        text, numbered = _marker(plain)
        if numbered and _DOT_DIGIT.match(plain.strip()) is None and not _NUMBER.match(plain):
            self.last_num = 0  # a bullet: numbering starts afresh
        text = re.sub(r"\*\*|__", "", text).strip()
        if not text:
            return
        if numbered and _CN_OUTLINE.match(plain) and len(text) <= 12 and self.section is None:
            # 一、公司介绍 style outline heading that is not in the vocabulary
            self._drop(ln, "unrecognised heading")
            return
        if not numbered and (m := _DOT_DIGIT.match(text)) and int(m.group(1)) == self.last_num + 1:
            # "2.3年以上经验" after item 1: the item number, then a figure
            text, numbered = text[m.end() :].strip(), True
        # a wrapped line continues the open item
        if (
            not numbered
            and not ln.heading_level
            and self.last is not None
            and self.seen_numbered
            and not _ends_item(self._last_text())
            and self.section != "kpis"
        ):
            self._append_to_last(text)
            return
        if numbered:
            self.seen_numbered = True
            n = re.match(r"^\s*[(（]?\s*(\d{1,2})", plain)
            self.last_num = int(n.group(1)) if n else self.last_num
        if self.section == "kpis" or (kpi := re.match(r"^主要任务指标\s*[:：]\s*(.*)$", text)):
            body = kpi.group(1) if self.section != "kpis" and kpi else text
            p.kpis.extend(k.strip(" 。.") for k in re.split(r"[；;]", body) if k.strip(" 。."))
            self.last = None
            return
        if self.section is None and not self._can_be_content(text):
            self._drop(ln, "before any duty or requirement heading")
            return
        if not numbered and self.seen_numbered and not self._can_be_content(text):
            # a stray line after a numbered list (a sidebar, a footer)
            self._drop(ln, "after the list, not an item")
            return
        parts = [text] if numbered and self.section in ("duties", "requirements") else None
        for part in parts or _split_semicolons(text):
            self._add(p, part, ln.no)

    def _can_be_content(self, text: str) -> bool:
        # without headings, a line counts only if it reads as a duty or requirement
        return _kind_by_content(text, self.lex) is not None

    def _add(self, p: Posting, text: str, no: int) -> None:
        section = self.section
        kind: str
        preferred = False
        if section in (None, "mixed"):
            kind = _kind_by_content(text, self.lex) or "requirements"
        elif section == "preferred":
            kind, preferred = "requirements", True
        else:
            kind = section
        if kind == "requirements" and _PREFERRED_END.search(text):
            preferred = True
        target = p.duties if kind == "duties" else p.requirements
        target.append(Item(text, no, preferred))
        self.last = (kind, len(target) - 1)

    def _last_text(self) -> str:
        assert self.cur is not None and self.last is not None
        kind, i = self.last
        return (self.cur.duties if kind == "duties" else self.cur.requirements)[i].text

    def _append_to_last(self, text: str) -> None:
        assert self.cur is not None and self.last is not None
        kind, i = self.last
        target = self.cur.duties if kind == "duties" else self.cur.requirements
        old = target[i]
        joiner = " " if old.text[-1:].isascii() and text[:1].isascii() else ""
        target[i] = Item(old.text + joiner + text, old.line, old.preferred)

    def finish(self) -> list[Posting]:
        if not self.postings:
            p = self._start(self.fixed_title or "", 1)
            p.dropped.extend(self.pending)
        out = []
        for p in self.postings:
            if self.fixed_title is not None and not p.title:
                p.title = self.fixed_title
            if p.duties or p.requirements or p.title:
                # a mixed "职位描述" without a requirement heading: sort by content
                out.append(_resort(p, self.lex))
            else:
                out.append(p)
        return [p for p in out if p.duties or p.requirements] or out[:1]


def _ends_item(text: str) -> bool:
    return text.rstrip()[-1:] in _END


def _clean_title(text: str) -> str:
    s = re.sub(r"\*\*|__", "", text.strip())
    s = re.sub(r"\s*[|｜].*$", "", s)
    s = re.sub(r"^[【\[]\s*(?:急聘|急招|热招|高薪|诚聘|社招|校招|招聘|直招)\s*[】\]]\s*", "", s)
    # a pay range after the title: 储备店长 8000-12000元/月, 产品经理 15-25K
    s = re.sub(r"\s+\d[\d.]*\s*[-~至]\s*\d[\d.]*\s*(?:[kK千万]|元)\S*$", "", s)
    return s.strip(" -—:：")


def _resort(p: Posting, lex: _Lexicon) -> Posting:
    """A posting with duties but no requirement lines: its 职位描述 held both."""
    if p.requirements or not p.duties:
        return p
    duties, reqs = [], []
    for d in p.duties:
        kind = _kind_by_content(d.text, lex)
        if kind == "requirements" and not lex.doing_start.match(_fold(d.text)):
            reqs.append(Item(d.text, d.line, bool(_PREFERRED_END.search(d.text))))
        else:
            duties.append(d)
    p.duties, p.requirements = duties, reqs
    return p


# ---------------------------------------------------------------------------
# HTML
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article",
    "dt", "dd", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "nav",
    "aside", "main", "form", "title", "hr", "blockquote", "pre",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "svg", "head"}
_NAV = {"nav", "header", "footer", "aside", "form", "button", "menu"}


class _HtmlLines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[_Line] = []
        self.buf: list[str] = []
        self.start_line = 1
        self.skip = 0
        self.nav = 0
        self.heading = 0
        self.li = False
        self.title: str | None = None
        self.in_title = False

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.buf)).strip()
        self.buf = []
        if text:
            prefix = ("#" * self.heading + " ") if self.heading else ("- " if self.li else "")
            drop = "web navigation" if self.nav else None
            self.lines.append(_Line(prefix + text, self.start_line, drop, self.heading))
        self.li = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if tag == "title":
            self.in_title = True
            return
        cls = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role")).lower()
        is_nav = tag in _NAV or bool(
            re.search(r"\b(nav|menu|breadcrumb|footer|header|sidebar|share|recommend)", cls)
        )
        if tag in _BLOCK or is_nav:
            self._flush()
            self.start_line = self.getpos()[0]
        if is_nav:
            self.nav += 1
            # remember which tags opened a nav so that their end closes it
            self._nav_tags.append(tag)
        if tag in ("td", "th") and "".join(self.buf).strip():
            self.buf.append(" ")  # cells of a row stay on one line: 岗位名称 理财经理
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading = int(tag[1])
        if tag == "li":
            self.li = True

    _nav_tags: list[str]

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag == "title":
            self.in_title = False
            return
        if tag in _BLOCK or (self._nav_tags and tag == self._nav_tags[-1]):
            self._flush()
            self.start_line = self.getpos()[0]
        if tag.startswith("h") and tag[1:].isdigit():
            self.heading = 0
        if self._nav_tags and tag == self._nav_tags[-1]:
            self._nav_tags.pop()
            self.nav = max(0, self.nav - 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr"):
            self._flush()
            self.start_line = self.getpos()[0]

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.in_title:
            self.title = (self.title or "") + data.strip()
            return
        if not "".join(self.buf).strip():
            self.start_line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        self.buf.append(data)


def html_lines(text: str) -> list[_Line]:
    """Lines of an HTML page or fragment: block elements and ``<br>`` end lines;
    headings become markdown headings, ``<li>`` a bullet; lines inside ``<nav>``,
    ``<header>``, ``<footer>`` (or elements classed as menus) are marked as
    navigation. Each line keeps its source line number.

    Examples
    --------
    >>> [(ln.no, ln.text) for ln in html_lines("<h2>客服专员</h2><p>岗位职责：<br>1、接听来电</p>")]
    [(1, '## 客服专员'), (1, '岗位职责：'), (1, '1、接听来电')]
    """
    parser = _HtmlLines()
    parser._nav_tags = []
    parser.feed(text)
    parser.close()
    parser._flush()
    return parser.lines


def _looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(?:br|p|div|li|ul|h[1-6]|span|strong|b)\b[^>]*>", text, re.I))


# ---------------------------------------------------------------------------
# files
def _read_text_file(path: Path) -> str:
    from rolematch.io._txt import decode_text

    data = path.read_bytes()
    if not data.strip():
        raise RoleSpecError("the file is empty", path=path)
    try:
        return decode_text(data, path)[0]
    except Exception as e:  # ExtractionError: binary or undecodable
        raise RoleSpecError(f"cannot read the file as text: {e}", path=path) from e


def _document_lines(path: Path) -> list[_Line]:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from rolematch.exceptions import ExtractionError
        from rolematch.io._docx import read_docx

        try:
            text = read_docx(path.read_bytes(), path)[0]
        except ExtractionError as e:
            raise RoleSpecError(f"cannot read the Word file: {e}", path=path) from e
        return _numbered_lines(text)
    if suffix == ".pdf":
        from rolematch.exceptions import ExtractionError
        from rolematch.io.extract import pdf_pages

        try:
            pdf = pdf_pages(path)
        except ExtractionError as e:
            raise RoleSpecError(f"cannot read the PDF: {e}", path=path) from e
        if not any(pg.text.strip() for pg in pdf.pages):
            raise RoleSpecError("the PDF has no text layer (scanned?)", path=path)
        return _numbered_lines("\n".join(pg.text for pg in pdf.pages))
    text = _read_text_file(path)
    if suffix in (".html", ".htm") or (suffix == ".txt" and _looks_like_html(text[:2000])):
        return html_lines(text)
    return _numbered_lines(text)


def _records(path: Path) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """(line or row number, record) of an export."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        yield from _xlsx_records(path)
        return
    text = _read_text_file(path)
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames:
            raise RoleSpecError("the CSV file has no header row", path=path)
        for row in reader:
            yield reader.line_num, row
        return
    if suffix == ".jsonl":
        for no, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as e:
                raise RoleSpecError(f"line {no}: not valid JSON: {e.msg}", path=path) from e
            if not isinstance(rec, Mapping):
                raise RoleSpecError(
                    f"line {no}: expected a JSON object, got {type(rec).__name__}", path=path
                )
            yield no, rec
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise RoleSpecError(f"line {e.lineno}: not valid JSON: {e.msg}", path=path) from e
    if isinstance(data, Mapping):
        lists = [v for v in data.values() if isinstance(v, list)]
        data = lists[0] if len(lists) == 1 and not _has_any(data, TEXT_FIELDS) else [data]
    if not isinstance(data, list):
        raise RoleSpecError(f"expected a list of job objects, got {type(data).__name__}", path=path)
    for i, rec in enumerate(data, start=1):
        if not isinstance(rec, Mapping):
            raise RoleSpecError(
                f"record {i}: expected a JSON object, got {type(rec).__name__}", path=path
            )
        yield i, rec


def _xlsx_records(path: Path) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """Rows of the first sheet of an Excel export, keyed by the header row."""
    from rolematch._optional import import_optional

    openpyxl = import_optional("openpyxl", extra="excel")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds on a bad file
        raise RoleSpecError(
            f"cannot read the Excel file: {type(e).__name__}: {e}", path=path
        ) from e
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        if not header or not any(header):
            raise RoleSpecError("the Excel sheet has no header row", path=path)
        names = ["" if h is None else str(h).strip() for h in header]
        for no, row in enumerate(rows, start=2):
            if row and any(v not in (None, "") for v in row):
                cells = zip(names, row, strict=False)  # short rows: trailing cells empty
                yield no, {n: ("" if v is None else str(v)) for n, v in cells if n}
    finally:
        book.close()


def _has_any(rec: Mapping[str, Any], names: Sequence[str]) -> bool:
    return any(n in rec for n in names)


def _pick(
    rec: Mapping[str, Any],
    given: str | None,
    defaults: Sequence[str],
    what: str,
    where: str,
    path: Path,
) -> list[str]:
    if given:
        names = [f.strip() for f in given.split(",") if f.strip()]
        for f in names:
            if f not in rec:
                raise RoleSpecError(
                    f"{where}: no such field (the {what} field); fields here: {sorted(rec)}",
                    path=path,
                    field=f,
                )
        return names
    for name in defaults:
        if name in rec:
            return [name]
    raise RoleSpecError(
        f"{where}: no {what} field found; name it with --{what}-field (fields here: {sorted(rec)})",
        path=path,
        field=f"{what}_field",
    )


def _export_postings(
    path: Path,
    title_field: str | None,
    text_field: str | None,
    id_field: str | None,
    lexicon: str | Path | None,
) -> list[Posting]:
    unit = {".csv": "line", ".jsonl": "line", ".xlsx": "row"}.get(path.suffix.lower(), "record")
    postings = []
    for no, rec in _records(path):
        where = f"{unit} {no}"
        tf = _pick(rec, title_field, TITLE_FIELDS, "title", where, path)
        xf = _pick(rec, text_field, TEXT_FIELDS, "text", where, path)
        if id_field:
            _pick(rec, id_field, (), "id", where, path)
        title = " ".join(str(rec[f] or "").strip() for f in tf).strip()
        if not title:
            raise RoleSpecError(f"{where}: the title is empty", path=path, field=tf[0])
        body = "\n".join(str(rec[f] or "") for f in xf)
        if not body.strip():
            raise RoleSpecError(f"{where}: the posting text is empty", path=path, field=xf[0])
        lines = html_lines(body) if _looks_like_html(body) else _numbered_lines(body)
        # keep the file's own numbering: line n of the record's text is reported as row:n
        found = parse_posting_text(lines, source=f"{path}:{no}", title=title, lexicon=lexicon)
        p = found[0]
        if len(found) > 1:  # an export record is one posting
            for extra in found[1:]:
                p.duties += extra.duties
                p.requirements += extra.requirements
                p.dropped += extra.dropped
        p.title, p.line = title, no
        if id_field:
            p.id = str(rec[id_field] or "").strip()
        postings.append(p)
    if not postings:
        raise RoleSpecError("the export holds no records", path=path)
    return postings


def read_postings(
    paths: str | Path | Iterable[str | Path],
    *,
    ids: Sequence[str] | None = None,
    title_field: str | None = None,
    text_field: str | None = None,
    id_field: str | None = None,
    lexicon: str | Path | None = None,
) -> list[Posting]:
    """Read postings from files or folders of them, in file-name order.

    Parameters
    ----------
    paths : path or list of paths
        Posting files (``.txt``, ``.md``, ``.html``, ``.htm``, ``.docx``, ``.pdf``,
        ``.csv``, ``.jsonl``, ``.json``) or folders holding them.
    ids : list of str, optional
        Role ids, one per posting in reading order; default: made from the titles.
    title_field, text_field, id_field : str, optional
        Field names of job-board exports (several text fields: comma-separated,
        joined in that order). Default: the first present of ``title``,
        ``job_title``, ``职位名称`` … and ``text``, ``description``, ``职位描述`` ….
    lexicon : path, optional
        Another vocabulary file (``data/lexicon/postings.yaml`` format).

    Returns
    -------
    list of Posting
        With ids set (unique, ASCII).

    Raises
    ------
    RoleSpecError
        An unreadable file, an export record without the mapped fields (the error
        names the file, line and field), a posting with no duty or requirement, or
        ids that do not fit.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.suffix.lower() in POSTING_SUFFIXES)
            if not found:
                raise RoleSpecError(
                    f"no posting files ({', '.join(POSTING_SUFFIXES)}) in this folder", path=p
                )
            files.extend(found)
        elif p.is_file():
            if p.suffix.lower() not in POSTING_SUFFIXES:
                raise RoleSpecError(
                    f"unsupported posting file type {p.suffix!r}; expected one of "
                    f"{list(POSTING_SUFFIXES)}",
                    path=p,
                )
            files.append(p)
        else:
            raise RoleSpecError("no such file or folder", path=p)
    postings: list[Posting] = []
    for f in files:
        got: list[Posting]
        if f.suffix.lower() in EXPORT_SUFFIXES:
            got = _export_postings(f, title_field, text_field, id_field, lexicon)
        else:
            got = parse_posting_text(_document_lines(f), source=str(f), lexicon=lexicon)
            for post in got:
                if not post.title:
                    post.title = f.stem
        for post in got:
            if not (post.duties or post.requirements):
                raise RoleSpecError(
                    f"line {post.line}: no duty or requirement found in posting {post.title!r}",
                    path=post.source or f,
                    field="requirements",
                )
        postings.extend(got)
    assign_ids(postings, ids)
    return postings


def assign_ids(postings: Sequence[Posting], ids: Sequence[str] | None = None) -> None:
    """Set ids: the given ones in order, else ones made from the titles, made unique."""
    if ids is not None:
        if len(ids) != len(postings):
            raise RoleSpecError(f"{len(ids)} ids given for {len(postings)} postings", field="id")
        for p, i in zip(postings, ids, strict=True):
            p.id = i
    seen: dict[str, int] = {}
    for p in postings:
        base = p.id or slug(p.title)
        n = seen.get(base, 0) + 1
        seen[base] = n
        p.id = base if n == 1 else f"{base}-{n}"
    ids_now = [p.id for p in postings]
    dup = sorted({i for i in ids_now if ids_now.count(i) > 1})
    if dup:
        raise RoleSpecError(f"duplicate ids {dup}", field="id")


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
    """
    lex = _lexicon(None)
    s = _fold(title).lower()
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
                words.extend(v.split("-"))
                i += len(k)
                break
        else:
            if "\u4e00" <= ch <= "\u9fff":
                leftover = True
            i += 1
    out: list[str] = []
    for w in words:
        if not out or out[-1] != w:
            out.append(w)
    base = "-".join(out)[:48].strip("-")
    if leftover or not base:
        digest = hashlib.sha1(_fold(title).encode("utf-8")).hexdigest()[:6]
        base = f"{base}-{digest}" if base else f"posting-{digest}"
    return base


def roles_from_postings(postings: Sequence[Posting]) -> list[Role]:
    """Each posting's :class:`Role`, validated."""
    return [p.to_role() for p in postings]


def report(postings: Sequence[Posting]) -> str:
    """The dry-run report of several postings."""
    return "\n\n".join(p.report() for p in postings)
