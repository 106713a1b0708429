"""spaCy component ``kg_paragraphs``: every line break starts a sentence, before the parser runs.

News text puts headlines and section headings on their own lines without a full stop; left alone, the parser
reads "Emergency Transfers To Iraq\\nU.S. Central Command confirmed ..." as one sentence.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_paragraphs")
>>> [t.text for t in nlp("Heading Here\\nBody text") if t.is_sent_start]
['Heading', 'Body']
"""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the first token after a newline as a sentence start (the parser keeps preset starts)."""
    for token in doc[:-1]:
        if token.text_with_ws.endswith("\n") and not doc[token.i + 1].is_space:
            doc[token.i + 1].is_sent_start = True
    return doc
