"""Merging repeated mentions of one event (GUIDE: "Same event told twice in the article: annotate
it once"), in Bokmål and Nynorsk, and keeping distinct events apart.

Real pipeline (places and times included); each case is a short news story.
"""

from __future__ import annotations

import pytest

from hending.extract.event_merge import kin
from hending.process import analyse_text
from tests.test_events import _model_or_skip


def events(text: str, lang: str, type_: str) -> list[dict]:
    """Events of ``type_`` in ``text`` through the whole pipeline."""
    _model_or_skip()
    return [e for e in analyse_text(text, "2017-03-06", lang)["events"] if e["type"] == type_]


def _mention(lemma: str, trigger: str) -> dict:
    return {"_lemma": lemma, "trigger": {"text": trigger}}


@pytest.mark.parametrize(
    "a, b",
    [
        (("tilstå", "tilstått"), ("tilståing", "tilståinga")),
        (("tilstå", "tilstod"), ("tilståelse", "tilståelsen")),
        (("etterforske", "etterforskar"), ("starte", "starte etterforsking")),
        (("starte", "starte etterforsking"), ("sette", "set i verk etterforsking")),
    ],
)
def test_a_verb_and_its_deverbal_noun_are_kin(a: tuple[str, str], b: tuple[str, str]) -> None:
    assert kin(_mention(*a), _mention(*b))


@pytest.mark.parametrize(
    "a, b",
    [
        (("arrestere", "arrestert"), ("pågripe", "pågrepet")),
        (("ta", "tatt av politiet"), ("stoppe", "stoppa av politiet")),
        (("angripe", "angrep"), ("bombe", "bombet")),
    ],
)
def test_different_words_are_not_kin(a: tuple[str, str], b: tuple[str, str]) -> None:
    assert not kin(_mention(*a), _mention(*b))


# (language, type, story, the one trigger kept)
REPEATS: list[tuple[str, str, str, str]] = [
    (
        "nn",
        "CONCEDE",
        "Den sikta har tilstått kjøp og bruk av fem gram amfetamin. Ettersom den sikta har gitt "
        "forbehalden tilståing, verkar dette i formildande retning.",
        "tilstått",
    ),
    (
        "nb",
        "CONCEDE",
        "Den siktede har tilstått drapet på kona. Ettersom den siktede har avgitt en full "
        "tilståelse, ble straffen redusert.",
        "tilstått",
    ),
    (
        "nn",
        "ACCUSE",
        "No har politiet bestemt seg for å starte etterforsking på eige initiativ. Fagdirektøren "
        "vil ikkje kommentere at politiet set i verk etterforsking mot sjukehuset.",
        "starte etterforsking",
    ),
    (
        "nb",
        "ACCUSE",
        "Politiet har besluttet å starte etterforskning av dødsfallet. Direktøren vil ikke kommentere "
        "at politiet setter i gang etterforskning mot sykehuset.",
        "starte etterforskning",
    ),
]


@pytest.mark.parametrize("lang, type_, text, kept", REPEATS, ids=[f"{r[0]}-{r[3]}" for r in REPEATS])
def test_a_retold_event_is_coded_once(lang: str, type_: str, text: str, kept: str) -> None:
    found = events(text, lang, type_)
    assert [e["trigger"]["text"] for e in found] == [kept]


def test_the_kept_mention_takes_the_recipient_of_the_retelling() -> None:
    text = (
        "No har politiet bestemt seg for å starte etterforsking på eige initiativ. Fagdirektøren "
        "vil ikkje kommentere at politiet set i verk etterforsking mot sjukehuset."
    )
    (ev,) = events(text, "nn", "ACCUSE")
    assert ev["recipient"] is not None and ev["recipient"]["text"] == "sjukehuset"


# two distinct events of one type: different days, places or parties
DISTINCT: list[tuple[str, str, str, int]] = [
    (
        "nb",
        "ASSAULT",
        "Opprørerne angrep Homs mandag. Onsdag angrep regjeringsstyrkene Aleppo med fly.",
        2,
    ),
    (
        "nn",
        "ASSAULT",
        "Opprørarane åtok Homs måndag. Onsdag åtok regjeringsstyrkane Aleppo med fly.",
        2,
    ),
    (
        "nn",
        "CONCEDE",
        "Den eine mannen tilstod fyllekøyringa i tingretten. Ein annan mann frå Årdal tilstod "
        "tjuveriet i lagmannsretten.",
        2,
    ),
]


@pytest.mark.parametrize(
    "lang, type_, text, n", DISTINCT, ids=[f"{d[0]}-{d[1]}-{i}" for i, d in enumerate(DISTINCT)]
)
def test_distinct_events_stay_apart(lang: str, type_: str, text: str, n: int) -> None:
    assert len(events(text, lang, type_)) == n
