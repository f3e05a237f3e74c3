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
# libxml2 itself refuses documents nested deeper than this unless huge_tree is set, so the
# Python walk in `_check_depth` is only needed for stricter limits.
_LIBXML2_MAX_DEPTH = 256
XINCLUDE_NS = "http://www.w3.org/2001/XInclude"
XML_NS = "http://www.w3.org/XML/1998/namespace"


class TeieditError(Exception):
    """An error the user can act on: printed as `file[:line[:col]]: error: message`; the
    job failed (exit code 1)."""

    exit_code = 1

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


class UsageError(TeieditError):
    """A usage or environment error (a missing input or schema, an output that cannot be
    written): exit code 2, where 1 means the job itself failed."""

    exit_code = 2


_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


_BLANK = re.compile(rb"[ \t\r\n\xef\xbb\xbf]*\Z")
_PROLOG_ITEM = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n]*(?:<\?.*?\?>|<!--.*?-->)", re.DOTALL)
_ROOT_START = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n]*<[A-Za-z_:\x80-\xff]")


def _prolog(scan: bytes) -> bytes:
    """What may hold a DOCTYPE and entity declarations: the bytes before the root element
    when it follows only comments and processing instructions, else everything (a
    DOCTYPE's internal subset can be anywhere before the root, so it is scanned whole).
    Scanning 300 MB of body text for `<!ENTITY` cost more than parsing it."""
    pos = 0
    while (m := _PROLOG_ITEM.match(scan, pos)) is not None:
        pos = m.end()
    return scan[:pos] if _ROOT_START.match(scan, pos) else scan


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


