"""Read an ODD and resolve it against the TEI source into one flat set of specifications.

This is the Python counterpart of the TEI Stylesheets' odd2odd step: moduleRef selects
specifications from p5subset.xml, the ODD's own elementSpec/classSpec/macroSpec/dataSpec
add, change, replace or delete them, class memberships are collected, and references to
things the customization left out are pruned. Every problem is a TeieditError with the ODD
file and line.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from teiedit.schema import patterns as P
from teiedit.xmlio import XINCLUDE_NS, TeieditError, expand_xincludes, read_untrusted

TEI = "http://www.tei-c.org/ns/1.0"
RNG = "http://relaxng.org/ns/structure/1.0"
SCH = "http://purl.oclc.org/dsdl/schematron"
SCH15 = "http://www.ascc.net/xml/schematron"  # Schematron 1.5, in older ODDs
EGXML = "http://www.tei-c.org/ns/Examples"
XML = "http://www.w3.org/XML/1998/namespace"
NS = {"t": TEI, "rng": RNG, "sch": SCH}
# schemaSpec/@defaultExceptions when absent: what anyElement without @except leaves out
DEFAULT_EXCEPTIONS = (TEI, f"{{{EGXML}}}egXML")
_PREFIXED = re.compile(r"([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)")

SPEC_KINDS = {"elementSpec": "element", "classSpec": "class", "macroSpec": "macro",
              "dataSpec": "data"}
EXPANSIONS = {"alternation", "sequence", "sequenceOptional", "sequenceRepeatable",
              "sequenceOptionalRepeatable"}
# schemaSpec children that pick one specification from the source by key
SELECTORS = {"moduleRef", "elementRef", "classRef", "macroRef", "dataRef"}


@dataclass
class ValItem:
    ident: str
    gloss: str = ""
    desc: str = ""


@dataclass
class AttDef:
    """One attribute definition; None fields were not given (they matter for mode="change")."""

    ident: str
    mode: str = "add"
    name: str | None = None  # altIdent: the attribute's name when it differs from ident
    usage: str | None = None
    datatype: P.Pattern | None = None
    list_occurs: tuple[int, int] | None = None
    val_type: str | None = None
    values: list[ValItem] | None = None
    default: str | None = None
    ns: str | None = None
    gloss: str | None = None
    desc: str | None = None
    examples: list[etree._Element] = field(default_factory=list)
    constraints: dict[str, etree._Element] = field(default_factory=dict)
    origin: str = ""
    line: int | None = None
    val_mode: str = "add"
    deleted_values: tuple[str, ...] = ()
    # attList org="choice": attributes with the same number exclude each other
    choice: int | None = None

    @property
    def attribute_name(self) -> str:
        return self.name or self.ident

    def merged(self, change: AttDef) -> AttDef:
        """This definition with the fields a mode="change" attDef gives replaced."""
        new = replace(self)
        for name in ("name", "usage", "datatype", "list_occurs", "default", "ns", "gloss", "desc"):
            if getattr(change, name) is not None:
                setattr(new, name, getattr(change, name))
        if change.examples:
            new.examples = change.examples
        if change.constraints:
            new.constraints = {**self.constraints, **change.constraints}
        if change.values is not None:
            if change.val_type is not None:
                new.val_type = change.val_type
            if change.val_mode == "change" and self.values is not None:
                keep = {v.ident: v for v in self.values}
                for v in change.values:
                    keep[v.ident] = v
                for gone in change.deleted_values:
                    keep.pop(gone, None)
                new.values = list(keep.values())
            else:
                new.values = change.values
        new.origin = change.origin or self.origin
        return new



@dataclass
class Spec:
    kind: str
    ident: str
    file: str
    line: int | None
    module: str | None = None
    ns: str | None = None
    name: str | None = None  # altIdent: the element's name when it differs from ident
    prefix: str | None = None  # elementSpec/@prefix: prefix of its RELAX NG pattern name
    class_type: str | None = None  # "model" or "atts" for classSpec
    gloss: str = ""
    desc: str = ""
    examples: list[etree._Element] = field(default_factory=list)
    member_of: dict[str, int | None] = field(default_factory=dict)
    content: P.Pattern | None = None
    attdefs: dict[str, AttDef] = field(default_factory=dict)
    constraints: dict[str, etree._Element] = field(default_factory=dict)

    @property
    def element_name(self) -> str:
        return self.name or self.ident


@dataclass
class Schema:
    """A resolved customization: what the generators need and nothing about how it was made."""

    ident: str
    file: str
    start: list[str]
    ns: str
    prefix: str
    specs: dict[str, Spec]
    members: dict[str, list[str]]  # model class -> live member idents (elements and classes)
    sch_ns: dict[str, str]
    title: str = ""
    line: int | None = None  # of schemaSpec: where messages about TEI's own specs point
    # what the official odd2odd ignores silently (names TEI lacks, changes to missing specs)
    warnings: list[TeieditError] = field(default_factory=list)
    # every file the compile read (the ODD, XIncludes, specGrpRef files, chained ODDs, the
    # TEI source), resolved: what a cache of the compiled schemas must be keyed on
    read: list[Path] = field(default_factory=list)
    _attributes: dict[str, dict[str, AttDef]] = field(default_factory=dict, repr=False,
                                                      compare=False)
    # results the writers derive more than once (class members, flattened content), by key
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def elements(self) -> list[Spec]:
        return [s for s in self.specs.values() if s.kind == "element"]

    def of_kind(self, kind: str) -> list[Spec]:
        return [s for s in self.specs.values() if s.kind == kind]

    def attributes(self, spec: Spec) -> list[AttDef]:
        """The effective attributes of an element or attribute class, inheritance applied
        (computed once: every writer asks for them)."""
        return list(self._attribute_dict(spec.ident).values())

    def _attribute_dict(self, ident: str) -> dict[str, AttDef]:
        # an attribute class's own result is shared by every member (class cycles are
        # refused before this runs), so tei_all's 587 elements reuse a few hundred dicts
        if ident not in self._attributes:
            self._attributes[ident] = _effective_atts(self, ident, ())
        return self._attributes[ident]


def _effective_atts(schema: Schema, ident: str, seen: tuple[str, ...]) -> dict[str, AttDef]:
    spec = schema.specs[ident]
    out: dict[str, AttDef] = {}
    for cls in spec.member_of:
        parent = schema.specs.get(cls)
        if parent is not None and parent.kind == "class" and parent.class_type == "atts":
            out.update(schema._attribute_dict(cls) if not seen else
                       _effective_atts(schema, cls, (*seen, ident)))
    for a in spec.attdefs.values():
        if a.mode == "delete":
            out.pop(a.ident, None)
        elif a.mode == "ref":
            if a.origin in schema.specs and a.origin not in seen:
                # attRef/@name may be written like a pattern name: "xmlid" for xml:id
                for found in _effective_atts(schema, a.origin, (*seen, ident)).values():
                    if a.ident in (found.ident, found.ident.replace(":", "")):
                        out[found.ident] = found
        elif a.mode == "change" and a.ident in out:
            out[a.ident] = out[a.ident].merged(a)
        else:
            out[a.ident] = a if a.mode == "add" else replace(a, mode="add")
    return out


# --------------------------------------------------------------------------- reading specs


def _text(el: etree._Element | None) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _lang_pick(parent: etree._Element, tag: str, lang: str) -> etree._Element | None:
    """The gloss/desc in the documentation language, else one without a language."""
    found = parent.findall(f"{{{TEI}}}{tag}")
    for el in found:
        if el.get(f"{{{XML}}}lang") == lang:
            return el
    for el in found:
        if el.get(f"{{{XML}}}lang") in (None, "en", "mul"):
            return el
    return None


def _occ(el: etree._Element, file: str, default_max: int = 1) -> tuple[int, int]:
    def num(name: str, default: int) -> int:
        v = el.get(name)
        if v is None:
            return default
        if v == "unbounded":
            return P.UNBOUNDED
        if not v.isdigit():
            raise TeieditError(f"@{name}={v!r} is not a number or 'unbounded'",
                               file=file, line=el.sourceline)
        return int(v)
    lo, hi = num("minOccurs", 1), num("maxOccurs", default_max)
    if hi != P.UNBOUNDED and hi < lo:
        hi = lo if el.get("maxOccurs") is None else hi
        if hi < lo:
            raise TeieditError(f"maxOccurs {hi} is below minOccurs {lo}", file=file,
                               line=el.sourceline)
    return lo, hi


def _dataref(el: etree._Element, file: str) -> P.Pattern:
    if el.get("key"):
        return P.Ref("data", el.get("key"), line=el.sourceline)
    if el.get("ref"):
        return P.Ref("any", el.get("ref"), line=el.sourceline)
    name = el.get("name")
    if not name:
        raise TeieditError("dataRef needs @key, @name or @ref", file=file, line=el.sourceline)
    params = [("pattern", el.get("restriction"))] if el.get("restriction") else []
    params += [(f.get("name"), f.get("value")) for f in el.findall(f"{{{TEI}}}dataFacet")]
    return P.Data(name, tuple(params))


def _ns_or_names(value: str | None, el: etree._Element) -> tuple[str, ...]:
    """Namespaces and prefixed names (teix:egXML) as namespaces and {namespace}names."""
    out = []
    for item in (value or "").split():
        m = _PREFIXED.fullmatch(item)
        if m and m.group(1) in el.nsmap:
            out.append(f"{{{el.nsmap[m.group(1)]}}}{m.group(2)}")
        else:
            out.append(item)
    return tuple(out)


def _with_exceptions(p: P.Pattern, exceptions: tuple[str, ...]) -> P.Pattern:
    """anyElement without @except gets the schema's default exceptions."""
    if isinstance(p, P.AnyElement) and p.exclude is None:
        return replace(p, exclude=exceptions)
    if isinstance(p, P.Seq | P.Alt | P.Interleave):
        return type(p)(tuple(_with_exceptions(i, exceptions) for i in p.items))
    if isinstance(p, P.Repeat | P.ListOf):
        return replace(p, item=_with_exceptions(p.item, exceptions))
    return p


