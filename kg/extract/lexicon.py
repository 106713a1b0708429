"""The event lexicon (trigger words, reporting verbs, generic groups) as data, registered with spaCy.

The default lives in ``kg/data/triggers.json``; a config can point ``kg_events`` at another file, and
``@misc = "kg.triggers.v1"`` resolves it by name.

>>> lex = load_lexicon()
>>> lex.type_of_lemma("clash", "NOUN"), lex.reporting["claim"], lex.group_label("prisoner")
('ArmedClash', 'claimed', 'detainees')
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Self

from spacy.util import registry

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "triggers.json"


@dataclass(frozen=True)
class Lexicon:
    """Lookup tables built from the JSON lexicon."""

    types: dict[str, dict[str, Any]]
    verbs: dict[str, str] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, str] = field(default_factory=dict)
    reporting: dict[str, str] = field(default_factory=dict)
    reporting_phrases: dict[str, str] = field(default_factory=dict)
    reporting_types: dict[str, str] = field(default_factory=dict)
    addressed_types: dict[str, str] = field(default_factory=dict)  # "warned Taiwan that ...": a threat
    deontic: frozenset[str] = frozenset()
    deontic_type: str = "Demand"
    groups: dict[str, str] = field(default_factory=dict)
    singular_people: frozenset[str] = frozenset()
    needs_object: frozenset[tuple[str, str]] = frozenset()
    object_nouns: frozenset[tuple[str, str]] = (
        frozenset()
    )  # things that count as a needs_object verb's object
    secondary: frozenset[str] = frozenset()  # verbs typed only by a secondary (CAMEO-derived) dictionary
    anaphora: frozenset[str] = frozenset()
    light_nouns: frozenset[str] = frozenset()
    support_object: frozenset[str] = frozenset()  # "launched an attack": the verb carries a noun's event
    support_subject: frozenset[str] = frozenset()  # "a car bomb detonated": the verb carries its subject's
    support_yield: frozenset[str] = (
        frozenset()
    )  # verb types that yield to the noun's ("IEDs destroyed a tank")
    passive_cause: frozenset[str] = frozenset()
    active_cause: frozenset[str] = frozenset()
    response: frozenset[str] = frozenset()
    version: str = "0"
    # What it was built from, so a pipeline can save it (to_disk) and load it without the original files.
    source: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    secondary_source: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def type_of_lemma(self, lemma: str, pos: str) -> str | None:
        """The event type a single word triggers, by part of speech (first type in file order wins)."""
        table = self.verbs if pos == "VERB" else self.nouns if pos in {"NOUN", "PROPN"} else {}
        return table.get(lemma.lower())

    def role_for(self, event_type: str, lemma: str, position: str) -> str:
        """The role of a verb's 'subject' or 'object' for this type and lemma (agent / target / theme ...)."""
        spec = self.types.get(event_type, {})
        override = spec.get("verb_roles", {}).get(lemma, {})
        default = "agent" if position == "subject" else "target"
        return override.get(f"{position}_role") or spec.get(f"{position}_role") or default

    def prep_roles(self, event_type: str) -> dict[str, str]:
        """Preposition -> role overrides for this type ('demanded X from Moscow': from -> target)."""
        return dict(self.types.get(event_type, {}).get("prep_roles", {}))

    def clause_subject_role(self, event_type: str) -> str | None:
        """Role of the subject of a complement clause ('demanded that Israel ...' -> target), if any."""
        return self.types.get(event_type, {}).get("clause_subject_role")

    def group_label(self, lemma: str) -> str | None:
        """Canonical label of a generic collective noun ('prisoner' -> 'detainees')."""
        return self.groups.get(lemma.lower())


