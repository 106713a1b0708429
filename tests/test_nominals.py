"""Arguments of event nouns (kg.extract.events.nominals) on hand-built parses, so each rule is pinned exactly."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.events.nominals import nominal_arguments


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str], ents: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_a_name_that_qualifies_the_means_of_an_attack_is_its_agent() -> None:
    # "US drone attacks": the model hangs US on 'drone', which hangs on 'attacks'
    doc = _doc(["US", "drone", "attacks"], [1, 2, 2], ["compound", "compound", "ROOT"],
               ["PROPN", "NOUN", "NOUN"], ["B-GPE", "O", "O"])  # fmt: skip
    roles = nominal_arguments(doc[2], "target")
    assert [t.text for t in roles["agent"]] == ["US"]


def test_a_plain_noun_modifier_names_no_agent_and_leaves_the_role_open() -> None:
    # "emergency food aid": no name, so the clause may still give the agent
    doc = _doc(["emergency", "food", "aid"], [1, 2, 2], ["compound", "compound", "ROOT"],
               ["NOUN", "NOUN", "NOUN"], ["O", "O", "O"])  # fmt: skip
    assert "agent" not in nominal_arguments(doc[2], "theme")


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("The Pakistani Taliban claimed responsibility for the bombing.", ["Tehrik-i-Taliban Pakistan"]),
        # a date that owns the attack is no agent; the claimer is
        ("Al-Shabaab claimed responsibility for Monday's attack on the base.", ["al-Shabaab"]),
        # denying responsibility names no one
        ("The group denied responsibility for the attack.", []),
    ],
)  # fmt: skip
def test_whoever_claims_responsibility_for_an_act_is_its_agent(nlp, text, agent) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event,) = [e for e in record.events if e.type in {"Bombing", "Attack"}]
    assert [labels[k] for k in event.roles.get("agent", ()) if k in labels] == agent


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "agent"),
    [
        # the model hangs the by-agent on the noun's 'of' object
        ("The expulsion of Russian diplomats by Poland angered Moscow.", "Sanction", ["Poland"]),
        # a passive participle on the event noun names who did it
        ("A car bomb planted by militants exploded in Mogadishu.", "Bombing", ["militants"]),
    ],
)  # fmt: skip
def test_a_by_agent_hung_on_the_object_or_on_a_participle_is_the_event_nouns(nlp, text, kind, agent) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event,) = [e for e in record.events if e.type == kind]
    assert [labels[k] for k in event.roles.get("agent", ())] == agent


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "agent"),
    [
        # a passive light or support verb: its 'by' phrase does the noun's act
        ("The raid on the village was carried out by Kenyan troops.", "Attack", ["Kenya"]),
        ("A request for talks was made by the Algerian government.", "Demand", ["Algerian government"]),
        # a light noun's owner or 'by' phrase is the event noun's
        ("Mediation efforts by Qatar have stalled.", "Consultation", ["Qatar"]),
        # a light verb's relative clause on the event noun: its subject does the act
        ("Human rights groups condemned the raid that the Nigerian police carried out.", "Attack",
         ["Nigerian police"]),
        ("The sanctions which the European Union imposed remain in force.", "Sanction", ["European Union"]),
    ],
)  # fmt: skip
def test_who_does_an_event_noun_through_a_light_verb_or_noun_is_its_agent(nlp, text, kind, agent) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event, *_) = [e for e in record.events if e.type == kind]
    assert [labels[k] for k in event.roles.get("agent", ()) if k in labels] == agent


@pytest.mark.integration
def test_a_clause_whose_subject_is_the_event_noun_gives_no_agent(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp("The talks, which began in March, collapsed."))
    (talks,) = [e for e in record.events if e.type == "Consultation"]
    assert not talks.roles.get("agent")


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "agent"),
    [
        # a bare 'in protest' says why the clause's subject acts, wherever the model hangs it
        ("Dock workers camped outside the port for a week in protest against the layoffs.", ["dock workers"]),
        ("Teachers stayed away from their schools in protest.", ["teachers"]),
    ],
)
def test_who_acts_in_protest_protests(nlp, text, agent) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (protest,) = [e for e in record.events if e.type == "Protest"]
    assert [labels[k] for k in protest.roles.get("agent", ())] == agent


@pytest.mark.integration
def test_a_protest_with_a_determiner_is_no_manner_of_the_clause(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp("Two students died in the protest."))
    (protest,) = [e for e in record.events if e.type == "Protest"]
    assert not protest.roles.get("agent")


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "agent"),
    [
        # who brokers, hosts or backs an act is no party to it
        ("The truce brokered by Qatar collapsed on Monday.", "Ceasefire", []),
        ("Rebels handed back the town under a deal mediated by Moscow.", "Agreement", []),
        # who plants or carries out an act does it
        ("A car bomb planted by militants exploded in the market.", "Bombing", ["militants"]),
    ],
)
def test_a_participles_by_phrase_names_the_doer_unless_it_only_helped(nlp, text, kind, agent) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event, *_) = [e for e in record.events if e.type == kind]
    assert [labels[k] for k in event.roles.get("agent", ())] == agent


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The government attributed the attack on the convoy to the PKK.", "Attack"),
        # the model hangs 'on the PKK' on the noun, which read it as the target
        ("The government blamed the bombing in Diyarbakir on the PKK.", "Bombing"),
    ],
)
def test_who_an_act_is_attributed_to_did_it_not_who_attributes_it(nlp, text, kind) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event,) = [e for e in record.events if e.type == kind]
    assert [labels[k] for k in event.roles["agent"]] == ["Kurdistan Workers' Party"]
    assert not event.roles.get("target") and event.certainty == "claimed"