def read_pattern(el: etree._Element, file: str) -> P.Pattern:
    """One pure-ODD or RELAX NG element as a pattern."""
    ns, tag = etree.QName(el).namespace, etree.QName(el).localname
    kids = [c for c in el if isinstance(c.tag, str)
            and etree.QName(c).namespace in (TEI, RNG)
            and etree.QName(c).localname not in ("desc", "gloss", "documentation")]
    if ns == TEI:
        if tag in ("sequence", "alternate"):
            items = [read_pattern(c, file) for c in kids]
            if tag == "alternate":
                body = P.alt(items)
            elif kids and all(etree.QName(c).localname == "dataRef" for c in kids):
                body = P.ListOf(P.seq(items))  # tokens in a row: a list, as odd2relax writes
            elif el.get("preserveOrder") == "false" and len(items) > 1:
                body = P.Interleave(tuple(items))
            else:
                body = P.seq(items)
            return P.occurs(body, *_occ(el, file))
        if tag in ("elementRef", "classRef", "macroRef"):
            kind = {"elementRef": "element", "classRef": "class", "macroRef": "macro"}[tag]
            key = el.get("key")
            if not key:
                raise TeieditError(f"{tag} without @key", file=file, line=el.sourceline)
            expand = el.get("expand") if kind == "class" else None
            if expand is not None and expand not in EXPANSIONS:
                expand = None  # odd2relax's fallback; the ODD's own ones are warned about
            if kind == "class" and (el.get("include") or el.get("except")):
                # as in the TEI Stylesheets, a filtered classRef defaults to a sequence
                expand = (f"{expand or 'sequence'}|include={el.get('include', '')}"
                          f"|except={el.get('except', '')}")
            ref = P.Ref(kind, key, expand, line=el.sourceline)
            return P.occurs(ref, *_occ(el, file))
        if tag == "dataRef":
            return _dataref(el, file)
        if tag == "textNode":
            return P.Text()
        if tag == "empty":
            return P.Empty()
        if tag == "anyElement":
            # @require is not expressed in RELAX NG, as in odd2relax (a warning says so);
            # without @except, schemaSpec/@defaultExceptions applies (set in compile_odd)
            exclude = _ns_or_names(el.get("except"), el) if el.get("except") else None
            return P.occurs(P.AnyElement((), exclude), *_occ(el, file))
        if tag == "valList":
            return P.alt([P.Value(_value_name(v)) for v in el.findall(f"{{{TEI}}}valItem")])
        if tag in ("content", "datatype"):
            return P.seq([read_pattern(c, file) for c in kids])
    elif ns == RNG and tag in ("element", "attribute"):
        # an element or attribute written in RELAX NG (name classes and all): kept as written
        # into the RELAX NG, as odd2relax copies it; in XSD an element wildcard
        excluded = tuple(n.get("ns", "") for n in el.iterfind(f"{{{RNG}}}anyName/{{{RNG}}}except/"
                                                             f"{{{RNG}}}nsName"))
        name, ns_of = el.get("name"), None
        if name and ":" in name:  # a prefixed name: its namespace from the ODD's declarations
            prefix, _, name = name.partition(":")
            ns_of = el.nsmap.get(prefix)
        else:
            ns_of = next((a.get("ns") for a in (el, *el.iterancestors())
                          if a.get("ns") is not None and etree.QName(a).namespace == RNG), None)
        return P.RawElement(etree.tostring(el, encoding="unicode"), excluded,
                            attribute=tag == "attribute", name=name or None, ns=ns_of)
    elif ns == RNG:
        items = [read_pattern(c, file) for c in kids]
        if tag == "group":
            return P.seq(items)
        if tag == "choice":
            return P.alt(items)
        if tag == "interleave":
            return P.Interleave(tuple(items)) if len(items) > 1 else P.seq(items)
        if tag in ("optional", "zeroOrMore", "oneOrMore"):
            lo, hi = {"optional": (0, 1), "zeroOrMore": (0, P.UNBOUNDED),
                      "oneOrMore": (1, P.UNBOUNDED)}[tag]
            return P.Repeat(P.seq(items), lo, hi)
        if tag == "mixed":
            return P.Interleave((P.Repeat(P.Text(), 0, P.UNBOUNDED), P.seq(items)))
        if tag == "ref":
            return P.Ref("any", el.get("name"), line=el.sourceline)
        if tag == "text":
            return P.Text()
        if tag == "empty":
            return P.Empty()
        if tag == "notAllowed":
            return P.NotAllowed()
        if tag == "data":
            params = tuple((p.get("name"), (p.text or "")) for p in el.findall(f"{{{RNG}}}param"))
            return P.Data(el.get("type"), params)
        if tag == "value":
            return P.Value(el.text or "", el.get("type", "token"))
        if tag == "list":
            return P.ListOf(P.seq(items))
    raise TeieditError(f"unsupported pattern <{tag}> in content ({ns}); use pure ODD "
                       "(sequence, alternate, elementRef, classRef, macroRef, dataRef, "
                       "textNode, empty, anyElement)", file=file, line=el.sourceline)


