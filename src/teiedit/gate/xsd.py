"""W3C XML Schema through libxml2 (lxml.etree.XMLSchema)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedit.gate.document import Document
from teiedit.gate.messages import translate
from teiedit.gate.results import Problem, SchemaInfo
from teiedit.xmlio import TeieditError


@dataclass
class XSDEngine:
    info: SchemaInfo
    path: Path
    _compiled: etree.XMLSchema | None = field(default=None, repr=False)

    @classmethod
    def load(cls, path: Path, info: SchemaInfo) -> XSDEngine:
        return cls(info, path)

    def prepare(self) -> None:
        """Compile now (before forking workers, so they share the compiled schema)."""
        try:
            tree = etree.parse(str(self.path), etree.XMLParser(no_network=True,
                                                               resolve_entities=False))
            self._compiled = etree.XMLSchema(tree)
        except (OSError, etree.XMLSyntaxError, etree.XMLSchemaParseError) as e:
            raise TeieditError(f"XML Schema does not compile: {e}", file=self.info.path) from None

    def check(self, doc: Document) -> list[Problem]:
        if self._compiled is None:
            self.prepare()
        assert self._compiled is not None
        if self._compiled.validate(doc.tree):
            return []
        problems = []
        for entry in self._compiled.error_log:
            name = entry.message.split("'", 2)[1] if entry.message.startswith("Element '") else None
            local = name.rpartition("}")[2].rpartition(":")[2] if name else None
            element = doc.locator.by_line(entry.line, local)
            line, column = (doc.locator.position(element) if element is not None
                            else (entry.line or None, None))
            problems.append(Problem(
                severity="error", message=translate("xsd", entry.message), line=line,
                column=column, engine="xsd", schema=self.info.path, rule=entry.type_name,
                xpath=entry.path or "", detail=entry.message))
        return problems
