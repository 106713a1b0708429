"""Reporting acts (kg.extract.claims) that are acts in their own right: whom a warning addresses."""

from __future__ import annotations

import pytest


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
