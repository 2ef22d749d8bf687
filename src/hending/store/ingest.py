"""``hending ingest``: read, analyse on all cores, and store — idempotent and resumable.

Documents are keyed by a hash of id and text. A document already stored by the same pipeline
version is not analysed again; one stored by another version is re-analysed and replaced
atomically. Each batch is committed in one transaction, so a run killed at any moment leaves a
consistent store and the next run continues where it stopped.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from hending.engines.batch import AnalysedBatch, analyse_batch, warm_up
from hending.process import chunks
from hending.read import SourceDocument, input_files, is_jsonl, is_parquet, read_paths
from hending.read.parquet import parquet_rows
from hending.store.session import IngestSession, IngestSummary

__all__ = ["IngestSummary", "Progress", "count_documents", "ingest"]


def count_documents(paths: Iterable[str]) -> int:
    """A cheap estimate of the number of documents (for the ETA): files plus JSON lines."""
    total = 0
    for file in input_files(paths):
        if is_parquet(file):
            total += parquet_rows(file)
            continue
        if not is_jsonl(file):
            total += 1
            continue
        try:
            with open(file, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        except OSError:
            total += 1  # ingest reports the unreadable file itself
    return total


class Progress:
    """A one-line progress display with documents/s and ETA (only on a terminal)."""

    def __init__(self, total: int | None, stream=sys.stderr) -> None:
        self.total, self.stream, self.start, self.done = total, stream, time.monotonic(), 0

    def update(self, n: int) -> None:
        self.done += n
        rate = self.done / max(time.monotonic() - self.start, 1e-9)
        eta = f", ETA {int((self.total - self.done) / rate)}s" if self.total and rate else ""
        of = f"/{self.total}" if self.total else ""
        self.stream.write(f"\r  {self.done}{of} documents, {rate:.1f} docs/s{eta}   ")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\n")


def start_workers(workers: int) -> tuple[ProcessPoolExecutor, float]:
    """A pool of ``workers`` processes with the models loaded, and when it was started (wall clock).

    On Linux the driver loads the models once and forks the workers, which start at once and share
    the model memory; call this before opening the store, so that no other thread exists yet.
    Elsewhere each worker is spawned and loads its own copy.
    """
    started = time.time()
    if sys.platform != "linux":
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=warm_up), started
    warm_up()
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    pool.submit(os.getpid).result()  # a fork pool starts all its processes on the first task
    return pool, started


def ingest(paths: list[str], db: str | Path, workers: int | None = None, batch_size: int = 16,
           progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Run the pipeline over ``paths`` and store the results in the DuckDB file ``db``."""
    workers, began = workers or os.cpu_count() or 1, time.monotonic()
    pool, started = start_workers(workers) if workers > 1 else (None, time.time())
    try:
        session = IngestSession(db, paths, workers, progress=progress, started=began)
    except BaseException:
        if pool:
            pool.shutdown(cancel_futures=True)
        raise
    times = session.times

    def pending_batches() -> Iterator[list[SourceDocument]]:
        reader = chunks(read_paths(paths), batch_size)
        while True:
            with times("read"):
                batch = next(reader, None)
                if batch is None:
                    return
                todo = [doc for _, doc in session.select(batch)]
            if todo:
                yield todo

    try:
        if pool is None:
            with times("startup"):
                warm_up()
            for batch in pending_batches():
                session.store(analyse_batch(batch))
        else:
            with pool:
                window: list[Future[AnalysedBatch]] = []
                for batch in pending_batches():
                    window.append(pool.submit(analyse_batch, batch))
                    while len(window) > 2 * workers:
                        session.store(window.pop(0).result(), started)
                for future in window:
                    session.store(future.result(), started)
        return session.finish()
    finally:
        session.close()
