"""Certainty of events in conditions and failed attempts, on sentences of our own parsed by the real model."""

from __future__ import annotations

import pytest

from kg.extract.recorder import records_from_doc


def _certainty(nlp, text: str, trigger: str) -> str:
    return next(e.certainty for e in records_from_doc(nlp(text)).events if e.trigger.text == trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "certainty"),
    [
        ("If rebels attack the city, the army will shell their positions.", "attack", "hypothetical"),
        (
            "If rebels attack the city, the army will retaliate with air strikes.",
            "air strikes",
            "hypothetical",
        ),
        ("The army made a failed attempt to capture the hill near Idlib.", "capture", "negated"),
        ("Insurgents failed to capture the base in Helmand on Monday.", "capture", "negated"),
        ("Rebels attacked the city of Goma on Monday.", "attacked", "asserted"),  # nothing conditions it
        ("The suspect is likely to be arrested in Mombasa on Monday.", "arrested", "hedged"),
        # what is asked for, offered or refused has not happened; what is agreed to is reported
        ("Rebels demanded a truce with the army.", "truce", "hypothetical"),
        ("The UN called for a ceasefire in Gaza.", "ceasefire", "hypothetical"),
        # what is asked for with it is asked for too
        ("Beijing has called for a truce and for talks between the sides.", "talks", "hypothetical"),
        ("The envoy demanded a ceasefire and talks in Geneva.", "talks", "hypothetical"),
        ("Protesters demanded the release of detainees.", "release", "hypothetical"),
        ("The two sides agreed to a truce on Monday.", "truce", "asserted"),
        ("Serbia rejected an Australian ultimatum on Monday.", "ultimatum", "asserted"),  # it was issued
        # an event noun vowed, threatened or scheduled is intended; one committed is done
        ("Opposition leaders vowed more marches after the killings.", "marches", "planned"),
        ("The government scheduled talks with the rebels for Friday.", "talks", "planned"),
        ("Rebels committed a massacre in the town of Beni.", "committed a massacre", "asserted"),
        # a plan that is the object is what is acted on; a planned act is intended
        ("The Somali parliament rejected the peace plan.", "rejected", "asserted"),
        ("The planned march was called off.", "march", "planned"),
        # an act that reached no one did not happen to anyone
        ("The mayor said no civilians were killed in the strikes.", "killed", "negated"),
        ("None of the soldiers were killed in Kesta.", "killed", "negated"),
        ("The blast killed no one in the market.", "killed", "negated"),
        ("Gunmen killed five villagers in Kaura.", "killed", "asserted"),
    ],
)
def test_conditions_and_failures_are_not_reported_as_facts(
    nlp, text: str, trigger: str, certainty: str
) -> None:
    assert _certainty(nlp, text, trigger) == certainty


@pytest.mark.parametrize(
    ("text", "trigger", "certainty"),
    [
        ("Around 4 May 2021, police arrested two smugglers near the border.", "arrested", "asserted"),
        ("In May 2021, soldiers shelled the village.", "shelled", "asserted"),
        ("Police may arrest the organisers of the march.", "arrest", "hypothetical"),
    ],
)
def test_a_month_named_may_is_no_modal(nlp, text: str, trigger: str, certainty: str) -> None:
    assert _certainty(nlp, text, trigger) == certainty


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # 2024-06-25 is a Tuesday: what is urged or planned for Friday lies ahead, what was done on Monday behind
        ("The opposition urged supporters to rally on Friday.", "rally", "2024-06-28"),
        ("The union will hold a march on Friday.", "march", "2024-06-28"),
        ("Police arrested 20 protesters on Monday.", "arrested", "2024-06-24"),
    ],
)
def test_a_weekday_of_an_event_that_has_not_happened_lies_ahead(
    nlp, text: str, trigger: str, day: str
) -> None:
    from kg.extract.pipeline import InputDocument, extract

    (record,) = extract(nlp, [InputDocument("t", text, "2024-06-25")])
    assert next(e.date.value for e in record.events if e.trigger.text == trigger) == day
