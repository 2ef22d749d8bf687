"""Events and quotes from an analysed document: the extraction stage's entry point.

``extract_events(doc, times, places, published) -> (events, quotes)``: triggers from the
lexicons, arguments from the dependency parse (with surface fallbacks where the parse fails),
actors resolved through the lexicons and coreference, then modality, attribution, location,
date and fatalities.

Conventions of the gold (GUIDE.md, eval/README.md) the extractor follows: only asserted
real-world events (no negated, generic, conditional or possible ones, nothing told as the content
of a film, show or manifesto, nothing from headlines, which sum up the body); one event per
real-world event, coded at its most informative mention (:func:`~hending.extract.event_merge.merge_repeats`);
an event's date from the time expression of its own clause, else the story's last time for a past
event, else the news day; its place from its sentence, else the paragraph, else the story's place.

This module holds the run loop and the decision whether a trigger is a coded event; the pieces
live beside it: verb arguments (:mod:`~hending.extract.event_args`), event nouns
(:mod:`~hending.extract.event_nouns`), participant resolution (:mod:`~hending.extract.event_actors`),
dates (:mod:`~hending.extract.event_dates`), places (:mod:`~hending.extract.event_places`), ACLED
coding and armed context (:mod:`~hending.extract.acled`), repeated mentions
(:mod:`~hending.extract.event_merge`) and word lists (:mod:`~hending.extract.event_words`).
"""

from __future__ import annotations

import datetime

from spacy.tokens import Doc, Token

from hending.extract import dates as dates_mod
from hending.extract.acled import acled_type, armed_context, is_sports, upgrade
from hending.extract.actors import ARMED, ActorFinder, is_definite
from hending.extract.attribution import Source, find_sources
from hending.extract.event_actors import ActorsMixin
from hending.extract.event_args import ArgumentsMixin, parsed_subject
from hending.extract.event_dates import DatesMixin
from hending.extract.event_merge import dedupe, merge_repeats
from hending.extract.event_nouns import NounArgsMixin
from hending.extract.event_places import PlacesMixin
from hending.extract.event_words import ACCUSED, INDIRECT_Q, POSSESSIVES, PROTEST_CUES, SPEECH_TYPES
from hending.extract.fatalities import fatalities as count_killed
from hending.extract.lexicon import Lexicon, load
from hending.extract.modality import NEW_CLAUSE, Modality, clause_end, clause_start
from hending.extract.quotes import find_quotes
from hending.extract.segment import Sentence, sentences
from hending.extract.triggers import Candidate, find

PRESENT_AUX = {"er", "blir", "vert"}


