"""The participants of an event noun, and whether the noun tells an event at all.

An event noun's agent and target ("Russlands angrep", "kritikk fra X", "sammenstøt mellom X og
Y", a compound's first part, the subject of a support verb: "gjennomførte generalstreik"), its
evidence of being a told event rather than a reference, a kind or a state, and the anaphors that
point back to an earlier event ("Det forslaget", "fordømte angrepet").

:class:`NounArgsMixin` is part of :class:`hending.extract.events.Extractor` and uses the helpers
of :class:`~hending.extract.event_args.ArgumentsMixin`.
"""

from __future__ import annotations

from spacy.tokens import Token

from hending.extract.actors import Mention, is_definite
from hending.extract.event_args import parsed_subject
from hending.extract.event_words import (
    ACCUSED,
    ASIDES,
    BENEFIT_PREPS,
    BODIES,
    COPULAS,
    GENERIC_DETS,
    HAVE,
    LOCATIVE,
    PARTNER_PREPS,
    RECEIVE,
    TARGET_PREPS,
    word_set,
)
from hending.extract.modality import clause_end, clause_start
from hending.extract.segment import Sentence
from hending.extract.triggers import Candidate


def _stand_in(tok: Token, actor: Mention) -> Mention:
    """A one-token mention (``tok``) that stands for ``actor``: its name, country and sector."""
    return Mention(
        tok.i,
        tok.i + 1,
        tok.i,
        "noun",
        tok.text,
        tok.idx,
        tok.idx + len(tok.text),
        actor.name,
        actor.country,
        actor.sector,
    )


def _measure(t: Token) -> bool:
    """A measure noun inside an event noun's phrase: "to dager lange", "tre vekers"."""
    return t.pos_ == "NOUN" and t.head.pos_ == "ADJ" and t.head.i == t.i + 1


# forms of "være"/"vere" in "var med på eit møte"
BE_FORMS = word_set("be_forms")
# verbs of taking part in an event ("deltok på møtet", "deltek i streiken")
PARTICIPATE = word_set("participate")
# verbs that stage an event named in a "til" phrase: "steller til demonstrasjon", "gikk til streik"
STAGE_VERBS = word_set("stage_verbs")
# verbs whose subject organises the event noun they take as object ("arrangerte et møte")
ORGANISE = word_set("organise")
# verbs whose object an event gathers: "Demonstrasjonen samlet 2000 mennesker"
GATHER = word_set("gather")
# the possessive of the "garpe" genitive: "politiet sin razzia", "regjeringa si kritikk"
GARPE = word_set("garpe")
# light verbs whose particle phrase makes them support an event noun: "satte i gang streik",
# "sette i verk ein aksjon"
PHRASAL_SUPPORT = word_set("phrasal_support", pairs=True)
# prepositions of the home or premises an action is carried out at: "razzia hos X"
HOME_PREPS = word_set("home_preps")
# event types whose target may be named through the owner of what is blamed
BLAME_TYPES = word_set("blame_types")
# event types whose agent is the subject of the clause an "under" phrase opens ("Under en razzia
# fant etterforskere ...", "Under møtet sa statsministeren ...")
DURING_TYPES = word_set("during_types")
DURING_PREPS = word_set("during_preps")


