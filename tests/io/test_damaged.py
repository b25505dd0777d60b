"""Damaged and hostile files get exactly one sensible status; ``error`` is kept for bugs.

Each case builds its file here (bit flips, truncation, a bad xref, spliced
documents, a page PDFium cannot load, a ZIP bomb, XML entity expansion, invalid
UTF-8/UTF-16, NULs, a 2 MB line, right-to-left and zero-width characters) and
checks the status, and that the reason or warning says what happened in words.
"""

from __future__ import annotations

import io
import random
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from rolematch.io.extract import read_resume
from tests.io._pdfs import emoji_pdf
from tests.io.conftest import W, docx, paragraphs

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "pdf"
CV = (
    "【工作经历】\n2018.03-至今 星河银行 手机银行部 产品经理\n"
    "负责手机银行转账与支付功能规划，推动渠道整合与客户体验优化。\n"
    "【教育背景】\n2010.09-2014.06 江南财经大学 金融学 本科\n"
)
DAMAGED = {"corrupt", "empty", "unreadable", "encrypted"}


def read(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    r = read_resume(path, ocr=False)
    assert r.status != "error", r.reason  # a damaged file is not a bug
    assert (r.status == "ok") == (r.reason == ""), (r.status, r.reason)
    return r


def seed_pdfs() -> list[Path]:
    return sorted(EXAMPLES.glob("*.pdf")) + [DATA / "cv_two_column.pdf"]


# ---------------------------------------------------------------------------
# PDF


@pytest.mark.parametrize("seed", range(12))
def test_bit_flipped_pdfs_get_one_plain_status(tmp_path, seed):
    rng = random.Random(seed)
    source = seed_pdfs()[seed % len(seed_pdfs())]
    data = bytearray(source.read_bytes())
    for _ in range((1, 8, 64, 512)[seed % 4]):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    r = read(tmp_path, "flipped.pdf", bytes(data))
    assert r.status in DAMAGED | {"ok"}
    if r.status == "corrupt":
        assert r.reason.startswith(("damaged PDF", "not a PDF (no %PDF signature")), r.reason


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.98])
def test_truncated_pdf_is_corrupt_and_says_so(tmp_path, keep):
    data = (DATA / "cv_two_column.pdf").read_bytes()
    r = read(tmp_path, "cut.pdf", data[: int(len(data) * keep)])
    assert r.status == "corrupt"
    assert "truncated" in r.reason


def test_startxref_pointing_nowhere_is_repaired_or_corrupt(tmp_path):
    data = (DATA / "cv_two_column.pdf").read_bytes()
    at = data.rfind(b"startxref")
    r = read(tmp_path, "xref.pdf", data[:at] + b"startxref\n17\n%%EOF\n")
    # PDFium rebuilds a broken cross-reference table by scanning the objects
    assert r.status == "ok" and "工作经历" in r.text


def test_pdf_without_xref_or_trailer_is_corrupt(tmp_path):
    data = (DATA / "cv_two_column.pdf").read_bytes()
    r = read(tmp_path, "noxref.pdf", data[: data.rfind(b"xref")] + b"%%EOF\n")
    assert r.status in {"ok", "corrupt"}
    if r.status == "corrupt":
        assert r.reason.startswith("damaged PDF")


