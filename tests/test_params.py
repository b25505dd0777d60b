from __future__ import annotations

import subprocess
import sys

import pytest
from sklearn.base import clone

from rolematch._params import Params


class Inner(Params):
    def __init__(self, *, size=3):
        self.size = size


class Outer(Params):
    def __init__(self, *, model="e5-small", inner=None):
        self.model = model
        self.inner = inner


def test_params_are_the_constructor_arguments_with_nested_ones_when_deep():
    o = Outer(model="static-zh", inner=Inner(size=5))
    assert o.get_params(deep=False) == {"inner": o.inner, "model": "static-zh"}
    assert o.get_params()["inner__size"] == 5


def test_set_params_sets_own_and_nested_and_names_an_unknown_one():
    o = Outer(inner=Inner())
    assert o.set_params(model="static-zh", inner__size=7) is o
    assert (o.model, o.inner.size) == ("static-zh", 7)
    with pytest.raises(ValueError, match="Invalid parameter 'modle' for Outer: expected one of"):
        o.set_params(modle="x")


def test_repr_shows_only_changed_parameters():
    assert repr(Outer()) == "Outer()"
    assert repr(Outer(model="static-zh")) == "Outer(model='static-zh')"


def test_sklearn_clone_makes_an_unfitted_copy_with_equal_parameters():
    o = Outer(model="static-zh", inner=Inner(size=2))
    o.fitted_ = True
    c = clone(o)
    assert c is not o and c.inner is not o.inner
    assert c.get_params(deep=False)["model"] == "static-zh" and c.inner.size == 2
    assert not hasattr(c, "fitted_")


def test_importing_the_matcher_does_not_import_scikit_learn():
    # ~1.2 s at every CLI start and in every batch worker
    code = "import sys, rolematch.matcher, rolematch.cli; print('sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
