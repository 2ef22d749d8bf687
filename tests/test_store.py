"""The event store: idempotent, resumable after kill -9, bad input recorded, queries, read-only SQL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from hending.store import EventQuery, QueryError, connect, ingest
from hending.store.database import migrations, schema_version

CHILD_TABLES = ("sentences", "entities", "times", "places", "quotes", "events")


def make_corpus(norsumm: Path, dest: Path, copies: int) -> int:
    """Real NorSumm articles, repeated under distinct ids (distinct documents, same language)."""
    lines = norsumm.read_text(encoding="utf-8").splitlines()
    with open(dest, "w", encoding="utf-8") as out:
        for c in range(copies):
            for line in lines:
                rec = json.loads(line)
                rec["id"] = f"{rec['id']}#{c}"
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return copies * len(lines)


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = ("documents", *CHILD_TABLES)
        result = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        result["distinct_docs"] = con.execute("SELECT count(DISTINCT id) FROM documents").fetchone()[0]
        result["orphans"] = sum(
            con.execute(f"SELECT count(*) FROM {t} WHERE doc_key NOT IN (SELECT doc_key FROM documents)")
            .fetchone()[0] for t in CHILD_TABLES)
        result["docs_without_sentences"] = con.execute(
            "SELECT count(*) FROM documents WHERE doc_key NOT IN (SELECT doc_key FROM sentences)"
        ).fetchone()[0]
        return result
    finally:
        con.close()


def test_migrations_are_versioned(tmp_path):
    con = connect(tmp_path / "m.duckdb")
    assert schema_version(con) == max(v for v, _, _ in migrations())
    con.close()
    con = connect(tmp_path / "m.duckdb")  # re-opening applies nothing twice
    assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(migrations())


def test_double_ingest_adds_nothing(tmp_path, palmyra, norsumm):
    db = tmp_path / "e.duckdb"
    first = ingest([str(palmyra), str(norsumm)], db, workers=1)
    assert (first.read, first.stored, first.skipped_total) == (31, 31, 0)
    before = counts(db)
    second = ingest([str(palmyra), str(norsumm)], db, workers=1)
    assert (second.stored, second.replaced, second.unchanged) == (0, 0, 31)
    assert counts(db) == before
    assert before["documents"] == before["distinct_docs"] == 31 and before["orphans"] == 0


def test_upgrade_replaces_extractions_atomically(tmp_path, palmyra):
    db = tmp_path / "u.duckdb"
    ingest([str(palmyra)], db, workers=1)
    con = connect(db)
    con.execute("UPDATE documents SET pipeline_version = '0.0.0-old'")
    con.close()
    before = counts(db)
    again = ingest([str(palmyra)], db, workers=1)
    assert (again.stored, again.replaced) == (0, 1)
    assert counts(db) == before
    con = connect(db, read_only=True)
    assert con.execute("SELECT DISTINCT pipeline_version FROM documents").fetchall() != [("0.0.0-old",)]


def test_bad_input_lands_in_errors_and_batch_completes(tmp_path, palmyra):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(palmyra.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "latin1.txt").write_bytes("date 2017-03 Det snødde på Ålesund.".encode("latin-1"))
    (src / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (src / "noheader.txt").write_text("Det snødde i Oslo.", encoding="utf-8")
    (src / "badheader.txt").write_text("date 2017-13 Det snødde i Oslo.", encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "english.txt").write_text("date 2017-03 The snow fell all day long in Oslo and Bergen.",
                                     encoding="utf-8")
    (src / "lines.jsonl").write_text(
        '{"id": "ok", "text": "Det var ikke lett, sier han.", "published": "2017-03-02"}\n'
        '{"id": broken\n{"id": "nodate", "text": "Det var ikke lett."}\n{"id": "e", "text": ""}\n',
        encoding="utf-8")
    db = tmp_path / "b.duckdb"
    result = subprocess.run([sys.executable, "-m", "hending.cli", "ingest", str(src), "--db", str(db),
                             "--workers", "1"], capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr
    assert "skipped: 9" in result.stderr
    con = connect(db, read_only=True)
    errors = {(Path(s).name, line, kind) for s, line, kind in
              con.execute("SELECT source, line, kind FROM errors").fetchall()}
    assert errors == {("latin1.txt", 1, "decode"), ("binary.txt", None, "binary"),
                      ("noheader.txt", 1, "header"), ("badheader.txt", 1, "header"),
                      ("empty.txt", None, "empty"), ("english.txt", None, "language"),
                      ("lines.jsonl", 2, "json"), ("lines.jsonl", 3, "date"), ("lines.jsonl", 4, "empty")}
    assert sorted(r[0] for r in con.execute("SELECT id FROM documents").fetchall()) == ["in/good", "ok"]
    con.close()
    # Re-running records each error once.
    subprocess.run([sys.executable, "-m", "hending.cli", "ingest", str(src), "--db", str(db),
                    "--workers", "1"], capture_output=True, text=True, check=False)
    con = connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM errors").fetchone()[0] == 9


def test_kill_9_then_rerun_stores_every_document_once(tmp_path, norsumm):
    corpus = tmp_path / "corpus.jsonl"
    total = make_corpus(norsumm, corpus, copies=4)
    db = tmp_path / "k.duckdb"
    cmd = [sys.executable, "-m", "hending.cli", "ingest", str(corpus), "--db", str(db), "--workers", "1",
           "--batch-size", "4"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    # Kill once the first batches are committed (the WAL or the file has grown), mid-run.
    while time.monotonic() < deadline and proc.poll() is None:
        wal = Path(f"{db}.wal")
        if wal.exists() and wal.stat().st_size > 200_000:
            break
        time.sleep(0.05)
    time.sleep(1.0)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = counts(db)
    assert partial["orphans"] == 0 and partial["docs_without_sentences"] == 0
    if killed:
        assert partial["documents"] < total
    rerun = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    final = counts(db)
    assert final["documents"] == final["distinct_docs"] == total
    assert final["orphans"] == 0 and final["docs_without_sentences"] == 0


def test_two_workers_store_the_same_as_one(tmp_path, palmyra, norsumm):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    ingest([str(palmyra), str(norsumm)], one, workers=1)
    ingest([str(palmyra), str(norsumm)], two, workers=2, batch_size=4)
    query = ("SELECT d.id, e.text, e.label, e.start_char FROM entities e JOIN documents d USING (doc_key) "
             "ORDER BY 1, 4")
    rows = [duckdb.connect(str(p), read_only=True).execute(query).fetchall() for p in (one, two)]
    assert rows[0] == rows[1] and rows[0]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory, palmyra, norsumm) -> Path:
    db = tmp_path_factory.mktemp("db") / "sample.duckdb"
    ingest([str(palmyra), str(norsumm)], db, workers=1)
    return db


def test_query_rejects_bad_filters(sample_db):
    con = connect(sample_db, read_only=True)
    with pytest.raises(QueryError):
        EventQuery(bbox=(10, 10, 0, 0)).sql(con)
    with pytest.raises(QueryError):
        EventQuery(sort="nonsense").sql(con)
    with pytest.raises(QueryError):
        EventQuery(limit=0).sql(con)


def test_sql_is_read_only(sample_db):
    result = subprocess.run([sys.executable, "-m", "hending.cli", "sql", "--db", str(sample_db),
                             "DELETE FROM documents"], capture_output=True, text=True, check=False)
    assert result.returncode == 2 and "read-only" in result.stderr.lower()
    result = subprocess.run([sys.executable, "-m", "hending.cli", "sql", "--db", str(sample_db), "--format",
                             "json", "SELECT count(*) AS n FROM documents"], capture_output=True, text=True,
                            check=False)
    assert json.loads(result.stdout) == {"n": 31}


def test_norwegian_full_text_search_uses_stemming(sample_db):
    con = connect(sample_db, read_only=True)
    hits = con.execute("SELECT id FROM documents WHERE fts_main_documents.match_bm25(doc_key, ?) IS NOT NULL",
                       ["regjeringsstyrker"]).fetchall()
    assert ("examples/palmyra-2017-03",) in hits


def test_progress_estimate_counts_what_the_reader_reads(tmp_path, palmyra, norsumm):
    from hending.read import read_paths
    from hending.store.ingest import count_documents

    (tmp_path / ".hidden.txt").write_text("date 2017-03 skjult", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ikke en artikkel", encoding="utf-8")
    paths = [str(palmyra), str(norsumm), str(tmp_path), str(tmp_path / "missing.jsonl")]
    read = [i for i in read_paths(paths) if getattr(i, "kind", None) != "unreadable"]
    assert count_documents(paths) == len(read) == 31
