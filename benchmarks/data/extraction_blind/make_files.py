"""Write the blind extraction set: 14 tricky résumé files plus gold.json.

Run from the repository root:
    .venv/bin/python benchmarks/data/extraction_blind/make_files.py

Everything is invented (people, employers, phones masked, mail @example.com).
Each builder records the text a reader sees (VIS) and the text a reader must
leave out (HID); at the end every gold phrase is checked against them.
"""

# ruff: noqa: E501, UP031, B007  (XML, RTF and MIME templates written as the formats hold them)

from __future__ import annotations

import base64
import json
import os
import quopri
import zipfile
from xml.sax.saxutils import escape

from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")

GOLD = {}
VIS = []  # visible strings of the file being built
HID = []  # hidden / deleted / comment strings of the file being built


def reset():
    VIS.clear()
    HID.clear()


def register(name, layout, must, must_not):
    vis = "\n".join(VIS)
    hid = "\n".join(HID)
    flat = "".join(VIS)
    assert 5 <= len(must) <= 10, name
    assert len(must_not) <= 4, name
    for ph in must + must_not:
        assert 4 <= len(ph) <= 20, (name, ph)
    for ph in must:
        assert ph in vis, (name, "must not visible", ph)
        assert ph not in hid, (name, "must also hidden", ph)
    for ph in must_not:
        assert ph in hid, (name, "must_not not hidden", ph)
        assert ph not in vis and ph not in flat, (name, "must_not visible", ph)
    GOLD[name] = {"layout": layout, "must": must, "must_not": must_not}
    reset()


# ---------------------------------------------------------------- docx kit
NS = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'mc:Ignorable="w14 wp14"'
)
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
DATE = "2024-03-18T09:30:00Z"


def t(text):
    """Text runs content: \\t -> w:tab, \\n -> w:br."""
    out = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return "".join(out)


def rpr(b=False, color=None, sz=None, vanish=False, font=True, extra="", rstyle=None):
    parts = []
    if rstyle:
        parts.append(f'<w:rStyle w:val="{rstyle}"/>')
    if font:
        parts.append('<w:rFonts w:hint="eastAsia"/>')
    if b:
        parts.append("<w:b/><w:bCs/>")
    if vanish:
        parts.append("<w:vanish/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if sz:
        parts.append('<w:sz w:val="%d"/><w:szCs w:val="%d"/>' % (sz, sz))
    parts.append(extra)
    return "<w:rPr>{}</w:rPr>".format("".join(parts))


def R(text, b=False, color=None, sz=None, vanish=False, hidden=None, extra="", rstyle=None):
    """A run. Visible unless vanish / white; registers the text."""
    if hidden is None:
        hidden = vanish or (color or "").upper() == "FFFFFF"
    is_hidden = hidden
    for piece in text.replace("\t", "\n").split("\n"):
        (HID if is_hidden else VIS).append(piece)
    return f"<w:r>{rpr(b, color, sz, vanish, extra=extra, rstyle=rstyle)}{t(text)}</w:r>"


def DEL(text, rid):
    HID.append(text)
    return (
        '<w:del w:id="%d" w:author="王主管" w:date="%s"><w:r>%s'
        '<w:delText xml:space="preserve">%s</w:delText></w:r></w:del>'
        % (rid, DATE, rpr(), escape(text))
    )


def INS(text, rid, b=False):
    VIS.append(text)
    return '<w:ins w:id="%d" w:author="王主管" w:date="%s"><w:r>%s%s</w:r></w:ins>' % (
        rid,
        DATE,
        rpr(b),
        t(text),
    )


def P(*runs, style=None, jc=None, num=None, ilvl=0, spacing=None, ppr_extra="", rpr_mark=""):
    ppr = []
    if style:
        ppr.append(f'<w:pStyle w:val="{style}"/>')
    if num is not None:
        ppr.append('<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (ilvl, num))
    if spacing:
        ppr.append(spacing)
    ppr.append(ppr_extra)
    if jc:
        ppr.append(f'<w:jc w:val="{jc}"/>')
    if rpr_mark:
        ppr.append(f"<w:rPr>{rpr_mark}</w:rPr>")
    body = "".join(R(x) if isinstance(x, str) else x[0] for x in runs)
    return "<w:p><w:pPr>{}</w:pPr>{}</w:p>".format("".join(ppr), body)


def raw(xml):
    """Mark a ready-made XML fragment for P()."""
    return (xml,)


def H(text):
    return P(raw(R(text, b=True, sz=28)), style="Heading2")


def TC(width, *paras, extra=""):
    return '<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s</w:tcPr>%s</w:tc>' % (
        width,
        extra,
        "".join(paras) or "<w:p/>",
    )


def TBL(widths, rows, borders=True, style="TableGrid"):
    b = (
        ""
        if borders
        else (
            "<w:tblBorders>"
            + "".join(
                f'<w:{s} w:val="nil"/>'
                for s in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + "</w:tblBorders>"
        )
    )
    grid = "".join('<w:gridCol w:w="%d"/>' % w for w in widths)
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="%s"/><w:tblW w:w="%d" w:type="dxa"/>%s'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
        'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        "<w:tblGrid>%s</w:tblGrid>%s</w:tbl>"
        % (style, sum(widths), b, grid, "".join("<w:tr>{}</w:tr>".format("".join(r)) for r in rows))
    )


STYLES = (
    XML_DECL
    + f"""<w:styles {NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="a"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="420"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="a"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="a"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="21"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
</w:styles>"""
)

SECT = (
    '<w:sectPr>%s<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" '
    'w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/>'
    '<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>'
)


def write_docx(name, body, parts=None, settings_extra="", sect_refs="", settings_late=""):
    """parts: list of (partname, rel_type, content_type or None, xml or None, target_mode)."""
    parts = parts or []
    rels = [
        f'<Relationship Id="rIdStyles" Type="{REL}styles" Target="styles.xml"/>',
        f'<Relationship Id="rIdSettings" Type="{REL}settings" Target="settings.xml"/>',
    ]
    overrides = [
        ("/word/document.xml", CT + "document.main+xml"),
        ("/word/styles.xml", CT + "styles+xml"),
        ("/word/settings.xml", CT + "settings+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        ),
    ]
    files = {}
    for rid, target, rtype, ctype, xml, mode in parts:
        m = ' TargetMode="External"' if mode else ""
        rels.append(
            '<Relationship Id="{}" Type="{}{}" Target="{}"{}/>'.format(
                rid, REL, rtype, escape(target, {'"': "&quot;"}), m
            )
        )
        if xml is not None:
            files["word/" + target] = xml
            overrides.append(("/word/" + target, ctype))
    document = XML_DECL + f"<w:document {NS}><w:body>{body}{SECT % sect_refs}</w:body></w:document>"
    settings = (
        XML_DECL + f'<w:settings {NS}><w:zoom w:percent="100"/>{settings_extra}'
        f'<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>{settings_late}'
        '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        "</w:settings>"
    )
    ctypes = (
        XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/>'
        + "".join('<Override PartName="{}" ContentType="{}"/>'.format(*o) for o in overrides)
        + "</Types>"
    )
    root_rels = (
        XML_DECL
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}extended-properties" Target="docProps/app.xml"/>'
        "</Relationships>"
    )
    core = (
        XML_DECL
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>个人简历</dc:title><dc:creator>Administrator</dc:creator>"
        "<cp:lastModifiedBy>Administrator</cp:lastModifiedBy><cp:revision>3</cp:revision>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-10T08:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-18T09:30:00Z</dcterms:modified>'
        "</cp:coreProperties>"
    )
    app = (
        XML_DECL
        + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        "<Template>Normal.dotm</Template><TotalTime>42</TotalTime><Pages>1</Pages>"
        "<Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>"
        "<AppVersion>16.0000</AppVersion></Properties>"
    )
    doc_rels = (
        XML_DECL
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels)
        + "</Relationships>"
    )
    all_files = {
        "[Content_Types].xml": ctypes,
        "_rels/.rels": root_rels,
        "docProps/core.xml": core,
        "docProps/app.xml": app,
        "word/document.xml": document,
        "word/styles.xml": STYLES,
        "word/settings.xml": settings,
        "word/_rels/document.xml.rels": doc_rels,
    }
    all_files.update(files)
    for fname, xml in all_files.items():
        etree.fromstring(xml.encode("utf-8"))  # well-formed or raise
    with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_DEFLATED) as z:
        # [Content_Types].xml first, as Word writes it
        for fname in all_files:
            z.writestr(fname, all_files[fname].encode("utf-8"))


