"""RELAX NG through libxml2, with big grammars pruned to the elements a batch uses.

lxml needs ~8 s to compile the official tei_all.rng (587 elements): it builds an automaton
for every content model. A document can only ever match element patterns whose name it
contains, so removing every other named `<element>` pattern (as notAllowed, then
simplified away by RELAX NG's own rules) gives a grammar that accepts and rejects exactly
the same documents, compiles in milliseconds, validates as fast and reports the same
libxml2 messages (tests/validate/test_tei.py checks this against the full grammar). The
kept set grows per process as new element names turn up (a recompile each time, which
stops after the first few files of a corpus). Elements a kept element *requires* (outside
optional/zeroOrMore) are kept too, so that "expecting element X" messages still name X
when X is missing everywhere.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedit.gate import fastpath
from teiedit.gate.document import Document
from teiedit.gate.fastpath import FastPath
from teiedit.gate.messages import translate
from teiedit.gate.results import Problem, SchemaInfo
from teiedit.gate.rng_to_xsd import defines_of
from teiedit.xmlio import TeieditError

RNG_NS = "http://relaxng.org/ns/structure/1.0"
_R = f"{{{RNG_NS}}}"
# Grammars with more named elements than this are pruned; smaller ones compile fast anyway.
PRUNE_ABOVE = 150
# A pruned grammar grows with new element names up to this many (see schema_for) ...
KEEP_AT_MOST = 100
# ... and gets a fast path once it has served this many documents unchanged.
FAST_AFTER = 16
_OPTIONAL = {f"{_R}optional", f"{_R}zeroOrMore", f"{_R}attribute", f"{_R}list",
             f"{_R}data", f"{_R}value", f"{_R}except"}


def load_grammar(path: Path) -> etree._ElementTree:
    """Parse a RELAX NG file (trusted: includes are resolved), dropping annotations."""
    try:
        tree = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False,
                                                      remove_comments=True))
    except (OSError, etree.XMLSyntaxError) as e:
        raise TeieditError(f"cannot read RELAX NG schema: {e}", file=path) from None
    root = tree.getroot()
    for el in list(root.iter(etree.Element)):
        if etree.QName(el).namespace != RNG_NS and el.getparent() is not None:
            el.getparent().remove(el)
    return tree


def element_name(el: etree._Element) -> str | None:
    """Local name of an `<element>` pattern with a single fixed name, else None."""
    name = el.get("name")
    if name is None:
        first = next(iter(el), None)
        if first is not None and first.tag == f"{_R}name":
            name = (first.text or "").strip()
    return name.rpartition(":")[2] if name else None


@dataclass
class RelaxNGEngine:
    """Validates documents against one RELAX NG grammar."""

    info: SchemaInfo
    grammar: etree._ElementTree
    prune: bool
    try_fast: bool = True         # not for grammars with includes (the split is one tree)
    _kept: frozenset[str] = frozenset()
    _compiled: etree.RelaxNG | None = None
    _pruned: etree._ElementTree | None = None
    _fast: FastPath | None = None
    _fast_built: bool = False
    _served: int = 0              # documents checked since the kept names last changed
    _attributes: frozenset[str] = frozenset()   # attribute names seen (Clark)
    _required: dict[str, set[str]] = field(default_factory=dict)
    _roots: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path, info: SchemaInfo, *, prune: bool = True) -> RelaxNGEngine:
        grammar = load_grammar(path)
        has_includes = any(el is not grammar.getroot() for el in grammar.getroot().iter(
            f"{_R}include", f"{_R}externalRef", f"{_R}grammar", f"{_R}parentRef"))
        named = sum(1 for _ in grammar.getroot().iter(f"{_R}element"))
        engine = cls(info, grammar, prune=prune and not has_includes and named > PRUNE_ABOVE,
                     try_fast=not has_includes)
        if engine.prune:
            engine._required = _required_children(grammar.getroot())
            engine._roots = frozenset(_start_elements(grammar.getroot()))
        return engine

    def prepare(self) -> None:
        """Compile before any file (the small pruned grammar, or the whole one) and its
        fast path, so that forked workers inherit both."""
        self.schema_for(set())
        self.fast_path()

    def _grammar(self) -> etree._ElementTree:
        if not self.prune:
            return self.grammar
        if self._pruned is None:
            self._pruned = pruned(self.grammar, self._kept)
        return self._pruned

    def schema_for(self, names: set[str]) -> etree.RelaxNG:
        """The exact grammar (pruned to the element names seen so far plus `names`).

        Compile time grows faster than the kept names (tei_all whole: ~8 s), so once they
        pass KEEP_AT_MOST a new name starts a grammar of its document's names alone: a
        varied corpus gets many small grammars instead of ever bigger ones."""
        if self.prune and not names <= self._kept:
            base = self._kept if len(self._kept) <= KEEP_AT_MOST else frozenset()
            # the possible root elements always stay: without them nothing could be valid
            kept = set(base) | names | self._roots
            todo = list(kept)
            while todo:
                for req in self._required.get(todo.pop(), ()):
                    if req not in kept:
                        kept.add(req)
                        todo.append(req)
            self._kept = frozenset(kept)
            self._compiled = self._fast = self._pruned = None
            self._fast_built = False
            self._served = 0
        if self._compiled is None:
            self._compiled = _compile(self._grammar(), self.info.path)
        return self._compiled

    def fast_path(self) -> FastPath | None:
        """The fast path for the current (pruned) grammar, None if it has none; built once
        per grammar. Building it takes longer than compiling the grammar, so a pruned
        grammar gets one only after serving FAST_AFTER documents unchanged (a batch of
        similar files), not while a varied corpus keeps bringing new element names."""
        if self.prune and self._served < FAST_AFTER:
            return None
        if self.try_fast and not self._fast_built:
            try:
                self._fast = fastpath.build(self._grammar(), self._attributes)
            except Exception:     # an optimisation never stops a run: the grammar decides
                self._fast = None
            self._fast_built = True
        return self._fast

    def accepts(self, doc: Document) -> bool:
        """A verdict for the grammar pruned to the names seen so far: True is final."""
        self._served += 1
        fast = self.fast_path()
        if fast is None or doc.wide:      # see document.WIDE
            return bool(self.schema_for(set()).validate(doc.tree))
        verdict = fast.verdict(doc.tree, whole_allowed=not doc.may_use_xsi)
        fast.hits += verdict == "whole"
        if verdict == "pair after whole":  # the one-pass XSD lacks an attribute seen now,
            new = _attribute_names(doc) - self._attributes
            if new:
                self._attributes |= new
                fast.with_attributes(self._attributes)
            else:                          # or the file uses what it cannot translate:
                fast.misses += 1           # stop trying it once that is common
                if fast.misses > 3 and 4 * fast.misses > fast.hits:
                    fast.whole = None
        return bool(verdict)

    def check(self, doc: Document) -> list[Problem]:
        if self.prune:           # every element name the document uses must be kept
            self.schema_for(doc.element_names)
        if self.accepts(doc):
            return []
        schema = self.schema_for(set())
        if self._fast is not None and schema.validate(doc.tree):
            return []            # only the fast path's over-strictness rejected it
        located = [(entry, _element_of(doc, entry.line, entry.message, entry.path))
                   for entry in schema.error_log]
        from teiedit.gate.expected import explain  # it imports this module

        problems = []
        for entry, element in _without_cascades(located):
            line, column = (doc.locator.position(element) if element is not None
                            else (entry.line or None, None))
            problems.append(Problem(
                severity="error", message=(explain(self.grammar, entry.message, element)
                                           or translate("relaxng", entry.message)),
                line=line, column=column, engine="relaxng", schema=self.info.path,
                rule=entry.type_name, xpath=entry.path or "", detail=entry.message))
        return problems


def _attribute_names(doc: Document) -> set[str]:
    """Clark names of the document's attributes; only needed when the one-pass XSD
    rejects a file."""
    return {name for el in doc.tree.iter(etree.Element) for name in el.attrib}


_EXTRA = re.compile(r"^Element (\S+) has extra content: (\S+)")
_ABOUT = re.compile(r"[Ee]lement (\S+?):? ")
# Messages libxml2 emits for an ancestor when the real fault lies deeper in the tree.
_CASCADE = re.compile(r"^(Did not expect element|Element \S+ failed to validate content|"
                      r"Element \S+ has extra content)")


def _local(name: str) -> str:
    return name.rstrip(":,").rpartition(":")[2]


def _element_of(doc: Document, line: int, message: str,
                path: str | None = None) -> etree._Element | None:
    """The element a libxml2 message is about (for "has extra content", the parent): the
    node at libxml2's path when its name fits the message (two same-named elements on one
    line are told apart so), else the first element so named on the message's line."""
    at = _node_at(doc, path)
    m = _EXTRA.match(message)
    if m:
        parent_name, child_name = _local(m.group(1)), _local(m.group(2))
        if at is not None and etree.QName(at).localname == parent_name:
            return at
        child = (at if at is not None and etree.QName(at).localname == child_name
                 else doc.locator.by_line(line, child_name))
        parent = child.getparent() if child is not None else None
        if parent is not None and etree.QName(parent).localname == parent_name:
            return parent
        return child
    m = _ABOUT.search(message)
    name = _local(m.group(1)) if m else None
    if at is not None and name is not None and etree.QName(at).localname == name:
        return at
    return doc.locator.by_line(line, name)


