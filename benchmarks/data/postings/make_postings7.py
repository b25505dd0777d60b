"""Held-out batch 7: write its posting files and add their gold to ``gold.json``.

Written blind, by a helper that read neither the parser nor its vocabulary and
never ran the importer on these files: layouts the earlier batches do not have.
Tags as in ``make_postings.py`` (``T|`` title, ``H|`` heading, ``D|`` duty,
``R|`` requirement, ``P|`` preferred requirement, ``N|`` noise); each posting's
title is written out, not derived from its title line. Item numbers that
``gold_of`` leaves (``1）``) are stripped from the gold here. Bare page numbers
of the PDF are not listed as noise (a noise line "2" would match any item that
holds a 2). The other batches' files and gold are left as they are; the .docx
files carry fixed core properties and zip dates, so a rerun writes the same
bytes. Everything is invented; phones are masked, mail is @example.com.

Run from the repository root: ``python benchmarks/data/postings/make_postings7.py``.
"""

# ruff: noqa: E501  (a tagged line is one item of the posting, written as the file holds it)

from __future__ import annotations

import csv
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

# ---------------------------------------------------------------------------
# 1. A 51job (前程无忧) job page saved as .html: the site's navigation, the
#    tHeader block (<h1> title with a hidden input, <strong> pay, company link,
#    "city | years | degree | 招N人 | date发布" joined by &nbsp;, welfare tags),
#    the JD in <div class="bmsg job_msg inbox"> (duties as <p>, requirements in one
#    <p> split by <br>), 职能类别 / 关键字 lines and 微信分享 at the end of that div,
#    then 联系方式 / 公司信息 boxes and the footer.
J51_TOP = """\
N|首页
N|职位搜索
N|地区频道
N|职场资讯
N|校园招聘
N|无忧猎头
T|采购工程师（电子料）
N|1-1.5万/月
N|江州赛恩电子有限公司
N|苏州-工业园区  |  3-4年经验  |  本科  |  招2人  |  10-28发布
N|五险一金 员工旅游 餐饮补贴 专业培训 年终奖金
N|申请职位
N|收藏
"""
J51_MSG = """\
H|职位信息
H|岗位职责：
D|1、负责电子料（IC、被动元件、连接器）的询价、比价、议价及采购订单下达；
D|2、开发和导入新供应商，组织供应商资质审核与样品承认；
D|3、跟进物料交期，协调供应商解决来料异常，保障生产物料供应；
D|4、定期开展供应商绩效评估，推动降本项目，完成年度降本目标；
D|5、维护ERP系统中的采购价格、订单及供应商主数据。
H|任职要求：
R|1、本科及以上学历，电子、机械、物流管理等相关专业；
R|2、3年以上电子制造行业采购经验，熟悉电子料市场行情及主要代理商；
R|3、熟练使用SAP或Oracle ERP系统，Excel操作熟练；
R|4、英语四级以上，能阅读英文规格书并用英文邮件与海外原厂沟通；
P|5、有EMS或消费电子行业采购经验者优先。
N|职能类别：采购工程师 供应商开发
N|关键字：采购 电子料 供应商开发 SAP
N|微信分享
"""
J51_TAIL = """\
H|联系方式
N|上班地址：苏州工业园区星湖街某某号科技园B栋
H|公司信息
N|江州赛恩电子有限公司成立于2009年，是一家专业从事智能家居控制板和电源模块研发、生产的高新技术企业，员工1200余人。
N|所属行业：电子技术/半导体/集成电路
N|© 前程无忧 51job.com 版权所有 沪ICP备00000000号
"""

# ---------------------------------------------------------------------------
# 2. A university's 教师招聘公告 (.docx): the notice in paragraphs, the posts in a
#    Word table 学院 | 岗位名称 | 学科专业 | 人数 | 岗位职责 | 岗位条件 | 联系人及邮箱,
#    the 学院 and 联系人 cells merged down over the school's two posts; the first
#    row's cells hold one paragraph per item, the second's one paragraph with
#    line breaks, the third's one paragraph per item; pay and how to apply below,
#    the pay as a numbered list.
UNI_BODY = """\
N|江州理工学院2026年专任教师及实验技术人员招聘公告
N|江州理工学院是一所以工为主，经、管、文、理协调发展的省属全日制普通本科高校，现有全日制在校生2.1万余人。因学科建设和事业发展需要，现面向海内外公开招聘专任教师及实验技术人员。
H|一、招聘岗位及条件
N|本次计划招聘4人，岗位及条件如下：
"""
UNI_FIN = """\
N|经济管理学院
T|金融学教师
N|金融学、金融工程
N|2
D|1.承担金融学专业本科课程教学，年均课时不少于240学时；
D|2.围绕金融科技、公司金融等方向开展科学研究，申报各级各类科研项目；
D|3.参与专业建设和课程建设，指导学生学科竞赛和毕业论文。
R|1.具有博士学位，金融学、金融工程或相关专业；
R|2.近五年以第一作者在CSSCI来源期刊发表论文2篇及以上；
R|3.年龄一般不超过35周岁，特别优秀者可适当放宽；
P|4.有海外留学或博士后研究经历者优先。
N|王老师 jgxy@jzit.example.edu.cn
"""
UNI_ACC = """\
T|会计学教师
N|会计学、财务管理
N|1
D|1.承担会计学、财务管理专业课程教学工作；
D|2.开展会计与财务领域科学研究，参与学院科研团队建设；
D|3.参与ACCA方向班建设，指导学生专业实践。
R|1.具有博士学位，会计学、财务管理或相关专业；
R|2.具有扎实的专业理论基础和较强的科研能力，近五年主持或参与省部级及以上科研项目；
R|3.能胜任双语教学；
P|4.具有注册会计师资格或高校教学经历者优先。
"""
UNI_LAB = """\
N|计算机与信息工程学院
T|实验技术员
N|计算机科学与技术、软件工程
N|1
D|1.负责计算机基础实验室和软件工程实验室的日常管理与设备维护；
D|2.配合教师完成实验课程准备和实验教学辅助工作；
D|3.负责实验室安全检查和资产管理台账。
R|1.硕士研究生及以上学历，计算机科学与技术、软件工程等相关专业；
R|2.熟悉计算机网络、Linux操作系统及常用服务器的配置与维护；
R|3.年龄30周岁及以下；
R|4.工作责任心强，能适应实验室值班安排。
N|李老师 jsjxy@jzit.example.edu.cn
"""
UNI_TAIL = """\
H|二、薪酬待遇
N|1.博士研究生：提供安家费30-50万元（税前），科研启动经费5-20万元，可申请人才公寓；
N|2.硕士研究生：享受学校同类人员工资福利待遇，缴纳五险二金。
H|三、报名方式
N|应聘者请将个人简历、学历学位证书及代表性成果发送至对应学院邮箱，邮件主题注明“应聘岗位+姓名+最高学历”。
N|报名截止时间：2026年12月31日，岗位招满即止。
N|江州理工学院人事处
N|2026年11月1日
"""

