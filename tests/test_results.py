"""BatchResults: its lifetime, the parameters of its views and its docstring example."""

from __future__ import annotations

import doctest
from pathlib import Path

import numpy as np
import pytest

from rolematch import BatchResults, Matcher, load_roles
from rolematch.batch import collect_files, iter_results
from rolematch.exceptions import RolematchError
from tests._encoders import HashingEncoder
from tests.conftest import example_files

ROLES = load_roles()


@pytest.fixture(scope="module")
def results():
    files = collect_files(example_files()[:3])
    matcher = Matcher(encoder=HashingEncoder()).fit(ROLES)
    out = [None] * len(files)
    for i, fr in iter_results(files, matcher=matcher, file_timeout=None):
        out[i] = fr
    return out


def _store(results) -> BatchResults:
    st = BatchResults(ROLES, [fr.file for fr in results])
    for i, fr in enumerate(results):
        st.add(i, fr)
    return st.finish()


def test_reading_a_closed_batch_says_what_happened_and_what_to_do(results):
    # after the with block the spool is gone: this was "ValueError: seek of closed file"
    with _store(results) as res:
        frame = res.to_frame()
    assert repr(res).startswith("BatchResults(3 files") and res.counts() == {"ok": 3}
    for read in (res.to_frame, lambda: res.explanation(0, 0), lambda: res.matches(0),
                 lambda: res.match_reason(0, 0)):  # fmt: skip
        with pytest.raises(RolematchError, match=r"was closed \(its with block ended"):
            read()
    assert len(frame) == 3 * len(ROLES)


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"top_k": 0}, "The 'top_k' parameter of BatchResults.to_frame must be a positive int "
                       "or None. Got 0 instead."),
        ({"top_k": -1}, "'top_k' .* Got -1 instead"),
        ({"top_k": 1.5}, "'top_k' .* Got 1.5 instead"),
        ({"top_k": "2"}, "'top_k' .* Got '2' instead"),
        ({"top_k": True}, "'top_k' .* Got True instead"),
        ({"min_score": 2}, "The 'min_score' parameter of BatchResults.to_frame must be a float in "
                           r"the range \[0, 1\] or None. Got 2 instead."),
        ({"min_score": -0.1}, r"'min_score' .* Got -0.1 instead"),
        ({"min_score": float("nan")}, "'min_score' .* Got nan instead"),
        ({"min_score": "0.5"}, "'min_score' .* Got '0.5' instead"),
    ],
)  # fmt: skip
def test_to_frame_and_keep_check_top_k_and_min_score(results, kw, message):
    with _store(results) as res:
        with pytest.raises(ValueError, match=message):
            res.to_frame(**kw)
        with pytest.raises(ValueError, match=message.replace("to_frame", "keep")):
            res.keep("role", **kw)


def test_valid_top_k_and_min_score_are_accepted(results):
    with _store(results) as res:
        assert len(res.to_frame(top_k=np.int64(2), min_score=np.float32(0))) == 3 * 2
        assert len(res.to_frame(top_k=None, min_score=1)) == 3  # one row per file says why
        assert res.keep("role", top_k=1, min_score=0.0).sum() == len(ROLES)


