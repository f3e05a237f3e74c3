"""Where a paragraph ends in an extraction without blank lines (pdftotext, pypdf, raw).

Justified lines are all about as wide as the text block; a paragraph's last line closes a
sentence and is shorter. Widths are compared in em of a common serif font, not in characters.
"""

from encode_helpers import FULL, Encoded, page, paragraph, unblanked

JOINED = "words that fill a printed line of the body text up to its right mar" \
    "gin words that fill a printed line of the body text up to its right margin"


def paragraphs(e: Encoded) -> list[str]:
    return [" ".join(p.xpath("string()").split()) for p in e.xpath("//t:body//t:p")][5:]


def test_a_sentence_end_a_little_short_of_the_margin_ends_the_paragraph_before_a_capital():
    short = "words that fill a printed line of the body text up to its end."
    e = Encoded(unblanked(paragraph("Here it begins", short),
                          paragraph("The next one", "is over.")))
    assert [p[:12] for p in paragraphs(e)] == ["Here it begi", "The next one"]


def test_a_sentence_end_at_the_margin_does_not_end_the_paragraph():
    e = Encoded(unblanked(paragraph("Here it begins", FULL + "."),
                     paragraph("The next one", "is over.")))
    assert len(paragraphs(e)) == 1


def test_line_widths_are_measured_in_em_not_characters():
    narrow = "it is till ill, if it is still little, it is ill. It is still ill, if it."
    assert len(narrow) >= len(FULL)
    e = Encoded(unblanked(paragraph("Here it begins", narrow),
                          paragraph("The next one", "is over.")))
    assert len(paragraphs(e)) == 2


def test_several_hyphenated_lines_joined_by_pdftotext_count_as_full_lines():
    e = Encoded(unblanked(["Here it begins " + FULL, JOINED + " and ends.", "The next one " + FULL,
                      "is over."]))
    assert len(paragraphs(e)) == 2


def test_a_short_line_before_a_capital_ends_its_block_without_punctuation():
    e = Encoded(unblanked(paragraph("Here it begins", "and shows the following list:"),
                     ["Metadata of the page", "Dating of the page", "The next one " + FULL,
                      "is over."]))
    assert paragraphs(e)[1:3] == ["Metadata of the page", "Dating of the page"]


def test_a_bullet_starts_a_block():
    e = Encoded(unblanked(paragraph("Here it begins", FULL[:-8] + " these:"),
                     ["• first item of the list", "• second item", "The next one " + FULL,
                      "is over."]))
    assert paragraphs(e)[1:3] == ["• first item of the list", "• second item"]


def test_a_head_after_a_sentence_closing_at_the_margin_is_a_head():
    e = Encoded(unblanked(paragraph("Here it begins", FULL[:-6] + " end."),
                     ["Sources and Method"], paragraph("The next one", "is over.")))
    heads = [" ".join(h.xpath("string()").split()) for h in e.xpath("//t:body//t:head")]
    assert heads == ["Sources and Method"]


def test_a_reference_entry_starts_a_block_after_a_closed_sentence():
    e = Encoded(unblanked(["Plewe, Ernst. 1974. " + FULL[20:], FULL[:-8] + " Berlin.",
                      "Sahle, Patrick. 2017. " + FULL[22:], "Bern."]))
    assert [p[:12] for p in paragraphs(e)] == ["Plewe, Ernst", "Sahle, Patri"]


def test_a_line_ending_in_a_hyphen_never_ends_a_block():
    e = Encoded(unblanked(["Here it begins " + FULL, "with a short MySQL-", "Datenbank " + FULL,
                      "is over."]))
    assert len(paragraphs(e)) == 1


def test_a_reference_entry_may_have_several_name_parts_or_no_date():
    e = Encoded(unblanked(["Grocock, C. W, and Sally Grainger, eds. 2006. " + FULL[46:],
                           FULL[:-8] + " Totnes.", "Museo Galileo, n.d. " + FULL[20:], "Web."]))
    assert [p[:12] for p in paragraphs(e)] == ["Grocock, C. ", "Museo Galile"]


def test_a_page_ending_a_little_short_of_the_margin_ends_its_paragraph_before_a_capital():
    short = "words that fill a printed line of the body text up to its end."
    e = Encoded(page([*[FULL] * 12, short]) + page(["The next one " + FULL[13:], *[FULL] * 9]))
    assert [p.xpath("string()").split()[:3] for p in e.xpath("//t:body//t:p")] == \
        [FULL.split()[:3], ["The", "next", "one"]]
