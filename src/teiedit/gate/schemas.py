"""Which schemas apply, what kind each is, and the engine that checks it.

A schema is named by path; its kind comes from the extension (or, for `.xml`, the root
element's namespace); it is identified in reports by its SHA-256. ODD customizations are
compiled on the fly by teiedit's ODD compiler and the result is cached by content hash.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from lxml import etree

from teiedit.gate.document import Document
from teiedit.gate.paths import DEFAULT_SCHEMA_DIR, DEFAULT_SCHEMA_NAMES, cache_dir
from teiedit.gate.relaxng import RelaxNGEngine
from teiedit.gate.results import Problem, SchemaInfo
from teiedit.gate.schematron import SchematronEngine
from teiedit.gate.xsd import XSDEngine
from teiedit.locations import source_checkout
from teiedit.xmlio import TeieditError, UsageError, write_atomic

KIND_BY_SUFFIX = {".rng": "relaxng", ".xsd": "xsd", ".sch": "schematron",
                  ".isosch": "schematron", ".odd": "odd"}
KIND_BY_NAMESPACE = {
    "http://relaxng.org/ns/structure/1.0": "relaxng",
    "http://www.w3.org/2001/XMLSchema": "xsd",
    "http://purl.oclc.org/dsdl/schematron": "schematron",
    "http://www.tei-c.org/ns/1.0": "odd",
}


class Engine(Protocol):
    info: SchemaInfo

    def prepare(self) -> None: ...

    def check(self, doc: Document) -> list[Problem]: ...


def sha256_file(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as e:
        raise TeieditError(f"cannot read schema: {e.strerror}", file=path) from None


# Where schemas name the other files they are made of (RELAX NG, XML Schema, Schematron).
_REFERENCES = (
    ("{http://relaxng.org/ns/structure/1.0}include", "href"),
    ("{http://relaxng.org/ns/structure/1.0}externalRef", "href"),
    ("{http://www.w3.org/2001/XMLSchema}include", "schemaLocation"),
    ("{http://www.w3.org/2001/XMLSchema}import", "schemaLocation"),
    ("{http://www.w3.org/2001/XMLSchema}redefine", "schemaLocation"),
    ("{http://www.w3.org/2001/XMLSchema}override", "schemaLocation"),
    ("{http://purl.oclc.org/dsdl/schematron}include", "href"),
    ("{http://purl.oclc.org/dsdl/schematron}extends", "href"),
)


_MAY_REFER = re.compile(rb"<(?:\w+:)?(?:include|externalRef|import|redefine|override|extends)\b")


def schema_digest(path: Path) -> str:
    """The schema's identity for reports and profiles: the SHA-256 of its file when it
    is one file; when it includes or imports others (local files, followed recursively),
    the SHA-256 of each file's relative path and SHA-256 in turn, so that a profile's pin
    also changes when an included file does."""
    root = path.resolve()
    files: dict[Path, str] = {}
    todo = [root]
    while todo:
        current = todo.pop()
        if current in files:
            continue
        try:
            data = current.read_bytes()
        except OSError as e:
            raise TeieditError(f"cannot read schema: {e.strerror}", file=current) from None
        files[current] = hashlib.sha256(data).hexdigest()
        if _MAY_REFER.search(data):          # most schemas are one file: no second parse
            todo += _referenced_files(current)
    if len(files) == 1:
        return files[root]
    order = sorted(files, key=lambda f: (f != root, os.path.relpath(f, root.parent)))
    listing = "".join(f"{os.path.relpath(f, root.parent)}\0{files[f]}\n" for f in order)
    return hashlib.sha256(listing.encode()).hexdigest()


def _referenced_files(path: Path) -> list[Path]:
    try:
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False,
                                                      no_network=True, load_dtd=False))
    except etree.XMLSyntaxError:
        return []                        # not XML: the engine reports it when loading
    found = []
    for tag, attribute in _REFERENCES:
        for el in tree.iter(tag):
            ref = (el.get(attribute) or "").partition("#")[0]
            if ref and "://" not in ref and (path.parent / ref).is_file():
                found.append((path.parent / ref).resolve())
    return found


def kind_of(path: Path) -> str:
    kind = KIND_BY_SUFFIX.get(path.suffix.lower())
    if kind:
        return kind
    try:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False,
                                                      no_network=True)).getroot()
    except (OSError, etree.XMLSyntaxError) as e:
        raise TeieditError(f"cannot read schema: {e}", file=path) from None
    ns = etree.QName(root).namespace
    if ns in KIND_BY_NAMESPACE:
        return KIND_BY_NAMESPACE[ns]
    raise TeieditError("not a schema this gate knows (RELAX NG .rng, XML Schema .xsd, "
                       "ISO Schematron .sch, TEI ODD .odd)", file=path)


# `--schema tei_all`: the official TEI schema, looked for in these places (first found).
OFFICIAL = "tei_all"
TEI_ALL_URL = "https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"


def official_tei_all() -> Path:
    """tei_all.rng from $TEIEDIT_TEI_ALL, the current folder, the TEI reference data beside
    a checkout (../shared/tei-p5/) or a system TEI install; a UsageError if none has it."""
    if os.environ.get("TEIEDIT_TEI_ALL"):     # when set, it alone counts
        places = [Path(os.environ["TEIEDIT_TEI_ALL"])]
    else:
        places = [Path("tei_all.rng")]
        if (root := source_checkout()) is not None:
            places.append(root.parent / "shared" / "tei-p5" / "tei_all.rng")
        places.append(Path("/usr/share/xml/tei/schema/relaxng/tei_all.rng"))
    for place in places:
        if place.is_file():
            return place
    raise UsageError(f"the official schema tei_all.rng is not in {', '.join(map(str, places))}; "
                     f"download it from {TEI_ALL_URL} and set TEIEDIT_TEI_ALL to its path "
                     "or pass --schema PATH", file=OFFICIAL)


def schema_path(name: str | Path) -> Path:
    """A schema named on the command line: a path, or `tei_all` for the official one."""
    return official_tei_all() if str(name) == OFFICIAL and not Path(name).exists() else Path(
        name)


def default_schemas() -> list[Path]:
    """The project's compiled customization; a clear error if it has not been built."""
    found = [DEFAULT_SCHEMA_DIR / n for n in DEFAULT_SCHEMA_NAMES
             if (DEFAULT_SCHEMA_DIR / n).exists()]
    if not found:
        raise TeieditError(
            f"the project's schemas ({', '.join(DEFAULT_SCHEMA_NAMES)}) are not in "
            f"{DEFAULT_SCHEMA_DIR}; run `teiedit schema build` or pass --schema PATH")
    return found


