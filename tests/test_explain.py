"""``Explanation.to_html``: keywords marked in the résumé's own spelling, facets without
data shown as such. Runs the real static-zh model (0.1 s to load)."""

from __future__ import annotations

import re
from collections import Counter

import opencc
import pytest

from rolematch import Matcher, load_roles
from rolematch.language import to_simplified

CV = "2016年至今 某银行 手机银行团队负责人，负责手机银行APP的运营与版本迭代，月活提升30%。"
TW = "2016年至今 某銀行 手機銀行團隊負責人，負責手機銀行APP的運營與版本迭代，月活提升30%。"
EN = (
    "2016-present, a bank. Head of the mobile banking team: responsible for operating the "
    "mobile banking app and its release iterations; monthly active users up 30%."
)

# A Simplified résumé whose keywords (监测, 报送, 机构, 远程银行, 项目管理 …) are in no
# synonym table: converted to Traditional below as a Taiwanese or Hong Kong writer has it.
SIMPLIFIED = """2016.07-至今 某银行 信息科技部 系统运维工程师
负责远程银行坐席系统和呼叫中心软件的运维与版本升级，参与项目管理和信息安全检查。
负责反洗钱可疑交易监测，按时向人民银行报送大额和可疑交易报告，组织分支机构开展内控检查。"""


def marks(page: str) -> list[str]:
    """The words marked in a page's résumé text."""
    return re.findall(r"<mark>(.*?)</mark>", page.split('<pre class="resume">')[1])


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(model="static-zh").fit(load_roles())


@pytest.mark.parametrize(
    ("text", "marked"), [(TW, "手機銀行"), (EN, "mobile banking")], ids=["zh-Hant", "en"]
)
def test_keywords_are_marked_in_the_resumes_own_spelling(matcher, text, marked):
    e = matcher.explain(text, "mobile-banking")
    assert "手机银行" in [k.term for k in e.matched_keywords]
    assert f"<mark>{marked}</mark>" in e.to_html(text)


@pytest.mark.parametrize("config", ["s2t", "s2twp", "s2hk"])
@pytest.mark.parametrize("role_id", ["internal-control", "remote-systems"])
def test_every_matched_keyword_is_marked_in_traditional_as_in_simplified(matcher, config, role_id):
    # 監測, 報送, 機構 were left unmarked (no synonym entry gave their Traditional spelling)
    traditional = opencc.OpenCC(config).convert(SIMPLIFIED)
    simple = matcher.explain(SIMPLIFIED, role_id)
    e = matcher.explain(traditional, role_id)
    # the same keywords, weights and counts (how each text wrote them may differ: 人民銀行)
    assert [(k.term, k.weight, k.count) for k in e.matched_keywords] == [
        (k.term, k.weight, k.count) for k in simple.matched_keywords
    ]
    marked = marks(e.to_html(traditional))
    assert Counter(map(to_simplified, marked)) == Counter(marks(simple.to_html(SIMPLIFIED)))


def test_a_facet_without_data_shows_no_data_not_zero(matcher):
    e = matcher.explain(CV, "mobile-banking")
    assert e.facet_score is None and "facets   no data" in str(e)
    page = e.to_html()
    facet = page[page.index("<span>facet</span>") :].split("</div>")[0]
    assert "no data" in facet and "0.00" not in facet


def test_generic_words_are_not_listed_as_matched_keywords(matcher):
    # 管理, 产品 and 处理 are the role's terms too, weighing ~1% of its heaviest: listed
    # as matches they read as evidence on a score of nothing
    text = "2018年至今 某公司 负责产品管理，处理问题。2012年至2018年 坐席质检。"
    e = matcher.explain(text, "customer-service")
    weights = matcher.keywords_.role_weights_[matcher.role_ids_.index("customer-service")]
    vocab = list(matcher.vocabulary_)
    generic = [
        t for t in ("管理", "产品", "处理") if 0 < weights[vocab.index(t)] < 0.02 * weights.max()
    ]
    assert generic  # the role weighs them, at under 2% of its heaviest term
    listed = [k.term for k in e.matched_keywords]
    assert "坐席" in listed and not set(generic) & set(listed)
    assert not set(generic) & set(e.reason.split(" | ")[0].removeprefix("keywords: ").split("、"))