def _first_wins(pairs: list[tuple[str, str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for word, value in pairs:
        table.setdefault(word.lower(), value)
    return table


def lexicon_from_dict(data: dict[str, Any], secondary_verbs: dict[str, str] | None = None) -> Lexicon:
    """Build a :class:`Lexicon` from the JSON structure of ``triggers.json`` (plus lower-priority verbs)."""
    types = data["types"]
    reporting = data.get("reporting", {})
    causal = data.get("causal", {})
    return Lexicon(
        types=types,
        verbs=_first_wins(
            [(w, t) for t, spec in types.items() for w in spec.get("verbs", [])]
            + list((secondary_verbs or {}).items())
        ),
        nouns=_first_wins([(w, t) for t, spec in types.items() for w in spec.get("nouns", [])]),
        phrases=_first_wins([(w, t) for t, spec in types.items() for w in spec.get("phrases", [])]),
        reporting=dict(reporting.get("verbs", {})),
        reporting_phrases=dict(reporting.get("phrases", {})),
        reporting_types=dict(reporting.get("types", {})),
        addressed_types=dict(reporting.get("addressed_types", {}).get("verbs", {})),
        deontic=frozenset(reporting.get("deontic", {}).get("modals", [])),
        deontic_type=reporting.get("deontic", {}).get("type", "Demand"),
        groups=dict(data.get("generic_groups", {}).get("nouns", {})),
        singular_people=frozenset(data.get("generic_groups", {}).get("singular", {}).get("nouns", [])),
        needs_object=frozenset((t, v) for t, spec in types.items() for v in spec.get("needs_object", [])),
        object_nouns=frozenset((t, n) for t, spec in types.items() for n in spec.get("object_nouns", [])),
        secondary=frozenset(
            set(secondary_verbs or {}) - {w.lower() for spec in types.values() for w in spec.get("verbs", [])}
        ),
        anaphora=frozenset(data.get("anaphora", {}).get("nouns", [])),
        light_nouns=frozenset(data.get("light_nouns", {}).get("nouns", [])),
        support_object=frozenset(data.get("support_verbs", {}).get("object", [])),
        support_subject=frozenset(data.get("support_verbs", {}).get("subject", [])),
        support_yield=frozenset(data.get("support_verbs", {}).get("yield", [])),
        passive_cause=frozenset(causal.get("passive_cause", [])),
        active_cause=frozenset(causal.get("active_cause", [])),
        response=frozenset(causal.get("response", [])),
        version=str(data.get("version", "0")),
        source=data,
        secondary_source=dict(secondary_verbs or {}),
    )


@cache
def load_lexicon(path: str = "") -> Lexicon:
    """Load the lexicon from ``path`` (default: the packaged ``triggers.json``)."""
    source = Path(path or DEFAULT_PATH)
    data = json.loads(source.read_text(encoding="utf-8"))
    secondary: dict[str, str] = {}
    for name in data.get("verb_dictionaries", []):  # e.g. the CAMEO-derived verbs, beside the main file
        extra = json.loads((source.parent / name).read_text(encoding="utf-8"))
        for verb, kind in extra["verbs"].items():
            secondary.setdefault(verb, kind)
    return lexicon_from_dict(data, secondary)


@registry.misc("kg.triggers.v1")
def triggers_v1(path: str = "") -> Lexicon:
    """Registered lexicon loader, usable from a spaCy config as ``@misc = "kg.triggers.v1"``.

    >>> from spacy.util import registry
    >>> registry.misc.get("kg.triggers.v1")().type_of_lemma("clash", "NOUN")
    'ArmedClash'
    """
    return load_lexicon(path)


def save_lexicon(lexicon: Lexicon, path: Path) -> None:
    """Write what ``lexicon`` was built from into one JSON file (a component's ``to_disk``)."""
    data = {"lexicon": lexicon.source, "secondary_verbs": lexicon.secondary_source}
    path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")


class SavesLexicon:
    """Mixin for components that use a :class:`Lexicon`: spaCy's ``to_disk``/``from_disk`` save and restore it,
    so ``spacy.load`` needs no other file. A component that derives state from it overrides ``_use``."""

    lexicon: Lexicon

    def _use(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        save_lexicon(self.lexicon, path / "lexicon.json")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Self:
        self._use(read_saved_lexicon(Path(path) / "lexicon.json"))
        return self


def read_saved_lexicon(path: Path) -> Lexicon:
    """Read a file written by :func:`save_lexicon` (a component's ``from_disk``)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return lexicon_from_dict(data["lexicon"], data["secondary_verbs"])


# -- open-class word lists (kg/data/lexicon/*.json): data, not code, so a new title or hedge is a data change ----
# NEWSKG_LEXICON_DIR points at another copy of the folder (read at import time, as the lists are module constants).
LEXICON_DIR = Path(
    os.environ.get("NEWSKG_LEXICON_DIR") or Path(__file__).resolve().parents[1] / "data" / "lexicon"
)


@cache
def _word_file(name: str) -> dict[str, Any]:
    return json.loads((LEXICON_DIR / f"{name}.json").read_text(encoding="utf-8"))


def _words(file: str, key: str) -> Any:
    try:
        return _word_file(file)[key]["words"]
    except KeyError:
        raise KeyError(f"kg/data/lexicon/{file}.json has no word list {key!r}") from None


def word_set(file: str, key: str) -> frozenset[str]:
    """An open-class word list as a set.

    >>> "colonel" in word_set("actors", "titles")
    True
    """
    return frozenset(_words(file, key))


def word_list(file: str, key: str) -> tuple[str, ...]:
    """An open-class word list in file order (order matters: first match wins)."""
    return tuple(_words(file, key))


def word_pairs(file: str, key: str) -> tuple[tuple[str, str], ...]:
    """Ordered ``[label, pattern]`` pairs, e.g. kind rules for unknown organisations."""
    return tuple((a, b) for a, b in _words(file, key))


def word_map(file: str, key: str) -> dict[str, Any]:
    """A word → value table, e.g. institution nouns → kinds."""
    return dict(_words(file, key))
