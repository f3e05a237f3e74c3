"""The render stage: one TEI edition → HTML reading edition, print PDF, XSL-FO.

Everything is produced in memory first and written (atomically) only when every requested
output succeeded, so a failure never leaves a half-rendered edition behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry
from lxml import etree

from teiedit.render.pdf import html_to_pdf
from teiedit.render.xslt import transform
from teiedit.xmlio import TeieditError, read_untrusted, writable_folder, write_atomic

TEI_NS = "http://www.tei-c.org/ns/1.0"
FORMATS = ("html", "pdf", "fo")
# What render takes: a document, a corpus of documents, or a text without its header
# (a transcription kept apart and XIncluded by its record).
ROOTS = ("TEI", "teiCorpus", "text")
# The index and chronology pages written beside the document page.
HTML_PAGES = ("text", "persons", "organisations", "places", "chronology")

# A validator returns problems as (line, message); render refuses an invalid edition
# unless forced. `teiedit render` passes a SchemaCheck; `teiedit build` has validated
# already and passes none.
Validator = Callable[[etree._ElementTree, Path], list[tuple[int | None, str]]]


@dataclass(frozen=True)
class SchemaCheck:
    """Errors of a file against `schemas` (paths, or `tei_all` for the official TEI;
    default: the project's schemas in schema/), via the validate stage (which reads the
    file itself: it locates problems by the file's bytes)."""

    schemas: tuple[str, ...] = ()

    def __call__(self, tree: etree._ElementTree, path: Path) -> list[tuple[int | None, str]]:
        from teiedit.gate import validate

        report = validate([str(path)], list(self.schemas) or None, jobs=1)
        return [(p.line, p.message) for f in report.files for p in f.problems
                if p.severity == "error"]

    @property
    def against(self) -> str:
        """Whose rules a refusal names: a document may be valid TEI and still break them."""
        if not self.schemas:
            return ("the project's schemas (schema/teiedit.*; check it against the "
                    "official TEI with --schema tei_all)")
        return ", ".join(Path(s).name for s in self.schemas)


def check_tei(tree: etree._ElementTree, path: Path) -> None:
    """Refuse what is not a TEI document at all: that is never rendered, even with force."""
    root = tree.getroot()
    name = etree.QName(root)
    if name.namespace != TEI_NS or name.localname not in ROOTS:
        raise TeieditError(f"not a TEI document: the root element is <{root.tag}>, expected "
                           f"<TEI>, <teiCorpus> or <text> in the namespace {TEI_NS}",
                           file=path, line=root.sourceline)


@cache
def language_subtags() -> str:
    """The registered primary language subtags, space-separated, for the stylesheets'
    `languages` parameter: BCP 47 takes a language's shortest ISO 639 code (639-1 where there
    is one, else 639-3) and the ISO 639-5 family codes. A source's tag outside them (`cz`)
    must not reach HTML `lang`, where validators and screen readers reject it."""
    codes = {getattr(lang, "alpha_2", None) or lang.alpha_3 for lang in pycountry.languages}
    codes |= {family.alpha_3 for family in pycountry.language_families}
    return " ".join(sorted(codes))


def html_page_name(base: str, page: str) -> str:
    return f"{base}.html" if page == "text" else f"{base}.{page}.html"


def render_outputs(tree: etree._ElementTree, base: str, to: Iterable[str],
                   tei_href: str) -> dict[str, bytes]:
    """All requested outputs as {file name: bytes}, without touching the disk."""
    params = {"base": base, "tei-href": tei_href, "pdf-href": f"{base}.pdf" if "pdf" in to else "",
              "languages": language_subtags()}
    out: dict[str, bytes] = {}
    if "html" in to:
        for page in HTML_PAGES:
            html = transform("html.xsl", tree, {**params, "page": page})
            out[html_page_name(base, page)] = html.encode("utf-8")
    if "pdf" in to:
        out[f"{base}.pdf"] = html_to_pdf(transform("print.xsl", tree, params), f"{base}.pdf")
    if "fo" in to:
        out[f"{base}.fo"] = transform("fo.xsl", tree, params).encode("utf-8")
    return out


def render(edition_path: str | Path, to: set[str], out_dir: str | Path, *,
           force: bool = False, validator: Validator | None = None) -> list[Path]:
    """Render `edition_path` to the formats in `to` ("html", "pdf", "fo") inside `out_dir`.

    Returns the files written. The TEI file is copied beside the HTML so that its
    "TEI source file" link works. Raises TeieditError for unreadable, non-TEI or (unless
    `force`) invalid input and for stylesheet errors; then nothing is written.
    """
    unknown = set(to) - set(FORMATS)
    if unknown:
        raise TeieditError(f"unknown output format(s): {', '.join(sorted(unknown))}; "
                           f"choose from {', '.join(FORMATS)}")
    src = Path(edition_path)
    tree = read_untrusted(src)
    check_tei(tree, src)
    if validator is not None and not force:
        problems = validator(tree, src)
        if problems:
            line, message = problems[0]
            more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
            against = getattr(validator, "against", "the schema")
            raise TeieditError(f"invalid TEI against {against}: {message}{more}; fix it, "
                               "or render anyway with --force", file=src, line=line)
    dest = writable_folder(out_dir)
    base = src.stem
    outputs = render_outputs(tree, base, to, src.name)
    if "html" in to and (dest / src.name).resolve() != src.resolve():
        outputs[src.name] = src.read_bytes()
    return [write_atomic(dest / name, data) for name, data in outputs.items()]
