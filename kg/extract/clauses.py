"""What one sentence of a report says about its incident, read from the parse: the date it gives (the event's
day, not the report's: "on Thursday night, ..., the army said on Friday"), who acts (the subject of its first
clause that is not a reporting verb's) and what they act on.

>>> from kg.extract.pipeline import load_pipeline
>>> doc = load_pipeline()("Gunmen shot dead a farmer in Sora town on Monday night, police said on Tuesday.")
>>> sentence_date(next(doc.sents), doc.text, "2020-06-10", None).value, subject_text(next(doc.sents), [])
('2020-06-08', 'Gunmen')
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Span, Token

from kg.extract.language import NUMBER_WORDS
from kg.extract.lexicon import word_set
from kg.extract.state import day_range_start, is_day_number, sentence_ents
from kg.extract.subjects import REPORTING
from kg.extract.temporal import normalise_date, shift_days
from kg.records import Event, TimeValue

_NEXT_DAY = re.compile(r"\b(the (?:next|following) (?:day|morning|night)|a day later)\b", re.I)
_DAY_BEFORE = re.compile(r"\b(the (?:previous|preceding) (?:day|night)|a day earlier|the day before)\b", re.I)
_DAYS_LATER = re.compile(
    rf"\b(?P<n>{'|'.join(w for w in NUMBER_WORDS if 1 < NUMBER_WORDS[w] < 11)}) days (?P<way>later|earlier)\b",
    re.I,
)
_WEEKDAY_TEXT = re.compile(r"\b((?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I)
PRECISION_ORDER = {"day": 0, "approximate": 1, "month": 2, "year": 3}
_TIMES_OF_DAY = {"night", "morning", "evening", "afternoon", "dawn", "midnight", "noon", "overnight"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
           "dec"}  # fmt: skip
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}}\s+(?:{'|'.join(sorted(_MONTHS, key=len, reverse=True))})\.?\s+(?:19|20)\d\d)\b",
                             re.I)  # fmt: skip
# a day and month the model left untagged ('on the night of 3-4 May'): capitalised full names only ('5 may')
_DAY_MONTH = re.compile(r"\b(\d{1,2}(?:[-–]\d{1,2})?\s+(?:January|February|March|April|May|June|July|August|September|"
                        r"October|November|December))\b")  # fmt: skip
GENERIC_PEOPLE = {"people", "persons", "person", "others", "individuals"}
_FUTURE = re.compile(
    r"\b(will|shall|plans? to|planned|planning|scheduled|to be held|intends? to|next)\b", re.I
)


def sentence_date(
    sent: Span,
    text: str,
    doc_date: str | None,
    previous: TimeValue | None,
    reporting: frozenset[int] = frozenset(),
) -> TimeValue | None:
    """The date a sentence (``text`` is its text) states for what it reports, or the one it refers back to
    ("hours later"). ``reporting`` holds the token indices of its reporting verbs."""
    prefer = "future" if _FUTURE.search(text) else "past"
    values: list[TimeValue] = []
    modifiers: list[TimeValue] = []
    relative = _relative(text, previous)
    for ent in sentence_ents(sent):
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        value = normalise_date(_with_day(ent), doc_date, prefer=prefer)
        if value is not None and relative is not None and not any(c.isdigit() for c in ent.text):
            # "The following day, ..., officials said on Thursday": a weekday here is most likely the report's
            continue
        if value is not None:
            # "the 2019 protests", "the 20 December elections" may name another happening, and "..., a monitor
            # said on Friday" dates the report: used last. "Thursday night" is the event's day.
            head = ent.root.head
            modifier = (
                ent.root.dep_ in {"compound", "amod", "nmod", "poss"} and head.lower_ not in _TIMES_OF_DAY
            ) or (head.dep_ == "prep" and (head.head.i in reporting or head.head.lemma_ in REPORTING))
            (modifiers if modifier else values).append(value)
    # the model missed it ("on Friday night" tagged TIME or nothing, "On or around 5 May 2020")
    if not values and relative is None:
        found = [*_DAY_MONTH_YEAR.finditer(text), *_WEEKDAY_TEXT.finditer(text), *_DAY_MONTH.finditer(text)]
        values = [v for m in found if (v := normalise_date(m[1], doc_date, prefer))][:1]
    if values:
        # a day before an interval of the same precision: "Around 5 January 2020 (between 1 and 5 January)"
        return min(values, key=lambda v: (PRECISION_ORDER.get(v.precision, 9), v.start is not None))
    if relative is not None:
        return relative
    if modifiers:
        return min(modifiers, key=lambda v: (PRECISION_ORDER.get(v.precision, 9), v.start is not None))
    return None


def _relative(text: str, previous: TimeValue | None) -> TimeValue | None:
    """The day after or before the last stated one: "The following day", "the previous night"."""
    if previous is None:
        return None
    for pattern, days in ((_NEXT_DAY, 1), (_DAY_BEFORE, -1)):
        if found := pattern.search(text):
            # the words that date this sentence, so that its events may take the day (see recorder._in_context)
            return dataclasses.replace(shift_days(previous, days), text=found[0])
    if found := _DAYS_LATER.search(text):  # 'two days later', 'three days earlier'
        days = NUMBER_WORDS[found["n"].lower()] * (-1 if found["way"].lower() == "earlier" else 1)
        return dataclasses.replace(shift_days(previous, days), text=found[0])
    return None


def _with_day(ent: Span) -> str:
    """A date's text with the day number the model left out of it: "5" + "September 2020" -> "5 September 2020"
    (the small model tags the number CARDINAL), or the 'since' before it."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and ent[0].lower_ in _MONTHS and is_day_number(before):
        first = day_range_start(ent.doc, before.i)  # 'the night of 2-3 August': from the 2nd
        days = before.text if first == before.i else f"{ent.doc[first].text}-{before.text}"
        return f"{days} {ent.text}"
    if before is not None and before.lower_ == "since":  # 'since 1984': an interval up to now, not the year
        return f"since {ent.text}"
    return ent.text


