"""Read JSON Lines: one document per line with ``text`` and optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from hending.read.dates import DateError, date_from_url, parse_header, parse_iso
from hending.read.decode import DecodeError, decode_utf8
from hending.read.document import ReadError, SourceDocument

OPTIONAL = ("url", "title", "outlet")


def document_from_record(record: object, source: str, line: int, stem: str) -> SourceDocument | ReadError:
    """Validate one parsed JSON value and turn it into a document."""
    if not isinstance(record, dict):
        return ReadError(source, line, "json", f"expected a JSON object, got {type(record).__name__}")
    doc_id = record.get("id")
    doc_id = str(doc_id) if doc_id not in (None, "") else f"{stem}:{line}"
    text = record.get("text")
    if not isinstance(text, str):
        return ReadError(source, line, "json", "missing or non-string 'text' field", doc_id)
    if not text.strip():
        return ReadError(source, line, "empty", "empty document (blank 'text')", doc_id)
    meta = {k: str(record[k]) for k in OPTIONAL if record.get(k) not in (None, "")}
    try:
        header = parse_header(text)
    except DateError as exc:
        return ReadError(source, line, "header", f"malformed date header: {exc}", doc_id)
    if header is not None:
        text = text[header[1]:].rstrip()
        if not text:
            return ReadError(source, line, "empty", "empty document (header but no body)", doc_id)
    try:
        published = parse_iso(str(record["published"])) if record.get("published") else None
    except DateError as exc:
        return ReadError(source, line, "date", str(exc), doc_id)
    published = published or (date_from_url(meta["url"]) if "url" in meta else None)
    published = published or (header[0] if header else None)
    if published is None:
        return ReadError(source, line, "date",
                         "no publication date: give 'published', a /YYYY/MM/DD/ url or a 'date' header",
                         doc_id)
    extra = {k: v for k, v in record.items() if k not in ("id", "text", "published", *OPTIONAL)}
    return SourceDocument(id=doc_id, source=source, line=line, text=text, published=published,
                          extra=extra, **meta)


def read_jsonl(path: Path) -> Iterator[SourceDocument | ReadError]:
    """Yield each line's document, or a located error for each bad line."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(source, None, "unreadable", f"cannot read file: {exc.strerror or exc}")
        return
    if b"\x00" in data[:65536]:
        yield ReadError(source, None, "binary", "binary file (contains NUL bytes), not JSON Lines")
        return
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            line = decode_utf8(raw)
        except DecodeError as exc:
            yield ReadError(source, number, exc.kind, exc.reason.replace("line 1, ", ""))
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(source, number, "json", f"malformed JSON at column {exc.colno}: {exc.msg}")
            continue
        yield document_from_record(record, source, number, path.stem)
