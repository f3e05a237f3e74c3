"""`teiedit validate` on the command line: exit codes, formats, inputs, jobs, quiet."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from lxml import etree

from teiedit.cli import main


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, ["validate", *args], input=input)


def with_schemas(mini_schemas, *args):
    out = []
    for s in mini_schemas:
        out += ["--schema", s]
    return [*out, "-j", "1", *args]


def test_exit_0_when_all_valid(samples, mini_schemas):
    r = run(*with_schemas(mini_schemas, str(samples / "mini" / "valid.xml")))
    assert r.exit_code == 0
    assert r.output.splitlines()[-1] == "1 files, 1 valid, 0 invalid, 0 errors"


def test_exit_1_and_grouped_text_report_when_invalid(samples, mini_schemas):
    r = run(*with_schemas(mini_schemas, str(samples / "mini")))
    assert r.exit_code == 1
    lines = r.output.splitlines()
    assert lines[0].startswith("teiedit ") and "mini.rng (relaxng, sha256 " in lines[0]
    assert lines[1].endswith("invalid.xml: invalid")
    assert lines[2].endswith("invalid.xml:4:3: error: paragraph 3 should be numbered 2 "
                             "[schematron mini.sch numbers/n-in-sequence]")
    assert lines[-2].endswith("valid.xml: valid")
    assert lines[-1] == "2 files, 1 valid, 1 invalid, 2 errors, 1 warnings"


@pytest.mark.parametrize("args", [
    ["--schema", "no-such.rng", "x.xml"],
    ["no-such-file.xml", "--schema", "x.rng"],
    ["--profile", "nobody@1.0", "x.xml"],
    [],
])
def test_exit_2_for_usage_schema_and_profile_errors(samples, args):
    r = run(*args)
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_broken_schema_is_exit_2_with_its_name(samples):
    r = run("--schema", str(samples / "schemas" / "broken.rng"),
            str(samples / "mini" / "valid.xml"))
    assert r.exit_code == 2 and "broken.rng" in r.output and "does not compile" in r.output


def test_missing_default_schemas_is_a_clear_error(samples, monkeypatch, tmp_path):
    monkeypatch.setattr("teiedit.gate.schemas.DEFAULT_SCHEMA_DIR", tmp_path)
    r = run(str(samples / "mini" / "valid.xml"))
    assert r.exit_code == 2 and "teiedit schema build" in r.output


def test_quiet_prints_nothing(samples, mini_schemas):
    r = run(*with_schemas(mini_schemas, "-q", str(samples / "mini")))
    assert r.exit_code == 1 and r.output == ""


def test_json_report_has_the_documented_fields(samples, mini_schemas):
    r = run(*with_schemas(mini_schemas, "--format", "json", str(samples / "mini")))
    doc = json.loads(r.output)
    assert set(doc) == {"tool", "version", "profile", "schemas", "summary", "files"}
    assert doc["summary"] == {"files": 2, "valid": 1, "invalid": 1, "errors": 2, "warnings": 1}
    problem = doc["files"][0]["problems"][0]
    assert set(problem) == {"severity", "message", "line", "column", "engine", "schema",
                            "rule", "xpath", "detail"}


def test_junit_report_has_one_testcase_per_file(samples, mini_schemas):
    r = run(*with_schemas(mini_schemas, "--format", "junit", str(samples / "mini")))
    suites = etree.fromstring(r.output.encode())
    cases = suites.findall(".//testcase")
    assert len(cases) == 2
    assert [c.find("failure") is not None for c in cases] == [True, False]


def test_sarif_report_locates_results(samples, mini_schemas):
    r = run(*with_schemas(mini_schemas, "--format", "sarif", str(samples / "mini")))
    sarif = json.loads(r.output)
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 4, "startColumn": 3}
    assert {x["level"] for x in results} == {"error", "warning"}


def test_output_file_is_written(samples, mini_schemas, tmp_path):
    out = tmp_path / "report.json"
    r = run(*with_schemas(mini_schemas, "--format", "json", "-o", str(out),
                          str(samples / "mini" / "valid.xml")))
    assert r.exit_code == 0 and r.output == "" and json.loads(out.read_text())["summary"]


def test_stdin_is_validated(samples, mini_schemas):
    data = (samples / "mini" / "invalid.xml").read_bytes()
    r = run(*with_schemas(mini_schemas, "-"), input=data)
    assert r.exit_code == 1 and "-:5:3: error: element <q>" in r.output


def test_directories_are_searched_recursively_for_xml(samples, mini_schemas, tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(samples / "mini" / "valid.xml", tmp_path / "a" / "b" / "deep.xml")
    (tmp_path / "a" / "notes.txt").write_text("not a submission")
    r = run(*with_schemas(mini_schemas, str(tmp_path)))
    assert r.exit_code == 0 and "1 files, 1 valid" in r.output


def test_parallel_jobs_give_the_same_report(samples, mini_schemas):
    args = ["--format", "json", str(samples / "mini"), str(samples / "broken")]
    one = run(*with_schemas(mini_schemas, *args))
    two = run(*with_schemas(mini_schemas, *args, "-j", "2"))
    assert json.loads(one.output)["files"] == json.loads(two.output)["files"]


def test_no_progress_bar_or_colour_when_piped(samples, mini_schemas):
    r = run(*with_schemas(mini_schemas, str(samples / "mini")))
    assert "\x1b[" not in r.output and "validating" not in r.output


def test_profile_is_recorded_in_the_report(samples):
    r = run("--profile", str(samples / "profiles" / "mini@1.0.json"), "--format", "json",
            str(samples / "mini" / "valid.xml"))
    assert json.loads(r.output)["profile"] == "mini@1.0"


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif"])
def test_reports_are_byte_identical_across_runs(samples, mini_schemas, fmt):
    args = with_schemas(mini_schemas, "--format", fmt, str(samples / "mini"),
                        str(samples / "broken"))
    assert run(*args).output == run(*args).output
