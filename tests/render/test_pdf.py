"""The print PDF, checked on the PDF itself: text per page, fonts, page images."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
# the text the editions show: of choice, the corrected/regularized/expanded reading
SHOWN = " and not(ancestor::t:sic or ancestor::t:orig or ancestor::t:abbr)"


def squash(s: str) -> str:
    """Text without whitespace, the hyphens hyphenation added (U+2010 at line end) and page
    markers ([131]), to compare across line breaks."""
    s = re.sub(r"\u2010\n", "", s)
    return re.sub(r"[\s\u00ad]+|\[\d+\]", "", s)


def pages_text(pdf: Path) -> list[str]:
    return [squash(p.extract_text() or "") for p in PdfReader(pdf).pages]


def test_each_sample_note_is_on_the_page_of_its_call(sample_out):
    pages = pages_text(sample_out / "sample.pdf")
    for call, note in (("alphacall", "alphanote"), ("betacall", "Betanote"),
                       ("YugoslavCommunists", "starnoteword")):
        on = [i for i, t in enumerate(pages) if call in t]
        assert on and note in pages[on[0]], (call, note)


def test_notes_of_the_bundled_article_share_the_page_of_their_call(bundled_edition, bundled_out):
    """The call (last letters before it + its number) and the note's first words: one page."""
    pages = pages_text(bundled_out / "miletic.pdf")
    tei = etree.parse(str(bundled_edition))
    checked = 0
    for note in tei.xpath("//t:text//t:note[@n != '*']", namespaces=TEI):
        before = squash("".join(note.xpath(
            f"preceding::text()[not(ancestor::t:fw or ancestor::t:note){SHOWN}][position() <= 3]",
            namespaces=TEI)))[-4:]
        start = squash("".join(note.xpath(f".//text()[not(ancestor::t:label){SHOWN}]",
                                          namespaces=TEI)))[:12]
        if len(before) < 4 or len(start) < 6:
            continue
        call_pages = {i for i, t in enumerate(pages) if before + note.get("n") in t}
        note_pages = {i for i, t in enumerate(pages) if start in t}
        assert call_pages & note_pages, (note.get("n"), before, start, call_pages, note_pages)
        checked += 1
    assert checked > 50


