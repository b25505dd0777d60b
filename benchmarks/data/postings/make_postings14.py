"""Held-out batch 14: write its posting files and add their gold to ``gold.json``.

Written blind, by a helper that read neither the parser nor its vocabulary nor
the tests, and never ran the importer on these files: layouts the first
thirteen batches do not have.

- ``norules.pdf``: a port group's 公开招聘公告 (landscape A4) whose table of posts
  has no ruling lines at all: the columns 岗位名称 / 招聘人数 / 岗位职责 / 任职条件
  are aligned by x position only, every cell wraps onto several lines (a long
  title too), the rows are told apart only by a gap; 报名方式 on page 2, page
  numbers — 1 — / — 2 —.
- ``oldword.rtf``: a hotel's 招聘启事 saved by Word 2003 as RTF (``\\ansicpg936``,
  the Chinese as GBK ``\\'xx`` escapes), a page header, the duties in Word's
  automatic numbering (the number only in a ``{\\listtext 1.\\tab}`` group), the
  requirements typed 1．2．(full-width dot), bold 一、二、 headings.
- ``sidebyside.docx``: a logistics company's two posts, each a bold 岗位一：X line,
  a facts line, then a table without borders: 岗位职责 in the left column and
  任职要求 in the right, item beside item in the same rows (one side has more
  items: a row with an empty cell).
- ``cssitems.html``: a battery maker's careers page built only of ``<div>``s:
  every item a ``<div class="item">`` numbered by a CSS counter (no list tags, no
  number in the text), facts and benefits as ``<span class="tag">``, a nav bar,
  apply/save buttons, a company card, a 相似职位 sidebar, a QR caption, a footer.
- ``kindrows.md``: a game studio's Markdown page, one post as a table | 类别 | 内容 |
  where every row is one item and the first column says 职责 / 要求 / 加分 / 福利;
  a badge line of inline code spans, a quoted company intro, a bold 投递邮箱 line.
- ``scan.txt``: a water company's 招聘简章 scanned and OCR'd: O for 0 and l for 1
  (2O27, l.负责…), a comma for the dot after a number, half- and full-width
  brackets mixed ((1) （2) (3）), stray spaces inside words and headings, lines
  broken mid-item, the page footer and the running header between two sections,
  the 扫描全能王 watermark.
- ``wechatgroup.txt``: a factory's WeChat group notice, @所有人, two posts each
  one paragraph: ①招设备电工2名：要求…；…；…。负责…；…。待遇…; the second with
  commas only (②招品检员3名，要求…，…，负责…，…，待遇…); a referral bonus line.
- ``tracked.docx``: a law firm's 招聘启事 (修订稿) with tracked changes left in:
  words deleted and inserted inside items (``w:del`` / ``w:ins``), a duty deleted
  as a whole paragraph, a preferred requirement inserted as a whole paragraph,
  Word's List Number style, a comment on the salary line.
- ``workday.txt``: a multinational's Workday job page copied as text: English
  label/value lines (locations / time type / posted on / job requisition id), an
  "Apply" button line under the title, Key Responsibilities / Must have / Nice to
  have / What we offer, the EEO statement, a Similar Jobs list, a footer.
- ``forms.xlsx``: a food company's 岗位需求表, one sheet a post laid out as a
  form: labels in column A, values in column B (岗位名称, 所属部门 … 填表日期), the
  duties and requirements as numbered lines in one cell, a merged title row.

Tags as in ``make_postings13.py`` (``T|`` title, ``H|`` heading, ``D|`` duty,
``R|`` requirement, ``P|`` preferred requirement, ``N|`` noise, ``+|`` a wrapped
line continuing the item above, ``|`` a blank line, ``PB|`` a page break), and:
a tag ending in ``~`` (``R~|``) runs the line on in the paragraph of the line
above; ``X|`` is a paragraph deleted under tracked changes (no gold);
``[-…-]`` / ``[+…+]`` inside a line are a tracked deletion / insertion (the
gold keeps the inserted text, drops the deleted). A table's header row, a
Markdown table's category column and a PDF table's column heads are written by
the writers and are not tagged. A gold item is the item without its number or
bullet (an OCR'd l. or 3， included). Each posting's title is written out
(``title``). The other batches' files and gold are left as they are; the .docx
and .xlsx files are written with fixed zip and document dates, so a rerun
gives the same bytes. Everything is invented; phones are masked, mail is
@example.com.

Run from the repository root: ``python benchmarks/data/postings/make_postings14.py``.
"""
# ruff: noqa: E501  (a tagged line is one item of the posting, written as the file holds it)

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_postings import _NUM, _lines, freeze_zip, gold_of  # noqa: E402

