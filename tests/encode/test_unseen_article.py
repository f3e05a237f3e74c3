"""An article the encoder was not written for: other names, pages, notes, a Latin summary."""

from pathlib import Path

import pytest
from encode_helpers import NS, normalised
from lxml import etree

from teiedit.encode.command import encode_file
from teiedit.encode.source import Diagnostics
from teiedit.serialize.regenerate import regenerate

SOURCE = Path(__file__).parent / "data" / "petrovic-unseen.txt"


@pytest.fixture(scope="module")
def encoded():
    diag = Diagnostics(str(SOURCE))
    return etree.ElementTree(etree.fromstring(encode_file(SOURCE, diag=diag, names=False))), diag


def xp(encoded, expr):
    return encoded[0].xpath(expr, namespaces=NS)


def test_notes_pages_and_heads(encoded):
    assert xp(encoded, "//t:note/@n") == ["*", "1", "2", "3", "4", "5", "6"]
    assert xp(encoded, "//t:pb[not(ancestor::t:note)]/@n") == ["45", "46", "47"]
    heads = ["".join(h.itertext()).strip() for h in xp(encoded, "//t:body/t:div/t:head")]
    assert heads == ["Background", "The Second Phase"]


def test_continued_notes_are_joined(encoded):
    note2 = "".join(xp(encoded, "//t:note[@n='2']")[0].itertext())
    assert "Kopenhagenu" in note2 and note2.rstrip().endswith("2011), 77–79.")


def test_latin_summary_and_english_keywords(encoded):
    assert xp(encoded, "//t:back/t:div/@xml:lang") == ["sr-Latn"]
    assert xp(encoded, "//t:keywords[@xml:lang='en']/t:term/text()") == [
        "Denmark", "Yugoslavia", "social democracy", "Cold War"]


def test_journal_issue_and_pages_from_the_running_head(encoded):
    assert xp(encoded, "//t:biblScope[@unit='issue']/text()") == ["88"]
    assert xp(encoded, "//t:monogr/t:imprint/t:date/@when") == ["2013"]


def test_what_was_not_found_is_said(encoded):
    assert any("no author/title running head" in w for w in encoded[1].warnings)


def test_round_trip(encoded):
    assert regenerate(encoded[0]) == normalised(SOURCE.read_text("utf-8"))


def test_valid_against_tei_all(encoded, tei_all_rng):
    assert tei_all_rng.validate(encoded[0]), tei_all_rng.error_log


JANKOVIC = Path(__file__).parent / "data" / "jankovic-unseen.txt"


@pytest.fixture(scope="module")
def jankovic():
    return etree.ElementTree(etree.fromstring(encode_file(JANKOVIC, names=False))), None


def test_a_cyrillic_journal_head_and_an_author_head_give_the_header(jankovic):
    assert xp(jankovic, "string(//t:titleStmt/t:title[@xml:lang='en'])") == \
        "Italian Socialists and Yugoslavia 1948–1956"
    assert xp(jankovic, "string(//t:titleStmt/t:author//t:surname)") == "Janković"
    assert xp(jankovic, "string(//t:monogr/t:title)") == "Историја 20. века"
    assert xp(jankovic, "//t:pb[not(ancestor::t:note)]/@n") == ["33", "34", "35"]


def test_notes_heads_and_round_trip_of_a_second_unseen_article(jankovic, tei_all_rng):
    assert xp(jankovic, "//t:note/@n") == ["1", "2", "3", "4"]
    heads = ["".join(h.itertext()).strip() for h in xp(jankovic, "//t:body/t:div/t:head")]
    assert heads == ["Introduction", "The Years of Distance"]
    assert "Foreign Policy Commission" in "".join(xp(jankovic, "//t:body")[0].itertext()) \
        .replace("\n", " ")
    assert regenerate(jankovic[0]) == normalised(JANKOVIC.read_text("utf-8"))
    assert tei_all_rng.validate(jankovic[0]), tei_all_rng.error_log


@pytest.mark.parametrize("source", [SOURCE, JANKOVIC], ids=["petrovic", "jankovic"])
def test_enriched_unseen_articles_are_valid_tei(source, tei_all_rng):
    tree = etree.ElementTree(etree.fromstring(encode_file(source)))
    assert tree.xpath("//t:persName", namespaces=NS)
    assert tei_all_rng.validate(tree), tei_all_rng.error_log
    assert regenerate(tree) == normalised(source.read_text("utf-8"))
