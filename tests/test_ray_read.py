"""The Ray engine's read stage: local and fsspec inputs listed and read like the local reader."""

from __future__ import annotations

import pickle
from pathlib import Path

import fsspec
import pytest

from hending.engines.ray_read import ReadFiles, is_url, list_inputs, read_file
from hending.read import ReadError, SourceDocument, read_paths

ROOT = Path(__file__).resolve().parents[1]
PALMYRA = ROOT.parent / "shared" / "examples" / "palmyra-2017-03.txt"

pytestmark = pytest.mark.skipif(not PALMYRA.exists(), reason="sample corpus absent")


@pytest.fixture()
def memory_dir():
    fs = fsspec.filesystem("memory")
    fs.pipe("/news/examples/palmyra-2017-03.txt", PALMYRA.read_bytes())
    fs.pipe("/news/examples/nodate.txt", b"Ingen dato.\n")
    fs.pipe("/news/.hidden.txt", b"date 2017-03\nskjult")
    fs.pipe("/news/.cache/old.txt", b"date 2017-03\nskjult")
    fs.pipe("/news/examples/table.csv", b"a,b")
    yield "memory:///news"
    fs.rm("/news", recursive=True)


def test_urls_and_local_paths_are_told_apart():
    assert is_url("s3://bucket/a.jsonl") and is_url("memory:///x")
    assert not is_url("/data/a.jsonl") and not is_url("file:///data/a.jsonl")


def test_local_inputs_are_listed_like_the_reader(tmp_path):
    (tmp_path / "b.txt").write_text("date 2017-03\nB", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text("", encoding="utf-8")
    (tmp_path / ".skip.txt").write_text("", encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    expected = [str(tmp_path / "a.jsonl"), str(tmp_path / "b.txt"), missing]
    assert list_inputs([str(tmp_path), missing]) == expected


def test_fsspec_files_are_read_with_the_url_as_source(memory_dir):
    files = list_inputs([memory_dir])
    assert files == ["memory:///news/examples/nodate.txt", "memory:///news/examples/palmyra-2017-03.txt"]
    error, = read_file(files[0])
    assert isinstance(error, ReadError) and (error.source, error.line, error.kind) == (files[0], 1, "header")
    doc, = read_file(files[1])
    local, = read_paths([PALMYRA])
    assert isinstance(doc, SourceDocument) and doc.source == files[1]
    assert (doc.id, doc.text, doc.published) == (local.id, local.text, local.published)


def test_read_rows_mark_what_this_version_has_stored(monkeypatch):
    from hending.store.rows import document_key

    local, = read_paths([PALMYRA])
    key = document_key(local.id, local.text)
    reader = ReadFiles(stored=None)
    monkeypatch.setattr(reader, "_stored", lambda: frozenset({key}))
    chunks = list(reader({"path": [str(PALMYRA), "/no/such/file.txt"]}))
    rows = {k: chunks[0][k] + chunks[1][k] for k in chunks[0]}
    assert rows["key"] == [key, ""] and rows["stored"] == [True, False]
    assert pickle.loads(rows["item"][0]) == local
    assert pickle.loads(rows["item"][1]).kind == "unreadable"
