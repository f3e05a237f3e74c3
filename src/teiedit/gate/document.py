"""A submitted file once read: its bytes, its tree (parsed safely) and a locator."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from teiedit.gate.fastpath import XSI_NS
from teiedit.gate.locate import Locator
from teiedit.xmlio import as_utf8_for_scan

# a namespace URI spelled with a character reference, which a byte search would not see
_NS_CHAR_REF = re.compile(rb"""xmlns[^=>]*=\s*(?:"[^"]*&#|'[^']*&#)""")
# the local name in a start tag (ASCII: every TEI name is; others are in no TEI grammar)
_START_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
# libxml2 validators report every invalid child of an element, and lxml records each
# error's node path, which counts the node's preceding siblings: errors x siblings. An
# XSD run on a list of 33,000 faulty entries thus takes minutes. Elements with more
# children than this keep documents off the XSDs of the fast path.
WIDE = 5000


@dataclass
class Document:
    path: str
    data: bytes
    tree: etree._ElementTree
    expanded: bool = False        # XIncludes were expanded: the tree holds more than data
    locator: Locator = field(init=False)

    def __post_init__(self) -> None:
        self.locator = Locator(self.tree, self.data)

    @cached_property
    def element_names(self) -> set[str]:
        """Local names of the document's elements, or a few more: from the bytes (a regex
        is ten times faster than walking a big tree, and a name seen in a comment only
        keeps one element pattern more in a pruned grammar), from the tree when it holds
        expanded XIncludes."""
        if self.expanded:
            return {etree.QName(el).localname for el in self.tree.iter(etree.Element)}
        return {m.decode() for m in _START_TAG.findall(as_utf8_for_scan(self.data))}

    @cached_property
    def wide(self) -> bool:
        """Whether an element has more than WIDE children (counted only when the bytes
        hold more than WIDE start tags)."""
        return self.data.count(b"<") > WIDE and any(
            len(el) > WIDE for el in self.tree.iter(etree.Element))

    @cached_property
    def may_use_xsi(self) -> bool:
        """Whether the tree may hold xsi: attributes, which XML Schema validators act on
        (and accept on any element) while RELAX NG treats them as any other attribute."""
        scan = as_utf8_for_scan(self.data)
        return self.expanded or XSI_NS.encode() in scan or _NS_CHAR_REF.search(scan) is not None
