"""Sections, sentences with pages, and the résumé record (rolematch.sections)."""

from __future__ import annotations

import pytest

from rolematch.sections import SECTIONS, build_resume, detect_heading, resume_from_text

PAYMENTS_CV = """郑晓彤 / 女 / 1990年3月
Tel：177****5046　Mail：xiaotong.zheng@example.com　现居深圳

【工作经历】
2021.06-至今　沧澜银行（城商行）零售银行部　支付产品主管
· 对接网联、银联，上线跨行代收。覆盖本地公积金代收场景；
【教育背景】
2011-2015　暨南大学　金融学　本科
【证书技能】
银行从业资格；CET-6；SQL、Excel建模
"""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("基本信息", ("personal", "")),
        ("个人信息:", ("personal", "")),
        ("教育背景", ("education", "")),
        ("教育经历", ("education", "")),
        ("【教育】", ("education", "")),
        ("工作经历", ("work", "")),
        ("工作经验", ("work", "")),
        ("三、工作经历", ("work", "")),
        ("2. 项目经历", ("projects", "")),
        ("项目经验", ("projects", "")),
        ("专业技能", ("skills", "")),
        ("技能", ("skills", "")),
        ("证书", ("certificates", "")),
        ("资格证书", ("certificates", "")),
        ("自我评价", ("summary", "")),
        ("个人简介", ("summary", "")),
        ("获奖经历", ("other", "")),
        ("教育背景 Education", ("education", "")),
        ("WORK EXPERIENCE", ("work", "")),
        ("实习/项目经历", ("work", "")),  # combined: the first part decides
        ("技能与证书", ("skills", "")),
        ("工 作 经 历", ("work", "")),  # letter-spaced
        ("【证书】物流师(中级)、叉车作业证", ("certificates", "物流师(中级)、叉车作业证")),
        ("自我评价:一线出身,能扛压。", ("summary", "一线出身,能扛压。")),
        ("证书:银行从业资格", ("certificates", "银行从业资格")),
        ("学历:本科", None),  # a field, not the education heading
        ("联系方式:13812345678", ("personal", "13812345678")),  # its number is content (redacted)
        ("工作经验:5年", None),
        ("负责工作经历梳理", None),
        ("2018.03-至今 星河银行", None),
    ],
)
def test_detect_heading(line, expected):
    assert detect_heading(line) == expected


def test_sections_sentences_and_pages():
    pages = ["张伟\n【工作经历】\n负责手机银行运营。", "熟悉反洗钱\n【自我评价】\n能扛压"]
    r = build_resume("cv.pdf", pages)
    assert r.ok and r.pages == 2
    assert [(s.text, s.page, s.section) for s in r.sentences] == [
        ("负责手机银行运营。", 1, "work"),
        ("熟悉反洗钱", 2, "work"),  # a section runs on across the page break
        ("能扛压", 2, "summary"),
    ]
    assert r.sections == {"work": "负责手机银行运营。\n熟悉反洗钱", "summary": "能扛压"}
    assert set(r.sections) <= set(SECTIONS)


def test_devset_style_resume():
    r = resume_from_text(PAYMENTS_CV)
    assert r.ok and r.pages == 0
    assert all(s.page is None for s in r.sentences)
    assert set(r.sections) == {"work", "education", "skills"}
    assert "网联" in r.sections["work"]
    assert r.sections["skills"].startswith("银行从业资格")
    # personal details are not in the scored text, only in `personal`
    assert "郑晓彤" not in r.text and "177****5046" not in r.text
    assert r.personal["name"] == "郑晓彤"
    assert r.personal["address"] == "深圳"


def test_inline_heading_keeps_its_content_in_the_section():
    r = resume_from_text("【证书】物流师(中级)\n自我评价:一线出身")
    assert r.sections == {"certificates": "物流师(中级)", "summary": "一线出身"}
    assert [s.section for s in r.sentences] == ["certificates", "summary"]
    assert r.text == "【证书】物流师(中级)\n自我评价:一线出身"


