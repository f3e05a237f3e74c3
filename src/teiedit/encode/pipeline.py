"""The structural encoder: source text → Document, one stage after another."""

from __future__ import annotations

import statistics
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from teiedit.encode.calls import find_calls, symbol_calls
from teiedit.encode.checks import check_layout
from teiedit.encode.flow import FlowOptions
from teiedit.encode.hyphenation import Dehyphenator, document_words
from teiedit.encode.layout import analyse, number_pages
from teiedit.encode.metadata import (
    from_author_head,
    from_journal_head,
    labels,
    load_metadata_file,
)
from teiedit.encode.scripts import mark_scripts
from teiedit.encode.source import Diagnostics, Source
from teiedit.encode.structure import Assembler, note_anchors, reading_units
from teiedit.model import Document, Metadata

if TYPE_CHECKING:
    from teiedit.encode.pdf import PdfReading


def flow_options(source: Source, keep_lines: bool) -> FlowOptions:
    """Line lengths tell where a printed line ends and which lines were merged in extraction;
    a space after every line end (some copy-and-paste) says nothing about hyphens."""
    lengths = sorted(len(ln.raw.rstrip()) for ln in source.lines if not ln.blank)
    p90 = lengths[int(len(lengths) * 0.9)] if lengths else 80
    median = statistics.median(lengths) if lengths else 60
    filled = [ln.raw for ln in source.lines if not ln.blank]
    spaced = sum(raw[-1].isspace() for raw in filled) >= 0.95 * len(filled)
    return FlowOptions(
        dehyphenator=Dehyphenator(document_words(ln.raw for ln in source.lines),
                                  spaced_ends=spaced),
        keep_lines=keep_lines,
        long_line=int(p90 * 1.3),
        printed_width=(int(median * 0.6), int(p90 * 1.1)),
    )


def read_furniture(doc: Document, layout, text: str, diag: Diagnostics) -> tuple[int, int] | None:
    heads = [f.head for p in layout.pages for f in p.furniture if f.kind == "header"]
    journal = author = False
    for head in heads:
        if from_journal_head(head, doc.meta, text):
            journal = True
        elif not author:
            author = from_author_head(head, doc.meta, text, doc.lang)
    if not heads:
        diag.warn("no running heads found: journal, pages, title and author unknown "
                  "unless given in a metadata file")
    else:
        if not journal:
            diag.warn("no journal running head (journal, issue/year, page range) recognised")
        if not author:
            diag.warn("no author/title running head recognised")
    m = doc.meta
    return (int(m.first_page), int(m.last_page)) if m.first_page and m.last_page else None


def declare_languages(doc: Document, text: str) -> None:
    names = labels()["language_names"]
    used = {doc.lang, *doc.meta.keywords, *doc.meta.other_titles}
    if any("\u0400" <= c <= "\u04ff" for c in text):
        used.add("sr-Cyrl")
    if any(c in labels()["serbian_latin_letters"] for c in text):
        used.add("sr-Latn")
    for node_lang in (n.attrs.get("xml:lang") for part in (doc.front, doc.body, doc.back)
                      for n in part.walk()):
        if node_lang:
            used.add(node_lang)
    doc.meta.languages = {code: names.get(code, code) for code in sorted(used)}


def encode_source(source: Source, diag: Diagnostics, *, lang: str = "en", keep_lines: bool = True,
                  metadata: Path | None = None, read: PdfReading | None = None) -> Document:
    """`read`: the layout, calls and title a reader knows from its input (the PDF); otherwise
    they are recovered from the text."""
    doc = Document(Metadata(source_file=Path(source.name).name, source_sha256=source.sha256),
                   lang=lang)
    if not keep_lines:
        doc.options["lines"] = "no"
    text = "\n".join(ln.raw for ln in source.lines)
    layout = read.layout if read else analyse(source.lines, diag)
    page_range = read_furniture(doc, layout, text, diag)
    if metadata is not None:
        load_metadata_file(metadata, doc.meta)
        page_range = (int(doc.meta.first_page), int(doc.meta.last_page)) \
            if doc.meta.first_page and doc.meta.last_page else page_range
    if read and read.title and not doc.meta.title:
        doc.meta.title = read.title
    number_pages(layout.pages, page_range, diag)

    opts = flow_options(source, keep_lines)
    opts.printed_lines = {ln.no: k for page in layout.pages
                          for k, ln in enumerate((x for x in page.content if not x.blank), 1)}
    anchors = note_anchors(layout.notes, opts)
    calls = (read.calls if read else find_calls(layout.body, layout.notes, diag)) \
        + symbol_calls(layout.body, layout.notes)
    check_layout(layout, calls, diag)
    by_line = defaultdict(list)
    for call in calls:
        by_line[call.line].append(call)
    called = {id(c.note) for c in calls}
    for call in calls:
        if not call.length:  # placed by fallback: the source shows no call
            anchors[id(call.note)].attrs["anchored"] = "false"
    doc.title_notes = [anchors[id(n)] for n in layout.notes if id(n) not in called]
    for note in doc.title_notes:
        note.attrs["anchored"] = "false"

    assembler = Assembler(doc, opts, by_line, anchors, diag)
    units, trailing_pages = reading_units(layout, lang)
    for unit in units:
        assembler.place(unit)
    assembler.finish(trailing_pages)
    for note in doc.title_notes:
        mark_scripts(note.content, lang, diag)
    if not any(n.tag == "div" for n in doc.body.children):
        diag.warn("no section headings found: the body is a sequence of paragraphs")
    if not doc.meta.title:
        diag.warn("no title found (running heads or metadata file)")
    declare_languages(doc, text)
    return doc
