"""The embedded event store (DuckDB): schema and migrations, ingest, queries, full-text search."""

from hending.store.database import DEFAULT_DB, connect
from hending.store.ingest import IngestSummary, ingest
from hending.store.query import EventQuery, QueryError, count_events, query_events

__all__ = ["DEFAULT_DB", "EventQuery", "IngestSummary", "QueryError", "connect", "count_events", "ingest",
           "query_events"]
