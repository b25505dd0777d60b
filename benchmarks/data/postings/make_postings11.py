"""Held-out batch 11: write its posting files and add their gold to ``gold.json``.

Written blind, by a helper that read neither the parser nor its vocabulary and
never ran the importer on these files: layouts the first ten batches do not
have. Tags as in ``make_postings.py`` (``T|`` title, ``H|`` heading, ``D|``
duty, ``R|`` requirement, ``P|`` preferred requirement, ``N|`` noise), and
``DS|`` / ``RS|`` / ``PS|``: duties, requirements or preferred requirements run
together in one paragraph, separated by ；(each one item, the last one keeps
its 。). Each posting's title is written out (``title``), not derived from its
title line. The other batches' files and gold are left as they are. Everything
is invented; phones are masked, mail is @example.com.

Run from the repository root: ``python benchmarks/data/postings/make_postings11.py``.
"""
# ruff: noqa: E501  (a tagged line is one item of the posting, written as the file holds it)

from __future__ import annotations

import csv
import html
import io
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_postings import _lines, gold_of  # noqa: E402

# ---------------------------------------------------------------------------
# 1. A food maker's post (.txt): duties and requirements in ONE numbered list
#    (1-8), split only by the line 以上为岗位职责，以下为任职要求.
DIVIDER = """\
N|【社招】江州百味食品有限公司
T|招聘：生产计划主管
N|工作地点：江州经开区 ｜ 薪资：9-13K ｜ 周末双休
H|职位描述：
D|1. 根据销售预测和库存情况，编制月度、周生产计划并跟踪执行；
D|2. 负责原辅料、包材的需求计划，协调采购部门按时到料；
D|3. 组织每周产销协调会，处理插单、急单和计划变更；
D|4. 统计分析计划达成率、库存周转天数等指标，提出改进建议；
H|以上为岗位职责，以下为任职要求
R|5. 本科及以上学历，物流管理、工业工程等相关专业；
R|6. 3年以上食品或快消品行业生产计划（PMC）工作经验；
R|7. 熟练使用ERP系统（用友U8或金蝶K3）及Excel函数、数据透视表；
P|8. 有SAP PP模块使用经验者优先。
N|联系人：陈女士 138****1234
N|邮箱：hr@baiwei-food.example.com
"""

# ---------------------------------------------------------------------------
# 2. A logistics company's careers page (.html): each post an <article>, its
#    title an <h1>, sections <h2>, every item a <p> starting with "· "; the
#    benefits section has "· " lines too (noise); navigation and footer.
DOTP_NAV = """\
N|首页
N|业务介绍
N|加入我们
N|联系我们
N|当前位置：首页 > 加入我们 > 社会招聘
"""
DOTP_DRIVER = """\
T|冷链运输调度员
N|工作地点：江州市临空经济区　招聘人数：2人　发布日期：2026-11-08
H|岗位职责
D|· 负责冷链车辆的日常派单和线路规划，保证配送时效；
D|· 通过GPS和温控平台监控在途车辆，及时处理温度异常和延误；
D|· 对接客户及仓库，协调装卸时间和异常签收；
D|· 统计车辆运行数据，编制运输日报和月度成本报表。
H|任职要求
R|· 大专及以上学历，物流管理、交通运输等相关专业；
R|· 1年以上物流调度或运输管理经验；
R|· 熟悉江州及周边城市道路情况，熟练使用Excel；
R|· 能适应早晚班轮岗。
H|福利待遇
N|· 五险一金、年终奖
N|· 夜班补贴、餐补
"""
DOTP_WMS = """\
T|仓储系统实施顾问（WMS）
N|工作地点：江州市临空经济区　招聘人数：1人　发布日期：2026-11-08
H|岗位职责
D|· 负责WMS系统在新项目仓库的需求调研、方案设计和上线实施；
D|· 编写系统配置说明和用户操作手册，组织仓库人员培训；
D|· 跟踪系统上线后的运行问题，协调研发团队完成优化迭代。
H|任职要求
R|· 本科及以上学历，计算机、物流工程等相关专业；
R|· 2年以上WMS或TMS系统实施经验，熟悉入库、拣货、盘点等仓储作业流程；
R|· 会写基本的SQL查询语句；
P|· 有富勒、唯智等主流WMS产品实施经验者优先。
H|投递方式
N|请将简历发送至 zhaopin@lankong-logistics.example.com，标题注明“应聘岗位+姓名”。
N|Copyright © 2026 江州蓝空物流有限公司 版权所有
"""

