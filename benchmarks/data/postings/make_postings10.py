"""Held-out batch 10: write its posting files and add their gold to ``gold.json``.

Written blind, by a helper that read neither the parser nor its vocabulary and
never ran the importer: layouts the README does not list for batches 1-9. Tags
as in ``make_postings.py`` (``T|`` title, ``H|`` heading, ``D|`` duty, ``R|``
requirement, ``P|`` preferred requirement, ``N|`` noise, ``+|`` the rest of
the item above, wrapped); an empty line is a blank line of the file and no
item. Each posting's title is written out (``title``); item numbers and bullets
(1) 1） 1.1 ▪ ✅) are not part of the gold. The other batches' files and gold
are left as they are. Everything is invented; phones are masked, mail is
@example.com.

Run from the repository root: ``python benchmarks/data/postings/make_postings10.py``.
"""
# ruff: noqa: E501  (a tagged line is one item of the posting, written as the file holds it)

from __future__ import annotations

import html
import io
import json
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_postings import _lines, gold_of  # noqa: E402

FIXED = (2026, 10, 1, 0, 0, 0)

# ---------------------------------------------------------------------------
# 1. A LinkedIn posting copied as text: the job card (company, place, applicants,
#    Easy Apply / Save), "About the job", English sections without bullets (the
#    bullets are lost in the copy), "Show more" and the company card below.
LINKEDIN = """\
N|Northwind Analytics
T|Senior Data Engineer
N|Shanghai, China · 2 weeks ago · 87 applicants
N|Hybrid  Full-time  Mid-Senior level
N|1,001-5,000 employees · IT Services and IT Consulting
N|Easy Apply
N|Save

H|About the job
N|Northwind Analytics helps retailers across Asia turn store and e-commerce data into daily decisions. Our Shanghai hub is growing its data platform team.

H|Responsibilities
D|Design, build and maintain batch and streaming data pipelines on Spark and Flink
D|Own the data models of our lakehouse and keep them documented and tested
D|Work with analysts and data scientists to turn business questions into reliable datasets
D|Monitor data quality and pipeline SLAs, and lead the incident review when a pipeline breaks
D|Mentor junior engineers through code review and pairing

H|Qualifications
R|Bachelor's degree in Computer Science, Engineering or a related field
R|5+ years of experience in data engineering or backend development
R|Strong SQL and Python; working knowledge of Scala or Java
R|Hands-on experience with Spark, Kafka and an orchestration tool such as Airflow
R|Good written and spoken English; Mandarin is required to work with our local teams

H|Preferred Qualifications
P|Experience with retail or e-commerce data
P|Familiarity with dbt, Delta Lake or Apache Iceberg
P|A cloud certification (AWS, Azure or Alibaba Cloud)

H|Benefits
N|14-month salary and an annual performance bonus
N|Supplementary commercial medical insurance for you and your family
N|15 days of annual leave and two remote days a week
N|Show more
N|Set alert for similar jobs
N|Senior Data Engineer, Shanghai, China
N|About the company
N|Northwind Analytics
N|12,480 followers
"""

