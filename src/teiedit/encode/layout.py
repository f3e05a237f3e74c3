"""Recover the printed layout from extracted lines: pages, furniture, body blocks, footnotes.

The extraction gives, page after page: optional furniture (page number, running head), the
body text, then the page's footnotes ("12 Text…"), where the first block may continue the
last note of the previous page. Everything here works on line numbers, never on text edits.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from dataclasses import dataclass, field

from teiedit.encode.metadata import labels
from teiedit.encode.pagestyle import (
    NUMBERED_HEAD,
    PAGE_NUMBER,
    Furniture,
    TextStyle,
    find_furniture,
    head_like,
    span,
)
from teiedit.encode.source import Diagnostics, Line

NOTE_START = re.compile(r"^(\d{1,3})\s{1,2}(?=\S)")
SYMBOL_NOTE_START = re.compile(r"^([∗*†‡§])\s*(?=\S)")
FINISHED = re.compile(r"[.!?][”\"’»)\]]*$")
# A sentence end, perhaps followed by a footnote call ("at the time.8").
TERMINAL = re.compile(r"[.!?…][”\"’»)\]]*(?:\s?\d{1,3})?$")
# A call is glued to a letter or a closing punctuation mark, or follows such a mark after a
# space ("with. 31"), or follows a word and a space at a line end or before a comma ("on
# GitLab 4, fehlen"); it is never part of a longer number, a range or a signature.
GLUED = r"(?<=[^\s\d\-–/]){k}(?![\w])"
SPACED = (r"(?:(?<=[.,;:!?)\]”\"’»])\s{{1,2}}"
          r"|(?<=[^\W\d_])\s(?={k}(?:[,;]|$))|(?<=[^\W\d_])\s\s(?={k}(?:[,;]|$)))({k})(?![\w])")




# Where no call stands as calls usually do, the note's number between two words (an
# extraction that spaced a superscript: "Personensuche  5 oder") or glued to the end of
# another number ("from 1 to 19610") is its call, the sequence of calls permitting.
LOOSE = r"(?:(?<=[^\W\d_])\s{{1,2}}|(?<=\d))({k})(?!\w)"
# A call pushed onto a line of its own (the line before was full).
ALONE = r"^({k})$"


def call_pattern(k: str) -> re.Pattern[str]:
    return re.compile(f"{GLUED.format(k=k)}|{SPACED.format(k=k)}|{ALONE.format(k=k)}")


# How far ahead of the expected number a note may start (numbers skipped by the extraction).
NOTE_GAP = 3


@dataclass
class Page:
    seq: int
    first_line: int
    furniture: list[Furniture] = field(default_factory=list)
    content: list[Line] = field(default_factory=list)
    n: str = ""
    missing_before: int = 0  # printed pages missing from the extraction before this one

    @property
    def printed(self) -> int | None:
        return next((f.number for f in self.furniture if f.number is not None), None)


@dataclass
class BodyBlock:
    lines: list[Line]
    page: Page
    # What a reader knows for certain (the PDF's indents and type); None: judged from the text.
    starts: bool | None = None  # the block starts a paragraph (False: continues the last one)
    head: bool | None = None  # the block is a head


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
    style: TextStyle


def split_pages(lines: list[Line], style: TextStyle) -> list[Page]:
    """Pages where the evidence puts them: form feeds, or the furniture found by its sequence
    of page numbers (closing or opening its page); else the bundled article's convention."""
    if not style.numbered:
        return split_marked_pages(lines)
    if style.formfeeds:
        breaks = {i for i, ln in enumerate(lines) if ln.formfeed}
    else:
        runs = _furniture_runs(lines, style)
        # furniture closes its page when less text follows the last than precedes the first
        after = sum(not ln.blank for ln in lines[runs[-1][1] + 1:])
        style.foot = after < sum(not ln.blank for ln in lines[:runs[0][0]])
        breaks = {end + 1 if style.foot else start for start, end in runs}
    pages: list[Page] = []
    for i, line in enumerate(lines):
        if not pages or (i in breaks and (pages[-1].content or pages[-1].furniture)):
            pages.append(Page(len(pages), line.no))
        furniture = style.furniture.get(line.no)
        if furniture:
            pages[-1].furniture.append(furniture)
        else:
            pages[-1].content.append(line)
    return pages


