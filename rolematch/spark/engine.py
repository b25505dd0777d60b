"""The Spark side of :mod:`rolematch.spark`: files or texts in, one DataFrame of
results out (lazy), ranked over the whole batch; the cascade.

One job: build the Spark plan. What runs in the Python workers is
:mod:`rolematch.spark.worker`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rolematch.spark.session import quiet_pandas_warning, use_driver_python
from rolematch.spark.worker import (
    CASCADE_WARNING,
    COLUMNS,
    SCHEMA,
    Job,
    make_job,
    score_file_batches,
    score_text_batches,
)

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

    from rolematch.documents import Role

__all__ = [
    "cascade_candidates",
    "expand_local",
    "is_local",
    "local_key",
    "local_path_names",
    "score_files",
    "score_texts",
]


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


def _broadcast(spark: SparkSession, job: Job) -> Any:
    try:
        return spark.sparkContext.broadcast(job)
    except Exception:  # noqa: BLE001 - Spark Connect has no SparkContext: ship it in the closure
        return job


def _map(spark: SparkSession, df: DataFrame, job: Job, texts: bool) -> DataFrame:
    import functools

    fn = score_text_batches if texts else score_file_batches
    return df.mapInPandas(functools.partial(fn, _broadcast(spark, job)), SCHEMA)


def _rank(scored: DataFrame, first: Any = None) -> DataFrame:
    """Add ``resume_rank`` (window per role over the whole batch) and keep :data:`COLUMNS`."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from rolematch.results import RANK_DECIMALS

    # the scores the CSV shows, ties in file order (as the local engine ranks)
    order = [F.round("score", RANK_DECIMALS).desc(), F.col("_order").asc()]
    if first is not None:
        order.insert(0, first)
    w = Window.partitionBy("role_id").orderBy(*order)
    ok = F.col("status") == "ok"
    return (
        _note_duplicates(scored)
        .withColumn("resume_rank", F.when(ok, F.row_number().over(w)).cast("int"))
        .select(*COLUMNS)
    )


def _note_duplicates(scored: DataFrame) -> DataFrame:
    """End the warnings of each scored file whose text (``_hash``) another file of the
    batch has with ``duplicate: same text as <others>``, as
    :class:`~rolematch.results.BatchResults` does for the local engine (others in batch
    order, three named, then "and N more")."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from rolematch.results import DUPLICATE_NOTE

    ok = (F.col("status") == "ok") & (F.col("_hash") != "")
    # a window, not a join with an aggregate of ``scored``: a plan that reads ``scored``
    # twice runs the workers' reading and scoring twice
    same = F.collect_set(F.when(ok, F.struct("_order", "file"))).over(Window.partitionBy("_hash"))
    others = F.transform(
        F.filter("_same", lambda x: x["file"] != F.col("file")), lambda x: x["file"]
    )
    n = F.size(others)
    more = F.when(n > 3, F.format_string(" and %d more", n - 3)).otherwise(F.lit(""))
    note = F.concat(F.lit(DUPLICATE_NOTE), F.array_join(F.slice(others, 1, 3), ", "), more)
    noted = F.concat_ws("; ", F.nullif(F.col("warnings"), F.lit("")), note)
    return scored.withColumn("_same", F.sort_array(same)).withColumn(
        "warnings", F.when(ok & (n > 0), noted).otherwise(F.col("warnings"))
    )


def _suffix_glob(suffixes: Sequence[str]) -> str:
    variants = sorted({v for s in suffixes for v in (s.lstrip(".").lower(), s.lstrip(".").upper())})
    return "*.{" + ",".join(variants) + "}"


def is_local(path: str) -> bool:
    """A path on this machine's file system: no scheme, or ``file:``."""
    return path.startswith("file:") or not ("://" in path or ":" in path.split("/", 1)[0])


def expand_local(paths: Sequence[str]) -> list[str]:
    """Local ``paths`` with ``file:`` dropped and globs expanded (sorted; a glob that
    matches nothing is kept, and gets its ``file not found`` row)."""
    import glob

    out: list[str] = []
    for p in paths:
        local = p.removeprefix("file://") if p.startswith("file://") else p.removeprefix("file:")
        hits = sorted(glob.glob(local)) if glob.has_magic(local) else []
        out += hits or [local]
    return out


def local_key(path: str | Path) -> str:
    """A local file's key, as :func:`score_files` names it (``file:`` + the absolute
    path, links not resolved: a link is read, and reported, as the local engine does)."""
    import os

    return "file:" + os.path.abspath(path)


def local_path_names(files: Iterable[str | Path]) -> dict[str, str]:
    """``{key (:func:`local_key`): the file as the local engine names it}`` for local
    ``files`` as :func:`~rolematch.batch.collect_files` lists them (relative paths stay
    relative), in their order: :func:`score_files`' default ``names``."""
    return {local_key(f): str(f) for f in files}


