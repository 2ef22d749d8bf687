"""Database access for the server: one DuckDB connection, a cursor per worker thread, a read/write lock.

DuckDB connections are not thread-safe, so every request reads through a cursor of one shared
connection that no other request uses meanwhile (cursors are pooled, not tied to threads: FastAPI may
run a dependency and its endpoint in different threads). The connection is read-only unless HTTP
ingestion is enabled (a token is set);
DuckDB allows one configuration per file and process, so the ingest run then shares the same
database instance. Reads hold a shared lock and an ingest run an exclusive one, because rebuilding
the full-text indexes drops and recreates the functions that text queries call.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb

from hending.serve.queries import EventRows
from hending.store import IngestSummary, connect, ingest


class ReadWriteLock:
    """Many readers or one writer; a waiting writer blocks new readers (no writer starvation)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._waiting_writers = 0

    @contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            while self._writer or self._waiting_writers:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            self._waiting_writers += 1
            while self._writer or self._readers:
                self._cond.wait()
            self._waiting_writers -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class Store:
    """The event store as the server sees it."""

    def __init__(self, path: str | Path, writable: bool = False, threads: int | None = 1) -> None:
        self.path = Path(path)
        self.writable = writable
        self.con = connect(self.path, read_only=not writable)
        if threads:  # one thread per query: requests run side by side, and small queries gain nothing more
            self.con.execute(f"SET threads = {int(threads)}")
        self.lock = ReadWriteLock()
        self._pool: list[duckdb.DuckDBPyConnection] = []
        self._pool_lock = threading.Lock()
        self._ingest_lock = threading.Lock()
        self.rows = EventRows()
        self.version = 0  # bumped by every ingest: cached answers of older versions are stale
        self._cache: dict[str, tuple[int, object]] = {}

    def cached(self, key: str, compute):  # noqa: ANN001, ANN201
        """``compute()`` once per store version (for answers that do not depend on the request)."""
        hit = self._cache.get(key)
        if hit is not None and hit[0] == self.version:
            return hit[1]
        value = compute()
        self._cache[key] = (self.version, value)
        return value

    def warm(self) -> None:
        """Build the in-memory rows now rather than on the first request (best effort)."""
        try:
            with self.read() as cur:
                self.rows._load(cur)
        except duckdb.Error:
            pass

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for this request alone, under the shared lock."""
        with self.lock.read():
            with self._pool_lock:
                cur = self._pool.pop() if self._pool else self.con.cursor()
            try:
                yield cur
            finally:
                with self._pool_lock:
                    self._pool.append(cur)

    def ingest(self, paths: list[str]) -> IngestSummary:
        """Run ``hending ingest`` on ``paths`` in this process (one at a time, readers paused)."""
        if not self.writable:
            raise PermissionError("the store is open read-only")
        from hending.analyse.pipeline import load_pipeline

        with self._ingest_lock:
            for lang in ("nb", "nn"):  # load the models before taking the lock (seconds, the first time)
                with suppress(OSError, ValueError):
                    load_pipeline(lang)
            with self.lock.write():
                try:
                    return ingest(paths, self.path, workers=1)
                finally:
                    self.version += 1
                    self.rows.invalidate()

    def close(self) -> None:
        """Close the cursors and the connection."""
        with self._pool_lock:
            for cur in self._pool:
                cur.close()
            self._pool.clear()
        self.con.close()
