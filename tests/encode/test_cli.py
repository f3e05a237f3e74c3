"""The `teiedit` command as users type it."""

from pathlib import Path

from click.testing import CliRunner
from encode_helpers import BUNDLED_SOURCE

from teiedit import __version__
from teiedit.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_help_lists_the_commands():
    result = run("--help")
    assert result.exit_code == 0
    assert "encode" in result.output and "build" in result.output


def test_encode_writes_the_file(tmp_path: Path):
    out = tmp_path / "out.xml"
    result = run("encode", str(BUNDLED_SOURCE), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<TEI")


def test_a_bad_source_gives_a_message_an_exit_code_and_no_file(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "out.xml"
    result = run("encode", str(empty), "-o", str(out))
    assert result.exit_code == 1
    assert f"{empty}:1: error: source is empty" in result.output
    assert "Traceback" not in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == [empty]


def test_a_missing_source_is_reported(tmp_path: Path):
    result = run("encode", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1 and "cannot read source" in result.output


def test_strict_turns_warnings_into_an_error(tmp_path: Path):
    src = tmp_path / "a.txt"
    src.write_text(" A text without any notes at all.\n")
    result = run("encode", str(src), "--strict", "-o", str(tmp_path / "a.xml"))
    assert result.exit_code == 1 and "no footnotes found" in result.output
    assert not (tmp_path / "a.xml").exists()


def test_build_encodes_validates_and_renders_the_bundled_edition(tmp_path: Path):
    result = run("build", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    for name in ("miletic-2021-tokovi-istorije.xml", "miletic-2021-tokovi-istorije.html",
                 "miletic-2021-tokovi-istorije.pdf"):
        assert (tmp_path / name).exists()
        assert str(tmp_path / name) in result.output
    assert "validate: 1 edition(s) valid" in result.output


def test_encode_with_registers_writes_the_review_file(tmp_path: Path):
    out = tmp_path / "ed.xml"
    registers = BUNDLED_SOURCE.parent / "registers"
    result = run("encode", str(BUNDLED_SOURCE), "--registers", str(registers), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert b'ref="#' in out.read_bytes()
    assert (tmp_path / "ed.proposals.xml").exists()
    assert "proposed register entries" in result.output


def test_a_malformed_register_is_a_clear_error(tmp_path: Path):
    (tmp_path / "persons.xml").write_text("<listPerson")
    result = run("encode", str(BUNDLED_SOURCE), "--registers", str(tmp_path),
                 "-o", str(tmp_path / "x.xml"))
    assert result.exit_code == 1 and "persons.xml" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "x.xml").exists()


def test_encode_reads_standard_input_for_a_dash():
    result = CliRunner().invoke(main, ["encode", "--no-names", "-"],
                                input=b" First line of an article.\nsecond line.\n")
    assert result.exit_code == 0, result.output
    assert "<lb n=\"2\" xml:id=\"L2\"/>second line." in result.stdout


def test_encoding_option_decides_and_an_unknown_one_is_a_usage_error(tmp_path: Path):
    src = tmp_path / "latin.txt"
    src.write_bytes(" Il est tr\xe8s content.\n".encode("latin-1"))
    result = run("encode", "--no-names", "--encoding", "latin-1", str(src))
    assert result.exit_code == 0 and "très" in result.stdout
    result = run("encode", "--encoding", "no-such-codec", str(src))
    assert result.exit_code == 2 and "unknown encoding" in result.output
