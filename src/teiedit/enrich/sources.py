"""The generated source lists of the back matter: archival sources and literature.

Built from the references the notes cite: archival documents grouped by repository and fond,
published works once each, in alphabetical order. Every entry points back to the first
reference it lists (`@corresp`) and says it was generated (`@resp`); the list is additional
text, so the source regenerator skips `div[@type='sources']`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from teiedit.enrich.translit import key
from teiedit.model import Inline, Node

RESP = "#teiedit"


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


def _node(tag: str, text: str = "", **attrs: str) -> Node:
    return Node(tag, dict(attrs), Inline(text) if text else None)


def sources_div(cited: list[Cited]) -> Node | None:
    """`<div type="sources">` with a listBibl per group, or None when nothing is cited."""
    archival: dict[tuple[str, str], dict[str, str]] = {}
    literature: dict[str, tuple[str, str]] = {}
    for c in cited:
        text = " ".join(c.text.split()).rstrip(" ,;")
        if c.kind == "archival":
            archival.setdefault((c.repository, c.fond), {}).setdefault(text, c.id)
        elif c.kind == "published":
            literature.setdefault(key(text), (text, c.id))
    if not archival and not literature:
        return None
    div = _node("div", type="sources", resp=RESP)
    div.children.append(_node("head", "Sources"))
    if archival:
        outer = _node("listBibl", type="archival")
        outer.children.append(_node("head", "Archival sources"))
        for (repo, fond), entries in sorted(archival.items()):
            group = _node("listBibl")
            group.children.append(_node("head", f"{repo}, {fond}"))
            for text, ident in sorted(entries.items(), key=lambda kv: _natural(kv[0])):
                group.children.append(_node("bibl", text, corresp=f"#{ident}"))
            outer.children.append(group)
        div.children.append(outer)
    if literature:
        lit = _node("listBibl", type="literature")
        lit.children.append(_node("head", "Literature"))
        for _, (text, ident) in sorted(literature.items()):
            lit.children.append(_node("bibl", text, corresp=f"#{ident}"))
        div.children.append(lit)
    return div
