"""Bad and hostile input: clear messages, exit codes, nothing half-written, nothing fetched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from teiedit.cli import main
from teiedit.render import core as render_core
from teiedit.render import render
from teiedit.render.xslt import XSLT_DIR, transform
from teiedit.xmlio import TeieditError, read_untrusted

DATA = Path(__file__).parent / "data"
TEI_NS = "http://www.tei-c.org/ns/1.0"


def tei(body: str, extra_ns: str = "") -> str:
    return (f'<TEI xmlns="{TEI_NS}"{extra_ns} xml:lang="en"><teiHeader><fileDesc><titleStmt>'
            '<title>T</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/>'
            f'</sourceDesc></fileDesc></teiHeader><text><body>{body}</body></text></TEI>')


def run(*args: str):
    return CliRunner().invoke(main, ["render", *args])


def test_not_xml_is_refused_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text(f'<TEI xmlns="{TEI_NS}">\n<text>\n<body><p>open</body></text></TEI>')
    result = run(str(bad), "-o", str(tmp_path / "out"), "--force")
    assert result.exit_code == 1
    assert re.match(rf"{re.escape(str(bad))}:3:\d+: .*not well-formed", result.output)
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_a_document_that_is_not_tei_is_refused_even_with_force(tmp_path):
    other = tmp_path / "other.xml"
    other.write_text("<html><body/></html>")
    result = run(str(other), "-o", str(tmp_path / "out"), "--force")
    assert result.exit_code == 1
    assert "not a TEI document" in result.output and f"{other}:1:" in result.output


def test_an_invalid_document_is_rendered_only_with_force(tmp_path):
    src = DATA / "sample.xml"  # carries an element the project's schema does not know
    result = run(str(src), "--to", "html", "-o", str(tmp_path / "a"))
    assert result.exit_code == 1
    assert "invalid TEI" in result.output and "--force" in result.output
    assert not (tmp_path / "a").exists()
    forced = run(str(src), "--to", "html", "-o", str(tmp_path / "b"), "--force")
    assert forced.exit_code == 0, forced.output
    assert str(tmp_path / "b" / "sample.html") in forced.output


def test_only_the_requested_formats_are_written(tmp_path):
    result = run(str(DATA / "sample.xml"), "--to", "html", "--to", "fo", "-o", str(tmp_path),
                 "--force")
    assert result.exit_code == 0, result.output
    listed = {Path(line).name for line in result.output.split()}
    assert listed == {p.name for p in tmp_path.iterdir()}
    assert "sample.fo" in listed and "sample.html" in listed and "sample.pdf" not in listed


def test_entity_declarations_are_refused(tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE TEI [\n <!ENTITY a "aaaaaaaaaa">\n'
                    ' <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n'
                    + tei("<p>&b;</p>"))
    result = run(str(bomb), "-o", str(tmp_path / "out"), "--force")
    assert result.exit_code == 1
    assert "entity declarations are refused" in result.output and f"{bomb}:3:" in result.output


def test_absurd_nesting_is_refused(tmp_path):
    deep = tmp_path / "deep.xml"
    deep.write_text(tei("<p>" + "<hi>" * 400 + "x" + "</hi>" * 400 + "</p>"))
    result = run(str(deep), "-o", str(tmp_path / "out"), "--force")
    assert result.exit_code == 1 and "nested" in result.output


def test_uris_in_the_document_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    src = tmp_path / "edition" / "doc.xml"
    src.parent.mkdir()
    src.write_text(tei(
        '<p><ref target="file://' + str(secret) + '">a</ref> <ptr target="../secret.txt"/>'
        ' <xi:include href="../secret.txt" parse="text"/>'
        ' <persName ref="../secret.txt#x">Someone</persName>'
        ' <graphic url="../secret.txt"/></p>', ' xmlns:xi="http://www.w3.org/2001/XInclude"'))
    written = render(src, {"html", "pdf", "fo"}, tmp_path / "out")
    for f in written:
        assert b"TOP-SECRET-CONTENT" not in f.read_bytes(), f
    page = (tmp_path / "out" / "doc.html").read_text()
    assert 'href="file:' not in page and 'href="../secret.txt"' not in page


def test_stylesheets_only_open_their_own_files():
    """doc(), unparsed-text() and the like are only ever called on string literals (the
    stylesheets' own labels and assets), never on a value taken from the document."""
    calls = re.compile(r"\b(doc|document|unparsed-text(?:-lines|-available)?|collection|"
                       r"doc-available|json-doc|transform|load-xquery-module)\s*\(\s*(.)")
    for xsl in XSLT_DIR.glob("*.xsl"):
        for m in calls.finditer(xsl.read_text()):
            assert m.group(2) in "'\"", f"{xsl.name}: {m.group(0)}"


def test_processing_instructions_of_the_document_are_ignored(sample_out):
    page = (sample_out / "sample.html").read_text()
    assert "evil.xsl" not in page and "never-fetched" not in page


def test_xslt_runtime_error_names_stylesheet_template_and_line(tmp_path, capfd):
    xsl = tmp_path / "broken.xsl"
    xsl.write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"\n'
        '    xmlns:xs="http://www.w3.org/2001/XMLSchema">\n'
        '  <xsl:template match="/"><out><xsl:apply-templates/></out></xsl:template>\n'
        '  <xsl:template match="*:p">\n'
        '    <x><xsl:value-of select="xs:integer(string-length(.)) idiv 0"/></x>\n'
        '  </xsl:template>\n'
        '</xsl:stylesheet>\n')
    src = tmp_path / "doc.xml"
    src.write_text(tei("<p>text</p>"))
    with pytest.raises(TeieditError) as info:
        transform(xsl, read_untrusted(src))
    err = info.value
    assert err.file.endswith("broken.xsl") and err.line == 5
    assert "FOAR0001" in err.message and 'template rule with match="' in err.message
    captured = capfd.readouterr()
    assert "FOAR0001" not in captured.err  # Saxon's own dump is not passed through


def test_xslt_static_error_names_stylesheet_and_line(tmp_path):
    xsl = tmp_path / "typo.xsl"
    xsl.write_text('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n'
                   '  <xsl:template match="/">\n    <xsl:value-of select="count(("/>\n'
                   '  </xsl:template>\n</xsl:stylesheet>\n')
    src = tmp_path / "doc.xml"
    src.write_text(tei("<p>text</p>"))
    with pytest.raises(TeieditError) as info:
        transform(xsl, read_untrusted(src))
    assert info.value.file.endswith("typo.xsl") and info.value.line == 3
    assert "XPST0003" in info.value.message


def test_a_failing_output_leaves_no_file_behind(tmp_path, monkeypatch):
    def fail(html: str, name: str) -> bytes:
        raise TeieditError("layout failed", file=name)

    monkeypatch.setattr(render_core, "html_to_pdf", fail)
    with pytest.raises(TeieditError):
        render(DATA / "sample.xml", {"html", "pdf"}, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_unknown_format_is_refused():
    with pytest.raises(TeieditError, match="unknown output format"):
        render(DATA / "sample.xml", {"docx"}, "unused")
