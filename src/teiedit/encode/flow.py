"""Turn source lines into an `Inline`: reading text plus lb/pb/fw/note anchors.

Every source line gets an `<lb n="K" xml:id="LLINE"/>` (unless lines are not kept): K is its
line on the printed page (as editors cite "p. 125, l. 3"), LINE its line in the source, so the
TEI records where each line began, which hyphens were removed (`break="no" rend="hyphen"`) and which
lines were indented in the extraction (`rend="indent"`). That is what makes the round trip
back to the source exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from teiedit.encode.hyphenation import Dehyphenator, Join
from teiedit.encode.layout import Page
from teiedit.encode.source import Line
from teiedit.model import Anchor, Inline


@dataclass
class FlowLine:
    """A line to add to a flow: skip `start` characters (a note marker), anchor notes at calls."""

    line: Line
    start: int = 0
    calls: list[tuple[int, int, Anchor]] = field(default_factory=list)  # (col, length, note)
    before: list[Anchor] = field(default_factory=list)  # milestones before this line (pb, fw)


@dataclass
class FlowOptions:
    dehyphenator: Dehyphenator
    keep_lines: bool = True
    long_line: int = 10_000  # a line longer than this was merged from two printed lines
    printed_width: tuple[int, int] = (0, 0)  # where a printed line ends, in characters
    printed_lines: dict[int, int] = field(default_factory=dict)  # source line → line on its page


def lb_attrs(line: Line, join: Join = Join.SPACE, printed: int | None = None) -> dict[str, str]:
    """The lb that starts `line`: its number on the printed page (none for furniture), the
    source line it is (xml:id L + line number), how it joins the previous line, its indent."""
    attrs = {"n": str(printed)} if printed is not None else {}
    attrs["xml:id"] = f"L{line.no}"
    if join is not Join.SPACE:
        attrs["break"] = "no"
    rend = ["hyphen"] if join is Join.HYPHEN else []
    if line.formfeed:
        rend.append("formfeed" if line.formfeed == 1 else f"formfeed-{line.formfeed}")
    if line.indent:
        rend.append("indent" if line.indent == 1 else f"indent-{line.indent}")
    if rend:
        attrs["rend"] = " ".join(rend)
    return attrs


def page_milestones(page: Page, keep_lines: bool) -> list[Anchor]:
    """pb for the page, and its furniture (page number, running head) as fw beside it; a gap
    before it for printed pages the extraction lacks."""
    anchors = [Anchor(0, "gap", {"reason": "pages-missing", "unit": "page",
                                 "quantity": str(page.missing_before)})] \
        if page.missing_before else []
    anchors.append(Anchor(0, "pb", {"n": page.n}))
    for f in page.furniture:
        if keep_lines:
            anchors.append(Anchor(0, "lb", lb_attrs(f.line)))
        anchors.append(Anchor(0, "fw", {"type": f.kind}, text=f.line.text))
    return anchors


def build_flow(lines: list[FlowLine], opts: FlowOptions, inline: Inline | None = None) -> Inline:
    """Append `lines` to `inline` (a new one by default), joining them as printed."""
    out = inline if inline is not None else Inline()
    previous: Line | None = None
    for fl in lines:
        text = fl.line.raw[fl.line.lead:].rstrip()
        join = Join.SPACE
        if previous is not None:
            join = opts.dehyphenator.line_end(previous.raw, text)
            if join is Join.HYPHEN:
                out.text = out.text[:-1]
            elif join is Join.SPACE:
                out.append("\n" if opts.keep_lines else " ")
        for a in fl.before:  # a word cut by the page break reads as one across its furniture
            if a.tag in ("pb", "lb") and join is not Join.SPACE:
                a.attrs["break"] = "no"
            _add_anchor(out, a)
        if opts.keep_lines:
            out.anchor("lb", lb_attrs(fl.line, join, opts.printed_lines.get(fl.line.no)))
        _add_text(out, text, fl, opts)
        previous = fl.line
    return out


def _add_anchor(out: Inline, a: Anchor) -> None:
    a.offset = len(out.text)
    out.anchors.append(a)


def _add_text(out: Inline, text: str, fl: FlowLine, opts: FlowOptions) -> None:
    """Add one line's text: drop call digits, anchor notes, mend hyphens lost mid-line."""
    start = max(fl.start - fl.line.lead, 0)
    events: list[tuple[int, int, Anchor | None]] = list(fl.calls)
    if len(fl.line.raw) > opts.long_line:
        taken = {col for col, _, _ in fl.calls}
        events += [(pos, 1, None) for pos in
                   opts.dehyphenator.inner_breaks(text, opts.printed_width) if pos not in taken]
    pos = start
    for col, length, note in sorted((e for e in events if e[0] >= start), key=lambda e: e[0]):
        out.append(text[pos:col])
        if note is not None:
            _add_anchor(out, note)
        elif opts.keep_lines:  # a justification hyphen whose line break the extraction lost
            out.anchor("lb", {"break": "no", "rend": "hyphen", "type": "inferred"})
        pos = col + length
    out.append(text[pos:])
