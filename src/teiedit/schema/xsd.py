"""Write a resolved customization as W3C XML Schema, checking Unique Particle Attribution.

Content models are first flattened to elements (classes expanded, macros inlined, text made
`mixed`), then checked for determinism with a Glushkov construction: an XSD processor must be
able to tell, from an element's name alone, which particle it matches. A model that fails is
reported with the ODD line of its elementSpec instead of producing an unloadable schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from lxml import etree

from teiedit.schema import patterns as P
from teiedit.schema.odd import XML, AttDef, Schema, Spec
from teiedit.schema.rng import attribute_value, expand_class, leaf_members, resolve_ref
from teiedit.xmlio import TeieditError

XS = "http://www.w3.org/2001/XMLSchema"


@dataclass(frozen=True)
class El(P.Pattern):
    """An element particle after flattening."""

    name: str
    ns: str = ""
    # an element written in RELAX NG inside content: declared locally in the XSD by name,
    # with any content and attributes (its RELAX NG pattern checks those)
    local: bool = False


def flatten(schema: Schema, p: P.Pattern, seen: frozenset[str] = frozenset()) -> P.Pattern:
    """The content model at element level: what XSD particles and the UPA check work on."""
    if isinstance(p, P.Ref):
        r = resolve_ref(schema, p)
        if r.kind == "element":
            return _el(schema, r.key)
        memo = schema.memo.setdefault("flatten", {})
        key = (r.kind, r.key, r.expand)
        if key in memo and not (seen and r.kind == "macro"):
            return memo[key]
        if r.kind == "class":
            if r.expand and r.expand != "alternation":
                out = flatten(schema, expand_class(schema, r.key, r.expand), seen)
            else:
                out = P.alt([_el(schema, e) for e in leaf_members(schema, r.key)])
        elif r.kind == "macro" and r.key not in seen:
            out = flatten(schema, schema.specs[r.key].content or P.Text(), seen | {r.key})
        else:
            return P.Text()
        if r.kind == "class" or not seen:  # a macro inside a macro may depend on `seen`
            memo[key] = out
        return out
    if isinstance(p, P.Data | P.Value | P.ListOf):
        return P.Text()
    if isinstance(p, P.RawElement):
        if p.attribute:
            return P.Empty()
        ns = p.ns if p.ns is not None else schema.ns
        if p.name is not None and ns == schema.ns:
            return El(p.name, ns, local=True)
        if p.name is not None:  # XSD declares local elements in the target namespace only
            return P.AnyElement(require=(ns,))
        return P.AnyElement(exclude=p.excluded or ("",))
    if isinstance(p, P.Seq | P.Interleave):
        return P.seq([flatten(schema, i, seen) for i in p.items])
    if isinstance(p, P.Alt):
        items: list[P.Pattern] = []
        for i in p.items:
            f = flatten(schema, i, seen)
            items.extend(f.items if isinstance(f, P.Alt) else [f])
        return P.alt(items)
    if isinstance(p, P.Repeat):
        inner = flatten(schema, p.item, seen)
        if isinstance(inner, P.Repeat) and inner.max == P.UNBOUNDED and p.max == P.UNBOUNDED:
            return P.Repeat(inner.item, p.min * inner.min, P.UNBOUNDED)
        if isinstance(inner, P.Repeat) and (inner.min, inner.max) == (0, 1) \
                and p.max == P.UNBOUNDED:
            return P.Repeat(inner.item, 0, P.UNBOUNDED)
        return P.occurs(inner, p.min, p.max) if not isinstance(inner, P.Empty) else inner
    return p


def _el(schema: Schema, ident: str) -> El:
    spec = schema.specs[ident]
    return El(ident, spec.ns if spec.ns is not None else schema.ns)


def strip_text(p: P.Pattern) -> P.Pattern:
    if isinstance(p, P.Text):
        return P.Empty()
    if isinstance(p, P.Seq):
        return P.seq([strip_text(i) for i in p.items])
    if isinstance(p, P.Alt):
        items = [strip_text(i) for i in p.items]
        nonempty = [i for i in items if not isinstance(i, P.Empty)]
        if len(nonempty) < len(items):
            body = P.alt(nonempty) if nonempty else P.Empty()
            return P.Repeat(body, 0, 1) if not isinstance(body, P.Empty) else body
        return P.alt(items)
    if isinstance(p, P.Repeat):
        inner = strip_text(p.item)
        if isinstance(inner, P.Empty):
            return inner
        if isinstance(inner, P.Repeat) and (inner.min, inner.max) == (0, 1):
            return P.Repeat(inner.item, 0, p.max)
        return P.Repeat(inner, p.min, p.max)
    return p


# --------------------------------------------------------------------------- determinism


def _overlap(a: P.Pattern, b: P.Pattern) -> bool:
    """Whether two particles (element or wildcard) can match the same element."""
    if isinstance(a, El) and isinstance(b, El):
        return a.name == b.name and a.ns == b.ns
    if isinstance(a, El):
        a, b = b, a
    if isinstance(b, El):
        return b.ns in a.require if a.require else b.ns not in a.exclude
    return True  # two wildcards


def _label(p: P.Pattern) -> str:
    return p.name if isinstance(p, El) else "any element"


def ambiguity(p: P.Pattern) -> str | None:
    """The name of an element that two particles compete for, or None if deterministic."""
    leaves: list[P.Pattern] = []
    follow: dict[int, set[int]] = {}

    def walk(q: P.Pattern) -> tuple[bool, set[int], set[int]]:
        if isinstance(q, El | P.AnyElement):
            leaves.append(q)
            pos = len(leaves) - 1
            follow[pos] = set()
            return False, {pos}, {pos}
        if isinstance(q, P.Seq):
            nullable, first, last = True, set(), set()
            for item in q.items:
                n, f, lst = walk(item)
                for x in last:
                    follow[x] |= f
                if nullable:
                    first |= f
                last = (last | lst) if n else lst
                nullable = nullable and n
            return nullable, first, last
        if isinstance(q, P.Alt):
            nullable, first, last = False, set(), set()
            for item in q.items:
                n, f, lst = walk(item)
                nullable, first, last = nullable or n, first | f, last | lst
            return nullable, first, last
        if isinstance(q, P.Repeat):
            n, f, lst = walk(q.item)
            if q.max == P.UNBOUNDED or q.max > 1:
                for x in lst:
                    follow[x] |= f
            return n or q.min == 0, f, lst
        return True, set(), set()

    _, first, _ = walk(p)
    checked: set[frozenset[int]] = set()  # a repeated alternation gives many equal sets
    for group in (first, *follow.values()):
        key = frozenset(group)
        if key in checked:
            continue
        checked.add(key)
        named: dict[tuple[str, str], El] = {}
        wild: list[P.AnyElement] = []
        for pos in sorted(group):
            leaf = leaves[pos]
            if isinstance(leaf, El):
                if (leaf.ns, leaf.name) in named:
                    return leaf.name
                named[(leaf.ns, leaf.name)] = leaf
            else:
                wild.append(leaf)
        for i, w in enumerate(wild):
            for other in (*named.values(), *wild[i + 1:]):
                if _overlap(w, other):
                    return _label(other)
    return None


class Analysed(NamedTuple):
    flat: P.Pattern       # at element level
    particles: P.Pattern  # the same without text
    mixed: bool           # text allowed
    ambiguous: str | None  # an element two particles compete for (UPA)


def analysed(schema: Schema, content: P.Pattern) -> Analysed:
    """A content model flattened and checked (once per distinct model: many TEI elements
    share one, such as macro.paraContent)."""
    memo = schema.memo.setdefault("analysed", {})
    if content not in memo:
        flat = flatten(schema, content)
        particles = strip_text(flat)
        memo[content] = Analysed(flat, particles, P.has_text(flat), ambiguity(particles))
    return memo[content]


# --------------------------------------------------------------------------- writing


class XsdWriter:
    def __init__(self, schema: Schema, xml_xsd: str) -> None:
        self.schema = schema
        nsmap = {"xs": XS, "xml": XML}
        if schema.ns:
            nsmap["t"] = schema.ns
        self.root = etree.Element(f"{{{XS}}}schema", nsmap=nsmap)
        if schema.ns:
            self.root.set("targetNamespace", schema.ns)
        self.root.set("elementFormDefault", "qualified")
        self.x("import", self.root, namespace=XML, schemaLocation=xml_xsd)
        self.simple_done: set[str] = set()
        self.groups: dict[str, tuple[AttDef, str]] = {}  # attributeGroup name → its AttDef
        self.particles_done: dict[P.Pattern, etree._Element] = {}

    def x(self, tag: str, parent: etree._Element, **attrs: str) -> etree._Element:
        return etree.SubElement(parent, f"{{{XS}}}{tag}", attrs)

    def qref(self, ident: str) -> str:
        return f"t:{ident}" if self.schema.ns else ident

    # ------------------------------------------------------------ simple types
    def simple(self, parent: etree._Element, p: P.Pattern) -> None:
        """An anonymous simpleType for an attribute or text value pattern."""
        if isinstance(p, P.Ref):
            r = resolve_ref(self.schema, p)
            spec = self.schema.specs.get(r.key)
            if spec is not None and spec.kind in ("data", "macro"):
                self.named_simple(spec)
                self.x("restriction", self.x("simpleType", parent), base=self.qref(r.key))
                return
            p = P.Text()
        st = self.x("simpleType", parent)
        if isinstance(p, P.Data):
            r = self.x("restriction", st, base=f"xs:{p.type}")
            for name, value in p.params:
                self.x(name, r, value=value)
        elif isinstance(p, P.Value):
            r = self.x("restriction", st, base="xs:token" if p.type == "token" else f"xs:{p.type}")
            self.x("enumeration", r, value=p.value)
        elif isinstance(p, P.Alt) and all(isinstance(i, P.Value) for i in p.items):
            r = self.x("restriction", st, base="xs:token")
            for i in p.items:
                self.x("enumeration", r, value=i.value)
        elif isinstance(p, P.Alt):
            u = self.x("union", st)
            for i in p.items:
                self.simple(u, i)
        elif isinstance(p, P.ListOf) and (bounds := list_bounds(p.item)):
            inner, lo, hi = bounds
            limited = lo > 0 or hi != P.UNBOUNDED
            target = self.x("restriction", st) if limited else st
            lst = self.x("list", self.x("simpleType", target) if limited else target)
            self.simple(lst, inner)
            if lo:
                self.x("minLength", target, value=str(lo))
            if hi != P.UNBOUNDED:
                self.x("maxLength", target, value=str(hi))
        else:
            self.x("restriction", st, base="xs:string")

    def named_simple(self, spec: Spec) -> None:
        if spec.ident in self.simple_done:
            return
        self.simple_done.add(spec.ident)
        holder = etree.Element("holder")
        self.simple(holder, spec.content or P.Text())
        st = holder[0]
        st.set("name", spec.ident)
        self.root.append(st)

    # ------------------------------------------------------------ particles
    def particle(self, parent: etree._Element, p: P.Pattern, lo: int = 1, hi: int = 1) -> None:
        occ = {}
        if lo != 1:
            occ["minOccurs"] = str(lo)
        if hi != 1:
            occ["maxOccurs"] = "unbounded" if hi == P.UNBOUNDED else str(hi)
        if isinstance(p, El) and p.local:
            ct = self.x("complexType", self.x("element", parent, name=p.name, **occ),
                        mixed="true")
            self.x("any", self.x("sequence", ct), minOccurs="0", maxOccurs="unbounded",
                   processContents="skip")
            self.x("anyAttribute", ct, processContents="skip")
        elif isinstance(p, El):
            self.x("element", parent, ref=self.qref(p.name), **occ)
        elif isinstance(p, P.AnyElement):
            ns = " ".join(n or "##local" for n in p.require) if p.require else \
                "##other" if p.exclude else "##any"
            self.x("any", parent, namespace=ns, processContents="skip", **occ)
        elif isinstance(p, P.Seq | P.Alt):
            g = self.x("sequence" if isinstance(p, P.Seq) else "choice", parent, **occ)
            for i in p.items:
                self.particle(g, i)
        elif isinstance(p, P.Repeat):
            if lo == 1 and hi == 1:
                self.particle(parent, p.item, p.min, p.max)
            else:
                self.particle(self.x("sequence", parent, **occ), p)
        elif isinstance(p, P.NotAllowed):
            self.x("choice", parent)  # an empty choice matches nothing

    def attribute_use(self, parent: etree._Element, a: AttDef, spec: Spec) -> None:
        """A class's attribute as a reference to one attributeGroup per attribute (the XSD
        twin of the RELAX NG's att.x.attribute.y defines), else declared in place."""
        if a.origin == spec.ident or self.schema.specs.get(a.origin, spec).kind != "class":
            self.attribute(parent, a)
            return
        name = f"{a.origin}.attribute.{a.ident.replace(':', '')}"
        done = self.groups.get(name)
        if done is None or done[0] is not a:  # an element's change makes its own AttDef
            name = name if done is None else f"{name}.{spec.ident}"
            self.attribute(self.x("attributeGroup", self.root, name=name), a)
            self.groups[name] = (a, name)
        self.x("attributeGroup", parent, ref=self.qref(self.groups[name][1]))

    def attribute(self, parent: etree._Element, a: AttDef) -> None:
        # attributes of an attList org="choice" exclude each other, which XSD cannot say:
        # each is optional there, and the RELAX NG holds the choice
        use = {"use": "required"} if a.usage == "req" and a.choice is None else {}
        prefix, _, local = a.attribute_name.rpartition(":")
        if prefix == "xml":
            att = self.x("attribute", parent, ref=f"xml:{local}", **use)
        else:
            att = self.x("attribute", parent, name=a.attribute_name, **use)
            self.simple(att, attribute_value(a))

    def element(self, spec: Spec) -> None:
        s = self.schema
        e = self.x("element", self.root, name=spec.element_name)
        ct = self.x("complexType", e)
        content = spec.content if spec.content is not None else P.Empty()
        flat, particles, mixed, name = analysed(s, content)
        attrs = s.attributes(spec)
        if not any(P.refs(content)) and isinstance(flat, P.Text) and isinstance(
                content, P.Data | P.Value | P.Alt | P.Ref):
            ext = self.x("extension", self.x("simpleContent", ct), base="xs:string")
            for a in attrs:
                self.attribute_use(ext, a, spec)
            return
        if mixed:
            ct.set("mixed", "true")
        if name is not None:
            raise NotDeterministic(
                f"content model of <{spec.element_name}> is not deterministic: two particles "
                f"can match <{name}>, so no XML Schema can express it (Unique Particle "
                f"Attribution); rewrite the content so each element has one place, e.g. "
                f"{P.compact(content)[:200]}", file=spec.file, line=spec.line)
        if not isinstance(particles, P.Empty):
            if content not in self.particles_done:
                self.particle(self.x("sequence", ct), particles)
                self.particles_done[content] = ct[-1]
            else:
                ct.append(self.particles_done[content].__copy__())
        for a in attrs:
            self.attribute_use(ct, a, spec)

    def write(self) -> etree._ElementTree:
        for spec in self.schema.elements():
            self.element(spec)
        return etree.ElementTree(self.root)


