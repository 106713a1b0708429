"""A person's mentions in one document joined to one node.

A shorter name joins the one person of the text whose full name ends with it: "Assad", "President Assad" and
"al-Assad" join "Bashar al-Assad"; "Rocha Moya" joins "Rubén Rocha Moya". A short name that fits two people of
the text ("Kasereka" after Jean-Paul and Josué Kasereka) is not guessed, unless its title fits only one of them:
it becomes a document-local node of low confidence. "The president" / "the minister" joins the one person
named earlier in the text with that role or title ("President X", "X, the defence minister"); with two
candidates, or a past role ("the former president") that no candidate holds, nothing is joined.

>>> name_words("President al-Assad's"), name_words("Rubén Rocha Moya")
(('assad',), ('rubén', 'rocha', 'moya'))
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from kg.extract.actors.spans import TITLES, inside, overlaps
from kg.extract.lexicon import word_set
from kg.extract.state import Found, slug

ROLE_NOUNS = word_set("actors", "role_nouns")
PAST_ROLES = word_set("actors", "past_roles")
_PARTICLE = re.compile(r"^(al|el|ad|as|an|ash|at|ar|az|ad-|ed)-", re.IGNORECASE)


@lru_cache(maxsize=16384)  # every pair of mentions compares names: each label's words are worked out once
def name_words(text: str) -> tuple[str, ...]:
    """The words of a person's name, without titles, possessive and 'al-'-type particles, case-folded."""
    words = [w.strip(",") for w in re.sub(r"['’]s$", "", text).split()]
    while words and (words[0].casefold() in TITLES or words[0].casefold().rstrip(".") + "." in TITLES):
        words = words[1:]
    return tuple(_PARTICLE.sub("", w).casefold() for w in words if w)


def _could_be_name(f: Found) -> bool:
    # "Sanogo added": a one-word name the model tagged as something else is still a short name
    return f.kind == "Person" or (f.entry is None and len(f.span) == 1 and f.span.text[:1].isupper())


def join_short_names(found: list[Found]) -> list[Found]:
    """Each short name joined to the one longer name of the text it ends; an ambiguous one made local."""
    full: dict[str, tuple[tuple[str, ...], Found]] = {}
    for f in found:
        words = name_words(f.label)
        if f.kind == "Person" and len(words) >= 2 and len(words) > len(full.get(f.key, ((),))[0]):
            full[f.key] = (words, f)
    titles = _titles(found)
    for _, key, head, _mods in _person_roles(found[0].span.doc, found) if found else ():
        titles.setdefault(key, set()).add(head)  # "Salar Ismail, the mayor of X" ... "Mayor Ismail"
    out = []
    for f in found:
        words = name_words(f.label) if _could_be_name(f) else ()
        fits = [
            (w, g) for w, g in full.values() if words and len(w) > len(words) and w[-len(words) :] == words
        ]
        # "Aung Hlaing" inside "Min Aung Hlaing": one person, known by its longest name
        fits = [(w, g) for w, g in fits if not any(len(v) > len(w) and v[-len(w) :] == w for v, _ in fits)]
        title = {t.casefold() for t in f.title.split()} | set(_title_words(f.label))
        if len(fits) > 1 and title:
            fits = [(w, g) for w, g in fits if title & titles.get(g.key, set())] or fits
        if len(fits) == 1:
            g = fits[0][1]
            f = Found(f.span, g.key, g.label, g.kind, g.entry, f.confidence, title=f.title)
        elif len(fits) > 1:
            # one local node per unresolved name: "Assad" and "President Assad" are the same unknown
            label = " ".join(f.label.split()[-len(words) :]).removesuffix("'s").removesuffix("’s")
            f = Found(f.span, slug(label), label, "Person", confidence=0.4, local=True, title=f.title)
        out.append(f)
    return out


def _title_words(label: str) -> list[str]:
    words = label.split()
    return [w.casefold() for w in words[: len(words) - len(name_words(label))]]


def _titles(found: list[Found]) -> dict[str, set[str]]:
    titles: dict[str, set[str]] = {}
    for f in found:
        if f.kind == "Person":
            titles.setdefault(f.key, set()).update(t.casefold() for t in f.title.split())
            titles[f.key].update(_title_words(f.label))
    return titles


