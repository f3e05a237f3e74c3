"""RELAX NG patterns as XML Schema: content as particles, attribute values as simple types.

Used by the fast path (fastpath.py). Attribute value patterns become anonymous simple
types (`data` with params, one restriction step per pattern since RELAX NG ANDs them;
`value`; `choice` as a union; `list`). Content patterns become particles for the one-pass
XSD:

libxml2 validates an XSD content model (a compiled automaton) faster than it matches
RELAX NG, even element-only RELAX NG. When every element of a batch has a content pattern
that translates, the fast path is a single XSD pass. The translation only has to be
*sound*: whatever the XSD accepts, the RELAX NG pattern accepts (anything else is checked
again against the original grammar). So only what maps exactly is translated: groups,
choices, optional/zeroOrMore/oneOrMore, empty, references, element references, and text
only as mixed content (`(text | …)*`), a datatype alone as simple content; interleave,
name classes and text or data in any other place make the element untranslatable. Content
models XSD finds ambiguous (its Unique Particle Attribution rule) fail to compile; the
caller then leaves those elements out.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
_R = f"{{{RNG_NS}}}"
_X = f"{{{XSD_NS}}}"
_REPEATS = {f"{_R}zeroOrMore": "0", f"{_R}oneOrMore": "1"}
_VALUES = {f"{_R}data", f"{_R}value", f"{_R}list"}      # content that is a datatype
XSD_DATATYPES = "http://www.w3.org/2001/XMLSchema-datatypes"
# Datatypes whose meaning depends on context or on other attributes: not translated.
_CONTEXTUAL = {"QName", "NOTATION", "ENTITY", "ENTITIES", "IDREF", "IDREFS"}
_FACETS = {"length", "minLength", "maxLength", "pattern", "totalDigits", "fractionDigits",
           "minInclusive", "maxInclusive", "minExclusive", "maxExclusive"}


class Untranslatable(Exception):
    """No sound XSD for this pattern: the element stays with RELAX NG alone."""


class XsdTranslator:
    """Translates the patterns of one grammar.

    `defines` maps define names to their patterns; `element_ref(pattern)` gives the QName
    string (prefix:local) an `<element>` pattern is referenced by in the XSD.
    """

    def __init__(self, defines: dict[str, list[etree._Element]],
                 element_ref: Callable[[etree._Element], str]) -> None:
        self.defines = defines
        self.element_ref = element_ref
        self._active: set[str] = set()

    def content(self, patterns: list[etree._Element]) -> tuple[etree._Element, str]:
        """An element's content patterns as ("element" or "mixed", an xs:sequence) or, for
        a datatype (`data`, values, a list), as ("simple", an anonymous xs:simpleType)."""
        patterns = [p for p in patterns if p.tag != f"{_R}empty"]
        sequence = etree.Element(f"{_X}sequence")
        if len(patterns) == 1:
            repeated = self._mixed_repetition(patterns[0])
            if repeated is not None:
                if len(repeated):
                    sequence.append(repeated)
                return sequence, "mixed"
            target = self._resolve(patterns[0])
            if target.tag == f"{_R}text":
                return sequence, "mixed"
            if target.tag in _VALUES:
                return self.simple_type(target), "simple"
        for p in patterns:
            particle = self.particle(p)
            if particle is not None:
                sequence.append(particle)
        return sequence, "element"

    def _resolve(self, node: etree._Element) -> etree._Element:
        """Follow refs to a define's single pattern (not into element patterns)."""
        seen = set()
        while node.tag == f"{_R}ref" and node.get("name") not in seen:
            seen.add(node.get("name"))
            body = self.body(node)
            if len(body) != 1 or body[0].tag == f"{_R}element":
                return node
            node = body[0]
        return node

    def body(self, ref: etree._Element) -> list[etree._Element]:
        """The patterns a ref stands for (a define split with `combine` is not handled)."""
        parts = self.defines.get(ref.get("name", ""), [])
        if len(parts) != 1 or parts[0].get("combine"):
            raise Untranslatable
        return patterns(parts[0])

    def _mixed_repetition(self, node: etree._Element) -> etree._Element | None:
        """For `(text | a | b …)*` or `+`: a repeated xs:choice of the other branches."""
        node = self._resolve(node)
        if node.tag not in _REPEATS:
            return None
        kids = patterns(node)
        if len(kids) != 1:
            return None
        branches = self._choice_branches(kids[0])
        if branches is None or not any(b.tag == f"{_R}text" for b in branches):
            return None
        choice = etree.Element(f"{_X}choice", minOccurs="0", maxOccurs="unbounded")
        self._add_branches(choice, [b for b in branches
                                    if b.tag not in (f"{_R}text", f"{_R}empty")])
        return choice if len(choice) else etree.Element(f"{_X}sequence")

    def _choice_branches(self, node: etree._Element) -> list[etree._Element] | None:
        """The alternatives of a choice, nested choices and refs to choices flattened."""
        node = self._resolve(node)
        if node.tag != f"{_R}choice":
            return [node]
        out: list[etree._Element] = []
        for c in patterns(node):
            out += self._choice_branches(c) or []
        return out

    def _add_branches(self, choice: etree._Element, branches: list[etree._Element]) -> None:
        """Append translated branches, each element reference once (a repeated reference
        is ambiguous for XSD and means nothing more)."""
        refs: set[str] = set()
        for b in branches:
            particle = self.particle(b)
            if particle is None:
                raise Untranslatable              # an empty branch inside a repetition
            key = particle.get("ref") if particle.tag == f"{_X}element" and len(
                particle.attrib) == 1 else None
            if key is not None:
                if key in refs:
                    continue
                refs.add(key)
            choice.append(particle)

    def particle(self, node: etree._Element) -> etree._Element | None:
        """The particle for one pattern (None for `empty`)."""
        tag = node.tag
        if tag == f"{_R}element":
            if node.get("name") is None:
                raise Untranslatable
            return etree.Element(f"{_X}element", ref=self.element_ref(node))
        if tag == f"{_R}ref":
            name = node.get("name", "")
            body = self.body(node)
            if len(body) == 1 and body[0].tag == f"{_R}element":
                return self.particle(body[0])
            if name in self._active:
                raise Untranslatable              # recursion outside an element
            self._active.add(name)
            try:
                return self._sequence_of(body)
            finally:
                self._active.discard(name)
        if tag == f"{_R}empty":
            return None
        if tag == f"{_R}group":
            return self._sequence_of(patterns(node))
        if tag == f"{_R}choice":
            branches = self._choice_branches(node) or []
            optional = any(b.tag == f"{_R}empty" for b in branches)
            choice = etree.Element(f"{_X}choice")
            self._add_branches(choice, [b for b in branches if b.tag != f"{_R}empty"])
            if not len(choice):
                return None
            if optional:
                choice.set("minOccurs", "0")
            return choice
        if tag in _REPEATS or tag == f"{_R}optional":
            inner = self._sequence_of(patterns(node))
            if inner is None:
                return None
            if inner.get("minOccurs") is not None or inner.get("maxOccurs") is not None:
                wrapper = etree.Element(f"{_X}sequence")
                wrapper.append(inner)
                inner = wrapper
            inner.set("minOccurs", _REPEATS.get(tag, "0"))
            if tag in _REPEATS:
                inner.set("maxOccurs", "unbounded")
            if inner.get("minOccurs") == "1":
                del inner.attrib["minOccurs"]
            return inner
        raise Untranslatable                      # text, interleave, data, lists, …

    def _sequence_of(self, patterns: list[etree._Element]) -> etree._Element | None:
        particles = [p for p in (self.particle(c) for c in patterns) if p is not None]
        if not particles:
            return None
        if len(particles) == 1:
            return particles[0]
        sequence = etree.Element(f"{_X}sequence")
        sequence.extend(particles)
        return sequence

    def simple_type(self, node: etree._Element) -> etree._Element:
        """An anonymous xs:simpleType accepting at most what the value pattern accepts."""
        tag = node.tag
        if tag == f"{_R}ref":
            body = self.body(node)
            if len(body) != 1:
                raise Untranslatable
            return self.simple_type(body[0])
        if tag == f"{_R}text":
            return _restriction("xs:string")
        if tag == f"{_R}data":
            return _data_type(node)
        if tag == f"{_R}value":
            base = _builtin(node, node.get("type", "token"))
            st = _restriction(base)
            etree.SubElement(st[0], f"{_X}enumeration", value=node.text or "")
            return st
        if tag == f"{_R}choice":
            return _union([self.simple_type(c) for c in patterns(node)])
        if tag == f"{_R}list":
            return self._list_type(patterns(node))
        raise Untranslatable

    def _list_type(self, kids: list[etree._Element]) -> etree._Element:
        if len(kids) != 1:
            raise Untranslatable
        item, facets = _list_item(kids[0])
        item_type = self.simple_type(item)
        if item_type.find(f"{_X}list") is not None:
            raise Untranslatable
        listed = etree.Element(f"{_X}simpleType")
        etree.SubElement(listed, f"{_X}list").append(item_type)
        if not facets:
            return listed
        st = etree.Element(f"{_X}simpleType")
        restriction = etree.SubElement(st, f"{_X}restriction")
        restriction.append(listed)
        for name, value in facets:
            etree.SubElement(restriction, f"{_X}{name}", value=value)
        return st


