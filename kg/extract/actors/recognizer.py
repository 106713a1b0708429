"""spaCy component ``kg_actors``: actors and places resolved to one canonical key each.

It combines the offline gazetteer with the model's entities, fixes the base model's typical errors in a
general way (title-case headlines, comma-joined source lists, camps tagged PERSON), merges acronyms and short
names, composes "<Syrian> government forces", and resolves capitals used as agents ("Damascus claims") to the
government while other mentions stay places. Writes ``doc._.kg_mentions``, ``doc._.kg_cited`` and
``doc._.kg_regions``.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_actors")
>>> [(f.span.text, f.key, f.kind) for f in nlp("Fighters of the SDF left al-Hawl camp.")._.kg_mentions]
[('SDF', 'sdf', 'ArmedGroup'), ('al-Hawl camp', 'al-hawl-camp', 'Facility')]
"""

import re
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.extract.actors.citations import cited_sources
from kg.extract.actors.forces import compose, generic_forces
from kg.extract.actors.groups import group_nouns
from kg.extract.actors.kinds import ADMIN_WORDS, guess_kind, is_facility_name
from kg.extract.actors.mentions import (
    body_text,
    common_word_in_headline,
    drop_swallowed,
    from_entry,
    owned_names,
    prefer_named_units,
)
from kg.extract.actors.namesakes import placed
from kg.extract.actors.persons import join_short_names, role_mentions
from kg.extract.actors.places import PlaceFinder, admin_area
from kg.extract.actors.spans import (
    extend_head,
    inside,
    is_agentive,
    overlaps,
    party_entry,
    prefer,
    strip_head,
    trim_punct,
    widen_modifiers,
    widen_title,
)
from kg.extract.actors.titles import acronym_definitions, person_roles
from kg.extract.boilerplate import find_regions
from kg.extract.datelines import in_dateline
from kg.extract.gazetteer import Gazetteer
from kg.extract.lexicon import load_lexicon
from kg.extract.state import Found, doc_text, slug

NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}


