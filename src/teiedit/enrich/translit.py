"""Serbian Cyrillic <-> Latin transliteration and the matching key of a word.

Serbian has one letter per sound in both scripts, so the mapping is one-to-one (the Latin
digraphs lj, nj, dž stand for single Cyrillic letters). Names are matched on a key that
ignores script, case and diacritics, so "Ђилас", "Đilas" and "DJILAS" meet.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_CYR = "абвгдђежзијклљмнњопрстћуфхцчџш"
_LAT = ["a", "b", "v", "g", "d", "đ", "e", "ž", "z", "i", "j", "k", "l", "lj", "m", "n", "nj",
        "o", "p", "r", "s", "t", "ć", "u", "f", "h", "c", "č", "dž", "š"]
_C2L: dict[str, str] = {}
for _c, _l in zip(_CYR, _LAT, strict=True):
    _C2L[_c] = _l
    _C2L[_c.upper()] = _l.capitalize()
_L2C = {v: k for k, v in _C2L.items()}
_L2C.update({"LJ": "Љ", "NJ": "Њ", "DŽ": "Џ"})
_DIGRAPHS = ("lj", "nj", "dž", "Lj", "Nj", "Dž", "LJ", "NJ", "DŽ")

CYRILLIC = frozenset(_CYR + _CYR.upper() + "ѐѝыэюяё")


def to_latin(text: str) -> str:
    """Serbian Cyrillic to Latin; other characters pass through."""
    out = []
    for i, ch in enumerate(text):
        lat = _C2L.get(ch)
        if lat is None:
            out.append(ch)
        elif len(lat) == 2 and ch.isupper() and _next_is_upper(text, i):
            out.append(lat.upper())  # "ЉУБОДРАГ" -> "LJUBODRAG"
        else:
            out.append(lat)
    return "".join(out)


def _next_is_upper(text: str, i: int) -> bool:
    return i + 1 < len(text) and text[i + 1].isupper()


def to_cyrillic(text: str) -> str:
    """Serbian Latin to Cyrillic (digraphs lj/nj/dž become one letter); others pass through."""
    out, i = [], 0
    while i < len(text):
        pair = text[i:i + 2]
        if pair in _DIGRAPHS:
            out.append(_L2C[pair])
            i += 2
            continue
        out.append(_L2C.get(text[i], text[i]))
        i += 1
    return "".join(out)


def script_of(word: str) -> str:
    """"cyr", "lat", "mixed" or "" (no letters) for one word."""
    cyr = any(ch in CYRILLIC for ch in word)
    lat = any(ch.isalpha() and ch not in CYRILLIC and ord(ch) < 0x250 for ch in word)
    if cyr and lat:
        return "mixed"
    return "cyr" if cyr else "lat" if lat else ""


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """Script-, case- and diacritic-insensitive matching key ("Ђилас" == "Đilas" == "dilas")."""
    s = to_latin(text).casefold().replace("đ", "dj").replace("dž", "dz").replace("’", "'")
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))
