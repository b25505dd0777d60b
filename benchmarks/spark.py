"""The Spark engine against the local engine, and the cascade's shortlists and cost.

    python benchmarks/spark.py                         # N=200 PDFs, both models
    python benchmarks/spark.py --n 2000 --json benchmarks/results/spark.json
    python benchmarks/spark.py --cascade-only          # shortlists on the benchmark sets

Throughput (per model, ``static-zh`` and ``e5-small``), on a folder of N résumé PDFs
built from ``examples/`` by :func:`benchmarks.throughput.build_corpus`:

1. the local engine, ``rolematch score FOLDER -o out.csv --workers 2``;
2. ``rolematch score FOLDER --engine spark --master local[2] -o out.csv`` and the same on
   ``local[1]``; each run is a fresh process (JVM and Python workers started, model
   loaded, every file read and scored) with a fresh ``ROLEMATCH_HOME`` (no embedding
   cache left by an earlier run; the built models linked in), timed whole, with the resident
   memory of every process sampled: the peak of the largest Python worker (a local
   engine worker, or a Spark Python worker) and of the whole tree.

Printed: résumés/s, Spark local[2] ÷ local engine time, local[1] ÷ local[2] time,
peak memory per Python worker.

Cascade (``--rerank K``: static-zh scores everything, e5-small re-scores each role's
top K plus anything within ``--margin`` of the K-th score; the others rank below): on
every labelled benchmark set (those of ``benchmarks/quality.py``, each alone and pooled)
and on the N-PDF folder pooled with them (the throughput runs' own scores), how often
the cascade's top 10 per role equals full e5-small's (as a set, and in order), the mean
overlap, how often every résumé of its top 10 is within 0.01 of full e5's 10th score
(the N-PDF corpus is made of variants of a few CVs: hundreds of near ties at the top),
and the cost: the share of résumés e5-small had to encode, beside its floor — the
share in the union of full e5's top 10s, which any cascade that reproduces them all
must re-score (high on small pools: 9 roles × 10 of a few hundred résumés). The
cascade's choice and ranking are those of :func:`rolematch.spark.cascade_candidates`
and the Spark engine's ``resume_rank``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.throughput import _rss, _run_sampled, _tree, build_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


# ------------------------------------------------------------------------ throughput


@dataclass
class Run:
    model: str
    engine: str  # "local, 2 workers", "spark local[2]", "spark local[1]"
    n: int
    seconds: float
    per_s: float
    cpu_seconds: float  # user + system of every process of the run (JVM, workers, readers)
    worker_peak_mb: float  # the largest Python worker (not the driver)
    tree_peak_mb: float  # RSS of all processes together, JVM included
    jvm_peak_mb: float
    load_avg: float


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _cpu(pid: int) -> float:
    """User + system CPU seconds of one process so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def time_run(args: list[str], home: Path) -> tuple[float, float, float, float, float, str]:
    """Run ``python -m rolematch ARGS`` with ``ROLEMATCH_HOME=home``: wall seconds, CPU
    seconds of the whole tree, peak MB of the largest Python worker, of the whole tree
    and of the JVM, and stderr.

    CPU seconds hardly depend on what else the machine runs; wall seconds do. They are
    sampled per process from /proc (the JVM and Spark's Python workers are not reaped by
    this process, so its rusage would miss them); a process's last 0.2 s may be missed."""
    cmd = [sys.executable, "-m", "rolematch", *args]
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "ROLEMATCH_HOME": str(home)}
    worker = tree = jvm = 0
    cpu: dict[int, float] = {}

    def sample(root: int) -> None:
        nonlocal worker, tree, jvm
        total = 0
        for pid in _tree(root):
            cpu[pid] = max(cpu.get(pid, 0.0), _cpu(pid))
            rss = _rss(pid)
            total += rss
            line = _cmdline(pid)
            if "java" in line.split(" ", 1)[0]:
                jvm = max(jvm, rss)
            elif pid != root and "python" in line:
                worker = max(worker, rss)
        tree = max(tree, total)

    seconds, err = _run_sampled(cmd, env, sample, tail=3000)  # Java traces are long
    mb = 2**20
    return seconds, sum(cpu.values()), worker / mb, tree / mb, jvm / mb, err


def throughput(folder: Path, n: int, models: list[str], keep: Path | None) -> list[Run]:
    from rolematch._resources import home_dir
    from rolematch.features.embeddings import load_model

    for model in models:
        load_model(model)  # built once (e5-small), before any timing
    runs = []
    engines = {
        "local, 2 workers": ["--workers", "2"],
        "spark local[2]": ["--engine", "spark", "--master", "local[2]"],
        "spark local[1]": ["--engine", "spark", "--master", "local[1]"],
    }
    for model in models:
        for engine, extra in engines.items():
            with tempfile.TemporaryDirectory(prefix="rolematch-spark-bench-") as tmp:
                out = Path(tmp) / "out.csv"
                # a fresh home (no embedding cache from an earlier run), the built models
                home = Path(tmp) / "home"
                home.mkdir()
                (home / "models").symlink_to(home_dir() / "models")
                load = os.getloadavg()[0]
                s, cpu, w, t, j, _ = time_run(
                    ["score", str(folder), "-o", str(out), "--model", model, "-q", *extra], home
                )
                if keep is not None and engine != "spark local[1]":
                    tag = "local" if engine.startswith("local") else "spark"
                    (keep / f"{model}.{tag}.csv").write_bytes(out.read_bytes())
            run = Run(model, engine, n, s, n / s, cpu, w, t, j, load)
            runs.append(run)
            print(run, file=sys.stderr)
    return runs


