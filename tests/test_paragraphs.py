"""kg_paragraphs sets the sentence starts in one array: the same starts as setting them token by token."""

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.datelines import dateline_end
from kg.extract.paragraphs import _runs_on, paragraph_boundaries

_NLP = spacy.blank("en")


def _token_by_token(doc: Doc) -> Doc:
    """The component as it was written first, one Token.is_sent_start assignment at a time."""
    starts = [0] if len(doc) else []
    for token in doc[:-1]:
        if token.text_with_ws.endswith("\n") and not doc[token.i + 1].is_space:
            doc[token.i + 1].is_sent_start = True
            starts.append(token.i + 1)
    for start in starts:
        end = dateline_end(doc[start])
        if end is not None and end < len(doc):
            doc[end].is_sent_start = True
    for token in doc[1:]:
        if token.is_sent_start is None and not token.is_space and _runs_on(doc[token.i - 1]):
            token.is_sent_start = False
    return doc


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Storm Hits Coast\nWinds tore roofs off homes, officials said.",
        "LAGOS (Wire) - Traders closed their stalls.\n\nPrices rose again.",
        "A headline\n\n\nA body, with a comma. Another sentence here!",
        "TUNIS, March 3 (Wire) - Farmers marched.\n  Indented line follows",
        "one",
    ],
)
def test_same_starts_as_token_by_token(text):
    expected = [t.is_sent_start for t in _token_by_token(_NLP.make_doc(text))]
    assert [t.is_sent_start for t in paragraph_boundaries(_NLP.make_doc(text))] == expected


@pytest.mark.parametrize("component", [_token_by_token, paragraph_boundaries])
def test_a_parsed_doc_is_refused_a_new_start(component):
    words, heads, deps = ["Riots", "\n", "ended"], [2, 2, 2], ["nsubj", "dep", "ROOT"]
    with pytest.raises(ValueError):
        component(Doc(_NLP.vocab, words=words, spaces=[False, False, False], heads=heads, deps=deps))
