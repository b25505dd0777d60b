"""Language detection, Traditional -> Simplified conversion and the bilingual lexicon."""

from __future__ import annotations

import collections
import re

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

import rolematch
from rolematch._resources import data_dir
from rolematch.features.keywords import role_document
from rolematch.language import (
    LANGUAGES,
    detect_language,
    display_variants,
    has_traditional,
    load_keep_words,
    script_counts,
    to_simplified,
)
from rolematch.sections import build_resume, detect_heading, resume_from_text
from rolematch.text import normalize_line, split_sentences
from rolematch.tokenize import JiebaTokenizer, SynonymMap, _trie_regex, load_synonyms

HK_CV = """工作經驗
2017年至今　香港某銀行　數碼銀行部　流動銀行經理
負責流動應用程式及網上銀行的營運，配合金管局的監管要求。"""
TW_CV = """工作經歷
2016/3 - 迄今　台灣某銀行　資訊處　專案經理
負責軟體開發專案與資料庫維運，導入行動銀行新功能。"""
EN_CV = """WORK EXPERIENCE
Head of Mobile Banking, a city commercial bank, 2017 - Present
Led the mobile banking app team and launched UnionPay QuickPass payments."""
ZH_CV = """工作经历
2017.03-至今　某城商行　电子银行部　手机银行团队负责人
负责手机银行APP的规划与版本迭代，熟悉反洗钱和反欺诈。"""
BILINGUAL_CV = ZH_CV + "\n" + EN_CV


@pytest.fixture(scope="module")
def tok() -> JiebaTokenizer:
    return JiebaTokenizer()


# ---------------------------------------------------------------------------
# detection


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (ZH_CV, "zh-Hans"),
        (HK_CV, "zh-Hant"),
        (TW_CV, "zh-Hant"),
        (EN_CV, "en"),
        (BILINGUAL_CV, "mixed"),
        ("负责手机银行运营。負責手機銀行營運。", "mixed"),  # both scripts
        ("熟悉Python、SQL、Java、Spring Boot，负责手机银行后端开发和运维工作", "zh-Hans"),
        ("中心主管", "zh-Hans"),  # no script-specific ideograph: the default
        ("2019.05-2021.06 | 138****0000", "und"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_languages_constant_lists_the_labels():
    assert LANGUAGES == ("zh-Hans", "zh-Hant", "en", "mixed")


def test_a_few_english_words_leave_chinese_chinese():
    assert detect_language(ZH_CV + "\nSkills: Python, SQL, Axure, PMP") == "zh-Hans"


def test_an_english_cv_with_a_chinese_name_is_english():
    assert detect_language("张伟 Zhang Wei\n" + EN_CV) == "en"


def test_script_counts():
    c = script_counts("資訊 资讯 中心 App")
    assert (c.han, c.traditional, c.simplified, c.latin_words) == (6, 2, 2, 1)
    assert c.language == "mixed"


def test_has_traditional():
    assert has_traditional(HK_CV) and has_traditional(TW_CV)
    assert not has_traditional(ZH_CV) and not has_traditional(EN_CV)


# ---------------------------------------------------------------------------
# conversion


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("軟體開發", "软件开发"),  # Taiwan vocabulary
        ("資訊系統", "信息系统"),
        ("專案管理", "项目管理"),
        ("數位轉型", "数字转型"),
        ("伺服器與資料庫", "服务器与数据库"),
        ("簡訊通知", "短信通知"),
        ("網上銀行", "网上银行"),
        ("反洗黑錢", "反洗黑钱"),
    ],
)
def test_to_simplified_converts_phrases_and_regional_vocabulary(traditional, simplified):
    assert to_simplified(traditional) == simplified


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("客戶服務中心及呼叫中心", "客户服务中心及呼叫中心"),  # not 调用中心
        ("核心系統", "核心系统"),  # not 内核
        ("績效指標", "绩效指标"),  # not 指针
        ("線上渠道", "线上渠道"),  # not 在线
        ("建立健全內控機制", "建立健全内控机制"),  # not 创建
        ("檔案管理與公文流轉", "档案管理与公文流转"),  # not 文件管理
        ("通訊費用", "通讯费用"),
        ("客戶聯絡中心", "客户联络中心"),
    ],
)
def test_to_simplified_keeps_business_words_that_regional_tables_turn_into_jargon(
    traditional, simplified
):
    assert to_simplified(traditional) == simplified


def test_keep_words_are_traditional_spellings():
    keep = load_keep_words()
    assert "呼叫" in keep and len(keep) == len(set(keep))


@pytest.mark.parametrize("text", [ZH_CV, EN_CV, "负责程序开发与呼叫中心建设，建立文件管理制度"])
def test_to_simplified_leaves_simplified_and_english_alone(text):
    # tw2sp would rewrite these Simplified words (程序 -> 进程, 建立 -> 创建, 文件 -> 文档)
    assert to_simplified(text) == text


