"""The RELAX NG fast path (structure grammar + attribute XSD) never accepts what the
original grammar rejects, and accepts ordinary valid TEI without falling back."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teiedit.gate import fastpath
from teiedit.gate.relaxng import RelaxNGEngine, load_grammar, pruned
from teiedit.gate.results import SchemaInfo

ROOT = Path(__file__).resolve().parents[2]
TEI = "http://www.tei-c.org/ns/1.0"
HEADER = (f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
          '<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>'
          '</fileDesc></teiHeader><text><body>')
FOOTER = "</body></text></TEI>"

GRAMMAR = """<grammar xmlns="http://relaxng.org/ns/structure/1.0"
    datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><ref name="r"/></start>
  <define name="r"><element name="r"><zeroOrMore><ref name="e"/></zeroOrMore>
    <ref name="common"/></element></define>
  <define name="common">
    <optional><attribute name="xml:id"><data type="ID"/></attribute></optional>
    <optional><attribute name="n"/></optional>
  </define>
  <define name="e"><element name="e"><text/>
    <ref name="common"/>
    <attribute name="kind"><choice><value>a</value><value>b</value></choice></attribute>
    <optional><attribute name="code"><data type="token">
      <param name="pattern">[a-z]+</param><param name="pattern">.{2,3}</param>
    </data></attribute></optional>
    <optional><attribute name="refs"><list><oneOrMore><data type="anyURI"/></oneOrMore>
      </list></attribute></optional>
    <optional><attribute name="marks"><list><group><data type="token">
      <param name="pattern">a|b-[0-9]</param></data>
      <optional><data type="token">
        <param name="pattern">a|b-[0-9]</param></data></optional></group>
    </list></attribute></optional>
    <optional><attribute name="size"><data type="nonNegativeInteger">
      <param name="maxInclusive">10</param></data></attribute></optional>
  </element></define>
</grammar>"""


def _accepts(fast: fastpath.FastPath, tree: etree._ElementTree, **kw: bool) -> bool:
    return bool(fast.verdict(tree, **kw))


def _doc(xml: str | bytes) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(xml, etree.XMLParser(collect_ids=False)))


@pytest.fixture(scope="module")
def small() -> tuple[fastpath.FastPath, etree.RelaxNG]:
    grammar = etree.ElementTree(etree.fromstring(GRAMMAR))
    fast = fastpath.build(grammar)
    assert fast is not None
    return fast, etree.RelaxNG(grammar)


@pytest.mark.parametrize("attributes, valid", [
    ('kind="a"', True),
    ('kind=" b "', True),                        # values compare as tokens
    ('kind="c"', False),
    ('', False),                                 # required attribute missing
    ('kind="a" code="abc"', True),
    ('kind="a" code="abcd"', False),             # matches one pattern param, not both
    ('kind="a" code="ab1"', False),
    ('kind="a" refs="#x #y"', True),
    ('kind="a" refs=" "', False),                # oneOrMore: an empty list is not enough
    ('kind="a" marks="a b-1"', True),           # a bounded list: one or two tokens
    ('kind="a" marks="a b-1 a"', False),
    ('kind="a" marks="c"', False),
    ('kind="a" size="10"', True),
    ('kind="a" size="11"', False),
    ('kind="a" n="anything at all"', True),
    ('kind="a" other="1"', False),               # an attribute the grammar does not know
    ('kind="a" xml:id="1x"', False),
])
def test_attribute_verdicts_match_the_original_grammar(small, attributes, valid):
    fast, exact = small
    tree = _doc(f"<r><e {attributes}>text</e></r>")
    assert bool(exact.validate(tree)) is valid
    assert _accepts(fast, tree) is valid


def test_an_xml_id_repeated_across_elements_is_rejected(small):
    fast, _ = small
    assert _accepts(fast, _doc('<r xml:id="a"><e kind="a" xml:id="b"/></r>'))
    assert not _accepts(fast, _doc('<r xml:id="a"><e kind="a" xml:id="a"/></r>'))


def test_structure_is_still_checked(small):
    fast, _ = small
    assert not _accepts(fast, _doc('<r><e kind="a"><r/></e></r>'))
    assert not _accepts(fast, _doc('<e kind="a"/>'))


def test_grammars_with_idref_are_not_split():
    """libxml2's XSD does not resolve IDREFs as its RELAX NG does: no fast path."""
    grammar = GRAMMAR.replace('<attribute name="n"/>',
                              '<attribute name="n"><data type="IDREF"/></attribute>')
    assert fastpath.build(etree.ElementTree(etree.fromstring(grammar))) is None