def _value_name(item: etree._Element) -> str:
    """A valItem's value: its altIdent when it has one, as odd2relax writes it."""
    alt = item.find(f"{{{TEI}}}altIdent")
    return _text(alt) if alt is not None and _text(alt) else item.get("ident", "")


def _read_attdef(el: etree._Element, origin: str, file: str, lang: str) -> AttDef:
    a = AttDef(ident=el.get("ident") or "", mode=el.get("mode", "add"), usage=el.get("usage"),
               ns=el.get("ns"), origin=origin, line=el.sourceline)
    if not a.ident:
        raise TeieditError("attDef without @ident", file=file, line=el.sourceline)
    alt = el.find(f"{{{TEI}}}altIdent")
    if alt is not None:
        a.name = _text(alt)
    dt = el.find(f"{{{TEI}}}datatype")
    if dt is not None:
        a.datatype = read_pattern(dt, file)
        lo, hi = _occ(dt, file)
        a.list_occurs = (lo, hi) if (lo, hi) != (1, 1) else None
    vl = el.find(f"{{{TEI}}}valList")
    if vl is not None:
        a.val_type = vl.get("type", "open")
        a.val_mode = vl.get("mode", "add")
        a.values = [ValItem(_value_name(v), _text(_lang_pick(v, "gloss", lang)),
                            _text(_lang_pick(v, "desc", lang)))
                    for v in vl.findall(f"{{{TEI}}}valItem") if v.get("mode") != "delete"]
        a.deleted_values = tuple(v.get("ident") for v in vl.findall(f"{{{TEI}}}valItem")
                                 if v.get("mode") == "delete")
    dv = el.find(f"{{{TEI}}}defaultVal")
    if dv is not None:
        a.default = (dv.text or "").strip()
    g, d = _lang_pick(el, "gloss", lang), _lang_pick(el, "desc", lang)
    a.gloss = _text(g) if g is not None else None
    a.desc = _text(d) if d is not None else None
    a.examples = el.findall(f"{{{TEI}}}exemplum")
    a.constraints = {cs.get("ident") or f"c{cs.sourceline}": cs
                     for cs in el.findall(f"{{{TEI}}}constraintSpec")}
    return a


