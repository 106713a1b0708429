"""Where an event happened, from the parse: which place of an argument phrase it names, the order of an event's
places, and the sentence's one place when the parse attaches none.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.candidates import KIND_RANK, fronted, locates, names_area
from kg.extract.datelines import dateline_before
from kg.extract.events.roles import vagueness
from kg.extract.exclusions import is_mission, measures_from, where_told
from kg.extract.state import Found, FoundEvent
from kg.extract.toponyms import FEATURE_RANK
from kg.extract.whose import says_whose


def phrase_place(token: Token, index: dict[int, Found]) -> Found | None:
    """The place an argument phrase headed by ``token`` names: not a reference point measured from ('in Bago, a town
    75 km northeast of Yangon': Bago), the name of a part of a place first ('in the Barkal area of Kandahar'), then
    the least vague (:func:`kg.extract.events.roles.vagueness`); no word of a date."""
    places = [
        index[t.i]
        for t in token.subtree
        if t.i in index
        and index[t.i].is_place
        and t.ent_type_ not in {"DATE", "TIME"}
        and not is_mission(index[t.i].span)  # 'outside the Cameroon embassy in Paris': Paris
        and not says_whose(index[t.i].span)  # 'in the 1967 Mideast war', 'an Israeli civilian'
    ]
    if not places:
        return None
    return min(
        places,
        key=lambda f: (
            measures_from(f.span),
            not _names_part(f.span, token),
            not _of_name(f.span, token),
            vagueness(f.span, token),
        ),
    )


def _of_name(place: Span, phrase: Token) -> bool:
    """'Al-Mansourah' in 'the town of Al-Mansourah in southern Raqqa': the name a feature word's 'of' gives."""
    root = place.root
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    feature = root.head.head  # the phrase's head, or a locative phrase on it ('a house near the city of X')
    nested = feature.dep_ == "pobj" and feature.head.lower_ in _NESTED and feature.head.head.i == phrase.i
    # 'the East Ghouta region of rural Damascus' is East Ghouta; 'the West Bank city of Hebron' is Hebron
    named = any(
        c.pos_ == "PROPN"
        and (c.dep_ == "amod" or c.dep_ in {"compound", "nmod"} and names_area(c.doc[c.i : c.i + 1]))
        for c in feature.children
    )
    return (feature.i == phrase.i or nested) and feature.lower_ in FEATURE_RANK and not named


def object_place(verb: Token, index: dict[int, Found]) -> Found | None:
    """The place of a locative phrase on the verb's object when the verb has none of its own ('targeting a bus
    in southern Pakistan', 'shelled positions at Kafr Nabl'): where the object was, so where the act was."""
    if verb.pos_ != "VERB":
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS):
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                if (found := phrase_place(noun, index)) is not None:
                    return found
    return None


_OBJECT_PREPS = {"in", "at", "near", "inside", "outside", "around", "on", "along"}


def order_places(event: FoundEvent, head: Token, index: dict[int, Found]) -> None:
    """The most specific place first ('in the Irish Republic, at Shannon airport': the airport), a scene-setting
    opener last ('In Kandahar, two were killed in Maiwand district': Maiwand)."""
    if len(event.roles.get("place", [])) < 2:
        return
    here = {f.key: f for t in head.sent if (f := index.get(t.i))}  # its places are here
    event.roles["place"].sort(
        key=lambda key: (
            key in here and fronted(here[key].span),
            KIND_RANK.get(here[key].kind, 3) if key in here else 3,
        )
    )


def sentence_place(event: FoundEvent, head: Token, index: dict[int, Found]) -> None:
    """No place attached in the parse: take the sentence's place when it names exactly one (as event coders
    do), at lower confidence; with two or more places the sentence is ambiguous and none is taken."""
    used = {k for keys in event.roles.values() for k in keys}
    sent = head.sent
    # the sentence's mentions, token by token (by index: no Token objects made); a story's first sentence after a
    # dateline has its place too ('KABUL (Reuters) - A bomb killed 12 people near parliament')
    dateline = dateline_before(sent)
    found = [f for i in range(dateline.start if dateline else sent.start, sent.end) if (f := index.get(i))]
    # a place that acts ('captured by the Northern Alliance') or is part of a date does not say where
    places = {
        f.key
        for f in found
        if f.is_place
        and f.kind != "Country"
        and locates(f.span)
        and not is_mission(f.span)
        and not says_whose(f.span)
        and not _goal(f.span)
        and not where_told(f.span, head)
    } - used
    # a reference point ('a town 75 km northeast of Yangon') is not where, when the sentence names another place
    others = {f.key for f in found if f.is_place and f.kind != "Country" and not measures_from(f.span)}
    mentions = [f for f in found if f.key in places]
    if len(places) == 1 and others - places and all(measures_from(f.span) for f in mentions):
        return
    if len(places) == 1:
        event.roles["place"] = list(places)
        event.confidence = min(event.confidence, 0.6)


# where someone went or what something was for ('shipped to X', 'the battle for X', 'talks between X and Y')
_GOALS = {"to", "toward", "towards", "into", "for", "between"}


def _goal(place: Span) -> bool:
    """A place named as a destination, a purpose or a pair ('were later flown to X', 'the fight for X'): where
    the sentence's one place is only that, it is not where an unplaced event happened."""
    node = place.root
    while node.dep_ in {"compound", "conj", "appos", "amod", "nmod"} and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in {"NOUN", "PROPN"}:
        node = node.head.head  # 'to the town of X'
    return node.dep_ == "pobj" and node.head.lower_ in _GOALS