# ---------------------------------------------------------------------------
# 1. A port group's notice (.pdf): a table of posts without any ruling lines.
#    Per post: T 岗位名称, N 招聘人数, then the duty and requirement cells.
NR_HEAD = """\
N|江州港务集团有限公司
N|2027年度公开招聘工作人员公告
N|　　江州港务集团有限公司是江州市属国有独资企业，主营港口装卸、仓储物流和航运服务，下辖3个港区、12个生产性泊位。根据生产经营需要，现面向社会公开招聘工作人员6名，有关事项公告如下：
N|一、招聘岗位及条件
"""
NR_DISPATCH = """\
T|港口生产调度员
N|3
D|1.负责港区船舶靠离泊计划和装卸作业计划的编制与下达；
D|2.协调码头、堆场、闸口等环节的作业衔接，处理生产过程中的突发情况；
D|3.负责生产作业数据的统计分析，编制生产日报和月报；
D|4.执行24小时倒班值班制度。
R|1.全日制大专及以上学历，港口航运管理、物流管理、交通运输等相关专业；
R|2.年龄35周岁以下（1991年1月1日以后出生）；
R|3.2年以上港口或物流企业生产调度工作经验；
R|4.能适应倒班工作。
"""
NR_CRANE = """\
T|门座起重机机械维修工程师
N|2
D|1.负责门座起重机、岸桥、场桥等装卸设备机械部分的日常维护、故障诊断与修理；
D|2.编制设备年度检修计划和备品备件采购计划，组织实施设备大中修；
D|3.参与新购设备的安装调试和验收工作；
D|4.建立和完善设备技术档案。
R|1.全日制本科及以上学历，机械设计制造及其自动化、机械电子工程等相关专业；
R|2.3年以上大型起重机械维修或管理工作经验；
R|3.具有机械类助理工程师及以上职称；
P|4.持有特种设备作业人员证（起重机械维修）者优先。
"""
NR_SAFETY = """\
T|安全环保专员
N|1
D|1.负责集团安全生产和生态环境保护管理制度的修订与监督执行；
D|2.组织开展港区安全检查和隐患排查治理，督促整改落实；
D|3.负责船舶污染物接收、港区扬尘治理等环保台账管理；
D|4.组织开展安全教育培训和应急演练。
R|1.全日制本科及以上学历，安全工程、环境工程等相关专业；
R|2.持有注册安全工程师证书；
R|3.2年以上港口、化工或交通运输企业安全环保管理经验；
R|4.熟悉《安全生产法》《环境保护法》等法律法规。
"""
NR_TAIL = """\
N|— 1 —
PB|
N|二、报名方式
N|　　报名时间为2027年1月5日至1月16日。应聘人员请登录江州港务集团官网“人才招聘”栏目下载报名表，填写后连同学历证书、职称证书扫描件发送至 jzgw_hr@example.com。
N|三、其他事项
N|　　本次招聘不收取任何费用。咨询电话：0791-8***-5120（工作日9:00-17:00）。
N|江州港务集团有限公司
N|2026年12月28日
N|— 2 —
"""
NR_COLS = (
    ("岗位名称", 50, 78),
    ("招聘人数", 140, 44),
    ("岗位职责", 200, 285),
    ("任职条件", 505, 287),
)  # (head, x, width)

# ---------------------------------------------------------------------------
# 2. A hotel's 招聘启事 saved by Word 2003 as RTF. The first line is the page
#    header; D items use Word's automatic numbering ({\listtext}).
RT_POST = """\
N|江州古镇·云栖酒店　人力资源部
N|江州古镇云栖酒店招聘启事
N|　　江州古镇云栖酒店是按国家四星级标准建设的文化主题度假酒店，拥有客房186间、宴会厅及会议室8个，坐落于江州古镇5A级景区内。因经营发展需要，现诚聘以下岗位：
T|招聘岗位：前厅部经理（1名）
N|所属部门：前厅部　　工作地点：江州古镇景区
H|一、岗位职责
D|全面负责前台接待、礼宾、总机及商务中心的日常运营管理；
D|制定前厅部工作流程和服务标准，组织部门员工培训与考核；
D|控制客房房态，配合销售部做好房价管理和收益提升；
D|处理宾客投诉及突发事件，维护酒店服务口碑；
D|负责OTA平台点评回复及会员客户关系维护。
H|二、任职要求
R|1．大专及以上学历，酒店管理、旅游管理等相关专业；
R|2．5年以上星级酒店前厅工作经验，其中2年以上前厅部经理或副经理经验；
R|3．熟练操作Opera或西软PMS系统；
R|4．英语口语流利，能用英语接待外宾；
P|5．有高端度假酒店或文化主题酒店工作经验者优先。
H|三、薪资福利
N|月薪8000-12000元，缴纳五险一金，提供员工宿舍及工作餐，享受带薪年假和员工房价。
H|四、应聘方式
N|请将个人简历（附近期照片）发送至 yunqi_hr@example.com，或传真至0791-8***-7706。
N|联系人：刘女士　　电话：139****2085
N|江州古镇云栖酒店
N|二〇二六年十一月
"""

# ---------------------------------------------------------------------------
# 3. A logistics company's posts (.docx): duties and requirements side by side
#    in a borderless two-column table (the two H lines are its header row).
SB_HEAD = """\
N|江州安达供应链管理有限公司
N|2027年春季招聘岗位说明
N|江州安达供应链管理有限公司成立于2011年，为快消、家电和汽配企业提供仓储、配送及供应链一体化服务，在江西省内运营仓库面积逾30万平方米。
"""
SB_WAREHOUSE = """\
T|岗位一：仓储主管
N|工作地点：江州市经开区安达物流园　　招聘人数：2人　　薪资：8000-11000元/月
H|岗位职责
H|任职要求
D|1.负责仓库收货、上架、拣选、发货全流程作业管理；
D|2.根据业务量合理安排人员和班次，控制仓储作业成本；
D|3.组织月度盘点，确保库存准确率达到99.5%以上；
D|4.推动5S和目视化管理，落实仓库消防与安全规范；
D|5.对接客户，处理异常订单和客户投诉。
R|1.大专及以上学历，物流管理相关专业优先；
R|2.3年以上电商或快消品仓库管理经验，1年以上团队管理经验；
R|3.熟练使用WMS系统和Excel数据透视表；
R|4.能适应旺季加班；
P|5.有“双十一”等大促仓储保障经验者优先。
"""
SB_FORKLIFT = """\
T|岗位二：叉车司机
N|工作地点：江州市经开区安达物流园　　招聘人数：4人　　薪资：6000-7500元/月
H|岗位职责
H|任职要求
D|1.按照作业指令驾驶叉车完成货物装卸、搬运和堆垛；
D|2.做好叉车日常点检、充电和保养记录；
D|3.配合仓管员完成理货和盘点。
R|1.初中及以上学历，持有效的叉车司机证（N1）；
R|2.1年以上仓库叉车驾驶经验，能熟练操作前移式叉车；
R|3.身体健康，无色盲色弱；
R|4.服从安排，能适应白夜班轮换。
N|以上岗位均缴纳五险一金，提供免费工作餐和夜班补贴。
N|应聘方式：简历发送至 anda_hr@example.com，或致电 0791-8***-3316（王经理）。
"""

