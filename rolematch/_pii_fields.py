"""Personal-data fields of résumés: their labels and the forms of their values.

The tables :mod:`rolematch.pii` finds personal data with: each field's labels (in
Simplified, Traditional and English) and the pattern of a value after its label, plus
the forms (phone numbers, e-mail addresses, ID numbers, dates) that are personal data
wherever they stand.
"""

from __future__ import annotations

import re

CJK = "\u4e00-\u9fff"
SEP_BEFORE = r"(?:(?<=^)|(?<=[\s|/,，、;；(（\[【·•]))"
# A label may also open a sentence ("…上线。微信号：nana_1996"); a bare token there
# ("…上线。2019年，…") is the body's, not the header's.
LABEL_BEFORE = r"(?:(?<=^)|(?<=[\s|/,，、;；(（\[【·•。！？!?]))"

# Field -> labels. The label regex tries longer labels first, so "出生年月" wins over
# "出生". Traditional forms are listed where they differ: normalisation keeps the script.
LABELS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "Full Name", "Name"),
    "gender": ("性别", "性別", "Gender", "Sex"),
    "birth_date": (
        "出生年月日", "出生年月", "出生日期", "出生年份", "出生", "生日",
        "Date of Birth", "Birth Date", "Birthday", "DOB", "Born",
    ),
    "age": ("年龄", "年齡", "Age"),
    "ethnicity": ("民族", "Ethnicity"),
    "nationality": ("国籍", "國籍", "Nationality", "Citizenship"),
    "religion": ("宗教信仰", "宗教", "Religion"),
    "marital_status": (
        "婚姻状况", "婚姻状态", "婚姻狀況", "婚姻狀態", "婚否", "婚姻", "Marital Status",
    ),
    "political_status": ("政治面貌", "Political Status"),
    "health": ("健康状况", "身体状况", "健康狀況", "身體狀況", "血型"),
    "hometown": (
        "户口所在地", "户籍所在地", "戶籍所在地", "户籍地", "户籍", "戶籍", "户口", "戶口",
        "籍贯", "籍貫", "生源地", "出生地点", "出生地", "Place of Birth", "Birthplace",
        "Birth Place", "Hometown", "Native Place",
    ),
    "address": (
        "现居住地址", "现居住城市", "现居住地", "現居住地", "现居住址", "现居地", "現居地",
        "现住址", "現住址", "现所在地", "目前所在地", "目前居住地", "家庭住址", "家庭地址",
        "通讯地址", "通訊地址", "通信地址", "联系地址", "聯繫地址", "聯絡地址", "邮寄地址",
        "居住地址", "居住城市", "现居城市", "居住地", "常住地址", "常住地", "所在城市",
        "所在地", "现居", "現居", "住址", "地址",
        "Current Address", "Home Address", "Mailing Address", "Address",
        "Current Location", "Location", "Residence",
    ),
    "phone": (
        "手机号码", "手機號碼", "联系电话", "聯絡電話", "聯繫電話", "移动电话", "行動電話",
        "联系方式", "聯絡方式", "固定电话", "手机号", "电话", "電話", "手机", "手機",
        "座机", "固话",
        "Mobile", "Phone", "Tel", "Cell",
    ),
    "email": (
        "电子邮箱", "电子邮件", "電子郵件", "電子信箱", "電郵地址", "QQ邮箱", "E-mail", "Email",
        "邮箱", "郵箱", "電郵", "Mail",
    ),
    "id_card": (
        "身份证号码", "身份证号", "身份证", "身分證字號", "身份證號", "身分證", "护照号码",
        "护照号", "護照號碼", "Passport No.", "Passport", "社保卡号", "社保号", "医保卡号",
    ),
    "qq": ("QQ号码", "QQ号", "QQ"),
    "wechat": ("微信号码", "微信号", "微信號", "微信", "WeChat ID", "WeChat", "Weixin"),
    # other messengers: values are handles or international numbers
    "messenger": (
        "钉钉号", "钉钉", "釘釘", "LINE ID", "LINE", "WhatsApp", "Telegram", "Skype",
    ),
    "website": (
        "个人主页", "个人网站", "个人博客", "技术博客", "博客", "主页", "网站",
        "Personal Website", "Homepage", "Website", "Blog", "GitHub", "Gitee", "LinkedIn", "领英",
        # academic and writing profiles
        "谷歌学术主页", "谷歌学术", "Google Scholar", "学术主页", "ORCID", "ResearchGate",
        "知乎主页", "知乎专栏",
    ),
    # a postcode narrows the address down to a few streets
    "postcode": (
        "邮政编码", "郵政編碼", "郵遞區號", "邮编", "郵編", "Postcode", "Postal Code", "Zip Code",
    ),
    # a third person's name and how they are related (李娜（妻子）): marital status too
    "emergency_contact": (
        "紧急联系人", "紧急联络人", "緊急聯絡人", "緊急聯繫人", "紧急联系方式", "紧急联系电话",
        "家属联系人", "家庭联系人", "Emergency Contact",
    ),
    # relatives' names, ages and employers say marital status and age (配偶：李娜，护士);
    # these labels count only as a field (see RUN_ON), and the value runs to the line's end
    "family": (
        "主要家庭成员", "家庭成员", "家庭情况", "家庭状况", "家庭关系", "与本人关系", "父亲",
        "母亲", "配偶", "妻子", "丈夫", "子女", "关系", "Family Members", "Family", "Spouse",
    ),
    # a referee's name and post (证明人：张华 某银行支行行长)
    "referee": (
        "推荐人信息", "证明人", "推荐人", "介绍人",
        "References", "Referees", "Reference", "Referee",
    ),
    "height": ("身高",),
    "weight": ("体重", "體重"),
}  # fmt: skip

