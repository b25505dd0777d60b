"""Write the benchmark postings in the layouts they were published in, and their gold.

Every posting is written once below as tagged lines, and rendered to its file
format (.docx, .pdf, .html, .md, .txt, .csv, .jsonl). The tags are the gold:

    T|  title line                  H|  heading (duties/requirements/…)
    D|  duty                        R|  requirement
    P|  preferred requirement       N|  noise (must be dropped)
    +|  continuation of the item above (a line wrapped mid-item)
    RS| requirements on one line, separated by ；(each one item)

``gold.json`` lists, per file, its layout and per posting the id, the title and
the duty, requirement and noise lines as a correct import would hold them. All
companies, people and numbers are invented; phones are masked and mail is
@example.com.

Run from the repository root: ``python benchmarks/data/postings/make_postings.py``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------
# 1. a wealth-management firm's Word template (.docx)
WEALTH = """\
N|恒瑞财富管理有限公司2026年社会招聘
N|恒瑞财富管理有限公司成立于2012年，是一家专注于高净值客户综合财富管理的独立机构，总部位于上海，在全国设有18家分公司。
T|岗位名称：理财经理（高净值客户方向）
N|工作地点：上海市浦东新区
N|招聘人数：5人
H|一、岗位职责
D|（1）负责开发和维护高净值个人及家庭客户，建立长期稳定的客户关系；
D|（2）根据客户的资产状况、风险偏好和财务目标，进行资产配置分析，制定个性化的财富管理方案；
D|（3）负责公募基金、私募证券投资基金、固定收益类产品及保险产品的推介与销售，完成管理资产规模（AUM）及收入指标；
D|（4）定期开展客户回访和产品存续期服务，及时向客户披露产品净值和风险信息；
D|（5）组织或参与客户沙龙、投资策略会等活动，挖掘潜在客户需求；
D|（6）严格执行适当性管理、反洗钱及客户信息保护等合规要求，做好双录及销售文件归档。
H|二、任职要求
R|（1）全日制本科及以上学历，金融、经济、财务管理等相关专业优先；
R|（2）3年以上银行私人银行、理财或券商财富管理工作经验，有稳定的高净值客户资源者优先；
R|（3）持有基金从业资格证书，具有AFP、CFP或CFA证书者优先；
R|（4）熟悉各类资产配置工具及金融产品，具备较强的市场分析能力；
R|（5）具有良好的沟通表达能力和服务意识，诚信正直，抗压能力强。
H|三、薪酬福利
N|底薪+业绩提成+年终奖，五险一金，带薪年假，定期体检。
N|简历请发送至：hr@hengrui-wealth.example.com，邮件标题注明“应聘岗位+姓名”。
"""

# ---------------------------------------------------------------------------
# 2. a city investment group's job-board export (.csv): requirements first, one cell
CITY_DA = """\
T|数据分析师
R|1、统计学、数学、计算机等相关专业本科及以上学历；
R|2、2年以上数据分析工作经验，有国有企业或金融、基建行业经验者优先；
R|3、熟练使用SQL，掌握Python或R语言，熟悉Excel高级功能；
R|4、熟悉Power BI、Tableau等至少一种可视化工具；
R|5、逻辑思维清晰，具备良好的沟通能力和报告撰写能力。
D|6、负责集团经营数据的采集、清洗与整合，搭建经营分析指标体系；
D|7、负责编制月度、季度经营分析报告，为集团管理层决策提供数据支持；
D|8、参与集团数据中台及BI报表平台建设，开发和维护管理驾驶舱；
D|9、对下属企业的投资项目和资金使用情况进行专项分析，识别经营风险。
N|工作地点：江州市新城区
N|薪资：8-12K·13薪
"""
CITY_INV = """\
T|投融资经理
R|1、金融、经济、财务、投资等相关专业本科及以上学历，硕士优先；
R|2、5年以上投融资、项目融资或银行对公信贷工作经验；
R|3、熟悉银行贷款、债券、融资租赁、基金等融资方式及相关政策法规；
R|4、具有较强的财务分析、项目测算和谈判能力，持有CFA或注册会计师证书者优先；
D|5、负责集团及下属公司融资计划的编制与执行，拓展和维护银行等金融机构合作关系；
D|6、负责企业债、中期票据、公司债等债券发行项目的组织实施；
D|7、负责投资项目的尽职调查、可行性研究及投资测算，撰写投资分析报告；
D|8、负责存量债务管理，跟踪还本付息，防范流动性风险。
N|招聘人数：2人
N|发布时间：2026-10-12
"""

# ---------------------------------------------------------------------------
# 3. a job board's export (.jsonl): HTML in the description, several layouts
FRONTEND = """\
T|前端开发工程师
N|【公司介绍】星河互动科技是一家专注于本地生活服务的互联网公司，旗下拥有多款千万级用户App。
H|【岗位职责】
D|1. 负责公司H5活动页、小程序及管理后台的前端开发；
D|2. 与产品、设计、后端协作，完成需求评审、技术方案设计和接口联调；
D|3. 负责前端性能优化和兼容性问题处理，提升页面加载速度和用户体验；
D|4. 参与前端组件库和工程化工具链建设，沉淀通用解决方案。
H|【任职要求】
R|1. 本科及以上学历，计算机相关专业，2年以上前端开发经验；
R|2. 精通HTML、CSS、JavaScript，熟悉ES6+及TypeScript；
R|3. 熟练掌握Vue或React框架之一，了解其原理；
R|4. 熟悉Webpack、Vite等构建工具，了解Node.js；
P|5. 有小程序或跨端框架（uni-app、Taro）开发经验者优先。
N|【福利待遇】六险一金、弹性工作、免费午餐、年度旅游
"""
NEWMEDIA = """\
T|新媒体运营专员
H|职位描述：
D|负责公司微信公众号、抖音、小红书等平台的内容策划与日常运营；
D|撰写产品推广文案，策划线上活动并跟进执行效果；
D|分析各平台粉丝增长和互动数据，优化内容方向；
R|大专及以上学历，新闻传播、市场营销、中文等相关专业；
R|1年以上新媒体运营经验，熟悉各平台推荐规则；
R|文字功底扎实，会使用剪映、Photoshop等剪辑和设计工具；
P|有百万粉丝账号运营经验者优先。
N|工作时间：周一至周五 9:00-18:00，周末双休
"""

# ---------------------------------------------------------------------------
# 4. an app company's careers page in markdown (.md), two postings
PRODUCT = """\
N|# 加入青禾科技
N|青禾科技成立于2016年，是一家专注于个人健康管理App的移动互联网公司，用户超过3000万。
T|## 产品经理（健康App方向）
N|**工作地点：** 杭州 | **经验：** 3-5年 | **学历：** 本科
H|####职位描述(你将负责)
D|- 负责健康管理App核心功能的规划与设计，输出PRD、原型和交互说明
D|- 通过用户访谈、问卷和数据分析挖掘用户需求，制定产品迭代路线图
D|- 协调设计、研发、测试团队推进项目按期上线，跟踪上线后的关键指标
D|- 跟踪竞品动态和行业趋势，持续优化用户体验和留存转化
H|####任职要求
R|- 本科及以上学历，3年以上互联网C端产品经验
R|- 熟练使用Axure、Figma、墨刀等原型工具，能独立撰写产品文档
R|- 具备数据分析能力，会用SQL者更佳
R|- 逻辑清晰，沟通协调能力强，对用户体验敏感
H|**加分项：**
P|- 有医疗健康、运动或保险类产品经验
P|- 负责过DAU百万级产品
"""
BACKEND_GO = """\
T|## 后端开发工程师（Go）
H|#### 岗位职责
D|* 负责App后端服务的设计、开发和维护，保障服务的高可用和高性能
D|* 参与微服务架构设计，负责核心业务模块的接口开发
D|* 负责数据库设计与SQL优化，处理线上问题和性能瓶颈
H|#### 岗位要求
R|* 本科及以上学历，计算机相关专业，3年以上后端开发经验
R|* 熟练掌握Go语言，熟悉Gin、gRPC等框架
R|* 熟悉MySQL、Redis、Kafka，了解分布式系统原理
R|* 熟悉Linux和Docker、Kubernetes等容器技术
N|---
N|投递邮箱：jobs@qinghe-tech.example.com
"""

# ---------------------------------------------------------------------------
# 5. a customer-service posting on a recruiting web page (.html) with navigation
CS = """\
N|首页
N|社会招聘
N|校园招聘
N|关于我们
N|登录 | 注册
N|首页 > 社会招聘 > 职位详情
T|在线客服专员
N|招聘人数：10人 | 工作地点：成都
N|发布日期：2026-11-20
H|工作内容
D|1、通过在线客服系统、电话等渠道解答客户关于账户、支付和订单的咨询；
D|2、受理客户投诉，跟进处理进度并及时回访，确保问题闭环；
D|3、准确记录服务工单，整理常见问题并反馈给相关部门；
D|4、配合完成服务质量抽检和满意度提升工作。
H|任职资格
R|1、大专及以上学历，专业不限；
R|2、普通话标准，打字速度每分钟50字以上；
R|3、有耐心和同理心，具有良好的沟通表达能力和情绪管理能力；
R|4、能适应轮班工作；
P|5、有银行、电商或呼叫中心客服经验者优先。
N|立即申请
N|分享
N|收藏
N|相似职位
N|电话客服专员 成都
N|版权所有 © 2026 云帆数科 蜀ICP备00000000号
"""

# ---------------------------------------------------------------------------
# 6. a sales posting as plain text with 加分项, wrapped lines and ；lists (.txt)
SALES = """\
T|招聘岗位：大客户销售经理（企业SaaS）
N|所属部门：华东销售部
N|锐思云是一家为中小企业提供财务和人事SaaS软件的公司，欢迎加入我们！
H|工作职责：
D|1. 负责华东区域中大型企业客户的开拓，完成季度和年度销售
+|业绩指标；
D|2. 挖掘客户需求，制定销售策略和解决方案，完成商务谈判与合同签订；
D|3. 维护重点客户关系，推动续费和增购；
D|4. 跟踪销售线索和商机，及时更新CRM系统中的客户信息。
H|任职要求：
RS|本科及以上学历；3年以上ToB软件或SaaS销售经验；具备独立完成大单签约的能力
R|性格开朗，沟通和谈判能力强，能接受出差。
H|加分项：
P|有财务软件、ERP或HR SaaS销售经验；
P|有华东地区制造业客户资源。
N|薪资待遇：底薪10-15K+提成，上不封顶
N|联系人：周女士 电话：021-6***-8890
"""

# ---------------------------------------------------------------------------
# 7. a fintech company's software-developer posting (.pdf)
JAVA = """\
N|海川金融科技有限公司
T|职位名称：Java后端开发工程师
N|工作地点：深圳 招聘人数：3人
H|岗位职责：
D|1、负责支付清算、账户核心等金融系统的后端设计与开发；
D|2、参与系统需求分析、详细设计、编码和单元测试，编写技术文档；
D|3、负责系统性能调优和线上故障排查，保障系统稳定运行；
D|4、配合测试和运维团队完成版本发布与投产上线。
H|任职资格：
R|1、本科及以上学历，计算机、软件工程相关专业；
R|2、3年以上Java开发经验，熟悉Spring Boot、Spring Cloud、MyBatis；
R|3、熟悉Oracle或MySQL数据库，有SQL调优经验；
R|4、熟悉Redis、RocketMQ等中间件，了解分布式事务；
P|5、有银行或支付系统开发经验者优先。
N|公司网址：www.haichuan-fintech.example.com
"""

# ---------------------------------------------------------------------------
# 8. a bank's own announcement format (岗位N：/ 岗位描述：/ 任职要求：) (.txt)
BANK = """\
N|零售金融部社会招聘岗位说明
T|岗位1：信用卡风险策略分析岗
H|岗位描述：
D|1.负责信用卡申请、额度管理及交易反欺诈等环节风险策略的制定、监控与优化。
D|2.负责信用卡资产质量的监测分析，定期撰写风险分析报告。
D|3.负责评分卡模型的开发、验证和监控，配合完成模型投产。
D|4.完成上级领导交办的其他工作任务。
H|任职要求：
R|1.统计、数学、金融工程、计算机等相关专业硕士及以上学历。
R|2.3年以上银行信用卡或消费金融风险策略、模型工作经验。
R|3.熟练使用SAS、Python、SQL，熟悉逻辑回归、决策树等建模方法。
T|岗位2：对公客户经理
H|岗位描述：
D|1.负责对公客户的营销拓展和综合金融服务，完成存款、贷款及中间业务指标。
D|2.负责授信项目的调查、方案设计和贷后管理，防范信用风险。
D|3.负责与政府平台、产业园区及核心企业建立合作，批量获取客户。
H|任职要求：
R|1.本科及以上学历，经济、金融、财会等相关专业。
R|2.2年以上银行对公客户经理或公司信贷工作经验。
R|3.熟悉对公信贷业务流程和相关监管政策，具有较强的财务分析能力。
N|报名方式：请登录本行官网招聘专栏报名，截止日期：2026年12月31日。
"""

# (file, layout, [(posting id, tagged text)])
POSTINGS = [
    ("wealth_manager.docx", "docx", [("wealth-manager", WEALTH)]),
    ("city_invest_export.csv", "csv",
     [("data-analyst", CITY_DA), ("investment-finance", CITY_INV)]),
    ("jobboard_export.jsonl", "jsonl", [("frontend-dev", FRONTEND), ("new-media-ops", NEWMEDIA)]),
    ("app_company.md", "markdown", [("product-manager", PRODUCT), ("backend-go", BACKEND_GO)]),
    ("customer_service.html", "html", [("cs-specialist", CS)]),
    ("sales.txt", "txt", [("saas-sales", SALES)]),
    ("java_developer.pdf", "pdf", [("java-backend", JAVA)]),
    ("bank_format.txt", "bank-txt", [("credit-risk", BANK.split("T|岗位2")[0]),
                                     ("corporate-rm", "T|岗位2" + BANK.split("T|岗位2")[1])]),
]  # fmt: skip


# ---------------------------------------------------------------------------
# Held out: written after the parser was tuned on the postings above, and
# measured once as they are (benchmarks/postings.py reports them apart).
STORE = """\
T|【急聘】储备店长 8000-12000元/月
N|公司福利：五险一金 包吃住 节日福利 年度旅游
H|岗位要求：
R|1.年龄22-35岁，大专以上学历
P|2.有连锁零售门店管理经验优先
R|3.吃苦耐劳，服从公司安排
H|工作内容：
D|1.协助店长做好门店日常运营管理
D|2.负责员工排班、培训和考勤
D|3.负责门店销售目标的达成和库存管理
N|联系方式：王经理 186****0000
N|工作地址：合肥市蜀山区某某路88号
"""
LOAN = """\
N|青川农村商业银行2026年社会招聘公告
N|因业务发展需要，现面向社会公开招聘以下岗位人员。
T|一、招聘岗位：个人贷款审批岗
H|二、岗位职责
D|1.负责个人住房贷款、消费贷款和经营贷款的审查审批工作；
D|2.负责审批政策和授权制度的执行，提出审批意见；
D|3.参与个人贷款产品的风险评估和审批流程优化；
D|4.定期分析审批数据和不良贷款成因，撰写审批工作报告。
H|三、任职条件
R|1.全日制本科及以上学历，金融、经济、会计等相关专业；
R|2.具有3年以上银行个人信贷或审批工作经验；
R|3.熟悉个人信贷业务流程及相关法律法规；
R|4.年龄在35周岁以下，身体健康。
H|四、报名方式
N|请于2026年12月20日前将报名表发送至邮箱：zhaopin@qingchuan-bank.example.com
"""
OPS = """\
T|## 用户运营经理
H|### 你将负责
D|- 搭建用户分层运营体系，制定拉新、促活和召回策略
D|- 策划并执行会员活动，提升用户活跃和付费转化
D|- 通过数据监控运营效果，持续迭代运营方案
H|### 我们希望你
R|- 3年以上互联网用户运营或会员运营经验
R|- 数据敏感，能熟练使用Excel和SQL做数据分析
R|- 有良好的沟通能力和项目推进能力
H|### 加分项
P|- 有电商或本地生活行业经验
N|> 工作地点：广州 | 薪资面议
"""
TESTER = """\
T|软件测试工程师
R|1、计算机相关专业大专及以上学历，2年以上软件测试经验；
R|2、熟悉测试理论和方法，能独立编写测试用例；
R|3、熟悉Linux常用命令和SQL语句；
P|4、有自动化测试或性能测试经验者优先；
D|5、负责公司业务系统的功能测试和回归测试；
D|6、编写测试计划、测试用例和测试报告；
D|7、跟踪缺陷，推动问题解决。
N|福利：双休、五险一金、年终奖
"""
TELLER = """\
T|综合柜员
H|任职要求：
R|1、全日制大专及以上学历，专业不限；
R|2、持有银行从业资格证书者优先；
R|3、形象气质佳，普通话标准；
R|4、具备良好的服务意识和团队合作精神。
N|工作地点：各营业网点
"""
HELDOUT = [
    ("heldout_store.txt", "txt", [("store-manager", STORE)]),
    ("heldout_loan.docx", "docx", [("loan-approval", LOAN)]),
    ("heldout_ops.md", "markdown", [("user-ops", OPS)]),
    ("heldout_export.jsonl", "jsonl", [("qa-tester", TESTER), ("bank-teller", TELLER)]),
]

# Held out, second batch: written after the first held-out run, measured once.
WECHAT = """\
N|🔥🔥云栖餐饮集团招人啦！
N|📍工作地点：杭州西湖区
T|💼 招聘岗位：会员运营专员
H|✨岗位职责
D|✅ 负责会员小程序和企业微信社群的日常运营
D|✅ 策划会员日、积分兑换等会员活动，提升复购
D|✅ 跟踪会员数据，输出周报和活动复盘
H|✨任职要求
R|✅ 大专及以上学历，1年以上用户运营经验
R|✅ 熟练使用Excel，有一定的数据分析能力
P|✅ 有餐饮或零售行业会员运营经验的优先
N|💰薪资：6-9K＋绩效
N|📮简历投递：hr@yunqi-food.example.com
N|👇点击“阅读原文”了解更多岗位
"""
BOSS = """\
N|首页
N|职位
N|公司
N|APP
T|财务分析师
N|12-18K
N|上海 3-5年 本科
H|职位描述
D|1、负责公司经营预算的编制、执行跟踪和差异分析；
D|2、负责月度经营分析报告，为管理层提供决策支持；
D|3、搭建财务分析模型，参与重大投资项目的财务测算；
R|4、财务、会计、金融相关专业本科及以上学历；
R|5、3年以上财务分析或FP&A工作经验；
R|6、精通Excel，熟悉SAP或Oracle财务系统；
P|7、持有CPA或CMA证书者优先。
N|公司基本信息
N|某某消费品（上海）有限公司
N|1000-9999人
N|快速消费品
"""
COLS_DUTY = """\
D|负责IT服务台的日常支持，处理员工电脑、网络和账号问题；
D|负责办公设备的采购、盘点和维护；
D|编写IT操作手册，组织新员工IT培训。
"""
COLS_REQ = """\
R|大专及以上学历，计算机相关专业；
R|1年以上IT运维或技术支持经验；
R|熟悉Windows、Office和常见网络设备配置。
"""
HELDOUT2 = [
    ("heldout2_wechat.txt", "txt", [("member-ops", WECHAT)]),
    ("heldout2_boss.html", "html", [("finance-analyst", BOSS)]),
]

# Held out, third batch: written after the second held-out run, measured once.
FLYER = """\
T|招聘：理赔专员
H|岗位职责
D|负责车险理赔案件的受理、查勘和定损
D|审核理赔材料，核定赔款金额
D|处理客户理赔咨询和投诉
H|任职要求
R|大专及以上学历，保险、汽车相关专业
R|1年以上车险理赔或汽修工作经验
R|持有C1驾照，能适应外勤
N|咨询电话：400-***-0000
"""
ONEPARA = """\
T|职位名称：行政前台
H|职位描述：
D|负责公司前台接待、来访登记和电话转接；
D|负责办公用品采购和会议室管理；
D|协助组织员工活动。
H|要求：
R|高中及以上学历；
R|形象气质佳，普通话标准；
R|熟练使用Office办公软件。
N|工作时间：早九晚六，双休
"""
WORDLIST = """\
T|人力资源专员
H|工作职责
D|负责员工入离职手续办理和劳动合同管理
D|负责考勤统计和薪资核算的基础数据整理
D|协助组织招聘面试和新员工培训
H|任职资格
R|本科及以上学历，人力资源管理相关专业
R|1年以上人事工作经验，熟悉劳动法规
P|有HR系统使用经验者优先
"""
HELDOUT3 = [
    ("heldout3_flyer.pdf", "pdf", [("claims-specialist", FLYER)]),
    ("heldout3_onepara.txt", "txt", [("receptionist", ONEPARA)]),
    ("heldout3_wordlist.docx", "docx", [("hr-specialist", WORDLIST)]),
]

# Held out, fourth batch: written after the third held-out run, measured once.
# A Hong Kong bank's posting in Traditional Chinese, two roles, two heading sets.
HK_RM = """\
N|滙晉銀行（香港）有限公司
N|誠聘
T|職位：財富管理客戶經理
N|部門：零售銀行及財富管理
N|工作地點：香港九龍
H|工作內容：
D|• 為優先理財客戶提供全面的財富管理服務，包括投資、保險及存款產品；
D|• 了解客戶的財務需要及風險承受能力，提供合適的資產配置建議；
D|• 積極拓展新客戶及深化現有客戶關係，達成業務目標；
D|• 確保所有銷售程序符合金管局及證監會的監管要求。
H|職位要求：
R|• 持大學學位，主修金融、經濟或相關學科；
R|• 3年或以上銀行財富管理或投資產品銷售經驗；
R|• 持有證監會第1及第4類牌照，並符合保險業監管局的持牌要求；
R|• 良好的粵語、英語及普通話溝通能力；
P|• 具CFP或CFA資格者優先。
"""
HK_CREDIT = """\
T|職位：信貸風險分析員
N|部門：風險管理處
H|職責：
D|• 分析企業客戶的財務報表及行業狀況，撰寫信貸審批報告；
D|• 監察貸款組合的資產質素，跟進逾期及問題貸款；
D|• 協助制定及檢討信貸政策和風險限額。
H|應徵條件：
R|• 大學學位，主修會計、金融或相關學科；
R|• 2年或以上銀行信貸分析經驗；
R|• 熟悉香港銀行業信貸審批流程及相關監管指引；
P|• 精通Excel，懂SQL或Python者優先。
H|應徵方法
N|有意應徵者請將履歷連同現時及期望薪酬電郵至 recruit@wayfield-bank.example.com。
N|申請人提供的資料只作招聘用途。
"""

# A water group's Word table: one row per role (岗位名称 | 人数 | 岗位职责 | 任职资格).
TABLE_PIPE = """\
N|澄江水务集团有限公司2026年社会招聘岗位需求表
N|（报名截止时间：2026年11月30日）
T|管网运维工程师
N|2
D|1.负责供水管网的日常巡检、维修和漏损控制；
D|2.负责管网GIS数据的更新维护；
D|3.参与管网改造工程的方案编制和现场管理。
R|1.本科及以上学历，给排水科学与工程、市政工程等相关专业；
R|2.3年以上供水管网运维或市政工程管理经验；
R|3.熟练使用AutoCAD，熟悉GIS软件。
"""
TABLE_LAB = """\
T|水质检测员
N|1
D|1.负责原水、出厂水和管网水的水质检测；
D|2.负责实验室仪器设备的日常维护和校准；
D|3.做好检测记录和数据统计上报。
R|1.大专及以上学历，环境工程、化学、食品检验等相关专业；
R|2.熟悉GB 5749生活饮用水卫生标准及检测方法；
P|3.持有化学检验员职业资格证书者优先。
"""
TABLE_IT = """\
T|信息化专员
N|1
D|负责集团OA、营收和SCADA系统的日常运维；
D|负责网络设备、服务器和信息安全管理。
R|本科及以上学历，计算机相关专业；
R|2年以上信息系统运维经验，熟悉Linux和网络配置。
N|注：工作地点为澄江市，薪酬面议。
N|报名邮箱：hr@chengjiang-water.example.com
"""

# A foreign-invested company's careers page, bilingual headings, Chinese items (.html).
BILINGUAL = """\
N|Northwind Medical Devices (Shanghai) Co., Ltd.
N|诺风医疗器械（上海）有限公司
T|质量工程师 Quality Engineer
N|Location 工作地点：上海张江 | Reports to 汇报对象：质量经理
H|Job Responsibilities 岗位职责
D|1. 负责供应商来料检验标准的制定与执行，处理来料质量异常；
D|2. 主导客户投诉的调查分析，运用8D、5 Why等方法推动纠正预防措施（CAPA）；
D|3. 维护ISO 13485质量管理体系，参与内审和外部审核；
D|4. 编写和更新SOP、检验规程等质量体系文件。
H|Requirements:
R|1. 本科及以上学历，机械、材料、生物医学工程等相关专业；
R|2. 3年以上医疗器械或汽车行业质量管理经验；
R|3. 熟悉ISO 13485、GMP等法规标准，掌握SPC、MSA、FMEA等质量工具；
R|4. Good command of English in both written and spoken.
H|Preferred:
P|1. 持有内审员证书或六西格玛绿带。
H|What we offer 我们提供
N|Competitive salary and annual bonus 有竞争力的薪酬和年度奖金
N|Please send your CV to careers@northwind-med.example.com
"""

# A city SOE's recruitment notice (公告) as a PDF, several posts, wrapped lines.
NOTICE_ENG = """\
N|江临市城市发展集团有限公司2026年公开招聘工作人员公告
N|为进一步加强人才队伍建设，根据工作需要，经研究决定，面向社会公开招聘工作人员3名。现将有关事项公告如下：
H|一、招聘原则
N|坚持公开、平等、竞争、择优的原则，采取考试与考察相结合的方式进行。
H|二、招聘岗位及条件
T|（一）工程管理岗（2名）
H|岗位职责：
D|1.负责项目施工现场的质量、安全和进度管理，组织召开工程例会；
D|2.负责工程签证、设计变更及竣工验收资料的审核；
D|3.参与工程招标文件编制和施工合同管理。
H|任职条件：
R|1.全日制本科及以上学历，土木工程、工程管理等相关专业；
R|2.5年以上房建或市政工程施工管理经验；
P|3.具有中级及以上职称，持有一级建造师证书者优先；
R|4.年龄40周岁以下（1986年1月1日以后出生）。
"""
NOTICE_FIN = """\
T|（二）财务会计岗（1名）
H|岗位职责：
D|1.负责公司日常会计核算、凭证审核和财务报表编制；
D|2.负责纳税申报、发票管理及税务筹划工作；
D|3.配合完成年度审计和预决算编制。
H|任职条件：
R|1.全日制本科及以上学历，会计学、财务管理等相关专业；
R|2.3年以上企业财务工作经验，熟悉企业会计准则和税收法规；
R|3.具有中级会计师及以上职称；
R|4.年龄35周岁以下。
H|三、报名方式
N|报名时间：2026年11月1日至11月15日。
N|应聘人员请将《报名登记表》、身份证、学历学位证书扫描件发送至邮箱：rczp@jianglin-udg.example.com。
H|四、招聘程序
N|招聘程序包括资格审查、笔试、面试、考察、体检和公示等环节，具体安排另行通知。
H|五、联系方式
N|联系人：刘女士  联系电话：0571-8***-6620
N|江临市城市发展集团有限公司
N|2026年10月20日
"""

# A recruiter's WeChat/Boss message: 【】 headings, salary and address lines, two roles.
LIVE_OPS = """\
N|【鲸选优品】直播电商团队扩招！
N|公司地址：杭州市余杭区文一西路某某大厦5楼（地铁5号线旁）
T|直播运营主管 | 12-18K·13薪
N|杭州·余杭 | 3-5年 | 大专
H|【岗位职责】
D|1、负责抖音、视频号直播间的整体运营，制定直播排期和选品策略；
D|2、负责直播间投流计划，优化千川投放ROI；
D|3、带领场控、中控团队，完成直播间GMV目标；
D|4、做好每场直播的数据复盘，输出优化方案。
H|【任职要求】
R|1、大专及以上学历，3年以上直播电商运营经验，有团队管理经验；
R|2、熟悉抖音电商规则和巨量千川后台；
R|3、数据敏感，能接受晚班直播。
H|【福利待遇】
N|五险一金、月度团建、节日福利、年底双薪
N|——————————
"""
VIDEO_EDITOR = """\
T|短视频剪辑师 | 7-10K
N|杭州·余杭 | 1-3年 | 学历不限
H|【岗位职责】
D|1、负责产品短视频的拍摄和剪辑，完成每日视频更新；
D|2、跟踪平台热点，策划短视频选题和脚本。
H|【任职要求】
R|1、熟练使用剪映、PR、AE等剪辑软件；
R|2、有审美，懂镜头语言；
P|3、有抖音百万播放作品者优先。
H|【福利待遇】
N|包午餐、弹性打卡、带薪年假
N|📞简历投递/咨询：微信同号 139****5566（李经理）
N|📧邮箱：hr@jingxuan.example.com
"""
HELDOUT4 = [
    ("heldout4_hkbank.txt", "txt", [("hk-wealth-rm", HK_RM), ("hk-credit-analyst", HK_CREDIT)]),
    ("heldout4_table.docx", "docx",
     [("pipe-engineer", TABLE_PIPE), ("water-lab", TABLE_LAB), ("it-specialist", TABLE_IT)]),
    ("heldout4_bilingual.html", "html", [("quality-engineer", BILINGUAL)]),
    ("heldout4_notice.pdf", "pdf", [("site-engineer", NOTICE_ENG), ("soe-accountant", NOTICE_FIN)]),
    ("heldout4_wechat.txt", "txt", [("live-ops", LIVE_OPS), ("video-editor", VIDEO_EDITOR)]),
]  # fmt: skip

_NUM = re.compile(
    r"^\s*(?:\(?\d{1,2}\)|\d{1,2}\s*[、.．]|（\d{1,2}）|[①-⑳]|[-*•·]|[一二三四五六七八九十]+、)\s*"
)


def _lines(tagged: str) -> list[tuple[str, str]]:
    out = []
    for raw in tagged.splitlines():
        tag, _, text = raw.partition("|")
        out.append((tag, text))
    return out


def _item(text: str) -> str:
    return _NUM.sub("", text).strip()


def gold_of(tagged: str, pid: str) -> dict[str, object]:
    g: dict[str, list[str]] = {"duties": [], "requirements": [], "preferred": [], "noise": []}
    title = ""
    last: list[str] | None = None
    for tag, text in _lines(tagged):
        if tag == "T":
            head = r"^(?:[一二三四五六七八九十]+、)?(?:岗位\d+|招聘岗位|职位名称|岗位名称|招聘"
            head += r"|職位)[:：]"
            text = re.sub(r"^（[一二三四五六七八九十]+）", "", text)  # （一）X（2名）
            title = re.sub(head, "", re.sub(r"^[^\w【]+", "", text)).strip()
            title = re.sub(r"^【[^】]*】|\s+\d[\d\-~]*元/月$", "", title).strip()
            title = re.sub(r"\s*[|｜].*$|（\d+名）$", "", title)  # X | 12-18K, X（2名）
            last = None
        elif tag == "D":
            g["duties"].append(_item(text))
            last = g["duties"]
        elif tag in ("R", "P"):
            g["requirements"].append(_item(text))
            if tag == "P":
                g["preferred"].append(_item(text))
            last = g["requirements"]
        elif tag == "RS":
            g["requirements"] += [p.strip() for p in text.split("；") if p.strip()]
            last = None
        elif tag == "+":
            assert last is not None
            last[-1] += text.strip()
        elif tag == "N":
            g["noise"].append(text.strip())
    return {"id": pid, "title": title, **g}


def freeze_zip(path: Path, when: tuple[int, int, int, int, int, int]) -> None:
    """Rewrite a .docx/.xlsx with fixed entry and document dates ``when`` (reruns of a
    batch's script give the same bytes)."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    stamp = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*when).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                    lambda m: m.group(1) + stamp,
                    data,
                )
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    path.write_bytes(buf.getvalue())


