"""An event's certainty and polarity from the words around its trigger: negation, modals of possibility, intent
and planning verbs, hedges, event nouns that name a possibility ('further breakouts'), and 'X warned Y not to
attack' (Y's act, only warned about).

>>> import spacy
>>> from spacy.tokens import Doc
>>> words = ["Rebels", "may", "attack"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, pos=["NOUN", "AUX", "VERB"], heads=[2, 2, 2],
...           deps=["nsubj", "aux", "ROOT"])
>>> certainty_of(doc[2])
('hypothetical', 'positive')
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from kg.extract.events.happening import present
from kg.extract.events.parties import pobjs
from kg.extract.events.senses import REQUESTED, WARNING_VERBS, irrealis, warned_off
from kg.extract.language import MODALS_OF_POSSIBILITY as MODAL_POSSIBLE
from kg.extract.lexicon import word_map, word_set
from kg.extract.state import Found, FoundEvent

PLANNING = word_set("events", "planning")
PLANNED_OBJECTS = word_set("events", "planned_objects")
HEDGES = word_set("events", "hedges")


CONDITIONS = {"if", "unless"}
NOBODY = {"nobody", "none", "no one", "noone"}
# verbs whose clause complement is asked for or ordered, not done: 'urged all parties to protect', 'ordered X to'
ASKED = REQUESTED | WARNING_VERBS | {"instruct", "direct", "encourage", "invite", "command"}
# event types that are things said: a present-tense one is a stance taken now ('Turkey accuses the PKK of ...')
SAID = {"Accusation", "Criticism", "Demand", "Rejection", "Support", "Statement"}
CONSEQUENT_MODALS = {"will", "would", "could", "might", "'ll", "'d"}


def _conditional(verb: Token) -> bool:
    """The verb is in an if-clause ('if the army captures the town'), or, under 'will'/'would', in the clause
    that such an if-clause conditions ('..., they will be in position to expel the rebels')."""
    chain = [verb, *verb.ancestors]
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for node in chain for c in node.children):
        return True
    modal = any(c.dep_ == "aux" and c.lower_ in CONSEQUENT_MODALS for node in chain for c in node.children)
    root = chain[-1]
    conditioned = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
        for c in root.children
    )
    return modal and conditioned


def _failed(verb: Token) -> bool:
    """'failed to capture', 'a failed attempt to capture': what was tried did not happen."""
    governor = verb.head if verb.dep_ in {"xcomp", "acl"} else None
    if governor is None:
        return False
    return governor.lemma_ == "fail" or any(
        c.dep_ == "amod" and c.lemma_ == "fail" for c in governor.children
    )


def _nobody(verb: Token, head: Token) -> bool:
    """'No civilians were killed', 'nobody was hurt', 'the blast killed no one', 'no attacks were reported',
    'detention without trial'."""
    # a noun's own determiner only: 'no country claimed the strikes' tells strikes
    subjects = (
        [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}] if head == verb else [head]
    )
    if head.dep_ == "pobj" and head.head.lower_ == "without":
        return True
    return any(
        s.lower_ in NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in s.children) for s in subjects
    )


def _unreal_clause(verb: Token) -> bool:
    """The verb's clause is not told as done: the complement of a modal or negated verb ('would force them to
    pull guards away'), of a request or order ('urged all parties to protect'), an infinitive on a noun ('a
    licence to kill'), or an 'until'-clause under a modal or negated verb ('would not return until the army
    pulled back')."""
    governor = verb.head
    if verb.dep_ == "xcomp" and governor.lemma_.lower() in ASKED:
        return True
    if (
        verb.dep_ in {"acl", "relcl"}
        and governor.pos_ == "NOUN"
        and any(c.tag_ == "TO" for c in verb.children)
    ):
        return True  # an infinitive on a noun: 'a licence to kill', 'the right to protest', 'plans to attack'

    until = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "until" for c in verb.children)
    if verb.dep_ != "xcomp" and not until:
        return False
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODAL_POSSIBLE) for c in governor.children)


def habitual(head: Token, kind: str, past_forms: Collection[str] = ()) -> bool:
    """A present-tense act verb outside the headline tells what usually happens, not a happening: 'The army builds
    a new base on a hilltop', 'the fighting threatens a truce' (not a stance said now: 'Turkey accuses X')."""
    sentence = head.sent
    headline = sentence.start == 0 and sentence[-1].text not in {".", "!", "?", '"', "”"}
    bare = not any(c.dep_ in {"aux", "auxpass"} for c in head.children)
    tensed = head.tag_ in {"VBZ", "VBP"} and present(head, past_forms)  # not 'troops retook' mis-tagged
    return tensed and bare and not headline and kind not in SAID


