"""Working state of the newskg components, kept beside each Doc instead of inside ``Doc.user_data``.

This module owns every ``doc._.kg_*`` attribute and every ``Found*`` working type.

The components exchange rich objects (spans, gazetteer entries) through ``doc._.kg_mentions`` and friends. Kept in
``user_data`` they would make Docs unserialisable (``DocBin``, ``nlp.pipe(n_process=2)``); kept here they live
until :func:`release` (their spans keep the Doc alive until then). What leaves the pipeline is the JSON-able
``doc._.kg_record``.

>>> import spacy
>>> working_extension("kg_demo")
>>> doc = spacy.blank("en")("text")
>>> doc._.kg_demo = [object()]
>>> len(doc._.kg_demo), "kg_demo" in str(doc.user_data)
(1, False)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span, Token

from kg.records import TimeValue, is_actor, is_place

if TYPE_CHECKING:
    from kg.extract.gazetteer import GazetteerEntry

_STATE: WeakKeyDictionary[Doc, dict[str, Any]] = WeakKeyDictionary()


def working_extension(name: str) -> None:
    """Register ``doc._.<name>`` backed by the side store (idempotent)."""
    if Doc.has_extension(name):
        return

    def get(doc: Doc) -> Any:
        return _STATE.get(doc, {}).get(name)

    def set_(doc: Doc, value: Any) -> None:
        _STATE.setdefault(doc, {})[name] = value

    Doc.set_extension(name, getter=get, setter=set_)


def release(doc: Doc) -> None:
    """Drop ``doc``'s working state. The state holds spans, and spans hold their Doc, so a Doc with working
    state is never freed on its own: :func:`kg.extract.pipeline.extract` releases each Doc once its record is
    made (100,000 documents would otherwise stay in memory); callers of ``nlp.pipe`` who keep no Doc call it.

    >>> import spacy
    >>> working_extension("kg_demo")
    >>> doc = spacy.blank("en")("text")
    >>> doc._.kg_demo = [doc[0:1]]
    >>> release(doc)
    >>> doc._.kg_demo is None
    True
    """
    _STATE.pop(doc, None)


# Working objects (spans, gazetteer entries): they live beside the Doc.
WORKING = ("kg_mentions", "kg_cited", "kg_regions", "kg_relations", "kg_gazetteer", "kg_events", "kg_claims")
# Plain values: they travel with the Doc (DocBin, worker processes).
PLAIN = ("kg_doc_id", "kg_date", "kg_title", "kg_url", "kg_record")


def register_extensions() -> None:
    """Register every ``doc._.kg_*`` attribute newskg uses (idempotent)."""
    for name in WORKING:
        working_extension(name)
    for name in PLAIN:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@dataclass
class Found:
    """One resolved mention: a span of the doc and the canonical entity it refers to."""

    span: Span
    key: str
    label: str
    kind: str
    entry: GazetteerEntry | None = None
    confidence: float = 0.7
    local: bool = False
    member_of: str | None = None
    title: str = ""  # "Colonel", "Brigadier General": written before a person's name
    secondary: bool = False  # also mentioned through a more specific entity; not used as an event argument
    parents: tuple[str, ...] = ()  # keys of the places the text says this place lies in, most specific first

    @property
    def is_place(self) -> bool:
        return is_place(self.kind)

    @property
    def is_actor(self) -> bool:
        """Whether it can act (a Country is both a place and an actor)."""
        return is_actor(self.kind)


@dataclass
class FoundQuantity:
    """A count or measure found in the text, before it becomes a :class:`kg.records.Quantity`."""

    span: Span
    value: float
    unit: str | None
    qualifier: str
    status: str
    measures: str | None = None


@dataclass
class FoundEvent:
    """One event of the document, before it becomes a :class:`kg.records.Event`."""

    type: str
    trigger: Span
    roles: dict[str, list[str]] = field(default_factory=dict)
    date: TimeValue | None = None
    certainty: str = "asserted"
    polarity: str = "positive"
    quantities: list[FoundQuantity] = field(default_factory=list)
    caused_by: list[FoundEvent] = field(default_factory=list)
    instrument: str | None = None
    mentions: list[Span] = field(default_factory=list)
    confidence: float = 0.7
    pronoun_role: str | None = None
    object_place: bool = False  # the object was a place ("blocked the bridge", "struck Kharkiv")
    anchor: Span | None = None  # the trigger with its support verb ("launched an attack"), when it has one
    objects: list[Token] = field(
        default_factory=list
    )  # a verb's object heads: unnamed victims, if nothing else


@dataclass
class FoundClaim:
    """A reporting act: speaker, channel, verb and what is reported (events and nested claims)."""

    verb: Span
    speaker: str | None = None
    channel: str | None = None
    certainty: str = "asserted"
    date: TimeValue | None = None
    region: set[int] = field(default_factory=set)
    content: list = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    event_type: str = "Statement"  # what the reporting act does: a statement, a denial, a demand


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy rebuilds it from every token on each access, so reading it per
    phrase or per acronym made long documents quadratic. The text of a Doc never changes (retokenizing keeps it).

    >>> from spacy.vocab import Vocab
    >>> doc_text(Doc(Vocab(), words=["Rebels", "left", "."], spaces=[True, False, False]))
    'Rebels left.'
    """
    memo = scratch(doc, "text")
    if "text" not in memo:
        memo["text"] = doc.text
    return memo["text"]


