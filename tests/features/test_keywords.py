from __future__ import annotations

import pickle

import numpy as np
import pytest

from rolematch.documents import Role
from rolematch.features.keywords import KeywordVectorizer

ROLES = [
    Role("channel", "渠道主管", ("负责手机银行运营和风险管理", "沟通协调"), ("熟悉Python",)),
    Role("service", "客服主管", ("负责坐席排班", "沟通协调"), ("熟悉呼叫中心",)),
    Role("pay", "支付主管", ("负责网联对接", "沟通协调"), ("熟悉支付结算",)),
]


@pytest.fixture(scope="module")
def kv():
    return KeywordVectorizer().fit(ROLES)


def test_a_keyword_counts_inside_a_longer_chinese_run(kv):
    counts = kv.count(["我负责风险管理工作，熟悉Python开发"])[0]
    assert counts[kv.index("风险管理")] == 1
    assert counts[kv.index("python")] == 1


def test_ascii_keywords_need_word_edges(kv):
    assert kv.count(["会写Jython"])[0][kv.index("python")] == 0


def test_synonyms_count_as_their_canonical_term(kv):
    assert kv.count(["负责客服代表的排班"])[0][kv.index("坐席")] == 1


def test_generic_posting_words_weigh_little_and_trade_words_most(kv):
    w = kv.role_weights_
    top = w.max(axis=1, keepdims=True)
    for generic in ("管理", "数据", "上线", "项目"):
        if generic in kv.vocabulary_:
            assert np.all(w[:, kv.index(generic)] <= 0.1 * top[:, 0]), generic
    assert w[0, kv.index("手机银行")] > 0.5 * top[0, 0]
    assert w[1, kv.index("手机银行")] == 0  # a role's weights come from its own text only


def test_a_term_inside_one_longer_word_does_not_count(kv):
    i = kv.index("运营")
    assert kv.count(["负责手机银行运营"])[0][i] == 1
    assert kv.count(["某通信运营商"])[0][i] == 0


def test_weights_do_not_depend_on_the_other_roles():
    alone = KeywordVectorizer().fit(ROLES[:1])
    both = KeywordVectorizer().fit(ROLES)
    for t, w in zip(alone.vocabulary_, alone.role_weights_[0], strict=True):
        assert both.role_weights_[0, both.index(t)] == pytest.approx(w)


def test_requirement_terms_are_boosted():
    plain = KeywordVectorizer(requirement_weight=1.0).fit(ROLES)
    boosted = KeywordVectorizer(requirement_weight=3.0).fit(ROLES)
    i = plain.index("python")
    assert boosted.role_weights_[0, i] == pytest.approx(3 * plain.role_weights_[0, i])


def test_single_role_catalogue_keeps_weights(kv):
    one = KeywordVectorizer().fit(ROLES[:1])
    assert one.role_weights_.sum() > 0


def test_pickle_round_trip(kv):
    again = pickle.loads(pickle.dumps(kv))
    text = ["负责手机银行和网联，熟悉Python"]
    assert np.array_equal(again.count(text), kv.count(text))


def test_term_mass_does_not_depend_on_the_roles_loaded(kv):
    alone = KeywordVectorizer().fit(ROLES[1:2])
    texts = ["负责坐席排班和质检", "Java后端开发，负责微服务架构设计，熟悉Spring Cloud"]
    assert alone.term_mass(texts, 0.25).tolist() == kv.term_mass(texts, 0.25).tolist()


def test_term_mass_grows_with_distinctive_words_not_with_boilerplate(kv):
    base, boiler, trade = kv.term_mass(
        [
            "负责坐席排班",
            "负责坐席排班，工作认真负责，具有良好的沟通协调能力和团队合作精神",
            "负责坐席排班，精通暖通空调、建筑节能和有限元仿真",
        ],
        0.25,
    )
    assert base > 0
    assert boiler - base < (trade - base) / 3


def test_term_mass_of_an_empty_text_is_zero(kv):
    assert kv.term_mass(["", "   "], 0.25).tolist() == [0.0, 0.0]


def test_an_english_word_the_background_never_saw_adds_no_mass_and_no_focus():
    # jieba knows no English: prose and markup would otherwise weigh like the rarest
    # trade word, and a role term the background never saw must not count in a
    # text's focus when it counts nothing in its mass
    kv = KeywordVectorizer().fit([Role("a", "语音主管", ("负责ASR与坐席",), ())])
    assert kv.mass_weight_[kv.index("asr")] == 0 < kv.term_weight_[kv.index("asr")]
    assert kv.mass_weight_[kv.index("坐席")] == kv.term_weight_[kv.index("坐席")] > 0
    plain, prose = kv.term_mass(["负责坐席", "负责坐席 zorblax quuxly frobnicated"], 0.25)
    assert prose == pytest.approx(plain)


