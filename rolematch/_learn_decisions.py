"""Decisions :func:`rolematch.learn.learn` leaves out or merges before it scores: those
whose résumé cannot be read (a warning names up to :data:`NAMED_FILES` files and their
lines), and repeated rows for one résumé and role — a résumé is its content, so copies
and other spellings of one file are one résumé, and cross-validation groups by it.

:class:`ResumeLookup` finds the résumé a row names: a Windows team's sheet says
``cvs\\王强.txt`` or ``C:\\招聘\\cvs\\王强.txt``, or only ``王强.txt``; a path that is
not found as written is looked up among the résumé paths given, by its last parts;
``'-rf.txt`` (a name rolematch's own CSV wrote with Excel's safety quote) is ``-rf.txt``.

:func:`check_rows` checks every row before any is read, so that one error names all the
bad rows; :func:`csv_text` reads a semicolon- or tab-separated CSV too.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import re
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rolematch.exceptions import MissingDependencyError
from rolematch.report import FORMULA_PREFIXES

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "NAMED_FILES",
    "HEADER_ALIASES",
    "DecisionsWarning",
    "ResumeLookup",
    "check_rows",
    "csv_text",
    "decision_word",
    "drop_unreadable",
    "header_fields",
    "missing_cell",
    "names_every_field",
    "one_per_resume_and_role",
    "path_parts",
    "sheet_rows",
    "table_rows",
]


class DecisionsWarning(UserWarning):
    """Decisions that :func:`learn` left out or merged (unreadable résumés, repeated rows)."""


#: How many file names a warning or an error lists.
NAMED_FILES = 5

#: How many bad rows one error lists (:func:`check_rows`).
NAMED_ROWS = 20

#: The columns a decisions table must have.
COLUMNS = ("file", "role_id", "decision")

#: Other names an export gives these columns (an ATS's 简历附件, 应聘职位, 初筛结论),
#: lower case. Only unambiguous ones: 候选人 and 姓名 name a person, not a file;
#: 状态/status is a record's state as often as a decision (rolematch's own CSV has one).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "file": (
        "文件", "文件名", "简历", "简历文件", "简历文件名", "简历附件", "附件",
        "resume", "cv", "filename", "file name",
    ),
    "role_id": (
        "岗位", "职位", "应聘职位", "应聘岗位", "申请职位", "申请岗位", "岗位名称", "职位名称",
        "role", "role id", "position", "job",
    ),
    "decision": (
        "结论", "结果", "决定", "初筛结论", "初筛结果", "筛选结论", "筛选结果", "面试结果",
        "处理结果", "decision", "outcome",
    ),
}  # fmt: skip


def header_fields(header: Iterable[str]) -> dict[str, str]:
    """``{field: column}``: the column of ``header`` that names each of :data:`COLUMNS`,
    by its own name or one of :data:`HEADER_ALIASES` (case, spaces around ignored); a
    column named exactly ``file`` wins over an alias such as ``简历``.

    Raises
    ------
    ValueError
        Two columns are aliases of one field and none is named exactly (the message
        names both).

    Examples
    --------
    >>> header_fields(["序号", "候选人", "简历附件", "应聘职位", "初筛结论"])
    {'file': '简历附件', 'role_id': '应聘职位', 'decision': '初筛结论'}
    >>> header_fields(["File", "简历", "岗位"])
    {'file': 'File', 'role_id': '岗位'}
    """
    header = list(header)
    out: dict[str, str] = {}
    for field in COLUMNS:
        exact = [h for h in header if h.strip().lower() == field]
        named = exact or [h for h in header if h.strip().lower() in HEADER_ALIASES[field]]
        if len(named) > 1 and not exact:
            raise ValueError(
                f"the columns {named[0]!r} and {named[1]!r} both name the {field!r} column; "
                f"rename the one to use {field!r} (or the other one to something else)"
            )
        if named:
            out[field] = named[0]
    return out


def names_every_field(header: Iterable[str]) -> bool:
    """Whether ``header`` names file, role_id and decision (see :func:`header_fields`;
    two columns naming one field count: the error comes when the table is read)."""
    try:
        return len(header_fields(header)) == len(COLUMNS)
    except ValueError:
        return True


def path_parts(file: str) -> tuple[str, ...]:
    r"""The parts of a path as a decisions table spells it: ``/`` and ``\`` both separate
    (a Windows team's sheet), ``.`` and empty parts are dropped.

    Examples
    --------
    >>> path_parts(r"C:\招聘\cvs\王强.txt"), path_parts("./cvs//王强.txt")
    (('C:', '招聘', 'cvs', '王强.txt'), ('cvs', '王强.txt'))
    """
    return tuple(p for p in file.replace("\\", "/").split("/") if p not in ("", "."))


class ResumeLookup:
    r"""The file a decision row names, as :func:`rolematch.learn.read_decisions` reads it.

    A path is taken as written when it exists (a relative one from the working folder),
    else next to the decisions table (``base``), with ``\`` read as ``/`` too. Else it
    is looked up among ``resumes`` (the résumé paths given) by its last parts: the
    résumé sharing the most trailing parts with it, at least the file name, when only
    one does (``王强.txt`` or ``D:\hr\cvs\王强.txt`` is ``cvs/王强.txt``); when several
    do, :meth:`find` raises a ``ValueError`` naming them. A path found nowhere is kept as
    written (the résumé is then reported unreadable: file not found).

    A ``'`` before one of ``= + - @``, tab or CR is the quote rolematch's CSV writes
    before such a name (Excel would read it as a formula): ``'-rf.txt`` is ``-rf.txt``
    where that is found (as written or among ``resumes``) or ``'-rf.txt`` is not.

    Examples
    --------
    >>> look = ResumeLookup(Path("/nowhere"), ["a/cvs/王强.txt", "b/张伟.txt"])
    >>> look.find("王强.txt"), look.find(r"D:\hr\cvs\王强.txt"), look.find("李娜.txt")
    ('a/cvs/王强.txt', 'a/cvs/王强.txt', '李娜.txt')
    >>> look.find("'=王强.txt"), look.find("'王强.txt")
    ('=王强.txt', "'王强.txt")
    """

    def __init__(self, base: Path, resumes: Iterable[str | Path] = ()) -> None:
        self.base = base
        self.by_name: dict[str, dict[str, tuple[str, ...]]] = {}
        for r in resumes:
            parts = path_parts(str(r))
            if parts:
                self.by_name.setdefault(parts[-1], {})[str(r)] = parts
        self._found: dict[str, str] = {}

    def find(self, file: str) -> str:
        """The path to read for ``file`` (see the class); ``ValueError`` when several
        résumés match it equally well."""
        if file not in self._found:
            self._found[file] = self._find(file)
        return self._found[file]

    def _find(self, file: str) -> str:
        if len(file) > 1 and file[0] == "'" and file[1] in FORMULA_PREFIXES:
            # a name copied from rolematch's own CSV, which quotes it for Excel
            plain = self._locate(file[1:])
            if plain is not None:
                return plain
            quoted = self._locate(file)
            return quoted if quoted is not None else file[1:]
        found = self._locate(file)
        return found if found is not None else file

    def _locate(self, file: str) -> str | None:
        """The path to read for ``file``, None where it is found nowhere."""
        spellings = [file] + ([file.replace("\\", "/")] if "\\" in file else [])
        for spelling in spellings:
            p = Path(spelling)
            if p.exists():
                return spelling
            if not p.is_absolute() and (self.base / p).exists():
                return str(self.base / p)
        parts = path_parts(file)
        if not parts:
            return None
        best, shared = [], 0
        for path, other in self.by_name.get(parts[-1], {}).items():
            n = 0
            while n < min(len(parts), len(other)) and parts[-1 - n] == other[-1 - n]:
                n += 1
            if n > shared:
                best, shared = [path], n
            elif n == shared:
                best.append(path)
        best = _distinct(best)
        if len(best) > 1:
            named = ", ".join(best[:NAMED_FILES])
            more = f" and {len(best) - NAMED_FILES} more" if len(best) > NAMED_FILES else ""
            raise ValueError(
                f"the file {file!r} is not found as written and matches {len(best)} of the "
                f"résumés given equally well: {named}{more}; name it by a longer path"
            )
        return best[0] if best else None


def _distinct(paths: list[str]) -> list[str]:
    """``paths`` less other spellings of one file (``cv/a.txt``, ``./cv/a.txt``)."""
    seen: dict[Path, str] = {}
    for p in paths:
        seen.setdefault(Path(p).resolve(), p)
    return list(seen.values())


def csv_text(path: Path) -> str:
    """A decisions CSV's text, comma-separated: UTF-8 (with or without the byte-order
    mark Excel writes for "CSV UTF-8"), else GB18030, which Excel on Chinese Windows
    writes for plain CSV. A semicolon-separated CSV (Excel in European locales) or a
    tab-separated one is rewritten with commas (:func:`comma_separated`).
    """
    data = path.read_bytes()
    try:
        return comma_separated(data.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        bad = f"byte 0x{data[e.start]:02x} at offset {e.start}"
    from rolematch.io._txt import gb18030_text

    text = gb18030_text(data)
    if text is not None:
        return comma_separated(text)
    raise ValueError(
        f"{path}: the decisions table is neither UTF-8 nor GB18030 text ({bad}); save it "
        "from Excel as 'CSV UTF-8' or as .xlsx."
    )


def comma_separated(text: str) -> str:
    r"""``text``, a CSV, with commas between its fields. The delimiter (``,``, ``;`` or a
    tab) is the one that splits the header into the columns file, role_id and decision,
    else into the most fields (a comma on a tie). Each record keeps its line, so the
    line numbers an error names are the file's.

    Examples
    --------
    >>> comma_separated('file;role_id;decision\n"a;b.txt";cs;入围\n')
    'file,role_id,decision\na;b.txt,cs,入围\n'
    >>> comma_separated("file,role_id,decision\n")
    'file,role_id,decision\n'
    """
    first = next((ln for ln in text.splitlines() if ln.strip()), "")

    def fit(delimiter: str) -> tuple[bool, int, bool]:
        header = next(csv.reader([first], delimiter=delimiter), [])
        named = names_every_field(header)
        return named, len(header), delimiter == ","

    delimiter = max(",;\t", key=fit)
    if delimiter == ",":
        return text
    out = io.StringIO()
    # a blank line is written as one, and a field's own line breaks as they were
    csv.writer(out, lineterminator="\n").writerows(
        csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    )
    return out.getvalue()


def sheet_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]], str]:
    """The header and the rows (row number, cells as text) of a workbook's first sheet
    whose header names file, role_id and decision (else its first sheet), and that
    sheet's name and place; blank rows are skipped, as a CSV's blank lines are."""
    from rolematch.io import sheets

    try:
        from rolematch._optional import import_optional

        openpyxl = import_optional("openpyxl", extra="excel")
        book = openpyxl.load_workbook(path, read_only=True)
        names = list(book.sheetnames)
        book.close()
        found = None
        for i in range(len(names)):
            header, rows = sheets.sheet_rows(path, i)
            if found is None:
                found = (header, rows, i)
            if names_every_field(h for h in header if h):
                found = (header, rows, i)
                break
    except MissingDependencyError:
        raise
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds on a bad file
        raise ValueError(f"{path}: cannot read the Excel file ({type(e).__name__}: {e}).") from e
    if found is None:
        raise ValueError(f"{path}: the workbook has no sheet.")
    header, rows, i = found
    sheet = f"{names[i]!r}, {i + 1} of {len(names)}: " + ", ".join(map(repr, names))

    def text(v: Any) -> str:
        if isinstance(v, float) and v.is_integer():
            v = int(v)  # a grade typed as 2 reads back as 2.0
        return "" if v is None else str(v).strip()

    return (
        header,
        [(n, {h: text(v) for h, v in zip(header, r, strict=False) if h}) for n, r in rows],
        sheet,
    )


def missing_cell(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def drop_unreadable(
    table: pd.DataFrame, read: Mapping[str, Any], source: str
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The decisions whose résumé could be read, and counts of the others.

    A warning names up to :data:`NAMED_FILES` files with the lines that name them
    (``line 4: nosuch.pdf (file not found)``). An error when no decision is left, or
    when those left lack fits or rejects, so that learning cannot run: it says how
    many rows were dropped, and how many of them because their file was not found.
    """
    bad = [f for f, r in read.items() if not r.ok]
    gone = table["file"].isin(bad)
    reasons: dict[str, int] = {}
    for f in bad:
        reasons[_reason(read[f])] = reasons.get(_reason(read[f]), 0) + 1
    counts = {"decisions": int(gone.sum()), "resumes": len(bad), "reasons": reasons}
    if not bad:
        return table, counts
    lines = {f: [int(n) for n in table.loc[table["file"] == f, "line"]] for f in bad}
    named = ", ".join(
        f"line{'s' if len(lines[f]) > 1 else ''} {', '.join(map(str, lines[f]))}: "
        f"{f if f.isprintable() else repr(f)} ({_reason(read[f])})"
        for f in bad[:NAMED_FILES]
    )
    more = f" and {len(bad) - NAMED_FILES} more" if len(bad) > NAMED_FILES else ""
    where = (
        f"a relative path is read from the working folder, else from the folder of {source}"
        if source != "decisions"
        else "a relative path is read from the working folder"
    ) + ", else looked up by its name among the résumés given (--resumes)"
    what = (
        f"{source}: {int(gone.sum())} of {len(table)} decisions dropped, their résumé "
        f"could not be read: {named}{more} ({where})"
    )
    kept = table[~gone].reset_index(drop=True)
    fits = int((kept["grade"] >= 1).sum())
    if fits == 0 or fits == len(kept):
        # learning would stop on "must hold both fits and rejects", hiding these rows
        missing = sum(len(lines[f]) for f in bad if _reason(read[f]) == "file not found")
        left = (
            "no decision is left"
            if kept.empty
            else f"the {len(kept)} left hold {fits} fits and {len(kept) - fits} rejects"
        )
        raise ValueError(
            f"{what}; {left}, and learning needs both fits and rejects: {int(gone.sum())} "
            f"rows dropped, {missing} of them because their file was not found."
        )
    warnings.warn(what, DecisionsWarning, stacklevel=3)
    return kept, counts


