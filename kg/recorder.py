"""spaCy component ``kg_records``: the last step of the pipeline stores the document's JSON-able record.

``doc._.kg_record`` is plain data, so processed Docs serialise (``DocBin``) and cross process boundaries
(``nlp.pipe(n_process=2)``); :func:`kg.records.record_from_json` turns it back into a
:class:`kg.records.DocumentRecord`.
"""

from spacy.language import Language
from spacy.tokens import Doc

from kg.pipeline import records_from_doc
from kg.records import to_json

if not Doc.has_extension("kg_record"):
    Doc.set_extension("kg_record", default=None)


@Language.component("kg_records", requires=["doc._.kg_claims"], assigns=["doc._.kg_record"])
def store_record(doc: Doc) -> Doc:
    """Store the plain record of the processed document on ``doc._.kg_record``."""
    doc._.kg_record = to_json(records_from_doc(doc))
    return doc
