"""The field a years-of-experience requirement names, and the years a résumé spent in it.

``5年以上保险公司理赔经验`` asks for five years of claims work at an insurer: a nurse's
eleven years in hospitals do not meet it, nor an insurer's sales years. The requirement's
field (保险公司理赔) names the industry (保险, before the place word 公司) and then the work
(理赔); the work is cut into words that name a trade (公司, 工作, 相关, 管理 … name none),
each with the variants of the synonym table, and a résumé's job counts toward the field
when its lines name one of them (or the post's title, as written). A field of industries
alone (银行或金融机构) counts its industries; one that names no trade (3年以上相关工作经验,
团队管理经验) leaves every job counting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

__all__ = ["FieldMatch", "field_pattern", "job_blocks", "merged_years", "years_in"]

# words that say how or where one worked, not in what trade: a field of only these is
# no field (3年以上相关工作经验 = any job)
_GENERIC = frozenset(
    """
工作 相关 从业 行业 领域 岗位 职位 方面 实际 一线 以上 团队 管理
主管 经理 负责人 项目 公司 企业 机构 单位 大型 中型 大中型 知名 国内
国际 全职 专职 实习 类似 同类 相应 对口 业务 专业 技术 全日制 社会
一定 丰富 直接 个人 私人 公共 基层 日常 综合 一般 通用 其中 担任 中心
专员 助理 总监 组长 岗
从事 具有 具备 以及 含 经验 经历 背景 条线 及以上 或以上 工作者
""".split()  # noqa: SIM905 (one list a reader can scan)
)  # fmt: skip
# 保险公司 → 保险, 金融机构 → 金融, 餐饮行业 → 餐饮: the trade without its kind of place
_SUFFIX = re.compile(r"(?:公司|机构|行业|企业|业务|工作|领域|岗位|单位|平台)$")
_JOINERS = frozenset("或及和与、的等类/")
# a kind of place closing the industry a field names: 电子制造行业PMC is PMC work there
# (互联网金融平台信贷风控: 信贷风控 at a platform; a 平台 alone is no trade)
_PLACE = re.compile(r"行业|公司|机构|企业|单位|领域|平台")
# industries a field may name before the work without a place word (互联网用户运营)
_INDUSTRIES = frozenset(
    """
