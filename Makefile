# The two commands (see README): `make example` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: example test lint benchmark clean

$(VENV)/.runtime: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test: $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## Set up and map the bundled example reports into campmap-out/
example: $(VENV)/.runtime
	$(BIN)/campmap map -o campmap-out
	@echo "open campmap-out/map.html in a browser"

## Set up and run the whole test suite: lint, types, unit, end-to-end, browser, notebook
test: $(VENV)/.test lint
	$(BIN)/python -m pytest

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## Compare the map with geopandas' explore() at 1k, 10k and 100k sites (needs chromium)
benchmark: $(VENV)/.test
	$(BIN)/python -m pip install --quiet -e '.[benchmark]'
	$(BIN)/python benchmarks/map_scale.py

clean:
	rm -rf $(VENV) campmap-out .pytest_cache .mypy_cache .ruff_cache
