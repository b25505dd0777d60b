from __future__ import annotations

import json
import re

import pytest

from rolematch import RoleSpecError, load_roles, parse_posting
from rolematch.io.roles import RoleFileWarning, dump_role, role_from_dict, write_roles
from tests.conftest import ROLE_IDS
from tests.io._files import write_utf8 as _write

GOOD = {
    "id": "demo",
    "title": "演示主管",
    "duties": ["负责手机银行运营"],
    "requirements": ["金融专业"],
}


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
        (
            {**GOOD, "dutys": ["x"]},
            r"field 'dutys': line 1: unknown field; did you mean 'duties'\?",
        ),
        (
            {**GOOD, "duties": [], "requirements": []},
            r"field 'requirements': expected at least one duty or requirement",
        ),
        ({**GOOD, "preferred": ["加分"]}, r"field 'preferred': line 1: each preferred item must"),
        (
            {**GOOD, "duties": "负责运营"},
            r"field 'duties': line 1: expected a list of non-empty strings",
        ),
        (
            {**GOOD, "requirements": ["ok", ""]},
            r"field 'requirements': line 1: item 2 of 2: expected a non-empty string, got ''",
        ),
        ({**GOOD, "id": "Mobile Banking"}, r"field 'id': line 1: expected lowercase letters"),
        ({**GOOD, "title": 3}, r"field 'title': line 1: expected a non-empty string, got 3"),
        (
            {k: v for k, v in GOOD.items() if k not in ("duties", "requirements")},
            r"field 'requirements': required field is missing: a role needs duties, "
            r"requirements or both",
        ),
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
    with pytest.raises(
        RoleSpecError,
        match=r"broken\.yaml: field 'duties': line 3, column 1: not valid YAML: did not find "
        r"expected ',' or '\]' \(while parsing a flow sequence on line 2\)$",
    ):
        load_roles(path)


def test_invalid_json_names_the_file(tmp_path):
    path = _write(tmp_path, "broken.json", '{"id": ')
    with pytest.raises(
        RoleSpecError,
        match=r"broken\.json: field 'id': line 1, column 8: not valid JSON: Expecting",
    ):
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
        match=r"b\.yaml: field 'id': line 1: duplicate id 'demo', already defined in .*a\.json",
    ):
        load_roles(tmp_path)


def test_empty_folder_and_missing_path(tmp_path):
    (tmp_path / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / ".hidden.yaml").write_text("not: a role\n", "utf-8")
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


# ------------------------------------------------- encodings, mixed folders, lines
GBK_ROLE = "id: gbk\ntitle: 编码\nduties:\n- 负责消保审查\n"


@pytest.mark.parametrize(
    ("content", "looks"),
    [
        (GBK_ROLE.encode("gbk"), r"looks like GBK/GB18030"),
        (GBK_ROLE.encode("utf-16"), r"looks like UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\xff\xd8", r"binary content"),
    ],
)
def test_a_role_file_that_is_not_utf8_is_named(tmp_path, content, looks):
    path = tmp_path / "gbk.yaml"
    path.write_bytes(content)
    with pytest.raises(RoleSpecError, match=rf"gbk\.yaml: not UTF-8 text \(byte 0x.*{looks}.*"
                       r"save it as UTF-8") as info:  # fmt: skip
        load_roles(path)
    assert info.value.path == path
    with pytest.raises(RoleSpecError, match=r"gbk\.yaml: not UTF-8 text"):
        load_roles(tmp_path)  # in a folder too


def test_gbk_text_behind_a_utf8_mark_is_named_with_its_byte_and_look(tmp_path):
    # was "byte 0x20 at offset 17 ... binary content": a space, read at the mark's offset
    path = tmp_path / "bom_gbk.yaml"
    data = b"\xef\xbb\xbf" + GBK_ROLE.encode("gbk")
    path.write_bytes(data)
    start = data.index("编码".encode("gbk"))
    with pytest.raises(RoleSpecError) as info:
        load_roles(path)
    assert f"byte 0x{data[start]:02x} at offset {start}" in str(info.value)
    assert "looks like GBK/GB18030" in str(info.value)


