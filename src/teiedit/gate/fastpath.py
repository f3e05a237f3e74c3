"""A quick yes/no verdict for RELAX NG: structure by libxml2, attributes by an XSD.

TEI gives every element thirty-odd optional attributes (att.global and its classes).
libxml2 validates each `<optional><attribute>` by copying its validation state, trying the
attribute and restoring the copy, on every element, whether the attribute is there or
not; attribute patterns also keep content models from being compiled into automata. That
is ~85 % of its RELAX NG time on TEI. Its XML Schema validator looks attributes up instead.

So a grammar is split in two:
- a *structure grammar*: the same grammar, except that element patterns whose attributes
  can be expressed in XML Schema accept any attribute but xsi:* ones;
- an *attribute schema* (XSD): one global declaration per element name of the grammar,
  with exactly those attributes and their datatypes, any content (strict wildcard).

A third check is tried first: one XSD with the content models translated as well
(rng_to_xsd.py), when every element the batch uses translates and XSD finds the models
unambiguous; it replaces both passes (a third of the original grammar's time on TEI).
Its root element is checked against the grammar's start, and documents that may carry
xsi: attributes skip it.

A document passing the pair (or the one XSD) is valid against the original grammar:
the split is only made where it is exact or stricter (every element name is matched by a
single pattern; ID attributes are all in the XSD; IDREF makes the whole grammar unsplit,
because libxml2's XSD does not resolve references as its RELAX NG does). Anything the fast
path rejects is validated again against the original grammar, which decides and gives
libxml2's messages, so an over-strict fast path costs time, never a wrong verdict.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from teiedit.gate.rng_to_xsd import (
    Untranslatable,
    XsdTranslator,
    defines_of,
    inherited,
    patterns,
    plain_builtin,
)

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# XML Schema validators act on these attributes and accept them on any element; the
# structure grammar refuses them, so that only the original grammar can accept them.
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_R = f"{{{RNG_NS}}}"
_X = f"{{{XSD_NS}}}"
_CONTAINERS = {f"{_R}{n}" for n in ("group", "optional", "zeroOrMore", "oneOrMore",
                                     "choice", "interleave", "mixed", "list")}


@dataclass
class FastPath:
    """The compiled checks; a document they accept is one the original grammar accepts.

    `whole` is one XSD with the content models translated as well (see rng_to_xsd),
    declaring only the optional attributes the batch has shown so far (each declared
    attribute costs the XSD validator on every element); it is tried first, and
    `structure` + `attributes` decide when it rejects.
    """

    structure: etree.RelaxNG
    attributes: etree.XMLSchema
    split: int
    roots: frozenset[str] = frozenset()     # Clark names the grammar's start allows
    whole: etree.XMLSchema | None = None
    _whole_from: tuple | None = None        # what `with_attributes` recompiles from
    hits: int = 0                           # documents `whole` accepted / the pair had to
    misses: int = 0

    def verdict(self, tree: etree._ElementTree, *, whole_allowed: bool = True) -> str:
        """"whole" or "pair" (which accepted), "pair after whole" (the pair accepted what
        `whole` rejected), or "" (rejected). `whole_allowed=False` for documents that may
        carry xsi: attributes, which an XSD accepts anywhere (the pair does not)."""
        tried = (whole_allowed and self.whole is not None
                 and tree.getroot().tag in self.roots)   # XSD has no start: any global
        if tried and self.whole.validate(tree):         # element would do as root
            return "whole"
        if not (self.structure.validate(tree) and self.attributes.validate(tree)):
            return ""
        return "pair after whole" if tried else "pair"

    def with_attributes(self, attributes: frozenset[str] | None) -> None:
        """Recompile `whole` declaring these optional attributes (Clark names; None: all)."""
        if self._whole_from is not None:
            try:
                self.whole = _compile_whole(*self._whole_from, attributes)
            except Exception:     # an optimisation never stops a run: the pair decides
                self.whole = None


def build(grammar: etree._ElementTree, attributes: frozenset[str] | None = None
          ) -> FastPath | None:
    """The fast path for a (simplified enough) grammar, or None when splitting would not be
    exact or would not help. `attributes`: the optional attributes `whole` declares (None:
    all)."""
    root = copy.deepcopy(grammar).getroot()
    if any(d.get("type") in ("IDREF", "IDREFS") for d in root.iter(f"{_R}data")):
        return None
    splitter = _Splitter(root)
    plans = splitter.plans()
    if not plans:
        return None
    contents = splitter.contents(plans)
    for element, content, _ in plans.values():
        _accept_any_attributes(element, content)
    if splitter.unsplit_has_id():
        return None
    try:
        structure = etree.RelaxNG(etree.ElementTree(root))
        attribute_schema = _compile_xsd(splitter.schemas(plans))
    except (etree.RelaxNGParseError, etree.XMLSchemaParseError):
        return None          # the original grammar decides alone
    roots = _start_names(root)
    fast = FastPath(structure, attribute_schema, len(plans), roots or frozenset())
    if roots and contents:
        fast._whole_from = (splitter, plans, contents)
        fast.with_attributes(attributes)
    return fast


def start_elements(root: etree._Element) -> tuple[list[etree._Element], bool]:
    """The element patterns a document's root can match (found through refs and any
    pattern around them), and whether `start` is nothing but a choice of them."""
    defines = defines_of(root)
    found: list[etree._Element] = []
    only_choices = True
    seen: set[str] = set()
    todo = [p for s in root.iterchildren(f"{_R}start") for p in patterns(s)]
    while todo:
        node = todo.pop()
        if node.tag == f"{_R}element":
            found.append(node)
            continue
        if node.tag == f"{_R}ref":
            if node.get("name", "") not in seen:
                seen.add(node.get("name", ""))
                todo += [p for d in defines.get(node.get("name", ""), []) for p in patterns(d)]
            continue
        only_choices = only_choices and node.tag == f"{_R}choice"
        todo += patterns(node)
    return found, only_choices


def _start_names(root: etree._Element) -> frozenset[str] | None:
    """Clark names of the elements `start` is a choice of, or None when it is more."""
    elements, only_choices = start_elements(root)
    names = [_element_qname(e) for e in elements]
    if not only_choices or not names or None in names:
        return None
    return frozenset(f"{{{ns}}}{local}" if ns else local for ns, local in names)


class _Splitter:
    def __init__(self, root: etree._Element) -> None:
        self.defines = defines_of(root)
        self._has_attr: dict[str, bool] = {}
        self.elements = [e for e in root.iter(f"{_R}element")]
        self.names = {e: _element_qname(e) for e in self.elements}
        self.split: set[etree._Element] = set()
        # global attribute declarations of namespaced attributes, by (ns, local)
        self.global_attributes: dict[tuple[str, str], str] = {}
        self.translator = XsdTranslator(self.defines, self._element_ref)

    def _element_ref(self, element: etree._Element) -> str:
        """How the XSD refers to an element pattern's global declaration (only asked once
        every attribute namespace is known, so that prefixes are final)."""
        name = self.names.get(element) or _element_qname(element)
        if name is None:
            raise Untranslatable
        return f"{self.prefixes()[name[0]]}:{name[1]}" if name[0] else name[1]

    def plans(self) -> dict[tuple[str, str], tuple[etree._Element, list, list]]:
        """Per element name with a single pattern: (pattern, content, attribute decls)."""
        count = Counter(n for n in self.names.values() if n is not None)
        plans = {}
        for element in self.elements:
            name = self.names[element]
            if name is None or count[name] > 1:
                continue
            try:
                content, attributes = self._top_level(element)
                declarations = [self._declaration(opt, a) for opt, a in attributes]
            except Untranslatable:
                continue
            plans[name] = (element, content, declarations)
        self.split = {p[0] for p in plans.values()}
        return plans

    # -- which children are attributes -------------------------------------------------

    def has_attribute(self, node: etree._Element) -> bool:
        """Whether an attribute pattern is reachable without entering a child element."""
        tag = node.tag
        if tag == f"{_R}attribute":
            return True
        if tag == f"{_R}ref":
            name = node.get("name", "")
            if name not in self._has_attr:
                self._has_attr[name] = True       # a cycle through refs: assume the worst
                self._has_attr[name] = any(self.has_attribute(c)
                                           for d in self.defines.get(name, [])
                                           for c in patterns(d))
            return self._has_attr[name]
        if tag in _CONTAINERS:
            return any(self.has_attribute(c) for c in patterns(node))
        return False

    def _attributes_of(self, node: etree._Element, optional: bool,
                       out: list[tuple[bool, etree._Element]]) -> None:
        tag = node.tag
        if tag == f"{_R}attribute":
            if node.get("name") is None:
                raise Untranslatable                      # a name class, not one name
            out.append((optional, node))
        elif tag == f"{_R}ref":
            for c in self.translator.body(node):
                self._attributes_of(c, optional, out)
        elif tag == f"{_R}group":
            for c in patterns(node):
                self._attributes_of(c, optional, out)
        elif tag == f"{_R}optional":
            kids = patterns(node)
            if len(kids) != 1 or (kids[0].tag == f"{_R}group" and len(patterns(kids[0])) > 1):
                raise Untranslatable                      # several attributes present together
            self._attributes_of(kids[0], True, out)
        elif tag != f"{_R}empty":
            raise Untranslatable                          # a choice between attributes, …

    def _top_level(self, element: etree._Element) -> tuple[
            list[etree._Element], list[tuple[bool, etree._Element]]]:
        """An element pattern's children as content patterns and attributes."""
        if element.get("name") is None:
            raise Untranslatable
        content: list[etree._Element] = []
        attributes: list[tuple[bool, etree._Element]] = []
        todo = patterns(element)
        while todo:
            node = todo.pop(0)
            if not self.has_attribute(node):
                content.append(node)
            elif node.tag == f"{_R}group":
                todo[:0] = patterns(node)
            else:
                self._attributes_of(node, False, attributes)
        names = [_attribute_qname(a) for _, a in attributes]
        if len(set(names)) != len(names):
            raise Untranslatable
        return content, attributes

    def unsplit_has_id(self) -> bool:
        """An ID attribute left to RELAX NG would not see the XSD's IDs (nor they its)."""
        seen: set[str] = set()

        def reaches_id(node: etree._Element) -> bool:
            for child in patterns(node):
                if child.tag == f"{_R}data" and child.get("type") == "ID":
                    return True
                if child.tag == f"{_R}ref" and child.get("name", "") not in seen:
                    seen.add(child.get("name", ""))
                    if any(reaches_id(d) for d in self.defines.get(child.get("name", ""), [])):
                        return True
                elif child.tag != f"{_R}element" and reaches_id(child):
                    return True
            return False

        return any(reaches_id(e) for e in self.elements if e not in self.split)

    # -- XSD ---------------------------------------------------------------------------

    def _declaration(self, optional: bool, attribute: etree._Element) -> etree._Element:
        ns, local = _attribute_qname(attribute)
        value = patterns(attribute)
        simple = self.translator.simple_type(value[0]) if value else None
        if len(value) > 1:
            raise Untranslatable
        decl = etree.Element(f"{_X}attribute")
        if ns:
            key = (ns, local)
            text = etree.tostring(simple) if simple is not None else b""
            if self.global_attributes.setdefault(key, text) != text:
                raise Untranslatable                      # one global declaration per name
            decl.set("ref", f"_:{local}")          # prefix chosen in schemas()
            decl.set("_ns", ns)
        else:
            decl.set("name", local)
        if simple is not None and plain_builtin(simple):
            decl.set("type", plain_builtin(simple))       # a built-in type is checked faster
        elif simple is not None:
            decl.append(simple)                     # a global one's moves there later
        decl.set("use", "optional" if optional else "required")
        return decl

    def prefixes(self) -> dict[str, str]:
        """A prefix for every namespace the schema documents refer to (no namespace and
        the XML namespace need none)."""
        spaces = {ns for ns, _ in self.global_attributes} | {
            n[0] for n in self.names.values() if n is not None}
        return {ns: f"ns{i}" for i, ns in enumerate(sorted(spaces - {"", XML_NS}))}

    def contents(self, plans) -> dict[tuple[str, str], tuple[etree._Element, str]]:
        """The XSD content of each planned element whose content pattern translates."""
        out = {}
        for name, (_, content, _) in plans.items():
            try:
                out[name] = self.translator.content(content)
            except Untranslatable:
                continue
        return out

    def schemas(self, plans, contents=None, attributes: frozenset[str] | None = None
                ) -> dict[str, etree._Element]:
        """One schema document per namespace (of elements and of attributes). Element
        content is a strict wildcard, or with `contents` the translated content model
        (elements without one are then abstract: never valid in this schema). With
        `attributes`, optional attributes not named there (Clark names) are left out."""
        prefixes = self.prefixes()
        nsmap = {"xs": XSD_NS, **{p: n for n, p in prefixes.items()}}
        docs: dict[str, etree._Element] = {}

        def doc(ns: str) -> etree._Element:
            if ns not in docs:
                docs[ns] = etree.Element(f"{_X}schema", nsmap=nsmap,
                                         elementFormDefault="qualified")
                if ns:
                    docs[ns].set("targetNamespace", ns)
            return docs[ns]

        declared: set[tuple[str, str]] = set()
        for element in self.elements:
            name = self.names[element]
            if name is None or name in declared:
                continue
            declared.add(name)
            declaration = etree.SubElement(doc(name[0]), f"{_X}element", name=name[1])
            if contents is not None and name not in contents:
                declaration.set("abstract", "true")
                continue
            ct = etree.SubElement(declaration, f"{_X}complexType", mixed="true")
            holder = ct                     # where the attribute declarations go
            if contents is None:
                etree.SubElement(etree.SubElement(ct, f"{_X}sequence"), f"{_X}any",
                                 processContents="strict", namespace="##any", minOccurs="0",
                                 maxOccurs="unbounded")
            elif contents[name][1] == "simple":
                # simple content with attributes extends a *named* simple type
                del ct.attrib["mixed"]
                value_type = copy.deepcopy(contents[name][0])
                value_type.set("name", f"_value{len(declared)}")
                doc(name[0]).append(value_type)
                base = value_type.get("name", "")
                holder = etree.SubElement(etree.SubElement(ct, f"{_X}simpleContent"),
                                          f"{_X}extension",
                                          base=f"{prefixes[name[0]]}:{base}" if name[0] else base)
            else:
                ct.append(copy.deepcopy(contents[name][0]))
                ct.set("mixed", "true" if contents[name][1] == "mixed" else "false")
            if name not in plans:
                etree.SubElement(ct, f"{_X}anyAttribute", processContents="skip",
                                 namespace="##any")
                continue
            for decl in plans[name][2]:
                if attributes is None or decl.get("use") == "required" or (
                        _clark(decl) in attributes):
                    holder.append(_placed(decl, prefixes, doc, declared))
        return docs


