"""Nothing lost: for any text, the TEI gives back the source, line for line."""

from encode_helpers import Encoded, normalised, page
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = st.sampled_from(["the", "Yugo-", "slavia.", "party", "1952", "3/2021", "So-cialist",
                         "Belgian", "anti-", "fascist", "CК", "Тито", "Београд,", "“quoted”",
                         "12", "(1950–", "1956)", "PSB/", "Ibid.,", "–", "∗", "Summary", "x-"])
LINE = st.lists(WORDS, min_size=0, max_size=12).map(" ".join)
INDENT = st.sampled_from(["", "", "", " ", "  "])
NUMBERED = st.tuples(st.integers(1, 8), LINE).map(lambda t: f"{t[0]} {t[1]}")
RAW_LINE = st.one_of(st.tuples(INDENT, LINE).map("".join), NUMBERED,
                     st.integers(1, 300).map(str), st.just(""))


def assert_comes_back(lines: list[str]) -> None:
    """The lines, joined into a source text, regenerate from their encoding (blank texts are
    refused by the reader and skipped here)."""
    text = "\n".join(lines)
    if text.strip():
        assert Encoded(text).regenerated() == normalised(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(RAW_LINE, min_size=1, max_size=60))
def test_any_text_comes_back(lines):
    assert_comes_back(lines)


ARTICLE_LINE = st.lists(WORDS, min_size=3, max_size=10).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.lists(ARTICLE_LINE, min_size=8, max_size=14),
                          st.lists(ARTICLE_LINE, max_size=3)), min_size=1, max_size=5))
def test_synthetic_articles_come_back(pages):
    note_no = 0
    text = ""
    for body, notes in pages:
        body = [*body[:-1], body[-1] + f".{note_no + 1}"] if notes else body
        note_lines = []
        for n in notes:
            note_no += 1
            note_lines.append(f"{note_no} {n}")
        text += page(body, note_lines)
    assert Encoded(text).regenerated() == normalised(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(RAW_LINE, min_size=1, max_size=60))
def test_any_text_gives_valid_tei(tei_all_rng, lines):
    text = "\n".join(lines)
    if not text.strip():
        return
    tree = Encoded(text).tree
    assert tei_all_rng.validate(tree), tei_all_rng.error_log.last_error


STYLED_LINE = st.tuples(st.sampled_from(["", "", "\f"]), RAW_LINE,
                        st.sampled_from(["", "", " "])).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(STYLED_LINE, min_size=1, max_size=60))
def test_any_text_with_form_feeds_and_trailing_spaces_comes_back(lines):
    assert_comes_back(lines)
