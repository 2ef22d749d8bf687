"""Write analysed documents and read errors into the store: atomic, idempotent, replace-on-upgrade."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from hending.read import ReadError
from hending.store.rows import document_rows

TABLES = ("documents", "sentences", "entities", "times", "places", "quotes", "events")
CHILD_TABLES = TABLES[1:]


def stored_versions(con: duckdb.DuckDBPyConnection, keys: Iterable[str]) -> dict[str, str]:
    """``doc_key -> pipeline_version`` for the keys already in the store."""
    keys = list(keys)
    if not keys:
        return {}
    rows = con.execute("SELECT doc_key, pipeline_version FROM documents WHERE doc_key IN "
                       "(SELECT unnest(?::VARCHAR[]))", [keys]).fetchall()
    return dict(rows)


def write_documents(con: duckdb.DuckDBPyConnection, records: list[dict]) -> tuple[int, int]:
    """Store ``records`` in one transaction, replacing earlier extractions of the same documents.

    Returns ``(new, replaced)``. A crash before COMMIT leaves the store as it was.
    """
    if not records:
        return 0, 0
    tables: dict[str, list[dict]] = {t: [] for t in TABLES}
    for record in records:
        for table, rows in document_rows(record).items():
            tables[table].extend(rows)
    keys = [row["doc_key"] for row in tables["documents"]]
    con.execute("BEGIN TRANSACTION")
    try:
        existing = stored_versions(con, keys)
        if existing:
            for table in TABLES:
                con.execute(f"DELETE FROM {table} WHERE doc_key IN (SELECT unnest(?::VARCHAR[]))",
                            [list(existing)])
        for table, rows in tables.items():
            if rows:
                arrow = pa.Table.from_pylist(rows)  # noqa: F841  (read by DuckDB's replacement scan)
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM arrow")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(set(keys)) - len(existing), len(existing)


def write_errors(con: duckdb.DuckDBPyConnection, errors: list[ReadError], run_id: str) -> None:
    """Record read errors; the same (source, line, kind) is kept once, with its latest sighting."""
    now = datetime.now(UTC).replace(tzinfo=None)
    for err in errors:
        updated = con.execute(
            "UPDATE errors SET reason = ?, doc_id = ?, last_seen = ?, run_id = ? "
            "WHERE source = ? AND line IS NOT DISTINCT FROM ? AND kind = ? RETURNING 1",
            [err.reason, err.id, now, run_id, err.source, err.line, err.kind]).fetchall()
        if not updated:
            con.execute("INSERT INTO errors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [err.source, err.line, err.kind, err.reason, err.id, now, now, run_id])
