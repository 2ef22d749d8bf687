"""Read-only SQL behind the API: event filters (``EventQuery`` plus a few extras), pages, aggregates.

Every function takes a DuckDB cursor and returns plain JSON-ready Python values (dates as ISO
strings), so the endpoints can hand them to ``JSONResponse`` without another conversion pass.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from typing import Any

import duckdb

from hending.store.query import EventQuery, QueryError
from hending.store.search import has_index

EVENT_FIELDS = """
    e.event_id, e.doc_key, d.id AS doc_id, d.title AS doc_title, d.published AS doc_published,
    d.outlet AS doc_outlet, e.type, e.mode, e.acled_event_type, e.acled_sub_event_type,
    CAST(e.date_start AS VARCHAR) AS date_start, CAST(e.date_end AS VARCHAR) AS date_end,
    e.date_precision, e.date_text,
    e.actor_name, e.actor_text, e.actor_country, e.actor_sector,
    e.recipient_name, e.recipient_text, e.recipient_country, e.recipient_sector,
    e.location_name, e.location_text, e.location_geonameid, e.location_country, e.location_feature,
    e.lat, e.lon, e.attributed_to, e.negated, e.hypothetical, e.historical, e.fatalities, e.confidence,
    e.trigger_text, e.sentence_text
"""
EVENT_OFFSETS = """
    e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end, e.actor_start, e.actor_end,
    e.recipient_start, e.recipient_end, e.location_start, e.location_end, e.attributed_text,
    e.attributed_start, e.attributed_end, e.location_qualifier, e.record
