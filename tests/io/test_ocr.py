"""OCR inside ingestion: scans, photos and image files (rolematch.io._ocr, io.extract).

The pages are drawn here from a known résumé (``tests/data/make_ocr_pages.py``)
with an installed CJK font; without one, or without ``rapidocr_onnxruntime``,
the tests that read pictures skip. The layout and settings tests need neither.
"""

from __future__ import annotations

import importlib.util
import io
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rolematch.io import _ocr
from rolematch.io._ocr import OcrLine, _deskew, line_chars, ocr_threads, page_timeout
from rolematch.io._pdf import layout_text
from rolematch.io.extract import read_resume

DATA = Path(__file__).resolve().parents[1] / "data"
ROOT = Path(__file__).resolve().parents[2]


def _load_pages():
    spec = importlib.util.spec_from_file_location("make_ocr_pages", DATA / "make_ocr_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAGES = _load_pages()
FONT = PAGES.cjk_font()
HAS_OCR = importlib.util.find_spec("rapidocr_onnxruntime") is not None

needs_ocr = pytest.mark.skipif(not HAS_OCR, reason="rapidocr_onnxruntime is not installed")
needs_font = pytest.mark.skipif(FONT is None, reason="no CJK font (fc-list :lang=zh)")

#: The two-column page's text with the personal lines (redacted) left out.
TWO_COLUMN_BODY = "\n".join(PAGES.EDUCATION + PAGES.SKILLS + PAGES.MAIN)


@pytest.fixture(autouse=True)
def _ocr_env(monkeypatch):
    # tests set their own limits; the machine's settings must not leak in
    for var in (_ocr.THREADS_ENV, _ocr.TIMEOUT_ENV):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="module")
def scans(tmp_path_factory):
    """The résumé at 150 dpi: a PNG, an image-only PDF, and a two-column PNG."""
    if FONT is None or not HAS_OCR:
        pytest.skip("needs a CJK font and rapidocr_onnxruntime")
    folder = tmp_path_factory.mktemp("scans")
    page = PAGES.one_column(dpi=150)
    page.save(folder / "cv.png", dpi=(150, 150))
    PAGES.image_pdf(page, folder / "cv.pdf", dpi=150)
    PAGES.two_column(dpi=150).save(folder / "cv_two_column.png")
    return folder


@pytest.fixture(scope="module")
def png_resume(scans):
    return read_resume(scans / "cv.png", redact=False)


@pytest.fixture(scope="module")
def pdf_resume(scans):
    return read_resume(scans / "cv.pdf")


def small_page(lines, *, dpi=150, size_pt=10.5):
    """A few lines drawn in a narrow column, cropped to a square around them.

    Quick to read: the detector scales any picture up until its short side is
    736 pixels, so a wide strip would cost as much as a page.
    """
    img = PAGES.render([(20, 360, lines)], dpi=dpi, size_pt=size_pt, top_pt=20)
    side = round(380 * dpi / 72)
    return img.crop((0, 0, side, side))


def png_bytes(img, **save) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", **save)
    return buf.getvalue()


# ---------------------------------------------------------------------------
# whole pages: accuracy, reading order, record, ranking


@needs_ocr
@needs_font
def test_png_resume_is_read_with_95_percent_of_its_characters_in_order(png_resume):
    r = png_resume
    assert r.status == "ok", r.reason
    assert PAGES.char_recall(PAGES.CALL_CENTER_CV, r.text) >= 0.95
    assert r.meta["backend"] == "ocr" and r.meta["page_methods"] == ["ocr"]
    assert r.meta["ocr_confidence"] >= _ocr.LOW_CONFIDENCE
    assert r.warnings == (
        f"ocr: the image read by OCR (mean confidence {r.meta['ocr_confidence']:.2f})",
    )
    assert r.pages == 1 and {s.page for s in r.sentences} == {1}


