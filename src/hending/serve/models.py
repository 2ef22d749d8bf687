"""Response shapes, for the OpenAPI document (endpoints return plain JSON built by ``queries``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Error(BaseModel):
    """Every 4xx/5xx answer: a one-line message, and for bad parameters the details per parameter."""

    detail: str = Field(examples=["query parameter 'limit': Input should be less than or equal to 1000"])
    errors: list[dict[str, Any]] | None = None


class Event(BaseModel):
    """An event as listed (no offsets)."""

    event_id: str = Field(description="doc_key:n")
    doc_key: str
    doc_id: str
    doc_title: str | None = None
    doc_published: str | None = None
    doc_outlet: str | None = None
    type: str | None = Field(None, description="PLOVER event type")
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    actor_name: str | None = None
    actor_text: str | None = None
    actor_country: str | None = Field(None, description="ISO alpha-3")
    actor_sector: str | None = None
    recipient_name: str | None = None
    recipient_text: str | None = None
    recipient_country: str | None = None
    recipient_sector: str | None = None
    location_name: str | None = None
    location_text: str | None = None
    location_geonameid: int | None = None
    location_country: str | None = Field(None, description="ISO alpha-2")
    location_feature: str | None = None
    lat: float | None = None
    lon: float | None = None
    attributed_to: str | None = None
    negated: bool | None = None
    hypothetical: bool | None = None
    historical: bool | None = None
    fatalities: int | None = None
    confidence: float | None = None
    trigger_text: str | None = None
    sentence_text: str | None = None


class EventDetail(Event):
    """An event with the character offsets of its evidence in ``documents.text`` and its full record."""

    trigger_start: int | None = None
    trigger_end: int | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    actor_start: int | None = None
    actor_end: int | None = None
    recipient_start: int | None = None
    recipient_end: int | None = None
    location_start: int | None = None
    location_end: int | None = None
    attributed_text: str | None = None
    attributed_start: int | None = None
    attributed_end: int | None = None
    location_qualifier: dict[str, Any] | None = None
    record: dict[str, Any] | None = None


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    sort: str
    order: str
    items: list[Event]


class Bucket(BaseModel):
    key: str | int
    label: str | None = None
    count: int


class Counts(BaseModel):
    """Counts per time bucket (``undated`` left out) or per category (largest first, rest in ``other``)."""

    by: str
    total: int
    undated: int | None = None
    missing: int | None = None
    other: int | None = None
    buckets: list[Bucket]


class MapPoint(BaseModel):
    id: str
    lat: float
    lon: float
    type: str | None = None
    date: str | None = None
    place: str | None = None
    geonameid: int | None = None
    actor: str | None = None
    trigger: str | None = None
    historical: bool | None = None


class MapCluster(BaseModel):
    count: int
    lat: float
    lon: float
    type: str | None = Field(None, description="the most frequent type in the cluster")
    bounds: list[list[float]]


class MapResult(BaseModel):
    """Points when at most ``max_points`` located events match, else server-side grid clusters."""

    total: int
    mode: str = Field(description="points | clusters")
    cell_degrees: float | None = None
    points: list[MapPoint]
    clusters: list[MapCluster]


class Place(BaseModel):
    geonameid: int
    name: str | None = None
    country: str | None = None
    feature: str | None = None
    lat: float | None = None
    lon: float | None = None
    events: int
    first_date: str | None = None
    last_date: str | None = None


class PlacePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Place]


class PlaceInfo(BaseModel):
    geonameid: int
    name: str | None = None
    country: str | None = None
    feature: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: int
    documents: int
    names: list[str] = Field(description="how the documents name the place, most frequent first")


class PlaceDetail(BaseModel):
    place: PlaceInfo
    events: EventPage


class Actor(BaseModel):
    name: str
    country: str | None = None
    sector: str | None = None
    as_actor: int
    as_recipient: int
    events: int


class ActorPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Actor]


class DocumentSummary(BaseModel):
    doc_key: str
    id: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    lang: str | None = None
    source: str | None = None
    chars: int
    n_events: int


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentSummary]


class Span(BaseModel):
    """An annotation: ``start``/``end`` are character offsets into the document text."""

    n: int
    start: int | None = None
    end: int | None = None
    text: str | None = None
    model_config = {"extra": "allow"}


class DocumentDetail(BaseModel):
    doc_key: str
    id: str
    source: str | None = None
    lang: str | None = None
    published: str | None = None
    published_precision: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    text: str
    pipeline_version: str | None = None
    ingested_at: str | None = None
    sentences: list[Span]
    entities: list[Span]
    times: list[Span]
    places: list[Span]
    quotes: list[Span]
    events: list[EventDetail]


class Quote(BaseModel):
    doc_key: str
    doc_id: str
    doc_title: str | None = None
    doc_published: str | None = None
    n: int
    text: str | None = None
    start: int | None = None
    end: int | None = None
    speaker_text: str | None = None
    speaker_name: str | None = None


class QuotePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Quote]


class KeyCount(BaseModel):
    key: str
    count: int


class Meta(BaseModel):
    documents: int
    events: int
    located_events: int
    first_date: str | None = None
    last_date: str | None = None
    schema_version: int | None = None
    text_search: bool
    types: list[KeyCount]
    countries: list[KeyCount]
    sources: list[KeyCount]
    outlets: list[KeyCount]
    actors: list[KeyCount]
    version: str
    read_only: bool
    ingest: bool = Field(description="whether POST /api/ingest is enabled (a token is configured)")


class IngestResult(BaseModel):
    read: int
    stored: int
    replaced: int
    unchanged: int
    duplicates: int
    skipped: dict[str, int]
    events: dict[str, int]
    seconds: float
