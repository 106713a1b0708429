"""spaCy component ``kg_events``: events with typed roles, dates, certainty and counts.

Needs ``kg_actors`` before it. Triggers come from the data lexicon (:mod:`kg.extract.lexicon`); roles from the parse
(:mod:`kg.extract.events.roles`), filled by :mod:`kg.extract.events.participants`; document-level linking (same
event twice, "the unrest", "sparked by") from :mod:`kg.extract.events.discourse`. Writes ``doc._.kg_events`` (a list
of :class:`FoundEvent`).
"""

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kg.extract.events.anchors import aspect_of, countering, support_verb, supported, told_harm
from kg.extract.events.arguments import shared_objects
from kg.extract.events.causes import inherit_victims
from kg.extract.events.certainty import attributed_to, certainty_of, doubtful, warned_not_to
from kg.extract.events.complements import inherit_targets
from kg.extract.events.dates import date_entities, date_event
from kg.extract.events.discourse import link_events
from kg.extract.events.doers import unnamed_doers, unnamed_targets
from kg.extract.events.nominals import governing_clause, nominal_arguments
from kg.extract.events.participants import ACTOR_ROLES, PLACE_ROLES, fill_role
from kg.extract.events.parties import contents, expand, pobjs
from kg.extract.events.patterns import pattern_type
from kg.extract.events.places import (
    inherit_places,
    object_place,
    order_places,
    sentence_place,
)
from kg.extract.events.quantities import attach_quantities, distinct
from kg.extract.events.roles import subject_of, verbal_arguments
from kg.extract.events.senses import armed, coded_actors, moved_or_struck
from kg.extract.events.triggers import find_triggers
from kg.extract.lexicon import Lexicon, SavesLexicon
from kg.extract.principals import role_actor
from kg.extract.state import Found, FoundEvent, token_index
from kg.extract.subjects import misparsed_verb, subject_word


