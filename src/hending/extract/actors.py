"""Actor mentions: find them in a parsed document and resolve each to a canonical actor.

A mention is an organisation or leader from the lexicon (multi-token aliases, hyphenated and
compound prefixes: "IS-krigerne"), a country name, a sector noun phrase (with its country
adjective: "de syriske regjeringsstyrkene"), a person (NER) described by nearby role nouns, or a
pronoun / definite generic noun ("de", "han", "gruppa", "ekstremistene", "Hæren") that takes its
referent from the last compatible antecedent, as a reader does.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from hending.extract.lexicon import Country, Lexicon, Org, SectorNoun

STATE_SECTORS = {"GOV", "MIL", "COP"}
PRONOUN_GENDER = {
    "han": "Masc",
    "ham": "Masc",
    "honom": "Masc",
    "hans": "Masc",
    "hun": "Fem",
    "ho": "Fem",
    "henne": "Fem",
    "hennar": "Fem",
    "hennes": "Fem",
}
NOUN_GENDER = {
    "mann": "Masc",
    "far": "Masc",
    "sønn": "Masc",
    "konge": "Masc",
    "kronprins": "Masc",
    "kvinne": "Fem",
    "mor": "Fem",
    "datter": "Fem",
    "dronning": "Fem",
}
ARMED = {"MIL", "REB", "COP"}
OBJECT_PRONOUNS = {"ham", "henne", "honom", "hennar", "dem", "dei", "han", "ho"}
AGE_UNITS = {"år", "års", "måneder", "månader"}  # "en 30 år gammel mann"
PLURAL_ENDINGS = ("er", "ene", "ar", "ane", "e", "a")


@dataclass
class Mention:
    """One actor mention; ``name``/``country``/``sector`` are filled by resolution."""

    start: int  # token indices [start, end)
    end: int
    head: int
    kind: str  # org | country | adj | noun | person | pronoun
    text: str
    start_char: int
    end_char: int
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    plural: bool = False
    person: bool = False
    generic: bool = False  # needs an antecedent or the story's country
    group: bool = False  # "gruppa", "organisasjonen": refers back to a named organisation
    named: bool = False  # a proper name, not a description
    affiliation: str | None = None
    noun: SectorNoun | None = field(default=None, repr=False)
    labels: set[str] = field(default_factory=set, repr=False)  # nouns it was introduced with
    antecedent: Mention | None = field(default=None, repr=False)

    def as_dict(self) -> dict:
        """The contract form: text, offsets, canonical name, country, sector."""
        d = {
            "text": self.text,
            "start": self.start_char,
            "end": self.end_char,
            "name": self.name,
            "country": self.country,
            "sector": self.sector or "UNK",
        }
        if self.affiliation:
            d["affiliation"] = self.affiliation
        return d


def _span_mention(doc: Doc, start: int, end: int, head: int, kind: str, text: str | None = None) -> Mention:
    s = doc[start].idx
    last = doc[end - 1]
    e = last.idx + len(last.text)
    return Mention(start, end, head, kind, (doc.text if text is None else text)[s:e], s, e)


def _is_plural(tok: Token) -> bool:
    num = tok.morph.get("Number")
    if num:
        return num[0] == "Plur"
    return tok.text.lower().endswith(PLURAL_ENDINGS)


def is_definite(tok: Token) -> bool:
    """Definite form by morphology or by the NDT tag ("be")."""
    d = tok.morph.get("Definite")
    if d:
        return d == ["Def"]
    parts = set(tok.tag_.split("|"))
    if parts & {"be", "bu", "ub"}:
        return bool(parts & {"be", "bu"})
    return tok.text.lower().endswith(("ene", "ane", "en", "et", "a"))  # the tagger took it for a name


def _participle_noun(tok: Token, lex: Lexicon) -> bool:
    """A participle used as a person noun: "Den tiltalte vart dømd", "pågrep den mistenkte",
    "Domfelte anket" (a lexicon form heading its phrase, not before a noun)."""
    if tok.text.lower() not in lex.sector_forms or tok.dep_ not in NOUN_HEAD_DEPS:
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN")


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.tag_.startswith("verb")


NOUN_HEAD_DEPS = ("SUBJ", "DOBJ", "IOBJ", "PUTFYLL", "ROOT")
ARTICLES = {"den", "det", "de", "dei", "ei", "en", "et", "eit", "ein"}


class ActorFinder:
    """Finds and resolves the actor mentions of one document."""

    def __init__(self, lex: Lexicon, doc: Doc, places: list[dict] | None = None) -> None:
        self.lex = lex
        self.doc = doc
        self.places = places or []
        self.mentions: list[Mention] = []
        self.at: dict[int, Mention] = {}
        self.country_adj_at: dict[int, Country] = {}
        self.story_country: str | None = None
        self.sent_no: list[int] = [0] * len(doc)
        for k, sent in enumerate(doc.sents):
            for j in range(sent.start, sent.end):
                self.sent_no[j] = k
        self.text = doc.text

    # ------------------------------------------------------------------ detection
    def find(self) -> list[Mention]:
        """Detect, resolve and index every mention in document order."""
        doc, lex = self.doc, self.lex
        taken: set[int] = set()
        i = 0
        n = len(doc)
        while i < n:
            m = self._phrase_at(i)
            if m:
                self._add(m, taken)
                i = m.end
                continue
            i += 1
        self._persons(taken)
        for tok in doc:
            if tok.i in taken or tok.is_space or tok.is_punct:
                continue
            low = tok.text.lower()
            if (
                low in lex.country_adjs
                and not tok.text[:1].isupper()
                or (low in lex.country_adjs and tok.pos_ in ("ADJ", "PROPN", "NOUN"))
            ):
                self.country_adj_at[tok.i] = lex.country_adjs[low]
                continue
            if low in lex.country_names and tok.text[:1].isupper():
                m = _span_mention(self.doc, tok.i, tok.i + 1, tok.i, "country", self.text)
                c = lex.country_names[low]
                m.name, m.country, m.sector, m.named = c.name, c.code3, "GOV", True
                self._add(m, taken)
                continue
            if low in self._pronoun_words():
                m = _span_mention(self.doc, tok.i, tok.i + 1, tok.i, "pronoun", self.text)
                m.plural = (
                    low in lex.pronouns["plural"]
                    or low in lex.pronouns["first_plural"]
                    or low in (lex.pronouns.get("possessive_plural", set()))
                )
                m.person = low in lex.pronouns["singular_person"] or low in lex.pronouns.get(
                    "possessive_singular", set()
                )
                if (
                    tok.pos_ == "DET" or (low in ("de", "dei") and tok.dep_ == "DET")
                ) and low not in lex.pronouns.get("possessive", set()):
                    continue
                self._add(m, taken)
                continue
            m = self._noun_mention(tok)
            if m:
                self._add(m, taken)
        self.mentions.sort(key=lambda m: m.start)
        self._story_country()
        for m in self.mentions:
            if m.kind != "pronoun":
                self._resolve(m)
        self._share_person_descriptions()
        self._abbreviations()
        self._default_countries()
        for m in self.mentions:
            if m.kind == "pronoun":
                self._resolve(m)
        return self.mentions

    def _abbreviations(self) -> None:
        """ "Vest-Telemarkrådet (VTR) ... VTR": an abbreviation given in brackets after a name
        names the same body wherever it is used again."""
        doc = self.doc
        defined: dict[str, Mention] = {}
        for m in self.mentions:
            if m.kind not in ("org", "person") or m.end + 2 >= len(doc):
                continue
            if doc[m.end].text != "(" or doc[m.end + 2].text != ")":
                continue
            abbr = doc[m.end + 1].text
            if 2 <= len(abbr) <= 6 and abbr.isupper() and abbr.isalpha() and abbr != m.text:
                defined.setdefault(abbr, m)
        if not defined:
            return
        for m in self.mentions:
            full = defined.get(m.text)
            if full is not None and full is not m and m.start > full.start and m.name != full.name:
                self._copy(m, full)

    def _share_person_descriptions(self) -> None:
        """A person is described once and named again: every mention of the same name, and a
        person coordinated with a described one ("Ordførarane X og Y"), takes that description;
        a private person with no title or body anywhere is a civilian."""
        persons = [m for m in self.mentions if m.kind == "person" and getattr(m, "_ner", False)]
        best: dict[str, Mention] = {}
        for m in persons:
            if m.sector not in (None, "UNK") and (
                m.name not in best or (m.affiliation and not best[m.name].affiliation)
            ):
                best[m.name or m.text] = m
        for m in persons:
            if m.sector in (None, "UNK") and (m.name or m.text) in best:
                b = best[m.name or m.text]
                m.sector, m.country, m.affiliation = b.sector, b.country, b.affiliation
        for m in persons:
            if m.sector not in (None, "UNK") or m.start < 2:
                continue
            if self.doc[m.start - 1].text.lower() in ("og", "eller"):
                prev = self.at.get(m.start - 2)
                if prev is not None and prev.kind == "person" and prev.sector not in (None, "UNK"):
                    m.sector, m.country, m.affiliation = prev.sector, prev.country, prev.affiliation
                    best.setdefault(m.name or m.text, m)
        for m in reversed(persons):  # "X og Y, listetoppar for Sp": the second's description
            if m.sector not in (None, "UNK") or m.end + 1 >= len(self.doc):
                continue
            if self.doc[m.end].text.lower() in ("og", "eller"):
                nxt = self.at.get(m.end + 1)
                if nxt is not None and nxt.kind == "person" and nxt.sector not in (None, "UNK"):
                    m.sector, m.country, m.affiliation = nxt.sector, nxt.country, nxt.affiliation
        for m in persons:
            if m.sector in (None, "UNK") and (m.name or m.text) in best:
                b = best[m.name or m.text]
                m.sector, m.country, m.affiliation = b.sector, b.country, b.affiliation
            if m.sector in (None, "UNK") and " " in (m.name or ""):
                m.sector = "CVL"  # a named private person

    def _default_countries(self) -> None:
        """Persons, bodies and groups with a sector but no country belong where the sentence
        happens, else to the story's country (international organisations and armed groups
        excepted)."""
        for m in self.mentions:
            if m.country is not None or m.sector in (None, "UNK", "IGO", "REB"):
                continue
            if m.kind == "noun" or (m.kind in ("person", "org") and getattr(m, "_ner", False)):
                # a Norwegian paper's unplaced body or person is Norwegian
                m.country = self._sentence_country(m) or self.story_country or "NOR"

    def _pronoun_words(self) -> set[str]:
        p = self.lex.pronouns
        return p["singular_person"] | p["plural"] | p["first_plural"] | p.get("possessive", set())

    def _add(self, m: Mention, taken: set[int]) -> None:
        self.mentions.append(m)
        for j in range(m.start, m.end):
            taken.add(j)
            self.at[j] = m

    def _phrase_at(self, i: int) -> Mention | None:
        """A lexicon organisation/leader alias starting at token ``i`` (or as a compound prefix)."""
        doc, lex = self.doc, self.lex
        tok = doc[i]
        text = tok.text
        for key, exact in ((text, True), (text.lower(), False)):
            for toks, org, ex in lex.phrases.get(key, []):
                if ex != exact:
                    continue
                j = i
                k = 0
                while k < len(toks) and j < len(doc):
                    t = doc[j].text if exact else doc[j].text.lower()
                    if t == toks[k] or (k == len(toks) - 1 and t == toks[k] + "s"):
                        j += 1
                        k += 1
                    else:
                        break
                if k == len(toks):
                    return self._org_mention(i, j, org)
        org = lex.lookup_alias(text)
        if org and tok.pos_ != "VERB":
            return self._org_mention(i, i + 1, org)
        # IS-krigerne, IS-mål, Taliban-soldater, Nato-styrker
        if "-" in text.strip("-"):
            cut = text.find("-")
            pre = lex.analyse_prefix(text[:cut])
            if pre and "org" in pre:
                m = self._org_mention(i, i + 1, pre["org"])
                m.plural = _is_plural(tok)
                return m
        # compound with a known organisation prefix and a sector head (Talibanstyrkene)
        sp = lex.split(text, lex.sector_forms, min_prefix=3)
        if sp and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            pre = lex.analyse_prefix(sp[0])
            if pre and "org" in pre:
                m = self._org_mention(i, i + 1, pre["org"])
                m.plural = _is_plural(tok)
                return m
        return None

    def _org_mention(self, i: int, j: int, org: Org) -> Mention:
        doc = self.doc
        end = j
        # "Syrian Observatory for Human Rights (SOHR)": keep the bracketed acronym in the mention
        if (
            end + 2 < len(doc)
            and doc[end].text == "("
            and doc[end + 2].text == ")"
            and self.lex.lookup_alias(doc[end + 1].text) == org
        ):
            end += 3
        m = _span_mention(self.doc, i, end, i, "org", self.text)
        m.name, m.sector, m.country, m.named = org.name, org.sector, org.country, True
        m.person = org.person
        if org.person:
            m.kind = "person"
        before = self.lex.country_adjs.get(doc[i - 1].text.lower()) if i > 0 else None
        if org.country and before is not None and before.code3 != org.country and doc[i].text.islower():
            # "Det pakistanske arbeidarpartiet": that country's labour party, not Norway's
            m.name, m.country = f"{before.adj_en} {org.name}", before.code3
        return m

    def _noun_mention(self, tok: Token) -> Mention | None:
        """A sector noun phrase: the noun (or compound) with its determiners and adjectives."""
        lex = self.lex
        low = tok.text.lower()
        if tok.pos_ in ("ADP", "SCONJ", "CCONJ", "PRON"):
            return None
        if _is_verb(tok) and low.endswith("er") and low in lex.sector_forms:
            return None  # "styrker", "leder" as verbs; "gruppa" or a compound ("regjeringsstyrker") never is
        if ("perf-part" in tok.tag_ and not _participle_noun(tok, lex)) or (
            _is_verb(tok) and low in lex.sector_forms and (tok.morph.get("Tense") or "inf" in tok.tag_)
        ):
            return None  # "Styrka kommuneøkonomi", "rette opp", "å ofre": a verb form, not a noun
        sn = lex.sector_forms.get(low)
        prefix_info = None
        if sn is None:
            sp = lex.split(tok.text, lex.sector_forms, min_head=4, min_prefix=3)
            if not sp or sp[0].lower().rstrip("-") in lex.bad_prefixes:
                return None  # "fordommar" is not a judge, "formann" not a man
            sn = lex.sector_forms[sp[1]]
            prefix_info = lex.analyse_prefix(sp[0])
            if prefix_info is None and not sn.person and (sn.generic or sn.head_only):
                return None  # unknown modifier on a vague head: keep only clear heads (fredsstyrker)
        start = tok.i
        country = None
        ethnic = None
        backer = False
        # left modifiers: determiners, adjectives, genitive countries
        j = tok.i - 1
        limit = tok.i - 3
        while j >= 0 and j >= limit:
            t = self.doc[j]
            tl = t.text.lower()
            if t.is_punct or t.is_space or t.sent_start and j != tok.i - 1 and False:
                break
            if tl in AGE_UNITS and j > 0 and self.doc[j - 1].like_num and j + 1 < tok.i:
                # "en 30 år gammel mann", "ein 17 år gamal gut": the age belongs to the person
                start = j - 1
                j -= 2
                limit = j
                continue
            if tl in lex.country_adjs:
                country = country or lex.country_adjs[tl]
                start = j
            elif tl in lex.ethnic_adjs:
                ethnic = ethnic or lex.ethnic_adjs[tl]
                start = j
            elif tl in lex.country_names and t.text[:1].isupper() and tl.endswith("s"):
                country = country or lex.country_names[tl]
                start = j
            elif t.pos_ in ("DET", "ADJ") and not t.like_num or tl in ("de", "dei", "den", "det"):
                sp = lex.split(t.text, {h: True for h in lex.backer_heads}, min_head=3, min_prefix=3)
                if sp:
                    backer = True
                start = j
            else:
                break
            if t.is_sent_start:
                break
            j -= 1
        if sn.head_only and country is None and not prefix_info:
            return None
        m = _span_mention(self.doc, start, tok.i + 1, tok.i, "noun", self.text)
        m.noun = sn
        m.sector = sn.sector
        m.person = sn.person
        # "To menn ... dei": people, too, are plural, when the tagger says so ("kvinna" ends in -a)
        m.plural = _is_plural(tok) if not sn.person else tok.morph.get("Number") == ["Plur"]
        m.group = sn.group
        if prefix_info:
            if "country" in prefix_info and not country:
                country = prefix_info["country"]
            if "sector" in prefix_info:
                ps = prefix_info["sector"]
                if sn.generic or sn.sector in ("UNK", "CVL") or ps in ("REB", "OPP", "IGO"):
                    m.sector = ps
                m.group = False
        if sn.country and not country:
            country = lex.countries.get(sn.country)
        if country:
            m.country = country.code3
        m.generic = country is None and ethnic is None
        if ethnic and not country:
            m.name = f"{ethnic} {self._label(m)}"  # "kurdiske styrker": a people, not a state
        m._backer = backer  # type: ignore[attr-defined]
        m._prefix = prefix_info  # type: ignore[attr-defined]
        # "gruppen Syrian Observatory ... (SOHR)": an appositive named organisation
        nxt = self.at.get(tok.i + 1)
        if (
            nxt is not None
            and nxt.named
            and not sn.person
            and (nxt.kind == "org" or (nxt.kind == "person" and sn.sector == "MED"))
        ):
            if nxt.kind == "person":  # "avisen Al-Watan": a newspaper, whatever NER says
                nxt.kind, nxt.person, nxt.sector = "org", False, sn.sector
                nxt.country = nxt.country or m.country or (country.code3 if country else None)
            nxt.labels.add(sn.stem)
            self._copy(m, nxt)
            m.group = m.generic = False
            m.named = True
            return m
        # "avisen Al-Watan", "gruppen Hamas": a following proper name is the actor's name
        k = tok.i + 1
        while (
            k < len(self.doc)
            and self.doc[k].pos_ == "PROPN"
            and not self.doc[k].is_sent_start
            and (self.doc[k].ent_type_ != "PER" or sn.sector == "MED")
            and (k not in self.at)
        ):
            k += 1
        if k > tok.i + 1 and not (sn.person):
            m.end = k
            last = self.doc[k - 1]
            m.end_char = last.idx + len(last.text)
            m.text = self.text[m.start_char : m.end_char]
            m.name = self.text[self.doc[tok.i + 1].idx : m.end_char]
            m.named = True
            m.generic = False
            m.group = False
        return m

    def _persons(self, taken: set[int]) -> None:
        """NER persons (and organisations the lexicon does not know) not already taken; a name
        that is a place elsewhere (in places[] or by its other NER labels) is not a person."""
        place_spans = [(p["start"], p["end"]) for p in self.places]
        loc_texts = Counter(e.text for e in self.doc.ents if e.label_ in ("LOC", "GPE_LOC", "GPE_ORG"))
        per_texts = Counter(e.text for e in self.doc.ents if e.label_ == "PER")
        surnames = {e.text.split()[-1] for e in self.doc.ents if e.label_ == "PER" and len(e) > 1}
        for ent in self.doc.ents:
            if any(s < ent.end_char and ent.start_char < e for s, e in place_spans):
                continue
            if loc_texts[ent.text] >= per_texts[ent.text] and ent.label_ == "PER":
                continue
            if any(j in taken for j in range(ent.start, ent.end)):
                continue
            if ent.label_ not in ("PER", "ORG", "GPE_ORG"):
                continue
            text = ent.text
            if text.lower() in self.lex.country_names or text.lower() in self.lex.country_adjs:
                continue
            if not any(t.pos_ == "PROPN" for t in ent):
                continue
            if len(ent) == 1 and self._alone_on_line(ent):
                continue  # a one-word subheading ("Sharia", "Skepsis") is no name
            label = ent.label_
            if label != "PER" and len(ent) == 1 and ent.text.rstrip("s") in surnames:
                label = "PER"  # "sa Diarra tirsdag": the NER took a person's surname for a body
            m = _span_mention(
                self.doc,
                ent.start,
                ent.end,
                ent.end - 1,
                "person" if label == "PER" else "org",
                self.text,
            )
            m.named = True
            m.name = text
            m.person = label == "PER"
            m.sector = None if m.person else "UNK"
            m._ner = True  # type: ignore[attr-defined]
            if not m.person:
                self._org_sector(m, ent)
            self._add(m, taken)
        # a surname the NER missed: "sa Diarra tirsdag at han går av"
        person_pronouns = self.lex.pronouns["singular_person"]
        for tok in self.doc:
            if tok.i in taken or tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE_LOC", "LOC"):
                continue
            if any(p["start"] <= tok.idx < p["end"] for p in self.places):
                continue
            sent = tok.sent
            unknown_subject = (
                tok.dep_ == "SUBJ"
                and not tok.is_sent_start
                and tok.text[:1].isupper()
                and tok.text.isalpha()
                and any(t.text.lower() in person_pronouns for t in sent if t.i > tok.i)
            )  # a name the NER missed, taken up by "han/ho" later in its sentence
            if (
                tok.text in surnames
                or (tok.text.endswith("s") and tok.text[:-1] in surnames)
                or unknown_subject
            ):
                m = _span_mention(self.doc, tok.i, tok.i + 1, tok.i, "person", self.text)
                m.named, m.name, m.person, m.sector = True, tok.text, True, None
                m._ner = True  # type: ignore[attr-defined]
                self._add(m, taken)

    def _alone_on_line(self, ent: Span) -> bool:
        text = self.text
        a = text.rfind("\n", 0, ent.start_char) + 1
        b = text.find("\n", ent.end_char)
        b = len(text) if b < 0 else b
        return text[a:b].strip(" .:|") == ent.text

    def _org_sector(self, m: Mention, ent: Span) -> None:
        """An organisation the lexicon does not know, by its parts: a known body inside it
        ("Seljord FrP", "Kviteseid Arbeiderparti") or a sector noun as its head ("Naturvernforbundet",
        "Bodø kommune", "Radio Rauland")."""
        lex = self.lex
        for t in ent:
            org = lex.lookup_alias(t.text.rstrip("."))
            if org is not None:
                m.sector, m.country, m.affiliation = org.sector, org.country, org.name
                return
        for t in reversed(list(ent)):
            low = t.text.lower()
            sn = lex.sector_forms.get(low)
            if sn is None:
                sp = lex.split(t.text, lex.sector_forms, min_head=4, min_prefix=3)
                if sp and sp[0].lower().rstrip("-") not in lex.bad_prefixes:
                    sn = lex.sector_forms[sp[1]]
                    pre = lex.analyse_prefix(sp[0])
                    if pre and "sector" in pre and sn.sector in ("UNK", "CVL"):
                        m.sector = pre["sector"]
                        return
            if sn is not None and sn.sector != "UNK" and not sn.person:
                m.sector = sn.sector
                if sn.country:
                    m.country = sn.country
                return

    # ------------------------------------------------------------------ resolution
    def _story_country(self) -> None:
        """The country the story is about: the most mentioned one (names, adjectives, places)."""
        counts: Counter[str] = Counter()
        for m in self.mentions:
            if m.country and m.kind in ("country", "noun"):
                counts[m.country] += 1
        for c in self.country_adj_at.values():
            counts[c.code3] += 1
        for p in self.places:
            c = self.lex.by_code2.get(str(p.get("country") or "").upper())
            if c:
                counts[c.code3] += 1
        top = counts.most_common(2)
        if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] >= 1.5 * top[1][1]):
            self.story_country = top[0][0]

    def _previous(self, m: Mention, window_sents: int = 6) -> list[Mention]:
        """Resolved mentions before ``m``, nearest first, within a few sentences."""
        out = []
        sent_start = self.sent_no[m.start]
        sents_seen = 0
        last_sent = sent_start
        for p in reversed(self.mentions):
            if p.start >= m.start:
                continue
            s = self.sent_no[p.start]
            if s != last_sent:
                sents_seen += 1
                last_sent = s
            if sents_seen > window_sents:
                break
            out.append(p)
        return out

    def _resolve(self, m: Mention) -> None:
        lex = self.lex
        if m.kind in ("org", "country") or (m.kind == "person" and m.sector):
            return
        if m.kind == "person":
            self._describe_person(m)
            return
        if m.kind == "pronoun":
            self._resolve_pronoun(m)
            return
        sn = m.noun
        assert sn is not None
        if sn.person and m.start >= 2 and self.doc[m.start - 1].text == ",":
            # "Anders Behring Breivik, mannen som ...": an apposition names the same person
            prev = self.at.get(m.start - 2)
            if prev is not None and prev.kind == "person" and prev is not m:
                if prev.sector is None and prev.name is None:
                    self._describe_person(prev)
                self._copy(m, prev)
                m.person = True
                return
        if m.named or (m.name and not m.generic):
            m.sector = m.sector or sn.sector
            if m.country is None and sn.sector in STATE_SECTORS | {"MED"}:
                m.country = None
            return
        # a group noun ("gruppa", "organisasjonen") or armed-group noun ("ekstremistene") refers back
        if (sn.group or (sn.armed_group and m.sector == "REB" and m.country is None)) and is_definite(
            self.doc[m.head]
        ):
            prev = self._previous(m, 8)
            labelled = [
                p
                for p in prev
                if p.named and p.kind == "org" and (sn.stem in p.labels or sn.stem in (p.text or "").lower())
            ]  # "rådet" -> "Kringkastingsrådet"
            for p in labelled + ([] if sn.named_only else prev):
                if p.named and p.kind == "org" and (sn.group or p.sector == "REB"):
                    self._copy(m, p)
                    return
        if m.country is None and sn.home and "country" not in (getattr(m, "_prefix", None) or {}):
            m.country = "NOR"  # "utenriksministeren", "kongeparet": the paper's own state
        if m.country is None and not sn.generic:
            of = self._of_phrase(m)  # "Aktivistar frå Det pakistanske arbeidarpartiet"
            if of is not None and of.country:
                m.country = of.country
        if m.country is None and (m.sector in STATE_SECTORS or m.sector == "OPP"):
            # a state's forces act where the sentence places them ("Politiet ... i Moskva")
            local = self._sentence_country(m)
            # "Hæren", "styrkene", "regjeringen": the last state actor of the same kind with a country
            for p in [] if local else self._previous(m, 12):
                if (
                    p.country
                    and p.sector == m.sector
                    and p.kind == "noun"
                    and not getattr(p, "_backer", False)
                ):
                    m.country = p.country
                    if p.kind == "noun" and p.noun and p.noun.stem == sn.stem:
                        m.name = p.name
                    m.antecedent = p
                    break
            else:
                m.country = local or self.story_country
        if sn.generic and not sn.person and self._members_of(m):
            return  # "grupper av demonstranter", "medlemmer av Hells Angels"
        if sn.person and sn.generic:
            of = self._of_phrase(m)
            if of is not None:
                m.affiliation = of.name
                m.sector = of.sector if of.sector not in (None, "UNK") else m.sector
                m.country = m.country or of.country
                m.name = f"{sn.en} of {of.name}"
                return
        if sn.person and sn.generic and m.sector in (None, "UNK") and self._private(m):
            m.sector = "CVL"  # "Han ble truet av en kollega": a co-worker, not a minister's counterpart
        c = lex.countries.get(m.country) if m.country else None
        label = self._label(m)
        if m.name is None:
            m.name = f"{c.adj_en} {label}" if c else label

    def _private(self, m: Mention) -> bool:
        """A person noun of everyday life (sectors.yaml ``private_persons``: "en kollega") with no
        country and no owner, whose bearer is a private person."""
        private = {w.lower() for w in self.lex.data["sectors"].get("private_persons", [])}
        if m.noun is None or m.noun.stem not in private or m.country is not None:
            return False
        owners = self.lex.pronouns.get("possessive", set()) | {"sin", "si", "sitt", "sine"}
        before = self.doc[m.start - 1].text.lower() if m.start > 0 else ""
        after = self.doc[m.end].text.lower() if m.end < len(self.doc) else ""
        inside = {t.text.lower() for t in self.doc[m.start : m.head]}
        return not ({before, after} | inside) & owners and not before.endswith("s")

    def _members_of(self, m: Mention) -> bool:
        """A group noun followed by "av X" is a part of X: it takes X's sector and country."""
        j = m.end
        if j + 1 < len(self.doc) and self.doc[j].text.lower() == "av":
            other = self.at.get(j + 1) or (self.at.get(j + 2) if j + 2 < len(self.doc) else None)
            if other is not None and other is not m and other.kind not in ("pronoun",):
                if other.name is None:
                    self._resolve(other)
                if other.sector not in (None, "UNK"):
                    m.sector, m.country, m.affiliation = other.sector, other.country, other.affiliation
                    m.name = f"{m.noun.en if m.noun else 'group'} of {other.name}"
                    m.generic = False
                    other._member_of = m  # type: ignore[attr-defined]
                    return True
        return False

    def _of_phrase(self, m: Mention) -> Mention | None:
        """The body after "for/i/fra" that a generic person noun belongs to ("talsmannen for X")."""
        j = m.end
        if j + 1 < len(self.doc) and self.doc[j].text.lower() in ("for", "i", "fra", "frå", "hos"):
            other = None
            for k in range(j + 1, min(len(self.doc), j + 5)):
                other = self.at.get(k)
                t = self.doc[k]
                if other is not None or (t.pos_ not in ("DET", "ADJ") and t.text.lower() not in ARTICLES):
                    break  # past "Det pakistanske" to "arbeidarpartiet"
            if other is not None and other is not m and other.kind != "pronoun":
                if other.name is None:
                    self._resolve(other)
                if other.sector and other.sector != "UNK" or other.named:
                    return other
        return None

    def _sentence_country(self, m: Mention) -> str | None:
        """The country of the nearest resolved place in the mention's sentence (not an actor)."""
        sent = self._sent_span(m.start)
        lo, hi = sent.start_char, sent.end_char
        best = None
        for p in self.places:
            if not (lo <= p.get("start", -1) < hi) or p.get("role") == "actor":
                continue
            if any(
                p["start"] < x.end_char and x.start_char < p["end"]
                for x in self.mentions
                if x.kind in ("country", "org", "person")
            ):
                continue
            c = self.lex.by_code2.get(str(p.get("country") or "").upper())
            if c and (best is None or abs(p["start"] - m.start_char) < best[0]):
                best = (abs(p["start"] - m.start_char), c.code3)
        return best[1] if best else None

    def _label(self, m: Mention) -> str:
        sn = m.noun
        assert sn is not None
        pre = getattr(m, "_prefix", None) or {}
        if sn.sector == "MIL" and pre.get("sector") == "GOV" and sn.en == "forces":
            return "government forces"
        if pre.get("sector") and pre["sector"] != sn.sector and sn.generic:
            return (
                {
                    "OPP": "opposition",
                    "REB": "rebels",
                    "GOV": "government",
                    "CVL": "civilians",
                    "COP": "police",
                    "MIL": "armed forces",
                }.get(pre["sector"], sn.en)
                + " "
                + sn.en
            )
        return sn.en

    def _copy(self, m: Mention, p: Mention) -> None:
        m.name, m.country, m.sector, m.antecedent = p.name, p.country, p.sector, p
        m.affiliation = p.affiliation

    def _resolve_pronoun(self, m: Mention) -> None:
        low = m.text.lower()
        if low in self.lex.pronouns["first_plural"]:
            return  # "vi": the speaker of the quote, resolved by the quote stage
        best, best_score = None, -1e9
        own_subject = self._clause_subject(m)
        for rank, p in enumerate(self._previous(m, 2)):
            if p.kind == "pronoun" and p.antecedent is None and p.name is None:
                continue
            if own_subject is not None and p.start <= own_subject < p.end:
                continue  # "Le Pen hermet etter aksenten hennes": not Le Pen, who would be "sin"
            if m.person and not p.person:
                continue
            if m.person and self._gender(p) not in (None, PRONOUN_GENDER.get(low)):
                continue  # "henne" is not "mannen"
            if m.person and not m.plural and p.kind == "noun" and p.plural:
                continue  # "han" is not "menn"
            # "kong Harald og dronning Sonja", not a clause joined by "og": ", og Nerdal sier"
            coordinated = p.kind == "person" and (
                (
                    p.end + 1 < len(self.doc)
                    and self.doc[p.end].text.lower() in ("og", "eller")
                    and self._nominal_at(p.end + 1)
                )
                or (
                    p.start > 1
                    and self.doc[p.start - 1].text.lower() in ("og", "eller")
                    and self._nominal_at(p.start - 2)
                )
            )
            if m.plural and not coordinated and not p.plural and (p.person or p.kind != "org"):
                continue  # "de" is not one person, but may be "kong Harald og dronning Sonja"
            if p.sector is None and p.kind != "person":
                continue
            score = -rank
            t = self.doc[p.head]
            if t.dep_ in ("SUBJ", "DOBJ"):
                score += 2.5
            if t.dep_ == "PUTFYLL" or (t.head.pos_ == "ADP" and t.head.i < t.i):
                score -= 2
            if self.sent_no[p.start] != self.sent_no[m.start]:
                score -= 1
            if score > best_score:
                best, best_score = p, score
        if best is not None:
            self._copy(m, best.antecedent if best.kind == "pronoun" and best.antecedent else best)

    def _nominal_at(self, i: int) -> bool:
        """A mention or a name at token ``i`` (a conjunct of a person, not a new clause)."""
        return (
            self.at.get(i) is not None
            or self.doc[i].pos_ == "PROPN"
            or (self.doc[i].pos_ == "NOUN" and i + 1 < len(self.doc) and self.doc[i + 1].pos_ == "PROPN")
        )

    def _clause_subject(self, m: Mention) -> int | None:
        """The subject token of the verb a non-reflexive possessive or object pronoun belongs
        to ("aksenten hennes", "pågreip dei"): Norwegian says "sin"/"seg" for the subject, so
        these never refer to it."""
        tok = self.doc[m.head]
        low = tok.text.lower()
        possessive = low in self.lex.pronouns.get("possessive", set()) and tok.dep_ == "DET"
        if not (possessive or (tok.dep_ in ("DOBJ", "IOBJ") and low in OBJECT_PRONOUNS)):
            return None
        verb = tok.head
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        for t in (verb, verb.head if verb.dep_ in ("INFV",) else verb):
            subj = next((c for c in t.children if c.dep_ == "SUBJ"), None)
            if subj is not None:
                return subj.i
        return None

    def _gender(self, p: Mention) -> str | None:
        """Masc/Fem of a person mention when its words tell it ("mannen", "dronning", "Kari")."""
        if p.kind == "pronoun":
            return PRONOUN_GENDER.get(p.text.lower())
        if p.noun is not None:
            return NOUN_GENDER.get(p.noun.stem)
        if p.kind == "person":
            g = self.doc[p.start].morph.get("Gender")
            if g in (["Masc"], ["Fem"]) and self.doc[p.start].pos_ == "PROPN":
                return g[0]
        return None

    def _describe_person(self, m: Mention) -> None:
        """Sector, country and affiliation of a person from nearby words ("FNs spesialutsending X")."""
        # the same person named in full elsewhere: "Mistura" -> "Staffan de Mistura"
        for p in self.mentions:
            bare = m.text[:-1] if m.text.endswith("s") and len(m.text) > 3 else m.text
            if (
                p is not m
                and p.kind == "person"
                and p.named
                and len(p.text) > len(bare)
                and (p.text.endswith(" " + m.text) or p.text.endswith(" " + bare))
            ):
                m.name = p.text
                if p.sector:
                    m.sector, m.country, m.affiliation = p.sector, p.country, p.affiliation
                    return
                self._describe_window(m, p)
                return
        self._describe_window(m, m)

    def _person_window(self, where: Mention) -> list[int]:
        """Tokens that describe a person: titles before the name ("FNs generalsekretær X",
        "Frp-leder X"), a prepositional phrase after it ("X i Norfund", "X fra Øst-Timor"), an
        apposition after a comma ("X, formann i Seljord FrP,") or before one ("Fylkesleiar i
        Framstegspartiet, X, ..."), a party in brackets ("X (Ap)") and a copula ("X er leiar i Y")."""
        doc = self.doc
        sent = self._sent_span(where.start)
        window: list[int] = []
        j = where.start - 1
        while j >= sent.start and where.start - j <= 5:
            t = doc[j]
            if t.is_punct or _is_verb(t) or t.tag_.startswith("sbu"):
                break
            window.append(j)
            j -= 1
        if j >= sent.start and doc[j].text == "," and j == where.start - 1:
            # "Fylkesleiar i Framstegspartiet, Frank Willy Djuvik, ..."
            k = j - 1
            part: list[int] = []
            while k >= sent.start and j - k <= 8 and not doc[k].is_punct and not _is_verb(doc[k]):
                part.append(k)
                k -= 1
            if (k < sent.start or doc[k].is_punct) and self._has_role(part):
                window += part
        j = where.end
        if j + 2 < sent.end and doc[j].text == "(" and doc[j + 2].text == ")":
            window.append(j + 1)  # "Gry Larsen (Ap)"
            j += 3
        if (
            j < sent.end
            and doc[j].text == ","
            or (j < sent.end and doc[j].text.lower() in ("er", "var") and not self._has_role(window))
        ):
            # "Lars Dahle, kommunestyrerepresentant i Molde, ..."; "X er leiar i Y"
            k = j + 1
            part = []
            while k < sent.end and k - j <= 10 and not doc[k].is_punct and not _is_verb(doc[k]):
                if doc[k].text.lower() in ("som", "og", "at", "til", "med"):
                    break
                part.append(k)
                k += 1
            if self._has_role(part[:4]):
                window += part
            return window
        while j < sent.end and j - where.end < 10:
            t = doc[j]
            if t.is_punct or _is_verb(t) or t.text.lower() in ("med", "som", "og", "at", "til"):
                break
            window.append(j)
            j += 1
        return window

    def _has_role(self, idx: list[int]) -> bool:
        """Whether these tokens hold a title or role noun (a person sector noun) or a named body."""
        for j in idx:
            o = self.at.get(j)
            if o is not None and o.kind == "noun" and o.noun is not None and o.noun.person:
                return True
            if (
                o is not None
                and o.kind == "org"
                and o.named
                and self.doc[j].text[:1].isupper()
                and "-" in o.text
            ):
                return True  # "Raudt-leiar", "Frp-leder"
        return False

    def _describe_window(self, m: Mention, where: Mention) -> None:
        doc, lex = self.doc, self.lex
        window = self._person_window(where)
        sector = country = affiliation = None
        title = None  # a state office ("utenriksminister", "ambassadør") outranks a party
        for j in sorted(window):
            other = self.at.get(j)
            tl = doc[j].text.lower()
            abbr = lex.party_abbreviations.get(doc[j].text)
            if (
                abbr is not None
                and 0 < j < len(doc) - 1
                and doc[j - 1].text == "("
                and doc[j + 1].text == ")"
            ):
                affiliation = affiliation or abbr.name  # "Per Olsen (H)"
                sector = sector or abbr.sector
                country = country or abbr.country
                continue
            if other is not None and other is not m and other.kind == "org" and other.named:
                affiliation = affiliation or other.name
                if other.sector not in (None, "UNK"):
                    sector = sector or other.sector
                country = country or other.country
            elif other is not None and other.kind == "noun" and other.noun and other is not m:
                if other.name is None:
                    self._resolve(other)
                if other.noun.person and other.noun.state and other.sector in STATE_SECTORS:
                    title = title or other
                if other.sector not in (None, "UNK") and (other.sector != "CVL" or other.noun.person):
                    sector = sector or other.sector
                    country = country or other.country
                    affiliation = affiliation or other.affiliation
            if tl in lex.country_adjs:
                country = country or lex.country_adjs[tl].code3
            elif tl in lex.country_names and doc[j].text[:1].isupper():
                country = country or lex.country_names[tl].code3
        if title is not None:
            sector = title.sector
            country = title.country or country
        m.sector = sector or "UNK"
        m.country = country
        m.affiliation = affiliation
        if m.name is None:
            m.name = m.text

    def _sent_span(self, i: int) -> Span:
        k = self.sent_no[i]
        lo = i
        while lo > 0 and self.sent_no[lo - 1] == k:
            lo -= 1
        hi = i
        while hi < len(self.doc) and self.sent_no[hi] == k:
            hi += 1
        return self.doc[lo:hi]

    def home(self, place: dict) -> bool:
        """Whether a place is Norway, the newspapers' own country."""
        return str(place.get("country") or "").upper() == "NO"

    # ------------------------------------------------------------------ lookups for events
    def mention_for(self, i: int) -> Mention | None:
        """The mention covering token ``i``."""
        return self.at.get(i)

    def adjective_actor(self, i: int, sector: str = "MIL") -> Mention | None:
        """A country adjective used as an actor ("Russiske luftangrep" = Russia's armed forces)."""
        c = self.country_adj_at.get(i)
        if c is None:
            return None
        m = _span_mention(self.doc, i, i + 1, i, "adj", self.text)
        label = "armed forces" if sector == "MIL" else "government"
        m.name, m.country, m.sector, m.named = f"{c.adj_en} {label}", c.code3, sector, True
        return m
