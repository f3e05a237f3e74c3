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
    def may_use_xsi(self) -> bool:
        """Whether the tree may hold xsi: attributes, which XML Schema validators act on
        (and accept on any element) while RELAX NG treats them as any other attribute."""
        scan = as_utf8_for_scan(self.data)
        return self.expanded or XSI_NS.encode() in scan or _NS_CHAR_REF.search(scan) is not None
