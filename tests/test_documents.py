"""The records that flow through rolematch (rolematch.documents): a Role built the way
a caller builds one (from a role file's YAML, from ``to_dict``) is the role the reader
builds, and hashable."""

from __future__ import annotations

import dataclasses
import re

import pytest
import yaml

from rolematch.documents import Role
from rolematch.exceptions import RoleSpecError
from rolematch.io.roles import load_roles

CARD_RISK_YAML = """\
id: credit-card-risk
title: 信用卡风险策略经理
department: 信用卡中心
duties:
- 负责信用卡申请评分卡和行为评分卡的开发与监控。
- 负责额度策略和催收策略的制定与优化。
requirements:
- 统计学、数学或金融相关专业本科及以上学历。
- 熟练使用SQL和Python，有评分卡建模经验者优先。
kpis:
majors: [统计学, 数学, 金融]
preferred:
- 熟练使用SQL和Python，有评分卡建模经验者优先。
"""
LINE_FIELDS = ("duties", "requirements", "kpis", "majors", "preferred")


def test_a_role_from_yaml_lists_is_hashable_and_equals_the_tuple_built_one():
    data = yaml.safe_load(CARD_RISK_YAML)
    assert isinstance(data["duties"], list) and data["kpis"] is None  # what YAML gives
    role = Role(**data)
    by_hand = Role(
        id="credit-card-risk",
        title="信用卡风险策略经理",
        department="信用卡中心",
        duties=tuple(data["duties"]),
        requirements=tuple(data["requirements"]),
        kpis=(),
        majors=("统计学", "数学", "金融"),
        preferred=tuple(data["preferred"]),
    )
    assert role == by_hand and hash(role) == hash(by_hand)
    assert {role, by_hand} == {role}
    assert all(isinstance(getattr(role, f), tuple) for f in LINE_FIELDS)


def test_to_dict_builds_the_same_role_back():
    for role in load_roles():
        again = Role(**role.to_dict())
        assert again == dataclasses.replace(role, source=None), role.id
        hash(again)


def test_tuples_are_kept_as_given():
    duties = ("负责手机银行运营",)
    assert Role("demo", "演示主管", duties, ()).duties is duties


@pytest.mark.parametrize("field", LINE_FIELDS)
@pytest.mark.parametrize("value", ["负责手机银行运营", 5, {"a": 1}])
def test_a_value_that_is_not_a_list_of_lines_is_refused_when_the_role_is_built(field, value):
    kwargs = {"id": "demo", "title": "演示主管", "duties": ("负责运营",), "requirements": ()}
    with pytest.raises(
        RoleSpecError,
        match=rf"^field '{field}': role 'demo' \(built in Python\): expected a list of "
        rf"non-empty strings, got {re.escape(repr(value))}$",
    ) as e:
        Role(**{**kwargs, field: value})
    assert e.value.field == field


def test_the_error_names_the_file_a_role_came_from():
    with pytest.raises(RoleSpecError, match=r"^roles/x\.yaml: field 'majors': role 'x'") as e:
        Role("x", "主管", ("负责运营",), (), majors="金融", source="roles/x.yaml")
    assert str(e.value.path) == "roles/x.yaml"
