"""`teiedit ner train` (a name model from annotated text) and `teiedit ner test` (its
precision and recall on annotated text it has not seen)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from teiedit.xmlio import TeieditError

_CORPUS = click.argument("corpus", nargs=-1, required=True,
                         type=click.Path(exists=True, dir_okay=False, path_type=Path))
_LANG = click.option("--lang", default="en", show_default=True,
                     help="Language to learn or test: TEI files give only their parts in it "
                          "(xml:lang), and the tokenizer is that language's.")


def _fail(error: TeieditError) -> None:
    click.echo(f"teiedit: error: {error}", err=True)
    sys.exit(1)


@click.group("ner")
def ner_group() -> None:
    """The statistical name recogniser (persons, organisations, places)."""


@ner_group.command("train")
@_CORPUS
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="Model folder to write (replaced when training succeeds).")
@_LANG
@click.option("--dev", multiple=True, type=click.Path(exists=True, dir_okay=False,
                                                      path_type=Path),
              help="Development file(s) for choosing the best model (default: every 10th "
                   "text of CORPUS, which is then not trained on). Repeatable.")
@click.option("--cyrillic", is_flag=True,
              help="Also learn from every second text transliterated to Serbian Cyrillic.")
@click.option("--steps", default=2200, show_default=True, help="Training steps (batches).")
@click.option("--seed", default=0, show_default=True, help="Random seed (same inputs, same "
                                                           "seed: same model).")
@click.option("--threads", default=1, show_default=True, help="CPU threads for the maths.")
def train_command(corpus: tuple[Path, ...], output: Path, lang: str, dev: tuple[Path, ...],
                  cyrillic: bool, steps: int, seed: int, threads: int) -> None:
    """Train a name model from CORPUS: CoNLL/IOB files (token and tag per line, UNER's
    columns too; labels PER/ORG/LOC and their long forms) and TEI editions (`persName`,
    `orgName`, `placeName`, `rs type="…"`)."""
    from teiedit.enrich.training import Settings, train

    started = time.monotonic()
    try:
        scores = train(list(corpus), output, Settings(lang=lang, seed=seed, steps=steps,
                                                      threads=threads, cyrillic=cyrillic),
                       list(dev) or None)
    except TeieditError as e:
        _fail(e)
    minutes = (time.monotonic() - started) / 60
    click.echo(f"wrote {output} in {minutes:.1f} min; development "
               f"P {scores.get('ents_p', 0):.3f} R {scores.get('ents_r', 0):.3f} "
               f"F1 {scores.get('ents_f', 0):.3f}", err=True)


@ner_group.command("test")
@click.argument("model", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_CORPUS
@_LANG
@click.option("--cyrillic", is_flag=True, help="Test on the texts transliterated to "
                                               "Serbian Cyrillic.")
def test_command(model: Path, corpus: tuple[Path, ...], lang: str, cyrillic: bool) -> None:
    """Precision, recall and F1 of MODEL per label on annotated CORPUS (exact spans)."""
    from teiedit.enrich.statistical import score

    try:
        lines = score(model, list(corpus), lang, cyrillic)
    except TeieditError as e:
        _fail(e)
    for line in lines:
        click.echo(line)
