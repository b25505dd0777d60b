"""Find the résumé files a batch scores.

One job: expand the files and folders a user names into a sorted list of files, so
that every input gets a record. A file the readers cannot read (a .doc, an image with
OCR off, a broken link, a FIFO) is listed all the same and gets an ``unsupported`` or
``unreadable`` record from :func:`~rolematch.io.extract.read_resume`. In folders, only
files that are no document at all (a README.md, a script, data) and hidden and Office
lock files are left out, and counted (``skipped``); an archive (.zip, .rar …) gets an
``unsupported`` record saying to extract it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

__all__ = ["LOCK_PREFIX", "alias_note", "collect_files", "no_files_warning", "skipped_note"]

#: Names of the lock files Word, Excel and PowerPoint keep next to an open document.
LOCK_PREFIX = "~$"
#: Documents a résumé may come as besides the read types (.pdf, .docx, .txt, .rtf and
#: web pages: ``SUPPORTED_SUFFIXES``): in a folder each gets a row, read (.docm, .dotx:
#: Word inside; a .doc that is a web page or RTF) or ``unsupported`` saying how to save it.
OTHER_DOCUMENTS = (
    ".doc", ".docm", ".dot", ".dotx", ".odt", ".ott", ".wps", ".wpt", ".pages",
    ".xps", ".oxps", ".epub", ".xls", ".xlsx", ".et",
    ".ppt", ".pptx", ".key", ".ofd", ".caj", ".hwp", ".dps",
    ".heic", ".heif",  # a phone's photo of a CV
    ".msg",  # an Outlook message (.eml messages are read)
)  # fmt: skip
#: Endings of the folder Word ("Save as Web Page") and browsers keep a page's pictures
#: and parts in, beside ``name.htm``: ``name.files``, ``name_files``, ``name.fld``.
WEB_PAGE_FOLDERS = (".files", "_files", ".fld", "_fld")


def collect_files(
    paths: Iterable[str | Path],
    suffixes: Sequence[str] | None = None,
    *,
    images: bool = True,
    skipped: list[Path] | None = None,
    aliases: list[tuple[Path, Path]] | None = None,
) -> list[Path]:
    """Expand files and folders (recursively) into a sorted list of files to read.

    Files named explicitly are kept whatever they are, even when missing: they get
    their own record (``unreadable: file not found``, ``unsupported`` …). In folders
    every document is taken — the readable types, images, the document types the
    readers do not read (:data:`OTHER_DOCUMENTS`), archives, files without a suffix — and so are
    links and special files (a broken link gets an ``unreadable`` record, a FIFO an
    ``unsupported`` one, and neither is opened). Left out, and appended to ``skipped``
    when it is given: files of other types (notes.md, a script), hidden files and
    folders (names starting with ``.``), Office lock files (``~$name.docx``) and the
    folder of a saved web page's parts (``name.files`` beside ``name.htm``). Links
    to folders are followed (as ``find -L``), each real folder once: a link back to a
    parent or a second link to a folder already read is not walked again. A file named
    twice, or by two paths (``cv.pdf`` and ``/abs/cv.pdf``, a link and its target), is
    listed once, under the first name it was given.

    Parameters
    ----------
    paths : iterable of path
        Files and folders.
    suffixes : sequence of str, optional
        Take only files with these suffixes from folders (e.g. ``[".pdf"]``); default
        every file.
    images : bool, default True
        Kept for compatibility; images are listed either way (with OCR off they get
        an ``unreadable`` record saying so).
    skipped : list, optional
        Filled in with what folders held and was left out: files of other types,
        hidden files and folders, lock files.
    aliases : list, optional
        Filled in with ``(name, listed as)`` for each file left out because it was
        listed under another name (a link to a file of the batch): :func:`alias_note`.

    Examples
    --------
    >>> import os, tempfile
    >>> d = tempfile.mkdtemp()
    >>> for name in ("b.pdf", "a.txt", "old.doc", "notes.md", ".hidden.pdf", "~$b.docx"):
    ...     open(os.path.join(d, name), "w").close()
    >>> left_out = []
    >>> [p.name for p in collect_files([d], skipped=left_out)]
    ['a.txt', 'b.pdf', 'old.doc']
    >>> skipped_note(left_out)
    'skipped 2 hidden or lock files, 1 file of another type (.md)'
    """
    from rolematch.io.extract import ARCHIVES, IMAGE_SUFFIXES, SUPPORTED_SUFFIXES

    # an archive gets a row too (unsupported: extract it), so two CVs packed in a .zip
    # show in the outputs a dashboard reads, not only in the run's stderr summary
    documents = {*SUPPORTED_SUFFIXES, *IMAGE_SUFFIXES, *OTHER_DOCUMENTS, *ARCHIVES, ""}
    sfx = {s.lower() for s in suffixes} if suffixes is not None else documents
    walks: list[tuple[Path, list[Path]] | Path] = []
    seen: set[str] = set()  # the real paths of the folders walked
    links: list[tuple[Path, list[Path]]] = []  # (link to a folder, where its files go)
    for p in map(Path, paths):
        if p.is_dir():
            found: list[Path] = []
            _walk(p, found, skipped, seen, links)
            walks.append((p, found))
        else:  # a file, or not one: read_resume says what it is
            walks.append(p)
    # Links to folders are followed once every folder named was walked, so that a folder
    # is read under its own path where it can be; one reached again (a link to a parent,
    # two links to one folder) is not read twice.
    while links:
        link, into = links.pop(0)
        _walk(link, into, skipped, seen, links)
    out: dict[str, Path] = {}  # by real path: the first spelling of a file is kept
    folders: dict[Path, str] = {}  # real paths of the folders the files are in
    for walk in walks:
        for f in [walk] if isinstance(walk, Path) else sorted(walk[1]):
            if isinstance(walk, Path) or f.suffix.lower() in sfx:
                kept = out.setdefault(_real(f, folders), f)
                if kept != f and aliases is not None:
                    aliases.append((f, kept))
            elif skipped is not None:
                skipped.append(f)
    return list(out.values())


def alias_note(aliases: Sequence[tuple[Path, Path]]) -> str:
    """One line for a run's summary of the files listed once under another name
    (``""`` if none): a link among the résumés must not vanish without a word.

    Examples
    --------
    >>> alias_note([(Path("b/link.docx"), Path("a/cv.docx"))])
    'left out 1 second name of a file scored under its first: b/link.docx (a/cv.docx)'
    """
    if not aliases:
        return ""
    n = len(aliases)
    shown = ", ".join(f"{name} ({kept})" for name, kept in aliases[:3])
    more = f" and {n - 3} more" if n > 3 else ""
    names = "1 second name" if n == 1 else f"{n} second names"
    return f"left out {names} of a file scored under its first: {shown}{more}"


def skipped_note(skipped: Sequence[Path]) -> str:
    """One line for a run's summary of what folders held but the run left out
    (``""`` if nothing).

    Examples
    --------
    >>> skipped_note([Path(".DS_Store")])
    'skipped 1 hidden or lock file'
    >>> skipped_note([Path("a/README.md"), Path("a/make.py"), Path("b/notes.md")])
    'skipped 3 files of another type (.md, .py)'
    >>> skipped_note([Path("cvs.zip"), Path("more.RAR"), Path("notes.md")])  # filtered by suffix
    'skipped 1 file of another type (.md); 2 archives not opened (.rar, .zip): extract them first'
    """
    from rolematch.io.extract import ARCHIVES  # left out where --suffix-like filters ask

    hidden = [p for p in skipped if p.name.startswith((".", LOCK_PREFIX))]
    parts_of = [p for p in skipped if p not in hidden and _page_parts(p)]
    packed = [p for p in skipped if p not in hidden and p.suffix.lower() in ARCHIVES]
    skipped = [p for p in skipped if p not in packed]
    other = sorted({p.suffix.lower() for p in skipped if p not in hidden and p not in parts_of})
    archives = ""
    if packed:
        n, kinds = len(packed), ", ".join(sorted({p.suffix.lower() for p in packed}))
        them = "them" if n > 1 else "it"
        archives = f"{n} archive{'s' if n > 1 else ''} not opened ({kinds}): extract {them} first"
    parts = []
    if hidden:
        parts.append(f"{len(hidden)} hidden or lock file{'s' if len(hidden) != 1 else ''}")
    if parts_of:
        n = len(parts_of)
        parts.append("1 web page's parts folder" if n == 1 else f"{n} web pages' parts folders")
    if n := len(skipped) - len(hidden) - len(parts_of):
        parts.append(f"{n} file{'s' if n != 1 else ''} of another type ({', '.join(other)})")
    note = "skipped " + ", ".join(parts) if parts else ""
    return "; ".join(x for x in (note, archives) if x)


def no_files_warning(paths: Sequence[str], skipped: Sequence[Path]) -> str:
    """The warning of a run that found no résumé file in ``paths``, with what it skipped
    (said even when quiet: an empty run is most likely the wrong folder).

    Examples
    --------
    >>> no_files_warning(["cv/"], [Path("cv/notes.md")])
    'rolematch: warning: no résumé files in cv/ (skipped 1 file of another type (.md))'
    """
    left = f" ({skipped_note(skipped)})" if skipped else ""
    return f"rolematch: warning: no résumé files in {' '.join(paths)}{left}"


def _real(path: Path, folders: dict[Path, str]) -> str:
    """Where ``path`` really is, so that ``cv.pdf``, ``./cv.pdf``, ``/abs/cv.pdf`` and a
    link to it are one file; ``folders`` keeps the folders' real paths (one look-up per
    folder, not per file: a big folder's files are not resolved one by one)."""
    try:
        if path.is_symlink() and path.exists():  # each broken link gets its own row
            return os.path.realpath(path)
        folder = folders.get(path.parent)
        if folder is None:
            folder = folders[path.parent] = os.path.realpath(path.parent)
        return os.path.join(folder, path.name)
    except (OSError, ValueError):  # a name the system refuses: read_resume says so
        return str(path)


