"""``rolematch roles validate``: every bad role file of a folder is named in one pass."""

from __future__ import annotations

from rolematch.cli import main
from tests.io._files import write_utf8


def test_validate_names_every_bad_file_of_a_folder(tmp_path, capsys):
    write_utf8(tmp_path, "a.yaml", "id: a\ntitle: 主管\nduties: [负责运营]\n")
    write_utf8(tmp_path, "b.yaml", "id: b\ntitle: 主管\nduties: [负责运营\n")
    write_utf8(tmp_path, "c.yaml", "id: c\ntitle: 主管\nduties: [负责运营]\nfoo: 1\n")
    assert main(["roles", "validate", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "b.yaml: field 'duties': line 4" in err and "c.yaml: field 'foo': line 4" in err
    assert "2 of 3 files have errors" in err


def test_validate_checks_ids_across_the_files(tmp_path, capsys):
    write_utf8(tmp_path, "a.yaml", "id: a\ntitle: 主管\nduties: [负责运营]\n")
    write_utf8(tmp_path, "b.yaml", "id: a\ntitle: 经理\nduties: [负责运营]\n")
    assert main(["roles", "validate", str(tmp_path)]) == 1
    assert "duplicate id 'a'" in capsys.readouterr().err
    (tmp_path / "b.yaml").unlink()
    assert main(["roles", "validate", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == "1 roles OK: a"
