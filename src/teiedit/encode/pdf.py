"""Read a PDF (pdfminer.six) into the page/line model the text readers produce.

A text extraction has lost what the PDF still shows, so here it is read, not guessed: pages
are the PDF's pages; furniture is what stands at the top or the foot of a page and repeats
there from page to page (or is a bare page number, or shares the furniture's font); the
footnote zone is the run of rows at the foot set in the notes' smaller size; note calls are
digits set smaller and raised above the baseline; a paragraph starts at a first-line indent,
a change of size or margin, or extra space above; heads are set larger or bold.

The text the reader extracts is one line per printed row (words separated by one space),
a form feed opening each page after the first, a note's first row as "N text". That line
sequence is what the TEI gives back (`teiedit.serialize.regenerate`): the PDF's round trip.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field

from teiedit.encode.calls import Call
from teiedit.encode.layout import NOTE_GAP, BodyBlock, Layout, NoteText, Page
from teiedit.encode.pagestyle import (
    NUMBERED_HEAD,
    PAGE_NUMBER,
    Furniture,
    TextStyle,
    furniture_words,
)
from teiedit.encode.source import Diagnostics, Line, Source
from teiedit.xmlio import TeieditError

MAGIC = b"%PDF-"
TIME_LIMIT = 120.0  # seconds to read a PDF before giving up (a hostile or broken file)
EDGE = 2  # furniture stands among the first or last EDGE rows of a page
SUPERSCRIPT = 0.85  # a glyph this much smaller than its row and raised is a superscript
SYMBOLS = "*∗†‡§"
LINE_END_HYPHENS = "\u2010\u00ad"  # typographic and soft hyphens, read as "-" at a row's end
_NOT_XML = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")


def is_pdf(data: bytes) -> bool:
    return data.startswith(MAGIC)


@dataclass
class Row:
    """One printed row: its text, geometry and type, and its raised digits (col, length)."""

    text: str
    x0: float
    base: float
    size: float
    font: str
    bold: bool
    raised: list[tuple[int, int]] = field(default_factory=list)
    page: int = 0
    x1: float = 0.0
    call: bool = False  # the row is a note call alone (wrapped onto a line of its own)

    @property
    def style(self) -> tuple[str, float]:
        return self.font, round(self.size, 1)


@dataclass
class PdfReading:
    """What the PDF reader hands the structure stage: the lines, their layout, the calls,
    and the title (the first page's largest type, when larger than the body's)."""

    source: Source
    layout: Layout
    calls: list[Call]
    title: str = ""


# -- pdfminer → rows ------------------------------------------------------------------------

def _glyph_lines(item) -> list:
    from pdfminer.layout import LTTextLineHorizontal

    if isinstance(item, LTTextLineHorizontal):
        return [item]
    if hasattr(item, "__iter__"):
        return [ln for child in item for ln in _glyph_lines(child)]
    return []


def _row(lines: list, page: int) -> Row | None:
    """Join the pdfminer lines of one printed row: one space between words, superscripts
    found by size and baseline."""
    from pdfminer.layout import LTChar

    glyphs = [(c.get_text() if c is not None else " ", c)
              for ln in sorted(lines, key=lambda ln: ln.x0)
              for c in [*ln, None]]  # None: a space between pdfminer's lines
    chars = [c for _, c in glyphs if isinstance(c, LTChar) and c.get_text().strip()]
    if not chars:
        return None
    sizes = Counter(round(c.size, 1) for c in chars)
    size = max(sizes, key=lambda s: (sizes[s], s))
    base = statistics.median(c.matrix[5] for c in chars if round(c.size, 1) == size)
    fonts = Counter(c.fontname for c in chars if round(c.size, 1) == size)
    font = fonts.most_common(1)[0][0]
    text, raised = "", []
    for t, c in glyphs:
        t = _NOT_XML.sub("", t) if c is not None else " "
        if not t.strip():
            if text and not text.endswith(" "):
                text += " "
            continue
        up = isinstance(c, LTChar) and c.size < SUPERSCRIPT * size \
            and c.matrix[5] > base + 0.2 * size
        if up and raised and raised[-1][0] + raised[-1][1] == len(text):
            raised[-1] = (raised[-1][0], raised[-1][1] + len(t))
        elif up:
            raised.append((len(text), len(t)))
        text += t
    bold = sum("bold" in c.fontname.lower() for c in chars) * 2 > len(chars)
    text = text.rstrip()
    if text[-1:] in LINE_END_HYPHENS:  # the TEI records a line-end hyphen, not which one
        text = text[:-1] + "-"
    return Row(text, min(c.x0 for c in chars), base, size, font, bold, raised, page,
               max(c.x1 for c in chars))


def _rows(page_layout, page: int) -> list[Row]:
    """The page's rows from top to bottom; pdfminer lines that share a row are joined."""
    groups: list[list] = []
    for ln in sorted(_glyph_lines(page_layout), key=lambda ln: (-ln.y1, ln.x0)):
        if not ln.get_text().strip():
            continue
        for group in groups[-3:]:
            low, high = max(g.y0 for g in group), min(g.y1 for g in group)
            overlap = min(high, ln.y1) - max(low, ln.y0)
            if overlap >= 0.5 * min(ln.height, high - low):
                group.append(ln)
                break
        else:
            groups.append([ln])
    rows = [r for g in groups if (r := _row(g, page)) is not None]
    return sorted(rows, key=lambda r: -r.base)


