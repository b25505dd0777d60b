"""Held-out batch 6: write its posting files and add their gold to ``gold.json``.

Written blind, without reading the parser or running the importer on them:
layouts the first five batches do not have. Tags as in ``make_postings.py``
(``T|`` title, ``H|`` heading, ``D|`` duty, ``R|`` requirement, ``P|``
preferred requirement, ``N|`` noise, ``+|`` the rest of the item above,
wrapped, ``RS|`` requirements on one line split at ；); an untagged empty line
is a blank line in the file and no gold. Each posting's title is written out
(``title``), not derived from its title line. Item numbers such as ``1）``,
which ``gold_of`` does not strip, are stripped from the gold here. The other
batches' files and gold are left as they are. Everything is invented; phones
are masked, mail is @example.com.

Run from the repository root: ``python benchmarks/data/postings/make_postings6.py``.
"""

# ruff: noqa: E501  (a tagged line is one item of the posting, written as the file holds it)

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_postings import _lines, gold_of  # noqa: E402

# ---------------------------------------------------------------------------
# 1. A city commercial bank's 内部竞聘公告 (.pdf, printed from Word): a running
#    header (bank name, 内部资料 注意保密) and footer (第 N 页 共 M 页) on every
#    page, first-line indented paragraphs that wrap at the margin, posts as
#    （一）X under 二、竞聘岗位及条件 with numbered sub-headings 1.岗位职责 /
#    2.竞聘条件 and items （1）…, the appendix 报名表 drawn as a grid on its own page.
JP_INTRO = """\
N|江州银行股份有限公司
N|关于开展2026年中层管理及专业岗位内部竞聘的公告
N|江银人〔2026〕58号
N|各分支行、总行各部室：
N|为进一步优化干部队伍结构，激发员工干事创业活力，经总行党委研究决定，开展2026年中层管理及专业岗位内部竞聘工作。现将有关事项通知如下：
H|一、竞聘原则
N|坚持公开、平等、竞争、择优的原则，坚持德才兼备、以德为先，坚持事业为上、人岗相适。
H|二、竞聘岗位及条件
"""
JP_RETAIL = """\
T|（一）城东支行副行长（分管零售业务）
N|竞聘职数：1名；岗位层级：支行副职。
H|1.岗位职责
D|（1）协助支行行长开展经营管理工作，具体负责零售业务条线的经营与管理；
D|（2）组织落实储蓄存款、个人贷款、财富管理及信用卡等零售业务指标，制定营销方案并督导执行；
D|（3）负责支行零售客户经理、理财经理队伍的管理、培训与绩效考核；
D|（4）负责分管条线的操作风险防控、合规管理和消费者权益保护工作。
H|2.竞聘条件
R|（1）政治素质好，遵纪守法，廉洁自律，近三年年度考核均为称职及以上等次；
R|（2）全日制本科及以上学历，年龄40周岁及以下（1986年1月1日以后出生）；
R|（3）在本行连续工作满3年，具有2年以上零售业务条线管理或支行营销管理工作经历；
R|（4）熟悉零售金融产品和相关监管政策，具备较强的团队管理和市场拓展能力。
"""
JP_CREDIT = """\
T|（二）风险管理部信用审查岗
N|竞聘职数：2名；岗位层级：专业序列高级经理。
H|1.岗位职责
D|（1）负责公司类授信业务的审查工作，对授信主体、担保措施及风险缓释手段进行独立评价，出具审查报告；
D|（2）负责授信审查标准和审查要点的梳理与更新，参与信贷政策的制定；
D|（3）参与重点行业研究和大额客户风险排查，提出风险防控建议。
H|2.竞聘条件
R|（1）全日制本科及以上学历，金融、会计、经济等相关专业；
R|（2）在本行工作满2年，从事公司信贷、授信审批或风险管理工作2年以上；
R|（3）具有较强的财务分析能力和文字写作能力；
P|（4）持有注册会计师（CPA）证书或中级及以上经济师职称者优先。
H|三、竞聘程序
N|（一）个人报名。符合条件的员工填写《内部竞聘报名表》，经所在部门负责人签署意见后报总行人力资源部。
N|（二）资格审查。总行人力资源部对报名人员进行资格审查，审查结果通知本人。
N|（三）竞聘演讲及答辩。资格审查合格人员进行竞聘演讲和现场答辩，由评委现场打分。
N|（四）考察公示。根据综合成绩确定考察对象，考察合格后在全行范围内公示5个工作日。
H|四、其他事项
N|报名时间：2026年11月10日至11月16日，每人限报一个岗位。
N|联系人：总行人力资源部 陈老师，内线电话：8***6
N|附件：江州银行内部竞聘报名表
N|江州银行股份有限公司人力资源部
N|2026年11月8日
"""
JP_FORM_TITLE = ["附件", "江州银行内部竞聘报名表"]
JP_FORM = [  # rows of (label, width in cells) — the blanks are drawn empty
    [("姓名", 1), ("", 1), ("性别", 1), ("", 1), ("出生年月", 1), ("", 1)],
    [("现任部门及岗位", 1), ("", 3), ("入行时间", 1), ("", 1)],
    [("竞聘岗位", 1), ("", 3), ("是否服从调剂", 1), ("", 1)],
    [("主要工作经历", 1), ("", 5)],
    [("本人签字：", 3), ("部门负责人意见：", 3)],
]
JP_FORM_TAGGED = "".join(f"N|{t}\n" for t in JP_FORM_TITLE) + "".join(
    f"N|{label}\n" for row in JP_FORM for label, _ in row if label
)
JP_HEADER = ("江州银行股份有限公司", "内部资料　注意保密")

