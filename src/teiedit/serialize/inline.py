"""Inline (text + anchors + spans) → mixed XML content, nesting spans as they were added."""

from __future__ import annotations

from lxml import etree

from teiedit import TEI_NS, XML_NS
from teiedit.model import Anchor, Inline


def qname(name: str) -> str:
    """'xml:id' → '{…XML…}id'; 'p' → '{…TEI…}p'."""
    if name.startswith("xml:"):
        return f"{{{XML_NS}}}{name[4:]}"
    return f"{{{TEI_NS}}}{name}"


def set_attrs(el: etree._Element, attrs: dict[str, str]) -> None:
    for k, v in attrs.items():
        el.set(qname(k) if k.startswith("xml:") else k, v)


def _append_text(el: etree._Element, text: str) -> None:
    if not text:
        return
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def anchor_element(parent: etree._Element, a: Anchor) -> etree._Element:
    el = etree.SubElement(parent, qname(a.tag))
    set_attrs(el, a.attrs)
    if a.text is not None:
        el.text = a.text
    if a.content is not None:
        fill(el, a.content)
    return el


def fill(parent: etree._Element, inline: Inline) -> None:
    """Write `inline` as the content of `parent`.

    At one offset, spans that end are closed first, then anchors are written, then spans that
    start are opened, outermost first — so an anchor at a span's edge stays outside it.
    """
    spans = sorted(enumerate(inline.spans), key=lambda p: (p[1].start, -p[1].end, p[0]))
    anchors = sorted(enumerate(inline.anchors), key=lambda p: (p[1].offset, p[0]))
    bounds = sorted({0, len(inline.text), *(s.start for s in inline.spans),
                     *(s.end for s in inline.spans), *(a.offset for a in inline.anchors)})
    stack: list[tuple[etree._Element, int]] = [(parent, len(inline.text) + 1)]
    si = ai = 0
    prev = 0
    for pos in bounds:
        _append_text(stack[-1][0], inline.text[prev:pos])
        prev = pos
        while len(stack) > 1 and stack[-1][1] == pos:
            stack.pop()
        while ai < len(anchors) and anchors[ai][1].offset == pos:
            anchor_element(stack[-1][0], anchors[ai][1])
            ai += 1
        while si < len(spans) and spans[si][1].start == pos:
            span = spans[si][1]
            el = etree.SubElement(stack[-1][0], qname(span.tag))
            set_attrs(el, span.attrs)
            if span.end == pos:
                si += 1
                continue
            stack.append((el, span.end))
            si += 1
    _append_text(stack[-1][0], inline.text[prev:])
