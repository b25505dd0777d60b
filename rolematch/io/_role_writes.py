"""Where :func:`rolematch.io.roles.write_roles` (``rolematch roles import --out DIR``)
writes each role.

A role replaces a file of DIR only when that file holds the same posting, under the
role's id or one made from it by a ``-N`` suffix (``aml``, ``aml-2`` …):

1. the same content: the posting imported again (from any file);
2. else the same posting file, edited and imported again: the file of the role's id,
   or one of the same title, imported from that posting file (``roles import``
   records it on a YAML file's first line: ``# roles import: from <path>``).

Another posting under the role's id (对公客户经理 of a branch's notice, where the head
office's is) is never written over: the role gets the next free id, ``<id>-2``,
``<id>-3`` …. With ``replace=True`` (ids given by hand, ``--ids``) a role replaces the
file of its id whatever that holds.

A replaced file keeps its name, so its place in the folder's order. A new role gets
the next ``NN-`` prefix after those of the folder, so file order stays import order.
An id that a file ``roles import`` did not write holds (a hand-written role, a
posting kept in DIR) is refused, as is one id given to two of the roles being
written: the folder would no longer load. Nothing is written then.
"""

from __future__ import annotations

import dataclasses
import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from rolematch.documents import Role
from rolematch.exceptions import RoleSpecError
from rolematch.io.roles import RoleFileWarning, dump_role, folder_files, load_roles

__all__ = ["RoleWrite", "plan_role_files", "write_role_files"]

#: The name ``roles import`` gives a role file: ``NN-<id>.yaml`` (or ``.yml``, ``.json``).
_WRITTEN = re.compile(r"^(\d+)-(.+)\.(yaml|yml|json)$", re.IGNORECASE)
#: The first line of a YAML role file ``roles import`` writes: the posting it came from.
_FROM = "# roles import: from "


class RoleWrite(NamedTuple):
    """One role file to write."""

    role: Role
    #: the file written
    path: Path
    #: the format written: that of the file replaced, else the one asked for
    fmt: str
    #: whether ``path`` held this posting before (an earlier import of it)
    replaces: bool = False
    #: the title that file held (None when it did not load, or for a new file)
    old_title: str | None = None
    #: the file that holds another posting under the id the role came with, which
    #: was kept: the role then has another id (None when there was no such file)
    kept: Path | None = None
    #: the posting file recorded on the first line of a YAML file (None: none)
    origin: str | None = None


class _Holder(NamedTuple):
    path: Path
    role: Role | None  # None: the file did not load (its name says its id)
    written: bool  # named NN-<id>.<suffix> for that id, so written by roles import
    origin: str | None  # the posting it was imported from, as its first line says


def plan_role_files(
    roles: Sequence[Role], out_dir: str | Path, fmt: str = "yaml", *, replace: bool = False
) -> list[RoleWrite]:
    """The file of ``out_dir`` each role goes to, in the order of ``roles``; nothing is
    written.

    Parameters
    ----------
    roles : sequence of Role
    out_dir : path
    fmt : {"yaml", "json"}
        The format of new files (a replaced file keeps its own).
    replace : bool
        Whether a role replaces the file of its id whatever that holds (the ids were
        chosen by hand). By default it does only when that file holds the same
        posting, and a role with another's id gets the next free one (``<id>-2`` …).

    Raises
    ------
    RoleSpecError
        Two of ``roles`` share an id (the error names both, and their files), or a
        role's id is held by a file of ``out_dir`` that ``roles import`` did not write.

    Examples
    --------
    >>> import tempfile
    >>> a = Role("cs", "客服主管", ("负责坐席管理",), (), source="a.txt")
    >>> b = Role("cp", "消保主管", ("负责消保审查",), (), source="b.txt")
    >>> c = Role("cs", "客服主管", ("负责投诉处理",), (), source="c.txt")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = write_role_files([a, b], tmp)
    ...     [(w.path.name, w.replaces, w.role.id) for w in plan_role_files([b, c], tmp)]
    [('02-cp.yaml', True, 'cp'), ('03-cs-2.yaml', False, 'cs-2')]
    """
    _check_ids_differ(roles)
    out = Path(out_dir)
    held, top = _folder(out) if out.is_dir() else ({}, 0)
    for role in roles:  # before any other decision: nothing is written then
        if (holder := held.get(role.id)) is not None and not holder.written:
            raise _not_written(role, holder)
    if replace:
        files = {k: r.id for k, r in enumerate(roles) if r.id in held}
    else:
        files = _same_postings(roles, held)
    taken = set(held) | {r.id for r in roles}  # ids a role given a new one must not take
    plan: list[RoleWrite] = []
    for k, role in enumerate(roles):
        kept = None
        if k in files:
            role = dataclasses.replace(role, id=files[k])
        elif role.id in held:  # another posting's file: kept, and the role gets a new id
            kept, base, n = held[role.id].path, _base(role.id), 2
            while f"{base}-{n}" in taken:
                n += 1
            taken.add(f"{base}-{n}")
            role = dataclasses.replace(role, id=f"{base}-{n}")
        origin = _origin(role.source)
        if k not in files:
            top += 1
            path = out / f"{top:02d}-{role.id}.{fmt}"
            plan.append(RoleWrite(role, path, fmt, kept=kept, origin=origin))
            continue
        holder = held[files[k]]
        if holder.origin and holder.role is not None and _content(holder.role) == _content(role):
            origin = holder.origin  # the same posting from a copy: edits come from the first
        own = "json" if holder.path.suffix.lower() == ".json" else "yaml"
        title = holder.role.title if holder.role is not None else None
        plan.append(RoleWrite(role, holder.path, own, True, title, kept, origin))
    return plan


