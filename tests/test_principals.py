"""Whom a spokesman stands for (kg.extract.principals): PLOVER codes the organisation as the actor."""

from __future__ import annotations

import pytest


def _agents(nlp, text: str, kind: str) -> list[str]:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event, *_) = [e for e in record.events if e.type == kind]
    return [labels[k] for k in event.roles.get("agent", ()) if k in labels]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "agent"),
    [
        ("A spokesman for the Malian defence ministry urged Algeria to close the border.", "Demand",
         ["Malian defence ministry"]),
        ("The army's spokeswoman accused the rebels of looting.", "Accusation", ["army"]),
        ("A spokesman for the rebels rejected the ceasefire.", "Rejection", ["rebels"]),
    ],
)  # fmt: skip
def test_a_spokesman_acts_for_whom_he_speaks_for(nlp, text, kind, agent) -> None:
    assert _agents(nlp, text, kind) == agent


@pytest.mark.integration
def test_a_spokesman_of_no_organisation_stays_himself(nlp) -> None:
    assert _agents(nlp, "A spokesman rejected the offer.", "Rejection") == ["spokesman"]
