"""A small grammar of content and datatype patterns shared by every schema generator.

Pure ODD (`sequence`, `alternate`, `elementRef`, …) and the RELAX NG fragments still found in
TEI specifications are both read into these nodes, so RELAX NG, XSD, the determinism check and
the HTML reference are all written from one model instead of four ad-hoc tree walks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

UNBOUNDED = -1


@dataclass(frozen=True)
class Pattern:
    """Base of every pattern node (references also carry their ODD line for messages)."""


@dataclass(frozen=True)
class Text(Pattern):
    pass


@dataclass(frozen=True)
class Empty(Pattern):
    pass


@dataclass(frozen=True)
class NotAllowed(Pattern):
    pass


@dataclass(frozen=True)
class Seq(Pattern):
    items: tuple[Pattern, ...]


@dataclass(frozen=True)
class Alt(Pattern):
    items: tuple[Pattern, ...]


@dataclass(frozen=True)
class Interleave(Pattern):
    items: tuple[Pattern, ...]


@dataclass(frozen=True)
class Repeat(Pattern):
    item: Pattern
    min: int
    max: int  # UNBOUNDED for no upper limit


@dataclass(frozen=True)
class Ref(Pattern):
    """A reference by name; `kind` is element, class, macro or data once resolved."""

    kind: str
    key: str
    expand: str | None = None
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Data(Pattern):
    """A built-in XSD datatype, with optional facets (pattern, minInclusive, …)."""

    type: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Value(Pattern):
    value: str
    type: str = "token"


@dataclass(frozen=True)
class ListOf(Pattern):
    """A whitespace-separated list (RELAX NG `list`): the item pattern is repeated inside."""

    item: Pattern


@dataclass(frozen=True)
class AnyElement(Pattern):
    """Any element, optionally restricted to or excluding namespaces."""

    require: tuple[str, ...] = ()
    # namespaces, or {namespace}name; None until the compiler applies schemaSpec's defaults
    exclude: tuple[str, ...] | None = ()


@dataclass(frozen=True)
class RawElement(Pattern):
    """An element pattern written in RELAX NG inside content (name classes and all), kept as
    XML; `excluded` lists the namespaces its name class leaves out, for the XSD wildcard."""

    xml: str
    excluded: tuple[str, ...] = ()
    attribute: bool = False  # an rng:attribute in content: nothing in the XSD's particles
    name: str | None = None  # of an rng:element name="…" (the XSD declares it by name)
    ns: str | None = None    # its namespace when written with @ns (else the schema's)


def occurs(p: Pattern, lo: int, hi: int) -> Pattern:
    """Wrap `p` for min/max occurrence; the trivial 1..1 case stays unwrapped."""
    if lo == 1 and hi == 1:
        return p
    if hi == 0:
        return Empty()
    return Repeat(p, lo, hi)


def seq(items: list[Pattern]) -> Pattern:
    items = [i for i in items if not isinstance(i, Empty)]
    if any(isinstance(i, NotAllowed) for i in items):
        return NotAllowed()
    if not items:
        return Empty()
    return items[0] if len(items) == 1 else Seq(tuple(items))


def alt(items: list[Pattern]) -> Pattern:
    # equal alternatives once, first occurrence first (patterns are frozen, so hashable)
    out = list(dict.fromkeys(i for i in items if not isinstance(i, NotAllowed)))
    if not out:
        return NotAllowed()
    return out[0] if len(out) == 1 else Alt(tuple(out))


def children(p: Pattern) -> tuple[Pattern, ...]:
    if isinstance(p, Seq | Alt | Interleave):
        return p.items
    if isinstance(p, Repeat | ListOf):
        return (p.item,)
    return ()


def refs(p: Pattern):
    """Every Ref in a pattern, depth first."""
    stack = [p]
    while stack:
        q = stack.pop()
        if isinstance(q, Ref):
            yield q
        stack.extend(reversed(children(q)))


def has_text(p: Pattern) -> bool:
    if isinstance(p, Text):
        return True
    return any(has_text(c) for c in children(p))


def nullable(p: Pattern) -> bool:
    """Whether the pattern matches an empty sequence of elements (refs count as non-empty)."""
    if isinstance(p, Empty | Text):
        return True
    if isinstance(p, Seq | Interleave):
        return all(nullable(i) for i in p.items)
    if isinstance(p, Alt):
        return any(nullable(i) for i in p.items)
    if isinstance(p, Repeat):
        return p.min == 0 or nullable(p.item)
    return False


def compact(p: Pattern) -> str:
    """A pattern in RELAX NG compact-like notation, for people (HTML reference, messages)."""
    if isinstance(p, Text):
        return "textNode"  # pure ODD's name; "text" would read as the element
    if isinstance(p, Empty):
        return "empty"
    if isinstance(p, NotAllowed):
        return "notAllowed"
    if isinstance(p, Seq | Alt | Interleave):
        sep = {Seq: ", ", Alt: " | ", Interleave: " & "}[type(p)]
        return "(" + sep.join(compact(i) for i in p.items) + ")"
    if isinstance(p, Repeat):
        inner = compact(p.item)
        suffix = {(0, 1): "?", (0, UNBOUNDED): "*", (1, UNBOUNDED): "+"}.get(
            (p.min, p.max), f"{{{p.min},{'' if p.max == UNBOUNDED else p.max}}}")
        return inner + suffix
    if isinstance(p, Ref):
        return p.key + (f"[{p.expand}]" if p.expand else "")
    if isinstance(p, Data):
        facets = "".join(f" {k}={v!r}" for k, v in p.params)
        return f"xsd:{p.type}" + (f" {{{facets.strip()}}}" if facets else "")
    if isinstance(p, Value):
        return f'"{p.value}"'
    if isinstance(p, ListOf):
        return f"list {{ {compact(p.item)} }}"
    if isinstance(p, AnyElement | RawElement):
        return "anyElement"
    return "?"


def map_refs(p: Pattern, fn) -> Pattern:
    """The pattern with every Ref replaced by fn(ref)."""
    if isinstance(p, Ref):
        return fn(p)
    if isinstance(p, Seq | Alt | Interleave):
        return type(p)(tuple(map_refs(i, fn) for i in p.items))
    if isinstance(p, Repeat):
        return Repeat(map_refs(p.item, fn), p.min, p.max)
    if isinstance(p, ListOf):
        return ListOf(map_refs(p.item, fn))
    return p
