from __future__ import annotations

import datetime as dt
import math

import pytest

from rolematch.documents import Role
from rolematch.features.facets import (
    AGE_NOT_SCORED,
    FacetFinding,
    ResumeFacets,
    RoleFacets,
    certificate_names,
    facet_findings,
    facet_score,
    holds,
    resume_facets,
    role_facets,
)

TODAY = dt.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2015.06-至今 某银行", 11.1),  # June 2015 through June 2026
        ("2016年3月–2019年8月 某银行", 3.5),
        ("2019/05 – 2023/08 某公司", 4.3),
        ("2012.07-2016.02 A公司\n2016.03-2020.02 B公司", 7.7),
        ("2010.01-2015.12 A\n2014.01-2016.12 B", 7.0),  # overlap counted once
        ("没有日期的简历", None),
    ],
)
def test_years_from_dated_work_history(text, years):
    assert resume_facets(text, today=TODAY).years == years


def test_education_dates_are_not_work_years():
    text = "2011-2015 某某大学 金融学 本科\n2015.07-2020.06 某银行 柜员"
    assert resume_facets(text, today=TODAY).years == 5.0


def test_a_course_list_is_no_major():
    # a law graduate who took 金融学概论 does not "have" a finance major
    text = (
        "教育背景\n2008-2012 中国政法大学 法学 本科\n主修课程：民法、刑法、金融学概论、市场营销学\n"
    )
    assert resume_facets(text).majors == ("法律",)
    english = "2011-2015 Some University, BA Finance\nRelevant coursework: Marketing, Accounting"
    assert "市场营销" not in resume_facets(english).majors


def test_majors_ignore_school_names():
    f = resume_facets("2008-2012 某某管理学院 计算机科学与技术 本科")
    assert f.majors == ("计算机",)
    assert f.degree == 2


def test_role_facets_read_requirements():
    r = Role(
        "x", "主管", ("负责",), ("硕士及以上学历", "三年以上银行工作经验", "持有银行从业资格证书")
    )
    assert role_facets(r) == RoleFacets(
        degree=3, years=3.0, certificates=("银行从业资格证书",), years_field="银行工作"
    )


def test_missing_facet_data_is_none_not_zero():
    found = facet_findings(RoleFacets(majors=("金融",), years=5.0), ResumeFacets(years=2.5))
    assert found == [
        FacetFinding("major", "金融", "", None),
        FacetFinding("experience", "5年以上", "2.5年", 0.5),
    ]
    assert facet_score(found) == 0.5
    # no facet data at all: NaN (unknown), never 0.0 (a mismatch)
    assert math.isnan(facet_score([FacetFinding("major", "金融", "", None)]))


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2015年至今 某银行", 11.5),
        ("2015年3月迄今 某銀行", 11.3),
        ("Jan 2015 - present, Bank", 11.5),
        ("2016/03 – Present  Bank", 10.3),
    ],
)
def test_open_ended_ranges_in_other_styles(text, years):
    assert resume_facets(text, today=TODAY).years == years


@pytest.mark.parametrize(
    ("text", "degree", "majors"),
    [
        ("B.S. in Finance, 2010", 2, ("金融",)),
        ("MSc Computer Science, University of Leeds", 3, ("计算机",)),
        ("PhD, Economics", 4, ("经济",)),
        # a returnee's "MS in" (no dots), not MS Office
        ("Columbia University, MS in Financial Economics, 2026", 3, ("经济",)),
        ("Skills: MS Office, Excel; Fudan University, B.S. in Finance", 2, ("金融",)),
        # capitals without dots before a subject or a comma
        ("BA Marketing, Fudan University, 2017", 2, ("市场营销",)),
        ("MA, Peking University (Economics)", 3, ("经济",)),
        ("BEng Software Engineering, Tongji University", 2, ("计算机",)),
        ("Tools: MS Office; BA team, Shanghai University", None, ()),
    ],
)
def test_english_degrees_and_majors(text, degree, majors):
    f = resume_facets(text)
    assert (f.degree, f.majors) == (degree, majors)


