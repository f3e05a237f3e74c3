"""Each engine reports file:line:column, severity, schema, rule and a plain message."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiedit.gate import validate
from teiedit.xmlio import TeieditError


def problems_of(samples: Path, name: str, schemas: list[str], **kw):
    report = validate([str(samples / "mini" / name)], schemas, jobs=1, **kw)
    return report.files[0].problems


def test_valid_file_has_no_problems(samples, mini_schemas):
    report = validate([str(samples / "mini" / "valid.xml")], mini_schemas, jobs=1)
    assert report.ok and report.files[0].problems == []


def test_relaxng_error_is_located_at_the_start_tag_and_explained(samples, mini_schemas):
    [p] = [p for p in problems_of(samples, "invalid.xml", mini_schemas) if p.engine == "relaxng"]
    assert (p.line, p.column, p.severity) == (5, 3, "error")
    assert p.message.startswith("element <q> is not allowed at this position")
    assert p.detail == "Did not expect element q there"
    assert p.schema.endswith("mini.rng") and p.rule == "RELAXNG_ERR_ELEMWRONG"


def test_relaxng_reports_a_missing_child_element(samples, tmp_path):
    doc = tmp_path / "empty-doc.xml"
    doc.write_text('<doc xmlns="urn:x">\n</doc>\n')
    report = validate([str(doc)], [str(samples / "schemas" / "mini.rng")], jobs=1)
    [p] = report.files[0].problems
    assert "missing" in p.message and (p.line, p.column) == (1, 1)


def test_schematron_assert_mapped_back_to_line_and_column(samples, mini_schemas):
    [p] = [p for p in problems_of(samples, "invalid.xml", mini_schemas)
           if p.rule == "numbers/n-in-sequence"]
    assert (p.line, p.column, p.severity) == (4, 3, "error")
    assert p.message == "paragraph 3 should be numbered 2"   # value-of, let, extends
    assert p.xpath == "/Q{urn:x}doc[1]/Q{urn:x}p[2]"


def test_schematron_role_warning_is_a_warning_not_an_error(samples, mini_schemas):
    [p] = [p for p in problems_of(samples, "invalid.xml", mini_schemas) if p.rule == "years/year"]
    assert p.severity == "warning" and p.message == "a year in p: check it against the source"


def test_schematron_phase_selects_patterns(samples, mini_schemas):
    rules = {p.rule for p in problems_of(samples, "invalid.xml", mini_schemas,
                                         phase="numbering") if p.engine == "schematron"}
    assert rules == {"numbers/n-in-sequence"}


def test_schematron_undefined_phase_is_a_schema_error(samples, mini_schemas):
    with pytest.raises(TeieditError, match="phase 'nope' is not defined"):
        validate([str(samples / "mini" / "valid.xml")], mini_schemas, phase="nope", jobs=1)


def test_schematron_xpath2_error_in_schema_is_reported_as_schema_error(tmp_path, samples):
    sch = tmp_path / "bad.sch"
    sch.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
                   '<pattern><rule context="*"><assert test="((">x</assert></rule></pattern>'
                   "</schema>")
    with pytest.raises(TeieditError, match="Schematron schema does not compile"):
        validate([str(samples / "mini" / "valid.xml")], [str(sch)], jobs=1)


def test_xsd_error_is_translated(samples):
    report = validate([str(samples / "mini" / "invalid.xml")],
                      [str(samples / "schemas" / "mini.xsd")], jobs=1)
    [p] = report.files[0].problems
    assert p.engine == "xsd" and (p.line, p.column) == (5, 3)
    assert p.message == "element <q> is not allowed here; expected <p>"


def test_relaxng_and_xsd_agree_on_the_mini_vocabulary(samples):
    for name, ok in (("valid.xml", True), ("invalid.xml", False)):
        verdicts = {validate([str(samples / "mini" / name)], [str(samples / "schemas" / s)],
                             jobs=1).ok for s in ("mini.rng", "mini.xsd")}
        assert verdicts == {ok}


def test_schema_that_does_not_compile_raises_before_any_file(samples):
    with pytest.raises(TeieditError, match="does not compile"):
        validate([str(samples / "mini" / "valid.xml")],
                 [str(samples / "schemas" / "broken.rng")], jobs=1)


def test_unknown_schema_kind_is_refused(samples):
    with pytest.raises(TeieditError, match="not a schema"):
        validate([str(samples / "mini" / "valid.xml")], [str(samples / "mini" / "valid.xml")],
                 jobs=1)


def test_report_records_schema_hashes(samples, mini_schemas):
    report = validate([str(samples / "mini" / "valid.xml")], mini_schemas, jobs=1)
    assert [s.kind for s in report.schemas] == ["relaxng", "schematron"]
    assert all(len(s.sha256) == 64 for s in report.schemas)


def test_xml_model_pi_brings_its_own_schema(tmp_path, samples):
    (tmp_path / "mini.rng").write_bytes((samples / "schemas" / "mini.rng").read_bytes())
    doc = tmp_path / "doc.xml"
    doc.write_text('<?xml-model href="mini.rng" '
                   'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
                   '<doc xmlns="urn:x"><q/></doc>\n')
    report = validate([str(doc)], xml_model=True, jobs=1)
    assert [p.engine for p in report.files[0].problems] == ["relaxng"]


def test_profile_pins_schemas_phase_and_limits(samples):
    report = validate([str(samples / "mini" / "invalid.xml")],
                      profile=str(samples / "profiles" / "mini@1.0.json"), jobs=1)
    assert report.profile == "mini@1.0"
    assert {p.rule for p in report.files[0].problems if p.engine == "schematron"} == {
        "numbers/n-in-sequence"}                      # phase "numbering": no year warning


def test_profile_found_by_name_on_the_profile_path(samples, monkeypatch):
    monkeypatch.setenv("TEIEDIT_PROFILE_PATH", str(samples / "profiles"))
    report = validate([str(samples / "mini" / "valid.xml")], profile="mini@1.0", jobs=1)
    assert report.ok and report.profile == "mini@1.0"


def test_profile_with_changed_schema_hash_is_refused(samples, monkeypatch):
    monkeypatch.setenv("TEIEDIT_PROFILE_PATH", str(samples / "profiles"))
    with pytest.raises(TeieditError, match="schema content changed"):
        validate([str(samples / "mini" / "valid.xml")], profile="mini@0.9", jobs=1)


def test_a_schemas_identity_covers_the_files_it_includes(tmp_path):
    """A profile pins what applies: editing an included file changes the schema's hash;
    a one-file schema's hash is its file's SHA-256."""
    import hashlib

    from teiedit.gate.schemas import schema_digest

    rng = "http://relaxng.org/ns/structure/1.0"
    (tmp_path / "part.rng").write_text(
        f'<grammar xmlns="{rng}"><define name="p"><element name="p"><text/></element>'
        "</define></grammar>")
    main = tmp_path / "main.rng"
    main.write_text(f'<grammar xmlns="{rng}"><include href="part.rng"/>'
                    '<start><ref name="p"/></start></grammar>')
    before = schema_digest(main)
    assert before != hashlib.sha256(main.read_bytes()).hexdigest()
    (tmp_path / "part.rng").write_text((tmp_path / "part.rng").read_text().replace(
        "<text/>", "<empty/>"))
    assert schema_digest(main) != before
    alone = tmp_path / "part.rng"
    assert schema_digest(alone) == hashlib.sha256(alone.read_bytes()).hexdigest()


def test_profile_size_limit_applies(samples, tmp_path):
    big = tmp_path / "big.xml"
    big.write_text('<doc xmlns="urn:x"><p>' + "x" * 200_000 + "</p></doc>")
    report = validate([str(big)], profile=str(samples / "profiles" / "mini@1.0.json"), jobs=1)
    [p] = report.files[0].problems
    assert "over the limit of 100000" in p.message and p.rule == "security"


def test_odd_is_compiled_once_and_cached(samples, tmp_path, monkeypatch, shared_dir):
    """(The project ODD selects from TEI: its source, p5subset.xml, is in ../shared.)"""
    from teiedit.gate.paths import DEFAULT_SCHEMA_DIR

    odd = DEFAULT_SCHEMA_DIR / "teiedit.odd"
    if not odd.exists():
        pytest.skip("the project ODD is not there yet")
    monkeypatch.setenv("TEIEDIT_CACHE", str(tmp_path))
    report = validate([str(samples / "article.xml")], [str(odd)], jobs=1)
    assert report.ok
    assert {s.kind for s in report.schemas} == {"relaxng", "schematron", "xsd"}
    [compiled] = [d.parent for d in (tmp_path / "odd").glob("*/*/done")]
    again = validate([str(samples / "mini" / "invalid.xml")], [str(odd)], jobs=1)
    assert not again.ok
    assert [d.parent for d in (tmp_path / "odd").glob("*/*/done")] == [compiled]


@pytest.mark.parametrize(("context", "expected"), [
    ("tei:*[@calendar]", ["//tei:*[@calendar]"]),
    ("tei:rt/@to", ["//tei:rt/@to"]),
    ("tei:persName[@ref] | tei:orgName[@ref]", ["//tei:persName[@ref]", "//tei:orgName[@ref]"]),
    ("text()[not(ancestor::tei:sic)]", ["//text()[not(ancestor::tei:sic)]"]),
    ("tei:a[b/c | d]", ["//tei:a[b/c | d]"]),
    ("/tei:TEI//tei:p", ["/tei:TEI//tei:p"]),
    ("/", None),
    ("self::tei:p", None),
    ("id('x')", None),
    ("tei:p[current()/@n]", None),
    ('tei:a[@x = "]"]', None),
])
def test_schematron_rule_context_candidates(context, expected):
    from teiedit.gate.schematron_analysis import candidates

    assert candidates(context) == expected


def test_direct_candidate_selection_reports_what_a_full_walk_reports(
        samples, tmp_path, monkeypatch):
    from teiedit.gate import schematron

    doc = tmp_path / "doc.xml"
    doc.write_text((samples / "mini" / "invalid.xml").read_text().replace(
        '<p n="1">one</p>', '<p n="1">one</p><p n="7">1066</p>'))
    direct = validate([str(doc)], [str(samples / "schemas" / "mini.sch")], jobs=1)
    monkeypatch.setattr(schematron, "annotate", lambda root: None)  # a new cache key too
    walked = validate([str(doc)], [str(samples / "schemas" / "mini.sch")], jobs=1)
    assert len(direct.files[0].problems) == 3
    assert direct.files[0].problems == walked.files[0].problems
