"""Helpers shared by the schema tests."""

from __future__ import annotations

import atexit
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "schema"
SAMPLE = Path(__file__).parent / "samples" / "article.xml"


def write_odd(tmp_path: Path, body: str, *, attrs: str = 'ident="t" start="root" ns=""',
              name: str = "t.odd") -> Path:
    """A small ODD around `body` (the children of schemaSpec)."""
    path = tmp_path / name
    path.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:rng="http://relaxng.org/ns/structure/1.0"'
        ' xmlns:sch="http://purl.oclc.org/dsdl/schematron">\n'
        "<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p/>"
        "</publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>\n"
        f"<text><body><schemaSpec {attrs}>\n{body}\n</schemaSpec></body></text></TEI>\n",
        encoding="utf-8")
    return path


JING_JARS = [Path("/usr/share/java") / n for n in ("jing.jar", "xercesImpl.jar")]


class Jing:
    """jing (the TEI's reference validator, inside oXygen) in one JVM for the whole session,
    run as the `jing` command runs without -i: ID/IDREF checks on, XInclude in instances."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            ["java", "-Dorg.apache.xerces.xni.parser.XMLParserConfiguration="
             "org.apache.xerces.parsers.XIncludeParserConfiguration",
             "-cp", ":".join(map(str, JING_JARS)), str(Path(__file__).parent / "jing" /
                                                       "JingServer.java")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
        atexit.register(self.proc.kill)

    def errors(self, rng: Path, instances: list[Path] = ()) -> dict[str, list[str]]:
        """Error messages by file: the schema's own (it does not load) or each instance's."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("\t".join(map(str, (rng, *instances))) + "\n")
        self.proc.stdin.flush()
        out: dict[str, list[str]] = {}
        for line in iter(self.proc.stdout.readline, "END\n"):
            assert line, "the jing process ended"
            file, _, message = line.rstrip("\n").partition("\t")
            out.setdefault(file, []).append(message)
        return out


_JING: list[Jing] = []


def jing() -> Jing:
    """The session's jing; the test is skipped where jing or java is not installed."""
    if not _JING:
        if shutil.which("java") is None or not all(j.exists() for j in JING_JARS):
            pytest.skip("jing is not installed (scripts/install.sh --test installs it)")
        _JING.append(Jing())
    return _JING[0]


def assert_jing_loads(rng: Path | bytes, tmp_path: Path | None = None) -> None:
    """jing without -i loads this RELAX NG (no ID-type conflicts, no stack overflow)."""
    if isinstance(rng, bytes):
        assert tmp_path is not None
        path = tmp_path / "jing-check.rng"
        path.write_bytes(rng)
        rng = path
    problems = jing().errors(rng).get(str(rng))
    assert not problems, f"jing refuses {rng.name}: {problems[:3]}"


def checked_rng(data: bytes, tmp_path: Path) -> etree.RelaxNG:
    """lxml's validator for a RELAX NG the tests built, once jing (without -i) has loaded it."""
    assert_jing_loads(data, tmp_path)
    return etree.RelaxNG(etree.fromstring(data))
