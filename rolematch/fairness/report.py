"""Bias-audit reports: ``audit.json``, a self-contained HTML page, an Excel workbook, a CSV.

All four hold group aggregates only (see :mod:`rolematch.fairness`): no file name, no
person. The CSV is the table of groups, one row per role × attribute × group
(:data:`CSV_COLUMNS`), with a ``note`` that says why a number is missing, whether a
ratio below four fifths is a flag, suggestive or too few to tell, and where the top-K
cut fell inside a tie, and the batch's ``duplicates_ignored`` (files left out as copies
of another) on every row; then a row per cross-role comparison (``role_id``
``(all roles)``, :func:`~rolematch.fairness.wording.pooled_rows`). The HTML page has
per-role tables with flagged rows highlighted (and the rows below four fifths that are
not flagged marked apart), a cross-role section, an inline SVG
bar chart of the rates per group (no script, no external resource), and a plain reading
of the four-fifths rule and its limits; the workbook has the same tables, an openpyxl
bar chart per role and attribute, and text cells that hold their text exactly and can
never run as formulas.
"""

from __future__ import annotations

import csv
import html
import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rolematch.fairness._run import CF_PROMISE, AuditResult, tie_text
from rolematch.fairness.rates import ALPHA, FOUR_FIFTHS, impact_note
from rolematch.fairness.wording import (
    NOT_TESTED,
    POOLED_CAVEAT,
    READING,
    SUGGESTIVE,
    below_note,
    chance_text,
    comparable,
    no_flags_text,
    p_text,
    pooled_html,
    pooled_rows,
    pooled_text,
)

__all__ = [
    "AUDIT_FORMATS",
    "CSV_COLUMNS",
    "FLAG_TEXT",
    "READING",
    "audit_format",
    "audit_rows",
    "to_json",
    "write_audit",
]

#: Output formats of ``rolematch audit -o`` by suffix.
AUDIT_FORMATS = {
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
    ".csv": "csv",
}
#: Columns of the audit CSV: one row per role × attribute × group.
CSV_COLUMNS = (
    "rule",
    "role_id",
    "role_title",
    "attribute",
    "group",
    "n",
    "selected",
    "rate",
    "impact_ratio",
    "scoring_rate",
    "mean_score",
    "flag",
    "p_value",
    "note",
    "duplicates_ignored",
)

_FIELD_LABELS = {
    "n": "n",
    "selected": "selected 入选",
    "rate": "selection rate 入选率",
    "impact_ratio": "impact ratio 影响比",
    "scoring_rate": "scoring rate 高分率",
    "mean_score": "mean score 平均分",
}
_ATTR_LABELS = {"gender": "gender 性别", "age": "age 年龄段", "ethnicity": "ethnicity 民族"}


def audit_format(path: str | Path) -> str:
    """``json``, ``html``, ``xlsx`` or ``csv`` from an output file's suffix.

    Raises
    ------
    ValueError
        Another suffix.

    Examples
    --------
    >>> audit_format("out/audit.json"), audit_format("a.HTML")
    ('json', 'html')
    """
    suffix = Path(path).suffix.lower()
    if suffix not in AUDIT_FORMATS:
        raise ValueError(
            f"The audit output must end in one of {sorted(AUDIT_FORMATS)}. "
            f"Got {str(path)!r} instead."
        )
    return AUDIT_FORMATS[suffix]