@pytest.mark.parametrize(
    ("requirement", "degree", "years"),
    [
        ("本科及以上学历，3年以上Java开发经验", 2, 3.0),
        ("统招本科以上；三年及以上互联网产品经验", 2, 3.0),
        ("全日制硕士研究生及以上", 3, None),
        ("大专以上学历，1-3年客服工作经验", 1, 1.0),
        ("学历：本科；经验：5年", 2, 5.0),
        ("3年以上银行信用卡或消费金融风险策略、模型工作经验", None, 3.0),
        ("学历不限，经验不限", None, None),
        # a campus post states its class (a 本科 graduate passed a 硕士 post silently)
        ("2027届硕士研究生，金融、经济相关专业", 3, None),
        ("应届本科毕业生，专业不限", 2, None),
        ("硕士研究生，计算机相关专业", 3, None),
        ("本科及以上学历，硕士研究生优先", 2, None),
        ("熟悉硕士研究生招生流程", None, None),
    ],
)
def test_role_facets_of_user_postings(requirement, degree, years):
    f = role_facets(Role("x", "岗位", (), (requirement,)))
    assert (f.degree, f.years) == (degree, years)


@pytest.mark.parametrize(
    ("requirement", "degree", "years"),
    [
        ("Bachelor's degree in Finance, Law, Accounting or a related discipline", 2, None),
        ("Minimum 6 years of experience in AML investigations", None, 6.0),
        ("At least 3 years in retail banking", None, 3.0),
        ("5+ years of SQL and Python", None, 5.0),
        ("3-5 years of relevant experience; Master's degree or above", 3, 3.0),
        ("A minimum of five (5) years' progressive experience", None, 5.0),
        ("Over ten years of experience, PhD in Statistics", 4, 10.0),
        ("Doctorate in Economics", 4, None),
        ("Diploma or above, 2 years' experience in customer service", 1, 2.0),
        ("Associate degree in accounting", 1, None),
        ("Bachelor's or Master's degree in Computer Science", 2, None),
        ("Bachelor's degree required, Master's preferred", 2, None),
        ("Bachelor's degree or above (MBA is a plus)", 2, None),
        # only preferred, no degree at all, or no experience meant: no facet
        ("Master's degree preferred", None, None),
        ("Ph.D. would be an advantage", None, None),
        ("Certified Scrum Master; master the reporting tools", None, None),
        ("High school diploma; must be at least 18 years of age", None, None),
        ("Pass the licence exam within 2 years of joining", None, None),
    ],
)
def test_role_facets_of_english_requirements(requirement, degree, years):
    f = role_facets(Role("x", "Analyst", (), (requirement,)))
    assert (f.degree, f.years) == (degree, years)


def test_chinese_requirements_win_over_english_words_in_them():
    reqs = ("本科及以上学历，具有MBA学位优先", "5年以上经验，at least 3 years in banking")
    f = role_facets(Role("x", "岗位", (), reqs))
    assert (f.degree, f.years) == (2, 5.0)
    assert role_facets(Role("x", "岗位", (), ("具有MBA学位优先",))).degree is None


def test_role_majors_come_from_the_requirement_text_as_families():
    reqs = ("计算机科学与技术、软件工程、统计学等相关专业本科及以上学历", "专业知识扎实")
    assert role_facets(Role("x", "开发", (), reqs)).majors == ("计算机", "数据统计分析")
    # a role's own majors win over the text
    assert role_facets(Role("x", "开发", (), reqs, majors=("金融",))).majors == ("金融",)


@pytest.mark.parametrize(
    "limit", ["30周岁以下", "年龄35岁以下", "年龄在25-35岁之间", "年龄不超过35周岁"]
)
def test_age_limits_are_reported_not_scored(limit):
    role = role_facets(Role("x", "柜员", (), (f"大专及以上学历，{limit}",)))
    assert limit in role.age_limit
    found = facet_findings(role, resume_facets("2018-2021 某学院 会计 大专", today=TODAY))
    (age,) = [f for f in found if f.name == "age"]
    assert age.score is None and age.found == AGE_NOT_SCORED
    assert facet_score(found) == 1.0  # only the degree counts


