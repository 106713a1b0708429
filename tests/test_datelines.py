"""Wire datelines (kg.extract.datelines, kg.extract.paragraphs): where a story was filed is no actor of its first
sentence, but still its place when the sentence names none."""

from __future__ import annotations

import pytest
import spacy

from kg.extract.datelines import dateline_end, in_dateline, is_dateline_place


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


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("NAIROBI, June 25 (Reuters) - Police fired tear gas.", 0, 1, True),
        ("KABUL (AP) - Gunmen shot a guard.", 0, 1, True),
        ("Kabul, Jan. 3 - Gunmen shot a guard.", 0, 1, True),
        ("Gunmen shot a guard in KABUL, police said.", 5, 6, False),  # not at the start of its sentence
        ("Kabul said it would reply.", 0, 1, False),
        ("Kabul, the capital, was calm.", 0, 1, False),  # a comma, then no date nor agency
    ],
)
def test_a_dateline_place_opens_its_sentence(text, start, end, expected) -> None:
    doc = spacy.blank("en")(text)
    assert is_dateline_place(doc[start:end]) is expected


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


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("NAIROBI, May 3 - Police fired tear gas at marchers.", "NAIROBI", True),
        ("Headline here\n\nPORT-AU-PRINCE, Aug 7 (Wire) - Gangs stormed a town.", "PORT-AU-PRINCE", True),
        ("KABUL, Afghanistan, May 3 - A blast hit a mosque.", "KABUL", True),
        ("Nairobi said on Monday it would send troops.", "Nairobi", False),
        ("Troops left. NAIROBI, the capital, was calm.", "NAIROBI", False),  # not at the start of a line
    ],
)
def test_a_dateline_city_opens_its_line_in_capitals(text, name, expected):
    assert in_dateline(text, text.index(name)) is expected


def test_a_dateline_capital_is_no_government_that_acts(nlp):
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp("NAIROBI, May 3 - Gunmen killed four herders near Marsabit on Monday."))
    assert not [e for e in record.entities if e.kind == "Government"]