def _reason(resume: Any) -> str:
    """Why ``resume`` could not be read, less the hint to pass a text to
    ``resume_from_text``: a decisions table names files, whatever their name holds."""
    return _TEXT_HINT.sub("", str(resume.reason or resume.status))


# io._path_bytes adds it to a file name with a line break or a sentence's punctuation
_TEXT_HINT = re.compile(r" \(this looks like a résumé's text, not a path: [^)]*\)")


def one_per_resume_and_role(
    table: pd.DataFrame, read: Mapping[str, Any], source: str
) -> pd.DataFrame:
    """One decision per résumé and role. A résumé is its content (its file's sha256):
    copies and other spellings of one file are one résumé (cross-validation groups by
    it). Repeated rows count once; of conflicting ones the last is kept, with a warning
    naming the lines."""
    digest: dict[str, str] = {}
    first: dict[str, str] = {}
    for f in dict.fromkeys(table["file"]):
        # read_resume hashed the bytes it read: the file is not read a second time
        d = read[f].meta.get("sha256") or (
            "text:" + hashlib.sha256(str(read[f].text).encode("utf-8")).hexdigest()
        )
        digest[f] = first.setdefault(d, f)
    t = table.assign(file=[digest[f] for f in table["file"]])
    repeated = t.duplicated(["file", "role_id"], keep="last")
    if not repeated.any():
        return t
    notes, conflicting = [], 0
    for (f, rid), g in t[t.duplicated(["file", "role_id"], keep=False)].groupby(
        ["file", "role_id"], sort=False
    ):
        if g["grade"].nunique() > 1:
            conflicting += len(g) - 1
            lines = ", ".join(str(n) for n in g["line"])
            notes.append(f"{f} for {rid} (lines {lines}; kept line {g['line'].iloc[-1]})")
    msg = (
        f"{source}: {int(repeated.sum())} decision"
        f"{'s repeat' if int(repeated.sum()) != 1 else ' repeats'} an earlier one for the same "
        "résumé and role (a copy or another spelling of a file is the same résumé)"
    )
    if int(repeated.sum()) > conflicting:
        msg += f"; {int(repeated.sum()) - conflicting} identical ones count once"
    if notes:
        more = f" and {len(notes) - NAMED_FILES} more" if len(notes) > NAMED_FILES else ""
        msg += f"; {len(notes)} conflict, the last is kept: " + "; ".join(notes[:NAMED_FILES])
        msg += more
    warnings.warn(msg, DecisionsWarning, stacklevel=3)
    return t[~repeated].reset_index(drop=True)


