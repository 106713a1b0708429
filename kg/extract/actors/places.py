"""Places the text itself marks as places, whatever the model's label, with the parents the text states.

"Kafr Nabudah village", "the town of Bor", "Sarmin (Idleb district, Idleb governorate)", "Tal Tamr, north-west of
Hasakah" make the name a place of the kind its feature word gives (village -> City, district -> AdministrativeRegion,
camp -> Facility); a bare name after "in" / "near" or a verb of taking or entering a place ("captured X",
"troops entered X") becomes a place only when GeoNames knows it (in the document's countries when it names any; after
"captured", only then, and not when the model calls the name a person). A place the gazetteer cannot link is document-local and takes the point of its
nearest stated parent, with that parent's precision. Phrases come from :mod:`kg.extract.toponyms`; this module
turns them into :class:`Found` mentions. It also drops what is never an actor (weapons, holidays, measures).

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_actors")
>>> doc = nlp("Shelling hit Kafr Nabudah village, north of Suqaylabiyah town.")
>>> [(f.span.text, f.kind, f.parents) for f in doc._.kg_mentions if f.span.text == "Kafr Nabudah"]
[('Kafr Nabudah', 'City', ('geonames-163921',))]
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from kg.extract.actors.namesakes import unmask
from kg.extract.actors.spans import inside
from kg.extract.candidates import sentence_phrases
from kg.extract.gazetteer import Gazetteer, GazetteerEntry
from kg.extract.lexicon import word_list, word_map, word_set
from kg.extract.state import Found, doc_text, slug
from kg.extract.toponyms import NAME, PREFIXES, PlacePhrase

FEATURE_KINDS: dict[str, str] = word_map("places", "feature_kinds")
LOCATIVE = word_set("places", "locative_prepositions")
PERSON_OR_PLACE = word_set("places", "person_or_place_verbs")
NON_ACTORS = word_set("places", "non_actors")
CALIBRE = [re.compile(p) for p in word_list("places", "calibre")]
# Kinds a model guess may have given a place name; gazetteer-known actors are never turned into places.
REPLACEABLE = {"Person", "Organization", "NonGovernmentalOrganization", "Group", "EthnoReligiousGroup",
               "PoliticalParty", "Company", "ArmedGroup", "MediaOrganization"}  # fmt: skip


_PLURALS = {"villages": "village", "towns": "town", "cities": "city", "districts": "district", "camps": "camp",
            "provinces": "province", "governorates": "governorate", "settlements": "settlement",
            "neighbourhoods": "neighbourhood", "neighborhoods": "neighborhood", "regions": "region"}  # fmt: skip
_PLURAL = "|".join(_PLURALS)
_SINGULAR = "village|town|city|district|camp|neighbou?rhood|suburb|settlement|hamlet"
_LIST = rf"(?P<names>{NAME}(?:\s*,\s*{NAME})*(?:,?\s+and\s+{NAME})?)"
# "the villages of X, Y and Z", "towns such as X and Y", "X and Y districts", "X, a small village near Y"
_LISTS = (
    re.compile(rf"\b(?P<feature>{_PLURAL})\s+(?:of|like|such as|including)\s+(?:the\s+)?{_LIST}"),
    re.compile(rf"{_LIST}\s+(?P<feature>{_PLURAL})\b"),
    re.compile(rf"(?P<names>{NAME}),\s+an?\s+(?:[a-z-]+\s+){{0,2}}?(?P<feature>{_SINGULAR})\b"),
)
# what a pattern cannot match without (the first begins with its plural word: it fails fast without one)
_LIST_NEEDS = {_LISTS[1]: re.compile(_PLURAL), _LISTS[2]: re.compile(r",\s+an?\s")}


_NOT_NAMES = {w.lower() for w in (*calendar.day_name, *calendar.month_name) if w} | {
    "the", "in", "at", "on", "and", "from", "near", "both", "several", "two", "three", "many", "some", "other"}  # fmt: skip


_QUALIFIERS = {"the", "northern", "southern", "eastern", "western", "central", "rural", "downtown", "north",
               "south", "east", "west", "northeastern", "northwestern", "southeastern", "southwestern"}  # fmt: skip


def list_phrases(text: str) -> list[PlacePhrase]:
    """Places named in lists and appositions that a single-name phrase misses.

    >>> [(p.name, p.feature) for p in list_phrases("Shells hit the villages of Tal Nasri, Umm Kaif and Dardara.")]
    [('Tal Nasri', 'village'), ('Umm Kaif', 'village'), ('Dardara', 'village')]
    >>> [p.name for p in list_phrases("Gunmen raided Gidan Sule, a small village near Kadarko.")]
    ['Gidan Sule']
    """
    out = []
    for pattern in _LISTS:
        if (need := _LIST_NEEDS.get(pattern)) is not None and need.search(text) is None:
            continue  # a scan from every capitalised word that cannot end in a match
        for match in pattern.finditer(text):
            feature = _PLURALS.get(match["feature"].lower(), match["feature"].lower())
            for name in re.finditer(NAME, match["names"]):
                words = name.group().split()
                while words and words[0].lower() in _NOT_NAMES:  # "In Sholgara", "On Sunday"
                    words = words[1:]
                if not words:
                    continue
                text_ = " ".join(words)
                start = match.start("names") + name.start() + name.group().index(text_)
                out.append(PlacePhrase(text_, start, start + len(text_), feature))
    return out


# "rebels captured X", "troops entered X", "marched through X": a bare name right after one of the locative words
# (prepositions and verbs of taking, entering or patrolling a place), kept only when GeoNames knows the name
_AFTER_LOCATIVE = re.compile(
    rf"\b(?i:{'|'.join(sorted((re.escape(w) for w in LOCATIVE), key=len, reverse=True))})\s+(?P<name>{NAME})"
)


def locative_names(text: str) -> list[PlacePhrase]:
    """Bare names right after a locative word, verbs of taking or entering a place included.

    >>> [p.name for p in locative_names("Rebels captured Birao and later stormed Ndele.")]
    ['Birao', 'Ndele']
    """
    out = []
    for match in _AFTER_LOCATIVE.finditer(text):
        words = match["name"].split()
        while words and words[0].lower() in _NOT_NAMES:
            words = words[1:]
        name = re.sub(r"['’]s$", "", " ".join(words))
        offset = match["name"].find(name) if name else -1
        if offset >= 0:  # not a name run over a line break or a doubled space
            start = match.start("name") + offset
            out.append(PlacePhrase(name, start, start + len(name)))
    return out


def is_non_actor(text: str) -> bool:
    """Weapons, holidays and measures that the model tags as names.

    >>> is_non_actor("RPG"), is_non_actor("12.7mm"), is_non_actor("Eid al-Adha"), is_non_actor("Hassan")
    (True, True, True, False)
    """
    low = re.sub(r"^(the|an?)\s+", "", text.strip(), flags=re.I).lower()
    return low in NON_ACTORS or any(p.match(text.strip()) for p in CALIBRE)


def _clash(phrase: PlacePhrase, others: list[PlacePhrase]) -> bool:
    return any(o.start < phrase.end and phrase.start < o.end for o in others)


def document_countries(found: list[Found]) -> set[str]:
    """Country keys the document's gazetteer mentions name or lie in."""
    out = set()
    for f in found:
        if f.entry is not None:
            out.add(f.entry.key if f.entry.kind == "Country" else f.entry.country or "")
    return out - {""}


