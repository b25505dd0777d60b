"""read_resume on every kind of file, good and bad (rolematch.io.extract)."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from rolematch.exceptions import ExtractionError
from rolematch.io.extract import SUPPORTED_SUFFIXES, pdf_pages, read_resume, sniff
from rolematch.text import count_artifacts, is_cjk, normalize_text
from tests.io._files import check_record
from tests.io.conftest import W, docx

DATA = Path(__file__).resolve().parents[1] / "data"
TWO_COLUMN = DATA / "cv_two_column.pdf"
PLAIN_CV = (
    "【工作经历】\n2018.03-至今 星河银行 手机银行部 产品经理\n负责手机银行转账与支付功能规划。\n"
)
HAS_OCR = importlib.util.find_spec("rapidocr_onnxruntime") is not None
needs_ocr = pytest.mark.skipif(not HAS_OCR, reason="rapidocr_onnxruntime is not installed")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------------------
# PDFs


def test_text_layer_pdf(tmp_path):
    r = read_resume(TWO_COLUMN)
    check_record(r, "ok")
    assert r.meta["sha256"] == hashlib.sha256(TWO_COLUMN.read_bytes()).hexdigest()
    assert r.meta["backend"] == "pdfium" and r.meta["page_backends"] == ["pdfium"]
    assert r.meta["pages_total"] == 1 and r.meta["needs_ocr_pages"] == []
    assert r.meta["page_methods"] == ["text_layer"] and "ocr_confidence" not in r.meta
    assert r.pages == 1 and all(s.page == 1 for s in r.sentences)
    assert {"work", "education", "summary", "skills"} <= set(r.sections)
    assert "人工智能应用有长期实践" in r.text  # radical look-alikes folded
    assert r.warnings == ("hidden_text: 42 chars excluded",)
    assert "支付结算" not in r.text  # the white keyword stuffing is not scored
    assert r.personal["name"] == "林晓东" and "林晓东" not in r.text


def test_image_only_pdf_is_unreadable_and_says_it_needs_ocr():
    r = read_resume(DATA / "cv_image_only.pdf", ocr=False)
    check_record(r, "unreadable", r"image without a text layer \(probably a scan\).*needs OCR")
    assert r.meta["needs_ocr_pages"] == [1]
    assert r.pages == 1 and "sha256" in r.meta


@needs_ocr
def test_image_only_pdf_without_words_is_unreadable_after_ocr():
    # the fixture's "scan" is grey bars under a small Latin caption: OCR reads
    # the caption at most, not a résumé
    r = read_resume(DATA / "cv_image_only.pdf")
    check_record(
        r,
        "unreadable",
        r"^no usable text layer: the page is an image without a text layer \(probably a scan\); "
        r"OCR found (no|only \d+ characters of) text$",
    )
    assert r.meta["needs_ocr_pages"] == [1] and r.meta["page_methods"] == ["ocr"]


def test_fonts_without_unicode_map_are_unreadable_and_need_ocr():
    # neither PDFium nor pdfplumber (which tries, and prints "(cid:N)") decodes it
    r = read_resume(DATA / "undecodable_font.pdf", ocr=False)
    check_record(
        r,
        "unreadable",
        r"32 of 32 glyphs use fonts without a Unicode map .* needs OCR, which is not",
    )
    assert r.meta["needs_ocr_pages"] == [1] and r.meta["backend"] == "pdfium"
    assert r.warnings == ("undecodable_glyphs: 32 glyphs without a Unicode map dropped",)


@needs_ocr
def test_fonts_without_unicode_map_are_read_by_ocr_which_finds_only_boxes():
    # every glyph of the fixture is drawn as a filled square: there is nothing to read
    r = read_resume(DATA / "undecodable_font.pdf")
    check_record(r, "unreadable", r"32 of 32 glyphs .* OCR found (no|only \d+ characters of) text$")
    assert r.meta["page_methods"] == ["ocr"] and r.meta["backend"] == "ocr"
    assert not any(w.startswith("undecodable_glyphs") for w in r.warnings)  # read, as ink


def test_encrypted_pdf():
    check_record(read_resume(DATA / "encrypted.pdf"), "encrypted", "password")


def test_truncated_pdf_is_corrupt(tmp_path):
    data = TWO_COLUMN.read_bytes()
    r = read_resume(write(tmp_path, "cut.pdf", data[: len(data) // 2]))
    check_record(r, "corrupt", "truncated")
    assert r.meta["sha256"] == hashlib.sha256(data[: len(data) // 2]).hexdigest()


def test_pdf_signature_but_garbage_is_corrupt(tmp_path):
    r = read_resume(write(tmp_path, "junk.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"%%EOF"))
    check_record(r, "corrupt", "damaged PDF")


def long_pdf(pages: int) -> bytes:
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(TWO_COLUMN))
    doc = pdfium.PdfDocument.new()
    doc.import_pages(src, [0] * pages)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_long_pdf_is_cut_at_max_pages_with_a_warning(tmp_path):
    path = write(tmp_path, "long.pdf", long_pdf(12))
    r = read_resume(path, max_pages=5)
    check_record(r, "ok")
    assert r.pages == 5 and r.meta["pages_total"] == 12
    assert "truncated: read 5 of 12 pages" in r.warnings
    assert max(s.page for s in r.sentences) == 5
    assert read_resume(path).pages == 12  # the default, 50, reads it all


@pytest.mark.parametrize("bad", [0, -1, 2.5, "3", True, None])
def test_max_pages_is_validated(bad):
    with pytest.raises(ValueError, match=r"'max_pages' parameter of read_resume .* Got"):
        read_resume(TWO_COLUMN, max_pages=bad)


@pytest.mark.parametrize("bad", ["no", 0, 1, None])
def test_redact_is_validated(bad):
    # 'no' had been taken as True: the text kept redacted, silently
    with pytest.raises(
        ValueError, match=r"The 'redact' parameter of read_resume must be a bool\. Got"
    ):
        read_resume(TWO_COLUMN, redact=bad)


def blank_pdf() -> bytes:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    doc.new_page(595, 842)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_blank_pdf_is_empty(tmp_path):
    check_record(
        read_resume(write(tmp_path, "blank.pdf", blank_pdf())), "empty", "no text on any page"
    )


def test_pdf_without_pages_is_empty_not_corrupt(tmp_path):
    import pypdfium2 as pdfium

    path = tmp_path / "no_pages.pdf"
    pdfium.PdfDocument.new().save(path)  # what some exporters write for an empty export
    check_record(read_resume(path), "empty", r"^the PDF has no pages$")


def test_redact_false_keeps_personal_data_in_the_text():
    r = read_resume(TWO_COLUMN, redact=False)
    assert "林晓东" in r.text and "138****5678" in r.text
    assert r.personal["phone"] == ["138****5678"]


FORM_LINES = (
    "Work experience: 2015 to now, Nanhai Bank, channel management, office director",
    "Built internal control and compliance checks; anti-money-laundering self-inspection",
    "Education: 2011 to 2015, Shandong University, Economics, Bachelor",
)


def test_filled_in_form_fields_are_read(tmp_path):
    # an application form (应聘登记表) filled in as a fillable PDF: the answers live in
    # form fields, which a page's text leaves out
    from reportlab.pdfgen import canvas

    path = tmp_path / "form.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(50, 800, "Application form")
    for i, line in enumerate(FORM_LINES):
        y = 760 - 30 * i
        c.acroForm.textfield(name=f"f{i}", value=line, x=50, y=y, width=500, height=18)
    c.showPage()
    c.save()
    r = read_resume(path)
    check_record(r, "ok")
    for words in ("Nanhai Bank", "anti-money-laundering", "Shandong University"):
        assert words in r.text, r.text
    assert r.text.index("Nanhai") < r.text.index("Shandong") and not r.warnings


def test_text_typed_onto_a_pdf_is_read_and_a_sticky_note_is_not(tmp_path):
    # "Add text" (a FreeText annotation) fills in a form that has no fields; a comment
    # (a Text annotation, a sticky note) is a reader's, not the CV's
    from tests.io._pdfs import pdf_bytes

    drawn = (
        b"BT /F1 11 Tf 5 44 Td "
        + b" 0 -16 Td ".join(b"(%s) Tj" % line.encode() for line in FORM_LINES)
        + b" ET"
    )
    appearance = (
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 520 60] "
        b"/Resources << /Font << /F1 7 0 R >> >> /Length %d >>\nstream\n"
        % len(drawn)
        + drawn
        + b"\nendstream"
    )
    pdf = pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Annots [5 0 R 8 0 R] >>",
            b"<< /Length 0 >>\nstream\n\nendstream",
            b"<< /Type /Annot /Subtype /FreeText /Rect [40 700 560 760] /DA (/Helv 11 Tf 0 g) "
            b"/Contents (typed) /AP << /N 6 0 R >> >>",
            appearance,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /Annot /Subtype /Text /Rect [40 600 60 620] "
            b"/Contents (Reviewer note: call back on Monday about the salary) >>",
        ]
    )
    r = read_resume(write(tmp_path, "typed.pdf", pdf))
    check_record(r, "ok")
    assert "Nanhai Bank" in r.text and "Shandong University" in r.text, r.text
    assert "Reviewer" not in r.text


def test_pdf_named_txt_is_read_as_pdf(tmp_path):
    r = read_resume(write(tmp_path, "cv.txt", TWO_COLUMN.read_bytes()))
    check_record(r, "ok")
    assert r.warnings[0] == "type_mismatch: named .txt but content is PDF"


# ---------------------------------------------------------------------------
# .docx


def make_docx(*, table: bool = True, textbox: bool = True, layout_table: bool = False) -> bytes:
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("林晓东")
    if table:
        t = d.add_table(rows=2, cols=4)
        for r, cells in enumerate(
            [("性别", "男", "民族", "汉族"), ("电话", "138****5678", "邮箱", "lin@example.com")]
        ):
            for c, value in enumerate(cells):
                t.cell(r, c).text = value
        merged = d.add_table(rows=1, cols=2)
        merged.cell(0, 0).merge(merged.cell(0, 1)).text = "求职意向:手机银行产品经理"
    d.add_paragraph("工作经历")
    d.add_paragraph("2018.03-至今 星河银行 手机银行部 产品经理")
    p = d.add_paragraph("负责手机银行转账与支付功能规划。")
    if textbox:
        box = """
        <w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
             xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
             xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
             xmlns:v="urn:schemas-microsoft-com:vml">
          <mc:AlternateContent>
            <mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>
              <w:p><w:r><w:t>专业技能</w:t></w:r></w:p>
              <w:p><w:r><w:t>SQL、Python、反洗钱监测模型</w:t></w:r></w:p>
            </w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>
            <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
              <w:p><w:r><w:t>专业技能</w:t></w:r></w:p>
              <w:p><w:r><w:t>SQL、Python、反洗钱监测模型</w:t></w:r></w:p>
            </w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
          </mc:AlternateContent>
        </w:r>"""
        p._p.append(parse_xml(box))
    if layout_table:
        t = d.add_table(rows=1, cols=2)
        t.cell(0, 0).text = "教育背景"
        t.cell(0, 0).add_paragraph("2008-2012 华东理工大学 金融学 本科")
        t.cell(0, 1).text = "自我评价"
        t.cell(0, 1).add_paragraph("熟悉支付清算与反洗钱合规要求。")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_tables_and_text_boxes_in_order(tmp_path):
    r = read_resume(write(tmp_path, "cv.docx", make_docx(layout_table=True)), redact=False)
    check_record(r, "ok")
    assert r.meta["backend"] == "docx" and "sha256" in r.meta
    assert r.pages == 0 and all(s.page is None for s in r.sentences)
    lines = r.text.splitlines()
    assert lines[:4] == [
        "林晓东",
        "性别 男 民族 汉族",  # a table row is one line
        "电话 138****5678 邮箱 lin@example.com",
        "求职意向:手机银行产品经理",  # a merged cell counts once
    ]
    assert lines.count("SQL、Python、反洗钱监测模型") == 1  # text box, VML copy skipped
    assert lines.index("负责手机银行转账与支付功能规划。") < lines.index("专业技能")
    # a layout table with whole sections in its cells: cell by cell
    assert lines[-4:] == [
        "教育背景",
        "2008-2012 华东理工大学 金融学 本科",
        "自我评价",
        "熟悉支付清算与反洗钱合规要求。",
    ]
    assert r.sections["skills"] == "SQL、Python、反洗钱监测模型"


def test_docx_personal_data_from_a_table_is_redacted(tmp_path):
    r = read_resume(write(tmp_path, "cv.docx", make_docx()))
    assert r.personal["name"] == "林晓东"
    assert r.personal["phone"] == ["138****5678"] and r.personal["ethnicity"] == "汉族"
    assert "138****5678" not in r.text and "林晓东" not in r.text


def test_docx_invisible_runs_are_excluded_and_counted(tmp_path):
    import docx
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Pt, RGBColor

    d = docx.Document()
    d.add_paragraph("工作经历")
    d.add_paragraph("2019年至今 某银行网络金融部 手机银行渠道运营、线上活动策划与用户增长")
    p = d.add_paragraph("负责手机银行运营。")
    p.add_run("反洗钱").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)  # white on white
    p.add_run("支付清算").font.size = Pt(1)  # 1 pt
    p.add_run("消费者权益保护").font.hidden = True  # w:vanish
    marked = p.add_run("网联接入")  # white on a dark highlight: visible
    marked.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    marked.font.highlight_color = WD_COLOR_INDEX.BLACK
    buf = io.BytesIO()
    d.save(buf)
    r = read_resume(write(tmp_path, "cv.docx", buf.getvalue()))
    check_record(r, "ok")
    assert r.warnings == ("hidden_text: 14 chars excluded",)
    assert "负责手机银行运营。网联接入" in r.text
    for hidden in ("反洗钱", "支付清算", "消费者权益保护"):
        assert hidden not in r.text


def test_docx_rows_and_cells_in_content_controls_or_custom_xml_are_read(tmp_path):
    # templates wrap a repeating row (one per job) or a cell to fill in in a content
    # control, and older Word tagged blocks with custom XML; the text inside is the CV's
    def p(text: str) -> str:
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"

    def sdt(inner: str) -> str:
        return f"<w:sdt><w:sdtPr/><w:sdtContent>{inner}</w:sdtContent></w:sdt>"

    row = f"<w:tr><w:tc>{p('2018.03-至今 星河银行 手机银行部 产品经理')}</w:tc></w:tr>"
    cell = f"<w:tc>{p('负责手机银行转账与支付功能规划')}</w:tc>"
    tagged = (
        '<w:customXml w:element="job"><w:tr><w:customXml w:element="duty"><w:tc>'
        f"{p('组织反洗钱监测模型上线')}</w:tc></w:customXml></w:tr></w:customXml>"
    )
    body = (
        f'<w:customXml w:element="resume">{p("工作经历")}</w:customXml>'
        f"<w:tbl>{sdt(row)}<w:tr>{sdt(cell)}</w:tr>{tagged}</w:tbl>"
    )
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    r = read_resume(write(tmp_path, "cv.docx", docx(xml)))
    check_record(r, "ok")
    lines = r.text.splitlines()
    for line in ("工作经历", "手机银行部 产品经理", "转账与支付功能规划", "反洗钱监测模型上线"):
        assert sum(line in x for x in lines) == 1, (line, r.text)


def _repacked(data: bytes, edit) -> bytes:
    """The ZIP ``data`` with ``edit(name, part) -> part`` applied to each part."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, edit(info.filename, zin.read(info)))
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("cv.docm", "application/vnd.ms-word.document.macroEnabled.main+xml"),
        (
            "cv.dotx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        ),
        ("cv.dotm", "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"),
        ("cv.docx", "application/vnd.ms-word.document.macroEnabled.main+xml"),
    ],
)
def test_macro_enabled_documents_and_templates_are_read_as_word(tmp_path, name, content_type):
    plain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    data = _repacked(
        make_docx(table=False, textbox=False),
        lambda part, b: (
            b.replace(plain.encode(), content_type.encode()) if part == "[Content_Types].xml" else b
        ),
    )
    r = read_resume(write(tmp_path, name, data))
    check_record(r, "ok")
    assert "手机银行转账与支付功能规划" in r.text and r.warnings == ()


