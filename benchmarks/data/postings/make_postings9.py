"""Held-out batch 9: write its posting files and add their gold to ``gold.json``.

Written blind, by a helper that read neither the parser nor its vocabulary and
never ran the importer on these files: layouts batches 1-8 do not have. Tags as
in ``make_postings.py`` (``T|`` title, ``H|`` heading, ``D|`` duty, ``R|``
requirement, ``P|`` preferred requirement, ``N|`` noise, ``+|`` the rest of the
item above, wrapped); each posting's title is written out, not derived from its
title line. Item markers ``make_postings.gold_of`` does not strip (☐ ☑ ‧ and
1）) are stripped here. The other batches' files and gold are left as they are.
Everything is invented; phones are masked, mail is @example.com.

Run from the repository root: ``python benchmarks/data/postings/make_postings9.py``.
"""
# ruff: noqa: E501  (a tagged line is one item of the posting, written as the file holds it)

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_postings import _lines, gold_of  # noqa: E402

FIXED = dt.datetime(2026, 11, 1, 9, 0, 0)

# ---------------------------------------------------------------------------
# 1. A 智联招聘 job page saved as .html: navigation, a summary banner (salary,
#    city | years | degree | headcount, welfare tags, a button), the JD in one
#    <p> of <div class="describtion__detail-content"> with <br> breaks: a plain
#    岗位职责： line, the duties, a bold <strong>任职资格：</strong> inside the same
#    paragraph, the requirements, a blank line and 工作时间; skill tags below,
#    the address, a company card and the footer.
ZHILIAN = """\
N|首页
N|职位搜索
N|校园招聘
N|登录/注册
T|注塑工艺工程师
N|1.2万-1.8万·13薪
N|苏州-吴中区
N|3-5年
N|大专
N|招2人
N|五险一金
N|年底双薪
N|餐补
N|交通补助
N|投简历
H|职位描述
H|岗位职责：
D|1、负责注塑成型工艺参数的设定、调试与优化，提升产品一次良率；
D|2、负责新模具的试模、验收及量产导入，编写作业指导书（SOP）；
D|3、分析处理生产中的缩水、飞边、熔接痕等外观及尺寸不良；
D|4、推动成型周期改善和降本项目，降低材料损耗和能耗。
H|任职资格：
R|1、大专及以上学历，高分子材料、模具、机械等相关专业；
R|2、3年以上汽车零部件或电子产品注塑工艺经验；
R|3、熟悉海天、恩格尔等注塑机操作，能看懂模具图纸；
P|4、有科学注塑（DOE）或六西格玛项目经验者优先。
N|工作时间：做五休二，旺季需配合加班
N|注塑工艺
N|模具调试
N|DOE
H|工作地址
N|苏州市吴中区胥口镇某某路18号
N|苏州瑞拓精密塑胶科技有限公司
N|民营 | 500-999人 | 汽车零部件
N|查看公司主页
N|举报该职位
N|©2026 智联招聘 京ICP备00000000号
"""

