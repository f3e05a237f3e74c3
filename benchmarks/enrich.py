"""Benchmark of the enrichment stage on the bundled article (run by hand; figures in README).

    python benchmarks/enrich.py [--repeat 5]

Reports words/s of `enrich` with and without the curated registers (one-off loading of the
registers and the gazetteer reported apart), and compares the date recogniser with what a
user would reach for instead, `dateparser.search.search_dates` (pip install '.[bench]'),
on the same flows: time and precision/recall/F1 against the gold annotation.
"""

from __future__ import annotations

import argparse
import copy
import re
import time
from collections import Counter
from pathlib import Path

from teiedit.encode.pipeline import encode_source
from teiedit.encode.source import Diagnostics, read_source
from teiedit.enrich import enrich
from teiedit.enrich.dates import find_dates
from teiedit.enrich.evaluate import Score, read_gold
from teiedit.enrich.gazetteer import place_keys
from teiedit.enrich.recognise import _english
from teiedit.enrich.registers import Registers

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tei" / "miletic-2021-tokovi-istorije.txt"
REGISTERS = ROOT / "tei" / "registers"
GOLD = ROOT / "tests" / "gold" / "miletic-2021-tokovi-istorije.tsv"


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def score(found: list[str], gold: list[str]) -> Score:
    g, f = Counter(" ".join(s.split()) for s in gold), Counter(" ".join(s.split()) for s in found)
    return Score(sum((g & f).values()), sum(g.values()), sum(f.values()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    diag = Diagnostics(str(SOURCE))
    doc = encode_source(read_source(SOURCE, diag), diag)
    flows = [f.text for f in doc.inlines()]
    words = sum(len(re.findall(r"\w+", t)) for t in flows)

    t = time.perf_counter()
    place_keys()
    _english()
    gazetteer = time.perf_counter() - t
    t = time.perf_counter()
    regs = Registers.load(REGISTERS)
    load = time.perf_counter() - t

    def timed(registers: Registers | None) -> float:
        best = float("inf")
        for _ in range(args.repeat):
            fresh = copy.deepcopy(doc)  # enrich adds spans in place: each run on a clean copy
            t = time.perf_counter()
            enrich(fresh, registers)
            best = min(best, time.perf_counter() - t)
        return best

    with_regs, without = timed(regs), timed(None)
    print(f"bundled article: {words} words in {len(flows)} flows")
    print(f"one-off: gazetteer + word list {gazetteer:.2f} s, registers {load * 1000:.0f} ms")
    print(f"enrich with registers:    {with_regs:.3f} s  {words / with_regs:,.0f} words/s")
    print(f"enrich without registers: {without:.3f} s  {words / without:,.0f} words/s")

    gold = [s for t, s, _ in read_gold(GOLD) if t == "date"]
    ours_t = best_of(args.repeat, lambda: [find_dates(t) for t in flows])
    ours = [t[d.start:d.end] for t in flows for d in find_dates(t)]
    s = score(ours, gold)
    print(f"dates, teiedit:     {ours_t:.3f} s  {words / ours_t:,.0f} words/s  "
          f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dates, dateparser: not installed (pip install '.[bench]')")
        return

    def theirs() -> list[str]:
        return [m for t in flows for m, _ in (search_dates(t, languages=["en", "sr"]) or [])]

    their_t = best_of(1, theirs)
    s = score(theirs(), gold)
    print(f"dates, dateparser:  {their_t:.3f} s  {words / their_t:,.0f} words/s  "
          f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}  "
          f"(teiedit is {their_t / ours_t:.0f}x faster)")


if __name__ == "__main__":
    main()
