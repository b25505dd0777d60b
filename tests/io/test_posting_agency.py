"""A headhunter's mail of several posts (a user's files): the posts' headings (职位一：,
1、Title, Job 1:), a warning where several posts still read as one, payment duties
that name a QR code (扫码支付), and the mail's sign-off below the last post."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from rolematch.cli import main
from rolematch.exceptions import RoleSpecError
from rolematch.io.posting_lines import load_lexicon, noise_reason
from rolematch.io.postings import Posting, parse_posting_text, read_postings, roles_from_text
from rolematch.io.roles import RoleFileWarning
from tests.io._files import texts as _texts
from tests.io._files import write_utf8 as _write

HEADER = """发件人：Grace Zhou <grace.zhou@hunterlink.cn>
主题：【急招】本周重点职位 3 个（上海，银行/金融科技）——请优先推荐

各位顾问好，

以下是本周客户新释放的三个职位，请大家优先匹配手里的候选人，推荐前先电话确认意向。
"""

#: (title, the lines between the title and the duties, duties, requirements)
POSTS = [
    (
        "支付产品经理（收单/跨境）",
        ["工作地点：上海·浦东陆家嘴", "薪资范围：35-50K × 15薪", "汇报对象：支付产品部总经理", "招聘人数：2人"],
        ["负责银行卡收单、聚合支付、扫码支付等收单产品的规划与设计，制定产品路线图；",
         "对接银联、网联等清算组织及第三方支付机构，推动接口联调和业务合作。"],
        ["本科及以上学历，金融、计算机、经济类专业优先；",
         "5年以上支付行业产品经验，其中至少2年收单或跨境支付产品经验。"],
    ),
    (
        "零售信贷风控策略经理",
        ["工作地点：上海·静安", "薪资范围：30-45K × 14薪"],
        ["负责零售信贷产品的贷前审批策略、授信额度及定价策略的制定与优化；",
         "搭建并迭代申请评分卡、行为评分卡，监控模型效果（KS、AUC、PSI）。"],
        ["统计学、数学、金融工程等相关专业硕士及以上学历；",
         "精通SQL、Python或SAS，熟悉逻辑回归、XGBoost等建模方法。"],
    ),
    (
        "银行App运营主管",
        ["工作地点：上海·浦东张江", "薪资范围：25-35K × 14薪"],
        ["负责手机银行App的用户增长与活跃运营，制定拉新、促活、留存策略；",
         "分析App核心数据指标（MAU、DAU、转化率），输出运营分析报告。"],
        ["5年以上互联网或银行线上渠道运营经验，2年以上团队管理经验；",
         "数据敏感，熟练使用Excel、SQL等数据分析工具。"],
    ),
]  # fmt: skip

#: the mail's close: a contact line with a phone number, 谢谢！, the signature
CONTACT = "如有疑问请联系 Grace 138-1234-5678（微信同号）。"
SIGN_OFF = ["谢谢！", "Grace Zhou | 猎聘顾问总监", "HunterLink 人才咨询（上海）有限公司"]
FOOTER = f"推荐流程：简历请发送至 grace.zhou@hunterlink.cn。\n{CONTACT}\n\n" + "\n".join(SIGN_OFF)
RULE = "======================================"
CN_NUMBERS = "一二三"


def _mail(heading: str, rules: bool = True) -> str:
    """The mail with each post's title line written as ``heading.format(n=…, cn=…)``."""
    parts = [HEADER]
    for n, (title, fields, duties, reqs) in enumerate(POSTS, 1):
        head = heading.format(n=n, cn=CN_NUMBERS[n - 1], title=title)
        parts += [RULE] if rules else []
        parts += [head, *fields, "", "岗位职责："]
        parts += [f"{i}. {d}" for i, d in enumerate(duties, 1)]
        parts += ["", "任职要求："]
        parts += [f"{i}. {r}" for i, r in enumerate(reqs, 1)]
        parts.append("")
    parts += [RULE] if rules else []
    return "\n".join([*parts, FOOTER, ""])


