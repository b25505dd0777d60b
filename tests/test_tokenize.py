from __future__ import annotations

import json
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolematch.tokenize import JiebaTokenizer, SynonymMap, load_synonyms
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "data" / "golden" / "jieba_tokens.json"
SENTENCES = [
    "负责手机银行APP、个人网银和H5渠道建设",
    "对接网联、银联、城银清等清算机构，推动云闪付转账",
    "牵头消费者权益保护审查与反洗钱、反欺诈工作",
    "负责呼叫中心坐席排班、智能质检和智能外呼场景搭建",
    "熟悉Python和SQL，具备数据治理经验",
    "负责企业微信、微信公众号、小红书等新媒体渠道运营",
]


@pytest.fixture(scope="module")
def tok():
    return JiebaTokenizer()


def test_domain_lexicon_keeps_banking_terms_whole(tok):
    tokens = tok("牵头云闪付、网联和远程银行的智能外呼与反洗钱工作")
    for term in ("云闪付", "网联", "远程银行", "智能外呼", "反洗钱"):
        assert term in tokens


def test_a_securities_firms_post_titles_are_cut_into_words_not_fragments(tok):
    # 合规风控管培生 gave the keyword 控管, listed as missing for every candidate
    assert "控管" not in tok("合规风控管培生") and "管培生" in tok("合规风控管培生")
    assert tok("金融科技开发工程师")[:2] == ["金融科技", "开发"]  # not 科技开发
    assert "固定收益" in tok("固定收益交易助理")


@pytest.mark.parametrize(
    ("word", "cuts"),
    [
        ("客服中心", {2}),  # 客服 + 中心
        ("投诉处理", {2}),
        ("呼叫中心运营", {2, 4}),  # 呼叫 + 中心 + 运营, and 呼叫中心 + 运营
        ("运营商", set()),  # 运营 + the suffix 商: a word of its own
        ("数据库", set()),
        ("信用卡", set()),  # 信用 + 卡: no split into words of two characters
        ("风险管理部", {2}),  # 风险 + 管理部, though not 风险管理 + 部
        ("python", set()),
    ],
)
def test_compound_cuts_split_only_into_words_of_two_or_more_characters(tok, word, cuts):
    assert tok.compound_cuts(word) == cuts


@pytest.mark.parametrize(
    ("text", "inside", "not_inside"),
    [
        ("计算机、统计学相关专业", {"计算", "统计"}, {"算机", "计学"}),
        ("熟悉现金流量表，缴纳公积金", {"现金", "流量"}, {"金流", "积金"}),
        ("本科及以上学历", {"本科"}, {"上学", "学历"}),  # 学历: the degree facet's
        ("客服中心、智能质检、副行长", {"客服", "中心", "智能", "质检", "行长"}, set()),
        ("远程银行中心", {"远程银行", "远程", "银行", "中心"}, set()),
        # a stop word's parts are boilerplate too (they were a posting's missing keywords)
        ("能适应加班，吃苦耐劳，责任心强", {"加班"}, {"吃苦", "耐劳"}),
        ("确保双十一等大促期间订单及时发出", {"双十一", "大促"}, {"一等"}),
    ],
)
def test_subwords_are_the_parts_of_a_word_not_pieces_across_them(tok, text, inside, not_inside):
    # 算机 and 金流 straddle 计算|机 and 现金|流: as role vocabulary they showed up as a
    # posting's "missing keywords"
    words = set(tok.subwords(text))
    assert inside <= words
    assert not (not_inside & words)


def test_synonyms_map_to_one_term(tok):
    assert tok("移动银行")[0] == tok("手机APP")[0] == "手机银行"
    assert "消保" in tok("负责消费者权益保护")
    assert "反洗钱" in tok("熟悉AML")
    assert "企业微信" in tok("企微运营")
    assert "坐席" in tok("管理客服代表")
    # a securities firm's words for the same work as a bank's 消保 and 金融教育
    assert {"消保", "金融教育"} <= set(tok("负责投资者权益保护与投资者教育工作"))