def read_spec(el: etree._Element, file: str, lang: str = "en") -> Spec:
    """A specification element as a Spec (content, classes, attributes, constraints)."""
    kind = SPEC_KINDS[etree.QName(el).localname]
    ident = el.get("ident")
    if not ident:
        raise TeieditError(f"<{etree.QName(el).localname}> without @ident", file=file,
                           line=el.sourceline)
    alt = el.find(f"{{{TEI}}}altIdent")
    spec = Spec(kind=kind, ident=ident, file=file, line=el.sourceline, module=el.get("module"),
                ns=el.get("ns"), name=_text(alt) if alt is not None else None,
                class_type=el.get("type") if kind == "class" else None,
                prefix=el.get("prefix"))
    spec.gloss = _text(_lang_pick(el, "gloss", lang))
    spec.desc = _text(_lang_pick(el, "desc", lang))
    spec.examples = el.findall(f"{{{TEI}}}exemplum")
    classes = el.find(f"{{{TEI}}}classes")
    if classes is not None:
        for m in classes.findall(f"{{{TEI}}}memberOf"):
            spec.member_of[m.get("key")] = m.sourceline if m.get("mode") != "delete" else None
    content = el.find(f"{{{TEI}}}content")
    if content is not None:
        spec.content = read_pattern(content, file)
    for attlist in el.iter(f"{{{TEI}}}attList"):
        for ad in attlist.iter(f"{{{TEI}}}attDef"):
            a = _read_attdef(ad, ident, file, lang)
            if ad.getparent().get("org") == "choice":
                a.choice = ad.getparent().sourceline
            spec.attdefs[a.ident] = a
        for ar in attlist.iter(f"{{{TEI}}}attRef"):
            if not (ar.get("class") and ar.get("name")):
                raise TeieditError("attRef needs @class and @name", file=file,
                                   line=ar.sourceline)
            spec.attdefs[ar.get("name")] = AttDef(ar.get("name"), mode="ref",
                                                  origin=ar.get("class"), line=ar.sourceline)
    for cs in el.findall(f"{{{TEI}}}constraintSpec"):
        spec.constraints[cs.get("ident") or f"c{cs.sourceline}"] = cs
    return spec


def _merge_change(old: Spec, new: Spec, el: etree._Element) -> Spec:
    """Apply an ODD's mode="change" spec to the spec it changes."""
    out = replace(old, member_of=dict(old.member_of), attdefs=dict(old.attdefs),
                  constraints=dict(old.constraints))
    out.file, out.line = new.file, new.line
    if new.gloss:
        out.gloss = new.gloss
    if new.desc:
        out.desc = new.desc
    if new.examples:
        out.examples = new.examples
    if new.name:
        out.name = new.name
    if new.ns:
        out.ns = new.ns
    classes = el.find(f"{{{TEI}}}classes")
    if classes is not None:
        if classes.get("mode", "replace") == "replace":  # TEI's default mode is replace
            out.member_of = {}
        for key, line in new.member_of.items():
            if line is None:
                out.member_of.pop(key, None)
            else:
                out.member_of[key] = line
    if new.content is not None:
        out.content = new.content
    for ident, a in new.attdefs.items():
        prev = out.attdefs.get(ident)
        if a.mode == "delete":
            out.attdefs[ident] = a
        elif a.mode == "change" and prev is not None:
            out.attdefs[ident] = prev.merged(a)
        else:
            out.attdefs[ident] = a if a.mode in ("change", "ref") else replace(a, mode="add")
    for ident, cs in new.constraints.items():
        if cs.get("mode") == "delete":
            out.constraints.pop(ident, None)
        else:
            out.constraints[ident] = cs
    return out


# --------------------------------------------------------------------------- the source


class Source:
    """The specifications an ODD selects from: p5subset.xml (or a compiled ODD), by ident and
    by module."""

    def __init__(self, path: str | Path, tree: etree._ElementTree) -> None:
        self.file = str(path)
        self.elements: dict[str, etree._Element] = {}
        self.modules: dict[str, list[str]] = {}
        for el in tree.getroot().iter(*(f"{{{TEI}}}{k}" for k in SPEC_KINDS)):
            ident = el.get("ident")
            self.elements[ident] = el
            self.modules.setdefault(el.get("module", ""), []).append(ident)

    def __contains__(self, ident: str) -> bool:
        return ident in self.elements

    def kind(self, ident: str) -> str:
        return SPEC_KINDS[etree.QName(self.elements[ident]).localname]

    def spec(self, ident: str, lang: str = "en") -> Spec:
        return read_spec(self.elements[ident], self.file, lang)


class ChainedSource:
    """Another ODD as the source (schemaSpec/@source="base.odd"): its resolved specs, before
    pruning, so that this ODD selects from and changes what the base customization made."""

    def __init__(self, file: str, specs: dict[str, Spec], base: Source | ChainedSource) -> None:
        self.file = file
        self.specs = specs
        self.base = base  # datatypes and macros the base did not pull are still TEI's
        self.modules: dict[str, list[str]] = {}
        for s in specs.values():
            self.modules.setdefault(s.module or "", []).append(s.ident)

    def __contains__(self, ident: str) -> bool:
        return ident in self.specs or ident in self.base

    def kind(self, ident: str) -> str:
        return self.specs[ident].kind if ident in self.specs else self.base.kind(ident)

    def spec(self, ident: str, lang: str = "en") -> Spec:
        if ident not in self.specs:
            return self.base.spec(ident, lang)
        s = self.specs[ident]
        return replace(s, member_of=dict(s.member_of), attdefs=dict(s.attdefs),
                       constraints=dict(s.constraints))


