"""The e5-small forward pass in plain torch, over memory-mapped weights.

The converted e5-small folder is a standard sentence-transformers model, and
:func:`rolematch.load_model` returns it as one. Batch workers encode through this
module instead, because

* importing transformers and sentence-transformers costs ~225 MB of resident memory per
  process on top of torch (measured: 218 MB for ``import torch``, 442 MB for both);
* transformers copies the 250,037 x 384 word-embedding table (384 MB fp32) into
  anonymous memory, whereas a Chinese résumé batch reads a few thousand of its rows.
  Here every weight is a copy-on-write ``np.memmap`` of ``model.safetensors``: pages
  are read on first use and shared between the workers through the page cache;
* the XLM-R tokenizer's 250,002 pieces take ~270 MB in ``tokenizers``. Résumés are
  tokenised with the ~121,000 pieces made only of the characters in :data:`COMMON_CHARS`
  (CJK, kana, ASCII, Latin-1, punctuation, symbols, emoji), ~95 MB. This is exact: a
  Unigram lattice only holds pieces that occur in the text, so for a text of common
  characters both vocabularies give the same lattice (the lowest-scoring piece is kept,
  so the unknown-character penalty is the same too); a text with any other character
  comes out with ``<unk>`` and is tokenised again by the full tokenizer, loaded then;
* each sentence is tokenised once (sentence-transformers tokenises again for the
  truncation check).

With ``bf16=`` (the folder :mod:`rolematch.features._e5bf16` builds: the weights rounded
once) the four linear layers of each BERT layer multiply in bfloat16: activations rounded
per call, products and bias summed in fp32, outputs rounded to bfloat16. Everything else —
embeddings, LayerNorm, attention, residual sums, pooling — stays fp32. On a CPU with AMX
this is 1.7-3x the fp32 sentences/s on one thread (AVX512-BF16 alone: 1.8x) with cosine
to fp32 >= 0.9999: bfloat16 keeps fp32's range and ~3 significant digits per element,
rounding that averages out over 384-1536-term sums, where int8 (per-tensor activation
scales) drifts to cosine 0.994.
Without native bfloat16 products they are emulated, slower than fp32 (the caller picks the
engine: :func:`rolematch.features.embeddings.e5_small_precision`). The bfloat16 matrices
are memory-mapped like the fp32 ones (shared between workers, ~42 MB); the fp32 matrices
are then never paged in.

With ``int8=`` (the folder :mod:`rolematch.features._e5quant` builds) the four linear
layers of each BERT layer run as torch's dynamic int8 linear over per-channel int8 weights
with SmoothQuant input scales; everything else stays fp32. The fp32 weight matrices are then
never read (their pages stay on disk), so a worker holds ~21 MB of packed int8 weights
instead of touching ~85 MB of fp32 ones.

The arithmetic is BERT's (post-LayerNorm, exact GELU, absolute positions 0..L-1, token
type 0) followed by mask-aware mean pooling and L2 normalisation, which is what the
converted folder's ``modules.json`` declares; ``tests/features/test_bert.py`` checks the
vectors against ``SentenceTransformer.encode`` on the same folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import shutil
import struct
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import torch
    from tokenizers import Tokenizer

__all__ = ["COMMON_CHARS", "BertEngine", "layer_weights", "read_safetensors"]

#: Characters whose pieces the small tokenizer keeps (see the module docstring).
COMMON_CHARS = (
    "\u0020-\u007e\u00a0-\u00ff"  # ASCII, Latin-1
    "\u2000-\u206f\u2100-\u27bf"  # punctuation, letterlike, arrows, maths, ①, boxes, ▁, dingbats
    "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK punctuation, kana, Han
    "\uff00-\uffef\U0001f300-\U0001faff"  # full-width forms, emoji
)
_RARE = re.compile(f"[^{COMMON_CHARS}]")

_DTYPES: dict[str, type[np.generic]] = {
    "F32": np.float32,
    "F16": np.float16,
    "BF16": np.uint16,  # numpy has no bfloat16: the raw bits, viewed as bfloat16 in torch
    "I64": np.int64,
    "I8": np.int8,
}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Every tensor of a ``.safetensors`` file as a copy-on-write ``np.memmap``.

    Nothing is read until a tensor's pages are touched, and pages are shared with
    other processes mapping the same file until one of them writes to them.

    Examples
    --------
    >>> from rolematch._resources import models_dir
    >>> t = read_safetensors(models_dir() / "static-zh" / "model.safetensors")
    >>> t["embedding.weight"].dtype, t["embedding.weight"].shape[1]
    (dtype('float16'), 256)
    """
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
    out: dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = _DTYPES.get(info["dtype"])
        if dtype is None:
            known = sorted(_DTYPES)
            raise ValueError(
                f"{path}: tensor {name!r} must be one of {known}. "
                f"Got dtype {info['dtype']!r} instead."
            )
        start, end = info["data_offsets"]
        shape = tuple(info["shape"])
        if end == start:
            out[name] = np.zeros(shape, dtype)
            continue
        out[name] = np.memmap(path, dtype=dtype, mode="c", offset=8 + n + start, shape=shape)
    return out


