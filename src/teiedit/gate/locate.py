"""Mapping engine locations back to `line:column` in the submitted file.

libxml2 gives an element's line (the line where its start tag *ends*) but no column, and
Schematron (SVRL) only a node (teiedit's compiler adds its element's number in document
order). Both are resolved to an element of the lxml tree, and
the element to the position of the `<` that opens its start tag: the n-th element in
document order is the n-th start tag in the text, since `<` cannot occur unescaped in text
or attribute values (only in comments, CDATA, processing instructions and the DOCTYPE,
which the scanner skips).
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right

from lxml import etree

_MARKUP = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>|<(?=[^/!?])",
    re.DOTALL,
)


class Locator:
    """Finds elements and their start-tag positions in one parsed document."""

    def __init__(self, tree: etree._ElementTree, data: bytes) -> None:
        self.tree = tree
        self._data = data
        self._starts: list[int] | None = None
        self._line_starts: list[int] = []
        self._order: dict[etree._Element, int] | None = None
        self._elements: list[etree._Element] = []

    def _decoded(self) -> str:
        """The text as the parser saw it: a byte-order mark wins over the declaration."""
        encoding = self.tree.docinfo.encoding or "utf-8"
        for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                           (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
                           (codecs.BOM_UTF8, "utf-8-sig")):
            if self._data.startswith(bom):
                encoding = codec
                break
        try:
            return self._data.decode(encoding, errors="replace").lstrip("\ufeff")
        except LookupError:
            return self._data.decode("utf-8", errors="replace").lstrip("\ufeff")

    def _index(self) -> None:
        text = self._decoded()
        self._starts = [m.start() for m in _MARKUP.finditer(text) if m.group() == "<"]
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        self._elements = list(self.tree.getroot().iter(etree.Element))
        self._order = {el: i for i, el in enumerate(self._elements)}

    def position(self, element: etree._Element) -> tuple[int | None, int | None]:
        """(line, column) of the `<` opening the element's start tag, both 1-based."""
        if self._order is None:
            self._index()
        assert self._order is not None and self._starts is not None
        i = self._order.get(element)
        if i is None or i >= len(self._starts) or len(self._starts) != len(self._elements):
            return element.sourceline, None
        offset = self._starts[i]
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def by_number(self, number: int) -> etree._Element:
        """The number-th element in document order (1-based); the root element otherwise."""
        if self._order is None:
            self._index()
        return self._elements[number - 1] if 0 < number <= len(self._elements) \
            else self.tree.getroot()

    def by_line(self, line: int | None, name: str | None) -> etree._Element | None:
        """The element libxml2 means by an error at `line` about element `name`."""
        if line is None:
            return None
        if self._order is None:
            self._index()
        hits = [e for e in self._elements if e.sourceline == line]
        named = [e for e in hits if name and etree.QName(e).localname == name]
        return (named or hits or [None])[0]
