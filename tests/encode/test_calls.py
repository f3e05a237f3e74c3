"""Footnote calls where extractions put them: alone on a line, spaced between words, glued to
a number; and what is no call (a figure's number)."""

from encode_helpers import FULL, Encoded, page, paragraph, unblanked

FILL = ["filler line that makes the page long enough for the rules here"] * 7


def before_note(e: Encoded, n: str) -> str:
    """The reading text just before note `n`."""
    (note,) = e.xpath(f"//t:note[@n='{n}']")
    text = "".join(note.xpath("preceding::text()[not(ancestor::t:note) and "
                              "not(ancestor::t:fw)]", namespaces={"t": "http://www.tei-c.org/ns/1.0"}))
    return " ".join(text.split())


def test_a_call_pushed_onto_a_line_of_its_own_is_a_call():
    e = Encoded(page(["The sentence fills its line up to the margin.", "1", "And goes on.",
                      *FILL], ["1 The note."]))
    assert before_note(e, "1").endswith("up to the margin.")
    assert e.xpath("//t:note/@anchored") == []


def test_a_call_spaced_between_two_words_is_a_call_when_no_other_is_found():
    e = Encoded(page(["a link to the search  1 or to the biography.", *FILL], ["1 The note."]))
    assert before_note(e, "1").endswith("a link to the search")


def test_a_call_glued_to_another_number_is_a_call_when_no_other_is_found():
    e = Encoded(page(["folios, numbered from one to 1961, written by hand.", *FILL],
                     ["1 The note."]))
    assert before_note(e, "1").endswith("numbered from one to 196")


def test_a_figure_number_is_no_call():
    e = Encoded(page(["The view (see Fig. 1) shows it all.1", *FILL], ["1 The note."]))
    assert before_note(e, "1").endswith("shows it all.")


def test_a_note_without_a_call_leaves_the_next_calls_where_they_are():
    e = Encoded(page(["No call stands here. The second call.2 The third.3", *FILL],
                     ["1 One.", "2 Two.", "3 Three."]))
    assert e.xpath("//t:note[@n='1']/@anchored") == ["false"]
    assert before_note(e, "2").endswith("The second call.")
    assert before_note(e, "3").endswith("The third.")


def test_notes_begin_after_a_body_that_shows_the_call_spaced_between_words():
    e = Encoded(unblanked(paragraph("Here it begins", "with the schema  1 that is used."),
                          notes=["1 The schema. " + FULL]))
    assert before_note(e, "1").endswith("with the schema")
    assert "The schema." in " ".join(e.xpath("//t:note[@n='1']//text()"))
