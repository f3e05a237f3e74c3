"""Generate test documents from a compiled customization: plausible ones and broken variants.

Used by the differential tests: the same documents go to our RELAX NG and to the reference
RELAX NG the TEI's own toolchain made, and both must accept and reject the same ones. The
generator walks content models (choosing alternatives and repeat counts with a seeded random
generator, preferring the cheapest way out when deep) and fills attributes from value lists
and sample values per datatype. Mutations then break documents in typical ways.
"""

from __future__ import annotations

import copy
import math
import random
import re

from lxml import etree

from teiedit.schema import patterns as P
from teiedit.schema.odd import XML, Schema
from teiedit.schema.rng import attribute_value, expand_class, leaf_members, resolve_ref

SAMPLES = {"anyURI": "http://example.org/x", "date": "2001-02-03", "gYear": "1952",
           "gYearMonth": "1952-07", "dateTime": "2001-02-03T04:05:06", "time": "04:05:06",
           "integer": "3", "nonNegativeInteger": "2", "positiveInteger": "4",
           "decimal": "1.5", "double": "1.5", "float": "1.5", "boolean": "true",
           "language": "en", "NCName": "abc", "Name": "abc", "NMTOKEN": "abc", "ID": None,
           "IDREF": None, "token": "word", "string": "some text", "duration": "P1Y",
           "gMonth": "--07", "gDay": "---03", "gMonthDay": "--07-03", "normalizedString": "x",
           "NMTOKENS": "a b", "IDREFS": None}


class Generator:
    def __init__(self, schema: Schema, seed: int, max_depth: int = 6,
                 att_rate: float = 0.15) -> None:
        self.s = schema
        self.att_rate = att_rate
        self.rnd = random.Random(seed)
        self.max_depth = max_depth
        self.ids = 0
        self._memo: dict[int, float] = {}
        self.cost = self._costs()

    # cheapest size of each element, to stop recursion
    def _costs(self) -> dict[str, float]:
        cost = {e.ident: math.inf for e in self.s.elements()}
        for _ in range(len(cost) + 1):
            changed = False
            for e in self.s.elements():
                c = 1 + self._pcost(e.content or P.Empty(), cost, set())
                if c < cost[e.ident]:
                    cost[e.ident], changed = c, True
            if not changed:
                break
        return cost

    def _pcost(self, p, cost, seen) -> float:
        if not seen and cost is getattr(self, "cost", None):
            key = id(p)
            if key not in self._memo:
                self._memo[key] = self._pcost_raw(p, cost, seen)
            return self._memo[key]
        return self._pcost_raw(p, cost, seen)

    def _pcost_raw(self, p, cost, seen) -> float:
        if isinstance(p, P.Ref):
            r = resolve_ref(self.s, p)
            if r.kind == "element":
                return cost.get(r.key, math.inf)
            if r.kind == "class":
                return min((cost.get(e, math.inf) for e in self._class(r)), default=math.inf)
            if r.kind == "macro" and r.key not in seen:
                return self._pcost(self.s.specs[r.key].content or P.Empty(), cost,
                                   seen | {r.key})
            return 0
        if isinstance(p, P.Seq | P.Interleave):
            return sum(self._pcost(i, cost, seen) for i in p.items)
        if isinstance(p, P.Alt):
            return min(self._pcost(i, cost, seen) for i in p.items)
        if isinstance(p, P.Repeat):
            return 0 if p.min == 0 else p.min * self._pcost(p.item, cost, seen)
        if isinstance(p, P.NotAllowed):
            return math.inf
        return 0

    def _class(self, r: P.Ref) -> list[str]:
        return leaf_members(self.s, r.key)

    def ns(self, ident: str) -> str:
        spec = self.s.specs[ident]
        return spec.ns if spec.ns is not None else self.s.ns

    def value(self, p: P.Pattern) -> str:
        if isinstance(p, P.Value):
            return p.value
        if isinstance(p, P.Alt):
            plain = [i for i in p.items if isinstance(i, P.Value)] or [
                i for i in p.items if not (isinstance(i, P.Data) and i.params)]
            return self.value(self.rnd.choice(plain or list(p.items)))
        if isinstance(p, P.Data):
            facets = dict(p.params)
            if "minInclusive" in facets or "maxInclusive" in facets:
                return facets.get("minInclusive", facets.get("maxInclusive"))
            if "pattern" in facets and (sample := pattern_sample(facets["pattern"])):
                return sample
            if p.type in ("ID", "IDREF", "IDREFS"):
                self.ids += 1
                return f"id{self.ids}"
            return SAMPLES.get(p.type) or "x"
        if isinstance(p, P.ListOf):
            return self.value(p.item)
        if isinstance(p, P.Repeat):
            return self.value(p.item)
        if isinstance(p, P.Seq):
            return " ".join(self.value(i) for i in p.items)
        if isinstance(p, P.Ref):
            r = resolve_ref(self.s, p)
            spec = self.s.specs.get(r.key)
            if spec is not None and spec.content is not None and r.kind in ("data", "macro"):
                return self.value(spec.content)
        return "text"

    def element(self, ident: str, depth: int = 0) -> etree._Element:
        spec = self.s.specs[ident]
        ns = self.ns(ident)
        el = etree.Element(f"{{{ns}}}{spec.element_name}" if ns else spec.element_name)
        for a in self.s.attributes(spec):
            if a.usage == "req" or self.rnd.random() < self.att_rate:
                prefix, _, local = a.attribute_name.rpartition(":")
                name = f"{{{XML}}}{local}" if prefix == "xml" else a.attribute_name
                if prefix and prefix != "xml":
                    continue
                el.set(name, self.value(attribute_value(a)))
        self.fill(el, spec.content or P.Empty(), depth + 1, set())
        return el

    def add_text(self, el: etree._Element, text: str) -> None:
        if len(el):
            el[-1].tail = (el[-1].tail or "") + text
        else:
            el.text = (el.text or "") + text

    def fill(self, el, p, depth, seen) -> None:
        deep = depth > self.max_depth
        if isinstance(p, P.Text):
            self.add_text(el, "t")
        elif isinstance(p, P.Data | P.Value | P.ListOf):
            self.add_text(el, self.value(p))
        elif isinstance(p, P.Seq | P.Interleave):
            for i in p.items:
                self.fill(el, i, depth, seen)
        elif isinstance(p, P.Alt):
            options = list(p.items)
            if deep:
                options.sort(key=lambda i: self._pcost(i, self.cost, set()))
                choice = options[0]
            else:
                finite = [o for o in options if self._pcost(o, self.cost, set()) < math.inf]
                choice = self.rnd.choice(finite or options)
            self.fill(el, choice, depth, seen)
        elif isinstance(p, P.Repeat):
            n = p.min if deep else p.min + self.rnd.choice((0, 1, 2))
            if p.max != P.UNBOUNDED:
                n = min(n, p.max)
            for _ in range(n):
                self.fill(el, p.item, depth, seen)
        elif isinstance(p, P.Ref):
            r = resolve_ref(self.s, p)
            if r.kind == "element":
                el.append(self.element(r.key, depth))
            elif r.kind == "class":
                members = self._class(r)
                if r.expand and r.expand != "alternation":
                    self.fill(el, expand_class(self.s, r.key, r.expand), depth, seen)
                    return
                if deep:
                    members = sorted(members, key=lambda m: self.cost[m])[:1]
                if members:
                    el.append(self.element(self.rnd.choice(members), depth))
            elif r.kind == "macro" and r.key not in seen:
                self.fill(el, self.s.specs[r.key].content or P.Empty(), depth, seen | {r.key})
            else:
                self.add_text(el, self.value(p))
        elif isinstance(p, P.AnyElement):
            el.append(etree.Element("{urn:example:other}thing"))

    def document(self, start: str) -> etree._ElementTree:
        return etree.ElementTree(self.element(start))


