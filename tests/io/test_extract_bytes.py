"""read_resume given a file's content: bytes and binary file objects (rolematch.io.extract).

Web uploads and S3 objects arrive as bytes; they are read as the file would be, the type
from ``filename=`` (or the file object's name) or, failing that, from the content.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from rolematch.io.extract import read_resume
from tests.io._files import check_record
from tests.io.conftest import docx, paragraphs

DATA = Path(__file__).resolve().parents[1] / "data"
TWO_COLUMN = DATA / "cv_two_column.pdf"
PLAIN_CV = (
    "【工作经历】\n2018.03-至今 星河银行 手机银行部 产品经理\n负责手机银行转账与支付功能规划。\n"
)


def _same_reading(a, b):
    assert (a.status, a.text, a.sections, a.personal) == (b.status, b.text, b.sections, b.personal)
    assert [(s.text, s.page, s.section) for s in a.sentences] == [
        (s.text, s.page, s.section) for s in b.sentences
    ]


def test_bytes_with_a_filename_are_read_as_that_file(tmp_path):
    data = TWO_COLUMN.read_bytes()
    r = read_resume(data, filename="林晓东.pdf")
    check_record(r, "ok")
    assert r.source == "林晓东.pdf"
    assert r.meta["sha256"] == hashlib.sha256(data).hexdigest()
    assert r.meta["bytes"] == len(data) and r.meta["backend"] == "pdfium"
    on_disk = read_resume(TWO_COLUMN)
    _same_reading(r, on_disk)
    assert r.warnings == on_disk.warnings


def test_bytes_without_a_name_are_sniffed_and_marked(tmp_path):
    pdf = read_resume(TWO_COLUMN.read_bytes())
    check_record(pdf, "ok")
    assert pdf.source == "<bytes>" and pdf.meta["backend"] == "pdfium"
    # no name, so nothing for the content to mismatch
    assert not any(w.startswith("type_mismatch") for w in pdf.warnings), pdf.warnings
    _same_reading(pdf, read_resume(TWO_COLUMN))

    word = read_resume(docx(paragraphs(PLAIN_CV)))
    check_record(word, "ok")
    assert word.meta["backend"] == "docx" and "手机银行" in word.text
    assert not any(w.startswith("type_mismatch") for w in word.warnings), word.warnings

    text = read_resume(PLAIN_CV.encode("gbk"))
    check_record(text, "ok")
    assert text.meta["encoding"] == "gb18030" and text.warnings == ()
    _same_reading(text, read_resume(PLAIN_CV.encode("utf-8"), filename="cv.txt"))


@pytest.mark.parametrize("data", [bytearray(PLAIN_CV.encode()), memoryview(PLAIN_CV.encode())])
def test_bytes_like_objects_are_bytes(data):
    r = read_resume(data)
    check_record(r, "ok")
    assert r.source == "<bytes>" and "手机银行" in r.text


def test_bytes_of_no_known_type_are_unsupported_like_an_unknown_suffix(tmp_path):
    junk = bytes(range(256)) * 4
    unnamed = read_resume(junk)
    check_record(unnamed, "unsupported", r"unsupported file type.*filename=")
    named = read_resume(junk, filename="cv.xyz")
    on_disk = read_resume(_write(tmp_path, "cv.xyz", junk))
    check_record(named, "unsupported", r"unsupported file type '\.xyz'")
    assert named.reason == on_disk.reason


def test_the_filename_says_the_type_as_a_suffix_does(tmp_path):
    pdf = TWO_COLUMN.read_bytes()
    r = read_resume(pdf, filename="cv.txt")
    assert r.status == "ok"
    assert "type_mismatch: named .txt but content is PDF" in r.warnings
    assert r.warnings == read_resume(_write(tmp_path, "cv.txt", pdf)).warnings

    broken = read_resume(bytes(range(256)) * 8, filename="cv.docx")
    check_record(broken, "corrupt", "damaged .docx: not a ZIP container")
    assert read_resume(b"", filename="cv.pdf").status == "empty"
    assert read_resume(b"").status == "empty"


def test_a_path_with_a_filename_is_read_as_the_filename_says(tmp_path):
    upload = _write(tmp_path, "upload-3f2a", PLAIN_CV.encode())
    r = read_resume(upload, filename="张三.txt")
    check_record(r, "ok")
    assert r.source == "张三.txt" and r.warnings == ()


def test_a_binary_file_object_is_read_from_where_it_stands(tmp_path):
    with open(TWO_COLUMN, "rb") as f:
        r = read_resume(f)
        assert not f.closed  # the caller's file stays the caller's
    check_record(r, "ok")
    assert r.source == str(TWO_COLUMN)
    _same_reading(r, read_resume(TWO_COLUMN))

    buffer = io.BytesIO(PLAIN_CV.encode())
    assert read_resume(buffer).source == "<bytes>"
    buffer.seek(0)
    assert read_resume(buffer, filename="cv.txt").source == "cv.txt"


def test_an_upload_object_names_itself_by_its_filename():
    class Upload(io.BytesIO):  # Flask/Werkzeug's FileStorage: name is the form field
        name = "resume"
        filename = "张三.pdf"

    r = read_resume(Upload(TWO_COLUMN.read_bytes()))
    assert r.source == "张三.pdf" and r.status == "ok"


def test_a_text_mode_file_is_refused_with_what_to_pass(tmp_path):
    path = _write(tmp_path, "cv.txt", PLAIN_CV.encode())
    text_mode = (
        r"The 'path' parameter of read_resume .* Got a text-mode file object "
        r"\(TextIOWrapper\) instead: open the file in binary mode \('rb'\)"
    )
    with open(path, encoding="utf-8") as f, pytest.raises(TypeError, match=text_mode):
        read_resume(f)
    with pytest.raises(TypeError, match=r"text-mode file object \(StringIO\).*resume_from_text"):
        read_resume(io.StringIO(PLAIN_CV))

    class Reader:  # read() that gives str without being a TextIOBase
        def read(self):
            return PLAIN_CV

    with pytest.raises(TypeError, match=r"its read\(\) returned str, not bytes"):
        read_resume(Reader())


def test_what_is_neither_a_path_nor_content_is_refused():
    with pytest.raises(
        TypeError,
        match=r"'path' parameter of read_resume must be a file path \(str or Path\), the "
        r"file's content \(bytes\) or a binary file object\. Got int instead\.",
    ):
        read_resume(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"'path' parameter of read_resume is a closed file"):
        f = io.BytesIO(b"x")
        f.close()
        read_resume(f)
    with pytest.raises(ValueError, match=r"'filename' parameter of read_resume must be a str"):
        read_resume(b"x", filename=3)  # type: ignore[arg-type]


def test_bytes_naming_a_file_are_not_taken_for_its_content():
    with pytest.raises(TypeError, match=r"bytes that name an existing file .*os\.fsdecode"):
        read_resume(bytes(TWO_COLUMN))


def test_an_unreadable_file_object_is_an_unreadable_record():
    class Broken(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, b):
            raise OSError(5, "Input/output error")

    r = read_resume(Broken(), filename="cv.pdf")
    check_record(r, "unreadable", "cannot read the file: Input/output error")
    assert r.source == "cv.pdf"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path
