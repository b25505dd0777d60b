"""Report writers: every format parses back, ranks and filters mean what the docs say."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from rolematch import BatchResults, Matcher, load_roles
from rolematch.batch import collect_files, iter_results, score_paths
from rolematch.report import (
    COLUMNS,
    atomic_write,
    format_for,
    jsonl_records,
    long_rows,
    to_text,
    write_csv,
    write_jsonl,
    write_wide_csv,
)
from tests._encoders import HashingEncoder
from tests.conftest import OFF_AND_PARTIAL_CVS, example_files

ROLES = load_roles()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("cvs")
    for f in example_files():
        shutil.copy(f, d / f.name)
    (d / "zz_bad.pdf").write_bytes(b"%PDF-1.7\n not really a pdf")
    (d / "zz_empty.txt").write_bytes(b"")
    return d


@pytest.fixture(scope="module")
def results(folder):
    """FileResults of the folder with a deterministic encoder (no model to load)."""
    files = collect_files([folder])
    matcher = Matcher(encoder=HashingEncoder()).fit(ROLES)
    out = [None] * len(files)
    for i, fr in iter_results(files, matcher=matcher):
        out[i] = fr
    return out


@pytest.fixture
def store(results):
    with BatchResults(ROLES, [fr.file for fr in results]) as st:
        for i, fr in enumerate(results):
            st.add(i, fr)
        yield st.finish()


def _naive_ranks(score: np.ndarray, ok: np.ndarray):
    n, R = score.shape
    role_rank = np.zeros((n, R), int)
    resume_rank = np.zeros((n, R), int)
    for i in np.flatnonzero(ok):
        order = sorted(range(R), key=lambda r: (-score[i, r], r))
        for rank, r in enumerate(order, 1):
            role_rank[i, r] = rank
    for r in range(R):
        order = sorted(np.flatnonzero(ok), key=lambda i: (-score[i, r], i))
        for rank, i in enumerate(order, 1):
            resume_rank[i, r] = rank
    return role_rank, resume_rank


def test_store_ranks_match_a_naive_reference(store):
    ok = np.array([store.ok(i) for i in range(len(store))])
    assert ok.sum() == 6 and (~ok).sum() == 2
    role_rank, resume_rank = _naive_ranks(store.score, ok)
    np.testing.assert_array_equal(store.role_rank, role_rank)
    np.testing.assert_array_equal(store.resume_rank, resume_rank)
    assert np.isnan(store.score[~ok]).all()


def test_store_reads_back_each_explanation(store, folder):
    from rolematch.io.extract import read_resume

    matcher = Matcher(encoder=HashingEncoder()).fit(ROLES)
    for i in range(len(store)):
        if not store.ok(i):
            continue
        resume = read_resume(store.files[i])
        for r, rid in enumerate(ROLES[:3]):
            e, alone = store.explanation(i, r), matcher.explain(resume, rid.id)
            # scored with the batch vs alone: equal up to float rounding in the BLAS sums
            assert e.score == pytest.approx(alone.score, rel=1e-12)
            assert (e.role_id, e.source, e.reason, e.evidence, e.matched_keywords) == (
                alone.role_id,
                alone.source,
                alone.reason,
                alone.evidence,
                alone.matched_keywords,
            )
            assert e.score == store.score[i, r] and e.reason == store.match_reason(i, r)
    with pytest.raises(KeyError, match="has no result for role"):
        store.explanation(store.failures()[0], 0)


def test_keep_masks_by_resume_and_by_role(store):
    by_resume = store.keep("resume", top_k=2)
    assert (by_resume.sum(axis=1)[[store.ok(i) for i in range(len(store))]] == 2).all()
    by_role = store.keep("role", top_k=3)
    assert (by_role.sum(axis=0) == 3).all()
    high = store.keep("resume", min_score=0.5)
    assert (np.nan_to_num(store.score[high]) >= 0.5).all()
    assert not high[np.nan_to_num(store.score, nan=0) < 0.5].any()
    with pytest.raises(ValueError, match="'by' parameter must be 'resume' or 'role'. Got 'x'"):
        store.keep("x")


def test_results_hold_no_resume_text(results):
    assert all(fr.resume.text == "" and fr.resume.sentences == () for fr in results)
    assert all(fr.resume.personal == {} for fr in results)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.csv", "csv"), ("a.CSV", "csv"), ("a.wide.csv", "wide-csv"), ("a.jsonl", "jsonl"),
     ("a.xlsx", "xlsx"), ("a.html", "html"), ("a.htm", "html")],
)  # fmt: skip
def test_format_for_suffixes(name, fmt):
    assert format_for(name) == fmt


def test_format_for_unknown_suffix_lists_the_choices():
    with pytest.raises(ValueError, match=r"must end in one of \[.*'.xlsx'.*\]. Got 'x.pdf'"):
        format_for("x.pdf")


def test_format_for_json_is_refused_and_suggests_jsonl():
    # ".json" wrote JSON Lines, which no JSON reader accepts
    with pytest.raises(ValueError, match=r"Got 'out/x.json' instead.*one JSON record per line.*"
                                         r"name it 'out/x.jsonl'"):  # fmt: skip
        format_for("out/x.json")


def test_long_csv_parses_back_with_pandas(store, tmp_path):
    import pandas as pd

    out = tmp_path / "long.csv"
    n = write_csv(long_rows(store), out)
    df = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    assert list(df.columns) == list(COLUMNS) and len(df) == n == 6 * 9 + 2
    bad = df[df.status != "ok"]
    assert set(bad.status) == {"corrupt", "empty"} and (bad.score == "").all()
    good = df[df.status == "ok"]
    for _, g in good.groupby("file"):
        assert list(g.role_rank.astype(int)) == list(range(1, 10))
        assert list(g.score.astype(float)) == sorted(g.score.astype(float), reverse=True)
    # a role's best résumé has resume_rank 1 exactly once
    assert (good[good.resume_rank.astype(int) == 1].groupby("role_id").size() == 1).all()


def test_to_frame_holds_the_long_rows_unrounded(store, folder):
    with score_paths(folder, matcher=Matcher(encoder=HashingEncoder()).fit(ROLES)) as res:
        frame = res.to_frame(top_k=4)
        assert to_text(res, 2) == to_text(store, 2)
    rows = list(long_rows(store, top_k=4))
    assert len(frame) == len(rows)
    for row, (_, f) in zip(rows, frame.iterrows(), strict=True):
        for c in ("file", "status", "language", "warnings", "reason"):
            assert row[c] == f[c]
        if row["status"] != "ok":
            assert f.isna()[["role_id", "score", "role_rank", "resume_rank"]].all()
            continue
        assert (row["role_id"], row["role_rank"], row["resume_rank"]) == (
            f.role_id, f.role_rank, f.resume_rank)  # fmt: skip
        assert row["score"] == round(f.score, 4)


def test_top_k_and_min_score_in_long_rows(store):
    rows = list(long_rows(store, top_k=2))
    assert len(rows) == 6 * 2 + 2
    rows = list(long_rows(store, min_score=0.45))
    scored = [r for r in rows if r["status"] == "ok" and r["role_id"]]
    assert all(r["score"] >= 0.45 for r in scored)
    assert len(scored) == int((np.nan_to_num(store.score) >= 0.45).sum())
    # a file no role reaches the threshold for keeps one row saying so (it vanished)
    assert {r["file"] for r in rows} == set(store.files)
    below = [r for r in rows if r["status"] == "ok" and not r["role_id"]]
    low = [f for i, f in enumerate(store.files) if store.ok(i) and np.nanmax(store.score[i]) < 0.45]
    assert [r["file"] for r in below] == low and low
    assert all("no role scores 0.45 or more" in r["reason"] and r["score"] == "" for r in below)
    assert len(store.to_frame(min_score=0.45)) == len(rows)


def test_wide_csv_is_the_score_matrix(store, tmp_path):
    import pandas as pd

    out = tmp_path / "m.wide.csv"
    write_wide_csv(store, out)
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert list(df.columns) == ["file", "status", "best_role", "best_score", *store.role_ids,
                                "warnings", "reason"]  # fmt: skip
    assert len(df) == len(store)
    ok = df.status == "ok"
    np.testing.assert_allclose(df.loc[ok, store.role_ids].to_numpy(), store.score[ok.to_numpy()],
                               atol=1e-4)  # fmt: skip
    best = df.loc[ok, store.role_ids].to_numpy().argmax(axis=1)
    assert list(df.loc[ok, "best_role"]) == [store.role_ids[b] for b in best]
    assert df.loc[~ok, store.role_ids].isna().all().all() and df.loc[~ok, "reason"].all()


def test_wide_csv_reason_is_the_best_roles_as_in_the_long_format(store):
    # README and --help: "its warnings and reason (as in the long format)"; the reason
    # of every scored résumé was empty, only unreadable files had one.
    buf = io.StringIO()
    write_wide_csv(store, buf, top_k=2)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    first = {r["file"]: r for r in long_rows(store, top_k=2) if r["role_rank"] in (1, "")}
    assert sum(store.ok(i) for i in range(len(store))) >= 3
    for i, row in enumerate(rows):
        long = first[store.files[i]]
        assert row["reason"] == long["reason"] != ""
        if store.ok(i):
            assert row["best_role"] == long["role_id"]
            assert row["reason"] == store.match_reason(i, store.role_ids.index(long["role_id"]))


def test_wide_csv_top_k_leaves_other_cells_empty(store):
    buf = io.StringIO()
    write_wide_csv(store, buf, top_k=3)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    for row in rows:
        filled = [rid for rid in store.role_ids if row[rid] != ""]
        assert len(filled) == (3 if row["status"] == "ok" else 0)


def test_wide_csv_row_of_a_file_no_role_reaches_min_score_says_so(store):
    # It showed the best role and its score, below --min-score, with every score cell
    # empty and no reason; it now reads like the long CSV's row for that file.
    best = np.array(
        [np.nanmax(store.score[i]) if store.ok(i) else np.nan for i in range(len(store))]
    )
    cut = float(np.round(np.nanmedian(best), 4)) + 1e-4
    buf = io.StringIO()
    write_wide_csv(store, buf, min_score=cut)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    long = {r["file"]: r for r in long_rows(store, min_score=cut) if r["role_id"] == ""}
    long_best = {(r["file"], r["role_id"]): r for r in long_rows(store, min_score=cut)}
    below = [i for i in range(len(store)) if store.ok(i) and best[i] < cut]
    assert below and len(below) < sum(store.ok(i) for i in range(len(store)))
    for i, row in enumerate(rows):
        if i in below:
            assert row["best_role"] == row["best_score"] == ""
            assert row["reason"] == long[store.files[i]]["reason"] == store.row_reason(i, cut)
            assert row["reason"].startswith(f"no role scores {cut:g} or more")
            assert all(row[rid] == "" for rid in store.role_ids)
        elif store.ok(i):
            assert float(row["best_score"]) >= cut
            assert row[row["best_role"]] == row["best_score"]
            assert row["reason"] == long_best[(store.files[i], row["best_role"])]["reason"]


def test_jsonl_has_the_full_explanation(store, tmp_path):
    out = tmp_path / "x.jsonl"
    n = write_jsonl(jsonl_records(store), out)
    recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(recs) == n == 6 * 9 + 2
    good = [r for r in recs if r["status"] == "ok"]
    keys = {"file", "role_id", "role_title", "score", "keyword_score", "semantic_score",
            "facet_score", "raw_score", "weights", "role_rank", "resume_rank", "reason",
            "warnings", "matched_keywords", "missing_keywords", "evidence", "facets"}  # fmt: skip
    assert all(keys <= set(r) for r in good)
    e = good[0]
    assert {"duty", "sentence", "cosine", "support", "page", "section"} == set(e["evidence"][0])
    # "written": the résumé's own word where it wrote a keyword otherwise (a synonym)
    assert {"term", "weight", "count", "written", "label"} == set(e["missing_keywords"][0])
    assert abs(sum(e["weights"].values()) - 1) < 1e-3
    bad = [r for r in recs if r["status"] != "ok"]
    assert len(bad) == 2 and all(r["score"] is None and r["reason"] for r in bad)


def test_xlsx_sheets_parse_back(store, tmp_path):
    pytest.importorskip("openpyxl")
    import openpyxl
    import pandas as pd

    from rolematch.excel import ROLE_COLUMNS, write_xlsx

    out = tmp_path / "s.xlsx"
    rows = write_xlsx(store, out, top_k=4)
    assert rows == 4 * 9
    sheets = pd.read_excel(out, sheet_name=None)
    names = list(sheets)
    assert names[0].startswith("总览") and names[-1].startswith("无法读取")
    assert names[1:-1] == store.role_titles
    overview = sheets[names[0]]
    assert len(overview) == len(store) and list(overview.columns[4:-2]) == store.role_titles
    for r, title in enumerate(store.role_titles):
        df = sheets[title]
        assert list(df.columns) == list(ROLE_COLUMNS)
        assert list(df["rank"]) == [1, 2, 3, 4]
        assert list(df.score) == sorted(df.score, reverse=True)
        best = int(np.flatnonzero(store.resume_rank[:, r] == 1)[0])
        assert df.path[0] == store.files[best]
        assert df.score[0] == pytest.approx(store.score[best, r], abs=1e-4)
    bad = sheets[names[-1]]
    assert set(bad.status) == {"corrupt", "empty"} and bad.reason.notna().all()
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:")
        assert 8 <= ws.column_dimensions["B"].width <= 62


def test_xlsx_min_score_and_missing_openpyxl(store, tmp_path, monkeypatch):
    pytest.importorskip("openpyxl")
    import pandas as pd

    from rolematch.excel import write_xlsx

    out = tmp_path / "m.xlsx"
    write_xlsx(store, out, min_score=0.5)
    sheets = pd.read_excel(out, sheet_name=None)
    for title in store.role_titles:
        assert (sheets[title].score >= 0.5).all()

    import sys

    from rolematch.exceptions import MissingDependencyError

    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if not installed

    with pytest.raises(MissingDependencyError, match=r"pip install 'rolematch\[excel\]'"):
        write_xlsx(store, tmp_path / "n.xlsx")
    assert not (tmp_path / "n.xlsx").exists()


def test_atomic_write_keeps_the_old_file_when_interrupted(tmp_path):
    out = tmp_path / "r.csv"
    out.write_text("old,complete\n", "utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_write(out) as f:
        f.write("half a ro")
        raise KeyboardInterrupt
    assert out.read_text("utf-8") == "old,complete\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]


def test_atomic_write_gives_a_new_report_the_usual_mode_and_keeps_an_old_ones(tmp_path):
    import os
    import stat

    old = os.umask(0o027)
    try:
        with atomic_write(tmp_path / "new.csv") as f:
            f.write("a\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o640  # not mkstemp's 0600
    kept = tmp_path / "kept.csv"
    kept.write_text("x\n", "utf-8")
    kept.chmod(0o604)
    with atomic_write(kept) as f:
        f.write("y\n")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o604 and kept.read_text("utf-8") == "y\n"


def test_atomic_write_writes_through_a_link_and_into_a_pipe(tmp_path):
    import os
    import threading

    target = tmp_path / "shared" / "ranking.csv"
    target.parent.mkdir()
    target.write_text("old\n", "utf-8")
    link = tmp_path / "ranking.csv"
    link.symlink_to(target)
    with atomic_write(link) as f:
        f.write("new\n")
    assert link.is_symlink() and target.read_text("utf-8") == "new\n"

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text("utf-8")), daemon=True)
    reader.start()
    with atomic_write(fifo) as f:
        f.write("a,b\n")
    reader.join(timeout=10)
    assert got == ["a,b\n"]
    assert fifo.is_fifo()  # still a pipe, not a file renamed over it


def test_store_spool_is_anonymous(results, tmp_path):
    with BatchResults(ROLES, [fr.file for fr in results], spool_dir=tmp_path) as st:
        for i, fr in enumerate(results):
            st.add(i, fr)
        assert list(Path(tmp_path).iterdir()) == []  # nothing to leave behind if killed


def test_a_store_without_explanations_has_the_same_rows_and_says_why_not_more(folder, store):
    matcher = Matcher(encoder=HashingEncoder()).fit(ROLES)
    with score_paths(folder, matcher=matcher, explain=False) as lean:
        for name in ("score", "keyword", "semantic", "facet", "role_rank", "resume_rank"):
            np.testing.assert_array_equal(getattr(lean, name), getattr(store, name))
        assert list(long_rows(lean)) == list(long_rows(store))
        i = next(i for i in range(len(lean)) if lean.ok(i))
        with pytest.raises(KeyError, match=r"no explanation \(run with explain=True\)"):
            lean.explanation(i, 0)
        j = next(j for j in range(len(lean)) if not lean.ok(j))
        with pytest.raises(KeyError, match="has no result for role"):
            lean.explanation(j, 0)


# ------------------------------------------------------------- formula-safe reports

HOSTILE_PDF = "=cmd|' -C calc'!A0.pdf"
# a file name cannot hold "/": the link's target is a plain word
HOSTILE_NAMES = ('=HYPERLINK("x.cn","y").txt', "+1-2.txt", "@SUM(A1).txt", "-3.txt")
HOSTILE_ROLE = ROLES[0].__class__(
    id="=evil",
    title='=HYPERLINK("http://x","点我")<script>',
    duties=("=1+1 负责手机银行APP运营与迭代", "@负责渠道数据分析"),
    requirements=("-金融相关专业", "+熟悉手机银行"),
)
HOSTILE_CV = "工作经历\n=SUM(1,2) 负责手机银行APP运营与迭代，月活提升30%。\n\t负责渠道数据分析。\n"


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    """Results for files with hostile names (real files, relative paths) and a hostile role."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(next(f for f in example_files() if f.suffix == ".pdf"), HOSTILE_PDF)
    for name in HOSTILE_NAMES:
        Path(name).write_text(HOSTILE_CV, "utf-8")
    Path("\rcr.txt").write_text(HOSTILE_CV, "utf-8")
    names = [HOSTILE_PDF, *HOSTILE_NAMES, "\rcr.txt"]
    matcher = Matcher(encoder=HashingEncoder()).fit([HOSTILE_ROLE, *ROLES[:2]])
    with score_paths(names, matcher=matcher, file_timeout=None) as res:
        assert res.counts() == {"ok": len(names)}
        yield res


