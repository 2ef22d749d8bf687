"""The Ray engine produces exactly the events of the local engine, also when a worker dies."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("ray")

from hending.engines.ray_engine import CRASH_ENV, load_parquet, run_ray  # noqa: E402
from hending.store.ingest import ingest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PALMYRA = ROOT.parent / "shared" / "examples" / "palmyra-2017-03.txt"
NORSUMM = ROOT.parent / "shared" / "corpus" / "norsumm-dev.jsonl"
PATHS = [str(PALMYRA), str(NORSUMM)]

pytestmark = pytest.mark.skipif(not (PALMYRA.exists() and NORSUMM.exists()), reason="sample corpus absent")

KEY_SQL = """SELECT {doc}, type, trigger_text, trigger_start, actor_name, CAST(date_start AS VARCHAR)
             FROM {source}"""


def _store_events(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        source = "events e JOIN documents d USING (doc_key)"
        return sorted(con.execute(KEY_SQL.format(doc="d.id", source=source)).fetchall(),
                      key=repr)
    finally:
        con.close()


def _parquet_events(out: Path) -> list[tuple]:
    con = duckdb.connect()
    source = f"read_parquet('{out / 'events' / '**' / '*.parquet'}', hive_partitioning = true)"
    try:
        return sorted(con.execute(KEY_SQL.format(doc="doc_id", source=source)).fetchall(), key=repr)
    finally:
        con.close()


@pytest.fixture(scope="module")
def local_events(tmp_path_factory) -> list[tuple]:
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    ingest(PATHS, db, workers=1)
    return _store_events(db)


@pytest.fixture(scope="module")
def ray_cluster():
    import ray
    # address="local": a new instance, never a Ray cluster already running on the machine
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_matches_local_engine(tmp_path, local_events, ray_cluster):
    out = tmp_path / "out"
    summary = run_ray(PATHS, out, workers=2)
    assert summary["documents"] == 31 and summary["events"] == len(local_events)
    assert _parquet_events(out) == local_events
    db = tmp_path / "loaded.duckdb"
    assert load_parquet(out, db)["stored"] == 31
    assert _store_events(db) == local_events
    assert load_parquet(out, db)["stored"] == 0  # idempotent: reloading replaces, never duplicates


def test_worker_killed_mid_run_is_retried(tmp_path, local_events, ray_cluster, monkeypatch):
    marker = tmp_path / "crashed"
    monkeypatch.setitem(os.environ, CRASH_ENV, str(marker))
    out = tmp_path / "out"
    summary = run_ray(PATHS, out, workers=2)
    assert marker.exists(), "the fault injection did not fire"
    assert summary["documents"] == 31
    assert _parquet_events(out) == local_events
