"""Held-out batch 13: write its posting files and add their gold to ``gold.json``.

Written blind, by a helper that read neither the parser nor its vocabulary nor
the tests, and never ran the importer on these files: layouts the first twelve
batches do not have.

- ``headings.docx``: a construction group's 岗位说明, each post a paragraph in
  Word's "Heading 2" style, its sections in "Heading 3", the items in Word's own
  automatic numbering (``w:numPr`` on the paragraph, not a list style), a new
  list that restarts at 1 in every section; 福利待遇 and 应聘方式 are Heading 2
  too (at the posts' level), the benefits a bulleted list; a page footer.
- ``jobspec.docx``: a power-supply company's 岗位说明书: a four-column form table
  (岗位名称 | X | 所属部门 | Y …), then 二、工作内容及考核标准 as a three-column
  table 序号 | 工作内容 | 考核标准 (the duties in the middle column, a target
  beside each), 三、任职资格 as typed 1.学历：… paragraphs, 四、工作关系, a
  编制/审核/批准 line.
- ``columns.xlsx``: a pharmacy chain's 招聘岗位表, one post a row, every item in
  a column of its own (职责1 … 职责4, 要求1 … 要求4, 优先条件), some left empty;
  a merged title row, a merged note row.
- ``frontmatter.md``: a SaaS company's careers page from a static-site
  generator: a YAML front matter block (``title:``, ``location:``, ``salary:`` …)
  holds the only title, then ``## About the role`` (an English summary
  paragraph), ``## Responsibilities`` / ``## Requirements`` / ``## Nice to have``
  over Chinese ``- `` items (one English), ``## Benefits``, a mailto link.
- ``dingtalk.txt``: a 钉钉 招聘需求申请 approval printed as text, every field a
  label line and its value on the next line (岗位名称 / 数控车床操作工, 岗位职责 /
  1.… 2.…), the approval trail and a print stamp below.
- ``triangle.txt``: a tutoring school's WeChat message, sections marked
  ——岗位职责—— / ——任职要求——, items led by ▲ in one post and ★ in the other,
  ━━━ rules between the posts, ★ benefits under ——我们提供——, a QR-code caption.
- ``bulletimg.html``: a mapping institute's notice page in an old table layout:
  every item a ``<tr>`` whose first cell is a bullet image (``dot.gif``) and
  second the text, section rows with an arrow image, the title as
  岗位名称：X（2名） in a row, a nav bar, a breadcrumb, a QR caption, a footer.
- ``itemrows.csv``: a securities firm's HR-system export (UTF-8 with BOM, CRLF),
  one row per item: 岗位编号, 岗位名称, 条目类型 (岗位职责 / 任职要求 / 加分项 /
  福利待遇), 序号, 条目内容; an English item with commas (quoted).
- ``talent.pdf``: a hospital's 高层次人才引进公告 over two pages: （一）（二） posts,
  1.岗位职责 / 2.引进条件 / 3.引进待遇 sub-sections with （1）（2） items, the second
  post with no duties, items wrapped, the page break inside the second post's
  引进条件 (a footer — 1 — and a running header between two items).
- ``jsonld.json``: a schema.org ``JobPosting`` (JSON-LD as a job board embeds
  it): ``description`` (HTML) holds only the company and role summary, the duties
  are in ``responsibilities`` (numbered lines joined by ``\\n``) and the
  requirements in ``qualifications`` (an HTML ``<ul>``), ``jobBenefits``,
  structured ``baseSalary`` / ``jobLocation`` / ``educationRequirements``.

Tags as in ``make_postings12.py`` (``T|`` title, ``H|`` heading, ``D|`` duty,
``R|`` requirement, ``P|`` preferred requirement, ``N|`` noise, ``+|`` a wrapped
line continuing the item above, ``|`` a blank line), and ``PB|``: a page break
in the PDF, in no list. A table's header row, a 序号 cell, a CSV's 岗位编号 and
the JSON-LD's structured fields are written by the writers and are not tagged.
A gold item is the item without its number or bullet (▲ ★ - …). Each posting's
title is written out (``title``). The other batches' files and gold are left as
they are; the .docx and .xlsx files are written with fixed zip and document
dates, so a rerun gives the same bytes. Everything is invented; phones are
masked, mail is @example.com.

Run from the repository root: ``python benchmarks/data/postings/make_postings13.py``.
"""
# ruff: noqa: E501  (a tagged line is one item of the posting, written as the file holds it)

from __future__ import annotations

import csv
import html
import io
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_postings import _NUM, _lines, freeze_zip, gold_of  # noqa: E402

