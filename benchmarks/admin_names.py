"""Probe: what the gazetteer makes of first-level region names as ACLED reports spell them.

Run by hand: ``python benchmarks/admin_names.py [--data PATH] [--misses] [--json OUT]``. The list
(``benchmarks/data/admin_names.json``) gives per region its country, its ISO 3166-2 code (or a gazetteer key),
ACLED's spelling and common variants; the probe adds the country's unit word ("Sanliurfa Province") and the
Arabic article spelled "Al-", "Al " or left off ("Al Hudaydah", "Al-Hudaydah", "Hudaydah"). Each form goes through
:meth:`Gazetteer.geocode` twice, without context and with the region's country among the document's countries.

A form is *right* when it resolves to the region, or, for a form without the unit word, to a town of the region
named so (the gazetteer's rule: "Aleppo" is the city, "Aleppo Governorate" the region; "Urfa" is Sanliurfa). Towns: the
region's towns are *placed* when they resolve in the region's country and their GeoNames first-level area is the
one of the region's seat town, and *parented* when the gazetteer itself lists the region as their parent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract.gazetteer import DATA_PATH, Gazetteer, GazetteerEntry  # noqa: E402
from kg.extract.geonames import PlaceIndex, match_key  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "admin_names.json"
RIGHT = {"region", "seat town"}
_ARTICLE = re.compile(r"^(?:al|an|ar|as|ash|ad|az|at)[- ](?=\w)", re.I)


def variants(name: str, unit: str) -> list[str]:
    """The name, with the unit word, and with its Arabic article written the other ways or left off.

    >>> variants("Al Hudaydah", "Governorate")
    ['Al Hudaydah', 'Al Hudaydah Governorate', 'Al-Hudaydah', 'Hudaydah', 'Hudaydah Governorate']
    >>> variants("Sanliurfa", "Province")
    ['Sanliurfa', 'Sanliurfa Province']
    """
    with_unit = unit and not name.lower().endswith(unit.lower())  # no unit word: "West Bank" is one region
    forms = [name, f"{name} {unit}"] if with_unit else [name]
    if (article := _ARTICLE.match(name)) and " " in name:
        bare = name[article.end() :]
        other = article.group(0)[:-1] + ("-" if article.group(0)[-1] == " " else " ")
        forms += [other + bare, bare, *([f"{bare} {unit}"] if with_unit else [])]
    return list(dict.fromkeys(forms))


class Probe:
    """The gazetteer, its records' ISO codes and a GeoNames id -> first-level area table."""

    def __init__(self) -> None:
        self.gaz = Gazetteer.load()
        self.index = PlaceIndex.load()
        self.iso: dict[str, str] = {}  # gazetteer key -> ISO 3166-2 code
        for line in DATA_PATH.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("iso3166_2"):
                self.iso[record["key"]] = record["iso3166_2"]
        self.admin1: dict[int, str] = {}  # GeoNames id -> GeoNames admin1 code
        self.at: dict[tuple[str, float, float], str] = {}  # (country, lat, lon) -> admin1 of the town there
        self.area: dict[str, tuple[str, float, float]] = {}  # ISO code -> (country, seat point) of a region
        for number in range(len(self.index)):
            place = self.index.place(number)
            if place.kind == "City" and place.lat is not None and place.lon is not None:
                self.admin1[place.geonameid] = place.admin1
                self.at.setdefault((place.country, round(place.lat, 4), round(place.lon, 4)), place.admin1)
            elif place.kind != "City" and place.lat is not None and place.lon is not None:
                self.area[place.admin1] = (place.country, round(place.lat, 4), round(place.lon, 4))
        for key, code in self.iso.items():  # the gazetteer's own regions: their point, when it is a seat's
            entry = self.gaz.get(key)
            if entry and entry.precision == "admin1" and entry.lat is not None and entry.lon is not None:
                self.area[code] = (entry.country or "", round(entry.lat, 4), round(entry.lon, 4))

    def code(self, entry: GazetteerEntry) -> str:
        """ISO 3166-2 code of a region entry ("iso-tr-63" for GeoNames' own), else the entry's key."""
        if entry.key.startswith("iso-"):
            return entry.key[4:].upper()
        return self.iso.get(entry.key, entry.key)

    def verdict(
        self, form: str, entry: GazetteerEntry | None, country: str, region: str, unit: str, names: set[str]
    ) -> str:
        """region / seat town (right) or wrong country / other / none; ``names``: match keys of the region's
        spellings."""
        if entry is None:
            return "none"
        if self.code(entry) == region and entry.kind in ("AdministrativeRegion", "Region"):
            return "region"
        if entry.country != country:
            return "wrong country"
        bare = not (unit and form.lower().endswith(unit.lower())) and "province" not in form.lower()
        seat = self.at.get(self.area[region]) if region in self.area else None
        named = {match_key(entry.label), *map(match_key, entry.aliases)} & (names | {match_key(form)})
        inside = seat is not None and self.town_admin1(entry) == seat
        if bare and entry.kind == "City" and (named or inside):
            return "seat town"  # the region's namesake town, or the town the name means, inside the region
        return "other"

    def town_admin1(self, entry: GazetteerEntry) -> str | None:
        if entry.geonames:
            return self.admin1.get(entry.geonames)
        return None

    def ancestors(self, entry: GazetteerEntry) -> list[str]:
        out, seen = [], set()
        key = entry.located_in or entry.part_of
        while key and key not in seen:
            seen.add(key)
            out.append(key)
            parent = self.gaz.get(key)
            key = (parent.located_in or parent.part_of) if parent else None
        return out


