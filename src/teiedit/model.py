"""The document model between the stages: plain text with character offsets.

Every flow of running text (a paragraph, a head, a footnote) is an `Inline`: its reading
text as one string, zero-width `Anchor`s (lb, pb, fw, note) at offsets, and `Span`s
(foreign, persName, date, ...) over ranges. Stages add anchors and spans; only the
serializer turns them into nested XML. This keeps every character of the source in one
place, lets recognisers run regular expressions over clean text, and makes the round trip
back to the source a matter of walking the anchors.

Blocks are a small tree of `Node`s named after the TEI element they become.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class Anchor:
    """A zero-width element at `offset`: `lb`, `pb`, `fw` (with `text`), `note` (with `content`)."""

    offset: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    text: str | None = None
    content: Inline | None = None


@dataclass
class Span:
    """An element enclosing `text[start:end]`; spans must nest, never cross."""

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)


class CrossingSpanError(ValueError):
    """Raised when a new span would cross an existing one."""


@dataclass
class Inline:
    """Reading text with zero-width anchors and nested spans."""

    text: str = ""
    anchors: list[Anchor] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)

    def append(self, text: str) -> None:
        self.text += text

    def anchor(self, tag: str, attrs: dict[str, str] | None = None, *, text: str | None = None,
               content: Inline | None = None) -> Anchor:
        """Add an anchor at the current end of the text."""
        a = Anchor(len(self.text), tag, dict(attrs or {}), text, content)
        self.anchors.append(a)
        return a

    def crosses(self, start: int, end: int) -> bool:
        """Would a span over [start, end) cross an existing span?"""
        return any(
            (s.start < start < s.end < end) or (start < s.start < end < s.end)
            for s in self.spans
        )

    def add_span(self, start: int, end: int, tag: str, attrs: dict[str, str] | None = None) -> Span:
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}-{end} outside text of length {len(self.text)}")
        if self.crosses(start, end):
            raise CrossingSpanError(f"<{tag}> over {start}-{end} crosses an existing span")
        span = Span(start, end, tag, dict(attrs or {}))
        self.spans.append(span)
        return span

    def flows(self) -> Iterator[Inline]:
        """This inline and, depth first, the inlines of the notes anchored in it."""
        yield self
        for a in self.anchors:
            if a.content is not None:
                yield from a.content.flows()


@dataclass
class Node:
    """A block element. `inline` holds mixed content; `children` hold block children.

    A node with `tag == ""` is transparent: its inline content (milestones between blocks)
    is serialized straight into the parent.
    """

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    inline: Inline | None = None
    children: list[Node] = field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        yield self
        for c in self.children:
            yield from c.walk()

    def inlines(self) -> Iterator[Inline]:
        """Every flow of text below this node, notes included."""
        for n in self.walk():
            if n.inline is not None:
                yield from n.inline.flows()


@dataclass
class Person:
    forename: str = ""
    surname: str = ""

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.forename, self.surname) if p)


@dataclass
class Metadata:
    """What the header says about the printed source and the digital edition."""

    title: str = ""
    title_lang: str = "en"
    other_titles: dict[str, str] = field(default_factory=dict)  # xml:lang -> title
    authors: list[Person] = field(default_factory=list)
    other_author_forms: dict[str, str] = field(default_factory=dict)  # xml:lang -> name
    journal: str = ""
    journal_lang: str = ""
    volume: str = ""
    issue: str = ""
    year: str = ""
    first_page: str = ""
    last_page: str = ""
    doi: str = ""
    publisher: str = ""
    pub_place: str = ""
    # the digital edition
    edition_publisher: str = "teiedit"
    edition_date: str = ""
    licence: str = ""
    licence_target: str = ""
    keywords: dict[str, list[str]] = field(default_factory=dict)  # xml:lang -> terms
    languages: dict[str, str] = field(default_factory=dict)  # xml:lang -> name
    source_file: str = ""
    source_sha256: str = ""


@dataclass
class Document:
    meta: Metadata
    front: Node = field(default_factory=lambda: Node("front"))
    body: Node = field(default_factory=lambda: Node("body"))
    back: Node = field(default_factory=lambda: Node("back"))
    title_notes: list[Anchor] = field(default_factory=list)  # notes called from the title
    lang: str = "en"
    options: dict[str, str] = field(default_factory=dict)  # recorded in revisionDesc
    standoff: list = field(default_factory=list)  # lxml listPerson/listOrg/listPlace (enrich)
    responsible: dict[str, str] = field(default_factory=dict)  # @resp id -> what it did

    def inlines(self) -> Iterator[Inline]:
        """Every flow of text: blocks, their notes, and the notes called from the title."""
        for note in self.title_notes:
            if note.content is not None:
                yield from note.content.flows()
        for part in (self.front, self.body, self.back):
            yield from part.inlines()