# ---------------------------------------------------------------------------
# 2. A forwarded e-mail saved as text (.txt): the forwarder's note and signature,
#    an Outlook-style header block (发件人/发送时间/收件人/抄送/主题), then the
#    original mail with the JD, items numbered 1）, one duty hard-wrapped, a
#    signature and the confidentiality notice.
FORWARD = """\
N|发件人: 刘晓雯 <liuxiaowen@example.com>
N|发送时间: 2026年11月3日 星期二 10:42
N|收件人: 招聘组 <hr-recruit@example.com>
N|抄送: 周敏 <zhoumin@example.com>
N|主题: 转发: 【JD确认】客服中心-客服主管（江州）

N|招聘组各位好，
N|下面是客服中心确认后的客服主管JD，麻烦今天在各渠道发布，谢谢！

N|刘晓雯
N|信用卡中心 | 综合管理室
N|手机：139****0618

N|-----原始邮件-----
N|发件人: 王建平 <wangjianping@example.com>
N|发送时间: 2026年11月2日 星期一 17:15
N|收件人: 刘晓雯 <liuxiaowen@example.com>
N|主题: 客服主管JD（终稿）

N|晓雯：
N|JD已按上周讨论修改，见下，没问题的话可以发布了。

T|职位：客服主管（信用卡中心）
N|汇报对象：客服中心经理
N|工作地点：江州市高新区
N|招聘人数：2人

H|工作内容：
D|1）负责20-30人的电话客服团队日常管理，包括排班、现场监控和话务调度；
D|2）监控接通率、一次解决率、客户满意度等服务指标，分析问题原因并制
+|定改进措施；
D|3）处理客户升级投诉，对重大投诉进行跟踪和回访；
D|4）组织新员工培训和在岗辅导，开展质检结果通报和话术优化；
D|5）配合完成监管投诉数据报送及消费者权益保护相关工作。

H|任职条件：
R|1）大专及以上学历，3年以上呼叫中心工作经验，其中1年以上班组长或主管经验；
R|2）熟悉呼叫中心运营管理指标和排班方法；
R|3）沟通表达能力强，能承受较大工作压力，能适应轮班；
P|4）有银行信用卡或消费金融客服管理经验者优先。

N|薪资按公司职级体系确定，面议。

N|王建平
N|信用卡中心 客服中心
N|电话：0791-8***-2231  手机：138****5526

N|本邮件及其附件可能包含保密信息，仅供指定收件人使用。如您误收本邮件，请立即通知发件人并删除，严禁转发、复制或泄露其内容。
"""

# ---------------------------------------------------------------------------
# 3. A consumer brand's recruiting page in Markdown (.md) whose posts are a
#    Markdown table | 岗位 | 岗位职责 | 任职要求 | 地点 | 薪资 |, one row per post,
#    items inside a cell separated by <br>; intro, benefits, mail, a QR image.
MD_HEAD = """\
N|# 云杉生活 · 2026秋季社会招聘
N|云杉生活是一家专注家居日用的新消费品牌，线上渠道覆盖天猫、京东、抖音和小红书，年销售额超5亿元。
N|## 在招岗位
"""
MD_ECOM = """\
T|电商运营专员
D|1. 负责天猫、京东旗舰店的日常运营，包括商品上下架、详情页优化和活动报名
D|2. 制定店铺月度销售计划，策划大促活动并跟进执行
D|3. 分析流量、转化率和客单价等数据，优化站内推广投放
D|4. 对接仓储和客服部门，处理库存预警和售后问题
R|1. 大专及以上学历，1年以上天猫或京东店铺运营经验
R|2. 熟悉生意参谋、京东商智等数据工具
R|3. 执行力强，能接受大促期间加班
P|4. 有家居日用类目经验者优先
N|杭州·余杭
N|8-12K
"""
MD_BRAND = """\
T|品牌市场专员
D|1. 负责品牌在小红书、抖音等平台的内容种草策略及达人合作
D|2. 策划新品上市和品牌联名活动，撰写传播方案和推广文案
D|3. 跟踪投放效果，输出活动复盘报告
R|1. 本科及以上学历，市场营销、新闻传播、广告等相关专业
R|2. 2年以上消费品品牌市场或社交媒体营销经验
R|3. 文案能力强，对内容趋势敏感
N|杭州·余杭
N|10-15K
"""
MD_TAIL = """\
N|> 以上岗位均为全职，试用期3个月。
N|## 福利待遇
N|- 五险一金，13薪，年终奖
N|- 双休，弹性上下班
N|- 员工内购价、生日礼金
N|## 投递方式
N|简历请发送至 join@yunshan-life.example.com，邮件标题：岗位+姓名+手机号
N|![招聘公众号二维码](./qrcode.png)
N|扫码关注「云杉生活招聘」公众号，了解更多岗位
"""
MD_COLUMNS = ("岗位", "岗位职责", "任职要求", "地点", "薪资")

