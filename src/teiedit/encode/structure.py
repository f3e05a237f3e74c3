"""Blocks of body text → front, body (divisions, heads, paragraphs) and back (summary).

A block is what stands between blank lines on one page. Blocks are classified (labelled
abstract or keywords, heading, summary heading, paragraph); a paragraph cut by a page break
is joined again with the `<pb/>` inside it; then blocks go into their place in the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from teiedit.encode.calls import Call
from teiedit.encode.flow import FlowLine, FlowOptions, build_flow, page_milestones
from teiedit.encode.layout import (
    TERMINAL,
    BodyBlock,
    Layout,
    NoteText,
    Page,
    paragraph_ends,
)
from teiedit.encode.metadata import labels
from teiedit.encode.scripts import mark_scripts
from teiedit.encode.source import Diagnostics
from teiedit.model import Anchor, Document, Inline, Node

NAME_LIKE = re.compile(r"^(?:[^\W\d_][\w’'-]*\.?\s+){1,4}[^\W\d_][\w’'-]*$")


@dataclass
class Unit:
    """One paragraph-like unit of the reading order, possibly spanning pages."""

    kind: str  # "abstract" | "keywords" | "head" | "summary" | "p"
    blocks: list[BodyBlock]
    lang: str = ""
    label: str = ""  # the printed label ("Abstract:") of an abstract or keywords block
    starts_page: Page | None = None  # the unit begins a new page
    pages_before: list[Page] = field(default_factory=list)  # pages with no body text of their own
    cut: bool = False  # the text stops mid-sentence before a head or the end: text is missing

    @property
    def text(self) -> str:
        return " ".join(ln.text for b in self.blocks for ln in b.lines)


def _label_match(text: str, group: str) -> tuple[str, str] | None:
    for lang, words in labels()[group].items():
        for word in words:
            m = re.match(rf"{re.escape(word)}\s*:", text, re.IGNORECASE)
            if m:
                return lang, m.group()
    return None


def classify(block: BodyBlock, previous: Unit | None, following: BodyBlock | None,
             doc_lang: str) -> Unit:
    text = " ".join(ln.text for ln in block.lines)
    for group in ("abstract", "keywords"):
        found = _label_match(text, group)
        if found:
            return Unit(group, [block], lang=found[0], label=found[1])
    single = len(block.lines) == 1
    if block.head or (single and len(text) <= 100 and len(text.split()) <= 14 \
            and text[:1].isupper() and not re.search(r"[.,;:]$", text) \
            and (previous is None or previous.kind != "p" or TERMINAL.search(previous.text)) \
            and (following is None or not following.lines[0].text[:1].islower())):
        for lang, words in labels()["summary"].items():
            if lang != doc_lang and text in words:
                return Unit("summary", [block], lang=lang)
        return Unit("head", [block])
    return Unit("p", [block])


def reading_units(layout: Layout, doc_lang: str) -> tuple[list[Unit], list[Page]]:
    """Classify blocks and join the paragraphs that a page break cut in two.

    Also returns the pages after the last body text (only notes or furniture on them).
    """
    units: list[Unit] = []
    pages_with_body = {b.page.seq for b in layout.body}
    waiting: list[Page] = [p for p in layout.pages if p.seq not in pages_with_body
                           and p.seq < (layout.body[0].page.seq if layout.body else 0)]
    for i, block in enumerate(layout.body):
        new_page = i == 0 or block.page is not layout.body[i - 1].page
        following = layout.body[i + 1] if i + 1 < len(layout.body) else None
        unit = classify(block, units[-1] if units else None, following, doc_lang)
        if new_page and i:
            prev_page = layout.body[i - 1].page
            waiting += [p for p in layout.pages
                        if prev_page.seq < p.seq < block.page.seq]
        previous = units[-1] if units else None
        if new_page and previous and unit.kind == "p" and previous.kind in ("p", "abstract") \
                and not waiting and not _starts_paragraph(previous, block, layout):
            previous.blocks.append(block)
            continue
        if new_page:
            unit.starts_page = block.page
            unit.pages_before, waiting = waiting, []
        units.append(unit)
    for k, unit in enumerate(units):
        following = units[k + 1] if k + 1 < len(units) else None
        unit.cut = unit.kind in ("p", "abstract") and _mid_sentence(unit.text) \
            and (following is None or following.kind in ("head", "summary"))
    last = layout.body[-1].page.seq if layout.body else -1
    return units, waiting + [p for p in layout.pages if p.seq > last]


def _mid_sentence(text: str) -> bool:
    """Ends in a lower-case word or a comma: no sentence closes there."""
    end = text.rstrip()[-1:]
    return end == "," or end.islower()


def _starts_paragraph(previous: Unit, block: BodyBlock, layout: Layout) -> bool:
    """Whether a page's first block opens a paragraph: what the reader knows (a PDF's
    indent), else what the previous page's last line shows."""
    if block.starts is not None:
        return block.starts
    return paragraph_ends(previous.blocks[-1].lines[-1], block.lines[0], layout.style)