def _list_item(item: etree._Element) -> tuple[etree._Element, list[tuple[str, str]]]:
    """A list's one token pattern and its length facets: `x+`, `x*`, `x`, or the flat
    `group(x, optional(x)…)` the ODD compiler writes for a bounded datatype."""
    if item.tag in (f"{_R}oneOrMore", f"{_R}zeroOrMore"):
        inner = patterns(item)
        if len(inner) != 1:
            raise Untranslatable
        return inner[0], [("minLength", "1")] if item.tag == f"{_R}oneOrMore" else []
    if item.tag != f"{_R}group":
        return item, [("length", "1")]
    tokens = []
    for part in patterns(item):
        optional = part.tag == f"{_R}optional" and len(patterns(part)) == 1
        tokens.append((patterns(part)[0] if optional else part, not optional))
    if len({_shape(token) for token, _ in tokens}) != 1:
        raise Untranslatable
    required = sum(req for _, req in tokens)
    return tokens[0][0], [("minLength", str(required)), ("maxLength", str(len(tokens)))]


def _shape(node: etree._Element) -> tuple:
    """A pattern's structure without its layout whitespace, to compare two patterns."""
    return (node.tag, tuple(sorted(node.attrib.items())), (node.text or "").strip(),
            tuple(_shape(c) for c in node if isinstance(c.tag, str)))


