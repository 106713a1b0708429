"""Unnamed actors in event roles: collectives ("male ISIS prisoners"), anonymous people ("an Iraqi
intelligence official") and a country's institutions ("Poland's parliament", "Sudan's government").

They are document-local (their IRIs live under the document), except a country's government, which is the
gazetteer's government actor.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.gazetteer import Gazetteer
from kg.extract.lexicon import Lexicon, word_map, word_set
from kg.extract.state import Found, scratch, slug

# Institution nouns and the kind of actor they make when a country owns them.
INSTITUTIONS = word_map("actors", "institutions")
GOVERNMENT_NOUNS = word_set("actors", "government_nouns")
# Institutions a text names with "the" alone ("the army", "the regime"): the police are a group of their own.
# Nouns for the members of a group, whose "of" phrase names the group ("members of the FARC", "fighters of ISIS").
MEMBERSHIP_NOUNS = {"member", "fighter", "militant", "supporter", "element", "loyalist", "operative", "gunman", "force", "unit",
                    "soldier", "officer", "official", "leader", "commander", "activist", "minister", "diplomat",
                    "representative", "delegate", "envoy", "negotiator"}  # fmt: skip
STATE_KINDS = {"Government", "MilitaryOrganization"}
UNOWNED_INSTITUTIONS = {"army", "military", "regime", "government", "authorities", "administration", "navy"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss"}
# Singular nouns for an unnamed organisation ("the ruling party", "a rights group") and the kind each makes.
ORGANISATION_NOUNS = word_map("actors", "organisation_nouns")
ARMED_MODIFIERS = word_set("actors", "armed_modifiers")
KIN_NOUNS = word_set("actors", "kin_nouns")
AMBIGUOUS_ORGANISATIONS = word_set("actors", "ambiguous_organisation_nouns")


def kin_of(span: Span) -> Token | None:
    """The tribe or clan noun a name stands before ('the Shammar tribe', 'the Jaafar and Shamas clans'), if any."""
    root = span.root
    if root.dep_ not in {"compound", "nmod", "amod", "conj", "pobj"}:
        return None
    heads = (root.head, *root.conjuncts, root.head.head)
    return next((t for t in heads if t.lemma_.lower() in KIN_NOUNS and t.i >= span.end), None)


def left_edge(token: Token) -> int:
    """Start of the noun phrase's modifiers, contiguous and without a clause: 'escaped ISIS detainees', not
    'After a prison break in Hasakah, some escaped ISIS detainees'."""
    inside = {t.i for c in token.lefts if c.dep_ in MODIFIER_DEPS for t in c.subtree}
    start = token.i
    stop = {"PUNCT", "ADP", "SCONJ", "VERB", "DET", "NUM", "ADV"}  # counts are quantities, not names
    while start - 1 in inside and token.doc[start - 1].pos_ not in stop and not token.doc[start - 1].like_num:
        start -= 1
    if start - 1 in inside and token.doc[start - 1].pos_ == "VERB" and token.doc[start - 1].dep_ == "amod":
        start -= 1  # a participle modifier right before: "escaped detainees"
    return start


def owner_name(found: Found) -> str:
    """How an owner reads in front of a noun: the demonym for a country ('Russian negotiators')."""
    entry = found.entry
    return entry.demonym if found.kind == "Country" and entry and entry.demonym else found.label


def _local_groups(doc: Doc, canonical: str) -> dict[str, str]:
    """Key -> label of the document-local mentions whose label ends in ``canonical`` ('ISIS detainees' for
    'detainees'; the last label wins for a key). Kept per Doc and extended with the mentions appended since the
    last call: rescanning every mention per noun made long documents quadratic."""
    memo = scratch(doc, "local_groups")
    mentions: list = doc._.kg_mentions or []
    if memo.get("mentions") is not mentions or memo["seen"] > len(mentions):  # a new list: start again
        memo.update(mentions=mentions, seen=0, groups={})
    groups: dict[str, dict[str, str]] = memo["groups"]
    for f in mentions[memo["seen"] :]:  # catch up with the mentions appended since the last call
        if f.local:
            for name, keys in groups.items():
                if f.label.endswith(" " + name):
                    keys[f.key] = f.label
    if canonical not in groups:  # the first question about this noun reads every mention once
        groups[canonical] = {
            f.key: f.label for f in mentions if f.local and f.label.endswith(" " + canonical)
        }
    memo["seen"] = len(mentions)
    return groups[canonical]


def register(found: Found, index: dict[int, Found], doc: Doc) -> Found:
    """Add an unnamed participant to the document's mentions and to the token index (where no mention is yet)."""
    doc._.kg_mentions.append(
        found
    )  # unnamed participants join the document's mentions (see kg.extract.state)
    for i in range(found.span.start, found.span.end):
        index.setdefault(i, found)
    return found


def _of_objects(token: Token) -> list[Token]:
    return [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
            if o.dep_ == "pobj"]  # fmt: skip