def test_a_longer_word_inside_a_role_compound_is_a_role_term():
    # jieba's search mode gives only the 2- and 3-character words inside 远程银行中心;
    # a résumé's 远程银行 must count for a role that only ever says 远程银行中心
    kv = KeywordVectorizer().fit([Role("r", "系统主管", ("负责远程银行中心业务系统的规划",), ())])
    assert kv.role_weights_[0, kv.index("远程银行")] > 0
    assert kv.count(["某银行 远程银行系统方向 副主任"])[0, kv.index("远程银行")] == 1


# ---------------------------------------------------------------- compounds


def test_a_term_counts_inside_a_compound_of_words_but_not_a_word_with_a_suffix():
    kv = KeywordVectorizer().fit([Role("a", "客服主管", ("负责投诉与运营",), ())])
    hits, _ = kv.count_with_mass(["某银行客服中心主管，负责投诉处理；某通信运营商"], 0.25)
    mine = hits.role_counts(0, 0)
    assert mine[kv.index("客服")] == 1  # 客服中心 = 客服 + 中心
    assert mine[kv.index("投诉")] == 1  # 投诉处理 = 投诉 + 处理
    assert mine[kv.index("运营")] == 0  # 运营商 is a word of its own
    # whole-word counts (count(), and the hits every role shares) hold no part
    assert kv.count(["某银行客服中心主管"])[0, kv.index("客服")] == 0
    assert hits.counts[0, kv.index("客服")] == 0


def test_a_role_reads_a_compound_by_its_longest_words_for_it():
    # role a names the compound: it counts once, its parts add nothing; role b names
    # 远程银行 and 银行, not 远程银行中心: only the longer part counts
    a = Role("a", "远程银行中心主管", ("负责远程银行中心运营",), ())
    b = Role("b", "远程银行主管", ("负责远程银行业务", "银行"), ())
    kv = KeywordVectorizer().fit([a, b])
    hits, _ = kv.count_with_mass(["就职于某行远程银行中心"], 0.25)
    whole, part, bank = (kv.index(t) for t in ("远程银行中心", "远程银行", "银行"))
    ca, cb = hits.role_counts(0, 0), hits.role_counts(0, 1)
    assert ca[whole] == 1 and ca[part] == 0 and ca[bank] == 0
    assert cb[part] == 1 and cb[bank] == 0
    assert kv.role_weights_[1, bank] > 0  # 银行 is b's term: held by 远程银行


def test_a_roles_compound_hits_do_not_depend_on_the_other_roles():
    b = Role("b", "客服主管", ("负责客服与投诉",), ())
    other = Role("x", "客服中心主任", ("负责客服中心",), ())  # names the compound itself
    text = "某银行客服中心主管，投诉处理"
    alone = KeywordVectorizer().fit([b])
    both = KeywordVectorizer().fit([other, b])
    h1, m1 = alone.count_with_mass([text], 0.25)
    h2, m2 = both.count_with_mass([text], 0.25)
    c1, c2 = h1.role_counts(0, 0), h2.role_counts(0, 1)
    for t in alone.vocabulary_:
        assert c1[alone.index(t)] == c2[both.index(t)], t
    assert m1 == pytest.approx(m2)


def test_an_english_postings_function_words_and_boilerplate_are_no_keywords():
    role = Role(
        "risk",
        "Senior Data Scientist - Credit Risk",
        ("Build and validate credit scoring models for SME lending with XGBoost.",),
        ("5+ years of experience at a bank or fintech; strong skills in a related field.",),
    )
    vocab = set(KeywordVectorizer().fit([role]).vocabulary_)
    assert {"credit", "xgboost", "lending", "fintech"} <= vocab
    assert not vocab & {"or", "at", "of", "years", "experience", "strong", "skills", "related"}


