"""ISO Schematron with XPath 2/3 (query binding xslt2/xslt3) through Saxon (saxonche).

The schema is first brought to ISO minimal syntax (schematron_expand: includes, abstract
rules and patterns) and analysed (schematron_analysis), then compiled to XSLT 3.0 by
teiedit's own compact compiler (data/gate/schematron.xsl); the generated stylesheet is
cached by content hash. Per document only the patterns that can match something in it run,
and none at all means no Saxon. Documents are never parsed by Saxon from their file: Saxon
gets text that has already passed the safe lxml parse and has no DOCTYPE (the submitted
UTF-8 itself, else the lxml tree serialized), and SVRL locations are mapped back to
line:column through the lxml tree.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from teiedit.gate.document import Document
from teiedit.gate.paths import DATA_DIR, cache_dir
from teiedit.gate.results import Problem, SchemaInfo
from teiedit.gate.schematron_analysis import GATE_NS, annotate
from teiedit.gate.schematron_expand import expand
from teiedit.xmlio import XINCLUDE_NS, TeieditError, write_atomic

SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
COMPILER = DATA_DIR / "schematron.xsl"
_ROLE_SEVERITY = {"warning": "warning", "warn": "warning", "nonfatal": "warning",
                  "info": "info", "information": "info"}

_saxon: dict[str, Any] = {}


def _processor() -> Any:
    """One Saxon processor per process, created on first use. It may read local files (a
    schema's own lookup documents) but no network, whatever a rule computes from a document."""
    if "proc" not in _saxon:
        from saxonche import PySaxonProcessor

        proc = PySaxonProcessor(license=False)
        proc.set_configuration_property("http://saxon.sf.net/feature/allowedProtocols", "file")
        _saxon["proc"] = proc
    return _saxon["proc"]


@contextmanager
def _native_stderr_silenced() -> Iterator[None]:
    """Saxon's native library writes progress lines ("Loading BasicLatin" …) and its own
    copy of every error straight to file descriptor 2; the gate reports errors itself."""
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def _saxon_message(e: Exception) -> str:
    return " ".join(str(e).split())[:500]


def compile_to_xslt(schema: bytes, phase: str, name: str) -> str:
    """The XSLT 3.0 validator for a Schematron schema in minimal syntax (includes and
    abstract patterns expanded, candidates annotated), cached by a hash of that text: it
    holds every included file, so editing an include recompiles."""
    key = hashlib.sha256(COMPILER.read_bytes() + b"\0" + phase.encode() + b"\0" + schema)
    cdir = cache_dir()
    cached = cdir / "schematron" / f"{key.hexdigest()}.xsl" if cdir else None
    if cached is not None and cached.exists():
        return cached.read_text(encoding="utf-8")
    proc = _processor()
    try:
        with _native_stderr_silenced():
            compiler = proc.new_xslt30_processor().compile_stylesheet(
                stylesheet_file=str(COMPILER))
            if phase:
                compiler.set_parameter("phase", proc.make_string_value(phase))
            source = proc.parse_xml(xml_text=schema.decode("utf-8"), encoding="UTF-8")
            xslt = compiler.transform_to_string(xdm_node=source)
    except Exception as e:  # saxonche raises its own PySaxonApiError with the message
        raise TeieditError(f"Schematron schema does not compile: {_saxon_message(e)}",
                           file=name) from None
    if not xslt:
        raise TeieditError("Schematron schema does not compile (no output)", file=name)
    if cached is not None:
        write_atomic(cached, xslt)
    return xslt


def minimal_syntax(path: Path) -> bytes:
    """The schema ready for the compiler: ISO preprocessing, then candidate analysis."""
    root = expand(path)
    annotate(root)
    return etree.tostring(root, encoding="utf-8")


def _text_for_saxon(doc: Document) -> str:
    """What Saxon parses: the submitted text itself when it is UTF-8 XML 1.0 without a
    DOCTYPE (nothing in it for a parser to resolve or load) and without XIncludes (so the
    tree is unchanged since it was read), which saves serializing; else the lxml tree
    serialized."""
    info = doc.tree.docinfo
    if ((info.encoding or "").upper() == "UTF-8" and info.xml_version == "1.0"
            and b"<!DOCTYPE" not in doc.data and XINCLUDE_NS.encode() not in doc.data):
        try:
            return doc.data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    return etree.tostring(doc.tree, encoding="unicode", doctype="")   # no internal subset


@dataclass
class SchematronEngine:
    """Runs one compiled Schematron schema over documents."""

    info: SchemaInfo
    xslt: str
    _executable: Any = field(default=None, repr=False)
    # (mode, names of which one a document must contain, or None: always) per pattern
    _patterns: list[tuple[str, frozenset[str] | None]] = field(default_factory=list, repr=False)

    @classmethod
    def load(cls, path: Path, info: SchemaInfo) -> SchematronEngine:
        engine = cls(info, compile_to_xslt(minimal_syntax(path), info.phase, info.path))
        for p in etree.fromstring(engine.xslt.encode("utf-8")).iterchildren(
                f"{{{GATE_NS}}}pattern"):
            needs = p.get(f"{{{GATE_NS}}}needs")
            engine._patterns.append(
                (p.get("mode"), frozenset(needs.split()) if needs is not None else None))
        return engine

    def prepare(self) -> None:
        """Compile the generated XSLT in this process (before forking, or on first use)."""
        try:
            with _native_stderr_silenced():
                self._executable = _processor().new_xslt30_processor().compile_stylesheet(
                    stylesheet_text=self.xslt)
        except Exception as e:
            raise TeieditError(f"Schematron schema does not compile: {_saxon_message(e)}",
                               file=self.info.path) from None

    def modes_for(self, doc: Document) -> list[str]:
        """The patterns that can match something in this document (see
        schematron_analysis): the others would report nothing, so they are not run."""
        if all(needs is None for _, needs in self._patterns):
            return [mode for mode, _ in self._patterns]     # nothing to learn from names
        return [mode for mode, needs in self._patterns
                if needs is None or any(doc.may_contain(n) for n in needs)]

    def check(self, doc: Document) -> list[Problem]:
        modes = self.modes_for(doc)
        if not modes:
            return []                               # no Saxon parse, no transform
        if self._executable is None:
            self.prepare()
        proc = _processor()
        try:
            with _native_stderr_silenced():
                node = proc.parse_xml(xml_text=_text_for_saxon(doc), encoding="UTF-8")
                self._executable.set_parameter(f"{{{GATE_NS}}}run",
                                               proc.make_string_value(" ".join(modes)))
                svrl = self._executable.transform_to_string(xdm_node=node)
        except Exception as e:
            return [Problem("error", f"the Schematron engine stopped on this document: "
                            f"{_saxon_message(e)}", engine="schematron",
                            schema=self.info.path, rule="engine-error")]
        return self._problems(etree.fromstring(svrl.encode("utf-8")), doc)

    def _problems(self, svrl: etree._Element, doc: Document) -> list[Problem]:
        problems = []
        paths = _Paths()
        for hit in svrl.iterchildren(f"{{{SVRL_NS}}}failed-assert",
                                     f"{{{SVRL_NS}}}successful-report"):
            element = doc.locator.by_number(int(hit.get(f"{{{GATE_NS}}}element", "0")))
            node = hit.get(f"{{{GATE_NS}}}node", "")
            location = node if node.startswith("/") else "/".join(
                x for x in (paths.of(element), node) if x)
            line, column = doc.locator.position(element)
            text = " ".join("".join(hit.itertext()).split())
            rule = hit.get("id") or hit.get(f"{{{GATE_NS}}}rule") or ""
            pattern = hit.get(f"{{{GATE_NS}}}pattern", "")
            problems.append(Problem(
                severity=_ROLE_SEVERITY.get((hit.get("role") or "").lower(), "error"),
                message=text or f"Schematron test failed: {hit.get('test')}",
                line=line, column=column, engine="schematron", schema=self.info.path,
                rule="/".join(x for x in (pattern, rule) if x), xpath=location,
                detail=f"test: {hit.get('test')}"))
        return problems


class _Paths:
    """fn:path() of elements (`/Q{ns}name[k]` per ancestor, k among same-named siblings),
    counting each parent's children once however many findings it holds."""

    def __init__(self) -> None:
        self._positions: dict[etree._Element, dict[etree._Element, int]] = {}

    def _position(self, element: etree._Element) -> int:
        parent = element.getparent()
        if parent is None:
            return 1
        if parent not in self._positions:
            seen: dict[str, int] = {}
            positions = self._positions[parent] = {}
            for child in parent.iterchildren(etree.Element):
                positions[child] = seen[child.tag] = seen.get(child.tag, 0) + 1
        return self._positions[parent][element]

    def of(self, element: etree._Element) -> str:
        steps = []
        for el in (element, *element.iterancestors()):
            name = etree.QName(el)
            steps.append(f"/Q{{{name.namespace or ''}}}{name.localname}[{self._position(el)}]")
        return "".join(reversed(steps))
