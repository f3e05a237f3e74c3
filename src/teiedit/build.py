"""`teiedit build`: every stage that exists, on every source in the project's tei/ folder."""

from __future__ import annotations

from pathlib import Path

import click

from teiedit.encode.command import encode_file, fail, metadata_beside
from teiedit.encode.source import Diagnostics
from teiedit.enrich.registers import Registers
from teiedit.xmlio import TeieditError, write_atomic


def project_dir(start: Path) -> Path:
    """The folder with tei/: the given one, or the source tree this package was installed from."""
    for candidate in (start, Path(__file__).resolve().parents[2]):
        if (candidate / "tei").is_dir():
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
    """Encode the bundled article(s) in tei/ and write the editions to output/."""
    try:
        root = project_dir(project)
        out = output or root / "output"
        written = []
        for source in sources(root):
            diag = Diagnostics(str(source))
            data = encode_file(source, metadata=metadata_beside(source), diag=diag,
                               registers=project_registers(root))
            for w in diag.report():
                click.echo(w, err=True)
            written.append(write_atomic(out / f"{source.stem}.xml", data))
    except TeieditError as e:
        fail(e)
    click.echo("encode: wrote")
    for path in written:
        click.echo(f"  {path}")
