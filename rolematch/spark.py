"""Score résumés on a Spark cluster: the same scores as the local engine, computed by
the executors.

``pip install 'rolematch[spark]'`` (pyspark is imported inside the functions only).

How it works
------------
:func:`score_files` lists résumé files with Spark's ``binaryFile`` source (any
Hadoop-compatible path or glob: local, ``hdfs://``, ``s3a://``), and
:func:`score_texts` takes résumé text already in a table. Both hand the rows to
``mapInPandas``: each Python worker builds and fits one
:class:`~rolematch.matcher.Matcher` the first time it sees a batch (roles and
matcher parameters reach it through a broadcast variable) and keeps it in a
module-level cache, keyed by a fingerprint of the roles and parameters, for every
later batch and task that the same worker runs (Spark reuses its Python workers).
Files are read and scored in chunks of :data:`CHUNK` through the public
:meth:`Matcher.score_table <rolematch.matcher.Matcher.score_table>`, so a result
row is exactly what the local engine computes. One bad file never fails a task: a
file that cannot be read is one row with its status and reason, and a chunk whose
scoring raises is scored again file by file, a file that still fails getting
status ``error``. Nothing about the résumés is collected to the driver.

Ranks: ``role_rank`` (1 = the file's best role) is computed in the worker, where
all of a file's roles are together (the same stable ordering as the local engine:
ties keep role order), which saves a shuffle; ``resume_rank`` (1 = the role's best
file in the whole batch) by a window over each role, ties in file order (the
order of the listed paths, compared folder by folder as :class:`pathlib.Path`
compares them, or the order of ``names``).

Cascade (``rerank=K``): ``static-zh`` scores every file; each role's top ``K`` and
any file within ``margin`` of a role's ``K``-th score are re-scored with the
full model; every other file keeps its ``static-zh`` scores (and says so in
``warnings``), and ranks below the re-scored files in every role.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

    from rolematch.documents import Resume, Role
    from rolematch.matcher import Matcher

__all__ = ["CASCADE_WARNING", "COLUMNS", "cascade_candidates", "score_files", "score_texts"]

#: The columns of the result, those of the long CSV (``rolematch.report.COLUMNS``).
COLUMNS = (
    "file",
    "status",
    "language",
    "role_id",
    "role_title",
    "score",
    "keyword_score",
    "semantic_score",
    "facet_score",
    "role_rank",
    "resume_rank",
    "warnings",
    "reason",
)

#: Résumés read and scored together in a worker (as the local engine's chunks).
CHUNK = 48

#: Appended to ``warnings`` of a file the cascade did not re-score.
CASCADE_WARNING = "cascade: scored with static-zh only (in no role's shortlist)"

# what the workers return: the result columns but resume_rank, plus the sort keys
_SCHEMA = (
    "file string, status string, language string, role_id string, role_title string, "
    "score double, keyword_score double, semantic_score double, facet_score double, "
    "role_rank int, warnings string, reason string, _key string, _order string"
)


@dataclass(frozen=True)
class _Job:
    """What every worker needs; broadcast once."""

    roles: tuple[Role, ...]
    params: dict[str, Any]  # Matcher parameters, model included
    read_options: dict[str, Any]
    names: dict[str, tuple[str, int]] | None = None  # key -> (file shown, position)
    fingerprint: str = field(default="", compare=False)


def _job(
    roles: Sequence[Role],
    params: Mapping[str, Any],
    read_options: Mapping[str, Any],
    names: Mapping[str, str] | None,
) -> _Job:
    named = {k: (v, i) for i, (k, v) in enumerate(names.items())} if names is not None else None
    blob = pickle.dumps((tuple(roles), sorted(params.items())), protocol=4)
    fp = hashlib.sha256(blob).hexdigest()[:16]
    return _Job(tuple(roles), dict(params), dict(read_options), named, fp)


# -------------------------------------------------------------------- in the workers

#: Fitted matchers of this Python worker, by job fingerprint (the cascade needs two).
_MATCHERS: dict[str, Matcher] = {}


def _matcher(job: _Job) -> Matcher:
    m = _MATCHERS.get(job.fingerprint)
    if m is not None:
        return m
    threads = _task_cpus()
    # before torch / onnxruntime start their pools: one task's share of the cores
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(var, str(threads))
    os.environ.setdefault("ROLEMATCH_OCR_THREADS", str(threads))
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from rolematch.matcher import Matcher

    m = Matcher(**job.params).fit(list(job.roles))
    torch = __import__("sys").modules.get("torch")
    if torch is not None and torch.get_num_threads() != threads:
        torch.set_num_threads(threads)
    while len(_MATCHERS) >= 2:  # a worker serves at most the cascade's two models
        _MATCHERS.pop(next(iter(_MATCHERS)))
    _MATCHERS[job.fingerprint] = m
    return m


def _task_cpus() -> int:
    try:
        from pyspark import TaskContext

        ctx = TaskContext.get()
        if ctx is not None:
            return max(1, int(ctx.cpus()))
    except Exception:  # noqa: BLE001 - outside a task, or an old pyspark
        pass
    return 1


def _read_bytes(key: str, content: bytes | None, source: str, options: Mapping[str, Any]) -> Resume:
    """A résumé file given as bytes, read by :func:`~rolematch.io.extract.read_resume`.

    The bytes go to a temporary file of the same name (the reader picks the parser
    from the content and the suffix); the record names ``source``.
    """
    from rolematch.documents import Resume
    from rolematch.io.extract import read_resume

    if content is None:
        return Resume.failed(source, "unreadable", "no content")
    name = PurePosixPath(key.split("?", 1)[0]).name or "resume"
    try:
        with tempfile.TemporaryDirectory(prefix="rolematch-spark-") as tmp:
            path = Path(tmp) / name
            path.write_bytes(bytes(content))
            resume = read_resume(path, **options)
    except Exception as e:  # noqa: BLE001 - the temporary file itself failed (disk full …)
        return Resume.failed(source, "error", f"{type(e).__name__}: {e}")
    return replace(resume, source=source)


def _read_text(text: Any, source: str, options: Mapping[str, Any]) -> Resume:
    from rolematch.documents import Resume
    from rolematch.sections import resume_from_text

    if not isinstance(text, str):
        return Resume.failed(source, "empty", "no text (null)")
    try:
        return resume_from_text(text, source=source, redact=bool(options.get("redact", True)))
    except Exception as e:  # noqa: BLE001 - one bad text never fails a task
        return Resume.failed(source, "error", f"{type(e).__name__}: {e}")


def _score_chunk(matcher: Matcher, resumes: list[Resume]) -> pd.DataFrame:
    """``score_table`` of a chunk; if it raises, file by file (a file that still fails
    gets status ``error``)."""
    import pandas as pd

    from rolematch.documents import Resume

    try:
        return matcher.score_table(resumes, explain=False)
    except Exception:  # noqa: BLE001 - find the file to blame
        parts = []
        for r in resumes:
            try:
                parts.append(matcher.score_table([r], explain=False))
            except Exception as e:  # noqa: BLE001
                bad = Resume.failed(r.source, "error", f"scoring failed: {type(e).__name__}: {e}")
                parts.append(matcher.score_table([bad], explain=False))
        return pd.concat(parts, ignore_index=True)


def _with_ranks(table: pd.DataFrame, n_roles: int, keys: list[str], orders: list[str]) -> Any:
    """The worker's output frame: ``role_rank`` (stable, ties in role order, as the
    local engine) and the sort keys, one per résumé of ``keys``/``orders``."""
    import numpy as np
    import pandas as pd

    ok = (table["status"] == "ok").to_numpy()
    # rows per résumé: n_roles for an ok one, 1 otherwise, in input order
    per = []
    i = 0
    while i < len(table):
        k = n_roles if ok[i] else 1
        per.append(k)
        i += k
    rank = np.zeros(len(table), dtype=np.int64)
    if ok.any():
        s = table["score"].to_numpy(dtype=float)[ok].reshape(-1, n_roles)
        by_role = np.argsort(-s, axis=1, kind="stable")
        ranks = np.empty_like(by_role)
        np.put_along_axis(ranks, by_role, np.arange(1, n_roles + 1)[None, :], axis=1)
        rank[ok] = ranks.ravel()
    out = table.copy()
    out["role_rank"] = pd.array(np.where(ok, rank, 0), dtype="Int32")
    out.loc[~ok, "role_rank"] = pd.NA
    out["_key"] = np.repeat(np.array(keys, dtype=object), per)
    out["_order"] = np.repeat(np.array(orders, dtype=object), per)
    return out[[c for c in COLUMNS if c != "resume_rank"] + ["_key", "_order"]]


def _path_order(key: str) -> str:
    # Path order compares part by part; "\x00" sorts below every character a name holds
    return key.replace("/", "\x00")


def _score_files_batches(job_ref: Any, batches: Iterator[pd.DataFrame]) -> Iterator[Any]:
    job: _Job = job_ref.value if hasattr(job_ref, "value") else job_ref
    matcher = _matcher(job)
    n_roles = len(job.roles)
    for batch in batches:
        for start in range(0, len(batch), CHUNK):
            part = batch.iloc[start : start + CHUNK]
            keys = [str(k) for k in part["path"]]
            shown, orders = [], []
            for k in keys:
                if job.names is not None and k in job.names:
                    name, pos = job.names[k]
                    shown.append(name)
                    orders.append(f"{pos:012d}")
                else:
                    shown.append(k)
                    orders.append(_path_order(k))
            resumes = [
                _read_bytes(k, c, s, job.read_options)
                for k, c, s in zip(keys, part["content"], shown, strict=True)
            ]
            yield _with_ranks(_score_chunk(matcher, resumes), n_roles, keys, orders)


def _score_texts_batches(job_ref: Any, batches: Iterator[pd.DataFrame]) -> Iterator[Any]:
    job: _Job = job_ref.value if hasattr(job_ref, "value") else job_ref
    matcher = _matcher(job)
    n_roles = len(job.roles)
    for batch in batches:
        for start in range(0, len(batch), CHUNK):
            part = batch.iloc[start : start + CHUNK]
            ids = ["" if x is None else str(x) for x in part["_id"]]
            resumes = [
                _read_text(t, i, job.read_options) for i, t in zip(ids, part["_text"], strict=True)
            ]
            yield _with_ranks(_score_chunk(matcher, resumes), n_roles, ids, ids)


# ---------------------------------------------------------------------- on the driver


def _roles(roles: Sequence[Role] | str | Path | None) -> list[Role]:
    from rolematch.documents import Role
    from rolematch.io.roles import load_roles

    if roles is None or isinstance(roles, str | Path):
        return load_roles(roles)
    out = list(roles)
    if not out or not all(isinstance(r, Role) for r in out):
        raise ValueError(
            "The 'roles' parameter must be a role file or folder, or a non-empty sequence "
            f"of Role. Got {roles!r:.80} instead."
        )
    return out


def _broadcast(spark: SparkSession, job: _Job) -> Any:
    try:
        return spark.sparkContext.broadcast(job)
    except Exception:  # noqa: BLE001 - Spark Connect has no SparkContext: ship it in the closure
        return job


def _map(spark: SparkSession, df: DataFrame, job: _Job, texts: bool) -> DataFrame:
    import functools

    fn = _score_texts_batches if texts else _score_files_batches
    return df.mapInPandas(functools.partial(fn, _broadcast(spark, job)), _SCHEMA)


def _rank(scored: DataFrame, first: Any = None) -> DataFrame:
    """Add ``resume_rank`` (window per role over the whole batch) and keep :data:`COLUMNS`."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    order = [F.col("score").desc(), F.col("_order").asc()]
    if first is not None:
        order.insert(0, first)
    w = Window.partitionBy("role_id").orderBy(*order)
    ok = F.col("status") == "ok"
    return scored.withColumn("resume_rank", F.when(ok, F.row_number().over(w)).cast("int")).select(
        *COLUMNS
    )


