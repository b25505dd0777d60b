"""Shared pieces of the benchmarks: labelled sets, metrics, platform line.

Labelled sets (grades 2 strong / 1 partial / 0 none against the nine bundled roles, in
the posting's order 1 手机银行 … 9 综合内控):

==============  ==========================================================================
``devset``      ``../shared/devset/files``: 30 synthetic résumés × five producers
``heldout``     ``benchmarks/data/heldout/resumes.json``: 40 synthetic, written blind
``heldout2``    ``benchmarks/data/heldout2/resumes.json``: 40 more, written blind at stop 28
``heldout3``    ``benchmarks/data/heldout3/resumes.json``: 40 more, written blind 2026-12-06;
                measured only: outside ``quality.SETS``, so out of tune_weights and the pools
``heldout4``    ``benchmarks/data/heldout4/resumes.json``: 40 more, written blind 2026-12-07
                (long real-style, terse and form CVs; Traditional and English); measured only
``multilingual`` ``benchmarks/data/multilingual``: Simplified, Traditional, English
``offtarget``   ``benchmarks/data/offtarget``: long realistic off-target CVs (.txt, .pdf)
``short``       ``benchmarks/data/short``: one-line, form-field and three-line texts
``long``        ``benchmarks/data/long``: full-page on-target CVs (Simplified, Traditional, English)
``realworld``   ``../shared/realworld``: 21 real CVs with a recruiter's grades
``realpdf``     ``../shared/realpdf``: 6 real PDF CVs with a recruiter's grades
==============  ==========================================================================

The two real sets are read from ``../shared`` only; their text never enters the repo.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import platform
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEVSET = SHARED / "devset"
REALWORLD = SHARED / "realworld"
REALPDF = SHARED / "realpdf"
DATA = ROOT / "benchmarks" / "data"
HELDOUT = DATA / "heldout" / "resumes.json"
HELDOUT2 = DATA / "heldout2" / "resumes.json"
HELDOUT3 = DATA / "heldout3" / "resumes.json"
HELDOUT4 = DATA / "heldout4" / "resumes.json"
HELDOUT5 = DATA / "heldout5" / "resumes.json"
MULTILINGUAL = DATA / "multilingual"
OFFTARGET = DATA / "offtarget"
SHORT = DATA / "short"
LONG = DATA / "long"

#: Role ids of the bundled roles by the posting's role number (label keys "1".."9").
ROLE_NUMBERS = {
    "mobile-banking": 1,
    "portal-content": 2,
    "payment-settlement": 3,
    "platform-partnership": 4,
    "customer-service": 5,
    "outbound-marketing": 6,
    "remote-systems": 7,
    "consumer-protection": 8,
    "internal-control": 9,
}
RESUME_SUFFIXES = (".txt", ".pdf", ".docx", ".md")

Reader = Callable[[Path], object]


@dataclass
class Item:
    """A labelled résumé: grades (0/1/2) per role in posting order."""

    name: str
    resume: object  # rolematch.Resume
    grades: np.ndarray
    group: str = ""
    language: str = ""  # labelled language; see item_language


def _read(path: Path) -> object:
    import rolematch

    return rolematch.read_resume(path)


def _extraction_code_digest() -> str:
    """Digest of the code that turns a file into a Resume (reading, sections, text)."""
    import rolematch
    from rolematch import _resources

    pkg = Path(rolematch.__file__).resolve().parent  # the code imported, wherever it is
    parts = sorted((pkg / "io").rglob("*.py"))
    code = ("documents.py", "sections.py", "text.py", "language.py", "pii.py", "_pii_fields.py")
    parts += [pkg / f for f in code]
    parts += sorted((_resources.data_dir() / "lexicon").glob("headings*"))
    h = hashlib.blake2b(digest_size=8)
    for p in parts:
        if p.exists():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def cached_reader(cache_dir: str | Path) -> Reader:
    """``read_resume`` with its results pickled under ``cache_dir``.

    The key is the file's bytes plus a digest of the extraction code, so an edit to
    ``rolematch/io`` (or sections, text, language, pii, headings) re-extracts.
    """
    folder = Path(cache_dir) / f"extract-{_extraction_code_digest()}"
    folder.mkdir(parents=True, exist_ok=True)

    def read(path: Path) -> object:
        path = Path(path)
        key = hashlib.blake2b(path.read_bytes(), digest_size=16)
        key.update(path.name.encode())
        target = folder / f"{key.hexdigest()}.pkl"
        if target.exists():
            try:
                with target.open("rb") as f:
                    return pickle.load(f)
            except Exception:  # a torn write from an interrupted run: extract again
                pass
        resume = _read(path)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(resume, f)
        tmp.replace(target)
        return resume

    return read


def _grades(labels: dict[str, int]) -> np.ndarray:
    """Grades in posting order from labels keyed "1".."9" or by role id."""
    if all(k in labels for k in ROLE_NUMBERS):
        by_number = {ROLE_NUMBERS[k]: int(v) for k, v in labels.items() if k in ROLE_NUMBERS}
    else:
        by_number = {int(k): int(v) for k, v in labels.items()}
    missing = sorted(set(range(1, 10)) - set(by_number))
    if missing:
        raise ValueError(f"labels must grade all nine roles; missing {missing} in {labels!r}")
    return np.array([by_number[j] for j in range(1, 10)])


def devset_items(read: Reader = _read) -> list[Item]:
    """Every file of ../shared/devset/files, extracted with rolematch (not the JSON text)."""
    labels = json.loads((DEVSET / "files" / "labels.json").read_text("utf-8"))
    items = []
    for name, lab in sorted(labels.items()):
        items.append(
            Item(name, read(DEVSET / "files" / name), _grades(lab["labels"]), lab["producer"])
        )
    return items


def json_items(path: Path) -> list[Item]:
    """Résumés given as text in a JSON list of {id, text, labels}."""
    import rolematch

    data = json.loads(path.read_text("utf-8"))
    return [
        Item(
            d["id"],
            rolematch.resume_from_text(d["text"], source=d["id"]),
            _grades(d["labels"]),
            d.get("category", d.get("language", "")),
        )
        for d in data
    ]


def multilingual_items(root: Path = MULTILINGUAL, read: Reader = _read) -> list[Item]:
    """The résumés of benchmarks/data/multilingual, read from the files like any résumé.

    ``labels.json`` gives each file's grades, its category and the language it was
    written in (``zh-Hans``, ``zh-Hant``, ``en``).
    """
    labels = json.loads((root / "labels.json").read_text("utf-8"))
    return [
        Item(
            name,
            read(root / "resumes" / name),
            _grades(lab["labels"]),
            lab["category"],
            lab["language"],
        )
        for name, lab in sorted(labels.items())
    ]


def folder_items(root: Path, read: Reader = _read) -> list[Item]:
    """Files of a folder graded by its ``labels.json`` (``{file: {"1": g, …, "9": g}}``).

    Used by ``offtarget``, ``short`` and ``long``. The group of a file is its name up to the first
    ``_`` (``dev_03_java_bank.pdf`` -> ``dev``, ``form_5_a.txt`` -> ``form``).
    """
    labels = json.loads((root / "labels.json").read_text("utf-8"))
    return [
        Item(name, read(root / name), _grades(lab), name.split("_", 1)[0])
        for name, lab in sorted(labels.items())
    ]


def shared_items(root: Path, read: Reader = _read) -> list[Item]:
    """A ../shared set graded by role id (``realworld``, ``realpdf``); [] when absent.

    ``labels.json``: ``{"resumes": {file: {"labels": {role_id: g}, "note": …}}}``.
    """
    path = root / "labels.json"
    if not path.exists():
        return []
    labels = json.loads(path.read_text("utf-8"))["resumes"]
    return [
        Item(name, read(root / name), _grades(lab["labels"]))
        for name, lab in sorted(labels.items())
        if (root / name).exists()
    ]


def detected_language(item: Item) -> str:
    """The language rolematch detected in the résumé (``meta["language"]``), or ``"?"``."""
    meta = getattr(item.resume, "meta", None) or {}
    return str(meta.get("language") or "?")


def item_language(item: Item) -> str:
    """The language an item is reported under: its label where the set has one (the
    multilingual set), else the detected one."""
    return item.language or detected_language(item)


def ndcg(scores: np.ndarray, grades: np.ndarray, k: int) -> float:
    order = np.argsort(-scores, kind="stable")[:k]
    disc = 1 / np.log2(np.arange(2, k + 2))
    gain = ((2.0 ** grades[order] - 1) * disc[: len(order)]).sum()
    ideal = ((2.0 ** np.sort(grades)[::-1][:k] - 1) * disc[: min(k, len(grades))]).sum()
    return float(gain / ideal) if ideal > 0 else float("nan")


def graded_auc(scores: np.ndarray, grades: np.ndarray) -> float:
    """Share of pairs with different grades that the scores order correctly (ties count half)."""
    gt = grades[:, None] > grades[None, :]
    if not gt.any():
        return float("nan")
    right = (scores[:, None] > scores[None, :]) & gt
    ties = (scores[:, None] == scores[None, :]) & gt
    return float((right.sum() + 0.5 * ties.sum()) / gt.sum())


def _mean(xs: Sequence[float] | np.ndarray) -> float:
    a = np.asarray(xs, dtype=float)
    a = a[~np.isnan(a)]
    return float(a.mean()) if a.size else float("nan")


def metrics(S: np.ndarray, Y: np.ndarray) -> dict[str, float]:
    """The issue's five ranking numbers for a score matrix S (items × roles) and grades Y."""
    fit = Y.max(axis=1) > 0
    top1 = _mean([float(Y[i, np.argmax(S[i])] == Y[i].max()) for i in np.flatnonzero(fit)])
    nd3 = _mean([ndcg(S[i], Y[i], 3) for i in np.flatnonzero(fit)])
    nd5 = _mean([ndcg(S[:, j], Y[:, j], 5) for j in range(Y.shape[1])])
    rauc = _mean([graded_auc(S[:, j], Y[:, j]) for j in range(Y.shape[1])])
    unrel = graded_auc(S.max(axis=1), fit.astype(int))
    return {
        "top1": top1,
        "ndcg@3": nd3,
        "role_ndcg@5": nd5,
        "role_auc": rauc,
        "unrelated_auc": unrel,
    }


