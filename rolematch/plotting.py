"""Chinese text in matplotlib figures: find an installed CJK font and use it.

matplotlib's default font (DejaVu Sans) has no Chinese glyphs, so role titles and
résumé sentences come out as empty boxes ("tofu") and matplotlib warns
``Glyph ... missing from font(s) DejaVu Sans``. :func:`use_cjk_font` asks
matplotlib's font manager for an installed font that covers the text and puts it
first in ``rcParams``. No font file path is hard-coded: any CJK font the system
has (Noto Sans CJK, Source Han Sans, WenQuanYi, Microsoft YaHei, PingFang …) works.

matplotlib is imported inside the functions (it is not needed to match résumés;
the ``dev`` extra brings it).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from rolematch._optional import import_optional
from rolematch.exceptions import RolematchError

__all__ = ["CJK_SAMPLE", "find_cjk_font", "use_cjk_font"]

#: Characters a font must draw to count as a Chinese font here: common hanzi of
#: role titles and résumés, and the full-width punctuation they use.
CJK_SAMPLE = "简历岗位匹配团队主管负责（）：、，。"

# Tried first, in this order, so the choice is stable across machines; any other
# installed font that covers the sample is accepted after them.
_PREFERRED = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "SimHei",
    "Droid Sans Fallback",
)

_INSTALL_HINT = (
    "install one, e.g. 'apt-get install fonts-wqy-zenhei' or 'fonts-noto-cjk' (Debian/Ubuntu), "
    "'dnf install google-noto-sans-cjk-fonts' (Fedora); macOS and Windows ship one"
)


def _covers(fname: str, index: int, codepoints: set[int]) -> bool:
    from fontTools.ttLib import TTFont  # a dependency of matplotlib

    try:
        with TTFont(fname, fontNumber=index, lazy=True) as font:
            cmap = font.getBestCmap() or {}
    except Exception:  # unreadable or unsupported font file: not a candidate
        return False
    return codepoints <= cmap.keys()


def _search(fm: Any, codepoints: set[int]) -> Any:
    rank = {name: i for i, name in enumerate(_PREFERRED)}
    entries = sorted(fm.fontManager.ttflist, key=lambda e: rank.get(e.name, len(rank)))
    seen: set[tuple[str, int]] = set()
    for e in entries:
        key = (e.fname, getattr(e, "index", 0))
        # matplotlib >= 3.11 bundles "Last Resort", whose glyphs are placeholder boxes
        # for every code point: it "covers" everything and draws tofu.
        if key in seen or e.name.startswith("Last Resort"):
            continue
        seen.add(key)
        if _covers(*key, codepoints):
            return e
    return None


def _find(sample: str) -> Any:
    """The font manager's entry (``.name``, ``.fname`` …) of a font that covers ``sample``."""
    import_optional("matplotlib", extra="dev")
    from matplotlib import font_manager as fm

    codepoints = {ord(ch) for ch in sample if not ch.isspace()}
    found = _search(fm, codepoints)
    if found is None:
        # matplotlib caches its font list on first use; a font installed since then
        # is not in it, so add the system's font files it does not know yet.
        known = {e.fname for e in fm.fontManager.ttflist}
        for path in fm.findSystemFonts():
            if path not in known:
                try:
                    fm.fontManager.addfont(path)
                except Exception:  # a font FreeType cannot open: skip it
                    continue
        found = _search(fm, codepoints)
    if found is None:
        raise RolematchError(
            f"No installed font covers {sample!r}, so matplotlib would draw Chinese text "
            f"as empty boxes; {_INSTALL_HINT}."
        )
    return found


def find_cjk_font(sample: str = CJK_SAMPLE) -> str:
    """The family name of an installed font that draws every character of ``sample``.

    Parameters
    ----------
    sample : str, default CJK_SAMPLE
        Text the font must cover, e.g. the labels of a figure. Whitespace is ignored.

    Returns
    -------
    str
        A family name for ``rcParams["font.family"]`` or ``FontProperties(family=...)``.

    Raises
    ------
    RolematchError
        If no installed font covers ``sample``; the message says what to install.
    MissingDependencyError
        If matplotlib is not installed.

    Examples
    --------
    >>> find_cjk_font("手机银行团队主管")  # doctest: +SKIP
    'WenQuanYi Zen Hei'
    """
    return str(_find(sample).name)


def use_cjk_font(sample: str = CJK_SAMPLE) -> str:
    """Make matplotlib draw Chinese text: put a CJK font first in ``rcParams``.

    Sets ``font.family`` to ``sans-serif`` with the font found by
    :func:`find_cjk_font` at the head of ``font.sans-serif``, and draws the minus
    sign as ASCII ``-`` when the font lacks U+2212.

    Parameters
    ----------
    sample : str, default CJK_SAMPLE
        Text the font must cover.

    Returns
    -------
    str
        The family name now in use.

    Raises
    ------
    RolematchError
        If no installed font covers ``sample``.

    Examples
    --------
    >>> from rolematch.plotting import use_cjk_font
    >>> use_cjk_font()  # doctest: +SKIP
    'WenQuanYi Zen Hei'
    """
    entry = _find(sample)
    import matplotlib as mpl
    from matplotlib import font_manager as fm

    family = str(entry.name)
    weights = {
        fm.weight_dict.get(e.weight, 400) if isinstance(e.weight, str) else e.weight
        for e in fm.fontManager.ttflist
        if e.name == family
    }
    if 400 not in weights:
        # Some CJK fonts have a single medium face (WenQuanYi Zen Hei: 500); matplotlib
        # then logs "Failed to find font weight normal" for every text size. Register
        # that face as the regular weight too, as matplotlib does for alternate names.
        fm.fontManager.ttflist.append(dataclasses.replace(entry, weight=400))
    sans = [f for f in mpl.rcParams["font.sans-serif"] if f != family]
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = [family, *sans]
    mpl.rcParams["axes.unicode_minus"] = _covers(entry.fname, getattr(entry, "index", 0), {0x2212})
    return family
