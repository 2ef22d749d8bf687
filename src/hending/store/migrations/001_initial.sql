-- Hending event store, schema version 1.
-- One row per document (keyed by a content hash), child tables keyed by (doc_key, n).
-- Offsets (start_char/end_char) are character offsets into documents.text.

CREATE TABLE documents (
    doc_key             VARCHAR PRIMARY KEY,   -- sha256 of id + text (first 32 hex digits)
    id                  VARCHAR NOT NULL,
    source              VARCHAR,
    lang                VARCHAR,
    published           VARCHAR,               -- YYYY-MM-DD or YYYY-MM
    published_precision VARCHAR,               -- day | month
    published_origin    VARCHAR,               -- published | url | header
    url                 VARCHAR,
    title               VARCHAR,
    outlet              VARCHAR,
    text                VARCHAR NOT NULL,
    pipeline_version    VARCHAR NOT NULL,
    ingested_at         TIMESTAMP NOT NULL,
    record              JSON                   -- the full document contract object
);

CREATE TABLE sentences (doc_key VARCHAR NOT NULL, n INTEGER NOT NULL, start_char INTEGER, end_char INTEGER);

CREATE TABLE entities (
    doc_key VARCHAR NOT NULL, n INTEGER NOT NULL,
    text VARCHAR, label VARCHAR, start_char INTEGER, end_char INTEGER
);

CREATE TABLE times (
    doc_key VARCHAR NOT NULL, n INTEGER NOT NULL,
    text VARCHAR, start_char INTEGER, end_char INTEGER,
    value VARCHAR, range_start DATE, range_end DATE, granularity VARCHAR, anchor VARCHAR
);

CREATE TABLE places (
    doc_key VARCHAR NOT NULL, n INTEGER NOT NULL,
    text VARCHAR, start_char INTEGER, end_char INTEGER,
    geonameid BIGINT, name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, feature VARCHAR,
    role VARCHAR, qualifier JSON
);

CREATE TABLE quotes (
    doc_key VARCHAR NOT NULL, n INTEGER NOT NULL,
    text VARCHAR, start_char INTEGER, end_char INTEGER,
    speaker_text VARCHAR, speaker_name VARCHAR, speaker_start INTEGER, speaker_end INTEGER
);

CREATE TABLE events (
    doc_key VARCHAR NOT NULL, n INTEGER NOT NULL,
    event_id VARCHAR NOT NULL,                 -- doc_key:n
    type VARCHAR, mode VARCHAR, acled_event_type VARCHAR, acled_sub_event_type VARCHAR,
    trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    sentence_text VARCHAR, sentence_start INTEGER, sentence_end INTEGER,
    actor_text VARCHAR, actor_name VARCHAR, actor_country VARCHAR, actor_sector VARCHAR,
    actor_start INTEGER, actor_end INTEGER,
    recipient_text VARCHAR, recipient_name VARCHAR, recipient_country VARCHAR, recipient_sector VARCHAR,
    recipient_start INTEGER, recipient_end INTEGER,
    location_text VARCHAR, location_name VARCHAR, location_geonameid BIGINT, location_country VARCHAR,
    location_feature VARCHAR, lat DOUBLE, lon DOUBLE, location_start INTEGER, location_end INTEGER,
    location_qualifier JSON,
    date_start DATE, date_end DATE, date_precision VARCHAR, date_text VARCHAR,
    attributed_to VARCHAR, attributed_text VARCHAR, attributed_start INTEGER, attributed_end INTEGER,
    negated BOOLEAN, hypothetical BOOLEAN, historical BOOLEAN, fatalities INTEGER, confidence DOUBLE,
    record JSON
);

CREATE TABLE errors (
    source VARCHAR NOT NULL, line INTEGER, kind VARCHAR NOT NULL, reason VARCHAR, doc_id VARCHAR,
    first_seen TIMESTAMP, last_seen TIMESTAMP, run_id VARCHAR
);

CREATE TABLE runs (
    run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, pipeline_version VARCHAR,
    paths VARCHAR, documents_read INTEGER, stored INTEGER, replaced INTEGER, unchanged INTEGER,
    skipped INTEGER
);
