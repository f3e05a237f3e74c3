"""The validation step of `teiedit build`: the edition must pass the project's schemas."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from teiedit.gate.api import validate
from teiedit.gate.formats import to_text
from teiedit.gate.results import Report
from teiedit.xmlio import TeieditError


def require_valid(files: Iterable[str | Path], schemas: Iterable[str | Path] | None = None,
                  ) -> Report:
    """Validate the built edition files (default: the project's schemas in schema/).

    Returns the report when every file is valid; otherwise raises TeieditError whose
    message is the full text report, so `build` can print it and stop with exit code 1.
    """
    report = validate([str(f) for f in files], schemas, jobs=1)
    if not report.ok:
        raise TeieditError("the edition is not valid:\n" + to_text(report).rstrip())
    return report
