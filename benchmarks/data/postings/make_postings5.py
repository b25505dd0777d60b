"""Held-out batch 5: write its posting files and add their gold to ``gold.json``.

Written blind, before running the importer on them and without reading the
parser: layouts the first four batches do not have. Tags as in
``make_postings.py`` (``T|`` title, ``H|`` heading, ``D|`` duty, ``R|``
requirement, ``P|`` preferred requirement, ``N|`` noise, ``+|`` the rest of
the item above, wrapped); each posting's title is written out (``title``), not
derived from its title line. The other batches' files and gold are left as
they are. Everything is invented; phones are masked, mail is @example.com.

Run from the repository root: ``python benchmarks/data/postings/make_postings5.py``.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_postings import _lines, gold_of  # noqa: E402

# ---------------------------------------------------------------------------
# 1. A rural commercial bank's 公开招聘公告 (.docx): the notice in paragraphs, the
#    posts in its appendix, a Word table 岗位一览表 (序号 | 岗位代码 | 招聘部门 |
#    岗位名称 | 招聘人数 | 岗位职责 | 任职条件 | 工作地点), the 工作地点 cell
#    merged over both rows; the first row's cells hold line breaks, the second's
#    one paragraph per item.
SOE_BODY = """\
N|江州农村商业银行股份有限公司2026年公开招聘公告
N|为满足业务发展需要，江州农村商业银行股份有限公司（以下简称“本行”）现面向社会公开招聘专业人才。现将有关事项公告如下：
H|一、招聘岗位
N|本次公开招聘岗位共2个，招聘3人，具体岗位及条件详见附件《岗位一览表》。
H|二、报名方式
N|应聘人员请于2026年11月20日前登录本行招聘系统（https://zhaopin.jzrcb.example.com）填写报名信息。
H|三、招聘程序
N|1.资格审查：根据报名条件对应聘人员进行资格审查；
N|2.笔试面试：资格审查合格者参加笔试，按成绩排名确定面试人选；
N|3.体检考察：根据综合成绩确定体检和考察人选，合格者公示7个工作日后办理聘用手续。
H|四、联系方式
N|联系电话：0791-8***-3310（工作日9:00-17:00）
N|江州农村商业银行股份有限公司
N|2026年11月5日
N|附件：江州农村商业银行2026年公开招聘岗位一览表
"""
SOE_DATA = """\
T|数据开发工程师
N|JZ2026-01
N|金融科技部
N|2
N|江州市
D|1.负责全行数据仓库及数据集市的模型设计、ETL开发和调度运维；
D|2.负责监管报送（EAST、1104、人行大集中）数据的加工与质量校验；
D|3.参与实时数据平台建设，支撑营销、风控等业务场景的数据需求；
D|4.负责数据标准和数据质量管理相关工作。
R|1.全日制本科及以上学历，计算机、软件工程、统计学等相关专业；
R|2.3年以上数据仓库或大数据开发经验，有银行业数据项目经验者优先；
R|3.熟练掌握SQL及Hive、Spark等大数据组件，熟悉Python或Java；
R|4.年龄35周岁及以下（1990年11月1日以后出生）。
"""
SOE_RISK = """\
T|信用风险管理岗
N|JZ2026-02
N|风险管理部
N|1
N|江州市
D|1.负责对公及小微企业授信业务的风险审查，出具审查意见；
D|2.负责贷后风险监测、预警信号核查及不良贷款分析；
D|3.参与信用风险计量模型及内部评级体系的建设与优化。
R|1.全日制硕士研究生及以上学历，金融、经济、会计等相关专业；
R|2.具有3年以上银行授信审批或风险管理工作经验；
R|3.熟悉国家金融政策和商业银行信贷管理制度，具有较强的财务分析能力；
P|4.持有FRM、CPA或中级经济师证书者优先。
"""

# ---------------------------------------------------------------------------
# 2. A city investment group's appendix 岗位一览表 (.xlsx): merged title rows, a
#    two-row header (岗位信息 over 岗位代码/岗位名称/招聘人数, 岗位要求 over
#    岗位职责/任职资格), 招聘单位 merged down over two posts, a merged note row.
XLSX_INV = """\
T|投资发展岗
N|集团本部
N|JB01
N|1
D|1.负责集团投资项目的策划、论证和可行性研究，撰写投资分析报告；
D|2.负责拟投资项目的尽职调查、财务测算和风险评估；
D|3.负责已投项目的投后管理和退出方案设计。
R|1.全日制本科及以上学历，金融、经济、财务管理等相关专业；
R|2.5年以上股权投资、投行或国有企业投资管理工作经验；
R|3.熟悉国有资产管理和投资相关政策法规；
P|4.持有CFA、CPA或法律职业资格证书者优先。
"""
XLSX_FIN = """\
T|融资管理岗
N|集团本部
N|JB02
N|2
D|1.负责编制集团年度融资计划，拓展银行、信托、租赁等融资渠道；
D|2.负责企业债、公司债、中期票据等直接融资项目的申报和发行；
D|3.负责存量债务管理，确保按期还本付息。
R|1.全日制本科及以上学历，金融学、会计学等相关专业；
R|2.3年以上银行对公信贷、城投融资或证券承销工作经验；
R|3.具备较强的沟通协调能力和文字写作能力。
"""
XLSX_COST = """\
T|造价工程师
N|江北建设工程有限公司
N|JS01
N|1
D|1.负责工程项目的预算、结算编制和审核；
D|2.负责工程变更、签证的造价审核，控制项目成本；
D|3.参与招标控制价编制和合同谈判。
R|1.全日制本科及以上学历，工程造价、工程管理等相关专业；
R|2.具有一级造价工程师执业资格；
R|3.5年以上工程造价工作经验，熟练使用广联达等造价软件。
"""
XLSX_NOTE = "注：1.年龄、工作经历计算截至2026年10月31日；2.招聘人数较少的岗位，开考比例为1:3。"

# ---------------------------------------------------------------------------
# 3. A headhunter's JD sent in WeChat: 【职位名称】【汇报对象】【薪酬】 blocks, a
#    numbered 【职位亮点】 list that is no duty, a sign-off.
HUNTER = """\
N|【猎头职位推荐】某头部股份制银行信用卡中心
T|【职位名称】风控模型专家（信用卡中心）
N|【汇报对象】风险管理部总经理
N|【工作地点】上海浦东（陆家嘴）
N|【薪酬】60-90万/年，base面议+年终奖
H|【职位亮点】
N|1. 头部银行核心风控团队，数据量大、场景丰富
N|2. 团队扁平，直接向部门总汇报
H|【岗位职责】
D|1. 负责信用卡申请评分卡、行为评分卡及催收评分卡的开发与迭代；
D|2. 搭建反欺诈及额度策略模型，持续监控模型表现并进行优化；
D|3. 负责模型文档撰写及内外部模型验证、监管检查的配合工作；
D|4. 带领3-5人的建模团队，指导初级建模人员。
H|【任职要求】
R|1. 统计、数学、计算机等相关专业硕士及以上学历；
R|2. 5年以上银行、消费金融或互联网金融风控建模经验；
R|3. 精通Python、SQL，熟悉逻辑回归、XGBoost、LightGBM等建模方法；
R|4. 有信用卡或消费信贷全流程建模经验，有团队管理经验者优先。
N|有兴趣的朋友欢迎私信我，推荐成功有奖🎁
N|微信：hunter_***（王顾问）
"""

# ---------------------------------------------------------------------------
# 4. A hospital's recruitment notice page (.html): navigation, the notice, an HTML
#    <table> of posts (岗位代码 | 招聘科室 | 岗位名称 | 招聘人数 | 岗位职责 | 任职要求)
#    whose cells break lines with <br>, the rest of the notice, a footer.
HOSP_NAV = """\
N|首页
N|医院概况
N|新闻中心
N|人才招聘
N|江州市第一人民医院2026年公开招聘编外工作人员公告
N|发布时间：2026-10-28　浏览次数：1024
N|根据医院发展需要，经研究决定，面向社会公开招聘编外工作人员2名，有关事项公告如下：
H|一、招聘岗位及条件
"""
HOSP_IT = """\
T|信息工程师
N|2026-XX01
N|信息科
N|1
D|1.负责医院HIS、LIS、PACS等信息系统的运行维护和故障处理；
D|2.负责院内网络、服务器及数据库的日常管理与安全防护；
D|3.配合完成电子病历评级和互联互通测评相关工作。
R|1.本科及以上学历，计算机科学与技术、软件工程等相关专业；
R|2.2年以上医院信息化或系统运维工作经验；
R|3.熟悉Oracle或SQL Server数据库，掌握网络及Linux基础知识。
"""
HOSP_ACC = """\
T|财务会计
N|2026-CW02
N|财务科
N|1
D|1.负责医院日常会计核算、报销审核和记账凭证编制；
D|2.负责医疗收入和成本核算，编制月度财务报表；
D|3.配合完成预算管理、内部审计及政府会计制度相关工作。
R|1.本科及以上学历，会计学、财务管理等相关专业；
R|2.具有初级会计专业技术资格，有医院或事业单位财务工作经验者优先；
R|3.熟练使用用友等财务软件。
"""
HOSP_TAIL = """\
H|二、报名方式
N|报名时间：2026年11月1日至11月10日，请将报名表发送至 rsk@jzdyrmyy.example.com。
N|咨询电话：0791-8***-1234（人事科）
N|版权所有 © 江州市第一人民医院　赣ICP备0000000号
"""

# ---------------------------------------------------------------------------
# 5. A payment company's careers page in Markdown: ### headings in English and
#    Chinese, - bullets, items mixing both languages.
FINTECH_MD = """\
N|# Join Lumina Pay 加入明曜支付
N|明曜支付是一家持牌第三方支付机构，服务跨境电商和中小商户。
N|We are a licensed payment institution serving cross-border merchants.
T|## Senior Backend Engineer 高级后端工程师（Payments）
N|**Location 工作地点:** Shenzhen 深圳南山 · **Type:** Full-time
H|### What you'll do 工作职责
D|- Design and build 支付核心系统（收单、清结算、对账）, ensuring high availability and consistency
D|- 负责跨境支付通道的接入与路由优化，提升支付成功率
D|- Own service reliability: monitoring, on-call and incident reviews 故障复盘
D|- 与风控、合规团队协作，落地反洗钱和交易监控需求
H|### What we're looking for 任职要求
R|- 本科及以上学历，计算机相关专业，5+ years of backend development experience
R|- Proficient in Java or Go; familiar with MySQL, Redis and Kafka
R|- 有支付、清结算或银行核心系统开发经验
R|- Fluent English reading and writing; able to work with overseas teams
H|### Nice to have 加分项
P|- Experience with PCI DSS, SWIFT or ISO 20022 messaging
P|- 熟悉分布式事务和TCC/Saga模式
H|### Benefits 福利
N|- 14薪 + 年度调薪，六险一金
N|- Flexible hours 弹性工作，每周一天远程办公
N|Apply: send your CV to jobs@luminapay.example.com
"""

# ---------------------------------------------------------------------------
# 6. A securities firm's 校园招聘简章 copied out of its PDF (.txt): hard line breaks
#    every 34 characters, in the middle of items; the page header and footer
#    repeated where the page breaks (inside the duty list).
PDFPASTE = """\
N|一、公司简介
N|华泰安信证券股份有限公司是一家全国性综合类证券公司，业务涵盖经纪、投行、资产管理、自营等领域，在全国设有120余家分支机构。
T|二、招聘岗位：投行业务岗（债券融资方向）
N|工作地点：上海、北京、深圳
H|岗位职责：
D|1. 参与公司债、企业债、金融债等债券项目的尽职调查，撰写募集说明书等申报材料；
D|2. 协助项目组完成发行人财务分析、偿债能力分析及与评级机构的沟通；
D|3. 参与债券发行的簿记建档、路演推介及存续期管理工作，跟踪发行人经营和财务状况变化。
H|任职要求：
R|1. 2026届硕士研究生，金融、经济、会计、法律等相关专业，本科为全日制重点院校；
R|2. 具有扎实的财务分析基础，通过CPA或法律职业资格考试部分科目者优先；
R|3. 有券商投行、评级机构或会计师事务所实习经历；
R|4. 具备良好的文字表达能力和团队合作精神，能适应出差。
H|三、招聘流程
N|网申→笔试→面试（两轮）→发放录用通知
H|四、投递方式
N|请登录公司官网“加入我们”栏目投递简历，截止日期2026年10月31日。
"""
PDF_HEADER = "华泰安信证券股份有限公司 2026届校园招聘简章"
PDF_WIDTH = 34
PDF_PAGE_LINES = 10

# ---------------------------------------------------------------------------
# 7. An insurer's 招聘启事 saved by Notepad on Chinese Windows (.txt): GBK, CRLF,
#    items numbered 一、二、.
GBK = """\
N|平和人寿保险股份有限公司江州分公司招聘启事
T|招聘岗位：个险核保专员
N|招聘人数：2名
H|岗位职责：
D|一、负责个人寿险、健康险投保件的风险评估与核保决定；
D|二、负责体检件、生调件的安排与结果审核，跟进契约调查；
D|三、解答业务员及客户的核保咨询，参与核保规则的优化；
D|四、协助开展核保培训及新契约风险数据分析。
H|任职资格：
R|一、医学、护理、药学或保险相关专业本科及以上学历；
R|二、2年以上寿险核保或临床工作经验；
P|三、持有核保师资格证书（ALU或FALU）者优先；
R|四、工作细致，具备良好的沟通能力。
N|待遇：底薪+绩效，五险一金，节日福利。
N|联系人：周经理　电话：0791-8***-7788
N|地址：江州市红谷滩区丰和中大道某某大厦18楼
"""

# ---------------------------------------------------------------------------
# 8. A Liepin-style export (.csv): columns 职位 / 公司 / 薪资 / 城市 / 经验 / 学历 /
#    职位描述 / 更新时间; the description holds the duties and requirements,
#    each under its own heading, as one multi-line cell.
LIEPIN_FRAUD = """\
T|反欺诈策略分析师
H|职位描述：
D|1、负责信贷产品的反欺诈策略制定、上线和效果监控；
D|2、分析欺诈案件特征，挖掘团伙欺诈、中介代办等风险模式；
D|3、搭建设备指纹、关系网络等反欺诈变量体系。
H|任职资格：
R|1、本科及以上学历，统计、数学、计算机等相关专业；
R|2、2年以上互联网金融或银行反欺诈策略经验；
R|3、熟练使用SQL、Python，熟悉知识图谱或关联网络分析者优先；
R|4、逻辑严谨，对数据敏感。
N|工作地址：上海市黄浦区中山南路某某大厦
"""
LIEPIN_COMPLIANCE = """\
T|合规专员（消费金融）
H|岗位职责
D|1、负责公司业务的合规审查，对新产品、新业务出具合规意见；
D|2、跟踪金融监管政策变化，组织制度修订和合规培训；
D|3、负责消费者权益保护和监管报送相关工作。
H|任职要求
R|1、法学、金融等相关专业本科及以上学历，通过法律职业资格考试者优先；
R|2、3年以上银行、消费金融公司或律所金融合规工作经验；
R|3、熟悉《消费金融公司管理办法》等监管规定。
"""
_COMPANY = "上海某消费金融有限公司"
LIEPIN_META = {
    "fraud-analyst": ["LP88120931", _COMPANY, "20-35k·14薪", "上海-黄浦区", "3-5年", "本科"],
    "fin-compliance": ["LP88121077", _COMPANY, "18-30k·14薪", "上海-黄浦区", "3-5年", "本科"],
}

# ---------------------------------------------------------------------------
# 9. A bank's short post: duties and requirements as one numbered list, no headings.
NUMBERED = """\
N|【招聘】江州银行普惠金融部
T|岗位：小微企业客户经理
N|工作地点：江州市各支行
D|1.负责小微企业客户的营销拓展，完成贷款投放和存款、结算等综合业务指标；
D|2.负责小微贷款的贷前调查、授信方案设计和贷款资料整理；
D|3.负责贷后管理，定期走访客户，及时发现和报告风险信号；
D|4.负责不良贷款的催收及清收处置配合工作；
R|5.全日制本科及以上学历，金融、经济、会计、管理等相关专业；
R|6.2年以上银行信贷或小贷公司工作经验，有客户资源者优先；
R|7.年龄30周岁以下，持有C1驾照，能适应经常外出；
R|8.具有较强的营销能力和沟通表达能力。
N|有意者请将简历发送至 hr@jzbank.example.com ，注明“应聘岗位+姓名”。
"""

# ---------------------------------------------------------------------------
# 10. A Hong Kong virtual bank's openings in one text file: Traditional Chinese
#     with English, headings 職責 Responsibilities / 要求 Requirements, - bullets,
#     posts separated by ==== lines.
HK_HEAD = """\
N|星滙銀行 Starlink Virtual Bank
N|招聘職位 Job Openings
N|====================
"""
HK_COMPLIANCE = """\
T|職位：合規主任 Compliance Officer
N|部門：合規部 Compliance
H|職責 Responsibilities
D|- 監察銀行日常業務的合規情況，確保符合金管局（HKMA）的監管要求；
D|- 負責反洗錢（AML）及交易監察警報的調查和跟進；
D|- Prepare regulatory returns and compliance reports for senior management.
D|- 協助制定及更新合規政策和程序。
H|要求 Requirements
R|- 大學學位，主修法律、金融或相關學科；
R|- 3年或以上銀行合規或反洗錢工作經驗；
R|- Good knowledge of the AMLO and HKMA guidelines.
R|- 良好的中英文書寫能力。
N|====================
"""
HK_DATA = """\
T|職位：數據工程師 Data Engineer
N|部門：科技部 Technology
H|職責 Responsibilities
D|- 設計及維護數據管道（data pipeline），整合核心銀行系統及渠道數據；
D|- Build and optimise the data warehouse on the cloud (AWS / Alibaba Cloud).
D|- 與風險及業務團隊合作，提供數據分析支援。
H|要求 Requirements
R|- 計算機科學或相關學科學士學位；
R|- 2年以上數據工程經驗，精通SQL及Python；
P|- Experience with Spark, Airflow or Flink is a plus.
N|====================
N|有意者請將履歷電郵至 careers@starlinkvb.example.com，並註明申請職位。
N|所有資料只作招聘用途。
"""

# (file, layout, [(id, title, tagged)]); the notice's body and the page's navigation
# go to the first posting's noise, its tail to the last one's.
HELDOUT5 = [
    ("heldout5_soe_notice.docx", "docx",
     [("data-dev", "数据开发工程师", SOE_BODY + SOE_DATA),
      ("credit-risk-mgr", "信用风险管理岗", SOE_RISK)]),
    ("heldout5_appendix.xlsx", "xlsx",
     [("investment-dev", "投资发展岗", XLSX_INV),
      ("financing-mgr", "融资管理岗", XLSX_FIN),
      ("cost-engineer", "造价工程师", XLSX_COST + "N|" + XLSX_NOTE + "\n")]),
    ("heldout5_headhunter.txt", "txt", [("card-risk-model", "风控模型专家（信用卡中心）", HUNTER)]),
    ("heldout5_hospital.html", "html",
     [("hospital-it", "信息工程师", HOSP_NAV + HOSP_IT),
      ("hospital-accountant", "财务会计", HOSP_ACC + HOSP_TAIL)]),
    ("heldout5_fintech.md", "markdown",
     [("payments-backend", "Senior Backend Engineer 高级后端工程师（Payments）", FINTECH_MD)]),
    ("heldout5_pdfpaste.txt", "txt", [("dcm-banker", "投行业务岗（债券融资方向）", PDFPASTE)]),
    ("heldout5_gbk.txt", "txt", [("underwriter", "个险核保专员", GBK)]),
    ("heldout5_liepin.csv", "csv",
     [("fraud-analyst", "反欺诈策略分析师", LIEPIN_FRAUD),
      ("fin-compliance", "合规专员（消费金融）", LIEPIN_COMPLIANCE)]),
    ("heldout5_numbered.txt", "txt", [("smb-rm", "小微企业客户经理", NUMBERED)]),
    ("heldout5_hkmulti.txt", "txt",
     [("hk-compliance", "合規主任 Compliance Officer", HK_HEAD + HK_COMPLIANCE),
      ("hk-data-engineer", "數據工程師 Data Engineer", HK_DATA)]),
]  # fmt: skip


def _row(tagged: str) -> dict[str, list[str]]:
    """A table post's cells: title, the meta cells in order, duties, requirements."""
    cells: dict[str, list[str]] = {"T": [], "N": [], "D": [], "R": []}
    for tag, t in _lines(tagged):
        if tag in cells or tag == "P":
            cells["R" if tag == "P" else tag].append(t)
    return cells


