"""Read the extracted text of an article: bytes → numbered lines, or a clear error."""

from __future__ import annotations

import codecs
import hashlib
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import cache
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


BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))
# Word lists that tell one 8-bit encoding from another (pyspellchecker's languages).
WORD_LISTS = ("en", "fr", "it", "es", "de")


def _bom(data: bytes) -> str | None:
    return next((enc for bom, enc in BOMS if data.startswith(bom)), None)


@cache
def _words(lang: str) -> frozenset[str]:
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language=lang, distance=1).word_frequency.keys())


def _known_words(text: str) -> int:
    """Words with a letter outside ASCII that some word list knows: 'très' yes, 'trčs' no."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]{3,}", text) if not w.isascii()}
    return sum(any(w in _words(lang) for lang in WORD_LISTS) for w in words)


def _latin(text: str) -> bool:
    """Are most letters outside ASCII Latin ones (so that Latin word lists can judge)?"""
    letters = [c for c in text if c.isalpha() and not c.isascii()]
    return sum(unicodedata.name(c, "").startswith("LATIN") for c in letters) * 2 >= len(letters)


def decode(data: bytes, name: str, diag: Diagnostics,
           encoding: str | None = None) -> tuple[str, str]:
    """The encoding given, else a byte order mark, else UTF-8 (the normal case); otherwise
    the 8-bit encoding whose decoding the word lists recognise best, said in a warning."""
    chosen = encoding or _bom(data)
    if chosen:
        try:
            return data.decode(chosen), chosen
        except LookupError:
            raise TeieditError(f"unknown encoding {chosen!r}", file=name) from None
        except UnicodeDecodeError as e:
            raise TeieditError(f"not {chosen} text (byte 0x{data[e.start]:02x} cannot be "
                               "decoded)", file=name,
                               line=data.count(b"\n", 0, e.start) + 1) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        bad_line = data.count(b"\n", 0, e.start) + 1
        from charset_normalizer import from_bytes

        found = [m.encoding for m in from_bytes(data) if m.encoding not in ("utf_8", "utf-8")]
        if not found:
            raise TeieditError(
                f"not UTF-8 text (byte 0x{data[e.start]:02x} cannot be decoded) and the encoding "
                "could not be detected; convert the file to UTF-8 or give --encoding",
                file=name, line=bad_line) from None
        candidates = [*found, *(c for c in ("cp1252", "latin_1") if c not in found)]
        decoded = {c: data.decode(c, errors="replace") for c in candidates}
        best = candidates[0] if not _latin(decoded[candidates[0]]) else \
            max(candidates, key=lambda c: (_known_words(decoded[c]), -candidates.index(c)))
        diag.warn(f"not UTF-8 (first bad byte on line {bad_line}); decoded as {best} "
                  "(give --encoding if that is wrong)")
        return decoded[best], best


def source_bytes(path: str | Path) -> tuple[bytes, str]:
    """The bytes of a file, or of standard input for '-', and the name to report."""
    if str(path) == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    try:
        return Path(path).read_bytes(), str(path)
    except OSError as e:
        raise TeieditError(f"cannot read source: {e.strerror}", file=path) from None


def read_source(path: str | Path, diag: Diagnostics | None = None,
                encoding: str | None = None) -> Source:
    """Read a file, or standard input for '-'."""
    data, name = source_bytes(path)
    return parse_source(data, name, diag or Diagnostics(name), encoding)


def parse_source(data: bytes, name: str, diag: Diagnostics,
                 encoding: str | None = None) -> Source:
    if not data.strip():
        raise TeieditError("source is empty: nothing to encode", file=name, line=1)
    if not (encoding or _bom(data)) and _looks_binary(data):
        raise TeieditError("source looks like a binary file, not extracted text", file=name)
    text, encoding = decode(data, name, diag, encoding)
    if not text.strip():
        raise TeieditError("source is empty: nothing to encode", file=name, line=1)
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