def to_json(result: AuditResult) -> str:
    """``audit.json``: :meth:`AuditResult.to_dict` as indented UTF-8 JSON."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_audit(result: AuditResult, path: str | Path) -> str:
    """Write the audit to ``path`` in the format its suffix names; returns the format.

    Raises
    ------
    ValueError
        An unknown suffix.
    MissingDependencyError
        ``.xlsx`` without openpyxl (``pip install 'rolematch[excel]'``).
    """
    from rolematch.report import atomic_write

    fmt = audit_format(path)
    if fmt == "xlsx":
        _write_xlsx(result, path)
        return fmt
    if fmt == "csv":
        _write_csv(result, path)
        return fmt
    text = to_json(result) if fmt == "json" else to_html(result)
    with atomic_write(path, "w", encoding="utf-8") as f:
        f.write(text)
    return fmt


def _rule_text(rule: Mapping[str, Any]) -> str:
    return f"top_k={rule['top_k']}" if "top_k" in rule else f"min_score={rule['min_score']}"


#: The ``flag`` of a flagged group in the CSV and the workbook.
FLAG_TEXT = f"impact ratio < {FOUR_FIFTHS}, p < {ALPHA}"
_Key = tuple[str, str, str]


def _below(result: AuditResult) -> dict[_Key, tuple[bool, dict[str, Any]]]:
    """(role, attribute, group) -> (flagged, entry) of each ratio below four fifths."""
    out: dict[_Key, tuple[bool, dict[str, Any]]] = {}
    for flagged, entries in ((True, result.flags), (False, result.inconclusive)):
        for f in entries:
            out[(f["role_id"], f["attribute"], f["group"])] = (flagged, f)
    return out


def _group_note(result: AuditResult, key: _Key, table: Mapping[str, Any]) -> str:
    """Why a group's numbers are missing, or what its ratio below four fifths is worth."""
    below = _below(result).get(key)
    if below is None:
        return impact_note(table, key[2])
    return below_note(below[1]["p_value"])


def _notes(
    result: AuditResult, role_id: str, attribute: str, table: Mapping[str, Any], group: str
) -> str:
    """:func:`_group_note`, and a tie at the role's cut ("; "-joined)."""
    notes = [_group_note(result, (role_id, attribute, group), table)]
    tie = result.ties.get(role_id)
    if tie:
        notes.append(
            f"{tie['tied']} résumés tie at the cut score {tie['cut_score']:.4f}: all selected "
            f"({tie['selected']} for {result.rule.get('top_k')} places)"
        )
    return "; ".join(n for n in notes if n)


def audit_rows(result: AuditResult) -> list[dict[str, Any]]:
    """The audit CSV's rows (:data:`CSV_COLUMNS`): one per role × attribute × group, the
    numbers of ``audit.json`` (``None`` where it has ``null``), ``p_value`` for a group
    below four fifths, ``flag`` (:data:`FLAG_TEXT`) where that p is below ``ALPHA``, and
    a ``note`` (``too few to tell`` where it is not)."""
    below = _below(result)
    rows = []
    for role_id, per_attr in result.roles.items():
        for attribute, table in per_attr.items():
            for group, cell in table.items():
                flagged, entry = below.get((role_id, attribute, group), (False, None))
                rows.append(
                    {
                        "rule": _rule_text(result.rule),
                        "role_id": role_id,
                        "role_title": result.role_titles.get(role_id, ""),
                        "attribute": attribute,
                        "group": group,
                        **{k: cell[k] for k in _FIELD_LABELS},
                        "flag": FLAG_TEXT if flagged else "",
                        "p_value": entry["p_value"] if entry else None,
                        "note": _notes(result, role_id, attribute, table, group),
                        "duplicates_ignored": result.duplicates_ignored,
                    }
                )
    rule, dups = _rule_text(result.rule), result.duplicates_ignored
    pooled = pooled_rows(result.pooled, len(result.roles))
    return rows + [{"rule": rule, **row, "duplicates_ignored": dups} for row in pooled]


def _write_csv(result: AuditResult, path: str | Path) -> None:
    """The audit as a CSV (UTF-8 with BOM, formula-safe text, 6-decimal numbers)."""
    from rolematch.report import atomic_write, safe_cell

    def cell(value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, float):
            return round(value, 6)
        return safe_cell(value)

    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(CSV_COLUMNS)
        for row in audit_rows(result):
            w.writerow([cell(row[c]) for c in CSV_COLUMNS])


# ----------------------------------------------------------------------------- HTML

