"""Precise messages for files a *pruned* grammar rejected, from jing (one JVM per batch).

The pruned grammar's verdict is exact, but libxml2 reports a content-model failure of a
small, deterministic grammar in compiled-automaton terms ("Expecting element publisher,
got date" when the fault is date/@when). For the few rejected files, jing — run once
over all of them against the full grammar — says what is wrong and where. Files reach
this point only after `parse_untrusted` accepted them (no DTD, no entity declarations),
so jing's own parser cannot be made to read anything else. Without jing, libxml2's
messages stay.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from teiedit.gate.locate import Locator
from teiedit.gate.results import FileResult, Problem
from teiedit.xmlio import TeieditError, parse_untrusted

_LINE = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|fatal|warning): "
                   r"(?P<msg>.*)$")
_NAMES = re.compile(r'((?:"[^"]+", ){12})((?:"[^"]+", )*"[^"]+" or "[^"]+")')
_TIMEOUT = 600


def _shorten(message: str) -> str:
    """Jing lists every element that could come next; keep the first twelve."""
    def cut(m: re.Match[str]) -> str:
        rest = m.group(2).count('"') // 2
        return f"{m.group(1)}… ({rest} more)"
    return _NAMES.sub(cut, message)


def refine(results: list[FileResult], schema: str, *, timeout: int = _TIMEOUT) -> None:
    """Replace the RELAX NG problems from `schema` by jing's, in the rejected files."""
    jing = shutil.which("jing")
    targets = [r for r in results if Path(r.path).is_file() and any(
        p.engine == "relaxng" and p.schema == schema for p in r.problems)]
    if not jing or not targets:
        return
    try:
        done = subprocess.run([jing, schema, *(r.path for r in targets)], capture_output=True,
                              text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired):
        return
    found: dict[str, list[tuple[int, int, str, str]]] = {}
    for line in done.stdout.splitlines():
        m = _LINE.match(line)
        if m:
            found.setdefault(m["file"], []).append(
                (int(m["line"]), int(m["col"]), m["sev"], m["msg"]))
    for result in targets:
        hits = found.get(result.path)
        if not hits:
            continue                     # jing disagrees or failed: keep libxml2's report
        kept = [p for p in result.problems
                if not (p.engine == "relaxng" and p.schema == schema)]
        result.problems = sorted(kept + _problems(result.path, hits, schema),
                                 key=lambda p: (p.line or 0, p.column or 0))


def _problems(path: str, hits, schema: str) -> list[Problem]:
    data = Path(path).read_bytes()
    try:
        locator = Locator(parse_untrusted(data, path), data)
    except TeieditError:
        locator = None
    problems = []
    for line, col, sev, msg in hits:
        element = locator.at(line, col) if locator else None
        where = locator.position(element) if element is not None else (line, col)
        problems.append(Problem(
            "error" if sev != "warning" else "warning", _shorten(msg), line=where[0],
            column=where[1], engine="relaxng", schema=schema, rule="jing",
            xpath=element.getroottree().getpath(element) if element is not None else "",
            detail=msg))
    return problems
