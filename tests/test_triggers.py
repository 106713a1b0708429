"""Trigger words of the lexicon (kg/data/triggers.json) on real parses: the event type each wording tells."""

from __future__ import annotations

import pytest


def _types(nlp, text: str) -> list[str]:
    from kg.extract.recorder import records_from_doc

    return [e.type for e in records_from_doc(nlp(text)).events]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a court sends people to prison
        ("A court in Lagos sentenced four journalists to two years in prison.", "Detention"),
        # a vote against something rejects it
        ("The ruling party voted against the opposition's motion.", "Rejection"),
        # armed forces show their strength
        ("Russian warships began live-fire drills off the coast.", "Mobilization"),
        # dropping supplies from the air is aid
        ("Jordanian planes airdropped medicine to the besieged town.", "Aid"),
        # a phrase with the object's modifiers inside it is still the phrase
        ("A gunman opened indiscriminate fire in a crowded market.", "Attack"),
        ("Soldiers opened heavy fire near the border post.", "Attack"),
    ],
)
def test_a_wording_tells_its_event_type(nlp, text, kind) -> None:
    assert kind in _types(nlp, text)


@pytest.mark.integration
@pytest.mark.parametrize(
    "text",
    [
        "The sentence was read out in court.",  # the noun is not the verb
        "He was sentenced.",  # a sentence of no one the text names is nothing coded
    ],
)
def test_a_sentence_without_who_is_sentenced_is_no_detention(nlp, text) -> None:
    assert "Detention" not in _types(nlp, text)


@pytest.mark.integration
@pytest.mark.parametrize(
    "text",
    [
        "Norway will give 20 million dollars to the refugees.",
        "Germany will provide 20 million euros to Ukraine.",
    ],
)
def test_money_given_is_aid(nlp, text) -> None:
    assert "Aid" in _types(nlp, text)


@pytest.mark.integration
def test_shares_given_are_no_aid(nlp) -> None:
    assert "Aid" not in _types(nlp, "The company gave one million shares to its staff.")
