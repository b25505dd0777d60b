"""The little CSS a résumé reader needs: whether a web page's styles hide text.

:mod:`rolematch.io._html` asks, for each element, what its ``<style>`` rules and its own
``style`` declare, whether that hides it (``display:none``, ``visibility:hidden``,
Word's ``mso-hide:all``, a font under 3 pt) and whether a colour is white or near it
(keyword stuffing painted white on white).
"""

from __future__ import annotations

import re

__all__ = ["Stylesheet", "declarations", "hides", "light"]

#: A stylesheet selector rolematch applies: ``tag``, ``.class``, ``#id`` or a compound of
#: them; descendant selectors, pseudo-classes and attributes are not matched.
_SELECTOR = re.compile(r"([a-z][a-z0-9]*|\*)?((?:[.#][\w-]+)*)", re.I)
_CSS_COMMENT = re.compile(r"/\*.*?\*/|<!--|-->", re.S)
_CSS_RULE = re.compile(r"([^{}@]+)\{([^{}]*)\}")
_HEX = re.compile(r"#([0-9a-f]{3}|[0-9a-f]{6})\b", re.I)
_RGB = re.compile(r"rgba?\(\s*(\d+)%?[\s,]+(\d+)%?[\s,]+(\d+)%?", re.I)
_NAMED_LIGHT = frozenset({"white", "snow", "ivory", "ghostwhite", "whitesmoke", "azure"})
_SIZE = re.compile(r"([\d.]+)\s*(px|pt|em|rem|%)?", re.I)
#: A stylesheet rule: specificity, order, tag (or ``*``), classes, id, declarations.
_Rule = tuple[int, int, str, frozenset[str], str, dict[str, str]]


def declarations(style: str) -> dict[str, str]:
    """``prop: value; …`` as a dict, names and values lower-cased, ``!important`` left out."""
    out = {}
    for decl in style.split(";"):
        name, colon, value = decl.partition(":")
        if colon:
            out[name.strip().lower()] = value.lower().replace("!important", "").strip()
    return out


def light(value: str) -> bool | None:
    """Whether a CSS colour is white or near it; ``None`` when it names no colour."""
    if m := _HEX.search(value):
        h = m.group(1)
        h = "".join(c * 2 for c in h) if len(h) == 3 else h
        r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    elif m := _RGB.search(value):
        r, g, b = (min(255, int(x)) for x in m.groups())
    else:
        words = set(re.findall(r"[a-z]+", value))
        if words & _NAMED_LIGHT:
            return True
        if not words or words <= {"transparent", "none", "inherit", "initial", "unset", "auto"}:
            return None
        return False  # another named colour, or a picture (url(…)): taken as dark
    return 0.299 * r + 0.587 * g + 0.114 * b >= 0.8 * 255


def hides(style: dict[str, str]) -> bool:
    """Whether declarations hide an element: display, visibility, mso-hide, a tiny font."""
    if style.get("display") == "none" or style.get("visibility") in ("hidden", "collapse"):
        return True
    if style.get("mso-hide") == "all":
        return True
    size = _SIZE.fullmatch(style.get("font-size", "x"))
    if size is None:
        return False
    number, unit = float(size.group(1)), (size.group(2) or "px").lower()
    return number == 0 or (unit == "px" and number < 4) or (unit == "pt" and number < 3)


class Stylesheet:
    """The rules of a page's ``<style>`` elements that rolematch can match, by key."""

    def __init__(self) -> None:
        self.rules: dict[tuple[str, str], list[_Rule]] = {}
        self.count = 0

    def add(self, css: str) -> None:
        for selectors, body in _CSS_RULE.findall(_CSS_COMMENT.sub(" ", css)):
            decls = declarations(body)
            for selector in selectors.split(","):
                m = _SELECTOR.fullmatch(selector.strip())
                if m is None or not (m.group(1) or m.group(2)):
                    continue
                tag = (m.group(1) or "*").lower()
                parts = re.findall(r"([.#])([\w-]+)", m.group(2))
                classes = frozenset(name for kind, name in parts if kind == ".")
                ids = [name for kind, name in parts if kind == "#"]
                ident = ids[0] if ids else ""
                specificity = 100 * len(ids) + 10 * len(classes) + (tag != "*")
                key = ("#", ident) if ident else (".", min(classes)) if classes else ("", tag)
                self.count += 1
                self.rules.setdefault(key, []).append(
                    (specificity, self.count, tag, classes, ident, decls)
                )

    def style(self, tag: str, classes: list[str], ident: str) -> dict[str, str]:
        """The declarations the rules give an element, the more specific ones winning."""
        if not self.rules:
            return {}
        have = set(classes)
        keys = [("", tag), ("", "*"), *((".", c) for c in have)]
        if ident:
            keys.append(("#", ident))
        found = [
            rule
            for key in keys
            for rule in self.rules.get(key, ())
            if rule[2] in ("*", tag) and rule[3] <= have and rule[4] in ("", ident)
        ]
        out: dict[str, str] = {}
        for rule in sorted(found, key=lambda r: r[:2]):
            out.update(rule[5])
        return out
