"""Fatalities and injured stated in a sentence, and who they were ("killing two soldiers" -> 2, "soldiers").

>>> c = casualties("Gunmen attacked a post, killing two soldiers and wounding 5 civilians.")
>>> c.fatalities, c.injured, c.victims
(2, 5, 'soldiers civilians')
>>> casualties("At least 12 people were killed and dozens injured in the blast.").fatalities
12
>>> casualties("The strike left three children dead.").fatalities, casualties("No casualties were reported.").fatalities
(3, 0)
>>> casualties("At least 40 people were arrested and a journalist was injured.").injured  # 40 were arrested
1
>>> casualties("Shells hit the camp, killing 6 displaced people and injuring 14.").injured
14
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.language import NUMBER_WORDS

# Digits, the number words of kg.extract.language (longest first) and vague counts
_NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+|"
    + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True))
    + r"|a|an|dozens|scores|several)"
)
_QUAL = r"(?:(?:at least|about|around|some|nearly|almost|more than|over|up to|as many as|an estimated)\s+)?"
# a word that tells another fate: "40 people were arrested and a journalist was injured" counts no 40 injured
_NOT_FATE = r"(?!(?:arrested|detained|abducted|kidnapped|captured|missing|rescued|released)\b)"
_NOUN = rf"(?P<noun>(?:{_NOT_FATE}[a-z\-]+\s+){{0,2}}?{_NOT_FATE}[a-z\-]+?)"
_DEATH = (
    r"(?:killed|dead|died|deaths|fatalities|bodies|lives|slain|executed|massacred|shot dead|lost their lives)"
)
_HURT = r"(?:wounded|injured|hurt|injuries|wounds)"
_FORWARD = {
    "dead": re.compile(rf"\b(?:killing|killed|kills|leaving|left|claimed the lives of|executing|executed|"
                       rf"(?:shot|shooting|beat|beating|stabbed|stabbing|hacked|hacking) (?:dead|to death)|"
                       rf"(?:resulting in|leading to|led to|causing|caused) the deaths? of)\s+"
                       rf"{_QUAL}(?P<n>{_NUM})(?:\s+{_NOUN})?(?=[\s,.;]|$)", re.I),
    "hurt": re.compile(rf"\b(?:wounding|injuring|wounded|injured|hurting)\s+{_QUAL}(?P<n>{_NUM})(?:\s+{_NOUN})?"
                       rf"(?=[\s,.;]|$)", re.I),
}  # fmt: skip
_BACKWARD = {
    "dead": re.compile(rf"\b{_QUAL}(?P<n>{_NUM})\s+{_NOUN}\s+(?:(?!dead|killed|died|and\s+\d){_NOT_FATE}[a-z]+\s+){{0,3}}?(?:were|was|have been|had been|"
                       rf"are|lay|being)?\s*{_DEATH}\b", re.I),
    "hurt": re.compile(rf"\b{_QUAL}(?P<n>{_NUM})\s+(?:{_NOUN}\s+)?(?:(?!dead|killed|died|and\s+\d){_NOT_FATE}[a-z]+\s+){{0,3}}?(?:were|was|have been|"
                       rf"had been|are|being)?\s*{_HURT}\b", re.I),
}  # fmt: skip
_LEFT_DEAD = re.compile(rf"\bleft\s+{_QUAL}(?P<n>{_NUM})\s+{_NOUN}\s+dead\b", re.I)
_BARE = re.compile(
    rf"\b{_QUAL}(?P<n>{_NUM})\s+(?:fatalities|fatality|deaths)\b", re.I
)  # ACLED notes: "3 fatalities."
_TO_DEATH = re.compile(rf"\b(?:stabbed|stabbing|beat|beating|beaten|hacked|hacking|bludgeoned|burned|burnt|shot|"
                       rf"stoned|lynched)\s+{_QUAL}(?P<n>{_NUM})\s+{_NOUN}\s+to death\b", re.I)  # fmt: skip
# another count joined to the first: "killing a man and his two sons", "leaving four rebels and two soldiers
# dead", "one soldier was killed and two attackers died" (not "... and 3 others were wounded")
_KIN = r"(?:wife|husband|son|daughter|brother|sister|father|mother|child|cousin|nephew|driver|companion|bodyguard)"
_JOINED = re.compile(rf"(?:\s+[a-z\-]+){{0,3}}?\s*,?\s+and\s+(?:(?:his|her|their)\s+(?:{_KIN}\b(?P<kin>)|"
                     rf"{_QUAL}(?P<n>{_NUM})\b)|{_QUAL}(?P<m>{_NUM})\b(?:\s+of\s+(?:his|her|their|them)\b)?)"
                     rf"(?!(?:\s+[a-z\-]+){{0,2}}?\s+(?:(?:were|was|are|have|had)\s+(?:been\s+)?)?(?:wounded|"
                     rf"injured|hurt|arrested|detained|abducted|kidnapped|missing|rescued)\b)", re.I)  # fmt: skip
_AND = re.compile(r"\s*[,;]?\s*(?:and|while)\s+", re.I)
# a count that says why someone is sought or held, not who died in this event: "arrested a man accused of killing
# two soldiers", "a man suspected of ...", up to the end of its clause
_REASON = re.compile(r"\b(?:accused of|suspected of|on suspicion of|charged with|convicted of|wanted for|"
                     r"responsible for|in connection with|blamed for|over the killing|for the killing)\b[^;.]*",
                     re.I)  # fmt: skip
_NONE = re.compile(r"\b(no casualties|no (?:one|body) was (?:killed|hurt|injured)|without casualties|"
                   r"no deaths|no fatalities|causing no)\b", re.I)  # fmt: skip
_DEATH_NOUNS = {"dead", "deaths", "fatalities", "bodies", "lives", "killed", "people", "others", "more"}


@dataclass(frozen=True)
class Casualties:
    fatalities: int | None = None
    injured: int | None = None
    victims: str = ""  # the nouns counted ("soldiers civilians"), for the victims' actor type


def _value(text: str) -> int | None:
    low = text.lower().replace(",", "")
    if low.isdigit():
        return int(low)
    if low in {"a", "an"}:
        return 1
    if low in {"dozens", "scores"}:
        return 24
    if low == "several":
        return 3
    if low == "a dozen":
        return 12
    value = NUMBER_WORDS.get(low)
    return int(value) if value is not None else None


def casualties(text: str) -> Casualties:
    """Counts of dead and hurt stated in a sentence (the first of each)."""
    text = _REASON.sub(lambda m: " " * len(m[0]), text)  # same length: offsets stay
    found: dict[str, int] = {}
    nouns: list[str] = []
    for kind in ("dead", "hurt"):
        patterns = (
            [_LEFT_DEAD, _TO_DEATH, _FORWARD[kind], _BACKWARD[kind], _BARE]
            if kind == "dead"
            else [_FORWARD[kind], _BACKWARD[kind]]
        )
        for pattern in patterns:
            match = pattern.search(text)
            if match and (value := _value(match["n"])) is not None and not re.match(r"\d{4}$", match["n"]):
                backward = pattern if pattern is _BACKWARD[kind] else None
                found[kind] = value + _joined(text, match.end(), backward)
                noun = (match.groupdict().get("noun") or "").strip()
                if noun and noun.split()[-1].lower() not in _DEATH_NOUNS | {"were", "was"}:
                    nouns.append(noun)
                break
    if "dead" not in found and _NONE.search(text):
        found["dead"] = 0
    return Casualties(found.get("dead"), found.get("hurt"), " ".join(nouns))


def _joined(text: str, end: int, backward: re.Pattern[str] | None = None) -> int:
    """What counts joined to a count ending at ``end`` add: "... and his two sons" (a forward count), "... and two
    attackers died" (a ``backward`` pattern's clause).

    >>> _joined("killing a man and his two sons.", 13), _joined("killing a man and his wife", 13)
    (2, 1)
    >>> _joined("killing 12 people and 3 others were wounded", 17), _joined("left 11 dead and 30 injured", 12)
    (0, 0)
    """
    if backward is not None:
        link = _AND.match(text, end)
        more = backward.match(text, link.end()) if link else None
        return (_value(more["n"]) or 0) if more else 0
    more = _JOINED.match(text, end)
    if more is None:
        return 0
    if more["kin"] is not None:
        return 1
    return _value(more["n"] or more["m"]) or 0