def layer_weights(path: Path) -> list[dict[str, np.ndarray]]:
    """The weight matrices ``[out, in]`` of each BERT layer in a converted e5-small folder.

    Keys are ``qkv`` (query, key and value stacked), ``out``, ``up`` and ``down``.
    """
    w = read_safetensors(path / "model.safetensors")
    cfg = json.loads((path / "config.json").read_text(encoding="utf-8"))
    out = []
    for i in range(int(cfg["num_hidden_layers"])):
        p = f"encoder.layer.{i}."
        a = p + "attention.self."
        out.append(
            {
                "qkv": np.concatenate([w[a + f"{m}.weight"] for m in ("query", "key", "value")]),
                "out": w[p + "attention.output.dense.weight"],
                "up": w[p + "intermediate.dense.weight"],
                "down": w[p + "output.dense.weight"],
            }
        )
    return out


def _reduce_range() -> bool:
    # Without VNNI, x86 int8 kernels add pairs of u8*s8 products in int16 and can saturate;
    # 7-bit activations avoid that (torch's own x86 default does the same).
    import torch

    is_vnni = getattr(torch.cpu, "_is_vnni_supported", None)
    return not (callable(is_vnni) and bool(is_vnni()))


def _prepack(q: np.ndarray, scale: np.ndarray, bias: torch.Tensor) -> Any:
    """torch's packed dynamic-int8 linear for an int8 ``[out, in]`` matrix, per-row scales."""
    import torch

    with warnings.catch_warnings():
        # quantized tensors are deprecated in favour of torchao; torch is pinned here
        warnings.filterwarnings("ignore", message=r".*quantize", category=UserWarning)
        qw = torch._make_per_channel_quantized_tensor(
            torch.from_numpy(np.ascontiguousarray(q)),
            torch.from_numpy(np.asarray(scale, dtype=np.float64)),
            torch.zeros(len(scale), dtype=torch.long),
            0,
        )
        return torch.ops.quantized.linear_prepack(qw, bias.float().contiguous())


