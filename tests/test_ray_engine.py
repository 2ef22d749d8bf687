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


def test_rerun_analyses_nothing_and_duplicates_are_stored_once(tmp_path, local_events, ray_cluster):
    db = tmp_path / "store.duckdb"
    first = run_ray(PATHS + [str(NORSUMM)], db=db, workers=2)  # the NorSumm file twice: 30 duplicates
    assert (first["stored"], first["duplicates"]) == (31, 30)
    assert _store_events(db) == local_events
    again = run_ray(PATHS, db=db, workers=2)
    assert (again["stored"], again["unchanged"], again["events"]) == (0, 31, 0)
    assert _store_events(db) == local_events


def test_read_errors_are_recorded_with_their_location(tmp_path, ray_cluster):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(PALMYRA.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "nodate.txt").write_text("Ingen datolinje her.\n", encoding="utf-8")
    (folder / "lines.jsonl").write_text('{"id": "a", "text": "x"\n', encoding="utf-8")
    db = tmp_path / "store.duckdb"
    summary = run_ray([str(folder), str(tmp_path / "missing.txt")], db=db, workers=2)
    assert summary["stored"] == 1 and summary["skipped"] == {"header": 1, "json": 1, "unreadable": 1}
    con = duckdb.connect(str(db), read_only=True)
    try:
        errors = sorted(con.execute("SELECT source, line, kind FROM errors").fetchall(), key=repr)
    finally:
        con.close()
    expected = [(str(folder / "nodate.txt"), 1, "header"), (str(folder / "lines.jsonl"), 1, "json"),
                (str(tmp_path / "missing.txt"), None, "unreadable")]
    assert errors == sorted(expected, key=repr)
