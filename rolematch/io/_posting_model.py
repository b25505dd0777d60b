"""What a posting parses into: :class:`Posting`, with its :class:`Item` and
:class:`Dropped` lines (:mod:`rolematch.io._posting_parser` fills them in; a posting
becomes a :class:`~rolematch.documents.Role` by :meth:`Posting.to_role`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rolematch.documents import Role
from rolematch.io.posting_lines import board_id
from rolematch.text import department_title

__all__ = ["Dropped", "Item", "Posting"]


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
    warnings : list of str
        What a reader should check (the file reads like a résumé).
    headed : bool
        Whether a duty or requirement heading (岗位职责, 任职要求 …) opened a list of it.
    headings : list of Dropped
        The section heading lines (💼 岗位职责) that held no item, the reason naming
        the list they open, so that ``--dry-run`` accounts for them too.
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
    warnings: list[str] = field(default_factory=list)
    headed: bool = field(default=False, compare=False)
    headings: list[Dropped] = field(default_factory=list, compare=False)

    def to_role(self) -> Role:
        """The validated :class:`Role` (duties may be empty; requirements then carry it)."""
        from rolematch.io.roles import majors_from_requirements, role_from_dict

        reqs = [r.text for r in self.requirements]
        data: dict[str, Any] = {
            "id": board_id(self.id),  # a job board's J1001 -> j1001
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

    def department_apart(self) -> None:
        """Move a department written before the title (信息科技部 信息安全工程师) to
        :attr:`department`, unless the posting names another one: where a post sits is
        not its title (``--role 信息安全工程师`` names it; 信息科技部 is no trade word)."""
        bare, department = department_title(self.title)
        if department and self.department in ("", department):
            self.title, self.department = bare, department

    def report(self) -> str:
        """Human-readable account of the parse, for ``roles import --dry-run``.

        Examples
        --------
        >>> from rolematch.io.postings import parse_posting_text
        >>> p = parse_posting_text("职位名称：客服专员\\n岗位职责：\\n1、接听客户来电\\n"
        ...                        "任职要求：\\n1、大专及以上学历\\n联系电话：138****0000")[0]
        >>> print(p.report())  # doctest: +NORMALIZE_WHITESPACE
        customer-service-specialist  客服专员  (line 1)
          duties (1):
            - 接听客户来电  [line 3]
          requirements (1):
            - 大专及以上学历  [line 5]
          headings (2):
            line 2: 岗位职责：  -- duties
            line 4: 任职要求：  -- requirements
          dropped (1):
            line 6: 联系电话：138****0000  -- contact
        """
        out = [f"{board_id(self.id) if self.id else ''}  {self.title}  ({self._where()})"]
        out += [f"  warning: {w}" for w in self.warnings]
        if self.department:
            out.append(f"  department: {self.department}")
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
        if self.headings:
            out.append(f"  headings ({len(self.headings)}):")
            out += [f"    line {h.line}: {_clip(h.text)}  -- {h.reason}" for h in self.headings]
        out.append(f"  dropped ({len(self.dropped)}):")
        out += [f"    line {d.line}: {_clip(d.text)}  -- {d.reason}" for d in self.dropped]
        return "\n".join(out)

    def _where(self) -> str:
        return f"{self.source}, line {self.line}" if self.source else f"line {self.line}"


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