def test_the_docstring_example_runs_as_copied():
    # the example used FileResult without importing it: copied, it was a NameError
    (test,) = doctest.DocTestFinder(recurse=False).find(BatchResults, "BatchResults", globs={})
    test.globs = {}  # nothing but what the example imports itself
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_a_library_user_writes_the_reports_the_cli_writes(results, tmp_path):
    import csv
    import io
    import json

    import openpyxl

    with _store(results) as st:
        assert st.write(tmp_path / "r.csv", top_k=2).endswith("rows")
        st.write(tmp_path / "r.xlsx")
        st.write(tmp_path / "r.html")
        buf = io.StringIO()
        st.write(buf, "jsonl")
        with pytest.raises(ValueError, match="'fmt'"):
            st.write(io.StringIO())  # a stream names no format
        st.write(tmp_path / "w.csv", format="wide.csv")  # as the suffix says it
        with pytest.raises(ValueError, match="'format' parameter of BatchResults.write"):
            st.write(tmp_path / "x.csv", format="excel")
    with (tmp_path / "r.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 2 * len(results)  # top_k=2 roles a file
    assert {json.loads(x)["file"] for x in buf.getvalue().splitlines()} == {
        fr.file for fr in results
    }
    assert len(openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames) > len(ROLES)
    assert "<html" in (tmp_path / "r.html").read_text("utf-8").lower()


def test_write_refuses_what_it_cannot_write_right(results, tmp_path):
    st = _store(results)
    with pytest.raises(ValueError, match="résumés"):
        st.write(results[0].file, format="csv")  # never over a résumé of the batch
    st.close()
    with pytest.raises(RolematchError, match="closed"):
        st.write(tmp_path / "late.csv")  # its reasons are gone: no rows of errors
    assert not (tmp_path / "late.csv").exists()
    files = [fr.file for fr in results]
    matcher = Matcher(encoder=HashingEncoder()).fit(ROLES)
    with BatchResults(ROLES, files) as bare:
        for i, fr in iter_results(files, matcher=matcher, file_timeout=None, explain=False):
            bare.add(i, fr)
        bare.finish()
        assert bare.write(tmp_path / "r.csv").endswith("rows")  # scores and reasons only
        with pytest.raises(RolematchError, match="explain=False"):
            bare.write(tmp_path / "r.jsonl")


def test_files_with_the_same_text_are_all_scored_and_each_names_the_others(tmp_path):
    same, other = (f.read_text("utf-8") for f in example_files()[:2])
    for name in ("a.txt", "b.txt", "c.txt", "d.txt", "e.txt"):
        (tmp_path / name).write_text(same, "utf-8")
    (tmp_path / "other.txt").write_text(other, "utf-8")
    files = collect_files([tmp_path])
    path = {Path(f).name: str(f) for f in files}
    matcher = Matcher(encoder=HashingEncoder()).fit(ROLES)
    for rerun in (False, True):  # the rerun reads every file from the cache
        with BatchResults(ROLES, files) as res:
            stream = iter_results(files, matcher=matcher, file_timeout=None, cache=tmp_path / "c")
            for i, fr in stream:
                assert fr.cached or not rerun
                res.add(i, fr)
            res.finish().finish()  # finished twice: still one note
            notes = {
                Path(f).name: [w for w in ws if w.startswith("duplicate:")]
                for f, ws in zip(res.files, res.warnings, strict=True)
            }
            frame = res.to_frame()
        assert res.counts() == {"ok": 6} and len(frame) == 6 * len(ROLES)
        assert notes["a.txt"] == [
            f"duplicate: same text as {path['b.txt']}, {path['c.txt']}, {path['d.txt']} and 1 more"
        ]
        assert notes["e.txt"][0].startswith(f"duplicate: same text as {path['a.txt']}, ")
        assert notes["other.txt"] == []
        by_file = frame.groupby("file")["warnings"].first()
        assert by_file[path["b.txt"]].endswith(" and 1 more")
        assert "duplicate" not in by_file[path["other.txt"]]


def test_a_roles_shortlist_lists_each_text_once_and_top_k_counts_people(tmp_path):
    # a nightly batch held CVs twice (PDF and Word): the top of every role sheet was the
    # same person two or three times, and --top-k 5 showed 2-3 people
    texts = [f.read_text("utf-8") for f in example_files() if f.suffix == ".txt"]
    texts.append("2016-至今 某银行 手机银行产品经理，负责手机银行APP迭代与月活提升。")
    for name, k in (("a.txt", 0), ("b.txt", 1), ("a2.txt", 0), ("c.txt", 2), ("a3.txt", 0)):
        (tmp_path / name).write_text(texts[k], "utf-8")
    (tmp_path / "d.txt").write_text(texts[3], "utf-8")
    files = collect_files([tmp_path])
    matcher = Matcher(encoder=HashingEncoder()).fit(ROLES)
    with BatchResults(ROLES, files) as res:
        for i, fr in iter_results(files, matcher=matcher, file_timeout=None):
            res.add(i, fr)
        res.finish()
        names = [Path(f).name for f in res.files]
        keep = res.keep("role", top_k=3)
        assert (keep.sum(axis=0) == 3).all()  # three people for every role
        first = names.index("a.txt")
        for r in range(len(ROLES)):
            shown = [names[i] for i in np.flatnonzero(keep[:, r])]
            assert not {"a2.txt", "a3.txt"} & set(shown), shown
            ahead = [
                i for i in range(len(res)) if res.resume_rank[i, r] < res.resume_rank[first, r]
            ]
            if len({res.text_hash[i] for i in ahead}) < 3:  # a.txt is among the 3 best texts
                assert "a.txt" in shown
        assert res.keep("resume", top_k=3)[names.index("a2.txt")].sum() == 3  # its own rows
        assert len(res.to_frame()) == 6 * len(ROLES)  # the long format keeps every file


def test_scores_equal_to_the_shown_digit_rank_in_file_order(results):
    """One process and two workers sum a score's floats in other orders (1e-8 apart):
    the ranks follow the 4 shown decimals, so both runs write the same rows."""
    import dataclasses

    a, b = results[0], results[1]
    base = a.scores.copy()
    nudged = base.copy()
    nudged[0] = base[0] + 3e-8  # the later file's scores a hair above, as a thread order gives
    with BatchResults(ROLES, [a.file, b.file]) as st:
        st.add(0, a)
        st.add(1, dataclasses.replace(a, file=b.file, scores=nudged))
        st.finish()
        shown = np.round(base[0], 4)
        same = np.abs(base[0] - shown) < 4e-5  # not at a rounding edge
        assert same.any()
        assert (st.resume_rank[0, same] == 1).all() and (st.resume_rank[1, same] == 2).all()


def test_a_row_below_min_score_names_its_best_score_as_the_score_column(results):
    """'no role scores 0.95 or more; best: 0.95' for a 0.9452 read as a contradiction."""
    with _store(results) as st:
        best = float(np.nanmax(st.score[0]))
        floor = round(best, 2) if round(best, 2) > best else round(best, 2) + 0.01
        reason = st.row_reason(0, min_score=floor)
        assert reason.endswith(f" {best:.4f}"), reason
        assert f"{floor:g} or more" in reason


def test_a_pdfs_spacing_of_the_personal_data_makes_no_second_candidate():
    # a PDF of a .docx spaces 1987 年 1 月 (devset D03, D23: counted twice by the audit)
    from rolematch.results import text_fingerprint
    from rolematch.sections import resume_from_text

    body = "\n工作经历\n2015-至今 某银行 客服中心 主管，负责坐席管理与投诉处理"
    docx = resume_from_text("马浩然 男 出生年月：1987年1月" + body)
    pdf = resume_from_text("马浩然 男 出生年月：1987 年 1 月" + body)
    other = resume_from_text("马浩然 男 出生年月：1988年1月" + body)
    assert docx.personal != pdf.personal  # as written, spaced
    assert text_fingerprint(docx) == text_fingerprint(pdf) != text_fingerprint(other)
