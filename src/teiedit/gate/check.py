"""Checking one file: read it safely, then run every engine; never raise for a bad file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from teiedit.gate.document import Document
from teiedit.gate.results import FileResult, Problem, SchemaWarning
from teiedit.gate.schemas import Engine, load_engines
from teiedit.gate.xmlmodel import model_schemas
from teiedit.xmlio import (
    MAX_BYTES,
    MAX_DEPTH,
    XINCLUDE_NS,
    TeieditError,
    expand_xincludes,
    parse_untrusted,
)

STDIN = "-"


@dataclass
class Checker:
    """The engines of one run plus the reading rules; one per process (inherited on fork)."""

    engines: list[Engine]
    max_bytes: int = MAX_BYTES
    max_depth: int = MAX_DEPTH
    xinclude: bool = False
    xml_model: bool = False
    strict: bool = False          # an xml-model ODD's compile warnings are the file's errors
    _model_engines: dict[tuple[str, str], list[Engine]] = field(default_factory=dict)
    _model_warnings: dict[tuple[str, str], list[SchemaWarning]] = field(default_factory=dict)
    _fresh_warnings: list[SchemaWarning] = field(default_factory=list)

    def prepare(self) -> None:
        """Compile every schema now, so that a broken schema stops the run before any file
        (exit 2) and forked workers share the compiled result."""
        for engine in self.engines:
            engine.prepare()

    def check_path(self, path: str, data: bytes | None = None) -> FileResult:
        result = FileResult(path=path)
        try:
            if data is None:
                data = _read(path, self.max_bytes)
            result.problems = self.check_bytes(data, path)
        except TeieditError as e:
            result.problems = [_reading_problem(e)]
        except Exception as e:  # one broken file must never stop the batch
            result.problems = [Problem("error", f"internal error while checking this file: "
                                       f"{type(e).__name__}: {e}", engine="teiedit",
                                       rule="internal-error")]
        result.schema_warnings, self._fresh_warnings = self._fresh_warnings, []
        return result

    def check_bytes(self, data: bytes, path: str) -> list[Problem]:
        tree = parse_untrusted(data, path, max_bytes=self.max_bytes, max_depth=self.max_depth)
        problems: list[Problem] = []
        expanded = self.xinclude and path != STDIN
        if expanded:
            expand_xincludes(tree, path, max_bytes=self.max_bytes, max_depth=self.max_depth)
        else:
            problems += _unexpanded_xincludes(tree)
        doc = Document(path, data, tree, expanded=expanded)
        engines = list(self.engines)
        if self.xml_model:
            try:
                models, strict_errors = self._engines_of_models(doc)
                engines += models
                problems += strict_errors
            except TeieditError as e:
                problems.append(Problem("error", e.message, line=e.line, column=e.column,
                                        engine="xml-model", rule="xml-model"))
        for engine in engines:
            problems += engine.check(doc)
        return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))

    def _engines_of_models(self, doc: Document) -> tuple[list[Engine], list[Problem]]:
        """The engines of the schemas the document's xml-model PIs name (compiled on first
        use), and with --strict an error per warning of an ODD's compile."""
        engines: list[Engine] = []
        problems: list[Problem] = []
        for schema_path, phase in model_schemas(doc):
            key = (str(schema_path), phase)
            if key not in self._model_engines:
                warnings: list[SchemaWarning] = []
                self._model_engines[key] = load_engines(
                    schema_path, phase=phase, on_warning=lambda w, into=warnings: into.append(
                        SchemaWarning(w.message, str(w.file) if w.file else None, w.line)))
                self._model_warnings[key] = warnings
                if not self.strict:         # else they are this file's errors, below
                    self._fresh_warnings += warnings
            engines += self._model_engines[key]
            if self.strict:
                problems += [Problem(
                    "error", f"{':'.join(str(x) for x in (w.file, w.line) if x)}: "
                    f"{w.message} (a warning of compiling the xml-model ODD; an error with "
                    "--strict)", engine="xml-model", schema=str(schema_path),
                    rule="odd-warning") for w in self._model_warnings[key]]
        return engines, problems


def _unexpanded_xincludes(tree) -> list[Problem]:
    first = next(tree.getroot().iter(f"{{{XINCLUDE_NS}}}include"), None)
    if first is None:
        return []
    return [Problem("info", "XIncludes are not expanded (nothing is read because a document "
                    "asks); pass --xinclude to expand local ones", line=first.sourceline,
                    engine="xml", rule="xinclude")]


def _read(path: str, max_bytes: int) -> bytes:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:  # refuse before reading it into memory
            raise TeieditError(f"file is {size} bytes, over the limit of {max_bytes}", file=p)
        return p.read_bytes()
    except OSError as e:
        raise TeieditError(f"cannot read file: {e.strerror}", file=p) from None


def _reading_problem(e: TeieditError) -> Problem:
    security = any(w in e.message for w in ("entity", "DTD", "XInclude", "limit", "nested"))
    return Problem("error", e.message, line=e.line, column=e.column, engine="xml",
                   rule="security" if security else "well-formedness")
