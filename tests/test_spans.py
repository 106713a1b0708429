"""Span and actor rules pinned on hand-built parses (no statistical model): who is a party, titles, "X-led",
facility heads, and capitals that act."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

import kg.extract.actors.recognizer  # noqa: F401  (registers kg_actors)
from kg.extract.actors.spans import extend_head, is_agentive, strip_head, widen_modifiers, widen_title
from tests.parses import hand_parse, run_components

VOCAB = spacy.blank("en").vocab


def span(rows, start, end, label="GPE"):
    return Span(hand_parse(VOCAB, rows), start, end, label=label)


DAMASCUS_CLAIMS = [
    ("Damascus", 1, "nsubj", "PROPN", "NNP", "Damascus"),
    ("claims", 1, "ROOT", "VERB", "VBZ", "claim"),
]
IN_DAMASCUS = [
    ("Protests", 1, "nsubj", "NOUN", "NNS", "protest"), ("erupted", 1, "ROOT", "VERB", "VBD", "erupt"),
    ("in", 1, "prep", "ADP", "IN", "in"), ("Damascus", 2, "pobj", "PROPN", "NNP", "Damascus"),
]  # fmt: skip
ACCUSED_KABUL = [
    ("Pakistan", 1, "nsubj", "PROPN", "NNP", "Pakistan"), ("accused", 1, "ROOT", "VERB", "VBD", "accuse"),
    ("Kabul", 1, "dobj", "PROPN", "NNP", "Kabul"),
]  # fmt: skip
STRUCK_KHARKIV = [
    ("Drones", 1, "nsubj", "NOUN", "NNS", "drone"), ("struck", 1, "ROOT", "VERB", "VBD", "strike"),
    ("Kharkiv", 1, "dobj", "PROPN", "NNP", "Kharkiv"),
]  # fmt: skip
TALKS_WITH_MOSCOW = [
    ("Talks", 0, "ROOT", "NOUN", "NNS", "talks"), ("with", 0, "prep", "ADP", "IN", "with"),
    ("Moscow", 1, "pobj", "PROPN", "NNP", "Moscow"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "index", "agentive"),
    [(DAMASCUS_CLAIMS, 0, True), (IN_DAMASCUS, 3, False), (ACCUSED_KABUL, 2, True), (STRUCK_KHARKIV, 2, False),
     (TALKS_WITH_MOSCOW, 2, True)],
    ids=["subject-acts", "in-X-is-a-location", "accused-X-is-addressed", "struck-X-is-a-location", "talks-with-X"],
)  # fmt: skip
def test_a_place_name_is_a_party_only_when_it_acts_or_is_addressed(rows, index, agentive):
    assert is_agentive(span(rows, index, index + 1)) is agentive


def test_a_capitalised_title_before_a_name_joins_the_mention():
    rows = [
        ("Colonel", 2, "compound", "PROPN", "NNP", "Colonel"), ("Bakary", 2, "compound", "PROPN", "NNP", "Bakary"),
        ("Sanogo", 3, "nsubj", "PROPN", "NNP", "Sanogo"), ("said", 3, "ROOT", "VERB", "VBD", "say"),
    ]  # fmt: skip
    wide, title = widen_title(span(rows, 1, 3, "PERSON"))
    assert (wide.text, title) == ("Colonel Bakary Sanogo", "Colonel")


def test_a_lower_case_title_word_is_not_taken():
    rows = [("the", 1, "det", "DET", "DT", "the"), ("general", 2, "amod", "ADJ", "JJ", "general"),
            ("Ahmed", 2, "ROOT", "PROPN", "NNP", "Ahmed")]  # fmt: skip
    assert widen_title(span(rows, 2, 3, "PERSON"))[1] == ""


def test_led_modifier_widens_the_mention():
    rows = [
        ("Kurdish", 2, "npadvmod", "ADJ", "JJ", "kurdish"), ("-", 2, "punct", "PUNCT", "HYPH", "-"),
        ("led", 3, "amod", "VERB", "VBN", "lead"), ("SDF", 3, "ROOT", "PROPN", "NNP", "SDF"),
    ]  # fmt: skip
    assert widen_modifiers(span(rows, 3, 4, "ORG")).text == "Kurdish-led SDF"


@pytest.mark.parametrize(
    ("words", "expected"),
    [(["al-Hawl", "camp", "guards"], "al-Hawl camp"), (["Tibú", "military", "base"], "Tibú military base"),
     (["Hasakah", "residents"], "Hasakah")],
)  # fmt: skip
def test_a_facility_or_admin_head_after_a_name_is_part_of_it(words, expected):
    rows = [(w, 0, "dep" if i else "ROOT", "NOUN", "NN", w.lower()) for i, w in enumerate(words)]
    assert extend_head(span(rows, 0, 1)).text == expected


def test_strip_head_drops_a_trailing_admin_word():
    assert strip_head("Hasakah province") == "Hasakah"
    assert strip_head("Province") == "Province"


def test_actor_component_resolves_a_capital_that_acts_to_its_government():
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_actors")
    doc = run_components(nlp, hand_parse(nlp.vocab, DAMASCUS_CLAIMS, ents=[(0, 1, "GPE")]))
    assert [(f.span.text, f.kind) for f in doc._.kg_mentions] == [("Damascus", "Government")]
    doc = run_components(nlp, hand_parse(nlp.vocab, IN_DAMASCUS, ents=[(3, 4, "GPE")]))
    assert [(f.span.text, f.kind) for f in doc._.kg_mentions] == [("Damascus", "City")]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kenya Airways suspended its flights to Juba.", "Kenya Airways"),
        ("Japan Airlines signed a deal with Boeing.", "Japan Airlines"),
    ],
)
def test_a_company_named_after_its_country_is_the_company(nlp, text, name) -> None:
    (first, *_) = nlp(text)._.kg_mentions
    assert (first.span.text, first.kind) == (name, "Company")


@pytest.mark.integration
def test_a_countrys_named_army_stays_the_countrys(nlp) -> None:
    (army,) = nlp("The Nigerian Army shelled the camp.")._.kg_mentions
    assert army.kind == "MilitaryOrganization" and army.key.startswith("nigeria")
