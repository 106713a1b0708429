"""Mention-level events take the date and place of their incident where the text gives them (recorder._in_context),
on short sentences of our own (real model)."""

from __future__ import annotations

from kg.extract.pipeline import InputDocument, extract
from kg.records import DocumentRecord


def _record(nlp, text: str, date: str = "2023-05-09") -> DocumentRecord:
    return next(iter(extract(nlp, [InputDocument("t", text, date)])))


def _places(record: DocumentRecord, trigger: str) -> list[str]:
    labels = {e.key: e.label for e in record.entities}
    (event,) = [e for e in record.events if e.trigger.text == trigger]
    return [labels.get(k, k) for k in event.roles.get("place", ())]


def test_an_event_at_a_part_of_a_town_also_takes_the_town(nlp):
    record = _record(nlp, "On 2 May 2023, protesters rallied in Freedom Square in Kirkuk, demanding jobs.")
    places = _places(record, "rallied")
    assert "Kirkuk" in places[1:]  # after the event's own, more specific place


def test_an_event_of_a_sentence_naming_no_place_takes_its_incident_place(nlp):
    text = "On 2 May 2023, protesters gathered in Kirkuk to demand jobs. Police then fired tear gas at them."
    record = _record(nlp, text)
    assert "Kirkuk" in _places(record, "fired")


def test_a_country_that_names_the_attackers_is_not_the_place(nlp):
    record = _record(nlp, "Two civilians were killed in a US airstrike on 2 May 2023.")
    labels = {e.key: e.label for e in record.entities}
    assert all(labels.get(k) != "United States" for e in record.events for k in e.roles.get("place", ()))
    assert all(i.location != "US" for i in record.incidents)


def test_an_event_takes_the_day_its_incident_carries_from_an_earlier_sentence(nlp):
    record = _record(
        nlp, "On 2 May 2023, gunmen shot dead a trader in Kira town. Gunmen then threw a grenade at his shop."
    )
    (grenade,) = [e for e in record.events if e.trigger.text == "threw"]  # a weapon object: the verb's event
    assert grenade.date is not None and grenade.date.value == "2023-05-02" and grenade.date.inferred
