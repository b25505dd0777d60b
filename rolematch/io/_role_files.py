"""Reading a role file (its text, its data, the line of a field in it) and finding
ids that clash, for :mod:`rolematch.io.roles`."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from rolematch.documents import Role
from rolematch.exceptions import RoleSpecError
from rolematch.io._txt import gb18030_text

__all__ = ["FieldLines", "duplicate_ids", "is_role_file", "read_role_file", "role_text"]


def role_text(path: Path) -> str:
    """A role file's text: UTF-8, with or without a byte-order mark.

    A file in another encoding is an error that names the file and says what it looks
    like (GBK/GB18030, UTF-16, binary), rather than a guess: role files are the source
    of truth, which every tool must read the same way.

    Raises
    ------
    RoleSpecError
        The file is not UTF-8 text.
    OSError
        The file cannot be read.
    """
    data = path.read_bytes()
    # a UTF-8 mark before GBK text (an editor's "UTF-8 with BOM" over a GBK file): the
    # offset and the look are the text's after the mark, as the decoder counts them
    body = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as e:
        bad = f"byte 0x{body[e.start]:02x} at offset {e.start + len(data) - len(body)}"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        looks = "looks like UTF-16, Windows Notepad's 'Unicode'"
    elif not any("\u4e00" <= c <= "\u9fff" for c in gb18030_text(body) or ""):
        looks = "binary content, or an encoding not recognised"
    else:
        looks = "looks like GBK/GB18030, the Chinese Windows default"
    raise RoleSpecError(
        f"not UTF-8 text ({bad}; {looks}); save it as UTF-8 (YAML or JSON text)", path=path
    )


class FieldLines:
    """The line a role file's field (or one item of a list field) is on.

    The text is parsed for line numbers only when an error needs one. JSON is read as
    YAML for this (JSON is nearly a subset of YAML); where that fails, the field's key
    is searched in the text.

    Examples
    --------
    >>> lines = FieldLines("id: x\\ntitle: t\\nduties:\\n- ok\\n- {a: 1}\\n")
    >>> lines("title"), lines("duties", 1), lines("kpis")
    (2, 5, None)
    >>> FieldLines('{"id": "x",\\n "duties": [1,\\n 2]}')("duties", 1)
    3
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.root: Any = None
        self.composed = False

    def __call__(self, field: str, index: int | None = None) -> int | None:
        import yaml

        if not self.composed:
            self.composed = True
            try:
                loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
                self.root = yaml.compose(self.text, Loader=loader)
            except yaml.YAMLError:
                self.root = None
        if isinstance(self.root, yaml.MappingNode):
            for key, value in self.root.value:
                if getattr(key, "value", None) != field:
                    continue
                node = key
                if index is not None and isinstance(value, yaml.SequenceNode):
                    node = value.value[index] if index < len(value.value) else key
                return int(node.start_mark.line) + 1
        m = re.search(rf"""(?m)(?:^|[{{,\s])(["']?{re.escape(field)}["']?)\s*:""", self.text)
        return self.text.count("\n", 0, m.start(1)) + 1 if m else None


class _TwiceError(ValueError):
    """A mapping names a key twice (YAML and JSON parsers keep the last without a word)."""


def _once(pairs: Iterable[tuple[Any, Any]]) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _TwiceError(key)
        out[key] = value
    return out


@functools.cache
def _yaml_loader() -> type:
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            _once((key.value, None) for key, _ in node.value)
            return super().construct_mapping(node, deep)

    return Loader


def _keys(text: str, key: str) -> list[tuple[int, str]]:
    """(line, key) of each ``key:`` (a regular expression) the text names."""
    found = re.finditer(rf"""(?m)(?:^|[{{,\s])["']?({key})["']?[ \t]*:""", text)
    return [(text.count("\n", 0, m.start(1)) + 1, m.group(1)) for m in found]


