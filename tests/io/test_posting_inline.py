"""Posting layouts where the structure hides inside a line or a list: a job board's
sections run into one line, items between slashes, a posting quoted in a mail reply, an
announcement's introduction above its posts, a page's nested lists, a flyer's
letter-spaced headings."""

from __future__ import annotations

from pathlib import Path

from rolematch.io.postings import parse_posting_text, read_postings
from tests.io._files import texts as _texts
from tests.io._files import write_utf8 as _write


def test_bracketed_headings_inside_one_line() -> None:
    text = (
        "数据产品经理\n职位介绍\n"
        "【岗位职责】1、负责经营分析平台的规划与设计；2、梳理运营团队的数据需求，输出PRD；"
        "3、跟踪产品上线效果，持续迭代优化。【任职要求】1、本科及以上学历，统计学等相关专业；"
        "2、熟练使用SQL。【加分项】有推荐系统产品经验者优先。\n"
        "其他信息\n所属部门：数据中台部\n"
    )
    (p,) = parse_posting_text(text)
    assert _texts(p.duties)[-1] == "跟踪产品上线效果，持续迭代优化。"
    assert _texts(p.requirements) == [
        "本科及以上学历，统计学等相关专业；",
        "熟练使用SQL。",
        "有推荐系统产品经验者优先。",
    ]
    assert p.requirements[-1].preferred
    assert "其他信息" in {d.text for d in p.dropped}  # a job board's section, no item


def test_items_between_slashes_on_one_line() -> None:
    text = (
        "岗位一：后厨切配工\n"
        "工作内容：洗菜择菜/荤素菜品切配摆盘/冻品解冻和分装\n"
        "要求：50岁以下 / 吃苦耐劳，手脚麻利 / 会刀工者优先\n"
        "福利：包吃包住 / 月休4天 / 满3个月缴社保\n"
    )
    (p,) = parse_posting_text(text)
    assert _texts(p.duties) == ["洗菜择菜", "荤素菜品切配摆盘", "冻品解冻和分装"]
    assert _texts(p.requirements) == ["50岁以下", "吃苦耐劳，手脚麻利", "会刀工者优先"]
    # words a slash joins inside one item stay one item
    (q,) = parse_posting_text("数据分析师\n任职要求：\n1. 熟悉Python/SQL/Tableau；\n")
    assert _texts(q.requirements) == ["熟悉Python/SQL/Tableau；"]


def test_posting_quoted_in_a_mail_reply(tmp_path: Path) -> None:
    mail = (
        "王顾问：\nJD没问题，可以按这个版本发布。\n周敏\n\n"
        "在 2026年11月16日 15:12，王磊 <wanglei@example.com> 写道：\n"
        "> 周经理您好，\n> 根据昨天电话沟通，JD整理如下，请确认：\n>\n"
        "> 职位：供应商质量工程师（SQE）\n>\n> 岗位职责：\n"
        "> 1. 负责新供应商的质量体系审核；\n> 2. 推动供应商完成8D整改。\n>\n"
        "> 任职要求：\n> 1. 3年以上汽车零部件行业SQE经验。\n>\n> 王磊 | 高级顾问\n"
    )
    (p,) = read_postings(_write(tmp_path, "reply.txt", mail))
    assert p.title == "供应商质量工程师（SQE）"  # not the salutation 王顾问
    assert _texts(p.duties) == ["负责新供应商的质量体系审核；", "推动供应商完成8D整改。"]
    assert _texts(p.requirements) == ["3年以上汽车零部件行业SQE经验。"]