def _suffix_glob(suffixes: Sequence[str]) -> str:
    variants = sorted({v for s in suffixes for v in (s.lstrip(".").lower(), s.lstrip(".").upper())})
    return "*.{" + ",".join(variants) + "}"


def _empty_files(spark: SparkSession, paths: Sequence[str], glob: str) -> list[str]:
    """The 0-byte files under ``paths``, listed with Hadoop's FileSystem API.

    Spark's file index leaves empty files out (SPARK-27291), so ``binaryFile`` never
    shows them; the local engine reports each as ``empty``. This lists the paths once
    more on the driver (file metadata only). Under Spark Connect, where the driver's
    JVM is out of reach, empty files go unreported.
    """
    try:
        jvm = spark._jvm  # type: ignore[attr-defined]
        conf = spark._jsc.hadoopConfiguration()  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - Spark Connect
        return []
    if jvm is None:
        return []
    hpath = jvm.org.apache.hadoop.fs.Path
    accept = jvm.org.apache.hadoop.fs.GlobFilter(glob)
    out: list[str] = []

    def visible(name: str) -> bool:
        return not name.startswith((".", "_"))

    for p in paths:
        hp = hpath(p)
        fs = hp.getFileSystem(conf)
        for st in fs.globStatus(hp) or []:
            if not st.isDirectory():
                if st.getLen() == 0 and visible(st.getPath().getName()):
                    out.append(str(st.getPath()))
                continue
            root = str(st.getPath())
            it = fs.listFiles(st.getPath(), True)
            while it.hasNext():
                f = it.next()
                if f.getLen() != 0 or not accept.accept(f.getPath()):
                    continue
                rel = str(f.getPath())[len(root) :].split("/")
                if all(visible(part) for part in rel if part):
                    out.append(str(f.getPath()))
    return list(dict.fromkeys(out))


