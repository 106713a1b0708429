"""The unnamed doer of an act, and its unnamed victim: the subject (or object) of an event verb that no lexicon
knows as an actor.

"Neighbours protested", "the division marched", "70,000 of its members demonstrated": the parse says who acted,
but no name, gazetteer entry or group noun of the lexicon does. Such a subject is kept as a document-local actor
with a low confidence, so an analyst can filter it out (``kg:confidence``), rather than losing who acted.
Only a subject that looks like people is a doer: a name, a noun for a body of people ("the crowd", "a hit team"),
or a noun with a doer's ending ("dockers", "participants"); never weapons and vehicles ("a roadside bomb killed"),
events ("the blast destroyed", "fighting erupted"), forces of nature ("floods killed"), texts ("the report
accused"), places and times, pronouns, or a bare count ("many were wounded"). The same test finds whom an act is
done to when its object names no known actor ("killed five shoppers", "shot a police guard"): people, not a
building, a weapon or a count ("wounded 30 others").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.collectives import left_edge, register
from kg.extract.events.arguments import of_what
from kg.extract.lexicon import Lexicon, word_set
from kg.extract.nationals import national_group
from kg.extract.state import Found, FoundEvent, slug

# 'movement', 'front' alone may be motion or a front line: an organisation only with a modifier ('the rebel movement')
NOT_DOERS = (
    word_set("actors", "not_doers")
    | word_set("events", "weapons")
    | word_set("events", "aircraft")
    | word_set("actors", "ambiguous_organisation_nouns")
)
DOER_NOUNS = word_set("actors", "doer_nouns")
PERSON_NOUNS = word_set("actors", "person_nouns")
DOER_SUFFIXES = tuple(word_set("actors", "doer_suffixes"))
TEXTS = word_set("events", "content_nouns") | word_set("events", "documents")
INTRANSITIVE_ACTS = word_set("events", "intransitive_acts")
COUNT_WORDS = {"another", "all", "both", "each", "few", "many", "most", "none", "one", "other", "others", "several",
               "some", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "half"}  # fmt: skip
CONFIDENCE = 0.4
# the model's labels of what never acts or suffers as people do: times, places, sums, named events ("on New Year's
# Eve"), laws, works and products
NOT_ACTOR_LABELS = {"DATE", "TIME", "GPE", "LOC", "FAC", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "EVENT",
                    "LAW", "WORK_OF_ART", "PRODUCT", "LANGUAGE"}  # fmt: skip


def unnamed_doer(token: Token, index: dict[int, Found], doc: Doc, lexicon: Lexicon) -> Found | None:
    """The low-confidence actor an agent's head noun stands for when nothing else resolves it, or None.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Neighbours protested on Monday.")
    >>> [(e.type, e.roles.get("agent")) for e in doc._.kg_events]
    [('Protest', ['neighbours'])]
    """
    head = _counted(token)
    if head is None or head.i in index or not _can_act(head, lexicon):
        return None
    left = left_edge(head)
    words = doc[left : head.i + 1]
    if any(t.i in index for t in words):  # a known name inside: not ours to guess
        return None
    # a name the model tagged as one, or a capitalised word inside the sentence; not 'Neighbours' opening it
    proper = head.pos_ == "PROPN" and (head.ent_type_ != "" or not head.is_sent_start)
    label = " ".join(t.text if proper else t.lower_ for t in words if t.pos_ not in {"DET", "PRON"})
    kind = "Organization" if proper else "Group"
    found = Found(words, slug(label), label, kind, confidence=CONFIDENCE, local=True)
    return register(found, index, doc)


def _counted(token: Token) -> Token | None:
    """The noun a count stands for ('three of its bombers': bombers); the token itself if it is a noun."""
    if token.like_num or token.lower_ in COUNT_WORDS:
        nouns = of_what([token], COUNT_WORDS, numbers=True)
        return nouns[0] if nouns and nouns[0].pos_ in {"NOUN", "PROPN"} else None
    return token if token.pos_ in {"NOUN", "PROPN"} else None


def _can_act(noun: Token, lexicon: Lexicon) -> bool:
    """Whether the noun names people who can act: a name, a noun for a body of people ('crowd', 'hit team',
    'husband'), or a noun with a doer's ending ('dockers', 'biologists', 'participants'); never a weapon, vehicle,
    event, text, place, time or one of the ``not_doers`` ('number', 'border', 'incident')."""
    lemma = noun.lemma_.lower()
    if lemma in {"bomber", "attacker"} and any(c.lower_ == "suicide" for c in noun.children):
        return True  # "suicide bombers" are people, not aircraft
    if (
        lemma in NOT_DOERS
        or lemma in TEXTS
        or noun.ent_type_ in NOT_ACTOR_LABELS
        or any(c.dep_ == "compound" and c.lemma_.lower() in NOT_DOERS for c in noun.children)
    ):
        return False
    # a name; a capitalised word opening the sentence that no model tagged may be a common noun
    if noun.pos_ == "PROPN" and (noun.ent_type_ or not noun.is_sent_start):
        return True
    if lexicon.type_of_lemma(noun.lemma_, "NOUN") or lemma in lexicon.response:
        return False  # an event noun: "the attack killed", "fighting erupted"
    if lemma == "force":  # 'an international force', not 'used force'
        return any(c.dep_ in {"amod", "compound"} for c in noun.children)
    word = noun.lower_
    # 'Mobs' opening a sentence is tagged a name, lemma and all
    single = word[:-1] if word.endswith("s") else word
    people = (DOER_NOUNS, PERSON_NOUNS, lexicon.singular_people, lexicon.groups)
    if any(w in words for w in (lemma, word, single) for words in people):
        return True
    return word.endswith(DOER_SUFFIXES) and not single.endswith("ment") and len(word) > 5


def unnamed_doers(
    event: FoundEvent, heads: list[Token], index: dict[int, Found], doc: Doc, lexicon: Lexicon
) -> None:
    """Give an event with no agent the unnamed doers its parse names (:func:`unnamed_doer`), trusted less."""
    for head in heads:
        if (found := unnamed_doer(head, index, doc, lexicon)) is not None:
            event.roles.setdefault("agent", []).append(found.key)
    if event.roles.get("agent"):
        event.confidence = min(event.confidence, 0.5)


def unnamed_targets(
    event: FoundEvent, heads: list[Token], index: dict[int, Found], doc: Doc, lexicon: Lexicon
) -> None:
    """Give an event with no target the unnamed people its object names (:func:`unnamed_doer`'s test): the actor
    is trusted less, the event is not (its trigger and doer are no less sure for an unnamed victim).

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Gunmen killed five shoppers on Monday.")
    >>> [(e.type, e.roles.get("target")) for e in doc._.kg_events]
    [('Killing', ['shoppers'])]
    """
    if event.trigger.root.lemma_.lower() in INTRANSITIVE_ACTS:
        return  # done to no one: an 'object' is a misparse ("behind them marched three regiments")
    agents = set(event.roles.get("agent", ()))
    for head in heads:
        noun = _counted(head)
        known = index.get(noun.i) if noun is not None else None
        # "a man was shot and wounded": the victim another act of the sentence already named
        found = known if known is not None and known.local and known.is_actor else None
        found = found or unnamed_doer(head, index, doc, lexicon)
        if found is None and noun is not None and _can_act(noun, lexicon):
            # "killed a Somali elder": people a nationality qualifies, of that people (not Somalia killed)
            found = national_group(noun, index, doc, lexicon, singular=True)
        if found is not None and found.key not in agents:
            event.roles.setdefault("target", []).append(found.key)
