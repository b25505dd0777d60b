"""Damaged and hostile résumé files through the real ``rolematch score`` CLI.

    python benchmarks/fuzz.py --n 320 --seed 0
    python benchmarks/fuzz.py --n 30 --seed 0 --model static-zh --keep /tmp/fuzz
    python benchmarks/fuzz.py --n 320 --seed 0 --json benchmarks/results/fuzz.json

A seeded generator (:func:`generate`) makes ``--n`` files from the repository's own
résumés (``examples/``) and, when present, ``../shared`` (dev set, real CVs, bad
inputs), each damaged one way (:data:`MUTATIONS`):

* PDFs: random bit flips, truncation, two documents spliced together, a wrong
  ``startxref`` or a mangled cross-reference table, NUL bytes poured into the body;
* Word: a ZIP bomb (a ``document.xml`` that inflates to hundreds of MB), XML entity
  expansion ("billion laughs"), bit flips and truncation of the container;
* text: invalid UTF-8, invalid UTF-16 (lone surrogates, odd length), NULs, a 2 MB
  single line, right-to-left overrides and zero-width characters;
* every kind: a hostile file name (``=cmd|' -C calc'!A0.pdf``, ``=HYPERLINK(…)``,
  ``@SUM(…)``, leading ``+``/``-``/tab, right-to-left override, a name that is not
  UTF-8).

Then one ``rolematch score DIR -o out.csv`` run (a subprocess, as a user runs it)
and a report: exit code, wall time and files/s, peak memory (the sum of the
resident memory of the CLI and its workers, sampled every 0.1 s), status counts
(one per file), every ``error`` row with its reason, and every file without
exactly one status. The run passes when the exit code is 0, every file has rows
of exactly one status, and ``error`` rows are at most 2% of the files.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

#: File names a candidate chooses: formula payloads for spreadsheets, bidi tricks.
HOSTILE_NAMES = (
    "=cmd|' -C calc'!A0",
    '=HYPERLINK("https:\\\\example.invalid","点这里")',
    "@SUM(1+1)*cmd|' -C calc'!A0",
    "+1+1",
    "-2+3",
    "\t=1+1",
    "简历\u202egpj.exe",
    "张三\u200b简历",
    "=1+1\r\n",
)


@dataclass
class Sample:
    """One generated file: its name, bytes and how it was made."""

    name: str
    data: bytes
    mutation: str
    source: str
    raw_name: bytes | None = None  # a name that is not valid UTF-8, written as bytes


@dataclass
class Report:
    """What one fuzz run found."""

    files: int
    seconds: float
    cpu_seconds: float
    exit_code: int
    peak_rss_mb: float
    statuses: dict[str, int]
    by_mutation: dict[str, dict[str, int]]
    errors: list[tuple[str, str]]
    without_one_status: list[str]
    stderr_tail: str = ""
    platform: dict[str, Any] = field(default_factory=dict)

    @property
    def files_per_s(self) -> float:
        return self.files / self.seconds if self.seconds else 0.0

    @property
    def ok(self) -> bool:
        return (
            self.exit_code == 0
            and not self.without_one_status
            and self.statuses.get("error", 0) <= 0.02 * self.files
        )


# ---------------------------------------------------------------------------
# seeds


def seed_files() -> dict[str, list[Path]]:
    """The intact files mutations start from, by kind (pdf, docx, txt)."""
    found: dict[str, list[Path]] = {"pdf": [], "docx": [], "txt": []}
    folders = [ROOT / "examples", ROOT / "examples" / "pdf", ROOT / "tests" / "data"]
    if SHARED.is_dir():
        folders += [SHARED / "devset" / "files", SHARED / "realpdf", SHARED / "realworld"]
    for folder in folders:
        for path in sorted(folder.glob("*")):
            kind = path.suffix.lower().lstrip(".")
            if kind in found and path.name != "README.md":
                found[kind].append(path)
    if not found["docx"]:
        found["docx"] = []  # made from text below when ../shared is absent
    return found


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def _entry(name: str) -> zipfile.ZipInfo:
    # a fixed timestamp: the same seed must give the same bytes on any day
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def docx_bytes(document_xml: str | bytes, *, level: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal .docx around one ``word/document.xml``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=level) as zf:
        for name, data in (
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _RELS),
            ("word/document.xml", document_xml),
        ):
            info = _entry(name)
            info.compress_type = level
            zf.writestr(info, data)
    return buf.getvalue()


def docx_from_text(text: str) -> bytes:
    """A .docx with one paragraph per line of ``text``."""
    from xml.sax.saxutils import escape

    body = "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in text.splitlines())
    return docx_bytes(
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>'
        f"{body}</w:body></w:document>"
    )


# ---------------------------------------------------------------------------
# mutations: (rng, seed bytes, seed text) -> (bytes, suffix)

Mutation = Callable[[random.Random, bytes, str], tuple[bytes, str]]


def bit_flips(rng: random.Random, data: bytes, _: str) -> tuple[bytes, str]:
    out = bytearray(data)
    for _i in range(rng.choice((1, 4, 16, 64, 256))):
        k = rng.randrange(len(out))
        out[k] ^= 1 << rng.randrange(8)
    return bytes(out), ""


def truncate(rng: random.Random, data: bytes, _: str) -> tuple[bytes, str]:
    return data[: rng.randrange(1, max(2, len(data)))], ""


def splice(rng: random.Random, data: bytes, _: str, *, other: bytes = b"") -> tuple[bytes, str]:
    cut = rng.randrange(len(data) // 4, max(len(data) // 4 + 1, 3 * len(data) // 4))
    tail = other[rng.randrange(max(1, len(other) // 2)) :]
    return data[:cut] + tail, ""


def bad_xref(rng: random.Random, data: bytes, _: str) -> tuple[bytes, str]:
    at = data.rfind(b"startxref")
    if at < 0:
        return bit_flips(rng, data, _)
    choice = rng.randrange(3)
    if choice == 0:  # points into the middle of an object
        offset = rng.randrange(len(data))
        return data[:at] + b"startxref\n%d\n%%%%EOF\n" % offset, ""
    if choice == 1:  # xref entries shifted
        x = data.rfind(b"xref", 0, at)
        table = data[x:at].replace(b"0000", b"9999", rng.randrange(1, 20))
        return data[:x] + table + data[at:], ""
    # the table and the trailer gone
    x = data.rfind(b"xref", 0, at)
    return data[: max(x, 0)] + b"%%EOF\n", ""


def pdf_nuls(rng: random.Random, data: bytes, _: str) -> tuple[bytes, str]:
    out = bytearray(data)
    start = rng.randrange(len(out))
    out[start : start + rng.choice((16, 512, 8192))] = b"\x00" * rng.choice((16, 512, 8192))
    return bytes(out), ""


_BOMBS: dict[int, bytes] = {}


def zip_bomb(rng: random.Random, _data: bytes, text: str) -> tuple[bytes, str]:
    # a few hundred KB on disk, several hundred MB once inflated
    size = rng.choice((256, 512))
    if size not in _BOMBS:
        filler = b"<w:p><w:r><w:t>" + b" " * (1 << 20) + b"</w:t></w:r></w:p>"
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            zf.writestr(_entry("[Content_Types].xml"), _CONTENT_TYPES)
            zf.writestr(_entry("_rels/.rels"), _RELS)
            with zf.open(_entry("word/document.xml"), "w", force_zip64=True) as f:
                f.write(f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>'.encode())
                for _i in range(size):
                    f.write(filler)
                f.write(b"</w:body></w:document>")
        _BOMBS[size] = buf.getvalue()
    return _BOMBS[size], ".docx"


def entity_expansion(rng: random.Random, _data: bytes, text: str) -> tuple[bytes, str]:
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, rng.choice((6, 9))))
    last = levels.count("<!ENTITY")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "工作经历">{levels}]>'
        f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&l{last};</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return docx_bytes(xml), ".docx"


def docx_damage(rng: random.Random, _data: bytes, text: str) -> tuple[bytes, str]:
    data = docx_from_text(text)
    return (bit_flips if rng.random() < 0.5 else truncate)(rng, data, text)[0], ".docx"


def invalid_utf8(rng: random.Random, _data: bytes, text: str) -> tuple[bytes, str]:
    out = bytearray(text.encode("utf-8"))
    for _i in range(rng.choice((1, 8, 64))):
        k = rng.randrange(len(out) + 1)
        out[k:k] = rng.choice((b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"))
    return bytes(out), ".txt"


def invalid_utf16(rng: random.Random, _data: bytes, text: str) -> tuple[bytes, str]:
    data = bytearray(text.encode("utf-16-le"))
    choice = rng.randrange(3)
    if choice == 0:  # lone surrogates
        for _i in range(rng.choice((1, 8))):
            k = 2 * rng.randrange(len(data) // 2)
            data[k : k + 2] = rng.choice((b"\x3d\xd8", b"\x31\xdc"))
    elif choice == 1:  # odd length
        data += b"\x00"
    else:  # a byte dropped in the middle: every later pair is shifted
        del data[rng.randrange(len(data))]
    bom = b"\xff\xfe" if rng.random() < 0.5 else b""
    return bom + bytes(data), ".txt"


def text_nuls(rng: random.Random, _data: bytes, text: str) -> tuple[bytes, str]:
    out = bytearray(text.encode("utf-8"))
    for _i in range(rng.choice((1, 10, 100))):
        k = rng.randrange(len(out) + 1)
        out[k:k] = b"\x00"
    return bytes(out), ".txt"


def long_line(rng: random.Random, _data: bytes, text: str) -> tuple[bytes, str]:
    unit = text.replace("\n", " ").encode("utf-8") or "负责手机银行运营".encode()
    return (unit * (2_000_000 // len(unit) + 1))[:2_000_000], ".txt"


def rtl_zero_width(rng: random.Random, _data: bytes, text: str) -> tuple[bytes, str]:
    marks = "\u202e\u202d\u200f\u200e\u200b\u200c\u200d\u2060\ufeff\u061c"
    out = []
    for ch in text:
        out.append(ch)
        if rng.random() < 0.15:
            out.append(rng.choice(marks))
    if rng.random() < 0.5:
        out.append("\nمرحبا بالعالم عمل مصرفي")
    return "".join(out).encode("utf-8"), ".txt"


PDF_MUTATIONS: dict[str, Mutation] = {
    "pdf_bit_flips": bit_flips,
    "pdf_truncate": truncate,
    "pdf_splice": splice,
    "pdf_bad_xref": bad_xref,
    "pdf_nuls": pdf_nuls,
}
TEXT_MUTATIONS: dict[str, Mutation] = {
    "docx_zip_bomb": zip_bomb,
    "docx_entity_expansion": entity_expansion,
    "docx_damaged": docx_damage,
    "txt_invalid_utf8": invalid_utf8,
    "txt_invalid_utf16": invalid_utf16,
    "txt_nuls": text_nuls,
    "txt_2mb_line": long_line,
    "txt_rtl_zero_width": rtl_zero_width,
}
#: Every mutation, by name.
MUTATIONS: dict[str, Mutation] = {**PDF_MUTATIONS, **TEXT_MUTATIONS}
#: Mutations that inflate a file: used at most this often, so a run stays short.
_HEAVY = {"docx_zip_bomb": 0.03, "txt_2mb_line": 0.03}


def _text_of(path: Path) -> str:
    if path.suffix == ".txt":
        for encoding in ("utf-8", "gb18030"):
            try:
                return path.read_bytes().decode(encoding)
            except UnicodeDecodeError:
                continue
    from rolematch.io.extract import read_resume

    return read_resume(path, redact=False, ocr=False).text


def generate(n: int, seed: int = 0, *, hostile_names: float = 0.1) -> list[Sample]:
    """``n`` damaged or hostile files, the same for the same ``seed`` and seed files."""
    rng = random.Random(seed)
    seeds = seed_files()
    pdfs = [p.read_bytes() for p in seeds["pdf"]]
    texts = [_text_of(p) for p in seeds["txt"] + seeds["docx"][:4]]
    texts = [t for t in texts if t.strip()] or ["【工作经历】\n负责手机银行运营与渠道建设。"]
    names = sorted(MUTATIONS)
    samples: list[Sample] = []
    while len(samples) < n:
        mutation = rng.choice(names)
        if mutation in _HEAVY and rng.random() > _HEAVY[mutation] * len(names):
            continue
        index = len(samples)
        if mutation in PDF_MUTATIONS:
            k = rng.randrange(len(pdfs))
            source = seeds["pdf"][k].name
            if mutation == "pdf_splice":
                data, suffix = splice(rng, pdfs[k], "", other=rng.choice(pdfs))
            else:
                data, suffix = MUTATIONS[mutation](rng, pdfs[k], "")
            suffix = suffix or ".pdf"
        else:
            k = rng.randrange(len(texts))
            source = f"text {k}"
            data, suffix = MUTATIONS[mutation](rng, b"", texts[k])
        stem = f"{index:04d}_{mutation}"
        raw_name = None
        if rng.random() < hostile_names:
            choice = rng.randrange(len(HOSTILE_NAMES) + 1)
            if choice == len(HOSTILE_NAMES):
                raw_name = stem.encode() + b"_\xff\xfe\xb0\xa1" + suffix.encode()
            else:
                stem = f"{HOSTILE_NAMES[choice]}{index:04d}"
        samples.append(Sample(stem + suffix, data, mutation, source, raw_name))
    return samples


def write(samples: list[Sample], folder: Path) -> list[str]:
    """Write the samples; return the paths as ``rolematch`` will name them."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for s in samples:
        if s.raw_name is not None:
            raw = os.fsencode(folder) + b"/" + s.raw_name
            with open(raw, "wb") as f:
                f.write(s.data)
            # rolematch names a file whose name is not UTF-8 with \xNN escapes
            paths.append(raw.decode("utf-8", "backslashreplace"))
        else:
            path = folder / s.name
            path.write_bytes(s.data)
            paths.append(str(path))
    return paths


