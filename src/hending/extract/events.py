"""Events and quotes from an analysed document: the extraction stage's entry point.

``extract_events(doc, times, places, published) -> (events, quotes)``: triggers from the
lexicons, arguments from the dependency parse (with surface fallbacks where the parse fails),
actors resolved through the lexicons and coreference, then modality, attribution, location,
date and fatalities.

Conventions of the gold (GUIDE.md, eval/README.md) the extractor follows: only asserted
real-world events (no negated, generic, conditional or possible ones, nothing told as the content
of a film, show or manifesto, nothing from headlines, which sum up the body); one event per
real-world event, coded at its most informative mention (``_merge_repeats``); an event's date
from the time expression of its own clause, else the story's last time for a past event, else
the news day; its place from its sentence, else the paragraph, else the story's place.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from hending.extract import dates as dates_mod
from hending.extract.actors import ARMED, ActorFinder, Mention, is_definite
from hending.extract.attribution import Source, find_sources
from hending.extract.fatalities import fatalities as count_killed
from hending.extract.lexicon import Lexicon, load
from hending.extract.location import _as_location, locate
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
    "motteke",
    "mottek",
    "oppleve",
    "opplever",
    "opplevde",
    "opplevd",
    "oppleva",
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


POSSESSIVES = {"sin", "sitt", "sine", "hans", "hennes", "hennar", "deres", "deira", "dets", "dens"}
LOCATIVE = {"i", "på", "ved", "utenfor", "utanfor", "foran", "framfor", "nær"}
HAVE = {"ha", "har", "hadde", "hatt", "hev", "havt"}
COPULAS = {"er", "var", "blitt", "ble", "blir", "vart", "vert", "vore", "vært", "blei"}
ADDRESSEE_VERBS = {"be", "oppfordre", "anmode", "oppmode", "beordre"}  # "be X om å", "oppmode X til å"
ACCUSED = {
    "sikta",
    "siktet",
    "sikte",
    "tiltalt",
    "tiltala",
    "dømt",
    "dømd",
    "mistenkt",
    "anklaget",
    "anklaga",
    "skuldt",
    "beskyldt",
    "arrestert",
    "pågrepet",
    "pågripen",
    "fengslet",
    "fengsla",
    "straffet",
    "straffa",
}
GENERIC_DETS = {"slike", "slik", "sånne", "sånn", "denne type", "den typen", "denne typen", "slike typer"}
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



def _stand_in(tok: Token, actor: Mention) -> Mention:
    """A one-token mention (``tok``) that stands for ``actor``: its name, country and sector."""
    return Mention(tok.i, tok.i + 1, tok.i, "noun", tok.text, tok.idx, tok.idx + len(tok.text),
                   actor.name, actor.country, actor.sector)

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
        self._fiction: dict[int, bool] = {}
        armed = sum(1 for m in self.finder.mentions if m.sector in ("MIL", "REB"))
        violent = sum(1 for t in doc if t.text.lower() in self.lex.violence_words)
        self.doc_armed = armed >= 3 or violent >= 3

    # ------------------------------------------------------------------ arguments
    def _is_passive(self, tok: Token, cs: int, typ: str = "") -> bool:
        low = tok.text.lower()
        if "Pass" in tok.morph.get("Voice") or (low.endswith(("es", "ast")) and tok.pos_ == "VERB"):
            return True
        if "pres" in tok.tag_ or "inf" in tok.tag_:
            return False
        before = [self.doc[j].text.lower() for j in range(max(cs, tok.i - 5), tok.i)]
        if any(w in PASSIVE_AUX for w in before):
            return True
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
        for c in tok.children:
            if c.text.lower() in preps:
                for g in c.children:
                    if g.dep_ == "PUTFYLL":
                        m = self._mention(g.i) or self._owner(g, genitive_only=True)
                        if m:
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
        j = noun.i - 1  # "for det norske folks solidaritet"
        while j >= 0 and self.doc[j].pos_ == "ADJ":
            j -= 1
        m = self._mention(j) if j >= 0 else None
        if m is not None and self.doc[j].text.endswith("s") and m.end == j + 1 and m.kind != "pronoun":
            return m
        if genitive_only:
            return None
        for c in noun.children:
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

    def _verb_args(
        self, cand: Candidate, s: Sentence
    ) -> tuple[Mention | None, Mention | None, Token | None, str]:
        doc = self.doc
        tok = doc[cand.head]
        lo, hi = s.span.start, s.span.end
        cs = clause_start(doc, tok.i, lo)
        ce = clause_end(doc, max(cand.tokens), hi)
        passive = self._is_passive(tok, cs, cand.entry.type)
        subj_tok = _subject_parse(tok, lo, hi)
        how = "parse"
        subj = self._mention(subj_tok.i) if subj_tok is not None else None
        if (
            subj is None
            and subj_tok is not None
            and (subj_tok.pos_ in ("NOUN", "PROPN", "PRON") or (subj_tok.pos_ in ("NUM", "DET") and passive))
            and subj_tok.text.lower() not in ("det",)
        ):
            subj = self._adhoc(subj_tok, any_noun=passive and cand.entry.type in ("COERCE", "ASSAULT"))
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
        objs = [
            c
            for c in tok.children
            if c.dep_ in ("IOBJ", "DOBJ")
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
                obj_tok = min((c for c in objs if c.dep_ == "DOBJ"), key=lambda c: c.i, default=None)
                if obj_tok is not None and cand.entry.type in ("SUPPORT", "ACCUSE"):
                    obj = self._owner(obj_tok)  # "roser innsatsen til personalet"
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
                | (BENEFIT_PREPS if cand.entry.type in ("AID", "SUPPORT") else set()),
            )
        if obj is None and obj_tok is None and cand.entry.type == "REQUEST":
            obj = self._demanded_of(tok)
        if obj is None and obj_tok is None and doc[max(cand.tokens)].text.lower() != "at":
            after = max(cand.tokens) + 1  # (not into the content clause: "vedtok at norske fly ...")
            preps = set(targets)
            if cand.entry.type in ("CONSULT", "COOPERATE", "AGREE"):
                preps |= PARTNER_PREPS
            obj = self._right_mention(after, ce, preps)
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
        if obj is not None and (
            "coactor" in cand.entry.needs or (cand.entry.type == "AGREE" and obj.kind == "adhoc")
        ):
            obj = None  # "røysta FrP saman med SV": partners; "framforhandla Soria Moria 2": the text agreed
        if obj is subj or (obj is not None and cand.entry.territory and obj.kind == "country"):
            obj = None
        if passive:
            agent = self._pp_mention(tok, {"av"}) or self._after_word(tok.i, ce, "av")
            return agent, subj, obj_tok, how
        return subj, obj, obj_tok, how

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
            st = _subject_parse(verb, lo, hi)
            return self._mention(st.i) if st is not None else None
        # active: "X kritiserte Y for å ha ...": Y, the object right before "for"
        m = self._mention(k)
        if m is not None and m.kind != "adj":
            for v in range(m.start - 1, max(lo, m.start - 4) - 1, -1):
                entries = self.lex.verb_index.get(doc[v].text.lower(), [])
                if any(en.type in ("ACCUSE", "COERCE") for en in entries):
                    return m
        return None

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
        subject = all(
            t.pos_ in ("ADV", "AUX", "VERB", "PART") or t.text.lower() in ("ikke", "ikkje") for t in between
        )
        return ant, subject

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
                    if pm is not None and all(pm is not q for q in parts) and not hasattr(pm, "_member_of"):
                        parts.append(pm)  # "grupper av demonstranter": the group, not its members
                if parts:
                    actor = actor or parts[0]
                    recipient = parts[1] if len(parts) > 1 else None
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
            elif low in ("fra", "frå") and actor is None:
                actor = self._right_mention(j + 1, ce, set())
            elif (
                low in TARGET_PREPS | PARTNER_PREPS | BENEFIT_PREPS
                and recipient is None
                and not (low == "med" and doc[j - 1].text.lower() in ("forbindelse", "samband"))
            ):
                recipient = self._right_mention(j + 1, ce, set())  # (not "i forbindelse med")
            j += 1
        if actor is not None or recipient is not None:
            evidence = True
        if actor is None and tok.head.text.lower() == "for" and tok.head.head.i != tok.i:
            # "Krekar ble dømt for drapstrusler mot X": the crime is the convicted one's act
            judged = tok.head.head
            entries = lex.verb_index.get(judged.text.lower(), [])
            if any(
                en.type in ("COERCE", "ACCUSE") and en.mode in (None, "arrest", "legal") for en in entries
            ):
                st = _subject_parse(judged, lo, hi)
                if st is not None and st.i < judged.i:
                    actor = self._mention(st.i) or self._adhoc(st)
        head = tok.head
        temporal = head.pos_ == "ADP" and head.text.lower() in ("etter", "før", "under", "siden", "sidan")
        if head.pos_ == "ADP" and tok.dep_ == "PUTFYLL" and head.head.text.lower() in lex.support_forms:
            head = head.head  # "deltok i demonstrasjonene", "kom med kritikk"
        receiving = (
            head.text.lower() in RECEIVE and not temporal
        )  # not "Etter trusselen har Holte motteke ..."
        if (
            head.i != tok.i
            and head.text.lower() in lex.support_forms
            and tok.dep_ in ("DOBJ", "SUBJ", "PUTFYLL")
            and not (cand.entry.type == "SUPPORT" and head.text.lower() in HAVE)  # "han har støtte i rådet"
            and not (
                "inf" in head.tag_ and head.i > 0 and doc[head.i - 1].text.lower() == "å"
            )  # "mogleg å få fram bistand"
        ):
            evidence = True
            if actor is None and not receiving and tok.dep_ == "DOBJ":
                st = _subject_parse(head, lo, hi)
                actor = self._mention(st.i) if st is not None else None
            if receiving and recipient is None:
                st = _subject_parse(head, lo, hi)
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

    def _existential(self, tok: Token, lo: int) -> bool:
        """ "Det ble/vart eit møte": a predicative noun after an expletive subject exists."""
        verb = tok.head
        return verb.text.lower() in ("ble", "blei", "vart", "var", "blir", "vert") and any(
            c.dep_ in ("SUBJ", "FSUBJ") and c.text.lower() == "det" for c in verb.children
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
                    st = _subject_parse(t, lo, hi)
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
        events = self._merge_repeats(self._dedupe(self._events))
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
            if prev == "med" and any(o.head < tok.i for o in sc if o is not cand):
                return None
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
            if introduced and recipient is None:
                rce = clause_end(doc, tok.i + 2, hi)
                for j in range(tok.i + 2, rce):
                    if doc[j].text.lower() in ("til", "mot") and recipient is None:
                        recipient = self._right_mention(j + 1, rce, set())
            if (
                is_definite(tok)
                and actor is None
                and recipient is None
                and not (
                    (selfcontained or introduced) and not any(ev["type"] == e.type for ev in self._events)
                )
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
        # clashes of demonstrators (with the police) are riots, whatever the armed context
        if e.civil and typ == e.type and not (actor is not None and actor.sector in ("GOV", "MIL", "IGO")):
            words = {t.text.lower() for t in s.span}
            protesters = any(m is not None and m.sector in ("CVL", "OPP") for m in (actor, recipient))
            if e.civil == "PROTEST" and (e.type != "ASSAULT" or protesters or words & PROTEST_CUES):
                typ = "PROTEST"
                mode = "riot" if e.type == "ASSAULT" else mode
        # needs
        armed = self._armed(s, actor, recipient, cand.tokens) or (
            self.doc_armed and typ == "ASSAULT" and not self._sports({t.text.lower() for t in s.span})
        )
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
        if (
            typ in SPEECH_TYPES
            and actor is None
            and (recipient is None or (recipient.kind == "adhoc" and recipient.sector == "UNK"))
            and (self._quote_at(ts0) is None or cand.nominal)
            and not (
                typ == "CONSULT" and cand.nominal and self._anchored(tok, s)
            )  # "møtet i Morgedal torsdag"
        ):
            return None  # a speech act with nobody doing it or receiving it is generic ("der islam angripes")
        hypothetical = self.mod.hypothetical(doc, tok.i, lo)
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
                        st = _subject_parse(doc[j], lo, hi)
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
        recipient = self._named_in_sentence(self._speaker_side(recipient, speaker), s)
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
        own = self._own_times(cand, s, ts, te)
        date = dates_mod.event_date(ts, te, seg, (s.start, s.end), own, self.published, dur)
        inherited = False
        if date["time"] is None and dur is None:
            carried = self._story_time(si, cand, s) if self._past(cand, s) else None
            carried = carried or self._inherited_date(si)
            if carried is None and self._past(cand, s):
                carried = self._news_day()
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
        for p in self.places:
            if not (s.start <= p["start"] < s.end):
                continue
            if p.get("role") == "actor":
                excluded.append((p["start"], p["end"]))  # "Tyskland og USA har lovet ..."
                continue
            k = self._token_at(p["start"])
            if k is None:
                continue
            if self._modifier_place(p, k):
                excluded.append((p["start"], p["end"]))  # "Malis statsminister": whose, not where
                continue
            if any(self._coordinated(m, k) for m in (actor, recipient) if m is not None):
                excluded.append((p["start"], p["end"]))  # "Tyskland og USA har lovet": a party
                continue
            if k < 2:
                continue
            prev = doc[k - 1].text.lower()
            if prev in ("fra", "frå") and self._mention(k - 2) is not None and self._mention(k - 2).person:
                excluded.append((p["start"], p["end"]))  # "José Ramos-Horta fra Øst-Timor": where he is from
            elif (
                typ in SPEECH_TYPES
                and p["start"] >= te
                and any(doc[j].text.lower() in ("at", "om", "å") for j in range(cand.head + 1, k))
            ):
                excluded.append((p["start"], p["end"]))  # "avviser at ... i Kurdistan": what is said
        anaphors = [
            (t.idx, t.idx + len(t.text), t.text) for t in s.span if t.text.lower() in lex.place_anaphors
        ]
        location = locate(self.places, seg, (s.start, s.end), (ts, te), excluded, anaphors)
        if location is None and not historical:
            location = self._fallback_place(si, typ, actor, excluded)
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

    # ------------------------------------------------------------------ one event, several mentions
    @staticmethod
    def _same_party(a: Mention | None, b: Mention | None) -> bool:
        """Whether two participants can be the same: one is absent, they share a name or body,
        or they are the same group noun of the same country ("demonstrantene")."""
        if a is None or b is None:
            return True
        ka = {x.lower() for x in (a.name, a.affiliation) if x}
        kb = {x.lower() for x in (b.name, b.affiliation) if x}
        if ka & kb:
            return True
        if a.kind == "pronoun" and a.name is None or b.kind == "pronoun" and b.name is None:
            return True
        for x, y in ((a, b), (b, a)):
            # "Mannen", "38-åringen": a definite person noun refers back to a person told before
            if x.kind in ("noun", "adhoc") and (x.person or x.kind == "adhoc") and x.start >= 0:
                head = x.text.split()[-1].lower()
                if head.endswith(("en", "a")) and not x.named and (y.person or y.kind in ("person", "adhoc")):
                    return True
            # "En politimann" and "politimannen Deriek W. Crouse": a role noun and a named holder
            if (
                x.kind == "noun"
                and x.person
                and y.kind == "person"
                and x.sector == y.sector
                and x.sector not in (None, "UNK", "CVL")
            ):
                return True
            # "vi" (the speaker's side) and the speaker's state; a state and its spokesperson
            if (
                x.kind in ("pronoun", "country", "person")
                and x.country
                and (x.country, x.sector) == (y.country, y.sector)
                and (x.kind == "country" or y.kind == "country" or x.text.lower() in ("vi", "oss"))
            ):
                return True
        return (
            a.noun is not None
            and b.noun is not None
            and a.noun.stem == b.noun.stem
            and a.country == b.country
        )

    def _same_event(self, a: dict, b: dict) -> bool:
        """Two mentions of one real-world event: same type, compatible participants, dates and
        places, and either the same verb with the same content, or a definite/possessed noun
        referring to the event ("kuppet", "kravet frå Ban Ki-moon", "Ki-moons oppfordring")."""
        if a["type"] != b["type"] or a["_si"] == b["_si"]:
            return False
        same_lemma = a["_lemma"] == b["_lemma"]
        if a["negated"] != b["negated"]:
            return False
        if a["hypothetical"] != b["hypothetical"] and not any(
            e["hypothetical"] and e["_definite"] for e in (a, b)
        ):
            return False  # but "vi må ta Ki-moons oppfordring på alvor" refers to a real demand
        if not same_lemma and a["mode"] != b["mode"]:
            return False  # a visit is not the meeting held during it, a raid not the arrest
        nominal = [e for e in (a, b) if e["_nominal"]]
        if nominal and not any(e["_definite"] for e in nominal):
            return False  # "gitt militsen ordre": an indefinite noun tells a new event
        if (
            not nominal
            and not same_lemma
            and (a["mode"] is None or a["_m_recipient"] is None or b["_m_recipient"] is None)
        ):
            return False  # two verbs: one verb, or synonyms of a mode ("arrestert"/"pågrepet") on one person
        if not self._same_party(a["_m_actor"], b["_m_actor"]):
            return False
        if not self._same_party(a["_m_recipient"], b["_m_recipient"]) and not (
            same_lemma
            and not nominal
            and a["_m_actor"] is not None
            and b["_m_actor"] is not None
            and a["_content"] & b["_content"]
        ):
            return False  # "fordømmer pågripelsen av X" twice: one act, told twice
        if (
            all(e["_m_actor"] is None and e["_m_recipient"] is None for e in (a, b))
            and not nominal
            and abs(a["_si"] - b["_si"]) > 3
        ):
            return False  # (the same verb again close by, nobody named: "bombar vi ... oss som bombar")

        # dates: a verb is dated by its tense and times; an undated noun, participle or
        # infinitive ("etter å ha blitt pågrepet") refers to any time, a present tense to today
        def loose(e: dict) -> bool:
            return e["date"].get("time") is None and (e["_nominal"] or not e["_present"])

        if not (loose(a) or loose(b)):
            da, db = a["date"], b["date"]
            if not (da["start"] <= db["end"] and db["start"] <= da["end"]):
                return False
        la, lb = a["location"], b["location"]
        if la and lb and la.get("geonameid") != lb.get("geonameid"):
            return False
        # two demands with different content are two: "bad om eit ope fengslingsmøte" / "bad om ein
        # spesifikk advokat"
        return not (
            not nominal
            and a["type"] in ("REQUEST", "ACCUSE", "THREATEN", "SUPPORT", "REJECT")
            and a["_content"]
            and b["_content"]
            and not (a["_content"] & b["_content"])
        )

    @staticmethod
    def _informative(ev: dict) -> float:
        """How much a mention tells: its own time, named participants, a place, a verb."""
        score = 1.5 if ev["date"].get("time") is not None and not ev["_inherited"] else 0.0
        for key, weight in (("_m_actor", 1.5), ("_m_recipient", 1.0)):
            m = ev[key]
            if m is not None:
                score += weight if m.named or m.kind in ("noun", "person") else weight / 2
        score += 0.5 if ev["location"] else 0.0
        score += 1.0 if not ev["_nominal"] else 0.0
        score -= 1.0 if ev["_headline"] else 0.0
        return score

    def _merge_repeats(self, events: list[dict]) -> list[dict]:
        """The same event told in several sentences is coded once, at its most informative
        mention (GUIDE); that mention takes what the others add (a missing participant, place or
        time)."""
        groups: list[list[dict]] = []
        for ev in events:
            for g in groups:
                if all(self._same_event(o, ev) for o in g):
                    g.append(ev)
                    break
            else:
                groups.append([ev])
        keep: set[int] = set()
        for g in groups:
            # a definite noun told after a verb refers back to it ("kravet frå Ban Ki-moon")
            told = [
                e
                for e in g
                if not (e["_definite"] and any(not o["_nominal"] and o["_si"] < e["_si"] for o in g))
            ]
            best = max(told or g, key=lambda e: (self._informative(e), -e["_si"]))
            keep.add(id(best))
            for o in g:
                if o is best:
                    continue
                for key, mkey in (("actor", "_m_actor"), ("recipient", "_m_recipient")):
                    if (
                        best[key] is None
                        and o[key] is not None
                        and not (key == "recipient" and o["_definite"])
                    ):
                        best[key], best[mkey] = o[key], o[mkey]
                if best["location"] is None and o["location"] is not None:
                    best["location"] = o["location"]
                if best["date"].get("time") is None and o["date"].get("time") is not None:
                    best["date"] = dict(o["date"])
                    best["historical"] = o["historical"]
                if best["fatalities"] is None:
                    best["fatalities"] = o["fatalities"]
        return [ev for ev in events if id(ev) in keep]

    def _modifier_place(self, p: dict, k: int) -> bool:
        """A country in the genitive before a noun names an owner ("Malis statsminister", "USAs
        historie"), not a place where something happens."""
        text = str(p.get("text") or "")
        if not (text.endswith("s") or text.endswith("'")) or str(p.get("feature")) != "country":
            return False
        end = self._token_at(p["end"] - 1)
        nxt = self.doc[end + 1] if end is not None and end + 1 < len(self.doc) else None
        return nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN")

    def _dateline(self, p: dict) -> bool:
        """A place opening a paragraph before the agency mark, "Washington (NTB-AFP):", is where
        the story was filed, not where its events happen."""
        line_start = self.text.rfind("\n", 0, p["start"]) + 1
        head = self.text[line_start : p["start"]].strip(" /")
        rest = self.text[p["end"] : p["end"] + 40]
        return (not head or all(w[:1].isupper() for w in head.replace("/", " ").split())) and bool(
            re.match(r"\s*(/\s*\w+\s*)?\(", rest)
        )

    def _coordinated(self, m: Mention, k: int) -> bool:
        """Token ``k`` is a conjunct of mention ``m`` ("Tyskland og USA", "Brasil og Sør-Afrika")."""
        if m.start < 0:
            return False
        doc = self.doc
        if k >= m.end:
            gap = [doc[j].text.lower() for j in range(m.end, k)]
        elif k < m.start:
            end = k
            while end + 1 < m.start and doc[end + 1].pos_ == "PROPN":
                end += 1
            gap = [doc[j].text.lower() for j in range(end + 1, m.start)]
        else:
            return False
        return bool(gap) and all(w in ("og", ",", "eller") for w in gap)

    def _main_place(self) -> dict | None:
        """The story's place: the most mentioned resolved place (the first on a tie)."""
        if not hasattr(self, "_main"):
            counts: dict[int, int] = {}
            first: dict[int, dict] = {}
            lines = [p for p in self.places if not self._dateline(p)] or self.places
            for p in lines:
                gid = p.get("geonameid")
                if gid is None:
                    continue
                counts[gid] = counts.get(gid, 0) + 1
                first.setdefault(gid, p)
            self._main = first[max(counts, key=lambda g: (counts[g], -first[g]["start"]))] if counts else None
        return self._main

    def _fallback_place(
        self, si: int, typ: str, actor: Mention | None, excluded: list[tuple[int, int]] | None = None
    ) -> dict | None:
        """No place in the event's sentence: the last place told earlier in its paragraph, else
        the story's place; a statement by an outside party (another country, an international
        body) is not located by the story's place."""
        para = self.sents[si].paragraph
        cand = None
        for sj in range(si - 1, -1, -1):
            if self.sents[sj].paragraph != para:
                break
            ps = [
                p
                for p in self.places
                if self.sents[sj].start <= p["start"] < self.sents[sj].end
                and p.get("role") != "actor"
                and not self._modifier_place(p, self._token_at(p["start"]) or 0)
                and not self._dateline(p)
            ]
            if ps:
                cand = ps[-1]
                break
        if cand is None:
            cand = self._main_place()
            if cand is not None and str(cand.get("feature")) == "country" and self.finder.home(cand):
                return None  # the paper's own country is no place of the story
            if cand is not None and all(
                any(p["start"] < e and b < p["end"] for b, e in excluded or [])
                for p in self.places
                if p.get("geonameid") == cand.get("geonameid")
            ):
                return (
                    None  # the "story's place" is only ever this event's party ("Tyskland og USA har lovet")
                )
        if cand is None:
            return None
        if typ in SPEECH_TYPES:
            # a statement is located by the story's place only when a party of that foreign
            # country makes it there ("Hamas-TV oppfordrer ...", a story set in Palestine)
            c = self.lex.by_code2.get(str(cand.get("country") or "").upper())
            if actor is None or c is None or self.finder.home(cand) or actor.country != c.code3:
                return None
        return _as_location(cand)

    def _token_at(self, char: int) -> int | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None and len(span) else None

    def _named_in_sentence(self, m: Mention | None, s: Sentence) -> Mention | None:
        """A pronoun or description whose referent is named in the same sentence is given as
        that name (GUIDE: pronouns only when the sentence has no name): "sa Diarra tirsdag at han
        går av" -> Diarra."""
        if m is None or m.kind not in ("pronoun", "noun"):
            return m
        a = m.antecedent
        seen = 0
        while a is not None and seen < 5:
            if (
                a.start_char is not None
                and s.start <= a.start_char < s.end
                and a.start < m.start
                and (a.named or (m.kind == "pronoun" and a.kind in ("noun", "person", "org")))
            ):
                return a
            a = a.antecedent
            seen += 1
        return m

    def _character(self, m: Mention | None) -> bool:
        while m is not None:
            if self.mod.character(m.text):
                return True
            m = m.antecedent
        return False

    # ------------------------------------------------------------------ dates
    def _clause_of(self, k: int, s: Sentence) -> tuple[int, int]:
        return clause_start(self.doc, k, s.span.start), clause_end(self.doc, k, s.span.end)

    def _embedded(self, k: int, s: Sentence) -> bool:
        """A token in a relative clause ("som fikk fredsprisen i 1992") or in a verbless
        apposition ("fredsprisvinner i 1996"): it does not date the sentence's events."""
        doc = self.doc
        c0, c1 = self._clause_of(k, s)
        if doc[c0].text.lower() == "som":
            return True
        verbs = [
            t
            for t in doc[c0:c1]
            if t.pos_ in ("VERB", "AUX") and (t.morph.get("Tense") or "pres" in t.tag_ or "pret" in t.tag_)
        ]
        # a verbless phrase between commas that opens with a noun is an apposition; one opening
        # with a preposition is an adverbial of the clause before ("erobret Palmyra, i mai 2015,")
        return not verbs and c0 > s.span.start and doc[c0 - 1].text == "," and doc[c0].pos_ != "ADP"

    def _adverbial_after(self, k: int, c1: int, s: Sentence) -> bool:
        """Token ``k`` lies in a verbless prepositional phrase set off by a comma right after the
        clause ending at ``c1``: "IS erobret Palmyra, i mai 2015, ..."."""
        doc = self.doc
        if c1 >= s.span.end or doc[c1].text != ",":
            return False
        a0, a1 = self._clause_of(k, s)
        return (
            a0 == c1 + 1
            and doc[a0].pos_ == "ADP"
            and not any(t.pos_ in ("VERB", "AUX") and t.morph.get("Tense") for t in doc[a0:a1])
        )

    def _own_times(self, cand: Candidate, s: Sentence, ts: int, te: int) -> list[dict]:
        """The times that can date an event: those in its clause (not a deadline, "innan 31.
        juni", nor inside what is said or demanded after the trigger); else, when the trigger is
        in the main clause, those before it in clauses that are not relative or appositive."""
        doc = self.doc
        tok = doc[cand.head]
        c0, c1 = self._clause_of(tok.i, s)
        last = max(cand.tokens)
        own, other = [], []
        for t in self.times:
            if not (s.start <= t["start"] and t["end"] <= s.end) or dates_mod.time_range(t) is None:
                continue
            k = self._token_at(t["start"])
            if k is None:
                continue
            if k > 0 and doc[k - 1].text.lower() in ("innan", "innen"):
                continue
            if t["start"] >= te and any(
                doc[j].text.lower() in ("at", "om", "å") or doc[j].tag_.startswith("sbu")
                for j in range(last + 1, k)
            ):
                continue
            if c0 <= k < c1 or min(cand.tokens) <= k <= last or self._adverbial_after(k, c1, s):
                own.append(t)
            elif t["end"] <= ts and not self._embedded(k, s):
                other.append(t)
        if own:
            return own
        return other if doc[c0].text.lower() != "som" else []

    def _past(self, cand: Candidate, s: Sentence) -> bool:
        """A preterite or pluperfect event (told as past, not as news of today)."""
        doc = self.doc
        tok = doc[cand.head]
        c0, _ = self._clause_of(tok.i, s)
        if cand.nominal:
            verbs = [t for t in doc[c0 : tok.i] if t.pos_ in ("VERB", "AUX")]
            tok = verbs[-1] if verbs else tok
        if "Past" in tok.morph.get("Tense") or "pret" in tok.tag_:
            return True
        aux = [doc[j].text.lower() for j in range(max(c0, tok.i - 4), tok.i)]
        return any(a in ("hadde", "var", "ble", "blei", "vart") for a in aux)

    def _story_time(self, si: int, cand: Candidate, s: Sentence) -> dict | None:
        """A past event with no time of its own happened at the story's last told time: the
        nearest explicit past time in the four sentences before - "Torsdag gikk alarmen igjen. En
        politimann ble skutt og drept"."""
        pub_end = dates_mod.frame(self.published)[1]
        para = self.sents[si].paragraph
        for sj in range(si - 1, max(-1, si - 5), -1):  # the four sentences before
            prev = self.sents[sj]
            if prev.paragraph != para and si - sj > 3:
                break
            found = []
            for t in self.times:
                if not (prev.start <= t["start"] < prev.end):
                    continue
                r = dates_mod.time_range(t)
                value = str(t.get("value") or "")
                if r is None or value.endswith("_REF") or r[1] > pub_end:
                    continue
                k = self._token_at(t["start"])
                if k is None or self._embedded(k, prev):
                    continue
                found.append((t, r))
            if found:
                t, (a, b) = found[-1]
                if (a, b) == dates_mod.frame(self.published):
                    return None  # "i dag": the news day, as without any time
                tinfo = {key: t.get(key) for key in ("text", "start", "end", "value")}
                return {
                    "start": a.isoformat(),
                    "end": b.isoformat(),
                    "precision": dates_mod.precision(a, b),
                    "time": tinfo,
                }
        return None

    def _news_day(self) -> dict | None:
        """The day the story's lead tells of ("i går", "mandag kveld" in the headline or the
        first two body sentences, within the week before publication): a past event told without
        a time of its own happened then, not on the publication day."""
        pub, prec = dates_mod.parse_published(self.published)
        if prec != "day":
            return None
        body = [j for j, x in enumerate(self.sents) if not x.headline][:2]
        lead = [j for j, x in enumerate(self.sents) if x.headline or (body and j <= body[-1])]
        for t in self.times:
            if not any(self.sents[j].start <= t["start"] < self.sents[j].end for j in lead):
                continue
            r = dates_mod.time_range(t)
            if r is None or r[0] != r[1] or not 1 <= (pub - r[0]).days <= 7:
                continue
            tinfo = {key: t.get(key) for key in ("text", "start", "end", "value")}
            return {"start": r[0].isoformat(), "end": r[1].isoformat(), "precision": "day", "time": tinfo}
        return None

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
        if sp is not None and sp.kind in ("person", "org", "noun"):
            return sp  # "vi støtter ..., sa Egeland": the speaker, by name
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
        """The actor a reader supplies: the police (or army) for an arrest, the court for a
        sentence, when one is named in the sentence or next to it (the next sentence of the same
        paragraph, the two before); nobody otherwise (the gold leaves an unnamed arrester out)."""
        spec = self.lex.implied_actors.get(kind)
        if spec is None:
            return None
        wanted = {"COP", "MIL"} if spec["sector"] == "COP" else {spec["sector"]}
        order = [si]
        if si + 1 < len(self.sents) and self.sents[si + 1].paragraph == self.sents[si].paragraph:
            order.append(si + 1)
        order += [si - 1, si - 2]
        if spec["sector"] == "GOV":
            # a story has one court: the one named anywhere before, unless the sentence tells of an
            # earlier case ("er tidlegare dømd")
            if any(t.text.lower() in ("tidligere", "tidlegare") for t in self.sents[si].span):
                order = [si]
            else:
                order += list(range(si - 3, -1, -1))
        for sj in order:
            if sj < 0:
                continue
            src = self.sources.get(sj)
            for t in self.sents[sj].span:
                m = self._mention(t.i)
                if m is None or m.sector not in wanted or m.kind in ("adj", "pronoun"):
                    continue
                if (src is not None and src.mention is m) or any(
                    self.doc[j].text.lower() in self.lex.according_to
                    for j in range(max(0, m.start - 5), m.start)
                ):
                    continue  # "Ifølge en talsmann for de militære ble Diarra arrestert": the source
                if spec["sector"] == "GOV":
                    stem = m.noun.stem if m.noun is not None else ""
                    low = m.text.lower().rstrip(".")
                    if not (
                        stem in ("rett", "domstol", "dommer")
                        and m.head == m.end - 1
                        and self.doc[m.head]
                        .text.lower()
                        .startswith(("rett", "domstol", "dommer", "tingrett", "lagmann", "høyesterett"))
                        or low.endswith(("rett", "retten", "domstol", "domstolen", "dommeren", "dommaren"))
                    ):
                        continue
                return m
        return None

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
                if ev["_lemma"] not in CONSEQUENCE:
                    continue
                # "drap 77 menneske i to terroråtak": the attack noun only says how the killing
                # verb's event was done; the verb is the event
                kill = self.doc[ev["_head"]]
                inner = [
                    m
                    for m in main
                    if self.doc[m["_head"]].head.pos_ == "ADP"
                    and self.doc[m["_head"]].head.head.i == kill.i
                    and m["_head"] > kill.i
                ]
                if inner:
                    for m in inner:
                        drop.add(id(m))
                        ev["mode"] = ev["mode"] or m["mode"]
                    continue
                drop.add(id(ev))
                for m in main:
                    if m["fatalities"] is None:
                        m["fatalities"] = ev["fatalities"]
        events = [ev for ev in events if id(ev) not in drop]
        out: list[dict] = []
        seen: set[tuple] = set()
        for ev in events:
            if ev["_headline"]:
                continue  # a headline sums up the story: its events are told (and coded) in the body
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
