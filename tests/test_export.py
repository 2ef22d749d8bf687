"""Exports read back by real consumers, round-tripping the reference article's events."""

from __future__ import annotations

import csv
import json

import pyarrow.dataset as ds
import pytest

from hending.export import EXPORTERS
from hending.export.acled_csv import ACLED_COLUMNS
from hending.store import EventQuery, connect, ingest


@pytest.fixture(scope="module")
def store(tmp_path_factory, palmyra):
    db = tmp_path_factory.mktemp("export") / "ref.duckdb"
    ingest([str(palmyra)], db, workers=1)
    con = connect(db, read_only=True)
    rows = con.execute("SELECT event_id, type, trigger_text, actor_name, recipient_name, lat, lon, "
                       "CAST(date_start AS VARCHAR), attributed_to FROM events ORDER BY event_id").fetchall()
    assert len(rows) >= 14, "the reference article should yield its events"
    return con, {r[0]: r for r in rows}


def run_export(store, tmp_path, fmt, name):
    con, _ = store
    dest = tmp_path / name
    n = EXPORTERS[fmt](con, EventQuery(), dest)
    return dest, n


def test_acled_csv_reads_back_with_the_acled_header(store, tmp_path):
    dest, n = run_export(store, tmp_path, "acled-csv", "events.csv")
    with open(dest, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ACLED_COLUMNS
        rows = list(reader)
    events = store[1]
    assert len(rows) == n == len(events)
    for row in rows:
        ev = events[row["event_id_cnty"]]
        assert (row["plover_type"], row["actor1"] or None, row["actor2"] or None) == (ev[1], ev[3], ev[4])
        assert row["event_date"] == ev[7] and int(row["fatalities"]) >= 0
        assert row["time_precision"] in ("1", "2", "3")
    palmyra = [r for r in rows if r["location"] == "Tadmur"]
    assert palmyra and all(r["country"] == "Syrian Arab Republic" for r in palmyra)


def test_plover_jsonl_round_trips(store, tmp_path):
    dest, n = run_export(store, tmp_path, "plover-jsonl", "events.jsonl")
    records = [json.loads(line) for line in dest.read_text(encoding="utf-8").splitlines()]
    events = store[1]
    assert len(records) == n == len(events)
    for rec in records:
        ev = events[rec["id"]]
        assert rec["event_type"] == ev[1] and rec["source"]["trigger"]["text"] == ev[2]
        assert (rec["actor"] or {}).get("name") == ev[3]
        assert rec["attributed_to"] == ev[8]
        start, end = rec["source"]["trigger"]["start"], rec["source"]["trigger"]["end"]
        assert end - start == len(ev[2])


def test_geojson_is_a_feature_collection_of_located_events(store, tmp_path):
    dest, n = run_export(store, tmp_path, "geojson", "events.geojson")
    data = json.loads(dest.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == n
    located = {k: v for k, v in store[1].items() if v[5] is not None}
    assert {f["id"] for f in data["features"]} == set(located)
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
        assert (lat, lon) == (located[feature["id"]][5], located[feature["id"]][6])
    tadmur = [f for f in data["features"] if f["properties"]["location_geonameid"] == 163808]
    assert tadmur and all(abs(f["geometry"]["coordinates"][1] - 34.56) < 0.1 for f in tadmur)


def test_parquet_is_partitioned_by_month_and_reads_back_in_pyarrow(store, tmp_path):
    dest, n = run_export(store, tmp_path, "parquet", "events")
    months = sorted(p.name for p in dest.iterdir())
    assert all(m.startswith("month=") for m in months)
    assert {"month=2015-05", "month=2016-12", "month=2017-03"} <= set(months)
    table = ds.dataset(dest, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == n == len(store[1])
    got = {r["event_id"]: r for r in table.to_pylist()}
    for event_id, ev in store[1].items():
        assert got[event_id]["type"] == ev[1] and got[event_id]["trigger_text"] == ev[2]
        assert str(got[event_id]["month"]) == (ev[7] or "unknown")[:7]


def test_export_respects_filters(store, tmp_path):
    con, events = store
    dest = tmp_path / "assault.jsonl"
    n = EXPORTERS["plover-jsonl"](con, EventQuery(type="ASSAULT"), dest)
    assert n == sum(1 for ev in events.values() if ev[1] == "ASSAULT") > 0
