"""`teiedit build`: every stage that exists, on every source in the project's tei/ folder."""

from __future__ import annotations

from pathlib import Path

import click

from teiedit.encode.command import encode_file, fail, metadata_beside
from teiedit.encode.source import Diagnostics
from teiedit.enrich.registers import Registers
from teiedit.gate.edition import require_valid
from teiedit.locations import source_checkout
from teiedit.render import render
from teiedit.xmlio import TeieditError, write_atomic


def project_dir(start: Path) -> Path:
    """The folder with tei/: the given one, or the source tree this package was installed from."""
    for candidate in (start, source_checkout()):
        if candidate is not None and (candidate / "tei").is_dir():
            return candidate
    raise TeieditError("no tei/ folder with sources here; run from the project folder or "
                       "pass --project", file=start)


def project_registers(project: Path) -> Registers | None:
    """The project's curated registers (tei/registers/), when it has them."""
    folder = project / "tei" / "registers"
    return Registers.load(folder) if folder.is_dir() else None


def sources(project: Path) -> list[Path]:
    found = sorted((project / "tei").glob("*.txt"))
    if not found:
        raise TeieditError("no source texts (*.txt) in tei/", file=project / "tei")
    return found


@click.command()
@click.option("--project", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="Project folder holding tei/.")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (default: PROJECT/output).")
def build(project: Path, output: Path | None) -> None:
    """Encode the article(s) in tei/, validate the editions, render them as HTML and PDF.

    Stops with the validation report if an edition is invalid; lists every file written.
    """
    try:
        root = project_dir(project)
        out = output or root / "output"
        registers = project_registers(root)
        editions = []
        for source in sources(root):
            diag = Diagnostics(str(source))
            data = encode_file(source, metadata=metadata_beside(source), diag=diag,
                               registers=registers)
            for w in diag.report():
                click.echo(w, err=True)
            editions.append(write_atomic(out / f"{source.stem}.xml", data))
        report_stage("encode", editions)
        require_valid(editions)
        click.echo(f"validate: {len(editions)} edition(s) valid against the project's schemas")
        for edition in editions:
            report_stage("render", render(edition, {"html", "pdf"}, out))
    except TeieditError as e:
        fail(e)


def report_stage(stage: str, written: list[Path]) -> None:
    click.echo(f"{stage}: wrote")
    for path in written:
        click.echo(f"  {path}")
