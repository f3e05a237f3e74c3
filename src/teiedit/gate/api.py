"""`teiedit.validate(...)`: the Python API, which the `teiedit validate` command also uses."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from teiedit import __version__
from teiedit.gate.batch import DEFAULT_TIMEOUT, default_jobs, expand_inputs, run
from teiedit.gate.check import Checker
from teiedit.gate.profiles import load_profile
from teiedit.gate.results import FileResult, Report, SchemaWarning
from teiedit.gate.schemas import Engine, default_schemas, load_engines, schema_path
from teiedit.xmlio import MAX_BYTES, MAX_DEPTH, TeieditError


def make_checker(schemas: Iterable[str | Path] | None = None, *, profile: str | None = None,
                 phase: str = "", xinclude: bool = False, xml_model: bool = False,
                 prune: bool = True, odd_source: str | Path | None = None,
                 on_warning: Callable[[TeieditError], None] | None = None,
                 strict: bool = False) -> tuple[Checker, str]:
    """The compiled checker for a run, and the profile ident ("" without a profile).

    Schemas come from the profile, else from `schemas`, else (unless only xml-model PIs
    are to be used) the project's default schemas. Raises TeieditError for any schema or
    profile problem, before any file is read; the ODD compiler's warnings go to
    `on_warning`, and with `strict` make the run a TeieditError after them (also, per
    file, for the ODDs of xml-model PIs).
    """
    engines: list[Engine] = []
    source = Path(odd_source) if odd_source else None
    limits = {"max_bytes": MAX_BYTES, "max_depth": MAX_DEPTH}
    ident = ""
    if profile:
        prof = load_profile(profile)
        ident = prof.ident
        limits = {"max_bytes": prof.max_bytes, "max_depth": prof.max_depth}
        for pinned in prof.schemas:
            engines += load_engines(pinned.path, phase=pinned.phase or phase, prune=prune,
                                    expected_sha256=pinned.sha256, odd_source=source,
                                    on_warning=on_warning, strict=strict)
    schema_list = list(schemas or [])
    if not profile and not schema_list and not xml_model:
        schema_list = default_schemas()
    for s in schema_list:
        engines += load_engines(Path(s), phase=phase, prune=prune, odd_source=source,
                                on_warning=on_warning, strict=strict)
    checker = Checker(engines, xinclude=xinclude, xml_model=xml_model, strict=strict,
                      **limits)
    checker.prepare()
    return checker, ident


def validate(inputs: Iterable[str | Path], schemas: Iterable[str | Path] | None = None, *,
             profile: str | None = None, phase: str = "", jobs: int | None = None,
             xinclude: bool = False, xml_model: bool = False, prune: bool = True,
             odd_source: str | Path | None = None, timeout: float = DEFAULT_TIMEOUT,
             scheduler: str | None = None, strict: bool = False,
             on_result: Callable[[FileResult], None] | None = None,
             on_warning: Callable[[TeieditError], None] | None = None) -> Report:
    """Validate files/directories ('-' = standard input) and return a structured Report.

    A bad *file* never raises: it becomes a FileResult with problems (also one that takes
    longer than `timeout` seconds, 0 for no limit). `scheduler`: run the batch on a Dask
    cluster at this address ("local": a local one of `jobs` workers). The warnings of an
    ODD's compile (file:line) go to `on_warning`, once each, also for the ODDs of xml-model
    PIs (compiled where the files are checked); `strict` makes them errors: of the run for
    the ODDs of `schemas` and `profile`, of each file for those of its xml-model PIs. A bad
    *schema*, profile or input path raises TeieditError (the command's exit code 2).
    """
    files = expand_inputs(str(i) for i in inputs)
    checker, ident = make_checker(schemas, profile=profile, phase=phase, xinclude=xinclude,
                                  xml_model=xml_model, prune=prune, odd_source=odd_source,
                                  on_warning=on_warning, strict=strict)
    on_result = _reporting_schema_warnings(on_result, on_warning)
    if scheduler:
        from teiedit.gate.cluster import run_on_cluster

        spec = {"schemas": [str(schema_path(s).resolve()) for s in schemas or []],
                "profile": profile,
                "phase": phase, "xinclude": xinclude, "xml_model": xml_model, "prune": prune,
                "odd_source": str(odd_source) if odd_source else None, "strict": strict}
        results = run_on_cluster(spec, files, address=scheduler, jobs=jobs or default_jobs(),
                                 timeout=timeout, on_result=on_result)
    else:
        results = run(checker, files, jobs=jobs or default_jobs(), timeout=timeout,
                      on_result=on_result)
    return Report(files=results, schemas=[e.info for e in checker.engines], profile=ident,
                  version=__version__)


def _reporting_schema_warnings(on_result: Callable[[FileResult], None] | None,
                               on_warning: Callable[[TeieditError], None] | None
                               ) -> Callable[[FileResult], None] | None:
    """`on_result`, giving first each schema warning a result brings to `on_warning`, once
    per run (every worker process compiles an xml-model ODD for itself)."""
    if on_warning is None:
        return on_result
    seen: set[SchemaWarning] = set()

    def arrived(result: FileResult) -> None:
        for w in result.schema_warnings:
            if w not in seen:
                seen.add(w)
                on_warning(TeieditError(w.message, file=w.file, line=w.line))
        if on_result:
            on_result(result)
    return arrived