@needs_ocr
@needs_font
def test_image_only_pdf_is_read_and_redacted_like_a_text_layer(pdf_resume, scans):
    r = pdf_resume
    assert r.status == "ok", r.reason
    assert r.meta["page_methods"] == ["ocr"] and r.meta["needs_ocr_pages"] == [1]
    assert r.meta["page_backends"] == ["ocr"] and r.meta["pages_total"] == 1
    assert not any(w.startswith(("needs_ocr", "ocr_low_confidence")) for w in r.warnings)
    # the same sections, normalisation and redaction as a text layer
    assert {"work", "education", "skills", "summary"} <= set(r.sections)
    assert "坐席团队经理" in r.sections["work"] and "江南财经大学" in r.sections["education"]
    assert "求职意向:客户服务团队主管" in r.text  # NFKC: full-width colon to ASCII
    assert r.personal["name"] == "周静怡" and r.personal["phone"] == ["139****2756"]
    assert r.personal["email"] == ["zhou.jy@example.com"]
    for secret in ("周静怡", "139****2756", "zhou.jy@example.com"):
        assert secret not in r.text
    unredacted = read_resume(scans / "cv.pdf", redact=False)
    assert PAGES.char_recall(PAGES.CALL_CENTER_CV, unredacted.text) >= 0.95


@needs_ocr
@needs_font
def test_two_column_scan_is_read_column_by_column(scans):
    r = read_resume(scans / "cv_two_column.png")
    assert r.status == "ok", r.reason
    # sidebar first (education, skills), then the main column, each line whole
    assert PAGES.char_recall(TWO_COLUMN_BODY, r.text) >= 0.95
    text = r.text.replace(" ", "")
    assert text.index("江南财经大学") < text.index("质检分析") < text.index("华信银行远程银行中心")
    assert "负责电话银行语音、在线文本和智能客服渠道的现场运营管理" in text
    assert r.personal["name"] == "周静怡" and "周静怡" not in r.text


@needs_ocr
@needs_font
@pytest.mark.semantic
def test_ocr_resume_ranks_its_labelled_role_first(pdf_resume):
    import rolematch

    matcher = rolematch.Matcher().fit(rolematch.load_roles())
    best = matcher.match([pdf_resume], top_k=3)[0]
    assert best[0].role_id == PAGES.LABEL, [(m.role_id, round(m.score, 3)) for m in best]


@needs_ocr
@needs_font
def test_ocr_false_keeps_the_old_verdicts(scans):
    r = read_resume(scans / "cv.png", ocr=False)
    assert r.status == "unreadable"  # as the scanned PDF: one remedy, one status
    assert r.reason == "image file (PNG); reading images needs OCR, which is not enabled"
    r = read_resume(scans / "cv.pdf", ocr=False)
    assert r.status == "unreadable"
    assert r.reason == (
        "no usable text layer: the page is an image without a text layer (probably a scan); "
        "it needs OCR, which is not enabled"
    )
    assert r.meta["page_methods"] == ["text_layer"] and "ocr_confidence" not in r.meta


# ---------------------------------------------------------------------------
# the shared corpus


@needs_ocr
def test_shared_scan_and_renamed_png_are_read_not_rejected(shared_dir):
    scan = read_resume(shared_dir / "badinput" / "scanned_image_only.pdf")
    png = read_resume(shared_dir / "badinput" / "png_renamed.pdf")
    for r in (scan, png):
        assert r.status == "ok", r.reason
        assert r.meta["page_methods"] == ["ocr"] and r.meta["ocr_confidence"] >= 0.9
        assert r.personal["name"] == "罗欣然"
        for phrase in ("北辰银行", "天津分行办公室", "舆情监测", "南开大学", "银行从业资格"):
            assert phrase in r.text, phrase
        assert {"work", "skills"} <= set(r.sections)
    assert scan.warnings[0].startswith("ocr: page 1 read by OCR")
    assert png.warnings[0] == "type_mismatch: named .pdf but content is PNG image"
    assert png.warnings[1].startswith("ocr: the image read by OCR")


@needs_ocr
def test_undecodable_latin_is_read_by_ocr(shared_dir):
    # a Quartz export whose Latin fonts have no Unicode map: the text layer gives the
    # Chinese only; OCR reads the whole page (with ocr=False see test_extract.py)
    r = read_resume(shared_dir / "realpdf" / "haoyua_texshop_quartz.pdf", redact=False)
    assert r.status == "ok" and r.meta["page_methods"] == ["ocr"]
    assert not any(w.startswith(("undecodable_glyphs", "needs_ocr")) for w in r.warnings)
    assert r.personal["email"] == ["HaoyuZhang95@outlook.com"]
    for phrase in ("EDUCATION", "莫纳什大学", "Visual Studio", "JQuery", "卡路里追踪"):
        assert phrase in r.text, phrase


# ---------------------------------------------------------------------------
# image files


