"""Real TEI from other projects against tei_all: `teiedit validate` vs jing (run by hand).

    python benchmarks/real_tei.py [--part dev|held-out|all]

Uses ../shared/corpora/tei (43 documents from 15 projects, jing's verdicts in its
manifest) split as tests/validate/corpus-split.json says. For each part it times:
  - the whole batch: `teiedit validate -q -j 1 --schema tei_all.rng FILES` (a fresh
    process, one worker) and `jing tei_all.rng FILES` (one JVM), wall clock;
  - each file alone: the CPU time of the same two commands on that file only (what a
    pre-commit hook pays; for teiedit also its wall time), and the gate's own wall time
    for it inside a batch (Python API, after loading);
and checks that every verdict equals jing's (XIncludes not expanded, as the gate's default:
the manifest's run without XInclude where a file has one). Prints Markdown for the README.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from teiedit.gate.api import make_checker  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "tei"
TEI_ALL = ROOT.parent / "shared" / "tei-p5" / "tei_all.rng"
TEIEDIT = [sys.executable, "-m", "teiedit", "validate", "-q", "-j", "1", "--schema",
           str(TEI_ALL)]


def wall(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of a command: on a shared machine the CPU
    time is the fairer comparison (jing's JVM uses several threads)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(command, capture_output=True, cwd=CORPUS)
    elapsed = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", choices=["dev", "held-out", "all"], default="all")
    args = ap.parse_args()
    manifest = json.loads((CORPUS / "manifest.json").read_text())
    held_out = set(json.loads((ROOT / "tests" / "validate" / "corpus-split.json")
                              .read_text())["held_out"])
    parts = {"dev": [], "held-out": []}
    jing_valid = {}
    for entry in sorted(manifest["files"], key=lambda e: e["file"]):
        parts["held-out" if entry["file"] in held_out else "dev"].append(entry["file"])
        verdict = entry["tei_all"].get("without_xinclude_processing") or entry["tei_all"]
        jing_valid[entry["file"]] = verdict["valid"]
    for name, files in parts.items():
        if args.part not in (name, "all"):
            continue
        checker, _ = make_checker([TEI_ALL])
        rows = []
        for f in files:
            t = time.perf_counter()
            result = checker.check_path(str(CORPUS / f))
            inside = time.perf_counter() - t
            ours_wall, ours_alone = wall([*TEIEDIT, f])
            jing_alone = wall(["jing", str(TEI_ALL), f])[1]
            rows.append((f, result.valid, jing_valid[f], inside, ours_alone, jing_alone,
                         ours_wall))
        ours_batch, ours_cpu = wall([*TEIEDIT, *files])
        jing_batch, jing_cpu = wall(["jing", str(TEI_ALL), *files])
        same = sum(r[1] == r[2] for r in rows)
        print(f"\n#### {name}: {len(files)} files, same verdict as jing: {same}/{len(files)}\n")
        print(f"batch: teiedit {ours_batch:.1f} s wall / {ours_cpu:.1f} s CPU, jing "
              f"{jing_batch:.1f} s wall / {jing_cpu:.1f} s CPU (ratio {ours_batch / jing_batch:.1f}"
              f" wall, {ours_cpu / jing_cpu:.1f} CPU)\n")
        print("| file | verdict (jing) | gate in batch s | teiedit alone wall s | "
              "teiedit alone CPU s | jing alone CPU s | ratio alone (CPU) |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        for f, ours, jing, inside, alone, jalone, alone_wall in rows:
            verdict = ("valid" if ours else "invalid") + ("" if ours == jing else " (DIFFERS)")
            print(f"| {Path(f).name} | {verdict} | {inside:.2f} | {alone_wall:.2f} | "
                  f"{alone:.2f} | {jalone:.2f} | {alone / jalone:.1f} |")
        print(f"\nworst file: gate in batch {max(r[3] for r in rows):.2f} s wall, teiedit "
              f"alone {max(r[6] for r in rows):.2f} s wall, {max(r[4] for r in rows):.2f} s "
              f"CPU; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
