"""Whom a spokesman stands for (kg.extract.principals): PLOVER codes the organisation as the actor."""

from __future__ import annotations

import pytest

from tests.parses import agents_of


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
    assert agents_of(nlp, text, kind) == agent


@pytest.mark.integration
def test_a_spokesman_of_no_organisation_stays_himself(nlp) -> None:
    assert agents_of(nlp, "A spokesman rejected the offer.", "Rejection") == ["spokesman"]