# ---------------------------------------------------------------------------
# 4. A Boss直聘 job page selected and copied as text (.txt): title, pay,
#    city/experience/degree, a tag line of benefits, skill tags, unnumbered
#    duties then 任职要求： inside 职位描述, the recruiter card, a 工作地址 block, the
#    platform's safety notice and the company card.
BOSS = """\
T|车险查勘定损员
N|6-9K·13薪
N|江州·青山湖区 1-3年 大专
N|五险一金 | 双休 | 带薪年假 | 餐补 | 交通补助 | 定期体检
H|职位描述
N|车险理赔 查勘定损 C1驾照 汽车维修
D|负责江州市区及周边车险事故的现场查勘、拍照取证和事故责任初步判定；
D|负责事故车辆的损失核定，与修理厂协商维修方案和维修价格；
D|负责人伤案件的前期跟踪及相关单证收集；
D|及时、准确录入查勘定损信息，按时效要求完成案件处理；
D|识别和防范保险欺诈风险，发现可疑案件及时上报。
H|任职要求：
R|1、大专及以上学历，汽车维修、汽车检测、保险等相关专业；
R|2、持C1及以上驾驶证，3年以上实际驾龄；
R|3、1年以上车险查勘定损或4S店维修、定损工作经验；
R|4、能适应夜间及节假日轮流值班。
N|王女士
N|平和财险 · 理赔部主管
N|刚刚活跃
H|工作地址
N|江州市青山湖区高新大道1099号平和保险大厦8楼
N|查看地图
N|BOSS 安全提示
N|平台严禁招聘方以任何名义向求职者收取费用、扣押证件或诱导异地入职，如遇此类情况请立即举报。
N|公司基本信息
N|平和财产保险股份有限公司江州中心支公司
N|保险 · 500-999人
N|立即沟通
"""

# ---------------------------------------------------------------------------
# 5. A gas group's job page (.html) built on <dl>: the post's facts as <dt>/<dd>
#    pairs, then a second <dl> whose <dt> are 岗位职责：/任职要求：/薪酬福利： — duties
#    one <dd> each, requirements as <p> inside one <dd>; nav, breadcrumb, buttons,
#    a QR caption, a privacy statement and a footer.
DL_NAV = ["首页", "走进集团", "社会招聘", "校园招聘", "个人中心"]
DL_CRUMB = "社会招聘 > 职位详情"
DL_META = [("招聘单位", "江州燃气集团信息中心"), ("工作地点", "江州市"), ("招聘人数", "2人"),
           ("截止日期", "2026-11-30")]  # fmt: skip
DL_SEC = """\
T|网络安全工程师
H|岗位职责：
D|1. 负责集团办公网、生产控制网（SCADA系统）的安全防护体系建设和日常运维；
D|2. 负责防火墙、入侵检测、堡垒机、终端安全等安全设备的策略配置与维护；
D|3. 开展漏洞扫描、渗透测试和安全基线检查，跟踪整改闭环；
D|4. 负责网络安全事件的监测、分析与应急处置，编写事件报告；
D|5. 配合完成等级保护测评、关键信息基础设施保护及上级检查工作。
H|任职要求：
R|1. 全日制本科及以上学历，信息安全、计算机、网络工程等相关专业；
R|2. 3年以上网络安全运维或安全服务工作经验；
R|3. 熟悉TCP/IP协议及主流安全设备，掌握常见漏洞原理和防护方法；
R|4. 熟悉网络安全等级保护2.0相关标准；
P|5. 持有CISP、CISSP等安全认证或有工控安全经验者优先。
H|薪酬福利：
N|薪酬面议，享受五险两金、补充医疗保险、带薪年休假及节日福利。
"""
DL_TAIL = [
    "申请职位",
    "收藏",
    "微信扫码关注“江州燃气招聘”，获取最新职位信息",
    "个人信息保护声明：您提交的简历信息仅用于本次招聘工作，我们将依法保护您的个人信息安全。",
    "Copyright © 2026 江州燃气集团有限公司 版权所有",
]
DL_HTML = (
    "N|" + "\nN|".join(DL_NAV) + "\nN|" + DL_CRUMB + "\n"
    + DL_SEC.split("\n", 1)[0] + "\n"
    + "".join(f"N|{k}\nN|{v}\n" for k, v in DL_META)
    + DL_SEC.split("\n", 1)[1]
    + "".join(f"N|{t}\n" for t in DL_TAIL)
)  # fmt: skip

