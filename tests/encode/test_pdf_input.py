"""PDF input: what the PDF shows for certain (type, position, pages) becomes the structure.

The PDFs are made here with WeasyPrint: justified, hyphenated text in paragraphs with a
first-line indent, footnotes in smaller type at the foot called by superscript numbers, a
running head at the top and a printed page number at the foot of each page.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from encode_helpers import NS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teiedit.cli import main
from teiedit.encode.command import encode_file
from teiedit.encode.pdf import read_pdf
from teiedit.encode.pipeline import encode_source
from teiedit.encode.source import Diagnostics
from teiedit.serialize.regenerate import regenerate
from teiedit.serialize.tei import to_tree

CSS = """
@page { size: 420px 560px; margin: 60px 50px 70px;
  @top-center { content: "THE JOURNAL OF TESTS"; font-size: 7pt }
  @bottom-center { content: "4" counter(page); font-size: 8pt } }
body { font-family: serif; font-size: 10pt; line-height: 1.3; text-align: justify;
       hyphens: auto }
p { margin: 0 } p + p { text-indent: 1.5em }
h2 { font-size: 12pt; font-weight: bold; margin: 1em 0 0.5em }
.fn { float: footnote; font-size: 7.5pt; text-indent: 0; text-align: left }
::footnote-call { content: counter(footnote); vertical-align: super; font-size: 6pt;
                  line-height: 0 }