# ---------------------------------------------------------------------------
# 3. A county's 事业单位公开招聘公告 (.pdf): a portrait page of notice text, then
#    the 岗位表 on landscape pages, a ruled table 岗位代码 | 主管部门 | 招聘单位 |
#    岗位名称 | 岗位类别 | 招聘人数 | 岗位职责 | 资格条件 | 备注, cells wrapped,
#    top-aligned, the header row repeated on the second table page, the third
#    post's row broken across the two pages (Word's "allow row to break across
#    pages"); a bare page number at the foot of each page.
SHIYE_BODY = """\
N|江临县2026年县属事业单位公开招聘工作人员公告
N|根据《事业单位人事管理条例》和省、市有关规定，经县委组织部、县人力资源和社会保障局研究同意，江临县县属事业单位2026年面向社会公开招聘工作人员4名。现将有关事项公告如下：
H|一、招聘岗位
N|本次招聘的单位、岗位、人数及资格条件详见《江临县2026年县属事业单位公开招聘工作人员岗位表》（附件1）。
H|二、报名方式
N|报名采取网上报名方式，报名时间为2026年11月10日9:00至11月16日17:00，报名网址：https://rsks.jianglin.example.gov.cn。
H|三、考试与聘用
N|考试分笔试和面试，笔试科目为《公共基础知识》，笔试、面试成绩按5:5合成总成绩。按总成绩从高到低等额确定体检、考察人选，合格者经公示后办理聘用手续，试用期一年。
H|四、咨询电话
N|江临县人力资源和社会保障局：0797-5***-2218
N|附件：1.江临县2026年县属事业单位公开招聘工作人员岗位表
N|江临县人力资源和社会保障局
N|2026年11月3日
N|附件1
N|江临县2026年县属事业单位公开招聘工作人员岗位表
"""
SHIYE_HYDRO = """\
N|2026001
N|江临县水利局
N|江临县水利工程服务中心
T|水利工程技术员
N|专业技术
N|2
D|1.负责全县中小型水库、山塘和堤防工程的日常巡查、安全监测及隐患排查；
D|2.参与农田水利、防洪排涝工程项目的设计审查、施工质量监督和竣工验收；
D|3.负责汛期雨水情监测、水利工程调度和防汛抢险技术保障工作；
D|4.负责水利工程档案资料的收集、整理和信息化管理。
R|1.全日制普通高校本科及以上学历，水利水电工程、农业水利工程、水文与水资源工程专业；
R|2.取得与学历相对应的学士及以上学位；
R|3.年龄30周岁以下（1995年11月10日以后出生）；
R|4.能适应野外作业和汛期值班。
N|聘用后在本单位最低服务年限5年
"""
SHIYE_FISCAL = """\
N|2026002
N|江临县财政局
N|江临县财政投资评审中心
T|财务会计
N|专业技术
N|1
D|1.负责中心日常会计核算、记账凭证审核和财务报表编制；
D|2.负责部门预决算编制、国库集中支付和政府采购相关工作；
D|3.参与政府投资项目预算、结算的财务评审；
D|4.负责国有资产登记、盘点和管理工作。
R|1.全日制普通高校本科及以上学历，会计学、财务管理、审计学专业；
R|2.具有初级及以上会计专业技术资格；
R|3.年龄30周岁以下（1995年11月10日以后出生）。
"""
SHIYE_CDC = """\
N|2026003
N|江临县卫生健康委员会
N|江临县疾病预防控制中心
T|检验技师
N|专业技术
N|1
D|1.负责传染病病原体、食品和生活饮用水样品的实验室检测；
D|2.负责实验室仪器设备的操作、日常维护及检测质量控制；
D|3.参与突发公共卫生事件的现场采样和应急检测；
D|4.负责检测数据的录入、复核和检测报告的出具。
R|1.全日制普通高校大专及以上学历，医学检验技术、卫生检验与检疫专业；
R|2.具有临床医学检验技术（士）及以上专业技术资格；
R|3.年龄35周岁以下（1990年11月10日以后出生）；
R|4.能适应节假日及夜间应急值班。
N|聘用后在本单位最低服务年限5年
"""
SHIYE_HEADS = (
    "岗位代码",
    "主管部门",
    "招聘单位",
    "岗位名称",
    "岗位类别",
    "招聘人数",
    "岗位职责",
    "资格条件",
    "备注",
)

