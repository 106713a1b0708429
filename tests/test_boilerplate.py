"""Headlines, source lines and boilerplate are recognised on plain text."""

from __future__ import annotations

import pytest

from kg.extract.boilerplate import find_regions, is_headline, source_names


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
