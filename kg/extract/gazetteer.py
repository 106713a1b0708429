"""Offline gazetteer of conflict-news actors and places, loaded from packaged JSONL data.

>>> gaz = Gazetteer.load()
>>> gaz.lookup("the SDF").key
'sdf'
>>> gaz.demonym_to_country("Iraqi").key
'iraq'
"""

from __future__ import annotations

import dataclasses
import functools
import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from spacy.util import registry

from kg.extract.aliases import is_acronym, normalize
from kg.extract.geonames import Place, PlaceIndex, match_key, name_key
from kg.extract.lexicon import word_set
from kg.records import ACTOR_KINDS, PLACE_KINDS

DATA_PATH = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "gazetteer.jsonl"

# every kind of the records but "Organization", the model's bare ORG guess, which no entry has
KINDS = tuple(sorted((ACTOR_KINDS | PLACE_KINDS) - {"Organization"}))
# Tie-break when one alias belongs to several entries (after "alias is the entry's label"):
# countries first ("Georgia"), then organised actors, then places from most to least specific.
_PRIORITY_ORDER = (
    "Country InternationalOrganization ArmedGroup MilitaryOrganization Government City AdministrativeRegion "
    "Facility Region NonGovernmentalOrganization MediaOrganization PoliticalParty EthnoReligiousGroup "
    "Company Group Person"
)
KIND_PRIORITY = {kind: rank for rank, kind in enumerate(_PRIORITY_ORDER.split())}


@dataclass(frozen=True)
class GazetteerEntry:
    """One actor or place; see docs for the meaning of each field."""

    key: str
    label: str
    kind: str
    aliases: tuple[str, ...]
    country: str | None = None
    capital_of: str | None = None
    seat_of: str | None = None  # de facto seat of an actor ("Sanaa" -> the Houthis), for metonymy
    government: str | None = None
    part_of: str | None = None
    located_in: str | None = None
    wikidata: str | None = None
    geonames: int | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    iso3: str | None = None
    demonym: str | None = None
    iso3166_2: str | None = None  # a first-level region's code: a GeoNames town's parent (see :meth:`region`)

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> GazetteerEntry:
        """Build an entry from a JSONL record, ignoring keys the dataclass does not know (e.g. sources).

        >>> GazetteerEntry.from_json({"key": "x", "label": "X", "kind": "City", "aliases": ["Ex"]}).aliases
        ('Ex',)
        """
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in record.items() if k in known}
        values["aliases"] = tuple(values.get("aliases", ()))
        return cls(**values)


def _rank(entry: GazetteerEntry, norm: str) -> tuple[int, int, str]:
    label_match = 0 if normalize(entry.label) == norm else 1
    return (label_match, KIND_PRIORITY.get(entry.kind, 99), entry.key)


