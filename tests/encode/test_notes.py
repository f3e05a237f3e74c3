"""Footnotes: found at the foot of the page, moved to their call, continuations joined."""

from encode_helpers import Encoded, page

FILL = ["filler line that makes the page long enough for the rules here"] * 7


def notes(e):
    return [(n.get("n"), " ".join("".join(n.itertext()).split())) for n in e.xpath("//t:note")]


def test_a_note_is_placed_at_its_call():
    e = Encoded(page(["The war ended in 1945 and Yugoslavia.1 Then peace came.", *FILL],
                     ["1 A note about the war."]))
    (p,) = e.xpath("//t:text//t:p[t:note]")
    assert p.xpath("string(t:note/preceding-sibling::node()[1])",
                   namespaces={"t": "http://www.tei-c.org/ns/1.0"}).endswith("Yugoslavia.")
    assert notes(e) == [("1", "A note about the war.")]


def test_years_issue_numbers_and_decades_are_not_calls():
    body = ["In 1950s, issue 3/2021 and the XX Congress of 1956 were", "discussed at length.1",
            *FILL]
    e = Encoded(page(body, ["1 The note."]))
    text = e.text_of("//t:body")
    assert "1950s, issue 3/2021 and the XX Congress of 1956 were" in text
    assert e.xpath("//t:note/@n") == ["1"]


def test_a_call_may_follow_punctuation_after_a_space():
    e = Encoded(page(["They fully agreed with. 1", *FILL], ["1 Ibid., 6–7."]))
    assert e.xpath("//t:note/@n") == ["1"]
    assert "agreed with." in e.text_of("//t:text//t:p")


def test_a_note_continued_on_the_next_page_is_one_note_with_a_pb_inside():
    p1 = page(["Text with a call.1", *FILL], ["1 This note runs on over the page and does not"])
    p2 = page(["More text on the second page.2", *FILL], ["end here but on the next page.",
                                                          "2 The second note."])
    e = Encoded(p1 + p2)
    assert notes(e) == [("1", "This note runs on over the page and does not end here but on "
                              "the next page."), ("2", "The second note.")]
    assert e.xpath("//t:note[@n='1']/t:pb/@n") == ["2"]


def test_the_asterisk_note_belongs_to_the_title():
    e = Encoded(page(["Body of the article.1", *FILL], ["∗ Supported by a grant.",
                                                        "1 First note."]))
    (star,) = e.xpath("//t:note[@n='*']")
    assert star.get("anchored") == "false"
    assert star.xpath("string(t:label)", namespaces={"t": "http://www.tei-c.org/ns/1.0"}) == "∗"


def test_a_missing_note_number_is_reported_with_its_line():
    e = Encoded(page(["First call.1 Second call.3", *FILL], ["1 One.", "3 Three."]))
    assert e.xpath("//t:note/@n") == ["1", "3"]
    assert e.warned("test.txt:12: warning: footnote 3 follows 1: no text for note 2")


def test_a_call_without_note_text_is_reported():
    e = Encoded(page(["First call.1 and a stray call.2", *FILL], ["1 One."]))
    assert e.warned("call 2 has no footnote text")


def test_a_note_whose_call_is_missing_is_kept_and_marked_unanchored():
    e = Encoded(page(["No call at all here", *FILL], ["1 Orphan note."]))
    assert e.xpath("//t:note[@n='1']/@anchored") == ["false"]
    assert e.warned("no call found for footnote 1")


def test_no_notes_at_all_is_said():
    assert Encoded(page(["Plain text.", *FILL])).warned("no footnotes found")


def test_a_note_out_of_order_is_reported_and_its_text_kept():
    e = Encoded(page(["First call.1 Second call.3", *FILL], ["1 One.", "3 Three.", "2 Two."]))
    assert e.warned("footnote 2 out of order (after 3); its text is kept in note 3")
    assert "Two." in "".join(e.xpath("//t:note[@n='3']")[0].itertext())