# ---------------------------------------------------------------------------
# 2. A Feishu document exported to .docx: a document title and an update line,
#    per post a Heading 1 title, a callout box (a one-cell shaded table, 💡 on
#    its first line) with the post's highlights, a facts line, Heading 2
#    sections with emoji, the items as checkbox paragraphs (☐, or ☑ where the
#    author ticked them), a closing callout on how to apply.
FEISHU_HEAD = """\
N|星穹互娱 · 2026 Q4 社招 JD（对外版）
N|更新时间：2026-10-30 ｜ 负责人：HRBP 林一
"""
FEISHU_QA = """\
T|测试开发工程师（游戏客户端）
H|💡 岗位亮点
N|自研二次元开放世界项目，已在海外上线
N|弹性工作不打卡，每年两次调薪机会
N|工作地点：上海·徐汇 ｜ 薪资：25-40K·15薪
H|📌 岗位职责
D|☐ 负责游戏客户端自动化测试框架的设计与开发，提升回归测试效率；
D|☐ 搭建性能测试体系，跟踪帧率、内存、发热等指标并推动优化；
D|☐ 参与版本测试计划制定，编写测试用例并跟进缺陷闭环；
D|☐ 开发测试工具和平台，接入CI/CD流水线。
H|📌 任职要求
R|☐ 本科及以上学历，计算机相关专业，3年以上测试开发经验；
R|☐ 熟练掌握Python或C#，熟悉Airtest、Poco等游戏自动化框架；
R|☐ 了解Unity引擎基本原理，会使用PerfDog等性能分析工具；
R|☐ 热爱游戏，有良好的沟通能力和责任心。
H|⭐ 加分项
P|☐ 有大型MMO或开放世界项目的测试经验；
P|☐ 有测试平台从0到1的建设经验。
"""
FEISHU_COMMUNITY = """\
T|海外社区运营（日语）
H|💡 岗位亮点
N|直接对接日本玩家社区，参与全球发行
N|工作地点：上海·徐汇 ｜ 薪资：15-25K·15薪
H|📌 岗位职责
D|☑ 负责游戏日服官方X（Twitter）、Discord社区的日常运营与内容发布；
D|☑ 收集并整理日本玩家反馈，输出舆情周报；
D|☑ 策划线上社区活动及KOL合作，提升社区活跃度。
H|📌 任职要求
R|☑ 日语N1，能熟练进行日文写作；
R|☑ 2年以上游戏社区运营或海外市场经验；
R|☑ 熟悉日本二次元文化及主流社交平台。
H|📮 投递方式
N|简历请发送至 jobs@xingqiong.example.com，邮件标题：岗位名称-姓名-工作年限
N|内推请联系对应HRBP，内推成功有奖励
"""

# ---------------------------------------------------------------------------
# 3. A 文旅 company's notice as text: each section ONE line, its name in 【】
#    and its items run together, separated by full-width semicolons.
SEMICOLON = """\
N|江州鹿鸣山文旅发展有限公司招聘启事
N|江州鹿鸣山文旅发展有限公司是江州市文旅集团下属企业，负责鹿鸣山国家4A级旅游景区的运营管理。
T|招聘岗位：景区新媒体运营专员
N|【招聘人数】1人　【工作地点】江州市鹿鸣山景区
H|【岗位职责】
D|负责景区抖音、小红书、视频号等账号的内容策划、拍摄与发布
D|策划节假日及淡季营销活动并做好线上推广
D|对接达人探店和旅行社合作，统计投放效果
D|完成部门交办的其他工作。
H|【任职要求】
R|大专及以上学历，新闻传播、广告、旅游管理等相关专业
R|1年以上新媒体运营经验，能独立完成短视频拍摄与剪辑
R|熟练使用剪映、醒图、Photoshop等工具
P|有文旅行业或景区工作经验者优先。
N|【薪资福利】4500-6500元/月＋绩效；五险一金；提供员工宿舍和工作餐
N|【报名方式】请将简历发送至 lumingshan-hr@example.com，报名截止时间2026年11月25日。
N|【联系电话】0791-8***-2066（工作日）
"""

# ---------------------------------------------------------------------------
# 4. A hospital 护理部's notice as .pdf: two posts, each one line
#    "岗位：…  人数：…  要求：" then the requirements numbered ①②③, no duties.
NURSING_HEAD = """\
N|江州市中医院护理部2026年护理人员招聘公告
N|因临床工作需要，经医院研究决定，护理部面向社会公开招聘
N|合同制护理人员5名，现将有关事项公告如下：
H|一、招聘岗位及要求
"""
NURSING_ICU = """\
T|岗位：重症医学科护士  人数：3名  要求：
R|①全日制大专及以上学历，护理学专业；
R|②已取得护士执业资格证书，或已通过2026年护士执业资格考试；
R|③具有二级及以上医院ICU工作经历1年以上；
P|④持有重症专科护士证书者优先；
R|⑤年龄30周岁以下，身体健康。
"""
NURSING_MIDWIFE = """\
T|岗位：助产士  人数：2名  要求：
R|①全日制大专及以上学历，助产专业；
R|②取得护士执业证书及母婴保健技术考核合格证书；
R|③具有二级及以上医院产房工作经验2年以上；
R|④年龄35周岁以下。
H|二、报名时间及方式
N|报名时间：2026年11月3日—11月14日（工作日8:00-12:00）
N|报名地点：医院行政楼三楼护理部办公室
N|报名材料：报名表、身份证、学历证书、护士执业证书原件及复印件。
H|三、考核方式
N|采取理论考试、操作技能考核和面试相结合的方式，时间另行通知。
H|四、薪酬待遇
N|按医院合同制人员薪酬管理办法执行，缴纳五险一金。
N|联系人：陈老师  电话：0791-8***-5120
N|江州市中医院护理部
N|2026年10月27日
"""