# ---------------------------------------------------------------------------
# 3. A port group's letter-style posting (.docx): normal paragraphs, each
#    section a bold run-in heading followed, in the same paragraph, by its items
#    separated by ；("岗位职责：负责…；负责…。").
LETTER = """\
N|招聘函
N|尊敬的各位求职者：
N|您好！感谢您对江州港务集团的关注。因集装箱码头业务发展需要，现诚聘以下岗位人员，具体事宜函告如下：
T|岗位名称：物流调度主管（集装箱码头方向）
H|岗位职责：
DS|负责集装箱堆场作业计划的编制与现场调度；负责协调船公司、车队和海关查验环节，保障货物按时进出港；负责调度人员的排班、培训和绩效考核；负责堆场作业数据统计分析，持续提升堆场周转效率。
H|任职要求：
RS|本科及以上学历，物流管理、交通运输等相关专业；3年以上港口、码头或大型物流园区调度工作经验；熟悉TOS码头操作系统，能熟练使用Excel进行数据分析；能适应倒班及节假日值班。
H|优先条件：
PS|持有物流师证书或有报关、报检工作经验者优先。
H|薪资待遇：
N|年薪12-18万元，五险二金，提供员工宿舍和工作餐。
N|有意者请将个人简历发送至 hr@jzport.example.com，我们将在五个工作日内与您联系。
N|此致
N|敬礼！
N|江州港务集团有限公司人力资源部
N|2026年11月12日
"""

# ---------------------------------------------------------------------------
# 4. An education company's post (.txt): headings 一、你要做什么 / 二、我们需要你
#    / 三、如果你还有这些，就更好了 / 四、你将获得; requirements as sentences
#    starting with 你, unnumbered.
YOU = """\
N|【星火教育】2027届春季招聘开启啦
T|初中数学教研老师
N|地点：江州市青山湖区 ｜ 全职 ｜ 8-12K
H|一、你要做什么
D|1. 研究中考数学命题趋势，参与初中数学课程体系和讲义的研发；
D|2. 编写同步练习、单元测试卷和中考模拟卷，并撰写答案解析；
D|3. 为一线教师做教研培训和听课指导，收集课堂反馈优化教学内容；
D|4. 参与录制线上精品课和知识点微课。
H|二、我们需要你
R|你是数学、数学与应用数学等相关专业本科及以上学历；
R|你有3年以上初中数学一线教学或教研经验，熟悉人教版、北师大版教材；
R|你持有初中及以上数学教师资格证；
R|你表达清晰、逻辑严谨，能独立完成一节公开示范课。
H|三、如果你还有这些，就更好了
P|你带过中考毕业班，所带班级成绩突出；
P|你会使用几何画板、GeoGebra等教学软件。
H|四、你将获得
N|有竞争力的薪酬、五险一金、寒暑假带薪休假
N|完善的教研培训体系和双通道晋升机制
H|五、怎么加入我们
N|简历请发送至 jobs@xinghuo-edu.example.com，邮件标题：姓名+应聘岗位。
"""

# ---------------------------------------------------------------------------
# 5. A manufacturer's ATS export (.csv): GBK, CRLF, English header row
#    (Job ID, Title, Department, Location, Responsibilities, Requirements,
#    Posted); each list a multi-line cell, numbered 1、.
CSV_WAREHOUSE = """\
T|仓储主管
D|1、负责成品仓库的收发存管理，确保账实相符；
D|2、制定仓库作业标准和5S管理规范，并监督执行；
D|3、组织月度盘点，分析库存差异并提出改进措施；
D|4、管理仓库班组8-10人，负责排班和绩效考核。
R|1、大专及以上学历，物流管理相关专业优先；
R|2、3年以上制造业仓库管理经验，其中1年以上班组管理经验；
R|3、熟悉SAP或金蝶ERP系统的仓储模块；
R|4、持有叉车证者优先。
N|（本岗位长期有效）
"""
CSV_QC = """\
T|来料检验员（IQC）
D|1、按照检验标准对电子元器件、结构件等来料进行抽样检验；
D|2、记录检验数据，判定来料合格与否并开具检验报告；
D|3、跟进不合格品的隔离、退货和供应商整改。
R|1、中专及以上学历，电子、机械相关专业；
R|2、会使用卡尺、千分尺、万用表等常用检测工具；
R|3、能看懂简单的机械图纸，能适应两班倒。
"""
CSV_META = {
    "warehouse-supervisor": ["WH-2611-03", "物流部", "江州市经开区"],
    "iqc-inspector": ["QA-2611-07", "品质部", "江州市经开区"],
}