def _of_owner(token: Token, index: dict[int, Found]) -> list[Found]:
    """The named actor of the noun's 'of' phrase, a country but no other place: 'members of the Revolutionary
    Armed Forces', 'officials of Iraq' (not 'residents of Aleppo')."""
    objects = _of_objects(token)
    found = [index[o.i] for o in objects if o.i in index and index[o.i].is_actor]
    return [f for f in found if not f.is_place or f.kind == "Country"]


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children)


# Prepositions that say where an act happens, not whom it is aimed at: "the army deployed in Mali" is Mali's.
LOCATIVE = {"in", "inside", "within", "across", "throughout", "at", "near", "around"}


def _acted_on(token: Token, country: Found, doc: Doc) -> bool:
    """Whether the institution's clause aims its act at the country: 'The government imposed sanctions on Iran',
    'the army shelled Syria', 'the government held talks with Ethiopia' (not Iran's, Syria's or Ethiopia's own)."""
    verb = token.head
    if token.dep_ not in {"nsubj", "nsubjpass"} or verb.pos_ not in {"VERB", "AUX"}:
        return False
    return any(
        _aimed_at(found.span.root, verb) for found in doc._.kg_mentions or [] if found.key == country.key
    )


def _aimed_at(word: Token, verb: Token) -> bool:
    """Whether ``word`` is the verb's object, or sits in a non-locative phrase of it or of its object ('sanctions
    on Iran'); a place phrase ('villages in Syria') says where, not at whom."""
    through_prep = False
    while word.head.i != word.i:
        if word.dep_ == "pobj":
            if word.head.lower_ in LOCATIVE:
                return False
            through_prep = True
        if word.head.i == verb.i:
            return word.dep_ in {"dobj", "dative"} or (word.dep_ == "prep" and through_prep)
        word = word.head
    return False


def _state(countries: dict[str, Found], states: set[str], doc: Doc) -> Found | None:
    """The one state of the text as a country mention: its own, or (named only by its government or army,
    'Syrian government forces') the gazetteer's country standing in for it."""
    (key,) = states
    if key in countries:
        return countries[key]
    gazetteer = doc._.kg_gazetteer or Gazetteer.load()
    entry = gazetteer.get(key)
    if entry is None or entry.kind != "Country":
        return None
    return Found(doc[0:0], entry.key, entry.label, entry.kind, entry)


def _unowned_institution(token: Token, index: dict[int, Found], doc: Doc) -> Found:
    """'The army shelled the town': the army of the one country the document names, else just 'the army'. Scoped
    to the document (no gazetteer entry) and trusted less: an inference, never merged with a gazetteer government.
    Not when its own clause acts on that country ('the government imposed sanctions on Iran')."""
    mentions = doc._.kg_mentions or []
    countries = {f.key: f for f in mentions if f.kind == "Country" and not f.secondary}
    # a government or army the text names is its country's too ('Kinshasa', 'FARDC'): two states, no owner
    states = set(countries) | {
        f.entry.country for f in mentions if f.kind in STATE_KINDS and f.entry and f.entry.country
    }
    owner = _state(countries, states, doc) if len(states) == 1 else None
    if owner is not None and _acted_on(token, owner, doc):
        owner = None
    label = f"{owner_name(owner)} {token.lower_}" if owner is not None else token.lower_
    found = Found(doc[token.i : token.i + 1], slug(label), label, INSTITUTIONS[token.lemma_.lower()],
                  confidence=0.5, member_of=owner.key if owner is not None else None)  # fmt: skip
    return register(found, index, doc)


def _institution(token: Token, owner: Found, left: int, index: dict[int, Found], doc: Doc) -> Found:
    lemma = token.lemma_.lower()
    span = doc[left : token.i + 1]
    if lemma in GOVERNMENT_NOUNS and owner.kind == "Country":
        gazetteer = doc._.kg_gazetteer or Gazetteer.load()  # the one the actor component was configured with
        government = gazetteer.government_of(owner.key)
        if government is not None:
            found = Found(span, government.key, government.label, government.kind, government, 0.8)
            return register(found, index, doc)
    label = f"{owner_name(owner)} {token.lower_}"
    found = Found(
        span, slug(label), label, INSTITUTIONS[lemma], confidence=0.6, local=True, member_of=owner.key
    )
    return register(found, index, doc)


