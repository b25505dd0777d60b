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
closes or its parent dies (:func:`exit_with_parent`), even while it reads a file.

The common path costs one pickled record each way per file and one interpreter start
with the readers' imports per batch process, while that process loads its model:
measured on 200 two-page PDFs (static-zh, one process, 2 shared cores),
``--file-timeout 0`` (no child) 6.9-7.3 s CPU, the default 7.8-8.2 s, same output.

:meth:`GuardedReader.prefetch` hands the child files to read ahead, so it reads the
next files while the caller loads its model or scores (a thread of the caller
collects the records as they come); each file still gets its ``timeout``, counted
from when the child starts it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from rolematch.documents import Resume

__all__ = ["GuardedReader", "exit_with_parent", "read_file"]

_HEADER = struct.Struct("<Q")
_ROOT = Path(__file__).resolve().parents[2]  # the folder that holds the package
_EOF = object()  # the child's output ended (it died or was killed)
_READY = object()  # the child has imported the readers: its files' clocks start
#: Seconds a new child may take to import the readers before it counts as crashed.
_START_LIMIT = 120.0
#: Seconds between two looks at whether this process's parent is still alive.
_PARENT_POLL_S = 1.0
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


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
        self._gen = 0  # which child a record came from: a killed one's are dropped
        self._records: queue.Queue[tuple[int, float, Any]] = queue.Queue()
        self._pending: deque[str] = deque()  # sent to the child, not back yet, in order
        self._head_since = 0.0  # when the first pending file was sent, or the one before came
        self._ready_at: float | None = None  # when the child had imported the readers
        self._done: dict[str, list[tuple[Resume, str]]] = {}

    def __enter__(self) -> GuardedReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getstate__(self) -> dict[str, Any]:
        # a child, its thread and its records never cross processes
        return {
            "options": self.options,
            "timeout": self.timeout,
            "restarts": self.restarts,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["options"], state["timeout"])  # type: ignore[misc]
        self.restarts = state["restarts"]

    def start(self) -> None:
        """Start the child now (it imports the readers while the caller does other work)."""
        if self._proc is not None and self._proc.poll() is None:
            return
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_ROOT), env.get("PYTHONPATH", "")) if p)
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "rolematch.batch.reader", str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            bufsize=0,
            # a group of its own: a terminal's Ctrl-C (sent to the foreground group) that
            # reached it while it imported printed a traceback; this process stops it
            process_group=0,
        )
        self._gen += 1
        self._ready_at = None
        assert self._proc.stdout is not None
        threading.Thread(
            target=_collect,
            args=(self._proc.stdout, self._gen, self._records),
            name="rolematch-reader",
            daemon=True,
        ).start()
        _send(self._proc.stdin, self.options)

    def prefetch(self, paths: Iterable[str | Path]) -> None:
        """Have the child read ``paths`` in order, ahead of :meth:`read` asking for them.

        Examples
        --------
        >>> with GuardedReader({"max_pages": 5}, timeout=60) as reader:
        ...     reader.prefetch(["no/such/a.pdf", "no/such/b.pdf"])
        ...     [reader.read(p)[0].status for p in ("no/such/a.pdf", "no/such/b.pdf")]
        ['unreadable', 'unreadable']
        """
        self.start()
        for path in paths:
            self._send_path(str(path))

    def _send_path(self, source: str) -> None:
        if not self._pending:
            self._head_since = time.monotonic()
        self._pending.append(source)
        # if the child died, read() finds the end of its output and replaces it
        with contextlib.suppress(OSError):
            _send(self._stdin(), source)

    def read(self, path: str | Path) -> tuple[Resume, str]:
        """The record of one file and a traceback (``""`` unless status ``error`` by a bug)."""
        source = str(path)
        if not self._done.get(source) and source not in self._pending:
            self.prefetch([source])
        while not self._done.get(source):
            head = self._pending[0]
            if self._ready_at is None:  # a file's clock starts when the child is ready
                wait = max(self.timeout, _START_LIMIT)
            else:
                wait = max(self._head_since, self._ready_at) + self.timeout - time.monotonic()
            try:
                gen, at, item = self._records.get(timeout=max(wait, 0.0))
            except queue.Empty:
                self._replace_child(*self._late(head, killed=True))
                continue
            if gen != self._gen:
                continue  # from a child killed since
            if item is _READY:
                self._ready_at = at
                continue
            if item is _EOF:
                code = self._proc.poll() if self._proc is not None else None
                reason = "the reader crashed on this file (its process died)"
                self._replace_child(
                    Resume.failed(head, "error", reason),
                    f"the reader process died reading {head} (exit code {code})\n",
                )
                continue
            self._pending.popleft()
            assert self._ready_at is not None  # the child says so before any record
            if at > max(self._head_since, self._ready_at) + self.timeout:
                item = self._late(head, killed=False)  # done, but after its time
            self._done.setdefault(head, []).append(item)
            self._head_since = at  # the child went on to the next file when this one came
        return self._done[source].pop(0)

    def _late(self, source: str, *, killed: bool) -> tuple[Resume, str]:
        """The record of a file that took longer than :attr:`timeout`."""
        # named as both interfaces set it: the reason is where a user looks for the fix
        limit = "the time limit per file: --file-timeout SECONDS, file_timeout= in Python"
        why = f"timed out after {self.timeout:g} s ({limit})"
        record = Resume.failed(source, "error", why)
        tb = f"reading {source} took more than {self.timeout:g} s"
        return record, tb + ("; its reader was killed\n" if killed else "\n")

    def _replace_child(self, record: Resume, tb: str) -> None:
        """Give the first pending file ``record``; start a new child for the others."""
        head = self._pending.popleft()
        self._done.setdefault(head, []).append((record, tb))
        rest = list(self._pending)
        self._pending.clear()
        self._kill()
        self.prefetch(rest)

    def _stdin(self) -> IO[bytes]:
        assert self._proc is not None and self._proc.stdin is not None
        return self._proc.stdin

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
        self._pending.clear()
        self._done.clear()
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


