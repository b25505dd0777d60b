"""Where a posting's lists end and what is no item (held-out batch 4 of the postings
benchmark): a note below a table of posts, a rule between posts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from rolematch.io.postings import parse_posting_text, read_postings


def _texts(items: Sequence[Any]) -> list[str]:
    return [i.text for i in items]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------ a table of posts, then a note
HEADER = ("岗位名称", "人数", "岗位职责", "任职资格")
ROWS = [
    ("水质检测员", "1", "负责水质检测；\n负责仪器校准。", "大专及以上学历；\n熟悉检测标准。"),
    ("信息化专员", "1", "负责系统运维；\n负责网络管理。", "本科及以上学历；\n2年以上运维经验。"),
]
NOTE = "注：工作地点为澄江市，薪酬面议。"


def _table_docx(tmp_path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("澄江水务集团有限公司2026年社会招聘岗位需求表")
    table = d.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    for r, row in enumerate([HEADER, *ROWS]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph(NOTE)
    d.add_paragraph("报名邮箱：hr@chengjiang-water.example.com")
    path = tmp_path / "岗位表.docx"
    d.save(str(path))
    return path


def _table_html(tmp_path: Path) -> Path:
    def row(tag: str, cells: Sequence[str]) -> str:
        return "<tr>" + "".join(f"<{tag}>{c.replace(chr(10), '<br>')}</{tag}>" for c in cells)

    rows = row("th", HEADER) + "".join(row("td", r) for r in ROWS)
    page = f"<html><body><h1>岗位需求表</h1><table>{rows}</table><p>{NOTE}</p></body></html>"
    return _write(tmp_path, "posts.html", page)


@pytest.mark.parametrize("make", [_table_docx, _table_html], ids=["docx", "html"])
def test_a_note_below_a_table_of_posts_is_no_item_of_the_last_post(
    tmp_path: Path, make: Any
) -> None:
    lab, it = read_postings(make(tmp_path))
    assert (lab.title, it.title) == ("水质检测员", "信息化专员")
    assert _texts(it.duties) == ["负责系统运维；", "负责网络管理。"]
    assert _texts(it.requirements) == ["本科及以上学历；", "2年以上运维经验。"]
    assert NOTE in _texts(it.dropped)


def test_a_rule_ends_the_list_above_it() -> None:
    text = (
        "招聘岗位：出纳\n岗位职责：\n负责现金收付；\n负责银行对账。\n"
        "任职要求：\n大专及以上学历；\n持有初级会计证。\n"
        "——————————\n备注：以上岗位均在杭州上班，待遇详谈。\n"
    )
    (p,) = parse_posting_text(text)
    assert _texts(p.requirements) == ["大专及以上学历；", "持有初级会计证。"]
    assert "备注：以上岗位均在杭州上班，待遇详谈。" in _texts(p.dropped)