def test_a_compound_weighs_in_a_texts_mass_what_its_parts_weigh():
    # a role that names 客服 and 投诉 reads 客服中心 and 投诉处理 by those parts; weighed
    # whole, the rare compounds would take most of the text's mass and leave the role's
    # share of a text that is all about it (its focus) far below the same text in words
    from rolematch.scoring import keyword_focus, saturate, saturate_parts

    kv = KeywordVectorizer().fit([Role("a", "客服主管", ("负责客服质量与投诉",), ())])
    whole, *parts = kv.word_weights(["客服中心", "客服", "中心"])
    assert whole == pytest.approx(sum(parts))
    hits, mass = kv.count_with_mass(["某银行客服中心，投诉处理", "某银行客服，投诉"], 0.25)
    own = saturate_parts(hits.counts, hits.parts, 0.25)
    compound, words = keyword_focus(
        saturate(hits.counts, 0.25), kv.mass_weight_, kv.role_weights_, mass, own
    )[:, 0]
    assert compound > 0.75 * words


def test_a_department_after_the_title_is_no_keyword_of_the_role():
    """合规风控岗（合规管理部）: where the post sits is not what it does; imported with its
    department in another column (合规风控岗), the role has the same vocabulary."""

    def terms(role: Role) -> dict[str, float]:
        kv = KeywordVectorizer().fit([role])
        return {t: w for t, w in zip(kv.vocabulary_, kv.role_weights_[0], strict=True) if w > 0}

    duties, reqs = ("负责合规审查与反洗钱监测",), ("法学专业",)
    with_dept = terms(Role("a", "合规风控岗（合规管理部）", duties, reqs))
    assert with_dept == terms(Role("b", "合规风控岗", duties, reqs))
    assert "管理部" not in with_dept
    # a note that is no department stays the role's words (理财经理（私行方向）)
    assert "方向" in terms(Role("c", "理财经理（私行方向）", ("负责高净值客户资产配置",), ()))


def test_placeholders_and_soft_skill_phrases_are_no_keywords_of_a_role():
    """A blind user's imported posts weighed 95xxx 1.0 and 深刻理解 0.85 (an investment
    adviser's second-heaviest term), crowding real gaps out of 'missing keywords'."""
    role = Role(
        "cs", "客服中心主管", ("负责95xxx客服热线的坐席管理", "负责XX银行信用卡客户投诉处理"),
        ("对金融市场有深刻理解",),
    )  # fmt: skip
    kv = KeywordVectorizer().fit([role])
    terms = {t for t, w in zip(kv.vocabulary_, kv.role_weights_[0], strict=True) if w > 0}
    assert {"坐席", "投诉", "信用卡"} <= terms
    assert not {"95xxx", "xx", "xx银行", "深刻理解"} & terms, sorted(terms)


def test_a_term_that_starts_or_ends_inside_a_word_does_not_count():
    # 行内 (a role's 行内系统) across 银行/内控 is no hit; 风险管理 across 风险/管理工作
    # starts and ends where words do, and counts
    kv = KeywordVectorizer().fit([Role("it", "系统主管", ("负责行内系统建设",), ())])
    i = kv.index("行内")
    assert kv.count(["负责行内系统的运维"])[0][i] == 1
    assert kv.count(["负责银行内控制度建设"])[0][i] == 0
    assert kv.count(["负责银行内部审计"])[0][i] == 0


def test_conduct_and_health_boilerplate_is_no_role_term():
    # a blind user's 反洗钱岗 weighed 品行端正 second, above ACAMS
    role = Role(
        "aml", "反洗钱岗", ("负责可疑交易监测",), ("品行端正，身体健康，遵纪守法，持有ACAMS证书",)
    )
    vocab = KeywordVectorizer().fit([role]).vocabulary_
    assert "acams" in vocab
    assert not {"品行端正", "身体健康", "遵纪守法"} & set(vocab)


def test_a_missing_compound_is_listed_whole_not_as_its_fragment():
    # 互联网's 互联 is a role term (a subword) no résumé says alone: it was "missing"
    # for everyone with no 互联网, beside 互联网 itself (a headhunter's 32 of 90 rows)
    from rolematch.features.keywords import listed_terms

    role = Role("ops", "运营主管", ("负责App运营",), ("5年以上互联网或银行线上渠道运营经验",))
    kv = KeywordVectorizer().fit([role])
    vocab = list(kv.vocabulary_)
    assert {"互联", "互联网"} <= set(vocab)
    counts = kv.count(["负责App运营"])[0]
    _, lacks = listed_terms(kv.role_weights_[0], counts, vocab, None, len(vocab))
    missing = [vocab[t] for t in lacks]
    assert "互联网" in missing and "互联" not in missing