def pattern_sample(pattern: str) -> str | None:
    """A value matching a simple pattern: its first alternative without optional groups;
    None when that does not match or Python cannot read the XSD regex (\\p{…})."""
    candidate = re.sub(r"\([^()]*\)[?*]", "", pattern.split("|")[0])
    try:
        return candidate if re.fullmatch(pattern, candidate) else None
    except re.error:
        return None


def mutations(doc: etree._ElementTree, schema: Schema, rnd: random.Random):
    """Broken (or sometimes still valid) variants of a document, one change each."""
    names = [s.element_name for s in schema.elements()]
    for _ in range(4):
        d = copy.deepcopy(doc)
        els = list(d.getroot().iter())
        i = rnd.randrange(len(els))
        victim = els[i]
        kind = rnd.choice(["delete", "duplicate", "attribute", "rename", "text", "repeat-child"])
        parent = victim.getparent()
        if kind == "delete" and parent is not None:
            parent.remove(victim)
        elif kind == "duplicate" and parent is not None:
            victim.addnext(_without_ids(victim))
        elif kind == "attribute":
            victim.set("bogus", "1")
        elif kind == "rename":
            q = etree.QName(victim)
            new = rnd.choice(names)
            victim.tag = f"{{{q.namespace}}}{new}" if q.namespace else new
        elif kind == "text":
            victim.insert(0, etree.Comment("c"))
            victim.text = "stray text"
        elif kind == "repeat-child" and len(victim):
            victim.append(_without_ids(victim[0]))
        yield kind, d


def _without_ids(el: etree._Element) -> etree._Element:
    """A copy without xml:id, so a duplicated element does not duplicate an ID."""
    dup = copy.deepcopy(el)
    for e in dup.iter():
        e.attrib.pop(f"{{{XML}}}id", None)
    return dup
