"""Benchmark of `teiedit render` on the bundled article, with what users would use instead,
measured in the same run (median wall-clock of --runs repetitions, warm processes):

  XSLT  teiedit's XSLT 3.0 HTML edition (saxonche)   vs  a plain XSLT 1.0 TEI→HTML (lxml/libxslt)
  PDF   print.xsl + WeasyPrint                       vs  fo.xsl + Apache FOP (Debian fop, JVM
                                                         start included), and headless Chromium
                                                         printing the same print HTML

The TEI Consortium's own stylesheets are not packaged for Debian nor PyPI and cannot be
fetched here, so they are not compared.

Run: .venv/bin/python benchmarks/render.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner
from lxml import etree
from timing import timed

from teiedit.cli import main
from teiedit.render import render
from teiedit.render.core import HTML_PAGES, language_subtags
from teiedit.render.pdf import html_to_pdf
from teiedit.render.xslt import XSLT_DIR, transform
from teiedit.xmlio import read_untrusted

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tei" / "miletic-2021-tokovi-istorije.txt"
BASELINE = Path(__file__).with_name("render-baseline-xslt1.xsl")
CHROMIUM = Path("/usr/bin/chromium")


def main_(runs: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="teiedit-bench-"))
    edition = work / "miletic.xml"
    result = CliRunner().invoke(main, ["encode", str(SOURCE), "--registers",
                                       str(ROOT / "tei" / "registers"), "-o", str(edition)])
    if result.exit_code:
        sys.exit(result.output)
    tree = read_untrusted(edition)
    params = {"base": "miletic", "languages": language_subtags()}
    rows: list[tuple[str, float]] = []

    rows.append(("XSLT 3.0 saxonche: document page", timed(
        lambda: transform("html.xsl", tree, {**params, "page": "text"}), runs)))
    rows.append(("XSLT 3.0 saxonche: all 5 HTML pages", timed(
        lambda: [transform("html.xsl", tree, {**params, "page": p}) for p in HTML_PAGES], runs)))
    libxslt = etree.XSLT(etree.parse(str(BASELINE)))
    rows.append(("XSLT 1.0 lxml/libxslt: plain page", timed(lambda: str(libxslt(tree)), runs)))

    print_html = transform("print.xsl", tree, params)
    rows.append(("PDF WeasyPrint (print HTML -> PDF)", timed(
        lambda: html_to_pdf(print_html, "bench.pdf"), runs)))
    (work / "print.html").write_text(print_html, encoding="utf-8")
    if CHROMIUM.exists():
        cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--no-first-run", "--no-pdf-header-footer",
               f"--user-data-dir={work / 'chromium'}", f"--print-to-pdf={work / 'chromium.pdf'}",
               (work / "print.html").as_uri()]
        rows.append(("PDF Chromium --print-to-pdf (same HTML)", timed(
            lambda: subprocess.run(cmd, check=True, capture_output=True), runs)))
    if shutil.which("fop"):
        (work / "miletic.fo").write_text(transform("fo.xsl", tree, params), encoding="utf-8")
        cmd = ["fop", "-q", "-c", str(XSLT_DIR / "fop.xconf"), "-fo", str(work / "miletic.fo"),
               "-pdf", str(work / "fop.pdf")]
        rows.append(("PDF Apache FOP (FO -> PDF, with JVM start)", timed(
            lambda: subprocess.run(cmd, check=True, capture_output=True), runs)))

    rows.append(("teiedit render --to html,pdf (end to end)", timed(
        lambda: render(edition, {"html", "pdf"}, work / "out"), runs)))

    size = edition.stat().st_size
    print(f"bundled article: {size / 1024:.0f} KiB of TEI, "
          f"{len(tree.getroot().xpath('//*'))} elements; median of {runs} runs")
    base = dict(rows)
    for label, seconds in rows:
        print(f"  {label:<46} {seconds * 1000:8.0f} ms")
    print("ratios:")
    xslt_ratio = (base["XSLT 3.0 saxonche: document page"]
                  / base["XSLT 1.0 lxml/libxslt: plain page"])
    print(f"  saxonche document page / libxslt plain page: {xslt_ratio:.1f}x")
    weasy = base["PDF WeasyPrint (print HTML -> PDF)"]
    for label, seconds in rows:
        if label.startswith("PDF ") and "WeasyPrint" not in label:
            print(f"  WeasyPrint / {label[4:]}: {weasy / seconds:.2f}x")
    shutil.rmtree(work)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    main_(ap.parse_args().runs)