# ---------------------------------------------------------------------------
# 4. An international bank's careers page in Markdown, English only: "What you'll
#    be doing" / "What we're looking for" / "Our benefits", - bullets, an
#    equal-opportunity and a privacy statement, an Apply link.
INTLBANK = """\
N|# Meridian Harbour Bank (China) Limited
N|Careers › Operations › Shanghai
T|## Associate, Trade Finance Operations
N|**Location:** Shanghai (Pudong) · **Job ID:** R-2026-10482 · **Employment type:** Full-time · **Posted:** 28 Oct 2026
H|### About the team
N|Our Trade Finance Operations team in Shanghai processes documentary credits, collections and guarantees for corporate clients across Greater China, working closely with colleagues in Hong Kong and Singapore.
H|### What you'll be doing
D|- Check export and import documentary credit documents against UCP 600 and ISBP, and raise discrepancies in a timely manner
D|- Process issuance, amendment and settlement of letters of credit, standby LCs and bank guarantees in the trade processing system
D|- Screen transactions for sanctions, dual-use goods and trade-based money laundering red flags, and escalate cases to Compliance
D|- Respond to client and relationship manager enquiries on transaction status
D|- Support month-end reconciliation, audit requests and process improvement initiatives
H|### What we're looking for
R|- Bachelor's degree in Finance, International Trade, Economics or a related field
R|- At least 2 years of trade finance operations experience in a bank
R|- Sound knowledge of UCP 600, URDG 758 and SWIFT MT7xx messages
R|- Fluent in English and Mandarin, both written and spoken
R|- Strong attention to detail and the ability to work to tight cut-off times
P|- CDCS certification is a strong plus
H|### Our benefits
N|- Competitive base salary and annual performance bonus
N|- Supplementary medical insurance for you and your family
N|- 15 days of annual leave plus 5 days of flexible leave
N|- Hybrid working: up to 2 days a week from home
N|Meridian Harbour Bank is an equal opportunity employer. We welcome applications from all qualified candidates regardless of gender, age, ethnicity, religion or disability.
N|By submitting your application, you acknowledge that your personal data will be processed in accordance with our Recruitment Privacy Notice.
N|[Apply now](https://careers.meridianharbour.example.com/jobs/R-2026-10482)
"""

# ---------------------------------------------------------------------------
# 5. A posting written as questions and answers (.txt): Q1：这个岗位做什么？ …,
#    answers as · bullets, a blank line before each question.
QA = """\
N|声屿科技｜我们在找一位用户研究员
N|声屿是一款有800万用户的播客App，我们相信好的声音内容值得被更多人听见。下面用几个问题，带你了解这个岗位。
T|岗位：用户研究员
N|地点：上海·徐汇（滨江）｜经验：3年以上｜薪资：20-30K·14薪
H|Q1：这个岗位做什么？
D|· 和产品、设计团队一起，规划并执行用户访谈、可用性测试、日记研究等定性研究；
D|· 设计问卷并完成数据分析，搭建听众画像和用户满意度追踪体系；
D|· 把研究发现整理成清晰的洞察报告，推动它们真正落地到产品迭代中；
D|· 维护用户招募渠道和研究样本库。
H|Q2：我们希望你是怎样的人？
R|· 本科及以上学历，心理学、社会学、人机交互或相关专业；
R|· 3年以上互联网用户研究经验，独立负责过完整的研究项目；
R|· 熟练掌握定性与定量研究方法，会用SPSS或Python做基础统计分析；
R|· 好奇心强，善于倾听，能把复杂的发现讲成一个好故事。
H|Q3：有哪些加分项？
P|· 你本身就是播客或有声书的重度听众；
P|· 有内容社区或音视频产品的研究经验。
H|Q4：加入我们能得到什么？
N|· 14薪、年度调薪、六险一金；
N|· 每年2000元的学习基金和全部会员内容；
N|· 弹性上下班，每周五可远程。
H|Q5：怎么申请？
N|把简历和一份你最满意的研究报告（可脱敏）发到 jobs@shengyu.example.com，邮件标题写“用户研究员+姓名”，我们会在5个工作日内回复。
"""

