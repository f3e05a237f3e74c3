"""The project's customization: compiled files are current, load, and fit teiedit's TEI."""

from __future__ import annotations

import xmlschema
from click.testing import CliRunner
from lxml import etree
from schema_helpers import SAMPLE, SCHEMA, assert_jing_loads

from teiedit.cli import main
from teiedit.schema.build import DEFAULT_ODD, build
from teiedit.schema.odd import EGXML, TEI

ODD = SCHEMA / "teiedit.odd"
BUNDLED = SCHEMA.parent / "tei" / "miletic-2021-tokovi-istorije.txt"


def test_compiled_schemas_are_not_stale(p5subset):
    """schema/ holds exactly what the compiler makes from schema/teiedit.odd today."""
    assert DEFAULT_ODD == ODD
    for name, data in build(ODD, p5subset).files.items():
        assert (SCHEMA / name).read_bytes() == data, (
            f"schema/{name} is stale: run `teiedit schema build`")


def test_compiling_twice_gives_identical_bytes(p5subset):
    assert build(ODD, p5subset).files == build(ODD, p5subset).files


def test_rng_loads_in_jing_without_dash_i():
    assert_jing_loads(SCHEMA / "teiedit.rng")


def test_xsd_loads_in_xmlschema_and_validates_the_sample():
    schema = xmlschema.XMLSchema(str(SCHEMA / "teiedit.xsd"))
    assert schema.is_valid(str(SAMPLE))


def test_sample_article_is_valid_against_every_schema(sample, project_rng, project_xsd,
                                                      project_sch, tei_all_rng):
    assert project_rng.validate(sample), project_rng.error_log
    assert project_xsd.validate(sample), project_xsd.error_log
    assert project_sch.validate(sample) == []
    assert tei_all_rng.validate(sample), tei_all_rng.error_log


def _bundled_edition(tmp_path):
    out = tmp_path / "edition.xml"
    result = CliRunner().invoke(main, ["encode", str(BUNDLED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return etree.parse(str(out))


def test_bundled_edition_is_valid_against_the_customization_and_tei_all(
        tmp_path, project_rng, project_xsd, tei_all_rng):
    edition = _bundled_edition(tmp_path)
    assert project_rng.validate(edition), project_rng.error_log
    assert project_xsd.validate(edition), project_xsd.error_log
    assert tei_all_rng.validate(edition), tei_all_rng.error_log


def test_bundled_edition_schematron_findings_are_only_mixed_script_words(tmp_path, project_sch):
    """The encoder keeps words like 'CК' (Latin C, Cyrillic К) as printed; the rule finds them,
    and nothing else in the edition breaks a rule."""
    findings = project_sch.validate(_bundled_edition(tmp_path))
    assert {f.rule for f in findings} <= {"teiedit-mixed-script"}
    assert all(f.line for f in findings)


def test_committed_edition_passes_every_schema(project_rng, project_xsd, project_sch,
                                               tei_all_rng, tei_all_sch):
    """tei/*.xml is what `teiedit build` writes (encoded with the registers)."""
    edition = etree.parse(str(BUNDLED.with_suffix(".xml")))
    assert project_rng.validate(edition), project_rng.error_log
    assert project_xsd.validate(edition), project_xsd.error_log
    assert project_sch.validate(edition) == []
    assert tei_all_rng.validate(edition), tei_all_rng.error_log
    assert tei_all_sch.validate(edition) == []


def test_every_element_is_documented_with_gloss_desc_and_example():
    odd = etree.parse(str(ODD))
    ns = {"t": TEI, "eg": EGXML}
    specs = odd.xpath("//t:schemaSpec/t:elementSpec", namespaces=ns)
    assert len(specs) > 80
    for spec in specs:
        ident = spec.get("ident")
        assert spec.xpath("normalize-space(t:gloss)", namespaces=ns), ident
        assert spec.xpath("normalize-space(t:desc)", namespaces=ns), ident
        assert spec.xpath("t:exemplum/eg:egXML/*", namespaces=ns), ident


def test_every_attribute_the_odd_declares_is_documented():
    odd = etree.parse(str(ODD))
    atts = odd.xpath("//t:attDef[not(@mode='delete')]", namespaces={"t": TEI})
    assert atts
    for att in atts:
        where = f"{att.getparent().getparent().get('ident')}/@{att.get('ident')}"
        assert att.xpath("normalize-space(t:gloss)", namespaces={"t": TEI}), where
        assert att.xpath("normalize-space(t:desc)", namespaces={"t": TEI}), where


def test_html_reference_has_an_entry_per_element_with_its_value_lists():
    html = (SCHEMA / "teiedit-reference.html").read_text(encoding="utf-8")
    odd = etree.parse(str(ODD))
    for spec in odd.xpath("//t:schemaSpec/t:elementSpec", namespaces={"t": TEI}):
        assert f'<section id="{spec.get("ident")}">' in html
    note = html[html.index('<section id="note">'):]
    note = note[: note.index("</section>")]
    assert "<code>foot</code>" in note and "closed list" in note


def test_the_odd_itself_is_a_valid_tei_document(tei_all_rng):
    assert tei_all_rng.validate(etree.parse(str(ODD))), tei_all_rng.error_log
