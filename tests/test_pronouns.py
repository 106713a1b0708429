"""A subject pronoun's antecedent inside one sentence (kg.extract.events.pronouns)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.events.pronouns import antecedent_subject


def _clause(subject: str, tag: str, pronoun: str, ent: str = "") -> Doc:
    """'<subject> refused , saying <pronoun> would wait'."""
    words = [subject, "refused", ",", "saying", pronoun, "would", "wait"]
    return Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 1, 6, 6, 3],
               deps=["nsubj", "ROOT", "punct", "advcl", "nsubj", "aux", "ccomp"],
               pos=["PROPN", "VERB", "PUNCT", "VERB", "PRON", "AUX", "VERB"],
               tags=[tag, "VBD", ",", "VBG", "PRP", "MD", "VB"],
               ents=[f"B-{ent}" if ent else "O", *["O"] * 6])  # fmt: skip


def test_it_stands_for_a_singular_name_above_its_clause() -> None:
    assert antecedent_subject(_clause("Berlin", "NNP", "it", "GPE")[4]).text == "Berlin"


def test_they_stands_for_a_plural_noun_and_not_for_a_singular_one() -> None:
    assert antecedent_subject(_clause("Rebels", "NNS", "they")[4]).text == "Rebels"
    assert antecedent_subject(_clause("Berlin", "NNP", "they", "GPE")[4]) is None


def test_he_stands_only_for_a_person() -> None:
    assert antecedent_subject(_clause("Ruto", "NNP", "he", "PERSON")[4]).text == "Ruto"
    assert antecedent_subject(_clause("Berlin", "NNP", "he", "GPE")[4]) is None


@pytest.mark.integration
def test_a_pronoun_subject_of_an_event_is_the_actor_of_the_clause_above(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(
        nlp("Kenya rejected the request, saying it was suspending all flights to Juba.")
    )
    labels = {e.key: e.label for e in record.entities}
    (suspension,) = [e for e in record.events if e.type == "Sanction"]
    assert [labels[k] for k in suspension.roles.get("agent", ())] == ["Kenya"]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "event_type", "agent"),
    [
        # the pronoun is the subject of the clause that controls the trigger ('willing to forgive')
        ("The farmers announced that they are willing to forgive the governor.", "Support", "farmers"),
        # a container noun: the people it measures are the antecedent of 'they'
        ("A group of tribal leaders said they would forgive the governor.", "Support", "leaders"),
        ("The rebel group said it would boycott the talks.", "Rejection", "rebel group"),
    ],
)
def test_a_subject_pronoun_takes_the_actor_of_the_reporting_clause(nlp, text, event_type, agent) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event,) = [e for e in record.events if e.type == event_type]
    assert [labels[k] for k in event.roles.get("agent", ())] == [agent]


@pytest.mark.integration
def test_an_object_pronoun_is_not_the_speaker(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp("The army said it rejected it."))
    labels = {e.key: e.label for e in record.entities}
    (event,) = [e for e in record.events if e.type == "Rejection"]
    assert [labels[k] for k in event.roles.get("target", ())] == []


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "event_type", "agent"),
    [
        # a spokesman's 'they' or 'it' is whom he speaks for
        ("A spokesman for the rebels said they would free the hostages.", "Release", ["rebels"]),
        ("The army's spokeswoman said it had withdrawn from the town.", "Withdrawal", ["army"]),
        # 'he' is the spokesman himself
        ("A spokesman for the rebels said he would resign.", "Concession", ["spokesman"]),
    ],
)
def test_a_spokesman_speaks_for_an_organisation(nlp, text, event_type, agent) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event,) = [e for e in record.events if e.type == event_type]
    assert [labels[k] for k in event.roles.get("agent", ())] == agent


def test_it_does_not_stand_for_a_person_noun() -> None:
    doc = _clause("spokeswoman", "NN", "it")
    assert antecedent_subject(doc[4]) is None


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "event_type", "agent"),
    [
        # a first person includes whoever says it
        ('"We will not withdraw from the border," the Eritrean defence minister said.', "Withdrawal",
         ["Eritrean defence minister"]),
        ('"I will resign," Jacob Mensah told reporters.', "Concession", ["Jacob Mensah"]),
        # 'they' is someone else
        ('"They will attack the town," Jacob Mensah said.', "Attack", []),
    ],
)  # fmt: skip
def test_a_first_person_in_a_persons_quote_is_the_speaker(nlp, text, event_type, agent) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event,) = [e for e in record.events if e.type == event_type]
    assert [labels[k] for k in event.roles.get("agent", ())] == agent


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "trigger", "agent"),
    [
        # a state a possessive pronoun makes the speaker's own is the speaker's
        ("Benin's defence minister said his country would send troops to Mali.", "send", ["Beninese defence minister"]),
        ("Nepal said its government would resume talks with the Maoists.", "resume talks", ["Nepal"]),
    ],
)  # fmt: skip
def test_the_speakers_own_country_acts_for_the_speaker(nlp, text, trigger, agent) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event,) = [e for e in record.events if e.trigger.text == trigger]
    assert [labels[k] for k in event.roles.get("agent", ())] == agent
