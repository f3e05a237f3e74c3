"""`teiedit registers …` (check, accept proposals) and `teiedit eval EDITION GOLD`."""

from __future__ import annotations

from pathlib import Path

import click

from teiedit.enrich.evaluate import (
    by_recogniser,
    edition_items,
    evaluate,
    read_gold,
    recogniser_lines,
    report_lines,
)
from teiedit.enrich.proposals import accept
from teiedit.enrich.registers import Registers
from teiedit.errors import fail
from teiedit.xmlio import TeieditError


@click.group("registers")
def registers_group() -> None:
    """Curated registers of persons, organisations and places (TEI files in a directory)."""


@registers_group.command("check")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def check_command(directory: Path) -> None:
    """Load DIRECTORY's registers: malformed files, duplicate ids and dangling references
    are errors."""
    try:
        regs = Registers.load(directory)
    except TeieditError as e:
        fail(e)
    kinds = {k: sum(1 for e in regs.entries.values() if e.kind == k)
             for k in ("person", "org", "place")}
    click.echo(f"{directory}: {kinds['person']} persons, {kinds['org']} organisations, "
               f"{kinds['place']} places; sha256 {regs.digest[:16]}")


@registers_group.command("propose")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--registers", "directory", type=click.Path(file_okay=False, path_type=Path),
              help="Register directory (default: none; everything recognised is proposed).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the review file (TEI standOff of proposed entries).")
def propose_command(source: Path, directory: Path | None, output: Path) -> None:
    """Encode SOURCE, tag what the registers know, and write the names they do not know as
    proposed entries for review; ambiguous names are listed on standard error."""
    from teiedit.encode.command import encode_tree
    from teiedit.enrich import Report, write_review

    try:
        regs = Registers.load(directory) if directory else None
        report = Report()
        encode_tree(source, registers=regs, report=report)
        write_review(report, regs, output)
    except TeieditError as e:
        fail(e)
    for w in report.warnings():
        click.echo(f"{source}: warning: {w}", err=True)
    click.echo(f"wrote {len(report.proposals)} proposed entries to {output}", err=True)


@registers_group.command("accept")
@click.argument("proposals", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--registers", "directory", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Register directory to merge the proposals into.")
@click.option("--id", "ids", multiple=True, help="Accept only these entries (repeatable).")
def accept_command(proposals: Path, directory: Path, ids: tuple[str, ...]) -> None:
    """Merge the reviewed PROPOSALS file (written by `encode --registers`) into the registers:
    new entries are appended, known ids gain the new name forms."""
    try:
        added, forms = accept(proposals, directory, set(ids) if ids else None)
    except TeieditError as e:
        fail(e)
    click.echo(f"accepted {added} new entries and {forms} new name forms into {directory}")


@click.command("eval")
@click.argument("edition", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
def eval_command(edition: Path, gold: Path) -> None:
    """Score EDITION's names, dates and citations against the GOLD annotation (TSV):
    precision, recall and F1 per type, entity-linking and date-normalization accuracy, and
    per name recogniser (registers, model, rules: its precision and its share of the gold
    names, each matched against what the ones before it left)."""
    by: dict = {}
    try:
        gold_items = read_gold(gold)
        result = evaluate(edition_items(edition, by), gold_items)
    except TeieditError as e:
        fail(e)
    for line in [*report_lines(result), *recogniser_lines(by_recogniser(by, gold_items))]:
        click.echo(line)
