"""Which counts of a mention-level event are deaths, and the singular victims a killing counts without a number.

A number is a death count only when the text says those people died: the counted targets or themes of a killing
event ("killing two soldiers", "6 soldiers and 3 rebels were killed"), not a crowd ("hundreds of residents
marched"), weapons ("12 IEDs"), strikes, vehicles, the injured or the arrested. The graph's kg:Quantity keeps the
phrase's value and qualifier ("dozens": 24, vague); the fatalities an event reports follow ACLED ("dozens": 12).

>>> from kg.records import Mention, Quantity
>>> said = Mention("d", 0, 6, "dozens", (0, 6), 0.7, "kg_events")
>>> fatalities_of("Killing", [Quantity(24.0, "fighter", "vague", "done", said, "theme")])
12
>>> fatalities_of("Protest", [Quantity(24.0, "resident", "vague", "done", said, "agent")]) is None
True
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from kg.extract.lexicon import word_set
from kg.extract.numerals import vague_count
from kg.extract.state import FoundEvent, FoundQuantity
from kg.records import Quantity

KILLING_TYPES = word_set("casualties", "killing_event_types")
_VICTIM_ROLES = {"target", "theme"}
_ONE = {"a", "an", "one", "another"}
_SUBSET = {"including", "among", "include", "includes"}
_GROUP = {"them", "whom", "those", "these"}


def fatalities_of(event_type: str, quantities: Iterable[Quantity]) -> int | None:
    """The dead a mention-level event reports: its killed targets and themes summed over the groups counted
    ("14 rebels and 6 soldiers were killed" -> 20), vague counts at ACLED's value; None when it counts no dead."""
    if event_type not in KILLING_TYPES:
        return None
    dead = [q for q in quantities if q.measures in _VICTIM_ROLES and q.status == "done"]
    if not dead:
        return None
    # the counts of the first sentence that tells the dead: another sentence's may be the same dead told again,
    # or another killing the event layer joined to this one
    first = min(dead, key=lambda q: q.mention.start).mention.sentence
    return sum(_acled_value(q) for q in dead if q.mention.sentence == first)


def is_part(noun: Token) -> bool:
    """A count of some of those counted before: "including three children", "among them a woman", "killing five
    civilians, beheading two of them" (not "killing two of them" when no count came before: they are the dead)."""
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in _GROUP for g in c.children)
           for c in noun.children):  # fmt: skip
        return any(t.dep_ == "nummod" and t.head.tag_ == "NNS" for t in noun.sent[: noun.i - noun.sent.start])
    near = [*noun.children, *noun.head.children]
    if any(c.dep_ == "prep" and c.lower_ in _SUBSET and noun.i - 4 < c.i < noun.i for c in near):
        return True  # "among them a woman"
    current = noun
    for _ in range(3):
        if current.lower_ in _SUBSET:  # "including three children"
            return True
        if current.head is current or current.pos_ in {"VERB", "AUX"}:
            break
        current = current.head
    return False


def _acled_value(quantity: Quantity) -> int:
    if quantity.qualifier == "vague":
        words = quantity.mention.text.lower().split()
        for size in (2, 1):
            if (value := vague_count(" ".join(words[-size:]))) is not None:
                return value
    return int(quantity.value)


def single_victims(event: FoundEvent) -> list[FoundQuantity]:
    """One count per victim a killing names without a number: "killing a woman" -> 1 woman, "killing 5 children
    and a teacher" -> 1 teacher beside the 5, "A civilian was killed" -> 1 civilian."""
    if event.type not in KILLING_TYPES:
        return []
    counted = {t.i for q in event.quantities for t in q.span}
    found = []
    for noun in _victims(event.trigger.root):
        det = next((c for c in noun.children if c.dep_ in {"det", "nummod"} and c.lower_ in _ONE), None)
        if det is None or det.i in counted or any(c.dep_ == "nummod" and c is not det for c in noun.children):
            continue
        if is_part(noun):
            continue
        span: Span = noun.doc[det.i : noun.i + 1] if det.i < noun.i else noun.doc[det.i : det.i + 1]
        found.append(FoundQuantity(span, 1.0, noun.lemma_, "exact", "done", "theme"))
    return found


def _victims(verb: Token) -> list[Token]:
    """The singular nouns a killing verb takes as object or passive subject, with their conjuncts."""
    heads = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    nouns: list[Token] = []
    while heads:
        head = heads.pop(0)
        if head.tag_ == "NN":
            nouns.append(head)
        heads.extend(c for c in head.children if c.dep_ == "conj")
    return nouns
