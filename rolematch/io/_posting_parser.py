"""The line sorter behind :func:`rolematch.io.postings.parse_posting_text`.

``LineSorter`` walks a posting file's lines once, opening a :class:`Posting`
(:mod:`rolematch.io._posting_model`) at each title, following the section headings and
sorting each line into duties, requirements or dropped lines by the vocabulary of
:mod:`rolematch.io.posting_lines`. :mod:`rolematch.io.postings` reads the files, makes
the ids and turns postings into roles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rolematch.io._posting_headings import ROLE_HEAD, heading_follows, numbered_post
from rolematch.io._posting_model import Dropped, Item, Posting
from rolematch.io.posting_lines import (
    CN_OUTLINE,
    DEPT,
    DOT_DIGIT,
    NUMBER,
    PREFERRED_END,
    SEPARATOR,
    Lexicon,
    benefit_work,
    clean_title,
    department_field,
    ends_item,
    fold,
    kind_by_content,
    match_heading,
    noise_reason,
    post_title_like,
    split_marker,
    split_semicolons,
    strip_md,
    summary_field,
    tag_line,
    title_like,
    unbracket,
    unglue,
)
from rolematch.io.posting_sources import PAGE_FURNITURE, Line
from rolematch.io.posting_tables import label_above_value

__all__ = ["Dropped", "Item", "LineSorter", "Posting"]  # the model re-exported


#: a short line ending in a colon: a heading, never an item
_LEAD_IN = re.compile(r"^[^:：。；;，,]{2,16}[:：]$")


#: an employer's name above a posting: 某某建设集团有限公司, Harbourline Bank Limited
EMPLOYER = re.compile(r"(?:公司|集团|银行|学校|大学|医院|Limited|Ltd\.?|Inc\.?|Group|Bank)$", re.I)


BEFORE_HEADING = "before any duty or requirement heading"

_LISTS = ("duties", "requirements", "preferred", "mixed")  # the sections of items
_OPENS = {"preferred": "preferred requirements", "mixed": "duties and requirements"}
_PAY = "pay and benefits"
_OTHER = "other jobs on the page"  # a board's list of other posts: their pay is no benefit


class LineSorter:
    """Sorts one file's lines into postings: ``LineSorter(lexicon, source, title).run(lines)``.

    One pass, with a look-ahead of a few lines where a line's role depends on what
    follows (a title is a title when a heading follows it).
    """

    def __init__(self, lex: Lexicon, source: str, title: str | None) -> None:
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
        self.lines: list[Line] = []
        self.i = 0
        self.last_num = 0  # number of the last numbered item of the section
        self.headed: set[int] = set()  # ids of the postings that had a section heading
        self.bare_titled: set[int] = set()  # … and of those opened by a bare title

    # -- postings
    def _start(self, title: str, no: int, level: int = 0) -> Posting:
        title = clean_title(title) if title else title  # 安全员（3名）: no headcount
        p = Posting(title=title, source=self.source, line=no, department=self.department)
        if not self.postings:
            p.dropped.extend(self.pending)
            self.pending = []
        elif self.cur is not None and not self.cur.title and not self._has_items():
            # an untitled start that held only dropped lines (a banner): they belong here
            p.dropped.extend(self.cur.dropped)
            self.cur.dropped = []
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

    def _drop(self, ln: Line, reason: str) -> None:
        text = ln.text.strip()
        d = Dropped(ln.no, text, reason)
        if self.cur is None:
            self.pending.append(d)
        else:
            self.cur.dropped.append(d)
        self.last = None

    # -- lines
    def run(self, lines: Sequence[Line]) -> list[Posting]:
        self.lines = [
            Line(part, ln.no, ln.drop, ln.heading_level)
            for ln in label_above_value(lines, self.lex)
            for part in unglue(ln.text.strip(), self.lex)
        ]
        for i, ln in enumerate(self.lines):
            self.i = i
            self._feed_one(ln)
        return self.finish()

    def _feed_one(self, ln: Line) -> None:
        raw = ln.text.strip()
        if raw and SEPARATOR.match(raw):
            # a rule (———, ---, the end of a table of posts) ends the list above it:
            # what follows is a heading, the next post, or a note; not more items
            self.last = None
            if self._has_items():
                self.section = None
            return
        if not re.search(r"\w", raw):
            return
        if ln.drop:
            # a page's number or header between the halves of an item leaves it open
            kept = self.last
            self._drop(ln, ln.drop)
            if ln.drop in PAGE_FURNITURE:
                self.last = kept
            return
        lex = self.lex
        plain = strip_md(raw)
        folded = fold(plain)
        # 岗位1：title (the bank's own format), 📌 岗位一：title
        # (【招聘岗位二】课程顾问 as 招聘岗位二：课程顾问)
        if (m := ROLE_HEAD.match(unbracket(folded))) and self.fixed_title is None:
            # the title as written (not NFKC, not Simplified)
            as_written = ROLE_HEAD.match(unbracket(plain))
            self._start((as_written or m).group("title").strip(), ln.no)
            return
        if head := match_heading(raw, lex):
            self._heading(ln, *head)
            return
        unnumbered = unbracket(CN_OUTLINE.sub("", plain))  # 【职位名称】X: 职位名称：X
        if self.fixed_title is None and lex.title_fields.match(fold(unnumbered)):
            label_text = re.sub(r"\*\*|__", "", unnumbered).strip()
            sep = r"[:：]" if re.search(r"[:：]", label_text) else r"\s+"
            after = re.split(sep, label_text, maxsplit=1)[-1]
            value = re.split(r"\s{2,}|[|｜]", after.strip())[0].strip()
            if self._title_translation(value):
                self._drop(ln, "the title in another language")  # Position: Sales Engineer
            elif self.cur is None or self._has_items() or self.cur.title:
                self._start(value, ln.no, ln.heading_level)
            else:
                self.cur.title, self.cur.line = clean_title(value), ln.no
            return
        if self.cur is None and not self.department and (d := DEPT.match(folded)):
            self.department = d.group(1)
            self._drop(ln, "posting header")
            return
        if dept := department_field(plain):  # 所属部门：X, the posting's; above a title, the next's
            if self.cur is not None and not (self._has_items() and self.cur.department):
                self.cur.department = dept
            else:
                self.department = dept
            self._drop(ln, noise_reason(plain, lex) or "department")
            return
        # a markdown/HTML heading or a title-like line opens a posting
        if self.fixed_title is None and self._opens_posting(ln, plain):
            title = clean_title(split_marker(plain)[0])  # （一）风险管理岗, 2. 安全员
            if self.cur is not None and not self._has_items() and not self.cur.title:
                self.cur.title = title
                self.cur.line = ln.no
                self.title_level = ln.heading_level
            else:
                self.bare_titled.add(id(self._start(title, ln.no, ln.heading_level)))
            return
        if (
            self.section == "mixed" or (self.section is None and not self._duty_heading_ahead())
        ) and self._paragraph(ln, plain):
            # (an introduction above the posts' own 岗位职责 says what the firm does: no duties)
            return
        if (reason := noise_reason(plain, lex)) and not (
            reason == _PAY and self.section in _LISTS and benefit_work(plain, lex)
        ):  # 负责五险一金的增减员 under 岗位职责: an item
            other = self.section == "noise" and self.noise_reason == _OTHER  # 高中数学老师 10-15K
            self._drop(ln, _OTHER if other else reason)
            if reason == "sign-off":  # 谢谢！: the mail's signature follows, no more items
                self.section, self.noise_reason = "noise", "after the sign-off"
            return
        if self.section == "noise":
            self._drop(ln, self.noise_reason)
            return
        self._content(ln, plain)

    def _has_items(self) -> bool:
        p = self.cur
        return p is not None and bool(p.duties or p.requirements)

    def _opens_posting(self, ln: Line, plain: str) -> bool:
        if noise_reason(plain, self.lex) in ("web navigation", "greeting"):
            # a breadcrumb (首页 > 社会招聘 > 仓储运营主管) ends in a title; a mail's
            # salutation (王顾问：) names one
            return False
        listed = self.section in ("duties", "requirements") and self._has_items()
        if listed and split_marker(ln.text)[1] and not NUMBER.match(plain):
            return False  # a bulleted line in a list: an item (▪ 熟悉测试流程…), not **2、…**
        if self._post_title_above_heading(plain):
            # 一、安全员（3名）, 2. 安全员 or a bare 安全员 right above its 岗位职责: a title
            # even without a title word, once the posting before has items
            no_posting = self.cur is None or (not self.cur.title and not self._has_items())
            return no_posting or self._has_items()
        if not title_like(plain, self.lex):
            return False
        if split_marker(plain)[1] and not (
            (CN_OUTLINE.match(plain) and self._heading_follows())
            or numbered_post(self.lines, self.i, self.lex)
        ):
            # a numbered line is an item, unless an announcement's outline numbers its
            # posts: （一）风险管理岗, then 1.岗位职责：…; 1、支付产品经理 over its 岗位职责
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

    def _post_title_above_heading(self, plain: str) -> bool:
        """Whether a short line (numbered or not) is followed by a duty or requirement
        heading, with at most a noise line (工作地点：…) between. Without a title word
        it takes a post's marks (一、, a headcount) or a posting before it that is
        complete, so that a last unpunctuated item (经验不限, CET-6) stays an item."""
        text = split_marker(plain)[0]
        if not post_title_like(text, self.lex):
            return False
        named = (
            title_like(text, self.lex)
            or bool(CN_OUTLINE.match(plain))
            or clean_title(text) != text.strip()  # 安全员（3名）
        )
        complete = self.cur is not None and bool(self.cur.duties and self.cur.requirements)
        # the file's first post: the line above its first heading, unless an employer
        first = (self.cur is None or not (self.cur.title or self._has_items())) and not (
            EMPLOYER.search(fold(text))
        )
        named = named or first
        if not (named or complete):
            return False
        skipped = 0
        for nxt in self.lines[self.i + 1 :]:
            raw = nxt.text.strip()
            if not raw or nxt.drop or SEPARATOR.match(raw):
                continue
            head = match_heading(raw, self.lex)
            if head and head[1] != "noise":
                # a post opens with its duties; with 任职要求 only when named, and
                # never right after a duty (the last, unpunctuated duty)
                return head[1] in ("duties", "mixed") or (named and self.section != "duties")
            if nxt.no == skipped:
                continue  # the rest of the noise line a job board ran together
            if skipped or not (head or noise_reason(strip_md(raw), self.lex)):
                return False
            skipped = nxt.no
        return False

    def _list_follows(self) -> bool:
        """Whether the next line is a numbered or bulleted duty or requirement."""
        nxt = self._next_line()
        if nxt is None or nxt.drop:
            return False
        text, numbered = split_marker(strip_md(nxt.text))
        return numbered and kind_by_content(text, self.lex) is not None

    def _next_line(self) -> Line | None:
        """The next line with text, or None at the end."""
        return next((ln for ln in self.lines[self.i + 1 :] if ln.text.strip()), None)

    def _sub_heading(self, plain: str) -> bool:
        """Whether an outline-numbered line (一、 （一）) is a short topic with items of
        another numbering (1. （1）) right below it."""
        text = split_marker(plain)[0]
        if not CN_OUTLINE.match(plain) or len(text) > 10 or not post_title_like(text, self.lex):
            return False
        nxt = self._next_line()
        if nxt is None or nxt.drop:
            return False
        below = strip_md(nxt.text)
        return split_marker(below)[1] and not CN_OUTLINE.match(below)

    def _content_follows(self) -> bool:
        nxt = self._next_line()
        return nxt is not None and kind_by_content(split_marker(nxt.text)[0], self.lex) is not None

    def _heading_follows(self, window: int = 3) -> bool:
        return heading_follows(self.lines, self.i, self.lex, window)

    def _heading(self, ln: Line, head: str, kind: str, reason: str, rest: str) -> None:
        p = self._posting(ln.no)
        if kind == "noise" and rest and self.section is None and self._list_follows():
            # 工作地点：江州市, then a numbered list of duties and requirements without a
            # heading: a field of the posting's header, not a section over the list
            p.dropped.append(Dropped(ln.no, ln.text.strip(), reason))
            self.last = None
            return
        self.section = kind
        self.headed.add(id(p))
        p.headed = p.headed or kind in (*_LISTS, "kpis")
        self.noise_reason = reason
        self.last = None
        self.seen_numbered = False
        self.last_num = 0
        if kind == "noise":
            p.dropped.append(Dropped(ln.no, ln.text.strip(), reason))
            return
        if not rest:  # a line that opens a list, and holds none of it
            p.headings.append(Dropped(ln.no, ln.text.strip(), _OPENS.get(kind, kind)))
        if kind == "kpis":
            if rest:
                p.kpis.extend(k.strip(" 。.") for k in re.split(r"[；;]", rest) if k.strip(" 。."))
            return
        if rest:
            self._content(Line(rest, ln.no), rest)

    def _content(self, ln: Line, plain: str) -> None:
        p = self._posting(ln.no)
        text, numbered = split_marker(plain)
        if numbered and DOT_DIGIT.match(plain.strip()) is None and not NUMBER.match(plain):
            self.last_num = 0  # a bullet: numbering starts afresh
        text = re.sub(r"\*\*|__", "", text).strip()
        if not text:
            return
        if numbered and CN_OUTLINE.match(plain) and len(text) <= 12 and self.section is None:
            # 一、公司介绍 style outline heading that is not in the vocabulary
            self._drop(ln, "unrecognised heading")
            return
        if numbered and self.section in ("duties", "requirements") and self._sub_heading(plain):
            # 一、客户营销 over 1.… 2.…: a group of the list, not one of its items
            self._drop(ln, "sub-heading")
            return
        if not numbered and (m := DOT_DIGIT.match(text)) and int(m.group(1)) == self.last_num + 1:
            # "2.3年以上经验" after item 1: the item number, then a figure
            text, numbered = text[m.end() :].strip(), True
        if self.section is None and summary_field(text):
            self._drop(ln, "job board summary")  # 3-5年, 大专: the page's facts, one a line
            return
        if not numbered and self.last is None and self.section == "duties" and tag_line(text):
            # a job board's keyword tags right under its 职位描述, above the duties
            self._drop(ln, "job board tags")
            return
        if not numbered and _LEAD_IN.match(text):
            # 我们希望你具备： a lead-in the vocabulary lacks; what follows keeps its section
            self._drop(ln, "unrecognised heading")
            return
        translation = self._translation(text)
        # a wrapped line continues the open item
        if (
            not translation
            and not numbered
            and not ln.heading_level
            and self.last is not None
            and self.seen_numbered
            and not ends_item(self._last_text())
            and self.section != "kpis"
            and not (self._unpunctuated_list() and self._can_be_content(text))
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
        if self.section is None and (
            not self._can_be_content(text) or (not numbered and self._duty_heading_ahead())
        ):
            # a banner, tags or intro above the posting's own 岗位职责 heading, or a
            # note below a rule that ended its lists
            after = self._has_items()
            self._drop(ln, "after the list, not an item" if after else BEFORE_HEADING)
            return
        if (
            not numbered
            and self.seen_numbered
            and not translation
            and not self._can_be_content(text)
        ):
            # a stray line after a numbered list (a sidebar, a footer)
            self._drop(ln, "after the list, not an item")
            return
        parts = [text] if numbered and self.section in ("duties", "requirements") else None
        for part in parts or split_semicolons(text):
            self._add(p, part, ln.no)

    def _paragraph(self, ln: Line, plain: str) -> bool:
        """A whole posting written as one paragraph (负责…，带领…，需大专以上学历，…，
        待遇面议): each clause sorted by what it says, noise dropped, a clause that
        says neither an item of the list the clause before it went to; a run-in 要求 (no
        colon) makes its clause a requirement. False (nothing done) when the line is no
        such paragraph."""
        if len(plain) < 50 or split_marker(plain)[1]:
            return False
        clauses = [c.strip() for c in re.split(r"(?<=[。；;，,！!？?])", plain) if c.strip()]
        # 要求持有电工证；… : a run-in 要求 without its colon heads the clause it starts
        asked = [bool(re.match(r"^(?:要求|需要|需)(?![求])", c)) for c in clauses]
        clauses = [
            re.sub(r"^(?:要求|需要|需)", "", c) if a else c
            for c, a in zip(clauses, asked, strict=True)
        ]
        kinds = [
            "requirements" if a else "noise" if self._clause_noise(c)
            else kind_by_content(c, self.lex)
            for c, a in zip(clauses, asked, strict=True)
        ]  # fmt: skip
        if len(clauses) < 4 or not {"duties", "requirements"} <= set(kinds):
            return False  # a company's introduction says no requirement
        p = self._posting(ln.no)
        joinable = False
        last_kind = None
        for clause, kind in zip(clauses, kinds, strict=True):
            text = clause.rstrip("，,")
            if kind is None and joinable and self.last is not None:
                kind = last_kind  # 配电房巡检及记录。, 视力良好：an item of the list it is in
            if kind in ("duties", "requirements"):
                self.section, kept = kind, self.section
                self._add(p, text, ln.no)
                self.section, joinable, last_kind = kept, True, kind
            else:
                why = noise_reason(text, self.lex) or "not a duty or requirement"
                p.dropped.append(Dropped(ln.no, text, why))
                joinable = False
        self.last = None
        return True

    def _clause_noise(self, clause: str) -> bool:
        """Whether a clause of a one-paragraph posting is noise (负责社保增减员 is not)."""
        reason = noise_reason(clause, self.lex)
        return bool(reason) and not (reason == _PAY and benefit_work(clause, self.lex))

    def _unpunctuated_list(self) -> bool:
        """Whether the open list's items (two or more) all end without a sentence
        mark: there a missing mark says nothing about a wrapped line."""
        if self.cur is None or self.last is None:
            return False
        kind = self.last[0]
        items = self.cur.duties if kind == "duties" else self.cur.requirements
        return len(items) >= 2 and not any(ends_item(i.text) for i in items)

    def _duty_heading_ahead(self) -> bool:
        """Whether the next duty/requirement heading is a duty one (岗位职责, 职位描述),
        so that nothing above it is a duty; a title ends the search once this
        posting has its own."""
        named = self.cur is not None and (bool(self.cur.title) or self._has_items())
        for k in range(self.i + 1, len(self.lines)):
            nxt = self.lines[k]
            if not nxt.text.strip() or nxt.drop:
                continue
            head = match_heading(nxt.text, self.lex)
            if head and head[1] != "noise":
                return head[1] in ("duties", "mixed")
            if named and self._starts_posting(k):
                return False
        return False

    def _starts_posting(self, k: int) -> bool:
        """Whether line ``k`` names a posting: 岗位1：…, 职位名称：…, or a bare title
        set off from the line above (a blank line, a rule, a heading's level); a
        title-like line in a run of short lines is a job board's tag (AB测试)."""
        ln = self.lines[k]
        plain = strip_md(ln.text)
        folded = fold(plain)
        if ROLE_HEAD.match(unbracket(folded)) or self.lex.title_fields.match(folded):
            return True
        above = self.lines[k - 1].text.strip() if k > 0 else ""
        set_off = not above or bool(SEPARATOR.match(above)) or ln.heading_level > 0
        return set_off and not split_marker(plain)[1] and title_like(plain, self.lex)

    def _title_translation(self, value: str) -> bool:
        """Whether a title field right under the posting's title gives it in the other
        language (职位：销售工程师, then Position: Sales Engineer)."""
        p, above = self.cur, self.lines[self.i - 1].no if self.i else -1
        return (
            p is not None
            and bool(p.title)
            and p.line == above
            and not self._has_items()
            and _english(value) != _english(p.title)
        )

    def _translation(self, text: str) -> bool:
        """Whether an unnumbered line is the item above in the other language (a
        posting written line by line in Chinese and English): an item of its own."""
        last = self._last_text() if self.last is not None else ""
        return bool(last) and _english(text) != _english(last) and len(text) >= 8

    def _can_be_content(self, text: str) -> bool:
        # without headings, a line counts only if it reads as a duty or requirement
        return kind_by_content(text, self.lex) is not None

    def _add(self, p: Posting, text: str, no: int) -> None:
        section = self.section
        kind: str
        preferred = False
        if section in (None, "mixed"):
            kind = kind_by_content(text, self.lex) or "requirements"
        elif section == "preferred":
            kind, preferred = "requirements", True
        else:
            kind = section
        if kind == "requirements" and PREFERRED_END.search(fold(text)):  # 優先考慮 too
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
            p.department_apart()  # 三、信息科技部 信息安全工程师
            if p.duties or p.requirements or p.title:
                # a mixed "职位描述" without a requirement heading: sort by content
                out.append(_resort(p, self.lex))
            else:
                out.append(p)
        out = self._merge_tag_titled(out)
        kept = [p for p in out if p.duties or p.requirements]
        if not kept:
            return out[:1]
        # a heading with nothing under it (an announcement's title, a banner) is no role;
        # its lines are reported with the next role's dropped ones, so --dry-run says
        # what became of every line
        carry: list[Dropped] = []
        for p in out:
            if p.duties or p.requirements:
                p.dropped[:0], carry = carry, []
            else:
                if p.title:
                    carry.append(Dropped(p.line, p.title, "a heading with no duties under it"))
                carry += p.dropped
                carry += [
                    Dropped(h.line, h.text, "a heading with nothing under it") for h in p.headings
                ]
        kept[-1].dropped += carry
        return kept

    def _merge_tag_titled(self, postings: list[Posting]) -> list[Posting]:
        """A posting of a few short unheaded lines (3-5年, 本科: a job board's summary),
        then one opened by a bare title-like line (a tag such as AB测试): the two are
        one posting under the first title."""
        out: list[Posting] = []
        for q in postings:
            p = out[-1] if out else None
            if (
                p is not None
                and id(q) in self.bare_titled
                and id(p) not in self.headed
                and not p.duties
                and all(len(r.text) <= 12 for r in p.requirements)
                and (q.duties or q.requirements)
            ):
                p.dropped += [Dropped(r.line, r.text, "job board summary") for r in p.requirements]
                p.dropped.append(Dropped(q.line, q.title, "a tag, not a title"))
                p.duties, p.requirements = q.duties, q.requirements
                p.headed = p.headed or q.headed
                p.kpis += q.kpis
                p.dropped += q.dropped
                p.headings += q.headings
                p.dropped.sort(key=lambda d: d.line)
                continue
            out.append(q)
        return out


def _english(text: str) -> bool:
    return not re.search(r"[\u4e00-\u9fff]", text) and bool(re.search(r"[A-Za-z]{3}", text))


def _resort(p: Posting, lex: Lexicon) -> Posting:
    """A posting with duties but no requirement lines: its 职位描述 held both."""
    if p.requirements or not p.duties:
        return p
    duties, reqs = [], []
    for d in p.duties:
        kind = kind_by_content(d.text, lex)
        if kind == "requirements" and not lex.doing_start.match(fold(d.text)):
            reqs.append(Item(d.text, d.line, bool(PREFERRED_END.search(fold(d.text)))))
        else:
            duties.append(d)
    p.duties, p.requirements = duties, reqs
    return p
