"""The actor a subject pronoun stands for inside one sentence: the named subject of the clause its own clause
continues or completes ('Berlin rejected the calls, saying it was withholding aid': Berlin; 'the rebels blocked
roads as they continued their push': the rebels).

>>> import spacy
>>> from spacy.tokens import Doc
>>> words = ["Rebels", "blocked", "roads", "as", "they", "advanced"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 5, 5, 1],
...           deps=["nsubj", "ROOT", "dobj", "mark", "nsubj", "advcl"],
...           pos=["NOUN", "VERB", "NOUN", "SCONJ", "PRON", "VERB"], tags=["NNS", "VBD", "NNS", "IN", "PRP", "VBD"])
>>> antecedent_subject(doc[4]).text
'Rebels'
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.events.parties import contents
from kg.extract.language import PERSONAL_PRONOUNS
from kg.extract.lexicon import word_set
from kg.extract.subjects import subject_word

CLAUSES = {"advcl", "ccomp", "conj", "xcomp"}  # a clause that continues or completes the one above it
PERSON_PRONOUNS = {"he", "she"}
# nouns for one person: 'it' never stands for them ('the army's spokeswoman said it had withdrawn')
PERSON_NOUNS = (
    word_set("actors", "person_nouns") | word_set("actors", "role_nouns") | word_set("actors", "spokes_nouns")
)


def antecedent_subject(pronoun: Token) -> Token | None:
    """The nearest subject above the pronoun's clause that the pronoun can stand for, if any: 'he' / 'she' a
    proper name, 'it' a singular noun or name, 'they' a plural noun."""
    word = pronoun.lower_
    if word not in {"he", "she", "it", "they"}:
        return None
    clause = pronoun.head
    for _ in range(4):
        if clause.dep_ not in CLAUSES or clause.head.i == clause.i:
            return None
        clause = clause.head
        subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pronoun.i]
        if not subjects:
            continue  # 'rejected the plan and said they ...': the conjunct shares the subject above it
        subject = contents(subject_word(subjects[0]))  # "a group of elders said they": the elders
        return subject if _fits(word, subject) else None
    return None


def _fits(word: str, subject: Token) -> bool:
    if subject.lower_ in PERSONAL_PRONOUNS or subject.pos_ not in {"NOUN", "PROPN"}:
        return False
    plural = subject.tag_ in {"NNS", "NNPS"}
    if word in PERSON_PRONOUNS:
        return subject.ent_type_ == "PERSON"
    if word == "it":
        return (
            not plural
            and subject.ent_type_ != "PERSON"
            and not {subject.lemma_.lower(), subject.lower_} & PERSON_NOUNS
        )
    return plural


def controllers(verb: Token) -> set[int]:
    """The verb and the verbs whose subject it shares as their complement: 'they are willing to forgive X',
    'it wants to boycott the vote' (a subject pronoun there is the trigger's own subject).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["it", "wants", "to", "boycott", "the", "vote"],
    ...           heads=[1, 1, 3, 1, 5, 3], deps=["nsubj", "ROOT", "aux", "xcomp", "det", "dobj"])
    >>> sorted(controllers(doc[3]))
    [1, 3]
    """
    heads = {verb.i}
    while verb.dep_ in {"xcomp", "acomp"} and verb.head.i != verb.i:
        verb = verb.head
        heads.add(verb.i)
    return heads