def _check_model_params(model: str, matcher_params: Mapping[str, Any]) -> dict[str, Any]:
    from rolematch.matcher import Matcher

    params = {"model": model, **matcher_params}
    Matcher(**params)._validate_params()  # fail on the driver, not in every task
    if params.get("encoder") is not None or params.get("tokenizer") is not None:
        raise ValueError(
            "The 'encoder' and 'tokenizer' parameters cannot be used with rolematch.spark "
            "(each worker builds its own matcher from the parameters). Got "
            f"encoder={params.get('encoder')!r:.40}, tokenizer={params.get('tokenizer')!r:.40}."
        )
    return params


def score_files(
    spark: SparkSession,
    paths: str | Sequence[str],
    roles: Sequence[Role] | str | Path | None = None,
    model: str = "e5-small",
    *,
    suffixes: Sequence[str] | None = None,
    names: Mapping[str, str] | None = None,
    max_pages: int = 50,
    redact: bool = True,
    ocr: bool = True,
    rerank: int | None = None,
    margin: float = 0.02,
    **matcher_params: Any,
) -> DataFrame:
    """Score résumé files read by Spark against every role.

    Parameters
    ----------
    spark : SparkSession
    paths : str or sequence of str
        Files, folders (searched recursively) or globs, on any file system Spark
        reads (``/data/cv``, ``hdfs://nn/cv/2026/*.pdf``, ``s3a://bucket/cv/``).
    roles : list of Role or path, optional
        Roles, or a role file/folder (read on the driver); default the bundled roles.
    model : str, default "e5-small"
        Model of the matcher each worker builds (``"e5-small"``, ``"static-zh"``, a
        path that exists on every worker).
    suffixes : sequence of str, optional
        File types listed in folders; default .pdf, .docx, .txt and, with ``ocr``,
        images (upper or lower case). Spark skips names starting with ``.`` or ``_``.
    names : mapping, optional
        ``{path as Spark lists it (file:/…): file name to report}``; its order is
        the order of ties in ``resume_rank``. Default: the path as Spark lists it.
    max_pages, redact, ocr
        As for :func:`~rolematch.io.extract.read_resume`.
    rerank : int, optional
        Cascade: score with ``static-zh`` first and re-score with ``model`` only
        each role's top ``rerank`` files and those within ``margin`` of its
        ``rerank``-th score.
    margin : float, default 0.02
        See ``rerank``.
    **matcher_params
        Other :class:`~rolematch.matcher.Matcher` parameters (weights …).

    Returns
    -------
    pyspark.sql.DataFrame
        :data:`COLUMNS`, one row per readable file × role and one per file that
        could not be scored (its scores and ranks null). Lazy: nothing runs until
        it is written or collected.

    Raises
    ------
    ValueError
        A bad matcher parameter, ``rerank`` or ``margin``.

    Examples
    --------
    >>> from rolematch.spark import score_files
    >>> df = score_files(spark, "hdfs:///cv/2026/", model="static-zh")   # doctest: +SKIP
    >>> df.write.parquet("hdfs:///rolematch/2026.parquet")               # doctest: +SKIP
    >>> df.where("role_id = 'mobile-banking' AND resume_rank <= 10")     # doctest: +SKIP
    """
    from pyspark.sql import functions as F

    from rolematch.io.extract import IMAGE_SUFFIXES, SUPPORTED_SUFFIXES

    params = _check_model_params(model, matcher_params)
    _check_rerank(rerank, margin)
    role_list = _roles(roles)
    plist = [paths] if isinstance(paths, str) else [str(p) for p in paths]
    if not plist:
        raise ValueError("The 'paths' parameter must name at least one path. Got [] instead.")
    sfx = suffixes or (SUPPORTED_SUFFIXES + (IMAGE_SUFFIXES if ocr else ()))
    raw = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", _suffix_glob(sfx))
        .load(plist)
        .select("path", "content")
    )
    empty = _empty_files(spark, plist, _suffix_glob(sfx))
    if empty:  # Spark's file index drops 0-byte files; they get their row like any other
        raw = raw.unionByName(
            spark.createDataFrame([(p, bytearray()) for p in empty], "path string, content binary")
        )
    options = {"max_pages": max_pages, "redact": redact, "ocr": ocr}
    if rerank is None:
        return _rank(_map(spark, raw, _job(role_list, params, options, names), texts=False))
    first = _job(role_list, {**params, "model": "static-zh"}, options, names)
    full = _job(role_list, params, options, names)
    stage1 = _map(spark, raw, first, texts=False)
    return _cascade(
        spark,
        stage1,
        lambda keys: _map(
            spark, raw.join(F.broadcast(keys), raw["path"] == keys["_key"], "left_semi"), full,
            texts=False,
        ),
        rerank,
        margin,
    )  # fmt: skip


