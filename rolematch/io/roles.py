"""Role files (``data/roles/*.yaml``) and plain-text postings -> :class:`Role`.

A role file is YAML or JSON, saved as UTF-8, with these fields::

    id: mobile-banking            # required, lowercase letters, digits and '-'
    title: 手机银行团队主管         # required
    department: 平台生态金融部      # optional
    duties: [...]                 # list of strings (岗位描述)
    requirements: [...]           # list of strings (任职要求)
    kpis: [...]                   # optional list of strings (主要任务指标)
    majors: [...]                 # optional list of strings (preferred majors)
    preferred: [...]              # optional: requirements that are only preferred (加分项)

A role needs duties or requirements: either list may be left out or empty, not
both (a role without duties is compared on its requirements). Schema problems raise
one :class:`~rolematch.exceptions.RoleSpecError` naming each (every bad file of a
folder, every error of a file) with its file, field, line and item. :func:`load_roles`
also reads job postings (``.txt``, ``.md``, ``.html``, ``.docx``, ``.pdf``, ``.csv``,
``.jsonl``) through :mod:`rolematch.io.postings`; a folder may hold role files and
postings side by side, and a file in it that is neither is skipped with a warning.
"""

from __future__ import annotations

import difflib
import inspect
import json
import os
import re
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from rolematch.documents import Role
from rolematch.exceptions import RoleSpecError
from rolematch.io._role_files import duplicate_ids, is_role_file, read_role_file
from rolematch.io._role_lookup import find_role, require_role, roles_titled

__all__ = [
    "ROLE_FIELDS",
    "ROLE_ID",
    "RoleFileWarning",
    "check_role",
    "dump_role",
    "duplicate_ids",
    "find_role",
    "roles_titled",
    "require_role",
    "folder_files",
    "load_roles",
    "majors_from_requirements",
    "parse_posting",
    "role_from_dict",
    "write_roles",
]

ROLE_SUFFIXES = (".yaml", ".yml", ".json")
REQUIRED_FIELDS = ("id", "title")
ROLE_FIELDS = ("id", "title", "duties", "requirements", "department", "kpis", "majors", "preferred")
_LIST_FIELDS = ("duties", "requirements", "kpis", "majors", "preferred")
#: What a role id is: lower-case ASCII letters, digits, ``-`` and ``_``, not led by either.
ROLE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
#: (field, list index or None) -> the line it is on, or None
_Locate = Callable[[str, int | None], int | None]


class RoleFileWarning(UserWarning):
    """A file in a folder of roles was skipped: it is neither a role file nor a posting."""


def role_from_dict(data: Any, *, source: str | Path | None = None) -> Role:
    """Validate one role mapping and build a :class:`Role`.

    Parameters
    ----------
    data : mapping
        Role fields (see the module docstring).
    source : str or Path, optional
        The file it came from, named in errors and kept as ``Role.source``.

    Returns
    -------
    Role

    Raises
    ------
    RoleSpecError
        A field is unknown, missing or of the wrong type; the message names the field
        and, for a list, the item.

    Examples
    --------
    >>> role_from_dict({"id": "demo", "title": "演示主管",
    ...                 "duties": ["负责手机银行运营"], "requirements": ["金融专业优先"]}).id
    'demo'
    >>> role_from_dict({"id": "demo", "title": "演示主管", "duties": ["负责运营"]}).requirements
    ()
    >>> role_from_dict({"id": "demo", "title": "演示主管", "dutys": []})
    Traceback (most recent call last):
    ...
    rolematch.exceptions.RoleSpecError: field 'dutys': unknown field; did you mean 'duties'? ...
    >>> role_from_dict({"id": "demo", "title": "演示主管", "duties": ["负责运营", None]})
    Traceback (most recent call last):
    ...
    rolematch.exceptions.RoleSpecError: field 'duties': item 2 of 2: expected a non-empty
    string, got None
    """
    return _build_role(data, source, None)