def test_the_printed_explanation_says_what_each_number_is(matcher):
    # it read as a weighted sum (keyword 0.709 × weight 0.68 / … under score 0.941, which
    # is a logistic model), "covers 1.000 of the role's terms" beside missing heavy terms
    # (a coverage capped at 1), and [0.93/0.41] without saying which was the cosine
    e = matcher.explain(SIMPLIFIED, "internal-control")
    text = str(e)
    assert "×" not in text.replace("× internal-control", "").split("matched keywords")[0]
    assert f"log-odds {e.raw_score:.2f}" in text and "not a weighted sum" in text
    assert re.search(
        r"keyword  0\.\d{3}  weight 0\.\d\d  \(coverage 0\.\d{3}: named term weight", text
    )
    assert "capped at 1" in text and "covers" not in text
    top = e.evidence[0]
    assert f"[cos {top.cosine:.2f} / support {top.support:.2f}]" in text


# A neuroscience researcher's CV that fits no bank role (score ~0.01 for customer-service):
# every duty still has a best sentence at cos 0.85–0.88, support 0.00, and the printed
# explanation listed those as duty ⇐ sentence evidence.
OFF_ROLE_CV = "realworld/adolescent__zr_academic__CV_cn.pdf"
# A former reporter and new-media editor, graded a partial fit for portal-content.
PARTIAL_CV = "realworld/WangLuyao1026__WangLuyao1026.github.io__about_cn.txt"


def _printed_supports(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"\[cos \d\.\d\d / support (\d\.\d\d)", text)]


@pytest.mark.semantic
def test_an_off_role_cv_shows_no_unsupported_duty_as_evidence(shared_dir, capsys):
    from rolematch.cli import main

    cv = shared_dir / OFF_ROLE_CV
    assert main(["explain", str(cv), "--role", "customer-service"]) == 0
    text = capsys.readouterr().out
    assert "no fit" in text
    assert _printed_supports(text) == [] and "⇐" not in text
    (line,) = [ln for ln in text.splitlines() if "evidence" in ln]
    assert re.fullmatch(
        r"  evidence: none — no duty (is supported beyond this résumé's baseline"
        r"|reaches support 0\.10, from which its sentence counts as evidence \(the best: "
        r"0\.\d\d\))",
        line,
    ), line


@pytest.mark.semantic
def test_evidence_and_the_reason_count_the_same_supported_duties(shared_dir):
    import rolematch

    m = rolematch.Matcher().fit(rolematch.load_roles())
    for name, role_id in ((OFF_ROLE_CV, "customer-service"), (PARTIAL_CV, "portal-content")):
        e = m.explain(rolematch.read_resume(shared_dir / name), role_id)
        level = e.covered_support
        supported = [x for x in e.evidence if x.support > 0 and x.support >= level]
        assert e.supported_evidence == tuple(sorted(supported, key=lambda x: -x.support))
        assert f"duties supported: {len(supported)}/{len(e.evidence)}" in e.reason
        assert "covered" not in e.reason
        text = str(e)
        shown = _printed_supports(text)
        assert shown == [round(x.support, 2) for x in supported[:5]]
        assert all(s >= round(level, 2) for s in shown)
        page = e.to_html()
        assert page.count("<tr><td>") == min(len(supported), 8)
        if not supported:
            assert e.evidence_note() in page and e.evidence_note() in text
        records = e.to_dict()["evidence"]
        assert len(records) == len(e.evidence)
        for rec, x in zip(records, e.evidence, strict=True):
            assert (rec["cosine"], rec["support"]) == (x.cosine, x.support)
            assert (rec["sentence"] is not None) == (x in supported)
        frame = e.to_frame()
        assert frame["sentence"].notna().sum() == len(supported)


def test_a_keyword_matched_through_a_synonym_shows_the_resumes_own_word(matcher):
    """A recruiter read 'matched: 金融教育' and looked for a word the CV does not have."""
    cv = (
        "2016-至今 某证券公司 投资者保护部 经理\n"
        "负责投资者教育基地运营，组织投资者教育活动120场；处理客户投诉，开展适当性管理检查。"
    )
    (e,) = [m.explanation for m in matcher.match([cv], top_k=None)[0]
            if m.role_id == "consumer-protection"]  # fmt: skip
    hits = {k.term: k for k in e.matched_keywords}
    assert hits["金融教育"].written == "投资者教育"
    assert "金融教育（投资者教育）×" in str(e)
    assert hits["投诉"].written == ""  # written as the term itself