# ---------------------------------------------------------------------------
# 5. An ATS's .json export: the duties and requirements as arrays in
#    "responsibilities" and "qualifications", the company summary, benefits
#    and how to apply in their own fields.
JSON_WAREHOUSE = """\
T|海外仓运营主管
N|鲸帆供应链是一家跨境电商物流服务商，在美国、德国、日本设有自营海外仓。
D|负责美西海外仓的入库、上架、拣货、出库全流程管理，确保时效和准确率；
D|制定仓库KPI和作业标准，优化库位布局和作业动线；
D|管理本地作业团队20人以上，负责排班、培训和绩效考核；
D|对接FBA转运、尾程快递及客户，处理异常件和索赔。
R|本科及以上学历，物流管理、供应链等相关专业；
R|3年以上海外仓或电商仓储管理经验，有团队管理经验；
R|英语可作为工作语言，能接受外派美国1-2年；
P|熟悉WMS系统，有WMS实施经验者优先。
N|外派补贴+年终奖
N|提供当地住宿
N|每年两次回国探亲假
N|请通过公司招聘官网投递，或发送简历至 hr@jingfan-scm.example.com
"""
JSON_CUSTOMS = """\
T|关务专员
N|鲸帆供应链是一家跨境电商物流服务商，在美国、德国、日本设有自营海外仓。
D|负责进出口货物的报关、报检及单证审核，确保申报准确；
D|负责HS编码归类、关税测算及海关政策的跟踪解读；
D|对接报关行、货代及海关，处理查验和退补税等异常。
R|大专及以上学历，国际贸易、物流等相关专业；
R|2年以上报关或关务工作经验，熟悉单一窗口操作；
P|持有报关水平测试证书者优先。
N|五险一金，年终奖
N|请通过公司招聘官网投递，或发送简历至 hr@jingfan-scm.example.com
"""
JSON_META = {
    "b9-overseas-warehouse": {
        "id": "MK-2026-0412",
        "department": "跨境物流事业部",
        "location": "深圳·宝安（外派美国洛杉矶）",
        "headcount": 1,
        "salary": "15-22K·14薪",
    },
    "b9-customs": {
        "id": "MK-2026-0415",
        "department": "关务部",
        "location": "深圳·宝安",
        "headcount": 2,
        "salary": "8-12K",
    },
}