def test_strict_open_xml_docx_is_read(tmp_path):
    # Word's "Strict Open XML Document" names the same elements in other namespaces
    transitional = {
        W: "http://purl.oclc.org/ooxml/wordprocessingml/main",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
            "http://purl.oclc.org/ooxml/officeDocument/relationships"
        ),
    }

    def strict(part: str, data: bytes) -> bytes:
        if part.endswith((".xml", ".rels")) and part != "[Content_Types].xml":
            for old, new in transitional.items():
                data = data.replace(old.encode(), new.encode())
        return data

    data = _repacked(make_docx(table=True, textbox=False), strict)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert W.encode() not in zf.read("word/document.xml")
    r = read_resume(write(tmp_path, "cv.docx", data))
    check_record(r, "ok")
    assert "手机银行转账与支付功能规划" in r.text and "求职意向" in r.text


def test_docx_whose_document_is_no_wordprocessingml_is_corrupt_not_an_error(tmp_path):
    data = docx('<?xml version="1.0"?><x:document xmlns:x="urn:other"><x:body/></x:document>')
    r = read_resume(write(tmp_path, "cv.docx", data))
    check_record(r, "corrupt", r"^not a Word document: word/document.xml has no WordprocessingML")


def test_docx_headers_and_footers_are_read_once_around_the_body(tmp_path):
    # templates put the name and contacts in the page header, some the whole CV
    import docx

    d = docx.Document()
    d.add_paragraph("工作经历")
    first = d.sections[0]
    first.header.add_paragraph("求职意向：手机银行产品经理")
    first.header.add_paragraph("工作经历")  # the body has it: not twice
    first.footer.add_paragraph("熟悉反洗钱监测模型与支付清算")
    second = d.add_section()
    second.header.is_linked_to_previous = False
    second.header.add_paragraph("求职意向：手机银行产品经理")  # a later section repeats it
    d.add_paragraph("2018.03-至今 星河银行 手机银行部 产品经理")
    buf = io.BytesIO()
    d.save(buf)
    r = read_resume(write(tmp_path, "cv.docx", buf.getvalue()))
    check_record(r, "ok")
    lines = [ln for ln in r.text.splitlines() if ln.strip()]
    assert lines[0] == "求职意向:手机银行产品经理", r.text
    assert lines[-1] == "熟悉反洗钱监测模型与支付清算", r.text
    assert sum("求职意向" in ln for ln in lines) == 1 and lines.count("工作经历") == 1, r.text


