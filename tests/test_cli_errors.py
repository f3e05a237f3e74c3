"""One error convention for every command: `file[:line[:col]]: error: message` on standard
error, exit 1 when the job failed, 2 for usage and environment errors, never a traceback,
never a half-written output."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from teiedit.cli import main

ROOT = Path(__file__).resolve().parents[1]
EDITION = ROOT / "tei" / "miletic-2021-tokovi-istorije.xml"
# Valid against tei_all, not against the project's narrower customization.
PLAIN_TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p>
</sourceDesc></fileDesc></teiHeader><text><body><p>x</p></body></text></TEI>"""
# /proc exists and refuses new files, even to root (tests may run as root, which ignores
# file permissions).
UNWRITABLE = Path("/proc")


def run(*args: str, **kwargs):
    return CliRunner().invoke(main, list(args), **kwargs)


def assert_error(result, code: int, where: str, *words: str) -> None:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    line = result.output.strip().splitlines()[-1]
    assert line.startswith(f"{where}: error: "), line
    for word in words:
        assert word in line, line


def test_bare_teiedit_shows_help_with_clicks_usage_exit_code():
    """No command is a usage error in click's convention (exit 2); the help is shown."""
    result = run()
    assert result.exit_code == 2
    assert "Commands:" in result.output and "validate" in result.output


def test_validate_an_empty_folder_is_a_usage_error(tmp_path):
    assert_error(run("validate", str(tmp_path)), 2, str(tmp_path), "no files to check")


def test_validate_report_into_a_missing_folder_is_an_environment_error(tmp_path):
    report = tmp_path / "no-such-folder" / "report.json"
    result = run("validate", "-o", str(report), str(EDITION))
    assert_error(result, 2, str(report.parent), "cannot write here")
    assert not report.parent.exists()


def test_validate_report_into_an_unwritable_folder_is_an_environment_error():
    result = run("validate", "-o", str(UNWRITABLE / "report.json"), str(EDITION))
    assert_error(result, 2, str(UNWRITABLE), "cannot write here")


def test_render_into_an_unwritable_folder_is_an_environment_error(tmp_path):
    out = UNWRITABLE / "teiedit-out"
    result = run("render", str(EDITION), "--to", "html", "-o", str(out))
    assert_error(result, 2, str(out), "cannot write here")


def test_schema_build_into_an_unwritable_folder_is_an_environment_error():
    result = run("schema", "build", "-o", str(UNWRITABLE / "schemas"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert ": error: cannot write here" in result.output


def test_build_with_a_project_without_tei_is_a_usage_error(tmp_path):
    """No falling back to the checkout teiedit runs from: the folder given is the project."""
    assert_error(run("build", "--project", str(tmp_path)), 2, str(tmp_path), "no tei/ folder")
    assert not (tmp_path / "output").exists()


def test_render_names_whose_schema_refused_and_offers_tei_all(tmp_path):
    source = tmp_path / "plain.xml"
    source.write_text(PLAIN_TEI)
    refused = run("render", str(source), "--to", "html", "-o", str(tmp_path / "a"))
    assert_error(refused, 1, f"{source}:2", "invalid TEI against the project's schemas",
                 "--schema tei_all", "--force")
    assert not (tmp_path / "a").exists() or not any((tmp_path / "a").iterdir())


def test_render_accepts_the_official_schema_by_its_short_name(tmp_path, shared_dir):
    source = tmp_path / "plain.xml"
    source.write_text(PLAIN_TEI)
    result = run("render", str(source), "--to", "html", "-o", str(tmp_path / "b"),
                 "--schema", "tei_all")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "b" / "plain.html").is_file()


def test_tei_all_not_found_is_a_usage_error_saying_where_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setenv("TEIEDIT_TEI_ALL", str(tmp_path / "missing.rng"))
    result = run("validate", "--schema", "tei_all", str(EDITION))
    assert_error(result, 2, "tei_all", "tei_all.rng is not in", "https://tei-c.org/")


@pytest.mark.parametrize("args", [["encode", "missing.txt"], ["render", "missing.xml"],
                                  ["validate", "missing.xml"]])
def test_every_command_names_the_file_first(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code in (1, 2) and "Traceback" not in result.output
    assert result.output.strip().splitlines()[-1].startswith("missing.")


def test_an_unforeseen_os_error_is_an_environment_error_not_a_traceback(monkeypatch):
    import teiedit.gate.command as command

    def failing(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "/some/folder")

    monkeypatch.setattr(command, "validate", failing)
    assert_error(run("validate", str(EDITION)), 2, "/some/folder", "Permission denied")
