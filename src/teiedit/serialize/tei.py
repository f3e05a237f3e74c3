"""Document → TEI P5 XML: the header from the metadata, the text from the block tree.

Indentation is added only between block elements; mixed content (everything built from an
Inline) is written exactly as it is, so pretty-printing never changes the text.
"""

from __future__ import annotations

from copy import deepcopy
from functools import cache
from importlib.resources import files

from lxml import etree

from teiedit import TEI_NS, __version__
from teiedit.encode.metadata import labels
from teiedit.model import Document, Metadata, Node, Person
from teiedit.serialize.inline import anchor_element, fill, qname, set_attrs

INDENT = "  "


def E(tag: str, *children: etree._Element | str | None, **attrs: str) -> etree._Element:
    """Build an element; keyword `xml_lang` stands for xml:lang, `xml_id` for xml:id."""
    el = etree.Element(qname(tag))
    set_attrs(el, {k.replace("xml_", "xml:", 1) if k.startswith("xml_") else k: v
                   for k, v in attrs.items() if v})
    for c in children:
        if c is None:
            continue
        if isinstance(c, str):
            if len(el):
                el[-1].tail = (el[-1].tail or "") + c
            else:
                el.text = (el.text or "") + c
        else:
            el.append(c)
    return el


@cache
def _encoding_desc() -> etree._Element:
    data = files("teiedit.data").joinpath("encoding-desc.xml").read_bytes()
    return etree.fromstring(data, etree.XMLParser(remove_blank_text=True, resolve_entities=False))


def person_name(p: Person) -> etree._Element:
    return E("persName", E("forename", p.forename) if p.forename else None,
             " " if p.forename and p.surname else None,
             E("surname", p.surname) if p.surname else None)


def header(doc: Document) -> etree._Element:
    m = doc.meta
    titles = [E("title", m.title or "[untitled]", type="main", xml_lang=m.title_lang)]
    titles += [E("title", t, type="main", xml_lang=lang)
               for lang, t in sorted(m.other_titles.items())]
    authors = [E("author", person_name(a)) for a in m.authors]
    if len(authors) == 1:  # the same author as the summary prints the name, in its script
        for lang, form in sorted(m.other_author_forms.items()):
            authors[0].append(E("persName", form, xml_lang=lang))
    title_stmt = E("titleStmt", *titles, *authors,
                   E("respStmt", E("resp", "TEI encoding"), E("name", f"teiedit {__version__}"),
                     xml_id="teiedit"),
                   *(E("respStmt", E("resp", what), E("name", f"teiedit {__version__}"),
                       xml_id=rid) for rid, what in sorted(doc.responsible.items())))
    licence = E("availability", E("licence", m.licence, target=m.licence_target)) \
        if m.licence else None
    publication = E("publicationStmt", E("publisher", m.edition_publisher),
                    E("date", m.edition_date, when=m.edition_date) if m.edition_date else None,
                    licence)
    return E("teiHeader",
             E("fileDesc", title_stmt, publication, E("sourceDesc", source_bibl(m))),
             encoding_desc(),
             profile_desc(doc),
             E("revisionDesc", E("change", revision_note(doc), who="#teiedit")))


def source_bibl(m: Metadata) -> etree._Element:
    analytic = E("analytic", E("title", m.title or "[untitled]", level="a", xml_lang=m.title_lang),
                 *(E("author", person_name(a)) for a in m.authors),
                 E("idno", m.doi, type="DOI") if m.doi else None)
    scopes = [E("biblScope", v, unit=u) for u, v in (("volume", m.volume), ("issue", m.issue)) if v]
    pages = E("biblScope", f"{m.first_page}–{m.last_page}",
              **{"unit": "page", "from": m.first_page, "to": m.last_page}) \
        if m.first_page else None
    imprint = E("imprint", E("pubPlace", m.pub_place) if m.pub_place else None,
                E("publisher", m.publisher) if m.publisher else None,
                E("date", m.year, when=m.year) if m.year else E("date"),
                *scopes, pages)
    monogr = E("monogr", E("title", m.journal or "[unknown journal]", level="j",
                           xml_lang=m.journal_lang), imprint)
    return E("biblStruct", analytic, monogr)


def encoding_desc() -> etree._Element:
    enc = deepcopy(_encoding_desc())
    enc.append(E("appInfo", E("application", E("label", "teiedit"), ident="teiedit",
                              version=__version__)))
    return enc


