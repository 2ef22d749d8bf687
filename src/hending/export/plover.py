"""PLOVER JSON Lines: one PLOVER event record per line, with provenance offsets."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from hending.export.records import iter_events
from hending.store.query import EventQuery


def _party(ev: dict, prefix: str) -> dict | None:
    if not ev[f"{prefix}_name"] and not ev[f"{prefix}_text"]:
        return None
    return {"name": ev[f"{prefix}_name"], "text": ev[f"{prefix}_text"], "country": ev[f"{prefix}_country"],
            "sector": ev[f"{prefix}_sector"]}


def plover_record(ev: dict) -> dict:
    """An export record as a PLOVER event."""
    location = None
    if ev["location_name"] or ev["lat"] is not None:
        location = {"name": ev["location_name"], "text": ev["location_text"],
                    "geonameid": ev["location_geonameid"], "country": ev["location_country"],
                    "lat": ev["lat"], "lon": ev["lon"], "feature": ev["location_feature"],
                    "qualifier": ev["location_qualifier"]}
    return {
        "id": ev["event_id"], "date": ev["date_start"], "date_end": ev["date_end"],
        "date_precision": ev["date_precision"], "event_type": ev["type"], "mode": ev["mode"],
        "acled": ({"event_type": ev["acled_event_type"], "sub_event_type": ev["acled_sub_event_type"]}
                  if ev["acled_event_type"] else None),
        "actor": _party(ev, "actor"), "recipient": _party(ev, "recipient"), "location": location,
        "modality": {"negated": ev["negated"], "hypothetical": ev["hypothetical"],
                     "historical": ev["historical"]},
        "fatalities": ev["fatalities"], "confidence": ev["confidence"],
        "attributed_to": ev["attributed_to"],
        "source": {"doc_id": ev["doc_id"], "url": ev["url"], "outlet": ev["outlet"],
                   "published": ev["published"], "language": ev["lang"], "text": ev["sentence_text"],
                   "trigger": {"text": ev["trigger_text"], "start": ev["trigger_start"],
                               "end": ev["trigger_end"]},
                   "sentence": {"start": ev["sentence_start"], "end": ev["sentence_end"]},
                   "coder": f"hending {ev['pipeline_version']}"},
    }


def export_plover_jsonl(con: duckdb.DuckDBPyConnection, query: EventQuery, dest: Path) -> int:
    """Write PLOVER JSON Lines to ``dest``; return the number of events."""
    n = 0
    with open(dest, "w", encoding="utf-8") as fh:
        for ev in iter_events(con, query):
            fh.write(json.dumps(plover_record(ev), ensure_ascii=False) + "\n")
            n += 1
    return n
