"""Benchmark: compile the project ODD and all of TEI (tei_all.odd, moduleRef-based) in Python.

Run by hand:  python benchmarks/schema_compile.py [--runs 5]
Reports the median wall time of each step. In the same run it measures, for scale, what a
user pays anyway: lxml compiling the official tei_all.rng. The TEI's own route (Saxon + TEI
Stylesheets on Java) is not installed here; ../shared/tei-p5/README.md gives its figures on a
comparable machine (odd2odd + odd2relax for tei_all: 6.93 s median).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from lxml import etree

from teiedit.schema import odd as odd_module
from teiedit.schema.html import write_html
from teiedit.schema.odd import compile_odd
from teiedit.schema.rng import write_rng
from teiedit.schema.sch import write_schematron
from teiedit.schema.xsd import write_xsd

ROOT = Path(__file__).resolve().parents[1]
TEI = ROOT.parent / "shared" / "tei-p5"
SOURCE = TEI / "p5subset.xml"


def timed(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def bench(label: str, odd: Path, runs: int) -> None:
    def resolve():
        odd_module._SOURCE_CACHE.clear()  # include reading p5subset.xml
        odd_module._TREE_CACHE.clear()
        return compile_odd(odd, SOURCE)
    t_odd, schema = timed(resolve, runs)
    t_rng, rng = timed(lambda: write_rng(schema), runs)
    t_xsd, _ = timed(lambda: write_xsd(schema, "x-xml.xsd"), runs)
    t_sch, _ = timed(lambda: write_schematron(schema), runs)
    t_html, _ = timed(lambda: write_html(schema), runs)
    t_load, _ = timed(lambda: etree.RelaxNG(etree.fromstring(rng)), 1)
    total = t_odd + t_rng + t_xsd + t_sch + t_html
    print(f"{label}: {len(schema.elements())} elements")
    print(f"  resolve ODD against p5subset.xml  {t_odd:7.3f} s")
    print(f"  RELAX NG                          {t_rng:7.3f} s")
    print(f"  XSD (with UPA check)              {t_xsd:7.3f} s")
    print(f"  Schematron                        {t_sch:7.3f} s")
    print(f"  HTML reference                    {t_html:7.3f} s")
    print(f"  all outputs                       {total:7.3f} s")
    print(f"  (lxml loading our RELAX NG        {t_load:7.3f} s)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    runs = ap.parse_args().runs
    bench("project ODD (schema/teiedit.odd)", ROOT / "schema" / "teiedit.odd", runs)
    bench("tei_all.odd (22 moduleRefs)", TEI / "tei_all.odd", runs)
    t_all, _ = timed(lambda: etree.RelaxNG(etree.parse(str(TEI / "tei_all.rng"))), 1)
    print(f"lxml compiling the official tei_all.rng, same run: {t_all:.2f} s")


if __name__ == "__main__":
    main()