# ---------------------------------------------------------------------------
# 6. A talent-market flyer (.pdf): two posts side by side in two columns of the
#    same page (lines of both at the same heights), a header and a footer
#    across the page.
TWOCOL_HEAD = "N|江州高新区人才服务中心 企业招聘信息（第46期）\n"
TWOCOL_LEFT = """\
T|电气设计工程师
N|江州恒达电气有限公司 | 8-12K
H|岗位职责：
D|1.负责配电柜产品的电气原理图设计；
D|2.负责BOM编制及生产现场技术支持；
D|3.参与新产品样机调试和型式试验。
H|任职要求：
R|1.电气工程及其自动化专业本科学历；
R|2.2年以上低压成套设备设计经验；
R|3.熟练使用AutoCAD、EPLAN软件。
"""
TWOCOL_RIGHT = """\
T|外贸业务员
N|江州睿拓进出口有限公司 | 6-10K+提成
H|岗位职责：
D|1.通过阿里巴巴国际站开发海外客户；
D|2.负责询盘回复、报价及合同签订；
D|3.跟进订单生产、出运和收汇。
H|任职要求：
R|1.英语六级以上，口语流利；
R|2.1年以上外贸业务工作经验；
P|3.有机电产品出口经验者优先。
"""
TWOCOL_FOOT = "N|报名咨询：0791-8***-5566 地址：江州高新区火炬大道某号人才大厦一楼\n"

# ---------------------------------------------------------------------------
# 7. A biotech's careers page in Markdown: one table of posts, | 岗位 | 城市 |
#    你将负责 | 我们希望你 |, each cell's items "- " bullets joined by <br>.
MD_HEAD = """\
N|# 青岚生物 2026 社会招聘
N|青岚生物是一家专注于单克隆抗体药物研发的创新药企业，以下岗位长期开放。
"""
MD_CELL = """\
T|细胞培养工艺研究员
N|苏州
D|- 负责CHO细胞株的摇瓶及生物反应器培养工艺开发<br>
D|- 设计并执行工艺表征实验（DoE），分析实验数据<br>
D|- 撰写工艺开发报告和技术转移文件
R|- 生物工程、细胞生物学等相关专业硕士及以上学历<br>
R|- 2年以上哺乳动物细胞培养工艺开发经验<br>
P|- 有3L至200L反应器放大经验者优先
"""
MD_REG = """\
T|药品注册专员
N|上海
D|- 负责新药临床试验申请（IND）资料的整理与递交<br>
D|- 跟踪NMPA和ICH法规更新，组织内部法规培训<br>
D|- 与CDE保持日常沟通，及时回复发补意见
R|- 药学、医学等相关专业本科及以上学历<br>
R|- 3年以上药品注册工作经验，熟悉CTD格式<br>
R|- 英文读写熟练，能撰写英文注册文件
"""
MD_TAIL = """\
N|> 投递邮箱：hr@qinglan-bio.example.com（邮件标题：岗位+姓名）
N|*本页信息更新于 2026-11-01*
"""

# ---------------------------------------------------------------------------
# 8. A Greenhouse-style job-board export (.json): {"jobs": [...]}, each job's
#    "content" its HTML, entity-escaped; sections as <p><strong>…</strong></p>
#    over <ul><li> items, an intro and an EEO conclusion around them.
GH_SRE = """\
N|About Tidewave
N|Tidewave builds payment infrastructure for marketplaces across Asia. Our Shanghai office is home to our core platform team.
H|What you'll do
D|Run and scale our Kubernetes clusters across two cloud regions
D|Define SLOs with service teams and own the alerting and on-call tooling
D|Automate infrastructure with Terraform and build self-service deployment pipelines
D|Lead incident response and write blameless postmortems
H|What you'll need
R|4+ years in SRE, DevOps or infrastructure engineering
R|Strong Linux and networking fundamentals
R|Hands-on experience with Kubernetes, Prometheus and Terraform
R|Able to code in Go or Python
H|Bonus points
P|Experience running PCI DSS audited systems
N|Tidewave is an equal opportunity employer. We welcome applicants of all backgrounds.
"""
GH_CS = """\
N|About Tidewave
N|Tidewave builds payment infrastructure for marketplaces across Asia. Our Shanghai office is home to our core platform team.
H|Responsibilities 岗位职责
D|负责商户入网后的账户开通、产品培训和日常问题解答；
D|跟踪重点商户的交易量变化，主动识别流失风险并制定挽留方案；
D|收集商户对产品的反馈，与产品团队协作推动需求落地。
H|Qualifications 任职要求
R|本科及以上学历，2年以上B端客户成功或大客户服务经验；
R|英语可作为工作语言；
P|有支付或跨境电商行业经验者优先。
N|Tidewave is an equal opportunity employer. We welcome applicants of all backgrounds.
"""
GH_META = {
    "sre-shanghai": (4410021, "Site Reliability Engineer", "Shanghai, China"),
    "merchant-success": (4410388, "商户成功经理 Merchant Success Manager", "Shanghai, China"),
}

