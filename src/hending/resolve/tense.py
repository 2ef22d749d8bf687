"""Tense of the clause around a span, read off the dependency parse (for time resolution).

The hint is ``"past"``, ``"future"``, ``"near"`` (prospective from a past viewpoint — "skulle/
ville + infinitive", "Planen var å ...": the nearest occurrence of a weekday or date is meant) or
``None`` (no reliable cue; the word-cue heuristic then decides). Word lists live in the time
lexicon (``hending/resolve/times/lexicon.yaml``, table ``tense``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from hending.resolve.times.lexicon import load

FUTURE_AUX = {"skulle", "ville", "komme"}  # skal/vil/kommer (til å) — lemmas of the auxiliaries
PAST_AUX = {"ha"}  # har/hadde + participle
COPULA = {"være", "vere"}  # er + participle: passive perfect ("er arrestert")
PASSIVE_AUX = {"bli", "verte"}  # blir + participle: passive, present or future ("blir løslatt fredag")
PROSPECTIVE_AUX = {"skulle", "ville"}  # skulle/ville + infinitive in the past: future in the past


def _verb_form(token: Token) -> list[str]:
    return token.morph.get("VerbForm")


def _participle(token: Token) -> bool:
    """A past participle (NDT also tags some as adjectives: ``adj|<perf-part>``)."""
    return _verb_form(token) == ["Part"] or "perf-part" in token.tag_


def _clause_path(token: Token) -> tuple[Token | None, list[Token]]:
    """The nearest finite verb governing ``token`` (itself, or up the heads), and the tokens
    passed on the way (excluding the verb)."""
    path: list[Token] = []
    while len(path) < 12:
        if token.pos_ in ("VERB", "AUX") and _verb_form(token) == ["Fin"]:
            return token, path
        if token.head is token:
            return None, path
        path.append(token)
        token = token.head
    return None, path


def _clause_verb(token: Token) -> Token | None:
    """The nearest finite verb governing ``token`` (itself, or up the heads)."""
    return _clause_path(token)[0]


def _verb_chain(verb: Token) -> list[Token]:
    """Infinitives and participles in the verb group under ``verb`` (NDT label INFV)."""
    chain: list[Token] = []
    stack = [verb]
    while stack and len(chain) < 6:
        for child in stack.pop().children:
            if child.dep_ == "INFV":
                chain.append(child)
                stack.append(child)
    return chain


def _perfect(chain: list[Token]) -> bool:
    """An infinitive "ha" with a verb under it: "skal ha drept", "kan ha skjedd", "vil ha gjort"."""
    return any(t.lemma_ in PAST_AUX and _verb_form(t) == ["Inf"]
               and any(c.dep_ == "INFV" or _participle(c) for c in t.children)
               for t in chain)


def tense_of(verb: Token, path: list[Token] | None = None) -> str | None:
    """``past``/``future``/``near`` from the finite verb's morphology, lemma and verb group;
    ``None`` when unclear (reporting verbs in the present: "sier han fredag")."""
    lex = load()
    cues = lex["tense"]
    tense = verb.morph.get("Tense")
    chain = _verb_chain(verb)
    word = verb.text.lower()
    path = path or []
    if _perfect(chain) or any(t.lemma_ in PAST_AUX and _verb_form(t) == ["Inf"] for t in path):
        return "past"  # skal ha drept (reported past), kan ha skjedd; mistenkt for å ha overfalt
    if tense == ["Pres"]:
        if verb.lemma_ in FUTURE_AUX:
            return "future"
        if verb.lemma_ in PAST_AUX:
            return "past"  # present perfect
        if verb.lemma_ in COPULA and chain:
            if any(t.text.lower() in cues["prospective_participles"] for t in chain):
                return "future"  # er ventet / er planlagt til fredag
            return "past"  # er arrestert fredag, er blitt drept
        if verb.lemma_ not in PASSIVE_AUX and any(_participle(t) for t in path):
            return "past"  # "Mannen, pågrepet fredag, sitter i varetekt"
        if word in lex.reporting or verb.lemma_ in cues["reporting_lemmas"]:
            return None  # "opplyser politiet søndag" is said of past days too
        if any(t.dep_ == "ATR" for t in path):
            return None  # the time modifies a noun ("etter folkemøtet onsdag går dei ...")
        return "future"  # present tense with a date points ahead in news ("møter i retten fredag")
    if tense == ["Past"]:
        if verb.lemma_ in PROSPECTIVE_AUX and chain \
                and not any(c.text.lower() in cues["negations"] for c in verb.children):
            return "near"  # skulle etter planen avsluttes fredag; ville fortsette til lørdag
        if any(t.text.lower() == "å" for t in path) and (
                verb.lemma_ in cues["prospective_lemmas"]
                or any(c.dep_ == "SUBJ" and c.lemma_ in cues["prospective_lemmas"] for c in verb.children)):
            return "near"  # Planen var å lande natt til onsdag; lovet å komme fredag
        return "past"
    return None


def parse_tense_hints(doc: Doc) -> Callable[[int, int], str | None]:
    """A ``tense_hints(start, end)`` callback over ``doc`` for :func:`find_times`."""

    cues = load()["tense"]

    def hint(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if before is not None and before.text.lower() in cues["past_prepositions"]:
            return "past"  # "siden 14. mars"
        if before is not None and after is not None and before.text == "(" and after.text == ")":
            return None  # a cited date: "(5. desember)"
        verb, path = _clause_path(span.root)
        return tense_of(verb, path) if verb is not None else None

    return hint
