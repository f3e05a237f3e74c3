"""Differential testing against jing, the TEI's reference validator, on real TEI from other
projects (../shared/corpora/tei, jing's verdicts in its manifest) and on random mutations
of it: the gate must give the same verdict as jing with tei_all, for every file.

Only the development part of the corpus is used here; the held-out part
(corpus-split.json) is measured by benchmarks/real_tei.py.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teiedit.gate import validate

SPLIT = json.loads((Path(__file__).parent / "corpus-split.json").read_text())


def development_files(corpus: Path) -> dict[str, bool]:
    """Development files and jing's verdict on each, as the gate reads them by default:
    XIncludes not expanded (the manifest's jing run without XInclude, where it had one)."""
    manifest = json.loads((corpus / "manifest.json").read_text())
    verdicts = {}
    for entry in manifest["files"]:
        if entry["file"] in SPLIT["held_out"]:
            continue
        jing = entry["tei_all"].get("without_xinclude_processing") or entry["tei_all"]
        verdicts[entry["file"]] = jing["valid"]
    return verdicts


@pytest.fixture(scope="module")
def corpus(shared_dir) -> Path:
    return shared_dir / "corpora" / "tei"


def test_same_verdict_as_jing_on_every_development_file(corpus, shared_dir):
    verdicts = development_files(corpus)
    report = validate([corpus / f for f in verdicts], [shared_dir / "tei-p5" / "tei_all.rng"],
                      jobs=2, timeout=30)
    ours = {str(Path(r.path).relative_to(corpus)): r.valid for r in report.files}
    assert ours == verdicts


# Mutations a contributor's mistakes resemble: an element renamed, dropped or moved, an
# attribute dropped or given a junk value.
MUTATIONS = ("rename", "drop", "swap", "unattribute", "junk value")
TEI_NAMES = ("p", "div", "head", "hi", "note", "lb", "seg", "title", "name", "date", "list",
             "item", "bibl", "persName", "l", "lg", "ab", "quote", "bogus")


def mutate(data: bytes, choices: list[tuple[str, int, int]]) -> bytes:
    tree = etree.fromstring(data)
    elements = list(tree.iter(etree.Element))
    for kind, at, pick in choices:
        el = elements[at % len(elements)]
        parent = el.getparent()
        if kind == "rename":
            el.tag = f"{{{etree.QName(el).namespace or ''}}}{TEI_NAMES[pick % len(TEI_NAMES)]}"
        elif kind == "drop" and parent is not None:
            parent.remove(el)
            elements = list(tree.iter(etree.Element))
        elif kind == "swap" and parent is not None and len(parent) > 1:
            other = parent[pick % len(parent)]
            if other is not el:
                i, j = parent.index(el), parent.index(other)
                parent.insert(j, el)
                parent.insert(i, other)
        elif kind in ("unattribute", "junk value") and el.attrib:
            name = sorted(el.attrib)[pick % len(el.attrib)]
            if kind == "unattribute":
                del el.attrib[name]
            else:
                el.set(name, " not a value \t")
    return etree.tostring(tree, encoding="UTF-8", xml_declaration=True)


def _jing_invalid(schema: Path, files: list[Path]) -> set[str]:
    out = subprocess.run(["jing", str(schema), *map(str, files)], capture_output=True,
                         text=True, timeout=300).stdout
    return {m.group(1) for m in re.finditer(r"^(.*?):\d+:\d+: (?:fatal|error):", out, re.M)}


@pytest.mark.skipif(shutil.which("jing") is None, reason="jing is not installed")
@settings(max_examples=1, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.tuples(st.sampled_from(MUTATIONS), st.integers(0, 10**6),
                                   st.integers(0, 10**6)), min_size=1, max_size=3),
                min_size=6, max_size=6))
def test_same_verdict_as_jing_on_mutated_development_files(corpus, shared_dir, tmp_path,
                                                          mutations):
    small = sorted((f for f in development_files(corpus)
                    if (corpus / f).stat().st_size < 80_000
                    and b"XInclude" not in (corpus / f).read_bytes()), key=str)
    schema = shared_dir / "tei-p5" / "tei_all.rng"
    files = []
    for n, choices in enumerate(mutations):
        source = corpus / small[(n * 7 + choices[0][1]) % len(small)]
        files.append(tmp_path / f"m{n}-{source.name}")
        files[-1].write_bytes(mutate(source.read_bytes(), choices))
    invalid = _jing_invalid(schema, files)
    report = validate(files, [schema], jobs=2, timeout=30)
    assert {r.path: r.valid for r in report.files} == {str(f): str(f) not in invalid
                                                       for f in files}