_CSS = """
:root { --ink:#1f2933; --muted:#6b7785; --line:#d9dee5; --bg:#f6f7f9; --rate:#2f6fde;
  --scoring:#9db8ec; --flag:#fdecea; --flagink:#a23a3a; }
* { box-sizing: border-box; }
body { margin:0; font: 14px/1.5 "Noto Sans CJK SC","WenQuanYi Zen Hei","PingFang SC",
  "Microsoft YaHei",system-ui,sans-serif; color:var(--ink); background:var(--bg); }
header { background:#fff; border-bottom:1px solid var(--line); padding:16px 28px; }
header h1 { margin:0 0 4px; font-size:20px; }
.meta { color:var(--muted); margin:0; }
main { padding:8px 28px 40px; max-width:1280px; }
section { background:#fff; border:1px solid var(--line); border-radius:8px; margin:18px 0;
  padding:14px 18px; }
h2 { margin:0 0 8px; font-size:17px; } h2 small { color:var(--muted); font-weight:normal; }
h3 { margin:14px 0 6px; font-size:14px; }
.attr { display:flex; flex-wrap:wrap; gap:18px; align-items:flex-start; }
table { border-collapse:collapse; }
th, td { text-align:left; padding:3px 9px; border-bottom:1px solid var(--line); }
th { color:var(--muted); font-weight:600; font-size:12px; }
td.num { font-variant-numeric:tabular-nums; text-align:right; white-space:nowrap; }
tr.flag td { background:var(--flag); color:var(--flagink); font-weight:600; }
tr.unclear td { background:#fff7e0; }
.ok { color:#14804a; } .bad { color:var(--flagink); font-weight:600; }
ul.reading li { margin:4px 0; }
.legend { color:var(--muted); font-size:12px; }
td.note { color:var(--muted); font-size:12px; } p.tie { color:var(--flagink); }
"""


def _fmt(x: Any, nd: int = 3) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if isinstance(x, float):
        return f"{x:.{nd}f}"
    return str(x)


