"""Personal data in forms the first rules missed: other phone groupings, IDs in groups or
cut by a wrap, obfuscated e-mail addresses, postcodes, profile pages, names in a personal
line further down (rolematch.pii, rolematch._pii_fields)."""

from __future__ import annotations

import pytest

from rolematch import read_resume
from rolematch.pii import redact_lines, redact_text

WORK = "工作经历\n2015.03-2018.06 某公司 销售\n负责客户开发,维护重点客户关系,完成年度销售目标。\n"


def _text(text: str) -> str:
    return read_resume(text.encode(), filename="x.txt").text


@pytest.mark.parametrize(
    "line, field, value",
    [
        ("(+86) 189-119-63820", "phone", ["(+86) 189-119-63820"]),
        ("176 0063 3417", "phone", ["176 0063 3417"]),
        ("电话:+1(510)935-6767", "phone", ["+1(510)935-6767"]),
        ("+1(510)935-6767", "phone", ["+1(510)935-6767"]),
        ("+852 9123 4567", "phone", ["+852 9123 4567"]),
        ("身份证：110105 19890312 4517", "id_card", "110105 19890312 4517"),
        ("110105-1989-0312-4517", "id_card", "110105-1989-0312-4517"),
        ("生日：3月12日", "birth_date", "3月12日"),
        ("邮政编码:350108", "postcode", "350108"),
        ("邮编 610000", "postcode", "610000"),
        ("邮箱 wangsy AT 163 DOT com", "email", ["wangsy AT 163 DOT com"]),
        ("wangsy[at]163.com", "email", ["wangsy[at]163.com"]),
        ("wangsy(at)qq(dot)com", "email", ["wangsy(at)qq(dot)com"]),
        ("wangsy#163.com", "email", ["wangsy#163.com"]),
        ("谷歌学术:https://scholar.google.com/citations?user=sqagIuoAAAAJ", "website",
         ["https://scholar.google.com/citations?user=sqagIuoAAAAJ"]),
        ("https://scholar.google.com/citations?user=sqagIuoAAAAJ", "website",
         ["https://scholar.google.com/citations?user=sqagIuoAAAAJ"]),
        ("https://www.linkedin.com/in/zhang-wei-123", "website",
         ["https://www.linkedin.com/in/zhang-wei-123"]),
        ("https://homes.cs.washington.edu/~ym2552/", "website",
         ["https://homes.cs.washington.edu/~ym2552/"]),
        ("https://jiangbo.page/files/jiangbo-cv-public.pdf", "website",
         ["https://jiangbo.page/files/jiangbo-cv-public.pdf"]),
        ("https://www.geniusy.com/jiangbo-cv-public.pdf", "website",
         ["https://www.geniusy.com/jiangbo-cv-public.pdf"]),
        ("http://www.yuanbin.me", "website", ["http://www.yuanbin.me"]),
        ("知乎专栏: https://zhuanlan.zhihu.com/c_1078664876162854912", "website",
         ["https://zhuanlan.zhihu.com/c_1078664876162854912"]),
    ],
)  # fmt: skip
def test_each_form_goes_anywhere(line, field, value):
    # under a work heading, far from the header: the form alone says it is personal
    out, personal = redact_lines(["工作经历", "负责客户开发", line], context=[False] * 3)
    assert out == ["工作经历", "负责客户开发", None]
    assert personal[field] == value


@pytest.mark.parametrize(
    "line",
    [
        "2015.03-2018.06 某公司 销售",
        "团队 150-200 300 40人",
        "熟悉 C++11 2020 年上线,收入增长+15% 2000 万",
        "营收 1300-1800万",
        "坚持群众路线,服务群众",
        "2019-2021 某公司 获评党员先锋岗",
        "为党员、群众开展宣传",
        "熟悉 C#.NET, 见 issue#123.html",
        "look at google.com for details",
        "论文 doi: 10.1007/s00429-021-02440-3",
        "专利号 202511080860.5, 已授权",
        "项目 https://github.com/apache/spark",
        "官网 https://www.huawei.com",
        "简历解析系统 https://github.com/org/resume-parser",
        "2015.03 / 2018.06 / 某公司",
        "证书编号:CLDT02180700030807",
    ],
)
def test_work_lines_that_look_alike_stay(line):
    assert redact_lines(["工作经历", line], context=[False, False]) == (["工作经历", line], {})


