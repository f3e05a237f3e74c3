"""Benchmark: encoding a PDF itself, beside GROBID's published speed.

Run by hand: `.venv/bin/python benchmarks/pdf.py [dev|heldout|all] [--runs N]`.
For each PDF of ../shared/corpora/articles: seconds to read it (pdfminer.six and the PDF
reader) and to encode it (structure, no name enrichment: GROBID does not tag names either),
as the median of N wall-clock runs after a warm-up, and the CPU seconds of one encode (the
fairer figure on a shared machine). GROBID is not run here: its figure is the published
one cited by issue 13, 0.24–0.75 s per PDF, under its own conditions (hardware, concurrency,
documents), so the ratio is a rough comparison, not a measurement of GROBID on these PDFs.
"""

from __future__ import annotations

import argparse
import statistics
import time

from articles import CORPUS, source_of, split
from timing import timed

from teiedit.encode.command import encode_file
from teiedit.encode.pdf import read_pdf
from teiedit.encode.source import Diagnostics

GROBID = (0.24, 0.75)  # seconds per PDF, published


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("part", choices=("dev", "heldout", "all"), nargs="?", default="dev")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    dev, held = split()
    names = {"dev": dev, "heldout": held, "all": dev + held}[a.part]
    print(f"{'PDF':34} {'pages':>5} {'KB':>5} {'read s':>7} {'encode s':>8} {'CPU s':>6} "
          f"{'CPU ÷ 0.24':>10} {'CPU ÷ 0.75':>10}")
    totals = []
    for name in names:
        path = source_of(name, "pdf")
        data = path.read_bytes()
        pages = len(read_pdf(data, name, Diagnostics(name)).layout.pages)
        diag = Diagnostics(name)
        read = timed(lambda: read_pdf(data, diag.file, diag), a.runs)  # noqa: B023
        full = timed(lambda: encode_file(path, names=False, diag=diag), a.runs)  # noqa: B023
        cpu = time.process_time()
        encode_file(path, names=False, diag=diag)
        cpu = time.process_time() - cpu
        totals.append(cpu)
        print(f"{name:34} {pages:5} {len(data) // 1024:5} {read:7.2f} {full:8.2f} {cpu:6.2f} "
              f"{cpu / GROBID[0]:10.1f} {cpu / GROBID[1]:10.1f}")
    mean = statistics.mean(totals)
    print(f"{'MEAN (CPU)':34} {'':5} {'':5} {'':7} {'':8} {mean:6.2f} {mean / GROBID[0]:10.1f} "
          f"{mean / GROBID[1]:10.1f}")
    print(f"corpus: {CORPUS}")


if __name__ == "__main__":
    main()