@dataclass
class Assembler:
    """Puts units into front/body/back and builds their text flows."""

    doc: Document
    opts: FlowOptions
    calls: dict[int, list[Call]]
    note_anchor: dict[int, Anchor]
    diag: Diagnostics
    container: Node = field(init=False)
    summary: Node | None = None
    summary_parts: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.container = self.doc.body

    # -- flows --------------------------------------------------------------------------
    def flow_lines(self, unit: Unit) -> list[FlowLine]:
        out: list[FlowLine] = []
        for k, block in enumerate(unit.blocks):
            for j, line in enumerate(block.lines):
                fl = FlowLine(line)
                fl.calls = [(c.col, c.length, self.note_anchor[id(c.note)])
                            for c in self.calls.get(line.no, [])]
                if k and not j:  # the paragraph continues on a new page
                    fl.before = page_milestones(block.page, self.opts.keep_lines)
                out.append(fl)
        return out

    def inline(self, unit: Unit, lang: str) -> Inline:
        inline = build_flow(self.flow_lines(unit), self.opts)
        if unit.label:
            start = inline.text.find(unit.label)
            if start >= 0:
                inline.add_span(start, start + len(unit.label), "label")
        mark_scripts(inline, lang, self.diag)
        if unit.cut:
            last = unit.blocks[-1].lines[-1]
            self.diag.warn("the text stops mid-sentence here, before a head or the end: text "
                           "missing from the source? (marked <gap/>)", last.no)
            inline.anchor("gap", {"reason": "sentence-incomplete"})
        return inline

    def milestones(self, unit: Unit) -> Node | None:
        return self.page_starts([*unit.pages_before,
                                 *([unit.starts_page] if unit.starts_page else [])])

    def page_starts(self, pages: list[Page]) -> Node | None:
        if not pages:
            return None
        inline = Inline()
        for page in pages:
            for a in page_milestones(page, self.opts.keep_lines):
                a.offset = 0
                inline.anchors.append(a)
        return Node("", inline=inline)

    # -- placement ----------------------------------------------------------------------
    def lang_here(self) -> str:
        return self.summary.attrs["xml:lang"] if self.summary is not None else self.doc.lang

    def place(self, unit: Unit) -> None:
        marks = self.milestones(unit)
        getattr(self, f"_place_{unit.kind}")(unit, marks)

    def finish(self, pages: list[Page]) -> None:
        """Pages with no body text of their own end the text; a body is never empty."""
        marks = self.page_starts(pages)
        if marks:
            self.container.children.append(marks)
        if not any(c.tag for c in self.doc.body.children):
            self.doc.body.children.append(Node("p", inline=Inline()))

    def _append(self, parent: Node, marks: Node | None, node: Node) -> None:
        if marks:
            parent.children.append(marks)
        parent.children.append(node)

    def _place_abstract(self, unit: Unit, marks: Node | None) -> None:
        in_summary = self.summary is not None
        parent = self.summary if in_summary else self.doc.front
        div = Node("div", {"type": unit.kind})
        if not in_summary:
            div.attrs["xml:lang"] = unit.lang
        if marks:
            div.children.append(marks)
        lang = self.lang_here() if in_summary else unit.lang
        div.children.append(Node("p", inline=self.inline(unit, lang)))
        parent.children.append(div)
        if in_summary:
            self.summary_parts.append(unit.kind)
        if unit.kind == "keywords":
            inline = div.children[-1].inline
            assert inline is not None
            terms = inline.text[inline.text.find(unit.label) + len(unit.label):]
            lang = self.lang_here() if in_summary else unit.lang
            self.doc.meta.keywords[lang] = [t.strip(" .") for t in re.split(r"[,;]", terms)
                                            if t.strip(" .")]

    _place_keywords = _place_abstract

    def _place_head(self, unit: Unit, marks: Node | None) -> None:
        if self.summary is not None and len(self.summary_parts) < 2 and "abstract" not in \
                self.summary_parts:
            return self._summary_front_matter(unit, marks)
        div = Node("div")
        self._append(div, marks, Node("head", inline=self.inline(unit, self.lang_here())))
        (self.summary if self.summary is not None else self.doc.body).children.append(div)
        self.container = div

    def _place_summary(self, unit: Unit, marks: Node | None) -> None:
        div = Node("div", {"type": "summary", "xml:lang": unit.lang})
        self._append(div, marks, Node("head", inline=self.inline(unit, unit.lang)))
        self.doc.back.children.append(div)
        self.summary, self.summary_parts = div, []
        self.container = div

    def _summary_front_matter(self, unit: Unit, marks: Node | None) -> None:
        """Author and title that open a summary in another language."""
        assert self.summary is not None
        lang = self.summary.attrs["xml:lang"]
        text = unit.text.strip()
        if not self.summary_parts and NAME_LIKE.match(text):
            node = Node("docAuthor", inline=self.inline(unit, lang))
            self.doc.meta.other_author_forms.setdefault(lang, text)
            self.summary_parts.append("author")
        else:
            node = Node("head", {"type": "sub"}, inline=self.inline(unit, lang))
            self.doc.meta.other_titles.setdefault(lang, text.rstrip(" ."))
            self.summary_parts.append("title")
        self._append(self.summary, marks, node)

    def _place_p(self, unit: Unit, marks: Node | None) -> None:
        if self.summary is not None:
            if len(self.summary_parts) < 2 and "abstract" not in self.summary_parts \
                    and len(unit.blocks) == 1 and len(unit.blocks[0].lines) <= 2:
                return self._summary_front_matter(unit, marks)
            if self.container is self.summary:
                text_div = Node("div", {"type": "text"})
                self.summary.children.append(text_div)
                self.container = text_div
        elif self.container is self.doc.body:
            divs = [c for c in self.doc.body.children if c.tag == "div"]
            self.container = divs[-1] if divs else self.container
        self._append(self.container, marks, Node("p", inline=self.inline(unit, self.lang_here())))


def note_anchors(notes: list[NoteText], opts: FlowOptions) -> dict[int, Anchor]:
    """Build each note's own flow; page breaks inside a note belong to the note."""
    anchors: dict[int, Anchor] = {}
    for note in notes:
        lines: list[FlowLine] = []
        previous_page = note.lines[0][1]
        for k, (line, page) in enumerate(note.lines):
            fl = FlowLine(line, start=len(note.marker) + 1 if not k else 0)
            if page is not previous_page:
                fl.before = [Anchor(0, "pb", {"n": page.n})]
                previous_page = page
            lines.append(fl)
        if note.n == "*":
            lines[0].start = 0
        content = build_flow(lines, opts)
        if note.n == "*":
            start = content.text.find(note.marker)
            content.add_span(start, start + len(note.marker), "label")
        xml_id = f"nt{len(anchors) + 1}" if note.n == "*" else f"n{note.n}"
        anchors[id(note)] = Anchor(0, "note", {"place": "foot", "n": note.n, "xml:id": xml_id},
                                   content=content)
    return anchors