# the files the running compile_odd has read (its parses are cached per process, so the
# reads are noted where they are asked for, not where they happen)
_READ: ContextVar[set[Path] | None] = ContextVar("_READ", default=None)


def _note_read(*paths: str | Path) -> None:
    read = _READ.get()
    if read is not None:
        read.update(Path(p).resolve() for p in paths)


_TREE_CACHE: dict[tuple[str, float], etree._ElementTree] = {}


def _read_cached(path: Path) -> etree._ElementTree:
    """A TEI source file, parsed once per process (p5subset.xml takes a tenth of a second)."""
    _note_read(path)
    key = (str(path.resolve()), path.stat().st_mtime)
    if key not in _TREE_CACHE:
        _TREE_CACHE[key] = read_untrusted(path, max_bytes=256 * 1024 * 1024)
    return _TREE_CACHE[key]


_SOURCE_CACHE: dict[tuple[str, float], Source] = {}


def load_source(path: str | Path) -> Source:
    p = Path(path)
    _note_read(p)
    key = (str(p.resolve()), p.stat().st_mtime)
    if key not in _SOURCE_CACHE:
        _SOURCE_CACHE[key] = Source(path, _read_cached(p))
    return _SOURCE_CACHE[key]


# --------------------------------------------------------------------------- compiling


def _schema_spec(root: etree._Element, file: str) -> etree._Element:
    if etree.QName(root).localname == "schemaSpec" and etree.QName(root).namespace == TEI:
        return root
    found = root.findall(f".//{{{TEI}}}schemaSpec")
    if not found:
        raise TeieditError("no <schemaSpec> in this ODD (a TEI ODD declares its schema in "
                           "tei:schemaSpec)", file=file, line=root.sourceline)
    return found[0]


def _file_of(el: etree._Element, file: str) -> str:
    """The file an element was read from: an XIncluded file carries its name in xml:base."""
    for anc in el.iterancestors():
        base = anc.get(f"{{{XML}}}base")
        if base and "://" not in base:
            return base
    base = el.get(f"{{{XML}}}base")
    return base if base and "://" not in base else file


def read_odd(path: str | Path) -> etree._ElementTree:
    """The ODD with its XIncludes expanded (TEI projects build with XInclude on)."""
    tree = read_untrusted(path)
    included: list[Path] = []
    if next(tree.getroot().iter(f"{{{XINCLUDE_NS}}}include"), None) is not None:
        expand_xincludes(tree, path, mark_base=True, read=included)
    _note_read(path, *included)
    return tree


def _spec_elements(scope: etree._Element, file: str, seen: set[str]):
    """Spec elements in document order, following specGrpRef into specGrp (local or file)."""
    for el in scope:
        if not isinstance(el.tag, str) or etree.QName(el).namespace != TEI:
            continue
        local = etree.QName(el).localname
        if local in SPEC_KINDS or local in SELECTORS:
            yield el, _file_of(el, file)
        elif local == "specGrpRef":
            target = el.get("target", "")
            path, _, frag = target.partition("#")
            here = _file_of(el, file)
            if path:
                p = Path(here).parent / path
                root = read_odd(p).getroot()
                sub_file = str(p)
            else:
                root, sub_file = el.getroottree().getroot(), file
            key = f"{sub_file}#{frag}"
            if key in seen:
                raise TeieditError(f"specGrpRef {target!r} includes itself", file=here,
                                   line=el.sourceline)
            grp = root if not frag else next(
                (g for g in root.iter() if g.get(f"{{{XML}}}id") == frag), None)
            if grp is None:
                raise TeieditError(f"specGrpRef target {target!r} not found", file=here,
                                   line=el.sourceline)
            if etree.QName(grp).localname in SPEC_KINDS:
                yield grp, _file_of(grp, sub_file)  # the target is itself one specification
            else:
                yield from _spec_elements(grp, sub_file, seen | {key})
        elif local == "specGrp":
            continue  # only reachable through specGrpRef


def _names(el: etree._Element, att: str) -> list[str]:
    return sorted(set((el.get(att) or "").split()))


def _selects(el: etree._Element) -> bool:
    """Whether a schemaSpec child selects from the TEI source (moduleRef/@url does not)."""
    return etree.QName(el).localname in SELECTORS and not el.get("url")


def _is_release(ref: str) -> bool:
    """A schemaSpec/@source that names a TEI release or a URL, not a local file."""
    return ref.startswith("tei:") or "://" in ref


def _customizes(tree: etree._ElementTree) -> bool:
    """Whether a file is an ODD to compile (selects or changes specs), not a spec collection
    such as p5subset.xml or an odd2odd-compiled ODD."""
    ss = tree.getroot().find(f".//{{{TEI}}}schemaSpec")
    if ss is None:
        return False
    return any(_selects(e) or e.get("mode") in ("change", "delete")
               for e, _ in _spec_elements(ss, "", set()))


@dataclass
class _Resolved:
    """An ODD resolved against its source, before pruning (what a chained ODD builds on)."""

    root: etree._Element
    ss: etree._Element
    specs: dict[str, Spec]
    src: Source | ChainedSource | None
    warnings: list[TeieditError]


