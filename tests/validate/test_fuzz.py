"""Fuzzing the read-and-report path: random and mutated documents never crash it."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teiedit.gate.api import make_checker
from teiedit.gate.formats import FORMATS, to_text
from teiedit.gate.results import Report

SAMPLES = Path(__file__).parent / "samples"
SEED = (SAMPLES / "mini" / "invalid.xml").read_bytes()
TOKENS = [b"<", b">", b"</p>", b"<p>", b"&", b"&amp;", b"<!DOCTYPE doc [", b"<!ENTITY e 'x'>",
          b"]>", b"<?xml version='1.0' encoding='UTF-16'?>", b"\xef\xbb\xbf", b"\xff\xfe",
          b"<![CDATA[", b"]]>", b"<!--", b"-->", b'n="', b"\x00", b"\xc3", b"\n", b"xmlns='urn:x'"]


@cache
def checker():
    """Compiled on first use, inside a test (so in the tests' private cache)."""
    return make_checker([SAMPLES / "schemas" / "mini.rng", SAMPLES / "schemas" / "mini.sch"])[0]


def check_and_render(data: bytes) -> None:
    result = checker().check_path("fuzz.xml", data)
    for p in result.problems:
        assert p.severity in ("error", "warning", "info") and p.message
        assert p.line is None or p.line >= 1
        assert p.column is None or p.column >= 1
    report = Report(files=[result], schemas=[e.info for e in checker().engines])
    to_text(report)
    for fmt in FORMATS.values():
        fmt(report)
    json.loads(FORMATS["json"](report))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes(data):
    check_and_render(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SEED)), st.integers(0, 8),
                          st.sampled_from(TOKENS)), max_size=6))
def test_mutated_documents(edits):
    data = SEED
    for pos, cut, token in edits:
        data = data[:pos] + token + data[pos + cut:]
    check_and_render(data)