def _svg(groups: Mapping[str, Mapping[str, Any]]) -> str:
    """Horizontal bars: selection rate (dark) and scoring rate (light) per group, and
    the four-fifths line (0.8 × the highest selection rate)."""
    label_w, bar_w, row_h = 70, 260, 26
    height = row_h * len(groups) + 24
    rates = [c["rate"] for g, c in groups.items() if c["impact_ratio"] is not None]
    # bars on the scale of the largest rate shown (the numbers say the level)
    top = max([c[k] for c in groups.values() for k in ("rate", "scoring_rate")
               if c[k] is not None] + [0.05])  # fmt: skip
    scale = bar_w / min(1.0, top)  # pixels per unit of rate
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 60}" '
        f'height="{height}" role="img" aria-label="rates per group">'
    ]
    for k, (group, cell) in enumerate(groups.items()):
        y = 6 + k * row_h
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" font-size="12">'
            f"{html.escape(group)}</text>"
        )
        rate, scoring = cell["rate"], cell["scoring_rate"]
        if rate is None:
            why = f"n={cell['n']}: too few for a rate" if cell["n"] else "no résumé"
            parts.append(
                f'<text x="{label_w + 4}" y="{y + 14}" font-size="11" fill="#6b7785">{why}</text>'
            )
            continue
        parts.append(
            f'<rect x="{label_w}" y="{y + 2}" width="{rate * scale:.1f}" height="11" '
            f'fill="#2f6fde"><title>selection rate {rate:.3f}</title></rect>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y + 14}" width="{scoring * scale:.1f}" height="6" '
            f'fill="#9db8ec"><title>scoring rate {scoring:.3f}</title></rect>'
        )
        parts.append(
            f'<text x="{label_w + rate * scale + 4:.1f}" y="{y + 12}" font-size="11">'
            f"{rate:.2f}</text>"
        )
    if rates and max(rates) > 0:
        x = label_w + FOUR_FIFTHS * max(rates) * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="2" x2="{x:.1f}" y2="{height - 16}" stroke="#a23a3a" '
            'stroke-dasharray="3,3"><title>four fifths of the highest rate</title></line>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{height - 4}" font-size="10" fill="#a23a3a" '
            f'text-anchor="middle">4/5</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _attr_table(
    result: AuditResult, role_id: str, attribute: str, groups: Mapping[str, Any]
) -> str:
    labels = ["group 组", *_FIELD_LABELS.values(), "note 说明"]
    head = "".join(f"<th>{html.escape(lab)}</th>" for lab in labels)
    below = _below(result)
    rows = []
    for group, cell in groups.items():
        key = (role_id, attribute, group)
        cls = "" if key not in below else ' class="flag"' if below[key][0] else ' class="unclear"'
        tds = "".join(f'<td class="num">{_fmt(cell[k])}</td>' for k in _FIELD_LABELS)
        note = f'<td class="note">{html.escape(_group_note(result, key, groups))}</td>'
        rows.append(f"<tr{cls}><td>{html.escape(group)}</td>{tds}{note}</tr>")
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def to_html(result: AuditResult) -> str:
    """The audit as one self-contained HTML page (inline CSS and SVG, no script)."""
    e = html.escape
    rule = (
        f"each role's best {result.rule['top_k']} résumés (all tied at the cut included)"
        if "top_k" in result.rule
        else f"score ≥ {result.rule['min_score']}"
    )
    delta = result.counterfactual_max_delta
    if delta is None:
        cf = "not run"
    else:
        ok = delta <= CF_PROMISE
        cf = (
            f'<span class="{"ok" if ok else "bad"}">{delta:.6f} '
            f"({'within' if ok else 'above'} the promise of {CF_PROMISE})</span>"
        )
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>rolematch bias audit 偏差审计</title>",
        f"<style>{_CSS}</style></head><body>",
        "<header><h1>Bias audit 招聘筛选偏差审计</h1>",
        f'<p class="meta">{result.n_resumes} résumés scored'
        + (f" of {result.n_files} files" if result.n_files else "")
        + (
            f" · {result.duplicates_ignored} "
            + ("copies" if result.duplicates_ignored > 1 else "copy")
            + " counted once"
            if result.duplicates_ignored
            else ""
        )
        + f" · rule: {e(rule)} · attributes: {e(', '.join(result.attributes))} ({NOT_TESTED})"
        + (f" · ages as of {e(result.date)}" if result.date else "")
        + (f" · model {e(result.model)}" if result.model else "")
        + "</p>",
        f'<p class="meta">Counterfactual check (largest score change when personal data '
        f"is swapped): {cf}</p></header><main>",
    ]
    out.append(
        f"<section><h2>Flags <small>impact ratio below {FOUR_FIFTHS} (four-fifths rule), "
        f"unlikely by chance (p &lt; {ALPHA})</small></h2>"
    )
    if result.flags:
        out.append("<ul>")
        out.extend(f'<li class="bad">{e(_flag_text(result, f))}</li>' for f in result.flags)
        out.append("</ul>")
    else:
        kind = "ok" if comparable(result.roles) else "bad"
        out.append(f'<p class="{kind}">{e(no_flags_text(result.roles))}</p>')
    # not flagged, in two lists: how much a gap is worth follows its p-value
    for title, p_range, these in (
        ("Suggestive, not conclusive", f"{ALPHA} ≤ p &lt; {SUGGESTIVE:.2f}",
         [f for f in result.inconclusive if f["p_value"] < SUGGESTIVE]),
        ("Too few to tell", f"p ≥ {SUGGESTIVE:.2f}",
         [f for f in result.inconclusive if f["p_value"] >= SUGGESTIVE]),
    ):  # fmt: skip
        if these:
            why = chance_text(these[0]["p_value"])
            out.append(f"<h3>{title} <small>impact ratio below {FOUR_FIFTHS}, {p_range}: "
                       f"{why}; not flagged</small></h3><ul>")  # fmt: skip
            out.extend(f"<li>{e(_flag_text(result, f))}</li>" for f in these)
            out.append("</ul>")
    if result.warnings:
        out.append("<h3>Warnings</h3><ul>")
        out.extend(f"<li>{e(w)}</li>" for w in result.warnings)
        out.append("</ul>")
    out.append("</section>")
    out.append(pooled_html(result.pooled))
    out.append(
        '<section><h2>How to read this audit <small>及其局限</small></h2><ul class="reading">'
    )
    out.extend(f"<li>{e(text)}</li>" for text in READING)
    out.append("</ul></section>")
    for role_id, per_attr in result.roles.items():
        title = result.role_titles.get(role_id, "")
        out.append(f"<section><h2>{e(title or role_id)} <small>{e(role_id)}</small></h2>")
        if role_id in result.ties:
            tie = tie_text(role_id, result.ties[role_id], int(result.rule["top_k"]))
            out.append(f'<p class="tie">{e(tie)}</p>')
        for attribute, groups in per_attr.items():
            out.append(f"<h3>{e(_ATTR_LABELS.get(attribute, attribute))}</h3>")
            out.append('<div class="attr">')
            out.append(_attr_table(result, role_id, attribute, groups))
            out.append(f"<div>{_svg(groups)}")
            out.append(
                '<div class="legend">dark: selection rate · light: scoring rate · '
                "dashed: four fifths of the highest selection rate · bars to the scale of "
                "the largest rate shown</div></div>"
            )
            out.append("</div>")
        out.append("</section>")
    out.append("</main></body></html>\n")
    return "\n".join(out)