def partial_auc(S: np.ndarray, Y: np.ndarray) -> float:
    """Partial vs none within each role: of all (grade-1, grade-0) pairs of résumés for
    the same role, pooled over the roles, the share where the partial fit scores higher
    (ties count half). NaN when no role has both grades."""
    right = total = 0.0
    for j in range(Y.shape[1]):
        p, z = S[Y[:, j] == 1, j], S[Y[:, j] == 0, j]
        if p.size and z.size:
            right += (p[:, None] > z[None, :]).sum() + 0.5 * (p[:, None] == z[None, :]).sum()
            total += p.size * z.size
    return float(right / total) if total else float("nan")


def quality_metrics(S: np.ndarray, Y: np.ndarray) -> dict[str, float]:
    """Everything issue 13 asks of a score matrix S (items × roles) against grades Y.

    ``metrics`` plus: ``partial_auc`` (see :func:`partial_auc`); ``none>=0.5`` and
    ``none>=0.8``, the share of not-a-fit pairs (grade 0) scoring at least that;
    ``nofit_best_med``, the median best score of résumés that fit no role;
    ``strong>=0.5``, the share of strong pairs (grade 2) scoring at least 0.5;
    ``brier``, the Brier score of the score as the probability of grade >= 1;
    ``n`` résumés, ``n_fit`` of them fit some role.
    """
    fit = Y.max(axis=1) > 0
    none, strong = S[Y == 0], S[Y == 2]
    out: dict[str, float] = {"n": len(Y), "n_fit": int(fit.sum())}
    out.update(metrics(S, Y))
    out["partial_auc"] = partial_auc(S, Y)
    out["none>=0.5"] = float((none >= 0.5).mean()) if none.size else float("nan")
    out["none>=0.8"] = float((none >= 0.8).mean()) if none.size else float("nan")
    out["nofit_best_med"] = float(np.median(S[~fit].max(axis=1))) if (~fit).any() else float("nan")
    out["strong>=0.5"] = float((strong >= 0.5).mean()) if strong.size else float("nan")
    out["brier"] = float(np.mean((S - (Y >= 1)) ** 2)) if S.size else float("nan")
    return out


