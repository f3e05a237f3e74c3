"""Reading annotated text for the name model: CoNLL/IOB files and TEI editions."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from teiedit.enrich.corpus import Annotated, read
from teiedit.enrich.training import clean
from teiedit.xmlio import TeieditError


def names(doc: Annotated) -> list[tuple[str, str]]:
    return [(doc.text[s:e], label) for s, e, label in doc.spans]


def test_iob1_with_spaces_joins_tokens_as_printed(tmp_path: Path) -> None:
    f = tmp_path / "a.conll"
    f.write_text("Marshal O\nTito I-PER\n, O\nof O\nthe O\nUnited I-LOC\nStates I-LOC\n"
                 "met O\nthe O\nUN I-ORG\n( O\nin O\nNew I-LOC\nYork I-LOC\n) O\n. O\n",
                 encoding="utf-8")
    [doc] = read(f, "en")
    assert doc.text == "Marshal Tito, of the United States met the UN (in New York)."
    assert names(doc) == [("Tito", "PER"), ("United States", "LOC"), ("UN", "ORG"),
                          ("New York", "LOC")]


def test_iob2_b_tag_splits_adjacent_names(tmp_path: Path) -> None:
    f = tmp_path / "a.iob2"
    f.write_text("Kardelj\tB-PER\nPopović\tB-PER\nsu\tO\n", encoding="utf-8")
    assert names(read(f, "sr")[0]) == [("Kardelj", "PER"), ("Popović", "PER")]


def test_uner_columns_comments_and_labels_outside_the_three_are_read(tmp_path: Path) -> None:
    f = tmp_path / "a.iob2"
    f.write_text("# sent_id = 1\n# text = Vlada Srbije i Ivo\n1\tVlada\tB-ORG\tB-ORG\t-\n"
                 "2\tSrbije\tI-ORG\tI-ORG\t-\n3\ti\tO\tO\t-\n4\tDnevnik\tB-OTH\tB-OTH\t-\n"
                 "\n1\tIvo\tB-Person\tB-PER\t-\n", encoding="utf-8")
    [doc] = read(f, "sr")
    assert doc.text == "Vlada Srbije i Dnevnik Ivo"
    assert names(doc) == [("Vlada Srbije", "ORG"), ("Ivo", "PER")]


def test_lowercase_spans_are_no_names_and_the_determiner_stays_outside(tmp_path: Path) -> None:
    f = tmp_path / "a.conll"
    f.write_text("We\tB-Person\nthank\tO\nthe\tB-Organisation\nUnited\tI-Organisation\n"
                 "Nations\tI-Organisation\n", encoding="utf-8")
    assert names(read(f, "en")[0]) == [("United Nations", "ORG")]


def test_a_line_without_a_tag_is_an_error_with_its_place(tmp_path: Path) -> None:
    f = tmp_path / "a.conll"
    f.write_text("Tito\tB-PER\nalone\n", encoding="utf-8")
    with pytest.raises(TeieditError, match=r"a\.conll:2: expected a token and an IOB tag"):
        read(f, "en")


def test_cleaning_keeps_titles_outside_and_drops_roles() -> None:
    doc = Annotated("Ambassador Leo Mates met the Iraqi Foreign Minister and a Foreign Office "
                    "spokesman.", [(0, 20, "PER"), (29, 51, "PER"), (58, 83, "PER")])
    assert names(clean(doc)) == [("Leo Mates", "PER")]


TEI_DOC = dedent("""\
    <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>
    </titleStmt></fileDesc></teiHeader><text xml:lang="en"><body>
    <p>Ambassador <persName ref="#r">James
       Riddleberger</persName> met <persName>Tito</persName> in <placeName>Bel<lb
       break="no"/>grade</placeName><note>See <rs type="ORG">the Department</rs> and
       <persName>Kardelj</persName>.</note>.</p>
    <p><orgName>Ministry of <placeName>Yugoslavia</placeName></orgName> said.</p>
    <p xml:lang="sr-Latn">Razgovor sa <persName>Titom</persName> u Ljubljani.</p>
    </body></text></TEI>""")


def test_tei_blocks_in_the_language_with_their_outermost_names(tmp_path: Path) -> None:
    f = tmp_path / "e.xml"
    f.write_text(TEI_DOC, encoding="utf-8")
    docs = read(f, "en")
    assert [d.text for d in docs] == ["Ambassador James Riddleberger met Tito in Belgrade.",
                                      "See the Department and Kardelj.",
                                      "Ministry of Yugoslavia said."]
    assert [names(d) for d in docs] == [
        [("James Riddleberger", "PER"), ("Tito", "PER"), ("Belgrade", "LOC")],
        [("Kardelj", "PER")],  # "the Department" starts in lower case
        [("Ministry of Yugoslavia", "ORG")]]


def test_tei_other_language_is_read_only_for_that_language(tmp_path: Path) -> None:
    f = tmp_path / "e.xml"
    f.write_text(TEI_DOC, encoding="utf-8")
    [doc] = read(f, "sr")
    assert names(doc) == [("Titom", "PER")]


def test_cyrillic_copy_moves_spans_over_digraphs() -> None:
    doc = Annotated("Ljubodrag Dimić u Ljubljani.", [(0, 15, "PER"), (18, 27, "LOC")])
    cyr = doc.cyrillic()
    assert cyr.text == "Љубодраг Димић у Љубљани."
    assert names(cyr) == [("Љубодраг Димић", "PER"), ("Љубљани", "LOC")]