def _node_at(doc: Document, path: str | None) -> etree._Element | None:
    if not path or not path.startswith("/"):
        return None
    try:
        found = doc.tree.xpath(path)
    except etree.XPathError:
        return None                 # e.g. a prefix the path uses but does not declare
    return found[0] if len(found) == 1 and isinstance(found[0], etree._Element) else None


def _without_cascades(located):
    """Drop cascade messages about an element when an error lies inside that element:
    libxml2 reports every enclosing level once a content model fails, but only the deepest
    one is the contributor's mistake."""
    faulty = [el for _, el in located if el is not None]
    for entry, element in located:
        if (element is not None and _CASCADE.match(entry.message)
                and any(element in f.iterancestors() for f in faulty if f is not element)):
            continue
        yield entry, element


def _compile(grammar: etree._ElementTree, name: str) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(grammar)
    except etree.RelaxNGParseError as e:
        raise TeieditError(f"RELAX NG schema does not compile: {e}", file=name) from None


def pruned(grammar: etree._ElementTree, keep: frozenset[str]) -> etree._ElementTree:
    """A copy of `grammar` in which element patterns not named in `keep` are removed.

    They are first replaced by notAllowed, which is then simplified away as RELAX NG's own
    simplification rules say (a choice drops it, optional/zeroOrMore become empty, a group
    containing it becomes notAllowed, through refs). Leaving notAllowed in place would be
    equivalent too, but libxml2 then cannot compile content models into automata and
    validates ten times slower.
    """
    tree = copy.deepcopy(grammar)
    root = tree.getroot()
    for el in list(root.iter(f"{_R}element")):
        name = element_name(el)
        if name is not None and name not in keep and el.getparent() is not None:
            _replace(el, etree.Element(f"{_R}notAllowed"))
    _simplify_not_allowed(root)
    return tree