def _overlapping(found: list[Found], span: Span) -> list[Found]:
    return [f for f in found if f.span.start < span.end and span.start < f.span.end and not f.secondary]


def _local_entry(key: str, name: str, kind: str, parent: Found | None) -> GazetteerEntry:
    """A document-local place: the point of its nearest stated parent, marked with that parent's precision."""
    point = parent.entry if parent is not None and parent.entry and parent.entry.lat is not None else None
    return GazetteerEntry(
        key=key, label=name, kind=kind, aliases=(), country=point.country if point else None,
        located_in=parent.key if parent else None, lat=point.lat if point else None,
        lon=point.lon if point else None, precision=point.precision if point else "unknown",
    )  # fmt: skip


def admin_area(name: str, town: GazetteerEntry) -> GazetteerEntry:
    """'Maqbanah district' when only the town of Maqbanah is known: a document-local admin area at the town's
    point (precision "city": the point is the town's), never the town itself.

    >>> town = GazetteerEntry("geonames-1", "Maqbanah", "City", (), country="yemen", lat=13.66, lon=43.69)
    >>> area = admin_area("Maqbanah district", town)
    >>> area.key, area.kind, area.located_in, area.lat
    ('maqbanah-district', 'AdministrativeRegion', 'yemen', 13.66)
    """
    label = re.sub(r"^(the)\s+", "", name, flags=re.I)
    return GazetteerEntry(
        key=slug(label), label=label, kind="AdministrativeRegion", aliases=(), country=town.country,
        located_in=town.country, lat=town.lat, lon=town.lon, precision="city" if town.lat is not None else None,
    )  # fmt: skip


