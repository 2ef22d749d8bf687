"""Flatten a document contract object into rows of the store's tables."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime


def document_key(doc_id: str, text: str) -> str:
    """Content hash identifying a document: the same id and text give the same key."""
    return hashlib.sha256(f"{doc_id}\n{text}".encode()).hexdigest()[:32]


def _span(prefix: str, value: dict | None) -> dict:
    value = value or {}
    return {f"{prefix}_text": value.get("text"), f"{prefix}_start": value.get("start"),
            f"{prefix}_end": value.get("end")}


def _party(prefix: str, value: dict | None) -> dict:
    row = _span(prefix, value)
    value = value or {}
    row.update({f"{prefix}_name": value.get("name"), f"{prefix}_country": value.get("country"),
                f"{prefix}_sector": value.get("sector")})
    return row


def _json(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def event_row(key: str, n: int, ev: dict) -> dict:
    """One ``events`` row."""
    acled = ev.get("acled") or {}
    trigger, sentence = ev.get("trigger") or {}, ev.get("sentence") or {}
    loc, date = ev.get("location") or {}, ev.get("date") or {}
    attributed = ev.get("attributed_to")
    if isinstance(attributed, str):
        attributed = {"name": attributed}
    attributed = attributed or {}
    return {
        "doc_key": key, "n": n, "event_id": f"{key}:{n}", "type": ev.get("type"), "mode": ev.get("mode"),
        "acled_event_type": acled.get("event_type"), "acled_sub_event_type": acled.get("sub_event_type"),
        "trigger_text": trigger.get("text"), "trigger_start": trigger.get("start"),
        "trigger_end": trigger.get("end"),
        "sentence_text": sentence.get("text"), "sentence_start": sentence.get("start"),
        "sentence_end": sentence.get("end"),
        **_party("actor", ev.get("actor")), **_party("recipient", ev.get("recipient")),
        "location_text": loc.get("text"), "location_name": loc.get("name"),
        "location_geonameid": loc.get("geonameid"), "location_country": loc.get("country"),
        "location_feature": loc.get("feature"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "location_start": loc.get("start"), "location_end": loc.get("end"),
        "location_qualifier": _json(loc.get("qualifier")),
        "date_start": date.get("start"), "date_end": date.get("end"), "date_precision": date.get("precision"),
        "date_text": (date.get("time") or {}).get("text"),
        "attributed_to": attributed.get("name"), "attributed_text": attributed.get("text"),
        "attributed_start": attributed.get("start"), "attributed_end": attributed.get("end"),
        "negated": bool(ev.get("negated")), "hypothetical": bool(ev.get("hypothetical")),
        "historical": bool(ev.get("historical")), "fatalities": ev.get("fatalities"),
        "confidence": ev.get("confidence"), "record": _json(ev),
    }


def document_rows(record: dict) -> dict[str, list[dict]]:
    """Rows for every table from one contract object, keyed by table name."""
    key = document_key(record["id"], record["text"])
    published = record.get("published") or {}
    now = datetime.now(UTC).replace(tzinfo=None)
    rows: dict[str, list[dict]] = {
        "documents": [{
            "doc_key": key, "id": record["id"], "source": record.get("source"), "lang": record.get("lang"),
            "published": published.get("value"), "published_precision": published.get("precision"),
            "published_origin": published.get("origin"), "url": record.get("url"),
            "title": record.get("title"), "outlet": record.get("outlet"), "text": record["text"],
            "pipeline_version": (record.get("pipeline") or {}).get("hending"), "ingested_at": now,
            "record": _json(record),
        }],
        "sentences": [{"doc_key": key, "n": n, "start_char": s["start"], "end_char": s["end"]}
                      for n, s in enumerate(record.get("sentences", []))],
        "entities": [{"doc_key": key, "n": n, "text": e["text"], "label": e["label"],
                      "start_char": e["start"], "end_char": e["end"]}
                     for n, e in enumerate(record.get("entities", []))],
        "times": [{"doc_key": key, "n": n, "text": t.get("text"), "start_char": t.get("start"),
                   "end_char": t.get("end"), "value": t.get("value"),
                   "range_start": (t.get("range") or {}).get("start"),
                   "range_end": (t.get("range") or {}).get("end"), "granularity": t.get("granularity"),
                   "anchor": t.get("anchor")}
                  for n, t in enumerate(record.get("times", []))],
        "places": [{"doc_key": key, "n": n, "text": p.get("text"), "start_char": p.get("start"),
                    "end_char": p.get("end"), "geonameid": p.get("geonameid"), "name": p.get("name"),
                    "country": p.get("country"), "lat": p.get("lat"), "lon": p.get("lon"),
                    "feature": p.get("feature"), "role": p.get("role"),
                    "qualifier": _json(p.get("qualifier"))}
                   for n, p in enumerate(record.get("places", []))],
        "quotes": [{"doc_key": key, "n": n, "text": q.get("text"), "start_char": q.get("start"),
                    "end_char": q.get("end"), "speaker_text": (q.get("speaker") or {}).get("text"),
                    "speaker_name": (q.get("speaker") or {}).get("name"),
                    "speaker_start": (q.get("speaker") or {}).get("start"),
                    "speaker_end": (q.get("speaker") or {}).get("end")}
                   for n, q in enumerate(record.get("quotes", []))],
        "events": [event_row(key, n, ev) for n, ev in enumerate(record.get("events", []))],
    }
    return rows
