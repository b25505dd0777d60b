"""Loading scoring profiles (rolematch.profile) and ``--profile`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rolematch.cli import main
from rolematch.profile import load_profile, profile_names

MODEL = "static-zh"
CV = "负责支付清算系统对账与差错处理，熟悉银联规则和跨行清算业务。"


def _write(path: Path, doc: dict, bom: bool = False) -> Path:
    text = json.dumps(doc, ensure_ascii=False)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


@pytest.fixture
def team(tmp_path: Path) -> Path:
    return _write(tmp_path / "team.json", load_profile(MODEL).to_dict())


@pytest.mark.parametrize("value", ["foo", "", "FOLDER", "/dev/null", "TEAM_NO_SUFFIX"])
def test_a_value_that_names_no_profile_is_an_error_listing_the_names(value, team, tmp_path):
    # each of these silently scored with the 'default' profile (QA s29 #5)
    value = {"FOLDER": str(tmp_path), "TEAM_NO_SUFFIX": str(team.with_suffix(""))}.get(value, value)
    with pytest.raises(ValueError, match="bundled profile's name") as e:
        load_profile(value)
    assert repr(value) in str(e.value)
    assert all(name in str(e.value) for name in profile_names())
    if value == str(team.with_suffix("")):
        assert f"did you mean {team}" in str(e.value)


def test_bundled_names_engines_and_files_load():
    assert profile_names() == ["default", "e5-small", "static-zh"]
    assert load_profile("e5-small-bf16").model == "e5-small"
    assert load_profile("default").model == "default"


@pytest.mark.parametrize("command", ["score", "suggest", "learn", "explain"])
def test_every_command_refuses_a_profile_typo(command, tmp_path, capsys):
    cv = tmp_path / "a.txt"
    cv.write_text(CV, encoding="utf-8")
    args = {
        "score": ["score", str(cv)],
        "suggest": ["suggest", "--role", "payment-settlement", str(cv)],
        "learn": ["learn", str(tmp_path / "d.csv"), "-o", str(tmp_path / "p.json")],
        "explain": ["explain", str(cv), "--role", "payment-settlement"],
    }[command]
    assert main([*args, "--model", MODEL, "--profile", "foo"]) == 2
    err = capsys.readouterr().err
    assert "--profile" in err and "'foo'" in err and "static-zh" in err


def test_a_profile_saved_with_a_bom_loads(tmp_path):
    # Notepad saves UTF-8 with a byte-order mark (QA s29 #16)
    path = _write(tmp_path / "bom.json", load_profile(MODEL).to_dict(), bom=True)
    assert load_profile(path).to_dict() == load_profile(MODEL).to_dict()


def test_unknown_fields_are_errors_naming_them(tmp_path):
    doc = {**load_profile(MODEL).to_dict(), "term_bonuss": {"支付": 1.0}}
    path = _write(tmp_path / "typo.json", doc)
    with pytest.raises(ValueError, match=r"typo.json: .*Got unknown \['term_bonuss'\]"):
        load_profile(path)


def test_number_errors_name_the_file_and_nested_adjustments_say_the_structure(tmp_path):
    doc = load_profile(MODEL).to_dict()
    doc["semantic"]["baseline_quantile"] = 5
    path = _write(tmp_path / "q5.json", doc)
    with pytest.raises(ValueError, match=r"q5.json: .*'semantic.baseline_quantile'.*Got 5"):
        load_profile(path)
    doc = {**load_profile(MODEL).to_dict(), "keyword_adjustments": {"mobile-banking": {"a": 1}}}
    with pytest.raises(ValueError, match=r"\{term: factor\}, not per role.*'mobile-banking'"):
        load_profile(_write(tmp_path / "adj.json", doc))
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes(json.dumps({"name": "团队"}, ensure_ascii=False).encode("gbk"))
    with pytest.raises(ValueError, match=r"gbk.json: a profile must be UTF-8 JSON"):
        load_profile(gbk)


def test_cli_warns_of_unknown_role_ids_and_of_another_model(tmp_path, capsys):
    doc = load_profile("e5-small").to_dict()
    doc["roles"] = {"payment-setlement": dict(doc["calibration"])}  # a typo'd role id
    path = _write(tmp_path / "e5team.json", doc)
    cv = tmp_path / "a.txt"
    cv.write_text(CV, encoding="utf-8")
    args = ["score", str(cv), "--model", MODEL, "--profile", str(path), "-q"]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert (
        f"rolematch: warning: profile {path} was fitted for model e5-small; scoring with "
        "static-zh" in err
    )
    assert "payment-setlement" in err and "'roles'" in err
    doc = load_profile(MODEL).to_dict()  # the model it was fitted for: no warning
    assert (
        main(["score", str(cv), "--model", MODEL, "--profile", str(_write(path, doc)), "-q"]) == 0
    )
    assert "warning" not in capsys.readouterr().err
