"""Who a report blames for an incident whose perpetrator it does not name in the telling: 'officials blamed the
PKK', 'gunmen believed to belong to X', 'X later claimed the attack'. ACLED codes such hedged or claimed
attributions with the attributed actor (see ``tests/data/acled/README.md``); the cue words are data
(``"inter" -> "attribution"`` in ``kg/data/acled_rules.json``).

>>> cues = Cues.load({"before": ["blamed"], "after": ["claimed"]})
>>> bool(cues.before.search("Officials blamed the ")), bool(cues.after.match(" later claimed the attack"))
(True, True)
>>> bool(Cues.load({"before": [], "after": ["-linked"]}).after.match("-linked gunmen"))
True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from kg.extract.actor_types import entity_inter
from kg.extract.coding import RULES_PATH, CodingRules
from kg.extract.state import doc_text  # Doc.text joins every token again on each call
from kg.records import Entity


@dataclass(frozen=True)
class Cues:
    before: re.Pattern[str]  # words that end right before the blamed group's name
    after: re.Pattern[str]  # words right after it ('later claimed')
    replaces: frozenset[int | None] = frozenset({None})  # the codes of an actor 1 that may still be blamed on
    # actors that name no group of their own ('militants believed to be members of X' are X's)
    bare: frozenset[str] = frozenset()

    @classmethod
    def load(cls, data: dict[str, Any]) -> Cues:
        def alternatives(words: list[str]) -> str:
            return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

        before = (
            rf"\b(?:{alternatives(data['before'])})\s+(?:(?:members|fighters|militants) of\s+)?(?:the\s+)?$"
        )
        # a name's possessive or a few words of it may come between ("Islamic State's Sinai Province claimed")
        after = rf"^(?:'s)?(?:(?:\s+[\w-]+){{0,3}}?\s+|(?=-))(?:{alternatives(data['after'])})\b"
        replaces = frozenset({None, *data.get("replaces", ())})
        bare = frozenset(w.lower() for w in data.get("bare", ()))
        return cls(re.compile(before, re.I), re.compile(after, re.I), replaces, bare)


def attributed(
    rules: CodingRules,
    cues: Cues,
    text: str,
    spans: list[tuple[int, int]],
    entities: dict[str, Entity],
    targets: tuple[str, ...],
) -> Entity | None:
    """The one non-state armed group the sentences at ``spans`` blame, if there is one (not a target)."""
    armed = rules.groups["armed"] - rules.groups["state"]
    # the people hit and the groups they belong to ('suspected ISKP militants' were arrested, not blamed)
    targets = (*targets, *(k for t in targets if t in entities for k in entities[t].member_of))
    # by the group a unit belongs to: 'Islamic State cells' and 'Islamic State's Sinai Province' are the IS
    blamed: dict[str, list[Entity]] = {}
    for entity in entities.values():
        if entity.is_place or entity.key in targets or entity_inter(rules, entity, entities) not in armed:
            continue
        for m in entity.mentions:
            inside = next(((s, e) for s, e in spans if s <= m.start < e), None)
            if inside is None:
                continue
            if cues.before.search(text[max(inside[0], m.start - 80) : m.start]) or cues.after.match(
                text[m.end : inside[1]]
            ):
                root = next(iter((*entity.member_of, *entity.part_of)), entity.key)
                blamed.setdefault(root, []).append(entity)
    if len(blamed) != 1:
        return None
    # a named group before a unit of people ('cells'), its branch before the whole ('Sinai Province')
    return max(next(iter(blamed.values())), key=lambda e: (e.kind in rules.kind_inter, bool(e.part_of)))


def spans_of(doc: Doc, evidence: list[Span]) -> list[tuple[int, int]]:
    """Where a report may blame someone for an incident: its sentences and the next one of its paragraph
    ('Security sources blamed the PKK.'); the cues keep a later incident's actor out."""
    spans = [(s.start_char, s.end_char) for s in evidence]
    last = evidence[-1]
    if last.end < len(doc):
        after = doc[last.end].sent
        if "\n" not in doc_text(doc)[last.end_char : after.start_char]:
            spans.append((after.start_char, after.end_char))
    return spans


def blamed_for(
    rules: CodingRules,
    cues: Cues,
    doc: Doc,
    item: dict[str, Any],
    entities: dict[str, Entity],
) -> Entity | None:
    """The group blamed for an incident whose actor 1 is not named (see :func:`attributed`)."""
    rule = item["rule"]
    default = rules.unnamed_codes.get(
        rule.get("sub_event_type") or "", rules.unnamed_codes.get(rule["event_type"])
    )
    named = [entities[k] for k in item["actor1"] if k in entities]
    if not named or not all(e.label.lower() in cues.bare for e in named):  # 'militants believed to be ...'
        if item["inter1"] not in cues.replaces or default not in cues.replaces:
            return None  # a named actor 1, or an incident no armed group is blamed for (an arrest)
        if any(entity_inter(rules, e, entities, generic=False) for e in named):
            return None  # a named actor 1 ('Houthi gunmen')
    spans = spans_of(doc, item["evidence"])
    return attributed(rules, cues, doc_text(doc), spans, entities, item["actor2"])


@lru_cache(maxsize=1)
def attribution_cues() -> Cues:
    """The cues of the packaged rules file."""
    return Cues.load(json.loads(RULES_PATH.read_text(encoding="utf-8"))["inter"]["attribution"])
