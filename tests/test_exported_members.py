from __future__ import annotations

import subprocess
import sys

import rolematch


def test_all_matches_the_public_names():
    public = {n for n in dir(rolematch) if not n.startswith("_")} | {"__version__"}
    assert sorted(rolematch.__all__) == rolematch.__all__
    assert set(rolematch.__all__) == public
    for name in rolematch.__all__:
        assert getattr(rolematch, name) is not None


def test_import_is_cheap():
    code = (
        "import sys, rolematch; "
        "heavy = [m for m in ('torch', 'sentence_transformers', 'pdfplumber', 'pandas', "
        "'sklearn', 'transformers') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