def bullets(items, num=None):
    if num is None:
        return "".join(P("· " + it) for it in items)
    return "".join(P(it, style="ListParagraph", num=num) for it in items)


# ================================================================ 01
def f01():
    name = "01_two_column_table.docx"
    L = 3200
    Rw = 5106
    left = [
        P(raw(R("个人信息", b=True, sz=24))),
        P("姓名：林思远"),
        P("性别：男　　出生：1992.06"),
        P("电话：139****2741"),
        P("邮箱：linsy@example.com"),
        P("现居：浙江杭州"),
        P("求职意向：高级Java开发工程师"),
        P(""),
        P(raw(R("专业技能", b=True, sz=24))),
        P("· 熟练使用Spring Cloud微服务"),
        P("· MySQL索引与慢查询调优"),
        P("· Redis、Kafka、Elasticsearch"),
        P("· 熟悉Kubernetes容器部署"),
        P(""),
        P(raw(R("证书", b=True, sz=24))),
        P("软考系统架构设计师（2021）"),
        P("大学英语六级"),
    ]
    right = [
        P(raw(R("工作经历", b=True, sz=24))),
        P(raw(R("2020.04 - 至今　杭州云栈科技有限公司　高级开发工程师", b=True))),
        P("· 负责交易中台订单服务的设计与开发，日均订单量约120万"),
        P("· 主导订单中心重构，接口平均响应时间从380ms降到95ms"),
        P("· 带领4人小组完成支付回调幂等改造"),
        P(raw(R("2017.07 - 2020.03　宁波启航软件有限公司　Java开发工程师", b=True))),
        P("· 参与港口物流调度系统开发，负责运单与结算模块"),
        P("· 编写单元测试，核心模块覆盖率提升至78%"),
        P(""),
        P(raw(R("项目经历", b=True, sz=24))),
        P(raw(R("跨境收单对账平台（2022.03 - 2022.12）", b=True))),
        P("· 对接三家收单机构的对账文件，自动生成差错报表"),
        P("· 采用Spring Batch分片处理，单日对账耗时缩短至20分钟"),
        P(""),
        P(raw(R("教育背景", b=True, sz=24))),
        P("2013.09 - 2017.06　浙江工业大学　计算机科学与技术　本科"),
        P(""),
        P(raw(R("自我评价", b=True, sz=24))),
        P("做事踏实，抗压能力强，乐于分享技术经验。"),
    ]
    title_row = [
        TC(
            L + Rw,
            P(raw(R("个 人 简 历", b=True, sz=36)), jc="center"),
            extra='<w:gridSpan w:val="2"/>',
        )
    ]
    body = (
        TBL(
            [L, Rw],
            [
                title_row,
                [
                    TC(L, *left, extra='<w:shd w:val="clear" w:color="auto" w:fill="EDEDED"/>'),
                    TC(Rw, *right),
                ],
            ],
        )
        + "<w:p/>"
    )
    write_docx(name, body)
    register(
        name,
        "whole résumé in a 2-column table (merged title row, left column info/skills with grey fill, right column work), several paragraphs per cell",
        [
            "姓名：林思远",
            "linsy@example.com",
            "系统架构设计师",
            "杭州云栈科技有限公司",
            "主导订单中心重构",
            "港口物流调度系统",
            "跨境收单对账平台",
            "浙江工业大学",
            "抗压能力强",
        ],
        [],
    )


# ================================================================ 02
def textbox(paras_xml_fn, docpr_id, w_emu, h_emu):
    choice = paras_xml_fn()
    fallback = paras_xml_fn()
    w_pt = w_emu / 12700.0
    h_pt = h_emu / 12700.0
    return raw(
        '<w:r>%s<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>left</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        '<wp:docPr id="%d" name="文本框 %d"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"><a:spLocks noChangeArrowheads="1"/></wps:cNvSpPr>'
        '<wps:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="DEEAF6"/></a:solidFill>'
        '<a:ln w="9525"><a:noFill/><a:miter lim="800000"/></a:ln></wps:spPr>'
        "<wps:txbx><w:txbxContent>%s</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
        '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        '<v:shape id="文本框 %d" o:spid="_x0000_s10%02d" type="#_x0000_t202" '
        'style="position:absolute;left:0;text-align:left;margin-left:0;margin-top:0;width:%.1fpt;height:%.1fpt;z-index:251659264;mso-position-horizontal:left;mso-position-horizontal-relative:margin" '
        'fillcolor="#deeaf6" stroked="f"><v:textbox><w:txbxContent>%s</w:txbxContent></v:textbox>'
        '<w10:wrap type="topAndBottom" anchorx="margin"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
        % (
            rpr(),
            w_emu,
            h_emu,
            docpr_id,
            docpr_id,
            w_emu,
            h_emu,
            choice,
            docpr_id,
            docpr_id + 25,
            w_pt,
            h_pt,
            fallback,
        )
    )


def f02():
    name = "02_textbox_contact.docx"

    def box():
        return (
            P(raw(R("陈雨桐", b=True, sz=40)))
            + P("女 | 1996年3月 | 中共党员 | 现居上海浦东")
            + P("手机：186****3390　邮箱：chenyt@example.com")
            + P("求职意向：手机银行产品经理")
        )

    body = (
        P(textbox(box, 1, 5274310, 1188720))
        + H("教育背景")
        + P("2014.09 - 2018.06　复旦大学　信息管理与信息系统　本科")
        + P("2018.09 - 2020.06　上海财经大学　金融科技　硕士")
        + H("工作经历")
        + P(raw(R("2020.07 - 至今　申江银行股份有限公司　手机银行产品经理", b=True)))
        + bullets(
            [
                "负责手机银行转账、理财频道的需求规划与版本迭代",
                "推动转账流程由6步缩减为3步，月活提升12%",
                "牵头适老化改版，大字版上线首月使用人数超8万",
            ]
        )
        + P(raw(R("2018.07 - 2018.12　明远数字科技（实习）　产品助理", b=True)))
        + bullets(["整理竞品分析报告，撰写PRD文档20余篇"])
        + H("项目经历")
        + P(raw(R("手机银行6.0改版（2022.01 - 2022.09）", b=True)))
        + bullets(
            [
                "梳理42个一级功能入口，重新设计首页信息架构",
                "组织可用性测试5轮，任务完成率由71%提升到93%",
            ]
        )
        + H("技能证书")
        + P("PMP项目管理专业人士、银行从业资格证、Axure、SQL基础")
        + H("自我评价")
        + P("对数据敏感，善于跨部门沟通，能把复杂业务讲清楚。")
    )
    write_docx(name, body)
    register(
        name,
        "name/contact block inside a Word text box (mc:AlternateContent with wps Choice and VML Fallback both holding the text)",
        [
            "现居上海浦东",
            "chenyt@example.com",
            "转账流程由6步缩减为3步",
            "上海财经大学",
            "申江银行股份有限公司",
            "适老化改版",
            "手机银行6.0改版",
            "PMP项目管理专业人士",
            "善于跨部门沟通",
        ],
        [],
    )