class Gazetteer:
    """Alias index over gazetteer entries (see module docstring for an example)."""

    def __init__(self, entries: list[GazetteerEntry]) -> None:
        self._by_key = {e.key: e for e in entries}
        self._folded: dict[str, list[GazetteerEntry]] = {}
        self._exact: dict[str, list[GazetteerEntry]] = {}
        self._demonyms: dict[str, GazetteerEntry] = {}
        self._by_iso3 = {e.iso3: e for e in entries if e.iso3}
        self._by_region = {e.iso3166_2: e for e in entries if e.iso3166_2}
        for entry in entries:
            self._index(entry)
        for table in (self._folded, self._exact):
            for norm, hits in table.items():
                folded = norm.casefold()
                hits.sort(key=lambda e: _rank(e, folded))

    def _index(self, entry: GazetteerEntry) -> None:
        for alias in {entry.label, *entry.aliases}:
            if is_acronym(alias):
                forms = {normalize(alias, fold_case=False)}
                if alias.isupper() and len(alias) >= 4:
                    forms.add(normalize(alias.title(), fold_case=False))  # British "Nato"
                for form in forms:
                    self._add(self._exact, form, entry)
            else:
                self._add(self._folded, normalize(alias), entry)
        if entry.kind == "Country" and entry.demonym:
            self._demonyms.setdefault(normalize(entry.demonym), entry)

    @functools.cached_property
    def _place_keys(self) -> dict[str, list[GazetteerEntry]]:
        """Transliteration keys of the places (built on first use: loading stays fast)."""
        keys: dict[str, list[GazetteerEntry]] = {}
        for entry in self._by_key.values():
            if entry.kind in PLACE_KINDS and entry.kind != "Country":
                for alias in {entry.label, *entry.aliases}:
                    self._add(keys, match_key(alias), entry)
        return keys

    @staticmethod
    def _add(table: dict[str, list[GazetteerEntry]], norm: str, entry: GazetteerEntry) -> None:
        hits = table.setdefault(norm, [])
        if entry not in hits:
            hits.append(entry)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """Load a gazetteer JSONL file; the packaged data (path None) is loaded once and cached.

        >>> len(Gazetteer.load()) > 1000
        True
        """
        return _load_cached(str(path or DATA_PATH))

    def __len__(self) -> int:
        return len(self._by_key)

    def write_jsonl(self, path: str | Path) -> None:
        """Write the entries as JSONL, readable by :meth:`load` (a component's ``to_disk``)."""
        with open(path, "w", encoding="utf-8") as handle:
            for entry in self._by_key.values():
                record = {k: v for k, v in dataclasses.asdict(entry).items() if v is not None}
                handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")

    def get(self, key: str) -> GazetteerEntry | None:
        """Entry by key.

        >>> Gazetteer.load().get("usa").iso3
        'USA'
        """
        return self._by_key.get(key)

    def region(self, code: str) -> GazetteerEntry | None:
        """The first-level region of an ISO 3166-2 code: the gazetteer's own, else GeoNames' area.

        >>> Gazetteer.load().region("SY-HL").key, Gazetteer.load().region("DE-BY").key
        ('aleppo-governorate', 'iso-de-by')
        """
        if code in self._by_region:
            return self._by_region[code]
        area = PlaceIndex.load().area(code)
        return _from_place(area, self) if area is not None else None

    def parent_region(self, key: str | None) -> GazetteerEntry | None:
        """The region a place's ``located_in`` key names, also a GeoNames area ("iso-de-by") that has no entry.

        >>> Gazetteer.load().parent_region(Gazetteer.load().geocode("Manbij").located_in).label
        'Aleppo Governorate'
        """
        entry = self.get(key) if key else None
        if entry is None and key and key.startswith("iso-"):
            entry = self.region(key[4:].upper())
        return entry if entry is not None and entry.kind == "AdministrativeRegion" else None

    def lookup_all(self, surface: str) -> list[GazetteerEntry]:
        """All entries with an alias matching the surface, best first (ranking: KIND_PRIORITY).

        >>> [e.key for e in Gazetteer.load().lookup_all("Congo")][:2]
        ['drc', 'republic-of-the-congo']
        """
        exact = self._exact.get(normalize(surface, fold_case=False), [])
        folded = self._folded.get(normalize(surface), [])
        return list(dict.fromkeys([*exact, *folded]))

    def lookup(self, surface: str) -> GazetteerEntry | None:
        """Best entry for a surface form, or None.

        >>> Gazetteer.load().lookup("Daesh").key
        'islamic-state'
        """
        hits = self.lookup_all(surface)
        return hits[0] if hits else None

    def phrases(self) -> dict[str, str]:
        """Alias surface (original spelling) -> key of the best entry, for building matchers.

        >>> Gazetteer.load().phrases()["Syrian Democratic Forces"]
        'sdf'
        """
        surfaces: dict[str, str] = {}
        for entry in self._by_key.values():
            for alias in (entry.label, *entry.aliases):
                if alias not in surfaces:
                    best = self.lookup(alias)
                    surfaces[alias] = best.key if best else entry.key
        return surfaces

    def demonym_to_country(self, word: str) -> GazetteerEntry | None:
        """Country for a demonym or country name ("Iraqi", "American", "U.S.").

        >>> Gazetteer.load().demonym_to_country("American").key
        'usa'
        """
        hit = self._demonyms.get(normalize(word))
        if hit:
            return hit
        return next((e for e in self.lookup_all(word) if e.kind == "Country"), None)

    def country_by_iso3(self, iso3: str) -> GazetteerEntry | None:
        """Country entry by ISO 3166-1 alpha-3 code.

        >>> Gazetteer.load().country_by_iso3("SYR").key
        'syria'
        """
        return self._by_iso3.get(iso3)

    def government_of(self, country_key: str) -> GazetteerEntry | None:
        """Government entry of a country.

        >>> Gazetteer.load().government_of("syria").label
        'Syrian government'
        """
        country = self.get(country_key)
        return self.get(country.government) if country and country.government else None

    def geocode(self, name: str, countries: frozenset[str] | set[str] = frozenset()) -> GazetteerEntry | None:
        """A place for a name: gazetteer places (exact, then by transliteration key), then GeoNames places
        with 500+ inhabitants and admin-1 areas, those in the document's ``countries`` first.

        >>> gaz = Gazetteer.load()
        >>> gaz.geocode("Damascus").capital_of
        'syria'
        >>> gaz.geocode("Tell Tamer").label, gaz.geocode("Tell Tamer").country
        ('Tall Tamr', 'syria')
        >>> gaz.geocode("Tripoli", {"lebanon"}).country
        'lebanon'
        """
        places = [e for e in self.lookup_all(name) if e.kind in PLACE_KINDS]
        place = places[0] if places else None
        if place is not None and place.kind != "Country" and countries and place.country not in countries:
            # one name, regions of two countries ("Capital Governorate"): the document's own, as keys do below
            place = next((e for e in places if e.kind != "Country" and e.country in countries), place)
        compass = name.lower() in COMPASS_NAMES  # 'North' alone: a region of the text's countries or nothing
        if place is None:
            keyed = self._place_keys.get(name_key(name), [])
            place = next((e for e in keyed if not countries or e.country in countries), None)
        if place is not None and (not countries or place.country in countries or place.kind == "Country"):
            return place if not compass or place.country in countries else None
        hits = PlaceIndex.load().candidates(name, countries)
        if hits and (place is None or hits[0].country in countries):
            return _from_place(hits[0], self) if not compass or hits[0].country in countries else None
        return None if compass and place is not None and place.country not in countries else place


