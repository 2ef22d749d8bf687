"""The reader: formats, dates, language, and every bad-input case (located error, batch goes on)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hending.read import ReadError, SourceDocument, identify, read_paths


def docs_and_errors(paths) -> tuple[list[SourceDocument], list[ReadError]]:
    items = list(read_paths(paths))
    docs = [i for i in items if isinstance(i, SourceDocument)]
    return docs, [i for i in items if isinstance(i, ReadError)]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_reference_article_header_same_line(palmyra):
    docs, errors = docs_and_errors([palmyra])
    assert not errors
    (doc,) = docs
    assert doc.id == "examples/palmyra-2017-03"
    assert doc.published.value == "2017-03" and doc.published.precision == "month"
    assert doc.text.startswith("Russland har støttet de syriske regjeringsstyrkene")
    assert "date 2017" not in doc.text


def test_day_header_and_body_on_next_line(tmp_path):
    p = write(tmp_path / "a" / "x.txt", "\n  date 2017-03-02\nOslo: Det snødde i går.\n")
    (doc,), errors = docs_and_errors([p])
    assert not errors
    assert doc.published.value == "2017-03-02" and doc.published.precision == "day"
    assert doc.text == "Oslo: Det snødde i går."


def test_jsonl_fields_and_date_precedence(tmp_path):
    lines = [
        {"id": "p", "text": "Det var ikke lett.", "published": "2017-03-02", "url": "https://x.no/2016/01/05/a"},
        {"id": "u", "text": "Det var ikke lett.", "url": "https://www.vg.no/nyheter/2017/03/02/sak/"},
        {"id": "h", "text": "date 2017-03 Det var ikke lett.", "title": "T", "outlet": "ntb"},
        {"text": "Det var ikke lett.", "published": "2017-03-02T10:15:00+01:00"},
    ]
    p = write(tmp_path / "in.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    docs, errors = docs_and_errors([p])
    assert not errors
    by = {d.id: d for d in docs}
    assert by["p"].published.value == "2017-03-02" and by["p"].published.origin == "published"
    assert by["u"].published.value == "2017-03-02" and by["u"].published.origin == "url"
    assert by["h"].published.value == "2017-03" and by["h"].published.precision == "month"
    assert by["h"].text == "Det var ikke lett." and by["h"].title == "T" and by["h"].outlet == "ntb"
    assert by["in:4"].published.value == "2017-03-02" and by["in:4"].line == 4


def test_directories_are_read_recursively_in_order(tmp_path):
    write(tmp_path / "d" / "b" / "2.txt", "date 2017-01 Det er ikke sant.")
    write(tmp_path / "d" / "a.txt", "date 2017-02 Det er ikke sant.")
    write(tmp_path / "d" / "c.jsonl", json.dumps({"id": "j", "text": "date 2017-03 Hei og hå."}))
    write(tmp_path / "d" / ".hidden.txt", "date 2017-02 skjult")
    docs, errors = docs_and_errors([tmp_path / "d"])
    assert not errors
    assert [d.id for d in docs] == ["d/a", "b/2", "j"]


BAD_TEXT_FILES = {
    "latin1.txt": ("date 2017-03 Det var en fin dag på Ålesund.".encode("latin-1"), "decode", 1),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", None),
    "noheader.txt": ("Russland har støttet de syriske regjeringsstyrkene.", "header", 1),
    "badheader.txt": ("date 2017-13 Russland har støttet.", "header", 1),
    "wordheader.txt": ("date mars 2017 Russland har støttet.", "header", 1),
    "empty.txt": ("   \n\n", "empty", None),
    "headeronly.txt": ("date 2017-03\n\n", "empty", 1),
}


@pytest.mark.parametrize("name", sorted(BAD_TEXT_FILES))
def test_bad_text_file_is_reported_and_batch_goes_on(tmp_path, name):
    data, kind, line = BAD_TEXT_FILES[name]
    bad = write(tmp_path / "in" / name, data)
    good = write(tmp_path / "in" / "zz-good.txt", "date 2017-03 Det er ikke noe galt her.")
    docs, errors = docs_and_errors([tmp_path / "in"])
    assert [d.source for d in docs] == [str(good)]
    (err,) = errors
    assert err.source == str(bad) and err.kind == kind and err.line == line
    assert str(bad) in str(err) and err.reason


def test_decode_error_names_line_and_column(tmp_path):
    p = write(tmp_path / "x.txt", b"date 2017-03\nFin linje.\nP\xe5 ny linje.\n")
    (err,) = list(read_paths([p]))
    assert err.kind == "decode" and err.line == 3 and "column 2" in err.reason


def test_bad_jsonl_lines_are_reported_with_line_numbers(tmp_path):
    lines = [
        json.dumps({"id": "ok1", "text": "Det var ikke lett.", "published": "2017-03-02"}),
        '{"id": "broken", "text": "Det var',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "notext", "published": "2017-03-02"}),
        json.dumps({"id": "blank", "text": "   ", "published": "2017-03-02"}),
        json.dumps({"id": "nodate", "text": "Det var ikke lett."}),
        json.dumps({"id": "baddate", "text": "Det var ikke lett.", "published": "i går"}),
        "",
        json.dumps({"id": "ok2", "text": "Det var ikke lett.", "published": "2017-03"}),
    ]
    data = "\n".join(lines).encode() + b"\n" + b'{"id": "latin", "text": "p\xe5", "published": "2017-03"}\n'
    p = write(tmp_path / "in.jsonl", data)
    docs, errors = docs_and_errors([p])
    assert [d.id for d in docs] == ["ok1", "ok2"]
    assert [(e.line, e.kind) for e in errors] == [
        (2, "json"), (3, "json"), (4, "json"), (5, "empty"), (6, "date"), (7, "date"), (10, "decode"),
    ]
    assert all(e.source == str(p) for e in errors)


def test_missing_and_unreadable_paths(tmp_path):
    missing = tmp_path / "nope.txt"
    unreadable = write(tmp_path / "locked.txt", "date 2017-03 Det er ikke lett.")
    unreadable.chmod(0)
    items = list(read_paths([missing, unreadable]))
    assert items[0].kind == "unreadable" and "no such file" in items[0].reason
    if isinstance(items[1], ReadError):  # root can read anything; others get a clean error
        assert items[1].kind == "unreadable"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Regjeringen vil ikke si noe om hva som skjer etter valget, sier statsministeren.", "nb"),
        ("Regjeringa vil ikkje seie noko om kva som skjer etter valet, seier statsministeren.", "nn"),
        ("Eg trur ho kjem heim i morgon, men det er ikkje sikkert.", "nn"),
        ("Jeg tror hun kommer hjem i morgen, men det er ikke sikkert.", "nb"),
        ("The government declined to comment on what happens after the election.", "other"),
        ("Die Regierung wollte sich nicht dazu äußern, was nach der Wahl passiert.", "other"),
    ],
)
def test_language_identification(text, lang):
    assert identify(text) == lang


def test_norsumm_reads_without_errors(norsumm):
    docs, errors = docs_and_errors([norsumm])
    assert len(docs) == 30 and not errors
    assert all(d.published.precision == "day" for d in docs)


def test_parquet_rows_are_documents_and_bad_rows_are_reported(tmp_path):
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "id": ["a", "b", "c"],
        "text": ["Hæren tok seg inn i Palmyra onsdag kveld.", None, "Regjeringen avviste kravet."],
        "published": [datetime.date(2017, 3, 2), datetime.date(2017, 3, 2), None],
        "url": [None, None, "https://www.nrk.no/2017/03/05/sak"],
    })
    path = tmp_path / "sub" / "news.parquet"
    path.parent.mkdir()
    pq.write_table(table, path)
    docs, errors = docs_and_errors([tmp_path])  # directories pick up .parquet files too
    assert [d.id for d in docs] == ["a", "c"]
    assert str(docs[0].published.value) == "2017-03-02" and str(docs[1].published.value) == "2017-03-05"
    assert [(e.line, e.kind, e.id) for e in errors] == [(2, "json", "b")]
    assert errors[0].source == str(path)


def test_a_file_that_is_not_parquet_is_reported(tmp_path):
    path = write(tmp_path / "broken.parquet", b"not parquet at all")
    docs, errors = docs_and_errors([path])
    assert docs == [] and [(e.kind, e.line) for e in errors] == [("parquet", None)]