# ---------------------------------------------------------------------------
# 1. A construction group's Word file: posts in Heading 2, sections in
#    Heading 3, items in Word's automatic numbering restarting per section.
HD_HEAD = """\
N|江州建工集团有限公司2027年度社会招聘岗位说明
N|江州建工集团有限公司是江州市属国有大型建筑企业，具有房屋建筑工程施工总承包特级资质，年施工产值逾200亿元。因项目建设需要，现面向社会招聘以下岗位人员。
"""
HD_TECH = """\
T|项目技术负责人（3名）
N|工作地点：江州市及省内各项目部　　薪酬：年薪18-25万元
H|岗位职责
D|主持项目施工组织设计和危大工程专项施工方案的编制与论证；
D|负责图纸会审、技术交底和设计变更管理；
D|解决施工过程中的技术难题，组织新技术、新工艺的推广应用；
D|负责项目质量策划和创优工作，组织分部分项工程验收；
D|指导项目技术资料的收集整理和竣工资料归档。
H|任职要求
R|土木工程、工程管理等相关专业本科及以上学历；
R|8年以上房建项目施工技术管理经验，其中担任项目技术负责人2年以上；
R|具有工程类中级及以上职称，持有一级建造师（建筑工程）证书；
R|熟练使用BIM、广联达等专业软件；
P|主持过鲁班奖或省级优质工程项目者优先。
"""
HD_SAFETY = """\
T|专职安全员（5名）
N|工作地点：江州市区各项目部　　薪酬：8000-11000元/月
H|岗位职责
D|负责施工现场日常安全巡查，建立隐患台账并督促整改闭环；
D|检查塔吊、施工升降机、脚手架等危大工程的安全防护措施；
D|组织新进场工人三级安全教育和班前安全讲话；
D|参与编制应急预案，组织应急演练。
H|任职要求
R|大专及以上学历，安全工程、土木工程等相关专业；
R|持有建筑施工企业专职安全生产管理人员安全生产考核合格证书（C证）；
R|3年以上建筑施工现场安全管理经验；
R|责任心强，能适应项目驻场工作。
H|福利待遇
N|五险二金、带薪年假、项目津贴、每年一次健康体检
N|提供项目驻地住宿和工作餐补贴
H|应聘方式
N|请将个人简历及证书扫描件发送至 jzjg_zp@example.com，邮件主题注明“应聘岗位+姓名+工作年限”，报名截止时间为2027年1月15日。
N|联系电话：0791-8***-4518（集团人力资源部）
N|江州建工集团有限公司　人力资源部
"""
HD_TOP = ("福利待遇", "应聘方式")  # Heading 2, like the posts

# ---------------------------------------------------------------------------
# 2. A power-supply company's 岗位说明书 (.docx): a form table, a three-column
#    table 序号 | 工作内容 | 考核标准, typed 1.学历：… requirements.
JS_HEAD = """\
N|江州供电服务有限公司岗位说明书
N|文件编号：JZGD-HR-JD-023　　版次：A/2　　生效日期：2026年10月1日
"""
JS_FORM = """\
N|岗位名称
T|配电运维班班长
N|所属部门
N|配电运维中心
N|直接上级
N|配电运维中心主任
N|直接下级
N|配电运维工
N|岗位定员
N|1人
N|岗位等级
N|六级
"""
JS_PURPOSE = """\
H|一、岗位目的
N|组织班组做好辖区10kV及以下配电网设备的运行维护和故障抢修，保障安全可靠供电。
H|二、工作内容及考核标准
"""
JS_DUTIES = """\
D|组织班组开展配电线路、开关站、环网柜及配电室的日常巡视和缺陷管理
N|巡视计划完成率100%，缺陷消除及时率≥98%
D|负责配电设备故障抢修的现场组织与指挥，缩短故障停电时间
N|城区抢修到达现场时间≤45分钟
D|编制班组停电检修计划，落实“两票三制”等安全管理规定
N|全年无责任性人身、设备事故
D|开展班组成员技能培训和安全教育，做好班组绩效考核
N|每月培训不少于2次，培训记录完整
D|负责配电自动化终端及台区设备台账的维护与数据核查
N|设备台账准确率≥99%
"""
JS_TAIL = """\
H|三、任职资格
R|1.学历：大专及以上学历，电气工程及其自动化、供用电技术等相关专业；
R|2.经验：5年以上配电运维或检修工作经验，其中2年以上班组管理经验；
R|3.证书：持有高压电工作业证，具有助理工程师及以上职称或高级工及以上技能等级；
R|4.能力：熟悉《电力安全工作规程》（配电部分），具备较强的现场组织协调能力；
P|5.具有配电网带电作业经验者优先。
H|四、工作关系
N|内部联系：调度控制中心、营销服务中心、安全监察部
N|外部联系：用电客户、街道社区、市政施工单位
N|编制：人力资源部　　审核：张建国　　批准：刘志强
"""

