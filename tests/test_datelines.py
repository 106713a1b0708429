"""Wire datelines (kg.extract.datelines, kg.extract.paragraphs): where a story was filed is no actor of its first
sentence, but still its place when the sentence names none."""

from __future__ import annotations

import pytest
import spacy

from kg.extract.datelines import dateline_end


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("KABUL (Reuters) - Gunmen attacked a post.", "Gunmen"),
        ("SAN JOSE, Costa Rica (AP) \u2014 Police arrested six men.", "Police"),
        ("BEIJING (AFP) -- China warned Japan.", "China"),
    ],
)
def test_a_dateline_ends_before_the_story(text, first) -> None:
    doc = spacy.blank("en")(text)
    assert doc[dateline_end(doc[0])].text == first


@pytest.mark.parametrize(
    "text",
    [
        "UN (Reuters) officials said",  # no dash after the agency
        "Police (armed) - fired",  # not a place in capitals
        "NATO said (in a statement) that it would stay.",  # words in lower case before the bracket
    ],
)
def test_a_line_that_only_looks_like_a_dateline_is_none(text) -> None:
    doc = spacy.blank("en")(text)
    assert dateline_end(doc[0]) is None


def _event(nlp, text: str, kind: str) -> dict[str, list[str]]:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event, *_) = [e for e in record.events if e.type == kind]
    return {role: [labels.get(k, k) for k in keys] for role, keys in event.roles.items()}


@pytest.mark.integration
def test_the_dateline_place_is_not_the_subject_of_the_first_verb(nlp) -> None:
    roles = _event(nlp, "ADEN, Yemen (AP) \u2014 Houthi rebels fired missiles at a tanker.", "Attack")
    assert roles["agent"] == ["Houthis"]


@pytest.mark.integration
def test_the_dateline_place_is_the_place_of_a_first_sentence_that_names_none(nlp) -> None:
    assert _event(nlp, "NAIROBI (Reuters) - Police arrested 20 protesters.", "Arrest")["place"] == ["Nairobi"]


@pytest.mark.integration
def test_a_place_the_sentence_names_wins_over_the_dateline(nlp) -> None:
    text = "KABUL (Reuters) - Taliban fighters attacked a police post in Helmand province."
    assert _event(nlp, text, "Attack")["place"] == ["Helmand Province"]
