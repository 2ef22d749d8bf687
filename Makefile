# Hending — set-up, main job and tests. See README.md.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
NORNE ?= ../shared/data/norne
SAMPLE ?= ../shared/examples/palmyra-2017-03.txt ../shared/corpus/norsumm-dev.jsonl
DB ?= hending.duckdb
REFERENCE_ID ?= examples/palmyra-2017-03

.PHONY: install run test serve browser model train-data clean

$(BIN)/hending: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,ray]"
	touch $(BIN)/hending

install: $(BIN)/hending

## The main job on the bundled sample: ingest into the embedded DuckDB store, print the summary
## and the reference article's events.
run: install
	$(BIN)/hending ingest $(SAMPLE) --db $(DB)
	$(BIN)/hending query --db $(DB) --doc-id $(REFERENCE_ID) --limit 100

test: install browser
	$(BIN)/ruff check src tests training eval benchmarks
	$(BIN)/python -m pytest

## The explorer (web page + REST API) over the store: http://127.0.0.1:8000/
serve: install
	$(BIN)/hending serve --db $(DB)

## Debian's Chromium for the end-to-end browser tests (idempotent).
browser:
	bash scripts/install-browser.sh

## Rebuild the shipped language pipeline from NorNE (about 1.5 h on 2 cores).
train-data: install
	$(BIN)/python training/convert_ndt.py --norne $(NORNE) --out training/corpus

model: train-data
	$(BIN)/python -m spacy train training/configs/nor.cfg --paths.train training/corpus/train \
	  --paths.dev training/corpus/dev --training.max_steps 9000 --output training/output/nor
	$(BIN)/python -m spacy train training/configs/ner.cfg --paths.train training/corpus/train \
	  --paths.dev training/corpus/dev --training.max_steps 6000 --output training/output/ner
	$(BIN)/python training/package.py training/output/nor/model-best src/hending/models/nor \
	  --ner-from training/output/ner/model-best

clean:
	rm -rf $(VENV) build training/corpus training/output
