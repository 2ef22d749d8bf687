"""Export rows: events joined with their documents, as dictionaries (shared by all exporters)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import duckdb

from hending.store.query import EventQuery

EXPORT_SELECT = """
    e.event_id, e.type, e.mode, e.acled_event_type, e.acled_sub_event_type,
    e.trigger_text, e.trigger_start, e.trigger_end, e.sentence_text, e.sentence_start, e.sentence_end,
    e.actor_text, e.actor_name, e.actor_country, e.actor_sector,
    e.recipient_text, e.recipient_name, e.recipient_country, e.recipient_sector,
    e.location_text, e.location_name, e.location_geonameid, e.location_country, e.location_feature,
    e.lat, e.lon, e.location_qualifier, e.date_start, e.date_end, e.date_precision, e.date_text,
    e.attributed_to, e.negated, e.hypothetical, e.historical, e.fatalities, e.confidence,
    d.id AS doc_id, d.url, d.outlet, d.title, d.published, d.lang, d.pipeline_version
"""


def export_sql(con: duckdb.DuckDBPyConnection, query: EventQuery) -> tuple[str, list]:
    """SQL for every matching event (no paging), ordered by date."""
    sql, params = query.sql(con, select=EXPORT_SELECT)
    return sql + " ORDER BY e.date_start NULLS LAST, e.event_id", params


def iter_events(con: duckdb.DuckDBPyConnection, query: EventQuery) -> Iterator[dict]:
    """Matching events as dictionaries (dates as ISO strings, qualifier parsed)."""
    sql, params = export_sql(con, query)
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(1000):
        for row in rows:
            rec = dict(zip(names, row, strict=True))
            for key in ("date_start", "date_end"):
                if rec[key] is not None:
                    rec[key] = rec[key].isoformat()
            if rec["location_qualifier"]:
                rec["location_qualifier"] = json.loads(rec["location_qualifier"])
            yield rec
