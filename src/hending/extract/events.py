"""Events and quotes from an analysed document: the extraction stage's entry point.

``extract_events(doc, times, places, published) -> (events, quotes)``: triggers from the
lexicons, arguments from the dependency parse (with surface fallbacks where the parse fails),
actors resolved through the lexicons and coreference, then modality, attribution, location,
date and fatalities.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from hending.extract import dates as dates_mod
from hending.extract.actors import ARMED, ActorFinder, Mention, is_definite
from hending.extract.attribution import Source, find_sources
from hending.extract.fatalities import fatalities as count_killed
from hending.extract.lexicon import Lexicon, load
from hending.extract.location import locate
from hending.extract.modality import Modality, clause_end, clause_start
from hending.extract.quotes import find_quotes
from hending.extract.segment import Sentence, sentences
from hending.extract.triggers import Candidate, find

PASSIVE_AUX = {
    "ble",
    "blei",
    "blir",
    "bli",
    "blitt",
    "vart",
    "vert",
    "vorte",
    "verte",
    "blevet",
    "sitter",
    "satt",
    "sit",
    "sitt",
}  # "sitter arrestert/fengslet"
RECEIVE = {
    "møte",
    "møter",
    "møtte",
    "møtt",
    "få",
    "får",
    "fikk",
    "fått",
    "fekk",
    "motta",
    "mottar",
    "mottok",
    "mottatt",
}
TARGET_PREPS = {"mot", "på", "over", "av", "imot"}
PARTNER_PREPS = {"med", "mellom"}
BENEFIT_PREPS = {"til", "for"}
CLIMB = {"INFV", "KOORD", "PUTFYLL", "SPRED"}
ACLED_EVENT_TYPES = (
    "Explosions/Remote violence",
    "Violence against civilians",
    "Strategic developments",
    "Battles",
    "Protests",
    "Riots",
)


def split_acled(value: str) -> dict:
    """ "Explosions/Remote violence/Air/drone strike" -> ACLED event_type and sub_event_type."""
    for et in ACLED_EVENT_TYPES:
        if value.startswith(et + "/"):
            return {"event_type": et, "sub_event_type": value[len(et) + 1 :]}
    et, _, st = value.partition("/")
    return {"event_type": et, "sub_event_type": st}


INDIRECT_Q = {"hvorfor", "kvifor", "hvordan", "korleis"}  # "veit ikkje kvifor han ba om ..."
CONSEQUENCE = {"drepe", "såre", "drap", "myrde"}
SPEECH_TYPES = {
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "SUPPORT",
    "CONSULT",
    "COOPERATE",
    "AGREE",
    "CONCEDE",
    "AID",
}
PROTEST_CUES = {
    "demonstrasjon",
    "demonstrasjonar",
    "demonstrasjoner",
    "demonstrantar",
    "protest",
    "protestar",
    "protester",
    "politi",
    "politiet",
    "demonstranter",
    "demonstrantene",
    "gatene",
    "gata",
    "tog",
    "marsj",
    "plakater",
    "slagord",
    "tusener",
    "tusenvis",
    "hundrevis",
    "samlet",
    "samla",
}


PERSONISH = re.compile(
    r"(?:ere|erne|eren|arar|arane|aren|isten|istene|ister|ør|øren|ører|ørene|mann|mannen|menn|"
    r"mennene|kvinne|kvinnen|kvinner|leder|lederen|leiar|leiaren|lingen|linger|lingene)$"
)


def _subject_parse(tok: Token, lo: int, hi: int) -> Token | None:
    """The grammatical subject of a verb, climbing infinitive/coordination chains."""
    t = tok
    for _ in range(6):
        subs = [c for c in t.children if c.dep_ == "SUBJ" and lo <= c.i < hi]
        if subs:
            return subs[0]
        if t.head is t or not (t.dep_ in CLIMB or t.head.pos_ in ("ADP", "PART")):
            return None
        t = t.head
    return None


class Extractor:
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
        armed = sum(1 for m in self.finder.mentions if m.sector in ("MIL", "REB"))
        violent = sum(1 for t in doc if t.text.lower() in self.lex.violence_words)
        self.doc_armed = armed >= 3 or violent >= 3

    # ------------------------------------------------------------------ arguments
    def _is_passive(self, tok: Token, cs: int) -> bool:
        low = tok.text.lower()
        if "Pass" in tok.morph.get("Voice") or (low.endswith(("es", "ast")) and tok.pos_ == "VERB"):
            return True
        if "pres" in tok.tag_ or "inf" in tok.tag_:
            return False
        return any(self.doc[j].text.lower() in PASSIVE_AUX for j in range(max(cs, tok.i - 5), tok.i))

    def _mention(self, i: int | None) -> Mention | None:
        return self.finder.mention_for(i) if i is not None else None

    def _adhoc(self, tok: Token, any_noun: bool = False) -> Mention | None:
        """A participant the lexicons do not know: a name, or a noun that names people
        ("Eksbutleren", "Merseyside-politiet"); with ``any_noun`` any noun phrase."""
        if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("GPE_LOC", "LOC"):
            return None
        if any(p["start"] <= tok.idx < p["end"] for p in self.places):
            return None
        low = tok.text.lower()
        if not (tok.pos_ == "PROPN" or any_noun or PERSONISH.search(low)):
            return None
        start = tok.i
        while (
            start > 0
            and self.doc[start - 1].pos_ in ("DET", "ADJ", "NUM")
            and self.doc[start - 1].head.i == tok.i
        ):
            start -= 1
        end = tok.i + 1
        while end < len(self.doc) and self.doc[end].pos_ == "PROPN" and tok.pos_ == "PROPN":
            end += 1
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

    def _right_mention(self, start: int, ce: int, preps: set[str], max_gap: int = 3) -> Mention | None:
        """A mention right after ``start`` (skipping determiners/adjectives and one of ``preps``)."""
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
                    return None
                return m
            low = t.text.lower()
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
        for c in tok.children:
            if c.text.lower() in preps:
                for g in c.children:
                    if g.dep_ == "PUTFYLL":
                        m = self._mention(g.i)
                        if m:
                            return m
        return None

    def _verb_args(
        self, cand: Candidate, s: Sentence
    ) -> tuple[Mention | None, Mention | None, Token | None, str]:
        doc = self.doc
        tok = doc[cand.head]
        lo, hi = s.span.start, s.span.end
        cs = clause_start(doc, tok.i, lo)
        ce = clause_end(doc, max(cand.tokens), hi)
        passive = self._is_passive(tok, cs)
        subj_tok = _subject_parse(tok, lo, hi)
        how = "parse"
        subj = self._mention(subj_tok.i) if subj_tok is not None else None
        if (
            subj is None
            and subj_tok is not None
            and subj_tok.pos_ in ("NOUN", "PROPN", "PRON")
            and subj_tok.text.lower() not in ("det",)
        ):
            subj = self._adhoc(subj_tok, any_noun=passive and cand.entry.type in ("COERCE", "ASSAULT"))
            if subj is None and cs <= subj_tok.i < ce:
                how = "none"  # a non-actor subject ("Satellittbilder viser ...")
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
        for c in tok.children:
            if c.dep_ == "DOBJ" and c.text.lower() not in ("seg", "sig") and c.i not in cand.tokens:
                obj_tok = c
                obj = self._mention(c.i) or self._adhoc(c)
                break
        targets = TARGET_PREPS - {"over"} if cand.entry.territory else TARGET_PREPS
        if obj is None:
            obj = self._pp_mention(
                tok,
                targets
                | (PARTNER_PREPS if cand.entry.type in ("CONSULT", "COOPERATE", "AGREE") else set())
                | (BENEFIT_PREPS if cand.entry.type in ("AID", "SUPPORT") else set()),
            )
        if obj is None and obj_tok is None:
            after = max(cand.tokens) + 1
            preps = set(targets)
            if cand.entry.type in ("CONSULT", "COOPERATE", "AGREE"):
                preps |= PARTNER_PREPS
            obj = self._right_mention(after, ce, preps)
        if obj is subj or (obj is not None and cand.entry.territory and obj.kind == "country"):
            obj = None
        if passive:
            agent = self._pp_mention(tok, {"av"}) or self._after_word(tok.i, ce, "av")
            return agent, subj, obj_tok, how
        return subj, obj, obj_tok, how

    def _after_word(self, i: int, ce: int, word: str) -> Mention | None:
        for j in range(i + 1, min(ce, i + 6)):
            if self.doc[j].text.lower() == word:
                return self._right_mention(j + 1, ce, set())
        return None

    def _noun_args(self, cand: Candidate, s: Sentence) -> tuple[Mention | None, Mention | None, bool]:
        """Agent and target of an event noun, and whether the noun has event evidence."""
        doc, lex = self.doc, self.lex
        tok = doc[cand.head]
        lo, hi = s.span.start, s.span.end
        ce = clause_end(doc, tok.i, hi)
        actor = None
        evidence = False
        # a country adjective or genitive just before: "Russiske luftangrep", "Russlands angrep"
        for j in range(tok.i - 1, max(lo, tok.i - 3) - 1, -1):
            t = doc[j]
            if j in self.finder.country_adj_at:
                sector = "MIL" if cand.entry.type in ("ASSAULT", "MOBILIZE", "COERCE") else "GOV"
                actor = self.finder.adjective_actor(j, sector)
                break
            m = self._mention(j)
            if m is not None and (t.text.endswith("s") or t.text.endswith("'")) and m.end == j + 1:
                actor = m
                break
            if t.pos_ not in ("ADJ", "DET", "NUM") or t.is_punct:
                break
        # a compound's first part names the actor: "Militærkuppet", "terrorangrepene", "Nato-bombinga"
        if actor is None and cand.prefix:
            pre = lex.analyse_prefix(cand.prefix)
            if pre and "noun" not in pre and pre.get("sector") != "REB":
                actor = self._prefix_actor(tok, pre, s)
        # "kritikk fra X", "angrep mot X", "møte med X"; "sammenstøt mellom X og Y"
        recipient = None
        for c in tok.children:
            if c.text.lower() == "mellom":
                parts: list[Mention] = []
                for g in c.subtree:
                    pm = self._mention(g.i)
                    if pm is not None and all(pm is not q for q in parts):
                        parts.append(pm)
                if parts:
                    actor = actor or parts[0]
                    recipient = parts[1] if len(parts) > 1 else None
        j = tok.i + 1
        while j < min(ce, tok.i + 6):
            low = doc[j].text.lower()
            if low in ("fra", "frå") and actor is None:
                actor = self._right_mention(j + 1, ce, set())
            elif low in TARGET_PREPS | PARTNER_PREPS | BENEFIT_PREPS and recipient is None:
                recipient = self._right_mention(j + 1, ce, set())
            j += 1
        if actor is not None or recipient is not None:
            evidence = True
        head = tok.head
        if head.pos_ == "ADP" and tok.dep_ == "PUTFYLL" and head.head.text.lower() in lex.support_forms:
            head = head.head  # "deltok i demonstrasjonene", "kom med kritikk"
        receiving = head.text.lower() in RECEIVE
        if (
            head.i != tok.i
            and head.text.lower() in lex.support_forms
            and tok.dep_ in ("DOBJ", "SUBJ", "PUTFYLL")
        ):
            evidence = True
            if actor is None and not receiving and tok.dep_ == "DOBJ":
                st = _subject_parse(head, lo, hi)
                actor = self._mention(st.i) if st is not None else None
            if receiving and recipient is None:
                st = _subject_parse(head, lo, hi)
                if st is not None:
                    recipient = self._mention(st.i) or self._proposal(st)
        if (
            tok.dep_ in ("SUBJ", "ROOT")
            and not s.headline
            and any(t.morph.get("Tense") and t.pos_ in ("VERB", "AUX") for t in s.span)
        ):
            evidence = True
        if cand.mode and cand.entry.type == "ASSAULT":
            evidence = True
        return actor, recipient, evidence

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
                if m.sector in ("GOV", "MIL", "COP")
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
                a: Mention = ev["_m_actor"]
                m = Mention(
                    tok.i,
                    tok.i + 1,
                    tok.i,
                    "noun",
                    tok.text,
                    tok.idx,
                    tok.idx + len(tok.text),
                    a.name,
                    a.country,
                    a.sector,
                )
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
                a: Mention = ev["_m_actor"]
                return Mention(
                    tok.i,
                    tok.i + 1,
                    tok.i,
                    "noun",
                    tok.text,
                    tok.idx,
                    tok.idx + len(tok.text),
                    a.name,
                    a.country,
                    a.sector,
                )
        return None

    # ------------------------------------------------------------------ decisions
    def _sports(self, words: set[str]) -> bool:
        """A sports sentence: two or more sports words ("slo Sverige 3-1 i VM-kampen")."""
        return len(words & self.lex.sports_words) >= 2

    def _armed(
        self, s: Sentence, actor: Mention | None, recipient: Mention | None, own: list[int] | None = None
    ) -> bool:
        """A violent context: armed actors, or violence words other than the trigger's own."""
        words = {t.text.lower() for t in s.span if t.i not in (own or [])}
        if self._sports(words):
            return False
        if actor is not None and actor.sector in ARMED or recipient is not None and recipient.sector in ARMED:
            return True
        if any(
            self.finder.mention_for(t.i) is not None and self.finder.mention_for(t.i).sector in ("MIL", "REB")
            for t in s.span
        ):
            return True
        return bool(words & self.lex.violence_words)

    def _acled(
        self,
        typ: str,
        mode: str | None,
        entry_acled: str | None,
        territory: str | None,
        actor: Mention | None,
        recipient: Mention | None,
    ) -> dict | None:
        value = None
        if territory and actor is not None:
            state = actor.sector in ("MIL", "GOV", "COP")
            if territory == "capture":
                value = (
                    "Battles/Government regains territory"
                    if state
                    else "Battles/Non-state actor overtakes territory"
                )
            else:
                value = (
                    "Battles/Non-state actor overtakes territory"
                    if state
                    else "Battles/Government regains territory"
                )
        elif territory:
            value = None
        elif entry_acled:
            value = entry_acled
        elif mode and mode in self.lex.mode_acled and typ in ("ASSAULT", "COERCE", "PROTEST", "AGREE"):
            value = self.lex.mode_acled[mode]
        elif typ == "ASSAULT":
            if recipient is not None and recipient.sector in ("CVL", "JRN", "REF"):
                value = "Violence against civilians/Attack"
            elif (actor is not None and actor.sector in ARMED) or (
                recipient is not None and recipient.sector in ARMED
            ):
                value = "Battles/Armed clash"
        if not value:
            return None
        return split_acled(value)

    def _upgrade(self, cand: Candidate, ce: int) -> tuple[str, str | None, set[int]] | None:
        up = cand.entry.upgrade
        if not up:
            return None
        doc = self.doc
        for j in range(cand.head + 1, ce):
            if doc[j].text.lower() in up.get("after", []):
                absorbed = set()
                found = None
                for k in range(j + 1, min(ce, j + 8)):
                    w = doc[k].text.lower()
                    absorbed.add(k)
                    for mode in ("military", "economic", "humanitarian"):
                        if w in up.get(mode, []) and found is None:
                            found = mode
                if found:
                    return up["type"], found, absorbed
        return None

    # ------------------------------------------------------------------ main loop
    def run(self) -> tuple[list[dict], list[dict]]:
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
        events = self._dedupe(self._events)
        for ev in events:
            for key in [k for k in ev if k.startswith("_")]:
                del ev[key]
        quotes = [{k: v for k, v in q.items() if k != "paragraph"} for q in self.quotes]
        return events, quotes

    def _quote_at(self, char: int) -> dict | None:
        for q in self.quotes:
            if q["start"] <= char < q["end"]:
                return q
        return None

    def _event(
        self, cand: Candidate, s: Sentence, si: int, sc: list[Candidate], k: int, absorbed: set[int]
    ) -> dict | None:
        doc, lex, e = self.doc, self.lex, cand.entry
        tok = doc[cand.head]
        lo, hi = s.span.start, s.span.end
        # a word inside a time expression is no trigger ("i går" is yesterday, not "gå")
        if (not cand.nominal and any(t["start"] <= tok.idx < t["end"] for t in self.times)) or (
            tok.i > lo and doc[tok.i - 1].text.lower() == "i" and tok.text.lower() == "går"
        ):
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
            actor, recipient, evidence = self._noun_args(cand, s)
            # an instrument of another event: "støttet ... med luftangrep"
            prev = doc[tok.i - 1].text.lower() if tok.i > lo else ""
            if prev == "med" and any(o.head < tok.i for o in sc if o is not cand):
                return None
            if not evidence or ("participants" in e.needs and actor is None and recipient is None):
                return None
            if is_definite(tok) and actor is None and recipient is None:
                return None  # "bombinga", "Demonstrasjonene": a reference to something known
            if tok.dep_ == "SPRED":
                return None  # predicative: "han er en trussel"
            # the object of another trigger: "avviste kravene" (a known demand), "inngikk en
            # våpenhvile" (told by the verb already)
            gov = [o for o in sc if o is not cand and not o.nominal and o.head == tok.head.i]
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
        else:
            actor, recipient, obj_tok, how = self._verb_args(cand, s)
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
        up = self._upgrade(cand, ce)
        if up:
            typ, mode, more = up
            absorbed |= more
        # needs
        armed = self._armed(s, actor, recipient, cand.tokens) or (
            self.doc_armed and typ == "ASSAULT" and not self._sports({t.text.lower() for t in s.span})
        )
        if "armed" in e.needs or e.metaphor:
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
        if (
            "object_actor_or_place" in e.needs
            and recipient is None
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
                found = recipient is not None and recipient.sector == want
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
        if "object_noun" in e.needs and not any(
            doc[j].text.lower() in lex.noun_index for j in range(tok.i + 1, min(ce, tok.i + 5))
        ):
            return None
        if e.verbal and typ == e.type:
            words = {t.text.lower() for t in s.span}
            if not (words & PROTEST_CUES) and not (
                actor is not None and actor.sector in ("CVL", "OPP", "REF")
            ):
                typ, mode = e.verbal, None
        if e.civil and typ == e.type and not (actor is not None and actor.sector in ("GOV", "MIL", "IGO")):
            words = {t.text.lower() for t in s.span}
            protesters = any(
                self._mention(t.i) is not None and self._mention(t.i).sector in ("CVL", "OPP") for t in s.span
            )
            if e.civil == "PROTEST" and (e.type != "ASSAULT" or protesters or words & PROTEST_CUES):
                typ = "PROTEST"
                mode = "riot" if e.type == "ASSAULT" else mode
        if ("actor" in e.needs or "agent" in e.needs) and actor is None:
            return None
        # the demanded/threatened/refused act is part of that speech act, not an event of its own
        for o in sc:
            if (
                o is not cand
                and not o.nominal
                and o.head < tok.i
                and o.entry.type in ("REQUEST", "THREATEN", "REJECT")
                and any(doc[j].text.lower() in ("å", "at", "om") for j in range(max(o.tokens) + 1, tok.i))
                and not any(doc[j].text in (".", ";", "?", "!") for j in range(o.head, tok.i))
            ):
                return None
        # purely conditional statements and questions are not asserted events
        if (
            self.mod.conditional(doc, tok.i, lo)
            or self.mod.advisory(doc, tok.i, lo)
            or s.text.rstrip().endswith("?")
            or any(doc[j].text.lower() in INDIRECT_Q for j in range(clause_start(doc, tok.i, lo), tok.i))
        ):
            return None
        # modality
        negated = self.mod.negated(
            doc, tok.i, lo, verbal=not cand.nominal and tok.morph.get("VerbForm") != ["Part"]
        )
        ts0 = doc[min(cand.tokens)].idx
        if typ in SPEECH_TYPES and actor is None and recipient is None and self._quote_at(ts0) is None:
            return None  # a speech act with nobody doing it or receiving it is generic
        hypothetical = self.mod.hypothetical(doc, tok.i, lo)
        if refusal or (
            "refusal" in e.needs and self.mod.negated(doc, tok.i, lo, True) and self.mod.modal(doc, tok.i, lo)
        ):
            typ, mode, negated, hypothetical = "REJECT", None, False, False
        elif "refusal" in e.needs:
            return None
        if hypothetical and typ in ("SANCTION", "ASSAULT", "COERCE") and self.mod.warned(doc, tok.i, lo):
            typ, mode, hypothetical = "THREATEN", None, False
        # quotes: "vi" is the speaker's side; events in a quote are the speaker's claims
        ts, te, ttext = cand.span(doc, self.text)
        quote = self._quote_at(ts)
        speaker = quote["speaker"] if quote else None
        actor = self._speaker_side(actor, speaker)
        recipient = self._speaker_side(recipient, speaker)
        if recipient is None and refusal and (obj_tok is None or obj_tok.pos_ == "PRON"):
            recipient = self._other_party(s, actor, speaker)
        if recipient is None and obj_tok is not None:
            recipient = self._proposal(obj_tok) or self._event_anaphor(obj_tok)
        if recipient is None and e.territory == "capture":
            recipient = self._opponent(si, actor)
        if actor is None and e.implied and typ == e.type:
            actor = self._implied(si, e.implied)
        # date
        seg = self._segment(cand, s, sc, k)
        dur = dates_mod.duration_range(
            [t.text for t in s.span], lex.modality.get("durations", []), self.published
        )
        date = dates_mod.event_date(ts, te, seg, (s.start, s.end), self.times, self.published, dur)
        inherited = False
        if date["time"] is None and dur is None:
            carried = self._inherited_date(si)
            if carried is not None:
                date, inherited = carried, True
        from datetime import date as _d

        historical = dates_mod.is_historical(
            _d.fromisoformat(date["end"]), self.published
        ) or self.mod.historical_marker([t.text for t in s.span])
        # location
        excluded = [
            (m.start_char, m.end_char)
            for m in (actor, recipient)
            if m is not None and m.start_char is not None
        ]
        src = self.sources.get(si)
        if src:
            excluded.append((src.mention.start_char, src.mention.end_char))
        anaphors = [
            (t.idx, t.idx + len(t.text), t.text) for t in s.span if t.text.lower() in lex.place_anaphors
        ]
        location = locate(self.places, seg, (s.start, s.end), (ts, te), excluded, anaphors)
        # attribution
        attributed = None
        if speaker:
            attributed = speaker
        elif src is not None and not (src.mention.start <= tok.i < src.mention.end):
            attributed = src.as_dict()
        acled = self._acled(
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
            "_entry": id(e),
            "_inherited": inherited,
            "_lemma": e.lemma,
            "_headline": s.headline,
            "_si": si,
            "_head": cand.head,
        }

    def _inherited_date(self, si: int) -> dict | None:
        """No time of its own: a reader carries the date of the story's last dated (current) event
        in the preceding sentences ("Tidligere denne uken ba Russland om ... Det forslaget har møtt
        kritikk")."""
        for ev in reversed(self._events):
            if ev["_si"] > si:
                continue
            if si - ev["_si"] > 1:
                break
            d = ev["date"]
            if ev["historical"] or (d["time"] is None and not ev.get("_inherited")):
                continue
            return dict(d)
        return None

    def _speaker_side(self, m: Mention | None, speaker: dict | None) -> Mention | None:
        if m is None or m.kind != "pronoun" or m.name is not None:
            return m
        if (
            speaker is None
            or m.text.lower() not in self.lex.pronouns["first_plural"] | self.lex.pronouns["first_singular"]
        ):
            return None if m.name is None else m
        sp = self._speaker_mention(speaker)
        r = Mention(m.start, m.end, m.head, "pronoun", m.text, m.start_char, m.end_char)
        if sp is not None:
            r.name = sp.affiliation or sp.name
            r.country, r.sector, r.affiliation = sp.country, sp.sector, sp.affiliation
        else:
            r.name = speaker.get("affiliation") or speaker["name"]
        return r

    def _speaker_mention(self, speaker: dict) -> Mention | None:
        for m in self.finder.mentions:
            if m.start_char == speaker["start"] and m.end_char == speaker["end"]:
                return m
        return None

    def _other_party(self, s: Sentence, actor: Mention | None, speaker: dict | None) -> Mention | None:
        """For a refusal without an object: another named party in the sentence (not the speaker)."""
        for t in s.span:
            m = self._mention(t.i)
            if m is None or m is actor or not m.named or m.kind not in ("person", "org"):
                continue
            if actor is not None and m.name in (actor.name, actor.affiliation):
                continue
            if speaker and m.name in (speaker["name"], speaker.get("affiliation")):
                continue
            return m
        return None

    def _implied(self, si: int, kind: str) -> Mention | None:
        """The actor a reader supplies: the police (or army) named nearby for an arrest, else the
        implied body itself ("police", "court"), in the country where the sentence happens."""
        spec = self.lex.implied_actors.get(kind)
        if spec is None:
            return None
        wanted = {"COP", "MIL"} if spec["sector"] == "COP" else {spec["sector"]}
        for sj in (si, si - 1, si - 2):
            if sj < 0:
                continue
            for t in self.sents[sj].span:
                m = self._mention(t.i)
                if (
                    m is not None
                    and m.sector in wanted
                    and m.kind != "adj"
                    and (
                        spec["sector"] != "GOV" or (m.noun is not None and m.noun.stem in ("rett", "domstol"))
                    )
                ):
                    return m
        country = self._place_country(self.sents[si]) or self.finder.story_country
        return Mention(-1, -1, -1, "implied", None, None, None, spec["name"], country, spec["sector"])  # type: ignore[arg-type]

    def _place_country(self, s: Sentence) -> str | None:
        """The country of the first resolved place in a sentence."""
        for p in self.places:
            if s.start <= p["start"] < s.end:
                c = self.lex.by_code2.get(str(p.get("country") or "").upper())
                if c:
                    return c.code3
        return None

    def _opponent(self, si: int, actor: Mention | None) -> Mention | None:
        """The armed opponent of a capture, named in the next sentence of the same paragraph."""
        if actor is None or actor.sector not in ("MIL", "GOV", "REB"):
            return None
        want = {"REB"} if actor.sector in ("MIL", "GOV") else {"MIL", "GOV"}
        for sj in (si + 1,):
            if sj >= len(self.sents) or self.sents[sj].paragraph != self.sents[si].paragraph:
                continue
            for t in self.sents[sj].span:
                m = self._mention(t.i)
                if (
                    m is not None
                    and m.sector in want
                    and m.name != actor.name
                    and m.named
                    and m.kind != "country"
                ):
                    return m
        return None

    def _segment(self, cand: Candidate, s: Sentence, sc: list[Candidate], k: int) -> tuple[int, int]:
        doc = self.doc
        start = s.start if k == 0 else doc[max(sc[k - 1].tokens)].idx + len(doc[max(sc[k - 1].tokens)].text)
        end = s.end if k + 1 >= len(sc) else doc[min(sc[k + 1].tokens)].idx
        return start, end

    def _dedupe(self, events: list[dict]) -> list[dict]:
        """One event per (sentence, type, lemma, actor); headline events repeated in the body go;
        a killing told beside the attack that caused it ("angrep ... og 18 ble drept") is the
        attack's toll, not another event."""
        by_sent: dict[int, list[dict]] = {}
        for ev in events:
            if ev["type"] == "ASSAULT":
                by_sent.setdefault(ev["_si"], []).append(ev)
        drop: set[int] = set()
        for evs in by_sent.values():
            main = [ev for ev in evs if ev["_lemma"] not in CONSEQUENCE]
            if not main:
                continue
            for ev in evs:
                if ev["_lemma"] in CONSEQUENCE:
                    drop.add(id(ev))
                    for m in main:
                        if m["fatalities"] is None:
                            m["fatalities"] = ev["fatalities"]
        events = [ev for ev in events if id(ev) not in drop]
        out: list[dict] = []
        seen: set[tuple] = set()
        body_types = {e["type"] for e in events if not e["_headline"]}
        for ev in events:
            if ev["_headline"] and ev["type"] in body_types:
                continue
            key = (ev["_si"], ev["type"], ev["_entry"], (ev["actor"] or {}).get("name"))
            if key in seen:
                continue
            seen.add(key)
            out.append(ev)
        return out


def extract_events(
    doc: Doc, times: list[dict], places: list[dict], published: dict
) -> tuple[list[dict], list[dict]]:
    """Events and quotes of an analysed document (see the module docstring)."""
    return Extractor(doc, times, places, published).run()
