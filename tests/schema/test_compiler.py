"""The ODD compiler on small pure ODDs: each feature compiles to RELAX NG and XSD that agree."""

from __future__ import annotations

import pytest
from lxml import etree
from schema_helpers import checked_rng, write_odd

from teiedit.schema.odd import compile_odd
from teiedit.schema.rng import write_rng
from teiedit.schema.xsd import XML_XSD, write_xsd
from teiedit.xmlio import TeieditError


def compiled(tmp_path, body, **kw):
    """RELAX NG and XSD validators for an ODD; both are returned so they can be compared."""
    schema = compile_odd(write_odd(tmp_path, body, **kw), kw.pop("source", None))
    rng = checked_rng(write_rng(schema), tmp_path)
    (tmp_path / "x-xml.xsd").write_text(XML_XSD, encoding="utf-8")
    xsd_path = tmp_path / "x.xsd"
    xsd_path.write_bytes(write_xsd(schema, "x-xml.xsd"))
    xsd = etree.XMLSchema(etree.parse(str(xsd_path)))
    return rng, xsd


def verdicts(rng, xsd, docs):
    """Validity of each document; RELAX NG and XSD must agree on every one."""
    out = []
    for doc in docs:
        tree = etree.fromstring(doc)
        a, b = rng.validate(tree), xsd.validate(tree)
        assert a == b, f"RELAX NG says {a}, XSD says {b} for {doc}"
        out.append(a)
    return out


def el(name, content="<empty/>", extra=""):
    return f'<elementSpec ident="{name}">{extra}<content>{content}</content></elementSpec>'


LEAVES = el("a") + el("b") + el("c")


def test_sequence_with_occurrences(tmp_path):
    body = el("root", '<sequence><elementRef key="a"/><elementRef key="b" minOccurs="0" '
              'maxOccurs="2"/><elementRef key="c" maxOccurs="unbounded"/></sequence>') + LEAVES
    rng, xsd = compiled(tmp_path, body)
    assert verdicts(rng, xsd, ["<root><a/><c/></root>", "<root><a/><b/><b/><c/><c/></root>",
                               "<root><a/><b/><b/><b/><c/></root>", "<root><c/></root>",
                               "<root><a/></root>"]) == [True, True, False, False, False]


def test_alternate_repeated_with_text_is_mixed_content(tmp_path):
    body = el("root", '<alternate minOccurs="0" maxOccurs="unbounded"><textNode/>'
              '<elementRef key="a"/></alternate>') + LEAVES
    rng, xsd = compiled(tmp_path, body)
    assert verdicts(rng, xsd, ["<root>x<a/>y<a/></root>", "<root/>", "<root><b/></root>"]) == [
        True, True, False]


def test_model_class_membership_and_expansions(tmp_path):
    cls = '<classSpec ident="model.x" type="model"/>'
    member = '<classes><memberOf key="model.x"/></classes>'
    leaves = el("a", extra=member) + el("b", extra=member) + el("c")
    body = cls + leaves + el("root", '<sequence><classRef key="model.x"/>'
                             '<elementRef key="seq"/></sequence>') + el(
        "seq", '<classRef key="model.x" expand="sequenceOptional"/>')
    rng, xsd = compiled(tmp_path, body)
    assert verdicts(rng, xsd, ["<root><b/><seq><a/><b/></seq></root>",
                               "<root><a/><seq><b/></seq></root>",
                               "<root><c/><seq/></root>",
                               "<root><a/><seq><b/><a/></seq></root>"]) == [
        True, True, False, False]


def test_classref_except_leaves_out_members(tmp_path):
    member = '<classes><memberOf key="model.x"/></classes>'
    body = ('<classSpec ident="model.x" type="model"/>' + el("a", extra=member)
            + el("b", extra=member) + el("root", '<classRef key="model.x" expand="alternation" '
                                       'except="a" maxOccurs="unbounded"/>'))
    rng, xsd = compiled(tmp_path, body)
    assert verdicts(rng, xsd, ["<root><b/><b/></root>", "<root><a/></root>"]) == [True, False]


