"""Read the extracted text of an article: bytes → numbered lines, or a clear error."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from teiedit.xmlio import TeieditError


@dataclass(frozen=True)
class Line:
    """One line of the source, numbered from 1, without its line ending."""

    no: int
    raw: str

    @property
    def text(self) -> str:
        """The line without leading and trailing whitespace."""
        return self.raw.strip()

    @property
    def lead(self) -> int:
        """Length of the leading whitespace (spaces, a form feed)."""
        return len(self.raw) - len(self.raw.lstrip())

    @property
    def indent(self) -> int:
        """Leading spaces (a form feed is a page break, not an indent)."""
        return self.lead - self.formfeed

    @property
    def formfeed(self) -> int:
        """Form feeds (U+000C) opening the line: pdftotext starts each page with one."""
        return len(self.raw) - len(self.raw.lstrip("\f"))

    @property
    def blank(self) -> bool:
        return not self.raw.strip()


@dataclass
class Diagnostics:
    """Warnings collected while encoding; the command prints them on stderr."""

    file: str
    warnings: list[str] = field(default_factory=list)
    repeated: dict[str, int] = field(default_factory=dict)  # message -> further occurrences

    def warn(self, message: str, line: int | None = None) -> None:
        where = f"{self.file}:{line}" if line is not None else self.file
        self.warnings.append(f"{where}: warning: {message}")

    def warn_once(self, message: str, line: int | None = None) -> None:
        """Report the first occurrence; count the others (see `report`)."""
        if message in self.repeated:
            self.repeated[message] += 1
        else:
            self.repeated[message] = 0
            self.warn(message, line)

    def report(self) -> list[str]:
        """The warnings, each repeated one with its number of further occurrences."""
        out = []
        for w in self.warnings:
            more = next((n for m, n in self.repeated.items() if w.endswith(m) and n), 0)
            out.append(f"{w} (and {more} more)" if more else w)
        return out


@dataclass
class Source:
    name: str
    lines: list[Line]
    sha256: str
    encoding: str


_NOT_XML = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]|(?<=[^\x0c])\x0c")


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def decode(data: bytes, name: str, diag: Diagnostics) -> tuple[str, str]:
    """UTF-8 first (the normal case); otherwise detect the encoding and say so."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        bad_line = data.count(b"\n", 0, e.start) + 1
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None or best.encoding in ("utf_8", "utf-8"):
            raise TeieditError(
                f"not UTF-8 text (byte 0x{data[e.start]:02x} cannot be decoded) and the encoding "
                "could not be detected; convert the file to UTF-8",
                file=name, line=bad_line) from None
        diag.warn(f"not UTF-8 (first bad byte on line {bad_line}); decoded as {best.encoding}")
        return str(best), best.encoding


def read_source(path: str | Path, diag: Diagnostics | None = None) -> Source:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise TeieditError(f"cannot read source: {e.strerror}", file=p) from None
    return parse_source(data, str(p), diag or Diagnostics(str(p)))


def parse_source(data: bytes, name: str, diag: Diagnostics) -> Source:
    if not data.strip():
        raise TeieditError("source is empty: nothing to encode", file=name, line=1)
    if _looks_binary(data):
        raise TeieditError("source looks like a binary file, not extracted text", file=name)
    text, encoding = decode(data, name, diag)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [Line(i, raw) for i, raw in enumerate(text.split("\n"), start=1)]
    for line in lines:
        bad = _NOT_XML.search(line.raw)
        if bad:
            raise TeieditError(f"control character U+{ord(bad.group()):04X} at column "
                               f"{bad.start() + 1} cannot be kept in XML; remove it",
                               file=name, line=line.no)
    while lines and lines[-1].blank:
        lines.pop()
    return Source(name, lines, hashlib.sha256(data).hexdigest(), encoding)
