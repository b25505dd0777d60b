"""A notice's conditions for every post (二、基本条件) go to every post, before or after
the posts, and are never a post of their own (a blind recruiter's notices)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rolematch.io.postings import read_postings, roles_from_text

POSTS = (
    "二、招聘岗位\n岗位名称：数据治理专员\n岗位职责：\n1. 负责数据标准和元数据管理\n"
    "任职要求：\n1. 熟悉DAMA，熟练掌握SQL\n"
    "岗位名称：反洗钱岗\n岗位职责：\n1. 负责可疑交易监测和报告\n任职要求：\n1. 2年以上反洗钱工作经验\n"
)
COMMON = "一、应聘基本条件\n1. 具有中华人民共和国国籍，遵纪守法\n2. 年龄35周岁以下\n"


@pytest.mark.parametrize("where", ["before", "after"])
def test_common_conditions_go_to_every_post(tmp_path: Path, where: str) -> None:
    text = (
        f"江城银行2026年社会招聘公告\n{COMMON}{POSTS}"
        if where == "before"
        else (f"江城银行2026年社会招聘公告\n{POSTS}{COMMON.replace('一、', '三、')}")
    )
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    posts = read_postings(path)
    assert [p.title for p in posts] == ["数据治理专员", "反洗钱岗"]
    for p in posts:
        reqs = [r.text for r in p.requirements]
        assert reqs[-2:] == ["具有中华人民共和国国籍，遵纪守法", "年龄35周岁以下"], reqs
        assert len(reqs) == 3


def test_a_posts_own_basic_requirements_stay_its_own(tmp_path: Path) -> None:
    # 基本要求 under one post, not numbered as a notice's section, is that post's
    text = POSTS.replace("任职要求：\n1. 熟悉DAMA", "基本要求：\n1. 熟悉DAMA")
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    posts = read_postings(path)
    assert [r.text for r in posts[0].requirements] == ["熟悉DAMA，熟练掌握SQL"]
    assert [r.text for r in posts[1].requirements] == ["2年以上反洗钱工作经验"]


def test_a_workbook_notice_gives_its_conditions_to_every_post(tmp_path: Path) -> None:
    # a notice as a form sheet: labels beside values, the conditions below the posts
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    rows = [["江城银行2026年社会招聘公告"]]
    for title, duty, req in [
        ("数据治理专员", "1. 负责数据标准和元数据管理", "1. 熟悉DAMA，熟练掌握SQL"),
        ("反洗钱岗", "1. 负责可疑交易监测和报告", "1. 2年以上反洗钱工作经验"),
    ]:
        rows += [["岗位名称", title], ["岗位职责", duty], ["任职要求", req]]
    rows += [[line] for line in COMMON.replace("一、", "三、").splitlines()]
    for row in rows:
        book.active.append(row)
    path = tmp_path / "notice.xlsx"
    book.save(path)
    posts = read_postings(path)
    assert [p.title for p in posts] == ["数据治理专员", "反洗钱岗"]
    for p in posts:
        assert [r.text for r in p.requirements][-1] == "年龄35周岁以下"


def test_text_of_a_notice_gives_its_conditions_to_every_post() -> None:
    roles = roles_from_text(f"江城银行2026年社会招聘公告\n{COMMON}{POSTS}")
    assert [r.title for r in roles] == ["数据治理专员", "反洗钱岗"]
    assert all("年龄35周岁以下" in r.requirements for r in roles)
