"""Place names and demonyms that say whose people or which war, not where an event happened (real model).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.whose import says_whose


def _span(doc, text: str):
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text))


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "name", "whose"),
    [
        ("The Tunis mayor opened the new bridge.", "Tunis", True),  # a role noun
        ("Police questioned two Egyptian students on Friday.", "Egyptian", True),  # a person noun
        ("Thousands died in the 1971 Bangladesh war.", "Bangladesh", True),  # the war it names
        ("The meeting began at noon, Cairo time.", "Cairo", True),  # a clock
        ("The Hungarian bombardment lasted for hours.", "Hungarian", True),  # a demonym on an act
        ("Crowds gathered in the Ghanaian capital on Sunday.", "Ghanaian", False),  # a place noun
        ("Riot police patrolled Lima's streets at night.", "Lima", False),  # a located noun
        ("Two traders were robbed in Kano on Monday.", "Kano", False),  # no noun to modify
        ("Border guards fired at Palestinians near the fence.", "Palestinians", True),  # a people, not a place
        ("The raids mostly hit Iraqi Kurds near the border.", "Iraqi", True),  # which Kurds
    ],
)  # fmt: skip
def test_a_place_before_a_noun_for_people_or_a_war_says_whose_not_where(nlp, text, name, whose):
    assert says_whose(_span(nlp(text), name)) is whose


def _places(nlp, text: str) -> list[list[str]]:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    return [[labels[k] for k in e.roles.get("place", ())] for e in record.events]


@pytest.mark.integration
@pytest.mark.parametrize(
    "text",
    [
        "Egyptian troops captured the fort in the 1948 Mideast war.",
        "Hundreds were killed in Sudan's civil war.",
        "Kigali troops captured the hill last May.",
        "Police arrested a Lagos mayor on Friday.",
        "About forty nurses demonstrated in front of Norway's embassy.",
    ],
)  # fmt: skip
def test_an_event_takes_no_place_from_a_name_that_only_says_whose(nlp, text):
    places = _places(nlp, text)
    assert places and not any(places)


@pytest.mark.integration
def test_the_place_phrase_still_names_the_place_beside_a_demonym(nlp):
    places = _places(nlp, "Gunmen shot a Lebanese banker in Tripoli late on Tuesday.")
    assert ["Tripoli"] in [p[:1] for p in places]


def _sentence_place(nlp, text: str, verb: str) -> list[str]:
    from kg.extract.events.places import sentence_place
    from kg.extract.state import FoundEvent, token_index

    doc = nlp(text)
    head = next(t for t in doc if t.text == verb)
    event = FoundEvent(type="Arrest", trigger=doc[head.i : head.i + 1])
    index = token_index(doc)
    sentence_place(event, head, index)
    labels = {f.key: f.label for f in index.values()}
    return [labels[k] for k in event.roles.get("place", [])]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "verb", "places"),
    [
        ("The prisoner was captured in 2001 and later flown to Kandahar.", "captured", []),  # a destination
        ("Dozens of fighters were captured during the battle for Marib.", "captured", []),  # a purpose
        ("Dozens of fighters were captured near Marib last week.", "captured", ["Marib"]),  # where
    ],
)  # fmt: skip
def test_the_sentences_one_place_is_not_taken_when_it_is_a_destination_or_a_purpose(nlp, text, verb, places):
    assert _sentence_place(nlp, text, verb) == places


@pytest.mark.integration
def test_a_demonym_in_a_list_before_a_force_noun_says_whose(nlp):
    doc = nlp("Russian, Georgian and Ossetian troops patrolled the valley.")
    assert says_whose(_span(doc, "Georgian"))