# ---------------------------------------------------------------------------
# 3. A pharmacy chain's 招聘岗位表 (.xlsx): one post a row, an item a column.
#    Tagged per post: T 岗位名称, N 工作地点, N 招聘人数, N 薪资待遇, then the
#    items in column order (an empty column is no line).
XC_HEAD = "N|康宁大药房连锁有限公司2027年春季门店人员招聘岗位表\n"
XC_PHARM = """\
T|驻店执业药师
N|江州市各门店
N|6
N|7000-10000元/月
D|负责处方审核与调配，指导顾客合理用药
D|开展用药咨询和慢病会员健康管理服务
D|负责药品质量管理，做好效期、养护及拆零记录
D|配合做好GSP认证及药监部门的检查工作
R|药学、中药学相关专业大专及以上学历
R|持有执业药师资格证书并可注册到门店
R|1年以上零售药店工作经验
R|沟通能力良好，能适应门店排班
P|有慢病管理或中药饮片调剂经验者优先
"""
XC_CLERK = """\
T|门店营业员
N|青山湖区、红谷滩区门店
N|10
N|4000-5500元/月+销售提成
D|负责顾客接待、商品推荐和收银工作
D|负责商品上架、陈列及店内卫生清洁
D|协助店长完成盘点和会员活动
R|高中或中专及以上学历
R|形象端正，普通话标准，有亲和力
R|能适应早晚班轮换
P|持有医药商品购销员等职业资格证书者优先
"""
XC_TAIL = "N|备注：以上岗位均缴纳五险，享受带薪年假和节日福利。报名电话：138****6620（周女士）\n"
XC_COLS = ["序号", "岗位名称", "工作地点", "招聘人数", "薪资待遇", "职责1", "职责2", "职责3", "职责4", "要求1", "要求2", "要求3", "要求4", "优先条件"]  # fmt: skip

# ---------------------------------------------------------------------------
# 4. A static-site careers page (.md): the title only in the YAML front matter.
FRONT = """\
N|---
T|title: "高级DevOps工程师"
N|date: 2026-11-18
N|location: 上海·徐汇
N|department: 平台工程部
N|employment_type: 全职
N|salary: 35-50K·14薪
N|tags: [Kubernetes, Terraform, 云原生]
N|draft: false
N|---
|
H|## About the role
|
N|Northwind Cloud is a SaaS company serving more than 2,000 retail brands across Asia. We are looking for a Senior DevOps Engineer to join our Platform Engineering team in Shanghai and help us run a multi-region Kubernetes platform that is reliable and cost-efficient.
|
H|## Responsibilities
|
D|- 负责公司多云（阿里云、AWS）Kubernetes集群的规划、部署与日常运维；
D|- 使用Terraform和Ansible建设基础设施即代码，推进环境标准化；
D|- 建设和优化CI/CD流水线（GitLab CI、Argo CD），提升发布效率；
D|- 完善Prometheus、Grafana、Loki等可观测性体系，主导线上故障复盘；
D|- 推动云成本治理，持续提升资源利用率。
|
H|## Requirements
|
R|- 本科及以上学历，计算机相关专业，5年以上运维或SRE工作经验；
R|- 精通Kubernetes原理，有生产环境大规模集群运维经验；
R|- 熟练使用Go或Python编写自动化运维工具；
R|- Good written and spoken English for daily work with our Singapore team.
|
H|## Nice to have
|
P|- 持有CKA或CKS认证；
P|- 有FinOps或云成本优化项目经验者优先。
|
H|## Benefits
|
N|- 14薪及年度调薪，补充商业医疗保险
N|- 弹性工作时间，每周可远程办公一天
|
N|[Apply now](mailto:jobs@northwind.example.com)
N|© 2026 Northwind Cloud. All rights reserved.
"""

# ---------------------------------------------------------------------------
# 5. A 钉钉 approval printed as text: a label line, its value on the next.
DING = """\
N|江州恒泰机械制造有限公司
N|招聘需求申请
N|审批编号
N|202611181043000512345
N|申请人
N|陈立新
N|所在部门
N|生产制造部
N|申请日期
N|2026-11-18
N|招聘类型
N|新增编制
N|岗位名称
T|数控车床操作工
N|需求人数
N|4
N|薪资范围
N|6500-9000元/月
H|岗位职责
D|1.按图纸及工艺卡要求操作数控车床，完成轴类、盘类零件的加工；
D|2.负责首件自检和过程巡检，如实填写加工记录；
D|3.负责刀具的更换、对刀及简单程序的修改；
D|4.做好设备日常点检、保养和现场5S管理。
H|任职要求
R|1.中专及以上学历，机械加工相关专业；
R|2.2年以上数控车床操作经验，能看懂机械图纸，会使用千分尺、游标卡尺等量具；
R|3.能适应两班倒；
P|4.会FANUC系统手工编程者优先。
N|期望到岗日期
N|2026-12-15
N|附件
N|无
N|审批流程
N|陈立新 发起申请 2026-11-18 10:43
N|王建华（部门负责人） 已同意 2026-11-18 14:02
N|李敏（人力资源部） 已同意 2026-11-19 09:15
N|打印时间：2026-11-20 16:30　打印人：李敏
"""