def unnamed_actor(token: Token, index: dict[int, Found], doc: Doc, lexicon: Lexicon) -> Found | None:
    """The actor an unnamed noun phrase stands for, registered as a mention of the doc; None if it is none.

    A bare 'detainees' joins the one '<owner> detainees' group of the text.
    """
    left = left_edge(token)
    owners = [index[t.i] for t in doc[left : token.i] if t.i in index and index[t.i].is_actor]
    lemma = token.lemma_.lower()
    if lemma in INSTITUTIONS and owners:
        return _institution(token, owners[0], left, index, doc)
    if lemma in UNOWNED_INSTITUTIONS and not owners and _definite(token):
        return _unowned_institution(token, index, doc)
    plural = token.tag_ in {"NNS", "NNPS"} or lemma in {"police", "people"}
    if lemma in ORGANISATION_NOUNS and (not plural or lexicon.group_label(lemma) is None):
        return _organisation(token, owners[0] if owners else None, left, index, doc)
    if not owners and plural and lemma in MEMBERSHIP_NOUNS:  # "members of the FARC": the FARC's members
        owners = _of_owner(token, index)
    canonical = lexicon.group_label(lemma) if plural else None
    if canonical is None and plural and owners and lemma in MEMBERSHIP_NOUNS:
        canonical = token.lower_
    person = not plural and lemma in lexicon.singular_people
    if canonical is None and not person:
        return None
    words = [t.lower_ for t in doc[left : token.i] if t.i not in index and t.pos_ in {"NOUN", "PROPN"}]
    words = _hyphened(doc[left : token.i]) or words  # 'pro-government forces' are not just 'forces'
    owner = owners[0] if owners else None
    if person:
        label = " ".join([*([owner_name(owner)] if owner else []), *words, token.lower_])
        found = Found(doc[left : token.i + 1], slug(label), label, "Person", confidence=0.6, local=True,
                      member_of=owner.key if owner and owner.kind != "Country" else None)  # fmt: skip
        return register(found, index, doc)
    assert canonical is not None  # not a person, so a known group noun (checked above)
    if owner is not None and owner.label.lower().endswith(" " + canonical):
        # 'SDF forces' are the Syrian Democratic Forces, not a group of theirs named 'Syrian Democratic Forces forces'
        found = Found(
            doc[left : token.i + 1], owner.key, owner.label, owner.kind, owner.entry, owner.confidence
        )
        return register(found, index, doc)
    label = f"{owner_name(owner)} {canonical}" if owner else " ".join([*words, canonical])
    bare = all(t.dep_ in {"det", "poss", "predet", "punct"} for t in doc[left : token.i])
    if owner is None and not words and bare:  # 'the forces', not 'other forces', joins the text's one group
        same = _local_groups(doc, canonical)
        if len(same) == 1:
            label = next(iter(same.values()))
    found = Found(doc[left : token.i + 1], slug(label), label, "Group", confidence=0.6, local=True,
                  member_of=owner.key if owner is not None else None)  # fmt: skip
    return register(found, index, doc)


def _hyphened(modifiers: Span) -> list[str]:
    """The words of a hyphenated modifier as one ('pro-government', 'Iran-backed'), else none."""
    text = modifiers.text.lower()
    if "-" not in text:
        return []
    words = [t.lower_ for t in modifiers if t.dep_ not in {"det", "poss", "predet"}]
    return ["".join(words).strip("-")] if words else []


def _organisation(
    token: Token, owner: Found | None, left: int, index: dict[int, Found], doc: Doc
) -> Found | None:
    """'The ruling party rejected the calls', 'a rights group accused the police': an organisation the text does not
    name acts as itself, labelled by its modifiers; an armed group if a modifier says so ('rebel group'), else of
    its noun's kind ('party'), else a plain Organization. Only a phrase with a determiner, an owner or a modifier
    ('the group', 'the rebel group'), not a bare noun, and no 'of' phrase; local to the document, trusted less."""
    named = [index[c.i] for c in token.children if c.dep_ == "appos" and c.i in index and index[c.i].is_actor]
    if named:  # "the opposition newspaper La Prensa": the name says which
        return named[0]
    if _of_objects(token):  # "a group of deputies" measures the deputies; "the movement of troops" is none
        return None
    words = [
        t.lower_
        for t in doc[left : token.i]
        if t.i not in index and t.pos_ in {"NOUN", "PROPN", "ADJ", "VERB"}
    ]
    determined = owner is not None or any(c.dep_ == "det" for c in token.children)
    if not words and (token.lemma_.lower() in AMBIGUOUS_ORGANISATIONS or not determined):
        return None  # a bare noun ('group leader'), or 'the movement' alone
    armed = "ArmedGroup" if ARMED_MODIFIERS & set(words) else None
    kind = armed or ORGANISATION_NOUNS[token.lemma_.lower()] or "Organization"
    label = " ".join([*([owner_name(owner)] if owner is not None else []), *words, token.lower_])
    if any(f.key == slug(label) and not f.is_actor for f in doc._.kg_mentions or []):
        return None  # the text's 'Junta' is a town elsewhere: one key, one thing
    found = Found(doc[left : token.i + 1], slug(label), label, kind, confidence=0.5, local=True,
                  member_of=owner.key if owner is not None and owner.kind != "Country" else None)  # fmt: skip
    return register(found, index, doc)


OWN_STATE_NOUNS = word_set("actors", "own_state_nouns")
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their", "our", "my"}


def own_state(token: Token) -> bool:
    """'his country', 'our government': a state a possessive pronoun makes its possessor's own; in what someone
    says, the speaker's (see :mod:`kg.extract.claims`), like a pronoun."""
    mine = any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in token.children)
    return mine and token.lemma_.lower() in OWN_STATE_NOUNS
