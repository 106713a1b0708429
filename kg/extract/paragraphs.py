"""spaCy component ``kg_paragraphs``: every line break starts a sentence, before the parser runs, and so does the
text after a wire dateline.

News text puts headlines and section headings on their own lines without a full stop; left alone, the parser
reads "Emergency Transfers To Iraq\\nU.S. Central Command confirmed ..." as one sentence. A dateline ("KABUL
(Reuters) -", :mod:`kg.extract.datelines`) says where the story was filed; left in the sentence, the parser makes
its place the subject or a modifier of the first verb ("ADEN, Yemen (AP) - Houthi rebels fired" had Yemen fire).

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_paragraphs")
>>> [t.text for t in nlp("Heading Here\\nBody text") if t.is_sent_start]
['Heading', 'Body']
>>> [t.text for t in nlp("KABUL (Reuters) - Taliban fighters attacked a post.") if t.is_sent_start]
['KABUL', 'Taliban']
"""

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.datelines import dateline_end


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the first token after a newline or a dateline as a sentence start (the parser keeps preset starts)."""
    starts = [0] if len(doc) else []
    for token in doc[:-1]:
        if token.text_with_ws.endswith("\n") and not doc[token.i + 1].is_space:
            doc[token.i + 1].is_sent_start = True
            starts.append(token.i + 1)
    for start in starts:
        end = dateline_end(doc[start])
        if end is not None and end < len(doc):
            doc[end].is_sent_start = True
    return doc
