"""The submission gate: validate TEI files against RELAX NG, XSD, Schematron and ODD.

Pipeline: batch (discover files, fork workers) → check (read safely, run engines) →
engines (relaxng, xsd, schematron) → locate (line:column) → formats (text/json/junit/sarif).
"""

from teiedit.gate.api import validate
from teiedit.gate.results import FileResult, Problem, Report, SchemaInfo

__all__ = ["FileResult", "Problem", "Report", "SchemaInfo", "validate"]
