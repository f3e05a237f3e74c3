"""Extract the ODD's constraintSpecs into one ISO Schematron schema (queryBinding xslt2).

Rules written as a full sch:pattern or sch:rule are kept as they are; bare assertions get the
element they belong to as their context, as the TEI's extract-isosch.xsl does. Pattern ids
name the spec and the constraintSpec, so every message can be traced to its rule.
"""

from __future__ import annotations

import copy

from lxml import etree

from teiedit.schema.odd import SCH, SCH15, TEI, Schema, Spec


def iso(el: etree._Element) -> etree._Element:
    """A constraint written in Schematron 1.5 (the ascc.net namespace older ODDs use) in ISO
    Schematron: the element names are the same, only the namespace moved."""
    if next(el.iter(f"{{{SCH15}}}*"), None) is None:
        return el
    out = copy.deepcopy(el)
    for e in out.iter(f"{{{SCH15}}}*"):
        e.tag = f"{{{SCH}}}{etree.QName(e).localname}"
    return out


def _context(schema: Schema, spec: Spec, prefixes: dict[str, str]) -> str | None:
    """The XPath of the elements a bare assertion of `spec` applies to."""
    def qname(s: Spec) -> str:
        ns = s.ns if s.ns is not None else schema.ns
        if not ns:
            return s.element_name
        return f"{prefixes[ns]}:{s.element_name}"
    if spec.kind == "element":
        return qname(spec)
    if spec.kind == "class" and spec.class_type == "atts":
        members = [s for s in schema.elements() if _in_att_class(schema, s, spec.ident, set())]
        return " | ".join(qname(s) for s in members) or None
    return None


def _in_att_class(schema: Schema, spec: Spec, cls: str, seen: set[str]) -> bool:
    for key in spec.member_of:
        if key == cls:
            return True
        parent = schema.specs.get(key)
        if parent is not None and key not in seen and _in_att_class(schema, parent, cls,
                                                                     seen | {key}):
            return True
    return False


def write_schematron(schema: Schema) -> bytes:
    prefixes = {uri: prefix for prefix, uri in schema.sch_ns.items()}
    root = etree.Element(f"{{{SCH}}}schema", nsmap={"sch": SCH}, queryBinding="xslt2")
    etree.SubElement(root, f"{{{SCH}}}title").text = (
        f"Schematron rules of the {schema.ident} customization")
    extra_ns: dict[str, str] = {}
    namespaces = []
    for spec in schema.specs.values():
        for cs in spec.constraints.values():
            for n in cs.iter(f"{{{SCH}}}ns", f"{{{SCH15}}}ns"):
                extra_ns.setdefault(n.get("prefix"), n.get("uri"))
    for ns_uri in sorted({s.ns for s in schema.elements() if s.ns} | {schema.ns}):
        if ns_uri and ns_uri not in prefixes:
            prefixes[ns_uri] = f"ns{len(prefixes)}"
    for prefix, uri in sorted({**{p: u for u, p in prefixes.items()}, **extra_ns}.items()):
        namespaces.append(etree.SubElement(root, f"{{{SCH}}}ns", prefix=prefix, uri=uri))
    for spec in schema.specs.values():
        constraints = dict(spec.constraints)
        if spec.kind in ("element", "class"):
            for a in schema.attributes(spec):
                if a.origin == spec.ident:
                    constraints.update({f"{a.ident}-{k}": v for k, v in a.constraints.items()})
        for cs_ident, cs in constraints.items():
            if cs.get("scheme") not in ("schematron", "isoschematron"):
                continue
            constraint = cs.find(f"{{{TEI}}}constraint")
            if constraint is None:
                continue
            constraint = iso(constraint)
            pid = f"{schema.ident}-{spec.ident}-{cs_ident}"
            _emit(root, schema, spec, pid, constraint, prefixes)
    etree.cleanup_namespaces(root, top_nsmap={"sch": SCH, "tei": TEI})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _emit(root, schema, spec, pid, constraint, prefixes) -> None:
    loose: list[etree._Element] = []
    for n, child in enumerate(c for c in constraint if isinstance(c.tag, str)):
        qn = etree.QName(child)
        if qn.namespace != SCH or qn.localname == "ns":
            continue
        if qn.localname == "pattern":
            pat = copy.deepcopy(child)
            pat.set("id", child.get("id") or f"{pid}-{n}")
            root.append(pat)
        elif qn.localname == "rule":
            pat = etree.SubElement(root, f"{{{SCH}}}pattern", id=f"{pid}-{n}")
            pat.append(copy.deepcopy(child))
        elif qn.localname in ("assert", "report", "let"):
            loose.append(child)
    if loose:
        context = _context(schema, spec, prefixes)
        if context is None:
            return
        pat = etree.SubElement(root, f"{{{SCH}}}pattern", id=pid)
        rule = etree.SubElement(pat, f"{{{SCH}}}rule", context=context)
        for child in loose:
            rule.append(copy.deepcopy(child))
