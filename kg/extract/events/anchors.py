"""Trigger anchors: the support verb that states a noun's event happened joins its trigger ("launched an attack",
"a car bomb detonated", "clashes broke out", "came under attack", "set off a bomb"); the verb lists are data (``support_verbs`` in
``kg/data/triggers.json``).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from kg.extract.lexicon import Lexicon, word_map, word_set

# verb (with particle) -> what its subject is to the act it resists or stops: "target" or "none"
COUNTERING: dict[str, str] = word_map("events", "countering")


def supported(
    trigger: Span, kind: str, kinds: dict[int, str], lexicon: Lexicon, widest: int = 8
) -> Span | None:
    """The trigger widened to the support verb that states its event happened ("launched a counter-offensive",
    "a car bomb detonated"), or None. Not when the verb triggers an event of another type ("an attack killed 5")
    or the span would be long: then the verb says more than that the noun's event took place.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> from kg.extract.lexicon import load_lexicon
    >>> words = ["Rebels", "launched", "an", "attack"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, lemmas=["rebel", "launch", "an", "attack"],
    ...           pos=["NOUN", "VERB", "DET", "NOUN"], heads=[1, 1, 3, 1], deps=["nsubj", "ROOT", "det", "dobj"])
    >>> supported(doc[3:4], "Attack", {3: "Attack"}, load_lexicon()).text
    'launched an attack'
    """
    found = support_verb(trigger, kind, kinds, lexicon)
    if found is None:
        return None
    start, end = min(trigger.start, found.start), max(trigger.end, found.end)
    return trigger.doc[start:end] if end - start <= widest else None


def support_verb(trigger: Span, kind: str, kinds: dict[int, str], lexicon: Lexicon) -> Span | None:
    """The support verb of a noun trigger, with its particle or preposition ('broke out', 'came under'), however
    far from the noun: :func:`supported` widens the trigger to a near one; a far one ('clashes between militias
    from two groups broke out in X') is a mention of the noun's event. The noun may be counted ('launched a string
    of attacks', 'dozens of airstrikes hit X'), the verb's passive agent ('X was hit by airstrikes') or the subject of
    a relative clause ('blasts that occurred at the station')."""
    root = trigger.root
    if trigger[0].pos_ == "VERB":
        return None
    count = root.head.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and {count.lower_, count.lemma_.lower()} & _counts():
        root = count  # 'a string of attacks', 'dozens of airstrikes' (lemma 'dozen'): the count stands for the noun
    verb, lemma = root.head, root.head.lemma_.lower()
    # a verb with its particle ('set off a bomb') or preposition ('came under attack') may be the support
    phrasal = {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt"}
    governed = root.dep_ == "pobj" and verb.dep_ == "prep"
    agent = root.dep_ == "pobj" and verb.dep_ == "agent"  # 'X was hit by an airstrike'
    if governed or agent:
        verb, lemma = verb.head, verb.head.lemma_.lower()
        phrasal = {f"{lemma} {root.head.lower_}"} if governed else set()
        lemma = lemma if agent else ""  # the preposition's object is no verb's object: 'fired at an attack'
    as_object = root.dep_ in {"dobj", "nsubjpass", "pobj"} and not agent
    as_object = as_object and bool(({lemma} | phrasal) & lexicon.support_object)
    as_subject = (root.dep_ == "nsubj" or agent) and lemma in lexicon.support_subject
    if not (as_object or as_subject) or verb.pos_ not in {"VERB", "AUX"}:
        on_clause = _clause_on(root, trigger, lexicon)
        if on_clause is None:
            return None
        verb = on_clause
    if kinds.get(verb.i, kind) not in {kind, *lexicon.support_yield}:
        return None  # the verb says more than that the noun's event happened ("an attack killed 5")
    particle = next((c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), verb)  # "broke out"
    if governed and verb is root.head.head:
        particle = root.head  # 'came under attack'
    return trigger.doc[min(verb.i, particle.i) : max(verb.i, particle.i) + 1]


def _clause_on(noun: Token, trigger: Span, lexicon: Lexicon) -> Token | None:
    """A clause on the noun whose verb carries it: the small model hangs "detonated" from "a car bomb detonated
    near X" as a reduced relative; 'blasts that occurred at the station' is a relative clause."""
    for clause in noun.children:
        if clause.lemma_.lower() not in lexicon.support_subject:
            continue
        reduced = clause.dep_ == "acl" and clause.i == trigger.end
        relative = clause.dep_ == "relcl" and any(
            c.dep_ == "nsubj" and c.lower_ in {"that", "which"} for c in clause.children
        )
        if reduced or relative:
            return clause
    return None


def aspect_of(verb: Token) -> Token | None:
    """The verb that says the act on ``verb`` began or went on ('began shelling the town', 'began the day by
    launching an attack'): a mention of the same event, whose trigger stays the act's verb."""
    if verb.dep_ == "xcomp" and verb.tag_ == "VBG":
        governor = verb.head
    elif verb.dep_ == "pcomp" and verb.head.lower_ == "by":
        governor = verb.head.head
    else:
        return None
    return governor if governor.pos_ == "VERB" and governor.lemma_.lower() in _aspectual() else None


def death_of(verb: Token) -> Token | None:
    """The verb that tells people died of the act on ``verb``: the act's clause is a 'when'/'as'/'after'-clause of
    'died' (or of a verb coordinated with it: 'five died and 20 were wounded when a bomb exploded'), or 'died' is
    coordinated with the act ('was shot and later died').

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Five", "died", "when", "a", "bomb", "exploded"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, lemmas=["five", "die", "when", "a", "bomb", "explode"],
    ...           heads=[1, 1, 5, 4, 5, 1], deps=["nsubj", "ROOT", "advmod", "det", "nsubj", "advcl"])
    >>> death_of(doc[5]).text
    'died'
    """
    dying = _dying()
    if verb.dep_ == "advcl" and any(c.lower_ in {"when", "as", "after"} for c in verb.children):
        governor = verb.head
        for candidate in (governor, governor.head if governor.dep_ == "conj" else governor):
            if candidate.lemma_.lower() in dying:
                return candidate
    return next((c for c in verb.children if c.dep_ == "conj" and c.lemma_.lower() in dying), None)


def outcomes(verb: Token) -> list[Token]:
    """The verbs of participle or coordinated clauses of ``verb`` that tell the harm its act left (lexicon
    ``outcomes``): 'attacked a hotel, leaving 17 dead', 'killing nine, while ten others sustained wounds'.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Gunmen", "attacked", "a", "hotel", ",", "leaving", "17", "dead"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, lemmas=[w.lower() for w in words[:5]] + ["leave", "17", "dead"],
    ...           pos=["NOUN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "NUM", "ADJ"], heads=[1, 1, 3, 1, 1, 1, 7, 5],
    ...           deps=["nsubj", "ROOT", "det", "dobj", "punct", "advcl", "nummod", "oprd"])
    >>> [t.text for t in outcomes(doc[1])]
    ['leaving']
    """
    told = []
    for clause in (c for c in verb.children if c.dep_ in {"advcl", "conj"} and c.pos_ == "VERB"):
        harm = set(_outcomes().get(clause.lemma_.lower(), ()))
        objects = [c for c in clause.children if c.dep_ == "dobj"] if clause.lemma_.lower() != "leave" else []
        words = {t.lemma_.lower() for t in (objects or clause.subtree)} | {
            t.lower_ for t in (objects or clause.subtree)
        }
        if harm & words:
            told.append(clause)
    return told


def told_harm(verbs: set[Token], kinds: dict[int, str], mentions: list[Span]) -> list[Span]:
    """The words that tell the harm an act on one of ``verbs`` left, as new mentions of its event: 'five died when
    a car bomb exploded', 'attacked a hotel, leaving 17 dead' (not other events' triggers, not a mention twice).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Five", "died", "when", "a", "bomb", "exploded"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, lemmas=["five", "die", "when", "a", "bomb", "explode"],
    ...           heads=[1, 1, 5, 4, 5, 1], deps=["nsubj", "ROOT", "advmod", "det", "nsubj", "advcl"])
    >>> [m.text for m in told_harm({doc[5]}, {5: "Bombing"}, [])]
    ['died']
    """
    told: list[Span] = []
    for verb in verbs:
        for word in (death_of(verb), *outcomes(verb)):
            if (
                word is not None
                and word.i not in kinds
                and all(m.start != word.i for m in (*mentions, *told))
            ):
                told.append(word.doc[word.i : word.i + 1])
    return told


@cache
def _outcomes() -> dict[str, list[str]]:
    return word_map("events", "outcomes")


@cache
def _dying() -> frozenset[str]:
    return word_set("events", "dying")


@cache
def _aspectual() -> frozenset[str]:
    return word_set("events", "aspectual")


@cache
def _counts() -> frozenset[str]:
    return word_set("events", "event_counts")


def verb_tagged_noun(token: Token) -> bool:
    """'Gunmen shot and wounded a teacher', 'a settler shot and killed two': a word the small model tags as a noun
    but parses as a clause head, with a subject or coordinated with a past-tense verb; 'troops are patrolling
    streets': an '-ing' word after 'be' that it tags as an adjective.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Gunmen", "shot", "and", "wounded", "him"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, pos=["NOUN", "NOUN", "CCONJ", "VERB", "PRON"],
    ...           tags=["NNS", "NN", "CC", "VBD", "PRP"], heads=[1, 1, 1, 1, 3],
    ...           deps=["nsubj", "ROOT", "cc", "conj", "dobj"])
    >>> verb_tagged_noun(doc[1]), verb_tagged_noun(doc[0])
    (True, False)
    """
    if token.pos_ == "ADJ" and token.lower_.endswith("ing") and token.i > 0:
        return token.nbor(-1).lemma_ == "be"
    if token.pos_ != "NOUN" or not token.is_lower:
        return False
    subject = any(c.dep_ in {"nsubj", "nsubjpass", "auxpass", "aux"} for c in token.children)
    past = token.dep_ == "ROOT" and any(
        c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ in {"VBD", "VBN"} for c in token.children
    )
    return subject or past


def verb_forms(word: str) -> list[str]:
    """Base forms a regular '-ed' or '-ing' form may come from ('patrolling' -> 'patrol', 'shelled' -> 'shell').

    >>> verb_forms("patrolling")[:2], verb_forms("raided")[:2]
    (['patroll', 'patrolle'], ['raid', 'raide'])
    """
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            doubled = [stem[:-1]] if stem[-1] == stem[-2] else []
            return [stem, stem + "e", *doubled]
    return [word]


def countering(verb: Token) -> str | None:
    """What the subject of a verb that resists or stops another's act is to that act: 'target' ('troops repelled
    an attack', 'beat back an assault'), 'none' ('police foiled an attack'), or None for any other verb. Such a
    subject is never the act's agent.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Troops", "beat", "back", "an", "attack"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, lemmas=["troop", "beat", "back", "an", "attack"],
    ...           heads=[1, 1, 1, 4, 1], deps=["nsubj", "ROOT", "prt", "det", "dobj"])
    >>> countering(doc[1]), countering(doc[4])
    ('target', None)
    """
    lemma = verb.lemma_.lower()
    # the small model tags 'back' in 'beat back' as an adverb: take the word right after the verb as well
    for particle in (
        c for c in verb.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1)
    ):
        if (role := COUNTERING.get(f"{lemma} {particle.lower_}")) is not None:
            return role
    return COUNTERING.get(lemma)
