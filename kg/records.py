"""Plain records: the only hand-off between spaCy extraction and RDF building.

Records never import spaCy or rdflib, so other extractors (a rules file, an LLM, a JSONL import) can emit the
same objects, and tests can build them by hand.

>>> m = Mention(doc_id="d1", start=0, end=4, text="ISIS")
>>> e = Entity(key="isis", label="Islamic State", kind="ArmedGroup", mentions=(m,))
>>> e.aliases
()
>>> to_json(e)["mentions"][0]["text"]
'ISIS'
>>> record = DocumentRecord("d1", "ISIS attacked.", entities=(e,))
>>> record_from_json(to_json(record)) == record
True
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from kg import __version__

EXTRACTOR_VERSION = __version__
DEFAULT_BASE_IRI = "https://w3id.org/newskg/id/"

# The typed vocabulary of the records; tests/test_records.py keeps it equal to ontologies/kg.ttl.
PlaceKind = Literal["Country", "AdministrativeRegion", "City", "Facility", "Region"]
ActorKind = Literal[
    "Person", "Government", "MilitaryOrganization", "ArmedGroup", "PoliticalParty", "InternationalOrganization",
    "NonGovernmentalOrganization", "MediaOrganization", "Company", "Country", "EthnoReligiousGroup", "Group",
    "Organization",
]  # fmt: skip
Certainty = Literal["asserted", "claimed", "denied", "hedged", "negated", "hypothetical", "planned"]
Qualifier = Literal["exact", "approximate", "lower_bound", "upper_bound", "vague"]
Status = Literal["done", "possible", "planned"]
Precision = Literal["day", "month", "year", "approximate"]

PLACE_KINDS: frozenset[str] = frozenset(get_args(PlaceKind))
ACTOR_KINDS: frozenset[str] = frozenset(get_args(ActorKind))
CERTAINTIES: tuple[str, ...] = get_args(Certainty)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
STATUSES: tuple[str, ...] = get_args(Status)
PRECISIONS: tuple[str, ...] = get_args(Precision)


def is_place(kind: str) -> bool:
    """Places are where events happen; a Country is both a place and an actor.

    >>> is_place("City"), is_place("Country"), is_place("Person")
    (True, True, False)
    """
    return kind in PLACE_KINDS


def is_actor(kind: str) -> bool:
    """Actors act; a Country is both.

    >>> is_actor("Country"), is_actor("City")
    (True, False)
    """
    return kind in ACTOR_KINDS


@dataclass(frozen=True)
class InputDocument:
    """One article to process; ``doc_id`` names its graph and IRIs."""

    doc_id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Mention:
    """A character span of one document: ``text == document_text[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str
    sentence: tuple[int, int] | None = None
    confidence: float = 0.8
    extractor: str = "kg_actors"


@dataclass(frozen=True)
class Entity:
    """An actor or place resolved to one canonical ``key`` (same key, same IRI, in every document)."""

    key: str
    label: str
    kind: str
    mentions: tuple[Mention, ...] = ()
    aliases: tuple[str, ...] = ()
    is_place: bool = False
    wikidata: str | None = None
    geonames: int | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    member_of: tuple[str, ...] = ()
    affiliated_with: tuple[str, ...] = ()
    part_of: tuple[str, ...] = ()
    located_in: tuple[str, ...] = ()
    government_of: str | None = None
    roles: tuple[str, ...] = ()
    local: bool = False  # a generic collective ("detainees") that means something only inside its document
    scoped: bool = False  # not linked to the gazetteer / GeoNames / Wikidata: its IRI is document-scoped


@dataclass(frozen=True)
class TimeValue:
    """A normalised date: ISO ``value`` at a ``precision``; ``inferred`` when the year or day was not stated."""

    value: str
    precision: str = "day"
    inferred: bool = False
    start: str | None = None
    end: str | None = None
    text: str = ""


@dataclass(frozen=True)
class Quantity:
    """A count with its unit, qualifier ("as many as" -> upper_bound) and status (done / possible / planned)."""

    value: float
    unit: str | None
    qualifier: str
    status: str
    mention: Mention
    measures: str | None = None


@dataclass(frozen=True)
class Event:
    """Who did what to whom: ``roles`` maps a role name (agent, target, theme, ...) to entity keys."""

    key: str
    type: str
    trigger: Mention
    mentions: tuple[Mention, ...] = ()  # the same event told again elsewhere in the document
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    date: TimeValue | None = None
    certainty: str = "asserted"
    polarity: str = "positive"
    quantities: tuple[Quantity, ...] = ()
    caused_by: tuple[str, ...] = ()
    instrument: str | None = None
    confidence: float = 0.7


@dataclass(frozen=True)
class Incident:
    """One reported happening, coded like an ACLED event: the mention-level ``events`` (keys) that describe it,
    one ACLED type and sub-type (with PLOVER / CAMEO), actor 1 / actor 2 (entity keys, with ACLED ``inter``
    codes), the date, the most specific place with its parents (``admin``: names, most specific first),
    fatalities and injured, certainty, confidence and the evidence sentences."""

    key: str
    event_type: str
    sub_event_type: str | None = None
    plover: str | None = None
    cameo: str | None = None
    events: tuple[str, ...] = ()
    actor1: tuple[str, ...] = ()
    actor2: tuple[str, ...] = ()
    assoc_actor1: tuple[str, ...] = ()
    inter1: int | None = None
    inter2: int | None = None
    date: TimeValue | None = None
    location: str | None = None
    place: str | None = None  # entity key of the location, when the actor layer resolved it
    admin: tuple[str, ...] = ()
    fatalities: int | None = None
    injured: int | None = None
    certainty: str = "asserted"
    confidence: float = 0.6
    evidence: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Claim:
    """Who says so: a speaker (and channel) asserting, claiming or denying the events or claims in ``content``."""

    key: str
    verb: str
    mention: Mention
    speaker: str | None = None
    channel: str | None = None
    content: tuple[str, ...] = ()
    about: tuple[str, ...] = ()
    certainty: str = "claimed"
    event_type: str = "Statement"
    date: TimeValue | None = None


@dataclass(frozen=True)
class DocumentRecord:
    """Everything extracted from one document, ready for :func:`kg.rdf.build.build_graph`."""

    doc_id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    cited_sources: tuple[str, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()
    incidents: tuple[Incident, ...] = ()


def to_json(record: Any) -> Any:
    """Turn a record (or nested records) into JSON-able dicts and lists."""
    if dataclasses.is_dataclass(record):
        return {f.name: to_json(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, dict):
        return {k: to_json(v) for k, v in record.items()}
    if isinstance(record, list | tuple):
        return [to_json(v) for v in record]
    return record


def _mention(data: dict[str, Any]) -> Mention:
    sentence = tuple(data["sentence"]) if data.get("sentence") else None
    return Mention(**{**data, "sentence": sentence})


def _time(data: dict[str, Any] | None) -> TimeValue | None:
    return TimeValue(**data) if data else None


def _tuples(data: dict[str, Any], *names: str) -> dict[str, Any]:
    return {**data, **{n: tuple(data[n]) for n in names if n in data}}


def record_from_json(data: dict[str, Any]) -> DocumentRecord:
    """Rebuild a :class:`DocumentRecord` from :func:`to_json` output (e.g. after crossing a process boundary)."""
    entity_lists = ("aliases", "member_of", "affiliated_with", "part_of", "located_in", "roles")
    entities = tuple(
        Entity(**{**_tuples(e, *entity_lists), "mentions": tuple(_mention(m) for m in e["mentions"])})
        for e in data["entities"]
    )
    events = tuple(
        Event(**{
            **_tuples(e, "caused_by"), "trigger": _mention(e["trigger"]),
            "mentions": tuple(_mention(m) for m in e["mentions"]),
            "roles": {role: tuple(keys) for role, keys in e["roles"].items()}, "date": _time(e["date"]),
            "quantities": tuple(Quantity(**{**q, "mention": _mention(q["mention"])}) for q in e["quantities"]),
        })
        for e in data["events"]
    )  # fmt: skip
    claims = tuple(
        Claim(
            **{**_tuples(c, "content", "about"), "mention": _mention(c["mention"]), "date": _time(c["date"])}
        )
        for c in data["claims"]
    )
    incident_lists = ("events", "actor1", "actor2", "assoc_actor1", "admin")
    incidents = tuple(
        Incident(**{**_tuples(i, *incident_lists), "date": _time(i["date"]),
                    "evidence": tuple(_mention(m) for m in i["evidence"])})
        for i in data.get("incidents", ())
    )  # fmt: skip
    return DocumentRecord(**{
        **_tuples(data, "cited_sources"), "entities": entities, "events": events, "claims": claims,
        "incidents": incidents,
        "sentences": tuple(tuple(s) for s in data["sentences"]),
    })  # fmt: skip