def plain(tagged: str) -> str:
    return "\n".join(text for _, text in _lines(tagged))


def write_docx(path: Path, text: str) -> None:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    for tag, line in _lines(text):
        p = d.add_paragraph()
        run = p.add_run(line)
        if tag in ("T", "H"):
            run.bold = True
            run.font.size = Pt(14 if tag == "T" else 12)
    d.save(str(path))


def write_pdf(path: Path, text: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    y = 800
    for tag, line in _lines(text):
        size = 14 if tag == "T" else 11
        c.setFont("STSong-Light", size)
        c.drawString(50, y, line)
        y -= size + 9
    c.save()


def write_docx_list(path: Path, text: str) -> None:
    """Word's own list styles: the numbers are not in the text."""
    import docx

    d = docx.Document()
    for tag, line in _lines(text):
        if tag == "T":
            d.add_heading(line, level=1)
        elif tag == "H":
            d.add_heading(line, level=2)
        else:
            d.add_paragraph(line, style="List Number" if tag == "D" else "List Bullet")
    d.save(str(path))


def write_pdf_columns(path: Path, text: str) -> None:
    """A flyer: title on top, duties in the left column, requirements in the right."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    lines = _lines(text)
    c.setFont("STSong-Light", 18)
    c.drawString(60, 790, lines[0][1])
    split = next(i for i, (tag, t) in enumerate(lines) if tag == "H" and i > 1)
    for x, block in ((60, lines[1:split]), (320, lines[split:-1])):
        y = 740
        for _tag, t in block:
            c.setFont("STSong-Light", 10)
            c.drawString(x, y, t)
            y -= 20
    c.setFont("STSong-Light", 9)
    c.drawString(60, 560, lines[-1][1])
    c.save()


def one_paragraph(text: str) -> str:
    """A 58-style post: the title line, then everything run together in one paragraph."""
    lines = _lines(text)
    return lines[0][1] + "\n" + "".join(t for _, t in lines[1:-1]) + " " + lines[-1][1]


def write_html(path: Path, text: str) -> None:
    lines = _lines(text)
    nav = [t for tag, t in lines[:6]]
    body = lines[6:]
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8"><title>在线客服专员-云帆数科招聘</title>',
        "<style>.nav li{display:inline}</style></head><body>",
        '<nav class="nav"><ul>'
        + "".join(f"<li><a href='#'>{t}</a></li>" for t in nav[:4])
        + "</ul>",
        f"<div class='user'>{nav[4]}</div></nav>",
        f"<div class='breadcrumb'>{nav[5].replace('>', '&gt;')}</div>",
        "<div class='job-detail'>",
    ]
    i = 0
    while i < len(body):
        tag, t = body[i]
        if tag == "T":
            out.append(f"<h1>{t}</h1>")
        elif tag == "H":
            out.append(f"<h3>{t}</h3>")
            items = []
            while i + 1 < len(body) and body[i + 1][0] in ("D", "R", "P"):
                i += 1
                items.append(body[i][1])
            out.append("<p>" + "<br>\n".join(items) + "</p>")
        elif t in ("立即申请", "分享", "收藏"):
            out.append(f"<button class='btn'>{t}</button>")
        elif t == "相似职位":
            out.append(f"</div><aside class='recommend'><h4>{t}</h4>")
        elif t.startswith("电话客服"):
            out.append(f"<ul><li><a href='#'>{t}</a></li></ul></aside>")
        elif t.startswith("版权"):
            out.append(f"<footer>{t}</footer>")
        else:
            out.append(f"<p class='meta'>{t}</p>")
        i += 1
    out.append("</body></html>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_boss_html(path: Path, text: str) -> None:
    lines = _lines(text)
    out = ['<html><head><meta charset="utf-8"><title>财务分析师招聘</title></head><body>']
    out.append('<div class="nav-menu"><ul>' + "".join(
        f'<li><a href="#">{t}</a></li>' for _, t in lines[:4]) + "</ul></div>")  # fmt: skip
    out.append(f'<div class="job-banner"><div class="name"><h1>{lines[4][1]}</h1>'
               f'<span class="salary">{lines[5][1]}</span></div>'
               f"<p>{lines[6][1].replace(' ', '<em class=vline></em>')}</p></div>")  # fmt: skip
    body = [t for tag, t in lines[8:] if tag in ("D", "R", "P")]
    out.append(f'<div class="job-sec"><h3>{lines[7][1]}</h3>')
    out.append('<div class="job-sec-text">' + "<br/>".join(body) + "</div></div>")
    tail = [t for _, t in lines[8 + len(body) :]]
    out.append('<div class="sider-company"><p>' + tail[0] + "</p>")
    out.append("".join(f"<p>{t}</p>" for t in tail[1:]) + "</div></body></html>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_docx_table(path: Path, posts: list[tuple[str, str]]) -> None:
    """One Word table, a row per role: 岗位名称 | 人数 | 岗位职责 | 任职资格.

    Lines before the first role and after the last one's items are paragraphs
    around the table. The first row's cells hold one paragraph per item, the
    second's one paragraph with line breaks, the rest one paragraph per item.
    """
    import docx

    d = docx.Document()
    tail: list[str] = []
    rows = []
    for k, (_pid, tagged) in enumerate(posts):
        lines = _lines(tagged)
        first = next(i for i, (tag, _) in enumerate(lines) if tag == "T")
        if k == 0:
            for _tag, t in lines[:first]:
                d.add_paragraph(t)
        cells: dict[str, list[str]] = {"T": [], "N": [], "D": [], "R": []}
        for tag, t in lines[first:]:
            if tag == "N" and cells["D"]:
                tail.append(t)
            else:
                cells["R" if tag == "P" else tag].append(t)
        rows.append(cells)
    table = d.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    heads = ("岗位名称", "人数", "岗位职责", "任职资格")
    for cell, head in zip(table.rows[0].cells, heads, strict=True):
        cell.text = head
    for k, cells in enumerate(rows):
        row = table.add_row().cells
        row[0].text = cells["T"][0]
        row[1].text = "".join(cells["N"])
        for cell, items in ((row[2], cells["D"]), (row[3], cells["R"])):
            if k == 1:
                cell.text = "\n".join(items)
            else:
                cell.text = items[0]
                for item in items[1:]:
                    cell.add_paragraph(item)
    for t in tail:
        d.add_paragraph(t)
    d.save(str(path))


def write_pdf_wrapped(path: Path, text: str) -> None:
    """A notice typeset in a narrow column: long lines wrap, pages carry a number."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, page = 300.0, 1
    y = 780.0

    def footer() -> None:
        c.setFont("STSong-Light", 9)
        c.drawString(280, 40, f"— {page} —")

    for tag, line in _lines(text):
        size = 13 if tag == "T" else 11
        rest = line
        while rest:
            n = len(rest)
            while pdfmetrics.stringWidth(rest[:n], "STSong-Light", size) > width:
                n -= 1
            if y < 80:
                footer()
                c.showPage()
                page, y = page + 1, 780.0
            c.setFont("STSong-Light", size)
            c.drawString(90, y, rest[:n])
            rest = rest[n:]
            y -= size + 8
    footer()
    c.save()


def write_page_html(path: Path, text: str) -> None:
    """A plain careers page: <h1> title, <h2> headings, <ol> items, <p> the rest."""
    out = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
           "<title>Careers 加入我们</title></head><body><main>"]  # fmt: skip
    items: list[str] = []
    for tag, t in _lines(text) + [("N", "")]:
        if tag in ("D", "R", "P"):
            items.append(f"<li>{_item(t)}</li>")
            continue
        if items:
            out.append("<ol>" + "".join(items) + "</ol>")
            items = []
        if tag == "T":
            out.append(f"<h1>{t}</h1>")
        elif tag == "H":
            out.append(f"<h2>{t}</h2>")
        elif t:
            out.append(f"<p>{t}</p>")
    out.append("</main></body></html>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def export_text(tagged: str, glue: bool) -> str:
    body = [t for tag, t in _lines(tagged) if tag != "T"]
    if glue:  # the job board flattened the text into one line
        return " ".join(body)
    return "<br>".join(body)


def main() -> None:
    gold = {}
    for name, layout, posts in POSTINGS + HELDOUT + HELDOUT2 + HELDOUT3 + HELDOUT4:
        path = HERE / name
        text = "\n".join(t for _, t in posts)
        if name.startswith("heldout4_table"):
            write_docx_table(path, posts)
        elif name.startswith("heldout4_notice"):
            write_pdf_wrapped(path, text)
        elif name.startswith("heldout4_bilingual"):
            write_page_html(path, text)
        elif name.startswith("heldout3_wordlist"):
            write_docx_list(path, text)
        elif layout == "docx":
            write_docx(path, text)
        elif name.startswith("heldout3_flyer"):
            write_pdf_columns(path, text)
        elif layout == "pdf":
            write_pdf(path, text)
        elif name.startswith("heldout3_onepara"):
            path.write_text(one_paragraph(text) + "\n", encoding="utf-8")
        elif layout == "html" and name.startswith("heldout2"):
            write_boss_html(path, text)
        elif layout == "html":
            write_html(path, text)
        elif layout == "csv":
            buf = io.StringIO()
            w = csv.writer(buf)
            w.writerow(["job_id", "职位名称", "职位描述", "工作城市", "发布日期"])
            for k, (pid, t) in enumerate(posts):
                title = gold_of(t, pid)["title"]
                w.writerow(
                    [f"JC{2026100 + k}", title, export_text(t, glue=True), "江州", "2026-10-12"]
                )
            path.write_text(buf.getvalue(), encoding="utf-8-sig")
        elif layout == "jsonl":
            recs = []
            for pid, t in posts:
                title = gold_of(t, pid)["title"]
                recs.append(
                    json.dumps(
                        {"jobName": title, "company": "某招聘平台企业", "salary": "面议",
                         "jobDesc": export_text(t, glue=False)},
                        ensure_ascii=False,
                    )
                )  # fmt: skip
            path.write_text("\n".join(recs) + "\n", encoding="utf-8")
        else:
            path.write_text(plain(text) + "\n", encoding="utf-8")
        gold[name] = {
            "layout": layout,
            "heldout": any(name == h[0] for h in HELDOUT + HELDOUT2 + HELDOUT3 + HELDOUT4),
            "postings": [gold_of(t, pid) for pid, t in posts],
        }
    (HERE / "gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
