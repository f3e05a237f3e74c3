"""Bad ODDs: a clear `file:line: message`, exit code 1, no traceback, and nothing written."""

from __future__ import annotations

from click.testing import CliRunner
from schema_helpers import write_odd

from teiedit.cli import main


def build(odd, out, *extra):
    result = CliRunner().invoke(main, ["schema", "build", str(odd), "-o", str(out), *extra])
    return result


def assert_refused(result, out, *words):
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir()), "nothing may be written on error"
    for w in words:
        assert w in result.output, result.output


def test_malformed_odd_names_file_and_line(tmp_path):
    odd = tmp_path / "bad.odd"
    odd.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<schemaSpec ident="x">\n'
                   "<elementSpec ident='a'>\n</schemaSpec></TEI>\n", encoding="utf-8")
    out = tmp_path / "out"
    assert_refused(build(odd, out), out, f"{odd}:4", "not well-formed")


def test_undefined_reference_is_a_warning_with_key_and_line_and_strict_refuses_it(tmp_path):
    odd = write_odd(tmp_path, '<elementSpec ident="root"><content>\n'
                    '<elementRef key="nowhere"/></content></elementSpec>')
    out = tmp_path / "out"
    result = build(odd, out)
    assert result.exit_code == 0
    assert f"{odd}:5: warning:" in result.output and "'nowhere'" in result.output
    out2 = tmp_path / "out2"
    assert_refused(build(odd, out2, "--strict"), out2, f"{odd}:5:", "defined neither")


def test_cyclic_class_membership_is_refused(tmp_path):
    odd = write_odd(tmp_path, '<classSpec ident="model.a" type="model"><classes>'
                    '<memberOf key="model.b"/></classes></classSpec>\n'
                    '<classSpec ident="model.b" type="model"><classes>\n'
                    '<memberOf key="model.a"/></classes></classSpec>'
                    '<elementSpec ident="root"><content><empty/></content></elementSpec>')
    out = tmp_path / "out"
    assert_refused(build(odd, out), out, "cyclic class membership", "model.a", "model.b")


NOT_DETERMINISTIC = ('<elementSpec ident="root"><content><sequence>'
                     '<elementRef key="a" minOccurs="0"/><elementRef key="a"/></sequence>'
                     '</content></elementSpec>\n<elementSpec ident="a"><content><empty/>'
                     "</content></elementSpec>")


def test_non_deterministic_model_costs_the_xsd_not_the_rng(tmp_path):
    odd = write_odd(tmp_path, NOT_DETERMINISTIC, name="nd.odd")
    out = tmp_path / "out"
    result = build(odd, out)
    assert result.exit_code == 0, result.output
    assert f"{odd}:4: warning: no XSD written" in result.output in result.output
    assert "not deterministic" in result.output and "<a>" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["nd-reference.html", "nd.rng", "nd.sch"]


def test_strict_makes_warnings_errors_and_writes_nothing(tmp_path):
    odd = write_odd(tmp_path, NOT_DETERMINISTIC)
    out = tmp_path / "out"
    assert_refused(build(odd, out, "--strict"), out, "no XSD written", "--strict")


def test_names_a_module_lacks_are_warnings_in_document_order(tmp_path, p5subset):
    odd = write_odd(tmp_path, '<moduleRef key="tei"/>\n<moduleRef key="core" '
                    'include="p zzz aaa"/>\n<moduleRef key="textstructure" except="yyy"/>\n'
                    '<elementSpec ident="nothere" mode="change"/>\n'
                    '<classSpec ident="att.nothere" mode="delete"/>',
                    attrs='ident="t" start="TEI"')
    out = tmp_path / "out"
    result = build(odd, out, "--source", str(p5subset))
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if ": warning: " in line]
    assert [(line.split(":")[1], line.split("'")[-2]) for line in lines] == [
        ("5", "aaa"), ("5", "zzz"), ("6", "yyy"), ("7", "nothere"), ("8", "att.nothere")]


def test_an_error_in_an_xincluded_file_names_that_file(tmp_path):
    (tmp_path / "specs.xml").write_text(
        '<elementSpec xmlns="http://www.tei-c.org/ns/1.0" ident="root">\n<content>\n'
        '<elementRef key="nowhere"/></content></elementSpec>', encoding="utf-8")
    odd = write_odd(tmp_path, '<include xmlns="http://www.w3.org/2001/XInclude" '
                    'href="specs.xml"/>')
    out = tmp_path / "out"
    assert_refused(build(odd, out, "--strict"), out, f"{tmp_path / 'specs.xml'}:3",
                   "'nowhere'")


def test_a_tei_release_as_source_asks_for_a_local_copy(tmp_path):
    odd = write_odd(tmp_path, '<moduleRef key="core"/>',
                    attrs='ident="t" start="p" source="tei:4.12.0"')
    out = tmp_path / "out"
    assert_refused(build(odd, out), out, "'tei:4.12.0'", "--source")


def test_unknown_module_is_refused(tmp_path, p5subset):
    odd = write_odd(tmp_path, '<moduleRef key="nosuchmodule"/>', attrs='ident="t" start="TEI"')
    out = tmp_path / "out"
    assert_refused(build(odd, out, "--source", str(p5subset)), out, "nosuchmodule")


def test_moduleref_without_source_asks_for_one(tmp_path):
    odd = write_odd(tmp_path, '<moduleRef key="core"/>', attrs='ident="t" start="p"')
    out = tmp_path / "out"
    assert_refused(build(odd, out), out, "--source")


def test_entity_declarations_are_refused(tmp_path):
    odd = tmp_path / "ent.odd"
    odd.write_text('<!DOCTYPE TEI [<!ENTITY x "y">]>\n<TEI/>', encoding="utf-8")
    out = tmp_path / "out"
    assert_refused(build(odd, out), out, "entity declarations are refused")


def test_a_good_odd_writes_all_outputs(tmp_path):
    odd = write_odd(tmp_path, '<elementSpec ident="root"><content><textNode/></content>'
                    "</elementSpec>", name="good.odd")
    out = tmp_path / "out"
    result = build(odd, out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "good-reference.html", "good-xml.xsd", "good.rng", "good.sch", "good.xsd"]


def test_reference_to_the_wrong_kind_of_spec_is_refused(tmp_path):
    odd = write_odd(tmp_path, '<classSpec ident="att.x" type="atts"/>\n'
                    '<elementSpec ident="root"><content><classRef key="att.x"/></content>'
                    "</elementSpec>")
    out = tmp_path / "out"
    assert_refused(build(odd, out), out, f"{odd}:", "'att.x'", "atts class")
