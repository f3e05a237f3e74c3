"""Word lists and patterns of the enrichment stage live in src/teiedit/data/enrich/."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


def data_text(name: str) -> str:
    return files("teiedit").joinpath("data", "enrich", name).read_text(encoding="utf-8")


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file."""
    return tuple(line.strip() for line in data_text(name).splitlines()
                 if line.strip() and not line.lstrip().startswith("#"))