def test_open_ended_years_follow_the_reference_date():
    text = "2020.06-至今 某公司 数据分析师"
    early = resume_facets(text, today=dt.date(2024, 6, 1))
    late = resume_facets(text, today=dt.date(2026, 6, 1))
    assert (early.years, late.years) == (4.1, 6.1)  # June to June, both months counted
    assert late.as_of == dt.date(2026, 6, 1)
    assert resume_facets("2015.01-2019.12 某公司", today=TODAY).as_of is None
    (exp,) = facet_findings(RoleFacets(years=3.0), late)
    assert exp.found == "6.1年（至今 = 2026-06）" and exp.score == 1.0


def test_a_certificate_phrase_is_met_by_any_certificate_it_names():
    # 持有CPA、CFA或FRM证书 names three alternatives; a résumé listing 证书：CPA、FRM meets
    # it (the whole phrase was looked up verbatim and never found)
    role = role_facets(Role("r", "授信审批岗", ("负责授信审批",), ("持有CPA、CFA或FRM证书者优先",)))
    assert role.certificates
    holder = resume_facets("2018-至今 某银行 授信审批\n证书：cpa、FRM", today=dt.date(2026, 1, 1))
    other = resume_facets("2018-至今 某银行 授信审批\n证书：驾驶证", today=dt.date(2026, 1, 1))
    (met,) = [f for f in facet_findings(role, holder) if f.name == "certificates"]
    (unmet,) = [f for f in facet_findings(role, other) if f.name == "certificates"]
    assert met.score == 1.0 and "CPA" in met.found and "FRM" in met.found
    assert unmet.score == 0.0 and unmet.found == ""


def test_a_certificate_still_to_come_is_not_held_and_a_level_or_above_is_one():
    # 持有初中及以上数学教师资格证 is one certificate (not 初中 and 以上…, which 初中 alone
    # met); a tutor 正在备考 it does not hold it, a 高中 certificate holder does
    role = role_facets(
        Role("t", "初中数学教师", ("负责数学教学",), ("持有初中及以上数学教师资格证",))
    )
    today = dt.date(2026, 1, 1)

    def cert(text: str) -> FacetFinding:
        findings = facet_findings(role, resume_facets(text, today=today))
        (f,) = [f for f in findings if f.name == "certificates"]
        return f

    assert cert("2019-至今 某培训学校 初中数学辅导\n证书：正在备考初中数学教师资格证").score == 0.0
    assert (
        cert("2019-至今 某中学 数学教学\n证书：CET-4；初中数学教师资格证（预计2027年取得）").score
        == 0.0
    )
    assert cert("2019-至今 某中学 数学教学\n证书：高中数学教师资格证").score == 1.0
    assert cert("2019-至今 某初中 语文教学\n证书：初中语文教师资格证").score == 0.0
    # the job title is no certificate; the subject may be written apart from it
    assert cert("2019.09-至今 北京某中学 数学教师\n证书：普通话二级甲等").score == 0.0
    assert cert("2019.09-至今 北京某中学 数学教师\n证书：教师资格证（初中数学）").score == 1.0


def test_a_certificate_by_its_other_name_and_not_by_an_aim_or_part_of_its_exams():
    role = role_facets(Role("a", "审计经理", ("负责审计",), ("需具备CPA证书",)))
    today = dt.date(2026, 1, 1)

    def cert(text: str) -> float | None:
        findings = facet_findings(
            role, resume_facets("2018-至今 某会计师事务所 审计\n" + text, today=today)
        )
        return next(f.score for f in findings if f.name == "certificates")

    assert cert("证书：注册会计师") == 1.0 and cert("证书：CPA（全科）") == 1.0
    assert cert("证书：CPA已通过4门，正在备考剩余2门") == 0.0
    assert cert("证书：无\n自我评价：目标是取得CPA证书") == 0.0


def _finding(role: Role, cv: str, name: str) -> FacetFinding:
    return next(f for f in facet_findings(role_facets(role), resume_facets(cv, today=TODAY))
                if f.name == name)  # fmt: skip