def check_role(role: Role) -> Role:
    """Apply the role-file schema to a :class:`Role` built in Python.

    A ``Role`` is a plain dataclass: ``duties="负责…"`` would be eight one-character
    duties, and an ``int`` id or a ``None`` title would fail far from where they were
    made. :meth:`rolematch.Matcher.fit` checks every role with this. List fields may be
    tuples or lists; the id must be a non-empty string (the pattern :data:`ROLE_ID`
    asks of a role file's id is not imposed).

    Returns
    -------
    Role
        ``role`` itself.

    Raises
    ------
    RoleSpecError
        As :func:`role_from_dict` raises it, naming the field, the role, what was
        expected and what was found.

    Examples
    --------
    >>> check_role(Role("demo", "演示主管", ("负责手机银行运营",), ())).id
    'demo'
    >>> check_role(Role("demo", "演示主管", "负责手机银行运营", ()))
    Traceback (most recent call last):
    ...
    rolematch.exceptions.RoleSpecError: field 'duties': role 'demo' (built in Python):
    expected a list of non-empty strings, got '负责手机银行运营'
    """
    data: dict[str, Any] = {}
    for key in ROLE_FIELDS:
        value = getattr(role, key)
        data[key] = list(value) if key in _LIST_FIELDS and isinstance(value, tuple) else value
    if isinstance(role.id, str) and role.id.strip():
        # Only the id's type is checked: the id pattern is a file-name rule, and reports
        # escape whatever id a role built in Python brings (tests/test_report.py).
        data["id"] = "role"
    try:
        _build_role(data, None, None)
    except RoleSpecError as e:
        detail = str(e).removeprefix(f"field '{e.field}': ") if e.field else str(e)
        raise RoleSpecError(
            f"role {role.id!r} (built in Python): {detail}", path=role.source, field=e.field
        ) from None
    return role


