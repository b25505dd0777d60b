"""Reading order, tables, wrapped lines and hidden text of PDF pages (rolematch.io._pdf)."""

from __future__ import annotations

import importlib.util
import io
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolematch.io._pdf import Char, PageText, _better_of, extract_pdf, layout_lines, layout_text
from rolematch.text import normalize_text

DATA = Path(__file__).resolve().parents[1] / "data"
SIZE = 10.0


def word(text: str, x: float, y: float, size: float = SIZE, gap: float = 0.0) -> list[Char]:
    """Glyphs of a CJK-width run starting at (x, y) (top-left origin)."""
    out = []
    for ch in text:
        w = size if ord(ch) > 0x2E80 else size / 2
        out.append(Char(ch, x, y, x + w, y + size, size))
        x += w + gap
    return out


def lines_of(chars: list[Char]) -> list[str]:
    return [ln.text for ln in layout_lines(chars)]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 50), st.integers(0, 40), st.sampled_from([8.0, 10.0, 16.0])),
        min_size=1,
        max_size=120,
        unique_by=lambda t: (t[0], t[1]),
    )
)
def test_layout_neither_loses_nor_invents_glyphs(cells):
    # glyphs on a grid in any arrangement: columns, tables, scattered words
    glyphs = "".join(chr(0x4E00 + i) for i in range(len(cells)))
    chars = [
        Char(g, x * 12.0, y * 14.0, x * 12.0 + size, y * 14.0 + size, size)
        for g, (x, y, size) in zip(glyphs, cells, strict=True)
    ]
    out = layout_text(chars)
    assert sorted(out.replace(" ", "").replace("\n", "")) == sorted(glyphs)


def test_reading_order_does_not_depend_on_stream_order():
    chars = word("【工作经历】", 200, 0) + word("银行主管", 200, 14)
    chars += word("【基本信息】", 0, 0) + word("姓名张三丰", 0, 14)
    chars += (
        word("负责手机银行运营", 200, 28) + word("项目经历", 200, 42) + word("网联接入", 200, 56)
    )
    expected = lines_of(chars)
    rng = random.Random(7)
    for _ in range(5):
        rng.shuffle(chars)
        assert lines_of(chars) == expected
    assert expected[:2] == ["【基本信息】", "姓名张三丰"]  # the sidebar first, whole


def test_sidebar_with_aligned_rows_is_read_column_by_column():
    # same font and leading on both sides: rows line up, yet both sides are wide
    left = ["【基本信息】", "姓名:石磊 性别:男", "电话:138****0561", "学历:河北工业大学"]
    right = [
        "2015.03-至今 华鼎建设集团 项目经理",
        "负责商业综合体项目全过程管理",
        "管理项目团队45人",
        "推行智慧工地系统",
    ]
    chars = []
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        chars += word(a, 0, 14 * i) + word(b, 160, 14 * i)
    assert lines_of(chars) == left + right


def test_label_value_table_is_read_row_by_row():
    rows = [("生日", "2003-11-01"), ("居住地", "浙江嘉兴"), ("民族", "汉"), ("婚姻状况", "未婚")]
    chars = []
    for i, (label, value) in enumerate(rows):
        chars += word(label, 0, 14 * i) + word(value, 60, 14 * i)
    assert lines_of(chars) == [f"{label} {value}" for label, value in rows]


def test_dates_set_flush_right_stay_on_their_line():
    chars = word("上海交通大学,上海", 0, 0) + word("2013 – 至今", 400, 0)
    chars += word("在读硕士研究生 信息与通信工程,预计毕业时间待定", 0, 14)
    chars += word("西安电子科技大学,西安", 0, 40) + word("2009 – 2013", 400, 40)
    chars += word("学士 通信工程", 0, 54)
    assert lines_of(chars) == [
        "上海交通大学,上海 2013 – 至今",
        "在读硕士研究生 信息与通信工程,预计毕业时间待定",
        "西安电子科技大学,西安 2009 – 2013",
        "学士 通信工程",
    ]


def test_header_above_two_columns_is_peeled_off():
    chars = word("个人简历", 120, 0, size=16)  # centred, over the gutter
    side = [
        "基本信息",
        "姓名:张三 性别:男",
        "邮箱:zs@example.com",
        "技能清单",
        "熟悉SQL、Python、Excel",
    ]
    main = [
        "工作经历",
        "星河银行 手机银行部 产品经理",
        "负责手机银行转账功能",
        "项目经历",
        "网联接入改造项目",
    ]
    for i, (a, b) in enumerate(zip(side, main, strict=True)):
        chars += word(a, 0, 30 + 14 * i) + word(b, 200, 30 + 14 * i)
    assert lines_of(chars) == ["个人简历", *side, *main]
    header_in_main = word("个人简历", 220, 0, size=16)  # above the main column only
    assert lines_of(header_in_main + chars[4:]) == ["个人简历", *side, *main]


def test_wrapped_lines_are_joined_but_list_items_are_not():
    para = [
        "负责手机银行转账与支付功能规划牵头网联接口",  # 21 glyphs: reaches the margin
        "升级推动快捷支付绑卡流程改造上线跨行代收业",
        "务。",
        "- 建立反洗钱交易监测规则",
        "2019.05-至今 星河银行",
    ]
    chars = [c for i, t in enumerate(para) for c in word(t, 0, 14 * i)]
    assert lines_of(chars) == [para[0] + para[1] + para[2], para[3], para[4]]


def test_an_email_broken_at_the_margin_is_joined_without_space():
    lines = ["电话:135****8874 邮箱:lujg_w", "ms@example.cn", "学历:北京物资学院 物流管理本科"]
    chars = [c for i, t in enumerate(lines) for c in word(t, 0, 12 * i)]
    widest = max(c.x1 for c in chars)
    chars += word("X", widest - 5, 24)  # make the first line reach the margin too
    out = layout_text(chars)
    assert "邮箱:lujg_wms@example.cn" in out


