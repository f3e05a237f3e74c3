"""`teiedit schema build`: compile an ODD into the schemas the validate stage loads."""

from __future__ import annotations

from pathlib import Path

import click

from teiedit.errors import fail
from teiedit.schema.build import DEFAULT_ODD, build_outputs, output_dir
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
              help="The TEI P5 specification (p5subset.xml) for moduleRef and changes to TEI.")
def build(odd: Path, out_dir: Path | None, source: Path | None) -> None:
    """Compile ODD (default schema/teiedit.odd) into NAME.rng, NAME.xsd (+ NAME-xml.xsd),
    NAME.sch and NAME-reference.html, where NAME is the ODD's file name without extension."""
    try:
        target = output_dir(odd, out_dir)
        files = build_outputs(odd, source)
        for name, data in files.items():
            write_atomic(target / name, data)
            click.echo(str(target / name))
    except TeieditError as e:
        fail(e)
