"""``hending ingest --engine ray``: the same pipeline on a Ray cluster (Ray Data).

The driver reads the input with :func:`hending.read.read_paths` (identical reader behaviour and
error reporting to the local engine), drops duplicate documents by content hash
(:func:`hending.store.rows.document_key`) and hands the documents to Ray Data. The analysis runs in
stateful actors (``map_batches`` with an actor class) that load the language pipelines once per
actor. Results stream back to the driver, which keeps every document exactly once (by content hash,
so a batch re-run after a worker failure can never produce a second copy) and writes:

* ``OUT/events/month=YYYY-MM/*.parquet`` — one row per event in the export schema
  (:data:`hending.export.records.EXPORT_SELECT`, the same as ``hending export --format parquet``);
* ``OUT/documents.parquet`` — one row per document, including the full contract record (JSON);
* ``OUT/errors.parquet`` — read and language errors.

:func:`load_parquet` loads such an output directory into a DuckDB store.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from hending.read import ReadError, SourceDocument, read_paths
from hending.read.document import Published
from hending.store.rows import document_key

ACTOR_CPUS = 0.9  # fractional: whole-CPU actors can starve Ray Data's own tasks on small machines
BATCH_SIZE = 16
CRASH_ENV = "HENDING_RAY_CRASH_ONCE"  # tests: path of a marker file; the first batch kills its worker


def _doc_to_json(doc: SourceDocument) -> str:
    return json.dumps({"id": doc.id, "source": doc.source, "line": doc.line, "text": doc.text,
                       "published": doc.published.as_dict(), "url": doc.url, "title": doc.title,
                       "outlet": doc.outlet, "extra": doc.extra}, ensure_ascii=False)


def _doc_from_json(raw: str) -> SourceDocument:
    d = json.loads(raw)
    return SourceDocument(id=d["id"], source=d["source"], line=d["line"], text=d["text"],
                          published=Published(**d["published"]), url=d["url"], title=d["title"],
                          outlet=d["outlet"], extra=d["extra"] or {})


class Analyser:
    """Ray Data actor: loads the language pipelines once, then analyses batches of documents."""

    def __init__(self) -> None:
        from hending.analyse.pipeline import load_pipeline

        load_pipeline("nb")

    def __call__(self, batch: dict) -> dict:
        from hending.process import analyse

        crash = os.environ.get(CRASH_ENV)
        if crash and not os.path.exists(crash):  # fault injection for tests: die once, mid-run
            Path(crash).touch()
            os._exit(1)

        docs = [_doc_from_json(raw) for raw in batch["doc"]]
        keys, kinds, payloads = [], [], []
        for key, result in zip(batch["doc_key"], analyse(docs, batch_size=len(docs) or 1), strict=True):
            keys.append(str(key))
            if isinstance(result, ReadError):
                kinds.append("error")
                payloads.append(json.dumps(result.as_dict(), ensure_ascii=False))
            else:
                kinds.append("record")
                payloads.append(json.dumps(result, ensure_ascii=False))
        return {"doc_key": keys, "kind": kinds, "payload": payloads}


def _local_paths(paths: Iterable[str], tmp: Path) -> list[str]:
    """fsspec URLs (``s3://``, ``gs://``, ``memory://`` …) are copied to ``tmp``; local paths pass through."""
    out = []
    for n, raw in enumerate(map(str, paths)):
        if "://" not in raw or raw.startswith("file://"):
            out.append(raw.removeprefix("file://"))
            continue
        import fsspec

        fs, root = fsspec.core.url_to_fs(raw)
        dest = tmp / f"input-{n}"
        if fs.isdir(root):
            fs.get(root.rstrip("/") + "/", str(dest), recursive=True)
        else:
            dest.mkdir(parents=True)
            dest = dest / Path(root).name
            fs.get(root, str(dest))
        out.append(str(dest))
    return out


def init_ray(address: str | None = None, workers: int = 2) -> bool:
    """Connect to ``address`` (an existing cluster) or start a local one; True if we started it."""
    import ray

    if ray.is_initialized():
        return False
    if address:
        ray.init(address=address, log_to_driver=False)
    else:
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
    return True


def run_ray(paths: list[str], out_dir: str | Path, workers: int = 2, address: str | None = None,
            batch_size: int = BATCH_SIZE, actor_cpus: float = ACTOR_CPUS) -> dict:
    """Analyse ``paths`` with Ray Data and write Parquet into ``out_dir``; return a summary dict."""
    import ray

    from hending.export.parquet import export_parquet
    from hending.store.database import connect
    from hending.store.query import EventQuery
    from hending.store.writer import write_documents, write_errors

    started = time.monotonic()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    summary: dict = {"engine": "ray", "workers": workers, "address": address, "read": 0, "duplicates": 0,
                     "documents": 0, "events": 0, "skipped": Counter(), "event_types": Counter()}
    run_id = "ray-" + uuid.uuid4().hex[:12]
    tmp = Path(tempfile.mkdtemp(prefix="hending-ray-"))
    started_ray = init_ray(address, workers)
    try:
        con = connect(tmp / "stage.duckdb")
        # 1. Read on the driver: same reader, same errors, duplicates dropped by content hash.
        items, seen, read_errors = [], set(), []
        for item in read_paths(_local_paths(paths, tmp)):
            if isinstance(item, ReadError):
                read_errors.append(item)
                continue
            summary["read"] += 1
            key = document_key(item.id, item.text)
            if key in seen:
                summary["duplicates"] += 1
                continue
            seen.add(key)
            items.append({"doc_key": key, "doc": _doc_to_json(item)})
        write_errors(con, read_errors, run_id)
        summary["skipped"].update(e.kind for e in read_errors)
        t_analyse = time.monotonic()
        # 2. Analyse in stateful actors (models load once per actor). Actors are restarted and their
        #    tasks retried if a worker dies; the driver keeps each document once whatever happens.
        received: set[str] = set()
        if items:
            ds = ray.data.from_items(items, override_num_blocks=max(1, -(-len(items) // batch_size)))
            remote_args: dict = {"max_restarts": -1, "max_task_retries": -1}
            if os.environ.get(CRASH_ENV):
                remote_args["runtime_env"] = {"env_vars": {CRASH_ENV: os.environ[CRASH_ENV]}}
            ds = ds.map_batches(Analyser, batch_size=batch_size, concurrency=workers, num_cpus=actor_cpus,
                                batch_format="numpy", **remote_args)
            pending: list[dict] = []
            for row in ds.iter_rows():
                key = row["doc_key"]
                if key in received:
                    continue
                received.add(key)
                if row["kind"] == "error":
                    err = ReadError(**json.loads(row["payload"]))
                    write_errors(con, [err], run_id)
                    summary["skipped"][err.kind] += 1
                    continue
                record = json.loads(row["payload"])
                summary["event_types"].update(ev.get("type") for ev in record.get("events", []))
                pending.append(record)
                if len(pending) >= 64:
                    write_documents(con, pending)
                    pending = []
            write_documents(con, pending)
        missing = seen - received
        if missing:
            raise RuntimeError(f"{len(missing)} documents were lost by the Ray job")
        summary["analyse_seconds"] = time.monotonic() - t_analyse
        # 3. Write Parquet in the export schema (same SQL as ``hending export --format parquet``).
        summary["events"] = export_parquet(con, EventQuery(), out / "events")
        summary["documents"] = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        for table in ("documents", "errors"):
            target = str(out / f"{table}.parquet").replace("'", "''")
            con.execute(f"COPY (SELECT * FROM {table} ORDER BY ALL) TO '{target}' (FORMAT PARQUET)")
        con.close()
    finally:
        if started_ray:
            ray.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    summary["seconds"] = time.monotonic() - started
    summary["docs_per_second"] = summary["documents"] / summary["seconds"] if summary["seconds"] else 0.0
    summary["skipped"] = dict(summary["skipped"])
    summary["event_types"] = dict(summary["event_types"])
    return summary


def load_parquet(out_dir: str | Path, db: str | Path) -> dict:
    """Load a :func:`run_ray` output directory into the DuckDB store ``db`` (idempotent)."""
    import duckdb

    from hending.store.database import connect
    from hending.store.search import rebuild_indexes
    from hending.store.writer import write_documents, write_errors

    out = Path(out_dir)
    reader = duckdb.connect()
    docs = reader.execute("SELECT record FROM read_parquet(?) ORDER BY doc_key",
                          [str(out / "documents.parquet")])
    con = connect(db)
    run_id = "ray-load-" + uuid.uuid4().hex[:12]
    new = replaced = 0
    try:
        while rows := docs.fetchmany(64):
            n, r = write_documents(con, [json.loads(row[0]) for row in rows])
            new, replaced = new + n, replaced + r
        errors_file = out / "errors.parquet"
        errors = []
        if errors_file.exists():
            errors = [ReadError(source=s, line=ln, kind=k, reason=why, id=i) for s, ln, k, why, i in
                      reader.execute("SELECT source, line, kind, reason, doc_id FROM read_parquet(?)",
                                     [str(errors_file)]).fetchall()]
            write_errors(con, errors, run_id)
        rebuild_indexes(con)
    finally:
        con.close()
        reader.close()
    return {"stored": new, "replaced": replaced, "errors": len(errors)}
