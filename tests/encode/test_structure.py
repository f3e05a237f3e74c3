"""Front, body and back: abstract, sections, paragraphs, the summary in another language."""

import pytest
from encode_helpers import Encoded, page

from teiedit.xmlio import TeieditError

FILL = ["filler line that makes the page long enough for the rules here."] * 7


def test_an_abstract_label_makes_the_front_abstract():
    e = Encoded(page(["Abstract: This paper covers a theme.", "", "Introduction", "",
                      "Text.", *FILL]))
    assert e.xpath("//t:front/t:div[@type='abstract']/@xml:lang") == ["en"]
    assert e.xpath("string(//t:front//t:label)") == "Abstract:"


def test_each_heading_opens_a_division():
    e = Encoded(page(["Introduction", "", "First part text.", "", "The Second Part", "",
                      "Second part text.", *FILL]))
    heads = [" ".join("".join(h.itertext()).split()) for h in e.xpath("//t:body/t:div/t:head")]
    assert heads == ["Introduction", "The Second Part"]


def test_a_short_line_ending_a_sentence_is_not_a_heading():
    e = Encoded(page(["Introduction", "", "The first section has its text.", "",
                      "Short Fragment", "", "and more text.", *FILL]))
    assert len(e.xpath("//t:head")) == 1


def test_a_summary_in_another_language_goes_to_the_back():
    summary = ["Резиме", "", "Петар Петровић", "", "Наслов рада на српском.", "",
               "Апстракт: Кратак опис рада.", "", "Кључне речи: једна, друга", "",
               "Текст резимеа на српском језику."]
    e = Encoded(page(["Introduction", "", "Text.", *FILL]) + page(summary + FILL[:3]))
    (div,) = e.xpath("//t:back/t:div[@type='summary']")
    assert div.get("{http://www.w3.org/XML/1998/namespace}lang") == "sr-Cyrl"
    assert e.xpath("string(//t:back//t:docAuthor)") == "Петар Петровић"
    assert e.xpath("string(//t:back//t:head[@type='sub'])") == "Наслов рада на српском."
    assert e.xpath("//t:back/t:div/t:div/@type") == ["abstract", "keywords", "text"]
    assert e.xpath("//t:keywords[@xml:lang='sr-Cyrl']/t:term/text()") == ["једна", "друга"]


def test_cyrillic_in_latin_text_is_marked_with_its_language():
    e = Encoded(page(["See: Владимир Дедијер, Изгубљена битка, 1969; and more.", *FILL]))
    foreign = e.xpath("//t:foreign[@xml:lang='sr-Cyrl']/text()")
    assert foreign == ["Владимир Дедијер, Изгубљена битка"]


def test_words_mixing_scripts_are_kept_and_reported():
    e = Encoded(page(["AJ, CК SКJ, Belgija.", *FILL]))
    assert "CК SКJ" in e.text_of("//t:text//t:p")
    assert e.warned("word 'CК' mixes Latin and Cyrillic letters")


def test_lines_are_dropped_on_request():
    e = Encoded(page(["One line", "and another.", *FILL]), keep_lines=False)
    assert not e.xpath("//t:lb")
    assert "One line and another." in e.text_of("//t:text//t:p")


def test_a_metadata_file_adds_what_the_text_does_not_say(tmp_path, tei_all_rng):
    meta = tmp_path / "a.toml"
    meta.write_text('doi = "10.1234/example.5"\nlicence = "CC BY 4.0"\n')
    e = Encoded(page(["Text.", *FILL]), metadata=meta)
    assert e.xpath("//t:sourceDesc//t:analytic/t:idno[@type='DOI']/text()") == ["10.1234/example.5"]
    assert e.xpath("//t:licence/text()") == ["CC BY 4.0"]
    assert tei_all_rng.validate(e.tree), tei_all_rng.error_log


def test_an_unknown_metadata_field_is_an_error_naming_the_file(tmp_path):
    meta = tmp_path / "a.toml"
    meta.write_text('dio = "10.1234/x"\n')
    with pytest.raises(TeieditError, match="unknown metadata field 'dio'") as e:
        Encoded(page(["Text.", *FILL]), metadata=meta)
    assert e.value.file == str(meta)
