"""What :mod:`rolematch.spark` needs of the caller's Spark session: Python workers that
run an interpreter with rolematch, and none of pyspark's pandas-3 warnings from
rolematch's own calls.

One job: adjust or check the session before a plan is built. pyspark reads the
workers' interpreter once, when the SparkContext starts, from ``PYSPARK_PYTHON``
only (else ``python3`` on PATH) into ``SparkContext.pythonExec``, which every
``mapInPandas`` and UDF then ships to the executors. ``spark.pyspark.python`` is
honoured by ``spark-submit`` but ignored by a session started from Python (a
notebook, a script), and ``python3`` on PATH is not the venv's interpreter when the
venv is not activated (a Jupyter kernel): the workers then fail on the first task
with a long trace ending in ``No module named 'rolematch'``.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["check_workers_python", "is_local_master", "quiet_pandas_warning", "use_driver_python"]

# pyspark 4's FutureWarning at each pandas conversion when pandas >= 3 is installed
_PANDAS_WARNING = "PySpark does not yet fully support pandas"

# pyspark's default when PYSPARK_PYTHON is not set (pyspark/core/context.py)
_DEFAULT_EXEC = "python3"

#: (application id, interpreter) pairs whose executors were found to import rolematch.
_CHECKED: set[tuple[str, str]] = set()


@contextlib.contextmanager
def quiet_pandas_warning() -> Iterator[None]:
    """Ignore pyspark's "does not yet fully support pandas >= 3.0.0" FutureWarning
    inside the block, and only that warning (the filters are restored after).

    What rolematch uses of pyspark's pandas conversions (``mapInPandas`` with Arrow, a
    collected result frame) runs in ``tests/test_spark.py`` with the pandas installed,
    and its scores equal the local engine's, so the warning is noise there.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=_PANDAS_WARNING, category=FutureWarning)
        yield


def is_local_master(master: str) -> bool:
    """Whether the executors run on this machine (``local``, ``local[N]``,
    ``local-cluster[…]``), where they can run this very interpreter."""
    return master.startswith("local")


def use_driver_python(spark: SparkSession) -> None:
    """Make the session's Python workers run an interpreter with rolematch.

    Unless the interpreter was chosen (``PYSPARK_PYTHON`` set, or ``pythonExec`` no
    longer pyspark's default): ``spark.pyspark.python``, when set, is used (pyspark
    itself ignores it in a session started from Python); otherwise a local master
    runs this interpreter (``sys.executable``, whose environment has rolematch); on a
    cluster, where this machine's path means nothing, :func:`check_workers_python`
    checks once that the executors' ``python3`` imports rolematch. Spark Connect
    sessions (no SparkContext) are left alone: the server chooses.

    Raises
    ------
    RolematchError
        On a cluster, the executors' Python cannot import rolematch.
    """
    try:
        sc = spark.sparkContext
    except Exception:  # noqa: BLE001 - Spark Connect has no SparkContext
        return
    if sc.pythonExec != _DEFAULT_EXEC or os.environ.get("PYSPARK_PYTHON"):
        return
    chosen = sc.getConf().get("spark.pyspark.python")
    if chosen:
        sc.pythonExec = chosen
    elif is_local_master(sc.master or ""):
        sc.pythonExec = sys.executable
    else:
        check_workers_python(sc)


def _probe(_: object) -> str:
    # pickled by reference: unpickling it in the worker imports rolematch.spark itself
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401

    import rolematch.spark.worker  # noqa: F401

    return sys.executable


def check_workers_python(sc: Any) -> None:
    """Run one one-task job that imports what the workers need (rolematch, pandas,
    pyarrow) with the SparkContext's ``pythonExec``; once per application and
    interpreter.

    Raises
    ------
    RolematchError
        The job failed: one line naming the interpreter and the worker's error, and
        saying to set ``spark.pyspark.python`` or ``PYSPARK_PYTHON``, instead of
        Spark's Java and Python stack traces.
    """
    key = (str(sc.applicationId), str(sc.pythonExec))
    if key in _CHECKED:
        return
    try:
        sc.parallelize([0], 1).map(_probe).collect()
    except Exception as e:  # noqa: BLE001 - any failure of the worker: one line
        from rolematch.exceptions import RolematchError

        raise RolematchError(
            f"the Spark executors' Python ({sc.pythonExec!r}) cannot run rolematch "
            f"({_worker_error(str(e))}); set spark.pyspark.python or PYSPARK_PYTHON to a "
            "Python with rolematch on every executor (docs/spark.md, 'Running on a "
            "cluster offline')"
        ) from None
    _CHECKED.add(key)


def _worker_error(text: str) -> str:
    """The line of a failed job's message that says what went wrong in the worker."""
    patterns = (
        r"^[A-Za-z_]\w*(?:Error|Exception): .+$",  # the Python exception (no dots)
        r"\[PYTHON_VERSION_MISMATCH\][^\n]*",
        r"Cannot run program [^\n]*",  # the interpreter does not exist there
    )
    for pattern in patterns:
        hit = re.search(pattern, text, re.MULTILINE)
        if hit:
            return hit.group(0).strip()
    return next((ln.strip() for ln in text.splitlines() if ln.strip()), "no message")