# ---------------------------------------------------------------------------
# 6. A Taiwan 104人力銀行 posting copied as text, Traditional Chinese: breadcrumb,
#    工作內容 (numbered), the job's facts (職務類別 / 工作待遇 / 上班地點 …), 條件要求
#    as label：value lines (工作經歷 / 學歷要求 / 科系要求 / 語文條件 / 擅長工具 /
#    工作技能 / 具備駕照), 其他條件 numbered, 福利制度, 聯絡方式.
TW104 = """\
N|首頁 > 工作列表 > 財會／金融專業 > 財務分析師（FP&A）
T|財務分析師（FP&A）
N|瀚宇精密工業股份有限公司
N|更新日期：2026/10/27
N|應徵
N|儲存
H|工作內容
D|1. 負責月度、季度及年度預算編製與差異分析，提供管理階層決策參考。
D|2. 建立並維護各事業部損益分析模型，追蹤關鍵營運指標（KPI）。
D|3. 協助投資案之財務評估，包含現金流量預測、NPV及IRR試算。
D|4. 製作董事會及經營會議所需之財務報告與簡報。
D|5. 配合會計師查核及內部稽核，提供相關資料。
N|職務類別：財務分析／財務人員、主辦會計
N|工作待遇：月薪 50,000~70,000 元
N|工作性質：全職
N|上班地點：台北市內湖區瑞光路XXX號
N|管理責任：不需負擔管理責任
N|出差外派：無需出差外派
N|上班時段：日班，09:00~18:00
N|休假制度：週休二日
N|可上班日：一個月內
N|需求人數：1~2人
H|條件要求
N|接受身份：上班族
R|工作經歷：3年以上
R|學歷要求：大學以上
R|科系要求：會計學相關、財務金融相關
R|語文條件：英文 -- 聽 /中等、說 /中等、讀 /精通、寫 /中等
R|擅長工具：Excel、Power BI、SAP、PowerPoint
R|工作技能：財務分析、預算編製與控制、財務報表編製
N|具備駕照：不拘
H|其他條件：
R|1. 具製造業財務分析或會計師事務所審計經驗。
R|2. Excel熟練（樞紐分析、VLOOKUP、巨集），具資料分析能力。
R|3. 邏輯清楚，能獨立作業並具良好跨部門溝通能力。
P|4. 具CPA或CMA證照者尤佳。
H|福利制度
N|法定項目：勞保、健保、勞退提撥、週休二日、特別休假
N|其他福利：年終獎金、員工分紅、三節禮金、員工旅遊、員工健康檢查
H|聯絡方式
N|聯絡人：人資部 林小姐
N|E-mail：hr@hanyu-precision.example.com
N|104人力銀行 © 2026 版權所有
"""

# ---------------------------------------------------------------------------
# 7. An internship posting (.docx): a page header, a Title-style title, each
#    section one paragraph whose bold label (实习内容：) is followed by the items
#    after soft line breaks (Shift+Enter); 实习时间 / 实习待遇 inline after their
#    label; a privacy line and a QR-code caption at the end.
INTERN_HEADER = "知行云图科技 · 2027届校园招聘"
INTERN = """\
N|知行云图科技 · 2027届校园招聘
T|【2027届】数据分析实习生
N|工作地点：北京市海淀区中关村软件园
N|招聘人数：3人
N|知行云图是一家为连锁零售企业提供客流分析和选址决策SaaS的创业公司，已完成B轮融资。
H|实习内容：
D|1. 参与客户门店客流、销售数据的清洗和整理，维护数据看板；
D|2. 协助分析师完成专题分析，如选址评估、促销效果评估等；
D|3. 编写SQL取数脚本，响应业务部门的临时数据需求；
D|4. 参与分析报告和客户汇报材料的撰写。
H|实习要求：
R|1. 2027届本科或硕士在读，统计学、数学、计算机、经济学等相关专业；
R|2. 熟练使用Excel，掌握SQL，会用Python（pandas）者优先；
R|3. 每周至少实习4天，连续实习3个月及以上；
R|4. 对数据敏感，做事认真细致，有较强的学习能力。
N|实习时间：2026年12月至2027年6月，可根据学校课程安排协商到岗时间。
N|实习待遇：200元/天，提供餐补，表现优秀者可获得正式offer。
H|投递方式：
N|简历请发送至 campus@zhixing-yuntu.example.com，邮件标题：姓名+学校+专业+每周可实习天数。
N|您提交的个人信息仅用于本次招聘，我们将严格保密。
N|扫描下方二维码关注“知行云图招聘”公众号，获取更多岗位信息
"""

# ---------------------------------------------------------------------------
# 8. A headhunter's message with three openings (.txt): each a "N、title｜company｜
#    city" line, a pay line, then "JD：" and the duties and requirements run
#    together in one paragraph (numbered 1. / unnumbered / 1）), ——— between.
HUNT_HEAD = """\
N|各位好～手上最近有3个新职位，均为甲方直招、流程快，欢迎自荐或推荐身边合适的朋友👇
N|——————————
"""
HUNT_RISK = """\
T|1、风控策略经理｜某头部消费金融公司｜上海浦东
N|年薪：40-60万（base可谈+年终）
H|JD：
D|1.负责消费信贷产品贷前、贷中策略的制定、上线与迭代；
D|2.监控资产质量和策略表现，定位风险波动原因并及时调整；
D|3.参与新产品、新客群的风险评估与准入方案设计。
H|要求：
R|1.本科及以上学历，统计、数学、金融等相关专业；
R|2.3年以上消费金融或信用卡风控策略经验；
R|3.熟练使用SQL、Python，有较强的数据分析能力。
N|——————————
"""
HUNT_JAVA = """\
T|2、资深Java开发工程师（支付方向）｜某持牌支付机构｜杭州
N|薪资：30-45K·15薪
H|JD：
D|负责支付网关、清结算系统的设计与开发；
D|参与系统架构优化，保障高并发场景下的稳定性；
D|负责核心模块的代码评审和技术文档编写。
H|任职要求：
R|本科以上学历，5年以上Java开发经验；
R|精通Spring Cloud、MyBatis，熟悉MySQL、Redis、Kafka；
P|有第三方支付或银行核心系统经验者优先。
N|——————————
"""
HUNT_FBP = """\
T|3、财务BP（区域）｜某新消费连锁品牌｜苏州
N|薪资：25-35K
H|JD：
D|1）负责华东区域门店的预算编制和经营分析，支持区域业务决策；
D|2）跟进新店投资回报测算和闭店评估；
D|3）推动费用管控和降本增效项目。
H|要求：
R|1）财务、会计相关专业本科以上，持有中级会计师或CPA证书；
R|2）5年以上财务分析经验，其中2年以上连锁零售或餐饮行业经验；
R|3）熟练使用Excel和BI工具，沟通能力强。
N|——————————
N|感兴趣的可以直接私聊发简历，推荐成功有红包答谢🧧
N|Vivian｜江帆咨询 资深猎头顾问｜微信同号138****1234
"""

