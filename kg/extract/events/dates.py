"""When an event happened: the date phrases its clause governs, a 'since' clause, or the sentence's opening date.

Used by :mod:`kg.extract.events.extractor` once the event's certainty is known (a planned event prefers a future
reading of a weekday).
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from kg.extract.events.roles import spans_under
from kg.extract.events.senses import sentence_date
from kg.extract.language import MONTHS
from kg.extract.state import FoundEvent, day_range_start
from kg.extract.temporal import normalise_date
from kg.records import TimeValue

_MONTH_NAMES = frozenset(MONTHS.split("|"))


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


def _day(token: Token) -> bool:
    return token.is_digit and 1 <= int(token.text) <= 31 and token.ent_type_ == ""


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
    >>> doc.ents = [Span(doc, 7, 9, label="DATE")]
    >>> [d.text for d in date_entities(doc)]
    ['2-3 May 2020']
    """
    dates = []
    for ent in (e for e in doc.ents if e.label_ == "DATE"):
        day = ent.start > 0 and _day(doc[ent.start - 1])
        month = ent[0].lower_.rstrip(".") in _MONTH_NAMES
        start = day_range_start(doc, ent.start - 1) if day and month else ent.start  # '2-3 August': the range
        dates.append(doc[start : ent.end])
    return dates
