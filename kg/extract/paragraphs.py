"""spaCy component ``kg_paragraphs``: every line break starts a sentence, before the parser runs, and so does the
text after a wire dateline.

News text puts headlines and section headings on their own lines without a full stop; left alone, the parser
reads "Emergency Transfers To Iraq\\nU.S. Central Command confirmed ..." as one sentence. A dateline ("KABUL
(Reuters) -", :mod:`kg.extract.datelines`) says where the story was filed; left in the sentence, the parser makes
its place the subject or a modifier of the first verb ("ADEN, Yemen (AP) - Houthi rebels fired" had Yemen fire).
Inside a line, no sentence starts right after a word or a comma: the small model cut a lede's first word off as a
sentence of its own ("Gunmen" | "on motorcycles abducted 17 people ...").

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_paragraphs")
>>> [t.text for t in nlp("Heading Here\\nBody text") if t.is_sent_start]
['Heading', 'Body']
>>> [t.text for t in nlp("KABUL (Reuters) - Taliban fighters attacked a post.") if t.is_sent_start]
['KABUL', 'Taliban']
>>> [t.is_sent_start for t in nlp("Gunmen on motorbikes came.")][:3]
[True, False, False]
"""

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.extract.datelines import dateline_end


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the first token after a newline or a dateline as a sentence start, and a token right after a word or
    a comma of the same line as none (the parser keeps preset starts and non-starts)."""
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
        before = doc[token.i - 1]
        if token.is_sent_start is None and not token.is_space and _runs_on(before):
            token.is_sent_start = False
    return doc


def _runs_on(token: Token) -> bool:
    """A sentence goes on after this token: a word or a number, or a comma, with no line break after it."""
    return "\n" not in token.whitespace_ and (token.is_alpha or token.like_num or token.text == ",")
