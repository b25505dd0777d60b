"""Held-out batch 8: write its posting files and add their gold to ``gold.json``.

Written blind, without reading the parser or its vocabulary and without running
the importer on these files: layouts the first seven batches do not have. Tags
as in ``make_postings.py`` (``T|`` title, ``H|`` heading, ``D|`` duty, ``R|``
requirement, ``P|`` preferred requirement, ``N|`` noise, ``+|`` the rest of the
item above, wrapped, ``RS|`` requirements split at ；); ``~|`` only breaks a line
where a renderer runs items together. Each posting's title is written out, not
derived from its title line. Item numbering that ``gold_of`` keeps (1） 1️⃣ ■ ●)
is taken off the gold too. The other batches' files and gold are left as they
are. Everything is invented; phones are masked, mail is @example.com. The .docx
and .xlsx files carry fixed core-property dates and zip timestamps.

Run from the repository root: ``python benchmarks/data/postings/make_postings8.py``.
"""
# ruff: noqa: E501  (a tagged line is one item of the posting, written as the file holds it)

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_postings import _lines, gold_of  # noqa: E402

FIXED = datetime(2026, 11, 2, 9, 30, 0)
ZIP_TIME = (2026, 11, 2, 9, 30, 0)
ITEM = ("D", "R", "P")

# ---------------------------------------------------------------------------
# 1. A Lagou (拉勾) job page copied as text: the site's navigation, the title,
#    the facts line split by " /", the keyword tags one per line, 职位诱惑： and
#    its line, 职位描述： over 工作职责：/任职要求：, then the address, the
#    recruiter card, the company card and the site's safety tip.
LAGOU = """\
N|首页
N|职位
N|公司
N|APP
N|登录 | 注册
T|风控策略经理
N|25k-40k /上海 /经验3-5年 /本科及以上 /全职
N|信贷风控
N|策略
N|消费金融
N|数据分析
N|10:21  发布于拉勾网
N|投个简历
N|职位诱惑：
N|年底双薪，弹性工作，团队氛围好，大平台
H|职位描述：
H|工作职责：
D|1、负责消费信贷产品贷前、贷中风控策略的制定、迭代与上线，包括准入、授信、定价和额度策略；
D|2、搭建策略监控体系，跟踪通过率、逾期率、损失率等核心指标，及时发现并定位风险波动；
D|3、与模型、产品、运营团队协作，推动外部数据源的引入和评估，持续优化风险收益平衡；
D|4、负责策略AB测试的设计与效果评估，输出专题分析报告。
H|任职要求：
R|1、本科及以上学历，统计、数学、金融、计算机等相关专业；
R|2、3年以上消费金融、银行信用卡或互联网金融风控策略经验；
R|3、熟练使用SQL和Python，熟悉决策树、评分卡等常用风控工具；
R|4、逻辑思维清晰，对数据敏感，具备良好的沟通和推动能力。
N|工作地址
N|上海-浦东新区-陆家嘴-世纪大道某某金融中心22楼
N|查看地图
N|职位发布者
N|周女士
N|招聘经理
N|今日活跃
N|聊一聊
N|融信消费金融
N|消费金融 / D轮及以上 / 500-2000人
N|公司主页
N|拉勾安全提示：求职过程中请勿缴纳任何费用，谨防上当受骗
"""

