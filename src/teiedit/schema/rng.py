"""Write a resolved customization as RELAX NG (XML syntax), the schema lxml validates with.

Layout follows the TEI's own generated schemas: one `define` per element, model class,
macro and datatype; class attributes are shared defines (`att.x.attribute.y`) that elements
reference unless they change the attribute, in which case it is written inline.
"""

from __future__ import annotations

import re

from lxml import etree

from teiedit.schema import patterns as P
from teiedit.schema.odd import RNG, XML, AttDef, Schema, Spec

XSD_TYPES = "http://www.w3.org/2001/XMLSchema-datatypes"
ANNO = "http://relaxng.org/ns/compatibility/annotations/1.0"


def expand_class(schema: Schema, key: str, expand: str | None) -> P.Pattern:
    """A classRef with @expand (and @except) as a plain pattern over the class's elements."""
    mode, *filters = (expand or "alternation").split("|")
    if not filters and mode == "alternation":
        return P.Ref("class", key)
    options = dict(f.split("=", 1) for f in filters)
    include, exclude = set(options.get("include", "").split()), set(
        options.get("except", "").split())
    chosen = [e for e in leaf_members(schema, key)
              if (not include or e in include) and e not in exclude]
    if mode == "alternation":
        return P.alt([P.Ref("element", e) for e in chosen])
    occ = {"sequence": (1, 1), "sequenceOptional": (0, 1), "sequenceRepeatable": (1, -1),
           "sequenceOptionalRepeatable": (0, -1)}[mode]
    return P.seq([P.occurs(P.Ref("element", e), *occ) for e in chosen])


def leaf_members(schema: Schema, key: str) -> list[str]:
    """The elements of a model class, through its subclasses, in definition order."""
    memo = schema.memo.setdefault("leaf_members", {})
    if key not in memo:
        out: dict[str, None] = {}
        for m in schema.members.get(key, []):
            if schema.specs[m].kind == "element":
                out[m] = None
            else:
                out.update(dict.fromkeys(leaf_members(schema, m)))
        memo[key] = list(out)
    return memo[key]


def resolve_ref(schema: Schema, r: P.Ref) -> P.Ref:
    """The kind of a reference written without one (rng:ref, dataRef/@ref)."""
    key = r.key
    for suffix in ("_alternation", "_sequenceOptionalRepeatable", "_sequenceOptional",
                   "_sequenceRepeatable", "_sequence"):
        if key.endswith(suffix) and key[: -len(suffix)] in schema.specs:
            return P.Ref("class", key[: -len(suffix)], suffix[1:])
    if r.kind == "any":
        kind = schema.specs[key].kind
        return P.Ref(kind, key, r.expand, line=r.line)
    return r


