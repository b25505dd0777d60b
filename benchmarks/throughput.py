"""End-to-end throughput of ``rolematch score`` on a folder of résumé PDFs.

    python benchmarks/throughput.py                      # N=200, both tiers, default workers
    python benchmarks/throughput.py --large              # N=2000
    python benchmarks/throughput.py --models static-zh --workers 1 2
    python benchmarks/throughput.py --json benchmarks/results/throughput.json

What it does, per model tier (``static-zh``, ``e5-small``) and ``--workers`` setting:

1. builds (once, cached under ``--corpus``) a folder of N one- or two-page résumé PDFs
   rendered with reportlab's STSong-Light CID font from the project's own
   ``examples/`` (like ``examples/make_pdfs.py``): each variant takes an example, adds an
   earlier job from another example, and changes names, numbers and employers, so that
   almost every sentence is new to the embedding cache;
2. times the whole ``rolematch score FOLDER -o out.csv --model M --cache FRESH -q``
   command as a subprocess (interpreter start, imports, model load, extraction, encoding,
   scoring and writing; the fresh ``--cache`` means a cold extraction and embedding cache),
   sampling the resident memory of the whole process tree (workers included) every 50 ms;
3. re-runs it with the same cache (the incremental case: nothing changed);
4. measures, in this process, bare PDF text extraction of the same files
   (``pypdfium2``: open, ``get_textpage().get_text_range()`` per page) and bare sentence
   encoding of the same unique sentences with the same model
   (``SentenceTransformer.encode``, batch 32, the matcher's prompt), and reports the two
   ratios total / bare.

``--long`` builds long real-style CVs instead (each variant followed by the job entries
and self-assessment of two more, 2-4 pages, 50-100 sentences); ``--folder DIR`` times an
existing folder (e.g. ``../shared/realworld``); ``--no-bare`` skips step 4. To compare
e5-small's engines on the same files in one run (alternating rounds)::

    python benchmarks/throughput.py --large --models e5-small-fp32 e5-small-bf16 \\
        --no-bare --repeat 2
    python benchmarks/throughput.py --long --n 40 --workers 1 \\
        --models e5-small-fp32 e5-small-bf16 --no-bare --repeat 3

Targets on a 2-core machine: static-zh >= 100 résumés/s end to end and <= 2x the bare
extraction; e5-small within 1.3x of the bare encoding; peak RSS < 2 GB at N = 2000.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"  # noqa: E501
GIVEN = "子浩宇轩博文雅琴佳怡书航立新文博梓涵一诺欣然思远晨曦俊杰明哲婉清若汐雨桐嘉懿天佑昊然志强海燕丽娜建华秀英国栋晓东静怡瑞琪"  # noqa: E501
BANKS = [
    "东岳", "北辰", "恒信", "西江", "南海", "汇丰源", "长江", "泰和",
    "华夏中", "兴盛", "瑞丰", "锦程", "星河", "广源", "天成", "金桥",
]  # fmt: skip
UNIVERSITIES = ["华南理工大学", "南京财经大学", "西南财经大学", "山东大学", "中国政法大学",
                "武汉大学", "复旦大学", "浙江大学", "厦门大学", "中山大学", "湖南大学",
                "东北财经大学", "上海财经大学", "四川大学", "吉林大学"]  # fmt: skip


def _sources() -> list[list[str]]:
    files = sorted((EXAMPLES / "pdf").glob("*.source")) + sorted(EXAMPLES.glob("*.txt"))
    if not files:
        raise SystemExit(f"no example résumés found in {EXAMPLES}")
    return [f.read_text(encoding="utf-8").splitlines() for f in files]


def _job_blocks(lines: list[str]) -> list[list[str]]:
    """A résumé's job entries: a line starting with a year range, then its bullets."""
    blocks: list[list[str]] = []
    for line in lines:
        if re.match(r"^\d{4}[.年/]", line) and (
            "至今" in line or re.search(r"-\s*\d{4}", line) or "—" in line or "–" in line
        ):
            blocks.append([line])
        elif (
            blocks
            and line.strip()[:1] in {"·", "-", "•"}
            or (blocks and re.match(r"^\d+\.", line.strip()))
        ):
            blocks[-1].append(line)
    return [b for b in blocks if len(b) > 1]


