"""Headlines, source lines and boilerplate are recognised on plain text."""

from __future__ import annotations

import pytest

from kg.extract.boilerplate import find_regions, in_dateline, is_headline, source_names


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Help us improve.", "boilerplate"),
        ("Reporting by Camila Restrepo; Editing by Daniel Ortiz", "boilerplate"),
        ("(c) Meridian Wire 2026. All rights reserved.", "boilerplate"),
        ("Sign up for our newsletter.", "boilerplate"),
        ("Sources: CENTCOM, International Crisis Group, The Associated Press.", "sources"),
        ("Emergency Transfers To Iraq", "headline"),
    ],
)
def test_line_kinds(line, kind):
    text = f"Rebels attacked the town on Monday, officials said.\n{line}\n"
    assert [k for _, _, k in find_regions(text)] == [kind]


@pytest.mark.parametrize("line", ["Rebels attacked the town on Monday.", "The army said it had retaken Goma"])
def test_body_sentences_are_not_headlines(line):
    assert not is_headline(line)


def test_each_cited_source_has_exact_offsets():
    text = "Sources: CENTCOM, International Crisis Group, and The Associated Press."
    names = [text[s:e] for s, e in source_names(text, 0, len(text))]
    assert names == ["CENTCOM", "International Crisis Group", "The Associated Press"]


@pytest.mark.parametrize(
    "line",
    [
        "Sources said the militia had pulled back from the ridge overnight.",
        "Source close to the talks say both sides want a deal.",
        "Sources in the ministry confirmed the raid.",
    ],
)
def test_a_sentence_beginning_with_sources_is_reporting_not_a_credit_line(line):
    assert find_regions(f"Rebels attacked the town on Monday, officials said.\n{line}\n") == []


@pytest.mark.parametrize(
    "line", ["Source: Reuters", "SOURCES:CENTCOM, AP.", "With reporting from Lagos bureau staff."]
)
def test_credit_lines_with_or_without_a_colon_are_sources(line):
    assert [k for _, _, k in find_regions(f"Rebels attacked the town.\n{line}\n")] == ["sources"]


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
