"""The RELAX NG report says which elements were expected where a content model failed."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from lxml import etree

from teiedit.cli import main
from teiedit.gate import validate
from teiedit.gate.expected import Expected, expected_after

RNG = "http://relaxng.org/ns/structure/1.0"
ARTICLE = "article.xml"


def grammar(body: str, defines: str = "", ns: str = "") -> etree._ElementTree:
    """A grammar whose start is element <a> with content `body`."""
    return etree.ElementTree(etree.fromstring(
        f'<grammar xmlns="{RNG}" ns="{ns}"><start><element name="a">{body}</element></start>'
        f"{defines}</grammar>"))


def el(name: str, content: str = "<empty/>") -> str:
    return f'<element name="{name}">{content}</element>'


def names(g: etree._ElementTree, preceding: list[str], element: str = "a"
          ) -> tuple[set[str], bool]:
    found = expected_after(g, element, preceding)
    assert found is not None
    return set(found.names), found.can_end


# ---- the matcher on small grammars ---------------------------------------------------------

def test_sequence_expects_the_next_element_and_only_then_the_end():
    g = grammar(el("b") + el("c") + el("d"))
    assert names(g, []) == ({"b"}, False)
    assert names(g, ["b"]) == ({"c"}, False)
    assert names(g, ["b", "c", "d"]) == (set(), True)


def test_choice_expects_every_branch():
    g = grammar(f"<choice>{el('b')}{el('c')}</choice>{el('d')}")
    assert names(g, []) == ({"b", "c"}, False)
    assert names(g, ["c"]) == ({"d"}, False)


def test_interleave_expects_what_is_still_missing_in_any_order():
    g = grammar(f"<interleave>{el('b')}{el('c')}</interleave>")
    assert names(g, []) == ({"b", "c"}, False)
    assert names(g, ["c"]) == ({"b"}, False)
    assert names(g, ["c", "b"]) == (set(), True)


def test_one_or_more_needs_one_then_allows_more_or_what_follows():
    g = grammar(f"<oneOrMore>{el('b')}</oneOrMore>{el('c')}")
    assert names(g, []) == ({"b"}, False)
    assert names(g, ["b"]) == ({"b", "c"}, False)
    assert names(g, ["b", "b", "b"]) == ({"b", "c"}, False)


def test_optional_and_zero_or_more_may_be_skipped():
    g = grammar(f"<optional>{el('b')}</optional><zeroOrMore>{el('c')}</zeroOrMore>")
    assert names(g, []) == ({"b", "c"}, True)
    assert names(g, ["b", "c"]) == ({"c"}, True)


def test_refs_are_followed_and_defines_combined():
    g = grammar('<ref name="model"/><ref name="d"/>',
                '<define name="model"><ref name="b"/></define>'
                '<define name="model" combine="choice"><ref name="c"/></define>'
                f'<define name="b">{el("b")}</define><define name="c">{el("c")}</define>'
                f'<define name="d">{el("d")}</define>')
    assert names(g, []) == ({"b", "c"}, False)
    assert names(g, ["b"]) == ({"d"}, False)


def test_recursion_through_an_element_ends_at_that_element():
    g = grammar('<ref name="list"/>',
                '<define name="list"><element name="list"><zeroOrMore><ref name="list"/>'
                "</zeroOrMore></element></define>")
    assert names(g, [], element="list") == ({"list"}, True)


def test_mixed_content_allows_text_everywhere():
    g = grammar(f"<mixed><optional>{el('b')}</optional></mixed>")
    assert expected_after(g, "a", []) == Expected(frozenset({"b"}), frozenset(), True, True)
    assert expected_after(g, "a", ["b"]) == Expected(frozenset(), frozenset(), True, True)


def test_attributes_and_data_are_ignored():
    g = grammar(f'<attribute name="x"/><choice><data type="string"/>{el("b")}</choice>')
    assert expected_after(g, "a", []) == Expected(frozenset({"b"}), frozenset(), True, True)


def test_not_allowed_branches_are_never_expected():
    g = grammar(f"<choice><notAllowed/>{el('b')}</choice><group><notAllowed/>{el('c')}</group>"
                f"<optional>{el('d')}</optional>")
    assert expected_after(g, "a", []) is None        # the content can never be matched
    g = grammar(f"<choice><notAllowed/>{el('b')}<group><notAllowed/>{el('c')}</group></choice>")
    assert names(g, []) == ({"b"}, False)


def test_name_classes_become_names_or_wildcards():
    g = grammar(f"<element><choice><name>x</name><name>y</name></choice><empty/></element>"
                f'<element><nsName ns="urn:o"/><empty/></element>'
                f'<element><anyName><except><nsName ns="urn:t"/></except></anyName><empty/>'
                f"</element>{el('z')}")
    found = expected_after(g, "a", [])
    assert found is not None and found.names == {"x", "y"}
    assert expected_after(g, "a", ["x"]).wildcards == {"{urn:o}*"}
    assert expected_after(g, "a", ["x", "{urn:o}q"]).wildcards == {"* except {urn:t}*"}
    assert names(g, ["x", "{urn:o}q", "{urn:p}r"]) == ({"z"}, False)


def test_namespaced_names_are_matched_by_namespace():
    g = grammar(el("b"), ns="urn:x")
    assert names(g, [], element="{urn:x}a") == ({"b"}, False)
    assert expected_after(g, "{urn:y}a", []) is None
    assert expected_after(g, "{urn:x}a", ["{urn:y}b"]) is None


def test_a_very_long_sequence_is_matched_without_deep_recursion():
    g = grammar("".join(f"<optional>{el(f'e{i}')}</optional>" for i in range(3000)))
    assert names(g, ["e5", "e2000"]) == ({f"e{i}" for i in range(2001, 3000)}, True)


def test_the_document_element_is_expected_from_start():
    found = expected_after(grammar(el("b")), None, [])
    assert found is not None and found.names == {"a"}


@pytest.mark.parametrize(("g", "element", "preceding"), [
    (grammar(el("a", el("x"))), "a", []),                        # two patterns for <a>
    (grammar(el("b")), "nope", []),                              # no pattern at all
    (grammar(el("b")), "a", ["c"]),                              # the children already fail
    (grammar(f'<externalRef href="other.rng"/>{el("b")}'), "a", []),   # not modelled
])
def test_no_hint_rather_than_a_wrong_one(g, element, preceding):
    assert expected_after(g, element, preceding) is None


# ---- in the gate's report ---------------------------------------------------------------

def write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def problems(tmp_path, g: etree._ElementTree, document: str):
    rng = tmp_path / "g.rng"
    g.write(str(rng))
    report = validate([write(tmp_path, "doc.xml", document)], [str(rng)], jobs=1)
    return report.files[0].problems


def test_extra_content_names_what_the_parent_allows(tmp_path):
    [p] = problems(tmp_path, grammar(f"<mixed><optional>{el('b')}</optional></mixed>"),
                   "<a>x<b/>\n<b/></a>")
    assert p.detail == "Element a has extra content: b"
    assert p.message == ("element <b> is not allowed at this position; "
                         "here <a> allows text or nothing more")


def test_failed_interleave_names_what_is_missing(tmp_path):
    ps = problems(tmp_path, grammar(f"<interleave>{el('b')}{el('c')}</interleave>"),
                  "<a><b/>\n<d/><c/></a>")
    [p] = [p for p in ps if p.detail == "Element a failed to validate content"]
    assert p.message == "element <d> is not allowed at this position; here <a> allows <c>"


def test_element_ending_too_early_names_the_missing_child(tmp_path):
    [p] = problems(tmp_path, grammar(el("b") + el("c")), "<a>\n<b/></a>")
    assert p.detail == "Expecting an element , got nothing"
    assert p.message == "<a> is incomplete: a child element is missing, expected <c>"


def test_nothing_more_allowed(tmp_path):
    [p] = problems(tmp_path, grammar(el("b")), "<a><b/>\n<b/></a>")
    assert p.message == "element <b> is not allowed at this position; <a> allows nothing more here"


def test_long_lists_are_sorted_and_cut(tmp_path):
    g = grammar("<zeroOrMore><choice>" + "".join(el(f"e{i:02}") for i in range(12))
                + f"</choice></zeroOrMore>{el('z')}")
    [p] = problems(tmp_path, g, "<a><e03/><bogus/><z/></a>")
    assert p.message == ("element <bogus> is not allowed at this position; here <a> allows "
                         "<e00>, <e01>, <e02>, <e03>, <e04>, <e05>, <e06>, <e07>, … (5 more)")


# ---- TEI against tei_all.rng ------------------------------------------------------------

def tei_variant(samples, tmp_path, old: str, new: str) -> str:
    source = (samples / ARTICLE).read_text(encoding="utf-8")
    assert old in source
    return write(tmp_path, "variant.xml", source.replace(old, new, 1))


TITLE = '<title type="main">A Sample Article</title>'
AUTHOR = '<author><persName><forename>Ana</forename><surname>Petrović</surname></persName></author>'
TITLE_STMT = f"{TITLE}\n        {AUTHOR}"


@pytest.fixture
def tei_all(shared_dir):
    return [str(shared_dir / "tei-p5" / "tei_all.rng")]


@pytest.mark.parametrize(("old", "new", "line", "message"), [
    (TITLE_STMT, "", 5, "<titleStmt> is incomplete: a child element is missing, expected <title>"),
    (TITLE, "<author>A</author>" + TITLE, 6,
     "element <author> is not allowed at this position; here <titleStmt> allows <title>"),
    (TITLE, TITLE + "<p/>", 6,
     "element <p> is not allowed at this position; here <titleStmt> allows <author>, "
     "<editor>, <funder>, <meeting>, <principal>, <respStmt>, <sponsor>, <title> "
     "or nothing more"),
])
def test_tei_header_errors_name_the_expected_elements(samples, tmp_path, tei_all, old, new,
                                                      line, message):
    report = validate([tei_variant(samples, tmp_path, old, new)], tei_all, jobs=1)
    [p] = report.files[0].problems
    assert p.message == message and (p.engine, p.line) == ("relaxng", line)


def test_unknown_element_in_a_paragraph_lists_the_phrase_elements_and_text(samples, tmp_path,
                                                                         tei_all):
    path = tei_variant(samples, tmp_path, '<p><lb n="9"/>', '<p><lb n="9"/><bogus/>')
    [p] = validate([path], tei_all, jobs=1).files[0].problems
    assert p.detail == "Did not expect element bogus there"
    assert p.message.startswith("element <bogus> is not allowed at this position; here <p> "
                                "allows <abbr>, <add>, <addName>, <address>, <addSpan>, ")
    assert p.message.endswith(" more), text or nothing more")


def test_wrong_document_element_names_the_tei_roots(samples, tei_all):
    report = validate([str(samples / "mini" / "invalid.xml")], tei_all, jobs=1)
    [p] = report.files[0].problems
    assert p.message == ("element <doc> is not allowed as the document element; "
                         "the schema expects <TEI> or <teiCorpus>")


def test_command_shows_the_hint_and_keeps_the_engine_message(samples, tmp_path, tei_all):
    path = tei_variant(samples, tmp_path, TITLE_STMT, "")
    result = CliRunner().invoke(main, ["validate", "--schema", tei_all[0], "--format", "json",
                                       path])
    assert result.exit_code == 1, result.output
    [p] = json.loads(result.output)["files"][0]["problems"]
    assert p["message"] == "<titleStmt> is incomplete: a child element is missing, expected <title>"
    assert p["detail"] == "Expecting an element , got nothing"
    assert (p["line"], p["column"]) == (5, 7)
