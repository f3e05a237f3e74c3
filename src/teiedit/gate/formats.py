"""The report in four formats: text (people), json (programs), junit (CI), sarif (code scanning).

All four are deterministic: files in input order, problems in line order, no timestamps.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click
from lxml import etree

from teiedit.gate.results import FileResult, Problem, Report

_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _where(path: str, p: Problem) -> str:
    return ":".join(str(x) for x in (path, p.line, p.column) if x is not None)


def _origin(p: Problem) -> str:
    parts = [p.engine]
    if p.schema:
        parts.append(Path(p.schema).name)
    if p.rule:
        parts.append(p.rule)
    return " ".join(parts)


def header(report: Report) -> str:
    rules = ", ".join(f"{Path(s.path).name} ({s.kind}, sha256 {s.sha256[:12]}"
                      + (f", phase {s.phase}" if s.phase else "") + ")" for s in report.schemas)
    profile = f"profile {report.profile}; " if report.profile else ""
    return f"teiedit {report.version} validate: {profile}schemas: {rules or 'none'}"


def summary_line(report: Report) -> str:
    s = report.summary
    return (f"{s['files']} files, {s['valid']} valid, {s['invalid']} invalid, "
            f"{s['errors']} errors" + (f", {s['warnings']} warnings" if s["warnings"] else ""))


def file_text(result: FileResult, colour: bool = False) -> str:
    """One file's block: its verdict, then one line per problem as file:line:col."""
    def style(text: str, **kw) -> str:
        return click.style(text, **kw) if colour else text

    verdict = style("valid", fg="green") if result.valid else style("invalid", fg="red",
                                                                     bold=True)
    lines = [f"{result.path}: {verdict}"]
    for p in result.problems:
        sev = style(p.severity, fg=_COLOUR.get(p.severity))
        lines.append(f"  {_where(result.path, p)}: {sev}: {p.message} [{_origin(p)}]")
    return "\n".join(lines)


def to_text(report: Report, colour: bool = False) -> str:
    blocks = [header(report)] + [file_text(f, colour) for f in report.files]
    return "\n".join([*blocks, summary_line(report)]) + "\n"


def to_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def to_junit(report: Report) -> str:
    """JUnit XML: one testcase per file, one <failure> per invalid file listing its errors."""
    s = report.summary
    suites = etree.Element("testsuites", name="teiedit validate", tests=str(s["files"]),
                           failures=str(s["invalid"]))
    suite = etree.SubElement(suites, "testsuite", name=report.profile or "teiedit validate",
                             tests=str(s["files"]), failures=str(s["invalid"]), errors="0")
    props = etree.SubElement(suite, "properties")
    if report.profile:
        etree.SubElement(props, "property", name="profile", value=report.profile)
    for schema in report.schemas:
        etree.SubElement(props, "property", name=f"schema:{schema.kind}",
                         value=f"{schema.path} sha256:{schema.sha256}")
    for f in report.files:
        case = etree.SubElement(suite, "testcase", classname="teiedit.validate", name=f.path,
                                file=f.path)
        errors = [p for p in f.problems if p.severity == "error"]
        if errors:
            fail = etree.SubElement(case, "failure", type="invalid",
                                    message=f"{len(errors)} errors; first: {errors[0].message}")
            fail.text = "\n".join(f"{_where(f.path, p)}: {p.message} [{_origin(p)}]"
                                  for p in errors)
        others = [p for p in f.problems if p.severity != "error"]
        if others:
            out = etree.SubElement(case, "system-out")
            out.text = "\n".join(f"{_where(f.path, p)}: {p.severity}: {p.message} "
                                 f"[{_origin(p)}]" for p in others)
    return etree.tostring(suites, encoding="unicode", pretty_print=True)


def to_sarif(report: Report) -> str:
    """SARIF 2.1.0: one run, rules keyed by engine/schema/rule, one result per problem."""
    rules: dict[str, dict] = {}
    results = []
    for f in report.files:
        for p in f.problems:
            rule_id = "/".join(x for x in (p.engine, Path(p.schema).name if p.schema else "",
                                           p.rule) if x)
            rules.setdefault(rule_id, {"id": rule_id, "shortDescription": {
                "text": f"{p.engine} check {p.rule}".strip()}})
            region = {k: v for k, v in (("startLine", p.line), ("startColumn", p.column))
                      if v is not None}
            location = {"physicalLocation": {"artifactLocation": {"uri": f.path}}}
            if region:
                location["physicalLocation"]["region"] = region
            results.append({"ruleId": rule_id, "level": {"error": "error", "warning":
                            "warning"}.get(p.severity, "note"),
                            "message": {"text": p.message}, "locations": [location]})
    doc = {
        "$schema": SARIF_SCHEMA, "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "teiedit validate", "version": report.version,
                                "rules": sorted(rules.values(), key=lambda r: r["id"])}},
            "properties": {"profile": report.profile or None,
                           "schemas": [{"path": s.path, "kind": s.kind, "sha256": s.sha256}
                                       for s in report.schemas]},
            "results": results,
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Callable[[Report], str]] = {
    "json": to_json, "junit": to_junit, "sarif": to_sarif}
