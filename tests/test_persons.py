"""A person's mentions within one document (kg.extract.actors.persons) with the real model."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def _keys_of(nlp, text: str, mention: str) -> set[str]:
    return {f.key for f in nlp(text)._.kg_mentions if f.span.text == mention}


def _mention(nlp, text: str, mention: str):
    return next(f for f in nlp(text)._.kg_mentions if f.span.text == mention)


@pytest.mark.parametrize(
    ("text", "mention", "key"),
    [
        ("Farid Nasser Qadir opened the clinic on Monday. Nasser Qadir said it had no fuel.",
         "Nasser Qadir", "farid-nasser-qadir"),
        ("Karim al-Tamimi visited the camp on Sunday. Al-Tamimi's convoy left at noon.",
         "Al-Tamimi's", "karim-al-tamimi"),
        ("General Sami Haddad inspected the base. Gen. Haddad said the troops were ready.",
         "Gen. Haddad", "sami-haddad"),
    ],
)  # fmt: skip
def test_a_shorter_name_joins_the_one_person_it_ends(nlp, text, mention, key):
    assert _keys_of(nlp, text, mention) == {key}


def test_a_surname_shared_by_two_people_is_not_guessed(nlp):
    text = "Peter Mwangi and his cousin Daniel Mwangi were arrested in Nairobi. Mwangi denied the charges."
    found = _mention(nlp, text, "Mwangi")
    assert found.key not in {"peter-mwangi", "daniel-mwangi"}
    assert found.local and found.confidence < 0.5


def test_a_shared_surname_with_a_title_only_one_of_them_holds_is_that_person(nlp):
    text = (
        "Salar Ismail, the mayor of Kani Masi, spoke on Monday. Hozan Ismail, a beekeeper, lost his hives. "
        "Mayor Ismail said no one was hurt."
    )
    assert _keys_of(nlp, text, "Mayor Ismail") == {"salar-ismail"}


@pytest.mark.parametrize(
    ("text", "mention", "key"),
    [
        ("Defence Minister Elena Varga visited the border. The minister promised new patrols.",
         "The minister", "elena-varga"),
        ("Lucas Ferreira, the police spokesman, confirmed the arrests. The spokesman gave no names.",
         "The spokesman", "lucas-ferreira"),
        ("The country's president, Omar Saleh, left for Geneva.", "president", "omar-saleh"),
        ("Peter Mwangi, the mayor of Nakuru, said the road was closed.", "mayor", "peter-mwangi"),
    ],
)  # fmt: skip
def test_the_role_names_the_one_person_with_that_role(nlp, text, mention, key):
    assert _keys_of(nlp, text, mention) == {key}


@pytest.mark.parametrize(
    "text",
    [
        # two presidents named: "the president" is not guessed
        "President Anna Berg met President Omar Saleh in Geneva. The president said the talks went well.",
        # only a sitting president is named: "the former president" is someone else
        "President Anna Berg spoke in Geneva on Monday. The former president criticised her speech.",
    ],
)
def test_a_role_with_no_single_holder_is_not_guessed(nlp, text):
    people = {"anna-berg", "omar-saleh"}
    assert not {f.key for f in nlp(text)._.kg_mentions if f.span.text.lower().startswith("the ")} & people
