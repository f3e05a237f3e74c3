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
from pathlib import Path

from lxml import etree
from timing import timed

from teiedit.encode.calls import find_calls
from teiedit.encode.layout import analyse
from teiedit.encode.pipeline import encode_source
from teiedit.encode.source import Diagnostics, parse_source
from teiedit.serialize.tei import serialize, to_tree

SOURCE = Path(__file__).resolve().parents[1] / "tei" / "miletic-2021-tokovi-istorije.txt"


def bare_lxml(data: bytes) -> bytes:
    root = etree.Element("TEI")
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for para in data.decode("utf-8").split("\n\n"):
        etree.SubElement(body, "p").text = para
    return etree.tostring(root, encoding="UTF-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    runs = ap.parse_args().runs
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
    print(f"source: {SOURCE.name}, {len(data)} bytes, {words} words, median of {runs} runs\n")
    print("| stage | median ms | words/s |\n| --- | ---: | ---: |")
    results = {}
    for name, fn in stages.items():
        results[name] = timed(fn, runs)
        print(f"| {name} | {results[name] * 1000:.1f} | {words / results[name]:,.0f} |")
    whole = results["encode + serialize (whole command)"]
    bare = timed(lambda: bare_lxml(data), runs)
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


def _layout_parts(src):
    layout = analyse(src.lines, Diagnostics("b"))
    return layout.body, layout.notes, Diagnostics("b")


if __name__ == "__main__":
    main()