def test_contact_heading_line_keeps_nothing_after_a_label():
    assert _text("姓名:王思远\n电话:13812345678\n" + WORK).startswith("工作经历")


@pytest.mark.parametrize(
    "tail",
    [
        "个人信息\n王思远 | 男 | 36岁 | 汉族 | 已婚 | 中共党员",
        "王思远 | 男 | 36岁 | 汉族 | 已婚 | 中共党员",
        "林书航 | 男 | 1988年5月",
        "36岁,男,已婚",
        "中共党员,男,已婚",
        "民盟盟员 | 女 | 未婚",
    ],
)
def test_a_personal_line_at_the_end_goes_with_its_name(tail):
    text = _text(WORK + tail)
    assert text.startswith(WORK.strip())
    for word in ("王思远", "林书航", "男", "女", "36", "1988", "党员", "盟员", "已婚", "未婚"):
        assert word not in text.replace(WORK.strip(), "")


def test_a_political_status_in_the_header_goes_and_in_work_lines_stays():
    text, personal = redact_text(
        "张伟 男 中共党员\n工作经历\n坚持群众路线,服务群众\n获评党员先锋岗"
    )
    assert text == "工作经历\n坚持群众路线,服务群众\n获评党员先锋岗"
    assert personal["political_status"] == "中共党员"
    text, personal = redact_text("张伟\n九三学社社员 | 女\n工作经历\n负责客户开发")
    assert text == "工作经历\n负责客户开发" and personal["political_status"] == "九三学社社员"


def test_values_cut_by_a_wrap_go_whole():
    # a narrow sidebar wraps the ID, the e-mail address and the street
    lines = [
        "王思远",
        "身份证号：1101051989031",
        "24517",
        "邮箱：wangsiyuan89@163.c",
        "om",
        "地址：北京市朝阳区三里屯",
        "西里3号楼",
        "1101051989031",  # unlabelled too
        "24517",
    ]
    out, personal = redact_lines(lines, context=[True] * len(lines))
    assert out == [None] * len(lines)
    assert personal["id_card"] == "110105198903124517"
    assert personal["email"] == ["wangsiyuan89@163.com"]
    assert personal["address"] == "北京市朝阳区三里屯"


def test_a_wrap_does_not_join_work_lines():
    lines = ["王尔康", "17816400230", "3167176383", "2019", "地址：北京市朝阳区", "北京大学 本科"]
    out, _ = redact_lines(lines, context=[True] * len(lines))
    assert out == [None, None, None, "2019", None, "北京大学 本科"]


def test_an_id_in_groups_goes_with_its_label():
    assert _text("身份证：110105 19890312 4517\n" + WORK) == WORK.strip()
    assert _text("王思远\n110105 19890312 4517\n" + WORK) == WORK.strip()


def test_a_romanised_name_goes_with_the_name():
    for header in ("梅禹萱 Yuxuan Mei +86 18001588501", "李春蕾 (Chunlei Li)", "Yan Pan | 潘彦"):
        out, personal = redact_lines(
            [header, "工作经历", "Yuxuan Mei, Chunlei Li, Yan Pan, Peng Yu"]
        )
        assert out[0] is None, header
        assert personal["name"] in ("梅禹萱", "李春蕾", "潘彦")
        assert out[2] is not None and "Peng Yu" in out[2]


def test_repository_links_go_only_under_the_candidates_own_account():
    lines = [
        "张伟",
        "https://github.com/zhangwei-dev",
        "工作经历",
        "项目 https://github.com/apache/spark",
        "项目 https://github.com/zhangwei-dev/crawler",
    ]
    out, personal = redact_lines(lines, context=[True, True, False, False, False])
    assert out == [None, None, "工作经历", "项目 https://github.com/apache/spark", "项目"]
    assert personal["website"] == [
        "https://github.com/zhangwei-dev",
        "https://github.com/zhangwei-dev/crawler",
    ]