def _unsafe(value: str) -> bool:
    return value[:1] in ("=", "+", "-", "@", "\t", "\r")


def test_csv_cells_are_formula_safe(hostile, tmp_path):
    long, wide = tmp_path / "x.csv", tmp_path / "x.wide.csv"
    write_csv(long_rows(hostile), long)
    write_wide_csv(hostile, wide)
    for path in (long, wide):
        with open(path, encoding="utf-8-sig", newline="") as f:
            cells = [c for row in csv.reader(f) for c in row]
        assert not [c for c in cells if _unsafe(c)]
        assert "'" + HOSTILE_PDF in cells and "'" + HOSTILE_ROLE.id in cells
    with open(long, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["file"] for r in rows} == {"'" + n for n in hostile.files}
    assert {r["role_title"] for r in rows} >= {"'" + HOSTILE_ROLE.title}
    assert all(0 <= float(r["score"]) <= 1 for r in rows)  # numbers stay numbers


def test_wide_csv_has_each_files_warnings_as_the_long_csv_has_them(hostile, tmp_path):
    # The wide CSV had no warnings column: a recruiter reading the matrix could not see
    # that five of these files are one résumé (each row's "duplicate: same text as …").
    long, wide = tmp_path / "x.csv", tmp_path / "x.wide.csv"
    write_csv(long_rows(hostile, top_k=2), long)
    write_wide_csv(hostile, wide, top_k=2)
    with open(long, encoding="utf-8-sig", newline="") as f:
        long_warnings = {r["file"]: r["warnings"] for r in csv.DictReader(f)}
    with open(wide, encoding="utf-8-sig", newline="") as f:
        header, *rows = list(csv.reader(f))
    assert header[-2:] == ["warnings", "reason"]
    by_file = {row[0]: row[header.index("warnings")] for row in rows}
    assert by_file == long_warnings and len(by_file) == len(hostile)
    dup = by_file["'" + HOSTILE_NAMES[0]]
    assert dup.startswith("duplicate: same text as ") and "+1-2.txt" in dup


