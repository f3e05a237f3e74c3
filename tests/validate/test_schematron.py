"""ISO Schematron preprocessing in the gate: includes, abstract rules and abstract patterns
behave as ISO/IEC 19757-3 describes, and broken schemas fail with file and line."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teiedit.cli import main
from teiedit.gate import validate
from teiedit.xmlio import TeieditError

SCH = 'xmlns="http://purl.oclc.org/dsdl/schematron"'
DOC = """<doc xmlns="urn:x">
  <p n="1">one</p>
  <p>two</p>
  <note>3</note>
</doc>
"""


def schema(body: str) -> str:
    return f'<schema {SCH} queryBinding="xslt2">\n  <ns prefix="x" uri="urn:x"/>\n{body}</schema>\n'


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    (folder / "doc.xml").write_text(DOC)
    return folder / "doc.xml"


def findings(tmp_path: Path, files: dict[str, str], main_schema: str = "main.sch"):
    doc = write(tmp_path, files)
    report = validate([str(doc)], [str(tmp_path / main_schema)], jobs=1)
    return [(p.rule, p.message, p.line) for p in report.files[0].problems]


def schema_error(tmp_path: Path, files: dict[str, str]) -> TeieditError:
    doc = write(tmp_path, files)
    with pytest.raises(TeieditError) as info:
        validate([str(doc)], [str(tmp_path / "main.sch")], jobs=1)
    return info.value


NUMBERED = ('<pattern id="numbered"><rule context="x:p">'
            '<assert id="n" test="@n">unnumbered <name/></assert></rule></pattern>')


def test_include_inserts_the_referenced_pattern(tmp_path):
    found = findings(tmp_path, {"main.sch": schema('<include href="numbered.sch"/>'),
                                "numbered.sch": f"<!-- a pattern on its own -->{NUMBERED}"
                                .replace("<pattern", f"<pattern {SCH}")})
    assert found == [("numbered/n", "unnumbered p", 3)]


def test_nested_include_resolves_against_the_including_file(tmp_path):
    found = findings(tmp_path, {
        "main.sch": schema('<include href="parts/all.sch#numbered"/>'),
        "parts/all.sch": f'<patterns {SCH}><include href="numbered.sch"/></patterns>',
        "parts/numbered.sch": NUMBERED.replace("<pattern", f"<pattern {SCH}")})
    assert found == [("numbered/n", "unnumbered p", 3)]


def test_include_of_a_fragment_takes_only_that_element(tmp_path):
    found = findings(tmp_path, {
        "main.sch": schema('<include href="lib.sch#notes"/>'),
        "lib.sch": schema(NUMBERED + '<pattern id="notes"><rule context="x:note">'
                          '<report id="digit" test="matches(., \'^\\d$\')">a bare digit'
                          '</report></rule></pattern>')})
    assert found == [("notes/digit", "a bare digit", 4)]


def test_extends_href_merges_the_children_of_a_rule(tmp_path):
    found = findings(tmp_path, {
        "main.sch": schema('<pattern id="p"><rule context="x:p"><extends href="checks.sch"/>'
                           '<report id="two" test=". = \'two\'">two</report></rule></pattern>'),
        "checks.sch": f'<rule {SCH}><assert id="n" test="@n">no n</assert></rule>'})
    assert found == [("p/n", "no n", 3), ("p/two", "two", 3)]


def test_extends_href_merges_the_patterns_of_another_schema(tmp_path):
    found = findings(tmp_path, {"main.sch": schema('<extends href="lib.sch"/>'),
                                "lib.sch": schema(NUMBERED)})
    assert found == [("numbered/n", "unnumbered p", 3)]


def test_extends_href_to_another_kind_of_element_is_an_error(tmp_path):
    e = schema_error(tmp_path, {
        "main.sch": schema('<pattern><rule context="x:p">\n<extends href="p.sch"/></rule>'
                           '</pattern>'),
        "p.sch": NUMBERED.replace("<pattern", f"<pattern {SCH}")})
    assert "must point to a sch:rule" in e.message and (Path(e.file).name, e.line) == (
        "main.sch", 4)


ABSTRACT = """<pattern abstract="true" id="counted">
    <rule context="$parent">
      <let name="n" value="count($child)"/>
      <assert id="count" test="$n = $expected">$parent has <value-of select="$n"/>
        <name path="$child[1]"/>, expected $expected</assert>
    </rule>
  </pattern>