def test_an_element_with_a_choice_of_attributes_keeps_them_in_relax_ng():
    grammar = GRAMMAR.replace(
        '<ref name="common"/></element></define>',
        '<choice><attribute name="n"/><attribute name="m"/></choice></element></define>', 1)
    fast = fastpath.build(etree.ElementTree(etree.fromstring(grammar)))
    exact = etree.RelaxNG(etree.fromstring(grammar))
    assert fast is not None
    for xml in ('<r n="1"/>', '<r m="1"/>', '<r n="1" m="2"/>', "<r/>",
                '<r n="1"><e kind="a"/></r>', '<r n="1"><e kind="z"/></r>'):
        assert _accepts(fast, _doc(xml)) == bool(exact.validate(_doc(xml))), xml


@pytest.fixture(scope="module")
def tei_grammar(shared_dir) -> etree._ElementTree:
    grammar = load_grammar(shared_dir / "tei-p5" / "tei_all.rng")
    keep = frozenset({"TEI", "teiHeader", "fileDesc", "titleStmt", "title", "publicationStmt",
                      "sourceDesc", "p", "text", "body", "div", "head", "note", "lb", "pb",
                      "foreign", "hi", "date", "persName", "ref", "list", "item"})
    return pruned(grammar, keep)


@pytest.fixture(scope="module")
def tei_pair(tei_grammar) -> tuple[fastpath.FastPath, etree.RelaxNG]:
    fast = fastpath.build(tei_grammar)
    assert fast is not None and fast.split > 15
    return fast, etree.RelaxNG(tei_grammar)


_ATTRIBUTES = ["n", "xml:id", "xml:lang", "rend", "place", "type", "when", "notBefore",
               "target", "anchored", "unit", "bogus", "cert", "ed", "facs", "corresp"]
