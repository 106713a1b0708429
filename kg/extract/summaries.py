"""Sentences that sum up rather than tell a happening: trends, running totals and generic statements.

Long articles analyse as well as report: 'attacks on the security forces have increased this year', 'air strikes
have become the army's main weapon', 'more than 60 soldiers have been killed so far in 2024', 'more than 4,000
civilians have been killed since the coup', 'every ceasefire has been used to rearm'. Their main verb (under 'X
says that ...') is in the present perfect and says how something changed (a trend verb), or counts over a period
('so far', 'to date', 'this year', or 'since' a time that is not weeks old), or has any or every one of a kind
as its subject. None of them is an incident, nor is history the article recalls (:func:`recalled`). Word lists:
``kg/data/lexicon/events.json`` (``trend_verbs``, ``period_cues``, ``generic_determiners``).

>>> from kg.extract.pipeline import load_pipeline
>>> nlp = load_pipeline()
>>> summary(next(nlp("Attacks on police stations have increased this year.").sents), frozenset(), None, None)
True
>>> summary(next(nlp("Gunmen have killed three soldiers in Tillaberi.").sents), frozenset(), None, None)
False
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.lexicon import load_lexicon, word_list, word_set
from kg.extract.newstime import BACKGROUND_DAYS, background, latest_day, long_running
from kg.records import TimeValue

_PERFECT = {"has", "have", "'ve", "'s"}


@cache
def _period() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(word_list("events", "period_cues")) + r")\b", re.IGNORECASE)


def main_verb(sent: Span, reporting: frozenset[int] | set[int]) -> Token:
    """The verb of what the sentence reports: its root, or the clause a reporting verb (``reporting``) governs."""
    verb = sent.root
    while verb.i in reporting:
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is None:
            break
        verb = clause
    return verb


def present_perfect(verb: Token) -> bool:
    """'have increased', 'has been killed' (not 'had been killed': a past perfect tells what came before)."""
    return verb.tag_ == "VBN" and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in _PERFECT for c in verb.children
    )


def _old_start(date: TimeValue | None, now: dt.date | None) -> bool:
    """No date, or an interval begun more than a few weeks before the news time ('since the coup', 'since 2019')."""
    if date is None or now is None:
        return date is None
    # 'since January' began on its first day
    first = _first_day(date.start or date.value) or (latest_day(date.start) if date.start else None)
    return first is not None and (now - first).days > BACKGROUND_DAYS


def _first_day(value: str) -> dt.date | None:
    """The first day a month or a year names ('since January': since its first day); None for a day (a week-old
    'since Monday' is news) or a value with no year.

    >>> _first_day("2021-01"), _first_day("2021-01-05")
    (datetime.date(2021, 1, 1), None)
    """
    parts = value.split("-")
    if len(parts) > 2 or len(parts[0]) != 4 or not all(p.isdigit() for p in parts):
        return None
    return dt.date(int(parts[0]), int(parts[1]) if len(parts) == 2 else 1, 1)


def summary(
    sent: Span, reporting: frozenset[int] | set[int], date: TimeValue | None, now: dt.date | None
) -> bool:
    """True for a sentence that tells a trend, a running total or a generic statement, not one happening
    (see the module docstring); ``date`` is the sentence's own date and ``now`` the news time."""
    verb = main_verb(sent, reporting)
    if not present_perfect(verb):
        return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    kinds = word_set("events", "generic_determiners")  # 'every ceasefire has been used to ...'
    if verb.lemma_.lower() in word_set("events", "trend_verbs") or any(
        d.dep_ == "det" and d.lower_ in kinds for s in subjects for d in s.children
    ):
        return True
    if any(definite_act(s, plural=True) for s in subjects):
        return True  # 'the strikes have degraded its capabilities': what earlier acts have done, no new one
    clause = sent.doc[verb.left_edge.i : verb.right_edge.i + 1].text
    if _period().search(clause):
        return True
    return any(t.lower_ == "since" for t in verb.subtree) and _old_start(date, now)


def definite_act(noun: Token, plural: bool = False) -> bool:
    """An event noun made definite: one told before ('the strike', 'this raid') or, ``plural``, the acts told as
    a whole ('the strikes', 'these raids')."""
    determiners = {"the", "these", "those", "such"} if plural else {"the", "this", "that"}
    return (
        noun.tag_ == ("NNS" if plural else "NN")
        and any(d.dep_ == "det" and d.lower_ in determiners for d in noun.children)
        and load_lexicon().type_of_lemma(noun.lemma_, "NOUN") is not None
    )


def recalled(
    sent: Span,
    reporting: frozenset[int] | set[int],
    date: TimeValue | None,
    carried: TimeValue | None,
    now: dt.date | None,
    history: bool = True,
) -> bool:
    """A sentence that opens no incident: history the report recalls ('in March 2020', 'last year'; with no
    ``date`` of its own, the ``carried`` date of its paragraph: what the paragraph goes on to tell of it), a running
    total over a long interval ('since 1984') or a :func:`summary`. ``history=False`` (the report's first incident,
    what it is about however late it is filed) reads no date as history."""
    return (
        (history and (background(date or carried, now) or _earlier_year(date, now)))
        or long_running(date, now)
        or summary(sent, reporting, date, now)
    )


def _earlier_year(date: TimeValue | None, now: dt.date | None) -> bool:
    """A date only as precise as a year before the news time's: 'when the rebels entered the city last year'
    (in January it still ends within weeks, but a report would say 'last month')."""
    if date is None or now is None or date.precision != "year" or date.start or date.end:
        return False
    return date.value[:4].isdigit() and int(date.value[:4]) < now.year
