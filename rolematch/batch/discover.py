"""Find the résumé files a batch scores.

One job: expand the files and folders a user names into a sorted list of files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

__all__ = ["collect_files"]


def collect_files(
    paths: Iterable[str | Path], suffixes: Sequence[str] | None = None, *, images: bool = True
) -> list[Path]:
    """Expand files and folders (recursively) into a sorted list of résumé files.

    Files named explicitly are kept whatever their type (they get an
    ``unsupported`` record if need be); in folders only known résumé types are
    taken (.pdf, .docx, .txt, and images unless ``images=False``, e.g. when OCR is
    off), and hidden files are skipped. A file named twice is listed once.

    Raises
    ------
    FileNotFoundError
        A path does not exist.

    Examples
    --------
    >>> import os, tempfile
    >>> d = tempfile.mkdtemp()
    >>> for name in ("b.pdf", "a.txt", "notes.md", ".hidden.pdf"):
    ...     open(os.path.join(d, name), "w").close()
    >>> [p.name for p in collect_files([d])]
    ['a.txt', 'b.pdf']
    """
    from rolematch.io.extract import IMAGE_SUFFIXES, SUPPORTED_SUFFIXES

    default = SUPPORTED_SUFFIXES + (IMAGE_SUFFIXES if images else ())
    sfx = {s.lower() for s in (suffixes or default)}
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(
                f
                for f in sorted(p.rglob("*"))
                if f.is_file()
                and f.suffix.lower() in sfx
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        elif p.exists():
            out.append(p)
        else:
            raise FileNotFoundError(f"No such file or folder: '{p}'")
    return list(dict.fromkeys(out))
