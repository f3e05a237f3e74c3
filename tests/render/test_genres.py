"""Each kind of TEI that repositories hold, rendered from a real document of the
development corpus (../shared/corpora/tei) or, where the seen part has none, a small one."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import html
from test_generic import write_tei

from teiedit.render import render
from teiedit.xmlio import read_untrusted

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "tei"


def pages(corpus_html, name: str) -> tuple[html.HtmlElement, object]:
    """(the document page, the TEI tree) of a corpus document."""
    folder = corpus_html(name)
    page = html.fromstring((folder / f"{Path(name).stem}.html").read_bytes())
    return page, read_untrusted(CORPUS / "docs" / name)


def text(el) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


def test_drama_speeches_keep_their_speakers(corpus_html):
    page, tei = pages(corpus_html, "greekdracor-aristophanes-birds.xml")
    speakers = page.xpath("//div[@class='sp']/p[@class='speaker']")
    assert len(speakers) == len(tei.xpath("//t:sp/t:speaker", namespaces=TEI)) == 746
    first = tei.xpath("//t:sp[1]/t:speaker", namespaces=TEI)[0]
    assert text(speakers[0]) == " ".join(first.xpath("string()").split())
    assert page.xpath("//div[@class='sp']/div[@class='l']")


def write_play(folder: Path, to: str) -> Path:
    """A small play with a cast list and a stage direction (the corpus's plays have none),
    rendered to `to`."""
    path = write_tei(folder, "play", (
        "<text><front><castList><head>Persons</head><castItem><role>HAMLET</role>"
        "<roleDesc>prince</roleDesc></castItem></castList></front><body><div><sp>"
        "<speaker>HAMLET</speaker><l>To be, or not to be</l></sp><stage>Exit.</stage>"
        "</div></body></text>"))
    render(path, {to}, folder)
    return folder / f"play.{to}"


def test_cast_list_and_stage_directions(tmp_path):
    write_play(tmp_path, "html")
    page = html.fromstring((tmp_path / "play.html").read_bytes())
    assert [text(li) for li in page.xpath("//ul[@class='cast']/li")] == ["HAMLET, prince"]
    assert page.xpath("//p[@class='stage']")[0].text_content() == "Exit."
    assert text(page.xpath("//div[@class='sp']/p[@class='speaker']")[0]) == "HAMLET"


def test_each_utterance_is_headed_by_its_speakers_name(corpus_html):
    page, tei = pages(corpus_html, "parlaclarin-siparl-OZKSIS-Redna-034-2000-05-18.xml")
    utterances = page.xpath("//div[starts-with(@class, 'u')]")
    assert len(utterances) == len(tei.xpath("//t:u", namespaces=TEI)) == 9
    names = [text(u.xpath("span[contains(@class, 'speaker')]")[0]) for u in utterances]
    assert all(n and not n.startswith("#") for n in names)
    assert all(u.xpath("p") for u in utterances)  # each segment its own paragraph
    # the debate's notes between utterances stand in place, not as footnotes
    assert page.xpath("//p[starts-with(@class, 'note-inline')]")
    assert not page.xpath("//section[@id='notes']")


def test_a_letter_has_its_own_title_opener_closer_and_correspondents(corpus_html):
    page, _ = pages(corpus_html, "teipublisher-dantiscus-CIDTC-3823-cortez.xml")
    assert text(page.xpath("//h1")[0]) == "Hernán CORTÉS to Ioannes DANTISCUS, Mexico 1531-08-01"
    assert page.xpath("//*[contains(@class, 'closer')]")
    assert page.xpath("//*[contains(@class, 'salute')]")
    dl = page.xpath("//dl[@class='correspDesc']")[0]
    assert [text(dt) for dt in dl.xpath("dt")] == ["From", "To"]
    assert "Cortés" in text(dl.xpath("dd")[0]) and "México" in text(dl.xpath("dd")[0])
    anthology, _ = pages(corpus_html, "correspsig-example07-anthology.xml")
    assert anthology.xpath("//*[contains(@class, 'opener')]//*[contains(@class, 'dateline')]")


def test_lists_of_persons_in_the_text_are_a_folded_register(tmp_path):
    path = write_tei(tmp_path, "letter", (
        "<text><body><p>Dear <persName ref='#a'>Anna</persName></p></body><back><listPerson>"
        "<person xml:id='a'><persName>Anna Smith</persName><note>a friend</note></person>"
        "</listPerson></back></text>"))
    render(path, {"html"}, tmp_path)
    page = html.fromstring((tmp_path / "letter.html").read_bytes())
    register = page.xpath("//details[@class='register']")[0]
    assert text(register.xpath("summary")[0]) == "Persons (1)"
    assert page.xpath("//a[@href='letter.persons.html#a']")
    assert "Anna Smith" in (tmp_path / "letter.persons.html").read_text()


def test_verse_lines_are_lines(corpus_html):
    page, tei = pages(corpus_html, "sarit-astavakragita.xml")
    assert len(page.xpath("//div[@class='l']")) == len(tei.xpath("//t:l", namespaces=TEI))
    hafez, tei = pages(corpus_html, "perseus-farsi-hafez.divan.perseus-far1.xml")
    numbers = [int(n.text) for n in hafez.xpath("//span[@class='l-n']")]
    assert numbers and all(n % 5 == 0 for n in numbers)
    assert len(numbers) == len(tei.xpath("//t:l[@n mod 5 = 0]", namespaces=TEI))


def test_apparatus_shows_lemma_readings_and_witnesses(corpus_html):
    page, tei = pages(corpus_html, "sarit-ratnakirti.xml")
    apps = page.xpath("//span[@class='app']")
    assert len(apps) == len(tei.xpath("//t:app", namespaces=TEI))
    first = apps[0]
    assert text(first.xpath("span[@class='lem']")[0]) == "nipuṇamanyena"
    assert [text(w) for w in first.xpath(".//span[@class='rdg']/span[@class='wit']")] == \
        ["RNAms", "thakur75"]


def test_epidoc_divisions_have_headings(corpus_html):
    page, _ = pages(corpus_html, "iospe-1.12.xml")
    heads = [text(h) for h in page.xpath("//section/*[self::h2 or self::h3]")]
    for h in ("Edition", "Apparatus", "Translation (ru)", "Translation (en)", "Commentary"):
        assert h in heads


def test_leiden_signs_supplied_unclear_gap(corpus_html):
    page, tei = pages(corpus_html, "iospe-1.12.xml")
    supplied = page.xpath("//span[@class='supplied']")
    assert len(supplied) == len(tei.xpath("//t:text//t:supplied", namespaces=TEI))
    assert all(text(s).startswith("[") and text(s).endswith("]") for s in supplied)
    assert len(page.xpath("//span[@class='unclear']")) == \
        len(tei.xpath("//t:text//t:unclear", namespaces=TEI))
    mishnah, tei = pages(corpus_html, "mishnah-S08174.xml")
    assert len(mishnah.xpath("//span[@class='gap']")) == \
        len(tei.xpath("//t:text//t:gap", namespaces=TEI))


def test_a_space_in_the_source_keeps_words_apart(tmp_path):
    path = write_tei(tmp_path, "space", "<text><body><p>düster,<space/>so</p></body></text>",
                     lang="de")
    render(path, {"html"}, tmp_path)
    page = html.fromstring((tmp_path / "space.html").read_bytes())
    assert "düster, so" in text(page.xpath("//article//p")[0])


def test_a_manuscript_description_is_shown(corpus_html):
    page, _ = pages(corpus_html, "betamasaheft-DSEthiop11.xml")
    ms = page.xpath("//section[@class='msDesc']")[0]
    assert text(ms.xpath("h2")[0]) == "Manuscript description"
    assert "DS Ethiop. 11" in text(ms.xpath("p[@class='msIdentifier']")[0])


def test_dictionary_entries_forms_and_senses(corpus_html):
    page, tei = pages(corpus_html, "teipublisher-osinski.xml")
    entries = page.xpath("//div[starts-with(@class, 'entryFree')]")
    assert len(entries) == len(tei.xpath("//t:entryFree", namespaces=TEI)) == 17
    assert all(e.xpath(".//span[@class='form']") for e in entries if e.xpath(".//span"))


def test_a_corpus_shows_every_document_under_its_own_title(tmp_path):
    head = ("<teiHeader><fileDesc><titleStmt><title>{}</title></titleStmt><publicationStmt><p/>"
            "</publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>")
    path = tmp_path / "corpus.xml"
    path.write_text(
        f'<teiCorpus xmlns="{TEI["t"]}">{head.format("Debates")}'
        f'<TEI>{head.format("Session 1")}<text><body><p>First.</p></body></text></TEI>'
        f'<TEI>{head.format("Session 2")}<text><body><p>Second.</p></body></text></TEI>'
        "</teiCorpus>", encoding="utf-8")
    render(path, {"html"}, tmp_path)
    page = html.fromstring((tmp_path / "corpus.html").read_bytes())
    docs = page.xpath("//section[@class='tei-doc']")
    assert [text(d.xpath("h2")[0]) for d in docs] == ["Session 1", "Session 2"]
    assert [text(d.xpath(".//p")[0]) for d in docs] == ["First.", "Second."]


def test_the_line_switch_only_where_there_are_lines(corpus_html):
    novel, _ = pages(corpus_html, "eltec-ukr-UKR18583.xml")
    assert not novel.xpath("//input[@id='show-lines']")
    dictionary, _ = pages(corpus_html, "dariah-Kluge+Lutz-1898.xml")
    assert dictionary.xpath("//input[@id='show-lines']")


def test_no_link_to_an_empty_index(corpus_html):
    novel, _ = pages(corpus_html, "eltec-ukr-UKR18583.xml")
    assert novel.xpath("//header//nav//a/@href") == ["eltec-ukr-UKR18583.html",
                                                     "eltec-ukr-UKR18583.xml"]
    drama, _ = pages(corpus_html, "greekdracor-aristophanes-birds.xml")
    assert "greekdracor-aristophanes-birds.persons.html" in drama.xpath("//header//nav//a/@href")


def test_page_breaks_link_their_facsimile(corpus_html):
    """pb/@facs points to a surface whose graphics include a web image."""
    page, tei = pages(corpus_html, "muqtabas-i_86.xml")
    links = page.xpath("//a[@class='facs']/@href")
    assert links and all(h.startswith("https://") for h in links)
    assert len(links) == len(tei.xpath("//t:text//t:pb[@facs]", namespaces=TEI))


def test_a_text_part_is_headed_by_its_subtype(tmp_path):
    path = write_tei(tmp_path, "parts", (
        "<text><body><div type='textpart' subtype='poem' n='1'><p>a</p></div>"
        "<div type='textpart' n='2'><p>b</p></div></body></text>"))
    render(path, {"html"}, tmp_path)
    page = html.fromstring((tmp_path / "parts.html").read_bytes())
    assert [text(h) for h in page.xpath("//article//h2")][:2] == ["Poem 1", "Part 2"]
