"""What a sentence tells besides its own dead: blanked out (with spaces, so offsets stay) before
:mod:`kg.extract.casualties` counts.

>>> own_counts("Police arrested a man accused of killing two soldiers.").split()
['Police', 'arrested', 'a', 'man', '.']
>>> "migrants" in own_counts("Four people, including two migrants, were killed.")
False
"""

from __future__ import annotations

import re

# a count that says why someone is sought or held, not who died in this event: "arrested a man accused of killing
# two soldiers", "a man suspected of ...", up to the end of its clause
_REASON = re.compile(r"\b(?:accused of|suspected of|on suspicion of|charged with|convicted of|wanted for|"
                     r"responsible for|in connection with|blamed for|over the killing|for the killing)\b[^;.]*",
                     re.I)  # fmt: skip
# someone killed before, named to say who acts now: "relatives of a man killed in a feud blocked roads"
_EARLIER = re.compile(r"\b(?:relatives|family|families|funerals?|mourners|parents|widows?|killers?|murderers?)\s+"
                      r"of\s+(?:[\w\-']+\s+){1,4}?(?:killed|slain|shot dead)\b", re.I)  # fmt: skip
# another happening dated apart from this one: its dead are its own ('defused a bomb, days after a similar one killed
# a shepherd')
_DAYS_APART = re.compile(
    r",?\s*\b(?:(?:a|one|two|three|four|five|six|several|few|\d+)\s+)?(?:days?|weeks?|months?)\s+"
    r"(?:after|before)\b[^.;]*",
    re.I,
)
# the dead a grave holds died before it was found: "unearthed a mass grave with the remains of 12 people"
_GRAVE = re.compile(r"\b(?:mass\s+)?graves?\s+(?:containing|holding|with)\b[^.;]*", re.I)
# a subset told between a count and its verb: part of the count, not a count of its own
_ASIDE = re.compile(
    r",\s*(?:including|among them|among whom|most of them|all of them|mostly)\b[^,;.()]{1,80},", re.I
)


def own_counts(text: str) -> str:
    """The text less the reasons someone is held, the dead named to say who acts now, subsets told between a
    count and its verb, another happening dated days apart and the dead a grave holds, each replaced by as many
    spaces."""
    for pattern in (_REASON, _EARLIER, _ASIDE, _DAYS_APART, _GRAVE):
        text = pattern.sub(lambda m: " " * len(m[0]), text)
    return text
