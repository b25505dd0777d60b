"""Distil the ``static-zh`` StaticEmbedding model from e5-small.

Recipe (model2vec-style distillation, with jieba's dictionary as the vocabulary):

1. Vocabulary: the ``--words`` most frequent words of jieba's ``dict.txt`` (lower-cased,
   frequencies of case variants summed), every single CJK character that occurs anywhere in
   that dictionary, ASCII letters, digits and a few symbols, and a short list of tech and
   banking terms (``EXTRA_TERMS``; terms jieba lacks get frequency ``--extra-freq``).
2. Embed every vocabulary item alone with the converted e5-small (mean pooling, with the
   ``query: `` prompt rolematch uses for e5; ``--prompt`` changes it), in batches.
3. PCA (centred, no whitening) to ``--dims`` dimensions.
4. SIF weighting folded into each row: ``a / (a + p(w))`` with ``p(w)`` the jieba frequency
   over the dictionary total and ``a = --sif``; single ASCII characters, which only appear
   as fallbacks for unknown English words, get the weight of a very frequent word.
5. Tokenizer: a ``tokenizers`` Unigram model over the same vocabulary with scores
   ``log(freq / total)`` (characters jieba lacks count 1, as in jieba), which is jieba's
   maximum-probability segmentation without the HMM. Normaliser: NFKC + lowercase. The
   pre-tokenizer drops everything except CJK, ASCII letters/digits and ``+#&._%-`` (jieba's
   own block pattern), so punctuation does not dilute the mean.
6. Save a sentence-transformers folder (``StaticEmbedding`` + ``Normalize``), weights fp16,
   with ``rolematch_static.json`` (version = sha256 prefix of the weights) and a README.

Run (about 10 minutes on 2 cores, most of it step 2)::

    python scripts/build_static_zh.py --out models/static-zh

``--raw-cache file.npz`` keeps the step-2 embeddings so that re-running with other
``--dims``/``--sif`` skips the expensive part.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

# Tokens résumés use that jieba's dictionary lacks or ranks low. Kept short on purpose:
# the model is distilled from e5, these only make sure the terms are single tokens.
_EXTRA_TERMS = """
python java sql mysql oracle excel ppt word vba app api ai it ui ux crm erp oa bi
linux unix shell c++ c# go javascript typescript html css h5 vue react spring
hadoop spark hive kafka redis docker kubernetes k8s git svn jira aws saas etl
spss sas stata matlab tableau powerbi wind kpi okr seo sem ios android ocr nlp gpt
cpa cfa frm acca cma mba pmp cet4 cet6 b2b b2c o2o p2p pos atm swift cips kyc aml
fintech esg ipo otc
呼叫中心 手机银行 网上银行 外呼 坐席 客服 工单 运维 网联 银联 反洗钱 内控 排班 质检
清算 结算 联调 风控 合规 投诉 消保 消费者权益保护 信用卡 分期 理财 存款 贷款 对公 零售
柜员 大堂经理 客户经理 产品经理 运营 迭代 需求分析 数据分析 报表 指标 监管 审计
"""
EXTRA_TERMS = _EXTRA_TERMS.split()

ASCII_SINGLES = list("abcdefghijklmnopqrstuvwxyz0123456789") + list("+#&._%-")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# jieba's re_han_default block, after NFKC + lowercase; everything else is dropped
DROP = r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffa-z0-9+#&._%\-]+"
UNK = "[UNK]"


def jieba_dict() -> tuple[Counter[str], int]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    freq: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            freq[parts[0].lower()] += int(parts[1])
    return freq, sum(freq.values())


def build_vocab(n_words: int, extra_freq: int) -> tuple[list[str], dict[str, int], int]:
    """Vocabulary items and their jieba frequencies (0 = not in jieba)."""
    freq, total = jieba_dict()
    words = [w for w, _ in freq.most_common() if not re.search(r"\s", w)][:n_words]
    vocab = dict.fromkeys(words)
    chars = sorted({ch for w in freq for ch in w if CJK.match(ch)})
    vocab.update(dict.fromkeys(chars))
    vocab.update(dict.fromkeys(ASCII_SINGLES))
    vocab.update(dict.fromkeys(t.lower() for t in EXTRA_TERMS))
    counts = {w: freq.get(w, 0) for w in vocab}
    for t in EXTRA_TERMS:
        if counts[t.lower()] < extra_freq and len(t) > 1:
            counts[t.lower()] = extra_freq
    return list(vocab), counts, total


def embed(items: list[str], prompt: str, batch_size: int) -> np.ndarray:
    from rolematch.features.embeddings import load_model

    model = load_model("e5-small")
    t0 = time.perf_counter()
    out = model.encode(
        items,
        prompt=prompt or None,
        batch_size=batch_size,
        show_progress_bar=sys.stderr.isatty(),
        convert_to_numpy=True,
        normalize_embeddings=False,
    )
    dt = time.perf_counter() - t0
    print(f"embedded {len(items)} items in {dt:.0f} s ({len(items) / dt:.0f}/s)", file=sys.stderr)
    return np.asarray(out, dtype=np.float32)


def pca(x: np.ndarray, dims: int) -> tuple[np.ndarray, float]:
    centred = x - x.mean(axis=0, keepdims=True)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    explained = float((s[:dims] ** 2).sum() / (s**2).sum())
    return centred @ vt[:dims].T, explained


def sif_weights(vocab: list[str], counts: dict[str, int], total: int, a: float) -> np.ndarray:
    top = sorted(counts.values(), reverse=True)
    frequent = top[min(100, len(top) - 1)]  # a very frequent word's count
    p = np.array(
        [(frequent if len(w) == 1 and w.isascii() else max(counts[w], 1)) / total for w in vocab]
    )
    return (a / (a + p)).astype(np.float32)


def build_tokenizer(vocab: list[str], counts: dict[str, int], total: int):  # type: ignore[no-untyped-def]
    from tokenizers import Regex, Tokenizer, normalizers, pre_tokenizers
    from tokenizers.models import Unigram

    log_total = math.log(total)
    pieces = [(UNK, 0.0)] + [(w, math.log(max(counts[w], 1)) - log_total) for w in vocab]
    tok = Tokenizer(Unigram(pieces, unk_id=0, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Lowercase()])
    tok.pre_tokenizer = pre_tokenizers.Split(Regex(DROP), "removed")
    return tok


def write_model(
    out: Path,
    vocab: list[str],
    weights: np.ndarray,
    tokenizer,  # type: ignore[no-untyped-def]
    meta: dict[str, object],
) -> None:
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.base.modules import Normalize
    from sentence_transformers.sentence_transformer.modules import StaticEmbedding

    table = np.zeros((len(vocab) + 1, weights.shape[1]), np.float16)  # row 0: [UNK] = 0
    table[1:] = weights.astype(np.float16)
    static = StaticEmbedding(tokenizer, embedding_weights=torch.from_numpy(table))
    model = SentenceTransformer(modules=[static, Normalize()], device="cpu")
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        model.save(str(tmp))
        digest = hashlib.sha256((tmp / "model.safetensors").read_bytes()).hexdigest()
        meta = {"version": digest[:12], "sha256": digest, **meta}
        (tmp / "rolematch_static.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        # README.md is maintained by hand (recipe and measured numbers): keep it
        old_readme = out / "README.md"
        if old_readme.is_file():
            shutil.copyfile(old_readme, tmp / "README.md")
        for item in [tmp, *tmp.rglob("*")]:
            os.chmod(item, 0o755 if item.is_dir() else 0o644)
        if out.exists():
            shutil.rmtree(out)
        os.replace(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("models/static-zh"))
    ap.add_argument("--words", type=int, default=50_000, help="most frequent jieba words")
    ap.add_argument("--dims", type=int, default=256, help="PCA dimensions")
    ap.add_argument("--sif", type=float, default=1e-3, help="SIF coefficient a")
    ap.add_argument("--extra-freq", type=int, default=1000, help="jieba count for EXTRA_TERMS")
    ap.add_argument("--prompt", default="query: ", help="prefix for embedding vocabulary items")
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--raw-cache", type=Path, help="npz to keep/reuse step-2 embeddings")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    vocab, counts, total = build_vocab(args.words, args.extra_freq)
    print(f"vocabulary: {len(vocab)} items", file=sys.stderr)
    raw = None
    if args.raw_cache and args.raw_cache.exists():
        cached = np.load(args.raw_cache, allow_pickle=False)
        if list(cached["vocab"]) == vocab and str(cached["prompt"]) == args.prompt:
            raw = cached["raw"]
            print(f"reusing {args.raw_cache}", file=sys.stderr)
    if raw is None:
        raw = embed(vocab, args.prompt, args.batch_size)
        if args.raw_cache:
            np.savez(args.raw_cache, vocab=np.array(vocab), raw=raw, prompt=np.array(args.prompt))
    reduced, explained = pca(raw, args.dims)
    weights = reduced * sif_weights(vocab, counts, total, args.sif)[:, None]
    tokenizer = build_tokenizer(vocab, counts, total)

    from rolematch.features._e5convert import MODEL_VERSION

    meta = {
        "teacher": f"e5-small@{MODEL_VERSION}",
        "vocabulary": len(vocab),
        "jieba_words": args.words,
        "dims": args.dims,
        "pca_explained_variance": round(explained, 4),
        "sif_a": args.sif,
        "prompt": args.prompt,
        "extra_freq": args.extra_freq,
        "built_with": {
            "python": platform.python_version(),
            "numpy": np.__version__,
        },
    }
    write_model(args.out, vocab, weights, tokenizer, meta)
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(
        f"wrote {args.out} ({size / 1e6:.1f} MB, PCA keeps {explained:.1%} of variance) "
        f"in {time.perf_counter() - t0:.0f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