def _walk(
    folder: Path,
    found: list[Path],
    skipped: list[Path] | None,
    seen: set[str],
    links: list[tuple[Path, list[Path]]],
) -> None:
    """Append the files under ``folder`` to ``found`` (hidden and lock files to ``skipped``)
    unless its real path is in ``seen``; links to folders go to ``links``, to follow later."""
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)  # links are followed in name order
    except OSError:
        if folder.is_dir():  # a sub-folder that cannot be listed gets a record saying so
            found.append(folder)
        return
    for entry in entries:
        path = folder / entry.name
        if entry.name.startswith("."):
            if skipped is not None:
                skipped.append(path)
            continue
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
            linked_folder = not is_folder and entry.is_symlink() and entry.is_dir()
        except OSError:
            is_folder = linked_folder = False
        if (is_folder or linked_folder) and _page_parts(path):
            if skipped is not None:
                skipped.append(path)
        elif is_folder:
            _walk(path, found, skipped, seen, links)
        elif linked_folder:
            links.append((path, found))
        elif entry.name.startswith(LOCK_PREFIX):
            if skipped is not None:
                skipped.append(path)
        else:
            found.append(path)


def _page_parts(path: Path) -> bool:
    """Whether ``path`` is the folder of a saved web page's pictures and parts: named
    after a page beside it (``简历.files`` next to ``简历.htm``), whose files (the page's
    header, its pictures) are no résumés."""
    name = path.name
    ending = next((e for e in WEB_PAGE_FOLDERS if name.lower().endswith(e)), None)
    if ending is None or len(name) == len(ending):
        return False
    stem = name[: -len(ending)]
    return any((path.parent / (stem + s)).is_file() for s in (".htm", ".html", ".HTM", ".HTML"))
