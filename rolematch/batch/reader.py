"""Read résumé files in a child process that is killed when one file takes too long.

One job: give every file a record within ``timeout`` seconds, whatever its parser does.

A pathological PDF or OCR page can keep a C-level parser busy for minutes, and no
signal or thread can stop C code in the process that runs it. So
:class:`GuardedReader` reads in a child interpreter (``python -m rolematch.batch.reader``,
started once and kept for the whole batch): the parent sends a path, waits at most
``timeout`` seconds for the record, and kills and replaces the child when it is late
(the file gets status ``error``, ``timed out after N s``) or when it died (a parser
crash: status ``error``, the reader crashed). The child is a plain subprocess, not a
multiprocessing one, so it works from any script, guarded by ``if __name__ ==
"__main__":`` or not. Its standard output carries the protocol (length-prefixed pickles);
anything a library prints goes to standard error. It exits when its parent's pipe
closes, and on Linux is killed with its parent.

The common path costs one pickled record each way per file and one interpreter start
with the readers' imports per batch process, while that process loads its model:
measured on 200 two-page PDFs (static-zh, one process, 2 shared cores),
``--file-timeout 0`` (no child) 6.9-7.3 s CPU, the default 7.8-8.2 s, same output.
"""

from __future__ import annotations

import os
import pickle
import select
import struct
import subprocess
import sys
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from rolematch.documents import Resume

__all__ = ["GuardedReader", "read_file"]

_HEADER = struct.Struct("<Q")
_ROOT = Path(__file__).resolve().parents[2]  # the folder that holds the package


def read_file(path: str | Path, options: Mapping[str, Any]) -> tuple[Resume, str]:
    """``read_resume(path, **options)`` and ``""``, or, if it raises, a record with
    status ``error`` (exception class and message as the reason) and the traceback."""
    from rolematch.io.extract import read_resume

    try:
        return read_resume(path, **options), ""
    except Exception as e:  # noqa: BLE001 - one file's bug must not stop a batch
        return Resume.failed(str(path), "error", f"{type(e).__name__}: {e}"), (
            traceback.format_exc()
        )


class GuardedReader:
    """Reads files one at a time in a child process, each within ``timeout`` seconds.

    Parameters
    ----------
    options : mapping
        Keyword arguments of :func:`~rolematch.io.extract.read_resume`.
    timeout : float
        Seconds one file may take.

    Examples
    --------
    >>> with GuardedReader({"max_pages": 5}, timeout=60) as reader:
    ...     record, tb = reader.read("no/such/cv.pdf")
    >>> record.status, tb
    ('unreadable', '')
    """

    def __init__(self, options: Mapping[str, Any], timeout: float) -> None:
        if not isinstance(timeout, int | float) or isinstance(timeout, bool) or timeout <= 0:
            raise ValueError(
                f"The 'timeout' parameter of GuardedReader must be a number > 0 (seconds). "
                f"Got {timeout!r} instead."
            )
        self.options = dict(options)
        self.timeout = float(timeout)
        self.restarts = 0
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> GuardedReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_proc": None}  # a child never crosses processes

    def start(self) -> None:
        """Start the child now (it imports the readers while the caller does other work)."""
        if self._proc is not None and self._proc.poll() is None:
            return
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_ROOT), env.get("PYTHONPATH", "")) if p)
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "rolematch.batch.reader"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            bufsize=0,  # select() must see what read() has not consumed
        )
        _send(self._proc.stdin, self.options)

    def read(self, path: str | Path) -> tuple[Resume, str]:
        """The record of one file and a traceback (``""`` unless status ``error`` by a bug)."""
        source = str(path)
        self.start()
        try:
            _send(self._stdin(), source)
        except OSError:  # the child died since the last file
            self._kill()
            self.start()
            _send(self._stdin(), source)
        stdout = self._stdout()
        ready, _, _ = select.select([stdout], [], [], self.timeout)
        if not ready:
            self._kill()
            reason = f"timed out after {self.timeout:g} s"
            return Resume.failed(source, "error", reason), (
                f"reading {source} took more than {self.timeout:g} s; its reader was killed\n"
            )
        try:
            out = _recv(stdout)
        except (EOFError, OSError, pickle.UnpicklingError):
            code = self._proc.poll() if self._proc is not None else None
            self._kill()
            reason = "the reader crashed on this file (its process died)"
            return Resume.failed(source, "error", reason), (
                f"the reader process died reading {source} (exit code {code})\n"
            )
        record, tb = out
        return record, tb

    def _stdin(self) -> IO[bytes]:
        assert self._proc is not None and self._proc.stdin is not None
        return self._proc.stdin

    def _stdout(self) -> IO[bytes]:
        assert self._proc is not None and self._proc.stdout is not None
        return self._proc.stdout

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        self.restarts += 1
        proc.kill()
        proc.wait()
        for f in (proc.stdin, proc.stdout):
            if f is not None:
                f.close()

    def close(self) -> None:
        """Stop the child."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            assert proc.stdin is not None
            proc.stdin.close()  # the child exits at end of input
            proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def _send(f: IO[bytes] | None, obj: Any) -> None:
    assert f is not None
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    f.write(_HEADER.pack(len(data)) + data)
    f.flush()


def _read_exactly(f: IO[bytes], n: int) -> bytes:
    buf = b""
    while len(buf) < n:
        part = f.read(n - len(buf))
        if not part:
            raise EOFError
        buf += part
    return buf


def _recv(f: IO[bytes]) -> Any:
    (n,) = _HEADER.unpack(_read_exactly(f, _HEADER.size))
    return pickle.loads(_read_exactly(f, n))  # noqa: S301 - from our own child


def _die_with_parent() -> None:
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux/glibc: the closed pipe still ends it
        pass


def _serve() -> None:
    """The child: read paths from stdin, write ``(record, traceback)`` to the protocol fd."""
    _die_with_parent()
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever a library prints goes to stderr, not into the protocol
    sys.stdout = sys.stderr
    inp = sys.stdin.buffer
    try:
        options = _recv(inp)
        import rolematch.io.extract  # noqa: F401 - imported before the first file's clock

        while True:
            try:
                path = _recv(inp)
            except EOFError:
                return
            _send(out, read_file(path, options))
    except (BrokenPipeError, KeyboardInterrupt):
        return


if __name__ == "__main__":
    _serve()
