"""Date expressions in English and Serbian citation forms, normalized to W3C values.

Each pattern returns the attributes of a TEI `<date>`: `@when` for a day, month or year,
`@from`/`@to` for stated ranges, `@notBefore`/`@notAfter` with `@precision="low"` for vague
periods ("the early 1950s", "mid-1952"). A day and month without a year keep exactly what the
text says (`--04-13`, xsd:gMonthDay) instead of guessing the year. Numbers that only look like
years (issue numbers "3/2021", archive numbers "br. 1951") are not dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from teiedit.enrich.resources import data_text
from teiedit.enrich.translit import key, to_cyrillic

Attrs = dict[str, str]


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    attrs: Attrs


@cache
def _months() -> tuple[dict[str, int], str, str]:
    """(key -> month number, English alternation, Serbian alternation) from months.tsv."""
    by_key: dict[str, int] = {}
    english: list[str] = []
    serbian: list[str] = []
    for line in data_text("months.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        num, en, *sr = line.split("\t")
        english.append(en)
        for form in sr:
            serbian += [form, form.capitalize(), to_cyrillic(form), to_cyrillic(form.capitalize())]
        for form in [en, *sr]:
            by_key[key(form)] = int(num)

    def alt(forms: list[str]) -> str:
        return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))

    return by_key, alt(english), alt(serbian)


def month_keys() -> frozenset[str]:
    """Keys of every month name form (they start capitalized phrases but are no names)."""
    return frozenset(_months()[0])


_Y = r"(?<![\d/])(?:1[6-9]\d\d|20\d\d)(?![\d/])"
_GOD = r"(?:\.\s*(?:godine|године))?"
_SEASONS = {"spring": ("03", "05"), "summer": ("06", "08"), "autumn": ("09", "11"),
            "fall": ("09", "11")}
_PART_OF_YEAR = {"early": ("01", "04"), "mid": ("05", "08"), "late": ("09", "12")}
_PART_OF_DECADE = {"early": (0, 3), "mid": (3, 6), "late": (7, 9), "first half of the": (0, 4),
                   "second half of the": (5, 9), "почетком": (0, 3), "početkom": (0, 3)}
_NUMBER_MARKERS = ("br.", "f.", "no.", "No.", "#", "p.", "pp.", "str.", "vol.", "fasc.")


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    _, en, sr = _months()
    em, sm = f"(?:{en})", f"(?:{sr})"
    d = r"[0-3]?\d(?:st|nd|rd|th)?(?!\d)"
    sep = r"\s*(?:to|until|and|–|-)\s*"
    raw = [
        ("en_range", rf"(?:from\s+)?(?P<m1>{em})\s+(?P<d1>{d}),?{sep}(?:(?P<m2>{em})\s+)?"
                     rf"(?P<d2>{d}),?\s+(?P<y>{_Y})"),
        ("en_range_noyear", rf"(?:from\s+)?(?P<m1>{em})\s+(?P<d1>{d}){sep}(?:(?P<m2>{em})\s+)?"
                            rf"(?P<d2>{d})\b"),
        ("en_day", rf"(?P<m1>{em})\s+(?P<d1>{d}),?\s+(?P<y>{_Y})"),
        ("en_day_noyear", rf"(?P<m1>{em})\s+(?P<d1>{d})\b"),
        ("en_month", rf"(?P<m1>{em}),?\s+(?P<y>{_Y})"),
        ("sr_range", rf"(?:od\s+|од\s+)?(?<![\d/.])(?P<d1>[0-3]?\d)\.?\s*"
                     rf"(?:(?P<m1>{sm})\s*|(?P<n1>[01]?\d)\.\s*)?(?:do|до|i|и|–|-)\s*"
                     rf"(?P<d2>[0-3]?\d)\.\s*(?:(?P<m2>{sm})|(?P<n2>[01]?\d)\.)\s*(?P<y>{_Y}){_GOD}"),
        ("sr_day", rf"(?<![\d/.])(?P<d1>[0-3]?\d)\.\s*(?:(?P<m1>{sm})|(?P<n1>[01]?\d)\.)\s*"
                   rf"(?P<y>{_Y}){_GOD}"),
        ("sr_month", rf"(?P<m1>{sm})\s+(?P<y>{_Y}){_GOD}"),
        ("year_range", rf"(?:from\s+|od\s+|од\s+)?(?P<y1>{_Y})\s*(?:–|-|to|until|do|до)\s*"
                       rf"(?P<y2>{_Y})"),
        ("year_slash", r"(?<![\d/])(?P<y1>1[6-9]\d\d|20\d\d)/(?P<y2>1[6-9]\d\d|20\d\d)(?![\d/])"),
        ("season", rf"(?P<s>spring|summer|autumn|fall)\s+of\s+(?P<y>{_Y})"),
        ("part_year", rf"(?P<q>early|mid|late)[-\s]\s*(?P<y>{_Y})"),
        ("decade", r"(?:(?P<q>early|mid|late|first half of the|second half of the)[-\s]\s*)?"
                   r"(?P<dec>1[6-9]\d0|20\d0)s\b"),
        ("sr_decade", r"(?:(?P<q>почетком|početkom)\s+)?(?P<dec>\d0)-(?:их|ih)"
                      r"(?:\s+(?:година|godina))?(?:\s+(?P<cent>\d\d)\.\s+(?:века|veka))?"),
        ("year", rf"(?P<y>{_Y}){_GOD}"),
    ]
    return [(name, re.compile(rx)) for name, rx in raw]


def _month(form: str | None, number: str | None) -> int | None:
    if form:
        return _months()[0][key(form)]
    return int(number) if number else None


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def _ymd(y: str | None, m: int, d: int) -> str | None:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y}-{m:02d}-{d:02d}" if y else f"--{m:02d}-{d:02d}"


def _normalize(name: str, g: dict[str, str | None]) -> Attrs | None:
    """Attributes for one match, or None when the numbers cannot be a date."""
    if name in ("en_range", "en_range_noyear", "sr_range"):
        m1 = _month(g.get("m1"), g.get("n1"))
        m2 = _month(g.get("m2"), g.get("n2"))
        m1 = m1 or m2
        m2 = m2 or m1
        if m1 is None or m2 is None:
            return None
        y = g.get("y")
        start, end = _ymd(y, m1, _day(g["d1"])), _ymd(y, m2, _day(g["d2"]))
        if not start or not end or start >= end:
            return None
        return {"from": start, "to": end}
    if name in ("en_day", "en_day_noyear", "sr_day"):
        when = _ymd(g.get("y"), _month(g.get("m1"), g.get("n1")), _day(g["d1"]))
        return {"when": when} if when else None
    if name in ("en_month", "sr_month"):
        return {"when": f"{g['y']}-{_month(g['m1'], None):02d}"}
    if name in ("year_range", "year_slash"):
        y1, y2 = int(g["y1"]), int(g["y2"])
        if not y1 < y2 <= y1 + 200 or (name == "year_slash" and y2 != y1 + 1):
            return None
        return {"from": g["y1"], "to": g["y2"]}
    if name == "season":
        a, b = _SEASONS[g["s"]]
        return {"notBefore": f"{g['y']}-{a}", "notAfter": f"{g['y']}-{b}", "precision": "low"}
    if name == "part_year":
        a, b = _PART_OF_YEAR[g["q"]]
        return {"notBefore": f"{g['y']}-{a}", "notAfter": f"{g['y']}-{b}", "precision": "low"}
    if name in ("decade", "sr_decade"):
        dec = int(g["dec"])
        if name == "sr_decade":
            dec += (int(g["cent"]) - 1) * 100 if g.get("cent") else 1900
        if not g.get("q"):
            attrs = {"from": str(dec), "to": str(dec + 9)}
            return attrs if name == "decade" or g.get("cent") else {**attrs, "cert": "medium"}
        a, b = _PART_OF_DECADE[g["q"]]
        return {"notBefore": str(dec + a), "notAfter": str(dec + b), "precision": "low"}
    return {"when": g["y"]}


def _after_number_marker(text: str, start: int) -> bool:
    """"br. 1951", "f. 1950": a number introduced as a number, not a year."""
    before = text[max(0, start - 8):start].rstrip()
    return before.endswith(_NUMBER_MARKERS)


def find_dates(text: str) -> list[DateMatch]:
    """Non-overlapping date expressions in `text`, longest first, in text order."""
    candidates: list[DateMatch] = []
    for name, rx in _patterns():
        for m in rx.finditer(text):
            if _after_number_marker(text, m.start()):
                continue
            attrs = _normalize(name, m.groupdict())
            if attrs is not None:
                candidates.append(DateMatch(m.start(), m.end(), attrs))
    chosen: list[DateMatch] = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
