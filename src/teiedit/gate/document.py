"""A submitted file once read: its bytes, its tree (parsed safely) and a locator."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from teiedit.gate.locate import Locator


@dataclass
class Document:
    path: str
    data: bytes
    tree: etree._ElementTree
    locator: Locator = field(init=False)

    def __post_init__(self) -> None:
        self.locator = Locator(self.tree, self.data)
