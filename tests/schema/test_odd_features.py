"""Each ODD feature of the Guidelines' ODD chapter (TD) that real ODDs use, in one tiny ODD:
the RELAX NG it compiles to loads in jing (without -i), and jing and lxml give the same,
expected verdict on one valid and one invalid instance."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from lxml import etree
from schema_helpers import jing, write_odd

from teiedit.schema.odd import compile_odd
from teiedit.schema.rng import write_rng
from teiedit.schema.sch import write_schematron

TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'


@dataclass
class Case:
    body: str           # children of schemaSpec
    valid: str
    invalid: str
    attrs: str = 'ident="t" start="root" ns=""'
    tei: bool = False   # selects from p5subset.xml


def el(name: str, content: str = "<empty/>", extra: str = "", attrs: str = "") -> str:
    return (f'<elementSpec ident="{name}" {attrs}>{extra}<content>{content}</content>'
            "</elementSpec>")


def att(defs: str, content: str = "<empty/>") -> str:
    """A root element with an attList."""
    return el("root", content, extra="") .replace("</elementSpec>",
                                                   f"<attList>{defs}</attList></elementSpec>")


TEI_P = ('<moduleRef key="tei"/><moduleRef key="core" include="p hi"/>'
         '<moduleRef key="textstructure" include="div"/>')
TEI_DIV = 'ident="t" start="div"'

CASES = {
    # ---------------------------------------------------------------- spec groups
    "specGrp-specGrpRef": Case(
        '<specGrpRef target="#g"/>', "<root><a/></root>", "<root/>"),
    # ---------------------------------------------------------------- pure ODD content
    "sequence-alternate": Case(
        el("root", '<sequence><elementRef key="a"/><alternate><elementRef key="b"/>'
           '<elementRef key="c"/></alternate></sequence>') + el("a") + el("b") + el("c"),
        "<root><a/><c/></root>", "<root><a/><a/></root>"),
    "alternate-unbounded": Case(
        el("root", '<alternate minOccurs="1" maxOccurs="unbounded"><elementRef key="a"/>'
           '<elementRef key="b"/></alternate>') + el("a") + el("b"),
        "<root><b/><a/><b/></root>", "<root/>"),
    "minOccurs-maxOccurs-bounded": Case(
        el("root", '<elementRef key="a" minOccurs="2" maxOccurs="3"/>') + el("a"),
        "<root><a/><a/><a/></root>", "<root><a/><a/><a/><a/></root>"),
    "textNode-mixed": Case(
        el("root", '<alternate minOccurs="0" maxOccurs="unbounded"><textNode/>'
           '<elementRef key="a"/></alternate>') + el("a"),
        "<root>x<a/>y</root>", "<root>x<b/></root>"),
    "empty": Case(el("root"), "<root/>", "<root>x</root>"),
    "interleave-preserveOrder-false": Case(
        el("root", '<sequence preserveOrder="false"><elementRef key="a"/>'
           '<elementRef key="b"/></sequence>') + el("a") + el("b"),
        "<root><b/><a/></root>", "<root><a/></root>"),
    "macroSpec-macroRef": Case(
        '<macroSpec ident="m"><content><alternate><elementRef key="a"/><textNode/>'
        '</alternate></content></macroSpec>'
        + el("root", '<macroRef key="m" minOccurs="0" maxOccurs="unbounded"/>') + el("a"),
        "<root>t<a/></root>", "<root><root/></root>"),
    "classSpec-classRef": Case(
        '<classSpec ident="model.x" type="model"/>'
        + el("a", extra='<classes><memberOf key="model.x"/></classes>')
        + el("root", '<classRef key="model.x" maxOccurs="unbounded"/>'),
        "<root><a/><a/></root>", "<root/>"),
    "classRef-expand-sequenceOptional": Case(
        '<classSpec ident="model.x" type="model"/>'
        + el("a", extra='<classes><memberOf key="model.x"/></classes>')
        + el("b", extra='<classes><memberOf key="model.x"/></classes>')
        + el("root", '<classRef key="model.x" expand="sequenceOptional"/>'),
        "<root><b/></root>", "<root><b/><a/></root>"),
    "anyElement-except": Case(
        el("root", '<anyElement except="urn:no" minOccurs="0" maxOccurs="unbounded"/>',
           attrs='ns="urn:me"'),
        '<root xmlns="urn:me"><o xmlns="urn:other"><p/></o></root>',
        '<root xmlns="urn:me"><o xmlns="urn:no"/></root>', attrs='ident="t" start="root"'),
    "valList-in-content": Case(
        el("root", '<valList type="closed"><valItem ident="yes"/><valItem ident="no"/>'
           "</valList>"), "<root>yes</root>", "<root>maybe</root>"),
    "dataRef-in-content": Case(
        el("root", '<dataRef name="integer"/>'), "<root>12</root>", "<root>twelve</root>"),
    "dataRef-restriction": Case(
        att('<attDef ident="v" usage="req"><datatype><dataRef name="token" '
            'restriction="[A-Z]{2}"/></datatype></attDef>'),
        '<root v="RS"/>', '<root v="rs"/>'),
    "dataFacet": Case(
        att('<attDef ident="v" usage="req"><datatype><dataRef name="integer">'
            '<dataFacet name="maxInclusive" value="10"/></dataRef></datatype></attDef>'),
        '<root v="10"/>', '<root v="11"/>'),
    "dataSpec-dataRef-key": Case(
        '<dataSpec ident="teidata.year"><content><dataRef name="gYear"/></content></dataSpec>'
        + att('<attDef ident="y" usage="req"><datatype><dataRef key="teidata.year"/>'
              '</datatype></attDef>'), '<root y="1952"/>', '<root y="July"/>'),
    "dataSpec-sequence-of-dataRef-is-a-list": Case(
        '<dataSpec ident="teidata.pair"><content><sequence><dataRef name="integer"/>'
        '<dataRef name="integer"/></sequence></content></dataSpec>'
        + att('<attDef ident="p" usage="req"><datatype><dataRef key="teidata.pair"/>'
              '</datatype></attDef>'), '<root p="1 2"/>', '<root p="1"/>'),
    "rng-patterns-in-content": Case(
        el("root", '<rng:group><rng:ref name="a"/><rng:optional><rng:ref name="b"/>'
           "</rng:optional></rng:group>") + el("a") + el("b"),
        "<root><a/><b/></root>", "<root><b/></root>"),
    "rng-element-in-content": Case(
        el("root", '<rng:element name="x"><rng:text/></rng:element>'),
        "<root><x>t</x></root>", "<root><y/></root>"),
    # ---------------------------------------------------------------- attributes
    "attDef-usage-req": Case(
        att('<attDef ident="n" usage="req"/>'), '<root n="1"/>', "<root/>"),
    "attDef-usage-rec-is-optional": Case(
        att('<attDef ident="n" usage="rec"/>'), "<root/>", '<root m="1"/>'),
    "attDef-altIdent": Case(
        att('<attDef ident="nm"><altIdent>name</altIdent></attDef>'),
        '<root name="x"/>', '<root nm="x"/>'),
    "attDef-defaultVal": Case(
        att('<attDef ident="n"><defaultVal>1</defaultVal><datatype><dataRef name="integer"/>'
            "</datatype></attDef>"), "<root/>", '<root n="one"/>'),
    "attDef-ns": Case(
        att('<attDef ident="lang" ns="urn:att"/>'),
        '<root xmlns:a="urn:att" a:lang="x"/>', '<root lang="x"/>'),
    "valList-closed": Case(
        att('<attDef ident="t" usage="req"><valList type="closed"><valItem ident="a"/>'
            "</valList></attDef>"), '<root t="a"/>', '<root t="b"/>'),
    "valList-semi-without-datatype-is-Name": Case(
        att('<attDef ident="t" usage="req"><valList type="semi"><valItem ident="a"/>'
            "</valList></attDef>"), '<root t="other"/>', '<root t="two words"/>'),
    "valList-open-without-datatype-is-text": Case(
        att('<attDef ident="t" usage="req"><valList type="open"><valItem ident="a"/>'
            "</valList></attDef>"), '<root t="two words"/>', "<root/>"),
    "valItem-altIdent": Case(
        att('<attDef ident="t" usage="req"><valList type="closed"><valItem ident="a">'
            "<altIdent>alpha</altIdent></valItem></valList></attDef>"),
        '<root t="alpha"/>', '<root t="a"/>'),
    "datatype-maxOccurs-unbounded": Case(
        att('<attDef ident="r" usage="req"><datatype maxOccurs="unbounded">'
            '<dataRef name="integer"/></datatype></attDef>'), '<root r="1 2 3"/>',
        '<root r="1 x"/>'),
    "datatype-minOccurs-maxOccurs": Case(
        att('<attDef ident="r" usage="req"><datatype minOccurs="2" maxOccurs="4">'
            '<dataRef name="integer"/></datatype></attDef>'), '<root r="1 2 3 4"/>',
        '<root r="1 2 3 4 5"/>'),
    "attList-org-choice": Case(
        att('<attList org="choice"><attDef ident="a" usage="req"/><attDef ident="b" '
            'usage="req"/></attList>'), '<root a="1"/>', '<root a="1" b="2"/>'),
    "classSpec-atts-and-attRef": Case(
        '<classSpec ident="att.x" type="atts"><attList><attDef ident="x"/><attDef ident="y"/>'
        "</attList></classSpec>"
        + att('<attRef class="att.x" name="x"/>'), '<root x="1"/>', '<root y="1"/>'),
    "attribute-class-membership-and-delete": Case(
        '<classSpec ident="att.x" type="atts"><attList><attDef ident="x"/><attDef ident="y"/>'
        "</attList></classSpec>"
        + att('<attDef ident="y" mode="delete"/>').replace(
            "<attList>", '<classes><memberOf key="att.x"/></classes><attList>'),
        '<root x="1"/>', '<root y="1"/>'),
    # ---------------------------------------------------------------- schemaSpec
    "schemaSpec-start-several": Case(
        el("root") + el("other"), "<other/>", "<third/>",
        attrs='ident="t" start="root other" ns=""'),
    "schemaSpec-ns-and-prefix": Case(
        el("root", '<elementRef key="a"/>') + el("a"), '<root xmlns="urn:p"><a/></root>',
        "<root><a/></root>", attrs='ident="t" start="root" ns="urn:p" prefix="p_"'),
    "elementSpec-ns-another-namespace": Case(
        el("root", '<elementRef key="a"/>') + el("a", attrs='ns="urn:a"'),
        '<root><a xmlns="urn:a"/></root>', "<root><a/></root>"),
    "elementSpec-altIdent": Case(
        el("root", '<elementRef key="a"/>') + el("a", extra="<altIdent>alpha</altIdent>"),
        "<root><alpha/></root>", "<root><a/></root>"),
    # ---------------------------------------------------------------- changing TEI
    "moduleRef-include": Case(
        TEI_P, f"<div {TEI}><p>a<hi>b</hi></p></div>", f"<div {TEI}><p><emph/></p></div>",
        attrs=TEI_DIV, tei=True),
    "moduleRef-except": Case(
        '<moduleRef key="tei"/><moduleRef key="core" except="emph"/>'
        '<moduleRef key="textstructure" include="div"/>',
        f"<div {TEI}><p>a<hi>b</hi></p></div>", f"<div {TEI}><p><emph/></p></div>",
        attrs=TEI_DIV, tei=True),
    "elementRef-in-schemaSpec": Case(
        '<moduleRef key="tei"/><elementRef key="p"/><elementRef key="div"/>',
        f"<div {TEI}><p>a</p></div>", f"<div {TEI}><p><hi/></p></div>",
        attrs=TEI_DIV, tei=True),
    "elementSpec-change-content": Case(
        TEI_P + '<elementSpec ident="p" mode="change"><content><textNode/></content>'
        "</elementSpec>", f"<div {TEI}><p>a</p></div>", f"<div {TEI}><p><hi/></p></div>",
        attrs=TEI_DIV, tei=True),
    "elementSpec-replace": Case(
        TEI_P + '<elementSpec ident="hi" mode="replace" module="core"><classes>'
        '<memberOf key="model.hiLike"/></classes><content><empty/>'
        '</content></elementSpec>', f"<div {TEI}><p><hi/></p></div>",
        f'<div {TEI}><p><hi rend="x"/></p></div>', attrs=TEI_DIV, tei=True),
    "elementSpec-delete": Case(
        TEI_P + '<elementSpec ident="hi" mode="delete"/>', f"<div {TEI}><p>a</p></div>",
        f"<div {TEI}><p><hi/></p></div>", attrs=TEI_DIV, tei=True),
    "attDef-change-valList-add": Case(
        TEI_P + '<elementSpec ident="hi" mode="change"><attList><attDef ident="rend" '
        'mode="change"><valList type="closed" mode="add"><valItem ident="bold"/></valList>'
        "</attDef></attList></elementSpec>", f'<div {TEI}><p><hi rend="bold"/></p></div>',
        f'<div {TEI}><p><hi rend="italic"/></p></div>', attrs=TEI_DIV, tei=True),
    "attDef-delete-on-class-attribute": Case(
        TEI_P + '<elementSpec ident="hi" mode="change"><attList><attDef ident="rend" '
        'mode="delete"/></attList></elementSpec>', f"<div {TEI}><p><hi/></p></div>",
        f'<div {TEI}><p><hi rend="x"/></p></div>', attrs=TEI_DIV, tei=True),
    "classSpec-change-deletes-attribute": Case(
        TEI_P + '<classSpec ident="att.global.rendition" type="atts" mode="change"><attList>'
        '<attDef ident="rend" mode="delete"/></attList></classSpec>',
        f"<div {TEI}><p><hi/></p></div>", f'<div {TEI}><p rend="x"/></div>',
        attrs=TEI_DIV, tei=True),
    "classSpec-delete-model-class": Case(
        TEI_P + '<classSpec ident="model.hiLike" type="model" mode="delete"/>',
        f"<div {TEI}><p>a</p></div>", f"<div {TEI}><p><hi/></p></div>",
        attrs=TEI_DIV, tei=True),
    "memberOf-delete": Case(
        TEI_P + '<elementSpec ident="hi" mode="change"><classes mode="change">'
        '<memberOf key="model.hiLike" mode="delete"/></classes></elementSpec>',
        f"<div {TEI}><p>a</p></div>", f"<div {TEI}><p><hi/></p></div>",
        attrs=TEI_DIV, tei=True),
    "macroSpec-change": Case(
        TEI_P + '<macroSpec ident="macro.paraContent" mode="change"><content><textNode/>'
        "</content></macroSpec>", f"<div {TEI}><p>a</p></div>",
        f"<div {TEI}><p><hi/></p></div>", attrs=TEI_DIV, tei=True),
    "dataSpec-change": Case(
        TEI_P + '<dataSpec ident="teidata.count" mode="change"><content>'
        '<dataRef name="positiveInteger"/></content></dataSpec>'
        '<elementSpec ident="p" mode="change"><attList><attDef ident="n" mode="change">'
        '<datatype><dataRef key="teidata.count"/></datatype></attDef></attList></elementSpec>',
        f'<div {TEI}><p n="3"/></div>', f'<div {TEI}><p n="0"/></div>',
        attrs=TEI_DIV, tei=True),
    "valList-emptied-by-deletions": Case(
        TEI_P + '<elementSpec ident="hi" mode="change"><attList><attDef ident="rend" '
        'mode="change"><valList type="closed" mode="replace"><valItem ident="b"/></valList>'
        '</attDef></attList></elementSpec><elementSpec ident="hi" mode="change"><attList>'
        '<attDef ident="rend" mode="change"><valList mode="change"><valItem ident="b" '
        'mode="delete"/></valList></attDef></attList></elementSpec>',
        f'<div {TEI}><p><hi rend="any"/></p></div>', f"<div {TEI}><p><emph/></p></div>",
        attrs=TEI_DIV, tei=True),
    "constraintSpec-schematron-kept-beside": Case(
        TEI_P + '<elementSpec ident="p" mode="change"><constraintSpec ident="c" '
        'scheme="schematron"><constraint><sch:assert test="true()">x</sch:assert>'
        "</constraint></constraintSpec></elementSpec>",
        f"<div {TEI}><p>a</p></div>", f"<div {TEI}><q/></div>", attrs=TEI_DIV, tei=True),
}


def _body(case: Case) -> str:
    if case.body.startswith("<specGrpRef"):
        return (case.body + '<specGrp xml:id="g">' + el("root", '<elementRef key="a"/>')
                + el("a") + "</specGrp>")
    return case.body


@pytest.mark.parametrize("name", list(CASES))
def test_feature_compiles_and_jing_and_lxml_agree(name, tmp_path, p5subset):
    case = CASES[name]
    schema = compile_odd(write_odd(tmp_path, _body(case), attrs=case.attrs),
                         p5subset if case.tei else None)
    rng_path = tmp_path / "t.rng"
    rng_path.write_bytes(write_rng(schema))
    docs = [tmp_path / "valid.xml", tmp_path / "invalid.xml"]
    docs[0].write_text(case.valid, encoding="utf-8")
    docs[1].write_text(case.invalid, encoding="utf-8")
    errors = jing().errors(rng_path, docs)
    assert str(rng_path) not in errors, f"jing refuses the schema: {errors[str(rng_path)][:3]}"
    assert [str(d) not in errors for d in docs] == [True, False], errors
    rng = etree.RelaxNG(etree.parse(str(rng_path)))
    assert [rng.validate(etree.parse(str(d))) for d in docs] == [True, False], rng.error_log


def test_schematron_1_5_constraints_are_written_as_iso_schematron(tmp_path):
    body = att("").replace(
        "</elementSpec>", '<constraintSpec ident="c" scheme="schematron"><constraint>'
        '<s:assert xmlns:s="http://www.ascc.net/xml/schematron" test="@n">n wanted'
        "</s:assert></constraint></constraintSpec></elementSpec>")
    sch = etree.fromstring(write_schematron(compile_odd(write_odd(tmp_path, body))))
    SCH = "http://purl.oclc.org/dsdl/schematron"
    assert [(a.get("test"), a.text) for a in sch.iter(f"{{{SCH}}}assert")] == [
        ("@n", "n wanted")]
    assert sch.find(f".//{{{SCH}}}rule").get("context") == "root"


def test_a_constraint_in_another_scheme_is_a_warning_not_silently_dropped(tmp_path):
    body = att("").replace(
        "</elementSpec>", '\n<constraintSpec ident="c" scheme="xsd"><constraint/>'
        "</constraintSpec></elementSpec>")
    schema = compile_odd(write_odd(tmp_path, body))
    assert [(w.line, 'scheme="xsd" is not checked' in w.message) for w in schema.warnings] == [
        (5, True)]


def test_an_external_relax_ng_module_is_a_warning_and_its_references_are_dropped(tmp_path):
    body = ('<moduleRef url="https://example.org/mathml.rng"/>\n'
            + el("root", '<rng:optional><rng:ref name="mathml.math"/></rng:optional>'))
    schema = compile_odd(write_odd(tmp_path, body))
    assert [(w.line, w.message.split(":")[0]) for w in schema.warnings] == [
        (4, 'moduleRef url="https'), (5, "element 'root' refers to pattern 'mathml.math', "
                                         "which is defined neither in the ODD nor in the TEI "
                                         "source; dropped from the content, as odd2odd does "
                                         "(define it or fix the key)")]


def test_an_unknown_expand_value_is_read_as_alternation_with_a_warning(tmp_path):
    body = ('<classSpec ident="model.x" type="model"/>'
            + el("a", extra='<classes><memberOf key="model.x"/></classes>')
            + el("b", extra='<classes><memberOf key="model.x"/></classes>')
            + "\n" + el("root", '<classRef key="model.x" expand="alternate"/>'))
    schema = compile_odd(write_odd(tmp_path, body))
    assert [(w.line, "read as alternation" in w.message) for w in schema.warnings] == [
        (5, True)]
    rng = etree.RelaxNG(etree.fromstring(write_rng(schema)))
    assert [rng.validate(etree.fromstring(d)) for d in (
        "<root><b/></root>", "<root><a/><b/></root>")] == [True, False]


def test_a_start_element_the_customization_lacks_is_left_out_with_a_warning(tmp_path):
    schema = compile_odd(write_odd(tmp_path, el("root"),
                                   attrs='ident="t" start="root teiCorpus" ns=""'))
    assert schema.start == ["root"]
    assert [(w.line, "'teiCorpus'" in w.message) for w in schema.warnings] == [(3, True)]


def test_a_selected_spec_the_source_lacks_is_ignored_with_a_warning(tmp_path, p5subset):
    body = '<moduleRef key="tei"/><elementRef key="p"/>\n<elementRef key="charProp"/>'
    schema = compile_odd(write_odd(tmp_path, body, attrs='ident="t" start="p"'), p5subset)
    assert "p" in schema.specs and "charProp" not in schema.specs
    assert [(w.line, w.message) for w in schema.warnings] == [
        (5, "elementRef: 'charProp' is not defined in p5subset.xml; ignored")]