def _furniture_runs(lines: list[Line], style: TextStyle) -> list[tuple[int, int]]:
    """(first, last) index of each run of furniture lines (blank lines inside a run allowed)."""
    runs: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        if line.no not in style.furniture:
            continue
        between = lines[runs[-1][1] + 1:i] if runs else [line]
        if runs and all(ln.blank for ln in between):
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def split_marked_pages(lines: list[Line], min_lines: int = 8) -> list[Page]:
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


def measure(pages: list[Page], style: TextStyle) -> None:
    """The printed width of a full line (the median of lines that a lower-case line continues:
    lines inside paragraphs), and whether blank lines separate paragraphs: do the lines that
    end a paragraph (short, closing a sentence) stand before a blank line?"""
    content = [ln for p in pages for ln in p.content]
    running = [span(ln.text) for ln, nxt in itertools.pairwise(content)
               if not ln.blank and nxt.text[:1].islower()]
    spans = sorted(span(ln.text) for ln in content if not ln.blank)
    if len(running) >= 10:
        style.width = statistics.median(running)
    elif spans:
        style.width = spans[int(len(spans) * 0.6)]
    ends = [content[i + 1].blank for i, ln in enumerate(content[:-1])
            if TERMINAL.search(ln.text) and span(ln.text) < 0.8 * style.width]
    style.blank_blocks = len(ends) < 5 or sum(ends) >= 0.5 * len(ends)  # too few: as before


def caption(line: Line) -> bool:
    """'Figure 3: …', 'Table 2.' (labels.json): a caption, a block of its own."""
    return any(re.match(rf"{re.escape(w)}\s*\d+[.:]", line.text) for w in labels()["caption"])


def printed_span(line: Line, style: TextStyle) -> float:
    """Width of the last printed line in `line`, as a share of a full line: an extraction that
    joins hyphenated words (pdftotext) puts two or more printed lines on one, each full."""
    size = span(line.text) / style.width
    return size - max(1, math.floor(size - 0.05)) if size > 1.15 else size


def head_line(line: Line, following: Line | None, style: TextStyle) -> bool:
    """A short line standing alone, not ending in punctuation, before a capital."""
    return following is not None and not following.blank \
        and span(line.text) <= 0.7 * style.width and line.text[:1].isupper() \
        and not re.search(r"[.,;:\-]$", line.text) and following.text[:1].isupper()


# A line closing a sentence ends its paragraph when it is shorter than this share of a full
# line (before a line that opens like a sentence) or than SHORT (before anything). Justified
# lines measured in em (`span`) vary by a few per cent; a last line is rarely that full.
NEARLY_FULL, SHORT = 0.95, 0.8
# A line not closing a sentence ends its block (a head, a title, a list item, a line before
# a list) when it is shorter than this and the next line opens like a sentence.
OPEN_END = 0.75
BULLET = re.compile(r"^[•◦▪‣●○■□►➢]\s")
# An author-year reference opening a bibliography entry: "Plewe, Ernst. 1974.",
# "Krause, Gottlieb, Hrsg. 1858.", "Museo Galileo, n.d." (a name, then a year or "n.d.").
REFERENCE = re.compile(r"^[‘“\"„]?[^\W\d_].{0,80}?[.,]\s\(?(?:(?:1[5-9]|20)\d\d[a-z]?(?:[–-]\d*)?"
                       r"\)?[.:]|n\.\s?d\.)")


def paragraph_ends(line: Line, following: Line | None, style: TextStyle) -> bool:
    """Does the printed paragraph end with `line`? It closes a sentence and falls short of the
    justified width (a little short is enough before a line that starts with no lower-case
    letter)."""
    size = printed_span(line, style)
    opens = following is None or not following.text[:1].islower()
    return bool(TERMINAL.search(line.text)) and (size < SHORT or (opens and size < NEARLY_FULL))


def _block_ends(content: list[Line], k: int, block: list[Line], style: TextStyle) -> bool:
    """Without blank lines, a block ends at a paragraph's last line (unless it ends in a call
    and the next line would have fitted beside it: one printed line cut at the call), and at
    a short line before a line that opens like a sentence (heads, titles, list items)."""
    line = content[k]
    following, after = (content[k + n] if k + n < len(content) else None for n in (1, 2))
    if following is None or following.blank:
        return False
    if caption(following) or (caption(block[0]) and TERMINAL.search(line.text)):
        return True
    size = printed_span(line, style)
    if line.text[-1].isdigit() and size + span(" " + following.text) / style.width <= 1.05:
        return head_line(following, after, style)  # one printed line cut at a call
    if BULLET.match(following.text) or paragraph_ends(line, following, style):
        return True
    if TERMINAL.search(line.text):  # a head or a reference entry follows
        return head_line(following, after, style) or bool(REFERENCE.match(following.text))
    return size < OPEN_END and not following.text[:1].islower() and line.text[-1] != "-"