def table_rows(
    decisions: str | Path | pd.DataFrame,
) -> tuple[str, Path, list[str], list[tuple[int, dict[str, str]]]]:
    """A decisions table as :func:`rolematch.learn.read_decisions` reads it: its name
    (``decisions`` for a DataFrame), the folder a relative path is read from next, the
    header and the rows (line, cells by lower-case column name), blank lines skipped."""
    import pandas as pd

    if isinstance(decisions, pd.DataFrame):
        source, base = "decisions", Path.cwd()
        header = [str(c) for c in decisions.columns]
        rows = [
            (n, {str(k): ("" if missing_cell(v) else str(v)) for k, v in rec.items()})
            for n, rec in enumerate(decisions.to_dict("records"), start=2)
        ]
    else:
        path = Path(decisions)
        source, base = str(path), path.parent
        if path.suffix.lower() == ".xlsx":
            header, rows, sheet = sheet_rows(path)
            source = f"{path} (sheet {sheet})"
        else:
            reader = csv.DictReader(io.StringIO(csv_text(path), newline=""))
            header = list(reader.fieldnames or [])
            rows = [
                (
                    reader.line_num,  # blank lines are skipped, not counted as rows
                    {(k or ""): (v if isinstance(v, str) else "") for k, v in r.items()},
                )
                for r in reader
            ]
    try:
        fields = header_fields(header)
    except ValueError as e:
        raise ValueError(f"{source} line 1: {e}.") from None
    # an export's 简历附件 is file; a hand-typed header: File, Role_ID , DECISION
    name = {c: f for f, c in fields.items()}
    header = [name.get(h, h.strip().lower()) for h in header]
    rows = [(n, {name.get(k, k.strip().lower()): v.strip() for k, v in r.items()}) for n, r in rows]
    return source, base, header, rows