# ---------------------------------------------------------------------------
# 6. A tutoring school's WeChat message (.txt): ——岗位职责—— markers, ▲ / ★ items.
TRI_MATH = """\
N|🎉启航教育2027寒假招聘开始啦！
N|启航教育深耕江州K12课外辅导十年，现有校区8个，在读学员3000余人。
N|━━━━━━━━━━━━━━━━
T|【招聘岗位一】初中数学教师
N|全职｜薪资8000-15000元/月（课时费+绩效）
H|——岗位职责——
D|▲负责初中数学班课及一对一课程的授课与课后辅导；
D|▲根据学生学情制定教学计划，定期与家长沟通学习情况；
D|▲参与教研组集体备课，编写讲义和练习题；
D|▲配合校区完成续班、试听课等工作。
H|——任职要求——
R|▲数学、应用数学等相关专业本科及以上学历；
R|▲持有初中或高中数学教师资格证；
R|▲普通话标准，表达清晰，有耐心和责任心；
P|▲有中考毕业班带课经验者优先。
"""
TRI_SALES = """\
N|━━━━━━━━━━━━━━━━
T|【招聘岗位二】课程顾问
N|全职｜底薪5000元+业绩提成
H|——岗位职责——
D|★负责来访家长的接待、咨询和课程规划；
D|★跟进意向客户，促成报名签约，完成个人业绩指标；
D|★维护在读学员家长关系，做好续费和转介绍。
H|——任职要求——
R|★大专及以上学历，专业不限；
R|★1年以上教育培训或销售工作经验；
R|★性格开朗，有较强的沟通能力和抗压能力；
P|★有教培行业课程顾问经验者优先。
N|━━━━━━━━━━━━━━━━
H|——我们提供——
N|★五险一金、带薪寒暑假（非招生季）
N|★完善的新教师培训和晋升通道
N|投递方式：简历发送至 hr@qihang-edu.example.com，或扫描下方二维码添加HR微信（微信号：qihang_hr）
N|[二维码]
N|长按识别二维码，了解更多岗位
N|地址：江州市东湖区八一大道某号启航大厦5楼
"""

# ---------------------------------------------------------------------------
# 7. A mapping institute's notice page (.html), table layout, a bullet image
#    cell before every item. Tagged in page order; the writer knows the
#    sections by their H lines.
BI_NAV = ["网站首页", "单位概况", "新闻动态", "政务公开", "人才招聘", "联系我们"]
BI_PAGE = (
    "".join(f"N|{t}\n" for t in BI_NAV)
    + """\
N|您现在的位置：首页 >> 人才招聘
N|江州市测绘院关于招聘劳务派遣工作人员的公告
N|发布时间：2026-11-12　　来源：人事科　　浏览次数：1386
N|因工作需要，我院现通过劳务派遣方式招聘工作人员2名，有关事项公告如下：
T|岗位名称：地理信息数据处理员（2名）
H|岗位职责
D|负责基础地理信息数据的采集、编辑和入库；
D|参与不动产测绘、地形图测绘成果的内业处理和质量检查；
D|使用ArcGIS、南方CASS等软件进行数据处理和专题制图；
D|负责测绘成果资料的整理、归档和保密管理。
H|任职条件
R|测绘工程、地理信息科学、遥感科学与技术等相关专业全日制本科及以上学历；
R|年龄30周岁以下（1996年11月1日以后出生）；
R|熟练使用ArcGIS、CASS等软件，具备一定的数据处理能力；
R|遵纪守法，品行端正，无不良记录；
P|具有测绘类初级及以上专业技术职称者优先。
H|薪酬待遇
N|月薪4500-6000元，按规定缴纳五险一金；
N|享受带薪年假、工会福利和年度体检。
H|报名方式
N|有意者请于2026年11月25日前将报名表及学历证书扫描件发送至 jzchy_rs@example.com。
N|联系电话：0791-8***-3360（人事科 周老师）
N|附件：江州市测绘院劳务派遣人员报名表.docx
N|扫一扫 关注江州测绘微信公众号
N|主办单位：江州市测绘院　　地址：江州市红谷滩区丰和中大道某号
N|赣ICP备00000000号-2　　技术支持：江州某网络科技有限公司
"""
)
BI_LISTS = ("岗位职责", "任职条件", "薪酬待遇")  # bullet-image rows; 报名方式 plain rows

