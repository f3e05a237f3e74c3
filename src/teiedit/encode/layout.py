"""Recover the printed layout from extracted lines: pages, furniture, body blocks, footnotes.

The extraction gives, page after page: optional furniture (page number, running head), the
body text, then the page's footnotes ("12 Text…"), where the first block may continue the
last note of the previous page. Everything here works on line numbers, never on text edits.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from teiedit.encode.source import Diagnostics, Line

PAGE_NUMBER = re.compile(r"^\s*(\d{1,4})\s*$")
# A running head and its page number on one line: "128  ТОКОВИ ИСТОРИЈЕ…" or "…TITLE  129".
NUMBERED_HEAD = re.compile(r"^\s*(?:(?P<before>\d{1,3})\s+(?P<head1>\D.*?)|(?P<head2>.*\D)\s+"
                           r"(?P<after>\d{1,3}))\s*$")
NOTE_START = re.compile(r"^(\d{1,3}) (?=\S)")
SYMBOL_NOTE_START = re.compile(r"^([∗*†‡§])\s*(?=\S)")
FINISHED = re.compile(r"[.!?][”\"’»)\]]*$")
# How far ahead of the expected number a note may start (numbers skipped by the extraction).
NOTE_GAP = 3


@dataclass
class Furniture:
    line: Line
    kind: str  # "pageNum" | "header"
    number: int | None = None  # the printed page number on this line
    head: str = ""  # the running head's words, without a page number

    @classmethod
    def page_number(cls, line: Line) -> Furniture:
        return cls(line, "pageNum", int(line.text))

    @classmethod
    def running_head(cls, line: Line, number: int | None = None, head: str = "") -> Furniture:
        return cls(line, "header", number, head or line.text)


@dataclass
class Page:
    seq: int
    first_line: int
    furniture: list[Furniture] = field(default_factory=list)
    content: list[Line] = field(default_factory=list)
    n: str = ""

    @property
    def printed(self) -> int | None:
        return next((f.number for f in self.furniture if f.number is not None), None)


@dataclass
class BodyBlock:
    lines: list[Line]
    page: Page


@dataclass
class NoteText:
    n: str  # "12", or "*" for a symbol note
    marker: str  # as printed
    lines: list[tuple[Line, Page]]  # the note's lines and the page each stands on

    @property
    def first_line(self) -> int:
        return self.lines[0][0].no

    @property
    def finished(self) -> bool:
        return bool(FINISHED.search(self.lines[-1][0].text))


@dataclass
class Layout:
    pages: list[Page]
    body: list[BodyBlock]
    notes: list[NoteText]


def head_like(line: Line) -> bool:
    """A running head is mostly capitals: 'ТОКОВИ ИСТОРИЈЕ 3/2021. 121–143'."""
    letters = [c for c in line.text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.6 * len(letters)


def split_pages(lines: list[Line], min_lines: int = 8) -> list[Page]:
    """Start a page at a page-number line (+ running head) or at a line indented by one space.

    A page must have `min_lines` non-blank lines before the next one begins, so that an
    indented heading near the top of a page is not taken for a page start.
    """
    pages: list[Page] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.blank:
            if pages:
                pages[-1].content.append(line)
            i += 1
            continue
        filled = not pages or sum(not x.blank for x in pages[-1].content) >= min_lines
        nxt = next((j for j in range(i + 1, len(lines)) if not lines[j].blank), None)
        furniture = furniture_at(line, lines[nxt] if nxt is not None else None) if filled else []
        if furniture:
            pages.append(Page(len(pages), line.no, furniture))
            i = (nxt if nxt is not None and len(furniture) == 2 else i) + 1
            continue
        starts = line.raw.startswith(" ") and not line.raw.startswith("  ")
        if not pages or (filled and starts):
            pages.append(Page(len(pages), line.no))
        pages[-1].content.append(line)
        i += 1
    return pages


def furniture_at(line: Line, following: Line | None) -> list[Furniture]:
    """The furniture a page starts with: page number and running head, in either order or on
    one line; nothing if `line` is not furniture."""
    if PAGE_NUMBER.match(line.raw):
        if following is not None and head_like(following):
            return [Furniture.page_number(line), Furniture.running_head(following)]
        return []
    if head_like(line) and following is not None and PAGE_NUMBER.match(following.raw):
        return [Furniture.running_head(line), Furniture.page_number(following)]
    m = NUMBERED_HEAD.match(line.raw)
    if m:
        head = (m.group("head1") or m.group("head2")).strip()
        if head_like(Line(line.no, head)):
            return [Furniture.running_head(line, int(m.group("before") or m.group("after")), head)]
    return []


def blocks_of(page: Page) -> list[list[Line]]:
    """Blank-line separated blocks; an indented line inside a block also starts one."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in page.content:
        if line.blank or (current and line.indent and not current[-1].indent):
            if current:
                blocks.append(current)
            current = [] if line.blank else [line]
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def note_start(line: Line, expected: int) -> tuple[str, str, int] | None:
    """(n, marker, length of marker and space) if `line` begins a footnote."""
    m = NOTE_START.match(line.raw)
    if m and expected <= int(m.group(1)) < expected + NOTE_GAP:
        return m.group(1), m.group(1), m.end()
    m = SYMBOL_NOTE_START.match(line.raw)
    if m:
        return "*", m.group(1), m.end()
    return None


