"""Bring-your-own postings: how well postings import, and how well résumés match them.

Import accuracy, per layout, against the hand-made gold of
``benchmarks/data/postings/gold.json`` (written with the postings by
``make_postings.py``):

* ``right list``: share of the gold duty and requirement lines found in the right
  list of the imported role (a gold line matches an imported item with the same
  text, punctuation and numbering aside);
* ``wrong list``: share found, but in the other list;
* ``noise share``: share of the imported items that are no gold duty or
  requirement (salary, contacts, navigation … that slipped through);
* ``noise dropped``: share of the gold noise lines that were not imported.

Matching quality of the graded résumés in ``benchmarks/data/postings/resumes.json``
(grades 2 strong, 1 partial, 0 none per posting id) and of the real CVs of
``../shared/realworld`` and ``../shared/realpdf`` graded in ``real_labels.json``
(skipped when ../shared is absent) against the imported roles,
through the public API (``rolematch.load_roles`` on the posting files,
``Matcher.fit``, ``Matcher.similarity``): per posting AUC (fit = grade ≥ 1 vs
not), NDCG@5 of the posting's résumé ranking, and the share of not-a-fit pairs
scoring ≥ 0.5 — for the full scorer, and for plain TF-IDF cosine and BM25 over
jieba tokens (ranking baselines: their ≥ 0.5 share is not comparable). Held-out
postings: the 48 résumés of ``heldout_resumes.json``, written blind against the
postings of batches 6 and 7, and those of ``heldout_resumes2.json`` against batches 8–11
(:data:`GRADED_BATCHES`), scored against those postings as
imported, with the share of strong fits scoring ≥ 0.5 and the median score by grade.

Usage::

    python benchmarks/postings.py [--model static-zh] [--import-only]

Prints the tables and (without ``--import-only``) writes
``benchmarks/results/postings.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data" / "postings"
RESULTS = ROOT / "results" / "postings.json"
# export field names of the benchmark's job-board files
FIELDS: dict[str, dict[str, str]] = {
    "jobboard_export.jsonl": {"title_field": "jobName", "text_field": "jobDesc"},
    "heldout_export.jsonl": {"title_field": "jobName", "text_field": "jobDesc"},
    "city_invest_export.csv": {"title_field": "职位名称", "text_field": "职位描述"},
}


def _norm(text: str) -> str:
    # the gold is written without numbering: an item that kept its number is wrong
    s = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\W_]+", "", s).lower()


def _matches(gold: str, items: list[str]) -> bool:
    g = _norm(gold)
    return any(g == _norm(i) for i in items)


def read_file(name: str) -> list[Any]:
    from rolematch.io.postings import read_postings

    return read_postings(DATA / name, **FIELDS.get(name, {}))


def batch_of(name: str, g: dict[str, Any]) -> int:
    """The held-out batch of a file (heldout_ 1, heldoutK_ K); 0 for the tuned-on ones."""
    if not g.get("heldout"):
        return 0
    m = re.match(r"heldout(\d*)_", name)
    return int(g.get("batch") or (m and m.group(1)) or 1)


def import_accuracy() -> tuple[dict[str, dict[str, float]], list[Any]]:
    """Per-layout import figures, and the imported roles with the gold ids."""
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    per_batch: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    roles = []
    for name, g in gold.items():
        try:
            postings = read_file(name)
        except Exception as exc:  # a file the importer refuses counts as nothing imported
            print(f"{name}: not imported: {exc}")
            postings = []
        batch = batch_of(name, g)
        c: dict[str, float] = defaultdict(float)  # this file's counts
        c["files"] += 1
        c["postings"] += len(g["postings"])
        c["postings imported"] += len(postings)
        for gp in g["postings"]:  # the lines of a posting that was not imported count too
            c["gold lines"] += len(gp["duties"]) + len(gp["requirements"])
        for gp, p in zip(g["postings"], postings, strict=False):
            duties = [d.text for d in p.duties]
            reqs = [r.text for r in p.requirements]
            for kind, mine, other in (
                ("duties", duties, reqs),
                ("requirements", reqs, duties),
            ):
                for line in gp[kind]:
                    if _matches(line, mine):
                        c["right"] += 1
                    elif _matches(line, other):
                        c["wrong"] += 1
            gold_all = gp["duties"] + gp["requirements"]
            for item in duties + reqs:
                c["imported"] += 1
                if not _matches(item, gold_all):
                    c["noise imported"] += 1
            dropped = {_norm(d.text) for d in p.dropped}
            for line in gp["noise"]:
                c["gold noise"] += 1
                if _norm(line) in dropped or not _matches(line, duties + reqs):
                    c["noise dropped"] += 1
            c["title right"] += p.title == gp["title"]
            if not g.get("heldout"):  # the graded résumés are for the first twelve
                roles.append(replace(p.to_role(), id=gp["id"]))
        # batches 1-4 keep their pooled layout rows; a later batch gets its own
        prefix = "" if batch == 0 else "heldout " if batch <= 4 else f"heldout{batch} "
        for k, v in c.items():
            counts[prefix + g["layout"]][k] += v
            if batch:
                per_batch[batch][k] += v
    table: dict[str, dict[str, float]] = {}
    total: dict[str, float] = defaultdict(float)
    held: dict[str, float] = defaultdict(float)
    for layout, c in counts.items():
        for k, v in c.items():
            (held if layout.startswith("heldout") else total)[k] += v
        table[layout] = _rates(c)
    table["all tuned-on"] = _rates(total)
    table["all held out"] = _rates(held)
    for batch in sorted(per_batch):
        table[f"held-out batch {batch}"] = _rates(per_batch[batch])
    return table, roles


def _rates(c: dict[str, float]) -> dict[str, float]:
    return {
        "postings": c["postings"],
        "imported": c["postings imported"],
        "gold lines": c["gold lines"],
        "lines right": c["right"],
        "items imported": c["imported"],
        "noise items": c["noise imported"],
        "titles": c["title right"],
        "titles right": c["title right"] / max(c["postings"], 1),
        "right list": c["right"] / max(c["gold lines"], 1),
        "wrong list": c["wrong"] / max(c["gold lines"], 1),
        "noise share": c["noise imported"] / max(c["imported"], 1),
        "noise dropped": c["noise dropped"] / max(c["gold noise"], 1),
    }


# ---------------------------------------------------------------------------
# matching
def _auc(scores: np.ndarray, fit: np.ndarray) -> float:
    pos, neg = scores[fit], scores[~fit]
    if not len(pos) or not len(neg):
        return float("nan")
    diff = pos[:, None] - neg[None, :]
    return float(((diff > 0) + 0.5 * (diff == 0)).mean())


def _ndcg(scores: np.ndarray, grades: np.ndarray, k: int = 5) -> float:
    order = np.argsort(-scores, kind="stable")[:k]
    disc = 1.0 / np.log2(np.arange(2, k + 2))
    dcg = float(((2.0 ** grades[order] - 1) * disc[: len(order)]).sum())
    ideal = np.sort(grades)[::-1][:k]
    idcg = float(((2.0**ideal - 1) * disc[: len(ideal)]).sum())
    return dcg / idcg if idcg > 0 else float("nan")


def matching(S: np.ndarray, Y: np.ndarray, ids: list[str]) -> dict[str, Any]:
    per = {}
    for j, pid in enumerate(ids):
        s, y = S[:, j], Y[:, j]
        per[pid] = {
            "auc": _auc(s, y >= 1),
            "ndcg@5": _ndcg(s, y),
            "notfit>=0.5": float((s[y == 0] >= 0.5).mean()),
            "fits": int((y >= 1).sum()),
        }
    notfit, strong = S[Y == 0], S[Y == 2]
    return {
        "strong>=0.5": float((strong >= 0.5).mean()) if strong.size else float("nan"),
        "median by grade": {
            grade: float(np.median(S[np.equal(Y, grade)]))
            for grade in (2, 1, 0)
            if np.equal(Y, grade).any()
        },
        "mean auc": float(np.nanmean([v["auc"] for v in per.values()])),
        "mean ndcg@5": float(np.nanmean([v["ndcg@5"] for v in per.values()])),
        "notfit>=0.5": float((notfit >= 0.5).mean()),
        "notfit>=0.8": float((notfit >= 0.8).mean()),
        "per posting": per,
    }


def _role_text(role: Any) -> str:
    return "\n".join([role.title, *role.duties, *role.requirements])


def tfidf_cosine(texts: list[str], roles: list[Any]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from rolematch.tokenize import JiebaTokenizer

    tok = JiebaTokenizer()
    vec = TfidfVectorizer(tokenizer=tok, lowercase=False, token_pattern=None)
    m = vec.fit_transform([_role_text(r) for r in roles] + texts)
    R, D = m[: len(roles)], m[len(roles) :]
    return np.asarray((D @ R.T).todense())


def bm25(texts: list[str], roles: list[Any], k1: float = 1.5, b: float = 0.75) -> np.ndarray:
    from rolematch.tokenize import JiebaTokenizer

    tok = JiebaTokenizer()
    docs = [tok(t) for t in texts]
    avg = float(np.mean([len(d) for d in docs])) or 1.0
    df: dict[str, int] = defaultdict(int)
    for d in docs:
        for w in set(d):
            df[w] += 1
    n = len(docs)
    out = np.zeros((n, len(roles)))
    for j, role in enumerate(roles):
        q = set(tok(_role_text(role)))
        for i, d in enumerate(docs):
            tf: dict[str, int] = defaultdict(int)
            for w in d:
                tf[w] += 1
            s = 0.0
            for w in q & tf.keys():
                idf = np.log(1 + (n - df[w] + 0.5) / (df[w] + 0.5))
                s += idf * tf[w] * (k1 + 1) / (tf[w] + k1 * (1 - b + b * len(d) / avg))
            out[i, j] = s
    return out


#: résumés written blind against held-out postings: file -> the batches it grades against
GRADED_BATCHES = {
    "heldout_resumes.json": (6, 7),
    "heldout_resumes2.json": (8, 9, 10, 11),
    # English CVs against the Chinese postings of batches 8-12 (only those are graded)
    "heldout_resumes_en.json": (8, 9, 10, 11, 12),
}


def heldout_roles(batches: tuple[int, ...]) -> list[Any]:
    """The postings of held-out ``batches`` as imported, with their gold ids."""
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    roles = []
    for name, g in gold.items():
        if g.get("heldout") and batch_of(name, g) in batches:
            for gp, p in zip(g["postings"], read_file(name), strict=False):
                roles.append(replace(p.to_role(), id=gp["id"]))
    return roles


def real_cvs(ids: list[str]) -> list[tuple[Any, list[int]]]:
    """The real CVs of ../shared graded in real_labels.json, read as a user's files are."""
    shared = ROOT.parent.parent / "shared"
    if not shared.is_dir():
        print("(../shared is absent: no real CVs)")
        return []
    from rolematch.io.extract import read_resume

    graded = json.loads((DATA / "real_labels.json").read_text(encoding="utf-8"))["resumes"]
    out = []
    for rel, grades in graded.items():
        resume = read_resume(shared / rel)
        if resume.ok:
            out.append((resume, [int(grades.get(i, 0)) for i in ids]))
    return out