def test_to_simplified_converts_only_traditional_lines():
    text = "负责程序开发\n負責軟體開發\nLed the team"
    assert to_simplified(text) == "负责程序开发\n负责软件开发\nLed the team"


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from([HK_CV, TW_CV, EN_CV, ZH_CV, "", "  "]), max_size=4))
def test_to_simplified_keeps_the_lines(parts):
    text = "\n".join(parts)
    out = to_simplified(text)
    assert out.count("\n") == text.count("\n")
    assert not has_traditional(out)


def test_display_variants_adds_traditional_spellings():
    table = display_variants({"手机银行": ["移动银行", "mobile banking"], "反洗钱": ["AML"]})
    assert {"手機銀行", "移動銀行", "mobile banking"} <= set(table["手机银行"])
    assert table["反洗钱"][0] == "AML" and "反洗錢" in table["反洗钱"]
    assert "手机银行" not in table["手机银行"]


# ---------------------------------------------------------------------------
# the tokenizer: regional and English terms count as the catalogue's terms


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("流動銀行", "手机银行"),
        ("流動應用程式", "手机银行"),
        ("行動銀行", "手机银行"),
        ("反洗黑錢", "反洗钱"),
        ("洗錢防制", "反洗钱"),
        ("打擊洗錢", "反洗钱"),
        ("個人資料私隱", "个人金融信息保护"),
        ("個人資料保護", "个人金融信息保护"),
        ("客戶服務中心", "客户服务"),  # read by its parts: 客户服务 + 中心
        ("客戶聯絡中心", "呼叫中心"),
        ("金管局", "监管机构"),
        ("金管會", "监管机构"),
        ("公平待客", "消保"),
        ("消費者權益保障", "消保"),
        ("內部監控", "内控"),
        ("法令遵循", "合规"),
        ("聊天機械人", "智能客服"),
        ("外判服務", "外包"),
        ("災難復原演練", "灾备"),
        ("數據管治", "数据治理"),
        ("官方網站", "官网"),
        ("跨行轉帳", "转账"),
        ("晨會", "班前会"),
    ],
)
def test_regional_terms_count_as_catalogue_terms(tok, text, term):
    assert term in tok.canonicalize(text)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("mobile banking", "手机银行"),
        ("Mobile Banking App", "手机银行"),
        ("AML", "反洗钱"),
        ("anti-money laundering", "反洗钱"),
        ("contact centre", "呼叫中心"),
        ("call centers", "呼叫中心"),
        ("payment clearing", "支付结算"),
        ("UnionPay", "银联"),
        ("NetsUnion", "网联"),
        ("consumer protection", "消保"),
        ("internal control", "内控"),
        ("complaint handling", "投诉处理"),
        ("WeCom", "企业微信"),
        ("Enterprise WeChat", "企业微信"),
        ("outbound calls", "外呼"),
        ("QA", "质检"),
        ("quality inspection", "质检"),
        ("chatbot", "智能客服"),
        ("open banking", "开放银行"),
        ("official website", "官网"),
        ("new media", "新媒体"),
        ("public opinion", "舆情"),
        ("budget", "预算"),
        ("budgeting", "预算编制"),
        ("anti-fraud", "反欺诈"),
        ("UnionPay QuickPass", "云闪付"),
        ("PBOC", "人行"),
        ("reserve funds", "备付金"),
        ("escrow", "资金存管"),
        ("disaster recovery", "灾备"),
        ("data governance", "数据治理"),
        ("personal information protection", "个人金融信息保护"),
        ("financial literacy", "金融教育"),
        ("branch service", "网点服务"),
        ("agents", "坐席"),
    ],
)
def test_english_terms_count_as_catalogue_terms(tok, text, term):
    assert term in tok.canonicalize(f"Responsible for {text} work.")


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Ran a 3PL warehouse; cycle counts and order picking", "仓库"),
        ("Ran a 3PL warehouse; cycle counts and order picking", "盘点"),
        ("Led incoming inspection and supplier audits", "来料检验"),
        ("ICU nursing care for post-operative patients", "护理"),
        ("Talent acquisition for plant staff", "招聘"),
        ("Owned production planning and scheduling", "生产计划"),
    ],
)
def test_general_workplace_english_meets_an_own_postings_words(tok, text, term):
    # own postings come from every industry: an English CV's warehouse is a posting's 仓库
    assert term in tok.canonicalize(text)


@pytest.mark.parametrize("text", ["HTML", "AMLs123", "qatar", "Budgetary", "chainsaw"])
def test_english_variants_match_whole_words_only(tok, text):
    assert tok.canonicalize(text) == text


