"""The read stage of the Ray engine: input files listed on the driver, read where Ray runs them.

:func:`list_inputs` expands local paths exactly like :func:`hending.read.input_files` and lists
fsspec URLs (``s3://``, ``gs://``, ``memory://`` …) with fsspec. :class:`ReadFiles` is the
``map_batches`` function that reads them with the local engine's reader
(:func:`hending.read.read_paths`; fsspec files are fetched to a temporary file first, and their
documents and errors keep the URL as their source) and emits one row per document or read error:
the pickled item, its content key, whether this pipeline version has stored it already, and the
seconds spent reading (booked on each chunk's first row).
"""

from __future__ import annotations

import dataclasses
import pickle
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from hending.read import ReadError, SourceDocument, input_files, is_input_name, read_paths
from hending.store.rows import document_key

CHUNK = 64  # documents per output batch of the read stage (a large file streams out in pieces)
_stored_cache: dict[str, frozenset[str]] = {}  # per worker process: the run's stored keys, fetched once


def is_url(path: str) -> bool:
    """Whether ``path`` is an fsspec URL rather than a local path."""
    return "://" in path and not path.startswith("file://")


def list_inputs(paths: Iterable[str]) -> list[str]:
    """Every input file, in the reader's order; a missing local path stays (the reader reports it)."""
    out: list[str] = []
    for raw in map(str, paths):
        if is_url(raw):
            import fsspec

            fs, root = fsspec.core.url_to_fs(raw)
            if fs.isdir(root):  # the local reader's walk: no hidden parts, known suffixes only
                top = PurePosixPath(root)
                found = [p for p in sorted(fs.find(root)) if is_input_name(PurePosixPath(p).relative_to(top))]
            else:
                found = [root]
            out += [fs.unstrip_protocol(p) for p in found]
            continue
        local = raw.removeprefix("file://")
        files = [str(p) for p in input_files([local])]
        out += files if files or Path(local).is_dir() else [local]
    return out


def _read_url(url: str) -> Iterator[SourceDocument | ReadError]:
    """Fetch one fsspec file to a temporary directory and read it; sources name the URL."""
    import fsspec

    name = Path(url.split("://", 1)[1])
    with tempfile.TemporaryDirectory(prefix="hending-read-") as tmp:
        local = Path(tmp) / (name.parent.name or "input") / name.name
        local.parent.mkdir(parents=True)
        try:
            with fsspec.open(url, "rb") as src:
                local.write_bytes(src.read())
        except OSError as exc:
            yield ReadError(url, None, "unreadable", f"cannot read file: {exc}")
            return
        for item in read_paths([local]):
            yield dataclasses.replace(item, source=url)


def read_file(path: str) -> Iterator[SourceDocument | ReadError]:
    """Documents (or errors) of one listed input file."""
    return _read_url(path) if is_url(path) else read_paths([path])


class ReadFiles:
    """``map_batches`` function: a batch of paths in, one row per document or read error out."""

    def __init__(self, stored: Any) -> None:
        """``stored``: a Ray object reference to the set of keys this pipeline version has stored."""
        self.stored = stored

    def _stored(self) -> frozenset[str]:
        key = self.stored.hex()
        if key not in _stored_cache:
            import ray

            _stored_cache.clear()
            _stored_cache[key] = frozenset(ray.get(self.stored))
        return _stored_cache[key]

    def __call__(self, batch: dict[str, Any]) -> Iterator[dict[str, list]]:
        stored = self._stored()
        for path in batch["path"]:
            start = time.perf_counter()
            rows = _rows()
            for item in read_file(str(path)):
                key = document_key(item.id, item.text) if isinstance(item, SourceDocument) else ""
                rows["item"].append(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
                rows["key"].append(key)
                rows["stored"].append(key in stored)
                rows["seconds"].append(0.0)
                if len(rows["item"]) == CHUNK:
                    rows["seconds"][0] = time.perf_counter() - start
                    yield rows
                    start, rows = time.perf_counter(), _rows()
            if rows["item"]:  # the reading time rides on the chunk's first row
                rows["seconds"][0] = time.perf_counter() - start
                yield rows


def _rows() -> dict[str, list]:
    return {"item": [], "key": [], "stored": [], "seconds": []}
