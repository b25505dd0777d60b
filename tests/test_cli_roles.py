"""``rolematch roles validate``: every bad role file of a folder is named in one pass."""

from __future__ import annotations

from pathlib import Path

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


def test_import_refuses_an_id_a_hand_written_file_of_the_folder_holds(tmp_path, capsys):
    service = write_utf8(tmp_path, "service.txt", SERVICE_POSTING)
    analyst = write_utf8(tmp_path, "analyst.txt", ANALYST_POSTING)
    out = tmp_path / "roles"
    assert main(["roles", "import", str(service), "--out", str(out), "--ids", "x"]) == 0
    capsys.readouterr()
    # another posting under that id replaces the file: same id, same role (and says so)
    argv = ["roles", "import", str(analyst), "--out", str(out), "--ids", "x", "--format", "json"]
    assert main(argv) == 0
    out_, err = capsys.readouterr()
    assert out_.splitlines() == [str(out / "01-x.yaml")]
    assert err.splitlines() == [
        f"rolematch: replaced {out / '01-x.yaml'} (it held '客服专员', now '数据分析师'; "
        "kept as YAML, the format of that file)"
    ]
    assert main(["roles", "validate", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 role OK: x"
    # a hand-written role file holds its id: it is not replaced, and nothing is written
    write_utf8(out, "own.yaml", "id: y\ntitle: 主管\nduties: [负责运营]\n")
    assert main(["roles", "import", str(service), "--out", str(out), "--ids", "y"]) == 1
    err = capsys.readouterr().err
    assert f"error: {service}: field 'id': id 'y' (of '客服专员') is already the id of " in err
    assert f"{out / 'own.yaml'}, a role file roles import did not write" in err
    assert "01-y" not in err and "02-y" not in err  # no file that does not exist
    assert sorted(f.name for f in out.iterdir()) == ["01-x.yaml", "own.yaml"]


RECEPTION_POSTING = "前台接待\n岗位职责：\n1. 负责访客接待登记\n任职要求：\n1. 形象气质佳\n"


def test_importing_a_posting_again_replaces_its_file_whatever_came_with_it(tmp_path, capsys):
    # the blind test: 7 postings imported in one command, then one again on its own
    service = write_utf8(tmp_path, "service.txt", SERVICE_POSTING)
    analyst = write_utf8(tmp_path, "analyst.txt", ANALYST_POSTING)
    out = tmp_path / "roles"
    assert main(["roles", "import", str(service), str(analyst), "--out", str(out)]) == 0
    first = capsys.readouterr().out.splitlines()
    assert [Path(p).name[:3] for p in first] == ["01-", "02-"]
    assert main(["roles", "import", str(analyst), "--out", str(out)]) == 0
    printed, err = capsys.readouterr()
    assert printed.splitlines() == [first[1]]  # its own file, under its prefix
    assert err == f"rolematch: replaced {first[1]}\n"
    # the posting edited and imported again (same title, so same id) replaces it too
    write_utf8(tmp_path, "analyst.txt", ANALYST_POSTING.replace("经营", "销售"))
    assert main(["roles", "import", str(analyst), "--out", str(out)]) == 0
    assert capsys.readouterr().err == f"rolematch: replaced {first[1]}\n"
    assert "负责销售数据分析" in Path(first[1]).read_text("utf-8")
    # a new posting, imported beside one again, gets the next free prefix, not 01- again
    reception = write_utf8(tmp_path, "reception.txt", RECEPTION_POSTING)
    assert main(["roles", "import", str(reception), str(service), "--out", str(out)]) == 0
    printed, err = capsys.readouterr()
    assert printed.splitlines()[1] == first[0]
    assert Path(printed.splitlines()[0]).name.startswith("03-")
    assert err == f"rolematch: replaced {first[0]}\n"
    assert len(list(out.iterdir())) == 3
    assert main(["roles", "validate", str(out)]) == 0


HEAD_OFFICE = "对公客户经理\n岗位职责：\n1. 负责对公客户营销与维护\n任职要求：\n1. 本科及以上学历\n"
BRANCH = (
    "一、对公客户经理\n岗位职责：\n1. 负责营业部对公客户拓展\n任职要求：\n1. 2年以上对公经验\n"
    "二、对公客户经理\n岗位职责：\n1. 负责东乡支行对公客户维护\n任职要求：\n1. 熟悉授信流程\n"
)


def test_a_posting_with_the_title_of_another_never_replaces_its_role_file(tmp_path, capsys):
    # the blind test (P1): a branch notice's 对公客户经理 replaced the head office's, exit 0
    head = write_utf8(tmp_path, "head.txt", HEAD_OFFICE)
    branch = write_utf8(tmp_path, "branch.txt", BRANCH)
    out = tmp_path / "roles"
    assert main(["roles", "import", str(head), "--out", str(out)]) == 0
    (kept,) = capsys.readouterr().out.splitlines()
    held = Path(kept).read_text("utf-8")
    assert main(["roles", "import", str(branch), "--out", str(out)]) == 0
    printed, err = capsys.readouterr()
    # the two of one file have their own ids, and neither is written over the first
    assert [Path(p).name for p in printed.splitlines()] == [
        "02-account-manager-b3c40c-3.yaml",
        "03-account-manager-b3c40c-2.yaml",
    ]
    assert Path(kept).read_text("utf-8") == held
    assert err == (
        f"rolematch: kept {kept}: it holds another posting under that id; '对公客户经理' "
        f"(from {branch}) is 'account-manager-b3c40c-3' (--ids chooses ids)\n"
    )
    # importing either notice again replaces its own files, and no more are made
    assert main(["roles", "import", str(branch), str(head), "--out", str(out)]) == 0
    printed, err = capsys.readouterr()
    assert printed.splitlines() == [str(out / "02-account-manager-b3c40c-3.yaml"),
                                    str(out / "03-account-manager-b3c40c-2.yaml"), kept]  # fmt: skip
    assert err.count("replaced") == 3 and "kept" not in err
    assert main(["roles", "list", str(out)]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()] == [
        "account-manager-b3c40c",
        "account-manager-b3c40c-3",
        "account-manager-b3c40c-2",
    ]


def test_roles_list_takes_a_folder_as_validate_does(tmp_path, capsys):
    write_utf8(tmp_path, "a.yaml", "id: a\ntitle: 主管\nduties: [负责运营]\n")
    write_utf8(tmp_path, "service.txt", SERVICE_POSTING)
    assert main(["roles", "list", str(tmp_path)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listed] == ["a", "customer-service-specialist"]
    assert main(["roles", "list", "--roles", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines() == listed
    assert main(["roles", "list", str(tmp_path / "a.yaml"), "--roles", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines() == listed  # a file named twice is read once


ATS_EXPORT = (
    "职位编号,职位名称,职位描述\n"
    "HR2025-001,客服专员,岗位职责：1. 负责客户来电咨询 任职要求：1. 大专以上学历\n"
    "HR2025-002,数据分析师,岗位职责：1. 负责经营数据分析 任职要求：1. 统计学相关专业\n"
)


def test_a_role_is_named_by_its_ats_id_whatever_its_case(tmp_path, capsys):
    # --id-field keeps the ATS's id lower-cased (role ids are); HR2025-001 still names it
    export = write_utf8(tmp_path, "jobs.csv", ATS_EXPORT)
    out = tmp_path / "roles"
    argv = ["roles", "import", str(export), "--id-field", "职位编号", "--out", str(out)]
    assert main(argv) == 0
    assert [Path(p).name for p in capsys.readouterr().out.split()] == [
        "01-hr2025-001.yaml",
        "02-hr2025-002.yaml",
    ]
    cv = write_utf8(tmp_path, "cv.txt", "三年客服经验，负责客户来电咨询与投诉处理。大专学历。")
    for role in ("HR2025-001", "Hr2025-001", "ＨＲ2025-001"):
        argv = ["explain", str(cv), "--role", role, "--roles", str(out), "--model", "static-zh"]
        assert main(argv) == 0, capsys.readouterr().err
        assert "hr2025-001 (客服专员)" in capsys.readouterr().out
    argv = ["suggest", "--role", "HR2025-002", str(cv), "--roles", str(out), "--model", "static-zh"]
    assert main(argv) == 0, capsys.readouterr().err


def test_a_posting_given_twice_to_roles_is_one_role(tmp_path, capsys):
    posting = write_utf8(tmp_path, "service.txt", SERVICE_POSTING)
    again = f"{tmp_path}/./service.txt"
    assert main(["roles", "list", "--roles", str(posting), "--roles", again]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("customer-service-specialist ")
