"""The document contract: one JSON object per analysed document (schema/document.schema.json)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

import hending.analyse.extensions  # noqa: F401
from hending.read.document import SourceDocument

SCHEMA_VERSION = "1"


def sentence_spans(doc: Doc) -> list[dict]:
    """Sentence offsets with surrounding whitespace trimmed; whitespace-only sentences dropped."""
    spans, text = [], doc.text  # Doc.text joins every token: build it once
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append({"start": start, "end": end})
    return spans


def entity_spans(doc: Doc) -> list[dict]:
    """Named entities with their NorNE labels and character offsets."""
    return [{"text": e.text, "label": e.label_, "start": e.start_char, "end": e.end_char} for e in doc.ents]


def document_record(source: SourceDocument, lang: str, doc: Doc, version: str) -> dict:
    """Build the contract object for an analysed document."""
    record: dict = {
        "id": source.id,
        "source": source.source if source.line is None else f"{source.source}:{source.line}",
        "lang": lang,
        "published": source.published.as_dict(),
    }
    for key in ("url", "title", "outlet"):
        if getattr(source, key):
            record[key] = getattr(source, key)
    record["text"] = source.text
    record["sentences"] = sentence_spans(doc)
    record["entities"] = entity_spans(doc)
    for key in ("times", "places", "events", "quotes"):
        record[key] = getattr(doc._, key) or []
    record["pipeline"] = {"hending": version, "schema": SCHEMA_VERSION}
    return record


@lru_cache(maxsize=1)
def schema() -> dict:
    """The published JSON Schema of the document contract."""
    path = resources.files("hending.schema").joinpath("document.schema.json")
    return json.loads(path.read_text("utf-8"))


def validate(record: dict) -> None:
    """Raise ``jsonschema.ValidationError`` if ``record`` breaks the contract."""
    import jsonschema

    jsonschema.validate(record, schema())