"""
EVENT_SORT = {"date": "e.date_start", "type": "e.type", "actor": "e.actor_name",
              "recipient": "e.recipient_name", "place": "e.location_name", "source": "e.attributed_to",
              "fatalities": "e.fatalities", "published": "d.published", "id": "e.event_id"}
TIME_UNITS = ("day", "week", "month", "year")
CATEGORIES = {  # by -> (key expression, label expression)
    "type": ("e.type", "e.type"),
    "actor": ("e.actor_name", "e.actor_name"),
    "recipient": ("e.recipient_name", "e.recipient_name"),
    "place": ("e.location_geonameid", "e.location_name"),
    "country": ("e.location_country", "e.location_country"),
    "actor_country": ("e.actor_country", "e.actor_country"),
    "source": ("e.attributed_to", "e.attributed_to"),
    "outlet": ("d.outlet", "d.outlet"),
    "mode": ("e.mode", "e.mode"),
}
JSON_COLUMNS = ("location_qualifier", "record", "qualifier")
JOIN = " FROM events e JOIN documents d USING (doc_key)"
USES_DOCUMENTS = re.compile(r"\bd\.")


@dataclass
class Filters:
    """Event filters: everything ``hending query`` takes, plus location country, outlet, several types."""

    query: EventQuery = field(default_factory=EventQuery)
    types: list[str] = field(default_factory=list)
    country: str | None = None          # location country, ISO alpha-2
    outlet: str | None = None
    include_historical: bool = True

    def sql(self, cur: duckdb.DuckDBPyConnection, select: str) -> tuple[str, list]:
        """``SELECT select FROM events e JOIN documents d ... WHERE ...`` with parameters (no ORDER BY)."""
        sql, params = self.query.sql(cur, select=select)
        extra: list[str] = []
        if len(self.types) > 1:
            extra.append(f"e.type IN ({', '.join('?' * len(self.types))})")
            params += self.types
        if self.country:
            extra.append("e.location_country = ?")
            params.append(self.country)
        if self.outlet:
            extra.append("d.outlet ILIKE ?")
            params.append(f"%{self.outlet}%")
        if not self.include_historical:
            extra.append("NOT e.historical")
        if extra:
            sql += (" AND " if " WHERE " in sql else " WHERE ") + " AND ".join(extra)
        if JOIN in sql and not USES_DOCUMENTS.search(sql.replace(JOIN, " ")):
            sql = sql.replace(JOIN, " FROM events e")  # every event has its document: the join only costs
        return sql, params


class EventRows:
    """The list columns of every event in memory (Arrow), to fetch a page's rows by ``rowid`` at once.

    DuckDB finds a page's row ids quickly from the narrow filter and sort columns, but fetching 50 wide
    rows by id scans every column of the table. Built on first use, dropped after an ingest; stores
    larger than ``max_events`` fetch with SQL instead.
    """

    def __init__(self, max_events: int = 2_000_000) -> None:
        self.max_events = max_events
        self._lock = threading.Lock()
        self._table = None
        self._index: dict[int, int] | None = None
        self._disabled = False

    def invalidate(self) -> None:
        with self._lock:
            self._table, self._index, self._disabled = None, None, False

    def _load(self, cur: duckdb.DuckDBPyConnection) -> bool:
        with self._lock:
            if self._table is None and not self._disabled:
                n = cur.execute("SELECT count(*) FROM events").fetchone()[0]
                if n > self.max_events:
                    self._disabled = True
                    return False
                sql = f"SELECT e.rowid AS _rowid, {EVENT_FIELDS}{JOIN} ORDER BY e.rowid"
                table = cur.execute(sql).arrow()
                if not hasattr(table, "take"):  # a RecordBatchReader in some DuckDB versions
                    table = table.read_all()
                self._index = {rid: i for i, rid in enumerate(table.column("_rowid").to_pylist())}
                self._table = table.drop_columns(["_rowid"])
            return self._table is not None

    def fetch(self, cur: duckdb.DuckDBPyConnection, rowids: list[int]) -> list[dict[str, Any]]:
        """The rows of ``rowids``, in that order."""
        if not rowids:
            return []
        if self._load(cur):
            table, index = self._table, self._index
            if table is not None and index is not None and all(r in index for r in rowids):
                return table.take([index[r] for r in rowids]).to_pylist()
        marks = ", ".join("?" * len(rowids))
        found = {r["_rowid"]: r for r in _records(cur.execute(
            f"SELECT e.rowid AS _rowid, {EVENT_FIELDS}{JOIN} WHERE e.rowid IN ({marks})", rowids))}
        out = []
        for rid in rowids:
            row = found[rid]
            row.pop("_rowid")
            out.append(row)
        return out


def _records(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    out = []
    for row in cursor.fetchall():
        rec = dict(zip(names, row, strict=True))
        for key in JSON_COLUMNS:
            if isinstance(rec.get(key), str):
                rec[key] = json.loads(rec[key])
        out.append(rec)
    return out


def _order(sort: str, descending: bool) -> str:
    if sort not in EVENT_SORT:
        raise QueryError(f"sort must be one of {', '.join(EVENT_SORT)}")
    return f"{EVENT_SORT[sort]} {'DESC' if descending else 'ASC'} NULLS LAST, e.event_id"


def _paged(cur: duckdb.DuckDBPyConnection, sql: str, params: list, limit: int, offset: int) -> dict[str, Any]:
    """Run ``sql`` (which selects ``count(*) OVER () AS _total``) for one page."""
    items = _records(cur.execute(f"{sql} LIMIT ? OFFSET ?", [*params, limit, offset]))
    if items:
        total = int(items[0]["_total"])
    elif offset:
        first = _records(cur.execute(f"{sql} LIMIT 1", params))
        total = int(first[0]["_total"]) if first else 0
    else:
        total = 0
    for item in items:
        item.pop("_total", None)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def count(cur: duckdb.DuckDBPyConnection, filters: Filters) -> int:
    """Number of matching events."""
    sql, params = filters.sql(cur, "count(*)")
    return int(cur.execute(sql, params).fetchone()[0])


def events_page(cur: duckdb.DuckDBPyConnection, filters: Filters, sort: str = "date",
                descending: bool = False, limit: int = 50, offset: int = 0,
                rows: EventRows | None = None) -> dict[str, Any]:
    """One page of matching events and the total: ids from the narrow columns first, then the rows."""
    order = _order(sort, descending)
    select = "e.rowid AS _rowid, count(*) OVER () AS _total" + (", d.published" if "d." in order else "")
    sql, params = filters.sql(cur, select)
    found = cur.execute(f"{sql} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    total = int(found[0][1]) if found else (0 if offset == 0 else count(cur, filters))
    items = (rows or EventRows(max_events=0)).fetch(cur, [r[0] for r in found])
    return {"total": total, "limit": limit, "offset": offset, "sort": sort,
            "order": "desc" if descending else "asc", "items": items}


def event_detail(cur: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """Every column of one event, its offsets and its full record."""
    rows = _records(cur.execute(f"SELECT {EVENT_FIELDS}, {EVENT_OFFSETS}{JOIN} WHERE e.event_id = ?",
                                [event_id]))
    return rows[0] if rows else None


def _by_error() -> QueryError:
    return QueryError(f"by must be one of {', '.join(TIME_UNITS + tuple(CATEGORIES))}")


def time_counts(cur: duckdb.DuckDBPyConnection, filters: Filters, unit: str) -> dict[str, Any]:
    """Events per day/week/month/year of their start date (weeks start on Monday)."""
    if unit not in TIME_UNITS:
        raise _by_error()
    inner, params = filters.sql(cur, f"CAST(date_trunc('{unit}', e.date_start) AS DATE) AS k")
    rows = cur.execute(f"SELECT CAST(k AS VARCHAR), count(*) FROM ({inner}) t "
                       "GROUP BY k ORDER BY k NULLS LAST", params).fetchall()
    buckets = [{"key": k, "count": n} for k, n in rows if k is not None]
    undated = sum(n for k, n in rows if k is None)
    return {"by": unit, "total": sum(n for _, n in rows), "undated": undated, "buckets": buckets}


def category_counts(cur: duckdb.DuckDBPyConnection, filters: Filters, by: str,
                    limit: int = 50) -> dict[str, Any]:
    """Events per type/actor/place/...: the ``limit`` largest groups, the rest summed as ``other``."""
    if by not in CATEGORIES:
        raise _by_error()
    key, label = CATEGORIES[by]
    inner, params = filters.sql(cur, f"{key} AS k, {label} AS label")
    total, missing = cur.execute(f"SELECT count(*), count(*) FILTER (WHERE k IS NULL) FROM ({inner}) t",
                                 params).fetchone()
    rows = cur.execute(f"SELECT k, mode(label), count(*) AS n FROM ({inner}) t WHERE k IS NOT NULL "
                       "GROUP BY k ORDER BY n DESC, k LIMIT ?", [*params, limit]).fetchall()
    buckets = [{"key": k, "label": None if lab is None else str(lab), "count": int(n)} for k, lab, n in rows]
    other = int(total) - int(missing) - sum(b["count"] for b in buckets)
    return {"by": by, "total": total, "missing": missing, "other": other, "buckets": buckets}


POINT_FIELDS = """
    e.event_id AS id, e.lat, e.lon, e.type, CAST(e.date_start AS VARCHAR) AS date, e.location_name AS place,
    e.location_geonameid AS geonameid, e.actor_name AS actor, e.trigger_text AS trigger, e.historical
