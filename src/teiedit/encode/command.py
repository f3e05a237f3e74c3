"""`teiedit encode`: extracted article text → TEI P5."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

import click
from lxml import etree

from teiedit.encode.pdf import is_pdf, read_pdf
from teiedit.encode.pipeline import encode_source
from teiedit.encode.source import Diagnostics, parse_source, source_bytes
from teiedit.enrich import Report, enrich, finish, write_review
from teiedit.enrich.registers import Registers
from teiedit.enrich.scripts import mark_misprints
from teiedit.enrich.statistical import NameModels, shipped_models
from teiedit.errors import fail
from teiedit.serialize.tei import declare_languages, serialize, to_tree
from teiedit.xmlio import TeieditError, write_atomic


def encode_tree(source: Path, *, lang: str = "en", keep_lines: bool = True,
                metadata: Path | None = None, names: bool = True,
                registers: Registers | None = None, report: Report | None = None,
                diag: Diagnostics | None = None, encoding: str | None = None,
                models: NameModels | None = None, use_model: bool = True) -> etree._ElementTree:
    """Encode one source file ('-': standard input): structure, then (unless `names` is off)
    enrichment, with `models` or, unless `use_model` is off, the name models the package
    ships."""
    diag = diag or Diagnostics(source_name(source))
    data, name = source_bytes(source)
    pdf = read_pdf(data, name, diag) if is_pdf(data) else None
    text = pdf.source if pdf else parse_source(data, name, diag, encoding)
    doc = encode_source(text, diag, lang=lang, keep_lines=keep_lines, metadata=metadata,
                        read=pdf)
    if names:
        report = report if report is not None else Report()
        if models is None and use_model:
            models = NameModels(shipped_models())
        enrich(doc, registers, report, models if use_model else None)
        for warning in report.warnings():
            diag.warn(warning)
    else:
        for flow in doc.inlines():
            mark_misprints(flow)
    tree = to_tree(doc)
    finish(tree, doc)
    declare_languages(tree)
    return tree


def encode_file(source: Path, **options) -> bytes:
    """Encode one source file and return the TEI document as UTF-8 bytes."""
    return serialize(encode_tree(source, **options))


def known_encoding(name: str | None) -> str | None:
    """An encoding Python knows, or a usage error (exit 2)."""
    if name is not None:
        try:
            codecs.lookup(name)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {name!r}") from None
    return name


def source_name(source: Path) -> str:
    return "<stdin>" if str(source) == "-" else str(source)


def metadata_beside(source: Path) -> Path | None:
    """The edition's metadata file, SOURCE.toml, when there is one."""
    if str(source) == "-":
        return None
    candidate = source.with_suffix(".toml")
    return candidate if candidate.is_file() else None


@click.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the TEI (default: standard output).")
@click.option("--lines/--no-lines", default=True, show_default=True,
              help="Keep the source's line breaks as <lb/>.")
@click.option("--lang", default="en", show_default=True, help="Language of the article's body.")
@click.option("--metadata", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="TOML file with what the text does not say (licence, DOI…). "
                   "Default: SOURCE.toml beside the source, if present.")
@click.option("--names/--no-names", default=True, show_default=True,
              help="Enrich: persons, organisations, places, dates, citations, quotations.")
@click.option("--registers", type=click.Path(file_okay=False, path_type=Path),
              help="Register folder (persons.xml, orgs.xml, places.xml) to link names to.")
@click.option("--review", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write proposed register entries for names the registers do not "
                   "know (default with --registers and -o: OUT.proposals.xml).")
@click.option("--encoding", callback=lambda _c, _p, v: known_encoding(v),
              help="The source's character encoding (default: UTF-8 or UTF-16 with a byte "
                   "order mark, else decided from the text).")
@click.option("--model", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Name model folder (made by `teiedit ner train`) for the --lang text, "
                   "instead of the shipped one.")
@click.option("--no-model", is_flag=True, help="No statistical name model: registers and "
                                               "rules only.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit code 1).")
def encode(source: Path, output: Path | None, lines: bool, lang: str, metadata: Path | None,
           names: bool, registers: Path | None, review: Path | None, encoding: str | None,
           model: Path | None, no_model: bool, strict: bool) -> None:
    """Encode SOURCE, an article's text extracted from its PDF or the PDF itself (known by
    its first bytes), as TEI P5 ('-' reads standard input).

    Warnings (what was recovered or not found) go to standard error.
    """
    diag = Diagnostics(source_name(source))
    report = Report()
    if registers and output and not review:
        review = output.with_suffix(".proposals.xml")
    try:
        regs = Registers.load(registers) if registers else None
        models = NameModels({**shipped_models(), lang.split("-")[0]: model}) if model else None
        data = serialize(encode_tree(source, lang=lang, keep_lines=lines,
                                     metadata=metadata or metadata_beside(source), names=names,
                                     registers=regs, report=report, diag=diag,
                                     encoding=encoding, models=models,
                                     use_model=not no_model))
    except TeieditError as e:
        fail(e)
    for w in diag.report():
        click.echo(w, err=True)
    if strict and diag.warnings:
        fail(TeieditError(f"{len(diag.warnings)} warning(s) with --strict; nothing written",
                          file=source_name(source)))
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        write_atomic(output, data)
        click.echo(f"wrote {output}", err=True)
    if review and names:
        write_review(report, regs, review)
        click.echo(f"wrote {len(report.proposals)} proposed register entries to {review}",
                   err=True)
