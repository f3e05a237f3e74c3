"""Run ISO Schematron with XPath 2/3 (queryBinding xslt2/xslt3) through Saxon, in Python.

lxml's isoschematron only knows XSLT 1, and the TEI's own rules need XPath 2. This module
compiles a Schematron schema into an XSLT 3.0 stylesheet (one mode per pattern, first
matching rule wins, as ISO Schematron requires), runs it with saxonche and turns the result
into Finding records with the source line of each failing node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiedit.schema.odd import SCH
from teiedit.xmlio import TeieditError, read_untrusted

XSL = "http://www.w3.org/1999/XSL/Transform"
OUT = "urn:teiedit:schematron-result"


@dataclass(frozen=True)
class Finding:
    """One failed assertion or successful report."""

    rule: str  # id of the assert/report, else of its pattern
    message: str
    path: str
    line: int | None
    kind: str  # "assert" or "report"
    role: str | None = None


def _x(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    e = etree.SubElement(parent, f"{{{XSL}}}{tag}")
    for k, v in attrs.items():
        e.set(k, v)
    return e


def _message(parent: etree._Element, node: etree._Element) -> None:
    """Copy an assertion's text, turning sch:name and sch:value-of into XSLT."""
    if node.text:
        _x(parent, "text").text = node.text
    for child in node:
        if isinstance(child.tag, str) and etree.QName(child).namespace == SCH:
            local = etree.QName(child).localname
            if local == "name":
                _x(parent, "value-of", select=f"name({child.get('path', '.')})")
            elif local == "value-of":
                _x(parent, "value-of", select=child.get("select"))
            else:
                _message(parent, child)
        if child.tail:
            _x(parent, "text").text = child.tail


def schematron_to_xslt(schema: etree._Element) -> etree._Element:
    """An XSLT 3.0 stylesheet that reports the findings of `schema` on a document."""
    qb = schema.get("queryBinding", "xslt2").lower()
    if qb not in ("xslt2", "xslt3", "xpath2", "xpath3", "xpath31"):
        raise TeieditError(f"queryBinding {qb!r} is not supported (use xslt2 or xslt3)")
    # xs: is predeclared, as in the ISO skeleton for XSLT 2
    nsmap = {"xsl": XSL, "out": OUT, "xs": "http://www.w3.org/2001/XMLSchema"}
    for n in schema.iter(f"{{{SCH}}}ns"):
        nsmap[n.get("prefix")] = n.get("uri")
    xsl = etree.Element(f"{{{XSL}}}stylesheet", nsmap=nsmap, version="3.0")
    xsl.set("exclude-result-prefixes", " ".join(p for p in nsmap if p not in ("xsl", "out")))
    _x(xsl, "output", method="xml", indent="no")
    for let in schema.findall(f"{{{SCH}}}let"):
        _x(xsl, "variable", name=let.get("name"), select=let.get("value"))
    main = _x(_x(xsl, "template", match="/"), "element", name="out:result", namespace=OUT)
    patterns = [p for p in schema.findall(f"{{{SCH}}}pattern") if p.get("abstract") != "true"]
    abstract_rules = {r.get("id"): r for r in schema.iter(f"{{{SCH}}}rule")
                      if r.get("abstract") == "true"}
    for i, pat in enumerate(patterns):
        mode = f"p{i}"
        _x(main, "apply-templates", select="/", mode=mode)
        _x(xsl, "mode", name=mode, **{"on-no-match": "shallow-skip"})
        for let in pat.findall(f"{{{SCH}}}let"):
            _x(xsl, "variable", name=let.get("name"), select=let.get("value"))
        rules = [r for r in pat.findall(f"{{{SCH}}}rule") if r.get("abstract") != "true"]
        for j, rule in enumerate(rules):
            t = _x(xsl, "template", match=rule.get("context"), mode=mode,
                   priority=str(len(rules) - j))
            body = list(rule)
            for ext in rule.findall(f"{{{SCH}}}extends"):
                body.extend(abstract_rules.get(ext.get("rule"), []))
            for child in body:
                if not isinstance(child.tag, str) or etree.QName(child).namespace != SCH:
                    continue
                local = etree.QName(child).localname
                if local == "let":
                    _x(t, "variable", name=child.get("name"), select=child.get("value"))
                elif local in ("assert", "report"):
                    test = child.get("test")
                    cond = f"not({test})" if local == "assert" else f"({test})"
                    f = _x(_x(t, "if", test=cond), "element", name="out:finding",
                           namespace=OUT)
                    _x(f, "attribute", name="rule").text = (
                        child.get("id") or pat.get("id") or f"pattern-{i}")
                    _x(f, "attribute", name="kind").text = local
                    _x(f, "attribute", name="role").text = child.get("role") or ""
                    _x(f, "attribute", name="path", select="path()")
                    _message(f, child)
            _x(t, "apply-templates", select="@*|node()", mode=mode)
    return xsl


_PROCESSOR = None


def _processor():
    global _PROCESSOR
    if _PROCESSOR is None:
        from saxonche import PySaxonProcessor
        _PROCESSOR = PySaxonProcessor(license=False)
    return _PROCESSOR


class Schematron:
    """A compiled Schematron schema that validates lxml trees."""

    def __init__(self, schema: etree._Element | etree._ElementTree | str | Path) -> None:
        if isinstance(schema, str | Path):
            schema = read_untrusted(schema)
        root = schema.getroot() if isinstance(schema, etree._ElementTree) else schema
        self.xslt = schematron_to_xslt(root)
        proc = _processor()
        compiler = proc.new_xslt30_processor()
        text = etree.tostring(self.xslt, encoding="unicode")
        try:
            self._exe = compiler.compile_stylesheet(stylesheet_text=text)
        except Exception as e:  # saxonche raises a bare PySaxonApiError
            raise TeieditError(f"Schematron does not compile: {e}") from None

    def validate(self, doc: etree._ElementTree | etree._Element) -> list[Finding]:
        tree = doc if isinstance(doc, etree._ElementTree) else doc.getroottree()
        proc = _processor()
        node = proc.parse_xml(xml_text=etree.tostring(tree, encoding="unicode"))
        out = self._exe.transform_to_string(xdm_node=node)
        result = etree.fromstring(out.encode("utf-8"))
        found = []
        for f in result.iter(f"{{{OUT}}}finding"):
            path = f.get("path")
            found.append(Finding(rule=f.get("rule"), message=" ".join("".join(f.itertext())
                                                                        .split()),
                                 path=path, line=_line(tree, path), kind=f.get("kind"),
                                 role=f.get("role") or None))
        return found


_STEP = re.compile(r"/Q\{([^}]*)\}([^\[/]+)\[(\d+)\]")


def _line(tree: etree._ElementTree, path: str | None) -> int | None:
    """The source line of the element an XPath 3 path() string designates (or leads to)."""
    current: etree._Element | None = None
    for m in _STEP.finditer(path or ""):
        ns, local, idx = m.group(1), m.group(2), int(m.group(3))
        tag = f"{{{ns}}}{local}" if ns else local
        if current is None:
            node = tree.getroot() if tree.getroot().tag == tag else None
        else:
            same = [c for c in current if c.tag == tag]
            node = same[idx - 1] if len(same) >= idx else None
        if node is None:
            break
        current = node
    return current.sourceline if current is not None else None
