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
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from hending.process import chunks
from hending.read import ReadError, SourceDocument, input_files, is_jsonl, read_paths
from hending.store.database import connect
from hending.store.rows import document_key
from hending.store.search import has_index, rebuild_indexes
from hending.store.writer import stored_versions, write_documents, write_errors
from hending.version import __version__


@dataclass
class IngestSummary:
    """What a run did."""

    read: int = 0
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0
    skipped: Counter = field(default_factory=Counter)
    events: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def lines(self) -> list[str]:
        """A human-readable summary."""
        out = [f"documents read: {self.read} ({self.read / self.seconds:.1f}/s)" if self.seconds
               else f"documents read: {self.read}",
               f"stored: {self.stored} new, {self.replaced} replaced, {self.unchanged} unchanged, "
               f"{self.duplicates} duplicates in input",
               f"skipped: {self.skipped_total}" + (" (" + ", ".join(
                   f"{k}: {v}" for k, v in sorted(self.skipped.items())) + ")" if self.skipped else "")]
        if self.events:
            out.append("events by type: " + ", ".join(f"{k} {v}" for k, v in self.events.most_common()))
        return out


def _analyse_batch(docs: list[SourceDocument]) -> list[dict | ReadError]:
    """Worker: analyse a batch (models load once per process, on first use)."""
    from hending.process import analyse

    return list(analyse(docs, batch_size=len(docs) or 1))


def _warm_up() -> None:
    from hending.analyse.pipeline import load_pipeline

    load_pipeline("nb")


def count_documents(paths: Iterable[str]) -> int:
    """A cheap estimate of the number of documents (for the ETA): files plus JSON lines."""
    total = 0
    for file in input_files(paths):
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


def ingest(paths: list[str], db: str | Path, workers: int | None = None, batch_size: int = 16,
           progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Run the pipeline over ``paths`` and store the results in the DuckDB file ``db``."""
    workers = workers or os.cpu_count() or 1
    summary, started = IngestSummary(), time.monotonic()
    con = connect(db)
    run_id = uuid.uuid4().hex[:12]
    con.execute("INSERT INTO runs (run_id, started_at, pipeline_version, paths) VALUES (?, now(), ?, ?)",
                [run_id, __version__, " ".join(map(str, paths))])
    seen: set[str] = set()

    def pending_batches() -> Iterator[list[SourceDocument]]:
        for batch in chunks(read_paths(paths), batch_size):
            errors = [i for i in batch if isinstance(i, ReadError)]
            if errors:
                write_errors(con, errors, run_id)
                summary.skipped.update(e.kind for e in errors)
            docs = [i for i in batch if isinstance(i, SourceDocument)]
            summary.read += len(docs)
            keys = [document_key(d.id, d.text) for d in docs]
            versions = stored_versions(con, keys)
            todo = []
            for doc, key in zip(docs, keys, strict=True):
                if key in seen:
                    summary.duplicates += 1
                elif versions.get(key) == __version__:
                    summary.unchanged += 1
                else:
                    todo.append(doc)
                seen.add(key)
            if progress and len(todo) < len(docs) + len(errors):
                progress(len(docs) + len(errors) - len(todo))
            if todo:
                yield todo

    def store(results: list[dict | ReadError]) -> None:
        records = [r for r in results if isinstance(r, dict)]
        errors = [r for r in results if isinstance(r, ReadError)]
        new, replaced = write_documents(con, records)
        summary.stored += new
        summary.replaced += replaced
        if errors:
            write_errors(con, errors, run_id)
            summary.skipped.update(e.kind for e in errors)
        for record in records:
            summary.events.update(ev.get("type") for ev in record.get("events", []))
        if progress:
            progress(len(results))

    try:
        if workers <= 1:
            for batch in pending_batches():
                store(_analyse_batch(batch))
        else:
            ctx = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_warm_up) as pool:
                window: list[Future] = []
                for batch in pending_batches():
                    window.append(pool.submit(_analyse_batch, batch))
                    while len(window) > 2 * workers:
                        store(window.pop(0).result())
                for future in window:
                    store(future.result())
        if summary.stored or summary.replaced or not has_index(con, "events"):
            rebuild_indexes(con)
    finally:
        summary.seconds = time.monotonic() - started
        con.execute("UPDATE runs SET finished_at = now(), documents_read = ?, stored = ?, replaced = ?, "
                    "unchanged = ?, skipped = ? WHERE run_id = ?",
                    [summary.read, summary.stored, summary.replaced, summary.unchanged,
                     summary.skipped_total, run_id])
        con.close()
    return summary
