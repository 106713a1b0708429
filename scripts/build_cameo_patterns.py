"""Build kg/data/cameo_patterns.json, verb + object patterns from PETRARCH2's CAMEO verb dictionary (MIT).

Run by hand (the output is committed): ``python scripts/build_cameo_patterns.py PATH/TO/CAMEO.2.0.txt``.

A CAMEO verb block lists synonyms and patterns such as ``- * {DIPLOMATIC TIES} [054]`` ("establish diplomatic
ties": grant diplomatic recognition) or ``- * (FOR TALKS) [046]`` ("arrived for talks"). Only the two simplest
shapes are kept: the verb with its object (a word, a synonym set or a ``{...}`` phrase whose last word is the
object's head) and the verb with one prepositional phrase. Each pattern applies to every single-word verb of its
block, as in PETRARCH; its code maps to an event type as in ``build_cameo_verbs.py``, a statement (01x) or
``[---]`` to "none" (no event). The extractor uses a pattern for a verb triggers.json does not type (over its
cameo_verbs.json type) and for the object a 'needs_object' verb needs.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path

from build_cameo_verbs import type_of_code

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "kg" / "data" / "cameo_patterns.json"
DATA = ROOT / "kg" / "data"

_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_MEMBER = re.compile(r"^([A-Z][A-Z-]*)_?\s*(\{[^}]*\})?\s*(\[[^\]]*\])?\s*(#.*)?$")
_OBJECT = re.compile(r"^- \* ([A-Z&{][A-Z_&{} '-]*?)\s*\[([^\]]*)\]")
_PREP = re.compile(r"^- \* \(([A-Z]+) ([A-Z_&'-]+)\)\s*\[([^\]]*)\]")
NONE = "none"
MAX_FORMS = 12  # a large synonym set (weapons, currencies) or a product of sets is too loose to keep


def synsets(text: str) -> dict[str, list[str]]:
    """'&ASYLUM' -> ['asylum', 'refuge', ...]: single words only, lower case."""
    sets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("&"):
            current = sets.setdefault(line.split()[0], [])
        elif line.startswith("+") and current is not None:
            word = line[1:].split()[0].strip("_").lower() if line[1:].split() else ""
            if word and "_" not in word:
                current.append(word)
        elif not line.strip():
            current = None
    return sets


def words(token: str, sets: dict[str, list[str]]) -> list[str]:
    token = token.strip("_")
    if token.startswith("&"):
        return sets.get(token, [])
    return [token.lower()] if token and "_" not in token else []


def phrases(obj: str, sets: dict[str, list[str]]) -> list[str]:
    """'{DIPLOMATIC TIES}' -> ['diplomatic ties']; '&ASYLUM' -> ['asylum', 'refuge', ...]."""
    if obj.count("{") > 1 or obj.count("}") > 1:
        return []  # nested groups: not a plain phrase
    parts = [words(p, sets) for p in obj.strip("{}").split()]
    if (
        not parts
        or any(not p for p in parts)
        or len(list(itertools.islice(itertools.product(*parts), MAX_FORMS + 1))) > MAX_FORMS
    ):
        return []
    return [" ".join(p) for p in itertools.product(*parts)]


def code_type(code: str) -> str | None:
    """The event type of a pattern's code; 'none' for a statement (01x) or no event ([---]), which PETRARCH codes
    instead of the verb's own code ('issued a statement' is no aid)."""
    code = code.split(":")[0].strip()
    if code.startswith(("---", "01")):
        return NONE
    return type_of_code(code) if code else None


def parse(text: str) -> dict[str, dict[str, str]]:
    """Verb lemma -> {object phrase or 'prep word' -> event type}."""
    sets = synsets(text)
    table: dict[str, dict[str, str]] = {}
    verbs: list[str] = []
    patterns: dict[str, str] = {}

    def close() -> None:
        for verb in verbs:
            for key, kind in patterns.items():
                table.setdefault(verb, {}).setdefault(key, kind)

    for line in text.split("####### VERB PATTERNS #######", 1)[-1].splitlines():
        if _HEADER.match(line):
            close()
            verbs, patterns = [], {}
        elif (obj := _OBJECT.match(line)) and (kind := code_type(obj.group(2))):
            for phrase in phrases(obj.group(1), sets):
                patterns.setdefault(phrase, kind)
        elif (prep := _PREP.match(line)) and (kind := code_type(prep.group(3))):
            for word in words(prep.group(2), sets):
                patterns.setdefault(f"({prep.group(1).lower()} {word})", kind)
        elif (member := _MEMBER.match(line)) and not line.startswith(("-", "+", "#")):
            verbs.append(member.group(1).lower())
    close()
    return {verb: dict(sorted(p.items())) for verb, p in sorted(table.items()) if p}


def typed_verbs() -> set[str]:
    """Verbs triggers.json types, whose patterns would never be used; a verb that is an event only with the right
    object ('needs_object': 'provided aerial photographs') keeps them, and so does a verb of cameo_verbs.json, whose
    pattern is more specific than its block's code (as in PETRARCH)."""
    triggers = json.loads((DATA / "triggers.json").read_text(encoding="utf-8"))
    typed = {v for spec in triggers["types"].values() for v in spec.get("verbs", [])}
    return typed - {v for spec in triggers["types"].values() for v in spec.get("needs_object", [])}


def main(path: str) -> None:
    typed = typed_verbs()
    table = {v: p for v, p in parse(Path(path).read_text(encoding="latin-1")).items() if v not in typed}
    payload = {
        "about": "Verb + object and verb + prepositional-phrase patterns from the PETRARCH2 CAMEO verb dictionary "
        "(CAMEO.2.0.txt, MIT, Open Event Data Alliance, github.com/openeventdata/petrarch2 commit 676801cd), each "
        "with its event type: 'establish' + 'diplomatic ties' is Support (CAMEO 054). A key in parentheses is "
        "'(preposition object)'; in a phrase the last word is the object's head and the others its modifiers; 'none' "
        "(a statement, CAMEO 01x, or no event) cancels the verb's own type. "
        "Built by scripts/build_cameo_patterns.py; used for verbs that triggers.json leaves untyped (over a "
        "cameo_verbs.json type), and for the object a 'needs_object' verb needs.",
        "patterns": table,
    }
    # one verb a line: diffs stay readable, the file stays small
    lines = [
        f" {json.dumps(verb)}: {json.dumps(patterns, separators=(',', ':'))}"
        for verb, patterns in table.items()
    ]
    head = json.dumps({"about": payload["about"]}, indent=1)[:-2]
    OUT.write_text(head + ',\n "patterns": {\n' + ",\n".join(lines) + "\n }\n}\n", encoding="utf-8")
    print(len(table), "verbs", sum(len(p) for p in table.values()), "patterns")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/petrarch2-dictionaries/CAMEO.2.0.txt")
