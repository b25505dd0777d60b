"""rolematch.spark on a real local[2] Spark session: files, texts, bad files, ranks,
the cascade, equality with the local engine, and ``rolematch score --engine spark``."""

from __future__ import annotations

import csv
import math
import os
import random
import re
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'rolematch[spark]')")
pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'rolematch[spark]')")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java (no java on PATH, no JAVA_HOME)", allow_module_level=True)

import rolematch  # noqa: E402
from rolematch import Matcher, load_roles, resume_from_text  # noqa: E402
from rolematch import spark as rs  # noqa: E402
from rolematch.results import DUPLICATE_NOTE, RANK_DECIMALS  # noqa: E402
from rolematch.spark.cli import local_path_names  # noqa: E402
from tests._encoders import HashingEncoder  # noqa: E402
from tests.conftest import example_files  # noqa: E402

pytestmark = [
    # pyspark 4 warns about pandas >= 3 on every conversion; what this module uses is tested here
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]

SCORES = ("score", "keyword_score", "semantic_score", "facet_score")
DATA_ANALYST_CV = (
    "数据分析师，熟悉SQL与Python，负责手机银行用户行为分析与月活提升，主导APP改版迭代。"
)
SERVICE_CV = "客服中心主管，管理120人呼叫中心团队，负责客户投诉处理、服务质量监控与满意度提升。"


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # the driver starts workers with PYSPARK_PYTHON (else "python3" on PATH, another
    # interpreter when the venv is not activated), not with spark.pyspark.python
    mp = pytest.MonkeyPatch()
    mp.setenv("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("rolematch-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.pyspark.python", sys.executable)
        .config("spark.pyspark.driver.python", sys.executable)
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    mp.undo()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The examples (texts and PDFs, in a sub-folder; one PDF twice, under a CJK name
    with a space) and three bad files."""
    root = tmp_path_factory.mktemp("cv")
    for f in example_files():
        dest = root / ("pdf" if f.suffix == ".pdf" else "") / f.name
        dest.parent.mkdir(exist_ok=True)
        shutil.copy(f, dest)
    # a name with CJK characters and a space: Spark lists it unescaped, as the CLI maps it
    shutil.copy(example_files()[-1], root / "pdf" / "简历 王五.pdf")
    (root / "empty.pdf").write_bytes(b"")
    pdf = example_files()[-1].read_bytes()
    (root / "truncated.pdf").write_bytes(pdf[: len(pdf) // 3])
    (root / "random.docx").write_bytes(random.Random(0).randbytes(4096))
    return root


@pytest.fixture(scope="module")
def local_frame(folder):
    """The local engine's long table for ``folder`` with static-zh (unrounded scores)."""
    with rolematch.score_paths(folder, model="static-zh", ocr=False, explain=False) as results:
        return results.to_frame()


@pytest.fixture(scope="module")
def spark_frame(spark, folder):
    from rolematch.batch import collect_files

    names = local_path_names(collect_files([folder], images=False))
    df = rs.score_files(spark, str(folder), model="static-zh", names=names, ocr=False)
    return df.toPandas()


def _by_pair(rows):
    return {(r["file"], r["role_id"] if isinstance(r["role_id"], str) else ""): r for r in rows}


def _num(x):
    return (
        math.nan if x is None or x == "" or (isinstance(x, float) and math.isnan(x)) else float(x)
    )


def test_result_has_exactly_the_long_csv_columns(spark, folder):
    from rolematch.results import COLUMNS

    df = rs.score_files(spark, str(folder / "pdf"), model="static-zh")
    assert tuple(df.columns) == COLUMNS == rs.COLUMNS
    types = dict(df.dtypes)
    assert [types[c] for c in SCORES] == ["double"] * 4
    assert types["role_rank"] == types["resume_rank"] == "int"


def test_files_equal_the_local_engine_within_1e6(spark_frame, local_frame):
    """Same rows, statuses, reasons and ranks; every score within 1e-6."""
    local = _by_pair(local_frame.to_dict("records"))
    remote = _by_pair(spark_frame.to_dict("records"))
    assert remote.keys() == local.keys()
    for key, lr in local.items():
        sr = remote[key]
        for c in ("status", "language", "role_title", "warnings", "reason"):
            assert (sr[c] if isinstance(sr[c], str) else "") == (
                lr[c] if isinstance(lr[c], str) else ""
            ), (key, c)
        for c in SCORES:
            assert _num(sr[c]) == pytest.approx(_num(lr[c]), abs=1e-6, nan_ok=True), (key, c)
        if lr["status"] == "ok":
            assert (sr["role_rank"], sr["resume_rank"]) == (lr["role_rank"], lr["resume_rank"])


def test_bad_files_get_one_row_each_without_ranks(spark_frame):
    bad = spark_frame[spark_frame["file"].str.contains("empty|truncated|random")]
    assert sorted(bad["status"]) == ["corrupt", "corrupt", "empty"]
    assert bad["file"].is_unique
    assert bad[["role_rank", "resume_rank", "role_id"]].isna().all().all()
    assert bad[list(SCORES)].isna().all().all()
    assert bad["reason"].str.len().gt(0).all()


def test_ranks_are_permutations_ordered_by_score(spark_frame):
    ok = spark_frame[spark_frame["status"] == "ok"]
    n_files, n_roles = ok["file"].nunique(), ok["role_id"].nunique()
    for _, g in ok.groupby("file"):
        assert sorted(g["role_rank"]) == list(range(1, n_roles + 1))
        # ranked as the CSV shows the scores (RANK_DECIMALS), as the local engine ranks
        assert g.sort_values("role_rank")["score"].round(RANK_DECIMALS).is_monotonic_decreasing
    for _, g in ok.groupby("role_id"):
        assert sorted(g["resume_rank"]) == list(range(1, n_files + 1))
        assert g.sort_values("resume_rank")["score"].round(RANK_DECIMALS).is_monotonic_decreasing


def test_the_workers_rank_a_files_roles_on_the_scores_the_csv_shows():
    """Two roles 0.12341 and 0.12344 both show 0.1234: a tie in role order, as the local
    engine ranks (Spark ranked them 2, 1 where the local engine said 1, 2)."""
    from rolematch.spark.worker import _with_ranks

    matcher = Matcher(encoder=HashingEncoder()).fit(load_roles())
    resume = resume_from_text("2016-至今 某银行 手机银行产品经理，负责手机银行APP迭代")
    table = matcher.score_table([resume], explain=False)
    scores = np.linspace(0.9, 0.1, len(table))
    scores[[3, 4]] = [0.12341, 0.12344]
    table["score"] = scores
    ranks = _with_ranks(table, len(table), ["k"], ["o"], [resume])["role_rank"].tolist()
    assert ranks[3:5] == [7, 8] and sorted(ranks) == list(range(1, len(table) + 1))


def test_ties_break_as_the_local_engine(spark, tmp_path):
    """Identical files tie on every score: resume_rank follows file order, as locally."""
    from rolematch.batch import collect_files

    src = example_files()[0]
    for name in ("b.txt", "a.txt", "sub/c.txt", "a-c.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copy(src, tmp_path / name)
    files = collect_files([tmp_path])
    df = rs.score_files(spark, str(tmp_path), model="static-zh").toPandas()
    top = df[df["role_id"] == df.loc[df["score"].idxmax(), "role_id"]].sort_values("resume_rank")
    assert [Path(f.removeprefix("file:")).resolve() for f in top["file"]] == [
        f.resolve() for f in files
    ]


def test_texts(spark):
    rows = [("A1", DATA_ANALYST_CV), ("B2", SERVICE_CV), ("C3", None), ("D4", "   ")]
    df = spark.createDataFrame(rows, "cid string, body string")
    out = rs.score_texts(spark, df, "cid", "body", model="static-zh").toPandas()
    assert tuple(out.columns) == rs.COLUMNS
    status = out.drop_duplicates("file").set_index("file")["status"].to_dict()
    assert status == {"A1": "ok", "B2": "ok", "C3": "empty", "D4": "empty"}
    matcher = rolematch.Matcher(model="static-zh").fit(rolematch.load_roles())
    local = matcher.score_table(
        [rolematch.resume_from_text(t, source=i) for i, t in rows[:2]]
    ).merge(out, on=["file", "role_id"], suffixes=("", "_spark"))
    for c in SCORES:
        np.testing.assert_allclose(local[c + "_spark"], local[c], atol=1e-6, equal_nan=True)


def test_texts_of_one_text_each_name_the_others(spark):
    # the local engine's duplicate note, made in Spark from the workers' text hashes:
    # whitespace does not matter, three others are named, then "and N more"
    rows = [(f"T{i}", SERVICE_CV + " " * i) for i in range(5)] + [("U", DATA_ANALYST_CV)]
    df = spark.createDataFrame(rows, "cid string, body string")
    out = rs.score_texts(spark, df, "cid", "body", model="static-zh").toPandas()
    notes = out.drop_duplicates("file").set_index("file")["warnings"].fillna("").to_dict()
    assert notes["T0"].endswith(f"{DUPLICATE_NOTE}T1, T2, T3 and 1 more")
    assert notes["T4"].endswith(f"{DUPLICATE_NOTE}T0, T1, T2 and 1 more")
    assert DUPLICATE_NOTE not in notes["U"]


def test_texts_errors_name_the_parameter(spark):
    df = spark.createDataFrame([("A1", "x")], "cid string, body string")
    with pytest.raises(ValueError, match=r"'text_col' parameter must name a column .* Got 'text'"):
        rs.score_texts(spark, df, "cid", "text")
    with pytest.raises(ValueError, match=r"'rerank' parameter must be an int >= 1. Got 0"):
        rs.score_texts(spark, df, "cid", "body", rerank=0)
    with pytest.raises(ValueError, match=r"Unknown Matcher parameter\(s\) \['keyword_wieght'\]"):
        rs.score_texts(spark, df, "cid", "body", keyword_wieght=0.5)


def test_cascade_rescores_each_roles_shortlist(spark):
    """rerank=1: each role's best text by static-zh is re-scored (here with static-zh
    again, to keep the test cheap); the others keep their first scores, say so in
    ``warnings`` and rank below the re-scored ones in every role."""
    texts = [
        (f"T{i}", t)
        for i, t in enumerate([DATA_ANALYST_CV, SERVICE_CV, "负责门户网站内容运营"] * 2)
    ]
    df = spark.createDataFrame(texts, "cid string, body string")
    out = rs.score_texts(spark, df, "cid", "body", model="static-zh", rerank=1, margin=0.0)
    out = out.toPandas()
    first = rolematch.Matcher(model="static-zh").fit(rolematch.load_roles())
    s1 = first.score_table([rolematch.resume_from_text(t, source=i) for i, t in texts])
    matrix = s1.pivot(index="file", columns="role_id", values="score").loc[[i for i, _ in texts]]
    picked = rs.cascade_candidates(matrix.to_numpy(), 1, 0.0)
    chosen = {i for i, c in zip(matrix.index, picked, strict=True) if c}
    flagged = set(out.loc[out["warnings"].str.contains(rs.CASCADE_WARNING, regex=False), "file"])
    assert chosen and flagged == {i for i, _ in texts} - chosen
    note = f"{rs.CASCADE_WARNING}static-zh score, ranked after the {len(chosen)} re-scored with"
    assert out.loc[out["file"].isin(flagged), "warnings"].str.endswith(note + " static-zh").all()
    merged = out.merge(s1, on=["file", "role_id"], suffixes=("", "_first"))
    np.testing.assert_allclose(merged["score"], merged["score_first"], atol=1e-6)
    for _, g in out.groupby("role_id"):
        ranked = g.sort_values("resume_rank")["file"].tolist()
        assert set(ranked[: len(chosen)]) == chosen


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_cli_csv_and_parquet_give_the_local_engines_rows(folder, tmp_path, capsys):
    import pandas as pd

    from rolematch.cli import main

    assert main(["score", str(folder), "--model", "static-zh", "--no-ocr", "-q",
                 "-o", str(tmp_path / "local.csv")]) == 0  # fmt: skip
    argv = ["score", str(folder), "--model", "static-zh", "--no-ocr", "--engine", "spark",
            "--master", "local[2]", "-o", str(tmp_path / "s.parquet"), "-o", str(tmp_path / "s.csv")]  # fmt: skip
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "10 files" in err.splitlines()[-1] and "3 not scored" in err.splitlines()[-1]
    local, remote = _read_csv(tmp_path / "local.csv"), _read_csv(tmp_path / "s.csv")
    assert list(remote[0]) == list(local[0])
    assert [(r["file"], r["role_id"], r["role_rank"], r["resume_rank"]) for r in remote] == [
        (r["file"], r["role_id"], r["role_rank"], r["resume_rank"]) for r in local
    ]
    for lr, sr in zip(local, remote, strict=True):
        for c in SCORES:  # written rounded to 4 places
            assert _num(sr[c]) == pytest.approx(_num(lr[c]), abs=1.01e-4, nan_ok=True)
        assert (sr["status"], sr["reason"], sr["warnings"]) == (
            lr["status"],
            lr["reason"],
            lr["warnings"],
        )
    table = pd.read_parquet(tmp_path / "s.parquet")
    assert tuple(table.columns) == rs.COLUMNS
    assert len(table) == len(remote)
    assert set(zip(table["file"], table["role_id"].fillna(""), strict=True)) == {
        (r["file"], r["role_id"]) for r in remote
    }


def test_cli_workers_run_this_interpreter_without_an_activated_venv(tmp_path):
    # .venv/bin/rolematch run without activating the venv: "python3" on PATH is another
    # interpreter (without rolematch or pyarrow); the workers must still run this one.
    import subprocess

    src = tmp_path / "cv"
    src.mkdir()
    for f in example_files()[:2]:
        shutil.copy(f, src / f.name)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "VIRTUAL_ENV")}  # fmt: skip
    here = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != here)
    out = tmp_path / "out.csv"
    argv = [sys.executable, "-m", "rolematch", "score", str(src), "--engine", "spark",
            "--master", "local[1]", "--model", "static-zh", "--no-ocr", "-q", "-o", str(out)]  # fmt: skip
    run = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    rows = _read_csv(out)
    assert len(rows) == 2 * len(rolematch.load_roles())
    assert {r["status"] for r in rows} == {"ok"}