def test_docx_whose_text_is_an_embedded_web_page_says_so(tmp_path):
    # web exports put the whole CV in an HTML part (w:altChunk) that only Word converts
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rIdHtml" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/aFChunk" Target="afchunk.xml"/></Relationships>'
    )
    xml = (
        f'<?xml version="1.0"?><w:document xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats'
        '.org/officeDocument/2006/relationships"><w:body><w:altChunk r:id="rIdHtml"/>'
        "</w:body></w:document>"
    )
    xhtml = f'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{PLAIN_CV}</p></body></html>'
    parts = {"word/_rels/document.xml.rels": rels.encode(), "word/afchunk.xml": xhtml.encode()}
    data = docx(xml, extra=parts)
    check_record(
        read_resume(write(tmp_path, "cv.docx", data)), "unsupported", r"embedded web page.*altChunk"
    )


def test_office_lock_file_named_on_the_command_line_says_what_it_is(tmp_path):
    lock = b"\x05HR Admin" + b"\x00" * 40 + b"\x05\x00H\x00R\x00" + b"\x00" * 100
    r = read_resume(write(tmp_path, "~$简历.docx", lock))
    check_record(r, "unsupported", r"^an Office lock file")


def test_docx_without_text_is_empty(tmp_path):
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    check_record(read_resume(write(tmp_path, "blank.docx", buf.getvalue())), "empty", "no text")


