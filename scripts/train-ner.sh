#!/bin/sh
# Rebuild the name models teiedit ships (src/teiedit/data/ner/{en,sr}) from the openly
# licensed corpora in ../shared/corpora/ner (origins and licences: README.md, "Name model").
# Deterministic: fixed seed, fixed steps, one thread. Usage: scripts/train-ner.sh [en|sr]...
set -eu
cd "$(dirname "$0")/.."
NER=${NER_CORPORA:-../shared/corpora/ner}
OUT=src/teiedit/data/ner
for lang in ${@:-en sr}; do
  case $lang in
  en)  # held out for the figures: uner-en-ewt/en_ewt-ud-test.iob2 (never trained on)
    .venv/bin/teiedit ner train --lang en --steps 2200 --seed 0 --threads 1 -o "$OUT/en" \
      "$NER/gum-open-derived/gum-open-ner.iob2" "$NER/wikigold/wikigold.conll.txt" \
      "$NER/uner-en-ewt/en_ewt-ud-dev.iob2" "$NER"/re3d-open/*/*.conll ;;
  sr)  # held out: uner-sr-set/sr_set-ud-test.iob2, uner-hr-set/hr_set-ud-test.iob2
    .venv/bin/teiedit ner train --lang sr --cyrillic --steps 2200 --seed 0 --threads 1 \
      -o "$OUT/sr" --dev "$NER/uner-sr-set/sr_set-ud-dev.iob2" \
      "$NER/uner-sr-set/sr_set-ud-train.iob2" "$NER/uner-hr-set/hr_set-ud-train.iob2" ;;
  *) echo "unknown language: $lang" >&2; exit 2 ;;
  esac
done