# ---------------------------------------------------------------------------
# 2. A city commercial bank's 校园招聘简章 (.docx): Title, Heading 1 sections,
#    each post a Heading 2 with a line of facts and a two-row table (岗位职责 |
#    cell, 任职要求 | cell). The first table's cells hold one paragraph per item,
#    the second's one paragraph with line breaks, the third's the items run
#    together in one paragraph.
CAMPUS_MT = """\
N|江州通济银行2027年校园招聘简章
N|江州通济银行成立于1998年，是一家总部位于江州市的城市商业银行，下设12家分行、160余家营业网点，资产规模超过4000亿元。诚邀优秀学子加入！
H|一、招聘对象
N|2027届国内外高校全日制本科及以上学历毕业生（毕业时间为2026年9月至2027年7月）。
H|二、招聘岗位
T|（一）管理培训生
N|招聘人数：10人　工作地点：总行（江州市）
H|岗位职责
D|1.参加总行统一组织的入职培训和为期两年的轮岗计划，在公司金融、零售金融、风险管理等条线轮岗锻炼；
D|2.参与总行重点项目的调研、方案设计与推进落实，撰写专题研究报告；
D|3.协助部门负责人开展业务管理、数据分析和经营决策支持工作；
D|4.轮岗结束后根据个人意愿和考核结果定岗，纳入总行后备人才库培养。
H|任职要求
R|1.2027届全日制硕士研究生及以上学历，本科为全日制普通高校；
R|2.经济、金融、管理、法律、理工科等专业；
R|3.学习成绩优良，在校期间担任主要学生干部或有重要社会实践经历；
R|4.具有较强的学习能力、沟通协调能力和抗压能力；
R|5.通过大学英语六级考试（CET-6成绩425分及以上）。
"""
CAMPUS_IT = """\
T|（二）金融科技岗（软件开发方向）
N|招聘人数：15人　工作地点：总行金融科技部（江州市）
H|岗位职责
D|1.负责银行核心业务系统、手机银行及开放银行平台等应用系统的需求分析、设计与开发；
D|2.参与分布式架构、微服务及云原生技术在本行的落地实施；
D|3.负责系统测试、上线部署和生产问题排查，保障系统安全稳定运行。
H|任职要求
R|1.2027届全日制本科及以上学历，计算机科学与技术、软件工程、数学等相关专业；
R|2.熟练掌握Java、Go或Python中至少一种编程语言，熟悉常用数据结构和算法；
R|3.熟悉MySQL、Oracle等数据库，了解Spring Cloud、Kubernetes等技术框架；
P|4.有互联网企业或金融机构科技岗位实习经历者优先。
"""
CAMPUS_TELLER = """\
T|（三）营业网点综合柜员
N|招聘人数：40人　工作地点：各分行辖内营业网点
H|岗位职责
D|（1）负责个人及对公客户的现金、转账、开户等柜面业务办理；
D|（2）负责厅堂客户引导、业务咨询及产品营销；
D|（3）严格执行柜面业务操作规程，做好账务核对与重要凭证管理。
H|任职要求
R|（1）2027届全日制本科及以上学历，专业不限；
R|（2）形象气质佳，普通话标准，具有良好的服务意识和亲和力；
R|（3）能接受分配至各县域网点工作。
H|三、招聘流程
N|网申投递→简历筛选→笔试→面试→体检→签约
H|四、投递方式
N|请登录江州通济银行招聘官网（https://job.jztj-bank.example.com）或关注“江州通济银行招聘”微信公众号投递简历，网申截止时间为2026年10月31日。
N|扫描下方二维码，关注招聘公众号
N|本行招聘不收取任何费用，请警惕虚假招聘信息。咨询邮箱：campus@jztj-bank.example.com
"""

# ---------------------------------------------------------------------------
# 3. A campus talk's slides exported from PowerPoint to PDF (landscape pages): a
#    cover, an "about us" slide with bullets, one post per slide (big title, a
#    facts line, 岗位职责/任职要求 with ■ or ● bullets, a bullet wrapped in its
#    text box), a closing slide with the link and a QR code; footer and slide
#    number on every slide but the cover.
SLIDE_FOOT = "星澜智能 | 2027届校园招聘"
SLIDES_A = [
    """\
N|星澜智能科技
N|2027届校园招聘宣讲会
N|江州大学站 | 2026年10月
""",
    f"""\
N|关于星澜
N|■ 2015年成立，专注工业视觉检测与智能装备
N|■ 服务客户500余家，覆盖3C电子、新能源电池、汽车零部件行业
N|■ 员工1100人，其中研发人员占比超过55%
N|{SLIDE_FOOT}
N|2
""",
    f"""\
T|算法工程师（机器视觉）
N|工作地点：江州 / 苏州 | 招聘人数：8人 | 学历：硕士及以上
H|岗位职责
D|■ 负责工业缺陷检测、尺寸测量等视觉算法的研发与优化
D|■ 负责深度学习模型的训练、压缩及在边缘设备上的部署，满足产线
+|节拍要求
D|■ 跟进客户现场问题，分析误检漏检原因并持续改进
H|任职要求
R|■ 2027届硕士及以上学历，计算机、自动化、电子信息等相关专业
R|■ 熟悉OpenCV及PyTorch，掌握常用图像处理与目标检测算法
R|■ 熟练使用C++或Python，具备良好的编码习惯
P|■ 在CVPR、ICCV等会议发表过论文或有相关竞赛获奖经历者优先
N|{SLIDE_FOOT}
N|3
""",
]
SLIDES_B = [
    f"""\
T|嵌入式软件工程师
N|工作地点：江州 | 招聘人数：5人 | 学历：本科及以上
H|岗位职责
D|● 负责工业相机、运动控制卡等设备的嵌入式软件设计与开发
D|● 负责Linux驱动移植、BSP开发及系统性能调优
D|● 编写软件设计文档，参与联调测试和量产导入
H|任职要求
R|● 2027届本科及以上学历，电子、通信、计算机等相关专业
R|● 熟练掌握C语言，熟悉ARM架构及Linux操作系统
R|● 了解I2C、SPI、UART、USB等常用通信接口
P|● 有FPGA开发经历或电子设计竞赛获奖者优先
N|{SLIDE_FOOT}
N|4
""",
    f"""\
N|加入我们
N|网申地址：https://campus.xinglan.example.com
N|简历投递截止：2026年11月15日
N|扫码关注“星澜智能招聘”公众号
N|{SLIDE_FOOT}
N|5
""",
]