def sentence_start(token: Token) -> int:
    """The index of the first token of ``token``'s sentence, read from a table built once per Doc (``Token.sent``
    walks the sentence on every call). For finished parses: the table is not rebuilt if the sentences change.

    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["Rebels", "left", ".", "Troops", "came"], sent_starts=[1, 0, 0, 1, 0])
    >>> [sentence_start(t) for t in doc]
    [0, 0, 0, 3, 3]
    """
    memo = scratch(token.doc, "sentence_starts")
    if "starts" not in memo:
        starts = [0] * len(token.doc)
        for sent in token.doc.sents:
            starts[sent.start : sent.end] = [sent.start] * len(sent)
        memo["starts"] = starts
    return memo["starts"][token.i]


def is_day_number(token: Token) -> bool:
    """A day of the month the model left outside a date: untagged, a CARDINAL, or a DATE of day numbers alone
    ('the night of 27-28 October 2020' is tagged '27-28' + 'October 2020').

    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["27", "-", "28", "October"], ents=["B-DATE", "I-DATE", "I-DATE", "O"])
    >>> is_day_number(doc[2]), is_day_number(doc[3])
    (True, False)
    """
    if not (token.is_digit and 1 <= int(token.text) <= 31):
        return False
    if token.ent_type_ in {"", "CARDINAL"}:
        return True
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return ent is not None and ent.label_ == "DATE" and all(t.is_digit or t.text in {"-", "–"} for t in ent)


def day_range_start(doc: Doc, i: int) -> int:
    """The first day of a day range whose second day is token ``i`` ('the night of 2-3 August': the 2), else ``i``:
    ACLED codes a range by its first day.

    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["night", "of", "2", "-", "3", "August"])
    >>> day_range_start(doc, 4), day_range_start(doc, 2)
    (2, 2)
    """
    first = doc[i - 2] if i >= 2 else None
    if first is not None and doc[i - 1].text in {"-", "–"} and first.is_digit and 1 <= int(first.text) <= 31:
        return i - 2
    return i


def scratch(doc: Doc, name: str) -> dict[str, Any]:
    """A per-Doc dict where an extractor keeps what it worked out once (released with the working state).

    >>> import spacy
    >>> doc = spacy.blank("en")("text")
    >>> scratch(doc, "demo")["seen"] = 1
    >>> scratch(doc, "demo")
    {'seen': 1}
    """
    return _STATE.setdefault(doc, {}).setdefault(f"_{name}", {})


def token_index(doc: Doc) -> dict[int, Found]:
    """Token -> the entity it mentions (primary mentions only)."""
    return {
        t: f for f in (doc._.kg_mentions or []) if not f.secondary for t in range(f.span.start, f.span.end)
    }


def sentence_ents(sent: Span) -> list[Span]:
    """The entities inside ``sent``, read from its tokens: spaCy's ``Span.ents`` walks every entity of the
    document, so calling it per sentence or per event made long documents quadratic.

    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["Rebels", "hit", "Goma", "today"], ents=["O", "O", "B-GPE", "B-DATE"])
    >>> [(e.text, e.label_) for e in sentence_ents(doc[1:4])]
    [('Goma', 'GPE'), ('today', 'DATE')]
    """
    doc = sent.doc
    # once per sentence: the claims and the incidents ask again
    memo, key = scratch(doc, "sentence_ents"), f"{sent.start}:{sent.end}"
    if key in memo:
        return list(memo[key])
    found, i = [], sent.start
    while i < sent.end:
        if doc[i].ent_iob_ != "B":
            i += 1
            continue
        end = i + 1
        while end < sent.end and doc[end].ent_iob_ == "I":
            end += 1
        found.append(Span(doc, i, end, label=doc[i].ent_type_))
        i = end
    memo[key] = found
    return list(found)


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` (the run of the document's entities from ``span``'s start that end inside it, as spaCy gives
    it) from the Doc's entities read once: ``Span.ents`` builds every entity of the document on each call. For
    a Doc whose entities are final (after the model's NER; no kg component changes them).

    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["Rebels", "hit", "Goma", "today"], ents=["O", "O", "B-GPE", "B-DATE"])
    >>> [(e.text, e.label_) for e in span_ents(doc[1:4])], span_ents(doc[1:3]) == doc[1:3].ents
    ([('Goma', 'GPE'), ('today', 'DATE')], True)
    """
    memo = scratch(span.doc, "ents")
    if "ents" not in memo:
        memo["ents"] = ents = span.doc.ents
        memo["starts"] = [e.start for e in ents]
    found = []
    for ent in memo["ents"][bisect_left(memo["starts"], span.start) :]:
        if ent.end > span.end:
            break  # as spaCy: the first entity that runs past the span ends the run
        found.append(ent)
    return found


def slug(text: str) -> str:
    """A stable key from a name.

    >>> slug("Nanar Hawach"), slug("the Syrian army")
    ('nanar-hawach', 'syrian-army')
    """
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-") or "unnamed"


register_extensions()
