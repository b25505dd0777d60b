"""Held-out batch 12: write its posting files and add their gold to ``gold.json``.

Written blind, by a helper that read neither the parser nor its vocabulary nor
the tests, and never ran the importer on these files: layouts the first eleven
batches do not have.

- ``textbox.docx``: a supermarket chain's flyer made in WPS, each post in its own
  text box (``mc:AlternateContent``: a ``wps:txbx`` with a VML ``v:textbox``
  fallback holding the same paragraphs); the company line and contact lines are
  ordinary paragraphs around the boxes.
- ``circled.xlsx``: a hospital's 招聘计划表, one post a row, its duties and its
  requirements each in ONE cell numbered ①②③, as Alt-Enter lines in one row and
  run together without a break in the other; a merged title row, a merged note.
- ``nested.html``: a school's careers page, sections as ``<ul><li>`` two levels
  deep (the outer item the heading, the inner items the list), a navigation menu
  nested the same way.
- ``liepin.txt``: a 猎聘 page copied as text, 【岗位职责】1、…2、…【任职要求】1、…
  【加分项】… all on one line.
- ``runin.docx``: a 国企 公告 whose posts are (一)(二) sections, 岗位职责：/任职资格：
  run in with the first item (bold label, same paragraph), the other items as
  paragraphs below; a numbered 招聘程序 after the posts.
- ``slash.txt``: a restaurant's group message, each section's items on the
  heading's line, separated by " / " in one post and "/" in the other.
- ``camel.json``: an HR system's API export (``{"code", "msg", "data": {"rows"}}``),
  camelCase keys: ``postName``, ``jobContent`` / ``jobCondition`` / ``bonusPoint``
  arrays, ``welfare`` array, ``companyIntro``.
- ``reply.txt``: an e-mail reply whose JD sits in the quoted message, every line
  prefixed ``> ``.
- ``indent.txt``: a township government's 公告 copied from Word, every paragraph
  indented with two full-width spaces, the signature pushed right with them.
- ``spaced.pdf``: a battery maker's 招聘简章 whose headings are letter-spaced
  (岗 位 职 责), ◆ bullets, two items wrapped to a second line, ◆ bullets in the
  benefits too, a header and a footer.

Tags as in ``make_postings11.py`` (``T|`` title, ``H|`` heading, ``D|`` duty,
``R|`` requirement, ``P|`` preferred requirement, ``N|`` noise, ``+|`` a wrapped
line continuing the item above), and ``B|``: a spacer line in the file (a bare
``>``), in no list. A gold item is the item without its number, bullet or ``> ``
quote marker. Each posting's title is written out (``title``). The other
batches' files and gold are left as they are; the .docx and .xlsx files are
written with fixed zip and document dates, so a rerun gives the same bytes.
Everything is invented; phones are masked, mail is @example.com.

Run from the repository root: ``python benchmarks/data/postings/make_postings12.py``.
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
# 1. A supermarket chain's WPS flyer (.docx): each post in a text box.
TB_HEAD = """\
N|鲜邻里超市2026年冬季门店招聘
N|鲜邻里超市扎根江州十二年，现有直营门店46家。因新店陆续开业，诚邀您的加入！
"""
TB_STORE = """\
T|门店店长
N|招聘人数：3人　薪资：8000-12000元/月
H|【岗位职责】
D|1.全面负责门店的日常运营管理，完成销售、毛利及损耗指标；
D|2.负责门店人员的排班、培训与考核，带领团队提升服务质量；
D|3.监督商品陈列、价格标签及食品安全管理，确保符合公司标准；
D|4.处理顾客投诉及突发事件，维护门店良好形象。
H|【任职要求】
R|1.大专及以上学历，3年以上超市或便利店管理经验；
R|2.熟悉生鲜、食品、日化等品类的运营管理；
R|3.能熟练使用办公软件及收银、进销存系统；
R|4.能适应节假日轮休。
"""
TB_FRESH = """\
T|生鲜主管
N|招聘人数：5人　薪资：6000-8000元/月
H|【岗位职责】
D|1.负责果蔬、肉禽、水产等生鲜区域的订货、验收和陈列；
D|2.控制生鲜损耗，做好每日盘点和晚间出清打折；
D|3.指导员工做好加工间卫生和冷柜温度记录。
H|【任职要求】
R|1.高中及以上学历，2年以上超市生鲜部门工作经验；
R|2.持有健康证，吃苦耐劳，能早班6:30到岗；
P|3.有连锁超市生鲜主管经验者优先。
"""
TB_TAIL = """\
N|【福利待遇】五险一金、节日福利、员工购物九五折、带薪年假
N|面试地点：江州市青山湖区北京东路某号鲜邻里总部三楼
N|联系电话：138****1234（刘经理）
"""

# ---------------------------------------------------------------------------
# 2. A hospital's 招聘计划表 (.xlsx): one post a row; its duties and its
#    requirements each in ONE cell numbered ①②③ (Alt-Enter lines in the first
#    row, run together in the second). Tagged per post: T title cell, N 科室,
#    N 人数, items, N 备注.
XL_HEAD = "N|江州市第二人民医院2027年度编外专业技术人员招聘计划表\n"
XL_REHAB = """\
T|康复治疗师
N|康复医学科
N|2
D|①负责脑卒中、骨科术后等患者的运动功能评定和康复训练；
D|②制定个体化康复治疗方案，记录治疗过程并评估疗效；
D|③指导患者及家属进行居家康复训练；
D|④参与科室康复宣教和社区义诊活动。
R|①康复治疗学专业，全日制本科及以上学历；
R|②取得康复医学治疗技术（士）及以上资格证书；
R|③具有二级及以上医院康复科1年以上工作经历；
P|④有神经康复或儿童康复工作经验者优先。
N|需参加技能操作考核
"""
XL_PHARM = """\
T|药师（门诊药房）
N|药剂科
N|1
D|①负责门诊处方审核、调配与发药，开展用药咨询；
D|②负责药品的请领、验收、养护和效期管理；
D|③参与药品不良反应监测与上报。
R|①药学专业，大专及以上学历；
R|②具有药师及以上专业技术资格；
R|③能适应夜班及节假日值班。
N|限江州市户籍
"""
XL_TAIL = "N|注：1.报名截止时间为2026年12月20日；2.咨询电话：0791-8***-3321（人事科）。\n"
XL_JOIN = {"b12-rehab-therapist": "\n", "b12-pharmacist": ""}

# ---------------------------------------------------------------------------
# 3. A school's careers page (.html): sections as nested <ul><li>; the menu is a
#    nested <ul> too.
HT_MENU = [
    ("首页", []),
    ("学校概况", ["学校简介", "校长寄语"]),
    ("人才招聘", ["社会招聘", "校园招聘"]),
    ("联系我们", []),
]
HT_NAV = "".join(f"N|{t}\n" for top, subs in HT_MENU for t in [top, *subs])
HT_NAV += "N|当前位置：首页 > 人才招聘 > 社会招聘\n"
HT_POST = """\
T|小学英语教师（中教）
N|发布时间：2026-11-15　工作地点：江州市红谷滩区　薪资：面议
H|岗位职责
D|负责小学三至六年级英语课堂教学，完成教学计划和课时任务；
D|参与年级组集体备课和英语学科教研活动；
D|组织英语戏剧节、英语角等校园活动；
D|与家长保持沟通，及时反馈学生学习情况。
H|任职要求
R|英语、英语教育相关专业本科及以上学历；
R|持有小学或以上英语教师资格证，英语专业八级或雅思7分以上；
R|2年以上小学英语教学经验，普通话二级甲等及以上；
P|有剑桥少儿英语（YLE）或PYP课程教学经验者优先。
H|我们提供
N|具有竞争力的薪酬与寒暑假带薪假期
N|教职工子女入读本校学费减免
N|完善的教师培训与海外研修机会
"""
HT_TAIL = """\
N|应聘方式：请将个人简历及教师资格证扫描件发送至 hr@boya-school.example.com，邮件标题注明“应聘岗位+姓名”。
N|© 2026 江州博雅双语学校 版权所有　赣ICP备00000000号-1
"""

# ---------------------------------------------------------------------------
# 4. A 猎聘 page copied as text (.txt): the whole JD (headings and items) on one
#    line.
LIEPIN = """\
T|数据产品经理
N|25-40k·15薪
N|上海-浦东新区 | 本科 | 5-10年
N|五险一金 年终奖金 弹性工作 免费班车
N|职位介绍
H|【岗位职责】
D|1、负责公司电商平台数据产品的规划与设计，包括经营分析平台、用户画像和标签系统；
D|2、深入业务一线，梳理商家和运营团队的数据需求，输出PRD并推动研发落地；
D|3、建设数据指标体系，统一指标口径，提升数据治理水平；
D|4、跟踪产品上线效果，持续迭代优化。
H|【任职要求】
R|1、本科及以上学历，计算机、统计学等相关专业；
R|2、5年以上数据产品经验，有电商或零售行业背景；
R|3、熟练使用SQL，了解数仓建模及Hive、ClickHouse等大数据组件；
R|4、具备良好的逻辑思维和跨部门沟通能力。
H|【加分项】
P|有CDP或推荐系统产品经验者优先。
N|其他信息
N|所属部门：数据中台部
N|汇报对象：数据产品总监
N|企业介绍
N|云栈科技是一家专注于零售行业数字化的SaaS服务商，服务超过3000家连锁品牌。
N|立即沟通
N|举报该职位
"""

# ---------------------------------------------------------------------------
# 5. A public-transport SOE's 公告 (.docx): (一)(二) posts, the section label run
#    in with the first item (an H line is written with the line after it as one
#    paragraph), a numbered 招聘程序.
RUNIN_HEAD = """\
N|江州公交集团有限公司2026年公开招聘工作人员公告
N|江州公交集团有限公司是江州市属国有独资企业，主要承担中心城区公共交通运营服务。根据企业发展需要，现面向社会公开招聘工作人员，有关事项公告如下：
N|一、招聘岗位及条件
"""
RUNIN_IT = """\
T|(一)智能调度系统运维岗(1名)
H|岗位职责：
D|1.负责智能公交调度系统、车载终端及场站网络设备的日常运维；
D|2.负责系统故障的排查处理，做好运维记录和故障统计分析；
D|3.配合开展电子站牌、客流统计等信息化项目建设。
H|任职资格：
R|1.全日制本科及以上学历，计算机、通信工程等相关专业；
R|2.2年以上信息系统运维工作经验，熟悉Linux操作系统和常用网络设备配置；
R|3.年龄35周岁以下（1990年12月1日以后出生）；
P|4.具有中级及以上专业技术职称者优先。
N|薪酬待遇：年薪约10-13万元。
"""
RUNIN_SAFETY = """\
T|(二)安全管理岗(2名)
H|岗位职责：
D|1.负责车队安全生产检查，督促落实安全生产责任制；
D|2.组织驾驶员安全教育培训和应急演练；
D|3.参与交通事故的现场处置、调查分析和理赔工作。
H|任职资格：
R|1.大专及以上学历，安全工程、交通运输等相关专业；
R|2.持有注册安全工程师证书或安全生产管理人员合格证；
R|3.3年以上道路运输或公交企业安全管理工作经验；
R|4.年龄40周岁以下。
N|薪酬待遇：年薪约9-11万元。
"""
RUNIN_TAIL = """\
N|二、报名方式
N|应聘人员请于2026年12月10日前将《应聘报名表》及相关证明材料扫描件发送至 jzbus_hr@example.com，邮件主题注明“应聘岗位+姓名”。
N|三、招聘程序
N|1.资格审查；
N|2.笔试、面试；
N|3.体检、考察及公示。
N|四、其他事项
N|本次招聘不收取任何费用。咨询电话：0791-8***-6021（周一至周五工作时间）。
N|江州公交集团有限公司
N|2026年11月20日
"""

# ---------------------------------------------------------------------------
# 6. A restaurant's group message (.txt): each section's items on the heading's
#    line, " / " between them in the first post, "/" in the second.
SLASH_WAITER = """\
N|【蜀香源火锅·红谷滩万达店】招人啦！新店开业，岗位多多～
T|岗位一：楼面服务员
N|薪资：4500-6000元/月（底薪+提成+全勤奖）
H|工作内容：
D|迎宾带位、点单
D|上菜、加汤、换骨碟
D|收台翻台
D|配合领班完成开档、收档工作
H|要求：
R|18-40岁，男女不限
R|身体健康，能办理健康证
R|服务意识好，能接受早晚轮班
P|有火锅店工作经验者优先
"""
SLASH_KITCHEN = """\
T|岗位二：后厨切配工
N|薪资：5000-6500元/月
H|工作内容：
D|洗菜择菜
D|荤素菜品切配摆盘
D|冻品解冻和分装
D|后厨卫生清洁
H|要求：
R|50岁以下
R|吃苦耐劳，手脚麻利
P|会刀工者优先
N|福利：包吃包住 / 月休4天 / 满3个月缴社保 / 生日福利
N|面试时间：每天14:00-16:30，直接到店找王店长
N|地址：江州市红谷滩区会展路万达广场3楼3F-08
N|电话：139****5678（微信同号）
"""
SLASH_SEP = {"b12-hotpot-waiter": " / ", "b12-kitchen-prep": "/"}

# ---------------------------------------------------------------------------
# 7. An HR system's API export (.json), camelCase keys. Tagged per post: T
#    postName, N companyIntro, items, N welfare items, N contact (the last N).
CAMEL_SORT = """\
T|分拣中心运营主管
N|江州速达供应链管理有限公司成立于2011年，是华中地区领先的快递转运和仓配一体化服务商。
D|负责分拣中心夜班生产的组织与调度，确保快件按时效分拣发运
D|监控分拣线设备运行状态，协调设备部门处理故障
D|管理分拣、装卸班组共约60人，负责排班、考勤和绩效
D|分析错分率、滞留率等质量指标，推动流程改善
R|大专及以上学历，物流管理相关专业
R|3年以上快递或电商仓配中心现场管理经验
R|能长期适应夜班工作
R|熟练使用Excel，具备基本的数据分析能力
P|有自动化交叉带分拣线管理经验者优先
N|五险一金
N|夜班补贴
N|免费住宿
N|张先生 137****2468
"""
CAMEL_DRIVER = """\
T|干线运输司机（A2）
N|江州速达供应链管理有限公司成立于2011年，是华中地区领先的快递转运和仓配一体化服务商。
D|1.负责江州至周边城市的干线运输，按时完成甩挂运输任务；
D|2.出车前做好车辆例行检查，填写行车记录；
D|3.遵守交通法规和公司安全制度，确保货物及车辆安全。
R|1.持A2驾驶证，3年以上重型牵引车驾驶经验；
R|2.年龄50周岁以下，无重大交通事故记录；
R|3.持有道路货物运输从业资格证。
N|五险一金
N|出车补贴
N|张先生 137****2468
"""
CAMEL_META = {
    "b12-sort-center-lead": ("P20261108", "江州转运中心", "江州市临空经济区", "9000-13000", 2),
    "b12-trunk-driver": ("P20261112", "运输管理部", "江州市临空经济区", "8000-12000", 5),
}

# ---------------------------------------------------------------------------
# 8. An e-mail reply (.txt): the JD is in the quoted message, "> " before
#    every line.
REPLY = """\
N|王顾问：
N|JD没问题，可以按这个版本发布。候选人最好有主机厂供应商管理经验。
N|周敏
N|江州锐驰汽车零部件有限公司 人力资源部
N|电话：186****3377
|
N|在 2026年11月16日 15:12，王磊 <wanglei@talentbridge.example.com> 写道：
N|> 周经理您好，
N|> 根据昨天电话沟通，JD整理如下，请确认：
B|>
T|> 职位：供应商质量工程师（SQE）
N|> 工作地点：江州经开区
B|>
H|> 岗位职责：
D|> 1. 负责新供应商的质量体系审核和过程审核（VDA 6.3）；
D|> 2. 主导供应商PPAP审批，跟进样件认可和量产爬坡；
D|> 3. 处理来料质量问题，推动供应商完成8D整改并验证效果；
D|> 4. 定期对供应商进行绩效评价，输出月度质量报告。
B|>
H|> 任职要求：
R|> 1. 本科及以上学历，机械、材料或车辆工程相关专业；
R|> 2. 3年以上汽车零部件行业SQE或质量工程师经验；
R|> 3. 熟悉IATF 16949及APQP、PPAP、FMEA等五大工具；
R|> 4. 能适应短期出差（约30%）；
P|> 5. 持有VDA 6.3审核员证书者优先。
B|>
N|> 如有需要调整的地方请告诉我。
N|> 王磊 | 桥才人力 高级顾问
N|> 137****9021
"""

# ---------------------------------------------------------------------------
# 9. A township government's 公告 (.txt) copied from Word: two full-width
#    spaces before every paragraph, the signature pushed right with them.
INDENT = """\
N|江州市青山湖区湖坊镇人民政府
N|2026年公开招聘编外聘用人员公告
N|　　根据工作需要，经研究决定，湖坊镇人民政府面向社会公开招聘编外聘用人员1名。现将有关事项公告如下：
N|　　一、招聘岗位
T|　　岗位名称：便民服务中心综合窗口受理员（1名）
H|　　岗位职责：
D|　　1.负责社保、医保、民政、残联等事项的窗口受理和咨询解答；
D|　　2.负责办件材料的审核、录入、流转和归档；
D|　　3.协助开展政务服务“一网通办”的宣传推广；
D|　　4.完成领导交办的其他工作。
H|　　任职条件：
R|　　1.具有中华人民共和国国籍，遵守宪法和法律，品行端正；
R|　　2.大专及以上学历，专业不限；
R|　　3.年龄18周岁以上、35周岁以下；
R|　　4.熟练操作计算机，具有较好的文字表达和沟通能力；
P|　　5.具有政务服务窗口工作经历者优先。
N|　　二、薪酬待遇
N|　　月工资约3800元（含绩效），按规定缴纳五险一金。
N|　　三、报名方式
N|　　报名时间：2026年12月1日至12月7日（工作日上午8:30-12:00，下午14:30-17:30）。
N|　　报名地点：湖坊镇人民政府党政办（二楼203室）。
N|　　咨询电话：0791-8***-7712
N|　　四、招聘程序
N|　　（一）资格审查；（二）面试；（三）体检与考察；（四）公示与聘用。
N|　　　　　　　　　　　　　　　　　　　　湖坊镇人民政府
N|　　　　　　　　　　　　　　　　　　　　2026年11月25日
"""

# ---------------------------------------------------------------------------
# 10. A battery maker's 招聘简章 (.pdf): letter-spaced headings, ◆ bullets, two
#     items wrapped (+|), ◆ benefits, a header and a footer.
PDF_HEADER = "N|江州储能科技股份有限公司　　　　　　　　　　2026年社会招聘简章\n"
PDF_POST = """\
N|江州储能科技股份有限公司成立于2015年，专注于储能电池及电池管理系
N|统的研发与制造，是国家级专精特新“小巨人”企业，现因业务发展需要
N|诚聘以下人才。
T|电芯工艺工程师
N|工作地点：江州市经开区　　学历：本科及以上　　薪资：10-16K（14薪）
H|岗 位 职 责
D|◆ 负责方形铝壳电芯涂布、辊压、分切等前段工序的工艺参数制定与优
+|化，编写作业指导书（SOP）；
D|◆ 跟踪产线良率和关键质量特性（CTQ），分析异常原因并推动改善；
D|◆ 参与新产品导入（NPI）的工艺验证和试产总结；
D|◆ 对产线操作员进行工艺培训，指导现场规范作业。
H|任 职 要 求
R|◆ 本科及以上学历，化学、材料、电化学等相关专业；
R|◆ 2年以上锂电池电芯制造工艺工作经验，熟悉前段工序设备及工艺原
+|理；
R|◆ 熟悉DOE、SPC等质量工具，能独立完成数据分析和报告；
P|◆ 有储能或动力电池头部企业工作经验者优先。
H|福 利 待 遇
N|◆ 五险一金、年终奖、项目奖金
N|◆ 免费班车、员工宿舍、三餐补贴
N|简历投递：hr@jzess.example.com　　招聘热线：0791-8***-2605
"""
PDF_FOOTER = "N|第 1 页 共 1 页\n"

# (file, layout, [(id, title, tagged)]); a page's head goes to the first
# posting's noise, its tail to the last one's.
HELDOUT12 = [
    ("heldout12_textbox.docx", "docx",
     [("b12-store-manager", "门店店长", TB_HEAD + TB_STORE),
      ("b12-fresh-supervisor", "生鲜主管", TB_FRESH + TB_TAIL)]),
    ("heldout12_circled.xlsx", "xlsx",
     [("b12-rehab-therapist", "康复治疗师", XL_HEAD + XL_REHAB),
      ("b12-pharmacist", "药师（门诊药房）", XL_PHARM + XL_TAIL)]),
    ("heldout12_nested.html", "html",
     [("b12-primary-english", "小学英语教师（中教）", HT_NAV + HT_POST + HT_TAIL)]),
    ("heldout12_liepin.txt", "txt", [("b12-data-pm", "数据产品经理", LIEPIN)]),
    ("heldout12_runin.docx", "docx",
     [("b12-dispatch-it", "智能调度系统运维岗", RUNIN_HEAD + RUNIN_IT),
      ("b12-bus-safety", "安全管理岗", RUNIN_SAFETY + RUNIN_TAIL)]),
    ("heldout12_slash.txt", "txt",
     [("b12-hotpot-waiter", "楼面服务员", SLASH_WAITER),
      ("b12-kitchen-prep", "后厨切配工", SLASH_KITCHEN)]),
    ("heldout12_camel.json", "json",
     [("b12-sort-center-lead", "分拣中心运营主管", CAMEL_SORT),
      ("b12-trunk-driver", "干线运输司机（A2）", CAMEL_DRIVER)]),
    ("heldout12_reply.txt", "txt", [("b12-sqe", "供应商质量工程师（SQE）", REPLY)]),
    ("heldout12_indent.txt", "txt", [("b12-service-window", "便民服务中心综合窗口受理员", INDENT)]),
    ("heldout12_spaced.pdf", "pdf",
     [("b12-cell-process", "电芯工艺工程师", PDF_HEADER + PDF_POST + PDF_FOOTER)]),
]  # fmt: skip

_MARK = re.compile(r"^\s*(?:>\s*)+|^\s*[◆■●▶★]\s*")


def _clean(item: str) -> str:
    """An item as imported: no quote marker, bullet or number."""
    return _NUM.sub("", _MARK.sub("", item)).strip()


def _gold(pid: str, title: str, tagged: str) -> dict[str, object]:
    g = gold_of(tagged, pid)
    g["title"] = title
    for key in ("duties", "requirements", "preferred"):
        g[key] = [_clean(t) for t in g[key]]
    return g


# --- 1. text boxes ----------------------------------------------------------
_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)


def _wp(text: str, bold: bool = False, size: int | None = None) -> str:
    rpr = '<w:rFonts w:hint="eastAsia"/>' + ("<w:b/>" if bold else "")
    if size:
        rpr += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    t = html.escape(text, quote=False)
    return f'<w:p><w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{t}</w:t></w:r></w:p>'


def _textbox_run(k: int, tagged: str) -> str:
    paras = []
    for tag, t in _lines(tagged):
        if tag == "T":
            paras.append(_wp(t, bold=True, size=32))
        else:
            paras.append(_wp(t, bold=tag == "H"))
    content = "<w:txbxContent>" + "".join(paras) + "</w:txbxContent>"
    cx, cy = 5400000, 300000 * (len(paras) + 1)
    return (
        f'<w:r {_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{251659264 + k}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapTopAndBottom/><wp:docPr id="{k + 1}" name="文本框 {k + 1}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:ln w="12700"><a:solidFill><a:srgbClr val="2E7D32"/></a:solidFill></a:ln></wps:spPr>'
        f"<wps:txbx>{content}</wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"/>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict>"
        f'<v:shape id="文本框 {k + 1}" o:spid="_x0000_s{1026 + k}" type="#_x0000_t202" '
        f'style="position:absolute;margin-left:0;margin-top:0;width:425.2pt;height:{cy / 12700:.1f}pt;z-index:{251659264 + k}" '
        'strokecolor="#2E7D32" strokeweight="1pt">'
        f"<v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def write_textbox_docx(path: Path) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.shared import Pt

    d = docx.Document()
    head = [t for _, t in _lines(TB_HEAD)]
    p = d.add_paragraph()
    r = p.add_run(head[0])
    r.bold, r.font.size = True, Pt(18)
    d.add_paragraph(head[1])
    for k, box in enumerate((TB_STORE, TB_FRESH)):
        p = d.add_paragraph()
        p._p.append(parse_xml(_textbox_run(k, box)))
    for _, t in _lines(TB_TAIL):
        d.add_paragraph(t)
    d.save(str(path))
    freeze_zip(path, (2026, 11, 20, 8, 0, 0))


# --- 2. one row a post ------------------------------------------------------
def write_circled_xlsx(path: Path, posts: list[tuple[str, str, str]]) -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "招聘计划"
    ws.append([_lines(XL_HEAD)[0][1]])
    ws.merge_cells("A1:G1")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(["序号", "招聘科室", "岗位名称", "招聘人数", "岗位职责", "任职要求", "备注"])
    for k, (pid, _title, tagged) in enumerate(posts, 1):
        lines = _lines(tagged.replace(XL_HEAD, "").replace(XL_TAIL, ""))
        title = next(t for tag, t in lines if tag == "T")
        dept, count, remark = [t for tag, t in lines if tag == "N"]
        sep = XL_JOIN[pid]
        duties = sep.join(t for tag, t in lines if tag == "D")
        reqs = sep.join(t for tag, t in lines if tag in ("R", "P"))
        ws.append([k, dept, title, int(count), duties, reqs, remark])
        for col in "EF":
            ws[f"{col}{k + 2}"].alignment = Alignment(wrap_text=True, vertical="top")
    row = len(posts) + 3
    ws.cell(row=row, column=1, value=_lines(XL_TAIL)[0][1])
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
    for col, width in zip("ABCDEFG", (6, 12, 16, 9, 48, 44, 16), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(str(path))
    freeze_zip(path, (2026, 11, 20, 8, 0, 0))


# --- 3. nested lists --------------------------------------------------------
def write_nested_html(path: Path) -> None:
    crumb = _lines(HT_NAV)[-1][1]
    menu = []
    for top, subs in HT_MENU:
        sub = "".join(f'<li><a href="#">{s}</a></li>' for s in subs)
        menu.append(
            f'<li><a href="#">{top}</a>' + (f'<ul class="sub">{sub}</ul>' if sub else "") + "</li>"
        )
    lines = _lines(HT_POST)
    title = lines[0][1]
    meta = lines[1][1]
    sections: list[tuple[str, list[str]]] = []
    for tag, t in lines[2:]:
        if tag == "H":
            sections.append((t, []))
        elif tag:
            sections[-1][1].append(t)
    apply_line, foot = (t for _, t in _lines(HT_TAIL))
    out = [
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{title} - 江州博雅双语学校</title></head><body>",
        '<nav><ul class="menu">',
        *menu,
        "</ul></nav>",
        f'<div class="crumb">{html.escape(crumb)}</div>',
        '<div class="job-detail">',
        f"<h1>{title}</h1>",
        f'<p class="meta">{meta}</p>',
        '<ul class="jd">',
    ]
    for head, items in sections:
        out.append(f'<li><span class="tit">{head}</span>')
        out.append("  <ul>")
        out += [f"    <li>{t}</li>" for t in items]
        out.append("  </ul>")
        out.append("</li>")
    out += [
        "</ul>",
        f"<p>{html.escape(apply_line)}</p>",
        "</div>",
        f"<footer>{foot}</footer>",
        "</body></html>",
    ]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


# --- 4. one line ------------------------------------------------------------
def write_oneline_txt(path: Path, tagged: str) -> None:
    out: list[str] = []
    run = ""
    for tag, t in _lines(tagged):
        if tag in ("H", "D", "R", "P"):
            run += t
            continue
        if run:
            out.append(run)
            run = ""
        out.append(t)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


# --- 5. run-in labels -------------------------------------------------------
def write_runin_docx(path: Path, tagged: str) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    lines = _lines(tagged)
    i = 0
    while i < len(lines):
        tag, t = lines[i]
        p = d.add_paragraph()
        if i == 0:
            r = p.add_run(t)
            r.bold, r.font.size = True, Pt(16)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif tag == "T" or re.match(r"^[一二三四五六七八九十]+、", t):
            p.add_run(t).bold = True
        elif tag == "H":
            p.add_run(t).bold = True
            i += 1
            p.add_run(lines[i][1])
        else:
            p.add_run(t)
            if t.startswith("2026年") or t == "江州公交集团有限公司":
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        i += 1
    d.save(str(path))
    freeze_zip(path, (2026, 11, 20, 8, 0, 0))


# --- 6. slashes -------------------------------------------------------------
def write_slash_txt(path: Path, posts: list[tuple[str, str, str]]) -> None:
    out: list[str] = []
    for pid, _title, tagged in posts:
        sep = SLASH_SEP[pid]
        head = ""
        items: list[str] = []
        for tag, t in [*_lines(tagged), ("N", None)]:
            if tag in ("D", "R", "P"):
                items.append(t)
                continue
            if head:
                out.append(head + sep.join(items))
                head, items = "", []
            if tag == "H":
                head = t
            elif t is not None:
                out.append(t)
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


# --- 7. camelCase export ----------------------------------------------------
def write_camel_json(path: Path, posts: list[tuple[str, str, str]]) -> None:
    rows = []
    for pid, _title, tagged in posts:
        lines = _lines(tagged)
        post_id, dept, place, pay, num = CAMEL_META[pid]
        notes = [t for tag, t in lines if tag == "N"]
        rows.append(
            {
                "postId": post_id,
                "postName": next(t for tag, t in lines if tag == "T"),
                "deptName": dept,
                "workPlace": place,
                "salaryRange": pay,
                "recruitNum": num,
                "companyIntro": notes[0],
                "jobContent": [t for tag, t in lines if tag == "D"],
                "jobCondition": [t for tag, t in lines if tag == "R"],
                "bonusPoint": [t for tag, t in lines if tag == "P"],
                "welfare": notes[1:-1],
                "contact": notes[-1],
                "publishTime": "2026-11-18 09:30:00",
                "status": 1,
            }
        )
    data = {"code": 200, "msg": "操作成功", "data": {"total": len(rows), "rows": rows}}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# --- 10. letter-spaced PDF --------------------------------------------------
def write_spaced_pdf(path: Path) -> None:
    """An A5 flyer: a 340pt text column, so the two long items wrap."""
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A5, invariant=1)
    c.setFont("STSong-Light", 9)
    c.drawString(40, 572, _lines(PDF_HEADER)[0][1])
    c.line(36, 565, 384, 565)
    y = 545.0
    bullet = pdfmetrics.stringWidth("◆ ", "STSong-Light", 10.5)
    for tag, t in _lines(PDF_POST):
        if tag == "T":
            y -= 4
            c.setFont("STSong-Light", 15)
            c.drawString(40, y, t)
            y -= 22
        elif tag == "H":
            y -= 4
            c.setFont("STSong-Light", 12)
            c.drawString(40, y, t)
            c.line(40, y - 4, 380, y - 4)
            y -= 20
        else:
            c.setFont("STSong-Light", 10.5)
            x = 46 + bullet if tag == "+" else 46 if t.startswith("◆") else 40
            c.drawString(x, y, t)
            y -= 16
    c.line(36, 50, 384, 50)
    c.setFont("STSong-Light", 9)
    c.drawString(180, 36, _lines(PDF_FOOTER)[0][1])
    c.save()


def main() -> None:
    gold_path = HERE / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for name, layout, posts in HELDOUT12:
        path = HERE / name
        entries = [_gold(pid, title, tagged) for pid, title, tagged in posts]
        text = "".join(t for _, _, t in posts)
        if name.endswith("textbox.docx"):
            write_textbox_docx(path)
        elif name.endswith("circled.xlsx"):
            write_circled_xlsx(path, posts)
        elif name.endswith("nested.html"):
            write_nested_html(path)
        elif name.endswith("liepin.txt"):
            write_oneline_txt(path, text)
        elif name.endswith("runin.docx"):
            write_runin_docx(path, text)
        elif name.endswith("slash.txt"):
            write_slash_txt(path, posts)
        elif name.endswith("camel.json"):
            write_camel_json(path, posts)
        elif name.endswith("spaced.pdf"):
            write_spaced_pdf(path)
        else:
            path.write_text("\n".join(t for _, t in _lines(text)) + "\n", encoding="utf-8")
        gold[name] = {"layout": layout, "heldout": True, "batch": 12, "postings": entries}
    gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
