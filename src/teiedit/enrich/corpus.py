"""Annotated text for training and testing the name model: CoNLL/IOB files and TEI editions.

Every reader gives `Annotated` texts: plain text and character spans labelled PER, ORG or
LOC, whatever the source calls them (UNER `PER`, re3d `Person`, ELTeC `rs type="PERS"`,
TEI `persName`). Other labels (MISC, dates, quantities) are left out. A span is kept only
when it starts with a capital letter, after leading determiners ("the United States" ->
"United States"), and is not only pronouns: some corpora also mark pronouns and common
nouns ("We", "mourners"), and the name model is to find names.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedit import TEI_NS
from teiedit.enrich.translit import to_cyrillic
from teiedit.xmlio import TeieditError, read_untrusted

LABELS = ("PER", "ORG", "LOC")
_LABEL_OF = {"per": "PER", "pers": "PER", "person": "PER", "persname": "PER",
             "org": "ORG", "organisation": "ORG", "organization": "ORG", "orgname": "ORG",
             "loc": "LOC", "location": "LOC", "place": "LOC", "placename": "LOC", "gpe": "LOC"}
TAG_OF = {"PER": "persName", "ORG": "orgName", "LOC": "placeName"}
_DETERMINERS = frozenset({"the", "a", "an"})
_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "us", "them", "our",
                       "their", "his", "her", "my", "your", "its"})  # re3d marks them
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "’s",
                              "n't", "'", "’", "”", "...", "'re", "'ve", "'ll", "'d", "'m"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "“", "„", "``"})
SENTENCES_PER_TEXT = 10  # CoNLL sentences are grouped into texts of this many
_BLOCKS = frozenset({"p", "head", "note", "item", "l", "ab", "cell", "quote", "bibl",
                     "title", "label", "s"})
_SKIP = frozenset({"corr", "fw", "teiHeader", "standOff"})


@dataclass
class Annotated:
    """A text and its names: (start, end, label) with label in LABELS."""

    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def cyrillic(self) -> Annotated:
        """The same text in Serbian Cyrillic (Latin letters transliterated, offsets
        recomputed: "Lj"/"Nj"/"Dž" become one letter)."""
        bounds = sorted({0, len(self.text), *(p for s, e, _ in self.spans for p in (s, e))})
        pieces = {a: to_cyrillic(self.text[a:b]) for a, b in itertools.pairwise(bounds)}
        where, pos = {}, 0
        for a in bounds[:-1]:
            where[a] = pos
            pos += len(pieces[a])
        where[len(self.text)] = pos
        return Annotated("".join(pieces[a] for a in bounds[:-1]),
                         [(where[s], where[e], lab) for s, e, lab in self.spans])


def label_of(name: str) -> str | None:
    return _LABEL_OF.get(name.lower())


def read(path: Path, lang: str) -> list[Annotated]:
    """An XML file is read as TEI (the parts in `lang`), anything else as CoNLL/IOB."""
    if path.suffix.lower() == ".xml":
        return list(read_tei(path, lang))
    return list(read_conll(path))


# -- CoNLL / IOB ---------------------------------------------------------------------------
def _rows(path: Path) -> Iterator[list[tuple[str, str]] | None]:
    """Token and tag per line; None at a sentence boundary. Accepts "TOKEN TAG",
    "TOKEN<TAB>TAG" and the UNER/CoNLL-U-like "ID<TAB>TOKEN<TAB>TAG<TAB>…"."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise TeieditError(f"cannot read annotated text: {e}", file=path) from None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("-DOCSTART-"):
            yield None
            continue
        if line.startswith("# "):
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        if len(cols) >= 3 and cols[0].isdigit():
            token, tag = cols[1], cols[2]
        elif len(cols) >= 2:
            token, tag = cols[0], cols[-1]
        else:
            raise TeieditError("expected a token and an IOB tag", file=path, line=n)
        if tag != "O" and not re.match(r"^[BIE]-\S+$", tag):
            raise TeieditError(f"not an IOB tag: {tag!r}", file=path, line=n)
        yield [(token, tag)]


def _sentences(path: Path) -> Iterator[list[tuple[str, str]]]:
    sent: list[tuple[str, str]] = []
    for row in _rows(path):
        if row is None:
            if sent:
                yield sent
            sent = []
        else:
            sent += row
    if sent:
        yield sent