# ---------------------------------------------------------------------------
# 4. A parts maker's posts in an Excel workbook, one sheet a post, one row an
#    item: the title in a merged top cell, the facts in a merged second row.
#    Sheet 1 has a header row 类别 | 内容 and 职责 or 要求 in column A of every
#    row; sheet 2 has no header and 岗位职责 / 任职要求 merged down column A.
ROWS_EQUIP = """\
T|岗位名称：设备维护工程师
N|所属部门：生产保障部　工作地点：江州经济开发区　招聘人数：2人
D|负责冲压、焊装生产线设备的日常点检、保养和故障维修，保障设备稼动率；
D|编制设备预防性维护计划和备品备件需求计划，并组织实施；
D|参与新设备的安装调试、验收和技术改造项目；
D|分析设备故障原因，建立设备维修档案和故障知识库。
R|大专及以上学历，机电一体化、电气自动化、机械等相关专业；
R|3年以上汽车或机械制造企业设备维修经验；
R|熟悉西门子、三菱PLC编程及电气控制原理，能看懂电气图纸；
R|持有低压电工证，能适应倒班；
P|有ABB、发那科等工业机器人维护经验者优先。
N|简历投递：hr@huichi-auto.example.com　联系电话：0791-8***-6650（人力资源部）
"""
ROWS_SQE = """\
T|岗位名称：供应商质量工程师（SQE）
N|所属部门：质量部　工作地点：江州经济开发区　招聘人数：1人
H|岗位职责
D|负责供应商质量体系审核和过程审核，推动供应商质量改进；
D|负责新零件的PPAP审核及供应商开发阶段的质量管控；
D|处理来料质量问题，组织供应商进行8D分析并跟踪整改效果；
D|定期统计和评价供应商质量绩效，输出质量月报。
H|任职要求
R|本科及以上学历，机械、材料、质量管理等相关专业；
R|3年以上汽车零部件行业SQE或质量工程师经验；
R|熟悉IATF 16949及APQP、PPAP、FMEA、SPC、MSA五大工具；
R|具备较强的沟通协调能力，能适应经常出差。
N|江州汇驰汽车零部件有限公司人力资源部　2026年11月
"""

# ---------------------------------------------------------------------------
# 5. A share from a recruiting mini-program pasted into a chat: the whole post on
#    three lines (title | pay | place; 岗位职责 with keycap-emoji numbers run
#    together; 任职要求 the same, then the address, the phone and the share link).
MINIAPP = """\
T|【快聘江州】烘焙门店店长｜6-9K·13薪｜江州·东湖区｜经验1-3年｜学历不限
~|
H|岗位职责：
D|1️⃣负责门店日常运营管理，包括排班、订货、库存和卫生管理；
D|2️⃣带领店员完成门店销售目标，做好会员拓展和复购；
D|3️⃣负责新品陈列和促销活动执行，妥善处理顾客投诉；
D|4️⃣做好门店食品安全和出品品质管控。
~|
H|任职要求：
R|1️⃣高中及以上学历，2年以上餐饮、烘焙或零售门店管理经验；
R|2️⃣性格开朗，有较强的团队管理和沟通能力；
R|3️⃣能适应早晚班轮换及节假日上班；
P|4️⃣持有健康证者优先。
N| 📍门店地址：江州市东湖区八一大道某某广场1楼
N| ☎️联系人：陈店长 138****5621
N| 👉长按复制本条消息，打开「快聘江州」小程序查看更多职位 #小程序://快聘江州/Xk8p2QmR
"""

