"""Pages: where they start, how they are numbered, where their furniture goes."""

from encode_helpers import FULL, Encoded, normalised, page

BODY = [f"This is line {w} of a long enough paragraph that goes on" for w in
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")]


def test_a_line_indented_by_one_space_starts_a_page():
    e = Encoded(page(BODY) + page(BODY))
    assert [pb.get("n") for pb in e.xpath("//t:pb")] == ["1", "2"]


def test_an_indented_line_near_the_top_of_a_page_is_not_a_page_start():
    e = Encoded(" Intro line of the abstract goes here\n Introduction\n\n" + "\n".join(BODY))
    assert len(e.xpath("//t:pb")) == 1


def test_printed_page_number_and_running_head_become_fw_beside_pb():
    text = page(BODY) + page(BODY, furniture=["58", "ZBORNIK RADOVA  4/2019. 57–70"])
    e = Encoded(text)
    assert [pb.get("n") for pb in e.xpath("//t:pb")] == ["57", "58"]
    assert e.xpath("//t:fw[@type='pageNum']/text()") == ["58"]
    assert e.xpath("//t:fw[@type='header']/text()") == ["ZBORNIK RADOVA  4/2019. 57–70"]


def test_furniture_is_not_in_the_running_text():
    e = Encoded(page(BODY) + page(BODY, furniture=["58", "ZBORNIK RADOVA  4/2019. 57–70"]))
    assert "ZBORNIK" not in e.text_of("//t:body")
    assert "58" not in e.text_of("//t:body")


def test_pages_before_the_first_printed_number_are_counted_back():
    head = "JOURNAL OF THINGS  1/2000. 10–20"
    text = page(BODY) + page(BODY) + page(BODY, furniture=["12", head])
    assert [pb.get("n") for pb in Encoded(text).xpath("//t:pb")] == ["10", "11", "12"]


def test_the_page_range_in_the_running_head_numbers_pages_without_printed_numbers():
    text = page(BODY) + page(["JOURNAL OF THINGS  1/2000. 10–20", "", *BODY])
    # the head here is not furniture (no page number): it stands in the text
    e = Encoded(text)
    assert e.xpath("//t:pb/@n") == ["1", "2"]
    assert e.warned("no printed page numbers or page range")


def test_a_gap_in_printed_numbers_is_reported():
    text = (page(BODY, furniture=["10", "JOURNAL OF THINGS  1/2000. 10–20"])
            + page(BODY, furniture=["13", "JOURNAL OF THINGS  1/2000. 10–20"]))
    e = Encoded(text)
    assert e.xpath("//t:pb/@n") == ["10", "13"]
    assert e.warned("printed page 13 comes 1 page(s) after page 10")


def test_a_paragraph_cut_by_a_page_break_stays_one_paragraph_with_the_pb_inside():
    first = [*BODY[:-1], "and this sentence goes on over the page break into the next"]
    e = Encoded(page(first) + page(["page where it ends with a short line.", *BODY]))
    (p,) = e.xpath("//t:text//t:p[t:pb]")
    assert p.xpath("t:pb/@n", namespaces={"t": "http://www.tei-c.org/ns/1.0"}) == ["2"]


def test_a_running_head_above_its_page_number_is_furniture_too():
    text = page(BODY) + page(["JOURNAL OF THINGS  1/2000. 10–20", "", "11", "", *BODY])
    e = Encoded(text)
    assert e.xpath("//t:pb/@n") == ["10", "11"]
    assert e.xpath("//t:fw/@type") == ["header", "pageNum"]


def test_a_page_number_on_the_running_head_line_is_read():
    text = (page(BODY) + page(["11  JOURNAL OF THINGS", "", *BODY])
            + page(["Ana B. AUTHOR  A TITLE IN CAPITALS  12", "", *BODY]))
    e = Encoded(text)
    assert e.xpath("//t:pb/@n") == ["10", "11", "12"]
    assert e.xpath("//t:fw[@type='header']/text()") == ["11  JOURNAL OF THINGS",
                                                       "Ana B. AUTHOR  A TITLE IN CAPITALS  12"]
    assert e.xpath("string(//t:titleStmt/t:author//t:surname)") == "Author"
    assert "12" not in e.xpath("string(//t:titleStmt/t:title)")


def test_a_word_hyphenated_across_a_page_break_with_furniture_between_stays_one_word():
    first = [*BODY[:-1], "and the delegation of the Yugo-"]
    text = page(first) + page(["slav party arrived late.", *BODY],
                              furniture=["78", "JOURNAL OF THINGS  1/2000. 77–90"])
    e = Encoded(text)
    (p,) = e.xpath("//t:text//t:p[t:pb]")
    # every break between the halves joins without a space, so the word reads "Yugoslav"
    between = p.xpath("t:pb | t:lb[following-sibling::*[1][self::t:fw]]"
                      " | t:fw[last()]/following-sibling::t:lb[1]",
                      namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    assert len(between) == 4 and all(el.get("break") == "no" for el in between)
    assert "Yugoslav party" in e.text_of("//t:text//t:p[t:pb]")
    assert e.regenerated() == normalised(text)  # the hyphen back on its own line


def test_lines_are_numbered_within_their_printed_page_and_the_round_trip_needs_no_n():
    text = page(BODY) + page(BODY, furniture=["58", "ZBORNIK RADOVA  4/2019. 57–70"])
    e = Encoded(text)
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    second = e.xpath("//t:pb[@n='58']")[0]
    numbered = second.xpath("following::t:lb[@n]/@n", namespaces=ns)
    assert numbered == [str(k) for k in range(1, 10)]  # furniture lines carry no number
    for lb in e.xpath("//t:lb"):
        lb.attrib.pop("n", None)
    assert e.regenerated() == normalised(text)


def test_a_line_repeated_in_the_text_beside_one_page_number_is_no_running_head():
    """Two notes end in the same URL line; one stands just above a page's furniture line."""
    lines = []
    for k in range(4):
        lines += [f"Page {'ABCD'[k]} line {chr(97 + i)} {FULL}" for i in range(16)]
        lines.append(f"and ends.{k + 1}")
        lines += [f"{k + 1} See https://example.org/{k}/", "Galileo.Nuncius.html.",
                  *(["Cited in full."] if k == 1 else [])] if k in (1, 2) \
            else [f"{k + 1} Note {'ABCD'[k]}."]
        lines.append(f"{10 + k} Author · Title" if k % 2 else f"THE JOURNAL {10 + k}")
    e = Encoded("\n".join(lines) + "\n")
    assert e.xpath("//t:fw[contains(., 'Nuncius')]") == []
    assert e.xpath("//t:note[@n='3']")[0].xpath("string()").endswith("Galileo.Nuncius.html.")