def test_cli_summary_is_a_line_of_its_own_in_a_log(tmp_path):
    # a nightly job's log: Spark's \r progress bar made one line of the run, with the
    # summary at its end ("only the scoring line on stderr")
    import subprocess

    src = tmp_path / "cv"
    src.mkdir()
    for f in example_files()[:2]:
        shutil.copy(f, src / f.name)
    (src / "empty.txt").write_bytes(b"")
    argv = [sys.executable, "-m", "rolematch", "score", str(src), "--engine", "spark",
            "--master", "local[1]", "--model", "static-zh", "--no-ocr", "--strict",
            "-o", str(tmp_path / "out.csv")]  # fmt: skip
    run = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    assert run.returncode == 3, run.stderr[-3000:]
    assert "[Stage" not in run.stderr
    (summary,) = [ln for ln in run.stderr.splitlines() if ln.startswith("rolematch: 3 files in")]
    assert "2 scored, 1 not scored (1 empty)" in summary


def test_cli_refuses_explanation_formats(folder, tmp_path, capsys):
    from rolematch.cli import main

    argv = ["score", str(folder), "--engine", "spark", "-o", str(tmp_path / "x.jsonl")]
    assert main(argv) == 2  # a usage error: options that cannot go together
    assert "needs the explanations" in capsys.readouterr().err
    # options of the local engine that Spark would silently ignore, said before it starts
    for extra in (["--workers", "4"], ["--debug", str(tmp_path / "d.log")]):
        assert main(["score", str(folder), "--engine", "spark", *extra]) == 2
        assert f"{extra[0]} is not used with --engine spark" in capsys.readouterr().err


