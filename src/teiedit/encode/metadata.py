"""What the article says about itself: journal, issue, pages, title, author.

The title page is often lost in extraction, but the running heads survive: the journal head
("ТОКОВИ ИСТОРИЈЕ 3/2021. 121–143") and the author/title head ("Aleksandar V. MILETIĆ
YUGOSLAV COMMUNISTS…"). Both are in capitals; the document's own spelling of the same words
restores their case. A metadata file (TOML) can add or correct anything.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from functools import cache
from importlib.resources import files
from pathlib import Path

from teiedit.model import Metadata, Person
from teiedit.xmlio import TeieditError

JOURNAL_HEAD = re.compile(
    r"^(?P<journal>.*?\D)\s+(?:(?P<volume>\d+)\s*[/.,]\s*)?(?P<issue>\d+)\s*/\s*(?P<year>\d{4})"
    r"\.?,?\s+(?:pp?\.\s*)?(?P<first>\d+)\s*[–-]\s*(?P<last>\d+)\s*$")


@cache
def labels() -> dict:
    return json.loads(files("teiedit.data").joinpath("labels.json").read_text("utf-8"))


def script_of(text: str) -> str:
    """'Cyrl' or 'Latn', by the majority of letters."""
    letters = [c for c in text if c.isalpha()]
    cyr = sum("\u0400" <= c <= "\u04ff" for c in letters)
    return "Cyrl" if letters and cyr * 2 > len(letters) else "Latn"


def restore_case(upper: str, document: str, lang: str) -> str:
    """Spell a capitalised phrase as the document spells it; otherwise by the language's rule."""
    words = upper.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    found = Counter(m.group() for m in re.finditer(pattern, document, re.IGNORECASE)
                    if not m.group().isupper())
    if found:
        return re.sub(r"\s+", " ", found.most_common(1)[0][0])
    minor = set(labels()["title_case_minor_words"].get(lang.split("-")[0], []))
    if lang.startswith("en"):
        return " ".join(w.lower() if i and w.lower() in minor else _capitalize(w)
                        for i, w in enumerate(words))
    return " ".join(_capitalize(w) if i == 0 else w.lower() for i, w in enumerate(words))


def _capitalize(word: str) -> str:
    return word[:1].upper() + word[1:].lower() if word.isupper() else word


def from_journal_head(text: str, meta: Metadata, document: str) -> bool:
    m = JOURNAL_HEAD.match(text.strip())
    if not m:
        return False
    journal = m.group("journal").strip(" .,")
    meta.journal_lang = "sr-Cyrl" if script_of(journal) == "Cyrl" else ""
    meta.journal = restore_case(journal, document, meta.journal_lang or "en")
    meta.volume = m.group("volume") or meta.volume
    meta.issue, meta.year = m.group("issue"), m.group("year")
    meta.first_page, meta.last_page = m.group("first"), m.group("last")
    return True


def from_author_head(text: str, meta: Metadata, document: str, lang: str) -> bool:
    """'Given Names SURNAME TITLE IN CAPITALS' → author and title."""
    words = text.split()
    surname_at = next((i for i, w in enumerate(words)
                       if i and sum(c.isalpha() for c in w) > 1 and w.isupper()), None)
    if surname_at is None or surname_at + 1 >= len(words):
        return False
    given = words[:surname_at]
    initial = re.compile(r"^[^\W\d_]{1,2}\.$")
    if not all(w[:1].isupper() and (not w.isupper() or initial.match(w)) for w in given):
        return False
    author = Person(" ".join(given), _capitalize(words[surname_at]))
    meta.authors = meta.authors or [author]
    meta.title = meta.title or restore_case(" ".join(words[surname_at + 1:]), document, lang)
    meta.title_lang = lang
    return True


def load_metadata_file(path: Path, meta: Metadata) -> None:
    """Values in the edition's metadata file win over what was found in the text."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as e:
        raise TeieditError(f"cannot read metadata: {e.strerror}", file=path) from None
    except tomllib.TOMLDecodeError as e:
        line = re.search(r"line (\d+)", str(e))
        raise TeieditError(f"malformed metadata: {e}", file=path,
                           line=int(line.group(1)) if line else None) from None
    known = set(Metadata.__dataclass_fields__)
    for key, value in data.items():
        if key not in known:
            raise TeieditError(f"unknown metadata field {key!r}; known: {', '.join(sorted(known))}",
                               file=path)
        if key == "authors":
            value = [Person(a.get("forename", ""), a.get("surname", "")) for a in value]
        setattr(meta, key, value)
