"""Normalisation and sentence splitting (rolematch.text)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from rolematch.text import (
    MAX_SENTENCE_CHARS,
    RADICAL_MAP,
    count_artifacts,
    department_title,
    fold_radicals,
    is_cjk,
    normalize_line,
    normalize_text,
    split_sentences,
)


def test_every_radical_maps_to_a_unified_ideograph():
    assigned = [
        cp
        for cp in [*range(0x2E80, 0x2F00), *range(0x2F00, 0x2FE0)]
        if unicodedata.category(chr(cp)) != "Cn"
    ]
    missing = [hex(cp) for cp in assigned if cp not in RADICAL_MAP]
    assert not missing
    assert all(is_cjk(RADICAL_MAP[cp]) for cp in assigned)


@pytest.mark.parametrize(
    ("radical", "ideograph"),
    [
        ("⼈", "人"),  # Kangxi, NFKC decomposes it
        ("⼯", "工"),
        ("⻓", "长"),  # Supplement, NFKC leaves it
        ("⻔", "门"),
        ("⻛", "风"),
        ("⻚", "页"),
        ("⺠", "民"),
        ("⻄", "西"),
        ("⻰", "龙"),
        ("⼾", "户"),  # Kangxi override: fonts for Simplified draw 户
    ],
)
def test_radical_look_alikes(radical, ideograph):
    assert fold_radicals(radical) == ideograph
    assert normalize_text(f"负责{radical}") == f"负责{ideograph}"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "熟悉Ｐｙｔｈｏｎ、ＳＱＬ，ＣＥＴ－６",
            "熟悉Python、SQL,CET-6",
        ),  # full width -> half width
        ("２０１８．０３－至今", "2018.03-至今"),
        ("姓 名：张三", "姓名:张三"),  # letter-spaced label
        ("自 我 评 价", "自我评价"),
        ("英语 学士", "英语 学士"),  # two words, not letter-spaced
        ("I am a team lead", "I am a team lead"),  # English stays spaced
        ("• 负责运营", "负责运营"),
        ("● ◆ ■ ▪ ➢ ✓ ★ 负责运营", "负责运营"),
        ("- 管理4万㎡电商仓", "管理4万m2电商仓"),
        ("· 负责", "负责"),
        ("阿卜杜·热合曼", "阿卜杜·热合曼"),  # a name's middle dot stays
        ("客服代表→组长", "客服代表→组长"),  # arrows stay
        ("\ue600 教育背景", "教育背景"),  # icon font (private use)
        ("负责(cid:12)(cid:345)运营", "负责运营"),
        ("负责\ufffd运营", "负责运营"),
        ("负责\u200b运营\u00ad", "负责运营"),  # zero width, soft hyphen
        ("  多个　　空格\t在这里  ", "多个 空格 在这里"),
    ],
)
def test_normalize_line(raw, expected):
    assert normalize_line(raw) == expected


def test_normalize_text_drops_empty_lines_and_handles_line_breaks():
    assert normalize_text("工作经历\r\n\r\n  \n• 负责运营\r") == "工作经历\n负责运营"


def test_count_artifacts():
    assert count_artifacts("(cid:1)(cid:22)⼈⻓\ufffd") == {
        "cid": 2,
        "radicals": 2,
        "replacement": 1,
    }
    assert count_artifacts("干净的文本") == {"cid": 0, "radicals": 0, "replacement": 0}


@given(st.text(max_size=200))
@example("\u2fd6")  # unassigned, after the Kangxi radicals: no radical, nothing to fold
def test_normalize_is_idempotent_and_clean(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert count_artifacts(once) == {"cid": 0, "radicals": 0, "replacement": 0}
    assert not any("\ue000" <= c <= "\uf8ff" for c in once)
    assert "\n\n" not in once


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=50))
def test_full_width_ascii_folds_to_half_width(text):
    wide = "".join(chr(ord(c) + 0xFEE0) for c in text)
    assert normalize_text(wide) == normalize_text(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "负责手机银行运营。熟悉反洗钱\n金融专业",
            ["负责手机银行运营。", "熟悉反洗钱", "金融专业"],
        ),
        ("库存准确率99.95%;人效提升22%;", ["库存准确率99.95%;", "人效提升22%;"]),
        ("邮箱 a.b@example.com 可联系!好", ["邮箱 a.b@example.com 可联系!", "好"]),
        ("", []),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


# A résumé whose PDF extraction lost every 。 and line break: clauses, commas only.
NO_SENTENCE_ENDS = (
    "负责手机银行App运营与迭代，推动月活从120万增长到310万，牵头网联、银联清算对接，" * 40
)


def test_a_stretch_without_sentence_ends_is_cut_at_clause_marks():
    pieces = split_sentences(NO_SENTENCE_ENDS)
    assert len(NO_SENTENCE_ENDS) > 4 * MAX_SENTENCE_CHARS
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(p.endswith("，") for p in pieces)  # each cut after a clause
    assert "".join(pieces) == NO_SENTENCE_ENDS  # every character kept


def test_a_stretch_without_any_mark_is_cut_at_spaces_then_at_the_limit():
    words = " ".join(["mobile", "banking", "operations", "lead"] * 100)
    pieces = split_sentences(words)
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert " ".join(pieces) == words  # cut between words, never inside one
    junk = "手机银行运营" * 200
    assert [len(p) for p in split_sentences(junk)] == [320, 320, 320, 240]
    assert "".join(split_sentences(junk)) == junk


def test_numbers_and_times_are_not_cut_at_their_comma_or_colon():
    # 营收1, and 10: would make pieces within the limit too, but cut a number
    text = "营收1,000万元,晨会10:30开始," * 3
    assert split_sentences(text, max_chars=16) == ["营收1,000万元,", "晨会10:30开始,"] * 3


def test_sentences_within_the_limit_are_as_before():
    text = "负责手机银行运营，推动渠道建设。熟悉反洗钱\nLed a team of 40. Grew MAU."
    assert split_sentences(text) == split_sentences(text, max_chars=None)
    assert split_sentences(NO_SENTENCE_ENDS, max_chars=None) == [NO_SENTENCE_ENDS.rstrip()]


@pytest.mark.parametrize("bad", [0, -1, 2.5, "320", True])
def test_max_chars_is_validated(bad):
    with pytest.raises(
        ValueError,
        match=r"'max_chars' parameter of split_sentences must be an "
        r"int >= 1 or None\. Got",
    ):
        split_sentences("负责手机银行运营", max_chars=bad)


@given(
    st.text(alphabet=st.sampled_from("手机银行运营 ab,，、：:19。\n"), max_size=300),
    st.integers(min_value=1, max_value=40),
)
def test_split_pieces_fit_and_keep_every_character_but_spaces(text, max_chars):
    pieces = split_sentences(text, max_chars=max_chars)
    assert all(0 < len(p) <= max_chars and p == p.strip() for p in pieces)
    whole = split_sentences(text, max_chars=None)
    assert "".join(pieces).replace(" ", "") == "".join(whole).replace(" ", "")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("信用卡中心 风险策略经理", ("风险策略经理", "信用卡中心")),
        ("东乡支行 对公客户经理", ("对公客户经理", "东乡支行")),
        ("IT部 运维工程师", ("运维工程师", "IT部")),
        # no department before the title: unchanged
        ("风险策略经理", ("风险策略经理", "")),
        ("合规风控岗（合规管理部）", ("合规风控岗（合规管理部）", "")),
        ("Senior Data Engineer", ("Senior Data Engineer", "")),
        ("本科 管培生", ("本科 管培生", "")),  # 本科 ends as 科 does
        ("总行 风险管理部", ("总行 风险管理部", "")),
        ("风险管理部 2名", ("风险管理部 2名", "")),  # no title after it
        ("信息科技部 Java 开发", ("信息科技部 Java 开发", "")),  # three words
    ],
)
def test_department_title_takes_only_a_department_before_the_title(title, expected):
    assert department_title(title) == expected
