"""Relations stated in a sentence's syntax: acronym definitions and a person's role and organisation.

"Nanar Hawach, a Syria analyst with the International Crisis Group" -> role "Syria analyst", member of ICG;
"Tom Barrack, the U.S. special envoy for Syria" -> role "U.S. special envoy for Syria", affiliated with the US.

>>> initials_match("Syrian Democratic Forces", "SDF"), initials_match("Rapid Support Forces", "AP")
(True, False)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Span, Token

from kg.extract.language import MEMBERSHIP_PREPOSITIONS as MEMBER_PREPS
from kg.extract.language import NAME_PARTICLES as _MINOR
from kg.extract.lexicon import word_set

ORG_KINDS = {
    "Government", "MilitaryOrganization", "ArmedGroup", "PoliticalParty", "InternationalOrganization",
    "NonGovernmentalOrganization", "MediaOrganization", "Company",
}  # fmt: skip
# "a Syria analyst", "a researcher on Yemen": the country is the topic of the job, not the employer.
TOPIC_ROLES = word_set("actors", "topic_roles")


def initials_match(long_name: str, acronym: str) -> bool:
    """Whether an acronym plausibly abbreviates a name (letters in order, first letter matching)."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", long_name) if w.lower() not in _MINOR]
    if not words or not acronym or words[0][0].upper() != acronym[0]:
        return False
    initials = "".join(w[0].upper() for w in words)
    letters = iter(initials)
    in_order = sum(1 for ch in acronym if any(ch == c for c in letters))
    return in_order >= max(2, len(acronym) - 1)


def acronym_definitions(doc: Doc, spans: list[Span]) -> Iterator[tuple[str, str]]:
    """Pairs (long name, acronym) from 'Long Name (ACR)' in the text."""
    for span in spans:
        after = doc[span.end : span.end + 3]
        if len(after) == 3 and after[0].text == "(" and after[2].text == ")":
            acronym = after[1].text
            name = re.sub(
                r"^.*?-(led|backed|allied|aligned|affiliated|linked|sponsored|supported)\s+", "", span.text
            )
            if acronym.isupper() and 2 <= len(acronym) <= 8 and initials_match(name, acronym):
                yield span.text, acronym


def _org_in(tokens: set[int], found: list[Any]) -> list[Any]:
    return [f for f in found if f.span.root.i in tokens]


def _appositions(root: Token) -> list[Token]:
    return [c for c in root.children if c.dep_ == "appos"]


def _role_text(appos: Token, drop: set[int]) -> str:
    words = [t for t in appos.subtree if t.i not in drop]
    while words and (words[0].dep_ == "det" or words[0].is_punct):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    return "".join(t.text_with_ws for t in words).strip()


def person_roles(doc: Doc, found: list[Any]) -> dict[str, dict[str, set[str]]]:
    """For each person key: {'roles': {...}, 'member_of': {...}, 'affiliated_with': {...}}."""
    relations: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for person in (f for f in found if f.kind == "Person"):
        for appos in _appositions(person.span.root):
            drop: set[int] = set()
            for prep in (t for t in appos.subtree if t.dep_ == "prep" and t.lower_ in MEMBER_PREPS):
                subtree = {t.i for t in prep.subtree}
                orgs = [f for f in _org_in(subtree, found) if f.kind in ORG_KINDS]
                for org in orgs:
                    relations[person.key]["member_of"].add(org.key)
                if orgs:
                    drop |= subtree
            # Affiliation comes from modifiers before the role noun ("the U.S. special envoy"), not from
            # "for Syria" after it, and not for topic roles ("a Syria analyst").
            before = {t.i for t in appos.subtree if t.i < appos.i} - drop
            inside = before if appos.lemma_.lower() not in TOPIC_ROLES else set()
            for other in _org_in(inside, found):
                if other.kind in {"Country", "Government"}:
                    relations[person.key]["affiliated_with"].add(other.key)
                elif other.kind in ORG_KINDS:
                    relations[person.key]["member_of"].add(other.key)
            role = _role_text(appos, drop)
            if role and appos.pos_ in {"NOUN", "PROPN"}:
                relations[person.key]["roles"].add(role)
    return {k: dict(v) for k, v in relations.items()}