def _local_files(paths: Sequence[str], suffixes: Sequence[str] | None) -> dict[str, str]:
    """The résumé files under local ``paths``, listed on the driver as the local engine
    lists them (:func:`~rolematch.batch.collect_files`), as :func:`local_path_names`.

    Spark's own listing differs from the local engine's: it leaves out 0-byte files
    (SPARK-27291), broken links, FIFOs and names starting with ``_``, follows links to
    folders, and keeps Office lock files (``~$cv.docx``); each of those files must get
    the row (or no row) the local engine gives it. The workers read these files by path.
    """
    from rolematch.batch import collect_files

    return local_path_names(collect_files(expand_local(paths), suffixes=suffixes))


def _check_model_params(model: str, matcher_params: Mapping[str, Any]) -> dict[str, Any]:
    from rolematch.matcher import Matcher

    params = {"model": model, **matcher_params}
    known = Matcher().get_params()
    unknown = sorted(set(params) - set(known))
    if unknown:  # values are checked where the matchers are fitted, in the workers
        raise ValueError(f"Unknown Matcher parameter(s) {unknown}; valid ones are {sorted(known)}.")
    if params.get("encoder") is not None or params.get("tokenizer") is not None:
        raise ValueError(
            "The 'encoder' and 'tokenizer' parameters cannot be used with rolematch.spark "
            "(each worker builds its own matcher from the parameters). Got "
            f"encoder={params.get('encoder')!r:.40}, tokenizer={params.get('tokenizer')!r:.40}."
        )
    return params


