"""Fatalities: the lowest number of people a sentence says were killed."""

from __future__ import annotations

import re

NUMBERS = {
    "én": 1,
    "en": 1,
    "ein": 1,
    "ett": 1,
    "eitt": 1,
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "sju": 7,
    "syv": 7,
    "åtte": 8,
    "ni": 9,
    "ti": 10,
    "elleve": 11,
    "tolv": 12,
    "tretten": 13,
    "fjorten": 14,
    "femten": 15,
    "seksten": 16,
    "sytten": 17,
    "atten": 18,
    "nitten": 19,
    "tjue": 20,
    "tretti": 30,
    "tredve": 30,
    "førti": 40,
    "femti": 50,
    "seksti": 60,
    "sytti": 70,
    "åtti": 80,
    "nitti": 90,
    "hundre": 100,
    "hundrevis": 100,
    "tusen": 1000,
    "tusenvis": 1000,
    "dusinvis": 12,
}
DEATH = (
    r"(?:drept|drepte|drepne|drap|døde|døydde|omkom|omkommet|omkomne|mistet\s+livet|mista\s+livet|"
    r"livet|henrettet|henretta|massakrert|myrdet|myrda)"
)
NUM = r"(\d[\d .]*\d|\d|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
PEOPLE = (
    r"(?:\s+(?:\w+\s+){0,2}?(?:mennesker|menneske|personer|personar|sivile|soldater|soldatar|politifolk|"
    r"barn|kvinner|menn|opprørere|opprørarar|krigere|krigarar|døde|drepte|av\s+\w+))?"
)
AFTER = re.compile(
    r"\b(?:minst|over|mer\s+enn|meir\s+enn|nesten|om\s+lag|rundt|cirka|ca\.)?\s*"
    + NUM
    + PEOPLE
    + r"(?:\s+\w+){0,3}?\s+(?:er|ble|blei|vart|har|hadde|skal\s+ha)?\s*(?:blitt\s+|vorte\s+)?"
    + DEATH
    + r"\b",
    re.I,
)
BEFORE = re.compile(
    r"\b(?:drepte|drap|drepe|tok\s+livet\s+av|kostet|kosta)\s+(?:\w+\s+){0,2}?(?:minst\s+|over\s+)?"
    + NUM
    + r"\b",
    re.I,
)
DEAD_NOUN = re.compile(r"\b(?:minst\s+|over\s+)?" + NUM + r"\s+(?:døde|drepte|omkomne|drepne)\b", re.I)


def _num(s: str) -> int | None:
    s = s.strip().lower().replace(" ", "").replace(".", "")
    if s.isdigit():
        return int(s)
    return NUMBERS.get(s)


def fatalities(sentence: str) -> int | None:
    """The lowest count of killed people stated in ``sentence`` (None when none is stated)."""
    found = []
    for rx in (AFTER, BEFORE, DEAD_NOUN):
        for m in rx.finditer(sentence):
            n = _num(m.group(1))
            if n is not None and 0 < n < 1_000_000:
                found.append(n)
    return min(found) if found else None
