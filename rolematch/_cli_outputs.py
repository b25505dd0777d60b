"""The score command's outputs: which files in which formats, checked, written.

One job: turn ``-o``/``--format`` into (path, format) pairs, refuse before any work the
outputs that cannot be written or would overwrite a résumé, and write each one. The
folders the CLI writes in (``--cache``, ``roles import --out``) are checked here too.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from rolematch.exceptions import UsageError

__all__ = [
    "BROKEN_PIPE",
    "Progress",
    "check_folder",
    "check_format",
    "check_outputs",
    "outputs_of",
    "stdout_gone",
    "write_output",
]

#: The exit code when stdout's reader left early (128 + SIGPIPE), as a shell reports
#: ``yes | head -1`` for ``yes``.
BROKEN_PIPE = 141


class Progress:
    """The score command's progress on stderr: a bar on a terminal; elsewhere (a log
    file, a pipe, CI) a line every tenth of the files (every fifth file at most often),
    since a bar redrawn with ``\\r`` is one endless line there."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.failed = total, 0, 0
        self.step = max(5, -(-total // 10))
        self.bar: Any = None
        try:
            terminal = sys.stderr.isatty()
        except (AttributeError, ValueError):  # no stream, or a closed one
            terminal = False
        if terminal:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total, unit="file", file=sys.stderr, dynamic_ncols=True, mininterval=0.5
            )

    def update(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        if self.bar is not None:
            self.bar.set_postfix(failed=self.failed, refresh=False)
            self.bar.update(1)
        elif self.done % self.step == 0 and self.done < self.total:
            failed = f", {self.failed} not scored" if self.failed else ""
            print(f"rolematch: {self.done} of {self.total} files done{failed}", file=sys.stderr,
                  flush=True)  # fmt: skip

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def outputs_of(args: argparse.Namespace) -> list[tuple[str | None, str]]:
    """(path or None for stdout, format) for each output asked for."""
    from rolematch.report import format_for

    outputs = args.output or []
    check_format(args.format, outputs)
    if args.format is not None:
        if len(outputs) > 1:
            raise UsageError(
                f"--format applies to one output; got {len(outputs)} -o files. "
                "Drop --format and let each file's suffix pick its format."
            )
        if not outputs and args.format == "xlsx":
            raise UsageError("--format xlsx needs an output file: add -o OUT.xlsx")
        return [(outputs[0] if outputs else None, args.format)]
    try:
        return [(o, format_for(o)) for o in outputs] or [(None, "table")]
    except ValueError as e:
        raise UsageError(str(e)) from None


def check_format(fmt: str | None, outputs: Sequence[str]) -> None:
    """Refuse a ``--format`` that contradicts the suffix of ``-o`` (``--format xlsx -o
    out.csv`` wrote Excel bytes into a .csv the next tool then misread).

    ``--format`` still picks the format where the suffix picks none: ``/dev/stdout``,
    ``-``, ``ranking.txt``, a device or a pipe.

    Raises
    ------
    UsageError
        ``fmt`` is not the format the suffix of an output names (exit 2).
    """
    from pathlib import Path

    from rolematch.report import format_for

    if fmt is None:
        return
    for path in outputs:
        given = Path(path)
        with contextlib.suppress(OSError):
            if given.exists() and not given.is_file() and not given.is_dir():
                continue  # a device or a pipe: its name says nothing of the format
        try:
            named = format_for(path)
        except ValueError:  # no suffix rolematch knows: --format says what to write
            if not str(path).lower().rstrip("/").endswith(".parquet"):
                continue
            named = "parquet"
        if named != fmt:
            from rolematch.report import FORMATS

            raise UsageError(
                f"--format {fmt} contradicts -o {path} "
                f"({'an' if named[0] in 'aeiox' else 'a'} {named} name); drop --format, "
                f"or name the file *{FORMATS[fmt][0]}"
            )


def check_outputs(
    outputs: Sequence[str], inputs: Sequence[str], option: str = "-o", example: str = ""
) -> None:
    """Refuse, before scoring, outputs that cannot be written or would overwrite a résumé
    (``option`` names the flag in the message: ``-o``, ``--debug``; ``example`` is the
    file name suggested in a folder given for a file, by default one for the option:
    ``out.csv``, ``rolematch-debug.log``)."""
    example = example or _EXAMPLE_NAMES.get(option, "out.csv")
    import os
    from pathlib import Path

    from rolematch.io.extract import IMAGE_SUFFIXES, SUPPORTED_SUFFIXES

    resume_like = SUPPORTED_SUFFIXES + IMAGE_SUFFIXES  # a ranking.csv beside them is no résumé
    files = {Path(p).resolve() for p in inputs if Path(p).is_file()}
    folders = [Path(p).resolve() for p in inputs if Path(p).is_dir()]
    seen: set[Path] = set()
    for path in outputs:
        with _named(option, path):  # a name too long, a folder it may not enter
            if not str(path).strip():
                raise UsageError(f"{option} needs a file name; got an empty one")
            out = Path(path).resolve()
            if out in seen:
                raise UsageError(f"{option} {path} is given twice")
            seen.add(out)
            given = Path(path)  # /dev/stdout resolves to /proc/<pid>/fd/pipe:[…]
            if given.exists() and not given.is_file() and not given.is_dir():
                continue  # a device or a pipe: written to in place (report.atomic_write)
            if out.is_dir() and out.suffix.lower() != ".parquet":  # a Parquet dataset is a folder
                raise UsageError(
                    f"{option} {path} is a folder; name a file in it, e.g. "
                    f"{os.path.join(path, example)}"  # out/ + x.csv: no double slash
                )
            _check_can_make(out.parent, option, path)
            if out.exists() and not os.access(out, os.W_OK):
                raise UsageError(f"{option} {path}: cannot write there (permission denied)")
            in_folder = out.suffix.lower() in resume_like and any(f in out.parents for f in folders)
            if in_folder and out.is_file() and out.suffix.lower() in (".html", ".htm"):
                in_folder = not _own_report(out)  # the last run's report: written over, not read
            if out in files or (out.is_file() and in_folder):
                raise UsageError(
                    f"{option} {path} is one of the résumés being scored; name another file"
                )


#: The file name suggested in a folder given for an option's file (a log is no CSV).
_EXAMPLE_NAMES = {"--debug": "rolematch-debug.log"}


def check_folder(path: str, option: str, purpose: str) -> None:
    """Refuse, before any work, a folder to write in (``--cache``, ``roles import --out``)
    that is a file, lies under a file, or where nothing can be written; ``purpose`` ends
    the message for a file ("to keep reads in")."""
    from pathlib import Path

    if not str(path).strip():
        raise UsageError(f"{option} needs a folder name; got an empty one")
    with _named(option, path):
        if Path(path).exists() and not Path(path).is_dir():
            raise UsageError(f"{option} {path} is a file; {option} takes a folder {purpose}")
        _check_can_make(Path(path).resolve(), option, path)


@contextlib.contextmanager
def _named(option: str, value: str) -> Iterator[None]:
    """An ``OSError`` met while looking at ``value`` is a usage error naming ``option``
    and the value (exit 2), not a bare ``[Errno …]`` (exit 1)."""
    try:
        yield
    except OSError as e:
        raise UsageError(f"{option} {value}: {e.strerror or e}") from None


def _check_can_make(folder: Any, option: str, value: str) -> None:
    """Refuse ``value`` (of ``option``) unless files can be made in ``folder``, or it can
    be made: missing folders are made, so the nearest existing one must allow it.

    Tried, not asked: ``os.access`` says yes to root in ``/proc`` or on a read-only
    mount, and the write then failed after the whole batch was scored.
    """
    import tempfile

    base = folder
    try:
        while not base.exists() and base != base.parent:
            base = base.parent
        if not base.is_dir():
            raise UsageError(f"{option} {value}: {base} is a file, not a folder")
        fd, probe = tempfile.mkstemp(prefix=".rolematch-", suffix=".probe", dir=base)
    except OSError as e:
        raise UsageError(
            f"{option} {value}: cannot write in {base} ({e.strerror or e}); name a "
            "folder you can write to"
        ) from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)


def write_output(store: Any, path: str | None, fmt: str, args: argparse.Namespace) -> str:
    from rolematch import report

    top_k, min_score = args.top_k, args.min_score
    out: Any = path if path is not None else sys.stdout
    if fmt == "table":
        sys.stdout.write(report.to_text(store, top_k or 3, min_score))
        sys.stdout.flush()  # a closed pipe is met here, not in the interpreter's exit
        return ""
    if path is None and fmt in ("csv", "wide-csv") and _fresh_file(sys.stdout):
        sys.stdout.write("\ufeff")  # `> ranking.csv` is a CSV file too: Excel needs the BOM
    what = report.write_results(store, out, fmt, top_k=top_k, min_score=min_score, model=args.model)
    if path is None:
        sys.stdout.flush()
    return f"wrote {what} to {path}" if path is not None else ""


def _fresh_file(stream: Any) -> bool:
    """Whether ``stream`` writes at the start of a regular file (a shell's ``>``), not
    to a pipe or terminal, where a byte-order mark would be a stray character."""
    import stat

    try:
        fd = stream.fileno()
        return stat.S_ISREG(os.fstat(fd).st_mode) and os.lseek(fd, 0, os.SEEK_CUR) == 0
    except (OSError, ValueError, AttributeError):  # no file behind it (a test's capture)
        return False


def stdout_gone() -> int:
    """End quietly once stdout's reader has left (``rolematch score … | head -1``).

    What is still buffered for stdout goes to the null device, so the interpreter's exit
    does not print a second error for it; returns :data:`BROKEN_PIPE`.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is no file (a test's capture): nothing to flush
        pass
    return BROKEN_PIPE


def _own_report(path: Any) -> bool:
    """Whether ``path`` is an HTML report rolematch wrote (never a résumé)."""
    from rolematch.io._html import is_rolematch_report

    try:
        with open(path, "rb") as f:
            return is_rolematch_report(f.read(4096))
    except OSError:
        return False
