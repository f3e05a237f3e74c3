"""The review file of names no register knows, and accepting it into the registers.

`encode --registers DIR` writes what it recognised without a register as proposed entries
(a TEI `standOff` with `listPerson`/`listOrg`/`listPlace`, each entry with `@cert` and every
form seen). The editor deletes what is wrong, merges or renames ids, and runs
`teiedit registers accept PROPOSALS --registers DIR`: new entries are appended to the
register files, known ids gain the new name forms, and the result must load cleanly.
"""

from __future__ import annotations

import re
import unicodedata
from copy import deepcopy
from pathlib import Path

from lxml import etree

from teiedit import TEI_NS
from teiedit.enrich.registers import (
    FILE_OF_KIND,
    KIND_OF_LIST,
    KIND_OF_NAME,
    KINDS,
    XML_ID,
    XML_LANG,
    Registers,
    name_forms,
)
from teiedit.enrich.translit import script_of, to_latin
from teiedit.xmlio import TeieditError, read_untrusted, write_atomic

T = f"{{{TEI_NS}}}"
KIND_OF_ENTRY = {entry: kind for kind, (_, entry, _) in KINDS.items()}


def slug(text: str) -> str:
    """A readable, script-neutral id: "Max Buset" -> "buset_max", "PSB" -> "psb"."""
    s = unicodedata.normalize("NFKD", to_latin(text).replace("đ", "dj").replace("Đ", "Dj"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_")[:40].strip("_")
    return s if s and not s[0].isdigit() else f"x_{s}"


def proposals_tree(proposals: dict[tuple[str, str], list[str]], certs: dict[tuple[str, str], str],
                   regs: Registers | None,
                   lives: dict[tuple[str, str], tuple[str, str, str]] | None = None
                   ) -> etree._Element:
    """A standOff of proposed entries, one per (tag, key), ids unique against the registers."""
    taken = set(regs.entries) if regs else set()
    root = etree.Element(T + "standOff", nsmap={None: TEI_NS})
    lists: dict[str, etree._Element] = {}
    for (tag, k), forms in sorted(proposals.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        kind = KIND_OF_NAME[tag]
        lst_tag, entry_tag, name_tag = KINDS[kind]
        if kind not in lists:
            lists[kind] = etree.SubElement(root, T + lst_tag)
        seen = list(dict.fromkeys(" ".join(f.split()) for f in forms))
        base = _id_for(kind, seen[0])
        ident, n = base, 2
        while ident in taken:
            ident, n = f"{base}_{n}", n + 1
        taken.add(ident)
        entry = etree.SubElement(lists[kind], T + entry_tag)
        entry.set(XML_ID, ident)
        entry.set("cert", certs.get((tag, k), "medium"))
        for form in seen:
            name = etree.SubElement(entry, T + name_tag)
            if script_of(form.replace(" ", "")) == "cyr":
                name.set(XML_LANG, "sr-Cyrl")
            name.text = form
        if lives and (tag, k) in lives:
            birth, death, what = lives[(tag, k)]
            etree.SubElement(entry, T + "birth", when=birth)
            etree.SubElement(entry, T + "death", when=death)
            etree.SubElement(entry, T + "note").text = what[:1].upper() + what[1:] + "."
        note = etree.SubElement(entry, T + "note", type="occurrences")
        note.text = str(len(forms))
    return root


def _id_for(kind: str, form: str) -> str:
    words = form.split()
    if kind == "person" and len(words) > 1:
        return slug(f"{words[-1]} {' '.join(words[:-1])}")
    return slug(form)


def write_proposals(path: str | Path, tree: etree._Element) -> None:
    write_atomic(path, etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                                      pretty_print=True))


def accept(proposals_path: str | Path, registers_dir: str | Path,
           only: set[str] | None = None) -> tuple[int, int]:
    """Merge proposed entries into the register files; (new entries, new forms)."""
    d = Path(registers_dir)
    regs = Registers.load(d)
    root = read_untrusted(proposals_path).getroot()
    if root.tag != T + "standOff":
        raise TeieditError("a proposals file has a TEI <standOff> root", file=proposals_path,
                           line=root.sourceline)
    files: dict[str, etree._ElementTree] = {}
    added = forms_added = 0
    for lst in root:
        if not isinstance(lst.tag, str) or etree.QName(lst).localname not in KIND_OF_LIST:
            continue
        kind = KIND_OF_LIST[etree.QName(lst).localname]
        for entry in lst:
            if not isinstance(entry.tag, str):
                continue
            ident = entry.get(XML_ID)
            if not ident:
                raise TeieditError("proposed entry without xml:id", file=proposals_path,
                                   line=entry.sourceline)
            if only is not None and ident not in only:
                continue
            if ident in regs.entries:
                forms_added += _add_forms(regs.entries[ident].file, ident, entry, files)
            else:
                _append(d / FILE_OF_KIND[kind], kind, entry, files)
                added += 1
    for path, tree in files.items():
        etree.indent(tree, space="  ")
        write_atomic(path, etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n")
    Registers.load(d)  # the result must still be a valid register
    return added, forms_added


def _tree(path: Path, kind: str, files: dict[str, etree._ElementTree]) -> etree._ElementTree:
    key = str(path)
    if key not in files:
        if path.exists():
            files[key] = read_untrusted(path)
        else:
            files[key] = etree.ElementTree(etree.Element(T + KINDS[kind][0],
                                                         nsmap={None: TEI_NS}))
    return files[key]


def _clean(entry: etree._Element) -> etree._Element:
    """The editor accepted it: no doubt, no bookkeeping."""
    e = deepcopy(entry)
    e.attrib.pop("cert", None)
    for note in e.findall(T + "note[@type='occurrences']"):
        e.remove(note)
    return e


def _append(path: Path, kind: str, entry: etree._Element,
            files: dict[str, etree._ElementTree]) -> None:
    tree = _tree(path, kind, files)
    lst = tree.getroot()
    if lst.tag == T + "standOff":
        lst = lst.find(T + KINDS[kind][0])
    lst.append(_clean(entry))


def _add_forms(file: str, ident: str, entry: etree._Element,
               files: dict[str, etree._ElementTree]) -> int:
    tree = _tree(Path(file), "person", files)
    target = next(e for e in tree.getroot().iter() if e.get(XML_ID) == ident)
    name_tag = KINDS[KIND_OF_ENTRY[etree.QName(target).localname]][2]
    known = set(name_forms(target, name_tag))
    n = 0
    insert_at = max((i + 1 for i, c in enumerate(target) if c.tag == T + name_tag), default=0)
    for name in entry.findall(T + name_tag):
        text = " ".join("".join(name.itertext()).split())
        if text and text not in known:
            new = deepcopy(name)
            new.set("type", "variant")
            target.insert(insert_at, new)
            insert_at += 1
            known.add(text)
            n += 1
    return n