def decision_word(decision: str) -> str:
    """A decision cell as :data:`rolematch.learn.DECISION_GRADES` keys it: lower case,
    a spreadsheet's ``2.0`` as ``2``."""
    word = decision.strip().lower()
    return word[:-2] if word.endswith(".0") and word[:-2] in ("0", "1", "2") else word


def check_rows(
    source: str,
    rows: list[tuple[int, dict[str, str]]],
    look: ResumeLookup,
    roles: list[Any] | None = None,
    *,
    check_files: bool = False,
) -> None:
    """Check every row (as :func:`table_rows` gives them) and raise one error for them
    all: empty fields, unknown decision words, files that match several résumés and,
    with ``roles``, role ids or titles none of them has. With ``check_files``, a file
    found nowhere is named among the other bad rows, where there are any (alone, it is
    left to :func:`drop_unreadable`, which drops its decisions with a warning): one run
    names every row to fix.

    Raises
    ------
    ValueError
        Naming each bad row's line and field, in line order (the first
        :data:`NAMED_ROWS` of them, then how many more); one bad row gives its message alone.
    """
    from rolematch.io.roles import find_role
    from rolematch.learn import DECISION_GRADES  # learn imports this module

    ids = ", ".join(sorted(r.id for r in roles or ()))
    bad: list[str] = []
    lines: set[int] = set()
    not_found: set[str] = set()  # of bad, the "file not found" entries
    for n, row in rows:
        file, role_id, decision = (row.get(c, "") for c in COLUMNS)
        if not (file or role_id or decision) or (file and role_id and not decision):
            continue  # a blank row, or one not decided yet
        said = [f"the field {c!r} is empty." for c in COLUMNS if not row.get(c, "")]
        if decision and decision_word(decision) not in DECISION_GRADES:
            said.append(
                f"the field 'decision' must be one of {', '.join(DECISION_GRADES)}. "
                f"Got {decision!r} instead."
            )
        if role_id and roles is not None and find_role(roles, role_id) is None:
            said.append(
                f"the field 'role_id' must be one of the roles ({ids}) or one's title. "
                f"Got {role_id!r} instead."
            )
        if file:
            try:
                found = look.find(file)
            except ValueError as e:
                said.append(f"{e}.")
            else:
                if check_files and not Path(found).exists():
                    gone = (
                        f"the file {file!r} is not found (not as written, not next to the "
                        "decisions table, not by its name among the résumés given)."
                    )
                    not_found.add(f"{source} line {n}: {gone}")
                    said.append(gone)
        bad += [f"{source} line {n}: {s}" for s in said]
        lines.update([n] if said else [])
    if not_found and not_found >= set(bad):
        return  # files not found alone: learn drops their decisions and says so
    if len(bad) == 1:
        raise ValueError(bad[0])
    if bad:
        more = f"\n  and {len(bad) - NAMED_ROWS} more" if len(bad) > NAMED_ROWS else ""
        rows_said = f"{len(lines)} bad row" + ("s" if len(lines) > 1 else "")
        errors = f" ({len(bad)} errors)" if len(bad) > len(lines) else ""
        raise ValueError(
            f"{source}: {rows_said}{errors}; fix them all and run again:"
            + "".join(f"\n  {b}" for b in bad[:NAMED_ROWS])
            + more
        )