# ---------------------------------------------------------------------------
# 9. A company's own export (.csv), one row per posting: 岗位名称 | 招聘人数 |
#    工作地点 | 工作内容 | 任职资格 | 薪资范围 | 发布日期; the numbered items of a
#    list in one line of one cell (1.… 2.… between spaces in the first row,
#    1、…；2、… run together in the second).
CSV_WAREHOUSE = """\
T|仓储主管
N|江州市临港物流园
D|1.负责仓库收货、上架、拣货、发货全流程管理，确保账实相符；
D|2.负责仓库人员排班、培训和绩效考核；
D|3.推动WMS系统使用和库位优化，提升作业效率；
D|4.组织月度盘点，分析差异原因并整改。
R|1.大专及以上学历，物流管理相关专业优先；
R|2.3年以上电商或第三方物流仓储管理经验，1年以上团队管理经验；
R|3.熟悉WMS系统，熟练使用Excel；
R|4.能适应旺季加班。
N|7000-10000元/月
"""
CSV_AMAZON = """\
T|跨境电商运营（亚马逊）
N|深圳市龙华区
D|1、负责亚马逊美国站店铺的日常运营，包括Listing优化、关键词和广告投放；
D|2、分析销售数据和竞品动态，制定选品和定价策略；
D|3、跟进FBA库存计划，控制库存周转和仓储费用；
D|4、处理客户评价和站内信，维护店铺绩效指标。
R|1、本科及以上学历，英语CET-6或以上；
R|2、2年以上亚马逊运营经验，有独立运营店铺年销售额500万美元以上者优先；
R|3、熟悉亚马逊广告后台和常用数据工具（如卖家精灵、Helium 10）；
R|4、数据敏感，执行力强。
N|12-20K·13薪
"""
CSV_META = {"warehouse-supervisor": ("1", "2026-10-26", " "), "amazon-ops": ("2", "2026-10-29", "")}

# ---------------------------------------------------------------------------
# 10. A recruiting system's export (.jsonl, keys title / description / …), the
#     description plain text with newlines; the duties grouped under sub-headings
#     inside 岗位职责 (一、客户营销 二、风险管理 …, numbering restarting under each;
#     （一）…（二）… in the second, requirements numbered （1）).
JSONL_RM = """\
T|对公客户经理
H|岗位职责：
H|一、客户营销
D|1.负责辖内对公客户的营销拓展，完成存款、贷款、国际结算及中间业务指标；
D|2.深入挖掘产业链上下游客户需求，提供供应链金融、现金管理等综合金融方案；
D|3.维护与地方政府、园区管委会的合作关系，批量获取客户资源。
H|二、风险管理
D|1.负责授信业务的贷前调查、授信方案设计和调查报告撰写；
D|2.负责贷后检查和风险预警信号跟踪，及时上报风险事项；
D|3.配合开展不良资产的清收处置工作。
H|三、综合服务
D|1.负责客户日常业务办理的协调和服务，提升客户满意度；
D|2.完成领导交办的其他工作。
H|任职资格：
R|1.全日制本科及以上学历，金融、经济、会计、法律等相关专业；
R|2.3年以上银行对公业务或公司信贷工作经验；
R|3.熟悉对公信贷业务流程和相关监管政策，具备较强的财务分析能力；
R|4.具备较强的市场开拓能力和沟通协调能力，能承受一定的业绩压力；
P|5.持有银行从业资格证书、有客户资源者优先。
N|工作地点：江州分行辖内各支行
N|薪酬待遇：基本工资+绩效工资，缴纳六险二金，享受带薪年假、补充医疗等福利。
"""
JSONL_OPS = """\
T|运营管理岗（集中作业中心）
H|岗位职责
H|（一）集中作业管理
D|1.负责对公开户、支付结算等业务的集中处理和审核，确保业务处理准确、及时；
D|2.负责作业流程的梳理与优化，提升集中作业效率；
H|（二）运营风险控制
D|1.负责运营条线风险事件的监测、排查和整改跟踪；
D|2.组织开展网点运营检查和辅导，防范操作风险和案件风险；
D|3.负责反洗钱可疑交易的初步甄别和报送。
H|任职资格
R|（1）全日制本科及以上学历，金融、会计、计算机等相关专业；
R|（2）2年以上银行运营、柜面或会计结算工作经验；
R|（3）熟悉支付结算制度和反洗钱相关规定；
R|（4）工作严谨细致，具有较强的风险意识和执行力。
N|工作地点：江州分行营业部
"""
JSONL_META = {
    "corporate-banker": {
        "id": "JZB-2026-031",
        "company": "江州银行股份有限公司",
        "location": "江州",
        "salary": "面议",
        "experience": "3-5年",
        "education": "本科",
        "publish_date": "2026-10-30",
    },
    "ops-center": {
        "id": "JZB-2026-037",
        "company": "江州银行股份有限公司",
        "location": "江州",
        "salary": "面议",
        "experience": "1-3年",
        "education": "本科",
        "publish_date": "2026-10-30",
    },
}