class NotDeterministic(TeieditError):
    """A content model XSD cannot express (UPA); it costs the XSD, not the RELAX NG."""


XML_XSD = f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="{XS}" targetNamespace="{XML}" xml:lang="en">
  <xs:attribute name="lang" type="xs:language"/>
  <xs:attribute name="id" type="xs:ID"/>
  <xs:attribute name="space">
    <xs:simpleType>
      <xs:restriction base="xs:NCName">
        <xs:enumeration value="default"/>
        <xs:enumeration value="preserve"/>
      </xs:restriction>
    </xs:simpleType>
  </xs:attribute>
  <xs:attribute name="base" type="xs:anyURI"/>
</xs:schema>
"""


def write_xsd(schema: Schema, xml_xsd: str) -> bytes:
    """The XSD; `xml_xsd` is the file name of the companion schema for xml:* attributes."""
    tree = XsdWriter(schema, xml_xsd).write()
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def list_bounds(item: P.Pattern) -> tuple[P.Pattern, int, int] | None:
    """A list's one token pattern and its bounds: `x*`/`x+`/`x{m,n}`, or the flat sequence
    `x x? x?` the compiler writes for a bounded datatype; None when the tokens differ."""
    if isinstance(item, P.Repeat):
        return item.item, item.min, item.max
    if not isinstance(item, P.Seq):
        return item, 1, 1
    parts = [(i.item, 0) if isinstance(i, P.Repeat) and (i.min, i.max) == (0, 1) else (i, 1)
             for i in item.items]
    if len({token for token, _ in parts}) != 1:
        return None
    return parts[0][0], sum(req for _, req in parts), len(parts)
