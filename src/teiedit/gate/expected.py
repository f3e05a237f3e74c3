"""Which elements a RELAX NG content model accepts next: the "expected" hint of the gate.

libxml2 says "Did not expect element bogus there" but never what would have been allowed.
This module answers that from the grammar itself with Brzozowski derivatives (as in James
Clark's algorithm for RELAX NG), restricted to the sequence of child element *names*: text,
attributes and data are ignored (they are somebody else's error message), an `<element>`
inside a content model is a leaf matched by its name class only, and refs are followed
(with memoisation) up to the next `<element>`, which RELAX NG guarantees to terminate.

Matching names only gives a language that contains the grammar's: a child this matcher
rejects is certainly wrong there, and an element it finds incomplete certainly is; the
list of what is allowed can at worst include an element that an earlier sibling's content
or an attribute rules out. So a hint is given only where the matcher itself sees the fault
libxml2 reports.

Only what a message needs is built: the content pattern of one element name, on first
use, from the defines it reaches; patterns are interned so that derivatives and first sets
are cached per pattern. Grammars or names this cannot model exactly (an element name with
several patterns, nested grammars) give no hint rather than a wrong one.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from lxml import etree

from teiedit.gate.paths import DATA_DIR
from teiedit.gate.relaxng import RNG_NS, element_name
from teiedit.gate.rng_to_xsd import defines_of

_R = f"{{{RNG_NS}}}"
# A name as the matcher sees it: (namespace URI, or None when unknown, local name).
Name = tuple[str | None, str]


class Unsupported(Exception):
    """A grammar construct this matcher does not model; the caller gives no hint."""


# ---- patterns: interned, so identity is equality and caches can key on it ----------------

EMPTY, NOT_ALLOWED, TEXT, ELEMENT, CHOICE, GROUP, INTERLEAVE, ONE_OR_MORE = range(8)


class Pattern:
    __slots__ = ("kids", "kind", "name_class", "nullable", "uid")

    def __init__(self, kind: int, kids: tuple[Pattern, ...], name_class: tuple | None,
                 nullable: bool, uid: int) -> None:
        self.kind = kind
        self.kids = kids
        self.name_class = name_class
        self.nullable = nullable
        self.uid = uid


@dataclass(frozen=True)
class Expected:
    """What a content model accepts at one point.

    `names` are local names of the elements allowed next; `wildcards` are name classes
    that are not a fixed name ("*" any element, "{uri}*" any element in that namespace,
    with " except ..." when some are excluded); `text` says whether text may come next;
    `can_end` whether the element may end here.
    """

    names: frozenset[str]
    wildcards: frozenset[str]
    text: bool
    can_end: bool


class ContentModels:
    """The derivative matcher over one grammar; everything is built lazily and cached."""

    def __init__(self, grammar: etree._ElementTree) -> None:
        root = grammar.getroot()
        if any(el is not root for el in root.iter(f"{_R}grammar", f"{_R}include",
                                                  f"{_R}externalRef", f"{_R}parentRef")):
            raise Unsupported("nested grammars, includes and external refs")
        self._root = root
        self._defines = defines_of(root)
        self._elements: dict[str, list[etree._Element]] | None = None
        self._interned: dict[tuple, Pattern] = {}
        self._define_patterns: dict[str, Pattern] = {}
        self._in_progress: set[str] = set()
        self._content: dict[Name, Pattern | None] = {}
        self._derivatives: dict[tuple[int, Name], Pattern] = {}
        self._firsts: dict[int, tuple[frozenset, bool]] = {}
        self.empty = self._make(EMPTY, (), None, True)
        self.not_allowed = self._make(NOT_ALLOWED, (), None, False)
        self.text = self._make(TEXT, (), None, True)

    # -- public ---------------------------------------------------------------------------

    def content(self, name: str) -> Pattern | None:
        """The content pattern of element `name` ("local" or "{uri}local"), or None when
        the grammar has no single pattern for it or it uses something unsupported."""
        key = _split(name)
        if key not in self._content:
            self._content[key] = self._build_content(key)
        return self._content[key]

    def start(self) -> Pattern | None:
        """The pattern for the document element (the grammar's `<start>`)."""
        if ("", "#start") not in self._content:
            starts = list(self._root.iterchildren(f"{_R}start"))
            try:
                self._content[("", "#start")] = (
                    self._sequence(starts[0], 0) if len(starts) == 1 else None)
            except Unsupported:
                self._content[("", "#start")] = None
        return self._content[("", "#start")]

    def derive(self, p: Pattern, name: str) -> Pattern:
        """What remains of `p` after a child element called `name`."""
        return self._derive(p, _split(name))

    def expected(self, p: Pattern) -> Expected:
        """What `p` accepts next."""
        name_classes, text = self._first(p)
        names: set[str] = set()
        wildcards: set[str] = set()
        for nc in name_classes:
            _describe(nc, names, wildcards)
        return Expected(frozenset(names), frozenset(wildcards), text, p.nullable)

    # -- building patterns from the grammar -------------------------------------------------

    def _build_content(self, key: Name) -> Pattern | None:
        if self._elements is None:
            self._elements = {}
            for el in self._root.iter(f"{_R}element"):
                local = element_name(el)
                if local is not None:
                    self._elements.setdefault(local, []).append(el)
        ns, local = key
        try:
            found = [el for el in self._elements.get(local, ())
                     if ns is None or _name_class(el)[1] == ns]
            if len(found) != 1:
                return None      # unknown, or several patterns: the hint could be wrong
            return self._sequence(found[0], 0 if found[0].get("name") is not None else 1)
        except Unsupported:
            return None

    def _sequence(self, parent: etree._Element, skip: int) -> Pattern:
        """The patterns among `parent`'s children (after `skip` of them) as a group."""
        return self._balanced(GROUP, [self._convert(c) for c in parent
                                      if isinstance(c.tag, str)][skip:])

    def _balanced(self, kind: int, parts: list[Pattern]) -> Pattern:
        """group/interleave of `parts` as a balanced tree (both are associative): the
        derivative recursion then stays shallow even for very long sequences."""
        if len(parts) <= 1:
            return parts[0] if parts else self.empty
        half = len(parts) // 2
        return self._pair(kind, self._balanced(kind, parts[:half]),
                          self._balanced(kind, parts[half:]))

    def _convert(self, node: etree._Element) -> Pattern:
        tag = node.tag
        if tag == f"{_R}element":
            return self._make(ELEMENT, (), _name_class(node), False)
        if tag == f"{_R}ref":
            return self._define(node.get("name", ""))
        if tag in (f"{_R}empty", f"{_R}attribute"):
            return self.empty
        if tag == f"{_R}notAllowed":
            return self.not_allowed
        if tag in (f"{_R}text", f"{_R}data", f"{_R}value", f"{_R}list"):
            return self.text
        if tag == f"{_R}group":
            return self._sequence(node, 0)
        if tag == f"{_R}choice":
            return self._choice(self._convert(c) for c in node if isinstance(c.tag, str))
        if tag == f"{_R}interleave":
            return self._balanced(INTERLEAVE, [self._convert(c) for c in node
                                               if isinstance(c.tag, str)])
        if tag == f"{_R}mixed":
            return self._interleave(self.text, self._sequence(node, 0))
        if tag == f"{_R}optional":
            return self._choice((self._sequence(node, 0), self.empty))
        if tag == f"{_R}zeroOrMore":
            return self._choice((self._one_or_more(self._sequence(node, 0)), self.empty))
        if tag == f"{_R}oneOrMore":
            return self._one_or_more(self._sequence(node, 0))
        raise Unsupported(f"<{etree.QName(node).localname}> in a content model")

    def _define(self, name: str) -> Pattern:
        if name in self._define_patterns:
            return self._define_patterns[name]
        parts = self._defines.get(name)
        if not parts or name in self._in_progress:
            raise Unsupported(f"ref to {name!r} is undefined or recursive outside an element")
        self._in_progress.add(name)
        try:
            combine = next((d.get("combine") for d in parts if d.get("combine")), None)
            bodies = [self._sequence(d, 0) for d in parts]
        finally:
            self._in_progress.discard(name)
        result = (self._balanced(INTERLEAVE, bodies) if combine == "interleave"
                  else self._choice(bodies))
        self._define_patterns[name] = result
        return result

    # -- constructors (with the simplifications that keep derivatives small) ----------------

    def _make(self, kind: int, kids: tuple[Pattern, ...], name_class: tuple | None,
              nullable: bool) -> Pattern:
        key = (kind, name_class,
               frozenset(k.uid for k in kids) if kind == CHOICE else tuple(k.uid for k in kids))
        p = self._interned.get(key)
        if p is None:
            p = self._interned[key] = Pattern(kind, kids, name_class, nullable,
                                              len(self._interned))
        return p

    def _choice(self, alternatives: Iterable[Pattern]) -> Pattern:
        flat: dict[int, Pattern] = {}
        for a in alternatives:
            for b in (a.kids if a.kind == CHOICE else (a,)):
                if b.kind != NOT_ALLOWED:
                    flat[b.uid] = b
        if not flat:
            return self.not_allowed
        if len(flat) == 1:
            return next(iter(flat.values()))
        kids = tuple(sorted(flat.values(), key=lambda k: k.uid))
        return self._make(CHOICE, kids, None, any(k.nullable for k in kids))

    def _group(self, a: Pattern, b: Pattern) -> Pattern:
        return self._pair(GROUP, a, b)

    def _interleave(self, a: Pattern, b: Pattern) -> Pattern:
        return self._pair(INTERLEAVE, a, b)

    def _pair(self, kind: int, a: Pattern, b: Pattern) -> Pattern:
        """group or interleave: notAllowed absorbs, empty is the unit."""
        if NOT_ALLOWED in (a.kind, b.kind):
            return self.not_allowed
        if a.kind == EMPTY:
            return b
        if b.kind == EMPTY:
            return a
        return self._make(kind, (a, b), None, a.nullable and b.nullable)

    def _one_or_more(self, p: Pattern) -> Pattern:
        if p.kind in (EMPTY, NOT_ALLOWED, TEXT, ONE_OR_MORE):
            return p
        return self._make(ONE_OR_MORE, (p,), None, p.nullable)

    # -- derivatives and first sets ----------------------------------------------------------

    def _derive(self, p: Pattern, name: Name) -> Pattern:
        key = (p.uid, name)
        result = self._derivatives.get(key)
        if result is None:
            result = self._derivatives[key] = self._derive_uncached(p, name)
        return result

    def _derive_uncached(self, p: Pattern, name: Name) -> Pattern:
        kind = p.kind
        if kind == ELEMENT:
            return self.empty if _matches(p.name_class, name) else self.not_allowed
        if kind == CHOICE:
            return self._choice(self._derive(k, name) for k in p.kids)
        if kind == GROUP:
            a, b = p.kids
            first = self._group(self._derive(a, name), b)
            return self._choice((first, self._derive(b, name))) if a.nullable else first
        if kind == INTERLEAVE:
            a, b = p.kids
            return self._choice((self._interleave(self._derive(a, name), b),
                                 self._interleave(a, self._derive(b, name))))
        if kind == ONE_OR_MORE:
            return self._group(self._derive(p.kids[0], name),
                               self._choice((p, self.empty)))
        return self.not_allowed          # empty, notAllowed, text: no element here

    def _first(self, p: Pattern) -> tuple[frozenset, bool]:
        """Name classes of the elements `p` can start with, and whether text can."""
        if p.uid in self._firsts:
            return self._firsts[p.uid]
        kind = p.kind
        if kind == ELEMENT:
            result = (frozenset((p.name_class,)), False)
        elif kind == TEXT:
            result = (frozenset(), True)
        elif kind in (CHOICE, INTERLEAVE, ONE_OR_MORE) or (kind == GROUP and p.kids[0].nullable):
            parts = [self._first(k) for k in p.kids]
            result = (frozenset().union(*(f for f, _ in parts)), any(t for _, t in parts))
        elif kind == GROUP:
            result = self._first(p.kids[0])
        else:
            result = (frozenset(), False)
        self._firsts[p.uid] = result
        return result


# ---- name classes: ("name", uri, local) | ("any", except) | ("ns", uri, except) | ("or", ...)

def _split(name: str) -> Name:
    """"{uri}local" or "local" (namespace unknown) into the matcher's pair."""
    if name.startswith("{"):
        uri, _, local = name[1:].partition("}")
        return uri, local
    return None, name


def _inherited_ns(node: etree._Element) -> str:
    for el in (node, *node.iterancestors()):
        if el.get("ns") is not None:
            return el.get("ns", "")
    return ""


def _name_class(element: etree._Element) -> tuple:
    """The name class of an `<element>` pattern as a hashable tuple."""
    if element.get("name") is not None:
        return _fixed_name(element, element.get("name", ""))
    first = next((c for c in element if isinstance(c.tag, str)), None)
    if first is None:
        raise Unsupported("element pattern without a name class")
    return _convert_name_class(first)


def _fixed_name(node: etree._Element, qname: str) -> tuple:
    prefix, _, local = qname.strip().rpartition(":")
    if prefix:
        uri = node.nsmap.get(prefix)
        if uri is None:
            raise Unsupported(f"undeclared prefix {prefix!r}")
        return ("name", uri, local)
    return ("name", _inherited_ns(node), local)


def _convert_name_class(node: etree._Element) -> tuple:
    tag = node.tag
    kids = [c for c in node if isinstance(c.tag, str)]
    if tag == f"{_R}name":
        return _fixed_name(node, node.text or "")
    if tag == f"{_R}choice":
        return ("or", *(_convert_name_class(c) for c in kids))
    exception = None
    if kids and kids[0].tag == f"{_R}except":
        inner = [c for c in kids[0] if isinstance(c.tag, str)]
        exception = ("or", *(_convert_name_class(c) for c in inner))
    if tag == f"{_R}anyName":
        return ("any", exception)
    if tag == f"{_R}nsName":
        return ("ns", _inherited_ns(node), exception)
    raise Unsupported(f"<{etree.QName(node).localname}> as a name class")


def _matches(nc: tuple, name: Name) -> bool:
    uri, local = name
    kind = nc[0]
    if kind == "name":
        return nc[2] == local and (uri is None or nc[1] == uri)
    if kind == "or":
        return any(_matches(c, name) for c in nc[1:])
    if kind == "ns" and uri is not None and nc[1] != uri:
        return False
    return nc[-1] is None or not _matches(nc[-1], name)


def _describe(nc: tuple, names: set[str], wildcards: set[str]) -> None:
    kind = nc[0]
    if kind == "name":
        names.add(nc[2])
    elif kind == "or":
        for c in nc[1:]:
            _describe(c, names, wildcards)
    else:
        entry = "*" if kind == "any" else f"{{{nc[1]}}}*"
        if nc[-1] is not None:
            excluded: set[str] = set()
            _describe(nc[-1], excluded, excluded)
            entry += " except " + ", ".join(sorted(excluded))
        wildcards.add(entry)


# ---- per-grammar cache and the public entry points -------------------------------------

_MODELS: OrderedDict[int, tuple[etree._ElementTree, ContentModels | None]] = OrderedDict()
_MODELS_KEPT = 8        # grammars are held alive while cached, so their ids cannot be reused


def models_for(grammar: etree._ElementTree) -> ContentModels | None:
    """The (lazily filled) matcher of `grammar`, shared by every call in this process."""
    hit = _MODELS.get(id(grammar))
    if hit is not None and hit[0] is grammar:
        _MODELS.move_to_end(id(grammar))
        return hit[1]
    try:
        models: ContentModels | None = ContentModels(grammar)
    except Unsupported:
        models = None
    _MODELS[id(grammar)] = (grammar, models)
    while len(_MODELS) > _MODELS_KEPT:
        _MODELS.popitem(last=False)
    return models


def expected_after(grammar: etree._ElementTree, element: str | None,
                   preceding: Sequence[str]) -> Expected | None:
    """What element `element` ("local" or "{uri}local"; None for the document element)
    accepts after the children `preceding`; None when there is no reliable answer (the
    grammar is not modelled, or `preceding` already fails)."""
    models = models_for(grammar)
    p = _state(models, element, preceding) if models is not None else None
    return models.expected(p) if models is not None and p is not None else None


def _state(models: ContentModels, element: str | None,
           preceding: Sequence[str]) -> Pattern | None:
    p = models.start() if element is None else models.content(element)
    for child in preceding:
        if p is None or p.kind == NOT_ALLOWED:
            return None
        p = models.derive(p, child)
    return None if p is None or p.kind == NOT_ALLOWED else p


# ---- wording a libxml2 message with the hint ---------------------------------------------

_UNEXPECTED = re.compile(r"^Did not expect element (\S+) there$")
_ABOUT_PARENT = re.compile(
    r"^Element (\S+) (?:has extra content: (\S+)|failed to validate content)$")
_ENDS_EARLY = re.compile(r"^Expecting an element\s*, got nothing$")


@cache
def _wording() -> dict:
    return json.loads((DATA_DIR / "messages.json").read_text(encoding="utf-8"))["expected"]


def explain(grammar: etree._ElementTree, message: str,
            element: etree._Element | None) -> str | None:
    """A plain-language message naming what was allowed, for the libxml2 `message` about
    `element` (as located by the RELAX NG engine), or None when there is nothing reliable
    to add. The content is re-checked with the matcher, and the hint is only given when it
    agrees with libxml2 on where the content goes wrong."""
    models = models_for(grammar)
    if element is None or models is None:
        return None
    try:
        return _explain(models, re.sub(r"\{[^}]*\}", "", message.strip()), element)
    except RecursionError:       # a sequence of hundreds of patterns: no hint, no crash
        return None


def _explain(models: ContentModels, message: str, element: etree._Element) -> str | None:
    m = _UNEXPECTED.match(message)
    if m:
        return _unexpected(models, element) if _local(element) == m.group(1) else None
    m = _ABOUT_PARENT.match(message)
    if m:
        parent = next((el for el in (element, *element.iterancestors())
                       if _local(el) == m.group(1)), None)
        wrong, remaining = _first_fault(models, parent) if parent is not None else (None, None)
        if wrong is not None and m.group(2) in (None, _local(wrong)):
            return _unexpected(models, wrong)
        return _incomplete(parent, remaining) if m.group(2) is None else None
    if _ENDS_EARLY.match(message):
        wrong, remaining = _first_fault(models, element)
        return _incomplete(element, remaining) if wrong is None else None
    return None


def _children(parent: etree._Element) -> list[etree._Element]:
    return [c for c in parent if isinstance(c.tag, str)]


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def _clark(el: etree._Element) -> str:
    """The element's name for the matcher: "{}local" when it is in no namespace."""
    return el.tag if el.tag.startswith("{") else f"{{}}{el.tag}"


def _first_fault(models: ContentModels, parent: etree._Element,
                 ) -> tuple[etree._Element | None, Expected | None]:
    """The first child the content model of `parent` rejects (or None), and what the model
    accepts after all children when none is rejected (None when it cannot tell)."""
    p = models.content(_clark(parent))
    if p is None:
        return None, None
    for child in _children(parent):
        after = models.derive(p, _clark(child))
        if after.kind == NOT_ALLOWED:
            return child, None
        p = after
    return None, models.expected(p)


def _unexpected(models: ContentModels, child: etree._Element) -> str | None:
    """`child` is not allowed where it is: say what its parent (or the grammar's start,
    for the document element) allows there instead."""
    parent = child.getparent()
    siblings = _children(parent) if parent is not None else [child]
    before = [_clark(c) for c in siblings[:siblings.index(child)]]
    p = _state(models, _clark(parent) if parent is not None else None, before)
    if p is None or models.derive(p, _clark(child)).kind != NOT_ALLOWED:
        return None       # the matcher does not see this child as the fault: say nothing
    allowed = models.expected(p)
    words = _wording()
    if parent is None:
        return words["root"].format(got=_local(child), allowed=_listing(allowed, end=False))
    fields = {"got": _local(child), "parent": _local(parent)}
    if not (allowed.names or allowed.wildcards or allowed.text):
        return words["nothing_more"].format(**fields)
    return words["unexpected"].format(allowed=_listing(allowed, end=True), **fields)


def _incomplete(parent: etree._Element | None, remaining: Expected | None) -> str | None:
    if (parent is None or remaining is None or remaining.can_end
            or not (remaining.names or remaining.wildcards)):
        return None
    return _wording()["incomplete"].format(parent=_local(parent),
                                           allowed=_listing(remaining, end=False))


def _listing(allowed: Expected, *, end: bool) -> str:
    """"<a>, <b>, … (12 more) or text": sorted, the first few names and a count; `end`
    adds "nothing more" when the element may end here."""
    words = _wording()
    limit = words["list_limit"]
    names = [f"<{n}>" for n in sorted(allowed.names, key=lambda n: (n.lower(), n))]
    more = [words["more"].format(count=len(names) - limit)] if len(names) > limit else []
    wildcards = []
    for entry in sorted(allowed.wildcards):
        which, _, excluded = entry.partition(" except ")
        wildcards.append((words["any"] if which == "*"
                          else words["any_in"].format(ns=which[1:-2]))
                         + (words["except"] if excluded else ""))
    items = [*names[:limit], *more, *wildcards, *[words["text"]] * allowed.text,
             *[words["end"]] * (end and allowed.can_end)]
    if len(items) == 1 or items[-1:] == more:    # "… (n more)" is not an alternative
        return ", ".join(items)
    return ", ".join(items[:-1]) + words["or"] + items[-1]