def _major(role: Role, education: str) -> FacetFinding:
    return _finding(role, education, "major")


def test_a_named_major_is_the_trade_it_names_not_its_broad_last_word():
    # a warehouse post asks for logistics: a hotel-management major is not one, a
    # supply-chain major is; a post that asks for any 管理 major still takes both
    warehouse = Role("w", "仓储主管", ("负责仓库管理",), ("物流管理、供应链管理等相关专业",))
    hotel = "2012-2016 某某学院 酒店管理 本科"
    supply = "2012-2016 某某大学 供应链管理 本科"
    assert _major(warehouse, hotel).score == 0.0
    assert _major(warehouse, supply).score == 1.0
    broad = Role("m", "主管", ("负责运营",), ("管理类相关专业",))
    assert _major(broad, hotel).score == _major(broad, supply).score == 1.0


def test_the_explanation_names_the_majors_as_the_posting_does():
    nurse = Role("n", "护士长", ("负责病区护理管理",), ("护理学、助产专业，本科及以上学历",))
    finding = _major(nurse, "2008-2012 某某医科大学 护理学 本科")
    assert (finding.wanted, finding.score) == ("护理学、助产", 1.0)
    hr = Role("h", "招聘主管", ("负责招聘",), ("人力资源管理、心理学等相关专业",))
    finding = _major(hr, "2010-2014 某某大学 汉语言文学 本科")
    assert (finding.wanted, finding.score) == ("人力资源管理、心理学", 0.0)


def test_a_major_is_shown_as_the_resume_words_it_with_the_family_it_counts_for():
    # "has 金融" for a 会计学 CV read as if the résumé said 金融
    role = Role("a", "审计经理", ("负责审计",), ("会计、审计等相关专业",))
    (found,) = [
        f
        for f in facet_findings(
            role_facets(role), resume_facets("2012-2016 上海财经大学 会计学 本科", today=TODAY)
        )
        if f.name == "major"
    ]
    assert found.found == "会计（金融）" and found.score == 1.0


def test_a_licence_the_post_requires_is_a_certificate_and_its_alternatives_count():
    """已取得证券投资顾问业务资格 (a licence an investment adviser cannot work without) was no
    facet: a bank wealth manager without it read as a plain fit."""
    role = Role("advisor", "投资顾问", ("负责客户资产配置",),
                ("已取得证券投资顾问业务资格（投顾资格）", "具备基金从业资格或证券从业资格"))  # fmt: skip
    facets = role_facets(role)
    assert facets.certificates == ("证券投资顾问业务资格", "基金从业资格或证券从业资格")
    assert holds("证券投资顾问业务", "证书：证券投资顾问资格、CFA")
    assert holds("证券投资顾问业务", "证书：投顾资格")
    assert not holds("证券投资顾问业务", "证书：基金从业资格")
    assert certificate_names(facets.certificates[1]) == ["基金从业", "证券从业"]


def _experience(requirement: str, resume: str) -> FacetFinding:
    role = role_facets(Role("r", "岗位", ("负责",), (requirement,)))
    findings = facet_findings(role, resume_facets(resume, today=TODAY))
    (f,) = [f for f in findings if f.name == "experience"]
    return f


def test_years_asked_in_a_field_count_only_the_jobs_in_it():
    nurse = "工作经历\n2014.03-至今 某市人民医院 心内科 护士\n- 负责病区护理"
    claims = "工作经历\n2023.03-至今 中国人寿 理赔部 理赔专员\n2014.03-2023.02 某医院 护士"
    f = _experience("5年以上保险公司理赔经验", nurse)
    assert f.score == 0.0 and f.wanted == "5年以上保险公司理赔经验"
    assert f.found.startswith("0年 (")  # and how many years in all
    assert 0.0 < _experience("5年以上保险公司理赔经验", claims).score < 1.0
    # a field that names no trade leaves every job counting
    assert _experience("5年以上相关工作经验", nurse).score == 1.0
    # a compound's parts may stand apart: 前端工程师 … 开发
    dev = "2019.07-至今 某公司 前端工程师\n负责小程序开发"
    assert _experience("2年以上前端开发经验", dev).score == 1.0
    assert _experience("2年以上前端开发经验", "2019.07-至今 某公司 后端开发工程师").score == 0.0