#: Fields whose labels are also words of work lines (负责父亲节营销活动, 为子女教育金…):
#: they count only at a line's or table cell's start and before a colon or a cell
#: separator, and their value runs to the end of the line (all its ; parts).
RUN_ON: tuple[str, ...] = ("family", "referee")

#: Personal-data fields that :func:`redact_lines` reports.
FIELDS: tuple[str, ...] = tuple(LABELS)

DATE = (
    r"(?:19[5-9]\d|20[01]\d)\s*(?:年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
    r"|[.\-/]\s*\d{1,2}(?:\s*[.\-/]\s*\d{1,2})?)"
)
YEAR = r"(?:19[5-9]\d|20[01]\d)"
EN_DATE = (  # "12 May 1990", "May 12, 1990", "Sept. 1990"
    r"(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+"
    rf"(?:\d{{1,2}},?\s+)?{YEAR}"
)
PHONE = (
    r"(?<![\d*xX])(?:\(?\+?86\)?[\s-]?)?1[3-9]\d[\s-]?(?:\d{4}|\*{4}|x{4}|X{4})[\s-]?\d{4}(?![\d*])"
    # masked at the end ("131-221-87xxx")
    r"|(?<![\d*xX])(?:\(?\+?86\)?[\s-]?)?1[3-9]\d[\s-]?\d{3,4}[\s-]?\d{0,3}[*xX]{1,4}(?![\d*xX])"
    r"|(?<![\d-])(?:\(0\d{2,3}\)|0\d{2,3}-)\s?\d{7,8}(?:-\d{1,5})?(?!\d)"
    # a mobile number grouped otherwise: "(+86) 189-119-63820", "176 0063 3417"
    r"|(?<![\d*xX.])(?:\(?\+?86\)?[\s-]?)?1[3-9]\d(?:[\s-]\d{3}[\s-]\d{5}|\d[\s-]\d{3}[\s-]\d{4}"
    r"|\d[\s-]\d{4}[\s-]\d{3}|[\s-]\d{8}|\d{4}[\s-]\d{4})(?![\d*.])"
    # international, with its + ("+1(510)935-6767", "+852 9123 4567"); not C++11, +15%
    r"|(?<![\w+])\+\d{1,3}[\s-]?\(?\d{1,4}\)?[\s-]?\d{2,4}(?:[\s-]?\d{2,4}){1,2}(?![\d%])"
)
EMAIL = r"[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
# An address written so that robots miss it: "wangsy AT 163 DOT com", "wangsy[at]163.com",
# "wangsy#163.com". A bare " at " needs an obfuscated dot too ("look at google.com" is no
# address); "#" needs a mail domain ("issue#123.html", "C#.NET" are none).
_AT = r"\s*(?:[\[(<{]\s*(?:at|AT)\s*[\])>}]|@)\s*|\s+AT\s+"
_DOT = r"\s*[\[(<{]\s*(?:dot|DOT)\s*[\])>}]\s*|\s+(?:dot|DOT)\s+"
_MAIL_TLD = r"(?:com|cn|net|org|edu|cc|me|io|hk|tw|uk|us|jp|de|sg)(?![A-Za-z0-9])"
_LOCAL = r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*"
OBFUSCATED_EMAIL = (
    rf"{_LOCAL}(?:{_AT})[A-Za-z0-9\-]+(?:(?:\.|{_DOT})[A-Za-z0-9\-]+)*(?:\.|{_DOT})[A-Za-z]{{2,}}"
    rf"|{_LOCAL}\s+at\s+[A-Za-z0-9\-]+(?:{_DOT})[A-Za-z]{{2,}}"
    rf"|{_LOCAL}[#＃][A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.{_MAIL_TLD}"
)
ID_CARD = (
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
    r"(?![0-9A-Za-z])|(?<![0-9A-Za-z])[1-9]\d{5}\*{8}\d{3}[\dXx*](?![0-9A-Za-z])"
    # written in groups: "110105 19890312 4517", "110105-1989-0312-4517"
    r"|(?<![0-9A-Za-z])[1-9]\d{5}[\s-]?(?:19|20)\d{2}[\s-]?(?:0[1-9]|1[0-2])[\s-]?"
    r"(?:0[1-9]|[12]\d|3[01])[\s-]?\d{3}[\dXx](?![0-9A-Za-z])"
)
ETHNIC = (
    "汉|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡"
    "|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯"
    "|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺"
)
#: The 56 ethnic groups of China, without 族 (汉, 蒙古, 回 …).
ETHNIC_GROUPS: tuple[str, ...] = tuple(ETHNIC.split("|"))
MARITAL = r"已婚已育|已婚未育|未婚未育|已婚|未婚|离异|丧偶|单身"
#: a stated plan or state of childbearing, anywhere (计划明年生育, 暂无生育计划, 育有一子):
#: 妇女权益保障法 forbids screening on it; 生育 alone is an HR post's work (生育保险)
FAMILY_PLAN = (
    r"(?:暂无|暂时没有|近期无|近期没有|无|没有|有)(?:生育|生养|要孩子|要小孩|怀孕)(?:计划|打算)"
    r"|(?:计划|打算|准备)(?:明年|今年|近期|近两年|\d年内|婚后)?"
    r"(?:生育|生孩子|生二胎|要孩子|要小孩|要宝宝|要二胎|怀孕|备孕)"
    r"|备孕中?|孕期中?|怀孕(?:\d{1,2}个?月|中)|哺乳期"
    r"|(?<!婚)已育(?:一孩|二孩|两孩|一子|一女|一儿一女)?|(?<!婚)未育|育有(?:一|二|两|1|2)(?:子|女|孩|个孩子|名子女)"
)
#: a statement of health, anywhere (本人身体健康): no part of the work
HEALTH = r"(?:本人)?(?:身体健康|身体状况良好|健康状况良好|身体素质良好|无重大疾病史?|无传染病史?)"
_PARTIES = (  # the eight 民主党派
    r"民革|民盟|民建|民进|农工党|致公党|九三学社|台盟|中国民主同盟|中国民主建国会|中国民主促进会"
)
POLITICAL = (
    rf"(?:{_PARTIES})(?:党员|盟员|会员|社员|成员)?|中国共产党党员|中共正式党员|中共预备党员|中共党员"
    r"|共产党员|共青团员|预备党员|民主党派人士|民主党派|无党派人士|无党派|群众|党员|团员"
)

