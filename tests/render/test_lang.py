"""HTML `lang` carries only registered languages (ISO 639 primary subtags, from pycountry):
a source's unregistered tag is kept for machines in `data-lang` and never replaced by a guess."""

from __future__ import annotations

from lxml import html
from test_generic import render_all, write_tei

from teiedit.render.core import language_subtags


def test_the_registered_subtags_are_bcp47_primary_subtags():
    codes = set(language_subtags().split())
    assert {"cs", "sr", "grc", "mix", "sla"} <= codes  # 639-1, 639-3, 639-5 (a family)
    assert not {"cz", "ces", "cze"} & codes  # no such code; 639-3/-2B where 639-1 exists


def test_an_unregistered_tag_is_kept_as_data_not_as_lang(tmp_path):
    path = write_tei(tmp_path, "langs", (
        "<text><body><p xml:lang='cz'>abeceda</p><p xml:lang='sr-Latn'>azbuka</p>"
        "<p xml:lang='mix-x-YCNY'>ñuu</p><p xml:lang='CS'>slovo</p></body></text>"))
    doc = render_all(path, tmp_path / "o")
    by_text = {p.text_content(): p for p in doc.xpath("//article//p")}
    assert by_text["abeceda"].get("lang") == "" and by_text["abeceda"].get("data-lang") == "cz"
    assert by_text["azbuka"].get("lang") == "sr-Latn" and by_text["azbuka"].get("data-lang") is None
    assert by_text["ñuu"].get("lang") == "mix-x-YCNY"
    assert by_text["slovo"].get("lang") == "CS"


def test_an_unregistered_document_language_is_not_claimed(tmp_path):
    path = write_tei(tmp_path, "doc", "<text><body><p>abeceda</p></body></text>", lang="cz")
    doc = render_all(path, tmp_path / "o")
    assert doc.get("lang") == "en"  # the labels' language; the text's is not guessed
    article = doc.xpath("//article")[0]
    assert article.get("lang") == "" and article.get("data-lang") == "cz"
    fo = (tmp_path / "o" / "doc.fo").read_text()
    assert 'language="cz"' not in fo


def test_the_dictionary_with_cz_has_no_invalid_lang(corpus_html):
    folder = corpus_html("dariah-teilex0-examples.xml")
    codes = set(language_subtags().split())
    for page in sorted(folder.glob("*.html")):
        doc = html.fromstring(page.read_bytes())
        tags = doc.xpath("//@lang[normalize-space()]")
        assert tags and {t.split("-")[0].lower() for t in tags} <= codes, page.name
    doc = html.fromstring((folder / "dariah-teilex0-examples.html").read_bytes())
    assert [e.get("lang") for e in doc.xpath("//*[@data-lang='cz']")] == [""]
    assert {"de", "fr", "pt", "grc", "en-US"} <= set(doc.xpath("//@lang"))


def test_citation_metadata_carries_only_a_registered_language(tmp_path):
    doc = render_all(write_tei(tmp_path, "cz", "<text><body><p>a</p></body></text>", lang="cz"),
                     tmp_path / "o")
    assert doc.xpath("//meta[@name='citation_language' or @name='DC.language']") == []
    doc = render_all(write_tei(tmp_path, "cs", "<text xml:lang='cs'><body><p>a</p></body></text>",
                               lang="cz"), tmp_path / "p")
    assert doc.xpath("//meta[@name='citation_language']/@content") == ["cs"]