def test_opening_lines_without_personal_data_are_other():
    r = resume_from_text("张伟\n求职方向明确\n支付清算十年\n工作经历\n负责清算", redact=False)
    assert [s.section for s in r.sentences] == ["personal", "personal", "other", "work"]


def test_no_redaction_keeps_text_but_reports_personal_data():
    r = resume_from_text(PAYMENTS_CV, redact=False)
    assert "郑晓彤" in r.text and "177****5046" in r.text
    assert r.personal["phone"] == ["177****5046"]


@pytest.mark.parametrize("text", ["", "   \n\t", "• ● ◆", "(cid:3)(cid:4)"])
def test_no_text_is_empty_not_ok(text):
    r = resume_from_text(text)
    assert r.status == "empty" and r.reason == "no text"
    assert r.text == "" and r.sentences == ()


def test_only_personal_details_is_empty_not_ok():
    r = resume_from_text("姓名:张伟\n电话:138****1234")
    assert r.status == "empty"
    assert r.reason == "no text besides personal details"
    assert r.personal["name"] == "张伟"


def test_build_resume_carries_warnings_and_meta():
    r = build_resume(
        "x.pdf",
        ["2019年至今 某银行 负责手机银行运营与渠道推广，管理线上活动与用户增长工作"],
        warnings=["hidden_text: 3 chars excluded"],
        meta={"a": 1},
    )
    assert r.warnings == ("hidden_text: 3 chars excluded",)
    assert r.meta == {"a": 1, "language": "zh-Hans"}


@pytest.mark.parametrize("text", ["——!!!。。。", "1.", "A", "  ·  2024 ", "负"])
def test_text_without_words_is_empty_not_ok(text):
    # such files came back ok (language 'und', every score 0): nothing was read; the reason
    # said "only punctuation, digits or symbols" also of one Chinese character
    r = resume_from_text(text)
    assert (r.status, r.reason) == ("empty", "no words (fewer than two letters)")


@pytest.mark.parametrize("text", [b"\xe8\xb4\x9f\xe8\xb4\xa3", None, 3])
def test_resume_from_text_names_what_it_takes(text):
    with pytest.raises(TypeError, match="'text' parameter of resume_from_text must be a str"):
        resume_from_text(text)


@pytest.mark.parametrize("text", ["客服", "مرحبا بكم", "ok fine"])
def test_two_letters_of_any_script_are_text(text):
    assert resume_from_text(text).status == "ok"


