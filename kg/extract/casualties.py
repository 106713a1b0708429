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
>>> (c := casualties("Gunmen torched two buses; no one was hurt.")).fatalities, c.injured
(0, None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.asides import own_counts
from kg.extract.language import NUMBER_WORDS
from kg.extract.lexicon import word_list
from kg.extract.numerals import NUMERAL as _NUM
from kg.extract.numerals import numeral_value
from kg.extract.wordcheck import folded, holds, may_hold

# a count a killing verb can take as its object: "killing him", "killing both"
_OBJ = rf"(?:{_NUM}|himself|herself|him|her|both)"  # a bomber "killing himself and 3 soldiers" is one of the dead
_ALSO = re.compile(
    r"\b(?:" + "|".join(map(re.escape, word_list("casualties", "additional_words"))) + r")\b", re.I
)
_QUAL = r"(?:(?:at least|about|around|some|nearly|almost|more than|over|up to|as many as|an estimated)\s+)?"
# a word that tells another fate: "40 people were arrested and a journalist was injured" counts no 40 injured
_NOT_FATE = r"(?!(?:arrested|detained|abducted|kidnapped|captured|missing|rescued|released)\b)"
_NOUN = rf"(?P<noun>(?:{_NOT_FATE}[a-z\-]+\s+){{0,2}}?{_NOT_FATE}[a-z\-]+?)"
_AGE = r"(?:\d{1,3}-(?:year|month)s?-old\s+)?"  # "A 12-year-old boy was shot dead": one boy
_DEATH = r"(?:killed|dead|died|deaths|fatalities|bodies|lives|slain|executed|massacred|shot dead|lost their lives|neutrali[sz]ed)"  # fmt: skip
_HURT = r"(?:wounded|injured|hurt|injuries|wounds)"
# 'leaving N people' not dead: 'homeless', 'injured', 'without power'
_NOT_LEFT_ALIVE = r"(?!(?:(?!\b(?:dead|killed|and)\b)[^.,;]){0,40}?\b(?:homeless|injured|wounded|hurt|displaced|stranded|trapped|without|unharmed|unhurt)\b)"  # fmt: skip
_FORWARD = {
    "dead": re.compile(rf"\b(?:killing|killed|kills|(?:leaving|left){_NOT_LEFT_ALIVE}|claimed the lives of|executing|executed|"
                       rf"(?:lynched|lynching)(?:\s+and\s+[a-z]+)?|"
                       rf"(?:shot|shooting|beat|beating|stabbed|stabbing|hacked|hacking) (?:dead|to death)|"
                       rf"(?:resulting in|leading to|led to|causing|caused) the deaths? of)\s+"
                       rf"{_QUAL}(?P<n>{_OBJ})(?:\s+(?!and\b){_NOUN})?(?=[\s,.;]|$)", re.I),
    "hurt": re.compile(rf"\b(?:wounding|injuring|wounded|injured|hurting)\s+{_QUAL}(?P<n>{_NUM})(?:\s+{_NOUN})?"
                       rf"(?=[\s,.;]|$)", re.I),
}  # fmt: skip
_BACKWARD = {
    "dead": re.compile(rf"\b{_QUAL}(?P<n>{_NUM})\s+{_AGE}{_NOUN}\s+(?:(?!dead|killed|died|and\s+\d|least\b|{_NUM}\b){_NOT_FATE}[a-z]+\s+){{0,3}}?(?:were|was|have been|had been|"
                       rf"are|lay|being)?\s*{_DEATH}\b", re.I),
    "hurt": re.compile(rf"\b{_QUAL}(?P<n>{_NUM})\s+{_AGE}(?:{_NOUN}\s+)?(?:(?!dead|killed|died|and\s+\d|least\b|{_NUM}\b){_NOT_FATE}[a-z]+\s+){{0,3}}?(?:were|was|have been|"
                       rf"had been|are|being)?\s*{_HURT}\b", re.I),
}  # fmt: skip
_N_DEAD = re.compile(rf"\b{_QUAL}(?P<n>{_NUM})\s+dead\b", re.I)  # "reported at least six dead on both sides"
# 'leaving 11 people dead', not 'leaving 11 people homeless' or 'left 5 injured'
_LEFT_DEAD = re.compile(
    rf"\b(?:left|leaving)\s+{_QUAL}(?P<n>{_NUM})\s+(?:{_NOUN}\s+)?(?:dead|killed)\b", re.I
)
_BARE = re.compile(
    rf"\b{_QUAL}(?P<n>{_NUM})\s+(?:fatalities|fatality|deaths)\b|\bfatalities:\s*(?P<n2>\d+)\b", re.I
)  # ACLED notes: "3 fatalities.", "Fatalities: 3."
# two counts sharing the verb: "6 soldiers and 3 rebels were killed" (both sides)
_COORD = re.compile(
    rf"\b{_QUAL}(?P<n>{_NUM})\s+{_NOUN}\s*(?:,|,?\s+and)\s+{_QUAL}(?P<n2>{_NUM})\s+"
    rf"(?:[a-z\-]+\s+){{1,3}}?(?:(?:were|have been|had been|are)\s+(?:[a-z]+\s+)?)?{_DEATH}\b",
    re.I,
)
_NUMBERS = "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True)) + r"|\d"
# one person named by a definite noun: "The bomber was also killed", "shot dead the mukhtar of the town"
_THE_ONE = re.compile(r"\bthe\s+(?:[a-z\-]+\s+){0,2}?(?P<noun>[a-z\-]+)\s+(?:was|has been|had been)\s+(?:also\s+)?"
                      r"(?:killed|slain|executed|shot dead|neutrali[sz]ed)\b|\b(?:killing|killed|executing|executed|"
                      r"(?:shot|shooting|stabbed|stabbing) (?:dead|to death))\s+the\s+(?!(?:rest|remaining|other)\b)"
                      rf"(?:(?!(?:{_NUMBERS})\b)[a-z\-]+\s+){{0,2}}?(?P<noun2>(?![a-z\-]*(?:men|people|children|police|crew)\b)"
                      r"[a-z\-]*[a-rt-z\-])(?=\s*[,.;]|\s+(?:of|in|near|at|on|and|who|"
                      r"while|outside|inside|during|after|as|with|from)\b|$)", re.I)  # fmt: skip
_TO_DEATH = re.compile(rf"\b(?:stabbed|stabbing|beat|beating|beaten|hacked|hacking|bludgeoned|burned|burnt|shot|"
                       rf"stoned|lynched)\s+{_QUAL}(?P<n>{_NUM})\s+{_NOUN}\s+to death\b", re.I)  # fmt: skip
# another count joined to the first: "killing a man and his two sons", "leaving four rebels and two soldiers
# dead", "one soldier was killed and two attackers died" (not "... and 3 others were wounded")
_KIN = r"(?:wife|husband|son|daughter|brother|sister|father|mother|child|cousin|nephew|driver|companion|bodyguard)"
_JOINED = re.compile(rf"(?:\s+[a-z\-]+){{0,3}}?\s*,?\s+and\s+(?:(?:his|her|their)\s+(?:{_KIN}\b(?P<kin>)|"
                     rf"{_QUAL}(?P<n>{_NUM})\b)|{_QUAL}(?P<m>{_NUM})\b(?:\s+of\s+(?:his|her|their|them)\b)?)"
                     rf"(?!(?:\s+[a-z\-]+){{0,2}}?\s+(?:(?:were|was|are|have|had)\s+(?:been\s+)?)?(?:wounded|"
                     rf"injured|hurt|arrested|detained|abducted|kidnapped|missing|rescued)\b)", re.I)  # fmt: skip
# a number written out or in digits (not the article 'a', nor an age: '9-year-old'), as a later count between a
# count and its verb
_LATER_COUNT = re.compile(rf"\b(?:\d+|{_NUMBERS})\b(?!-)", re.I)
_JOINS = re.compile(r",|\band\b", re.I)
_AND = re.compile(r"\s*[,;]?\s*(?:and|while)\s+", re.I)
# casualties one side claims and the other denies are coded 0 (ACLED): "the army denied suffering any casualties",
# "... was also killed, which the army denied" (a count told as a denied claim)
_DENIED = re.compile(r"\bdenied\b[^.;]{0,30}\b(?:casualties|losses|deaths|fatalities)\b", re.I)
_DENIED_CLAIM = re.compile(
    r"\b(?:which|a claim|the claim)\b[^.;]{0,40}?\b(?:denied|rejected|dismissed)\b", re.I
)
_NO_ONE = re.compile(r"\bno one\b", re.I)
_SOME_NUMBER = re.compile(r"\ban?(?=\s+(?:[a-z]+\s+)?number\s+of\b)", re.I)  # 'an unknown number of': no 1
_NONE = re.compile(r"\b(no casualties|no ?(?:one|body) was (?:killed|hurt|injured)|without casualties|"
                   r"no deaths|no fatalities|causing no)\b", re.I)  # fmt: skip
_DEATH_NOUNS = {"dead", "deaths", "fatalities", "bodies", "lives", "killed", "people", "others", "more"}
# a victims' noun that tells no side: a second count of it may be the first told again
_NO_SIDE = _DEATH_NOUNS | {"them", "whom", "those", "persons", "person", "victims", "individuals", "was", "were"}  # fmt: skip
_ALL_SIDES = re.compile(r"[^.;,]{0,25}?\b(?:on|from|among) (?:both|all) sides\b|\s+in (?:total|all)\b", re.I)
_SUBSET = re.compile(r"\b(?:including|among|of them|of whom|of the dead|of those)\b", re.I)
_EARLIER_TIME = re.compile(r"\b(?:after|since|earlier|last|previous|ago|before)\b", re.I)


# a word every pattern above needs (each pattern's verb, death or hurt word, _NONE's and _DENIED's), case
# folded: a sentence with none of them counts nobody, and most sentences of a report have none, so one check
# spares the ~10 patterns' searches (several backtrack over every number of the sentence)
_FATE_WORDS = ("kill", "dead", "death", "died", "fatalit", "bodies", "lives", "slain", "execut", "massacr",
               "neutrali", "lynch", "leaving", "left", "claimed", "wound", "injur", "hurt", "casualt", "causing",
               "denied")  # fmt: skip
_ANY_FATE = re.compile("|".join(_FATE_WORDS), re.I)


@dataclass(frozen=True)
class Casualties:
    fatalities: int | None = None
    injured: int | None = None
    victims: str = ""  # the nouns counted ("soldiers civilians"), for the victims' actor type
    also: bool = False  # the dead are more than those an earlier sentence counted ("was also killed")


_NOBODY = Casualties()
# the words a pattern cannot match without (its death or hurt word; case folded, tested as substrings): a sentence
# that only kills skips the hurt patterns' scans, one that only wounds the death patterns'
_DEATH_WORDS = ("kill", "dead", "died", "death", "fatalit", "bodies", "lives", "slain", "execut", "massacr",
                "neutrali")  # fmt: skip
_HURT_WORDS = ("wound", "injur", "hurt")
_NEEDS = {
    _FORWARD["hurt"]: _HURT_WORDS,
    _BACKWARD["hurt"]: _HURT_WORDS,
    _BACKWARD["dead"]: _DEATH_WORDS,
    _COORD: _DEATH_WORDS,
    _BARE: ("fatalit", "death"),
    _TO_DEATH: ("death",),
    _LEFT_DEAD: ("dead",),
}


def _may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False when ``text`` lacks the word ``pattern`` needs (then no scan can match)."""
    needed = _NEEDS.get(pattern)
    return needed is None or may_hold(folded(text), needed)


def _search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.search(text)``, without the scan when ``text`` lacks the word the pattern needs; a count told
    backward is the nearest to its verb ('An official said five people were killed', 'a gunfight in which four
    soldiers were killed': five and four, not the article)."""
    match = pattern.search(text) if _may_match(pattern, text) else None
    while (
        match is not None
        and pattern in _BACKWARD.values()
        and _later_count(text[match.end("n") : match.end()])
    ):
        match = pattern.search(text, match.end("n"))
    return match


def _later_count(between: str) -> bool:
    """Whether another count stands between a count and its verb, not joined to it ('a man and his two sons',
    '3 soldiers, 2 policemen and a civilian' are one count)."""
    later = _LATER_COUNT.search(between)
    return later is not None and _JOINS.search(between, 0, later.start()) is None


def _count(match: re.Match[str]) -> int | None:
    """The count a death or injury pattern matched: its number, both numbers of a coordination, or 1 for "the
    bomber"."""
    groups = match.groupdict()
    numbers = [groups[g] for g in ("n", "n2") if groups.get(g)]
    if not numbers:
        return 1 if "n" not in groups else None
    if any(re.match(r"\d{4}$", n) for n in numbers):
        return None  # a year, not a count
    values = [numeral_value(n) for n in numbers]
    return None if None in values else sum(v for v in values if v is not None)


def _noun(match: re.Match[str]) -> str:
    return (match.groupdict().get("noun") or match.groupdict().get("noun2") or "").strip()


def casualties(text: str) -> Casualties:
    """Counts of dead and hurt stated in a sentence: the first count of each, the dead summed over the sides a
    sentence counts apart ("killing 5 soldiers; the army said 14 insurgents were killed")."""
    if not holds(text, _FATE_WORDS, _ANY_FATE):
        return _NOBODY
    # "no one was hurt": nobody, not one hurt (same length, so offsets stay)
    text = _SOME_NUMBER.sub(lambda m: " " * len(m[0]), _NO_ONE.sub("nobody", own_counts(text)))
    found: dict[str, int] = {}
    nouns: list[str] = []
    also = False
    for kind in ("dead", "hurt"):
        patterns = (
            [_LEFT_DEAD, _TO_DEATH, _FORWARD[kind], _COORD, _N_DEAD, _BACKWARD[kind], _BARE, _THE_ONE]
            if kind == "dead"
            else [_FORWARD[kind], _BACKWARD[kind]]
        )
        for pattern in patterns:
            match = _search(pattern, text)
            if match and (value := _count(match)) is not None:
                backward = pattern if pattern is _BACKWARD[kind] else None
                more, end = _joined(text, match.end(), backward)
                found[kind] = value + more
                noun = _noun(match)
                if noun and noun.split()[-1].lower() not in _DEATH_NOUNS | {"were", "was"}:
                    nouns.append(noun)
                if kind == "dead":
                    also = _ALSO.search(match[0]) is not None
                    found[kind] += _other_sides(text, match, end, patterns)
                break
    if "dead" not in found and _NONE.search(text):
        found["dead"] = 0
    if _DENIED.search(text) or ("dead" in found and _DENIED_CLAIM.search(text)):
        found["dead"], also = 0, False
    return Casualties(found.get("dead"), found.get("hurt"), " ".join(nouns), also)


def _other_sides(text: str, first: re.Match[str], end: int, patterns: list[re.Pattern[str]]) -> int:
    """The dead of other counts in the sentence that add to the ``first`` (which, with what joins it, ends at
    ``end``): a count of other people in another clause ("killing two soldiers; police said three attackers were
    also killed"), not a part of the first ("including 3 children") nor one told as earlier.

    >>> text = "killing 5 soldiers; the army said 14 insurgents were killed."
    >>> _other_sides(text, _FORWARD["dead"].search(text), 18, [_FORWARD["dead"], _BACKWARD["dead"]])
    14
    """
    if _ALL_SIDES.match(text, end):
        return 0  # "six dead on both sides": a total, which the other counts are part of
    spans = [(first.start(), end)]
    others: list[re.Match[str]] = []
    for pattern in patterns:
        if not _may_match(pattern, text):
            continue
        for match in pattern.finditer(text):
            if not any(s < match.end() and match.start() < e for s, e in spans):
                others.append(match)
                spans.append(match.span())
    head = _noun(first).split()[-1:] or [""]
    total = 0
    for match in sorted(others, key=lambda m: m.start()):
        between = text[min(end, match.end()) : max(first.start(), match.start())]
        if _SUBSET.search(match[0]) or _SUBSET.search(between) or _EARLIER_TIME.search(between):
            continue
        if not re.search(r"[;,.]|\b(?:while|and)\b", between):
            continue  # the same clause: one count
        other = _noun(match).split()[-1:] or [""]
        if _ALSO.search(match[0]) or _other_side(head[0], other[0]):
            total += _count(match) or 0
    return total


def _joined(text: str, end: int, backward: re.Pattern[str] | None = None) -> tuple[int, int]:
    """What counts joined to a count ending at ``end`` add, and where they end: "... and his two sons" (a forward
    count), "... and two attackers died" (a ``backward`` pattern's clause).

    >>> _joined("killing a man and his two sons.", 13), _joined("killing a man and his wife", 13)
    ((2, 25), (1, 26))
    >>> _joined("killing 12 people and 3 others were wounded", 17), _joined("left 11 dead and 30 injured", 12)
    ((0, 17), (0, 12))
    """
    if backward is not None:
        link = _AND.match(text, end)
        more = backward.match(text, link.end()) if link else None
        return ((numeral_value(more["n"]) or 0), more.end()) if more else (0, end)
    joined = _JOINED.match(text, end)
    if joined is None:
        return 0, end
    if joined["kin"] is not None:
        return 1, joined.end()
    return numeral_value(joined["n"] or joined["m"]) or 0, joined.end()


def more_dead(earlier: int | None, counts: Casualties, earlier_victims: str = "") -> int | None:
    """An incident's dead once a later sentence's ``counts`` are told: added when they are others ("One of the
    attackers was also killed"; the other side: "killing 2 soldiers" then "killed 3 militants", whose dead
    ``earlier_victims`` names), else the first count stands (a later count may tell the same dead again).

    >>> more_dead(2, casualties("The bomber was also killed.")), more_dead(2, casualties("Two soldiers died."))
    (3, 2)
    >>> more_dead(2, casualties("The army killed 3 militants."), "soldiers")
    5
    """
    if earlier and counts.fatalities and (counts.also or _other_side(earlier_victims, counts.victims)):
        return earlier + counts.fatalities
    return earlier or counts.fatalities


def _other_side(earlier: str, later: str) -> bool:
    """Whether two victims' nouns name different people ('soldiers', 'militants'), not 'people' or the same."""
    first, second = ({w.lower().rstrip("s") for w in text.split()} for text in (earlier, later))
    return bool(first and second) and not (first | second) & _NO_SIDE and not first & second
