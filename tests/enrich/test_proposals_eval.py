"""Proposals → accept → registers; the eval command; their errors."""

from __future__ import annotations

from click.testing import CliRunner

from teiedit.cli import main
from teiedit.enrich import Report, enrich, write_review
from teiedit.enrich.evaluate import Score, evaluate
from teiedit.enrich.proposals import proposals_tree, slug, write_proposals
from teiedit.enrich.registers import Registers

from .conftest import TEI, make_doc, spans

TEXT = ("Later, President Max Buset met Léo Collard in Brussels. Buset agreed.",)


def test_slug_is_readable_and_script_neutral():
    assert slug("Ђилас Милован") == "djilas_milovan"
    assert slug("PSB") == "psb"


def test_unknown_names_are_proposed_then_accepted_then_linked(register_dir, tmp_path):
    regs = Registers.load(register_dir)
    doc, report = make_doc(*TEXT), Report()
    enrich(doc, regs, report)
    path = tmp_path / "proposals.xml"
    write_proposals(path, proposals_tree(report.proposals, report.certs, regs))
    result = CliRunner().invoke(main, ["registers", "accept", str(path), "--registers",
                                       str(register_dir)])
    assert result.exit_code == 0, result.output
    assert "accepted" in result.output
    regs = Registers.load(register_dir)
    assert {"Max Buset", "Buset"} <= set(regs.entries["buset_max"].forms)
    doc = make_doc(*TEXT)
    enrich(doc, regs)
    assert ("persName", "Max Buset", {"ref": "#buset_max", "resp": "#teiedit-registers"}) in \
        spans(doc.body.children[0].inline)


def test_proposal_carries_life_dates_and_description_the_text_states(tmp_path):
    doc, report = make_doc("Léo Collard (1902–1981), Belgian socialist politician. Later "
                           "the Belgian Socialist Party (PSB) grew; the PSB and Léo Collard won."
                           ), Report()
    enrich(doc, None, report)
    path = tmp_path / "p.xml"
    write_review(report, None, path)
    xml = path.read_text()
    assert '<birth when="1902"/>' in xml and '<death when="1981"/>' in xml
    assert "<note>Belgian socialist politician.</note>" in xml
    # the abbreviation is proposed together with the name it abbreviates
    assert "<orgName>PSB</orgName>" in xml.split('xml:id="belgian_socialist_party"')[1]


def test_accept_only_selected_ids(register_dir, tmp_path):
    path = tmp_path / "p.xml"
    path.write_text(f'<standOff xmlns="{TEI}"><listPerson>'
                    '<person xml:id="a_b" cert="low"><persName>A B</persName></person>'
                    '<person xml:id="c_d" cert="low"><persName>C D</persName></person>'
                    '</listPerson></standOff>')
    result = CliRunner().invoke(main, ["registers", "accept", str(path), "--registers",
                                       str(register_dir), "--id", "c_d"])
    assert result.exit_code == 0
    entries = Registers.load(register_dir).entries
    assert "c_d" in entries and "a_b" not in entries


def test_accept_refuses_a_bad_proposals_file(register_dir, tmp_path):
    path = tmp_path / "p.xml"
    path.write_text("<standOff>\n<oops></standOff>")
    result = CliRunner().invoke(main, ["registers", "accept", str(path), "--registers",
                                       str(register_dir)])
    assert result.exit_code == 1
    assert f"{path}:2" in result.output and "Traceback" not in result.output


def test_registers_check_reports_duplicates(tmp_path):
    d = tmp_path / "r"
    d.mkdir()
    (d / "p.xml").write_text(f'<listPerson xmlns="{TEI}"><person xml:id="a"><persName>A'
                             '</persName></person>\n<person xml:id="a"><persName>B</persName>'
                             '</person></listPerson>')
    result = CliRunner().invoke(main, ["registers", "check", str(d)])
    assert result.exit_code == 1 and "p.xml:2: error: duplicate id 'a'" in result.output


def test_scores():
    gold = [("persName", "Tito", "tito"), ("persName", "Tito", "tito"),
            ("placeName", "Brussels", "brussels"), ("date", "1952", "when=1952")]
    found = [("persName", "Tito", "tito"), ("persName", "Tito", "-"),
             ("persName", "Brussels", "-"), ("date", "1952", "when=1953")]
    r = evaluate(found, gold)
    assert r["types"]["persName"] == Score(tp=2, gold=2, found=3)
    assert r["types"]["placeName"].recall == 0.0
    assert r["linking"] == (1, 2)
    assert r["dates"] == (0, 1)


def test_eval_command_reads_an_edition_and_a_gold_file(tmp_path):
    ed = tmp_path / "e.xml"
    ed.write_text(f'<TEI xmlns="{TEI}"><text><body><p><persName ref="#tito">Tito</persName> in '
                  '<date when="1952">1952</date><note>x <persName>Y Z</persName></note>'
                  '</p></body></text></TEI>')
    gold = tmp_path / "g.tsv"
    gold.write_text("persName\tTito\ttito\ndate\t1952\twhen=1952\n")
    result = CliRunner().invoke(main, ["eval", str(ed), str(gold)])
    assert result.exit_code == 0
    assert "entity-linking accuracy: 1/1 = 1.000" in result.output
    assert "date-normalization accuracy: 1/1 = 1.000" in result.output
    bad = tmp_path / "bad.tsv"
    bad.write_text("persName\tTito\n")
    result = CliRunner().invoke(main, ["eval", str(ed), str(bad)])
    assert result.exit_code == 1 and "bad.tsv:1:" in result.output