def _check_three_posts(postings: Sequence[Posting]) -> None:
    assert [p.title for p in postings] == [title for title, *_ in POSTS]
    for p, (_, _, duties, reqs) in zip(postings, POSTS, strict=True):
        assert _texts(p.duties) == duties
        assert _texts(p.requirements) == reqs
        assert p.warnings == []


# ------------------------------------------------------------------ post headings
@pytest.mark.parametrize(
    "heading",
    [
        "职位{cn}：{title}",  # the user's mail
        "职位{n}：{title}",
        "职位{cn}: {title}",
        "招聘岗位{n}：{title}",
        "{n}、{title}",  # each numbered title above its own 岗位职责
        "{n}. {title}",
        "（{n}）{title}",
        "**{n}、{title}**",
        "Job {n}: {title}",
        "Position {n} – {title}",
        # read right before, the same text under these: the same posts
        "岗位{cn}：{title}",
        "{cn}、{title}",
        "【{title}】",  # the title without its brackets
    ],
)
def test_each_numbered_post_heading_opens_a_post(tmp_path: Path, heading: str) -> None:
    path = _write(tmp_path, "agency_jd_email.txt", _mail(heading))
    postings = read_postings(path)
    _check_three_posts(postings)
    # no rule between the posts: the headings alone split them
    _check_three_posts(parse_posting_text(_mail(heading, rules=False)))


def test_a_traditional_post_heading_keeps_the_title_as_written() -> None:
    text = _mail("職位{cn}：{title}").replace("支付产品经理", "支付產品經理")
    postings = parse_posting_text(text)
    assert [p.title for p in postings][0] == "支付產品經理（收单/跨境）"
    assert len(postings) == 3


def test_numbered_duties_with_title_words_stay_items() -> None:
    # 1、运营团队主管 reads like a title, but a requirement heading follows the last
    # of them, not a duty one: the items of one post, not posts
    text = (
        "岗位名称：运营主管\n岗位职责：\n1、运营团队主管\n2、活动策划专员\n"
        "任职要求：\n1、本科及以上学历\n2、3年以上运营经验\n"
    )
    (p,) = parse_posting_text(text)
    assert p.title == "运营主管"
    assert _texts(p.duties) == ["运营团队主管", "活动策划专员"]
    assert _texts(p.requirements) == ["本科及以上学历", "3年以上运营经验"]


def test_a_numbered_title_is_a_post_only_beside_the_post_numbered_next_to_it() -> None:
    # 1、 then 3、: no run of posts; the text is one posting, as before
    text = _mail("{n}、{title}").replace("2、零售信贷风控策略经理", "7、零售信贷风控策略经理")
    titles = [p.title for p in parse_posting_text(text)]
    assert "零售信贷风控策略经理" not in titles


# ------------------------------------------------ several posts that still read as one
SEVERAL = "3 岗位职责/任职要求 sections in one untitled posting: are these several posts?"


@pytest.mark.filterwarnings("always::rolematch.io.roles.RoleFileWarning")  # as the CLI runs
def test_several_sections_in_one_untitled_posting_are_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # posts lettered A、B、C、: no heading the importer reads, so one untitled posting
    text = (
        _mail("{cn}、{title}").replace("一、", "A、").replace("二、", "B、").replace("三、", "C、")
    )
    path = _write(tmp_path, "mail.txt", text)
    with pytest.warns(RoleFileWarning) as caught:
        (p,) = read_postings(path)
    assert any(SEVERAL in w for w in p.warnings)
    assert any(SEVERAL in str(w.message) and str(path) in str(w.message) for w in caught)
    with pytest.raises(RoleSpecError, match="no title.*" + SEVERAL.replace("?", r"\?")):
        roles_from_text(text)
    assert main(["roles", "import", str(path), "--dry-run"]) == 0
    out, err = capsys.readouterr()
    assert f"rolematch: warning: {path}: {SEVERAL}" in err
    assert f"warning: {SEVERAL}" in out


def test_one_untitled_posting_with_one_section_is_not_warned_of_several() -> None:
    text = "岗位职责：\n1. 负责收单产品规划；\n任职要求：\n1. 本科及以上学历。\n"
    (p,) = parse_posting_text(text)
    assert not any("sections in one untitled posting" in w for w in p.warnings)
    titled = parse_posting_text(_mail("{cn}、{title}"))
    assert not any(w for p in titled for w in p.warnings)