def _flag_text(result: AuditResult, f: Mapping[str, Any]) -> str:
    """One ratio below four fifths in words (the HTML's and the workbook's lists)."""
    title = result.role_titles.get(f["role_id"], "")
    return (
        f"{f['role_id']} {title} — {f['attribute']} {f['group']}: rate {f['rate']:.3f} vs "
        f"{f['reference_group']} {f['reference_rate']:.3f}, impact ratio "
        f"{f['impact_ratio']:.3f} ({p_text(f['p_value'])})"
    )


# ---------------------------------------------------------------------------- Excel

_FORMULA_START = ("=", "+", "-", "@")


def _put(ws: Any, row: int, col: int, value: Any, **style: Any) -> Any:
    """A cell whose text is always the text itself: a string is typed as one after the
    value is set (openpyxl makes ``=…`` a formula and ``#N/A`` an error otherwise), and one
    starting with = + - @ gets Excel's quote prefix, so an edit keeps it text too."""
    cell = ws.cell(row=row, column=col)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(_FORMULA_START):
            cell.quotePrefix = True
    for k, v in style.items():
        setattr(cell, k, v)
    return cell


def _sheet_name(text: str, taken: set[str]) -> str:
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in text)[:28] or "role"
    name, k = base, 2
    while name.lower() in taken:
        name = f"{base[:26]}~{k}"
        k += 1
    taken.add(name.lower())
    return name


