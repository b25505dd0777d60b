"""The batch engine: files, worker pool, crash isolation, and the incremental caches.

The cache tests count calls of the real reader (``read_resume``) and of the real
model (``SentenceTransformerEncoder._encode_model``), wrapped, not replaced.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from rolematch import BatchResults, Matcher, load_profile, load_roles
from rolematch.batch import (
    BatchStats,
    collect_files,
    default_workers,
    iter_results,
    score_paths,
)
from rolematch.batch.reader import GuardedReader
from rolematch.cache import ExtractionCache, extractor_version
from rolematch.profile import ProfileWarning
from rolematch.sections import resume_from_text
from tests._encoders import HashingEncoder
from tests.conftest import ROOT, example_files

ROLES = load_roles()
MODEL = "static-zh"


class CrashingEncoder(HashingEncoder):
    """Kills its process on a sentence with CRASH-ME in it, as a native crash would."""

    def encode(self, sentences):
        if any("CRASH-ME" in s for s in sentences):
            os._exit(3)
        return super().encode(sentences)


class RaisingEncoder(HashingEncoder):
    """Raises on a sentence with RAISE-ME in it, as a bug in one stage would."""

    def encode(self, sentences):
        if any("RAISE-ME" in s for s in sentences):
            raise UnicodeEncodeError("utf-8", "\ud83d", 0, 1, "surrogates not allowed")
        return super().encode(sentences)


class StaticZhHashingEncoder(HashingEncoder):
    """Says it runs static-zh (a bundled profile's model), so a profile is checked against it."""

    model_id = "static-zh@test-hashing-bigrams"


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "cvs"
    d.mkdir()
    for f in example_files():
        shutil.copy(f, d / f.name)
    (d / "bad.pdf").write_bytes(b"%PDF-1.7\n this is not really a pdf")
    return d


@pytest.fixture
def shared_or_examples():
    """A dev-set sample (five producers) when ../shared is there, else nothing extra."""
    dev = ROOT.parent / "shared" / "devset" / "files"
    return sorted(dev.iterdir())[:12] if dev.is_dir() else []


@pytest.fixture(autouse=True)
def _importable_tests(monkeypatch):
    # spawned workers unpickle test encoders by module name: tests.<module>
    monkeypatch.syspath_prepend(str(ROOT))


@pytest.fixture
def calls(monkeypatch):
    """Counts what the real reader reads and what the real model encodes."""
    from rolematch.features.embeddings import SentenceTransformerEncoder
    from rolematch.io import extract

    seen: dict[str, list[str]] = {"read": [], "encoded": []}
    real_read = extract.read_resume
    real_encode = SentenceTransformerEncoder._encode_model

    def read(path, **kw):
        seen["read"].append(Path(path).name)
        return real_read(path, **kw)

    def encode(self, texts):
        seen["encoded"].extend(texts)
        return real_encode(self, texts)

    monkeypatch.setattr(extract, "read_resume", read)
    monkeypatch.setattr(SentenceTransformerEncoder, "_encode_model", encode)
    return seen


def _scores(results: BatchResults) -> np.ndarray:
    with results:
        return results.score.copy()


# ----------------------------------------------------------------------------- files


def test_collect_files_recurses_skips_hidden_and_keeps_named_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "cv.PDF").write_bytes(b"x")
    (tmp_path / "a" / "cv.txt").write_text("x")
    (tmp_path / "a" / "notes.doc").write_bytes(b"x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "cv.txt").write_text("x")
    named = tmp_path / "a" / "notes.doc"
    got = collect_files([tmp_path, named, tmp_path / "a" / "cv.txt"])
    assert [p.relative_to(tmp_path).as_posix() for p in got] == [
        "a/b/cv.PDF", "a/cv.txt", "a/notes.doc"]  # fmt: skip
    # a missing file named explicitly is listed: it gets its record (file not found)
    assert collect_files([tmp_path / "missing"]) == [tmp_path / "missing"]


def _one_each(tmp_path: Path) -> Path:
    """A folder with a résumé, files of other types, hidden and lock files, an image."""
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    shutil.copy(example_files()[0], d / example_files()[0].name)
    (d / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    (d / "cv.rtf").write_bytes(b"{\\rtf1 hello}")
    (d / "cv.md").write_text("# 简历\n", "utf-8")
    (d / "sub" / "cv.html").write_text("<html><body>简历</body></html>", "utf-8")
    (d / "cv.json").write_text('{"name": "x"}', "utf-8")
    (d / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    (d / ".DS_Store").write_bytes(b"\0\0")
    (d / "~$cv.docx").write_bytes(b"\0" * 162)  # Word's lock file
    (d / ".git").mkdir()
    (d / ".git" / "cv.txt").write_text("x", "utf-8")
    return d


def test_folder_scan_gives_every_file_a_row_and_counts_hidden_and_lock_files(tmp_path):
    from rolematch.batch import skipped_note
    from rolematch.io.extract import read_resume

    d = _one_each(tmp_path)
    skipped: list[Path] = []
    names = [p.relative_to(d).as_posix() for p in collect_files([d], skipped=skipped)]
    # documents get rows, read (.rtf, .html) or not (.doc); notes and data (.md, .json)
    # are no résumés: left out with the hidden and lock files, and counted
    assert names == sorted([example_files()[0].name, "cv.rtf", "old.doc", "scan.png",
                            "sub/cv.html"])  # fmt: skip
    assert sorted(p.name for p in skipped) == [".DS_Store", ".git", "cv.json", "cv.md",
                                               "~$cv.docx"]  # fmt: skip
    note = "skipped 3 hidden or lock files, 2 files of another type (.json, .md)"
    assert skipped_note(skipped) == note
    stats = BatchStats()
    with score_paths(d, matcher=Matcher(encoder=HashingEncoder()), roles=ROLES, stats=stats,
                     file_timeout=None) as res:  # fmt: skip
        rows = {Path(res.files[i]).relative_to(d).as_posix(): i for i in range(len(res))}
        assert sorted(rows) == names and stats.skipped == 5 and stats.skipped_note == note
        for name, status in (
            ("old.doc", "unsupported"),
            ("cv.rtf", "ok"),
            ("sub/cv.html", "empty"),
        ):
            alone = read_resume(d / name)  # the same record as when passed alone
            assert alone.status == status, (name, alone.reason)
            assert (res.status[rows[name]], res.reason[rows[name]]) == (status, alone.reason)


def test_images_get_an_unreadable_row_when_ocr_is_off(tmp_path):
    d = _one_each(tmp_path)
    assert d / "scan.png" in collect_files([d], images=False)
    with score_paths(d, matcher=Matcher(encoder=HashingEncoder()), roles=ROLES, ocr=False,
                     file_timeout=None) as res:  # fmt: skip
        i = [Path(f).name for f in res.files].index("scan.png")
        assert res.status[i] == "unreadable"  # as a scanned PDF's: one remedy, one status
        assert res.reason[i].startswith("image file (PNG)") and "OCR" in res.reason[i]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs symbolic links and FIFOs")
@pytest.mark.parametrize("file_timeout", [None, 60.0])
def test_broken_links_fifos_and_missing_files_get_rows_and_the_batch_goes_on(
    tmp_path, file_timeout
):
    import threading

    d = tmp_path / "in"
    d.mkdir()
    cv = d / example_files()[0].name
    shutil.copy(example_files()[0], cv)
    (d / "dangling.pdf").symlink_to(tmp_path / "nowhere" / "x.pdf")
    (d / "loop1.txt").symlink_to(d / "loop2.txt")
    (d / "loop2.txt").symlink_to(d / "loop1.txt")
    (d / "link.txt").symlink_to(example_files()[1])  # one to the same file as cv is cv
    os.mkfifo(d / "pipe.txt")  # opened, it would block the batch for good
    expected = {
        cv.name: ("ok", ""),
        "link.txt": ("ok", ""),
        "dangling.pdf": ("unreadable", "broken symbolic link"),
        "loop1.txt": ("unreadable", "broken symbolic link"),
        "loop2.txt": ("unreadable", "broken symbolic link"),
        "pipe.txt": ("unsupported", "not a regular file (FIFO)"),
        "missing.txt": ("unreadable", "file not found"),
    }
    # the folder, and the same files named one by one, with one that does not exist
    named = [*sorted(d.iterdir()), d / "missing.txt"]
    for paths in ([d, d / "missing.txt"], named):
        got: dict[str, tuple[str, str]] = {}

        def run(paths=paths, got=got):
            with score_paths(paths, matcher=Matcher(encoder=HashingEncoder()), roles=ROLES,
                             cache=tmp_path / "cache", file_timeout=file_timeout) as res:  # fmt: skip
                got.update(
                    (Path(f).name, (res.status[i], res.reason[i])) for i, f in enumerate(res.files)
                )

        t = threading.Thread(target=run, daemon=True)
        t.start()
        t.join(120)
        assert not t.is_alive(), "the batch hung (the FIFO was opened?)"
        assert sorted(got) == sorted(expected)
        for name, (status, reason) in expected.items():
            assert got[name][0] == status and got[name][1].startswith(reason), (name, got[name])


def test_default_workers_one_for_small_batches():
    assert default_workers(0, cores=4) == 1
    assert default_workers(399, cores=4) == 1
    assert default_workers(400, cores=4) == 2
    assert default_workers(10_000, cores=4) == 4


def test_workers_parameter_is_checked(folder):
    with pytest.raises(ValueError, match="'workers' parameter must be an int >= 1. Got 0"):
        list(iter_results([folder / "bad.pdf"], matcher={"encoder": HashingEncoder()},
                          roles=ROLES, workers=0))  # fmt: skip


# ------------------------------------------------------------------------ in process


def test_one_bad_file_among_good_ones(folder):
    stats = BatchStats()
    files = collect_files([folder])
    got = dict(iter_results(files, matcher=Matcher(encoder=HashingEncoder()), roles=ROLES,
                            stats=stats))  # fmt: skip
    assert sorted(got) == list(range(len(files))) and stats.files == len(files)
    by_name = {Path(fr.file).name: fr for fr in got.values()}
    bad = by_name.pop("bad.pdf")
    assert bad.resume.status == "corrupt" and bad.resume.reason and bad.scores is None
    for fr in by_name.values():
        assert fr.ok and fr.scores.shape == (4, len(ROLES))
        assert ((fr.scores[0] >= 0) & (fr.scores[0] <= 1)).all()
        assert len(fr.reasons) == len(fr.explanations) == len(ROLES)


def test_score_paths_returns_ranked_results(folder):
    with score_paths(folder, matcher=Matcher(encoder=HashingEncoder()), roles=ROLES) as res:
        assert isinstance(res, BatchResults) and len(res) == len(list(folder.iterdir()))
        ok = [i for i in range(len(res)) if res.ok(i)]
        assert [res.status[i] for i in res.failures()] == ["corrupt"]
        for r in range(len(ROLES)):
            assert sorted(res.resume_rank[ok, r]) == list(range(1, len(ok) + 1))
            best = ok[int(np.argmin(res.resume_rank[ok, r]))]
            assert res.score[best, r] == np.nanmax(res.score[:, r])
        first = res.matches(ok[0])
        assert [m.score for m in first] == sorted(res.score[ok[0]], reverse=True)


def test_to_frame_is_the_long_table(folder):
    from rolematch.results import COLUMNS

    with score_paths(folder, matcher=Matcher(encoder=HashingEncoder()), roles=ROLES) as res:
        frame = res.to_frame()
        top = res.to_frame(top_k=2)
    assert list(frame.columns) == list(COLUMNS)
    n_ok = len(res) - 1
    assert len(frame) == n_ok * len(ROLES) + 1 and len(top) == n_ok * 2 + 1
    bad = frame[frame.status != "ok"]
    assert len(bad) == 1 and bad.role_rank.isna().all() and bad.score.isna().all()
    good = frame[frame.status == "ok"]
    assert good.role_rank.dtype == "Int64" and good.score.dtype == np.float64
    for _, rows in good.groupby("file"):
        assert rows.role_rank.tolist() == list(range(1, len(ROLES) + 1))
        assert rows.score.is_monotonic_decreasing
    assert set(top.role_rank.dropna()) == {1, 2}


# ------------------------------------------------------------------ fault isolation


def test_a_file_whose_scoring_raises_gets_an_error_row(folder):
    cv = "工作经历\n2019.03-至今 某银行 产品经理\n负责手机银行运营与迭代，RAISE-ME。\n"
    (folder / "raises.txt").write_text(cv, "utf-8")
    files = collect_files([folder])
    for workers in (1, 2):
        got = dict(iter_results(files, matcher={"encoder": RaisingEncoder()}, roles=ROLES,
                                workers=workers, chunk_size=4))  # fmt: skip
        assert sorted(got) == list(range(len(files)))
        bad = next(fr for fr in got.values() if fr.file.endswith("raises.txt"))
        assert bad.resume.status == "error"
        assert bad.resume.reason.startswith("UnicodeEncodeError while scoring:")
        assert "surrogates not allowed" in bad.resume.reason
        assert "Traceback" in bad.traceback and "RAISE-ME" not in bad.resume.reason
        others = [fr for fr in got.values() if fr is not bad and not fr.file.endswith("bad.pdf")]
        assert others and all(fr.ok for fr in others)  # its chunk-mates were re-scored alone


TIMED_OUT = (
    "timed out after 0.001 s (the time limit per file: --file-timeout SECONDS, "
    "file_timeout= in Python)"
)


def test_a_slow_file_times_out_and_the_reader_recovers(folder):
    pdf = next(folder.glob("*.pdf"))
    with GuardedReader({"max_pages": 5, "redact": True, "ocr": False}, timeout=0.001) as g:
        record, tb = g.read(pdf)
        assert (record.status, record.reason) == (
            "error",
            TIMED_OUT,
        )
        assert "killed" in tb and g.restarts == 1
        g.timeout = 120.0
        record, tb = g.read(pdf)
    assert record.ok and tb == "" and record.source == str(pdf)


def test_files_read_ahead_come_back_whole_in_any_order(folder):
    files = sorted(folder.iterdir())
    with GuardedReader({"max_pages": 5, "redact": True, "ocr": False}, timeout=60) as g:
        g.prefetch(files[1:])
        got = {f.name: g.read(f)[0] for f in reversed(files)}  # files[0] was not sent ahead
    assert {n: r.source for n, r in got.items()} == {f.name: str(f) for f in files}
    assert got["bad.pdf"].status == "corrupt"
    assert all(r.ok for n, r in got.items() if n != "bad.pdf") and g.restarts == 0


def test_a_busy_caller_does_not_time_out_files_read_ahead_in_time(folder):
    # each file's clock runs while the child reads it, not while the caller is busy
    files = sorted(f for f in folder.iterdir() if f.name != "bad.pdf")[:3]
    with GuardedReader({"max_pages": 5, "redact": True, "ocr": False}, timeout=2.0) as g:
        g.prefetch(files)
        time.sleep(4.0)  # the caller scores another chunk
        records = [g.read(f)[0] for f in files]
    assert all(r.ok for r in records) and g.restarts == 0


def test_a_file_read_ahead_that_took_too_long_is_still_timed_out(folder):
    files = sorted(f for f in folder.iterdir() if f.name != "bad.pdf")[:2]
    with GuardedReader({"max_pages": 5, "redact": True, "ocr": False}, timeout=0.001) as g:
        g.prefetch(files)
        time.sleep(3.0)  # the child has read both, each in more than a millisecond
        got = [g.read(f) for f in files]
    assert [r.reason for r, _ in got] == [TIMED_OUT] * 2
    assert all("took more than 0.001 s" in tb for _, tb in got) and g.restarts == 0


def test_file_timeout_in_a_batch(tmp_path):
    # files that take ~100 ms each to read (a 1.4-million-character text is cut and
    # normalised): a 1 ms limit stops every one, however fast the machine (a tiny file
    # could be read inside 1 ms, and the test would depend on the clock)
    line = "2019.05-至今 某银行 负责客户服务与投诉处理，管理坐席团队。\n"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(line * 40_000, encoding="utf-8")
    files = collect_files([tmp_path])
    got = dict(iter_results(files, matcher=Matcher(encoder=HashingEncoder()), roles=ROLES,
                            file_timeout=0.001))  # fmt: skip
    assert sorted(got) == list(range(len(files)))
    assert {fr.resume.reason for fr in got.values()} == {TIMED_OUT}


def test_file_timeout_parameter_is_checked(folder):
    with pytest.raises(ValueError, match="'file_timeout' parameter must be a number of seconds"):
        list(iter_results([folder / "bad.pdf"], matcher={"encoder": HashingEncoder()},
                          roles=ROLES, file_timeout=0))  # fmt: skip


# --------------------------------------------------------------------------- caches


def test_extraction_cache_round_trip_and_version(tmp_path):
    path = tmp_path / "x.sqlite"
    cache = ExtractionCache(path)
    r = resume_from_text("负责手机银行APP运营，月活提升30%。", source="a.txt")
    cache.put("abc", r, "redact=True")
    hit = cache.get("abc", "elsewhere/b.txt", "redact=True")
    assert hit == dataclasses.replace(r, source="elsewhere/b.txt")
    assert cache.get("abc", "a.txt", "redact=False") is None
    assert ExtractionCache(path, version="other").get("abc", "a.txt", "redact=True") is None
    assert len(cache) == 1 and len(extractor_version()) == 16


def test_the_same_bytes_under_another_kind_of_name_are_not_the_cached_record(tmp_path):
    # a .txt and its copy saved without a suffix: only the copy is named as another
    # type; with a cache, the first one's record (or warning) was the other's too
    folder = tmp_path / "cvs"
    folder.mkdir()
    text = "工作经历\n2018-至今 某银行 手机银行团队 产品经理，负责手机银行APP运营。\n"
    for name in ("a.txt", "a_copy", "b.txt"):
        (folder / name).write_text(text, "utf-8")
    kw = {"roles": ROLES, "model": MODEL, "file_timeout": None}

    def mismatch(**more):
        with score_paths(folder, **kw, **more) as res:
            return {
                Path(f).name: any("type_mismatch" in w for w in ws)
                for f, ws in zip(res.files, res.warnings, strict=True)
            }

    plain = mismatch()
    assert plain == {"a.txt": False, "a_copy": True, "b.txt": False}
    for _ in range(2):  # the run that fills the cache, and the one that reads it
        assert mismatch(cache=tmp_path / "cache") == plain


def test_rerun_reads_and_encodes_only_changed_files(folder, tmp_path, calls):
    cache = tmp_path / "cache"
    # file_timeout=None: read in this process, where ``calls`` counts the reads
    kw = {"roles": ROLES, "model": MODEL, "cache": cache, "file_timeout": None}
    first = score_paths(folder, **kw)
    assert sorted(calls["read"]) == sorted(p.name for p in folder.iterdir())
    assert calls["encoded"]  # duties and résumé sentences, once

    calls["read"].clear(), calls["encoded"].clear()
    again = score_paths(folder, **kw)
    assert calls["read"] == [] and calls["encoded"] == []
    np.testing.assert_array_equal(_scores(again), _scores(first))

    # one file changes, one is copied under a new name
    changed = folder / "04_consumer_protection.txt"
    changed.write_text(changed.read_text("utf-8") + "\n负责全行消保投诉溯源分析与整改督办工作。\n",
                       "utf-8")  # fmt: skip
    shutil.copy(folder / "05_internal_control.txt", folder / "copy_of_05.txt")
    calls["read"].clear(), calls["encoded"].clear()
    third = score_paths(folder, **kw)
    assert calls["read"] == ["04_consumer_protection.txt"]
    assert calls["encoded"] == ["负责全行消保投诉溯源分析与整改督办工作。"]
    names = [Path(f).name for f in third.files]
    i, j = names.index("copy_of_05.txt"), names.index("05_internal_control.txt")
    np.testing.assert_array_equal(_scores(third)[i], _scores(third)[j])


def test_editing_a_role_rescores_without_rereading_or_reencoding(folder, tmp_path, calls):
    cache = tmp_path / "cache"
    before = _scores(score_paths(folder, roles=ROLES, model=MODEL, cache=cache, file_timeout=None))
    role = ROLES[4]
    new_duty = "负责远程银行客户服务中心的坐席排班、质检和投诉处理。"
    edited = [*ROLES[:4], dataclasses.replace(role, duties=(*role.duties, new_duty)), *ROLES[5:]]
    calls["read"].clear(), calls["encoded"].clear()
    after = _scores(score_paths(folder, roles=edited, model=MODEL, cache=cache, file_timeout=None))
    assert calls["read"] == []
    assert calls["encoded"] == [new_duty]  # the new duty only; no résumé sentence
    ok = ~np.isnan(before[:, 0])
    assert not np.allclose(before[ok, 4], after[ok, 4])  # the edited role moved
    # roles that did not change keep their scores: a score depends on its own role only
    unchanged = [0, 1, 2, 3, 5, 6, 7, 8]
    np.testing.assert_allclose(before[ok][:, unchanged], after[ok][:, unchanged], rtol=0, atol=1e-6)


def test_without_explanations_scores_and_reasons_are_the_same(folder, shared_or_examples):
    files = collect_files([folder, *shared_or_examples])
    kw = {"matcher": {"encoder": HashingEncoder()}, "roles": ROLES}
    full = dict(iter_results(files, **kw))
    lean = dict(iter_results(files, explain=False, **kw))
    assert sorted(lean) == sorted(full)
    n_ok = 0
    for i, fr in full.items():
        assert lean[i].resume.status == fr.resume.status
        if not fr.ok:
            continue
        n_ok += 1
        assert lean[i].explanations == [] and len(fr.explanations) == len(ROLES)
        np.testing.assert_array_equal(lean[i].scores, fr.scores)
        assert lean[i].reasons == fr.reasons
    assert n_ok >= 6


# ----------------------------------------------------------------------------- pool


def test_pool_gives_the_same_results_as_one_process(folder):
    files = collect_files([folder])
    one = dict(iter_results(files, matcher={"encoder": HashingEncoder()}, roles=ROLES))
    stats = BatchStats()
    two = dict(iter_results(files, matcher={"encoder": HashingEncoder()}, roles=ROLES,
                            workers=2, chunk_size=2, stats=stats))  # fmt: skip
    assert stats.workers == 2 and stats.pool_restarts == 0
    assert sorted(two) == sorted(one)
    for i in one:
        assert two[i].resume.status == one[i].resume.status
        assert two[i].explanations == one[i].explanations


@pytest.mark.parametrize(("workers", "as_params"), [(1, False), (2, False), (2, True)])
def test_a_profile_that_does_not_fit_is_said_once_whatever_the_workers(folder, workers, as_params):
    # The workers fit the matcher, and check_profile_fit keeps quiet in a child process:
    # with a pool, the caller never heard the ProfileWarnings that one process gives.
    doc = load_profile("e5-small").to_dict()
    doc["roles"] = {"no-such-role": dict(doc["calibration"])}
    with pytest.warns(ProfileWarning) as fitting:
        Matcher(encoder=StaticZhHashingEncoder(), profile=doc).fit(ROLES)
    expected = [str(w.message) for w in fitting]
    assert len(expected) == 2
    assert expected[0].endswith("was fitted for model e5-small; scoring with static-zh")
    assert "coefficients for no-such-role, which no loaded role has" in expected[1]
    params = {"encoder": StaticZhHashingEncoder(), "profile": doc}
    stats = BatchStats()
    with pytest.warns(ProfileWarning) as record, score_paths(
        folder, matcher=params if as_params else Matcher(**params), roles=ROLES,
        workers=workers, stats=stats,
    ) as results:  # fmt: skip
        assert stats.workers == workers and results.score.shape[1] == len(ROLES)
    assert [str(w.message) for w in record if w.category is ProfileWarning] == expected


def test_a_killed_worker_does_not_lose_files(folder):
    for k in range(6):
        shutil.copy(folder / "05_internal_control.txt", folder / f"copy{k}.txt")
    files = collect_files([folder])
    stats = BatchStats()
    stream = iter_results(files, matcher={"encoder": HashingEncoder()}, roles=ROLES,
                          workers=2, chunk_size=1, stats=stats)  # fmt: skip
    got = dict([next(stream)])
    victim = multiprocessing.active_children()[0]
    os.kill(victim.pid, signal.SIGKILL)
    got.update(stream)
    assert sorted(got) == list(range(len(files)))
    assert stats.pool_restarts >= 1 and stats.crashed == 0
    bad = {Path(fr.file).name: fr.resume.reason for fr in got.values() if not fr.ok}
    assert list(bad) == ["bad.pdf"], bad


def test_a_file_that_crashes_its_worker_is_recorded_not_fatal(folder):
    text = "张三 男 1990年\n工作经历\n2019.03-至今 某银行 产品经理\n负责手机银行运营，CRASH-ME。\n"
    (folder / "crash.txt").write_text(text, "utf-8")
    files = collect_files([folder])
    stats = BatchStats()
    got = dict(iter_results(files, matcher={"encoder": CrashingEncoder()}, roles=ROLES,
                            workers=2, chunk_size=2, stats=stats))  # fmt: skip
    assert sorted(got) == list(range(len(files)))
    crash = next(fr for fr in got.values() if fr.file.endswith("crash.txt"))
    assert crash.resume.status == "error" and "worker process died" in crash.resume.reason
    assert stats.crashed == 1
    others = [fr for fr in got.values() if fr is not crash and not fr.file.endswith("bad.pdf")]
    assert all(fr.ok for fr in others)


def test_a_pool_stopped_with_half_a_result_in_its_pipe_lets_the_interpreter_exit(tmp_path):
    # What a worker killed while sending a large result leaves behind: a length header and
    # part of the message. The pool's manager thread then waits for the rest, and the
    # interpreter's exit waits for it (an interrupted score_paths hung at exit).
    script = tmp_path / "stop.py"
    script.write_text(
        textwrap.dedent(
            """
            import multiprocessing as mp
            import struct
            import time
            from concurrent.futures import ProcessPoolExecutor

            from rolematch.batch.pool import _stop

            if __name__ == "__main__":
                ex = ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("spawn"))
                ex.submit(time.sleep, 120)
                while not any(p.is_alive() for p in ex._processes.values()):
                    time.sleep(0.05)
                ex._result_queue._writer._send(struct.pack("!i", 1 << 20) + b"x" * 100)
                time.sleep(0.5)  # the manager thread is now inside recv(), mid-message
                _stop(ex, kill=True)
                print("stopped", flush=True)
            """
        )
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, env=env
    )
    assert out.returncode == 0 and "stopped" in out.stdout, out.stderr[-2000:]


def test_a_worker_error_is_raised_not_swallowed(folder):
    from rolematch.exceptions import ModelError

    with pytest.raises(ModelError, match="'model' parameter must be one of the built-in"):
        list(iter_results(collect_files([folder]), matcher={"model": "no-such-model-xyz"},
                          roles=ROLES, workers=2))  # fmt: skip


@pytest.mark.parametrize("paths", [None, 3])
def test_score_paths_names_paths_that_are_not_paths(paths):
    with pytest.raises(TypeError, match="'paths' parameter of score_paths must be a path"):
        score_paths(paths, matcher=Matcher(encoder=HashingEncoder()), roles=ROLES)


@pytest.mark.parametrize(("option", "value"), [("redact", "no"), ("ocr", "no"), ("max_pages", 0)])
def test_score_paths_checks_reading_options_before_reading(tmp_path, option, value):
    # Inside the batch a bad option made every file an 'error' record; it is one
    # message naming score_paths' parameter, before any file is read.
    (tmp_path / "cv.txt").write_text("负责手机银行运营。", encoding="utf-8")
    with pytest.raises(ValueError, match=f"'{option}' parameter of score_paths .*{value!r}"):
        score_paths(tmp_path, matcher=Matcher(encoder=HashingEncoder()), **{option: value})


@pytest.mark.parametrize("guarded", [False, True])
def test_a_script_without_a_main_guard_is_told_so_not_out_of_memory(tmp_path, guarded):
    # workers > 1 start 'spawn' processes, which import the script's main module: without
    # the guard each re-runs the script up to the batch, and used to die as if out of memory
    d = tmp_path / "cvs"
    d.mkdir()
    for f in example_files()[:2]:
        shutil.copy(f, d / f.name)
    body = (
        "with score_paths(sys.argv[1], roles=load_roles(), workers=2, file_timeout=None,\n"
        "                 matcher={'encoder': HashingEncoder()}) as res:\n"
        "    print('scored', len(res))\n"
    )
    if guarded:
        body = 'if __name__ == "__main__":\n' + textwrap.indent(body, "    ")
    script = tmp_path / "batch.py"
    script.write_text(
        "import sys\nfrom rolematch import load_roles, score_paths\n"
        "from tests._encoders import HashingEncoder\n" + body,
        "utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, str(script), str(d)], capture_output=True, text=True,
                         timeout=300, env=env, cwd=tmp_path)  # fmt: skip
    if guarded:
        assert out.returncode == 0 and "scored 2" in out.stdout, out.stderr[-2000:]
        return
    assert out.returncode == 1 and "scored" not in out.stdout
    last = out.stderr.strip().splitlines()[-1]
    assert last.startswith("rolematch.exceptions.RolematchError: the worker processes run "
                           "your script again"), out.stderr[-2000:]  # fmt: skip
    assert "'if __name__ == \"__main__\":'" in last and "workers=1" in last
    assert "out of memory" not in out.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_links_to_folders_are_followed_and_each_real_folder_read_once(tmp_path):
    # `ln -s ../intake2 in/ext`: a linked folder's files were silently left out
    ext = tmp_path / "intake2"
    ext.mkdir()
    for name in ("x1.txt", "x2.pdf"):
        (ext / name).write_text("x", "utf-8")
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "a.txt").write_text("x", "utf-8")
    (d / "sub" / "up").symlink_to("..", target_is_directory=True)  # a loop
    (d / "ext").symlink_to(ext, target_is_directory=True)
    (d / "ext_again").symlink_to(ext, target_is_directory=True)  # read once, as ext
    (d / "zz_sub").symlink_to("sub", target_is_directory=True)  # read as sub, its own path
    got = [p.relative_to(d).as_posix() for p in collect_files([d])]
    assert got == ["ext/x1.txt", "ext/x2.pdf", "sub/a.txt"]
    # the linked folder named as well: each real file once, under the folder's own path
    got = [p.relative_to(tmp_path).as_posix() for p in collect_files([d, ext])]
    assert got == ["in/sub/a.txt", "intake2/x1.txt", "intake2/x2.pdf"]
