"""Event triggers: the words and phrases of the trigger lexicon that name an event here, with their types.

Phrases first ("took place", "opened fire"), then single words, outside headlines, boilerplate and multi-word names;
a word the small model tags as a noun but is a verb form ("gunmen shot") is read as that verb.
"""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kg.extract.events.anchors import verb_forms, verb_tagged_noun
from kg.extract.events.happening import not_a_happening
from kg.extract.events.patterns import NO_EVENT, pattern_type
from kg.extract.events.senses import moved_or_struck, sense_checked, sense_rule
from kg.extract.lexicon import Lexicon


def find_triggers(
    doc: Doc,
    skipped: list[tuple[int, int]],
    phrases: PhraseMatcher,
    lexicon: Lexicon,
    past_forms: dict[str, str],
) -> list[tuple[Span, str]]:
    """Trigger spans and their event types, phrases first, outside headlines and boilerplate (``skipped``
    character ranges); ``past_forms`` maps irregular past forms to their verb ('shot' -> 'shoot')."""
    found: list[tuple[Span, str]] = []
    # Words inside a name are not events: "Asia-Pacific Economic Cooperation", "Ministry of Defence".
    taken: set[int] = {
        t for f in doc._.kg_mentions or [] if len(f.span) > 1 for t in range(f.span.start, f.span.end)
    }
    for match_id, start, end in phrases(doc):
        span = doc[start:end]
        if not _in(span, skipped) and not taken & set(range(start, end)):  # phrases never overlap names
            found.append((span, doc.vocab.strings[match_id]))
            taken |= set(range(start, end))
    for span, phrase_kind in _split_phrases(doc, lexicon, taken):
        if not _in(span, skipped):
            found.append((span, phrase_kind))
            taken |= set(range(span.start, span.end))
    for token in doc:
        if token.i in taken or any(s <= token.idx < e for s, e in skipped):  # _in without a Span per token
            continue
        if token.lower_ == "according":  # "according to X" attributes; it is not the verb "accord"
            continue
        kind = lexicon.type_of_lemma(token.lemma_, token.pos_)
        if (
            token.tag_ == "VBG" and token.dep_ in _NOMINAL
        ):  # 'Fighting between A and B left 5 dead' is a clash
            kind = lexicon.type_of_lemma(token.lower_, "NOUN") or kind
        if kind is None and (verb_tagged_noun(token) or (token.lower_ in past_forms and _and_past(token))):
            irregular = past_forms.get(token.lower_)
            forms = [irregular] if irregular else verb_forms(token.lower_)
            verb = next((f for f in forms if lexicon.type_of_lemma(f, "VERB")), None)
            if verb is not None:  # 'gunmen shot and injured a teacher', 'are patrolling streets'
                token.pos_, token.lemma_ = "VERB", verb
                kind = lexicon.type_of_lemma(verb, "VERB")
        if token.pos_ == "VERB" and (kind is None or token.lemma_.lower() in lexicon.secondary):
            # 'established diplomatic ties': a CAMEO verb pattern, more specific than a CAMEO-list verb's type
            coded = pattern_type(token, lambda t: lexicon.type_of_lemma(t.lemma_, t.pos_) is not None)
            # 'issued a statement' is no aid; 'peacekeepers arrived in X' is a deployment
            kind = None if coded == NO_EVENT else coded or kind or moved_or_struck(token)
        modifier = token.pos_ != "VERB" and token.dep_ in {"compound", "amod"}
        if kind is None or (modifier and token.head.lemma_ not in lexicon.light_nouns):
            continue  # "escape risks", "detention camps": a modifier, not an event; "mediation effort" is
        if token.pos_ == "VERB" and _is_report(token, lexicon):
            continue
        if (
            token.pos_ == "VERB"
            and token.dep_ == "amod"
            and token.tag_ in {"VBN", "VBG"}
            and not _progressive(token)
        ):
            continue  # "abandoned homes", "the wounded man": a participle describing a noun
        kind = sense_checked(token, kind)
        if kind is None:
            continue  # "money transfers", "a great deal of", "defended his title": another sense
        if not_a_happening(token, kind, sense_rule(token.lemma_), lambda t: _typed(t, lexicon), past_forms):
            continue  # "the KDP, which dominates Duhok", "are still held in al-Hol", "with roadside bombs"
        found.append((doc[token.i : token.i + 1], kind))
    return sorted(found, key=lambda pair: pair[0].start)


def _split_phrases(doc: Doc, lexicon: Lexicon, taken: set[int]) -> list[tuple[Span, str]]:
    """A verb-and-object phrase of the lexicon with the object's modifiers between its words: 'opened
    indiscriminate fire', 'opened heavy fire' are 'opened fire'."""
    found = []
    for obj in doc:
        verb = obj.head
        if (
            obj.dep_ != "dobj"
            or verb.pos_ != "VERB"
            or obj.i - verb.i < 2
            or taken & set(range(verb.i, obj.i + 1))
        ):
            continue
        between = doc[verb.i + 1 : obj.i]
        if all(t.head.i == obj.i and t.dep_ in {"amod", "det", "advmod"} for t in between):
            kind = lexicon.phrases.get(f"{verb.lower_} {obj.lower_}")
            if kind is not None:
                found.append((doc[verb.i : obj.i + 1], kind))
    return found


_NOMINAL = {"nsubj", "nsubjpass", "dobj", "pobj"}  # a gerund there names the act, as its noun does


def _typed(token: Token, lexicon: Lexicon) -> bool:
    return lexicon.type_of_lemma(token.lemma_, token.pos_) is not None


def _and_past(token: Token) -> bool:
    """'a looter shot and killed a man': an irregular past form the model tags as a noun, right after its subject
    and before 'and' and a past-tense verb, is that verb's partner (not 'took a shot and missed')."""
    doc = token.doc
    if token.pos_ != "NOUN" or not token.is_lower or not 0 < token.i < len(doc) - 2:
        return False
    after_subject = doc[token.i - 1].pos_ in {"NOUN", "PROPN", "PRON"}
    return after_subject and doc[token.i + 1].lower_ == "and" and doc[token.i + 2].tag_ in {"VBD", "VBN"}


def _is_report(verb: Token, lexicon: Lexicon) -> bool:
    return verb.lemma_ in lexicon.reporting and any(c.dep_ == "ccomp" for c in verb.children)


def _progressive(token: Token) -> bool:
    """'are (now) patrolling crowded markets': the small model hangs a progressive verb on its object as a modifier."""
    before = token.i - 1
    while before > token.sent.start and token.doc[before].pos_ == "ADV":  # 'are now patrolling farms'
        before -= 1
    return token.tag_ == "VBG" and before >= 0 and token.doc[before].lemma_ == "be"


def _in(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= span.start_char < e for s, e in ranges)