def as_utf8_for_scan(data: bytes) -> bytes:
    """The bytes to scan for declarations: UTF-16/32 input is transcoded so that a
    `<!ENTITY` written in two-byte characters cannot slip past the byte-level checks."""
    head = data[:4]
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                       (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace").encode("utf-8")
    for pattern, codec in ((b"<\x00\x00\x00", "utf-32-le"), (b"\x00\x00\x00<", "utf-32-be"),
                           (b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be")):
        if head.startswith(pattern):
            return data.decode(codec, errors="replace").encode("utf-8")
    return data


_SYNTAX_HINTS = (
    (re.compile(r"Excessive depth in document"),
     f"elements nested deeper than {_LIBXML2_MAX_DEPTH} levels, over the limit"),
    (re.compile(r"Input is not proper UTF-8|Invalid bytes in character encoding"),
     "the bytes do not match the document's encoding (UTF-8 unless the XML declaration "
     "names another); re-save the file as UTF-8 or correct its encoding declaration"),
    (re.compile(r"Document is empty|Start tag expected, '<' not found"),
     "this is not XML: no element found where the document should start"),
    (re.compile(r"Premature end of data|EndTag: '</' not found|expected '>'"),
     "not well-formed XML: the document ends before its elements are closed (truncated?)"),
)


def _syntax_message(msg: str) -> str:
    msg = re.sub(r", line \d+, column \d+$", "", msg)
    for pattern, hint in _SYNTAX_HINTS:
        if pattern.search(msg):
            return f"{hint} ({msg})"
    return f"not well-formed XML: {msg}"


def parse_untrusted(data: bytes, name: str = "<input>", *, max_bytes: int = MAX_BYTES,
                    max_depth: int = MAX_DEPTH) -> etree._ElementTree:
    """Parse bytes from an untrusted source, refusing anything that could reach outside."""
    if len(data) > max_bytes:
        raise TeieditError(f"file is {len(data)} bytes, over the limit of {max_bytes}", file=name)
    scan = as_utf8_for_scan(data)
    if _BLANK.match(scan):
        raise TeieditError("file is empty", file=name)
    scan = _prolog(scan)
    m = _ENTITY.search(scan)
    if m:
        raise TeieditError(
            "entity declarations are refused (they can expand without bound or read local "
            "files); replace entities by the characters they stand for",
            file=name, line=_line_of(scan, m.start()))
    m = _DOCTYPE.search(scan)
    if m and re.search(rb"<!DOCTYPE[^>\[]*(SYSTEM|PUBLIC)", scan, re.IGNORECASE):
        raise TeieditError("external DTDs are refused; remove the DOCTYPE declaration",
                           file=name, line=_line_of(scan, m.start()))
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser()))
    except etree.XMLSyntaxError as e:
        line, col = (e.position if e.position else (None, None))
        raise TeieditError(_syntax_message(e.msg), file=name, line=line,
                           column=col) from None
    if max_depth < _LIBXML2_MAX_DEPTH:
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


def expand_xincludes(tree: etree._ElementTree, path: str | os.PathLike[str], *,
                     root: str | os.PathLike[str] | None = None, max_files: int = 64,
                     mark_base: bool = False, read: list[Path] | None = None,
                     **limits: int) -> etree._ElementTree:
    """Replace `xi:include` elements by the files they name, read with `read_untrusted`.

    Only relative references to files inside `root` (default: the including file's folder)
    are followed; no network, no xpointer, a bounded number of files. libxml2's own XInclude
    would read whatever the document names, so it is never used. With `mark_base`, each
    included root gets `xml:base` = its file (the XInclude spec's base-URI fixup), so later
    messages can name the included file. `read`, when given, gets each file included.
    """
    base = Path(path).resolve()
    top = Path(root).resolve() if root is not None else base.parent
    seen = 0

    def expand(element: etree._Element, here: Path, chain: tuple[Path, ...]) -> None:
        nonlocal seen
        for inc in list(element.iter(f"{{{XINCLUDE_NS}}}include")):
            href = inc.get("href", "")
            where = dict(file=here, line=inc.sourceline)
            if not href or "://" in href or href.startswith("/") or inc.get("xpointer"):
                raise TeieditError(f"XInclude of {href!r} refused: only relative file "
                                   "references without xpointer are followed", **where)
            target = (here.parent / href).resolve()
            if not target.is_relative_to(top):
                raise TeieditError(f"XInclude of {href!r} refused: it points outside {top}",
                                   **where)
            if target in chain:
                raise TeieditError(f"XInclude of {href!r} is recursive", **where)
            seen += 1
            if seen > max_files:
                raise TeieditError(f"more than {max_files} XIncludes", **where)
            if read is not None:
                read.append(target)
            if inc.get("parse", "xml") == "text":
                try:
                    replacement: str | etree._Element = target.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError) as e:
                    raise TeieditError(f"XInclude of {href!r} cannot be read: {e}",
                                       **where) from None
            else:
                replacement = read_untrusted(target, **limits).getroot()
                if mark_base:
                    replacement.set(f"{{{XML_NS}}}base", str(here.parent / href))
                expand(replacement, target, (*chain, target))
            _replace(inc, replacement)

    expand(tree.getroot(), base, (base,))
    return tree


def _replace(old: etree._Element, new: str | etree._Element) -> None:
    parent = old.getparent()
    if parent is None:
        raise TeieditError("an XInclude cannot replace the root element")
    if isinstance(new, str):
        prev = old.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + new + (old.tail or "")
        else:
            parent.text = (parent.text or "") + new + (old.tail or "")
        parent.remove(old)
    else:
        new.tail = old.tail
        parent.replace(old, new)


def writable_folder(folder: str | os.PathLike[str], *, create: bool = True) -> Path:
    """`folder`, made if missing (when `create`), after checking that a file can be written
    in it: commands check their output folder before any work, so that an unwritable one
    costs nothing and leaves nothing half-written (UsageError, exit code 2)."""
    p = Path(folder)
    try:
        if create:
            p.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=p).close()
    except OSError as e:
        raise UsageError(f"cannot write here: {e.strerror}", file=p) from None
    return p


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write to a temporary file beside `path`, then rename: readers never see half a file.
    Missing folders are made; what cannot be written is a UsageError (nothing is left)."""
    p = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=p.parent)
    except OSError as e:
        raise UsageError(f"cannot write here: {e.strerror}", file=p) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; give it normal rights
        os.replace(tmp, p)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"cannot write here: {e.strerror}", file=p) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return p