def throughput_table(runs: list[Run]) -> str:
    by = {(r.model, r.engine): r for r in runs}
    lines = [
        "| model | engine | N | total s | résumés/s | ÷ local engine time | local[1] ÷ local[2] "
        "time | CPU s (÷ local engine) | peak RSS per Python worker MB | peak RSS all "
        "processes MB (JVM) | load avg |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        base = by.get((r.model, "local, 2 workers"))
        l2 = by.get((r.model, "spark local[2]"))
        ratio = f"{r.seconds / base.seconds:.2f}×" if base and r.engine != base.engine else "–"
        speedup = f"{r.seconds / l2.seconds:.2f}×" if l2 and r.engine == "spark local[1]" else "–"
        jvm = f" ({r.jvm_peak_mb:.0f})" if r.jvm_peak_mb else ""
        cpu = f"{r.cpu_seconds:.0f}" + (
            f" ({r.cpu_seconds / base.cpu_seconds:.2f}×)" if base and r is not base else ""
        )
        lines.append(
            f"| {r.model} | {r.engine} | {r.n} | {r.seconds:.1f} | {r.per_s:.1f} | {ratio} | "
            f"{speedup} | {cpu} | {r.worker_peak_mb:.0f} | {r.tree_peak_mb:.0f}{jvm} | "
            f"{r.load_avg:.1f} |"
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------- cascade


def _matrix_from_csv(path: Path, roles: list[str]) -> tuple[list[str], np.ndarray]:
    """(files, scores (files × ``roles``)) of the ok files of a long CSV."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["status"] == "ok"]
    files = list(dict.fromkeys(r["file"] for r in rows))
    fi, ri = {f: i for i, f in enumerate(files)}, {r: i for i, r in enumerate(roles)}
    s = np.full((len(files), len(roles)), np.nan)
    for r in rows:
        s[fi[r["file"]], ri[r["role_id"]]] = float(r["score"])
    return files, s


def cascade_topk(first: np.ndarray, full: np.ndarray, k: int, margin: float, top: int = 10):
    """The cascade's top ``top`` per role and its re-scored share.

    Re-scored résumés (:func:`~rolematch.spark.cascade_candidates`) rank first, by
    ``full``; the rest after them, by ``first`` (as the Spark engine's ``resume_rank``).
    """
    from rolematch.spark import cascade_candidates

    chosen = cascade_candidates(first, k, margin)
    n = first.shape[0]
    idx = np.arange(n)
    out = []
    for r in range(first.shape[1]):
        # sort keys: re-scored first, then score (full or first) descending, then index
        score = np.where(chosen, full[:, r], first[:, r])
        order = np.lexsort((idx, -score, ~chosen))
        out.append(order[:top].tolist())
    return out, float(chosen.mean())


def full_topk(full: np.ndarray, top: int = 10) -> list[list[int]]:
    return [np.argsort(-full[:, r], kind="stable")[:top].tolist() for r in range(full.shape[1])]


def cascade_report(name: str, first: np.ndarray, full: np.ndarray, ks: list[int], margin: float):
    rows = []
    want = full_topk(full)
    # no cascade reproduces every top 10 while re-scoring fewer than their union
    floor = len(set().union(*want)) / max(1, full.shape[0])
    for k in ks:
        got, cost = cascade_topk(first, full, k, margin)
        same_set = np.mean([set(a) == set(b) for a, b in zip(got, want, strict=True)])
        same_order = np.mean([a == b for a, b in zip(got, want, strict=True)])
        overlap = np.mean(
            [len(set(a) & set(b)) / max(1, len(b)) for a, b in zip(got, want, strict=True)]
        )
        # near ties: every résumé of the cascade's top 10 within 0.01 of full e5's 10th score
        near = np.mean([full[a, r].min() >= full[b, r].min() - 0.01
                        for r, (a, b) in enumerate(zip(got, want, strict=True))])  # fmt: skip
        rows.append({"set": name, "n": int(first.shape[0]), "K": k, "margin": margin,
                     "top10_set_equal": float(same_set), "top10_order_equal": float(same_order),
                     "top10_overlap": float(overlap), "top10_within_0.01": float(near),
                     "e5_share": cost, "floor": floor, "cost_saved": 1 - cost})  # fmt: skip
    return rows


def benchmark_sets() -> dict[str, list[object]]:
    """Résumés of every labelled benchmark set (as ``benchmarks/quality.py`` reads them:
    dev, held-out, multilingual, off-target, short, long, real), by set name."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from _common import cached_reader
    from quality import SETS, load_set

    read = cached_reader(Path(tempfile.gettempdir()) / "rolematch_quality")
    sets: dict[str, list[object]] = {}
    for name in SETS:
        items = None if name in ("pooled", "mix") else load_set(name, read)
        if items:
            sets[name] = [it.resume for it in items]
    return sets


def score_matrix(matcher: object, resumes: list[object]) -> np.ndarray:
    table = matcher.score_table(resumes)  # type: ignore[attr-defined]
    ok = table[table["status"] == "ok"]
    wide = ok.pivot(index="file", columns="role_id", values="score")
    role_ids: list[str] = matcher.role_ids_  # type: ignore[attr-defined]
    return wide.loc[list(dict.fromkeys(ok["file"]))][role_ids].to_numpy()


def cascade(
    ks: list[int], margins: list[float], keep: Path | None, pdfs: Path | None = None
) -> list[dict[str, object]]:
    import rolematch

    roles = rolematch.load_roles()
    sets = benchmark_sets()
    first = rolematch.Matcher(model="static-zh").fit(roles)
    full = rolematch.Matcher(model="e5-small").fit(roles)
    mats = {name: (score_matrix(first, rs), score_matrix(full, rs)) for name, rs in sets.items()}
    rows = []
    for margin in margins:
        for name, (a, b) in mats.items():
            rows += cascade_report(name, a, b, ks, margin)
    pooled_a = np.vstack([a for a, _ in mats.values()])
    pooled_b = np.vstack([b for _, b in mats.values()])
    for margin in margins:
        rows += cascade_report("+".join(mats), pooled_a, pooled_b, ks, margin)
    big = None
    if pdfs is not None:  # scored here, with the same matchers as the sets
        from rolematch.io.extract import read_resume

        docs = [read_resume(f) for f in sorted(pdfs.glob("*.pdf"))]
        big = len(docs), score_matrix(first, docs), score_matrix(full, docs)
    elif keep and all((keep / f"{m}.local.csv").exists() for m in ("static-zh", "e5-small")):
        files_a, big_a = _matrix_from_csv(keep / "static-zh.local.csv", full.role_ids_)
        files_b, big_b = _matrix_from_csv(keep / "e5-small.local.csv", full.role_ids_)
        assert files_a == files_b
        big = len(files_a), big_a, big_b
    if big is not None:
        n, big_a, big_b = big
        for margin in margins:
            rows += cascade_report(
                f"N={n} PDFs + benchmark sets",
                np.vstack([big_a, pooled_a]),
                np.vstack([big_b, pooled_b]),
                ks,
                margin,
            )
    return rows


def cascade_table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| set | résumés | K | margin | top-10 equal (set) | top-10 equal (order) | "
        "mean overlap@10 | top-10 within 0.01 | e5 share | floor | cost saved |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['set']} | {r['n']} | {r['K']} | {r['margin']} | {r['top10_set_equal']:.3f} | "
            f"{r['top10_order_equal']:.3f} | {r['top10_overlap']:.3f} | "
            f"{r['top10_within_0.01']:.3f} | {r['e5_share']:.3f} | {r['floor']:.3f} | "
            f"{r['cost_saved']:.3f} |"
        )
    return "\n".join(lines)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=200, help="résumé PDFs (default 200)")
    p.add_argument("--models", nargs="+", default=["static-zh", "e5-small"])
    p.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "rolematch-bench")
    p.add_argument("--rerank", type=int, nargs="+", default=[10, 15, 20], metavar="K")
    p.add_argument("--margin", type=float, nargs="+", default=[0.0, 0.02])
    p.add_argument("--cascade-only", action="store_true", help="skip the throughput runs")
    p.add_argument("--json", type=Path, help="also write the results as JSON")
    p.add_argument(
        "--scores",
        type=Path,
        help="folder for the runs' CSVs ({model}.local.csv, {model}.spark.csv; default: a "
        "new temporary folder); with --cascade-only, those of an earlier run",
    )
    p.add_argument(
        "--pdfs",
        type=Path,
        help="with --cascade-only: a folder of PDFs to pool with the sets, scored here by both "
        "models (instead of the CSVs of --scores)",
    )
    args = p.parse_args()

    keep = args.scores or Path(tempfile.mkdtemp(prefix="rolematch-spark-scores-"))
    keep.mkdir(parents=True, exist_ok=True)
    runs: list[Run] = []
    if not args.cascade_only:
        files = build_corpus(args.corpus / f"n{args.n}-s0", args.n)
        runs = throughput(files[0].parent, args.n, args.models, keep)
    cascade_rows = cascade(args.rerank, args.margin, keep, args.pdfs)

    print(f"\n{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"load average now {os.getloadavg()[0]:.1f}\n")  # fmt: skip
    if runs:
        print(throughput_table(runs) + "\n")
    print(cascade_table(cascade_rows))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {"throughput": [asdict(r) for r in runs], "cascade": cascade_rows},
                indent=1,
                ensure_ascii=False,
            )
            + "\n"
        )


if __name__ == "__main__":
    main()