def _replace(old: etree._Element, new: etree._Element) -> None:
    new.tail = old.tail
    old.getparent().replace(old, new)


_NEVER = {f"{_R}{n}" for n in ("element", "text", "empty", "data", "value", "param",
                                "name", "anyName", "nsName", "except", "optional",
                                "zeroOrMore")}
_ALL = {f"{_R}choice"}          # notAllowed only if every branch is


def _simplify_not_allowed(root: etree._Element) -> None:
    defines = defines_of(root)
    dead: set[str] = set()

    def is_dead(node: etree._Element) -> bool:
        tag = node.tag
        if tag == f"{_R}notAllowed":
            return True
        if tag in _NEVER or not isinstance(tag, str):
            return False
        if tag == f"{_R}ref":
            return node.get("name") in dead
        kids = [c for c in node if isinstance(c.tag, str)]
        if tag in _ALL:
            return bool(kids) and all(is_dead(c) for c in kids)
        if tag == f"{_R}attribute":
            kids = kids[1:] if node.get("name") is None else kids
        return any(is_dead(c) for c in kids)

    referrers: dict[str, set[str]] = {}
    for name, parts in defines.items():
        for d in parts:
            for ref in d.iter(f"{_R}ref"):
                referrers.setdefault(ref.get("name", ""), set()).add(name)
    todo = list(defines)
    while todo:               # a define is dead when its body is; refs carry it upwards
        name = todo.pop()
        if name in dead:
            continue
        parts = defines[name]
        combine = next((d.get("combine") for d in parts if d.get("combine")), None)
        verdicts = [is_dead(d) for d in parts]
        if all(verdicts) if combine == "choice" else any(verdicts):
            dead.add(name)
            todo.extend(referrers.get(name, ()))

    def content_dead(node: etree._Element) -> bool:
        return any(is_dead(c) for c in node if isinstance(c.tag, str))

    def rewrite(node: etree._Element) -> None:
        for child in list(node):
            if not isinstance(child.tag, str) or child.tag == f"{_R}notAllowed":
                continue
            if child.tag in (f"{_R}define", f"{_R}start", f"{_R}div"):
                rewrite(child)
            elif child.tag in (f"{_R}optional", f"{_R}zeroOrMore") and content_dead(child):
                _replace(child, etree.Element(f"{_R}empty"))
            elif is_dead(child):
                if node.tag == f"{_R}choice":
                    node.remove(child)
                else:
                    _replace(child, etree.Element(f"{_R}notAllowed"))
            else:
                rewrite(child)

    for d in root.iter(f"{_R}define"):
        if d.get("name") in dead:
            for c in list(d):
                d.remove(c)
            etree.SubElement(d, f"{_R}notAllowed")
    rewrite(root)
    _tidy(root)


