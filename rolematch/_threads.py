"""Native thread pools (BLAS, OpenMP) sized for the work at hand.

numpy's OpenBLAS starts one thread per core, and setting ``OPENBLAS_NUM_THREADS`` after
numpy is imported changes nothing. For the scorer's small products (a résumé's 40
sentences against 200 reference duties) waking those threads costs far more than the
arithmetic: on 2 cores one such product took 6-8 ms with two threads and 0.08 ms with
one, and two worker processes each running a pool on the same cores fare worse.
"""

from __future__ import annotations

import os
from typing import Any

__all__ = ["limit_process_threads", "share_cores", "single_threaded_blas"]

#: What torch, onnxruntime and the OCR read when they start their thread pools.
_THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "ROLEMATCH_OCR_THREADS",
)


def share_cores(n: int, *, override: bool = True) -> None:
    """Give this worker process ``n`` threads, in pools started before and after.

    Sets the variables libraries read when they start (``override=False`` keeps values
    already set, e.g. a cluster's) and caps the pools already running, such as numpy's
    BLAS, which the variables come too late for (:func:`limit_process_threads`).

    Examples
    --------
    >>> share_cores(1)   # doctest: +SKIP
    """
    for var in _THREAD_VARIABLES:
        if override:
            os.environ[var] = str(n)
        else:
            os.environ.setdefault(var, str(n))
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    limit_process_threads(n)


def limit_process_threads(n: int) -> None:
    """Cap every native thread pool of this process (BLAS, OpenMP) at ``n``, for good.

    For worker processes that each own a share of the cores.

    Examples
    --------
    >>> limit_process_threads(1)   # doctest: +SKIP
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=max(1, int(n)))


def single_threaded_blas() -> Any:
    """A context manager in which BLAS runs on one thread (restored on exit).

    Examples
    --------
    >>> import numpy as np
    >>> with single_threaded_blas():
    ...     float((np.ones((2, 3)) @ np.ones(3)).sum())
    6.0
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")