def score_texts(
    spark: SparkSession,
    df: DataFrame,
    id_col: str,
    text_col: str,
    roles: Sequence[Role] | str | Path | None = None,
    model: str = "e5-small",
    *,
    redact: bool = True,
    rerank: int | None = None,
    margin: float = 0.02,
    **matcher_params: Any,
) -> DataFrame:
    """Score résumé texts held in a table against every role.

    Parameters
    ----------
    spark : SparkSession
    df : pyspark.sql.DataFrame
        One résumé per row.
    id_col, text_col : str
        The column naming the résumé (reported as ``file``; ties in ``resume_rank``
        follow its string order) and the column of its text (null: status ``empty``).
    roles, model, rerank, margin, **matcher_params
        As for :func:`score_files`.
    redact : bool, default True
        Cut personal data out of the text the scorer sees.

    Returns
    -------
    pyspark.sql.DataFrame
        :data:`COLUMNS`, as :func:`score_files`.

    Raises
    ------
    ValueError
        ``id_col`` or ``text_col`` is not a column of ``df``; a bad parameter.

    Examples
    --------
    >>> t = spark.createDataFrame([("A1", "负责手机银行APP运营")], ["id", "text"])  # doctest: +SKIP
    >>> score_texts(spark, t, "id", "text", model="static-zh").show()         # doctest: +SKIP
    """
    from pyspark.sql import functions as F

    for p, c in (("id_col", id_col), ("text_col", text_col)):
        if c not in df.columns:
            raise ValueError(
                f"The '{p}' parameter must name a column of df {df.columns}. Got {c!r} instead."
            )
    params = _check_model_params(model, matcher_params)
    _check_rerank(rerank, margin)
    role_list = _roles(roles)
    rows = df.select(F.col(id_col).cast("string").alias("_id"), F.col(text_col).alias("_text"))
    options = {"redact": redact}
    if rerank is None:
        return _rank(_map(spark, rows, _job(role_list, params, options, None), texts=True))
    first = _job(role_list, {**params, "model": "static-zh"}, options, None)
    full = _job(role_list, params, options, None)
    stage1 = _map(spark, rows, first, texts=True)
    return _cascade(
        spark,
        stage1,
        lambda keys: _map(
            spark, rows.join(F.broadcast(keys), rows["_id"] == keys["_key"], "left_semi"), full,
            texts=True,
        ),
        rerank,
        margin,
    )  # fmt: skip