# ================================================================ 03
def f03():
    name = "03_tracked_changes.docx"
    body = (
        P(raw(R("周景行", b=True, sz=40)), jc="center")
        + P("电话：135****8826　邮箱：zhoujx@example.com　求职意向：数据分析师", jc="center")
        + H("教育背景")
        + P("2012.09 - 2016.06　南京大学　统计学　本科")
        + H("工作经历")
        + P(
            raw(R("2019.05 - 至今　", b=True)),
            raw(DEL("北京星河传媒有限公司", 11)),
            raw(INS("上海蓝鲸数据有限公司", 12, b=True)),
            raw(R("　高级数据分析师", b=True)),
        )
        + bullets(
            ["搭建用户流失预警模型，召回率达到0.81", "负责经营日报自动化，节省人工约每周10小时"]
        )
        + P(
            "· ",
            raw(DEL("精通十二种编程语言，", 13)),
            raw(INS("熟练使用Python与SQL完成取数建模，", 14)),
            raw(R("支持市场部投放决策")),
        )
        + P(raw(R("2016.07 - 2019.04　苏州禾木零售有限公司　数据分析专员", b=True)))
        + bullets(["维护门店销售看板，覆盖华东地区63家门店"])
        # a whole paragraph deleted (paragraph mark deleted too)
        + P(
            raw(DEL("· 曾因个人原因离职三个月在家待业", 15)),
            rpr_mark=f'<w:del w:id="16" w:author="王主管" w:date="{DATE}"/>',
        )
        # a whole paragraph inserted
        + P(
            raw(INS("· 设计会员复购分析框架，复购率提升4个百分点", 17)),
            rpr_mark=f'<w:ins w:id="18" w:author="王主管" w:date="{DATE}"/>',
        )
        + H("项目经历")
        + P(raw(R("零售价格弹性分析（2021.02 - 2021.08）", b=True)))
        + bullets(["基于两年交易数据估计各品类价格弹性，为定价提供依据"])
        + H("技能证书")
        + P(
            "CDA数据分析师二级、Tableau、Python、SQL、",
            raw(DEL("PhotoShop", 19)),
            raw(INS("SPSS", 20)),
        )
        + H("自我评价")
        + P("逻辑清晰，", raw(DEL("不喜欢加班，", 21)), raw(R("喜欢用数据讲故事。")))
    )
    write_docx(name, body, settings_extra="<w:trackRevisions/>")
    register(
        name,
        "tracked changes: inserted runs and an inserted paragraph must appear, deleted runs and a deleted paragraph must not",
        [
            "zhoujx@example.com",
            "南京大学",
            "上海蓝鲸数据有限公司",
            "熟练使用Python与SQL",
            "苏州禾木零售有限公司",
            "复购率提升4个百分点",
            "零售价格弹性分析",
            "喜欢用数据讲故事",
        ],
        ["北京星河传媒有限公司", "精通十二种编程语言", "离职三个月在家待业", "不喜欢加班"],
    )


