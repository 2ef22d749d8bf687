"""Read dated Norwegian news: text files, JSON Lines, Parquet and directories of them.

``read_paths`` yields :class:`SourceDocument` objects and :class:`ReadError` records in input
order; a bad file or line never stops the batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath

from hending.read.document import Published, ReadError, SourceDocument
from hending.read.jsonl import read_jsonl
from hending.read.langid import identify
from hending.read.parquet import read_parquet
from hending.read.textfile import read_text_file

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet"}
TEXT_SUFFIXES = {".txt", ".text", ""}

__all__ = ["Published", "ReadError", "SourceDocument", "identify", "input_files", "is_input_name", "is_jsonl",
           "is_parquet", "read_path", "read_paths"]


def is_input_name(rel: PurePath) -> bool:
    """Whether a directory walk reads the file at ``rel`` (relative to the directory): no hidden part,
    a suffix the reader knows."""
    if any(part.startswith(".") for part in rel.parts):
        return False
    return rel.suffix.lower() in JSONL_SUFFIXES | PARQUET_SUFFIXES | TEXT_SUFFIXES


def _files(directory: Path) -> Iterator[Path]:
    """Readable-looking files under ``directory``, recursively, in sorted order; hidden ones skipped."""
    for path in sorted(directory.rglob("*")):
        if path.is_file() and is_input_name(path.relative_to(directory)):
            yield path


def input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The existing files ``read_paths`` reads, in the same order (directories expanded)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _files(path)
        elif path.exists():
            yield path


def is_jsonl(path: Path) -> bool:
    """Whether ``path`` is read as JSON Lines (else as a text file)."""
    return path.suffix.lower() in JSONL_SUFFIXES


def is_parquet(path: Path) -> bool:
    """Whether ``path`` is read as Parquet."""
    return path.suffix.lower() in PARQUET_SUFFIXES


def read_path(path: Path) -> Iterator[SourceDocument | ReadError]:
    """Documents (or errors) from one file, chosen by suffix: JSON Lines, Parquet or text."""
    if is_jsonl(path):
        yield from read_jsonl(path)
    elif is_parquet(path):
        yield from read_parquet(path)
    else:
        yield from read_text_file(path)


def read_paths(paths: Iterable[str | Path]) -> Iterator[SourceDocument | ReadError]:
    """Documents (or errors) from files and directories (recursively), in order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in _files(path):
                yield from read_path(file)
        elif path.exists():
            yield from read_path(path)
        else:
            yield ReadError(str(path), None, "unreadable", "no such file or directory")
