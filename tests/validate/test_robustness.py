"""Broken files get one clear per-file error with a location; encodings are honoured."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from teiedit.cli import main
from teiedit.gate import validate

BROKEN = {
    "not-xml.xml": ("this is not XML", 1),
    "binary.xml": ("this is not XML", 1),
    "empty.xml": ("file is empty", None),
    "whitespace-and-bom.xml": ("file is empty", None),
    "wrong-encoding.xml": ("the bytes do not match the document's encoding", 3),
    "unknown-encoding.xml": ("Unsupported encoding", 1),
    "truncated.xml": ("not well-formed XML", 2),
}
WELL_FORMED = ["bom-utf8.xml", "utf16-le-bom.xml", "utf16-be-bom.xml", "latin1-declared.xml"]


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_file_gets_one_clear_error(samples, mini_schemas, name):
    report = validate([str(samples / "broken" / name)], mini_schemas, jobs=1)
    [p] = report.files[0].problems
    text, line = BROKEN[name]
    assert text in p.message and p.line == line and p.engine == "xml"


@pytest.mark.parametrize("name", WELL_FORMED)
def test_boms_utf16_and_declared_encodings_are_read(samples, mini_schemas, name):
    report = validate([str(samples / "broken" / name)], mini_schemas, jobs=1)
    assert report.ok, report.files[0].problems


def test_utf16_problem_columns_are_in_characters(samples, tmp_path):
    doc = tmp_path / "u16.xml"
    doc.write_bytes('<doc xmlns="urn:x">\n  <p>é</p> <q/>\n</doc>\n'.encode("utf-16"))
    report = validate([str(doc)], [str(samples / "schemas" / "mini.rng")], jobs=1)
    [p] = report.files[0].problems
    assert (p.line, p.column) == (2, 12)


def test_one_broken_file_does_not_stop_the_batch(samples, mini_schemas):
    files = [str(samples / "broken" / "not-xml.xml"), str(samples / "mini" / "valid.xml")]
    report = validate(files, mini_schemas, jobs=2)
    assert [f.valid for f in report.files] == [False, True]


def test_cli_never_shows_a_traceback_for_broken_files(samples, mini_schemas):
    args = ["validate", "-j", "1", "--schema", mini_schemas[0], str(samples / "broken")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "11 files, 4 valid, 7 invalid, 7 errors" in result.output
