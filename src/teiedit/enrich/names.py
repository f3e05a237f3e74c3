"""Finding the name forms a register knows, across scripts and Serbian inflection.

Text and forms are compared word by word on `translit.key` (script, case and diacritics
ignored). A word also matches the nominative it inflects: Serbian case endings are stripped
and the stem may take back a final vowel ("Tita" -> "Tito", "Koče" -> "Koča", "Piot-om" ->
"Piot"). The longest form wins; a form two entries share is a mention without a link.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from teiedit.enrich.registers import KINDS, Registers
from teiedit.enrich.resources import word_list
from teiedit.enrich.translit import key

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    tag: str  # persName | orgName | placeName
    ids: frozenset[str]  # more than one: ambiguous, tagged without @ref


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


@cache
def _endings() -> tuple[str, ...]:
    return tuple(sorted(word_list("endings.txt"), key=len, reverse=True))


@lru_cache(maxsize=65536)
def base_keys(word: str) -> frozenset[str]:
    """Keys of the nominatives `word` may inflect, itself included."""
    k = key(word)
    out = {k}
    for ending in _endings():
        if k.endswith(ending) and len(k) - len(ending) >= 2:
            stem = k[: -len(ending)]
            out.add(stem)
            if not ending.startswith("-"):
                out.update(stem + v for v in "aoei")
    if k.endswith(("'s", "’s")):  # English possessive: "Stalin’s"
        out.add(k[:-2])
    return frozenset(out)


def _gap_key(gap: str) -> str:
    return re.sub(r"\s+", "", gap)


@dataclass
class _Form:
    keys: tuple[str, ...]
    gaps: tuple[str, ...]
    capitals: tuple[bool, ...]
    ids: set[str]
    tag: str


class NameIndex:
    """Every name form of a register, indexed by the key of its first word."""

    def __init__(self, regs: Registers) -> None:
        forms: dict[tuple[str, tuple[str, ...], tuple[str, ...]], _Form] = {}
        for entry in regs.entries.values():
            tag = KINDS[entry.kind][2]
            for form in entry.forms:
                toks = tokens(form)
                if not toks:
                    continue
                keys = tuple(key(t.text) for t in toks)
                gaps = tuple(_gap_key(form[a.end:b.start]) for a, b in itertools.pairwise(toks))
                f = forms.setdefault((tag, keys, gaps), _Form(
                    keys, gaps, tuple(t.text[0].isupper() for t in toks), set(), tag))
                f.ids.add(entry.id)
        self.by_first: dict[str, list[_Form]] = defaultdict(list)
        for f in forms.values():
            self.by_first[f.keys[0]].append(f)
        for lst in self.by_first.values():
            lst.sort(key=lambda f: -len(f.keys))

    def find(self, text: str) -> list[NameMatch]:
        """Longest known forms, left to right, without overlaps."""
        toks = tokens(text)
        cands = [base_keys(t.text) for t in toks]
        out: list[NameMatch] = []
        i = 0
        while i < len(toks):
            best = self._longest(text, toks, cands, i)
            if best is None:
                i += 1
                continue
            n, forms = best
            ids = frozenset().union(*(f.ids for f in forms))
            tag = forms[0].tag
            out.append(NameMatch(toks[i].start, _end(text, toks[i + n - 1]), tag, ids))
            i += n
        return out

    def _longest(self, text, toks, cands, i):
        found: list[_Form] = []
        length = 0
        for k in cands[i]:
            for f in self.by_first.get(k, ()):
                n = len(f.keys)
                if n < length or i + n > len(toks) or not self._fits(text, toks, cands, i, f):
                    continue
                if n > length:
                    found, length = [], n
                found.append(f)
        if not found:
            return None
        tags = {f.tag for f in found}
        if len(tags) > 1:  # one form names a person and a place: leave it to recognition
            return None
        return length, found

    @staticmethod
    def _fits(text: str, toks: list[Token], cands: list[set[str]], i: int, f: _Form) -> bool:
        for j, k in enumerate(f.keys):
            t = toks[i + j]
            if k not in cands[i + j] or (f.capitals[j] and not t.text[0].isupper()):
                return False
            if j and _gap_key(text[toks[i + j - 1].end:t.start]) != f.gaps[j - 1]:
                return False
        return True


def _end(text: str, tok: Token) -> int:
    """End of a name: an English possessive stays outside."""
    for s in ("'s", "’s"):
        if tok.text.endswith(s):
            return tok.end - 2
    return tok.end