def test_macro_and_data_specs(tmp_path):
    body = ('<macroSpec ident="macro.x"><content><alternate maxOccurs="unbounded">'
            '<elementRef key="a"/><elementRef key="b"/></alternate></content></macroSpec>'
            '<dataSpec ident="data.year"><content><dataRef name="gYear"/></content></dataSpec>'
            + el("root", '<macroRef key="macro.x"/>', extra="") + LEAVES.replace(
                el("a"), '<elementSpec ident="a"><content><empty/></content><attList>'
                '<attDef ident="y"><datatype><dataRef key="data.year"/></datatype></attDef>'
                '</attList></elementSpec>'))
    rng, xsd = compiled(tmp_path, body)
    assert verdicts(rng, xsd, ['<root><a y="1952"/><b/></root>', '<root><a y="July"/></root>',
                               "<root/>"]) == [True, False, False]


@pytest.mark.parametrize(("kind", "expected"), [
    ("closed", [True, False, False]), ("semi", [True, True, False]),
    ("open", [True, True, False])])
def test_value_lists(tmp_path, kind, expected):
    att = (f'<attList><attDef ident="t" usage="req"><datatype><dataRef name="NCName"/>'
           f'</datatype><valList type="{kind}"><valItem ident="one"/><valItem ident="two"/>'
           "</valList></attDef></attList>")
    rng, xsd = compiled(tmp_path, f'<elementSpec ident="root"><content><empty/></content>{att}'
                        "</elementSpec>")
    assert verdicts(rng, xsd, ['<root t="one"/>', '<root t="other"/>', '<root t="not ncname"/>']
                    ) == expected


def test_required_attribute(tmp_path):
    rng, xsd = compiled(tmp_path, '<elementSpec ident="root"><content><empty/></content>'
                        '<attList><attDef ident="n" usage="req"/></attList></elementSpec>')
    assert verdicts(rng, xsd, ['<root n="1"/>', "<root/>"]) == [True, False]


def test_attribute_classes_inherit_and_elements_override(tmp_path):
    body = ('<classSpec ident="att.base" type="atts"><attList><attDef ident="b"/></attList>'
            '</classSpec><classSpec ident="att.x" type="atts"><classes><memberOf key="att.base"/>'
            '</classes><attList><attDef ident="x"/><attDef ident="gone"/></attList></classSpec>'
            '<elementSpec ident="root"><classes><memberOf key="att.x"/></classes><content>'
            '<empty/></content><attList><attDef ident="gone" mode="delete"/><attDef ident="x" '
            'mode="change" usage="req"/></attList></elementSpec>')
    rng, xsd = compiled(tmp_path, body)
    assert verdicts(rng, xsd, ['<root x="1" b="2"/>', '<root b="2"/>', '<root x="1" gone="3"/>']
                    ) == [True, False, False]


def test_any_element_allows_other_namespaces(tmp_path):
    rng, xsd = compiled(tmp_path, el("root", '<anyElement except="http://www.tei-c.org/ns/1.0" '
                                     'maxOccurs="unbounded"/>'), attrs='ident="t" start="root"')
    tei = 'xmlns="http://www.tei-c.org/ns/1.0"'
    assert verdicts(rng, xsd, [f'<root {tei}><o xmlns="urn:x"/></root>',
                               f'<root {tei}><o/></root>']) == [True, False]


def test_any_element_require_is_ignored_as_odd2relax_does_with_a_warning(tmp_path, p5subset):
    body = ('<moduleRef key="tei"/><moduleRef key="core" include="p"/>'
            '<elementSpec ident="p" mode="change"><content>\n<anyElement require="urn:x" '
            'maxOccurs="unbounded"/></content></elementSpec>')
    schema = compile_odd(write_odd(tmp_path, body, attrs='ident="t" start="p"'), p5subset)
    assert [(w.line, "@require" in w.message) for w in schema.warnings] == [(5, True)]
    rng = checked_rng(write_rng(schema), tmp_path)
    tei = 'xmlns="http://www.tei-c.org/ns/1.0"'
    assert rng.validate(etree.fromstring(f'<p {tei}><o xmlns="urn:other"/></p>'))


