"""spaCy component ``kg_claims``: who says so, through which channel, with what certainty, about which events.

"Nanar Hawach ... told Fox News Digital: 'Damascus claims most of the escapees were recaptured'" gives a claim by
Hawach (channel Fox News Digital) whose content is a nested claim by the Syrian government whose content is the
recapture, which is then ``claimed``, not asserted. Needs ``kg_events``; writes ``doc._.kg_claims``.
"""

import dataclasses

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.extract.collectives import unnamed_actor
from kg.extract.language import PERSONAL_PRONOUNS
from kg.extract.language import SINGULAR_PERSON_PRONOUNS as PRONOUNS
from kg.extract.lexicon import Lexicon, SavesLexicon, word_set
from kg.extract.principals import principal
from kg.extract.state import Found, FoundClaim, FoundEvent, sentence_ents, token_index
from kg.extract.subjects import fronted_subject, shared_subject, subject_word
from kg.extract.temporal import normalise_date
from kg.records import PLACE_KINDS

CLAIMABLE = word_set("events", "claimable_types")
CONTENT_NOUNS = word_set("events", "content_nouns")
ORGANISED = {"Government", "MilitaryOrganization", "ArmedGroup", "Country"}
ORGANISATION_PRONOUNS = {"they", "it", "we"}
THIRD_PERSON_OTHERS = {"they", "it"}  # never the person who speaks
QUOTES = "\"“”'‘’"