# ---------------------------------------------------------------------------
# 2. A 前程无忧 (51job) job page saved as .html: the JD is one <div class="bmsg
#    job_msg inbox"> whose items are separated by <br>, no headings and no
#    numbers: the duties first, then the requirements, told apart only by their
#    wording; a working-hours line at its end, 职能类别 / 关键字 below it.
QC_HEAD = """\
N|首页
N|职位搜索
N|地区频道
N|职场资讯
N|校园招聘
T|物流调度主管
N|8千-1.2万/月
N|江州-经开区 | 3-4年经验 | 大专 | 招1人 | 10-28发布
N|五险一金　餐饮补贴　交通补贴　年终奖金
N|江州顺达供应链管理有限公司
N|申请职位
N|收藏
H|职位信息
"""
QC_JD = """\
D|负责公司城配车辆的日常调度，根据订单量合理安排车辆和配送线路；
D|监控在途车辆运行状态，处理运输异常、客户投诉及突发事件；
D|统计分析运输时效、装载率和运输成本，提出优化方案；
D|管理调度组及司机队伍，做好排班、考勤和安全教育工作；
D|维护承运商关系，参与承运商的考核与结算对账。
R|大专及以上学历，物流管理、交通运输等相关专业；
R|3年以上物流运输调度经验，其中1年以上团队管理经验；
R|熟悉江州市区及周边道路交通情况，熟练使用TMS系统和Excel；
R|责任心强，能适应夜间及节假日值班；
P|持有C1驾驶证、有冷链配送经验者优先。
N|工作时间：8:30-17:30，月休4天
"""
QC_TAIL = """\
N|职能类别：物流主管
N|关键字：物流调度 车辆管理 TMS
N|微信分享
H|联系方式
N|上班地址：江州市经济技术开发区港城大道188号顺达物流园
H|公司信息
N|江州顺达供应链管理有限公司成立于2011年，为商超和连锁餐饮提供仓储、城市配送和冷链运输服务，拥有自有车辆260余台。
N|Copyright © 前程无忧 (51job.com) 网站备案号：沪ICP备00000000号
"""

# ---------------------------------------------------------------------------
# 3. A machinery maker's 岗位说明 (.docx) whose sections are a two-level Word
#    multilevel list (1. / 1.1, Word's numbering, not in the text): the level-1
#    items are the section names (岗位职责 / 任职要求 / 薪资待遇), the level-2
#    items the duties, requirements and pay; the list restarts for each post.
ML_HEAD = """\
N|江州恒泰精密机械有限公司2026年招聘岗位说明
"""
ML_EQUIP = """\
T|设备工程师
N|所属部门：制造部　招聘人数：2人　工作地点：江州高新区
H|岗位职责
D|负责数控加工中心、磨床等生产设备的日常点检、维护保养和故障维修；
D|制定设备年度保养计划和备品备件采购计划，控制维修成本；
D|参与新设备的选型、安装调试和验收，编制设备操作规程；
D|分析设备故障原因，推动改善，提升设备综合效率（OEE）。
H|任职要求
R|机械设计制造及其自动化、机电一体化等相关专业本科及以上学历；
R|3年以上机加工行业设备维护经验，熟悉FANUC或西门子数控系统；
R|能看懂机械图纸和电气原理图，会使用AutoCAD；
R|能接受倒班和节假日应急值班。
H|薪资待遇
N|月薪9000-13000元，五险一金，年终奖；
N|提供员工宿舍和工作餐。
"""
ML_QA = """\
T|品质主管
N|所属部门：品质部　招聘人数：1人　工作地点：江州高新区
H|岗位职责
D|负责来料、制程及出货检验的管理，带领8人的检验团队；
D|主导客户投诉和内部质量异常的分析处理，推动8D报告和纠正预防措施的落实；
D|维护IATF 16949质量管理体系，组织内审和迎接客户审核；
D|统计分析质量数据，编制月度质量报告。
H|任职要求
R|大专及以上学历，机械或质量管理相关专业；
R|5年以上汽车零部件行业品质管理经验，其中2年以上主管经验；
R|熟练运用SPC、MSA、FMEA等质量工具；
P|持有内审员证书、会看三坐标检测报告者优先。
H|薪资待遇
N|月薪10000-15000元，五险一金，年终奖；
N|每年调薪一次，享受带薪年假。
N|简历投递：hr@hengtai-jm.example.com　联系电话：0791-8***-6620（人事部彭女士）
"""