def _build_role(data: Any, source: str | Path | None, locate: _Locate | None) -> Role:
    # every error of the file is raised together: one run to fix them, not one per mistake
    errors: list[tuple[str, str | None]] = []

    def fail(message: str, key: str | None = None, index: int | None = None) -> None:
        line = locate(key, index) if locate is not None and key is not None else None
        errors.append(((f"line {line}: " if line else "") + message, key))

    def got(value: Any) -> str:  # what YAML made of a bare 007, no or 2024-05-01, and why
        bare = locate is not None and not isinstance(value, str | list | dict | type(None))
        return f"{value!r}{' (a number, date or yes/no, not text: put it in quotes)' * bare}"

    if not isinstance(data, Mapping):
        kind = "nothing: the file is empty" if data is None else type(data).__name__
        hint = " (a role file holds one role: id: …, title: …, duties: […])"
        raise RoleSpecError(f"expected a mapping of role fields, got {kind}{hint}", path=source)
    meant = set()  # fields a misspelt key stands for: not also "missing"
    for key in map(str, data):
        if key not in ROLE_FIELDS:
            close = difflib.get_close_matches(key, ROLE_FIELDS, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            meant.update(close)
            fail(f"unknown field; {hint}valid fields are {list(ROLE_FIELDS)}", key)
    for key in REQUIRED_FIELDS:
        if key not in data and key not in meant:
            errors.append(("required field is missing", key))
    if not {"duties", "requirements"} & (set(map(str, data)) | meant):
        fail("required field is missing: a role needs duties, requirements or both", "requirements")
    for key in ("id", "title", "department"):
        value = data.get(key, "")
        if key in data and (
            not isinstance(value, str) or (key != "department" and not value.strip())
        ):
            fail(f"expected a non-empty string, got {got(value)}", key)
    if isinstance(data.get("id"), str) and data["id"].strip() and not ROLE_ID.match(data["id"]):
        what = "expected lowercase letters, digits, '-' or '_' (e.g. 'mobile-banking')"
        fail(f"{what}, got {data['id']!r}", "id")
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_FIELDS:
        value = data.get(key, [])
        if value is None:
            value = []
        if not isinstance(value, list):
            fail(f"expected a list of non-empty strings, got {value!r}", key)
            value = []
        for i, v in enumerate(value):
            if not (isinstance(v, str) and v.strip()):
                what = f"item {i + 1} of {len(value)}: expected a non-empty string"
                fail(f"{what}, got {got(v)}", key, i)
        lists[key] = tuple(v.strip() for v in value if isinstance(v, str) and v.strip())
    if not errors and not lists["duties"] and not lists["requirements"]:
        what = "expected at least one duty or requirement, got two empty lists"
        errors.append((what, "requirements"))
    for i, item in enumerate(lists["preferred"]):
        if item not in lists["requirements"]:
            what = f"each preferred item must also be in 'requirements'; {item!r} is not"
            fail(what, "preferred", i)
    if len(errors) == 1:
        raise RoleSpecError(errors[0][0], path=source, field=errors[0][1])
    if errors:
        said = "; ".join(f"field '{k}': {m}" if k else m for m, k in errors)
        raise RoleSpecError(f"{len(errors)} errors: {said}", path=source)
    return Role(
        id=data["id"],
        title=data["title"].strip(),
        department=data.get("department", "").strip(),
        duties=lists["duties"],
        requirements=lists["requirements"],
        kpis=lists["kpis"],
        majors=lists["majors"],
        source=None if source is None else str(source),
        preferred=lists["preferred"],
    )


def load_roles(paths: str | Path | Iterable[str | Path] | None = None) -> list[Role]:
    """Load roles from role files or folders of them, in file-name order.

    Parameters
    ----------
    paths : path, list of paths, or None
        Role files (``.yaml``, ``.yml``, ``.json``) or folders holding them.
        ``None`` loads the bundled roles of ``data/roles``. Job postings
        (``.txt``, ``.md``, ``.html``, ``.htm``, ``.docx``, ``.pdf``, ``.csv``,
        ``.jsonl``, and ``.json`` that is not a role) are imported on the fly
        with :func:`rolematch.io.postings.read_postings`, also from a folder
        that holds role files; a folder with no role file is read as a folder of
        postings. Beside role files, a file that is neither a role nor a readable
        posting is skipped with a :class:`RoleFileWarning` naming it. A file named
        twice, or by two paths, is read once. Use
        :func:`load_roles_reporting` to see what the import kept and dropped.

    Returns
    -------
    list of Role

    Raises
    ------
    RoleSpecError
        A file breaks the schema (the message names the file, field, line and list
        item), is not UTF-8 text, two roles share an id, or nothing was found.
    TypeError
        ``paths`` is not a path, an iterable of paths or None.

    Examples
    --------
    >>> roles = load_roles()
    >>> [r.id for r in roles][:3]
    ['mobile-banking', 'portal-content', 'payment-settlement']
    """
    return load_roles_reporting(paths)[0]


def _warn(message: str) -> None:
    """Warn at the first caller outside this module (the line that loaded the roles)."""
    frame, level = inspect.currentframe(), 1
    while frame is not None and frame.f_globals.get("__name__") == __name__:
        frame, level = frame.f_back, level + 1
    warnings.warn(message, RoleFileWarning, stacklevel=level)


def folder_files(folder: Path) -> list[tuple[Path, bool]]:
    """(file, is a role file) of a folder, in name order.

    Hidden files and Office lock files (``~$x.docx``) are left out. A folder with no
    role file is a folder of postings, each of which must read. Beside role files,
    a file that is not a posting, or does not read as one (notes, a decisions sheet,
    a README), is skipped with a :class:`RoleFileWarning` naming it and why.
    """
    from rolematch.io.postings import POSTING_SUFFIXES, read_postings

    entries = sorted(
        f for f in folder.iterdir() if f.is_file() and not f.name.startswith((".", "~$"))
    )
    role_files = [f for f in entries if f.suffix.lower() in ROLE_SUFFIXES and is_role_file(f)]
    kinds = f"role files ({', '.join(ROLE_SUFFIXES)}) or postings ({', '.join(POSTING_SUFFIXES)})"
    others = [f for f in entries if f not in role_files]
    postings = [f for f in others if f.suffix.lower() in POSTING_SUFFIXES]
    if not role_files and not postings:
        raise RoleSpecError(f"no {kinds} in this folder", path=folder)
    out = [(f, True) for f in role_files]
    for f in others:
        if f.suffix.lower() not in POSTING_SUFFIXES:
            _warn(f"{f}: skipped: neither a role file nor a posting; a role folder holds {kinds}")
            continue
        if role_files:
            try:
                read_postings([f])
            except RoleSpecError as e:
                why = str(e).removeprefix(f"{e.path}: ") if e.path is not None else str(e)
                _warn(f"{f}: skipped: neither a role file nor a readable posting: {why}")
                continue
        out.append((f, False))
    return sorted(out)


def load_roles_reporting(
    paths: str | Path | Iterable[str | Path] | None = None,
) -> tuple[list[Role], str]:
    """:func:`load_roles`, and the dry-run report of the postings imported on the fly.

    Returns
    -------
    roles : list of Role
    report : str
        What each imported posting kept and dropped (empty when only role files
        were read).
    """
    from rolematch.io.postings import POSTING_SUFFIXES, read_postings

    files: dict[Path, tuple[Path, bool]] = {}  # resolved -> (file, is a role file)
    for p in _role_paths(paths):
        if p.is_dir():
            found = folder_files(p)
        elif p.is_file():
            found = [(p, p.suffix.lower() not in POSTING_SUFFIXES or is_role_file(p))]
        else:
            raise RoleSpecError("no such file or folder", path=p)
        for f, is_role in found:
            # a file named twice (--roles a.txt --roles ./a.txt) is one role, not two
            # (the second renamed a-2), as a résumé named twice is one row
            files.setdefault(f.resolve(), (f, is_role))
    roles: list[Role] = []
    reports: list[str] = []
    pending: list[Path] = []

    def flush() -> None:
        if pending:
            postings = read_postings(list(pending))
            reports.extend(p.report() for p in postings)
            roles.extend(p.to_role() for p in postings)
            pending.clear()

    bad: list[RoleSpecError] = []  # every bad role file, not only the first
    for f, is_role in files.values():
        if not is_role:
            pending.append(f)
            continue
        flush()
        try:
            data, lines = read_role_file(f, ROLE_FIELDS)
            roles.append(_build_role(data, f, lines))
        except RoleSpecError as e:
            bad.append(e)
    if len(bad) == 1:
        raise bad[0]
    if bad:
        raise RoleSpecError(
            f"{len(bad)} role files have errors:" + "".join(f"\n  {e}" for e in bad)
        )
    flush()
    if clashes := duplicate_ids(roles):
        raise clashes[0]
    return roles, "\n\n".join(reports)


def _role_paths(paths: Any) -> list[Path]:
    """``load_roles``'s ``paths`` as a list of paths (the bundled roles for None)."""
    if paths is None:
        from rolematch._resources import default_roles_dir

        return [default_roles_dir()]
    given = paths
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    if isinstance(paths, Iterable):
        paths = list(paths)
        if all(isinstance(p, str | os.PathLike) for p in paths):
            return [Path(p) for p in paths]
    raise TypeError(
        "The 'paths' parameter of load_roles must be a path (str or Path), an iterable "
        f"of paths, or None. Got {given!r:.80} instead."
    )


def dump_role(role: Role, fmt: str = "yaml") -> str:
    """Serialise a role as YAML or JSON text that :func:`load_roles` reads back."""
    data = role.to_dict()
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt != "yaml":
        raise ValueError(f"The 'fmt' parameter of dump_role must be 'yaml' or 'json'. Got {fmt!r}.")
    import yaml

    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000))