def read_rows(data: bytes, name: str) -> list[list[Row]]:
    """Every page's rows, or a clear error for a PDF that cannot be read."""
    import io

    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psexceptions import PSException

    started = time.monotonic()
    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)))
        manager = PDFResourceManager()
        device = PDFPageAggregator(manager, laparams=LAParams())
        interpreter = PDFPageInterpreter(manager, device)
        pages = []
        for number, page in enumerate(PDFPage.create_pages(doc)):
            if time.monotonic() - started > TIME_LIMIT:
                raise TeieditError(f"reading the PDF took over {TIME_LIMIT:.0f} s (page "
                                   f"{number + 1}); giving up", file=name)
            interpreter.process_page(page)
            pages.append(_rows(device.get_result(), number))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise TeieditError("the PDF is encrypted: decrypt it first (e.g. qpdf --decrypt)",
                           file=name) from None
    except TeieditError:
        raise
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError,
            AssertionError, RecursionError, OSError) as e:
        raise TeieditError(f"not a readable PDF ({type(e).__name__}: {e})", file=name) from None
    if not pages:
        raise TeieditError("not a readable PDF (no pages found: truncated?)", file=name)
    if not any(pages):
        raise TeieditError("the PDF has no text layer (a scanned document?): run OCR on it "
                           "first", file=name)
    return pages


# -- rows → layout --------------------------------------------------------------------------

def _mode(values: list[float], default: float) -> float:
    return Counter(values).most_common(1)[0][0] if values else default


