# newsledger: `make run` sets everything up and runs the pipeline on raw/; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
STAMP := $(VENV)/.synced

.PHONY: run test lint install clean dev browser

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(STAMP): $(BIN)/uv pyproject.toml uv.lock
	$(BIN)/uv sync --frozen --python $(BIN)/python
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/pipeline run --raw raw --out outputs

browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || echo "chromium could not be installed: browser tests will skip"

test: install browser
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check pipeline schemas tests benchmarks
	$(BIN)/ruff format --check pipeline schemas tests benchmarks
	$(BIN)/mypy

dev: install
	$(BIN)/python -m pipeline.devserver

clean:
	rm -rf outputs/warehouse.duckdb outputs/datasets outputs/dagster outputs/snapshot.duckdb
