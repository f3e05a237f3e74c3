"""ISO Schematron's preprocessing steps, before teiedit compiles a schema to XSLT.

ISO/IEC 19757-3 defines a schema's meaning through its "minimal syntax": inclusions
resolved, abstract rules and abstract patterns instantiated. As in the classic skeleton
(include, then abstract expansion, then compile) this module produces that minimal form:

1. `sch:include href="F[#id]"` is replaced by the root element (or the element with that
   id) of F; `sch:extends href="F"` by the children of F's root, which must be the same
   Schematron element as the extends' parent. Hrefs resolve against the file that holds
   them, only local files are read (no network, no entities, no DTD), cycles are errors.
2. `sch:extends rule="ID"` is replaced by the children of that abstract rule (looked up in
   the same pattern first, then the whole schema); abstract rules are then dropped.
3. `<pattern is-a="A"><param name="n" value="v"/></pattern>` becomes a copy of abstract
   pattern A with `$n` replaced by `v` in every query (rule/@context, assert|report/@test,
   value-of/@select, name/@path, let/@value, pattern/@documents; and in a copy of each
   diagnostic it uses that mentions them); abstract patterns are then dropped. A `$name`
   the instance leaves unbound is an error, not a late XPath one.

Errors name the file and line of the element at fault.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from teiedit.xmlio import TeieditError

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
# Attributes that hold queries, where abstract pattern parameters are substituted.
QUERY_ATTRIBUTES = {"rule": "context", "assert": "test", "report": "test",
                    "value-of": "select", "name": "path", "let": "value",
                    "pattern": "documents"}
_NAME = r"(?:[^\W\d][\w.-]*:)?[^\W\d][\w.-]*"
_VARIABLE = re.compile(r"\$(" + _NAME + r")(?![\w.-])")
# `$x` where an XPath expression binds it (for/some/every/let clauses, inline functions)
_BOUND_HERE = re.compile(r"\$(" + _NAME + r")\s*(?:in\b|:=|as\b)")


def _sch(local: str) -> str:
    return f"{{{SCH_NS}}}{local}"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class _Sources:
    """Which file each element came from, for error messages after inclusion."""

    def __init__(self, path: Path) -> None:
        self.root_file = path
        self._files: dict[etree._Element, Path] = {}

    def mark(self, element: etree._Element, path: Path) -> None:
        self._files[element] = path

    def file_of(self, element: etree._Element) -> Path:
        for el in (element, *element.iterancestors()):
            if el in self._files:
                return self._files[el]
        return self.root_file

    def error(self, message: str, element: etree._Element) -> TeieditError:
        return TeieditError(message, file=self.file_of(element), line=element.sourceline)


def expand(path: Path) -> etree._Element:
    """The schema at `path` in minimal syntax (everything it includes copied in)."""
    sources = _Sources(path)
    root = _load(path, sources, ())
    _inline_abstract_rules(root, sources)
    _instantiate_abstract_patterns(root, sources)
    return root


# --- 1. inclusion -------------------------------------------------------------------

def _read(path: Path) -> etree._Element:
    try:
        return etree.fromstring(path.read_bytes(), _parser(), base_url=str(path))
    except OSError as e:
        raise TeieditError(f"cannot read Schematron schema: {e.strerror}", file=path) from None
    except etree.XMLSyntaxError as e:
        raise TeieditError(f"Schematron schema is not well-formed XML: {e.msg}", file=path,
                           line=e.lineno) from None


def _load(path: Path, sources: _Sources, stack: tuple[Path, ...]) -> etree._Element:
    """A file's root element with its own includes resolved (recursively)."""
    root = _read(path)
    sources.mark(root, path)
    for inclusion in list(root.iter(_sch("include"), _sch("extends"))):
        if inclusion.tag == _sch("extends") and inclusion.get("href") is None:
            continue                                   # extends rule="…": step 2
        _include(inclusion, path, sources, (*stack, path.resolve()))
    return root


def _target(inclusion: etree._Element, here: Path, sources: _Sources) -> tuple[Path, str]:
    href = inclusion.get("href", "").strip()
    if not href:
        raise sources.error(f"sch:{etree.QName(inclusion).localname} needs an href", inclusion)
    parts = urlsplit(href)
    if parts.scheme not in ("", "file") or parts.netloc:
        raise sources.error(f"sch:include of '{href}': only local files are read, "
                            "relative to the schema", inclusion)
    file_part = unquote(parts.path)
    target = (here.parent / file_part).resolve() if file_part else here.resolve()
    return target, parts.fragment


