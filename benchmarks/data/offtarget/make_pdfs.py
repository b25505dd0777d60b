"""Render some off-target résumés from ``src/*.txt`` to PDF, in four layouts.

    python benchmarks/data/offtarget/make_pdfs.py

Each PDF is ``<name>.pdf`` beside this script; its text source stays in ``src/`` (not
labelled, so a résumé is not counted twice). Layouts, chosen per file in ``LAYOUT``:

``plain``    one column, headings in a larger size: what a Word export looks like
``sidebar``  a narrow left column (contact, skills, certificates, awards) beside the
             main column; the sidebar is drawn first, so the content stream is not in
             reading order
``banded``   a coloured name band and section headings as shaded table rows
``dense``    small type, two pages, headings with a rule underneath

The font is reportlab's STSong-Light CID font (no font file, not embedded), as many
Chinese PDF producers do. Output is deterministic apart from reportlab's timestamps.
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = "STSong-Light"

LAYOUT = {
    "dev_01_java_bank_core": "sidebar",
    "dev_04_golang_payment_channel": "banded",
    "dev_06_algorithm_credit_risk": "plain",
    "dev_10_open_platform_api": "dense",
    "grad_01_finance_master": "banded",
    "acad_02_materials_professor": "dense",
    "other_nurse": "sidebar",
    "other_lawyer": "plain",
    "other_journalist": "banded",
    "other_network_engineer": "sidebar",
}

#: Headings of sections that go to the sidebar in the ``sidebar`` layout.
SIDEBAR = ("基本信息", "联系", "技能", "证书", "资格", "荣誉", "获奖", "奖项", "语言", "执业")

_HEADING = re.compile(
    r"^\s*(?:【(?P<a>[^】]+)】|=+\s*(?P<b>[^=]+?)\s*=+|[■▶◆●]\s*(?P<c>\S.*)|#+\s*(?P<d>.+)"
    r"|(?P<e>[一二三四五六七八九十]+、\s*\S.*)|—+\s*(?P<f>[^—]+?)\s*—+)\s*$"
)


def heading(line: str) -> str | None:
    """The heading text if ``line`` is a section heading, else None."""
    m = _HEADING.match(line)
    if m:
        return next(g for g in m.groups() if g).strip()
    s = line.strip()
    if 2 <= len(s) <= 8 and not re.search(r"[，。：:；、·\d（）()|｜]", s):
        return s
    return None


def sections(text: str) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """(lines before the first heading, [(heading, lines)])."""
    head: list[str] = []
    out: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        h = heading(line)
        if h is not None and (out or head):
            out.append((h, []))
        elif out:
            if line.strip():
                out[-1][1].append(line.strip())
        elif line.strip():
            head.append(line.strip())
    return head, out


def _styles(size: float) -> dict[str, object]:
    from reportlab.lib.styles import ParagraphStyle

    return {
        "body": ParagraphStyle("body", fontName=FONT, fontSize=size, leading=size * 1.45),
        "h": ParagraphStyle(
            "h", fontName=FONT, fontSize=size * 1.3, leading=size * 1.9, spaceBefore=size * 0.6
        ),
        "name": ParagraphStyle("name", fontName=FONT, fontSize=size * 2, leading=size * 2.6),
    }


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render(src: Path, dest: Path, layout: str) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        FrameBreak,
        HRFlowable,
        PageTemplate,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    head, secs = sections(src.read_text("utf-8"))
    size = 8.0 if layout == "dense" else 10.0
    st = _styles(size)
    body, h = st["body"], st["h"]

    def block(title: str, lines: list[str]) -> list[object]:
        flow: list[object] = [Paragraph(_esc(title), h)]
        if layout == "dense":
            flow.append(HRFlowable(width="100%", thickness=0.5, color=colors.grey))
        flow += [Paragraph(_esc(x), body) for x in lines]
        return flow

    if layout == "sidebar":
        side = [s for s in secs if any(k in s[0] for k in SIDEBAR)]
        main = [s for s in secs if s not in side]
        w, hgt = A4
        left = Frame(12 * mm, 12 * mm, 58 * mm, hgt - 24 * mm, id="side")
        right = Frame(74 * mm, 12 * mm, w - 86 * mm, hgt - 24 * mm, id="main")
        doc = BaseDocTemplate(str(dest), pagesize=A4, title="简历")
        doc.addPageTemplates([PageTemplate(id="two", frames=[left, right])])
        story: list[object] = [Paragraph(_esc(x), body) for x in head]
        for title, lines in side:
            story += block(title, lines)
        story.append(FrameBreak())
        for title, lines in main:
            story += block(title, lines)
        doc.build(story)
        return

    doc = SimpleDocTemplate(
        str(dest),
        pagesize=A4,
        leftMargin=15 * mm if layout == "dense" else 20 * mm,
        rightMargin=15 * mm if layout == "dense" else 20 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title="个人简历",
    )
    story = []
    if layout == "banded":
        band = Table(
            [[Paragraph(_esc(head[0] if head else src.stem), st["name"])]],
            colWidths=[doc.width],
        )
        band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#DCE6F2"))]))
        story += [band, Spacer(1, 4 * mm)]
        story += [Paragraph(_esc(x), body) for x in head[1:]]
        for title, lines in secs:
            row = Table([[Paragraph(_esc(title), h)]], colWidths=[doc.width])
            row.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#EEEEEE"))]))
            story += [Spacer(1, 2 * mm), row]
            story += [Paragraph(_esc(x), body) for x in lines]
    else:
        story += [Paragraph(_esc(x), st["name"] if i == 0 else body) for i, x in enumerate(head)]
        for title, lines in secs:
            story += block(title, lines)
    doc.build(story)


def main() -> None:
    for stem, layout in LAYOUT.items():
        render(HERE / "src" / f"{stem}.txt", HERE / f"{stem}.pdf", layout)
        print(f"{stem}.pdf ({layout})")


if __name__ == "__main__":
    main()
