"""Build the int8 e5-small: per-channel int8 weights with SmoothQuant scales.

The default ``e5-small`` tier encodes with int8 matrix products (``torch``'s dynamic
quantised linear: activations quantised per call, weights prepacked), about twice as fast
as fp32 on CPU. Two things keep it close to the fp32 network (cosine >= 0.99 on every
benchmark sentence, see ``benchmarks/encoders.py``):

* **per-channel weight scales**: each output row of a weight matrix gets its own scale
  (with one scale per matrix, the vectors drift to cosine 0.93);
* **SmoothQuant** (Xiao et al., 2023): activations are quantised with one range per
  call, so a few input channels with large values cost every other channel its
  precision. Input channel ``j`` of a linear layer is divided by
  ``s_j = max|x_j| ** alpha / max|w_j| ** (1 - alpha)`` and the weight column multiplied
  by it (``x W^T = (x / s) (W s)^T`` exactly), moving range from the activations into the
  weights, whose scales are per channel. ``max|x_j|`` is measured once on the duty and
  requirement sentences of the bundled role files.

Embeddings, LayerNorm, attention, biases and pooling stay fp32 (read from the converted
fp32 folder). The build reads the converted fp32 e5-small (:mod:`._e5convert`) and writes
``quant.safetensors`` (int8 weights, fp32 scales and smoothing factors) and a marker,
into a temporary sibling folder moved into place with :func:`os.replace`, under a file
lock: an interrupted build leaves nothing half-written, concurrent builders are safe, and a
folder from another revision is never read.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from rolematch.features._e5convert import (
    MODEL_VERSION,
    build_from_conversion,
    build_once,
    marker_says,
)

if TYPE_CHECKING:
    import torch

__all__ = [
    "ALPHA",
    "INT8_VERSION",
    "LINEARS",
    "QUANT_REVISION",
    "build_int8",
    "calibration_sentences",
    "ensure_int8",
    "is_int8_complete",
]

#: Bumped whenever the quantised output changes; part of the folder name and model id.
QUANT_REVISION = 1
#: Identifies the int8 model (folder ``e5-small-<INT8_VERSION>``, embedding cache key).
INT8_VERSION = f"{MODEL_VERSION}-int8-q{QUANT_REVISION}"
#: The linear layers of a BERT layer, by the names :class:`~._bert.BertEngine` uses.
LINEARS = ("qkv", "out", "up", "down")
#: SmoothQuant's migration strength per linear layer. The feed-forward output (``down``,
#: fed by GELU, with the largest outlier channels) needs the most.
ALPHA = {"qkv": 0.5, "out": 0.5, "up": 0.5, "down": 0.75}

_MARKER = "rolematch_e5_int8.json"
_WEIGHTS = "quant.safetensors"


def calibration_sentences() -> list[str]:
    """The duty and requirement sentences of the bundled role files, in file order.

    Examples
    --------
    >>> s = calibration_sentences()
    >>> len(s) > 100, all(isinstance(x, str) for x in s)
    (True, True)
    """
    from rolematch._resources import default_roles_dir, load_yaml

    out: list[str] = []
    for path in sorted(default_roles_dir().glob("*.yaml")):
        role = load_yaml(path.read_text(encoding="utf-8")) or {}
        out += [str(s) for key in ("duties", "requirements") for s in role.get(key) or []]
    return list(dict.fromkeys(out))


def _input_ranges(fp32_dir: Path, sentences: Sequence[str]) -> list[dict[str, np.ndarray]]:
    """Per layer and linear, the largest ``|x_j|`` of each input channel over the sentences."""
    import torch

    from rolematch.features._bert import BertEngine

    engine = BertEngine(fp32_dir)
    ranges: list[dict[str, torch.Tensor]] = [{} for _ in engine.layers]
    index = {id(layer): i for i, layer in enumerate(engine.layers)}

    def record(x: torch.Tensor, layer: dict[str, object], name: str) -> None:
        seen = ranges[index[id(layer)]]
        m = x.detach().abs().reshape(-1, x.shape[-1]).amax(0)
        seen[name] = torch.maximum(seen[name], m) if name in seen else m

    engine.observer = record
    engine.encode(list(sentences), prompt="query: ", batch_size=32)
    return [{k: v.numpy().astype(np.float32) for k, v in r.items()} for r in ranges]


def _quantise(
    weight: np.ndarray, x_max: np.ndarray, alpha: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(int8 weight ``[out, in]``, fp32 per-row scale, fp32 input multiplier ``1 / s``)."""
    w = np.asarray(weight, dtype=np.float64)
    w_max = np.maximum(np.abs(w).max(axis=0), 1e-5)
    s = np.maximum(np.maximum(x_max, 1e-5) ** alpha / w_max ** (1 - alpha), 1e-5)
    smoothed = w * s[None, :]
    scale = np.maximum(np.abs(smoothed).max(axis=1) / 127.0, 1e-12)
    q = np.clip(np.rint(smoothed / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32), (1.0 / s).astype(np.float32)


def _write(fp32_dir: Path, out: Path) -> None:
    from safetensors.numpy import save_file

    from rolematch.features._bert import layer_weights

    sentences = calibration_sentences()
    ranges = _input_ranges(fp32_dir, sentences)
    tensors: dict[str, np.ndarray] = {}
    for i, (weights, seen) in enumerate(zip(layer_weights(fp32_dir), ranges, strict=True)):
        for name in LINEARS:
            q, scale, inv = _quantise(weights[name], seen[name], ALPHA[name])
            tensors[f"{i}.{name}.q"] = q
            tensors[f"{i}.{name}.scale"] = scale
            tensors[f"{i}.{name}.inv_smooth"] = inv
    save_file(tensors, str(out / _WEIGHTS))
    digest = hashlib.sha256("\n".join(sentences).encode("utf-8")).hexdigest()
    marker = {
        "int8_version": INT8_VERSION,
        "model_version": MODEL_VERSION,
        "alpha": ALPHA,
        "calibration_sentences": len(sentences),
        "calibration_sha256": digest,
    }
    # written last: a folder without it is not a finished build
    (out / _MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")


def is_int8_complete(path: str | Path) -> bool:
    """Whether ``path`` holds a finished int8 build of this revision."""
    return marker_says(Path(path) / _MARKER, "int8_version", INT8_VERSION)


def weights_path(path: str | Path) -> Path:
    """The ``quant.safetensors`` of an int8 build folder."""
    return Path(path) / _WEIGHTS


def build_int8(fp32_dir: str | Path, dest: str | Path, *, quiet: bool = False) -> Path:
    """Quantise the converted fp32 e5-small at ``fp32_dir`` into ``dest``.

    Built in a temporary sibling of ``dest`` and moved into place with :func:`os.replace`;
    if a finished ``dest`` appears meanwhile (another process won), that one is kept.

    Parameters
    ----------
    fp32_dir : str or Path
        A finished conversion (:func:`rolematch.features._e5convert.convert`).
    dest : str or Path
        Destination folder; its parent is created if needed.
    quiet : bool, default=False
        Suppress the progress message on stderr.

    Raises
    ------
    ModelError
        If ``fp32_dir`` is not a finished conversion of this version, or the build fails.
    """
    return build_from_conversion(
        fp32_dir,
        dest,
        lambda src, tmp: _write(src, tmp),  # looked up per call: tests replace _write
        is_int8_complete,
        caller="build_int8",
        what="int8 e5-small",
        start="quantising e5-small to int8 (one-time, ~10 s)",
        quiet=quiet,
    )


def ensure_int8(fp32_dir: str | Path, dest: str | Path, *, quiet: bool = False) -> Path:
    """Return ``dest`` after building it once from ``fp32_dir``; safe between processes.

    A stale folder (no marker, or another revision's) is removed and rebuilt.
    """
    dest = Path(dest)
    return build_once(dest, is_int8_complete, lambda: build_int8(fp32_dir, dest, quiet=quiet))
