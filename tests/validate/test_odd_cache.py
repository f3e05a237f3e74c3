"""An ODD given to `teiedit validate`: its compile is cached on every file it read, and the
compiler's warnings are shown, from a fresh compile or from the cache."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from teiedit.cli import main

ODD = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">
<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p/>
</publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
<text><body><schemaSpec ident="t" start="root" ns="">
<elementSpec ident="root" mode="add"><content><elementRef key="item"/></content></elementSpec>
{body}
</schemaSpec></body></text></TEI>
"""
ITEM = ('<elementSpec xmlns="http://www.tei-c.org/ns/1.0" ident="item" mode="add">'
        "<content>{content}</content></elementSpec>")


def validate(*args: str):
    return CliRunner().invoke(main, ["validate", "-j", "1", *args])


def odd_with_include(folder: Path, content: str) -> Path:
    (folder / "item.xml").write_text(ITEM.format(content=content), encoding="utf-8")
    odd = folder / "t.odd"
    odd.write_text(ODD.format(body='<xi:include href="item.xml"/>'), encoding="utf-8")
    return odd


def test_an_edit_to_an_xincluded_file_is_a_fresh_compile(tmp_path):
    odd = odd_with_include(tmp_path, "<textNode/>")
    doc = tmp_path / "doc.xml"
    doc.write_text("<root><item>text</item></root>", encoding="utf-8")
    assert validate("--schema", str(odd), str(doc)).exit_code == 0
    odd_with_include(tmp_path, "<empty/>")      # the ODD itself is unchanged
    assert validate("--schema", str(odd), str(doc)).exit_code == 1
    odd_with_include(tmp_path, "<textNode/>")   # and back: the first compile again
    assert validate("--schema", str(odd), str(doc)).exit_code == 0


def test_the_odds_warnings_are_shown_also_from_the_cache(tmp_path):
    odd = tmp_path / "w.odd"
    odd.write_text(ODD.format(body=ITEM.format(content='<elementRef key="nothere"/>')),
                   encoding="utf-8")
    doc = tmp_path / "doc.xml"
    doc.write_text("<root><item/></root>", encoding="utf-8")
    for _ in range(2):          # a fresh compile, then the cached one
        r = validate("--schema", str(odd), str(doc))
        warnings = [line for line in r.stderr.splitlines() if ": warning: " in line]
        assert len(warnings) == 1, r.stderr
        assert warnings[0].startswith(f"{odd}:6: warning: ") and "'nothere'" in warnings[0]


def test_an_edit_to_the_odds_source_is_a_fresh_compile(tmp_path):
    source = tmp_path / "base.xml"      # a spec collection the ODD selects from
    odd = tmp_path / "t.odd"
    odd.write_text(ODD.format(body='<elementRef key="item"/>').replace(
        'ns=""', 'ns="" source="base.xml"'), encoding="utf-8")
    doc = tmp_path / "doc.xml"
    doc.write_text("<root><item>text</item></root>", encoding="utf-8")
    for content, code in (("<textNode/>", 0), ("<empty/>", 1)):
        source.write_text(ODD.format(body=ITEM.format(content=content)), encoding="utf-8")
        assert validate("--schema", str(odd), str(doc)).exit_code == code


def odd_with_a_warning(folder: Path) -> Path:
    odd = folder / "w.odd"
    odd.write_text(ODD.format(body=ITEM.format(content='<elementRef key="nothere"/>')),
                   encoding="utf-8")
    return odd


def documents_naming(odd: Path, count: int) -> list[str]:
    docs = []
    for n in range(count):
        doc = odd.parent / f"doc{n}.xml"
        doc.write_text(f'<?xml-model href="{odd.name}"?><root><item/></root>',
                       encoding="utf-8")
        docs.append(str(doc))
    return docs


def test_the_warnings_of_an_xml_model_odd_are_shown_once_per_run(tmp_path):
    odd = odd_with_a_warning(tmp_path)
    r = CliRunner().invoke(main, ["validate", "-j", "2", "--xml-model",
                                  *documents_naming(odd, 4)])
    assert r.exit_code == 0, r.output
    warnings = [line for line in r.stderr.splitlines() if ": warning: " in line]
    assert len(warnings) == 1, r.stderr
    assert warnings[0].startswith(f"{odd}:6: warning: ") and "'nothere'" in warnings[0]


def test_strict_makes_the_warnings_of_an_odd_given_as_schema_an_environment_error(tmp_path):
    odd = odd_with_a_warning(tmp_path)
    r = validate("--strict", "--schema", str(odd), *documents_naming(odd, 1))
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0].startswith(f"{odd}:6: error: ")
    assert r.stderr.splitlines()[-1] == (f"{odd}: error: the ODD compiler gave 1 warning, "
                                         "errors with --strict")
    assert r.stdout == ""                   # decided before any file is read


def test_strict_makes_the_warnings_of_an_xml_model_odd_errors_of_each_file(tmp_path):
    odd = odd_with_a_warning(tmp_path)
    r = validate("--strict", "--xml-model", "--format", "json", *documents_naming(odd, 2))
    assert r.exit_code == 1
    report = json.loads(r.stdout)
    assert report["summary"]["invalid"] == 2
    for result in report["files"]:
        [problem] = result["problems"]
        assert problem["rule"] == "odd-warning" and problem["engine"] == "xml-model"
        assert problem["message"].startswith(f"{odd}:6: ") and "'nothere'" in problem["message"]
