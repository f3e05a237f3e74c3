"""The HTML reading edition, read as a document (structure, links, metadata)."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree, html

from teiedit.render import render

DATA = Path(__file__).parent / "data"


def page(out: Path, name: str) -> html.HtmlElement:
    return html.fromstring((out / name).read_bytes())


def text_of(el) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


def test_every_page_is_written(sample_out):
    names = {p.name for p in sample_out.iterdir()}
    assert {"sample.html", "sample.persons.html", "sample.organisations.html",
            "sample.places.html", "sample.chronology.html", "sample.xml"} <= names


def test_pages_link_each_other_the_pdf_and_the_tei(sample_out):
    for f in sample_out.glob("*.html"):
        nav = page(sample_out, f.name).xpath("//header//nav//a/@href")
        assert nav == ["sample.html", "sample.persons.html", "sample.organisations.html",
                       "sample.places.html", "sample.chronology.html", "sample.pdf", "sample.xml"]
        for href in nav:
            assert (sample_out / href).exists()


def test_pages_fetch_nothing_from_outside(sample_out):
    for f in sample_out.glob("*.html"):
        doc = page(sample_out, f.name)
        assert not doc.xpath("//link[@rel='stylesheet'] | //script[@src] | //img | //iframe"), f
        assert "@import" not in f.read_text() and "url(" not in f.read_text(), f


def test_print_furniture_stays_out_of_the_reading_text(sample_out):
    """Running heads are kept (nothing of the text is lost) in .fw, which the stylesheet
    shows only with the printed lines."""
    main = page(sample_out, "sample.html").get_element_by_id("main")
    for fw in main.xpath("//*[@class='fw']"):
        fw.drop_tree()
    body = text_of(main)
    assert "ТОКОВИ ИСТОРИЈЕ" not in body
    assert "An unknown element keeps its text here." in body
    css = (Path(__file__).parents[2] / "xslt" / "assets" / "edition.css").read_text()
    assert ".fw { display: none; }" in css


def test_a_word_broken_across_lines_reads_as_one_word(sample_out):
    body = text_of(page(sample_out, "sample.html").get_element_by_id("main"))
    assert "suddenly placed" in body


def test_printed_quotation_marks_are_not_doubled(sample_out):
    body = text_of(page(sample_out, "sample.html").get_element_by_id("main"))
    assert "They said “we agree” at once." in body


def test_line_beginnings_are_kept_for_the_line_view(sample_out):
    doc = page(sample_out, "sample.html")
    assert doc.xpath("//span[@class='lb hyphen'][@data-n='6']")
    assert doc.xpath("//input[@type='checkbox'][@id='show-lines']")


def test_page_breaks_are_markers_to_link_to_but_no_tab_stops(sample_out):
    doc = page(sample_out, "sample.html")
    marker = doc.get_element_by_id("p122")
    assert text_of(marker) == "[p. 122]" and marker.tag == "span"
    # the same page number inside a note gets its own anchor
    assert doc.get_element_by_id("p122-n1") is not None


def test_a_note_call_links_to_its_note_and_the_note_back(sample_out):
    doc = page(sample_out, "sample.html")
    call = doc.get_element_by_id("ref-n1")
    assert call.get("href") == "#n1" and text_of(call) == "1"
    note = doc.get_element_by_id("n1")
    assert "alphanote" in text_of(note)
    assert note.xpath(".//a[@href='#ref-n1']")


def test_the_title_note_is_called_with_an_asterisk(sample_out):
    doc = page(sample_out, "sample.html")
    assert text_of(doc.get_element_by_id("ref-n0")) == "∗"
    assert doc.xpath("//h1/a[@id='ref-n0']")


def test_registered_names_link_to_their_index_entry_with_a_card(sample_out):
    doc = page(sample_out, "sample.html")
    link = doc.xpath("//a[contains(@class,'persons')][.='Tito']")[0]
    assert link.get("href") == "sample.persons.html#tito"
    card = doc.get_element_by_id(link.get("aria-describedby"))
    assert card.get("role") == "tooltip"
    assert "Josip Broz Tito" in text_of(card) and "1892" in text_of(card)
    assert card.xpath(".//span[@lang='sr-Cyrl'][.='Јосип Броз Тито']")


def test_unregistered_and_unresolved_names_degrade_to_plain_text(sample_out):
    doc = page(sample_out, "sample.html")
    for name in ("Ivan Ivanović", "a ghost"):
        (el,) = doc.xpath(f"//*[.='{name}']")
        assert el.tag == "span" and "persons" in el.get("class")


def test_person_index_lists_occurrences_with_back_links(sample_out):
    index = page(sample_out, "sample.persons.html")
    entry = index.get_element_by_id("tito")
    links = entry.xpath(".//span[@class='occ']//a")
    # two occurrences on p. 122 are grouped as "p. 122 (2)", then p. 123
    assert [text_of(a) for a in links] == ["p. 122", "2", "p. 123"]
    text = page(sample_out, "sample.html")
    for a in links:
        name, anchor = a.get("href").split("#")
        assert name == "sample.html"
        assert text_of(text.get_element_by_id(anchor)) == "Tito"


def test_person_index_sorts_by_surname(sample_out):
    index = page(sample_out, "sample.persons.html")
    ids = index.xpath("//ul[@class='index'][1]/li/@id")
    assert ids == ["tito", "djilas"]  # Broz before Đilas


def test_index_lists_names_without_register_entry(sample_out):
    index = page(sample_out, "sample.persons.html")
    assert "Ivan Ivanović" in text_of(index)


def test_chronology_sorts_dates_and_links_to_the_sentence(sample_out):
    chrono = page(sample_out, "sample.chronology.html")
    rows = chrono.xpath("//table[@class='chronology']/tbody/tr")
    # dated years in order, then a date without a year; the abstract's date is not an event
    assert [text_of(r.xpath("td")[0]) for r in rows] == [
        "March 1950", "1951", "12 May 1953", "13 April"]
    assert [r.xpath("string(.//time/@datetime)") for r in rows[:3]] == [
        "1950-03", "1951", "1953-05-12"]
    first = rows[0]
    assert "Betanote: archives of the party, March 1950." in text_of(first)
    assert "note 2" in text_of(first)
    href = first.xpath(".//a/@href")[0]
    text = page(sample_out, "sample.html")
    assert text_of(text.get_element_by_id(href.split("#")[1])) == "March 1950"


def test_chronology_quotes_the_sentence_around_the_date(sample_out):
    chrono = page(sample_out, "sample.chronology.html")
    (row,) = [r for r in chrono.xpath("//tbody/tr") if "1951" in text_of(r.xpath("td")[0])]
    assert text_of(row.xpath("td")[2]) == "Contacts with the SPD began in 1951 in Bonn betacall."


def test_summary_carries_its_language(sample_out):
    doc = page(sample_out, "sample.html")
    (summary,) = doc.xpath("//section[contains(@class,'type-summary')]")
    assert summary.get("lang") == "sr-Cyrl"
    assert doc.xpath("/html/@lang") == ["en"]
    # a note of the summary, listed with the others, keeps the summary's language
    assert doc.get_element_by_id("n3").get("lang") == "sr-Cyrl"
    assert doc.get_element_by_id("n1").get("lang") == "en"


def test_contents_list_every_section(sample_out):
    doc = page(sample_out, "sample.html")
    entries = [text_of(a) for a in doc.xpath("//nav[@class='toc']//a")]
    assert entries[:3] == ["Introduction", "The Period of Crisis", "Резиме"]
    for a in doc.xpath("//nav[@class='toc']//a"):
        assert doc.get_element_by_id(a.get("href")[1:]) is not None


def test_about_block_carries_source_licence_and_citation(sample_out):
    about = page(sample_out, "sample.html").get_element_by_id("about")
    text = text_of(about)
    assert "Токови историје 3 (2021): 121–143" in text
    assert "Line-end hyphens are removed." in text
    assert about.xpath(".//a[@rel='license']/@href") == ["https://creativecommons.org/licenses/by-nc/4.0/"]
    assert "Cite this edition" in text and about.xpath(".//a[@href='sample.xml']")


def test_rendering_is_deterministic(sample_out, tmp_path):
    render(DATA / "sample.xml", {"html", "fo", "pdf"}, tmp_path)
    for f in sample_out.iterdir():
        assert (tmp_path / f.name).read_bytes() == f.read_bytes(), f.name


def test_bundled_article_renders_every_note_and_section(bundled_edition, bundled_out):
    tei = etree.parse(str(bundled_edition))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    notes = tei.xpath("//t:text//t:note", namespaces=ns)
    doc = page(bundled_out, "miletic.html")
    assert len(doc.xpath("//a[@class='noteref']")) == len(notes) > 50
    assert len(doc.xpath("//div[@class='fn']")) == len(notes)
    heads = tei.xpath("//t:body//t:head", namespaces=ns)
    assert len(doc.xpath("//nav[@class='toc']//a")) >= len(heads)
    body = text_of(doc.get_element_by_id("main"))
    assert "ТОКОВИ ИСТОРИЈЕ  3/2021" not in body


def test_bundled_names_link_to_index_entries_that_link_back(bundled_out):
    doc = page(bundled_out, "miletic.html")
    links = doc.xpath("//span[@class='ent']/a")
    assert len(links) > 100
    indexes: dict[str, html.HtmlElement] = {}
    for a in links:
        name, anchor = a.get("href").split("#")
        index = indexes.setdefault(name, page(bundled_out, name))
        entry = index.get_element_by_id(anchor)
        assert f"miletic.html#{a.get('id')}" in entry.xpath(".//span[@class='occ']//a/@href")
        assert doc.get_element_by_id(a.get("aria-describedby")).get("role") == "tooltip"


def test_no_page_of_the_bundled_edition_has_a_dead_internal_link(bundled_out):
    """Ibid. links reach their citation (bibl/@xml:id is kept), index entries reach their
    occurrences (a name inside a misprint's choice is shown)."""
    from corpus_checks import dead_links

    assert list(bundled_out.glob("*.html"))
    assert dead_links(bundled_out) == []


def test_citation_metadata_for_reference_managers(bundled_out):
    """Highwire Press tags (Zotero, Google Scholar) and Dublin Core, from the header's source."""
    meta = {m.get("name"): m.get("content")
            for m in page(bundled_out, "miletic.html").xpath("//head/meta[@name]")}
    assert meta["citation_title"] == "Yugoslav Communists and Belgian Socialists 1950–1956"
    assert meta["citation_author"] == "Aleksandar V. Miletić"
    assert (meta["citation_journal_title"], meta["citation_issue"]) == ("Токови историје", "3")
    assert (meta["citation_firstpage"], meta["citation_lastpage"]) == ("121", "143")
    assert meta["citation_publication_date"] == meta["DC.date"] == "2021"
    assert meta["citation_pdf_url"] == "miletic.pdf"
    assert meta["DC.rights"] == "https://creativecommons.org/licenses/by/4.0/"


def test_body_paragraphs_are_numbered_for_citing(bundled_out):
    paras = page(bundled_out, "miletic.html").xpath("//article//p[@data-para]")
    assert [int(p.get("data-para")) for p in paras] == list(range(1, len(paras) + 1))
    assert len(paras) > 20
    assert all(p.get("id") == f"para-{p.get('data-para')}" for p in paras)
