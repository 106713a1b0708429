"""Arguments of event nouns (kg.extract.events.nominals) on hand-built parses, so each rule is pinned exactly."""

from __future__ import annotations

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