def _union(members: list[etree._Element]) -> etree._Element:
    """A union kept small: nested unions flattened, enumerations over one base merged into
    one restriction, a single member unwrapped (each member costs libxml2 a try)."""
    flat: list[etree._Element] = []
    for m in members:
        inner = m.find(f"{_X}union")
        flat += list(inner) if inner is not None else [m]
    merged: list[etree._Element] = []
    enums: dict[str, etree._Element] = {}
    for m in flat:
        r = m.find(f"{_X}restriction")
        if r is not None and r.get("base") and len(r) and all(
                f.tag == f"{_X}enumeration" for f in r):
            if r.get("base") in enums:
                enums[r.get("base", "")].extend(list(r))
                continue
            enums[r.get("base", "")] = r
        merged.append(m)
    if not merged:
        raise Untranslatable
    if len(merged) == 1:
        return merged[0]
    st = etree.Element(f"{_X}simpleType")
    etree.SubElement(st, f"{_X}union").extend(merged)
    return st


def _builtin(node: etree._Element, type_name: str) -> str:
    library = inherited(node, "datatypeLibrary") or ""
    if library == "":
        if type_name not in ("string", "token"):
            raise Untranslatable
        return f"xs:{type_name}"
    if library != XSD_DATATYPES or type_name in _CONTEXTUAL:
        raise Untranslatable
    return f"xs:{type_name}"


def _data_type(node: etree._Element) -> etree._Element:
    """data with params: one restriction step per pattern (RELAX NG ANDs its pattern
    params; XML Schema ORs patterns given in the same step)."""
    base = _builtin(node, node.get("type", ""))
    params = patterns(node)
    if any(p.tag != f"{_R}param" or p.get("name") not in _FACETS for p in params):
        raise Untranslatable                               # <except>, unknown params
    regexes = [p for p in params if p.get("name") == "pattern"]
    others = [p for p in params if p.get("name") != "pattern"]
    st = _restriction(base)
    for p in others:
        etree.SubElement(st[0], f"{_X}{p.get('name')}", value=p.text or "")
    for i, p in enumerate(regexes):
        if i:
            outer = etree.Element(f"{_X}simpleType")
            etree.SubElement(outer, f"{_X}restriction").append(st)
            st = outer
        etree.SubElement(st[0], f"{_X}pattern", value=p.text or "")
    return st


def plain_builtin(simple: etree._Element) -> str | None:
    """The built-in type a simple type merely names (a restriction without facets)."""
    r = simple.find(f"{_X}restriction")
    return r.get("base") if r is not None and len(r) == 0 and r.get("base") else None


def _restriction(base: str) -> etree._Element:
    st = etree.Element(f"{_X}simpleType")
    etree.SubElement(st, f"{_X}restriction", base=base)
    return st


def inherited(node: etree._Element, name: str) -> str | None:
    for el in (node, *node.iterancestors()):
        if el.get(name) is not None:
            return el.get(name)
    return None


def patterns(node: etree._Element) -> list[etree._Element]:
    """A pattern's child patterns (annotations and comments are not)."""
    return [c for c in node if isinstance(c.tag, str)]


def defines_of(root: etree._Element) -> dict[str, list[etree._Element]]:
    """A grammar's `define`s by name (several when they are combined)."""
    defines: dict[str, list[etree._Element]] = {}
    for d in root.iter(f"{_R}define"):
        defines.setdefault(d.get("name", ""), []).append(d)
    return defines
