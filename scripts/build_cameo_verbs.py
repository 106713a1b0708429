"""Build kg/data/cameo_verbs.json, a secondary verb lexicon, from PETRARCH2's CAMEO verb dictionary (MIT).

Run by hand (the output is committed): ``python scripts/build_cameo_verbs.py PATH/TO/CAMEO.2.0.txt``.

Each dictionary block is a head verb with a CAMEO code and its synonyms. A synonym takes the event type of its
head verb when kg/data/triggers.json already types that verb (KILL -> Killing, so MURDER, SLAY -> Killing);
otherwise the type its CAMEO code maps to. Statement codes (01x), blocks coded [---] and very common verbs are
left out; the primary lexicon in triggers.json always wins over this one.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "kg" / "data" / "cameo_verbs.json"
TRIGGERS = ROOT / "kg" / "data" / "triggers.json"

# Most specific CAMEO code prefix first.
CODE_TYPES = [
    ("057", "Agreement"), ("084", "Release"), ("0871", "Ceasefire"), ("0874", "Withdrawal"), ("112", "Accusation"),
    ("173", "Arrest"), ("181", "Abduction"), ("183", "Bombing"), ("186", "Killing"), ("191", "Coercion"),
    ("195", "Airstrike"), ("02", "Demand"), ("03", "Agreement"), ("04", "Consultation"), ("05", "Support"),
    ("06", "Cooperation"), ("07", "Aid"), ("08", "Concession"), ("09", "Investigation"), ("10", "Demand"),
    ("11", "Criticism"), ("12", "Rejection"), ("13", "Threat"), ("14", "Protest"), ("15", "Mobilization"),
    ("16", "Sanction"), ("17", "Coercion"), ("18", "Assault"), ("19", "Attack"), ("20", "Attack"),
]  # fmt: skip
# Verbs too common to mean an event on their own, and control verbs ("offered to", "prepared to", "swore to")
# that mark the intent of the event they govern instead of being events themselves.
STOP = set(
    [
        "be",
        "have",
        "do",
        "go",
        "come",
        "get",
        "make",
        "take",
        "put",
        "set",
        "see",
        "say",
        "tell",
        "use",
        "find",
        "know",
        "think",
        "call",
        "keep",
        "leave",
        "let",
        "begin",
        "seem",
        "help",
        "show",
        "hear",
        "control",  # a state ("X controls the area"), not an act
        "clear",  # "cleared of charges" and "cleared out the village" are opposite acts
        "play",
        "run",
        "live",
        "bring",
        "stand",
        "turn",
        "start",
        "open",
        "close",
        "end",
        "ask",
        "work",
        "lead",
        "follow",
        "change",
        "carry",
        "write",
        "allow",
        "add",
        "include",
        "continue",
        "pay",
        "reach",
        "remain",
        "build",
        "stay",
        "fall",
        "cut",
        "raise",
        "pass",
        "report",
        "decide",
        "pull",
        "expect",
        "hope",
        "become",
        "want",
        "need",
        "feel",
        "try",
        "mean",
        "look",
        "like",
        "talk",
        "hold",
        "move",
        "return",
        "receive",
        "send",
        "provide",
        "give",
        "offer",
        "meet",
        "order",
        "point",
        "consider",
        "note",
        "express",
        "act",
        "press",
        "push",
        "drive",
        "draw",
        "cover",
        "face",
        "form",
        "join",
        "mark",
        "place",
        "post",
        "rise",
        "serve",
        "sit",
        "speak",
        "spend",
        "stop",
        "suggest",
        "watch",
        "win",
        "agree",
        "accept",
        "deny",
        "state",
        "claim",
        "confirm",
        "announce",
        "declare",
        "reply",
        "respond",
        "answer",
        "comment",
        "urge",
        "warn",
        "describe",
        "insist",
        "acknowledge",
        "admit",
        "assert",
        "maintain",
        "prepare",
        "swear",
        "vow",
        "pledge",
        "promise",
        "intend",
        "plan",
        "seek",
        "propose",
        "threaten",
        "accord",
        "willing",
        "aim",
        "attempt",
        "arrive",
        "establish",
        "tell",
    ]
)
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_WORD = re.compile(r"^([A-Z][A-Z-]*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?")


def type_of_code(code: str) -> str | None:
    if not code or code.startswith("---") or code.startswith("01") or not code[:2].isdigit():
        return None
    return next((t for prefix, t in CODE_TYPES if code.startswith(prefix)), None)


def parse(text: str, known: dict[str, str]) -> dict[str, str]:
    """Synonym lemma -> event type."""
    lexicon: dict[str, str] = {}
    head_type: str | None = None
    for line in text.splitlines():
        header = _HEADER.match(line)
        if header:
            head = header.group(1).lower()
            head_type = known.get(head) or type_of_code(header.group(2).strip())
            continue
        word = _WORD.match(line)
        if not word or line.startswith(("-", "+", "#")):
            continue
        lemma = word.group(1).lower()
        override = word.group(4)
        kind = type_of_code(override.strip()) if override else head_type
        if kind and lemma not in STOP and lemma not in known and "_" not in lemma:
            lexicon.setdefault(lemma, kind)
    return lexicon


def main(path: str) -> None:
    triggers = json.loads(TRIGGERS.read_text(encoding="utf-8"))
    known = {v: t for t, spec in triggers["types"].items() for v in spec.get("verbs", [])}
    verbs = parse(Path(path).read_text(encoding="latin-1"), known)
    payload = {
        "about": "Secondary verb lexicon derived from the PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt, MIT, "
        "Open Event Data Alliance, github.com/openeventdata/petrarch2 commit 676801cd). Built by "
        "scripts/build_cameo_verbs.py; triggers.json wins where both type a verb.",
        "verbs": dict(sorted(verbs.items())),
    }
    OUT.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    counts: dict[str, int] = {}
    for kind in verbs.values():
        counts[kind] = counts.get(kind, 0) + 1
    print(len(verbs), "verbs", dict(sorted(counts.items())))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/petrarch2-dictionaries/CAMEO.2.0.txt")