def analyse(lines: list[Line], diag: Diagnostics) -> Layout:
    pages = split_pages(lines)
    body: list[BodyBlock] = []
    notes: list[NoteText] = []
    expected = 1
    for page in pages:
        blocks = blocks_of(page)
        first_note = next((k for k, b in enumerate(blocks) if note_start(b[0], expected)),
                          len(blocks))
        body_blocks = blocks[:first_note]
        if notes and not notes[-1].finished and len(body_blocks) >= 2:
            notes[-1].lines.extend((ln, page) for ln in body_blocks.pop())
        body.extend(BodyBlock(b, page) for b in body_blocks)
        for block in blocks[first_note:]:
            for k, line in enumerate(block):
                start = note_start(line, expected)
                if start is None:
                    stray = NOTE_START.match(line.raw)
                    if stray and not k and int(stray.group(1)) < expected:
                        diag.warn(f"footnote {stray.group(1)} out of order (after "
                                  f"{expected - 1}); its text is kept in note {notes[-1].n}",
                                  line.no)
                    notes[-1].lines.append((line, page))
                    continue
                n, marker, _ = start
                if n != "*":
                    if int(n) > expected:
                        missing = ", ".join(str(k) for k in range(expected, int(n)))
                        diag.warn(f"footnote {n} follows {expected - 1}: no text for note "
                                  f"{missing}", line.no)
                    expected = int(n) + 1
                notes.append(NoteText(n, marker, [(line, page)]))
    if not notes:
        diag.warn("no footnotes found")
    return Layout(pages, body, notes)


def number_pages(pages: list[Page], page_range: tuple[int, int] | None,
                 diag: Diagnostics) -> None:
    """Printed numbers win; between them count on; before the first, count back.

    Without printed numbers the running head's page range gives the first page; without
    either, pages are numbered from 1 and the user is told.
    """
    anchors = [(p.seq, p.printed) for p in pages if p.printed is not None]
    if not anchors:
        if page_range:
            anchors = [(0, page_range[0])]
        else:
            diag.warn("no printed page numbers or page range found: pages numbered from 1")
            anchors = [(0, 1)]
    for page in pages:
        before = [a for a in anchors if a[0] <= page.seq]
        seq, value = before[-1] if before else anchors[0]
        page.n = str(value + page.seq - seq)
    for (s1, v1), (s2, v2) in itertools.pairwise(anchors):
        if v2 - v1 != s2 - s1:
            diag.warn(f"printed page {v2} comes {s2 - s1} page(s) after page {v1}: "
                      f"{abs(v2 - v1 - (s2 - s1))} page(s) missing from or extra in the "
                      "extraction", pages[s2].first_line)
    if page_range and pages and int(pages[-1].n) > page_range[1]:
        diag.warn(f"last page is numbered {pages[-1].n}, after the page range's end "
                  f"{page_range[1]}")