# ---------------------------------------------------------------------------
# 4. A battery maker's careers page (.html) of <div>s and CSS counters.
CS_NAV = """\
N|首页
N|社会招聘
N|校园招聘
N|关于锂能
N|登录
"""
CS_HEAD = """\
T|电池测试工程师
N|江州·经开区
N|3-5年
N|本科
N|15-22K·14薪
N|立即申请
N|收藏
"""
CS_BODY = """\
H|岗位职责
D|负责动力电池电芯及模组的性能、寿命和安全测试方案设计与执行；
D|搭建和维护充放电、环境仓、EIS等测试设备与测试流程；
D|分析测试数据，定位电池失效原因并输出测试报告；
D|配合研发部门开展新材料、新体系电芯的验证工作；
D|参与制定企业测试标准，跟踪GB 38031等国家标准的更新。
H|任职要求
R|电化学、材料、新能源科学与工程等相关专业本科及以上学历；
R|3年以上锂电池测试或研发相关工作经验；
R|熟悉锂离子电池工作原理和失效机理，熟练使用Arbin、新威等测试设备；
R|能使用Python或MATLAB进行数据处理；
P|有储能电池或动力电池企业CNAS实验室工作经验者优先。
H|福利待遇
N|14薪
N|年度体检
N|餐补房补
N|班车接送
N|股票期权
"""
CS_SIDE = """\
H|公司简介
N|江州锂能科技股份有限公司专注于动力电池和储能电池的研发与制造，年产能20GWh，产品配套国内多家整车企业。
N|相似职位
N|电池仿真工程师 18-28K
N|BMS软件工程师 20-35K
"""
CS_FOOT = """\
N|扫码关注“锂能招聘”公众号
N|© 2026 江州锂能科技股份有限公司　赣ICP备00000000号-3
"""
CS_PAGE = CS_NAV + CS_HEAD + CS_BODY + CS_SIDE + CS_FOOT

# ---------------------------------------------------------------------------
# 5. A game studio's Markdown page: one item a table row, the category in the
#    first column (D 职责, R 要求, P 加分, N 福利 — written by the writer).
KR_HEAD = """\
N|# 星火互娱 · 社会招聘
|
N|> 星火互娱成立于2015年，专注SLG与卡牌类手游研发，代表作《烽火九州》全球累计流水超30亿元。
|
T|## 游戏数值策划（SLG方向）
|
N|`上海·闵行` `3-5年` `本科` `25-40K·15薪`
|
"""
KR_ROWS = """\
D|负责SLG游戏战斗、养成、经济系统的数值框架搭建与平衡性调优
D|建立资源产出与消耗模型，规划玩家成长曲线和付费深度
D|配合系统策划完成活动、礼包等付费点的数值设计
D|跟踪上线数据，分析玩家行为并提出调整方案
R|本科及以上学历，数学、统计、计算机等理工科专业优先
R|3年以上手游数值策划经验，至少完整参与1款上线项目
R|精通Excel函数及VBA，能使用Python进行数据模拟
R|热爱SLG类游戏，对《率土之滨》《万国觉醒》等产品有深入理解
P|有海外SLG项目经验
P|有独立负责付费数值设计经验
N|15薪+项目奖金
N|弹性工作，不打卡
N|免费三餐与下午茶
"""
KR_TAIL = """\
|
N|**投递邮箱**：hr@xinghuo-games.example.com（邮件标题：数值策划+姓名+年限）
|
N|*星火互娱承诺对所有简历信息严格保密。*
"""
KR_KIND = {"D": "职责", "R": "要求", "P": "加分", "N": "福利"}

# ---------------------------------------------------------------------------
# 6. A water company's 招聘简章, scanned and OCR'd (.txt), artefacts kept.
SCAN = """\
N|江州市自来水有限责任公司
N|2O27年水质检测人员招聘简章
N|为加强水质检测队伍建设，根据工作需要，我公司面向社会公
N|开招聘水质化验员，现将有关事项公告如下：
N|一、招聘岗位
T|岗位名称：水质化验员
N|招聘人数：3 人　　工作地点：城北水厂、青山水厂
H|二 、岗位职责
D|l.负责出厂水、管网水及水源水的常规理化指标和微生物指标检
+|测；
D|2．按照GB/T 575O标准开展水质检测，如实填写原始记录，出具检测报告；
D|3，负责实验室仪器设备的日常维护、校准和期间核查；
D|4.做好化 学试剂和标准物质的领用、保管登记，确保实
+|验室安全；
D|5.完成领导交办的其他工作。
H|三、任 职 条 件
R|(1)全日制大专及以上学历，给水排水、环境工程、分析化学、
+|食品检验等相关专业；
R|（2)年龄在35周岁以下(199l年1月1日以后出生)；
R|(3）熟悉水质检测相关标准，能熟练操作气相色谱、原子吸收、
+|紫外分光光度计等仪器；
R|(4)具有l年以上供水企业或第三方检测机构化验工作经验；
P|(5)持有水质检验工(中级及以上)职业技能等级证书者优先。
H|四、薪酬待遇
N|试用期3个月，转正后月薪5OOO-65OO元，缴纳五险一金。
|
N|－ l －
|
N|江州市自来水有限责任公司2O27年招聘简章
N|五、报名方式
N|请于2O27年1月2O日前将报名表、身份证、学历证书复印件交至公司人力资源部(江州市
N|东湖区沿江北路某号三楼)，或发送电子版至 jzzls_hr@example.com。
N|联系电话：O791-8***-66l5
|
N|－ 2 －
N|扫描全能王 创建
"""

# ---------------------------------------------------------------------------
# 7. A factory's WeChat group notice (.txt): a post a paragraph (~ runs on).
WG_HEAD = """\
N|@所有人
N|【宏达电子厂招工通知】
N|厂里近期订单增加，急招以下人员，有意向的私聊我或直接到厂里面试👇
|
"""
WG_ELECTRICIAN = """\
T|①招设备电工2名：
H~|要求
R~|持有低压电工证；
R~|3年以上工厂设备维修经验；
R~|能适应两班倒。
D~|负责全厂设备日常维修保养；
D~|配电房巡检及记录。
N~|待遇6500-8000元/月，包吃住，满勤奖300元。
|
"""
WG_INSPECTOR = """\
T|②招品检员3名，
H~|要求
R~|高中及以上学历，
R~|视力良好无色盲，
R~|能看懂简单的产品图纸，
D~|负责来料检验和成品抽检，
D~|做好检验记录及不良品标识，
N~|待遇5000-6000元/月，长白班，包午餐。
|
N|面试时间：每天上午8:30-11:00（周日除外）
N|面试地址：江州市青山湖区工业园宏达路8号，门口保安处登记
N|联系人：张主管 138****1234（微信同号）
N|介绍老乡进厂干满1个月，奖励500元🧧
"""

