"""The development corpus (../shared/corpora/tei) for the render tests and measurement:
its documents, the fixed held-out split, and the text-coverage check (every text node of
each <text> appears in the HTML made from it)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from lxml import etree, html

from teiedit.xmlio import read_untrusted

TEI_NS = "http://www.tei-c.org/ns/1.0"


def documents(corpus: Path) -> list[Path]:
    """Every document of the corpus, sorted by path (XIncluded fragments too)."""
    return sorted((corpus / "docs").rglob("*.xml"))


def renderable(doc: Path) -> bool:
    """Whether render takes the file: a fragment with a root other than TEI, teiCorpus or
    text (a <facsimile> kept apart) is refused, as it is by `teiedit render`."""
    return etree.QName(read_untrusted(doc).getroot()).localname in ("TEI", "teiCorpus", "text")


def split(corpus: Path) -> tuple[list[Path], list[Path]]:
    """(seen, held out): every third document by sorted path is held out for measurement."""
    docs = documents(corpus)
    return ([d for i, d in enumerate(docs) if i % 3 != 2],
            [d for i, d in enumerate(docs) if i % 3 == 2])


_WS = re.compile(r"\s+")


def html_text(page: bytes) -> str:
    """What a reader can read of a page: its text and its title attributes (the other
    reading of a choice), without the page-break markers the edition adds."""
    doc = html.fromstring(page)
    for marker in doc.xpath("//*[contains(concat(' ', @class, ' '), ' pb ')]"):
        marker.drop_tree()
    body = doc.find("body")
    parts = [body.text_content(), *body.xpath("//@title")]
    return _WS.sub(" ", " ".join(parts))


def missing_text(tree: etree._ElementTree, page: bytes) -> tuple[int, list[str]]:
    """(text nodes of the <text> elements, those whose words are not found in the page).

    Nodes are looked for in document order from where the previous one was found, then
    anywhere (notes move to the end), so a long document costs one pass."""
    shown = html_text(page)
    nodes = [t for t in tree.xpath("//*[local-name() = 'text'][namespace-uri() = $ns]//text()",
                                   ns=TEI_NS) if t.strip()]
    missing, at = [], 0
    for node in nodes:
        words = _WS.sub(" ", node).strip()
        found = shown.find(words, at)
        if found < 0:
            found = shown.find(words)
        if found < 0:
            missing.append(words)
        else:
            at = found
    return len(nodes), missing


def dead_links(folder: Path) -> list[str]:
    """Every link of the HTML pages in `folder` to a page or an identifier that is not
    there, as "page: href"."""
    ids = {p.name: set(html.fromstring(p.read_bytes()).xpath("//@id"))
           for p in folder.glob("*.html")}
    dead = []
    for name, page in ((p.name, html.fromstring(p.read_bytes())) for p in folder.glob("*.html")):
        for href in page.xpath("//a/@href"):
            if re.match(r"^[a-z]+:", href):
                continue
            file, _, frag = (unquote(part) for part in href.partition("#"))
            target = file or name
            known = target in ids or (folder / target).exists()
            if not known or (frag and target in ids and frag not in ids[target]):
                dead.append(f"{name}: {href}")
    return sorted(dead)
