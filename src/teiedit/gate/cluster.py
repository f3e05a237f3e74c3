"""`teiedit validate --scheduler [ADDRESS]`: the batch on a Dask cluster (dask.distributed).

Files go to the workers by path (a cluster validating a repository shares its file
system), in chunks, so that the scheduler handles a task per chunk and not per file. Each
worker process compiles the run's schemas once, from the same arguments the client
compiled them with (compiled lxml schemas cannot travel), and keeps that Checker for every
chunk of the run, in a forked process of its own when files have a time budget (as local
workers do: libxml2 cannot be interrupted, so a file over it costs that process); results
come back as the same FileResults, put in input order.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from teiedit.gate.batch import Budgeted
from teiedit.gate.check import Checker
from teiedit.gate.results import FileResult
from teiedit.xmlio import UsageError

CHUNK = 16                                  # files per task
# per worker process: (run spec, time budget) -> the Checker, budgeted if there is one
_checkers: dict[tuple[str, float], Checker | Budgeted] = {}


def _check_chunk(paths: list[str], spec: str, timeout: float = 0) -> list[FileResult]:
    if (spec, timeout) not in _checkers:
        from teiedit.gate.api import make_checker

        checker = make_checker(**json.loads(spec))[0]
        _checkers[spec, timeout] = Budgeted(checker, timeout) if timeout else checker
    return [_checkers[spec, timeout].check_path(p) for p in paths]


def run_on_cluster(spec: dict, files: list[str], *, address: str, jobs: int,
                   timeout: float = 0,
                   on_result: Callable[[FileResult], None] | None = None) -> list[FileResult]:
    """Check `files` on the cluster at `address` ("local": a local cluster of `jobs`
    single-threaded worker processes, made for this run), each file within `timeout`
    seconds (0: no limit)."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise UsageError("--scheduler needs dask.distributed: pip install 'teiedit[cluster]'"
                         ) from None
    if "-" in files:
        raise UsageError("standard input cannot be sent to a cluster; pass files", file="-")
    cluster = (LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                            dashboard_address=None) if address == "local" else None)
    try:
        with Client(cluster or address, timeout="30s") as client:
            absolute = [str(Path(f).resolve()) for f in files]   # workers' cwd may differ
            chunks = [absolute[i:i + CHUNK] for i in range(0, len(files), CHUNK)]
            key = json.dumps(spec, sort_keys=True)
            futures = client.map(_check_chunk, chunks, spec=key, timeout=timeout, pure=False)
            given = dict(zip(absolute, files, strict=True))
            results: dict[str, FileResult] = {}
            for future in as_completed(futures):
                for result in future.result():
                    result.path = given[result.path]
                    results[result.path] = result
                    if on_result:
                        on_result(result)
    except OSError as e:
        raise UsageError(f"cannot reach the Dask scheduler: {e}", file=address) from None
    finally:
        if cluster is not None:
            cluster.close()
    return [results[f] for f in files]
