"""Recognition without registers: evidence of the article itself and a gazetteer."""

from __future__ import annotations

from teiedit.enrich import enrich

from .conftest import make_doc, spans

ARTICLE = [
    "The delegation of the Belgian Socialist Party (Parti Socialiste belge/Belgische "
    "Socialistische Partij - PSB/BSP), headed by its president Max Buset, visited Belgrade.",
    "Later, President Max Buset met Paul-Henri Spaak in Brussels. Buset and the PSB agreed.",
    "The socialists of the party said so. Spaak was pleased in Beogradu.",
    "The Kingdom of Belgium and the Science Fund of the Republic of Serbia.",
]


def recognised(*paragraphs: str) -> list[tuple[str, str, dict[str, str]]]:
    doc = make_doc(*paragraphs)
    enrich(doc)
    return [s for n in doc.body.children for s in spans(n.inline)
            if s[0] in ("persName", "orgName", "placeName")]


def test_full_names_and_titles_outside():
    found = recognised(*ARTICLE)
    assert ("persName", "Max Buset", {"resp": "#teiedit", "cert": "high"}) in found
    assert ("persName", "Paul-Henri Spaak", {"resp": "#teiedit", "cert": "medium"}) in found
    assert not any(s.startswith("President") for _, s, _ in found)


def test_bare_surname_after_introduction():
    found = [(t, s) for t, s, _ in recognised(*ARTICLE)]
    assert ("persName", "Buset") in found and ("persName", "Spaak") in found


def test_abbreviation_defined_in_the_text_names_the_organisation():
    found = recognised(*ARTICLE)
    assert ("orgName", "PSB", {"resp": "#teiedit", "cert": "high"}) in found


def test_organisation_by_head_noun():
    found = [(t, s) for t, s, _ in recognised(*ARTICLE)]
    assert ("orgName", "Belgian Socialist Party") in found
    assert ("orgName", "Science Fund of the Republic of Serbia") in found


def test_places_from_the_gazetteer_inflected_and_states():
    found = [(t, s) for t, s, _ in recognised(*ARTICLE)]
    assert ("placeName", "Belgrade") in found and ("placeName", "Brussels") in found
    assert ("placeName", "Beogradu") in found
    assert ("placeName", "Kingdom of Belgium") in found


def test_adjective_and_common_noun_is_no_mention():
    found = recognised("The Belgian Parliament and the Yugoslav Communists met the Liberals.")
    assert [(t, s) for t, s, _ in found] == []


def test_serbian_sentence_case_organisation():
    found = recognised("Arhiv Jugoslavije, CK SKJ, Komisija za međunarodne odnose i veze "
                       "(KMOV), Zabeleška o razgovoru.")
    assert ("orgName", "Komisija za međunarodne odnose i veze") in [(t, s) for t, s, _ in found]


def test_sentence_opening_word_is_no_first_name():
    found = [(t, s) for t, s, _ in recognised(
        "Pismo Veljka Vlahovića stiglo je. Tada je Veljko Vlahović otišao.")]
    assert ("persName", "Veljka Vlahovića") in found


def test_adjective_names_that_are_proper_names_stay():
    found = [(t, s) for t, s, _ in recognised(
        "They joined the Socialist International, not the Belgian Party.")]
    assert found == [("orgName", "Socialist International")]


def test_states_and_regions_with_their_modifiers():
    found = [(t, s) for t, s, _ in recognised(
        "Delegates of the Federal People’s Republic of Yugoslavia toured Western Europe.")]
    assert found == [("placeName", "Federal People’s Republic of Yugoslavia"),
                     ("placeName", "Western Europe")]


def names_of(*paragraphs: str) -> list[tuple[str, str]]:
    return [(t, s) for t, s, _ in recognised(*paragraphs)]


def test_forename_and_initial_opening_a_line_stay_in_the_name():
    assert names_of("Marko S. Ilić") == [("persName", "Marko S. Ilić")]


def test_a_name_stops_before_an_inflected_city():
    assert names_of("Rad prati posete Olofa Palmea Beogradu i Zagrebu.")[:2] == [
        ("persName", "Olofa Palmea"), ("placeName", "Beogradu")]


def test_a_role_before_republic_is_no_place():
    assert names_of("Prijem delegacije kod predsednika Republike, 1956.") == []
    assert names_of("Poseta predsednika Republike Austriji.") == [("placeName", "Austriji")]


def test_a_word_in_o_is_not_an_inflected_place():
    assert ("placeName", "Tito") not in names_of("Later Nenni met Tito in Rome.")


def test_serbian_international_in_an_oblique_case():
    assert names_of("Podržavali su ih u Socijalističkoj internacionali.") == [
        ("orgName", "Socijalističkoj internacionali")]


def test_serbian_organisation_name_ends_after_its_place():
    assert names_of("Saveza komunista Jugoslavije u drugoj polovini decenije.") == [
        ("orgName", "Saveza komunista Jugoslavije")]


def test_serbian_adjective_before_its_noun_is_no_place():
    assert names_of("Švedska strana je odbila predlog.") == []
    assert names_of("Delegacija je boravila u Švedskoj jednu nedelju.")[0] == (
        "placeName", "Švedskoj")


def test_serbian_names_of_former_states():
    assert names_of("Odnosi prema Jugoslaviji su se promenili.") == [
        ("placeName", "Jugoslaviji")]


def test_the_articles_own_title_in_a_summary_has_no_mentions_but_its_dates():
    doc = make_doc("Švedski socijalisti i Jugoslavija 1950–1960.")
    doc.meta.other_titles["sr-Latn"] = "Švedski socijalisti i Jugoslavija 1950–1960"
    enrich(doc)
    assert [t for t, _, _ in spans(doc.body.children[0].inline)] == ["date"]
