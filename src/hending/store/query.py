"""Event queries: the filters users ask for, as parameterised SQL over the store."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

import duckdb

from hending.store.search import has_index

EVENT_COLUMNS = (
    "event_id", "type", "mode", "date_start", "date_end", "actor_name", "actor_country", "actor_sector",
    "recipient_name", "recipient_country", "recipient_sector", "location_name", "location_country",
    "lat", "lon", "attributed_to", "negated", "hypothetical", "historical", "fatalities", "trigger_text",
    "sentence_text", "doc_id",
)
SORTABLE = {"date": "date_start", "type": "type", "actor": "actor_name", "place": "location_name",
            "id": "event_id"}


class QueryError(ValueError):
    """A filter value that cannot be used (reported to the user, never a crash)."""


@dataclass
class EventQuery:
    """Filters over events; ``None`` means no filter."""

    type: str | None = None
    actor: str | None = None            # name (substring, case-insensitive)
    actor_country: str | None = None    # ISO alpha-3
    actor_sector: str | None = None
    recipient: str | None = None
    recipient_country: str | None = None
    recipient_sector: str | None = None
    place: str | None = None            # location name or mention (substring)
    geonameid: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    near: tuple[float, float, float] | None = None          # lat, lon, radius_km
    since: str | None = None            # YYYY-MM-DD: events whose interval ends on/after
    until: str | None = None            # YYYY-MM-DD: events whose interval starts on/before
    source: str | None = None           # attributed_to (substring)
    text: str | None = None             # Norwegian full-text search (stemmed) in the event sentence
    doc_id: str | None = None
    include_negated: bool = True
    include_hypothetical: bool = True
    sort: str = "date"
    descending: bool = False
    limit: int = 100
    offset: int = 0

    def sql(self, con: duckdb.DuckDBPyConnection | None = None,
            select: str | None = None) -> tuple[str, list]:
        """``(sql, params)`` selecting matching events (joined with their document id)."""
        where, params = [], []

        def like(column: str, value: str | None) -> None:
            if value:
                where.append(f"{column} ILIKE ?")
                params.append(f"%{value}%")

        def equals(column: str, value: object, upper: bool = True) -> None:
            if value not in (None, ""):
                where.append(f"{column} = ?")
                params.append(value.upper() if upper and isinstance(value, str) else value)

        equals("e.type", self.type)
        like("e.actor_name", self.actor)
        equals("e.actor_country", self.actor_country)
        equals("e.actor_sector", self.actor_sector)
        like("e.recipient_name", self.recipient)
        equals("e.recipient_country", self.recipient_country)
        equals("e.recipient_sector", self.recipient_sector)
        if self.place:
            where.append("(e.location_name ILIKE ? OR e.location_text ILIKE ?)")
            params += [f"%{self.place}%"] * 2
        equals("e.location_geonameid", self.geonameid, upper=False)
        if self.bbox:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            if min_lon > max_lon or min_lat > max_lat:
                raise QueryError("bbox must be min_lon,min_lat,max_lon,max_lat")
            where.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
            params += [min_lon, max_lon, min_lat, max_lat]
        if self.near:
            lat, lon, km = self.near
            if km <= 0:
                raise QueryError("radius must be positive")
            dlat = km / 111.0
            dlon = km / max(111.0 * math.cos(math.radians(lat)), 1e-6)
            where.append("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ? AND "
                         "2 * 6371 * asin(sqrt(pow(sin(radians(e.lat - ?) / 2), 2) + cos(radians(?)) * "
                         "cos(radians(e.lat)) * pow(sin(radians(e.lon - ?) / 2), 2))) <= ?")
            params += [lat - dlat, lat + dlat, lon - dlon, lon + dlon, lat, lat, lon, km]
        if self.since:
            where.append("e.date_end >= CAST(? AS DATE)")
            params.append(self.since)
        if self.until:
            where.append("e.date_start <= CAST(? AS DATE)")
            params.append(self.until)
        like("e.attributed_to", self.source)
        equals("d.id", self.doc_id, upper=False)
        if not self.include_negated:
            where.append("NOT e.negated")
        if not self.include_hypothetical:
            where.append("NOT e.hypothetical")
        if self.text:
            if con is None or not has_index(con, "events"):
                raise QueryError("text search needs the full-text index (run 'hending ingest')")
            # Stemmed match on the event's evidence sentence (the documents index serves
            # document search; matching whole articles here would flood event results).
            where.append("fts_main_events.match_bm25(e.event_id, ?) IS NOT NULL")
            params.append(self.text)
        if self.sort not in SORTABLE:
            raise QueryError(f"sort must be one of {', '.join(SORTABLE)}")
        if not 0 < self.limit <= 100_000 or self.offset < 0:
            raise QueryError("limit must be 1..100000 and offset >= 0")
        columns = select or ", ".join("d.id AS doc_id" if c == "doc_id" else f"e.{c}"
                                      for c in EVENT_COLUMNS)
        sql = f"SELECT {columns} FROM events e JOIN documents d USING (doc_key)"
        if where:
            sql += " WHERE " + " AND ".join(where)
        if select is None:
            order = "DESC" if self.descending else "ASC"
            sql += f" ORDER BY e.{SORTABLE[self.sort]} {order} NULLS LAST, e.event_id LIMIT ? OFFSET ?"
            params += [self.limit, self.offset]
        return sql, params


def query_events(con: duckdb.DuckDBPyConnection, query: EventQuery) -> tuple[list[str], list[tuple]]:
    """Run ``query``; return column names and rows."""
    sql, params = query.sql(con)
    cursor = con.execute(sql, params)
    return [d[0] for d in cursor.description], cursor.fetchall()


def count_events(con: duckdb.DuckDBPyConnection, query: EventQuery) -> int:
    """How many events match ``query`` (ignoring limit/offset)."""
    sql, params = query.sql(con, select="count(*)")
    return int(con.execute(sql, params).fetchone()[0])


FILTER_FIELDS = tuple(f.name for f in fields(EventQuery))