# ---------------------------------------------------------------------------
# 6. A Macau hotel group's openings in Traditional Chinese (.txt): 職責範圍 /
#    入職要求 / 待遇 with ‧ bullets (the 待遇 lines too), a rule between posts,
#    申請方法 and a personal-data line at the end.
MACAU_FRONT = """\
N|濠江星匯酒店管理有限公司
N|Golden Bay Hotel Management (Macau) Limited
N|誠聘
T|空缺職位：前堂主任
N|工作地點：澳門氹仔
H|職責範圍：
D|‧ 督導前台接待、禮賓及總機團隊的日常運作，確保服務質素；
D|‧ 處理賓客投訴及特別要求，跟進至圓滿解決；
D|‧ 編排員工更表，負責新入職員工的培訓；
D|‧ 監察客房收入及入住率報告，協助制定房價策略。
H|入職要求：
R|‧ 高中或以上學歷，持酒店管理文憑者優先；
R|‧ 3年或以上酒店前堂工作經驗，其中1年以上擔任督導職位；
R|‧ 能操流利粵語、普通話及英語；
R|‧ 須持有澳門居民身份證；
R|‧ 能配合輪班工作。
H|待遇：
N|‧ 月薪MOP 18,000-22,000，另設年終花紅；
N|‧ 員工膳食、制服及醫療保險；
N|‧ 每年20天有薪年假。
N|────────────
"""
MACAU_ACC = """\
T|空缺職位：會計文員
N|工作地點：澳門新口岸
H|職責範圍：
D|‧ 處理應付及應收賬款，核對供應商發票及月結單；
D|‧ 編製銀行對賬表及日常會計憑證；
D|‧ 協助月結、年結及核數工作。
H|入職要求：
R|‧ 高中或以上學歷，會計或相關學科畢業；
R|‧ 1年或以上會計工作經驗；
R|‧ 熟悉Excel及會計軟件；
P|‧ 持有會計師公會初級證書者優先；
R|‧ 須持有澳門居民身份證。
H|待遇：
N|‧ 月薪MOP 13,000-15,000；
N|‧ 五天工作，員工膳食及醫療保險。
N|────────────
H|申請方法：
N|有意者請將中英文履歷、學歷證明副本及期望薪金電郵至 hr@goldenbay-macau.example.com，合則約見。
N|申請人所提供之個人資料只作招聘用途，未獲聘用者之資料將於六個月後銷毀。
"""

# ---------------------------------------------------------------------------
# 7. An English posting as .docx: the facts and the sections in a two-column
#    table, the section name in the left cell ("Key accountabilities", "Skills
#    & experience", "Desirable"), the items as "• " paragraphs in the right cell.
INTL = """\
N|Harbourline Logistics Group
N|We operate 42 warehouses and a fleet of 600 trucks across Southeast Asia and Greater China.
T|Regional Procurement Manager, APAC
N|Location
N|Shanghai, hybrid (3 days in office)
N|Reports to
N|Head of Global Procurement
H|Key accountabilities
D|• Lead sourcing for warehouse equipment, packaging and transport services across six APAC markets.
D|• Run tenders end to end: RFx, evaluation, negotiation and contract award.
D|• Manage supplier performance through quarterly business reviews and KPI scorecards.
D|• Deliver annual savings of 5% on addressable spend while protecting service levels.
D|• Ensure purchasing complies with group policy, anti-bribery and sanctions rules.
H|Skills & experience
R|• Bachelor's degree in supply chain, engineering or business.
R|• 8+ years in indirect or logistics procurement, including 3 years leading a regional category.
R|• Strong negotiation and stakeholder management skills.
R|• Fluent English and Mandarin, written and spoken.
H|Desirable
P|• MCIPS or an equivalent procurement qualification.
P|• Experience with SAP Ariba or Coupa.
N|Package
N|Competitive base salary, annual bonus, 20 days' leave and private medical cover.
N|To apply, send your CV to talent@harbourline.example.com by 30 November 2026. Only shortlisted candidates will be contacted.
N|Harbourline is an equal opportunity employer.
"""

# ---------------------------------------------------------------------------
# 8. A tea brand's text post: the duties as one paragraph of prose (a duty a
#    sentence), the requirements numbered 1）2）.
PROSE = """\
N|【茶语山房】品牌设计师招聘
N|茶语山房是一家新中式茶饮品牌，目前在华东地区拥有门店160余家。
T|职位：品牌视觉设计师
N|地点：南京·建邺 ｜ 薪资：12-18K ｜ 经验：3年以上
H|工作内容：
D|你将加入品牌中心，负责公司线上线下品牌视觉的整体设计。
D|你需要与市场团队一起策划季度新品和节日campaign，输出主视觉及全套延展物料。
D|你也会参与包装设计和门店空间视觉的落地，跟进供应商打样和生产。
D|此外，你将负责维护品牌视觉规范，并为两名初级设计师提供指导。
H|任职要求：
R|1）本科及以上学历，视觉传达、平面设计等相关专业；
R|2）3年以上品牌设计或广告公司设计经验，需提供作品集；
R|3）精通Photoshop、Illustrator、InDesign，会C4D者优先；
R|4）审美在线，对新中式、国潮风格有自己的理解。
N|简历和作品集请发送至 design-hr@chayu.example.com，邮件主题：品牌设计师+姓名+工作年限。
"""

