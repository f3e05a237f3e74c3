"""TEI at full size: tei_all (pruned grammar, XSLT2 Schematron) and the bundled edition."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from teiedit.cli import main
from teiedit.gate import validate
from teiedit.gate.document import Document
from teiedit.gate.locate import Locator
from teiedit.gate.relaxng import _element_of, _without_cascades

ARTICLE = "article.xml"
BUNDLED_SOURCE = Path(__file__).resolve().parents[2] / "tei" / "miletic-2021-tokovi-istorije.txt"
VARIANTS = {
    "valid": (None, None),
    "unknown element": ('<head><lb n="3"/>Introduction</head>',
                        '<head><lb n="3"/>Introduction</head><bogus/>'),
    "unknown attribute": ('<p><lb n="9"/>', '<p foo="x"><lb n="9"/>'),
    "bad date": ('<date when="2021">2021</date></publicationStmt>',
                 '<date when="the year 2021">2021</date></publicationStmt>'),
    "missing header": ("<teiHeader>", "<teiHeaderX>"),
    "text before header": ("<teiHeader>", "<text><body><p/></body></text><teiHeader>"),
}


def variant(samples, tmp_path, name) -> str:
    source = (samples / ARTICLE).read_text(encoding="utf-8")
    old, new = VARIANTS[name]
    if old is not None:
        assert old in source
        source = source.replace(old, new, 1)
        if name == "missing header":
            source = source.replace("</teiHeader>", "</teiHeaderX>")
    path = tmp_path / f"{name.replace(' ', '-')}.xml"
    path.write_text(source, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_pruned_tei_all_agrees_with_the_full_grammar(samples, tmp_path, shared_dir,
                                                     tei_all_rng, name):
    path = variant(samples, tmp_path, name)
    report = validate([path], [shared_dir / "tei-p5" / "tei_all.rng"], jobs=1)
    data = Path(path).read_bytes()
    tree = etree.ElementTree(etree.fromstring(data))
    full_ok = tei_all_rng.validate(tree)
    assert report.ok == full_ok == (name == "valid")
    if not full_ok:
        doc = Document(path, data, tree)
        located = [(e, _element_of(doc, e.line, e.message)) for e in tei_all_rng.error_log]
        full_lines = {doc.locator.position(el)[0] for _, el in _without_cascades(located)}
        assert {p.line for p in report.files[0].problems} == full_lines


def test_tei_all_schematron_runs_with_xpath2(samples, tmp_path, shared_dir):
    path = tmp_path / "when-from.xml"
    path.write_text((samples / ARTICLE).read_text().replace(
        '<date when="2021">2021</date></publicationStmt>',
        '<date when="2021" from="2020">2021</date></publicationStmt>'))
    report = validate([str(path)], [shared_dir / "tei-p5" / "tei_all.isosch"], jobs=1)
    [p] = report.files[0].problems
    assert p.severity == "warning" and (p.line, p.column) == (9, 56)
    assert "The @when attribute cannot be used with any other" in p.message
    assert report.ok                                  # role="nonfatal" is a warning


def test_locator_skips_markup_that_is_not_an_element(tmp_path):
    data = (b'<?xml version="1.0"?>\n<!-- <fake> -->\n<r><![CDATA[<no>]]><?pi <x>?>'
            b'<a\n  x=">"/></r>')
    tree = etree.ElementTree(etree.fromstring(data))
    loc = Locator(tree, data)
    assert loc.position(tree.getroot().find("a")) == (3, 30)


def test_errors_point_at_the_right_one_of_same_named_elements_on_a_line(tmp_path, shared_dir):
    """libxml2 gives a line; its node path tells two <hi> or two <div> on it apart."""
    head = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
            "<title>t</title></titleStmt><publicationStmt><p>x</p></publicationStmt>"
            "<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>")
    for body, wrong in [("<p>a<hi>x</hi></p><p><hi>y<p/></hi></p>", "<p/></hi>"),
                        ("<div><head>h</head></div><div><p/><head>h</head></div>",
                         "<head>h</head></div>")]:
        text = head + body + "</body></text></TEI>"
        path = tmp_path / "doc.xml"
        path.write_text(text, encoding="utf-8")
        report = validate([str(path)], [str(shared_dir / "tei-p5" / "tei_all.rng")], jobs=1)
        [problem] = report.files[0].problems
        expected = text.rindex(wrong) + 1         # the last one: not the first on the line
        assert (problem.line, problem.column) == (1, expected), problem


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> str:
    """The bundled article encoded by `teiedit encode` (the real edition)."""
    out = tmp_path_factory.mktemp("edition") / "edition.xml"
    done = CliRunner().invoke(main, ["encode", str(BUNDLED_SOURCE), "-o", str(out)])
    assert done.exit_code == 0 and out.exists(), done.output
    return str(out)


def test_bundled_edition_is_valid_tei_all(edition, shared_dir):
    tei = shared_dir / "tei-p5"
    report = validate([edition], [tei / "tei_all.rng", tei / "tei_all.isosch"], jobs=1)
    assert report.ok, report.files[0].problems[:5]


def test_bundled_edition_is_valid_against_the_project_grammar(edition):
    from teiedit.gate.paths import DEFAULT_SCHEMA_DIR

    rng = DEFAULT_SCHEMA_DIR / "teiedit.rng"
    if not rng.exists():
        pytest.skip("schema/teiedit.rng not built yet")
    report = validate([edition], [rng], jobs=1)
    assert report.ok, report.files[0].problems[:5]


def test_build_step_passes_a_valid_edition_and_stops_on_an_invalid_one(edition, samples,
                                                                       shared_dir):
    from teiedit.gate.edition import require_valid
    from teiedit.xmlio import TeieditError

    tei_all = [shared_dir / "tei-p5" / "tei_all.rng"]
    assert require_valid([edition], tei_all).ok
    expected = r"(?s)the edition is not valid:.*invalid.xml:2:1: error: element <doc>"
    with pytest.raises(TeieditError, match=expected):
        require_valid([samples / "mini" / "invalid.xml"], tei_all)


def test_example_may_repeat_an_xml_id(samples, tmp_path, shared_dir):
    """egXML examples may reuse an xml:id of the text: ids are not collected while
    parsing, and the decision is left to the schema."""
    path = tmp_path / "with-example.xml"
    path.write_text((samples / ARTICLE).read_text().replace(
        '<p><lb n="9"/>', '<egXML xmlns="http://www.tei-c.org/ns/Examples">'
        '<note xml:id="n1">an example</note></egXML><p><lb n="9"/>'))
    report = validate([str(path)], [shared_dir / "tei-p5" / "tei_all.rng"], jobs=1)
    assert report.ok, report.files[0].problems


def test_pruned_grammar_sees_elements_brought_in_by_xinclude(samples, tmp_path, shared_dir):
    (tmp_path / "part.xml").write_text('<quote xmlns="http://www.tei-c.org/ns/1.0">'
                                       "<l>Included verse</l></quote>")
    doc = tmp_path / "doc.xml"
    doc.write_text((samples / ARTICLE).read_text().replace(
        "It goes on.", 'It goes on. <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
        'href="part.xml"/>'))
    report = validate([str(doc)], [shared_dir / "tei-p5" / "tei_all.rng"], xinclude=True,
                      jobs=1)
    assert report.ok, report.files[0].problems
