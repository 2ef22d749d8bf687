"""Direct quotes and their speakers (dash paragraphs and guillemets), real pipeline."""

from __future__ import annotations

import pytest

from hending.analyse.pipeline import load_pipeline, model_path
from hending.extract import extract_events


def quotes_of(text: str, lang: str = "nb") -> list[dict]:
    try:
        model_path(lang)
    except FileNotFoundError as exc:  # pragma: no cover
        pytest.skip(str(exc))
    doc = load_pipeline(lang, exclude=("hending_times", "hending_places"))(text)
    return extract_events(doc, [], [], {"value": "2017-03-06", "precision": "day"})[1]


def test_dash_quote_with_speaker_and_offsets() -> None:
    text = (
        "Opprørerne har trukket seg ut av byen.\n\n"
        "– Det er ingen krigere igjen i byen, sier talsmann for opposisjonen Ahmad Khalil."
    )
    (q,) = quotes_of(text)
    assert q["text"] == "Det er ingen krigere igjen i byen"
    assert text[q["start"] : q["end"]] == q["text"]
    sp = q["speaker"]
    assert sp["name"] == "Ahmad Khalil" and text[sp["start"] : sp["end"]] == sp["text"]


def test_speaker_carries_over_to_the_next_quote_paragraph() -> None:
    text = (
        "Kampene fortsatte i natt.\n\n"
        "– Vi har tatt kontroll over flyplassen, sier general Ali Hassan.\n\n"
        "– Fienden har trukket seg tilbake fra hele området.\n\n"
        "Opposisjonen avviser dette."
    )
    quotes = quotes_of(text)
    assert [q["speaker"]["name"] for q in quotes] == ["Ali Hassan", "Ali Hassan"]
    assert quotes[1]["text"] == "Fienden har trukket seg tilbake fra hele området."


def test_speaker_comes_from_the_next_paragraph_when_the_run_opens_without_one() -> None:
    text = (
        "Regjeringen la fram budsjettet i dag.\n\n"
        "– Dette er et ansvarlig budsjett.\n\n"
        "– Vi prioriterer skole og helse, sier finansminister Siv Jensen."
    )
    quotes = quotes_of(text)
    assert [q["speaker"]["name"] for q in quotes] == ["Siv Jensen", "Siv Jensen"]


def test_events_in_a_quote_are_the_speakers_claims() -> None:
    text = "– Hæren har tatt seg inn i byen fra sør, skriver den syriske avisen Al-Watan."
    try:
        model_path("nb")
    except FileNotFoundError as exc:  # pragma: no cover
        pytest.skip(str(exc))
    doc = load_pipeline("nb", exclude=("hending_times", "hending_places"))(text)
    events, quotes = extract_events(doc, [], [], {"value": "2017-03-06", "precision": "day"})
    assert quotes[0]["speaker"]["name"] == "Al-Watan"
    assert events[0]["attributed_to"]["name"] == "Al-Watan"


def test_nynorsk_dash_quote() -> None:
    text = "– Vi kjem ikkje til å gi oss, seier leiaren for aksjonsgruppa Kari Nordmann."
    (q,) = quotes_of(text, "nn")
    assert q["text"] == "Vi kjem ikkje til å gi oss"
    assert q["speaker"]["name"] == "Kari Nordmann"


def test_guillemet_quote_and_scare_quotes() -> None:
    text = (
        "«Vi vil aldri godta en slik avtale med regimet», sa opposisjonsleder Yusuf Ali til NTB. "
        "Han kalte det «svik»."
    )
    quotes = quotes_of(text)
    assert len(quotes) == 1  # «svik» is a scare quote, not a quotation
    assert quotes[0]["text"] == "Vi vil aldri godta en slik avtale med regimet"
    assert quotes[0]["speaker"]["name"] == "Yusuf Ali"
