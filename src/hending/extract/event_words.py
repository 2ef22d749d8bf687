"""Closed word lists the event extractor tests tokens against (Bokmål and Nynorsk forms).

Grammar words (passive auxiliaries, copulas, possessives, locative prepositions and the
prepositions that introduce a target, a partner or a beneficiary), the verbs of receiving and of
being accused, generic determiners, protest cues, person-noun endings, and the event types that
are speech acts.
"""

from __future__ import annotations

import re

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
# Words that open an aside naming who in particular: "sterk kritikk, særlig fra republikanere".
ASIDES = {"særlig", "særleg", "spesielt", "især", "hovedsakelig", "hovudsakleg"}
# Sectors of bodies that hold meetings of their own ("møtet i Sikkerhetsrådet").
BODIES = {"IGO", "GOV", "PTY", "OPP"}
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
# A statement that frames a sentence ("I rådets uttalelse fikk NRK skryt"): its author is the actor.
STATEMENT_NOUNS = {
    "uttalelse",
    "uttalelsen",
    "uttale",
    "uttalen",
    "fråsegn",
    "fråsegna",
    "pressemelding",
    "pressemeldinga",
    "pressemeldingen",
    "erklæring",
    "erklæringen",
    "erklæringa",
    "brev",
    "brevet",
    "rapport",
    "rapporten",
    "kronikk",
    "kronikken",
    "innlegg",
    "innlegget",
    "tale",
    "talen",
    "melding",
    "meldinga",
    "meldingen",
}
# What a court, a prosecutor or a defendant does in court: located where the court sits.
COURT_TYPES = {"COERCE", "ACCUSE", "REQUEST", "REJECT", "CONCEDE", "RETREAT"}
# Statements and protests: a place inside what they are about is not where they happen.
TOPIC_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "CONCEDE", "PROTEST"}
TOPIC_PREPS = {"mot", "imot", "fra", "frå", "over", "av", "om"}
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
