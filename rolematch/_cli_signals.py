"""How the command line ends when it is stopped: Ctrl-C and SIGTERM.

One job: SIGTERM raised where Ctrl-C's KeyboardInterrupt is (the same clean-up), the
exit codes a shell reports for both, and an exit that cannot hang.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any

__all__ = ["EXIT_GRACE_S", "INTERRUPTED", "TERMINATED", "Terminated", "exit_interrupted",
           "sigterm_as_interrupt"]  # fmt: skip

#: The exit code of an interrupted run (128 + SIGINT), as a shell reports Ctrl-C.
INTERRUPTED = 130
#: The exit code of a run stopped by SIGTERM (128 + 15), as a shell reports ``kill``.
TERMINATED = 143
#: Seconds an interrupted run's exit may take before it is ended outright.
EXIT_GRACE_S = 5.0


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C's KeyboardInterrupt is: the same clean-up, exit 143."""


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM stops the run like Ctrl-C: workers stopped, temporary files removed."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: Any) -> None:
        raise Terminated

    old = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def exit_interrupted(code: int) -> None:
    """Exit with ``code`` through the interpreter's clean-up, within :data:`EXIT_GRACE_S`.

    An interrupted run has stopped its workers and removed its temporary files by now.
    The clean-up releases the worker pool's semaphores (``os._exit`` skipped it, and the
    resource tracker warned of "leaked semaphore objects"); but it joins the pool's
    internal threads, which can block on the pipes of the workers just killed (seen once
    in CI: "interrupted" printed, the process never exited), so a watchdog ends the
    process if the exit takes longer.
    """
    import os
    import threading
    import time

    def watchdog() -> None:
        time.sleep(EXIT_GRACE_S)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)

    threading.Thread(target=watchdog, name="rolematch-exit-watchdog", daemon=True).start()
    # the killed pool's threads fail as they are torn down (a pipe already closed):
    # "Exception ignored in: <module 'threading'>" is noise after an interrupt
    sys.unraisablehook = lambda unraisable: None
    raise SystemExit(code)
