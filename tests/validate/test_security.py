"""Hostile submissions: each classic XML attack is refused quickly, the canary never leaks."""

from __future__ import annotations

import time

import pytest
from click.testing import CliRunner

from teiedit.cli import main
from teiedit.gate import validate

CANARY = "TOP-SECRET-CANARY-4711"
REFUSED = {
    "billion-laughs.xml": "entity declarations are refused",
    "billion-laughs-utf16.xml": "entity declarations are refused",
    "quadratic-blowup.xml": "entity declarations are refused",
    "external-entity-file.xml": "entity declarations are refused",
    "external-entity-network.xml": "entity declarations are refused",
    "parameter-entity.xml": "entity declarations are refused",
    "external-dtd.xml": "external DTDs are refused",
    "external-dtd-public.xml": "external DTDs are refused",
    "gzip-bomb.xml": "this is not XML",
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_attack_is_refused_with_a_clear_message(samples, mini_schemas, name):
    started = time.perf_counter()
    report = validate([str(samples / "hostile" / name)], mini_schemas, jobs=1)
    [problem] = report.files[0].problems
    assert not report.ok and REFUSED[name] in problem.message
    assert problem.line is not None
    assert time.perf_counter() - started < 5     # refused before any expansion


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif"])
def test_no_report_format_contains_the_secret(samples, mini_schemas, fmt):
    hostile = sorted(str(p) for p in (samples / "hostile").glob("*.xml"))
    args = ["validate", "--format", fmt, "-j", "1", "--xml-model"]
    for s in mini_schemas:
        args += ["--schema", s]
    result = CliRunner().invoke(main, [*args, *hostile])
    assert result.exit_code == 1, result.output
    assert CANARY not in result.output and "root:" not in result.output


def test_xinclude_is_not_expanded_without_the_flag(samples, mini_schemas):
    report = validate([str(samples / "hostile" / "xinclude.xml")], mini_schemas, jobs=1)
    messages = [p.message for p in report.files[0].problems]
    assert any("XIncludes are not expanded" in m for m in messages)
    assert not report.ok


def test_xinclude_outside_the_documents_folder_is_refused(samples, mini_schemas):
    report = validate([str(samples / "hostile" / "xinclude-outside.xml")], mini_schemas,
                      xinclude=True, jobs=1)
    [p] = report.files[0].problems
    assert "refused: it points outside" in p.message and p.rule == "security"


def test_xinclude_of_a_local_file_works_when_asked(tmp_path, samples):
    (tmp_path / "part.xml").write_text('<p xmlns="urn:x">included</p>')
    doc = tmp_path / "doc.xml"
    doc.write_text('<doc xmlns="urn:x" xmlns:xi="http://www.w3.org/2001/XInclude">'
                   '<xi:include href="part.xml"/></doc>')
    schema = [str(samples / "schemas" / "mini.rng")]
    assert not validate([str(doc)], schema, jobs=1).ok
    assert validate([str(doc)], schema, xinclude=True, jobs=1).ok


@pytest.mark.parametrize(("name", "message"), [
    ("xml-model-network.xml", "is not fetched (no network)"),
    ("xml-model-outside.xml", "lies outside the current folder"),
])
def test_xml_model_cannot_reach_the_network_or_other_folders(samples, name, message):
    report = validate([str(samples / "hostile" / name)], xml_model=True, jobs=1)
    [p] = report.files[0].problems
    assert message in p.message and p.engine == "xml-model"


def test_nesting_depth_limit(tmp_path, samples):
    deep = tmp_path / "deep.xml"
    deep.write_text("<doc>" * 300 + "</doc>" * 300)
    report = validate([str(deep)], [str(samples / "schemas" / "mini.rng")], jobs=1)
    [p] = report.files[0].problems
    assert "nested deeper than 256" in p.message


def test_entity_declarations_after_comments_in_the_prolog_are_still_refused():
    from teiedit.xmlio import TeieditError, parse_untrusted

    data = (b'<?xml version="1.0"?>\n<!-- a -->\n<?pi x?>\n'
            b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]>\n<d>&a;</d>')
    with pytest.raises(TeieditError, match="entity declarations are refused") as caught:
        parse_untrusted(data, "x.xml")
    assert caught.value.line == 4


def test_the_words_entity_and_doctype_in_the_text_are_not_declarations():
    from teiedit.xmlio import parse_untrusted

    data = b"<d><!-- <!ENTITY x 'y'> --><![CDATA[<!DOCTYPE d SYSTEM 'file:///etc/passwd'>]]></d>"
    assert parse_untrusted(data, "x.xml").getroot().tag == "d"
