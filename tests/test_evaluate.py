"""PLOVER evaluation: metric functions on hand-computed examples, actor matching, gold loading, and one
integration run of the real pipeline on the 21-record sample (tests/data/plover-gsr-sample, CC BY-SA 4.0)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.evaluation.evaluate import (
    NONE,
    PRF,
    EvaluationReport,
    accuracy,
    actor_prf,
    confusion,
    evaluate,
    load_gold,
    matches,
    per_class,
)
from kg.records import Entity, Mention

SAMPLE = Path(__file__).parent / "data" / "plover-gsr-sample" / "plover_gsr_sample.jsonl"
# gold, predicted: AGREE 2/3 right, one AGREE predicted as NONE; DEMAND right once; one FIGHT predicted AGREE.
PAIRS = [("AGREE", "AGREE"), ("AGREE", "AGREE"), ("AGREE", NONE), ("DEMAND", "DEMAND"), ("FIGHT", "AGREE")]


@pytest.mark.parametrize(("pairs", "expected"), [(PAIRS, 0.6), ([], 0.0), ([("A", "A")], 1.0)])
def test_accuracy_is_the_share_of_agreeing_pairs(pairs: list, expected: float) -> None:
    assert accuracy(pairs) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("name", "precision", "recall", "support"),
    [("AGREE", 2 / 3, 2 / 3, 3), ("DEMAND", 1.0, 1.0, 1), ("FIGHT", 0.0, 0.0, 1)],
)
def test_per_class_scores_match_hand_computation(
    name: str, precision: float, recall: float, support: int
) -> None:
    score = per_class(PAIRS)[name]
    assert (score.precision, score.recall, score.support) == (pytest.approx(precision), pytest.approx(recall),
                                                              support)  # fmt: skip
    expected_f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert score.f1 == pytest.approx(expected_f1)


def test_per_class_leaves_out_none_and_confusion_counts_every_pair() -> None:
    assert NONE not in per_class(PAIRS)
    table = confusion(PAIRS)
    assert table["AGREE"] == {"AGREE": 2, NONE: 1}
    assert sum(n for row in table.values() for n in row.values()) == len(PAIRS)


@pytest.mark.parametrize(
    ("hits", "expected"),
    [
        (
            [(1, 2, 1, 1), (1, 1, 1, 2)],
            PRF(2 / 3, 2 / 3, 2 / 3, 3),
        ),  # 2 of 3 gold found, 2 of 3 predictions right
        ([(0, 1, 0, 0)], PRF(0.0, 0.0, 0.0, 1)),
        ([], PRF(0.0, 0.0, 0.0, 0)),
    ],
)
def test_actor_prf_is_micro_averaged(hits: list, expected: PRF) -> None:
    got = actor_prf(hits)
    assert (got.precision, got.recall, got.f1, got.support) == (
        pytest.approx(expected.precision),
        pytest.approx(expected.recall),
        pytest.approx(expected.f1),
        expected.support,
    )


SENTENCE = "Senior Hungarian officials met the Syrian Democratic Forces."
OFFICIALS = Entity("officials", "Hungarian officials", "Group",
                   (Mention("s", 7, 26, "Hungarian officials"),))  # fmt: skip
SDF = Entity("sdf", "Syrian Democratic Forces", "ArmedGroup",
             (Mention("s", 35, 59, "Syrian Democratic Forces"),), aliases=("SDF",))  # fmt: skip


@pytest.mark.parametrize(
    ("gold", "entity", "expected"),
    [
        ("Hungarian", OFFICIALS, True),  # overlaps the mention span
        ("senior hungarian officials", OFFICIALS, True),  # contains the label, case-insensitively
        ("SDF", SDF, True),  # an alias
        ("Syrian", SDF, True),
        ("Iraq", SDF, False),
        ("Hungarian", SDF, False),
        ("Syrian  Democratic   Forces", SDF, True),  # runs of spaces in the coded text count as one
    ],
)
def test_gold_actor_matches_by_span_overlap_or_text_containment(
    gold: str, entity: Entity, expected: bool
) -> None:
    assert matches(gold, entity, SENTENCE) is expected


def test_load_gold_reads_actor_texts_and_maps_newer_class_names(tmp_path: Path) -> None:
    actors = {"source_actors": [{"text": "Iran"}], "target_actors": [{"text": "Iraq"}, {"text": ""}]}
    line = {"id": "r1", "text": "Iran asked Iraq for help.", "gold": {"event": "REQUEST", **actors}}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line) + "\n\n", encoding="utf-8")
    (record,) = load_gold(path)
    assert (record.event, record.sources, record.targets) == ("DEMAND", ("Iran",), ("Iraq",))


@pytest.mark.integration
def test_evaluate_on_the_sample_reports_consistent_scores(nlp) -> None:
    gold = load_gold(SAMPLE)
    report = evaluate(nlp, gold)
    assert isinstance(report, EvaluationReport)
    assert report.n == len(gold) == len(report.predictions) == 21
    pairs = [(p.gold, p.predicted) for p in report.predictions]
    assert [p.gold for p in report.predictions] == [g.event for g in gold]
    assert report.accuracy == pytest.approx(sum(g == p for g, p in pairs) / 21)
    assert report.accuracy_tuning == pytest.approx(accuracy(pairs[0::2]))
    assert report.accuracy_held_out == pytest.approx(accuracy(pairs[1::2]))
    assert {g.event for g in gold} <= set(report.per_class)
    assert sum(n for row in report.confusion.values() for n in row.values()) == 21
    assert sum(p.source_hits[1] for p in report.predictions) == sum(len(g.sources) for g in gold)
    assert 0.0 <= report.source.f1 <= 1.0 and 0.0 <= report.target.f1 <= 1.0
    assert json.loads(report.to_json())["n"] == 21
    assert "event class accuracy" in report.to_text()
    # the naive baseline is measured in the same run, over the same gold actors
    assert 0.0 <= report.baseline["accuracy"] <= 1.0
    assert report.baseline["source"].support == report.source.support
    assert "baseline (keyword class" in report.to_text()
    # actor scores per split, ours and the baseline's, from the same predictions
    tuning = report.predictions[0::2]
    assert report.splits["tuning"]["source"] == actor_prf(p.source_hits for p in tuning)
    assert report.splits["held_out"]["target"].support == sum(len(g.targets) for g in gold[1::2])
    assert report.baseline_splits["held_out"]["source"].support == report.splits["held_out"]["source"].support
    assert "held-out split: source F1" in report.to_text()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran rejected the proposal.", "REJECT"),
        ("Students protested in Dhaka.", "PROTEST"),
        ("It rained.", None),
    ],
)
def test_the_plover_keyword_baseline_takes_the_first_keyword(text: str, expected: str | None) -> None:
    from kg.evaluation.baselines import keyword_plover

    assert keyword_plover(text) == expected


@pytest.mark.parametrize(
    ("roles", "expected_targets"),
    [
        # PLOVER codes actors by place: a curfew imposed in a town is directed at the town
        ({"agent": ("gov",), "place": ("town", "country")}, ["Cizre"]),
        # an event with a target of its own keeps it, and its place stays a place
        ({"agent": ("gov",), "target": ("rebels",), "place": ("town",)}, ["rebels"]),
        # a movement is directed at the country it leaves, not at the troops it moves
        ({"agent": ("gov",), "theme": ("rebels",), "origin": ("country",)}, ["Turkey"]),
        ({"agent": ("gov",), "theme": ("rebels",)}, ["rebels"]),
    ],
)
def test_a_plover_target_is_the_events_place_only_when_it_has_no_target(roles, expected_targets) -> None:
    from kg.evaluation.evaluate import sources_and_targets
    from kg.records import DocumentRecord, Event

    entities = tuple(
        Entity(key, label, kind, (Mention("d", 0, 1, label),), is_place=kind == "Town")
        for key, label, kind in [("gov", "Turkish government", "Government"), ("rebels", "rebels", "ArmedGroup"),
                                 ("town", "Cizre", "Town"), ("country", "Turkey", "Town")]
    )  # fmt: skip
    event = Event("e1", "Coercion", Mention("d", 0, 1, "imposed"), roles=roles)
    sources, targets = sources_and_targets(
        DocumentRecord("d", "x", entities=entities, events=(event,)), event
    )
    assert [e.label for e in sources] == ["Turkish government"]
    assert [e.label for e in targets] == expected_targets


@pytest.mark.integration
def test_the_main_event_is_the_one_highest_in_the_parse_not_the_earliest(nlp) -> None:
    from kg.evaluation.evaluate import main_event
    from kg.extract.pipeline import records_from_doc
    from kg.rdf.ontology import event_type_mappings

    doc = nlp("After the bombing of the market, Kenya condemned the rebels.")
    event = main_event(doc, records_from_doc(doc), event_type_mappings())
    assert event is not None and event.trigger.text == "condemned"


@pytest.mark.integration
def test_who_reports_an_event_is_not_its_plover_source(nlp) -> None:
    from kg.evaluation.evaluate import GoldRecord

    # PLOVER's source carries out the act; the army only tells of a bombing whose author is unknown
    gold = GoldRecord("r1", "A roadside bomb killed two soldiers near Kandahar, the army said.", "ASSAULT")
    (prediction,) = evaluate(nlp, [gold]).predictions
    assert prediction.sources == ()


@pytest.mark.parametrize(
    ("kind", "certainty", "expected"),
    [
        ("Agreement", "negated", "REJECT"),  # "will not accept any more refugees": a refusal (CAMEO 12)
        ("Consultation", "negated", "REJECT"),  # "refused to meet" reads the meeting as negated
        ("Agreement", "asserted", "AGREE"),
        ("Attack", "negated", "FIGHT"),  # not a refusal of cooperation
    ],
)
def test_a_negated_cooperative_act_is_a_rejection(kind: str, certainty: str, expected: str) -> None:
    from kg.evaluation.evaluate import event_class
    from kg.rdf.ontology import event_type_mappings
    from kg.records import Event

    event = Event("e1", kind, Mention("d", 0, 1, "x"), certainty=certainty)
    assert event_class(event, event_type_mappings(), "x") == expected