# (file, layout, [(id, title, tagged)]); a notice's or page's surroundings go to the
# first posting's noise, its tail to the last one's.
HELDOUT7 = [
    ("heldout7_51job.html", "html",
     [("purchasing-engineer", "采购工程师（电子料）", J51_TOP + J51_MSG + J51_TAIL)]),
    ("heldout7_university.docx", "docx",
     [("finance-lecturer", "金融学教师", UNI_BODY + UNI_FIN),
      ("accounting-lecturer", "会计学教师", UNI_ACC),
      ("lab-technician", "实验技术员", UNI_LAB + UNI_TAIL)]),
    ("heldout7_shiye.pdf", "pdf",
     [("hydraulic-technician", "水利工程技术员", SHIYE_BODY + SHIYE_HYDRO),
      ("fiscal-accountant", "财务会计", SHIYE_FISCAL),
      ("cdc-lab-technician", "检验技师", SHIYE_CDC)]),
    ("heldout7_intlbank.md", "markdown",
     [("trade-finance-ops", "Associate, Trade Finance Operations", INTLBANK)]),
    ("heldout7_qa.txt", "txt", [("user-researcher", "用户研究员", QA)]),
    ("heldout7_tw104.txt", "txt", [("tw-fpa-analyst", "財務分析師（FP&A）", TW104)]),
    ("heldout7_intern.docx", "docx", [("data-intern", "数据分析实习生", INTERN)]),
    ("heldout7_hunter3.txt", "txt",
     [("consumer-risk-strategy", "风控策略经理", HUNT_HEAD + HUNT_RISK),
      ("payments-java", "资深Java开发工程师（支付方向）", HUNT_JAVA),
      ("retail-finance-bp", "财务BP（区域）", HUNT_FBP)]),
    ("heldout7_rows.csv", "csv",
     [("warehouse-supervisor", "仓储主管", CSV_WAREHOUSE),
      ("amazon-ops", "跨境电商运营（亚马逊）", CSV_AMAZON)]),
    ("heldout7_subheads.jsonl", "jsonl",
     [("corporate-banker", "对公客户经理", JSONL_RM),
      ("ops-center", "运营管理岗（集中作业中心）", JSONL_OPS)]),
]  # fmt: skip

FIXED = datetime(2026, 11, 1, 9, 0, 0)
_MORE_NUM = re.compile(r"^\s*\d{1,2}）\s*")  # 1）, which gold_of leaves


def _gold(pid: str, title: str, tagged: str) -> dict[str, object]:
    g = gold_of(tagged, pid)
    g["title"] = title
    for key in ("duties", "requirements", "preferred"):
        g[key] = [_MORE_NUM.sub("", t) for t in g[key]]  # type: ignore[union-attr]
    return g


def _texts(tagged: str, *tags: str) -> list[str]:
    return [t for tag, t in _lines(tagged) if tag in tags]


# --- .docx ------------------------------------------------------------------


def _freeze_docx(d: object) -> None:
    cp = d.core_properties  # type: ignore[attr-defined]
    cp.author = "人事处"
    cp.last_modified_by = "人事处"
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1


def _freeze_zip(path: Path) -> None:
    """Rewrite a saved .docx with fixed member dates, so a rerun writes the same bytes."""
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


def write_university_docx(path: Path, posts: list[tuple[str, str, str]]) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    body = _lines(UNI_BODY)
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(body[0][1])
    r.bold, r.font.size = True, Pt(16)
    for tag, t in body[1:]:
        d.add_paragraph().add_run(t).bold = tag == "H"
    heads = ("学院", "岗位名称", "学科专业", "人数", "岗位职责", "岗位条件", "联系人及邮箱")
    table = d.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, heads, strict=True):
        cell.text = head
    for k, (_pid, _title, tagged) in enumerate(posts):
        lines = [(tag, t) for tag, t in _lines(tagged.replace(UNI_BODY, "").replace(UNI_TAIL, ""))]
        meta = [t for tag, t in lines if tag == "N"]
        title = next(t for tag, t in lines if tag == "T")
        duties, reqs = _texts(tagged, "D"), _texts(tagged, "R", "P")
        row = table.add_row().cells
        if len(meta) == 4:  # its own school and contact cells
            school, field, n, contact = meta
            row[0].text, row[6].text = school, contact
        else:  # the school and contact cells merged from the row above
            field, n = meta
        row[1].text, row[2].text, row[3].text = title, field, n
        for cell, items in ((row[4], duties), (row[5], reqs)):
            if k == 1:
                cell.text = "\n".join(items)
            else:
                cell.text = items[0]
                for item in items[1:]:
                    cell.add_paragraph(item)
    for col in (0, 6):
        top = table.cell(1, col)
        text = top.text
        top.merge(table.cell(2, col)).text = text
    for tag, t in _lines(UNI_TAIL):
        d.add_paragraph().add_run(t).bold = tag == "H"
    _freeze_docx(d)
    d.save(str(path))
    _freeze_zip(path)


def write_intern_docx(path: Path, tagged: str) -> None:
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = INTERN_HEADER
    lines = _lines(tagged)[1:]  # the header line is the page header
    i = 0
    while i < len(lines):
        tag, t = lines[i]
        if tag == "T":
            d.add_paragraph(t, style="Title")
        elif tag == "H":  # bold label, then its items after soft line breaks
            p = d.add_paragraph()
            run = p.add_run(t)
            run.bold = True
            while (
                i + 1 < len(lines)
                and lines[i + 1][0] in ("D", "R", "P")
                or (t == "投递方式：" and i + 1 < len(lines) and lines[i + 1][1].startswith("简历"))
            ):
                i += 1
                run.add_break()
                run = p.add_run(lines[i][1])
        elif t.startswith(("实习时间：", "实习待遇：")):
            label, _, rest = t.partition("：")
            p = d.add_paragraph()
            p.add_run(label + "：").bold = True
            p.add_run(rest)
        else:
            d.add_paragraph(t)
        i += 1
    _freeze_docx(d)
    d.save(str(path))
    _freeze_zip(path)


