"""A résumé's bytes, or why there are none: one job, kept apart from the readers.

:func:`resume_input` is where every input of :func:`~rolematch.io.extract.read_resume`
becomes bytes and a name: a path (:func:`file_bytes`), the file's content as bytes (a web
upload, an S3 object) or a binary file object. What cannot be one of them is a
``TypeError`` naming the parameter and what to pass: a text-mode file object, bytes that
name a file rather than hold one.

A path may be missing, a broken link or a loop of links, a folder (listable or not), a
FIFO, socket or device (never opened: a FIFO would block and a device never end), an
unreadable file, or a résumé's text given where a path goes. Each is an
:class:`~rolematch.exceptions.ExtractionError` with the status and reason its row shows.
"""

from __future__ import annotations

import errno
import inspect
import io
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, cast

from rolematch.exceptions import ExtractionError

__all__ = ["UNNAMED", "BinaryReadable", "file_bytes", "resume_input"]

#: The source of a record read from bytes, or a file object, that came without a name.
UNNAMED = "<bytes>"
# bytes this short on one line may be a path's name (Windows' MAX_PATH is 260)
_MAX_PATH_BYTES = 260
_WHAT = (
    "The 'path' parameter of read_resume must be a file path (str or Path), the file's "
    "content (bytes) or a binary file object."
)


class BinaryReadable(Protocol):
    """A binary file object: ``open(path, "rb")``, ``io.BytesIO``, an upload."""

    def read(self) -> bytes: ...


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


def resume_input(x: object, filename: object) -> tuple[Path, bool, Callable[[], bytes]]:
    """The name a record of ``x`` shows, whether it has one, and how to get its bytes.

    Parameters
    ----------
    x : str, Path, bytes, bytearray, memoryview or binary file object
        ``read_resume``'s ``path``.
    filename : str, Path or None
        ``read_resume``'s ``filename``; ``None`` or ``""``: the path itself, the file
        object's ``filename`` (Flask/Werkzeug uploads) or ``name``, or :data:`UNNAMED`.

    Returns
    -------
    name : Path
        What the record's ``source`` shows; its suffix says the file's type.
    named : bool
        False for bytes or a file object without a name (nothing to mismatch the content).
    read : callable
        Gives the bytes, or raises :class:`ExtractionError` saying why there are none
        (``TypeError`` for a file object whose ``read()`` gives no bytes).

    Raises
    ------
    TypeError
        ``x`` is none of these, a text-mode file object, or bytes naming a file.
    ValueError
        ``filename`` is not a str, or ``x`` is a closed file object.

    Examples
    --------
    >>> name, named, read = resume_input("简历".encode(), "张三.txt")
    >>> str(name), named, read().decode()
    ('张三.txt', True, '简历')
    >>> name, named, _ = resume_input(b"%PDF-1.7 ...", None)
    >>> str(name), named
    ('<bytes>', False)
    """
    if filename is not None and not (
        isinstance(filename, str | os.PathLike) and isinstance(os.fspath(filename), str)
    ):
        raise ValueError(
            "The 'filename' parameter of read_resume must be a str (a file name such as "
            f"'张三.pdf') or None. Got {filename!r} instead."
        )
    given = Path(filename) if filename else None
    if isinstance(x, str | os.PathLike):
        path = Path(x)
        return given or path, True, lambda: file_bytes(path)
    if isinstance(x, bytes | bytearray | memoryview):
        data = bytes(x)
        _check_not_a_name(data)
        return given or Path(UNNAMED), given is not None, lambda: data
    if isinstance(x, io.TextIOBase):
        raise TypeError(
            f"{_WHAT} Got a text-mode file object ({type(x).__name__}) instead: open the "
            "file in binary mode ('rb') or pass its path; for text in memory use "
            "rolematch.resume_from_text."
        )
    if not callable(getattr(x, "read", None)):
        raise TypeError(f"{_WHAT} Got {type(x).__name__} instead.")
    if getattr(x, "closed", False) is True:
        raise ValueError(
            "The 'path' parameter of read_resume is a closed file; read it before closing it."
        )
    own = next(
        (
            Path(os.fsdecode(n))
            for n in (getattr(x, "filename", None), getattr(x, "name", None))
            if n and isinstance(n, str | bytes | os.PathLike)  # opened from an fd: an int
        ),
        None,
    )
    name = given or own
    reader = cast(BinaryReadable, x)
    return name or Path(UNNAMED), name is not None, lambda: _read_object(reader, name)


def _check_not_a_name(data: bytes) -> None:
    """A ``TypeError`` when bytes on one short line name an existing file: a résumé's
    content never does, and ``os.fsencode(path)`` would be scored as its name's words."""
    if len(data) >= _MAX_PATH_BYTES or b"\n" in data or b"\x00" in data or not data.strip():
        return
    try:
        exists = os.path.exists(data)
    except (OSError, ValueError):
        return
    if exists:
        raise TypeError(
            f"{_WHAT} Got bytes that name an existing file ({data!r}); bytes are the file's "
            "content: pass the path as a str (os.fsdecode(path))."
        )


def _read_object(x: BinaryReadable, name: Path | None) -> bytes:
    """All a binary file object's bytes from where it stands; the object stays open."""
    try:
        data = x.read()
    except OSError as e:
        reason = f"cannot read the file: {e.strerror or e}"
        raise ExtractionError(name or UNNAMED, reason, status="unreadable") from None
    if isinstance(data, bytes | bytearray | memoryview):
        return bytes(data)
    hint = ""
    if inspect.iscoroutine(data):  # an async upload (Starlette's UploadFile)
        data.close()
        hint = " (an async upload: pass await upload.read())"
    elif isinstance(data, str):
        hint = ": open the file in binary mode ('rb')"
    raise TypeError(
        "The 'path' parameter of read_resume must be a binary file object: its read() "
        f"returned {type(data).__name__}, not bytes{hint}."
    )


def file_bytes(path: Path) -> bytes:
    """The bytes of a regular file (through links), or :class:`ExtractionError` saying
    why there are none: a NUL in the path, missing, a broken link, a folder, a FIFO or
    device (never opened: a FIFO would block and a device never end), or an unreadable
    file."""
    from rolematch.io.extract import source_name

    if "\x00" in str(path):  # no file system has such a name
        raise ExtractionError(path, "the path holds a NUL character", status="unreadable")
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
