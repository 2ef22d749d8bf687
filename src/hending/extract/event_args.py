"""Who does what to whom: the participants of a verb trigger.

The subject and object of a trigger verb from the dependency parse (climbing infinitive and
coordination chains, relative clauses, passives with their "av" agent, "be X om å", the one
accused or criticised "for å ha ..."), with surface fallbacks where the parse fails; and the
participant helpers the noun arguments share (mentions at a token, ad hoc participants the
lexicons do not know, the mention right of a token, a noun's owner).

:class:`ArgumentsMixin` is part of :class:`hending.extract.events.Extractor` and reads its
``doc``, ``text``, ``lex``, ``finder`` and ``places``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from hending.extract.actors import Mention
from hending.extract.event_words import (
    ACCUSED,
    ADDRESSEE_VERBS,
    BENEFIT_PREPS,
    CLIMB,
    PARTNER_PREPS,
    PASSIVE_AUX,
    PERSONISH,
    POSSESSIVES,
    STATEMENT_NOUNS,
    TARGET_PREPS,
)
from hending.extract.modality import clause_end, clause_start
from hending.extract.segment import Sentence
from hending.extract.triggers import Candidate, predicative_participle


def parsed_subject(tok: Token, lo: int, hi: int) -> Token | None:
    """The grammatical subject of a verb, climbing infinitive/coordination chains."""
    t = tok
    for _ in range(6):
        subs = [c for c in t.children if c.dep_ == "SUBJ" and lo <= c.i < hi]
        if subs:
            # a participle's "subject" after it while its auxiliary has one before it is a
            # misparse: "Krekar ble i mars dømt for drapstrusler mot Erna Solberg"
            if t is tok and subs[0].i > tok.i and tok.dep_ in CLIMB and tok.head.i < tok.i:
                aux = [c for c in tok.head.children if c.dep_ == "SUBJ" and lo <= c.i < tok.i]
                if aux:
                    return aux[0]
            return subs[0]
        infinitive_chain = t.pos_ == "PART" or (
            t.pos_ == "ADP" and any(c.pos_ == "PART" and c.text.lower() == "å" for c in t.children)
        )
        if t.head is t or not (t.dep_ in CLIMB or t.head.pos_ in ("ADP", "PART") or infinitive_chain):
            return None  # climbs "kjem ikkje til å stanse" up to "kjem"
        t = t.head
    return None


FRAMING_PREPS = ("i", "ifølge", "ifølgje")
INDEFINITE_ARTICLES = ("en", "ei", "et", "ein", "eit")
# the owner of what is praised, criticised, attacked or seized is the recipient
OWNED_TARGET_TYPES = ("SUPPORT", "ACCUSE", "ASSAULT", "COERCE", "THREATEN", "REJECT", "CONSULT")
REFLEXIVE_POSSESSIVES = ("sin", "si", "sitt", "sine")
# a resolution's "at" clause says what shall be, not whom it asks ("vedtok at norske fly skal ...")
DECISION_VERBS = ("vedta",)
ATTACKED_SITE_TYPES = ("ASSAULT", "COERCE")


class ArgumentsMixin:
    """Verb arguments and the participant helpers of :class:`~hending.extract.events.Extractor`."""

    def _is_passive(self, tok: Token, cs: int, typ: str = "") -> bool:
        low = tok.text.lower()
        if "Pass" in tok.morph.get("Voice") or (low.endswith(("es", "ast")) and tok.pos_ == "VERB"):
            return True
        if "pres" in tok.tag_ or "inf" in tok.tag_:
            return False
        if tok.pos_ == "ADJ" and predicative_participle(tok):
            return True  # "må møte i retten tiltalt for ...": said of the accused
        before = [self.doc[j].text.lower() for j in range(max(cs, tok.i - 5), tok.i)]
        if any(w in PASSIVE_AUX for w in before):
            return True
        if (
            "perf-part" in tok.tag_
            and tok.dep_ == "INFV"
            and cs <= tok.head.i < tok.i
            and tok.head.text.lower() in PASSIVE_AUX
        ):
            return True  # a long subject between: "blir nå X og Y bedt om å ..."
        # "faren er dømt", "han var arrestert": the stative passive of a transitive act (not
        # "er sikta for å ha sprengt": a perfect infinitive is active)
        if "å" in before or "ha" in before:
            return False
        return typ in ("COERCE", "ASSAULT") and any(w in ("er", "var", "vore", "vært") for w in before)

    def _mention(self, i: int | None) -> Mention | None:
        return self.finder.mention_for(i) if i is not None else None

    def _adhoc(self, tok: Token, any_noun: bool = False) -> Mention | None:
        """A participant the lexicons do not know: a name, or a noun that names people
        ("Eksbutleren", "Merseyside-politiet"); with ``any_noun`` any noun phrase."""
        if tok.ent_type_ in ("GPE_LOC", "LOC") or not (
            tok.pos_ in ("NOUN", "PROPN")
            or (any_noun and tok.pos_ in ("NUM", "DET") and tok.text.lower() != "det")
        ):
            return None
        if any(p["start"] <= tok.idx < p["end"] for p in self.places):
            return None
        low = tok.text.lower()
        if not (tok.pos_ == "PROPN" or any_noun or PERSONISH.search(low)):
            return None
        start = tok.i
        while (
            start > 0
            and self.doc[start - 1].pos_ in ("DET", "ADJ", "NUM", "PRON")
            and (self.doc[start - 1].head.i == tok.i or self.doc[start - 1].head.i == start)
        ):
            start -= 1
        end = tok.i + 1
        while end < len(self.doc) and self.doc[end].pos_ == "PROPN" and tok.pos_ == "PROPN":
            end += 1
        for j in range(start, end):
            known = self._mention(j)
            if known is not None and known.kind != "adj":
                return known  # "Seljord Frp": the party the name contains
        s0, last = self.doc[start].idx, self.doc[end - 1]
        m = Mention(
            start,
            end,
            tok.i,
            "adhoc",
            self.text[s0 : last.idx + len(last.text)],
            s0,
            last.idx + len(last.text),
        )
        m.name = m.text
        m.sector = "UNK"
        for j in range(start, end):
            sn = self.lex.sector_forms.get(self.doc[j].text.lower())
            if sn is None:
                sp = self.lex.split(self.doc[j].text, self.lex.sector_forms, 4, 3)
                sn = self.lex.sector_forms[sp[1]] if sp else None
            if sn is not None:
                m.sector = sn.sector
        return m

    def _left_actor(self, cs: int, trig: int) -> Mention | None:
        """Nearest mention before the trigger in its clause, not inside a prepositional phrase."""
        for j in range(trig - 1, cs - 1, -1):
            m = self._mention(j)
            if m is None or m.kind == "adj":
                continue
            before = self.doc[m.start - 1] if m.start > cs else None
            if before is not None and before.pos_ == "ADP" and before.text.lower() not in ("enn",):
                continue
            return m
        return None

    def _right_mention(
        self, start: int, ce: int, preps: set[str], max_gap: int = 3, owner: bool = False
    ) -> Mention | None:
        """A mention right after ``start`` (skipping determiners/adjectives and one of ``preps``);
        with ``owner`` a genitive owner stands for what it owns ("kritikken av Israels blokade")."""
        j, gap, prep = start, 0, False
        while j < ce and gap <= max_gap:
            t = self.doc[j]
            m = self._mention(j)
            if m is not None and m.kind != "adj":
                # a genitive before a noun is a modifier, not the object: "Chiles store problemer"
                last = self.doc[m.end - 1]
                nxt = self.doc[m.end] if m.end < len(self.doc) else None
                if (
                    last.text.endswith("s")
                    and "Gen" in last.morph.get("Case")
                    and nxt is not None
                    and nxt.pos_ in ("NOUN", "ADJ")
                    and self._mention(nxt.i) is None
                ):
                    return m if owner and m.kind in ("person", "org", "country", "noun") else None
                return m
            low = t.text.lower()
            if (
                low in ("blant", "mellom")
                and j + 1 < ce
                and self.doc[j + 1].text.lower() in ("annet", "anna", "andre")
            ):
                j += 2  # "mot blant annet Erna Solberg"
                continue
            if t.pos_ == "ADP" or t.tag_.startswith("prep"):
                if low in preps and not prep:
                    prep = True
                else:
                    return None
            elif t.pos_ == "PROPN" and j + 1 < ce and self._mention(j + 1) is not None:
                pass  # "Drammen tingrett"
            elif t.pos_ not in ("DET", "ADJ", "NUM", "ADV", "PART", "PRON") or t.is_punct:
                return None
            j += 1
            gap += 1
        return None

    def _pp_mention(self, tok: Token, preps: set[str]) -> Mention | None:
        """The mention in a prepositional phrase of ``tok`` headed by one of ``preps``; also one
        level down, under the noun of an adverbial phrase that the parse hung it on ("overgav
        seg utan motstand til politiet")."""
        for c in tok.children:
            if c.text.lower() in preps:
                for g in c.children:
                    if g.dep_ == "PUTFYLL":
                        m = self._mention(g.i) or self._owner(g, genitive_only=True)
                        if m:
                            return m
        for c in tok.children:
            if c.pos_ != "ADP" or c.i < tok.i or c.text.lower() in preps:
                continue
            for g in c.children:
                if g.dep_ != "PUTFYLL" or g.pos_ != "NOUN" or self._mention(g.i) is not None:
                    continue
                if any(p["start"] <= g.idx < p["end"] for p in self.places):
                    continue
                for h in g.children:
                    # (never "av", the noun's own complement: "kritisert for handsaminga av dei")
                    if h.pos_ == "ADP" and h.i > g.i and h.text.lower() in preps - {"av"}:
                        m = next((m for m in self._mentions_below(h) if m.kind != "adj"), None)
                        if m is not None:
                            return m
        return None

    def _owner(self, noun: Token, genitive_only: bool = False) -> Mention | None:
        """Whose thing a noun is: its genitive ("det norske folks solidaritet") or its "til/av"
        phrase ("innsatsen til personalet ved utenriksstasjonene")."""
        for c in noun.children:
            if c.dep_ == "DET" and "Gen" in c.morph.get("Case"):
                m = self._mention(c.i)
                if m is not None:
                    return m
            if c.dep_ == "DET" and c.text.lower() in REFLEXIVE_POSSESSIVES and c.i > 0:
                # "ISAF sin militærbase", "kommunen sitt vedtak": the owner before "sin/si/sitt/sine"
                m = self._mention(c.i - 1)
                if m is not None and m.kind not in ("adj", "pronoun") and m.end == c.i:
                    return m
        j = noun.i - 1  # "for det norske folks solidaritet"
        while j >= 0 and self.doc[j].pos_ == "ADJ":
            j -= 1
        m = self._mention(j) if j >= 0 else None
        if m is not None and self.doc[j].text.endswith("s") and m.end == j + 1 and m.kind != "pronoun":
            return m
        k = noun.i + 1  # "aksenten hennes", "huset deira": a possessive after the noun
        if k < len(self.doc) and self.doc[k].text.lower() in POSSESSIVES - {"sin", "sitt", "sine"}:
            m = self._mention(k)
            if m is not None and m.kind == "pronoun" and m.name is not None:
                return m
        if genitive_only:
            return None
        after = [c for c in noun.children if c.i > noun.i]
        if noun.i + 1 < len(self.doc) and self.doc[noun.i + 1].text.lower() == "til":
            after.append(self.doc[noun.i + 1])  # "bombet boligen til X" with "til" hung on the verb
        for c in after:
            if c.text.lower() in ("til", "av", "fra", "frå", "hos") and c.i > noun.i:
                for g in c.children:
                    if g.dep_ == "PUTFYLL":
                        m = self._mention(g.i)
                        if m is None:
                            for h in g.children:  # "personalet ved de norske utenriksstasjonene"
                                if h.pos_ == "ADP":
                                    for k in h.children:
                                        if k.dep_ == "PUTFYLL" and self._mention(k.i) is not None:
                                            return self._mention(k.i)
                        if m is not None:
                            return m
        return None

    def _facility_owner(self, noun: Token) -> Mention | None:
        """The body whose site or vehicle a compound names, by its prefix: "en tyrkisk
        militærpost" -> Turkey's military, "politistasjonen" -> the police, "opprørsstillingane"
        -> the rebels (facility heads in sectors.yaml)."""
        if noun.pos_ != "NOUN" or any(p["start"] <= noun.idx < p["end"] for p in self.places):
            return None
        heads = {h: True for h in self.lex.data["sectors"].get("facility_heads", [])}
        sp = self.lex.split(noun.text, heads, min_head=3, min_prefix=3)
        if sp is None:
            return None
        pre = self.lex.analyse_prefix(sp[0])
        if pre is None or pre.get("sector") not in ("MIL", "COP", "GOV", "REB"):
            return None
        sector = pre["sector"]
        country = None
        start = noun.i
        for j in range(noun.i - 1, max(-1, noun.i - 4), -1):
            t = self.doc[j]
            if j in self.finder.country_adj_at:
                country = self.finder.country_adj_at[j]
                start = j
            elif t.pos_ in ("DET", "ADJ") and not t.like_num:
                start = j
            else:
                break
        s0, e0 = self.doc[start].idx, noun.idx + len(noun.text)
        m = Mention(start, noun.i + 1, noun.i, "noun", self.text[s0:e0], s0, e0)
        label = {"MIL": "armed forces", "COP": "police", "GOV": "government", "REB": "rebels"}[sector]
        m.sector = sector
        if country is not None:
            m.country, m.name = country.code3, f"{country.adj_en} {label}"
        elif sector in ("MIL", "COP", "GOV"):
            # a state's site is where the sentence happens, else the story's country (a Norwegian
            # paper's unplaced police station is Norwegian)
            m.country = self.finder._sentence_country(m) or self.finder.story_country or "NOR"
            m.name = label
        else:
            m.name = label
        return m

    def _verb_args(
        self, cand: Candidate, s: Sentence
    ) -> tuple[Mention | None, Mention | None, Token | None, str]:
        doc = self.doc
        tok = doc[cand.head]
        lo, hi = s.span.start, s.span.end
        cs = clause_start(doc, tok.i, lo)
        ce = clause_end(doc, max(cand.tokens), hi)
        passive = self._is_passive(tok, cs, cand.entry.type)
        subj_tok = parsed_subject(tok, lo, hi)
        how = "parse"
        subj = self._mention(subj_tok.i) if subj_tok is not None else None
        if (
            subj is None
            and subj_tok is not None
            and (subj_tok.pos_ in ("NOUN", "PROPN", "PRON") or (subj_tok.pos_ in ("NUM", "DET") and passive))
            and subj_tok.text.lower() not in ("det",)
        ):
            subj = self._adhoc(subj_tok, any_noun=passive and cand.entry.type in ("COERCE", "ASSAULT"))
            if subj is None and not passive:
                subj = self._giver(subj_tok)  # "Applaus fra tusen gjester hedret FN"
            if subj is None and cs <= subj_tok.i < ce:
                how = "none"  # a non-actor subject ("Satellittbilder viser ...")
        rel = self._relative(tok, cs)
        if rel is not None and rel[1] and (subj is None or subj_tok is None or subj_tok.i >= cs):
            # "Gabrieles forsvarer, som krevde frifinnelse": the relative pronoun's antecedent
            subj = (
                self._mention(rel[0].i)
                or (self._proposal(rel[0]) if passive else None)  # "planene, som støttes av Frankrike"
                or self._adhoc(rel[0], any_noun=passive)
                or subj
            )
            how = "parse" if subj is not None else how
        accused = self._accused(tok, lo, hi)
        if accused is not None:
            subj, how = accused, "parse"
        if subj is None and how != "none":
            how = "surface"
            subj = self._left_actor(cs, min(cand.tokens))
            if subj is None and tok.morph.get("Tense") and tok.i + 1 < ce:
                # V2 order: "Tidligere denne uken ba Russland om ..."
                nxt = doc[tok.i + 1]
                m = self._mention(tok.i + 1)
                if m is None and nxt.pos_ == "ADV" and tok.i + 2 < ce:
                    m = self._mention(tok.i + 2)
                if m is not None and m.kind != "adj" and m.start <= tok.i + 2:
                    subj = m
        # object
        obj_tok = None
        obj = None
        subjects = [c for c in tok.children if c.dep_ == "SUBJ"]
        # a second "subject" of one verb is its object misparsed: "bomba Nato-styrkar huset til X"
        second = {c.i for c in subjects[1:] if c.i > tok.i}
        objs = [
            c
            for c in tok.children
            if (c.dep_ in ("IOBJ", "DOBJ") or c.i in second)
            and c.text.lower() not in ("seg", "sig")
            and c.i not in cand.tokens
            and c.pos_ not in ("VERB", "AUX", "PART", "SCONJ")  # an infinitive or clause is no object
        ]
        for c in sorted(objs, key=lambda c: (c.dep_ != "IOBJ", c.i)):
            m = self._mention(c.i) or self._adhoc(c)
            if m is not None:
                obj_tok, obj = c, m
                break
        if obj_tok is None and objs:
            first_obj = min(objs, key=lambda c: c.i)
            nxt = doc[first_obj.i + 1].text.lower() if first_obj.i + 1 < len(doc) else ""
            if (
                cand.entry.type == "REQUEST"
                and cand.entry.lemma in ADDRESSEE_VERBS
                and first_obj.pos_ == "NOUN"
                and first_obj.i < tok.i + 3
                and nxt in ("om", "å", "til")
            ):
                # the one asked: "har bedt giverland om å bidra"
                obj_tok, obj = first_obj, self._adhoc(first_obj, any_noun=True)
            else:
                obj_tok = min((c for c in objs if c.dep_ != "IOBJ"), key=lambda c: c.i, default=None)
                if obj_tok is not None and cand.entry.type in OWNED_TARGET_TYPES:
                    obj = self._owner(obj_tok)  # "roser innsatsen til personalet", "bomba huset til X"
                if obj is None and obj_tok is not None and cand.entry.type in ATTACKED_SITE_TYPES:
                    obj = self._facility_owner(obj_tok)
        if obj_tok is None and rel is not None and not rel[1]:
            # "avtalen ... som Høyre og Fr.p. undertegnet": the antecedent is the object
            obj_tok = rel[0]
            obj = self._mention(rel[0].i) or self._adhoc(rel[0])
        targets = TARGET_PREPS - {"over"} if cand.entry.territory else TARGET_PREPS
        if obj is None:
            obj = self._pp_mention(
                tok,
                targets
                | (PARTNER_PREPS if cand.entry.type in ("CONSULT", "COOPERATE", "AGREE") else set())
                | (BENEFIT_PREPS if cand.entry.type in ("AID", "SUPPORT") else set())
                | ({"til"} if cand.entry.type == "CONCEDE" else set()),  # "overgav seg til politiet"
            )
        if obj is None and obj_tok is None and cand.entry.type in ATTACKED_SITE_TYPES:
            # "angrep mot ein militærbase", "skaut på politistasjonen"
            for c in tok.children:
                if c.text.lower() in targets and c.i > tok.i:
                    g = next((g for g in c.children if g.dep_ == "PUTFYLL"), None)
                    obj = self._facility_owner(g) if g is not None else None
                    if obj is not None:
                        break
        if (
            obj is None
            and obj_tok is None
            and cand.entry.type == "REQUEST"
            and cand.entry.lemma not in DECISION_VERBS
        ):
            obj = self._demanded_of(tok)
        if obj is None and obj_tok is None and cand.entry.type == "THREATEN":
            obj = self._threatened(tok, ce)
        if obj is None and obj_tok is None and doc[max(cand.tokens)].text.lower() != "at":
            after = max(cand.tokens) + 1  # (not into the content clause: "vedtok at norske fly ...")
            preps = set(targets)
            if cand.entry.type in ("CONSULT", "COOPERATE", "AGREE"):
                preps |= PARTNER_PREPS
            # "tar et oppgjør med toppledernes fallskjermavtaler": the owner of what is blamed
            obj = self._right_mention(
                after, ce, preps, owner=cand.entry.type in ("ACCUSE", "REJECT", "SANCTION")
            )
            if obj is not None and obj is subj and cand.entry.lemma in ADDRESSEE_VERBS:
                obj = self._right_mention(subj.end, ce, set())  # "ba talsmannen statsministeren møte ..."
        if (obj is None or obj is subj) and cand.entry.lemma in ADDRESSEE_VERBS:
            # "oppmoda ei dukke palestinske born til å ...": the one asked stands before "til/om å"
            for j in range(max(cand.tokens) + 1, ce - 1):
                if (
                    doc[j].text.lower() in ("til", "om")
                    and doc[j + 1].text.lower() == "å"
                    and j - 1 > max(cand.tokens)
                ):
                    addressee = doc[j - 1]
                    m = self._mention(addressee.i) or (
                        self._adhoc(addressee, any_noun=True) if addressee.pos_ == "NOUN" else None
                    )
                    if m is not None and m is subj and m.start > tok.i:
                        subj = None  # "oppmoda ei dukke palestinske born til å ...": not the subject
                    if m is not None and m is not subj:
                        obj = m
                    break
        if (
            subj is None
            and not passive
            and cand.entry.lemma in ADDRESSEE_VERBS
            and obj is not None
            and obj.start > tok.i + 1
            and (how != "none" or (subj_tok is not None and tok.i < subj_tok.i < obj.start))
        ):
            # V2 after a fronted adverbial: "I fjor oppfordra ei dukke born til å ...": the noun
            # phrase between the verb and the one asked is the subject
            subj = self._inverted_subject(tok, cs, obj.start)
        if obj is not None and (
            "coactor" in cand.entry.needs or (cand.entry.type == "AGREE" and obj.kind == "adhoc")
        ):
            obj = None  # "røysta FrP saman med SV": partners; "framforhandla Soria Moria 2": the text agreed
        if obj is subj or (obj is not None and cand.entry.territory and obj.kind == "country"):
            obj = None
        if passive:
            agent = self._pp_mention(tok, {"av"}) or self._after_word(tok.i, ce, "av")
            if agent is None and cand.entry.type == "MOBILIZE" and subj is not None:
                # "Beredskapstroppen vart kalla ut", "soldatar blir sende til grensa": the force
                # that moves is the actor of a deployment; nobody is its target
                return subj, None, obj_tok, how
            return agent, subj, obj_tok, how
        return subj, obj, obj_tok, how

    def _verb_event(
        self, cand: Candidate, s: Sentence
    ) -> tuple[Mention | None, Mention | None, Token | None, str] | None:
        """The actor, recipient, object token and how they were found (:meth:`_verb_args`) of a
        verb trigger; None for an infinitive that complements a noun."""
        doc = self.doc
        lo = s.span.start
        # an infinitive that complements a noun is a possibility, not an event: "ein rett til
        # å bombe", "planen om å sette inn soldatar", "i staden for å bidra med ..."
        first = min(cand.tokens)
        if first - 2 >= lo and doc[first - 1].text.lower() == "å":
            before = doc[first - 2]
            if (
                before.text.lower() in self.mod.modal_nouns
                or first - 3 >= lo
                and (
                    before.pos_ == "ADP"
                    and doc[first - 3].pos_ in ("NOUN", "PROPN")
                    or before.text.lower() == "for"
                    and doc[first - 3].text.lower() in ("stedet", "staden")
                )
            ):
                return None  # "det er deira plikt å slå ned på ...
        return self._verb_args(cand, s)

    def _inverted_subject(self, tok: Token, cs: int, end: int) -> Mention | None:
        """The subject after a finite verb in second position ("For eit år sidan oppmoda ei
        teiknefigur born til å ..."): the noun phrase from right after the verb up to ``end``;
        None if something other than a fronted phrase stands before the verb (a subject, a
        conjunction) or the words in between are not one noun phrase."""
        doc = self.doc
        if not tok.morph.get("Tense") or tok.i - cs < 2 or end - tok.i > 7:
            return None
        first = doc[cs]
        if first.pos_ not in ("ADP", "ADV") or any(
            doc[j].dep_ == "SUBJ" and doc[j].head.i == tok.i for j in range(cs, tok.i)
        ):
            return None
        start = tok.i + 1
        while start < end and doc[start].pos_ == "ADV":
            start += 1  # "oppfordret også en dukke ..."
        words = [doc[j] for j in range(start, end)]
        if not words or not (
            words[0].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM")
            or (words[0].text.lower() in INDEFINITE_ARTICLES and len(words) > 1)  # "ein" parsed as "one"
        ):
            return None
        if any(
            (w.is_punct and w.text != "-") or w.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ")
            for w in words
        ):
            return None
        if not any(w.pos_ in ("NOUN", "PROPN") for w in words):
            return None
        known = next((self._mention(w.i) for w in words if self._mention(w.i) is not None), None)
        if known is not None:
            return known if known.kind != "adj" else None
        if any(p["start"] <= words[0].idx < p["end"] for p in self.places):
            return None
        s0, e0 = words[0].idx, words[-1].idx + len(words[-1].text)
        m = Mention(start, end, end - 1, "adhoc", self.text[s0:e0], s0, e0)
        m.name, m.sector = m.text, "UNK"
        return m

    def _threatened(self, tok: Token, ce: int) -> Mention | None:
        """The one a threat is aimed at: the object of the act threatened ("trugar med å kaste
        familiar ut", "truet med å drepe ordføreren")."""
        doc = self.doc
        for j in range(tok.i + 1, min(ce, tok.i + 4)):
            if doc[j].text.lower() == "å" and j + 1 < ce and doc[j + 1].pos_ == "VERB":
                act = doc[j + 1]
                for c in act.children:
                    if c.dep_ in ("DOBJ", "IOBJ") and c.i > act.i:
                        return self._mention(c.i) or self._adhoc(c)
                return None
        return None

    def _demanded_of(self, tok: Token) -> Mention | None:
        """The one a demand is made of: the subject of its "at" clause ("krevje at Statnett greier
        ut alternativet")."""
        for c in tok.children:
            if c.dep_ != "DOBJ" or c.pos_ not in ("VERB", "AUX"):
                continue
            if not any(x.dep_ == "SBU" and x.text.lower() == "at" for x in c.children):
                continue
            who = next((x for x in c.children if x.dep_ == "SUBJ"), None)
            if who is not None and who.text.lower() not in ("det", "dette", "man", "ein", "en"):
                return self._mention(who.i) or self._adhoc(who)
        return None

    def _accused(self, tok: Token, lo: int, hi: int) -> Mention | None:
        """The agent of an act one is accused, charged, convicted or criticised for: "mannen som er
        sikta for å ha sprengt regjeringskvartalet og avretta 86 ungdommar", "kritisert militæret
        for å ha trakassert palestinarar"."""
        doc = self.doc
        t = tok
        while t.dep_ == "KOORD" and t.head.i < t.i:
            t = t.head
        j = t.i - 1
        if j >= lo and doc[j].text.lower() in ("ha", "hatt"):
            j -= 1
        if not (j - 1 >= lo and doc[j].text.lower() == "å" and doc[j - 1].text.lower() == "for"):
            return None
        k = j - 2
        if k < lo:
            return None
        verb = doc[k]
        if verb.text.lower() in ACCUSED:
            # passive: the one accused is the subject (or the antecedent of "som")
            cs = clause_start(doc, k, lo)
            rel = self._relative(verb, cs)
            if rel is not None and rel[1]:
                return self._mention(rel[0].i) or self._adhoc(rel[0])
            st = parsed_subject(verb, lo, hi)
            return self._mention(st.i) if st is not None else None
        # active: "X kritiserte Y for å ha ...": Y, the object right before "for"
        m = self._mention(k)
        if m is not None and m.kind != "adj":
            for v in range(m.start - 1, max(lo, m.start - 4) - 1, -1):
                entries = self.lex.verb_index.get(doc[v].text.lower(), [])
                if any(en.type in ("ACCUSE", "COERCE") for en in entries):
                    return m
        return None

    def _statement_author(self, s: Sentence, recipient: Mention | None) -> Mention | None:
        """The author of the statement a sentence is framed by: "I rådets uttalelse fikk NRK
        skryt", "I ei fråsegn frå kommunen vert det kravd ..."."""
        doc = self.doc
        for tok in s.span:
            if tok.text.lower() not in STATEMENT_NOUNS or tok.head.text.lower() not in FRAMING_PREPS:
                continue
            for c in tok.children:
                m = self._mention(c.i)
                if m is None and c.pos_ == "ADP" and c.text.lower() in ("fra", "frå"):
                    m = next(self._mentions_below(c), None)
                if m is not None and m is not recipient and m.kind not in ("adj", "pronoun"):
                    return m
            owner = self._mention(tok.i - 1) if tok.i > 0 else None
            if owner is not None and doc[tok.i - 1].text.endswith("s"):
                return owner if owner is not recipient else None
        return None

    def _giver(self, noun: Token) -> Mention | None:
        """Who a non-actor subject comes from: "Stående applaus fra flere tusen gjester hedret
        FN", "Et brev frå ordføraren kritiserte ..."."""
        if noun.pos_ != "NOUN":
            return None
        for c in noun.children:
            if c.pos_ == "ADP" and c.text.lower() in ("fra", "frå"):
                m = next((m for m in self._mentions_below(c) if m.kind != "adj"), None)
                if m is not None:
                    return m
        return None

    def _mentions_below(self, tok: Token) -> Iterator[Mention]:
        """The mentions at the direct dependents of ``tok`` ("fra" -> "ordføreren"), in order."""
        for g in tok.children:
            m = self._mention(g.i)
            if m is not None:
                yield m

    def _relative(self, tok: Token, cs: int) -> tuple[Token, bool] | None:
        """(antecedent, whether "som" is the subject) when ``tok`` heads a relative clause."""
        doc = self.doc
        if doc[cs].text.lower() != "som":
            # "som Høyre, Fr.p. og sentrumspartiene undertegnet": commas inside a coordination
            k = cs - 1
            while (
                k > 0
                and cs - k <= 8
                and (doc[k].text == "," or doc[k].pos_ in ("PROPN", "NOUN", "CCONJ", "DET"))
            ):
                k -= 1
            if k >= 0 and doc[k].text.lower() == "som" and k < cs:
                cs = k
        if doc[cs].text.lower() != "som" or cs == 0:
            return None
        k = cs - 1
        if doc[k].text == "," and k > 0:
            k -= 1
        ant = doc[k]
        if ant.pos_ not in ("NOUN", "PROPN", "PRON") or ant.is_punct:
            return None
        between = [doc[j] for j in range(cs + 1, tok.i)]
        # an adverbial phrase may stand between: "som i 2001 vart dømt", "som lørdag ble dømt"
        adverbial = {
            d.i for t in between if t.pos_ == "ADP" and t.head.i >= cs for d in t.subtree if d.i < tok.i
        }
        subject = all(
            t.pos_ in ("ADV", "AUX", "VERB", "PART")
            or t.text.lower() in ("ikke", "ikkje", "seg", "sig")
            or t.i in adverbial
            or (t.dep_ == "ADV" and t.pos_ in ("NOUN", "PROPN") and self._mention(t.i) is None)
            for t in between  # "som stilte seg kritiske til": "som" is the subject
        )
        return ant, subject

    def _after_word(self, i: int, ce: int, word: str) -> Mention | None:
        """The mention after ``word`` close behind token ``i``, unless ``word`` belongs to a noun in
        between ("kritiseres for behandlingen av asylsøkere": not the agent)."""
        for j in range(i + 1, min(ce, i + 6)):
            if self.doc[j].text.lower() == word:
                head = self.doc[j].head
                instrument = head.head.text.lower() == "med" and head.head.head.i == i
                if head.i != i and head.pos_ == "NOUN" and i < head.i < j and not instrument:
                    return None  # (but "truet med kniv av naboen": the instrument's "av" is the verb's)
                return self._right_mention(j + 1, ce, set())
        return None
