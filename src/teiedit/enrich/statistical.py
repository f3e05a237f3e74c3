"""The statistical name recogniser: a spaCy model per language, and the document around it.

A CNN tagger sees a few words either side; an article repeats its names. So the model's
spans are pooled over the whole document before anything is tagged:

- a form's certainty is how consistently the model tags it: tagged at half or more of its
  occurrences (and at least twice) is `high`, at a third or more `medium`, else `low`, and
  `low` forms are left out (a name the model finds once among many untagged occurrences is
  more often a common word than a name), except a person's one rare word ("Murphy");
- cues make a person, `high`, even where the model saw nothing: a title or role before it
  ("Ambassador Mates", "Mr. Popovic"), the role's holder in parentheses ("The Ambassador in
  Yugoslavia (Riddleberger)"), a verb of saying after it ("Prica said"); so does an
  enumeration of persons ("Bulganin, Mikoyan, Shepilov and Kumikin");
- a form that is `high` or `medium` is tagged at every occurrence, inflected Serbian forms
  included ("Kardelj" -> "Kardelja", "Kardeljem"), and a person's surname alone too
  ("Riddleberger" after "James W. Riddleberger");
- the gazetteer and the document's own evidence (`Recogniser`) overrule the model where it
  is known to err: places it calls organisations, surnames it calls places, pronouns,
  demonyms, roles, sentence-opening words, Serbian adjectives, Serbian titles in English.

Models are loaded once per process. The shipped ones (`data/ner/en`, `data/ner/sr`) are
built by `scripts/train-ner.sh` (`teiedit ner train`); `sr` serves Serbian, Croatian and
Bosnian, Latin and Cyrillic.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files
from pathlib import Path

from teiedit.enrich.corpus import LABELS, TAG_OF, Annotated, read
from teiedit.enrich.names import Token, base_keys, tokens
from teiedit.enrich.recognise import Recogniser
from teiedit.enrich.resources import word_list
from teiedit.enrich.translit import CYRILLIC, key, to_latin
from teiedit.xmlio import TeieditError

RESP_ID = "teiedit-model"
# after a title: up to six words of the role, then the holder's name in parentheses
_HOLDER = re.compile(r"(?:[ \t]+[\w’'.-]+){0,6}?[ \t]+\((?P<name>[A-ZČĆĐŠŽ][\w’'-]+"
                     r"(?: [A-ZČĆĐŠŽ][\w’'-]+)?)\)")
MODEL_OF_LANG = {"en": "en", "sr": "sr", "hr": "sr", "bs": "sr", "sh": "sr", "cnr": "sr"}
_POSSESSIVE = ("'s", "’s")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    tag: str  # persName | orgName | placeName
    cert: str  # high | medium | low
    key: str  # groups the forms of one entity (proposals)


def shipped_models() -> dict[str, Path]:
    """Language -> model folder of the models the package carries."""
    root = Path(str(files("teiedit").joinpath("data", "ner")))
    return {lang: root / name for lang, name in MODEL_OF_LANG.items()
            if (root / name / "meta.json").is_file()}


@cache
def load(path: Path):
    """The spaCy pipeline in `path` (once per process)."""
    import spacy

    try:
        return spacy.load(path)
    except (OSError, ValueError) as e:
        raise TeieditError(f"cannot load the name model: {e}", file=path) from None


@cache
def _keys(name: str) -> frozenset[str]:
    return frozenset(key(w) for w in word_list(name))


def _title_keys() -> frozenset[str]:
    return _keys("titles.txt")


def _primary(lang: str) -> str:
    return lang.split("-")[0].lower()


def latin_view(text: str) -> tuple[str, list[int]]:
    """`text` with Serbian Cyrillic transliterated to Latin, and for each of its characters
    (and its end) the offset in `text` it comes from: the models read Latin better than
    Cyrillic (held-out persons recall 0.85 against 0.75), so Cyrillic is read through its
    transliteration and the spans are mapped back."""
    pieces, back = [], []
    for i, ch in enumerate(text):
        lat = to_latin(ch) if ch in CYRILLIC else ch
        if len(lat) == 2 and ch.isupper() and i + 1 < len(text) and text[i + 1].isupper():
            lat = lat.upper()  # "ЉУБА" -> "LJUBA", as `to_latin`
        pieces.append(lat)
        back.extend([i] * len(lat))
    back.append(len(text))
    return "".join(pieces), back


def model_spans(nlp, texts: Iterable[str]) -> list[list[tuple[int, int, str]]]:
    """The model's names in each text (Cyrillic read through its Latin transliteration),
    trimmed to the edition's conventions: titles and a leading "the" outside, an English
    possessive outside."""
    out = []
    views = [latin_view(t) for t in texts]
    for doc, (_, back) in zip(nlp.pipe((v for v, _ in views), batch_size=64), views,
                              strict=True):
        spans = []
        for ent in doc.ents:
            if ent.label_ not in LABELS:
                continue
            words = list(ent)
            while words and (words[0].lower_ in ("the", "a", "an") or
                             (ent.label_ == "PER" and key(words[0].text.rstrip(".")) in
                              _title_keys()) or not words[0].text[:1].isalpha()):
                words.pop(0)
            while words and (not words[-1].text[-1:].isalnum() or words[-1].like_num or
                             (words[-1].is_lower and len(words) > 1)):
                words.pop()  # "XX Congress of 1956": a name ends in a name word
            if not words or not words[0].text[:1].isupper():
                continue
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            text = doc.text[start:end]
            for p in _POSSESSIVE:
                if text.endswith(p):
                    end -= len(p)
            if end > start:
                spans.append((back[start], back[end - 1] + 1, ent.label_))
        out.append(spans)
    return out


class Pooled:
    """The model's spans over a document's texts, made consistent."""

    def __init__(self, texts: list[str], spans: list[list[tuple[int, int, str]]],
                 evidence: Recogniser, starts: list[frozenset[int]] | None = None,
                 english: frozenset[int] | None = None) -> None:
        """`starts`: per text, offsets where a field opens like a sentence (the title of an
        archival document); `english`: the texts in English (default: all)."""
        self.texts = texts
        self.english = frozenset(range(len(texts))) if english is None else english
        self.toks = [tokens(t) for t in texts]
        self.evidence = evidence
        self._seen: dict[str, list[tuple[int, int, int]]] = {}
        starts = starts or [frozenset()] * len(texts)
        # one word opening a field is capitalized as a sentence is ("Prijem ministra …")
        spans = [[(s, e, label) for s, e, label in self._pairs(text, found)
                  if not (s in opening and " " not in text[s:e])]
                 for text, found, opening in zip(texts, spans, starts, strict=True)]
        tagged: Counter[str] = Counter()
        labels: dict[str, Counter[str]] = defaultdict(Counter)
        for text, found in zip(texts, spans, strict=True):
            for s, e, label in found:
                tagged[text[s:e]] += 1
                labels[text[s:e]][label] += 1
        # a title or a verb of saying makes a person, unless the model sees a place there
        cued = {f for f in self._cued() if not evidence.is_place(f, major=True) and
                (f not in labels or labels[f].most_common(1)[0][0] != "LOC")}
        for form in cued:
            labels[form]["PER"] += 100
        self.forms: dict[str, tuple[str, str, str]] = {}  # form -> (label, cert, key)
        for form, votes in labels.items():
            label = self._label(form, votes)
            where = self._occurrences(form)
            if not self._plausible(form, label, form in cued) or \
                    (form not in cued and " " not in form and
                     evidence.opening_only(texts, where, starts)):
                continue
            n = len(where)
            ratio = tagged[form] / n if n else 1.0
            cert = "high" if form in cued or (tagged[form] >= 2 and ratio >= 0.5) else \
                "medium" if ratio >= 1 / 3 or self._rare_person(form, label, where) else "low"
            self.forms[form] = (label, cert, key(form))
        for form in self._listed():
            self.forms[form] = ("PER", "medium", key(form))
        for form, (label, cert, k) in list(self.forms.items()):  # surnames alone
            words = form.split()
            last = words[-1] if len(words) >= 2 else ""
            if label == "PER" and cert != "low" and len(last) > 2 and last[0].isupper() and \
                    last not in self.forms and evidence.name_like(last) and \
                    not evidence.major_place_word(last):  # "Pjetra Nenija Beogradu"
                self.forms[last] = (label, "medium", k)
        self.spans = spans

    def _pairs(self, text: str, found: list[tuple[int, int, str]]
               ) -> list[tuple[int, int, str]]:
        """"Dedijer–Djilas affair", "Tito-Khrushchev meeting", "United States-Yugoslav
        relations": names joined by a dash are separate mentions, places if the gazetteer
        knows them, demonyms none ("Soviet-Yugoslav"), else persons; joined by a hyphen, a
        person only if the word stands alone elsewhere ("Jean-Paul" stays one name)."""
        out = []
        for s, e, label in found:
            pieces = [(s + m.start(), s + m.end()) for m in re.finditer(r"[^–-]+", text[s:e])]
            parts: list[tuple[int, int, str] | None] = []
            for a, b in pieces if len(pieces) > 1 else []:
                word = text[a:b].strip()
                a += text[a:b].index(word[:1]) if word else 0
                b = a + len(word)
                if word and self.evidence.common_word(word):
                    parts.append(None)
                elif word and self.evidence.is_place(word):
                    parts.append((a, b, "LOC"))
                elif word and self.evidence.titled_name_like(word) and \
                        (text[b:b + 1] == "–" or text[a - 1:a] == "–" or self._alone(word)):
                    parts.append((a, b, "PER"))
                else:
                    break
            else:
                if parts:
                    out.extend(p for p in parts if p)
                    continue
            out.append((s, e, label))
        return out

    def _rare_person(self, form: str, label: str, where: list[tuple[int, int, int]]) -> bool:
        """A rare word of English text (no frequent English word, no place's or adjective's
        form) the model takes for a person once is one everywhere: in English its untagged
        occurrences are no evidence against it ("Murphy"); Serbian inflects ("Informbiroom"
        once taken for a person)."""
        return label == "PER" and " " not in form and self.evidence.name_like(form) and \
            not self.evidence.major_place_word(form) and not _adjective_like(form) and \
            all(n in self.english for n, _, _ in where)

    def _alone(self, word: str) -> bool:
        """Does `word` stand as a word of its own somewhere, not only inside a compound?"""
        return any(_strip_possessive(self.texts[n][s:e]) == word
                   for n, s, e in self._capitalized.get(key(word), []))

    def _label(self, form: str, votes: Counter[str]) -> str:
        """The model's most frequent label, but a place the gazetteer knows is a place
        ("Paris pass Knight", "United States agreed"; a person found more than once only if
        it is a country's or large city's main name: "Stalin" was also Varna's), and a word
        the gazetteer does not know that the model also took for a person at least half as
        often is a person: the model mixes up unknown surnames ("Djilas", "Mates") more
        than anything else. For one word that is no country's or large city's main name,
        the document decides: after "in", "at" ("in Brioni") somewhere it is a place, else
        a place label is a person's ("Murphy", "Prica": small towns too)."""
        label, top = votes.most_common(1)[0]
        if votes["PER"] >= 100:
            return "PER"
        if " " not in form and not self.evidence.major_place_word(form):
            if label in ("PER", "LOC") and self._located(form):
                return "LOC"
            if label == "LOC" and self.evidence.name_like(form):
                return "PER"
        elif self.evidence.is_place(form, major=label == "PER" and votes["PER"] > 1):
            return "LOC"
        if label != "PER" and 2 * votes["PER"] >= top and not self.evidence.is_place(form):
            return "PER"
        return label

    def _located(self, form: str) -> bool:
        """Does `form` stand after a preposition of place somewhere ("in Brioni", "u Koruškoj",
        not "in Djilas affair" nor "in Tito's view"), or in an enumeration next to a country
        or large city ("Vienna, Frankfort and Munich")?"""
        before, after = _locatives()
        for n, s, e in self._occurrences(form):
            text = self.texts[n]
            prep = re.search(r"(\w+) $", text[max(0, s - 12):s])
            follows = re.match(r" ?(\w*)", text[e:e + 20])
            # English puts attributes before nouns ("in Djilas affair"), Serbian after
            if prep and key(prep[1]) in before and not text.startswith(_POSSESSIVE, e) and \
                    (n not in self.english or not follows[1] or key(follows[1]) in after):
                return True
            left = re.search(r"([A-Z][\w’'-]+)(?:,| and| or) $", text[max(0, s - 40):s])
            right = re.match(r"(?:,| and| or) ([A-Z][\w’'-]+)", text[e:e + 40])
            if any(m and self.evidence.is_place(m[1], major=True) for m in (left, right)):
                return True
        return False

    def _plausible(self, form: str, label: str, cued: bool) -> bool:
        """A person's name is made of name-like words (not "He", "Turk Ambassadors"), and a
        lone frequent English word needs a cue; no name is only demonyms ("Soviets") or a
        heading word ("SUBJECT")."""
        words = [t.text for t in tokens(form)]
        if not words or all(self.evidence.common_word(w) for w in words):
            return False
        if label != "PER":  # "Yugoslav Government", "Soviet Delegation": a demonym and a noun
            return self.evidence.is_place(form) or \
                not (len(words) == 2 and self.evidence.common_word(words[0]))
        return all(self.evidence.titled_name_like(w) and
                   key(w).removesuffix("s") not in _title_keys() for w in words) and \
            (cued or len(words) > 1 or not self.evidence.frequent_word(words[0]))

    def _gap(self, n: int, k: int) -> str:
        return self.texts[n][self.toks[n][k - 1].end:self.toks[n][k].start]

    def _name_run(self, n: int, k: int, first_gaps: tuple[str, ...] | None = None) -> int:
        """End of the run of capitalized name-like words from token k (the first after one
        of `first_gaps` if given, the others after a space)."""
        toks, e = self.toks[n], k
        while e < len(toks) and self.evidence.titled_name_like(toks[e].text) and \
                ((e == k and first_gaps is None) or
                 self._gap(n, e) in (first_gaps if e == k else (" ",))):
            e += 1
        return e

    def _cued(self) -> set[str]:
        """Names after a title or role ("Ambassador Mates", "Mr. Murphy", "Under Secretary
        Murphy"), in parentheses after a role ("The Ambassador in Yugoslavia (Riddleberger)")
        or before a verb of saying ("Prica said", "Kardelj je rekao")."""
        out = set()
        titles, verbs = _title_keys(), _keys("speech_verbs.txt")
        for n, (text, toks) in enumerate(zip(self.texts, self.toks, strict=True)):
            for i, t in enumerate(toks):
                if t.text[0].isupper() and key(t.text) in titles:
                    j = i + 1
                    while j < len(toks) and toks[j].text[0].isupper() and \
                            key(toks[j].text) in titles and self._gap(n, j) in (" ", ". "):
                        j += 1
                    e = self._name_run(n, j, (" ", ". "))
                    if e > j:
                        out.add(_strip_possessive(text[toks[j].start:toks[e - 1].end]))
                    # "The Ambassador in Yugoslavia (Riddleberger)": the role's holder
                    m = _HOLDER.match(text, t.end)
                    if m and all(self.evidence.titled_name_like(w) for w in m["name"].split()):
                        out.add(m["name"])
                if key(t.text) in verbs and i:
                    e = i - 1 if text[toks[i - 1].end:t.start] == " " else -1
                    if e > 0 and key(toks[e].text) == "je":
                        e -= 1  # Serbian "Kardelj je rekao"
                    s = e
                    while s >= 0 and self.evidence.name_like(toks[s].text) and \
                            (s == e or self._gap(n, s + 1) == " "):
                        s -= 1
                    if s < e:
                        out.add(text[toks[s + 1].start:toks[e].end])
        return out

    def _listed(self) -> set[str]:
        """Names in an enumeration of persons ("Bulganin, Mikoyan, Shepilov, Gromyko and
        Kumikin"): a third of its members at least are persons, none is a place."""
        out = set()
        for n, toks in enumerate(self.toks):
            k = 0
            while k < len(toks):
                members, j, gaps = [], k, None
                while j < len(toks):
                    e = self._name_run(n, j, gaps)
                    if e == j:
                        break
                    members.append(self.texts[n][toks[j].start:toks[e - 1].end])
                    j = e
                    if j + 1 < len(toks) and toks[j].text == "and" and \
                            self._gap(n, j) in (" ", ", "):
                        j, gaps = j + 1, (" ",)
                    elif j < len(toks) and self._gap(n, j) == ", ":
                        gaps = (", ",)
                    else:
                        break
                persons = [m for m in members if self.forms.get(m, ("",))[0] == "PER"
                           and self.forms[m][1] != "low"]
                places = [m for m in members if self.evidence.is_place(m)]
                if len(persons) >= max(1, len(members) // 3) and not places:
                    out.update(m for m in members if m not in persons and
                               self._plausible(m, "PER", False))
                k = max(j, k + 1)
        return out

    @cached_property
    def _capitalized(self) -> dict[str, list[tuple[int, int, int]]]:
        """Nominative key -> (text index, start, end) of the capitalized words that may
        inflect it."""
        index = defaultdict(list)
        for n, toks in enumerate(self.toks):
            for t in toks:
                if t.text[0].isupper():
                    for k in base_keys(t.text):
                        index[k].append((n, t.start, _name_end(t)))
        return index

    def _occurrences(self, form: str) -> list[tuple[int, int, int]]:
        """(text index, start, end) of every occurrence of `form`; a one-word form also
        matches its inflected forms."""
        if form not in self._seen:
            self._seen[form] = self._search(form)
        return self._seen[form]

    def _adjective(self, n: int, s: int, e: int) -> bool:
        """A one-word name that is a Serbian adjective before its noun ("Danska strana",
        "Белгијски социјалисти") names nothing."""
        toks = self.toks[n]
        k = next((i for i, t in enumerate(toks) if t.start == s), None)
        return k is not None and toks[k].end >= e and \
            self.evidence.adjective_at(self.texts[n], toks, k)

    def _search(self, form: str) -> list[tuple[int, int, int]]:
        if " " not in form:
            return sorted(self._capitalized.get(key(form), []))
        first = form.split()[0]
        out = []
        for n, s, _ in self._capitalized.get(key(first), []):
            e = s + len(form)
            text = self.texts[n]
            if text.startswith(form, s) and not (e < len(text) and text[e].isalnum()):
                out.append((n, s, e))
        return sorted(out)

    def found(self) -> list[list[Found]]:
        """Per text: the model's spans and the propagated occurrences, without overlaps;
        `low` forms left out."""
        out: list[list[Found]] = [[] for _ in self.texts]
        for n, spans in enumerate(self.spans):
            for s, e, _ in spans:
                label, cert, k = self.forms.get(self.texts[n][s:e], ("", "low", ""))
                if cert != "low" and not self._adjective(n, s, e):
                    out[n].append(Found(s, e, TAG_OF[label], cert, k))
        for form, (label, cert, k) in sorted(self.forms.items(), key=lambda f: -len(f[0])):
            if cert == "low":
                continue
            for n, s, e in self._occurrences(form):
                if not any(f.start < e and s < f.end for f in out[n]) and \
                        not self._adjective(n, s, e):
                    out[n].append(Found(s, e, TAG_OF[label], cert, k))
        return [sorted(f, key=lambda x: x.start) for f in out]


def _adjective_like(word: str) -> bool:
    """Ends as a Serbian adjective does ("Politički", "Socijalistička"), not as a name."""
    return key(word).endswith(tuple(e for e in _keys("serbian_adjective_endings.txt")
                                    if len(e) >= 3))


@cache
def _locatives() -> tuple[frozenset[str], frozenset[str]]:
    """Keys of the prepositions of place, and of the words that may follow the place."""
    words = word_list("locatives.txt")
    return (frozenset(key(w) for w in words if not w.startswith("+")),
            frozenset(key(w[1:]) for w in words if w.startswith("+")))


def _english_context(text: str, start: int, end: int, evidence: Recogniser) -> bool:
    """The English model is trusted in English: among the lower-case words around a name
    (three either side) one at least is English, or there are none ("Pismo Veljka
    Vlahovića Komisiji za …", a Serbian document's title in an English note, is not)."""
    before = [t.text for t in tokens(text[max(0, start - 80):start]) if t.text[0].islower()]
    after = [t.text for t in tokens(text[end:end + 80]) if t.text[0].islower()]
    context = before[-3:] + after[:3]
    return not context or any(evidence.english_word(w) for w in context)


def _strip_possessive(text: str) -> str:
    for p in _POSSESSIVE:
        if text.endswith(p):
            return text[:-len(p)]
    return text


def _name_end(tok: Token) -> int:
    return tok.end - 2 if tok.text.endswith(_POSSESSIVE) else tok.end


class NameModels:
    """The models to use per language; `find` runs them over a document's flows."""

    def __init__(self, paths: dict[str, Path]) -> None:
        self.paths = paths

    def describe(self) -> str:
        """For the header's responsibility statement: which models were used."""
        import json

        names = []
        for path in sorted(set(self.paths.values())):
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            names.append(f"{meta.get('name', path.name)} {meta.get('version', '')}".strip())
        return ", ".join(names)

    def find(self, flows: list[tuple[str, str]], evidence: Recogniser,
             starts: list[frozenset[int]] | None = None) -> list[list[Found]]:
        """Names in each (text, language) flow; flows in a language without a model get
        only what the document-level evidence finds. `starts` as for `Pooled`."""
        spans: list[list[tuple[int, int, str]]] = [[] for _ in flows]
        by_model: dict[Path, list[int]] = defaultdict(list)
        for n, (_, lang) in enumerate(flows):
            path = self.paths.get(_primary(lang))
            if path is not None:
                by_model[path].append(n)
        for path, idx in sorted(by_model.items()):
            for n, found in zip(idx, model_spans(load(path), (flows[i][0] for i in idx)),
                                strict=True):
                text, lang = flows[n]
                spans[n] = found if _primary(lang) != "en" else \
                    [f for f in found if _english_context(text, f[0], f[1], evidence)]
        english = frozenset(n for n, (_, lang) in enumerate(flows) if _primary(lang) == "en")
        return Pooled([t for t, _ in flows], spans, evidence, starts, english).found()


# -- held-out scores (`teiedit ner test`) --------------------------------------------------
def score(model: Path, corpus: list[Path], lang: str, cyrillic: bool = False) -> list[str]:
    """P/R/F1 per label, exact spans, of the bare model (no document-level pooling); the
    gold is cleaned as training data is (titles outside a person's name)."""
    from teiedit.enrich.training import clean

    docs: list[Annotated] = [clean(d) for p in corpus for d in read(p, lang)]
    if cyrillic:
        docs = [d.cyrillic() for d in docs]
    found = model_spans(load(model), (d.text for d in docs))
    gold = {(i, *span) for i, d in enumerate(docs) for span in d.spans}
    got = {(i, *span) for i, f in enumerate(found) for span in f}
    lines = [f"{'label':<8}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'found':>7}"]
    for label in (*LABELS, "ALL"):
        g = {x for x in gold if label in ("ALL", x[3])}
        f = {x for x in got if label in ("ALL", x[3])}
        tp = len(g & f)
        p = tp / len(f) if f else 1.0
        r = tp / len(g) if g else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"{label:<8}{p:7.3f}{r:7.3f}{f1:7.3f}{len(g):7}{len(f):7}")
    return lines
