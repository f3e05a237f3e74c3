"""`teiedit validate --scheduler` on a local Dask cluster: files/s per core and memory per
worker, the figures that size a cluster (run by hand).

    python benchmarks/cluster.py [--copies 400] [--workers 2]

Validates copies of the bundled edition (196 KB of TEI) against tei_all.rng on a local
cluster of single-threaded worker processes reached by its address (as a remote cluster
would be), twice (the first run includes each worker's schema compile), and reports the
second run's files/s per worker core and each worker's resident memory after it.
"""

from __future__ import annotations

import argparse
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


def rss() -> int:
    import psutil

    return psutil.Process().memory_info().rss


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
                t = time.perf_counter()
                report = validate(files, [TEI_ALL], scheduler=cluster.scheduler_address)
                seconds = time.perf_counter() - t
                assert report.ok
                print(f"{run}: {len(files)} files in {seconds:.1f} s = "
                      f"{len(files) / seconds / args.workers:.1f} files/s per worker core")
            memory = client.run(rss)
            print("resident memory per worker after the runs: " + ", ".join(
                f"{m / 2**20:.0f} MiB" for m in memory.values()))
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
