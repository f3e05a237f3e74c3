"""Timing shared by the benchmarks: one warm-up call, then the median of `runs` calls."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm up: imports, compiled stylesheets, word lists, fonts
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)