def test_a_utf8_role_file_with_a_bom_reads(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GBK_ROLE.encode("utf-8"))
    assert load_roles(path)[0].duties == ("负责消保审查",)


POSTING_TXT = "客服专员\n岗位职责：\n1. 负责客户来电咨询\n任职要求：\n1. 大专以上学历\n"


def test_a_folder_of_role_files_and_postings_loads_both(tmp_path):
    write_roles(load_roles()[7:8], tmp_path)  # consumer-protection
    _write(tmp_path, "posting.txt", POSTING_TXT)
    _write(tmp_path, ".hidden.txt", "岗位职责：\n1. 不读\n")
    _write(tmp_path, "~$posting.txt", "lock file")
    roles = load_roles(tmp_path)
    assert [r.id for r in roles] == ["consumer-protection", "customer-service-specialist"]
    assert roles[1].duties == ("负责客户来电咨询",) and roles[1].requirements == ("大专以上学历",)


def test_files_beside_role_files_that_are_neither_are_named_as_skipped(tmp_path):
    write_roles(load_roles()[7:8], tmp_path)
    _write(tmp_path, "notes.json", json.dumps({"note": "周五前给HR回复"}, ensure_ascii=False))
    _write(tmp_path, "README", "这些是我们部门的岗位")
    _write(tmp_path, "decisions.csv", "file,role_id,decision\ncv.txt,consumer-protection,入围\n")
    with pytest.warns(RoleFileWarning) as record:
        roles = load_roles(tmp_path)
    assert [r.id for r in roles] == ["consumer-protection"]
    messages = sorted(str(w.message) for w in record)
    assert len(messages) == 3
    for message, name in zip(messages, ("README", "decisions.csv", "notes.json"), strict=True):
        assert message.startswith(f"{tmp_path / name}: skipped: ")
    assert "nor a readable posting: " in messages[2] and "nor a posting; " in messages[0]


def test_every_error_of_a_role_file_is_named_at_once(tmp_path):
    # three mistakes, one run: each with its field and line (only the first was named)
    path = _write(tmp_path, "bad.yaml", "id: 123\ntitle: [a, b]\nduties: 负责运营\nkpi: []\n")
    with pytest.raises(RoleSpecError) as e:
        load_roles(path)
    message = str(e.value)
    assert message.startswith(f"{path}: 4 errors: ")
    for said in ("field 'id': line 1:", "field 'title': line 2:", "field 'duties': line 3:",
                 "field 'kpi': line 4: unknown field; did you mean 'kpis'?"):  # fmt: skip
        assert said in message


def test_list_item_errors_name_the_line_and_the_item(tmp_path):
    path = _write(tmp_path, "bad.yaml", "id: d\ntitle: 主管\nduties: [ok, {a: 1}, ok]\n")
    with pytest.raises(
        RoleSpecError,
        match=r"bad\.yaml: field 'duties': line 3: item 2 of 3: expected a non-empty string, "
        r"got \{'a': 1\}$",
    ):
        load_roles(path)
    path = _write(tmp_path, "bad.yaml", "id: d\ntitle: 主管\nduties:\n- ok\n- ok\n-\n")
    with pytest.raises(RoleSpecError, match=r"'duties': line 6: item 3 of 3: .*got None$"):
        load_roles(path)
    path = _write(tmp_path, "bad.json", '{"id": "d", "title": "主管",\n "duties": ["ok",\n  7]}')
    with pytest.raises(RoleSpecError, match=r"bad\.json: field 'duties': line 3: item 2 of 2"):
        load_roles(path)
    path = _write(tmp_path, "bad.yaml", "id: d\ntitle: 主管\nduties: [ok]\nkpi: [月活]\n")
    with pytest.raises(RoleSpecError, match=r"field 'kpi': line 4: unknown field; did you mean"):
        load_roles(path)