# ================================================================ 04
def f04():
    name = "04_comment_footnote.docx"
    HID.append("此处需核实离职原因，候选人口头称是裁员")
    HID.append("薪资偏高，建议二面再谈")
    comments = (
        XML_DECL + f"<w:comments {NS}>"
        f'<w:comment w:id="0" w:author="招聘HR" w:date="{DATE}" w:initials="HR"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
        "<w:r><w:t>此处需核实离职原因，候选人口头称是裁员</w:t></w:r></w:p></w:comment>"
        f'<w:comment w:id="1" w:author="招聘HR" w:date="{DATE}" w:initials="HR"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
        "<w:r><w:t>薪资偏高，建议二面再谈</w:t></w:r></w:p></w:comment>"
        "</w:comments>"
    )
    VIS.append("该奖项每年全校评选不超过30人。")
    footnotes = (
        XML_DECL + f"<w:footnotes {NS}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
        '<w:r><w:t xml:space="preserve"> 该奖项每年全校评选不超过30人。</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )

    def cref(i):
        return raw(
            '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="%d"/></w:r>'
            % i
        )

    fref = raw(
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    )
    body = (
        P(raw(R("苏婉清", b=True, sz=40)))
        + P("电话：150****6613　邮箱：suwq@example.com　现居：成都")
        + P("求职意向：客户服务主管")
        + H("教育背景")
        + P("2011.09 - 2015.06　西南财经大学　市场营销　本科")
        + P("在校荣誉：校级优秀学生干部", fref)
        + H("工作经历")
        + P(
            raw('<w:commentRangeStart w:id="0"/>'),
            raw(R("2019.03 - 2023.10　蓉城消费金融有限公司　客服中心主管", b=True)),
            raw('<w:commentRangeEnd w:id="0"/>'),
            cref(0),
        )
        + bullets(
            [
                "管理35人呼入团队，负责投诉工单闭环",
                "建立质检评分卡，客户满意度由86%提升至94%",
                "编写客服话术库，新人上岗周期缩短一周",
            ]
        )
        + P(raw(R("2015.07 - 2019.02　锦江通信服务有限公司　客服专员", b=True)))
        + bullets(["处理宽带业务咨询与投诉，月均接听1500通"])
        + H("项目经历")
        + P(raw(R("智能客服知识库建设（2021.05 - 2021.12）", b=True)))
        + bullets(["梳理高频问题380条，机器人解决率达到62%"])
        + H("技能证书")
        + P("呼叫中心运营管理师、普通话二级甲等、熟练使用Excel数据透视表")
        + H("自我评价")
        + P(
            raw('<w:commentRangeStart w:id="1"/>'),
            raw(R("期望薪资：月薪15K")),
            raw('<w:commentRangeEnd w:id="1"/>'),
            cref(1),
        )
        + P("性格开朗，有耐心，擅长安抚情绪激动的客户。")
    )
    parts = [
        ("rIdCm", "comments.xml", "comments", CT + "comments+xml", comments, False),
        ("rIdFn", "footnotes.xml", "footnotes", CT + "footnotes+xml", footnotes, False),
    ]
    write_docx(
        name,
        body,
        parts,
        settings_late='<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>',
    )
    register(
        name,
        "two Word comments anchored on body text (comment text must not appear) and a footnote (footnote text in neither list)",
        [
            "求职意向：客户服务主管",
            "suwq@example.com",
            "西南财经大学",
            "校级优秀学生干部",
            "蓉城消费金融有限公司",
            "建立质检评分卡",
            "智能客服知识库建设",
            "期望薪资：月薪15K",
            "擅长安抚情绪激动的客户",
        ],
        ["此处需核实离职原因", "候选人口头称是裁员", "建议二面再谈"],
    )


# ================================================================ 05
def page_field():
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE  \\* MERGEFORMAT </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def SDT(inner, alias, tag, sid, extra=""):
    return (
        '<w:sdt><w:sdtPr><w:alias w:val="%s"/><w:tag w:val="%s"/><w:id w:val="%d"/>%s</w:sdtPr>'
        "<w:sdtContent>%s</w:sdtContent></w:sdt>" % (alias, tag, sid, extra, inner)
    )


def f05():
    name = "05_header_footer_sdt.docx"
    VIS.append("赵一鸣 | 137****0826 | zhao.yiming@example.com")
    header = (
        XML_DECL + f'<w:hdr {NS}><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
        "<w:r><w:t>赵一鸣 | 137****0826 | zhao.yiming@example.com</w:t></w:r></w:p></w:hdr>"
    )
    VIS.append("第 1 页")
    footer = (
        XML_DECL
        + f'<w:ftr {NS}><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">第 </w:t></w:r>{page_field()}<w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p></w:ftr>'
    )
    date_pr = (
        '<w:date w:fullDate="2018-07-01T00:00:00Z"><w:dateFormat w:val="yyyy.MM"/><w:lid w:val="zh-CN"/>'
        '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
    )
    inline_date = '<w:sdt><w:sdtPr><w:id w:val="-1904675213"/>{}</w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>'.format(
        date_pr, R("2018.07")
    )
    body = (
        P(raw(R("个人简历", b=True, sz=40)), jc="center")
        + SDT(
            P("姓名：赵一鸣　　年龄：29岁　　籍贯：山东潍坊") + P("求职意向：支付结算业务岗"),
            "基本信息",
            "basic",
            101,
        )
        + H("教育背景")
        + SDT(P("2014.09 - 2018.06　山东财经大学　金融学　本科"), "教育背景", "edu", 102)
        + H("工作经历")
        + SDT(
            P(raw(inline_date), raw(R(" - 至今　齐鲁城商银行运营管理部　清算岗", b=True)))
            + bullets(
                [
                    "负责大小额支付系统日间清算与头寸调拨",
                    "处理跨行汇款退汇及差错账务，全年零资金损失",
                    "参与银联二维码收单商户结算规则梳理",
                ]
            )
            + P(raw(R("2017.07 - 2017.12　潍坊金穗会计师事务所　审计助理（实习）", b=True)))
            + bullets(["协助完成3家制造企业年报审计底稿"]),
            "工作经历",
            "work",
            103,
        )
        + H("项目经历")
        + SDT(
            P(raw(R("网联清算接入改造（2020.09 - 2021.03）", b=True)))
            + bullets(["编写对账差异处理手册，日终对账时间提前40分钟"]),
            "项目经历",
            "proj",
            104,
        )
        + H("技能证书")
        + TBL(
            [2200, 6106],
            [
                [
                    TC(2200, P("证书")),
                    TC(
                        6106,
                        SDT(
                            P("银行从业资格（法律法规、公司信贷）、初级会计职称"),
                            "证书",
                            "cert",
                            105,
                        ),
                    ),
                ],
                [TC(2200, P("技能")), TC(6106, P("Excel VBA、SWIFT报文基础"))],
            ],
        )
        + H("自我评价")
        + SDT(P("细致严谨，对数字敏感，能够承受月末结算高峰压力。"), "自我评价", "self", 106)
    )
    parts = [
        ("rIdH1", "header1.xml", "header", CT + "header+xml", header, False),
        ("rIdF1", "footer1.xml", "footer", CT + "footer+xml", footer, False),
    ]
    write_docx(
        name,
        body,
        parts,
        sect_refs='<w:headerReference w:type="default" r:id="rIdH1"/><w:footerReference w:type="default" r:id="rIdF1"/>',
    )
    register(
        name,
        "contact line in the page header part, PAGE field in footer; body in block/inline w:sdt content controls (one inside a table cell, one a date picker)",
        [
            "籍贯：山东潍坊",
            "支付结算业务岗",
            "山东财经大学",
            "齐鲁城商银行运营管理部",
            "全年零资金损失",
            "网联清算接入改造",
            "初级会计职称",
            "能够承受月末结算高峰压力",
        ],
        [],
    )


# ================================================================ 06
def f06():
    name = "06_hidden_white_text.docx"
    body = (
        P(raw(R("顾晓萌", b=True, sz=40)))
        + P("电话：152****7049　邮箱：guxm@example.com　求职意向：新媒体运营")
        + P(raw(R("期望薪资：面议", b=False)), raw(R("（底线8K也可以接受）", vanish=True)))
        + H("教育背景")
        + P("2015.09 - 2019.06　华中师范大学　汉语言文学　本科")
        + H("工作经历")
        + P(raw(R("2021.08 - 至今　武汉知鱼文化传播有限公司　新媒体运营主管", b=True)))
        + bullets(
            [
                "负责公众号与视频号内容规划，粉丝从3万增长到21万",
                "策划“城市夜读”系列直播，单场观看峰值4.6万",
            ]
        )
        + P(raw(R("2019.07 - 2021.07　江城日报社融媒体中心　编辑", b=True)))
        + bullets(["采写民生类稿件，两篇入选年度优秀作品"])
        + P(
            raw(
                R(
                    "人工智能 区块链 大数据 云原生 元宇宙 精通全栈开发 清华大学 年薪五十万",
                    color="FFFFFF",
                    sz=2,
                )
            )
        )
        + H("项目经历")
        + P(raw(R("高校招生季短视频专题（2022.05 - 2022.08）", b=True)))
        + bullets(["统筹12支短视频拍摄，累计播放量超过800万"])
        + H("技能证书")
        + P("新媒体运营师、Premiere剪辑、秀米排版", raw(R("、曾被前公司劝退", vanish=True)))
        + H("自我评价")
        + P("文字功底扎实，热点嗅觉灵敏，喜欢和用户打成一片。")
    )
    write_docx(name, body)
    register(
        name,
        "hidden text (w:vanish runs) and a white, 1-pt keyword-stuffing paragraph (w:color FFFFFF)",
        [
            "求职意向：新媒体运营",
            "guxm@example.com",
            "期望薪资：面议",
            "华中师范大学",
            "武汉知鱼文化传播有限公司",
            "城市夜读",
            "高校招生季短视频专题",
            "Premiere剪辑",
            "热点嗅觉灵敏",
        ],
        ["底线8K也可以接受", "区块链 大数据 云原生", "精通全栈开发", "曾被前公司劝退"],
    )


# ================================================================ 07
def lvl(i, fmt, text, ind):
    return (
        '<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="420"/></w:pPr>%s</w:lvl>'
        % (
            i,
            fmt,
            text,
            ind,
            '<w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings" w:hint="default"/></w:rPr>'
            if fmt == "bullet"
            else "",
        )
    )


def f07():
    name = "07_numbering_nested_table.docx"
    numbering = (
        XML_DECL
        + f"<w:numbering {NS}>"
        + '<w:abstractNum w:abstractNumId="0"><w:nsid w:val="1A2B3C4D"/><w:multiLevelType w:val="hybridMultilevel"/>'
        + "".join(lvl(i, "bullet", "\uf06c", 420 * (i + 1)) for i in range(3))
        + "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="1"><w:nsid w:val="5E6F7A8B"/><w:multiLevelType w:val="hybridMultilevel"/>'
        + lvl(0, "decimal", "%1.", 420)
        + lvl(1, "lowerLetter", "%2)", 840)
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        "</w:numbering>"
    )
    inner = TBL(
        [1500, 4200],
        [
            [TC(1500, P("技术栈")), TC(4200, P("Vue3、TypeScript、Vite、ECharts"))],
            [TC(1500, P("团队规模")), TC(4200, P("前端5人，后端8人"))],
            [
                TC(1500, P("个人职责")),
                TC(4200, P("负责大屏可视化组件库封装"), P("首屏加载优化至1.2秒")),
            ],
        ],
    )
    proj_tbl = TBL(
        [2400, 5906],
        [
            [TC(2400, P(raw(R("项目名称", b=True)))), TC(5906, P("远程视频柜员系统前端重构"))],
            [TC(2400, P(raw(R("项目时间", b=True)))), TC(5906, P("2022.04 - 2023.01"))],
            [
                TC(2400, P(raw(R("项目详情", b=True)))),
                TC(5906, inner, P("项目上线后覆盖全省214个网点")),
            ],
        ],
    )
    body = (
        P(raw(R("韩立诚", b=True, sz=40)))
        + P("男 | 31岁 | 电话：133****5182 | 邮箱：han.licheng@example.com")
        + P("求职意向：前端开发工程师（远程系统方向）")
        + H("教育背景")
        + P("2011.09 - 2015.06　西安电子科技大学　软件工程　本科")
        + H("工作经历")
        + P(raw(R("2019.03 - 至今　长安金服信息技术有限公司　前端技术负责人", b=True)))
        + bullets(
            [
                "负责柜面与远程视频业务的Web前端架构",
                "推动微前端拆分，构建时间从14分钟降到4分钟",
                "制定前端代码规范并接入自动化检查",
            ],
            num=1,
        )
        + P("主要成果：", style=None)
        + bullets(["获公司年度技术创新奖", "培养3名初级工程师独立负责模块"], num=2)
        + P(raw(R("2015.07 - 2019.02　秦川网络科技有限公司　Web开发工程师", b=True)))
        + bullets(["开发政务服务门户网站，支持IE9及以上浏览器"], num=1)
        + P("使用jQuery与Bootstrap完成响应式改造", style="ListParagraph", num=1, ilvl=1)
        + H("项目经历")
        + proj_tbl
        + "<w:p/>"
        + H("技能证书")
        + bullets(["熟悉WebRTC音视频通话与录制", "全国计算机技术与软件专业技术资格（中级）"], num=1)
        + H("自我评价")
        + P("注重用户体验，乐于钻研新技术，具备良好的团队协作意识。")
    )
    parts = [("rIdNum", "numbering.xml", "numbering", CT + "numbering+xml", numbering, False)]
    write_docx(name, body, parts)
    register(
        name,
        "bullets and numbered lists as Word numbering (numPr, two levels) and a table nested inside a table cell",
        [
            "133****5182",
            "西安电子科技大学",
            "长安金服信息技术有限公司",
            "推动微前端拆分",
            "获公司年度技术创新奖",
            "远程视频柜员系统前端重构",
            "负责大屏可视化组件库封装",
            "覆盖全省214个网点",
            "熟悉WebRTC音视频通话",
            "良好的团队协作意识",
        ],
        [],
    )


# ================================================================ 08
def f08():
    name = "08_hyperlink_fields_breaks.docx"
    NB = "\u00a0"
    IS = "\u3000"

    def hl(rid, text):
        return raw(
            '<w:hyperlink r:id="{}" w:history="1">{}</w:hyperlink>'.format(
                rid, R(text, rstyle="Hyperlink")
            )
        )

    VIS.append("2024年5月20日")
    date_simple = raw(
        '<w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; "><w:r><w:t>2024年5月20日</w:t></w:r></w:fldSimple>'
    )
    VIS.append("he.xu@example.com")
    mail_field = raw(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:he.xu@example.com" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>he.xu@example.com</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    anchor = raw(
        '<w:hyperlink w:anchor="proj" w:history="1">{}</w:hyperlink>'.format(R("（详见项目经历）"))
    )
    body = (
        P(raw(R("何" + IS + "绪", b=True, sz=40)))
        + P(
            "姓"
            + IS
            + IS
            + "名：何绪"
            + NB
            + NB
            + "性"
            + IS
            + IS
            + "别：男"
            + NB
            + NB
            + "年"
            + IS
            + IS
            + "龄：27"
        )
        + P("电话：" + NB + "158****4417" + IS + "邮箱：", mail_field)
        + P(
            "个人主页：",
            hl("rIdL1", "GitHub主页 github.com/hexu-dev"),
            raw(R(IS + "技术博客：")),
            hl("rIdL2", "绪言杂记"),
        )
        + P("更新日期：", date_simple)
        + H("教育背景")
        + P("2015.09 - 2019.06\n华南理工大学\t通信工程\t本科")
        + H("工作经历")
        + P(raw(R("2021.07 - 至今\n深圳前海微链科技有限公司\n后端开发工程师（Go）", b=True)))
        + P("· 负责分布式支付网关的路由与限流模块", anchor)
        + P("· 网关峰值QPS从8000提升到2.3万，\n故障切换时间小于3秒")
        + P(raw(R("2019.07 - 2021.06\n广州粤信通讯设备有限公司\n嵌入式软件工程师", b=True)))
        + P("· 编写基站告警采集程序，\n  单板巡检效率提高一倍")
        + H("项目经历")
        + P(
            raw('<w:bookmarkStart w:id="0" w:name="proj"/>'),
            raw(R("多活支付网关（2022.03" + NB + "-" + NB + "2023.02）", b=True)),
            raw('<w:bookmarkEnd w:id="0"/>'),
        )
        + P("· 同城双活部署，全年可用性达到99.99%\n· 编写压测脚本与故障演练手册")
        + H("技能证书")
        + P(
            "Go"
            + IS
            + "/"
            + IS
            + "Kafka"
            + IS
            + "/"
            + IS
            + "etcd"
            + IS
            + "/"
            + IS
            + "Prometheus\nCCNA网络工程师认证"
        )
        + H("自我评价")
        + P("喜欢读源码，习惯用文档沉淀经验。当前第 ", raw(page_field()), raw(R(" 页")))
    )
    VIS.append("1")
    parts = [
        ("rIdL1", "https://github.com/hexu-dev", "hyperlink", None, None, True),
        ("rIdL2", "https://blog.example.com/hexu", "hyperlink", None, None, True),
    ]
    write_docx(name, body, parts)
    register(
        name,
        "w:hyperlink runs (external and anchor), HYPERLINK/PAGE complex fields and a DATE fldSimple, soft w:br breaks, tabs, NBSP and full-width spaces",
        [
            "158****4417",
            "he.xu@example.com",
            "github.com/hexu-dev",
            "绪言杂记",
            "2024年5月20日",
            "华南理工大学",
            "深圳前海微链科技有限公司",
            "分布式支付网关",
            "故障切换时间小于3秒",
            "习惯用文档沉淀经验",
        ],
        [],
    )


# ================================================================ 09
def f09():
    name = "09_jobboard_export.html"
    hidden = "内部备注：该候选人已被猎头推荐过两次，薪资底线12K"
    script = "var resumeSource = '简历来源统计-渠道A'; function trackView(k){ window.__stat = k; } trackView('简历投递埋点');"
    HID.extend([hidden, script, "职联招聘 - 郑可欣的简历"])
    td = 'style="padding:4px 8px;border-bottom:1px dashed #ddd;font-size:13px;color:#333;"'
    lab = 'style="width:90px;color:#888;font-size:13px;padding:4px 8px;"'

    def sec(title):
        return (
            '<tr><td colspan="2" style="background:#f2f6fc;border-left:4px solid #2b7de9;'
            f'padding:6px 10px;font-size:15px;font-weight:bold;color:#1f4e9c;">{title}</td></tr>'
        )

    rows_basic = [
        ("姓&nbsp;&nbsp;&nbsp;&nbsp;名", "郑可欣"),
        ("性&nbsp;&nbsp;&nbsp;&nbsp;别", "女"),
        ("出生年月", "1994年11月"),
        ("手&nbsp;&nbsp;&nbsp;&nbsp;机", "131****9058"),
        ("电子邮箱", "zhengkx@example.com"),
        ("目前状态", "在职，考虑机会"),
        ("期望职位", "平台合作经理&nbsp;/&nbsp;商务拓展"),
    ]
    basic = "".join(f"<tr><td {lab}>{k}：</td><td {td}>{v}</td></tr>" for k, v in rows_basic)
    jobs = [
        (
            "2020/09 -- 至今",
            "鹭岛互联网科技有限公司",
            "平台合作经理",
            [
                "负责与第三方支付、电商平台的合作谈判与落地",
                "年内签约合作伙伴27家，带来新增客户约45万",
                "搭建合作伙伴分级运营体系，续约率提升至91%",
            ],
        ),
        (
            "2017/07 -- 2020/08",
            "厦门海沧物流集团",
            "渠道专员",
            ["维护华南区域30余家代理商，完成年度渠道考核", "协助组织全国渠道大会两届"],
        ),
    ]
    job_html = ""
    for when, comp, title, items in jobs:
        job_html += (
            '<tr><td colspan="2" style="padding:8px 10px;">'
            '<table width="100%" cellpadding="0" cellspacing="0" border="0" style="font-size:13px;">'
            '<tr><td style="width:160px;color:#888;">{}</td><td style="font-weight:bold;">{}</td>'
            '<td style="text-align:right;color:#2b7de9;">{}</td></tr>'
            '<tr><td></td><td colspan="2"><ul style="margin:4px 0;padding-left:18px;">{}</ul></td></tr>'
            "</table></td></tr>".format(when, comp, title, "".join(f"<li>{i}</li>" for i in items))
        )
    html = """<!DOCTYPE html>
<html>
<head>
<meta charset="gbk">
<title>职联招聘 - 郑可欣的简历</title>
<style type="text/css">
body{{font-family:"Microsoft YaHei",SimSun;background:#fff;margin:0;}}
.rs-wrap{{width:760px;margin:0 auto;}}
</style>
<script type="text/javascript">
{}
</script>
</head>
<body>
<div class="rs-wrap">
<table width="760" cellpadding="0" cellspacing="0" border="0" style="border:1px solid #e5e5e5;">
<tr><td style="padding:16px 20px;background:#2b7de9;color:#fff;">
  <table width="100%" cellpadding="0" cellspacing="0" border="0"><tr>
  <td style="font-size:24px;font-weight:bold;color:#fff;">郑可欣</td>
  <td style="text-align:right;font-size:12px;color:#dfe9f8;">简历编号：ZL20240318-0417&nbsp;&nbsp;|&nbsp;&nbsp;更新于2024-03-18</td>
  </tr></table>
</td></tr>
<tr><td style="padding:10px 20px;">
<table width="100%" cellpadding="0" cellspacing="0" border="0">
{}
{}
{}
{}
{}
<tr><td colspan="2" style="padding:6px 10px;font-size:13px;">2013/09 -- 2017/06&nbsp;&nbsp;厦门大学&nbsp;&nbsp;国际经济与贸易&nbsp;&nbsp;本科</td></tr>
{}
<tr><td colspan="2" style="padding:6px 10px;font-size:13px;"><b>银企合作生态平台搭建</b>（2021/03 -- 2021/11）<br>
牵头与4家城商行完成开放接口对接，联合营销活动转化率8.7%</td></tr>
<tr><td colspan="2"><div style="display:none" class="hr-note">{}</div></td></tr>
{}
<tr><td colspan="2" style="padding:6px 10px;font-size:13px;">英语（CET-6）&nbsp;&middot;&nbsp;商务谈判&nbsp;&middot;&nbsp;Salesforce&nbsp;&middot;&nbsp;C1驾照</td></tr>
{}
<tr><td colspan="2" style="padding:6px 10px;font-size:13px;">目标感强，擅长把合作方资源转化为业务增长。</td></tr>
</table>
</td></tr>
<tr><td style="padding:8px 20px;font-size:12px;color:#aaa;text-align:center;">本简历由职联招聘生成&nbsp;&copy;&nbsp;2024</td></tr>
</table>
</div>
</body>
</html>
""".format(
        script,
        sec("基本信息"),
        basic,
        sec("工作经历"),
        job_html,
        sec("教育经历"),
        sec("项目经验"),
        hidden,
        sec("专业技能"),
        sec("自我评价"),
    )
    VIS.extend(
        [
            "郑可欣",
            "131****9058",
            "zhengkx@example.com",
            "平台合作经理",
            "鹭岛互联网科技有限公司",
            "年内签约合作伙伴27家，带来新增客户约45万",
            "厦门海沧物流集团",
            "厦门大学",
            "银企合作生态平台搭建",
            "牵头与4家城商行完成开放接口对接",
            "英语（CET-6）",
            "目标感强，擅长把合作方资源转化为业务增长。",
        ]
    )
    for ph in VIS:
        assert ph in html, ph
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(html.replace("\n", "\r\n").encode("gbk"))
    register(
        name,
        "job-board HTML export in GBK (<meta charset=gbk>), nested tables with inline styles, &nbsp;/&middot; entities, a display:none HR note and a <script> block",
        [
            "131****9058",
            "zhengkx@example.com",
            "鹭岛互联网科技有限公司",
            "年内签约合作伙伴27家",
            "厦门海沧物流集团",
            "银企合作生态平台搭建",
            "开放接口对接",
            "英语（CET-6）",
            "擅长把合作方资源转化",
        ],
        ["被猎头推荐过两次", "薪资底线12K", "简历来源统计", "简历投递埋点"],
    )


# ================================================================ 10
def tiny_png():
    import struct
    import zlib

    w = h = 16
    raw_rows = b"".join(b"\x00" + bytes([200, 210, 225]) * w for _ in range(h))

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw_rows))
        + chunk(b"IEND", b"")
    )