def _check_rerank(rerank: int | None, margin: float) -> None:
    if rerank is not None and (
        isinstance(rerank, bool) or not isinstance(rerank, int) or rerank < 1
    ):
        raise ValueError(f"The 'rerank' parameter must be an int >= 1. Got {rerank!r} instead.")
    if isinstance(margin, bool) or not isinstance(margin, int | float) or not 0 <= margin <= 1:
        raise ValueError(
            f"The 'margin' parameter must be a float in the range [0, 1]. Got {margin!r} instead."
        )


def _cascade(spark: SparkSession, stage1: DataFrame, rescore: Any, k: int, margin: float) -> Any:
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    stage1 = stage1.persist(StorageLevel.MEMORY_AND_DISK)
    ok = F.col("status") == "ok"
    w = Window.partitionBy("role_id").orderBy(F.col("score").desc(), F.col("_order").asc())
    ranked = stage1.where(ok).withColumn("_r", F.row_number().over(w))
    kth = ranked.groupBy("role_id").agg(
        F.min(F.when(F.col("_r") <= k, F.col("score"))).alias("_kth")
    )
    cand = (
        ranked.join(F.broadcast(kth), "role_id")
        .where((F.col("_r") <= k) | (F.col("score") >= F.col("_kth") - margin))
        .select("_key")
        .distinct()
    )
    stage2 = rescore(cand)
    flagged = F.concat_ws("; ", F.nullif(F.col("warnings"), F.lit("")), F.lit(CASCADE_WARNING))
    keep = stage1.join(F.broadcast(cand), "_key", "left_anti").withColumn(
        "warnings", F.when(ok, flagged).otherwise(F.col("warnings"))
    )
    both = stage2.withColumn("_full", F.lit(1)).unionByName(keep.withColumn("_full", F.lit(0)))
    return _rank(both, F.col("_full").desc())


