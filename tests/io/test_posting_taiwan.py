"""Taiwan's posting vocabulary: 職稱 (a post's title, not a professional rank as the
mainland's 职称), 職缺名稱, 職務內容, 應徵資格 — in lines and as a Word table's header."""

from __future__ import annotations

from pathlib import Path

import pytest

from rolematch.io.postings import parse_posting_text, read_postings
from tests.io._files import texts as _texts

DUTIES = ["審查企業戶授信案件", "分析借戶財務報表，撰寫授信審查意見書"]
REQUIREMENTS = ["大學以上，財務金融、會計相關科系畢業", "具3年以上銀行企金授信經驗"]


@pytest.mark.parametrize("label", ["職稱", "職缺名稱", "職務名稱"])
def test_a_taiwan_title_label_gives_the_title(label: str) -> None:
    text = f"國泰興業銀行 招募公告\n{label}：授信審查人員\n工作內容：\n" + "\n".join(DUTIES)
    text += "\n資格條件：\n" + "\n".join(REQUIREMENTS)
    (post,) = parse_posting_text(text)
    assert post.title == "授信審查人員"
    assert _texts(post.duties) == DUTIES and _texts(post.requirements) == REQUIREMENTS


def test_a_mainland_professional_rank_is_no_title() -> None:
    # 职称 in Simplified text is a rank (中级经济师): a requirement, not a new posting
    text = "岗位名称：信贷审查岗\n岗位职责：\n负责授信审查\n任职要求：\n职称：中级经济师及以上\n"
    (post,) = parse_posting_text(text)
    assert post.title == "信贷审查岗"
    assert _texts(post.requirements) == ["职称：中级经济师及以上"]


@pytest.mark.parametrize(
    "header", [("職稱", "工作內容", "資格條件"), ("職缺名稱", "職務內容", "應徵資格")]
)
def test_a_word_table_under_taiwan_headers_is_a_table_of_posts(
    tmp_path: Path, header: tuple[str, str, str]
) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("國泰興業商業銀行 114年度 授信管理處 人員招募")
    table = d.add_table(rows=2, cols=3)
    cells = ["授信審查人員（企業金融）", "\n".join(DUTIES), "\n".join(REQUIREMENTS)]
    for c, (name, value) in enumerate(zip(header, cells, strict=True)):
        table.cell(0, c).text = name
        table.cell(1, c).text = value
    path = tmp_path / "credit_review_form.docx"
    d.save(str(path))
    (post,) = read_postings(path)
    assert post.title == "授信審查人員（企業金融）" and not post.warnings
    assert _texts(post.duties) == DUTIES and _texts(post.requirements) == REQUIREMENTS


def test_a_taiwan_department_before_the_title_is_the_department() -> None:
    text = "數位金融處 數位金融產品經理（Product Manager）\n【職務說明】\n負責行動銀行App規劃\n"
    text += "【應徵條件】\n具3年以上產品經驗\n"
    (post,) = parse_posting_text(text)
    assert post.title == "數位金融產品經理（Product Manager）"
    assert post.department == "數位金融處"


def test_a_job_boards_trailer_in_english_is_no_item() -> None:
    # JobsDB: the closing line and the page's other jobs, under the benefits
    text = (
        "Customer Service Manager\nJob Description\n- Lead a team of 30 agents\n"
        "Requirements\n- 5 years of contact centre experience\nWhat we offer\n- Double pay\n"
        "Interested parties please click Apply Now.\n### Similar jobs\n"
        "- Customer Service Officer – DBS Bank (HK)\n"
    )
    (post,) = parse_posting_text(text)
    reasons = {d.text: d.reason for d in post.dropped}
    assert reasons["Interested parties please click Apply Now."] == "how to apply"
    assert reasons["- Customer Service Officer – DBS Bank (HK)"] == "other jobs on the page"
    assert _texts(post.requirements) == ["5 years of contact centre experience"]


def test_an_id_is_cut_between_words() -> None:
    from rolematch.io.posting_lines import slug

    long = slug("Relationship Manager, Commercial Banking (Hong Kong)")
    assert long == "relationship-manager-commercial-banking-hong" and len(long) <= 48


def test_a_field_left_open_is_no_requirement() -> None:
    # 104人力銀行's form: 擅長工具：不拘 asks for nothing; 学历：不限 neither
    text = "理財專員\n工作內容\n經營理財客戶\n條件要求\n學歷要求：大學以上\n擅長工具：不拘\n學歷：不限\n"
    (post,) = parse_posting_text(text)
    assert _texts(post.requirements) == ["學歷要求：大學以上"]
    assert {d.text: d.reason for d in post.dropped}["擅長工具：不拘"] == "no requirement"
