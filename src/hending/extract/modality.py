"""Negation, hypothetical (conditional, modal, demanded, threatened) and refusal."""

from __future__ import annotations

from spacy.tokens import Doc

from hending.extract.lexicon import Lexicon

BOUNDARY = {",", ";", ":", ".", "!", "?", "–", "—", "«", "»"}
NEW_CLAUSE = {"mens", "medan", "men"}  # ", medan aktor bad om ...": a new main clause
SUBORD = {"at", "som", "mens", "fordi", "når", "da", "etter", "før", "siden", "sidan", "så"}


def clause_start(doc: Doc, i: int, sent_start: int) -> int:
    """The first token of the clause containing token ``i`` (after a comma or subordinator)."""
    j = i
    while j > sent_start:
        t = doc[j - 1]
        if t.text in BOUNDARY:
            return j
        if t.tag_.startswith("sbu") or t.text.lower() in ("hvis", "dersom", "viss"):
            return j - 1
        j -= 1
    return sent_start


def clause_end(doc: Doc, i: int, sent_end: int) -> int:
    """One past the last token of the clause containing token ``i``."""
    j = i + 1
    while j < sent_end:
        t = doc[j]
        if t.text in BOUNDARY or t.tag_.startswith("sbu") or t.text.lower() in ("hvis", "dersom", "viss"):
            return j
        j += 1
    return sent_end