def _write_xlsx(result: AuditResult, path: str | Path) -> None:
    from rolematch._optional import import_optional
    from rolematch.report import atomic_write

    openpyxl = import_optional("openpyxl", extra="excel")
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment, Font, PatternFill

    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="E8EEF7")
    flag_fill = PatternFill("solid", fgColor="FDECEA")
    flag_font = Font(bold=True, color="A23A3A")
    wrap = Alignment(wrap_text=True, vertical="top")
    below = _below(result)

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "审计 Audit"
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 110
    summary: list[tuple[str, Any]] = [
        ("rule", json.dumps(result.rule, ensure_ascii=False)),
        ("résumés scored", result.n_resumes),
        ("files", result.n_files),
        ("copies counted once", result.duplicates_ignored),
        ("attributes", f"{', '.join(result.attributes)} ({NOT_TESTED})"),
        ("ages as of", result.date),
        ("model", result.model),
        ("counterfactual max delta", result.counterfactual_max_delta),
        ("promise", f"≤ {CF_PROMISE}"),
        ("flags", len(result.flags)),
        (f"not flagged, ratio < {FOUR_FIFTHS}", len(result.inconclusive)),
        ("pooled flags across roles", sum(x["flag"] for x in result.pooled)),
    ]
    r = 1
    _put(ws, r, 1, "Bias audit 招聘筛选偏差审计", font=Font(bold=True, size=14))
    r += 2
    for key, value in summary:
        _put(ws, r, 1, key, font=bold)
        _put(ws, r, 2, value, alignment=Alignment(horizontal="left"))
        r += 1
    r += 1
    _put(ws, r, 1, f"Flags ({FLAG_TEXT})", font=bold)
    r += 1
    for f in result.flags:
        _put(ws, r, 2, _flag_text(result, f), fill=flag_fill, font=flag_font)
        r += 1
    if not result.flags:
        _put(ws, r, 2, no_flags_text(result.roles))
        r += 1
    if result.inconclusive:
        _put(ws, r, 1, f"Not flagged (impact ratio < {FOUR_FIFTHS}, p ≥ {ALPHA})", font=bold)
        r += 1
        for f in result.inconclusive:
            _put(ws, r, 2, f"{_flag_text(result, f)}: {chance_text(f['p_value'])}")
            r += 1
    _put(ws, r, 1, "Across roles (pooled)", font=bold)
    r += 1
    for x in result.pooled:
        _put(ws, r, 2, pooled_text(x), alignment=wrap, **({"font": flag_font} if x["flag"] else {}))
        r += 1
    _put(ws, r, 2, POOLED_CAVEAT if result.pooled else "nothing to pool", alignment=wrap)
    r += 1
    r += 1
    _put(ws, r, 1, "Warnings", font=bold)
    r += 1
    for w in result.warnings:
        _put(ws, r, 2, w, alignment=wrap)
        r += 1
    r += 1
    _put(ws, r, 1, "How to read this audit", font=bold)
    r += 1
    for text in READING:
        _put(ws, r, 2, text, alignment=wrap)
        ws.row_dimensions[r].height = 15 * (1 + len(text) // 100)
        r += 1

    header = ["role_id", "role_title", "attribute", "group", *_FIELD_LABELS, "flag", "note"]
    long = wb.create_sheet("分组 Groups")
    for j, name in enumerate(header, start=1):
        _put(long, 1, j, name, font=bold, fill=head_fill)
    long.freeze_panes = "A2"
    lr = 2
    taken = {ws.title.lower(), long.title.lower()}
    for role_id, per_attr in result.roles.items():
        title = result.role_titles.get(role_id, "")
        sheet = wb.create_sheet(_sheet_name(title or role_id, taken))
        sheet.column_dimensions["A"].width = 12
        for col in "BCDEFG":
            sheet.column_dimensions[col].width = 14
        sheet.column_dimensions["H"].width = 36
        _put(
            sheet, 1, 1, f"{title} ({role_id})" if title else role_id, font=Font(bold=True, size=13)
        )
        if role_id in result.ties:
            tie = tie_text(role_id, result.ties[role_id], int(result.rule["top_k"]))
            _put(sheet, 2, 1, tie, font=flag_font)
        sr = 3
        for attribute, groups in per_attr.items():
            _put(sheet, sr, 1, _ATTR_LABELS.get(attribute, attribute), font=bold)
            top = sr + 1
            for j, name in enumerate(["group", *_FIELD_LABELS, "note"], start=1):
                _put(sheet, top, j, name, font=bold, fill=head_fill)
            for k, (group, cell) in enumerate(groups.items(), start=1):
                is_flag = below.get((role_id, attribute, group), (False,))[0]
                style: dict[str, Any] = {"fill": flag_fill, "font": flag_font} if is_flag else {}
                _put(sheet, top + k, 1, group, **style)
                long_row = [role_id, title, attribute, group]
                for j, key in enumerate(_FIELD_LABELS, start=2):
                    c = _put(sheet, top + k, j, cell[key], **style)
                    if isinstance(cell[key], float):
                        c.number_format = "0.000"
                note = _notes(result, role_id, attribute, groups, group)
                group_note = _group_note(result, (role_id, attribute, group), groups)
                _put(sheet, top + k, len(_FIELD_LABELS) + 2, group_note, **style)
                for j, value in enumerate(long_row, start=1):
                    _put(long, lr, j, value, **style)
                for j, key in enumerate(_FIELD_LABELS, start=len(long_row) + 1):
                    c = _put(long, lr, j, cell[key], **style)
                    if isinstance(cell[key], float):
                        c.number_format = "0.000"
                _put(long, lr, len(header) - 1, FLAG_TEXT if is_flag else "", **style)
                _put(long, lr, len(header), note, **style)
                lr += 1
            last = top + len(groups)
            chart = BarChart()
            chart.type = "bar"
            chart.title = f"{_ATTR_LABELS.get(attribute, attribute)}: rates"
            chart.y_axis.title = "rate"
            chart.y_axis.scaling.min = 0
            chart.y_axis.scaling.max = 1
            chart.height, chart.width = 5.5, 12
            chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl 3.1 hides axes
            # selection rate (column D) and scoring rate (column F)
            for column in (4, 6):
                chart.add_data(Reference(sheet, min_col=column, min_row=top, max_row=last),
                               titles_from_data=True)  # fmt: skip
            chart.set_categories(Reference(sheet, min_col=1, min_row=top + 1, max_row=last))
            sheet.add_chart(chart, f"I{sr}")
            sr = max(last + 3, sr + 12)
    long.auto_filter.ref = f"A1:{openpyxl.utils.get_column_letter(len(header))}{max(lr - 1, 1)}"
    widths = (22, 18, 10, 9, 6, 9, 12, 12, 12, 12, 18, 40)
    for col, width in zip("ABCDEFGHIJKL", widths, strict=True):
        long.column_dimensions[col].width = width
    with atomic_write(path, "wb") as out:
        wb.save(out)
