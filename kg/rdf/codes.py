"""An event's codes in context: the ACLED, CAMEO and PLOVER codes an event mention carries given the incident it
is part of (the graph, ``kg events`` and the PLOVER scorer all read them from here).
"""

from __future__ import annotations

from kg.records import DocumentRecord, Incident

# ACLED codes incidents, so an event mention carries the ACLED codes of the incident it is part of. CAMEO tells
# unconventional violence (18x, PLOVER ASSAULT) from conventional force (19x, FIGHT) by the weapon, not by the verb:
# "killed in a car bomb" is a bombing (183), "killed by shelling" artillery (194), as PETRARCH2's own KILL patterns
# code them; an incident's weapon codes pass to its violent events.
VIOLENT = frozenset({"FIGHT", "ASSAULT"})
CIVILIANS = "Violence against civilians"  # the ACLED type of violence against people who do not fight back
WEAPON_CODES = (
    "183",
    "194",
    "195",
)  # bombing (and suicide / vehicle bombing), artillery and tanks, aerial weapons


def coded_in_context(mapping: dict[str, str], incident: dict[str, str | None] | None) -> dict[str, str]:
    """An event's codes given the incident it is part of (``incident``: its ``acled_event_type``,
    ``acled_sub_event_type``, ``plover`` and ``cameo``): the incident's ACLED type and sub-type; its CAMEO and
    PLOVER codes when the event is violent (FIGHT or ASSAULT) and the incident's code names a weapon (bombing,
    artillery, air strike); otherwise the codes of the event's type.

    >>> from kg.rdf.ontology import event_type_mappings
    >>> killing = event_type_mappings()["Killing"]
    >>> bombing = {"plover": "ASSAULT", "cameo": "1831", "acled_event_type": "Explosions/Remote violence"}
    >>> coded = coded_in_context(killing, bombing)
    >>> coded["cameo"], coded["acled_event_type"]
    ('1831', 'Explosions/Remote violence')
    >>> coded_in_context(killing, {"plover": "ASSAULT", "cameo": "180"})["cameo"]  # by its target, not a weapon
    '190'
    >>> coded_in_context(event_type_mappings()["Arrest"], {"plover": "ASSAULT", "cameo": "183"})["plover"]
    'COERCE'
    >>> civilians = {"plover": "ASSAULT", "cameo": "180", "acled_event_type": "Violence against civilians"}
    >>> coded_in_context(killing, civilians)["plover"], coded_in_context(killing, civilians)["cameo"]
    ('ASSAULT', '190')
    """
    if not incident:
        return mapping
    coded = dict(mapping)
    if incident.get("acled_event_type"):
        coded.pop("acled_sub_event_type", None)
        coded.update({k: v for k in ("acled_event_type", "acled_sub_event_type") if (v := incident.get(k))})
    if mapping.get("plover") in VIOLENT and (incident.get("cameo") or "").startswith(WEAPON_CODES):
        coded.update({k: v for k in ("plover", "cameo") if (v := incident.get(k))})
    elif (
        mapping.get("plover") in VIOLENT
        and incident.get("acled_event_type") == CIVILIANS
        and incident.get("plover")
    ):
        # PLOVER's ASSAULT is violence against people who do not fight back ("gunmen shot dead seven pilgrims");
        # the CAMEO code stays the act's (PETRARCH codes 'kill' 190 whoever is killed)
        coded["plover"] = str(incident["plover"])
    return coded


def incident_codes(incident: Incident) -> dict[str, str | None]:
    """The codes of an incident, as :func:`coded_in_context` reads them."""
    return {"acled_event_type": incident.event_type, "acled_sub_event_type": incident.sub_event_type,
            "plover": incident.plover, "cameo": incident.cameo}  # fmt: skip


def codes_by_event(record: DocumentRecord) -> dict[str, dict[str, str | None]]:
    """Event key -> the codes of the incident it is part of (events outside any incident are absent).

    >>> codes_by_event(DocumentRecord("d", "x", incidents=(Incident("i", "Battles", events=("e1",)),)))["e1"]
    {'acled_event_type': 'Battles', 'acled_sub_event_type': None, 'plover': None, 'cameo': None}
    """
    return {key: incident_codes(incident) for incident in record.incidents for key in incident.events}