def cascade_candidates(scores: Any, k: int, margin: float = 0.02) -> Any:
    """Which résumés the cascade re-scores: each role's top ``k`` by the first model's
    scores and any résumé within ``margin`` of a role's ``k``-th score.

    Parameters
    ----------
    scores : ndarray of shape (n_resumes, n_roles)
        First-stage scores of the résumés that could be read (ties: lower index first).
    k : int
    margin : float, default 0.02

    Returns
    -------
    ndarray of bool, shape (n_resumes,)

    Examples
    --------
    >>> import numpy as np
    >>> s = np.array([[0.9, 0.1], [0.5, 0.2], [0.49, 0.05], [0.1, 0.3]])
    >>> cascade_candidates(s, 1, margin=0.02).tolist()
    [True, False, False, True]
    >>> cascade_candidates(s, 2, margin=0.02).tolist()
    [True, True, True, True]
    """
    import numpy as np

    s = np.asarray(scores, dtype=float)
    out = np.zeros(s.shape[0], dtype=bool)
    if s.size == 0:
        return out
    order = np.argsort(-s, axis=0, kind="stable")
    top = order[: min(k, s.shape[0])]
    kth = s[top[-1], np.arange(s.shape[1])]
    out[np.unique(top)] = True
    out |= (s >= kth[None, :] - margin).any(axis=1)
    return out