def test_a_complete_email_is_not_joined_to_the_next_line():
    lines = ["wek031101@gmail.com", "Nuan1101", "浙江嘉兴海宁市金利小区"]
    chars = [c for i, t in enumerate(lines) for c in word(t, 0, 14 * i)]
    assert lines_of(chars)[0] == "wek031101@gmail.com"


def test_fake_bold_glyphs_drawn_twice_count_once():
    chars = word("工作经历", 0, 0) + word("工作经历", 0.3, 0)
    assert layout_text(chars) == "工作经历"


def test_word_spaces_from_geometry_and_from_the_stream():
    chars = word("Adobe", 0, 0) + word("Photoshop", 30, 0)  # 5 pt gap: a space
    assert layout_text(chars) == "Adobe Photoshop"
    tight = word("Office", 0, 0)
    tight[3] = Char("i", tight[3].x0, 0, tight[3].x1, SIZE, SIZE, space_before=True)
    assert layout_text(tight) == "Off ice"


def test_ink_tight_boxes_get_a_line_height():
    # PDFium gives "一" a box only as high as its stroke; it still belongs to its row
    chars = word("掌握", 0, 0) + [Char("一", 20, 4.6, 30, 5.4, SIZE)] + word("般", 30, 0)
    assert layout_text(chars) == "掌握一般"


# ---------------------------------------------------------------------------
# the committed fixture, read through PDFium


@pytest.fixture(scope="module")
def fx():
    """The fixture generator's module: the source lines of the committed PDFs."""
    spec = importlib.util.spec_from_file_location("make_fixtures", DATA / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def two_column_page():
    data = (DATA / "cv_two_column.pdf").read_bytes()
    return extract_pdf(data, "cv_two_column.pdf").pages[0]


def test_fixture_reads_in_order_with_tables_and_wraps(two_column_page, fx):
    if "男" not in two_column_page.text:
        # PDFium without a CJK font installed drops a text string of one glyph in a
        # non-embedded CID font (the value 男 of the sidebar table): not a layout
        # question, and CI installs fonts-wqy-zenhei (.ci/run)
        pytest.skip("PDFium here drops single-glyph strings of non-embedded STSong-Light")
    text = normalize_text(two_column_page.text)
    lines = text.splitlines()
    sidebar = [normalize_text(f"{a} {b}") for a, b in fx.SIDEBAR_TABLE]
    assert lines[: 2 + len(sidebar)] == [
        normalize_text(fx.BANNER),  # white on a dark band: visible, kept
        "【基本信息】",
        *sidebar,
    ]
    flat = re.sub(r"\s+", "", text)
    positions = [flat.find(re.sub(r"\s+", "", normalize_text(x))) for x in fx.SIDEBAR + fx.MAIN]
    assert -1 not in positions and positions == sorted(positions)
    # the two wrapped bullets come out as one line each
    assert normalize_text(fx.MAIN[2] + fx.MAIN[3]) in lines
    assert normalize_text(fx.MAIN[4] + fx.MAIN[5]) in lines


def test_fixture_hidden_text_is_excluded_and_counted(two_column_page, fx):
    for hidden in (fx.HIDDEN_WHITE, fx.HIDDEN_TINY, fx.HIDDEN_OFFPAGE):
        for token in hidden.split():
            assert token not in two_column_page.text
    expected = sum(
        len(h.replace(" ", "")) for h in (fx.HIDDEN_WHITE, fx.HIDDEN_TINY, fx.HIDDEN_OFFPAGE)
    )
    assert two_column_page.hidden == expected
    assert two_column_page.backend == "pdfium"
    assert not two_column_page.needs_ocr


def test_invisible_ocr_layer_over_a_scan_is_kept_but_not_on_blank_paper(fx):
    page = extract_pdf((DATA / "cv_ocr_layer.pdf").read_bytes(), "ocr.pdf").pages[0]
    assert normalize_text(page.text).splitlines() == [normalize_text(x) for x in fx.OCR_LINES]
    assert page.hidden == len(fx.OCR_HIDDEN.replace(" ", ""))
    assert not page.needs_ocr  # it has a text layer, if an invisible one


def test_rotated_page_reads_upright():
    pdfium = pytest.importorskip("pypdfium2")
    doc = pdfium.PdfDocument(str(DATA / "cv_two_column.pdf"))
    doc[0].set_rotation(90)
    buf = io.BytesIO()
    doc.save(buf)
    page = extract_pdf(buf.getvalue(), "rotated.pdf").pages[0]
    assert page.text.splitlines()[1] == "【基本信息】"


def test_backend_choice_is_by_measured_quality():
    pdfium = PageText(1, "…", "pdfium", chars=300, undecodable=600)
    assert _better_of(pdfium, None) is pdfium  # pdfplumber failed: keep PDFium
    same = PageText(1, "…", "pdfplumber", chars=300, undecodable=600)
    assert _better_of(pdfium, same) is pdfium  # a tie goes to PDFium
    decodes = PageText(1, "…", "pdfplumber", chars=880, undecodable=20)
    assert _better_of(pdfium, decodes) is decodes
    loses_text = PageText(1, "…", "pdfplumber", chars=100, undecodable=0)
    assert _better_of(pdfium, loses_text) is pdfium  # fewer errors, but much less text


def test_image_only_page_needs_ocr():
    page = extract_pdf((DATA / "cv_image_only.pdf").read_bytes(), "scan.pdf").pages[0]
    assert page.needs_ocr and page.chars == 0
    assert page.image_coverage > 0.9
    assert "scan" in page.ocr_reason