@quiet_pandas_warning()  # pyspark's pandas-3 FutureWarning, from these calls only
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
    file_timeout: float | None = 120.0,
    rerank: int | None = None,
    margin: float = 0.0,
    **matcher_params: Any,
) -> DataFrame:
    """Score résumé files read by Spark against every role.

    Parameters
    ----------
    spark : SparkSession
    paths : str or sequence of str
        Files, folders (searched recursively) or globs, on any file system Spark
        reads (``/data/cv``, ``hdfs://nn/cv/2026/*.pdf``, ``s3a://bucket/cv/``).
        Local paths (no scheme, or ``file:``) are listed on the driver as the local
        engine lists them (every file gets the local engine's row: a 0-byte file, a
        broken link, a FIFO, ``_name.pdf``, a file named that does not exist) and
        read by path in the workers, so the executors must see them (``local[N]``,
        or a shared file system); other paths are listed and read by ``binaryFile``.
    roles : list of Role or path, optional
        Roles, or a role file/folder (read on the driver); default the bundled roles.
    model : str, default "e5-small"
        Model of the matcher each worker builds (``"e5-small"``, ``"static-zh"``, a
        path that exists on every worker).
    suffixes : sequence of str, optional
        File types listed in folders. Default: for local paths every document type
        the local engine lists (:func:`~rolematch.batch.collect_files`); elsewhere
        .pdf, .docx, .txt and, with ``ocr``, images (upper or lower case), Spark
        skipping names starting with ``.`` or ``_``.
    names : mapping, optional
        ``{path as Spark lists it (file:/…, for a local file :func:`local_key`): file
        name to report}``; its order is the order of ties in ``resume_rank``.
        Default: a local file as the local engine names it (the path as given, a
        folder's files under it: ``cv/a.pdf`` for ``"cv/"``), so the two engines'
        results join on ``file``; any other file as Spark lists it
        (``hdfs://nn/cv/a.pdf``).
    max_pages, redact, ocr
        As for :func:`~rolematch.io.extract.read_resume`.
    file_timeout : float or None, default 120
        Seconds one file may take to read: each Python worker reads in a child
        process (:class:`~rolematch.batch.reader.GuardedReader`), killed when a file
        takes longer or crashes its parser; the file gets status ``error`` and the
        task goes on. ``None`` reads in the Python worker itself, with no limit.
    rerank : int, optional
        Cascade: score with ``static-zh`` first and re-score with ``model`` only
        each role's top ``rerank`` files and those within ``margin`` of its
        ``rerank``-th score. In each role the re-scored files rank first (by
        ``model``'s score), the rest after them (by static-zh's, the two scales not
        being comparable), each of those saying so in ``warnings``
        (:data:`~rolematch.spark.CASCADE_WARNING` …).
    margin : float, default 0
        See ``rerank``. Keep it 0 (ties only) for large batches: the best static-zh
        scores crowd near 1, and on 2,000 résumés a margin of 0.02 took in 47% of
        them (docs/spark.md).
    **matcher_params
        Other :class:`~rolematch.matcher.Matcher` parameters (``profile`` …).

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

    from rolematch.io.extract import IMAGE_SUFFIXES, SUPPORTED_SUFFIXES

    params = _check_model_params(model, matcher_params)
    _check_rerank(rerank, margin)
    role_list = _roles(roles)
    plist = [paths] if isinstance(paths, str) else [str(p) for p in paths]
    if not plist:
        raise ValueError("The 'paths' parameter must name at least one path. Got [] instead.")
    if file_timeout is not None and (
        isinstance(file_timeout, bool) or not isinstance(file_timeout, int | float)
        or file_timeout <= 0
    ):  # fmt: skip
        raise ValueError(
            "The 'file_timeout' parameter must be a number > 0 (seconds) or None. "
            f"Got {file_timeout!r} instead."
        )
    schema = "path string, content binary"
    frames = []
    remote = [p for p in plist if not is_local(p)]
    if remote:
        sfx = suffixes or (SUPPORTED_SUFFIXES + (IMAGE_SUFFIXES if ocr else ()))
        frames.append(
            spark.read.format("binaryFile")
            .option("recursiveFileLookup", "true")
            .option("pathGlobFilter", _suffix_glob(sfx))
            .load(remote)
            .select("path", "content")
        )
    local = [p for p in plist if is_local(p)]
    if local:  # listed here, read by path in the workers (content null)
        listed = _local_files(local, suffixes)
        frames.append(spark.createDataFrame([(k, None) for k in listed], schema))
        if names is None:  # named as the local engine names them, so results join on file
            names = listed
    raw = frames[0] if len(frames) == 1 else frames[0].unionByName(frames[1])
    options = {"max_pages": max_pages, "redact": redact, "ocr": ocr}
    return _score_frame(
        spark, raw, "path", False, role_list, params, options, names, file_timeout, rerank, margin
    )


def _score_frame(
    spark: Any,
    frame: Any,
    key: str,
    texts: bool,
    roles: Sequence[Role],
    params: Mapping[str, Any],
    options: Mapping[str, Any],
    names: Mapping[str, str] | None,
    file_timeout: float | None,
    rerank: int | None,
    margin: float,
) -> DataFrame:
    """Score a frame of files (``key`` "path") or ``texts`` (``key`` "_id"), in one pass or as the
    static-zh → e5 cascade (``rerank``): the one plan both public entry points share."""
    from pyspark.sql import functions as F

    use_driver_python(spark)  # before mapInPandas, which ships the session's interpreter

    def job(p: Mapping[str, Any]) -> Any:
        return make_job(roles, p, options, names, file_timeout)

    if rerank is None:
        return _rank(_map(spark, frame, job(params), texts=texts))
    stage1 = _map(spark, frame, job(_first_stage(params)), texts=texts)
    full = job(params)
    return _cascade(
        stage1,
        lambda keys: _map(
            spark, frame.join(F.broadcast(keys), frame[key] == keys["_key"], "left_semi"), full,
            texts=texts,
        ),
        rerank,
        margin,
        str(params["model"]),
    )  # fmt: skip


@quiet_pandas_warning()  # pyspark's pandas-3 FutureWarning, from these calls only
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
    margin: float = 0.0,
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
    return _score_frame(
        spark, rows, "_id", True, role_list, params, options, None, None, rerank, margin
    )


def _first_stage(params: Mapping[str, Any]) -> dict[str, Any]:
    # static-zh with its own scoring profile (profiles are per model)
    return {k: v for k, v in params.items() if k not in ("model", "profile")} | {
        "model": "static-zh"
    }


def _check_rerank(rerank: int | None, margin: float) -> None:
    if rerank is not None and (
        isinstance(rerank, bool) or not isinstance(rerank, int) or rerank < 1
    ):
        raise ValueError(f"The 'rerank' parameter must be an int >= 1. Got {rerank!r} instead.")
    if isinstance(margin, bool) or not isinstance(margin, int | float) or not 0 <= margin <= 1:
        raise ValueError(
            f"The 'margin' parameter must be a float in the range [0, 1]. Got {margin!r} instead."
        )


def _cascade(stage1: DataFrame, rescore: Any, k: int, margin: float, model: str) -> DataFrame:
    """Stage 1's shortlists re-scored with ``model``; every re-scored résumé ranks above
    every other in each role (a static-zh score is on another scale: on real CVs it is
    mostly higher than e5-small's, so one ranking by score would put the résumés the
    cascade left out first), and each row left out says so (:data:`CASCADE_WARNING`)."""
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
    keep = stage1.join(F.broadcast(cand), "_key", "left_anti")
    both = rescore(cand).withColumn("_full", F.lit(1))
    both = both.unionByName(keep.withColumn("_full", F.lit(0)))
    # per role (the same window as the ranks' partition): how many rank above the rest
    n = F.sum(F.when(ok & (F.col("_full") == 1), 1).otherwise(0)).over(
        Window.partitionBy("role_id")
    )
    note = F.concat(
        F.lit(f"{CASCADE_WARNING}static-zh score, ranked after the "),
        n.cast("string"),
        F.lit(f" re-scored with {model}"),
    )
    flagged = F.concat_ws("; ", F.nullif(F.col("warnings"), F.lit("")), note)
    both = both.withColumn(
        "warnings", F.when(ok & (F.col("_full") == 0), flagged).otherwise(F.col("warnings"))
    )
    return _rank(both, F.col("_full").desc())


def cascade_candidates(scores: Any, k: int, margin: float = 0.0) -> Any:
    """Which résumés the cascade re-scores: each role's top ``k`` by the first model's
    scores and any résumé within ``margin`` of a role's ``k``-th score.

    Parameters
    ----------
    scores : ndarray of shape (n_resumes, n_roles)
        First-stage scores of the résumés that could be read (ties: lower index first).
    k : int
    margin : float, default 0

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