def _local_path_names(files: Iterable[str | Path]) -> dict[str, str]:
    """``{file:/abs/path: name as given}`` for local files, in the given order (the
    CLI's ``names``)."""
    # Spark lists local files as "file:" + the absolute path, not percent-encoded
    return {"file:" + str(Path(f).resolve()): str(f) for f in files}


# ------------------------------------------------------------------------------ CLI


def _session(master: str | None, quiet: bool) -> tuple[SparkSession, bool]:
    """The active session, or a new one (``True``: started here, stop it after)."""
    import sys

    from rolematch._optional import import_optional

    import_optional("pyspark", extra="spark")
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    builder = SparkSession.builder.appName("rolematch score")
    if master:
        builder = builder.master(master)
    if (master or "local").startswith("local") and not os.environ.get("PYSPARK_PYTHON"):
        # local workers run this interpreter (its venv has rolematch); on a cluster the
        # environment comes with spark.archives (docs/spark.md)
        builder = builder.config("spark.pyspark.python", sys.executable)
    builder = builder.config("spark.ui.showConsoleProgress", "false" if quiet else "true")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark, True


def _store_from_frame(frame: Any, roles: Sequence[Role], files: Sequence[str]) -> Any:
    """A finished :class:`~rolematch.report.ResultStore` from a collected result frame,
    so that the local engine's writers write it (same columns, rounding and ranks)."""
    from rolematch.batch import FileResult, PackedResult
    from rolematch.documents import Resume
    from rolematch.report import ResultStore

    def nan(x: Any) -> float:
        return float("nan") if x is None else float(x)

    store = ResultStore(roles, files)
    index = {f: i for i, f in enumerate(files)}
    for file, g in frame.groupby("file", sort=False):
        first = g.iloc[0]
        warnings = tuple(first["warnings"].split("; ")) if first["warnings"] else ()
        meta = {"language": first["language"] or ""}
        if first["status"] != "ok":
            resume = Resume.failed(
                str(file), first["status"], first["reason"] or "", warnings=warnings, meta=meta
            )
            store.add(index[file], FileResult(str(file), resume))
            continue
        resume = Resume(str(file), "", warnings=warnings, meta=meta)
        packed = [
            PackedResult(
                r.role_id, nan(r.score), nan(r.keyword_score), nan(r.semantic_score),
                nan(r.facet_score), r.reason or "", b"",
            )
            for r in g.itertuples()
        ]  # fmt: skip
        store.add(index[file], FileResult(str(file), resume, packed=packed))
    return store.finish()