class Extractor(ArgumentsMixin, NounArgsMixin, ActorsMixin, DatesMixin, PlacesMixin):
    """One document's extraction state."""

    def __init__(
        self, doc: Doc, times: list[dict], places: list[dict], published: dict, lex: Lexicon | None = None
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex or load()
        self.published = published
        self.places = sorted(
            [p for p in places or [] if isinstance(p.get("start"), int) and isinstance(p.get("end"), int)],
            key=lambda p: p["start"],
        )
        given = [t for t in times or [] if isinstance(t.get("start"), int) and isinstance(t.get("end"), int)]
        self.times = given or dates_mod.detect(self.text, published)
        self.mod = Modality(self.lex)
        self.sents = sentences(doc, self.text)
        self.finder = ActorFinder(self.lex, doc, self.places)
        self.finder.find()
        self.sources: dict[int, Source] = {}
        self.quotes: list[dict] = []
        self._fiction: dict[int, bool] = {}
        armed = sum(1 for m in self.finder.mentions if m.sector in ("MIL", "REB"))
        violent = sum(1 for t in doc if t.text.lower() in self.lex.violence_words)
        self.doc_armed = armed >= 3 or violent >= 3

    def run(self) -> tuple[list[dict], list[dict]]:
        """The document's events (deduplicated, repeats merged, working keys dropped) and quotes."""
        doc, lex = self.doc, self.lex
        self.sources = find_sources(doc, self.sents, self.finder, lex)
        self.quotes = find_quotes(doc, self.sents, self.sources, self.text)
        cands = find(doc, [s.span for s in self.sents], lex)
        sent_of = {}
        for si, s in enumerate(self.sents):
            for t in s.span:
                sent_of[t.i] = si
        by_sent: dict[int, list[Candidate]] = {}
        for c in cands:
            if c.head in sent_of:
                by_sent.setdefault(sent_of[c.head], []).append(c)
        self._events: list[dict] = []
        absorbed: set[int] = set()
        for si, s in enumerate(self.sents):
            sc = by_sent.get(si, [])
            for k, cand in enumerate(sc):
                if cand.head in absorbed:
                    continue
                ev = self._event(cand, s, si, sc, k, absorbed)
                if ev is not None:
                    self._events.append(ev)
        events = merge_repeats(dedupe(self.doc, self._events))
        for ev in events:
            for key in [k for k in ev if k.startswith("_")]:
                del ev[key]
        quotes = [{k: v for k, v in q.items() if k != "paragraph"} for q in self.quotes]
        return events, quotes

    @staticmethod
    def _noun_subject(tok: Token, lo: int, hi: int) -> bool:
        """The verb has a noun subject of its own ("Begge dei to sogningane tilstod"): somebody
        particular confesses, even when the noun names no known actor."""
        st = parsed_subject(tok, lo, hi)
        return st is not None and st.pos_ in ("NOUN", "PROPN")

    def _quote_at(self, char: int) -> dict | None:
        """The quote that contains character offset ``char``, if any."""
        for q in self.quotes:
            if q["start"] <= char < q["end"]:
                return q
        return None

    def _own_clause(self, speech: Candidate, cand: Candidate) -> bool:
        """Trigger ``cand`` after speech act ``speech`` tells a fact of its own, not the demanded,
        threatened or refused act: a new main clause ("bad retten om å frifinne han, medan aktor
        bad om ..."), or a past-tense relative clause ("krev avtalar etter mønster av avtalen som
        partia underteikna i fjor")."""
        doc, tok = self.doc, self.doc[cand.head]
        span = range(max(speech.tokens) + 1, min(cand.tokens))
        if any(doc[j].text == "," and doc[j + 1].text.lower() in NEW_CLAUSE for j in span):
            return True
        if cand.nominal or "Past" not in tok.morph.get("Tense"):
            return False
        marks = [j for j in span if doc[j].text.lower() in ("å", "at", "om")]
        return any(doc[j].text.lower() == "som" for j in span if not marks or j > marks[-1])

    def _charged(self, tok: Token, lo: int) -> bool:
        """ "Eksbutleren er sikta for ...", "Mannen blir tiltalt for ...": a charge now in force
        against a particular person (a past "var tiltalt for" is the background of a verdict)."""
        if tok.text.lower() not in ACCUSED:
            return False
        cs = clause_start(self.doc, tok.i, lo)
        return any(self.doc[j].text.lower() in PRESENT_AUX for j in range(max(cs, tok.i - 3), tok.i))

    @staticmethod
    def _in_question(qword: Token, tok: Token) -> bool:
        """The trigger belongs to the indirect question ``qword`` opens: it is the question's verb
        or in its phrase ("veit ikkje kvifor han ba om ..."), not a later conjunct of the clause
        around it ("forklarer korleis pengane vart brukte og inneheld skarp kritikk av X")."""
        verb = qword.head
        return verb.i == tok.i or verb.is_ancestor(tok) or qword.i == verb.i

    def _segment(self, cand: Candidate, s: Sentence, sc: list[Candidate], k: int) -> tuple[int, int]:
        """The stretch of the sentence that belongs to the ``k``-th trigger ``cand`` of ``sc``: from
        the end of the trigger before it to the start of the one after."""
        doc = self.doc
        start = s.start if k == 0 else doc[max(sc[k - 1].tokens)].idx + len(doc[max(sc[k - 1].tokens)].text)
        end = s.end if k + 1 >= len(sc) else doc[min(sc[k + 1].tokens)].idx
        return start, end

    def _event(
        self, cand: Candidate, s: Sentence, si: int, sc: list[Candidate], k: int, absorbed: set[int]
    ) -> dict | None:
        """The event record of trigger ``cand`` (the ``k``-th of sentence ``si``), or None when it
        tells no coded event; the tokens an upgrade reads are added to ``absorbed``."""
        doc, lex, e = self.doc, self.lex, cand.entry
        tok = doc[cand.head]
        lo, hi = s.span.start, s.span.end
        # a word inside a time expression is no trigger ("i går" is yesterday, not "gå")
        if (not cand.nominal and any(t["start"] <= tok.idx < t["end"] for t in self.times)) or (
            tok.i > lo and doc[tok.i - 1].text.lower() == "i" and tok.text.lower() == "går"
        ):
            return None
        if self.mod.idiom(doc, tok.i):
            return None  # "etter alt å dømme"
        # the content of a film, show or manifesto is not a real-world event
        if si not in self._fiction:
            self._fiction[si] = self.mod.fiction([t.text for t in s.span])
        if self._fiction[si]:
            return None
        # scare quotes: «knivstukket»
        if (
            tok.i > lo
            and tok.i + 1 < hi
            and doc[tok.i - 1].text in ("«", '"', "“")
            and doc[tok.i + 1].text in ("»", '"', "”")
        ):
            return None
        cs = clause_start(doc, tok.i, lo)
        ce = clause_end(doc, max(cand.tokens), hi)
        typ, mode = e.type, cand.mode or e.mode
        how = "noun"
        obj_tok = None
        if cand.nominal:
            noun_args = self._noun_event(cand, s, si, sc)
            if noun_args is None:
                return None
            actor, recipient = noun_args
        else:
            verb_args = self._verb_event(cand, s)
            if verb_args is None:
                return None
            actor, recipient, obj_tok, how = verb_args
        if typ == "ASSAULT" and not cand.nominal:
            for j in range(max(cand.tokens) + 1, min(ce, max(cand.tokens) + 6)):
                om = lex.object_modes.get(doc[j].text.lower())
                if om:
                    mode, obj_acled = om[0], om[1]
                    break
            else:
                obj_acled = None
        else:
            obj_acled = None
        up = upgrade(doc, cand, ce)
        if up:
            typ, mode, more = up
            absorbed |= more
        # clashes of demonstrators (with the police) are riots, whatever the armed context
        if e.civil and typ == e.type and not (actor is not None and actor.sector in ("GOV", "MIL", "IGO")):
            words = {t.text.lower() for t in s.span}
            protesters = any(m is not None and m.sector in ("CVL", "OPP") for m in (actor, recipient))
            if e.civil == "PROTEST" and (e.type != "ASSAULT" or protesters or words & PROTEST_CUES):
                typ = "PROTEST"
                mode = "riot" if e.type == "ASSAULT" else mode
        # needs
        armed = (
            armed_context(lex, self.finder, s, actor, recipient, cand.tokens)
            or (self.doc_armed and typ == "ASSAULT" and not is_sports(lex, {t.text.lower() for t in s.span}))
            or (cand.nominal and not s.headline and self._judged(tok) is not None)
        )  # the last: a violent crime someone is charged with or sentenced for ("tiltalt for overgrep")
        if ("armed" in e.needs or e.metaphor) and typ == e.type:
            if not armed:
                if e.metaphor:
                    typ, mode = e.metaphor, None
                else:
                    return None
            elif (
                e.metaphor
                and actor is not None
                and actor.sector in ("PTY", "OPP", "JRN", "MED", "BUS")
                and not (recipient is not None and recipient.sector in ARMED)
            ):
                typ, mode = e.metaphor, None
        if recipient is not None and actor is not None and recipient.start == actor.start >= 0:
            recipient = None
        if e.unless and any(doc[j].text.lower() in e.unless for j in range(tok.i + 1, ce)):
            return None
        if "aid_context" in e.needs and not ({t.text.lower() for t in s.span} & lex.aid_words):
            return None
        refusal = self.mod.refusal(doc, tok.i, lo, typ)
        if "object_actor" in e.needs and recipient is None and not refusal:
            low = tok.text.lower()
            if not (low.endswith(("es", "ast", "st")) and actor is not None and actor.plural):
                return None
        official_visit = (
            actor is not None
            and actor.sector in ("GOV", "IGO", "PTY", "MIL")
            and obj_tok is not None
            and obj_tok.pos_ in ("NOUN", "PROPN")
        )  # "Torsdag vitja utviklingsministeren vestfylket"
        if (
            "object_actor_or_place" in e.needs
            and recipient is None
            and not official_visit
            and not any(
                p["start"] >= doc[max(cand.tokens)].idx and p["start"] < doc[ce - 1].idx + 1
                for p in self.places
            )
            and not any(doc[j].ent_type_ in ("GPE_LOC", "LOC", "GPE_ORG") for j in range(tok.i + 1, ce))
        ):
            return None
        for need in e.needs:
            if need.startswith("object_sector:"):
                want = need.split(":", 1)[1]
                found = (recipient is not None and recipient.sector == want) or (
                    actor is not None and actor.sector == want and self._is_passive(tok, cs, typ)
                )  # "soldatar vart sende": the force sent is the subject of a passive
                if not found:
                    for j in range(max(cand.tokens) + 1, min(ce, max(cand.tokens) + 5)):
                        m = self._mention(j)
                        if m is not None and m.sector == want:
                            found = True
                            break
                if not found:
                    return None
                recipient = None if recipient is not None and recipient.sector == want else recipient
        if (
            "victim" in e.needs
            and recipient is None
            and actor is None
            and count_killed(s.text) is None
            and not any(self._mention(j) is not None for j in range(cs, ce))
        ):
            return None
        if (
            "object_noun" in e.needs
            and not any(doc[j].text.lower() in lex.noun_index for j in range(tok.i + 1, min(ce, tok.i + 5)))
            and not (
                obj_tok is not None
                and any(
                    doc[j].text.lower() in lex.noun_index
                    for j in range(max(lo, obj_tok.i - 3), obj_tok.i + 1)
                )
            )
        ):
            return None  # "avtalen om kontantstøtte som Høyre og Frp undertegnet"
        if e.verbal and typ == e.type:
            words = {t.text.lower() for t in s.span}
            if not (words & PROTEST_CUES) and not (
                actor is not None and actor.sector in ("CVL", "OPP", "REF")
            ):
                typ, mode = e.verbal, None
        if ("actor" in e.needs or "agent" in e.needs) and actor is None:
            return None
        if "finite" in e.needs and not (tok.morph.get("Tense") or "pres" in tok.tag_ or "pret" in tok.tag_):
            return None
        for need in e.needs:
            if need.startswith("actor_sector:") and (
                actor is None or actor.sector not in need.split(":", 1)[1].split("|")
            ):
                return None  # "ringte" between leaders, not a newspaper calling for a comment
        # the demanded/threatened/refused act is part of that speech act, not an event of its own
        for o in sc:
            if (
                o is not cand
                and not o.nominal
                and o.head < tok.i
                and o.entry.type in ("REQUEST", "THREATEN", "REJECT")
                and (
                    any(doc[j].text.lower() in ("å", "at", "om") for j in range(max(o.tokens) + 1, tok.i))
                    or ("inf" in tok.tag_ and not cand.nominal)  # "ba statsministeren møte pasientene"
                )
                and not any(doc[j].text in (".", ";", "?", "!") for j in range(o.head, tok.i))
                and not self._own_clause(o, cand)
            ):
                return None
        # purely conditional statements and questions are not asserted events; a definite event
        # noun with its own parties inside a condition exists all the same ("dersom det blir brudd i
        # forhandlingene mellom forbundet og arbeidsgiverne")
        presupposed = (
            cand.nominal
            and is_definite(tok)
            and tok.dep_ == "PUTFYLL"
            and tok.head.i < tok.i
            and (actor is not None or recipient is not None)
        )
        if (
            (self.mod.conditional(doc, tok.i, lo) and not presupposed)
            or self.mod.advisory(doc, tok.i, lo)
            or s.text.rstrip().endswith("?")
            or any(
                doc[j].text.lower() in INDIRECT_Q and self._in_question(doc[j], tok)
                for j in range(clause_start(doc, tok.i, lo), tok.i)
            )
        ):
            return None
        # modality
        negated = self.mod.negated(
            doc, tok.i, lo, verbal=not cand.nominal and tok.morph.get("VerbForm") != ["Part"]
        )
        ts0 = doc[min(cand.tokens)].idx
        if (
            typ in SPEECH_TYPES
            and actor is None
            and (
                recipient is None
                or (recipient.kind == "adhoc" and recipient.sector == "UNK" and not self._charged(tok, lo))
            )
            and (self._quote_at(ts0) is None or cand.nominal)
            and not (
                typ == "CONSULT" and cand.nominal and self._anchored(tok, s)
            )  # "møtet i Morgedal torsdag"
            and not (mode == "confess" and not cand.nominal and self._noun_subject(tok, lo, hi))
        ):
            return None  # a speech act with nobody doing it or receiving it is generic ("der islam angripes")
        hypothetical = self.mod.hypothetical(doc, tok.i, lo) and not (
            presupposed and not self.mod.modal(doc, tok.i, lo)
        )
        if refusal or (
            "refusal" in e.needs and self.mod.negated(doc, tok.i, lo, True) and self.mod.modal(doc, tok.i, lo)
        ):
            typ, mode, negated, hypothetical = "REJECT", None, False, False
        elif "refusal" in e.needs:
            return None
        if negated:
            return None  # not asserted: the gold codes no negated event ("har aldri beskyldt islam")
        if hypothetical and typ in ("SANCTION", "ASSAULT", "COERCE") and self.mod.warned(doc, tok.i, lo):
            typ, mode, hypothetical = "THREATEN", None, False
            if actor is None:
                # the one who warns threatens: "Sikkerhetsrådet varsler om at det kan bli aktuelt å
                # innføre sanksjoner mot Mali"
                for j in range(lo, tok.i):
                    if doc[j].text.lower() in self.mod.warnings:
                        st = parsed_subject(doc[j], lo, hi)
                        actor = (self._mention(st.i) if st is not None else None) or self._left_actor(lo, j)
                        break
        # what a show's characters do to each other is the show; only an appeal to a real
        # audience is coded ("dukka oppfordra palestinske barn til ...")
        if (any(self._character(m) for m in (actor, recipient)) or self.mod.character(s.text)) and not (
            typ == "REQUEST" and recipient is not None and not self._character(recipient)
        ):
            return None
        # quotes: "vi" is the speaker's side; events in a quote are the speaker's claims
        ts, te, ttext = cand.span(doc, self.text)
        quote = self._quote_at(ts)
        speaker = quote["speaker"] if quote else None
        actor = self._named_in_sentence(self._speaker_side(actor, speaker), s)
        recipient = self._named_in_sentence(self._speaker_side(recipient, speaker, keep=True), s)
        if recipient is None and refusal and (obj_tok is None or obj_tok.pos_ == "PRON"):
            recipient = self._other_party(s, actor, speaker)
        if recipient is None and obj_tok is not None:
            recipient = self._proposal(obj_tok) or self._event_anaphor(obj_tok)
        if recipient is None and e.territory == "capture":
            recipient = self._opponent(si, actor)
        if actor is None and e.implied and typ == e.type:
            actor = self._implied(si, e.implied)
        if actor is None and typ in SPEECH_TYPES:
            actor = self._statement_author(s, recipient)
        # date
        seg = self._segment(cand, s, sc, k)
        date, inherited = self._event_date(cand, s, si, seg, ts, te)
        historical = dates_mod.is_historical(
            datetime.date.fromisoformat(date["end"]), self.published
        ) or self.mod.historical_marker([t.text for t in s.span])
        location = self._event_location(cand, s, si, typ, actor, recipient, seg, (ts, te), historical)
        src = self.sources.get(si)
        # attribution
        attributed = None
        if speaker:
            attributed = speaker
        elif src is not None and not (src.mention.start <= tok.i < src.mention.end):
            attributed = src.as_dict()
        acled = acled_type(
            lex,
            typ,
            mode,
            obj_acled or (e.acled if typ == e.type else None),
            e.territory if typ == e.type else None,
            actor,
            recipient,
        )
        killed = count_killed(s.text) if typ == "ASSAULT" else None
        conf = (
            0.55
            + (0.15 if not cand.nominal else 0.0)
            + (0.1 if how == "parse" else 0.0)
            + (0.1 if actor is not None else 0.0)
            + (0.05 if recipient is not None else 0.0)
            - (0.2 if s.headline else 0.0)
            - (0.1 if typ != e.type else 0.0)
        )
        return {
            "type": typ,
            "mode": mode,
            "acled": acled,
            "trigger": {"text": ttext, "start": ts, "end": te},
            "sentence": s.as_dict(),
            "actor": actor.as_dict() if actor else None,
            "recipient": recipient.as_dict() if recipient else None,
            "location": location,
            "date": date,
            "attributed_to": attributed,
            "negated": negated,
            "hypothetical": hypothetical,
            "historical": historical,
            "fatalities": killed,
            "confidence": round(max(0.1, min(0.99, conf)), 2),
            "_m_actor": actor,
            "_m_recipient": recipient,
            "_nominal": cand.nominal,
            "_present": "Pres" in tok.morph.get("Tense") or "pres" in tok.tag_,
            "_definite": cand.nominal
            and (
                is_definite(tok)
                or (
                    tok.i > lo
                    and (
                        doc[tok.i - 1].text.lower() in POSSESSIVES
                        or (
                            "Gen" in doc[tok.i - 1].morph.get("Case")
                            and doc[tok.i - 1].pos_ in ("NOUN", "PROPN")
                        )
                    )
                )
            ),
            "_content": {
                (t.text.lower()[:5] if t.pos_ != "PRON" else "<pron>")
                for t in doc[max(cand.tokens) + 1 : min(ce, max(cand.tokens) + 9)]
                if t.is_alpha
                and (len(t.text) >= 4 and t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") or t.pos_ == "PRON")
                and t.text.lower() not in ("seg", "sig")
            },
            "_entry": id(e),
            "_inherited": inherited,
            "_lemma": e.lemma,
            "_headline": s.headline,
            "_si": si,
            "_head": cand.head,
        }


def extract_events(
    doc: Doc, times: list[dict], places: list[dict], published: dict
) -> tuple[list[dict], list[dict]]:
    """Events and quotes of an analysed document (see the module docstring)."""
    return Extractor(doc, times, places, published).run()
