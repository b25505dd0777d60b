"""Where :func:`rolematch.io.roles.write_roles` (``rolematch roles import --out DIR``)
writes each role.

A role is "the same posting" as a file of DIR when it has that file's id: importing a
posting again, or an edited copy of it (its title, so its id, unchanged), replaces the
file that ``roles import`` wrote for it, under its name, so it keeps its place in the
folder's order. A new role gets the next ``NN-`` prefix after those of the folder, so
file order stays import order. An id that a file ``roles import`` did not write holds
(a hand-written role, a posting kept in DIR) is refused, as is one id given to two of
the roles being written: the folder would no longer load. Nothing is written then.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from rolematch.documents import Role
from rolematch.exceptions import RoleSpecError
from rolematch.io.roles import RoleFileWarning, dump_role, folder_files, load_roles

__all__ = ["RoleWrite", "plan_role_files", "write_role_files"]

#: The name ``roles import`` gives a role file: ``NN-<id>.yaml`` (or ``.yml``, ``.json``).
_WRITTEN = re.compile(r"^(\d+)-(.+)\.(yaml|yml|json)$", re.IGNORECASE)


class RoleWrite(NamedTuple):
    """One role file to write."""

    role: Role
    #: the file written
    path: Path
    #: the format written: that of the file replaced, else the one asked for
    fmt: str
    #: whether ``path`` held this id before (an earlier import of the posting)
    replaces: bool = False
    #: the title that file held (None when it did not load, or for a new file)
    old_title: str | None = None


class _Holder(NamedTuple):
    path: Path
    title: str | None  # None: the file did not load (its name says its id)
    written: bool  # named NN-<id>.<suffix> for that id, so written by roles import


def plan_role_files(
    roles: Sequence[Role], out_dir: str | Path, fmt: str = "yaml"
) -> list[RoleWrite]:
    """The file of ``out_dir`` each role goes to, in the order of ``roles``; nothing is
    written.

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
    >>> c = Role("x", "主管", ("负责运营",), ())
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = write_role_files([a, b], tmp)
    ...     [(w.path.name, w.replaces) for w in plan_role_files([b, a, c], tmp)]
    [('02-cp.yaml', True), ('01-cs.yaml', True), ('03-x.yaml', False)]
    """
    _check_ids_differ(roles)
    out = Path(out_dir)
    held, top = _folder(out) if out.is_dir() else ({}, 0)
    plan: list[RoleWrite] = []
    for role in roles:
        holder = held.get(role.id)
        if holder is None:
            top += 1
            plan.append(RoleWrite(role, out / f"{top:02d}-{role.id}.{fmt}", fmt))
            continue
        if not holder.written:
            what = "a posting kept there"
            if not _posting(holder.path):
                what = "a role file roles import did not write (its files are NN-<id>.yaml)"
            raise RoleSpecError(
                f"id {role.id!r} (of {role.title!r}) is already the id of {holder.path}, {what}; "
                "nothing written: ids must be unique in a folder (choose another id, or "
                "remove that file)",
                path=role.source,
                field="id",
            )
        own = "json" if holder.path.suffix.lower() == ".json" else "yaml"
        plan.append(RoleWrite(role, holder.path, own, True, holder.title))
    return plan


def write_role_files(
    roles: Sequence[Role], out_dir: str | Path, fmt: str = "yaml"
) -> list[RoleWrite]:
    """:func:`plan_role_files`, then write the files (making ``out_dir``); the plan."""
    plan = plan_role_files(roles, out_dir, fmt)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    for w in plan:
        w.path.write_text(dump_role(w.role, w.fmt), encoding="utf-8")
    return plan


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
            try:
                for r in load_roles(f):
                    written = name is not None and name.group(2) == r.id
                    held.setdefault(r.id, _Holder(f, r.title, written))
            except (RoleSpecError, OSError):
                if name is not None:
                    held.setdefault(name.group(2), _Holder(f, None, True))
    return held, top