def test_fonts_are_embedded_and_cover_cyrillic(sample_out):
    reader = PdfReader(sample_out / "sample.pdf")
    fonts = {}
    for p in reader.pages:
        for font in p["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] \
                if "/DescendantFonts" in font else font["/FontDescriptor"]
            files = ("/FontFile", "/FontFile2", "/FontFile3")
            fonts[font["/BaseFont"]] = any(k in desc for k in files)
    assert fonts and all(fonts.values()), fonts
    assert all("DejaVu" in name for name in fonts)
    assert "Кључнеречи" in "".join(pages_text(sample_out / "sample.pdf"))


def test_pdf_carries_title_author_source_and_licence(sample_out):
    reader = PdfReader(sample_out / "sample.pdf")
    assert reader.metadata.title == "Yugoslav Communists and the West: A Test Article"
    assert reader.metadata.author == "Aleksandar V. Miletić"
    last = squash(reader.pages[-1].extract_text())
    assert "Licence:CCBY-NC4.0" in last and "DOI:10.31212" in last


def test_summary_starts_on_its_own_page_with_running_heads(sample_out):
    reader = PdfReader(sample_out / "sample.pdf")
    texts = [p.extract_text() for p in reader.pages]
    (summary,) = [i for i, t in enumerate(texts) if "Резиме" in t]
    assert summary > 0 and "Introduction" not in texts[summary]
    # page 2 is a verso: the author runs at its head; page 1 has no running head
    assert "Aleksandar V. Miletić" in texts[summary].splitlines()
    assert "Yugoslav Communists and the West" not in texts[0].splitlines()


def test_bundled_pdf_is_paged_with_running_heads_and_numbers(bundled_edition, bundled_out):
    title = etree.parse(str(bundled_edition)).xpath(
        "string(//t:titleStmt/t:title[@type='main'][1])", namespaces=TEI)
    short_title = " ".join(title.split(":")[0].split())
    reader = PdfReader(bundled_out / "miletic.pdf")
    assert len(reader.pages) > 10
    texts = [p.extract_text() for p in reader.pages]
    for number, t in enumerate(texts[1:6], start=2):
        lines = [ln.strip() for ln in t.splitlines() if ln.strip()]
        assert str(number) in lines
        head = "Aleksandar V. Miletić" if number % 2 == 0 else short_title
        assert head in lines, (number, lines)
    mediabox = reader.pages[0].mediabox
    assert round(float(mediabox.width) / 72 * 25.4) == 176  # B5 (journal) 176 × 250 mm
    assert round(float(mediabox.height) / 72 * 25.4) == 250


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
def test_first_page_as_png_artifact(bundled_out, artifacts):
    target = artifacts / "miletic-page1"
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile",
                    str(bundled_out / "miletic.pdf"), str(target)], check=True)
    png = target.with_suffix(".png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_pdftotext_reads_the_serbian_summary(bundled_out):
    text = subprocess.run(["pdftotext", str(bundled_out / "miletic.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Резиме" in text


def destinations(pdf: Path, prefix: str) -> dict[str, int]:
    """Named destinations (the print HTML's identifiers) starting with `prefix`: page index."""
    reader = PdfReader(pdf)
    return {name[len(prefix):]: reader.get_destination_page_number(dest)
            for name, dest in reader.named_destinations.items() if name.startswith(prefix)}


@pytest.mark.parametrize("pdf", ["sample.pdf", "miletic.pdf"])
def test_every_note_is_on_the_page_of_its_call(sample_out, bundled_out, pdf):
    path = (sample_out if pdf == "sample.pdf" else bundled_out) / pdf
    calls, notes = destinations(path, "call-"), destinations(path, "fn-")
    assert len(calls) == {"sample.pdf": 4, "miletic.pdf": 76}[pdf]  # every note of the text
    assert calls.keys() == notes.keys()
    assert {n: (p, notes[n]) for n, p in calls.items() if notes[n] != p} == {}


def test_a_note_call_never_begins_a_line(bundled_edition):
    """The space before a call goes after it, so a line can only break after the call."""
    from teiedit.render.core import language_subtags
    from teiedit.render.xslt import transform
    from teiedit.xmlio import read_untrusted

    html = transform("print.xsl", read_untrusted(bundled_edition),
                     {"base": "miletic", "languages": language_subtags()})
    assert html.count('<span class="call"') == 76
    assert not re.search(r'\s<span class="call"', html)


def test_pages_are_labelled_with_the_printed_page_numbers(bundled_out):
    labels = PdfReader(bundled_out / "miletic.pdf").page_labels
    assert labels[0].startswith("121") and labels[-1].endswith("143")
    printed = [int(n) for label in labels for n in label.split("–")]
    assert printed == sorted(printed)


def test_the_pdf_is_tagged_linked_and_has_bookmarks(bundled_out):
    reader = PdfReader(bundled_out / "miletic.pdf")
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    # PDF/UA-1 (ISO 14289-1): identified in the XMP metadata, titled, language set
    xmp = etree.fromstring(reader.xmp_metadata.stream.get_data())
    assert xmp.xpath("//@pdfuaid:part", namespaces={
        "pdfuaid": "http://www.aiim.org/pdfua/ns/id/"}) == ["1"]
    assert reader.xmp_metadata.dc_title["x-default"].startswith("Yugoslav Communists")
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] and root["/Lang"] == "en"
    uris = {a.get_object()["/A"].get("/URI") for p in reader.pages
            for a in p.get("/Annots", []) or []}
    assert "https://creativecommons.org/licenses/by/4.0/" in uris
    titles = [b["/Title"] for b in reader.outline[1]]
    assert "The Period of Foreign Policy Crisis" in titles


def test_a_page_marker_glued_to_a_word_prints_small_like_the_others(tmp_path):
    """A page break inside a word is marked after the word (and before a note call there):
    still the small marker, not text at the size of the word."""
    from test_generic import write_tei

    from teiedit.render import render

    path = write_tei(tmp_path, "words", (
        "<text><body><p><lb n='1'/>Contacts with West Europe<pb n='7' break='no'/>"
        "<lb n='1' break='no'/>an parties<pb n='8'/> were made, and some respect"
        "<pb n='9' break='no'/>able<note n='1'>A note.</note> people came.</p></body></text>"))
    render(path, {"pdf"}, tmp_path / "o")
    sizes: dict[str, set[float]] = {}
    PdfReader(tmp_path / "o" / "words.pdf").pages[0].extract_text(
        visitor_text=lambda text, cm, tm, font, size: sizes.setdefault(text.strip(), set()).add(
            round(size * tm[0] * cm[0], 1)))
    body = sizes["Contacts with West European"]
    assert sizes["[8]"] == sizes["[7]"] == sizes["[9]"] == {7.0} and body == {10.0}
