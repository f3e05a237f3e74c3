"""`teiedit build`: every stage that exists, on every source in the project's tei/ folder."""

from __future__ import annotations

from pathlib import Path

import click

from teiedit.encode.command import encode_file, metadata_beside
from teiedit.encode.source import Diagnostics
from teiedit.enrich.registers import Registers
from teiedit.errors import fail
from teiedit.gate.edition import require_valid
from teiedit.locations import source_checkout
from teiedit.render import render
from teiedit.xmlio import TeieditError, UsageError, writable_folder, write_atomic


def project_dir(given: Path | None) -> Path:
    """The folder with tei/: the one given with --project (which must have it), else the
    current folder or the source tree this package was installed from."""
    candidates = [given] if given is not None else [Path("."), source_checkout()]
    for candidate in candidates:
        if candidate is not None and (candidate / "tei").is_dir():
            return candidate
    raise UsageError("no tei/ folder with sources here; run from the project folder or "
                     "pass --project", file=given or Path("."))


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
@click.option("--project", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Project folder holding tei/ (default: the current folder, else the "
                   "source tree teiedit was installed from).")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (default: PROJECT/output).")
def build(project: Path | None, output: Path | None) -> None:
    """Encode the article(s) in tei/, validate the editions, render them as HTML and PDF.

    Stops with the validation report if an edition is invalid; lists every file written.
    """
    try:
        root = project_dir(project)
        out = writable_folder(output or root / "output")
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
