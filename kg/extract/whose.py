"""Place mentions that say whose or which, not where: a place name or demonym in front of a noun for people ('an
Israeli civilian', 'the Caracas mayor', 'Phnom Penh troops', 'Syrian Kurds'), a people named by its demonym
('Israelis'), in front of a war it names ('the 1967 Mideast war',
'Syria's civil war'), or a demonym on any noun that is not a place ('the Turkish bombardment', 'Iraqi targets').
None of them is where an event happened. A place noun keeps its place ('in the Kenyan capital', 'Baghdad's
streets'), and so does an institution, which is a building as well ('near Pakistan's parliament').
"""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.lexicon import word_map, word_set

PLACE_NOUNS = set(word_map("places", "feature_kinds")) | word_set("places", "located_nouns")
NAMING_HEADS = word_set("places", "naming_heads")
PEOPLE_HEADS = (
    word_set("actors", "person_nouns")
    | word_set("actors", "role_nouns")
    | word_set("actors", "force_words")
    | word_set("actors", "group_force_nouns")
    | word_set("actors", "government_words")
    | word_set("actors", "topic_roles")
    | word_set("places", "people_heads")
)
_MODIFIER = {"amod", "compound", "nmod", "poss"}


def says_whose(place: Span) -> bool:
    """Whether a place mention only modifies a noun that is no place: whose people, which war.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("The Caracas mayor met an Israeli envoy in the Kenyan capital.")
    >>> says_whose(doc[1:2]), says_whose(doc[5:6]), says_whose(doc[9:10])
    (True, True, False)
    """
    root = place.root
    if root.ent_type_ == "NORP" and root.tag_ in {"NNS", "NNPS"}:
        return True  # 'shot at Israelis', 'captured two Germans': a people, not a place
    while root.dep_ == "conj" and root.head.i != root.i:  # 'Russian, Georgian and Ossetian troops'
        root = root.head
    if root.dep_ not in _MODIFIER or root.head.i == root.i or root.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    head = root.head
    words = {head.lower_, head.lemma_.lower()}
    if words & (NAMING_HEADS | PEOPLE_HEADS) or head.ent_type_ == "NORP":
        return True  # 'Syrian Kurds': which Kurds
    # both the model's NORP tag and the parser's ADJ: either alone errs ('Nabi Younis' is ADJ, 'Hodan' NORP)
    return root.ent_type_ == "NORP" and root.pos_ == "ADJ" and head.pos_ == "NOUN" and not words & PLACE_NOUNS
