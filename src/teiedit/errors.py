"""How every `teiedit` command reports an error: one line `file[:line[:col]]: error:
message` (or `teiedit: error: message` when no file is concerned) on standard error, then
exit 1 when the job failed, 2 for usage and environment errors (TeieditError.exit_code)."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from teiedit.xmlio import TeieditError


def error_line(error: TeieditError, kind: str = "error") -> str:
    """The one-line form of `error`; `kind` "warning" for what does not stop the job."""
    where = ":".join(str(x) for x in (error.file, error.line, error.column) if x is not None)
    return f"{where or 'teiedit'}: {kind}: {error.message}"


def fail(error: TeieditError) -> NoReturn:
    click.echo(error_line(error), err=True)
    sys.exit(error.exit_code)