@pytest.mark.parametrize(
    "text",
    # 金流 is in 资金流向, 行销 in 进行销售, 外判 in 另外判断, 客诉 in 顾客诉求
    ["落实涉案资金流向回溯", "进行销售数据分析", "另外判断风险", "收集顾客诉求"],
)
def test_short_regional_words_do_not_fire_inside_ordinary_words(tok, text):
    assert tok.canonicalize(text) == text


def test_traditional_and_english_cvs_tokenise_like_the_simplified_one(tok):
    zh = set(tok(ZH_CV))
    assert {"手机银行", "反洗钱"} <= zh
    assert "手机银行" in set(tok(HK_CV)) and "手机银行" in set(tok(TW_CV))
    assert {"手机银行", "云闪付"} <= set(tok(EN_CV))


def test_canonicalize_can_leave_traditional_alone():
    assert JiebaTokenizer(convert_traditional=False).canonicalize("流動銀行") == "流動銀行"


# ---------------------------------------------------------------------------
# the synonym table as data


def _load_checking_duplicates(path):
    class Loader(yaml.SafeLoader):
        pass

    dups = []

    def mapping(loader, node, deep=False):
        keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
        dups.extend(k for k, n in collections.Counter(keys).items() if n > 1)
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader), dups  # noqa: S506 - a SafeLoader subclass


def _key(v):
    return re.sub(r"[\s_-]+", " ", str(v).lower())


def test_synonym_table_has_no_duplicate_keys_and_one_canonical_per_variant():
    table, dups = _load_checking_duplicates(data_dir() / "lexicon" / "synonyms.yaml")
    assert dups == []  # YAML would silently keep only the last one
    owner: dict[str, str] = {}
    clashes = []
    for canon, variants in table.items():
        for v in variants:
            k = _key(v)
            if owner.get(k, canon) != canon:
                clashes.append((v, owner[k], canon))
            owner[k] = canon
    assert clashes == []
    assert [k for k in table if _key(k) in owner] == []  # a key is never rewritten


def test_synonym_table_keeps_the_original_entries():
    table = load_synonyms()
    assert table["消保"][:2] == ["消费者权益保护", "金融消费者权益保护"]
    assert {"AML", "anti-money laundering"} <= set(table["反洗钱"])
    assert {"联络中心", "contact centre", "call center"} <= set(table["呼叫中心"])
    # 客服中心 and 客户服务中心 are read by their parts (客服, 客户服务), which are the
    # customer-service role's words, not as the systems role's 呼叫中心 (issue 13)
    assert not {"客服中心", "客户服务中心"} & set(table["呼叫中心"])


#: The only variants that occur in the role texts: all from the table as it was
#: before the regional and English entries. New entries must not rewrite the
#: catalogue (its keyword weights are what the defaults were tuned on).
VARIANTS_IN_ROLES = {
    "个人网上银行", "企微", "坐席员", "微信公众号", "微信小程序", "手机APP", "手机银行APP",
    "消保工作", "消费者保护", "消费者权益保护", "银联清算", "鸿蒙版",
}  # fmt: skip


def test_the_role_catalogue_is_not_rewritten_by_new_variants():
    docs = "\n".join(role_document(r) for r in rolematch.load_roles())
    table = load_synonyms()
    cjk = {v for vs in table.values() for v in vs if not v.isascii() and v in docs}
    ascii_ = {
        v
        for vs in table.values()
        for v in vs
        if v.isascii() and re.search(rf"(?<![A-Za-z0-9]){re.escape(v)}(?![A-Za-z0-9])", docs, re.I)
    }
    assert cjk == VARIANTS_IN_ROLES
    assert ascii_ == set()


def test_major_families_read_english_and_traditional_majors():
    from rolematch.features.facets import resume_facets

    def majors(education):
        return resume_facets(education, {"education": to_simplified(education)}).majors

    assert majors("BSc Computer Science, Fudan University") == ("计算机",)
    assert majors("LLB, East China University of Political Science and Law") == ("法律",)
    assert "金融" in majors("Bachelor of Accounting and Finance")
    assert majors("國立台灣大學 資訊工程學系 學士") == ("计算机",)
    assert "金融" in majors("國立政治大學 財務金融學系")


# ---------------------------------------------------------------------------
# the SynonymMap machinery


def test_synonym_map_adds_english_plurals_but_prefers_listed_words():
    m = SynonymMap(
        {"坐席": ["agent"], "政策": ["policy"], "分行": ["branch"], "网点": ["branches"]}
    )
    assert m("agents, policies, branch") == "坐席, 政策, 分行"
    assert m("branches") == "网点"