# ---------------------------------------------------------------------------
# 8. A securities firm's HR-system export (.csv): one row per item. Tagged per
#    post: T 岗位名称, H 条目类型, the items.
IR_INVEST = """\
T|投资顾问
H|岗位职责
D|为客户提供证券投资咨询服务，解读市场行情和投资策略；
D|负责客户资产配置建议和投资组合跟踪；
D|开展投资者教育活动，撰写每日市场点评；
D|协助营业部开发和维护高净值客户。
H|任职要求
R|金融、经济等相关专业本科及以上学历；
R|已取得证券投资顾问执业资格；
R|2年以上证券公司投资顾问或研究相关工作经验；
R|具备良好的沟通表达和文字写作能力。
H|加分项
P|持有CFA、FRM证书者优先。
H|福利待遇
N|五险一金、补充医疗保险、企业年金
N|年度体检、带薪年假
"""
IR_COMPLIANCE = """\
T|合规风控专员
H|岗位职责
D|负责分支机构日常合规检查和反洗钱工作；
D|审核营销宣传材料和投资者适当性管理记录；
D|跟踪监管法规变化，组织开展合规培训；
D|配合监管检查和内部审计，落实问题整改。
H|任职要求
R|法律、金融、会计等相关专业本科及以上学历；
R|已取得证券从业资格，3年以上金融机构合规或风控工作经验；
R|熟悉《证券法》、反洗钱及适当性管理等监管规定；
R|Proficient in Excel, Word and PowerPoint, with good report-writing skills.
H|加分项
P|具有法律职业资格证书者优先。
H|福利待遇
N|五险一金、补充医疗保险、企业年金
N|年度体检、带薪年假
"""
IR_CODE = {"b13-investment-advisor": "JZZQ-2026-031", "b13-compliance-officer": "JZZQ-2026-044"}

# ---------------------------------------------------------------------------
# 9. A hospital's 人才引进公告 (.pdf), two pages; PB is the page break.
TP_HEAD = """\
N|江州医科大学附属第一医院
N|2027年高层次人才引进公告
N|　　为进一步加强医院学科建设和人才队伍建设，根据《江州市高层次人才
N|引进实施办法》，经研究，现面向海内外公开引进高层次人才。有关事项公
N|告如下：
N|一、引进岗位及条件
"""
TP_CARDIO = """\
T|（一）心血管内科学科带头人（1名）
H|1.岗位职责
D|（1）负责心血管内科学科建设规划的制定与实施，带领团队开展医疗、
+|教学和科研工作；
D|（2）开展冠心病介入、结构性心脏病介入等新技术新项目；
D|（3）主持国家级、省部级科研项目，培养研究生和青年医师。
H|2.引进条件
R|（1）具有博士学位和正高级专业技术职称，年龄一般不超过50周岁；
R|（2）在三级甲等医院从事心血管内科临床工作15年以上，能独立完成
+|高难度介入手术；
R|（3）近五年以第一作者或通讯作者发表SCI论文5篇以上，或主持国家
+|自然科学基金项目1项以上；
P|（4）担任国家级学会委员及以上学术职务者优先。
H|3.引进待遇
N|（1）提供安家费100万元（税前），科研启动经费200万元；
N|（2）年薪不低于80万元，按规定缴纳五险二金；
N|（3）提供周转住房一套，协助解决配偶工作和子女入学。
"""
TP_YOUNG = """\
T|（二）临床医学青年博士（若干名）
H|1.引进条件
R|（1）具有医学博士学位，年龄35周岁以下（1991年1月1日以后出生）；
R|（2）已取得医师资格证书和住院医师规范化培训合格证书；
N|— 1 —
PB|
N|江州医科大学附属第一医院2027年高层次人才引进公告
R|（3）以第一作者发表SCI论文2篇以上，或主持省部级及以上科研项目1项；
P|（4）有海外留学或博士后研究经历者优先。
H|2.引进待遇
N|（1）安家费30万元，科研启动经费20-50万元；
N|（2）入职聘任主治医师，业绩突出者可破格申报副主任医师。
N|二、报名方式
N|　　应聘者请将个人简历、学历学位证书、职称证书及代表性成果等材料扫
N|描件发送至 rczp@jzmu-hospital.example.com，邮件主题注明“应聘岗位+姓名”。
N|三、引进程序
N|　　报名—资格审查—面试考核—体检—考察—公示—签约。
N|四、联系方式
N|　　联系人：赵老师　　电话：0791-8***-5520
N|江州医科大学附属第一医院人事处
N|2026年11月10日
N|— 2 —
"""
TP_RIGHT = ("江州医科大学附属第一医院人事处", "2026年11月10日")

