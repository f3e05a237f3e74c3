"""Benchmark: encoding the bundled article, stage by stage, against what users would use instead.

Run by hand: `.venv/bin/python benchmarks/encode.py [--runs N]`.
Compared in the same run:
- pandoc (`pandoc -f markdown -t tei`), the general converter people reach for, which knows
  nothing of pages, furniture, footnote blocks or hyphenation (its TEI is a baseline, not an
  equivalent);
- a bare lxml conversion (blank-line paragraphs → <p>), the floor for any encoder in Python.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

from lxml import etree
from timing import timed

from teiedit.build import project_registers
from teiedit.encode.calls import find_calls
from teiedit.encode.command import encode_file, metadata_beside
from teiedit.encode.layout import analyse
from teiedit.encode.pipeline import encode_source
from teiedit.encode.source import Diagnostics, parse_source
from teiedit.serialize.tei import serialize, to_tree

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tei" / "miletic-2021-tokovi-istorije.txt"
CORPUS = ROOT.parent / "shared" / "corpora" / "articles"


def bare_lxml(data: bytes) -> bytes:
    root = etree.Element("TEI")
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for para in data.decode("utf-8").split("\n\n"):
        etree.SubElement(body, "p").text = para
    return etree.tostring(root, encoding="UTF-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--cpu", action="store_true",
                    help="in-process timings in CPU time (for a loaded machine)")
    args = ap.parse_args()
    runs = args.runs
    clock = time.process_time if args.cpu else time.perf_counter
    data = SOURCE.read_bytes()
    words = len(data.decode("utf-8").split())

    def source():
        return parse_source(data, SOURCE.name, Diagnostics(SOURCE.name))

    src = source()
    stages = {
        "read (decode, lines)": lambda: source(),
        "layout (pages, furniture, notes)": lambda: analyse(src.lines, Diagnostics("b")),
        "layout + calls": lambda: find_calls(*_layout_parts(src)),
        "encode (all stages to the model)": lambda: encode_source(src, Diagnostics("b")),
        "encode + serialize (whole command)": lambda: serialize(
            to_tree(encode_source(src, Diagnostics("b")))),
    }
    print(f"source: {SOURCE.name}, {len(data)} bytes, {words} words, median of {runs} runs"
          f"{', CPU time' if args.cpu else ''}\n")
    print("| stage | median ms | words/s | MB/s |\n| --- | ---: | ---: | ---: |")
    results = {}
    for name, fn in stages.items():
        results[name] = timed(fn, runs, clock)
        print(f"| {name} | {results[name] * 1000:.1f} | {words / results[name]:,.0f} | "
              f"{len(data) / results[name] / 1e6:.2f} |")
    whole = results["encode + serialize (whole command)"]
    registers = project_registers(ROOT)
    enriched = timed(lambda: encode_file(SOURCE, metadata=metadata_beside(SOURCE),
                                         registers=registers), max(3, runs // 4), clock)
    print(f"| text → enriched TEI (registers, name model; what `teiedit build` encodes) | "
          f"{enriched * 1000:.0f} | {words / enriched:,.0f} | {len(data) / enriched / 1e6:.2f} |")
    corpus_throughput(clock)
    bare = timed(lambda: bare_lxml(data), runs, clock)
    print("\n| alternative | median ms | teiedit ÷ alternative |\n| --- | ---: | ---: |")
    print(f"| bare lxml paragraphs | {bare * 1000:.1f} | {whole / bare:.1f}× |")
    cli = timed(lambda: subprocess.run([sys.executable, "-m", "teiedit", "encode", str(SOURCE)],
                                       capture_output=True, check=True), max(3, runs // 4))
    print(f"| (teiedit encode as a process, cold: {cli * 1000:.0f} ms) | | |")
    if shutil.which("pandoc"):
        pandoc = timed(lambda: subprocess.run(["pandoc", "-f", "markdown", "-t", "tei"],
                                              input=data, capture_output=True, check=True),
                       max(3, runs // 4))
        print(f"| pandoc -f markdown -t tei (process) | {pandoc * 1000:.1f} | "
              f"{whole / pandoc:.2f}× |")
    else:
        print("| pandoc | not installed (apt-get install pandoc) | |")


def corpus_throughput(clock) -> None:
    """Structure only (no names), every text extraction of the shared article corpus."""
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        return
    size = sum(f.stat().st_size for f in files)
    seconds = timed(lambda: [encode_file(f, names=False, diag=Diagnostics(f.name))
                             for f in files], 1, clock)
    print(f"| text → TEI, structure only: {len(files)} extractions of "
          f"../shared/corpora/articles ({size:,} bytes) | {seconds * 1000:.0f} | | "
          f"{size / seconds / 1e6:.2f} |")


def _layout_parts(src):
    layout = analyse(src.lines, Diagnostics("b"))
    return layout.body, layout.notes, Diagnostics("b")


if __name__ == "__main__":
    main()
