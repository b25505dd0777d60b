"""Shared pieces of the benchmarks: labelled sets, metrics, platform line."""

from __future__ import annotations

import json
import os
import platform
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEVSET = SHARED / "devset"
HELDOUT = ROOT / "benchmarks" / "data" / "heldout" / "resumes.json"
MULTILINGUAL = ROOT / "benchmarks" / "data" / "multilingual"


@dataclass
class Item:
    """A labelled résumé: grades (0/1/2) per role in posting order."""

    name: str
    resume: object  # rolematch.Resume
    grades: np.ndarray
    group: str = ""
    language: str = ""  # labelled language; see item_language


def devset_items() -> list[Item]:
    """Every file of ../shared/devset/files, extracted with rolematch (not the JSON text)."""
    import rolematch

    labels = json.loads((DEVSET / "files" / "labels.json").read_text("utf-8"))
    items = []
    for name, lab in sorted(labels.items()):
        grades = np.array([lab["labels"][str(j)] for j in range(1, 10)])
        items.append(
            Item(name, rolematch.read_resume(DEVSET / "files" / name), grades, lab["producer"])
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
            np.array([d["labels"][str(j)] for j in range(1, 10)]),
            d.get("category", d.get("language", "")),
        )
        for d in data
    ]


def multilingual_items(root: Path = MULTILINGUAL) -> list[Item]:
    """The résumés of benchmarks/data/multilingual, read from the files like any résumé.

    ``labels.json`` gives each file's grades, its category and the language it was
    written in (``zh-Hans``, ``zh-Hant``, ``en``).
    """
    import rolematch

    labels = json.loads((root / "labels.json").read_text("utf-8"))
    return [
        Item(
            name,
            rolematch.read_resume(root / "resumes" / name),
            np.array([lab["labels"][str(j)] for j in range(1, 10)]),
            lab["category"],
            lab["language"],
        )
        for name, lab in sorted(labels.items())
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


def metrics(S: np.ndarray, Y: np.ndarray) -> dict[str, float]:
    """The issue's five numbers for a score matrix S (items × roles) and grades Y."""
    fit = Y.max(axis=1) > 0
    top1 = np.mean([Y[i, np.argmax(S[i])] == Y[i].max() for i in np.flatnonzero(fit)])
    nd3 = np.nanmean([ndcg(S[i], Y[i], 3) for i in np.flatnonzero(fit)])
    nd5 = np.nanmean([ndcg(S[:, j], Y[:, j], 5) for j in range(Y.shape[1])])
    rauc = np.nanmean([graded_auc(S[:, j], Y[:, j]) for j in range(Y.shape[1])])
    unrel = graded_auc(S.max(axis=1), fit.astype(int))
    return {
        "top1": float(top1),
        "ndcg@3": float(nd3),
        "role_ndcg@5": float(nd5),
        "role_auc": float(rauc),
        "unrelated_auc": float(unrel),
    }


def platform_line() -> str:
    return (
        f"{platform.platform()} | Python {sys.version.split()[0]} | {os.cpu_count()} CPUs | "
        f"{platform.processor() or platform.machine()}"
    )


def table(rows: Sequence[tuple[str, dict[str, float]]]) -> str:
    keys = list(rows[0][1])
    w = max(len(r[0]) for r in rows)
    out = [f"| {'method':<{w}} | " + " | ".join(keys) + " |"]
    out.append("|" + "-" * (w + 2) + "|" + "|".join("-" * (len(k) + 2) for k in keys) + "|")
    for name, m in rows:
        out.append(
            f"| {name:<{w}} | " + " | ".join(f"{m[k]:.3f}".ljust(len(k)) for k in keys) + " |"
        )
    return "\n".join(out)
