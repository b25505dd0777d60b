"""notebooks/explore_matches.ipynb: stripped, public API only, runs headless, draws Chinese.

The notebook runs in a real Jupyter kernel (nbclient), so a cell that raises fails the
suite: on the fast ``static-zh`` model in the default tier, and on the default model
(``e5-small``) with ``-m semantic``. The kernel inherits the environment, so
``ROLEMATCH_NOTEBOOK_FOLDER=../shared/devset/files`` runs it over the development set
instead of ``examples/``. Tests that draw skip when no CJK font is installed
(``apt-get install fonts-wqy-zenhei``).
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import nbformat
import numpy as np
import pytest

import rolematch
from rolematch.plotting import find_cjk_font, use_cjk_font
from tests._encoders import HashingEncoder

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "explore_matches.ipynb"
# matplotlib's warning when a font lacks a character and a box ("tofu") is drawn.
MISSING_GLYPH = re.compile(r"Glyph \d+ .*missing from font")
# Per cell; the first use of e5-small builds the model (~1 min).
CELL_TIMEOUT = 600


def _cjk_font_or_skip() -> str:
    try:
        return find_cjk_font()
    except rolematch.RolematchError as e:
        pytest.skip(f"no CJK font installed, figures would show boxes: {e}")


def _code(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if c.cell_type == "code"]


def test_committed_notebook_is_valid_and_stripped():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    dirty = [
        i for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and (c.outputs or c.execution_count is not None)
    ]  # fmt: skip
    assert not dirty, f"cells {dirty} carry outputs; strip them (see notebooks/README.md)"


def test_notebook_uses_the_public_api_only():
    source = "\n".join(c.source for c in _code(nbformat.read(NOTEBOOK, as_version=4)))
    imports = re.findall(r"^\s*(?:from|import)\s+(rolematch\S*)", source, re.MULTILINE)
    assert imports and all(not part.startswith("_") for m in imports for part in m.split("."))
    assert not re.findall(r"from rolematch\S* import [^\n]*\b_\w", source)
    # No private attribute of anything (matcher._score, explanation._repr_html_ …).
    assert not re.findall(r"\._\w+", source)


@pytest.mark.parametrize(
    "model", ["static-zh", pytest.param("e5-small", marks=pytest.mark.semantic)]
)
def test_notebook_runs_top_to_bottom(model, monkeypatch):
    from nbclient import NotebookClient

    _cjk_font_or_skip()
    monkeypatch.setenv("ROLEMATCH_NOTEBOOK_MODEL", model)
    # A non-interactive MPLBACKEND (Agg) in the environment would replace the kernel's
    # inline backend, and the figures would never reach the outputs.
    monkeypatch.delenv("MPLBACKEND", raising=False)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",  # jupyter_client falls back to ipykernel's own spec
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError, with the cell's traceback, if a cell fails

    outputs = [o for c in _code(nb) for o in c.outputs]
    stderr = "".join(o.text for o in outputs if o.output_type == "stream" and o.name == "stderr")
    assert not MISSING_GLYPH.search(stderr), stderr
    figures = sum("image/png" in o.get("data", {}) for o in outputs)
    html = sum("text/html" in o.get("data", {}) for o in outputs)
    assert figures == 4, f"expected the 4 figures listed at the end of the notebook, got {figures}"
    assert html >= 4  # evidence table, explanation, shortlist, rank changes


def test_find_cjk_font_says_what_to_install():
    # U+F0000 is private use: no real font has it; matplotlib's bundled "Last Resort"
    # font "covers" everything with boxes and must not count.
    with pytest.raises(rolematch.RolematchError, match=r"No installed font covers .*fonts-"):
        find_cjk_font("\U000f0000")


def test_figure_draws_chinese_labels_with_a_cjk_font(tmp_path):
    """The notebook's first figure (résumé × role heatmap) and its keyword chart, drawn
    the same way from public results; every CJK label must come from a font that has it."""
    import matplotlib as mpl
    from fontTools.ttLib import TTFont
    from matplotlib import font_manager
    from matplotlib.figure import Figure
    from matplotlib.text import Text

    _cjk_font_or_skip()
    roles = rolematch.load_roles()
    titles = {r.id: r.title for r in roles}
    matcher = rolematch.Matcher(encoder=HashingEncoder()).fit(roles)  # labels, not meaning
    with rolematch.score_paths(ROOT / "examples", matcher=matcher) as results:
        ok = [i for i in range(len(results)) if results.ok(i)]
        scores = results.score[ok]
        names = [Path(results.files[i]).name for i in ok]
        expl = results.matches(ok[0])[0].explanation
    keywords = [k.term for k in (*expl.matched_keywords[:12], *expl.missing_keywords[:8])]

    with mpl.rc_context():
        family = use_cjk_font()
        fig = Figure(figsize=(14, 5))
        ax, kw_ax = fig.subplots(1, 2, width_ratios=(3, 1))
        im = ax.imshow(scores, cmap="YlGn", vmin=0, vmax=1, aspect="auto")
        ax.set_xticks(range(len(roles)), [titles[i] for i in matcher.role_ids_], rotation=35)
        ax.set_yticks(range(len(names)), names)
        fig.colorbar(im, ax=ax, label="匹配分数 score")
        ax.set_title("简历 × 岗位 匹配分数")
        kw_ax.barh(range(len(keywords)), np.linspace(1, 0.2, len(keywords)))
        kw_ax.set_yticks(range(len(keywords)), keywords)
        kw_ax.set_title(f"{expl.role_title}：命中（绿）与缺失（灰）的关键词")

        png = tmp_path / "heatmap.png"
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fig.savefig(png, dpi=60)
        labels = [t for t in fig.findobj(Text) if any(ord(ch) > 0x2E7F for ch in t.get_text())]
        fonts = {t: font_manager.findfont(t.get_fontproperties()) for t in labels}

    glyphs = [str(w.message) for w in caught if MISSING_GLYPH.search(str(w.message))]
    assert not glyphs, glyphs[:3]
    assert png.stat().st_size > 10_000
    assert len(labels) >= len(roles) + len(keywords) + 2
    cmaps: dict[tuple[str, int], tuple[str, dict[int, str]]] = {}
    for text, found in fonts.items():
        # findfont gives a path (matplotlib < 3.11) or a FontPath(path, face_index)
        key = (str(getattr(found, "path", found)), getattr(found, "face_index", 0))
        if key not in cmaps:
            with TTFont(key[0], fontNumber=key[1], lazy=True) as font:
                cmaps[key] = (font["name"].getBestFamilyName(), font.getBestCmap())
        name, cmap = cmaps[key]
        lacking = {ch for ch in text.get_text() if not ch.isspace() and ord(ch) not in cmap}
        assert not lacking, f"{name} ({key[0]}) lacks {sorted(lacking)} of {text.get_text()!r}"
    assert {name for name, _ in cmaps.values()} == {family}
