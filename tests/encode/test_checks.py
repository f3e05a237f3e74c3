"""What cannot be right is reported with its place (and is an error with --strict)."""

from pathlib import Path

from click.testing import CliRunner
from encode_helpers import Encoded, page

from teiedit.cli import main

BODY = [f"This is line {w} of a long enough paragraph that goes on" for w in
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")]
HEAD = "JOURNAL OF THINGS  1/2000. 10–20"

# Body text after the first note on a page is taken for notes: a head and a paragraph with
# the next note's call end up inside note 1.
SWALLOWED = page(BODY) + page([*BODY, "and so it ended.1"],
                 ["1 The note.", "A Section Head", "\n".join(
                     ["Then a long paragraph follows with the call of the next note.2",
                      *BODY, *BODY]), "2 The second note."])


def test_a_note_holding_a_section_head_is_reported_at_the_head():
    e = Encoded(SWALLOWED)
    line = SWALLOWED.split("\n").index("A Section Head") + 1
    assert any(w.startswith(f"test.txt:{line}: ") and "section head" in w
               for w in e.diag.warnings)


def test_a_note_holding_the_next_call_is_reported():
    assert Encoded(SWALLOWED).warned("footnote 1 holds what reads like the call of footnote 2")


def test_a_note_longer_than_a_page_of_body_is_reported():
    assert Encoded(SWALLOWED).warned("more than a typical page of body text")


def test_an_ordinary_note_gives_no_such_warning():
    e = Encoded(page([*BODY, "and so it ended.1"], ["1 The note, with 12. 3. 1953 in it."]))
    assert not e.warned("footnote 1 holds")


def test_calls_out_of_sequence_are_reported_where_the_early_call_stands():
    body = ["The second comes first.2 And then the", "first one follows.1", *BODY]
    e = Encoded(page(body, ["1 First note.", "2 Second note."]))
    assert any(w.startswith("test.txt:1: ") and "call 2 stands before the call of footnote 1"
               in w for w in e.diag.warnings)


def test_a_page_with_no_body_text_is_reported():
    note = ["1 A note that stands alone on its page.", *(f"note line {k}" for k in range(14))]
    notes_only = "11\n\n" + HEAD + "\n\n" + "\n".join(note) + "\n"
    text = (page([*BODY, *BODY[:2], "ending here.1"], furniture=["10", HEAD]) + notes_only
            + page(BODY, furniture=["12", HEAD]))
    e = Encoded(text)
    assert e.warned("page 11 has no body text")


def test_strict_makes_the_checks_an_error(tmp_path: Path):
    src = tmp_path / "a.txt"
    src.write_text(SWALLOWED, encoding="utf-8")
    out = tmp_path / "a.xml"
    result = CliRunner().invoke(main, ["encode", "--no-names", "--strict", str(src), "-o",
                                       str(out)])
    assert result.exit_code == 1 and "section head" in result.output and not out.exists()


def test_a_body_line_that_reads_like_a_missing_note_is_reported():
    body = ["Text with a call.1 And another.2", *BODY[:4], "3 Cf. the archive, box 4.", *BODY]
    e = Encoded(page(body, ["1 First note.", "2 Second note."]))
    line = 6
    assert any(w.startswith(f"test.txt:{line}: ") and "reads like the text of footnote 3" in w
               for w in e.diag.warnings)
