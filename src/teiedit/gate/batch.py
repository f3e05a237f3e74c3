"""Running a Checker over many files: discovery, worker processes, budgets, progress.

Workers are forked *after* the parent has compiled every schema, so a big XSD or an
unpruned RELAX NG is compiled once per run, not once per worker; results come back in input
order, one small FileResult at a time, so memory stays bounded by the biggest single file.
Every file is checked in a worker (also with one job), so that a file over its time budget
can be stopped: libxml2 cannot be interrupted inside a process.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection, wait
from pathlib import Path

from teiedit.gate.check import STDIN, Checker
from teiedit.gate.results import FileResult, Problem
from teiedit.xmlio import UsageError

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
            found = sorted(str(f) for f in p.rglob("*.xml") if f.is_file())
            if not found:
                raise UsageError("no files to check: the folder holds no *.xml", file=item)
            files += found
        elif p.exists():
            files.append(item)
        else:
            raise UsageError("no such file or directory", file=item)
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


# Seconds one file may take (reading, parsing, every engine) before its worker is
# stopped; a submission gate that one file can stall is a denial of service.
DEFAULT_TIMEOUT = 60.0


def _serve(conn: Connection) -> None:
    """A worker's loop: (path, data) in, FileResult out, until told to stop."""
    assert _worker_checker is not None
    with contextlib.suppress(EOFError, KeyboardInterrupt):
        while (task := conn.recv()) is not None:
            conn.send(_worker_checker.check_path(*task))


class _Worker:
    """One forked process holding the run's Checker (compiled before the fork) and the
    file it is working on, so that it can be stopped and replaced when over budget."""

    def __init__(self, context) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.index = -1                 # position of its file in the input, -1 when idle
        self.deadline = 0.0

    def give(self, index: int, task: tuple[str, bytes | None], budget: float) -> None:
        self.index = index
        self.deadline = time.monotonic() + budget if budget else math.inf
        self.conn.send(task)

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(1)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _stopped(path: str, budget: float) -> FileResult:
    return FileResult(path, [Problem(
        "error", f"checking took longer than the budget of {budget:g} s and was stopped "
        "(set another with --timeout SECONDS)", engine="teiedit", rule="timeout")])


def _lost(path: str) -> FileResult:
    return FileResult(path, [Problem(
        "error", "the worker checking this file died (out of memory?)", engine="teiedit",
        rule="internal-error")])


class Budgeted:
    """One Checker in a forked worker kept for many files, each checked within `timeout`
    seconds (0: no limit): over it, the worker is killed, the file gets the same error as
    in a local batch, and the next file gets a fresh worker. For a process that checks
    files one at a time for someone else (a Dask worker, which cannot stop libxml2 either)."""

    def __init__(self, checker: Checker, timeout: float) -> None:
        self.checker, self.timeout = checker, timeout
        self._worker: _Worker | None = None

    def check_path(self, path: str) -> FileResult:
        global _worker_checker
        if self._worker is None:
            _worker_checker = self.checker
            with _may_have_children():
                self._worker = _Worker(multiprocessing.get_context("fork"))
        worker = self._worker
        worker.give(0, (path, None), self.timeout)
        budget = worker.deadline - time.monotonic()
        if wait([worker.conn], None if math.isinf(budget) else max(0.0, budget)):
            try:
                return worker.conn.recv()
            except (EOFError, OSError):
                result = _lost(path)
        else:
            result = _stopped(path, self.timeout)
        worker.kill()
        self._worker = None
        return result


@contextlib.contextmanager
def _may_have_children():
    """multiprocessing refuses to start processes from a daemonic one, as Dask's worker
    processes are (so that no child outlives them); the gate's workers are daemonic
    themselves and stopped with their file, so the rule is lifted while one starts."""
    me = multiprocessing.current_process()
    daemon = me.daemon
    me.daemon = False
    try:
        yield
    finally:
        me.daemon = daemon


def run(checker: Checker, files: list[str], *, jobs: int = 1,
        timeout: float = DEFAULT_TIMEOUT,
        on_result: Callable[[FileResult], None] | None = None) -> list[FileResult]:
    """Check `files` in input order with `jobs` forked workers (stdin is read here), each
    file within `timeout` seconds (0: no limit): a worker over it is killed, its file
    gets one error and a fresh worker takes the next file. Without fork (not Linux/macOS)
    files are checked in this process, without a budget.

    For more than one file this process's malloc is tuned for batches first (see
    tune_malloc_for_batches): a process-wide setting that also stays after the call."""
    stdin_data = sys.stdin.buffer.read() if STDIN in files else None
    if len(files) > 1:
        tune_malloc_for_batches()    # inherited by the forked workers
    tasks = [(f, stdin_data if f == STDIN else None) for f in files]
    if "fork" not in multiprocessing.get_all_start_methods():
        results = []
        for task in tasks:
            results.append(checker.check_path(*task))
            if on_result:
                on_result(results[-1])
        return results
    return _run_in_workers(checker, tasks, max(1, min(jobs, len(tasks))), timeout, on_result)


def _run_in_workers(checker: Checker, tasks: list[tuple[str, bytes | None]], jobs: int,
                    timeout: float, on_result: Callable[[FileResult], None] | None
                    ) -> list[FileResult]:
    global _worker_checker
    context = multiprocessing.get_context("fork")
    results: list[FileResult | None] = [None] * len(tasks)
    todo = iter(range(len(tasks)))
    _worker_checker = checker
    workers = [_Worker(context) for _ in range(jobs)]

    def finish(worker: _Worker, result: FileResult) -> None:
        results[worker.index] = result
        worker.index = -1
        if on_result:
            on_result(result)

    try:
        while True:
            for worker in workers:
                if worker.index < 0 and (i := next(todo, None)) is not None:
                    worker.give(i, tasks[i], timeout)
            busy = [w for w in workers if w.index >= 0]
            if not busy:
                break
            wait_for = min(w.deadline for w in busy) - time.monotonic()
            ready = wait([w.conn for w in busy], None if math.isinf(wait_for)
                         else max(0.0, wait_for))
            for n, worker in enumerate(workers):
                if worker.index < 0:
                    continue
                path = tasks[worker.index][0]
                if worker.conn in ready:
                    try:
                        finish(worker, worker.conn.recv())
                        continue
                    except (EOFError, OSError):
                        result = _lost(path)
                elif time.monotonic() >= worker.deadline:
                    result = _stopped(path, timeout)
                else:
                    continue
                worker.kill()
                finish(worker, result)
                workers[n] = _Worker(context)
    finally:
        for worker in workers:
            worker.stop()
        _worker_checker = None
    return [r for r in results if r is not None]


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