class ClaimExtractor(SavesLexicon):
    """Find reporting structures and nest them (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, lexicon: Lexicon) -> None:
        self.name = name
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        index = token_index(doc)
        skipped = [(s, e) for s, e, _ in (doc._.kg_regions or [])]
        claims = [self._claim(doc, tok, index) for tok in self._reporting_tokens(doc, skipped)]
        claims = [c for c in claims if c.region]
        self._nest(claims, doc._.kg_events or [])
        kinds = {f.key: f.kind for f in doc._.kg_mentions or []}
        for claim in claims:
            claim.about = list(
                dict.fromkeys([*self._addressed(claim.verb.root, index), *_named_in(claim, index)])
            )
            principal = self._principal(doc, claim, index)
            for event in (c for c in claim.content if isinstance(c, FoundEvent)):
                _implied_agent(event, claim, kinds)
                _resolve_pronoun(event, claim, kinds, principal)
        doc._.kg_claims = claims
        return doc

    def _reporting_tokens(self, doc: Doc, skipped: list[tuple[int, int]]) -> list[Token]:
        """Reporting verbs ('said', 'claims', 'denied') and the 'according' of 'according to'."""
        tokens = []
        for token in doc:
            according = (
                token.lower_ == "according" and token.i + 1 < len(doc) and token.nbor(1).lower_ == "to"
            )
            reporting = according or (token.pos_ == "VERB" and token.lemma_ in self.lexicon.reporting)
            if reporting and not any(s <= token.idx < e for s, e in skipped):  # boilerplate: candidates only
                tokens.append(token)
        return tokens

    def _claim(self, doc: Doc, verb: Token, index: dict[int, Found]) -> FoundClaim:
        claim = FoundClaim(verb=doc[verb.i : verb.i + 1])
        if verb.lower_ == "according":
            claim.certainty = self.lexicon.reporting_phrases.get("according to", "asserted")
            objects = [c for c in verb.nbor(1).children if c.dep_ == "pobj"]
            objects = objects or [c for c in verb.subtree if c.dep_ == "pobj"]
            speaker_tok = objects[0] if objects else None
            claim.region = {t.i for t in verb.sent} - {t.i for t in verb.subtree}
        else:
            claim.certainty = self.lexicon.reporting[verb.lemma_]
            speaker_tok = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if speaker_tok is not None:
                speaker_tok = subject_word(speaker_tok)
            else:  # 'rejected the plan and said ...'; 'With X, A and B have said ...'
                speaker_tok = shared_subject(verb) or fronted_subject(verb)
            claim.region = self._region(doc, verb)
            claim.event_type = self._act_type(doc, verb, claim.region, index)
            for child in verb.children:
                media = child.i in index and index[child.i].kind == "MediaOrganization"
                if child.dep_ in {"dobj", "dative"} and media:
                    claim.channel = index[child.i].key  # "told The Associated Press"
        claim.speaker = self._speaker(doc, speaker_tok, index)
        # the verb's own sentence holds any date it governs (doc.ents per claim was quadratic)
        heads = {verb.i, *_preps(verb)}
        for ent in (e for e in sentence_ents(verb.sent) if e.label_ == "DATE" and e.root.head.i in heads):
            claim.date = normalise_date(ent.text, doc._.kg_date)
        return claim

    def _addressed(self, verb: Token, index: dict[int, Found]) -> list[str]:
        """The party a verb of ``addressed_types`` addresses as its object ('warned Taiwan that ...')."""
        if verb.lemma_ not in self.lexicon.addressed_types:
            return []
        return [
            index[c.i].key for c in verb.children if c.dep_ == "dobj" and c.i in index and index[c.i].is_actor
        ]

    def _act_type(self, doc: Doc, verb: Token, region: set[int], index: dict[int, Found]) -> str:
        """'denied' is a rejection; 'said Sudan must return the helicopter' is a demand; 'warned Taiwan that' a
        threat to the party it addresses."""
        if verb.lemma_ in self.lexicon.reporting_types:
            return self.lexicon.reporting_types[verb.lemma_]
        if self._addressed(verb, index):
            return self.lexicon.addressed_types[verb.lemma_]
        heads = [doc[i] for i in region if doc[i].head.i not in region]  # top of the reported clause
        modals = {c.lower_ for h in heads for c in h.children if c.dep_ == "aux"}
        return self.lexicon.deontic_type if modals & self.lexicon.deontic else "Statement"

    def _speaker(self, doc: Doc, token: Token | None, index: dict[int, Found]) -> str | None:
        if token is None:
            return None
        if token.i in index:
            return index[token.i].key
        if token.lower_ in PRONOUNS:  # "he said": the latest person named before
            people = [f for f in (doc._.kg_mentions or []) if f.kind == "Person" and f.span.end <= token.i]
            return people[-1].key if people else None
        group = unnamed_actor(token, index, doc, self.lexicon)
        return group.key if group is not None else None

    def _principal(self, doc: Doc, claim: FoundClaim, index: dict[int, Found]) -> str | None:
        """Whom a spokesman speaks for: 'a spokesman for the rebels said', 'the army's spokeswoman said'."""
        speaker = next((c for c in claim.verb.root.children if c.dep_ == "nsubj"), None)
        found = principal(speaker, index, doc, self.lexicon) if speaker is not None else None
        return found.key if found is not None else None

    def _region(self, doc: Doc, verb: Token) -> set[int]:
        """Token indices of what is reported: the complement clause, the rest of the clause, or a quote."""
        complements = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}]
        # "told reporters that X ... and that Y ...": the second that-clause hangs off the verb as a conj
        complements += [
            c for c in verb.children if c.dep_ == "conj" and any(m.lower_ == "that" for m in c.children)
        ]
        # "denied reports that its troops had entered Iraq": the clause of a content noun the verb takes
        complements += [
            clause
            for noun in verb.children
            if noun.dep_ == "dobj" and noun.lemma_.lower() in CONTENT_NOUNS
            for clause in noun.children
            if clause.dep_ in {"acl", "ccomp"} and any(m.lower_ == "that" for m in clause.children)
        ]
        if complements:
            return {t.i for c in complements for t in c.subtree}
        if verb.dep_ in {"parataxis", "ccomp"} and verb.head.i < verb.i:  # "..., analysts say."
            return {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
        colon = next((t for t in doc[verb.i : verb.sent.end + 1] if t.text == ":"), None)
        if colon is None and verb.sent.end < len(doc) and doc[verb.sent.end].text in QUOTES:
            colon = doc[verb.sent.end - 1]
        if colon is None:
            return set()
        end = colon.i + 1
        opened = False
        while end < len(doc) and doc[end].text != "\n" and "\n" not in doc[end].text:
            if doc[end].text in QUOTES:
                if opened:
                    break
                opened = True
            end += 1
        return set(range(colon.i + 1, end))

    def _nest(self, claims: list[FoundClaim], events: list[FoundEvent]) -> None:
        """Give each event and claim to the innermost claim whose region holds it."""

        holding: dict[int, list[FoundClaim]] = {}  # token -> the claims whose region holds it, in order
        for claim in claims:  # (asking every claim per token made long documents quadratic)
            for position in claim.region:
                holding.setdefault(position, []).append(claim)

        def innermost(position: int, exclude: FoundClaim | None = None) -> FoundClaim | None:
            holders = [c for c in holding.get(position, ()) if c is not exclude]
            return min(holders, key=lambda c: len(c.region)) if holders else None

        for claim in claims:
            outer = innermost(claim.verb.start, exclude=claim)
            if outer is not None and claim.verb.start in outer.region:
                outer.content.append(claim)
        for event in events:
            for mention in event.mentions:
                holder = innermost(mention.root.i)
                if holder is not None and event not in holder.content:
                    holder.content.append(event)
                    _qualify(event, holder)


def _qualify(event: FoundEvent, claim: FoundClaim) -> None:
    """A reported event takes the claim's certainty (unless negated, hypothetical or planned) and date."""
    if event.certainty == "asserted" and claim.certainty != "asserted":
        event.certainty = claim.certainty
        event.polarity = "negative" if claim.certainty == "denied" else event.polarity
    if event.date is None and claim.date is not None:
        event.date = dataclasses.replace(claim.date, inferred=True)


def _named_in(claim: FoundClaim, index: dict[int, Found]) -> list[str]:
    """Named actors and places in what is reported, in text order, once each (not the speaker or channel)."""
    named = [index[i] for i in sorted(claim.region) if i in index and not index[i].local]
    keys = (f.key for f in named if f.key not in {claim.speaker, claim.channel})
    return list(dict.fromkeys(keys))


def _resolve_pronoun(
    event: FoundEvent, claim: FoundClaim, kinds: dict[str, str], principal: str | None = None
) -> None:
    """'X said they would meet': the pronoun's role goes to the speaker, when the speaker is an actor that the
    pronoun can stand for ('Ms Assaf said they shot him': 'they' is not one person, 'he' not a country); a
    spokesman's 'they', 'it' or 'we' is whom he speaks for ('a spokesman for the rebels said they would ...')."""
    role, speaker = event.pronoun_role, claim.speaker
    if not role or not speaker or kinds.get(speaker) in PLACE_KINDS - {"Country"} or event.roles.get(role):
        return
    pronouns = {word for m in event.mentions if (word := _subject_word(m.root)) in PERSONAL_PRONOUNS}
    if principal is not None and pronouns and pronouns <= ORGANISATION_PRONOUNS:
        event.roles[role] = [principal]
        event.confidence = min(event.confidence, 0.6)
        return
    person = kinds.get(speaker) == "Person"
    # "'We will not negotiate,' the prime minister said": a first person includes the one who says it; 'they' or
    # 'it' is someone else
    if (person and pronouns & THIRD_PERSON_OTHERS) or (not person and pronouns and pronouns <= PRONOUNS):
        return
    if pronouns & _OTHER_SEX.get(_subject_word(claim.verb.root) or "", set()):
        return  # 'She said her son had been taken to hospital, where he died': he is not she
    event.roles[role] = [speaker]


_OTHER_SEX = {"she": {"he", "him"}, "he": {"she", "her"}}


def _subject_word(verb: Token) -> str | None:
    """The verb's subject, lower-cased, through the clauses it continues ('they took him away to shoot him')."""
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return subject.lower_
        if verb.dep_ not in {"xcomp", "advcl", "conj"} or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _implied_agent(event: FoundEvent, claim: FoundClaim, kinds: dict[str, str]) -> None:
    """'Damascus claims the escapees were recaptured': an organised actor that *claims* an agentless passive
    action of its own kind of business is its implied agent (kept at lower confidence). Plain 'said' is not
    enough: 'Kyiv said civilians were killed' reports someone else's act."""
    if claim.certainty != "claimed" or event.roles.get("agent") or claim.speaker is None:
        return
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for m in event.mentions for c in m.root.children)
    if passive and event.type in CLAIMABLE and kinds.get(claim.speaker) in ORGANISED:
        event.roles["agent"] = [claim.speaker]
        event.confidence = min(event.confidence, 0.5)


def _preps(verb: Token) -> list[int]:
    return [c.i for c in verb.children if c.dep_ == "prep"]


@Language.factory(
    "kg_claims",
    requires=["doc._.kg_events"],
    assigns=["doc._.kg_claims"],
    default_config={"triggers": {"@misc": "kg.triggers.v1", "path": ""}},
)
def make_claim_extractor(nlp: Language, name: str, triggers: Lexicon) -> ClaimExtractor:
    """Create the ``kg_claims`` component (reporting verbs come from the same registered lexicon as triggers)."""
    return ClaimExtractor(nlp, name, triggers)