def _placed(decl: etree._Element, prefixes: dict[str, str], doc, declared: set) -> etree._Element:
    """A copy of a planned attribute declaration for an element's type. A namespaced
    attribute becomes a reference, its type going to the one global declaration of that
    name in its namespace's schema document (made on first use)."""
    decl = copy.deepcopy(decl)
    ns = decl.attrib.pop("_ns", None)
    if ns is None:
        return decl
    local = decl.get("ref", "").partition(":")[2]
    decl.set("ref", f"{prefixes.get(ns, 'xml')}:{local}")
    simple = decl.find(f"{_X}simpleType")
    if simple is not None:
        decl.remove(simple)
    builtin = decl.attrib.pop("type", None)
    if ("@" + ns, local) not in declared:
        declared.add(("@" + ns, local))
        glob = etree.SubElement(doc(ns), f"{_X}attribute", name=local)
        if builtin:
            glob.set("type", builtin)
        if simple is not None:
            glob.append(simple)
    return decl


def _accept_any_attributes(element: etree._Element, content: list[etree._Element]) -> None:
    """Content first (in order, groups flattened), then `attribute * - xsi:* { text }*`. `empty`
    is dropped: group(p, empty) = p, and an `<empty/>` beside other patterns trips a
    libxml2 bug (see relaxng._tidy)."""
    for child in patterns(element):
        element.remove(child)
    element.extend(c for c in content if c.tag != f"{_R}empty")
    any_attribute = etree.SubElement(etree.SubElement(element, f"{_R}zeroOrMore"),
                                     f"{_R}attribute")
    except_xsi = etree.SubElement(etree.SubElement(any_attribute, f"{_R}anyName"),
                                  f"{_R}except")
    etree.SubElement(except_xsi, f"{_R}nsName", ns=XSI_NS)