def doubtful(certainty: str, head: Token, kind: str, past_forms: Collection[str] = ()) -> bool:
    """An event not told as a happening, which is trusted less: hypothetical, negated or planned, or
    :func:`habitual`."""
    return certainty in {"hypothetical", "negated", "planned"} or habitual(head, kind, past_forms)


def certainty_of(head: Token) -> tuple[str, str]:
    """Certainty and polarity from negation, modals, conditions, planning verbs and hedges around the trigger."""
    verb = head if head.pos_ in {"VERB", "AUX"} else head.head
    children = {c.lower_ for c in verb.children} | {c.lower_ for c in head.children}
    # modals are auxiliaries: the month in 'Around 11 May 2020, police arrested ...' is no 'may'
    auxiliaries = {
        c.lower_ for c in (*verb.children, *head.children) if c.dep_ in {"aux", "auxpass"} or c.tag_ == "MD"
    }
    deps = {c.dep_ for c in verb.children} | {c.dep_ for c in head.children}
    if "neg" in deps or (head.pos_ == "VERB" and _failed(head)) or _nobody(verb, head):
        return "negated", "negative"
    # a subject noun stays out: "if confirmed, the attack would be the deadliest" reports an attack
    conditioned = (head.pos_ == "VERB" or head.dep_ in {"dobj", "pobj"}) and _conditional(head)
    unreal = (head.pos_ == "VERB" or head.dep_ == "dobj") and _unreal_clause(verb)
    if auxiliaries & MODAL_POSSIBLE or irrealis(head) or conditioned or unreal:
        return "hypothetical", "positive"
    # 'the planned attack', not 'attacked the plan'
    planned = (
        auxiliaries & {"will"}
        or children & {"planned"}
        or any(
            c.lemma_ == "plan" and c.dep_ not in {"dobj", "nsubj", "nsubjpass", "pobj"} for c in head.children
        )
    )
    vowed = (
        head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.lemma_ in PLANNED_OBJECTS
    )  # 'vow marches'
    if planned or vowed or (verb.dep_ in {"xcomp"} and verb.head.lemma_ in PLANNING):
        return "planned", "positive"
    if children & HEDGES or (
        verb.dep_ == "xcomp" and verb.head.lower_ in HEDGES
    ):  # "is likely to be arrested"
        return "hedged", "positive"
    return "asserted", "positive"


def warned_not_to(event: FoundEvent, head: Token, index: dict[int, Found]) -> None:
    """'X warned Y not to attack': the act is Y's, and it is only warned about (hypothetical). 'X accused Y of
    killing Z', 'X blamed Y for the bombing': the act is Y's, as X claims."""
    warned = warned_off(head)
    if warned is None:
        _accused_of(event, head, index)
        if head.dep_ == "dobj" and attributed_to(head.head, head) and event.certainty == "asserted":
            event.certainty = "claimed"  # 'sources attributed the strike to Israel': as they say
        return
    found = index.get(warned.i)
    event.roles["agent"] = [found.key] if found is not None and not found.is_place else []
    event.certainty = "hypothetical"


ACCUSING = word_map("events", "accusing_verbs")


def _accused_of(event: FoundEvent, head: Token, index: dict[int, Found]) -> None:
    prep = head.head
    # the small model hangs the 'of' phrase off the verb or off its object ('accused [the rebels of killing]')
    verb, accused = (prep.head.head, prep.head) if prep.head.dep_ == "dobj" else (prep.head, None)
    if head.dep_ not in {"pcomp", "pobj"} or prep.dep_ != "prep" or ACCUSING.get(verb.lemma_) != prep.lower_:
        return
    passive = any(c.dep_ == "auxpass" for c in verb.children)  # 'the rebels were accused of killing ...'
    accused = accused or next(
        (c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None
    )
    found = index.get(accused.i) if accused is not None else None
    if found is None or (found.is_place and found.kind != "Country"):  # 'accused Somalia of attacking'
        return
    if not event.roles.get("agent"):
        event.roles["agent"] = [found.key]
    if event.certainty == "asserted":
        event.certainty = "claimed"


# who did an act as the subject of these verbs claims: the object of their preposition
ATTRIBUTING = word_map("events", "attributing_verbs")


def attributed_to(verb: Token, noun: Token) -> list[Token] | None:
    """Who the subject of an attributing verb says did the act its object ``noun`` names: the object of the verb's
    preposition, which the model may hang on the noun ('attributed the strike to Israel', 'blamed the attack on the
    PKK'); None when the verb is no attributing verb."""
    prep = ATTRIBUTING.get(verb.lemma_)
    if prep is None:
        return None
    preps = [p for p in (*verb.children, *noun.children) if p.dep_ == "prep" and p.lower_ == prep]
    return [o for p in preps for o in pobjs(p)]