def compile_odd(path: Path, source: Path | None = None
                ) -> tuple[list[Path], list[TeieditError]]:
    """Compile an ODD with teiedit's ODD compiler into the cache; the RELAX NG, Schematron
    and XSD it produced, and the compiler's warnings (also when the compile is cached).

    The cache is keyed on teiedit's version, the ODD and `source`, and then on every file
    the last compile of that ODD read (XIncludes, chained source ODDs, the TEI source),
    listed in `read` beside the compiled entries: an edit to any of them misses the cache.
    """
    try:
        from teiedit.schema.build import build, output_names
    except ImportError:
        raise TeieditError("this teiedit has no ODD compiler; pass the compiled schemas",
                           file=path) from None
    from teiedit import __version__

    key = hashlib.sha256(f"{__version__}\0{sha256_file(path)}\0".encode()
                         + (sha256_file(source).encode() if source else b"-"))
    cdir = cache_dir()
    if cdir is None:
        raise TeieditError("no writable cache directory for the compiled ODD "
                           "(set TEIEDIT_CACHE)", file=path)
    top = cdir / "odd" / key.hexdigest()
    here = path.resolve().parent          # files read are named relative to the ODD
    out = None
    if (top / "read").exists():
        out = _entry(top, here, (top / "read").read_text(encoding="utf-8").splitlines())
    if out is None or not (out / "done").exists():
        files, warnings, read = build(path, source)
        listing = sorted(os.path.relpath(f, here) for f in read)
        out = _entry(top, here, listing)
        assert out is not None            # the compile has just read them all
        for name, data in files.items():
            write_atomic(out / name, data)
        write_atomic(out / "warnings.json", json.dumps(
            [[os.path.relpath(Path(w.file).resolve(), here) if w.file else None, w.line,
              w.message] for w in warnings], ensure_ascii=False))
        write_atomic(out / "done", b"")
        write_atomic(top / "read", "\n".join(listing))
    warnings = [TeieditError(message, file=os.path.normpath(path.parent / f) if f else None,
                             line=line)
                for f, line, message in json.loads((out / "warnings.json").read_text(
                    encoding="utf-8"))]
    names = output_names(path.stem)
    return ([out / names[kind] for kind in ("rng", "sch", "xsd")
             if (out / names[kind]).exists()], warnings)


def _entry(top: Path, here: Path, listing: list[str]) -> Path | None:
    """The cache entry for the files in `listing` (relative to `here`) as they are now;
    None when one of them is gone."""
    digest = hashlib.sha256()
    for name in listing:
        if not (here / name).is_file():
            return None
        digest.update(f"{name}\0{sha256_file(here / name)}\n".encode())
    return top / digest.hexdigest()


def load_engines(path: Path, *, phase: str = "", prune: bool = True,
                 expected_sha256: str | None = None,
                 odd_source: Path | None = None,
                 on_warning: Callable[[TeieditError], None] | None = None,
                 strict: bool = False) -> list[Engine]:
    """The engine(s) for one schema file (an ODD gives one per compiled schema, and its
    compiler's warnings to `on_warning`; with `strict` they are errors: a TeieditError
    after all have been given)."""
    path = schema_path(path)
    if not path.exists():
        raise TeieditError("schema file not found", file=path)
    digest = schema_digest(path)
    if expected_sha256 and expected_sha256 != digest:
        raise TeieditError(f"schema content changed: the profile pins sha256 "
                           f"{expected_sha256[:12]}…, the schema has {digest[:12]}…", file=path)
    kind = kind_of(path)
    if kind == "odd":
        compiled, warnings = compile_odd(path, odd_source)
        if on_warning:
            for w in warnings:
                on_warning(w)
        if strict and warnings:
            raise TeieditError(f"the ODD compiler gave {len(warnings)} warning"
                               f"{'s' * (len(warnings) > 1)}, errors with --strict", file=path)
        return [e for p in compiled for e in load_engines(p, phase=phase, prune=prune)]
    info = SchemaInfo(path=str(path), kind=kind, sha256=digest,
                      phase=phase if kind == "schematron" else "")
    if kind == "relaxng":
        return [RelaxNGEngine.load(path, info, prune=prune)]
    if kind == "xsd":
        return [XSDEngine.load(path, info)]
    return [SchematronEngine.load(path, info)]