# ---------------------------------------------------------------------------
# 4. A city bank's 社会招聘公告 (.pdf) whose posts are a table without ruling
#    lines: columns aligned by whitespace only (序号 | 岗位名称 | 招聘人数 | 岗位职责 |
#    任职条件 | 工作地点), each item of a cell wrapped in its narrow column, the
#    second post's name wrapped over two lines.
BANK_HEAD = """\
N|江州银行股份有限公司2026年社会招聘公告
N|江州银行成立于1998年，现有分支机构86家。因业务发展需要，现面向社会公开招聘以下岗位人员。
H|一、招聘岗位
"""
BANK_CORP = """\
T|对公客户经理
N|5
N|江州市区
D|1.负责对公客户的营销拓展与综合金融服务，完成存款、贷款及中间业务指标；
D|2.负责授信业务的贷前调查、授信方案设计及贷后管理；
D|3.维护政府机构、产业园区及重点企业客户关系，挖掘业务合作机会。
R|1.全日制本科及以上学历，金融、经济、会计等相关专业；
R|2.3年以上银行对公业务或企业财务工作经验；
R|3.年龄35周岁以下，具有较强的市场拓展能力和沟通协调能力；
P|4.持有注册会计师或法律职业资格证书者优先。
"""
BANK_OPS = """\
T|运营管理岗（柜面主管）
N|3
N|各支行
D|1.负责网点柜面业务的日常管理、业务授权与复核；
D|2.组织开展运营风险排查和内控检查，督促问题整改；
D|3.负责柜员排班、业务培训及服务质量管理。
R|1.全日制大专及以上学历；
R|2.4年以上银行柜面工作经验，其中1年以上主管经验；
R|3.熟悉银行会计核算、支付结算及反洗钱相关制度。
"""
BANK_TAIL = """\
H|二、报名方式
N|请于2026年11月15日前将个人简历发送至 zhaopin@jzbank.example.com
N|邮件主题请注明“应聘岗位+姓名+现工作单位”。
H|三、其他事项
N|1.本次招聘不收取任何费用，请勿相信以本行名义收费的信息。
N|2.应聘者须保证所提供信息真实有效，如有虚假，取消录用资格。
N|3.咨询电话：0791-8***-2266（人力资源部）
N|江州银行股份有限公司人力资源部
N|2026年10月30日
"""
BANK_TITLE_LINES = {"运营管理岗（柜面主管）": ["运营管理岗", "（柜面主管）"]}

# ---------------------------------------------------------------------------
# 5. A design studio's posting (.txt): every item a sentence ending in 。, items
#    apart only by blank lines (no numbers, no bullets), one item hard-wrapped
#    inside its paragraph, headings 你将负责 / 我们希望你.
FULLSTOP = """\
N|青禾建筑设计事务所 招聘

T|室内设计师

N|工作地点：江州市东湖区文创园B座　月薪8000-15000元

H|你将负责

D|根据客户需求完成住宅及小型商业空间的方案设计和施工图绘制。

D|与客户沟通设计方向，进行方案汇报，并根据反馈调整方案。

D|配合工程部进行现场交底、材料选样和施工阶段的设计
+|调整，确保效果落地。

D|整理项目资料，建立材料和案例库。

H|我们希望你

R|室内设计、环境艺术等相关专业大专及以上学历。

R|两年以上家装或工装设计经验，有完整的项目作品集。

R|熟练使用CAD、SketchUp、3ds Max及Photoshop，会用酷家乐更好。

R|审美好，表达清楚，能在多个项目之间安排好时间。

N|我们提供双休、五险一金、年度旅行和每月团建。

N|请把简历和作品集（PDF，20M以内）发到 studio@qinghe-design.example.com，邮件标题写“应聘+姓名”。
"""

