"""Find event triggers: verb patterns (with their particles) and event nouns (and compounds)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from hending.extract.lexicon import Lexicon, Trigger

PASSIVE_AUX = {"ble", "blei", "blir", "blitt", "vart", "vert", "vorte", "er", "var", "verte", "bli"}
CLAUSE_PUNCT = {",", ".", ";", ":", "!", "?", "–", "—", "(", ")", "«", "»", '"'}


@dataclass
class Candidate:
    """A trigger found in the text: its tokens, entry and (for compounds) the prefix mode."""

    entry: Trigger
    tokens: list[int]
    head: int
    nominal: bool
    mode: str | None = None
    prefix: str | None = None

    def span(self, doc: Doc, text: str) -> tuple[int, int, str]:
        """Character offsets and text of the trigger: the contiguous run from its first token to
        its last when that is short, else the head token alone."""
        first, last = min(self.tokens), max(self.tokens)
        if last - first <= 7:
            s, e = doc[first].idx, doc[last].idx + len(doc[last].text)
        else:
            rest = sorted(t for t in self.tokens if t != self.head)
            if len(rest) >= 2 and rest[-1] - rest[0] == len(rest) - 1:
                # "går Liv Signe Navarsete (Sp) ut mot": the particles carry the meaning
                s, e = doc[rest[0]].idx, doc[rest[-1]].idx + len(doc[rest[-1]].text)
            else:
                s, e = doc[self.head].idx, doc[self.head].idx + len(doc[self.head].text)
        return s, e, text[s:e]


def _particles(sent: Span, tok: Token, entry: Trigger, used: set[int]) -> list[int] | None:
    """Token indices of ``entry.with_`` after ``tok`` (in order, within its window), or None."""
    found: list[int] = []
    j = tok.i + 1
    limit = min(sent.end, tok.i + 1 + entry.window + len(entry.with_))
    for alts in entry.with_:
        while j < limit:
            t = sent.doc[j]
            if t.text in CLAUSE_PUNCT and t.text not in alts and t.text not in ("(", ")"):
                return None  # a bracketed party may stand between: "går X (Sp) ut mot"
            if t.pos_ == "CCONJ" and t.text.lower() not in alts and found:
                return None  # "har gått ut i avisa og lagt ned veto mot": another verb's particle
            if t.text.lower() == "med" and "med" not in alts and found:
                return None  # "går ut med en advarsel mot": another idiom
            if t.text.lower() in alts and j not in used:
                found.append(j)
                j += 1
                break
            j += 1
        else:
            return None
    return found if len(found) == len(entry.with_) else None


def _verb_ok(tok: Token, lex: Lexicon, sent: Span) -> bool:
    """A verb form that is also a noun form (møtet, bomber) must be tagged or placed as a verb."""
    low = tok.text.lower()
    if (
        tok.i > sent.start
        and low not in lex.noun_forms_all
        and not any(t.pos_ in ("VERB", "AUX") for t in sent if t.i != tok.i)
    ):
        return True  # a sentence needs a verb: "Statsråden roste helseforetaket i går" (tagged ADJ)
    if low in lex.noun_forms_all or low in lex.sector_forms or low in lex.verb_tag_required:
        return (
            tok.pos_ in ("VERB", "AUX")
            or tok.tag_.startswith("verb")
            or predicative_participle(tok)
            or _verbal_context(tok, sent)
        )
    # the object of a preposition is a noun, not a finite verb ("Som plaster på såret")
    if (
        tok.dep_ == "PUTFYLL"
        and tok.head.pos_ == "ADP"
        and not (tok.pos_ == "VERB" and ("inf" in tok.tag_ or "part" in tok.tag_))
        and tok.head.i == tok.i - 1
    ):
        return False
    # a determiner right before makes it a noun ("et angrep", "den ødelagte")
    if (
        tok.i > 0
        and tok.doc[tok.i - 1].pos_ == "DET"
        and tok.doc[tok.i - 1].dep_ == "DET"
        and tok.doc[tok.i - 1].head.i == tok.i
    ):
        return False
    # an attributive participle is no event: "Såret nasjonalstolthet", "ødelagte hus"; after a
    # passive auxiliary it is predicative: "Presidenten vart pågripen natt til fredag"
    prev = [tok.doc[j].text.lower() for j in range(max(sent.start, tok.i - 2), tok.i)]
    if any(w in PASSIVE_AUX for w in prev):
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return not (
        tok.tag_.startswith("adj")
        and nxt is not None
        and nxt.pos_ in ("NOUN", "PROPN")
        and nxt.head.i != tok.i
    )


def find(doc: Doc, sents: list[Span], lex: Lexicon) -> list[Candidate]:
    """All trigger candidates in ``sents``, in text order; a token belongs to one trigger at most."""
    out: list[Candidate] = []
    used: set[int] = set()
    for sent in sents:
        for tok in sent:
            if tok.i in used or tok.is_punct or tok.is_space:
                continue
            low = tok.text.lower()
            cand = None
            for entry in lex.verb_index.get(low, ()):
                if entry.with_:
                    parts = _particles(sent, tok, entry, used)
                    if parts is None:
                        continue
                    if not _verb_ok(tok, lex, sent) and (
                        low not in lex.noun_forms_all or low in lex.verb_tag_required
                    ):
                        continue
                    cand = Candidate(entry, [tok.i, *parts], tok.i, False)
                    break
                if (
                    low in lex.noun_index
                    and tok.pos_ not in ("VERB", "AUX")
                    and not _verbal_context(tok, sent)
                ):
                    break  # "angrep" as a noun: handled below
                if not _verb_ok(tok, lex, sent):
                    continue
                cand = Candidate(entry, [tok.i], tok.i, False)
                break
            if cand is None:
                cand = _noun(tok, lex)
            if cand is not None:
                out.append(cand)
                used.update(cand.tokens)
    return out


def predicative_participle(tok: Token) -> bool:
    """A participle tagged as an adjective but used of someone, not before a noun: "må møte i
    retten i dag tiltalt for overgrep" (not "den tiltalte mannen")."""
    return "perf-part" in tok.tag_ and tok.dep_ in ("FSPRED", "SPRED", "OPRED", "KOORD", "INFV", "APP")


