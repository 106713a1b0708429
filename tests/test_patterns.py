"""CAMEO verb patterns (kg.extract.events.patterns): a verb no lexicon types is an event only with a coded object."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.events.patterns import pattern_type


def _verb_object(verb: str, lemma: str, *objects: tuple[str, str, str]) -> Doc:
    """'<Subject> <verb> <modifiers...> <object>': ``objects`` are (word, lemma, dep), the object last."""
    words = ["Chile", verb, *(w for w, _, _ in objects)]
    last = len(words) - 1
    heads = [1, 1, *([last] * (len(objects) - 1)), 1]
    deps = ["nsubj", "ROOT", *(d for _, _, d in objects)]
    pos = ["PROPN", "VERB", *(["ADJ"] * (len(objects) - 1)), "NOUN"]
    return Doc(spacy.blank("en").vocab, words=words, lemmas=["Chile", lemma, *(m for _, m, _ in objects)],
               heads=heads, deps=deps, pos=pos)  # fmt: skip


def test_a_verb_with_a_coded_object_phrase_has_its_type() -> None:
    doc = _verb_object(
        "established", "establish", ("diplomatic", "diplomatic", "amod"), ("ties", "tie", "dobj")
    )
    assert pattern_type(doc[1], lambda token: False) == "Support"


def test_a_phrase_pattern_needs_its_modifiers() -> None:
    # 'established outposts' alone is no pattern; 'military outposts' is (troop build-up)
    assert (
        pattern_type(
            _verb_object("established", "establish", ("outposts", "outpost", "dobj"))[1], lambda t: False
        )
        is None
    )


def test_an_object_that_is_an_event_of_its_own_carries_it() -> None:
    doc = _verb_object("launched", "launch", ("offensive", "offensive", "dobj"))
    assert pattern_type(doc[1], lambda token: True) is None


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "agent"),
    [
        ("Egyptian officials shared evidence with Israel about the smuggling ring.", "Cooperation", "Egyptian officials"),
        # a verb that needs an actor object is an event with an object a pattern codes
        ("Germany is providing aerial photographs to Ukraine.", "Aid", "Germany"),
    ],
)  # fmt: skip
def test_pattern_events_take_their_agents(nlp, text: str, kind: str, agent: str) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    agents = [labels[k] for e in record.events if e.type == kind for k in e.roles.get("agent", ())]
    assert agent in agents


@pytest.mark.integration
def test_a_pattern_is_more_specific_than_a_cameo_list_verbs_own_type(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    # 'issue' is aid in the CAMEO list; an apology is verbal support and a statement is no event at all
    assert [e.type for e in records_from_doc(nlp("Peru issued an apology to Chile.")).events] == ["Support"]
    assert records_from_doc(nlp("Peru issued a statement on Monday.")).events == ()


def test_every_pattern_type_is_a_concept_of_the_ontology_or_none() -> None:
    import json

    from kg.extract.events.patterns import NO_EVENT, PATTERNS_PATH
    from kg.rdf.ontology import event_type_mappings

    table = json.loads(PATTERNS_PATH.read_text(encoding="utf-8"))["patterns"]
    kinds = {kind for patterns in table.values() for kind in patterns.values()}
    assert kinds - {NO_EVENT} <= set(event_type_mappings())