def test_random_bytes_docx_is_corrupt(tmp_path):
    check_record(
        read_resume(write(tmp_path, "x.docx", bytes(range(256)) * 8)), "corrupt", "not a ZIP"
    )


def test_zip_without_word_document_named_docx_is_corrupt(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    check_record(
        read_resume(write(tmp_path, "x.docx", buf.getvalue())), "corrupt", "no word/document.xml"
    )


def test_zip_archive_named_otherwise_is_unsupported(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("content.xml", "<office/>")
    check_record(
        read_resume(write(tmp_path, "cv.odt", buf.getvalue())), "unsupported", "ZIP archive"
    )


def test_docx_named_pdf_is_read_with_a_warning(tmp_path):
    r = read_resume(write(tmp_path, "cv.pdf", make_docx(table=False, textbox=False)))
    check_record(r, "ok")
    assert r.warnings == ("type_mismatch: named .pdf but content is .docx",)


# ---------------------------------------------------------------------------
# .txt


@pytest.mark.parametrize(
    ("encoding", "data", "expected"),
    [
        ("utf-8", PLAIN_CV.encode("utf-8"), "utf-8"),
        ("utf-8 with BOM", b"\xef\xbb\xbf" + PLAIN_CV.encode("utf-8"), "utf-8-sig"),
        ("utf-16 with BOM", PLAIN_CV.encode("utf-16"), "utf-16"),
        ("utf-16-le without BOM", PLAIN_CV.encode("utf-16-le"), "utf-16-le"),
        ("utf-16-be without BOM", PLAIN_CV.encode("utf-16-be"), "utf-16-be"),
        ("gb18030", PLAIN_CV.encode("gb18030"), "gb18030"),
        ("gbk", PLAIN_CV.encode("gbk"), "gb18030"),
    ],
)
def test_txt_encodings(tmp_path, encoding, data, expected):
    r = read_resume(write(tmp_path, "cv.txt", data))
    check_record(r, "ok")
    assert r.meta["encoding"] == expected and r.meta["backend"] == "txt"
    assert r.text == normalize_text(PLAIN_CV)


def test_big5_text_is_decoded_not_misread_as_gbk(tmp_path):
    text = "工作經歷\n負責手機銀行轉賬與支付功能規劃,牽頭網聯和銀聯介面升級。\n" * 3
    r = read_resume(write(tmp_path, "cv.txt", text.encode("big5")))
    check_record(r, "ok")
    assert r.meta["encoding"] != "gb18030"
    assert "負責手機銀行" in r.text


def test_binary_named_txt_is_corrupt(tmp_path):
    check_record(read_resume(write(tmp_path, "x.txt", bytes(range(256)) * 4)), "corrupt", "binary")


def test_english_resume_is_readable(tmp_path):
    # a readability check that counted Chinese characters would reject it (issue 9)
    text = "WORK EXPERIENCE\nProduct manager, mobile banking, Starriver Bank, 2018-present\n"
    text += "Led payment clearing integration with UnionPay and NetsUnion.\nSKILLS\nSQL, Python"
    r = read_resume(write(tmp_path, "cv.txt", text.encode()))
    check_record(r, "ok")
    assert set(r.sections) == {"work", "skills"}
    assert r.sections["skills"] == "SQL, Python"


def test_whitespace_only_txt_is_empty(tmp_path):
    check_record(read_resume(write(tmp_path, "x.txt", b"  \n\t\r\n")), "empty", "no text")


# ---------------------------------------------------------------------------
# everything else


def test_empty_file(tmp_path):
    r = read_resume(write(tmp_path, "cv.pdf", b""))
    check_record(r, "empty", r"empty file \(0 bytes\)")
    assert r.meta["sha256"] == hashlib.sha256(b"").hexdigest()


def png_bytes() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (20, 20), 255).save(buf, "PNG")
    return buf.getvalue()


def test_png_renamed_pdf(tmp_path):
    path = write(tmp_path, "cv.pdf", png_bytes())
    check_record(read_resume(path, ocr=False), "unreadable", r"not a PDF \(PNG image\).*OCR")
    if HAS_OCR:  # read as the image it is; this one is blank
        r = read_resume(path)
        check_record(r, "unreadable", r"^not a PDF \(PNG image\): OCR found no text$")
        assert r.warnings == ("type_mismatch: named .pdf but content is PNG image",)


@pytest.mark.parametrize("name", ["cv.png", "cv.jpg"])
def test_image_files_are_unreadable_without_ocr(tmp_path, name):
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buf, "PNG" if name.endswith("png") else "JPEG")
    path = write(tmp_path, name, buf.getvalue())
    check_record(read_resume(path, ocr=False), "unreadable", r"image file .*OCR")
    if HAS_OCR:  # read by OCR; these are blank
        check_record(
            read_resume(path), "unreadable", r"^image file \((PNG|JPEG)\): OCR found no text$"
        )


