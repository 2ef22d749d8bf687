"""Parquet, partitioned by month of the event date (``month=YYYY-MM/``; ``month=unknown`` if undated)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from hending.export.records import export_sql
from hending.store.query import EventQuery


def export_parquet(con: duckdb.DuckDBPyConnection, query: EventQuery, dest: Path) -> int:
    """Write a Hive-partitioned Parquet dataset into the directory ``dest`` (replaced if present)."""
    sql, params = export_sql(con, query)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    wrapped = (f"SELECT *, coalesce(strftime(date_start, '%Y-%m'), 'unknown') AS month FROM ({sql})")
    count = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    if count:
        target = str(dest).replace("'", "''")
        con.execute(f"COPY ({wrapped}) TO '{target}' (FORMAT PARQUET, PARTITION_BY (month), "
                    "OVERWRITE_OR_IGNORE)", params)
    return int(count)
