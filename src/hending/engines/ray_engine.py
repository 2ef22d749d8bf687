"""``hending ingest --engine ray``: the same pipeline on Ray Data, with stateful analysis actors.

A Ray Dataset of the input files (listed on the driver, local or fsspec) is read by Ray tasks with
the local engine's reader (:class:`~hending.engines.ray_read.ReadFiles`) and analysed by
``map_batches`` with a pool of stateful actors (:class:`Analyser`, fractional CPUs) that load the
language pipelines once each. The driver consumes the dataset as it streams and keeps the local
engine's semantics through its :class:`~hending.store.session.IngestSession`: read errors
recorded, duplicates in the input dropped by content hash, documents this pipeline version has
already stored skipped (the read tasks already leave them unanalysed), results written batch by
batch, the full-text indexes rebuilt once. A dead actor is restarted and its batch re-run
(``max_restarts``/``max_task_retries``); every document is stored exactly once and the run fails
loudly if one is missing. Optionally the run's documents are also written as Parquet by month
(:func:`hending.engines.parquet_io.write_parquet`); :func:`load_parquet` loads such a directory
into a store.
"""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import tempfile
import time
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hending.engines.batch import AnalysedBatch, analyse_batch, warm_up
from hending.engines.parquet_io import load_parquet, write_parquet
from hending.engines.ray_read import ReadFiles, list_inputs
from hending.engines.stages import StageTimes
from hending.read import ReadError
from hending.store.session import IngestSession

__all__ = ["ACTOR_CPUS", "BATCH_SIZE", "CRASH_ENV", "Analyser", "init_ray", "load_parquet", "run_ray"]

ACTOR_CPUS = 0.9  # fractional, so that the read tasks, the driver and Ray's own work fit beside the actors
READ_CPUS = 0.1
BATCH_SIZE = 16
IN_FLIGHT = 2  # batches queued per actor: one running, one waiting
TASK_RETRIES = 3  # a batch whose actor dies this often fails the run (a poison document must not loop)
CRASH_ENV = "HENDING_RAY_CRASH_ONCE"  # tests: path of a marker file; the first batch kills its actor
# Small blocks (a dozen NTB-length documents): a file's documents spread over all actors as they are
# read. (A streaming repartition would do the same but runs as 1-CPU tasks, which cannot be scheduled
# beside the actors on a 2-core machine: the run deadlocks.)
BLOCK_BYTES = 32 * 2**10


@dataclass
class RayBatch:
    """One analysed batch as it reaches the driver: what was read, and the analysis of what was new."""

    keys: list[str]  # content keys of the batch's documents, in input order
    errors: list[ReadError]  # the batch's read errors
    analysed_keys: list[str]  # keys of the documents analysed (not stored by this version before)
    analysed: AnalysedBatch


class Analyser:
    """``map_batches`` actor: loads the language pipelines once, then analyses batches of rows."""

    def __init__(self, crash_marker: str | None = None) -> None:
        self.crash_marker = crash_marker
        warm_up()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        """Rows of :class:`~hending.engines.ray_read.ReadFiles` in, one pickled :class:`RayBatch` out."""
        marker = self.crash_marker
        if marker and not os.path.exists(marker):  # fault injection for tests: die once, mid-run
            Path(marker).touch()
            os._exit(1)
        items = [pickle.loads(raw) for raw in batch["item"]]
        keys, errors, todo = [], [], []
        for item, key, stored in zip(items, batch["key"], batch["stored"], strict=True):
            if isinstance(item, ReadError):
                errors.append(item)
                continue
            keys.append(str(key))
            if not stored:
                todo.append((str(key), item))
        analysed = analyse_batch([doc for _, doc in todo])
        analysed.times["read"] = float(sum(batch["seconds"]))
        start = time.perf_counter()
        payload = pickle.dumps(RayBatch(keys, errors, [key for key, _ in todo], analysed),
                               protocol=pickle.HIGHEST_PROTOCOL)
        return {"payload": [payload], "pickling": [time.perf_counter() - start]}


def init_ray(address: str | None = None, workers: int = 2) -> bool:
    """Connect to ``address`` (an existing cluster) or start a new local one; True if we started it."""
    import ray

    if ray.is_initialized():
        return False
    if address:
        ray.init(address=address, log_to_driver=False)
    else:
        ray.init(address="local", num_cpus=workers, include_dashboard=False, log_to_driver=False,
                 logging_level=logging.WARNING)
    return True


