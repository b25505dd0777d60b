from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rolematch import RoleSpecError, load_roles, parse_posting
from rolematch.io.roles import dump_role, role_from_dict, write_roles
from tests.conftest import ROLE_IDS

GOOD = {
    "id": "demo",
    "title": "演示主管",
    "duties": ["负责手机银行运营"],
    "requirements": ["金融专业"],
}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_bundled_roles_have_the_nine_ids_in_posting_order():
    roles = load_roles()
    assert [r.id for r in roles] == ROLE_IDS
    assert roles[0].title == "手机银行团队主管"
    assert all(r.department == "平台生态金融部" for r in roles)
    assert all(r.duties and r.requirements and r.kpis and r.majors for r in roles)


def _posting_counts(text: str) -> list[tuple[int, int, int]]:
    """Independent count of numbered lines per role: (duties, requirements, kpi lines)."""
    counts = []
    for block in re.split(r"岗位\d+[：:]", text)[1:]:
        desc, _, req = block.partition("任职要求")
        numbered = re.findall(r"^\s*\d+\s*[.、]", desc, flags=re.M)
        kpi = len(re.findall(r"^\s*\d+\s*[.、]\s*主要任务指标", desc, flags=re.M))
        counts.append((len(numbered) - kpi, len(re.findall(r"^\s*\d+\s*[.、]", req, re.M)), kpi))
    return counts


def test_bundled_roles_transcribe_every_numbered_line_of_the_posting(shared_dir):
    text = (shared_dir / "posting" / "platform_ecosystem_finance_posts.txt").read_text("utf-8")
    roles = load_roles()
    counts = _posting_counts(text)
    assert len(counts) == 9
    for role, (n_duties, n_req, n_kpi_lines) in zip(roles, counts, strict=True):
        assert len(role.duties) == n_duties, role.id
        assert len(role.requirements) == n_req, role.id
        assert n_kpi_lines == 1 and len(role.kpis) >= 3, role.id
    flat = re.sub(r"\s", "", text)
    for role in roles:
        for item in (*role.duties, *role.requirements):
            assert re.sub(r"\s", "", item) in flat, item


def test_import_of_the_posting_reproduces_the_bundled_roles(shared_dir):
    text = (shared_dir / "posting" / "platform_ecosystem_finance_posts.txt").read_text("utf-8")
    imported = parse_posting(text, ids=ROLE_IDS)
    bundled = load_roles()
    assert [r.to_dict() for r in imported] == [r.to_dict() for r in bundled]


def test_role_files_round_trip(tmp_path):
    roles = load_roles()
    for fmt in ("yaml", "json"):
        out = tmp_path / fmt
        write_roles(roles, out, fmt=fmt)
        again = load_roles(out)
        assert [r.to_dict() for r in again] == [r.to_dict() for r in roles]


def test_majors_come_from_the_major_requirement_only():
    role = parse_posting(
        "岗位1：测试主管\n岗位描述：\n1.负责测试。\n任职要求：\n1.金融、法律等相关专业优先。\n"
        "2.专业知识过硬，执行力强。"
    )[0]
    assert role.majors == ("金融", "法律")


def test_users_add_a_role_by_dropping_a_file(tmp_path):
    write_roles(load_roles()[:2], tmp_path)
    _write(tmp_path, "zz-new.json", json.dumps(GOOD, ensure_ascii=False))
    assert [r.id for r in load_roles(tmp_path)][-1] == "demo"


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (
            {k: v for k, v in GOOD.items() if k != "title"},
            r"field 'title': required field is missing",
        ),
        ({**GOOD, "dutys": ["x"]}, r"field 'dutys': unknown field; did you mean 'duties'\?"),
        (
            {**GOOD, "duties": [], "requirements": []},
            r"field 'requirements': expected at least one duty or requirement",
        ),
        ({**GOOD, "preferred": ["加分"]}, r"field 'preferred': each preferred item must"),
        ({**GOOD, "duties": "负责运营"}, r"field 'duties': expected a list of non-empty strings"),
        ({**GOOD, "requirements": ["ok", ""]}, r"field 'requirements': expected a list"),
        ({**GOOD, "id": "Mobile Banking"}, r"field 'id': expected lowercase letters"),
        ({**GOOD, "title": 3}, r"field 'title': expected a non-empty string, got 3"),
    ],
)
def test_schema_errors_name_file_and_field(tmp_path, data, match):
    path = _write(tmp_path, "bad.json", json.dumps(data, ensure_ascii=False))
    with pytest.raises(RoleSpecError, match=match) as info:
        load_roles(path)
    assert "bad.json" in str(info.value)
    assert info.value.path == path


def test_invalid_yaml_names_the_file(tmp_path):
    path = _write(tmp_path, "broken.yaml", "id: x\nduties: [unclosed\n")
    with pytest.raises(RoleSpecError, match=r"broken\.yaml: not valid YAML"):
        load_roles(path)


def test_invalid_json_names_the_file(tmp_path):
    path = _write(tmp_path, "broken.json", '{"id": ')
    with pytest.raises(RoleSpecError, match=r"broken\.json: not valid JSON"):
        load_roles(path)


def test_a_file_that_is_not_a_mapping(tmp_path):
    path = _write(tmp_path, "list.yaml", "- a\n- b\n")
    with pytest.raises(
        RoleSpecError, match=r"list\.yaml: expected a mapping of role fields, got list"
    ):
        load_roles(path)


def test_duplicate_ids_name_both_files(tmp_path):
    _write(tmp_path, "a.json", json.dumps(GOOD))
    _write(tmp_path, "b.yaml", dump_role(role_from_dict(GOOD)))
    with pytest.raises(
        RoleSpecError,
        match=r"b\.yaml: field 'id': duplicate id 'demo', already defined in .*a\.json",
    ):
        load_roles(tmp_path)


def test_empty_folder_and_missing_path(tmp_path):
    with pytest.raises(RoleSpecError, match="no role files"):
        load_roles(tmp_path)
    with pytest.raises(RoleSpecError, match="no such file or folder"):
        load_roles(tmp_path / "nope")


def test_posting_parser_errors():
    with pytest.raises(RoleSpecError, match="no '岗位N：title' heading"):
        parse_posting("随便写点什么")
    with pytest.raises(RoleSpecError, match="2 ids given for 1 roles"):
        parse_posting("岗位1：甲\n岗位描述：\n1.负责甲。\n任职要求：\n1.乙。", ids=["a", "b"])
    with pytest.raises(RoleSpecError, match="text before any 岗位描述/任职要求 heading"):
        parse_posting("岗位1：甲\n负责甲。")


def test_requirements_only_role_is_valid_and_round_trips(tmp_path):
    role = role_from_dict({**GOOD, "duties": [], "preferred": ["金融专业"]})
    assert role.duties == () and role.preferred == ("金融专业",)
    (path,) = write_roles([role], tmp_path)
    assert load_roles(path) == [
        role_from_dict({**GOOD, "duties": [], "preferred": ["金融专业"]}, source=path)
    ]


def test_bundled_roles_have_no_preferred_field_written():
    assert "preferred" not in load_roles()[0].to_dict()