@pytest.mark.semantic
def test_e5_small_scores_equal_the_local_engine(spark, tmp_path):
    """e5-small in fp32, named explicitly: the int8 build (``e5-small-int8``) quantises
    activations per batch, so its vectors depend slightly on which sentences share a batch."""
    from rolematch.features.embeddings import SentenceTransformerEncoder
    from rolematch.io.extract import read_resume

    files = example_files()[:2] + example_files()[-1:]
    for f in files:
        shutil.copy(f, tmp_path / f.name)
    params = {"model": "e5-small-fp32", "profile": "e5-small"}
    out = rs.score_files(spark, str(tmp_path), **params).toPandas()
    encoder = SentenceTransformerEncoder("e5-small-fp32", cache=False)
    matcher = rolematch.Matcher(**params, encoder=encoder).fit(rolematch.load_roles())
    table = matcher.score_table([read_resume(tmp_path / f.name) for f in files])
    out["file"] = out["file"].str.removeprefix("file:")
    merged = table.merge(out, on=["file", "role_id"], suffixes=("", "_spark"))
    assert len(merged) == len(table) == 3 * len(matcher.role_ids_)
    for c in SCORES:
        np.testing.assert_allclose(merged[c + "_spark"], merged[c], atol=1e-6, equal_nan=True)


