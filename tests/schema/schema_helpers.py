"""Helpers shared by the schema tests."""

from __future__ import annotations

from pathlib import Path

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
