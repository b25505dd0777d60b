"""What ``roles import --dry-run`` says of each line: a chat post's role heads in emoji
and bold together, the section headings that hold no item, a job page's list of other
posts."""

from __future__ import annotations

import pytest

from rolematch.io.postings import parse_posting_text
from tests.io._files import texts as _texts

_TWO_POSTS = (
    "# 🎉 某城商行 | 2025年金融科技部社会招聘\n"
    "2025-05-06 某城商行人力资源部 发表于山东\n"
    "{head1}\n"
    "**工作职责：**\n"
    "· 负责零售业务数据的采集、清洗与分析；\n"
    "· 搭建经营分析报表体系。\n"
    "**任职资格：**\n"
    "· 统计、计算机相关专业，本科及以上；\n"
    "· 熟悉SQL、Python。\n"
    "{head2}\n"
    "**工作职责：**\n"
    "· 负责核心系统的日常运维与监控；\n"
    "· 处理生产故障，编写应急预案。\n"
    "**任职资格：**\n"
    "· 计算机相关专业；\n"
    "· 持有RHCE证书者优先。\n"
    "⏰ 报名时间：即日起至5月31日\n"
)


@pytest.mark.parametrize(
    "head",
    [
        "👉 **岗位{n}：{t}**",  # the emoji before the bold
        "**👉 岗位{n}：{t}**",  # ... inside it
        "👉 __岗位{n}：{t}__",
        "👉**岗位{n}: {t}**👈",
        "**岗位{n}：{t}** 👉",
    ],
)
def test_role_heads_in_emoji_and_bold(head: str) -> None:
    text = _TWO_POSTS.format(
        head1=head.format(n="一", t="数据分析岗"), head2=head.format(n="二", t="系统运维岗")
    )
    got = parse_posting_text(text)
    assert [p.title for p in got] == ["数据分析岗", "系统运维岗"]
    assert _texts(got[1].requirements) == ["计算机相关专业；", "持有RHCE证书者优先。"]
    assert all("*" not in r for p in got for r in _texts(p.requirements))


def test_every_line_accounted_for_with_headings() -> None:
    text = (
        "📌 招聘岗位：风险策略经理（1人）\n"
        "📍 工作地点：上海\n"
        "\n"
        "💼 岗位职责\n"
        "1⃣ 负责信用卡贷前审批策略的制定与优化；\n"
        "2⃣ 负责风险模型的监控与迭代；\n"
        "\n"
        "🎯 任职要求\n"
        "✅ 统计学、数学等相关专业硕士及以上学历；\n"
        "✅ 持有FRM证书者优先。\n"
        "💰 薪资福利\n"
        "六险二金、带薪年假\n"
        "📋 岗位职责：负责撰写风险分析报告。\n"  # a heading with its item: an item's line
    )
    (p,) = parse_posting_text(text)
    assert [(h.line, h.text, h.reason) for h in p.headings] == [
        (4, "💼 岗位职责", "duties"),
        (8, "🎯 任职要求", "requirements"),
    ]
    seen = {p.line} | {i.line for i in p.duties + p.requirements}
    seen |= {d.line for d in p.dropped} | {h.line for h in p.headings}
    lines = text.splitlines()
    assert seen == {n for n, s in enumerate(lines, 1) if s.strip()}
    report = p.report()
    assert "headings (2):" in report
    assert "line 4: 💼 岗位职责  -- duties" in report


def test_each_posting_lists_its_own_headings() -> None:
    (a, b) = parse_posting_text(
        _TWO_POSTS.format(head1="岗位一：数据分析岗", head2="岗位二：运维岗")
    )
    assert [h.line for h in a.headings] == [4, 7]
    assert [h.line for h in b.headings] == [11, 14]
    assert {h.reason for h in a.headings + b.headings} == {"duties", "requirements"}


def test_other_jobs_on_a_job_page() -> None:
    text = (
        "初中数学教师\n"
        "8-13K·13薪\n"
        "岗位职责：\n"
        "负责初中数学课程的教学工作；\n"
        "任职要求：\n"
        "数学相关专业本科及以上学历；\n"
        "### 看过该职位的人还看了\n"
        "- 高中数学老师 10-15K\n"
        "- 小学语文老师 6-9K\n"
    )
    (p,) = parse_posting_text(text)
    reasons = {d.text: d.reason for d in p.dropped}
    assert reasons["- 高中数学老师 10-15K"] == "other jobs on the page"
    assert reasons["- 小学语文老师 6-9K"] == "other jobs on the page"
    assert reasons["8-13K·13薪"] == "pay and benefits"  # the post's own pay stays pay