# ---------------------------------------------------------------------------
# the run


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            continue
    return total


def run(
    samples: list[Sample],
    folder: Path,
    *,
    model: str = "static-zh",
    workers: int | None = None,
    extra: list[str] | None = None,
) -> Report:
    """Write ``samples`` into ``folder`` and score them with the ``rolematch`` CLI."""
    paths = write(samples, folder)
    out = folder.parent / f"{folder.name}.csv"
    cmd = [sys.executable, "-m", "rolematch", "score", str(folder), "-o", str(out)]
    cmd += ["--model", model, "-q", *(extra or [])]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    peak = 0
    stop = threading.Event()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def sample_memory() -> None:
        nonlocal peak
        while not stop.wait(0.1):
            peak = max(peak, _tree_rss(proc.pid))

    watcher = threading.Thread(target=sample_memory, daemon=True)
    try:
        import psutil  # noqa: F401
    except ImportError:
        pass
    else:
        watcher.start()
    _stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    stop.set()
    if watcher.is_alive():
        watcher.join()
    return _report(samples, paths, out, proc.returncode, (seconds, cpu), peak, stderr)


def _unneutralised(cell: str, known: set[str]) -> str:
    # a report may prefix a formula-like cell with ' (OWASP); map it back
    if cell not in known and cell.startswith("'") and cell[1:] in known:
        return cell[1:]
    return cell