def calibration(S: np.ndarray, Y: np.ndarray, bins: int = 10) -> list[dict[str, float]]:
    """Observed fit rate (grade >= 1) per score decile [0, 0.1), …, [0.9, 1.0]."""
    s, y = S.ravel(), (Y >= 1).ravel().astype(float)
    idx = np.minimum((s * bins).astype(int), bins - 1)
    rows = []
    for b in range(bins):
        m = idx == b
        rows.append(
            {
                "lo": b / bins,
                "hi": (b + 1) / bins,
                "n": int(m.sum()),
                "mean_score": float(s[m].mean()) if m.any() else float("nan"),
                "fit_rate": float(y[m].mean()) if m.any() else float("nan"),
                "strong": int((Y.ravel()[m] == 2).sum()),
                "partial": int((Y.ravel()[m] == 1).sum()),
            }
        )
    return rows


def platform_line() -> str:
    return (
        f"{platform.platform()} | Python {sys.version.split()[0]} | {os.cpu_count()} CPUs | "
        f"{platform.processor() or platform.machine()}"
    )


def _cell(v: object) -> str:
    if isinstance(v, float | np.floating):
        return f"{v:.3f}"
    return str(v)


def table(rows: Sequence[tuple[str, dict[str, object]]], first: str = "method") -> str:
    """A Markdown table: one row per (name, {column: value}), columns of the first row."""
    keys = list(rows[0][1])
    cells = [[_cell(m.get(k, float("nan"))) for k in keys] for _, m in rows]
    widths = [max([len(k)] + [len(c[i]) for c in cells]) for i, k in enumerate(keys)]
    w = max([len(first)] + [len(r[0]) for r in rows])
    out = [
        f"| {first:<{w}} | "
        + " | ".join(k.ljust(n) for k, n in zip(keys, widths, strict=True))
        + " |"
    ]
    out.append("|" + "-" * (w + 2) + "|" + "|".join("-" * (n + 2) for n in widths) + "|")
    for (name, _), c in zip(rows, cells, strict=True):
        out.append(
            f"| {name:<{w}} | "
            + " | ".join(x.ljust(n) for x, n in zip(c, widths, strict=True))
            + " |"
        )
    return "\n".join(out)
