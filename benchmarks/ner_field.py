"""Names on unseen text of the field, per recogniser configuration (run by hand; README).

    python benchmarks/ner_field.py DIR

DIR holds `NAME.txt` (one paragraph a line) and `NAME.gold.tsv` (`teiedit eval`'s format:
type, surface, value), annotated by hand before any recogniser was run on the text. Each
text is enriched as one document, without registers, three ways: rules only, the model
only (with its document-level pooling), and model then rules (what `teiedit encode` does);
P/R/F1 per type, micro-averaged over the files, mentions matched as (type, surface)
multisets as `teiedit eval` does.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from teiedit.enrich import enrich
from teiedit.enrich.evaluate import NAME_TYPES, Score, read_gold
from teiedit.enrich.recognise import Recogniser
from teiedit.enrich.statistical import NameModels, shipped_models
from teiedit.model import Document, Inline, Metadata, Node


def document(text: str) -> Document:
    doc = Document(Metadata())
    for line in text.splitlines():
        if line.strip():
            doc.body.children.append(Node("p", inline=Inline(line)))
    return doc


def names(doc: Document, resp: str | None = None) -> Counter:
    return Counter((s.tag, " ".join(f.text[s.start:s.end].split()))
                   for f in doc.inlines() for s in f.spans
                   if s.tag in NAME_TYPES and (resp is None or s.attrs.get("resp") == resp))


def model_only(text: str, models: NameModels) -> Counter:
    flows = [line for line in text.splitlines() if line.strip()]
    found = models.find([(t, "en") for t in flows], Recogniser(flows))
    return Counter((f.tag, t[f.start:f.end]) for t, fs in zip(flows, found, strict=True)
                   for f in fs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", type=Path)
    ap.add_argument("--model", type=Path, help="English model folder (default: shipped)")
    ap.add_argument("--misses", action="store_true", help="list misses and false alarms")
    args = ap.parse_args()
    models = NameModels({"en": args.model} if args.model else shipped_models())
    totals: dict[str, dict[str, list[int]]] = {}
    started = time.perf_counter()
    for txt in sorted(args.dir.glob("*.txt")):
        gold = Counter((t, s) for t, s, _ in read_gold(txt.with_suffix(".gold.tsv")))
        text = txt.read_text(encoding="utf-8")
        runs = {"rules": names(enrich(document(text))),
                "model": model_only(text, models),
                "model+rules": names(enrich(document(text), models=models))}
        for run, found in runs.items():
            for t in (*NAME_TYPES, "ALL"):
                g = Counter({k: v for k, v in gold.items() if t in ("ALL", k[0])})
                f = Counter({k: v for k, v in found.items() if t in ("ALL", k[0])})
                acc = totals.setdefault(run, {}).setdefault(t, [0, 0, 0])
                acc[0] += sum((g & f).values())
                acc[1] += sum(g.values())
                acc[2] += sum(f.values())
                if args.misses and run == "model+rules" and t != "ALL":
                    print(txt.name, "missed", sorted((g - f).elements()),
                          "false", sorted((f - g).elements()))
    print(f"{'run':<13}{'type':<11}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'found':>6}")
    for run, types in totals.items():
        for t, (tp, g, f) in types.items():
            s = Score(tp, g, f)
            print(f"{run:<13}{t:<11}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{g:6}{f:6}")
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
