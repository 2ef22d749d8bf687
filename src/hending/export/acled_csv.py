"""ACLED-style CSV: one row per event with ACLED's column names."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import duckdb
import pycountry

from hending.export.records import iter_events
from hending.store.query import EventQuery

ACLED_COLUMNS = ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
                 "actor2", "country", "location", "latitude", "longitude", "geo_precision", "source",
                 "notes", "fatalities", "plover_type", "plover_mode", "doc_id", "url"]


def time_precision(start: str | None, end: str | None) -> int | None:
    """ACLED time precision: 1 = the day, 2 = within a week, 3 = a month or longer."""
    if not start or not end:
        return None
    days = (date.fromisoformat(end) - date.fromisoformat(start)).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def geo_precision(feature: str | None, qualifier: dict | None) -> int | None:
    """ACLED geo precision: 1 = the town, 2 = near a town or in a region, 3 = larger area."""
    if feature is None:
        return None
    if feature == "city":
        return 2 if qualifier else 1
    return 2 if feature == "region" else 3


def country_name(alpha2: str | None) -> str | None:
    """English country name for an ISO alpha-2 code."""
    if not alpha2:
        return None
    country = pycountry.countries.get(alpha_2=alpha2.upper())
    return country.name if country else alpha2


def acled_row(ev: dict) -> dict:
    """Map an export record to ACLED columns."""
    sources = [s for s in (ev["outlet"], ev["attributed_to"]) if s]
    return {
        "event_id_cnty": ev["event_id"], "event_date": ev["date_start"],
        "time_precision": time_precision(ev["date_start"], ev["date_end"]),
        "event_type": ev["acled_event_type"], "sub_event_type": ev["acled_sub_event_type"],
        "actor1": ev["actor_name"], "actor2": ev["recipient_name"],
        "country": country_name(ev["location_country"]), "location": ev["location_name"],
        "latitude": ev["lat"], "longitude": ev["lon"],
        "geo_precision": geo_precision(ev["location_feature"], ev["location_qualifier"]),
        "source": "; ".join(sources) or None, "notes": ev["sentence_text"],
        "fatalities": ev["fatalities"] or 0,
        "plover_type": ev["type"], "plover_mode": ev["mode"], "doc_id": ev["doc_id"], "url": ev["url"],
    }


def export_acled_csv(con: duckdb.DuckDBPyConnection, query: EventQuery, dest: Path) -> int:
    """Write the CSV to ``dest``; return the number of events."""
    n = 0
    with open(dest, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        for ev in iter_events(con, query):
            writer.writerow(acled_row(ev))
            n += 1
    return n
