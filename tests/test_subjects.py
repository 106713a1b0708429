"""The subject a clause has when the small model misparses it (kg.extract.subjects)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.subjects import (
    elided_passive,
    fronted_subject,
    gerund_governor,
    misparsed_verb,
    object_conjunct,
    root_predicate,
    shared_subject,
    subject_word,
    with_hung_subjects,
)


def test_a_participle_parsed_as_the_subject_gives_way_to_its_own_subject() -> None:
    # "Monitors working in Gao reported": the model's subject is 'working', whose subject is 'Monitors'
    words = ["Monitors", "working", "in", "Gao", "reported"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 4, 1, 2, 4],
              deps=["nsubj", "nsubj", "prep", "pobj", "ROOT"], pos=["NOUN", "VERB", "ADP", "PROPN", "VERB"],
              tags=["NNS", "VBG", "IN", "NNP", "VBD"])  # fmt: skip
    assert subject_word(doc[1]).text == "Monitors"


def test_a_gerund_subject_with_no_subject_of_its_own_stays() -> None:
    words = ["Fighting", "resumed"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1], deps=["nsubj", "ROOT"],
              pos=["VERB", "VERB"], tags=["VBG", "VBD"])  # fmt: skip
    assert subject_word(doc[0]).text == "Fighting"


@pytest.mark.integration
def test_an_organisation_with_a_participle_clause_is_the_speaker_and_the_agent(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(
        nlp("The World Food Programme operating in Chad said donors must send more food.")
    )
    labels = {e.key: e.label for e in record.entities}
    (claim,) = record.claims
    assert labels[claim.speaker] == "World Food Programme"


def test_a_subject_coordinated_into_an_opening_phrase_is_found() -> None:
    # "With the pact, the army and the rebels have agreed": the model makes 'army' a conjunct of 'pact'
    words = ["With", "the", "pact", ",", "the", "army", "and", "rebels", "have", "agreed"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[9, 2, 0, 2, 5, 2, 5, 5, 9, 9],
              deps=["prep", "det", "pobj", "punct", "det", "conj", "cc", "conj", "aux", "ROOT"],
              pos=["ADP", "DET", "NOUN", "PUNCT", "DET", "NOUN", "CCONJ", "NOUN", "AUX", "VERB"],
              tags=["IN", "DT", "NN", ",", "DT", "NN", "CC", "NNS", "VBP", "VBN"])  # fmt: skip
    assert fronted_subject(doc[9]).text == "army"


def test_a_verb_with_a_subject_or_no_opening_phrase_has_no_fronted_one() -> None:
    words = ["The", "army", "agreed"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2], deps=["det", "nsubj", "ROOT"],
              pos=["DET", "NOUN", "VERB"], tags=["DT", "NN", "VBD"])  # fmt: skip
    assert fronted_subject(doc[2]) is None


def test_a_coordinated_verb_shares_the_subject_before_it() -> None:
    words = ["Rebels", "refused", "and", "said", "no"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 1, 3], deps=["nsubj", "ROOT", "cc", "conj", "dobj"],
              pos=["NOUN", "VERB", "CCONJ", "VERB", "INTJ"], tags=["NNS", "VBD", "CC", "VBD", "UH"])  # fmt: skip
    assert shared_subject(doc[3]).text == "Rebels"
    assert shared_subject(doc[1]) is None


def test_names_coordinated_into_an_opening_phrase_are_the_subject() -> None:
    # "After talks in Oslo, Chad and Niger agreed": the model makes 'talks' the subject, the names conjuncts of 'Oslo'
    words = ["After", "talks", "in", "Oslo", ",", "Chad", "and", "Niger", "agreed"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[8, 8, 1, 2, 3, 3, 5, 5, 8],
              deps=["prep", "nsubj", "prep", "pobj", "punct", "conj", "cc", "conj", "ROOT"],
              pos=["ADP", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB"],
              tags=["IN", "NNS", "IN", "NNP", ",", "NNP", "CC", "NNP", "VBD"])  # fmt: skip
    assert subject_word(doc[1]).text == "Chad"


def test_a_subject_with_a_comma_in_a_sentence_that_opens_with_it_stays() -> None:
    # "Talks in Oslo, Chad and Niger stalled" opens with no preposition: the model's subject is kept
    words = ["Talks", "in", "Oslo", ",", "Chad", "and", "Niger", "stalled"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[7, 0, 1, 2, 2, 4, 4, 7],
              deps=["nsubj", "prep", "pobj", "punct", "conj", "cc", "conj", "ROOT"],
              pos=["NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB"],
              tags=["NNS", "IN", "NNP", ",", "NNP", "CC", "NNP", "VBD"])  # fmt: skip
    assert subject_word(doc[0]).text == "Talks"


def _parse(words, heads, deps, tags, pos) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_a_subject_hung_on_the_auxiliary_is_the_verbs() -> None:
    doc = _parse(["troops", "were", "patrolling", "sites"], [1, 2, 2, 2], ["nsubj", "aux", "ROOT", "dobj"],
                 ["NNS", "VBD", "VBG", "NNS"], ["NOUN", "AUX", "VERB", "NOUN"])  # fmt: skip
    assert [t.text for t in with_hung_subjects(doc[2])] == ["were", "sites", "troops"]


@pytest.mark.parametrize(
    ("prep", "governed"), [("after", True), ("by", True), ("before", True), ("despite", False)]
)
def test_a_gerund_after_a_clause_preposition_belongs_to_that_clause(prep, governed) -> None:
    doc = _parse(["gunmen", "fled", prep, "shooting", "guards"], [1, 1, 1, 2, 3],
                 ["nsubj", "ROOT", "prep", "pcomp", "dobj"], ["NNS", "VBD", "IN", "VBG", "NNS"],
                 ["NOUN", "VERB", "ADP", "VERB", "NOUN"])  # fmt: skip
    assert (gerund_governor(doc[3]) == doc[1]) is governed


@pytest.mark.parametrize(
    ("verb", "is_predicate"), [("protested", True), ("marched", True), ("killed", False)]
)
def test_a_participle_of_an_act_done_to_no_one_on_the_root_noun_is_its_verb(verb, is_predicate) -> None:
    # "About 1,000 students ... protested outside X" comes out as one noun phrase; "soldiers killed in X" is passive
    doc = _parse(["1,000", "students", verb, "outside", "offices"], [1, 1, 1, 2, 3],
                 ["nummod", "ROOT", "acl", "prep", "pobj"], ["CD", "NNS", "VBN", "IN", "NNS"],
                 ["NUM", "NOUN", "VERB", "ADP", "NOUN"])  # fmt: skip
    doc[2].lemma_ = {"protested": "protest", "marched": "march", "killed": "kill"}[verb]
    assert (root_predicate(doc[2]) == doc[1]) is is_predicate


@pytest.mark.parametrize(("aux", "elided"), [(None, True), ("were", False)])
def test_a_participle_coordinated_with_a_passive_shares_its_auxiliary(aux, elided) -> None:
    # "Two men were killed and five civilians [were] wounded": the civilians were wounded
    words = ["men", "were", "killed", "and", "civilians", *([aux] if aux else []), "wounded"]
    n = len(words)
    heads = [2, 2, 2, 2, n - 1, *([n - 1] if aux else []), 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "cc", "nsubj", *(["auxpass"] if aux else []), "conj"]
    tags = ["NNS", "VBD", "VBN", "CC", "NNS", *(["VBD"] if aux else []), "VBN"]
    pos = ["NOUN", "AUX", "VERB", "CCONJ", "NOUN", *(["AUX"] if aux else []), "VERB"]
    assert elided_passive(_parse(words, heads, deps, tags, pos)[n - 1]) is elided


@pytest.mark.parametrize(("head", "is_predicate"), [("said", True), ("fled", False)])
def test_a_participle_with_an_object_under_a_reports_subject_is_its_verb(head, is_predicate) -> None:
    # "gunmen killed two guards, police said": a passive participle takes no object, so 'killed' is the verb
    doc = _parse(["gunmen", "killed", "guards", ",", "police", head], [5, 0, 1, 5, 5, 5],
                 ["nsubj", "acl", "dobj", "punct", "nsubj", "ROOT"], ["NNS", "VBN", "NNS", ",", "NNS", "VBD"],
                 ["NOUN", "VERB", "NOUN", "PUNCT", "NOUN", "VERB"])  # fmt: skip
    doc[1].lemma_, doc[5].lemma_ = "kill", {"said": "say", "fled": "flee"}[head]
    assert (root_predicate(doc[1]) == doc[0]) is is_predicate


@pytest.mark.parametrize(("report", "is_predicate"), [("said", True), ("hoped", False)])
def test_a_participle_with_an_object_under_the_subject_of_a_told_clause_is_its_verb(
    report, is_predicate
) -> None:
    # "gunmen killed guards who were unarmed, police said": the gunmen are the subject of 'were', which 'said' tells
    doc = _parse(["gunmen", "killed", "guards", "were", "unarmed", ",", "police", report],
                 [3, 0, 1, 7, 3, 7, 7, 7], ["nsubj", "acl", "dobj", "ccomp", "acomp", "punct", "nsubj", "ROOT"],
                 ["NNS", "VBN", "NNS", "VBD", "JJ", ",", "NNS", "VBD"],
                 ["NOUN", "VERB", "NOUN", "AUX", "ADJ", "PUNCT", "NOUN", "VERB"])  # fmt: skip
    doc[1].lemma_, doc[3].lemma_, doc[7].lemma_ = "kill", "be", {"said": "say", "hoped": "hope"}[report]
    assert (root_predicate(doc[1]) == doc[0]) is is_predicate


@pytest.mark.parametrize(("head_pos", "conjunct"), [("NOUN", True), ("VERB", False)])
def test_a_verb_hung_on_an_object_is_coordinated_with_that_objects_verb(head_pos, conjunct) -> None:
    # "nurses faced batons and marched on": the model coordinates 'marched' with 'batons'
    doc = _parse(["nurses", "faced", "batons", "and", "marched"], [1, 1, 1, 2, 2],
                 ["nsubj", "ROOT", "dobj", "cc", "conj"], ["NNS", "VBD", "NNS", "CC", "VBD"],
                 ["NOUN", "VERB", head_pos, "CCONJ", "VERB"])  # fmt: skip
    assert (object_conjunct(doc[4]) == doc[1]) is conjunct


@pytest.mark.parametrize(("before", "verb"), [("motorbike", "killed"), ("a", None)])
def test_a_past_tense_read_as_a_noun_before_and_a_verb_is_a_verb(before, verb) -> None:
    # "gunmen on a motorbike shot and killed X" comes out with 'motorbike shot' as a noun; "a shot and ..." is one
    doc = _parse([before, "shot", "and", "killed", "him"], [1, 1, 1, 1, 3], ["compound", "ROOT", "cc", "conj", "dobj"],
                 ["NN" if before != "a" else "DT", "NN", "CC", "VBD", "PRP"],
                 ["NOUN" if before != "a" else "DET", "NOUN", "CCONJ", "VERB", "PRON"])  # fmt: skip
    found = misparsed_verb(doc[1])
    assert (found.text if found is not None else None) == verb


@pytest.mark.parametrize(
    ("words", "heads", "deps", "tags", "passive"),
    [
        # 'Smith was re-arrested': the split word hangs the subject on the passive auxiliary
        (["Smith", "was", "re", "-", "arrested"], [1, 4, 1, 1, 4], ["nsubj", "auxpass", "acomp", "acomp", "ROOT"],
         ["NNP", "VBD", "VB", "VB", "VBN"], True),
        # 'they were re-arrested': 'be' is the root, the participle its complement
        (["They", "were", "re", "-", "arrested"], [1, 1, 1, 1, 1], ["nsubj", "ROOT", "acomp", "acomp", "acomp"],
         ["PRP", "VBD", "VB", "VB", "VBN"], True),
        # 'they have re-armed': an active perfect, no passive
        (["They", "have", "re", "-", "armed"], [4, 4, 4, 4, 4], ["nsubj", "aux", "dep", "dep", "ROOT"],
         ["PRP", "VBP", "VB", "VB", "VBN"], False),
    ],
)  # fmt: skip
def test_a_passive_subject_hung_on_its_auxiliary_stays_passive(words, heads, deps, tags, passive) -> None:
    lemmas = [w.lower() if w not in {"was", "were"} else "be" for w in words]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas)
    verb = doc[4]
    clause = doc[1] if deps[1] == "ROOT" else verb  # where the subject is found
    assert elided_passive(clause, doc[0], verb) is passive


@pytest.mark.integration
def test_a_split_passive_verb_makes_its_subject_the_target(nlp) -> None:
    doc = nlp("Later, both Smith and Jones were re-arrested and sent to prison.")
    event = next(e for e in doc._.kg_events if e.type == "Arrest")
    assert event.roles.get("target") == ["smith", "jones"] and not event.roles.get("agent")
