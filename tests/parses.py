"""Hand-built spaCy parses for fast unit tests: exact tokens, heads, labels and entities, no statistical model.

>>> import spacy
>>> doc = hand_parse(spacy.blank("en").vocab, [("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"),
...     ("attacked", 1, "ROOT", "VERB", "VBD", "attack"), ("Goma", 1, "dobj", "PROPN", "NNP", "Goma")],
...     ents=[(2, 3, "GPE")])
>>> doc.text, [(e.text, e.label_) for e in doc.ents], doc[0].head.text
('Rebels attacked Goma', [('Goma', 'GPE')], 'attacked')
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.records import Incident

# (word, head index, dep, pos, tag, lemma)
Row = tuple[str, int, str, str, str, str]
NO_SPACE_BEFORE = {".", ",", ":", "'s", "-", ";"}


def hand_parse(vocab: Vocab, rows: Sequence[Row], ents: Sequence[tuple[int, int, str]] = ()) -> Doc:
    """A Doc with the given parse; ``ents`` are (start token, end token, label)."""
    words = [r[0] for r in rows]
    spaces = [
        i + 1 < len(rows) and rows[i + 1][0] not in NO_SPACE_BEFORE and rows[i][0] != "-"
        for i in range(len(rows))
    ]
    iob = ["O"] * len(rows)
    for start, end, label in ents:
        iob[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
    return Doc(
        vocab, words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
        pos=[r[3] for r in rows], tags=[r[4] for r in rows], lemmas=[r[5] for r in rows], ents=iob,
    )  # fmt: skip


def run_components(nlp: Language, doc: Doc, *, date: str | None = None) -> Doc:
    """Run the pipeline's components (not its tokenizer) over a hand-built Doc."""
    doc._.kg_date = date
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def agents_of(nlp: Language, text: str, kind: str) -> list[str]:
    """Labels of the agents of the first event of type ``kind`` that the real pipeline finds in ``text``."""
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event, *_) = [e for e in record.events if e.type == kind]
    return [labels[k] for k in event.roles.get("agent", ()) if k in labels]


def incidents_of(nlp: Language, text: str, date: str) -> list[Incident]:
    """The incidents the real pipeline codes in ``text``, a report dated ``date``."""
    from kg.extract.pipeline import InputDocument, extract

    return list(next(iter(extract(nlp, [InputDocument("t", text, date)]))).incidents)


def one_incident(nlp: Language, text: str, date: str) -> Incident:
    """The one incident the real pipeline codes in ``text`` (the test fails, listing them, if it codes more)."""
    found = incidents_of(nlp, text, date)
    assert len(found) == 1, [(i.event_type, i.evidence[0].text) for i in found]
    return found[0]
