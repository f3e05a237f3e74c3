"""The per-file time budget: a file that takes too long is stopped, reported, and the batch
goes on. The slow file blocks for ever (not for a machine-dependent while), and the budget
is small, so the test depends on nobody's speed (the `batch` fixture is in conftest.py)."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from teiedit.cli import main
from teiedit.gate import validate
from teiedit.gate.check import Checker


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_over_the_budget_gets_one_error_and_the_batch_goes_on(batch, mini_schemas,
                                                                    jobs):
    report = validate(batch, mini_schemas, jobs=jobs, timeout=1)
    assert [f.valid for f in report.files] == [True, False, True]
    [problem] = report.files[1].problems
    assert problem.rule == "timeout" and "budget of 1 s" in problem.message


def test_the_command_reports_it_as_file_colon_message(batch, mini_schemas):
    args = ["validate", "--timeout", "1", "-j", "1"]
    for schema in mini_schemas:
        args += ["--schema", schema]
    r = CliRunner().invoke(main, [*args, *batch])
    assert r.exit_code == 1
    assert f"{batch[1]}: error: checking took longer than the budget of 1 s" in r.output
    assert r.output.splitlines()[-1].startswith("3 files, 2 valid, 1 invalid")


def test_a_worker_that_dies_costs_its_file_only(samples, mini_schemas, tmp_path, monkeypatch):
    original = Checker.check_bytes

    def check_bytes(self, data, path):
        if path.endswith("dies.xml"):
            os._exit(3)                       # like the kernel's OOM killer
        return original(self, data, path)

    monkeypatch.setattr(Checker, "check_bytes", check_bytes)
    valid = (samples / "mini" / "valid.xml").read_bytes()
    files = [tmp_path / "dies.xml", tmp_path / "valid.xml"]
    for f in files:
        f.write_bytes(valid)
    report = validate([str(f) for f in files], mini_schemas, jobs=1)
    assert [f.valid for f in report.files] == [False, True]
    assert "worker checking this file died" in report.files[0].problems[0].message
