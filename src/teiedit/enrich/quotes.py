"""Quotations in running text: the words between a pair of quotation marks.

English “…” and Serbian „…“ (also typed as ,,…“). The span covers the quoted words only;
the marks stay in the text as printed, so the source is regenerated unchanged.
"""

from __future__ import annotations

import re

QUOTE = re.compile(r"“(?P<en>[^“”„]{1,800}?)”|(?:„|,,)(?P<sr>[^“”„]{1,800}?)[“”]")


def find_quotes(text: str) -> list[tuple[int, int]]:
    out = []
    for m in QUOTE.finditer(text):
        g = "en" if m.group("en") is not None else "sr"
        s, e = m.span(g)
        inner = text[s:e]
        s += len(inner) - len(inner.lstrip())
        e -= len(inner) - len(inner.rstrip())
        if e > s:
            out.append((s, e))
    return out
