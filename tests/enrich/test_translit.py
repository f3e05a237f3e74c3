"""Serbian transliteration is one-to-one, digraphs included; the matching key ignores script."""

from __future__ import annotations

from teiedit.enrich.translit import key, script_of, to_cyrillic, to_latin


def test_cyrillic_to_latin_spells_digraphs():
    assert to_latin("Љубодраг Његош Џаја Ђилас") == "Ljubodrag Njegoš Džaja Đilas"


def test_all_capitals_keep_the_digraph_in_capitals():
    assert to_latin("ЉУБОДРАГ") == "LJUBODRAG"


def test_latin_to_cyrillic_joins_digraphs_into_one_letter():
    assert to_cyrillic("Ljubodrag Njegoš Džaja Đilas") == "Љубодраг Његош Џаја Ђилас"


def test_round_trip():
    s = "Милован Ђилас, Савремене теме"
    assert to_cyrillic(to_latin(s)) == s


def test_key_meets_across_script_case_and_diacritics():
    assert key("Ђилас") == key("Đilas") == key("DJILAS")
    assert key("Léo") == key("Leo")


def test_script_of_a_word():
    assert script_of("CК") == "mixed"
    assert script_of("Remoоrtel") == "mixed"
    assert script_of("Тито") == "cyr"
    assert script_of("Tito") == "lat"