# ---------------------------------------------------------------------------
# 6. A law firm's post that lists its requirements before its duties, items
#    numbered 1） with a full-width bracket.
REQFIRST = """\
N|【招聘】衡平律师事务所（江州）诚聘
T|职位：律师助理（金融争议解决方向）
N|人数：2名　地点：江州市红谷滩区
H|一、任职条件
R|1）法学本科及以上学历，已通过国家统一法律职业资格考试；
R|2）具有1年以上律所诉讼或银行法务工作经验，实习律师亦可；
R|3）熟悉民事诉讼程序及金融借款、担保相关法律法规；
R|4）具备良好的法律检索和文书写作能力，工作认真细致；
P|5）有金融机构不良资产处置项目经验者优先。
H|二、工作内容
D|1）协助承办律师处理金融借款、票据、保理等合同纠纷案件；
D|2）负责案件材料整理、证据目录编制及起诉状、代理词等法律文书初稿的撰写；
D|3）负责立案、保全、执行等程序性事务，跟进案件进展；
D|4）参与法律尽职调查和客户法律咨询回复。
H|三、薪资待遇
N|实习律师4000-6000元/月，执业律师面议；缴纳五险一金，提供执业培训。
H|四、应聘方式
N|请将个人简历及成绩单发送至 recruit@hengping-law.example.com，邮件主题：应聘律师助理-姓名-毕业院校。
N|报名截止：2026年12月15日。仅通知面试人选，简历恕不退还。
N|本所承诺对应聘者的个人信息严格保密，仅用于本次招聘。
"""

# ---------------------------------------------------------------------------
# 7. A German machine-tool maker's post, Chinese and English interleaved line by
#    line: every heading, item and line of noise in Chinese, then its English on
#    the next line (the English unnumbered).
INTERLEAVE = """\
N|德科精密机械（江州）有限公司
N|Deko Precision Machinery (Jiangzhou) Co., Ltd.
T|职位：销售工程师
N|Position: Sales Engineer
N|工作地点：江州 / 长沙
N|Location: Jiangzhou / Changsha
H|岗位职责
H|Responsibilities
D|1. 开发华中地区汽车零部件及工程机械行业的新客户，完成年度销售目标；
D|Develop new customers in the automotive parts and construction machinery industries in Central China and achieve the annual sales target;
D|2. 了解客户的技术需求，与德国总部应用工程师共同制定机床解决方案；
D|Understand customers' technical needs and work out machine tool solutions with application engineers at the German headquarters;
D|3. 负责报价、合同谈判及回款跟进；
D|Handle quotations, contract negotiation and payment collection;
D|4. 定期拜访重点客户，收集市场和竞争对手信息。
D|Visit key accounts regularly and collect market and competitor information.
H|任职要求
H|Requirements
R|1. 机械、自动化等相关专业本科及以上学历；
R|Bachelor's degree or above in mechanical engineering, automation or a related field;
R|2. 3年以上数控机床或工业设备销售经验；
R|At least 3 years of sales experience in CNC machine tools or industrial equipment;
R|3. 英语读写流利，能作为工作语言，会德语者优先；
R|Fluent written and spoken English as a working language; German is a plus;
R|4. 能适应经常出差。
R|Willing to travel frequently.
H|我们提供
H|What we offer
N|具有竞争力的薪酬、年度奖金、补充商业保险及德国总部培训机会。
N|Competitive salary, annual bonus, supplementary insurance and training at our German headquarters.
N|请将中英文简历发送至 hr.cn@deko-pm.example.com
N|Please send your CV in Chinese and English to hr.cn@deko-pm.example.com
"""

# ---------------------------------------------------------------------------
# 8. A province's 选调生 职位表 (.xlsx): a merged title row, one header row
#    (序号 | 招录机关 | 职位代码 | 职位名称 | 职位简介 | 招考人数 | 学历 | 学位 |
#    专业 | 其他条件 | 咨询电话), a row a post, a merged note. The duty is the
#    职位简介 cell, the requirements the 学历, 学位, 专业 and 其他条件 cells
#    (其他条件 split at ；).
GOV_TITLE = "江州省2027年度定向选调应届优秀大学毕业生职位表"
GOV_BUDGET = """\
N|1
N|江州市财政局
N|270101
T|预算管理科科员
D|从事财政预算编制、预算执行分析和预算绩效管理工作
N|1
R|研究生
R|硕士及以上
R|财政学、会计学、审计学
RS|2027届高校毕业生；中共党员（含预备党员）
N|0791-8***-2201
"""
GOV_DATA = """\
N|2
N|江州市大数据发展管理局
N|270215
T|数据治理科科员
D|从事政务数据资源整合、共享开放和数据安全管理工作
N|2
R|本科及以上
R|学士及以上
R|计算机科学与技术、软件工程、数据科学与大数据技术
RS|2027届高校毕业生；具有较强的文字写作能力
N|0791-8***-5530
"""
GOV_NOTE = "注：1.“2027届高校毕业生”指2026年9月1日至2027年7月31日期间毕业的国内普通高校毕业生；2.专业参照《江州省考试录用公务员专业参考目录》。"

