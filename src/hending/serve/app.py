"""The explorer: a read-only REST API over the event store and the offline web page that uses it.

``create_app(db_path, token=None)`` returns the FastAPI application. Without a token the store is
opened read-only and ``POST /api/ingest`` answers 403; with one, ingestion over HTTP needs
``Authorization: Bearer <token>`` (401 without credentials, 403 with wrong ones).
"""

import hmac
import json
import logging
import math
import tempfile
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from hending.serve import models, queries
from hending.serve.db import Store
from hending.serve.queries import Filters
from hending.store.query import EventQuery, QueryError
from hending.version import __version__

STATIC = Path(__file__).parent / "static"
MAX_INGEST_BYTES = 32 * 1024 * 1024
log = logging.getLogger("hending.serve")

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": models.Error, "description": "a filter value that cannot be used"},
    422: {"model": models.Error, "description": "a malformed parameter"},
}
DESCRIPTION = """Events extracted from dated Norwegian news, read from the Hending DuckDB store.

* Every event list and aggregate takes the same filters as `hending query` (type, actor, recipient,
  place, geonameid, bbox, near, since/until, source, text, doc_id, negated/hypothetical), plus
  `country` (location, ISO alpha-2), `outlet` and `include_historical`. `type` may list several
  types separated by commas.
* Character offsets (`*_start`, `*_end`, `start`, `end`) index `text` of the document.
* Errors are JSON `{"detail": "..."}` with status 400, 401, 403, 404, 413 or 422.
* `POST /api/ingest` is enabled only when the server was started with `--token`.
"""


def _bad(message: str) -> HTTPException:
    return HTTPException(status_code=422, detail=message)


def _numbers(name: str, value: str | None, count: int, hint: str) -> tuple[float, ...] | None:
    if value is None or value == "":
        return None
    parts = value.split(",")
    try:
        numbers = tuple(float(p) for p in parts)
    except ValueError:
        raise _bad(f"query parameter '{name}': expected {hint}, got {value!r}") from None
    if len(numbers) != count or any(n != n or n in (float("inf"), float("-inf")) for n in numbers):
        raise _bad(f"query parameter '{name}': expected {hint}, got {value!r}")
    return numbers


def _country(value: str | None) -> str | None:
    """ISO alpha-2 from alpha-2 or alpha-3."""
    if not value:
        return None
    if len(value) == 2:
        return value.upper()
    import pycountry

    found = pycountry.countries.get(alpha_3=value.upper())
    if found is None:
        raise _bad(f"query parameter 'country': unknown ISO alpha-3 code {value!r}")
    return found.alpha_2


Text = Annotated[str | None, Query(max_length=200)]


async def event_filters(
    type: Annotated[str | None, Query(max_length=400, pattern=r"^[A-Za-z_]+(,[A-Za-z_]+)*$",
                                      description="PLOVER type, or several separated by commas")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="actor name contains")] = None,
    actor_country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO alpha-3")] = None,
    actor_sector: Annotated[str | None, Query(max_length=20, description="GOV MIL COP REB ...")] = None,
    recipient: Annotated[str | None, Query(max_length=200, description="recipient name contains")] = None,
    recipient_country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
    recipient_sector: Annotated[str | None, Query(max_length=20)] = None,
    place: Annotated[str | None, Query(max_length=200,
                                       description="location name or mention contains")] = None,
    geonameid: Annotated[int | None, Query(ge=0, le=2**53)] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}$",
                                         description="location country, ISO alpha-2 (or alpha-3)")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat",
                                      examples=["35,32,45,38"])] = None,
    near: Annotated[str | None, Query(description="lat,lon,radius_km", examples=["34.56,38.28,50"])] = None,
    since: Annotated[date | None, Query(description="YYYY-MM-DD: events ending on/after")] = None,
    until: Annotated[date | None, Query(description="YYYY-MM-DD: events starting on/before")] = None,
    source: Annotated[str | None, Query(max_length=200, description="attributed source contains")] = None,
    outlet: Annotated[str | None, Query(max_length=100, description="document outlet contains")] = None,
    text: Annotated[str | None, Query(max_length=200, description="Norwegian full-text search")] = None,
    doc_id: Annotated[str | None, Query(max_length=500, description="events of this document id")] = None,
    include_negated: bool = True,
    include_hypothetical: bool = True,
    include_historical: bool = True,
) -> Filters:
    """The event filters of a request."""
    box = _numbers("bbox", bbox, 4, "min_lon,min_lat,max_lon,max_lat")
    if box and not (all(-180 <= x <= 180 for x in box[::2]) and all(-90 <= y <= 90 for y in box[1::2])):
        raise _bad("query parameter 'bbox': longitudes must lie in -180..180 and latitudes in -90..90")
    point = _numbers("near", near, 3, "lat,lon,radius_km")
    if point and not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
        raise _bad("query parameter 'near': latitude must lie in -90..90 and longitude in -180..180")
    if since and until and since > until:
        raise _bad("query parameters 'since' and 'until': since is after until")
    types = [t.upper() for t in type.split(",")] if type else []
    query = EventQuery(
        type=types[0] if len(types) == 1 else None, actor=actor, actor_country=actor_country,
        actor_sector=actor_sector, recipient=recipient, recipient_country=recipient_country,
        recipient_sector=recipient_sector, place=place, geonameid=geonameid,
        bbox=box, near=point,  # type: ignore[arg-type]
        since=since.isoformat() if since else None, until=until.isoformat() if until else None, source=source,
        text=text or None, doc_id=doc_id, include_negated=include_negated,
        include_hypothetical=include_hypothetical)
    return Filters(query=query, types=types, country=_country(country), outlet=outlet,
                   include_historical=include_historical)