def _phrasal_support(verb: Token) -> bool:
    """``verb`` has a particle phrase that makes it a support verb ("satte i gang streik")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    for c in verb.children:
        for g in c.children:
            if (c.text.lower(), g.text.lower()) in PHRASAL_SUPPORT and g.i == c.i + 1:
                return True
    return False


EXISTENTIAL_VERBS = word_set("existential_verbs")


class NounArgsMixin:
    """Event-noun arguments and evidence of :class:`~hending.extract.events.Extractor`."""

    def _noun_args(self, cand: Candidate, s: Sentence) -> tuple[Mention | None, Mention | None, bool]:
        """Agent and target of an event noun, and whether the noun has event evidence."""
        doc, lex = self.doc, self.lex
        tok = doc[cand.head]
        lo, hi = s.span.start, s.span.end
        ce = clause_end(doc, tok.i, hi)
        if ce + 2 < hi and doc[ce].text == "," and doc[ce + 1].text.lower() in ASIDES:
            ce = clause_end(doc, ce + 1, hi)  # "sterk kritikk, særlig fra republikanere"
        actor = None
        evidence = False
        # a country adjective or genitive just before: "Russiske luftangrep", "Russlands angrep"
        for j in range(tok.i - 1, max(lo, tok.i - 5) - 1, -1):
            t = doc[j]
            if j in self.finder.country_adj_at:
                sector = "MIL" if cand.entry.type in ("ASSAULT", "MOBILIZE", "COERCE") else "GOV"
                actor = self.finder.adjective_actor(j, sector)
                break
            if t.text.lower() in GARPE and j > lo:
                owner = self._mention(j - 1)
                if owner is not None and owner.end == j and owner.kind != "pronoun":
                    actor = owner  # "Politiet sin razzia", "regjeringa si kritikk"
                    break
            m = self._mention(j)
            possessive = (
                m is not None
                and m.kind == "pronoun"
                and t.text.lower() in lex.pronouns.get("possessive", set())
            )
            if (
                m is not None
                and (t.text.endswith("s") or t.text.endswith("'") or possessive)
                and m.end == j + 1
            ):
                actor = m  # "Russlands angrep", "deira statsbesøk"
                break
            if _measure(t) or (j >= tok.i - 3 and t.pos_ in ("ADJ", "DET", "NUM") and not t.is_punct):
                continue  # "deira to dagar lange statsbesøk": a measure phrase inside the noun's phrase
            break
        if actor is None:
            actor = self._shared_owner(tok)
        # a compound's first part names the actor: "Militærkuppet", "terrorangrepene", "Nato-bombinga"
        if actor is None and cand.prefix:
            pre = lex.analyse_prefix(cand.prefix)
            people = cand.entry.type == "PROTEST" and pre is not None and pre.get("sector") == "CVL"
            if pre and ("noun" not in pre or people) and pre.get("sector") != "REB":
                # (a people prefix is the agent only of a protest: "ungdomsopptøyane",
                # "massedemonstrasjoner", "studentstreiken"; not "barnedrapet")
                actor = self._prefix_actor(tok, pre, s)
                if people:
                    actor.name = "protesters"
        # "kritikk fra X", "angrep mot X", "møte med X"; "sammenstøt mellom X og Y"
        recipient = None
        for c in tok.children:
            if c.text.lower() == "mellom":
                parts: list[Mention] = []
                for g in c.subtree:
                    pm = self._mention(g.i)
                    if pm is None and g.pos_ == "PROPN" and g.dep_ in ("PUTFYLL", "KONJ", "KOORD"):
                        pm = self._adhoc(g)  # "forhandlingane mellom Delta og Spekter"
                    if pm is not None and all(pm is not q for q in parts) and not hasattr(pm, "_member_of"):
                        parts.append(pm)  # "grupper av demonstranter": the group, not its members
                if parts:
                    actor = actor or parts[0]
                    recipient = parts[1] if len(parts) > 1 else None
        received = self._received(tok)
        j = tok.i + 1
        while j < min(ce, tok.i + 6):
            low = doc[j].text.lower()
            if low in ("og", "eller", "samt") and any(
                doc[k].text.lower() in lex.noun_index for k in range(j + 1, min(ce, j + 4))
            ):
                break  # "demonstrasjoner og enkelte sammenstøt med militæret": the next noun's phrase
            if low == "mellom" and j + 1 < ce and doc[j + 1].text.lower() in ("anna", "andre", "annet"):
                j += 2  # "mot mellom anna Erna Solberg"
                continue
            if low == "mellom" and actor is None and recipient is None:
                # "samanstøyt mellom mindre grupper av demonstrantar og politi"
                first = self._right_mention(j + 1, ce, set())
                if first is not None:
                    actor = first
                    k = first.end
                    while k < ce and (
                        hasattr(self._mention(k) or first, "_member_of")
                        or doc[k].text.lower() in ("av",)
                        or self._mention(k) is first
                    ):
                        k += 1
                    if k < ce and doc[k].text.lower() in ("og", "og/eller"):
                        recipient = self._right_mention(k + 1, ce, set())
            elif (
                low == "i"
                and actor is None
                and cand.entry.type == "CONSULT"
                and cand.entry.mode != "visit"
                and j == tok.i + 1
            ):
                # "møtet i Sikkerhetsrådet": the body that meets (not a place: "møtet i Oslo")
                m = self._right_mention(j + 1, ce, set(), max_gap=1)
                if m is not None and m.kind == "org" and m.sector in BODIES:
                    actor = m
            elif low == "i" and cand.entry.mode == "visit" and recipient is None and j == tok.i + 1:
                # "statsbesøk i Sveits": the host state is visited (a town is only the place)
                m = self._right_mention(j + 1, ce, set(), max_gap=1)
                if m is not None and m.kind == "country":
                    recipient = m
            elif (low in ("fra", "frå") or (received and low == "av")) and actor is None:
                # "kritikk fra X"; "fikk skryt av X": the giver
                actor = self._right_mention(j + 1, ce, set())
            elif (
                (
                    low in TARGET_PREPS | PARTNER_PREPS | BENEFIT_PREPS
                    or (low in HOME_PREPS and cand.entry.type == "COERCE")
                )
                and recipient is None
                and not (low == "med" and doc[j - 1].text.lower() in ("forbindelse", "samband"))
            ):
                # (not "i forbindelse med"); the owner of what is blamed is the one blamed:
                # "kritikken av Israels blokade", "oppgjer med leiarane sine avtalar"; the one whose
                # home is searched: "razzia hjemme hos Gabriele"
                recipient = self._right_mention(j + 1, ce, set(), owner=cand.entry.type in BLAME_TYPES)
            j += 1
        if actor is not None or recipient is not None:
            evidence = True
        judged = self._judged(tok, legal=False)
        if judged is not None:
            # "Krekar ble dømt for drapstrusler mot X": the crime is the convicted one's act, and
            # a charge or a sentence tells that act ("siktet for overgrep mot et barn")
            evidence = evidence or (self._judged(tok) is not None and not s.headline)
            st = parsed_subject(judged, lo, hi)
            if st is None and judged.dep_ == "FSPRED":
                st = parsed_subject(judged.head, lo, hi)  # "må møte i retten tiltalt for ..."
            if actor is None and st is not None and st.i < judged.i:
                actor = self._mention(st.i) or self._adhoc(st, any_noun=judged.dep_ == "FSPRED")
        joined = self._joined_actor(tok, cand.entry.type, lo, hi)
        if joined is not None:
            evidence = True
            body = actor is not None and actor.start > tok.i and actor.kind in ("org", "noun")
            if body and recipient is None:
                recipient = actor  # "var med på eit møte i kommunaldepartementet": the body met
                actor = None
            actor = actor or joined
        if actor is None and tok.dep_ == "DOBJ" and tok.head.text.lower() in ORGANISE:
            st = parsed_subject(tok.head, lo, hi)  # "Paven forbereder et viktig møte med ..."
            actor = self._mention(st.i) if st is not None else None
        gathered = self._gathered(tok) if cand.entry.type in ("CONSULT", "PROTEST") else None
        if gathered is not None:
            evidence = True
            actor = actor or gathered
        head = self._support_head(tok)
        receiving = received
        if actor is None and cand.entry.type in DURING_TYPES:
            actor = self._during_actor(tok, lo, hi)
        if (
            head.i != tok.i
            and (head.text.lower() in lex.support_forms or _phrasal_support(head))
            and tok.dep_ in ("DOBJ", "SUBJ", "PUTFYLL")
            and not (cand.entry.type == "SUPPORT" and head.text.lower() in HAVE)  # "han har støtte i rådet"
            and not (
                "inf" in head.tag_ and head.i > 0 and doc[head.i - 1].text.lower() == "å"
            )  # "mogleg å få fram bistand"
        ):
            evidence = True
            if actor is None and not receiving and tok.dep_ == "DOBJ":
                st = parsed_subject(head, lo, hi)
                actor = self._mention(st.i) if st is not None else None
            if receiving and recipient is None:
                st = parsed_subject(head, lo, hi)
                if st is not None:
                    recipient = self._mention(st.i) or self._proposal(st)
            if recipient is None and not receiving:
                # "har gitt militsen ordre om ...", "sendte regjeringa eit krav"
                for c in head.children:
                    if c.dep_ == "IOBJ" and c.i != tok.i:
                        recipient = self._mention(c.i) or self._adhoc(c)
                        break
        if (
            tok.dep_ in ("SUBJ", "ROOT")
            and not s.headline
            and any(t.morph.get("Tense") and t.pos_ in ("VERB", "AUX") for t in s.span)
        ):
            evidence = True
        if cand.mode and cand.entry.type == "ASSAULT":
            evidence = True
        if not evidence or actor is None:
            actor, evidence = self._noun_support(tok, s, actor, evidence, receiving)
        if cand.entry.type in ("CONSULT", "PROTEST", "ASSAULT") and self._anchored(tok, s):
            evidence = True  # a meeting, demonstration or attack with its own time or place
        return actor, recipient, evidence

    def _shared_owner(self, tok: Token) -> Mention | None:
        """ "Israels blokade og angrep på Gaza": the owner of the first of coordinated event nouns
        owns the later ones too."""
        first = tok.head
        if tok.dep_ != "KOORD" or first.i >= tok.i or first.pos_ != "NOUN":
            return None
        if first.text.lower() not in self.lex.noun_index:
            return None  # "Israels soldatar og angrep ...": only a shared event phrase
        for c in first.children:
            if c.dep_ != "DET" or c.i >= first.i:
                continue
            m = self._mention(c.i)
            possessive = c.text.lower() in self.lex.pronouns.get("possessive", set())
            if m is not None and m.end == c.i + 1 and (c.text.endswith(("s", "'")) or possessive):
                return m
        return None

    def _joined_actor(self, tok: Token, typ: str, lo: int, hi: int) -> Mention | None:
        """The one who takes part in the event the noun names: "var med på eit møte", "deltok i
        demonstrasjonen", "gjekk ut i streik", "vert tekne ut i streik"."""
        prep = tok.head
        if tok.dep_ != "PUTFYLL" or prep.pos_ != "ADP" or prep.i > tok.i:
            return None
        verb = None
        low = prep.text.lower()
        if low in ("på", "i") and prep.head.text.lower() == "med" and prep.head.head.text.lower() in BE_FORMS:
            verb = prep.head.head  # "var med på eit møte"
        elif (
            low in ("på", "i")
            and prep.head.text.lower() in BE_FORMS
            and prep.i > lo
            and self.doc[prep.i - 1].text.lower() == "med"
        ):
            verb = prep.head  # the same, with "på" hung on the verb
        elif low in ("på", "i") and prep.head.text.lower() in PARTICIPATE:
            verb = prep.head  # "deltok på dialogmøtet"
        elif typ == "PROTEST" and low == "i" and prep.i > lo and self.doc[prep.i - 1].text.lower() == "ut":
            verb = prep.head  # "gjekk ut i streik", "vert tekne ut i streik"
        elif low == "til" and prep.head.text.lower() in STAGE_VERBS:
            verb = prep.head  # "steller Interessegruppa til demonstrasjon", "gikk til angrep"
        if verb is None:
            return None
        st = parsed_subject(verb, lo, hi)
        if st is None:
            return None
        return self._mention(st.i) or self._adhoc(st)

    def _gathered(self, tok: Token) -> Mention | None:
        """ "Onsdagens møte samla 24 motstandarar": those an event gathers take part in it."""
        if tok.dep_ != "SUBJ" or tok.head.text.lower() not in GATHER:
            return None
        for c in tok.head.children:
            if c.dep_ == "DOBJ":
                return self._mention(c.i) or self._adhoc(c, any_noun=True)
        return None

    def _during_actor(self, tok: Token, lo: int, hi: int) -> Mention | None:
        """ "Under en razzia hjemme hos X fant etterforskere ...": the subject of the active
        clause that a fronted "under" phrase opens carries out the event."""
        prep = tok.head
        if prep.text.lower() not in DURING_PREPS or prep.i != lo or tok.dep_ != "PUTFYLL":
            return None
        verb = prep.head
        if verb.pos_ != "VERB" or verb.morph.get("Voice") == ["Pass"] or verb.i <= tok.i:
            return None
        st = parsed_subject(verb, lo, hi)
        if st is None or st.i < verb.i:
            return None
        m = self._mention(st.i)
        return m if m is not None and m.kind != "pronoun" else None

    def _judged(self, tok: Token, legal: bool = True) -> Token | None:
        """The charge or sentence whose "for" phrase the event noun is ("tiltalt for overgrep",
        "dømd for drap"), if any; with ``legal=False`` also a blame ("kritisert for angrepene")."""
        if tok.head.text.lower() != "for" or tok.head.head.i == tok.i or tok.head.i > tok.i:
            return None
        judged = tok.head.head
        low = judged.text.lower()
        entries = self.lex.verb_index.get(low, [])
        if low in ACCUSED or any(
            en.mode in ("arrest", "legal") or (en.type == "COERCE" and en.lemma in ("dømme", "døme"))
            for en in entries
        ):
            return judged
        if not legal and any(
            en.type in ("COERCE", "ACCUSE") and en.mode in (None, "arrest", "legal") for en in entries
        ):
            return judged
        return None

    def _support_head(self, tok: Token) -> Token:
        """The verb an event noun hangs from ("deltok i demonstrasjonene", "kom med kritikk")."""
        head = tok.head
        if head.pos_ == "ADP" and tok.dep_ == "PUTFYLL" and head.head.text.lower() in self.lex.support_forms:
            head = head.head
        return head

    def _received(self, tok: Token) -> bool:
        """The noun is something received: "fikk kritikk", "møtte motstand" (not "Etter trusselen
        har Holte motteke ...")."""
        head = tok.head
        if head.pos_ == "ADP" and head.text.lower() in ("etter", "før", "under", "siden", "sidan"):
            return False
        return self._support_head(tok).text.lower() in RECEIVE

    def _noun_event(
        self, cand: Candidate, s: Sentence, si: int, sc: list[Candidate]
    ) -> tuple[Mention | None, Mention | None] | None:
        """The actor and recipient of an event noun that tells an event of its own; None when it
        does not (an instrument of another event, a kind, a reference to an event already known, a
        predicate or a state, the object of another trigger, a singular where a plural is needed)."""
        doc, e = self.doc, cand.entry
        tok = doc[cand.head]
        lo, hi = s.span.start, s.span.end
        actor, recipient, evidence = self._noun_args(cand, s)
        if "self_evident" in e.needs:
            # "den pågripne sunnfjordingen", "over 60 pågripne personar": the arrested
            head = tok.head if tok.head.i > tok.i and tok.head.pos_ == "NOUN" else None
            if head is None:
                return None
            evidence = True
            recipient = recipient or self._mention(head.i) or self._adhoc(head, any_noun=True)
            if actor is None and e.implied:
                actor = self._implied(si, e.implied)
        # an instrument of another event: "støttet ... med luftangrep"
        prev = doc[tok.i - 1].text.lower() if tok.i > lo else ""
        if prev == "med" and any(
            o.head < tok.i and (not o.nominal or doc[tok.i - 1].head.i == o.head) for o in sc if o is not cand
        ):
            return None  # (not "Etter trusselen har redaktøren fått e-poster med støtte fra lesere")
        # a kind, not an event: "slike krav", "denne type angrep", "ei slik avtale"
        kind_words = [doc[j].text.lower() for j in range(max(lo, tok.i - 3), tok.i)]
        if any(w in GENERIC_DETS for w in kind_words) or " ".join(kind_words[-2:]) in GENERIC_DETS:
            return None
        anchored = self._anchored(tok, s)
        selfcontained = anchored and e.type in ("CONSULT", "PROTEST", "ASSAULT")
        if not evidence or (
            "participants" in e.needs and actor is None and recipient is None and not selfcontained
        ):
            return None
        introduced = (
            tok.i + 1 < hi
            and doc[tok.i + 1].text.lower() == "som"
            and not any(ev["type"] == e.type for ev in self._events)
        )  # "Trusselbrevet som kom inn til Radio Rauland måndag kveld, var signert ..."
        introduced = introduced or (
            evidence and self._superlative(tok, lo) and not any(ev["type"] == e.type for ev in self._events)
        )  # "utløyste den største demonstrasjonen etter krigen": new, not a reference back
        if introduced and recipient is None:
            rce = clause_end(doc, tok.i + 2, hi)
            for j in range(tok.i + 2, rce):
                if doc[j].text.lower() in ("til", "mot") and recipient is None:
                    recipient = self._right_mention(j + 1, rce, set())
        if (
            is_definite(tok)
            and actor is None
            and recipient is None
            and not ((selfcontained or introduced) and not any(ev["type"] == e.type for ev in self._events))
        ):
            return None  # "bombinga", "Demonstrasjonene": a reference to something known
        if tok.dep_ == "SPRED" and not self._existential(tok, lo):
            return None  # predicative: "han er en trussel" (but "Det vart eit møte i Morgedal")
        if (
            is_definite(tok)
            and tok.dep_ == "SUBJ"
            and tok.head.text.lower() in COPULAS
            and any(
                c.dep_ == "SPRED"
                or (c.text.lower() in COPULAS and any(g.dep_ == "SPRED" for g in c.children))
                for c in tok.head.children
            )
        ):
            return None  # a state described: "samarbeidet med Yunus er blitt et mareritt"
        # the object of another trigger: "avviste kravene" (a known demand), "inngikk en
        # våpenhvile" (told by the verb already)
        gov = [o for o in sc if o is not cand and not o.nominal and o.head == tok.head.i]
        demand = [
            o
            for o in sc
            if not o.nominal
            and o.entry.type == "REQUEST"
            and (o.head == tok.head.i or (tok.head.i in o.tokens and tok.dep_ == "PUTFYLL"))
        ]
        if demand and tok.dep_ in ("DOBJ", "PUTFYLL") and not is_definite(tok):
            return None  # the demanded act: "krev løslatelse av fangane", "ber om utlevering av X"
        if gov and tok.dep_ in ("DOBJ", "PUTFYLL") and (gov[0].entry.type == e.type or is_definite(tok)):
            return None
        # "den angivelige voldtekten", "angrepet": a definite noun with no agent of its own
        # refers back to an event already told
        if (
            actor is None
            and is_definite(tok)
            and any(
                ev["type"] == e.type and ev["_lemma"] == e.lemma and 0 < si - ev["_si"] <= 3
                for ev in self._events
            )
        ):
            return None
        if (
            "plural" in e.needs
            and tok.morph.get("Number") != ["Plur"]
            and not tok.text.lower().endswith(("er", "ene", "ar", "ane"))
        ):
            return None
        return actor, recipient

    def _superlative(self, tok: Token, lo: int) -> bool:
        """A superlative in the noun's phrase ("den største demonstrasjonen"): it ranks the event
        among others, so it tells it rather than pointing back to one told before."""
        for j in range(tok.i - 1, max(lo, tok.i - 3) - 1, -1):
            t = self.doc[j]
            if t.pos_ not in ("ADJ", "DET", "ADV"):
                return False
            if t.pos_ == "ADJ" and t.morph.get("Degree") == ["Sup"] and t.head.i == tok.i:
                return True
        return False

    def _existential(self, tok: Token, lo: int) -> bool:
        """ "Det ble/vart eit møte", "Det har vært en skyteepisode": a predicative noun after an
        expletive subject exists."""
        verb = tok.head
        if verb.text.lower() not in EXISTENTIAL_VERBS:
            return False
        return any(
            c.dep_ in ("SUBJ", "FSUBJ") and c.text.lower() == "det"
            for v in (verb, verb.head)
            for c in v.children
        )

    def _anchored(self, tok: Token, s: Sentence) -> bool:
        """An event noun with its own time or place: "årets fakkeltog", "Onsdagens møte",
        "klimamøtet i Durban", "ein valdsepisode ved postbygget i Førde"."""
        doc = self.doc
        t0, t1 = tok.idx, tok.idx + len(tok.text)
        ce = clause_end(doc, tok.i, s.span.end)
        c_end = doc[ce - 1].idx + len(doc[ce - 1].text)
        for t in self.times:
            if t["end"] <= t0 and len(self.text[t["end"] : t0]) <= 1 and t["text"].lower().endswith("s"):
                return True  # "årets fakkeltog", "gårsdagens dialogmøte"
            if t1 <= t["start"] < c_end and len(self.text[t1 : t["start"]].split()) <= 4:
                return True  # "møtet i Morgedal torsdag"
        for p in self.places:
            if t1 <= p["start"] < c_end and p.get("role") != "actor":
                between = self.text[t1 : p["start"]].split()
                if 1 <= len(between) <= 3 and between[0].lower() in LOCATIVE:
                    return True
        return False

    def _noun_support(
        self, tok: Token, s: Sentence, actor: Mention | None, evidence: bool, receiving: bool
    ) -> tuple[Mention | None, bool]:
        """Surface evidence for an event noun the parse did not attach: a support verb shortly
        before it in its clause ("gjennomførte onsdag og torsdag generalstreik", whose subject is
        the agent)."""
        doc, lex = self.doc, self.lex
        lo, hi = s.span.start, s.span.end
        cs = clause_start(doc, tok.i, lo)
        prep_at = None
        for j in range(tok.i - 1, max(cs, tok.i - 6) - 1, -1):
            t = doc[j]
            low = t.text.lower()
            if t.is_punct:
                break
            if t.pos_ == "ADP":
                if prep_at is not None:
                    break
                prep_at = j
                continue
            if low in lex.support_forms and (t.pos_ in ("VERB", "AUX") or t.tag_.startswith("verb")):
                if (
                    low in HAVE
                    and self.lex.noun_index.get(tok.text.lower(), [None])[0] is not None
                    and any(en.type == "SUPPORT" for en in self.lex.noun_index.get(tok.text.lower(), []))
                ):
                    break  # having support is a state, not an event
                if prep_at is not None and prep_at != j + 1:
                    break  # "rettar seg etter FNs bøn om våpenkvile": the content of another noun
                # an infinitive or a modal chain is a possibility, not a told event ("kan komme
                # fram til ei våpenkvile", "å søkje støtte")
                if "inf" in t.tag_ or t.morph.get("VerbForm") == ["Inf"] or self.mod.modal(doc, j, lo):
                    break
                evidence = True
                if actor is None and low not in RECEIVE:
                    st = parsed_subject(t, lo, hi)
                    actor = self._mention(st.i) if st is not None else None
                    rel = self._relative(t, cs)
                    if actor is None and rel is not None and rel[1]:
                        # "Helseministeren som deltok på gårsdagens dialogmøte"
                        actor = self._mention(rel[0].i) or self._adhoc(rel[0])
                    if actor is None:
                        actor = self._left_actor(cs, j)
                break
            if t.pos_ == "VERB" and t.tag_.startswith("verb"):
                break  # another verb governs the noun ("har lufta våpenkvile")
        return actor, evidence

    def _prefix_actor(self, tok: Token, pre: dict, s: Sentence) -> Mention:
        """The actor named by a compound prefix, with the compound token as its text."""
        m = Mention(tok.i, tok.i + 1, tok.i, "adj", tok.text, tok.idx, tok.idx + len(tok.text))
        if "org" in pre:
            org = pre["org"]
            m.name, m.sector, m.country = org.name, org.sector, org.country
        elif "country" in pre:
            c = pre["country"]
            m.name, m.sector, m.country = f"{c.adj_en} armed forces", "MIL", c.code3
        else:
            m.sector = pre.get("sector", "UNK")
            m.country = (
                (self._place_country(s) or self.finder.story_country)
                if m.sector in ("GOV", "MIL", "COP", "CVL")
                else None
            )
            m.name = {
                "MIL": "military",
                "REB": "militants",
                "GOV": "government",
                "COP": "police",
                "OPP": "opposition",
                "IGO": "international organisation",
            }.get(m.sector, "unknown")
        return m

    def _proposal(self, tok: Token) -> Mention | None:
        """ "Det forslaget" as a target: the actor of the latest event that proposed something."""
        if tok.text.lower() not in self.lex.proposal_nouns:
            return None
        for ev in reversed(self._events):
            if ev["actor"] and ev["_m_actor"] is not None and ev["sentence"]["start"] < tok.idx:
                m = _stand_in(tok, ev["_m_actor"])
                # include a determiner before it ("Det forslaget")
                if tok.i > 0 and self.doc[tok.i - 1].pos_ == "DET":
                    d = self.doc[tok.i - 1]
                    m.start, m.start_char, m.text = d.i, d.idx, self.text[d.idx : m.end_char]
                return m
        return None

    def _event_anaphor(self, tok: Token) -> Mention | None:
        """ "fordømte angrepet": the target of a reaction to a told event is that event's actor."""
        entries = self.lex.noun_index.get(tok.text.lower())
        if not entries or not is_definite(tok):
            return None
        for ev in reversed(self._events):
            if ev["type"] == entries[0].type and ev["_m_actor"] is not None:
                return _stand_in(tok, ev["_m_actor"])
        return None
