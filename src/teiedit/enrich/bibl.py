"""References inside notes: published works, archival documents, "Ibid.".

A note's references are the `;`-separated pieces after "See:" (or the whole note when it
starts with one). Each piece is parsed by its punctuation, the way citation styles are built:

  published:  Author, Author, Title, prir. Editor, (Place: Publisher, Year), pages
  article:    Author, „Title“, Journal Issue/Year, pages
  short:      Author, Title, pages
  archival:   REPOSITORY, fond, collection…, unit, document title, date, pages

The parts become `author`, `editor`, `title @level`, `pubPlace`, `publisher`, `biblScope`,
`idno` spans inside a `bibl` span; dates are left to the date recogniser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from teiedit.enrich.dates import find_dates
from teiedit.enrich.translit import CYRILLIC


@dataclass(frozen=True)
class Part:
    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class Reference:
    start: int
    end: int
    kind: str  # "published" | "archival" | "ibid"
    parts: list[Part]
    attrs: dict[str, str] = field(default_factory=dict)
    repository: str = ""  # archival: "AJ", "DAMSPRS"
    fond: str = ""  # archival: "507/IX", "Fond 142", "PA"


_INTRO = re.compile(r"(?:\b(?:[Ss]ee|[Aa]lso see|[Ss]ee more|[Ss]ee also)(?: more)?(?: about "
                    r"[^:;]{0,120}?)?|\bsee)\s*:\s*")
_IMPRINT = re.compile(r"\(\s*(?P<place>[^():;]+?)\s*:\s*(?P<pub>[^()]*?),?\s*"
                      r"(?P<year>(?:1[6-9]|20)\d\d)\s*\)")
_JOURNAL = re.compile(r"^(?P<journal>[^\d,;]+?)\s+(?P<issue>\d{1,2})/(?P<year>(?:19|20)\d\d)$")
_PAGES = re.compile(r"^(?!(?:1[6-9]|20)\d\d$)\d+(?:\s*[–-]\s*\d+)?"
                    r"(?:\s*,\s*\d+(?:\s*[–-]\s*\d+)?)*$")  # a lone year is no page
_QUOTED = re.compile(r"^(?:„|,,|“|”)(?P<t>.+?)(?:“|”|’’)$", re.S)
_QUOTED_THEN = re.compile(r"^(?P<q>(?:„|,,|“)[^„“”]+(?:“|”))[.,]\s+(?P<rest>\S.*)$", re.S)
_EDITOR = re.compile(r"^(?:prir|ed|eds|прир)\.\s+")
_NAME = re.compile(r"^(?:(?:dr|др)\s+)?(?:[A-ZČĆĐŠŽА-ЯЂЈЉЊЋЏ][\w’'-]*\.?\s+){1,3}"
                   r"[A-ZČĆĐŠŽА-ЯЂЈЉЊЋЏ][\w’'-]+$")
_ARCHIVE = re.compile(r"^(?P<repo>[A-ZА-Я]{2,8}|[^,;]*?(?:[Aa]rhiv|[Aa]rchiv|[Аа]рхив)[^,;]*?)"
                      r"\s*,\s*")
_NAMED_ARCHIVE = re.compile(r"[Aa]rhiv|[Aa]rchiv|[Аа]рхив")
_FOND = re.compile(r"^(?:Fond\s+\d+|\d+/\s*[IVX]+|[A-ZА-Я]{2,8}|[^,()]+\([A-ZА-Я]{2,8}\))$")
_FOND_NUMBER = re.compile(r"^\d{1,4}$")  # "Arhiv Jugoslavije, 837, …": only after a named archive
_UNIT = re.compile(r"^(?:\d+/[IVX]+-\d+|[IVX]+-\d+-[a-z]/\d+-\d+|f\.\s*\d+,\s*br\.\s*\d+)$")
_IBID = re.compile(r"^(?:Ibid|Isto|Исто)\.")
_IBID_ANYWHERE = re.compile(r"\b(?:Ibid|Isto|Исто)\.")
_SURNAME = re.compile(r"^[A-ZČĆĐŠŽА-ЯЂЈЉЊЋЏ][\w’'-]+$")


def _split(text: str, start: int, end: int, sep: str) -> list[tuple[int, int]]:
    """Pieces of text[start:end] between `sep`, outside parentheses and quotes, trimmed."""
    pieces, depth, quote, s = [], 0, False, start
    skip = False
    for i in range(start, end):
        ch = text[i]
        if skip:
            skip = False
            continue
        if text.startswith(",,", i) and i + 2 < end and text[i + 2].isalpha():
            quote, skip = True, True  # ",,Title“": two commas typed as an opening quote
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in "„“”":
            quote = ch == "„" or (ch == "“" and not quote)
        elif text.startswith("’’", i):
            quote = False
        elif ch == sep and depth == 0 and not quote:
            pieces.append((s, i))
            s = i + 1
    pieces.append((s, end))
    return [t for p in pieces if (t := _trim(text, *p))[1] > t[0]]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or (text[e - 1] == "." and _ends_sentence(text, s, e))):
        e -= 1
    return s, e


def _ends_sentence(text: str, s: int, e: int) -> bool:
    """A final period that closes the reference, not an abbreviation ("prir.", "Lj.")."""
    word = re.search(r"(\w+)\.$", text[s:e])
    return word is None or (len(word.group(1)) > 2 and not word.group(1).istitle()) or \
        word.group(1).isdigit()


def _regions(text: str) -> list[tuple[int, int]]:
    """Stretches of a note that hold references: after "See:", at an "Ibid.", or the whole
    note when it opens with a reference."""
    intro = list(_INTRO.finditer(text))
    end = intro[-1].start() if intro else len(text)
    regions = [(intro[-1].end(), len(text))] if intro else []
    starts = [m.start() for m in _IBID_ANYWHERE.finditer(text, 0, end)]
    first = _split(text, 0, end, ";")
    if first and _parse(text, *first[0]) is not None:
        starts.insert(0, 0)
    for s in sorted(set(starts)):
        stop = text.find(". ", s + 6, end)  # a reference before "See:" ends its sentence
        regions.append((s, end if stop < 0 or not intro else stop + 1))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(regions):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def find_references(text: str) -> list[Reference]:
    """References of a note's text, in order."""
    out = []
    for region in _regions(text):
        for s, e in _split(text, *region, ";"):
            ref = _parse(text, s, e)
            if ref is not None:
                out.append(ref)
    return out


