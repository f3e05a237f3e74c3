"""Decide what a hyphen at a line end means: justification (remove) or a real hyphen (keep).

Evidence comes first from the document itself — does the joined form occur elsewhere, or the
hyphenated one? — and then from a real English word list (pyspellchecker's frequency list,
American; British spellings through breame's British-American pairs).
No word of any article is written here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from enum import Enum
from functools import cache

HYPHENS = "-\u00ad\u2010"
NO_SPACE_ENDINGS = "–—/"
_TOKEN = re.compile(r"[^\W_](?:[\w’']|-(?=[^\W_]))*")
_LEFT = re.compile(r"([^\W_](?:[\w’']|-(?=[^\W_]))*)[" + HYPHENS + r"]$")
_RIGHT = re.compile(r"[^\W\d_][\w’']*")


class Join(Enum):
    """How two consecutive source lines meet in the reading text."""

    SPACE = "space"  # an ordinary line break between words
    HYPHEN = "hyphen"  # a justification hyphen: removed, the word joined
    NOSPACE = "nospace"  # joined as printed, no space (a kept hyphen, a slash, a dash)


@cache
def _english() -> frozenset[str]:
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language="en", distance=1).word_frequency.keys())


def english_word(word: str) -> bool:
    """American (pyspellchecker) or British (breame maps it to an American word we know)."""
    from breame.spelling import british_spelling_exists, get_american_spelling

    lower = word.lower()
    return lower in _english() or (british_spelling_exists(lower)
                                   and get_american_spelling(lower) in _english())


def document_words(lines: Iterable[str]) -> Counter[str]:
    """Lower-cased word counts, leaving out the fragments split by a line-end hyphen."""
    counts: Counter[str] = Counter()
    previous_broken = False
    for line in lines:
        tokens = _TOKEN.findall(line)
        text = line.rstrip()
        broken = bool(text) and text[-1] in HYPHENS
        if previous_broken and tokens:
            tokens = tokens[1:]
        if broken and tokens:
            tokens = tokens[:-1]
        counts.update(t.lower() for t in tokens)
        previous_broken = broken
    return counts


class Dehyphenator:
    """Chooses `Join` for each line end, from document evidence and a word list."""

    def __init__(self, counts: Counter[str], known: Callable[[str], bool] = english_word,
                 *, spaced_ends: bool = False) -> None:
        self.counts = counts
        self.known = known
        # every line of the extraction ends in a space: a space after a hyphen says nothing
        self.spaced_ends = spaced_ends

    def prefer_joined(self, left: str, right: str, *, default: bool) -> bool:
        joined, hyphenated = (left + right).lower(), f"{left}-{right}".lower()
        if self.counts[joined] != self.counts[hyphenated]:
            return self.counts[joined] > self.counts[hyphenated]
        last = left.rsplit("-", 1)[-1]
        if self.known(last + right):
            return True
        if self.known(last) and self.known(right) and len(right) > 2:
            return False
        return default

    def line_end(self, previous_raw: str, following: str) -> Join:
        """How the line `previous_raw` (as extracted) joins the stripped line `following`."""
        prev = previous_raw.rstrip()
        if not prev or not following:
            return Join.SPACE
        at_end = self.spaced_ends or len(prev) == len(previous_raw)
        if prev[-1] in HYPHENS and at_end:
            left = _LEFT.search(prev)
            right = _RIGHT.match(following)
            if not left:
                return Join.SPACE if prev[-2:-1].isspace() else Join.NOSPACE
            if not right or not right.group()[0].islower():
                return Join.NOSPACE
            joined = self.prefer_joined(left.group(1), right.group(), default=True)
            return Join.HYPHEN if joined else Join.NOSPACE
        if prev[-1] in NO_SPACE_ENDINGS and at_end:
            return Join.NOSPACE
        return Join.SPACE

    def inner_breaks(self, text: str, window: tuple[int, int]) -> list[int]:
        """Positions of lost line-end hyphens inside an over-long (merged) line.

        Only lower-case on both sides, only inside `window` (where a printed line would have
        ended), and only with positive evidence: a real hyphen stays unless proven otherwise.
        """
        found = []
        for m in re.finditer(r"([^\W\d_]+)-([^\W\d_]+)", text):
            pos = m.start(2) - 1
            left, right = m.group(1), m.group(2)
            lower = left[-1].islower() and right[0].islower()
            if not (window[0] <= pos <= window[1]) or not lower:
                continue
            if self.prefer_joined(left, right, default=False):
                found.append(pos)
        return found
