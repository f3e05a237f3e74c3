"""Hand-made variants of the sample article, one per rule, value list and content-model edge.

For each variant: RELAX NG and XSD agree on grammatical validity; a variant the grammar
accepts is also valid against the official tei_all RELAX NG and Schematron (the customization
is a true subset); and
exactly the expected Schematron rule fires, with a message that names it.
"""

from __future__ import annotations

import copy

import pytest
from lxml import etree
from schema_helpers import assert_jing_loads

from teiedit.schema.build import build
from teiedit.xmlio import read_untrusted

T = "http://www.tei-c.org/ns/1.0"
XMLNS = "http://www.w3.org/XML/1998/namespace"
NS = {"t": T}


def _one(doc, xpath):
    found = doc.xpath(xpath, namespaces=NS)
    assert found, xpath
    return found[0]


def set_att(xpath, name, value):
    def edit(doc):
        _one(doc, xpath).set(name.replace("xml:", f"{{{XMLNS}}}"), value)
    return edit


def drop_att(xpath, name):
    def edit(doc):
        del _one(doc, xpath).attrib[name.replace("xml:", f"{{{XMLNS}}}")]
    return edit


def delete(xpath):
    def edit(doc):
        for el in doc.xpath(xpath, namespaces=NS):
            parent = el.getparent()
            if el.tail:
                prev = el.getprevious()
                if prev is not None:
                    prev.tail = (prev.tail or "") + el.tail
                else:
                    parent.text = (parent.text or "") + el.tail
            parent.remove(el)
    return edit


def insert(xpath, fragment, where="append"):
    def edit(doc):
        target = _one(doc, xpath)
        new = etree.fromstring(f'<wrap xmlns="{T}">{fragment}</wrap>')
        items = list(new)
        if where == "append":
            target.extend(items)
        elif where == "prepend":
            for item in reversed(items):
                target.insert(0, item)
        elif where == "before":
            for item in items:
                target.addprevious(item)
        else:
            for item in reversed(items):
                target.addnext(item)
    return edit


def move(xpath, to_xpath, where="after"):
    def edit(doc):
        el = _one(doc, xpath)
        target = _one(doc, to_xpath)
        el.getparent().remove(el)
        (target.addnext if where == "after" else target.addprevious)(el)
    return edit


def text(xpath, value):
    def edit(doc):
        _one(doc, xpath).text = value
    return edit


BODY_P = "//t:body/t:div[1]/t:p[1]"
P2 = "//t:body/t:div[1]/t:p[2]"