def _verbal_context(tok: Token, sent: Span) -> bool:
    """A noun/verb homograph between a bare subject and its object is a verb:
    "Opprørere angrep en militærbase" (however the tagger read it)."""
    if tok.i <= sent.start or tok.i + 1 >= sent.end:
        return False
    if tok.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in sent if t.i != tok.i):
        return True  # the sentence has no other verb: "Dei russiske flya bomba landsbyen i går"
    prev, nxt = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    if nxt.dep_ == "SUBJ" and nxt.head.i == tok.i and nxt.pos_ in ("NOUN", "PROPN", "PRON"):
        return True  # inverted order: "Ifølge SOHR angrep opprørerne en militærbase"
    if nxt.pos_ == "ADV" and tok.i + 2 < sent.end:  # "Hæren angrep ikke byen"
        nxt = tok.doc[tok.i + 2]
    if prev.pos_ not in ("NOUN", "PROPN", "PRON") or prev.i == sent.start and prev.pos_ == "ADP":
        return False
    if prev.i > sent.start and tok.doc[prev.i - 1].pos_ in ("ADP", "DET", "ADJ"):
        return False
    return nxt.pos_ in ("DET", "PROPN", "NOUN", "PRON", "NUM") or (nxt.pos_ == "ADJ" and nxt.dep_ != "SPRED")


def _noun(tok: Token, lex: Lexicon) -> Candidate | None:
    low = tok.text.lower()
    if tok.pos_ in ("ADP", "SCONJ", "CCONJ", "DET", "PRON"):
        return None
    entries = lex.noun_index.get(low)
    if not entries and tok.pos_ == "NOUN" and low in lex.derived_nouns:
        return Candidate(lex.derived_nouns[low], [tok.i], tok.i, True)
    if entries:
        e = entries[0]
        if low in e.exclude:
            return None
        return Candidate(e, [tok.i], tok.i, True)
    sp = lex.split(tok.text, lex.noun_heads, min_head=4, min_prefix=3)
    if not sp:
        return None
    prefix, head = sp
    entry = lex.noun_heads[head]
    if low in entry.exclude:
        return None
    known, mode = lex.prefix_mode(prefix)
    if not known:
        pre = lex.analyse_prefix(prefix)
        if pre is None and not _plausible_prefix(prefix, lex):
            return None
    return Candidate(entry, [tok.i], tok.i, True, mode=mode if known else None, prefix=prefix)


def _plausible_prefix(prefix: str, lex: Lexicon) -> bool:
    """An unknown compound prefix: accept a content-word-like one, reject figurative heads."""
    p = prefix.lower().rstrip("-")
    bad = {
        "hjerte",
        "hjertes",
        "panikk",
        "angst",
        "astma",
        "epilepsi",
        "allergi",
        "for",
        "an",
        "ut",
        "inn",
        "mot",
        "over",
        "til",
        "be",
        "fram",
        "frem",
        "opp",
        "ned",
        "av",
        "på",
        "om",
        "sam",
        "ski",
        "skis",
        "sjakk",
        "leir",
        "tanke",
        "ord",
        "sinne",
        "smil",
        "latter",
        "jule",
        "bursdags",
        "mage",
    }
    return len(p) >= 3 and p not in bad