def blocks_of(page: Page, style: TextStyle) -> list[list[Line]]:
    """Blank-line separated blocks; an indented line inside a block also starts one; without
    blank lines between paragraphs, their ends and heads found by line length."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for k, line in enumerate(page.content):
        if line.blank or (current and line.indent and not current[-1].indent):
            if current:
                blocks.append(current)
            current = [] if line.blank else [line]
        else:
            current.append(line)
        if current and not style.blank_blocks and _block_ends(page.content, k, current, style):
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def note_start(line: Line, expected: int, bare: bool = False) -> tuple[str, str, int] | None:
    """(n, marker, length of marker and space) if `line` begins a footnote; `bare`: also a
    line holding only the number (an extraction that split the note's first line)."""
    m = NOTE_START.match(line.raw)
    if m and expected <= int(m.group(1)) < expected + NOTE_GAP:
        return m.group(1), m.group(1), m.end()
    if bare and line.text == str(expected):
        return line.text, line.text, len(line.raw)
    m = SYMBOL_NOTE_START.match(line.raw)
    if m:
        return "*", m.group(1), m.end()
    return None


def _called(text: str, n: int) -> bool:
    """Does the body text show the call for note `n` (digits glued to a word or a mark, or
    spaced between words)?"""
    return bool(call_pattern(str(n)).search(text) or re.search(LOOSE.format(k=n), text))


def _notes_begin(blocks: list[list[Line]], expected: int, style: TextStyle,
                 recent: str) -> tuple[int, int]:
    """(block, line) where the page's footnotes begin: a block starting with the next note
    number; without blank lines, any line so starting whose call the body has shown, or
    that the next note follows (a run of numbered lines)."""
    lines = [(k, j, line) for k, block in enumerate(blocks) for j, line in enumerate(block)]
    for at, (k, j, line) in enumerate(lines):
        if style.blank_blocks and j:
            continue
        start = note_start(line, expected) if style.blank_blocks else \
            note_start(line, expected, bare=True)
        n = expected if not start or start[0] == "*" else int(start[0])
        if start and (style.blank_blocks or _called(recent, n)
                      or any(note_start(later, n + 1) for _, _, later in lines[at + 1:at + 4])):
            return k, j
        recent += " " + line.text
    return len(blocks), 0


def analyse(lines: list[Line], diag: Diagnostics) -> Layout:
    style = find_furniture(lines)
    pages = split_pages(lines, style)
    measure(pages, style)
    body: list[BodyBlock] = []
    notes: list[NoteText] = []
    expected = 1
    recent = ""
    for page in pages:
        blocks = blocks_of(page, style)
        first_note, at = _notes_begin(blocks, expected, style, recent)
        if at:
            blocks[first_note:first_note + 1] = [blocks[first_note][:at],
                                                 blocks[first_note][at:]]
            first_note += 1
        body_blocks = blocks[:first_note]
        if notes and not notes[-1].finished and len(body_blocks) >= 2 and style.blank_blocks:
            notes[-1].lines.extend((ln, page) for ln in body_blocks.pop())
        body.extend(BodyBlock(b, page) for b in body_blocks)
        recent = " ".join(ln.text for b in body_blocks for ln in b)
        for block in blocks[first_note:]:
            for k, line in enumerate(block):
                start = note_start(line, expected, bare=not style.blank_blocks)
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
    return Layout(pages, body, notes, style)


def _range(first: int, last: int) -> str:
    return f"page {first}" if first == last else f"pages {first}–{last}"


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
        if v2 - v1 > s2 - s1:
            missing = v2 - v1 - (s2 - s1)
            pages[s2].missing_before = missing
            diag.warn(f"printed page {v2} comes {s2 - s1} page(s) after page {v1}: "
                      f"{_range(v2 - missing, v2 - 1)} missing from the extraction "
                      "(marked <gap/> before page " + str(v2) + ")", pages[s2].first_line)
        elif v2 - v1 < s2 - s1:
            diag.warn(f"printed page {v2} comes {s2 - s1} page(s) after page {v1}: "
                      f"{s2 - s1 - (v2 - v1)} page(s) more than printed numbers allow",
                      pages[s2].first_line)
    if page_range and pages and int(pages[-1].n) > page_range[1]:
        diag.warn(f"last page is numbered {pages[-1].n}, after the page range's end "
                  f"{page_range[1]}")
