"""`teiedit schema build`: compile an ODD into the schemas the validate stage loads."""

from __future__ import annotations

from pathlib import Path

import click

from teiedit.errors import error_line, fail
from teiedit.schema.build import DEFAULT_ODD, build, output_dir
from teiedit.xmlio import TeieditError, write_atomic


@click.group(name="schema")
def schema_group() -> None:
    """Compile the project's TEI customization (an ODD) into RELAX NG, XSD, Schematron, HTML."""


@schema_group.command(name="build")
@click.argument("odd", required=False, type=click.Path(dir_okay=False, path_type=Path),
                default=DEFAULT_ODD)
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Folder for the compiled schemas (default: beside the ODD).")
@click.option("--source", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The TEI P5 specification (p5subset.xml) for moduleRef and changes to TEI; "
                   "also stands for a schemaSpec/@source that is a TEI release or a URL.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1, nothing written).")
def build_command(odd: Path, out_dir: Path | None, source: Path | None, strict: bool) -> None:
    """Compile ODD (default schema/teiedit.odd) into NAME.rng, NAME.xsd (+ NAME-xml.xsd),
    NAME.sch and NAME-reference.html, where NAME is the ODD's file name without extension.
    What the official odd2odd ignores silently (names the TEI source lacks, changes to missing
    specs) is a warning on standard error."""
    try:
        target = output_dir(odd, out_dir)
        files, warnings, _ = build(odd, source)
    except TeieditError as e:
        fail(e)
    for w in warnings:
        click.echo(error_line(w, "warning"), err=True)
    if strict and warnings:
        fail(TeieditError(f"{len(warnings)} warning(s) with --strict; nothing written",
                          file=odd))
    try:
        for name, data in files.items():
            write_atomic(target / name, data)
            click.echo(str(target / name))
    except TeieditError as e:
        fail(e)