def _furniture(pages: list[list[Row]]) -> set[int]:
    """ids of the rows that are furniture: at a page's top or foot edge, a bare page number,
    or repeated at the same height on another page (digits aside), or words of first-page
    furniture (DOI, licence), or set in a type that is only used for such rows."""
    def edges(rows: list[Row]) -> list[list[Row]]:
        return [rows[:EDGE], rows[::-1][:EDGE]]

    def place(r: Row) -> tuple[str, int]:
        """The row's words (a page number before or after them aside) and its height."""
        return re.sub(r"^\d+\s+|\s+\d+$", "#", r.text.lower()), round(r.base / 3)

    pages_at: dict[tuple[str, int], set[int]] = {}
    for rows in pages:
        for edge in edges(rows):
            for r in edge:
                pages_at.setdefault(place(r), set()).add(r.page)
    often = max(2, len(pages) // 4)  # a running head stands on every other page
    found: set[int] = set()
    inside = {r.style for rows in pages for r in rows[EDGE:-EDGE]}
    for rounds in range(2):
        styles = {r.style for rows in pages for r in rows if id(r) in found}
        for rows in pages:
            for edge in edges(rows):
                for r in edge:
                    if PAGE_NUMBER.match(r.text) or len(pages_at[place(r)]) >= often \
                            or (r.page == 0 and furniture_words(r.text)) \
                            or (rounds and r.style in styles - inside):
                        found.add(id(r))
                    else:
                        break
    return found


def _furniture_of(row: Row, line: Line) -> Furniture:
    if PAGE_NUMBER.match(row.text):
        return Furniture.page_number(line)
    m = NUMBERED_HEAD.match(row.text)
    if m:
        return Furniture.running_head(line, int(m.group("before") or m.group("after")),
                                      (m.group("head1") or m.group("head2")).strip())
    return Furniture.running_head(line)


def _note_size(pages: list[list[Row]], furniture: set[int], body: float) -> float | None:
    """The type size of footnotes: smaller than the body, at the foot, opening with a number."""
    sizes = []
    for rows in pages:
        rest = [r for r in rows if id(r) not in furniture]
        last_body = max((k for k, r in enumerate(rest) if r.size >= body - 0.25), default=-1)
        sizes += [round(r.size, 1) for r in rest[last_body + 1:]
                  if r.size < body - 0.25 and re.match(r"\d{1,3}\s?\S", r.text)]
    return _mode(sizes, 0) or None


def _marker(row: Row, expected: int) -> tuple[str, int] | None:
    """(n, length of the marker) if `row` opens footnote `expected` (or one soon after)."""
    m = re.match(r"(\d{1,3})(?=\s|\D)", row.text)
    if m and expected <= int(m.group(1)) < expected + NOTE_GAP and \
            (row.text[m.end():m.end() + 1] == " " or (row.raised and row.raised[0][0] == 0)):
        return m.group(1), m.end()
    if row.text[:1] in SYMBOLS:
        return "*", 1
    return None


@dataclass
class _Builder:
    """Numbers lines as the reader extracts them and builds pages, blocks and notes."""

    diag: Diagnostics
    lines: list[Line] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    body: list[BodyBlock] = field(default_factory=list)
    notes: list[NoteText] = field(default_factory=list)
    furniture: dict[int, Furniture] = field(default_factory=dict)
    calls: list[tuple[Line, int, int, int]] = field(default_factory=list)  # line, col, len, n
    expected: int = 1  # the next footnote number

    def line(self, text: str, row: Row | None = None) -> Line:
        first = len(self.pages) > 1 and self.pages[-1].first_line == len(self.lines) + 1
        line = Line(len(self.lines) + 1, ("\f" if first else "") + text)
        self.lines.append(line)
        if row is not None:
            self.calls += [(line, col, length, int(row.text[col:col + length]))
                           for col, length in row.raised
                           if row.text[col:col + length].isdigit()]
        return line

    def note_line(self, row: Row, page: Page) -> Line:
        """A footnote row: a new note when it opens with the next number, else more of the
        note before (which may have begun on an earlier page)."""
        start = _marker(row, self.expected)
        if start is None:
            line = self.line(row.text)
            self.notes[-1].lines.append((line, page))
            return line
        n, end = start
        text = row.text if row.text[end:end + 1] in ("", " ") \
            else f"{row.text[:end]} {row.text[end:]}"
        line = self.line(text)
        if n != "*":
            if int(n) > self.expected:
                missing = ", ".join(str(k) for k in range(self.expected, int(n)))
                self.diag.warn(f"footnote {n} follows {self.expected - 1}: no text for note "
                               f"{missing}", line.no)
            self.expected = int(n) + 1
        self.notes.append(NoteText(n, row.text[:end], [(line, page)]))
        return line


@dataclass
class _Measure:
    """What a page's body looks like: left margin, justified or ragged, line steps."""

    margin: float
    right: float  # the usual right edge of the page's rows
    justified: bool
    leading: dict[float, float]

    def edge(self, rows: list[Row]) -> float:
        """The right edge of a block: the page's, or a narrower one that two of its rows
        share (a quotation set on a narrower measure)."""
        ends = Counter(round(r.x1) for r in rows)
        return next((x for x, n in ends.most_common(1) if n > 1 and x < self.right - 2),
                    self.right)

    def short(self, row: Row, edge: float) -> bool:
        """In justified text, a row that stops short of its block's right edge ends it."""
        return self.justified and row.x1 < edge - 1.5 * row.size


def _breaks(block: list[Row], row: Row, m: _Measure) -> bool:
    """Does `row` start a new block after the rows of `block`?
    A change of type, extra space, a short line before, an indent; a first-line indent or a
    hanging one (a bibliography) only moves the second line."""
    prev, first = block[-1], block[0]
    if row.call:
        return False
    if abs(row.size - prev.size) > 0.3 or row.bold != prev.bold:
        return True
    if prev.base - row.base > 1.45 * m.leading.get(round(row.size, 1), 1.2 * row.size):
        return True
    if abs(row.x0 + row.x1 - prev.x0 - prev.x1) < 4 and prev.x0 > m.margin + 0.4 * row.size:
        return False  # centred lines (a caption)
    if m.short(prev, m.edge([*block, row])):
        return True
    if abs(row.x0 - prev.x0) <= 0.4 * row.size:
        return False
    # a paragraph's second row: after a hanging indent (a list item, a bibliography entry),
    # or back at the margin after a first-line indent
    return prev is not first or (row.x0 < prev.x0 and abs(row.x0 - m.margin) > 0.4 * row.size)


def _head(rows: list[Row], body: float) -> bool:
    return len(rows) <= 3 and all(r.bold or r.size > body + 0.4 for r in rows)


def _measures(pages: list[list[Row]], furniture: set[int], body: float) -> list[_Measure]:
    every = [r for rows in pages for r in rows]
    leading = {}
    for size in {round(r.size, 1) for r in every}:
        steps = [round(a.base - b.base, 1) for rows in pages for a, b in itertools.pairwise(rows)
                 if round(a.size, 1) == round(b.size, 1) == size
                 and 0 < a.base - b.base < 2.5 * size]  # not across a figure
        leading[size] = _mode(steps, 1.2 * size)
    texts = [[r for r in rows if abs(r.size - body) < 0.3 and id(r) not in furniture]
             for rows in pages]
    rights = [_mode([round(r.x1) for r in text], 0) for text in texts]
    full = sum(abs(r.x1 - right) < 1.5 for text, right in zip(texts, rights, strict=True)
               for r in text)
    justified = full >= 0.5 * sum(map(len, texts))
    out = []
    for rows, text in zip(pages, texts, strict=True):
        lefts = Counter(round(r.x0) for r in text)  # the margin: the leftmost usual edge
        margin = min((x for x, n in lefts.items() if n > 1), default=rows[0].x0 if rows else 0)
        right = _mode([round(r.x1) for r in rows if id(r) not in furniture], 0)
        out.append(_Measure(margin, right, justified, leading))
    return out


@dataclass
class _Page:
    """One page of the PDF being read: its rows sorted into furniture, body and footnotes."""

    page: Page
    measure: _Measure
    top: list[Row]
    body: list[Row]
    notes: list[Row]
    foot: list[Row]


def _zones(pages: list[list[Row]], diag: Diagnostics) -> tuple[list[_Page], float]:
    """Furniture by position and repetition, footnotes by their size at the foot, the rest
    body; a row of small digits alone in the body is a call that wrapped onto a line of its own.
    Also returns the body's type size."""
    body_size = _mode([round(r.size, 1) for rows in pages for r in rows for _ in r.text], 10.0)
    furniture = _furniture(pages)
    note_size = _note_size(pages, furniture, body_size)
    out = []
    for seq, (rows, measure) in enumerate(zip(pages, _measures(pages, furniture, body_size),
                                              strict=True)):
        if not rows:
            diag.warn(f"page {seq + 1} of the PDF has no text")
        inner = [r for r in rows if id(r) not in furniture]
        zone = len(inner)
        while note_size and zone and inner[zone - 1].size < note_size + 0.25:
            zone -= 1
        for r in inner[:zone]:
            if r.text.isdigit() and r.size < SUPERSCRIPT * body_size:
                r.raised, r.call = [(0, len(r.text))], True
        first = inner[0].base if inner else 0
        out.append(_Page(Page(seq, 0), measure,
                         [r for r in rows if id(r) in furniture and r.base >= first],
                         inner[:zone], inner[zone:],
                         [r for r in rows if id(r) in furniture and r.base < first]))
    return out, body_size


def read_pdf(data: bytes, name: str, diag: Diagnostics) -> PdfReading:
    """The PDF's pages as the text readers' layout, with what the PDF shows for certain."""
    rows = read_rows(data, name)
    unmapped = sum("(cid:" in r.text for page in rows for r in page)
    if unmapped:
        diag.warn(f"{unmapped} row(s) hold glyphs the PDF maps to no character, kept as "
                  "'(cid:N)': the PDF's fonts lack a Unicode map")
    pages, body_size = _zones(rows, diag)
    indents = sum(r.x0 > p.measure.margin + 0.4 * r.size for p in pages for r in p.body
                  if abs(r.size - body_size) < 0.3)
    b = _Builder(diag)
    # the last body row so far, its page's measure and its block's right edge
    last: tuple[Row, _Measure, float] | None = None
    for p in pages:
        page = p.page
        page.first_line = len(b.lines) + 1
        b.pages.append(page)
        for r in p.top:
            page.furniture.append(_furniture_of(r, b.line(r.text)))
        # footnote-sized rows before the first footnote: small print in the body
        k = 0 if b.notes else next((k for k, r in enumerate(p.notes) if _marker(r, 1)),
                                   len(p.notes))
        block: list[Row] = []
        lines: list[Line] = []
        for r in [*p.body, *p.notes[:k], None]:
            if block and (r is None or _breaks(block, r, p.measure)):
                starts: bool | None = True
                if not any(blk.page is page for blk in b.body) and last is not None:
                    starts = _page_starts(block[0], p.measure, *last, indents >= 3)
                b.body.append(BodyBlock(lines, page, starts=starts,
                                        head=True if _head(block, body_size) else None))
                last = block[-1], p.measure, p.measure.edge(block)
                block, lines = [], []
            if r is not None:
                block.append(r)
                lines.append(b.line(r.text, r))
        page.content += [ln for blk in b.body if blk.page is page for ln in blk.lines]
        for r in p.notes[k:]:
            page.content.append(b.note_line(r, page))
        for r in p.foot:
            page.furniture.append(_furniture_of(r, b.line(r.text)))
    style = TextStyle({f.line.no: f for p in b.pages for f in p.furniture}, formfeeds=True,
                      width=int(_mode([len(ln.text) for ln in b.lines], 80)))
    layout = Layout(b.pages, b.body, b.notes, style)
    if not b.notes:
        diag.warn("no footnotes found")
    source = Source(name, b.lines, hashlib.sha256(data).hexdigest(), "pdf")
    return PdfReading(source, layout, _calls(b, diag), _title(pages, body_size))


def _title(pages: list[_Page], body: float) -> str:
    rows = pages[0].body if pages else []
    size = max((r.size for r in rows), default=0)
    title = [r.text for r in rows if abs(r.size - size) < 0.3]
    if size < body + 2 or not title or len(title) > 4:
        return ""
    return "".join(t if t.endswith("-") else t + " " for t in title).strip()


def _page_starts(first: Row, here: _Measure, last: Row, there: _Measure, edge: float,
                 indents: bool) -> bool | None:
    """Does a page's first block start a paragraph? Not if it continues the last page's last
    block in the same type and at the same place on the line; in a document without
    first-line indents, a paragraph that starts at a page top looks the same (None)."""
    same = abs(first.size - last.size) < 0.3 and first.bold == last.bold and \
        abs((first.x0 - here.margin) - (last.x0 - there.margin)) < 0.4 * first.size
    if there.short(last, edge) or not same:
        return True
    return False if indents else None


def _calls(b: _Builder, diag: Diagnostics) -> list[Call]:
    """Each note's call: the raised number in the body on or before the note's page."""
    by_n = {int(n.n): n for n in b.notes if n.n != "*"}
    body_lines = {ln.no: blk.page.seq for blk in b.body for ln in blk.lines}
    calls, called = [], {0}
    for line, col, length, n in b.calls:
        note = by_n.get(n)
        if note is None or n <= max(called) or body_lines.get(line.no, 1 << 30) > \
                note.lines[0][1].seq:
            if note is None:
                diag.warn(f"raised number {n} calls no footnote", line.no)
            continue
        called.add(n)
        calls.append(Call(line.no, col, length, note))
    for n, note in by_n.items():
        if n not in called:
            diag.warn(f"no call found for footnote {n}; the note is placed at the end of "
                      "the last body line of its page", note.first_line)
            last = [ln for blk in b.body if blk.page.seq <= note.lines[0][1].seq
                    for ln in blk.lines]
            if last:
                calls.append(Call(last[-1].no, len(last[-1].text), 0, note))
    return calls