def test_requirements_may_be_left_out_when_there_are_duties(tmp_path):
    path = _write(tmp_path, "duties.yaml", GBK_ROLE)
    (role,) = load_roles(path)
    assert role.duties == ("负责消保审查",) and role.requirements == ()
    path = _write(tmp_path, "duties.yaml", "id: d\ntitle: 主管\nrequirements: [金融专业]\n")
    assert load_roles(path)[0].duties == ()


def test_parse_posting_names_its_text_parameter():
    with pytest.raises(TypeError, match="'text' parameter of parse_posting must be"):
        parse_posting(None)  # type: ignore[arg-type]


def test_write_roles_refuses_an_id_another_file_of_the_folder_holds(tmp_path):
    own = _write(tmp_path, "own.yaml", dump_role(role_from_dict(GOOD)))
    other = role_from_dict({**GOOD, "title": "另一个主管"}, source="posting.txt")
    with pytest.raises(
        RoleSpecError,
        match=rf"^posting\.txt: field 'id': id 'demo' \(of '另一个主管'\) is already the id of "
        rf"{re.escape(str(own))}, a role file roles import did not write .*; nothing written",
    ):
        write_roles([role_from_dict({**GOOD, "id": "new"}), other], tmp_path)
    assert [f.name for f in tmp_path.iterdir()] == ["own.yaml"]


def test_write_roles_refuses_one_id_for_two_roles_naming_both(tmp_path):
    a = role_from_dict({**GOOD, "id": "new"}, source="a.txt")
    b = role_from_dict({**GOOD, "id": "new", "title": "另一个主管"}, source="b.txt")
    with pytest.raises(
        RoleSpecError,
        match=r"^field 'id': id 'new' is given to two roles, '演示主管' \(from a\.txt\) and "
        r"'另一个主管' \(from b\.txt\); nothing written",
    ):
        write_roles([a, b], tmp_path / "out", fmt="json")
    assert not (tmp_path / "out").exists()


def test_write_roles_replaces_the_file_of_an_id_and_numbers_new_ones_after(tmp_path):
    first = write_roles([role_from_dict({**GOOD, "id": f"r{i}"}) for i in range(3)], tmp_path)
    assert [p.name for p in first] == ["01-r0.yaml", "02-r1.yaml", "03-r2.yaml"]
    again = role_from_dict({**GOOD, "id": "r1", "title": "新主管"})
    new = role_from_dict({**GOOD, "id": "r9"})
    # ids chosen by hand: a role replaces the file of its id, whatever that held
    written = write_roles([new, again], tmp_path, fmt="json", replace=True)
    assert written == [tmp_path / "04-r9.json", first[1]]
    assert load_roles(first[1])[0].title == "新主管"  # kept as YAML, the file's format
    # a file named as written for that id that no longer loads is mended the same way
    first[2].write_text("id: r2\ntitle: [", encoding="utf-8")
    assert write_roles([role_from_dict({**GOOD, "id": "r2"})], tmp_path, replace=True) == [first[2]]
    assert len(load_roles(tmp_path)) == 4


def test_write_roles_never_writes_another_posting_over_a_role_file(tmp_path):
    # the blind test (P1): a branch's 对公客户经理 replaced the head office's, exit 0
    head = _write(tmp_path, "head.txt", "")
    branch = _write(tmp_path, "branch.txt", "")
    out = tmp_path / "roles"
    (kept,) = write_roles([role_from_dict(GOOD, source=head)], out)
    other = role_from_dict({**GOOD, "duties": ["负责辖内对公客户营销"]}, source=branch)
    (second,) = write_roles([other], out)
    assert second.name == "02-demo-2.yaml"  # the next free id, beside the old file
    assert load_roles(kept) == [role_from_dict(GOOD, source=kept)]
    assert load_roles(second)[0].id == "demo-2"
    # each posting imported again goes back to its own file: no demo-3
    assert write_roles([other], out) == [second]
    assert write_roles([role_from_dict(GOOD, source=head)], out) == [kept]
    # the same content from another file is the same posting; a posting file edited
    # and imported again replaces the role it gave
    assert write_roles([role_from_dict(GOOD, source=tmp_path / "copy.txt")], out) == [kept]
    edited = role_from_dict({**GOOD, "duties": ["负责对公客户营销与维护"]}, source=head)
    assert write_roles([edited], out) == [kept]
    assert load_roles(kept)[0].duties == ("负责对公客户营销与维护",)
    assert len(load_roles(out)) == 2
    # JSON files record no posting file: only the same content is the same posting
    out_json = tmp_path / "json"
    (one,) = write_roles([role_from_dict(GOOD, source=head)], out_json, fmt="json")
    assert write_roles([role_from_dict(GOOD, source=head)], out_json, fmt="json") == [one]
    assert write_roles([edited], out_json)[0].name == "02-demo-2.yaml"
    assert load_roles(one)[0].duties == tuple(GOOD["duties"])