class _InMemory(etree.Resolver):
    """Serves the generated schema documents to each other's imports; nothing else."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files

    def resolve(self, url, pubid, context):
        name = (url or "").rpartition("/")[2]
        if name in self.files:
            return self.resolve_string(self.files[name], context)
        return None


class _Ambiguous(Exception):
    """XSD found these elements' content models ambiguous (Unique Particle Attribution)."""

    def __init__(self, names: set[tuple[str, str]]) -> None:
        super().__init__(names)
        self.names = names


def _compile_xsd(docs: dict[str, etree._Element]) -> etree.XMLSchema:
    """Compile the schema documents, each importing the others, from memory."""
    files = {ns: f"ns{i}.xsd" for i, ns in enumerate(sorted(docs))}
    for ns, schema in docs.items():
        for other in sorted(docs):
            if other != ns:
                imp = etree.Element(f"{_X}import", schemaLocation=files[other])
                if other:
                    imp.set("namespace", other)
                schema.insert(0, imp)
    texts = {files[ns]: etree.tostring(d, pretty_print=True) for ns, d in docs.items()}
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_InMemory(texts))
    first = files[sorted(docs)[0]]
    main = etree.fromstring(texts[first], parser, base_url=f"teiedit-fastpath:/{first}")
    try:
        return etree.XMLSchema(main)
    except etree.XMLSchemaParseError as e:
        names = _ambiguous(e.error_log, texts)
        if names:
            raise _Ambiguous(names) from None
        raise


