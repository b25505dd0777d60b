"""A batch's worker and reader processes end with the process that started them.

A parent killed outright (SIGKILL from an operator or a scheduler, the OOM killer)
runs no clean-up: its children must notice on their own, or they idle for good with
their models in memory.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and /proc are POSIX")

#: Seconds the children of a killed parent may take to end (they poll once a second).
GRACE_S = 20.0


def _children() -> dict[int, list[int]]:
    """Every live process's children, by parent id (psutil when installed, else /proc)."""
    out: dict[int, list[int]] = {}
    try:
        import psutil
    except ImportError:
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if fields[0] != "Z":  # a zombie has ended; only its parent has not waited yet
                out.setdefault(int(fields[1]), []).append(int(entry.name))
        return out
    for p in psutil.process_iter(["ppid", "status"]):
        if p.info["status"] != psutil.STATUS_ZOMBIE:
            out.setdefault(p.info["ppid"], []).append(p.pid)
    return out


def _descendants(pid: int) -> list[int]:
    tree = _children()
    found, todo = [], [pid]
    while todo:
        kids = tree.get(todo.pop(), [])
        found += kids
        todo += kids
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True  # no /proc (macOS): the pid is in use
    return stat[stat.rindex(")") + 2] != "Z"


def _wait_until(check, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.2)
    return check()


def _kill_all(pids: list[int]) -> None:
    # never leave a test's processes behind, whatever the test found
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


def _start(script: Path, *args: str, cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(cwd)])}
    return subprocess.Popen(
        [sys.executable, str(script), *args], cwd=cwd, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see the process tree")
def test_workers_and_their_readers_end_when_the_batch_process_is_killed(tmp_path):
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    for k in range(24):
        (cvs / f"cv{k:02d}.txt").write_text(f"张三{k}\n工作经历\n负责手机银行运营。\n", "utf-8")
    # an encoder slow enough that the batch is still running when it is killed
    (tmp_path / "slow_encoder.py").write_text(
        textwrap.dedent(
            """
            import time
            from tests._encoders import HashingEncoder

            class SlowEncoder(HashingEncoder):
                def encode(self, sentences):
                    time.sleep(1.0)
                    return super().encode(sentences)
            """
        ),
        "utf-8",
    )
    script = tmp_path / "batch.py"
    script.write_text(
        textwrap.dedent(
            """
            import sys
            from rolematch import load_roles, score_paths
            from slow_encoder import SlowEncoder

            if __name__ == "__main__":
                with score_paths(sys.argv[1], roles=load_roles(), workers=2,
                                 matcher={"encoder": SlowEncoder()}) as res:
                    print("finished", len(res), flush=True)
            """
        ),
        "utf-8",
    )
    proc = _start(script, str(cvs), cwd=tmp_path)
    tree: list[int] = []
    try:
        # both workers up, each with its reader child
        def started() -> bool:
            nonlocal tree
            tree = _descendants(proc.pid)
            kids = _children()
            workers = [p for p in kids.get(proc.pid, []) if kids.get(p)]
            return len(workers) >= 2 or proc.poll() is not None

        assert _wait_until(started, 180), "the workers did not start"
        assert proc.poll() is None, proc.communicate()[1][-2000:]
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert len(tree) >= 4, tree  # two workers, two readers (and the resource tracker)
        _wait_until(lambda: not any(_alive(p) for p in tree), GRACE_S)
        left = [p for p in tree if _alive(p)]
        assert not left, f"{len(left)} of {len(tree)} child processes outlived their parent"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        _kill_all([p for p in tree if _alive(p)])
        proc.communicate()


@pytest.mark.parametrize("prctl", [True, False])
def test_exit_with_parent_ends_a_child_whose_parent_was_killed(tmp_path, prctl):
    # with prctl (Linux) the kernel ends the child; without, its watching thread does
    child = textwrap.dedent(
        f"""
        import ctypes, sys, time
        def no_libc(*args, **kwargs):
            raise OSError("libc.so.6: cannot open shared object file")
        if not {prctl}:
            ctypes.CDLL = no_libc  # as on macOS or musl: no prctl
        from rolematch.batch.reader import exit_with_parent
        exit_with_parent(int(sys.argv[1]))
        print("watching", flush=True)
        time.sleep(300)
        """
    )
    parent = textwrap.dedent(
        """
        import subprocess, sys, time, os
        kid = subprocess.Popen([sys.executable, "-c", sys.argv[1], str(os.getpid())],
                               stdout=subprocess.PIPE, text=True)
        assert kid.stdout.readline() == "watching\\n"
        print(kid.pid, flush=True)
        time.sleep(300)
        """
    )
    script = tmp_path / "parent.py"
    script.write_text(parent, "utf-8")
    proc = _start(script, child, cwd=tmp_path)
    kid = 0
    try:
        assert proc.stdout is not None
        kid = int(proc.stdout.readline() or 0)
        assert kid, proc.communicate()[1][-2000:]
        assert _alive(kid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert _wait_until(lambda: not _alive(kid), GRACE_S), "the child outlived its parent"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if kid and _alive(kid):
            _kill_all([kid])
        proc.communicate()


def test_exit_with_parent_exits_at_once_when_the_parent_is_already_gone():
    # the parent died before the child could ask to be told: nothing would ever tell it
    code = "from rolematch.batch.reader import exit_with_parent; exit_with_parent(1 << 22)\n"
    code += "import time; time.sleep(60)"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], env=env, timeout=30, capture_output=True)
    assert out.returncode == 1, out.stderr[-2000:]
