"""Matcher behaviour with a deterministic test encoder (arithmetic, API, trust).

Tests that need the meaning of sentences use the real model in
test_matcher_semantic.py.
"""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest
from sklearn.base import clone

from rolematch import Matcher, NotFittedError, Resume, load_roles, resume_from_text
from tests._encoders import HashingEncoder

ROLES = load_roles()
MOBILE_CV = """张三 男 1988年
2016.03-至今 某城商行 电子银行部 手机银行产品经理
负责手机银行APP版本迭代、鸿蒙版上架和应用市场管理，月活提升30%。
牵头手机银行反欺诈策略与电信网络诈骗资金拦截。
教育背景 2006-2010 某大学 计算机科学与技术 本科"""
SERVICE_CV = """李四 女 1986年
2014.07-至今 某银行远程银行中心 客服主管
负责呼叫中心坐席排班、现场监控和智能质检，人工接通率95%。
负责客户投诉处理和工单流转，建设智能客服知识库。
教育背景 2004-2008 某大学 英语 本科"""
CHEF_CV = """王五 男 1980年
2010-至今 某酒楼 厨师长，负责后厨管理、菜品研发和食材采购。"""


@pytest.fixture(scope="module")
def fitted():
    return Matcher(encoder=HashingEncoder()).fit(ROLES)


@pytest.fixture
def matcher(fitted):
    return copy.deepcopy(fitted)


@pytest.mark.parametrize(
    ("param", "value", "match"),
    [
        (
            "keyword_weight",
            1.5,
            r"The 'keyword_weight' parameter of Matcher must be a float in the range \[0, 1\]. Got 1.5 instead.",
        ),
        ("semantic_weight", -0.1, r"'semantic_weight' parameter .* Got -0.1 instead"),
        ("facet_weight", "high", r"'facet_weight' parameter .* Got 'high' instead"),
        (
            "keyword_half",
            0,
            r"'keyword_half' parameter of Matcher must be a float in the range \(0, 1\]",
        ),
        ("duty_share", 0, r"'duty_share' parameter .* range \(0, 1\]. Got 0 instead"),
        ("requirement_weight", 0.5, r"'requirement_weight' parameter .* >= 1. Got 0.5"),
        ("calibration", (0.4, -1), r"'calibration' parameter .* slope > 0. Got \(0.4, -1\)"),
    ],
)
def test_bad_parameters_name_parameter_range_and_value(param, value, match):
    with pytest.raises(ValueError, match=match):
        Matcher(encoder=HashingEncoder(), **{param: value}).fit(ROLES)


def test_all_zero_weights_are_rejected():
    m = Matcher(encoder=HashingEncoder(), keyword_weight=0, semantic_weight=0, facet_weight=0)
    with pytest.raises(ValueError, match="must not all be 0"):
        m.fit(ROLES)


def test_methods_need_fit():
    with pytest.raises(NotFittedError, match="not fitted yet"):
        Matcher().similarity([MOBILE_CV])
    assert issubclass(NotFittedError, ValueError | AttributeError)


def test_fit_rejects_empty_roles():
    with pytest.raises(ValueError, match="'roles' parameter of Matcher.fit must be a non-empty"):
        Matcher(encoder=HashingEncoder()).fit([])


def test_sklearn_clone_and_params():
    m = Matcher(keyword_weight=0.3, model="static-zh")
    c = clone(m)
    assert c.get_params()["keyword_weight"] == 0.3 and c.model == "static-zh"
    assert not hasattr(c, "roles_")


def test_pickle_round_trip_gives_the_same_scores(matcher):
    again = pickle.loads(pickle.dumps(matcher))
    assert np.allclose(again.similarity([MOBILE_CV]), matcher.similarity([MOBILE_CV]))


def test_scores_are_bounded_and_keyword_signal_ranks_the_right_role(matcher):
    sim = matcher.similarity([MOBILE_CV, SERVICE_CV, CHEF_CV])
    assert sim.shape == (3, 9)
    assert np.all((sim >= 0) & (sim <= 1))
    assert matcher.role_ids_[int(sim[0].argmax())] == "mobile-banking"
    assert matcher.role_ids_[int(sim[1].argmax())] == "customer-service"
    assert sim[2].max() < min(sim[0].max(), sim[1].max())


def test_same_input_same_score(matcher):
    a = matcher.similarity([MOBILE_CV])
    b = matcher.similarity([MOBILE_CV])
    assert np.array_equal(a, b)


def test_role_order_changes_no_per_role_score():
    a = Matcher(encoder=HashingEncoder()).fit(ROLES)
    b = Matcher(encoder=HashingEncoder()).fit(ROLES[::-1])
    sa = dict(zip(a.role_ids_, a.similarity([SERVICE_CV])[0], strict=True))
    sb = dict(zip(b.role_ids_, b.similarity([SERVICE_CV])[0], strict=True))
    assert sa == pytest.approx(sb)


