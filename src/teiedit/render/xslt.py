"""Running the project's XSLT 3.0 stylesheets with SaxonC (saxonche).

Saxon writes the details of a runtime error (line, template, call stack) to the process's
standard error from native code; we catch that stream and turn it into one TeieditError
naming the stylesheet, the template and the line, so users never see a native dump.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

from lxml import etree
from saxonche import PySaxonApiError, PySaxonProcessor, PyXsltExecutable

from teiedit.locations import data_dir
from teiedit.xmlio import TeieditError

XSLT_DIR = data_dir("xslt")


@cache
def _processor() -> PySaxonProcessor:
    # One processor per process, as SaxonC recommends. The stylesheets read only their own
    # files (labels, assets): no other URI scheme is ever needed, so none is allowed.
    proc = PySaxonProcessor(license=False)
    proc.set_configuration_property("http://saxon.sf.net/feature/allowedProtocols", "file")
    return proc


@cache
def _executable(path: Path) -> PyXsltExecutable:
    if not path.is_file():
        raise TeieditError("stylesheet not found", file=path)
    compiler = _processor().new_xslt30_processor()
    with _captured_stderr() as err:
        try:
            return compiler.compile_stylesheet(stylesheet_file=str(path))
        except PySaxonApiError as e:
            raise _xslt_error(path, str(e), err.read()) from None


class _Captured:
    """What native code wrote to file descriptor 2 while it was redirected."""

    def __init__(self, tmp, saved: int) -> None:
        self._tmp, self._saved = tmp, saved

    def read(self) -> str:
        os.dup2(self._saved, 2)
        self._tmp.seek(0)
        return self._tmp.read().decode("utf-8", "replace")


@contextlib.contextmanager
def _captured_stderr() -> Iterator[_Captured]:
    """Redirect file descriptor 2 (where native Saxon reports) into a temporary file."""
    with tempfile.TemporaryFile(mode="w+b") as tmp:
        saved = os.dup(2)
        os.dup2(tmp.fileno(), 2)
        try:
            yield _Captured(tmp, saved)
        finally:
            os.dup2(saved, 2)
            os.close(saved)


_WHERE = re.compile(r"on line (\d+)(?: column \d+)? of ([^\s:]+?):?\s*$", re.M)
_CODE = re.compile(r"^\s+([A-Z]{4}\d{4}|Q\{[^}]*\}\S+|[A-Za-z][\w-]*:\S+)\s+(.+)$", re.M)
_TEMPLATE = re.compile(r"^\s+In (template rule with match=\"[^\"]*\"|template [^ ]+|function [^ ]+)"
                       r"(?: on line (\d+) of (\S+))?", re.M)


def _xslt_error(stylesheet: Path, message: str, detail: str) -> TeieditError:
    """One readable error from Saxon's exception text and what it printed on stderr."""
    where = _WHERE.search(detail) or _WHERE.search(message)
    code = _CODE.search(detail)
    template = _TEMPLATE.search(detail)
    file = stylesheet.parent / where.group(2).rsplit("/", 1)[-1] if where else stylesheet
    line = int(where.group(1)) if where else None
    text = f"{code.group(1)} {code.group(2).strip()}" if code else message.strip()
    if template:
        text += f" (in {template.group(1)}"
        text += f" on line {template.group(2)})" if template.group(2) else ")"
    return TeieditError(f"XSLT error: {text}", file=_display(file), line=line)


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def transform(stylesheet: str | Path, tree: etree._ElementTree,
              params: Mapping[str, str] | None = None) -> str:
    """Apply `stylesheet` (a name in xslt/, or a path) to a safely parsed tree; return the output.

    The document is handed over as text with no base URI and without its processing
    instructions or DOCTYPE, so nothing in it can point Saxon at another resource.
    """
    proc = _processor()
    path = XSLT_DIR / stylesheet if isinstance(stylesheet, str) else stylesheet.resolve()
    exe = _executable(path)
    text = etree.tostring(tree.getroot(), encoding="unicode")
    with _captured_stderr() as err:
        try:
            node = proc.parse_xml(xml_text=text)
            exe.clear_parameters()
            for key, value in (params or {}).items():
                exe.set_parameter(key, proc.make_string_value(value))
            result = exe.transform_to_string(xdm_node=node)
        except PySaxonApiError as e:
            raise _xslt_error(path, str(e), err.read()) from None
    if result is None:
        raise TeieditError("XSLT transformation produced no output", file=_display(path))
    return result
