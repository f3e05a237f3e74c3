"""Turn source lines into an `Inline`: reading text plus lb/pb/fw/note anchors.

Every source line gets an `<lb n="LINE"/>` (unless lines are not kept), so the TEI records
where each line began, which hyphens were removed (`break="no" rend="hyphen"`) and which
lines were indented in the extraction (`rend="indent"`). That is what makes the round trip
back to the source exact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from teiedit.encode.hyphenation import Dehyphenator, Join
from teiedit.encode.layout import Page
from teiedit.encode.source import Line
from teiedit.model import Anchor, Inline

NoteFactory = Callable[[], Anchor]


@dataclass
class FlowLine:
    """A line to add to a flow: skip `start` characters (a note marker), anchor notes at calls."""

    line: Line
    start: int = 0
    notes: dict[int, NoteFactory] = field(default_factory=dict)  # col -> note anchor factory
    call_length: dict[int, int] = field(default_factory=dict)  # col -> characters of the call
    before: list[Anchor] = field(default_factory=list)  # milestones before this line (pb, fw)


@dataclass
class FlowOptions:
    dehyphenator: Dehyphenator
    keep_lines: bool = True
    long_line: int = 10_000  # a line longer than this was merged from two printed lines
    printed_width: tuple[int, int] = (0, 0)  # where a printed line ends, in characters


def page_milestones(page: Page, keep_lines: bool) -> list[Anchor]:
    """pb for the page, and its furniture (page number, running head) as fw beside it."""
    anchors = [Anchor(0, "pb", {"n": page.n})]
    for f in page.furniture:
        if keep_lines:
            anchors.append(Anchor(0, "lb", {"n": str(f.line.no)}))
        anchors.append(Anchor(0, "fw", {"type": f.kind}, text=f.line.text))
    return anchors


def build_flow(lines: list[FlowLine], opts: FlowOptions, inline: Inline | None = None) -> Inline:
    """Append `lines` to `inline` (a new one by default), joining them as printed."""
    out = inline if inline is not None else Inline()
    previous: Line | None = None
    for fl in lines:
        text = fl.line.raw[fl.line.indent:].rstrip()
        join = Join.SPACE
        if previous is not None:
            join = opts.dehyphenator.line_end(previous.raw, text)
            if join is Join.HYPHEN:
                out.text = out.text[:-1]
            elif join is Join.SPACE:
                out.append("\n" if opts.keep_lines else " ")
        for a in fl.before:
            if a.tag == "pb" and join is not Join.SPACE:
                a.attrs["break"] = "no"
            _add_anchor(out, a)
        if opts.keep_lines:
            attrs = {"n": str(fl.line.no)}
            if join is not Join.SPACE:
                attrs["break"] = "no"
            rend = (["hyphen"] if join is Join.HYPHEN else []) + (["indent"] * bool(fl.line.indent))
            if rend:
                attrs["rend"] = " ".join(rend)
            out.anchor("lb", attrs)
        _add_text(out, text, fl, opts)
        previous = fl.line
    return out


def _add_anchor(out: Inline, a: Anchor) -> None:
    a.offset = len(out.text)
    out.anchors.append(a)


def _add_text(out: Inline, text: str, fl: FlowLine, opts: FlowOptions) -> None:
    """Add one line's text: drop call digits, anchor notes, mend hyphens lost mid-line."""
    start = max(fl.start - fl.line.indent, 0)
    events: dict[int, str] = {col: "note" for col in fl.notes}
    if len(fl.line.raw) > opts.long_line:
        for pos in opts.dehyphenator.inner_breaks(text, opts.printed_width):
            events.setdefault(pos, "break")
    pos = start
    for col in sorted(c for c in events if c >= start):
        out.append(text[pos:col])
        if events[col] == "note":
            _add_anchor(out, fl.notes[col]())
            pos = col + fl.call_length[col]
        else:  # a justification hyphen whose line break the extraction lost
            if opts.keep_lines:
                out.anchor("lb", {"break": "no", "rend": "hyphen", "type": "inferred"})
            pos = col + 1
    out.append(text[pos:])
