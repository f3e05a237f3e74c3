"""Registers of persons, organisations and places: curated TEI files the editor maintains.

A register directory holds XML files whose root is `listPerson`, `listOrg` or `listPlace`
(or a `standOff` holding them). Each entry has a readable, script-neutral `xml:id` and every
name form seen as a `persName`/`orgName`/`placeName` child. Loading checks what would make
linking silently wrong — duplicate ids, references to ids that do not exist, entries without a
name — and reports it as `file:line: message`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedit import TEI_NS, XML_NS
from teiedit.xmlio import TeieditError, read_untrusted

T = f"{{{TEI_NS}}}"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"

# register kind -> (list element, entry element, name element, span tag in the text)
KINDS = {
    "person": ("listPerson", "person", "persName"),
    "org": ("listOrg", "org", "orgName"),
    "place": ("listPlace", "place", "placeName"),
}
KIND_OF_LIST = {lst: kind for kind, (lst, _, _) in KINDS.items()}
KIND_OF_NAME = {name: kind for kind, (_, _, name) in KINDS.items()}
FILE_OF_KIND = {"person": "persons.xml", "org": "orgs.xml", "place": "places.xml"}


def _norm_space(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@dataclass
class Entry:
    """One real entity and every way the texts name it."""

    id: str
    kind: str
    forms: list[str]
    element: etree._Element
    file: str = ""
    line: int | None = None


@dataclass
class Registers:
    entries: dict[str, Entry] = field(default_factory=dict)
    digest: str = ""  # sha256 over the register files, recorded in revisionDesc

    @classmethod
    def load(cls, directory: str | Path) -> Registers:
        d = Path(directory)
        if not d.is_dir():
            raise TeieditError("register directory not found", file=d)
        files = sorted(d.glob("*.xml"))
        if not files:
            raise TeieditError("no register files (*.xml) in directory", file=d)
        regs = cls()
        h = hashlib.sha256()
        refs: list[tuple[str, str, int | None]] = []
        for f in files:
            h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
            root = read_untrusted(f).getroot()
            for lst in _lists(root, str(f)):
                for el in lst:
                    if isinstance(el.tag, str):
                        regs._add(el, KIND_OF_LIST[etree.QName(lst).localname], str(f))
            refs += [(v, str(f), el.sourceline) for el in root.iter()
                     for a in ("ref", "corresp", "sameAs", "who")
                     for v in (el.get(a) or "").split() if v.startswith("#")]
        for target, f, line in refs:
            if target[1:] not in regs.entries:
                raise TeieditError(f"reference {target} points to no register entry",
                                   file=f, line=line)
        regs.digest = h.hexdigest()
        return regs

    def _add(self, el: etree._Element, kind: str, file: str) -> None:
        _, entry_tag, name_tag = KINDS[kind]
        if el.tag != T + entry_tag:
            raise TeieditError(f"<{etree.QName(el).localname}> in a list of {entry_tag}s; "
                               f"expected <{entry_tag}>", file=file, line=el.sourceline)
        ident = el.get(XML_ID)
        if not ident:
            raise TeieditError(f"<{entry_tag}> without xml:id", file=file, line=el.sourceline)
        if ident in self.entries:
            other = self.entries[ident]
            raise TeieditError(f"duplicate id {ident!r} (first at {other.file}:{other.line})",
                               file=file, line=el.sourceline)
        forms = name_forms(el, name_tag)
        if not forms:
            raise TeieditError(f"{entry_tag} {ident!r} has no <{name_tag}>", file=file,
                               line=el.sourceline)
        self.entries[ident] = Entry(ident, kind, forms, el, file, el.sourceline)

    def of_kind(self, kind: str) -> Iterable[Entry]:
        return (e for e in self.entries.values() if e.kind == kind)


def _lists(root: etree._Element, file: str) -> list[etree._Element]:
    if etree.QName(root).localname in KIND_OF_LIST and root.tag.startswith(T):
        return [root]
    if root.tag == T + "standOff":
        return [c for c in root if isinstance(c.tag, str) and
                etree.QName(c).localname in KIND_OF_LIST]
    raise TeieditError(f"root element <{root.tag}> is not a TEI listPerson, listOrg, listPlace "
                       "or standOff", file=file, line=root.sourceline)


def name_forms(entry: etree._Element, name_tag: str) -> list[str]:
    """Every form an entry is named by: each name child, and for a structured person name
    also the surname alone and "surname forename" (the order of Serbian archival titles)."""
    forms: list[str] = []
    for n in entry.findall(T + name_tag):
        full = _norm_space("".join(n.itertext()))
        if full:
            forms.append(full)
        fore = _norm_space(" ".join("".join(x.itertext()) for x in n.findall(T + "forename")))
        sur = _norm_space(" ".join("".join(x.itertext()) for x in n.findall(T + "surname")))
        if sur:
            forms.append(sur)
            if fore:
                forms.append(f"{sur} {fore}")
    return list(dict.fromkeys(forms))


def standoff_lists(regs: Registers, used: Iterable[str]) -> list[etree._Element]:
    """The register entries an edition uses, as listPerson/listOrg/listPlace for <standOff>."""
    wanted = set(used)
    out = []
    for kind, (lst_tag, _, _) in KINDS.items():
        entries = [e for e in regs.of_kind(kind) if e.id in wanted]
        if entries:
            lst = etree.Element(T + lst_tag, nsmap={None: TEI_NS})
            for e in entries:
                lst.append(_clean_copy(e.element))
            out.append(lst)
    return out


def _clean_copy(el: etree._Element) -> etree._Element:
    c = deepcopy(el)
    for x in list(c.iter(etree.Comment, etree.ProcessingInstruction)):
        parent, prev = x.getparent(), x.getprevious()  # comments stay in the register file
        if x.tail and prev is not None:
            prev.tail = (prev.tail or "") + x.tail
        elif x.tail:
            parent.text = (parent.text or "") + x.tail
        parent.remove(x)
    etree.cleanup_namespaces(c)
    return c