_SEQUENCES = {f"{_R}{n}" for n in ("group", "interleave", "oneOrMore", "zeroOrMore",
                                    "optional", "element")}
_WRAPPERS = {f"{_R}{n}" for n in ("group", "interleave", "choice")}


def _tidy(root: etree._Element) -> None:
    """Two exact rewrites, children before parents, that libxml2 needs after pruning:
    group(p, empty) = p, since an `<empty/>` beside other patterns inside a compiled content
    model makes it reject valid documents (a libxml2 bug); and a group, interleave or choice
    of one pattern is that pattern (spec 4.12), since libxml2's compiler takes exponential
    time on a one-child group around a self-recursive element (tei_all's `listApp` pruned to
    `group(oneOrMore(choice(app, listApp)))`: minutes instead of milliseconds)."""
    for node in reversed(list(root.iter(etree.Element))):
        if node.tag not in _SEQUENCES and node.tag not in _WRAPPERS:
            continue
        patterns = [c for c in node if isinstance(c.tag, str)]
        if node.tag == f"{_R}element" and node.get("name") is None:
            patterns = patterns[1:]           # the first child is the name class
        empties = [c for c in patterns if c.tag == f"{_R}empty"]
        if node.tag in _SEQUENCES and len(patterns) > 1:
            for empty in empties[:len(patterns) - 1]:
                node.remove(empty)
                patterns.remove(empty)
        if node.tag in _WRAPPERS and len(patterns) == 1 and node.getparent() is not None:
            _replace(node, patterns[0])


def _required_children(root: etree._Element) -> dict[str, set[str]]:
    """For each element name, element names its content cannot do without: outside
    optional/zeroOrMore, following refs, and of a choice only the first branch (keeping
    one way through alive is enough for libxml2 to name what is missing, and keeping every
    branch would pull in most of TEI and its compile time)."""
    defines = defines_of(root)

    def needed(pattern: etree._Element, seen: set[str]) -> set[str]:
        tag = pattern.tag
        if not isinstance(tag, str) or tag in _OPTIONAL:
            return set()
        if tag == f"{_R}element":
            name = element_name(pattern)
            return {name} if name else set()
        if tag == f"{_R}ref":
            ref = pattern.get("name", "")
            if ref in seen:
                return set()
            seen.add(ref)
            return set().union(*(needed_in(d, seen) for d in defines.get(ref, ())))
        if tag == f"{_R}choice":
            first = next((c for c in pattern if isinstance(c.tag, str)), None)
            return needed(first, seen) if first is not None else set()
        return needed_in(pattern, seen)

    def needed_in(parent: etree._Element, seen: set[str]) -> set[str]:
        return set().union(*(needed(c, seen) for c in parent))

    result: dict[str, set[str]] = {}
    for el in root.iter(f"{_R}element"):
        name = element_name(el)
        if name:
            result.setdefault(name, set()).update(needed_in(el, set()))
    return result


def _start_elements(root: etree._Element) -> set[str]:
    """Names of the elements the grammar allows as document root."""
    return {n for e in fastpath.start_elements(root)[0] if (n := element_name(e))}
