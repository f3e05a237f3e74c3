"""Text missing from the source is marked with <gap/> and said in a warning."""

from encode_helpers import Encoded, normalised, page

BODY = [f"This is line {w} of a long enough paragraph that goes on" for w in
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")]
HEAD = "JOURNAL OF THINGS  1/2000. 10–20"


def test_a_jump_in_printed_page_numbers_is_a_gap_of_pages_before_the_next_page():
    text = (page([*BODY, "The end of a sentence."], furniture=["10", HEAD])
            + page([*BODY, "The end."], furniture=["13", HEAD]))
    e = Encoded(text)
    (gap,) = e.xpath("//t:gap")
    assert gap.attrib == {"reason": "pages-missing", "unit": "page", "quantity": "2"}
    assert gap.xpath("following::t:pb[1]/@n", namespaces={"t": "http://www.tei-c.org/ns/1.0"}) \
        == ["13"]
    assert e.warned("pages 11–12 missing from the extraction")
    assert e.regenerated() == normalised(text)


def test_a_paragraph_stopping_mid_sentence_before_a_head_ends_in_a_gap():
    text = page(["Abstract: the paper covers a theme that is", "", "Introduction", "",
                 *BODY, "The end."])
    e = Encoded(text)
    assert e.xpath("//t:div[@type='abstract']/t:p/node()[last()][self::t:gap]/@reason") \
        == ["sentence-incomplete"]
    assert any(w.startswith("test.txt:1: ") and "stops mid-sentence" in w
               for w in e.diag.warnings)
    assert e.regenerated() == normalised(text)


def test_a_paragraph_ending_a_sentence_has_no_gap():
    e = Encoded(page(["Abstract: the paper covers a theme.", "", "Introduction", "",
                      *BODY, "The end."]))
    assert not e.xpath("//t:gap") and not e.warned("mid-sentence")