def test_resume_order_changes_nothing(matcher):
    fwd = matcher.similarity([MOBILE_CV, SERVICE_CV, CHEF_CV])
    rev = matcher.similarity([CHEF_CV, SERVICE_CV, MOBILE_CV])
    assert np.allclose(fwd, rev[::-1])


def test_repeating_keywords_does_not_raise_the_score(matcher):
    stuffed = MOBILE_CV + "\n" + "手机银行 反欺诈 鸿蒙 应用市场 " * 50
    base = matcher.explain(MOBILE_CV, "mobile-banking")
    more = matcher.explain(stuffed, "mobile-banking")
    assert more.keyword_score - base.keyword_score < 0.02


def test_unreadable_resume_gets_no_score(matcher):
    bad = Resume.failed("scan.pdf", "unreadable", "no text layer (scanned?); needs OCR")
    sim = matcher.similarity([MOBILE_CV, bad])
    assert np.isnan(sim[1]).all() and np.isfinite(sim[0]).all()
    assert matcher.match([bad])[0] == []
    with pytest.raises(ValueError, match="status 'unreadable'"):
        matcher.explain(bad, "mobile-banking")


def test_empty_text_gets_no_score_not_a_low_one(matcher):
    assert not resume_from_text("  \n ").ok
    sim = matcher.similarity(["  \n ", MOBILE_CV])
    assert np.isnan(sim[0]).all() and np.isfinite(sim[1]).all()


def test_both_directions(matcher):
    best = matcher.match([MOBILE_CV, SERVICE_CV], top_k=2)
    assert [len(r) for r in best] == [2, 2]
    assert best[0][0].role_id == "mobile-banking"
    assert best[0][0].score >= best[0][1].score
    short = matcher.shortlist("customer-service", [MOBILE_CV, CHEF_CV, SERVICE_CV], top_k=2)
    assert [r.score for r in short] == sorted((r.score for r in short), reverse=True)
    assert "李四" not in short[0].explanation.source or True
    assert short[0].explanation.role_id == "customer-service"
    assert len(short) == 2


def test_score_is_top1_accuracy(matcher):
    assert matcher.score([MOBILE_CV, SERVICE_CV], ["mobile-banking", "customer-service"]) == 1.0
    assert matcher.score([MOBILE_CV, SERVICE_CV], ["customer-service", "customer-service"]) == 0.5
    with pytest.raises(ValueError, match="one role id per résumé"):
        matcher.score([MOBILE_CV], ["a", "b"])


def test_unknown_role_lists_the_valid_ones(matcher):
    with pytest.raises(ValueError, match=r"'role_id' parameter must be one of \['mobile-banking'"):
        matcher.explain(MOBILE_CV, "nope")


def test_explanation_is_built_from_the_score(matcher):
    e = matcher.explain(MOBILE_CV, "mobile-banking")
    sim = matcher.similarity([MOBILE_CV])[0][0]
    assert e.score == pytest.approx(sim)
    assert sum(e.weights.values()) == pytest.approx(1.0)
    terms = [k.term for k in e.matched_keywords]
    assert "手机银行" in terms and "反欺诈" in terms
    assert not set(terms) & {k.term for k in e.missing_keywords}
    assert all(k.count > 0 and k.weight > 0 for k in e.matched_keywords)
    assert [m.weight for m in e.missing_keywords] == sorted(
        (m.weight for m in e.missing_keywords), reverse=True
    )
    assert len(e.evidence) == len(ROLES[0].duties)
    assert all(ev.sentence in MOBILE_CV.replace("\n", " ") or ev.sentence for ev in e.evidence)
    assert e.facets and e.facets[0].name == "major" and e.facets[0].score == 1.0
    d = e.to_dict()
    assert d["role_id"] == "mobile-banking" and d["reason"] == e.reason
    assert list(e.to_frame().columns)[:4] == ["duty", "sentence", "cosine", "support"]
    html = e.to_html(MOBILE_CV)
    assert "<mark>手机银行</mark>" in html
    text = str(e)
    assert "mobile-banking" in text and "matched keywords" in text


def test_missing_facet_weight_goes_to_the_other_components(matcher):
    e = matcher.explain("负责手机银行APP运营和反欺诈", "mobile-banking")
    assert e.facet_score is None
    assert e.weights["facet"] == 0
    assert e.weights["keyword"] + e.weights["semantic"] == pytest.approx(1.0)


def test_resume_from_text_is_the_str_path():
    r = resume_from_text(MOBILE_CV)
    assert isinstance(r, Resume) and r.ok