def test_announcement_introduction_above_its_posts_is_no_posting() -> None:
    text = (
        "江州公交集团有限公司2026年公开招聘工作人员公告\n"
        "江州公交集团有限公司是市属国有独资企业，主要承担中心城区公共交通运营服务。"
        "根据企业发展需要，现面向社会公开招聘工作人员，有关事项公告如下：\n"
        "一、招聘岗位及条件\n(一)安全管理岗(2名)\n"
        "岗位职责：1.负责车队安全生产检查；\n2.组织驾驶员安全教育培训。\n"
        "任职资格：1.大专及以上学历；\n2.持有注册安全工程师证书。\n"
    )
    (p,) = parse_posting_text(text)
    assert p.title == "安全管理岗"
    assert _texts(p.duties) == ["负责车队安全生产检查；", "组织驾驶员安全教育培训。"]
    assert _texts(p.requirements) == ["大专及以上学历；", "持有注册安全工程师证书。"]


def test_bulleted_headings_of_a_nested_html_list(tmp_path: Path) -> None:
    page = """<html><body><h1>小学英语教师</h1>
<p class="meta">发布时间：2026-11-15　工作地点：江州市</p>
<ul class="jd">
<li><span class="tit">岗位职责</span>
  <ul>
    <li>负责小学英语课堂教学；</li>
    <li>参与英语学科教研活动。</li>
  </ul>
</li>
<li><span class="tit">任职要求</span>
  <ul>
    <li>英语相关专业本科及以上学历；</li>
  </ul>
</li>
<li><span class="tit">我们提供</span>
  <ul>
    <li>寒暑假带薪假期</li>
  </ul>
</li>
</ul></body></html>"""
    (p,) = read_postings(_write(tmp_path, "teacher.html", page))
    assert _texts(p.duties) == ["负责小学英语课堂教学；", "参与英语学科教研活动。"]
    assert _texts(p.requirements) == ["英语相关专业本科及以上学历；"]