# (id, edit, grammatically valid?, Schematron rule expected to fire or None)
VARIANTS = [
    # closed value lists
    ("note-place-closed", set_att("//t:note[@n='1']", "place", "margin"), False, None),
    ("div-type-closed", set_att("//t:back/t:div[1]", "type", "chapter"), False, None),
    ("title-level-closed", set_att("//t:monogr/t:title", "level", "x"), False, None),
    ("bibl-type-closed", set_att("//t:bibl[1]", "type", "book"), False, None),
    ("fw-type-closed", set_att("//t:fw", "type", "catchword"), False, None),
    ("lb-rend-closed", set_att("//t:lb[@n='5']", "rend", "bold"), False, None),
    ("lb-break-closed", set_att("//t:lb[@n='5']", "break", "maybe"), False, None),
    ("head-type-closed", set_att("//t:body//t:head[@type='sub']", "type", "minor"), False, None),
    ("titlePart-type-closed", set_att("//t:titlePart", "type", "x"), False, None),
    ("hyphenation-eol-closed", set_att("//t:hyphenation", "eol", "x"), False, None),
    ("cert-closed", set_att("//t:persName[@cert]", "cert", "certain"), False, None),
    ("biblScope-unit-closed", set_att("//t:biblScope[1]", "unit", "line"), False, None),
    # required attributes
    ("fw-type-required", drop_att("//t:fw", "type"), False, None),
    ("pb-n-required", drop_att("//t:pb[1]", "n"), False, None),
    ("person-id-required", drop_att("//t:person[1]", "xml:id"), False, None),
    ("biblScope-unit-required", drop_att("//t:biblScope[1]", "unit"), False, None),
    ("language-ident-required", drop_att("//t:language[1]", "ident"), False, None),
    # attributes and elements outside the customization
    ("unknown-attribute", set_att(BODY_P, "foo", "1"), False, None),
    ("global-style-removed", set_att(BODY_P, "style", "color:red"), False, None),
    ("facs-removed", set_att("//t:pb[1]", "facs", "#f1"), False, None),
    ("period-removed", set_att("//t:date[1]", "period", "#cold-war"), False, None),
    ("element-not-in-customization", insert(BODY_P, "<seg>x</seg>"), False, None),
    # content-model edges
    ("teiHeader-needs-fileDesc", delete("//t:fileDesc"), False, None),
    ("fileDesc-order", move("//t:titleStmt", "//t:publicationStmt"), False, None),
    ("text-needs-body", delete("//t:body"), False, None),
    ("body-no-head", insert("//t:body", "<head>x</head>", "prepend"), False, None),
    ("div-head-after-p", insert("//t:body/t:div[1]", "<head>late</head>"), False, None),
    ("person-needs-persName", delete("//t:person[1]/t:persName"), False, None),
    ("listPerson-not-empty", delete("//t:person"), False, None),
    ("choice-needs-two", delete("//t:choice[1]/t:corr"), False, None),
    ("monogr-needs-imprint", delete("//t:monogr/t:imprint"), False, None),
    ("biblStruct-no-bare-idno", insert("//t:biblStruct", '<idno type="DOI">10.1/x</idno>'),
     False, None),
    ("standOff-not-empty", delete("//t:standOff/*"), False, None),
    ("lb-is-empty", text("//t:lb[@n='5']", "x"), False, None),
    ("langUsage-not-empty", delete("//t:language"), False, None),
    ("two-texts", insert("//t:text", "<text><body><p/></body></text>", "after"), False, None),
    ("body-p-then-div", insert("//t:body", "<p>lead</p>", "prepend"), True, None),
    ("body-only-p", delete("//t:body/t:div"), False, None),
    ("breaks-between-divs", insert("//t:body/t:div[1]", '<pb n="130"/><lb n="99"/>'
                                   '<fw type="header">H</fw>', "after"), True, None),
    ("div-only-head", delete("//t:body/t:div[2]/t:div"), True, None),
    ("standOff-after-text", move("//t:standOff", "//t:text"), True, None),
    ("lb-inferred-without-n", insert(BODY_P, '<lb break="no" rend="hyphen" type="inferred"/>'),
     True, None),
    ("lb-rend-two-values", set_att("//t:lb[@n='1']", "rend", "hyphen indent"), True, None),
    ("choice-three", insert("//t:choice[1]", "<corr>Comittee</corr>"), True, None),
    # Schematron rules
    ("pointer-dangling", set_att("//t:persName[@ref][1]", "ref", "#nobody"), True,
     "teiedit-pointers"),
    ("ptr-target-dangling", set_att("//t:ptr", "target", "#n9"), True, "teiedit-pointers"),
    ("who-dangling", set_att("//t:change", "who", "#someone"), True, "teiedit-pointers"),
    ("resp-dangling", set_att("//t:persName[@resp]", "resp", "#nobody"), True,
     "teiedit-pointers"),
    ("no-registers", delete("//t:standOff"), True, "teiedit-pointers"),
    ("persName-to-org", set_att("//t:persName[@ref][1]", "ref", "#o-psb"), True,
     "teiedit-entity-refs"),
    ("orgName-to-person", set_att("//t:orgName[@ref]", "ref", "#p-buset"), True,
     "teiedit-entity-refs"),
    ("placeName-to-person", set_att("//t:placeName[@ref]", "ref", "#p-tito"), True,
     "teiedit-entity-refs"),
    ("note-gap", set_att("//t:note[@n='2']", "n", "5"), True, "teiedit-note-numbers"),
    ("note-repeat", set_att("//t:note[@n='3']", "n", "2"), True, "teiedit-note-numbers"),
    ("note-without-n-in-text", drop_att("//t:note[@n='3']", "n"), True,
     "teiedit-note-attributes"),
    ("date-with-time", set_att("//t:date[@when='1952-07-30']", "when", "1952-07-30T10:00:00"),
     True, "teiedit-iso-dates"),
    ("date-range-reversed", set_att("//t:date[@from]", "from", "1957"), True,
     "teiedit-date-order"),
    ("date-partial-range-ok", set_att("//t:date[@from]", "to", "1950-12"), True, None),
    ("date-month-day-ok", set_att("//t:date[@when='1952-07']", "when", "--07-30"), True, None),
    ("language-undeclared", set_att("//t:foreign", "xml:lang", "de"), True,
     "teiedit-languages"),
    ("mixed-script-word", text("//t:quote", "the Bеlgian party"), True, "teiedit-mixed-script"),
    ("mixed-script-in-sic-ok", text("//t:sic", "Cоmmitee"), True, None),
]