def _vary_numbers(line: str, rng: random.Random) -> str:
    def repl(m: re.Match[str]) -> str:
        s, before, after = m.group(0), line[: m.start()], line[m.end() : m.end() + 1]
        if len(s) == 4 and s.startswith(("19", "20")):  # keep years plausible
            return str(rng.randint(2004, 2023))
        if re.search(r"\d{4}[.年/]$", before):  # a month
            return f"{rng.randint(1, 12):0{len(s)}d}"
        if after == "%":
            return str(rng.randint(10, 99))
        return "".join(str(rng.randint(1 if i == 0 else 0, 9)) for i in range(len(s)))

    return re.sub(r"\d+", repl, line)


def variant_lines(i: int, sources: list[list[str]], seed: int = 0) -> list[str]:
    """The text lines of résumé variant ``i``: deterministic for ``(i, seed)``."""
    rng = random.Random(seed * 1_000_003 + i)
    base = sources[i % len(sources)]
    other = sources[(i // len(sources) + 1 + i) % len(sources)]
    name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))
    lines = []
    for n, line in enumerate(base):
        if n == 0:
            # the first line carries the name in every example
            line = re.sub(r"^(姓名：)?\S{2,3}", lambda m: (m.group(1) or "") + name, line, count=1)
        for bank in BANKS:
            line = line.replace(bank, rng.choice(BANKS))
        line = re.sub(r"\S+大学", rng.choice(UNIVERSITIES), line)
        lines.append(_vary_numbers(line, rng))
    extra = _job_blocks(other)
    if extra:
        block = rng.choice(extra)
        bullets = block[1:]
        rng.shuffle(bullets)
        lines += ["", "【更早经历】"] + [_vary_numbers(x, rng) for x in [block[0], *bullets]]
    if rng.random() < 0.25:  # a quarter run to a second page
        lines += [""] * 30 + [
            "【自我评价】",
            f"从业{rng.randint(5, 15)}年，熟悉银行业务与团队管理。",
        ]
    return lines


