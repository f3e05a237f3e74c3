"""Any TEI P5 renders: hand-made edge cases and the TEI documents of ../shared/tei-p5/.
Elements the stylesheets do not know show their text; nothing is an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html
from pypdf import PdfReader

from teiedit.render import render

TEI_NS = "http://www.tei-c.org/ns/1.0"


def write_tei(folder: Path, name: str, text: str, lang: str = "en") -> Path:
    path = folder / f"{name}.xml"
    path.write_text(
        f'<TEI xmlns="{TEI_NS}" xml:lang="{lang}"><teiHeader><fileDesc><titleStmt>'
        f'<title>{name}</title></titleStmt><publicationStmt><p/></publicationStmt>'
        f'<sourceDesc><p/></sourceDesc></fileDesc></teiHeader>{text}</TEI>', encoding="utf-8")
    return path


def render_all(path: Path, out: Path) -> html.HtmlElement:
    render(path, {"html", "pdf", "fo"}, out)
    return html.fromstring((out / f"{path.stem}.html").read_bytes())


def test_empty_body(tmp_path):
    doc = render_all(write_tei(tmp_path, "empty", "<text><body/></text>"), tmp_path / "o")
    assert doc.xpath("//h1")[0].text_content() == "empty"
    assert "no register of persons" in (tmp_path / "o" / "empty.persons.html").read_text()
    assert "no encoded dates" in (tmp_path / "o" / "empty.chronology.html").read_text()


def test_document_without_text_element(tmp_path):
    path = write_tei(tmp_path, "headeronly", "")
    render_all(path, tmp_path / "o")
    assert (tmp_path / "o" / "headeronly.pdf").read_bytes().startswith(b"%PDF")


def test_adjacent_and_nested_notes(tmp_path):
    path = write_tei(tmp_path, "notes", (
        "<text><body><p>Two calls<note n='1'>first</note><note n='2'>second with"
        "<note n='3'>inner note</note> inside</note> in a row.</p></body></text>"))
    doc = render_all(path, tmp_path / "o")
    calls = doc.xpath("//a[@class='noteref']")
    assert [c.text_content() for c in calls] == ["1", "2", "3"]
    for c in calls:
        assert doc.get_element_by_id(c.get("href")[1:]) is not None
    assert "inner note" in doc.get_element_by_id("note-3").text_content()


def test_very_long_note_still_prints(tmp_path):
    long = " ".join(f"Sentence {i} of a very long note." for i in range(900))
    path = write_tei(tmp_path, "long", f"<text><body><p>Call<note n='1'>{long}</note> here."
                                       "</p></body></text>")
    render_all(path, tmp_path / "o")
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "o" / "long.pdf").pages)
    assert "Sentence 0 of" in text


def test_line_beginnings_keep_words_apart_unless_inside_a_word(tmp_path):
    path = write_tei(tmp_path, "lines", (
        "<text><body><p>one<lb n='2'/>two <lb n='3'/>three thre<lb n='4' break='no'/>e"
        " four\n<lb n='5' break='no'/>teen</p></body></text>"))
    doc = render_all(path, tmp_path / "o")
    assert " ".join(doc.xpath("//article//p")[0].text_content().split()) == \
        "one two three three fourteen"


def test_right_to_left_text_is_marked(tmp_path):
    path = write_tei(tmp_path, "rtl", (
        "<text><body><p>English with <foreign xml:lang='ar'>نص عربي</foreign> and "
        "<foreign xml:lang='he'>עברית</foreign>.</p></body></text>"))
    doc = render_all(path, tmp_path / "o")
    assert doc.xpath("//span[@lang='ar']/@dir") == ["rtl"]
    assert doc.xpath("//span[@lang='he']/@dir") == ["rtl"]


def test_links_are_never_nested(tmp_path):
    """A page break inside a linked name, a name inside a web link: one link each."""
    path = write_tei(tmp_path, "nested", (
        "<standOff><listPerson><person xml:id='p1'><persName>Ernest Piot</persName></person>"
        "</listPerson></standOff><text><body><p>Then <persName ref='#p1'>Er<pb n='131' "
        "break='no'/>nest Piot</persName> and <ref target='https://example.org/'>see "
        "<persName ref='#p1'>Piot</persName></ref>.</p></body></text>"))
    doc = render_all(path, tmp_path / "o")
    assert not doc.xpath("//a//a")
    assert doc.get_element_by_id("p131").tag == "span"
    # the page break inside the word is marked after the word, which reads whole
    assert doc.xpath("//a[@href='nested.persons.html#p1']")[0].text_content() == \
        "Ernest[p. 131] Piot"


def test_unknown_elements_show_their_text(tmp_path):
    path = write_tei(tmp_path, "unknown", (
        "<text><body><sp><speaker>A</speaker><p>Spoken <frob>words</frob></p></sp>"
        "<castList><castItem>Cast member</castItem></castList></body></text>"))
    doc = render_all(path, tmp_path / "o")
    text = doc.text_content()
    assert "Spoken words" in text and "Cast member" in text


def test_the_schema_sample_article(tmp_path):
    """tests/schema/samples/article.xml exercises the project's customization."""
    src = Path(__file__).parents[1] / "schema" / "samples" / "article.xml"
    doc = render_all(src, tmp_path)
    assert doc.xpath("//h1") and doc.xpath("//nav[@class='toc']")


@pytest.mark.parametrize("name", ["tei_lite.odd", "odd-reference/test-pure.odd", "tei_all.odd"])
def test_tei_documents_of_the_reference_data(shared_dir, tmp_path, name):
    src = shared_dir / "tei-p5" / name
    written = render(src, {"html", "pdf", "fo"}, tmp_path)
    assert {p.suffix for p in written} >= {".html", ".pdf", ".fo"}
    doc = html.fromstring((tmp_path / f"{src.stem}.html").read_bytes())
    assert doc.xpath("//h1")


def test_the_tei_p5_source_itself(shared_dir, tmp_path):
    """p5subset.xml, 4 MB of TEI with every spec element: the HTML renders."""
    render(shared_dir / "tei-p5" / "p5subset.xml", {"html"}, tmp_path)
    assert (tmp_path / "p5subset.html").stat().st_size > 100_000


def test_a_page_without_a_number_is_marked_without_one(tmp_path):
    """A pb without @n shows the page-break sign ‖, never a made-up or "?" number."""
    path = write_tei(tmp_path, "pages",
                     "<text><body><p>one<pb/>two<pb n='7'/>three</p></body></text>")
    doc = render_all(path, tmp_path / "o")
    markers = doc.xpath("//span[contains(@class, 'pb')]")
    assert [m.text_content() for m in markers] == ["‖", "[p. 7]"]
    fo = (tmp_path / "o" / "pages.fo").read_text()
    assert "[?]" not in fo and "‖" in fo and "[7]" in fo
    assert "?" not in PdfReader(tmp_path / "o" / "pages.pdf").pages[0].extract_text()


def test_a_page_label_that_is_not_a_number_is_shown_as_the_source_gives_it(tmp_path):
    """'p.' goes before printed page numbers only: a folio or a volume-and-page label is not
    turned into "[p. t. 867 p. 1/36A]"."""
    path = write_tei(tmp_path, "labels", "<text><body><p>a<pb n='xii'/>b<pb n='12r'/>c"
                                         "<pb n='t. 867 p. 1/36A'/>d</p></body></text>")
    doc = render_all(path, tmp_path / "o")
    markers = doc.xpath("//span[contains(@class, 'pb')]")
    assert [m.text_content() for m in markers] == ["[p. xii]", "[12r]", "[t. 867 p. 1/36A]"]