COMPASS_NAMES = word_set("places", "compass_names")


@functools.cache
def _load_cached(path: str) -> Gazetteer:
    with open(path, encoding="utf-8") as handle:
        return Gazetteer([GazetteerEntry.from_json(json.loads(line)) for line in handle if line.strip()])


def _from_place(place: Place, gazetteer: Gazetteer) -> GazetteerEntry:
    """A gazetteer entry for a GeoNames place; an admin area without a seat town takes its country's point."""
    country = gazetteer.get(place.country) if place.country else None
    lat, lon, precision = place.lat, place.lon, "city" if place.kind == "City" else "admin1"
    if lat is None and country is not None:
        lat, lon, precision = country.lat, country.lon, "country"
    key = f"geonames-{place.geonameid}" if place.geonameid else f"iso-{place.admin1.lower()}"
    # a town's parent is its region where the build linked GeoNames' admin1 code to one, else its country
    region = gazetteer._by_region.get(place.region)
    parent = region.key if region else f"iso-{place.region.lower()}" if place.region else None
    return GazetteerEntry(
        key=key, label=place.name, kind=place.kind, aliases=(), country=country.key if country else None,
        located_in=parent or (country.key if country else None), geonames=place.geonameid or None, lat=lat,
        lon=lon, precision=precision if lat is not None else None,
        iso3166_2=place.admin1 if place.kind != "City" else None,
    )  # fmt: skip


@registry.misc("kg.gazetteer.v1")
def gazetteer_v1(path: str = "") -> Gazetteer:
    """Registered gazetteer loader for spaCy configs: ``@misc = "kg.gazetteer.v1"`` (``path`` swaps the file).

    >>> registry.misc.get("kg.gazetteer.v1")().lookup("Daesh").key
    'islamic-state'
    """
    return Gazetteer.load(path or None)
