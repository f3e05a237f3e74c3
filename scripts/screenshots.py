"""Screenshots of the reading edition for review, one document per kind of TEI of the
development corpus (../shared/corpora/tei) plus the bundled edition, in headless Chromium at
1280 and 390 px: the first screen, and one scrolled to a part that shows the kind (a speech,
a verse line number, an apparatus entry…). Writes PNGs and INDEX.md (what each should show)
into the output folder. Not a test: a person looks at the images.

Run: .venv/bin/python scripts/screenshots.py [--out /work/screens]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from click.testing import CliRunner

from teiedit.cli import main
from teiedit.render import render

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "tei" / "docs"
CHROMIUM = "/usr/bin/chromium"
WIDTHS = {1280: {"width": 1280, "height": 800}, 390: {"width": 390, "height": 844}}

# kind: (document, CSS selector of the part to scroll to, what the first screen shows,
#        what the scrolled screen shows)
KINDS = {
    "drama": ("greekdracor-aristophanes-birds.xml", "div.sp >> nth=2",
              "Greek comedy: title, navigation, the play's start",
              "speeches: each speaker's name in bold above the verse lines, "
              "line numbers every fifth line"),
    "speech": ("parlaclarin-siparl-OZKSIS-Redna-034-2000-05-18.xml", "div.u",
               "Slovenian parliamentary session: title, the transcriber's notes",
               "an utterance headed by the speaker's register name, its segments as paragraphs"),
    "letter": ("teipublisher-dantiscus-CIDTC-3823-cortez.xml", ".closer",
               "Cortés to Dantiscus: the letter's own title, From/To with names and places",
               "the letter's closing (closer, signature) set apart from the text"),
    "verse": ("perseus-farsi-hafez.divan.perseus-far1.xml", ".l-n",
              "Hafez's Divan, Persian, right to left",
              "verse lines right-aligned, every fifth line number in the margin, "
              "nothing wider than the screen"),
    "apparatus": ("sarit-ratnakirti.xml", ".app",
                  "Sanskrit philosophical text (SARIT) with a manuscript description",
                  "an apparatus entry: the lemma in the text, then the readings with their "
                  "witnesses (sigla)"),
    "epidoc": ("iospe-1.12.xml", ".type-translation",
               "Greek inscription (IOSPE): manuscript description, then the Edition heading "
               "and the text with Leiden signs [ ]",
               "the Apparatus / Translation (ru) / Translation (en) headings with their text"),
    "msdesc": ("betamasaheft-DSEthiop11.xml", "section.msDesc .ms-msContents, section.msDesc div",
               "Ethiopic manuscript (Beta maṣāḥǝft): the manuscript description first, Ge'ez "
               "in an Ethiopic font (no boxes)",
               "the description's labelled parts (contents, physical description, history)"),
    "dictionary": ("teipublisher-osinski.xml", "[class^='entryFree'] >> nth=2",
                   "Polish dictionary (Osiński): title and first entries",
                   "entries: headword form, grammar, senses with their numbers"),
    # (the seen part's SARIT corpus is XIncludes only, which render never expands; this one
    # is of the held-out part, shot after that part was measured)
    "teicorpus": ("parlaclarin-slovparl-teiCorpus.xml", "section.tei-doc >> nth=1",
                  "a teiCorpus of Slovak parliament sessions: the corpus title, then each "
                  "document under its own title",
                  "the second document of the corpus with its own heading and speeches"),
}


def bundled(folder: Path) -> Path:
    """The bundled article encoded with its registers and rendered, as `teiedit build` does."""
    edition = folder / "miletic.xml"
    source = ROOT / "tei" / "miletic-2021-tokovi-istorije.txt"
    result = CliRunner().invoke(main, ["encode", str(source), "--registers",
                                       str(ROOT / "tei" / "registers"), "-o", str(edition)])
    if result.exit_code:
        raise SystemExit(result.output)
    render(edition, {"html"}, folder)
    return folder / "miletic.html"


def shoot(page, url: str, selector: str, stem: Path) -> list[str]:
    """The first screen and the screen scrolled to `selector`: the PNGs' names."""
    page.goto(url)
    page.screenshot(path=f"{stem}-top.png")
    names = [f"{stem.name}-top.png"]
    part = page.locator(selector).first
    if part.count():
        part.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -60)")
        page.screenshot(path=f"{stem}-part.png")
        names.append(f"{stem.name}-part.png")
    return names


def main_() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("/work/screens"))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="screens-"))
    pages = {}
    for kind, (doc, selector, top, part) in KINDS.items():
        render(CORPUS / doc, {"html"}, work / kind)
        pages[kind] = (work / kind / f"{Path(doc).stem}.html", selector, f"{doc}: {top}", part)
    pages["bundled"] = (bundled(work / "bundled"), "#sec2-body, section:nth-of-type(2)",
                        "the bundled article: title, author, contents, switches (lines, "
                        "names), search",
                        "body text: page markers [p. N], note calls, names highlighted, "
                        "paragraph numbers")
    index = ["# Screenshots of the reading edition", "",
             "Made by `scripts/screenshots.py` (headless Chromium; 1280 × 800 and a 390 × 844 "
             "phone). `-top` is the first screen, `-part` the page scrolled to the part named.", ""]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        for width, viewport in WIDTHS.items():
            context = browser.new_context(viewport=viewport, is_mobile=width < 500,
                                          has_touch=width < 500, device_scale_factor=1)
            page = context.new_page()
            for kind, (html, selector, top, part) in pages.items():
                names = shoot(page, html.as_uri(), selector, args.out / f"{kind}-{width}")
                index.append(f"- `{names[0]}`: {top}")
                if len(names) > 1:
                    index.append(f"- `{names[1]}`: {part}")
                else:
                    index.append(f"- (no `{kind}-{width}-part.png`: `{selector}` not found)")
            context.close()
        browser.close()
    (args.out / "INDEX.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    print(args.out / "INDEX.md")


if __name__ == "__main__":
    main_()