def guessed_town(found: Found, token: Token) -> bool:
    """'Ocalan was captured', 'Zubaydah was shot': a passive subject that only the model's guess calls a town (no
    gazetteer entry, no feature word) is more often a person than the place of the event; and an embassy or
    consulate acted on is no place of the event (:func:`kg.extract.exclusions.is_mission`: its city is)."""
    return (found.entry is None and found.kind == "City" and token.dep_ == "nsubjpass") or is_mission(
        found.span
    )


def _names_part(place: Span, phrase: Token) -> bool:
    """The name of the place the argument phrase is ('Tadjentat' for 'in Tadjentat area', 'Gwoza' for 'around the
    mountains of Gwoza town of Borno State'), not one beside it ('Izra' for 'in Jasim city (Izra district)')."""
    feature = place.root.head
    of_phrase = feature.dep_ == "pobj" and feature.head.lower_ == "of" and feature.head.head.i == phrase.i
    # 'in a market in the Jawad area of Kirkuk': the part named inside a locative phrase on the phrase's head
    nested = feature.dep_ == "pobj" and feature.head.lower_ in _NESTED and feature.head.head.i == phrase.i
    return (feature.i == phrase.i or of_phrase or nested) and names_area(place)


_NESTED = {"in", "at", "near", "inside", "outside"}


def inherit_places(events: list[FoundEvent], index: dict[int, Found]) -> None:
    """An event with no place of its own that another event brings about takes that event's first place, trusted
    less: a participle after its clause ('carried out an ambush in the Jaroud region, killing 20'), a relative
    clause on an event noun ('a raid in Kaura that left 22 dead') or a verb whose subject is one ('a bomb in
    southern Pakistan killed five'). Not when the event's own clause names a place: the linker weighs that one
    ('..., targeting positions at Tal Sukkar village')."""
    by_token = {t.i: e for e in events for t in (e.anchor or e.trigger)}
    # a far support verb told as a mention of its own ('an explosion ... occurred at X, killing the official')
    by_token.update({m.root.i: e for e in events for m in e.mentions[1:] if m.root.pos_ in {"VERB", "AUX"}})
    for event in events:
        if event.roles.get("place"):
            continue
        head = event.trigger.root
        causes = [c for c in head.children if c.dep_ == "nsubj"]
        partners = coordinated(head) + _when_clauses(head)
        theirs = {t.i for c in causes + partners for t in c.subtree}
        if any(t.i in index and index[t.i].is_place for t in head.subtree if t.i not in theirs | {head.i}):
            continue
        if head.dep_ in {"advcl", "conj"} and head.tag_ == "VBG" or head.dep_ == "relcl":
            causes.append(head.head)
        causes += partners
        cause = next((by_token[c.i] for c in causes if c.i in by_token and by_token[c.i] is not event), None)
        if cause is None and head.dep_ == "advcl" and head.tag_ == "VBG":
            cause = _event_of_clause(head, events, event)
        if cause is not None and cause.roles.get("place"):
            # one act told by two verbs has the same places, ordered later as the other's are
            shared = cause.trigger.root in partners or any(t in partners for t in cause.anchor or ())
            event.roles["place"] = list(cause.roles["place"]) if shared else cause.roles["place"][:1]
            event.confidence = min(event.confidence, 0.6)


def coordinated(head: Token) -> list[Token]:
    """Verbs told as one act with ``head`` ('were killed and 20 wounded in an attack in X', 'shot and killed two
    farmers in X'): the place phrase hangs on one of them and says where both happened."""
    if head.pos_ != "VERB":
        return []
    partners = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB" and not _own_clause(c)]
    if head.dep_ == "conj" and head.head.pos_ == "VERB" and not _own_clause(head):
        partners.append(head.head)
    return partners


def _own_clause(verb: Token) -> bool:
    """'..., and a trooper was wounded': a conjunct with its own subject and auxiliary is a clause of its own, not
    a gapped one ('two were killed and eight wounded')."""
    deps = {c.dep_ for c in verb.children}
    return bool(deps & {"nsubj", "nsubjpass"}) and bool(deps & {"aux", "auxpass"})


def _when_clauses(head: Token) -> list[Token]:
    """A 'when'-clause that tells the act causing this one ('was killed when his convoy was hit by a bomb near X')."""
    return [
        c
        for c in head.children
        if c.dep_ == "advcl" and any(m.lower_ == "when" and m.dep_ in {"advmod", "mark"} for m in c.children)
    ]


def _event_of_clause(participle: Token, events: list[FoundEvent], event: FoundEvent) -> FoundEvent | None:
    """The one placed event inside the clause a participle follows when that clause's verb is no event ('militants
    unleashed violence in attacks in Kokrajhar district, killing 23': the killing is where the attacks were)."""
    clause = participle.head
    own = {t.i for t in participle.subtree}
    inside = [
        e
        for e in events
        if e is not event
        and e.roles.get("place")
        and e.trigger.root.i not in own
        and clause.left_edge.i <= e.trigger.root.i <= clause.right_edge.i
    ]
    return inside[0] if len({e.roles["place"][0] for e in inside}) == 1 else None
