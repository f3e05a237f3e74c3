"""ODDs that TEI projects publish (../shared/corpora/odds): each one the official toolchain
compiles compiles here as published, jing (without -i) loads our RELAX NG and gives the
labelled verdict on every instance, and lxml agrees with jing.

Each ODD is compiled once per session; jing runs in one JVM (schema_helpers.Jing).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree
from schema_helpers import jing

from teiedit.schema.build import build, output_names
from teiedit.schema.odd import compile_odd

# folder -> the ODD to compile; the official toolchain compiles these
COMPILED = {"epidoc": "tei-epidoc.xml", "teipublisher-teilite": "teilite.odd",
            "dracor": "dracor.odd", "teipublisher-odds": "teipublisher_odds.odd"}


@pytest.fixture(scope="session")
def corpus(shared_dir: Path) -> Path:
    return shared_dir / "corpora" / "odds"


@pytest.fixture(scope="session")
def built(corpus: Path, p5subset: Path, tmp_path_factory) -> dict[str, tuple[Path, list]]:
    """Every compilable corpus ODD built once: folder -> (our RELAX NG, warnings)."""
    out = {}
    for folder, odd in COMPILED.items():
        target = tmp_path_factory.mktemp(folder)
        files, warnings, _ = build(corpus / folder / odd, p5subset)
        for name, data in files.items():
            (target / name).write_bytes(data)
        out[folder] = (target / output_names(Path(odd).stem)["rng"], warnings)
    return out


def _instances(corpus: Path, folder: str) -> dict[Path, bool]:
    labels = json.loads((corpus / folder / "labels.json").read_text(encoding="utf-8"))
    return {corpus / folder / "instances" / name: ok for name, ok in sorted(labels.items())}


def _parse(path: Path) -> etree._ElementTree:
    """An instance as jing sees it: XIncludes applied (their fallback where the file is
    missing), IDs not collected by the parser (duplicates are the validator's business)."""
    tree = etree.parse(str(path), etree.XMLParser(collect_ids=False))
    tree.xinclude()
    return tree


@pytest.mark.parametrize("folder", sorted(COMPILED))
def test_jing_without_dash_i_gives_the_labelled_verdicts(folder, corpus, built):
    rng, _ = built[folder]
    labels = _instances(corpus, folder)
    errors = jing().errors(rng, list(labels))
    assert str(rng) not in errors, f"jing refuses the schema: {errors[str(rng)][:3]}"
    differ = {p.name: (ok, errors.get(str(p), [])[:1]) for p, ok in labels.items()
              if ok == (str(p) in errors)}
    assert not differ, differ
    assert any(labels.values()) and not all(labels.values())


@pytest.mark.parametrize("folder", sorted(COMPILED))
def test_lxml_agrees_with_the_labels(folder, corpus, built):
    rng, _ = built[folder]
    validator = etree.RelaxNG(etree.parse(str(rng)))
    differ = [p.name for p, ok in _instances(corpus, folder).items()
              if validator.validate(_parse(p)) != ok]
    assert not differ, differ


def test_names_the_tei_source_lacks_are_warnings_at_their_odd_line(corpus, built):
    """EpiDoc names elements and a class of a later TEI release; odd2odd ignores them."""
    _, warnings = built["epidoc"]
    odd = str(corpus / "epidoc" / "tei-epidoc.xml")
    named = [(w.file, w.line, w.message.split("'")[-2]) for w in warnings
             if w.file == odd and w.message.endswith("ignored")]
    assert named == [(odd, 208, "charName"), (odd, 208, "unicodeName"),
                     (odd, 213, "geoFeat"), (odd, 213, "relationGrp"),
                     (odd, 698, "att.responsibility")]


def test_a_datatype_key_naming_nothing_leaves_free_text_with_a_warning(built, corpus):
    _, warnings = built["dracor"]
    dropped = [(Path(w.file).name, w.line) for w in warnings if "value is free text" in w.message]
    assert dropped == [("dracor.odd", 5832), ("dracor.odd", 6586)]


def test_an_xincluded_spec_is_reported_in_its_own_file(corpus, p5subset):
    """TEI Simple's XIncluded header specs refer to charProp, absent from P5 4.8.0: ignored
    with a warning that names the included file and line (the official odd2odd stops)."""
    schema = compile_odd(corpus / "teisimple" / "teisimple.odd", p5subset)
    named = [(Path(w.file).name, w.line) for w in schema.warnings if "'charProp'" in w.message]
    assert named == [("headerelements.xml", 12)]