# Words of English values (Chinese, Married, CPC member): short, and never the next
# field's name ("Married Languages: English"), so that a value does not run on.
LATIN_WORDS = r"[A-Za-z][A-Za-z'’.-]*(?: (?![A-Za-z'’.-]+\s*[:：])[A-Za-z][A-Za-z'’.-]*){0,3}"
HANDLE = rf"@?[A-Za-z0-9][A-Za-z0-9_.\-]{{1,38}}(?![A-Za-z0-9_.\-{CJK}])"  # not GitHub主页
URL = r"(?:https?://)?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?:/[^\s|;；,，。、)）\]】]*)?"

# Value patterns per field, tried right after the label.
VALUES: dict[str, str] = {
    "name": (
        rf"[{CJK}]{{1,4}}(?:·[{CJK}]{{1,6}})?"
        r"|[A-Za-z][A-Za-z'.-]*(?: [A-Za-z][A-Za-z'.-]*){0,2}"
    ),
    "gender": r"男性|女性|男|女|male|female|Male|Female|MALE|FEMALE|[MF](?![A-Za-z])",
    # the day without the year says less, but still whose it is: 生日：3月12日
    "birth_date": (
        rf"(?:{DATE}|{EN_DATE}|{YEAR}(?:\s*年)?(?!\d)"
        r"|(?:1[0-2]|0?[1-9])\s*月\s*(?:3[01]|[12]\d|0?[1-9])\s*[日号]?)(?:\s*生)?"
    ),
    "age": r"\d{2}\s*(?:岁|周岁|歲|週歲)?",
    "ethnicity": rf"(?:{ETHNIC})族?|[{CJK}]{{1,4}}族|{LATIN_WORDS}",
    "nationality": rf"[{CJK}]{{1,10}}|{LATIN_WORDS}",
    "religion": rf"[{CJK}]{{1,10}}|{LATIN_WORDS}",
    "marital_status": rf"{MARITAL}|{LATIN_WORDS}",
    "political_status": rf"{POLITICAL}|[{CJK}]{{2,8}}|{LATIN_WORDS}",
    "health": rf"(?:AB|A|B|O)\s*型(?:血)?(?:\s*Rh\s*[阴阳]性)?|[{CJK}]{{1,10}}|{LATIN_WORDS}",
    # a place runs to the next label (籍贯：福建 泉州    婚姻状况：…) or a field separator
    "hometown": r"[^|;；]+",
    "address": r"[^|;；]+",
    "emergency_contact": r"[^|;；]+",
    "family": r".+",
    "referee": r".+",
    # after a phone label, numbers outside the mainland plan too: (852) 9123 4567, 09**-***-517
    "phone": (
        rf"{PHONE}|(?:\(?\+?\d{{1,4}}\)?[\s\-]?)?[\d*xX(][\d*xX\s\-()]{{5,16}}[\d*xX]"
    ),
    "email": rf"{EMAIL}|{OBFUSCATED_EMAIL}",
    # after its label any run of digits is the number, also one cut by a line wrap
    "id_card": (
        rf"{ID_CARD}|[A-Z]{{1,2}}\d{{6,9}}(?:\(?[\dA]\)?)?(?![0-9A-Za-z])"
        r"|[\dXx*](?:[\s\-]?[\dXx*]){5,17}(?![0-9A-Za-z])"
    ),
    "qq": r"\d{5,12}",
    "wechat": r"[A-Za-z][A-Za-z0-9_\-]{4,29}|1[3-9]\d{9}",
    "messenger": rf"live:[A-Za-z0-9_.\-]+|\+?\d[\d\s\-]{{5,16}}\d|{HANDLE}",
    "website": rf"{URL}|{HANDLE}",
    "postcode": r"\d{6}(?!\d)|[A-Z0-9]{2,4}[ -]?[A-Z0-9]{3,4}|\d{5}(?:-\d{4})?",
    "height": r"\d{2,3}(?:\.\d)?\s*(?:cm|CM|厘米|米)?|1\.\d{1,2}\s*(?:m|米)",
    "weight": r"\d{2,3}(?:\.\d)?\s*(?:kg|KG|公斤|斤)?",
}  # fmt: skip
_URL_END = r"[^\s|;；,，。、)）\]】]*"
# Profile pages name their owner in the path (github.com/nana-ouyang, linkedin.com/in/…),
# and so do personal pages: a *.github.io site, a ~user directory, a Scholar or ORCID
# profile, a .me/.name/.page domain, a link to one's own CV file (…/jiangbo-cv.pdf).
# A repository (github.com/apache/spark) is a project's page: see REPO_URL.
PROFILE_URL = (
    r"(?<![\w.@/])(?:https?://)?(?:www\.|[a-z]{2}\.)?"
    r"(?:(?:twitter|x|facebook|instagram|weibo|medium)\.com"
    r"|linkedin\.com/in|zhihu\.com/people|blog\.csdn\.net|juejin\.cn/user"
    r"|space\.bilibili\.com|douban\.com/people|researchgate\.net/profile|orcid\.org)"
    rf"/[\w.\-~%@]+(?:/{_URL_END})?"
    rf"|(?<![\w.@/])(?:https?://)?(?:www\.)?(?:github|gitee|gitlab)\.com/[\w.\-]+/?(?![\w.\-/])"
    rf"|(?<![\w.@/])(?:https?://)?scholar\.google\.[a-z.]+/citations\?{_URL_END}"
    rf"|(?<![\w.@/])(?:https?://)?[\w\-]+\.(?:github|gitee|gitlab)\.io\b(?:/{_URL_END})?"
    rf"|(?<![\w.@/])(?:https?://)?[\w.\-]+/~[\w.\-]+(?:/{_URL_END})?"
    rf"|(?<![\w.@/])(?:https?://)?(?:www\.)?[\w\-]+\.(?:me|name|page)(?![\w.\-])(?:/{_URL_END})?"
    rf"|(?<![\w.@/])(?:https?://)?[\w.\-]+\.[a-z]{{2,}}/(?:[\w.\-~%]+/)*"
    r"[\w.\-]*(?<![A-Za-z])(?:cv|CV|resume|Resume|简历)(?![A-Za-z])[\w.\-]*\.(?:pdf|html?|docx?)\b"
)
# A repository link is the candidate's only under their own account (known from their
# profile link or e-mail address) or in their header; elsewhere it is a project's.
REPO_URL = (
    r"(?<![\w.@/])(?:https?://)?(?:www\.)?(?:github|gitee|gitlab)\.com/(?P<owner>[\w.\-]+)"
    rf"/{_URL_END}"
)
# In the header or personal section a bare web address (no path: a document's link has
# one) is the candidate's own site.
CONTEXT_URL = (
    r"(?<![\w.@/\-])(?:https?://)?(?:www\.)?[\w\-]+(?:\.[\w\-]+)*"
    r"\.(?:com|cn|net|org|io|me|site|xyz|top|info|dev|tech|blog|page|name)/?(?![\w.\-/])"
)
# Any web address, to find those named after the candidate (jiangbo.page for jiangbo@…).
ANY_URL = rf"(?<![\w.@/])(?:https?://)?(?P<host>[\w\-]+(?:\.[\w\-]+)+)(?:/{_URL_END})?"

VALUE_RE = {field: re.compile(pattern) for field, pattern in VALUES.items()}
