"""`teiedit ner train`: a spaCy CNN name model from annotated text, reproducibly.

The corpus readers (`corpus.py`) give texts with PER/ORG/LOC spans; names are cleaned to the
edition's conventions (titles and roles stay outside a person's name, as in "Ambassador
<persName>James Riddleberger</persName>"; spans that are roles, not names, are dropped), the
texts are tokenized as the model will see them at run time, and spaCy trains the pipeline of
`data/ner/cnn.cfg` with a fixed seed and a fixed number of steps, on one thread, so the same
inputs give the same model.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from teiedit.enrich.corpus import LABELS, Annotated, read
from teiedit.enrich.resources import word_list
from teiedit.enrich.translit import key
from teiedit.xmlio import TeieditError

DEV_EVERY = 10  # without --dev, every 10th text is the development set


@dataclass
class Settings:
    lang: str = "en"
    seed: int = 0
    steps: int = 2200
    eval_every: int = 400
    threads: int = 1
    cyrillic: bool = False  # add every second text transliterated to Serbian Cyrillic


@cache
def _title_keys() -> frozenset[str]:
    return frozenset(key(w) for w in word_list("titles.txt"))


@cache
def _particle_keys() -> frozenset[str]:
    return frozenset(key(w) for w in (*word_list("connectors.txt"), "al", "el", "bin", "ibn"))


def clean(doc: Annotated) -> Annotated:
    """Person names without leading titles; a "person" that is a role ("Iraqi Foreign
    Minister", "Foreign Office spokesman") is no name and is dropped."""
    spans = []
    for s, e, label in doc.spans:
        if label == "PER":
            words = doc.text[s:e].split(" ")
            while words and key(words[0].rstrip(".")) in _title_keys():
                s += len(words.pop(0)) + 1
            if not words or any(key(w.rstrip(".")) in _title_keys() or
                                (w[:1].islower() and key(w) not in _particle_keys())
                                for w in words):
                continue
        spans.append((s, e, label))
    return Annotated(doc.text, spans)


def load(paths: list[Path], settings: Settings) -> list[Annotated]:
    docs = [clean(d) for p in paths for d in read(p, settings.lang)]
    if settings.cyrillic:
        docs += [d.cyrillic() for d in docs[::2]]
    return docs


def _doc_bin(nlp, docs: list[Annotated], path: Path) -> int:
    """Write the texts as spaCy's training file; returns the number of names that fit the
    tokenization (a name that starts or ends inside a token is shrunk to whole tokens)."""
    from spacy.tokens import DocBin

    out, kept = DocBin(store_user_data=False), 0
    for d in docs:
        doc = nlp.make_doc(d.text)
        ents = []
        for s, e, label in sorted(d.spans):
            span = doc.char_span(s, e, label=label, alignment_mode="contract")
            if span is not None and len(span) and (not ents or span.start >= ents[-1].end):
                ents.append(span)
        doc.ents = ents
        kept += len(ents)
        out.add(doc)
    out.to_disk(path)
    return kept


def train(corpus: list[Path], output: Path, settings: Settings, dev: list[Path] | None = None,
          log=sys.stderr) -> dict[str, float]:
    """Train and write the model folder to `output` (replaced only when training succeeded);
    returns the development scores."""
    os.environ.update({v: str(settings.threads) for v in
                       ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")})
    import spacy
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop
    from spacy.util import fix_random_seed, load_config

    try:
        blank = spacy.blank(settings.lang)
    except ImportError:
        raise TeieditError(f"spaCy has no tokenizer for language {settings.lang!r}") from None
    docs = load(corpus, settings)
    if dev:
        dev_docs = load(dev, settings)
    else:
        dev_docs = docs[DEV_EVERY - 1::DEV_EVERY]
        docs = [d for i, d in enumerate(docs) if (i + 1) % DEV_EVERY]
    if not docs or not any(d.spans for d in docs):
        raise TeieditError("no annotated names to learn from in the training files")
    fix_random_seed(settings.seed)
    with tempfile.TemporaryDirectory(prefix="teiedit-ner-") as tmp:
        work = Path(tmp)
        n_train = _doc_bin(blank, docs, work / "train.spacy")
        n_dev = _doc_bin(blank, dev_docs, work / "dev.spacy")
        print(f"training on {len(docs)} texts ({n_train} names), developing on "
              f"{len(dev_docs)} texts ({n_dev} names)", file=log)
        config = load_config(Path(str(files("teiedit").joinpath("data", "ner", "cnn.cfg"))),
                             overrides={"paths.train": str(work / "train.spacy"),
                                        "paths.dev": str(work / "dev.spacy"),
                                        "nlp.lang": settings.lang,
                                        "system.seed": settings.seed,
                                        "training.max_steps": settings.steps,
                                        "training.eval_frequency": settings.eval_every,
                                        "training.patience": 0},
                             interpolate=False)
        nlp = init_nlp(config)
        nlp.meta.update({"name": f"teiedit_ner_{settings.lang}", "version": "1.0.0",
                         "description": "teiedit name model (persons, organisations, places)",
                         "sources": [{"name": p.name} for p in corpus],
                         "labels": {"ner": list(LABELS)}})
        (work / "out").mkdir()
        train_loop(nlp, work / "out", stdout=log, stderr=log)
        best = work / "out" / "model-best"
        _forget_paths(best / "config.cfg")
        scores = _scores(best)
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".teiedit-ner-", dir=output.parent))
            shutil.rmtree(staging)
            shutil.copytree(best, staging)
            if output.exists():
                shutil.rmtree(output)
            staging.rename(output)
        except OSError as e:
            raise TeieditError(f"cannot write the model: {e.strerror}", file=output) from None
    return scores


def _forget_paths(config: Path) -> None:
    """The model's config names no temporary training files (same inputs, same bytes)."""
    from spacy.util import load_config

    cfg = load_config(config, interpolate=False)
    cfg["paths"].update({"train": None, "dev": None})
    cfg.to_disk(config)


def _scores(model: Path) -> dict[str, float]:
    import json

    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    perf = meta.get("performance", {})
    return {k: v for k, v in perf.items() if isinstance(v, float)}