::footnote-marker { content: counter(footnote) " " }
"""
FILLER = ("the committee discussed the question with the ambassador and the minister "
          "before the conference on international cooperation began ")


def make_pdf(body: str, css: str = CSS) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<html lang='en'><style>{css}</style><body>{body}</body></html>"
                ).write_pdf()


def article(paragraphs: int = 6, sentences: int = 4) -> str:
    """Paragraphs whose i-th sentence ends in the word `markI`, each paragraph's second
    sentence calling a footnote `Note I.`; a head after the second paragraph."""
    out, k = ["<h2>Introduction</h2>"], 0
    for p in range(paragraphs):
        sentences_html = []
        for s in range(sentences):
            k += 1
            text = f"{FILLER * 2}mark{k}."
            if s == 1:
                text += f'<span class="fn">Note {p + 1} explains mark{k}.</span>'
            sentences_html.append(text.capitalize())
        out.append(f"<p>{' '.join(sentences_html)}</p>")
        if p == 1:
            out.append("<h2>The Second Part</h2>")
    return "".join(out)


@pytest.fixture(scope="module")
def encoded(tmp_path_factory) -> tuple[bytes, etree._ElementTree, Diagnostics]:
    pdf = make_pdf(article())
    path = tmp_path_factory.mktemp("pdf") / "article.pdf"
    path.write_bytes(pdf)
    diag = Diagnostics(str(path))
    data = encode_file(path, names=False, diag=diag)
    return pdf, etree.ElementTree(etree.fromstring(data)), diag


def xp(tree: etree._ElementTree, expr: str):
    return tree.xpath(expr, namespaces=NS)


def test_each_note_stands_at_its_superscript_call(encoded):
    _, tree, _ = encoded
    notes = xp(tree, "//t:body//t:note")
    assert [n.get("n") for n in notes] == [str(k) for k in range(1, 7)]
    for note in notes:
        called = note.xpath("string(.)").split("explains ")[1].rstrip(".")
        before = "".join(note.xpath("preceding::text()[not(ancestor::t:note)]",
                                    namespaces=NS))
        assert before.rstrip().endswith(f"{called}."), note.get("n")
        assert note.get("anchored") is None


def test_paragraphs_follow_first_line_indents_across_pages(encoded):
    _, tree, _ = encoded
    paragraphs = xp(tree, "//t:body//t:p")
    assert len(paragraphs) == 6
    for k, p in enumerate(paragraphs):  # each holds its own four sentences, in order
        text = " ".join(p.xpath("string(.)").split())
        first = 4 * k + 1
        assert all(f"mark{m}." in text for m in range(first, first + 4)), k
        assert f"mark{first + 4}." not in text
    assert xp(tree, "//t:body//t:p[t:pb]"), "no paragraph continues across a page"


def test_heads_are_the_larger_bold_rows(encoded):
    _, tree, _ = encoded
    heads = [" ".join(h.xpath("string(.)").split()) for h in xp(tree, "//t:body//t:head")]
    assert heads == ["Introduction", "The Second Part"]


def test_running_heads_and_page_numbers_are_furniture(encoded):
    _, tree, _ = encoded
    pages = xp(tree, "//t:pb")
    assert [pb.get("n") for pb in pages] == [str(41 + k) for k in range(len(pages))]
    assert len(pages) >= 3
    assert len(xp(tree, "//t:fw[@type='header'][. = 'THE JOURNAL OF TESTS']")) == len(pages)
    numbers = [fw.text for fw in xp(tree, "//t:fw[@type='pageNum']")]
    assert numbers == [pb.get("n") for pb in pages]
    reading = " ".join(xp(tree, "string(//t:text)").split())
    assert "JOURNAL" not in " ".join(t for t in xp(tree, "//t:p//text()[not(ancestor::t:fw)]")
                                     ), reading[:80]


def test_hyphens_at_line_ends_are_joined(encoded):
    _, tree, _ = encoded
    breaks = xp(tree, "//t:p//t:lb[@break='no'][contains(@rend, 'hyphen')]")
    assert breaks, "the justified text has hyphenated line ends"
    words = {w.strip(".").lower() for p in xp(tree, "//t:body//t:p")
             for w in "".join(p.xpath(".//text()[not(ancestor::t:note or ancestor::t:fw)]",
                                      namespaces=NS)).split()}
    assert words == set(FILLER.split()) | {f"mark{k}" for k in range(1, 25)}


def test_the_round_trip_gives_back_the_extracted_lines(encoded):
    pdf, tree, _ = encoded
    reading = read_pdf(pdf, "article.pdf", Diagnostics("article.pdf"))
    lines = [ln.raw.rstrip() for ln in reading.source.lines]
    assert regenerate(tree) == "\n".join(lines) + "\n"
    assert sum(ln.startswith("\f") for ln in lines) == len(xp(tree, "//t:pb")) - 1


def test_the_pdf_encoding_is_valid_tei(encoded, tei_all_rng):
    _, tree, _ = encoded
    assert tei_all_rng.validate(tree), tei_all_rng.error_log.last_error


PARAGRAPH = st.lists(st.sampled_from([*FILLER.split(), "Yugoslavia", "1952", "anti-fascist",
                                      "co-operation", "(Tito)"]),
                     min_size=5, max_size=60).map(" ".join)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(PARAGRAPH, st.booleans()), min_size=1, max_size=6))
def test_random_pdfs_come_back(paragraphs):
    body = "".join(f"<p>{text}{'<span class=fn>A note.</span>' if note else ''}.</p>"
                   for text, note in paragraphs)
    pdf = make_pdf(body)
    reading = read_pdf(pdf, "random.pdf", Diagnostics("random.pdf"))
    diag = Diagnostics("random.pdf")
    tree = to_tree(encode_source(reading.source, diag, read=reading))
    expected = "\n".join(ln.raw.rstrip() for ln in reading.source.lines) + "\n"
    assert regenerate(tree) == expected


def test_a_pdf_is_known_by_its_first_bytes_not_its_name(tmp_path: Path):
    path = tmp_path / "article.txt"
    path.write_bytes(make_pdf("<p>Only one paragraph of text here.</p>"))
    tree = etree.fromstring(encode_file(path, names=False))
    assert "Only one paragraph of text here." in " ".join(tree.xpath("string(.)").split())


def _encrypted() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf("<p>Secret text.</p>"))))
    writer.encrypt("a password")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(("make", "message"), [
    (lambda: make_pdf("<p>Some text to cut.</p>" * 40)[:900], "not a readable PDF"),
    (_encrypted, "encrypted"),
    (lambda: make_pdf("<div style='height: 200px; background: grey'></div>", css=""),
     "no text layer"),
])
def test_a_bad_pdf_is_an_error_and_nothing_is_written(tmp_path: Path, make, message):
    source, out = tmp_path / "bad.pdf", tmp_path / "bad.xml"
    source.write_bytes(make())
    result = CliRunner().invoke(main, ["encode", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{source}: error: " in result.output and message in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_corpus_pdf_meets_the_targets(shared_dir: Path, tmp_path: Path):
    """End to end on a development article of ../shared/corpora/articles, with its scorer."""
    import importlib.util

    corpus = shared_dir / "corpora" / "articles"
    spec = importlib.util.spec_from_file_location("score", corpus / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    out = tmp_path / "galileo.xml"
    out.write_bytes(encode_file(corpus / "ride14-galileo.pdf", names=False))
    r = score.score(str(out), str(corpus / "ride14-galileo.gold.json"))
    assert r["notes"]["anchored"] == r["notes"]["gold"]
    assert r["paragraphs"]["found"] >= 0.9 * r["paragraphs"]["gold"]
    assert r["furniture"]["leaked"] == 0
    assert r["hyphenation"]["ok"] >= 0.95 * r["hyphenation"]["events"]
    assert r["text_similarity"] >= 0.98


def test_a_pdf_on_standard_input_is_read(tmp_path: Path):
    out = tmp_path / "stdin.xml"
    pdf = make_pdf("<p>A paragraph read from standard input.</p>")
    result = CliRunner().invoke(main, ["encode", "--no-names", "-", "-o", str(out)], input=pdf)
    assert result.exit_code == 0, result.output
    tree = etree.parse(str(out))
    assert "read from standard input." in " ".join(tree.xpath("string(//*[local-name()='body'])"
                                                             ).split())


def test_the_title_is_the_first_pages_largest_type(tmp_path: Path):
    path = tmp_path / "titled.pdf"
    path.write_bytes(make_pdf("<h1 style='font-size: 20pt'>A Title Set Large</h1>"
                              "<p>The body text of the article, in its usual size.</p>"))
    tree = etree.fromstring(encode_file(path, names=False))
    assert xp(etree.ElementTree(tree), "string(//t:titleStmt/t:title[@type='main'])") == \
        "A Title Set Large"
