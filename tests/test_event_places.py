"""The event_location scorer: which newskg event sits on a marked verb, and where "newskg events" loses."""

from __future__ import annotations

import pytest

from kg.evaluation.event_places import Losses, event_on
from kg.records import DocumentRecord, Event, Mention

TEXT = "A car bomb was detonated in Kirkuk and gunmen fired."
BOMB, DETONATED, FIRED = (
    Mention("d", 6, 10, "bomb"),
    Mention("d", 15, 24, "detonated"),
    Mention("d", 46, 51, "fired"),
)
RECORD = DocumentRecord(
    "d", TEXT, events=(Event("bombing", "Bombing", BOMB, (DETONATED,)), Event("attack", "Attack", FIRED))
)


@pytest.mark.parametrize(
    ("verb", "key"),
    [
        ({"start": 46, "end": 51}, "attack"),  # the trigger itself
        ({"start": 15, "end": 24}, "bombing"),  # a verb merged into the noun's event as one of its mentions
        ({"start": 28, "end": 34}, None),  # no event there
    ],
)
def test_the_event_on_a_verb_is_found_by_trigger_then_by_mention(verb: dict, key: str | None) -> None:
    event = event_on(RECORD, verb)
    assert (event.key if event else None) == key


GOLD = [{"start": 28, "end": 34, "text": "Kirkuk"}]


@pytest.mark.parametrize(
    ("has_event", "predicted", "unrecognised", "expected"),
    [
        (False, [], True, Losses(no_event=1, unrecognised=1)),
        (True, [], False, Losses(no_place=1)),
        (True, [(0, 4, "Iraq")], False, Losses(wrong_place=1)),
        (True, [(28, 34, "Kirkuk")], False, Losses()),  # right: nothing lost
    ],
)
def test_losses_sort_each_miss_into_one_class(has_event, predicted, unrecognised, expected) -> None:
    losses = Losses()
    losses.add(has_event, predicted, GOLD, unrecognised)
    assert losses == expected