# ---------------------------------------------------------------------------
# 6. A trust company's 岗位说明书 (.docx): Word heading styles (Heading 1 岗位说明书,
#    Heading 2 一、二、…), everything else in two-column tables — basic facts
#    (岗位名称 | 合规经理 …), duties (工作项目 | 工作内容, one duty per row under a
#    short label), qualifications (学历专业 | …), working relations; a page
#    header and footer.
JD_HEAD = "江州信托有限责任公司　人力资源部"
JD_FOOT = "文件编号：JZXT-HR-JD-017　版本：V2.0"
JD_BASIC = [("岗位名称", "合规经理"), ("所属部门", "合规与法律事务部"), ("直接上级", "合规总监"),
            ("直接下级", "合规专员（2人）"), ("岗位编制", "1人"), ("工作地点", "江州市")]  # fmt: skip
JD_DUTIES = [
    ("制度建设", "组织制定和修订公司合规管理制度及操作规程，推动合规管理体系建设；"),
    ("合规审查", "对信托产品设计、交易结构、合同文本及营销材料进行合规审查，出具合规意见；"),
    ("监管对接", "跟踪监管政策变化，负责监管报送、监管检查配合及整改落实；"),
    ("反洗钱", "组织开展反洗钱和客户身份识别工作，审核可疑交易报告；"),
    ("合规培训", "制定年度合规培训计划，组织开展员工合规培训和警示教育；"),
]
JD_QUALS = [
    ("学历专业", "全日制本科及以上学历，法学、金融学等相关专业，硕士优先；", "R"),
    ("工作经验", "5年以上信托、银行、证券等金融机构合规或法律工作经验；", "R"),
    ("专业知识", "熟悉《信托法》、资管新规及信托业监管法规；", "R"),
    ("资格证书", "持有法律职业资格证书者优先；", "P"),
    ("能力素质", "具备良好的文字表达、沟通协调和独立判断能力，原则性强。", "R"),
]
JD_RELATIONS = [("内部联系", "各业务部门、风险管理部、稽核审计部"),
                ("外部联系", "监管机构、律师事务所、会计师事务所")]  # fmt: skip
JD_FINAL = "编制日期：2026年10月　　审核：人力资源部"
JD_SECTIONS = ("一、岗位基本信息", "二、岗位职责", "三、任职资格", "四、工作关系")
JD_TAGGED = (
    f"N|{JD_HEAD}\nN|岗位说明书\nH|{JD_SECTIONS[0]}\n"
    + "".join(f"H|{k}\n{'T' if k == '岗位名称' else 'N'}|{v}\n" for k, v in JD_BASIC)
    + f"H|{JD_SECTIONS[1]}\nH|工作项目\nH|工作内容\n"
    + "".join(f"H|{k}\nD|{v}\n" for k, v in JD_DUTIES)
    + f"H|{JD_SECTIONS[2]}\n"
    + "".join(f"H|{k}\n{tag}|{v}\n" for k, v, tag in JD_QUALS)
    + f"H|{JD_SECTIONS[3]}\n"
    + "".join(f"N|{k}\nN|{v}\n" for k, v in JD_RELATIONS)
    + f"N|{JD_FINAL}\nN|{JD_FOOT}\n"
)

# ---------------------------------------------------------------------------
# 7. A retail group's ATS export (.xlsx): one posting per row, columns 职位编号 |
#    岗位名称 | 招聘部门 | 工作地点 | 招聘人数 | 薪资范围 | 岗位职责 | 岗位要求 | 发布状态 |
#    发布日期; the lists are multi-line cells numbered 1、, one 岗位要求 cell one
#    line of items split by ；.
XLSX_COLUMNS = ("职位编号", "岗位名称", "招聘部门", "工作地点", "招聘人数", "薪资范围",
                "岗位职责", "岗位要求", "发布状态", "发布日期")  # fmt: skip
XLSX_BUYER = """\
T|采购专员
N|XY-2026-031
N|采购中心
N|江州市
N|1
N|6000-8000元/月
D|1、负责办公用品、包装材料等日常物资的询价、比价和采购执行；
D|2、开发和评估供应商，建立并维护供应商档案；
D|3、跟踪采购订单的交期和到货质量，处理退换货等异常；
D|4、配合财务完成采购对账和付款申请。
R|1、大专及以上学历，物流管理、市场营销等相关专业；
R|2、2年以上采购工作经验，熟悉采购流程；
R|3、熟练使用Excel和ERP系统（用友、金蝶均可）；
R|4、具备良好的谈判能力和成本意识。
N|招聘中
N|2026-10-20
"""
XLSX_HR = """\
T|人力资源专员（招聘方向）
N|XY-2026-035
N|人力资源部
N|江州市
N|2
N|5000-7000元/月
D|1、根据各门店及部门用人需求，制定招聘计划并组织实施；
D|2、负责招聘渠道的维护和拓展，筛选简历、安排面试；
D|3、办理员工入职、转正、离职手续，维护员工档案；
D|4、组织新员工入职培训，跟进试用期员工状态。
RS|本科及以上学历，人力资源管理相关专业优先；1年以上招聘工作经验，有零售或连锁行业招聘经验者优先；熟悉劳动法律法规；性格开朗，沟通能力强。
N|招聘中
N|2026-10-22
"""
XLSX_DA = """\
T|数据分析师
N|XY-2026-038
N|数字化中心
N|江州市
N|1
N|10000-15000元/月
D|1、负责销售、会员、库存等业务数据的提取、清洗和分析；
D|2、搭建经营分析报表和数据看板，跟踪关键经营指标；
D|3、针对促销活动、门店经营等问题开展专题分析，提出改进建议。
R|1、统计学、数学、计算机等相关专业本科及以上学历；
R|2、2年以上数据分析经验，熟练使用SQL和Excel；
R|3、熟悉Python或R，会使用Power BI、帆软等BI工具；
P|4、有零售、快消行业数据分析经验者优先。
N|招聘中
N|2026-10-25
"""