def f10():
    name = "10_single_file_web.mht"
    boundary = "----=_NextPart_01DA7935.6E1B2C40"
    author = "人事部周主管"
    HID.append(author)

    def para(text, cls="MsoNormal", style=""):
        VIS.append(text.replace("&nbsp;", "\u00a0"))
        st = f" style='{style}'" if style else ""
        return f"<p class={cls}{st}><span style='font-family:宋体;mso-ascii-font-family:Calibri'>{text}</span></p>\n"

    def li(text):
        VIS.append(text)
        return (
            "<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
            "<![if !supportLists]><span lang=EN-US style='font-family:Wingdings'>l<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>"
            f"<span style='font-family:宋体'>{text}</span></p>\n"
        )

    def head(text):
        VIS.append(text)
        return f"<h2><span style='font-family:黑体'>{text}</span></h2>\n"

    body = (
        '<p class=MsoNormal><span lang=EN-US><img width=64 height=64 src="resume.files/image001.png" alt="证件照"></span></p>\n'
        + para("<b>沈嘉禾</b>", style="font-size:18.0pt").replace("<b>", "").replace("</b>", "")
        + para("电话：177****2068&nbsp;&nbsp;&nbsp;邮箱：shenjh@example.com")
        + para("求职意向：合规与内控专员")
        + head("教育背景")
        + para("2013.09 - 2017.06&nbsp;&nbsp;中南财经政法大学&nbsp;&nbsp;法学&nbsp;&nbsp;本科")
        + head("工作经历")
        + para(
            "<b>2020.06 - 至今&nbsp;&nbsp;湘江农村商业银行&nbsp;&nbsp;内控合规部&nbsp;&nbsp;合规专员</b>"
        )
        + li("牵头修订反洗钱内控制度11项，通过人民银行专项检查")
        + li("开展全行操作风险自评估，识别风险点136个")
        + li("组织合规培训24场，覆盖员工1800余人次")
        + para("<b>2017.07 - 2020.05&nbsp;&nbsp;长沙麓山律师事务所&nbsp;&nbsp;律师助理</b>")
        + li("起草并审查金融借款合同，参与诉讼案件40余件")
        + head("项目经历")
        + para("<b>消费者权益保护审查机制建设（2022.02 - 2022.10）</b>")
        + li("设计新产品消保审查清单，审查意见采纳率达95%")
        + head("技能证书")
        + para("法律职业资格证书（A证）、反洗钱师（CAMS）、银行从业中级")
        + head("自我评价")
        + para("原则性强，熟悉监管规则，沟通时注重把风险讲透。")
    )
    VIS[:] = [v.replace("<b>", "").replace("</b>", "").replace("&nbsp;", "\u00a0") for v in VIS]
    html = f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="resume.files/filelist.xml">
