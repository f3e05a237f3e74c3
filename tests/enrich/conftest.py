"""Small documents and registers built from strings, as the structural encoder would."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from teiedit.model import Anchor, Document, Inline, Metadata, Node

TEI = "http://www.tei-c.org/ns/1.0"


def make_doc(*paragraphs: str, notes: dict[int, str] | None = None) -> Document:
    """A body of paragraphs; `notes` maps a paragraph index to the text of a note at its end."""
    doc = Document(Metadata())
    for i, text in enumerate(paragraphs):
        inline = Inline(text)
        if notes and i in notes:
            inline.anchors.append(Anchor(len(text), "note", {"n": str(i + 1),
                                                              "xml:id": f"n{i + 1}"},
                                         content=Inline(notes[i])))
        doc.body.children.append(Node("p", inline=inline))
    return doc


def spans(inline: Inline, tag: str | None = None) -> list[tuple[str, str, dict[str, str]]]:
    """(tag, covered text, attributes) of an inline's spans, in text order."""
    return [(s.tag, inline.text[s.start:s.end], s.attrs)
            for s in sorted(inline.spans, key=lambda s: (s.start, -s.end))
            if tag is None or s.tag == tag]


@pytest.fixture
def register_dir(tmp_path: Path) -> Path:
    """A register of three persons, two organisations, two places."""
    d = tmp_path / "registers"
    d.mkdir()
    (d / "persons.xml").write_text(dedent(f"""\
        <listPerson xmlns="{TEI}">
          <person xml:id="tito_josip_broz">
            <persName><forename>Josip</forename> <surname>Broz Tito</surname></persName>
            <persName type="variant">Tito</persName>
            <persName type="variant" xml:lang="sr-Cyrl">Тито</persName>
          </person>
          <person xml:id="collard_leo">
            <persName><forename>Léo</forename> <surname>Collard</surname></persName>
            <persName type="variant" xml:lang="sr-Latn">Leo Kolar</persName>
            <birth when="1902"/><death when="1981"/>
            <note>Belgian socialist politician.</note>
          </person>
          <person xml:id="vlahovic_veljko">
            <persName><forename>Veljko</forename> <surname>Vlahović</surname></persName>
            <affiliation><orgName ref="#ssrnj">SSRNJ</orgName></affiliation>
          </person>
          <person xml:id="dimic_ljubodrag">
            <persName><forename>Ljubodrag</forename> <surname>Dimić</surname></persName>
          </person>
          <person xml:id="dimic_natalija">
            <persName><forename>Natalija</forename> <surname>Dimić</surname></persName>
          </person>
        </listPerson>
        """), encoding="utf-8")
    (d / "orgs.xml").write_text(dedent(f"""\
        <listOrg xmlns="{TEI}">
          <org xml:id="psb">
            <orgName>Belgian Socialist Party</orgName>
            <orgName type="abbr">PSB</orgName>
            <orgName type="abbr" xml:lang="sr-Cyrl">БСП</orgName>
            <orgName xml:lang="sr-Latn">Socijalistička partija Belgije</orgName>
          </org>
          <org xml:id="ssrnj"><orgName type="abbr">SSRNJ</orgName></org>
        </listOrg>
        """), encoding="utf-8")
    (d / "places.xml").write_text(dedent(f"""\
        <listPlace xmlns="{TEI}">
          <place xml:id="belgrade">
            <placeName>Belgrade</placeName><placeName xml:lang="sr-Latn">Beograd</placeName>
          </place>
          <place xml:id="belgium"><placeName>Belgium</placeName>
            <placeName xml:lang="sr-Latn">Belgija</placeName></place>
        </listPlace>
        """), encoding="utf-8")
    return d
