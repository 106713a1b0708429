"""Claims (kg.extract.claims): who says what happened, with what certainty, and reporting acts that are acts in
their own right (whom a warning addresses), on sentences of our own."""

from __future__ import annotations

import pytest

from kg.extract.recorder import records_from_doc


def _event(nlp, text: str, trigger: str):
    return next(e for e in records_from_doc(nlp(text)).events if e.trigger.text == trigger)


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "trigger", "certainty"),
    [
        ("Uganda denied reports that its soldiers had entered Congo.", "entered", "denied"),
        ("The ministry rejected claims that police had shot the students.", "shot", "denied"),
        ("Rwanda dismissed allegations that its jets bombed a market.", "bombed", "denied"),
        ("The army confirmed reports that rebels had captured the town.", "captured", "asserted"),
        ("Rebels captured the town, the army said.", "captured", "asserted"),
    ],
)
def test_what_a_denial_of_reports_or_claims_covers_is_denied(
    nlp, text: str, trigger: str, certainty: str
) -> None:
    event = _event(nlp, text, trigger)
    assert (event.certainty, event.polarity) == (
        certainty,
        "negative" if certainty == "denied" else "positive",
    )


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "is_rejection"),
    [("The president dismissed his defence minister.", False), ("Kenya dismissed the proposal.", True)],
)
def test_dismissing_an_official_is_no_rejection(nlp, text: str, is_rejection: bool) -> None:
    events = records_from_doc(nlp(text)).events
    assert any(e.type == "Rejection" for e in events) == is_rejection


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "trigger", "agent"),
    [
        ("Uganda accused Rwanda of supporting the rebels.", "supporting", "rwanda"),
        ("Kenya accused Somalia of attacking its border post.", "attacking", "somalia"),
        ("Ethiopia blamed Eritrea for the shelling of Zalambessa.", "shelling", "eritrea"),
    ],
)
def test_who_is_accused_or_blamed_of_an_act_did_it_as_the_accuser_claims(
    nlp, text: str, trigger: str, agent: str
) -> None:
    event = _event(nlp, text, trigger)
    assert (event.roles.get("agent"), event.certainty) == ((agent,), "claimed")


def _acts(nlp, text: str) -> list[tuple[str, list[str]]]:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    return [(c.event_type, [labels.get(k, k) for k in c.about]) for c in record.claims]


@pytest.mark.integration
def test_a_warning_to_a_party_is_a_threat_to_it(nlp) -> None:
    acts = _acts(nlp, "China warned Vietnam on Monday that any drilling in the area would be met with force.")
    assert acts and acts[0][0] == "Threat" and acts[0][1][0] == "Vietnam"


@pytest.mark.integration
def test_a_warning_to_no_one_is_a_statement(nlp) -> None:
    acts = _acts(nlp, "The agency warned that millions of people face hunger.")
    assert [t for t, _ in acts] == ["Statement"]
