"""Attribution: who the text says reports or claims what a sentence tells."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from hending.extract.actors import ActorFinder, Mention
from hending.extract.lexicon import Lexicon
from hending.extract.segment import Sentence

OPENERS = {",", "»", '"', "”", "–", "—"}


@dataclass
class Source:
    """A reported source: the mention and the say verb (or "ifølge") that introduces it."""

    mention: Mention
    cue: int  # token index of the say verb / preposition
    inverted: bool  # "..., melder SOHR" (covers the paragraph's earlier sentences too)

    def as_dict(self) -> dict:
        m = self.mention
        d = {"text": m.text, "start": m.start_char, "end": m.end_char, "name": m.name or m.text}
        if m.affiliation:
            d["affiliation"] = m.affiliation
        return d


def best_mention(finder: ActorFinder, lo: int, hi: int) -> Mention | None:
    """The most specific mention in tokens [lo, hi): a person, a named body, then a description."""
    seen: list[Mention] = []
    for j in range(lo, hi):
        m = finder.mention_for(j)
        if m is not None and m not in seen:
            seen.append(m)

    def rank(m: Mention) -> int:
        if m.kind == "person":
            return 0
        if m.named:
            return 1 if m.kind == "org" else 2
        return 4 if m.kind == "pronoun" else 3

    return min(seen, key=rank) if seen else None


def _window_after(doc: Doc, i: int, end: int, lex: Lexicon) -> int:
    """One past the last token of the source phrase after a say verb."""
    j = i + 1
    while j < end and doc[j].text not in lex.source_stops:
        j += 1
    return j


def find_sources(doc: Doc, sents: list[Sentence], finder: ActorFinder, lex: Lexicon) -> dict[int, Source]:
    """Source per sentence index; an end-of-paragraph "..., melder X" covers earlier sentences."""
    out: dict[int, Source] = {}
    for si, s in enumerate(sents):
        span = s.span
        for tok in span:
            low = tok.text.lower()
            if low in lex.according_to:
                m = best_mention(finder, tok.i + 1, _window_after(doc, tok.i, span.end, lex))
                if m:
                    out[si] = Source(m, tok.i, False)
                    break
            if low not in lex.say_forms or tok.pos_ not in ("VERB", "AUX", "NOUN", "ADJ", "PROPN"):
                continue
            prev = doc[tok.i - 1].text if tok.i > span.start else ""
            if prev in OPENERS or tok.dep_ == "PAR":
                m = best_mention(finder, tok.i + 1, _window_after(doc, tok.i, span.end, lex))
                if m:
                    out[si] = Source(m, tok.i, True)
                    break
            nxt = doc[tok.i + 1].text.lower() if tok.i + 1 < span.end else ""
            if nxt in ("at", ":") or (nxt and doc[tok.i + 1].tag_.startswith("sbu")):
                subj = [c for c in tok.children if c.dep_ == "SUBJ"]
                m = finder.mention_for(subj[0].i) if subj else None
                if m is None:
                    for j in range(tok.i - 1, max(span.start, tok.i - 6) - 1, -1):
                        m = finder.mention_for(j)
                        if m:
                            break
                if m:
                    out[si] = Source(m, tok.i, False)
                    break
    # an inverted source at the end of a paragraph covers the paragraph's earlier sentences
    for si in sorted(out):
        src = out[si]
        if not src.inverted:
            continue
        j = si - 1
        while j >= 0 and sents[j].paragraph == sents[si].paragraph and j not in out:
            out[j] = src
            j -= 1
    return out