# (file, layout, [(id, title, tagged)]); a page's head goes to the first
# posting's noise, its tail to the last one's.
HELDOUT11 = [
    ("heldout11_divider.txt", "txt", [("production-planner", "生产计划主管", DIVIDER)]),
    ("heldout11_dotp.html", "html",
     [("coldchain-dispatcher", "冷链运输调度员", DOTP_NAV + DOTP_DRIVER),
      ("wms-consultant", "仓储系统实施顾问（WMS）", DOTP_WMS)]),
    ("heldout11_letter.docx", "docx",
     [("port-dispatch-lead", "物流调度主管（集装箱码头方向）", LETTER)]),
    ("heldout11_you.txt", "txt", [("math-curriculum", "初中数学教研老师", YOU)]),
    ("heldout11_english_gbk.csv", "csv",
     [("warehouse-supervisor", "仓储主管", CSV_WAREHOUSE),
      ("iqc-inspector", "来料检验员（IQC）", CSV_QC)]),
    ("heldout11_twocol.pdf", "pdf",
     [("electrical-designer", "电气设计工程师", TWOCOL_HEAD + TWOCOL_LEFT),
      ("foreign-trade-sales", "外贸业务员", TWOCOL_RIGHT + TWOCOL_FOOT)]),
    ("heldout11_brtable.md", "markdown",
     [("cell-culture", "细胞培养工艺研究员", MD_HEAD + MD_CELL),
      ("drug-registration", "药品注册专员", MD_REG + MD_TAIL)]),
    ("heldout11_greenhouse.json", "json",
     [("sre-shanghai", "Site Reliability Engineer", GH_SRE),
      ("merchant-success", "商户成功经理 Merchant Success Manager", GH_CS)]),
]  # fmt: skip


def _expand(tagged: str) -> str:
    """DS|/RS|/PS| lines as one D|/R|/P| line per item (split at ；)."""
    out = []
    for tag, t in _lines(tagged):
        if tag in ("DS", "RS", "PS"):
            out += [f"{tag[0]}|{p.strip()}" for p in t.split("；") if p.strip()]
        else:
            out.append(f"{tag}|{t}")
    return "\n".join(out) + "\n"


def _gold(pid: str, title: str, tagged: str) -> dict[str, object]:
    g = gold_of(_expand(tagged), pid)
    g["title"] = title
    # gold of the Markdown cells: the <br> joining them is no part of an item
    for key in ("duties", "requirements", "preferred"):
        g[key] = [t.removesuffix("<br>").strip() for t in g[key]]
    return g


