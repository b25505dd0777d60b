"""Role files (``data/roles/*.yaml``) and plain-text postings -> :class:`Role`.

A role file is YAML or JSON with these fields::

    id: mobile-banking            # required, lowercase letters, digits and '-'
    title: 手机银行团队主管         # required
    department: 平台生态金融部      # optional
    duties: [...]                 # required, non-empty list of strings (岗位描述)
    requirements: [...]           # required, non-empty list of strings (任职要求)
    kpis: [...]                   # optional list of strings (主要任务指标)
    majors: [...]                 # optional list of strings (preferred majors)

Every schema problem raises :class:`~rolematch.exceptions.RoleSpecError` naming the
file, the field and what was expected.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from rolematch.documents import Role
from rolematch.exceptions import RoleSpecError

__all__ = [
    "ROLE_FIELDS",
    "dump_role",
    "load_roles",
    "parse_posting",
    "role_from_dict",
    "write_roles",
]

ROLE_SUFFIXES = (".yaml", ".yml", ".json")
REQUIRED_FIELDS = ("id", "title", "duties", "requirements")
OPTIONAL_FIELDS = ("department", "kpis", "majors")
ROLE_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS
_LIST_FIELDS = ("duties", "requirements", "kpis", "majors")
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def role_from_dict(data: Any, *, source: str | Path | None = None) -> Role:
    """Validate one role mapping and build a :class:`Role`.

    Examples
    --------
    >>> role_from_dict({"id": "demo", "title": "演示主管",
    ...                 "duties": ["负责手机银行运营"], "requirements": ["金融专业优先"]}).id
    'demo'
    >>> role_from_dict({"id": "demo", "title": "演示主管", "dutys": []})
    Traceback (most recent call last):
    ...
    rolematch.exceptions.RoleSpecError: field 'dutys': unknown field; did you mean 'duties'? ...
    """
    if not isinstance(data, Mapping):
        raise RoleSpecError(
            f"expected a mapping of role fields, got {type(data).__name__}", path=source
        )
    for key in data:
        if key not in ROLE_FIELDS:
            close = difflib.get_close_matches(str(key), ROLE_FIELDS, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise RoleSpecError(
                f"unknown field; {hint}valid fields are {list(ROLE_FIELDS)}",
                path=source,
                field=str(key),
            )
    for key in REQUIRED_FIELDS:
        if key not in data:
            raise RoleSpecError("required field is missing", path=source, field=key)
    for key in ("id", "title", "department"):
        value = data.get(key, "")
        if not isinstance(value, str) or (key != "department" and not value.strip()):
            raise RoleSpecError(
                f"expected a non-empty string, got {value!r}", path=source, field=key
            )
    if not _ID.match(data["id"]):
        raise RoleSpecError(
            f"expected lowercase letters, digits, '-' or '_' (e.g. 'mobile-banking'), "
            f"got {data['id']!r}",
            path=source,
            field="id",
        )
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_FIELDS:
        value = data.get(key, [])
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise RoleSpecError(
                f"expected a list of non-empty strings, got {value!r}", path=source, field=key
            )
        if key in REQUIRED_FIELDS and not value:
            raise RoleSpecError(
                "expected at least one item, got an empty list", path=source, field=key
            )
        lists[key] = tuple(v.strip() for v in value)
    return Role(
        id=data["id"],
        title=data["title"].strip(),
        department=data.get("department", "").strip(),
        duties=lists["duties"],
        requirements=lists["requirements"],
        kpis=lists["kpis"],
        majors=lists["majors"],
        source=None if source is None else str(source),
    )


def _read_role_file(path: Path) -> Any:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as e:
            raise RoleSpecError(f"not valid JSON: {e}", path=path) from e
    import yaml

    from rolematch._resources import load_yaml

    try:
        return load_yaml(text)
    except yaml.YAMLError as e:
        raise RoleSpecError(f"not valid YAML: {e}", path=path) from e


def load_roles(paths: str | Path | Iterable[str | Path] | None = None) -> list[Role]:
    """Load roles from role files or folders of them, in file-name order.

    Parameters
    ----------
    paths : path, list of paths, or None
        Role files (``.yaml``, ``.yml``, ``.json``) or folders holding them.
        ``None`` loads the bundled roles of ``data/roles``.

    Returns
    -------
    list of Role

    Raises
    ------
    RoleSpecError
        A file breaks the schema, two roles share an id, or nothing was found.

    Examples
    --------
    >>> roles = load_roles()
    >>> [r.id for r in roles][:3]
    ['mobile-banking', 'portal-content', 'payment-settlement']
    """
    if paths is None:
        from rolematch._resources import default_roles_dir

        paths = [default_roles_dir()]
    elif isinstance(paths, str | Path):
        paths = [paths]
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.suffix.lower() in ROLE_SUFFIXES)
            if not found:
                raise RoleSpecError(
                    f"no role files ({', '.join(ROLE_SUFFIXES)}) in this folder", path=p
                )
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            raise RoleSpecError("no such file or folder", path=p)
    roles: list[Role] = []
    seen: dict[str, str | None] = {}
    for f in files:
        role = role_from_dict(_read_role_file(f), source=f)
        if role.id in seen:
            raise RoleSpecError(
                f"duplicate id {role.id!r}, already defined in {seen[role.id]}",
                path=f,
                field="id",
            )
        seen[role.id] = role.source
        roles.append(role)
    return roles


def dump_role(role: Role, fmt: str = "yaml") -> str:
    """Serialise a role as YAML or JSON text that :func:`load_roles` reads back."""
    data = role.to_dict()
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt != "yaml":
        raise ValueError(f"The 'fmt' parameter of dump_role must be 'yaml' or 'json'. Got {fmt!r}.")
    import yaml

    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000))


def write_roles(roles: Sequence[Role], out_dir: str | Path, fmt: str = "yaml") -> list[Path]:
    """Write one file per role, named ``NN-<id>.yaml`` so that file order is posting order."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i, role in enumerate(roles, start=1):
        path = out / f"{i:02d}-{role.id}.{fmt}"
        path.write_text(dump_role(role, fmt), encoding="utf-8")
        written.append(path)
    return written


# ---------------------------------------------------------------------------
# plain-text postings: 岗位N：title / 岗位描述： / 任职要求： / 主要任务指标：
_ROLE_HEAD = re.compile(r"^\s*岗位\s*(\d+)\s*[：:]\s*(.+?)\s*$")
_SECTION = re.compile(
    r"^\s*(岗位描述|岗位职责|工作职责|任职要求|任职资格|主要任务指标)\s*[：:]\s*(.*)$"
)
_NUMBERED = re.compile(r"^\s*(\d+)\s*[.、．)）]\s*(.*)$")
_KPI_INLINE = re.compile(r"^主要任务指标\s*[：:]\s*(.*)$")
# "计算机、金融等相关专业优先" names majors; "专业知识过硬" does not.
_MAJORS = re.compile(r"(?:^|[，,；;])([^，,；;。]+?)(?:等?(?:相关|相近)专业|专业优先)")
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


def _majors(requirements: Sequence[str]) -> list[str]:
    majors: list[str] = []
    for req in requirements:
        m = _MAJORS.search(req)
        if not m:
            continue
        for name in re.split(r"[、,，/和及与]", m.group(1)):
            name = re.sub(r"类$", "", name.strip())
            if name and name not in majors:
                majors.append(name)
    return majors


def parse_posting(
    text: str, *, ids: Sequence[str] | None = None, source: str | None = None
) -> list[Role]:
    """Parse a posting in the plain-text format of the bank's announcements.

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
