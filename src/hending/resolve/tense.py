"""Tense of the clause around a span, read off the dependency parse (for time resolution)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

FUTURE_AUX = {"skulle", "ville", "komme"}  # skal/vil/kommer (til å) — lemmas of the auxiliaries
PAST_AUX = {"ha"}  # har/hadde + participle


def _clause_verb(token: Token) -> Token | None:
    """The nearest finite verb governing ``token`` (itself, or up the heads)."""
    seen = 0
    while seen < 12:
        if token.pos_ in ("VERB", "AUX") and token.morph.get("VerbForm") == ["Fin"]:
            return token
        if token.head is token:
            return None
        token, seen = token.head, seen + 1
    return None


def tense_of(verb: Token) -> str | None:
    """``past``/``future`` from the finite verb's morphology and lemma; ``None`` when present/unclear."""
    tense = verb.morph.get("Tense")
    if verb.lemma_ in FUTURE_AUX and tense == ["Pres"]:
        return "future"
    if tense == ["Past"]:
        return "past"
    if verb.lemma_ in PAST_AUX and tense == ["Pres"]:
        return "past"  # present perfect
    return None


def parse_tense_hints(doc: Doc) -> Callable[[int, int], str | None]:
    """A ``tense_hints(start, end)`` callback over ``doc`` for :func:`find_times`."""

    def hint(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        verb = _clause_verb(span.root)
        return tense_of(verb) if verb is not None else None

    return hint