# ---------------------------------------------------------------------------
# 9. A headhunter's JD (.docx): a running page header, Title, the post as
#    Heading 1, facts, 公司介绍 and 职位概述 paragraphs, 主要职责 and 任职资格 as
#    Word numbered lists (numbering 1、 from the list definition, not in the
#    text; the second list restarts at 1), 薪酬福利 as a bulleted list, the
#    consultant's contact and a confidentiality line.
HUNTER_HEADER = "睿途人才顾问 | 职位说明书（保密）"
HUNTER = """\
N|职位说明书 Job Description
T|财务总监（CFO）
N|客户：某新能源储能科技集团（上市公司全资子公司）
N|工作地点：江州市高新区 | 汇报对象：总经理 | 年薪：80-120万
H|公司介绍
N|客户是一家专注于储能系统集成和电池管理系统研发的新能源企业，2018年成立，目前员工1200余人，2025年营业收入约45亿元，正在筹备分拆上市。
H|职位概述
N|作为公司财务负责人，全面负责财务、资金、税务及投融资管理，参与公司战略决策，并牵头推进分拆上市相关财务工作。
H|主要职责
D|全面负责公司财务管理体系建设，制定财务战略、制度和流程；
D|主持全面预算管理、成本控制和经营分析，为管理层决策提供支持；
D|负责资金计划和融资管理，维护与银行、投资机构的合作关系；
D|牵头分拆上市的财务规范、审计及与券商、会计师事务所的协调工作；
D|负责税务筹划与合规，防范财务风险；
D|带领30人左右的财务团队，负责团队建设和人才培养。
H|任职资格
R|财务、会计、金融相关专业本科及以上学历，持有CPA或ACCA证书；
R|15年以上财务管理经验，其中5年以上大中型制造企业财务总监或财务负责人经验；
R|主导过IPO或分拆上市项目，熟悉A股上市规则及资本运作；
R|具备优秀的领导力和跨部门沟通能力，能承受较大工作压力；
P|有新能源、锂电或储能行业背景者优先。
H|薪酬福利
N|年薪80-120万（基本年薪+绩效奖金），另有股权激励；
N|提供补充医疗保险、年度体检及高管住房补贴。
N|联系顾问：林先生　138****9027　lin.consultant@ruitu-hr.example.com
N|本职位说明书仅供候选人参考，请勿转发。
"""

# ---------------------------------------------------------------------------
# 10. A logistics company's careers page (.html): header navigation and a
#     breadcrumb, the facts as <span>s, an intro, 岗位职责：/任职要求： as <strong>
#     inside a <p>, each followed by a <ul>, 福利待遇： inline with its text,
#     buttons, a 相似职位 sidebar with other jobs and pay, a footer.
SIMILAR = """\
N|云栖物流招聘
N|首页
N|社会招聘
N|校园招聘
N|员工故事
N|首页 > 社会招聘 > 仓储运营主管
T|仓储运营主管
N|江州·青云谱区
N|3-5年
N|大专
N|8-12K
N|云栖物流是华中地区领先的第三方仓配一体化服务商，为200余家品牌客户提供仓储、配送和供应链服务。
H|岗位职责：
D|负责仓库入库、存储、拣货、出库全流程的日常运营管理，确保作业时效和准确率；
D|制定仓库作业标准和KPI考核方案，组织班组长开展现场管理和人员培训；
D|负责库存盘点和库存差异分析，控制库损率；
D|推动仓储流程优化和WMS系统功能改进，提升人效和坪效；
D|负责仓库安全、消防和5S管理。
H|任职要求：
R|大专及以上学历，物流管理等相关专业优先；
R|3年以上仓储管理经验，其中1年以上主管岗位经验；
R|熟悉WMS系统操作，熟练使用Excel进行数据分析；
R|具备较强的现场管理能力和执行力，能适应大促期间的夜班安排；
P|有电商仓或冷链仓管理经验者优先。
N|福利待遇：五险一金、包住宿、工作餐补贴、年终奖、带薪年假
N|工作地址：江州市青云谱区迎宾大道某某物流园3号库
N|立即投递
N|收藏职位
N|相似职位
N|仓库主管 7-10K
N|物流运营经理 10-15K
N|仓储经理（冷链） 12-18K
N|配送站站长 8-11K
N|© 2026 云栖物流 版权所有 赣ICP备00000000号-1
N|隐私政策
"""

