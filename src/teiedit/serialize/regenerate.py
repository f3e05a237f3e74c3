"""TEI → the source text it was encoded from: the proof that nothing was lost.

Each `<lb xml:id="LK"/>` starts source line K (its @n is the line on the printed page, which
the round trip does not need); notes are separate flows whose first line gets its
number back; hyphens come back at `lb rend="hyphen"`; furniture is written on its own lines.
Text outside any line (the rebuilt title, the header) was never in the source and is skipped.
"""

from __future__ import annotations

from lxml import etree

from teiedit import TEI_NS, XML_NS
from teiedit.serialize.tei import BLOCKS

T = f"{{{TEI_NS}}}"
XML_ID = f"{{{XML_NS}}}id"
SKIP = {f"{T}teiHeader", f"{T}standOff", f"{T}corr", f"{T}reg", f"{T}expan"}


class _Flow:
    """One stream of lines (the main text, or one note)."""

    def __init__(self, lines: dict[int, str], prefix: str = "") -> None:
        self.lines = lines
        self.current: int | None = None
        self.text_line: int | None = None  # the last line of text, not of furniture
        self.prefix = prefix

    def add(self, text: str | None) -> None:
        if text and self.current is not None:
            self.lines[self.current] += text

    def new_line(self, lb: etree._Element) -> None:
        rend = (lb.get("rend") or "").split()
        if "hyphen" in rend and self.text_line is not None:
            self.lines[self.text_line] += "-"
        source_line = lb.get(XML_ID, "")
        if lb.get("type") == "inferred" or not source_line.startswith("L"):
            return
        self.current = int(source_line[1:])
        following = lb.getnext()
        if lb.tail or following is None or following.tag != f"{T}fw":
            self.text_line = self.current
        self.lines[self.current] = (_repeat(rend, "formfeed", "\f") + self.prefix
                                    + _repeat(rend, "indent", " "))
        self.prefix = ""


def _repeat(rend: list[str], name: str, char: str) -> str:
    """`name` → one `char`, `name-N` → N of them, absent → none."""
    token = next((r for r in rend if r == name or r.startswith(name + "-")), "")
    return char * (int(token[len(name) + 1:]) if token[len(name):] else len(token) and 1)


def _walk(el: etree._Element, flow: _Flow, lines: dict[int, str]) -> None:
    block = el.tag in BLOCKS
    if not block:
        flow.add(el.text)
    for child in el:
        tag = child.tag
        if tag in SKIP or not isinstance(tag, str):
            pass
        elif tag == f"{T}lb":
            flow.new_line(child)
        elif tag == f"{T}note":
            label = child.find(f"{T}label")
            _walk(child, _Flow(lines, "" if label is not None else f"{child.get('n')} "), lines)
            if child.get("anchored") != "false":  # the call, where the source had one
                flow.add(label.text if label is not None else child.get("n"))
        else:
            _walk(child, flow, lines)
        if not block:
            flow.add(child.tail)


def regenerate(tree: etree._ElementTree) -> str:
    """The source text, line for line (trailing spaces dropped, blank lines where none stood)."""
    lines: dict[int, str] = {}
    _walk(tree.getroot(), _Flow(lines), lines)
    last = max(lines, default=0)
    return "\n".join(lines.get(k, "").rstrip() for k in range(1, last + 1)) + "\n"