def test_moduleref_selects_and_specs_change_tei(tmp_path, p5subset):
    body = ('<moduleRef key="tei"/><moduleRef key="core" include="p hi"/>'
            '<moduleRef key="textstructure" include="div"/>'
            '<elementSpec ident="hi" mode="change"><attList><attDef ident="rend" mode="change">'
            '<valList type="closed" mode="replace"><valItem ident="italic"/></valList></attDef>'
            '</attList></elementSpec>')
    schema = compile_odd(write_odd(tmp_path, body, attrs='ident="t" start="div"'), p5subset)
    rng = checked_rng(write_rng(schema), tmp_path)
    tei = 'xmlns="http://www.tei-c.org/ns/1.0"'
    ok = etree.fromstring(f'<div {tei}><p>a <hi rend="italic">b</hi></p></div>')
    assert rng.validate(ok)
    assert not rng.validate(etree.fromstring(f'<div {tei}><p><hi rend="bold">b</hi></p></div>'))
    assert not rng.validate(etree.fromstring(f'<div {tei}><p><emph>b</emph></p></div>'))


def test_deleting_a_tei_element_removes_it_from_content(tmp_path, p5subset):
    body = ('<moduleRef key="tei"/><moduleRef key="core" include="p hi emph"/>'
            '<elementSpec ident="emph" mode="delete"/>')
    schema = compile_odd(write_odd(tmp_path, body, attrs='ident="t" start="p"'), p5subset)
    assert "emph" not in schema.specs
    rng = checked_rng(write_rng(schema), tmp_path)
    tei = 'xmlns="http://www.tei-c.org/ns/1.0"'
    assert rng.validate(etree.fromstring(f"<p {tei}>a<hi>b</hi></p>"))
    assert not rng.validate(etree.fromstring(f"<p {tei}>a<emph>b</emph></p>"))


def test_wildcard_for_another_namespace_beside_elements_is_deterministic(tmp_path):
    rng, xsd = compiled(tmp_path, el("root", '<alternate maxOccurs="unbounded">'
                                     '<elementRef key="a"/><anyElement/>'
                                     "</alternate>") + el("a"), attrs='ident="t" start="root"')
    tei = 'xmlns="http://www.tei-c.org/ns/1.0"'
    assert verdicts(rng, xsd, [f'<root {tei}><a/><o xmlns="urn:x"/></root>']) == [True]


def test_wildcard_that_could_match_a_declared_element_is_not_deterministic(tmp_path):
    with pytest.raises(TeieditError, match="not deterministic"):
        compiled(tmp_path, el("root", '<alternate><elementRef key="a"/><anyElement/>'
                              "</alternate>") + el("a"))


def test_relax_ng_element_with_a_name_class_in_content(tmp_path):
    body = el("root", '<rng:zeroOrMore><rng:element><rng:anyName><rng:except>'
              '<rng:nsName ns=""/></rng:except></rng:anyName><rng:text/></rng:element>'
              "</rng:zeroOrMore>")
    rng, xsd = compiled(tmp_path, body)
    assert verdicts(rng, xsd, ['<root><o xmlns="urn:x">t</o></root>', "<root><o/></root>"]) == [
        True, False]


def test_an_odd_chained_to_another_odd_builds_on_its_customization(tmp_path, p5subset):
    """schemaSpec/@source naming another ODD: moduleRef selects from what the base kept,
    and the base's changes stay."""
    base = write_odd(tmp_path, '<moduleRef key="tei"/><moduleRef key="core" include="p hi"/>'
                     '<moduleRef key="textstructure" include="div"/>'
                     '<elementSpec ident="hi" mode="change"><attList>'
                     '<attDef ident="rend" mode="change"><valList type="closed" mode="replace">'
                     '<valItem ident="italic"/></valList></attDef></attList></elementSpec>',
                     attrs='ident="base" start="div"', name="base.odd")
    derived = write_odd(tmp_path, '<moduleRef key="tei"/><moduleRef key="core"/>'
                        '<moduleRef key="textstructure"/>',
                        attrs='ident="d" start="div" source="base.odd"', name="derived.odd")
    schema = compile_odd(derived, p5subset)
    assert {"p", "hi", "div"} <= set(schema.specs) and "emph" not in schema.specs
    rng = checked_rng(write_rng(schema), tmp_path)
    tei = 'xmlns="http://www.tei-c.org/ns/1.0"'
    assert rng.validate(etree.fromstring(f'<div {tei}><p><hi rend="italic">b</hi></p></div>'))
    assert not rng.validate(etree.fromstring(f'<div {tei}><p><hi rend="bold">b</hi></p></div>'))
    assert base.exists()