# (file, layout, [(id, title, tagged)]); a file's front matter goes to its first
# posting's noise, its tail to the last one's.
HELDOUT8 = [
    ("heldout8_lagou.txt", "txt", [("b8-risk-strategy", "风控策略经理", LAGOU)]),
    ("heldout8_campus.docx", "docx",
     [("b8-mgmt-trainee", "管理培训生", CAMPUS_MT),
      ("b8-bank-it", "金融科技岗（软件开发方向）", CAMPUS_IT),
      ("b8-teller", "营业网点综合柜员", CAMPUS_TELLER)]),
    ("heldout8_slides.pdf", "pdf",
     [("b8-vision-algo", "算法工程师（机器视觉）", "".join(SLIDES_A)),
      ("b8-embedded", "嵌入式软件工程师", "".join(SLIDES_B))]),
    ("heldout8_rows.xlsx", "xlsx",
     [("b8-equipment", "设备维护工程师", ROWS_EQUIP),
      ("b8-sqe", "供应商质量工程师（SQE）", ROWS_SQE)]),
    ("heldout8_miniapp.txt", "txt", [("b8-bakery-manager", "烘焙门店店长", MINIAPP)]),
    ("heldout8_reqfirst.txt", "txt", [("b8-law-assistant", "律师助理（金融争议解决方向）", REQFIRST)]),
    ("heldout8_interleave.txt", "txt", [("b8-sales-engineer", "销售工程师", INTERLEAVE)]),
    ("heldout8_xuandiao.xlsx", "xlsx",
     [("b8-budget-clerk", "预算管理科科员", "N|" + GOV_TITLE + "\n" + GOV_BUDGET),
      ("b8-data-clerk", "数据治理科科员", GOV_DATA + "N|" + GOV_NOTE + "\n")]),
    ("heldout8_hunter.docx", "docx", [("b8-cfo", "财务总监（CFO）", HUNTER)]),
    ("heldout8_similar.html", "html", [("b8-warehouse", "仓储运营主管", SIMILAR)]),
]  # fmt: skip

# numbering gold_of keeps: 1） (full-width bracket), keycap emoji, slide bullets
_MORE_NUM = re.compile(r"^\s*(?:\d{1,2}）|\d\ufe0f?\u20e3|[■●])\s*")


def gold8(pid: str, title: str, tagged: str) -> dict[str, object]:
    g = gold_of(tagged, pid)
    g["title"] = title
    for key in ("duties", "requirements", "preferred"):
        items = g[key]
        assert isinstance(items, list)
        g[key] = [_MORE_NUM.sub("", t) for t in items]
    return g


# ---------------------------------------------------------------------------
# deterministic Office files


def freeze_zip(path: Path) -> None:
    """Rewrite an Office zip with fixed entry timestamps and core-property dates."""
    with zipfile.ZipFile(path) as z:
        entries = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp, data
                )
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    path.write_bytes(buf.getvalue())


def _docx(author: str) -> Any:
    import docx

    d = docx.Document()
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 1
    cp.comments = ""
    return d


# ---------------------------------------------------------------------------
# renderers


def write_campus_docx(path: Path, posts: list[tuple[str, str, str]]) -> None:
    d = _docx("江州通济银行人力资源部")
    first = True
    for k, (_pid, _title, tagged) in enumerate(posts):
        mode = ("paras", "breaks", "inline")[k]
        lines = _lines(tagged)
        table = None
        i = 0
        while i < len(lines):
            tag, t = lines[i]
            if first:
                d.add_paragraph(t, style="Title")
                first = False
            elif tag == "T":
                d.add_heading(t, level=2)
            elif tag == "H" and t in ("岗位职责", "任职要求"):
                items = []
                while i + 1 < len(lines) and lines[i + 1][0] in ITEM:
                    i += 1
                    items.append(lines[i][1])
                if table is None:
                    table = d.add_table(rows=0, cols=2)
                    table.style = "Table Grid"
                row = table.add_row().cells
                row[0].text = t
                if mode == "paras":
                    row[1].text = items[0]
                    for item in items[1:]:
                        row[1].add_paragraph(item)
                elif mode == "breaks":
                    row[1].text = "\n".join(items)
                else:
                    row[1].text = "".join(items)
            elif tag == "H":
                d.add_heading(t, level=1)
                table = None
            else:
                d.add_paragraph(t)
                table = None
            i += 1
    d.save(str(path))
    freeze_zip(path)


