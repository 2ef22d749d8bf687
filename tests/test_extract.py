"""`hending extract`: the document contract on real articles, validated against the JSON Schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from hending import analyse_text, extract_documents, load_pipeline
from hending.contract import schema, validate
from hending.read import ReadError

REFERENCE_ENTITIES = ["Palmyra", "Russland", "Genève", "IS", "SOHR", "Rami Abdulrahman", "Al-Watan",
                      "Yehya Kodmani", "High Negotiations Committee", "Staffan de Mistura"]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hending.cli", *args], capture_output=True, text=True,
                          check=False)


def assert_offsets(record: dict) -> None:
    text = record["text"]
    for ent in record["entities"]:
        assert text[ent["start"]:ent["end"]] == ent["text"]
    for sent in record["sentences"]:
        assert 0 <= sent["start"] < sent["end"] <= len(text)
        assert not text[sent["start"]].isspace() and not text[sent["end"] - 1].isspace()
    starts = [s["start"] for s in record["sentences"]]
    assert starts == sorted(starts)


@pytest.fixture(scope="module")
def reference(palmyra) -> dict:
    result = run_cli("extract", str(palmyra))
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    return json.loads(line)


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(schema())


def test_reference_article_document(reference):
    validate(reference)
    assert reference["id"] == "examples/palmyra-2017-03"
    assert reference["lang"] == "nb"
    assert reference["published"] == {"value": "2017-03", "precision": "month", "origin": "header"}
    assert reference["text"].startswith("Russland har støttet")
    assert_offsets(reference)


def test_reference_article_sentences(reference):
    text = reference["text"]
    sents = [text[s["start"]:s["end"]] for s in reference["sentences"]]
    # Headlines are their own sentences; paragraphs never run into each other.
    assert "Landminer i bykjernen" in sents and "Terror tema i Genève" in sents
    assert all("\n" not in s for s in sents)
    assert any(s.startswith("De russiskstøttende styrkene tok seg inn") and s.endswith("onsdag kveld.")
               for s in sents)
    assert 18 <= len(sents) <= 30


def test_reference_article_entities(reference):
    found = {e["text"] for e in reference["entities"]}
    missing = [name for name in REFERENCE_ENTITIES if not any(name in f for f in found)]
    assert not missing, f"entities not found: {missing}; found {sorted(found)}"


def test_nynorsk_is_identified_and_analysed():
    text = ("Regjeringa vil ikkje seie noko om kva som skjer etter valet. Statsminister Jens Stoltenberg "
            "seier at han ikkje veit kva Arbeidarpartiet vil gjere i Bergen i haust.")
    record = analyse_text(text, "2009-08-25")
    validate(record)
    assert record["lang"] == "nn"
    assert any(e["text"].startswith("Jens Stoltenberg") for e in record["entities"])
    assert_offsets(record)


def test_whole_norsumm_corpus_runs_through(norsumm):
    records = list(extract_documents([str(norsumm)]))
    assert len(records) == 30 and not any(isinstance(r, ReadError) for r in records)
    for record in records:
        validate(record)
        assert_offsets(record)
        assert record["sentences"] and record["entities"]


def test_bad_input_is_reported_and_batch_goes_on(tmp_path: Path):
    (tmp_path / "good.txt").write_text("date 2017-03-02 Statsministeren sier at det ikke blir valg i år.",
                                       encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("date 2017-03 Det snødde på Ålesund.".encode("latin-1"))
    (tmp_path / "noheader.txt").write_text("Det snødde i Oslo.", encoding="utf-8")
    (tmp_path / "english.txt").write_text("date 2017-03 The snow fell in Oslo all day long and then some.",
                                          encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text(
        '{"id": "j1", "text": "Det var ikke lett, sier han.", "published": "2017-03-02"}\n{"id": oops}\n',
        encoding="utf-8")
    result = run_cli("extract", str(tmp_path))
    assert result.returncode == 1
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert sorted(ids) == ["j1", f"{tmp_path.name}/good"]
    err = result.stderr
    assert f"{tmp_path / 'latin1.txt'}:1: decode" in err
    assert f"{tmp_path / 'noheader.txt'}:1: header" in err
    assert f"{tmp_path / 'english.txt'}: language" in err
    assert f"{tmp_path / 'lines.jsonl'}:2: json" in err


def test_load_pipeline_offline_components():
    nlp = load_pipeline("nb")
    assert {"tagger", "parser", "ner", "trainable_lemmatizer", "hending_paragraphs"} <= set(nlp.pipe_names)
    doc = nlp("Hæren har tatt seg inn i Palmyra fra sør.")
    assert doc[0].pos_ == "NOUN" and doc[0].tag_.startswith("subst")
    assert doc[2].lemma_ == "ta" and doc[0].dep_
    assert load_pipeline("nn").meta["hending_lang"] == "nn"
    with pytest.raises(ValueError):
        load_pipeline("sv")


def test_reference_article_times_and_places_with_a_published_date(tmp_path, palmyra):
    """The body of the reference article as JSON Lines with ``published`` 2017-03-02."""
    (doc,) = [d for d in extract_documents([str(palmyra)])]
    line = {"id": "ref", "text": doc["text"], "published": "2017-03-02"}
    path = tmp_path / "ref.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    (record,) = list(extract_documents([str(path)]))
    times = {t["text"]: t["value"] for t in record["times"]}
    assert times["onsdag kveld"] == "2017-03-01TEV"
    assert times["i desember i fjor"] == "2016-12" and times["i mai 2015"] == "2015-05"
    places = [(p["text"], p["geonameid"]) for p in record["places"]]
    assert [g for t, g in places if t == "Palmyra"] == [163808] * 4
    assert {g for t, g in places if t == "Genève"} == {2660646}
    for item in record["times"] + record["places"]:
        assert record["text"][item["start"]:item["end"]] == item["text"]
    # Header month only: the weekday keeps its uncertainty.
    month_times = {t["text"]: t["value"] for t in doc["times"]}
    assert month_times["onsdag kveld"] == "2017-03-WXX-3TEV"
