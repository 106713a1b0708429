"""The unnamed doer of an act (kg.extract.events.doers): a subject no lexicon knows, kept with a low confidence; and
its unnamed victim, an object that names people."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.events.doers import CONFIDENCE, _can_act
from kg.extract.lexicon import load_lexicon


def _agents(nlp, text: str, trigger: str) -> tuple[list[str], float, dict[str, float]]:
    doc = nlp(text)
    event = next(e for e in doc._.kg_events if e.trigger.root.text == trigger)
    confidences = {m.key: m.confidence for m in doc._.kg_mentions}
    return event.roles.get("agent", []), event.confidence, confidences


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        ("Neighbours protested outside the town hall on Monday.", "protested", "neighbours"),
        (
            "Three of its suicide bombers attacked a police post near the bridge.",
            "attacked",
            "suicide-bombers",
        ),
        ("Up to 2,000 of its members demonstrated in the capital on Friday.", "demonstrated", "members"),
    ],
)
def test_an_unknown_subject_acts_with_low_confidence(nlp, text: str, trigger: str, doer: str) -> None:
    agents, confidence, confidences = _agents(nlp, text, trigger)
    assert agents == [doer]
    assert confidences[doer] == CONFIDENCE and confidence <= 0.5  # an analyst can filter it out


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Tear gas and rubber bullets injured five marchers.", "injured"),  # weapons
        ("The explosion killed two shop owners.", "killed"),  # an event
        ("Many were wounded when the roof collapsed.", "wounded"),  # a bare count
        ("A stray missile injured two farmers near the border.", "injured"),  # a weapon
    ],
)
def test_what_cannot_act_is_no_doer(nlp, text: str, trigger: str) -> None:
    agents, _, _ = _agents(nlp, text, trigger)
    assert agents == []


@pytest.mark.integration
def test_what_a_force_of_nature_does_is_no_event(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp("Floods killed 20 people in the valley on Sunday."))
    assert [e.trigger.text for e in record.events] == []


@pytest.mark.integration
def test_a_known_actor_keeps_its_confidence(nlp) -> None:
    agents, confidence, _ = _agents(nlp, "Rebels attacked an army post near Gao.", "attacked")
    assert agents == ["rebels"] and confidence > 0.5


def _targets(nlp, text: str, trigger: str) -> tuple[list[str], dict[str, str]]:
    doc = nlp(text)
    event = next(e for e in doc._.kg_events if any(t.text == trigger for t in e.anchor or e.trigger))
    labels = {m.key: m.label for m in doc._.kg_mentions}
    return [labels.get(k, k) for k in event.roles.get("target", [])], labels


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "trigger", "victims"),
    [
        ("Gunmen killed five shoppers outside the bakery.", "killed", ["shoppers"]),
        ("Masked men abducted a farmer on his way home.", "abducted", ["farmer"]),
        ("Raiders killed a Somali elder near the well.", "killed", ["Somali elder"]),
        # the same victim of two acts, one actor
        ("A bystander was shot and wounded during the march.", "wounded", ["bystander"]),
    ],
)
def test_an_unknown_object_that_is_people_is_the_target(
    nlp, text: str, trigger: str, victims: list[str]
) -> None:
    targets, _ = _targets(nlp, text, trigger)
    assert targets == victims


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Gunmen burned three houses in the village.", "burned"),  # things, not people
        ("The blast wounded 30 others near the stadium.", "wounded"),  # a bare count
        ("Behind the band marched three other regiments.", "marched"),  # an act done to no one
    ],
)
def test_what_is_no_people_is_no_unnamed_target(nlp, text: str, trigger: str) -> None:
    targets, _ = _targets(nlp, text, trigger)
    assert targets == []


@pytest.mark.integration
def test_an_unnamed_target_is_trusted_less_and_a_named_one_wins(nlp) -> None:
    doc = nlp("Gunmen killed five shoppers outside the bakery.")
    confidences = {m.key: m.confidence for m in doc._.kg_mentions}
    assert confidences["shoppers"] == CONFIDENCE
    targets, _ = _targets(nlp, "Police arrested two cooks from the Red Brigades in Milan.", "arrested")
    assert targets and all("cook" not in t for t in targets)


@pytest.mark.parametrize(
    ("label", "acts"), [("EVENT", False), ("LAW", False), ("DATE", False), ("ORG", True)]
)
def test_a_name_the_model_labels_an_event_or_a_law_is_no_actor(label: str, acts: bool) -> None:
    # "on New Year's Eve a bomb destroyed ...": the day is no victim of the bombing
    doc = Doc(spacy.blank("en").vocab, words=["on", "Harvest", "Eve"], pos=["ADP", "PROPN", "PROPN"],
              ents=["O", f"B-{label}", f"I-{label}"])  # fmt: skip
    assert _can_act(doc[2], load_lexicon()) is acts
