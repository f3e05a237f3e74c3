"""The model's names pooled over the document: certainty, every occurrence, titles, surnames,
Serbian inflection."""

from __future__ import annotations

from teiedit.enrich.recognise import Recogniser
from teiedit.enrich.statistical import Pooled


def pooled(texts: list[str], spans: list[list[tuple[str, str]]]) -> list[list[tuple]]:
    """Model spans given by surface (first occurrence in their text); returns (surface, tag,
    cert) per text."""
    raw = [[(t.index(s), t.index(s) + len(s), label) for s, label in found]
           for t, found in zip(texts, spans, strict=True)]
    out = Pooled(texts, raw, Recogniser(texts)).found()
    return [[(t[f.start:f.end], f.tag, f.cert) for f in fs]
            for t, fs in zip(texts, out, strict=True)]


def test_a_name_found_twice_is_tagged_everywhere_with_high_certainty() -> None:
    texts = ["Prica said so.", "Prica agreed.", "Then Prica left.", "Later Prica came."]
    got = pooled(texts, [[("Prica", "PER")], [("Prica", "PER")], [], []])
    assert got == [[("Prica", "persName", "high")]] * 4


def test_a_name_found_once_in_three_is_medium_and_once_in_many_is_dropped() -> None:
    three = ["Then Vilfan spoke.", "Later Vilfan left.", "So Vilfan came."]
    assert pooled(three, [[("Vilfan", "PER")], [], []])[2] == [("Vilfan", "persName", "medium")]
    many = ["A Union met.", "A Union left.", "A Union came.", "A Union went."]
    assert pooled(many, [[("Union", "ORG")], [], [], []]) == [[], [], [], []]


def test_a_title_makes_a_person_the_model_missed() -> None:
    texts = ["Ambassador Mates called.", "Mates agreed with Mr. Murphy."]
    assert pooled(texts, [[], []]) == [[("Mates", "persName", "high")],
                                       [("Mates", "persName", "high"),
                                        ("Murphy", "persName", "high")]]


def test_the_model_label_yields_to_a_title_unless_it_is_a_place() -> None:
    texts = ["Marshal Tito spoke.", "Then Tito left."]
    assert pooled(texts, [[("Tito", "ORG")], []])[1] == [("Tito", "persName", "high")]
    texts = ["Then Marshal Brussels spoke.", "In Brussels."]  # the model sees a place
    assert pooled(texts, [[("Brussels", "LOC")], []])[1] == [("Brussels", "placeName", "medium")]


def test_a_surname_alone_follows_the_full_name() -> None:
    texts = ["James Riddleberger arrived.", "Then Riddleberger spoke."]
    got = pooled(texts, [[("James Riddleberger", "PER")], []])
    assert got[1] == [("Riddleberger", "persName", "medium")]


def test_inflected_serbian_forms_are_occurrences_of_the_name() -> None:
    texts = ["Kardelj je došao.", "Razgovor sa Kardeljem.", "Pismo Kardelja."]
    got = pooled(texts, [[("Kardelj", "PER")], [("Kardeljem", "PER")], []])
    assert got[2] == [("Kardelja", "persName", "medium")]


def test_a_word_only_ever_opening_a_sentence_is_no_name_without_a_cue() -> None:
    texts = ["Sastanak sa Prvulom.", "Sastanak u Beogradu.", "Prica said so. Prica left."]
    got = pooled(texts, [[("Sastanak", "PER")], [("Sastanak", "PER")], []])
    assert got == [[], [], [("Prica", "persName", "high"), ("Prica", "persName", "high")]]


def test_pronouns_demonyms_and_roles_are_no_persons() -> None:
    texts = ["He said the Yugoslav Government and Turk Ambassadors agreed."]
    got = pooled(texts, [[("He", "PER"), ("Yugoslav Government", "PER"),
                          ("Turk Ambassadors", "PER")]])
    assert got == [[]]


def test_the_gazetteer_makes_a_place_of_a_country_the_model_calls_an_organisation() -> None:
    texts = ["Then the United States agreed."]
    assert pooled(texts, [[("United States", "ORG")]]) == \
        [[("United States", "placeName", "medium")]]


def test_a_list_of_persons_makes_persons_of_its_other_members() -> None:
    texts = ["The delegation: Khrushchev, Bulganin, Mikoyan, Shepilov and Kumikin."]
    got = pooled(texts, [[("Khrushchev", "PER"), ("Bulganin", "PER"), ("Mikoyan", "PER")]])
    assert [g[0] for g in got[0]] == ["Khrushchev", "Bulganin", "Mikoyan", "Shepilov",
                                      "Kumikin"]


def test_a_rare_word_taken_once_for_a_person_in_english_is_one_everywhere() -> None:
    texts = ["From Murphy.", "The note reached Murphy.", "Murphy and others came.",
             "We saw Murphy.", "Murphy left."]
    got = pooled(texts, [[("Murphy", "PER")], [], [], [], []])
    assert [found for found in got] == [[("Murphy", "persName", "medium")]] * 5


def test_a_place_label_without_a_place_context_is_a_person_and_after_in_a_place() -> None:
    person = ["Then we saw Vilfan first.", "Vilfan took careful notes."]
    assert pooled(person, [[("Vilfan", "LOC")], [("Vilfan", "LOC")]])[1] == \
        [("Vilfan", "persName", "high")]
    place = ["Tito is in Brioni.", "He met them at his Brioni residence."]
    assert pooled(place, [[("Brioni", "PER")], [("Brioni", "PER")]])[0] == \
        [("Brioni", "placeName", "high")]
    attribute = ["Staff in Djilas affair.", "Djilas was tried."]  # no place: an attribute
    assert pooled(attribute, [[("Djilas", "LOC")], [("Djilas", "LOC")]])[1] == \
        [("Djilas", "persName", "high")]


def test_names_joined_by_a_hyphen_are_two_mentions_and_demonyms_none() -> None:
    texts = ["The Tito-Khrushchev meeting.", "Later Tito spoke and Khrushchev too.",
             "Soviet-Yugoslav relations improved.", "Jean-Paul Sartre wrote."]
    got = pooled(texts, [[("Tito-Khrushchev", "PER")], [], [("Soviet-Yugoslav", "LOC")],
                         [("Jean-Paul Sartre", "PER")]])
    assert [(n, tag) for n, tag, _ in got[0]] == [("Tito", "persName"),
                                                  ("Khrushchev", "persName")]
    assert got[2] == []
    assert got[3] == [("Jean-Paul Sartre", "persName", "medium")]


def test_a_country_short_form_passes_the_demonym_filter() -> None:
    texts = ["The Soviet Union agreed.", "The Soviet Union left."]
    got = pooled(texts, [[("Soviet Union", "ORG")], [("Soviet Union", "ORG")]])
    assert got[0] == [("Soviet Union", "placeName", "high")]