def cli_score(args: Any, roles: Sequence[Role]) -> int:
    """``rolematch score PATH... --engine spark``: the command line's Spark engine.

    ``.parquet`` outputs are written by the executors; ``.csv``, ``.wide.csv`` and the
    terminal table are collected to the driver and written by the local engine's
    writers (modest batches). Formats that show whole explanations (JSONL, Excel,
    HTML) need the local engine.
    """
    import sys
    import time

    from rolematch.cli import _outputs, _write
    from rolematch.exceptions import RolematchError

    if args.cache:
        raise RolematchError("--cache is not used with --engine spark; drop it")
    outs = args.output or []
    parquet = [o for o in outs if o.lower().rstrip("/").endswith(".parquet")]
    args.output = [o for o in outs if o not in parquet] or None
    others = _outputs(args) if (args.output or not parquet) else []
    explained = [p or fmt for p, fmt in others if fmt in ("jsonl", "xlsx", "html")]
    if explained:
        raise RolematchError(
            f"--engine spark writes .parquet, .csv, .wide.csv or the table; {explained} "
            "needs the explanations: use the local engine for it"
        )
    local = all(Path(p).exists() for p in args.paths)
    names = None
    if local:
        from rolematch.batch import collect_files

        names = _local_path_names(collect_files(args.paths, images=not args.no_ocr))
    t0 = time.perf_counter()
    spark, started = _session(args.master, args.quiet)
    try:
        if not args.quiet:
            print(
                f"rolematch: scoring {len(names) if names is not None else 'the'} files against "
                f"{len(roles)} roles with {args.model!r} on Spark ({spark.sparkContext.master})"
                + (f", re-ranking each role's top {args.rerank}" if args.rerank else "")
                + " …",
                file=sys.stderr,
            )
        from rolematch.io.extract import IMAGE_SUFFIXES, SUPPORTED_SUFFIXES

        sfx = list(SUPPORTED_SUFFIXES + (() if args.no_ocr else IMAGE_SUFFIXES))
        sfx += sorted({Path(f).suffix for f in (names or {}).values() if Path(f).suffix} - set(sfx))
        paths = [str(Path(p).resolve()) if local else p for p in args.paths]
        df = score_files(
            spark, paths, roles, args.model, suffixes=sfx, names=names,
            max_pages=args.max_pages, ocr=not args.no_ocr, rerank=args.rerank,
        )  # fmt: skip
        written = []
        for out in parquet:
            df.write.mode("overwrite").parquet(out)
            written.append(f"wrote a Parquet dataset to {out}")
        if parquet:  # later outputs and the summary read what was written, not a re-run
            df = spark.read.parquet(parquet[0])
        frame = df.toPandas() if others else None
        if frame is not None:
            files = _file_order(frame["file"].unique().tolist(), names)
            with _store_from_frame(frame, roles, files) as store:
                written += [_write(store, path, fmt, args) for path, fmt in others]
            counts = frame.drop_duplicates("file")["status"].value_counts().to_dict()
        else:
            counts = {
                r["status"]: r["count"]
                for r in df.select("file", "status").distinct().groupBy("status").count().collect()
            }
        if not args.quiet:
            n = sum(counts.values())
            bad = n - counts.get("ok", 0)
            seconds = time.perf_counter() - t0
            print(
                f"rolematch: {n} files in {seconds:.1f}s ({n / seconds:.1f} files/s, Spark "
                f"{spark.sparkContext.master}): {counts.get('ok', 0)} scored"
                + (f", {bad} not scored ({_status_counts(counts)})" if bad else "")
                + "".join(f"; {w}" for w in written if w),
                file=sys.stderr,
            )
    finally:
        if started:
            spark.stop()
    return 0


def _status_counts(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{n} {s}" for s, n in sorted(counts.items()) if s != "ok")


def _file_order(files: list[str], names: Mapping[str, str] | None) -> list[str]:
    if names is not None:
        pos = {v: i for i, v in enumerate(names.values())}
        return sorted(files, key=lambda f: (pos.get(f, len(pos)), _path_order(f)))
    return sorted(files, key=_path_order)
