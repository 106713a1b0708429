"""Counts as news reports write them: digits ("1,200"), number words ("twelve"), "a" or "another", and vague
counts ("dozens"), read at ACLED's value. Used by the casualty counts (:mod:`kg.extract.casualties`) and the
incidents' dead (:mod:`kg.extract.events.deaths`).

>>> import re
>>> re.fullmatch(NUMERAL, "twelve") is not None, numeral_value("twelve")
(True, 12)
"""

from __future__ import annotations

import re

from kg.extract.language import NUMBER_WORDS
from kg.extract.lexicon import word_map

# Digits, the number words of kg.extract.language (longest first) and vague counts
NUMERAL = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+|"
    + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True))
    + r"|a|an|another|dozens|scores|several)"
)

# ACLED's fatalities column records a vague count at ACLED's value ("dozens" is 12), not the phrase's own
_ACLED_VAGUE = word_map("casualties", "acled_vague_counts")


def vague_count(phrase: str) -> int | None:
    """ACLED's value of a vague count ("dozens" is 12), None for a phrase that is none.

    >>> vague_count("dozens"), vague_count("seven")
    (12, None)
    """
    value = _ACLED_VAGUE.get(phrase.lower())
    return int(value) if value is not None else None


def numeral_value(text: str) -> int | None:
    """The number a count of :data:`NUMERAL` (or an object pronoun a killing verb takes) stands for, None if none.

    >>> [numeral_value(w) for w in ("1,200", "an", "both", "dozens", "few")]
    [1200, 1, 2, 12, None]
    """
    low = text.lower().replace(",", "")
    if low.isdigit():
        return int(low)
    if low in {"a", "an", "another", "him", "her", "himself", "herself"}:
        return 1
    if low == "both":
        return 2
    if (vague := vague_count(low)) is not None:
        return vague
    value = NUMBER_WORDS.get(low)
    return int(value) if value is not None else None
