"""Which scoring profile a Matcher scores with, and the warnings when it does not fit.

The profile follows the model that makes the cosines: ``model``, or the model a custom
encoder says it runs (``load_model("static-zh")``, ``SentenceTransformerEncoder``); an
encoder that does not say gets the generic ``default`` profile. A profile fitted for
another model, or calibrating roles that are not loaded, is named in a
:class:`~rolematch.profile.ProfileWarning` — the same one the command line prints.
Runs the real static-zh model (0.1 s to load).
"""

from __future__ import annotations

import json
import re
import warnings

import numpy as np
import pytest

import rolematch
from rolematch import Matcher, load_profile, load_roles
from rolematch.cli import main
from rolematch.exceptions import ModelError
from rolematch.profile import ProfileWarning
from tests._encoders import HashingEncoder

ROLES = load_roles()
CV = "负责支付清算系统对账与差错处理，熟悉银联规则和跨行清算业务。"


@pytest.fixture(scope="module")
def own() -> Matcher:
    return Matcher(model="static-zh").fit(ROLES)


def test_a_profile_for_another_model_is_named_in_a_warning(tmp_path):
    with pytest.warns(ProfileWarning) as record:
        Matcher(model="static-zh", profile="e5-small").fit(ROLES)
    assert [str(w.message) for w in record] == [
        "profile e5-small was fitted for model e5-small; scoring with static-zh"
    ]
    learned = load_profile("static-zh").replace(name="小组画像")
    folder = str(tmp_path / "my-model")  # said before the model loads (here: fails to)
    said = f"profile '小组画像' was fitted for model static-zh; scoring with {folder}"
    with pytest.warns(ProfileWarning, match=re.escape(said)), pytest.raises(ModelError):
        Matcher(model=folder, profile=learned).fit(ROLES)


def test_a_profile_that_fits_its_model_warns_of_nothing(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Matcher(model="static-zh", profile="static-zh").fit(ROLES[:1])
        Matcher(model="static-zh", profile="default").fit(ROLES[:1])  # for any model
        Matcher(encoder=HashingEncoder(), profile="e5-small").fit(ROLES[:1])  # says no model


def test_coefficients_for_a_role_no_loaded_role_has_are_named_in_a_warning():
    doc = load_profile("static-zh").to_dict()
    calibration = dict(doc["calibration"])
    doc["roles"] = {"payment-setlement": calibration, "payment-settlement": calibration}
    with pytest.warns(ProfileWarning, match=r"the field 'roles' has coefficients for "
                      r"payment-setlement, which no loaded role has \(loaded: "
                      r"consumer-protection, .*\); they are not used") as record:  # fmt: skip
        Matcher(model="static-zh", profile=doc).fit(ROLES)
    assert len(record) == 1
    assert str(record[0].message).startswith("profile 'static-zh default': ")


def test_a_custom_encoder_of_a_known_model_gets_that_models_profile(own):
    from rolematch.features.embeddings import SentenceTransformerEncoder

    for encoder in (
        rolematch.load_model("static-zh"),
        SentenceTransformerEncoder("static-zh", cache=False),
    ):
        m = Matcher(encoder=encoder).fit(ROLES)
        assert m.profile_ == own.profile_ == load_profile("static-zh")
        np.testing.assert_allclose(m.score_matrix([CV]), own.score_matrix([CV]), atol=1e-6)
    with pytest.warns(ProfileWarning, match="fitted for model e5-small; scoring with static-zh"):
        Matcher(encoder=rolematch.load_model("static-zh"), profile="e5-small").fit(ROLES[:1])


def test_a_custom_encoder_that_says_no_model_gets_the_default_profile():
    m = Matcher(model="static-zh", encoder=HashingEncoder()).fit(ROLES[:1])
    assert m.profile_ == load_profile("default")


@pytest.mark.parametrize("command", ["score", "explain"])
def test_the_cli_prints_the_apis_warnings_once(command, tmp_path, capsys):
    doc = load_profile("e5-small").to_dict()
    doc["roles"] = {"payment-setlement": dict(doc["calibration"])}  # a typo'd role id
    path = tmp_path / "e5team.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    cv = tmp_path / "a.txt"
    cv.write_text(CV, encoding="utf-8")
    args = {"score": ["score", str(cv), "-q"], "explain": ["explain", str(cv), "--role",
            "payment-settlement"]}[command]  # fmt: skip
    assert main([*args, "--model", "static-zh", "--profile", str(path)]) == 0
    lines = [ln for ln in capsys.readouterr().err.splitlines() if "warning" in ln]
    assert lines == [
        f"rolematch: warning: profile {path} was fitted for model e5-small; scoring with static-zh",
        f"rolematch: warning: profile {path}: the field 'roles' has coefficients for "
        "payment-setlement, which no loaded role has (loaded: "
        + ", ".join(sorted(r.id for r in ROLES))
        + "); they are not used",
    ]