def write_roles(
    roles: Sequence[Role], out_dir: str | Path, fmt: str = "yaml", *, replace: bool = False
) -> list[Path]:
    """Write one file per role, named ``NN-<id>.yaml``, so that file order is import order.

    A role whose id a file of ``out_dir`` written this way already holds replaces that
    file, keeping its name and format, when that file holds the same posting: the
    same content, or a role imported from the same posting file (importing a posting
    again updates its role file). A different role under that id is not written over:
    it is written under the next free id, ``<id>-2``, ``<id>-3`` … (the file name says
    it). With ``replace=True`` (ids chosen by hand) a role replaces the file of its id
    whatever it holds. A new role gets the next ``NN`` after the folder's highest.

    Parameters
    ----------
    roles : sequence of Role
    out_dir : path
        Made when missing.
    fmt : {"yaml", "json"}
        The format of new files; a replaced file keeps its own.
    replace : bool
        Whether a role replaces the file of its id whatever that holds.

    Returns
    -------
    list of Path
        The files written, in the order of ``roles``.

    Raises
    ------
    RoleSpecError
        Two roles share an id, or a role's id is held by a file of ``out_dir`` that
        this did not write (a hand-written role, a posting): the folder would no
        longer load. Nothing is written then.
    """
    from rolematch.io._role_writes import write_role_files

    return [w.path for w in write_role_files(roles, out_dir, fmt, replace=replace)]


