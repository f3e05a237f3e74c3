"""How a plain-text extraction shows its pages, decided from the document itself.

Extraction tools differ: pdftotext separates pages with form feeds and keeps running heads
at the top or foot of a page on lines of their own; pypdf and `pdftotext -raw` print the page
number and running head on one line at the foot; a copy-and-paste (the bundled article) marks a
page by its furniture or a one-space indent. Nothing here assumes one of them. The evidence is
the printed page numbers (a sequence growing by one, page after page), lines repeated from page
to page next to them, form feeds, blank lines and line lengths.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from teiedit.encode.metadata import labels
from teiedit.encode.source import Line

PAGE_NUMBER = re.compile(r"^\s*(\d{1,4})\s*$")
# A running head and its page number on one line: "128  ТОКОВИ ИСТОРИЈЕ…" or "…TITLE  129".
NUMBERED_HEAD = re.compile(r"^\s*(?:(?P<before>\d{1,3})\s+(?P<head1>\D.*?)|(?P<head2>.*\S)\s+"
                           r"(?P<after>\d{1,3}))\s*$")
# Consecutive printed numbers differ by at most this much (a page or two lost in extraction).
MAX_STEP = 3
# A page holds at least this many lines between two of its numbers, and a sequence of page
# numbers is this long at least (two notes "29 Ibid." and "30 Ibid." are not pages).
MIN_PAGE_LINES = 15
MIN_CHAIN = 3
EDGE = 3  # furniture stands among the first or last EDGE non-blank lines of a page


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
class TextStyle:
    """What the document shows about its layout."""

    furniture: dict[int, Furniture] = field(default_factory=dict)  # line number → furniture
    formfeeds: bool = False  # pages are separated by form feeds
    foot: bool = False  # the furniture found closes its page (else it opens it)
    blank_blocks: bool = True  # blank lines separate paragraphs
    width: float = 40.0  # a full printed line of body text, in em (see `span`)

    @property
    def numbered(self) -> bool:
        """Pages are known from a sequence of printed numbers (or form feeds)."""
        return bool(self.furniture) or self.formfeeds


@cache
def _glyph_widths() -> dict[str, float]:
    data = json.loads(files("teiedit.data").joinpath("glyph-widths.json").read_text("utf-8"))
    return {chr(int(start, 16) + k): w / 1000 for start, widths in data["ranges"].items()
            for k, w in enumerate(widths) if w}


def span(text: str) -> float:
    """Printed width of `text` in em of a common serif font (data/glyph-widths.json): in
    proportional type a line of 'm' is wider than one of 'i', so counting characters blurs
    the difference between a full justified line and a paragraph's last line."""
    widths = _glyph_widths()
    return sum(widths.get(c, 0.6) for c in text)


def head_like(line: Line) -> bool:
    """A running head is mostly capitals: 'ТОКОВИ ИСТОРИЈЕ 3/2021. 121–143'."""
    letters = [c for c in line.text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.6 * len(letters)


def key(text: str) -> str:
    """A line as it repeats from page to page: numbers and case do not count."""
    return " ".join(re.sub(r"\d+", "#", text.lower()).split())


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", key(text)))


def _numbered(line: Line) -> tuple[int, str] | None:
    """(printed number, running head or '') if the line may carry a page number."""
    m = PAGE_NUMBER.match(line.raw)
    if m:
        return int(m.group(1)), ""
    m = NUMBERED_HEAD.match(line.raw)
    if m:
        return int(m.group("before") or m.group("after")), (m.group("head1") or
                                                            m.group("head2")).strip()
    return None


def _chain(lines: list[Line], repeated: Counter[str]) -> list[tuple[int, int, str]]:
    """The longest run of lines carrying page numbers that grow by 1 to MAX_STEP, a page apart
    (with form feeds: as many pages apart as the numbers differ).

    A number with words beside it counts only if the words repeat elsewhere (a running head)
    or are the words of furniture (DOI, licence…).
    """
    sheet, count = [], 0
    for line in lines:
        count += line.formfeed
        sheet.append(count)

    def apart(j: int, i: int, step: int) -> bool:
        return sheet[i] - sheet[j] == step if count else i - j >= MIN_PAGE_LINES

    cands = []
    for i, line in enumerate(lines):
        found = _numbered(line)
        if found is None or len(line.text.split()) > 16:
            continue
        number, head = found
        if head and repeated[key(head)] < 2 and not furniture_words(head):
            continue
        cands.append((i, number, head))
    best: list[tuple[int, int]] = []  # (length, previous index) per candidate
    for c, (i, number, _) in enumerate(cands):
        length, prev = 1, -1
        for d in range(c):
            j, other, _ = cands[d]
            if 1 <= number - other <= MAX_STEP and apart(j, i, number - other) \
                    and best[d][0] + 1 > length:
                length, prev = best[d][0] + 1, d
        best.append((length, prev))
    if not best:
        return []
    c = max(range(len(best)), key=lambda k: (best[k][0], -k))
    chain = []
    while c >= 0:
        chain.append(cands[c])
        c = best[c][1]
    if len(chain) < MIN_CHAIN:
        return []
    # a short last page: its number follows closely, beside a running head already seen
    known = {key(head) for _, _, head in chain if head}
    last = chain[0]
    chain += [c for c in cands if c[0] > last[0] and c[1] == last[1] + 1 and c[2]
              and key(c[2]) in known][:1]
    return sorted(chain)


def furniture_words(text: str) -> bool:
    """DOI, licence, ISSN…: the words of a first page's furniture (labels.json)."""
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE)
               for w in labels()["furniture"])


