"""Enrichment: names linked to registers, dates, quotations, citations, source errors.

`enrich(doc, registers)` runs recognisers over the reading text of every flow and adds spans;
it never changes a character of the text. Markup a register confirms carries `@ref`,
`@resp="#teiedit-registers"` and no doubt; then the statistical model's names
(`statistical.py`) carry `@resp="#teiedit-model"` and `@cert`; then the rules'
(`recognise.py`) `@resp="#teiedit"` and `@cert`. The register entries the edition uses go
to `doc.standoff`.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedit import TEI_NS
from teiedit.enrich.bibl import Reference, find_references
from teiedit.enrich.dates import find_dates
from teiedit.enrich.names import NameIndex
from teiedit.enrich.proposals import proposals_tree, write_proposals
from teiedit.enrich.quotes import find_quotes
from teiedit.enrich.recognise import Recognised, Recogniser
from teiedit.enrich.registers import Registers, standoff_lists
from teiedit.enrich.scripts import MISPRINT, add_corrections, mixed_words
from teiedit.enrich.sources import Cited, sources_lists
from teiedit.enrich.statistical import RESP_ID, Found, NameModels
from teiedit.enrich.translit import key
from teiedit.model import CrossingSpanError, Document, Inline, Node
from teiedit.serialize.tei import indent_blocks

RESP = "#teiedit"
MODEL_RESP = f"#{RESP_ID}"
REGISTERS_ID = "teiedit-registers"
REGISTERS_RESP = f"#{REGISTERS_ID}"
CERTS = ["high", "medium", "low"]
# a biographical note: "Léo Collard (1902–1981), Belgian socialist politician and a lawyer."
_LIFE = re.compile(r",?\s*\((?P<birth>\d{4})\s*[–-]\s*(?P<death>\d{4})\),\s*"
                   r"(?P<what>[^.;]{3,200})")
NAME_OF_PART = {"author": "persName", "editor": "persName", "publisher": "orgName",
                "pubPlace": "placeName"}


@dataclass
class Report:
    """What the editor should look at: ambiguous names, proposed register entries."""

    ambiguous: dict[str, set[str]] = field(default_factory=dict)  # surface -> ids
    proposals: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (tag, key) -> forms
    certs: dict[tuple[str, str], str] = field(default_factory=dict)  # (tag, key) -> best @cert
    lives: dict[tuple[str, str], tuple[str, str, str]] = field(default_factory=dict)
    # (tag, key) -> (birth, death, description) from "Name (1902–1981), Belgian …."
    skipped: int = 0  # recognised spans that would cross existing markup

    def warnings(self) -> list[str]:
        return [f"ambiguous name {s!r}: matches {', '.join(sorted(ids))}; tagged without @ref"
                for s, ids in sorted(self.ambiguous.items())]


@dataclass
class _Name:
    start: int
    end: int
    tag: str
    attrs: dict[str, str]
    key: str = ""  # set for recognised (unregistered) names: groups proposals


def enrich(doc: Document, registers: Registers | None = None,
           report: Report | None = None, models: NameModels | None = None) -> Document:
    """Add name, date, quotation, citation and sic spans to every flow of `doc`; names
    from the registers, then from `models` (if given), then from the rules."""
    report = report if report is not None else Report()
    index = NameIndex(registers) if registers else None
    flows = list(doc.inlines())
    note_ids = {id(a.content): a.attrs.get("xml:id", "") for f in flows for a in f.anchors
                if a.content is not None}
    refs = {id(f): find_references(f.text) if id(f) in note_ids else [] for f in flows}
    recogniser = Recogniser([_without_titles(f.text, refs[id(f)]) for f in flows])
    langs = flow_languages(doc)
    starts = {id(f): _field_starts(refs[id(f)]) for f in flows}
    modelled = models.find([(f.text, langs.get(id(f), doc.lang)) for f in flows], recogniser,
                           [starts[id(f)] for f in flows]) if models else [[] for _ in flows]
    used: set[str] = set()
    last_bibl: list[str] = []
    own_titles = {" ".join(t.split()) for t in (doc.meta.title, *doc.meta.other_titles.values())}
    for flow, found in zip(flows, modelled, strict=True):
        own_title = " ".join(flow.text.split()).rstrip(". ") in own_titles
        _enrich_flow(flow, refs[id(flow)], note_ids.get(id(flow), ""), last_bibl,
                     index, (found, recogniser), report, used, own_title)
    if models and any(s.attrs.get("resp") == MODEL_RESP for f in flows for s in f.spans):
        doc.responsible[RESP_ID] = f"name recognition by a statistical model ({models.describe()})"
    if used:
        doc.responsible[REGISTERS_ID] = "names linked to the edition's registers"
    cited = [Cited(f"{note_ids[id(f)]}-b{n}", r.kind, f.text[r.start:_listed_end(r)],
                   r.repository, r.fond)
             for f in flows if note_ids.get(id(f)) for n, r in enumerate(refs[id(f)], 1)
             if r.kind == "archival" or _complete(r)]
    doc.standoff = standoff_lists(registers, used) if registers else []
    doc.standoff += sources_lists(cited)
    doc.options["registers"] = f"sha256:{registers.digest[:16]}" if registers else "none"
    return doc


def flow_languages(doc: Document) -> dict[int, str]:
    """id(flow) -> its language (`xml:lang` inherited through the blocks; notes take their
    block's)."""
    out: dict[int, str] = {}

    def walk(node: Node, lang: str) -> None:
        lang = node.attrs.get("xml:lang", lang)
        if node.inline is not None:
            for f in node.inline.flows():
                out.setdefault(id(f), lang)
        for child in node.children:
            walk(child, lang)

    for part in (doc.front, doc.body, doc.back):
        walk(part, doc.lang)
    return out


def _listed_end(ref: Reference) -> int:
    """Where a reference ends in the source list: the cited pages are left out."""
    last = ref.parts[-1] if ref.parts else None
    if last is not None and last.tag == "biblScope" and last.attrs.get("unit") == "page":
        return last.start
    return ref.end


def _complete(ref: Reference) -> bool:
    """A full citation of a work (not a short form "Author, Title, pages" or "Ibid.")."""
    return ref.kind == "published" and any(
        p.tag == "pubPlace" or p.attrs.get("level") in ("j", "u") for p in ref.parts)


def _without_titles(text: str, refs: list[Reference]) -> str:
    """The text with titles of published works blanked: their words are no evidence."""
    for p in (p for r in refs for p in r.parts if p.tag == "title" and r.kind == "published"):
        text = text[:p.start] + " " * (p.end - p.start) + text[p.end:]
    return text


def finish(tree: etree._ElementTree, doc: Document) -> None:
    """After serialization: `<standOff>` (registers used, source lists) right after the
    header, and each mixed-script `<sic>` completed as choice/sic/corr."""
    root = tree.getroot()
    if doc.standoff:
        standoff = etree.Element(f"{{{TEI_NS}}}standOff")
        standoff.extend(deepcopy(doc.standoff))
        header = root.find(f"{{{TEI_NS}}}teiHeader")
        root.insert(root.index(header) + 1 if header is not None else 0, standoff)
        standoff.tail = header.tail if header is not None else None
        indent_blocks(standoff, 1)
    add_corrections(root)


def write_review(report: Report, registers: Registers | None, path: str | Path) -> None:
    """The proposals file of names no register knows, for `teiedit registers accept`."""
    write_proposals(path, proposals_tree(report.proposals, report.certs, registers,
                                         report.lives))


def _try(flow: Inline, start: int, end: int, tag: str, attrs: dict[str, str],
         report: Report) -> bool:
    try:
        flow.add_span(start, end, tag, attrs)
    except CrossingSpanError:
        report.skipped += 1
        return False
    return True


def _inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


def _overlaps(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < b and a < end for a, b in ranges)


def _add_references(flow: Inline, refs: list[Reference], note_id: str, last_bibl: list[str],
                    report: Report) -> list[tuple[int, int]]:
    """bibl spans with their parts; "Ibid." points to the last reference before it."""
    titles = []  # titles of works (not of archival documents): their words are no mentions
    _fit_foreign(flow, refs)
    for n, ref in enumerate(refs, 1):
        attrs = dict(ref.attrs)
        if note_id and ref.kind != "ibid":
            attrs["xml:id"] = f"{note_id}-b{n}"
        if not _try(flow, ref.start, ref.end, "bibl", attrs, report):
            continue
        if "xml:id" in attrs:
            last_bibl[:] = [attrs["xml:id"]]
        for part in ref.parts:
            if part.tag == "idno" and any(part.start < a.offset < part.end for a in flow.anchors):
                continue  # an identifier broken over two lines: <idno> may not hold <lb/>
            pattrs = dict(part.attrs)
            if part.tag == "date":
                pattrs["resp"] = RESP
            if part.tag == "ref":
                if not last_bibl:
                    continue
                pattrs["target"] = f"#{last_bibl[0]}"
            if _try(flow, part.start, part.end, part.tag, pattrs, report) and \
                    part.tag == "title" and ref.kind == "published":
                titles.append((part.start, part.end))
    return titles


def _fit_foreign(flow: Inline, refs: list[Reference]) -> None:
    """Re-cut the structural encoder's `foreign` spans at reference boundaries: a Cyrillic
    reference carries its language on `bibl`; inside a Latin one, only within a field
    (`foreign` may not hold `author` or `editor`)."""
    text = flow.text
    cyr = re.compile(r"[\u0400-\u04ff]")
    for span in [s for s in flow.spans if s.tag == "foreign"]:
        hit = [r for r in refs if r.start < span.end and span.start < r.end]
        if not hit:
            continue
        flow.spans.remove(span)
        pieces, pos = [], span.start
        for r in hit:
            pieces.append((pos, max(pos, r.start)))
            if "xml:lang" not in r.attrs:
                pieces += [(max(p.start, span.start), min(p.end, span.end)) for p in r.parts]
            pos = min(span.end, r.end)
        pieces.append((pos, span.end))
        for a, b in pieces:
            while a < b and not text[a].isalnum():
                a += 1
            while b > a and not text[b - 1].isalnum():
                b -= 1
            if b > a and cyr.search(text, a, b) and not flow.crosses(a, b):
                flow.add_span(a, b, "foreign", dict(span.attrs))


def _names(flow: Inline, refs: list[Reference], titles: list[tuple[int, int]],
           index: NameIndex | None, recognisers: tuple[list[Found], Recogniser],
           report: Report) -> list[_Name]:
    text = flow.text
    names: list[_Name] = []
    # identifiers (fond, unit) hold text only
    titles = titles + [(p.start, p.end) for r in refs for p in r.parts if p.tag == "idno"]
    if index is not None:
        for m in index.find(text):
            if _inside(titles, m.start, m.end):
                continue
            if len(m.ids) == 1:
                attrs = {"ref": f"#{next(iter(m.ids))}", "resp": REGISTERS_RESP}
            else:
                report.ambiguous[text[m.start:m.end]] = set(m.ids)
                attrs = {"resp": RESP, "cert": "low"}
            names.append(_Name(m.start, m.end, m.tag, attrs))
    modelled, recogniser = recognisers
    ruled = recogniser.find(text, _field_starts(refs))
    known = [(n.start, n.end) for n in names]
    for f in modelled:
        if not _overlaps(known, f.start, f.end) and not _overlaps(titles, f.start, f.end) \
                and not any(_trims(r, f) for r in ruled):
            names.append(_Name(f.start, f.end, f.tag, {"resp": MODEL_RESP, "cert": f.cert},
                               f.key))
    known = [(n.start, n.end) for n in names]
    for r in ruled:
        if not _overlaps(known, r.start, r.end) and not _overlaps(titles, r.start, r.end):
            names.append(_Name(r.start, r.end, r.tag, {"resp": RESP, "cert": r.cert}, r.key))
    # what a citation field says outranks a guess: publishers are organisations, ...
    for part in (p for ref in refs for p in ref.parts if p.tag in NAME_OF_PART):
        tag = NAME_OF_PART[part.tag]
        same = [n for n in names if (n.start, n.end) == (part.start, part.end)]
        if same and "ref" in same[0].attrs:
            continue
        names = [n for n in names if not (part.start <= n.start and n.end <= part.end)
                 or "ref" in n.attrs]
        if any(part.start <= n.start and n.end <= part.end for n in names):
            continue  # a register knows a name inside: keep it
        for a, b in _places_of(text, part.start, part.end) if tag == "placeName" else \
                [(part.start, part.end)]:
            names.append(_Name(a, b, tag, {"resp": RESP, "cert": "medium"}, key(text[a:b])))
    return sorted(names, key=lambda n: (n.start, -n.end))


def _field_starts(refs: list[Reference]) -> frozenset[int]:
    """Where a field opens like a sentence: the title of an archival document."""
    return frozenset(p.start for ref in refs for p in ref.parts
                     if p.tag == "title" and p.attrs.get("level") == "u")


def _trims(rule: Recognised, model: Found) -> bool:
    """Where the rules' name is the better cut of the same words: it holds the model's and
    more (a Serbian organisation the model knows only the place of: "Socijalističke partije
    Belgije"), or it ends where the model's does without its opening words ("Pismo Veljka
    Vlahovića", a letter's title), or it is the same words and the rules found an
    organisation's head noun in them ("Socijalističkoj internacionali")."""
    inside = rule.start <= model.start and model.end <= rule.end and \
        rule.end - rule.start > model.end - model.start
    same_org = (rule.start, rule.end) == (model.start, model.end) and \
        rule.tag == "orgName" and " " in rule.key  # a head noun phrase, not "USSR"
    return inside or same_org or (model.start < rule.start and rule.end == model.end)


def _places_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"London – New York": two places of publication."""
    out, s = [], start
    for m in re.finditer(r"\s+[–-]\s+", text[start:end]):
        out.append((s, start + m.start()))
        s = start + m.end()
    return [*out, (s, end)]


def _enrich_flow(flow: Inline, refs: list[Reference], note_id: str, last_bibl: list[str],
                 index: NameIndex | None, recognisers: tuple[list[Found], Recogniser],
                 report: Report, used: set[str], own_title: bool = False) -> None:
    """`own_title`: the flow repeats the article's title (a summary's head), a title of a
    work whose names are no mentions."""
    text = flow.text
    titles = _add_references(flow, refs, note_id, last_bibl, report)
    for s, e in mixed_words(text):
        _try(flow, s, e, *MISPRINT, report)
    for n in [] if own_title else _names(flow, refs, titles, index, recognisers, report):
        if not _try(flow, n.start, n.end, n.tag, n.attrs, report):
            continue
        if "ref" in n.attrs:
            used.add(n.attrs["ref"][1:])
        elif n.key:
            k = (n.tag, n.key)
            report.proposals.setdefault(k, []).append(text[n.start:n.end])
            life = _LIFE.match(text, n.end) if n.tag == "persName" else None
            if life and k not in report.lives:
                report.lives[k] = (life["birth"], life["death"], " ".join(life["what"].split()))
            best = min(report.certs.get(k, "low"), n.attrs["cert"], key=CERTS.index)
            report.certs[k] = best
    for d in find_dates(text):
        if not _inside(titles, d.start, d.end):
            _try(flow, d.start, d.end, "date", {**d.attrs, "resp": RESP}, report)
    for s, e in find_quotes(text):
        if not _overlaps(titles, s, e):
            _try(flow, s, e, "quote", {"resp": RESP}, report)