# ---------------------------------------------------------------------------
# 10. A schema.org JobPosting (.json). Tagged: T title, N the description's
#     paragraphs, D responsibilities, R/P qualifications, N jobBenefits.
LD_POST = """\
T|亚马逊广告投放专员
N|江州跨洋网络科技有限公司成立于2016年，是一家以亚马逊欧美站点为主的跨境电商企业，自有家居品牌年销售额超过5亿元。
N|因业务扩张，现招聘亚马逊广告投放专员一名，向广告运营经理汇报。
D|1、负责亚马逊站内SP、SB、SD广告的搭建、投放与日常优化；
D|2、分析广告报表和关键词数据，调整竞价与预算，控制ACoS；
D|3、配合运营制定新品推广和大促（Prime Day、黑五）广告策略；
D|4、定期输出广告数据周报和复盘报告。
R|本科及以上学历，电子商务、市场营销等相关专业；
R|2年以上亚马逊广告投放经验，熟悉广告后台和Helium 10等工具；
R|英语读写熟练（CET-6或同等水平），对数据敏感；
P|有家居类目百万美元级店铺广告经验者优先。
N|五险一金、年终奖、季度团建、免费工作餐
"""

# (file, layout, [(id, title, tagged)]); a page's head goes to the first
# posting's noise, its tail to the last one's.
HELDOUT13 = [
    ("heldout13_headings.docx", "docx",
     [("b13-build-tech-lead", "项目技术负责人", HD_HEAD + HD_TECH),
      ("b13-site-safety", "专职安全员", HD_SAFETY)]),
    ("heldout13_jobspec.docx", "docx",
     [("b13-distribution-lead", "配电运维班班长", JS_HEAD + JS_FORM + JS_PURPOSE + JS_DUTIES + JS_TAIL)]),
    ("heldout13_columns.xlsx", "xlsx",
     [("b13-licensed-pharmacist", "驻店执业药师", XC_HEAD + XC_PHARM),
      ("b13-store-clerk", "门店营业员", XC_CLERK + XC_TAIL)]),
    ("heldout13_frontmatter.md", "markdown", [("b13-devops", "高级DevOps工程师", FRONT)]),
    ("heldout13_dingtalk.txt", "txt", [("b13-cnc-operator", "数控车床操作工", DING)]),
    ("heldout13_triangle.txt", "txt",
     [("b13-math-teacher", "初中数学教师", TRI_MATH),
      ("b13-course-consultant", "课程顾问", TRI_SALES)]),
    ("heldout13_bulletimg.html", "html", [("b13-gis-data", "地理信息数据处理员", BI_PAGE)]),
    ("heldout13_itemrows.csv", "csv",
     [("b13-investment-advisor", "投资顾问", IR_INVEST),
      ("b13-compliance-officer", "合规风控专员", IR_COMPLIANCE)]),
    ("heldout13_talent.pdf", "pdf",
     [("b13-cardiology-leader", "心血管内科学科带头人", TP_HEAD + TP_CARDIO),
      ("b13-young-doctor", "临床医学青年博士", TP_YOUNG)]),
    ("heldout13_jsonld.json", "json", [("b13-amazon-ads", "亚马逊广告投放专员", LD_POST)]),
]  # fmt: skip

_MARK = re.compile(r"^\s*[▲★◆■●]\s*")


def _clean(item: str) -> str:
    """An item as imported: no bullet or number."""
    return _NUM.sub("", _MARK.sub("", item)).strip()


def _gold(pid: str, title: str, tagged: str) -> dict[str, object]:
    g = gold_of(tagged, pid)
    g["title"] = title
    for key in ("duties", "requirements", "preferred"):
        g[key] = [_clean(t) for t in g[key]]
    return g


def _texts(tagged: str) -> list[str]:
    return [t for _, t in _lines(tagged)]


# --- 1. headings and automatic numbering ------------------------------------
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _abstract_num(aid: int, fmt: str, text: str) -> str:
    return (
        f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{aid}">'
        f'<w:nsid w:val="{0x3A5C0000 + aid:08X}"/><w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl></w:abstractNum>'
    )


def write_headings_docx(path: Path, tagged: str) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Pt

    d = docx.Document()
    numbering = d.part.numbering_part.element
    aids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    nids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    dec, bul = max(aids) + 1, max(aids) + 2
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(parse_xml(_abstract_num(dec, "decimal", "%1.")))
    first_num.addprevious(parse_xml(_abstract_num(bul, "bullet", "•")))
    next_id = [max(nids)]

    def new_list(aid: int) -> int:
        next_id[0] += 1
        n = next_id[0]
        numbering.append(
            parse_xml(
                f'<w:num xmlns:w="{_W}" w:numId="{n}"><w:abstractNumId w:val="{aid}"/>'
                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            )
        )
        return n

    lines = _lines(tagged)
    footer = lines.pop()[1]
    section, num = "", 0
    for i, (tag, t) in enumerate(lines):
        if i == 0:
            d.add_paragraph(t, style="Title")
        elif tag == "T":
            d.add_heading(t, level=2)
            section, num = "", 0
        elif tag == "H":
            d.add_heading(t, level=2 if t in HD_TOP else 3)
            section, num = t, 0
        elif tag in ("D", "R", "P") or (tag == "N" and section == "福利待遇"):
            if not num:
                num = new_list(bul if tag == "N" else dec)
            p = d.add_paragraph(t, style="List Paragraph")
            num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num
        else:
            d.add_paragraph(t)
            num = 0
    fp = d.sections[0].footer.paragraphs[0]
    fp.add_run(footer).font.size = Pt(9)
    d.save(str(path))
    freeze_zip(path, (2026, 11, 20, 8, 0, 0))


