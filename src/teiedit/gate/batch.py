"""Running a Checker over many files: discovery, worker processes, progress.

Workers are forked *after* the parent has compiled every schema, so a big XSD or an
unpruned RELAX NG is compiled once per run, not once per worker; results come back in input
order, one small FileResult at a time, so memory stays bounded by the biggest single file.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from teiedit.gate.check import STDIN, Checker
from teiedit.gate.results import FileResult
from teiedit.xmlio import TeieditError

_worker_checker: Checker | None = None


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Files as given, directories searched recursively for *.xml (sorted), '-' for stdin."""
    files: list[str] = []
    for item in inputs:
        if item == STDIN:
            files.append(STDIN)
            continue
        p = Path(item)
        if p.is_dir():
            files += sorted(str(f) for f in p.rglob("*.xml") if f.is_file())
        elif p.exists():
            files.append(item)
        else:
            raise TeieditError("no such file or directory", file=item)
    return files


# glibc mallopt parameters (malloc.h) and the values a validation batch runs best with.
_MALLOPT = {
    1: 0,                       # M_MXFAST: no fastbins
    -1: 256 * 1024 * 1024,      # M_TRIM_THRESHOLD: keep up to 256 MB of freed heap
    -3: 64 * 1024 * 1024,       # M_MMAP_THRESHOLD: files up to 64 MB come from the heap
}


def tune_malloc_for_batches() -> None:
    """A batch builds and frees one big tree per file: millions of small blocks. With
    glibc's defaults they sit in fastbins until the next large request (the next file's
    bytes) consolidates them all, freed heap goes back to the OS and is faulted in again,
    and every file over 128 KB is mmapped and unmapped: 40 % of reading + parsing + freeing.
    Linux/glibc only; elsewhere nothing happens."""
    with contextlib.suppress(OSError, AttributeError):
        mallopt = ctypes.CDLL("libc.so.6").mallopt
        for parameter, value in _MALLOPT.items():
            mallopt(parameter, value)


def _check_in_worker(path: str) -> FileResult:
    assert _worker_checker is not None
    return _worker_checker.check_path(path)


def run(checker: Checker, files: list[str], *, jobs: int = 1,
        on_result: Callable[[FileResult], None] | None = None) -> list[FileResult]:
    """Check `files` in order with up to `jobs` forked workers (stdin is read here).

    For more than one file this process's malloc is tuned for batches first (see
    tune_malloc_for_batches): a process-wide setting that also stays after the call."""
    global _worker_checker
    on_disk = [f for f in files if f != STDIN]
    stdin_data = sys.stdin.buffer.read() if STDIN in files else None
    jobs = max(1, min(jobs, len(on_disk)))
    if len(files) > 1:
        tune_malloc_for_batches()    # inherited by the forked workers
    if jobs == 1 or "fork" not in multiprocessing.get_all_start_methods():
        results = []
        for f in files:
            results.append(checker.check_path(f, stdin_data if f == STDIN else None))
            if on_result:
                on_result(results[-1])
        return results
    _worker_checker = checker
    by_path: dict[str, FileResult] = {}
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            chunk = max(1, min(4, len(on_disk) // (jobs * 8)))  # sizes vary: balance
            for r in pool.imap(_check_in_worker, on_disk, chunksize=chunk):
                by_path.setdefault(r.path, r)
                if on_result:
                    on_result(r)
    finally:
        _worker_checker = None
    return [checker.check_path(f, stdin_data) if f == STDIN else by_path[f] for f in files]


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
