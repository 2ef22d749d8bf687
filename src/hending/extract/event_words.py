"""Closed word lists the event extractor tests tokens against (Bokmål and Nynorsk forms).

The lists are data, in ``event_words.yaml``; this module names them for the rules.

Grammar words (passive auxiliaries, copulas, possessives, locative prepositions and the
prepositions that introduce a target, a partner or a beneficiary), the verbs of receiving and of
being accused, generic determiners, protest cues, person-noun endings, and the event types that
are speech acts.
"""

from __future__ import annotations

import re
from functools import cache

from hending.extract.lexicon import read_yaml


@cache
def _lists() -> dict:
    return read_yaml("event_words")


def word_set(name: str, pairs: bool = False) -> set:
    """The word list ``name`` of event_words.yaml as a set (``pairs``: a list of word pairs)."""
    items = _lists()[name]
    if pairs:
        return {tuple(pair) for pair in items}
    return set(items)

PASSIVE_AUX = word_set("passive_aux")  # "sitter arrestert/fengslet"
RECEIVE = word_set("receive")
TARGET_PREPS = word_set("target_preps")
PARTNER_PREPS = word_set("partner_preps")
BENEFIT_PREPS = word_set("benefit_preps")
CLIMB = word_set("climb")
POSSESSIVES = word_set("possessives")
LOCATIVE = word_set("locative")
HAVE = word_set("have")
COPULAS = word_set("copulas")
ADDRESSEE_VERBS = word_set("addressee_verbs")  # "be X om å", "oppmode X til å"
ACCUSED = word_set("accused")
# Words that open an aside naming who in particular: "sterk kritikk, særlig fra republikanere".
ASIDES = word_set("asides")
# Sectors of bodies that hold meetings of their own ("møtet i Sikkerhetsrådet").
BODIES = word_set("bodies")
GENERIC_DETS = word_set("generic_dets")
INDIRECT_Q = word_set("indirect_q")  # "veit ikkje kvifor han ba om ..."
CONSEQUENCE = word_set("consequence")
SPEECH_TYPES = word_set("speech_types")
# A statement that frames a sentence ("I rådets uttalelse fikk NRK skryt"): its author is the actor.
STATEMENT_NOUNS = word_set("statement_nouns")
# What a court, a prosecutor or a defendant does in court: located where the court sits.
COURT_TYPES = word_set("court_types")
# Statements and protests: a place inside what they are about is not where they happen.
TOPIC_TYPES = word_set("topic_types")
TOPIC_PREPS = word_set("topic_preps")
PROTEST_CUES = word_set("protest_cues")

PERSONISH = re.compile(
    r"(?:ere|erne|eren|arar|arane|aren|isten|istene|ister|ør|øren|ører|ørene|mann|mannen|menn|"
    r"mennene|kvinne|kvinnen|kvinner|leder|lederen|leiar|leiaren|lingen|linger|lingene)$"
)