FiltersDep = Annotated[Filters, Depends(event_filters)]
Limit = Annotated[int, Query(ge=1, le=1000, description="page size (1..1000)")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")]


BY = queries.TIME_UNITS + tuple(queries.CATEGORIES)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


class Json(JSONResponse):
    """JSON where a NaN or infinite number (never valid JSON) is written as null."""

    def render(self, content: Any) -> bytes:
        try:
            return super().render(content)
        except ValueError:
            return super().render(_finite(content))


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def _json(content: Any, status: int = 200) -> JSONResponse:
    return Json(content, status_code=status)


def _message(exc: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    errors, parts = [], []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        where = f"{loc[0]} parameter '{'.'.join(loc[1:])}'" if len(loc) > 1 and loc[0] in (
            "query", "path", "header") else ".".join(loc) or "request"
        parts.append(f"{where}: {err.get('msg')}")
        errors.append({"loc": loc, "msg": err.get("msg"), "type": err.get("type")})
    return "; ".join(parts), errors


class ResponseCache:
    """ASGI middleware: answers repeated ``GET /api/...`` requests from memory (LRU).

    Keys hold the store version, so an ingest over HTTP makes every older answer stale.
    """

    def __init__(self, app: Any, store: Store, size: int) -> None:
        self.app, self.store, self.size = app, store, size
        self.entries: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if (self.size <= 0 or scope["type"] != "http" or scope["method"] != "GET"
                or not scope["path"].startswith("/api/")):
            await self.app(scope, receive, send)
            return
        key = (self.store.version, scope["path"], scope["query_string"])
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            status, headers, body = hit
            # a copy: the GZip middleware rewrites the header list it is given in place
            await send({"type": "http.response.start", "status": status, "headers": list(headers)})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict = {}
        chunks: list[bytes] = []

        async def capture(message: dict) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    self.entries[key] = (200, list(start.get("headers", [])), b"".join(chunks))
                    if len(self.entries) > self.size:
                        self.entries.popitem(last=False)
            await send(message)

        await self.app(scope, receive, capture)


def create_app(db_path: str | Path, token: str | None = None, *, threads: int | None = 1,
               cache_size: int = 1024) -> FastAPI:
    """The explorer application over the store at ``db_path`` (ingestion over HTTP only with ``token``).

    ``threads``: DuckDB threads per query (None: all cores); ``cache_size``: answers kept in memory.
    """
    store = Store(db_path, writable=token is not None, threads=threads)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=store.warm, name="hending-warm", daemon=True).start()
        yield
        store.close()

    app = FastAPI(title="Hending explorer API", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.store = store
    app.add_middleware(ResponseCache, store=store, size=cache_size)
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=5)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        message, errors = _message(exc)
        return _json({"detail": message, "errors": errors}, 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"detail": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> JSONResponse:
        return _json({"detail": str(exc)}, 400)

    @app.exception_handler(duckdb.Error)
    async def database_error(request: Request, exc: duckdb.Error) -> JSONResponse:
        user = (duckdb.ConversionException, duckdb.InvalidInputException, duckdb.OutOfRangeException,
                duckdb.ParserException)
        if isinstance(exc, user):
            return _json({"detail": f"cannot use this value: {exc}"}, 400)
        log.exception("database error on %s", request.url)
        return _json({"detail": f"database error: {type(exc).__name__}"}, 503)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url)
        return _json({"detail": "internal error (see the server log)"}, 500)

    def run(query: Callable[..., Any], *args: Any) -> Any:
        """``query(cursor, *args)`` under the store's read lock (in the endpoint's own thread)."""
        with store.read() as cur:
            return query(cur, *args)

    # --- the page -------------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html", headers={"Cache-Control": "no-cache"})

    @app.get("/api", include_in_schema=False)
    def api_root() -> RedirectResponse:
        return RedirectResponse("/docs")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    # --- the API --------------------------------------------------------------------------------------
    @app.get("/api/health", tags=["meta"], summary="Liveness")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/api/meta", tags=["meta"], response_model=models.Meta, summary="What the store holds")
    def meta() -> JSONResponse:
        """Sizes, the date range, and the most frequent types, countries, sources, outlets and actors."""
        result = dict(store.cached("meta", lambda: run(queries.meta)))
        result.update(version=__version__, read_only=not store.writable, ingest=token is not None)
        return _json(result)

    @app.get("/api/events", tags=["events"], response_model=models.EventPage, responses=ERRORS,
             summary="Events matching filters, paged and sorted")
    def events(filters: FiltersDep,
               sort: Literal[tuple(queries.EVENT_SORT)] = "date",  # type: ignore[valid-type]
               order: Literal["asc", "desc"] = "asc", limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
        """One page of events (``total`` counts all matches); ties are broken by event id."""
        return _json(run(queries.events_page, filters, sort, order == "desc", limit, offset, store.rows))

    @app.get("/api/events/{event_id}", tags=["events"], response_model=models.EventDetail,
             responses={404: {"model": models.Error}}, summary="One event with its evidence offsets")
    def event(event_id: Annotated[str, PathParam(max_length=200)]) -> JSONResponse:
        found = run(queries.event_detail, event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return _json(found)

    @app.get("/api/counts", tags=["aggregates"], response_model=models.Counts, responses=ERRORS,
             summary="Event counts by day/week/month/year or by type/actor/place/...")
    def counts(filters: FiltersDep,
               by: Literal[BY] = "month",  # type: ignore[valid-type]
               limit: Annotated[int, Query(ge=1, le=1000, description="groups for categories")] = 50
               ) -> JSONResponse:
        """Time buckets hold events by start date (weeks start on Monday); category counts list the
        ``limit`` largest groups, the rest in ``other`` and events without a value in ``missing``."""
        if by in queries.TIME_UNITS:
            return _json(run(queries.time_counts, filters, by))
        return _json(run(queries.category_counts, filters, by, limit))

    @app.get("/api/map", tags=["aggregates"], response_model=models.MapResult, responses=ERRORS,
             summary="Located events for a map: points, or server-side clusters when dense")
    def map_(filters: FiltersDep,
             zoom: Annotated[int, Query(ge=0, le=20, description="map zoom: sets the cluster grid")] = 2,
             max_points: Annotated[int, Query(ge=1, le=10_000)] = 3000) -> JSONResponse:
        """Pass the map's ``bbox`` to get what is in view."""
        return _json(run(queries.map_points, filters, zoom, max_points))

    @app.get("/api/actors", tags=["actors"], response_model=models.ActorPage, responses=ERRORS,
             summary="Actors (and recipients) of matching events, by number of events")
    def actors(filters: FiltersDep, q: Annotated[str | None, Query(max_length=200,
               description="name contains")] = None,
               role: Literal["any", "actor", "recipient"] = "any", limit: Limit = 50,
               offset: Offset = 0) -> JSONResponse:
        return _json(run(queries.actors_page, filters, q, role, limit, offset))

    @app.get("/api/places", tags=["places"], response_model=models.PlacePage, responses=ERRORS,
             summary="Places of matching events (by geonameid)")
    def places(filters: FiltersDep, q: Annotated[str | None, Query(max_length=200,
               description="place name contains")] = None,
               sort: Literal["count", "name", "first", "last"] = "count", limit: Limit = 50,
               offset: Offset = 0) -> JSONResponse:
        return _json(run(queries.places_page, filters, q, sort, limit, offset))

    @app.get("/api/places/{place_id}", tags=["places"], response_model=models.PlaceDetail,
             responses={**ERRORS, 404: {"model": models.Error}},
             summary="A place and the sequence of its events over time")
    def place(filters: FiltersDep, place_id: Annotated[int, PathParam(ge=0, le=2**53,
              description="the place's geonameid")],
              limit: Annotated[int, Query(ge=1, le=1000)] = 500, offset: Offset = 0) -> JSONResponse:
        """Every event located at the geonameid ``place_id`` ordered by date, historical ones included
        (unless ``include_historical=false``); other filters narrow the list."""
        found = run(queries.place_detail, place_id, filters, limit, offset, store.rows)
        if found is None:
            raise HTTPException(404, f"no events or mentions at geonameid {place_id}")
        return _json(found)

    @app.get("/api/documents", tags=["documents"], response_model=models.DocumentPage, responses=ERRORS,
             summary="Stored documents, paged")
    def documents(q: Annotated[str | None, Query(max_length=200,
                  description="full-text search in title and text")] = None,
                  outlet: Text = None, lang: Annotated[str | None, Query(pattern=r"^(nb|nn)$")] = None,
                  since: Annotated[date | None, Query(description="published on/after")] = None,
                  until: Annotated[date | None, Query(description="published on/before")] = None,
                  sort: Literal["published", "id", "title", "events", "ingested"] = "published",
                  order: Literal["asc", "desc"] = "desc", limit: Limit = 50,
                  offset: Offset = 0) -> JSONResponse:
        return _json(run(queries.documents_page, q, outlet, lang, _iso(since), _iso(until), sort,
                                            order == "desc", limit, offset))

    @app.get("/api/documents/{ref:path}", tags=["documents"], response_model=models.DocumentDetail,
             responses={404: {"model": models.Error}},
             summary="A document's text with every annotation and event (by doc_key or id)")
    def document(ref: Annotated[str, PathParam(max_length=500)]) -> JSONResponse:
        found = run(queries.document_detail, ref)
        if found is None:
            raise HTTPException(404, f"no document {ref!r}")
        return _json(found)

    @app.get("/api/quotes", tags=["quotes"], response_model=models.QuotePage, responses=ERRORS,
             summary="Direct quotes, newest documents first")
    def quotes(
               q: Annotated[str | None, Query(max_length=200, description="quote contains")] = None,
               speaker: Annotated[str | None, Query(max_length=200, description="speaker contains")] = None,
               doc_id: Annotated[str | None, Query(max_length=500)] = None,
               since: date | None = None, until: date | None = None, limit: Limit = 50,
               offset: Offset = 0) -> JSONResponse:
        return _json(run(queries.quotes_page, q, speaker, doc_id, _iso(since), _iso(until), limit, offset))

    # --- ingestion ------------------------------------------------------------------------------------
    bearer = HTTPBearer(auto_error=False, description="the token given to 'hending serve --token'")

    @app.post("/api/ingest", tags=["ingest"], response_model=models.IngestResult,
              responses={400: {"model": models.Error}, 401: {"model": models.Error},
                         403: {"model": models.Error}, 413: {"model": models.Error}},
              summary="Analyse and store documents (needs the server's token)",
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/x-ndjson": {
                      "schema": {"type": "string"},
                      "example": '{"id": "a1", "published": "2017-03-02", "text": "..."}\n'},
                  "application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}}})
    async def ingest(request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None,
                     Depends(bearer)]) -> JSONResponse:
        """JSON Lines or a JSON array of documents (``id``, ``text``, ``published``, optional ``url``,
        ``title``, ``outlet``), as ``hending ingest`` reads them. Idempotent: documents already stored
        are counted as ``unchanged``; bad documents are counted in ``skipped`` and kept in ``errors``."""
        if token is None:
            raise HTTPException(403, "ingestion is disabled: start the server with --token to enable it")
        if credentials is None:
            raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
            raise HTTPException(403, "wrong token")
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > MAX_INGEST_BYTES:
            raise HTTPException(413, f"body larger than {MAX_INGEST_BYTES} bytes")
        body = await request.body()
        if len(body) > MAX_INGEST_BYTES:
            raise HTTPException(413, f"body larger than {MAX_INGEST_BYTES} bytes")
        lines = _jsonl(body)
        with tempfile.TemporaryDirectory(prefix="hending-ingest-") as tmp:
            path = Path(tmp) / "http-ingest.jsonl"
            path.write_bytes(lines)
            summary = await run_in_threadpool(store.ingest, [str(path)])
        return _json({"read": summary.read, "stored": summary.stored, "replaced": summary.replaced,
                      "unchanged": summary.unchanged, "duplicates": summary.duplicates,
                      "skipped": dict(summary.skipped), "events": dict(summary.events),
                      "seconds": round(summary.seconds, 3)})

    return app


def _jsonl(body: bytes) -> bytes:
    """The request body as JSON Lines (a JSON array is rewritten one object per line)."""
    stripped = body.strip()
    if not stripped:
        raise HTTPException(400, "empty body: send JSON Lines or a JSON array of documents")
    if stripped.startswith(b"["):
        try:
            docs = json.loads(stripped)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise HTTPException(400, f"malformed JSON array: {exc}") from None
        if not docs:
            raise HTTPException(400, "empty array: no documents")
        return b"".join(json.dumps(d, ensure_ascii=False).encode() + b"\n" for d in docs)
    return stripped + b"\n"
