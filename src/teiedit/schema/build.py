"""Compile one ODD into every output file, in memory, so an error leaves nothing written."""

from __future__ import annotations

from pathlib import Path

from teiedit.schema.odd import compile_odd
from teiedit.schema.rng import write_rng
from teiedit.schema.sch import write_schematron

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_ODD = ROOT / "schema" / "teiedit.odd"


def output_names(stem: str) -> dict[str, str]:
    """File names of the compiled outputs for an ODD whose file stem is `stem`."""
    return {"rng": f"{stem}.rng", "sch": f"{stem}.sch"}


def build_outputs(odd: str | Path, source: str | Path | None) -> dict[str, bytes]:
    """All compiled files for `odd`, by file name; raises TeieditError before anything exists."""
    schema = compile_odd(odd, source)
    names = output_names(Path(odd).stem)
    return {names["rng"]: write_rng(schema), names["sch"]: write_schematron(schema)}
