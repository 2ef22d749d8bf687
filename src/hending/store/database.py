"""Open the embedded DuckDB store, apply schema migrations, load the full-text extension."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import duckdb

DEFAULT_DB = "hending.duckdb"
MIGRATION = re.compile(r"^(\d{3})_(\w+)\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """``(version, name, sql)`` for every file in ``store/migrations``, in order."""
    found = []
    for entry in resources.files("hending.store.migrations").iterdir():
        m = MIGRATION.match(entry.name)
        if m:
            found.append((int(m.group(1)), m.group(2), entry.read_text("utf-8")))
    return sorted(found)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest applied migration (0 for a new database)."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT now())")
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply pending migrations, each in its own transaction; return the resulting version."""
    current = schema_version(con)
    for version, name, sql in migrations():
        if version <= current:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        current = version
    return current


def fts_extension_path() -> str | None:
    """Path of the FTS extension shipped by the ``duckdb-extension-fts`` wheel, if installed."""
    try:
        import duckdb_extension_fts
    except ImportError:
        return None
    base = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    path = base / "fts.duckdb_extension"
    return str(path) if path.exists() else None


def load_fts(con: duckdb.DuckDBPyConnection) -> bool:
    """Load full-text search from the local wheel (never from the internet)."""
    path = fts_extension_path()
    if path is None:
        return False
    con.execute(f"LOAD '{path}'")
    return True


def connect(path: str | Path = DEFAULT_DB, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and, when writable, migrate) the store at ``path``."""
    if read_only:
        if not Path(path).exists():
            raise FileNotFoundError(f"no database at {path}: run 'hending ingest' first")
        con = duckdb.connect(str(path), read_only=True)
    else:
        con = duckdb.connect(str(path))
        migrate(con)
    load_fts(con)
    return con
