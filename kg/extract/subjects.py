"""A clause's subject where the small English model misparses it, shared by the event and claim components.

>>> import spacy
>>> from spacy.tokens import Doc
>>> words = ["Aid", "group", "operating", "there", "said"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 4, 2, 4],
...           deps=["compound", "nsubj", "nsubj", "advmod", "ROOT"], pos=["NOUN", "NOUN", "VERB", "ADV", "VERB"],
...           tags=["NN", "NN", "VBG", "RB", "VBD"])
>>> subject_word(doc[2]).text
'group'
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import word_set

INTRANSITIVE_ACTS = word_set("events", "intransitive_acts")
# prepositions whose gerund shares the clause's subject: "after shooting", "by firing", "before detonating"
GERUND_PREPS = {"after", "before", "by", "for", "upon", "while", "without"}
# past tenses the small model reads as nouns before 'and <verb>' ('an unknown assailant shot and wounded')
VERB_LIKE_NOUNS = {"shot", "hit"}
# who tells the news, not who acts: their subject is a source, their date the report's
REPORTING = {"say", "report", "tell", "add", "state", "announce", "confirm"}


def subject_word(subject: Token) -> Token:
    """The head of the subject phrase: 'The Red Cross operating in Iraq said' comes out with the participle as the
    subject and the name as *its* subject; the name is what acts (a reduced relative clause, not a gerund)."""
    if subject.pos_ == "VERB" and subject.tag_ == "VBG":
        inner = [c for c in subject.children if c.dep_ == "nsubj" and c.i < subject.i]
        if inner:
            return inner[0]
    if (
        misparsed_verb(subject) is not None
    ):  # 'An unknown assailant shot and wounded X': 'assailant shot' a noun
        if subject.dep_ == "pobj" and subject.head.head.pos_ in {"NOUN", "PROPN"}:
            return subject.head.head  # 'gunmen in a car shot and wounded X'
        nouns = [c for c in subject.children if c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"}]
        if nouns:
            return nouns[-1]
    return _after_opening(subject) or subject


def misparsed_verb(noun: Token) -> Token | None:
    """The verb a past tense the model read as a noun is coordinated with ('gunmen on a motorbike shot and killed
    a policeman': 'motorbike shot' comes out as a noun phrase before 'and killed'), or None."""
    doc = noun.doc
    if noun.tag_ != "NN" or noun.lower_ not in VERB_LIKE_NOUNS or not 0 < noun.i < len(doc) - 2:
        return None
    if doc[noun.i - 1].pos_ == "DET" or doc[noun.i + 1].lower_ != "and":
        return None  # 'a shot and a scream' names a shot
    verb = doc[noun.i + 2]
    return verb if verb.pos_ == "VERB" and verb.tag_ in {"VBD", "VBN"} else None


def _after_opening(subject: Token) -> Token | None:
    """'After talks in Geneva, Iran and Iraq agreed' comes out with the opening phrase's noun as the subject and
    the names coordinated into it: in a sentence that opens with a preposition, the first conjunct after the
    subject phrase's comma is the subject."""
    sent = subject.sent
    if sent[0].pos_ not in {"ADP", "SCONJ"} or subject.i == sent.start:
        return None
    commas = [t.i for t in subject.subtree if t.text == ","]
    after = [
        t
        for t in subject.subtree
        if commas and t.dep_ == "conj" and t.pos_ in {"NOUN", "PROPN"} and t.head.i < commas[-1] < t.i
    ]
    return after[0] if after else None


def fronted_subject(verb: Token) -> Token | None:
    """The subject of a finite verb that has none in the parse because the model coordinated it with the last noun
    of an opening phrase: 'With the signing of a memorandum, the government and the rebels have agreed' comes out
    with 'government' a conjunct of 'memorandum'. The first conjunct after the phrase's comma is the subject."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"} for c in verb.children):
        return None
    finite = verb.tag_ in {"VBD", "VBZ", "VBP"} or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ != "TO" for c in verb.children
    )
    if not finite or verb.dep_ not in {"ROOT", "ccomp"}:
        return None
    for opening in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        commas = [t.i for t in opening.subtree if t.text == ","]
        if not commas:
            continue
        after = [
            t
            for t in opening.subtree
            if t.dep_ == "conj" and t.pos_ in {"NOUN", "PROPN"} and t.head.i < commas[-1] < t.i
        ]
        if after:
            return after[0]
    return None


def shared_subject(verb: Token) -> Token | None:
    """The subject a coordinated verb shares with the one before it: 'The rebels rejected the plan and said ...'."""
    if verb.dep_ != "conj" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    subject = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject_word(subject) if subject is not None else None


def with_hung_subjects(verb: Token) -> list[Token]:
    """The verb's children and the subjects the parser hung on its auxiliary ('troops were patrolling X's sites'
    can give 'troops' to 'were')."""
    hung = [g for a in verb.children if a.dep_ in {"aux", "auxpass"} for g in a.children]
    return [*verb.children, *(g for g in hung if g.dep_ in {"nsubj", "nsubjpass", "csubj", "csubjpass"})]


def gerund_governor(verb: Token) -> Token | None:
    """The verb whose clause a gerund after a preposition belongs to ('fled after shooting two guards', 'was
    arrested for murdering X'): its subject is the gerund's."""
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.dep_ != "prep":
        return None
    # a preposition of two words: 'in addition to capturing the hill', 'on top of shelling the town'
    outer = prep.head.head
    if (
        prep.lower_ in {"to", "of"}
        and prep.head.dep_ == "pobj"
        and outer.dep_ == "prep"
        and outer.lower_ in {"in", "on"}
    ):
        prep = outer
    elif prep.lower_ not in GERUND_PREPS:
        return None
    return prep.head if prep.head.pos_ in {"VERB", "AUX"} and prep.head.i != prep.i else None


def root_predicate(verb: Token) -> Token | None:
    """The subject of a past participle that is really its clause's verb, or None, where the model made the
    sentence a noun phrase: an act done to no one (``intransitive_acts`` in the events lexicon) under the root
    noun's phrase ('1,000 students from three unions protested outside X': the students protested), or a
    participle with a direct object, which no passive has, under the subject of a report or of the clause it
    tells ('armed groups slaughtered 13 villagers, police said': the groups slaughtered)."""
    if (
        verb.dep_ != "acl"
        or verb.tag_ not in {"VBN", "VBD"}
        or any(c.dep_ in {"agent", "nsubjpass", "auxpass"} for c in verb.children)
    ):
        return None
    transitive = any(c.dep_ == "dobj" for c in verb.children)
    if not transitive and verb.lemma_ not in INTRANSITIVE_ACTS:
        return None
    noun = verb.head
    while noun.dep_ in {"pobj", "prep", "conj"} and noun.head.i != noun.i:  # 'students from three unions'
        noun = noun.head
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    # the subject of a report, or of the clause a report tells ('... were rebels, police said')
    clause = noun.head
    told = clause.lemma_ in REPORTING or (clause.dep_ == "ccomp" and clause.head.lemma_ in REPORTING)
    reported = noun.dep_ == "nsubj" and told and clause.i > verb.i
    return noun if (noun.dep_ == "ROOT" and not transitive) or (transitive and reported) else None


def object_conjunct(verb: Token) -> Token | None:
    """The verb a verb is really coordinated with when the model hung it on that verb's object ('women are facing
    water cannons and marching': 'marching' is coordinated with 'facing', not with 'cannons'), or None."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    noun = verb.head
    while noun.dep_ in {"dobj", "pobj", "prep"} and noun.head.i != noun.i:
        noun = noun.head
        if noun.pos_ in {"VERB", "AUX"}:
            return noun
    return None


def lost_subject(verb: Token) -> Token | None:
    """The subject of a verb the model hung on a noun: on a past tense it read as a noun ('an unknown assailant
    shot and wounded X'), or on the sentence's root noun (:func:`noun_root`); else None."""
    if verb.dep_ == "conj" and misparsed_verb(verb.head) == verb:
        return subject_word(verb.head)
    return noun_root(verb)


def noun_root(verb: Token) -> Token | None:
    """The subject of a finite verb the model coordinated with the sentence's root noun, for want of a verb root
    ('Masked gunmen in a car shot and wounded a judge' comes out rooted in 'gunmen'), or None."""
    head = verb.head
    if verb.dep_ == "conj" and verb.tag_ == "VBD" and head.dep_ == "ROOT" and head.pos_ in {"NOUN", "PROPN"}:
        return head
    return None


def elided_passive(verb: Token, subject: Token | None = None, participle: Token | None = None) -> bool:
    """Whether a participle coordinated with a passive verb shares its auxiliary ('Two children were killed and
    five civilians wounded': the civilians were wounded, the model gives them as the subject of 'wounded'); or
    whether the model hung a passive's ``subject`` on its auxiliary, or on 'be' with the ``participle`` as its
    complement ('Smith was re-arrested', 'they were re-arrested': the split word leaves no passive arc).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Smith", "was", "re", "-", "arrested"], heads=[1, 4, 1, 1, 4],
    ...           deps=["nsubj", "auxpass", "acomp", "acomp", "ROOT"], tags=["NNP", "VBD", "VB", "VB", "VBN"])
    >>> elided_passive(doc[4], doc[0])
    True
    """
    if subject is not None and subject.head.dep_ == "auxpass":
        return True
    if subject is not None and participle is not None and participle.head == subject.head:
        return participle.dep_ == "acomp" and participle.tag_ == "VBN" and subject.head.lemma_ == "be"
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and any(c.dep_ == "auxpass" for c in verb.head.children)
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    )
