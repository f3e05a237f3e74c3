"""Line-end hyphens: justification hyphens go, real hyphens stay — decided from evidence."""

from collections import Counter

from encode_helpers import Encoded

from teiedit.encode.hyphenation import Dehyphenator, Join, document_words


def join(prev: str, following: str, *context: str) -> Join:
    counts = document_words([*context, prev, following])
    return Dehyphenator(counts).line_end(prev, following)


def test_a_word_split_by_justification_is_joined():
    assert join("the Yu-", "goslav leadership", "Yugoslav policy") is Join.HYPHEN


def test_the_document_spelling_decides_for_the_hyphen():
    assert join("an anti-", "fascist coalition", "the anti-fascist front") is Join.NOSPACE


def test_a_compound_split_after_its_own_hyphen_keeps_it_and_joins_the_rest():
    assert join("met high-rank-", "ing officials", "other high-ranking people") is Join.HYPHEN


def test_a_capital_after_the_hyphen_is_a_real_hyphen():
    assert join("Yugoslav-", "Soviet relations") is Join.NOSPACE


def test_a_digit_after_the_hyphen_is_a_real_hyphen():
    assert join("in mid-", "1952 they") is Join.NOSPACE


def test_the_word_list_joins_what_the_document_never_shows():
    assert Dehyphenator(Counter()).line_end("sudden-", "ly placed") is Join.HYPHEN


def test_two_known_words_stay_a_compound():
    assert Dehyphenator(Counter()).line_end("a well-", "known author") is Join.NOSPACE


def test_a_slash_or_dash_at_line_end_joins_without_space():
    assert join("PSB/", "BSP") is Join.NOSPACE
    assert join("(1957–", "1958)") is Join.NOSPACE


def test_an_ordinary_line_end_is_a_space():
    assert join("the end of a line ", "and the next") is Join.SPACE


def test_a_removed_hyphen_is_marked_lb_break_no_rend_hyphen():
    e = Encoded(" The Yugo-\nslav side said so.\n")
    (lb,) = e.xpath("//t:lb[@break='no']")
    assert lb.get("rend") == "hyphen"
    assert "Yugoslav side" in e.text_of("//t:text//t:p")


def test_a_hyphen_lost_inside_a_merged_line_is_mended():
    line = ("Informal relations of the party leadership with the Belgian So-cialist Party "
            "and the trade unions were good")
    short = "a normal line of text with a Socialist word in it for the count"
    e = Encoded(" " + "\n".join([short] * 12 + [line] + [short] * 3) + "\n")
    assert "Belgian Socialist Party" in e.text_of("//t:text//t:p")
    assert e.xpath("//t:lb[@type='inferred']/@rend") == ["hyphen"]


def test_a_real_hyphen_inside_a_line_stays():
    e = Encoded(" an anti-fascist coalition and pro-American views\n")
    assert "anti-fascist coalition and pro-American" in e.text_of("//t:text//t:p")


def test_a_british_spelling_is_known_like_the_american_one():
    assert Dehyphenator(Counter()).line_end("in de-", "fence of") is Join.HYPHEN
    assert Dehyphenator(Counter()).line_end("the organi-", "sation was") is Join.HYPHEN


def test_a_space_after_every_line_end_does_not_hide_a_line_end_hyphen():
    lines = [f"line {k} of an ordinary paragraph in the text of the article " for k in range(12)]
    e = Encoded("\n".join([*lines, "the Yugo- ", "slav delegation came. "]) + "\n")
    assert "Yugoslav delegation" in e.text_of("//t:body")
    assert e.regenerated().splitlines()[-2] == "the Yugo-"
