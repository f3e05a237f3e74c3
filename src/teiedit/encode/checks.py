"""Checks on the recovered layout for what cannot be right, each reported with its place.

The encoder decides from evidence, and evidence can mislead: a stray indent may start a page
inside the body, so that body text ends up in a footnote. These checks do not repair anything;
they say where the result is implausible, and `--strict` turns what they say into an error.
"""

from __future__ import annotations

import itertools
import re
import statistics

from teiedit.encode.calls import Call
from teiedit.encode.layout import (
    GLUED,
    NOTE_GAP,
    NOTE_START,
    TERMINAL,
    Layout,
    call_pattern,
    head_line,
)
from teiedit.encode.source import Diagnostics


def check_layout(layout: Layout, calls: list[Call], diag: Diagnostics) -> None:
    _notes_too_long(layout, diag)
    _heads_in_notes(layout, diag)
    _calls_in_notes(layout, diag)
    _pages_without_body(layout, diag)
    _calls_out_of_sequence(layout, calls, diag)
    _notes_left_in_body(layout, diag)


def _page_text(layout: Layout) -> float:
    """Characters of body text on a typical page."""
    sizes: dict[int, int] = {}
    for block in layout.body:
        sizes[block.page.seq] = sizes.get(block.page.seq, 0) + sum(len(ln.text)
                                                                   for ln in block.lines)
    return statistics.median(sizes.values()) if sizes else 0


def _notes_too_long(layout: Layout, diag: Diagnostics) -> None:
    page = _page_text(layout)
    for note in layout.notes:
        size = sum(len(ln.text) for ln, _ in note.lines)
        if page and len(layout.pages) > 1 and size > page:
            diag.warn(f"footnote {note.n} holds {size} characters, more than a typical page "
                      f"of body text ({int(page)}): body text may have gone into it",
                      note.first_line)


def _heads_in_notes(layout: Layout, diag: Diagnostics) -> None:
    for note in layout.notes:
        lines = [ln for ln, _ in note.lines]
        for k in range(1, len(lines) - 1):
            if TERMINAL.search(lines[k - 1].text) and head_line(lines[k], lines[k + 1],
                                                                 layout.style) \
                    and not TERMINAL.search(lines[k].text):
                diag.warn(f"footnote {note.n} holds what reads like a section head "
                          f"({lines[k].text!r})", lines[k].no)
                break


def _calls_in_notes(layout: Layout, diag: Diagnostics) -> None:
    """A note that holds the (glued) call of the next note holds body text."""
    numbered = [n for n in layout.notes if n.n != "*"]
    for note, following in itertools.pairwise(numbered):
        pattern = re.compile(GLUED.format(k=following.n))
        for ln, _ in note.lines[1:]:
            if pattern.search(ln.text):
                diag.warn(f"footnote {note.n} holds what reads like the call of footnote "
                          f"{following.n}: body text may have gone into it", ln.no)
                break


def _pages_without_body(layout: Layout, diag: Diagnostics) -> None:
    with_body = {b.page.seq for b in layout.body}
    for page in layout.pages[1:-1]:
        if page.seq not in with_body and any(not ln.blank for ln in page.content):
            diag.warn(f"page {page.n or page.seq + 1} has no body text, only notes",
                      page.first_line)


def _calls_out_of_sequence(layout: Layout, calls: list[Call], diag: Diagnostics) -> None:
    """A note whose call was not found after the previous one's, but stands before it."""
    found = {id(c.note) for c in calls if c.length}
    lines = [ln for b in layout.body for ln in b.lines]
    position = {c.note.n: c.line for c in calls if c.length}
    for note in layout.notes:
        if note.n == "*" or id(note) in found:
            continue
        previous = position.get(str(int(note.n) - 1))
        pattern = call_pattern(note.n)
        early = next((ln for ln in lines if previous is not None and ln.no <= previous
                      and pattern.search(ln.text)), None)
        if early is not None:
            diag.warn(f"call {note.n} stands before the call of footnote {int(note.n) - 1} "
                      f"(line {previous}): calls out of sequence", early.no)


def _notes_left_in_body(layout: Layout, diag: Diagnostics) -> None:
    """A body line that opens like a missing footnote ("12 Cf. …") is probably that note."""
    numbers = {int(n.n) for n in layout.notes if n.n != "*"}
    top = max(numbers, default=0) + NOTE_GAP
    for block in layout.body:
        for line in block.lines:
            m = NOTE_START.match(line.raw)
            if m and int(m.group(1)) not in numbers and 0 < int(m.group(1)) <= top:
                diag.warn(f"this line reads like the text of footnote {m.group(1)}, which was "
                          "not found: it is kept in the body", line.no)