Acting = tuple[Token, list[Token]]  # the verb and who acts with it (:func:`actor_verb`)


def actor_verb(sent: Span, events: list[Event], reporting: frozenset[int] = frozenset()) -> Acting:
    """Who acts, and the verb they act with: the subject of the first verb trigger of the sentence that has one,
    else of the first clause
    that is not a reporting verb's ("Gunmen shot dead a man, local sources said": the gunmen; "Youths threw
    stones; the soldiers responded": the youths)."""
    verbs = [
        span.root
        for e in events
        if (span := sent.doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")) is not None
        and span.root.pos_ == "VERB"
        and span.root.dep_ not in {"acl", "relcl", "amod"}  # 'forces backed by X': X describes the forces
    ]
    clauses = [t for t in sent if t.dep_ in {"ROOT", "ccomp", "conj", "parataxis"} and t.head.i >= sent.start]
    clauses = [t for t in clauses if t.dep_ == "ROOT" or t.head.dep_ == "ROOT"]
    told = [t for t in clauses if t.i not in reporting and t.lemma_ not in REPORTING]
    # the small model sometimes hangs a main verb off a noun ('regained' as a modifier of 'control')
    others = [
        t
        for t in sent
        if t.pos_ == "VERB"
        and t.dep_ not in {"relcl", "acl", "advcl"}
        and t not in clauses
        and t.i not in reporting
        and t.lemma_ not in REPORTING
    ]
    # "... were killed when a Turkish drone hit their car": the clause that tells how, before the root
    how = [
        t
        for t in sent
        if t.dep_ == "advcl" and t.pos_ == "VERB" and any(c.lower_ == "when" for c in t.children)
    ]
    for root in [*verbs, *told, *others, *how, sent.root]:
        agents = [g for c in root.children if c.dep_ == "agent" for g in c.children]
        # not a relative pronoun ("factions that killed 11 fighters": 'that' says nothing of who acted)
        chosen = agents or [c for c in root.children if c.dep_ == "nsubj" and c.tag_ not in {"WDT", "WP"}]
        if root is sent.root and (root.i in reporting or root.lemma_ in REPORTING):
            return root, []  # "..., the SDF said": who tells it did not act
        if chosen or root is sent.root:
            return root, chosen
    return sent.root, []


def subject_text(
    sent: Span, events: list[Event], reporting: frozenset[int] = frozenset(), acting: Acting | None = None
) -> str:
    """The text of who acts (see :func:`actor_verb`; ``acting``: what it returned for these arguments), less the
    clauses that describe it without naming a doer ('an IED planted on the road detonated under a military truck':
    the truck is not who acted)."""
    return " ".join(_phrase_text(t) for t in (acting or actor_verb(sent, events, reporting))[1])


def _phrase_text(token: Token) -> str:
    # (a clause that names the doer by 'by' says who acted: 'a projectile fired by the Houthis')
    clauses = {
        t.i
        for c in token.children
        if c.dep_ in {"acl", "relcl"} and not any(a.dep_ == "agent" for a in c.children)
        for t in c.subtree
    }
    return " ".join(t.text for t in token.subtree if t.i not in clauses)


def object_text(
    sent: Span, events: list[Event], reporting: frozenset[int] = frozenset(), acting: Acting | None = None
) -> str:
    """What the actor acts on: 'a Security Belt checkpoint' in 'militants attacked a Security Belt checkpoint',
    'a vehicle of the army' in 'gunmen opened fire on a vehicle of the army'."""
    verb = (acting or actor_verb(sent, events, reporting))[0]
    objects = [c for c in verb.children if c.dep_ == "dobj"] or [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ in {"on", "at"} for o in p.children
        if o.dep_ == "pobj"
    ]  # fmt: skip
    words = " ".join(doc_text(t) for t in objects).split()
    return " ".join(w for w in words if w.lower() not in GENERIC_PEOPLE)  # 'killing 11 people': no type


def doc_text(token) -> str:
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text


# whose kin or friends people are: 'relatives of a man who died in custody', 'families of men killed by police'
_KIN_OF = word_set("actors", "kin_of_people")


def kin_text(sent: Span, text: str) -> str:
    """The sentence text with the clauses that say whose kin the actors are blanked ('Relatives of a young man who
    died in police custody blocked the road': that death is why they protest, not a casualty of the protest); offsets
    stay where they were."""
    chars = list(text)
    for clause in (t for t in sent if t.dep_ in {"relcl", "acl"} and t.head.dep_ == "pobj"):
        prep = clause.head.head
        if (
            prep.lower_ == "of"
            and prep.head.lemma_.lower() in _KIN_OF
            and prep.head.dep_ in {"nsubj", "nsubjpass", "ROOT"}
        ):
            start, end = (
                clause.left_edge.idx - sent.start_char,
                clause.right_edge.idx + len(clause.right_edge) - sent.start_char,
            )
            chars[start:end] = " " * (end - start)
    return "".join(chars)