# ---------------------------------------------------------------------------
# 8. A law firm's 招聘启事 (.docx) with tracked changes left in.
TD_POST = """\
N|江州明律律师事务所
N|律师助理招聘启事（修订稿）
N|江州明律律师事务所成立于2008年，是一家以公司商事、争议解决和知识产权业务为主的综合性律师事务所，现有执业律师46名。
T|招聘岗位：律师助理（2名）
N|工作地点：江州市红谷滩区金融街某号明律大厦12楼
H|岗位职责
D|协助律师进行法律检索和案例研究，起草法律文书[+及尽职调查报告+]；
D|参与客户会谈、[-出庭-][+庭审+]及仲裁案件的准备工作，整理证据材料；
D|负责案件卷宗的整理、归档及[-相关-]诉讼时效的跟踪提醒；
X|负责律所前台接待和档案借阅登记；
D|完成合伙人交办的其他工作。
H|任职要求
R|法学专业[-硕士研究生-][+本科+]及以上学历，已通过国家统一法律职业资格考试；
R|[-3-][+1+]年以上律师事务所或企业法务工作经验；
R|具有良好的文字功底和法律文书写作能力，熟练使用Office及北大法宝、威科先行等数据库；
R|工作认真细致，有较强的保密意识；
P|[+英语六级或有涉外法律业务经验者优先。+]
H|薪酬福利
N|月薪6000-9000元，按规定缴纳五险一金，通过实习期考核后可转为实习律师。
H|应聘方式
N|请将简历、成绩单及法律职业资格证书扫描件发送至 minglv_hr@example.com，邮件标题注明“应聘律师助理+姓名”。
"""
TD_COMMENT = ("月薪6000-9000元", "薪资是否对外公开？请王主任确认。", "李雯", "LW")

# ---------------------------------------------------------------------------
# 9. A multinational's Workday job page copied as text (.txt).
WD_POST = """\
N|Skip to main content
N|Halvorsen Careers
N|Sign In
N|Search for Jobs
T|Senior Quality Engineer
N|Apply
N|locations
N|Jiangzhou, Jiangxi, China
N|time type
N|Full time
N|posted on
N|Posted 3 Days Ago
N|job requisition id
N|JR-104582
|
H|About Halvorsen
|
N|Halvorsen Medical is a global medical technology company with 18,000 employees in 40 countries. Our Jiangzhou plant manufactures single-use surgical instruments for customers in Asia and Europe.
|
H|Key Responsibilities
|
D|Lead process validation (IQ/OQ/PQ) and test method validation for new and transferred products.
D|Own CAPA, non-conformance and complaint investigations, using 8D and root cause analysis tools.
D|Maintain the plant's ISO 13485 quality system and support NMPA, FDA and notified body audits.
D|Drive supplier quality improvements together with Procurement, including incoming inspection plans.
D|Coach junior engineers and technicians on statistical tools such as SPC, Gage R&R and DOE.
|
H|Must have
|
R|• Bachelor's degree in Mechanical, Biomedical or Industrial Engineering, or a related field.
R|• 5+ years of quality engineering experience in medical devices or another regulated industry.
R|• Hands-on knowledge of ISO 13485, ISO 14971 and 21 CFR Part 820.
R|• Fluent English and Mandarin, written and spoken.
|
H|Nice to have
|
P|• ASQ Certified Quality Engineer (CQE) or Six Sigma Green Belt.
P|• Experience with injection molding or sterilization validation.
|
H|What we offer
|
N|• Competitive salary, annual bonus and commercial medical insurance.
N|• Flexible working hours and 15 days of annual leave.
|
N|Halvorsen is an equal opportunity employer. All qualified applicants will receive consideration for employment without regard to race, color, religion, sex, sexual orientation, gender identity, national origin, disability or veteran status.
|
N|Apply
|
N|Similar Jobs (3)
N|Quality Engineer II
N|Jiangzhou, Jiangxi, China
N|Supplier Quality Engineer
N|Shanghai, China
|
N|Follow Us
N|© 2026 Workday, Inc. All rights reserved.
"""

# ---------------------------------------------------------------------------
# 10. A food company's 岗位需求表 (.xlsx): a sheet a post, a form of label
#     (column A) and value (column B); a label is an N line in FM_LABELS or an
#     H line, its value the lines below it up to the next label.
FM_LABELS = (
    "岗位名称",
    "所属部门",
    "汇报对象",
    "招聘人数",
    "薪资范围",
    "工作地点",
    "填表人",
    "填表日期",
)
FM_QA = """\
N|江州绿源食品有限公司岗位需求表
N|岗位名称
T|质量主管
N|所属部门
N|品质管理部
N|汇报对象
N|品质总监
N|招聘人数
N|1
N|薪资范围
N|9000-13000元/月
N|工作地点
N|江州市新建区绿源食品产业园
H|岗位职责
D|1、负责公司HACCP、ISO 22000食品安全管理体系的建立、运行与维护；
D|2、组织原辅料、半成品及成品的质量检验，审核检验报告；
D|3、处理客户质量投诉和内部质量异常，组织原因分析与纠正预防措施；
D|4、配合市场监管部门的监督抽检和飞行检查。
H|任职要求
R|1、食品科学与工程、食品质量与安全等相关专业本科及以上学历；
R|2、5年以上食品生产企业质量管理经验，其中2年以上主管经验；
R|3、熟悉《食品安全法》及GB 14881等食品生产相关标准。
H|加分项
P|持有HACCP内审员或食品安全管理师证书。
N|填表人
N|周敏（人力资源部）
N|填表日期
N|2026-11-25
"""
FM_CS = """\
N|江州绿源食品有限公司岗位需求表
N|岗位名称
T|电商客服专员
N|所属部门
N|电商事业部
N|汇报对象
N|客服主管
N|招聘人数
N|3
N|薪资范围
N|4500-6000元/月+绩效
N|工作地点
N|江州市新建区绿源食品产业园
H|岗位职责
D|1、负责天猫、京东、拼多多店铺的售前咨询和售后服务；
D|2、处理退换货、物流异常及中差评回访；
D|3、收集顾客反馈，每周整理问题清单提交运营部门。
H|任职要求
R|1、中专及以上学历，打字速度每分钟60字以上；
R|2、普通话标准，有耐心，能适应轮班（含周末）；
R|3、半年以上电商客服工作经验。
H|加分项
P|有生鲜或食品类目客服经验。
N|填表人
N|周敏（人力资源部）
N|填表日期
N|2026-11-25
"""
FM_SHEETS = (("质量主管", FM_QA), ("电商客服", FM_CS))

