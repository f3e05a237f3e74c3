"""Shared test fixtures: paths to the project and to the TEI reference data in ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The team's shared reference data (TEI P5 schemas, seed text); CI checks it out beside us."""
    if not (SHARED / "tei-p5" / "tei_all.rng").exists():
        pytest.skip(f"reference data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def tei_all_rng(shared_dir: Path):
    """The official tei_all RELAX NG, compiled once per test session (it takes ~8 s)."""
    from lxml import etree

    return etree.RelaxNG(etree.parse(str(shared_dir / "tei-p5" / "tei_all.rng")))
