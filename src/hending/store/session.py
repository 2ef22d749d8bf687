"""The driver side of an ingest run, shared by the local and the Ray engine.

An :class:`IngestSession` owns the store connection and the run's bookkeeping: it decides which
read documents need analysis (new, or stored by another pipeline version; duplicates in the input
are dropped by content hash), stores each analysed batch in one transaction, records read errors,
rebuilds the full-text indexes once at the end and keeps per-stage times and peak memory.
Worker batches are committed together, :data:`COMMIT_DOCS` documents at a time: every
transaction holds whole documents, so a run killed at any moment leaves a consistent store.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hending.engines.batch import AnalysedBatch
from hending.engines.stages import StageTimes, peak_rss_mb
from hending.read import ReadError, SourceDocument
from hending.store.database import connect
from hending.store.rows import document_key
from hending.store.search import has_index, rebuild_indexes
from hending.store.writer import stored_versions, write_documents, write_errors
from hending.version import __version__

COMMIT_DOCS = 64  # results are committed in transactions of at least this many documents (or at the end)


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
    workers: int = 1
    times: StageTimes = field(default_factory=StageTimes)  # seconds per stage, summed over processes
    worker_peak_rss_mb: dict[int, float] = field(default_factory=dict)  # worker pid -> peak RSS
    driver_peak_rss_mb: float = 0.0
    first_result_at: float = 0.0  # wall-clock time of the first and last analysed batch received
    last_result_at: float = 0.0
    documents_after_first: int = 0  # documents in the batches after the first (steady-state rate)

    @property
    def steady_docs_per_second(self) -> float:
        """Analysis rate between the first and the last batch (start-up and index rebuild left out)."""
        span = self.last_result_at - self.first_result_at
        return self.documents_after_first / span if span > 0 else 0.0

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


class IngestSession:
    """One ingest run into one store: select what to analyse, store results, finish."""

    def __init__(self, db: str | Path, paths: list[str], workers: int = 1, run_prefix: str = "",
                 progress: Callable[[int], None] | None = None, started: float | None = None) -> None:
        """Open the store and record the run; ``started``: ``time.monotonic()`` when the run began."""
        self.summary, self.progress = IngestSummary(workers=workers), progress
        self.started = time.monotonic() if started is None else started
        self.times = self.summary.times
        self.keys: set[str] = set()  # content hashes of every readable document in the input
        self._records: list[dict] = []  # analysed, not yet committed
        self._errors: list[ReadError] = []
        with self.times("store"):
            self.con = connect(db)
        self.run_id = run_prefix + uuid.uuid4().hex[:12]
        self.con.execute("INSERT INTO runs (run_id, started_at, pipeline_version, paths) "
                         "VALUES (?, now(), ?, ?)", [self.run_id, __version__, " ".join(map(str, paths))])

    def select(self, batch: list[SourceDocument | ReadError]) -> list[tuple[str, SourceDocument]]:
        """Record the batch's read errors; return ``(key, document)`` for what needs analysis."""
        errors = [i for i in batch if isinstance(i, ReadError)]
        docs = [i for i in batch if isinstance(i, SourceDocument)]
        keys = [document_key(d.id, d.text) for d in docs]
        return [(keys[i], docs[i]) for i in self.select_keys(keys, errors)]

    def select_keys(self, keys: list[str], errors: list[ReadError]) -> list[int]:
        """Record read errors and the documents ``keys`` (in input order); the positions to analyse.

        A key seen before in this run is a duplicate; one stored by this pipeline version is unchanged.
        """
        summary = self.summary
        if errors:
            write_errors(self.con, errors, self.run_id)
            summary.skipped.update(e.kind for e in errors)
        summary.read += len(keys)
        versions = stored_versions(self.con, keys)
        todo = []
        for i, key in enumerate(keys):
            if key in self.keys:
                summary.duplicates += 1
            elif versions.get(key) == __version__:
                summary.unchanged += 1
            else:
                todo.append(i)
            self.keys.add(key)
        if self.progress and len(todo) < len(keys) + len(errors):
            self.progress(len(keys) + len(errors) - len(todo))
        return todo

    def current_keys(self) -> set[str]:
        """Keys of the documents stored by this pipeline version (what a run need not analyse again)."""
        rows = self.con.execute("SELECT doc_key FROM documents WHERE pipeline_version = ?", [__version__])
        return {key for (key,) in rows.fetchall()}

    def store(self, batch: AnalysedBatch, started: float | None = None) -> None:
        """Take a worker's batch (``started``: when its worker was asked to start); commit when enough."""
        summary, now = self.summary, time.time()
        if summary.first_result_at:
            summary.documents_after_first += len(batch.results)
        else:
            summary.first_result_at = now
        summary.last_result_at = now
        summary.times.merge(batch.times)
        if batch.ready_at is not None and started is not None:
            summary.times.add("startup", max(0.0, batch.ready_at - started))
        peaks = summary.worker_peak_rss_mb
        peaks[batch.pid] = max(batch.peak_rss_mb, peaks.get(batch.pid, 0.0))
        self._records += batch.records
        self._errors += batch.errors
        if len(self._records) + len(self._errors) >= COMMIT_DOCS:
            self.flush()
        if self.progress:
            self.progress(len(batch.results))

    def flush(self) -> None:
        """Commit the buffered results in one transaction."""
        summary, records, errors = self.summary, self._records, self._errors
        self._records, self._errors = [], []
        with self.times("store"):
            new, replaced = write_documents(self.con, records)
            if errors:
                write_errors(self.con, errors, self.run_id)
        summary.stored += new
        summary.replaced += replaced
        summary.skipped.update(e.kind for e in errors)
        for record in records:
            summary.events.update(ev.get("type") for ev in record.get("events", []))

    def finish(self, indexes: bool = True) -> IngestSummary:
        """Commit what is buffered, then rebuild the full-text indexes once (if anything changed)."""
        self.flush()
        summary = self.summary
        if indexes:
            with self.times("fts"):
                if summary.stored or summary.replaced or not has_index(self.con, "events"):
                    rebuild_indexes(self.con)
        return summary

    def close(self) -> None:
        """Record the run's counts and close the store (also after a failure)."""
        summary = self.summary
        summary.seconds = time.monotonic() - self.started
        summary.driver_peak_rss_mb = peak_rss_mb()
        self.con.execute("UPDATE runs SET finished_at = now(), documents_read = ?, stored = ?, replaced = ?, "
                         "unchanged = ?, skipped = ? WHERE run_id = ?",
                         [summary.read, summary.stored, summary.replaced, summary.unchanged,
                          summary.skipped_total, self.run_id])
        self.con.close()
