"""Loading registers: what they know, and clear errors for what would make linking wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiedit.enrich.registers import Registers, standoff_lists
from teiedit.xmlio import TeieditError

TEI = "http://www.tei-c.org/ns/1.0"


def test_loads_entries_with_every_name_form(register_dir):
    regs = Registers.load(register_dir)
    assert regs.entries["collard_leo"].forms == [
        "Léo Collard", "Collard", "Collard Léo", "Leo Kolar"]
    assert regs.entries["psb"].kind == "org"
    assert len(regs.digest) == 64


def test_digest_changes_with_the_registers(register_dir):
    before = Registers.load(register_dir).digest
    p = register_dir / "places.xml"
    p.write_text(p.read_text().replace("Belgrade", "Beograd city"))
    assert Registers.load(register_dir).digest != before


def _write(d: Path, body: str) -> Path:
    d.mkdir(exist_ok=True)
    (d / "persons.xml").write_text(f'<listPerson xmlns="{TEI}">\n{body}\n</listPerson>\n')
    return d


def test_duplicate_id_is_an_error_naming_file_and_line(tmp_path):
    d = _write(tmp_path / "r", '<person xml:id="a"><persName>A B</persName></person>\n'
                               '<person xml:id="a"><persName>C D</persName></person>')
    with pytest.raises(TeieditError, match="duplicate id 'a'") as e:
        Registers.load(d)
    assert e.value.line == 3 and e.value.file.endswith("persons.xml")


def test_dangling_reference_is_an_error(tmp_path):
    d = _write(tmp_path / "r", '<person xml:id="a"><persName>A B</persName>'
                               '<affiliation><orgName ref="#nowhere">X</orgName></affiliation>'
                               '</person>')
    with pytest.raises(TeieditError, match="#nowhere points to no register entry"):
        Registers.load(d)


def test_malformed_register_is_an_error_with_its_line(tmp_path):
    d = _write(tmp_path / "r", '<person xml:id="a"><persName>A B</person>')
    with pytest.raises(TeieditError, match="not well-formed") as e:
        Registers.load(d)
    assert e.value.line == 2


def test_entry_without_a_name_is_an_error(tmp_path):
    d = _write(tmp_path / "r", '<person xml:id="a"><note>nameless</note></person>')
    with pytest.raises(TeieditError, match="has no <persName>"):
        Registers.load(d)


def test_wrong_root_is_an_error(tmp_path):
    d = tmp_path / "r"
    d.mkdir()
    (d / "x.xml").write_text(f'<TEI xmlns="{TEI}"/>')
    with pytest.raises(TeieditError, match="is not a TEI listPerson"):
        Registers.load(d)


def test_standoff_carries_only_the_entries_used(register_dir):
    lists = standoff_lists(Registers.load(register_dir), {"psb", "collard_leo"})
    ids = [e.get("{http://www.w3.org/XML/1998/namespace}id") for lst in lists for e in lst]
    assert ids == ["collard_leo", "psb"]