def test_xlsx_has_no_formula_cell(hostile, tmp_path):
    pytest.importorskip("openpyxl")
    import openpyxl

    from rolematch.excel import write_xlsx

    out = tmp_path / "x.xlsx"
    write_xlsx(hostile, out)
    wb = openpyxl.load_workbook(out)
    texts, numbers = [], 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                    # a string cell (no leading ' shown in Excel), quote-
                    # prefixed where it starts like a formula (tests/test_excel.py)
                    assert cell.data_type == "s" and bool(cell.quotePrefix) == _unsafe(cell.value)
                numbers += isinstance(cell.value, float)
    assert HOSTILE_PDF in texts and HOSTILE_ROLE.title in texts
    assert any(t.startswith("=1+1 负责手机银行") for t in texts)  # evidence: duty ⇐ sentence
    assert numbers >= len(hostile) * 3  # scores are numbers


def test_html_escapes_hostile_names_and_titles(hostile):
    from rolematch.html_report import write_html

    buf = io.StringIO()
    write_html(hostile, buf)
    page = buf.getvalue()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert '=HYPERLINK("http' not in page and "=HYPERLINK(&quot;http" in page


def test_reports_name_a_learned_word_preference(folder, tmp_path):
    # A team profile that prizes 坐席 (a contact-centre background): the rows of the
    # résumés that hold it say so in the Excel role sheet, the HTML card and the CSV.
    pytest.importorskip("openpyxl")
    import pandas as pd

    from rolematch.excel import write_xlsx
    from rolematch.html_report import write_html
    from rolematch.profile import load_profile

    doc = {**load_profile("e5-small").to_dict(), "term_bonus": {"坐席": 1.0}, "name": "客服小组"}
    matcher = Matcher(encoder=HashingEncoder(), profile=doc).fit(ROLES)
    files = collect_files([folder])
    with BatchResults(ROLES, files) as st:
        for i, fr in iter_results(files, matcher=matcher):
            st.add(i, fr)
        res = st.finish()
        write_xlsx(res, tmp_path / "s.xlsx")
        write_html(res, tmp_path / "s.html")
        write_csv(long_rows(res), tmp_path / "s.csv")
    sheet = pd.read_excel(tmp_path / "s.xlsx", sheet_name="客户服务团队主管", dtype=str)
    cells = sheet["team_preference"].fillna("")
    assert (cells == "坐席 +1.00").any()  # the contact-centre manager's résumé
    assert set(cells) <= {"", "坐席 +1.00"}
    assert "team preference (客服小组): 坐席 +1.00" in (tmp_path / "s.html").read_text("utf-8")
    assert "team preference: 坐席 +1.00" in (tmp_path / "s.csv").read_text("utf-8")