def test_synonym_map_matches_separators_and_case():
    m = SynonymMap({"呼叫中心": ["contact centre"]})
    assert m("Contact-Centre, CONTACT_CENTRES, contactcentre") == "呼叫中心, 呼叫中心, 呼叫中心"


def test_synonym_map_round_trips_through_pickle():
    import pickle

    m = SynonymMap({"反洗钱": ["AML"]})
    assert pickle.loads(pickle.dumps(m))("AML") == "反洗钱"


# variants as SynonymMap keys them: separators squeezed to one space, none at the ends
_words = (
    st.text(alphabet="abc 银行-", min_size=1, max_size=6)
    .map(lambda w: re.sub(r"[\s-]+", " ", w).strip())
    .filter(bool)
)


def _longest_first_spans(words: list[str], text: str) -> list[tuple[int, int]]:
    """What the trie must find, by brute force: scanning left to right, at each position
    the longest text any one word matches (its spaces: any run of separators, or none)."""
    patterns = [re.compile(re.escape(w).replace(r"\ ", r"[\s_-]*")) for w in words]
    spans, i = [], 0
    while i <= len(text):
        ends = [m.end() for p in patterns if (m := p.match(text, i)) and m.end() > i]
        if ends:
            spans.append((i, max(ends)))
            i = max(ends)
        else:
            i += 1
    return spans


@settings(max_examples=200, deadline=None)
@given(st.lists(_words, min_size=1, max_size=12, unique=True), st.text(alphabet="abc 银行-xy"))
@example(words=["c 行", "c行 行"], text="c行行")  # an empty gap shadowed the longer word
@example(words=["c a", "ca b"], text="cab")
@example(words=["c c", "cca"], text="cca")
def test_trie_regex_finds_the_longest_word_at_each_position(words, text):
    fast = _trie_regex(words)
    assert [m.span() for m in re.finditer(fast, text)] == _longest_first_spans(words, text)


# ---------------------------------------------------------------------------
# sections, text, meta


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("PROFESSIONAL SUMMARY", "summary"),
        ("Career History", "work"),
        ("Core Competencies", "skills"),
        ("Professional Qualifications", "certificates"),
        ("Academic Background", "education"),
        ("Personal Particulars", "personal"),
        ("工作經驗", "work"),
        ("學歷", "education"),
        ("專業證照", "certificates"),
        ("自傳", "summary"),
        ("專長", "skills"),
        ("個人資料", "personal"),
        ("專案經歷", "projects"),
    ],
)
def test_english_and_traditional_headings(line, section):
    assert detect_heading(line) == (section, "")


def test_build_resume_records_the_language():
    assert resume_from_text(HK_CV).meta["language"] == "zh-Hant"
    assert resume_from_text(EN_CV).meta["language"] == "en"
    assert resume_from_text(ZH_CV).meta["language"] == "zh-Hans"
    assert build_resume("x", [EN_CV], meta={"language": "en"}, paged=False).meta["language"] == "en"
    assert "language" not in resume_from_text("   ").meta  # no text, no language


def test_english_cv_splits_into_sections_and_sentences():
    r = resume_from_text(
        "PROFILE\nPayments lead with 12 years in clearing. Built UnionPay links.\n"
        "EXPERIENCE\nManager, City Bank, 2016 - Present\nEDUCATION\nBEcon, Xiamen University"
    )
    assert set(r.sections) == {"summary", "work", "education"}
    assert [s.text for s in r.sentences if s.section == "summary"] == [
        "Payments lead with 12 years in clearing.",
        "Built UnionPay links.",
    ]


def test_big5_presentation_punctuation():
    assert normalize_line("姓名︰陳大文") == "姓名:陳大文"
    assert normalize_line("‧ 負責網上銀行") == "負責網上銀行"
    assert resume_from_text("姓名︰陳大文\n工作經驗\n負責網上銀行營運").personal["name"] == "陳大文"


def test_english_sentences_end_at_full_stops_but_numbers_do_not():
    assert split_sentences("Grew MAU 2.5x. Cut costs 10%. Joined in 2019.05") == [
        "Grew MAU 2.5x.",
        "Cut costs 10%.",
        "Joined in 2019.05",
    ]


def test_a_resume_says_its_language_as_the_results_column_does(tmp_path):
    hant = tmp_path / "hant.txt"
    hant.write_text(
        "2015年至今 某銀行 客戶服務中心 主管\n負責坐席團隊管理、投訴處理與服務質量提升。\n", "utf-8"
    )
    en = tmp_path / "en.txt"
    en.write_text("2015-present Contact centre manager at a retail bank, 80 agents.\n", "utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    resumes = [rolematch.read_resume(p) for p in (hant, en, bad)]
    assert [r.language for r in resumes] == ["zh-Hant", "en", ""]