def test_corpus_has_at_least_forty_variants_with_both_outcomes():
    assert len(VARIANTS) >= 40
    assert {v[2] for v in VARIANTS} == {True, False}
    assert len({v[0] for v in VARIANTS}) == len(VARIANTS)


@pytest.mark.parametrize(("name", "edit", "valid", "rule"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_variant(name, edit, valid, rule, sample, project_rng, project_xsd, project_sch,
                 tei_all_rng, tei_all_sch):
    doc = copy.deepcopy(sample)
    edit(doc)
    doc = etree.ElementTree(etree.fromstring(etree.tostring(doc)))  # fresh line numbers
    by_rng = project_rng.validate(doc)
    assert by_rng == valid, project_rng.error_log
    assert project_xsd.validate(doc) == by_rng, project_xsd.error_log
    if not valid:
        return
    assert tei_all_rng.validate(doc), tei_all_rng.error_log
    assert tei_all_sch.validate(doc) == []
    findings = project_sch.validate(doc)
    assert {f.rule for f in findings} == ({rule} if rule else set()), findings
    for f in findings:
        assert f"[{f.rule}]" in f.message


def _shared_documents(shared_dir):
    tei = shared_dir / "tei-p5"
    return sorted(p for p in [*tei.glob("odd-reference/*.odd"), *tei.glob("odd-reference/*.xml"),
                              tei / "tei_all.odd", tei / "tei_lite.odd"]
                  if p.stat().st_size < 3_000_000)


def test_rng_and_xsd_agree_on_the_shared_tei_documents(shared_dir, project_rng, project_xsd):
    docs = _shared_documents(shared_dir)
    assert len(docs) > 20
    for path in docs:
        doc = read_untrusted(path)
        assert project_rng.validate(doc) == project_xsd.validate(doc), path.name


@pytest.mark.parametrize("name", ["test-pure", "test-pure2"])
def test_official_sample_instances_are_valid_against_our_compilation(name, shared_dir, p5subset,
                                                                     tmp_path):
    ref = shared_dir / "tei-p5" / "odd-reference"
    for file, data in build(ref / f"{name}.odd", p5subset).files.items():
        (tmp_path / file).write_bytes(data)
    doc = etree.parse(str(ref / f"{name}.xml"))
    assert_jing_loads(tmp_path / f"{name}.rng")
    rng = etree.RelaxNG(etree.parse(str(tmp_path / f"{name}.rng")))
    xsd = etree.XMLSchema(etree.parse(str(tmp_path / f"{name}.xsd")))
    assert rng.validate(doc), rng.error_log
    assert xsd.validate(doc), xsd.error_log
