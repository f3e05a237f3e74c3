"""Against the official toolchain: our RELAX NG and the TEI Stylesheets' RELAX NG of the same
ODD accept and reject the same generated documents; and what our customization accepts,
tei_all accepts too.

Reference validation uses jing (the TEI's own validator; libxml2 takes seconds or hangs on
some of the official grammars). CI installs it; without it these tests are skipped.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess

import pytest
from schema_helpers import SCHEMA, checked_rng
from schema_instances import Generator, mutations

from teiedit.schema.odd import compile_odd
from teiedit.schema.rng import write_rng

# ODDs in ../shared/tei-p5/odd-reference/ whose features the compiler supports (README lists
# the others and why).
SUPPORTED = ["test-pure", "test-pure2", "testClass", "test", "testdrama", "test30", "test33",
             "test34", "test35"]
SEEDS = 12


def _corpus(schema, rng, folder):
    """Generated documents and broken variants, written to `folder`; our verdict for each."""
    verdicts = {}
    for seed in range(SEEDS):
        gen = Generator(schema, seed, max_depth=3, att_rate=0.05)
        doc = gen.document(schema.start[seed % len(schema.start)])
        variants = [("gen", doc), *mutations(doc, schema, random.Random(seed))]
        for k, (kind, d) in enumerate(variants):
            path = folder / f"{seed}-{k}-{kind}.xml"
            d.write(str(path))
            verdicts[str(path)] = rng.validate(d)
    return verdicts


def _jing_rejects(rng_path, files) -> set[str]:
    out = subprocess.run(["jing", "-i", str(rng_path), *files], capture_output=True, text=True,
                         check=False).stdout
    return {m.group(1) for m in re.finditer(r"^(.+?\.xml):\d+:\d+: error", out, re.M)}


@pytest.mark.skipif(shutil.which("jing") is None, reason="jing is not installed")
@pytest.mark.parametrize("name", SUPPORTED)
def test_same_verdicts_as_the_official_rng(name, shared_dir, p5subset, tmp_path):
    ref = shared_dir / "tei-p5" / "odd-reference"
    schema = compile_odd(ref / f"{name}.odd", p5subset)
    ours = checked_rng(write_rng(schema), tmp_path)
    verdicts = _corpus(schema, ours, tmp_path)
    rejected = _jing_rejects(ref / f"{name}.rng", list(verdicts))
    differ = [f for f, ok in verdicts.items() if ok == (f in rejected)]
    assert not differ, f"verdicts differ on {differ[:5]}"
    assert any(verdicts.values()) and not all(verdicts.values()), "need both outcomes"


def test_documents_valid_against_the_customization_are_valid_against_tei_all(
        p5subset, project_rng, tei_all_rng):
    schema = compile_odd(SCHEMA / "teiedit.odd", p5subset)
    accepted = 0
    for seed in range(100):
        doc = Generator(schema, seed, max_depth=7, att_rate=0.3).document("TEI")
        if project_rng.validate(doc):
            accepted += 1
            assert tei_all_rng.validate(doc), (seed, tei_all_rng.error_log)
    assert accepted >= 20