def _ambiguous(log, texts: dict[str, bytes]) -> set[tuple[str, str]]:
    """The elements whose content models an error log calls not deterministic (found
    by the line of the error in the pretty-printed schema document)."""
    names = set()
    for entry in log:
        if entry.type_name != "SCHEMAP_NOT_DETERMINISTIC":
            continue
        name = (entry.filename or "").rpartition("/")[2]
        if name not in texts:
            return set()
        schema = etree.fromstring(texts[name])
        owner = None
        for el in schema.iterchildren(f"{_X}element"):
            if el.sourceline <= entry.line:
                owner = el
        if owner is None:
            return set()
        names.add((schema.get("targetNamespace", ""), owner.get("name", "")))
    return names


def _compile_whole(splitter: _Splitter, plans, contents,
                   attributes: frozenset[str] | None) -> etree.XMLSchema | None:
    """The one-pass XSD; elements whose models XSD finds ambiguous are left abstract (a
    document using them goes the two-pass way)."""
    contents = dict(contents)
    while contents:
        try:
            return _compile_xsd(splitter.schemas(plans, contents, attributes))
        except _Ambiguous as e:
            if not e.names & contents.keys():
                return None
            for name in e.names:
                contents.pop(name, None)
        except etree.XMLSchemaParseError:
            return None
    return None


def _clark(decl: etree._Element) -> str:
    """The Clark name of the attribute an xs:attribute declaration (as planned) is for."""
    ns = decl.get("_ns")
    return f"{{{ns}}}{decl.get('ref', '').partition(':')[2]}" if ns else decl.get("name", "")


def _element_qname(element: etree._Element) -> tuple[str, str] | None:
    name = element.get("name")
    if name is None:
        return None
    prefix, _, local = name.rpartition(":")
    if prefix:
        return element.nsmap.get(prefix, ""), local
    return inherited(element, "ns") or "", local


def _attribute_qname(attribute: etree._Element) -> tuple[str, str]:
    name = attribute.get("name", "")
    prefix, _, local = name.rpartition(":")
    if prefix == "xml":
        return XML_NS, local
    if prefix:
        return attribute.nsmap.get(prefix, ""), local
    return attribute.get("ns", ""), local
