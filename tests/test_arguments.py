"""What a trigger acts on (kg.extract.events.arguments): objects shared by coordinated verbs done to people."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.events.arguments import shared_objects

VOCAB = spacy.blank("en").vocab


def _coordinated(first: str, second: str, *, passive: bool = False, own_subject: bool = False) -> Doc:
    """'Gunmen FIRST and SECOND farmers', with the second verb's object, or a passive, or a second subject."""
    if passive:
        words = ["Farmers", "were", first, "and", second]
        return Doc(VOCAB, words=words, heads=[2, 2, 2, 2, 2], deps=["nsubjpass", "auxpass", "ROOT", "cc", "conj"],
                   pos=["NOUN", "AUX", "VERB", "CCONJ", "VERB"], lemmas=["farmer", "be", first, "and", second])  # fmt: skip
    words = ["Gunmen", first, "and", "troops" if own_subject else "they", second, "farmers"]
    deps = ["nsubj", "ROOT", "cc", "nsubj" if own_subject else "dep", "conj", "dobj"]
    return Doc(VOCAB, words=words, heads=[1, 1, 1, 4, 1, 4], deps=deps,
               pos=["NOUN", "VERB", "CCONJ", "NOUN", "VERB", "NOUN"],
               lemmas=["gunman", first, "and", words[3], second, "farmer"])  # fmt: skip


@pytest.mark.parametrize(("first", "second"), [("shoot", "kill"), ("kill", "wound"), ("stab", "injure")])
def test_a_verb_done_to_people_shares_its_partners_object(first: str, second: str) -> None:
    assert [t.text for t in shared_objects(_coordinated(first, second)[1])] == ["farmers"]


@pytest.mark.parametrize(
    ("first", "second", "options"),
    [
        ("march", "burn", {}),  # 'marched and burned cars': nobody was marched
        ("shoot", "burn", {}),  # the partner is no act done to people
        ("shoot", "kill", {"own_subject": True}),  # 'shot and troops killed farmers'
    ],
)
def test_other_verbs_share_no_object(first: str, second: str, options: dict) -> None:
    assert shared_objects(_coordinated(first, second, **options)[1]) == []


def test_a_passive_keeps_its_own_subject() -> None:
    assert shared_objects(_coordinated("shoot", "wound", passive=True)[2]) == []


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Two gunmen shot and killed the mayor of Tamsk on Sunday.", "shot", "mayor"),
        ("The raiders were killing and wounding villagers all night.", "killing", "villagers"),
    ],
)
def test_both_acts_are_done_to_the_shared_object(nlp, text: str, trigger: str, target: str) -> None:
    doc = nlp(text)
    event = next(e for e in doc._.kg_events if e.trigger.root.text == trigger)
    labels = {m.key: m.label.lower() for m in doc._.kg_mentions}
    assert any(target in labels.get(k, k) for k in event.roles.get("target", []))
