"""Read Parquet: one document per row, with the columns of a JSON Lines record (``text``, and
optionally ``id``, ``published``, ``url``, ``title``, ``outlet``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from hending.read.document import ReadError, SourceDocument
from hending.read.jsonl import document_from_record


def _plain(value: object) -> object:
    """A date or timestamp cell as ISO text (``published``); anything else unchanged."""
    iso = getattr(value, "isoformat", None)
    return iso()[:10] if callable(iso) else value


def read_parquet(path: Path, batch_rows: int = 1024) -> Iterator[SourceDocument | ReadError]:
    """Yield each row's document, or a located error (row number as the line) for each bad row."""
    import pyarrow.parquet as pq

    source = str(path)
    try:
        table = pq.ParquetFile(path)
    except OSError as exc:
        yield ReadError(source, None, "unreadable", f"cannot read file: {exc.strerror or exc}")
        return
    except Exception as exc:  # pyarrow raises ArrowInvalid for a file that is not Parquet
        yield ReadError(source, None, "parquet", f"not a Parquet file: {exc}")
        return
    if "text" not in table.schema_arrow.names:
        yield ReadError(source, None, "parquet", "no 'text' column")
        return
    row = 0
    for batch in table.iter_batches(batch_size=batch_rows):
        for record in batch.to_pylist():
            row += 1
            yield document_from_record({k: _plain(v) for k, v in record.items()}, source, row, path.stem)


def parquet_rows(path: Path) -> int:
    """The number of rows a Parquet file declares (1 when it cannot be read: its error counts)."""
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path).metadata.num_rows
    except Exception:
        return 1
