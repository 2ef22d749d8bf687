"""Read one text file in the reference format: ``date YYYY-MM[-DD]`` header, then the body."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from hending.read.dates import DateError, parse_header
from hending.read.decode import DecodeError, decode_utf8
from hending.read.document import ReadError, SourceDocument


def doc_id_for(path: Path) -> str:
    """``<parent folder>/<stem>``, e.g. ``examples/palmyra-2017-03``."""
    return f"{path.parent.name}/{path.stem}" if path.parent.name else path.stem


def read_text_file(path: Path) -> Iterator[SourceDocument | ReadError]:
    """Yield the document in ``path``, or the error that stops it from being read."""
    source, doc_id = str(path), doc_id_for(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(source, None, "unreadable", f"cannot read file: {exc.strerror or exc}", doc_id)
        return
    try:
        text = decode_utf8(data)
    except DecodeError as exc:
        yield ReadError(source, exc.line, exc.kind, exc.reason, doc_id)
        return
    if not text.strip():
        yield ReadError(source, None, "empty", "empty document (no text)", doc_id)
        return
    try:
        header = parse_header(text)
    except DateError as exc:
        yield ReadError(source, 1, "header", f"malformed date header: {exc}", doc_id)
        return
    if header is None:
        first = text.lstrip().split("\n", 1)[0][:40]
        kind = "malformed" if first.lower().startswith("date") else "missing"
        yield ReadError(source, 1, "header",
                        f"{kind} date header: expected 'date YYYY-MM' or 'date YYYY-MM-DD', got {first!r}",
                        doc_id)
        return
    published, body_start = header
    body = text[body_start:].rstrip()
    if not body:
        yield ReadError(source, 1, "empty", "empty document (header but no body)", doc_id)
        return
    yield SourceDocument(id=doc_id, source=source, line=None, text=body, published=published)