_VALUES = ["1", "a", "#x", "x y", "", "foot", "1956-03-01", "1956-13-01", "true", "maybe",
           "sr-Latn", "high", " en ", "--09-29"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(element=st.sampled_from(["p", "note", "lb", "pb", "date", "foreign", "hi", "ref"]),
       attributes=st.dictionaries(st.sampled_from(_ATTRIBUTES), st.sampled_from(_VALUES),
                                  max_size=4))
def test_tei_attribute_verdicts_agree_with_tei_all(tei_pair, element, attributes):
    fast, exact = tei_pair
    el = etree.Element(f"{{{TEI}}}{element}")
    for name, value in attributes.items():
        el.set(name.replace("xml:", "{http://www.w3.org/XML/1998/namespace}"), value)
    inner = etree.tostring(el, encoding="unicode")
    body = f"<p>{inner}</p>" if element not in ("p",) else inner
    tree = _doc(HEADER + body + FOOTER)
    assert _accepts(fast, tree) == bool(exact.validate(tree))


def test_the_bundled_edition_passes_the_one_pass_xsd_of_both_grammars(shared_dir):
    """No needless fallback: once the engine has seen the edition's attributes (and a
    pruned grammar has served enough documents unchanged to get a fast path), the one XSD
    alone accepts the project's edition (content models, simple content like <gi>)."""
    from teiedit.gate.document import Document
    from teiedit.gate.relaxng import FAST_AFTER

    data = (ROOT / "tei" / "miletic-2021-tokovi-istorije.xml").read_bytes()
    for path in (shared_dir / "tei-p5" / "tei_all.rng", ROOT / "schema" / "teiedit.rng"):
        engine = RelaxNGEngine.load(path, SchemaInfo(path=str(path), kind="relaxng",
                                                      sha256=""))
        engine.prepare()
        for _ in range(FAST_AFTER + 1):
            assert engine.check(Document("e.xml", data, _doc(data))) == [], path.name
        fast = engine.fast_path()
        assert fast is not None and fast.whole is not None, path.name
        assert fast.whole.validate(_doc(data)), (path.name, fast.whole.error_log.last_error)


def test_elements_and_attributes_in_several_namespaces():
    grammar = etree.fromstring("""<grammar xmlns="http://relaxng.org/ns/structure/1.0"
        xmlns:l="urn:link" ns="urn:a"
        datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
      <start><element name="r"><zeroOrMore><element name="e" ns="urn:b">
        <optional><attribute name="l:href"><data type="anyURI"/></attribute></optional>
        <optional><attribute name="xml:lang"><data type="language"/></attribute></optional>
        <text/></element></zeroOrMore>
        <optional><attribute name="xml:lang"><data type="language"/></attribute></optional>
      </element></start></grammar>""")
    fast = fastpath.build(etree.ElementTree(grammar))
    exact = etree.RelaxNG(grammar)
    assert fast is not None and fast.split == 2
    for body, valid in [('<e xmlns="urn:b" xmlns:l="urn:link" l:href="x" xml:lang="en"/>', True),
                        ('<e xmlns="urn:b" xml:lang="not a language"/>', False),
                        ('<e xmlns="urn:b" xmlns:l="urn:link" l:other="x"/>', False),
                        ('<e xmlns="urn:a"/>', False)]:
        tree = _doc(f'<r xmlns="urn:a" xml:lang="sr">{body}</r>')
        assert bool(exact.validate(tree)) is valid, body
        assert _accepts(fast, tree) is valid, body


CONTENT_GRAMMAR = """<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <start><ref name="r"/></start>
  <define name="r"><element name="r">
    <optional><ref name="head"/></optional>
    <choice><oneOrMore><ref name="p"/></oneOrMore><ref name="empty.marker"/></choice>
    <zeroOrMore><choice><ref name="note"/><ref name="empty.marker"/></choice></zeroOrMore>
  </element></define>
  <define name="head"><element name="head"><text/></element></define>
  <define name="empty.marker"><element name="gap"><empty/></element></define>
  <define name="phrase"><choice><ref name="hi"/><ref name="note"/><ref name="hi"/></choice></define>
  <define name="p"><element name="p"><zeroOrMore><choice><text/><ref name="phrase"/>
    </choice></zeroOrMore></element></define>
  <define name="hi"><element name="hi"><oneOrMore><choice><text/><ref name="hi"/></choice>
    </oneOrMore></element></define>
  <define name="note"><element name="note"><ref name="p"/><zeroOrMore><ref name="p"/>
    </zeroOrMore></element></define>
</grammar>"""


@pytest.fixture(scope="module")
def content_pair() -> tuple[fastpath.FastPath, etree.RelaxNG]:
    grammar = etree.ElementTree(etree.fromstring(CONTENT_GRAMMAR))
    fast = fastpath.build(grammar)
    assert fast is not None and fast.whole is not None      # everything translates
    return fast, etree.RelaxNG(grammar)


_CHILD = st.sampled_from(["<p>t</p>", "<p/>", "<head>h</head>", "<gap/>", "text",
                          "<note><p>n</p></note>", "<note/>", "<p><hi>a<hi/></hi></p>",
                          "<p><note><p/></note></p>", "<hi>x</hi>", "<gap>x</gap>"])


@settings(max_examples=300, deadline=None)
@given(children=st.lists(_CHILD, max_size=5))
def test_translated_content_models_accept_only_what_relax_ng_accepts(content_pair, children):
    fast, exact = content_pair
    tree = _doc("<r>" + "".join(children) + "</r>")
    assert bool(fast.whole.validate(tree)) == bool(exact.validate(tree))


def test_an_element_that_is_not_the_grammars_start_is_no_valid_document(content_pair):
    fast, exact = content_pair
    tree = _doc("<p>text</p>")
    assert fast.whole.validate(tree)            # XSD: any global element may be the root
    assert not exact.validate(tree)
    assert not _accepts(fast, tree)


def test_xsi_attributes_are_never_accepted_by_the_fast_path(content_pair):
    fast, exact = content_pair
    tree = _doc('<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xsi:noNamespaceSchemaLocation="r.xsd"><p/></r>')
    assert fast.whole.validate(tree)            # XSD validators accept xsi: anywhere
    assert not exact.validate(tree)
    assert not _accepts(fast, tree, whole_allowed=False)


@pytest.mark.parametrize("xml, may", [
    (b"<r><p/></r>", False),
    (b'<r xmlns:x="http://www.w3.org/2001/XMLSchema-instance"/>', True),
    (b'<r xmlns:x="http://www.w3.org/2001/XMLSchema&#45;instance"/>', True),
    (b"<r>&#45; a character reference in text</r>", False),
    ('<r xmlns:x="http://www.w3.org/2001/XMLSchema-instance"/>'.encode("utf-16"), True),
])
def test_documents_that_may_carry_xsi_attributes_are_recognised(xml, may):
    from teiedit.gate.document import Document

    doc = Document("x.xml", xml, _doc(xml))
    assert doc.may_use_xsi is may


def test_tei_all_content_models_translate_for_ordinary_tei(tei_pair):
    fast, exact = tei_pair
    tree = _doc((ROOT / "tests" / "validate" / "samples" / "article.xml").read_bytes())
    assert fast.whole is not None, "tei_all's content models for common TEI translate"
    assert bool(fast.whole.validate(tree)) == bool(exact.validate(tree))


def test_an_ambiguous_content_model_leaves_only_that_element_to_the_two_pass_check():
    """XSD refuses `p+, (note | p)*` (Unique Particle Attribution); RELAX NG does not."""
    grammar = etree.ElementTree(etree.fromstring(CONTENT_GRAMMAR.replace(
        '<ref name="empty.marker"/></choice></zeroOrMore>',
        '<ref name="p"/></choice></zeroOrMore>')))
    fast = fastpath.build(grammar)
    assert fast is not None and fast.whole is not None
    tree = _doc("<r><p/><p/><note><p/></note></r>")
    assert not fast.whole.validate(tree)          # <r> is left abstract in the XSD
    assert _accepts(fast, tree) and etree.RelaxNG(grammar).validate(tree)


def test_the_one_pass_xsd_learns_the_attributes_a_batch_uses(samples, shared_dir):
    """Only attributes seen so far are declared in it (each costs time on every element);
    a valid document with a new one is accepted, and the XSD declares it from then on."""
    from teiedit.gate.document import Document
    from teiedit.gate.relaxng import FAST_AFTER

    path = shared_dir / "tei-p5" / "tei_all.rng"
    engine = RelaxNGEngine.load(path, SchemaInfo(path=str(path), kind="relaxng", sha256=""))
    engine.prepare()
    plain = HEADER + "<p>text</p>" + FOOTER

    def check(xml: str) -> list:
        data = xml.encode()
        return engine.check(Document("x.xml", data, _doc(data)))

    for _ in range(FAST_AFTER + 1):
        assert check(plain) == []
    assert engine._fast is not None and engine._fast.whole is not None
    assert check(plain.replace("<p>", '<p rend="bold">')) == []
    assert "rend" in engine._attributes and engine._fast.whole is not None
    assert engine._fast.whole.validate(_doc(plain.replace("<p>", '<p rend="x">')))
    assert check(plain.replace("<p>", '<p rend="">'))        # still checked by type
    assert check(plain.replace("<p>", '<p bogus="1">'))


def test_a_failing_fast_path_leaves_the_verdict_to_the_grammar(monkeypatch, tmp_path):
    from teiedit.gate import validate

    def broken(grammar, attributes=None):
        raise RecursionError("too deep")

    monkeypatch.setattr(fastpath, "build", broken)
    schema = tmp_path / "g.rng"
    schema.write_text(GRAMMAR)
    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    good.write_text('<r><e kind="a">x</e></r>')
    bad.write_text('<r><e kind="z">x</e></r>')
    report = validate([str(good), str(bad)], [str(schema)], jobs=1)
    assert [f.valid for f in report.files] == [True, False]


def test_a_datatype_as_content_becomes_simple_content():
    grammar = etree.fromstring("""<grammar xmlns="http://relaxng.org/ns/structure/1.0"
        datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
      <start><element name="r"><zeroOrMore><element name="gi">
        <optional><attribute name="scheme"><choice><value>TEI</value><value>HTML</value>
        </choice></attribute></optional><data type="NCName"/></element></zeroOrMore>
      </element></start></grammar>""")
    fast = fastpath.build(etree.ElementTree(grammar))
    exact = etree.RelaxNG(grammar)
    assert fast is not None and fast.whole is not None
    for body, valid in [("<gi>persName</gi>", True), ('<gi scheme="TEI"> p </gi>', True),
                        ("<gi>1p</gi>", False), ("<gi>a b</gi>", False), ("<gi/>", False),
                        ("<gi><r/></gi>", False), ('<gi scheme="X">p</gi>', False)]:
        tree = _doc(f"<r>{body}</r>")
        assert bool(exact.validate(tree)) is valid, body
        assert bool(fast.whole.validate(tree)) is valid, body


def test_the_one_pass_xsd_is_given_up_only_when_it_keeps_missing(tmp_path):
    """A file using an element XSD cannot express (here an interleave) goes to the pair;
    the one-pass XSD stays for the others until such files become common."""
    from teiedit.gate.document import Document

    schema = tmp_path / "g.rng"
    schema.write_text("""<grammar xmlns="http://relaxng.org/ns/structure/1.0">
      <start><element name="r"><zeroOrMore><choice>
        <element name="a"><text/></element>
        <element name="b"><interleave><element name="c"><empty/></element>
          <element name="d"><empty/></element></interleave></element>
      </choice></zeroOrMore></element></start></grammar>""")
    engine = RelaxNGEngine.load(schema, SchemaInfo(path=str(schema), kind="relaxng",
                                                    sha256=""))
    engine.prepare()

    def check(xml: bytes) -> list:
        return engine.check(Document("x.xml", xml, _doc(xml)))

    assert check(b"<r><a>x</a></r>") == [] and engine._fast.hits == 1
    assert check(b"<r><b><d/><c/></b></r>") == []
    assert engine._fast.whole is not None and engine._fast.misses == 1
    for _ in range(4):
        assert check(b"<r><b><c/><d/></b></r>") == []
    assert engine._fast.whole is None            # 5 misses against 1 hit: given up
    assert check(b"<r><a>x</a><c/></r>")          # and verdicts still come