# --- 2. 岗位说明书 ------------------------------------------------------------
def write_jobspec_docx(path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    title, doc_no = _texts(JS_HEAD)
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(title)
    r.bold, r.font.size = True, Pt(16)
    d.add_paragraph(doc_no).alignment = WD_ALIGN_PARAGRAPH.RIGHT

    cells = _texts(JS_FORM)
    form = d.add_table(rows=len(cells) // 4, cols=4)
    form.style = "Table Grid"
    for k, t in enumerate(cells):
        cell = form.cell(k // 4, k % 4)
        cell.text = t
        if k % 2 == 0:
            cell.paragraphs[0].runs[0].bold = True

    for tag, t in _lines(JS_PURPOSE):
        p = d.add_paragraph()
        p.add_run(t).bold = tag == "H"

    pairs = _texts(JS_DUTIES)
    table = d.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, t in zip(table.rows[0].cells, ("序号", "工作内容", "考核标准"), strict=True):
        cell.text = t
        cell.paragraphs[0].runs[0].bold = True
    for k in range(0, len(pairs), 2):
        row = table.add_row().cells
        row[0].text = str(k // 2 + 1)
        row[1].text = pairs[k]
        row[2].text = pairs[k + 1]

    for tag, t in _lines(JS_TAIL):
        p = d.add_paragraph()
        p.add_run(t).bold = tag == "H"
    d.save(str(path))
    freeze_zip(path, (2026, 11, 20, 8, 0, 0))


# --- 3. an item a column ----------------------------------------------------
def write_columns_xlsx(path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "招聘岗位"
    last = get_column_letter(len(XC_COLS))
    ws.append(_texts(XC_HEAD))
    ws.merge_cells(f"A1:{last}1")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(XC_COLS)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for k, post in enumerate((XC_PHARM, XC_CLERK), 1):
        lines = _lines(post)
        title = next(t for tag, t in lines if tag == "T")
        place, count, pay = (t for tag, t in lines if tag == "N")
        duties = [t for tag, t in lines if tag == "D"]
        reqs = [t for tag, t in lines if tag == "R"]
        pref = [t for tag, t in lines if tag == "P"]
        row = [k, title, place, int(count), pay]
        row += duties + [None] * (4 - len(duties))
        row += reqs + [None] * (4 - len(reqs))
        row += pref
        ws.append(row)
        for cell in ws[k + 2]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    row = 5
    ws.cell(row=row, column=1, value=_texts(XC_TAIL)[0])
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(XC_COLS))
    widths = (6, 14, 16, 9, 16) + (24,) * 9
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    wb.save(str(path))
    freeze_zip(path, (2026, 11, 20, 8, 0, 0))


# --- 7. a bullet image a row ------------------------------------------------
def write_bulletimg_html(path: Path) -> None:
    lines = _lines(BI_PAGE)
    nav = [t for _, t in lines[: len(BI_NAV)]]
    (crumb, headline, meta, intro), rest = (
        [t for _, t in lines[len(BI_NAV) : len(BI_NAV) + 4]],
        lines[len(BI_NAV) + 4 :],
    )
    qr, host, icp = (t for _, t in rest[-3:])
    body = rest[:-3]
    out = [
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
        '<html xmlns="http://www.w3.org/1999/xhtml"><head>',
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
        f"<title>{headline}-江州市测绘院</title></head>",
        '<body><table width="960" border="0" align="center" cellpadding="0" cellspacing="0">',
        '<tr><td class="nav">'
        + " | ".join(f'<a href="/col/{k}.html">{t}</a>' for k, t in enumerate(nav, 1))
        + "</td></tr>",
        f'<tr><td class="weizhi"><img src="/images/home.gif" width="12" height="12" /> {html.escape(crumb)}</td></tr>',
        "</table>",
        '<table width="960" border="0" align="center" cellpadding="4" cellspacing="0" class="content">',
        f'<tr><td colspan="2" align="center" class="biaoti">{headline}</td></tr>',
        f'<tr><td colspan="2" align="center" class="fbsj">{meta}</td></tr>',
        f'<tr><td colspan="2">{intro}</td></tr>',
    ]
    section = ""
    for tag, t in body:
        if tag == "T":
            out.append(f'<tr><td colspan="2" class="gw"><strong>{t}</strong></td></tr>')
        elif tag == "H":
            section = t
            out.append(
                f'<tr><td colspan="2" class="lm"><img src="/images/arrow_blue.gif" width="9" height="9" /> <strong>{t}</strong></td></tr>'
            )
        elif section in BI_LISTS:
            out.append(
                f'<tr><td width="18" valign="top"><img src="/images/dot.gif" width="7" height="7" /></td><td>{t}</td></tr>'
            )
        else:
            out.append(f'<tr><td colspan="2">{html.escape(t)}</td></tr>')
    out += [
        "</table>",
        f'<div class="ewm"><img src="/images/qrcode.jpg" width="100" height="100" /><p>{qr}</p></div>',
        f'<div class="foot">{host}<br />{icp}</div>',
        "</body></html>",
    ]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


# --- 8. one row per item ----------------------------------------------------
def write_itemrows_csv(path: Path, posts: list[tuple[str, str, str]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["岗位编号", "岗位名称", "条目类型", "序号", "条目内容"])
    for pid, _title, tagged in posts:
        name, kind, k = "", "", 0
        for tag, t in _lines(tagged):
            if tag == "T":
                name = t
            elif tag == "H":
                kind, k = t, 0
            else:
                k += 1
                w.writerow([IR_CODE[pid], name, kind, k, t])
    path.write_bytes(buf.getvalue().encode("utf-8-sig"))


# --- 9. two-page PDF --------------------------------------------------------
def write_talent_pdf(path: Path, tagged: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    width, _height = A4
    left, right = 62, width - 62
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    lines = _lines(tagged)
    header = lines[lines.index(("PB", "")) + 1][1]
    y = 770.0
    for k, (tag, t) in enumerate(lines):
        if k < 2:  # the notice's two title lines
            c.setFont(font, 18)
            c.drawCentredString(width / 2, y, t)
            y -= 30
            continue
        if tag == "PB":
            c.showPage()
            y = 800.0
            continue
        if t == header:
            c.setFont(font, 9)
            c.drawCentredString(width / 2, y, t)
            c.line(left, y - 5, right, y - 5)
            y -= 30
            continue
        if t.startswith("— "):
            c.setFont(font, 10)
            c.drawCentredString(width / 2, 40, t)
            continue
        size = 12
        c.setFont(font, size)
        if t in TP_RIGHT:
            c.drawRightString(right - 20, y, t)
        else:
            x = left + 24 if tag == "+" else left
            assert x + pdfmetrics.stringWidth(t, font, size) <= right, t
            c.drawString(x, y, t)
        y -= 24
    c.save()


# --- 10. JSON-LD ------------------------------------------------------------
def write_jsonld(path: Path) -> None:
    lines = _lines(LD_POST)
    notes = [t for tag, t in lines if tag == "N"]
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": next(t for tag, t in lines if tag == "T"),
        "description": "".join(f"<p>{t}</p>" for t in notes[:-1]),
        "responsibilities": "\n".join(t for tag, t in lines if tag == "D"),
        "qualifications": "<ul>"
        + "".join(f"<li>{t}</li>" for tag, t in lines if tag in ("R", "P"))
        + "</ul>",
        "jobBenefits": notes[-1],
        "datePosted": "2026-11-16",
        "validThrough": "2027-01-31T00:00",
        "employmentType": "FULL_TIME",
        "hiringOrganization": {
            "@type": "Organization",
            "name": "江州跨洋网络科技有限公司",
            "sameAs": "https://www.kuayang.example.com",
            "logo": "https://www.kuayang.example.com/static/logo.png",
        },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "高新大道某号软件园B栋",
                "addressLocality": "江州市",
                "addressRegion": "江西省",
                "postalCode": "330000",
                "addressCountry": "CN",
            },
        },
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "CNY",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": 8000,
                "maxValue": 14000,
                "unitText": "MONTH",
            },
        },
        "educationRequirements": {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "bachelor degree",
        },
        "experienceRequirements": {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": 24,
        },
        "industry": "跨境电商",
        "directApply": True,
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    gold_path = HERE / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for name, layout, posts in HELDOUT13:
        path = HERE / name
        entries = [_gold(pid, title, tagged) for pid, title, tagged in posts]
        text = "".join(t for _, _, t in posts)
        if name.endswith("headings.docx"):
            write_headings_docx(path, text)
        elif name.endswith("jobspec.docx"):
            write_jobspec_docx(path)
        elif name.endswith("columns.xlsx"):
            write_columns_xlsx(path)
        elif name.endswith("bulletimg.html"):
            write_bulletimg_html(path)
        elif name.endswith("itemrows.csv"):
            write_itemrows_csv(path, posts)
        elif name.endswith("talent.pdf"):
            write_talent_pdf(path, text)
        elif name.endswith("jsonld.json"):
            write_jsonld(path)
        else:
            path.write_text("\n".join(t for _, t in _lines(text)) + "\n", encoding="utf-8")
        gold[name] = {"layout": layout, "heldout": True, "batch": 13, "postings": entries}
    gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