def _small_tokenizer(path: Path) -> tuple[Tokenizer, np.ndarray, int]:
    """The tokenizer at ``path`` cut to pieces of :data:`COMMON_CHARS`, without specials.

    Returns the tokenizer, the original id of each of its ids, and its ``<unk>`` id.
    The cut is kept beside the model folder, keyed by the tokenizer's bytes and
    :data:`COMMON_CHARS`: reading it back takes 0.35-0.5 s against 1.3-1.5 s to cut the
    250,002 pieces again, in every process that encodes (CLI runs, batch workers, Spark
    tasks). Where the folder is not writable the cut is made each time.
    """
    from tokenizers import Tokenizer

    from rolematch.exceptions import ModelError
    from rolematch.features._e5convert import build_atomically

    data = path.read_bytes()
    key = hashlib.sha256(data + COMMON_CHARS.encode("utf-8")).hexdigest()[:16]
    # beside the model folder, not in it: the versioned build stays as it was built
    saved = path.parent.with_name(f"{path.parent.name}-small-tokenizer-{key}")
    if saved.is_dir():  # not yet there: cut it below (a concurrent process may too)
        try:
            tokenizer = Tokenizer.from_file(str(saved / "tokenizer.json"))
            keep = np.load(saved / "ids.npy")
            unk = tokenizer.token_to_id("<unk>")
            if unk is not None and keep.ndim == 1 and len(keep) == tokenizer.get_vocab_size():
                return tokenizer, keep, int(unk)
        except Exception:  # noqa: BLE001 - damaged: cut it again and keep the new cut
            pass
        shutil.rmtree(saved, ignore_errors=True)
    tokenizer, keep, unk = _cut_tokenizer(path, data)

    def write(folder: Path) -> None:
        np.save(folder / "ids.npy", keep)
        tokenizer.save(str(folder / "tokenizer.json"))

    def is_done(folder: Path) -> bool:
        return (folder / "tokenizer.json").is_file() and (folder / "ids.npy").is_file()

    with contextlib.suppress(OSError, ModelError):  # a read-only model folder: not kept
        build_atomically(saved, write, is_done, "the cut e5-small tokenizer")
    return tokenizer, keep, unk


def _cut_tokenizer(path: Path, data: bytes) -> tuple[Tokenizer, np.ndarray, int]:
    from tokenizers import Tokenizer

    spec = json.loads(data.decode("utf-8"))
    model = spec["model"]
    if model.get("type") != "Unigram" or model.get("byte_fallback"):
        raise ValueError(
            f"{path} must hold a Unigram tokenizer without byte fallback. "
            f"Got type={model.get('type')!r}, byte_fallback={model.get('byte_fallback')!r}."
        )
    vocab = model["vocab"]
    special = {t["id"] for t in spec["added_tokens"]}
    lowest = min(range(len(vocab)), key=lambda i: vocab[i][1])  # sets the <unk> penalty
    keep = [
        i
        for i, (piece, _) in enumerate(vocab)
        if i in special or i == lowest or not _RARE.search(piece)
    ]
    new_id = {old: new for new, old in enumerate(keep)}
    model["vocab"] = [vocab[i] for i in keep]
    model["unk_id"] = new_id[model["unk_id"]]
    spec["added_tokens"] = [{**t, "id": new_id[t["id"]]} for t in spec["added_tokens"]]
    spec["post_processor"] = None  # <s> and </s> are added with their original ids
    spec["truncation"] = spec["padding"] = None
    tokenizer = Tokenizer.from_str(json.dumps(spec, ensure_ascii=False))
    return tokenizer, np.asarray(keep, dtype=np.int64), int(model["unk_id"])


