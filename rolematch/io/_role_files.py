"""Reading a role file's text, and finding the line of a field in it, for
:mod:`rolematch.io.roles`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rolematch.exceptions import RoleSpecError
from rolematch.io._txt import gb18030_text

__all__ = ["FieldLines", "role_text"]


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
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        bad = f"byte 0x{data[e.start]:02x} at offset {e.start}"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        looks = "looks like UTF-16, Windows Notepad's 'Unicode'"
    elif not any("\u4e00" <= c <= "\u9fff" for c in gb18030_text(data) or ""):
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