class PlaceFinder:
    """Turns a document's place phrases into place mentions (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc, found: list[Found], skip: list[tuple[int, int]]) -> list[Found]:
        # a weapon or holiday name is neither actor nor place, also where a gazetteer lists a namesake village
        # ('Katyusha rockets', 'Grad rockets'); a country keeps its name
        found = [
            f
            for f in found
            if (f.entry is not None and f.entry.kind == "Country") or not is_non_actor(f.span.text)
        ]
        countries = document_countries(found)
        for sent in doc.sents if doc.has_annotation("SENT_START") else [doc[:]]:
            text = doc_text(doc)[sent.start_char : sent.end_char]  # Span.text joins every token again
            listed = list_phrases(text)  # a feature word beats a bare "of X" for the same name
            phrases = [p for p in sentence_phrases(sent) if p.feature or p.parents or not _clash(p, listed)]
            phrases += [p for p in listed if not _clash(p, phrases)]
            phrases += [p for p in locative_names(text) if not _clash(p, phrases)]
            for phrase in sorted(phrases, key=lambda p: -p.start):  # parents (later in the text) first
                found = self._place(doc, sent, phrase, found, countries, skip)
        found = unmask(found)  # 'a Shia neighbourhood', 'assailants shot Odeh': no towns
        return sorted(found, key=lambda f: f.span.start)

    def _geocode(self, name: str, countries: set[str], strong: bool) -> GazetteerEntry | None:
        entry = self.gazetteer.geocode(name, countries)
        if entry is None or entry.kind not in {*FEATURE_KINDS.values(), "Country"}:
            return None
        if countries and entry.country not in countries and entry.key not in countries:
            return None  # a namesake abroad: the text's own place stays local
        return entry

    def _place(self, doc: Doc, sent: Span, phrase: PlacePhrase, found: list[Found], countries: set[str],
               skip: list[tuple[int, int]]) -> list[Found]:  # fmt: skip
        span = doc.char_span(
            sent.start_char + phrase.start, sent.start_char + phrase.end, alignment_mode="expand"
        )
        if span is None or inside(span, skip):
            return found
        strong = bool(phrase.feature or phrase.parents)
        before = doc_text(doc)[max(sent.start_char, span.start_char - 24) : span.start_char].split()
        while before and before[-1].lower() in _QUALIFIERS:  # "in eastern Ghouta"
            before.pop()
        if not strong and (not before or before[-1].lower() not in LOCATIVE):
            return found
        over = _overlapping(found, span)
        if (
            not strong
            and before[-1].lower() in PERSON_OR_PLACE
            and (not countries or any(f.kind == "Person" for f in over))
        ):
            return found  # "police captured Smith": people are captured too; a place needs the text's country
        parents = self._parents(doc, sent, phrase, found)
        nearest = next((f for f in found if f.key in parents), None)
        whole = [f for f in over if f.span.start <= span.start and span.end <= f.span.end]
        if strong and not whole and all(f.is_place for f in over):
            found, over = [f for f in found if f not in over], []  # "Halab" inside "Kafr Halab village"
        if any(f.is_place for f in over):  # already a place: the text adds its parents (and kind, point)
            return [
                self._placed(f, phrase, parents, nearest) if f in over and f.is_place else f for f in found
            ]
        if any(f.entry is not None or f.kind not in REPLACEABLE for f in over):
            return found  # a known actor ("the SDF camp" is not the SDF)
        entry = self._geocode(phrase.name, countries, strong)
        if entry is None and not strong:
            return found
        # a name's own head ("Tal Tamr", "Wadi Barada") says less about its kind than the gazetteer does
        prefixed = phrase.feature in PREFIXES and entry is not None and entry.kind != "Country"
        kind = (
            (entry.kind if prefixed and entry is not None else None)
            or FEATURE_KINDS.get(phrase.feature)
            or (entry.kind if entry else "City")
        )
        if entry is not None and (entry.kind == "Country" or (phrase.feature and entry.kind != kind)):
            entry = None  # "Lebanon village" is not the country; a district is not its namesake town
        if entry is None:
            entry = _local_entry(slug(phrase.name), span.text, kind, nearest)
        place = Found(span, entry.key, entry.label, kind, entry, 0.75 if strong else 0.6, parents=parents)
        same = {f.key for f in over} | {place.key}
        # Other unknown mentions of the same name ("Tal Tamr" tagged PERSON elsewhere) are this place too.
        out = [f for f in found if f not in over]
        out = [
            Found(f.span, place.key, place.label, kind, entry, f.confidence)
            if f.entry is None and f.kind in REPLACEABLE and (f.key in same or f.span.text == span.text)
            else f
            for f in out
        ]
        return [*out, place]

    @staticmethod
    def _placed(f: Found, phrase: PlacePhrase, parents: tuple[str, ...], nearest: Found | None) -> Found:
        """A place the model or gazetteer already found: stated parents added; an unlinked one takes the kind
        its feature word gives and its parent's point."""
        home = nearest.key if nearest is not None and nearest.kind == "Country" else None
        home = home or (nearest.entry.country if nearest is not None and nearest.entry is not None else None)
        if f.entry is not None and (
            home is None or f.entry.country in (None, home) or f.entry.kind == "Country"
        ):
            return replace(f, parents=f.parents or parents)
        # unlinked, or the gazetteer's namesake in another country than the stated parent ('Ariha district,
        # Idleb governorate' is not the Ariha of Palestine): a local place inside that parent
        kind = FEATURE_KINDS.get(phrase.feature) or f.kind
        return replace(f, kind=kind, entry=_local_entry(f.key, f.label, kind, nearest), parents=parents)

    def _parents(self, doc: Doc, sent: Span, phrase: PlacePhrase, found: list[Found]) -> tuple[str, ...]:
        """Keys of the stated parents that the document mentions after the phrase, in the order stated."""
        keys = []
        start, text = sent.start_char + phrase.end, doc_text(doc)
        for name in phrase.parents:
            at = text.find(name, start, sent.end_char)
            if at < 0:
                continue
            start = at + len(name)
            hit = next((f for f in found if f.span.start_char <= at < f.span.end_char and f.is_place), None)
            if hit is not None and hit.key not in keys:
                keys.append(hit.key)
        return tuple(keys)