HELDOUT14 = [
    ("heldout14_norules.pdf", "pdf",
     [("b14-port-dispatcher", "港口生产调度员", NR_HEAD + NR_DISPATCH),
      ("b14-crane-engineer", "门座起重机机械维修工程师", NR_CRANE),
      ("b14-port-safety", "安全环保专员", NR_SAFETY + NR_TAIL)]),
    ("heldout14_oldword.rtf", "rtf", [("b14-front-office-manager", "前厅部经理", RT_POST)]),
    ("heldout14_sidebyside.docx", "docx",
     [("b14-warehouse-supervisor", "仓储主管", SB_HEAD + SB_WAREHOUSE),
      ("b14-forklift-driver", "叉车司机", SB_FORKLIFT)]),
    ("heldout14_cssitems.html", "html", [("b14-battery-test", "电池测试工程师", CS_PAGE)]),
    ("heldout14_kindrows.md", "markdown",
     [("b14-game-numeric", "游戏数值策划（SLG方向）", KR_HEAD + KR_ROWS + KR_TAIL)]),
    ("heldout14_scan.txt", "txt", [("b14-water-lab", "水质化验员", SCAN)]),
    ("heldout14_wechatgroup.txt", "txt",
     [("b14-electrician", "设备电工", WG_HEAD + WG_ELECTRICIAN),
      ("b14-inspector", "品检员", WG_INSPECTOR)]),
    ("heldout14_tracked.docx", "docx", [("b14-legal-assistant", "律师助理", TD_POST)]),
    ("heldout14_workday.txt", "txt", [("b14-quality-engineer", "Senior Quality Engineer", WD_POST)]),
    ("heldout14_forms.xlsx", "xlsx",
     [("b14-food-qa", "质量主管", FM_QA),
      ("b14-ecommerce-cs", "电商客服专员", FM_CS)]),
]  # fmt: skip

# A marker an import drops: a bullet, or an OCR'd number (l. for 1., 3， for 3.,
# half- and full-width brackets mixed).
_MARK = re.compile(r"^\s*(?:[•●▪■◆★▲]|[lI][.．、]|[(（]\d{1,2}[)）]|\d{1,2}[，,])\s*")
_DEL = re.compile(r"\[-.*?-\]")
_INS = re.compile(r"\[\+(.*?)\+\]")


def _accepted(text: str) -> str:
    """A line with its tracked changes accepted."""
    return _INS.sub(r"\1", _DEL.sub("", text))


def _clean(item: str) -> str:
    """An item as imported: no bullet or number."""
    return _NUM.sub("", _MARK.sub("", item)).strip()


def _gold(pid: str, title: str, tagged: str) -> dict[str, object]:
    lines = []
    for tag, t in _lines(tagged):
        if tag == "X":  # deleted under tracked changes: not in the document
            continue
        lines.append(f"{tag.rstrip('~')}|{_accepted(t)}")
    g = gold_of("\n".join(lines) + "\n", pid)
    g["title"] = title
    for key in ("duties", "requirements", "preferred"):
        g[key] = [_clean(t) for t in g[key]]
    return g


def _texts(tagged: str) -> list[str]:
    return [t for _, t in _lines(tagged)]


def _plain_text(tagged: str) -> str:
    """A text file: a line a line, ``~`` lines run on in the paragraph above."""
    out: list[str] = []
    for tag, t in _lines(tagged):
        if tag.endswith("~"):
            out[-1] += t
        else:
            out.append(t)
    return "\n".join(out) + "\n"


# --- 1. a table without ruling lines -----------------------------------------
def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Break a cell's text into lines as Word does (no line starts with a closing mark)."""
    from reportlab.pdfbase import pdfmetrics

    lines, cur = [], ""
    for ch in text:
        if (
            cur
            and pdfmetrics.stringWidth(cur + ch, font, size) > width
            and ch not in "，。；、：）》”"
        ):
            lines.append(cur)
            cur = ""
        cur += ch
    return [*lines, cur] if cur else lines


def write_norules_pdf(path: Path, posts: list[str]) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    width, height = landscape(A4)
    left, right = 50, width - 50
    c = canvas.Canvas(str(path), pagesize=(width, height), invariant=1)
    y = height - 55

    def para(t: str, size: float = 11, lead: float = 18) -> None:
        nonlocal y
        c.setFont(font, size)
        for line in _wrap(t, font, size, right - left):
            c.drawString(left, y, line)
            y -= lead

    head = _texts(NR_HEAD)
    for k, t in enumerate(head[:2]):
        c.setFont(font, 18 if k else 14)
        c.drawCentredString(width / 2, y, t)
        y -= 30
    for t in head[2:]:
        para(t)
    y -= 6
    size, lead = 10.5, 15
    c.setFont(font, 11)
    for name, x, _w in NR_COLS:
        c.drawString(x, y, name)
    y -= lead + 8
    for post in posts:
        lines = _lines(post)
        cells = [
            [t for tag, t in lines if tag == "T"],
            [t for tag, t in lines if tag == "N"],
            [t for tag, t in lines if tag == "D"],
            [t for tag, t in lines if tag in ("R", "P")],
        ]
        cols = []
        for items, (_name, _x, w) in zip(cells, NR_COLS, strict=True):
            cols.append([piece for item in items for piece in _wrap(item, font, size, w)])
        c.setFont(font, size)
        for col, (_name, x, _w) in zip(cols, NR_COLS, strict=True):
            for k, line in enumerate(col):
                c.drawString(x, y - k * lead, line)
        y -= max(len(col) for col in cols) * lead + 14
        assert y > 60, "the table must fit on page 1"
    for tag, t in _lines(NR_TAIL):
        if tag == "PB":
            c.showPage()
            y = height - 55
        elif t.startswith("— "):
            c.setFont(font, 10)
            c.drawCentredString(width / 2, 30, t)
        elif t.startswith("江州港务") or t.startswith("2026年"):
            c.setFont(font, 11)
            c.drawRightString(right - 30, y, t)
            y -= 18
        else:
            para(t)
    c.save()