def write_slides_pdf(path: Path, slides: list[str]) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    w, h = 960.0, 540.0
    c = canvas.Canvas(str(path), pagesize=(w, h), invariant=1)
    c.setTitle("星澜智能2027届校园招聘宣讲")
    for n, slide in enumerate(slides):
        lines = _lines(slide)
        c.setFillColorRGB(0.08, 0.22, 0.45)
        c.rect(0, h - 12, w, 12, stroke=0, fill=1)
        if n == 0:  # the cover, centred, no footer
            for (_tag, t), (size, y) in zip(lines, ((40, 320), (26, 262), (18, 214)), strict=True):
                c.setFont(font, size)
                c.drawCentredString(w / 2, y, t)
            c.showPage()
            continue
        body, (foot, num) = lines[:-2], (lines[-2][1], lines[-1][1])
        y = 468.0
        for tag, t in body:
            if y == 468.0:  # the slide's title
                c.setFillColorRGB(0.08, 0.22, 0.45)
                c.setFont(font, 32)
                c.drawString(48, y, t)
                c.setFillColorRGB(0, 0, 0)
                y -= 34
                continue
            if tag == "H":
                y -= 8
                c.setFillColorRGB(0.08, 0.22, 0.45)
                c.setFont(font, 20)
                c.drawString(48, y, t)
                c.setFillColorRGB(0, 0, 0)
                y -= 28
            elif tag == "+":
                c.setFont(font, 16)
                c.drawString(86, y, t)
                y -= 24
            elif t.startswith(("■", "●")):
                c.setFont(font, 16)
                c.drawString(64, y, t[0])
                c.drawString(86, y, t[1:].strip())
                y -= 24
            elif t.startswith("扫码"):  # a QR code with its caption under it
                c.rect(420, y - 130, 120, 120, stroke=1, fill=0)
                for qx, qy in ((428, y - 38), (504, y - 38), (428, y - 122)):
                    c.rect(qx, qy, 28, 28, stroke=0, fill=1)
                c.setFont(font, 14)
                c.drawCentredString(480, y - 152, t)
                y -= 170
            else:
                c.setFont(font, 14 if tag == "N" and y < 440 else 16)
                c.drawString(48, y, t)
                y -= 26
        c.setFont(font, 10)
        c.setFillColorRGB(0.4, 0.4, 0.4)
        c.drawString(48, 22, foot)
        c.drawRightString(w - 40, 22, num)
        c.setFillColorRGB(0, 0, 0)
        c.showPage()
    c.save()


