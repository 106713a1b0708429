"""What came before the happening a sentence tells, or is only asked for: words whose cues, places and victims are
not the incident's own. The object of a verb that ends it ("signed a truce, ending a week of clashes"), what an
act answers ("in reaction to the killing of an activist in Basra"), the reason given for an arrest ("arrested seven
people for sharing videos", "on suspicion of firing at a patrol"), what is only asked for ("called for a ceasefire"),
what a protest or a demand is about ("protested against the killing of a driver by police"), a clause dated earlier
("believed killed by IS in 2014") or hours or days apart ("hours after the army said shots had been fired"). The
other happenings (:func:`other_happenings`) lend the incident no place either, and none of these its actors
(:func:`answered`).

>>> from kg.extract.pipeline import load_pipeline
>>> from kg.extract.coding import load_rules
>>> sent = next(load_pipeline()("Police arrested two men for burning tyres.").sents)
>>> [sent.doc.text[a:b] for a, b in background_spans(sent, load_rules())]
['for burning tyres']
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.coding import CodingRules
from kg.extract.lexicon import load_lexicon, word_set
from kg.extract.state import doc_text
from kg.records import Event

_REQUESTED = word_set("events", "requested")
_CHARGES = word_set("events", "charges")  # 'on suspicion of', 'on charges of'
_ELAPSED = word_set("events", "elapsed")  # 'hours after', 'days before'
_AGREEING = word_set("events", "agreeing")  # 'agreed to exchange ...'
_PROTESTING = word_set("events", "protesting")  # 'protested against the killing of ...'
_ACTED_ON = {"dobj", "nsubjpass", "auxpass", "agent"}


def _aside(verb: Token) -> bool:
    """A relative clause set off by a comma, in the past and undated, on an actor: 'the SDF, which fought the
    group alongside the coalition, vowed ...' says who the actor is, not what it did in the report."""
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    return (
        verb.tag_ == "VBD"
        and before is not None
        and before.text == ","
        and verb.left_edge.lower_ in {"which", "who"}
        and not any(t.ent_type_ in {"DATE", "TIME"} for t in verb.subtree)
    )


def _purpose(verb: Token, rules: CodingRules) -> bool:
    """A purpose clause of a gathering ('gathered to mourn ...', 'rallied, denouncing ...', '... and to denounce')."""
    while verb.dep_ == "conj" and verb.head.lemma_.lower() in rules.purposes:
        verb = verb.head
    return verb.dep_ in {"advcl", "xcomp", "acl"}


def _dated_earlier(verb: Token) -> bool:
    """A clause dated by a year of its own ('killed in 2014', 'displaced in March 2016'): a report's incident
    is dated to the day, so a clause that gives only a year or a month tells of an earlier time (not 'fraud in the
    2023 elections': that year names the elections)."""
    for prep in (
        c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "during", "since", "over"}
    ):
        if any(c.dep_ == "pobj" and c.lower_ in {"weeks", "months", "years", "days"} for c in prep.children):
            return True  # 'attacked several times in previous weeks', 'over the past months': a run of earlier acts
        for date in (c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "DATE"):
            words = list(date.subtree)
            if any(t.like_num and len(t.text) == 4 for t in words) and not any(
                t.like_num and len(t.text) <= 2 for t in words
            ):
                return True
    return False


