"""The CLI contract: rolematch score / extract / explain / roles."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from rolematch.cli import main
from rolematch.report import COLUMNS
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"
MODEL = "static-zh"  # the fast tier; test_cli_semantic.py runs the default model


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "cvs"
    d.mkdir()
    shutil.copy(EXAMPLES / "pdf" / "02_contact_centre_manager.pdf", d / "good.pdf")
    shutil.copy(EXAMPLES / "04_consumer_protection.txt", d / "good.txt")
    (d / "bad.pdf").write_bytes(b"%PDF-1.7\n this is not really a pdf")
    (d / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0legacy")  # not collected from folders
    return d


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_score_writes_long_csv_with_one_row_for_a_bad_file(folder, tmp_path, capsys):
    out = tmp_path / "out.csv"
    assert main(["score", str(folder), "-o", str(out), "--model", MODEL, "--quiet"]) == 0
    rows = _read_csv(out)
    assert list(rows[0]) == list(COLUMNS)
    by_file: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_file.setdefault(Path(r["file"]).name, []).append(r)
    assert set(by_file) == {"good.pdf", "good.txt", "bad.pdf"}
    bad = by_file["bad.pdf"]
    assert len(bad) == 1 and bad[0]["status"] != "ok" and bad[0]["reason"]
    assert bad[0]["score"] == "" and bad[0]["role_id"] == ""
    for name in ("good.pdf", "good.txt"):
        good = by_file[name]
        assert len(good) == 9 and {r["status"] for r in good} == {"ok"}
        assert [int(r["role_rank"]) for r in good] == list(range(1, 10))
        assert all(0 <= float(r["score"]) <= 1 for r in good)
        assert all(r["resume_rank"] in {"1", "2"} and r["reason"] for r in good)
    assert by_file["good.pdf"][0]["role_id"] == "customer-service"
    assert by_file["good.txt"][0]["role_id"] == "consumer-protection"
    assert capsys.readouterr().out == ""


def test_score_without_output_prints_a_table_and_keeps_stdout_clean(folder, capsys):
    assert main(["score", str(folder), "--model", MODEL, "--top-k", "2"]) == 0
    captured = capsys.readouterr()
    assert "customer-service" in captured.out and "bad.pdf" in captured.out
    assert "rolematch:" not in captured.out and "file/s" not in captured.out
    assert "3 files" in captured.err


def test_top_k_keeps_each_files_best_roles(folder, tmp_path):
    out = tmp_path / "top.csv"
    main(["score", str(folder), "-o", str(out), "--model", MODEL, "--top-k", "2", "-q"])
    rows = _read_csv(out)
    assert len(rows) == 2 + 2 + 1


def test_usage_errors_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        main(["score"])
    assert e.value.code == 2
    with pytest.raises(SystemExit) as e:
        main(["score", str(tmp_path), "--top-k", "0"])
    assert e.value.code == 2
    assert main(["score", str(tmp_path / "missing"), "--model", MODEL]) == 2
    assert "No such file or folder" in capsys.readouterr().err


def test_bad_role_file_is_one_line_error_exit_1(tmp_path, capsys):
    roles = tmp_path / "roles"
    roles.mkdir()
    (roles / "x.yaml").write_text("id: x\ntitle: t\nduties: []\nrequirements: [a]\n", "utf-8")
    assert main(["score", str(EXAMPLES), "--roles", str(roles), "--model", MODEL]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"rolematch: error: {roles / 'x.yaml'}: field 'duties': expected at least one item, got an empty list"]


def test_unknown_output_suffix(tmp_path, capsys):
    assert main(["score", str(EXAMPLES), "-o", str(tmp_path / "x.pdf"), "--model", MODEL]) == 1
    assert "must end in one of" in capsys.readouterr().err


def test_extract_writes_one_record_per_file(folder, tmp_path):
    out = tmp_path / "x.jsonl"
    assert main(["extract", str(folder), "-o", str(out)]) == 0
    recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert {Path(r["file"]).name for r in recs} == {"good.pdf", "good.txt", "bad.pdf"}
    for r in recs:
        assert {"file", "status", "reason", "pages", "text", "warnings"} <= set(r)
    good = next(r for r in recs if r["file"].endswith("good.pdf"))
    assert good["status"] == "ok" and "坐席" in good["text"] and good["pages"] == 1


def test_roles_list_validate_import(tmp_path, capsys, shared_dir):
    assert main(["roles", "list"]) == 0
    assert "mobile-banking" in capsys.readouterr().out
    posting = shared_dir / "posting" / "platform_ecosystem_finance_posts.txt"
    out = tmp_path / "imported"
    assert main(["roles", "import", str(posting), "--out", str(out)]) == 0
    assert len(list(out.glob("*.yaml"))) == 9
    assert main(["roles", "validate", str(out)]) == 0
    assert "9 roles OK" in capsys.readouterr().out


def test_explain_prints_components_and_evidence(capsys):
    cv = EXAMPLES / "04_consumer_protection.txt"
    assert main(["explain", str(cv), "--role", "consumer-protection", "--model", MODEL]) == 0
    out = capsys.readouterr().out
    for part in ("consumer-protection", "keyword", "semantic", "matched keywords", "⇐"):
        assert part in out
