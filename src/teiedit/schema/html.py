"""Write the HTML reference of a customization: elements, attributes, value lists, examples."""

from __future__ import annotations

import html
import re
from pathlib import Path

from lxml import etree

from teiedit.schema import patterns as P
from teiedit.schema.odd import EGXML, AttDef, Schema, Spec
from teiedit.schema.rng import attribute_value, leaf_members
from teiedit.schema.xsd import El, analysed

STYLE = (Path(__file__).resolve().parents[1] / "data" / "schema-reference.css").read_text(
    encoding="utf-8")


def _esc(s: str) -> str:
    return html.escape(s, quote=True)


def _example(ex: etree._Element) -> str:
    parts = []
    for eg in ex.iter(f"{{{EGXML}}}egXML"):
        xml = "".join(etree.tostring(c, encoding="unicode", with_tail=True) for c in eg)
        xml = (eg.text or "") + xml
        xml = xml.replace(f' xmlns="{EGXML}"', "")
        parts.append(f"<pre>{_esc(xml.strip())}</pre>")
    return "".join(parts)


def _content(p: P.Pattern, names: set[str]) -> str:
    """The content model in compact notation, each name in `names` linked to its entry."""
    return re.sub(r"[A-Za-z][\w.]*",
                  lambda m: f'<a href="#{m[0]}">{m[0]}</a>' if m[0] in names else m[0],
                  _esc(P.compact(p)))


def _values(a: AttDef) -> str:
    if not a.values:
        return ""
    items = "".join(f"<li><code>{_esc(v.ident)}</code> {_esc(v.desc or v.gloss)}</li>"
                    for v in a.values)
    return f"<p>{_esc(a.val_type or 'open')} list:</p><ul>{items}</ul>"


def _row(a: AttDef, own: bool) -> str:
    usage = {"req": "required"}.get(a.usage or "opt", "optional")
    src = "" if own else f" <small>(from {_esc(a.origin)})</small>"
    return (f'<tr><td class="{"req" if a.usage == "req" else ""}"><code>@{_esc(a.attribute_name)}'
            f"</code>{src}</td><td>{usage}</td><td><code>"
            f"{_esc(P.compact(attribute_value(a)))}</code></td><td>{_esc(a.gloss or '')}"
            f"{' — ' if a.gloss and a.desc else ''}{_esc(a.desc or '')}{_values(a)}</td></tr>")


def _attributes(schema: Schema, spec: Spec) -> str:
    # a class attribute is one AttDef shared by every member: its row is written once
    memo = schema.memo.setdefault("html_rows", {})
    rows = []
    for a in schema.attributes(spec):
        key = (id(a), a.origin == spec.ident)
        if key not in memo or memo[key][0] is not a:
            memo[key] = (a, _row(a, key[1]))
        rows.append(memo[key][1])
    if not rows:
        return "<p>No attributes.</p>"
    return ("<table><tr><th>attribute</th><th>use</th><th>value</th><th>meaning</th></tr>"
            + "".join(rows) + "</table>")


def write_html(schema: Schema) -> bytes:
    elements = sorted(schema.elements(), key=lambda s: s.ident.lower())
    names = {s.ident for s in schema.specs.values() if s.kind in ("element", "macro")}
    names |= set(schema.members)
    parents: dict[str, set[str]] = {}
    children: dict[P.Pattern, set[str]] = {}  # by content model: many elements share one
    for spec in elements:
        content = spec.content or P.Empty()
        if content not in children:
            children[content] = set()
            stack = [analysed(schema, content).flat]
            while stack:
                q = stack.pop()
                if isinstance(q, El):
                    children[content].add(q.name)
                stack.extend(P.children(q))
        for name in children[content]:
            parents.setdefault(name, set()).add(spec.ident)
    out = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
           f"{_esc(schema.title or schema.ident)}</title><style>{STYLE}</style></head><body>",
           f"<h1>{_esc(schema.title or schema.ident)}</h1>",
           f"<p>Root element(s): {', '.join(f'<code>{_esc(s)}</code>' for s in schema.start)}. "
           f"{len(elements)} elements.</p><nav>",
           " ".join(f'<a href="#{_esc(s.ident)}">{_esc(s.ident)}</a>' for s in elements),
           "</nav>"]
    for spec in elements:
        used_in = ", ".join(f'<a href="#{p}">{p}</a>' for p in sorted(parents.get(spec.ident, ())))
        classes = ", ".join(sorted(k for k, v in spec.member_of.items() if v is not None
                                   and k in schema.specs))
        out.append(
            f'<section id="{_esc(spec.ident)}"><h2>&lt;{_esc(spec.element_name)}&gt; '
            f"<small>{_esc(spec.gloss)}</small></h2><p>{_esc(spec.desc)}</p>"
            f"<p><b>Content:</b> <code>{_content(spec.content or P.Empty(), names)}</code></p>"
            f"<p><b>Contained by:</b> {used_in or '—'}</p>"
            f"<p><b>Classes:</b> {_esc(classes) or '—'}</p>"
            f"{_attributes(schema, spec)}"
            + "".join(_example(ex) for ex in spec.examples) + "</section>")
    classes = [c for c in schema.members if schema.specs[c].kind == "class"]
    if classes:
        out.append("<h2>Model classes</h2><table><tr><th>class</th><th>elements</th></tr>")
        for c in sorted(classes):
            out.append(f'<tr><td id="{_esc(c)}"><code>{_esc(c)}</code></td><td>'
                       + ", ".join(f'<a href="#{e}">{e}</a>' for e in leaf_members(schema, c))
                       + "</td></tr>")
        out.append("</table>")
    macros = sorted(schema.of_kind("macro"), key=lambda m: m.ident)
    if macros:
        out.append("<h2>Macros</h2><table><tr><th>macro</th><th>content</th></tr>")
        for m in macros:
            out.append(f'<tr><td id="{_esc(m.ident)}"><code>{_esc(m.ident)}</code></td><td><code>'
                       f"{_content(m.content or P.Empty(), names)}</code></td></tr>")
        out.append("</table>")
    out.append("</body></html>\n")
    return "\n".join(out).encode("utf-8")
