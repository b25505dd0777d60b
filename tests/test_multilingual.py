"""Traditional Chinese and English résumés are read, scored and explained like Simplified ones.

The parallel résumés below are one candidate per role written three times: in
Simplified Chinese, in Traditional Chinese with Hong Kong, Macau or Taiwan
vocabulary (流動銀行, 網上銀行, 編更, 公平待客, 金管會 …), and in English.
"""

from __future__ import annotations

import copy
import json
import sys

import numpy as np
import pytest

import rolematch
from rolematch import Matcher
from rolematch.language import has_traditional
from tests._encoders import HashingEncoder
from tests.conftest import ROOT

MULTILINGUAL = ROOT / "benchmarks" / "data" / "multilingual"

#: Same candidate, same strength, three languages (role id -> language -> text).
PARALLEL = {
    "mobile-banking": {
        "zh-Hans": """
张晓明 男 1988年
工作经历
2017.03-至今 某商业银行 电子银行部 手机银行团队负责人
- 负责手机银行APP（iOS、安卓、鸿蒙版）的规划、建设与版本迭代，月活跃用户从200万增长到520万；
- 负责网上银行和短信平台的日常运维，与产品部门对接新产品上线；
- 负责应用市场上架和版本发布，组织年度安全检测和监管备案；
- 建立手机银行交易反欺诈规则和实时监测模型，配合公安打击电信网络诈骗；
- 收集客户反馈和投诉，优化注册和登录流程，提升客户体验。
教育背景
2006-2010 上海交通大学 计算机科学与技术 本科
""",
        "zh-Hant": """
張曉明 男 1988年
工作經驗
2017年3月至今 香港某商業銀行 數碼銀行部 流動銀行團隊主管
- 負責流動銀行應用程式（iOS、Android、鴻蒙版）的規劃、建設與版本更新，每月活躍用戶由200萬增至520萬；
- 負責網上銀行及短訊平台的日常維運，與產品部門協作推出新產品；
- 負責應用程式商店上架及版本發佈，統籌年度保安測試及向金管局報備；
- 建立流動銀行交易欺詐偵測規則及實時監察模型，協助警方打擊電話騙案；
- 收集客戶意見及投訴，改善登記及登入流程，提升客戶體驗。
學歷
2006-2010 香港科技大學 計算機科學 學士
""",
        "en": """
Xiaoming Zhang
EXPERIENCE
Head of Mobile Banking, a commercial bank, Mar 2017 - Present
- Lead the planning, build and release iterations of the mobile banking app (iOS, Android and HarmonyOS); monthly active users grew from 2.0m to 5.2m.
- Run online banking and the SMS platform day to day, and work with product teams to launch new products.
- Manage app store publishing and releases; organise the annual security testing and regulatory filings.
- Built anti-fraud rules and real-time monitoring models for mobile banking transactions; support the police against telecom fraud.
- Collect customer feedback and complaints to improve registration and login and lift customer experience.
EDUCATION
BSc Computer Science, Shanghai Jiao Tong University, 2010
""",
    },
    "payment-settlement": {
        "zh-Hans": """
李娜 女 1986年
工作经历
2015.06-至今 某城市商业银行 支付结算部 主管
- 负责与银联、网联和人民银行清算系统的对接及年度升级改造；
- 管理与支付宝、财付通等第三方支付机构的合作，负责备付金业务；
- 设计代收、代付、代缴产品，支持水电燃气缴费和工资代发；
- 推动云闪付转账和快捷支付绑卡的上线与运营；
- 负责支付结算制度建设，按时报送监管数据，配合人行检查并完成整改。
教育背景
2004-2008 中南财经政法大学 金融学 本科
""",
        "zh-Hant": """
李娜 女 1986年
工作經歷
2015年6月至今 台灣某商業銀行 支付結算部 主管
- 負責與銀聯、網聯及人民銀行清算系統的介接及年度升級改造；
- 管理與支付寶、財付通等第三方支付業者的合作，負責備付金業務；
- 設計代收、代付、代繳產品，支援水電瓦斯繳費及薪資轉帳；
- 推動雲閃付轉帳及快捷支付綁卡的上線與營運；
- 負責支付結算制度建置，按時申報主管機關數據，配合央行金檢並完成改善。
學歷
2004-2008 國立政治大學 金融學系 學士
""",
        "en": """
Na Li
EXPERIENCE
Payment Settlement Manager, a city commercial bank, Jun 2015 - Present
- Manage connections to UnionPay, NetsUnion and the PBOC clearing systems, and their annual upgrades.
- Run partnerships with third-party payment companies such as Alipay and Tenpay; own the reserve fund business.
- Designed collection, disbursement and bill payment products for utility payments and payroll.
- Launched UnionPay QuickPass transfers and quick payment card binding, and run them.
- Own payment settlement policies; submit regulatory reports on time and handle PBOC inspections and remediation.
EDUCATION
BEcon Finance, Zhongnan University of Economics and Law, 2008
""",
    },
    "customer-service": {
        "zh-Hans": """
王芳 女 1985年
工作经历
2014.04-至今 某股份制银行 远程银行中心 客户服务主管
- 管理客服坐席150人，负责电话和在线渠道的现场运营与排班；
- 语音接通率提升到95%，客户满意度保持在98%以上；
- 建设知识库和标准话术，组织新员工入职培训和业务考核；
- 负责质检工作，推动智能质检和智能客服上线，智能分流率达到55%；
- 处理客户投诉和监管转办工单，按时回复并跟进整改。
教育背景
2003-2007 辽宁大学 工商管理 本科
""",
        "zh-Hant": """
王芳 女 1985年
工作經驗
2014年4月至今 澳門某銀行 客戶服務中心 客戶服務主管
- 管理客戶服務主任150人，負責電話及網上渠道的現場營運及人手編更；
- 電話接聽率提升至95%，客戶滿意度維持98%以上；
- 建立知識庫及標準應對話術，統籌新入職同事培訓及業務考核；
- 負責錄音質素檢查，推動AI質檢及聊天機械人上線，自助服務分流率達55%；
- 處理客戶投訴及監管機構轉介個案，按時回覆並跟進改善。
學歷
2003-2007 澳門大學 工商管理學士
""",
        "en": """
Fang Wang
EXPERIENCE
Customer Service Manager, remote banking centre of a joint-stock bank, Apr 2014 - Present
- Lead 150 contact centre agents; run floor operations and rostering for phone and online channels.
- Raised the voice answer rate to 95% and keep customer satisfaction above 98%.
- Built the knowledge base and standard scripts; run induction training and product assessments for new agents.
- Own quality assurance; launched AI quality inspection and a chatbot, reaching a 55% self-service diversion rate.
- Handle customer complaints and cases referred by the regulator, reply on time and follow up remediation.
EDUCATION
BBA Business Administration, Liaoning University, 2007
""",
    },
    "consumer-protection": {
        "zh-Hans": """
陈静 女 1987年
工作经历
2016.01-至今 某城市商业银行 消费者权益保护部 高级经理
- 制定消费者权益保护工作制度和年度计划，组织全行消保培训；
- 负责新产品和营销宣传材料的消保审查；
- 负责投诉处理管理，开展投诉溯源整改，定期向监管报送投诉数据；
- 牵头个人金融信息保护工作，组织自查和专项检查；
- 组织金融知识宣传教育活动，完成年度消保监管评价自评估。
教育背景
2005-2009 华东政法大学 法学 本科
""",
        "zh-Hant": """
陳靜 女 1987年
工作經歷
2016年1月至今 台灣某商業銀行 金融消費者保護科 資深經理
- 訂定公平待客原則政策及年度計畫，辦理全行金融消費者保護教育訓練；
- 負責新金融商品及廣告文宣上架前的消費者權益審查；
- 負責客訴處理管理，追蹤申訴原因並督促改善，定期向金管會申報客訴數據；
- 主辦個人資料保護工作，辦理個資自評及內部查核；
- 規劃金融知識宣導活動，完成年度公平待客評核自評。
學歷
2005-2009 國立台北大學 法律學系 學士
""",
        "en": """
Jing Chen
EXPERIENCE
Senior Manager, Consumer Rights Protection, a city commercial bank, Jan 2016 - Present
- Set the bank's consumer protection policies and annual plan; run consumer protection training for all staff.
- Conduct consumer protection reviews of new products and marketing materials.
- Manage complaint handling, drive root-cause remediation and report complaint data to the regulator regularly.
- Lead personal financial information protection, with self-inspections and targeted checks.
- Organise financial education campaigns; completed the annual regulatory self-assessment of consumer protection.
EDUCATION
LLB Law, East China University of Political Science and Law, 2009
""",
    },
}


