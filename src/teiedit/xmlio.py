"""Reading untrusted XML and writing output files safely.

Every stage that reads XML a user hands us goes through `parse_untrusted`: no DTD loading,
no external entities, no network, no XInclude, bounded size, and entity declarations
refused outright (the classic "billion laughs" and "quadratic blow-up" attacks need them).
Every stage that writes goes through `write_atomic`, so an error never leaves half a file.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from lxml import etree

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 256


class TeieditError(Exception):
    """An error the user can act on: printed as `file:line: message`, exit code 2/1."""

    def __init__(self, message: str, *, file: str | os.PathLike[str] | None = None,
                 line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = ":".join(str(x) for x in (self.file, self.line, self.column) if x is not None)
        return f"{where}: {self.message}" if where else self.message


_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


def _line_of(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def safe_parser(*, collect_ids: bool = False) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        collect_ids=collect_ids,
        remove_blank_text=False,
    )


def parse_untrusted(data: bytes, name: str = "<input>", *, max_bytes: int = MAX_BYTES,
                    max_depth: int = MAX_DEPTH) -> etree._ElementTree:
    """Parse bytes from an untrusted source, refusing anything that could reach outside."""
    if len(data) > max_bytes:
        raise TeieditError(f"file is {len(data)} bytes, over the limit of {max_bytes}", file=name)
    if not data.strip():
        raise TeieditError("file is empty", file=name)
    m = _ENTITY.search(data)
    if m:
        raise TeieditError(
            "entity declarations are refused (they can expand without bound or read local "
            "files); replace entities by the characters they stand for",
            file=name, line=_line_of(data, m.start()))
    m = _DOCTYPE.search(data)
    if m and re.search(rb"<!DOCTYPE[^>\[]*(SYSTEM|PUBLIC)", data, re.IGNORECASE):
        raise TeieditError("external DTDs are refused; remove the DOCTYPE declaration",
                           file=name, line=_line_of(data, m.start()))
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser()))
    except etree.XMLSyntaxError as e:
        line, col = (e.position if e.position else (None, None))
        raise TeieditError(f"not well-formed XML: {e.msg}", file=name, line=line,
                           column=col) from None
    _check_depth(tree.getroot(), max_depth, name)
    return tree


def _check_depth(root: etree._Element, max_depth: int, name: str) -> None:
    stack = [(root, 1)]
    while stack:
        el, depth = stack.pop()
        if depth > max_depth:
            raise TeieditError(f"elements nested {depth} deep, over the limit of {max_depth}",
                               file=name, line=el.sourceline)
        stack.extend((c, depth + 1) for c in el)


def read_untrusted(path: str | os.PathLike[str], **limits: int) -> etree._ElementTree:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise TeieditError(f"cannot read file: {e.strerror}", file=p) from None
    return parse_untrusted(data, str(p), **limits)


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return p
