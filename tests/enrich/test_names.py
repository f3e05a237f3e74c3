"""Tagging what the registers know: every form, across scripts and Serbian inflection."""

from __future__ import annotations

import pytest

from teiedit.enrich import Report, enrich
from teiedit.enrich.registers import Registers

from .conftest import make_doc, spans

LINKED = {"resp": "#teiedit-registers"}  # a register's names say which recogniser tagged them


def names(register_dir, text: str) -> list[tuple[str, str, dict[str, str]]]:
    doc = make_doc(text)
    enrich(doc, Registers.load(register_dir))
    inline = doc.body.children[0].inline
    return [s for s in spans(inline) if s[0] in ("persName", "orgName", "placeName")]


@pytest.mark.parametrize(("text", "surface", "ref"), [
    ("Razgovor Josipa Broza Tita sa delegacijom", "Josipa Broza Tita", "#tito_josip_broz"),
    ("sa Leom Kolarom, članom Biroa", "Leom Kolarom", "#collard_leo"),
    ("Pismo Veljka Vlahovića, upućeno", "Veljka Vlahovića", "#vlahovic_veljko"),
    ("као и Тито у Београду", "Тито", "#tito_josip_broz"),
    ("Telegram ambasade u Beogradu", "Beogradu", "#belgrade"),
    ("posete Socijalističke partije Belgije", "Socijalističke partije Belgije", "#psb"),
    ("посета делегације БСП-a Југославији", "БСП-a", "#psb"),
    ("the PSB-a delegation", "PSB-a", "#psb"),
])
def test_inflected_and_transliterated_forms_link_to_the_entry(register_dir, text, surface, ref):
    assert ("placeName" if ref in ("#belgrade",) else "orgName" if ref == "#psb"
            else "persName", surface, {"ref": ref, **LINKED}) in names(register_dir, text)


def test_english_possessive_stays_outside_the_name(register_dir):
    assert ("persName", "Tito", {"ref": "#tito_josip_broz", **LINKED}) in \
        names(register_dir, "impressed by Tito’s view")


def test_longest_form_wins(register_dir):
    found = names(register_dir, "President of the Belgian Socialist Party spoke")
    assert [(t, s) for t, s, _ in found] == [("orgName", "Belgian Socialist Party")]


def test_confirmed_names_carry_no_doubt(register_dir):
    ((_, _, attrs),) = names(register_dir, "Max met Léo Collard there")[-1:]
    assert attrs == {"ref": "#collard_leo", **LINKED}


def test_ambiguous_name_is_tagged_without_ref_and_reported(register_dir):
    doc = make_doc("As Dimić wrote")
    report = Report()
    enrich(doc, Registers.load(register_dir), report)
    (found,) = spans(doc.body.children[0].inline, "persName")
    assert found[1] == "Dimić" and "ref" not in found[2] and found[2]["cert"] == "low"
    assert report.warnings() == ["ambiguous name 'Dimić': matches dimic_ljubodrag, "
                                 "dimic_natalija; tagged without @ref"]


def test_lowercase_word_is_no_name(register_dir):
    assert names(register_dir, "a tito-like figure") == []


def test_standoff_holds_the_entries_the_text_uses(register_dir):
    doc = make_doc("Léo Collard visited Belgrade.")
    enrich(doc, Registers.load(register_dir))
    assert [lst.tag.split("}")[1] for lst in doc.standoff] == ["listPerson", "listPlace"]
    assert [len(lst) for lst in doc.standoff] == [1, 1]


def test_the_header_declares_the_registers_as_a_recogniser_only_when_they_tagged(register_dir):
    linked, unlinked = make_doc("Max met Léo Collard there"), make_doc("Nobody was there")
    for doc in (linked, unlinked):
        enrich(doc, Registers.load(register_dir))
    assert "teiedit-registers" in linked.responsible
    assert "teiedit-registers" not in unlinked.responsible