# --- .pdf -------------------------------------------------------------------


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.pdfbase import pdfmetrics

    out: list[str] = []
    while text:
        n = len(text)
        while n > 1 and pdfmetrics.stringWidth(text[:n], font, size) > width:
            n -= 1
        out.append(text[:n])
        text = text[n:]
    return out


def write_shiye_pdf(path: Path, posts: list[tuple[str, str, str]]) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    body = _lines(SHIYE_BODY)
    notice, table_head = body[:-2], body[-2:]
    page = 1

    def page_number(x: float) -> None:
        c.setFont(font, 10)
        c.drawCentredString(x, 25, str(page))

    # the notice, portrait
    c.setFont(font, 16)
    c.drawCentredString(297, 790, notice[0][1])
    y = 750.0
    for tag, t in notice[1:]:
        size = 12
        indent = (
            0
            if t.startswith(("江临县人力资源和社会保障局", "2026年11月"))
            and tag == "N"
            and len(t) < 20
            else 24
        )
        x0 = 360 if indent == 0 else 70
        for k, part in enumerate(_wrap(t, font, size, 455 - indent)):
            c.setFont(font, size)
            c.drawString(x0 + (indent if k == 0 else 0), y, part)
            y -= size + 10
    page_number(297)
    c.showPage()
    page += 1

    # the table, landscape
    pw, ph = landscape(A4)
    widths = (52, 66, 86, 66, 46, 34, 190, 190, 52)
    size, lead, pad, bottom = 11, 17, 5, 50
    x_left = (pw - sum(widths)) / 2

    def cell_lines(items: list[str], w: float) -> list[str]:
        out: list[str] = []
        for item in items:
            out += _wrap(item, font, size, w - 2 * pad)
        return out

    head_cells = [cell_lines([h], w) for h, w in zip(SHIYE_HEADS, widths, strict=True)]

    def draw_row(cells: list[list[str]], top: float, n: int) -> float:
        """Draw n lines of each cell (top-aligned) in a ruled row; return its bottom."""
        h = n * lead + 2 * pad
        x = x_left
        for lines_, w in zip(cells, widths, strict=True):
            c.rect(x, top - h, w, h)
            yy = top - pad - size
            for line in lines_[:n]:
                c.drawString(x + pad, yy, line)
                yy -= lead
            x += w
        return top - h

    def new_table_page(first: bool) -> float:
        c.setPageSize((pw, ph))
        top = ph - 40
        if first:
            c.setFont(font, 12)
            c.drawString(x_left, top, table_head[0][1])
            c.setFont(font, 15)
            c.drawCentredString(pw / 2, top - 26, table_head[1][1])
            top -= 46
        c.setFont(font, size)
        c.setLineWidth(0.6)
        return draw_row(head_cells, top, max(len(x) for x in head_cells))

    y = new_table_page(first=True)
    for _pid, _title, tagged in posts:
        lines = _lines(tagged.replace(SHIYE_BODY, ""))
        meta = [t for tag, t in lines if tag == "N"]
        title = next(t for tag, t in lines if tag == "T")
        code, dept, unit, kind, n = meta[:5]
        note = meta[5:]
        values = [[code], [dept], [unit], [title], [kind], [n],
                  _texts(tagged, "D"), _texts(tagged, "R", "P"), note]  # fmt: skip
        cells = [cell_lines(v, w) for v, w in zip(values, widths, strict=True)]
        while any(cells):
            room = int((y - bottom - 2 * pad) / lead)
            if room < 2:
                page_number(pw / 2)
                c.showPage()
                page += 1
                y = new_table_page(first=False)
                continue
            n_lines = min(room, max(len(x) for x in cells))
            y = draw_row(cells, y, n_lines)
            cells = [x[n_lines:] for x in cells]
    page_number(pw / 2)
    c.save()


# --- .html ------------------------------------------------------------------