"""


def map_points(cur: duckdb.DuckDBPyConnection, filters: Filters, zoom: int,
               max_points: int) -> dict[str, Any]:
    """Located events as points when at most ``max_points`` match, else as a grid of clusters."""
    sql, params = filters.sql(cur, "count(*)")
    located = (" AND " if " WHERE " in sql else " WHERE ") + "e.lat IS NOT NULL AND e.lon IS NOT NULL"
    n = int(cur.execute(sql + located, params).fetchone()[0])
    if n <= max_points:
        sql, params = filters.sql(cur, POINT_FIELDS)
        points = _records(cur.execute(f"{sql}{located} ORDER BY e.date_start, e.event_id", params))
        return {"total": n, "mode": "points", "points": points, "clusters": []}
    cell = 360.0 / 2 ** zoom / 4  # about 64 pixels at this zoom
    inner, params = filters.sql(cur, "e.lat, e.lon, e.type")
    rows = cur.execute(
        "SELECT count(*) AS n, avg(lat), avg(lon), mode(type), min(lat), min(lon), max(lat), max(lon) "
        f"FROM ({inner}{located}) t GROUP BY floor(lat / ?), floor(lon / ?) ORDER BY n DESC",
        [*params, cell, cell]).fetchall()
    clusters = [{"count": int(r[0]), "lat": r[1], "lon": r[2], "type": r[3],
                 "bounds": [[r[4], r[5]], [r[6], r[7]]]} for r in rows]
    return {"total": n, "mode": "clusters", "cell_degrees": cell, "points": [], "clusters": clusters}


PLACE_ORDER = {"count": "events DESC, name", "name": "name, geonameid",
               "first": "first_date NULLS LAST, name", "last": "last_date DESC NULLS LAST, name"}


def places_page(cur: duckdb.DuckDBPyConnection, filters: Filters, q: str | None, sort: str, limit: int,
                offset: int) -> dict[str, Any]:
    """Places (by geonameid) with their number of events and first/last dates."""
    if sort not in PLACE_ORDER:
        raise QueryError(f"sort must be one of {', '.join(PLACE_ORDER)}")
    inner, params = filters.sql(cur, "e.location_geonameid AS g, e.location_name AS nm, "
                                     "e.location_country AS c, e.location_feature AS f, e.lat, e.lon, "
                                     "e.date_start, e.date_end")
    named = " AND nm ILIKE ?" if q else ""
    sql = f"""
        SELECT g AS geonameid, mode(nm) AS name, mode(c) AS country, mode(f) AS feature,
               avg(lat) AS lat, avg(lon) AS lon, count(*) AS events,
               CAST(min(date_start) AS VARCHAR) AS first_date, CAST(max(date_end) AS VARCHAR) AS last_date,
               count(*) OVER () AS _total
        FROM ({inner}) t WHERE g IS NOT NULL{named} GROUP BY g ORDER BY {PLACE_ORDER[sort]}"""
    return _paged(cur, sql, [*params, *([f"%{q}%"] if q else [])], limit, offset)


def place_detail(cur: duckdb.DuckDBPyConnection, geonameid: int, filters: Filters, limit: int,
                 offset: int, rows: EventRows | None = None) -> dict[str, Any] | None:
    """A place, how documents name it, and every event there by date (historical ones included)."""
    info = _records(cur.execute("""
        SELECT geonameid, name, country, feature, lat, lon FROM (
            SELECT location_geonameid AS geonameid, location_name AS name, location_country AS country,
                   location_feature AS feature, lat, lon FROM events WHERE location_geonameid = ?
            UNION ALL
            SELECT geonameid, name, country, feature, lat, lon FROM places WHERE geonameid = ?) t
        GROUP BY geonameid, name, country, feature, lat, lon
        ORDER BY count(*) DESC, feature IS NULL LIMIT 1""", [geonameid, geonameid]))
    if not info:
        return None
    place = info[0]
    ids = [geonameid, geonameid]
    place["mentions"] = int(cur.execute("SELECT count(*) FROM places WHERE geonameid = ?",
                                        [geonameid]).fetchone()[0])
    place["documents"] = int(cur.execute("""
        SELECT count(DISTINCT doc_key) FROM (
            SELECT doc_key FROM places WHERE geonameid = ?
            UNION ALL SELECT doc_key FROM events WHERE location_geonameid = ?)""", ids).fetchone()[0])
    place["names"] = [r[0] for r in cur.execute("""
        SELECT text FROM (
            SELECT text FROM places WHERE geonameid = ?
            UNION ALL SELECT location_text FROM events WHERE location_geonameid = ?)
        WHERE text IS NOT NULL GROUP BY text ORDER BY count(*) DESC, text LIMIT 10""", ids).fetchall()]
    filters.query.geonameid = geonameid
    page = events_page(cur, filters, sort="date", limit=limit, offset=offset, rows=rows)
    return {"place": place, "events": page}


def actors_page(cur: duckdb.DuckDBPyConnection, filters: Filters, q: str | None, role: str, limit: int,
                offset: int) -> dict[str, Any]:
    """Actor names with how often they act and are acted upon."""
    inner, params = filters.sql(cur, "e.actor_name, e.actor_country, e.actor_sector, e.recipient_name, "
                                     "e.recipient_country, e.recipient_sector")
    parts = []
    if role in ("any", "actor"):
        parts.append("SELECT actor_name AS name, actor_country AS country, actor_sector AS sector, "
                     "1 AS a, 0 AS r FROM f WHERE actor_name IS NOT NULL")
    if role in ("any", "recipient"):
        parts.append("SELECT recipient_name, recipient_country, recipient_sector, 0, 1 FROM f "
                     "WHERE recipient_name IS NOT NULL")
    if not parts:
        raise QueryError("role must be any, actor or recipient")
    where = " WHERE name ILIKE ?" if q else ""
    sql = f"""
        WITH f AS ({inner})
        SELECT name, mode(country) AS country, mode(sector) AS sector,
               CAST(sum(a) AS INTEGER) AS as_actor, CAST(sum(r) AS INTEGER) AS as_recipient,
               count(*) AS events, count(*) OVER () AS _total
        FROM ({' UNION ALL '.join(parts)}) u{where} GROUP BY name ORDER BY events DESC, name"""
    return _paged(cur, sql, [*params, *([f"%{q}%"] if q else [])], limit, offset)


PUBLISHED_START = ("TRY_CAST(CASE WHEN length(d.published) = 7 THEN d.published || '-01' "
                   "WHEN length(d.published) = 4 THEN d.published || '-01-01' ELSE d.published END AS DATE)")
PUBLISHED_END = (f"CASE WHEN length(d.published) = 7 THEN last_day({PUBLISHED_START}) "
                 f"WHEN length(d.published) = 4 THEN CAST(d.published || '-12-31' AS DATE) "
                 f"ELSE {PUBLISHED_START} END")


def _document_where(cur: duckdb.DuckDBPyConnection, q: str | None, outlet: str | None, lang: str | None,
                    since: str | None, until: str | None) -> tuple[list[str], list]:
    where, params = [], []
    if q:
        if has_index(cur, "documents"):
            where.append("fts_main_documents.match_bm25(d.doc_key, ?) IS NOT NULL")
            params.append(q)
        else:
            where.append("(d.title ILIKE ? OR d.text ILIKE ?)")
            params += [f"%{q}%"] * 2
    if outlet:
        where.append("d.outlet ILIKE ?")
        params.append(f"%{outlet}%")
    if lang:
        where.append("d.lang = ?")
        params.append(lang)
    if since:  # a month-precision publication date overlaps the days of its month
        where.append(f"{PUBLISHED_END} >= CAST(? AS DATE)")
        params.append(since)
    if until:
        where.append(f"{PUBLISHED_START} <= CAST(? AS DATE)")
        params.append(until)
    return where, params


DOCUMENT_ORDER = {"published": "d.published", "id": "d.id", "title": "d.title", "events": "n_events",
                  "ingested": "d.ingested_at"}


def documents_page(cur: duckdb.DuckDBPyConnection, q: str | None, outlet: str | None, lang: str | None,
                   since: str | None, until: str | None, sort: str, descending: bool, limit: int,
                   offset: int) -> dict[str, Any]:
    """Stored documents (without their text) with their number of events."""
    if sort not in DOCUMENT_ORDER:
        raise QueryError(f"sort must be one of {', '.join(DOCUMENT_ORDER)}")
    where, params = _document_where(cur, q, outlet, lang, since, until)
    sql = f"""
        SELECT d.doc_key, d.id, d.title, d.published, d.outlet, d.url, d.lang, d.source,
               length(d.text) AS chars, coalesce(c.n, 0) AS n_events, count(*) OVER () AS _total
        FROM documents d
        LEFT JOIN (SELECT doc_key, count(*) AS n FROM events GROUP BY doc_key) c USING (doc_key)
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY {DOCUMENT_ORDER[sort]} {"DESC" if descending else "ASC"} NULLS LAST, d.doc_key"""
    return _paged(cur, sql, params, limit, offset)


def document_detail(cur: duckdb.DuckDBPyConnection, ref: str) -> dict[str, Any] | None:
    """A document's text with every annotation (offsets into the text) and its events."""
    docs = _records(cur.execute("""
        SELECT doc_key, id, source, lang, published, published_precision, url, title, outlet, text,
               pipeline_version, CAST(ingested_at AS VARCHAR) AS ingested_at
        FROM documents WHERE doc_key = ? OR id = ? ORDER BY (doc_key = ?) DESC, ingested_at DESC LIMIT 1""",
                                [ref, ref, ref]))
    if not docs:
        return None
    doc = docs[0]
    key = [doc["doc_key"]]
    span = 'n, start_char AS start, end_char AS "end"'
    doc["sentences"] = _records(cur.execute(
        f"SELECT {span} FROM sentences WHERE doc_key = ? ORDER BY n", key))
    doc["entities"] = _records(cur.execute(
        f"SELECT {span}, text, label FROM entities WHERE doc_key = ? ORDER BY n", key))
    doc["times"] = _records(cur.execute(
        f"SELECT {span}, text, value, CAST(range_start AS VARCHAR) AS range_start, "
        "CAST(range_end AS VARCHAR) AS range_end, granularity, anchor FROM times WHERE doc_key = ? "
        "ORDER BY n", key))
    doc["places"] = _records(cur.execute(
        f"SELECT {span}, text, geonameid, name, country, lat, lon, feature, role, qualifier FROM places "
        "WHERE doc_key = ? ORDER BY n", key))
    doc["quotes"] = _records(cur.execute(
        f"SELECT {span}, text, speaker_text, speaker_name, speaker_start, speaker_end FROM quotes "
        "WHERE doc_key = ? ORDER BY n", key))
    doc["events"] = _records(cur.execute(
        f"SELECT {EVENT_FIELDS}, {EVENT_OFFSETS}{JOIN} WHERE e.doc_key = ? ORDER BY e.n", key))
    return doc


