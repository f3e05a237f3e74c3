"""Date expressions: what is tagged, over which words, with which normalized value."""

from __future__ import annotations

import pytest

from teiedit.enrich.dates import find_dates


def dates(text: str) -> list[tuple[str, dict[str, str]]]:
    return [(text[d.start:d.end], d.attrs) for d in find_dates(text)]


@pytest.mark.parametrize(("text", "surface", "attrs"), [
    # English
    ("on July 30, 1952.", "July 30, 1952", {"when": "1952-07-30"}),
    ("in September 1950.", "September 1950", {"when": "1950-09"}),
    ("until 1949, when", "1949", {"when": "1949"}),
    ("from July 29 to August 2 1952 and", "from July 29 to August 2 1952",
     {"from": "1952-07-29", "to": "1952-08-02"}),
    ("held on November 19–20, 1955,", "November 19–20, 1955",
     {"from": "1955-11-19", "to": "1955-11-20"}),
    ("from September 20th to 30th 1955", "from September 20th to 30th 1955",
     {"from": "1955-09-20", "to": "1955-09-30"}),
    ("from 1937 to 1954.", "from 1937 to 1954", {"from": "1937", "to": "1954"}),
    ("Léo Collard (1902–1981), Belgian", "1902–1981", {"from": "1902", "to": "1981"}),
    # a day without a year keeps exactly what the text says
    ("received them on April 13,", "April 13", {"when": "--04-13"}),
    # vague periods: an honest range of low precision
    ("in the early 1950s", "early 1950s",
     {"notBefore": "1950", "notAfter": "1953", "precision": "low"}),
    ("in mid-1952, when", "mid-1952",
     {"notBefore": "1952-05", "notAfter": "1952-08", "precision": "low"}),
    ("in the summer of 1951", "summer of 1951",
     {"notBefore": "1951-06", "notAfter": "1951-08", "precision": "low"}),
    ("in the first half of the 1950s", "first half of the 1950s",
     {"notBefore": "1950", "notAfter": "1954", "precision": "low"}),
    ("since the 1950s", "1950s", {"from": "1950", "to": "1959"}),
    # Serbian citation forms
    ("održan 5. jula 1951.", "5. jula 1951", {"when": "1951-07-05"}),
    ("Telegram MIP-u, 14. 8. 1951;", "14. 8. 1951", {"when": "1951-08-14"}),
    ("FNRJ, 7–14. 4. 1956;", "7–14. 4. 1956", {"from": "1956-04-07", "to": "1956-04-14"}),
    ("Jugoslaviji oktobra 1951;", "oktobra 1951", {"when": "1951-10"}),
    ("sa Viktorom Larokom, mart 1951;", "mart 1951", {"when": "1951-03"}),
    ("Brioni, 13. april 1956.", "13. april 1956", {"when": "1956-04-13"}),
    ("održanih 11. i 12. aprila 1956, 3–4.", "11. i 12. aprila 1956",
     {"from": "1956-04-11", "to": "1956-04-12"}),
    ("u poseti od 26. septembra do 6. oktobra 1954. godine;",
     "od 26. septembra do 6. oktobra 1954. godine", {"from": "1954-09-26", "to": "1954-10-06"}),
    ("zemlje, 25. 2. – 6. 3. 1954.", "25. 2. – 6. 3. 1954",
     {"from": "1954-02-25", "to": "1954-03-06"}),
    ("sa Leom Kolarom, 13. \nseptembra 1951.", "13. \nseptembra 1951", {"when": "1951-09-13"}),
    ("посете Југославији, 1950. године“.", "1950. године", {"when": "1950"}),
    ("на почетку 50-их година 20. века.", "50-их година 20. века", {"from": "1950", "to": "1959"}),
    ("Balkanski pakt 1953/1954, prir.", "1953/1954", {"from": "1953", "to": "1954"}),
])
def test_date_expression_is_tagged_and_normalized(text, surface, attrs):
    assert dates(text) == [(surface, attrs)]


@pytest.mark.parametrize(("text", "only"), [
    ("Izveštaj, br. 413482, Telegram", []),  # archive number
    ("Belgija, 11/II-31, Delegacija", []),  # archive signature
    ("Токови историје 3/2021. 121–143", []),  # issue number and page range
    ("(Beograd: ISI, 1999), 71–241;", ["1999"]),  # the page range after the year
    ("Ibid., 22–23.", []),  # pages
    ("PA, 1950, Belgija, f. 1955", ["1950"]),  # a folder number that looks like a year
    ("PROMIS, #6062589, YEH.", []),  # a project number
])
def test_numbers_that_are_not_dates(text, only):
    assert [s for s, _ in dates(text)] == only


def test_two_dates_in_one_parenthesis_stay_two():
    assert dates("(1946 and 1947–1949)") == [("1946", {"when": "1946"}),
                                              ("1947–1949", {"from": "1947", "to": "1949"})]


def test_a_range_that_runs_backwards_is_not_a_range():
    assert dates("pages 1960–1950") == [("1960", {"when": "1960"}), ("1950", {"when": "1950"})]
