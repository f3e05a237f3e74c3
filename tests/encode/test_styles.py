"""Every common extraction style, decided from the document's own evidence.

The same four printed pages, extracted the ways users do: pdftotext (form feeds, furniture on
lines of its own at the top or the foot, no blank line between paragraphs), pypdf (no form
feeds, number and running head on one line at the foot of each page) and copy-and-paste with
blank lines between blocks.
"""

import pytest
from encode_helpers import ROOT, Encoded, normalised
from lxml import etree

VERSO, RECTO = "THE JOURNAL · Issue 4 (2020)", "Author · A Short Title"
FULL = "words that fill a printed line of the body text up to its right margin"


def paragraph(first: str, n: int, last: str) -> list[str]:
    return [first + " " + FULL[len(first) + 1:], *[FULL] * n, last]


PAGES = [  # (body lines, notes) of printed pages 10 to 13
    (["Introduction", *paragraph("The first paragraph starts", 6, "and ends here.1"),
      *paragraph("A second paragraph", 5, "which goes on over the")],
     ["1 The first note, on page ten."]),
    ([*paragraph("page break and", 4, "ends with a call.2"), "Method and Sources",
      *paragraph("The third paragraph", 6, "is done.")],
     ["2 The second note."]),
    ([*paragraph("A fourth paragraph", 3, "is short."),
      *paragraph("A fifth paragraph", 3, "is short too."),
      *paragraph("A sixth paragraph", 4, "goes on.")], []),
    ([*paragraph("The seventh paragraph", 4, "is here."),
      *paragraph("The last paragraph", 8, "closes the article.")], []),
]
NUMBERS = ["10", "11", "12", "13"]


def heads(k: int) -> tuple[str, str]:
    return (VERSO, RECTO)[k % 2], NUMBERS[k]


def pdftotext() -> str:
    """Form feeds; recto pages put the number at the foot, verso pages at the top."""
    pages = []
    for k, (body, notes) in enumerate(PAGES):
        head, number = heads(k)
        top = [head, ""] if k % 2 == 0 else [number, "", head, ""]
        foot = ["", number, ""] if k % 2 == 0 else []
        pages.append("\n".join([*top, *body, "", *notes, *foot]))
    return "\n\f".join(pages) + "\n\f"


def pypdf() -> str:
    """No form feeds; one furniture line at the foot, number before or after the head."""
    lines = []
    for k, (body, notes) in enumerate(PAGES):
        head, number = heads(k)
        lines += [*body, *notes, f"{number} {head}" if k % 2 else f"{head} {number}"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("make", [pdftotext, pypdf])
def test_pages_are_numbered_from_the_printed_numbers(make):
    e = Encoded(make())
    assert e.xpath("//t:pb/@n") == NUMBERS


@pytest.mark.parametrize("make", [pdftotext, pypdf])
def test_furniture_leaves_the_text_and_becomes_fw(make):
    e = Encoded(make())
    text = e.text_of("//t:text")
    assert "Journal" not in text and "JOURNAL" not in text and "Short Title" not in text
    headers = e.xpath("//t:fw[@type='header']/text()")
    assert len(headers) == 4 and all(VERSO in fw or RECTO in fw for fw in headers)


@pytest.mark.parametrize("make", [pdftotext, pypdf])
def test_paragraphs_and_heads_without_blank_lines(make):
    e = Encoded(make())
    assert [" ".join(h.itertext()) for h in e.xpath("//t:body//t:head")] == \
        ["Introduction", "Method and Sources"]
    starts = [e.text_of(f"(//t:body//t:p)[{k}]")[:18] for k in range(1, 9)]
    assert starts == ["The first paragrap", "A second paragraph", "The third paragrap",
                      "A fourth paragraph", "A fifth paragraph ", "A sixth paragraph ",
                      "The seventh paragr", "The last paragraph"]


@pytest.mark.parametrize("make", [pdftotext, pypdf])
def test_notes_are_placed_at_their_calls(make):
    e = Encoded(make())
    assert e.xpath("//t:note/@n") == ["1", "2"]
    assert e.xpath("//t:note[@n='1']/preceding-sibling::text()[1]")[0].endswith("ends here.")


@pytest.mark.parametrize("make", [pdftotext, pypdf])
def test_every_style_comes_back(make):
    text = make()
    assert Encoded(text).regenerated() == normalised(text)


@pytest.mark.parametrize("make", [pdftotext, pypdf])
def test_every_style_is_valid_against_the_projects_own_schema(make):
    """Form feeds and indents are recorded in lb/@rend; the project's ODD must allow them."""
    rng = etree.RelaxNG(etree.parse(str(ROOT / "schema" / "teiedit.rng")))
    tree = Encoded(make().replace("\nA fifth", "\n  A fifth")).tree
    rends = " ".join(tree.xpath("//@rend"))
    assert "indent-2" in rends and ("formfeed" in rends) == (make is pdftotext)
    assert rng.validate(tree), rng.error_log.last_error


def test_blank_lines_between_blocks_keep_their_meaning():
    text = "\n\n".join("\n".join(paragraph(f"Paragraph {k} begins", 2, "and is over."))
                       for k in range(6))
    e = Encoded(text)
    assert len(e.xpath("//t:body//t:p")) == 6