# ---------------------------------------------------------------------------
# 9. A recruitment poster's OCR text (.txt): stray spaces inside words (岗 位 职 责),
#    items broken where the poster's text box wrapped them, a QR caption.
OCR = """\
N|江州顺达冷链物流有限公司
N|诚 聘 英 才
N|JOIN US
T|冷库仓管员
N|招 聘 人 数：5 人    薪 资：5500-7000 元/月
H|岗 位 职 责
D|1. 负责冷库货物的入库验收、上架、拣货和出库复核，确
+|保账实相符；
D|2. 每日巡查库区温湿度记录，发现异常及时上报；
D|3. 配合完成月度盘点及库位整理工作。
H|任 职 要 求
R|1. 初中及以上学历，年龄 18-45 周岁；
R|2. 能适应冷库低温环境及夜班工作，吃苦耐劳；
P|3. 有仓库或物流相关工作经验者优先，持叉车证
+|者优先。
H|福 利 待 遇
N|包 住 宿 / 餐 补 / 全 勤 奖 / 五 险
N|地址：江州市经开区冷链物流园 B3 栋
N|长按识别二维码 立即投递
N|咨询热线：138****6602（微信同号）
"""

# ---------------------------------------------------------------------------
# 10. An ATS's .csv export: columns job_title, department, location,
#     employment_type, description_html, posted_at. The first description has
#     <p><strong> headings and <ul><li> lists (benefits a list too), the second
#     <h4> headings, <ol> lists and an inline 加分项： in a <p>.
CSV_PRESALES = """\
T|售前解决方案顾问（制造业数字化）
N|云杉智造是一家工业软件公司，为离散制造企业提供MES与设备物联解决方案。
H|岗位职责
D|配合销售完成客户需求调研，梳理生产管理痛点并输出解决方案；
D|负责方案讲解、产品演示及POC测试，支撑项目签约；
D|编写技术方案书及投标文件的技术部分；
D|跟踪行业动态和竞品，沉淀标准化方案和案例。
H|任职要求
R|本科及以上学历，工业工程、自动化、计算机等相关专业；
R|3年以上MES、ERP或工业互联网售前经验；
R|熟悉离散制造业生产流程，具备较强的演讲和文档能力；
R|能适应30%左右的出差。
H|我们提供
N|有竞争力的薪资+项目奖金
N|六险一金，补充商业保险
N|弹性工作时间
"""
CSV_LEGAL = """\
T|法务专员
H|岗位职责：
D|审核公司销售合同、采购合同及各类协议，出具法律意见；
D|参与客户纠纷及知识产权事务的处理，配合外部律师工作；
D|建立和维护合同台账，开展合同风险提示和法务培训。
H|任职资格：
R|法学本科及以上学历，已通过国家统一法律职业资格考试；
R|2年以上企业法务或律所工作经验；
R|熟悉合同法、知识产权法及劳动法相关规定。
H|加分项：
P|有SaaS或软件公司法务经验。
N|工作地点：杭州市滨江区，双休
"""
CSV_META = {
    "b9-presales": ("解决方案部", "苏州", "全职", "2026-10-29"),
    "b9-legal": ("法务部", "杭州", "全职", "2026-10-31"),
}