def write_soe_docx(path: Path, posts: list[tuple[str, str, str]]) -> None:
    import docx

    d = docx.Document()
    for tag, t in _lines(SOE_BODY):
        p = d.add_paragraph()
        p.add_run(t).bold = tag == "H"
    heads = ("序号", "岗位代码", "招聘部门", "岗位名称", "招聘人数", "岗位职责", "任职条件")
    heads += ("工作地点",)
    table = d.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, heads, strict=True):
        cell.text = head
    for k, (_pid, _title, tagged) in enumerate(posts):
        c = _row(tagged.replace(SOE_BODY, ""))
        code, dept, n, place = c["N"]
        row = table.add_row().cells
        for cell, text in zip(row, (str(k + 1), code, dept, c["T"][0], n), strict=False):
            cell.text = text
        for cell, items in ((row[5], c["D"]), (row[6], c["R"])):
            if k == 0:
                cell.text = "\n".join(items)
            else:
                cell.text = items[0]
                for item in items[1:]:
                    cell.add_paragraph(item)
        row[7].text = place
    top, bottom = table.rows[1].cells[7], table.rows[-1].cells[7]
    top.merge(bottom).text = "江州市"
    d.save(str(path))


def write_xlsx(path: Path, posts: list[tuple[str, str, str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    wb = Workbook()
    ws = wb.active
    ws.title = "岗位一览表"
    ws.append(["附件1"])
    ws.merge_cells("A1:H1")
    ws.append(["江北城投集团2026年公开招聘岗位一览表"])
    ws.merge_cells("A2:H2")
    ws.append(["序号", "招聘单位", "岗位信息", None, None, "岗位要求", None, "备注"])
    ws.append([None, None, "岗位代码", "岗位名称", "招聘人数", "岗位职责", "任职资格", None])
    for rng in ("A3:A4", "B3:B4", "C3:E3", "F3:G3", "H3:H4"):
        ws.merge_cells(rng)
    first = ws.max_row + 1
    for k, (_pid, _title, tagged) in enumerate(posts):
        c = _row(tagged.replace("N|" + XLSX_NOTE + "\n", ""))
        unit, code, n = c["N"]
        ws.append([k + 1, unit, code, c["T"][0], int(n), "\n".join(c["D"]), "\n".join(c["R"]),
                   "面向社会公开招聘" if k == 0 else None])  # fmt: skip
    last = ws.max_row
    ws.merge_cells(f"B{first}:B{first + 1}")  # 集团本部 over its two posts
    ws.merge_cells(f"H{first}:H{last}")
    ws.append([XLSX_NOTE])
    ws.merge_cells(f"A{last + 1}:H{last + 1}")
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    wb.save(str(path))


def write_hospital_html(path: Path, posts: list[tuple[str, str, str]]) -> None:
    nav = [t for _, t in _lines(HOSP_NAV)]
    out = [
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{nav[4]}</title></head><body>",
        '<div class="top-nav"><ul>'
        + "".join(f'<li><a href="#">{t}</a></li>' for t in nav[:4])
        + "</ul></div>",
        f'<div class="article"><h2 class="art-title">{nav[4]}</h2>',
        f'<div class="art-info">{nav[5]}</div>',
        f'<div class="art-content"><p>{nav[6]}</p>',
        f"<p><strong>{nav[7]}</strong></p>",
        '<table border="1" cellspacing="0"><tr><th>岗位代码</th><th>招聘科室</th><th>岗位名称</th>'
        "<th>招聘人数</th><th>岗位职责</th><th>任职要求</th></tr>",
    ]
    for _pid, _title, tagged in posts:
        body = tagged.replace(HOSP_NAV, "").replace(HOSP_TAIL, "")
        c = _row(body)
        code, dept, n = c["N"]
        duties, reqs = "<br>".join(c["D"]), "<br>".join(c["R"])
        out.append(f"<tr><td>{code}</td><td>{dept}</td><td>{c['T'][0]}</td><td>{n}</td>"
                   f"<td>{duties}</td><td>{reqs}</td></tr>")  # fmt: skip
    out.append("</table>")
    tail = _lines(HOSP_TAIL)
    out.append(f"<p><strong>{tail[0][1]}</strong></p>")
    out += [f"<p>{t}</p>" for _, t in tail[1:-1]]
    out.append(f'</div></div><div class="footer">{tail[-1][1]}</div></body></html>')
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def pdf_paste(tagged: str) -> tuple[str, list[str]]:
    """Lines cut every PDF_WIDTH characters, page header and footer on each page.

    Returns the text and the header/footer lines (noise of the gold).
    """
    physical: list[str] = []
    for _tag, t in _lines(tagged):
        while t:
            physical.append(t[:PDF_WIDTH])
            t = t[PDF_WIDTH:]
    pages = [physical[i : i + PDF_PAGE_LINES] for i in range(0, len(physical), PDF_PAGE_LINES)]
    out, noise = [], []
    for k, page in enumerate(pages):
        foot = f"第 {k + 1} 页 共 {len(pages)} 页"
        out += [PDF_HEADER, *page, foot]
        noise += [PDF_HEADER, foot]
    return "\n".join(out) + "\n", noise


def write_liepin_csv(path: Path, posts: list[tuple[str, str, str]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["职位ID", "职位", "公司", "薪资", "城市", "经验", "学历", "职位描述", "更新时间"])
    for pid, title, tagged in posts:
        desc = "\n".join(t for tag, t in _lines(tagged) if tag != "T")
        lid, company, pay, city, years, degree = LIEPIN_META[pid]
        w.writerow([lid, title, company, pay, city, years, degree, desc, "2026-10-30"])
    path.write_text(buf.getvalue(), encoding="utf-8-sig")


def main() -> None:
    gold_path = HERE / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for name, layout, posts in HELDOUT5:
        path = HERE / name
        entries = []
        for pid, title, tagged in posts:
            g = gold_of(tagged, pid)
            g["title"] = title
            entries.append(g)
        text = "\n".join(t for _, _, t in posts)
        plain = "\n".join(t for _, t in _lines(text))
        if layout == "docx":
            write_soe_docx(path, posts)
        elif layout == "xlsx":
            write_xlsx(path, posts)
        elif layout == "html":
            write_hospital_html(path, posts)
        elif layout == "csv":
            write_liepin_csv(path, posts)
        elif name.endswith("pdfpaste.txt"):
            body, noise = pdf_paste(text)
            entries[0]["noise"] = [*noise[:1], *entries[0]["noise"], *noise[1:]]
            path.write_text(body, encoding="utf-8")
        elif name.endswith("gbk.txt"):
            path.write_bytes((plain.replace("\n", "\r\n") + "\r\n").encode("gbk"))
        else:
            path.write_text(plain + "\n", encoding="utf-8")
        gold[name] = {"layout": layout, "heldout": True, "batch": 5, "postings": entries}
    gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
