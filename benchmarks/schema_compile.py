"""Benchmark: compile the project ODD, all of TEI (tei_all.odd) and real project ODDs in Python.

Run by hand:  python benchmarks/schema_compile.py [--runs 5]
Reports the median CPU time (this process: user + system) of each step and of the whole
`build()` (every output file, p5subset.xml parsed again each run). CPU time, because the
machine is shared and wall time there measures the neighbours. Beside it, what users run
instead: the official TEI pipeline (Saxon + TEI Stylesheets: odd2odd + odd2relax, RELAX NG
only), whose times are not measured here (the Stylesheets are not installed) but taken from
the data: tei_all 12 s (issue 10, same machine) and the corpus ODDs' `meta.json`
(`official.compile_time_s`, wall clock, 2-core machine).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from lxml import etree

from teiedit.schema import odd as odd_module
from teiedit.schema.build import build
from teiedit.schema.html import write_html
from teiedit.schema.odd import compile_odd
from teiedit.schema.rng import write_rng
from teiedit.schema.sch import write_schematron
from teiedit.schema.xsd import write_xsd

ROOT = Path(__file__).resolve().parents[1]
TEI = ROOT.parent / "shared" / "tei-p5"
ODDS = ROOT.parent / "shared" / "corpora" / "odds"
SOURCE = TEI / "p5subset.xml"
OFFICIAL_TEI_ALL_S = 12.0  # issue 10: odd2odd + odd2relax on tei_all, same machine


def timed(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.process_time()
        result = fn()
        times.append(time.process_time() - t)
    return statistics.median(times), result


def fresh() -> None:
    """Forget parsed sources, so every run pays for reading p5subset.xml."""
    odd_module._SOURCE_CACHE.clear()
    odd_module._TREE_CACHE.clear()


def bench(label: str, odd: Path, runs: int) -> float:
    def resolve():
        fresh()
        return compile_odd(odd, SOURCE)
    t_odd, schema = timed(resolve, runs)
    t_rng, _ = timed(lambda: write_rng(schema), runs)
    t_xsd, _ = timed(lambda: write_xsd(schema, "x-xml.xsd"), runs)
    t_sch, _ = timed(lambda: write_schematron(schema), runs)
    t_html, _ = timed(lambda: write_html(schema), runs)
    t_all, _ = timed(lambda: (fresh(), build(odd, SOURCE)), runs)
    print(f"{label}: {len(schema.elements())} elements (CPU seconds, median of {runs})")
    print(f"  resolve ODD against p5subset.xml  {t_odd:7.3f} s")
    print(f"  RELAX NG                          {t_rng:7.3f} s")
    print(f"  XSD (with UPA check)              {t_xsd:7.3f} s  (once the steps above ran)")
    print(f"  Schematron                        {t_sch:7.3f} s")
    print(f"  HTML reference                    {t_html:7.3f} s")
    print(f"  whole build(), all outputs        {t_all:7.3f} s")
    return t_all


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    runs = ap.parse_args().runs
    bench("project ODD (schema/teiedit.odd)", ROOT / "schema" / "teiedit.odd", runs)
    t = bench("tei_all.odd (22 moduleRefs)", TEI / "tei_all.odd", runs)
    print(f"  official pipeline {OFFICIAL_TEI_ALL_S:.1f} s: ratio {t / OFFICIAL_TEI_ALL_S:.2f}")
    print("real project ODDs (whole build(), CPU s; official wall s from meta.json):")
    for meta_file in sorted(ODDS.glob("*/meta.json")):
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        official = meta["official"]
        if official.get("outcome") != "ok":
            continue
        odd = meta_file.parent / meta["build"]["odd"]
        t, _ = timed(lambda odd=odd: (fresh(), build(odd, SOURCE)), runs)
        print(f"  {meta_file.parent.name:22s} {t:6.2f} s   official "
              f"{official['compile_time_s']:5.1f} s   ratio {t / official['compile_time_s']:.2f}")
    t_load, _ = timed(lambda: etree.RelaxNG(etree.parse(str(TEI / "tei_all.rng"))), 1)
    print(f"lxml compiling the official tei_all.rng, same run: {t_load:.2f} s")


if __name__ == "__main__":
    main()