# (file, layout, [(id, title, tagged)]); the document head goes to the first
# posting's noise.
HELDOUT9 = [
    ("heldout9_zhilian.html", "html", [("b9-molding", "注塑工艺工程师", ZHILIAN)]),
    ("heldout9_feishu.docx", "docx",
     [("b9-game-qa", "测试开发工程师（游戏客户端）", FEISHU_HEAD + FEISHU_QA),
      ("b9-jp-community", "海外社区运营（日语）", FEISHU_COMMUNITY)]),
    ("heldout9_semicolon.txt", "txt", [("b9-scenic-media", "景区新媒体运营专员", SEMICOLON)]),
    ("heldout9_nursing.pdf", "pdf",
     [("b9-icu-nurse", "重症医学科护士", NURSING_HEAD + NURSING_ICU),
      ("b9-midwife", "助产士", NURSING_MIDWIFE)]),
    ("heldout9_ats.json", "json",
     [("b9-overseas-warehouse", "海外仓运营主管", JSON_WAREHOUSE),
      ("b9-customs", "关务专员", JSON_CUSTOMS)]),
    ("heldout9_macau.txt", "txt",
     [("b9-front-office", "前堂主任", MACAU_FRONT),
      ("b9-accounts-clerk", "會計文員", MACAU_ACC)]),
    ("heldout9_intl.docx", "docx",
     [("b9-procurement-apac", "Regional Procurement Manager, APAC", INTL)]),
    ("heldout9_prose.txt", "txt", [("b9-brand-designer", "品牌视觉设计师", PROSE)]),
    ("heldout9_ocr.txt", "txt", [("b9-cold-store", "冷库仓管员", OCR)]),
    ("heldout9_ats.csv", "csv",
     [("b9-presales", "售前解决方案顾问（制造业数字化）", CSV_PRESALES),
      ("b9-legal", "法务专员", CSV_LEGAL)]),
]  # fmt: skip

# markers gold_of leaves on an item: checkboxes, ‧ bullets, 1）
_MARK = re.compile(r"^\s*(?:[☐☑‧]|\d{1,2}）)\s*")


def gold9(tagged: str, pid: str, title: str) -> dict[str, object]:
    rows: list[str] = []
    for tag, text in _lines(tagged):
        if tag in ("D", "R", "P"):
            text = _MARK.sub("", text)
        if tag == "+":  # joined here: gold_of would leave a preferred item unjoined
            rows[-1] += text.strip()
        else:
            rows.append(f"{tag}|{text}")
    g = gold_of("\n".join(rows) + "\n", pid)
    g["title"] = title
    return g


def _texts(tagged: str, *tags: str) -> list[str]:
    return [t for tag, t in _lines(tagged) if tag in tags]


