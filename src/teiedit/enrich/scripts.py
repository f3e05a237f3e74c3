"""Words that mix Latin and Cyrillic letters: a source error, encoded as choice/sic/corr.

The stage marks the word as written with `<sic>` (a span: the text is never changed); after
serialization `add_corrections` wraps each such `<sic>` into `<choice>` with a `<corr>` holding
the word in one script. The source is regenerated from `<sic>`, skipping `<corr>`.
"""

from __future__ import annotations

import re
from functools import cache

from lxml import etree

from teiedit import TEI_NS
from teiedit.enrich.resources import word_list
from teiedit.enrich.translit import CYRILLIC, script_of, to_cyrillic, to_latin
from teiedit.model import Inline

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
T = f"{{{TEI_NS}}}"


@cache
def _homoglyphs() -> tuple[dict[str, str], dict[str, str]]:
    c2l = dict(line.split("\t") for line in word_list("homoglyphs.tsv"))
    return c2l, {v: k for k, v in c2l.items()}


def mixed_words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(text) if script_of(m.group()) == "mixed"]


def _context_script(context: str) -> str:
    cyr = sum(ch in CYRILLIC for ch in context)
    lat = sum(ch.isascii() and ch.isalpha() for ch in context)
    return "cyr" if cyr > lat else "lat"


def correct(word: str, context: str = "") -> str:
    """The word in the script most of its letters (or, on a tie, its context) are in."""
    cyr = sum(ch in CYRILLIC for ch in word)
    lat = sum(ch.isalpha() and ch not in CYRILLIC for ch in word)
    target = "cyr" if cyr > lat else "lat" if lat > cyr else _context_script(context)
    c2l, l2c = _homoglyphs()
    if target == "lat":
        return "".join(c2l.get(ch) or (to_latin(ch) if ch in CYRILLIC else ch) for ch in word)
    return "".join(ch if ch in CYRILLIC else l2c.get(ch) or to_cyrillic(ch) for ch in word)


MISPRINT = ("sic", {"resp": "#teiedit"})


def mark_misprints(flow: Inline) -> None:
    """`<sic>` on each mixed-script word (what the structural encoder does without enrichment)."""
    for start, end in mixed_words(flow.text):
        if not flow.crosses(start, end):
            flow.add_span(start, end, MISPRINT[0], dict(MISPRINT[1]))


def corrected(text: str) -> str:
    """`text` with every mixed-script word replaced by its corrected reading (for generated
    lists, which are the editor's text, not the source's)."""
    out, pos = [], 0
    for start, end in mixed_words(text):
        out += [text[pos:start], correct(text[start:end], text)]
        pos = end
    return "".join(out) + text[pos:]


def add_corrections(root: etree._Element) -> int:
    """Wrap every mixed-script `<sic>` not yet in a `<choice>` as choice/sic/corr; count them."""
    n = 0
    for sic in list(root.iter(T + "sic")):
        parent = sic.getparent()
        word = "".join(sic.itertext())
        if parent is None or parent.tag == T + "choice" or script_of(word) != "mixed":
            continue
        context = "".join(parent.itertext())
        choice = etree.Element(T + "choice")
        choice.tail, sic.tail = sic.tail, None
        parent.replace(sic, choice)
        name = _whole_name(sic)
        if name is not None:  # the name holds the choice, so both readings are the name
            sic.text, name.text = name.text, None
            sic.extend(list(name))
            parent.replace(choice, name)
            name.tail, choice.tail = choice.tail, None
            name.append(choice)
        choice.append(sic)
        corr = etree.SubElement(choice, T + "corr", resp=sic.get("resp", "#teiedit"))
        corr.text = correct(word, context)
        n += 1
    return n


NAMES = {T + tag for tag in ("persName", "orgName", "placeName", "name", "rs")}


def _whole_name(sic: etree._Element) -> etree._Element | None:
    """The name element that is the whole content of `sic`, if there is one."""
    children = list(sic)
    if (len(children) == 1 and children[0].tag in NAMES and not sic.text
            and not children[0].tail):
        return children[0]
    return None
