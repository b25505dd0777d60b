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
    "health": ("健康状况", "身体状况", "健康狀況", "身體狀況"),
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
        "护照号", "護照號碼", "Passport No.", "Passport",
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
    ),
    "height": ("身高",),
    "weight": ("体重", "體重"),
}  # fmt: skip

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
)
EMAIL = r"[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
ID_CARD = (
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
    r"(?![0-9A-Za-z])|(?<![0-9A-Za-z])[1-9]\d{5}\*{8}\d{3}[\dXx*](?![0-9A-Za-z])"
)
ETHNIC = (
    "汉|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡"
    "|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯"
    "|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺"
)
#: The 56 ethnic groups of China, without 族 (汉, 蒙古, 回 …).
ETHNIC_GROUPS: tuple[str, ...] = tuple(ETHNIC.split("|"))
MARITAL = r"已婚已育|已婚未育|未婚未育|已婚|未婚|离异|丧偶|单身"
POLITICAL = r"中共预备党员|中共党员|共青团员|预备党员|民主党派|无党派人士|群众|党员|团员"

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
    "birth_date": rf"(?:{DATE}|{EN_DATE}|{YEAR}(?:\s*年)?(?!\d))(?:\s*生)?",
    "age": r"\d{2}\s*(?:岁|周岁|歲|週歲)?",
    "ethnicity": rf"(?:{ETHNIC})族?|[{CJK}]{{1,4}}族|{LATIN_WORDS}",
    "nationality": rf"[{CJK}]{{1,10}}|{LATIN_WORDS}",
    "religion": rf"[{CJK}]{{1,10}}|{LATIN_WORDS}",
    "marital_status": rf"{MARITAL}|{LATIN_WORDS}",
    "political_status": rf"{POLITICAL}|[{CJK}]{{2,8}}|{LATIN_WORDS}",
    "health": rf"[{CJK}]{{1,10}}|{LATIN_WORDS}",
    # a place runs to the next label (籍贯：福建 泉州    婚姻状况：…) or a field separator
    "hometown": r"[^|;；]+",
    "address": r"[^|;；]+",
    # after a phone label, numbers outside the mainland plan too: (852) 9123 4567, 09**-***-517
    "phone": rf"{PHONE}|(?:\(?\+?\d{{1,4}}\)?[\s\-]?)?[\d*xX][\d*xX\s\-]{{5,16}}[\d*xX]",
    "email": EMAIL,
    "id_card": rf"{ID_CARD}|[A-Z]{{1,2}}\d{{6,9}}(?:\(?[\dA]\)?)?(?![0-9A-Za-z])",
    "qq": r"\d{5,12}",
    "wechat": r"[A-Za-z][A-Za-z0-9_\-]{4,29}|1[3-9]\d{9}",
    "messenger": rf"live:[A-Za-z0-9_.\-]+|\+?\d[\d\s\-]{{5,16}}\d|{HANDLE}",
    "website": rf"{URL}|{HANDLE}",
    "height": r"\d{2,3}(?:\.\d)?\s*(?:cm|CM|厘米|米)?|1\.\d{1,2}\s*(?:m|米)",
    "weight": r"\d{2,3}(?:\.\d)?\s*(?:kg|KG|公斤|斤)?",
}  # fmt: skip
VALUE_RE = {field: re.compile(pattern) for field, pattern in VALUES.items()}
