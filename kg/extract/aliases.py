"""Surface forms of names as the gazetteer matches them: normalised text, and which aliases are acronyms.

>>> normalize("the Syrian Democratic Forces'")
'syrian democratic forces'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({c: "'" for c in "\u2018\u2019\u02bc\u02bb`\u00b4\u2032"} | {'"': " "})
_DASHES = re.compile(r"[\u2010-\u2015\u2212\-_/]+")
_POSSESSIVE = re.compile(r"'s?$")


@lru_cache(maxsize=65536)  # names repeat within and across documents; the result depends on the text only
def normalize(surface: str, *, fold_case: bool = True) -> str:
    """Normalise a surface form for matching: ASCII-fold, unify quotes/dashes, drop dots and "the ".

    >>> normalize("The U.S.'s")
    'us'
    >>> normalize("Al\u2013Shabaab")
    'al shabaab'
    """
    text = _DASHES.sub("-", surface.translate(_QUOTES))  # before ASCII folding drops typographic marks
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.replace(".", "").strip()
    text = _POSSESSIVE.sub("", text)
    text = _DASHES.sub(" ", text.replace("'", ""))
    text = " ".join(text.split())
    if fold_case:
        text = text.casefold()
    return re.sub(r"^the ", "", text, flags=re.IGNORECASE)


def is_acronym(alias: str) -> bool:
    """Acronym-like aliases ("IS", "US", "DoD", "LeT") only match case-sensitively.

    >>> is_acronym("IS"), is_acronym("Hamas"), is_acronym("U.S.")
    (True, False, True)
    """
    compact = alias.replace(".", "")
    letters = [c for c in compact if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return " " not in compact and len(compact) <= 7 and upper >= 2 and upper * 2 >= len(letters)