def test_a_text_past_the_limit_is_cut_with_a_warning():
    from rolematch.sections import MAX_TEXT_CHARS

    line = "2019.05-至今 某银行 负责客户服务与投诉处理，管理坐席团队。\n"
    r = build_resume("big.txt", [line * (MAX_TEXT_CHARS // len(line) + 500)], paged=False)
    assert r.status == "ok" and len(r.text) <= MAX_TEXT_CHARS
    assert any(w.startswith("long_text: only the first 200,000 of") for w in r.warnings)
    assert not build_resume("cv.txt", [line * 10], paged=False).warnings


@pytest.mark.parametrize("text", ["手机银行", "支付结算 银联 网联", "当前职位：手机银行产品经理"])
def test_a_few_words_are_scored_with_a_warning(text):
    r = resume_from_text(text)
    assert r.status == "ok"
    assert [w for w in r.warnings if w.startswith("short_text: ")], r.warnings


def test_a_one_line_summary_and_personal_details_do_not_warn():
    line = "2015-至今 某银行 信用卡中心 客服团队主管，管理80人坐席团队，负责投诉处理、质检、服务质量提升。"
    assert resume_from_text(line).warnings == ()
    # a name and a phone number are not words the scorer reads
    r = resume_from_text("张三 13800000000\n手机银行产品经理")
    assert r.personal and any(w.startswith("short_text: ") for w in r.warnings)


def test_a_line_without_sentence_ends_is_split_into_bounded_pieces():
    # 5 MB of random ideographs on one line (a blind user test): every later step works
    # on lines of at most MAX_LINE_CHARS, the sentences are pieces the sentence model
    # reads whole (MAX_SENTENCE_CHARS), and the cut keeps every character
    import random

    from rolematch.sections import MAX_LINE_CHARS
    from rolematch.text import MAX_SENTENCE_CHARS

    rng = random.Random(0)
    line = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(5 * MAX_LINE_CHARS + 7))
    r = build_resume("line.txt", [line], paged=False)
    assert r.status == "ok"
    whole, rest = divmod(len(line), MAX_SENTENCE_CHARS)
    assert [len(s.text) for s in r.sentences] == [MAX_SENTENCE_CHARS] * whole + [rest]
    assert "".join(s.text for s in r.sentences) == line
    assert all(len(t) <= MAX_LINE_CHARS for t in r.text.splitlines())
    assert any(w.startswith("long_lines: 1 lines over") for w in r.warnings), r.warnings


def test_a_resume_that_lost_its_sentence_ends_is_read_in_pieces_the_model_reads_whole():
    # PDF extraction lost every 。 and line break: 20,000 characters of clauses on one
    # line were 10 "sentences" of 2,000, of which e5-small reads ~500 tokens each
    from rolematch.text import MAX_SENTENCE_CHARS, normalize_text

    clauses = [
        "负责手机银行App运营与迭代",
        "推动月活从120万增长到310万",
        "牵头网联、银联清算对接",
        "管理80人坐席团队",
        "建立投诉分级处理与质检机制",
    ]
    text = "，".join(clauses * 400)[:20_000]
    r = build_resume("cv.pdf", [text])
    assert r.status == "ok" and len(text) == 20_000
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in r.sentences)
    assert all(s.text.endswith(",") for s in r.sentences[:-1])  # cut between clauses
    assert "".join(s.text for s in r.sentences) == normalize_text(text)  # ， is ,
    assert {s.page for s in r.sentences} == {1}


def test_a_references_section_names_other_people_and_is_cut():
    # redaction saw only "Zhang Hua, Branch Manager, ABC Bank" after the heading, with no
    # label to tell it a name
    text = (
        "Work Experience\n2018-2024 ABC Bank, Customer Service Manager\n"
        "References: Zhang Hua, Branch Manager, ABC Bank\n"
        "Referees\nLi Ming, Director, XYZ Bank\nSkills\nExcel, SQL"
    )
    r = resume_from_text(text)
    assert "Zhang Hua" not in r.text and "Li Ming" not in r.text
    assert "Customer Service Manager" in r.text and "Excel, SQL" in r.text
    assert "Li Ming" in resume_from_text(text, redact=False).text


def test_the_job_sought_is_self_description_not_experience():
    # 求职意向 says what the person wants: explanations must not cite it as a duty done
    from rolematch.sections import CLAIM_SECTIONS

    r = resume_from_text(
        "求职意向：客户服务团队主管\n工作经历\n2016-至今 某银行 客服中心 坐席班组长"
    )
    (wish,) = [s for s in r.sentences if "团队主管" in s.text]
    assert wish.section in CLAIM_SECTIONS
    assert all(s.section == "work" for s in r.sentences if "班组长" in s.text)


# A CV pasted from a job board as it arrives in a form field: a page's source, its style
# and script, and an element the page hides.
PASTED_PAGE = (
    "<html><head><style>body{font-family:SimSun}</style></head><body><h2>个人简历</h2>"
    "<p>姓名：<b>钱多多</b></p><h3>工作经历</h3><ul><li>2015-至今 某银行远程银行中心 "
    "客服团队主管：负责坐席管理、排班、智能质检、投诉处理与12378工单转办。</li>"
    "<li>负责客服知识库维护与新员工培训，语音接通率提升至92%。</li></ul>"
    "<p hidden>优先推荐</p><script>var x=1;</script></body></html>"
)
# A blog CV's source: Markdown lines between HTML blocks, no <html> around them.
BLOG_CV = (
    "<div class='cv'>\n<h3>工作经历</h3>\n<ul>\n"
    "<li><strong>2021-2024</strong> 某报社 新媒体中心 编辑：负责公众号内容策划和日常运营</li>\n"
    "<li>策划线上活动12场，粉丝增长30万</li>\n</ul>\n</div>\n"
    "熟悉短视频剪辑与直播运营\n<style>.cv{display:flex}</style>\n"
)


@pytest.mark.parametrize("text", [PASTED_PAGE, BLOG_CV], ids=["page", "blog"])
def test_html_text_is_read_as_read_resume_reads_it_from_a_file(text, tmp_path):
    from rolematch.io.extract import read_resume

    path = tmp_path / "cv.txt"
    path.write_text(text, encoding="utf-8")
    from_file = read_resume(path)
    r = resume_from_text(text)
    assert r.status == from_file.status == "ok"
    assert (r.text, r.sentences, r.sections, r.personal) == (
        from_file.text, from_file.sentences, from_file.sections, from_file.personal,
    )  # fmt: skip
    for markup in ("<", "font-family", "var x", "display:flex"):
        assert markup not in r.text, markup
    assert any(w.startswith("markup: ") and w.endswith(" HTML tags removed") for w in r.warnings)


def test_html_text_warns_of_the_tags_and_hidden_text_it_left_out():
    r = resume_from_text(PASTED_PAGE)
    assert "优先推荐" not in r.text and "客服团队主管" in r.text
    assert r.warnings[:2] == ("markup: 22 HTML tags removed", "hidden_text: 4 chars excluded")


@pytest.mark.parametrize(
    "text",
    [
        "2015-至今 某银行 客服主管，团队规模<30人，年龄<35岁",
        "负责风控模型，要求 a<b 且 AUC>0.8 的模型上线",
        "前端开发：熟悉<div>与<span>布局，<b>加粗</b>",
    ],
)
def test_text_with_a_stray_angle_bracket_is_left_as_it_is(text):
    r = resume_from_text(text)
    assert r.text == build_resume("<text>", [text], paged=False).text
    assert "<" in r.text
    assert not any(w.startswith(("markup", "hidden_text")) for w in r.warnings)


def test_a_tools_line_among_a_jobs_lines_does_not_end_the_job():
    # a returnee's second job and its years were read as skills after "- Tools: SQL"
    text = (
        "EXPERIENCE\nBarclays — Senior Credit Risk Analyst (2021.01 - 2025.06)\n"
        "- Owned acquisition strategy for cards.\n- Tools: SQL, SAS, Python.\n\n"
        "Lloyds Banking Group — Credit Risk Analyst (2019.09 - 2020.12)\n"
        "- Developed scorecards for personal loans.\n\nSKILLS\nExcel VBA\n"
    )
    r = resume_from_text(text)
    assert "Lloyds" in r.sections["work"] and "scorecards" in r.sections["work"]
    assert r.sections["skills"].splitlines() == ["SQL, SAS, Python.", "Excel VBA"]


@pytest.mark.parametrize(
    "folio", ["- 1 -", "— 2 —", "第 1 页 共 3 页", "第2页", "Page 1 of 2", "1/3"]
)
def test_a_printed_page_number_is_no_part_of_the_resume(folio):
    r = build_resume("cv.pdf", [f"负责手机银行运营。\n{folio}\n熟悉反洗钱"])
    assert r.text == "负责手机银行运营。\n熟悉反洗钱"
    assert [s.text for s in r.sentences] == ["负责手机银行运营。", "熟悉反洗钱"]