# ---------------------------------------------------------------------------
# 6. A coffee chain's careers page (.md): section names as bold lines
#    (**工作职责**), items as 1) lists, facts as inline-code tags, two posts
#    between a --- rule, a bulleted **我们提供**.
COFFEE_MGR = """\
N|# 溪岸咖啡 · 门店招聘
N|溪岸咖啡创立于2018年，目前在江州、南昌两地经营32家门店，坚持用新鲜烘焙的豆子做每一杯咖啡。

T|## 门店店长
N|`江州` `2-3年` `大专` `9-13K`

H|**工作职责**

D|1) 负责门店日常运营管理，包括排班、订货、库存和卫生标准的执行；
D|2) 带领门店团队完成营业额、毛利和顾客满意度目标；
D|3) 招募、培训和考核门店伙伴，培养咖啡师梯队；
D|4) 处理顾客投诉和门店突发情况，保障食品安全与门店安全。

H|**任职要求**

R|1) 大专及以上学历，2年以上餐饮或零售门店管理经验；
R|2) 熟悉门店成本控制和排班管理，能看懂门店损益表；
R|3) 热爱咖啡，认同溪岸的品牌理念；
P|4) 有SCA咖啡师证书或连锁咖啡品牌工作经历者优先；
R|5) 能接受早晚班轮换。

N|---

"""
COFFEE_BARISTA = """\
T|## 咖啡师
N|`江州` `经验不限` `学历不限` `5-7K`

H|**工作职责**

D|1) 按照出品标准制作咖啡及其他饮品，保证出品质量和速度；
D|2) 为顾客点单、介绍产品，营造温暖友好的门店氛围；
D|3) 负责吧台设备的日常清洁与保养，做好物料盘点。

H|**任职要求**

R|1) 年龄18-35岁，持有健康证或入职前可办理；
R|2) 喜欢和人打交道，有服务意识，学习能力强；
P|3) 有咖啡拉花或饮品店工作经验者优先。

H|**我们提供**

N|- 五险一金、带薪年假、员工免费饮品
N|- 系统的咖啡师培训和晋升通道（咖啡师 → 值班主管 → 店长）

N|投递方式：简历发送至 join@xian-coffee.example.com 或到任意门店现场应聘。
"""

# ---------------------------------------------------------------------------
# 7. A Taiwanese recruiter's message to a LINE/WeChat group (.txt), Traditional
#    Chinese: 【職缺】【薪資】【工作內容】【需求條件】【福利】, ✅ bullets for one
#    post and 1. for the other, a ➖ rule between them, a sign-off with a LINE ID.
TW_MKT = """\
N|📣 徵才資訊｜歡迎轉發分享 🙏
N|公司：晨光文創有限公司（台北市大安區）

T|【職缺】行銷企劃專員
N|【薪資】月薪 NT$38,000～45,000（面議）
N|【上班時間】週一至週五 09:30-18:30
H|【工作內容】
D|✅ 規劃品牌社群（FB、IG、LINE官方帳號）內容與每月貼文排程
D|✅ 發想並執行線上線下行銷活動，追蹤成效並撰寫結案報告
D|✅ 與設計、業務部門協作，製作商品文案與電子報
D|✅ 管理廣告投放預算，分析Meta廣告數據並優化
H|【需求條件】
R|✅ 大學以上，行銷、傳播、廣告相關科系
R|✅ 1年以上社群經營或行銷企劃經驗
R|✅ 文字表達能力佳，熟悉Canva或Photoshop
P|✅ 有文創、出版或電商產業經驗尤佳
N|【福利】勞健保、員工旅遊、生日假、年終獎金

N|➖➖➖➖➖➖➖➖➖➖

"""
TW_STORE = """\
T|【職缺】門市儲備幹部
N|【薪資】月薪 NT$36,000起＋業績獎金
N|【工作地點】台北信義門市、台中勤美門市
H|【工作內容】
D|1. 門市銷售與顧客服務，介紹商品並完成結帳作業
D|2. 協助店長進行商品陳列、庫存盤點與叫貨
D|3. 培訓新進門市人員，維持門市環境整潔
H|【需求條件】
R|1. 高中職以上，可配合輪班及假日上班
R|2. 具零售或餐飲服務經驗1年以上
R|3. 親切有禮、喜歡與人互動，具團隊合作精神
N|【福利】三節獎金、員工購物折扣、完整升遷制度

N|有興趣的朋友請私訊我，或來信 hr@morninglight.example.com 👉 請附上履歷與希望職缺
N|LINE ID：@morninglight_hr（請註明來自社團）
"""