def write_51job_html(path: Path) -> None:
    top = [t for _, t in _lines(J51_TOP)]
    nav, (title, pay, company, msg, welfare, apply_, fav) = top[:6], top[6:]
    heads = _texts(J51_MSG, "H")
    duties, reqs = _texts(J51_MSG, "D"), _texts(J51_MSG, "R", "P")
    func, keys, share = _texts(J51_MSG, "N")
    tail = _lines(J51_TAIL)

    def labelled(line: str) -> str:
        label, _, rest = line.partition("：")
        links = "".join(f'<a class="el tdn" href="#">{w}</a> ' for w in rest.split())
        return f'<p class="fp"><span class="label">{label}：</span>{links}</p>'

    out = [
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
        f"<title>【苏州-工业园区_{title}招聘_{company}】-前程无忧官方招聘网站</title>",
        '<link rel="stylesheet" href="//js.51jobcdn.com/in/resource/css/2026/search/common.css">',
        "</head><body>",
        '<div class="header"><div class="nag" id="topIndex"><div class="in"><p class="nlink">'
        + "".join(f'<a href="#">{t}</a>' for t in nav)
        + "</p></div></div></div>",
        '<div class="tCompany_center clearfix">',
        '<div class="tHeader tHjob"><div class="in"><div class="cn">',
        f'<h1 title="{title}">{title}<input value="128873510" name="hidJobID" id="hidJobID" type="hidden" jt="0"></h1>',
        f"<strong>{pay}</strong>",
        f'<p class="cname"><a href="#" target="_blank" title="{company}" class="catn">{company}<em class="icon_b i_link"></em></a></p>',
        f'<p class="msg ltype" title="{msg.replace("  |  ", "&nbsp;&nbsp;|&nbsp;&nbsp;")}">'
        + msg.replace("  |  ", '&nbsp;&nbsp;<span class="sp4">|</span>&nbsp;&nbsp;')
        + "</p>",
        '<div class="jtag"><div class="t1">'
        + "".join(f'<span class="sp4">{w}</span>' for w in welfare.split())
        + "</div></div>",
        f'<p class="op"><a class="but_sq" id="app_ck" href="javascript:void(0)">{apply_}</a>'
        f'<a class="but_sq i_fav" href="javascript:void(0)">{fav}</a></p>',
        "</div></div></div>",
        '<div class="tCompany_main">',
        f'<div class="tBorderTop_box"><h2><span class="bname">{heads[0]}</span></h2>',
        '<div class="bmsg job_msg inbox">',
        f"<p>{heads[1]}</p>",
        *[f"<p>{t}</p>" for t in duties],
        f"<p>{heads[2]}<br>" + "<br>".join(reqs) + "</p>",
        f'<div class="mt10">{labelled(func)}{labelled(keys)}</div>',
        f'<div class="share"><a class="a" href="javascript:void(0);" id="fenxiang">{share}</a>'
        '<div class="dmenu"><img src="//img06.51jobcdn.com/im/2026/qr/128873510.png" alt=""></div></div>',
        '<div class="clear"></div></div></div>',
        f'<div class="tBorderTop_box"><h2><span class="bname">{tail[0][1]}</span></h2>',
        '<div class="bmsg inbox"><p class="fp"><span class="label">{}：</span>{}</p></div></div>'.format(
            *tail[1][1].split("：", 1)
        ),
        f'<div class="tBorderTop_box"><h2><span class="bname">{tail[2][1]}</span></h2>',
        f'<div class="tmsg inbox">{tail[3][1]}</div>',
        f'<div class="tmsg inbox"><p class="at">{tail[4][1]}</p></div></div>',
        "</div></div>",
        f'<div class="footer"><p class="nag">{tail[5][1]}</p></div>',
        "</body></html>",
    ]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


# --- text ---------------------------------------------------------------------


def write_markdown(path: Path, tagged: str) -> None:
    out: list[str] = []
    prev = ""
    for _tag, t in _lines(tagged):
        if out and not (t.startswith("- ") and prev.startswith("- ")):
            out.append("")
        out.append(t)
        prev = t
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_blank_before_headings(path: Path, tagged: str) -> None:
    out: list[str] = []
    for tag, t in _lines(tagged):
        if tag == "H" and out:
            out.append("")
        out.append(t)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_hunter(path: Path, posts: list[tuple[str, str, str]]) -> None:
    out = [t for _, t in _lines(HUNT_HEAD)]
    for _pid, _title, tagged in posts:
        lines = _lines(tagged.replace(HUNT_HEAD, ""))
        first_h = next(i for i, (tag, _) in enumerate(lines) if tag == "H")
        last_item = max(i for i, (tag, _) in enumerate(lines) if tag in ("D", "R", "P"))
        out.append("")
        out += [t for _, t in lines[:first_h]]
        out.append("".join(t for _, t in lines[first_h : last_item + 1]))  # JD：… in one paragraph
        out.append("")
        out += [t for _, t in lines[last_item + 1 :]]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


# --- exports ------------------------------------------------------------------


def write_rows_csv(path: Path, posts: list[tuple[str, str, str]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["岗位名称", "招聘人数", "工作地点", "工作内容", "任职资格", "薪资范围", "发布日期"])
    for pid, title, tagged in posts:
        n, date, sep = CSV_META[pid]
        place, pay = _texts(tagged, "N")
        duties = sep.join(_texts(tagged, "D"))
        reqs = sep.join(_texts(tagged, "R", "P"))
        w.writerow([title, n, place, duties, reqs, pay, date])
    path.write_text(buf.getvalue(), encoding="utf-8-sig")


def write_jsonl(path: Path, posts: list[tuple[str, str, str]]) -> None:
    recs = []
    for pid, title, tagged in posts:
        meta = JSONL_META[pid]
        desc = "\n".join(t for tag, t in _lines(tagged) if tag != "T")
        rec = {"id": meta["id"], "title": title, "company": meta["company"],
               "location": meta["location"], "salary": meta["salary"],
               "experience": meta["experience"], "education": meta["education"],
               "description": desc, "publish_date": meta["publish_date"]}  # fmt: skip
        recs.append(json.dumps(rec, ensure_ascii=False))
    path.write_text("\n".join(recs) + "\n", encoding="utf-8")


def main() -> None:
    gold_path = HERE / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for name, layout, posts in HELDOUT7:
        path = HERE / name
        entries = [_gold(pid, title, tagged) for pid, title, tagged in posts]
        text = "\n".join(t for _, _, t in posts)
        if name.endswith("51job.html"):
            write_51job_html(path)
        elif name.endswith("university.docx"):
            write_university_docx(path, posts)
        elif name.endswith("intern.docx"):
            write_intern_docx(path, text)
        elif layout == "pdf":
            write_shiye_pdf(path, posts)
        elif layout == "markdown":
            write_markdown(path, text)
        elif name.endswith("hunter3.txt"):
            write_hunter(path, posts)
        elif layout == "txt":
            write_blank_before_headings(path, text)
        elif layout == "csv":
            write_rows_csv(path, posts)
        elif layout == "jsonl":
            write_jsonl(path, posts)
        gold[name] = {"layout": layout, "heldout": True, "batch": 7, "postings": entries}
    gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
