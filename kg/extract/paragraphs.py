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

from itertools import pairwise
from typing import cast

import numpy
from spacy.attrs import SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc, Token
from thinc.types import Ints2d

from kg.extract.datelines import dateline_end


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the first token after a newline or a dateline as a sentence start, and a token right after a word or
    a comma of the same line as none (the parser keeps preset starts and non-starts)."""
    # The flags are set in one array: Token.is_sent_start's setter checks every token of the Doc for a parse on
    # each call (Doc.has_annotation), quadratic in the length of the Doc.
    tokens = list(doc)  # one Token per word: doc[i] makes a new one on every call
    before = doc.to_array(SENT_START).astype("int64").tolist()  # 1 a start, -1 none, 0 unknown
    flags = list(before)
    starts = [0] if tokens else []
    for token, after in pairwise(tokens):
        if token.text_with_ws.endswith("\n") and not after.is_space:
            flags[after.i] = 1
            starts.append(after.i)
    _set_starts(doc, before, flags)  # a dateline is found at a paragraph's start (datelines reads the flags)
    for start in starts:
        end = dateline_end(tokens[start])
        if end is not None and end < len(tokens):
            flags[end] = 1
    for previous, token in pairwise(tokens):
        if flags[token.i] == 0 and not token.is_space and _runs_on(previous):
            flags[token.i] = -1
    _set_starts(doc, before, flags)
    return doc


def _set_starts(doc: Doc, before: list[int], flags: list[int]) -> None:
    if flags != before:
        if doc.has_annotation("DEP"):  # as the setter: a parsed Doc keeps the parser's sentences
            raise ValueError(Errors.E043)
        column = numpy.array(flags, dtype="int64").astype("uint64").reshape(-1, 1)  # -1 as spaCy stores it
        doc.from_array([SENT_START], cast(Ints2d, column))


def _runs_on(token: Token) -> bool:
    """A sentence goes on after this token: a word or a number, or a comma, with no line break after it."""
    return "\n" not in token.whitespace_ and (token.is_alpha or token.like_num or token.text == ",")
