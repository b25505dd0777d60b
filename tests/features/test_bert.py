"""The lean e5-small engine: same tokens and vectors as the model's own stack, less memory."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from rolematch._resources import models_dir
from rolematch.features._bert import BertEngine, read_safetensors

ROOT = Path(__file__).resolve().parents[2]

MIXED = [
    "负责手机银行产品运营，月活提升30%",
    "熟悉反洗钱（AML）、KYC与合规管理",
    "負責客戶服務中心的坐席管理",  # Traditional
    "Led a team of 12 engineers on the payments platform.",
    "①牵头搭建数据中台 ②推动数字化转型 ℃ ㎡ ½ ™",
    "Иван Петров，负责对公业务",  # Cyrillic: the full tokenizer
    "東京支店で勤務 こんにちは",  # kana
    "😀 团队氛围好 α系数",  # emoji; Greek: the full tokenizer
    "<mask> 负责",
    "",
    "长" * 700,  # over 512 tokens: truncated
]


def _random_texts(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    pools = [range(0x20, 0x250), range(0x3000, 0x3100), range(0x4E00, 0x4F00)]
    extra = [0x1F600, 0x2460, 0x2581, 0x3B1, 0x416, 0xE000, 0xAC00, 0x0E01, 0xFF01, 0x3000]
    chars = [chr(c) for pool in pools for c in pool] + [chr(c) for c in extra]
    return ["".join(rng.choices(chars, k=rng.randint(0, 30))) for _ in range(n)]


@pytest.fixture(scope="module")
def engine(e5_built) -> BertEngine:  # type: ignore[no-untyped-def]
    return BertEngine(e5_built.path)


def test_read_safetensors_matches_the_reference_reader() -> None:
    from safetensors.numpy import load_file

    path = models_dir() / "static-zh" / "model.safetensors"
    ours, ref = read_safetensors(path), load_file(str(path))
    assert ours.keys() == ref.keys()
    for name, arr in ref.items():
        assert isinstance(ours[name], np.memmap)
        np.testing.assert_array_equal(ours[name], arr)
    ours["embedding.weight"][0, 0] = 7  # copy-on-write: the file is untouched
    np.testing.assert_array_equal(
        read_safetensors(path)["embedding.weight"], ref["embedding.weight"]
    )


def test_read_safetensors_rejects_unknown_dtypes(tmp_path: Path) -> None:
    import json
    import struct

    header = json.dumps({"x": {"dtype": "BF16", "shape": [1], "data_offsets": [0, 2]}}).encode()
    (tmp_path / "m.safetensors").write_bytes(struct.pack("<Q", len(header)) + header + b"\0\0")
    with pytest.raises(ValueError, match=r"tensor 'x' must be one of .* Got dtype 'BF16'"):
        read_safetensors(tmp_path / "m.safetensors")


@pytest.mark.semantic
def test_small_tokenizer_gives_the_full_tokenizers_ids(engine: BertEngine, e5_built) -> None:  # type: ignore[no-untyped-def]
    from tokenizers import Tokenizer

    full = Tokenizer.from_file(str(e5_built.path / "tokenizer.json"))
    texts = MIXED + _random_texts(2000)
    for folder in ("examples", "data/roles", "benchmarks/data/heldout"):
        for f in sorted((ROOT / folder).rglob("*")):
            if f.suffix in {".txt", ".yaml", ".source"}:
                texts += [line for line in f.read_text(encoding="utf-8").splitlines() if line]
    ids, lengths = engine.token_ids(texts)
    for text, got, n, ref in zip(texts, ids, lengths, full.encode_batch(texts), strict=True):
        assert n == len(ref.ids), text
        want = ref.ids if n <= engine.max_length else [*ref.ids[: engine.max_length - 1], 2]
        assert got == want, text
    # the small vocabulary really is smaller, and the rare texts did need the full one
    assert engine.tokenizer.get_vocab_size() < 0.5 * full.get_vocab_size()


@pytest.mark.semantic
def test_common_text_never_loads_the_full_tokenizer(e5_built) -> None:  # type: ignore[no-untyped-def]
    fresh = BertEngine(e5_built.path)
    fresh.token_ids(MIXED[:5] + ["Managed 客户经理 team，KPI达成率120%"])
    assert fresh._full is None
    fresh.token_ids(["Иван"])
    assert fresh._full is not None


@pytest.mark.semantic
def test_vectors_match_sentence_transformers(engine: BertEngine, e5_built) -> None:  # type: ignore[no-untyped-def]
    ours, lengths = engine.encode(MIXED, prompt="query: ", batch_size=4)
    ref = e5_built.model.encode(MIXED, prompt="query: ", batch_size=4, convert_to_numpy=True)
    ref = ref / np.linalg.norm(ref, axis=1, keepdims=True)
    assert ours.dtype == np.float32 and ours.shape == (len(MIXED), 384)
    np.testing.assert_allclose(ours, ref, atol=2e-5)
    assert max(lengths) > engine.max_length  # the long one was cut, not dropped


@pytest.mark.semantic
def test_batching_and_order_do_not_change_vectors(engine: BertEngine) -> None:
    texts = MIXED[:8]
    one, _ = engine.encode(texts, prompt="query: ", batch_size=32)
    each, _ = engine.encode(texts[::-1], prompt="query: ", batch_size=1)
    np.testing.assert_allclose(one, each[::-1], atol=2e-6)


@pytest.mark.semantic
def test_a_worker_encodes_without_transformers_in_less_memory(e5_built) -> None:  # type: ignore[no-untyped-def]
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from rolematch.features._bert import BertEngine
        e = BertEngine(Path({str(e5_built.path)!r}))
        e.encode(["负责手机银行产品运营"] * 64, prompt="query: ")
        anon = [int(l.split()[1]) for l in open("/proc/self/smaps_rollup") if l.startswith("Anonymous:")][0]
        print(anon // 1024, "transformers" in sys.modules, "sentence_transformers" in sys.modules)
        """
    )
    if not Path("/proc/self/smaps_rollup").exists():
        pytest.skip("needs Linux /proc")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True
    ).stdout.split()
    anon_mb, transformers, st = int(out[0]), out[1], out[2]
    assert (transformers, st) == ("False", "False")
    # torch (~145 MB) + small tokenizer (~95 MB) + activations; the word table is not copied
    assert anon_mb < 384, anon_mb