def _fix_zip(path: Path) -> None:
    """Rewrite an Office file's zip with a fixed timestamp on every member."""
    with zipfile.ZipFile(path) as z:
        members = [(info.filename, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 1, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def _save_docx(d: object, path: Path) -> None:
    cp = d.core_properties  # type: ignore[attr-defined]
    cp.author = "HR"
    cp.last_modified_by = "HR"
    cp.title = ""
    cp.comments = ""
    cp.revision = 1
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    d.save(str(path))  # type: ignore[attr-defined]
    _fix_zip(path)


# ---------------------------------------------------------------------------
def write_zhilian(path: Path, tagged: str) -> None:
    lines = [t for _, t in _lines(tagged)]
    e = html.escape
    nav, title, banner = lines[:4], lines[4], lines[5:15]
    salary, facts, welfare, button = banner[0], banner[1:5], banner[5:9], banner[9]
    k = lines.index("岗位职责：")
    m = lines.index("任职资格：")
    duties = lines[k + 1 : m]
    n = lines.index("工作时间：做五休二，旺季需配合加班")
    reqs = lines[m + 1 : n]
    skills = lines[n + 1 : n + 4]
    addr_head, addr, company, kind, home, report, footer = lines[n + 4 :]
    body = (
        f"{e(lines[k])}<br>"
        + "".join(f"{e(t)}<br>" for t in duties)
        + f"<strong>{e(lines[m])}</strong><br>"
        + "".join(f"{e(t)}<br>" for t in reqs)
        + f"<br>{e(lines[n])}"
    )
    out = [
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>【{e(title)}_苏州 {e(title)}招聘_{e(company)}】-智联招聘</title></head><body>",
        '<div class="header"><ul class="header-nav">'
        + "".join(f'<li><a href="#">{e(t)}</a></li>' for t in nav)
        + "</ul></div>",
        '<div class="job-summary"><div class="summary-plane">',
        f'<h3 class="summary-plane__title">{e(title)}</h3>',
        f'<span class="summary-plane__salary">{e(salary)}</span>',
        '<ul class="summary-plane__info">' + "".join(f"<li>{e(t)}</li>" for t in facts) + "</ul>",
        '<div class="highlights__content">'
        + "".join(f'<span class="highlights__content-item">{e(t)}</span>' for t in welfare)
        + "</div>",
        f'<a class="a-button a-button--primary">{e(button)}</a></div></div>',
        '<div class="describtion">',
        f'<h3 class="describtion__title">{e(lines[k - 1])}</h3>',
        f'<div class="describtion__detail-content"><p>{body}</p></div>',
        '<div class="describtion__skills-content">'
        + "".join(f'<span class="describtion__skills-item">{e(t)}</span>' for t in skills)
        + "</div></div>",
        f'<div class="job-address"><h3>{e(addr_head)}</h3><span class="job-address__content-text">{e(addr)}</span></div>',
        f'<div class="company"><a class="company__title">{e(company)}</a>',
        f'<p class="company__description">{e(kind)}</p>',
        f'<a class="company__page-site">{e(home)}</a></div>',
        f'<a class="job-report">{e(report)}</a>',
        f'<div class="footer">{e(footer)}</div></body></html>',
    ]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _callout(d: object, lines: list[tuple[str, str]]) -> None:
    """A Feishu callout: a one-cell shaded table, one paragraph a line."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = d.add_table(rows=1, cols=1)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    cell = table.rows[0].cells[0]
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), "FFF5E6")
    cell._tc.get_or_add_tcPr().append(shd)
    for i, (tag, t) in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.add_run(t).bold = tag == "H"


def write_feishu(path: Path, posts: list[tuple[str, str, str]]) -> None:
    import docx

    d = docx.Document()
    head = _lines(FEISHU_HEAD)
    d.add_heading(head[0][1], level=0)
    d.add_paragraph(head[1][1])
    for _pid, _title, tagged in posts:
        lines = _lines(tagged.replace(FEISHU_HEAD, ""))
        i = 0
        while i < len(lines):
            tag, t = lines[i]
            if t.startswith(("💡", "📮")):
                j = i + 1
                while j < len(lines) and lines[j][0] == "N" and "工作地点" not in lines[j][1]:
                    j += 1
                _callout(d, lines[i:j])
                i = j
                continue
            if tag == "T":
                d.add_heading(t, level=1)
            elif tag == "H":
                d.add_heading(t, level=2)
            else:
                d.add_paragraph(t)
            i += 1
    _save_docx(d, path)


def write_semicolon(path: Path, tagged: str) -> None:
    out: list[str] = []
    for tag, t in _lines(tagged):
        if tag in ("D", "R", "P"):
            out[-1] += ("" if out[-1].endswith("】") else "；") + t
        else:
            out.append(t)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_nursing_pdf(path: Path, tagged: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle("护理人员招聘公告")
    y = 790.0
    for k, (tag, t) in enumerate(_lines(tagged)):
        if k == 0:
            c.setFont("STSong-Light", 15)
            c.drawCentredString(297.5, y, t)
            y -= 34
            continue
        size = 12 if tag in ("T", "H") else 10.5
        x = 60 if tag in ("H", "N") else 72
        if tag == "T":
            y -= 4
        c.setFont("STSong-Light", size)
        c.drawString(x, y, t)
        y -= size + 9
    c.save()


def write_json(path: Path, posts: list[tuple[str, str, str]]) -> None:
    jobs = []
    for pid, title, tagged in posts:
        noise = _texts(tagged, "N")
        meta = JSON_META[pid]
        jobs.append(
            {
                "id": meta["id"],
                "title": title,
                "department": meta["department"],
                "location": meta["location"],
                "headcount": meta["headcount"],
                "salary": meta["salary"],
                "summary": noise[0],
                "responsibilities": _texts(tagged, "D"),
                "qualifications": _texts(tagged, "R", "P"),
                "benefits": noise[1:-1],
                "how_to_apply": noise[-1],
                "status": "open",
                "updated_at": "2026-11-02T09:30:00+08:00",
            }
        )
    doc = {
        "source": "Moka ATS",
        "exported_at": "2026-11-02T09:30:00+08:00",
        "total": len(jobs),
        "jobs": jobs,
    }
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_intl_docx(path: Path, tagged: str) -> None:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    lines = _lines(tagged)
    d.add_paragraph().add_run(lines[0][1]).bold = True
    d.add_paragraph(lines[1][1])
    run = d.add_paragraph().add_run(lines[2][1])
    run.bold = True
    run.font.size = Pt(16)
    rows: list[tuple[str, list[str]]] = []
    rest = lines[3:]
    i = 0
    while i < len(rest):
        tag, t = rest[i]
        if tag == "H":
            items = []
            while i + 1 < len(rest) and rest[i + 1][0] in ("D", "R", "P"):
                i += 1
                items.append(rest[i][1])
            rows.append((t, items))
        elif t in ("Location", "Reports to", "Package"):
            i += 1
            rows.append((t, [rest[i][1]]))
        else:
            break
        i += 1
    table = d.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, items in rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].text = items[0]
        for item in items[1:]:
            cells[1].add_paragraph(item)
    for _tag, t in rest[i:]:
        d.add_paragraph(t)
    _save_docx(d, path)


def write_prose(path: Path, tagged: str) -> None:
    out: list[str] = []
    prev = ""
    for tag, t in _lines(tagged):
        if tag == "D" and prev == "D":
            out[-1] += t
        else:
            out.append(t)
        prev = tag
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _desc_html(tagged: str, style: str) -> str:
    """A description as an ATS stores it: <p><strong> headings and <ul> lists
    (style "ul"), or <h4> headings, <ol> lists and 加分项： inline in a <p>."""
    e = html.escape
    out: list[str] = []
    items: list[str] = []
    lines = _lines(tagged)[1:]  # the title is its own column
    in_list = False
    for k, (tag, t) in enumerate(lines):
        if tag == "H" and t == "加分项：":
            continue
        if k and lines[k - 1] == ("H", "加分项："):
            out.append(f"<p>{e(lines[k - 1][1])}{e(t)}</p>")
            continue
        if tag in ("D", "R", "P") or (tag == "N" and in_list):
            items.append(t)
        elif tag == "H":
            out.append(f"<p><strong>{e(t)}</strong></p>" if style == "ul" else f"<h4>{e(t)}</h4>")
            in_list = True
        else:
            out.append(f"<p>{e(t)}</p>")
        if items and (k + 1 == len(lines) or lines[k + 1][0] == "H"):
            lt = style
            out.append(f"<{lt}>" + "".join(f"<li>{e(x)}</li>" for x in items) + f"</{lt}>")
            items = []
            in_list = False
    return "".join(out)


def write_ats_csv(path: Path, posts: list[tuple[str, str, str]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(
        ["job_title", "department", "location", "employment_type", "description_html", "posted_at"]
    )
    for k, (pid, title, tagged) in enumerate(posts):
        dept, city, kind, date = CSV_META[pid]
        desc = _desc_html(tagged, "ul" if k == 0 else "ol")
        w.writerow([title, dept, city, kind, desc, date])
    path.write_text(buf.getvalue(), encoding="utf-8")


def main() -> None:
    gold_path = HERE / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for name, layout, posts in HELDOUT9:
        path = HERE / name
        entries = [gold9(tagged, pid, title) for pid, title, tagged in posts]
        text = "".join(t for _, _, t in posts)
        plain = "\n".join(t for _, t in _lines(text.rstrip("\n")))
        if name.endswith("zhilian.html"):
            write_zhilian(path, text)
        elif name.endswith("feishu.docx"):
            write_feishu(path, posts)
        elif name.endswith("semicolon.txt"):
            write_semicolon(path, text.rstrip("\n"))
        elif name.endswith("nursing.pdf"):
            write_nursing_pdf(path, text.rstrip("\n"))
        elif layout == "json":
            write_json(path, posts)
        elif name.endswith("intl.docx"):
            write_intl_docx(path, text.rstrip("\n"))
        elif name.endswith("prose.txt"):
            write_prose(path, text.rstrip("\n"))
        elif layout == "csv":
            write_ats_csv(path, posts)
        else:
            path.write_text(plain + "\n", encoding="utf-8")
        gold[name] = {"layout": layout, "heldout": True, "batch": 9, "postings": entries}
    gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