@pytest.mark.parametrize("pair", [(0, 1), (1, 2), (2, 3)])
def test_spliced_pdfs_get_one_plain_status(tmp_path, pair):
    first, second = (seed_pdfs()[i].read_bytes() for i in pair)
    r = read(tmp_path, "spliced.pdf", first[: len(first) // 2] + second[len(second) // 2 :])
    assert r.status in DAMAGED | {"ok"}


def test_a_page_pdfium_cannot_load_is_corrupt_not_error(tmp_path):
    # the page tree names an object that is no page: PdfiumError "Failed to load page"
    data = emoji_pdf(
        ["【工作经历】", "负责手机银行运营与渠道建设，推动客户体验优化"], broken_page=True
    )
    r = read(tmp_path, "page.pdf", data)
    assert r.status == "ok"
    assert "damaged_pages: page 2 could not be loaded (damaged PDF)" in r.warnings
    assert "手机银行" in r.text


def test_a_pdf_whose_only_page_cannot_load_is_corrupt(tmp_path):
    from tests.io._pdfs import pdf_bytes

    data = pdf_bytes(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", b"42"]
    )
    r = read(tmp_path, "nopage.pdf", data)
    assert r.status == "corrupt"
    assert r.reason == "damaged PDF: its page cannot be loaded; re-save or re-print it as PDF"


def test_nuls_poured_into_a_pdf(tmp_path):
    data = bytearray((DATA / "cv_two_column.pdf").read_bytes())
    data[len(data) // 3 : len(data) // 3 + 4096] = bytes(4096)
    r = read(tmp_path, "nuls.pdf", bytes(data))
    assert r.status in DAMAGED | {"ok"}


# ---------------------------------------------------------------------------
# Word


def test_docx_zip_bomb_is_refused_before_it_inflates(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'.encode())
            chunk = b" " * (1 << 20)
            for _ in range(200):
                f.write(chunk)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")
    assert len(buf.getvalue()) < 1 << 20  # under 1 MB on disk, 200 MB inflated
    tracemalloc.start()
    try:
        r = read(tmp_path, "bomb.docx", buf.getvalue())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert r.status == "corrupt" and "ZIP bomb" in r.reason
    assert peak < 20 * 2**20  # refused from the ZIP directory, never inflated


def test_docx_entity_expansion_is_hostile_and_corrupt(tmp_path):
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "工作经历">{entities}]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&l8;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    r = read(tmp_path, "laughs.docx", docx(xml))
    assert r.status == "corrupt"
    assert "entities" in r.reason


def test_small_entity_in_docx_is_not_expanded(tmp_path):
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY kw "反洗钱反洗钱反洗钱">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>负责手机银行运营与渠道建设&kw;'
        "</w:t></w:r></w:p></w:body></w:document>"
    )
    r = read(tmp_path, "entity.docx", docx(xml))
    assert r.status in {"ok", "corrupt"}
    assert "反洗钱" not in r.text  # an entity is never a way to smuggle words in


@pytest.mark.parametrize("seed", range(6))
def test_damaged_docx_container(tmp_path, seed):
    rng = random.Random(seed)
    data = bytearray(docx(paragraphs(CV)))
    if seed % 2:
        data = data[: rng.randrange(len(data))]
    else:
        for _ in range(8):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    r = read(tmp_path, "damaged.docx", bytes(data))
    assert r.status in {"ok", "corrupt", "empty"}
    if r.status == "corrupt":
        assert "docx" in r.reason or "Word" in r.reason


# ---------------------------------------------------------------------------
# plain text


def test_a_few_invalid_utf8_bytes_are_replaced_and_counted(tmp_path):
    data = CV.encode()
    data = data[:30] + b"\xff" + data[30:60] + b"\xed\xa0\x80" + data[60:]
    r = read(tmp_path, "cv.txt", data)
    assert r.status == "ok" and "手机银行" in r.text
    assert any(w.startswith("invalid_bytes: ") for w in r.warnings), r.warnings


def test_mostly_invalid_bytes_are_unreadable_or_corrupt(tmp_path):
    rng = random.Random(0)
    data = bytes(rng.choice(b"\x80\x81\xfe\xff\xc3abc ") for _ in range(4000))
    r = read(tmp_path, "cv.txt", data)
    assert r.status in {"unreadable", "corrupt"}


def test_character_cut_off_at_the_end(tmp_path):
    r = read(tmp_path, "cv.txt", CV.encode()[:-2])
    assert r.status == "ok" and "the last character is cut off" in " ".join(r.warnings)


@pytest.mark.parametrize(
    "damage",
    ["cut off at the end", "a stray byte", "a byte dropped"],
)
def test_gbk_text_with_a_damaged_character_is_read(tmp_path, damage):
    # a download cut off mid-character, a byte flipped in a copy: GBK as often as UTF-8
    data = CV.encode("gbk")
    at = len(data) // 2
    data = {
        "cut off at the end": data + "负".encode("gbk")[:1],
        "a stray byte": data[:at] + b"\xff" + data[at:],
        "a byte dropped": data[:at] + data[at + 1 :],
    }[damage]
    r = read(tmp_path, "cv.txt", data)
    assert r.status == "ok", r.reason
    assert r.meta["encoding"] == "gb18030" and "手机银行" in r.text
    assert any(w.startswith("invalid_bytes: ") and "GB18030" in w for w in r.warnings), r.warnings


def test_random_bytes_are_not_read_as_damaged_gbk(tmp_path):
    rng = random.Random(1)
    data = bytes(rng.randrange(0x81, 0xFF) for _ in range(3000))
    assert read(tmp_path, "cv.txt", data).status in {"unreadable", "corrupt"}


def test_utf16_with_a_lone_surrogate(tmp_path):
    data = bytearray(CV.encode("utf-16-le"))
    data[40:42] = b"\x3d\xd8"  # a high surrogate with no partner
    r = read(tmp_path, "cv.txt", b"\xff\xfe" + bytes(data))
    assert r.status == "ok" and "手机银行" in r.text
    assert any(w.startswith("invalid_unicode: 1 ") for w in r.warnings), r.warnings
    r.text.encode("utf-8")


def test_utf16_with_an_odd_last_byte(tmp_path):
    r = read(tmp_path, "cv.txt", CV.encode("utf-16") + b"\x00")
    assert r.status == "ok" and "手机银行" in r.text
    assert any("odd last byte" in w for w in r.warnings)


def test_utf16_shifted_by_a_dropped_byte_is_corrupt(tmp_path):
    data = CV.encode("utf-16")
    r = read(tmp_path, "cv.txt", data[:21] + data[22:] + b"\x00")
    assert r.status in {"corrupt", "ok"}
    if r.status == "corrupt":
        assert "utf-16" in r.reason


def test_a_few_nuls_in_text_are_removed(tmp_path):
    data = CV[:20].encode() + b"\x00" + CV[20:].encode() + b"\x00\x00"
    r = read(tmp_path, "cv.txt", data)
    assert r.status == "ok" and "手机银行" in r.text
    assert "nul_bytes: 3 NUL bytes removed" in r.warnings


def test_many_nuls_are_binary_and_corrupt(tmp_path):
    data = b"\x00".join(CV.encode()[i : i + 3] for i in range(0, len(CV.encode()), 3))
    r = read(tmp_path, "cv.txt", data)
    assert r.status == "corrupt" and "binary" in r.reason


def test_two_megabyte_single_line(tmp_path):
    unit = "负责手机银行运营与渠道建设，推动客户体验优化。".encode()
    data = (unit * (2_000_000 // len(unit) + 1))[:2_000_000]
    r = read(tmp_path, "line.txt", data)
    assert r.status == "ok"
    assert any(w.startswith("long_lines: 1 ") for w in r.warnings), r.warnings
    assert any(w.startswith("invalid_bytes") for w in r.warnings)  # cut mid-character
    # every piece is a whole sentence: the split keeps sentence ends
    assert all(s.text.startswith("负责") for s in r.sentences[:50])


def test_rtl_and_zero_width_characters_are_dropped_and_words_kept(tmp_path):
    marks = "\u202e\u200b\u200d\u2060\ufeff\u200f"
    text = "".join(c + marks[i % len(marks)] for i, c in enumerate(CV)) + "\nمرحبا عمل مصرفي"
    r = read(tmp_path, "cv.txt", text.encode())
    assert r.status == "ok"
    assert "手机银行" in r.text and "产品经理" in r.text
    assert not any(c in r.text for c in marks)
