"""Exporters: the store's events in the formats other tools read.

Each exporter takes a DuckDB connection, an :class:`~hending.store.query.EventQuery` and a
destination, and returns the number of events written.
"""

from __future__ import annotations

from hending.export.acled_csv import export_acled_csv
from hending.export.geojson import export_geojson
from hending.export.parquet import export_parquet
from hending.export.plover import export_plover_jsonl

EXPORTERS = {
    "acled-csv": export_acled_csv,
    "plover-jsonl": export_plover_jsonl,
    "geojson": export_geojson,
    "parquet": export_parquet,
}

__all__ = ["EXPORTERS"]