@needs_ocr
@needs_font
def test_sideways_phone_photo_is_turned_upright_by_its_exif_tag(tmp_path):
    from PIL import Image

    page = small_page(["【工作经历】", "负责呼叫中心坐席排班与智能质检"])
    # a phone stores the pixels as the sensor saw them and the turn in EXIF
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 degrees clockwise to display"
    path = tmp_path / "photo.jpg"
    page.rotate(90, expand=True).convert("RGB").save(path, "JPEG", quality=90, exif=exif)
    r = read_resume(path)
    assert r.status == "ok", r.reason
    # read sideways, the two lines would come out as one
    assert r.text.splitlines() == ["【工作经历】", "负责呼叫中心坐席排班与智能质检"]


@needs_ocr
@needs_font
@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_page_scanned_sideways_or_upside_down_is_read_in_order(tmp_path, turn):
    lines = ["【工作经历】", "负责呼叫中心坐席排班", "【教育背景】", "江南财经大学金融学本科"]
    path = write(tmp_path, "scan.png", png_bytes(small_page(lines).rotate(turn, expand=True)))
    r = read_resume(path)
    assert r.status == "ok", r.reason
    assert r.text.splitlines() == lines


@needs_ocr
@needs_font
def test_transparent_screenshot_and_multipage_tiff(tmp_path):
    from PIL import Image

    page = small_page(["【专业技能】", "呼叫中心运营管理、智能客服知识库"])
    # dark text on a transparent background: flattened on white, not on black
    rgba = Image.new("RGBA", page.size, (0, 0, 0, 0))
    rgba.putalpha(page.point(lambda v: 255 - v))
    r = read_resume(write(tmp_path, "shot.png", png_bytes(rgba)))
    assert r.status == "ok", r.reason
    assert "智能客服知识库" in r.text

    second = small_page(["【教育背景】", "2008.09-2012.06 江南财经大学 金融学 本科"])
    path = tmp_path / "fax.tif"
    page.save(path, "TIFF", save_all=True, append_images=[second])
    r = read_resume(path)
    assert r.status == "ok" and r.pages == 2 and r.meta["page_methods"] == ["ocr", "ocr"]
    assert r.warnings[0].startswith("ocr: pages 1, 2 read by OCR")
    assert {s.page for s in r.sentences if "江南财经大学" in s.text} == {2}
    r = read_resume(path, max_pages=1)
    assert r.pages == 1 and "truncated: read 1 of 2 pages" in r.warnings


@needs_ocr
def test_image_without_text_is_unreadable(tmp_path):
    from PIL import Image

    r = read_resume(write(tmp_path, "blank.webp", webp(Image.new("RGB", (300, 200), "white"))))
    assert r.status == "unreadable"
    assert r.reason == "image file (WebP): OCR found no text"
    assert r.meta["page_methods"] == ["ocr"] and "ocr_confidence" not in r.meta


def webp(img) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "WEBP")
    return buf.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@needs_ocr
