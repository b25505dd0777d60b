"""A CV that came by e-mail, saved as the message (.eml): read as its résumé attachment,
or else as the message's text; one row, the .eml's, whatever it holds."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from rolematch import read_resume, score_paths
from tests.conftest import EXAMPLES

PDF = EXAMPLES / "pdf" / "02_contact_centre_manager.pdf"
CV_TEXT = (EXAMPLES / "04_consumer_protection.txt").read_text("utf-8")


def _mail(body: str = "", html: str = "", attachments=(), charset: str = "utf-8") -> bytes:
    msg = EmailMessage()
    msg["From"] = "候选人 <candidate@example.com>"
    msg["To"] = "hr@example.com"
    msg["Subject"] = "应聘 客服中心主管 - 简历"
    if body:
        msg.set_content(body, charset=charset)
    if html:
        msg.add_alternative(html, subtype="html")
    for name, data, kind in attachments:
        maintype, subtype = kind.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_the_resume_attachment_is_read_as_the_file_would_be(tmp_path):
    mail = _mail(
        "您好，附件是我的简历和作品集，请查收。",
        attachments=[
            (
                "作品集.pdf",
                (EXAMPLES / "pdf" / "01_mobile_channel_lead.pdf").read_bytes(),
                "application/pdf",
            ),
            ("张三简历.pdf", PDF.read_bytes(), "application/pdf"),
            ("照片.jpg", b"\xff\xd8\xff\xe0 not really", "image/jpeg"),
        ],
    )
    path = _write(tmp_path, "转发：应聘客服中心主管.eml", mail)
    got, alone = read_resume(path), read_resume(PDF)
    assert got.status == "ok" and got.source == str(path)
    assert got.text == alone.text  # the CV, not the portfolio, though that one is larger
    assert (
        got.warnings[0]
        == "email: read its attachment 张三简历.pdf (not read: 作品集.pdf, 照片.jpg)"
    )


def test_a_message_without_an_attachment_is_read_as_its_text(tmp_path):
    plain = _write(tmp_path, "plain.eml", _mail(CV_TEXT, html=f"<p>{CV_TEXT}</p>"))
    gbk = _write(tmp_path, "gbk.eml", _mail(CV_TEXT, charset="gb18030"))
    html = _write(
        tmp_path, "html.eml", _mail(html="<div>" + CV_TEXT.replace("\n", "<br>") + "</div>")
    )
    want = read_resume(_write(tmp_path, "cv.txt", CV_TEXT.encode())).text
    for path in (plain, gbk, html):
        r = read_resume(path)
        assert (r.status, r.text) == ("ok", want), path.name
        assert r.warnings[0] == "email: read the message text (no résumé attached)"


@pytest.mark.parametrize(
    ("data", "status", "reason"),
    [
        (_mail(), "empty", "an e-mail with no text and no résumé attachment"),
        (
            _mail("见附件", attachments=[("简历.pdf", b"%PDF-1.4 truncated", "application/pdf")]),
            "corrupt",
            "its attachment 简历.pdf: ",
        ),
        ("姓名：张三\n负责客服".encode(), "corrupt", "not an e-mail message"),
    ],
    ids=["nothing", "broken-attachment", "not-a-message"],
)
def test_a_message_that_holds_no_resume_says_why(tmp_path, data, status, reason):
    r = read_resume(_write(tmp_path, "x.eml", data))
    assert r.status == status and r.reason.startswith(reason), r.reason


def test_an_eml_in_a_folder_is_one_row(tmp_path):
    folder = tmp_path / "cvs"
    folder.mkdir()
    _write(
        folder,
        "a.eml",
        _mail("见附件", attachments=[("cv.pdf", PDF.read_bytes(), "application/pdf")]),
    )
    _write(folder, "b.eml", _mail(CV_TEXT))
    with score_paths([folder], model="static-zh") as results:
        frame = results.to_frame()
    rows = frame.drop_duplicates("file")
    assert sorted(Path(f).name for f in rows.file) == ["a.eml", "b.eml"]
    assert (rows.status == "ok").all()


def test_a_message_forwarded_as_an_attachment_is_read_as_that_message(tmp_path):
    # "Forward as Attachment": the outer mail says only "see attached"
    inner = EmailMessage()
    inner["From"], inner["Subject"] = "candidate@example.com", "简历"
    inner.set_content("见附件")
    inner.add_attachment(
        PDF.read_bytes(), maintype="application", subtype="pdf", filename="简历.pdf"
    )
    outer = EmailMessage()
    outer["From"], outer["Subject"] = "hr@example.com", "Fwd: 简历"
    outer.set_content("请看附件里转发的邮件")
    outer.add_attachment(inner)
    r = read_resume(_write(tmp_path, "fwd.eml", outer.as_bytes()))
    assert r.text == read_resume(PDF).text and r.source == str(tmp_path / "fwd.eml")
    assert r.warnings[0] == "email: read its attachment 简历.pdf"
