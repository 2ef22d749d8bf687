"""Full-text search indexes (DuckDB FTS, Norwegian stemmer), rebuilt after every ingest."""

from __future__ import annotations

import duckdb

from hending.store.database import load_fts

INDEXES = {  # table -> (key column, text columns)
    "documents": ("doc_key", ("title", "text")),
    "events": ("event_id", ("sentence_text",)),
}


def rebuild_indexes(con: duckdb.DuckDBPyConnection) -> bool:
    """(Re)create the FTS indexes; False when the FTS extension is not installed."""
    if not load_fts(con):
        return False
    for table, (key, columns) in INDEXES.items():
        cols = ", ".join(f"'{c}'" for c in columns)
        con.execute(f"PRAGMA create_fts_index('{table}', '{key}', {cols}, stemmer = 'norwegian', "
                    "stopwords = 'none', strip_accents = 0, lower = 1, overwrite = 1)")
    return True


def has_index(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Whether the FTS index of ``table`` exists."""
    row = con.execute("SELECT count(*) FROM duckdb_schemas() WHERE schema_name = ?",
                      [f"fts_main_{table}"]).fetchone()
    return bool(row and row[0])
