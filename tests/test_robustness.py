"""Odd but legal input never crashes extraction, and every mention still quotes the text exactly."""

from __future__ import annotations

import pytest
from rdflib import RDF

from kg.extract.pipeline import InputDocument, extract
from kg.rdf.build import build_graph
from kg.rdf.namespace import KG

pytestmark = pytest.mark.integration

CASES = {
    "punctuation": "!!! ??? ... --- ;;; ,,, ((( )))",
    "emoji": "🔥🔥 Rebels 💣 attacked 🏙️ Goma 😡 on Monday.",
    "right-to-left": "قالت وزارة الدفاع إن 12 شخصا قتلوا في حلب. The army said 12 were killed in Aleppo.",
    "control-characters": "Rebels\x00 attacked\x0b Goma\x0c on Monday.\r\nTroops withdrew.",
    "markup": "<p>Rebels <b>attacked</b> Goma</p><script>alert(1)</script> &amp; &lt;",
    "long": "The army said rebels attacked Goma and Bukavu, killing at least 12 people. " * 200,
    "impossible-dates": "On 31/12/2025 and 2025-13-45 and Feb. 30 the UN said troops left.",
    "all-caps": "REBELS ATTACKED GOMA ON MONDAY, THE UN SAID. HAMAS DENIED IT.",
    "repeated-acronyms": "SDF SDF SDF (SDF) (SDF) Syrian Democratic Forces (SDF) SDF.",
    "blank-lines": "\n\n\n\nRebels attacked.\n\n\n\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_odd_input_builds_a_graph_whose_mentions_quote_the_text(nlp, name):
    text = CASES[name]
    records = list(extract(nlp, [InputDocument(name, text, "2026-01-01")]))
    dataset = build_graph(records)
    dataset.default_union = True
    for mention in dataset.subjects(RDF.type, KG.Mention):
        start, end = int(dataset.value(mention, KG.startChar)), int(dataset.value(mention, KG.endChar))
        assert text[start:end] == str(dataset.value(mention, KG.anchorOf))
    assert dataset.serialize(format="trig")