# ---------------------------------------------------------------------------
# plain-text postings: 岗位N：title / 岗位描述： / 任职要求： / 主要任务指标：
_ROLE_HEAD = re.compile(r"^\s*岗位\s*(\d+)\s*[：:]\s*(.+?)\s*$")
_SECTION = re.compile(
    r"^\s*(岗位描述|岗位职责|工作职责|任职要求|任职资格|主要任务指标)\s*[：:]\s*(.*)$"
)
_NUMBERED = re.compile(r"^\s*(\d+)\s*[.、．)）]\s*(.*)$")
_KPI_INLINE = re.compile(r"^主要任务指标\s*[：:]\s*(.*)$")
# "计算机、金融等相关专业优先" names majors; "专业知识过硬" does not; Taiwan says 科系.
_MAJORS = re.compile(
    r"(?:^|[，,；;:：。（(])([^，,；;。:：（()）]+?)"
    r"(?:等?(?:相关|相近|理工科?|文科|经管)?(?:类)?(?:专业|科系))(?!知识|能力|技能|素养|素质|水平|度|性|化|术语)"
)
# what precedes the majors: 本科及以上学历 / 全日制 / 毕业于 …
_MAJOR_PREFIX = re.compile(
    r"^.*?(?:学历|学位|毕业|以上|优先|具有|具备|要求|就读于|来自)\s*|^(?:全日制|统招|本科|硕士|大专)+"
)
# Bachelor's degree in Finance, Law, Accounting or a related discipline
_EN_MAJORS = re.compile(
    r"\b(?:degree|diploma|bachelor'?s?|master'?s?|ph\.?d)\s+(?:\w+\s+)?in\s+"
    r"([A-Z][A-Za-z&/ ,-]*?)(?:,?\s+or\s+(?:a\s+|any\s+|other\s+)?(?:related|relevant|similar|"
    r"equivalent)\b|[.;()]|$)"
)
_MAJOR_FIELD = re.compile(r"^\s*(?:科系|专业|專業)(?:要求|限制)?\s*[:：]\s*(.+)$")
_NOT_MAJOR = re.compile(r"专业|不限|以上|学历|经验|优先|熟悉|具备|相关|本科|硕士|能力")
_DEPT = re.compile(r"^\s*(\S+?部)")
_SECTION_KEYS = {
    "岗位描述": "duties",
    "岗位职责": "duties",
    "工作职责": "duties",
    "任职要求": "requirements",
    "任职资格": "requirements",
    "主要任务指标": "kpis",
}


def _split_kpis(text: str) -> list[str]:
    return [k.strip(" 。.") for k in re.split(r"[；;]", text) if k.strip(" 。.")]


def majors_from_requirements(requirements: Sequence[str]) -> list[str]:
    """Majors a posting's requirements name (``计算机、金融等相关专业优先`` -> 计算机, 金融).

    Examples
    --------
    >>> majors_from_requirements(["统计学、数学、计算机等相关专业本科及以上学历"])
    ['统计学', '数学', '计算机']
    >>> majors_from_requirements(["金融类专业优先", "专业知识扎实"])
    ['金融']
    """
    return _majors(requirements)