def _collect(stdout: IO[bytes], gen: int, records: queue.Queue[tuple[int, float, Any]]) -> None:
    """The caller's thread: put each record the child writes, with its arrival time."""
    while True:
        try:
            item = _recv(stdout)
        except (EOFError, OSError, ValueError, pickle.UnpicklingError):
            records.put((gen, time.monotonic(), _EOF))
            return
        records.put((gen, time.monotonic(), _READY if item is None else item))


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


def exit_with_parent(parent: int, sig: int | None = None) -> None:
    """End this process when process ``parent`` ends, even when it is killed (SIGKILL).

    Nothing else ends a child whose parent was killed: a batch's workers wait on a
    queue whose writing end they hold themselves, and would idle, holding their models'
    memory, for good. On Linux the kernel sends ``sig`` (default SIGKILL) at once
    (``PR_SET_PDEATHSIG``); everywhere, a daemon thread looks every
    :data:`_PARENT_POLL_S` seconds whether this process was handed to another parent
    and then exits (``os._exit``: nothing here is left to clean up for anyone).

    Parameters
    ----------
    parent : int
        The process id of the parent, as the parent saw it (``os.getpid()`` there): if
        it died before this call, this process exits at once.
    sig : int, optional
        The signal the kernel sends on the parent's death (Linux only).
    """
    import signal

    try:
        import ctypes

        # Sent when the thread that started this process ends: the callers start their
        # children from the thread that outlives them (a batch's, a pool's).
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL if sig is None else sig)
    except (OSError, AttributeError):  # not Linux/glibc: the thread below does it
        pass
    if os.getppid() != parent:  # it died before the kernel knew to tell
        os._exit(1)
    threading.Thread(
        target=_watch_parent, args=(parent,), name="rolematch-parent-watch", daemon=True
    ).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL_S)
    os._exit(1)


def _serve() -> None:
    """The child: read paths from stdin, write ``(record, traceback)`` to the protocol fd."""
    if len(sys.argv) > 1:  # the parent's process id (GuardedReader.start)
        exit_with_parent(int(sys.argv[1]))
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever a library prints goes to stderr, not into the protocol
    sys.stdout = sys.stderr
    inp = sys.stdin.buffer
    try:
        options = _recv(inp)
        import rolematch.io.extract  # noqa: F401 - imported before the first file's clock

        _send(out, None)  # ready: the first file's clock starts now
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