class RngWriter:
    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.grammar = etree.Element(f"{{{RNG}}}grammar", nsmap={None: RNG, "a": ANNO})
        self.grammar.set("datatypeLibrary", XSD_TYPES)
        self.grammar.set("ns", schema.ns)
        self.defined: set[str] = set()
        self.any_count = 0

    def el(self, parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
        return etree.SubElement(parent, f"{{{RNG}}}{tag}", attrs)

    def define(self, name: str) -> etree._Element | None:
        if name in self.defined:
            return None
        self.defined.add(name)
        return self.el(self.grammar, "define", name=name)

    def element_define_name(self, ident: str) -> str:
        spec = self.schema.specs[ident]
        return (spec.prefix if spec.prefix is not None else self.schema.prefix) + ident

    # ---------------------------------------------------------------- patterns
    def pattern(self, parent: etree._Element, p: P.Pattern) -> None:
        s = self.schema
        if isinstance(p, P.Text):
            self.el(parent, "text")
        elif isinstance(p, P.Empty):
            self.el(parent, "empty")
        elif isinstance(p, P.NotAllowed):
            self.el(parent, "notAllowed")
        elif isinstance(p, P.Seq):
            g = self.el(parent, "group")
            for i in p.items:
                self.pattern(g, i)
        elif isinstance(p, P.Alt):
            g = self.el(parent, "choice")
            for i in p.items:
                self.pattern(g, i)
        elif isinstance(p, P.Interleave):
            g = self.el(parent, "interleave")
            for i in p.items:
                self.pattern(g, i)
        elif isinstance(p, P.Repeat):
            self.repeat(parent, p)
        elif isinstance(p, P.Ref):
            r = resolve_ref(s, p)
            if r.kind == "class" and r.expand:
                self.pattern(parent, expand_class(s, r.key, r.expand))
            else:
                name = self.element_define_name(r.key) if r.kind == "element" else r.key
                self.el(parent, "ref", name=name)
        elif isinstance(p, P.Data):
            d = self.el(parent, "data", type=p.type)
            for name, value in p.params:
                self.el(d, "param", name=name).text = value
        elif isinstance(p, P.Value):
            v = self.el(parent, "value")
            if p.type != "token":
                v.set("type", p.type)
            v.text = p.value
        elif isinstance(p, P.ListOf):
            self.pattern(self.el(parent, "list"), p.item)
        elif isinstance(p, P.AnyElement):
            self.el(parent, "ref", name=self.any_element(p))
        elif isinstance(p, P.RawElement):
            parent.append(etree.fromstring(p.xml))
        else:  # pragma: no cover - every pattern class is handled above
            raise TypeError(p)

    def repeat(self, parent: etree._Element, p: P.Repeat) -> None:
        lo, hi = p.min, p.max
        if (lo, hi) == (0, 1):
            self.pattern(self.el(parent, "optional"), p.item)
            return
        if hi == P.UNBOUNDED:
            for _ in range(max(lo - 1, 0)):
                self.pattern(parent, p.item)
            self.pattern(self.el(parent, "oneOrMore" if lo else "zeroOrMore"), p.item)
            return
        for _ in range(lo):
            self.pattern(parent, p.item)
        target = parent
        for _ in range(hi - lo):
            target = self.el(target, "optional")
            self.pattern(target, p.item)

    def any_element(self, p: P.AnyElement) -> str:
        name = re.sub(r"[^\w.-]", "_", "anyElement-" + "-".join((*p.require, "not", *p.exclude)))
        name = re.sub(r"http___www.tei-c.org_ns_", "tei-", name)
        d = self.define(name)
        if d is None:
            return name
        e = self.el(d, "element")
        if p.require:
            names = self.el(e, "choice")
            for ns in p.require:
                self.el(names, "nsName", ns=ns)
        else:
            any_name = self.el(e, "anyName")
            if p.exclude:
                exc = self.el(any_name, "except")
                for ns in p.exclude:
                    if ns.startswith("{"):
                        uri, _, local = ns[1:].partition("}")
                        self.el(exc, "name", ns=uri).text = local
                    else:
                        self.el(exc, "nsName", ns=ns)
        att = self.el(self.el(e, "zeroOrMore"), "attribute")
        self.el(att, "anyName")
        self.el(att, "text")
        ch = self.el(self.el(e, "zeroOrMore"), "choice")
        self.el(ch, "text")
        self.el(ch, "ref", name=name)
        return name

    # ---------------------------------------------------------------- attributes
    def attribute(self, parent: etree._Element, a: AttDef) -> None:
        target = parent if a.usage == "req" else self.el(parent, "optional")
        att = self.el(target, "attribute")
        prefix, _, local = a.attribute_name.rpartition(":")
        if prefix == "xml":
            att.set("name", local)
            att.set("ns", XML)
        else:
            att.set("name", a.attribute_name)
            if a.ns:
                att.set("ns", a.ns)
        if a.default is not None:
            att.set(f"{{{ANNO}}}defaultValue", a.default)
        if a.desc or a.gloss:
            etree.SubElement(att, f"{{{ANNO}}}documentation").text = a.desc or a.gloss
        self.pattern(att, attribute_value(a))

    def attributes(self, parent: etree._Element, spec: Spec) -> None:
        choices: dict[tuple[str, int], etree._Element] = {}
        for a in self.schema.attributes(spec):
            target = parent
            if a.choice is not None:  # attList org="choice": one of them at most
                key = (a.origin, a.choice)
                if key not in choices:
                    choices[key] = self.el(parent, "choice")
                target = choices[key]
            if a.origin != spec.ident and self.schema.specs.get(a.origin, spec).kind == "class":
                name = f"{a.origin}.attribute.{a.ident.replace(':', '')}"
                d = self.define(name)
                if d is not None:
                    self.attribute(d, a)
                self.el(target, "ref", name=name)
            else:
                self.attribute(target, a)

    # ---------------------------------------------------------------- specs
    def write(self) -> etree._ElementTree:
        s = self.schema
        start = self.el(self.grammar, "start")
        choice = self.el(start, "choice") if len(s.start) > 1 else start
        for name in s.start:
            self.el(choice, "ref", name=self.element_define_name(name))
        for spec in s.elements():
            d = self.define(self.element_define_name(spec.ident))
            e = self.el(d, "element", name=spec.element_name)
            if (spec.ns if spec.ns is not None else s.ns) != s.ns:
                e.set("ns", spec.ns)
            if spec.gloss or spec.desc:
                doc = etree.SubElement(e, f"{{{ANNO}}}documentation")
                doc.text = " — ".join(x for x in (spec.gloss, spec.desc) if x)
            # attributes first: jing nests a group's items to the left and checks them
            # depth-first, so content written last keeps its stack shallow (tei_all, EpiDoc)
            self.attributes(e, spec)
            self.pattern(e, spec.content if spec.content is not None else P.Empty())
        for cls, members in s.members.items():
            d = self.define(cls)
            ch = self.el(d, "choice") if len(members) > 1 else d
            for m in members:
                kind = s.specs[m].kind
                self.el(ch, "ref", name=self.element_define_name(m) if kind == "element" else m)
        for spec in (*s.of_kind("macro"), *s.of_kind("data")):
            d = self.define(spec.ident)
            self.pattern(d, spec.content if spec.content is not None else P.Text())
        return etree.ElementTree(self.grammar)


def attribute_value(a: AttDef) -> P.Pattern:
    """The value pattern of an attribute: its value list, its datatype, or both (semi-open)."""
    # inside a list, free text is one whitespace-free token (RELAX NG forbids text in list)
    free = P.Data("token") if a.list_occurs else P.Text()
    one = a.datatype if a.datatype is not None else free
    if a.list_occurs and isinstance(one, P.Text):
        one = free
    if a.values and a.val_type == "closed":
        one = P.alt([P.Value(v.ident) for v in a.values])
    elif a.values and a.val_type == "semi":
        # without a datatype, odd2relax allows the listed values or any XML Name
        other = P.Data("Name") if a.datatype is None else one
        one = P.alt([*(P.Value(v.ident) for v in a.values), other])
    if a.list_occurs:
        lo, hi = a.list_occurs
        if hi == P.UNBOUNDED:
            return P.ListOf(P.occurs(one, lo, hi))
        # a flat sequence of optionals, as odd2relax writes it (libxml2 refuses three or more
        # tokens against nested optionals in a list)
        return P.ListOf(P.seq([one] * lo + [P.Repeat(one, 0, 1)] * (hi - lo)))
    return one


def write_rng(schema: Schema) -> bytes:
    tree = RngWriter(schema).write()
    etree.cleanup_namespaces(tree, top_nsmap={None: RNG, "a": ANNO})
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)

