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
    assert e.matched_keywords == simple.matched_keywords
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