def test_legacy_doc_is_unsupported(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    check_record(
        read_resume(write(tmp_path, "cv.doc", ole)),
        "unsupported",
        r"\.doc.*save it as \.docx or PDF",
    )
    # WPS's own format is OLE too: its users are told it is meant
    check_record(
        read_resume(write(tmp_path, "简历.wps", ole)), "unsupported", r"WPS \(\.wps\).*\.docx"
    )


def test_encrypted_office_file(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100) + "EncryptedPackage".encode("utf-16-le")
    check_record(read_resume(write(tmp_path, "cv.docx", ole)), "encrypted", "password")


def test_a_file_named_rtf_without_the_signature_is_corrupt(tmp_path):
    # RTF itself is read (tests/io/test_web_pages.py)
    data = bytes(range(256)) * 8  # text named .rtf is read as text (below)
    check_record(read_resume(write(tmp_path, "cv.rtf", data)), "corrupt", "RTF")


def test_unknown_suffix_is_unsupported(tmp_path):
    path = write(tmp_path, "cv.xyz", "简历".encode())
    check_record(
        read_resume(path, ocr=False),
        "unsupported",
        r"unsupported file type '\.xyz'; supported: \.pdf, \.docx, \.txt, \.rtf, \.html, .*\.xhtml, \.eml$",
    )
    check_record(
        read_resume(path),
        "unsupported",
        r"unsupported file type '\.xyz'; supported: \.pdf, .*\.mhtml, \.xhtml, \.eml, \.png, .*\.webp$",
    )


@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "utf-16"])
def test_text_file_without_a_suffix_is_read_as_text(tmp_path, encoding):
    # an e-mail attachment or an applicant-system download saved without its suffix
    r = read_resume(write(tmp_path, "简历_10086", PLAIN_CV.encode(encoding)))
    check_record(r, "ok")
    assert "手机银行转账与支付功能规划" in r.text and r.meta["backend"] == "txt"
    assert r.warnings == ("type_mismatch: named without suffix but content is text",)