def render_pdf(lines: list[str], path: Path) -> None:
    """Render lines with STSong-Light (a non-embedded CID font, as many producers use)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, height = A4
    y = height - 60
    for line in lines:
        if y < 60:
            c.showPage()
            y = height - 60
        c.setFont("STSong-Light", 10.5)
        c.drawString(56, y, line)
        y -= 17
    c.save()


def long_variant_lines(i: int, sources: list[list[str]], seed: int = 0) -> list[str]:
    """A long CV: variant ``i`` plus the job entries and self-assessment of two more."""
    lines = variant_lines(i, sources, seed)
    for k in (1, 2):
        other = variant_lines(i + k * 7919, sources, seed)
        start = next((n for n, x in enumerate(other) if "经历" in x or "经验" in x), 1)
        lines += ["", *other[start:]]
    return lines


def build_corpus(folder: Path, n: int, seed: int = 0, long: bool = False) -> list[Path]:
    """N résumé PDFs in ``folder`` (kept between runs; rebuilt when N or seed differ)."""
    stamp = folder / ".corpus.json"
    want = {"n": n, "seed": seed, "version": 1, "long": long}
    files = [folder / f"cv_{i:05d}.pdf" for i in range(n)]
    if stamp.exists() and json.loads(stamp.read_text()) == want and all(f.exists() for f in files):
        return files
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    sources = _sources()
    t0 = time.perf_counter()
    for i, f in enumerate(files):
        make = long_variant_lines if long else variant_lines
        render_pdf(make(i, sources, seed), f)
    stamp.write_text(json.dumps(want))
    print(f"built {n} PDFs in {folder} ({time.perf_counter() - t0:.1f}s)", file=sys.stderr)
    return files


# ----------------------------------------------------------------------- measuring


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (Linux /proc)."""
    parents: dict[int, list[int]] = {}
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                ppid = int((p / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(p.name))
    out, todo = [], [pid]
    while todo:
        q = todo.pop()
        out.append(q)
        todo.extend(parents.get(q, []))
    return out


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _pss(pid: int) -> int:
    """PSS counts a page shared by k processes as 1/k in each, so the PSS of a process
    tree adds up to the memory it really uses (RSS counts shared libraries k times)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


@dataclass
class Timing:
    seconds: float
    cpu: float  # user + system seconds of the whole process tree
    peak_rss: int  # bytes, summed over the whole process tree
    peak_pss: int
    stderr: str


def _run_sampled(
    cmd: list[str], env: dict[str, str], sample: Callable[[int], None], tail: int = 2000
) -> tuple[float, str]:
    """Run ``cmd`` to its end, calling ``sample(pid)`` every 0.2 s meanwhile.

    Returns the wall seconds and stderr; exits with the last ``tail`` characters of
    stderr when the command fails.
    """
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=env)  # fmt: skip
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            sample(proc.pid)
            stop.wait(0.2)

    sampler = threading.Thread(target=loop, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - t0
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-tail:]}")
    return seconds, err


def time_cli(args: list[str], env: dict[str, str] | None = None) -> Timing:
    """Run ``python -m rolematch ARGS``; wall time and peak RSS of its process tree."""
    import resource

    cmd = [sys.executable, "-m", "rolematch", *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = peak_pss = k = 0

    def sample(pid: int) -> None:
        # cheap RSS often; PSS (a page-table walk of each process) once a second
        nonlocal peak, peak_pss, k
        pids = _tree(pid)
        peak = max(peak, sum(_rss(p) for p in pids))
        if k % 5 == 0:
            peak_pss = max(peak_pss, sum(_pss(p) for p in pids))
        k += 1

    seconds, err = _run_sampled(cmd, {**os.environ, **(env or {})}, sample)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(seconds, cpu, peak, peak_pss, err)


def bare_extraction(files: list[Path]) -> tuple[float, float]:
    """(wall, CPU) seconds to open each PDF with pypdfium2 and get every page's text."""
    import pypdfium2 as pdfium

    t0, c0 = time.perf_counter(), time.process_time()
    for f in files:
        pdf = pdfium.PdfDocument(f)
        try:
            for i in range(len(pdf)):
                page = pdf[i]
                page.get_textpage().get_text_range()
        finally:
            pdf.close()
    return time.perf_counter() - t0, time.process_time() - c0


def semantic_sentences(files: list[Path]) -> list[str]:
    """The unique sentences the matcher embeds for these files (not timed)."""
    from rolematch.io.extract import read_resume
    from rolematch.matcher import _semantic_sentences

    seen: dict[str, None] = {}
    for f in files:
        for s in _semantic_sentences(read_resume(f)):
            seen.setdefault(s.text, None)
    return list(seen)


def bare_encoding(sentences: list[str], model: str) -> dict[int, tuple[float, float]]:
    """(wall, CPU) seconds of one ``SentenceTransformer.encode`` call over the sentences
    (model loaded beforehand), with torch's default thread count and with one thread."""
    import torch

    from rolematch.features.embeddings import SentenceTransformerEncoder

    enc = SentenceTransformerEncoder(model, cache=False)
    st, prompt = enc.sentence_transformer, enc.prompt
    default = torch.get_num_threads()
    out = {}
    for threads in dict.fromkeys((default, 1)):
        torch.set_num_threads(threads)
        st.encode(sentences[:8], prompt=prompt, batch_size=32)  # warm up
        t0, c0 = time.perf_counter(), time.process_time()
        st.encode(sentences, prompt=prompt, batch_size=32, convert_to_numpy=True)
        out[threads] = (time.perf_counter() - t0, time.process_time() - c0)
    torch.set_num_threads(default)
    return out


@dataclass
class Row:
    model: str
    workers: str
    n: int
    seconds: float
    cpu_seconds: float
    per_s: float
    peak_rss_mb: float
    peak_pss_mb: float
    vs_extraction: float  # wall / bare extraction wall
    vs_encoding: float  # wall / the faster bare encoding wall
    cpu_vs_encoding: float  # tree CPU / one-thread bare encoding CPU
    warm_seconds: float
    load_avg: float


def _workers_used(stderr: str) -> str:
    m = re.search(r"\((?:[\d.]+ files/s, )?(\d+) workers?\)", stderr)
    return m.group(1) if m else "?"


def _pair(x: float | list[float]) -> tuple[float, float]:
    # (wall, cpu); older saved files hold the wall time only
    return (float(x[0]), float(x[1])) if isinstance(x, list | tuple) else (float(x), float(x))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=200, help="résumé PDFs (default 200)")
    p.add_argument("--large", action="store_true", help="N = 2000")
    p.add_argument("--long", action="store_true", help="long real-style CVs (2-4 pages)")
    p.add_argument("--folder", type=Path, help="time this folder of résumés instead")
    p.add_argument("--no-bare", action="store_true", help="skip bare extraction/encoding")
    p.add_argument("--models", nargs="+", default=["static-zh", "e5-small"])
    p.add_argument("--workers", nargs="+", default=["auto"], help="e.g. auto 1 2")
    p.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "rolematch-bench")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--repeat", type=int, default=1, help="alternating rounds (--no-bare)")
    p.add_argument("--json", type=Path, help="also write the rows as JSON")
    p.add_argument(
        "--reuse-bare",
        action="store_true",
        help="reuse the bare extraction/encoding times measured by an earlier run on this "
        "corpus (kept in the corpus folder) instead of measuring them again",
    )
    args = p.parse_args()
    n = 2000 if args.large else args.n
    if args.folder:
        files = sorted(f for f in args.folder.iterdir() if f.suffix.lower() in {".pdf", ".txt"})
        n = len(files)
    else:
        name = f"n{n}-s{args.seed}" + ("-long" if args.long else "")
        files = build_corpus(args.corpus / name, n, args.seed, long=args.long)
    folder = files[0].parent
    if args.no_bare:
        compare_models(args, folder, files)
        return

    saved_path = folder / ".bare.json"
    saved = json.loads(saved_path.read_text()) if args.reuse_bare and saved_path.exists() else {}
    if "extraction" not in saved:
        saved["extraction"] = min(bare_extraction(files) for _ in range(2))
    extraction, _ = _pair(saved["extraction"])
    print(f"bare extraction (pypdfium2 get_text_range): {extraction:.2f}s for {n} files",
          file=sys.stderr)  # fmt: skip
    sentences = semantic_sentences(files) if set(args.models) - set(saved) else []
    n_sentences = saved["sentences"] = len(sentences) or saved.get("sentences", 0)
    rows = []
    for model in args.models:
        if model not in saved:
            saved[model] = bare_encoding(sentences, model)
        saved_path.write_text(json.dumps(saved))
        by_threads = {int(k): _pair(v) for k, v in saved[model].items()}
        encoding = min(wall for wall, _ in by_threads.values())  # the stricter ratio
        encoding_cpu = by_threads.get(1, min(by_threads.values()))[1]
        print(f"bare encoding ({model}), {n_sentences} sentences: "
              + ", ".join(f"{t} thread(s) {w:.2f}s ({c:.2f}s CPU)"
                          for t, (w, c) in by_threads.items()),
              file=sys.stderr)  # fmt: skip
        for workers in args.workers:
            with tempfile.TemporaryDirectory(prefix="rolematch-bench-") as tmp:
                out = Path(tmp) / "out.csv"
                cache = Path(tmp) / "cache"
                cli = ["score", str(folder), "-o", str(out), "--model", model,
                       "--workers", workers, "--cache", str(cache)]  # fmt: skip
                load = os.getloadavg()[0]
                cold = time_cli(cli)
                warm = time_cli(cli)
            row = Row(model, f"{workers} ({_workers_used(cold.stderr)})", n, cold.seconds,
                      cold.cpu, n / cold.seconds, cold.peak_rss / 2**20, cold.peak_pss / 2**20,
                      cold.seconds / extraction, cold.seconds / encoding,
                      cold.cpu / encoding_cpu, warm.seconds, load)  # fmt: skip
            rows.append(row)
            print(row, file=sys.stderr)

    print(f"\n{platform.platform()}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs; N = {n} PDFs; {n_sentences} unique sentences; "
          f"bare extraction {extraction:.2f}s wall; bare encoding: "
          + "; ".join(f"{m}: " + ", ".join(f"{t} thread(s) {_pair(v)[0]:.1f}s"
                                            for t, v in saved[m].items())
                      for m in args.models) + "\n")  # fmt: skip
    print("| model | workers | total s | CPU s | résumés/s | peak RSS (PSS) MB | "
          "÷ bare extraction | ÷ bare encoding | CPU ÷ bare encoding CPU | warm re-run s | "
          "load avg |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r.model} | {r.workers} | {r.seconds:.1f} | {r.cpu_seconds:.1f} | "
              f"{r.per_s:.1f} | {r.peak_rss_mb:.0f} ({r.peak_pss_mb:.0f}) | "
              f"{r.vs_extraction:.1f}× | {r.vs_encoding:.2f}× | {r.cpu_vs_encoding:.2f}× | "
              f"{r.warm_seconds:.1f} | {r.load_avg:.1f} |")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=1) + "\n")