def _include(inclusion: etree._Element, here: Path, sources: _Sources,
             stack: tuple[Path, ...]) -> None:
    target, fragment = _target(inclusion, here, sources)
    if target in stack:
        chain = " -> ".join(p.name for p in (*stack, target))
        raise sources.error(f"sch:include cycle: {chain}", inclusion)
    if not target.is_file():
        raise sources.error(f"included Schematron file not found: {inclusion.get('href')}",
                            inclusion)
    loaded = _load(target, sources, stack)
    element = loaded
    if fragment:
        element = next((e for e in loaded.iter() if fragment in (
            e.get("id"), e.get("{http://www.w3.org/XML/1998/namespace}id"))), None)
        if element is None:
            raise sources.error(f"no element with id '{fragment}' in {target.name}", inclusion)
    parent = inclusion.getparent()
    if inclusion.tag == _sch("include"):
        if element.tag == _sch("schema"):
            raise sources.error(f"sch:include of a whole schema ({target.name}) would nest it; "
                                "<extends href=\"…\"/> merges its content", inclusion)
        replacement = [element]                         # moved, keeping its marks
    else:
        if element.tag != parent.tag:
            raise sources.error(
                f"sch:extends href must point to a sch:{etree.QName(parent).localname} "
                f"(found {etree.QName(element).localname} in {target.name})", inclusion)
        replacement = [c for c in element if isinstance(c.tag, str)]
    _replace(inclusion, replacement)
    for el in replacement:
        sources.mark(el, target)


def _replace(old: etree._Element, new: Iterable[etree._Element]) -> None:
    """Put `new` where `old` was, keeping the text that followed it."""
    parent = old.getparent()
    index = parent.index(old)
    tail = old.tail
    parent.remove(old)
    new = list(new)
    for i, el in enumerate(new):
        el.tail = None
        parent.insert(index + i, el)
    if tail:
        if new:
            new[-1].tail = tail
        elif index:
            prev = parent[index - 1]
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


# --- 2. abstract rules --------------------------------------------------------------

def _abstract_rules(scope: etree._Element) -> dict[str, etree._Element]:
    return {r.get("id"): r for r in scope.iterchildren(_sch("rule"))
            if r.get("abstract") == "true" and r.get("id")}


def _inline_abstract_rules(root: etree._Element, sources: _Sources) -> None:
    everywhere: dict[str, etree._Element] = {}
    for scope in root.iterchildren(_sch("pattern"), _sch("rules")):
        for key, rule in _abstract_rules(scope).items():
            everywhere.setdefault(key, rule)

    def body(extends: etree._Element, chain: tuple[str, ...]) -> list[etree._Element]:
        name = extends.get("rule", "")
        pattern = next(extends.iterancestors(_sch("pattern"), _sch("rules")), None)
        base = _abstract_rules(pattern).get(name) if pattern is not None else None
        if base is None:
            base = everywhere.get(name)
        if base is None:
            raise sources.error(f"sch:extends refers to an undefined abstract rule '{name}'",
                                extends)
        if name in chain:
            raise sources.error(f"abstract rules extend each other in a cycle: "
                                f"{' -> '.join((*chain, name))}", extends)
        out: list[etree._Element] = []
        for child in base:
            if child.tag == _sch("extends"):
                out += body(child, (*chain, name))
            elif isinstance(child.tag, str):
                out.append(copy.deepcopy(child))
        return out

    for extends in list(root.iter(_sch("extends"))):
        if extends.getparent().get("abstract") != "true":   # abstract ones: through body()
            _replace(extends, body(extends, ()))
    for rule in list(root.iter(_sch("rule"))):
        if rule.get("abstract") == "true":
            _replace(rule, [])
    for rules in list(root.iterchildren(_sch("rules"))):
        _replace(rules, [])


# --- 3. abstract patterns -----------------------------------------------------------

def _substitute(text: str, params: dict[str, str]) -> str:
    return _VARIABLE.sub(lambda m: params.get(m.group(1), m.group(0)), text)