# ---------------------------------------------------------------------------
# 8. A fund distributor's posting (.txt) whose duties are one paragraph, items
#    separated by ；and ended by 。, and whose requirements are split into
#    （一）基本条件 and （二）优先条件 (the preferred items do not say 优先).
LONGPARA = """\
N|江州恒信基金销售有限公司招聘启事
T|岗位名称：渠道市场经理
N|所属部门：市场部　　工作地点：江州市红谷滩区　　招聘人数：1人
H|岗位职责
D|负责公司基金销售渠道（银行、券商、互联网平台）市场推广策略的制定与执行；
D|策划并组织渠道路演、投资者教育及客户沙龙活动；
D|撰写产品推介材料和市场宣传文案，维护公司微信公众号及视频号内容；
D|跟踪竞品及行业动态，定期形成市场分析报告；
D|配合完成宣传材料合规审查及投资者适当性管理相关工作。
H|任职要求
H|（一）基本条件
R|1.本科及以上学历，市场营销、金融、新闻传播等相关专业；
R|2.3年以上基金、证券或银行理财产品市场推广工作经验；
R|3.已取得基金从业资格；
R|4.具备优秀的文案能力和活动组织能力。
H|（二）优先条件
P|1.有头部基金公司或互联网财富平台渠道运营经验；
P|2.熟悉短视频、直播等新媒体营销方式；
P|3.持有CFA或CPA证书。
H|薪酬待遇
N|年薪15-25万元，缴纳五险一金及企业年金，享有带薪年假、补充医疗保险。
H|应聘方式
N|请将个人简历发送至 hr@hengxinfund.example.com，邮件主题注明“应聘渠道市场经理+姓名”，合则约见，简历恕不退还。
N|本公司承诺对应聘人员个人信息严格保密，仅用于招聘工作。
"""

# ---------------------------------------------------------------------------
# 9. A foreign bank's posting copied from its careers site (.txt): English first,
#    then the whole posting again under 中文版, • bullets, EEO and data notes.
BILINGUAL = """\
N|Northbridge Bank (China) Co., Ltd.
N|北桥银行（中国）有限公司
T|Cloud Infrastructure Engineer 云基础设施工程师
N|Location: Shanghai | Department: Technology & Operations | Job ID: R-2026-1187
H|About the role
N|You will join our Shanghai technology hub to build and run the bank's private and public cloud platforms.
H|Key Responsibilities
D|• Design, build and maintain cloud infrastructure on Alibaba Cloud and the bank's private cloud using Terraform.
D|• Operate Kubernetes clusters, including capacity planning, upgrades and incident response.
D|• Implement security baselines, backup and disaster-recovery controls in line with regulatory requirements.
D|• Automate deployment pipelines and improve monitoring and alerting.
H|Requirements
R|• Bachelor's degree in Computer Science or a related field.
R|• 4+ years of experience in infrastructure or DevOps engineering, preferably in financial services.
R|• Hands-on experience with Kubernetes, Terraform and Linux.
R|• Good command of English and Mandarin.
H|Nice to have
P|• CKA or Alibaba Cloud ACP certification.

N|——————————
N|中文版
H|职位概述
N|您将加入我们的上海科技中心，负责银行私有云与公有云平台的建设和运行。
H|主要职责
D|• 使用Terraform在阿里云及行内私有云上设计、搭建和维护云基础设施；
D|• 负责Kubernetes集群的运维，包括容量规划、版本升级和故障处理；
D|• 按照监管要求落实安全基线、备份及灾备控制；
D|• 建设自动化部署流水线，完善监控和告警体系。
H|任职要求
R|• 计算机科学或相关专业本科及以上学历；
R|• 4年以上基础设施或DevOps工作经验，有金融行业经验者优先；
R|• 熟练掌握Kubernetes、Terraform及Linux；
R|• 良好的英语及普通话沟通能力。
H|加分项
P|• 持有CKA或阿里云ACP认证。

N|Northbridge Bank is an equal opportunity employer. 北桥银行是平等机会雇主。
N|Personal data collected will be used for recruitment purposes only. 所收集的个人资料仅用于招聘用途。
"""