def _note_like(line: Line) -> bool:
    """A line opening with a number and a space is a footnote unless it is a page number."""
    return bool(re.match(r"\d{1,3}\s", line.text))


def _edges(lines: list[Line], style: TextStyle,
           numbered: list[int]) -> list[tuple[bool, list[int]]]:
    """Where furniture may stand, each list read from the outside in: with form feeds the
    first and the last EDGE non-blank lines of each page; otherwise the lines on either side
    of each page number, starting at the number. True marks the first page's edges."""
    out: list[tuple[bool, list[int]]] = []
    if style.formfeeds:
        starts = [0] + [i for i, ln in enumerate(lines) if ln.formfeed and i]
        for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
            filled = [i for i in range(start, end) if not lines[i].blank]
            out += [(not start, filled[:EDGE]), (not start, filled[::-1][:EDGE])]
    filled = [i for i, ln in enumerate(lines) if not ln.blank]
    at = {i: k for k, i in enumerate(filled)}
    for n, i in enumerate(numbered):
        k = at[i]
        out += [(not n, filled[max(k - EDGE, 0):k + 1][::-1]), (not n, filled[k:k + EDGE + 1])]
    return out


def find_furniture(lines: list[Line]) -> TextStyle:
    """Page numbers by their sequence, running heads by repetition beside them."""
    style = TextStyle(formfeeds=any(ln.formfeed for ln in lines))
    short = [ln for ln in lines if not ln.blank and len(ln.text.split()) <= 16]
    repeated = Counter(key(ln.text) for ln in short)
    for ln in short:
        found = _numbered(ln)
        if found and found[1]:
            repeated[key(found[1])] += 1
    chain = _chain(lines, repeated)
    if not chain and not style.formfeeds:
        return style
    numbered = {i: (n, head) for i, n, head in chain}
    heads: set[str] = {key(h) for _, h in numbered.values() if h}
    edges = _edges(lines, style, sorted(numbered))
    beside: dict[str, set[int]] = {}  # running heads: lines repeated beside page numbers
    for _, edge in edges:
        numbers = [i for i in edge if i in numbered]
        for i in edge if numbers else []:
            if i not in numbered and (repeated[key(lines[i].text)] < 2
                                      or _note_like(lines[i])):
                break
            beside.setdefault(key(lines[i].text), set()).add(numbers[0])
    heads |= {k for k, where in beside.items() if len(where) >= 2}
    for first, edge in edges:
        for i in edge:
            line = lines[i]
            if i in numbered:
                number, head = numbered[i]
                style.furniture[line.no] = Furniture.running_head(line, number, head) if head \
                    else Furniture.page_number(line)
            elif _note_like(line):
                break
            elif key(line.text) in heads or head_like(line) or \
                    (first and furniture_words(line.text)) or \
                    any(_tokens(h) <= _tokens(line.text) for h in heads if len(_tokens(h)) > 1):
                style.furniture[line.no] = Furniture.running_head(line)
            else:
                break
    return style
