"""The GeoNames place index: transliteration-tolerant keys and ranking by the document's countries."""

from __future__ import annotations

import time

import pytest

from kg.extract.gazetteer import Gazetteer
from kg.extract.geonames import PlaceIndex, match_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tell Tamr", "Tal Tamr"),
        ("Deir ez-Zor", "Dayr al-Zor"),
        ("al-Hasakah", "Hassakeh"),
        ("Qamishliyah", "Qamishliya"),
        ("Ma'arrat al-Nu'man", "Maarrat an-Numan"),
        ("El Fasher", "al-Fasher"),
        ("Culiacán", "Culiacan"),
        ("Sheikh Zuweid", "Ash Shaykh Zuwayd"),
        ("Cheikh Miskin", "Shaykh Miskin"),
        ("Shaikh Hilal", "Sheikh Hilal"),
        ("As Suwayda", "Suwayda"),
        ("Ar Raqqah", "Raqqa"),
        ("Ad Dali", "al-Dali"),
        ("An Najaf", "Najaf"),
        ("Az Zawiyah", "Zawiya"),
        ("At Tall", "Tall"),
        ("Tal Ash Shayr", "Tal ash-Shayr"),
    ],
)
def test_transliterations_share_one_key(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Homs", "Hama"), ("Taiz", "Tiz"), ("Kyiv", "Kiev"), ("At Home", "Home"), ("An Island", "Island"),
     ("As Good", "Good"), ("Ad Hoc", "Hoc")],
)  # fmt: skip
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert match_key(a) != match_key(b)


@pytest.mark.parametrize(
    ("name", "countries", "country"),
    [("Tripoli", {"lebanon"}, "lebanon"), ("Tripoli", set(), "libya"), ("Tal Tamr", set(), "syria")],
)
def test_candidates_prefer_the_documents_countries(name: str, countries: set[str], country: str) -> None:
    assert PlaceIndex.load().candidates(name, countries)[0].country == country


def test_villages_unknown_to_the_curated_gazetteer_geocode_with_a_point() -> None:
    entry = Gazetteer.load().geocode("Tell Tamer", {"syria"})
    assert entry.kind == "City" and entry.geonames and entry.precision == "city"
    assert 36 < entry.lat < 37.5 and 40 < entry.lon < 41


def test_admin_areas_without_a_seat_town_take_their_countrys_point() -> None:
    gaz = Gazetteer.load()
    countries = [e for e in gaz._by_key.values() if e.kind == "Country"]
    assert all(e.lat is not None and e.precision == "country" for e in countries)
    admin = [e for e in gaz._by_key.values() if e.kind == "AdministrativeRegion"]
    assert all(e.lat is not None and e.precision in {"admin1", "country"} for e in admin)


def test_lookups_are_fast_enough_not_to_slow_extraction() -> None:
    index = PlaceIndex.load()
    names = ["Tal Tamr", "Duhok", "Menaka", "Culiacan", "El Fasher", "Nowhere Village"] * 500
    start = time.perf_counter()
    for name in names:
        index.candidates(name, {"syria"})
    per_lookup = (time.perf_counter() - start) / len(names)
    print(f"{per_lookup * 1e6:.0f} us per lookup over {len(index)} places")
    assert per_lookup < 0.001  # a 700-word article asks a few dozen: well under the model's own time


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_index_file_reads_the_same_whatever_its_newlines(tmp_path, newline: str) -> None:
    import gzip

    from kg.extract.geonames import _load

    rows = [
        "P\t1\tBirao\tcentral-african-republic\t\t10.28\t22.78\t10000\tCF-VK",
        "A\t2\tVakaga\t\t\t\t\t0\t",
    ]
    text = newline.join([*rows, "#keys", "birao\t0", "vakaga\t1"])
    path = tmp_path / f"index{len(newline)}.tsv.gz"
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    index = _load(str(path))
    assert len(index) == 2 and [p.name for p in index.candidates("Birao")] == ["Birao"]


@pytest.mark.parametrize("name", ["Tell Tamer", "Deir ez-Zor", "Culiacán", "al-Hasakah"])
def test_a_remembered_name_key_is_the_match_key(name: str) -> None:
    from kg.extract.geonames import name_key

    assert name_key(name) == match_key(name) == name_key(name)


@pytest.mark.parametrize(
    ("name", "country", "region"), [("Saraqib", "syria", "SY-ID"), ("Nawa", "syria", "SY-DR")]
)
def test_a_town_carries_its_linked_first_level_region(name: str, country: str, region: str) -> None:
    assert PlaceIndex.load().candidates(name, {country})[0].region == region


@pytest.mark.parametrize("code", ["SY-HL", "YE-TA", "DE-BY"])
def test_an_area_is_found_by_its_iso_code(code: str) -> None:
    area = PlaceIndex.load().area(code)
    assert area is not None and area.kind == "AdministrativeRegion" and area.admin1 == code