def _queries(element: etree._Element) -> Iterable[tuple[etree._Element, str]]:
    """(element, attribute name) of every query in a pattern, the pattern's own included."""
    for el in element.iter(etree.Element):
        if etree.QName(el).namespace == SCH_NS:
            attr = QUERY_ATTRIBUTES.get(etree.QName(el).localname)
            if attr and el.get(attr) is not None:
                yield el, attr


def _instantiate_abstract_patterns(root: etree._Element, sources: _Sources) -> None:
    patterns = list(root.iterchildren(_sch("pattern")))
    abstract: dict[str, etree._Element] = {}
    for p in patterns:
        if p.get("abstract") == "true":
            if not p.get("id"):
                raise sources.error("an abstract pattern needs an id", p)
            abstract[p.get("id")] = p
    declared = {let.get("name") for let in root.iter(_sch("let"))}
    diagnostics = {d.get("id"): d for d in root.iter(_sch("diagnostic"))}
    for number, instance in enumerate(patterns, 1):
        name = instance.get("is-a")
        if name is None:
            continue
        base = abstract.get(name)
        if base is None:
            raise sources.error(f"pattern is-a '{name}', but no abstract pattern has that id",
                                instance)
        if instance.find(_sch("rule")) is not None:
            raise sources.error("a pattern with is-a takes params, not rules", instance)
        params: dict[str, str] = {}
        for param in instance.iterchildren(_sch("param")):
            if param.get("name") is None or param.get("value") is None:
                raise sources.error("sch:param needs a name and a value", param)
            params[param.get("name").lstrip("$")] = param.get("value")
        used = [diagnostics[d] for d in _diagnostic_ids(base) if d in diagnostics]
        for el, attr in (q for part in (base, *used) for q in _queries(part)):
            query = el.get(attr)
            local = {m.group(1) for m in _BOUND_HERE.finditer(query)}
            unbound = sorted({m.group(1) for m in _VARIABLE.finditer(query)}
                             - params.keys() - declared - local)
            if unbound:
                raise sources.error(
                    f"pattern '{instance.get('id', '')}' (is-a '{name}') leaves ${unbound[0]} "
                    f"unbound: add <param name=\"{unbound[0]}\" value=\"…\"/>", instance)
        concrete = _instance(instance, base, params)
        _own_diagnostics(concrete, diagnostics, params, instance.get("id") or str(number))
        sources.mark(concrete, sources.file_of(instance))
        _replace(instance, [concrete])
    for p in abstract.values():
        _replace(p, [])


def _diagnostic_ids(pattern: etree._Element) -> list[str]:
    return [d for check in pattern.iter(_sch("assert"), _sch("report"))
            for d in check.get("diagnostics", "").split()]


def _own_diagnostics(pattern: etree._Element, diagnostics: dict[str, etree._Element],
                     params: dict[str, str], suffix: str) -> None:
    """Diagnostics whose queries use the instance's params get a substituted copy (id
    "ID.INSTANCE"), which the instance's checks then refer to."""
    copies: dict[str, str] = {}
    for check in pattern.iter(_sch("assert"), _sch("report")):
        ids = check.get("diagnostics", "").split()
        for i, d in enumerate(ids):
            original = diagnostics.get(d)
            if original is None or not any(
                    set(_VARIABLE.findall(el.get(attr))) & params.keys()
                    for el, attr in _queries(original)):
                continue
            if d not in copies:
                own = copy.deepcopy(original)
                own.set("id", copies.setdefault(d, f"{d}.{suffix}"))
                for el, attr in _queries(own):
                    el.set(attr, _substitute(el.get(attr), params))
                original.addnext(own)
            ids[i] = copies[d]
        if ids:
            check.set("diagnostics", " ".join(ids))


def _instance(instance: etree._Element, base: etree._Element,
              params: dict[str, str]) -> etree._Element:
    """A concrete pattern: the instance's attributes, the abstract pattern's content."""
    out = etree.Element(_sch("pattern"), nsmap=base.nsmap)
    for key, value in instance.attrib.items():
        if key != "is-a":
            out.set(key, value)
    if base.get("documents") is not None and out.get("documents") is None:
        out.set("documents", base.get("documents"))
    for child in base:
        if child.tag != _sch("param"):
            out.append(copy.deepcopy(child))
    for el, attr in _queries(out):
        el.set(attr, _substitute(el.get(attr), params))
    out.sourceline = instance.sourceline
    return out