def write_rows_xlsx(path: Path, posts: list[tuple[str, str, str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.properties.creator = "江州汇驰汽车零部件有限公司"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    for k, (_pid, title, tagged) in enumerate(posts):
        ws = wb.active if k == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = title.replace("（SQE）", "")
        ws.column_dimensions["A"].width = 12
        ws.column_dimensions["B"].width = 80
        lines = _lines(tagged)
        ws.append([lines[0][1]])
        ws.merge_cells("A1:B1")
        ws["A1"].font = Font(bold=True, size=14)
        ws.append([lines[1][1]])
        ws.merge_cells("A2:B2")
        items = [(tag, t) for tag, t in lines[2:] if tag in ITEM]
        if k == 0:
            ws.append(["类别", "内容"])
            for tag, t in items:
                ws.append(["职责" if tag == "D" else "要求", t])
        else:
            for label, tags in (("岗位职责", ("D",)), ("任职要求", ("R", "P"))):
                top = ws.max_row + 1
                group = [t for tag, t in items if tag in tags]
                for j, t in enumerate(group):
                    ws.append([label if j == 0 else None, t])
                ws.merge_cells(f"A{top}:A{ws.max_row}")
        ws.append([lines[-1][1]])
        ws.merge_cells(f"A{ws.max_row}:B{ws.max_row}")
        for row in ws.iter_rows():
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="center")
    wb.save(str(path))
    freeze_zip(path)


def write_gov_xlsx(path: Path, posts: list[tuple[str, str, str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.properties.creator = "江州省委组织部"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    ws = wb.active
    assert ws is not None
    ws.title = "职位表"
    heads = ["序号", "招录机关", "职位代码", "职位名称", "职位简介", "招考人数", "学历", "学位",
             "专业", "其他条件", "咨询电话"]  # fmt: skip
    widths = [6, 22, 10, 16, 36, 8, 12, 12, 30, 30, 16]
    for col, width in zip("ABCDEFGHIJK", widths, strict=True):
        ws.column_dimensions[col].width = width
    ws.append([GOV_TITLE])
    ws.merge_cells("A1:K1")
    ws["A1"].font = Font(bold=True, size=16)
    ws.append(heads)
    for _pid, _title, tagged in posts:
        cells = [t for _tag, t in _lines(tagged) if t not in (GOV_TITLE, GOV_NOTE)]
        seq, unit, code, title, brief, n, degree, deg2, major, other, phone = cells
        ws.append([int(seq), unit, code, title, brief, int(n), degree, deg2, major, other, phone])
    ws.append([GOV_NOTE])
    ws.merge_cells(f"A{ws.max_row}:K{ws.max_row}")
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    wb.save(str(path))
    freeze_zip(path)


def _numbering(d: Any) -> None:
    """Add a one-level list "1、" (abstract 90) and two lists on it (90, 91)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    numbering = d.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    for num_id in (90, 91):
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="90"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        ))  # fmt: skip


def write_hunter_docx(path: Path, tagged: str) -> None:
    d = _docx("睿途人才顾问")
    _numbering(d)
    d.sections[0].header.paragraphs[0].text = HUNTER_HEADER
    section = ""
    for n, (tag, t) in enumerate(_lines(tagged)):
        if n == 0:
            d.add_paragraph(t, style="Title")
        elif tag == "T":
            d.add_heading(t, level=1)
        elif tag == "H":
            d.add_heading(t, level=2)
            section = t
        elif tag in ITEM:
            p = d.add_paragraph(t, style="List Paragraph")
            num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = 90 if tag == "D" else 91
        elif section == "薪酬福利" and not t.startswith(("联系顾问", "本职位")):
            d.add_paragraph(t, style="List Bullet")
        else:
            d.add_paragraph(t)
    d.save(str(path))
    freeze_zip(path)


def write_similar_html(path: Path, tagged: str) -> None:
    lines = [t for _tag, t in _lines(tagged)]
    tags = [tag for tag, _t in _lines(tagged)]
    nav, crumb, title, facts, intro = lines[0:5], lines[5], lines[6], lines[7:11], lines[11]
    out = [
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{title}-{nav[0]}</title></head><body>",
        f'<header class="site-header"><a class="logo" href="/">{nav[0]}</a><nav><ul>'
        + "".join(f'<li><a href="#">{t}</a></li>' for t in nav[1:])
        + "</ul></nav></header>",
        f'<div class="crumb">{crumb.replace(">", "&gt;")}</div>',
        '<div class="wrap"><div class="job-main">',
        f'<h1 class="job-title">{title}</h1>',
        '<div class="job-meta">' + "".join(f"<span>{t}</span>" for t in facts) + "</div>",
        f'<div class="job-detail"><p>{intro}</p>',
    ]
    i = 12
    while tags[i] == "H":
        out.append(f"<p><strong>{lines[i]}</strong></p>")
        items = []
        while tags[i + 1] in ITEM:
            i += 1
            items.append(f"<li>{lines[i]}</li>")
        out.append("<ul>" + "".join(items) + "</ul>")
        i += 1
    perks, address = lines[i], lines[i + 1]
    head, _, rest = perks.partition("：")
    out.append(f"<p><strong>{head}：</strong>{rest}</p>")
    out.append(f"<p>{address}</p></div>")
    out.append(f'<div class="actions"><a class="btn btn-primary" href="#">{lines[i + 2]}</a>'
               f'<a class="btn" href="#">{lines[i + 3]}</a></div></div>')  # fmt: skip
    side, jobs, foot = lines[i + 4], lines[i + 5 : i + 9], lines[i + 9 :]
    out.append(f'<aside class="similar-jobs"><h3>{side}</h3><ul>'
               + "".join(f'<li><a href="#">{t}</a></li>' for t in jobs) + "</ul></aside></div>")  # fmt: skip
    out.append(f'<footer><p>{foot[0]} | <a href="#">{foot[1]}</a></p></footer></body></html>')
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def run_together(tagged: str) -> str:
    """Lines joined without breaks; ``~|`` starts a new line."""
    rows = [""]
    for tag, t in _lines(tagged):
        if tag == "~":
            rows.append("")
        else:
            rows[-1] += t
    return "\n".join(rows) + "\n"


def main() -> None:
    gold_path = HERE / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for name, layout, posts in HELDOUT8:
        path = HERE / name
        entries = [gold8(pid, title, tagged) for pid, title, tagged in posts]
        text = "\n".join(t for _, _, t in posts)
        if name.endswith("campus.docx"):
            write_campus_docx(path, posts)
        elif name.endswith("hunter.docx"):
            write_hunter_docx(path, text)
            noise = entries[0]["noise"]
            assert isinstance(noise, list)
            noise.insert(0, HUNTER_HEADER)
        elif layout == "pdf":
            write_slides_pdf(path, SLIDES_A + SLIDES_B)
        elif name.endswith("rows.xlsx"):
            write_rows_xlsx(path, posts)
        elif name.endswith("xuandiao.xlsx"):
            write_gov_xlsx(path, posts)
        elif layout == "html":
            write_similar_html(path, text)
        elif name.endswith("miniapp.txt"):
            path.write_text(run_together(text), encoding="utf-8")
        else:
            path.write_text("\n".join(t for _, t in _lines(text)) + "\n", encoding="utf-8")
        gold[name] = {"layout": layout, "heldout": True, "batch": 8, "postings": entries}
    gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