def test_damaged_and_oversized_images(tmp_path, monkeypatch):
    from PIL import Image

    data = png_bytes(Image.new("L", (400, 300), 255))
    r = read_resume(write(tmp_path, "cut.png", data[: len(data) // 2]))
    assert r.status == "corrupt" and r.reason.startswith("damaged image:")
    r = read_resume(write(tmp_path, "junk.jpg", b"not an image at all" * 10))
    assert r.status == "corrupt"
    assert r.reason == "damaged image: not a PNG, JPEG, WebP, TIFF, GIF or BMP picture"
    monkeypatch.setattr(_ocr, "MAX_IMAGE_PIXELS", 100_000)
    r = read_resume(write(tmp_path, "big.png", data))
    assert r.status == "unsupported"
    assert r.reason == "image of 400x300 pixels is too large to read (at most 0.1 megapixels)"


# ---------------------------------------------------------------------------
# confidence, limits, failures


@needs_ocr
@needs_font
def test_low_confidence_adds_a_warning(tmp_path):
    page = small_page(PAGES.WORK[:4], dpi=150)
    bad = PAGES.degrade(page, **PAGES.DEGRADATIONS["copier"])
    r = read_resume(write(tmp_path, "copy.png", png_bytes(bad)))
    low = [w for w in r.warnings if w.startswith("ocr_low_confidence:")]
    assert r.meta["ocr_confidence"] < _ocr.LOW_CONFIDENCE
    assert low == [
        f"ocr_low_confidence: page 1: mean confidence {r.meta['ocr_confidence']:.2f} < "
        f"{_ocr.LOW_CONFIDENCE:.2f}; the text may be garbled (blurred or low-resolution scan?)"
    ]


@needs_ocr
@needs_font
def test_page_time_limit_fails_the_page_with_a_warning(tmp_path, monkeypatch):
    page = small_page(PAGES.WORK[:3])
    png = write(tmp_path, "cv.png", png_bytes(page))
    pdf = tmp_path / "cv.pdf"
    PAGES.image_pdf(page, pdf)
    monkeypatch.setenv(_ocr.TIMEOUT_ENV, "0.001")
    r = read_resume(pdf)
    assert r.status == "unreadable"
    assert r.reason.endswith(
        "(probably a scan); OCR failed: time limit of 0.001 s per page reached"
    )
    assert r.warnings == ("ocr_failed: page 1: time limit of 0.001 s per page reached",)
    assert r.meta["page_methods"] == ["text_layer"]
    r = read_resume(png)
    assert r.status == "unreadable"
    assert r.reason == "image file (PNG): OCR failed: time limit of 0.001 s per page reached"


@needs_ocr
@needs_font
def test_pages_beyond_the_ocr_limit_are_skipped_with_a_warning(tmp_path, monkeypatch):
    pages = [small_page(PAGES.WORK[i : i + 2]) for i in (0, 2, 4)]
    path = tmp_path / "scan.pdf"
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=150.0)
    monkeypatch.setattr(_ocr, "MAX_OCR_PAGES", 2)
    r = read_resume(path)
    assert r.status == "ok" and r.meta["page_methods"] == ["ocr", "ocr", "text_layer"]
    confidence = r.meta["ocr_confidence"]
    assert r.warnings == (
        "ocr_skipped: 1 of 3 pages that need OCR not read (at most 2 per file)",
        f"ocr: pages 1, 2 of 3 read by OCR (mean confidence {confidence:.2f})",
        "needs_ocr: page 3: the page is an image without a text layer (probably a scan)",
    )
    assert {s.page for s in r.sentences} == {1, 2}


@needs_ocr
@needs_font
def test_text_layer_pages_and_scanned_pages_in_one_pdf(tmp_path):
    import pypdfium2 as pdfium

    scan = tmp_path / "scan.pdf"
    PAGES.image_pdf(small_page(["【教育背景】", "2008.09-2012.06 江南财经大学 金融学 本科"]), scan)
    doc = pdfium.PdfDocument.new()
    doc.import_pages(pdfium.PdfDocument(str(DATA / "cv_two_column.pdf")))
    doc.import_pages(pdfium.PdfDocument(str(scan)))
    path = tmp_path / "mixed.pdf"
    doc.save(str(path))
    r = read_resume(path)
    assert r.status == "ok", r.reason
    assert r.meta["page_methods"] == ["text_layer", "ocr"]
    assert r.meta["page_backends"] == ["pdfium", "ocr"] and r.meta["backend"] == "pdfium+ocr"
    assert r.meta["needs_ocr_pages"] == [2]
    assert r.warnings[0] == "hidden_text: 42 chars excluded"  # from the text layer of page 1
    assert r.warnings[1].startswith("ocr: page 2 of 2 read by OCR")
    pages = {s.page for s in r.sentences if "江南财经大学" in s.text}
    assert pages == {2} and "星河银行" in r.text


def test_missing_ocr_engine_keeps_files_unreadable_with_an_install_hint(tmp_path, monkeypatch):
    from PIL import Image

    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)  # import fails
    monkeypatch.setattr(_ocr, "_ENGINE", None)
    r = read_resume(DATA / "cv_image_only.pdf")
    assert r.status == "unreadable"
    assert (
        "(probably a scan); it needs OCR, which is unavailable: 'rapidocr_onnxruntime'" in r.reason
    )
    assert "pip install 'rapidocr-onnxruntime" in r.reason
    r = read_resume(write(tmp_path, "cv.png", png_bytes(Image.new("L", (50, 50), 255))))
    assert r.status == "unreadable"
    assert r.reason.startswith("image file (PNG); reading images needs OCR, which is unavailable:")


# ---------------------------------------------------------------------------
# the engine and its settings


@needs_ocr
def test_engine_loads_once_per_process_with_the_thread_setting(monkeypatch):
    monkeypatch.setenv(_ocr.THREADS_ENV, "1")
    first = _ocr.engine()
    assert _ocr.engine() is first
    for session in (first.text_det.infer.session, first.text_rec.session.session):
        assert session.get_session_options().intra_op_num_threads == 1
    monkeypatch.setenv(_ocr.THREADS_ENV, "2")
    assert _ocr.engine() is not first  # a worker given another share gets its own engine


def test_import_loads_no_ocr_engine():
    code = (
        "import sys, rolematch, rolematch.io.extract as x, rolematch.io._ocr\n"
        f"r = x.read_resume({str(DATA / 'cv_two_column.pdf')!r})\n"
        "assert r.status == 'ok', r.reason\n"
        "bad = [m for m in ('rapidocr_onnxruntime', 'onnxruntime', 'cv2') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=120)


def test_thread_and_timeout_settings(monkeypatch):
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    assert ocr_threads() == 3  # a batch worker's share
    monkeypatch.setenv(_ocr.THREADS_ENV, "2")
    assert ocr_threads() == 2
    monkeypatch.delenv("OMP_NUM_THREADS")
    monkeypatch.delenv(_ocr.THREADS_ENV)
    assert 1 <= ocr_threads() <= 4
    assert page_timeout() == _ocr.PAGE_TIMEOUT
    monkeypatch.setenv(_ocr.TIMEOUT_ENV, "2.5")
    assert page_timeout() == 2.5


@pytest.mark.parametrize("bad", ["0", "-2", "many", "1.5"])
def test_bad_thread_setting_is_named(monkeypatch, bad):
    monkeypatch.setenv(_ocr.THREADS_ENV, bad)
    msg = rf"The ROLEMATCH_OCR_THREADS environment variable must be an integer >= 1\. Got '{bad}' instead\."
    with pytest.raises(ValueError, match=msg):
        ocr_threads()


@pytest.mark.parametrize("bad", ["0", "-1", "soon", "inf", "nan"])
def test_bad_timeout_setting_is_named(monkeypatch, bad):
    monkeypatch.setenv(_ocr.TIMEOUT_ENV, bad)
    msg = rf"The ROLEMATCH_OCR_PAGE_TIMEOUT environment variable must be a number of seconds > 0\. Got '{bad}' instead\."
    with pytest.raises(ValueError, match=msg):
        page_timeout()


@needs_ocr
def test_bad_setting_gives_an_error_record_not_a_crash(monkeypatch):
    monkeypatch.setenv(_ocr.THREADS_ENV, "many")
    r = read_resume(DATA / "cv_image_only.pdf")
    assert r.status == "error" and "ROLEMATCH_OCR_THREADS" in r.reason


@pytest.mark.parametrize("bad", [1, "yes", None])
def test_ocr_parameter_is_validated(bad):
    with pytest.raises(
        ValueError, match=r"The 'ocr' parameter of read_resume must be a bool\. Got"
    ):
        read_resume(DATA / "cv_two_column.pdf", ocr=bad)


# ---------------------------------------------------------------------------
# reading order from line boxes (no OCR engine needed)


def line(text, x0, top, x1=None, height=20.0, score=0.99):
    x1 = x0 + 20.0 * len(text) if x1 is None else x1
    return OcrLine(text, score, x0, top, x1, top + height)


def test_lines_in_two_columns_come_out_column_by_column():
    # detection order is row by row across both columns, as RapidOCR sorts boxes;
    # the sidebar's leading differs from the main column's
    side = ["基本信息", "电话：139****2756", "专业技能", "排班规划、质检分析"]
    main = ["工作经历", "负责坐席管理和智能质检工作", "教育背景", "江南财经大学金融学本科"]
    lines = [line(t, 40, 60 + 30 * i) for i, t in enumerate(side)]
    lines += [line(t, 400, 62 + 36 * i) for i, t in enumerate(main)]
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    assert layout_text(line_chars(lines, 0.5)).splitlines() == side + main


def test_label_value_rows_stay_rows_and_noise_is_dropped():
    lines = [
        line("姓名", 40, 60),
        line("周静怡", 200, 60),
        line("性别", 40, 94),
        line("女", 200, 94),
        line("籍贯", 40, 128),
        line("江苏南京", 200, 128),
        line("@#", 500, 128, score=0.3),  # a stamp or a logo read as text
        line("", 40, 162, 300),  # a rule
    ]
    assert layout_text(line_chars(lines, 0.5)).splitlines() == [
        "姓名 周静怡",
        "性别 女",
        "籍贯 江苏南京",
    ]


def test_spaces_and_latin_widths_survive_the_char_boxes():
    chars = line_chars([line("Excel 数据分析", 40, 60, 40 + 20 * 7.5)], 1.0)
    assert [c.text for c in chars] == list("Excel数据分析")
    assert chars[5].space_before and not chars[4].space_before
    assert chars[0].x1 - chars[0].x0 < chars[5].x1 - chars[5].x0  # Latin is narrower
    assert math.isclose(chars[-1].x1, 40 + 20 * 7.5)
    assert layout_text(chars) == "Excel 数据分析"


@pytest.mark.parametrize("degrees", [-4.0, -1.5, 2.0, 5.0])
def test_a_page_photographed_askew_is_turned_upright(degrees):
    # boxes of lines 30 px apart, 600 px long, turned about the page centre
    a = math.radians(degrees)

    def turned(x, y):
        x, y = x - 500, y - 700
        return [500 + x * math.cos(a) - y * math.sin(a), 700 + x * math.sin(a) + y * math.cos(a)]

    quads = np.array(
        [
            [turned(100, y), turned(700, y), turned(700, y + 20), turned(100, y + 20)]
            for y in range(100, 400, 30)
        ]
    )
    upright = _deskew(quads, 500, 700)
    heights = upright[:, :, 1].max(axis=1) - upright[:, :, 1].min(axis=1)
    assert np.allclose(heights, 20, atol=0.01)
    assert np.allclose(upright[:, 0, 1], np.arange(100, 400, 30), atol=0.01)


def test_upright_boxes_are_left_alone():
    quads = np.array([[[100, y], [700, y + 1], [700, y + 21], [100, y + 20]] for y in (0, 30.0)])
    assert _deskew(quads, 500, 700) is quads  # 0.1 degrees: not worth turning


@needs_ocr
@needs_font
def test_a_picture_of_text_on_a_quarter_of_the_page_is_read_by_ocr(tmp_path):
    # a page with no text layer and a picture on 25% of it was "empty: no text on any
    # page" (OCR only started from 30%); the picture is a résumé pasted in small
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    lines = ["【教育背景】", "2008.09-2012.06 江南财经大学 金融学 本科"]
    img = small_page(lines, dpi=300)
    side = (0.25 * A4[0] * A4[1]) ** 0.5
    path = tmp_path / "cv.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(img), 40, A4[1] - 40 - side, side, side, preserveAspectRatio=True)
    c.showPage()
    c.save()
    from rolematch.io.extract import pdf_pages

    assert 0.1 <= pdf_pages(path).pages[0].image_coverage < 0.3
    r = read_resume(path)
    assert r.status == "ok", r.reason
    assert r.meta["page_methods"] == ["ocr"] and "江南财经大学" in r.text


# ---------------------------------------------------------------------------
# pages rendered without their text objects


def cjk_canvas(path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return canvas.Canvas(str(path), pagesize=PAGES.A4)


@needs_ocr
@needs_font
def test_ocr_of_a_thin_layer_page_leaves_its_text_objects_out(tmp_path):
    from reportlab.lib.utils import ImageReader

    from rolematch.io._ocr import ocr_pdf_pages

    # a typed line, a form XObject's line and a small scan on one page
    lines = ["【工作经历】", "负责呼叫中心坐席排班与智能质检"]
    scan = PAGES.render([(20, 360, lines)], top_pt=20).crop((0, 0, 792, 250))
    path = tmp_path / "cv.pdf"
    c = cjk_canvas(path)
    c.drawImage(ImageReader(scan), 40, 500, 380, 120)
    c.setFont("STSong-Light", 14)
    c.drawString(40, 700, "应聘岗位：客户经理")
    c.beginForm("stamp")
    c.setFont("STSong-Light", 14)
    c.drawString(40, 300, "扫描全能王 创建")
    c.endForm()
    c.doForm("stamp")
    c.showPage()
    c.save()
    data = path.read_bytes()
    whole = ocr_pdf_pages(data, [1], dpi=100)[0]
    assert "应聘岗位" in whole.text and "扫描全能王" in whole.text  # the typed text renders
    picture = ocr_pdf_pages(data, [1], hide_text={1}, dpi=100)[0]
    assert picture.text.splitlines() == lines


# ---------------------------------------------------------------------------
# a scanned CV under a thin text layer: a typed header, a scanner app's footer

HEADER_LINE = "个人简历 张三 应聘岗位：客户经理 投递日期：2023-05-12"
SCANNER_FOOTER = "扫描全能王 创建 CamScanner 2023-05-12 14:32"
#: What the two scanned pictures of :func:`thin_layer_pdf` show, in reading order.
SCANNED_PAGE_1 = ["个人简历", *PAGES.HEADER, *PAGES.WORK]
SCANNED_PAGE_2 = PAGES.EDUCATION + PAGES.SKILLS + PAGES.SUMMARY


def thin_layer_pdf(path):
    """Two scanned CV pages, each under a thin text layer, as people send them.

    Page 1: a scan filling the page, a name line typed above its first line (the
    scan has its own "个人简历" title). Page 2: a scan pasted into a Word page between
    2.5 cm margins (about half the page), and a scanner app's footer drawn as a form
    XObject, as watermarks are.
    """
    from reportlab.lib.utils import ImageReader

    width, height = PAGES.A4
    c = cjk_canvas(path)
    c.drawImage(ImageReader(PAGES.render([(60, 535, SCANNED_PAGE_1)])), 0, 0, width, height)
    c.setFont("STSong-Light", 12)
    c.drawString(60, height - 36, HEADER_LINE)
    c.showPage()
    scan = ImageReader(PAGES.render([(60, 535, SCANNED_PAGE_2)], top_pt=40))
    c.drawImage(scan, 90, height - 72 - 587, 415, 587)
    c.beginForm("footer")
    c.setFont("STSong-Light", 8)
    c.drawString(90, 40, SCANNER_FOOTER)
    c.endForm()
    c.doForm("footer")
    c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def thin_layer(tmp_path_factory):
    if FONT is None or not HAS_OCR:
        pytest.skip("needs a CJK font and rapidocr_onnxruntime")
    return thin_layer_pdf(tmp_path_factory.mktemp("thin") / "cv.pdf")


def test_a_scan_under_a_thin_text_layer_needs_ocr(thin_layer):
    from rolematch.io.extract import pdf_pages

    first, second = pdf_pages(thin_layer).pages
    assert first.thin_layer and first.needs_ocr and first.image_coverage > 0.99
    assert first.text == HEADER_LINE and first.chars == 30
    # a scan between a Word page's margins covers less than half of it
    assert second.thin_layer and 0.3 <= second.image_coverage < 0.5
    assert second.text == SCANNER_FOOTER and second.chars == 32
    assert second.ocr_reason == (
        f"the page is an image ({second.image_coverage:.0%} of it) with a thin text layer "
        "(32 chars)"
    )
    assert first.glyphs and second.glyphs  # upright pages: laid out again with OCR's lines


@needs_ocr
@needs_font
def test_a_scan_under_a_thin_text_layer_is_read_with_the_layer_once(thin_layer):
    # both pages passed as text: the résumé was its header and footer (a few words)
    r = read_resume(thin_layer, redact=False)
    assert r.status == "ok", r.reason
    assert r.meta["page_methods"] == ["text_layer+ocr", "text_layer+ocr"]
    assert r.meta["page_backends"] == ["pdfium+ocr", "pdfium+ocr"]
    assert r.meta["backend"] == "pdfium+ocr" and r.meta["needs_ocr_pages"] == [1, 2]
    assert r.warnings == (
        f"ocr: pages 1, 2 of 2 read by OCR (mean confidence {r.meta['ocr_confidence']:.2f})"
        "; page 1 is an image with a thin text layer (30 chars): its OCR lines were added "
        "to that text; page 2 is an image with a thin text layer (32 chars): its OCR lines "
        "were added to that text",
    )
    scanned = "\n".join(SCANNED_PAGE_1 + SCANNED_PAGE_2)
    assert PAGES.char_recall(scanned, r.text) >= 0.95
    for phrase in ("坐席团队经理", "江南财经大学", "智能客服知识库", "消费者权益保护"):
        assert phrase in r.text, phrase
    assert {"work", "education", "skills"} <= set(r.sections)
    # the typed header on top, once: neither its rendering nor the scan's own title
    # "个人简历" is read a second time; the footer at the bottom of its page
    lines = r.text.splitlines()
    assert lines[0] == "个人简历 张三 应聘岗位:客户经理 投递日期:2023-05-12"
    assert r.text.count("个人简历") == 1 and r.text.count("应聘岗位") == 1
    assert r.text.count("扫描全能王") == 1 and lines[-1] == SCANNER_FOOTER
    assert {s.page for s in r.sentences if "江南财经大学" in s.text} == {2}


@needs_font
def test_without_ocr_a_thin_layer_page_says_its_image_was_not_read(thin_layer, capsys):
    import json

    from rolematch.cli import main

    r = read_resume(thin_layer, ocr=False)
    assert r.status == "ok" and r.meta["page_methods"] == ["text_layer", "text_layer"]
    assert "坐席" not in r.text
    needs = [w for w in r.warnings if w.startswith("needs_ocr:")]
    assert needs[0] == (
        "needs_ocr: page 1: the page is an image (100% of it) with a thin text layer "
        "(30 chars); its image was not read"
    )
    assert needs[1].startswith("needs_ocr: page 2: the page is an image (4")
    assert needs[1].endswith("with a thin text layer (32 chars); its image was not read")
    assert main(["extract", str(thin_layer), "--no-ocr"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["warnings"][:2] == needs


def text_resume_with_pictures(path):
    """A text résumé: a page of text with a head shot, a short last page with a logo,
    and a page of text printed on a full-page background picture."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    width, height = PAGES.A4
    photo = Image.new("L", (180, 240), 200)
    ImageDraw.Draw(photo).ellipse((40, 30, 140, 150), fill=90)
    logo = Image.new("L", (400, 120), 255)
    ImageDraw.Draw(logo).rectangle((10, 10, 110, 110), fill=30)
    background = Image.linear_gradient("L").resize((600, 850))
    c = cjk_canvas(path)
    c.drawImage(ImageReader(photo), width - 150, height - 170, 90, 120)
    c.setFont("STSong-Light", 10.5)
    for i, line in enumerate(PAGES.CALL_CENTER_CV.splitlines()):
        c.drawString(60, height - 60 - 18 * i, line[:48])
    c.showPage()
    c.drawImage(ImageReader(logo), 60, height - 100, 100, 30)
    c.setFont("STSong-Light", 10.5)
    for i, line in enumerate(PAGES.SKILLS + PAGES.EDUCATION):
        c.drawString(60, height - 140 - 18 * i, line)
    c.showPage()
    c.drawImage(ImageReader(background), 0, 0, width, height)
    c.setFont("STSong-Light", 10.5)
    for i, line in enumerate(PAGES.WORK[:5]):
        c.drawString(60, height - 60 - 18 * i, line[:48])
    c.showPage()
    c.save()
    return path


@needs_font
def test_text_resume_with_a_photo_a_logo_and_a_background_is_not_sent_to_ocr(tmp_path):
    from rolematch.io.extract import pdf_pages

    path = text_resume_with_pictures(tmp_path / "cv.pdf")
    pages = pdf_pages(path).pages
    assert [p.needs_ocr for p in pages] == [False, False, False]
    # the short page is thin but hardly a picture; the background page is a picture
    # under a page of text
    assert pages[1].chars < 150 and pages[1].image_coverage < 0.05
    assert pages[2].chars >= 150
    r = read_resume(path)
    assert r.status == "ok" and r.meta["page_methods"] == ["text_layer"] * 3
    assert not any(w.startswith(("ocr", "needs_ocr")) for w in r.warnings), r.warnings


@needs_ocr
@needs_font
def test_a_cover_page_on_a_picture_without_text_keeps_its_text_layer(tmp_path):
    # a résumé's cover page: a few typed lines on a decorative picture; OCR looks at
    # the picture, finds no text, and the page stays as its text layer said, silently
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    picture = Image.linear_gradient("L").resize((600, 850))
    ImageDraw.Draw(picture).ellipse((100, 300, 500, 700), fill=220)
    path = tmp_path / "cover.pdf"
    c = cjk_canvas(path)
    c.drawImage(ImageReader(picture), 0, 0, *PAGES.A4)
    c.setFont("STSong-Light", 16)
    for i, line in enumerate(["个人简历", "求职意向：客户服务团队主管", "江南财经大学 金融学"]):
        c.drawString(150, 600 - 30 * i, line)
    c.showPage()
    c.save()
    r = read_resume(path)
    assert r.status == "ok" and r.meta["needs_ocr_pages"] == [1]
    assert r.meta["page_methods"] == ["text_layer"] and "ocr_confidence" not in r.meta
    assert not any(w.startswith(("ocr", "needs_ocr")) for w in r.warnings), r.warnings
    assert r.text.splitlines()[:2] == ["个人简历", "求职意向:客户服务团队主管"]