# ---------------------------------------------------------------------------
# 10. A job board's export (.json): one JSON array of records, fields 职位名称 /
#     公司名称 / 工作城市 / 薪资 / 福利标签 (a list) / 职位描述 (lines split by \n) /
#     发布时间; one description opens with a company blurb, the other uses 【…】
#     headings and ends with hours, pay and the interview address.
JSON_ADVISER = """\
T|投资顾问
N|【公司简介】江州证券是一家区域性综合类证券公司，在省内设有40余家证券营业部。
H|岗位职责：
D|1.为客户提供证券投资咨询服务，根据客户风险承受能力提供资产配置建议；
D|2.负责营业部客户的维护和开发，提升客户资产规模和交易活跃度；
D|3.撰写市场点评和投资策略，开展投资者教育活动；
D|4.严格遵守投资顾问执业规范，做好适当性管理和服务留痕工作。
H|任职要求：
R|1.本科及以上学历，金融、经济等相关专业；
R|2.已取得证券投资顾问执业资格；
R|3.2年以上证券、基金或银行财富管理工作经验；
R|4.具备良好的沟通能力和客户服务意识。
N|工作时间：周一至周五，节假日按交易所安排休市。
"""
JSON_DISPATCH = """\
T|物流调度员
H|【工作内容】
D|1、根据订单和车辆情况，合理安排干线及城配车辆的调度计划；
D|2、实时监控在途车辆，处理延误、事故等异常情况；
D|3、与客户、司机及仓库沟通协调，确保货物按时交付；
D|4、统计运输数据，编制调度日报和周报。
H|【岗位要求】
R|1、中专及以上学历，1年以上物流调度工作经验；
R|2、熟悉江州及周边城市路况，会使用TMS运输管理系统；
R|3、能适应轮班和夜班；
R|4、责任心强，反应迅速。
H|【工作时间】
N|做六休一，早班8:00-17:00，晚班17:00-次日2:00，轮班
H|【薪资待遇】
N|底薪4500+绩效+夜班补贴，综合6000-8000元，提供住宿
N|面试地址：江州市经开区物流园3号仓办公楼（请携带身份证）
"""
JSON_META = {
    "investment-adviser": {"公司名称": "江州证券股份有限公司", "工作城市": "江州", "薪资": "8-15K·14薪",
                           "福利标签": ["五险一金", "年终奖", "双休"]},
    "logistics-dispatcher": {"公司名称": "江州顺达供应链有限公司", "工作城市": "江州",
                             "薪资": "6-8K", "福利标签": ["包住", "夜班补贴", "五险"]},
}  # fmt: skip

# (file, layout, [(id, title, tagged)]); a file's header, intro and tail go to
# its first or last posting's noise.
HELDOUT6 = [
    ("heldout6_jingpin.pdf", "pdf",
     [("branch-vp-retail", "城东支行副行长（分管零售业务）", JP_INTRO + JP_RETAIL),
      ("credit-reviewer", "风险管理部信用审查岗", JP_CREDIT + JP_FORM_TAGGED)]),
    ("heldout6_forward.txt", "txt", [("cs-supervisor", "客服主管（信用卡中心）", FORWARD)]),
    ("heldout6_mdtable.md", "markdown",
     [("ecommerce-ops", "电商运营专员", MD_HEAD + MD_ECOM),
      ("brand-marketing", "品牌市场专员", MD_BRAND + MD_TAIL)]),
    ("heldout6_bosscopy.txt", "txt", [("claims-adjuster", "车险查勘定损员", BOSS)]),
    ("heldout6_dl.html", "html", [("security-engineer", "网络安全工程师", DL_HTML)]),
    ("heldout6_jdform.docx", "docx", [("compliance-manager", "合规经理", JD_TAGGED)]),
    ("heldout6_ats.xlsx", "xlsx",
     [("buyer", "采购专员", XLSX_BUYER),
      ("hr-recruiter", "人力资源专员（招聘方向）", XLSX_HR),
      ("retail-data-analyst", "数据分析师", XLSX_DA)]),
    ("heldout6_longpara.txt", "txt", [("channel-marketing", "渠道市场经理", LONGPARA)]),
    ("heldout6_bilingual.txt", "txt",
     [("cloud-engineer", "Cloud Infrastructure Engineer 云基础设施工程师", BILINGUAL)]),
    ("heldout6_export.json", "json",
     [("investment-adviser", "投资顾问", JSON_ADVISER),
      ("logistics-dispatcher", "物流调度员", JSON_DISPATCH)]),
]  # fmt: skip

_MORE_NUM = re.compile(r"^\s*\d{1,2}）\s*")


def gold6(tagged: str, pid: str, title: str) -> dict[str, object]:
    g = gold_of(tagged, pid)
    g["title"] = title
    for key in ("duties", "requirements", "preferred"):
        g[key] = [_MORE_NUM.sub("", t) for t in g[key]]  # type: ignore[union-attr]
    return g


def _cells(tagged: str) -> dict[str, list[str]]:
    """A table post's cells: title, meta cells in order, duties, requirements."""
    cells: dict[str, list[str]] = {"T": [], "N": [], "D": [], "R": []}
    for tag, t in _lines(tagged):
        if tag == "RS":
            cells["R"].append(t)
        elif tag in cells or tag == "P":
            cells["R" if tag == "P" else tag].append(t)
    return cells


