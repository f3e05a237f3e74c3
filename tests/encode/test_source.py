"""Reading the source: encodings, and the inputs that cannot be encoded."""

import pytest
from encode_helpers import Encoded

from teiedit.encode.source import Diagnostics, parse_source
from teiedit.xmlio import TeieditError


def read(data: bytes):
    diag = Diagnostics("in.txt")
    return parse_source(data, "in.txt", diag), diag


def test_an_empty_file_is_an_error_naming_it():
    with pytest.raises(TeieditError, match="source is empty") as e:
        read(b"  \n\n")
    assert str(e.value).startswith("in.txt:1:")


def test_a_binary_file_is_refused():
    with pytest.raises(TeieditError, match="binary"):
        read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_a_utf8_bom_is_dropped():
    source, diag = read("\ufeffText".encode())
    assert source.lines[0].raw == "Text" and not diag.warnings


def test_cp1251_cyrillic_is_detected_and_said():
    text = "Југословенски комунисти и белгијски социјалисти у педесетим годинама. " * 4
    source, diag = read(text.encode("cp1251"))
    assert source.lines[0].raw == text
    assert "not UTF-8" in diag.warnings[0] and "cp1251" in diag.warnings[0]


def test_a_control_character_is_reported_with_its_line():
    with pytest.raises(TeieditError, match="control character U\\+000B") as e:
        read(b"a fine line of text\n" * 20 + b"bad \x0b here\n")
    assert e.value.line == 21


def test_crlf_line_ends_are_read_as_lines():
    e = Encoded(" First line\r\nsecond line.\r\n")
    assert e.xpath("//t:text//t:lb/@n") == ["1", "2"]
