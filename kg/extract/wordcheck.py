"""Word checks that spare regex scans: a case-insensitive pattern made of plain words can match a text only where
the text's lower case holds one of its words, and substring tests cost far less than a scan of the whole text
(Python's ``re`` tries every alternative at every position; most sentences hold none of the words).

The checks are exact, not heuristics: a text with any of the four non-ASCII characters that match an ASCII letter
when case is ignored (:data:`ASCII_CASE_MATES`) gets no lower-case form, and its callers scan as before.

>>> index = WordIndex({"bomb": ["car bomb", "ied$"], "riot": ["riot"]})
>>> sorted(index.holding("Police said a CAR BOMB exploded.")), sorted(index.holding("Rebels left."))
(['bomb'], [])
"""

from __future__ import annotations

import re

# The non-ASCII characters that a case-insensitive pattern matches to an ASCII letter ('K', the Kelvin sign, is
# 'k'; tests/test_wordcheck.py recomputes them over all of Unicode).
ASCII_CASE_MATES = frozenset("\u0130\u0131\u017f\u212a")


def literals(words: list[str]) -> tuple[str, ...] | None:
    """The lower-case words one of which a text's lower case must hold for a case-insensitive pattern of ``words``
    (a final ``$`` marks a word boundary) to match it; None when a word is not plain ASCII.

    >>> literals(["ied$", "Car bomb"]), literals(["café"])
    (('ied', 'car bomb'), None)
    """
    found = tuple(w.removesuffix("$").lower() for w in words)
    return found if all(w.isascii() for w in found) else None


def folded(text: str) -> str | None:
    """``text`` in lower case, or None when it holds one of :data:`ASCII_CASE_MATES` (then the caller scans).

    >>> folded("Car BOMB"), folded("\u212aabul")
    ('car bomb', None)
    """
    return text.lower() if text.isascii() or ASCII_CASE_MATES.isdisjoint(text) else None


def may_hold(lower: str | None, words: tuple[str, ...] | None) -> bool:
    """False only when the text whose :func:`folded` form is ``lower`` holds none of ``words`` (lower case, see
    :func:`literals`): then no case-insensitive pattern of those words can match it.

    >>> may_hold("rebels planted a car bomb.", ("car bomb",)), may_hold("rebels left.", ("car bomb",))
    (True, False)
    """
    return lower is None or words is None or any(word in lower for word in words)


def holds(text: str, words: tuple[str, ...], pattern: re.Pattern[str]) -> bool:
    """``pattern.search(text) is not None`` for a case-insensitive ``pattern`` that is an alternation of exactly
    ``words`` (plain, lower case), from substring tests where the text's case folds.

    >>> holds("Two were KILLED.", ("kill", "dead"), re.compile("kill|dead", re.I))
    True
    """
    lower = folded(text)
    return pattern.search(text) is not None if lower is None else any(word in lower for word in words)


class WordIndex:
    """Which of several named word lists a text holds a word of, from each word's first three letters: one pass
    over the text's letter triples instead of a substring test per word (about 450 words for the cue classes)."""

    def __init__(self, lists: dict[str, list[str]]) -> None:
        self._index: dict[str, list[tuple[str, str]]] = {}
        unindexed = set()  # a list with a word too short or not ASCII: always a candidate
        for name, words in lists.items():
            found = literals(words)
            if found is None or any(len(word) < 3 for word in found):
                unindexed.add(name)
                continue
            for word in found:
                self._index.setdefault(word[:3], []).append((name, word))
        self._unindexed = frozenset(unindexed)

    def holding(self, text: str) -> set[str] | None:
        """The names of the lists a word of which ``text`` holds (its case ignored), with the lists the index
        cannot tell; None when the text's case cannot be folded (see :func:`folded`): every list may match."""
        lower = folded(text)
        if lower is None:
            return None
        held = set(self._unindexed)
        index = self._index
        for i in range(len(lower) - 2):
            for name, word in index.get(lower[i : i + 3], ()):
                if name not in held and lower.startswith(word, i):
                    held.add(name)
        return held