def test_a_role_titled_like_a_fixed_sheet_does_not_move_it(results, tmp_path):
    pytest.importorskip("openpyxl")
    import dataclasses

    import pandas as pd

    from rolematch.excel import write_xlsx

    roles = [dataclasses.replace(ROLES[0], title="无法读取 Unreadable"), *ROLES[1:]]
    with BatchResults(roles, [fr.file for fr in results]) as st:
        for i, fr in enumerate(results):
            st.add(i, fr)
        store = st.finish()
    out = tmp_path / "t.xlsx"
    write_xlsx(store, out)
    names = list(pd.read_excel(out, sheet_name=None))
    assert names[1] == "无法读取 Unreadable (2)" and names[-1] == "无法读取 Unreadable"


# ------------------------------------------------------- cells Excel cannot hold

CTRL_ROLE = ROLES[0].__class__(
    id="ctrl",
    title="手机银行\v团队\x01主管",
    duties=("负责手机银行APP运营与迭代",),
    requirements=("金融相关专业",),
)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_xlsx_replaces_characters_xml_cannot_hold(tmp_path, monkeypatch):
    # A control character in a file name, in a reason (a broken link's target) or in a
    # role title crashed the writer (IllegalCharacterError) and stopped every later
    # output; the workbook now shows U+FFFD in its place, the CSV keeps the name as is.
    pytest.importorskip("openpyxl")
    import pandas as pd

    from rolematch.excel import write_xlsx

    monkeypatch.chdir(tmp_path)
    Path("a\x01b.txt").write_text(HOSTILE_CV, "utf-8")
    os.symlink("/no\x01where", "link.txt")
    matcher = Matcher(encoder=HashingEncoder()).fit([CTRL_ROLE, *ROLES[:1]])
    with score_paths(["a\x01b.txt", "link.txt"], matcher=matcher, file_timeout=None) as res:
        write_xlsx(res, tmp_path / "c.xlsx")
        write_csv(long_rows(res), tmp_path / "c.csv")
    sheets = pd.read_excel(tmp_path / "c.xlsx", sheet_name=None, dtype=str)
    assert list(sheets)[1] == "手机银行\ufffd团队\ufffd主管"
    overview = sheets["总览 Overview"]
    assert "手机银行\ufffd团队\ufffd主管" in overview.columns
    assert list(overview.file) == ["a\ufffdb.txt", "link.txt"]
    assert "'/no\ufffdwhere'" in sheets["无法读取 Unreadable"].reason[0]
    assert sheets["手机银行\ufffd团队\ufffd主管"].file[0] == "a\ufffdb.txt"
    with open(tmp_path / "c.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["file"] == "a\x01b.txt" and rows[0]["role_title"] == CTRL_ROLE.title


def test_xlsx_a_role_titled_history_gets_another_sheet_name(results, tmp_path):
    # Excel reserves the sheet name "History" (any case): a workbook using it asks to
    # be repaired; the role's sheet is named as if the name were taken.
    pytest.importorskip("openpyxl")
    import dataclasses

    import pandas as pd

    from rolematch.excel import write_xlsx

    roles = [dataclasses.replace(ROLES[0], title="HISTORY"), *ROLES[1:]]
    with BatchResults(roles, [fr.file for fr in results]) as st:
        for i, fr in enumerate(results):
            st.add(i, fr)
        write_xlsx(st.finish(), tmp_path / "h.xlsx")
    names = list(pd.read_excel(tmp_path / "h.xlsx", sheet_name=None))
    assert names[1] == "HISTORY (2)" and not [n for n in names if n.lower() == "history"]


def test_xlsx_cuts_a_cell_past_excels_limit_visibly(results, tmp_path):
    # Excel holds 32,767 characters (UTF-16 units) in a cell; openpyxl cut longer text
    # silently. The cut now ends in "…", and a character outside the BMP counts twice.
    pytest.importorskip("openpyxl")
    import dataclasses

    import openpyxl

    from rolematch.excel import write_xlsx

    long_title = "岗" * 40_000
    roles = [dataclasses.replace(ROLES[0], title=long_title), *ROLES[1:]]
    with BatchResults(roles, [fr.file for fr in results]) as st:
        for i, fr in enumerate(results):
            st.add(i, fr)
        write_xlsx(st.finish(), tmp_path / "l.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "l.xlsx")
    header = [c.value for c in wb.worksheets[0][1]]
    cut = header[4]
    assert len(cut) == 32_767 and cut.endswith("…") and cut[:-1] == long_title[:32_766]

    from rolematch.excel import excel_text

    emoji = excel_text("😀" * 20_000)
    assert len(emoji.encode("utf-16-le")) // 2 <= 32_767 and emoji.endswith("…")
    assert excel_text("短") == "短"


def test_terminal_table_shows_control_characters_as_escapes(tmp_path, monkeypatch):
    # A file named "\x1b[31mRED\x1b[0m.txt" recoloured the terminal: the table copied
    # its escape sequences (and those of a role title or a reason) to stdout as they were.
    monkeypatch.chdir(tmp_path)
    Path("\x1b[31mRED\x1b[0m.txt").write_text(HOSTILE_CV, "utf-8")
    Path("tab\tname\u202e.txt").write_text(HOSTILE_CV, "utf-8")
    Path("empty\x07.txt").write_bytes(b"")
    Path("张三 简历.txt").write_text(HOSTILE_CV, "utf-8")
    matcher = Matcher(encoder=HashingEncoder()).fit([CTRL_ROLE, *ROLES[:1]])
    names = ["\x1b[31mRED\x1b[0m.txt", "tab\tname\u202e.txt", "empty\x07.txt", "张三 简历.txt"]
    with score_paths(names, matcher=matcher, file_timeout=None) as res:
        table = to_text(res, top_k=2)
    assert not [ch for ch in table if ch != "\n" and not ch.isprintable() and ch != " "]
    assert "\\x1b[31mRED\\x1b[0m.txt" in table and "tab\\tname\\u202e.txt" in table
    assert "empty\\x07.txt" in table and "手机银行\\x0b团队\\x01主管" in table
    assert "张三 简历.txt" in table  # printable text, a space included, stays as it is
    # the warnings listed below the table name the other files, escaped the same way
    rows, notes = table.split("\nwarnings:\n")
    assert "\\x1b[31mRED\\x1b[0m.txt [1]" in rows
    assert "[1] \\x1b[31mRED\\x1b[0m.txt: duplicate: same text as tab\\tname\\u202e.txt" in notes


@pytest.mark.semantic
def test_jsonl_gives_an_unsupported_duty_no_sentence(shared_dir, tmp_path):
    # one CV gave the same unrelated line as the 'sentence' of 19 duties at support 0
    from rolematch.cli import main

    cvs = [shared_dir / "realworld" / n for n in OFF_AND_PARTIAL_CVS]
    out = tmp_path / "x.jsonl"
    assert main(["score", *map(str, cvs), "-o", str(out), "-q"]) == 0
    recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(recs) == 2 * len(ROLES)
    unsupported = 0
    for r in recs:
        level = r["covered_support"]
        n = 0
        for ev in r["evidence"]:
            assert isinstance(ev["cosine"], float) and isinstance(ev["support"], float)
            if ev["support"] > 0 and ev["support"] >= level:
                assert ev["sentence"], ev
                n += 1
            else:
                assert ev["sentence"] is None and ev["page"] is None, ev
                unsupported += ev["support"] == 0
        assert f"duties supported: {n}/{len(r['evidence'])}" in r["reason"]
    assert unsupported > 0
    partial = next(r for r in recs if "WangLuyao" in r["file"] and r["role_id"] == "portal-content")
    assert any(ev["sentence"] for ev in partial["evidence"])