# ---------------------------------------------------------------------------
# 8. A pharma company's ATS export (.jsonl): one object a post, the description
#    in "content" as HTML with <h3> sections (<ol>/<ul> items in one, <p> items
#    numbered 1、 in the other), the company blurb and benefits as <p>.
PHARMA_REP = """\
N|康宁医药是一家专注于心血管和内分泌领域的创新药企，产品覆盖全国28个省份。
H|岗位职责
D|负责所辖区域医院的学术推广，完成产品销售指标；
D|组织科室会、病例分享会等学术活动，传递产品临床价值；
D|维护与医生、药剂科的专业关系，收集市场和竞品信息；
D|按公司合规要求做好拜访记录和费用报销。
H|任职要求
R|医学、药学、护理等相关专业大专及以上学历；
R|1年以上处方药推广经验，有心血管领域经验者优先；
R|良好的沟通能力和学习能力，能适应区域内出差。
H|福利待遇
N|底薪+季度奖金+年终奖，六险一金，年度体检
"""
PHARMA_CRC = """\
H|工作内容
D|1、协助研究者完成受试者的筛选、入组和随访工作；
D|2、负责病例报告表（CRF）的填写和EDC系统数据录入，及时回复数据质疑；
D|3、管理研究药物和生物样本的交接、保存与运送；
D|4、配合监查员的监查和稽查工作，整理试验文件。
H|任职资格
R|1、医学、药学、护理或生物相关专业大专及以上学历；
R|2、持有GCP培训证书；
R|3、工作细致，沟通能力好，能在多家医院之间往返。
H|工作地点
N|江州市第一人民医院、江州大学附属医院
"""
PHARMA_META = {
    "pharma-rep": {
        "job_id": "KN-2026-031",
        "title": "医药代表（心血管）",
        "city": "江州",
        "salary": "8-15K",
    },
    "crc": {
        "job_id": "KN-2026-044",
        "title": "临床研究协调员（CRC）",
        "city": "江州",
        "salary": "6-9K",
    },
}

# ---------------------------------------------------------------------------
# 9. A game studio's posting (.txt): headings in English only (Job Description /
#    Requirements / Bonus Points / What We Offer / How to Apply), items in Chinese
#    with English terms, ▪ bullets.
ENGHEADS = """\
N|Starfall Games 星陨游戏 — Hiring
T|Position: 游戏测试工程师 (QA Engineer)
N|Location: 江州 · 高新区  |  Salary: 10-16K · 14薪

H|Job Description
D|▪ 参与游戏版本的功能测试、兼容性测试和性能测试，编写并执行测试用例
D|▪ 跟踪缺陷的提交、复现与回归，推动问题在版本上线前关闭
D|▪ 搭建并维护自动化测试脚本（Python / Airtest），提升回归效率
D|▪ 输出测试报告，参与版本发布评审

H|Requirements
R|▪ 本科及以上学历，计算机或相关专业，2年以上游戏测试经验
R|▪ 熟悉测试流程与缺陷管理工具（Jira、禅道等）
R|▪ 掌握Python基础，能编写简单脚本
R|▪ 热爱游戏，熟悉MMO或SLG品类

H|Bonus Points
P|▪ 有Unity或Unreal项目测试经验
P|▪ 了解PerfDog、Unity Profiler等性能分析工具

H|What We Offer
N|▪ 弹性上班，不打卡
N|▪ 年度游戏采购基金和新品试玩

H|How to Apply
N|Email your CV to qa-hiring@starfall.example.com, subject "QA - 姓名".
"""

# ---------------------------------------------------------------------------
# 10. A short notice (.txt): a title, three items, a phone; no headings, no markers.
SHORT = """\
T|招聘 仓库理货员
D|负责仓库货物的收发、分拣、上架和盘点
R|年龄18-45岁，身体健康，能吃苦耐劳
P|有叉车证者优先
N|有意者电话联系：138****1234 刘主管（江州经开区物流园8号库）
"""

