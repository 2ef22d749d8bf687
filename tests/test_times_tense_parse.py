"""The parse-based tense hint (hending.resolve.tense) used by the ``hending_times`` component.

Most tests build the dependency parse by hand (NDT labels, as the trained model produces them) so
they do not depend on a particular model version; a few run the real pipeline when it is present.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from hending.resolve.tense import parse_tense_hints
from hending.resolve.times import Anchor, find_times

VOCAB = Vocab()


def parsed(rows: list[tuple]) -> Doc:
    """rows: (word, lemma, pos, morph, dep, head index[, tag])."""
    rows = [r if len(r) == 7 else (*r, "") for r in rows]
    return Doc(VOCAB, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
               morphs=[r[3] for r in rows], deps=[r[4] for r in rows], heads=[r[5] for r in rows],
               tags=[r[6] for r in rows])


def hint_for(doc: Doc, words: str) -> str | None:
    start = doc.text.index(words)
    return parse_tense_hints(doc)(start, start + len(words))


FIN_PRES, FIN_PAST = "Tense=Pres|VerbForm=Fin", "Tense=Past|VerbForm=Fin"
INF, PART = "VerbForm=Inf", "VerbForm=Part"


def test_skal_ha_participle_is_reported_past():
    doc = parsed([("IS", "IS", "PROPN", "", "SUBJ", 1), ("skal", "skulle", "VERB", FIN_PRES, "ROOT", 1),
                  ("ha", "ha", "VERB", INF, "INFV", 1), ("drept", "drepe", "VERB", PART, "INFV", 2),
                  ("sivile", "sivil", "ADJ", "", "DOBJ", 3), ("fredag", "fredag", "NOUN", "", "ADV", 3),
                  (".", ".", "PUNCT", "", "IP", 1)])
    assert hint_for(doc, "fredag") == "past"
    # Nynorsk, with the participle mis-tagged as an infinitive: "ha" + a verb under it is still perfect
    doc = parsed([("Dei", "dei", "PRON", "", "SUBJ", 1), ("skal", "skulle", "VERB", FIN_PRES, "ROOT", 1),
                  ("ha", "ha", "VERB", INF, "INFV", 1), ("drepe", "drepe", "VERB", INF, "INFV", 2),
                  ("fleire", "mange", "ADJ", "", "DOBJ", 3), ("laurdag", "laurdag", "NOUN", "", "ADV", 3)])
    assert hint_for(doc, "laurdag") == "past"


def test_skal_with_an_infinitive_is_future():
    doc = parsed([("Saka", "sak", "NOUN", "", "SUBJ", 1), ("skal", "skulle", "VERB", FIN_PRES, "ROOT", 1),
                  ("opp", "opp", "ADV", "", "ADV", 1), ("fredag", "fredag", "NOUN", "", "ADV", 1)])
    assert hint_for(doc, "fredag") == "future"


def test_present_tense_points_ahead_except_reporting_verbs_and_noun_attachment():
    doc = parsed([("Torsdag", "torsdag", "NOUN", "", "ADV", 1),
                  ("møter", "møte", "VERB", FIN_PRES, "ROOT", 1), ("mannen", "mann", "NOUN", "", "SUBJ", 1),
                  ("i", "i", "ADP", "", "ADV", 1),
                  ("retten", "rett", "NOUN", "", "PUTFYLL", 3)])
    assert hint_for(doc, "Torsdag") == "future"
    doc = parsed([("sier", "si", "VERB", FIN_PRES, "ROOT", 0), ("han", "han", "PRON", "", "SUBJ", 0),
                  ("søndag", "søndag", "NOUN", "", "ADV", 0)])
    assert hint_for(doc, "søndag") is None
    doc = parsed([("Etter", "etter", "ADP", "", "ADV", 3), ("møtet", "møte", "NOUN", "", "PUTFYLL", 0),
                  ("onsdag", "onsdag", "NOUN", "", "ATR", 1), ("går", "gå", "VERB", FIN_PRES, "ROOT", 3),
                  ("dei", "dei", "PRON", "", "SUBJ", 3), ("ut", "ut", "ADV", "", "ADV", 3)])
    assert hint_for(doc, "onsdag") is None


def test_er_with_participle_is_past_unless_the_participle_plans_ahead():
    doc = parsed([("Mannen", "mann", "NOUN", "", "SUBJ", 1), ("er", "være", "VERB", FIN_PRES, "ROOT", 1),
                  ("arrestert", "arrestere", "ADJ", "", "INFV", 1, "adj|<perf-part>"),
                  ("fredag", "fredag", "NOUN", "", "ADV", 2)])
    assert hint_for(doc, "fredag") == "past"
    doc = parsed([("Møtet", "møte", "NOUN", "", "SUBJ", 1), ("er", "være", "VERB", FIN_PRES, "ROOT", 1),
                  ("planlagt", "planlegge", "VERB", PART, "INFV", 1), ("til", "til", "ADP", "", "ADV", 2),
                  ("fredag", "fredag", "NOUN", "", "PUTFYLL", 3)])
    assert hint_for(doc, "fredag") == "future"


def test_participle_or_perfect_infinitive_on_the_way_up_is_past():
    # "Han sitter arrestert, mistenkt for å ha overfalt en mann mandag kveld."
    doc = parsed([("Han", "han", "PRON", "", "SUBJ", 1), ("sitter", "sitte", "VERB", FIN_PRES, "ROOT", 1),
                  ("mistenkt", "mistenke", "ADJ", "", "SPRED", 1, "adj|<perf-part>"),
                  ("for", "for", "ADP", "", "ADV", 2), ("å", "å", "PART", "", "PUTFYLL", 3),
                  ("ha", "ha", "VERB", INF, "INFV", 4), ("overfalt", "overfalle", "VERB", PART, "INFV", 5),
                  ("mannen", "mann", "NOUN", "", "DOBJ", 6), ("mandag", "mandag", "NOUN", "", "ADV", 6)])
    assert hint_for(doc, "mandag") == "past"
    # "Ei undersøking offentleggjord i sommar syner at ..."
    doc = parsed([("Ei", "ei", "DET", "", "DET", 1), ("undersøking", "undersøking", "NOUN", "", "SUBJ", 5),
                  ("offentleggjord", "offentleggjere", "ADJ", "", "ATR", 1, "adj|<perf-part>"),
                  ("i", "i", "ADP", "", "ADV", 2), ("sommar", "sommar", "NOUN", "", "PUTFYLL", 3),
                  ("syner", "syne", "VERB", FIN_PRES, "ROOT", 5)])
    assert hint_for(doc, "i sommar") == "past"


def test_future_in_the_past_is_near():
    # "Møtet skulle avsluttes fredag kveld" / "dragkampen ville fortsette til lørdag"
    doc = parsed([("Møtet", "møte", "NOUN", "", "SUBJ", 1), ("skulle", "skulle", "VERB", FIN_PAST, "ROOT", 1),
                  ("avsluttes", "avslutte", "VERB", INF, "INFV", 1),
                  ("fredag", "fredag", "NOUN", "", "ADV", 2)])
    assert hint_for(doc, "fredag") == "near"
    # "ville ikke kommentere" = refused: past
    doc = parsed([("Han", "han", "PRON", "", "SUBJ", 1), ("ville", "ville", "VERB", FIN_PAST, "ROOT", 1),
                  ("ikke", "ikke", "ADV", "", "ADV", 1), ("kommentere", "kommentere", "VERB", INF, "INFV", 1),
                  ("saken", "sak", "NOUN", "", "DOBJ", 3), ("fredag", "fredag", "NOUN", "", "ADV", 3)])
    assert hint_for(doc, "fredag") == "past"
    # "Planen var å lande natt til onsdag": a plan (subject) + å-infinitive
    doc = parsed([("Planen", "plan", "NOUN", "", "SUBJ", 1), ("var", "være", "VERB", FIN_PAST, "ROOT", 1),
                  ("å", "å", "PART", "", "SPRED", 1), ("lande", "lande", "VERB", INF, "INFV", 2),
                  ("natt", "natt", "NOUN", "", "ADV", 3), ("til", "til", "ADP", "", "PUTFYLL", 4),
                  ("onsdag", "onsdag", "NOUN", "", "PUTFYLL", 5)])
    assert hint_for(doc, "natt til onsdag") == "near"
    # "Han prøvde å rømme fredag": an attempt, past
    doc = parsed([("Han", "han", "PRON", "", "SUBJ", 1), ("prøvde", "prøve", "VERB", FIN_PAST, "ROOT", 1),
                  ("å", "å", "PART", "", "DOBJ", 1), ("rømme", "rømme", "VERB", INF, "INFV", 2),
                  ("fredag", "fredag", "NOUN", "", "ADV", 3)])
    assert hint_for(doc, "fredag") == "past"


def test_siden_and_parenthetical_dates():
    doc = parsed([("Det", "det", "PRON", "", "FSUBJ", 1), ("er", "være", "VERB", FIN_PRES, "ROOT", 1),
                  ("stille", "stille", "ADJ", "", "SPRED", 1), ("siden", "siden", "ADP", "", "ADV", 1),
                  ("14.", "14.", "ADJ", "", "PUTFYLL", 3), ("mars", "mars", "NOUN", "", "ATR", 4)])
    assert hint_for(doc, "14. mars") == "past"
    doc = parsed([("Hun", "hun", "PRON", "", "SUBJ", 1), ("skriver", "skrive", "VERB", FIN_PRES, "ROOT", 1),
                  ("(", "(", "PUNCT", "", "IK", 3), ("5.", "5.", "ADJ", "", "ADV", 1),
                  ("desember", "desember", "NOUN", "", "ATR", 3), (")", ")", "PUNCT", "", "IK", 3)])
    assert hint_for(doc, "5. desember") is None


# ---------------------------------------------------------------- with the trained pipeline


@pytest.fixture(scope="module")
def nlp_nb():
    from hending.analyse.pipeline import load_pipeline, model_path
    try:
        model_path("nb")
    except FileNotFoundError as exc:  # pragma: no cover - no trained model on this machine
        pytest.skip(str(exc))
    return load_pipeline("nb", exclude=("hending_times", "hending_places"))


@pytest.mark.parametrize("sentence, span, value", [
    ("IS skal ha drept 20 sivile fredag.", "fredag", "2017-02-24"),
    ("Politiet skal ha pågrepet mannen søndag kveld.", "søndag kveld", "2017-02-26TEV"),
    ("Saken skal opp i retten fredag.", "fredag", "2017-03-03"),
    ("Mannen ble pågrepet fredag.", "fredag", "2017-02-24"),
])
def test_pipeline_hints_resolve_weekdays(nlp_nb, sentence, span, value):
    doc = nlp_nb(sentence)
    found = find_times(doc.text, Anchor.parse("2017-03-01"), "nb", tense_hints=parse_tense_hints(doc))
    assert (span, value) in [(t["text"], t["value"]) for t in found]
