"""Build the bfloat16 weights of e5-small's linear layers, once, next to the fp32 model.

The ``e5-small-bf16`` engine (:class:`~._bert.BertEngine` with ``bf16=``) multiplies the
four linear layers of each BERT layer in bfloat16. Casting the fp32 matrices at every
start would give each batch worker a private ~42 MB copy, where the fp32 engine shares
its memory-mapped weights between workers through the page cache; written once to
``bf16.safetensors`` and memory-mapped, the bfloat16 matrices are shared the same way,
and the fp32 ones are never paged in.

Only the rounding is done here (round to nearest even, torch's ``.to(torch.bfloat16)``);
embeddings, LayerNorm, biases and everything else are read from the fp32 folder. Built
into a temporary sibling folder moved into place with :func:`os.replace`, under a file
lock, with a marker naming the revision (:func:`~._e5convert.build_atomically`, as the
fp32 conversion and the int8 build): an interrupted build leaves nothing half-written and
a folder from another revision is never read.
"""

from __future__ import annotations

import json
from pathlib import Path

from rolematch.features._e5convert import (
    MODEL_VERSION,
    build_from_conversion,
    build_once,
    marker_says,
)

__all__ = ["BF16_VERSION", "build_bf16", "ensure_bf16", "is_bf16_complete", "weights_path"]

#: Bumped whenever the written weights change; part of the folder name.
BF16_REVISION = 1
#: Identifies the bfloat16 build (folder ``e5-small-<BF16_VERSION>``, embedding cache key).
BF16_VERSION = f"{MODEL_VERSION}-bf16-b{BF16_REVISION}"

_MARKER = "rolematch_e5_bf16.json"
_WEIGHTS = "bf16.safetensors"


def weights_path(path: str | Path) -> Path:
    """The ``bf16.safetensors`` of a bfloat16 build folder: tensors ``"<layer>.<linear>"``,
    ``[out, in]``, ``qkv`` being query, key and value stacked."""
    return Path(path) / _WEIGHTS


def is_bf16_complete(path: str | Path) -> bool:
    """Whether ``path`` holds a finished bfloat16 build of this revision."""
    return marker_says(Path(path) / _MARKER, "bf16_version", BF16_VERSION)


def _write(fp32_dir: Path, out: Path) -> None:
    import numpy as np
    import torch
    from safetensors.torch import save_file

    from rolematch.features._bert import layer_weights

    tensors = {
        f"{i}.{name}": torch.from_numpy(np.array(w, dtype=np.float32)).to(torch.bfloat16)
        for i, layer in enumerate(layer_weights(fp32_dir))
        for name, w in layer.items()
    }
    save_file(tensors, str(out / _WEIGHTS))
    marker = {"bf16_version": BF16_VERSION, "model_version": MODEL_VERSION}
    # written last: a folder without it is not a finished build
    (out / _MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")


def build_bf16(fp32_dir: str | Path, dest: str | Path, *, quiet: bool = False) -> Path:
    """Round the linear layers of the converted fp32 e5-small at ``fp32_dir`` into ``dest``.

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
        is_bf16_complete,
        caller="build_bf16",
        what="bfloat16 e5-small",
        start="writing e5-small's bfloat16 weights (one-time, ~2 s)",
        quiet=quiet,
    )


def ensure_bf16(fp32_dir: str | Path, dest: str | Path, *, quiet: bool = False) -> Path:
    """Return ``dest`` after building it once from ``fp32_dir``; safe between processes.

    A stale folder (no marker, or another revision's) is removed and rebuilt.
    """
    dest = Path(dest)
    return build_once(dest, is_bf16_complete, lambda: build_bf16(fp32_dir, dest, quiet=quiet))
