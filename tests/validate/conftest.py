"""Fixtures for the gate's tests: the sample files and small schemas in samples/."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def mini_schemas() -> list[str]:
    """A tiny RELAX NG + Schematron pair for the `doc/p` vocabulary in urn:x."""
    return [str(SAMPLES / "schemas" / "mini.rng"), str(SAMPLES / "schemas" / "mini.sch")]


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Each test session gets its own compile cache, never the user's."""
    monkeypatch.setenv("TEIEDIT_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))