def _majors(requirements: Sequence[str]) -> list[str]:
    from rolematch.language import has_traditional, to_simplified  # matched in Simplified

    majors: list[str] = []
    for req in requirements:
        req = to_simplified(req) if has_traditional(req) else req
        for m in _MAJORS.finditer(req):
            names = _MAJOR_PREFIX.sub("", m.group(1).strip())
            for name in re.split(r"[、,，/或]|(?<!科学)[和及与](?!技术|工程|其)", names):
                name = re.sub(r"(?:类|等|方向|背景)$", "", name.strip(" （()）"))
                if 2 <= len(name) <= 12 and name not in majors and not _NOT_MAJOR.search(name):
                    majors.append(name)
        if field := _MAJOR_FIELD.match(req):  # 科系要求：化學工程相關、材料工程相關
            for name in re.split(r"[、,，/]", field.group(1)):
                name = re.sub(r"(?:相关|等)?(?:专业|科系)?$", "", name.strip())
                if 2 <= len(name) <= 12 and name not in majors and not _NOT_MAJOR.search(name):
                    majors.append(name)
        for m in _EN_MAJORS.finditer(req):
            for name in re.split(r",\s*|\s+or\s+|\s+and\s+|/", m.group(1)):
                name = name.strip()
                if 2 <= len(name) <= 40 and name[:1].isupper() and name not in majors:
                    majors.append(name)
    return majors


def parse_posting(
    text: str, *, ids: Sequence[str] | None = None, source: str | None = None
) -> list[Role]:
    """Parse a posting in the plain-text format of the bank's announcements.

    Postings in any other layout (other headings, markdown, HTML, Word, PDF,
    job-board exports) are read by :func:`rolematch.io.postings.read_postings`.

    Parameters
    ----------
    text : str
        Posting text: ``岗位N：title`` headings, then ``岗位描述：`` and
        ``任职要求：`` with numbered lines; a ``主要任务指标：`` line (numbered or
        not) becomes the KPIs.
    ids : list of str, optional
        Role ids in posting order; default ``role-1``, ``role-2`` …
    source : str, optional
        Name used in error messages.

    Examples
    --------
    >>> posting = '''某某部选聘
    ... 岗位1：渠道团队主管
    ... 岗位描述：
    ... 1.负责手机银行建设。
    ... 2.主要任务指标：月活；激活率。
    ... 任职要求：
    ... 1.计算机、金融等相关专业优先。'''
    >>> role = parse_posting(posting)[0]
    >>> role.id, role.department, role.duties, role.kpis, role.majors
    ('role-1', '某某部', ('负责手机银行建设。',), ('月活', '激活率'), ('计算机', '金融'))
    """
    if not isinstance(text, str):
        raise TypeError(
            f"The 'text' parameter of parse_posting must be the posting's text (str). "
            f"Got {type(text).__name__} instead."
        )
    department = ""
    drafts: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    section: str | None = None
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if head := _ROLE_HEAD.match(line):
            current = {"title": head.group(2), "duties": [], "requirements": [], "kpis": []}
            current["line"] = lineno
            drafts.append(current)
            section = None
            continue
        if current is None:
            if not department and (m := _DEPT.match(line)):
                department = m.group(1)
            continue
        if sec := _SECTION.match(line):
            section = _SECTION_KEYS[sec.group(1)]
            rest = sec.group(2).strip()
            if rest:
                if section == "kpis":
                    current["kpis"].extend(_split_kpis(rest))
                else:
                    current[section].append(rest)
            continue
        if section is None:
            raise RoleSpecError(
                f"line {lineno}: text before any 岗位描述/任职要求 heading: {line[:30]!r}",
                path=source,
                field="duties",
            )
        item = m.group(2).strip() if (m := _NUMBERED.match(line)) else line
        if section != "kpis" and (kpi := _KPI_INLINE.match(item)):
            current["kpis"].extend(_split_kpis(kpi.group(1)))
        elif section == "kpis":
            current["kpis"].extend(_split_kpis(item))
        elif item:
            current[section].append(item)
    if not drafts:
        raise RoleSpecError("no '岗位N：title' heading found", path=source, field="title")
    if ids is not None and len(ids) != len(drafts):
        raise RoleSpecError(
            f"{len(ids)} ids given for {len(drafts)} roles in the posting", path=source, field="id"
        )
    roles = []
    for i, d in enumerate(drafts):
        d["id"] = ids[i] if ids is not None else f"role-{i + 1}"
        d["department"] = department
        d["majors"] = _majors(d["requirements"])
        del d["line"]
        roles.append(role_from_dict(d, source=source))
    return roles
