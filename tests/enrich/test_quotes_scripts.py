"""Quotations and words that mix Latin and Cyrillic letters."""

from __future__ import annotations

from lxml import etree

from teiedit.enrich import enrich
from teiedit.enrich.quotes import find_quotes
from teiedit.enrich.scripts import add_corrections, correct

from .conftest import TEI, make_doc, spans


def test_quotation_covers_the_quoted_words_marks_stay_in_the_text():
    t = "he wrote: “Yugoslavia is the only perspective.” Then „Пријем делегације“ and ,,x y“"
    assert [t[a:b] for a, b in find_quotes(t)] == [
        "Yugoslavia is the only perspective.", "Пријем делегације", "x y"]


def test_mixed_word_is_corrected_to_its_majority_script():
    assert correct("SКJ") == "SKJ"
    assert correct("КMOV") == "KMOV"
    assert correct("БСП-a") == "БСП-а"
    assert correct("Remoоrtel") == "Remoortel"


def test_a_tie_is_broken_by_the_context():
    assert correct("CК", "AJ, 507/IX, CК SКJ, Belgija") == "CK"
    assert correct("CК", "Архив Југославије, CК СКЈ") == "СК"


def test_mixed_word_becomes_sic_and_text_is_unchanged():
    doc = make_doc("AJ, 507/IX, CК SКJ, КMOV, Belgija")
    before = doc.body.children[0].inline.text
    enrich(doc)
    inline = doc.body.children[0].inline
    assert inline.text == before
    assert [s for _, s, _ in spans(inline, "sic")] == ["CК", "SКJ", "КMOV"]


def test_add_corrections_wraps_sic_in_choice_with_corr():
    p = etree.fromstring(f'<p xmlns="{TEI}">AJ, <sic resp="#teiedit">CК</sic> SKJ</p>')
    assert add_corrections(p) == 1
    assert etree.tostring(p, encoding="unicode") == (
        f'<p xmlns="{TEI}">AJ, <choice><sic resp="#teiedit">CК</sic>'
        '<corr resp="#teiedit">CK</corr></choice> SKJ</p>')
    assert add_corrections(p) == 0  # idempotent


def test_a_name_that_is_the_whole_misprint_holds_the_choice():
    """The name wraps choice/sic/corr, so the reading edition (which shows the correction)
    still shows, and indexes, the name."""
    p = etree.fromstring(f'<p xmlns="{TEI}">AJ, <sic resp="#teiedit"><orgName ref="#kmov">КMOV'
                         '</orgName></sic>, Belgija</p>')
    assert add_corrections(p) == 1
    assert etree.tostring(p, encoding="unicode") == (
        f'<p xmlns="{TEI}">AJ, <orgName ref="#kmov"><choice><sic resp="#teiedit">КMOV</sic>'
        '<corr resp="#teiedit">KMOV</corr></choice></orgName>, Belgija</p>')
    assert add_corrections(p) == 0
