"""Score `teiedit encode` on the shared article corpus (../shared/corpora/articles), per input kind.

usage: python benchmarks/articles.py [dev|heldout] [--kinds pdftotext,pypdf,raw,pdf] [-v]

The split was fixed before building: the two articles whose names' SHA-256 sort first are held
out (HELD_OUT); the other five are the development set.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import statistics
import sys
import tempfile
from pathlib import Path

from teiedit.encode.command import encode_file
from teiedit.encode.source import Diagnostics

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "articles"
KINDS = ("pdftotext", "pypdf", "raw", "pdf")
FIGURES = ("notes", "paragraphs", "furniture", "hyphens", "similarity")


def split() -> tuple[list[str], list[str]]:
    names = sorted(p.name[:-10] for p in CORPUS.glob("*.gold.json"))
    ordered = sorted(names, key=lambda n: hashlib.sha256(n.encode()).hexdigest())
    return sorted(ordered[2:]), sorted(ordered[:2])


def scorer():
    spec = importlib.util.spec_from_file_location("score", CORPUS / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def figures(r: dict) -> dict[str, float]:
    n, p, hy = r["notes"], r["paragraphs"], r["hyphenation"]
    return {"counts": (n["anchored"], n["gold"], p["found"], p["gold"], hy["ok"], hy["events"]),
            "notes": n["anchored"] / n["gold"] if n["gold"] else 1.0,
            "paragraphs": p["found"] / p["gold"],
            "furniture": r["furniture"]["leaked"],
            "hyphens": hy["ok"] / hy["events"] if hy["events"] else 1.0,
            "similarity": r["text_similarity"]}


def source_of(name: str, kind: str) -> Path:
    suffix = ".pdf" if kind == "pdf" else f".{kind}.txt"
    return CORPUS / f"{name}{suffix}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("part", choices=("dev", "heldout"), nargs="?", default="dev")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--only", default="")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    dev, held = split()
    names = [n for n in (dev if a.part == "dev" else held) if a.only in n]
    score = scorer()
    tmp = Path(tempfile.mkdtemp())
    for kind in a.kinds.split(","):
        rows = []
        for name in names:
            src = source_of(name, kind)
            out = tmp / f"{name}.{kind}.xml"
            diag = Diagnostics(str(src))
            out.write_bytes(encode_file(src, names=False, diag=diag))
            r = score.score(str(out), str(CORPUS / f"{name}.gold.json"), a.verbose)
            f = figures(r)
            rows.append(f)
            print(f"{kind:10} {name:34} " + " ".join(f"{k}={f[k]:.3f}" for k in FIGURES)
                  + f" warnings={len(diag.warnings)}")
            if a.verbose:
                score.report(r)
                print("\n".join(diag.report()[:30]))
        mean = {k: statistics.mean(r[k] for r in rows) for k in FIGURES}
        print(f"{kind:10} {'MEAN':34} " + " ".join(f"{k}={mean[k]:.3f}" for k in FIGURES))
        total = [sum(r["counts"][i] for r in rows) for i in range(6)]
        print(f"{kind:10} {'POOLED':34} notes={total[0]}/{total[1]}={total[0] / total[1]:.3f} "
              f"paragraphs={total[2]}/{total[3]}={total[2] / total[3]:.3f} "
              f"hyphens={total[4]}/{total[5]}={total[4] / total[5]:.3f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
