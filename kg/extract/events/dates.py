"""When an event happened: the date phrases its clause governs, a 'since' clause, or the sentence's opening date.

Used by :mod:`kg.extract.events.extractor` once the event's certainty is known (a planned event prefers a future
reading of a weekday).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from kg.extract.events.roles import spans_under
from kg.extract.events.senses import sentence_date
from kg.extract.language import MONTHS
from kg.extract.state import FoundEvent, day_range_start, is_day_number
from kg.extract.temporal import normalise_date
from kg.records import TimeValue

_MONTH_NAMES = frozenset(MONTHS.split("|"))
_YEAR = re.compile(r"(?:19|20)\d\d")


def date_event(
    event: FoundEvent,
    heads: tuple[Token, ...],
    dates: list[Span],
    verbs: set[int],
    doc: Doc,
    reporting: Collection[str],
) -> None:
    """Set ``event.date`` from the dates under its clause heads (the trigger, then its support verb)."""
    head = heads[0]
    # "will hold a rally on Friday", "called for a march on Friday": what has not happened yet lies ahead
    prefer = "future" if event.certainty in {"planned", "hypothetical"} else "past"
    for clause_head in heads:
        for date_span in spans_under(dates, clause_head, verbs):
            event.date = normalise_date(date_span.text, doc._.kg_date, prefer) or event.date
    event.date = event.date or since_clause(head, dates, doc._.kg_date)
    if event.date is None and (governing := sentence_date(head, dates, reporting)) is not None:
        event.date = normalise_date(governing.text, doc._.kg_date, prefer)  # "On 12 May, ... an attack on"


def since_clause(head: Token, dates: list[Span], doc_date: str | None) -> TimeValue | None:
    """'has held thousands since ISIS lost control in 2019' -> an interval starting in 2019."""
    for clause in (c for c in head.children if c.dep_ == "advcl"):
        if any(m.lower_ == "since" for m in clause.children if m.dep_ in {"mark", "prep"}):
            inside = [d for d in dates if d.root.i in {t.i for t in clause.subtree}]
            if inside:
                return normalise_date("since " + inside[0].text, doc_date)
    return None


def _month(token: Token) -> bool:
    return token.lower_.rstrip(".") in _MONTH_NAMES


def _untagged(doc: Doc, tagged: set[int]) -> list[Span]:
    """Day-and-month dates the model did not tag at all ('on the night of 3-4 May'): a capitalised month name
    after a day number, with the year after it when one is written."""
    found = []
    for token in doc:
        if token.i in tagged or token.i == 0 or not (token.is_title and _month(token)):
            continue
        if is_day_number(doc[token.i - 1]) and doc[token.i - 1].i not in tagged:
            year = token.i + 1 < len(doc) and _YEAR.fullmatch(doc[token.i + 1].text) is not None
            end = token.i + 2 if year else token.i + 1
            found.append(doc[day_range_start(doc, token.i - 1) : end])
    return found


def date_entities(doc: Doc) -> list[Span]:
    """The document's DATE entities, each with a day number the model left outside it: in 'Around 11 May 2020,
    police ...' the small model tags only 'May 2020', which would read as a month.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Around 11 May 2020, police arrested two men.")
    >>> doc.ents = [Span(doc, 2, 4, label="DATE")]
    >>> [d.text for d in date_entities(doc)]
    ['11 May 2020']
    >>> doc = nlp("On the night of 2-3 May 2020, police arrested two men.")
    >>> doc.ents = [Span(doc, 4, 7, label="DATE"), Span(doc, 7, 9, label="DATE")]
    >>> [d.text for d in date_entities(doc)]
    ['2-3 May 2020']
    >>> doc = nlp("On the night of 2-3 May, police arrested two men.")
    >>> [d.text for d in date_entities(doc)]
    ['2-3 May']
    """
    dates: list[Span] = []
    for ent in (e for e in doc.ents if e.label_ == "DATE"):
        day = ent.start > 0 and is_day_number(doc[ent.start - 1])
        start = day_range_start(doc, ent.start - 1) if day and _month(ent[0]) else ent.start  # '2-3 August'
        # the day numbers the model tagged as a date of their own ('27-28' + 'October 2020') join the month
        dates = [d for d in dates if not (d.start >= start and d.end <= ent.start)]
        dates.append(doc[start : ent.end])
    tagged = {t.i for d in dates for t in d} | {t.i for e in doc.ents for t in e}
    return sorted([*dates, *_untagged(doc, tagged)], key=lambda d: d.start)
