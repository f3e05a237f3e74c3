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


def test_undefined_reference_names_key_and_line(tmp_path):
    odd = write_odd(tmp_path, '<elementSpec ident="root"><content>\n'
                    '<elementRef key="nowhere"/></content></elementSpec>')
    out = tmp_path / "out"
    assert_refused(build(odd, out), out, f"{odd}:", "'nowhere'", "defined neither")


def test_cyclic_class_membership_is_refused(tmp_path):
    odd = write_odd(tmp_path, '<classSpec ident="model.a" type="model"><classes>'
                    '<memberOf key="model.b"/></classes></classSpec>\n'
                    '<classSpec ident="model.b" type="model"><classes>\n'
                    '<memberOf key="model.a"/></classes></classSpec>'
                    '<elementSpec ident="root"><content><empty/></content></elementSpec>')
    out = tmp_path / "out"
    assert_refused(build(odd, out), out, "cyclic class membership", "model.a", "model.b")


def test_non_deterministic_model_is_refused_for_xsd(tmp_path):
    odd = write_odd(tmp_path, '<elementSpec ident="root"><content><sequence>'
                    '<elementRef key="a" minOccurs="0"/><elementRef key="a"/></sequence>'
                    '</content></elementSpec>\n<elementSpec ident="a"><content><empty/>'
                    "</content></elementSpec>")
    out = tmp_path / "out"
    assert_refused(build(odd, out), out, f"{odd}:", "not deterministic", "<a>")


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
