"""A résumé path's bytes, or why there are none: one job, kept apart from the readers.

Missing, a broken link or a loop of links, a folder (listable or not), a FIFO, socket or
device (never opened: a FIFO would block and a device never end), an unreadable file, or
a résumé's text given where a path goes. Each is an
:class:`~rolematch.exceptions.ExtractionError` with the status and reason its row shows.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from rolematch.exceptions import ExtractionError

__all__ = ["file_bytes"]


#: What ``stat`` calls the files that are not regular files or folders.
_SPECIAL = (
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)


def _text_hint(path: Path) -> str:
    """What to do when the 'path' is a résumé's text: a path has no line breaks and
    seldom a sentence's punctuation."""
    name = str(path)
    if "\n" in name or len(name) > 255 or re.search(r"[，。；：]", name):
        return " (this looks like a résumé's text, not a path: use rolematch.resume_from_text)"
    return ""


def file_bytes(path: Path) -> bytes:
    """The bytes of a regular file (through links), or :class:`ExtractionError` saying
    why there are none: missing, a broken link, a folder, a FIFO or device (never
    opened: a FIFO would block and a device never end), or an unreadable file."""
    from rolematch.io.extract import source_name

    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise ExtractionError(
                path,
                f"broken symbolic link (its target '{source_name(os.readlink(path))}' "
                "does not exist)",
                status="unreadable",
            ) from None
        raise ExtractionError(
            path, "file not found" + _text_hint(path), status="unreadable"
        ) from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            reason = "broken symbolic link (a loop of links)"
        else:
            reason = f"cannot read the file: {e.strerror or e}{_text_hint(path)}"
        raise ExtractionError(path, reason, status="unreadable") from None
    if stat.S_ISDIR(st.st_mode):
        try:
            os.scandir(path).close()
        except OSError as e:
            reason = f"a folder that cannot be listed: {e.strerror or e}"
            raise ExtractionError(path, reason, status="unreadable") from None
        raise ExtractionError(path, "a directory, not a file", status="unsupported")
    if not stat.S_ISREG(st.st_mode):
        kind = next((name for test, name in _SPECIAL if test(st.st_mode)), "special file")
        raise ExtractionError(path, f"not a regular file ({kind})", status="unsupported")
    try:
        # O_NONBLOCK: should the file have become a FIFO since, opening it cannot block
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise ExtractionError(path, "not a regular file", status="unsupported")
            return f.read()
    except OSError as e:
        reason = f"cannot read the file: {e.strerror or e}"
        raise ExtractionError(path, reason, status="unreadable") from None