def _report(
    samples: list[Sample],
    paths: list[str],
    out: Path,
    code: int,
    seconds: tuple[float, float],
    peak: int,
    stderr: bytes,
) -> Report:
    known = set(paths)
    statuses_of: dict[str, set[str]] = {p: set() for p in paths}
    reasons: dict[str, str] = {}
    if out.exists():
        with out.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
            for row in csv.DictReader(f):
                name = _unneutralised(row["file"], known)
                statuses_of.setdefault(name, set()).add(row["status"])
                if row["status"] == "error":
                    reasons[name] = row.get("reason", "")
    counts: Counter[str] = Counter()
    by_mutation: dict[str, Counter[str]] = {}
    without: list[str] = []
    for sample, path in zip(samples, paths, strict=True):
        got = statuses_of.get(path, set())
        if len(got) != 1:
            without.append(f"{path!r}: {sorted(got) or 'no row'}")
            continue
        (status,) = got
        counts[status] += 1
        by_mutation.setdefault(sample.mutation, Counter())[status] += 1
    without += [
        f"{p!r}: a row for a file that was not generated" for p in statuses_of if p not in known
    ]
    return Report(
        files=len(samples),
        seconds=seconds[0],
        cpu_seconds=seconds[1],
        exit_code=code,
        peak_rss_mb=peak / 2**20,
        statuses=dict(sorted(counts.items())),
        by_mutation={k: dict(sorted(v.items())) for k, v in sorted(by_mutation.items())},
        errors=sorted(reasons.items()),
        without_one_status=without,
        stderr_tail=stderr.decode("utf-8", "replace")[-4000:],
        platform={
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
        },
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=320, help="files to generate")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--model", default="static-zh")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument(
        "--keep", type=Path, default=None, help="write the files here and keep them"
    )
    parser.add_argument("--json", type=Path, default=None, help="write the report here")
    args = parser.parse_args(argv)
    samples = generate(args.n, args.seed)
    tmp = None
    if args.keep is None:
        tmp = tempfile.mkdtemp(prefix="rolematch-fuzz-")
        folder = Path(tmp) / "files"
    else:
        folder = args.keep / "files"
        if folder.exists():
            shutil.rmtree(folder)
    try:
        report = run(samples, folder, model=args.model, workers=args.workers)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"files          {report.files} ({len(MUTATIONS)} mutations, seed {args.seed})")
    print(f"exit code      {report.exit_code}")
    print(f"wall time      {report.seconds:.1f} s  ({report.files_per_s:.2f} files/s)")
    print(
        f"CPU time       {report.cpu_seconds:.1f} s  (CLI and workers; the machine's load: "
        f"{os.getloadavg()[0]:.1f})"
    )
    print(f"peak memory    {report.peak_rss_mb:.0f} MB (CLI and workers, resident)")
    print("statuses       " + ", ".join(f"{k} {v}" for k, v in report.statuses.items()))
    for mutation, counts in report.by_mutation.items():
        print(f"  {mutation:24s} " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    print(f"error rows     {len(report.errors)}")
    for path, reason in report.errors:
        print(f"  {Path(path).name!r}: {reason}")
    print(f"files without exactly one status: {len(report.without_one_status)}")
    for line in report.without_one_status:
        print(f"  {line}")
    if report.exit_code != 0:
        print(report.stderr_tail, file=sys.stderr)
    if args.json:
        data = {
            **report.__dict__,
            "files_per_s": report.files_per_s,
            "ok": report.ok,
            "n": args.n,
            "seed": args.seed,
            "model": args.model,
        }
        data.pop("stderr_tail")
        args.json.write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    print("PASS" if report.ok else "FAIL")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
