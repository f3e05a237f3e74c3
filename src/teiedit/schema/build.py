"""Compile one ODD into every output file, in memory, so an error leaves nothing written."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from teiedit.locations import data_dir, is_installed_data
from teiedit.schema.html import write_html
from teiedit.schema.odd import compile_odd
from teiedit.schema.rng import write_rng
from teiedit.schema.sch import write_schematron
from teiedit.schema.xsd import XML_XSD, NotDeterministic, write_xsd
from teiedit.xmlio import TeieditError

# schema/ of the source checkout, or the copy a wheel carries (teiedit.locations)
DEFAULT_ODD = data_dir("schema") / "teiedit.odd"


def output_dir(odd: Path, out_dir: Path | None) -> Path:
    """`out_dir`, else the ODD's folder, unless that is inside an installed package."""
    if out_dir is not None:
        return out_dir
    if is_installed_data(odd):
        raise TeieditError("this teiedit is installed without its source tree, and the ODD is "
                           "the copy inside the package; pass -o/--output DIR for the compiled "
                           "schemas, or run `teiedit schema build` in a checkout of teiedit",
                           file=odd)
    return odd.parent


def output_names(stem: str) -> dict[str, str]:
    """File names of the compiled outputs for an ODD whose file stem is `stem`."""
    return {"rng": f"{stem}.rng", "sch": f"{stem}.sch", "xsd": f"{stem}.xsd",
            "xml_xsd": f"{stem}-xml.xsd", "html": f"{stem}-reference.html"}


class Built(NamedTuple):
    files: dict[str, bytes]       # by file name
    warnings: list[TeieditError]  # file:line, what odd2odd would ignore silently
    read: list[Path]              # every file the compile read (for caches to key on)


def build(odd: str | Path, source: str | Path | None) -> Built:
    """All compiled files for `odd`, the warnings of the build and the files it read;
    raises TeieditError before anything exists."""
    schema = compile_odd(odd, source)
    names = output_names(Path(odd).stem)
    warnings = list(schema.warnings)
    files = {names["rng"]: write_rng(schema), names["sch"]: write_schematron(schema)}
    try:
        files[names["xsd"]] = write_xsd(schema, names["xml_xsd"])
        files[names["xml_xsd"]] = XML_XSD.encode("utf-8")
    except NotDeterministic as e:
        # a TEI spec made ambiguous by this ODD's deletions: point at the ODD, name the spec
        here = dict(file=e.file, line=e.line) if e.file == schema.file else dict(
            file=schema.file, line=schema.line)
        origin = "" if e.file == schema.file else f" (as this customization leaves the " \
            f"spec at {Path(e.file).name}:{e.line})"
        warnings.append(TeieditError(f"no XSD written{origin}: {e.message}", **here))
    files[names["html"]] = write_html(schema)
    return Built(files, warnings, schema.read)
