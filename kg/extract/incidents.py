"""The incident layer: one :class:`kg.records.Incident` per reported happening, coded like ACLED.

Mention-level events stay as they are; an incident groups the events of the sentence that reports a happening
(and of follow-up sentences that only add to it: "The attack was claimed by ..."), and codes it from context
(:mod:`kg.extract.coding`, rules in ``kg/data/acled_rules.json``): type and sub-type from the weapon and from who
acts on whom, actor 1 / actor 2 with ACLED inter codes, the date the sentence or an earlier one states (who acts
and the date are read in :mod:`kg.extract.clauses`), the most specific place with its parents
(:mod:`kg.extract.incident_places`), fatalities and injured (:mod:`kg.extract.casualties`).

>>> from kg.extract.pipeline import load_pipeline
>>> nlp = load_pipeline()
>>> doc = nlp.make_doc("On 12 May 2023, gunmen attacked an army post near Kafr Nabudah village, killing two soldiers.")
>>> doc._.kg_date = "2023-05-14"
>>> [(i.event_type, i.date.value, i.location, i.fatalities) for i in nlp(doc)._.kg_record_incidents]  # doctest: +SKIP
[('Battles', '2023-05-12', 'Kafr Nabudah', 2)]
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re

from spacy.tokens import Doc, Span

from kg.extract import grouping, incident_actors
from kg.extract.actor_types import actor1_inter, crowd_roles, document_country, entity_inter, taken_over
from kg.extract.attribution import attribution_cues, blamed_for
from kg.extract.background import answered
from kg.extract.candidates import MentionIndex, Places
from kg.extract.casualties import casualties, more_dead
from kg.extract.clauses import GENERIC_PEOPLE, actor_verb, kin_text, object_text, sentence_date, subject_text
from kg.extract.coding import load_rules
from kg.extract.cues import DOUBTFUL, cue_text, denied
from kg.extract.grouping import generic, recode, refine, restated_date, same_event, same_happening, told_in
from kg.extract.incident_actors import actors_in, describes, inter_of_keys, people_code, subject_actors
from kg.extract.incident_places import drop_background, drop_told, gazetteer_admin, incident_place
from kg.extract.newstime import background, news_time
from kg.extract.state import doc_text
from kg.extract.summaries import recalled
from kg.records import Entity, Event, Incident, Mention, TimeValue

CARRIED = {"day", "approximate", "month"}  # dates that carry on to the next sentences of a report
_BACK_REFERENCE = re.compile(
    r"^\s*(?:the|this|that|these|it|they)\s+(?:\w+\s+){0,2}?"
    r"(?:attack|assault|strike|blast|explosion|clash|fighting|raid|ambush|incident|bombing|shelling|violence|"
    r"protest|demonstration|rally|operation|was|were|also|later)",
    re.IGNORECASE,
)
_FATE_WORDS = re.compile(r"\b(?:killed|killing|died|dead|wounded|injured|hurt)\b", re.I)
_SAME_DAY = re.compile(r"\b(same day|hours later|later that day|that (?:night|evening|morning|afternoon)|"
                       r"earlier that day|meanwhile|simultaneously)\b", re.I)  # fmt: skip


def _key(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{doc_id}|{start}|{end}|incident".encode()).hexdigest()[:12]


def _code(rule: dict) -> tuple[str, str | None] | int:
    """What two rules must share for a sentence to add to the last incident: the sub-event type ('2 rebels were
    killed' after 'rebels and troops clashed': both armed clashes), but the very rule for the catch-all 'Other'
    (a prison break and a transfer of detainees are two)."""
    sub = rule.get("sub_event_type")
    return id(rule) if sub in {None, "Other"} else (rule["event_type"], sub)


def find_incidents(doc: Doc, doc_id: str, events: list[Event], entities: list[Entity]) -> list[Incident]:
    """Group a processed document's events into incidents and code each one (see the module docstring)."""
    rules = load_rules()
    by_key = {e.key: e for e in entities}
    labels = {e.key: e.label for e in entities}
    skipped = [(s, e) for s, e, _ in (doc._.kg_regions or [])]
    doc_date = doc._.kg_date
    now = news_time((e.date for e in events), doc_date)
    incidents: list[dict] = []
    last_date: TimeValue | None = None
    told_before: TimeValue | None = None  # an earlier paragraph's last date: 'A day later' counts from it
    previous_end = paragraph = 0
    mention_index = MentionIndex(entities)
    # the reporting verbs of this pipeline's lexicon, as the claims component found them (not the default lexicon's)
    reporting = frozenset(t.i for claim in doc._.kg_claims or [] for t in claim.verb)
    told = sorted((m.start, e.key) for e in events for m in (e.trigger, *e.mentions))
    text = doc_text(doc)  # Doc.text joins every token again on each call
    for sent in doc.sents:
        sent_text = text[sent.start_char : sent.end_char]  # Span.text joins every token again on each call
        if "\n" in text[previous_end : sent.start_char]:
            told_before, last_date = last_date or told_before, None  # that date dates nothing here
            paragraph += 1
        previous_end = sent.start_char + len(sent_text.rstrip())
        if any(s <= sent.start_char < e for s, e in skipped) or not sent_text.strip():
            continue
        own_date = sentence_date(sent, sent_text, doc_date, last_date or told_before, reporting)
        same_day = _SAME_DAY.search(sent_text) if own_date is None and last_date is not None else None
        if same_day is not None and last_date is not None:
            own_date = dataclasses.replace(last_date, text=same_day[0])  # this sentence's words date it
        inside = answered(sent, [e for e in events if sent.start_char <= e.trigger.start < sent.end_char])
        counts = casualties(
            kin_text(sent, sent_text)
        )  # not the death that kin protest ('relatives of a man who died')
        acting = actor_verb(sent, inside, reporting)  # once for the subject and the object
        subject = subject_text(sent, inside, reporting, acting)
        # who acts is told in a main clause: 'rebels that killed nine fighters' and 'forces backed by militias'
        # describe an actor, they do not make the rebels or the militias actor 1
        # and who blames or accuses someone of an attack did not carry it out ('the ministry blamed the PKK')
        main = [e for e in inside if not describes(sent.doc, e) and e.type not in rules.blame_events]
        # the people hit are the targets of acts of force ('accusing him of cooperating with the army': not the army)
        acts = [e for e in inside if e.type in rules.victim_events]
        agent_keys, target_keys = actors_in(main, ("agent",)), actors_in(acts or inside, ("target", "theme"))
        if not target_keys and len(agent_keys) > 1:  # "clashes between X and Y": actor 1 and actor 2
            agent_keys, target_keys = agent_keys[:1], agent_keys[1:]
        agent = inter_of_keys(rules, agent_keys, by_key, subject)
        # "killing three people" says nothing of who they were: in a clash they may be fighters
        named = " ".join(w for w in counts.victims.split() if w.lower() not in GENERIC_PEOPLE)
        victims = rules.inter_of(named, None) if named else None
        victims = rules.former_code(named) or victims  # "a former rebel commander", "a retired officer"
        specific = tuple(k for k in target_keys if labels.get(k, "").lower() not in GENERIC_PEOPLE)
        victims = victims or people_code(specific, sent, mention_index, doc._.kg_gazetteer)
        victims = victims or inter_of_keys(rules, specific, by_key, "")
        victims = victims or rules.inter_of(object_text(sent, inside, reporting, acting), None)
        hurt = bool(counts.fatalities or counts.injured)
        cue, happened = cue_text(sent, inside, rules, told=bool(incidents))
        # an event word blanked as a mere modifier ('the sit-in committee') tells no happening either
        kept = [e for e in inside if e.certainty not in DOUBTFUL
                and cue[e.trigger.start - sent.start_char : e.trigger.end - sent.start_char].strip()]  # fmt: skip
        # a type and its word: 'ArmedClash seized' is a place seized (the event layer checked the object's sense)
        told_types = [*(e.type for e in kept), *(f"{e.type} {e.trigger.text.lower()}" for e in kept)]
        classes = rules.classes(cue, happened) | rules.classes_of(told_types)
        rule = rules.code_classes(classes, agent=agent, victims=victims, casualties=hurt)
        # who intercepts or defuses acts, not who fired ('air defences shot down a drone launched by X')
        if found := incident_actors.main_actors(rule, sent, reporting, mention_index):
            agent_keys, agent = found, inter_of_keys(rules, found, by_key, "")
        # no event word says who acts ('SDF forces responded with artillery fire'): the clause's subject does
        if not agent_keys and rule is not None and (not inside or rule.get("actor1_subject")):
            agent_keys = subject_actors(acting[1], mention_index)
            agent = agent or inter_of_keys(rules, agent_keys, by_key, "")  # the subject's own code
        if rule is not None and rule.get("actor1_role"):  # who takes over territory handed to them
            agent, agent_keys, target_keys = taken_over(
                rules, rule, inside, agent, (agent_keys, target_keys), by_key
            )
        if rule is not None and denied(sent, rules):
            continue  # an explicitly denied claim is not coded, nor are its casualties
        if rule is not None and rule.get("actor1_inter"):
            agent, victims, agent_keys, target_keys = crowd_roles(
                rules, rule, agent, victims, agent_keys, target_keys
            )
        if own_date is not None and own_date.precision in CARRIED:
            last_date = own_date  # a year or "since 2019" dates a state, not what the next sentence reports
        # an undated sentence after the report's own first incident goes on with it, whatever its date
        carried = None if own_date is None and incidents and last_date == incidents[-1]["date"] else last_date
        if recalled(sent, reporting, own_date, carried, now, history=bool(incidents)):
            continue  # history, a trend or a running total ("since 1984 ... 40,000 people have been killed")
        if rule is None and not hurt:
            # nothing to code alone, but it may tell more of the last incident ("Police dispersed the march")
            refine(incidents[-1] if incidents else None, classes, rules, paragraph, sent, inside)
            continue
        places = Places(sent, mention_index, labels)
        drop_told(places, sent, [(e.trigger.start, e.trigger.end) for e in inside])
        drop_background(places, sent)
        preferred = {k for e in inside for k in e.roles.get("place", ())}
        location, place_key, admin = incident_place(sent, places, preferred, text)
        named_place = location is not None  # this sentence's own words name it
        # a place the event has from elsewhere ("linked events share a place")
        if location is None and preferred:
            place_key = sorted(preferred)[0]
            location = labels.get(place_key)
        admin = admin or gazetteer_admin(by_key.get(place_key or ""), doc._.kg_gazetteer)
        certainties = [e.certainty for e in inside]
        doubtful = bool(certainties) and all(c in DOUBTFUL for c in certainties)
        same = None
        if rule is not None:
            same = same_event(incidents, rule, told_in(sent, told), paragraph, own_date)
            same = same or same_happening(incidents, rule, own_date or last_date, location)
        if same and doubtful:
            continue  # "would launch counter-attacks to retake the lost areas": the happening only talked of again
        if same:
            same["events"] += [e.key for e in inside]
            same["classes"] |= classes
            same["fatalities"] = more_dead(same["fatalities"], counts, same["victims"])
            same["victims"] += " " + counts.victims
            same["injured"] = same["injured"] or counts.injured
            same["evidence"].append(sent)
            same["date"] = restated_date(same["date"], own_date)  # the body states the date the lede left out
            if same["location"] is None and location is not None:
                same["location"], same["place"], same["admin"] = location, place_key, admin
            continue
        previous = incidents[-1] if incidents else None
        # undated and not referring back, a sentence goes on with the last incident only in the paragraph it ends in
        gap = text[previous["evidence"][-1].start_char : sent.start_char] if previous else ""
        near = previous is not None and "\n" not in gap[len(gap.rstrip()) :]
        follow_up = (
            previous is not None
            # no place of its own: "3 STC members were killed." after the attack in Ahwar
            and (location is None or (not named_place and location == previous["location"]))
            # an undated sentence is told at the news time: it goes on with no incident dated long before it, unless
            # it codes nothing and only counts ('On 9 May 2020, X clashed with Y. 6 fatalities.' in a later report)
            and not (own_date is None and rule is not None and background(previous["date"], now))
            and (
                _BACK_REFERENCE.search(sent_text) is not None
                or (near and own_date is None and (
                    # the same type ("Police dispersed the march" after the march): "Strategic developments" is
                    # too broad, its sub-type must agree
                    (rule is not None and (_code(rule) == _code(previous["rule"]) or (
                        grouping.kin(rules, rule) == grouping.kin(rules, previous["rule"]) != "Strategic developments")))
                    # only counts the dead or hurt: "3 fatalities." "6 militiamen were killed.", or more dead of the
                    # same happening: "One of the attackers was also killed."
                    or counts.also or not rules.cues_in(_FATE_WORDS.sub(" ", sent_text))
                ))
                # the dead or hurt of a demonstration, told next with no one named ("Police fired tear gas at the
                # marchers. Five people were shot dead."): ACLED codes them with the demonstration
                or (own_date is None and hurt and not agent_keys and grouping.kin(rules, previous["rule"]) == "demonstration")
                or (near and own_date is None and grouping.intervenes(previous, classes, rules))
            )
        )  # fmt: skip
        # the dead of what was told ("killed in the fighting", "it had lost three fighters"), or more of it ("the
        # strike caused damage only"), wherever it is
        told_again = previous is not None and grouping.told_again(
            sent, cue, reporting, previous, rules, hurt, own_date
        )
        follow_up = follow_up or told_again
        if previous is not None and follow_up and (rule is not None or counts.fatalities or counts.injured):
            refine(previous, classes, rules, paragraph, sent, inside, join=False)
            previous["events"] += [e.key for e in inside]
            previous["classes"] |= classes
            # a side's or a source's count of the dead told is another count of them, not more dead
            counted = "" if told_again else previous["victims"]
            previous["fatalities"] = more_dead(previous["fatalities"], counts, counted)
            previous["victims"] += " " + counts.victims
            previous["injured"] = previous["injured"] or counts.injured
            previous["evidence"].append(sent)
            if hurt:
                recode(previous, rules)
            continue
        if rule is None or (own_date is None and generic(sent, reporting)):
            continue
        placeless = location is None and not (places.items or places.mentions)
        if own_date is None and last_date is None and placeless and incidents:
            continue  # told after an incident with no date or place in its paragraph: a comment, a claim, a detail
        confidence = 0.8 if inside else 0.6
        confidence -= 0.1 * (location is None) + 0.1 * (own_date is None and last_date is None)
        # a sentence that names no place goes on where the report is ('Gunmen then threw a grenade at the house',
        # 'Troops then clashed with militants in the area'): the last incident's place, in the same paragraph
        if location is None and not (places.items or places.mentions) and previous and previous["paragraph"] == paragraph:  # fmt: skip
            location, place_key, admin = previous["location"], previous["place"], previous["admin"]
        if doubtful:
            confidence = 0.3
        incidents.append({
            "rule": rule, "events": [e.key for e in inside], "actor1": agent_keys, "actor2": target_keys,
            "inter1": agent, "inter2": victims, "date": own_date or _inferred(last_date) or _report_day(doc_date),
            "location": location, "place": place_key, "admin": admin, "fatalities": counts.fatalities, "victims": counts.victims,
            "injured": counts.injured, "certainty": next((c for c in certainties if c not in DOUBTFUL),
            certainties[0] if certainties else "asserted"), "confidence": round(max(confidence, 0.1), 2),
            "evidence": [sent], "paragraph": paragraph, "classes": set(classes), "subject": subject,
        })  # fmt: skip
    # a headline told again in the body is the body's incident
    incidents = grouping.into_lede(incidents, rules, {e.key: e.kind for e in entities})
    gazetteer, country = doc._.kg_gazetteer, document_country(entities, doc._.kg_gazetteer)
    cues = attribution_cues()
    # once an incident is complete: who the report blames, whether state forces are abroad
    for item in incidents:
        blamed = blamed_for(rules, cues, doc, item, by_key)
        if blamed is not None:
            item["actor1"], item["inter1"] = (blamed.key,), entity_inter(rules, blamed, by_key)
        item["inter1"] = actor1_inter(rules, item, by_key, gazetteer, country)
    return [_record(doc_id, item) for item in incidents]


def _inferred(date: TimeValue | None) -> TimeValue | None:
    """An earlier sentence's date given to this one: kept, marked inferred."""
    return None if date is None else dataclasses.replace(date, inferred=True)


def _report_day(doc_date: str | None) -> TimeValue | None:
    """No date stated anywhere: the report's own date, marked approximate and inferred."""
    if not doc_date:
        return None
    return TimeValue(dt.date.fromisoformat(doc_date).isoformat(), "approximate", inferred=True)


def _record(doc_id: str, item: dict) -> Incident:
    first: Span = item["evidence"][0]
    rule = item["rule"]
    whole = doc_text(first.doc)  # Span.text joins every token again on each call
    said = [(s.start_char, whole[s.start_char : s.end_char]) for s in item["evidence"]]
    sentences = [(start + len(t) - len(t.lstrip()), t.strip()) for start, t in said]
    confidence = item["confidence"]
    evidence = tuple(
        Mention(
            doc_id, start, start + len(text), text, (start, start + len(text)), confidence, "kg_incidents"
        )
        for start, text in sentences
    )
    return Incident(
        key=_key(doc_id, first.start_char, first.end_char), event_type=rule["event_type"],
        sub_event_type=rule.get("sub_event_type"), plover=rule.get("plover"), cameo=rule.get("cameo"),
        events=tuple(dict.fromkeys(item["events"])), actor1=item["actor1"], actor2=item["actor2"],
        inter1=item["inter1"], inter2=item["inter2"], date=item["date"], location=item["location"],
        place=item["place"], admin=item["admin"], fatalities=item["fatalities"], injured=item["injured"],
        certainty=item["certainty"], confidence=item["confidence"], evidence=evidence,
    )  # fmt: skip
