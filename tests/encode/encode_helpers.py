"""Encode small synthetic texts in tests, and look at the result with XPath."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiedit.encode.pipeline import encode_source
from teiedit.encode.source import Diagnostics, parse_source
from teiedit.serialize.regenerate import regenerate
from teiedit.serialize.tei import serialize, to_tree

NS = {"t": "http://www.tei-c.org/ns/1.0"}
ROOT = Path(__file__).resolve().parents[2]
BUNDLED_SOURCE = ROOT / "tei" / "miletic-2021-tokovi-istorije.txt"


class Encoded:
    """The TEI made from a text, with the warnings the encoder gave."""

    def __init__(self, text: str, **options) -> None:
        self.source = text
        self.diag = Diagnostics("test.txt")
        doc = encode_source(parse_source(text.encode("utf-8"), "test.txt", self.diag), self.diag,
                            **options)
        self.bytes = serialize(to_tree(doc))
        self.tree = etree.ElementTree(etree.fromstring(self.bytes))

    def xpath(self, expr: str):
        return self.tree.xpath(expr, namespaces=NS)

    def text_of(self, expr: str) -> str:
        """Reading text of the first match, notes left out, whitespace collapsed."""
        el = self.xpath(expr)[0]
        parts = [t for t in el.xpath(".//text()[not(ancestor::t:note) and not(ancestor::t:fw)]",
                                     namespaces=NS)]
        return " ".join("".join(parts).split())

    def regenerated(self) -> str:
        return regenerate(self.tree)

    def warned(self, fragment: str) -> bool:
        return any(fragment in w for w in self.diag.warnings)


def normalised(text: str) -> str:
    """The source as the round trip promises it back: trailing spaces and final blanks dropped."""
    return "\n".join(line.rstrip() for line in text.rstrip().split("\n")) + "\n"


def page(body: list[str], notes: list[str] = (), *, furniture: list[str] = ()) -> str:
    """One extracted page: furniture or a one-space indent, body, blank line, notes."""
    lines = []
    if furniture:
        for f in furniture:
            lines += [f, ""]
    else:
        body = [" " + body[0], *body[1:]]
    lines += body
    for n in notes:
        lines += ["", n]
    return "\n".join(lines) + "\n"


FULL = "words that fill a printed line of the body text up to its right margin"


def paragraph(first: str, last: str, n: int = 3) -> list[str]:
    """Justified lines (all as wide as FULL) starting with `first`, then a last line."""
    return [first + " " + FULL[len(first) + 1:], *[FULL] * n, last]


def unblanked(*parts: list[str], notes: list[str] = ()) -> str:
    """Text without blank lines between paragraphs (pdftotext, pypdf): five ordinary
    paragraphs (the evidence that blank lines do not separate them), then `parts`, then
    `notes` at the foot."""
    filler = [line for k in "ABCDE" for line in paragraph(f"Filler {k} starts", "and ends.")]
    return "\n".join(filler + [line for part in parts for line in part] + list(notes)) + "\n"