def test_cli_folder_files_get_the_local_engines_rows(spark, tmp_path):
    """What Spark's own listing gets wrong (QA): 0-byte files, broken links, FIFOs,
    ``_name`` files and folders, files without a suffix and a path that does not exist
    each get the local engine's row; lock files and hidden files none; a link to a
    folder is not followed (no file twice)."""
    from rolematch.cli import main

    src = tmp_path / "cv"
    (src / "_drafts").mkdir(parents=True)
    (src / ".hidden").mkdir()
    (src / "real").mkdir()
    shutil.copy(example_files()[0], src / "_under.txt")
    shutil.copy(example_files()[1], src / "_drafts" / "x.txt")
    shutil.copy(example_files()[1], src / ".hidden" / "y.txt")
    shutil.copy(example_files()[2], src / "no suffix")
    shutil.copy(example_files()[-1], src / "real" / "简历 'a'.pdf")
    (src / "~$lock.docx").write_bytes(b"x")
    (src / "empty.pdf").write_bytes(b"")
    (src / "broken.pdf").symlink_to(tmp_path / "gone.pdf")
    (src / "linked").symlink_to(src / "real", target_is_directory=True)
    os.mkfifo(src / "pipe.pdf")
    missing = str(tmp_path / "missing.pdf")
    common = [str(src), missing, "--model", "static-zh", "--no-ocr", "-q", "-o"]
    assert main(["score", *common, str(tmp_path / "local.csv")]) == 0
    assert main(["score", *common, str(tmp_path / "s.csv"), "--engine", "spark"]) == 0
    local, remote = _read_csv(tmp_path / "local.csv"), _read_csv(tmp_path / "s.csv")
    assert {r["status"] for r in local} >= {"ok", "empty", "unreadable", "unsupported"}
    assert [(r["file"], r["status"], r["reason"], r["role_id"]) for r in remote] == [
        (r["file"], r["status"], r["reason"], r["role_id"]) for r in local
    ]
    api = rs.score_files(spark, [str(src / "broken.pdf")], model="static-zh")
    (row,) = api.toPandas().to_dict("records")
    assert (row["file"], row["status"]) == (str(src / "broken.pdf"), "unreadable")
    # --strict: files not scored are a nightly job's alarm, on either engine
    assert main(["score", *common, str(tmp_path / "ss.csv"), "--engine", "spark", "--strict"]) == 3
    assert _read_csv(tmp_path / "ss.csv") == remote