def write_dotp_html(path: Path, posts: list[tuple[str, str, str]]) -> None:
    nav = [t for _, t in _lines(DOTP_NAV)]
    out = [
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
        "<title>社会招聘 - 江州蓝空物流</title></head><body>",
        '<header><ul class="menu">'
        + "".join(f'<li><a href="#">{t}</a></li>' for t in nav[:4])
        + "</ul></header>",
        f'<div class="crumb">{html.escape(nav[4])}</div>',
        '<div class="jobs">',
    ]
    for k, (_pid, _title, tagged) in enumerate(posts):
        body = tagged.replace(DOTP_NAV, "")
        lines = _lines(body)
        out.append('<article class="job">')
        for tag, t in lines:
            if tag == "T":
                out.append(f"<h1>{t}</h1>")
            elif tag == "H":
                out.append(f"<h2>{t}</h2>")
            elif t.startswith("Copyright"):
                continue
            elif tag == "N" and not t.startswith("·"):
                out.append(f'<p class="info">{html.escape(t)}</p>')
            else:
                out.append(f"<p>{t}</p>")
        out.append("</article>")
        if k == len(posts) - 1:
            foot = next(t for _, t in lines if t.startswith("Copyright"))
            out.append(f"</div><footer>{foot}</footer>")
    out.append("</body></html>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_letter_docx(path: Path, tagged: str) -> None:
    import docx

    d = docx.Document()
    lines = _lines(tagged)
    i = 0
    while i < len(lines):
        tag, t = lines[i]
        p = d.add_paragraph()
        if tag == "T":
            label, _, rest = t.partition("：")
            p.add_run(label + "：").bold = True
            p.add_run(rest)
        elif tag == "H":
            p.add_run(t).bold = True
            if i + 1 < len(lines):  # the run-in body: items, or the pay line
                i += 1
                p.add_run(lines[i][1])
        else:
            p.add_run(t)
        i += 1
    d.save(str(path))


def write_gbk_csv(path: Path, posts: list[tuple[str, str, str]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(
        ["Job ID", "Title", "Department", "Location", "Responsibilities", "Requirements", "Posted"]
    )
    for pid, title, tagged in posts:
        lines = _lines(tagged)
        duties = "\n".join(t for tag, t in lines if tag == "D")
        reqs = "\n".join(t for tag, t in lines if tag in ("R", "P", "N"))
        job, dept, place = CSV_META[pid]
        w.writerow([job, title, dept, place, duties, reqs, "2026/11/10"])
    path.write_bytes(buf.getvalue().encode("gbk"))


def write_twocol_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("STSong-Light", 15)
    c.drawString(90, 800, _lines(TWOCOL_HEAD)[0][1])
    c.line(40, 790, 555, 790)
    c.line(297, 780, 297, 530)
    for x, block in ((45, TWOCOL_LEFT), (310, TWOCOL_RIGHT)):
        y = 765.0
        for tag, t in _lines(block):
            size = 13 if tag == "T" else 10
            c.setFont("STSong-Light", size)
            c.drawString(x, y, t)
            y -= size + 9
    c.line(40, 520, 555, 520)
    c.setFont("STSong-Light", 9)
    c.drawString(45, 505, _lines(TWOCOL_FOOT)[0][1])
    c.save()


def write_brtable_md(path: Path, posts: list[tuple[str, str, str]]) -> None:
    head = [t for _, t in _lines(MD_HEAD)]
    out = [
        head[0],
        "",
        head[1],
        "",
        "| 岗位 | 城市 | 你将负责 | 我们希望你 |",
        "| --- | --- | --- | --- |",
    ]
    for _pid, _title, tagged in posts:
        body = tagged.replace(MD_HEAD, "").replace(MD_TAIL, "")
        lines = _lines(body)
        title = next(t for tag, t in lines if tag == "T")
        city = next(t for tag, t in lines if tag == "N")
        duties = "".join(t for tag, t in lines if tag == "D")
        reqs = "".join(t for tag, t in lines if tag in ("R", "P"))
        out.append(f"| {title} | {city} | {duties} | {reqs} |")
    out.append("")
    tail = [t for _, t in _lines(MD_TAIL)]
    out += [tail[0], "", tail[1]]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _gh_content(tagged: str) -> str:
    lines = _lines(tagged)
    parts = ['<div class="content-intro">']
    parts += [f"<p><strong>{lines[0][1]}</strong></p>", f"<p>{lines[1][1]}</p>", "</div>"]
    items: list[str] = []
    for tag, t in [*lines[2:], ("H", "")]:
        if tag in ("D", "R", "P"):
            items.append(f"<li>{t}</li>")
            continue
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if tag == "H" and t:
            parts.append(f"<p><strong>{html.escape(t)}</strong></p>")
        elif tag == "N":
            parts.append(f'<div class="content-conclusion"><p>{t}</p></div>')
    return html.escape("".join(parts))


def write_greenhouse_json(path: Path, posts: list[tuple[str, str, str]]) -> None:
    jobs = []
    for pid, _title, tagged in posts:
        jid, name, place = GH_META[pid]
        jobs.append(
            {
                "id": jid,
                "internal_job_id": jid - 4000000,
                "title": name,
                "updated_at": "2026-11-03T10:12:00-04:00",
                "location": {"name": place},
                "absolute_url": f"https://boards.example.com/tidewave/jobs/{jid}",
                "content": _gh_content(tagged),
            }
        )
    data = {"jobs": jobs, "meta": {"total": len(jobs)}}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    gold_path = HERE / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for name, layout, posts in HELDOUT11:
        path = HERE / name
        entries = [_gold(pid, title, tagged) for pid, title, tagged in posts]
        text = "\n".join(t for _, _, t in posts)
        plain = "\n".join(t for _, t in _lines(text))
        if name.endswith("dotp.html"):
            write_dotp_html(path, posts)
        elif name.endswith("letter.docx"):
            write_letter_docx(path, text)
        elif name.endswith("gbk.csv"):
            write_gbk_csv(path, posts)
        elif name.endswith("twocol.pdf"):
            write_twocol_pdf(path)
        elif name.endswith("brtable.md"):
            write_brtable_md(path, posts)
        elif name.endswith("greenhouse.json"):
            write_greenhouse_json(path, posts)
        else:
            path.write_text(plain + "\n", encoding="utf-8")
        gold[name] = {"layout": layout, "heldout": True, "batch": 11, "postings": entries}
    gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