# ----------------------------------------------------------------- PDF (Word)
def write_jingpin_pdf(path: Path) -> list[str]:
    """Lay the notice out as Word would print it; returns the header/footer noise."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    left, right, top, bottom = 90.0, 505.0, 760.0, 90.0
    width = right - left

    def wrap(text: str, size: float, first_indent: float) -> list[tuple[float, str]]:
        out, rest, x = [], text, left + first_indent
        while rest:
            n = len(rest)
            while pdfmetrics.stringWidth(rest[:n], font, size) > right - x:
                n -= 1
            if n < len(rest):  # as Word: no line opens with ；。 nor splits a number
                while n > 1 and (
                    rest[n] in "；，。、）"
                    or rest[n - 1 : n + 1].isascii()
                    and rest[n - 1 : n + 1].isalnum()
                ):
                    n -= 1
            out.append((x, rest[:n]))
            rest, x = rest[n:], left
        return out

    # the flow: (kind, x, text, size); kind "line" or "break"
    flow: list[tuple[str, float, str, float]] = []
    body = _lines(JP_INTRO + JP_RETAIL + JP_CREDIT)
    for k, (tag, t) in enumerate(body):
        if k in (0, 1):  # the notice's title, centred
            size = 16.0
            w = pdfmetrics.stringWidth(t, font, size)
            flow.append(("line", left + (width - w) / 2, t, size))
        elif k == 2:  # document number, centred
            w = pdfmetrics.stringWidth(t, font, 10.5)
            flow.append(("line", left + (width - w) / 2, t, 10.5))
        elif t.startswith("各分支行") or tag in ("H", "T"):
            flow += [("line", x, s, 10.5) for x, s in wrap(t, 10.5, 0 if k == 3 else 21)]
        elif t.startswith("江州银行股份有限公司人力") or t.startswith("2026年11月8日"):
            w = pdfmetrics.stringWidth(t, font, 10.5)
            flow.append(("line", right - w, t, 10.5))
        else:
            flow += [("line", x, s, 10.5) for x, s in wrap(t, 10.5, 21)]
    flow.append(("break", 0, "", 0))

    pages: list[list[tuple[float, float, str, float]]] = [[]]
    y = top
    for kind, x, t, size in flow:
        if kind == "break":
            pages.append([])
            y = top
            continue
        step = size * 1.75
        if y - step < bottom:
            pages.append([])
            y = top
        y -= step
        pages[-1].append((x, y, t, size))
    total = len(pages)  # the form's page is the last one
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    noise: list[str] = []

    def furniture(k: int) -> None:
        c.setFont(font, 9)
        c.drawString(left, 800, JP_HEADER[0])
        c.drawRightString(right, 800, JP_HEADER[1])
        c.setLineWidth(0.5)
        c.line(left, 795, right, 795)
        foot = f"第 {k + 1} 页 共 {total} 页"
        c.drawCentredString((left + right) / 2, 50, foot)
        noise.extend([JP_HEADER[0], JP_HEADER[1], foot])

    for k, page in enumerate(pages):
        furniture(k)
        for x, y, t, size in page:
            c.setFont(font, size)
            c.drawString(x, y, t)
        if k == total - 1:  # the appendix: 报名表 as a grid
            c.setFont(font, 12)
            c.drawString(left, top - 20, JP_FORM_TITLE[0])
            c.setFont(font, 16)
            c.drawCentredString((left + right) / 2, top - 55, JP_FORM_TITLE[1])
            cell_w = width / 6
            yy = top - 80
            for row in JP_FORM:
                h = 120.0 if row[0][0] == "主要工作经历" else 36.0
                if row[0][0].startswith("本人签字"):
                    h = 80.0
                x = left
                for label, span in row:
                    c.rect(x, yy - h, cell_w * span, h)
                    if label:
                        c.setFont(font, 9)
                        c.drawString(x + 3, yy - 22, label)
                    x += cell_w * span
                yy -= h
        c.showPage()
    c.save()
    for k, page in enumerate(pages):
        print(f"  page {k + 1}: {page[0][2][:14]} … {page[-1][2][:14]}" if page else "  form")
    return noise


# ------------------------------------------------------------------ Markdown
def write_md_table(path: Path, posts: list[tuple[str, str, str]]) -> None:
    out = [t for _, t in _lines(MD_HEAD)]
    out.insert(2, "")
    out += ["", "| " + " | ".join(MD_COLUMNS) + " |", "|" + " --- |" * len(MD_COLUMNS)]
    for _pid, _title, tagged in posts:
        c = _cells(tagged.replace(MD_HEAD, "").replace(MD_TAIL, ""))
        place, pay = c["N"]
        cells = [c["T"][0], "<br>".join(c["D"]), "<br>".join(c["R"]), place, pay]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    for _, t in _lines(MD_TAIL):
        if t.startswith("## ") or t.startswith("!["):
            out.append("")
        out.append(t)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------- HTML
def write_dl_html(path: Path) -> None:
    sec = _lines(DL_SEC)
    title = sec[0][1]
    out = [
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{title} - 江州燃气集团招聘</title></head><body>",
        '<header><div class="logo"><img src="logo.png" alt=""></div><ul class="nav">'
        + "".join(f'<li><a href="#">{t}</a></li>' for t in DL_NAV)
        + "</ul></header>",
        f'<div class="crumb">{DL_CRUMB.replace(">", "&gt;")}</div>',
        '<div class="job-detail">',
        f'<h2 class="job-name">{title}</h2>',
        '<dl class="job-meta">'
        + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in DL_META)
        + "</dl>",
        '<dl class="job-desc">',
    ]
    i = 1
    while i < len(sec):
        tag, t = sec[i]
        if tag == "H":
            out.append(f"<dt>{t}</dt>")
            items = []
            while i + 1 < len(sec) and sec[i + 1][0] != "H":
                i += 1
                items.append(sec[i])
            if t.startswith("岗位职责"):
                out += [f"<dd>{s}</dd>" for _, s in items]
            else:
                out.append("<dd>" + "".join(f"<p>{s}</p>" for _, s in items) + "</dd>")
        i += 1
    out.append("</dl>")
    out.append(f'<div class="ops"><a class="btn btn-apply" href="#">{DL_TAIL[0]}</a>'
               f'<a class="btn" href="#">{DL_TAIL[1]}</a></div></div>')  # fmt: skip
    out.append(f'<div class="qr"><img src="qr.png" alt=""><p class="qr-tip">{DL_TAIL[2]}</p></div>')
    out.append(f'<footer><p class="privacy">{DL_TAIL[3]}</p><p>{DL_TAIL[4]}</p></footer>')
    out.append("</body></html>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------- docx
def write_jd_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    sec = d.sections[0]
    sec.header.paragraphs[0].text = JD_HEAD
    sec.footer.paragraphs[0].text = JD_FOOT
    d.add_heading("岗位说明书", level=1)

    def table(rows: list[tuple[str, str]], header: tuple[str, str] | None = None) -> None:
        t = d.add_table(rows=0, cols=2)
        t.style = "Table Grid"
        for k, v in ([header] if header else []) + rows:
            cells = t.add_row().cells
            cells[0].text, cells[1].text = k, v
            if header and k == header[0]:
                for c in cells:
                    c.paragraphs[0].runs[0].bold = True

    d.add_heading(JD_SECTIONS[0], level=2)
    table(JD_BASIC)
    d.add_heading(JD_SECTIONS[1], level=2)
    table(JD_DUTIES, ("工作项目", "工作内容"))
    d.add_heading(JD_SECTIONS[2], level=2)
    table([(k, v) for k, v, _ in JD_QUALS])
    d.add_heading(JD_SECTIONS[3], level=2)
    table(JD_RELATIONS)
    d.add_paragraph()
    d.add_paragraph(JD_FINAL)
    d.save(str(path))


# ---------------------------------------------------------------------- xlsx
def write_ats_xlsx(path: Path, posts: list[tuple[str, str, str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "职位列表"
    ws.append(list(XLSX_COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for _pid, _title, tagged in posts:
        c = _cells(tagged)
        code, dept, place, n, pay, status, date = c["N"]
        ws.append([code, c["T"][0], dept, place, int(n), pay, "\n".join(c["D"]),
                   "\n".join(c["R"]), status, date])  # fmt: skip
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col, w in zip("ABCDEFGHIJ", (14, 22, 12, 10, 10, 16, 60, 60, 10, 12), strict=True):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A2"
    wb.save(str(path))


# ----------------------------------------------------------------------- txt
def longpara_text() -> str:
    out: list[str] = []
    for tag, t in _lines(LONGPARA):
        if tag == "D" and out and out[-1].endswith("；"):
            out[-1] += t
        else:
            out.append(t)
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------- json
def write_json(path: Path, posts: list[tuple[str, str, str]]) -> None:
    recs = []
    for k, (pid, title, tagged) in enumerate(posts):
        desc = "\n".join(t for tag, t in _lines(tagged) if tag != "T")
        meta = JSON_META[pid]
        recs.append({"职位名称": title, **{f: meta[f] for f in ("公司名称", "工作城市", "薪资")},
                     "福利标签": meta["福利标签"], "职位描述": desc,
                     "发布时间": f"2026-11-0{k + 2} 09:30:00"})  # fmt: skip
    path.write_text(json.dumps(recs, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    gold_path = HERE / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for name, layout, posts in HELDOUT6:
        path = HERE / name
        entries = [gold6(tagged, pid, title) for pid, title, tagged in posts]
        text = "\n".join(t for _, _, t in posts)
        plain = "\n".join(t for _, t in _lines(text))
        if name.endswith("jingpin.pdf"):
            noise = write_jingpin_pdf(path)
            entries[0]["noise"] = [*noise[:2], *entries[0]["noise"]]  # type: ignore[list-item]
            entries[-1]["noise"] = [*entries[-1]["noise"], *noise[2:]]  # type: ignore[list-item]
        elif layout == "markdown":
            write_md_table(path, posts)
        elif layout == "html":
            write_dl_html(path)
        elif layout == "docx":
            write_jd_docx(path)
        elif layout == "xlsx":
            write_ats_xlsx(path, posts)
        elif layout == "json":
            write_json(path, posts)
        elif name.endswith("longpara.txt"):
            path.write_text(longpara_text(), encoding="utf-8")
        else:
            path.write_text(plain + "\n", encoding="utf-8")
        gold[name] = {"layout": layout, "heldout": True, "batch": 6, "postings": entries}
    gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
