"""``hending ingest --engine ray``: the same pipeline on a Ray cluster (stateful Ray actors).

The driver reads the input lazily with :func:`hending.read.read_paths` and selects what to analyse
with the local engine's :class:`~hending.store.session.IngestSession` (identical reader behaviour,
error reporting, duplicate and unchanged-document handling). The analysis runs in a pool of
stateful actors (fractional CPUs) that load the language pipelines once each; every actor has two
batches in flight so it never waits for the driver. Each batch comes back as one pickled
:class:`~hending.engines.batch.AnalysedBatch`. A dead actor is restarted and its batch re-run
(``max_restarts``/``max_task_retries``); the driver keeps every document exactly once (by content
hash) and fails loudly if one is missing. Results go straight into the target store, batch by
batch, so nothing is parsed or written twice; optionally the run's documents are also written as
Parquet (:func:`hending.engines.parquet_io.write_parquet`). :func:`load_parquet` loads such an
output directory into a store.

Ray Data was used first; its actor pool took 2–3 s longer to start per run on a 2-core machine
than plain actors (docs/BENCHMARKS.md), and the driver reads and streams the batches anyway.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import chain
from pathlib import Path

from hending.engines.batch import AnalysedBatch, analyse_batch, warm_up
from hending.engines.parquet_io import load_parquet, write_parquet
from hending.engines.stages import StageTimes
from hending.process import chunks
from hending.read import SourceDocument, read_paths
from hending.store.session import IngestSession

__all__ = ["ACTOR_CPUS", "BATCH_SIZE", "CRASH_ENV", "Analyser", "init_ray", "load_parquet", "run_ray"]

ACTOR_CPUS = 0.9  # fractional, so that the driver's and Ray's own tasks always fit beside the actors
BATCH_SIZE = 16
IN_FLIGHT = 2  # batches queued per actor: one running, one waiting
TASK_RETRIES = 3  # a batch whose actor dies this often fails the run (a poison document must not loop)
CRASH_ENV = "HENDING_RAY_CRASH_ONCE"  # tests: path of a marker file; the first batch kills its actor


class Analyser:
    """Ray actor: loads the language pipelines once, then analyses batches of documents."""

    def __init__(self, crash_marker: str | None = None) -> None:
        self.crash_marker = crash_marker
        warm_up()

    def analyse(self, docs: list[SourceDocument]) -> tuple[bytes, float]:
        """The pickled :class:`AnalysedBatch` and the seconds spent pickling it."""
        marker = self.crash_marker
        if marker and not os.path.exists(marker):  # fault injection for tests: die once, mid-run
            Path(marker).touch()
            os._exit(1)
        analysed = analyse_batch(docs)
        start = time.perf_counter()
        payload = pickle.dumps(analysed, protocol=pickle.HIGHEST_PROTOCOL)
        return payload, time.perf_counter() - start


def _local_paths(paths: Iterable[str], tmp: Path) -> list[str]:
    """fsspec URLs (``s3://``, ``gs://``, ``memory://`` …) are copied to ``tmp``; local paths pass through."""
    out = []
    for n, raw in enumerate(map(str, paths)):
        if "://" not in raw or raw.startswith("file://"):
            out.append(raw.removeprefix("file://"))
            continue
        import fsspec

        fs, root = fsspec.core.url_to_fs(raw)
        dest = tmp / f"input-{n}"
        if fs.isdir(root):
            fs.get(root.rstrip("/") + "/", str(dest), recursive=True)
        else:
            dest.mkdir(parents=True)
            dest = dest / Path(root).name
            fs.get(root, str(dest))
        out.append(str(dest))
    return out


def init_ray(address: str | None = None, workers: int = 2) -> bool:
    """Connect to ``address`` (an existing cluster) or start a new local one; True if we started it."""
    import ray

    if ray.is_initialized():
        return False
    if address:
        ray.init(address=address, log_to_driver=False)
    else:
        ray.init(address="local", num_cpus=workers, include_dashboard=False, log_to_driver=False)
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

    def batches() -> Iterator[list[tuple[str, SourceDocument]]]:
        reader = chunks(read_paths(_local_paths(paths, tmp)), batch_size)
        while True:
            with times("read"):
                batch = next(reader, None)
                if batch is None:
                    return
                todo = session.select(batch)
            if todo:
                yield todo

    def finish() -> int | None:
        session.finish(indexes=db is not None)
        if out_dir is None:
            return None
        with times("parquet"):
            return write_parquet(session.con, session.keys, session.run_id, Path(out_dir))

    try:
        pending = batches()
        first = next(pending, None)
        if first is not None:  # nothing new to analyse: no need to start Ray at all
            with times("ray_init"):
                started_ray = init_ray(address, workers)
            _analyse_on_ray(chain([first], pending), session, workers, actor_cpus)
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
            "driver_peak_rss_mb": s.driver_peak_rss_mb, "steady_docs_per_second": s.steady_docs_per_second}


def _analyse_on_ray(batches: Iterator[list[tuple[str, SourceDocument]]], session: IngestSession,
                    workers: int, actor_cpus: float) -> None:
    """Analyse ``batches`` of ``(key, document)`` on a pool of actors, storing each result once."""
    import ray

    started = time.time()
    actor_class = ray.remote(Analyser).options(num_cpus=actor_cpus, max_restarts=-1,
                                               max_task_retries=TASK_RETRIES)
    actors = [actor_class.remote(os.environ.get(CRASH_ENV)) for _ in range(workers)]
    in_flight: dict = {}  # ObjectRef -> (actor, keys)
    submitted: set[str] = set()
    received: set[str] = set()

    def submit(actor) -> None:
        batch = next(batches, None)
        if batch:
            keys = [key for key, _ in batch]
            submitted.update(keys)
            in_flight[actor.analyse.remote([doc for _, doc in batch])] = (actor, keys)

    try:
        for _ in range(IN_FLIGHT):
            for actor in actors:
                submit(actor)
        while in_flight:
            [ref], _ = ray.wait(list(in_flight), num_returns=1)
            actor, keys = in_flight.pop(ref)
            payload, pickling = ray.get(ref)
            start = time.perf_counter()
            analysed: AnalysedBatch = pickle.loads(payload)
            analysed.times["ipc"] = pickling + time.perf_counter() - start
            fresh = [i for i, key in enumerate(keys) if key not in received]
            if len(fresh) < len(keys):  # never store a document twice, whatever Ray re-runs
                analysed.results = [analysed.results[i] for i in fresh]
            received.update(keys)
            submit(actor)  # keep the actor busy while the driver stores
            session.store(analysed, started)
    finally:
        for actor in actors:
            ray.kill(actor)
    if submitted - received:
        raise RuntimeError(f"{len(submitted - received)} documents were lost by the Ray job")