互联网 电商 金融 银行 保险 证券 券商 基金 信托 制造 汽车 医药 医疗 零售 快消 地产 房地产
物流 通信 电信 教育 能源 化工 电子 五金 外贸 餐饮 酒店 游戏 航空 建筑 消费金融
""".split()  # noqa: SIM905 (one list a reader can scan)
)  # fmt: skip
_JOINED = re.compile(r"[或及和与、/]")
_SEPARATORS = re.compile(f"({_PLACE.pattern}|{_JOINED.pattern})")
# the 以上/（含）以上 the years pattern may leave at the field's start
_LEAD = re.compile(r"^(?:[(（]?含[)）]?|及|或)?\s*以上\s*|^的")


@lru_cache(maxsize=1)
def _variants() -> dict[str, tuple[str, ...]]:
    from rolematch.tokenize import load_synonyms

    out: dict[str, tuple[str, ...]] = {}
    for canon, variants in load_synonyms().items():
        group = tuple(dict.fromkeys(w.lower() for w in (canon, *variants)))
        for w in group:
            out.setdefault(w, group)
    return out


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    # one for all fields: building one compiles the synonym table (~0.7 s)
    from rolematch.tokenize import JiebaTokenizer

    return JiebaTokenizer()


def _trade_words(field: str) -> list[str]:
    from rolematch.tokenize import WordSpans

    spans = _tokenizer().word_spans(field)
    cut = spans.words() if isinstance(spans, WordSpans) else [field]
    words: list[str] = []
    run = ""  # single characters jieba left apart (风/控) are one word (风控)
    for w in [*cut, "或"]:
        w = w.strip().lower()
        if len(w) == 1 and w not in _JOINERS and not w.isascii():
            run += w
            continue
        if len(run) >= 2:
            words.append(run)
        run = ""
        if len(w) >= 2:
            words.append(_SUFFIX.sub("", w) if len(w) > 2 else w)
    kept = dict.fromkeys(words)
    return [w for w in kept if len(w) >= 2 and w not in _GENERIC and not w.isdigit()]


#: how a CV names a trade word where no synonym does: a credit-card 风险策略经理 did
#: 风控策略 work (the synonym table cannot rewrite every 风险 to 风控)
_KIN = {"风控": "风险"}


def _names(word: str) -> tuple[str, ...]:
    names = _variants().get(word, (word,))
    return (*names, *(n.replace(k, v) for n in names for k, v in _KIN.items() if k in n))


def _alternation(names: Iterable[str]) -> re.Pattern[str]:
    # a one-character variant (行 for 银行) would match every job
    kept = sorted({n for n in names if len(n) >= 2}, key=len, reverse=True)
    alts = [rf"(?<![a-z0-9]){re.escape(n)}(?![a-z0-9])" if n.isascii() else re.escape(n)
            for n in kept]  # fmt: skip
    return re.compile("|".join(alts) or "(?!)", re.I)


class FieldMatch:
    """Whether a job's lines name a field: one of its trade words (or their synonyms),
    or all the parts of a compound one (前端开发: 前端工程师 … 开发).

    Examples
    --------
    >>> _, f = field_pattern("前端开发")
    >>> f.search("前端工程师\\n负责小程序开发"), f.search("后端开发")
    (True, False)
    """

    def __init__(self, words: Sequence[str], parts: Sequence[Sequence[str]]) -> None:
        self.words = tuple(words)
        self.parts = tuple(tuple(p) for p in parts)
        self._any = _alternation(v for w in words for v in _names(w))
        self._all = [[_alternation(_names(p)) for p in ps] for ps in self.parts]

    def search(self, text: str) -> bool:
        if self._any.search(text):
            return True
        return any(all(p.search(text) for p in ps) for ps in self._all)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FieldMatch):
            return NotImplemented
        return (self.words, self.parts) == (other.words, other.parts)

    def __hash__(self) -> int:
        return hash((self.words, self.parts))

    def __reduce__(self) -> tuple[object, ...]:
        return (FieldMatch, (self.words, self.parts))


def field_pattern(field: str, title: str = "") -> tuple[str, FieldMatch | None]:
    """The field as written and a matcher for the trades it names (None: it names none).

    The trade words of the post's ``title`` count too where the field names a trade: a
    客服中心主管 post's 5年以上呼叫中心管理经验 is met by years as a bank's 客服坐席, a
    job no synonym of 呼叫中心 names.

    Examples
    --------
    >>> text, f = field_pattern("保险公司理赔")
    >>> text, f.search("2015-至今 某人寿 理赔部 理赔专员"), f.search("某医院 护士")
    ('保险公司理赔', True, False)
    >>> field_pattern("以上相关工作")
    ('相关工作', None)
    """
    from rolematch.language import to_simplified

    text = _LEAD.sub("", field.strip(" \t的")).strip()
    simple = to_simplified(text)
    if not _trade_words(simple):
        return text, None
    # the work the field names, any of its words; its industries where it names no work
    words = [w for g in _work_groups(simple) for w in g] or _trade_words(simple)
    parts: list[list[str]] = []
    tok = _tokenizer()

    def cut(w: str) -> list[str]:  # 前端开发: 前端工程师 … 开发
        cuts = sorted(tok.compound_cuts(w)) if not w.isascii() else []
        bounds = [0, *cuts, len(w)]
        return [w[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]

    # the post's own trade as its title says it: one word and its parts (客服中心主管:
    # 客服 … 中心), or its words as written together (生产计划, not 生产 … 计划)
    titled = _trade_words(to_simplified(title))
    if len(titled) == 1:
        words += titled
    parts += [p for w in words if len(p := cut(w)) > 1]
    if len(titled) > 1 and "".join(titled) in to_simplified(title).lower():
        words.append("".join(titled))
    elif len(titled) > 1:
        parts.append(titled)
    return text, FieldMatch(list(dict.fromkeys(words)), parts)


def _work_groups(field: str) -> list[list[str]]:
    """The work a field names, without the industry it is done in: its trade words,
    one group an alternative (或, 、 …).

    电子或五金制造行业PMC工作 -> [[pmc]], 保险公司理赔 -> [[理赔]], 互联网用户运营 ->
    [[用户, 运营]], 银行对公客户经理或公司信贷 -> [[对公, 客户经理], [信贷]]; a field
    of industries alone (银行或金融机构) names no work: [].
    """
    groups: list[list[str]] = []
    text = ""
    for seg in [*_SEPARATORS.split(field), "或"]:
        if _PLACE.fullmatch(seg):
            if _trade_words(text):  # what came before named where: 保险公司, 电子制造行业
                groups, text = [], ""
        elif _JOINED.fullmatch(seg):
            words = _trade_words(text)
            lead = 0  # industries before the work: 互联网用户运营, 银行对公客户经理
            while lead < len(words) - 1 and words[lead] in _INDUSTRIES:
                lead += 1
            groups += [words[lead:]] if words else []
            text = ""
        else:
            text += seg
    return groups


def job_blocks(text: str, starts: Sequence[int]) -> list[str]:
    """For each dated range starting at offset ``starts[i]`` of ``text``, its job's lines.

    A job runs from the line of its dates to the line before the next job's dates,
    and includes the undated line just above its dates (a company name written
    above the period belongs to it as often as to the job before).

    Examples
    --------
    >>> t = "平安保险 理赔部\\n2015-至今 理赔专员\\n- 审核案件\\n某医院\\n2010-2015 护士"
    >>> job_blocks(t, [t.index("2015-"), t.index("2010-")])
    ['平安保险 理赔部\\n2015-至今 理赔专员\\n- 审核案件\\n某医院', '某医院\\n2010-2015 护士']
    """
    lines = text.splitlines(keepends=True)
    bounds, pos = [], 0
    for line in lines:
        bounds.append(pos)
        pos += len(line)
    line_of = [max(i for i, b in enumerate(bounds) if b <= s) if bounds else 0 for s in starts]
    out = []
    for k, i in enumerate(line_of):
        nxt = next((j for j in line_of[k + 1 :] if j > i), len(lines))
        first = i - 1 if i > 0 and (i - 1) not in line_of else i
        out.append("".join(lines[first:nxt]).strip())
    return out


def merged_years(spans: Iterable[tuple[int, int]]) -> float | None:
    """Years covered by month spans ``(start, end)``, overlaps counted once.

    Examples
    --------
    >>> merged_years([(0, 24), (12, 36), (48, 60)])
    4.0
    >>> merged_years([]) is None
    True
    """
    ordered = sorted(spans)
    if not ordered:
        return None
    total, (cur_s, cur_e) = 0, ordered[0]
    for s, e in ordered[1:]:  # parallel jobs don't double count
        if s <= cur_e:
            cur_e = max(cur_e, e)
        else:
            total += cur_e - cur_s
            cur_s, cur_e = s, e
    total += cur_e - cur_s
    return round(total / 12.0, 1)


def years_in(jobs: Sequence[tuple[int, int, str]], pattern: FieldMatch) -> float:
    """Years of the ``jobs`` (start month, end month, lines) whose lines name the field.

    Examples
    --------
    >>> _, p = field_pattern("呼叫中心")
    >>> years_in([(0, 36, "某银行 客服中心 坐席"), (36, 60, "某联络中心 班长")], p)
    2.0
    """
    return merged_years((s, e) for s, e, lines in jobs if pattern.search(lines)) or 0.0