def test_credit_risk_years_are_the_risk_jobs_not_the_platforms():
    """A headhunter's 信贷风控策略 post credited a payments PM (whose lines name platforms)
    with 7.8 years and a credit-card 风险策略经理 with none."""
    wanted = "3年以上银行、消费金融公司或互联网金融平台信贷风控策略工作经验"
    risk = "2018.03-至今 某股份制银行信用卡中心 风险策略经理\n- 负责审批策略、额度策略与评分卡"
    pay = "2016.03-至今 某支付公司 高级产品经理\n- 负责收单产品，对接电商平台与互联网金融平台"
    assert _experience(wanted, risk).score == 1.0
    assert _experience(wanted, pay).score == 0.0


def test_an_education_line_inside_the_work_section_is_no_work():
    work = "2024.07-至今 某银行信用卡中心 风险策略助理\n教育：2020-2024 某大学 统计学 本科"
    f = resume_facets("工作经历\n" + work, {"work": work}, today=dt.date(2026, 12, 1))
    assert f.years == 2.5


def test_english_month_names_and_numeric_months_give_years():
    text = "Risk Analyst, HSBC  Jan 2021 – Present\nAnalyst, Citi  03/2018 - Dec 2020"
    assert resume_facets(text, today=dt.date(2026, 12, 1)).years == 8.8


def test_a_cue_holds_for_its_own_item_and_those_after_it():
    text = "证书：基金从业资格（2024年取得）、afp（备考中）"
    assert holds("基金从业", text) and not holds("afp", text)
    assert not holds("cfa", "证书：正在备考cpa、cfa")


def test_the_posts_own_title_names_the_field_too():
    # 客服坐席 is call-centre work no synonym of 呼叫中心 names; the post's title 客服 does
    role = role_facets(Role("cs", "客服中心主管", ("负责",), ("2年以上呼叫中心管理经验",)))
    agent = resume_facets("2020.06-2026.01 某银行信用卡中心 客服坐席", today=TODAY)
    nurse = resume_facets("2020.06-2026.01 某医院 护士", today=TODAY)
    score = {f.name: f.score for f in facet_findings(role, agent)}["experience"]
    assert score == 1.0
    assert {f.name: f.score for f in facet_findings(role, nurse)}["experience"] == 0.0


def test_a_secondary_school_degree_is_read_and_is_below_a_college_one():
    # 学历：… 中专 was no degree at all: a technician was not marked down for 本科及以上
    tech = "2016年-至今 东莞某五金厂 设备维修工\n学历：2013年 东莞机电职业学校 机电一体化 中专"
    engineer = Role("e", "设备工程师", ("负责设备维修",), ("本科及以上学历，机电一体化等相关专业",))
    degree = _finding(engineer, tech, "degree")
    assert (degree.found, degree.score) == ("中专/高中", 0.0)
    assert _finding(engineer, tech, "major").score == 1.0  # its 学历： line names the major
    worker = Role("w", "操作工", ("负责产线操作",), ("高中及以上学历",))
    assert _finding(worker, "学历：高中", "degree").score == 1.0
    assert _finding(worker, "2010-2014 某某大学 机械工程 本科", "degree").score == 1.0


def test_a_major_and_its_automation_is_one_major():
    # 机械设计制造及其自动化 is a mechanical major, not an automation (computer) one too,
    # and the posting's list keeps it whole (not 机械设计制造 and 其自动化)
    role = Role("e", "设备工程师", ("负责设备维修",),
                ("机械设计制造及其自动化、电气工程及其自动化、机电一体化等相关专业",))  # fmt: skip
    assert role_facets(role).named_majors == (
        "机械设计制造及其自动化", "电气工程及其自动化", "机电一体化")  # fmt: skip
    cv = "2010.09-2014.06 浙江工业大学 机械设计制造及其自动化 本科"
    assert resume_facets(cv, today=TODAY).majors == ("机械",)
    it = Role("i", "开发工程师", ("负责系统开发",), ("计算机、自动化等相关专业",))
    assert _finding(it, cv, "major").score == 0.0
    pmc = Role("p", "生产计划主管", ("负责排产",), ("物流管理、工业工程、生产管理等相关专业",))
    assert "工业工程" in role_facets(pmc).named_majors