def test_cli_empty_folder_warns_and_writes_no_rows(spark, tmp_path, capsys):
    from rolematch.cli import main

    (tmp_path / "none").mkdir()
    (tmp_path / "none" / "notes.md").write_text("x", encoding="utf-8")
    argv = ["score", str(tmp_path / "none"), "--engine", "spark", "--model", "static-zh",
            "-q", "-o", str(tmp_path / "s.csv")]  # fmt: skip
    assert main(argv) == 0
    assert "warning: no résumé files in" in capsys.readouterr().err
    assert _read_csv(tmp_path / "s.csv") == []


def test_cli_refusals_are_one_line_before_spark_starts(tmp_path):
    """Options that cannot go together and a master Spark cannot use are usage errors
    (exit 2); an unreachable master is one line (exit 1), not minutes of retries and a
    Java stack trace; none of them starts Spark (pyspark is never imported)."""
    import socket
    import subprocess

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    cv = str(example_files()[0])
    cases = [
        (["-o", str(tmp_path / "x.jsonl")], 2, "needs the explanations"),
        (["-o", str(tmp_path / "x.xlsx")], 2, "needs the explanations"),
        (["--cache", str(tmp_path / "c")], 2, "--cache is not used with --engine spark"),
        (["--master", "bogus"], 2, "--master must be local, local.N., .* Got 'bogus'"),
        (["--master", "local[0]"], 2, r"Got 'local\[0\]'"),
        (["--master", f"spark://127.0.0.1:{closed}"], 1, "cannot reach the Spark master"),
    ]
    code = (
        "import sys, json\nfrom rolematch.cli import main\n"
        "rc = main(json.loads(sys.argv[1]))\n"
        "print(rc, 'pyspark' in sys.modules)\n"
    )
    import json
    import re

    for extra, rc, message in cases:
        argv = ["score", cv, "--engine", "spark", "--model", "static-zh", *extra]
        run = subprocess.run([sys.executable, "-c", code, json.dumps(argv)],
                             capture_output=True, text=True, timeout=120)  # fmt: skip
        assert run.stdout.split() == [str(rc), "False"], (extra, run.stderr[-2000:])
        assert len(run.stderr.strip().splitlines()) == 1, (extra, run.stderr)
        assert re.search(message, run.stderr), (extra, run.stderr)