class Modality:
    """Modality decisions for trigger tokens, driven by ``modality.yaml``."""

    def __init__(self, lex: Lexicon) -> None:
        m = lex.modality
        self.neg = {w.lower() for w in m["negation"]}
        self.cond = {w.lower() for w in m["conditional"] if " " not in w}
        self.habitual = {w.lower() for w in m.get("habitual", [])}
        self.generic_subjects = {w.lower() for w in m.get("generic_subjects", [])}
        self.modal_nouns = {w.lower() for w in m.get("modal_nouns", [])}
        self.idioms = [tuple(w.lower().split()) for w in m.get("idioms", [])]
        self.modals = {w.lower() for w in m["modal_verbs"]}
        self.heads = {w.lower() for w in m["hypothetical_heads"]}
        self.refusal_types = set(m["refusal_types"])
        self.refusal_modals = {w.lower() for w in m["refusal_modals"]}
        self.hist = [tuple(x) for x in m["historical_markers"]]
        self.warnings = {w.lower() for w in m.get("warning_heads", [])}
        self.frames = tuple(w.lower() for w in m.get("fiction_frames", []))
        self.fiction_say = {w.lower() for w in m.get("fiction_say", [])}
        self.characters = tuple(w.lower() for w in m.get("fiction_characters", []))
        self.advice = {w.lower() for w in m.get("advisory_modals", [])}

    def negated(self, doc: Doc, trig: int, sent_start: int, verbal: bool = False) -> bool:
        """A negation between the clause start and the trigger, or right after a finite trigger."""
        cs = clause_start(doc, trig, sent_start)
        for j in range(cs, trig):
            if doc[j].text.lower() in self.neg and not self._litotes(doc, j):
                return True
        t = doc[trig]
        if verbal or "pres" in t.tag_ or "pret" in t.tag_:
            for j in range(trig + 1, min(trig + 3, len(doc))):
                if doc[j].text.lower() in self.neg:
                    return True
        return False

    @staticmethod
    def _litotes(doc: Doc, j: int) -> bool:
        """A negation that affirms: "Det er ikkje første gong ...", "ikke bare", "ikkje berre"."""
        nxt = [doc[k].text.lower() for k in range(j + 1, min(j + 3, len(doc)))]
        return bool(nxt) and (
            nxt[0] in ("bare", "berre", "minst")
            or nxt[:2] in (["første", "gang"], ["fyrste", "gong"], ["første", "gong"])
        )

    def modal(self, doc: Doc, trig: int, sent_start: int) -> str | None:
        """The modal or future auxiliary governing the trigger in its clause, if any."""
        cs = clause_start(doc, trig, sent_start)
        for j in range(trig - 1, cs - 1, -1):
            low = doc[j].text.lower()
            if (
                doc[j].pos_ == "VERB"
                and low not in self.modals
                and low not in ("ha", "hatt", "bli", "verte")
                and doc[trig].head.i != j  # the support verb of an event noun ("vil innføre sanksjoner")
            ):
                return None  # another verb governs the trigger ("kan instruere landa i å stanse")
            if low in self.modals:
                if low in ("kommer", "kjem", "kom"):
                    if any(doc[k].text.lower() == "til" for k in range(j + 1, trig)):
                        return low
                    continue
                return low
        return None

    def advisory(self, doc: Doc, trig: int, sent_start: int) -> bool:
        """A recommendation or opinion ("bør/burde gå til åtak"): not an asserted event."""
        return self.modal(doc, trig, sent_start) in self.advice

    def conditional(self, doc: Doc, trig: int, sent_start: int) -> bool:
        """The trigger's clause is opened by "hvis/dersom/viss" (or subordinating "om")."""
        cs = clause_start(doc, trig, sent_start)
        if (
            doc[cs].text.lower() in self.habitual
            and ("Pres" in doc[trig].morph.get("Tense") or "pres" in doc[trig].tag_)
            and any(doc[j].text.lower() in self.generic_subjects for j in range(cs + 1, trig))
        ):
            return True  # "Når folk kaster stein etter deg, ...": whenever, not an event
        if doc[cs].text.lower() == "om" and cs > sent_start and doc[cs - 1].text.lower() == "som":
            return False  # "Det ser ut som om politiet har kontakt med ...": how it looks, not a condition
        return doc[cs].text.lower() in self.cond and (
            doc[cs].tag_.startswith("sbu") or doc[cs].text.lower() != "om"
        )

    def hypothetical(self, doc: Doc, trig: int, sent_start: int) -> bool:
        """Conditional clause, modal/future verb chain, or a head that governs a wished event."""
        if self.conditional(doc, trig, sent_start):
            return True
        cs = clause_start(doc, trig, sent_start)
        if self.modal(doc, trig, sent_start):
            return True
        for j in range(sent_start, cs):
            if doc[j].text.lower() not in self.heads:
                continue
            markers = [k for k in range(j + 1, trig) if doc[k].text.lower() in ("at", "å", "om", "med")]
            if not markers or any(
                doc[k].text == "," and doc[k + 1].text.lower() in NEW_CLAUSE for k in range(j + 1, trig)
            ):
                continue  # (", mens aktor ba om ...": a new main clause)
            if any(doc[k].pos_ == "VERB" for k in range(j + 1, markers[0])):
                continue  # "vil ikkje kommentere at politiet set i verk ...": the clause is what is
                # commented on, not what is wished
            # the wished event must be in the clause the marker opens, not in a relative clause
            between = range(markers[0] + 1, trig)
            if not any(
                doc[k].text.lower() == "som"
                or (doc[k].morph.get("Tense") and doc[k].text.lower() not in self.modals)
                for k in between
            ):
                return True
        return False

    def refusal(self, doc: Doc, trig: int, sent_start: int, type_: str) -> bool:
        """A negated intention to act cooperatively: "vi kommer ikke til å diskutere det"."""
        if type_ not in self.refusal_types:
            return False
        mod = self.modal(doc, trig, sent_start)
        return bool(mod and mod in self.refusal_modals and self.negated(doc, trig, sent_start))

    def warned(self, doc: Doc, trig: int, sent_start: int) -> bool:
        """A warning verb earlier in the sentence governs the trigger ("varsler ... sanksjoner")."""
        return any(doc[j].text.lower() in self.warnings for j in range(sent_start, trig))

    def historical_marker(self, words: list[str]) -> bool:
        low = [w.lower() for w in words]
        for pat in self.hist:
            for i in range(len(low) - len(pat) + 1):
                if tuple(low[i : i + len(pat)]) == pat:
                    return True
        return False

    def _work(self, word: str) -> bool:
        low = word.lower()
        return any(
            low.endswith(f) or low.endswith(f + suf)
            for f in self.frames
            for suf in ("en", "et", "a", "ets", "ens", "s", "ar", "er")
        )

    def fiction(self, words: list[str]) -> bool:
        """A sentence telling the content of a work: "I filmen/manifestet ..." at its start, or
        "heter det/sies det i filmen"."""
        low = [w.lower() for w in words]
        if low and low[0] in ("–", "—", "-"):
            low = low[1:]
        if len(low) > 1 and low[0] == "i" and any(self._work(w) for w in low[1:4]):
            return True
        for i in range(len(low) - 2):
            if low[i] in self.fiction_say and low[i + 1] in ("det", "det,") and "i" in low[i + 2 : i + 4]:
                k = low.index("i", i + 2)
                if any(self._work(w) for w in low[k + 1 : k + 4]):
                    return True
        return False

    def character(self, text: str | None) -> bool:
        """A mention naming a show's character ("Dukken", "en Bush-dukke")."""
        if not text:
            return False
        return any(
            w.lower().rstrip(".,").endswith(c + suf)
            for w in text.split()
            for c in self.characters
            for suf in ("", "n", "a", "en", "ne", "r", "ene", "ane")
        )

    def idiom(self, doc: Doc, trig: int) -> bool:
        """The trigger word is part of a fixed phrase that tells no event ("etter alt å dømme")."""
        for phrase in self.idioms:
            n = len(phrase)
            for start in range(max(0, trig - n + 1), trig + 1):
                if tuple(t.text.lower() for t in doc[start : start + n]) == phrase:
                    return True
        return False
