"""Where the gate finds its data, the project's default schemas and its cache."""

from __future__ import annotations

import os
from pathlib import Path

from teiedit.locations import PACKAGE_DATA, data_dir

DATA_DIR = PACKAGE_DATA / "gate"
DEFAULT_SCHEMA_DIR = data_dir("schema")
# The project's compiled customization (issue 3): RELAX NG + Schematron, and XSD.
DEFAULT_SCHEMA_NAMES = ("teiedit.rng", "teiedit.sch", "teiedit.xsd")


def cache_dir() -> Path | None:
    """$TEIEDIT_CACHE, else $XDG_CACHE_HOME/teiedit, else ~/.cache/teiedit; None if unusable."""
    base = os.environ.get("TEIEDIT_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "teiedit")
    path = Path(base)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None