def _source_for(ss: etree._Element, file: str, items: list, source: str | Path | None,
                chain: tuple[str, ...], warnings: list[TeieditError]
                ) -> Source | ChainedSource | None:
    """What this ODD selects from, as odd2odd finds it: schemaSpec/@source (another ODD, a
    compiled ODD, or p5subset.xml, relative to the ODD), else `source` (--source), which
    also stands in for a `tei:VERSION` or URL @source (teiedit reads no network)."""
    needs = any(_selects(e) for e, _ in items) or any(
        e.get("mode") in ("change", "delete") for e, _ in items)
    declared = ss.get("source")
    where = dict(file=file, line=ss.sourceline)
    target: Path | None = None
    if declared and not _is_release(declared):
        local = Path(file).parent / declared
        if local.is_file() and (source is None or _customizes(_read_cached(local))):
            target = local
        elif source is None and needs:
            raise TeieditError(f"schemaSpec/@source {declared!r}: no such file {local}; pass "
                               "--source p5subset.xml", **where)
    if target is None:
        if not needs and not declared:
            return None
        if source is None:
            if not needs:
                return None
            what = (f"schemaSpec/@source is {declared!r}, a TEI release or URL, which teiedit "
                    "does not download; pass --source with a local copy of its p5subset.xml"
                    if declared else "this ODD selects or changes TEI specifications but no "
                    "TEI source was given; pass --source p5subset.xml")
            raise TeieditError(what, **where)
        target = Path(source)
        source = None  # a chained base given as --source resolves its own @source
        if not target.is_file():
            raise TeieditError(f"TEI source {target} not found; pass --source p5subset.xml",
                               **where)
    tree = _read_cached(target)
    if not _customizes(tree):
        return load_source(target)
    key = str(target.resolve())
    if key in chain:
        raise TeieditError(f"schemaSpec/@source chain returns to {target}", **where)
    base = _resolve(target, source, (*chain, key))
    warnings.extend(base.warnings)
    assert base.src is not None  # an ODD that customizes has a source
    return ChainedSource(str(target), base.specs, base.src)


def _resolve(path: str | Path, source: str | Path | None, chain: tuple[str, ...] = ()
             ) -> _Resolved:
    file = str(path)
    root = read_odd(path).getroot()
    ss = _schema_spec(root, file)
    lang = ss.get("docLang") or "en"
    items = list(_spec_elements(ss, file, set()))
    warnings: list[TeieditError] = []
    src = _source_for(ss, file, items, source, (*chain, str(Path(path).resolve())), warnings)

    def warn(message: str, el: etree._Element, f: str) -> None:
        warnings.append(TeieditError(message, file=f, line=el.sourceline))

    specs: dict[str, Spec] = {}
    for el, f in items:
        for any_el in el.iter(f"{{{TEI}}}anyElement"):
            if any_el.get("require"):
                warn("anyElement/@require is not enforced by the schema, as odd2relax ignores "
                     "it too; any element outside the excepted namespaces is allowed (check "
                     "it with a constraintSpec)", any_el, f)
        for ref in el.iter(f"{{{TEI}}}classRef"):
            if ref.get("expand") is not None and ref.get("expand") not in EXPANSIONS:
                warn(f"classRef/@expand={ref.get('expand')!r} is not one of "
                     f"{', '.join(sorted(EXPANSIONS))}; read as alternation, as odd2relax "
                     "does", ref, f)
        for cs in el.iter(f"{{{TEI}}}constraintSpec"):
            if cs.get("scheme") not in ("schematron", "isoschematron"):
                warn(f"constraintSpec ident=\"{cs.get('ident', '')}\" scheme="
                     f"\"{cs.get('scheme', '')}\" is not checked: only ISO Schematron and "
                     "Schematron 1.5 constraints are written to the Schematron", cs, f)
        local_name = etree.QName(el).localname
        if local_name == "moduleRef" and el.get("url"):
            # odd2relax would include the external grammar; teiedit reads no network and
            # does not merge RELAX NG grammars: references into it are dropped (warned)
            warn(f"moduleRef url=\"{el.get('url')}\": external RELAX NG modules are not "
                 "included; its elements are not allowed by this schema", el, f)
            continue
        if local_name == "moduleRef":
            key = el.get("key", "")
            assert src is not None
            if key not in src.modules:
                raise TeieditError(f"moduleRef: no module {key!r} in {src.file}", file=f,
                                   line=el.sourceline)
            include, exclude = set(_names(el, "include")), set(_names(el, "except"))
            have = set(src.modules[key])
            for att in ("include", "except"):
                for name in _names(el, att):
                    if name not in have:
                        warn(f"moduleRef/@{att}: module {key!r} of {Path(src.file).name} has "
                             f"no element {name!r}; ignored", el, f)
            for ident in src.modules[key]:
                if src.kind(ident) == "element" and (
                        (include and ident not in include) or ident in exclude):
                    continue
                specs[ident] = src.spec(ident, lang)
            continue
        if local_name in SELECTORS:
            key = el.get("key", "")
            assert src is not None
            if key not in src:
                # a spec of another TEI release (charProp in TEI Simple): as a name in
                # moduleRef/@include, ignored with a warning; references to it are warned
                warn(f"{local_name}: {key!r} is not defined in {Path(src.file).name}; "
                     "ignored", el, f)
                continue
            spec = src.spec(key, lang)
            # classRef/@include/@except on an attribute class select its attributes
            keep, drop = set(_names(el, "include")), set(_names(el, "except"))
            spec.attdefs = {k: a for k, a in spec.attdefs.items()
                            if (not keep or k in keep) and k not in drop}
            specs[key] = spec
            continue
        mode = el.get("mode", "add")
        ident = el.get("ident") or ""
        if mode in ("delete", "change") and ident not in specs and (
                src is None or ident not in src):
            warn(f'{local_name} ident="{ident}" mode="{mode}": '
                 f"{Path(src.file).name if src else 'the ODD'} has no {ident!r}; ignored",
                 el, f)
            continue
        if mode == "delete":
            specs.pop(ident, None)
            continue
        new = read_spec(el, f, lang)
        if mode == "change":
            base = specs.get(ident)
            if base is None:
                assert src is not None
                base = src.spec(ident, lang)
            specs[ident] = _merge_change(base, new, el)
        else:
            specs[ident] = new

    prefix = ss.get("prefix") or ""
    _unprefix(specs, prefix)
    _pull_data_specs(specs, src)
    _check_references(specs, src, warnings)
    _check_cycles(specs)
    return _Resolved(root, ss, specs, src, warnings)


