"""Finding a role by what a user calls it: its id in any case or width, or its title as
written, as read, or without the note after it (the CLI's ``--role``, ``Matcher.explain``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from rolematch.documents import Role
from rolematch.text import title_note

__all__ = ["find_role", "require_role", "roles_titled"]


def find_role(roles: Sequence[Role], name: str) -> Role | None:
    """The role ``name`` means: the one with that id, else the only one with that title.

    A recruiter names a post as it reads (客户服务团队主管); an imported posting's id is
    made from its title and may carry a hash. An id is matched whatever its case or
    width: role ids are lower case, and an applicant-tracking system's own id
    (``HR2025-001``, imported with ``--id-field``) names the role ``hr2025-001``.

    Examples
    --------
    >>> roles = [Role("cs", "客服主管", ("负责坐席管理",), ()), Role("cp", "消保主管", (), ())]
    >>> find_role(roles, "cs").title, find_role(roles, "消保主管").id, find_role(roles, "厨师")
    ('客服主管', 'cp', None)
    >>> find_role(roles, "CS").id, find_role(roles, " ＣＰ ").id
    ('cs', 'cp')
    """
    for r in roles:
        if r.id == name:
            return r
    if isinstance(name, str):
        key = _id_key(name)
        same_id = [r for r in roles if isinstance(r.id, str) and _id_key(r.id) == key]
        if len(same_id) == 1:  # two ids one apart in case only (built in Python): neither
            return same_id[0]
    titled = roles_titled(roles, name)
    return titled[0] if len(titled) == 1 else None


def roles_titled(roles: Sequence[Role], name: str) -> list[Role]:
    """The roles with title ``name``: as written, else as read (（…） or (…)), or
    without the note after it (理赔审核主管 for 理赔审核主管（总部运营中心）)."""
    titled = [r for r in roles if r.title == name]
    if not titled and isinstance(name, str):
        key = _id_key(name)
        titled = [r for r in roles if key in (_id_key(r.title), _id_key(title_note(r.title)[0]))]
    return titled


def _id_key(name: str) -> str:
    """An id as :func:`find_role` compares it: NFKC (full-width ＨＲ is HR), case folded."""
    return unicodedata.normalize("NFKC", name).strip().casefold()


def require_role(roles: Sequence[Role], name: str, where: str) -> Role:
    """:func:`find_role`, or a ValueError naming ``where``'s 'role_id' parameter, the
    choices and the value (a title several roles share: their ids)."""
    role = find_role(roles, name)
    if role is not None:
        return role
    same = [r.id for r in roles_titled(roles, name)]
    if same:
        raise ValueError(
            f"The 'role_id' parameter of {where} must be a role id, or the title of exactly "
            f"one role. Got {name!r} instead, the title of {len(same)} roles; give one's id: "
            f"{same}."
        )
    raise ValueError(
        f"The 'role_id' parameter of {where} must be a role id or the title of exactly one "
        f"role: {', '.join(f'{r.id} ({r.title})' for r in roles)}. Got {name!r} instead."
    )