def _role_of(token: Token) -> tuple[str, frozenset[str]]:
    """(head noun, lower-case modifiers) of a role: 'the interim president' -> ('president', {'interim'})."""
    mods = {c.lower_ for c in token.lefts if c.dep_ in {"amod", "compound"} and c.pos_ in {"ADJ", "NOUN"}}
    return token.lower_, frozenset(mods)


def _person_roles(doc: Doc, found: list[Found]) -> list[tuple[int, str, str, frozenset[str]]]:
    """(first token, person key, role head, modifiers) for each role or title the text gives a person."""
    roles = []
    for f in (f for f in found if f.kind == "Person" and not f.local):
        words = f.title.split() or [t.text for t in f.span if t.i < f.span.root.i and t.text[:1].isupper()]
        if words and words[-1].casefold() in ROLE_NOUNS:  # "Defence Minister Yaşar Güler"
            roles.append(
                (f.span.start, f.key, words[-1].casefold(), frozenset(w.casefold() for w in words[:-1]))
            )
        root, start = f.span.root, f.span.start
        if start and doc[start - 1].lower_ in ROLE_NOUNS:  # "former president Joseph Kabila"
            mods = {
                t.lower_
                for t in doc[max(0, start - 4) : start - 1]
                if t.pos_ in {"ADJ", "NOUN"} and t.is_lower
            }
            roles.append((start - 1, f.key, doc[start - 1].lower_, frozenset(mods)))
        for appos in [c for c in root.children if c.dep_ == "appos"] + (
            [root.head] if root.dep_ == "appos" else []
        ):
            if appos.lower_ in ROLE_NOUNS and appos.pos_ == "NOUN":  # "X, the police spokeswoman"
                roles.append((min(f.span.start, appos.i), f.key, *_role_of(appos)))
    return roles


def role_mentions(doc: Doc, found: list[Found], skip: list[tuple[int, int]]) -> list[Found]:
    """'The president' / 'the army chief' as a mention of the one person named before with that role, and a
    role in apposition to a person ("the country's president, Omar Saleh"; "Omar Saleh, the president of X") as
    a mention of that person."""
    roles = _person_roles(doc, found)
    people = {f.key: f for f in found if f.kind == "Person"}
    taken = {(f.span.start, f.span.end) for f in found}
    by_root = {f.span.root.i: f for f in found if f.kind == "Person" and not f.local}
    extra = []
    for token in doc:
        if token.lower_ not in ROLE_NOUNS or token.pos_ != "NOUN" or token.tag_ != "NN":
            continue
        head, mods = _role_of(token)
        start = min([c.i for c in token.lefts if c.dep_ in {"amod", "compound"}] + [token.i])
        appos = [c for c in token.children if c.dep_ == "appos"] + (
            [token.head] if token.dep_ == "appos" else []
        )
        named = {by_root[t.i].key: by_root[t.i] for t in appos if t.i in by_root}
        if len(named) == 1:  # "Syria's interim president, Ahmed al-Sharaa, said": the role is that person
            while start < token.i and any(s <= start < e for s, e in taken):
                start += 1
            span = doc[start : token.i + 1]
            if not overlaps(span, taken) and not inside(span, skip):
                person = next(iter(named.values()))
                extra.append(Found(span, person.key, person.label, "Person", person.entry, 0.7))
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of":
            continue  # "the president of Kenya" names whose president itself
        if (
            start == 0
            or doc[start - 1].lower_ != "the"
            or any(t.text[:1].isupper() for t in doc[start : token.i + 1])
        ):
            continue
        span = doc[start - 1 : token.i + 1]
        if overlaps(span, taken) or inside(span, skip):
            continue
        past = bool(mods & PAST_ROLES)
        keys = {
            key
            for first, key, h, m in roles
            if first < span.start and h == head and mods <= m and past == bool(m & PAST_ROLES)
        }
        if len(keys) == 1:
            person = people[keys.pop()]
            extra.append(Found(span, person.key, person.label, "Person", person.entry, 0.6))
    return extra