LANGUAGES = ("zh-Hans", "zh-Hant", "en")
CASES = [(role, lang) for role in PARALLEL for lang in LANGUAGES]


@pytest.fixture(scope="module")
def hashing_matcher() -> Matcher:
    """The fake encoder: only for formatting (highlighting)."""
    return Matcher(encoder=HashingEncoder()).fit(rolematch.load_roles())


@pytest.fixture(scope="module")
def static_matcher() -> Matcher:
    """The real static-zh model: for every ranking and every choice of evidence."""
    return Matcher(model="static-zh").fit(rolematch.load_roles())


@pytest.fixture(scope="module")
def fitted_e5() -> Matcher:
    return Matcher().fit(rolematch.load_roles())


@pytest.fixture
def matcher(fitted_e5) -> Matcher:
    return copy.deepcopy(fitted_e5)


def _scores(matcher: Matcher, texts: list[str]) -> np.ndarray:
    return matcher.similarity([rolematch.resume_from_text(t) for t in texts])


@pytest.mark.parametrize(("role", "lang"), CASES)
def test_parallel_resumes_are_detected_in_their_language(role, lang):
    assert rolematch.resume_from_text(PARALLEL[role][lang]).meta["language"] == lang


@pytest.mark.parametrize("role", PARALLEL)
def test_keywords_alone_rank_the_role_first_in_every_language(static_matcher, role):
    resumes = [rolematch.resume_from_text(PARALLEL[role][lang]) for lang in LANGUAGES]
    for lang, results in zip(LANGUAGES, static_matcher.match(resumes, top_k=None), strict=True):
        by_keyword = max(results, key=lambda r: r.explanation.keyword_score)
        assert by_keyword.role_id == role, lang
        kw = {r.role_id: r.explanation.keyword_score for r in results}[role]
        assert kw >= 0.08, (lang, kw)  # the regional and English terms are counted


