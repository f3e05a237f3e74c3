"""Real TEI that used to stall the gate against tei_all (tens of seconds to minutes per
file, jing: a second for all): each cause, and that the verdict stays the grammar's."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiedit.gate import validate
from teiedit.gate.document import WIDE, Document
from teiedit.gate.fastpath import FastPath
from teiedit.gate.relaxng import RNG_NS, RelaxNGEngine, pruned
from teiedit.gate.results import SchemaInfo

ROOT = Path(__file__).resolve().parents[2]
R = f"{{{RNG_NS}}}"
APPARATUS = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>
<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body><div>
<listApp><app/><listApp><app/></listApp></listApp>{extra}</div></body></text></TEI>"""


def test_pruning_leaves_no_one_child_group_or_choice(shared_dir):
    """libxml2 compiles group(oneOrMore(choice(app, listApp))) in exponential time."""
    grammar = etree.parse(str(shared_dir / "tei-p5" / "tei_all.rng"))
    small = pruned(grammar, frozenset({"TEI", "teiHeader", "fileDesc", "titleStmt", "title",
                                       "publicationStmt", "sourceDesc", "p", "text", "body",
                                       "div", "listApp", "app"}))
    for node in small.getroot().iter(f"{R}group", f"{R}interleave", f"{R}choice"):
        assert len([c for c in node if isinstance(c.tag, str)]) > 1, node.sourceline


def test_a_recursive_apparatus_gets_the_grammars_verdict(shared_dir, tei_all_rng, tmp_path):
    schema = shared_dir / "tei-p5" / "tei_all.rng"
    for extra, ok in (("", True), ("<app><bogus/></app>", False)):
        path = tmp_path / "apparatus.xml"
        path.write_text(APPARATUS.format(extra=extra))
        assert tei_all_rng.validate(etree.parse(str(path))) == ok
        report = validate([path], [schema], jobs=1, timeout=30)
        assert report.ok == ok, report.files[0].problems


def test_documents_with_a_very_wide_element_skip_the_fast_path(monkeypatch, samples):
    """Every libxml2 error costs lxml a walk over the node's preceding siblings; an XSD
    that reports each of 30,000 faulty list entries thus takes minutes."""
    def refuse(*args, **kwargs):
        raise AssertionError("the fast path ran")

    path = ROOT / "schema" / "teiedit.rng"
    engine = RelaxNGEngine.load(path, SchemaInfo(path=str(path), kind="relaxng", sha256=""))
    engine.prepare()
    grammar = etree.RelaxNG(etree.parse(str(path)))
    monkeypatch.setattr(FastPath, "verdict", refuse)
    source = (samples / "article.xml").read_text(encoding="utf-8")
    for filler in ("<lb/>", "<lb bogus='1'/>"):
        data = source.replace("<p>", "<p>" + filler * (WIDE + 1), 1).encode()
        doc = Document("wide.xml", data, etree.ElementTree(etree.fromstring(data)))
        assert doc.wide
        assert engine.accepts(doc) == bool(grammar.validate(doc.tree)) == (filler == "<lb/>")
