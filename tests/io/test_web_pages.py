"""Résumés saved as web pages (HTML, MHT) and as RTF: read_resume and rolematch score.

The fixtures are built here as the programs write them: 前程无忧 (51job) exports an MHT
web archive (GB2312, quoted-printable) named .doc, 智联招聘 an HTML page named .doc,
Word's "Save as Web Page" an .htm full of ``<o:p>`` and ``mso-`` styles with its
pictures in a folder beside it, WPS an RTF of GBK ``\\'hh`` escapes (named .rtf or .doc).
"""

from __future__ import annotations

import csv
import quopri
import re
from pathlib import Path

import pytest

from rolematch.batch.discover import collect_files, skipped_note
from rolematch.cli import main
from rolematch.io._rtf import read_rtf
from rolematch.io.extract import read_resume
from tests.io._files import check_record

BOUNDARY = "----=_NextPart_000_0000_01DA1234.5678ABCD"

# ---------------------------------------------------------------------------
# fixtures, as the programs write them

JOB51_HTML = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>前程无忧 51job.com - 个人简历</title>
<style type="text/css">.name{font-size:24px} .plate1{background:#eee}</style>
<script type="text/javascript">var resumeTip = "请登录后查看联系方式";</script>
</head>
<body>
<table width="650" border="0" cellspacing="0" cellpadding="0">
<tr><td class="name">张三</td></tr>
<tr><td>男&nbsp;|&nbsp;31岁&nbsp;|&nbsp;8年工作经验</td></tr>
<tr><td>手机：13800138000&nbsp;&nbsp;E-mail：zhangsan@example.com</td></tr>
</table>
<table width="650"><tr><td class="plate1">工作经历</td></tr></table>
<table width="650" class="tbb">
<tr><td width="25%">2018/07-至今</td><td>星河银行股份有限公司</td><td>手机银行部&nbsp;产品经理</td></tr>
<tr><td colspan="3">工作描述：负责手机银行转账与支付功能规划，组织需求评审并推动版本上线；跟踪交易数据与用户反馈，持续优化转账成功率。</td></tr>
<tr><td>2015/07-2018/06</td><td>江州农商银行</td><td>电子银行部&nbsp;业务专员</td></tr>
<tr><td colspan="3">工作描述：负责网上银行与手机银行渠道的日常运营、营销活动策划和客户投诉处理。</td></tr>
</table>
<div style="display:none">反洗钱 信用卡风控 反洗钱 信用卡风控</div>
<table width="650"><tr><td class="plate1">教育经历</td></tr></table>
<table width="650"><tr><td>2011/09-2015/06</td><td>江州大学</td><td>金融学&nbsp;本科</td></tr></table>
</body></html>
"""


def job51_mht(html: str = JOB51_HTML) -> bytes:
    """A 51job export: Internet Explorer's MHT, GB2312 HTML in quoted-printable, a logo."""
    body = quopri.encodestring(html.replace("\n", "\r\n").encode("gbk")).decode("ascii")
    head = (
        "From: <由 Windows Internet Explorer 8 保存>\r\n"
        "Subject: =?gb2312?B?x7DQ3s7e08cgNTFqb2IuY29tIC0guPbIy7zywPo=?=\r\n"
        "Date: Mon, 6 Jul 2026 10:00:00 +0800\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: multipart/related;\r\n"
        '\ttype="text/html";\r\n'
        f'\tboundary="{BOUNDARY}"\r\n'
        "X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.17609\r\n\r\n"
        "This is a multi-part message in MIME format.\r\n\r\n"
    )
    parts = (
        f"--{BOUNDARY}\r\n"
        'Content-Type: text/html;\r\n\tcharset="gb2312"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: file://C:\\Users\\hr\\Desktop\\51job_张三.mht\r\n\r\n"
        f"{body}\r\n\r\n"
        f"--{BOUNDARY}\r\n"
        "Content-Type: image/gif\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: http://img01.51jobcdn.com/im/2009/resume/logo.gif\r\n\r\n"
        "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\r\n\r\n"
        f"--{BOUNDARY}--\r\n"
    )
    return (head + parts).encode("gbk")


ZHAOPIN_HTML = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>王五的简历 - 智联招聘</title>
<script>window.__INITIAL_STATE__ = {"resumeNo": "JM123456789R90250000000"};</script>
<noscript>请启用JavaScript</noscript>
</head><body>
<div class="resume-preview">
  <div class="resume-preview__header"><h1 class="resume-preview__name">王五</h1>
    <p>女 | 28岁 | 本科 | 5年工作经验</p></div>
  <div class="resume-preview__block"><h3>求职意向</h3>
    <p>期望职位：客服主管&nbsp;&nbsp;期望城市：江州</p></div>
  <div class="resume-preview__block"><h3>工作经历</h3>
    <div class="work"><h4>星河银行信用卡中心&nbsp;&nbsp;2019.03 - 至今</h4>
      <p>客服主管 | 客户服务部</p>
      <ul><li>负责电话银行坐席团队的排班、质检与绩效考核</li>
          <li>处理升级投诉，推动投诉流程优化，满意度提升至98%</li></ul></div>
  </div>
  <div class="resume-preview__block" style="display: none;"><h3>隐藏模块</h3>
    <p>数据仓库 机器学习 深度学习</p></div>
  <div class="resume-preview__block"><h3>教育经历</h3>
    <p>江州财经大学&nbsp;&nbsp;工商管理&nbsp;&nbsp;本科<br>2012.09 - 2016.06</p></div>
  <p class="tip">投递时间：2026-07-01 &amp; 来源：智联招聘</p>
</div></body></html>
"""

WORD_HTM = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<link rel=File-List href="李四简历.files/filelist.xml">
<title>个人简历</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>hr</o:Author>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:10.5pt; font-family:宋体;}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

<p class=MsoNormal align=center style='text-align:center'><b><span
style='font-size:16.0pt;font-family:黑体'>个人简历<o:p></o:p></span></b></p>

<p class=MsoNormal><span style='font-family:宋体'>姓名：李四<span
style='mso-spacerun:yes'>&nbsp;&nbsp; </span>电话：13900139000<o:p></o:p></span></p>

<p class=MsoNormal><b><span style='font-family:宋体'>工作经历<o:p></o:p></span></b></p>

<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=189 valign=top style='width:4.0cm;border:solid windowtext 1.0pt'>
  <p class=MsoNormal><span lang=EN-US>2019.03-</span><span
  style='font-family:宋体'>至今<o:p></o:p></span></p>
  </td>
  <td width=189 valign=top style='width:4.0cm;border:solid windowtext 1.0pt'>
  <p class=MsoNormal><span style='font-family:宋体'>星河银行客户服务中心<o:p></o:p></span></p>
  </td>
  <td width=189 valign=top style='width:4.0cm;border:solid windowtext 1.0pt'>
  <p class=MsoNormal><span style='font-family:宋体'>客服主管<o:p></o:p></span></p>
  </td>
 </tr>
</table>

<p class=MsoNormal><span style='font-family:宋体'>负责电话银行坐席团队的排班与质检，处理客户投诉，
组织新员工培训，团队满意度连续三年保持在百分之九十八以上。<o:p></o:p></span></p>

<p class=MsoNormal><span style='display:none;mso-hide:all'>备注：薪资期望面议，可立即到岗<o:p></o:p></span></p>

<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>

</div>

</body>

</html>
"""


def gbk_escapes(text: str) -> str:
    r"""``text`` as RTF's ``\'hh`` bytes of GBK (code page 936), as WPS writes Chinese."""
    return "".join(f"\\'{b:02x}" for b in text.encode("gbk"))


def unicode_escapes(text: str, fallback: str = "?") -> str:
    r"""``text`` as RTF's ``\uN`` escapes (signed 16-bit) each followed by its fallback."""
    out = []
    for unit in range(0, len(text.encode("utf-16-le")), 2):
        n = int.from_bytes(text.encode("utf-16-le")[unit : unit + 2], "little", signed=True)
        out.append(f"\\u{n}{fallback}")
    return "".join(out)


def wps_rtf() -> bytes:
    """A WPS résumé saved as "Rich Text": GBK \\'hh in a GB2312 font, \\u escapes, a table."""
    g, u = gbk_escapes, unicode_escapes
    return (
        r"{\rtf1\ansi\ansicpg936\uc1\deff0\stshfdbch13\stshfloch0\deflang1033\deflangfe2052"
        r"{\fonttbl{\f0\froman\fprq2\fcharset0 Times New Roman;}"
        r"{\f13\fnil\fprq2\fcharset134 " + g("宋体") + r"{\*\falt SimSun};}}"
        r"{\colortbl;\red0\green0\blue0;\red255\green255\blue255;}"
        r"{\stylesheet{\qj\nowidctlpar\fs21\lang1033\langfe2052\kerning2 \snext0 Normal;}}"
        r"{\*\generator WPS Office}{\info{\title " + g("个人简历") + r"}{\author WPS_17}}"
        "\r\n\\paperw11906\\paperh16838\\margl1800\\margr1800\\sectd\\sbkpage"
        r"{\header\pard\plain \dbch\f13 " + g("页眉：江州人才网") + r"\par}"
        "\r\n"
        r"\pard\plain\qc{\loch\af0\hich\af0\dbch\f13\b\fs32 " + g("个人简历") + r"}\par"
        "\r\n"
        r"\pard\plain{\dbch\f13 " + g("姓名：赵六") + r"}{\loch\f0  }"
        r"{\dbch\f13 " + g("电话：") + r"}{\loch\f0 13700137000}\par"
        "\r\n"
        r"{\*\shppict{\pict\pngblip\picw10\pich10 89504e470d0a1a0a}}"
        r"{\nonshppict{\pict\wmetafile8 0100090000035a00}}"
        r"\pard\plain{\dbch\f13\b " + g("工作经历") + r"}\par"
        "\r\n"
        r"\trowd\trgaph108\cellx2840\cellx5680\cellx8520"
        r"\pard\intbl{\loch\f0 2016.09-}{\dbch\f13 " + g("至今") + r"}\cell"
        r"\pard\intbl{\dbch\f13 " + g("星河银行网络金融部") + r"}\cell"
        r"\pard\intbl{\dbch\f13 " + g("数据分析师") + r"}\cell\row"
        "\r\n"
        # Word's way: \uN with \uc2 and the two GBK bytes as the fallback a reader skips
        r"\pard\plain\uc2 "
        + "".join(f"\\u{ord(c)}" + gbk_escapes(c) for c in "负责手机银行用户行为分析")
        + r"\uc1"
        + u("，搭建渠道经营指标体系，用数据驱动产品迭代；")
        + gbk_escapes("熟练使用SQL与Python完成报表自动化。")
        + r"\par"
        "\r\n"
        r"{\v\dbch\f13 " + g("隐藏：期望年薪五十万") + r"}"
        r"\pard{\dbch\f13 " + g("邮箱：") + r"}"
        '{\\field{\\*\\fldinst {HYPERLINK "mailto:zhaoliu@example.com"}}'
        r"{\fldrslt {\loch\f0 zhaoliu@example.com}}}\par"
        "\r\n}"
    ).encode("ascii")


def lines(r) -> list[str]:
    return [ln.strip() for ln in r.text.splitlines() if ln.strip()]


# ---------------------------------------------------------------------------
# read_resume


@pytest.mark.parametrize("name", ["51job_张三.doc", "张三.mht", "张三.mhtml"])
def test_51job_mht_in_gbk_is_read_with_its_table_rows(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(job51_mht())
    r = read_resume(path, redact=False)
    check_record(r, "ok")
    assert r.meta["backend"] == "mht" and r.meta["encoding"] == "gb18030"
    got = lines(r)
    # a row of short cells is one line, cells in order; a long cell its own line
    assert "2018/07-至今 星河银行股份有限公司 手机银行部 产品经理" in got
    assert "2015/07-2018/06 江州农商银行 电子银行部 业务专员" in got
    assert any(ln.startswith("工作描述:负责手机银行转账与支付功能规划") for ln in got), got
    assert got.index("工作经历") < got.index("教育经历")
    assert "work" in r.sections and "education" in r.sections
    # the <head>, script, and the hidden keyword stuffing are not read
    assert "请登录" not in r.text and "51job.com" not in r.text
    assert "反洗钱" not in r.text and "风控" not in r.text
    hidden = f"hidden_text: {len('反洗钱信用卡风控反洗钱信用卡风控')} chars excluded"
    if name.endswith(".doc"):
        assert r.warnings == (
            "type_mismatch: named .doc but content is a web page (MHT web archive)",
            hidden,
        )
    else:
        assert r.warnings == (hidden,)


def test_zhaopin_html_named_doc_is_read_and_says_what_it_is(tmp_path):
    path = tmp_path / "王五_智联招聘.doc"
    path.write_bytes(ZHAOPIN_HTML.encode("utf-8"))
    r = read_resume(path, redact=False)
    check_record(r, "ok")
    assert r.meta["backend"] == "html" and r.meta["encoding"] == "utf-8"
    assert r.warnings[0] == "type_mismatch: named .doc but content is a web page (HTML)"
    assert r.warnings[1] == f"hidden_text: {len('隐藏模块数据仓库机器学习深度学习')} chars excluded"
    got = lines(r)
    assert got[:2] == ["王五", "女 | 28岁 | 本科 | 5年工作经验"]
    assert "负责电话银行坐席团队的排班、质检与绩效考核" in got  # one line per <li>
    assert "处理升级投诉,推动投诉流程优化,满意度提升至98%" in got
    assert "江州财经大学 工商管理 本科" in got and "2012.09 - 2016.06" in got  # <br>
    assert "投递时间:2026-07-01 & 来源:智联招聘" in got  # entities decoded
    for unseen in ("INITIAL_STATE", "JavaScript", "智联招聘</title>", "数据仓库", "机器学习"):
        assert unseen not in r.text


def test_word_web_page_htm_is_read_without_its_markup_or_hidden_text(tmp_path):
    path = tmp_path / "李四简历.htm"
    path.write_bytes(WORD_HTM.encode("gbk"))
    parts = tmp_path / "李四简历.files"  # what Word saves beside it
    parts.mkdir()
    (parts / "filelist.xml").write_text("<xml/>", "utf-8")
    (parts / "header.htm").write_bytes(b"<html><body><p>header</p></body></html>")
    r = read_resume(path, redact=False)
    check_record(r, "ok")
    assert r.meta["encoding"] == "gb18030"
    assert r.warnings == (f"hidden_text: {len('备注：薪资期望面议，可立即到岗')} chars excluded",)
    got = lines(r)
    assert got[:2] == ["个人简历", "姓名:李四 电话:13900139000"]
    # cells that are each a <p> stay one row; the source's line break inside the
    # sentence (Word wraps its HTML) does not split a word
    assert "2019.03-至今 星河银行客户服务中心 客服主管" in got
    assert "负责电话银行坐席团队的排班与质检,处理客户投诉,组织新员工培训," in r.text.replace(
        "\n", ""
    )
    assert "组织新员工培训" in r.text and "投诉, 组织" not in r.text
    for unseen in ("mso-", "MsoNormal", "DocumentProperties", "o:p", "薪资期望", "hr\n"):
        assert unseen not in r.text
    # in a folder, the page is a résumé and its parts folder is not
    skipped: list[Path] = []
    assert collect_files([tmp_path], skipped=skipped) == [path]
    assert skipped == [parts] and skipped_note(skipped) == "skipped 1 web page's parts folder"


@pytest.mark.parametrize("name", ["赵六.rtf", "赵六.doc"])
def test_wps_rtf_with_gbk_and_unicode_escapes_is_read(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(wps_rtf())
    r = read_resume(path, redact=False)
    check_record(r, "ok")
    assert r.meta["backend"] == "rtf" and r.meta["encoding"] == "gb18030"
    got = lines(r)
    assert got[0] == "个人简历"  # the page header, font table and document title are not text
    assert "姓名:赵六 电话:13700137000" in got
    assert "2016.09-至今 星河银行网络金融部 数据分析师" in got  # \cell separates, \row ends
    assert (
        "负责手机银行用户行为分析,搭建渠道经营指标体系,用数据驱动产品迭代;"
        "熟练使用SQL与Python完成报表自动化。"
    ) in got  # \u with its \uc fallback bytes skipped, then \u, then \'hh
    # the fallback bytes skipped whole: no half character (normalisation would hide it)
    assert "\ufffd" not in read_rtf(wps_rtf()).text
    assert "邮箱:zhaoliu@example.com" in got  # a field's result, not its instruction
    for unseen in ("江州人才网", "宋体", "SimSun", "WPS", "HYPERLINK", "期望年薪", "89504e"):
        assert unseen not in r.text
    hidden = f"hidden_text: {len('隐藏：期望年薪五十万')} chars excluded"
    mismatch = ("type_mismatch: named .doc but content is RTF",) if name.endswith(".doc") else ()
    assert r.warnings == (*mismatch, hidden)


def test_rolematchs_own_report_is_no_resume(tmp_path):
    path = tmp_path / "report.html"
    path.write_bytes(
        b'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        b'<meta name="generator" content="rolematch"><title>rolematch report</title></head>'
        + "<body><h1>手机银行产品经理</h1><p>负责手机银行转账与支付功能规划</p></body></html>".encode()
    )
    r = read_resume(path)
    check_record(r, "unsupported")
    assert r.reason.startswith("a rolematch report")


# ---------------------------------------------------------------------------
# damaged files: a clear row, never an exception


def test_damaged_web_archives_and_rtf_get_a_clear_row(tmp_path):
    mht = job51_mht()
    cases = {
        # cut off inside the headers: no part at all
        "cut.mht": (mht[: mht.index(b"This is a multi-part")], "corrupt", "no HTML part found"),
        # the boundary the header names is not the one the parts use
        "boundary.doc": (
            mht.replace(f'boundary="{BOUNDARY}"'.encode(), b'boundary="other"'),
            "corrupt",
            "no HTML part found",
        ),
        # named .mht but no MIME headers at all
        "notes.mht": ("随便写的笔记".encode("gbk") * 5, "corrupt", "does not start with MIME"),
        "base64.mht": (
            b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
            b"--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            b"A\r\n--b--\r\n",
            "empty",
            "no text",
        ),
        "cut.rtf": (wps_rtf()[:300], "corrupt", "damaged RTF: the file ends before any text"),
        "binary.rtf": (b"{\\rtf1\\ansi " + bytes(range(256)) * 8, "corrupt", "binary data"),
        "fake.rtf": (bytes(range(256)) * 8, "corrupt", r"damaged RTF: no \{\\rtf signature"),
        "blank.htm": (b"<html><head><title>x</title></head><body> </body></html>", "empty", ""),
    }
    for name, (data, status, reason) in cases.items():
        (tmp_path / name).write_bytes(data)
        r = read_resume(tmp_path / name)
        check_record(r, status)
        assert re.search(reason, r.reason), (name, r.reason)


def test_a_truncated_rtf_or_mht_with_text_is_read_and_says_so(tmp_path):
    rtf = wps_rtf()
    cut = rtf[: rtf.index(b"\\v\\dbch")]  # the last lines and closing braces lost
    (tmp_path / "cut.rtf").write_bytes(cut)
    r = read_resume(tmp_path / "cut.rtf")
    check_record(r, "ok")
    assert "数据分析师" in r.text
    assert any(w.startswith("truncated: the RTF file ends inside the document") for w in r.warnings)
    mht = job51_mht()
    (tmp_path / "cut.mht").write_bytes(
        mht[: mht.index(f"--{BOUNDARY}\r\nContent-Type: image".encode())]
    )
    r = read_resume(tmp_path / "cut.mht")
    check_record(r, "ok")
    assert "星河银行股份有限公司" in r.text
    assert "truncated: the web archive ends before its closing MIME boundary" in r.warnings


# a CV template's stylesheet hides keyword stuffing by class, or paints it white on white;
# its section headings are white on a dark bar, which a reader sees
STYLED_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8">
<style>
body { font-family: "Microsoft YaHei"; }
.hide, .seo { display: none }
.kw{color:#fff;font-size:12px}
#tags { visibility:hidden; }
p.ghost { color: white }
.bar { background-color: #1f4e79; color: #ffffff }
</style></head><body>
<div class="bar"><h2>工作经历</h2></div>
<p>2018-2023 某科技公司 Java开发工程师 负责订单系统与支付对账开发</p>
<div class="hide">机器学习 深度学习</div>
<div class="seo">大模型</div>
<span class="kw">算法工程师</span>
<p id="tags">推荐系统</p>
<p class="ghost">知识图谱</p>
<p style="color:#FFFFFF">自然语言处理</p>
<p style="color: rgb(255, 255, 255)">计算机视觉</p>
<p class="hide" style="display:block">熟悉Spring Boot与MySQL</p>
<div class="bar"><h2>教育经历</h2></div>
<p>2014-2018 江州大学 计算机科学与技术 本科</p>
</body></html>
"""


def test_text_a_stylesheet_hides_or_paints_white_on_white_is_not_read(tmp_path):
    path = tmp_path / "李雷.html"
    path.write_bytes(STYLED_HTML.encode("utf-8"))
    r = read_resume(path, redact=False)
    check_record(r, "ok")
    assert lines(r) == [
        "工作经历",
        "2018-2023 某科技公司 Java开发工程师 负责订单系统与支付对账开发",
        "熟悉Spring Boot与MySQL",  # its own style shows it again
        "教育经历",
        "2014-2018 江州大学 计算机科学与技术 本科",
    ]
    stuffed = "机器学习深度学习大模型算法工程师推荐系统知识图谱自然语言处理计算机视觉"
    assert r.warnings == (f"hidden_text: {len(stuffed)} chars excluded",)


# a job board's online form saved as a page: what was typed is in value= and <select>
FORM_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<form action="/resume/save" method="post">
<h2>求职意向</h2>
<label>期望职位</label><input type="text" name="job" value="产品经理">
<label>期望城市</label><select name="city"><option value="">请选择</option>
<option value="sz" selected="selected">深圳</option><option value="gz">广州</option></select>
<label>到岗时间</label><select name="start"><option>一个月内</option><option>随时</option></select>
<input type="hidden" name="csrf" value="a8f3e1c9d2">
<input type="password" name="pw" value="secret123">
<input type="submit" value="保存简历">
<datalist id="skills"><option value="Axure"></datalist>
<h2>自我评价</h2>
<textarea name="intro">五年互联网产品经验，熟悉需求分析、原型设计与数据驱动迭代。</textarea>
</form></body></html>
"""


def test_a_saved_form_is_read_with_what_was_typed_and_chosen(tmp_path):
    path = tmp_path / "form.html"
    path.write_bytes(FORM_HTML.encode("utf-8"))
    r = read_resume(path, redact=False)
    check_record(r, "ok")
    assert lines(r) == [
        "求职意向",
        "期望职位 产品经理 期望城市 深圳 到岗时间 一个月内",
        "自我评价",
        "五年互联网产品经验,熟悉需求分析、原型设计与数据驱动迭代。",
    ]
    for unseen in ("请选择", "广州", "随时", "a8f3e1c9d2", "secret123", "保存简历", "Axure"):
        assert unseen not in r.text


def test_wps_text_box_is_read_once(tmp_path):
    box = gbk_escapes("求职意向：数据分析师")
    rtf = (
        r"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 SimSun;}}"
        "\r\n\\pard\\plain " + gbk_escapes("个人简历") + r"\par"
        "\r\n{\\shp{\\*\\shpinst\\shpleft0\\shptop0\\shpright4000\\shpbottom800"
        r"{\sp{\sn shapeType}{\sv 202}}{\sp{\sn fFilled}{\sv 0}}"
        r"{\shptxt \pard\plain " + box + r"\par}}"
        r"{\shprslt{\*\do\dobxcolumn{\dptxbx{\dptxbxtext\pard " + box + r"\par}}}}}"
        "\r\n\\pard\\plain " + gbk_escapes("工作经历") + r"\par}"
    ).encode("ascii")
    assert read_rtf(rtf).text == "个人简历\n求职意向：数据分析师\n工作经历"
    # text boxes in a header stay out, as the header does
    header = rtf.replace(b"{\\shp{", b"{\\header {\\shp{").replace(b"}}}}}", b"}}}}}}")
    assert read_rtf(header).text == "个人简历\n工作经历"


# ---------------------------------------------------------------------------
# the command line: a folder of them gets scores


def test_score_gives_web_pages_and_rtf_a_score(tmp_path):
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "51job_张三.doc").write_bytes(job51_mht())
    (folder / "王五_智联招聘.doc").write_bytes(ZHAOPIN_HTML.encode("utf-8"))
    (folder / "李四简历.htm").write_bytes(WORD_HTM.encode("gbk"))
    (folder / "李四简历.files").mkdir()
    (folder / "李四简历.files" / "image001.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    (folder / "赵六.rtf").write_bytes(wps_rtf())
    (folder / "damaged.mht").write_bytes(job51_mht()[:200])
    out = tmp_path / "out.csv"
    assert main(["score", str(folder), "-o", str(out), "--model", "static-zh", "-q"]) == 0
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    by_file: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_file.setdefault(Path(row["file"]).name, []).append(row)
    assert set(by_file) == {
        "51job_张三.doc", "王五_智联招聘.doc", "李四简历.htm", "赵六.rtf", "damaged.mht"
    }  # fmt: skip
    for name in ("51job_张三.doc", "王五_智联招聘.doc", "李四简历.htm", "赵六.rtf"):
        assert {row["status"] for row in by_file[name]} == {"ok"}, by_file[name][0]
        scores = [float(row["score"]) for row in by_file[name]]
        assert len(scores) > 1 and all(0 <= s <= 1 for s in scores)
    assert (
        "type_mismatch: named .doc but content is a web page"
        in by_file["51job_张三.doc"][0]["warnings"]
    )
    # each résumé's best role is its own line of work
    best = {
        name: next(r["role_id"] for r in rs if r["role_rank"] == "1")
        for name, rs in by_file.items()
        if name != "damaged.mht"
    }
    assert best["51job_张三.doc"] == "mobile-banking", best
    (bad,) = by_file["damaged.mht"]
    assert bad["status"] == "corrupt" and "MHT" in bad["reason"] and not bad["score"]


GITHUB_PAGES_CV = """---
layout: page
title: 简历
permalink: /cv/
---
<div class="hero">
<h1 class="name">李四</h1>
<p class="tagline">新媒体运营 &amp; 内容策划</p>
</div>
<section class="content-section">
<h3>工作经历</h3>
<ul>
<li><strong>2021-2024</strong> 某报社 新媒体中心 编辑：负责公众号与抖音账号的内容策划和日常运营</li>
<li>策划线上活动12场，粉丝增长30万</li>
</ul>
<p style="display:none">增长黑客私域流量打法</p>
</section>
<style>
  :root { --primary: #4D0099; }
  .hero { display: flex; }
</style>
<script>document.querySelector('.hero').classList.add('ready');</script>
"""


def test_a_web_pages_source_saved_as_text_is_read_without_its_markup(tmp_path):
    # a GitHub Pages CV (Markdown with HTML blocks) saved as .txt: its tags, styles,
    # script and front matter are no résumé text, and the reader says it removed them
    path = tmp_path / "about_cn.txt"
    path.write_text(GITHUB_PAGES_CV, encoding="utf-8")
    r = read_resume(path)
    assert r.status == "ok"
    for markup in ("<", "class=", "--primary", "querySelector", "layout:", "&amp;"):
        assert markup not in r.text, markup
    assert "负责公众号与抖音账号的内容策划和日常运营" in r.text
    assert "新媒体运营 & 内容策划" in r.text
    assert any(re.fullmatch(r"markup: \d+ HTML tags removed", w) for w in r.warnings), r.warnings
    # read as a web page is: what the page hides is left out and counted
    assert "增长黑客" not in r.text
    assert f"hidden_text: {len('增长黑客私域流量打法')} chars excluded" in r.warnings, r.warnings


def test_a_text_that_mentions_html_tags_is_read_as_it_is(tmp_path):
    path = tmp_path / "frontend.txt"
    text = "前端开发工程师，熟悉<div>与<span>布局，年龄<35岁"
    path.write_text(text, encoding="utf-8")
    r = read_resume(path)
    assert "<div>与<span>布局" in r.text
    assert not any(w.startswith("markup") for w in r.warnings)


def test_a_whole_web_page_named_txt_is_read_as_a_web_page(tmp_path):
    # a browser's "save page source" as .txt: the web-page reader leaves out what the
    # page hides, as it does for the .html
    page = (
        "<!DOCTYPE html><html><head><title>个人简历</title>"
        "<style>.tip{display:none}</style></head><body>"
        "<div class='tip'>请登录后查看联系方式</div>"
        "<h2>工作经历</h2><p>2019-至今 某银行 信用卡中心 客服组长，负责坐席排班与质检</p>"
        "</body></html>"
    )
    path = tmp_path / "resume.txt"
    path.write_text(page, encoding="utf-8")
    r = read_resume(path)
    assert r.status == "ok"
    assert "负责坐席排班与质检" in r.text
    assert "请登录后查看联系方式" not in r.text and "<" not in r.text
    assert any(
        w.startswith("type_mismatch: named .txt but content is a web page") for w in r.warnings
    )
