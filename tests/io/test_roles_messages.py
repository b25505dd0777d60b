"""Role files as a user writes them by hand: every mistake is named by file, line and field.

Found by a black-box pass of ``rolematch roles validate``: a field written
twice lost its first value without a word, a YAML syntax error came as four lines about
``"<unicode string>"`` naming no field, an empty file was "got NoneType", ``id: 007``
was "got 7", and a duplicate id named no line.
"""

from __future__ import annotations

import re

import pytest

from rolematch import RoleSpecError, load_roles
from rolematch.cli import main
from tests.io._files import write_utf8 as _write

ROLE = "id: demo\ntitle: 演示主管\nduties:\n- 负责手机银行运营\n- 负责渠道营销\nrequirements:\n- 金融专业\n"


@pytest.mark.parametrize(
    ("name", "text", "match"),
    [
        (  # the first duties list would be dropped without a word
            "twice.yaml",
            ROLE + "duties:\n- 负责客服\n",
            r"twice\.yaml: field 'duties': line 8: the field is given twice \(first on line 3\)",
        ),
        (
            "twice.json",
            '{"id": "a",\n "title": "主管",\n "duties": ["负责运营"],\n "id": "b"}',
            r"twice\.json: field 'id': line 4: the field is given twice \(first on line 1\)",
        ),
    ],
    ids=["yaml", "json"],
)
def test_a_field_given_twice_is_an_error_naming_both_lines(tmp_path, name, text, match):
    path = _write(tmp_path, name, text)
    with pytest.raises(RoleSpecError, match=match) as info:
        load_roles(path)
    assert info.value.field in ("duties", "id") and info.value.path == path


def test_a_yaml_syntax_error_is_one_line_naming_line_column_and_field(tmp_path):
    path = _write(tmp_path, "broken.yaml", "id: a\ntitle: 主管\nduties:\n  - 负责\n - 运营\n")
    with pytest.raises(RoleSpecError) as info:
        load_roles(path)
    message = str(info.value)
    assert "\n" not in message and "<unicode string>" not in message
    assert re.match(
        r".*broken\.yaml: field 'duties': line 5, column 2: not valid YAML: "
        r"did not find expected key \(while parsing a block mapping",
        message,
    ), message
    assert info.value.field == "duties"


def test_a_tab_indent_says_yaml_needs_spaces(tmp_path):
    path = _write(tmp_path, "tab.yaml", "id: a\ntitle: 主管\nduties:\n\t- 负责运营\n")
    with pytest.raises(
        RoleSpecError,
        match=r"tab\.yaml: field 'duties': line 4, column 1: not valid YAML: .*indent with "
        r"spaces, not tabs",
    ):
        load_roles(path)


def test_a_json_syntax_error_names_line_column_and_field(tmp_path):
    path = _write(tmp_path, "m.json", '{"id": "m",\n "title": "测试",\n "duties": ["负责运营",]\n}')
    with pytest.raises(
        RoleSpecError,
        match=r"m\.json: field 'duties': line 3, column 20: not valid JSON: Expecting value$",
    ):
        load_roles(path)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", r"empty\.yaml: expected a mapping of role fields, got nothing: the file is empty"),
        ("# only a comment\n", r"got nothing: the file is empty"),
        ("- id: a\n  title: x\n", r"got list \(a role file holds one role"),
    ],
    ids=["empty", "comment", "list"],
)
def test_an_empty_or_list_file_says_so(tmp_path, text, match):
    path = _write(tmp_path, "empty.yaml", text)
    with pytest.raises(RoleSpecError, match=match):
        load_roles(path)


@pytest.mark.parametrize(
    ("line", "match"),
    [
        ("id: 007", r"field 'id': line 1: expected a non-empty string, got 7 \(a number"),
        (
            "id: no",
            r"field 'id': line 1: expected a non-empty string, got False \(a number, date or yes/no",
        ),
        ("id: 2024-05-01", r"field 'id': line 1: .*got datetime.date\(2024, 5, 1\) \(a number"),
    ],
    ids=["number", "boolean", "date"],
)
def test_an_unquoted_number_date_or_boolean_says_to_quote_it(tmp_path, line, match):
    path = _write(tmp_path, "q.yaml", ROLE.replace("id: demo", line))
    with pytest.raises(RoleSpecError, match=match + r".*put it in quotes"):
        load_roles(path)
    path = _write(tmp_path, "q.yaml", ROLE.replace("- 负责渠道营销", "- 2024"))
    with pytest.raises(RoleSpecError, match=r"line 5: item 2 of 2: .*got 2024 \(a number"):
        load_roles(path)


def test_a_duplicate_id_names_its_line(tmp_path):
    _write(tmp_path, "a.yaml", ROLE)
    _write(tmp_path, "b.yaml", "# the same role again\n" + ROLE)
    with pytest.raises(
        RoleSpecError,
        match=r"b\.yaml: field 'id': line 2: duplicate id 'demo', already defined in .*a\.yaml",
    ):
        load_roles(tmp_path)


def test_validate_prints_one_line_naming_file_line_and_field(tmp_path, capsys):
    _write(tmp_path, "01-good.yaml", ROLE)
    _write(tmp_path, "02-bad.yaml", "id: b\ntitle: 主管\nduties:\n  - 负责\n - 运营\n")
    assert main(["roles", "validate", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    # one line for the error (it was four), then how many files have errors
    assert err.splitlines()[1:] == ["rolematch: 1 of 2 files have errors"], err
    assert "02-bad.yaml: field 'duties': line 5, column 2: not valid YAML" in err