def read_role_file(path: Path, fields: Sequence[str]) -> tuple[Any, FieldLines]:
    """A role file's data and lines; a syntax error, or a key given twice, is a
    :class:`RoleSpecError` naming the line and the field (one of ``fields``) it is in."""
    import yaml

    text = role_text(path)
    try:
        if path.suffix.lower() == ".json":
            return json.loads(text, object_pairs_hook=_once), FieldLines(text)
        return yaml.load(text, Loader=_yaml_loader()), FieldLines(text)  # noqa: S506
    except _TwiceError as e:
        lines = [n for n, _ in _keys(text, re.escape(str(e)))] + [0, 0]
        why = f"line {lines[1]}: the field is given twice (first on line {lines[0]}); "
        why += "the last would replace the first"
        raise RoleSpecError(why, path=path, field=str(e)) from None
    except (json.JSONDecodeError, yaml.MarkedYAMLError) as e:
        if isinstance(e, json.JSONDecodeError):
            line, col, what = e.lineno, e.colno, f"JSON: {e.msg}"
        else:  # one line, naming the file rather than "<unicode string>"
            mark, ctx = e.problem_mark or e.context_mark, e.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            what = f"YAML: {e.problem}" + (f" ({e.context} on line {ctx.line + 1})" if ctx else "")
            if "\t" in "".join(text.splitlines()[line - 1 : line]):
                what += "; indent with spaces, not tabs"
        named = _keys("\n".join(text.splitlines()[:line]), "|".join(fields))
        field = named[-1][1] if named else None  # the field whose value the error is in
        where = f"line {line}, column {col}: " if line else ""
        raise RoleSpecError(f"{where}not valid {what}", path=path, field=field) from e
    except yaml.YAMLError as e:
        raise RoleSpecError(f"not valid YAML: {e}".replace("\n", " "), path=path) from e


def is_role_file(path: Path) -> bool:
    """Whether a file is a role file: YAML, or a JSON object with role fields."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return True
    if suffix != ".json":
        return False
    # a .json role is one object with role fields; a job-board export is a list
    head = path.read_text(encoding="utf-8-sig", errors="replace").lstrip()[:1]
    if head != "{":
        return False
    try:
        data = json.loads(role_text(path))
    except (json.JSONDecodeError, RoleSpecError):
        return True  # let the role reader name the JSON or encoding error
    return isinstance(data, Mapping) and any(k in data for k in ("id", "duties", "requirements"))


def duplicate_ids(roles: Sequence[Role]) -> list[RoleSpecError]:
    """An error for each role whose id an earlier role already has.

    Each names the later role's file (and the line of its id, for a role file) and
    the file of the earlier role. :func:`~rolematch.io.roles.load_roles` raises the
    first;
    ``rolematch roles validate`` prints them all beside the errors of the files
    that did not load.

    Examples
    --------
    >>> a = Role("cs", "客服主管", ("负责坐席管理",), (), source="a.txt")
    >>> b = Role("cs", "消保主管", ("负责消保审查",), (), source="b.txt")
    >>> [str(e) for e in duplicate_ids([a, b])]
    ["b.txt: field 'id': duplicate id 'cs', already defined in a.txt"]
    """
    seen: dict[str, str | None] = {}
    errors = []
    for role in roles:
        if role.id not in seen:
            seen[role.id] = role.source
            continue
        line = _id_line(role.source)
        errors.append(
            RoleSpecError(
                f"{f'line {line}: ' if line else ''}duplicate id {role.id!r}, "
                f"already defined in {seen[role.id]}",
                path=role.source,
                field="id",
            )
        )
    return errors


def _id_line(source: str | None) -> int | None:
    """The line of the id in a role file (None for a posting: its id is made, not written)."""
    try:
        if source is None or not is_role_file(Path(source)):
            return None
        return FieldLines(role_text(Path(source)))("id")
    except (OSError, RoleSpecError):  # gone or changed since it was read: no line, no crash
        return None
