"""The bundled article end to end: Miletić, Tokovi istorije 3/2021, 121–143."""

from __future__ import annotations

import pytest
from encode_helpers import BUNDLED_SOURCE, NS, ROOT, normalised
from lxml import etree

from teiedit.build import project_registers
from teiedit.encode.command import encode_file, metadata_beside
from teiedit.serialize.regenerate import regenerate

COMMITTED = ROOT / "tei" / "miletic-2021-tokovi-istorije.xml"


@pytest.fixture(scope="module")
def tei_bytes() -> bytes:
    """The structural encoding (enrichment has its own tests in tests/enrich)."""
    return encode_file(BUNDLED_SOURCE, metadata=metadata_beside(BUNDLED_SOURCE), names=False)


@pytest.fixture(scope="module")
def tei(tei_bytes):
    return etree.ElementTree(etree.fromstring(tei_bytes))


def xp(tree, expr):
    return tree.xpath(expr, namespaces=NS)


def reading(el) -> str:
    text = "".join(el.xpath(".//text()[not(ancestor::t:note) and not(ancestor::t:fw)]",
                            namespaces=NS))
    return " ".join(text.split())


def test_75_numbered_notes_and_the_title_note_in_order(tei):
    numbers = xp(tei, "//t:text//t:note/@n")
    assert numbers == ["*"] + [str(k) for k in range(1, 76)]
    assert xp(tei, "//t:titlePart/t:note/@n") == ["*"]


XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def line_text_before(note) -> tuple[int, str]:
    """(source line, text of that line up to the note, calls included) as the TEI has it.

    Other notes count as their call; corrections (`corr`) are not source text.
    """
    t = f"{{{NS['t']}}}"
    line, text, skipping = 0, "", 0
    for event, el in etree.iterwalk(note.getroottree().getroot(), events=("start", "end")):
        if el is note:
            return line, text
        skipped = el.tag in (t + "note", t + "corr")
        if event == "start":
            if skipped:
                text += el.get("n", "") if not skipping else ""  # an earlier call
                skipping += 1
            elif not skipping and el.tag == t + "lb" and el.get(XML_ID, "").startswith("L"):
                line, text = int(el.get(XML_ID)[1:]), ""
            elif not skipping:
                text += el.text or ""
        else:
            if skipped:
                skipping -= 1
            if not skipping:
                text += el.tail or ""
    raise AssertionError("note not found")


def test_each_note_stands_at_its_call(tei):
    source = BUNDLED_SOURCE.read_text("utf-8").split("\n")
    for note in xp(tei, "//t:body//t:note"):
        line, before = line_text_before(note)
        printed = source[line - 1].strip()
        assert printed.startswith(before.strip() + note.get("n")) or \
            printed.startswith(before.rstrip() + " " + note.get("n")), (note.get("n"), line)


def test_the_section_heads(tei):
    heads = [reading(h) for h in xp(tei, "//t:body/t:div/t:head")]
    assert heads == ["Introduction", "The Period of Foreign Policy Crisis",
                     "In the Era of Foreign Policy Stabilization", "Summary"]


def test_the_serbian_summary_is_in_the_back(tei):
    (div,) = xp(tei, "//t:back/t:div[@type='summary'][@xml:lang='sr-Cyrl']")
    assert reading(div.find("{http://www.tei-c.org/ns/1.0}head")) == "Резиме"
    assert xp(tei, "string(//t:back//t:docAuthor)").strip() == "Александар В. Милетић"
    assert xp(tei, "//t:back/t:div/t:div/@type") == ["abstract", "keywords", "text"]


def test_the_header_knows_the_printed_article(tei):
    assert xp(tei, "string(//t:titleStmt/t:title[@xml:lang='en'])") == \
        "Yugoslav Communists and Belgian Socialists 1950–1956"
    assert xp(tei, "string(//t:titleStmt/t:title[@xml:lang='sr-Cyrl'])") == \
        "Југословенски комунисти и белгијски социјалисти 1950–1955"
    assert xp(tei, "string(//t:titleStmt/t:author//t:surname)") == "Miletić"
    assert xp(tei, "string(//t:monogr/t:title[@level='j'])") == "Токови историје"
    assert xp(tei, "//t:biblScope[@unit='page']/@from") == ["121"]
    assert xp(tei, "//t:biblScope[@unit='page']/@to") == ["143"]
    assert xp(tei, "//t:langUsage/t:language/@ident") == ["en", "sr-Cyrl", "sr-Latn"]


def test_every_page_has_a_pb_numbered_from_print(tei):
    main = xp(tei, "//t:pb[not(ancestor::t:note)]/@n")
    assert main == [str(n) for n in range(121, 141)] + ["143"]


def test_no_furniture_in_the_running_text(tei):
    text = reading(xp(tei, "//t:text")[0])
    assert "ТОКОВИ ИСТОРИЈЕ" not in text
    assert "MILETIĆ YUGOSLAV" not in text
    assert xp(tei, "//t:fw/text()") == ["128", "ТОКОВИ ИСТОРИЈЕ  3/2021. 121–143", "143",
                                       "Aleksandar V. MILETIĆ YUGOSLAV COMMUNISTS AND BELGIAN "
                                       "SOCIALISTS 1950–1956"]


def test_hyphenation_in_the_reading_text(tei):
    text = reading(xp(tei, "//t:body")[0])
    for word in ("Yugoslavia", "high-ranking", "Belgian Socialist Party (Parti", "pro-American",
                 "anti-fascist", "mid-1952"):
        assert word in text
    assert "So-cialist" not in text


def test_round_trip_gives_the_source_back(tei):
    assert regenerate(tei) == normalised(BUNDLED_SOURCE.read_text("utf-8"))


def test_valid_against_tei_all(tei, tei_all_rng):
    assert tei_all_rng.validate(tei), tei_all_rng.error_log


def test_output_is_deterministic(tei_bytes):
    again = encode_file(BUNDLED_SOURCE, metadata=metadata_beside(BUNDLED_SOURCE), names=False)
    assert again == tei_bytes


def test_the_committed_edition_is_what_encode_makes_with_the_registers():
    made = encode_file(BUNDLED_SOURCE, metadata=metadata_beside(BUNDLED_SOURCE),
                       registers=project_registers(ROOT))
    assert COMMITTED.read_bytes() == made, "run `teiedit build` and copy output/*.xml to tei/"
