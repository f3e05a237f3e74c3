"""Benchmark `teiedit validate` against bare lxml parsing and jing (run by hand).

    python benchmarks/validate.py [--files 1000] [--min-kb 5] [--max-kb 2048] [--jobs N]
    python benchmarks/validate.py --edition-copies 300 [--jobs N]

Generates a corpus of TEI files (sizes log-uniform between --min-kb and --max-kb, 3% of
them invalid) from the test article, or takes N copies of the bundled edition
(tei/*.xml), then times (wall clock and CPU time: user + system of this process and of
every process it waited for), in the same run:
  - bare lxml parsing of every file (one process) — the floor;
  - jing on tei_all.rng over the whole batch in one JVM (Debian `jing`);
  - `teiedit validate` (the whole command, a fresh process each) with tei_all.rng, with
    tei_all.rng + tei_all.isosch, and with the project's default schemas;
  - the RELAX NG engine alone through the Python API, with and without its fast path;
  - each engine alone through the Python API (RELAX NG pruned and unpruned, XSD,
    Schematron), and the tei_all.rng compile cost in lxml, full and pruned.
Prints a Markdown table (files/s, MB/s, ratio to bare parsing) for the README.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from teiedit.gate import fastpath  # noqa: E402
from teiedit.gate.api import validate  # noqa: E402
from teiedit.gate.relaxng import load_grammar, pruned  # noqa: E402

TEI_P5 = ROOT.parent / "shared" / "tei-p5"
ARTICLE = ROOT / "tests" / "validate" / "samples" / "article.xml"
PROJECT = [ROOT / "schema" / n for n in ("teiedit.rng", "teiedit.sch", "teiedit.xsd")]

PARAGRAPH = ('<p><lb n="{ln}"/>The delegation of <foreign xml:lang="sr-Latn">Savez komunista'
             '</foreign> reached Brussels in {year}, and the talks went on for weeks; {i} '
             'reports survive.<note place="foot" n="{n}" xml:id="n{n}"><lb n="{ln2}"/>See the '
             'archive, fond {i}, box {n}.</note> The minutes record the names, the dates and '
             'the disagreements in some detail.<pb n="{page}"/><lb n="{ln3}"/>Further '
             'correspondence followed.</p>\n')


def make_document(target_bytes: int, rng: random.Random, invalid: bool) -> bytes:
    head, _, tail = ARTICLE.read_text(encoding="utf-8").partition("<body>")
    body_end = tail.index("</body>")
    parts, n, size = [], 0, len(head) + len(tail)
    while size < target_bytes:
        div = [f"<div><head>Section {len(parts) + 1}</head>\n"]
        for _ in range(rng.randint(3, 12)):
            n += 1
            div.append(PARAGRAPH.format(ln=n * 3, ln2=n * 3 + 1, ln3=n * 3 + 2, n=n,
                                        i=rng.randint(1, 999), year=rng.randint(1945, 1991),
                                        page=100 + n))
        div.append("</div>\n")
        parts.append("".join(div))
        size += len(parts[-1])
    body = "".join(parts)
    if invalid:   # a misplaced element deep in the text
        body = body.replace("<pb ", "<bogus/><pb ", 1)
    text = head + "<body>\n" + body + tail[body_end:]
    return text.replace(tail[:body_end], "", 1).encode("utf-8") if False else text.encode()


def corpus(folder: Path, files: int, min_kb: int, max_kb: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for i in range(files):
        size = int(math.exp(rng.uniform(math.log(min_kb * 1024), math.log(max_kb * 1024))))
        path = folder / f"doc{i:05d}.xml"
        path.write_bytes(make_document(size, rng, invalid=rng.random() < 0.03))
        paths.append(path)
    return paths


def edition_copies(folder: Path, copies: int) -> list[Path]:
    edition = next((ROOT / "tei").glob("*.xml")).read_bytes()
    paths = [folder / f"copy{i:05d}.xml" for i in range(copies)]
    for path in paths:
        path.write_bytes(edition)
    return paths


REPEAT = 1


def cpu_seconds() -> float:
    """User + system time of this process and of the children it has waited for (the
    command's own workers included: it waits for them)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(fn) -> tuple[tuple[float, float], object]:
    """Best wall time and best CPU time of REPEAT runs, and the last run's result."""
    wall, cpu, out = float("inf"), float("inf"), None
    for _ in range(REPEAT):
        start, start_cpu = time.perf_counter(), cpu_seconds()
        out = fn()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, cpu_seconds() - start_cpu)
    return (wall, cpu), out


def bare_parse(paths: list[Path]) -> None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, collect_ids=False)
    for p in paths:
        etree.fromstring(p.read_bytes(), parser)


