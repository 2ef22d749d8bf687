"""Parquet output of an ingest run, and loading such output into a DuckDB store."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import duckdb
import pyarrow as pa

from hending.read import ReadError


def write_parquet(con: duckdb.DuckDBPyConnection, keys: set[str], run_id: str, out: Path) -> int:
    """Write the store's documents ``keys`` and the run's errors as Parquet; return the number of events.

    ``OUT/events/month=YYYY-MM/*.parquet`` in the export schema (the SQL of ``hending export --format
    parquet``), ``OUT/documents.parquet`` and ``OUT/errors.parquet``.
    """
    from hending.export.records import export_sql
    from hending.store.query import EventQuery

    out.mkdir(parents=True, exist_ok=True)
    key_table = pa.table({"doc_key": sorted(keys)})  # noqa: F841  (read by DuckDB's replacement scan)
    con.execute("CREATE OR REPLACE TEMP TABLE run_keys AS SELECT doc_key FROM key_table")
    try:
        sql, params = export_sql(con, EventQuery())
        sql = (f"SELECT *, coalesce(strftime(date_start, '%Y-%m'), 'unknown') AS month FROM ({sql}) "
               "WHERE split_part(event_id, ':', 1) IN (SELECT doc_key FROM run_keys)")
        events = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
        dest = out / "events"
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        if events:
            con.execute(f"COPY ({sql}) TO '{_quote(dest)}' (FORMAT PARQUET, PARTITION_BY (month), "
                        "OVERWRITE_OR_IGNORE)", params)
        con.execute("COPY (SELECT * FROM documents WHERE doc_key IN (SELECT doc_key FROM run_keys) "
                    f"ORDER BY ALL) TO '{_quote(out / 'documents.parquet')}' (FORMAT PARQUET)")
        con.execute(f"COPY (SELECT * FROM errors WHERE run_id = ? ORDER BY ALL) "
                    f"TO '{_quote(out / 'errors.parquet')}' (FORMAT PARQUET)", [run_id])
    finally:
        con.execute("DROP TABLE run_keys")
    return int(events)


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def load_parquet(out_dir: str | Path, db: str | Path) -> dict:
    """Load a :func:`run_ray` output directory into the DuckDB store ``db`` (idempotent)."""
    import duckdb

    from hending.store.database import connect
    from hending.store.search import rebuild_indexes
    from hending.store.writer import write_documents, write_errors

    out = Path(out_dir)
    reader = duckdb.connect()
    docs = reader.execute("SELECT record FROM read_parquet(?) ORDER BY doc_key",
                          [str(out / "documents.parquet")])
    con = connect(db)
    run_id = "ray-load-" + uuid.uuid4().hex[:12]
    new = replaced = 0
    try:
        while rows := docs.fetchmany(64):
            n, r = write_documents(con, [json.loads(row[0]) for row in rows])
            new, replaced = new + n, replaced + r
        errors_file = out / "errors.parquet"
        errors = []
        if errors_file.exists():
            errors = [ReadError(source=s, line=ln, kind=k, reason=why, id=i) for s, ln, k, why, i in
                      reader.execute("SELECT source, line, kind, reason, doc_id FROM read_parquet(?)",
                                     [str(errors_file)]).fetchall()]
            write_errors(con, errors, run_id)
        rebuild_indexes(con)
    finally:
        con.close()
        reader.close()
    return {"stored": new, "replaced": replaced, "errors": len(errors)}
