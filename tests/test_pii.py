"""Personal data: detection, redaction, and blind screening (rolematch.pii)."""

from __future__ import annotations

import json
import re

import pytest

from rolematch.pii import FIELDS, redact_lines, redact_text
from rolematch.sections import resume_from_text
from rolematch.text import normalize_text

# Two versions of one (invented) résumé that differ only in who the candidate is.
TEMPLATE = """{name} {gender} {born}
姓名:{name} 性别:{gender} 年龄:{age} 民族:{ethnicity}
出生年月:{born} 婚姻状况:{marital} 政治面貌:{political}
籍贯:{hometown} 现居:{city}
电话:{phone} 邮箱:{email}
身份证:{id_card}
【工作经历】
2016.03-至今 鼎信银行 交易银行部 支付结算产品负责人
1. 牵头网联、银联双通道接入,2023年快捷支付交易19.6亿笔。
2. {name}带领团队9人,年度KPI连续三年A。
【自我评价】
熟悉支付清算与反洗钱,能扛压。
"""
PERSON_A = dict(
    name="张伟", gender="男", age="34", born="1990年3月", ethnicity="汉族", marital="已婚",
    political="中共党员", hometown="河北保定", city="北京朝阳区", phone="138****1234",
    email="zhang.wei@example.com", id_card="110101199003071234",
)  # fmt: skip
PERSON_B = dict(
    name="欧阳娜", gender="女", age="27", born="1997.08", ethnicity="回族", marital="未婚",
    political="群众", hometown="宁夏银川", city="上海浦东新区", phone="186 5555 0101",
    email="ouyang@example.cn", id_card="64010119970815002X",
)  # fmt: skip


def test_swapping_name_gender_age_changes_nothing_in_the_redacted_text():
    a = resume_from_text(TEMPLATE.format(**PERSON_A))
    b = resume_from_text(TEMPLATE.format(**PERSON_B))
    assert a.text == b.text
    assert [s.text for s in a.sentences] == [s.text for s in b.sentences]
    assert a.sections == b.sections
    # and the work content is all still there
    assert "带领团队9人" in a.text and "快捷支付交易19.6亿笔" in a.text


@pytest.mark.parametrize("person", [PERSON_A, PERSON_B])
def test_every_field_is_found_and_removed(person):
    r = resume_from_text(TEMPLATE.format(**person))
    p = r.personal
    assert p["name"] == person["name"]
    assert p["gender"] == person["gender"]
    assert p["age"] == person["age"]
    assert p["birth_date"] == person["born"]
    assert p["ethnicity"] == person["ethnicity"]
    assert p["marital_status"] == person["marital"]
    assert p["political_status"] == person["political"]
    assert p["hometown"] == person["hometown"]
    assert p["address"] == person["city"]
    assert p["phone"] == [person["phone"]]
    assert p["email"] == [person["email"]]
    assert p["id_card"] == person["id_card"]
    assert set(p) <= set(FIELDS)
    for key in ("name", "phone", "email", "id_card", "hometown", "city", "born"):
        assert person[key] not in r.text


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("手机 13812345678", "phone", ["13812345678"]),
        ("Tel:+86 138-1234-5678", "phone", ["+86 138-1234-5678"]),
        ("联系电话:010-87654321", "phone", ["010-87654321"]),
        ("座机 (0755)86543210", "phone", ["(0755)86543210"]),
        ("手机:(+86) 131-221-87xxx", "phone", ["(+86) 131-221-87xxx"]),
        ("E-mail:a.b_c@mail.example.com.cn", "email", ["a.b_c@mail.example.com.cn"]),
        ("身份证号:44030119851231123X", "id_card", "44030119851231123X"),
        ("QQ:12345678", "qq", "12345678"),
        ("微信:zhang_wei88", "wechat", "zhang_wei88"),
        ("生日 2003-11-01", "birth_date", "2003-11-01"),
        ("籍贯 安徽 蚌埠 怀远县", "hometown", "安徽 蚌埠 怀远县"),
        ("户口所在地:山东济南", "hometown", "山东济南"),
        ("婚否:已婚已育", "marital_status", "已婚已育"),
        ("身高 170cm", "height", "170cm"),
    ],
)
def test_labelled_and_pattern_fields(line, field, value):
    out, personal = redact_lines([line])
    assert personal[field] == value
    assert out == [None]  # nothing else on the line: it is dropped


def test_unlabelled_patterns_are_removed_from_running_text():
    out, personal = redact_lines(
        ["2015-2020 负责对接银行,联系人电话 139-0000-1111,邮件 x@example.com"], context=[False]
    )
    assert out == ["2015-2020 负责对接银行,联系人电话 ,邮件"]
    assert personal == {"phone": ["139-0000-1111"], "email": ["x@example.com"]}


def test_urls_survive_the_tidying_of_separators():
    out, _ = redact_lines(["x.y@example.com · 13812345678 · https://github.com/example"])
    assert out == ["https://github.com/example"]


def test_header_tokens_only_count_in_context_lines():
    lines = ["韩笑(女,1991年8月生)", "为60岁以上来电设一键转人工", "男女客群各半,1990年3月上线"]
    out, personal = redact_lines(lines, context=[True, False, False])
    assert out[0] is None
    assert personal == {"gender": "女", "birth_date": "1991年8月生", "name": "韩笑"}
    assert out[1:] == lines[1:]  # an age or a date in the body is not personal data


def test_bare_numbers_in_the_header_are_qq_numbers():
    out, personal = redact_lines(["王尔康", "17816400230", "3167176383", "2019"])
    assert personal["qq"] == "3167176383" and personal["phone"] == ["17816400230"]
    assert out == [None, None, None, "2019"]