def run(data: dict[str, Any], probe: Probe) -> dict[str, Any]:
    rows, counts = [], {"alone": Counter(), "with country": Counter()}
    by_name: dict[tuple[str, str], GazetteerEntry | None] = {}
    for country, region, acled, extra in data["regions"]:
        unit = data["units"][country]
        forms = list(dict.fromkeys([*variants(acled, unit), *extra]))
        names = {match_key(n) for n in (acled, *extra)}
        for form in forms:
            row = {"country": country, "region": region, "acled": acled, "form": form}
            for context, countries in (("alone", frozenset()), ("with country", frozenset({country}))):
                entry = probe.gaz.geocode(form, countries)
                verdict = probe.verdict(form, entry, country, region, unit, names)
                counts[context][verdict] += 1
                row[context] = verdict
                row[f"{context} entry"] = (entry.key, entry.kind, entry.country) if entry else None
            rows.append(row)
        best = probe.gaz.geocode(f"{acled} {unit}", frozenset({country}))
        by_name[(country, acled)] = best if best is not None and probe.code(best) == region else None
    towns, town_counts = [], Counter()
    for country, region_name, seat_name, names in data["towns"]:
        region = next((e for (c, a), e in by_name.items() if c == country and match_key(a) == match_key(region_name)), None)  # fmt: skip
        seat = probe.gaz.geocode(seat_name, frozenset({country}))
        seat_admin1 = probe.town_admin1(seat) if seat is not None and seat.country == country else None
        for name in names:
            entry = probe.gaz.geocode(name, frozenset({country}))
            ok_country = entry is not None and entry.country == country
            admin1 = probe.town_admin1(entry) if entry else None
            placed = ok_country and seat_admin1 is not None and admin1 == seat_admin1
            parented = entry is not None and region is not None and region.key in probe.ancestors(entry)
            town_counts.update(towns=1, country=ok_country, placed=placed, parented=parented)
            towns.append({"country": country, "region": region_name, "town": name, "right country": ok_country,
                          "placed": placed, "parented": parented, "entry": entry.key if entry else None,
                          "region key": region.key if region else None})  # fmt: skip
    return {"forms": len(rows), "counts": {k: dict(v) for k, v in counts.items()}, "towns": dict(town_counts),
            "rows": rows, "town rows": towns}  # fmt: skip


def right(counts: dict[str, int]) -> int:
    return sum(counts.get(verdict, 0) for verdict in RIGHT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--misses", action="store_true", help="print every form not resolved to its region")
    parser.add_argument("--json", type=Path, help="write the summary and every row here")
    args = parser.parse_args()
    result = run(json.loads(args.data.read_text(encoding="utf-8")), Probe())
    n = result["forms"]
    for context, counts in result["counts"].items():
        print(f"{context:>13}: {right(counts)}/{n} right ({counts})")
    by_country: dict[str, Counter[str]] = defaultdict(Counter)
    for row in result["rows"]:
        by_country[row["country"]].update(forms=1, right=row["alone"] in RIGHT)
    print("alone, by country:", {c: f"{v['right']}/{v['forms']}" for c, v in by_country.items()})
    print("towns:", result["towns"])
    if args.misses:
        for row in result["rows"]:
            if not {row["alone"], row["with country"]} <= RIGHT:
                print(f"  {row['country']:<12} {row['region']:<9} {row['form']!r:<34} alone={row['alone']} "
                      f"{row['alone entry']}  with={row['with country']} {row['with country entry']}")  # fmt: skip
        for town in result["town rows"]:
            if not town["placed"]:
                print(f"  town {town['country']:<12} {town['town']!r:<20} in {town['region']!r}: {town}")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