# ------------------------------------------------ the Python API from a bare interpreter

_BARE_SCRIPT = """
import sys
import warnings
from pyspark.sql import SparkSession
import rolematch.spark as rs

spark = (SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false")
         .config("spark.ui.showConsoleProgress", "false").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
df = spark.sql(f"SELECT 'A1' AS cid, '{sys.argv[1]}' AS body")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    out = rs.score_texts(spark, df, id_col="cid", text_col="body", model="static-zh")
    rows = out.select("file", "status").collect()
pandas = sum("support pandas" in str(w.message) for w in caught)
print(len(rows), sorted({(r["file"], r["status"]) for r in rows}), spark.sparkContext.pythonExec,
      pandas)
spark.stop()
"""


def _bare_env() -> dict[str, str]:
    """This process's environment as a Jupyter kernel of the venv has it: the venv not
    activated ("python3" on PATH is another interpreter, without rolematch), no
    PYSPARK_PYTHON."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "VIRTUAL_ENV")}  # fmt: skip
    here = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != here)
    return env


def test_api_workers_run_this_interpreter_without_an_activated_venv(tmp_path):
    """A local session started from the venv's python without activating it (as a
    notebook kernel is): score_texts' workers run this interpreter, not "python3" on
    PATH (which fails with No module named 'rolematch'); its calls do not warn about pandas."""
    import subprocess

    script = tmp_path / "bare.py"
    script.write_text(_BARE_SCRIPT, encoding="utf-8")
    run = subprocess.run([sys.executable, str(script), DATA_ANALYST_CV], env=_bare_env(),
                         cwd=tmp_path, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    n_roles = len(rolematch.load_roles())
    # no pandas-3 warning from rolematch's calls, nor from its workers (pyspark's own
    # session start warns once, from pyspark/testing/utils.py)
    assert run.stdout.split() == [str(n_roles), "[('A1',", "'ok')]", sys.executable, "0"]
    warned = [ln for ln in run.stderr.splitlines() if "does not yet fully support pandas" in ln]
    assert [ln for ln in warned if "pyspark/testing/utils.py" not in ln] == []


def test_api_honours_spark_pyspark_python(spark, monkeypatch):
    """pyspark ignores spark.pyspark.python in a session started from Python (it reads
    PYSPARK_PYTHON only); rolematch.spark uses it when PYSPARK_PYTHON is not set."""
    sc = spark.sparkContext
    assert sc.getConf().get("spark.pyspark.python") == sys.executable
    monkeypatch.delenv("PYSPARK_PYTHON", raising=False)
    monkeypatch.setattr(sc, "pythonExec", "python3")  # as pyspark left it: its default
    df = spark.createDataFrame([("A1", DATA_ANALYST_CV)], "cid string, body string")
    out = rs.score_texts(spark, df, "cid", "body", model="static-zh")
    assert sc.pythonExec == sys.executable
    assert {r["status"] for r in out.select("status").collect()} == {"ok"}


def test_workers_without_rolematch_fail_early_in_one_line(spark, tmp_path, monkeypatch):
    """On a cluster rolematch cannot know the executors' interpreter: it checks that it
    imports rolematch, and says in one line what to set. Here the 'executors' run a
    fresh venv's python (no rolematch, pandas or pyarrow)."""
    import subprocess

    from rolematch.exceptions import RolematchError
    from rolematch.spark.session import check_workers_python

    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp_path / "bare")],
                   check=True, timeout=120)  # fmt: skip
    bare = tmp_path / "bare" / "bin" / "python"
    sc = spark.sparkContext
    monkeypatch.chdir(tmp_path)  # the workers' cwd has no rolematch either
    monkeypatch.setattr(sc, "pythonExec", str(bare))
    with pytest.raises(RolematchError) as info:
        check_workers_python(sc)
    message = str(info.value)
    assert "\n" not in message and len(message) < 400, message
    assert re.search(
        r"Python \('.*bare/bin/python'\) cannot run rolematch \(.*No module named", message
    )
    assert "set spark.pyspark.python or PYSPARK_PYTHON" in message
    monkeypatch.setattr(sc, "pythonExec", sys.executable)
    check_workers_python(sc)  # this interpreter has everything: no error