# ------------------------------------------------------------------- 扫码 and contact
@pytest.mark.parametrize(
    "duty",
    [
        "负责扫码支付产品的规划与设计；",
        "负责二维码收单产品的需求分析；",
        "负责扫码点餐系统的迭代。",
    ],
)
def test_a_payment_duty_that_names_a_qr_code_stays_a_duty(duty: str) -> None:
    text = f"岗位名称：支付产品经理\n岗位职责：\n1. {duty}\n2. 负责跨境支付产品设计。\n任职要求：\n1. 本科。"
    (p,) = parse_posting_text(text)
    assert _texts(p.duties)[0] == duty
    assert p.dropped == []


@pytest.mark.parametrize(
    "line",
    [
        "扫码关注公众号，了解更多职位",
        "扫码投递简历",
        "扫描下方二维码报名",
        "扫码加微信：grace_hr",
        "二维码",
    ],
)
def test_a_qr_code_to_apply_by_is_contact(line: str) -> None:
    text = (
        f"岗位名称：支付产品经理\n岗位职责：\n1. 负责收单产品规划。\n任职要求：\n1. 本科。\n{line}"
    )
    (p,) = parse_posting_text(text)
    assert [(d.text, d.reason) for d in p.dropped] == [(line, "contact")]
    assert noise_reason(line, load_lexicon()) == "contact"


# ------------------------------------------------------------------ the mail's sign-off
def _mail_docx(path: Path) -> Path:
    """The mail as Word writes it: numbered lists by style (no number in the text),
    the headings in a heading style, no rules between the posts."""
    import docx

    d = docx.Document()
    for line in HEADER.splitlines():
        d.add_paragraph(line)
    for title, fields, duties, reqs in POSTS:
        d.add_heading(title, level=2)
        for line in fields:
            d.add_paragraph(line)
        d.add_heading("岗位职责：", level=3)
        for line in duties:
            d.add_paragraph(line, style="List Number")
        d.add_heading("任职要求：", level=3)
        for line in reqs:
            d.add_paragraph(line, style="List Number")
    for line in FOOTER.splitlines():
        d.add_paragraph(line)
    d.save(str(path))
    return path


def test_the_sign_off_below_the_last_post_of_a_word_mail_is_dropped(tmp_path: Path) -> None:
    postings = read_postings(_mail_docx(tmp_path / "agency_jd.docx"))
    _check_three_posts(postings)
    reasons = {d.text: d.reason for d in postings[-1].dropped}
    assert reasons[CONTACT] == "contact"
    assert reasons["谢谢！"] == "sign-off"
    assert [reasons[line] for line in SIGN_OFF[1:]] == ["after the sign-off"] * 2


def test_the_sign_off_of_the_text_mail_is_dropped_too(tmp_path: Path) -> None:
    postings = read_postings(_write(tmp_path, "mail.txt", _mail("职位{cn}：{title}")))
    reasons = {d.text: d.reason for d in postings[-1].dropped}
    assert [reasons.get(line) for line in [CONTACT, *SIGN_OFF]] == [
        "contact", "sign-off", "after the sign-off", "after the sign-off"
    ]  # fmt: skip


def test_a_sign_off_ends_the_list_without_a_rule_and_a_heading_opens_it_again() -> None:
    text = (
        "岗位名称：客服专员\n岗位职责：\n负责接听客户来电\n任职要求：\n大专及以上学历\n"
        "Best regards,\nGrace Zhou\nHunterLink Consulting Ltd.\n"
    )
    (p,) = parse_posting_text(text)
    assert _texts(p.requirements) == ["大专及以上学历"]
    assert [d.reason for d in p.dropped] == ["sign-off", "after the sign-off", "after the sign-off"]
    # a 谢谢 above a heading: the heading's list is read as ever
    (q,) = parse_posting_text("岗位名称：客服专员\n谢谢！\n岗位职责：\n负责接听客户来电\n")
    assert _texts(q.duties) == ["负责接听客户来电"]
