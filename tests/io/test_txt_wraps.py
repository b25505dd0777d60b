"""A .txt CV copied out of a PDF viewer or an e-mail keeps the page's line ends: the
lines a margin broke are joined again before sentences are split, so the text reads as
the CV did. A CV written line by line (items of similar length, bullets, a drawn
table, a contact line, page numbers) keeps its lines."""

from __future__ import annotations

import unicodedata

import pytest

from rolematch import read_resume, resume_from_text
from rolematch.io._wraps import join_text_wraps
from rolematch.sections import is_heading_line

CV = """张晓明
电话：138****5521 | 邮箱：zhangxm@example.com
工作经历
2018.03-至今 某股份制银行信用卡中心 客服运营部 客服团队主管
· 管理电话客服与在线客服坐席共120人，负责排班、现场管理、服务质量监控和投诉升级处理，坐席满意度连续三年保持在98%以上；
· 牵头建设智能质检平台，质检覆盖率由5%提升到100%，与科技部门共同优化IVR菜单和智能客服知识库，人工转接率下降18个百分点；
· 负责监管转办投诉和12378热线件的受理、调查和回复，编制月度投诉分析报告，推动产品和流程整改40余项。
2013.07-2018.02 某城市商业银行 零售银行部 客户经理
· 负责网点高净值客户维护和理财产品销售，管理客户资产约6亿元，年度考核连续四年优秀；
· 参与手机银行上线推广，组织社区和企业客户的线上开户活动，新增手机银行客户约5000户。
教育背景
2009.09-2013.06 某财经大学 金融学 本科
"""


def _columns(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def wrap(text: str, width: int) -> str:
    """A text wrapper's line ends: anywhere in Chinese, at a space in English."""
    out = []
    for line in text.splitlines():
        cur = ""
        for ch in line:
            if sum(map(_columns, cur)) + _columns(ch) > width:
                cut = len(cur)
                if ch.isascii() and ch != " " and " " in cur:
                    cut = cur.rindex(" ") + 1  # English: the word moves down whole
                out.append(cur[:cut])
                cur = cur[cut:]
            cur += ch
        out.append(cur)
    return "\n".join(out)


def _sentences(resume) -> list[str]:
    return [s.text for s in resume.sentences]


@pytest.mark.parametrize("width", [40, 56, 72])
def test_a_hard_wrapped_txt_reads_as_the_cv(tmp_path, width):
    wrapped = wrap(CV, width)
    assert len(wrapped.splitlines()) > len(CV.splitlines()) + 3  # the margin broke lines
    (tmp_path / "cv.txt").write_text(CV, encoding="utf-8")
    (tmp_path / "wrapped.txt").write_text(wrapped, encoding="utf-8")
    want = _sentences(read_resume(tmp_path / "cv.txt"))
    assert _sentences(read_resume(tmp_path / "wrapped.txt")) == want
    assert _sentences(resume_from_text(wrapped)) == want  # a string reads as the file


def test_an_english_cv_wrapped_at_spaces_keeps_its_words():
    cv = (
        "Grace Tsang | Hong Kong | grace.tsang@example.com\n"
        "Open Banking Lead, a virtual bank (2019-present): built the partner API "
        "programme for e-commerce and ride-hailing platforms; designed escrow sub-accounts "
        "and merchant onboarding with risk and compliance teams.\n"
        "Solutions Manager, a card-payment processor (2014-2019): led integration projects "
        "for 40 merchants and acquirers across Hong Kong and Macau.\n"
    )
    text, joined = join_text_wraps(wrap(cv, 50), is_heading_line)
    assert joined >= 4
    assert text.splitlines() == cv.splitlines()  # the e-mail line stays apart


def test_breaks_inside_a_chinese_line_join_as_the_line_was_written():
    wrapped = "\n".join(
        [
            "2017.03—至今　某城商行（资产规模约5000亿）　网络金融部　移动渠道室　",
            "副经理（主持工作）",
            "负责坐席工号权限、中继线路资源和运营商通讯费结算，年节省通信费约30",
            "0万元；参与IVR菜单调整上线",
            "驻场负责呼叫中心系统的日常巡检、坐席电话故障排查和版本部署，参与IV",
            "R菜单调整上线与智能客服知识库建设与运营",
        ]
    )
    text, joined = join_text_wraps(wrapped, is_heading_line)
    assert joined == 3
    first, second, third = text.splitlines()
    assert first.endswith("移动渠道室 副经理（主持工作）")  # the break was a space: kept
    assert "约300万元" in second  # a number broken at the margin is one number
    assert "参与IVR菜单" in third


@pytest.mark.parametrize(
    "text",
    [
        # items of one length that end without a full stop, each opened by a marker
        "\n".join(
            f"{mark}负责信用卡与信贷电销录音稽核，订定电销话术审查标准与评分表，每月抽听录音约{n}通"
            for mark in ("・", "．", "✅", "－")
            for n in (3000, 2800)
        ),
        # a table drawn in text
        "\n".join(
            [
                "│ 公文与会务 │ 起草部门年度工作计划、半年及年度总结、领导讲话稿；组织部门办公会 │",
                "│            │ 专题会，撰写会议纪要，督办会议决定事项落实与跟踪反馈情况汇总 │",
                "│ 预算与考核 │ 编制部门年度费用预算，按月跟踪执行；牵头制定员工绩效考核方案 │",
                "│            │ 按季度进行绩效考核与分析，形成考核报告并报部门负责人审定执行 │",
            ]
        ),
        # a short CV whose lines happen to end near one column, one running past it
        "姓名 | 陈晓明 | 性别 | 男\n民族 | 汉 | 户籍 | 湖南长沙\n工作经历\n"
        "2015.03-2018.06 某公司 销售\n负责客户开发,维护重点客户关系,完成年度销售目标。",
    ],
    ids=["markers", "table", "short"],
)
def test_lines_written_apart_stay_apart(text):
    assert join_text_wraps(text, is_heading_line) == (text, 0)


def test_a_page_number_is_not_joined_to_the_page_it_ends():
    text = wrap(CV, 40).replace("工作经历", "第 1 页 共 2 页\n工作经历")
    assert "第 1 页 共 2 页" in join_text_wraps(text, is_heading_line)[0].splitlines()


def test_a_cv_written_line_by_line_is_left_as_it_is():
    assert join_text_wraps(CV, is_heading_line) == (CV, 0)
