"""`teiedit validate`: the submission gate's command line (a thin layer over the API)."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

import click

from teiedit.errors import error_line
from teiedit.gate.api import validate
from teiedit.gate.batch import DEFAULT_TIMEOUT, default_jobs, expand_inputs
from teiedit.gate.formats import FORMATS, to_text
from teiedit.xmlio import TeieditError, writable_folder, write_atomic


@click.command("validate")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--schema", "schemas", multiple=True, metavar="PATH",
              help="RELAX NG (.rng), XML Schema (.xsd), ISO Schematron (.sch) or TEI ODD "
                   "(.odd); repeatable. Default: the project's schemas in schema/.")
@click.option("--profile", metavar="NAME@VERSION",
              help="A pinned acceptance profile (schemas with hashes, phases, limits), "
                   "or the path of its .json file.")
@click.option("--odd-source", type=click.Path(exists=True, dir_okay=False), default=None,
              help="The TEI source (p5subset.xml) that an ODD given with --schema draws on.")
@click.option("--phase", default="", help="Schematron phase to run (default: the schema's).")
@click.option("--xml-model", is_flag=True,
              help="Also apply the schemas named by each document's <?xml-model?> PIs.")
@click.option("--xinclude", is_flag=True,
              help="Expand XIncludes (relative local files inside the document's folder).")
@click.option("--format", "fmt", type=click.Choice(["text", *FORMATS]), default="text",
              show_default=True, help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the report to this file instead of standard output.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Parallel workers (default: number of CPUs).")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT,
              show_default=True, metavar="SECONDS",
              help="Time budget per file; a file over it gets one error and the batch goes "
                   "on (0: no limit).")
@click.option("--scheduler", is_flag=False, flag_value="local", default=None,
              metavar="ADDRESS",
              help="Run the batch on the Dask cluster at ADDRESS (tcp://host:8786); alone, "
                   "on a local cluster of --jobs workers. Needs dask.distributed.")
@click.option("--strict", is_flag=True,
              help="The ODD compiler's warnings are errors: exit 2 for an ODD given with "
                   "--schema or a profile; an error of the file for an xml-model PI's ODD.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing; only the exit code counts.")
@click.option("--color/--no-color", default=None,
              help="Colour the text report (default: when writing to a terminal).")
def validate_command(inputs: tuple[str, ...], schemas: tuple[str, ...], profile: str | None,
                     odd_source: str | None, phase: str, xml_model: bool, xinclude: bool, fmt: str,
                     output: str | None, jobs: int | None, timeout: float, scheduler: str | None,
                     strict: bool, quiet: bool,
                     color: bool | None) -> None:
    """Check TEI files, folders (*.xml, recursively) or '-' (stdin) against schemas.

    Exit status: 0 all files valid, 1 some invalid, 2 usage, schema, profile or
    environment error (no files to check, a report that cannot be written).
    """
    try:
        if output:      # a missing folder is more likely a typo than a wish
            writable_folder(Path(output).resolve().parent, create=False)
        files = expand_inputs(inputs)
        bar_ctx = (click.progressbar(length=len(files), label="validating", file=sys.stderr)
                   if sys.stderr.isatty() and not quiet and len(files) > 1 else nullcontext())
        with bar_ctx as bar:
            report = validate(files, schemas, profile=profile, phase=phase,
                              odd_source=odd_source,
                              jobs=jobs or default_jobs(), xinclude=xinclude,
                              xml_model=xml_model, timeout=timeout, scheduler=scheduler,
                              strict=strict,
                              on_result=(lambda _r: bar.update(1)) if bar else None,
                              on_warning=None if quiet else lambda w: click.echo(
                                  error_line(w, "error" if strict else "warning"), err=True))
        if not quiet:
            if fmt == "text":
                colour = color if color is not None else (output is None
                                                          and sys.stdout.isatty())
                text = to_text(report, colour=bool(colour))
            else:
                text = FORMATS[fmt](report)
            if output:
                write_atomic(output, text)
            else:
                click.echo(text, nl=False)
    except TeieditError as e:       # schemas, profile, inputs, the report's file
        if not quiet:
            click.echo(error_line(e), err=True)
        sys.exit(2)
    sys.exit(0 if report.ok else 1)
