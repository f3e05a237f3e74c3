"""Scoring an edition's enrichment against a gold annotation.

The gold file is TSV, one annotation a line: `type <TAB> surface <TAB> value`.
- type `persName`/`orgName`/`placeName`: value is the register id, or `-` when unknown;
- type `date`: value is the normalized attributes, `when=1952-07-30` or `from=…;to=…`;
- type `bibl:FIELD` (author, editor, title@m, title@a, title@j, title@u, pubPlace, publisher,
  biblScope@page, idno@fond, idno@unit, …): value `-`.
Surfaces are compared with whitespace collapsed. Matching is by (type, surface) as multisets,
so the gold does not depend on line numbers or ids; a surface occurring n times must be
found n times. Linking accuracy is measured over the matched names, date normalization over
the matched dates.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiedit import TEI_NS
from teiedit.xmlio import TeieditError, read_untrusted

T = f"{{{TEI_NS}}}"
NAME_TYPES = ("persName", "orgName", "placeName")
DATE_ATTRS = ("when", "from", "to", "notBefore", "notAfter")
BIBL_FIELDS = ("author", "editor", "title", "pubPlace", "publisher", "biblScope", "idno")
QUALIFIER = {"title": "level", "biblScope": "unit", "idno": "type"}

Item = tuple[str, str, str]  # (type, surface, value)


def surface(el: etree._Element) -> str:
    """The element's text as printed: notes and editorial corrections left out."""
    parts: list[str] = []

    def walk(e: etree._Element) -> None:
        if e.text:
            parts.append(e.text)
        for c in e:
            if isinstance(c.tag, str) and c.tag not in (T + "note", T + "corr"):
                walk(c)
            if c.tail:
                parts.append(c.tail)

    walk(el)
    return " ".join("".join(parts).split())


# no @resp: a register's name in an edition made before register names carried one
RECOGNISERS = {"#teiedit-registers": "registers", "": "registers", "#teiedit-model": "model",
               "#teiedit": "rules"}


def edition_items(path: str | Path, by: dict[str, list[Item]] | None = None) -> list[Item]:
    """Names, dates and citation fields of an edition's <text>; the names also into `by`,
    per recogniser (from `@resp`: `#teiedit-registers`, `#teiedit-model`, `#teiedit`)."""
    root = read_untrusted(path).getroot()
    text = root.find(T + "text")
    if text is None:
        raise TeieditError("no <text> element: not a TEI edition", file=path)
    items: list[Item] = []
    for el in text.iter(*(T + n for n in (*NAME_TYPES, "date", *BIBL_FIELDS))):
        name = etree.QName(el).localname
        if name in NAME_TYPES:
            items.append((name, surface(el), (el.get("ref") or "-").lstrip("#")))
            if by is not None:
                by.setdefault(RECOGNISERS.get(el.get("resp", ""), "other"), []).append(items[-1])
        elif name == "date":
            items.append(("date", surface(el), date_value(el.attrib)))
        elif any(a.tag == T + "bibl" for a in el.iterancestors()):
            q = el.get(QUALIFIER[name], "") if name in QUALIFIER else ""
            items.append((f"bibl:{name}@{q}" if q else f"bibl:{name}", surface(el), "-"))
    return items


def date_value(attrs) -> str:
    return ";".join(f"{a}={attrs[a]}" for a in DATE_ATTRS if a in attrs)


def read_gold(path: str | Path) -> list[Item]:
    items: list[Item] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise TeieditError(f"cannot read gold file: {e.strerror}", file=path) from None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3 or not cols[0] or not cols[1]:
            raise TeieditError("expected three tab-separated columns: type, surface, value",
                               file=path, line=n)
        items.append((cols[0], " ".join(cols[1].split()), cols[2]))
    return items


@dataclass
class Score:
    tp: int
    gold: int
    found: int

    @property
    def precision(self) -> float:
        return self.tp / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _matched(gold: Counter, found: Counter) -> int:
    return sum((gold & found).values())


def evaluate(found: list[Item], gold: list[Item]) -> dict[str, object]:
    """Scores per type, and linking / normalization accuracy over matched items."""
    types = sorted({t for t, _, _ in gold} | {t for t, _, _ in found})
    scores: dict[str, Score] = {}
    for t in types:
        g = Counter(s for tt, s, _ in gold if tt == t)
        f = Counter(s for tt, s, _ in found if tt == t)
        scores[t] = Score(_matched(g, f), sum(g.values()), sum(f.values()))

    def accuracy(kinds: tuple[str, ...]) -> tuple[int, int]:
        g_sv = Counter((t, s, v) for t, s, v in gold if t in kinds)
        f_sv = Counter((t, s, v) for t, s, v in found if t in kinds)
        g_s = Counter((t, s) for t, s, _ in gold if t in kinds)
        f_s = Counter((t, s) for t, s, _ in found if t in kinds)
        return _matched(g_sv, f_sv), _matched(g_s, f_s)

    def total(prefix: tuple[str, ...]) -> Score:
        sel = [s for t, s in scores.items() if t.startswith(prefix)]
        return Score(sum(s.tp for s in sel), sum(s.gold for s in sel), sum(s.found for s in sel))

    return {"types": scores, "names": total(NAME_TYPES), "citations": total(("bibl:",)),
            "linking": accuracy(NAME_TYPES), "dates": accuracy(("date",))}


def by_recogniser(by: dict[str, list[Item]], gold: list[Item]) -> dict[str, Score]:
    """What each recogniser adds, in the order encode consults them: its names are matched
    against the gold mentions the recognisers before it left unmatched. Score.recall is
    then its share of all gold names."""
    left = Counter((t, s) for t, s, _ in gold if t in NAME_TYPES)
    total = sum(left.values())
    out = {}
    for name in (*dict.fromkeys(RECOGNISERS.values()), "other"):
        if name not in by:
            continue
        found = Counter((t, s) for t, s, _ in by[name])
        hit = left & found
        left -= hit
        out[name] = Score(sum(hit.values()), total, sum(found.values()))
    return out


def recogniser_lines(scores: dict[str, Score]) -> list[str]:
    lines = [f"{'names by recogniser':<22}{'P':>7}{'share':>7}{'':>7}{'gold':>7}{'found':>7}"]
    for name, s in scores.items():
        lines.append(f"{name:<22}{s.precision:7.3f}{s.recall:7.3f}{'':>7}{s.gold:7}{s.found:7}")
    return lines


def report_lines(result: dict[str, object]) -> list[str]:
    lines = [f"{'type':<22}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'found':>7}"]
    for t, s in result["types"].items():
        lines.append(f"{t:<22}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.gold:7}{s.found:7}")
    for label in ("names", "citations"):
        s = result[label]
        lines.append(f"{'ALL ' + label:<22}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}"
                     f"{s.gold:7}{s.found:7}")
    for label, what in (("linking", "entity-linking accuracy"),
                        ("dates", "date-normalization accuracy")):
        ok, n = result[label]
        lines.append(f"{what}: {ok}/{n} = {ok / n if n else 1.0:.3f}")
    return lines
