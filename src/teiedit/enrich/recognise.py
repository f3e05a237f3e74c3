"""Recognising names no register knows yet, from the evidence of the article itself.

Evidence is gathered over the whole document first: a capitalized word that also occurs in
lower case, or is a frequent English word, is a common word ("Socialists", "Affairs"); a
surname introduced once with a forename names that person when it returns alone ("Spaak");
an abbreviation defined in parentheses ("Belgian Socialist Party (… PSB/BSP)") names the
organisation wherever it recurs. Then each capitalized phrase is classified:

- organisation: it has an organisation head noun, English style ("Science Fund of the
  Republic of Serbia") or Serbian sentence case ("Komisija za međunarodne odnose i veze");
- state or region: a state head noun before "of" and a place ("Kingdom of Belgium");
- person: two or more name-like words ("President Max Buset": the title stays outside), or a
  surname introduced before;
- place: the gazetteer knows it, inflected forms included ("Beogradu", "Москвом").

Each result carries a certainty and a key that groups the forms of one entity (for the
proposals file).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from teiedit.enrich.dates import month_keys
from teiedit.enrich.gazetteer import (
    main_place_keys,
    major_place_keys,
    max_tokens,
    place_keys,
)
from teiedit.enrich.names import Token, base_keys, tokens
from teiedit.enrich.resources import word_list
from teiedit.enrich.translit import key

_ROMAN = re.compile(r"^[IVX]+$")
_ABBR = re.compile(r"^[A-ZА-ЯЂЈЉЊЋЏČĆĐŠŽ]{2,8}(?:-[a-zа-я]{1,3})?$")
_INITIAL = re.compile(r"^(?:[A-ZČĆĐŠŽА-ЯЂЈЉЊЋЏ]|Lj|Nj|Dž)$")
_DEFINITION = re.compile(r"\(([^()]{0,120}?)\)")
_ABBR_IN_DEF = re.compile(r"(?:^|[\s/–-])([A-ZА-ЯЂЈЉЊЋЏ]{2,8})(?=$|[\s/])")
FREQUENT = 4e-6  # English words more frequent than this are common words, not name parts


@dataclass(frozen=True)
class Recognised:
    start: int
    end: int
    tag: str
    cert: str
    key: str


@cache
def _keys(name: str) -> frozenset[str]:
    return frozenset(key(w) for w in word_list(name))


@cache
def _english():
    """pyspellchecker's English word frequencies."""
    from spellchecker import SpellChecker

    return SpellChecker()


def _is_english_word(word: str, frequent: bool = False) -> bool:
    if not word.isascii():
        return False
    w = word.lower()
    if frequent:
        return _english().word_usage_frequency(w) >= FREQUENT
    return w in _english()


def _has(tok: str, list_name: str) -> bool:
    return bool(base_keys(tok) & _keys(list_name))


def _abbr(tok: str) -> bool:
    return bool(_ABBR.match(tok)) and not _ROMAN.match(tok)


def _place_bases(tok: str) -> frozenset[str]:
    """Nominatives a word may inflect, for places: a word in -o is its own nominative
    (Serbian declines places in -a to -e/-i/-u/-om, never -o: "Tito" is not "Tita")."""
    k = key(tok)
    return frozenset({k}) if k.endswith("o") else base_keys(tok)


def _abbr_key(tok: str) -> str:
    return key(tok.split("-")[0])


