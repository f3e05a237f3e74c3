"""`<?xml-model?>` processing instructions: the schemas a document names for itself.

Only local files are followed, and only inside the current folder or the document's own
folder tree: a submission must not make the gate read arbitrary files or the network.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from teiedit.gate.document import Document
from teiedit.xmlio import TeieditError

_PSEUDO_ATT = re.compile(r"""([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def model_schemas(doc: Document) -> list[tuple[Path, str]]:
    """(schema path, Schematron phase) for each xml-model PI before the root element."""
    found = []
    node = doc.tree.getroot().getprevious()
    pis = []
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            pis.append(node)
        node = node.getprevious()
    for pi in reversed(pis):
        atts = {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
                for m in _PSEUDO_ATT.finditer(pi.text or "")}
        href = atts.get("href", "")
        where = dict(file=doc.path, line=pi.sourceline)
        if not href:
            raise TeieditError("xml-model without href", **where)
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", href):
            raise TeieditError(f"xml-model schema {href!r} is not fetched (no network); "
                               "pass a local copy with --schema", **where)
        base = Path(doc.path).resolve().parent
        target = (base / href).resolve()
        if not (target.is_relative_to(Path.cwd().resolve()) or target.is_relative_to(base)):
            raise TeieditError(f"xml-model schema {href!r} lies outside the current folder "
                               "and the document's folder; it is not read", **where)
        found.append((target, atts.get("phase", "")))
    return found