<title>个人简历</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>{author}</o:Author>
  <o:LastAuthor>{author}</o:LastAuthor>
  <o:Revision>2</o:Revision>
  <o:Pages>1</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Print</w:View>
  <w:TrackMoves>false</w:TrackMoves>
  <w:DoNotPromoteQF/>
  <w:LidThemeOther>EN-US</w:LidThemeOther>
  <w:LidThemeAsian>ZH-CN</w:LidThemeAsian>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;}}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	font-size:10.5pt;
	font-family:等线;}}
@list l0:level1
	{{mso-level-number-format:bullet;
	mso-level-text:l;
	font-family:Wingdings;}}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;word-wrap:break-word;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

{body}
</div>

</body>

</html>
"""
    png = base64.encodebytes(tiny_png()).decode("ascii").replace("\n", "\r\n")
    qp = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    qp = qp.replace("\r\n", "\n").replace("\n", "\r\n")
    filelist = (
        quopri.encodestring(
            b'<xml xmlns:o="urn:schemas-microsoft-com:office:office">\n <o:MainFile HRef="../resume.htm"/>\n'
            b' <o:File HRef="image001.png"/>\n <o:File HRef="filelist.xml"/>\n</xml>'
        )
        .decode("ascii")
        .replace("\n", "\r\n")
    )
    mht = (
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related; boundary="{boundary}"\r\n\r\n'
        "此文档为“单个文件网页”，也称为“Web 档案”文件。如果您看到此消息，但是您的浏览器或编辑器不支持“Web 档案”文件。请下载支持“Web 档案”的浏览器。\r\n\r\n"
        f"--{boundary}\r\nContent-Location: file:///C:/3F2A81C0/resume.htm\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        f'Content-Type: text/html; charset="utf-8"\r\n\r\n{qp}\r\n\r\n'
        f"--{boundary}\r\nContent-Location: file:///C:/3F2A81C0/resume.files/image001.png\r\nContent-Transfer-Encoding: base64\r\n"
        f"Content-Type: image/png\r\n\r\n{png}\r\n"
        f"--{boundary}\r\nContent-Location: file:///C:/3F2A81C0/resume.files/filelist.xml\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        f'Content-Type: text/xml; charset="utf-8"\r\n\r\n{filelist}\r\n\r\n'
        f"--{boundary}--\r\n"
    )
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(mht.encode("utf-8"))
    # sanity: the QP part decodes back to the HTML
    assert quopri.decodestring(qp.encode("ascii")).decode("utf-8").replace("\r\n", "\n") == html
    register(
        name,
        "Word 'single file web page' MHTML: multipart/related, UTF-8 HTML part quoted-printable (soft breaks split multi-byte chars), base64 PNG and filelist parts, Word list markup, author only in an <o:DocumentProperties> conditional comment",
        [
            "177****2068",
            "shenjh@example.com",
            "合规与内控专员",
            "中南财经政法大学",
            "湘江农村商业银行",
            "反洗钱内控制度11项",
            "识别风险点136个",
            "消费者权益保护审查机制建设",
            "反洗钱师（CAMS）",
            "沟通时注重把风险讲透",
        ],
        ["人事部周主管"],
    )


# ================================================================ 11
def rtf_ascii(ch):
    if ch in "\\{}":
        return "\\" + ch
    return ch


def rtf_u(text):
    """\\uN? with \\uc1 (fallback '?')."""
    out = ["\\uc1 "]
    for ch in text:
        if ord(ch) < 128:
            out.append(rtf_ascii(ch))
        else:
            n = ord(ch)
            if n > 32767:
                n -= 65536
            out.append("\\u%d?" % n)
    return "".join(out)


def rtf_gbk(text):
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(rtf_ascii(ch))
        else:
            out.append("".join(f"\\'{b:02x}" for b in ch.encode("gbk")))
    return "".join(out)


def rtf_word(text):
    """Word style: \\uc2\\uN followed by the two GBK fallback bytes."""
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(rtf_ascii(ch))
        else:
            n = ord(ch)
            if n > 32767:
                n -= 65536
            fb = "".join(f"\\'{b:02x}" for b in ch.encode("gbk"))
            out.append("\\uc%d\\u%d%s" % (len(ch.encode("gbk")), n, fb))
    return "".join(out)


def f11():
    name = "11_resume.rtf"
    lines = []

    def par(text, enc, bold=False, size=21):
        VIS.append(text)
        b = "\\b" if bold else "\\b0"
        lines.append("\\pard\\plain\\ql\\f0\\fs%d%s %s\\par" % (size, b, enc(text)))

    def head(text):
        par(text, rtf_word, bold=True, size=28)

    def row(cells, widths, enc):
        xs = []
        acc = 0
        for w in widths:
            acc += w
            xs.append(
                "\\clbrdrt\\brdrs\\brdrw10\\clbrdrl\\brdrs\\brdrw10\\clbrdrb\\brdrs\\brdrw10\\clbrdrr\\brdrs\\brdrw10\\cellx%d"
                % acc
            )
        for c in cells:
            VIS.append(c)
        lines.append(
            "\\trowd\\trgaph108\\trleft-108"
            + "".join(xs)
            + "\n"
            + "".join(f"\\pard\\intbl\\plain\\f0\\fs21 {enc(c)}\\cell " for c in cells)
            + "\\row"
        )

    note = "背景调查待补充；学历存疑需复核"
    HID.append(note)
    HID.append("招聘专员")
    par("萧若安", rtf_word, bold=True, size=36)
    par("电话：189****3471  邮箱：xiaora@example.com", rtf_u)
    par("求职意向：外呼营销团队主管", rtf_gbk)
    head("基本信息")
    row(["出生年月", "1990年8月", "籍贯", "福建泉州"], [1500, 2500, 1500, 2500], rtf_gbk)
    row(["学历", "本科", "婚姻状况", "已婚"], [1500, 2500, 1500, 2500], rtf_u)
    lines.append("\\pard\\plain\\f0\\fs21\\par")
    head("教育背景")
    par("2009.09 - 2013.06  集美大学  工商管理  本科", rtf_u)
    head("工作经历")
    # commented range on the first job title
    job = "2018.02 - 至今  闽南信用卡中心  电销团队主管"
    VIS.append(job)
    lines.append(
        "\\pard\\plain\\f0\\fs21\\b {{\\*\\atrfstart 1}}{}{{\\*\\atrfend 1}}\\b0 "
        "{{\\*\\atnid ZP}}{{\\*\\atnauthor {}}}\\chatn{{\\*\\annotation{{\\*\\atnref 1}}{{\\*\\atndate 1762398211}}"
        "\\pard\\plain\\f0\\fs20 {{\\field{{\\*\\fldinst {{\\chatn }}}}{{\\fldrslt }}}}{}}}\\par".format(
            rtf_word(job), rtf_u("招聘专员"), rtf_u(note)
        )
    )
    par("· 带领42人电话销售团队，信用卡分期产品月销售额超3000万", rtf_word)
    par("· 设计外呼名单分层策略，接通率提升18%", rtf_gbk)
    par("· 建立录音抽检机制，投诉率下降至万分之三", rtf_u)
    par("2013.07 - 2018.01  泉州安顺保险代理有限公司  电话销售", rtf_gbk, bold=True)
    par("· 连续三年获得季度销售冠军", rtf_gbk)
    head("项目经历")
    par("外呼智能质检试点（2021.04 - 2021.10）", rtf_word, bold=True)
    par("· 引入语音转写质检，人工质检工作量减少60%", rtf_u)
    head("技能证书")
    row(["证书", "保险代理人资格证、银行从业资格证"], [2000, 6000], rtf_word)
    row(["软件", "Excel、呼叫中心CRM系统"], [2000, 6000], rtf_gbk)
    lines.append("\\pard\\plain\\f0\\fs21\\par")
    head("自我评价")
    par("目标导向，善于激励团队，能在高压指标下保持稳定业绩。", rtf_gbk)
    rtf = (
        "{{\\rtf1\\ansi\\ansicpg936\\deff0\\deflang1033\\deflangfe2052"
        "{{\\fonttbl{{\\f0\\fnil\\fcharset134 {};}}{{\\f1\\fswiss\\fcharset0 Arial;}}}}\n"
        "{{\\colortbl;\\red0\\green0\\blue0;\\red31\\green78\\blue156;}}\n"
        "{{\\*\\generator Riched20 10.0.19041}}{{\\info{{\\title {}}}{{\\author {}}}}}\n"
        "\\paperw11906\\paperh16838\\margl1800\\margr1800\\margt1440\\margb1440\\viewkind4\\uc1\n".format(
            rtf_gbk("宋体"), rtf_u("个人简历"), rtf_u("招聘专员")
        )
        + "\n".join(lines)
        + "\n}\n"
    )
    rtf.encode("ascii")
    with open(os.path.join(OUT, name), "w", encoding="ascii", newline="\r\n") as f:
        f.write(rtf)
    register(
        name,
        "RTF with Chinese as \\uN? escapes, raw \\'xx GBK bytes and Word-style \\uc2\\uN\\'xx\\'xx (fallback must not double), \\trowd tables, and an annotation inside {\\*\\annotation} destinations",
        [
            "189****3471",
            "xiaora@example.com",
            "外呼营销团队主管",
            "福建泉州",
            "集美大学",
            "闽南信用卡中心",
            "接通率提升18%",
            "外呼智能质检试点",
            "保险代理人资格证",
            "能在高压指标下保持稳定业绩",
        ],
        ["背景调查待补充", "学历存疑需复核", "招聘专员"],
    )


# ================================================================ 12
def f12():
    name = "12_utf16le_bom_crlf.txt"
    text = """个人简历