def test_any_element_without_except_leaves_out_tei_and_egxml(tmp_path, p5subset):
    body = ('<moduleRef key="tei"/><moduleRef key="core" include="p"/>'
            '<elementSpec ident="p" mode="change"><content><anyElement minOccurs="0" '
            'maxOccurs="unbounded"/></content></elementSpec>')
    schema = compile_odd(write_odd(tmp_path, body, attrs='ident="t" start="p"'), p5subset)
    rng = checked_rng(write_rng(schema), tmp_path)
    tei = 'xmlns="http://www.tei-c.org/ns/1.0"'
    assert rng.validate(etree.fromstring(f'<p {tei}><x xmlns="urn:x"><y/></x></p>'))
    assert not rng.validate(etree.fromstring(f'<p {tei}><p/></p>'))
    eg = 'xmlns="http://www.tei-c.org/ns/Examples"'
    assert not rng.validate(etree.fromstring(f'<p {tei}><egXML {eg}/></p>'))
    assert rng.validate(etree.fromstring(f'<p {tei}><other {eg}/></p>'))


def test_classes_without_mode_replace_the_memberships(tmp_path, p5subset):
    body = ('<moduleRef key="tei"/><moduleRef key="core" include="p hi emph"/>'
            '<elementSpec ident="emph" mode="change"><classes/></elementSpec>')
    schema = compile_odd(write_odd(tmp_path, body, attrs='ident="t" start="p"'), p5subset)
    assert schema.specs["emph"].member_of == {}
    rng = checked_rng(write_rng(schema), tmp_path)
    tei = 'xmlns="http://www.tei-c.org/ns/1.0"'
    assert rng.validate(etree.fromstring(f"<p {tei}>a<hi>b</hi></p>"))
    assert not rng.validate(etree.fromstring(f"<p {tei}>a<emph>b</emph></p>"))


def test_a_bounded_datatype_list_takes_up_to_its_maximum(tmp_path):
    body = ('<elementSpec ident="root"><content><empty/></content><attList>'
            '<attDef ident="v"><datatype minOccurs="1" maxOccurs="3"><dataRef name="token"/>'
            '</datatype></attDef></attList></elementSpec>')
    rng, _ = compiled(tmp_path, body)
    assert [rng.validate(etree.fromstring(f'<root v="{v}"/>'))
            for v in ("a", "a b c", "a b c d")] == [True, True, False]


def test_a_relax_ng_element_with_attributes_in_content_is_kept_as_written(tmp_path):
    body = el("root", '<rng:zeroOrMore><rng:element name="param"><rng:attribute name="name">'
              '<rng:data type="NCName"/></rng:attribute><rng:text/></rng:element>'
              "</rng:zeroOrMore>")
    schema = compile_odd(write_odd(tmp_path, body), None)
    rng = checked_rng(write_rng(schema), tmp_path)
    assert [rng.validate(etree.fromstring(d)) for d in (
        '<root><param name="a">x</param></root>', '<root><param name="1">x</param></root>',
        "<root><param>x</param></root>")] == [True, False, False]


def test_an_optional_sequence_that_loses_a_required_member_is_dropped(tmp_path):
    """(a, b*)? with <a> left out can only match nothing: odd2odd drops the group, b too."""
    body = (el("root", '<sequence minOccurs="0"><elementRef key="a"/><elementRef key="b" '
               'minOccurs="0" maxOccurs="unbounded"/></sequence>'
               '<elementRef key="c" minOccurs="0"/>') + el("b") + el("c"))
    rng, xsd = compiled(tmp_path, body)
    assert verdicts(rng, xsd, ["<root/>", "<root><c/></root>", "<root><b/></root>"]) == [
        True, True, False]


def test_a_named_relax_ng_element_in_content_is_declared_by_name_in_the_xsd(tmp_path):
    """The XSD checks its name (its content is the RELAX NG's to check), so both agree on
    which elements may stand there."""
    body = el("root", '<rng:zeroOrMore><rng:element name="x"><rng:text/></rng:element>'
              '</rng:zeroOrMore><rng:optional><rng:element name="y" ns="urn:y"><rng:empty/>'
              "</rng:element></rng:optional>")
    rng, xsd = compiled(tmp_path, body)
    assert verdicts(rng, xsd, ['<root><x>t</x><x/><y xmlns="urn:y"/></root>',
                               "<root><z/></root>", "<root><y/></root>"]) == [True, False, False]
