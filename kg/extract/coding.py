"""Context coding of incidents from data: ACLED event and sub-event type, PLOVER and CAMEO, and ACLED ``inter``
actor-type codes, from the rules in ``kg/data/acled_rules.json`` (who acts on whom, with what, with what outcome).

>>> rules = load_rules()
>>> sorted(rules.cues_in("Government forces shelled the village, killing two civilians."))
['attack', 'deadly', 'shelling']
>>> rules.code("Government forces shelled the village.", agent=1, victims=7)["sub_event_type"]
'Shelling/artillery/missile attack'
>>> rules.code("Gunmen attacked a checkpoint, killing two soldiers.", agent=2, victims=1)["event_type"]
'Battles'
>>> rules.code("Gunmen attacked a village, killing two farmers.", agent=2, victims=7)["event_type"]
'Violence against civilians'
>>> rules.inter_of("Protesters", None), rules.inter_of("the Syrian army", "Government")
(6, 1)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.extract.wordcheck import WordIndex

RULES_PATH = Path(__file__).resolve().parent.parent / "data" / "acled_rules.json"


_UNIDENTIFIED = re.compile(r"(?:an?\s+|the\s+)?(?:unidentified|unknown)\b", re.IGNORECASE)


def _pattern(words: list[str]) -> re.Pattern[str]:
    parts = [re.escape(w[:-1]) + r"\b" if w.endswith("$") else re.escape(w) for w in words]
    return re.compile(r"(?<![\w-])(?:" + "|".join(sorted(parts, key=len, reverse=True)) + ")", re.IGNORECASE)


def _group(inter: int | None, groups: dict[str, set[int]]) -> str:
    """'state', 'armed' or 'civilian' for an inter code (state forces are armed too), 'unknown' without one."""
    if inter is None:
        return "unknown"
    return next((name for name in ("state", "armed", "civilian") if inter in groups[name]), "unknown")


@dataclass(frozen=True)
class CodingRules:
    """Cue classes, ordered coding rules and inter codes, as loaded from a rules file."""

    cues: dict[str, re.Pattern[str]]
    rules: tuple[dict[str, Any], ...]
    kind_inter: dict[str, int]
    # (code, words, generic), most specific first: generic words say only what an actor is, not who ('gunmen'),
    # and do not change the code a known kind of actor has
    word_inter: tuple[tuple[int, re.Pattern[str], bool], ...]
    groups: dict[str, set[int]]
    modifier_classes: frozenset[str] = frozenset()  # cue classes that code nothing as a noun's modifier
    event_heads: frozenset[str] = frozenset()  # nouns such a modifier still codes ("protest march")
    doubt_classes: frozenset[str] = (
        frozenset()
    )  # cue classes that an event which did not happen does not code
    victim_events: frozenset[str] = frozenset()  # event types whose targets are the people hit
    blame_events: frozenset[str] = (
        frozenset()
    )  # event types whose agent blames, not acts ('the ministry blamed X')
    event_classes: dict[str, frozenset[str]] = field(default_factory=dict)  # cue classes an event type tells
    ended_by: frozenset[str] = frozenset()  # verbs whose object came before ('ending a week of clashes')
    reasons_of: frozenset[str] = frozenset()  # verbs whose 'for'-reason came before ('arrested for ...')
    descriptions: frozenset[str] = frozenset()  # participles that describe a person ('known for ...')
    purposes: frozenset[str] = frozenset()  # what a gathering is for ('gathered to mourn the victims of ...')
    topics: frozenset[str] = frozenset()  # nouns that talk about what they name ('the right to protest')
    # verbs that cue only when they act on someone ('dispersed the crowd')
    transitive: frozenset[str] = frozenset()
    # verbs that cue only when who does it is no armed or state force ('troops marched into the town')
    civil_only: frozenset[str] = frozenset()
    # participles whose phrase says who helped an actor ('backed by coalition helicopters')
    backing: frozenset[str] = frozenset()
    # words that make a person no longer what the rest says ('a former rebel commander' is a civilian)
    former: tuple[int, re.Pattern[str]] | None = None
    # event type -> its family: a follow-up of the same family adds to an incident (a riot, then tear gas)
    kin: dict[str, str] = field(default_factory=dict)
    # event type -> its family as a headline's loose words tell it ('fighters attack a base': violence)
    headline_kin: dict[str, str] = field(default_factory=dict)
    denials: frozenset[str] = (
        frozenset()
    )  # verbs whose relative clause denies its sentence ('which X denied')
    names: re.Pattern[str] | None = None  # organisation names that hold a cue word ('Air Force Intelligence')
    munitions: re.Pattern[str] | None = None  # crowd-control munitions: 'tear gas shells' are no shelling
    # event type or sub-type -> the code of a perpetrator not named (or named only as people: codes replaced)
    unnamed_codes: dict[str, int] = field(default_factory=dict)
    unnamed_replaces: frozenset[int] = frozenset()
    unnamed_except: frozenset[str] = frozenset()  # sub-types whose unnamed actor has no default
    # the cue classes a text holds a word of: the others' patterns need no scan (None: scan every pattern)
    cue_index: WordIndex | None = field(default=None, repr=False, compare=False)
    # text -> its cue classes: one noun's words and a sentence's text are read again and again (each of ~35
    # patterns scans the whole text), so the incident coding of a document repeats most searches
    _seen: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False, compare=False)
    # (text, kind, generic) -> inter code: an actor's mentions are read again for every incident of its document
    _inter_seen: dict[tuple[str, str | None, bool], int | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def classes_of(self, event_types: list[str]) -> set[str]:
        """The cue classes that events of these types tell by themselves ('held their weekly march': a protest,
        where the month-like word 'march' is no cue)."""
        return {c for t in event_types for c in self.event_classes.get(t, ())}

    def cues_in(self, text: str) -> set[str]:
        """The cue classes present in a text (a copy: callers may change it)."""
        found = self._seen.get(text)
        if found is None:
            if len(self._seen) > 20_000:  # a bound for long runs: texts seldom repeat across documents
                self._seen.clear()
            held = self.cue_index.holding(text) if self.cue_index is not None else None
            found = self._seen[text] = frozenset(
                n for n, pattern in self.cues.items() if (held is None or n in held) and pattern.search(text)
            )
        return set(found)

    def inter_of(self, text: str, kind: str | None, generic: bool = True) -> int | None:
        """ACLED inter code of an actor: from words of its mention first (a 'police' unit of a government is
        state forces, 'protesters' are 6), else from its kind; ``generic=False`` reads no generic word."""
        key = (text, kind, generic)
        if key not in self._inter_seen:
            if len(self._inter_seen) > 20_000:  # a bound for long runs, as for the cue classes
                self._inter_seen.clear()
            self._inter_seen[key] = self._inter_of(text, kind, generic)
        return self._inter_seen[key]

    def _inter_of(self, text: str, kind: str | None, generic: bool) -> int | None:
        known = self.kind_inter.get(kind or "")
        if generic and known is not None and _UNIDENTIFIED.match(text):
            known = None  # 'an unidentified armed group' names no group: ACLED's Unidentified Armed Group (3)
        for code, pattern, is_generic in self.word_inter:
            if is_generic and not generic:
                continue
            # a known kind of actor keeps its code unless the words say militia ("Popular Mobilization Forces")
            # or external force ("Wagner mercenaries")
            if (known is None or (code in {3, 4, 8} and not is_generic)) and pattern.search(text):
                if code in self.groups["civilian"] and (armed := self._armed_head(text)) is not None:
                    return armed  # "Kurdistan Workers' Party militants" are militants, not workers
                return code
        return known

    def former_code(self, text: str) -> int | None:
        """The code of a person the words say no longer holds their role: ACLED codes former combatants and
        retired officers as civilians ('a former rebel commander')."""
        return self.former[0] if self.former is not None and self.former[1].search(text) else None

    def _armed_head(self, text: str) -> int | None:
        """The inter code of an armed force the last word of ``text`` names ('militants'), if any."""
        last = text.split()[-1] if text.split() else ""
        return next((c for c, p, _ in self.word_inter if c in self.groups["armed"] and p.search(last)), None)

    def group(self, inter: int | None) -> str:
        return _group(inter, self.groups)

    def code(
        self,
        text: str,
        *,
        agent: int | None = None,
        victims: int | None = None,
        casualties: bool = False,
        happened: str | None = None,
    ) -> dict[str, Any] | None:
        """The first rule that fits the text's cues, the kinds of the actor and of the people hit, and whether
        people were killed or hurt. ``happened`` is the text less the words of events that did not happen: a cue
        of the doubt classes counts only when it is still there."""
        classes = self.classes(text, happened)
        return self.code_classes(classes, agent=agent, victims=victims, casualties=casualties)

    def classes(self, text: str, happened: str | None = None) -> set[str]:
        """The cue classes of a sentence's text that count (see :meth:`code`)."""
        cues = self.cues_in(text)
        if happened is not None:
            cues -= self.doubt_classes - self.cues_in(happened)
        return cues

    def code_classes(
        self,
        cues: set[str],
        *,
        agent: int | None = None,
        victims: int | None = None,
        casualties: bool = False,
    ) -> dict[str, Any] | None:
        """The first rule that fits a set of cue classes (see :meth:`code`)."""
        agent_group, victim_group = self.group(agent), self.group(victims)
        for rule in self.rules:
            if not cues & set(rule["any"]) or not set(rule.get("also", ())) <= cues:
                continue
            if cues & set(rule.get("none", ())):
                continue
            if "agent" in rule and not _fits(agent_group, rule["agent"]):
                continue
            if "victims" in rule and not _fits(victim_group, rule["victims"]):
                continue
            if "agent_inter" in rule and agent not in rule["agent_inter"]:
                continue
            if "victims_inter" in rule and victims not in rule["victims_inter"]:
                continue
            if "casualties" in rule and rule["casualties"] != casualties:
                continue
            return rule
        return None