def command(folder: Path, schemas: list[Path], jobs: int) -> subprocess.CompletedProcess:
    args = [sys.executable, "-c", "from teiedit.cli import main; main()", "validate", "-q",
            "-j", str(jobs), str(folder)]
    for s in schemas:
        args += ["--schema", str(s)]
    return subprocess.run(args, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--min-kb", type=int, default=5)
    ap.add_argument("--max-kb", type=int, default=2048)
    ap.add_argument("--edition-copies", type=int, default=0, metavar="N",
                    help="N copies of the bundled edition instead of a generated corpus")
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--skip-slow", action="store_true",
                    help="skip unpruned tei_all and the per-engine runs")
    ap.add_argument("--rng-only", action="store_true",
                    help="only bare parsing, jing and the command with tei_all.rng")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run each timed row this many times and keep the best (a shared "
                         "machine's load varies)")
    args = ap.parse_args()
    global REPEAT
    tei_all, tei_sch = TEI_P5 / "tei_all.rng", TEI_P5 / "tei_all.isosch"
    work = Path(tempfile.mkdtemp(prefix="teiedit-bench-"))
    os.environ["TEIEDIT_CACHE"] = str(work / "cache")
    try:
        folder = work / "corpus"
        folder.mkdir()
        (t_gen, _), paths = timed(
            lambda: edition_copies(folder, args.edition_copies) if args.edition_copies
            else corpus(folder, args.files, args.min_kb, args.max_kb))
        REPEAT = args.repeat
        mb = sum(p.stat().st_size for p in paths) / 1e6
        sizes = sorted(p.stat().st_size for p in paths)
        print(f"corpus: {len(paths)} files, {mb:.1f} MB, {sizes[0] / 1024:.0f} KB – "
              f"{sizes[-1] / 1024:.0f} KB (median {sizes[len(sizes) // 2] / 1024:.0f} KB), "
              f"generated in {t_gen:.1f} s; jobs={args.jobs}, CPUs={os.cpu_count()}\n")
        rows: list[tuple[str, tuple[float, float], str]] = []

        t_parse, _ = timed(lambda: bare_parse(paths))
        rows.append(("bare lxml parsing (1 process)", t_parse, ""))

        def run_cmd(label: str, schemas: list[Path]) -> None:
            t, done = timed(lambda: command(folder, schemas, args.jobs))
            rows.append((label, t, f"exit {done.returncode}"))

        def jing(schema: Path) -> None:
            if shutil.which("jing"):
                t, done = timed(lambda: subprocess.run(["jing", str(schema), *map(str, paths)],
                                                       capture_output=True, text=True))
                bad = len({line.split(":")[0] for line in done.stdout.splitlines()})
                rows.append((f"jing {schema.name} (one JVM)", t, f"{bad} invalid files"))

        jing(tei_all)
        run_cmd("teiedit validate --schema tei_all.rng", [tei_all])
        if PROJECT[0].exists():
            jing(PROJECT[0])
            run_cmd("teiedit validate --schema teiedit.rng (the project's RELAX NG)",
                    [PROJECT[0]])

        def api_rng(label: str, fast: bool) -> None:
            """The RELAX NG engine alone, in this process, with or without its fast path
            (switched off by making the split give up, as for a grammar it cannot split)."""
            build = fastpath.build
            fastpath.build = build if fast else (lambda grammar, attributes=None: None)
            try:
                t, report = timed(lambda: validate([folder], [tei_all], jobs=args.jobs))
            finally:
                fastpath.build = build
            rows.append((label, t, f"{report.summary['invalid']} invalid"))

        api_rng("API, tei_all.rng with the fast path", True)
        api_rng("API, tei_all.rng, original grammar only", False)
        if not args.rng_only:
            run_cmd("teiedit validate --schema tei_all.rng --schema tei_all.isosch",
                    [tei_all, tei_sch])
        if all(p.exists() for p in PROJECT) and not args.rng_only:
            run_cmd("teiedit validate (project: teiedit.rng + .sch + .xsd)", PROJECT)

        if not (args.skip_slow or args.rng_only):
            def api(label: str, schemas: list[Path], **kw) -> None:
                t, report = timed(lambda: validate([folder], schemas, jobs=args.jobs, **kw))
                rows.append((label, t, f"{report.summary['invalid']} invalid"))

            api("API, relaxng tei_all.rng pruned", [tei_all])
            api("API, relaxng tei_all.rng unpruned (compile once, fork)", [tei_all],
                prune=False)
            for p in PROJECT:
                if p.exists():
                    api(f"API, {p.name} alone", [p])
            api("API, schematron tei_all.isosch alone", [tei_sch])

        grammar = load_grammar(tei_all)
        names = frozenset(etree.QName(e).localname
                          for e in etree.parse(str(paths[0])).iter(etree.Element))
        (t_full, _), _ = timed(lambda: etree.RelaxNG(grammar))
        (t_pruned, _), _ = timed(lambda: etree.RelaxNG(pruned(grammar, names)))

        print("| run | wall s | CPU s | files/s (wall) | MB/s (wall) | × bare parse (wall) "
              "| × bare parse (CPU) | note |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        for label, (wall, cpu), note in rows:
            print(f"| {label} | {wall:.2f} | {cpu:.2f} | {len(paths) / wall:.0f} | "
                  f"{mb / wall:.1f} | {wall / t_parse[0]:.1f} | {cpu / t_parse[1]:.1f} | {note} |")
        print(f"\ntei_all.rng compile in lxml: full {t_full:.2f} s, pruned to the "
              f"{len(names)} element names of one document {t_pruned:.3f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