@pytest.mark.semantic
@pytest.mark.parametrize("role", PARALLEL)
def test_the_same_resume_scores_alike_in_three_languages(matcher, role):
    scores = _scores(matcher, [PARALLEL[role][lang] for lang in LANGUAGES])
    r = matcher.role_ids_.index(role)
    for lang, row in zip(LANGUAGES, scores, strict=True):
        assert int(np.argmax(row)) == r, (
            lang,
            dict(zip(matcher.role_ids_, row.round(3), strict=True)),
        )
    chinese = scores[:2, r]  # zh-Hans, zh-Hant
    assert chinese.min() >= 0.5, dict(zip(LANGUAGES, scores[:, r].round(3), strict=True))
    assert chinese.max() - chinese.min() < 0.15, dict(
        zip(LANGUAGES, scores[:, r].round(3), strict=True)
    )


@pytest.mark.semantic
@pytest.mark.xfail(
    strict=True,
    reason="known gap (issue 13): English sentences sit at one cosine to every Chinese duty, "
    "so duty coverage measured above the résumé's own baseline is near 0 for some roles "
    "(customer-service: en 0.16 vs zh 0.87 with coverage alone; 0.63 vs 0.94 with keyword focus)",
)
def test_english_resumes_read_on_the_chinese_scale(matcher):
    for role in PARALLEL:
        scores = _scores(matcher, [PARALLEL[role][lang] for lang in LANGUAGES])
        r = matcher.role_ids_.index(role)
        assert scores[2, r] >= 0.5 and scores[0, r] - scores[2, r] < 0.15, role


@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
def test_evidence_shows_the_candidates_own_words(static_matcher, lang):
    resume = rolematch.resume_from_text(PARALLEL["customer-service"][lang])
    e = static_matcher.explain(resume, "customer-service")
    sentences = {s.text for s in resume.sentences}
    assert e.evidence and all(ev.sentence in sentences for ev in e.evidence if ev.sentence)
    if lang == "zh-Hant":
        assert any(has_traditional(ev.sentence) for ev in e.evidence)
    else:
        assert all(ev.sentence.isascii() for ev in e.evidence)
    assert "呼叫中心" in {k.term for k in e.matched_keywords} or "坐席" in {
        k.term for k in e.matched_keywords
    }


def test_highlighting_finds_matched_terms_in_traditional_text(hashing_matcher):
    from rolematch.html_report import highlighter
    from rolematch.language import display_variants

    resume = rolematch.resume_from_text(PARALLEL["mobile-banking"]["zh-Hant"])
    e = hashing_matcher.explain(resume, "mobile-banking")
    variants = display_variants(hashing_matcher.keywords_.tokenizer_.synonyms.table)
    mark = highlighter([k.term for k in e.matched_keywords], variants)
    assert "<mark>流動銀行</mark>" in mark(resume.text)


