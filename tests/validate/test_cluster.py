"""`teiedit validate --scheduler`: the same batch on a (local) Dask cluster gives the same
report as the local workers."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from teiedit.cli import main
from teiedit.gate import validate

pytest.importorskip("dask.distributed")


def test_a_local_cluster_gives_the_same_report_as_local_workers(samples, mini_schemas,
                                                                tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)            # reported paths stay as given (relative)
    files = []
    for n, name in enumerate(["valid", "invalid", "valid", "invalid"] * 5):
        files.append(f"{n:02}-{name}.xml")
        (tmp_path / files[-1]).write_bytes((samples / "mini" / f"{name}.xml").read_bytes())
    here = validate(files, mini_schemas, jobs=1)
    there = validate(files, mini_schemas, jobs=1, scheduler="local")
    assert there.to_dict() == here.to_dict()
    assert [f.valid for f in there.files] == [n % 2 == 0 for n in range(20)]


def test_standard_input_is_refused_with_a_scheduler(mini_schemas):
    args = ["validate", "--scheduler", "tcp://127.0.0.1:1", "-"]
    for schema in mini_schemas:
        args += ["--schema", schema]
    result = CliRunner().invoke(main, args, input=b"<doc/>")
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].startswith("-: error: standard input")


def test_a_file_over_the_budget_on_a_worker_gets_one_error_and_the_batch_goes_on(
        batch, mini_schemas):
    """The cluster's worker runs in this process (threads), so that it sees the stuck file."""
    from dask.distributed import LocalCluster

    local = validate(batch, mini_schemas, jobs=1, timeout=1)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster:
        there = validate(batch, mini_schemas, jobs=1, timeout=1,
                         scheduler=cluster.scheduler_address)
    assert [f.valid for f in there.files] == [True, False, True]
    [problem] = there.files[1].problems
    assert problem.rule == "timeout"
    assert there.to_dict() == local.to_dict()


def test_the_warnings_of_an_xml_model_odd_come_back_from_the_workers_once(tmp_path):
    """The ODD is compiled on the worker, which has nowhere to print; its warnings travel
    with the results and are given to the caller once."""
    from dask.distributed import LocalCluster
    from test_odd_cache import documents_naming, odd_with_a_warning

    odd = odd_with_a_warning(tmp_path)
    warnings = []
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster:
        report = validate(documents_naming(odd, 3), xml_model=True, jobs=1,
                          scheduler=cluster.scheduler_address, on_warning=warnings.append)
    assert report.ok
    [warning] = warnings
    assert (warning.file, warning.line) == (str(odd), 6) and "'nothere'" in warning.message