def profile_desc(doc: Document) -> etree._Element:
    names = labels()["language_names"]
    langs = E("langUsage", *(E("language", names.get(code, code), ident=code)
                             for code in sorted(doc.meta.languages)))
    keywords = [E("keywords", *(E("term", t) for t in terms), xml_lang=lang)
                for lang, terms in sorted(doc.meta.keywords.items()) if terms]
    return E("profileDesc", langs, E("textClass", *keywords) if keywords else None)


def revision_note(doc: Document) -> str:
    m = doc.meta
    opts = ", ".join(f"{k}={v}" for k, v in sorted(doc.options.items()))
    return (f"Encoded by teiedit {__version__} from {m.source_file} "
            f"(SHA-256 {m.source_sha256}){'; options: ' + opts if opts else ''}.")


def declare_languages(tree: etree._ElementTree) -> None:
    """Every xml:lang used anywhere in the document gets its <language> in langUsage."""
    usage = tree.find(f".//{qname('langUsage')}")
    if usage is None:
        return
    declared = {lang.get("ident") for lang in usage}
    used = {v for v in tree.xpath("//@xml:lang")} - declared
    names = labels()["language_names"]
    for code in used:
        usage.append(E("language", names.get(code, code), ident=code))
    usage[:] = sorted(usage, key=lambda el: el.get("ident"))
    indent_blocks(usage.getparent(), len(list(usage.iterancestors())) - 1)


def node_element(node: Node) -> etree._Element:
    el = etree.Element(qname(node.tag))
    set_attrs(el, node.attrs)
    if node.inline is not None:
        fill(el, node.inline)
    for child in node.children:
        add_node(el, child)
    return el


def add_node(parent: etree._Element, node: Node) -> None:
    if node.tag:
        parent.append(node_element(node))
    elif node.inline is not None:  # milestones between blocks
        for a in node.inline.anchors:
            anchor_element(parent, a)


def front_title(doc: Document) -> list[etree._Element]:
    """The title page, rebuilt from the metadata when the extraction lost it.

    Notes on the title (the ∗ note) go into the title; without a title, into the front.
    """
    m = doc.meta
    parts = []
    if m.title:
        title = E("titlePart", m.title, type="main")
        parts.append(E("docTitle", title))
    parts += [E("docAuthor", a.full) for a in m.authors]
    holder = title if m.title else None
    for note in doc.title_notes:
        if holder is not None:
            anchor_element(holder, note)
        else:
            parts.append(anchor_element(E("front"), note))
    return parts


def to_tree(doc: Document) -> etree._ElementTree:
    front = node_element(doc.front)
    for i, el in enumerate(front_title(doc)):
        front.insert(i, el)
    text = E("text", front, node_element(doc.body), node_element(doc.back))
    if not len(text[2]):
        text.remove(text[2])
    root = etree.Element(qname("TEI"), nsmap={None: TEI_NS})
    set_attrs(root, {"xml:lang": doc.lang})
    root.append(header(doc))
    root.append(text)
    indent_blocks(root)
    return etree.ElementTree(root)


# Elements that hold only other elements: the only ones indentation may touch.
BLOCKS = frozenset(qname(t) for t in (
    "TEI", "teiHeader", "fileDesc", "titleStmt", "respStmt", "publicationStmt", "availability",
    "sourceDesc", "biblStruct", "analytic", "monogr", "imprint", "encodingDesc", "projectDesc",
    "editorialDecl", "correction", "normalization", "hyphenation", "segmentation", "appInfo",
    "application", "profileDesc", "langUsage", "textClass", "keywords", "revisionDesc", "text",
    "front", "body", "back", "div", "docTitle", "author", "standOff", "listPerson", "person",
    "listOrg", "org", "listPlace", "place", "listBibl"))


def indent_blocks(el: etree._Element, level: int = 0) -> None:
    if el.tag not in BLOCKS or not len(el) or (el.text or "").strip() \
            or any((c.tail or "").strip() for c in el):
        return
    pad = "\n" + INDENT * (level + 1)
    el.text = pad
    for c in el:
        c.tail = pad
        indent_blocks(c, level + 1)
    el[-1].tail = "\n" + INDENT * level


def serialize(tree: etree._ElementTree) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"
