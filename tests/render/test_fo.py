"""XSL-FO output; rendered with Apache FOP where Debian's fop is installed."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from lxml import etree

from teiedit.render.xslt import XSLT_DIR

FO = "http://www.w3.org/1999/XSL/Format"


def test_fo_has_pages_running_heads_and_a_footnote_per_note(sample_out):
    fo = etree.parse(str(sample_out / "sample.fo"))
    ns = {"fo": FO}
    assert fo.getroot().tag == f"{{{FO}}}root"
    masters = fo.xpath("//fo:simple-page-master", namespaces=ns)
    assert {m.get("page-width") for m in masters} == {"176mm"}
    heads = {s.get("flow-name"): s.xpath("string()") for s in
             fo.xpath("//fo:static-content", namespaces=ns)}
    assert heads["head-even"] == "Aleksandar V. Miletić"
    assert heads["head-odd"] == "Yugoslav Communists and the West"
    bodies = [b.xpath("string()") for b in fo.xpath("//fo:footnote-body", namespaces=ns)]
    assert len(bodies) == 4 and "alphanote" in bodies[1]
    assert fo.xpath("//fo:block[@break-before='page'][@language='sr']", namespaces=ns)


@pytest.mark.skipif(not shutil.which("fop"), reason="Apache FOP (Debian fop) not installed")
def test_fop_renders_the_fo(sample_out, tmp_path):
    pdf = tmp_path / "sample-fop.pdf"
    subprocess.run(["fop", "-q", "-c", str(XSLT_DIR / "fop.xconf"), "-fo",
                    str(sample_out / "sample.fo"), "-pdf", str(pdf)],
                   check=True, capture_output=True, timeout=120)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "alphanote" in text and "Резиме" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "DejaVuSerif" in fonts and " no " not in fonts.split("\n", 2)[2]


# The kinds of TEI of genres.xsl in the XSL-FO, on real documents of the corpus.
TEI = {"t": "http://www.tei-c.org/ns/1.0"}
NS = {"fo": FO}
# the speaker of a speech or an utterance: bold, kept with what is said (headings too, but
# they are not hyphenated)
SPEAKERS = "//fo:block[@font-weight='bold'][@keep-with-next.within-page][not(@hyphenate)]"


def fo_and_tei(corpus_fo, shared_dir, name: str):
    from teiedit.xmlio import read_untrusted

    stem = name.removesuffix(".xml")
    return (etree.parse(str(corpus_fo(name) / f"{stem}.fo")),
            read_untrusted(shared_dir / "corpora" / "tei" / "docs" / name))


def squash(s: str) -> str:
    return " ".join(s.split())


def test_fo_drama_keeps_every_speaker_in_bold(corpus_fo, shared_dir):
    fo, tei = fo_and_tei(corpus_fo, shared_dir, "greekdracor-aristophanes-birds.xml")
    speakers = [squash(s.xpath("string()")) for s in tei.xpath("//t:sp/t:speaker", namespaces=TEI)]
    bold = [squash(b.xpath("string()")) for b in fo.xpath(SPEAKERS, namespaces=NS)]
    assert len(speakers) == 746 and bold == speakers


def test_fo_cast_list_and_stage_directions(tmp_path):
    from test_genres import write_play

    fo = etree.parse(str(write_play(tmp_path, "fo")))
    assert fo.xpath("string(//fo:flow//fo:block[@font-style='italic'])", namespaces=NS) == "Exit."
    assert "HAMLET, prince" in fo.xpath("string(//fo:block[@start-indent='4mm'])", namespaces=NS)


def test_fo_speeches_are_headed_by_their_speakers(corpus_fo, shared_dir):
    fo, tei = fo_and_tei(corpus_fo, shared_dir,
                         "parlaclarin-siparl-OZKSIS-Redna-034-2000-05-18.xml")
    heads = fo.xpath(SPEAKERS, namespaces=NS)
    assert len(heads) == len(tei.xpath("//t:u[@who]", namespaces=TEI)) == 9
    assert all(h.text and not h.text.startswith("#") for h in heads)


def test_fo_letter_has_correspondents_salute_and_closer(corpus_fo, shared_dir):
    fo, tei = fo_and_tei(corpus_fo, shared_dir, "teipublisher-dantiscus-CIDTC-3823-cortez.xml")
    text = squash(fo.xpath("string(//fo:flow)", namespaces=NS))
    assert text.startswith("Hernán CORTÉS to Ioannes DANTISCUS") and "From: " in text
    closers = fo.xpath("//fo:block[@text-align='end'][@space-before='3mm']", namespaces=NS)
    assert len(closers) == len(tei.xpath("//t:text//t:closer", namespaces=TEI))


def test_fo_verse_apparatus_epidoc_dictionary(corpus_fo, shared_dir):
    fo, tei = fo_and_tei(corpus_fo, shared_dir, "sarit-astavakragita.xml")
    assert len(fo.xpath("//fo:flow//fo:block[@text-align='start']", namespaces=NS)) == \
        len(tei.xpath("//t:text//t:l", namespaces=TEI))
    fo, tei = fo_and_tei(corpus_fo, shared_dir, "sarit-ratnakirti.xml")
    assert len(fo.xpath("//fo:inline[@font-size='8pt'][@color]", namespaces=NS)) == \
        len(tei.xpath("//t:app", namespaces=TEI))
    fo, tei = fo_and_tei(corpus_fo, shared_dir, "iospe-1.12.xml")
    heads = [b.text for b in fo.xpath("//fo:block[@font-weight='bold']", namespaces=NS)]
    assert {"Edition", "Apparatus", "Translation (ru)", "Commentary"} <= set(heads)
    assert "Manuscript description" in heads
    text = fo.xpath("string(//fo:flow)", namespaces=NS)
    assert text.count("[") >= len(tei.xpath("//t:text//t:supplied", namespaces=TEI)) > 0
    fo, tei = fo_and_tei(corpus_fo, shared_dir, "teipublisher-osinski.xml")
    assert len(fo.xpath("//fo:block[@space-before='2mm']", namespaces=NS)) >= \
        len(tei.xpath("//t:entryFree", namespaces=TEI)) == 17


@pytest.mark.skipif(not shutil.which("fop"), reason="Apache FOP (Debian fop) not installed")
def test_fop_lays_out_a_real_inscription(corpus_fo, tmp_path):
    pdf = tmp_path / "iospe.pdf"
    fo = corpus_fo("iospe-1.12.xml") / "iospe-1.12.fo"
    subprocess.run(["fop", "-q", "-c", str(XSLT_DIR / "fop.xconf"), "-fo", str(fo), "-pdf",
                    str(pdf)], check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Edition" in text and "Translation (ru)" in text and "Manuscript description" in text