@pytest.mark.parametrize("name", ["简历.pdf", "简历.docx", "简历.doc", "简历.rtf"])
def test_text_saved_under_a_documents_name_is_read_as_text(tmp_path, name):
    # a CV's text pasted into a file named .pdf/.docx: its words, not "corrupt"
    r = read_resume(write(tmp_path, name, PLAIN_CV.encode("gbk")))
    check_record(r, "ok")
    assert "手机银行转账与支付功能规划" in r.text and r.meta["backend"] == "txt"
    suffix = name.rsplit(".", 1)[1]
    assert r.warnings == (f"type_mismatch: named .{suffix} but content is text",)


def test_binary_data_under_a_documents_name_stays_corrupt(tmp_path):
    data = bytes(range(256)) * 8
    check_record(read_resume(write(tmp_path, "a.pdf", data)), "corrupt", r"no %PDF signature")
    check_record(read_resume(write(tmp_path, "a.docx", data)), "corrupt", r"not a ZIP container")


def test_binary_file_without_a_suffix_stays_unsupported(tmp_path):
    data = b"\x00\x00\x00\x01Bud1" + bytes(range(256)) * 4  # a .DS_Store, say
    check_record(read_resume(write(tmp_path, "blob", data)), "unsupported", r"file type '\(none\)'")


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        (
            "简历.doc",
            "<html><head><meta charset='utf-8'></head><body><p>{}</p></body></html>",
            "HTML",
        ),
        (
            "简历.doc",
            'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
            "--b\r\nContent-Type: text/html\r\n\r\n<html><body>{}</body></html>\r\n--b--",
            "MHT web archive",
        ),
        ("cv.pdf", "<!DOCTYPE html>\n<html><body>请先登录 {}</body></html>", "HTML"),
        ("cv", "<!DOCTYPE html>\n<html><body>{}</body></html>", "HTML"),
    ],
)
def test_a_web_page_named_as_a_document_is_read_and_says_so(tmp_path, name, data, what):
    # job boards export CVs as .doc that are web pages; a failed download saves one
    r = read_resume(write(tmp_path, name, data.format(PLAIN_CV).encode()))
    check_record(r, "ok")
    assert "手机银行转账与支付功能规划" in r.text
    suffix = name.partition(".")[2]
    named = f"named .{suffix}" if suffix else "named without suffix"
    assert r.warnings == (f"type_mismatch: {named} but content is a web page ({what})",)


def test_pdf_without_signature_is_corrupt(tmp_path):
    data = b"\x00\x01" * 100  # text named .pdf is read as text (above)
    check_record(read_resume(write(tmp_path, "cv.pdf", data)), "corrupt", "not a PDF")


def test_missing_file_and_directory(tmp_path):
    check_record(read_resume(tmp_path / "nope.pdf"), "unreadable", "^file not found$")
    check_record(read_resume(tmp_path), "unsupported", "directory")
    # a résumé's text passed where a path goes: say what to call instead
    text = "2015-至今 某银行 信用卡中心 客服团队主管，管理80人坐席团队。"
    check_record(read_resume(text), "unreadable", "resume_from_text")
    check_record(read_resume("工作经历\n" * 40), "unreadable", "resume_from_text")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs symbolic links and FIFOs")
