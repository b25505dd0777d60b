"""Ranking quality on labelled résumés: TF-IDF alone, BM25 alone, semantic alone, full.

    python benchmarks/quality.py                 # ../shared/devset, extracted from the files
    python benchmarks/quality.py --set heldout   # written blind to the dev set
    python benchmarks/quality.py --model static-zh --json out.json

Metrics (grades 2 strong / 1 partial / 0 none):
  top1          résumés that fit some role: best role has the résumé's highest grade
  ndcg@3        résumé -> roles, over résumés that fit some role
  role_ndcg@5   role -> résumés, mean over roles
  role_auc      role -> résumés: share of pairs with different grades ordered right
  unrelated_auc résumés fitting no role vs the rest, by their best score

Every set is also reported per language of the résumé (zh-Hans, zh-Hant, en, mixed):
the labelled language where the set has one, else the one rolematch detects.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from collections import Counter

import numpy as np
from _common import (
    HELDOUT,
    Item,
    detected_language,
    devset_items,
    item_language,
    json_items,
    metrics,
    multilingual_items,
    platform_line,
    table,
)

METHODS = ("tfidf", "bm25", "semantic", "full")


def components(items: list[Item], model: str) -> dict[str, np.ndarray]:
    """Score matrices (items × roles) per method, from one fitted Matcher."""
    import rolematch

    roles = rolematch.load_roles()
    matcher = rolematch.Matcher(model=model).fit(roles)
    resumes = [it.resume for it in items]
    t0 = time.perf_counter()
    results = matcher.match(resumes, top_k=None)
    elapsed = time.perf_counter() - t0
    order = {rid: j for j, rid in enumerate(matcher.role_ids_)}
    out = {k: np.zeros((len(items), len(roles))) for k in ("tfidf", "semantic", "full")}
    for i, res in enumerate(results):
        for r in res:
            j = order[r.role_id]
            out["tfidf"][i, j] = r.explanation.keyword_score
            out["semantic"][i, j] = r.explanation.semantic_score
            out["full"][i, j] = r.score
    out["bm25"] = bm25(resumes, roles)
    print(f"scored {len(items)} résumés × {len(roles)} roles in {elapsed:.1f}s")
    return out


def bm25(resumes: list, roles: list, k1: float = 1.5, b: float = 0.75) -> np.ndarray:
    """Okapi BM25 with the role text as query and the résumés as the corpus."""
    from rolematch.features.keywords import role_document
    from rolematch.tokenize import JiebaTokenizer

    tok = JiebaTokenizer()
    docs = [Counter(tok(r.text)) for r in resumes]
    lengths = np.array([sum(d.values()) for d in docs], dtype=float)
    avgdl = lengths.mean() if len(docs) else 1.0
    n = len(docs)
    df = Counter(t for d in docs for t in d)
    out = np.zeros((n, len(roles)))
    for j, role in enumerate(roles):
        for t in set(tok(role_document(role))):
            idf = math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
            for i, d in enumerate(docs):
                f = d.get(t, 0)
                if f:
                    out[i, j] += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * lengths[i] / avgdl))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=["devset", "heldout", "multilingual"], default="devset")
    ap.add_argument("--model", default="e5-small")
    ap.add_argument("--json", help="write the table as JSON here")
    args = ap.parse_args()

    load = {"devset": devset_items, "heldout": lambda: json_items(HELDOUT),
            "multilingual": multilingual_items}  # fmt: skip
    items = load[args.set]()
    bad = [it.name for it in items if not it.resume.ok]
    if bad:
        print(f"not readable (left out): {bad}")
    items = [it for it in items if it.resume.ok]
    Y = np.array([it.grades for it in items])
    scores = components(items, args.model)
    rows = [(name, metrics(scores[name], Y)) for name in METHODS]
    print(f"\n{args.set}: {len(items)} résumés, model {args.model}\n{platform_line()}\n")
    print(table(rows))
    groups = sorted({it.group for it in items if it.group})
    if args.set == "devset" and groups:
        print("\nfull scorer by producer:")
        per = []
        for g in groups:
            idx = [i for i, it in enumerate(items) if it.group == g]
            per.append((g, metrics(scores["full"][idx], Y[idx])))
        print(table(per))
    by_language = per_language(items, scores, Y)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(
                {
                    "set": args.set,
                    "model": args.model,
                    "n": len(items),
                    "metrics": dict(rows),
                    "by_language": by_language,
                },
                f,
                indent=2,
            )


def per_language(
    items: list[Item], scores: dict[str, np.ndarray], Y: np.ndarray
) -> dict[str, dict[str, object]]:
    """Print and return the metrics of each method per language of the résumé."""
    langs = [item_language(it) for it in items]
    labelled = [it for it in items if it.language]
    if labelled:
        wrong = [f"{it.name} -> {detected_language(it)}" for it in labelled
                 if detected_language(it) != it.language]  # fmt: skip
        print(f"\nlanguage detection: {len(labelled) - len(wrong)}/{len(labelled)} as labelled"
              + (f"; not: {wrong}" if wrong else ""))  # fmt: skip
    out: dict[str, dict[str, object]] = {}
    for lang in sorted(set(langs)):
        idx = [i for i, x in enumerate(langs) if x == lang]
        per = [(name, metrics(scores[name][idx], Y[idx])) for name in METHODS]
        print(f"\nby language: {lang}, {len(idx)} résumés")
        print(table(per))
        out[lang] = {"n": len(idx), **dict(per)}
    return out


if __name__ == "__main__":
    main()