def test_write_roles_gives_the_next_free_id_past_those_of_the_folder_and_the_batch(tmp_path):
    roles = [role_from_dict({**GOOD, "id": i, "duties": [f"负责{i}"]}) for i in ("a", "a-2")]
    write_roles(roles, tmp_path)
    new = [role_from_dict({**GOOD, "id": i, "duties": [f"负责新{i}"]}) for i in ("a", "a-3")]
    written = write_roles(new, tmp_path)
    # a-2 is the folder's, a-3 this batch's own: the new a is a-4
    assert [p.name for p in written] == ["03-a-4.yaml", "04-a-3.yaml"]
    assert [r.id for r in load_roles(tmp_path)] == ["a", "a-2", "a-4", "a-3"]


def test_a_file_named_twice_is_read_once(tmp_path):
    posting = _write(tmp_path, "posting.txt", POSTING_TXT)
    role = _write(tmp_path, "role.json", json.dumps(GOOD))
    (tmp_path / "sub").mkdir()
    again = tmp_path / "sub" / ".." / "posting.txt"
    roles = load_roles([posting, role, again, role, tmp_path])
    assert [r.id for r in roles] == ["customer-service-specialist", "demo"]


@pytest.mark.parametrize("paths", [3, [3], b"roles", ["data/roles", None]])
def test_load_roles_names_its_paths_parameter(paths):
    with pytest.raises(
        TypeError,
        match=r"^The 'paths' parameter of load_roles must be a path \(str or Path\), an "
        rf"iterable of paths, or None\. Got {re.escape(repr(paths))} instead\.$",
    ):
        load_roles(paths)


def test_every_bad_file_of_a_roles_folder_is_named_at_once(tmp_path):
    # `score --roles DIR` stopped at the first bad file; roles validate named them all
    _write(tmp_path, "01-a.yaml", "id: 123\ntitle: 主管\nduties: [负责运营]\n")
    _write(tmp_path, "02-b.yaml", "id: b\ntitle: [主管]\nduties: [负责运营]\n")
    _write(tmp_path, "03-c.yaml", "id: c\ntitle: 主管\nduties: [负责运营]\n")
    with pytest.raises(RoleSpecError) as e:
        load_roles(tmp_path)
    said = str(e.value)
    assert said.startswith("2 role files have errors:")
    assert "01-a.yaml: field 'id': line 1" in said and "02-b.yaml: field 'title': line 2" in said


def test_a_role_is_found_by_its_title_as_a_recruiter_types_it():
    from rolematch.documents import Role
    from rolematch.io.roles import find_role

    roles = [
        Role("claims-lead", "理赔审核主管（总部运营中心）", ("负责理赔审核",), ()),
        Role("cm-retail", "客户经理（零售部）", ("负责零售客户维护",), ()),
        Role("cm-corp", "客户经理（公司部）", ("负责对公客户维护",), ()),
    ]
    for name in ("理赔审核主管（总部运营中心）", "理赔审核主管(总部运营中心)", "理赔审核主管"):
        assert find_role(roles, name).id == "claims-lead", name
    assert find_role(roles, "客户经理") is None  # two posts share it: neither
    with pytest.raises(ValueError, match=r"title of 2 roles; give one's id: \['cm-retail', "):
        from rolematch.io.roles import require_role

        require_role(roles, "客户经理", "Matcher.explain")