def run_ray(paths: list[str], out_dir: str | Path | None = None, workers: int = 2, address: str | None = None,
            batch_size: int = BATCH_SIZE, actor_cpus: float = ACTOR_CPUS, db: str | Path | None = None,
            progress: Callable[[int], None] | None = None) -> dict:
    """Analyse ``paths`` on Ray into the store ``db`` and/or as Parquet into ``out_dir``.

    With ``db`` the results go straight into that DuckDB store with the local engine's semantics
    (documents already stored by this pipeline version are not analysed again; results commit in
    atomic transactions; the search indexes are rebuilt once). Without it a temporary store is
    used. With ``out_dir`` the run's documents are also written as Parquet. Returns a summary dict
    (counts, seconds, per-stage times, peak memory).
    """
    if out_dir is None and db is None:
        raise ValueError("run_ray needs an output: out_dir (Parquet), db (a DuckDB store) or both")
    started = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="hending-ray-"))
    session = IngestSession(db or tmp / "stage.duckdb", list(map(str, paths)), workers, "ray-", progress)
    times = session.times
    started_ray = False

    def finish() -> int | None:
        session.finish(indexes=db is not None)
        if out_dir is None:
            return None
        with times("parquet"):
            return write_parquet(session.con, session.keys, session.run_id, Path(out_dir))

    try:
        with times("read"):
            files = list_inputs(paths)
        if files:
            with times("ray_init"):
                started_ray = init_ray(address, workers)
            _analyse_on_ray(files, session, workers, batch_size, actor_cpus)
        # A local Ray mostly waits for its processes to exit: stop it while the store finishes.
        with ThreadPoolExecutor(1) as thread:
            finishing = thread.submit(finish)
            if started_ray:
                _shutdown_ray(times)
                started_ray = False
            events = finishing.result()
    finally:
        if started_ray:
            _shutdown_ray(times)
        session.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return _summary(session, workers, address, events, time.monotonic() - started)


def _shutdown_ray(times: StageTimes) -> None:
    import ray

    with times("ray_shutdown"):
        ray.shutdown()


def _summary(session: IngestSession, workers: int, address: str | None, events: int | None,
             seconds: float) -> dict:
    s = session.summary
    return {"engine": "ray", "workers": workers, "address": address, "read": s.read,
            "duplicates": s.duplicates, "unchanged": s.unchanged,
            "documents": s.stored + s.replaced + s.unchanged, "stored": s.stored, "replaced": s.replaced,
            "events": sum(s.events.values()) if events is None else events,
            "skipped": dict(s.skipped), "event_types": dict(s.events),
            "seconds": seconds, "docs_per_second": s.read / seconds if seconds else 0.0,
            "times": dict(s.times), "worker_peak_rss_mb": dict(s.worker_peak_rss_mb),
            "driver_peak_rss_mb": s.driver_peak_rss_mb, "steady_docs_per_second": s.steady_docs_per_second,
            "lines": s.lines()}


def _dataset(files: list[str], stored: Any, workers: int, batch_size: int, actor_cpus: float) -> Any:
    """The Ray Dataset: input files → read tasks → ``map_batches`` on a pool of ``workers`` actors."""
    import ray
    from ray.data import ActorPoolStrategy, DataContext

    ctx = DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    ctx.execution_options.preserve_order = False
    ctx.target_max_block_size = BLOCK_BYTES
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    blocks = max(1, min(len(files), 64 * workers))
    read = (ray.data.from_items([{"path": path} for path in files], override_num_blocks=blocks)
            .map_batches(ReadFiles(stored), batch_size=1, num_cpus=READ_CPUS))
    with warnings.catch_warnings():
        # Ray 2.60 deprecates passing actor options as extra kwargs, but they are still the only way
        # to bound task retries (its default retries a batch forever: a poison document would loop).
        warnings.simplefilter("ignore", DeprecationWarning)
        pool = ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=IN_FLIGHT)
        return read.map_batches(Analyser, batch_size=batch_size, num_cpus=actor_cpus, compute=pool,
                                fn_constructor_args=(os.environ.get(CRASH_ENV),),
                                max_restarts=-1, max_task_retries=TASK_RETRIES)


def _analyse_on_ray(files: list[str], session: IngestSession, workers: int, batch_size: int,
                    actor_cpus: float) -> None:
    """Stream the dataset's batches into the session, storing each document once."""
    import ray

    started = time.time()
    stored = ray.put(session.current_keys())
    expected: set[str] = set()
    for row in _dataset(files, stored, workers, batch_size, actor_cpus).iter_rows():
        start = time.perf_counter()
        batch: RayBatch = pickle.loads(row["payload"])
        session.times.add("ipc", float(row["pickling"]) + time.perf_counter() - start)
        todo = [batch.keys[i] for i in session.select_keys(batch.keys, batch.errors)]
        results = dict(zip(batch.analysed_keys, batch.analysed.results, strict=True))
        expected.update(key for key in todo if key not in results)
        batch.analysed.results = [results[key] for key in todo if key in results]
        session.store(batch.analysed, started)
    if expected:  # a document the workers took for stored, or a lost one: never pass silently
        raise RuntimeError(f"{len(expected)} documents were not analysed by the Ray job")