def test_dates_in_ranges_are_not_birth_dates():
    out, personal = redact_lines(["2004.09-2008.07 北京大学", "2019.05~至今"], context=[True, True])
    assert "birth_date" not in personal
    assert out == ["2004.09-2008.07 北京大学", "2019.05~至今"]


@pytest.mark.parametrize(
    ("first", "name"),
    [
        ("王尔康", "王尔康"),
        ("个人简历——冯子豪", "冯子豪"),
        ("欧阳修远 男 1990.01", "欧阳修远"),
        ("个人简历", None),
        ("你的大名", None),  # not a surname
        ("支付结算团队负责人", None),  # too long for a name
        # a surname character opening a term or an employer: not a name
        ("支付结算", None),
        ("智能客服", None),
        ("呼叫中心", None),
        ("江苏银行", None),
        ("平安银行 客服主管", None),
        ("金融科技", None),
        ("万达集团 店长", None),
        ("宋佳怡，女，1987年", "宋佳怡"),
        ("方雅婷　女", "方雅婷"),
        ("欧阳建华 先生", "欧阳建华"),
    ],
)
def test_name_from_the_first_line(first, name):
    _, personal = redact_lines([first, "负责支付结算"])
    assert personal.get("name") == name


def test_a_term_on_the_first_line_stays_in_the_text():
    text, personal = redact_text("支付结算\n2016年至今 某银行 负责银联、网联清算对接")
    assert "name" not in personal and text.startswith("支付结算\n")


def test_the_name_is_removed_everywhere():
    text, personal = redact_text("李文博\n负责部门计划\n李文博牵头制度建设")
    assert personal["name"] == "李文博"
    assert text == "负责部门计划\n牵头制度建设"


def test_label_words_in_running_text_are_left_alone():
    lines = ["负责客户地址变更和电话回访", "完善民族地区网点服务"]
    out, personal = redact_lines(lines, context=[False, False])
    assert out == lines and personal == {}


def test_mixed_line_keeps_its_other_content():
    out, _ = redact_lines(["学历:硕士 政治面貌:群众"])
    assert out == ["学历:硕士"]


def test_context_length_is_checked():
    with pytest.raises(ValueError, match=r"'context' parameter of redact_lines .* \(2\)\. Got 1"):
        redact_lines(["a", "b"], context=[True])


def test_devset_resumes_lose_all_contact_details(shared_dir):
    items = json.loads((shared_dir / "devset" / "resumes.json").read_text(encoding="utf-8"))
    phone = re.compile(r"1[3-9]\d\*{4}\d{4}")
    email = re.compile(r"@example\.(?:com|cn)")
    for item in items:
        r = resume_from_text(item["text"], source=item["id"])
        assert r.ok, item["id"]
        assert not phone.search(r.text), item["id"]
        assert not email.search(r.text), item["id"]
        assert r.personal.get("gender") in ("男", "女"), item["id"]
        assert "birth_date" in r.personal, item["id"]
        first = normalize_text(item["text"]).splitlines()[:2]
        name = r.personal.get("name")
        assert name and any(name in line for line in first), item["id"]
        assert name not in r.text, item["id"]


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("张伟先生 | 138****1234\n负责支付清算", "gender", "先生"),
        ("王丽 女士\n负责客服", "gender", "女士"),
        ("Ms. Li Na\nLed the contact centre", "gender", "Ms."),
        ("Li Na\nGender: Female | Age: 34\nLed the team", "gender", "Female"),
        ("Li Na\nGender: Female | Age: 34\nLed the team", "age", "34"),
        ("John Smith\nSex: M\nLed the team", "gender", "M"),
        ("性别：女性\n熟悉客服", "gender", "女性"),
        ("孙丽　女　1989年生\n熟悉客服", "birth_date", "1989年生"),
        ("出生年份：1990年\n熟悉客服", "birth_date", "1990年"),
        ("Li Na\nDate of Birth: 12 May 1990\nLed the team", "birth_date", "12 May 1990"),
        ("John Smith\nBorn 1988 in Beijing\nLed the team", "birth_date", "Born 1988"),
    ],
)
def test_forms_of_address_english_labels_and_bare_birth_years(text, field, value):
    # found (the bias audit reads them) and cut out of the scored text
    out, personal = redact_text(text)
    assert personal[field] == value
    assert value not in out
    assert "张伟" not in out and "先生" not in out and "女士" not in out


@pytest.mark.parametrize(
    ("text", "field", "value", "kept"),
    [
        # a bare year among the header's tokens is the birth year (it stayed in the text)
        (
            "宋佳怡，女，1987年\n工作经历：\n2017年3月—至今 北辰银行",
            "birth_date",
            "1987年",
            "2017年3月",
        ),
        ("张伟 | 男 | 2015年 - 至今 某银行", "name", "张伟", "2015年 - 至今"),
        # an English name alone on the first line (it stayed, and was never looked for)
        (
            "José Müller\nEmail: jm@example.com\n2015 - 2020 analyst",
            "name",
            "José Müller",
            "analyst",
        ),
    ],
)
def test_header_birth_years_and_latin_name_lines(text, field, value, kept):
    redacted, personal = redact_text(text)
    assert personal[field] == value
    assert value not in redacted and kept in redacted


@pytest.mark.parametrize("first", ["Work Experience", "Product Owner", "Customer Service Manager"])
def test_heading_or_title_lines_are_not_latin_names(first):
    _, personal = redact_text(f"{first}\n2015 - 2020 Bank of Lisbon")
    assert "name" not in personal
