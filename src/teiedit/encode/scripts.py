"""Scripts in the text: Cyrillic stretches get `xml:lang`; words mixing scripts are flagged."""

from __future__ import annotations

import re

from teiedit.encode.source import Diagnostics
from teiedit.enrich.scripts import mixed_words
from teiedit.model import Inline

CYR = "\u0400-\u04ff"
LAT = "A-Za-z\u00c0-\u024f"
_CYRILLIC_WORD = re.compile(f"[{CYR}]+(?:[-'’][{CYR}]+)*")
# Between two Cyrillic words of one stretch: spaces, punctuation, numbers — no Latin letters.
_GAP = re.compile(f"[^{LAT}{CYR}]*")


def line_at(inline: Inline, offset: int) -> int | None:
    """The source line of a text offset: the last numbered lb at or before it."""
    line = None
    for a in inline.anchors:
        if a.offset > offset:
            break
        if a.tag == "lb" and "n" in a.attrs:
            line = int(a.attrs["n"])
    return line


def cyrillic_stretches(text: str) -> list[tuple[int, int]]:
    """Maximal runs of Cyrillic words joined only by spaces, punctuation and numbers."""
    runs: list[tuple[int, int]] = []
    mixed = mixed_words(text)
    for m in _CYRILLIC_WORD.finditer(text):
        if any(s <= m.start() < e for s, e in mixed):
            continue
        if runs and _GAP.fullmatch(text, runs[-1][1], m.start()):
            runs[-1] = (runs[-1][0], m.end())
        else:
            runs.append(m.span())
    return runs


def mark_scripts(inline: Inline, context_lang: str, diag: Diagnostics) -> None:
    """In Latin-script context, wrap Cyrillic stretches in `<foreign xml:lang="sr-Cyrl">`."""
    for flow in inline.flows():
        for start, end in mixed_words(flow.text):
            diag.warn_once(f"word {flow.text[start:end]!r} mixes Latin and Cyrillic letters (kept "
                           "as printed, marked sic)", line_at(flow, start))
        if context_lang.endswith("Cyrl"):
            continue
        for start, end in cyrillic_stretches(flow.text):
            if not flow.crosses(start, end):
                flow.add_span(start, end, "foreign", {"xml:lang": "sr-Cyrl"})