def _flyer(path: Path) -> Path:
    """A flyer PDF: a long facts line, then a letter-spaced heading 20 pt below it in a
    larger size, as a designer sets one; the facts line reaches the right margin."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(420, 595))
    y = 540.0
    for size, text in [
        (15, "电芯工艺工程师"),
        (10.5, "工作地点：江州市经开区 学历：本科及以上 薪资：10-16K（14薪）"),
        (12, "岗 位 职 责"),
        (10.5, "◆ 负责电芯涂布、辊压等前段工序的工艺参数制定与优化，编写作业指导书；"),
        (10.5, "◆ 跟踪产线良率，分析异常原因并推动改善。"),
        (12, "任 职 要 求"),
        (10.5, "◆ 本科及以上学历，化学、材料等相关专业；"),
        (10.5, "◆ 2年以上锂电池电芯制造工艺工作经验。"),
    ]:
        c.setFont("STSong-Light", size)
        c.drawString(40, y, text)
        y -= 20 if size == 12 or text.startswith("工作") else 18
    c.save()
    return path


def test_letter_spaced_headings_of_a_flyer(tmp_path: Path) -> None:
    (p,) = read_postings(_flyer(tmp_path / "flyer.pdf"))
    assert p.title == "电芯工艺工程师"
    assert len(p.duties) == 2 and _texts(p.duties)[1] == "跟踪产线良率，分析异常原因并推动改善。"
    assert _texts(p.requirements) == [
        "本科及以上学历，化学、材料等相关专业；",
        "2年以上锂电池电芯制造工艺工作经验。",
    ]
    # the heading is read alone, not glued to the facts line above it
    assert all("岗" not in d.text for d in p.dropped)


def test_emoji_around_a_title_and_a_list_of_other_openings() -> None:
    text = (
        "🔥🔥【急招】数据分析专家（零售信贷方向）🔥🔥\n岗位职责：\n1. 负责零售信贷数据分析；\n"
        "任职要求：\n1. 统计学相关专业；\n其他在招职位：Java开发工程师 | 产品经理\n"
    )
    (p,) = parse_posting_text(text)
    # the same title (and so the same id) whether the file kept its emoji or not (GBK)
    assert p.title == "数据分析专家（零售信贷方向）"
    assert {d.text: d.reason for d in p.dropped}["其他在招职位：Java开发工程师 | 产品经理"] == (
        "other jobs on the page"
    )


def test_a_resume_given_as_a_posting_is_flagged() -> None:
    cv = (
        "宋佳怡，女\n工作经历：\n2017年3月—至今　北辰银行消费者权益保护部　高级经理\n"
        "1. 组织新产品上线前的消保审查；\n2012年7月—2017年2月　某律师事务所　律师助理\n"
        "教育背景：\n2008-2012　中国政法大学　法学　本科\n"
    )
    (p,) = parse_posting_text(cv)
    assert p.warnings and "résumé" in p.warnings[0] and "warning:" in p.report()
    posting = "客服专员\n岗位职责：\n1. 接听客户来电；\n任职要求：\n1. 有2年以上工作经历；\n"
    assert parse_posting_text(posting)[0].warnings == []


def test_chat_group_notice_with_each_post_one_paragraph() -> None:
    text = (
        "【宏达电子厂招工通知】\n"
        "①招设备电工2名：要求持有低压电工证；3年以上工厂设备维修经验；能适应两班倒。"
        "负责全厂设备日常维修保养；配电房巡检及记录。待遇6500-8000元/月，包吃住。\n"
        "②招品检员3名，要求高中及以上学历，视力良好无色盲，负责来料检验和成品抽检，"
        "做好检验记录，待遇5000-6000元/月，长白班。\n"
    )
    first, second = parse_posting_text(text)
    assert (first.title, second.title) == ("设备电工", "品检员")
    assert _texts(first.requirements) == [
        "持有低压电工证；", "3年以上工厂设备维修经验；", "能适应两班倒。",
    ]  # fmt: skip
    assert _texts(first.duties) == ["负责全厂设备日常维修保养；", "配电房巡检及记录。"]
    assert _texts(second.requirements) == ["高中及以上学历", "视力良好无色盲"]


def test_ocr_item_numbers_spaced_headings_and_an_old_words_rtf(tmp_path: Path) -> None:
    scan = (
        "岗位名称：水质化验员\n二 、岗位职责\nl.负责出厂水的理化指标检测；\n"
        "2．开展水质检测并出具报告；\n3，负责实验室仪器设备的维护；\n"
        "三、任 职 条 件\n(1)大专及以上学历；\n"
    )
    (p,) = parse_posting_text(scan)
    assert _texts(p.duties) == [
        "负责出厂水的理化指标检测；", "开展水质检测并出具报告；", "负责实验室仪器设备的维护；",
    ]  # fmt: skip
    assert _texts(p.requirements) == ["大专及以上学历；"]
    rtf = (
        r"{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fnil\fcharset134 SimSun;}}"
        r"\f0 \'c7\'b0\'cc\'a8\'bd\'d3\'b4\'fd\par "  # 前台接待
        r"\'b8\'da\'ce\'bb\'d6\'b0\'d4\'f0\par "  # 岗位职责
        r"1.\'bd\'d3\'b4\'fd\'b7\'c3\'bf\'cd\'a3\'bb\par "  # 1.接待访客；
        r"\'c8\'ce\'d6\'b0\'d2\'aa\'c7\'f3\par "  # 任职要求
        r"1.\'b4\'f3\'d7\'a8\'d1\'a7\'c0\'fa\'a1\'a3\par}"  # 1.大专学历。
    )
    (path := tmp_path / "notice.rtf").write_bytes(rtf.encode("ascii"))
    (q,) = read_postings(path)
    assert (q.title, _texts(q.duties), _texts(q.requirements)) == (
        "前台接待", ["接待访客；"], ["大专学历。"],
    )  # fmt: skip
    (e,) = parse_posting_text(
        "Quality Engineer\nKey Responsibilities\n- Lead supplier audits.\n"
        "Must have\n- 5+ years of quality engineering.\nNice to have\n- Six Sigma Black Belt.\n"
    )
    assert _texts(e.requirements) == ["5+ years of quality engineering.", "Six Sigma Black Belt."]
