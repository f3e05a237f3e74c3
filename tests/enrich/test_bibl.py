"""References in notes become bibl with their fields; Ibid. points to what it repeats."""

from __future__ import annotations

from teiedit.enrich import enrich
from teiedit.enrich.bibl import find_references

from .conftest import make_doc, spans


def fields(text: str) -> list[list[tuple[str, str, dict[str, str]]]]:
    return [[(p.tag, text[p.start:p.end], p.attrs) for p in r.parts]
            for r in find_references(text)]


def test_monograph_with_imprint_and_pages():
    t = "See: Milovan Đilas, Vlast i pobuna, (Beograd: Književne novine, 1991), 71–241."
    assert fields(t) == [[
        ("author", "Milovan Đilas", {}), ("title", "Vlast i pobuna", {"level": "m"}),
        ("pubPlace", "Beograd", {}), ("publisher", "Književne novine", {}),
        ("biblScope", "71–241", {"unit": "page"})]]


def test_two_authors_and_a_title_with_commas():
    t = ("See: Stephen Padgett, William E. Paterson, A History of Social Democracy, 1850–2000, "
         "(New York: Longman, 1991).")
    (parts,) = fields(t)
    assert [p[:2] for p in parts[:3]] == [("author", "Stephen Padgett"),
                                          ("author", "William E. Paterson"),
                                          ("title", "A History of Social Democracy, 1850–2000")]


def test_article_in_a_journal():
    t = "See: Čedomir Štrbac, „Britanski laburisti u Jugoslaviji 1950“, Međunarodni problemi " \
        "4/1987, 543–551."
    assert fields(t) == [[
        ("author", "Čedomir Štrbac", {}),
        ("title", "Britanski laburisti u Jugoslaviji 1950", {"level": "a"}),
        ("title", "Međunarodni problemi", {"level": "j"}),
        ("biblScope", "4", {"unit": "issue"}), ("date", "1987", {"when": "1987"}),
        ("biblScope", "543–551", {"unit": "page"})]]


def test_editor_after_the_title():
    t = "See: Zbornik radova, prir. Đ. Tripković, (Beograd: ISI, 1999)."
    (parts,) = fields(t)
    assert ("editor", "Đ. Tripković", {}) in parts


def test_archival_reference():
    t = ("AJ, 507/IX, CK SKJ, KMOV, Belgija, 11/II-19, Razgovor Josipa Broza Tita sa "
         "delegacijom belgijskih socijalista, 30. jula 1952, 1–2.")
    (ref,) = find_references(t)
    assert ref.attrs == {"type": "archival"}
    assert [(p.tag, t[p.start:p.end], p.attrs) for p in ref.parts] == [
        ("idno", "507/IX", {"type": "fond"}), ("idno", "11/II-19", {"type": "unit"}),
        ("biblScope", "1–2", {"unit": "page"}),
        ("title", "Razgovor Josipa Broza Tita sa delegacijom belgijskih socijalista",
         {"level": "u"})]


def test_diplomatic_archive_unit_in_two_fields():
    t = "DAMSPRS, PA, 1951, Belgija, f. 9, br. 413482, Zabeleška o razgovoru, 21. 8. 1951."
    (ref,) = find_references(t)
    assert ("idno", "f. 9, br. 413482") in [(p.tag, t[p.start:p.end]) for p in ref.parts]


def test_cyrillic_reference_keeps_its_language():
    (ref,) = find_references("Милетић, Преломна времена, 187.")
    assert ref.attrs == {"xml:lang": "sr-Cyrl"}


def test_a_biography_is_no_reference():
    assert find_references("Victor Larock, (1904–1977), Belgian Socialist, a philosopher.") == []


def test_ibid_points_to_the_reference_it_repeats():
    doc = make_doc("First.", "Second.", notes={
        0: "AJ, 507/IX, CK SKJ, 11/II-44, Beleške sa razgovora, 11. i 12. aprila 1956, 3–4.",
        1: "Ibid., 5–8."})
    enrich(doc)
    second = doc.body.children[1].inline.anchors[0].content
    assert spans(second, "ref") == [("ref", "Ibid.", {"target": "#n1-b1"})]
    assert spans(second, "biblScope") == [("biblScope", "5–8", {"unit": "page"})]


def test_names_in_titles_of_published_works_are_no_mentions():
    doc = make_doc("Text.", notes={0: "See: Ivo Banac, Sa Staljinom protiv Tita, "
                                      "(Zagreb: Globus, 1990)."})
    enrich(doc)
    note = doc.body.children[0].inline.anchors[0].content
    assert [(t, s) for t, s, _ in spans(note) if t.endswith("Name")] == [
        ("persName", "Ivo Banac"), ("placeName", "Zagreb"), ("orgName", "Globus")]


def test_a_bare_number_is_a_fond_after_a_named_archive():
    for t in ("Arhiv Jugoslavije, 837, KPR, I-3-a/44-3, Prijem delegacije, 18. 7. 1956.",
              "Архив Југославије, 837, КПР, I-3-a/44-3, Пријем делегације, 18. 7. 1956."):
        (ref,) = find_references(t)
        assert ref.kind == "archival" and ref.fond == "837"


def test_a_bare_number_after_an_abbreviation_is_no_fond():
    (ref,) = find_references("NIN, 1234, Smith, A Title, (London: Penguin, 1990).")
    assert ref.kind != "archival"