class Recogniser:
    """Document-wide evidence, then phrase classification per flow."""

    def __init__(self, texts: list[str]) -> None:
        self.lower: set[str] = {key(t.text) for text in texts for t in tokens(text)
                                if t.text[0].islower()}
        self.mid: set[str] = set()  # capitalized words seen right after a lowercase word
        for text in texts:
            toks = tokens(text)
            self.mid.update(key(b.text) for a, b in itertools.pairwise(toks)
                            if a.text[0].islower() and b.text[0].isupper()
                            and text[a.end:b.start].isspace())
        self.abbr: dict[str, str] = {}  # abbreviation key -> tag of what it abbreviates
        self.abbr_of: dict[str, str] = {}  # abbreviation key -> key of the long form
        self.surnames: dict[str, str] = {}  # surname key -> key of the full name
        for text in texts:
            for r in self._phrases(text):
                if r.tag == "persName" and " " in r.key:
                    self.surnames.setdefault(r.key.split()[-1], r.key)
        for text in texts:
            self._definitions(text)

    def _definitions(self, text: str) -> None:
        """"Long Name (ABBR)" and "(… - PSB/BSP)": the abbreviation names what precedes it."""
        phrases = None
        for m in _DEFINITION.finditer(text):
            phrases = self._phrases(text) if phrases is None else phrases
            head = len(text[:m.start()].rstrip())
            before = [r for r in phrases if r.end == head]
            inner = m.group(1)
            if before:
                tag = before[-1].tag
            elif re.search(r"\w\s*[–-]\s*[A-ZА-Я]{2,8}(?:/[A-ZА-Я]{2,8})*$", inner):
                tag = "orgName"  # "(Parti Socialiste belge/… - PSB/BSP)"
            else:
                continue
            for a in _ABBR_IN_DEF.findall(inner):
                if not _ROMAN.match(a):
                    self.abbr.setdefault(key(a), tag)
                    if before:  # "PSB" is proposed together with "Belgian Socialist Party"
                        self.abbr_of.setdefault(key(a), before[-1].key)

    def name_like(self, tok: str) -> bool:
        """Could this capitalized word be part of a personal name?"""
        return self.titled_name_like(tok) and not _is_english_word(tok, frequent=True)

    def common_word(self, tok: str) -> bool:
        """A capitalized word that names nothing by itself: a demonym or adjective
        ("Yugoslav", "Soviets"), or a heading word in capitals ("SUBJECT")."""
        nouns = _keys("not_names.txt")
        return bool(base_keys(tok) & nouns) or key(tok).removesuffix("s") in nouns or \
            (tok.isupper() and len(tok) > 3 and _is_english_word(tok))

    @staticmethod
    def frequent_word(tok: str) -> bool:
        return _is_english_word(tok, frequent=True)

    @staticmethod
    def english_word(tok: str) -> bool:
        return _is_english_word(tok)

    def is_place(self, text: str, major: bool = False) -> bool:
        """Is the whole of `text` a place the gazetteer knows (inflection allowed), or, with
        `major`, a continent, country or large city by its main name, as written?"""
        toks = tokens(text)
        if major:
            return tuple(key(t.text) for t in toks) in main_place_keys()
        return bool(toks) and self._place_at(toks, 0, len(toks)) == len(toks)

    def opening_only(self, texts: list[str], where: list[tuple[int, int, int]],
                     starts: list[frozenset[int]]) -> bool:
        """Every occurrence opens a sentence or a field (`starts`: offsets per text) and the
        word is never seen inside one: its capital may be the sentence's ("Sastanak",
        "Diskusija")."""
        return all(key(texts[n][s:e].split()[0]) not in self.mid and
                   (s in starts[n] or not texts[n][:s].strip() or
                    texts[n][:s].rstrip()[-1] in ".!?")
                   for n, s, e in where)

    def titled_name_like(self, tok: str) -> bool:
        """After a title ("Ambassador Mates") a frequent English word may be a name too."""
        if not tok[0].isupper() or _ROMAN.match(tok) or _abbr(tok):
            return False
        bases = base_keys(tok)
        return not (key(tok) in self.lower or key(tok) in month_keys() or
                    bases & (_keys("not_names.txt") | _keys("titles.txt") |
                             _keys("org_heads.txt") | _keys("place_heads.txt")))

    # -- phrases --------------------------------------------------------------------------
    def find(self, text: str, starts: frozenset[int] = frozenset()) -> list[Recognised]:
        """Names in `text`; `starts` are offsets where a sentence-like field begins
        (the title of an archival document)."""
        return self._phrases(text, starts)

    def _opening_word(self, text: str, tok: Token, starts: frozenset[int]) -> bool:
        """A capitalized word that opens a sentence or field and is never seen inside one
        ("Zabeleška o razgovoru …", "Pismo Veljka Vlahovića …", "Thus …")."""
        before = text[:tok.start].rstrip()
        opening = tok.start in starts or not before or before[-1] in ".;:!?(“„"
        return opening and key(tok.text) not in self.mid and not _abbr(tok.text) and \
            not _has(tok.text, "org_heads.txt")

    def _forename_and_initial(self, toks: list[Token], i: int, starts: frozenset[int]) -> bool:
        """"Dušan N. Janković" opening a line is a name; "Pismo R. Evalenka" opening a
        document title is not."""
        return toks[i].start not in starts and self.name_like(toks[i].text) and \
            bool(_INITIAL.match(toks[i + 1].text))

    def _phrases(self, text: str, starts: frozenset[int] = frozenset()) -> list[Recognised]:
        toks = tokens(text)
        out: list[Recognised] = []
        i = 0
        while i < len(toks):
            if not toks[i].text[0].isupper():
                i += 1
                continue
            j = self._run_end(text, toks, i)
            if j > i + 1 and self._opening_word(text, toks[i], starts) and \
                    not self._forename_and_initial(toks, i, starts):
                i += 1
                continue
            found, i = self._classify(text, toks, i, j)
            out += found
        return out

    def _gap_ok(self, text: str, a: Token, b: Token) -> bool:
        gap = text[a.end:b.start]
        return gap.isspace() or (bool(_INITIAL.match(a.text)) and gap.startswith(".")
                                 and gap[1:].isspace())

    def _run_end(self, text: str, toks: list[Token], i: int) -> int:
        """Tokens i..j-1: capitalized words, joined by particles and bridges."""
        j = i + 1
        joins = _keys("connectors.txt") | _keys("bridges.txt")
        while j < len(toks) and self._gap_ok(text, toks[j - 1], toks[j]):
            if toks[j].text[0].isupper():
                if self._opens_serbian_org(text, toks, j):
                    break
                j += 1
                continue
            k = j
            while k < len(toks) and key(toks[k].text) in joins and \
                    self._gap_ok(text, toks[k - 1], toks[k]):
                k += 1
            and_the = key(toks[j].text) == "and" and k > j + 1
            if k > j and k < len(toks) and toks[k].text[0].isupper() and not and_the and \
                    self._gap_ok(text, toks[k - 1], toks[k]):
                j = k + 1
                continue
            break
        return j

    def _classify(self, text: str, toks: list[Token], i: int, j: int
                  ) -> tuple[list[Recognised], int]:
        """What the phrase toks[i:j] names, and where the next phrase starts."""
        end = self._serbian_org_end(text, toks, i, j)
        if end is not None:
            return [self._make(text, toks[i], toks[end - 1], "orgName", "medium")], end
        s = self._strip(toks, i, j)
        run = toks[s:j]
        if run and not _ROMAN.match(toks[i].text):
            heads = [n for n, t in enumerate(run) if _has(t.text, "org_heads.txt")]
            if heads:
                h = heads[0]
                if not _is_english_word(run[h].text):  # "Pismo Komisiji …": starts at the head
                    while h > 0 and key(run[h - 1].text).endswith(
                            tuple(_keys("serbian_adjective_endings.txt"))):
                        h -= 1
                    run = run[h:]
                if len(run) >= 2 and not self._adjective_and_head(run):
                    return [self._make(text, run[0], run[-1], "orgName", "medium")], j
                return [], j
            state = self._state(toks, s, j)
            if state:
                return [self._make(text, toks[s], toks[state - 1], "placeName", "medium")], \
                    state
        return self._words(text, toks, i, j), j

    def _strip(self, toks: list[Token], i: int, j: int) -> int:
        """Leading words that open a sentence or a role ("A Member of the …", "President")."""
        s = i
        while s < j and not _has(toks[s].text, "org_heads.txt") and \
                not _has(toks[s].text, "place_heads.txt") and \
                ((s == i and key(toks[s].text) in self.lower and
                  key(toks[s].text) not in self.mid) or _has(toks[s].text, "titles.txt")
                 or key(toks[s].text) in _keys("bridges.txt")):
            s += 1
        # "Member of the Belgian Senate": a role word before "of" is no part of the name
        while s + 1 < j and key(toks[s + 1].text) == "of" and \
                not _has(toks[s].text, "org_heads.txt") and \
                not _has(toks[s].text, "place_heads.txt"):
            s += 2
            while s < j and key(toks[s].text) in _keys("bridges.txt"):
                s += 1
        return s

    def _state(self, toks: list[Token], s: int, j: int) -> int | None:
        """"Kingdom of Belgium", "Federal People's Republic of Yugoslavia": end of the name."""
        for h in range(s, j - 1):
            if not _has(toks[h].text, "place_heads.txt") or self._after_role(toks, h):
                continue
            n = self._place_at(toks, h + 2, j) if h + 2 < j else 0
            if n and key(toks[h + 1].text) == "of":
                return h + 2 + n
            if not _is_english_word(toks[h].text) and toks[h + 1].text[0].isupper():
                return h + 2  # "Republike Srbije", "Narodnoj Republici Jugoslaviji"
        return None

    @staticmethod
    def _after_role(toks: list[Token], h: int) -> bool:
        """"predsednika Republike", "President of the Republic": a role, not the state."""
        k = h - 1
        while k >= 0 and key(toks[k].text) in _keys("bridges.txt"):
            k -= 1
        return k >= 0 and _has(toks[k].text, "titles.txt")

    def _words(self, text: str, toks: list[Token], i: int, j: int) -> list[Recognised]:
        out: list[Recognised] = []
        k = i
        while k < j:
            tok = toks[k].text
            if _abbr(tok):
                e = k + 1
                while e < j and _abbr(toks[e].text):  # "CK SKJ": one name in two words
                    e += 1
                if e < j and self.abbr.get(_abbr_key(toks[e - 1].text)) != "placeName" and \
                        "-" not in toks[e - 1].text and \
                        not self._place_at(toks, k, e) and self._place_at(toks, e, e + 1):
                    e += 1  # "SP Belgije": the party of a country
                if not _has(tok, "not_names.txt") and not _has(tok, "titles.txt"):
                    out.append(self._abbreviation(text, toks, k, e))
                k = e
                continue
            e = k
            while e < j and (self.name_like(toks[e].text) or _INITIAL.match(toks[e].text)
                             or (e > k and _ROMAN.match(toks[e].text))
                             or (e > k and key(toks[e].text) in _keys("connectors.txt"))):
                e += 1
            while e > k + 1 and key(toks[e - 1].text) in _keys("connectors.txt"):
                e -= 1
            if e - k >= 3 and self._inflected_major_place(toks[e - 1].text):
                e -= 1  # "posete Pjetra Nenija Beogradu": the name stops before the city
            named = [t for t in toks[k:e] if not _INITIAL.match(t.text)]
            if e - k >= 2 and named:
                place = self._place_at(toks, k, e)
                if place == e - k:
                    out.append(self._make(text, toks[k], toks[e - 1], "placeName", "medium"))
                else:
                    out.append(self._make(text, toks[k], toks[e - 1], "persName",
                                          "high" if k > i else "medium"))
                k = e
                continue
            if _has(tok, "geo_modifiers.txt") and (n := self._place_at(toks, k + 1, j)):
                out.append(self._make(text, toks[k], toks[k + n], "placeName", "medium"))
                k += n + 1  # "Western Europe"
                continue
            if (sk := self._surname(tok)) and self.name_like(tok):
                r = self._make(text, toks[k], toks[k], "persName", "medium")
                out.append(Recognised(r.start, r.end, r.tag, r.cert, sk))
            elif (n := self._place_at(toks, k, j)) and self._plausible_place(toks[k:k + n]) \
                    and not (n == 1 and self._adjective_of_noun(text, toks, k)):
                out.append(self._make(text, toks[k], toks[k + n - 1], "placeName", "medium"))
                k += n
                continue
            k += 1
        return out

    def _abbreviation(self, text: str, toks: list[Token], k: int, e: int) -> Recognised:
        tag = self.abbr.get(_abbr_key(toks[e - 1].text))
        if tag:
            r = self._make(text, toks[k], toks[e - 1], tag, "high")
            long_form = self.abbr_of.get(_abbr_key(toks[e - 1].text))
            return Recognised(r.start, r.end, r.tag, r.cert, long_form) if long_form else r
        if e == k + 1 and self._place_at(toks, k, e):
            return self._make(text, toks[k], toks[k], "placeName", "medium")
        return self._make(text, toks[k], toks[e - 1], "orgName", "low")

    def _plausible_place(self, words: list[Token]) -> bool:
        """A gazetteer hit that is not a common word of this text ("Most", "Also", "March")."""
        if len(words) > 1:
            return True
        w = words[0].text
        return not (key(w) in self.lower or key(w) in month_keys() or
                    _has(w, "not_names.txt") or _has(w, "place_heads.txt"))

    def adjective_at(self, text: str, toks: list[Token], k: int) -> bool:
        """Is toks[k] a Serbian adjective before its lowercase noun ("Danska strana")?"""
        return self._adjective_of_noun(text, toks, k)

    @staticmethod
    def _adjective_of_noun(text: str, toks: list[Token], k: int) -> bool:
        """"Danska strana", "Danski socijaldemokrati": a Serbian adjective agreeing with the
        lowercase noun after it is no place."""
        word = key(toks[k].text)
        if k + 1 >= len(toks) or not word.endswith(tuple(_keys("serbian_adjective_endings.txt"))):
            return False
        noun = toks[k + 1].text
        return noun[0].islower() and len(noun) >= 4 and key(noun)[-1] == word[-1] and \
            text[toks[k].end:toks[k + 1].start].isspace()

    @staticmethod
    def major_place_word(tok: str) -> bool:
        """A country's or large city's name, in any of its forms ("Beograd", "Beogradu";
        also "Stalin", a former name of Varna)."""
        return any((b,) in major_place_keys() for b in {key(tok), *_place_bases(tok)})

    @staticmethod
    def _inflected_major_place(tok: str) -> bool:
        return (key(tok),) not in place_keys() and \
            any((b,) in major_place_keys() for b in _place_bases(tok))

    def _surname(self, tok: str) -> str | None:
        for b in sorted(base_keys(tok)):
            if b in self.surnames:
                return self.surnames[b]
        return None

    def _place_at(self, toks: list[Token], k: int, j: int) -> int:
        """Number of tokens of the longest gazetteer name starting at k (inflection allowed)."""
        places = place_keys()
        for n in range(min(max_tokens(), j - k), 0, -1):
            head = tuple(key(t.text) for t in toks[k:k + n - 1])
            last = toks[k + n - 1].text
            if any((*head, b) in places for b in {*_place_bases(last), _abbr_key(last)}):
                return n
        return 0

    @staticmethod
    def _opens_serbian_org(text: str, toks: list[Token], i: int) -> bool:
        """A capitalized adjective before a lowercase, non-English head noun
        ("Socijalističke partije", "Diplomatski arhiv")."""
        return i + 1 < len(toks) and toks[i + 1].text[0].islower() and \
            _has(toks[i + 1].text, "org_heads.txt") and \
            not _is_english_word(toks[i + 1].text) and \
            key(toks[i].text).endswith(tuple(_keys("serbian_adjective_endings.txt"))) and \
            text[toks[i].end:toks[i + 1].start].isspace()

    def _serbian_org_end(self, text: str, toks: list[Token], i: int, j: int) -> int | None:
        """End of a Serbian sentence-case name: an adjective and a lowercase head noun, or a
        head noun, then complements ("Socijalistički savez radnog naroda Jugoslavije",
        "Komisija za veze sa inostranstvom SSRNJ")."""
        first = toks[i].text
        if j == i + 1 and self._opens_serbian_org(text, toks, i):
            h = i + 1
        elif _has(first, "org_heads.txt") and not _is_english_word(first) and j == i + 1:
            h = i
        else:
            return None
        e = h + 1
        named = False  # after an abbreviation ("komisija SSRNJ") the name ends
        while e < len(toks) and e - h <= 7 and text[toks[e - 1].end:toks[e].start].isspace():
            t = toks[e].text
            if t[0].islower() and (named or (_is_english_word(t) and
                                   key(t) not in _keys("serbian_function_words.txt"))):
                break
            # after a place ("Saveza komunista Jugoslavije u drugoj …") the name ends too
            named = named or _abbr(t) or (t[0].isupper() and not _has(t, "place_heads.txt")
                                          and bool(self._place_at(toks, e, e + 1)))
            e += 1
        while e > h + 1 and key(toks[e - 1].text) in _keys("serbian_function_words.txt"):
            e -= 1
        return e if e > i + 1 else None

    @staticmethod
    def _adjective_and_head(run: list[Token]) -> bool:
        """"Belgian Party", "Belgian Parliament": an adjective and a common noun."""
        return len(run) == 2 and _has(run[0].text, "demonyms.txt")

    @staticmethod
    def _make(text: str, a: Token, b: Token, tag: str, cert: str) -> Recognised:
        end = b.end - 2 if b.text.endswith(("’s", "'s")) else b.end
        return Recognised(a.start, end, tag, cert, key(text[a.start:end]))