def _fits(group: str, allowed: list[str]) -> bool:
    # state forces are armed: a rule for 'armed' actors also takes state forces
    return group in allowed or (group == "state" and "armed" in allowed)


@lru_cache(maxsize=8)
def load_rules(path: str | Path = "") -> CodingRules:
    """Load coding rules (default: the packaged ``kg/data/acled_rules.json``)."""
    data = json.loads(Path(path or RULES_PATH).read_text(encoding="utf-8"))
    inter = data["inter"]
    # more specific words first: external forces ('Wagner mercenaries') and protesters (6) before people (7),
    # ethnic militia (4) before militia (3), a named group before what it is ('Houthi gunmen', 'Houthi security
    # forces': 2), generic words before state forces ('gunmen ..., police said') and people ('armed men': 3)
    order = {8: 0, 6: 1, 5: 2, 4: 3, 3: 4, 2: 5, 1: 7, 7: 8}
    lists = [(int(c), ws, False) for c, ws in inter["words"].items()]
    lists += [(int(c), ws, True) for c, ws in inter.get("generic", {}).items()]
    lists.sort(key=lambda p: order[p[0]] if not p[2] else 6)
    words = tuple((code, _pattern(ws), generic) for code, ws, generic in lists)
    unnamed = inter.get("unnamed", {})
    return CodingRules(
        cues={name: _pattern(ws) for name, ws in data["cues"].items()},
        cue_index=WordIndex(data["cues"]),
        rules=tuple(data["rules"]),
        kind_inter=dict(inter["kinds"]),
        word_inter=words,
        unnamed_codes=dict(unnamed.get("codes", {})),
        unnamed_replaces=frozenset(unnamed.get("replaces", ())),
        unnamed_except=frozenset(unnamed.get("except", ())),
        groups={name: set(inter[name]) for name in ("armed", "civilian", "state")},
        former=(inter["former"]["code"], _pattern(inter["former"]["words"])) if "former" in inter else None,
        modifier_classes=frozenset(data.get("modifiers", {}).get("classes", ())),
        event_heads=frozenset(data.get("modifiers", {}).get("event_heads", ())),
        doubt_classes=frozenset(data.get("modifiers", {}).get("doubt_classes", ())),
        victim_events=frozenset(data.get("modifiers", {}).get("victim_events", ())),
        blame_events=frozenset(data.get("modifiers", {}).get("blame_events", ())),
        ended_by=frozenset(data.get("modifiers", {}).get("ended_by", ())),
        reasons_of=frozenset(data.get("modifiers", {}).get("reasons_of", ())),
        descriptions=frozenset(data.get("modifiers", {}).get("descriptions", ())),
        purposes=frozenset(data.get("modifiers", {}).get("purposes", ())),
        topics=frozenset(data.get("modifiers", {}).get("topics", ())),
        transitive=frozenset(data.get("modifiers", {}).get("transitive", ())),
        civil_only=frozenset(data.get("modifiers", {}).get("civil_only", ())),
        backing=frozenset(data.get("modifiers", {}).get("backing", ())),
        kin={t: f for t, f in data.get("kin", {}).items() if t != "about"},
        headline_kin={t: f for t, f in data.get("headline_kin", {}).items() if t != "about"},
        denials=frozenset(data.get("modifiers", {}).get("denials", ())),
        names=_pattern(data.get("modifiers", {}).get("names", []))
        if data.get("modifiers", {}).get("names")
        else None,
        event_classes={t: frozenset(cs) for t, cs in data.get("event_classes", {}).items() if t != "about"},
        munitions=_munitions(data.get("modifiers", {}).get("munitions")),
    )


def _munitions(entry: dict[str, list[str]] | None) -> re.Pattern[str] | None:
    """'tear gas shells', 'stun grenades': the weapon word (group ``word``) after a crowd-control kind."""
    if not entry:
        return None
    kinds = "|".join(re.escape(k) for k in sorted(entry["kinds"], key=len, reverse=True))
    words = "|".join(re.escape(w) for w in sorted(entry["words"], key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{kinds})[\s-]+(?P<word>{words})\b", re.IGNORECASE)
