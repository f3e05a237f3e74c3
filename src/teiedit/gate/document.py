"""A submitted file once read: its bytes, its tree (parsed safely) and a locator."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

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
    _seen: dict[str, bool] = field(init=False, default_factory=dict)   # may_contain

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
    def _names(self) -> set[str] | None:
        """Local names of the elements and "@name" of the attributes, from the tree; None
        for a UTF-8 document without expanded XIncludes, whose bytes are searched instead
        (walking a TEI tree in Python takes most of the time it took to parse it)."""
        if not self.expanded and (self.tree.docinfo.encoding or "").upper() in (
                "UTF-8", "US-ASCII", "ASCII"):
            return None
        names: set[str] = set()
        for el in self.tree.getroot().iter(etree.Element):
            names.add(_local(el.tag))
            names.update("@" + _local(a) for a in el.attrib)
        return names

    def may_contain(self, name: str) -> bool:
        """Whether an element (`name`) or attribute (`@name`) of this local name may occur:
        never False when one does; True also for a name only seen in text or comments
        (`<name` or `:name` for an element, `name=` for an attribute)."""
        if self._names is not None:
            return name in self._names
        if name not in self._seen:
            scan = as_utf8_for_scan(self.data)
            word = name.lstrip("@").encode("utf-8")
            if word not in scan:            # a plain search first: most names are absent
                self._seen[name] = False
            elif name.startswith("@"):
                self._seen[name] = _attribute_pattern(word).search(scan) is not None
            else:
                self._seen[name] = b"<" + word in scan or b":" + word in scan
        return self._seen[name]

    @cached_property
    def wide(self) -> bool:
        """Whether an element has more than WIDE children (counted only when the bytes
        may hold more than WIDE start tags: `<` not followed by `/`)."""
        start_tags = self.data.count(b"<") - self.data.count(b"</")
        return (self.expanded or start_tags > WIDE) and any(
            len(el) > WIDE for el in self.tree.iter(etree.Element))

    @cached_property
    def may_use_xsi(self) -> bool:
        """Whether the tree may hold xsi: attributes, which XML Schema validators act on
        (and accept on any element) while RELAX NG treats them as any other attribute."""
        scan = as_utf8_for_scan(self.data)
        return self.expanded or XSI_NS.encode() in scan or _NS_CHAR_REF.search(scan) is not None


def _local(name: str) -> str:
    return name.rpartition("}")[2].rpartition(":")[2]


@cache
def _attribute_pattern(word: bytes) -> re.Pattern[bytes]:
    return re.compile(re.escape(word) + rb"\s*=")