def write_role_files(
    roles: Sequence[Role], out_dir: str | Path, fmt: str = "yaml", *, replace: bool = False
) -> list[RoleWrite]:
    """:func:`plan_role_files`, then write the files (making ``out_dir``); the plan."""
    plan = plan_role_files(roles, out_dir, fmt, replace=replace)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    for w in plan:
        text = dump_role(w.role, w.fmt)
        if w.origin is not None and w.fmt == "yaml":
            text = f"{_FROM}{w.origin}\n{text}"
        w.path.write_text(text, encoding="utf-8")
    return plan


def _origin(source: str | None) -> str | None:
    """The posting a role came from, as its file's first line records it: the posting
    file's full path (a relative one names another file from another folder), one
    line; None for a role from no file."""
    if not source:
        return None
    path, sep, row = source.rpartition(":")  # an export's record: jobs.csv:12
    if not (sep and row.isdigit() and Path(path).is_file()):
        path, sep, row = source, "", ""
    full = str(Path(path).resolve()) if Path(path).is_file() else path
    return " ".join(f"{full}{sep}{row}".splitlines())


def _content(role: Role) -> dict[str, Any]:
    return {k: v for k, v in role.to_dict().items() if k != "id"}


def _base(role_id: str) -> str:
    """An id without the ``-N`` suffix that told it from another of the same title."""
    m = re.fullmatch(r"(.+)-\d{1,3}", role_id)
    return m.group(1) if m else role_id


def _same_postings(roles: Sequence[Role], held: dict[str, _Holder]) -> dict[int, str]:
    """The roles (by index) that a file of the folder holds the posting of, and the id
    of that file: first by content, then by posting file (see the module docstring).
    Each file is taken once, the role's own id first."""
    families = []
    for role in roles:
        base = _base(role.id)
        family = [i for i in held if held[i].written and _base(i) == base]
        families.append(sorted(family, key=lambda i: (i != role.id, held[i].path.name)))
    found: dict[int, str] = {}

    def take(k: int, ids: list[str]) -> None:
        if free := [i for i in ids if i not in found.values()]:
            found[k] = free[0]

    for k, role in enumerate(roles):
        take(k, [i for i in families[k] if _held_content(held[i]) == _content(role)])
    for k, role in enumerate(roles):
        origin = _origin(role.source)
        if k in found or origin is None:
            continue
        # an edited posting: the file of its id, or one of its title, from that posting
        edited = [i for i in families[k] if held[i].origin == origin]
        title = [i for i in edited if _held_content(held[i]).get("title") == role.title]
        take(k, [i for i in edited if i == role.id] + title)
    return found


def _held_content(holder: _Holder) -> dict[str, Any]:
    return _content(holder.role) if holder.role is not None else {}


def _not_written(role: Role, holder: _Holder) -> RoleSpecError:
    what = "a posting kept there"
    if not _posting(holder.path):
        what = "a role file roles import did not write (its files are NN-<id>.yaml)"
    return RoleSpecError(
        f"id {role.id!r} (of {role.title!r}) is already the id of {holder.path}, {what}; "
        "nothing written: ids must be unique in a folder (choose another id, or "
        "remove that file)",
        path=role.source,
        field="id",
    )


def _which(role: Role) -> str:
    return f"{role.title!r}" + (f" (from {role.source})" if role.source else "")


def _check_ids_differ(roles: Sequence[Role]) -> None:
    first: dict[str, Role] = {}
    for role in roles:
        if role.id not in first:
            first[role.id] = role
            continue
        raise RoleSpecError(
            f"id {role.id!r} is given to two roles, {_which(first[role.id])} and "
            f"{_which(role)}; nothing written: each role needs its own id",
            field="id",
        )


def _posting(path: Path) -> bool:
    return path.suffix.lower() not in (".yaml", ".yml", ".json")


def _recorded_origin(path: Path) -> str | None:
    """The posting a role file was imported from, as its first line says, or None."""
    if path.suffix.lower() == ".json":
        return None
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            first = fh.readline().rstrip("\r\n")
    except OSError:
        return None
    return first.removeprefix(_FROM) if first.startswith(_FROM) else None


def _folder(folder: Path) -> tuple[dict[str, _Holder], int]:
    """id -> the file of ``folder`` that holds it, and the highest ``NN-`` prefix there.

    A role file that does not load holds the id its name says, when it is named as
    ``roles import`` names its files (importing the posting again mends it); other
    files that do not load hold no id here: ``roles validate`` names their errors.
    """
    top = max(
        (int(m.group(1)) for f in folder.iterdir() if (m := re.match(r"(\d+)-", f.name))),
        default=0,
    )
    held: dict[str, _Holder] = {}
    with warnings.catch_warnings():  # notes or a README beside the roles are no matter here
        warnings.simplefilter("ignore", RoleFileWarning)
        try:
            files = [f for f, _ in folder_files(folder)]
        except RoleSpecError:  # nothing there that is a role or a posting
            return held, top
        for f in files:
            name = _WRITTEN.match(f.name)
            origin = None if _posting(f) else _recorded_origin(f)
            try:
                for r in load_roles(f):
                    written = name is not None and name.group(2) == r.id
                    held.setdefault(r.id, _Holder(f, r, written, origin))
            except (RoleSpecError, OSError):
                if name is not None:
                    held.setdefault(name.group(2), _Holder(f, None, True, origin))
    return held, top
