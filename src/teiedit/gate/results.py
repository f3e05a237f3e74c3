"""What a validation run produces: problems, per-file results and the whole report.

These plain dataclasses are the stable interface of `teiedit.validate(...)` and of
`--format json` (field names documented in the README); they pickle, so worker processes
can hand them back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, located as precisely as the engine allows."""

    severity: str          # "error" | "warning" | "info"
    message: str           # plain-language message
    line: int | None = None
    column: int | None = None
    engine: str = ""       # "xml" (reading), "relaxng", "xsd", "schematron"
    schema: str = ""       # file name of the schema, "" for reading problems
    rule: str = ""         # engine rule id: libxml2 error type, Schematron pattern/assert id
    xpath: str = ""        # location of the node, where the engine gives one
    detail: str = ""       # the engine's own message, when it was translated


@dataclass(frozen=True)
class SchemaWarning:
    """A warning about a schema rather than a file (the ODD compiler's, `file:line`)."""

    message: str
    file: str | None = None
    line: int | None = None


@dataclass
class FileResult:
    """The verdict on one file: valid when it has no error-severity problem."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    # warnings of compiling the ODDs this file's xml-model PIs named, when compiled for it
    # (in a worker process): the caller reports each once per run; not part of the report
    schema_warnings: list[SchemaWarning] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def count(self, severity: str) -> int:
        return sum(p.severity == severity for p in self.problems)


@dataclass(frozen=True)
class SchemaInfo:
    """A schema as recorded in every report: which file, which engine, which content."""

    path: str
    kind: str              # "relaxng" | "xsd" | "schematron"
    sha256: str
    phase: str = ""


@dataclass
class Report:
    """A whole run: the rules that applied (profile, schemas) and one result per file."""

    files: list[FileResult]
    schemas: list[SchemaInfo]
    profile: str = ""      # "NAME@VERSION" or ""
    tool: str = "teiedit"
    version: str = ""

    @property
    def ok(self) -> bool:
        return all(f.valid for f in self.files)

    @property
    def summary(self) -> dict[str, int]:
        return {
            "files": len(self.files),
            "valid": sum(f.valid for f in self.files),
            "invalid": sum(not f.valid for f in self.files),
            "errors": sum(f.count("error") for f in self.files),
            "warnings": sum(f.count("warning") for f in self.files),
        }

    def to_dict(self) -> dict:
        return {
            "tool": self.tool,
            "version": self.version,
            "profile": self.profile or None,
            "schemas": [asdict(s) for s in self.schemas],
            "summary": self.summary,
            "files": [
                {"path": f.path, "valid": f.valid,
                 "problems": [asdict(p) for p in f.problems]}
                for f in self.files
            ],
        }
