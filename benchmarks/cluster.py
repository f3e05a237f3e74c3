"""`teiedit validate --scheduler` on a local Dask cluster: files/s per core and memory per
worker, the figures that size a cluster (run by hand).

    python benchmarks/cluster.py [--copies 400] [--workers 2]

Validates copies of the bundled edition (196 KB of TEI) against tei_all.rng on a local
cluster of single-threaded worker processes reached by its address (as a remote cluster
would be), twice (the first run includes each worker's schema compile), and reports the
second run's files/s per worker core (from the CPU time of the workers and of the checker
processes they fork for the per-file time budget: wall time on a shared machine says
little) and each worker's resident memory after it, with its checker process's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from teiedit.gate.api import validate  # noqa: E402

EDITION = ROOT / "tei" / "miletic-2021-tokovi-istorije.xml"
TEI_ALL = ROOT.parent / "shared" / "tei-p5" / "tei_all.rng"


def usage() -> tuple[float, list[int]]:
    """CPU seconds (user + system) of this worker and its live children, and their RSS."""
    import psutil

    me = psutil.Process()
    processes = [me, *me.children(recursive=True)]
    cpu = sum(p.cpu_times().user + p.cpu_times().system for p in processes)
    return cpu, [p.memory_info().rss for p in processes]


def main() -> None:
    from dask.distributed import Client, LocalCluster

    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=400)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="teiedit-cluster-"))
    try:
        files = []
        for n in range(args.copies):
            files.append(folder / f"e{n:05}.xml")
            shutil.copyfile(EDITION, files[-1])
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            for run in ("first (with compile)", "second"):
                before = sum(cpu for cpu, _ in client.run(usage).values())
                t = time.perf_counter()
                report = validate(files, [TEI_ALL], scheduler=cluster.scheduler_address)
                seconds = time.perf_counter() - t
                cpu = sum(cpu for cpu, _ in client.run(usage).values()) - before
                assert report.ok
                print(f"{run}: {len(files)} files in {seconds:.1f} s wall, {cpu:.1f} s CPU "
                      f"of the workers = {len(files) / cpu:.1f} files/s per busy core")
            memory = client.run(usage)
            print("resident memory per worker (worker process + its checker) after the runs: "
                  + ", ".join(" + ".join(f"{m / 2**20:.0f}" for m in rss) + " MiB"
                              for _, rss in memory.values()))
            print(f"load average {os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