def compile_odd(path: str | Path, source: str | Path | None = None) -> Schema:
    """Resolve the ODD at `path` (with `source` = p5subset.xml when it selects from TEI)."""
    read: set[Path] = set()
    token = _READ.set(read)
    try:
        schema = _compile(path, source)
    finally:
        _READ.reset(token)
    schema.read = sorted(read)
    return schema


def _compile(path: str | Path, source: str | Path | None) -> Schema:
    file = str(path)
    r = _resolve(path, source)
    specs, ss = r.specs, r.ss
    members = _class_members(specs)
    # TEI's default; a customization that moves TEI into its own namespace (schemaSpec/@ns)
    # leaves that one out too, or the wildcard would compete with its elements (jing's
    # "conflicting ID-types", which the official odd2relax output has there)
    exceptions = _ns_or_names(ss.get("defaultExceptions"), ss) or tuple(dict.fromkeys(
        (*DEFAULT_EXCEPTIONS, *([ss.get("ns")] if ss.get("ns") else []))))
    for spec in specs.values():
        if spec.content is not None:
            spec.content = _with_exceptions(_prune(spec.content, specs, members), exceptions)
        spec.attdefs = {k: _prune_datatype(a, specs, members) for k, a in spec.attdefs.items()}
    named = (ss.get("start") or "TEI").split()
    start = [n for n in named if n in specs and specs[n].kind == "element"]
    for name in named:
        if name in start:
            continue
        # often teiCorpus beside TEI with the corpus module left out: the others still stand
        problem = (f"schemaSpec/@start names {name!r}, which is not an element of this "
                   "customization")
        if not start:
            raise TeieditError(problem, file=file, line=ss.sourceline)
        r.warnings.append(TeieditError(problem + "; left out of the start", file=file,
                                       line=ss.sourceline))
    sch_ns = {"tei": TEI}
    for sns in ss.iter(f"{{{SCH}}}ns", f"{{{SCH15}}}ns"):
        sch_ns[sns.get("prefix")] = sns.get("uri")
    title = _text(r.root.find(f".//{{{TEI}}}titleStmt/{{{TEI}}}title"))
    ns = ss.get("ns", TEI)
    return Schema(ident=ss.get("ident") or "schema", file=file, start=start, ns=ns,
                  prefix=ss.get("prefix") or "", specs=specs, members=members, sch_ns=sch_ns,
                  title=title, line=ss.sourceline, warnings=r.warnings)


def _unprefix(specs: dict[str, Spec], prefix: str) -> None:
    """RELAX NG refs may name elements by their prefixed pattern name (schemaSpec/@prefix)."""
    names = {(s.prefix if s.prefix is not None else prefix) + s.ident: s.ident
             for s in specs.values() if s.kind == "element"}

    def fix(r: P.Ref) -> P.Ref:
        if r.kind == "any" and r.key not in specs and r.key in names:
            return replace(r, kind="element", key=names[r.key])
        return r
    for spec in specs.values():
        if spec.content is not None:
            spec.content = P.map_refs(spec.content, fix)


def _all_refs(spec: Spec):
    if spec.content is not None:
        yield from P.refs(spec.content)
    for a in spec.attdefs.values():
        # a closed value list replaces the datatype, so the datatype is never used
        if a.datatype is not None and not (a.values and a.val_type == "closed"):
            yield from P.refs(a.datatype)


def _pull_data_specs(specs: dict[str, Spec], src: Source | ChainedSource | None) -> None:
    """Datatypes and macros referenced but not selected come from the source, as in odd2odd."""
    todo = list(specs.values())
    while todo:
        spec = todo.pop()
        for r in _all_refs(spec):
            if r.key in specs or src is None or r.key not in src:
                continue
            if r.kind in ("data", "macro", "any") and src.kind(r.key) in ("data", "macro"):
                specs[r.key] = src.spec(r.key)
                todo.append(specs[r.key])


def _check_references(specs: dict[str, Spec], src: Source | ChainedSource | None,
                      warnings: list[TeieditError]) -> None:
    """A reference of the wrong kind is an error. Left-out specs are pruned; a key defined
    nowhere (neither here nor in the source) and membership in no class are dropped with a
    warning, as odd2odd drops them (silently)."""
    for spec in specs.values():
        for r in _all_refs(spec):
            base = re.sub(r"_(alternation|sequence\w*)$", "", r.key)
            target = specs.get(base)
            if target is not None and not _kind_fits(r.kind, target):
                raise TeieditError(
                    f"{spec.kind} {spec.ident!r} uses {r.key!r} as a {r.kind}, but it is a "
                    f"{target.class_type + ' ' if target.class_type else ''}{target.kind}",
                    file=spec.file, line=r.line or spec.line)
            if r.key in specs or base in specs or (src is not None and (
                    r.key in src or base in src)):
                continue
            # odd2odd drops such a reference like one to a left-out spec; often a name from
            # another TEI release (model.glossLike), so a warning, not an error
            what = ("dropped, so the value is free text" if r.kind == "data"
                    else "dropped from the content")
            warnings.append(TeieditError(
                f"{spec.kind} {spec.ident!r} refers to {r.kind if r.kind != 'any' else 'pattern'}"
                f" {r.key!r}, which is defined neither in the ODD nor in the TEI source; {what}"
                ", as odd2odd does (define it or fix the key)",
                file=spec.file, line=r.line or spec.line))
        for key, line in spec.member_of.items():
            if line is None or key in specs or (src is not None and key in src):
                continue
            warnings.append(TeieditError(f"{spec.ident!r} is a member of class {key!r}, which "
                                         "is not defined; membership ignored",
                                         file=spec.file, line=line))