def test_local_files_are_named_as_the_local_engine_names_them(spark, tmp_path, monkeypatch):
    """score_files reports a local file as the path was given (relative stays relative),
    as the local engine does, so the two results join on 'file'."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sp4" / "sub").mkdir(parents=True)
    shutil.copy(example_files()[0], tmp_path / "sp4" / "04_a.txt")
    shutil.copy(example_files()[1], tmp_path / "sp4" / "sub" / "b.txt")
    with rolematch.score_paths("sp4/", model="static-zh", explain=False) as results:
        local = results.to_frame()
    remote = rs.score_files(spark, "sp4/", model="static-zh").toPandas()
    assert sorted(remote["file"].unique()) == sorted(local["file"].unique()) == [
        str(Path("sp4/04_a.txt")), str(Path("sp4/sub/b.txt"))]  # fmt: skip
    merged = local.merge(remote, on=["file", "role_id"], suffixes=("", "_spark"))
    assert len(merged) == len(local) == len(remote)
    for c in SCORES:
        np.testing.assert_allclose(merged[c + "_spark"], merged[c], atol=1e-6)
    absolute = rs.score_files(spark, [str(tmp_path / "sp4" / "04_a.txt")], model="static-zh")
    assert {r["file"] for r in absolute.select("file").collect()} == {
        str(tmp_path / "sp4" / "04_a.txt")
    }


def test_building_a_plan_does_not_warn_about_pandas(spark, folder):
    """pyspark 4 warns about pandas >= 3 at mapInPandas; rolematch's own calls silence
    exactly that warning (its results are compared with the local engine's here)."""
    import warnings

    df = spark.createDataFrame([("A1", DATA_ANALYST_CV)], "cid string, body string")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rs.score_texts(spark, df, "cid", "body", model="static-zh")
        rs.score_files(spark, str(folder / "pdf"), model="static-zh", rerank=1)
    assert [str(w.message) for w in caught if "pandas" in str(w.message)] == []
    # the filter was only around rolematch's calls: pyspark still warns elsewhere
    with pytest.warns(FutureWarning, match="does not yet fully support pandas"):
        spark.range(1).toPandas()


def test_cli_cascade_ranks_the_rescored_first_and_flags_the_rest(spark, tmp_path, capsys):
    """``--rerank``: a second model on a lower scale (here static-zh with its intercept
    4 lower, as e5-small is on real CVs) must not let the résumés it never scored rank
    above those it did (user report): per role the re-scored rank 1..n by their new
    score, the rest n+1… by static-zh's, each saying so; the CSV keeps Spark's ranks."""
    import json

    import pandas as pd

    from rolematch.cli import main
    from rolematch.profile import profiles_dir

    src = tmp_path / "cv"
    src.mkdir()
    texts = [f.read_text(encoding="utf-8") for f in example_files() if f.suffix == ".txt"]
    texts += [DATA_ANALYST_CV, SERVICE_CV, "负责门户网站内容运营", "餐厅店长，负责门店排班"]
    for i, t in enumerate(texts):
        (src / f"{i:02d}.txt").write_text(t, encoding="utf-8")
    low = json.loads((profiles_dir() / "static-zh.json").read_text(encoding="utf-8"))
    low["calibration"]["intercept"] -= 4
    (tmp_path / "low.json").write_text(json.dumps(low), encoding="utf-8")
    argv = ["score", str(src), "--engine", "spark", "--master", "local[2]", "--model",
            "static-zh", "--profile", str(tmp_path / "low.json"), "--rerank", "1", "-q",
            "-o", str(tmp_path / "r.parquet"), "-o", str(tmp_path / "r.csv")]  # fmt: skip
    assert main(argv) == 0
    rows = pd.DataFrame(_read_csv(tmp_path / "r.csv"))
    rows["score"] = rows["score"].astype(float)
    rows["resume_rank"] = rows["resume_rank"].astype(int)
    rows["kept"] = rows["warnings"].str.contains(rs.CASCADE_WARNING, regex=False)
    n = int((~rows["kept"]).sum() / rows["role_id"].nunique())
    assert 0 < n < len(texts)
    note = f"{rs.CASCADE_WARNING}static-zh score, ranked after the {n} re-scored with static-zh"
    assert rows.loc[rows["kept"], "warnings"].str.endswith(note).all()
    mixed = False
    for _, g in rows.groupby("role_id"):
        g = g.sort_values("resume_rank")
        assert g["resume_rank"].tolist() == list(range(1, len(texts) + 1))
        assert not g["kept"].iloc[:n].any() and g["kept"].iloc[n:].all()
        for part in (g.iloc[:n], g.iloc[n:]):  # each part by its own model's score
            assert part["score"].is_monotonic_decreasing
        mixed |= g["score"].iloc[n:].max() > g["score"].iloc[:n].min()
    assert mixed  # else this test would not tell the fix from the bug
    table = pd.read_parquet(tmp_path / "r.parquet")
    got = table.set_index(["file", "role_id"])["resume_rank"]
    assert all(got[r.file, r.role_id] == r.resume_rank for r in rows.itertuples())


def test_the_workers_score_each_file_once(spark, folder):
    """The duplicate note had joined the scored frame with an aggregate of itself: a
    plan that read it twice, so Spark ran the workers' reading and scoring twice."""
    df = rs.score_files(spark, str(folder / "pdf"), model="static-zh", ocr=False)
    plan = df._jdf.queryExecution().executedPlan().toString()
    assert plan.count("MapInPandas") == 1, plan


@pytest.mark.parametrize("after", [0.5, 6.0])  # before the job starts, and during it
def test_cli_ctrl_c_ends_the_run_as_the_local_engine_does(tmp_path, after):
    """Ctrl-C reaches the whole process group: pyspark's own handler cancelled the job
    from inside the py4j call it interrupted, and the cancelled job's Java error came
    through as a crash (exit 1, hundreds of lines of py4j and Java tracebacks)."""
    import signal
    import subprocess
    import time

    src = tmp_path / "cv"
    src.mkdir()
    base = [f.read_text("utf-8") for f in example_files() if f.suffix == ".txt"]
    for k in range(300):  # distinct texts, enough to keep two cores busy for a while
        (src / f"cv_{k:03d}.txt").write_text(
            base[k % len(base)] + f"\n负责第{k}号项目。\n", "utf-8"
        )
    out = tmp_path / "out.csv"
    out.write_text("previous,run\n", "utf-8")
    argv = [sys.executable, "-m", "rolematch", "score", str(src), "--engine", "spark",
            "--master", "local[2]", "--model", "static-zh", "-o", str(out)]  # fmt: skip
    proc = subprocess.Popen(argv, stderr=subprocess.PIPE, text=True, start_new_session=True)
    assert proc.stderr is not None
    err = ""
    while "scoring" not in err and proc.poll() is None:
        err += proc.stderr.readline()
    time.sleep(after)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: Spark's JVM and workers too
    err += proc.communicate(timeout=300)[1]
    assert proc.returncode == 130, err[-3000:]
    assert err.rstrip().endswith("rolematch: interrupted; no output written"), err[-3000:]
    assert "Traceback" not in err and "Exception" not in err and "\tat " not in err, err[-3000:]
    assert out.read_text("utf-8") == "previous,run\n"