def _is_cyrillic(s: str) -> bool:
    cyr = sum(ch in CYRILLIC for ch in s)
    return cyr > sum(ch.isalpha() for ch in s) / 2


def _parse(text: str, s: int, e: int) -> Reference | None:
    piece = text[s:e]
    if _IBID.match(piece):
        return _ibid(text, s, e)
    fields = _split(text, s, e, ",")
    if len(fields) >= 3 and _ARCHIVE.match(piece) and _is_fond(text[slice(*fields[0])],
                                                              text[slice(*fields[1])]):
        return _archival(text, s, e, fields)
    ref = _published(text, s, e, fields)
    if ref is not None and _is_cyrillic(piece):
        ref.attrs["xml:lang"] = "sr-Cyrl"
    return ref


def _is_fond(repository: str, field: str) -> bool:
    """A bare number is a fond only after a repository that says it is an archive."""
    return bool(_FOND.match(field) or (_NAMED_ARCHIVE.search(repository) and
                                       _FOND_NUMBER.match(field)))


def _ibid(text: str, s: int, e: int) -> Reference:
    word = re.match(r"\w+\.", text[s:e])
    parts = [Part(s, s + word.end(), "ref")]
    rest = _split(text, s + word.end(), e, ",")
    parts += [Part(a, b, "biblScope", {"unit": "page"}) for a, b in rest
              if _PAGES.match(text[a:b])]
    return Reference(s, e, "ibid", parts)


def _archival(text: str, s: int, e: int, fields: list[tuple[int, int]]) -> Reference:
    """Repository, fond, collection levels, unit, document title, date, pages."""
    parts: list[Part] = [Part(*fields[1], "idno", {"type": "fond"})]
    unit = None
    for i in range(2, len(fields)):
        here = text[slice(*fields[i])]
        if _UNIT.match(here):
            unit = (fields[i], i)
        elif re.fullmatch(r"f\.\s*\d+", here) and i + 1 < len(fields) and \
                re.fullmatch(r"br\.\s*\d+", text[slice(*fields[i + 1])]):
            unit = ((fields[i][0], fields[i + 1][1]), i + 1)  # "f. 9, br. 413482"
        if unit:
            break
    rest = fields[unit[1] + 1:] if unit else fields[2:]
    if unit:
        parts.append(Part(*unit[0], "idno", {"type": "unit"}))
    if rest and _PAGES.match(text[slice(*rest[-1])]):
        parts.append(Part(*rest[-1], "biblScope", {"unit": "page"}))
        rest = rest[:-1]
    while len(rest) > 1 and _is_date(text[slice(*rest[-1])]):
        rest = rest[:-1]  # the document's date stays outside its title
    if rest and unit:
        parts.append(Part(rest[0][0], rest[-1][1], "title", {"level": "u"}))
    return Reference(s, e, "archival", parts, {"type": "archival"},
                     _short(text[slice(*fields[0])]), _short(text[slice(*fields[1])]))


