"""Sentences of long articles that sum up, recall history or comment open no incident (issue #12, long-form
over-generation); the happenings they sit beside still do. Sentences and articles of our own, real model."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import InputDocument, extract
from kg.extract.summaries import summary
from kg.records import Incident


def _incidents(nlp, text: str, date: str = "2024-05-16") -> list[Incident]:
    return list(next(iter(extract(nlp, [InputDocument("t", text, date)]))).incidents)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Attacks on police stations have increased this year.", True),
        ("Drone strikes have become the army's main weapon against the rebels.", True),
        ("More than 90 soldiers have been killed so far this year.", True),
        ("Over 2,000 civilians have been killed since the coup.", True),
        ("Every truce has been used by the militias to rearm.", True),
        ("Gunmen have killed three soldiers in Tillaberi.", False),
        ("Rebels attacked the town on Monday, killing four people.", False),
        ("Militants had attacked the base twice this year.", False),  # past perfect: not a running total
    ],
)
def test_trends_running_totals_and_kinds_are_summaries(nlp, text, expected):
    assert summary(next(nlp(text).sents), frozenset(), None, None) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Attacks on police stations have increased this year, officials say.",
        "More than 90 soldiers have been killed so far this year, the ministry says.",
        "Over 2,000 civilians have been killed by the security forces since the coup, a rights group said.",
        "Rebels seized the town of Kadugli in March 2021.",
        "The rebels stormed the district capital in 2019, killing dozens of soldiers.",
        "Thousands of inmates escaped from the prison in Goma when the rebels entered the city last year.",
        "The government has held talks with the rebels in Doha for more than three years.",
    ],
)
def test_history_and_running_totals_open_no_incident(nlp, text):
    # after the report's own news: its first incident is what it is about, however late it is filed
    lede = "Gunmen killed two soldiers near Tillaberi on Tuesday.\n\n"
    assert [i.evidence[0].text for i in _incidents(nlp, lede + text)] == [lede.strip()]


def test_the_first_incident_of_a_report_filed_late_is_kept(nlp):
    found = _incidents(nlp, "On 2 March 2021, rebels clashed with soldiers near Kadugli.", "2021-09-30")
    assert [i.sub_event_type for i in found] == ["Armed clash"], found


def test_a_count_since_a_recent_day_is_still_an_incident(nlp):
    found = _incidents(nlp, "At least 20 people have been killed since Sunday in clashes near Kadugli town.")
    assert [i.event_type for i in found] == ["Battles"], found


def test_a_paragraph_that_recalls_history_opens_no_incident_after_todays_news(nlp):
    text = (
        "Gunmen attacked a police post in Dori town on Tuesday, killing two officers, police said.\n\n"
        "The army and the rebels agreed a truce in May 2022. Rebels then shelled the army's positions, "
        "officials said.\n\n"
        "On Wednesday, protesters marched in Dori to demand more security."
    )
    found = [(i.event_type, i.date.value) for i in _incidents(nlp, text)]
    assert found == [("Battles", "2024-05-14"), ("Protests", "2024-05-15")], found


@pytest.mark.parametrize(
    "comment",
    [
        "Analysts say the militants are now fighting mainly for control of smuggling routes.",
        "That war killed more than 300,000 people, according to a commission.",
    ],
)
def test_an_undated_placeless_comment_after_the_news_opens_no_incident(nlp, comment):
    text = f"Gunmen attacked a police post in Dori town on Tuesday, killing two officers.\n\n{comment}"
    assert [(i.event_type, i.fatalities) for i in _incidents(nlp, text)] == [("Battles", 2)]


def test_a_day_owned_event_noun_after_the_news_tells_no_new_happening(nlp):
    text = (
        "Gunmen attacked a police post in Dori town on Tuesday, killing two officers.\n\n"
        "Residents of Dori said many families had left the town after Tuesday's attack."
    )
    assert len(_incidents(nlp, text)) == 1
