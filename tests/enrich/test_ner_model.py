"""`teiedit ner train` / `ner test`, and the model's place in `enrich`: after the registers,
before the rules, its tags marked `@resp="#teiedit-model"` with `@cert`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from teiedit.cli import main
from teiedit.enrich import enrich
from teiedit.enrich.registers import Registers
from teiedit.enrich.statistical import NameModels, latin_view, load, model_spans, shipped_models
from teiedit.enrich.translit import to_cyrillic, to_latin
from teiedit.serialize.tei import to_tree

from .conftest import TEI, make_doc, spans

SENTENCES = [
    "Ambassador Mates met Tito in Belgrade .",
    "Murphy flew to Paris with Dulles .",
    "The Department of State wrote to Kardelj .",
    "Popovic stayed in Moscow .",
]
TAGS = {"Mates": "B-PER", "Tito": "B-PER", "Belgrade": "B-LOC", "Murphy": "B-PER",
        "Paris": "B-LOC", "Dulles": "B-PER", "Department": "B-ORG", "of": "I-ORG",
        "State": "I-ORG", "Kardelj": "B-PER", "Popovic": "B-PER", "Moscow": "B-LOC"}


def write_corpus(path: Path) -> Path:
    lines = []
    for _ in range(5):
        for s in SENTENCES:
            lines += [f"{w}\t{TAGS.get(w, 'O')}" for w in s.split()] + [""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def train(tmp: Path, out: str) -> Path:
    corpus = write_corpus(tmp / "train.iob2")
    result = CliRunner().invoke(main, ["ner", "train", str(corpus), "-o", str(tmp / out),
                                       "--steps", "20"])
    assert result.exit_code == 0, result.output
    return tmp / out


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return train(tmp_path_factory.mktemp("ner"), "model")


def test_train_writes_a_loadable_spacy_model_folder(tiny_model: Path) -> None:
    assert {p.name for p in tiny_model.iterdir()} >= {"config.cfg", "meta.json", "ner",
                                                      "tok2vec", "vocab"}


def test_training_is_reproducible(tiny_model: Path, tmp_path: Path) -> None:
    again = train(tmp_path, "again")
    for part in ("ner/model", "tok2vec/model", "config.cfg"):
        assert (again / part).read_bytes() == (tiny_model / part).read_bytes()


def test_train_without_names_fails_with_exit_code_1(tmp_path: Path) -> None:
    corpus = tmp_path / "empty.iob2"
    corpus.write_text("nothing\tO\nhere\tO\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ner", "train", str(corpus), "-o", str(tmp_path / "m")])
    assert result.exit_code == 1
    assert "no annotated names to learn from" in result.output
    assert not (tmp_path / "m").exists()


def test_train_for_a_language_spacy_does_not_know_is_an_error(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "train.iob2")
    result = CliRunner().invoke(main, ["ner", "train", str(corpus), "-o", str(tmp_path / "m"),
                                       "--lang", "zz"])
    assert result.exit_code == 1
    assert "spaCy has no tokenizer for language 'zz'" in result.output


def test_ner_test_reports_precision_and_recall_per_label(tiny_model: Path,
                                                         tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "test.iob2")
    result = CliRunner().invoke(main, ["ner", "test", str(tiny_model), str(corpus)])
    assert result.exit_code == 0, result.output
    rows = [line.split()[0] for line in result.output.splitlines()]
    assert rows == ["label", "PER", "ORG", "LOC", "ALL"]
    assert result.output.splitlines()[1].split()[4] == "30"  # gold persons: 6 a round, 5 rounds


def test_model_names_carry_resp_and_cert(tiny_model: Path) -> None:
    doc = make_doc("Ambassador Hallstein called on Monday.", "Later Hallstein left.")
    enrich(doc, models=NameModels({"en": tiny_model}))
    tagged = [s for p in doc.body.children for s in spans(p.inline, "persName")]
    assert tagged == [("persName", "Hallstein", {"resp": "#teiedit-model", "cert": "high"})] * 2


def test_registers_come_before_the_model(tiny_model: Path, register_dir: Path) -> None:
    doc = make_doc("Ambassador Tito met Marshal Tito.")
    enrich(doc, Registers.load(register_dir), models=NameModels({"en": tiny_model}))
    assert [a for _, _, a in spans(doc.body.children[0].inline, "persName")] == \
        [{"ref": "#tito_josip_broz", "resp": "#teiedit-registers"}] * 2


def test_the_model_is_declared_in_the_header(tiny_model: Path) -> None:
    doc = make_doc("Ambassador Hallstein called.")
    enrich(doc, models=NameModels({"en": tiny_model}))
    header = to_tree(doc).getroot().find(f"{{{TEI}}}teiHeader")
    ids = [r.get("{http://www.w3.org/XML/1998/namespace}id")
           for r in header.iter(f"{{{TEI}}}respStmt")]
    assert ids == ["teiedit", "teiedit-model"]
    assert "teiedit_ner_en" in etree.tostring(header, encoding="unicode")


def test_without_a_model_no_model_is_declared() -> None:
    doc = make_doc("Ambassador Hallstein called.")
    enrich(doc)
    assert "teiedit-model" not in doc.responsible


def test_cyrillic_is_read_through_its_transliteration_and_mapped_back() -> None:
    latin = "Đilas je razgovarao sa Titom i Kardeljem u Beogradu."
    cyrillic = to_cyrillic(latin)
    nlp = load(shipped_models()["sr"])
    found_latin, found_cyrillic = model_spans(nlp, [latin, cyrillic])
    assert found_latin  # the same names, on the Cyrillic letters
    assert [(to_latin(cyrillic[s:e]), label) for s, e, label in found_cyrillic] == \
        [(latin[s:e], label) for s, e, label in found_latin]


def test_the_latin_view_maps_each_letter_back_digraphs_included() -> None:
    text = "ЉУБА Његовић"
    view, back = latin_view(text)
    assert view == "LJUBA Njegović"
    assert text[back[0]:back[4] + 1] == "ЉУБА"
    assert text[back[6]:back[len(view) - 1] + 1] == "Његовић"


def test_the_package_ships_english_and_serbian_models() -> None:
    models = shipped_models()
    assert models["en"].name == "en"
    assert models["sr"] == models["hr"] == models["bs"]


EVAL_EDITION = f"""<TEI xmlns="{TEI}"><teiHeader/><text><body><p>
<persName ref="#tito">Tito</persName> met
<persName resp="#teiedit-model" cert="high">Mates</persName> and
<persName resp="#teiedit-model" cert="medium">Secretary</persName> in
<placeName resp="#teiedit" cert="medium">Belgrade</placeName>.</p></body></text></TEI>"""


def test_eval_reports_what_each_recogniser_adds(tmp_path: Path) -> None:
    edition, gold = tmp_path / "e.xml", tmp_path / "g.tsv"
    edition.write_text(EVAL_EDITION, encoding="utf-8")
    gold.write_text("persName\tTito\ttito\npersName\tMates\t-\nplaceName\tBelgrade\t-\n"
                    "placeName\tBrioni\t-\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(edition), str(gold)])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split()[1:] for line in
            result.output.split("names by recogniser")[1].splitlines()[1:]}
    # registers: 1 of 1 right, a quarter of the gold; model: 1 of 2; rules: 1 of 1
    assert rows == {"registers": ["1.000", "0.250", "4", "1"],
                    "model": ["0.500", "0.250", "4", "2"],
                    "rules": ["1.000", "0.250", "4", "1"]}


def test_encode_without_the_model_declares_none(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("A Title\n\nAmbassador Hallstein met Ambassador Mates. Mates said so.\n",
                      encoding="utf-8")
    for flag, declared in (("--no-model", False), ("--names", True)):
        out = tmp_path / f"a{flag}.xml"
        result = CliRunner().invoke(main, ["encode", str(source), "-o", str(out), flag])
        assert result.exit_code == 0, result.output
        assert ('xml:id="teiedit-model"' in out.read_text(encoding="utf-8")) is declared