def background_spans(sent: Span, rules: CodingRules) -> list[tuple[int, int]]:
    """Character spans of what came before the happening: the object of a verb that ends it ('signed a truce,
    ending a week of clashes') and the reason given for an arrest or a sentence ('arrested seven people for
    sharing videos of a protest', 'jailed over the riots'), what a person is known for ('a lawyer known for defending
    detained protesters'); and of what is only asked for ('called for talks')."""
    spans, lexicon = [], load_lexicon()
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = verb.lemma_.lower()
        acted_on = any(
            c.dep_ in _ACTED_ON or (c.dep_ == "prep" and c.lower_ == "with") for c in verb.children
        )
        if lemma in rules.transitive and not acted_on:
            # 'they dispersed after two hours': nobody dispersed them ('dispersed with pepper spray' acts on some)
            last = max([verb, *(c for c in verb.children if c.dep_ == "prt")], key=lambda t: t.i)
            spans.append((verb.idx, last.idx + len(last)))
            continue
        if lemma in rules.backing and verb.dep_ == "acl":
            # 'the SDF, backed by coalition helicopters, raided the town': who helped, not what happened
            spans.append((verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)))
            continue
        if verb.dep_ == "relcl" and (
            any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children) or _aside(verb)
        ):
            # 'AQAP, which has been fighting STC forces in Abyan': what an actor has long done, no happening; and
            # 'the SDF, which fought the group alongside the coalition, vowed ...': what it once did
            spans.append((verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)))
            continue
        clause = verb.head if verb.dep_ == "xcomp" else verb  # 'people believed killed in 2014'
        pluperfect = clause.dep_ == "advcl" and any(
            c.lower_ == "had" and c.dep_ == "aux" for c in clause.children
        )
        if (clause.dep_ in {"acl", "relcl"} or pluperfect) and _dated_earlier(verb):
            # 'the remains of 12 people believed killed by IS in 2014': what happened to them years before
            spans.append((clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)))
            continue
        if lemma in rules.civil_only and _armed_subject(verb, rules):
            spans.append((verb.idx, verb.idx + len(verb)))  # 'troops marched into the town': a move
            continue
        if lemma in rules.ended_by:
            parts = [c for c in verb.children if c.dep_ == "dobj"]
        elif lemma in rules.reasons_of:
            parts = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"for", "over"}]
        elif lemma in rules.descriptions and verb.dep_ in {"acl", "amod"}:
            # what a person is known, wanted or suspected for: 'a lawyer known for defending ...', 'a man suspected
            # of planting bombs'
            parts = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"for", "as", "of"}]
        elif lemma in rules.purposes and _purpose(verb, rules):
            # 'gathered to mourn the victims of the airliner shot down by X': why they gathered
            parts = [
                c for c in verb.children if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in _ABOUT)
            ]
        elif lemma in _REQUESTED:  # asked for: 'called for a ceasefire and for talks', 'demanded a truce'
            asked = {"for"} if lemma == "call" else {"for", "dobj"}  # not 'called the attack cowardly'
            asked_for = [c for c in verb.children if (c.lower_ if c.dep_ == "prep" else c.dep_) in asked]
            # an event asked for, not people ('pushed back protesters')
            parts = [p for p in asked_for if p.dep_ == "prep" or lexicon.type_of_lemma(p.lemma_, "NOUN")]
            # 'demanding news of relatives detained by X': a participle that describes whom it is about
            parts += [t for p in asked_for for t in p.subtree if t.dep_ == "acl" and t.tag_ == "VBN"]
            # 'demanding accountability for the killing of protesters': what the demand is about came before
            parts += [t for p in asked_for if p.dep_ == "dobj" for t in p.subtree if _for_prep(t)]
        elif verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _AGREEING:
            # 'agreed to exchange the bodies of fighters killed on the Taiz fronts': killed before the agreement
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            parts = [t for o in objects for t in o.subtree if t.dep_ == "acl" and t.tag_ == "VBN"]
        else:
            continue
        spans += [(p.left_edge.idx, p.right_edge.idx + len(p.right_edge)) for p in parts]
    return spans + _topic_spans(sent, rules) + other_happenings(sent) + protested(sent)