class EventExtractor(SavesLexicon):
    """Find event triggers and fill their roles (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, lexicon: Lexicon) -> None:
        self.name = name
        self._make_doc = nlp.make_doc
        self._vocab = nlp.vocab
        # irregular past forms ('shot' -> 'shoot'): the small model tags some clause heads as nouns
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        tables = getattr(lemmatizer, "lookups", None)
        exceptions = tables.get_table("lemma_exc", {}) if tables is not None else {}
        self._past_forms = {
            form: lemmas[0] for form, lemmas in (exceptions.get("verb") or {}).items() if lemmas
        }
        self._use(lexicon)

    def _use(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.phrases = PhraseMatcher(self._vocab, attr="LOWER")
        for phrase, event_type in lexicon.phrases.items():
            self.phrases.add(event_type, [self._make_doc(phrase)])
        for noun, event_type in lexicon.nouns.items():
            # 'cease-fire', 'counter-offensive': the tokenizer splits them, so no single token has that lemma
            if noun not in lexicon.phrases and len(self._make_doc(noun)) > 1:
                plural = [] if noun.endswith("s") else [f"{noun}s"]
                self.phrases.add(event_type, [self._make_doc(form) for form in (noun, *plural)])

    def __call__(self, doc: Doc) -> Doc:
        index = token_index(doc)
        skipped = [(s, e) for s, e, _ in (doc._.kg_regions or [])]
        # Once per doc, not once per event: clause heads (dates do not cross them) and the DATE entities.
        verbs, dates = {t.i for t in doc if t.pos_ == "VERB"}, date_entities(doc)
        triggers = self.triggers(doc, skipped)
        # a verb known only from the CAMEO-derived list ("broke" in "clashes broke out") does not block a support
        kinds = {
            s.root.i: k for s, k in triggers if len(s) > 1 or s.root.lemma_ not in self.lexicon.secondary
        }
        found = [self._event(doc, span, kind, index, verbs, dates, kinds) for span, kind in triggers]
        events = [e for e in found if e is not None]
        # "threatened to attack X": X is threatened
        inherit_targets(
            events, index, self.lexicon.prep_roles, self._undoes, lambda t: self._actor(t, index, doc)
        )
        for event in events:  # last: "killed 25 fighters from X" is done to X, read from the phrase above
            if event.objects and not event.roles.get("target") and not event.object_place:
                unnamed_targets(event, event.objects, index, doc, self.lexicon)
        inherit_victims(events)  # 'a bomb exploded, killing four traders': the traders were bombed
        inherit_places(events, index)  # 'an ambush in X, killing 20': the killing is in X
        attach_quantities(doc, events, skipped)
        doc._.kg_events = link_events(events, self.lexicon)
        for event in doc._.kg_events:
            event.quantities = distinct(event.quantities)
        return doc

    def triggers(self, doc: Doc, skipped: list[tuple[int, int]]) -> list[tuple[Span, str]]:
        """Trigger spans and their event types (see :func:`find_triggers`)."""
        return find_triggers(doc, skipped, self.phrases, self.lexicon, self._past_forms)

    def _actor(self, token: Token, index: dict[int, Found], doc: Doc) -> Found | None:
        return role_actor(token, index, doc, self.lexicon)

    def _coded_object(self, verb: Token, kind: str) -> bool:
        """A CAMEO pattern of the verb gives its object this type: 'providing aerial photographs' is aid."""
        return pattern_type(verb, self._is_trigger) == kind

    def _given(self, verb: Token, kind: str) -> bool:
        """A thing the type's verbs move as their object ('sent weapons to the Houthis', 'supplied arms'):
        triggers.json 'object_nouns'; a speech or an explanation is not aid."""
        objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        words = [w for o in objects for w in (o, *(c for c in o.children if c.dep_ == "compound"))]
        return any((kind, w.lemma_.lower()) in self.lexicon.object_nouns for w in words)

    def _is_trigger(self, token: Token) -> bool:
        return self.lexicon.type_of_lemma(token.lemma_, token.pos_) is not None

    def _undoes(self, kind: str) -> bool:
        return bool(self.lexicon.types.get(kind, {}).get("undoes_object"))

    def _event(
        self,
        doc: Doc,
        span: Span,
        kind: str,
        index: dict[int, Found],
        verbs: set[int],
        dates: list[Span],
        kinds: dict[int, str],
    ) -> FoundEvent | None:
        head = span.root
        obj_role = self.lexicon.role_for(kind, head.lemma_, "object")
        if head.pos_ == "VERB":
            subj_role = self.lexicon.role_for(kind, head.lemma_, "subject")
            tokens = verbal_arguments(
                head,
                obj_role,
                subj_role,
                self.lexicon.prep_roles(kind),
                self.lexicon.clause_subject_role(kind),
            )
            if not tokens.get(obj_role) and (shared := shared_objects(head)):  # 'shot and killed two farmers'
                tokens[obj_role] = [t for o in shared for t in expand(contents(o))]
            for noun in (t for t in span if t.head.i == head.i and t.dep_ == "dobj" and t.pos_ == "NOUN"):
                # "imposed sanctions on X"
                inner = nominal_arguments(noun, obj_role, self.lexicon.prep_roles(kind))
                tokens = {**inner, **{r: [*inner.get(r, []), *heads] for r, heads in tokens.items()}}
        else:
            tokens = nominal_arguments(
                head,
                obj_role,
                self.lexicon.prep_roles(kind),
                self.lexicon.clause_subject_role(kind),
                self.lexicon.light_nouns,
            )
        event = FoundEvent(type=kind, trigger=span, mentions=[span])
        event.anchor = supported(span, kind, kinds, self.lexicon)
        support = event.anchor.root if event.anchor is not None else None
        if support is None and (far := support_verb(span, kind, kinds, self.lexicon)) is not None:
            event.mentions.append(far)  # 'clashes between militias from two groups broke out in X'
            support = far.root
        if (aspect := aspect_of(support or head)) is not None and aspect.i not in kinds:
            event.mentions.append(doc[aspect.i : aspect.i + 1])  # 'began shelling X'
        event.mentions += told_harm({head, support or head}, kinds, event.mentions)
        if support is not None:  # "the attack took place in X on Monday": the verb holds the place and time
            around = verbal_arguments(support, obj_role, "agent", self.lexicon.prep_roles(kind))
            tokens = {**tokens, **{r: [*tokens.get(r, []), *around[r]] for r in PLACE_ROLES if around.get(r)}}
            if not tokens.get("agent"):  # "clashes erupted between A and B": they fight
                tokens["agent"] = [o for p in support.children if p.lower_ == "between" for o in pobjs(p)]
        for role, heads in tokens.items():
            for token in heads:
                fill_role(event, role, token, index, doc, self.lexicon)
        verbs_of = [t for t in event.anchor or () if t.pos_ == "VERB" and t.i != head.i]
        for verb in (head, *verbs_of, *((support,) if support is not None else ())):
            if not event.roles.get("place") and (found := object_place(verb, index)) is not None:
                event.roles["place"] = [found.key]  # 'targeting a bus in southern Pakistan'
        order_places(event, head, index)
        if not event.roles.get("agent") and (verb := misparsed_verb(head)) is not None:
            subject, passive = subject_of(verb)  # 'gunmen on a motorbike shot and killed X': the gunmen shot
            if not passive:  # no subject: 'an unknown assailant shot and wounded X' hangs the verb on 'shot'
                fill_role(event, "agent", subject_word(subject or head), index, doc, self.lexicon)
        if head.pos_ == "NOUN" and not event.roles.get("agent"):
            self._governing_subject(event, head, kinds, index, doc)
        has_object = event.roles.get(obj_role) or event.object_place or self._given(head, kind)
        if (
            (kind, head.lemma_) in self.lexicon.needs_object
            and not has_object
            and not self._coded_object(head, kind)
        ):
            return None  # "would receive safeguards": the verb is not about moving people here
        # a verb known only from the CAMEO-derived list or a CAMEO pattern
        known = self.lexicon.type_of_lemma(head.lemma_, "VERB") is not None or moved_or_struck(head) == kind
        weak = len(span) == 1 and head.pos_ == "VERB" and (head.lemma_ in self.lexicon.secondary or not known)
        weak = weak and event.pronoun_role is None
        if (
            weak
            and not coded_actors(event, head, index, ACTOR_ROLES)
            and not armed(head, kind, self._is_trigger)
        ):
            return None  # a verb known only from the CAMEO-derived list codes actors, as PETRARCH does
        if head.pos_ == "VERB" and not event.roles.get("agent") and event.pronoun_role is None:
            unnamed_doers(event, tokens.get("agent", []), index, doc, self.lexicon)
        if head.pos_ == "VERB" and obj_role == "target":
            event.objects = tokens.get("target", [])  # "killed five shoppers": see __call__
        event.certainty, event.polarity = certainty_of(head)
        date_event(
            event, (head,) if support is None else (head, support), dates, verbs, doc, self.lexicon.reporting
        )
        warned_not_to(event, head, index)
        if not any(event.roles.get(r) for r in (*ACTOR_ROLES, *PLACE_ROLES)) and event.date is None:
            event.confidence = min(event.confidence, 0.5)  # no participant, place or time: kept, trusted less
        if doubtful(event.certainty, head, kind, self._past_forms):  # not told as done, or habitual
            event.confidence = min(event.confidence, 0.5)
        if not event.roles.get("place"):
            sentence_place(event, head, index)
        return event

    def _governing_subject(
        self, event: FoundEvent, noun: Token, kinds: dict[int, str], index: dict[int, Found], doc: Doc
    ) -> None:
        """'The United States speeded up the withdrawal': the subject of the clause the event noun is the object
        or purpose of acts in it (:func:`governing_clause`), unless that verb is an event or a report of its own
        ('condemned the attack'); trusted less."""
        clause = governing_clause(noun, self.lexicon.light_nouns)
        # a verb of the noun's own type only says it happened ("will provide $10 million in aid"); a verb that is an
        # event only with an actor object is none with this noun as its object ("exchanged accusations")
        verb_kind = kinds.get(clause[0].i, event.type) if clause is not None else event.type
        bare = clause is not None and (verb_kind, clause[0].lemma_) in self.lexicon.needs_object
        other_event = verb_kind != event.type and not bare
        claimed = attributed_to(clause[0], noun) if clause is not None else None  # 'blamed the attack on X'
        if clause is None or (other_event and not claimed) or clause[0].lemma_ in self.lexicon.reporting:
            return
        # "troops repelled an attack": the attack was the other side's, directed at the troops
        role = {None: "agent", "target": "target", "none": None}[countering(clause[0])]
        if role is None or (role == "target" and event.roles.get("target")):
            return
        parties = expand(contents(clause[1]))
        if claimed is not None:  # 'sources attributed the strike to Israel'
            parties = claimed
        for party in parties:  # "U.S. and Russian negotiators return for talks"
            fill_role(event, role, party, index, doc, self.lexicon)
        if claimed and event.roles.get("target"):  # 'blamed the attack on the PKK' read the PKK as the target
            event.roles["target"] = [
                k for k in event.roles["target"] if k not in event.roles.get("agent", ())
            ]
        if role == "agent" and not event.roles.get(role) and event.pronoun_role is None:
            unnamed_doers(event, parties, index, doc, self.lexicon)  # "neighbours staged a protest"
        if event.roles.get(role):
            event.confidence = min(event.confidence, 0.6)


@Language.factory(
    "kg_events",
    requires=["doc._.kg_mentions"],
    assigns=["doc._.kg_events"],
    default_config={"triggers": {"@misc": "kg.triggers.v1", "path": ""}},
)
def make_event_extractor(nlp: Language, name: str, triggers: Lexicon) -> EventExtractor:
    """Create the ``kg_events`` component; ``triggers`` is a registered lexicon (``kg.triggers.v1`` with a
    ``path`` swaps in another trigger file)."""
    return EventExtractor(nlp, name, triggers)