def quotes_page(cur: duckdb.DuckDBPyConnection, q: str | None, speaker: str | None, doc_id: str | None,
                since: str | None, until: str | None, limit: int, offset: int) -> dict[str, Any]:
    """Direct quotes with their speakers and documents, newest documents first."""
    where, params = _document_where(cur, None, None, None, since, until)
    if q:
        where.append("qt.text ILIKE ?")
        params.append(f"%{q}%")
    if speaker:
        where.append("(qt.speaker_name ILIKE ? OR qt.speaker_text ILIKE ?)")
        params += [f"%{speaker}%"] * 2
    if doc_id:
        where.append("(d.id = ? OR d.doc_key = ?)")
        params += [doc_id, doc_id]
    sql = f"""
        SELECT qt.doc_key, d.id AS doc_id, d.title AS doc_title, d.published AS doc_published, qt.n, qt.text,
               qt.start_char AS start, qt.end_char AS "end", qt.speaker_text, qt.speaker_name,
               count(*) OVER () AS _total
        FROM quotes qt JOIN documents d USING (doc_key)
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY d.published DESC NULLS LAST, qt.doc_key, qt.n"""
    return _paged(cur, sql, params, limit, offset)


def meta(cur: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the store holds: sizes, date range, and the values the filters offer."""
    docs, = cur.execute("SELECT count(*) FROM documents").fetchone()
    n, located, first, last = cur.execute(
        "SELECT count(*), count(lat), CAST(min(date_start) AS VARCHAR), CAST(max(date_end) AS VARCHAR) "
        "FROM events").fetchone()

    def top(column: str, limit: int = 300, table: str = "events e") -> list[dict[str, Any]]:
        rows = cur.execute(f"SELECT {column} AS k, count(*) AS n FROM {table} WHERE {column} IS NOT NULL "
                           f"GROUP BY k ORDER BY n DESC, k LIMIT ?", [limit]).fetchall()
        return [{"key": k, "count": int(c)} for k, c in rows]

    version = cur.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    return {"documents": int(docs), "events": int(n), "located_events": int(located), "first_date": first,
            "last_date": last, "schema_version": version, "text_search": has_index(cur, "events"),
            "types": top("e.type"), "countries": top("e.location_country"), "sources": top("e.attributed_to"),
            "outlets": top("d.outlet", table="documents d"), "actors": top("e.actor_name", 100)}