def held_matching(
    graded: Path, batches: tuple[int, ...], model: str, stamp: str, result: dict[str, Any]
) -> None:
    """Print and record how the résumés of ``graded`` match the postings of ``batches``."""
    import tempfile

    from rolematch import Matcher, load_roles
    from rolematch.io.roles import write_roles

    with tempfile.TemporaryDirectory() as tmp:
        write_roles(heldout_roles(batches), tmp)
        held = load_roles(tmp)
    items = json.loads(graded.read_text(encoding="utf-8"))
    held = [r for r in held if r.id in items[0]["labels"]]  # the postings the set grades
    hids = [r.id for r in held]
    htexts = [it["text"] for it in items]
    hy = np.array([[it["labels"].get(i, 0) for i in hids] for it in items], dtype=float)
    print(f"\nHeld-out postings: {len(items)} résumés ({graded.name}, blind) "
          f"x {len(hids)} postings of batches {batches}")  # fmt: skip
    label = "held-out" if graded.name == "heldout_resumes.json" else f"held-out ({graded.stem})"
    held_line = ""
    for name, S in {
        f"rolematch ({model})": Matcher(model=model).fit(held).similarity(htexts),
        "tfidf cosine": tfidf_cosine(htexts, held),
        "bm25": bm25(htexts, held),
    }.items():
        m = matching(S, hy, hids)
        result["matching"][f"{label} postings: {name}"] = {"run": stamp, **m}
        if name.startswith("rolematch"):
            held_line = (
                f"  strong fits >= 0.5: {m['strong>=0.5']:.1%}; median score by grade "
                + ", ".join(f"{g}: {v:.3f}" for g, v in m["median by grade"].items())
            )
        pairs = f"{int((hy >= 1).sum())}/{int((hy == 0).sum())}"
        print(
            f"{'held-out':<11}{name:<24}{pairs:>14}{m['mean auc']:>10.3f}"
            f"{m['mean ndcg@5']:>8.3f}{m['notfit>=0.5']:>9.1%}{m['notfit>=0.8']:>9.1%}"
        )
    print(held_line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="e5-small", help="encoder of the full scorer")
    ap.add_argument("--import-only", action="store_true")
    args = ap.parse_args()

    t0 = time.perf_counter()
    imp, roles = import_accuracy()
    print("Import accuracy per layout (gold: benchmarks/data/postings/gold.json)")
    cols = ["postings", "imported", "titles right", "right list", "wrong list", "noise share",
            "noise dropped"]  # fmt: skip
    print(f"{'layout':<18}" + "".join(f"{c:>14}" for c in cols))
    for layout, row in imp.items():
        cells = "".join(
            f"{row[c]:>14.0f}" if c in ("postings", "imported") else f"{row[c]:>14.1%}"
            for c in cols
        )
        print(f"{layout:<18}{cells}")
    print("\nHeld-out batches, counts: lines in the right list, noise among the imported items,")
    print("titles right")
    for layout, row in imp.items():
        if layout.startswith(("held-out batch", "all")):
            print(f"{layout:<18}{row['lines right']:>5.0f} of {row['gold lines']:<5.0f}"
                  f"{row['noise items']:>5.0f} of {row['items imported']:<5.0f}"
                  f"{row['titles']:>5.0f} of {row['postings']:<5.0f}")  # fmt: skip
    result: dict[str, Any] = {"import": imp}
    if not args.import_only:
        import tempfile

        from rolematch import Matcher, load_roles
        from rolematch.io.roles import write_roles

        # what a user does: import the postings, save the role files, load them
        with tempfile.TemporaryDirectory() as tmp:
            write_roles(roles, tmp)
            roles = load_roles(tmp)
        items = json.loads((DATA / "resumes.json").read_text(encoding="utf-8"))
        ids = [r.id for r in roles]
        docs: list[Any] = [it["text"] for it in items]
        labels = [[it["labels"].get(i, 0) for i in ids] for it in items]
        n_synthetic = len(docs)
        real = real_cvs(ids)
        for resume, grades in real:
            docs.append(resume)
            labels.append(grades)
        Y = np.array(labels, dtype=float)
        texts = [d if isinstance(d, str) else d.text for d in docs]
        matcher = Matcher(model=args.model).fit(roles)
        scorers = {
            f"rolematch ({args.model})": matcher.similarity(docs),
            "tfidf cosine": tfidf_cosine(texts, roles),
            "bm25": bm25(texts, roles),
        }
        sets = {"synthetic": slice(0, n_synthetic)}
        if real:
            sets["real CVs"] = slice(n_synthetic, len(docs))
            sets["all"] = slice(0, len(docs))
        # keep the other models' last runs: one file holds static-zh and e5-small
        previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
        result["matching"] = previous.get("matching", {})
        stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        print(f"\nMatching: {n_synthetic} synthetic résumés (resumes.json) and {len(real)} real "
              f"CVs (../shared, real_labels.json) x {len(ids)} imported postings")  # fmt: skip
        print("(tfidf/bm25 are ranking baselines: their >= 0.5 shares are not comparable)")
        print(
            f"{'set':<11}{'scorer':<24}{'pairs fit/not':>14}{'mean AUC':>10}{'NDCG@5':>8}"
            f"{'nf>=0.5':>9}{'nf>=0.8':>9}"
        )
        for set_name, rows in sets.items():
            for name, S in scorers.items():
                y = Y[rows]
                m = matching(S[rows], y, ids)
                result["matching"][f"{set_name}: {name}"] = {"run": stamp, **m}
                pairs = f"{int((y >= 1).sum())}/{int((y == 0).sum())}"
                print(
                    f"{set_name:<11}{name:<24}{pairs:>14}{m['mean auc']:>10.3f}"
                    f"{m['mean ndcg@5']:>8.3f}{m['notfit>=0.5']:>9.1%}{m['notfit>=0.8']:>9.1%}"
                )
        for graded_name, batches in GRADED_BATCHES.items():
            graded = DATA / graded_name
            if graded.exists():  # postings never tuned on, résumés written blind against them
                held_matching(graded, batches, args.model, stamp, result)
        key = f"{'all' if real else 'synthetic'}: rolematch ({args.model})"
        full = result["matching"][key]["per posting"]
        print(f"\nPer posting ({key}):")
        print(f"{'posting':<22}{'fits':>6}{'AUC':>8}{'NDCG@5':>8}{'nf>=0.5':>9}")
        for pid, v in full.items():
            print(f"{pid:<22}{v['fits']:>6}{v['auc']:>8.3f}{v['ndcg@5']:>8.3f}"
                  f"{v['notfit>=0.5']:>9.1%}")  # fmt: skip
    if args.import_only:  # keep the last full run's file
        return
    result["seconds"] = round(time.perf_counter() - t0, 1)
    result["python"] = sys.version.split()[0]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(ROOT.parent)}")


if __name__ == "__main__":
    main()
