"""Word checks before regex scans: exact, so a case-insensitive pattern's answer never changes."""

from __future__ import annotations

import re
import sys

import pytest

from kg.extract.wordcheck import ASCII_CASE_MATES, WordIndex, folded, may_hold

LISTS = {
    "bomb": ["car bomb", "ied$", "landmine"],
    "riot": ["riot", "looted"],
    "uav": ["uav"],
    "odd": ["x", "café"],
}
PATTERNS = {
    name: re.compile("|".join(re.escape(w.removesuffix("$")) for w in words), re.IGNORECASE)
    for name, words in LISTS.items()
}


def test_every_character_that_matches_an_ascii_letter_ignoring_case_is_known():
    letter = re.compile("(?i)[a-z]")
    assert {chr(c) for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c))} == ASCII_CASE_MATES


@pytest.mark.parametrize(
    "text",
    [
        "A CAR BOMB and two IEDs went off; youths looted shops.",
        "Rioters set fire to a car.",  # 'riot' inside a longer word: the word is there
        "A drone (UAV) flew over the town.",
        "Nothing happened.",
        "The \u212aabul riot",  # a Kelvin sign: no lower case, every list may match
        "ab",
        "",
    ],
)
def test_the_lists_held_include_every_list_whose_pattern_matches(text: str) -> None:
    held = WordIndex(LISTS).holding(text)
    matching = {name for name, pattern in PATTERNS.items() if pattern.search(text)}
    assert held is None or matching <= held
    assert held is None or {"odd"} <= held  # a short or non-ASCII word keeps its list a candidate


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Two were KILLED", ("kill",), True),
        ("Talks resumed", ("kill", "dead"), False),
        ("\u212aILLED", ("kill",), True),
    ],
)
def test_may_hold_is_false_only_without_the_words(text: str, words: tuple[str, ...], expected: bool) -> None:
    assert may_hold(folded(text), words) is expected
