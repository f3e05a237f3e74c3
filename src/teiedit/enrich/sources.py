"""The generated source lists: archival sources and literature.

Built from the references the notes cite: archival documents grouped by repository and fond,
published works once each, in alphabetical order. Every entry points back to the first
reference it lists (`@corresp`); each list says it was generated (`@resp`). It is text
the source never had, so it goes to `<standOff>`, which the
source regenerator skips, rather than into `<back>`: one `listBibl type="archival"` per
repository and fond, one `listBibl type="literature"`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from teiedit import TEI_NS
from teiedit.enrich.scripts import corrected
from teiedit.enrich.translit import key

RESP = "#teiedit"
T = f"{{{TEI_NS}}}"


@dataclass(frozen=True)
class Cited:
    """One reference as cited in a note."""

    id: str
    kind: str  # "archival" | "published"
    text: str
    repository: str = ""
    fond: str = ""


def _natural(text: str) -> str:
    """Sort "11/II-3" before "11/II-26"."""
    return re.sub(r"\d+", lambda m: m.group().zfill(8), key(text))


def _el(tag: str, text: str = "", **attrs: str) -> etree._Element:
    el = etree.Element(T + tag, attrs, nsmap={None: TEI_NS})
    el.text = text or None
    return el


def sources_lists(cited: list[Cited]) -> list[etree._Element]:
    """One `<listBibl>` per archival repository and fond, then one of literature (flat lists:
    the project's schema, like most, has no listBibl inside listBibl)."""
    archival: dict[tuple[str, str], dict[str, str]] = {}
    literature: dict[str, tuple[str, str]] = {}
    for c in cited:
        text = corrected(" ".join(c.text.split()).rstrip(" ,;"))
        if c.kind == "archival":
            archival.setdefault((c.repository, c.fond), {}).setdefault(text, c.id)
        elif c.kind == "published":
            literature.setdefault(key(text), (text, c.id))
    out = []
    for (repo, fond), entries in sorted(archival.items()):
        group = _el("listBibl", type="archival", resp=RESP)
        group.append(_el("head", f"Archival sources: {repo}, {fond}"))
        for text, ident in sorted(entries.items(), key=lambda kv: _natural(kv[0])):
            group.append(_el("bibl", text, corresp=f"#{ident}"))
        out.append(group)
    if literature:
        lit = _el("listBibl", type="literature", resp=RESP)
        lit.append(_el("head", "Literature"))
        for _, (text, ident) in sorted(literature.items()):
            lit.append(_el("bibl", text, corresp=f"#{ident}"))
        out.append(lit)
    return out
