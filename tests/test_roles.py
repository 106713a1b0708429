"""Event roles from the parse (kg.extract.events.roles): hand-built parses pin each rule, the real model checks
that the actor layer gives the role its actor."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.events.parties import expand


def test_a_noun_with_coordinated_modifiers_brings_the_other_parties() -> None:
    # "Israeli and Jordanian envoys": one noun phrase, two parties
    words = ["Israeli", "and", "Jordanian", "envoys", "met"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[3, 0, 0, 4, 4],
              deps=["amod", "cc", "conj", "nsubj", "ROOT"], pos=["ADJ", "CCONJ", "ADJ", "NOUN", "VERB"])  # fmt: skip
    assert [t.text for t in expand(doc[3])] == ["envoys", "Israeli", "Jordanian"]


def test_coordinated_nouns_are_expanded_and_a_plain_modifier_adds_nothing() -> None:
    words = ["police", "and", "army", "officers"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 0, 3, 0],
              deps=["ROOT", "cc", "compound", "conj"], pos=["NOUN", "CCONJ", "NOUN", "NOUN"])  # fmt: skip
    assert [t.text for t in expand(doc[0])] == ["police", "officers"]


@pytest.mark.integration
def test_a_countrys_government_named_by_its_ruling_movement_is_the_agent(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp("Nicaragua's Sandinista government banned the rally."))
    labels = {e.key: e.label for e in record.entities}
    (ban,) = [e for e in record.events if e.type == "Coercion"]
    assert [labels[k] for k in ban.roles["agent"]] == ["Nicaraguan government"]


@pytest.mark.integration
def test_both_parties_of_coordinated_nationalities_act(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp("Senior Israeli and Jordanian officials agreed to reopen the border."))
    labels = {e.key: e.label for e in record.entities}
    (deal,) = [e for e in record.events if e.type == "Agreement"]
    assert [labels[k] for k in deal.roles["agent"]] == ["Israeli officials", "Israel", "Jordan"]


@pytest.mark.integration
def test_the_first_of_coordinated_nationalities_is_not_lost_to_the_last(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp("Kenyan and Somali troops launched an offensive against the militants."))
    labels = {e.key: e.label for e in record.entities}
    (offensive,) = [e for e in record.events if e.type == "ArmedClash"]
    assert {"Kenya", "Somalia"} <= {labels[k] for k in offensive.roles["agent"]}


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "agent", "target"),
    [
        # a named actor that stands between two parties acts on them
        ("Senegal offered to mediate between Mali and Mauritania.", "Consultation", ["Senegal"],
         ["Mali", "Mauritania"]),
        ("Qatar's mediation between Egypt and Turkey failed.", "Consultation", ["Qatar"], ["Egypt", "Turkey"]),
        # with no one else named, the parties between which it happens are the ones who act
        ("Talks between Egypt and Turkey failed.", "Consultation", ["Egypt", "Turkey"], []),
    ],
)  # fmt: skip
def test_the_parties_between_which_an_act_stands_are_its_targets_when_someone_else_acts(
    nlp, text, kind, agent, target
) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event, *_) = [e for e in record.events if e.type == kind]
    assert [labels[k] for k in event.roles.get("agent", ())] == agent
    assert [labels[k] for k in event.roles.get("target", ())] == target


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "agent"),
    [
        ("Forces loyal to President Salva Kiir attacked opposition positions.", "Attack", ["forces", "Salva Kiir"]),
        ("The opposition coalition, led by Raila Odinga, rejected the election results.", "Rejection",
         ["opposition coalition", "Raila Odinga"]),
    ],
)  # fmt: skip
def test_the_patron_of_an_unnamed_group_acts_with_it(nlp, text, kind, agent) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event, *_) = [e for e in record.events if e.type == kind]
    assert [labels[k] for k in event.roles.get("agent", ())] == agent


@pytest.mark.integration
def test_a_groups_its_in_a_reported_clause_is_the_reporting_subjects(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp("The army said its troops had killed 12 insurgents."))
    labels = {e.key: e.label for e in record.entities}
    (killing,) = [e for e in record.events if e.type == "Killing"]
    assert [labels[k] for k in killing.roles.get("agent", ())] == ["troops", "army"]


def test_a_second_party_hung_on_the_first_ones_apposition_is_expanded() -> None:
    # "Kenya's President Ruto and Ghana's President Mahama met": the model makes Mahama a conjunct of Ruto,
    # who is an apposition of the subject 'President'
    words = ["President", "Ruto", "and", "Mahama", "met"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[4, 0, 1, 1, 4],
              deps=["nsubj", "appos", "cc", "conj", "ROOT"], pos=["PROPN", "PROPN", "CCONJ", "PROPN", "VERB"])  # fmt: skip
    assert [t.text for t in expand(doc[0])] == ["President", "Mahama"]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Kurdish fighters repelled an assault on their positions.", ["Kurdish forces"]),
        ("Kurdish fighters fended off an assault on their positions.", ["Kurdish forces"]),
        ("Kurdish fighters repulsed an attack by Islamist militants.", []),
        ("Afghan police thwarted an attack on the airport.", []),
    ],
)
def test_who_repels_or_thwarts_an_attack_is_not_its_attacker(nlp, text, target) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (attack,) = [e for e in record.events if e.type == "Attack"]  # the verb is no second attack
    assert all(labels[k] not in {"Kurdish forces", "Afghanistan"} for k in attack.roles.get("agent", ()))
    assert [labels[k] for k in attack.roles.get("target", ())] == target


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "agent"),
    [
        # a country's weapons act for it, as its troops do
        (
            "Turkish warplanes bombed a village near the border.",
            "Airstrike",
            "Turkey",
        ),  # aircraft bomb: an air strike
        ("Russian artillery shelled the outskirts of the town.", "Attack", "Russia"),
        # a verb of the noun's own type only says the noun's event happened: its subject is the agent
        ("Germany supplied humanitarian aid to the region.", "Aid", "Germany"),
    ],
)
def test_a_countrys_weapons_and_a_same_type_verbs_subject_are_the_agent(nlp, text, kind, agent) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    agents = [labels[k] for e in record.events if e.type == kind for k in e.roles.get("agent", ())]
    assert agent in agents


@pytest.mark.integration
def test_a_verb_that_needs_an_actor_object_does_not_hide_its_event_nouns_agent(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    # 'exchange' is a release only of people; with accusations as its object its subject makes them
    record = records_from_doc(nlp("Kenya and Somalia exchanged accusations over the raid."))
    labels = {e.key: e.label for e in record.entities}
    (accusation,) = [e for e in record.events if e.type == "Accusation"]
    assert "Kenya" in [labels[k] for k in accusation.roles.get("agent", ())]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "agent", "target"),
    [
        # the model hangs the partner's 'with' phrase on the object noun; it names the party acted with
        ("Jordanian officials shared intelligence with Egypt about the smugglers.", "Cooperation",
         ["Jordanian officials"], ["Egypt"]),
        ("The minister discussed the crisis with Kenya on Monday.", "Consultation", ["minister"], ["Kenya"]),
    ],
)  # fmt: skip
def test_a_with_phrase_on_the_object_names_the_partner(nlp, text, kind, agent, target) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event,) = [e for e in record.events if e.type == kind]
    assert [labels[k] for k in event.roles.get("agent", ())] == agent
    assert [labels[k] for k in event.roles.get("target", ())] == target


@pytest.mark.integration
def test_an_unnamed_agent_of_a_named_organisation_stands_for_it(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp("The head of the Red Cross visited Gaza on Monday."))
    labels = {e.key: e.label for e in record.entities}
    (visit,) = [e for e in record.events if e.type == "Consultation"]
    assert [labels[k] for k in visit.roles.get("agent", ())] == ["International Committee of the Red Cross"]


@pytest.mark.integration
def test_every_party_of_a_coordinated_subject_acts_in_the_event_noun_its_verb_governs(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(
        nlp("Kenyan and Somali negotiators returned to Nairobi for talks on the border.")
    )
    labels = {e.key: e.label for e in record.entities}
    (talks,) = [e for e in record.events if e.type == "Consultation"]
    assert {"Kenya", "Somalia"} <= {labels[k] for k in talks.roles.get("agent", ())}


@pytest.mark.integration
def test_whoever_dies_is_the_victim_of_the_act_never_its_agent(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    text = "Jane Akinyi said her son was taken to a hospital. She said he died there on Monday night."
    record = records_from_doc(nlp(text))
    died = [e for e in record.events if e.trigger.text.startswith("died")]
    assert died and all(not e.roles.get("agent") for e in died)


def _labels_of(nlp, text: str, kind: str, role: str) -> list[str]:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event, *_) = [e for e in record.events if e.type == kind]
    return [labels[k] for k in event.roles.get(role, ()) if k in labels]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "agent", "role", "other"),
    [
        # an object relative: the clause's own subject acts on the noun the pronoun stands for
        ("Jordan freed the fishermen whom Syrian rebels had abducted.", "Abduction", ["Syrian rebels"], "target",
         ["fishermen"]),
        # an adverbial 'that' is no subject either
        ("It was the day that Ghana agreed to reopen the border.", "Agreement", ["Ghana"], "target", []),
        # a subject relative still makes the noun the subject
        ("The rebels who attacked the convoy fled.", "Attack", ["rebels"], "target", []),
    ],
)  # fmt: skip
def test_a_relative_pronoun_is_the_subject_only_when_it_is_one(nlp, text, kind, agent, role, other) -> None:
    assert _labels_of(nlp, text, kind, "agent") == agent
    assert _labels_of(nlp, text, kind, role) == other


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "agent"),
    [
        # a name set off by a comma says who the common noun is
        ("The rebel commander, Joseph Kony, rejected the offer.", "Rejection", ["Joseph Kony"]),
        # the model hangs the name on the 'of' country
        ("The president of Ghana, John Kufuor, rejected the offer.", "Rejection",
         ["John Kufuor"]),
    ],
)  # fmt: skip
def test_a_name_in_apposition_is_who_the_noun_is(nlp, text, kind, agent) -> None:
    assert _labels_of(nlp, text, kind, "agent") == agent


@pytest.mark.integration
def test_each_coordinated_party_of_a_member_noun_acts(nlp) -> None:
    agents = _labels_of(
        nlp, "The treaty was signed by the leaders of Peru and Ecuador.", "Agreement", "agent"
    )
    assert {"Peru", "Ecuador"} <= set(agents)


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "agent"),
    [
        # the noun a present participle modifies does what it says
        ("Troops dispersed villagers demanding compensation.", "Demand", ["villagers"]),
        # a text acts for whoever issues or adopts it
        ("The Senegalese parliament adopted a law banning street protests.", "Coercion", ["Senegalese parliament"]),
        ("A decree releasing 40 detainees was signed by President Ali Bongo.", "Release", ["Ali Bongo"]),
    ],
)  # fmt: skip
def test_who_does_what_a_present_participle_says(nlp, text, kind, agent) -> None:
    assert _labels_of(nlp, text, kind, "agent") == agent


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "role", "actor"),
    [
        # an infinitive under a passive verb is done by the passive subject
        ("The Ugandan president is expected to visit Rwanda next week.", "Consultation", "agent",
         ["Ugandan president"]),
        # unless it is passive itself
        ("The detainees are expected to be released on Friday.", "Release", "theme", ["detainees"]),
    ],
)  # fmt: skip
def test_an_infinitive_has_its_own_voice_under_a_passive_verb(nlp, text, kind, role, actor) -> None:
    assert _labels_of(nlp, text, kind, role) == actor


@pytest.mark.integration
def test_who_acts_along_with_the_subject_acts_too(nlp) -> None:
    agents = _labels_of(
        nlp, "Mali, along with Niger, accused Algeria of backing the rebels.", "Accusation", "agent"
    )
    assert agents == ["Mali", "Niger"]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "role", "actor"),
    [
        # an infinitive on a noun is done by the noun's owner
        ("Ghana's decision to expel the diplomats angered Togo.", "Sanction", "agent", ["Ghana"]),
        ("Egypt's offer to mediate between Sudan and Chad was welcomed.", "Consultation", "target",
         ["Sudan", "Chad"]),
        # or by whoever a light verb says has the noun
        ("Hungary announced plans to expel the Romanian diplomats.", "Sanction", "agent", ["Hungary"]),
    ],
)  # fmt: skip
def test_who_would_do_what_an_infinitive_on_a_noun_says(nlp, text, kind, role, actor) -> None:
    assert _labels_of(nlp, text, kind, role) == actor


def test_a_participle_after_a_comma_is_no_reduced_relative_of_the_noun_before() -> None:
    from kg.extract.events.roles import verbal_arguments

    vocab = spacy.blank("en").vocab
    # "protesters demanding reforms": the noun does what the participle says
    doc = Doc(vocab, words=["protesters", "demanding", "reforms"], heads=[0, 0, 1], deps=["ROOT", "acl", "dobj"],
              pos=["NOUN", "VERB", "NOUN"], tags=["NNS", "VBG", "NNS"])  # fmt: skip
    assert [t.text for t in verbal_arguments(doc[1], "target", "agent")["agent"]] == ["protesters"]
    # "..., near Kirumba, killing five": the model hangs the clause's participle on the place before it
    doc = Doc(vocab, words=["near", "Kirumba", ",", "killing", "five"], heads=[0, 0, 1, 1, 3],
              deps=["ROOT", "pobj", "punct", "acl", "dobj"], pos=["ADP", "PROPN", "PUNCT", "VERB", "NUM"],
              tags=["IN", "NNP", ",", "VBG", "CD"])  # fmt: skip
    assert "agent" not in verbal_arguments(doc[3], "target", "agent")


@pytest.mark.integration
def test_the_parties_a_clash_erupts_between_fight_it(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp("Clashes erupted between youths and police in Hebron."))
    (clash,) = [e for e in record.events if e.type == "ArmedClash"]
    assert clash.roles["agent"] == ("youths", "police")


@pytest.mark.integration
@pytest.mark.parametrize(
    "text",
    [
        "KAMPALA, May 4 (Reuters) - Ugandan police fired tear gas at students in Kampala on Tuesday.",
        "Kampala, May 4 (AFP) - Ugandan police fired tear gas at students on Tuesday.",
    ],
)
def test_a_dateline_city_is_where_the_story_was_filed_not_who_acts(nlp, text: str) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (fired,) = [e for e in record.events if e.trigger.text == "fired"]
    assert [labels[k] for k in fired.roles["agent"]] == ["Ugandan police"]
    assert "uganda-government" not in labels


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "agent"),
    [
        # a gerund after a preposition shares its clause's subject, in either voice of that clause
        ("The gunmen fled after shooting two guards.", "Attack", ["gunmen"]),
        ("Police dispersed the crowd by firing tear gas.", "Attack", ["police"]),
        ("A suicide bomber was stopped before detonating his explosives.", "Bombing", ["suicide bomber"]),
        # and after a preposition of two words
        ("In addition to capturing the ridge, the militia took two villages.", "ArmedClash", ["militia"]),
        # the model can hang the subject on the auxiliary when a possessive follows the verb
        ("National Guard troops were patrolling Venezuela's oil installations.", "Mobilization",
         ["National Guard troops"]),
        # a participle of an act done to no one, misparsed under the root noun, is the sentence's verb
        ("About 1,000 Brazilians from trade unions protested outside the consulate in Sao Paulo.", "Protest",
         ["Brazilians"]),
        # collective nouns for people who act
        ("In the province of Hama, terrorists shelled the village.", "Attack", ["terrorists"]),
        ("Thousands marched in the streets of the capital.", "Protest", ["people"]),
        # who acts alongside the subject acts too
        ("The army, alongside Hezbollah fighters, attacked the town.", "Attack", ["army", "Hezbollah fighters"]),
        ("The army, in cooperation with the police, raided the camp.", "Attack", ["army", "police"]),
        # a participle with an object under a report's subject is the clause's verb, not a passive
        ("Armed groups slaughtered 13 villagers in the north, police said.", "Killing", ["groups"]),
        # 'shot' read as a noun before 'and <verb>': who shot is the subject the sentence gives
        ("Unidentified gunmen on a motorbike shot and killed a policeman.", "Attack", ["gunmen"]),
        ("An unknown assailant shot and wounded the mayor.", "Assault", ["assailant"]),
        ("Masked gunmen in a car shot and wounded a judge.", "Assault", ["gunmen"]),
    ],
)  # fmt: skip
def test_the_subject_the_parse_hides_is_the_agent(nlp, text, kind, agent) -> None:
    assert _labels_of(nlp, text, kind, "agent") == agent
    assert not set(agent) & set(_labels_of(nlp, text, kind, "target"))


POS = {"killed": "VERB", "said": "VERB", ",": "PUNCT", "and": "CCONJ", "there": "ADV"}


@pytest.mark.parametrize(
    ("words", "heads", "deps", "parties"),
    [
        # 'killed farmers, police and medics said': the speakers of the report are no victims
        (["killed", "farmers", ",", "police", "and", "medics", "said"], [6, 0, 1, 1, 3, 3, 6],
         ["ccomp", "dobj", "punct", "conj", "cc", "conj", "ROOT"], ["farmers"]),
        # no comma before the last parties: all stay victims ('killed farmers and guards said to be unarmed')
        (["killed", "farmers", "and", "guards", "said"], [0, 0, 1, 1, 3],
         ["ROOT", "dobj", "cc", "conj", "acl"], ["farmers", "guards"]),
        # no reporting verb after them: a list of victims
        (["killed", "farmers", ",", "police", "and", "medics", "there"], [0, 0, 1, 1, 3, 3, 0],
         ["ROOT", "dobj", "punct", "conj", "cc", "conj", "advmod"], ["farmers", "police", "medics"]),
    ],
)  # fmt: skip
def test_the_speakers_of_a_report_coordinated_with_an_object_are_no_parties(
    words, heads, deps, parties
) -> None:
    lemmas = [w if w != "said" else "say" for w in words]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=lemmas,
              pos=[POS.get(w, "NOUN") for w in words])  # fmt: skip
    assert [t.text for t in expand(doc[1])] == parties
