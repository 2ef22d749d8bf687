"""GeoJSON FeatureCollection of located events (points, WGS 84 lon/lat), as QGIS reads it."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from hending.export.records import iter_events
from hending.store.query import EventQuery

PROPERTIES = ("event_id", "type", "mode", "acled_event_type", "acled_sub_event_type", "date_start",
              "date_end", "actor_name", "actor_country", "actor_sector", "recipient_name", "location_name",
              "location_geonameid", "location_country", "attributed_to", "negated", "hypothetical",
              "historical", "fatalities", "trigger_text", "sentence_text", "doc_id", "url")


def export_geojson(con: duckdb.DuckDBPyConnection, query: EventQuery, dest: Path) -> int:
    """Write the FeatureCollection to ``dest``; events without coordinates are left out."""
    features = [
        {"type": "Feature", "id": ev["event_id"],
         "geometry": {"type": "Point", "coordinates": [ev["lon"], ev["lat"]]},
         "properties": {k: ev[k] for k in PROPERTIES}}
        for ev in iter_events(con, query) if ev["lat"] is not None and ev["lon"] is not None
    ]
    with open(dest, "w", encoding="utf-8") as fh:
        json.dump({"type": "FeatureCollection", "features": features}, fh, ensure_ascii=False)
    return len(features)
