"""The bundled article end to end: encoded, enriched with the curated registers, scored."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from teiedit.encode.pipeline import encode_source
from teiedit.encode.source import Diagnostics, read_source
from teiedit.enrich import Report, enrich, finish
from teiedit.enrich.evaluate import edition_items, evaluate, read_gold
from teiedit.enrich.registers import Registers
from teiedit.serialize.regenerate import regenerate
from teiedit.serialize.tei import serialize, to_tree

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "tei" / "miletic-2021-tokovi-istorije.txt"
REGISTERS = ROOT / "tei" / "registers"
GOLD = ROOT / "tests" / "gold" / "miletic-2021-tokovi-istorije.tsv"


def encoded():
    diag = Diagnostics(str(SOURCE))
    return encode_source(read_source(SOURCE, diag), diag)


def edition(registers: Registers | None, report: Report | None = None):
    doc = enrich(encoded(), registers, report)
    tree = to_tree(doc)
    finish(tree, doc)
    return tree


@pytest.fixture(scope="module")
def with_registers():
    report = Report()
    return edition(Registers.load(REGISTERS), report), report


@pytest.fixture(scope="module")
def scored(with_registers, tmp_path_factory):
    path = tmp_path_factory.mktemp("ed") / "edition.xml"
    path.write_bytes(serialize(with_registers[0]))
    return evaluate(edition_items(path), read_gold(GOLD))


def test_enrichment_never_changes_the_text():
    plain = [f.text for f in encoded().inlines()]
    assert [f.text for f in enrich(encoded(), Registers.load(REGISTERS)).inlines()] == plain


def test_source_is_regenerated_unchanged(with_registers):
    assert regenerate(with_registers[0]) == regenerate(to_tree(encoded()))


def test_edition_is_valid_tei(with_registers, tei_all_rng):
    assert tei_all_rng.validate(with_registers[0]), tei_all_rng.error_log.last_error


def test_same_input_same_bytes(with_registers):
    assert serialize(edition(Registers.load(REGISTERS))) == serialize(with_registers[0])


def test_with_curated_registers_names_reach_the_target(scored):
    assert scored["names"].f1 >= 0.97
    ok, n = scored["linking"]
    assert ok / n >= 0.97


def test_dates_and_citations_reach_the_target(scored):
    assert scored["types"]["date"].f1 >= 0.97
    ok, n = scored["dates"]
    assert ok / n >= 0.97
    assert scored["citations"].f1 >= 0.97


def test_every_link_has_its_entry_in_standoff(with_registers):
    root = with_registers[0].getroot()
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    ids = {e.get("{http://www.w3.org/XML/1998/namespace}id")
           for e in root.iterfind("t:standOff//*", ns)}
    refs = {r.lstrip("#") for r in root.xpath("//t:text//@ref", namespaces=ns)}
    assert refs and refs <= ids


def test_without_registers_recognition_is_usable(tmp_path):
    report = Report()
    path = tmp_path / "plain.xml"
    path.write_bytes(serialize(edition(None, report)))
    result = evaluate(edition_items(path), read_gold(GOLD))
    assert result["names"].f1 >= 0.85
    assert ("persName", "max buset") in report.proposals


def test_review_file_lists_what_the_registers_do_not_know(tmp_path):
    from click.testing import CliRunner

    from teiedit.cli import main

    out = tmp_path / "proposals.xml"
    result = CliRunner().invoke(main, ["registers", "propose", str(SOURCE), "--registers",
                                       str(REGISTERS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    ids = set(re.findall(r'xml:id="([^"]+)"', out.read_text()))
    # the editor rejected these when making the gold (see its header); "Тако" (a sentence
    # adverb once taken for an inflected place) and "Истока" (the East) are no longer
    # proposed; the name model adds two wrong ones ("Eastern and Western" labour movements,
    # "Хладном" of "Cold War")
    assert ids == {"promis", "yeh", "socijalisticke_partije_zapada", "eastern_and_western",
                   "hladnom"}


def test_edition_is_valid_against_the_project_schema(with_registers):
    from lxml import etree

    rng = etree.RelaxNG(etree.parse(str(ROOT / "schema" / "teiedit.rng")))
    assert rng.validate(with_registers[0]), rng.error_log.last_error