def _short(name: str) -> str:
    """"Arhiv Jugoslavije (AJ)" -> "AJ"; "507/\nIX" -> "507/IX"."""
    m = re.search(r"\(([^()]+)\)\s*$", name)
    return re.sub(r"\s+", "" if "/" in name else " ", m.group(1) if m else name).strip()


def _untitled(text: str, p: Part) -> Part:
    """"dr Milan Terzić": the academic title stays outside the name."""
    m = re.match(r"(?:dr|др|prof)\.?\s+", text[p.start:p.end])
    return Part(p.start + m.end(), p.end, p.tag, p.attrs) if m else p


def _is_date(field_text: str) -> bool:
    found = find_dates(field_text)
    return bool(found) and found[0].start == 0 and found[-1].end >= len(field_text.rstrip(". "))


def _published(text: str, s: int, e: int, fields: list[tuple[int, int]]) -> Reference | None:
    parts: list[Part] = []
    imprint = _IMPRINT.search(text, s, e)
    if len(fields) == 3 and _SURNAME.match(text[slice(*fields[0])]) and \
            _PAGES.match(text[slice(*fields[2])]) and imprint is None:
        parts.append(Part(*fields[0], "author"))  # short form: "Милетић, Преломна времена, 187"
        fields = fields[1:]
    short = bool(parts)
    i = 0
    while not short and i < len(fields) - 1 and _NAME.match(text[slice(*fields[i])]) and \
            (imprint is None or fields[i][1] <= imprint.start()):
        parts.append(Part(*fields[i], "author"))
        i += 1
    if i >= len(fields):
        return None
    ts, te = fields[i]
    if (imprint is not None and ts >= imprint.start()) or text[ts] == "(":
        return None  # "Victor Larock, (1904–1977), Belgian Socialist": a life, not a work
    after = fields[i + 1:]
    glued = _QUOTED_THEN.match(text[ts:te])
    if glued:  # „Title“. Journal 1/2011 — no comma between title and journal
        after.insert(0, (ts + glued.start("rest"), te))
        te = ts + glued.end("q")
    quoted = _QUOTED.match(text[ts:te])
    if quoted:
        ts, te = ts + quoted.start("t"), ts + quoted.end("t")
    level = "a" if quoted else "m"
    # an unquoted title may run over commas up to the imprint or the editor
    if not quoted and imprint is not None:
        while after and after[0][0] < imprint.start() and not _EDITOR.match(text[slice(*after[0])]):
            te = after[0][1]
            after = after[1:]
    parts.append(Part(ts, te, "title", {"level": level}))
    for a, b in after:
        field_text = text[a:b]
        if _EDITOR.match(field_text):
            m = _EDITOR.match(field_text)
            parts.append(Part(a + m.end(), b, "editor"))
        elif (j := _JOURNAL.match(field_text)) and quoted:
            parts.append(Part(a + j.start("journal"), a + j.end("journal"), "title",
                              {"level": "j"}))
            parts.append(Part(a + j.start("issue"), a + j.end("issue"), "biblScope",
                              {"unit": "issue"}))
            parts.append(Part(a + j.start("year"), a + j.end("year"), "date",
                              {"when": j.group("year")}))
        elif _PAGES.match(field_text) and (imprint is None or a > imprint.end() or
                                           after[-1] == (a, b)):
            parts.append(Part(a, b, "biblScope", {"unit": "page"}))
        elif _NAME.match(field_text) and parts[-1].tag == "editor":
            parts.append(Part(a, b, "editor"))
    if quoted and not any(p.attrs.get("level") == "j" for p in parts) and \
            any(text[a] == "(" for a, _ in after):
        parts[parts.index(next(p for p in parts if p.tag == "title"))] = Part(
            ts, te, "title", {"level": "u"})  # a thesis: quoted, in no journal
    parts = [_untitled(text, p) if p.tag in ("editor", "author") else p for p in parts]
    if imprint is not None:
        parts.append(Part(*imprint.span("place"), "pubPlace"))
        if imprint.group("pub").strip():
            for a, b in _split(text, *imprint.span("pub"), ","):
                parts.append(Part(a, b, "publisher"))
    if not parts or (imprint is None and not quoted and
                     not any(p.tag in ("author", "biblScope") for p in parts)):
        return None
    if imprint is None and not any(p.tag == "author" for p in parts) and not quoted:
        return None
    return Reference(s, e, "published", sorted(parts, key=lambda p: p.start))