def _entities(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token ranges of entities; IOB1 ("I-" opening an entity) and IOB2 both read."""
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        continues = prefix == "I" and name == kind and start >= 0
        if not continues and start >= 0:
            out.append((start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and not continues:
            start, kind = i, name
    return out


def read_conll(path: Path) -> Iterator[Annotated]:
    """Texts of SENTENCES_PER_TEXT sentences, tokens joined with the spaces print would
    have."""
    batch: list[list[tuple[str, str]]] = []
    for sent in _sentences(path):
        batch.append(sent)
        if len(batch) == SENTENCES_PER_TEXT:
            yield _join(batch)
            batch = []
    if batch:
        yield _join(batch)


def _join(sentences: list[list[tuple[str, str]]]) -> Annotated:
    text, spans = "", []
    for sent in sentences:
        if text:
            text += " "
        offsets = []
        for i, (token, _) in enumerate(sent):
            if i and token not in _NO_SPACE_BEFORE and sent[i - 1][0] not in _NO_SPACE_AFTER:
                text += " "
            offsets.append((len(text), len(text) + len(token)))
            text += token
        tokens = [t for t, _ in sent]
        for a, b, kind in _entities([tag for _, tag in sent]):
            label = label_of(kind)
            while a < b and tokens[a].lower() in _DETERMINERS:
                a += 1
            if label and a < b and tokens[a][:1].isupper() and \
                    not all(t.lower() in _PRONOUNS for t in tokens[a:b]):
                spans.append((offsets[a][0], offsets[b - 1][1], label))
    return Annotated(text, spans)


# -- TEI -----------------------------------------------------------------------------------
def read_tei(path: Path, lang: str) -> Iterator[Annotated]:
    """One text per block (paragraph, head, note…) of `<text>` whose language (`xml:lang`,
    inherited) is `lang` or a variant of it ("sr" takes "sr-Latn" and "sr-Cyrl");
    `persName`/`orgName`/`placeName` and `rs type="PERS|ORG|LOC|…"` are the names."""
    root = read_untrusted(path).getroot()
    text = root.find(f"{{{TEI_NS}}}text")
    if text is None:
        raise TeieditError("no <text> element: not a TEI edition", file=path)
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    inherited = next((a.get(xml_lang) for a in [text, *text.iterancestors()]
                      if a.get(xml_lang)), "")
    yield from _blocks(text, inherited, lang)


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _same_lang(code: str, lang: str) -> bool:
    return code.split("-")[0].lower() == lang.lower()


def _blocks(el: etree._Element, lang_here: str, lang: str) -> Iterator[Annotated]:
    lang_here = el.get("{http://www.w3.org/XML/1998/namespace}lang", lang_here)
    if _local(el) in _BLOCKS:
        found = Annotated("", [])
        _flatten(el, found, lang, lang_here)
        if found.text.strip() and _same_lang(lang_here, lang):
            yield _squeezed(found)
    for child in el:
        if isinstance(child.tag, str) and _local(child) not in _SKIP:
            yield from _blocks(child, lang_here, lang)


def _squeezed(a: Annotated) -> Annotated:
    """Runs of whitespace (the indentation of pretty-printed TEI) as one space; none at the
    ends."""
    text, where = "", {}
    for i, ch in enumerate(a.text):
        where[i] = len(text)
        if not ch.isspace():
            text += ch
        elif text and text[-1] != " ":
            text += " "
    where[len(a.text)] = len(text)
    text = text.rstrip()
    return Annotated(text, [(where[s], min(where[e], len(text)), lab) for s, e, lab in a.spans])


def _name_label(el: etree._Element) -> str | None:
    name = _local(el)
    if name in ("persName", "orgName", "placeName"):
        return label_of(name)
    if name in ("rs", "name") and el.get("type"):
        return label_of(el.get("type", ""))
    return None


def _flatten(el: etree._Element, out: Annotated, lang: str, lang_here: str) -> None:
    """The block's reading text (nested blocks and notes are texts of their own; a line
    break inside a word joins it) and its outermost names in `lang`."""
    if el.text:
        out.text += el.text
    for child in el:
        name = _local(child)
        if name and name not in _SKIP and name not in _BLOCKS:
            if name == "lb" and child.get("break") == "no":
                out.text = out.text.rstrip()
            elif name in ("lb", "pb", "cb"):
                out.text += " " if out.text and not out.text[-1].isspace() else ""
            start, inner = len(out.text), len(out.spans)
            child_lang = child.get("{http://www.w3.org/XML/1998/namespace}lang", lang_here)
            _flatten(child, out, lang, child_lang)
            label = _name_label(child)
            if label and _same_lang(child_lang, lang):
                del out.spans[inner:]  # the outermost name wins
                text = out.text[start:]
                a = start + len(text) - len(text.lstrip())
                b = start + len(text.rstrip())
                if b > a and out.text[a].isupper():
                    out.spans.append((a, b, label))
        if child.tail:
            out.text += child.tail