def protested(sent: Span) -> list[tuple[int, int]]:
    """Character spans of what a protest is about: 'protested against the killing of a rider by police', 'rallied
    over the arrests' (an earlier happening whose doers are not the protest's; its place is often the protest's)."""
    lexicon = load_lexicon()
    return [
        (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
        for verb in sent
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _PROTESTING
        for c in verb.children
        if (c.dep_ == "prep" and c.lower_ in {"against", "over"})
        or (c.dep_ == "dobj" and lexicon.type_of_lemma(c.lemma_, "NOUN"))
    ]


def other_happenings(sent: Span) -> list[tuple[int, int]]:
    """Character spans of happenings other than the one a sentence tells, with places of their own: what an act
    answers (:func:`responded_to`), what a person is held for, and what came hours or days before or after. (Not
    what a protest is against: 'protesting against the demolition of homes in Al-Ouja village' is where they
    protest.)"""
    return responded_to(sent) + _charged(sent) + _elapsed(sent)


def _for_prep(token: Token) -> bool:
    return token.dep_ == "prep" and token.lower_ == "for"


def _charged(sent: Span) -> list[tuple[int, int]]:
    """What a person is held for: 'arrested a man on suspicion of firing at a patrol', 'detained on charges of
    rioting' (the act came before the arrest, whoever did it)."""
    return [
        (noun.head.idx, noun.right_edge.idx + len(noun.right_edge))
        for noun in sent
        if noun.dep_ == "pobj" and noun.lemma_.lower() in _CHARGES and noun.head.lower_ in {"on", "under"}
    ]


def _elapsed(sent: Span) -> list[tuple[int, int]]:
    """A clause or phrase an amount of time after or before the happening: 'shells landed near the village,
    hours after the army said shots had been fired at its troops', 'two days before the attack' (another
    happening: its cues, places and victims are not this one's)."""
    spans = []
    for word in sent:
        if word.lower_ not in {"after", "before"} or word.dep_ not in {"mark", "prep"}:
            continue
        clause = word.head if word.dep_ == "mark" else word
        if any(
            c.dep_ == "npadvmod" and c.lemma_.lower() in _ELAPSED for c in (*clause.children, *word.children)
        ):
            spans.append((word.idx, clause.right_edge.idx + len(clause.right_edge)))
    return spans


_ABOUT = {"to", "of", "on", "about", "against"}


def responded_to(sent: Span) -> list[tuple[int, int]]:
    """Character spans of what an act answers: 'in reaction to the killing of an activist in Basra', 'in
    retaliation for the shelling': an earlier happening, whose place, victims and cue words are not this one's."""
    response = load_lexicon().response
    return [
        (p.left_edge.idx, p.right_edge.idx + len(p.right_edge))
        for noun in sent
        if noun.dep_ == "pobj" and noun.lemma_.lower() in response
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in {"to", "for", "of"}
    ]


def answered(sent: Span, events: list[Event]) -> list[Event]:
    """The events of a sentence that are its own: not what one of its acts answers, nor another happening it
    tells (:func:`other_happenings`), nor what a protest is about (:func:`protested`)."""
    spans = other_happenings(sent) + protested(sent)
    return [e for e in events if not any(s <= e.trigger.start < t for s, t in spans)]


def _topic_spans(sent: Span, rules: CodingRules) -> list[tuple[int, int]]:
    """The phrase a topic noun talks about ('the right to peaceful protest', 'live coverage of protests', 'a ban
    on rallies'): it names a kind of happening, it does not tell one."""
    return [
        (p.idx, p.right_edge.idx + len(p.right_edge))
        for noun in sent
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in rules.topics
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in _ABOUT
    ]


def _armed_subject(verb: Token, rules: CodingRules) -> bool:
    """Whether the subject of ``verb`` is an armed or state force (by the inter code its words give); a participle's
    is the noun it describes ('militants gathered near the town')."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if verb.dep_ == "acl" and not subjects:
        subjects = [verb.head]
    text = " ".join(
        doc_text(verb.doc)[s.left_edge.idx : s.right_edge.idx + len(s.right_edge)] for s in subjects
    )
    return bool(text) and rules.group(rules.inter_of(text, None)) in {"state", "armed"}
