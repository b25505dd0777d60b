"""The genre background: up to date with its corpus, generic words light, trade words heavy."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from rolematch.features.background import (
    corpus_documents,
    genre_idf,
    load_background,
    reference_duties,
)
from rolematch.tokenize import JiebaTokenizer

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_background.py"

# Words that postings and résumés of every profession use.
GENERIC = [
    "负责",
    "熟悉",
    "数据",
    "项目",
    "团队",
    "沟通",
    "优先",
    "本科",
    "经验",
    "熟练掌握",
    "上线",
]
# Words of banking channels and call centres, which the corpus's generic bank roles avoid.
DOMAIN = ["坐席", "银联", "反洗钱", "消保", "网联", "呼叫中心", "手机银行"]


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_background", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_tsv_is_up_to_date(build: ModuleType) -> None:
    assert build.is_up_to_date(), "run: python scripts/build_background.py"


def test_check_flags_a_stale_tsv(build: ModuleType, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("负责坐席管理\n---\n负责数据分析\n", encoding="utf-8")
    out = tmp_path / "genre_df.tsv"
    assert build.main(["--corpus", str(corpus), "--out", str(out)]) == 0
    assert build.main(["--corpus", str(corpus), "--out", str(out), "--check"]) == 0
    n, df = load_background(out)
    assert n == 2 and df["负责"] == 2 and df["坐席"] == 1 and df["数据分析"] == 1
    (corpus / "a.txt").write_text("负责坐席管理\n", encoding="utf-8")
    assert build.main(["--corpus", str(corpus), "--out", str(out), "--check"]) == 1


def test_check_command_line_exit_code() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr


def test_header_records_corpus_and_tokenizer(build: ModuleType) -> None:
    header = build.OUT.read_text(encoding="utf-8").splitlines()[0]
    assert f"corpus_sha256={build.corpus_sha256()}" in header
    assert f"tokenizer={build.tokenizer_fingerprint()}" in header
    n = int(re.search(r"documents=(\d+)", header).group(1))  # type: ignore[union-attr]
    assert n == len(corpus_documents()) == load_background().n_documents


def test_corpus_size(build: ModuleType) -> None:
    docs = corpus_documents()
    postings = [d for d, _ in docs if d.startswith("postings/")]
    resumes = [d for d, _ in docs if d.startswith("resumes/")]
    assert len(postings) >= 160 and len(resumes) >= 100


def test_reference_resumes_are_every_resume_files_documents_and_no_posting() -> None:
    from rolematch._resources import data_dir
    from rolematch.features.background import reference_resumes

    docs = corpus_documents()
    folder = data_dir() / "background" / "corpus" / "resumes"
    files = {d.split("#")[0] for d, _ in docs if d.startswith("resumes/")}
    assert files == {f"resumes/{p.name}" for p in folder.glob("*.txt")}
    postings = {text for d, text in docs if d.startswith("postings/")}
    refs = reference_resumes()
    assert len(refs) == sum(d.startswith("resumes/") for d, _ in docs) >= 100
    assert not postings & set(refs)


@pytest.mark.parametrize("term", GENERIC)
def test_generic_words_weigh_little(term: str) -> None:
    assert genre_idf([term])[0] < 0.3


@pytest.mark.parametrize("term", DOMAIN)
def test_domain_words_weigh_much(term: str) -> None:
    assert genre_idf([term])[0] > 0.7


def test_terms_are_the_tokenizers_terms() -> None:
    # the synonym table's canonical terms: 客户服务中心 is counted as 呼叫中心
    n, df = load_background()
    assert "客户服务中心" not in df and "消费者权益保护" not in df
    tokens = set(JiebaTokenizer(stopwords=())("本科及以上学历，熟练掌握Java和SQL"))
    assert tokens <= set(df)


def test_absent_terms_weigh_one_and_values_are_bounded() -> None:
    n, df = load_background()
    w = genre_idf(["这个词不在语料里", *sorted(df)])
    assert w[0] == 1.0
    assert np.all((w >= 0) & (w <= 1))
    assert w[1:].min() == pytest.approx(np.log((1 + n) / (1 + max(df.values()))) / np.log(1 + n))


def test_loading_is_deterministic(build: ModuleType, tmp_path: Path) -> None:
    # cached per process, and a rebuild gives the same bytes
    assert load_background() is load_background()
    first = build.render()
    assert first == build.render() == build.OUT.read_text(encoding="utf-8")
    copy = tmp_path / "copy.tsv"
    copy.write_text(first, encoding="utf-8")
    assert dict(load_background(copy).df) == dict(load_background().df)
    terms = ["负责", "坐席", "方案设计"]
    assert np.array_equal(genre_idf(terms), genre_idf(terms, path=copy))


def test_malformed_file_names_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("负责\t3\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"must start with a '# …documents=N…' header line"):
        load_background(bad)
    bad.write_text("# documents=3\n负责 3\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"Line 2 of the genre background .* 'term<TAB>df'"):
        load_background(bad)


# Canonical terms of the bundled roles' banking channels and call centre: the "null" sentences
# must not hold them.
NOT_IN_NULL = set(
    [
        "手机银行",
        "坐席",
        "呼叫中心",
        "支付结算",
        "消保",
        "内控",
        "银联",
        "网联",
        "反洗钱",
        "反欺诈",
        "质检",
        "投诉处理",
        "电子渠道",
    ]
)


def test_null_sentences_are_many_distinct_and_off_target() -> None:
    path = ROOT / "data" / "background" / "sentences.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(line.strip() == line and line for line in lines)
    assert len(lines) >= 300 and len(set(lines)) == len(lines)
    tok = JiebaTokenizer()
    hits = {line: set(tok(line)) & NOT_IN_NULL for line in lines}
    assert {line: h for line, h in hits.items() if h} == {}


def _clauses(text: str) -> set[str]:
    # clauses of 14+ characters (shorter ones are shared boilerplate), numbering stripped
    parts = re.split(r"[\n，。；：、,;:（）()]+", text)
    return {c for p in parts if len(c := re.sub(r"^[\s\-\d.、]+", "", p).strip()) >= 14}


def test_corpus_copies_no_role_or_shared_text(build: ModuleType) -> None:
    corpus = set().union(*(_clauses(text) for _, text in corpus_documents()))
    corpus |= _clauses((ROOT / "data" / "background" / "sentences.txt").read_text("utf-8"))
    sources = sorted((ROOT / "data" / "roles").glob("*.yaml"))
    shared = ROOT.parent / "shared"
    sources += sorted((shared / "posting").glob("*.txt")) + [shared / "devset" / "resumes.json"]
    texts = [p.read_text(encoding="utf-8") for p in sources if p.is_file()]
    copied = sorted(c for c in corpus if any(c in t for t in texts))
    assert copied == []


def test_english_reference_duties_span_the_professions_and_are_off_target() -> None:
    # the baseline of duties written in English: every profession's postings, not the
    # first files' (every k-th of 397 lines was the first 200), and no banking channel
    duties = reference_duties(200, "en")
    assert len(duties) == len(set(duties)) == 200
    corpus = ROOT / "data" / "background" / "corpus_en" / "postings"
    files = sorted(corpus.glob("*.txt"))
    assert len(files) >= 15
    assert duties[-1] in files[-1].read_text("utf-8")
    tok = JiebaTokenizer()
    hits = {d: set(tok(d)) & NOT_IN_NULL for d in duties}
    assert {d: h for d, h in hits.items() if h} == {}
    assert reference_duties(200) != duties  # Chinese duties stay the Chinese baseline's
    with pytest.raises(ValueError, match=r"'language' parameter must be 'zh' or 'en'"):
        reference_duties(10, "fr")