━━━━━━━━━━━━━━━━━━━━
姓　　名：冯子墨
性　　别：男
出生年月：1997.02
联系电话：136****8150
电子邮箱：fengzm@example.com
求职意向：运维开发工程师

【教育背景】
2015.09－2019.06　　合肥工业大学　　网络工程　　本科

【工作经历】
2021.05－至今　　徽商云计算有限公司　　运维开发工程师
　　1. 维护300余台服务器的监控告警体系（Prometheus + Grafana）
　　2. 编写Ansible剧本，实现新机房一键初始化
　　3. 主导日志平台从ELK迁移到Loki，存储成本下降40%
2019.07－2021.04　　芜湖长江网络科技有限公司　　系统管理员
　　1. 负责办公网络与VPN运维，全年故障率低于0.5%
　　2. 搭建内部GitLab与CI流水线

【项目经历】
容器化迁移项目（2022.06－2023.03）
　　将42个业务系统迁入Kubernetes集群，发布耗时从2小时缩短到15分钟

【技能证书】
RHCE红帽认证工程师；CKA认证；熟悉Shell、Python、Go

【自我评价】
责任心强，值班响应及时，喜欢把重复工作自动化。
"""
    VIS.extend(text.split("\n"))
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"))
    register(
        name,
        "UTF-16 LE text with BOM and CRLF line ends, full-width spaces and box-drawing rule",
        [
            "136****8150",
            "fengzm@example.com",
            "合肥工业大学",
            "徽商云计算有限公司",
            "日志平台从ELK迁移到Loki",
            "芜湖长江网络科技有限公司",
            "容器化迁移项目",
            "RHCE红帽认证工程师",
            "喜欢把重复工作自动化",
        ],
        [],
    )


# ================================================================ PDF kit
def pdf_canvas(name):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    try:
        pdfmetrics.getFont("STSong-Light")
    except KeyError:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(os.path.join(OUT, name), pagesize=A4, invariant=1)
    c.setTitle("个人简历")
    c.setAuthor("resume")
    return c, A4


def draw(c, x, y, text, size=10.5, hidden=False):
    c.setFont("STSong-Light", size)
    (HID if hidden else VIS).append(text)
    c.drawString(x, y, text)


# ================================================================ 13
def f13():
    name = "13_two_page_header_footer.pdf"
    c, (W, Hh) = pdf_canvas(name)
    X = 60

    def frame(page):
        c.setFillColorRGB(0.4, 0.4, 0.4)
        draw(c, X, Hh - 40, "孙浩然 · 个人简历 · 138****6024", 9)
        c.setStrokeColorRGB(0.7, 0.7, 0.7)
        c.line(X, Hh - 46, W - X, Hh - 46)
        draw(c, W / 2 - 30, 30, "第 %d 页 / 共 2 页" % page, 9)
        c.setFillColorRGB(0, 0, 0)

    frame(1)
    y = Hh - 90
    lines1 = [
        ("孙浩然", 20, True),
        ("", 6, False),
        ("电话：138****6024    邮箱：sunhr@example.com", 10.5, False),
        ("现居：天津    求职意向：门户网站内容运营经理", 10.5, False),
        ("", 8, False),
        ("教育背景", 14, True),
        ("2010.09 - 2014.06    南开大学    新闻学    本科", 10.5, False),
        ("", 8, False),
        ("工作经历", 14, True),
        ("2020.03 - 至今    津门融媒科技有限公司    内容运营经理", 11, True),
        ("· 负责新闻资讯门户首页及财经频道的内容规划", 10.5, False),
        ("· 建立热点响应机制，重大事件30分钟内上线专题", 10.5, False),
        ("· 频道月均PV从1800万增长至4600万", 10.5, False),
        ("· 管理8人编辑团队，制定稿件分级审核流程", 10.5, False),
        ("", 6, False),
        ("2017.05 - 2020.02    渤海之声传媒集团    网络编辑", 11, True),
        ("· 负责客户端要闻推送，单条推送打开率最高12%", 10.5, False),
        ("· 参与搭建UGC投稿审核后台，日处理投稿3000余条", 10.5, False),
        ("· 策划“老城新貌”系列图文报道，获集团年度好稿奖", 10.5, False),
    ]
    for text, size, _bold in lines1:
        if text:
            draw(c, X, y, text, size)
        y -= size + 9
    # white keyword stuffing on page 1, in an empty band at the bottom
    c.setFillColorRGB(1, 1, 1)
    draw(c, X, 80, "关键词：年薪百万 清华北大博士 精通所有编程语言", 7, hidden=True)
    c.setFillColorRGB(0, 0, 0)
    c.showPage()

    frame(2)
    y = Hh - 90
    lines2 = [
        ("2014.07 - 2017.04    天津北辰日报社    记者（工作经历续）", 11, True),
        ("· 负责区县民生条线采访，年均发稿200余篇", 10.5, False),
        ("· 参与报社新媒体转型，开设报社官方微博", 10.5, False),
        ("", 8, False),
        ("项目经历", 14, True),
        ("资讯门户改版与推荐位优化（2021.06 - 2022.01）", 11, True),
        ("· 将首页人工推荐位与算法推荐结合，点击率提升27%", 10.5, False),
        ("", 8, False),
        ("技能证书", 14, True),
        ("新闻采编从业资格证、网络编辑师（三级）、Photoshop、135编辑器", 10.5, False),
        ("", 8, False),
        ("自我评价", 14, True),
        ("新闻敏感度高，能在时效与准确之间做好平衡。", 10.5, False),
    ]
    for text, size, _bold in lines2:
        if text:
            draw(c, X, y, text, size)
        y -= size + 9
    c.showPage()
    c.save()
    register(
        name,
        "two-page PDF: 工作经历 continues on page 2, running header and 'page n of 2' footer on both pages, white keyword text drawn on page 1",
        [
            "sunhr@example.com",
            "门户网站内容运营经理",
            "南开大学",
            "津门融媒科技有限公司",
            "建立热点响应机制",
            "渤海之声传媒集团",
            "天津北辰日报社",
            "资讯门户改版与推荐位优化",
            "网络编辑师（三级）",
            "在时效与准确之间做好平衡",
        ],
        ["年薪百万", "清华北大博士", "精通所有编程语言"],
    )


# ================================================================ 14
def f14():
    name = "14_two_column_sidebar.pdf"
    c, (W, Hh) = pdf_canvas(name)
    side_w = 190
    c.setFillColorRGB(0.93, 0.95, 0.98)
    c.rect(0, 0, side_w, Hh, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    LX, RX = 24, side_w + 24
    left = [
        ("唐诗妍", 18),
        ("", 0),
        ("联系方式", 12),
        ("电话：182****7736", 9.5),
        ("tangsy@example.com", 9),
        ("上海 · 徐汇", 9.5),
        ("", 0),
        ("专业技能", 12),
        ("Python / SQL / R", 9.5),
        ("Wind金融终端", 9.5),
        ("信用风险建模", 9.5),
        ("Excel宏与Power BI", 9.5),
        ("", 0),
        ("证书", 12),
        ("CFA一级（2022年通过）", 9.5),
        ("FRM持证人", 9.5),
        ("证券从业资格", 9.5),
        ("", 0),
        ("语言", 12),
        ("英语：雅思7.5", 9.5),
    ]
    right = [
        ("求职意向：风险管理分析师", 12),
        ("", 0),
        ("教育背景", 13),
        ("2016.09 - 2020.06  上海交通大学  金融学  本科", 10),
        ("2020.09 - 2022.03  香港中文大学  风险管理科学  硕士", 10),
        ("", 0),
        ("工作经历", 13),
        ("2022.04 - 至今  浦江消费金融股份有限公司  风险策略分析师", 10),
        ("· 搭建贷前申请评分卡，KS值由0.32提升至0.41", 10),
        ("· 监控逾期迁徙率，按周输出资产质量报告", 10),
        ("· 设计反欺诈规则23条，拦截疑似团伙申请", 10),
        ("", 0),
        ("2021.06 - 2021.09  申城证券研究所  研究助理（实习）", 10),
        ("· 整理银行业季度财报数据，撰写行业周报", 10),
        ("", 0),
        ("项目经历", 13),
        ("小微企业贷款违约预测（2023.02 - 2023.08）", 10),
        ("· 融合税务与发票数据，模型AUC达到0.83", 10),
    ]
    y = Hh - 60
    n = max(len(left), len(right))
    left += [("", 0)] * (n - len(left))
    right += [("", 0)] * (n - len(right))
    for (lt, ls), (rt, rs) in zip(left, right, strict=False):
        if lt:
            draw(c, LX, y, lt, ls)
        if rt:
            draw(c, RX, y, rt, rs)
        y -= 22
    y -= 10
    draw(c, RX, y, "自我评价", 13)
    y -= 22
    draw(c, RX, y, "对数据与风险有好奇心，习惯用模型验证直觉。", 10)
    c.showPage()
    c.save()
    register(
        name,
        "two-column PDF: tinted left sidebar (contact, 技能, 证书) and right main column whose lines sit on the same baselines",
        [
            "182****7736",
            "tangsy@example.com",
            "Wind金融终端",
            "CFA一级",
            "FRM持证人",
            "风险管理分析师",
            "香港中文大学",
            "浦江消费金融股份有限公司",
            "小微企业贷款违约预测",
            "习惯用模型验证直觉",
        ],
        [],
    )


def main():
    os.makedirs(OUT, exist_ok=True)
    for fn in (f01, f02, f03, f04, f05, f06, f07, f08, f09, f10, f11, f12, f13, f14):
        reset()
        fn()
    with open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8") as f:
        json.dump(GOLD, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote %d files to %s" % (len(GOLD), OUT))


if __name__ == "__main__":
    main()