def test_a_site_named_after_the_candidate_goes():
    lines = ["姜波", "邮箱: jiangbo.sicnu@qq.com", "工作经历", "见 https://jiangbo.net/talks"]
    out, _ = redact_lines(lines, context=[True, True, False, False])
    assert out == [None, None, "工作经历", "见"]
    # a bare domain in the header is the candidate's site; a document link there is not
    out, _ = redact_lines(["张伟 | zhangwei.com | https://docs.example.com/api"])
    assert out == ["https://docs.example.com/api"]


def test_a_contact_field_line_loses_its_number():
    # 联系方式:138… had been read as the contact heading, its number as heading text
    text = read_resume(
        "联系方式:13812345678\n教育经历\n北京大学 本科".encode(), filename="x.txt"
    ).text
    assert "13812345678" not in text and "1381234" not in text


@pytest.mark.parametrize(
    "table",
    [
        "姓名 | 陈晓明 | 性别 | 男\n民族 | 汉 | 户籍 | 湖南长沙",
        "| 姓名 | 陈晓明 | 性别 | 男 |\n|---|---|---|---|\n| 民族 | 汉 | 户籍 | 湖南长沙 |",
        "基本信息\n| 姓名 | 陈晓明 | 性别 | 男 |\n| 出生年月 | 1990年5月 | 民族 | 汉 |\n"
        "| 紧急联系人 | 李娜 | 关系 | 夫妻 |\n| 联系电话 | 13698765432 | 户籍 | 湖南长沙 |",
    ],
)
def test_a_pipe_table_of_personal_details_goes(table):
    # a label alone in its cell reads as label：value, as in the space or tab grid
    text = _text(table + "\n" + WORK)
    for word in ("陈晓明", "汉", "湖南", "李娜", "夫妻", "1990"):
        assert word not in text, text
    assert "负责客户开发" in text
    _, personal = redact_lines(["| 紧急联系人 | 李娜 | 关系 | 夫妻 |"])
    assert personal["emergency_contact"] == "李娜"


@pytest.mark.parametrize(
    "line, field",
    [
        (
            "家庭成员:父亲 陈建国 长沙市某中学教师;母亲 王秀英 退休;妻子 李娜 上海某医院护士",
            "family",
        ),
        ("父亲：陈建国，56岁，中学教师", "family"),
        ("配偶:李娜,护士", "family"),
        ("子女：一子（5岁）", "family"),
        ("| 父亲 | 陈建国 | 56 | 中学教师 |", "family"),
        ("Family: father Chen Jianguo (teacher), mother Wang Xiuying (retired)", "family"),
        ("Spouse: Li Na, nurse", "family"),
        ("证明人:张华 某银行支行行长 13511112222", "referee"),
        ("推荐人：张华（原上级）电话 13511112222", "referee"),
        ("References: Zhang Hua, Branch Manager, ABC Bank", "referee"),
        ("社保卡号：12345678", "id_card"),
        ("血型：A型", "health"),
    ],
)
def test_family_referees_and_more_go_whole(line, field):
    out, personal = redact_lines(["工作经历", line, "负责客户开发"], context=[False] * 3)
    assert out == ["工作经历", None, "负责客户开发"]
    assert field in personal


@pytest.mark.parametrize(
    "line",
    [
        "负责父亲节营销活动,提升门店销量",
        "为子女教育金产品设计营销方案",
        "母亲节 配偶 专属理财产品推广",
        "推动家庭成员共同参保的方案落地",
        "客户包括 父亲 母亲 两代人",
    ],
)
def test_family_words_in_work_lines_stay(line):
    assert redact_lines(["工作经历", line], context=[False, False]) == (["工作经历", line], {})


def test_a_family_table_and_a_referee_block_under_their_headings_go():
    text = _text(
        "个人简历\n" + WORK + "家庭成员\n称谓 姓名 年龄 工作单位\n父亲 陈建国 60 长沙市第一中学\n"
        "配偶 李娜 32 上海市第六人民医院\n证明人\n张华  某银行支行行长  手机 135 1111 2222\n"
    )
    for word in ("陈建国", "李娜", "第一中学", "张华", "支行行长"):
        assert word not in text, text
    assert "负责客户开发" in text


def test_tel_without_a_colon_goes_with_its_number():
    out, personal = redact_lines(["Tel 139-1234-5678 | WeChat: cxm_1990"])
    assert out == [None] and personal["phone"] == ["139-1234-5678"]
