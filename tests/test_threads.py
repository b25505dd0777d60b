"""rolematch._threads: BLAS/OpenMP pools sized for small products and worker processes."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from rolematch._threads import single_threaded_blas

threadpoolctl = pytest.importorskip("threadpoolctl")


def _blas_threads() -> list[int]:
    return [i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]


def test_single_threaded_blas_limits_inside_and_restores_after():
    np.ones((2, 2)) @ np.ones((2, 2))  # BLAS loaded
    before = _blas_threads()
    assert before, "numpy without a BLAS that threadpoolctl sees"
    with single_threaded_blas():
        assert _blas_threads() == [1] * len(before)
    assert _blas_threads() == before


def test_limit_process_threads_caps_pools_already_started():
    # numpy imported (its pool started) before the limit: what environment variables cannot do
    code = (
        "import os, numpy, threadpoolctl\n"
        "os.environ['OPENBLAS_NUM_THREADS'] = '1'\n"
        "from rolematch._threads import limit_process_threads\n"
        "limit_process_threads(1)\n"
        "print(max(i['num_threads'] for i in threadpoolctl.threadpool_info()))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"


def test_share_cores_sets_the_variables_and_keeps_an_executors_own():
    code = (
        "import os, numpy, threadpoolctl\n"
        "from rolematch._threads import share_cores\n"
        "os.environ['MKL_NUM_THREADS'] = '3'\n"
        "share_cores(1, override=False)\n"
        "print(os.environ['OMP_NUM_THREADS'], os.environ['MKL_NUM_THREADS'],\n"
        "      max(i['num_threads'] for i in threadpoolctl.threadpool_info()))\n"
        "share_cores(1)\n"
        "print(os.environ['MKL_NUM_THREADS'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1", "3", "1", "1"]