def test_ascii_variants_match_whole_words_only():
    m = SynonymMap({"反洗钱": ["AML"], "呼叫中心": ["call center"]})
    assert m("负责AML与Call-Center运营") == "负责反洗钱与呼叫中心运营"
    assert m("熟悉HTML和XAMLs") == "熟悉HTML和XAMLs"


def test_stopwords_single_chars_and_numbers_are_dropped(tok):
    tokens = tok("负责相关工作，完成2023年度任务的 5 项")
    assert tokens == []


def test_where_a_job_is_and_posting_boilerplate_are_no_english_keywords(tok):
    # an English posting's "Hong Kong", "Taipei head office" and "Holder of … is an
    # advantage" would credit any CV written there, whatever its trade
    tokens = tok(
        "Relationship Manager in Hong Kong, reporting to the Taipei head office; "
        "holder of HKIB certification is an advantage; KYC and trade finance"
    )
    assert {"kyc", "trade", "finance", "hkib"} <= set(tokens)
    assert not {"hong", "kong", "taipei", "holder", "advantage"} & set(tokens)


def test_tokenizer_pickles_for_worker_processes(tok):
    again = pickle.loads(pickle.dumps(tok))
    assert again(SENTENCES[0]) == tok(SENTENCES[0])


def test_synonym_table_is_data():
    table = load_synonyms()
    assert "移动银行" in table["手机银行"]


def test_golden_tokens(tok, update_golden):
    """Catches dictionary drift: a jieba or lexicon change that moves segmentation."""
    got = {s: tok(s) for s in SENTENCES}
    if update_golden:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    # a missing golden file fails: writing it here would make the test pass on anything
    assert GOLDEN.exists(), f"{GOLDEN} is missing; create it with pytest --update-golden"
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


def _eager_spans(tok: JiebaTokenizer, text: str) -> list[tuple[int, int]]:
    """word_spans as one jieba pass over the whole text (what the lazy spans must equal)."""
    spans = [(i, i + 1) for i in range(len(text))]
    for _, start, end in tok._tokenizer().tokenize(text, HMM=False):  # noqa: SLF001 - the reference
        spans[start:end] = [(start, end)] * (end - start)
    return spans


_PIECES = ["运营商", "数据库", "风险管理工作", "手机银行", "银行卡", "管理员", "客服", "app", "H5",
           "3年", "，", "、", " ", "\r\n", "\n", "\r", "-", "·", "（", "）", "Python3.11", "%"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_lazy_word_spans_equal_one_pass_over_the_whole_text(tok, pieces):
    text = "".join(pieces)
    spans = tok.word_spans(text)
    assert len(spans) == len(text)
    assert [spans[i] for i in range(len(text))] == _eager_spans(tok, text)


def test_word_spans_equal_one_pass_on_every_example_resume(tok):
    from tests.conftest import example_files

    for f in example_files():
        if f.suffix == ".txt":
            text = tok.canonicalize(f.read_text(encoding="utf-8")).lower()
            assert list(tok.word_spans(text)) == _eager_spans(tok, text), f.name


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("负责理财类产品的设计", ["理财", "产品", "设计"]),  # not 类产品
        ("监管机构检查和反洗钱", ["监管", "机构", "检查", "反洗钱"]),  # not 检查和
        ("负责移动端的需求梳理", ["移动", "需求", "梳理"]),  # not 端的
        ("或者合并报表", ["合并", "报表"]),
    ],
)
def test_particles_the_dictionary_glues_to_words_are_no_words(tok, text, words):
    # a fragment such as 类产品 became a role keyword that ordinary phrases then matched
    assert tok(text) == words


def test_no_role_term_is_a_word_with_a_glued_particle():
    from rolematch import Matcher, load_roles
    from tests._encoders import HashingEncoder

    vocabulary = Matcher(encoder=HashingEncoder()).fit(load_roles()).vocabulary_
    glued = [t for t in vocabulary if len(t) == 3 and (t[-1] in "的和与或及并" or t[0] == "类")]
    assert glued == []