class ActorRecognizer:
    """Find and resolve actor and place mentions (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer) -> None:
        self.name = name
        self._countries: set[str] = set()  # countries the document's gazetteer matches name or lie in
        self._vocab, self._pipe = nlp.vocab, nlp.tokenizer.pipe  # type: ignore[union-attr]
        self._use(gazetteer)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the gazetteer in use, so ``spacy.load`` needs no other file."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.gazetteer.write_jsonl(path / "gazetteer.jsonl")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "ActorRecognizer":
        self._use(Gazetteer.load(Path(path) / "gazetteer.jsonl"))
        return self

    def _use(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(self._vocab, attr="LOWER")
        aliases = list(self.gazetteer.phrases())
        # Aliases like 'AP' or 'US' must match in capitals, so 'us' and 'ap' in running text do not.
        lower_forms = {a.casefold() for a in aliases if not a.isupper()}
        self.acronyms_only = {a.casefold() for a in aliases if a.isupper()} - lower_forms
        for start in range(0, len(aliases), 5000):
            chunk = aliases[start : start + 5000]
            self.matcher.add("GAZ", list(self._pipe(chunk)))

    def __call__(self, doc: Doc) -> Doc:
        regions = find_regions(doc_text(doc))
        found = self.find(doc, regions)
        cited = cited_sources(doc, regions, found, self.gazetteer)
        self.set_annotations(doc, found, cited, regions)
        return doc

    # -- finding ---------------------------------------------------------------------------------------------
    def find(self, doc: Doc, regions: list[tuple[int, int, str]]) -> list[Found]:
        """All resolved mentions outside boilerplate, in text order, without overlaps."""
        skip = [(s, e) for s, e, kind in regions if kind != "headline"]
        headlines = [(s, e) for s, e, kind in regions if kind == "headline"]
        spans = [s for s in self._gazetteer_spans(doc) + self._ner_spans(doc) if not inside(s, skip)]
        known = (self.gazetteer.lookup(s.text) for s in spans if s.label_ == "GAZ")
        self._countries = {k for e in known if e and (k := e.key if e.kind == "Country" else e.country)}
        found = [f for f in (self._resolve(s) for s in prefer(spans)) if f is not None]
        body_texts = {f.span.text.casefold() for f in found if not inside(f.span, headlines)}
        # NER is unreliable on Title Case lines: keep what the gazetteer knows or the body confirms.
        found = [
            f
            for f in found
            if f.entry or not inside(f.span, headlines) or f.span.text.casefold() in body_texts
        ]
        body = body_text(doc_text(doc), headlines)
        found = [f for f in found if not common_word_in_headline(f, headlines, body)]
        found = drop_swallowed(found)
        found = self._merge_acronyms_and_short_names(doc, found, skip)
        found = group_nouns(found + role_mentions(doc, found, skip))  # "the minister"; "Kurdish forces"
        found = owned_names(prefer_named_units(found))
        found = [placed(self._metonymy(f), self.gazetteer) for f in found]
        found = PlaceFinder(self.gazetteer)(doc, found, skip)
        return sorted(found + self._containing_countries(found), key=lambda f: f.span.start)

    def _containing_countries(self, found: list[Found]) -> list[Found]:
        """'northeast Syria' mentions the region and, through it, Syria; 'the Armed Forces of the DRC' names
        the DRC, which gets a (secondary) mention when the text names it nowhere else."""
        extra = []
        mentioned = {f.key for f in found}
        for f in found:
            country = f.entry.country if f.entry else None
            entry = self.gazetteer.get(country) if f.kind == "Region" and country else None
            names = (entry.label, *entry.aliases) if entry else ()
            if entry and any(name.casefold() in f.span.text.casefold() for name in names):
                extra.append(Found(f.span, entry.key, entry.label, entry.kind, entry, 0.6, secondary=True))
            named = re.search(r"\b(?:of|in) (?:the )?([A-Z][\w'’. -]+)$", f.span.text)
            inner = self.gazetteer.lookup(named.group(1)) if named and f.kind != "Country" else None
            if inner is not None and inner.kind == "Country" and inner.key not in mentioned:
                extra.append(Found(f.span, inner.key, inner.label, inner.kind, inner, 0.5, secondary=True))
                mentioned.add(inner.key)
        return extra

    def _gazetteer_spans(self, doc: Doc) -> list[Span]:
        spans = []
        for _, start, end in self.matcher(doc):
            text = doc[start:end].text  # once: Span.text joins its tokens again on each call
            if text.islower() and not any(c in text for c in "-'"):
                continue  # "male", "georgia" in running text are common words, not names
            if text.isupper() or text.casefold() not in self.acronyms_only:
                spans.append(extend_head(Span(doc, start, end, label="GAZ")))
        return spans

    def _ner_spans(self, doc: Doc) -> list[Span]:
        # "Sabiid base", "the Toto Hernández coliseum": the model often stops before the facility word.
        # a name has a capital: the small model also tags words such as 'absentia' ('in absentia') as places
        ents = (trim_punct(e) for e in doc.ents)  # 'Ariha city (': brackets are no part of a name
        return [
            extend_head(e)
            for e in ents
            if e is not None
            and e.label_ in NER_LABELS
            and any(c.isupper() for c in e.text)
            and not _capitalised_word(e)
        ]

    def _resolve(self, span: Span) -> Found | None:
        gaz = self.gazetteer
        entry = gaz.lookup(span.text) or gaz.lookup(strip_head(span.text)) or party_entry(span, gaz)
        if (
            span.label_ != "GAZ"
            and is_facility_name(span.text)
            and (entry is None or entry.kind != "Facility")
        ):
            label = re.sub(r"^(the|a|an)\s+", "", span.text, flags=re.IGNORECASE)
            return Found(span, slug(label), label, "Facility", confidence=0.7)
        if span.label_ == "NORP" or (entry and entry.kind == "Country" and span.root.pos_ == "ADJ"):
            entry = entry or gaz.demonym_to_country(span.text)
            if entry is None:
                # "Kurdish-led" is a modifier, not an actor; "Kurds" is a group.
                if span.root.pos_ == "ADJ" or span.root.dep_ in {"amod", "compound"}:
                    return None
                return Found(span, slug(span.text), span.text, "EthnoReligiousGroup", confidence=0.6)
        if entry is None and span.label_ in {"GPE", "LOC"}:
            entry = gaz.geocode(strip_head(span.text), self._countries)
        if entry is not None and entry.kind == "City" and span.text.split()[-1].lower() in ADMIN_WORDS:
            entry = admin_area(span.text, entry)  # "Maqbanah district" is not the town of Maqbanah
        if entry is not None:
            entry = generic_forces(span, entry, gaz)
            found = from_entry(widen_modifiers(span), entry, 0.9 if span.label_ == "GAZ" else 0.8)
            return compose(found, gaz)
        if len(span) == 1 and span[0].tag_ == "NNS":  # "Gunmen attacked ...": a common noun, not a name
            return None
        kind = guess_kind(span.label_, span.text)
        label = re.sub(r"^(the|a|an)\s+", "", span.text, flags=re.IGNORECASE)
        if kind == "Person":  # "Colonel Bakary Sanogo": the title is part of the mention and a role
            span, title = widen_title(span)
            return Found(span, slug(label), label, kind, confidence=0.7, title=title)
        return Found(span, slug(label), label, kind, confidence=0.7)

    def _metonymy(self, found: Found) -> Found:
        """A capital that acts ("Damascus claims", "Washington said") is its country's government; a de facto
        seat ("Sanaa warned", "Port Sudan accused") is the actor that holds it."""
        entry = found.entry
        if entry is None or not (entry.capital_of or entry.seat_of) or not is_agentive(found.span):
            return found
        if in_dateline(doc_text(found.span.doc), found.span.start_char):
            return found  # "BANGKOK, Nov 16 - A Myanmar air strike killed ...": where the report was filed
        if entry.seat_of:
            actor = self.gazetteer.get(entry.seat_of)
        else:
            actor = self.gazetteer.government_of(entry.capital_of) if entry.capital_of else None
        return found if actor is None else from_entry(found.span, actor, 0.75)

    def _merge_acronyms_and_short_names(self, doc: Doc, found: list[Found], skip: list) -> list[Found]:
        by_text = {f.span.text: f for f in found}
        aliases = {}
        for long_text, acronym in acronym_definitions(doc, [f.span for f in found]):
            # A definition in this text ("Somali National Army (SNA)") beats the gazetteer's global reading.
            if long_text in by_text:
                aliases[acronym] = by_text[long_text]
        merged = []
        for f in found:
            target = aliases.get(f.span.text)
            if target is not None and target is not f:
                f = Found(f.span, target.key, target.label, target.kind, target.entry, f.confidence)
            merged.append(f)
        merged = join_short_names(merged)  # "Sanogo", "President Assad": the one person of that name
        taken = {(f.span.start, f.span.end) for f in merged}
        for acronym, target in aliases.items():  # acronyms the model did not tag at all
            for match in re.finditer(rf"\b{re.escape(acronym)}\b", doc_text(doc)):
                span = doc.char_span(match.start(), match.end())
                if span is not None and not inside(span, skip) and not overlaps(span, taken):
                    merged.append(Found(span, target.key, target.label, target.kind, target.entry, 0.8))
        return merged

    def set_annotations(self, doc: Doc, found: list[Found], cited: list[Found], regions: list) -> None:
        doc._.kg_mentions = found
        doc._.kg_cited = cited
        doc._.kg_regions = regions
        doc._.kg_relations = person_roles(doc, found)
        doc._.kg_gazetteer = self.gazetteer


@Language.factory(
    "kg_actors",
    assigns=[
        "doc._.kg_mentions",
        "doc._.kg_cited",
        "doc._.kg_regions",
        "doc._.kg_relations",
        "doc._.kg_gazetteer",
    ],
    default_config={"gazetteer": {"@misc": "kg.gazetteer.v1", "path": ""}},
)
def make_actor_recognizer(nlp: Language, name: str, gazetteer: Gazetteer) -> ActorRecognizer:
    """Create the ``kg_actors`` component; ``gazetteer`` is a registered gazetteer (``kg.gazetteer.v1`` with a
    ``path`` swaps the packaged one for another)."""
    return ActorRecognizer(nlp, name, gazetteer)


def _capitalised_word(ent: Span) -> bool:
    """An event word capitalised at the start of a sentence and modifying the noun after it ('Riot police
    dispersed ...'), which the small model tags as a person or organisation."""
    token = ent[0]
    return (
        len(ent) == 1
        and bool(token.is_sent_start)
        and token.dep_ in {"compound", "amod"}
        and load_lexicon().type_of_lemma(token.lower_, "NOUN") is not None
    )
