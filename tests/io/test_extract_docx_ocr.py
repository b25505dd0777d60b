"""A scan pasted into Word: a .docx whose body is a picture and (almost) no text is read
by OCR, as the same picture saved as an image file is (rolematch.io._docx.ocr_docx).

The pictures are drawn from a known résumé (``tests/data/make_ocr_pages.py``) with an
installed CJK font; without one, or without ``rapidocr_onnxruntime``, the tests that
read pictures skip.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from rolematch.io import _ocr
from rolematch.io.extract import read_resume
from tests.io.test_ocr import FONT, HAS_OCR, PAGES, needs_font, needs_ocr, png_bytes, small_page


def _docx(path: Path, *pictures: bytes, title: str = "", text: str = "") -> Path:
    import docx

    doc = docx.Document()
    if title:
        doc.add_heading(title, level=1)
    for picture in pictures:
        doc.add_picture(io.BytesIO(picture))
    if text:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


@pytest.fixture(scope="module")
def picture():
    if FONT is None or not HAS_OCR:
        pytest.skip("needs a CJK font and rapidocr_onnxruntime")
    return png_bytes(small_page(PAGES.WORK[:4], dpi=150))


@needs_ocr
@needs_font
def test_a_docx_holding_only_a_scan_is_read_as_the_image_file_is(picture, tmp_path):
    (tmp_path / "scan.png").write_bytes(picture)
    image = read_resume(tmp_path / "scan.png", redact=False)
    assert image.ok, image.reason
    r = read_resume(_docx(tmp_path / "scan.docx", picture), redact=False)
    # it was `empty: the file contains no text`
    assert (r.status, r.reason) == ("ok", "")
    assert r.text == image.text and r.meta["backend"] == "docx+ocr"
    assert r.meta["ocr_confidence"] == image.meta["ocr_confidence"]
    confidence = f"{r.meta['ocr_confidence']:.2f}"
    assert r.warnings[0] == f"ocr: the picture read by OCR (mean confidence {confidence})"
    # a title typed above the scan stays, before the scan's text
    titled = read_resume(_docx(tmp_path / "titled.docx", picture, title="个人简历"), redact=False)
    assert titled.ok and titled.text == "个人简历\n" + image.text


@needs_ocr
@needs_font
def test_two_pasted_pages_are_read_in_order_and_a_blank_one_is_unreadable(picture, tmp_path):
    from PIL import Image

    second = png_bytes(small_page(PAGES.EDUCATION, dpi=150))
    r = read_resume(_docx(tmp_path / "two.docx", picture, second), redact=False)
    assert r.ok and r.text.index(PAGES.WORK[0][:6]) < r.text.index(PAGES.EDUCATION[0][:4])
    assert r.warnings[0].startswith("ocr: pictures 1, 2 read by OCR (mean confidence ")
    blank = png_bytes(Image.new("L", (300, 200), 255))
    r = read_resume(_docx(tmp_path / "blank.docx", blank))
    assert r.status == "unreadable"
    assert r.reason == (
        "the Word document holds only a picture (a scan pasted into Word?); OCR found no text"
    )


@needs_ocr
@needs_font
def test_a_docx_with_its_own_text_and_a_photo_is_not_sent_to_ocr(picture, tmp_path, monkeypatch):
    def no_ocr(*args, **kwargs):
        raise AssertionError("OCR was run")

    monkeypatch.setattr(_ocr, "ocr_image_file", no_ocr)
    text = "工作经历\n2016.07-至今 华信银行 客服组长，负责客户来电咨询与投诉处理。"
    r = read_resume(_docx(tmp_path / "cv.docx", picture, text=text), redact=False)
    assert r.ok and r.meta["backend"] == "docx" and "客服组长" in r.text
    assert not any(w.startswith("ocr") for w in r.warnings)


def test_without_ocr_a_docx_of_pictures_is_unreadable_and_says_why(tmp_path, monkeypatch):
    from PIL import Image

    picture = png_bytes(Image.new("L", (300, 200), 255))
    path = _docx(tmp_path / "scan.docx", picture)
    r = read_resume(path, ocr=False)
    assert (r.status, r.reason) == (
        "unreadable",
        "the Word document holds only a picture (a scan pasted into Word?); reading it needs "
        "OCR, which is not enabled",
    )
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)  # the engine is missing
    monkeypatch.setattr(_ocr, "_ENGINE", None)
    r = read_resume(path)
    assert r.status == "unreadable"
    assert r.reason.startswith(
        "the Word document holds only a picture (a scan pasted into Word?); reading it needs "
        "OCR, which is unavailable: "
    )
    assert "pip install 'rapidocr-onnxruntime" in r.reason
    # a .docx with no text and no picture is still empty
    empty = read_resume(_docx(tmp_path / "empty.docx"))
    assert (empty.status, empty.reason) == ("empty", "the file contains no text")