class BertEngine:
    """Tokenise, run BERT and mean-pool, for a converted e5-small folder.

    Parameters
    ----------
    path : Path
        A folder written by :func:`rolematch.features._e5convert.convert`
        (``config.json``, ``model.safetensors``, ``tokenizer.json``).
    int8 : Path, optional
        A folder written by :func:`rolematch.features._e5quant.build_int8` from ``path``:
        the linear layers then run in int8.
    bf16 : Path, optional
        A folder written by :func:`rolematch.features._e5bf16.build_bf16` from ``path``:
        the linear layers then run in bfloat16 (without native bfloat16 products they are
        emulated, slower than fp32). Not with ``int8``.

    Attributes
    ----------
    max_length : int
        Tokens per sentence including ``<s>`` and ``</s>``; longer ones are cut.
    observer : callable, optional
        Called as ``observer(x, layer, name)`` with the input of every linear layer
        (calibration of the int8 build).
    """

    def __init__(self, path: Path, *, int8: Path | None = None, bf16: Path | None = None) -> None:
        import torch

        if bf16 is not None and int8 is not None:
            raise ValueError(
                f"BertEngine takes at most one of 'int8' and 'bf16'. Got int8={int8!r} and "
                f"bf16={bf16!r}."
            )

        cfg = json.loads((path / "config.json").read_text(encoding="utf-8"))
        if cfg.get("model_type") != "bert" or cfg.get("hidden_act") != "gelu":
            raise ValueError(
                f"{path / 'config.json'} must describe a BERT model with hidden_act 'gelu'. "
                f"Got model_type={cfg.get('model_type')!r}, hidden_act={cfg.get('hidden_act')!r}."
            )
        self.heads = int(cfg["num_attention_heads"])
        self.eps = float(cfg["layer_norm_eps"])
        self.pad_id = int(cfg["pad_token_id"])
        self.max_length = int(cfg["max_position_embeddings"])
        self._tokenizer_file = path / "tokenizer.json"
        self.tokenizer, self._small_ids, self._small_unk = _small_tokenizer(self._tokenizer_file)
        self._full: Tokenizer | None = None
        bos, eos = (self.tokenizer.token_to_id(t) for t in ("<s>", "</s>"))
        if bos is None or eos is None:
            raise ValueError(f"{self._tokenizer_file} must define the tokens '<s>' and '</s>'.")
        self.bos_id, self.eos_id = int(self._small_ids[bos]), int(self._small_ids[eos])

        arrays = read_safetensors(path / "model.safetensors")
        w = {k: torch.from_numpy(v) for k, v in arrays.items()}
        e = "embeddings."
        self.word = w[e + "word_embeddings.weight"]
        # position + token type 0 added once; small, so a private copy
        self.pos = w[e + "position_embeddings.weight"] + w[e + "token_type_embeddings.weight"][0]
        self.emb_norm = (w[e + "LayerNorm.weight"], w[e + "LayerNorm.bias"])
        self.observer: Callable[[torch.Tensor, dict[str, Any], str], None] | None = None
        self.int8 = int8
        self.bf16 = bf16
        self._reduce_range = _reduce_range()
        self.layers: list[dict[str, Any]] = []
        for i in range(int(cfg["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            a = p + "attention.self."
            qkv = ("query", "key", "value")
            self.layers.append(
                {
                    # one matmul for q, k and v (a 1.7 MB copy per layer; none in int8/bf16)
                    "qkv_w": None
                    if int8 or bf16
                    else torch.cat([w[a + f"{m}.weight"] for m in qkv]),
                    "qkv_b": torch.cat([w[a + f"{m}.bias"] for m in qkv]),
                    "out_w": w[p + "attention.output.dense.weight"],
                    "out_b": w[p + "attention.output.dense.bias"],
                    "norm1": (
                        w[p + "attention.output.LayerNorm.weight"],
                        w[p + "attention.output.LayerNorm.bias"],
                    ),
                    "up_w": w[p + "intermediate.dense.weight"],
                    "up_b": w[p + "intermediate.dense.bias"],
                    "down_w": w[p + "output.dense.weight"],
                    "down_b": w[p + "output.dense.bias"],
                    "norm2": (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
                }
            )
        if int8 is not None:
            self._load_int8(int8)
        if bf16 is not None:
            self._load_bf16(bf16)

    def _load_bf16(self, folder: Path) -> None:
        # oneDNN (torch's bfloat16 products) keeps a compiled kernel and its buffers per
        # matrix shape, up to 1,024 of them; sentence batches come in hundreds of shapes.
        # Measured on 1,500 sentences: RSS 824 MB with the default, 716 MB keeping 16, the
        # same sentences/s (none kept: half the speed). Read when oneDNN first runs.
        os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "16")
        import torch

        from rolematch.features._e5bf16 import weights_path
        from rolematch.features._e5quant import LINEARS

        bits = read_safetensors(weights_path(folder))  # mapped: shared between workers
        for i, layer in enumerate(self.layers):
            for name in LINEARS:
                weight = torch.from_numpy(bits[f"{i}.{name}"]).view(torch.bfloat16)
                layer[name + "_bf"] = weight
                layer[name + "_bb"] = layer[name + "_b"].to(torch.bfloat16)
                layer[name + "_w"] = None  # the fp32 matrix is not needed (nor paged in)

    def _load_int8(self, folder: Path) -> None:
        import torch
        from safetensors.numpy import load_file

        from rolematch.features._e5quant import LINEARS, weights_path

        q = load_file(str(weights_path(folder)))  # read once, then packed: no mapping kept
        for i, layer in enumerate(self.layers):
            for name in LINEARS:
                layer[name + "_q"] = _prepack(
                    q[f"{i}.{name}.q"], q[f"{i}.{name}.scale"], layer[name + "_b"]
                )
                layer[name + "_inv"] = torch.from_numpy(q[f"{i}.{name}.inv_smooth"])
                layer[name + "_w"] = None  # the fp32 matrix is not needed (nor paged in)

    def _linear(self, x: torch.Tensor, layer: dict[str, Any], name: str) -> torch.Tensor:
        import torch
        import torch.nn.functional as F

        if self.observer is not None:
            self.observer(x, layer, name)
        weight = layer.get(name + "_bf")
        if weight is not None:
            # bfloat16 in and out (accumulated in fp32): GELU's output feeds "down" without
            # a round trip through fp32; a residual sum with fp32 promotes to fp32
            return F.linear(x.to(weight.dtype), weight, layer[name + "_bb"])
        packed = layer.get(name + "_q")
        if packed is None:
            return F.linear(x, layer[name + "_w"], layer[name + "_b"])
        x = x * layer[name + "_inv"]  # SmoothQuant: the weight columns carry the factor
        out: torch.Tensor = torch.ops.quantized.linear_dynamic(x, packed, self._reduce_range)
        return out

    def _dtype(self, layer: dict[str, Any], name: str) -> torch.dtype:
        """The dtype a linear layer takes its input in (bfloat16 weights: bfloat16)."""
        import torch

        weight = layer.get(name + "_bf")
        return torch.float32 if weight is None else weight.dtype

    @property
    def full_tokenizer(self) -> Tokenizer:
        """The model's own tokenizer (all 250,002 pieces), loaded on first use."""
        if self._full is None:
            from tokenizers import Tokenizer

            self._full = Tokenizer.from_file(str(self._tokenizer_file))
            self._full.no_truncation()
            self._full.no_padding()
        return self._full

    def token_ids(self, texts: list[str]) -> tuple[list[list[int]], list[int]]:
        """Token ids per text, cut to :attr:`max_length` (keeping ``</s>``), and full lengths."""
        small = [e.ids for e in self.tokenizer.encode_batch(texts, add_special_tokens=False)]
        rare = [i for i, seq in enumerate(small) if self._small_unk in seq]  # not COMMON_CHARS
        full = self.full_tokenizer.encode_batch([texts[i] for i in rare]) if rare else []
        by_full = {i: e.ids for i, e in zip(rare, full, strict=True)}
        ids, lengths = [], []
        for i, piece_ids in enumerate(small):
            if i in by_full:
                seq = by_full[i]
            else:
                seq = [self.bos_id, *self._small_ids[piece_ids].tolist(), self.eos_id]
            lengths.append(len(seq))
            if len(seq) > self.max_length:
                seq = [*seq[: self.max_length - 1], self.eos_id]
            ids.append(seq)
        return ids, lengths

    def _forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        import torch
        import torch.nn.functional as F

        b, n = ids.shape
        h, d = self.heads, self.word.shape[1]

        def norm(x: torch.Tensor, weight_bias: tuple[torch.Tensor, torch.Tensor]) -> torch.Tensor:
            return F.layer_norm(x, (d,), weight=weight_bias[0], bias=weight_bias[1], eps=self.eps)

        x = norm(self.word[ids] + self.pos[:n], self.emb_norm)
        # padding keys get -inf before the softmax; every query row sees <s>. Written out
        # (baddbmm, softmax, bmm) because for résumé-sentence lengths (10-60 tokens) that is
        # ~1.4x faster on CPU than scaled_dot_product_attention, same values to 1e-6.
        blocked = torch.zeros((b, 1, 1, n)).masked_fill(mask[:, None, None, :] == 0, -math.inf)
        blocked = blocked.expand(b, h, n, n).reshape(b * h, n, n)
        # q, k, v to head-major fp32 and the heads' context back to the "out" layer's input
        # dtype, each in one copy (layout and dtype together: a bfloat16 forward converted
        # and permuted in two passes, ~8% of its time)
        heads = torch.empty((3, b, h, n, d // h))
        for layer in self.layers:
            qkv = self._linear(x, layer, "qkv").view(b, n, 3, h, d // h)
            q, k, v = heads.copy_(qkv.permute(2, 0, 3, 1, 4)).view(3, b * h, n, d // h).unbind(0)
            scores = torch.baddbmm(blocked, q, k.transpose(1, 2), alpha=(d // h) ** -0.5)
            ctx = torch.bmm(scores.softmax(-1), v).view(b, h, n, d // h).transpose(1, 2)
            ctx = torch.empty((b, n, h, d // h), dtype=self._dtype(layer, "out")).copy_(ctx)
            x = norm(self._linear(ctx.view(b, n, d), layer, "out") + x, layer["norm1"])
            up = F.gelu(self._linear(x, layer, "up"))
            x = norm(self._linear(up, layer, "down") + x, layer["norm2"])
        m = mask.unsqueeze(-1).to(x.dtype)
        return (x * m).sum(1) / m.sum(1).clamp(min=1e-9)

    def encode(
        self, texts: list[str], *, prompt: str = "", batch_size: int = 32
    ) -> tuple[np.ndarray, list[int]]:
        """Unit-norm float32 vectors for ``prompt + text``, and each one's full token count.

        Texts are sorted by length and batched, so padding stays small. With torch set
        to several threads, batches run side by side, one thread each (see
        :meth:`_run_batches`).
        """
        import torch

        ids, lengths = self.token_ids([prompt + t for t in texts])
        out = np.zeros((len(texts), self.word.shape[1]), np.float32)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        batches = [order[s : s + batch_size] for s in range(0, len(order), batch_size)]
        threads = torch.get_num_threads()
        if threads > 1 and len(batches) > 1 and self.observer is None:
            self._run_batches(batches, ids, out, threads)
        else:
            with torch.inference_mode():
                for rows in batches:
                    out[rows] = self._batch(rows, ids)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1.0).astype(np.float32), lengths

    def _batch(self, rows: list[int], ids: list[list[int]]) -> np.ndarray:
        import torch

        width = max(len(ids[i]) for i in rows)
        batch = torch.full((len(rows), width), self.pad_id, dtype=torch.long)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        for j, i in enumerate(rows):
            batch[j, : len(ids[i])] = torch.tensor(ids[i])
            mask[j, : len(ids[i])] = 1
        return self._forward(batch, mask).numpy()

    def _run_batches(
        self, batches: list[list[int]], ids: list[list[int]], out: np.ndarray, threads: int
    ) -> None:
        """Run ``threads`` batches at a time, each op on one thread.

        A sentence batch's products are small (32 × 60 rows): two threads inside one
        bfloat16 product ran it only ~1.5× faster than one, two batches side by side
        ~1.9×. torch releases the GIL inside its ops, and each pool thread sets its own
        OpenMP/MKL thread count; the caller's count is restored after.
        """
        from concurrent.futures import ThreadPoolExecutor

        import torch

        def run(rows: list[int]) -> None:
            torch.set_num_threads(1)
            with torch.inference_mode():
                out[rows] = self._batch(rows, ids)

        try:
            with ThreadPoolExecutor(threads, thread_name_prefix="rolematch-e5") as pool:
                list(pool.map(run, batches))  # consumed so that a batch's error is raised
        finally:
            torch.set_num_threads(threads)  # the count is also kept process-wide