def _kind_fits(kind: str, target: Spec) -> bool:
    """Whether a reference of `kind` may point to `target` (attribute classes have no content)."""
    if kind == "any":
        return not (target.kind == "class" and target.class_type == "atts")
    if kind == "class":
        return target.kind == "class" and target.class_type == "model"
    if kind == "data":
        return target.kind in ("data", "macro")
    return target.kind == kind


def _check_cycles(specs: dict[str, Spec]) -> None:
    state: dict[str, int] = {}

    def visit(ident: str, path: list[str]) -> None:
        state[ident] = 1
        spec = specs[ident]
        for parent in spec.member_of:
            if parent not in specs or specs[parent].kind != "class":
                continue
            if state.get(parent) == 1:
                cycle = " → ".join([*path[path.index(parent):], parent]) if parent in path \
                    else f"{ident} → {parent}"
                raise TeieditError(f"cyclic class membership: {cycle}; a class cannot be "
                                   "(indirectly) a member of itself", file=spec.file,
                                   line=spec.member_of[parent] or spec.line)
            if state.get(parent) is None:
                visit(parent, [*path, parent])
        state[ident] = 2

    for ident, spec in specs.items():
        if spec.kind == "class" and ident not in state:
            visit(ident, [ident])


def _class_members(specs: dict[str, Spec]) -> dict[str, list[str]]:
    """Model class → members that lead to at least one element (empty classes vanish)."""
    direct: dict[str, list[str]] = {}
    for spec in specs.values():
        if spec.kind not in ("element", "class"):
            continue
        for key, line in spec.member_of.items():
            target = specs.get(key)
            if line is not None and target is not None and target.kind == "class" \
                    and target.class_type == "model":
                if spec.kind == "class" and spec.class_type != "model":
                    continue
                direct.setdefault(key, []).append(spec.ident)
    live: dict[str, bool] = {}

    def is_live(ident: str) -> bool:
        if specs[ident].kind == "element":
            return True
        if ident not in live:
            live[ident] = False
            live[ident] = any(is_live(m) for m in direct.get(ident, []))
        return live[ident]

    return {c: [m for m in ms if is_live(m)] for c, ms in direct.items() if is_live(c)}


class _Gone(P.Pattern):
    """Marker for a reference to something this customization does not contain."""


_GONE = _Gone()


def _prune(p: P.Pattern, specs: dict[str, Spec], members: dict[str, list[str]]) -> P.Pattern:
    """Drop references to left-out elements and empty classes, as the TEI odd2odd does."""
    out = _prune_rec(p, specs, members)
    return P.Empty() if out is _GONE else out


def _prune_datatype(a: AttDef, specs: dict[str, Spec], members: dict[str, list[str]]
                    ) -> AttDef:
    """An attribute whose datatype names nothing defined is free text (odd2odd drops it)."""
    if a.datatype is None:
        return a
    out = _prune_rec(a.datatype, specs, members)
    return replace(a, datatype=None if out is _GONE else out)


def _prune_rec(p, specs, members):
    if isinstance(p, P.Ref):
        key = re.sub(r"_(alternation|sequence\w*)$", "", p.key)
        target = specs.get(key)
        if target is None:
            return _GONE
        if target.kind == "class" and target.class_type == "model" and key not in members:
            # an empty model class matches nothing (its sequence variants match nothing too)
            mode = (p.expand or "alternation").partition("|")[0]
            return P.NotAllowed() if mode == "alternation" else P.Empty()
        return p
    if isinstance(p, P.Seq | P.Alt | P.Interleave):
        kept = [q for q in (_prune_rec(i, specs, members) for i in p.items) if q is not _GONE]
        if not kept:
            return _GONE
        if isinstance(p, P.Seq):
            return P.seq(kept)
        if isinstance(p, P.Alt):
            return P.alt(kept)
        return P.Interleave(tuple(kept)) if len(kept) > 1 else kept[0]
    if isinstance(p, P.Repeat):
        if p.min == 0 and isinstance(p.item, P.Seq) and any(
                _prune_rec(i, specs, members) is _GONE
                for i in p.item.items if not (isinstance(i, P.Repeat) and i.min == 0)):
            # an optional sequence that lost a required member can only match nothing:
            # odd2odd drops it whole (TEI's (front, model.global*)? once front is deleted)
            return _GONE
        inner = _prune_rec(p.item, specs, members)
        if inner is _GONE:
            return _GONE
        if isinstance(inner, P.NotAllowed | P.Empty):
            return P.Empty() if p.min == 0 or isinstance(inner, P.Empty) else inner
        return P.Repeat(inner, p.min, p.max)
    if isinstance(p, P.ListOf):
        inner = _prune_rec(p.item, specs, members)
        return _GONE if inner is _GONE else P.ListOf(inner)
    return p
