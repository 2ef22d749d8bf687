"""Query latency of the event store on N synthetic events (default 100,000).

Usage: python benchmarks/store_queries.py [--events 100000] [--db /tmp/hending-bench.duckdb]
Builds a store with synthetic documents and events (random types, actors, places, dates), builds
the full-text index, then times each filter of ``hending query`` (median of 5 runs). Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

import pyarrow as pa

from hending.store.database import connect
from hending.store.query import EventQuery, count_events, query_events
from hending.store.search import rebuild_indexes

TYPES = [
    "ASSAULT",
    "MOBILIZE",
    "RETREAT",
    "REQUEST",
    "REJECT",
    "ACCUSE",
    "CONSULT",
    "AGREE",
    "AID",
    "COERCE",
    "PROTEST",
    "SUPPORT",
    "THREATEN",
    "SANCTION",
    "COOPERATE",
    "CONCEDE",
]
ACTORS = [
    ("Russia", "RUS", "GOV"),
    ("Syrian government forces", "SYR", "MIL"),
    ("Islamic State", None, "REB"),
    ("Norwegian police", "NOR", "COP"),
    ("United Nations", None, "IGO"),
    ("Taliban", "AFG", "REB"),
    ("Israeli military", "ISR", "MIL"),
    ("Hamas", "PSE", "REB"),
    ("Labour Party", "NOR", "PTY"),
]
PLACES = [
    ("Tadmur", 163808, "SY", 34.56, 38.28),
    ("Aleppo", 170063, "SY", 36.20, 37.16),
    ("Mosul", 99072, "IQ", 36.34, 43.13),
    ("Kabul", 1138958, "AF", 34.53, 69.17),
    ("Oslo", 3143244, "NO", 59.91, 10.75),
    ("Gaza", 281133, "PS", 31.50, 34.47),
    ("Genève", 2660646, "CH", 46.20, 6.14),
    ("Bagdad", 98182, "IQ", 33.34, 44.40),
]
WORDS = [
    "regjeringsstyrkene",
    "angrep",
    "byen",
    "i",
    "natt",
    "og",
    "drepte",
    "minst",
    "ti",
    "sivile",
    "ifølge",
    "observatoriet",
    "mens",
    "opprørerne",
    "trakk",
    "seg",
    "tilbake",
    "til",
    "fjellene",
    "og",
    "politiet",
    "arresterte",
    "demonstranter",
]


def build(db: Path, n_events: int, seed: int = 7) -> None:
    """Fill a fresh store with ``n_events`` events over ``n_events // 10`` documents."""
    rng = random.Random(seed)
    if db.exists():
        db.unlink()
    con = connect(db)
    n_docs = max(1, n_events // 10)
    docs = [
        {
            "doc_key": f"d{i:08d}",
            "id": f"synthetic/{i}",
            "lang": "nb",
            "published": "2017-03-02",
            "published_precision": "day",
            "text": " ".join(rng.choices(WORDS, k=120)),
            "pipeline_version": "bench",
            "ingested_at": "2026-01-01 00:00:00",
        }
        for i in range(n_docs)
    ]
    events = []
    start = date(2010, 1, 1)
    for i in range(n_events):
        actor, recipient, place = rng.choice(ACTORS), rng.choice(ACTORS), rng.choice(PLACES)
        day = start + timedelta(days=rng.randrange(0, 5000))
        events.append(
            {
                "doc_key": f"d{i % n_docs:08d}",
                "n": i // n_docs,
                "event_id": f"d{i % n_docs:08d}:{i // n_docs}",
                "type": rng.choice(TYPES),
                "actor_name": actor[0],
                "actor_country": actor[1],
                "actor_sector": actor[2],
                "recipient_name": recipient[0],
                "recipient_country": recipient[1],
                "recipient_sector": recipient[2],
                "location_name": place[0],
                "location_geonameid": place[1],
                "location_country": place[2],
                "lat": place[3] + rng.uniform(-0.2, 0.2),
                "lon": place[4] + rng.uniform(-0.2, 0.2),
                "date_start": day,
                "date_end": day + timedelta(days=rng.choice([0, 0, 0, 6, 30])),
                "attributed_to": rng.choice([None, "SOHR", "NTB", "Reuters"]),
                "sentence_text": " ".join(rng.choices(WORDS, k=15)),
                "trigger_text": "angrep",
                "negated": False,
                "hypothetical": rng.random() < 0.05,
                "historical": rng.random() < 0.1,
            }
        )
    for table, rows in (("documents", docs), ("events", events)):
        arrow = pa.Table.from_pylist(rows)  # noqa: F841
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM arrow")
    rebuild_indexes(con)
    con.close()


QUERIES = {
    "type": EventQuery(type="ASSAULT"),
    "actor name": EventQuery(actor="islamic"),
    "actor country+sector": EventQuery(actor_country="SYR", actor_sector="MIL"),
    "recipient": EventQuery(recipient="Taliban"),
    "place": EventQuery(place="Tadmur"),
    "bounding box": EventQuery(bbox=(35.0, 32.0, 45.0, 38.0)),
    "radius 50 km": EventQuery(near=(34.56, 38.28, 50.0)),
    "date range": EventQuery(since="2015-05-01", until="2015-05-31"),
    "source": EventQuery(source="SOHR"),
    "text (stemmed)": EventQuery(text="arrestert"),
    "combined": EventQuery(
        type="ASSAULT", actor_country="SYR", since="2014-01-01", until="2016-12-31", place="Aleppo"
    ),
}


def main() -> None:
    """Build the synthetic store and time every filter."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/hending-bench.duckdb"))
    args = ap.parse_args()
    t0 = time.perf_counter()
    build(args.db, args.events)
    built = time.perf_counter() - t0
    con = connect(args.db, read_only=True)
    results = {}
    for name, query in QUERIES.items():
        page, count = [], []
        for _ in range(5):
            t = time.perf_counter()
            query_events(con, query)
            page.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            n = count_events(con, query)
            count.append((time.perf_counter() - t) * 1000)
        results[name] = {
            "page_median_ms": round(statistics.median(page), 1),
            "count_median_ms": round(statistics.median(count), 1),
            "matches": n,
        }
    print(
        json.dumps(
            {
                "events": args.events,
                "build_seconds": round(built, 1),
                "db_megabytes": round(args.db.stat().st_size / 1e6, 1),
                "queries": results,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