# --- 2. RTF from Word 2003 ---------------------------------------------------
def _rtf(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            out.append("".join(f"\\'{b:02x}" for b in ch.encode("gbk")))
    return "".join(out)


def write_oldword_rtf(path: Path, tagged: str) -> None:
    song = "\\loch\\af13\\hich\\af13\\dbch\\f13 "
    normal = "\\pard\\plain \\qj \\li0\\ri0\\nowidctlpar\\wrapdefault\\aspalpha\\aspnum\\faauto\\adjustright\\rin0\\lin0\\itap0 \\fs24\\lang1033\\langfe2052\\kerning2\\loch\\af0\\hich\\af0\\dbch\\af13\\cgrid\\langnp1033\\langfenp2052 "
    out = [
        "{\\rtf1\\adeflang1025\\ansi\\ansicpg936\\uc2\\adeff0\\deff0\\stshfdbch13\\stshfloch0\\stshfhich0\\stshfbi0\\deflang1033\\deflangfe2052"
        "{\\fonttbl{\\f0\\froman\\fcharset0\\fprq2{\\*\\panose 02020603050405020304}Times New Roman;}"
        "{\\f13\\fnil\\fcharset134\\fprq2{\\*\\panose 02010600030101010101}"
        + _rtf("宋体")
        + "{\\*\\falt SimSun};}"
        "{\\f34\\fnil\\fcharset134\\fprq2{\\*\\panose 02010609060101010101}"
        + _rtf("黑体")
        + "{\\*\\falt SimHei};}}",
        "{\\colortbl;\\red0\\green0\\blue0;\\red0\\green0\\blue255;}",
        "{\\stylesheet{\\qj \\li0\\ri0\\nowidctlpar\\wrapdefault\\aspalpha\\aspnum\\faauto\\adjustright\\rin0\\lin0\\itap0 \\fs21\\lang1033\\langfe2052\\kerning2\\loch\\f0\\hich\\af0\\dbch\\af13\\cgrid\\langnp1033\\langfenp2052 \\snext0 Normal;}"
        "{\\*\\cs10 \\additive \\ssemihidden Default Paragraph Font;}"
        "{\\s15\\qc \\li0\\ri0\\widctlpar\\brdrb\\brdrs\\brdrw15\\brsp20 \\tqc\\tx4153\\tqr\\tx8306\\wrapdefault\\aspalpha\\aspnum\\faauto\\adjustright\\rin0\\lin0\\itap0 \\fs18\\lang1033\\langfe2052\\kerning2\\loch\\f0\\hich\\af0\\dbch\\af13\\cgrid\\langnp1033\\langfenp2052 \\sbasedon0 \\snext15 \\styrsid2301125 header;}}",
        "{\\*\\listtable{\\list\\listtemplateid1592311110\\listsimple{\\listlevel\\levelnfc0\\levelnfcn0\\leveljc0\\leveljcn0\\levelfollow0\\levelstartat1\\levelspace0\\levelindent0"
        "{\\leveltext\\leveltemplateid67698703\\'02\\'00.;}{\\levelnumbers\\'01;}\\fi-420\\li420\\jclisttab\\tx420\\lin420 }{\\listname ;}\\listid1187251324}}",
        "{\\*\\listoverridetable{\\listoverride\\listid1187251324\\listoverridecount0\\ls1}}",
        "{\\info{\\title " + _rtf("招聘启事") + "}{\\author hr}{\\operator hr}"
        "{\\creatim\\yr2026\\mo11\\dy3\\hr9\\min12}{\\revtim\\yr2026\\mo11\\dy5\\hr16\\min40}{\\version4}{\\edmins38}"
        "{\\nofpages1}{\\nofwords186}{\\nofchars1062}{\\*\\company "
        + _rtf("云栖酒店")
        + "}{\\nofcharsws1246}{\\vern24615}}",
        "\\paperw11906\\paperh16838\\margl1800\\margr1800\\margt1440\\margb1440\\gutter0 \\deftab420\\ftnbj\\aenddoc\\formshade\\horzdoc\\dgmargin\\dghspace180\\dgvspace156\\dghorigin1800\\dgvorigin1440\\dghshow0\\dgvshow2\\jcompress\\lnongrid",
        "\\sectd \\linex0\\headery851\\footery992\\colsx425\\endnhere\\sectlinegrid312\\sectspecifichy",
    ]
    lines = _lines(tagged)
    header = lines[0][1]
    out.append(
        "{\\header \\pard\\plain \\s15\\qc \\li0\\ri0\\widctlpar\\brdrb\\brdrs\\brdrw15\\brsp20 \\wrapdefault\\aspalpha\\aspnum\\faauto\\adjustright\\rin0\\lin0\\itap0 \\fs18\\lang1033\\langfe2052\\kerning2\\loch\\af0\\hich\\af0\\dbch\\af13\\cgrid\\langnp1033\\langfenp2052 {"
        + song
        + _rtf(header)
        + "\\par }}"
    )
    num = 0
    for k, (tag, t) in enumerate(lines[1:]):
        if k == 0:
            out.append(
                normal.replace("\\qj ", "\\qc ")
                + "{\\b\\fs36 \\loch\\af34\\hich\\af34\\dbch\\f34 "
                + _rtf(t)
                + "\\par }"
            )
        elif tag == "D":
            num += 1
            out.append(
                f"{{\\listtext\\pard\\plain \\fs24 \\hich\\af0\\dbch\\af13\\loch\\f0 {num}.\\tab}}"
                + normal.replace("\\li0", "\\fi-420\\li420")
                .replace("\\lin0", "\\lin420")
                .replace("\\itap0", "\\jclisttab\\tx420\\itap0\\ls1")
                + "{"
                + song
                + _rtf(t)
                + "\\par }"
            )
        elif tag in ("T", "H"):
            num = 0
            out.append(normal + "{\\b " + song + _rtf(t) + "\\par }")
        elif t.startswith("江州古镇云栖酒店") or t.startswith("二〇"):
            out.append(normal.replace("\\qj ", "\\qr ") + "{" + song + _rtf(t) + "\\par }")
        else:
            out.append(normal + "{" + song + _rtf(t) + "\\par }")
    out.append("}")
    path.write_bytes(("\r\n".join(out) + "\r\n").encode("ascii"))


# --- 3. side by side in a borderless table -----------------------------------
def _no_borders(table: object) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    edges = "".join(
        f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    tbl_pr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{edges}</w:tblBorders>"))


def write_sidebyside_docx(path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    head = _texts(SB_HEAD)
    for k, t in enumerate(head):
        p = d.add_paragraph()
        r = p.add_run(t)
        if k < 2:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r.bold, r.font.size = True, Pt(16 if k else 14)
    for post in (SB_WAREHOUSE, SB_FORKLIFT):
        lines = _lines(post)
        title = next(t for tag, t in lines if tag == "T")
        notes = [t for tag, t in lines if tag == "N"]
        heads = [t for tag, t in lines if tag == "H"]
        duties = [t for tag, t in lines if tag == "D"]
        reqs = [t for tag, t in lines if tag in ("R", "P")]
        r = d.add_paragraph().add_run(title)
        r.bold, r.font.size = True, Pt(13)
        d.add_paragraph(notes[0])
        rows = max(len(duties), len(reqs))
        table = d.add_table(rows=rows + 1, cols=2)
        _no_borders(table)
        for cell, t in zip(table.rows[0].cells, heads, strict=True):
            cell.paragraphs[0].add_run(t).bold = True
        for k in range(rows):
            for col, items in enumerate((duties, reqs)):
                if k < len(items):
                    table.cell(k + 1, col).paragraphs[0].add_run(items[k])
        for t in notes[1:]:
            d.add_paragraph(t)
    d.save(str(path))
    freeze_zip(path, (2026, 11, 26, 8, 0, 0))


# --- 4. divs and CSS counters -------------------------------------------------
_CSS = """\
body{font-family:"PingFang SC","Microsoft YaHei",sans-serif;color:#333;margin:0}
.topbar{display:flex;gap:24px;padding:12px 40px;background:#0b3d91}
.topbar a{color:#fff;text-decoration:none}
.wrap{display:flex;gap:32px;width:1180px;margin:24px auto}
.main{flex:1}.aside{width:320px}
.job-name{font-size:28px;font-weight:600}
.tag{display:inline-block;padding:2px 10px;margin-right:8px;background:#f2f5fa;border-radius:4px}
.btn{display:inline-block;padding:8px 28px;margin:16px 12px 0 0;border-radius:4px;background:#0b3d91;color:#fff;cursor:pointer}
.btn.ghost{background:#fff;color:#0b3d91;border:1px solid #0b3d91}
.block{margin-top:28px}
.block-title{font-size:18px;font-weight:600;border-left:4px solid #0b3d91;padding-left:10px;margin-bottom:12px}
.items{counter-reset:n}
.item{counter-increment:n;line-height:1.9;padding-left:2em;text-indent:-2em}
.item::before{content:counter(n) ". ";color:#0b3d91}
.card{padding:16px;background:#fafafa;border-radius:6px;margin-bottom:20px}
.card-title{font-weight:600;margin-bottom:8px}
.foot{padding:24px;text-align:center;color:#999;font-size:12px}
"""


def write_cssitems_html(path: Path) -> None:
    e = html.escape
    nav = _texts(CS_NAV)
    title, *facts, apply, save = _texts(CS_HEAD)
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{e(title)} - 江州锂能科技股份有限公司招聘官网</title>",
        f"<style>\n{_CSS}</style></head><body>",
        '<div class="topbar">'
        + "".join(f'<a href="/{k}">{e(t)}</a>' for k, t in enumerate(nav))
        + "</div>",
        '<div class="wrap"><div class="main">',
        f'<div class="job-name">{e(title)}</div>',
        '<div class="job-meta">'
        + "".join(f'<span class="tag">{e(t)}</span>' for t in facts)
        + "</div>",
        f'<div class="btn" onclick="apply(10342)">{e(apply)}</div><div class="btn ghost">{e(save)}</div>',
    ]
    open_block = False
    for tag, t in _lines(CS_BODY):
        if tag == "H":
            if open_block:
                out.append("</div></div>")
            kind = "tags" if t == "福利待遇" else "items"
            out.append(
                f'<div class="block"><div class="block-title">{e(t)}</div><div class="{kind}">'
            )
            open_block = True
        elif tag == "N":
            out.append(f'<span class="tag">{e(t)}</span>')
        else:
            out.append(f'<div class="item">{e(t)}</div>')
    out.append("</div></div>")
    out.append('</div><div class="aside">')
    side = _texts(CS_SIDE)
    out.append(
        f'<div class="card"><div class="card-title">{e(side[0])}</div><div class="card-text">{e(side[1])}</div></div>'
    )
    out.append(f'<div class="card"><div class="card-title">{e(side[2])}</div>')
    out += [
        f'<div class="sim"><a href="/job/{10350 + k}">{e(t)}</a></div>'
        for k, t in enumerate(side[3:])
    ]
    out.append("</div>")
    qr, copy = _texts(CS_FOOT)
    out.append(
        f'<div class="card qr"><img src="/static/qrcode.png" alt=""><div>{e(qr)}</div></div>'
    )
    out.append("</div></div>")
    out.append(f'<div class="foot">{e(copy)}</div>')
    out.append("<script>function apply(id){location.href='/apply?job='+id}</script>")
    out.append("</body></html>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


# --- 5. one item a Markdown table row -----------------------------------------
def write_kindrows_md(path: Path) -> None:
    out = _texts(KR_HEAD)
    out += ["| 类别 | 内容 |", "| :--: | :--- |"]
    out += [f"| {KR_KIND[tag]} | {t} |" for tag, t in _lines(KR_ROWS)]
    out += _texts(KR_TAIL)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


# --- 8. tracked changes ---------------------------------------------------------
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REV = 'w:author="李雯" w:date="2026-11-24T15:32:00Z"'


def _tracked_runs(p: object, text: str, rev: list[int]) -> None:
    """Append ``text``'s pieces to paragraph ``p``: plain, deleted [-…-] or inserted [+…+]."""
    from docx.oxml import parse_xml

    for piece in re.split(r"(\[-.*?-\]|\[\+.*?\+\])", text):
        if not piece:
            continue
        t = html.escape(piece[2:-2] if piece[:2] in ("[-", "[+") else piece, quote=False)
        if piece.startswith("[-"):
            rev[0] += 1
            xml = f'<w:del xmlns:w="{_W}" w:id="{rev[0]}" {_REV}><w:r><w:delText xml:space="preserve">{t}</w:delText></w:r></w:del>'
        elif piece.startswith("[+"):
            rev[0] += 1
            xml = f'<w:ins xmlns:w="{_W}" w:id="{rev[0]}" {_REV}><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:ins>'
        else:
            xml = f'<w:r xmlns:w="{_W}"><w:t xml:space="preserve">{t}</w:t></w:r>'
        p._p.append(parse_xml(xml))  # type: ignore[attr-defined]


def _mark_paragraph(p: object, kind: str, rev: list[int]) -> None:
    """Mark a paragraph's own mark as deleted or inserted (a whole paragraph tracked)."""
    from docx.oxml import parse_xml

    rev[0] += 1
    p_pr = p._p.get_or_add_pPr()  # type: ignore[attr-defined]
    p_pr.append(parse_xml(f'<w:rPr xmlns:w="{_W}"><w:{kind} w:id="{rev[0]}" {_REV}/></w:rPr>'))


def write_tracked_docx(path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt

    d = docx.Document()
    settings = d.settings.element
    tab = settings.find(f"{{{_W}}}defaultTabStop")
    tab.addprevious(parse_xml(f'<w:trackRevisions xmlns:w="{_W}"/>'))
    rev = [100]
    for k, (tag, t) in enumerate(_lines(TD_POST)):
        if k < 2:
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(t)
            r.bold, r.font.size = True, Pt(16 if k else 12)
        elif tag in ("T", "H"):
            r = d.add_paragraph().add_run(t)
            r.bold, r.font.size = True, Pt(13 if tag == "T" else 12)
        elif tag in ("D", "R", "P", "X"):
            p = d.add_paragraph(style="List Number")
            if tag == "X":
                _tracked_runs(p, f"[-{t}-]", rev)
                _mark_paragraph(p, "del", rev)
            else:
                _tracked_runs(p, t, rev)
                if t.startswith("[+") and t.endswith("+]"):
                    _mark_paragraph(p, "ins", rev)
        elif t.startswith(TD_COMMENT[0]):
            p = d.add_paragraph()
            r = p.add_run(TD_COMMENT[0])
            p.add_run(t[len(TD_COMMENT[0]) :])
            c = d.add_comment(r, text=TD_COMMENT[1], author=TD_COMMENT[2], initials=TD_COMMENT[3])
            c._comment_elm.set(f"{{{_W}}}date", "2026-11-24T15:40:00Z")
        else:
            d.add_paragraph(t)
    d.save(str(path))
    freeze_zip(path, (2026, 11, 26, 8, 0, 0))


# --- 10. a form a sheet -----------------------------------------------------
def write_forms_xlsx(path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, tagged in FM_SHEETS:
        ws = wb.create_sheet(name)
        lines = _lines(tagged)
        ws["A1"] = lines[0][1]
        ws.merge_cells("A1:B1")
        ws["A1"].font = Font(bold=True, size=14)
        ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
        ws.row_dimensions[1].height = 30
        rows: list[tuple[str, list[str]]] = []
        for tag, t in lines[1:]:
            if tag == "H" or (tag == "N" and t in FM_LABELS):
                rows.append((t, []))
            else:
                rows[-1][1].append(t)
        for r, (label, values) in enumerate(rows, 2):
            value = "\n".join(values)
            a = ws.cell(row=r, column=1, value=label)
            b = ws.cell(row=r, column=2, value=int(value) if value.isdigit() else value)
            a.font = Font(bold=True)
            a.alignment = Alignment(horizontal="center", vertical="center")
            b.alignment = Alignment(wrap_text=True, vertical="center")
            a.border = b.border = box
            if len(values) > 1:
                ws.row_dimensions[r].height = 20 * len(values) + 6
        ws.column_dimensions["A"].width = 14
        ws.column_dimensions["B"].width = 72
    wb.save(str(path))
    freeze_zip(path, (2026, 11, 26, 8, 0, 0))


def main() -> None:
    gold_path = HERE / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for name, layout, posts in HELDOUT14:
        path = HERE / name
        entries = [_gold(pid, title, tagged) for pid, title, tagged in posts]
        text = "".join(t for _, _, t in posts)
        if name.endswith("norules.pdf"):
            write_norules_pdf(path, [NR_DISPATCH, NR_CRANE, NR_SAFETY])
        elif name.endswith(".rtf"):
            write_oldword_rtf(path, text)
        elif name.endswith("sidebyside.docx"):
            write_sidebyside_docx(path)
        elif name.endswith("cssitems.html"):
            write_cssitems_html(path)
        elif name.endswith("kindrows.md"):
            write_kindrows_md(path)
        elif name.endswith("tracked.docx"):
            write_tracked_docx(path)
        elif name.endswith("forms.xlsx"):
            write_forms_xlsx(path)
        else:
            path.write_text(_plain_text(text), encoding="utf-8")
        gold[name] = {"layout": layout, "heldout": True, "batch": 14, "postings": entries}
    gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