# (file, layout, [(id, title, tagged)]); a file's head goes to its first posting's
# noise, its tail to its last one's.
HELDOUT10 = [
    ("heldout10_linkedin.txt", "txt", [("data-engineer-en", "Senior Data Engineer", LINKEDIN)]),
    ("heldout10_qiancheng.html", "html", [("dispatch-lead", "物流调度主管", QC_HEAD + QC_JD + QC_TAIL)]),
    ("heldout10_multilevel.docx", "docx",
     [("equipment-engineer", "设备工程师", ML_HEAD + ML_EQUIP),
      ("quality-lead", "品质主管", ML_QA)]),
    ("heldout10_bankpdf.pdf", "pdf",
     [("corporate-rm-10", "对公客户经理", BANK_HEAD + BANK_CORP),
      ("counter-supervisor", "运营管理岗（柜面主管）", BANK_OPS + BANK_TAIL)]),
    ("heldout10_fullstop.txt", "txt", [("interior-designer", "室内设计师", FULLSTOP)]),
    ("heldout10_bold.md", "markdown",
     [("store-manager-coffee", "门店店长", COFFEE_MGR),
      ("barista", "咖啡师", COFFEE_BARISTA)]),
    ("heldout10_taiwan.txt", "txt",
     [("tw-marketing", "行銷企劃專員", TW_MKT),
      ("tw-store-trainee", "門市儲備幹部", TW_STORE)]),
    ("heldout10_content.jsonl", "jsonl",
     [("pharma-rep", "医药代表（心血管）", PHARMA_REP),
      ("crc", "临床研究协调员（CRC）", PHARMA_CRC)]),
    ("heldout10_engheads.txt", "txt", [("game-qa", "游戏测试工程师 (QA Engineer)", ENGHEADS)]),
    ("heldout10_short.txt", "txt", [("warehouse-clerk", "仓库理货员", SHORT)]),
]  # fmt: skip

# item numbers and bullets gold_of does not strip: 1.1, 1）, ▪, ✅
_MORE_NUM = re.compile(r"^\s*(?:\d{1,2}\.\d{1,2}\s+|\d{1,2}）\s*|[▪✅]\s*)")


def gold(pid: str, title: str, tagged: str) -> dict[str, object]:
    lines = []
    for tag, t in _lines(tagged):
        lines.append(f"{tag}|{_MORE_NUM.sub('', t) if tag in ('D', 'R', 'P') else t}")
    g = gold_of("\n".join(lines), pid)
    g["title"] = title
    return g


def _fix_zip(path: Path) -> None:
    """Rewrite a .docx/.xlsx with fixed member timestamps (deterministic bytes)."""
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    path.write_bytes(buf.getvalue())


def write_qiancheng_html(path: Path) -> None:
    e = html.escape
    head = [t for _, t in _lines(QC_HEAD)]
    jd = [t for _, t in _lines(QC_JD)]
    tail = [t for _, t in _lines(QC_TAIL)]
    out = [
        '<!DOCTYPE html><html><head><meta charset="utf-8">',
        f"<title>【江州_物流调度主管招聘_{e(head[9])}】-前程无忧官方招聘网站</title></head><body>",
        '<div class="header"><ul class="nlink">'
        + "".join(f'<li><a href="#">{e(t)}</a></li>' for t in head[:5])
        + "</ul></div>",
        '<div class="tCompanyPage"><div class="tHeader tHjob"><div class="in"><div class="cn">',
        f'<h1 title="{e(head[5])}">{e(head[5])}</h1><strong>{e(head[6])}</strong>',
        f'<p class="msg ltype" title="{e(head[7])}">{e(head[7])}</p>',
        f'<p class="jtag">{e(head[8])}</p>',
        f'<p class="cname"><a href="#" class="catn">{e(head[9])}</a></p>',
        f'</div><div class="tCompany_btn"><a class="but_sq" href="#">{e(head[10])}</a>'
        f'<a class="but_sc" href="#">{e(head[11])}</a></div></div></div>',
        '<div class="tCompany_main">',
        f'<div class="tBorderTop_box"><h2><span class="bname">{e(head[12])}</span></h2>',
        '<div class="bmsg job_msg inbox">',
        "<br>\n".join(e(t) for t in jd) + "<br>",
        f'<div class="mt10"><p class="fp"><span class="label">{e(tail[0][:5])}</span>'
        f'<a class="el tdn" href="#">{e(tail[0][5:])}</a></p>',
        f'<p class="fp"><span class="label">{e(tail[1][:4])}</span>{e(tail[1][4:])}</p></div>',
        f'<div class="share"><a class="a" href="#">{e(tail[2])}</a></div>',
        "</div></div>",
        f'<div class="tBorderTop_box"><h2><span class="bname">{e(tail[3])}</span></h2>',
        f'<div class="bmsg inbox"><p class="fp">{e(tail[4])}</p></div></div>',
        f'<div class="tBorderTop_box"><h2><span class="bname">{e(tail[5])}</span></h2>',
        f'<div class="tmsg inbox">{e(tail[6])}</div></div>',
        f'</div></div><div class="footer"><p>{e(tail[7])}</p></div></body></html>',
    ]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


