"""The lean e5-small engine: same tokens and vectors as the model's own stack, less memory."""

from __future__ import annotations

import json
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

    header = json.dumps({"x": {"dtype": "F64", "shape": [1], "data_offsets": [0, 8]}}).encode()
    (tmp_path / "m.safetensors").write_bytes(struct.pack("<Q", len(header)) + header + b"\0" * 8)
    with pytest.raises(ValueError, match=r"tensor 'x' must be one of .* Got dtype 'F64'"):
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
def test_the_cut_tokenizer_is_kept_beside_the_model_and_read_back(e5_built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from rolematch.features._bert import _small_tokenizer

    model = tmp_path / "e5"
    model.mkdir()
    shutil.copy(e5_built.path / "tokenizer.json", model / "tokenizer.json")
    texts = MIXED + _random_texts(300, seed=5)

    def run() -> tuple[list[list[int]], list[int], int]:
        tok, keep, unk = _small_tokenizer(model / "tokenizer.json")
        return [e.ids for e in tok.encode_batch(texts)], keep.tolist(), unk

    first = run()
    (kept,) = tmp_path.glob("e5-small-tokenizer-*")  # beside the model, not in it
    assert sorted(p.name for p in kept.iterdir()) == ["ids.npy", "tokenizer.json"]
    assert sorted(p.name for p in model.iterdir()) == ["tokenizer.json"]
    stamp = (kept / "tokenizer.json").stat().st_mtime_ns
    assert run() == first  # read back, not cut again
    assert (kept / "tokenizer.json").stat().st_mtime_ns == stamp
    (kept / "tokenizer.json").write_text("{damaged", encoding="utf-8")
    assert run() == first  # a damaged copy is cut again and replaced
    assert json.loads((kept / "tokenizer.json").read_text(encoding="utf-8"))["model"]
    # a folder where nothing can be kept (the name is taken by a file): cut every time
    shutil.rmtree(kept)
    kept.write_text("", encoding="utf-8")
    assert run() == first
    # another tokenizer file is another cut
    spec = (model / "tokenizer.json").read_text(encoding="utf-8")
    (model / "tokenizer.json").write_text(spec.replace('"<mask>"', '"<MASK>"'), encoding="utf-8")
    run()
    assert len(list(tmp_path.glob("e5-small-tokenizer-*"))) == 2


@pytest.mark.semantic
def test_processes_cutting_the_tokenizer_at_once_agree(e5_built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    model = tmp_path / "e5"
    model.mkdir()
    shutil.copy(e5_built.path / "tokenizer.json", model / "tokenizer.json")
    code = textwrap.dedent(
        f"""
        from pathlib import Path
        from rolematch.features._bert import _small_tokenizer
        tok, keep, unk = _small_tokenizer(Path({str(model / "tokenizer.json")!r}))
        print(tok.encode("负责远程银行中心坐席管理 Managed 12 agents").ids, len(keep), unk)
        """
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0]
    assert outs[0] and outs.count(outs[0]) == 3
    (kept,) = tmp_path.glob("e5-small-tokenizer-*")  # one finished cut, no temp left behind
    assert sorted(p.name for p in kept.iterdir()) == ["ids.npy", "tokenizer.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e5", kept.name]


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


def test_batches_side_by_side_give_the_sequential_vectors_and_keep_the_thread_count(
    engine: BertEngine,
) -> None:
    import torch

    texts = [*MIXED, *_random_texts(40)]
    before = torch.get_num_threads()
    try:
        torch.set_num_threads(1)  # one batch after another
        sequential, _ = engine.encode(texts, prompt="query: ", batch_size=4)
        torch.set_num_threads(2)  # two batches at a time, one thread each
        parallel, lengths = engine.encode(texts, prompt="query: ", batch_size=4)
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)
    np.testing.assert_array_equal(parallel, sequential)
    assert len(lengths) == len(texts) and np.isfinite(parallel).all()


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


@pytest.fixture(scope="module")
def bf16_folder(e5_built, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    from rolematch.features._e5bf16 import ensure_bf16

    return ensure_bf16(e5_built.path, tmp_path_factory.mktemp("b") / "bf16", quiet=True)


@pytest.mark.semantic
def test_bf16_build_holds_every_linear_layer_rounded_once(bf16_folder: Path, e5_built) -> None:  # type: ignore[no-untyped-def]
    import torch
    from safetensors.torch import load_file

    from rolematch.features import _e5bf16
    from rolematch.features._bert import layer_weights

    assert _e5bf16.is_bf16_complete(bf16_folder)
    stored = load_file(str(_e5bf16.weights_path(bf16_folder)))
    fp32 = layer_weights(e5_built.path)
    assert set(stored) == {f"{i}.{k}" for i in range(len(fp32)) for k in fp32[0]}
    for i, layer in enumerate(fp32):
        for k, w in layer.items():
            want = torch.from_numpy(np.array(w)).to(torch.bfloat16)
            assert stored[f"{i}.{k}"].dtype == torch.bfloat16
            assert torch.equal(stored[f"{i}.{k}"], want), (i, k)
    # half the fp32 matrices' bytes: 21.2 M weights
    assert 40e6 < _e5bf16.weights_path(bf16_folder).stat().st_size < 45e6


@pytest.mark.semantic
def test_bf16_linear_layers_stay_within_1e4_cosine_of_fp32(
    engine: BertEngine, e5_built, bf16_folder: Path
) -> None:  # type: ignore[no-untyped-def]
    bf16 = BertEngine(e5_built.path, bf16=bf16_folder)
    texts = MIXED + _random_texts(200, seed=3)
    ref, _ = engine.encode(texts, prompt="query: ")
    ours, lengths = bf16.encode(texts, prompt="query: ")
    assert ours.dtype == np.float32 and ours.shape == ref.shape
    cos = np.sum(ours * ref, axis=1)
    assert cos.min() >= 0.9999, texts[int(np.argmin(cos))]
    assert not np.allclose(ours, ref, atol=1e-6)  # it really multiplied in bfloat16
    # batch composition changes padding, not values beyond bfloat16 rounding
    each, _ = bf16.encode(texts[:8][::-1], prompt="query: ", batch_size=1)
    assert np.sum(each[::-1] * ours[:8], axis=1).min() >= 0.9999


def test_bf16_and_int8_together_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"at most one of 'int8' and 'bf16'.*bf16=PosixPath"):
        BertEngine(tmp_path, int8=tmp_path, bf16=tmp_path)


@pytest.mark.semantic
def test_bf16_engine_never_pages_in_the_fp32_matrices(e5_built, bf16_folder: Path) -> None:  # type: ignore[no-untyped-def]
    # resident pages of the memory-mapped fp32 weights after encoding, per engine
    code = textwrap.dedent(
        f"""
        from pathlib import Path
        from rolematch.features._bert import BertEngine
        e = BertEngine(Path({str(e5_built.path)!r}), bf16={{bf16}})
        e.encode(["负责手机银行产品运营", "Managed a call-centre team"] * 32, prompt="query: ")
        rss, inside = 0, False
        for line in open("/proc/self/smaps"):
            if not line[0].isupper():  # a mapping's header line
                inside = line.rstrip().endswith("model.safetensors")
            elif inside and line.startswith("Rss:"):
                rss += int(line.split()[1])
        print(rss // 1024)
        """
    )
    if not Path("/proc/self/smaps").exists():
        pytest.skip("needs Linux /proc")
    mb = {}
    for bf16 in (False, True):
        folder = f"Path({str(bf16_folder)!r})" if bf16 else "None"
        out = subprocess.run(
            [sys.executable, "-c", code.replace("{bf16}", folder)],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        mb[bf16] = int(out.stdout.split()[-1])
    # fp32 reads its ~64 MB of linear weights (all but q, k, v) through the mapping; bf16
    # maps its own file instead, so only the embedding rows in use are paged in
    assert mb[False] >= 50 and mb[True] <= 15, mb