def test_broken_links_and_special_files_get_a_record_and_are_never_opened(tmp_path):
    import threading

    (tmp_path / "dangling.pdf").symlink_to(tmp_path / "nowhere" / "cv.pdf")
    (tmp_path / "loop1.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop1.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # opened for reading, it blocks until a writer comes
    (tmp_path / "null.pdf").symlink_to(os.devnull)
    got = {}

    def read():
        for name in ("dangling.pdf", "loop1.txt", "pipe.txt", "null.pdf", "missing.txt"):
            got[name] = read_resume(tmp_path / name)

    t = threading.Thread(target=read, daemon=True)
    t.start()
    t.join(60)
    assert not t.is_alive(), "read_resume opened the FIFO"
    check_record(got["dangling.pdf"], "unreadable", r"^broken symbolic link \(its target .*\)$")
    check_record(got["loop1.txt"], "unreadable", r"^broken symbolic link \(a loop of links\)$")
    check_record(got["pipe.txt"], "unsupported", r"^not a regular file \(FIFO\)$")
    check_record(got["null.pdf"], "unsupported", r"^not a regular file \(character device\)$")
    check_record(got["missing.txt"], "unreadable", "^file not found$")


def partial_image_pdf(share: float, ink: bool) -> bytes:
    """One page with no text layer and one picture covering ``share`` of its area."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("RGB", (400, 400), "white")
    if ink:  # grey blocks, no letters: nothing OCR could read as text
        ImageDraw.Draw(img).rectangle((40, 40, 360, 120), fill=(90, 90, 90))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    side = (share * A4[0] * A4[1]) ** 0.5
    c.drawImage(ImageReader(img), 50, A4[1] - 50 - side, side, side)
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("share", [0.12, 0.25])
def test_a_page_with_only_a_partial_image_needs_ocr(tmp_path, share):
    # a résumé pasted in as a picture need not fill the page: it used to be
    # "empty: no text on any page" below 30% of the page, and OCR was never tried
    path = write(tmp_path, "cv.pdf", partial_image_pdf(share, ink=False))
    page = pdf_pages(path).pages[0]
    assert page.chars == 0 and abs(page.image_coverage - share) < 0.02
    assert page.needs_ocr and "holds an image" in page.ocr_reason
    check_record(
        read_resume(path, ocr=False),
        "unreadable",
        rf"^no usable text layer: the page holds an image \({share:.0%} of the page\) and no "
        r"text layer; it needs OCR, which is not enabled$",
    )


@needs_ocr
def test_a_partial_image_without_readable_text_says_so_after_ocr(tmp_path):
    r = read_resume(write(tmp_path, "cv.pdf", partial_image_pdf(0.25, ink=True)))
    check_record(
        r,
        "unreadable",
        r"^no usable text layer: the page holds an image \(25% of the page\) and no text "
        r"layer; OCR found (no|only \d+ characters of) text$",
    )
    assert r.meta["page_methods"] == ["ocr"]


def test_a_small_picture_alone_is_no_scan(tmp_path):
    page = pdf_pages(write(tmp_path, "cv.pdf", partial_image_pdf(0.05, ink=False))).pages[0]
    assert not page.needs_ocr  # a logo or head shot alone: an empty page, not worth OCR


def test_unexpected_parser_failure_is_an_error_record(tmp_path, monkeypatch):
    # the one seam a test cannot reach with a real file: a parser bug
    import rolematch.io._pdf as pdf_module

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pdf_module, "extract_pdf", broken)
    r = read_resume(TWO_COLUMN)
    check_record(r, "error", "RuntimeError: boom")
    assert "sha256" in r.meta


def test_pdf_pages_is_the_ocr_seam(tmp_path):
    pages = pdf_pages(DATA / "cv_image_only.pdf").pages
    assert [(p.number, p.needs_ocr, p.chars) for p in pages] == [(1, True, 0)]
    assert "probably a scan" in pages[0].ocr_reason
    assert not pdf_pages(TWO_COLUMN).pages[0].needs_ocr
    assert pdf_pages(write(tmp_path, "long.pdf", long_pdf(4)), max_pages=2).page_count == 4
    with pytest.raises(ExtractionError, match="not a PDF") as info:
        pdf_pages(write(tmp_path, "cv.pdf", png_bytes()))
    assert info.value.status == "unsupported"
    with pytest.raises(ExtractionError, match="password") as info:
        pdf_pages(DATA / "encrypted.pdf")
    assert info.value.status == "encrypted"


def test_sniff_and_supported_suffixes():
    assert SUPPORTED_SUFFIXES == (
        ".pdf", ".docx", ".txt", ".rtf", ".html", ".htm", ".mht", ".mhtml", ".xhtml", ".eml"
    )  # fmt: skip
    assert sniff(b"junk\n%PDF-1.4") == "pdf"
    assert sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "webp"
    assert sniff(b"PK\x03\x04") == "zip"


# ---------------------------------------------------------------------------
# the shared corpus (skips when ../shared is absent)

BADINPUT = {
    "empty.pdf": ("empty", r"empty file"),
    "encrypted_password.pdf": ("encrypted", r"password"),
    "gbk_encoded.txt": ("ok", None),
    "long_150_pages.pdf": ("ok", None),
    "png_renamed.pdf": ("unreadable", r"not a PDF \(PNG image\)"),
    "random_bytes.docx": ("corrupt", r"not a ZIP container"),
    "scanned_image_only.pdf": ("unreadable", r"probably a scan.*needs OCR"),
    "truncated.pdf": ("corrupt", r"truncated"),
    "white_text_keyword_stuffing.pdf": ("ok", None),
}


#: With OCR (the default) the scan and the renamed PNG are read (see tests/io/test_ocr.py).
BADINPUT_OCR = {**BADINPUT, "png_renamed.pdf": ("ok", None), "scanned_image_only.pdf": ("ok", None)}


@pytest.mark.parametrize("ocr", [False, pytest.param(True, marks=needs_ocr)])
def test_every_bad_input_gets_one_clear_record(shared_dir, ocr):
    files = sorted(p for p in (shared_dir / "badinput").iterdir() if p.is_file())
    expected = BADINPUT_OCR if ocr else BADINPUT
    assert {p.name for p in files} == set(expected)
    for path in files:
        status, reason = expected[path.name]
        r = read_resume(path, ocr=ocr)
        check_record(r, status, reason)
        if path.stat().st_size:
            assert len(r.meta["sha256"]) == 64


def test_gbk_text(shared_dir):
    r = read_resume(shared_dir / "badinput" / "gbk_encoded.txt")
    assert r.meta["encoding"] == "gb18030"
    assert "南京邮电大学" in r.text


def test_long_pdf_is_cut_at_50_pages(shared_dir):
    r = read_resume(shared_dir / "badinput" / "long_150_pages.pdf")
    assert r.pages == 50 and r.meta["pages_total"] == 150
    assert "truncated: read 50 of 150 pages" in r.warnings


def test_white_text_keyword_stuffing_is_excluded(shared_dir):
    r = read_resume(shared_dir / "badinput" / "white_text_keyword_stuffing.pdf")
    hidden = [w for w in r.warnings if w.startswith("hidden_text:")]
    assert hidden and int(re.search(r"\d+", hidden[0]).group()) > 1000
    # the stuffing is a copy of a job posting; none of it reaches the scorer
    for phrase in ("岗位描述", "主要任务指标", "12378专线", "智能质检综合覆盖率"):
        assert phrase not in r.text
    assert "华北仓储中心经理" in r.text


REALPDF_UNDECODABLE = {"haoyua_texshop_quartz.pdf": 500, "jiangbo_xetex_0.99999.pdf": 5}


def test_real_pdfs_are_readable_and_clean(shared_dir):
    # the text layers themselves (with OCR, the page that needs it is read again:
    # test_ocr.py::test_undecodable_latin_is_read_by_ocr)
    for path in sorted((shared_dir / "realpdf").glob("*.pdf")):
        r = read_resume(path, redact=False, ocr=False)
        check_record(r, "ok")
        assert count_artifacts(r.text) == {"cid": 0, "radicals": 0, "replacement": 0}, path.name
        assert sum(map(is_cjk, r.text)) >= 200, path.name
        assert {"name", "email"} & set(r.personal), path.name  # found, not shown here
        assert r.meta["backend"] in ("pdfium", "pdfplumber", "pdfium+pdfplumber")
        dropped = [w for w in r.warnings if w.startswith("undecodable_glyphs:")]
        if path.name in REALPDF_UNDECODABLE:
            assert int(re.search(r"\d+", dropped[0]).group()) >= REALPDF_UNDECODABLE[path.name]
            if path.name.startswith("haoyua"):  # mostly undecodable Latin: OCR would help
                assert "needs_ocr: page 1: 605 of 896 glyphs use fonts without a Unicode map" in (
                    " ".join(r.warnings)
                )
                assert r.meta["needs_ocr_pages"] == [1]
        else:
            assert not dropped, path.name


def test_radical_look_alikes_become_ideographs(shared_dir):
    # the same CV from two XeTeX versions: one maps some glyphs to radicals
    old = read_resume(shared_dir / "realpdf" / "jiangbo_xetex_0.99999.pdf", redact=False)
    new = read_resume(shared_dir / "realpdf" / "jiangbo_xetex_0.999991.pdf", redact=False)
    assert count_artifacts(old.text)["radicals"] == 0
    for term in ("龙泉驿区", "系统性风险", "页面广告"):
        assert term in old.text and term in new.text


def devset_lines(shared_dir: Path) -> dict[str, list[str]]:
    items = json.loads((shared_dir / "devset" / "resumes.json").read_text(encoding="utf-8"))
    out = {}
    for item in items:
        lines = (re.sub(r"\s+", "", line) for line in normalize_text(item["text"]).splitlines())
        out[item["id"]] = [line for line in lines if line]
    return out


def test_devset_lines_are_recovered_intact_and_in_order(shared_dir):
    """Every source line appears contiguously (only line wraps allowed), in order."""
    expected = devset_lines(shared_dir)
    found: dict[str, list[int]] = {}
    order_breaks = 0
    for path in sorted((shared_dir / "devset" / "files").iterdir()):
        if path.suffix not in SUPPORTED_SUFFIXES:
            continue
        producer = path.stem.split("_", 1)[1] + path.suffix
        r = read_resume(path, redact=False)
        check_record(r, "ok")
        got = re.sub(r"\s+", "", r.text)
        lines = expected[path.stem[:3]]
        positions = [got.find(line) for line in lines]
        hits = found.setdefault(producer, [0, 0])
        hits[0] += sum(p >= 0 for p in positions)
        hits[1] += len(lines)
        located = [p for p in positions if p >= 0]
        order_breaks += sum(a > b for a, b in zip(located, located[1:], strict=False))
    share = {producer: hit / total for producer, (hit, total) in found.items()}
    assert set(share) == {
        "rl-cid.pdf",
        "rl-2col.pdf",
        "lo-docx.pdf",
        "lo-docx.docx",
        "chrome.pdf",
        "txt.txt",
    }
    assert min(share.values()) >= 0.98, share
    assert order_breaks <= 2


# The speed target (rolematch at least 3x faster than bare pdfplumber, CPU time) is
# a benchmark, not a test: `python benchmarks/extraction.py` exits 1 when it is missed.


def test_read_resume_names_a_path_that_is_not_one():
    with pytest.raises(TypeError, match="'path' parameter of read_resume must be a file path"):
        read_resume(None)  # type: ignore[arg-type]
    # a NUL in a name: "never raises for a bad file" — it raised ValueError
    r = read_resume("cv\x00.txt")
    assert (r.status, r.reason) == ("unreadable", "the path holds a NUL character")