_ABSTRACT = (
    '<w:abstractNum {ns} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
    '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="425" w:hanging="425"/></w:pPr>'
    "<w:rPr><w:b/></w:rPr></w:lvl>"
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>'
    '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="992" w:hanging="567"/></w:pPr></w:lvl>'
    "</w:abstractNum>"
)


def write_multilevel_docx(path: Path, posts: list[tuple[str, str, str]]) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt

    d = docx.Document()
    numbering = d.part.numbering_part.element
    abstract = parse_xml(_ABSTRACT.format(ns=nsdecls("w")))
    nums = numbering.findall(f"{{{numbering.nsmap['w']}}}num")
    if nums:
        nums[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    for k, (_pid, _title, tagged) in enumerate(posts):
        num_id = 90 + k
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="90"/>'
                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            )
        )
        in_list = False
        for tag, t in _lines(tagged):
            if tag == "T":
                d.add_heading(t, level=1)
                continue
            if tag == "H":
                in_list = True
            if tag == "H" or (in_list and tag in "DRPN" and not t.startswith("简历投递")):
                p = d.add_paragraph(style="List Paragraph")
                run = p.add_run(t)
                run.bold = tag == "H"
                num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0 if tag == "H" else 1
                num_pr.get_or_add_numId().val = num_id
            else:
                p = d.add_paragraph()
                run = p.add_run(t)
                if t == ML_HEAD.strip()[2:]:
                    run.bold = True
                    run.font.size = Pt(16)
    cp = d.core_properties
    cp.author = "人事部"
    cp.last_modified_by = "人事部"
    cp.created = cp.modified = datetime(*FIXED)
    cp.revision = 1
    d.save(str(path))
    _fix_zip(path)