"""


def test_abstract_pattern_instances_substitute_their_params(tmp_path):
    found = findings(tmp_path, {"main.sch": schema(
        ABSTRACT
        + '<pattern is-a="counted" id="paras"><param name="parent" value="x:doc"/>'
          '<param name="child" value="x:p"/><param name="expected" value="3"/></pattern>\n'
          '<pattern is-a="counted" id="notes"><param name="parent" value="x:doc"/>'
          '<param name="child" value="x:note"/><param name="expected" value="1"/></pattern>\n')})
    # messages keep "$parent" literally: ISO substitutes in queries, not in text
    assert found == [("paras/count", "$parent has 2 p, expected $expected", 1)]


def test_param_names_that_prefix_each_other_are_not_confused(tmp_path):
    found = findings(tmp_path, {"main.sch": schema(
        '<pattern abstract="true" id="a"><rule context="$el">'
        '<report id="r" test="$el-name = local-name()">"<value-of select="$elx"/>"</report>'
        '</rule></pattern>'
        '<pattern is-a="a" id="i"><param name="el" value="x:note"/>'
        '<param name="el-name" value="\'note\'"/><param name="elx" value="string(.)"/>'
        '</pattern>')})
    assert found == [("i/r", '"3"', 4)]


def test_diagnostics_of_an_abstract_pattern_get_each_instance_params(tmp_path):
    found = findings(tmp_path, {"main.sch": schema(
        '<pattern abstract="true" id="a"><rule context="$el">'
        '<report id="r" test="true()" diagnostics="what same">found</report></rule></pattern>'
        '<pattern is-a="a" id="notes"><param name="el" value="x:note"/>'
        '<param name="what" value="\'a note\'"/></pattern>'
        '<pattern is-a="a" id="ps"><param name="el" value="x:p[not(@n)]"/>'
        '<param name="what" value="1 + 1"/></pattern>'
        '<diagnostics><diagnostic id="what"> <value-of select="$what"/></diagnostic>'
        '<diagnostic id="same">!</diagnostic></diagnostics>')})
    assert found == [("ps/r", "found 2!", 3), ("notes/r", "found a note!", 4)]


def test_abstract_rule_in_an_abstract_pattern_belongs_to_each_instance(tmp_path):
    found = findings(tmp_path, {"main.sch": schema(
        '<pattern abstract="true" id="a">'
        '<rule abstract="true" id="base"><assert id="has" test="$attr">no $attr</assert></rule>'
        '<rule context="x:p"><extends rule="base"/></rule></pattern>'
        '<pattern is-a="a" id="n"><param name="attr" value="@n"/></pattern>'
        '<pattern is-a="a" id="rend"><param name="attr" value="@rend"/></pattern>')})
    assert sorted(found) == [("n/has", "no $attr", 3), ("rend/has", "no $attr", 2),
                             ("rend/has", "no $attr", 3)]


def test_abstract_rules_chain_through_extends(tmp_path):
    found = findings(tmp_path, {"main.sch": schema(
        '<rules><rule abstract="true" id="text"><report id="two" test=". = \'two\'">2</report>'
        '</rule></rules>'
        '<pattern id="p"><rule abstract="true" id="numbered"><extends rule="text"/>'
        '<assert id="n" test="@n">no n</assert></rule>'
        '<rule context="x:p"><extends rule="numbered"/></rule></pattern>')})
    assert found == [("p/two", "2", 3), ("p/n", "no n", 3)]


def test_phase_can_activate_an_abstract_pattern_instance(tmp_path):
    doc = write(tmp_path, {"main.sch": schema(
        '<phase id="only-notes"><active pattern="notes"/></phase>' + ABSTRACT
        + '<pattern is-a="counted" id="paras"><param name="parent" value="x:doc"/>'
          '<param name="child" value="x:p"/><param name="expected" value="3"/></pattern>'
          '<pattern is-a="counted" id="notes"><param name="parent" value="x:doc"/>'
          '<param name="child" value="x:note"/><param name="expected" value="2"/></pattern>')})
    report = validate([str(doc)], [str(tmp_path / "main.sch")], phase="only-notes", jobs=1)
    assert [p.rule for p in report.files[0].problems] == ["notes/count"]


def test_editing_an_included_file_recompiles_the_schema(tmp_path):
    files = {"main.sch": schema('<include href="numbered.sch"/>'),
             "numbered.sch": NUMBERED.replace("<pattern", f"<pattern {SCH}")}
    assert [f[0] for f in findings(tmp_path, files)] == ["numbered/n"]
    files["numbered.sch"] = files["numbered.sch"].replace('test="@n"', 'test="true()"')
    assert findings(tmp_path, files) == []


@pytest.mark.parametrize(("files", "message", "where"), [
    ({"main.sch": schema('<include href="gone.sch"/>')},
     "included Schematron file not found: gone.sch", ("main.sch", 3)),
    ({"main.sch": schema('<include href="a.sch"/>'),
      "a.sch": f'<pattern {SCH}>\n<include href="main.sch"/></pattern>'},
     "sch:include cycle: main.sch -> a.sch -> main.sch", ("a.sch", 2)),
    ({"main.sch": schema('<include href="lib.sch"/>'), "lib.sch": schema(NUMBERED)},
     "sch:include of a whole schema (lib.sch) would nest it", ("main.sch", 3)),
    ({"main.sch": schema('<include href="http://example.org/x.sch"/>')},
     "only local files are read", ("main.sch", 3)),
    ({"main.sch": schema('<include href="bad.sch"/>'), "bad.sch": "<pattern>"},
     "not well-formed", ("bad.sch", 1)),
    ({"main.sch": schema('<pattern is-a="nothing" id="i"/>')},
     "no abstract pattern has that id", ("main.sch", 3)),
    ({"main.sch": schema(ABSTRACT + '<pattern is-a="counted" id="i">\n'
                         '<param name="parent" value="x:doc"/>'
                         '<param name="child" value="x:p"/></pattern>')},
     "pattern 'i' (is-a 'counted') leaves $expected unbound", ("main.sch", 10)),
    ({"main.sch": schema('<pattern abstract="true" id="a"><rule context="x:p">'
                         '<assert test="@n" diagnostics="d">n</assert></rule></pattern>\n'
                         '<pattern is-a="a" id="i"/><diagnostics><diagnostic id="d">'
                         '<value-of select="$why"/></diagnostic></diagnostics>')},
     "pattern 'i' (is-a 'a') leaves $why unbound", ("main.sch", 4)),
    ({"main.sch": schema('<pattern><rule context="x:p">\n<extends rule="nope"/></rule>'
                         '</pattern>')},
     "undefined abstract rule 'nope'", ("main.sch", 4)),
    ({"main.sch": schema('<pattern><rule abstract="true" id="a"><extends rule="b"/></rule>'
                         '<rule abstract="true" id="b">\n<extends rule="a"/></rule>'
                         '<rule context="x:p"><extends rule="a"/></rule></pattern>')},
     "cycle: a -> b -> a", ("main.sch", 4)),
])
def test_broken_preprocessing_is_a_schema_error_with_file_and_line(tmp_path, files, message,
                                                                   where):
    e = schema_error(tmp_path, files)
    assert message in e.message and (Path(e.file).name, e.line) == where


def test_broken_include_on_the_command_line_is_exit_2_without_traceback(tmp_path):
    doc = write(tmp_path, {"main.sch": schema('<include href="gone.sch"/>')})
    r = CliRunner().invoke(main, ["validate", "-j", "1", "--schema",
                                  str(tmp_path / "main.sch"), str(doc)])
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert "main.sch:3: error: included Schematron file not found: gone.sch" in r.output


def test_unbound_param_on_the_command_line_is_exit_2_without_traceback(tmp_path):
    doc = write(tmp_path, {"main.sch": schema(ABSTRACT + '<pattern is-a="counted" id="i"/>')})
    r = CliRunner().invoke(main, ["validate", "-j", "1", "--schema",
                                  str(tmp_path / "main.sch"), str(doc)])
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert "main.sch:10: error: pattern 'i' (is-a 'counted') leaves $" in r.output


# --- which patterns run on a document -------------------------------------------------

@pytest.mark.parametrize(("context", "expected"), [
    ("tei:*[@calendar]", {"@calendar"}),
    ("tei:*[@xml:lang]", {"@lang"}),
    ("tei:persName[@ref] | tei:orgName[@ref]", {"persName", "orgName"}),
    ("tei:*[not(self::tei:schemaSpec)][@targetLang]", {"@targetLang"}),
    ("tei:*[ @minOccurs and not( @maxOccurs ) ]", {"@minOccurs"}),
    ("tei:*[@when or @from]", {"@when", "@from"}),
    ("tei:rt/@to", {"@to"}),
    ("( tei:classSpec | tei:elementSpec )/tei:listRef", {"listRef"}),
    ("tei:*[@a or not(@b)]", None),
    ("tei:*", None),
    ("self::tei:p", None),
    ("text()[matches(., 'x')]", None),
    ("tei:*[@n = 'a or b']", None),
])
def test_a_pattern_needs_the_names_its_rule_contexts_test(context, expected):
    from lxml import etree

    from teiedit.gate.schematron_analysis import needs

    pattern = etree.fromstring(f'<pattern {SCH}><rule context="{context}"/>'
                               '<rule context="tei:never"/></pattern>')
    assert needs(pattern) == (None if expected is None else expected | {"never"})


MANY = schema(
    '<pattern id="p"><rule context="x:p"><assert test="@n">no n</assert></rule></pattern>'
    '<pattern id="list"><rule context="x:list"><assert test="x:item">empty</assert></rule>'
    '</pattern>'
    '<pattern id="rend"><rule context="x:*[@rend]"><report test="true()">rend</report></rule>'
    '</pattern>'
    '<pattern id="text"><rule context="text()[. = \'two\']"><report test="true()">2</report>'
    '</rule></pattern>')


def engine_for(tmp_path: Path, text: str):
    from teiedit.gate.results import SchemaInfo
    from teiedit.gate.schematron import SchematronEngine

    (tmp_path / "many.sch").write_text(text)
    return SchematronEngine.load(tmp_path / "many.sch",
                                 SchemaInfo(str(tmp_path / "many.sch"), "schematron", ""))


def document(text: str):
    from teiedit.gate.document import Document
    from teiedit.xmlio import parse_untrusted

    return Document("doc.xml", text.encode(), parse_untrusted(text.encode()))


def test_only_patterns_whose_names_occur_in_the_document_run(tmp_path):
    engine = engine_for(tmp_path, MANY)
    assert engine.modes_for(document(DOC)) == ["p1", "p4"]       # p, and text() always
    assert engine.modes_for(document('<doc xmlns="urn:x"><list rend="a"/></doc>')) == [
        "p2", "p3", "p4"]


def test_an_attribute_written_with_spaces_around_the_equals_sign_is_seen(tmp_path):
    engine = engine_for(tmp_path, MANY)
    assert "p3" in engine.modes_for(document('<doc xmlns="urn:x"><q rend\n = "a"/></doc>'))


def test_names_of_a_document_in_another_encoding_come_from_its_tree(tmp_path):
    """The byte search is for UTF-8 only: in ISO-8859-1 the name `lïst` has other bytes."""
    from teiedit.gate.document import Document
    from teiedit.xmlio import parse_untrusted

    engine = engine_for(tmp_path, MANY.replace("x:list", "x:lïst"))
    data = ('<?xml version="1.0" encoding="ISO-8859-1"?><doc xmlns="urn:x"><lïst/></doc>'
            .encode("latin-1"))
    assert "p2" in engine.modes_for(Document("doc.xml", data, parse_untrusted(data)))


def test_a_document_no_pattern_applies_to_never_reaches_saxon(tmp_path, monkeypatch):
    from teiedit.gate import schematron

    engine = engine_for(tmp_path, MANY.replace("text()[. = 'two']", "x:q"))
    monkeypatch.setattr(schematron, "_processor", lambda: pytest.fail("Saxon was used"))
    assert engine.check(document('<doc xmlns="urn:x"><note/></doc>')) == []


def test_skipping_patterns_changes_no_finding(tmp_path, monkeypatch):
    from teiedit.gate import schematron

    doc = write(tmp_path, {"many.sch": MANY})
    (tmp_path / "doc.xml").write_text(DOC.replace("<note>", '<note rend="x">'))
    analysed = validate([str(doc)], [str(tmp_path / "many.sch")], jobs=1)
    monkeypatch.setattr(schematron, "annotate", lambda root: None)
    everything = validate([str(doc)], [str(tmp_path / "many.sch")], jobs=1)
    assert [p.message for p in analysed.files[0].problems] == ["no n", "2", "rend"]
    assert analysed.files[0].problems == everything.files[0].problems


# --- what Saxon is given -----------------------------------------------------------------

TEXT_OF_P = schema('<pattern id="t"><rule context="x:p"><report id="v" test="true()">'
                   '<value-of select="."/>/<value-of select="@n"/></report></rule></pattern>')


@pytest.mark.parametrize(("data", "expected"), [
    ('<doc xmlns="urn:x"><p n="1">é</p></doc>'.encode(), ["é/1"]),
    (b"\xef\xbb\xbf" + '<doc xmlns="urn:x"><p n="1">é</p></doc>'.encode(), ["é/1"]),
    ('<?xml version="1.0" encoding="ISO-8859-1"?><doc xmlns="urn:x"><p n="1">é</p></doc>'
     .encode("latin-1"), ["é/1"]),
    ('<doc xmlns="urn:x"><p n="1">é</p></doc>'.encode("utf-16"), ["é/1"]),
    # an internal subset's attribute default is not applied by the safe lxml parse, and
    # Saxon never sees the DOCTYPE, so Schematron agrees with the other engines
    (b'<!DOCTYPE doc [<!ATTLIST p n CDATA "9">]><doc xmlns="urn:x"><p>e</p></doc>', ["e/"]),
])
def test_saxon_reads_the_same_document_whatever_its_encoding_or_doctype(tmp_path, data,
                                                                        expected):
    (tmp_path / "main.sch").write_text(TEXT_OF_P)
    (tmp_path / "doc.xml").write_bytes(data)
    report = validate([str(tmp_path / "doc.xml")], [str(tmp_path / "main.sch")], jobs=1)
    assert [p.message for p in report.files[0].problems] == expected


# --- where findings are ----------------------------------------------------------------

def test_location_is_what_fn_path_gives_and_the_line_is_the_nodes_element(tmp_path):
    (tmp_path / "main.sch").write_text(schema(
        '<pattern><rule context="x:p | x:note/@n | x:p/@xml:lang | x:q/text() | /">'
        '<report test="true()"><value-of select="path()"/></report></rule></pattern>'))
    (tmp_path / "doc.xml").write_text(
        '<doc xmlns="urn:x">\n<p/><note/>\n<p xml:lang="en"/>\n<note n="1"/><q>a<b/>b</q>\n'
        '</doc>')
    report = validate([str(tmp_path / "doc.xml")], [str(tmp_path / "main.sch")], jobs=1)
    problems = report.files[0].problems
    assert [p.xpath for p in problems] == [p.message for p in problems]
    found = [(p.xpath, p.line, p.column) for p in problems]
    assert found == [("/", 1, 1), ("/Q{urn:x}doc[1]/Q{urn:x}p[1]", 2, 1),
                     ("/Q{urn:x}doc[1]/Q{urn:x}p[2]", 3, 1),
                     ("/Q{urn:x}doc[1]/Q{urn:x}p[2]/@Q{http://www.w3.org/XML/1998/namespace}"
                      "lang", 3, 1),
                     ("/Q{urn:x}doc[1]/Q{urn:x}note[2]/@n", 4, 1),
                     ("/Q{urn:x}doc[1]/Q{urn:x}q[1]/text()[1]", 4, 14),
                     ("/Q{urn:x}doc[1]/Q{urn:x}q[1]/text()[2]", 4, 14)]


def test_every_finding_in_a_wide_document_is_located(tmp_path):
    """20,000 failing siblings: about a second (positions come from one pass over the
    document; counting each finding's preceding siblings took minutes)."""
    (tmp_path / "main.sch").write_text(schema(
        '<pattern><rule context="x:p"><assert test="@n">no n</assert></rule></pattern>'))
    (tmp_path / "doc.xml").write_text('<doc xmlns="urn:x">' + "<p/>\n" * 20000 + "</doc>")
    report = validate([str(tmp_path / "doc.xml")], [str(tmp_path / "main.sch")], jobs=1)
    problems = report.files[0].problems
    assert [p.line for p in problems] == list(range(1, 20001))
    assert problems[-1].xpath == "/Q{urn:x}doc[1]/Q{urn:x}p[20000]"


def test_with_xinclude_saxon_checks_the_expanded_document(tmp_path):
    (tmp_path / "main.sch").write_text(TEXT_OF_P)
    (tmp_path / "part.xml").write_text('<p xmlns="urn:x" n="2">included</p>')
    (tmp_path / "doc.xml").write_text(
        '<doc xmlns="urn:x" xmlns:xi="http://www.w3.org/2001/XInclude">'
        '<p n="1">own</p><xi:include href="part.xml"/></doc>')
    report = validate([str(tmp_path / "doc.xml")], [str(tmp_path / "main.sch")], jobs=1,
                      xinclude=True)
    assert [p.message for p in report.files[0].problems] == ["own/1", "included/2"]


# --- property: choosing patterns per document never changes a finding -----------------

PROPERTY_SCHEMA = schema("".join(
    f'<pattern id="q{i}"><rule context="{context}"><report test="true()">{i}</report>'
    f'</rule></pattern>' for i, context in enumerate([
        "x:a", "x:*[@k]", "x:b/@k", "x:*[@k or @m]", "x:*[@k and not(@m)]", "text()[. = 't']",
        "x:a[x:b]", "(x:a | x:b)/x:c", "x:c | x:d", "x:*[not(@m)][@n]", "@m", "x:e[1]"])))


@cache
def property_engines():
    """The same schema loaded with the analysis and without it (every pattern always runs,
    on a whole-tree walk)."""
    import tempfile

    from teiedit.gate import schematron
    from teiedit.gate.results import SchemaInfo

    folder = Path(tempfile.mkdtemp(prefix="teiedit-property-"))
    (folder / "p.sch").write_text(PROPERTY_SCHEMA)
    info = SchemaInfo(str(folder / "p.sch"), "schematron", "")
    analysed = schematron.SchematronEngine.load(folder / "p.sch", info)
    annotate, schematron.annotate = schematron.annotate, lambda root: None
    try:
        plain = schematron.SchematronEngine.load(folder / "p.sch", info)
    finally:
        schematron.annotate = annotate
    return analysed, plain


elements = st.recursive(
    st.sampled_from(["t", "u", ""]),
    lambda inner: st.builds(
        lambda name, attrs, children: f"<{name}{attrs}>{''.join(children)}</{name}>",
        st.sampled_from("abcde"),
        st.sampled_from(["", ' k="1"', ' m="1"', ' n="1"', ' k="1" m="1"', ' m="1" n="1"']),
        st.lists(inner, max_size=4)),
    max_leaves=12)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(elements, min_size=1, max_size=4))
def test_choosing_patterns_per_document_never_changes_a_finding(children):
    analysed, plain = property_engines()
    doc = document(f'<doc xmlns="urn:x">{"".join(children)}</doc>')
    found = analysed.check(doc)
    assert found == plain.check(doc)
    assert {p.message for p in found} <= {str(i) for i in range(12)}


def test_a_rule_cannot_make_saxon_use_the_network(tmp_path):
    (tmp_path / "main.sch").write_text(schema(
        '<pattern><rule context="x:p"><report test="unparsed-text(@href)">read</report>'
        '</rule></pattern>'))
    (tmp_path / "doc.xml").write_text('<doc xmlns="urn:x"><p href="http://127.0.0.1:9/x"/></doc>')
    report = validate([str(tmp_path / "doc.xml")], [str(tmp_path / "main.sch")], jobs=1)
    [p] = report.files[0].problems
    assert p.rule == "engine-error" and "prohibited" in p.message
