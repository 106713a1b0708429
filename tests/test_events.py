"""Role rules pinned on hand-built parses (no statistical model): passive, coordination, nominalisation,
apposition, negation, claims nested two deep, causes."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import kg.extract.claims  # noqa: F401  (registers the factories)
import kg.extract.events.extractor  # noqa: F401
from tests.parses import hand_parse, run_components


@pytest.fixture(scope="module")
def components():
    nlp = spacy.blank("en")
    for name in ("kg_actors", "kg_events", "kg_claims"):
        nlp.add_pipe(name)
    return nlp


def parse(nlp, rows: list[tuple], ents: list[tuple[int, int, str]] = (), date: str | None = None) -> Doc:
    """rows: (word, head index, dep, pos, tag, lemma); runs our components on the hand-built parse."""
    return run_components(nlp, hand_parse(nlp.vocab, rows, ents), date=date)


def events(doc, kind: str):
    return [e for e in doc._.kg_events if e.type == kind]


def test_passive_subject_is_the_theme_and_by_phrase_the_agent(components):
    doc = parse(components, [
        ("Detainees", 2, "nsubjpass", "NOUN", "NNS", "detainee"), ("were", 2, "auxpass", "AUX", "VBD", "be"),
        ("recaptured", 2, "ROOT", "VERB", "VBN", "recapture"), ("by", 2, "agent", "ADP", "IN", "by"),
        ("Syrian", 5, "amod", "ADJ", "JJ", "syrian"), ("forces", 3, "pobj", "NOUN", "NNS", "force"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ], ents=[(4, 5, "NORP")])  # fmt: skip
    (event,) = events(doc, "Recapture")
    assert event.roles["theme"] == ["detainees"]
    assert event.roles["agent"] == ["syria"]  # "Syrian forces" is the country acting


def test_clashes_between_two_actors_give_two_agents_and_a_place(components):
    doc = parse(components, [
        ("Clashes", 6, "nsubj", "NOUN", "NNS", "clash"), ("between", 0, "prep", "ADP", "IN", "between"),
        ("the", 3, "det", "DET", "DT", "the"), ("SDF", 1, "pobj", "PROPN", "NNP", "SDF"),
        ("and", 3, "cc", "CCONJ", "CC", "and"), ("ISIS", 3, "conj", "PROPN", "NNP", "ISIS"),
        ("erupted", 6, "ROOT", "VERB", "VBD", "erupt"), ("in", 6, "prep", "ADP", "IN", "in"),
        ("Raqqa", 7, "pobj", "PROPN", "NNP", "Raqqa"), (".", 6, "punct", "PUNCT", ".", "."),
    ], ents=[(3, 4, "ORG"), (5, 6, "ORG"), (8, 9, "GPE")])  # fmt: skip
    (event,) = events(doc, "ArmedClash")
    assert event.roles["agent"] == ["sdf", "islamic-state"]


def test_nominal_transfer_takes_theme_agent_and_destination_from_prepositions(components):
    doc = parse(components, [
        ("The", 1, "det", "DET", "DT", "the"), ("transfer", 9, "nsubj", "NOUN", "NN", "transfer"),
        ("of", 1, "prep", "ADP", "IN", "of"), ("prisoners", 2, "pobj", "NOUN", "NNS", "prisoner"),
        ("by", 1, "prep", "ADP", "IN", "by"), ("US", 6, "compound", "PROPN", "NNP", "US"),
        ("forces", 4, "pobj", "NOUN", "NNS", "force"), ("to", 1, "prep", "ADP", "IN", "to"),
        ("Iraq", 7, "pobj", "PROPN", "NNP", "Iraq"), ("began", 9, "ROOT", "VERB", "VBD", "begin"),
        (".", 9, "punct", "PUNCT", ".", "."),
    ], ents=[(5, 6, "GPE"), (8, 9, "GPE")])  # fmt: skip
    (event,) = events(doc, "DetaineeTransfer")
    assert event.roles["theme"] == ["detainees"]
    assert event.roles["agent"] == ["usa"]
    assert event.roles["destination"] == ["iraq"]


def test_apposition_gives_a_person_role_and_organisation(components):
    doc = parse(components, [
        ("Nanar", 1, "compound", "PROPN", "NNP", "Nanar"), ("Hawach", 10, "nsubj", "PROPN", "NNP", "Hawach"),
        (",", 1, "punct", "PUNCT", ",", ","), ("a", 5, "det", "DET", "DT", "a"),
        ("Syria", 5, "compound", "PROPN", "NNP", "Syria"), ("analyst", 1, "appos", "NOUN", "NN", "analyst"),
        ("with", 5, "prep", "ADP", "IN", "with"), ("the", 9, "det", "DET", "DT", "the"),
        ("Crisis", 9, "compound", "PROPN", "NNP", "Crisis"), ("Group", 6, "pobj", "PROPN", "NNP", "Group"),
        ("spoke", 10, "ROOT", "VERB", "VBD", "speak"), (".", 10, "punct", "PUNCT", ".", "."),
    ], ents=[(0, 2, "PERSON"), (4, 5, "GPE"), (8, 10, "ORG")])  # fmt: skip
    relations = doc._.kg_relations["nanar-hawach"]
    assert relations["roles"] == {"Syria analyst"}
    assert relations["member_of"] == {"international-crisis-group"}  # gazetteer alias
    assert "affiliated_with" not in relations  # "Syria analyst": Syria is the topic


def test_negated_attack_is_negated(components):
    doc = parse(components, [
        ("ISIS", 3, "nsubj", "PROPN", "NNP", "ISIS"), ("did", 3, "aux", "AUX", "VBD", "do"),
        ("not", 3, "neg", "PART", "RB", "not"), ("attack", 3, "ROOT", "VERB", "VB", "attack"),
        ("Mosul", 3, "dobj", "PROPN", "NNP", "Mosul"), (".", 3, "punct", "PUNCT", ".", "."),
    ], ents=[(0, 1, "ORG"), (4, 5, "GPE")])  # fmt: skip
    (event,) = events(doc, "Attack")
    assert (event.certainty, event.polarity) == ("negated", "negative")
    assert event.roles["agent"] == ["islamic-state"]


def test_modal_transfer_is_hypothetical(components):
    doc = parse(components, [
        ("Detainees", 3, "nsubjpass", "NOUN", "NNS", "detainee"), ("could", 3, "aux", "AUX", "MD", "could"),
        ("be", 3, "auxpass", "AUX", "VB", "be"), ("transferred", 3, "ROOT", "VERB", "VBN", "transfer"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ])  # fmt: skip
    (event,) = events(doc, "DetaineeTransfer")
    assert event.certainty == "hypothetical"


def test_claims_nest_two_deep_and_the_inner_event_is_claimed(components):
    doc = parse(components, [
        ("Hawach", 1, "nsubj", "PROPN", "NNP", "Hawach"), ("told", 1, "ROOT", "VERB", "VBD", "tell"),
        ("Reuters", 1, "dobj", "PROPN", "NNP", "Reuters"), ("that", 5, "mark", "SCONJ", "IN", "that"),
        ("Damascus", 5, "nsubj", "PROPN", "NNP", "Damascus"), ("claims", 1, "ccomp", "VERB", "VBZ", "claim"),
        ("detainees", 8, "nsubjpass", "NOUN", "NNS", "detainee"), ("were", 8, "auxpass", "AUX", "VBD", "be"),
        ("recaptured", 5, "ccomp", "VERB", "VBN", "recapture"), (".", 1, "punct", "PUNCT", ".", "."),
    ], ents=[(0, 1, "PERSON"), (2, 3, "ORG"), (4, 5, "GPE")])  # fmt: skip
    (recapture,) = events(doc, "Recapture")
    outer = next(c for c in doc._.kg_claims if c.verb.text == "told")
    inner = next(c for c in doc._.kg_claims if c.verb.text == "claims")
    assert (outer.speaker, outer.channel) == ("hawach", "reuters")
    assert inner.speaker == "syria-government"  # a capital that claims is its government
    assert outer.content == [inner] and inner.content == [recapture]
    assert recapture.certainty == "claimed"
    assert recapture.roles["agent"] == ["syria-government"]  # a government claiming an agentless recapture


def test_sparked_by_links_cause_and_shares_date(components):
    doc = parse(components, [
        ("The", 1, "det", "DET", "DT", "the"), ("escape", 6, "nsubj", "NOUN", "NN", "escape"),
        (",", 1, "punct", "PUNCT", ",", ","), ("sparked", 1, "acl", "VERB", "VBN", "spark"),
        ("by", 3, "agent", "ADP", "IN", "by"), ("clashes", 4, "pobj", "NOUN", "NNS", "clash"),
        ("happened", 6, "ROOT", "VERB", "VBD", "happen"), ("on", 6, "prep", "ADP", "IN", "on"),
        ("Monday", 7, "pobj", "PROPN", "NNP", "Monday"), (".", 6, "punct", "PUNCT", ".", "."),
    ], ents=[(8, 9, "DATE")], date="2026-01-23")  # fmt: skip
    (escape,) = events(doc, "PrisonBreak")
    (clash,) = events(doc, "ArmedClash")
    assert escape.caused_by == [clash]


def test_said_does_not_make_the_speaker_the_agent(components):
    doc = parse(components, [
        ("Kyiv", 1, "nsubj", "PROPN", "NNP", "Kyiv"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("civilians", 4, "nsubjpass", "NOUN", "NNS", "civilian"), ("were", 4, "auxpass", "AUX", "VBD", "be"),
        ("killed", 1, "ccomp", "VERB", "VBN", "kill"), (".", 1, "punct", "PUNCT", ".", "."),
    ], ents=[(0, 1, "GPE")])  # fmt: skip
    (killing,) = events(doc, "Killing")
    assert "agent" not in killing.roles and killing.roles["target"] == ["civilians"]


def test_a_city_attacked_is_where_the_attack_happened(components):
    doc = parse(components, [
        ("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
        ("Kharkiv", 1, "dobj", "PROPN", "NNP", "Kharkiv"), (".", 1, "punct", "PUNCT", ".", "."),
    ], ents=[(0, 1, "GPE"), (2, 3, "GPE")])  # fmt: skip
    (attack,) = events(doc, "Attack")
    assert attack.roles == {"agent": ["russia"], "place": ["kharkiv"]}


def test_subject_of_a_demanded_clause_is_the_target(components):
    doc = parse(components, [
        ("The", 1, "det", "DET", "DT", "the"), ("PRC", 2, "nsubj", "PROPN", "NNP", "PRC"),
        ("demanded", 2, "ROOT", "VERB", "VBD", "demand"), ("that", 6, "mark", "SCONJ", "IN", "that"),
        ("the", 5, "det", "DET", "DT", "the"), ("US", 6, "nsubj", "PROPN", "NNP", "US"),
        ("cancel", 2, "ccomp", "VERB", "VB", "cancel"), ("plans", 6, "dobj", "NOUN", "NNS", "plan"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ], ents=[(1, 2, "ORG"), (5, 6, "GPE")])  # fmt: skip
    (demand,) = events(doc, "Demand")
    assert demand.roles["target"] == ["usa"]


def test_a_possessive_owner_stands_in_for_a_plain_noun(components):
    doc = parse(components, [
        ("Washington", 1, "nsubj", "PROPN", "NNP", "Washington"), ("praised", 1, "ROOT", "VERB", "VBD", "praise"),
        ("Haiti", 4, "poss", "PROPN", "NNP", "Haiti"), ("'s", 2, "case", "PART", "POS", "'s"),
        ("efforts", 1, "dobj", "NOUN", "NNS", "effort"), (".", 1, "punct", "PUNCT", ".", "."),
    ], ents=[(0, 1, "GPE"), (2, 3, "GPE")])  # fmt: skip
    (support,) = events(doc, "Support")
    assert support.roles == {"agent": ["usa-government"], "target": ["haiti"]}


def test_pronoun_subject_inside_a_claim_is_the_speaker(components):
    doc = parse(components, [
        ("Hamas", 1, "nsubj", "PROPN", "NNP", "Hamas"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("it", 4, "nsubj", "PRON", "PRP", "it"), ("would", 4, "aux", "AUX", "MD", "would"),
        ("release", 1, "ccomp", "VERB", "VB", "release"), ("hostages", 4, "dobj", "NOUN", "NNS", "hostage"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ], ents=[(0, 1, "ORG")])  # fmt: skip
    (release,) = events(doc, "Release")
    assert release.roles["agent"] == ["hamas"] and release.certainty == "hypothetical"


def test_a_denial_is_a_rejection_and_must_makes_a_demand(components):
    denial = parse(components, [
        ("Moscow", 1, "nsubj", "PROPN", "NNP", "Moscow"), ("denied", 1, "ROOT", "VERB", "VBD", "deny"),
        ("that", 4, "mark", "SCONJ", "IN", "that"), ("troops", 4, "nsubj", "NOUN", "NNS", "troop"),
        ("crossed", 1, "ccomp", "VERB", "VBD", "cross"), (".", 1, "punct", "PUNCT", ".", "."),
    ], ents=[(0, 1, "GPE")])  # fmt: skip
    (claim,) = denial._.kg_claims
    assert (claim.event_type, claim.certainty, claim.speaker) == ("Rejection", "denied", "russia-government")
    demand = parse(components, [
        ("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("Sudan", 4, "nsubj", "PROPN", "NNP", "Sudan"), ("must", 4, "aux", "AUX", "MD", "must"),
        ("return", 1, "ccomp", "VERB", "VB", "return"), ("the", 6, "det", "DET", "DT", "the"),
        ("helicopter", 4, "dobj", "NOUN", "NN", "helicopter"), (".", 1, "punct", "PUNCT", ".", "."),
    ], ents=[(0, 1, "GPE"), (2, 3, "GPE")])  # fmt: skip
    (claim,) = demand._.kg_claims
    assert (claim.event_type, claim.speaker, claim.about) == ("Demand", "russia", ["sudan"])


# With the real model: support verbs, passive shootings, the place a phrase names.


def _records(nlp, text):
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    return [
        (e.type, e.trigger.text, {r: [labels[k] for k in v] for r, v in e.roles.items()})
        for e in record.events
    ]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "trigger", "place"),
    [
        ("Insurgents launched an assault on an army base in Kunduz on Sunday.", "Attack", "launched an assault",
         "Kunduz"),
        ("The attack took place in Bardera town late on Monday.", "Attack", "attack took", "Bardera"),
        ("A car bomb detonated near the central market in Kirkuk.", "Bombing", "car bomb detonated", "Kirkuk"),
        ("Heavy clashes broke out in Misrata on Friday.", "ArmedClash", "clashes broke out", "Misrata"),
        ("A journalist was shot in the leg in Juba on Friday.", "Attack", "shot", "Juba"),
        # a support verb with its particle or preposition
        ("Militants set off two car bombs near the market in Kirkuk.", "Bombing", "set off two car bombs",
         "Kirkuk"),
        ("Army posts came under attack in Kidal on Sunday.", "Attack", "came under attack", "Kidal"),
        # dying in an event says the event happened
        ("Two herders died in a rocket attack on the town of Kidal.", "Attack", "died in a rocket attack", "Kidal"),
    ],
)  # fmt: skip
def test_the_trigger_spans_its_support_verb_and_the_event_takes_the_verbs_place(
    nlp, text, kind, trigger, place
):
    found = [e for e in _records(nlp, text) if e[0] == kind]
    assert found and found[0][1] == trigger
    assert found[0][2]["place"][0] == place


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Unidentified gunmen on Tuesday shot and injured a teacher in Yala province.", "Yala"),
        ("A settler shot and killed three worshippers in the town of Hebron.", "Hebron"),
    ],
)  # fmt: skip
def test_a_clause_head_the_model_tags_as_a_noun_is_a_verb_trigger(nlp, text, place):
    (attack,) = [e for e in _records(nlp, text) if e[0] == "Attack"]
    assert attack[1] == "shot" and attack[2]["place"][0] == place


@pytest.mark.integration
@pytest.mark.parametrize(
    "text",
    ["The singer shot to fame in Lagos last year.", "Food prices shot up in Kano in March.",
     "The crew shot the film in Ouarzazate."],
)  # fmt: skip
def test_shoot_in_another_sense_is_no_event(nlp, text):
    assert not [e for e in _records(nlp, text) if e[0] == "Attack"]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Police detained six students in the northern Nigerian city of Kano on Tuesday.", "Kano"),
        ("Hundreds of people protested in the Kenyan capital Nairobi on Monday.", "Nairobi"),
        ("Soldiers arrested a suspect in Colombia's second city, Medellin.", "Medellin"),
    ],
)  # fmt: skip
def test_the_event_place_is_the_place_the_phrase_names_not_its_qualifier(nlp, text, place):
    (event, *_) = [e for e in _records(nlp, text) if e[2].get("place")]
    assert event[2]["place"][0] == place


@pytest.mark.integration
def test_the_subject_of_the_verb_governing_an_event_noun_acts_in_it_unless_that_verb_is_an_event(nlp):
    (withdrawal,) = [
        e for e in _records(nlp, "Ethiopia speeded up the withdrawal of its troops.") if e[0] == "Withdrawal"
    ]
    assert withdrawal[2].get("agent") == ["Ethiopia"]
    condemned = [e for e in _records(nlp, "Kenya condemned the attack on the convoy.") if e[0] == "Attack"]
    assert condemned and "Kenya" not in condemned[0][2].get("agent", [])


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "agent"),
    [
        ("Rebels said they would attack the town.", "Attack", ["rebels"]),
        ("The minister said he would resign.", "Concession", ["minister"]),
        # a pronoun that cannot stand for the speaker stays unresolved: one person is not 'they'
        ("Ms Assaf added that they took him to a backyard to shoot him.", "Attack", None),
        ("The rebel commander said they would attack the town.", "Attack", None),
        # nor can 'he' stand for a speaker told as 'she'
        ("Amina Yusuf spoke to reporters. She said he would resign.", "Concession", None),
        ("Amina Yusuf spoke to reporters. She said she would resign.", "Concession", ["Amina Yusuf"]),
    ],
)
def test_a_pronoun_inside_a_claim_is_the_speaker_only_when_it_can_stand_for_them(nlp, text, kind, agent):
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event,) = [e for e in record.events if e.type == kind]
    assert ([labels[k] for k in event.roles["agent"]] if "agent" in event.roles else None) == agent


@pytest.mark.integration
def test_a_progressive_the_model_tags_as_an_adjective_is_a_verb_trigger(nlp):
    found = _records(nlp, "Hundreds of soldiers are patrolling streets in Kandahar to prevent violence.")
    assert [e[1] for e in found if e[0] == "Mobilization"] == ["patrolling"]
    found = _records(nlp, "Soldiers are now patrolling farms in the Midlands area.")  # an adverb between
    assert [e[1] for e in found if e[0] == "Mobilization"] == ["patrolling"]


@pytest.mark.integration
def test_a_merged_event_tells_each_mention_once(nlp):
    (bombing,) = [
        e for e in _mentions(nlp, "Two died when a car bomb exploded in Hilla.") if e[0] == "Bombing"
    ]
    assert len(bombing[1]) == len(set(bombing[1]))


def _mentions(nlp, text):
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    return [
        (e.type, [m.text for m in (e.trigger, *e.mentions)], [labels[k] for k in e.roles.get("place", ())])
        for e in record.events
    ]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "verb", "place"),
    [
        # far from its noun: the verb is a mention of the noun's event, not part of its trigger
        ("Fierce clashes between rival herders from three clans broke out around the village of Dalsan.",
         "ArmedClash", "broke out", "Dalsan"),
        # a count of events ('a wave of', 'dozens of') stands where the event noun would
        ("The rebels launched a wave of attacks across Darfur.", "Attack", "launched", "Darfur"),
        # the subject of a relative clause
        ("Police counted the dead from two blasts that occurred at the bus station in Kano.", "Bombing",
         "occurred", "Kano"),
        # the passive agent of a verb that carries its subject's event
        ("The market in Idlib was hit by an airstrike on Sunday.", "Airstrike", "hit", "Idlib"),
        # a noun's event merged into another keeps its support verb ('blast occurred')
        ("Five traders died after a roadside bomb blast occurred in the town of Baidoa.", "Bombing", "occurred",
         "Baidoa"),
        # 'engaged in' carries its object's event; 'escalated' its subject's
        ("Army units are engaged in a fierce battle with rebels near Aleppo.", "ArmedClash", "engaged in a fierce battle",
         "Aleppo"),
        ("Air strikes escalated on Sunday in the town of Saraqib.", "Airstrike", "Air strikes escalated", "Saraqib"),
        # those who died of the act: its 'when'-clause hangs from 'died', or 'died' is coordinated with it
        ("Six people died and ten were hurt when a car bomb exploded in the town of Baidoa.", "Bombing", "died",
         "Baidoa"),
        ("A peacekeeper was shot by a sniper in the town of Bria and later died.", "Attack", "died", "Bria"),
        # the harm the act left, in a participle or coordinated clause
        ("Gunmen attacked a hotel in the town of Baidoa, leaving 17 civilians dead.", "Attack", "leaving", "Baidoa"),
        ("Gunmen attacked a market in the town of Baidoa, killing nine, while ten others sustained wounds.", "Attack",
         "sustained", "Baidoa"),
    ],
)  # fmt: skip
def test_a_support_verb_is_a_mention_of_its_nouns_event_with_its_place(nlp, text, kind, verb, place):
    found = [e for e in _mentions(nlp, text) if e[0] == kind]
    assert found and any(verb in m for m in found[0][1])
    assert found[0][2][:1] == [place]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("Rebel units began shelling army posts in the city of Homs at dawn.", "Attack", "Homs"),
        ("The militia began the week by raiding a camp near the village of Marka.", "Attack", "Marka"),
    ],
)  # fmt: skip
def test_the_verb_saying_an_act_began_is_a_mention_of_its_event(nlp, text, kind, place):
    found = [e for e in _mentions(nlp, text) if e[0] == kind]
    assert found and "began" in found[0][1]
    assert found[0][2][:1] == [place]
