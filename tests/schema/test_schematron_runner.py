"""The XSLT-3 Schematron runner: ISO semantics, XPath 2 tests, messages and line numbers."""

from __future__ import annotations

import pytest
from lxml import etree

from teiedit.schema.schematron import Schematron
from teiedit.xmlio import TeieditError

SCH = "http://purl.oclc.org/dsdl/schematron"


def schematron(patterns: str, binding: str = "xslt2") -> Schematron:
    return Schematron(etree.fromstring(
        f'<schema xmlns="{SCH}" queryBinding="{binding}"><ns prefix="x" uri="urn:x"/>'
        f"{patterns}</schema>"))


DOC = etree.ElementTree(etree.fromstring(
    '<r xmlns="urn:x">\n<a n="1"/>\n<a n="2"/>\n<b>3</b>\n</r>'))


def test_failed_assert_reports_id_message_and_line():
    s = schematron('<pattern><rule context="x:a"><assert id="odd" test="@n = \'1\'">'
                   'n is <value-of select="@n"/> on <name/></assert></rule></pattern>')
    [f] = s.validate(DOC)
    assert (f.rule, f.kind, f.line) == ("odd", "assert", 3)
    assert f.message == "n is 2 on a"


def test_report_fires_when_its_test_is_true():
    s = schematron('<pattern id="p"><rule context="x:b"><report test="xs:integer(.) gt 2">'
                   "big</report></rule></pattern>")
    assert [(f.rule, f.kind) for f in s.validate(DOC)] == [("p", "report")]


def test_only_the_first_matching_rule_of_a_pattern_applies():
    s = schematron('<pattern><rule context="x:a[@n=\'2\']"><assert id="first" test="true()">'
                   'x</assert></rule><rule context="x:a"><assert id="second" test="false()">'
                   "y</assert></rule></pattern>")
    assert [f.line for f in s.validate(DOC)] == [2]


def test_each_pattern_sees_every_node():
    s = schematron('<pattern><rule context="x:a"><assert id="one" test="false()">1</assert>'
                   '</rule></pattern><pattern><rule context="x:a"><assert id="two" '
                   'test="false()">2</assert></rule></pattern>')
    assert sorted(f.rule for f in s.validate(DOC)) == ["one", "one", "two", "two"]


def test_let_variables_and_xpath2_functions():
    s = schematron('<pattern><rule context="x:r"><let name="ns" value="x:a/@n"/>'
                   '<assert id="sum" test="sum(for $n in $ns return xs:integer($n)) = 4">'
                   'sum is <value-of select="sum($ns)"/></assert></rule></pattern>')
    assert [f.message for f in s.validate(DOC)] == ["sum is 3"]


def test_xslt1_binding_is_refused():
    with pytest.raises(TeieditError, match="queryBinding"):
        schematron("<pattern/>", binding="xslt")
