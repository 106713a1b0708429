"""Document-level event linking: one node per real event, anaphora, causes, and inherited time and place.

- The same event told twice ("a Jan. 19 prison break" in the summary and again in the body) becomes one event
  when type, date, place and agents are compatible.
- A definite generic noun ("the unrest", "the incident") refers back to the latest event.
- "X, sparked by Y" / "Y sparked X" / "Y led to X" link X ``caused_by`` Y; linked events share what only one of
  them states (date, place), marked as inferred.
- A violent act told without a doer takes the doers of the violent act that caused it in the same sentence
  ("were killed when gunmen ambushed them", "fighting between A and B killed 30"; :mod:`kg.extract.events.causes`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from spacy.tokens import Doc, Token

from kg.extract.events.causes import inherit_agents
from kg.extract.events.senses import irrealis
from kg.extract.language import DEFINITE_DETERMINERS as DEFINITE
from kg.extract.lexicon import Lexicon
from kg.extract.newstime import background, news_time
from kg.extract.state import FoundEvent, sentence_start

WITHIN = {"in", "during", "amid", "amidst", "through"}  # 'after'/'before' the attack relate two events
COUNT_RATIO = 1.5  # counts further apart than this are of two happenings
COUNTED = ("target", "theme")  # roles whose counts say how many were hit, moved or held


def _compatible(a: FoundEvent, b: FoundEvent, now: dt.date | None = None) -> bool:
    if a.type != b.type or a.polarity != b.polarity:
        return False
    if irrealis(a.trigger.root) != irrealis(b.trigger.root):  # 'further breakouts' is not the breakout told
        return False
    if _counts_disagree(a, b):
        return False
    if a.date and b.date and a.date.value != b.date.value:
        return False
    # an undated mention is told at the news time: not an event the text dates long before it
    if bool(a.date) != bool(b.date) and (background(a.date, now) or background(b.date, now)):
        return False
    places_a, places_b = set(a.roles.get("place", [])), set(b.roles.get("place", []))
    if places_a and places_b and not places_a & places_b:
        return False
    agents_a, agents_b = set(a.roles.get("agent", [])), set(b.roles.get("agent", []))
    if agents_a and agents_b and not agents_a & agents_b:
        return False
    return _same_happening(a, b)


def _counts_disagree(a: FoundEvent, b: FoundEvent) -> bool:
    """Both count the people hit (or moved) and no two counts are close: 'police shot dead 11 people on Monday'
    and 'more than 60 people were killed in those protests' (last year's) are two killings, whatever else they
    share."""
    for role in COUNTED:
        counts_a = {q.value for q in a.quantities if q.measures == role and q.status == "done"}
        counts_b = {q.value for q in b.quantities if q.measures == role and q.status == "done"}
        if counts_a and counts_b and not any(_close(x, y) for x in counts_a for y in counts_b):
            return True
    return False


def _close(x: float, y: float) -> bool:
    """Two counts of one happening told by two sources ('about 150 fighters', '144 detainees', 'at least 25' and
    '30 dead'); not a part and its whole, or a day's toll and a year's."""
    return x > 0 and y > 0 and max(x, y) / min(x, y) <= COUNT_RATIO


def _same_happening(a: FoundEvent, b: FoundEvent) -> bool:
    """Positive evidence that ``b`` tells the happening ``a`` (earlier, maybe already merged) tells, not just the
    absence of a conflict: in one sentence, one trigger governs the other ('a bomb exploded', 'escaped during a
    prison break') or both have the same place; in the next sentence, the story goes on; farther away, the date,
    a place or a participant agrees ('Rebels attacked Goma' ... 'an attack on Goma') or ``b`` is a definite noun
    ('the transfers'). Two attacks told in one sentence, or far apart sharing nothing, are two events."""
    later = b.trigger.root
    shared_place = bool(set(a.roles.get("place", [])) & set(b.roles.get("place", [])))
    # sentences compared by their first token (Token.sent per mention made long documents take minutes)
    here = sentence_start(later)
    before = sentence_start(later.doc[here - 1]) if here > 0 else None  # the sentence before ``later``'s
    in_sentence = False
    # mentions are in document order: from the last one back to the sentence before ``later``'s, no further
    # (all of them per comparison made a long document's repeated event quadratic)
    for mention in reversed(a.mentions):
        earlier = mention.root
        start = sentence_start(earlier)
        if start == here:
            in_sentence = True
            connected = any(
                x.head == y or (x.dep_ == "pobj" and x.head.lower_ in WITHIN and x.head.head == y)
                for x, y in ((earlier, later), (later, earlier))
            )
            if connected or shared_place:
                return True
        elif start == before:
            return True
        elif start < here:
            break
    if in_sentence:
        return False
    agreeing = bool(a.date and b.date and a.date.value == b.date.value) or shared_place
    agreeing = agreeing or any(
        set(a.roles.get(r, [])) & set(b.roles.get(r, [])) for r in ("agent", "target", "theme")
    )
    definite = later.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in later.children)
    return agreeing or definite


def _absorb(into: FoundEvent, other: FoundEvent) -> None:
    for role, keys in other.roles.items():
        for key in keys:
            if key not in into.roles.setdefault(role, []):
                into.roles[role].append(key)
    # the other's trigger as told, with its support verb ('a roadside bomb blast occurred in X': 'blast occurred')
    told = [other.anchor or other.mentions[0], *other.mentions[1:]] if other.mentions else []
    into.mentions.extend(m for m in told if all(m != n for n in into.mentions))  # each span once
    into.quantities.extend(other.quantities)
    into.caused_by.extend(c for c in other.caused_by if c not in into.caused_by)
    into.date = into.date or other.date
    into.instrument = into.instrument or other.instrument
    if into.certainty != "asserted" and other.certainty == "asserted":
        into.certainty = "asserted"


def merge_duplicates(events: list[FoundEvent], doc_date: str | None = None) -> list[FoundEvent]:
    """Merge mentions of the same event; the earliest mention keeps the node."""
    merged: list[FoundEvent] = []
    now = news_time((e.date for e in events), doc_date)
    for event in events:
        same = next((m for m in merged if _compatible(m, event, now)), None)
        if same is None:
            merged.append(event)
        else:
            _absorb(same, event)
    for event in merged:  # causes point at surviving nodes, once each, never at the event itself
        causes: list[FoundEvent] = []
        for cause in (_representative(c, merged) for c in event.caused_by):
            if cause is not event and all(cause is not c for c in causes):
                causes.append(cause)
        event.caused_by = causes
    return merged


def _representative(event: FoundEvent, merged: list[FoundEvent]) -> FoundEvent:
    for candidate in merged:
        if any(m.start == event.trigger.start for m in candidate.mentions):
            return candidate
    return event


def _event_at(
    token: Token, by_token: dict[int, FoundEvent], previous: FoundEvent | None, lexicon: Lexicon
) -> FoundEvent | None:
    """The event a token stands for: a trigger, or an anaphoric noun resolved to the latest event."""
    if token.i in by_token:
        return by_token[token.i]
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children)
    if token.lemma_.lower() in lexicon.anaphora and definite:
        return previous
    return None


def _latest_before(token: Token, events: list[FoundEvent]) -> FoundEvent | None:
    earlier = [
        e for e in events if e.trigger.end <= token.i and token.sent.start - e.trigger.sent.start < 400
    ]
    return earlier[-1] if earlier else None


def _causal_pairs(events: list[FoundEvent], lexicon: Lexicon) -> list[tuple[FoundEvent, FoundEvent]]:
    """(effect, cause) pairs from 'X, sparked by Y', 'Y sparked X', 'Y led to X'."""
    if not events:
        return []
    doc = events[0].trigger.doc
    by_token = {m.root.i: e for e in events for m in e.mentions}
    pairs = []
    for verb in (t for t in doc if t.pos_ == "VERB"):
        lemma = verb.lemma_.lower()
        if lemma not in lexicon.passive_cause and lemma not in lexicon.active_cause:
            continue  # most verbs: no children read
        by_agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if lemma in lexicon.passive_cause and by_agents:  # "the unrest, sparked by clashes"
            effect_tok = (
                verb.head
                if verb.dep_ in {"acl", "amod", "relcl"}
                else next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            )
            causes = by_agents
        elif lemma in lexicon.active_cause:  # "clashes sparked the unrest", "clashes led to the escape"
            to = [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            effect_tok = next((c for c in verb.children if c.dep_ == "dobj"), to[0] if to else None)
            causes = [c for c in verb.children if c.dep_ == "nsubj"]
        else:
            continue
        if effect_tok is None:
            continue
        effect = _event_at(effect_tok, by_token, _latest_before(effect_tok, events), lexicon)
        for cause_tok in causes:
            cause = _event_at(cause_tok, by_token, None, lexicon)
            if effect is not None and cause is not None and cause is not effect:
                pairs.append((effect, cause))
    return pairs + _responses(doc, events, by_token, lexicon)


def _responses(
    doc: Doc, events: list[FoundEvent], by_token: dict[int, FoundEvent], lexicon: Lexicon
) -> list[tuple[FoundEvent, FoundEvent]]:
    """'X struck Y in retaliation for the attack on Z': the strike responds to (is caused by) the attack."""
    pairs = []
    for noun in (t for t in doc if t.lemma_.lower() in lexicon.response and t.dep_ == "pobj"):
        governor = noun.head.head  # "in" -> the verb or event noun it modifies
        effect = by_token.get(governor.i)
        causes = [
            p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"to", "for"} for p in c.children
        ]
        for cause_tok in (p for p in causes if p.dep_ == "pobj"):
            cause = _event_at(cause_tok, by_token, _latest_before(cause_tok, events), lexicon)
            if effect is not None and cause is not None and cause is not effect:
                pairs.append((effect, cause))
    return pairs


def _share(a: FoundEvent, b: FoundEvent) -> None:
    """Linked events share a date or place that only one of them states (marked inferred / approximate)."""
    for src, dst in ((a, b), (b, a)):
        if dst.date is None and src.date is not None:
            dst.date = dataclasses.replace(src.date, precision="approximate", inferred=True)
        if not dst.roles.get("place") and src.roles.get("place"):
            dst.roles["place"] = list(src.roles["place"])


def absorb_support_verbs(events: list[FoundEvent]) -> list[FoundEvent]:
    """An event told by its noun and a support verb that is an event word itself ("IEDs destroyed a tank",
    "an attack targeted the convoy") is one event: the verb's event joins the noun's, whose type is narrower."""
    anchored = {e.anchor.root.i: e for e in events if e.anchor is not None}
    for event in events:  # a far support verb is a mention of its own ('clashes ... broke out')
        for mention in event.mentions[1:]:
            if mention.root.pos_ in {"VERB", "AUX"}:
                anchored.setdefault(mention.root.i, event)
    kept = []
    for event in events:
        owner = anchored.get(event.trigger.root.i) if event.anchor is None else None
        if owner is not None and owner is not event:
            _absorb(owner, event)
        else:
            kept.append(event)
    return kept


def link_events(events: list[FoundEvent], lexicon: Lexicon) -> list[FoundEvent]:
    """Causal links, shared date/place across linked events, then one node per real event."""
    events = absorb_support_verbs(events)
    inherit_agents(events)  # 'were killed when gunmen ambushed them': by the gunmen
    for effect, cause in _causal_pairs(events, lexicon):
        if cause not in effect.caused_by:
            effect.caused_by.append(cause)
        _share(effect, cause)
    merged = merge_duplicates(events, events[0].trigger.doc._.kg_date if events else None)
    for event in merged:  # a place already given as where from or where to says nothing more
        route = set(event.roles.get("origin", [])) | set(event.roles.get("destination", []))
        if event.roles.get("place"):
            event.roles["place"] = [p for p in event.roles["place"] if p not in route]
    return merged
