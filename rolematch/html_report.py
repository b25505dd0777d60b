"""A self-contained HTML report of a batch: one page a recruiter opens in a browser.

For each role, its shortlist (best résumés first: score, components, the keywords found)
and, per candidate, the component bars with their weights, the duty ↔ résumé-sentence
evidence with the role's keywords highlighted (synonym variants too: ``AML`` for
``反洗钱``; only the duties the résumé supports, :meth:`Explanation.supports`, or one line
saying that it supports none), the missing keywords and the facet findings. Files that
could not be read are listed with their reasons. Inline CSS, no script, no external
resource: the file can be mailed or archived as it is.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import numpy as np

from rolematch.explain import Explanation, team_text
from rolematch.highlight import highlighter
from rolematch.report import atomic_write
from rolematch.results import BatchResults, distinct_names

__all__ = ["HTML_TOP_K", "highlighter", "write_html"]  # highlighter: from rolematch.highlight

#: Candidates per role shown when no ``top_k`` is given.
HTML_TOP_K = 20
#: Candidates per role whose details are open when the page loads.
_OPEN = 3
#: Evidence rows (supported duties) per candidate.
_EVIDENCE = 6

_CSS = """
:root { --ink:#1f2933; --muted:#6b7785; --line:#d9dee5; --bg:#f6f7f9; --accent:#2f6fde;
  --kw:#2f6fde; --sem:#14a37f; --fac:#c47f17; --score:#7048c8; }
* { box-sizing: border-box; }
body { margin:0; font: 14px/1.5 "Noto Sans CJK SC","WenQuanYi Zen Hei","PingFang SC",
  "Microsoft YaHei",system-ui,sans-serif; color:var(--ink); background:var(--bg); }
header { background:#fff; border-bottom:1px solid var(--line); padding:16px 28px; }
header h1 { margin:0 0 4px; font-size:20px; }
.meta { color:var(--muted); margin:0; }
nav { margin-top:10px; display:flex; flex-wrap:wrap; gap:6px; }
nav a { text-decoration:none; color:var(--accent); background:#eef3fd; border-radius:12px;
  padding:2px 10px; font-size:13px; }
nav a.bad { color:#a23a3a; background:#fbeeee; }
main { padding:8px 28px 40px; max-width:1280px; }
section.role, section#unreadable { background:#fff; border:1px solid var(--line);
  border-radius:8px; margin:18px 0; padding:14px 18px; }
h2 { margin:0 0 8px; font-size:17px; }
h2 small { color:var(--muted); font-weight:normal; font-size:13px; margin-left:6px; }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:4px 8px; border-bottom:1px solid var(--line);
  vertical-align:top; }
th { color:var(--muted); font-weight:600; font-size:12px; }
td.num { font-variant-numeric:tabular-nums; white-space:nowrap; }
.mini { display:inline-block; width:70px; height:8px; background:#e9edf2; border-radius:4px;
  vertical-align:middle; margin-right:6px; overflow:hidden; }
.mini i { display:block; height:100%; background:var(--score); }
details.candidate { border:1px solid var(--line); border-radius:6px; margin:8px 0;
  padding:6px 12px; }
details.candidate > summary { cursor:pointer; font-weight:600; }
summary .score { color:var(--score); margin-left:8px; }
summary .path { color:var(--muted); font-weight:normal; font-size:12px; margin-left:8px; }
.bars { display:grid; grid-template-columns:150px 1fr 130px; gap:3px 10px; margin:8px 0;
  max-width:620px; align-items:center; }
.bar { height:12px; background:#e9edf2; border-radius:6px; overflow:hidden; }
.bar i { display:block; height:100%; }
.bar.keyword i { background:var(--kw); } .bar.semantic i { background:var(--sem); }
.bar.facet i { background:var(--fac); } .bar.score i { background:var(--score); }
.bars .label { color:var(--muted); font-size:12px; }
.chips { margin:4px 0; }
.chip { display:inline-block; border-radius:10px; padding:0 8px; margin:2px 3px 2px 0;
  font-size:12px; background:#fff3c4; border:1px solid #ecd77a; }
.chip.missing { background:#f1f3f5; border-color:#dde2e7; color:var(--muted); }
mark { background:#ffe58a; padding:0 1px; border-radius:2px; }
table.evidence td.duty { width:42%; color:#394552; }
table.evidence caption { text-align:left; color:var(--muted); font-size:12px; }
.facets { color:var(--muted); font-size:12px; margin:4px 0 0; }
.warn { color:#a25b00; font-size:12px; }
.empty { color:var(--muted); font-style:italic; }
"""


def _anchor(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "x"


def _pct(x: float | None) -> str:
    return "0" if x is None or np.isnan(x) else f"{max(0.0, min(1.0, float(x))) * 100:.1f}"


def _num(x: float | None, nd: int = 2) -> str:
    return "–" if x is None or np.isnan(x) else f"{x:.{nd}f}"


def _bars(e: Explanation) -> str:
    w = e.weights
    rows = [
        ("keyword", "keyword 关键词", e.keyword_score, w.get("keyword", 0.0)),
        ("semantic", "semantic 职责覆盖", e.semantic_score, w.get("semantic", 0.0)),
        ("facet", "facets 专业/学历/年限", e.facet_score, w.get("facet", 0.0)),
    ]
    out = []
    for cls, label, value, weight in rows:
        note = "no data" if value is None else f"{value:.2f} · weight {weight:.2f}"
        out.append(
            f'<span class="label">{label}</span><div class="bar {cls}">'
            f'<i style="width:{_pct(value)}%"></i></div><span class="label">{note}</span>'
        )
    out.append(
        f'<span class="label"><b>score</b></span><div class="bar score">'
        f'<i style="width:{_pct(e.score)}%"></i></div><span class="label"><b>{e.score:.2f}</b>'
        "</span>"
    )
    why = (
        "weight: a component's share of the slopes of the logistic model that gives the "
        f"score (log-odds {e.raw_score:.2f}); the score is no weighted sum of the components"
    )
    return f'<div class="bars" title="{why}">' + "".join(out) + "</div>"


def _candidate(
    e: Explanation,
    rank: int,
    role_rank: int,
    anchor: str,
    warnings: Sequence[str],
    variants: Mapping[str, Sequence[str]] | None,
) -> str:
    esc = html.escape
    mark = highlighter([k.term for k in e.matched_keywords], variants)
    matched = "".join(
        f'<span class="chip">{esc(k.word)}{f" ×{k.count}" if k.count > 1 else ""}</span>'
        for k in e.matched_keywords[:20]
    )
    missing = "".join(
        f'<span class="chip missing">{esc(k.word)}</span>' for k in e.missing_keywords[:10]
    )
    supported = e.supported_evidence
    rows = (
        "".join(
            f'<tr><td class="duty">{esc(ev.duty)}</td><td>{mark(ev.sentence) or "<i>-</i>"}</td>'
            f'<td class="num">{ev.support:.2f}</td><td class="num">{ev.cosine:.2f}</td>'
            f'<td class="num">{ev.page or ""}</td></tr>'
            for ev in supported[:_EVIDENCE]
        )
        or f'<tr class="no-evidence"><td colspan="5"><i>{esc(e.evidence_note())}</i></td></tr>'
    )
    what = "requirements" if e.semantic_source == "requirements" else "duties"
    caption = (
        f"{len(supported)} of {len(e.evidence)} {what} supported "
        f"(support ≥ {e.covered_support:.2f}), best first"
    )
    facets = "; ".join(
        f"{esc(f.name)}: wants {esc(str(f.wanted))}, has {esc(str(f.found or '-'))}"
        + ("" if f.score is None else (" ✓" if f.score >= 1 else " ✗"))
        for f in e.facets
    )
    warn = f'<p class="warn">⚠ {esc("; ".join(warnings))}</p>' if warnings else ""
    team = team_text(e.term_bonus)
    if team:  # a learned profile's word preferences moved this score
        team = f'<p class="facets">team preference ({esc(e.profile)}): {esc(team)} (log-odds)</p>'
    best = "best role for this résumé" if role_rank == 1 else f"role #{role_rank} for this résumé"
    return (
        f'<details class="candidate" id="{anchor}"{" open" if rank <= _OPEN else ""}>'
        f"<summary>{rank}. {esc(Path(e.source).name)}"
        f'<span class="score">{e.score:.2f}</span>'
        f'<span class="path">{esc(e.source)} · {best}</span></summary>'
        f"{_bars(e)}"
        f'<div class="chips"><b>matched</b> {matched or "<i>none</i>"}</div>'
        f'<div class="chips"><b>missing</b> {missing or "<i>none</i>"}</div>'
        '<table class="evidence">'
        f"<caption>evidence: {esc(caption)}</caption><thead><tr><th>duty 岗位职责</th>"
        "<th>supporting résumé sentence 简历依据</th><th>support</th><th>cos</th><th>page</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
        + (f'<p class="facets">{facets}</p>' if facets else "")
        + team
        + warn
        + "</details>"
    )


def _role_section(
    results: BatchResults,
    r: int,
    keep: np.ndarray,
    variants: Mapping[str, Sequence[str]] | None,
) -> Iterable[str]:
    esc = html.escape
    rid, title = results.role_ids[r], results.role_titles[r]
    anchor = f"role-{r}-{_anchor(rid)}"
    chosen = np.flatnonzero(keep[:, r])
    chosen = chosen[np.argsort(results.resume_rank[chosen, r], kind="stable")]
    scored = sum(results.ok(i) for i in range(len(results)))
    yield (
        f'<section class="role" id="{anchor}" data-role="{esc(rid)}">'
        f"<h2>{esc(title)}<small>{esc(rid)} · {len(chosen)} of {scored} résumés shown</small></h2>"
    )
    if not len(chosen):
        yield '<p class="empty">No résumé passes the filters for this role.</p></section>'
        return
    yield (
        '<table class="shortlist"><thead><tr><th>#</th><th>résumé</th><th>score</th>'
        "<th>keyword</th><th>semantic</th><th>facets</th><th>its rank for the résumé</th>"
        "<th>keywords found</th></tr></thead><tbody>"
    )
    cards = []
    names = distinct_names(results.files)  # 张三/简历.pdf beside 李四/简历.pdf
    for i in map(int, chosen):
        rank = int(results.resume_rank[i, r])
        e = results.explanation(i, r)
        cand = f"{anchor}-c{rank}"
        kws = "、".join(k.word for k in e.matched_keywords[:6])
        yield (
            f'<tr class="shortlist-row" data-rank="{rank}" data-file="{esc(results.files[i])}">'
            f'<td class="num">{rank}</td><td><a href="#{cand}">{esc(names[i])}'
            f'</a></td><td class="num"><span class="mini"><i style="width:{_pct(e.score)}%">'
            f"</i></span>{e.score:.2f}</td>"
            f'<td class="num">{_num(e.keyword_score)}</td>'
            f'<td class="num">{_num(e.semantic_score)}</td>'
            f'<td class="num">{_num(e.facet_score)}</td>'
            f'<td class="num">{int(results.role_rank[i, r])}</td><td>{esc(kws)}</td></tr>'
        )
        cards.append(
            _candidate(e, rank, int(results.role_rank[i, r]), cand, results.warnings[i], variants)
        )
    yield "</tbody></table>"
    yield from cards
    yield "</section>"


def write_html(
    results: BatchResults,
    path: str | Path | IO[str],
    top_k: int | None = None,
    min_score: float | None = None,
    *,
    variants: Mapping[str, Sequence[str]] | None = None,
    title: str = "rolematch report",
    meta: Mapping[str, Any] | None = None,
) -> int:
    """Write the HTML report of a finished :class:`~rolematch.results.BatchResults`.

    Parameters
    ----------
    results : BatchResults
    path : path or text stream
        Written atomically (temporary name, then rename) when a path.
    top_k : int, optional
        Each role's best ``top_k`` résumés; default :data:`HTML_TOP_K`.
    min_score : float, optional
        Leave out candidates scoring below it.
    variants : mapping, optional
        Synonym table ``{canonical: [variants]}`` whose variants are highlighted with
        their keyword (``JiebaTokenizer().synonyms.table``).
    title : str
        Page title.
    meta : mapping, optional
        Shown under the title (model, elapsed time …).

    Returns
    -------
    int
        Shortlist rows written (over all roles).
    """
    top_k = HTML_TOP_K if top_k is None else top_k
    keep = results.keep("role", top_k, min_score)
    if isinstance(path, str | Path):
        with atomic_write(path, "w", encoding="utf-8") as f:
            _write(f, results, keep, variants, title, meta)
    else:
        _write(path, results, keep, variants, title, meta)
    return int(keep.sum())


def _write(
    f: IO[str],
    results: BatchResults,
    keep: np.ndarray,
    variants: Mapping[str, Sequence[str]] | None,
    title: str,
    meta: Mapping[str, Any] | None,
) -> None:
    esc = html.escape
    bad = results.failures()
    scored = len(results) - len(bad)
    info = [f"{len(results)} files", f"{scored} scored", f"{len(bad)} not readable"]
    info += [f"{k}: {v}" for k, v in (meta or {}).items()]
    info.append(_dt.datetime.now().strftime("%Y-%m-%d %H:%M"))
    links = "".join(
        f'<a href="#role-{r}-{_anchor(rid)}">{esc(t)}</a>'
        for r, (rid, t) in enumerate(zip(results.role_ids, results.role_titles, strict=True))
    )
    if bad:
        links += f'<a class="bad" href="#unreadable">not readable ({len(bad)})</a>'
    f.write(
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        # read_resume knows its own report by this: one left among the résumés is no CV
        '<meta name="generator" content="rolematch">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>"
        f'<header><h1>{esc(title)}</h1><p class="meta">{esc(" · ".join(info))}</p>'
        f"<nav>{links}</nav></header><main>"
    )
    for r in range(results.n_roles):
        for part in _role_section(results, r, keep, variants):
            f.write(part)
    f.write(
        f'<section id="unreadable"><h2>Files that could not be read<small>{len(bad)}</small></h2>'
    )
    if bad:
        f.write(
            '<table class="unreadable"><thead><tr><th>file</th><th>status</th><th>reason</th>'
            "</tr></thead><tbody>"
        )
        for i in bad:
            f.write(
                f'<tr class="unreadable-row"><td>{esc(results.files[i])}</td>'
                f"<td>{esc(results.status[i])}</td><td>{esc(results.reason[i])}</td></tr>"
            )
        f.write("</tbody></table>")
    else:
        f.write('<p class="empty">Every file was read.</p>')
    f.write("</section></main></body></html>\n")