# ---------------------------------------------------------------------------
# files


def _pdf(path, lines, font="Helvetica"):
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if font != "Helvetica":
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font, 10)
    y = 800
    for line in lines:
        c.drawString(40, y, line)
        y -= 16
    c.save()
    return path


def test_english_pdf_is_readable_and_scored(tmp_path, static_matcher):
    # a readability check that counted Chinese characters would call it unreadable
    lines = [ln for ln in PARALLEL["payment-settlement"]["en"].splitlines() if ln.strip()]
    r = rolematch.read_resume(_pdf(tmp_path / "cv.pdf", lines))
    assert r.status == "ok", r.reason
    assert r.meta["language"] == "en"
    assert {"work", "education"} <= set(r.sections)
    best = static_matcher.match([r], top_k=1)[0][0]
    assert best.role_id == "payment-settlement"


def test_traditional_pdf_is_readable_and_scored(tmp_path, static_matcher):
    lines = [ln for ln in PARALLEL["payment-settlement"]["zh-Hant"].splitlines() if ln.strip()]
    r = rolematch.read_resume(_pdf(tmp_path / "cv.pdf", lines, font="MSung-Light"))
    assert r.status == "ok", r.reason
    assert r.meta["language"] == "zh-Hant"
    assert static_matcher.match([r], top_k=1)[0][0].role_id == "payment-settlement"


@pytest.mark.parametrize("encoding", ["utf-8", "big5"])
def test_traditional_text_file_is_read_in_its_language(tmp_path, encoding):
    text = PARALLEL["consumer-protection"]["zh-Hant"].replace("資深", "高級")
    path = tmp_path / "cv.txt"
    path.write_bytes(text.encode(encoding))
    r = rolematch.read_resume(path)
    assert r.status == "ok", r.reason
    assert r.meta["language"] == "zh-Hant"
    assert "金融消費者保護" in r.text  # the candidate's text, not a conversion


# ---------------------------------------------------------------------------
# the multilingual benchmark set


def test_benchmark_set_is_labelled_and_detected():
    labels = json.loads((MULTILINGUAL / "labels.json").read_text("utf-8"))
    files = sorted(p.name for p in (MULTILINGUAL / "resumes").iterdir())
    assert sorted(labels) == files
    assert {lab["language"] for lab in labels.values()} == set(LANGUAGES)
    for name, lab in labels.items():
        r = rolematch.read_resume(MULTILINGUAL / "resumes" / name)
        assert r.ok and r.meta["language"] == lab["language"], name


def test_quality_reports_metrics_per_language(capsys):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import quality
        from _common import Item
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    grades = np.array([[2, 0, 0], [0, 2, 0], [0, 0, 0], [2, 0, 0], [0, 2, 1], [0, 0, 0]])
    items = [
        Item(f"r{i}", None, g, language="en" if i < 3 else "zh-Hant") for i, g in enumerate(grades)
    ]
    scores = {m: grades + 0.1 for m in quality.METHODS}
    out = quality.per_language(items, scores, grades)
    assert set(out) == {"en", "zh-Hant"} and out["en"]["n"] == 3
    assert out["zh-Hant"]["full"]["top1"] == 1.0
    assert "by language: en" in capsys.readouterr().out


@pytest.mark.semantic
def test_a_role_written_in_traditional_scores_as_its_simplified_version(matcher):
    # a Taipei bank's posting: its duties are read as a Traditional résumé's sentences
    # are (in Simplified), or every duty sits across scripts from every CV sentence
    from dataclasses import replace

    from rolematch.language import taiwan_spelling

    roles = rolematch.load_roles()
    hant = [
        replace(r, id=r.id + "-hant", duties=tuple(map(taiwan_spelling, r.duties))) for r in roles
    ]
    assert all(has_traditional(d) for r in hant for d in r.duties[:1])
    m = copy.deepcopy(matcher).fit(roles + hant)
    texts = [PARALLEL[role][lang] for role in PARALLEL for lang in ("zh-Hans", "zh-Hant")]
    table = m.score_table([rolematch.resume_from_text(t) for t in texts])
    semantic = table.pivot_table("semantic_score", "file", "role_id")
    for r in roles:
        gap = (semantic[r.id] - semantic[r.id + "-hant"]).abs().max()
        assert gap < 0.05, (r.id, semantic[[r.id, r.id + "-hant"]].round(3))
