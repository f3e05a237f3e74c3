"""What a Schematron pattern's rule contexts can match, worked out from their text.

Two facts per pattern make the compiled validator cheap without changing what it reports:

- `teiedit:select`: when every context is a plain child/attribute path, the union of
  `//CONTEXT` selects exactly the nodes its rules can match, so the pattern is applied to
  them directly instead of walking the whole tree.
- `teiedit:needs`: names of which at least one must occur in a document for any rule to
  match there (an element name, or "@name" for an attribute): the last step's name test,
  or for `*` a predicate that tests for an attribute. A document with none of them gets
  nothing from the pattern, so it is not run at all; tei_all.isosch has 237 patterns and a
  typical TEI text needs fewer than ten. Names are compared without namespaces, which can
  only make a pattern run where it finds nothing, never skip one that would report.

Anything this analysis does not understand (functions, axes, parentheses, text()) gives
no select and no needs: the pattern walks the tree and always runs.
"""

from __future__ import annotations

import re

from lxml import etree

from teiedit.gate.schematron_expand import SCH_NS

GATE_NS = "urn:teiedit:gate"
_SIMPLE_STEP = re.compile(r"^(?:child::)?(?:@|attribute::)?(?:[\w.-]+:)?(?:[\w.-]+|\*)$"
                          r"|^(?:text|node)\(\)$")
_ELEMENT = re.compile(r"^(?:child::)?(?:[\w.-]+:)?([\w.-]+)$")
_ANY_ELEMENT = re.compile(r"^(?:child::)?(?:[\w.-]+:)?\*$")
_ATTRIBUTE = re.compile(r"^(?:@|attribute::)(?:[\w.-]+:)?([\w.-]+)$")


def _top_level_split(expr: str, sep: str) -> list[str] | None:
    """Split on `sep` (a character, or a regular expression such as r"\\sor\\s") outside
    brackets, parentheses and quotes; None if unbalanced."""
    separator = re.compile(sep if len(sep) > 1 else re.escape(sep))
    parts, depth, quote, start, i = [], 0, "", 0, 0
    while i < len(expr):
        ch = expr[i]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif depth == 0 and (m := separator.match(expr, i)):
            parts.append(expr[start:i])
            start = i = m.end()
            continue
        i += 1
    return None if depth or quote else [*parts, expr[start:]]


def _predicates(step: str) -> tuple[str, list[str]] | None:
    """A step's node test and its [predicates] (innermost first); None if unbalanced."""
    step, predicates = step.strip(), []
    while step.endswith("]"):
        depth, i = 0, len(step) - 1
        for i in range(len(step) - 1, -1, -1):
            depth += {"]": 1, "[": -1}.get(step[i], 0)
            if depth == 0:
                break
        if depth:
            return None
        predicates.append(step[i + 1:-1])
        step = step[:i].rstrip()
    return step, predicates


def candidates(context: str) -> list[str] | None:
    """Select expressions for exactly the nodes a rule context matches (`//` + each branch
    of the pattern), or None when the context is not a plain child/attribute path (function
    calls, axes, current(), the document node), for which the pattern walks the tree."""
    branches = _top_level_split(context, "|")
    if branches is None or "current()" in context:
        return None
    out = []
    for branch in (b.strip() for b in branches):
        steps = _top_level_split(branch, "/")
        if not steps or not steps[-1].strip():
            return None
        for k, step in enumerate(steps):
            parsed = _predicates(step)
            descendant = parsed is not None and parsed[0] == "" and k < len(steps) - 1
            if parsed is None or not (descendant or _SIMPLE_STEP.match(parsed[0])):
                return None
        out.append(branch if branch.startswith("/") else "//" + branch)
    return out


def _attribute_test(predicate: str) -> set[str] | None:
    """Attribute names of which one must be present for the predicate to be true."""
    predicate = predicate.strip()
    while predicate.startswith("(") and predicate.endswith(")") and \
            _top_level_split(predicate[1:-1], "|") is not None:
        predicate = predicate[1:-1].strip()
    alternatives = _top_level_split(predicate, r"\sor\s") or [predicate]
    if len(alternatives) > 1:
        found = [_attribute_test(a) for a in alternatives]
        return None if None in found else set().union(*found)      # type: ignore[arg-type]
    conjuncts = _top_level_split(predicate, r"\sand\s") or [predicate]
    if len(conjuncts) > 1:
        return next((t for t in map(_attribute_test, conjuncts) if t), None)
    m = _ATTRIBUTE.match(predicate)
    return {"@" + m.group(1)} if m else None


def _branch_needs(branch: str) -> set[str] | None:
    steps = _top_level_split(branch.strip(), "/")
    parsed = _predicates(steps[-1]) if steps else None
    if parsed is None:
        return None
    test, predicates = parsed
    if m := _ATTRIBUTE.match(test):
        return {"@" + m.group(1)}
    if m := _ELEMENT.match(test):
        return {m.group(1)}
    if _ANY_ELEMENT.match(test):
        return next((t for t in map(_attribute_test, predicates) if t), None)
    return None


def needs(pattern: etree._Element) -> set[str] | None:
    """Names of which one must occur in a document for the pattern to report anything
    there; None if the analysis cannot tell (the pattern always runs)."""
    found: set[str] = set()
    for rule in pattern.iterchildren(f"{{{SCH_NS}}}rule"):
        for branch in _top_level_split(rule.get("context", ""), "|") or [None]:
            names = _branch_needs(branch) if branch is not None else None
            if names is None:
                return None
            found |= names
    return found


def annotate(root: etree._Element) -> None:
    """Mark each pattern with teiedit:select and teiedit:needs where they are known."""
    for pattern in root.iter(f"{{{SCH_NS}}}pattern"):
        found: list[str] = []
        for rule in pattern.iterchildren(f"{{{SCH_NS}}}rule"):
            steps = candidates(rule.get("context", ""))
            if steps is None:
                break
            found += [s for s in steps if s not in found]
        else:
            if found:
                pattern.set(f"{{{GATE_NS}}}select", " | ".join(found))
        names = needs(pattern)
        if names is not None:
            pattern.set(f"{{{GATE_NS}}}needs", " ".join(sorted(names)))

