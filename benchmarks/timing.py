"""Timing shared by the benchmarks: one warm-up call, then the median of `runs` calls."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed(fn: Callable[[], object], runs: int,
          clock: Callable[[], float] = time.perf_counter) -> float:
    """`clock=time.process_time` measures this process's CPU time: on a loaded shared
    machine wall time says more about the other jobs than about the code."""
    fn()  # warm up: imports, compiled stylesheets, word lists, fonts
    samples = []
    for _ in range(runs):
        t = clock()
        fn()
        samples.append(clock() - t)
    return statistics.median(samples)
