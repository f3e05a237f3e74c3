"""`teiedit render EDITION.xml --to html|pdf|fo|all [-o DIR] [--force]`."""

from __future__ import annotations

from pathlib import Path

import click

from teiedit.errors import fail
from teiedit.render.core import FORMATS, SchemaCheck, render
from teiedit.xmlio import TeieditError


@click.command("render")
@click.argument("edition", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "to", multiple=True, default=("all",), show_default=True,
              type=click.Choice([*FORMATS, "all"]),
              help="Output format; repeat for several. 'all' = html, pdf and fo.")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("output"), show_default=True, help="Folder for the rendered files.")
@click.option("--schema", "schemas", multiple=True, metavar="PATH|tei_all",
              help="Check the edition against this schema instead of the project's "
                   "(repeatable; tei_all: the official TEI schema).")
@click.option("--force", is_flag=True, help="Render even a document that is not valid TEI.")
def render_command(edition: Path, to: tuple[str, ...], out_dir: Path, schemas: tuple[str, ...],
                   force: bool) -> None:
    """Publish a TEI edition as an HTML reading edition, a print-ready PDF and XSL-FO."""
    formats = set(FORMATS) if "all" in to else set(to)
    try:
        written = render(edition, formats, out_dir, force=force,
                         validator=SchemaCheck(schemas))
    except TeieditError as e:
        fail(e)
    for path in written:
        click.echo(str(path))