@pytest.mark.parametrize(
    ("title", "wanted", "inside", "outside"),
    [
        # the industry a field names is where the work is done, not the work: an
        # equipment engineer's years at a hardware maker are no PMC years
        ("生产计划主管（PMC）", "5年以上电子或五金制造行业PMC工作经验",
         "2018.03-2026.01 某五金制品厂 PMC主管 负责排产和物料控制",
         "2018.03-2026.01 某五金制品厂 设备工程师 负责冲压生产线维护和年度保养计划"),
        ("用户运营经理", "5年以上互联网用户运营经验",
         "2018.03-2026.01 某社交App 用户运营 负责会员体系和拉新促活",
         "2018.03-2026.01 某互联网公司 数据分析师 负责经营分析报表"),
    ],
)  # fmt: skip
def test_the_work_a_field_names_counts_not_its_industry(title, wanted, inside, outside):
    role = Role("r", title, ("负责",), (wanted,))
    assert _finding(role, inside, "experience").score == 1.0
    assert _finding(role, outside, "experience").score == 0.0


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        (
            ("大學以上，法律、財金、會計相關科系畢業", "具2年以上銀行防制洗錢工作經驗"),
            ("大学以上，法律、财金、会计相关专业毕业", "具2年以上银行防制洗钱工作经验"),
        ),
        (
            ("學歷要求：大學(含)以上", "工作經歷：3年以上"),
            ("学历要求：本科及以上", "3年以上工作经验"),
        ),
    ],
)
def test_a_traditional_posting_states_the_facets_its_simplified_version_does(
    traditional, simplified
):
    # a Taipei posting: 大學以上 is a bachelor's, 科系 a major, 經驗/經歷 years
    tw = role_facets(Role("tw", "洗錢防制專員", ("負責",), traditional))
    cn = role_facets(Role("cn", "反洗钱专员", ("负责",), simplified))
    assert (tw.majors, tw.degree, tw.years) == (cn.majors, cn.degree, cn.years)
    assert tw.degree == 2 and tw.years is not None


def test_a_university_is_no_degree_on_a_resume_and_english_is_no_requirement():
    # 大学 reads as a bachelor's only where a posting asks for 大学以上/大学学历
    assert role_facets(Role("x", "t", ("负责",), ("大学英语四级以上",))).degree is None
    f = resume_facets("教育经历\n2010-2013 江城大学 继续教育学院 会计 大专", today=TODAY)
    assert f.degree == 1
    assert role_facets(Role("hk", "RM", ("负责",), ("BBA or above",))).degree == 2


def test_passed_exams_a_post_prefers_are_certificates_any_of_them_meets():
    """通过CPA、法律职业资格考试或CFA者优先 named no certificate: a 法考 holder got no
    credit and a CFA holder was 'certificates none of 证券从业资格'."""
    role = Role("ib", "投资银行部分析师", ("负责尽职调查",),
                ("取得证券从业资格，通过CFA或FRM一级者优先",
                 "通过CPA、法律职业资格考试或CFA者优先", "通过公司考核者优先"))  # fmt: skip
    facets = role_facets(role)
    assert facets.certificates == ("证券从业资格", "CFA或FRM一级", "CPA、法律职业资格考试或CFA")
    assert certificate_names(facets.certificates[2]) == ["CPA", "法律职业资格", "CFA"]
    (law,) = [
        f
        for f in facet_findings(facets, resume_facets("证书：法律职业资格A证"))
        if f.name == "certificates"
    ]
    assert law.score == pytest.approx(1 / 3)
    assert holds("法律职业资格", "2019年通过司法考试")
    assert not holds("法律职业资格", "正在备考法律职业资格考试")
