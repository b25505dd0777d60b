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
    assert capsys.readouterr().out.strip() == "1 role OK: a"


def test_validate_names_a_duplicate_id_beside_the_files_that_do_not_load(tmp_path, capsys):
    # the clash was only told once every other file loaded: a second round of mending
    write_utf8(tmp_path, "a.yaml", "id: a\ntitle: 主管\nduties: [负责运营]\n")
    write_utf8(tmp_path, "b.yaml", "id: b\ntitle: 主管\nduties: [负责运营\n")
    write_utf8(tmp_path, "c.yaml", "title: 经理\nid: a\nduties: [负责运营]\n")
    assert main(["roles", "validate", str(tmp_path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3
    assert "b.yaml: field 'duties': line 4" in err[0]
    assert err[1].endswith(
        f"c.yaml: field 'id': line 2: duplicate id 'a', already defined in {tmp_path / 'a.yaml'}"
    )
    assert err[2] == "rolematch: 2 of 3 files have errors"


SERVICE_POSTING = "客服专员\n岗位职责：\n1. 负责客户来电咨询\n任职要求：\n1. 大专以上学历\n"
ANALYST_POSTING = "数据分析师\n岗位职责：\n1. 负责经营数据分析\n任职要求：\n1. 统计学相关专业\n"


def test_import_refuses_an_id_another_file_of_the_folder_holds(tmp_path, capsys):
    service = write_utf8(tmp_path, "service.txt", SERVICE_POSTING)
    analyst = write_utf8(tmp_path, "analyst.txt", ANALYST_POSTING)
    out = tmp_path / "roles"
    assert main(["roles", "import", str(service), "--out", str(out), "--ids", "x"]) == 0
    capsys.readouterr()
    # another posting under that id, in another file of the folder, would break the folder
    argv = ["roles", "import", str(analyst), "--out", str(out), "--ids", "x", "--format", "json"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"{out / '01-x.json'}: field 'id': id 'x' (of the role from {analyst})" in err
    assert f"is already the id of {out / '01-x.yaml'}; nothing written" in err
    assert sorted(f.name for f in out.iterdir()) == ["01-x.yaml"]
    # importing a posting again, to the same file, updates it
    assert main(["roles", "import", str(analyst), "--out", str(out), "--ids", "x"]) == 0
    assert main(["roles", "validate", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 role OK: x"
    # a hand-written role file holds its id as well
    write_utf8(out, "own.yaml", "id: y\ntitle: 主管\nduties: [负责运营]\n")
    assert main(["roles", "import", str(service), "--out", str(out), "--ids", "y"]) == 1
    assert f"is already the id of {out / 'own.yaml'}" in capsys.readouterr().err


def test_a_posting_given_twice_to_roles_is_one_role(tmp_path, capsys):
    posting = write_utf8(tmp_path, "service.txt", SERVICE_POSTING)
    again = f"{tmp_path}/./service.txt"
    assert main(["roles", "list", "--roles", str(posting), "--roles", again]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("customer-service-specialist ")