def compare_models(args: argparse.Namespace, folder: Path, files: list[Path]) -> None:
    """Cold ``rolematch score`` runs of each model on the same files, models alternating
    (``--repeat`` rounds), so machine load hits every model alike; no bare baselines."""
    rows: dict[str, list[Timing]] = {m: [] for m in args.models}
    n = len(files)
    for k in range(args.repeat):
        for model in args.models if k % 2 == 0 else args.models[::-1]:
            with tempfile.TemporaryDirectory(prefix="rolematch-bench-") as tmp:
                out_csv, cache = str(Path(tmp) / "out.csv"), str(Path(tmp) / "cache")
                cli = ["score", str(folder), "-o", out_csv, "--model", model,
                       "--workers", args.workers[0], "--cache", cache]  # fmt: skip
                t = time_cli(cli)
            rows[model].append(t)
            print(f"{model}: {t.seconds:.1f}s, {n / t.seconds:.2f} résumés/s, peak RSS "
                  f"{t.peak_rss / 2**20:.0f} MB (PSS {t.peak_pss / 2**20:.0f}), load "
                  f"{os.getloadavg()[0]:.1f}", file=sys.stderr)  # fmt: skip
    print(f"\n{platform.platform()}, {os.cpu_count()} CPUs; {n} files in {folder}; "
          f"workers {args.workers[0]}; {args.repeat} alternating round(s), "
          "cold caches\n")  # fmt: skip
    print("| model | total s (each round) | résumés/s (best) | CPU s | peak RSS (PSS) MB |")
    print("|---|---|---|---|---|")
    out = []
    for model, ts in rows.items():
        best = min(t.seconds for t in ts)
        print(f"| {model} | {', '.join(f'{t.seconds:.1f}' for t in ts)} | {n / best:.2f} | "
              f"{min(t.cpu for t in ts):.1f} | {max(t.peak_rss for t in ts) / 2**20:.0f} "
              f"({max(t.peak_pss for t in ts) / 2**20:.0f}) |")  # fmt: skip
        out.append({"model": model, "n": n, "seconds": [t.seconds for t in ts],
                    "cpu": [t.cpu for t in ts], "peak_rss_mb": max(t.peak_rss for t in ts) / 2**20,
                    "peak_pss_mb": max(t.peak_pss for t in ts) / 2**20})  # fmt: skip
    if len(rows) == 2:
        a, b = (min(t.seconds for t in ts) for ts in rows.values())
        print(f"\n{list(rows)[1]} is {a / b:.2f}x as fast as {list(rows)[0]} (best rounds)")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