def _wrap(text: str, width: float, font: str, size: float) -> list[str]:
    """Cut a cell's text to its column; a run of ASCII letters and digits is not cut."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    tokens = re.findall(r"[A-Za-z0-9.%+\-]+|.", text)
    lines, cur = [], ""
    for tok in tokens:
        # a comma or full stop is not put at the start of a line (it overhangs)
        if cur and stringWidth(cur + tok, font, size) > width and tok not in "，。；、）":
            lines.append(cur)
            cur = tok
        else:
            cur += tok
    if cur:
        lines.append(cur)
    return lines


def write_bank_pdf(path: Path, posts: list[tuple[str, str, str]]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle("江州银行2026年社会招聘公告")
    c.setAuthor("江州银行人力资源部")
    width = A4[0]
    y = 790.0

    def prose(tagged: str) -> None:
        nonlocal y
        for k, (tag, t) in enumerate(_lines(tagged)):
            if k == 0 and t.startswith("江州银行股份有限公司2026"):
                c.setFont(font, 15)
                c.drawCentredString(width / 2, y, t)
                y -= 30
                continue
            size = 11 if tag == "H" else 10
            c.setFont(font, size)
            assert pdfmetrics.stringWidth("　　" + t, font, size) < width - 100, t
            if t.endswith(("人力资源部", "30日")):
                c.drawRightString(width - 60, y, t)
            else:
                c.drawString(50 if tag == "H" else 50 + (0 if t[0].isdigit() else 20), y, t)
            y -= size + 8

    prose(BANK_HEAD)
    # columns: (x, width) for 序号, 岗位名称, 招聘人数, 岗位职责, 任职条件, 工作地点
    cols = [(40, 18), (62, 56), (124, 22), (152, 192), (358, 166), (532, 44)]
    size, lead = 9, 13
    c.setFont(font, size)
    y -= 4
    for (x, _w), head in zip(
        cols, ("序号", "岗位名称", "人数", "岗位职责", "任职条件", "工作地点"), strict=True
    ):
        c.drawString(x, y, head)
    y -= lead + 6
    for k, (_pid, _title, tagged) in enumerate(posts):
        body = tagged.replace(BANK_HEAD, "").replace(BANK_TAIL, "")
        cell: dict[str, list[str]] = {"T": [], "N": [], "D": [], "R": []}
        for tag, t in _lines(body):
            if tag in cell or tag == "P":
                cell["R" if tag == "P" else tag].append(t)
        title = cell["T"][0]
        columns = [
            [str(k + 1)],
            BANK_TITLE_LINES.get(title, [title]),
            [cell["N"][0]],
            [ln for item in cell["D"] for ln in _wrap(item, cols[3][1], font, size)],
            [ln for item in cell["R"] for ln in _wrap(item, cols[4][1], font, size)],
            [cell["N"][1]],
        ]
        for (x, w), lines in zip(cols, columns, strict=True):
            for j, ln in enumerate(lines):
                assert pdfmetrics.stringWidth(ln, font, size) <= w + size, ln
                c.drawString(x, y - j * lead, ln)
        y -= max(len(col) for col in columns) * lead + 12
    y -= 8
    prose(BANK_TAIL)
    assert y > 40
    c.save()


def write_content_jsonl(path: Path, posts: list[tuple[str, str, str]]) -> None:
    rows = []
    for pid, _title, tagged in posts:
        parts: list[str] = []
        lst: str | None = None
        kind = "ol" if pid == "pharma-rep" else "p"
        for tag, t in _lines(tagged):
            item = tag in ("D", "R", "P") and kind == "ol"
            if lst and not item:
                parts.append(f"</{lst}>")
                lst = None
            if tag == "H":
                parts.append(f"<h3>{t}</h3>")
            elif item:
                if not lst:
                    lst = "ol" if tag == "D" else "ul"
                    parts.append(f"<{lst}>")
                parts.append(f"<li>{t}</li>")
            else:
                parts.append(f"<p>{t}</p>")
        if lst:
            parts.append(f"</{lst}>")
        meta = PHARMA_META[pid]
        rows.append(
            {
                "job_id": meta["job_id"],
                "title": meta["title"],
                "company": "江州康宁医药有限公司",
                "city": meta["city"],
                "salary": meta["salary"],
                "publish_date": "2026-10-26",
                "content": "".join(parts),
            }
        )
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )


def main() -> None:
    gold_path = HERE / "gold.json"
    gold_all = json.loads(gold_path.read_text(encoding="utf-8"))
    for name, layout, posts in HELDOUT10:
        path = HERE / name
        entries = [gold(pid, title, tagged) for pid, title, tagged in posts]
        text = "".join(t for _, _, t in posts)
        plain = "\n".join(t for _, t in _lines(text))
        if layout == "html":
            write_qiancheng_html(path)
        elif layout == "docx":
            write_multilevel_docx(path, posts)
        elif layout == "pdf":
            write_bank_pdf(path, posts)
        elif layout == "jsonl":
            write_content_jsonl(path, posts)
        else:
            path.write_text(plain.rstrip("\n") + "\n", encoding="utf-8")
        gold_all[name] = {"layout": layout, "heldout": True, "batch": 10, "postings": entries}
    gold_path.write_text(
        json.dumps(gold_all, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
