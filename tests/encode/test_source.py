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
    assert e.xpath("//t:text//t:lb/@xml:id") == ["L1", "L2"]


def test_latin1_french_is_decoded_as_latin1_not_as_central_european():
    text = "Il est très content; le général a répondu à la deuxième lettre.\n"
    source, diag = read(text.encode("latin-1"))
    assert source.lines[0].raw == text.rstrip("\n")
    assert "not UTF-8" in diag.warnings[0]


def test_cp1250_serbian_latin_stays_serbian():
    text = "Ovo je čovek iz Đakovice, šta ćeš reći o tome.\n"
    source, _ = read(text.encode("cp1250"))
    assert source.lines[0].raw == text.rstrip("\n")


def test_utf16_with_a_bom_is_read():
    source, diag = read("Text “quoted” très\nsecond line\n".encode("utf-16"))
    assert [ln.raw for ln in source.lines] == ["Text “quoted” très", "second line"]
    assert source.encoding == "utf-16" and not diag.warnings


def test_an_encoding_given_overrides_the_evidence():
    diag = Diagnostics("in.txt")
    source = parse_source("trčs".encode("cp1250"), "in.txt", diag, encoding="latin-1")
    assert source.lines[0].raw == "très"
    assert not diag.warnings


def test_bytes_that_the_given_encoding_cannot_read_are_an_error_with_the_line():
    with pytest.raises(TeieditError, match="not utf-8 text") as e:
        parse_source(b"fine\nbad \xff\n", "in.txt", Diagnostics("in.txt"), encoding="utf-8")
    assert e.value.line == 2


def test_a_form_feed_opening_a_line_comes_back_and_one_inside_a_line_is_refused():
    text = "first page line\n\fsecond page line\n"
    assert Encoded(text).regenerated() == text
    with pytest.raises(TeieditError, match="U\\+000C"):
        read(b"a line with a \x0c form feed inside\n")
