"""A CV that came by e-mail, saved as the message (.eml: Outlook's "Save as", Foxmail's
and a webmail's "download message"): its résumé attachment, or else its text.

One file is one candidate, so one attachment is read: the one named as a CV (简历,
履历, resume, CV), else the largest the reader takes; the others are named in a warning.
A message forwarded as an attachment is read as that message. A message with none of
these is read as its text (a CV pasted into the mail, or forwarded from a job board as
the message). Either way the row is the .eml file's.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Callable, Collection
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path

from rolematch.documents import Resume
from rolematch.exceptions import ExtractionError

__all__ = ["read_eml"]

#: an attachment named as a résumé: read before a portfolio or a cover letter
_CV_NAME = re.compile(r"简历|履历|履歷|簡歷|resume|résumé|curriculum|(?<![a-z])cv(?![a-z])", re.I)
#: the headers every message has one of (a text file that only mentions a subject has none)
_HEADERS = ("from", "to", "subject", "date", "message-id", "received")


def read_eml(
    path: Path,
    data: bytes,
    read: Callable[[Path, bytes], Resume],
    readable: Collection[str],
) -> Resume:
    """The résumé an e-mail message carries, as the row of ``path``.

    Parameters
    ----------
    path : Path
        The .eml file (it names the row and any error).
    data : bytes
        Its bytes.
    read : callable
        ``read(name, data)`` reads an attachment or the message's text as a file of
        that name would be read.
    readable : collection of str
        The suffixes ``read`` takes (``.pdf``, ``.docx`` …).

    Raises
    ------
    ExtractionError
        Not a message (``corrupt``), a message with neither a résumé attachment nor
        text (``empty``), or what reading the chosen attachment raised, naming it.

    Examples
    --------
    >>> mail = ("From: hr@example.com\\nSubject: 简历\\nContent-Type: text/plain; charset=utf-8"
    ...         "\\n\\n2019-至今 某银行 客服中心 主管，负责坐席管理与投诉处理").encode()
    >>> r = read_eml(Path("转发.eml"), mail, lambda p, b: Resume(str(p), b.decode()), {".pdf"})
    >>> r.source, r.text[:11], r.warnings
    ('转发.eml', '2019-至今 某银行', ('email: read the message text (no résumé attached)',))
    """
    msg = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(msg, EmailMessage) or not any(h in msg for h in _HEADERS):
        raise ExtractionError(
            path, "not an e-mail message (no From, To or Subject header)", status="corrupt"
        )
    found = [
        (name, payload if isinstance(payload := part.get_payload(decode=True), bytes) else b"")
        for part in msg.iter_attachments()
        if Path(name := str(part.get_filename() or "")).suffix.lower() in readable
    ]
    if found:
        found.sort(key=lambda a: (_CV_NAME.search(a[0]) is None, -len(a[1])))
        name, payload = found[0]
        others = [n for n, _ in found[1:]]
        note = f"email: read its attachment {name}"
        if others:
            more = f" and {len(others) - 3} more" if len(others) > 3 else ""
            note += f" (not read: {', '.join(others[:3])}{more})"
        try:
            resume = read(Path(name), payload)
        except ExtractionError as e:
            why = f"its attachment {name}: {e.reason}"
            raise ExtractionError(path, why, status=e.status) from e
        return replace(resume, source=str(path), warnings=(note, *resume.warnings))
    for part in msg.iter_attachments():  # Outlook's "Forward as Attachment"
        if part.get_content_type() == "message/rfc822":
            inner = part.get_content()
            if isinstance(inner, EmailMessage):
                return read_eml(path, inner.as_bytes(), read, readable)
    body = msg.get_body(preferencelist=("plain", "html"))
    text = body.get_content() if isinstance(body, EmailMessage) else ""
    if not isinstance(text, str) or not text.strip():
        raise ExtractionError(
            path,
            f"an e-mail with no text and no résumé attachment ({', '.join(sorted(readable))})",
            status="empty",
        )
    html = body is not None and body.get_content_subtype() == "html"
    resume = read(Path("message.html" if html else "message.txt"), text.encode("utf-8"))
    note = "email: read the message text (no résumé attached)"
    return replace(resume, source=str(path), warnings=(note, *resume.warnings))
