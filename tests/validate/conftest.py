"""Fixtures for the gate's tests: the sample files and small schemas in samples/."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from teiedit.gate.check import Checker

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


@pytest.fixture
def batch(samples, tmp_path, monkeypatch):
    """valid.xml, stuck.xml (never finishes: like libxml2 on a pathological input, and
    independent of the machine's speed), valid-again.xml."""
    original = Checker.check_bytes

    def check_bytes(self, data, path):
        if path.endswith("stuck.xml"):
            threading.Event().wait()          # like libxml2 on a pathological grammar
        return original(self, data, path)

    monkeypatch.setattr(Checker, "check_bytes", check_bytes)
    valid = (samples / "mini" / "valid.xml").read_bytes()
    names = ["valid.xml", "stuck.xml", "valid-again.xml"]
    for name in names:
        (tmp_path / name).write_bytes(valid)
    return [str(tmp_path / n) for n in names]
