"""Find footnote calls in the body: digits glued to a word or punctuation ("Yugoslavia.6").

Notes are numbered 1, 2, 3…, so the call for note k is the first plausible "k" after the
call for note k-1, on or before the page where note k's text stands. That sequence is what
tells calls from years, issue numbers or "XX Congress".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from teiedit.encode.layout import GLUED, LOOSE, BodyBlock, NoteText, call_pattern
from teiedit.encode.metadata import labels
from teiedit.encode.source import Diagnostics, Line


@dataclass(frozen=True)
class Call:
    line: int  # source line number
    col: int  # offset in the stripped line text
    length: int
    note: NoteText


def find_calls(body: list[BodyBlock], notes: list[NoteText], diag: Diagnostics) -> list[Call]:
    lines = [(ln, block.page.seq) for block in body for ln in block.lines]
    calls: list[Call] = []
    cursor, col = 0, 0
    for note in notes:
        if note.n == "*":
            continue
        last_page = note.lines[0][1].seq
        found = _search(lines, cursor, col, last_page, call_pattern(note.n), note) or \
            _search(lines, cursor, col, last_page, re.compile(LOOSE.format(k=note.n)), note)
        if found is None:
            diag.warn(f"no call found for footnote {note.n}; the note is placed at the end of "
                      "the last body line of its page", note.first_line)
            fallback = _fallback(lines, cursor, last_page, note)
            if fallback is not None:  # the search for the next call goes on from the last found
                calls.append(fallback[1])
            continue
        cursor, call = found
        col = call.col + call.length
        calls.append(call)
    _report_orphans(lines, notes, calls, diag)
    return calls


def _search(lines: list[tuple[Line, int]], cursor: int, col: int, last_page: int,
            pattern: re.Pattern[str], note: NoteText) -> tuple[int, Call] | None:
    """The first match of `pattern` from the cursor on, on or before the note's page."""
    for idx in range(cursor, len(lines)):
        line, page_seq = lines[idx]
        if page_seq > last_page:
            break
        for m in pattern.finditer(line.text, col if idx == cursor else 0):
            start = m.start(1) if m.group(1) else m.start()
            if not _figure_number(line.text[:start]):
                return idx, Call(line.no, start, len(note.n), note)
    return None


def _figure_number(before: str) -> bool:
    """'(siehe Abb. 8)', 'Figure 3,': the number of a figure or table, no call."""
    words = before.split()
    return bool(words) and before[-1:].isspace() and words[-1] in labels()["caption"]


def _fallback(lines: list[tuple[Line, int]], cursor: int, last_page: int,
              note: NoteText) -> tuple[int, Call] | None:
    """The end of the last body line on or before the note's page."""
    for idx in range(len(lines) - 1, cursor - 1, -1):
        line, page_seq = lines[idx]
        if page_seq <= last_page:
            return idx, Call(line.no, len(line.text), 0, note)
    return None


def symbol_calls(body: list[BodyBlock], notes: list[NoteText]) -> list[Call]:
    """A symbol note (∗) is called where its symbol is glued to text on the first page."""
    calls = []
    first_page = [ln for b in body if b.page.seq == 0 for ln in b.lines]
    for note in notes:
        if note.n != "*":
            continue
        for line in first_page:
            m = re.search(rf"(?<=\S){re.escape(note.marker)}", line.text)
            if m:
                calls.append(Call(line.no, m.start(), len(note.marker), note))
                break
    return calls


def _report_orphans(lines: list[tuple[Line, int]], notes: list[NoteText], calls: list[Call],
                    diag: Diagnostics) -> None:
    """A number that reads like a call but has no note text: the gaps and the one after the last."""
    numbers = sorted(int(n.n) for n in notes if n.n != "*")
    last = numbers[-1] if numbers else 0
    missing = sorted(set(range(1, last + 2)) - set(numbers))
    used = {(c.line, c.col) for c in calls}
    for k in missing:
        glued = re.compile(GLUED.format(k=k))
        for line, _ in lines:
            m = glued.search(line.text)
            if m and (line.no, m.start()) not in used and re.search(r"[^\W\d]$|[.,;:)”]$",
                                                                     line.text[:m.start()]):
                diag.warn(f"call {k} has no footnote text", line.no)
                break
