# The two commands (see README): `make example` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: example test lint system-packages benchmark clean

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

## Set up and run the whole test suite: lint, types, unit, end-to-end, browser, QGIS, notebook
test: system-packages
	@$(MAKE) --no-print-directory lint
	$(BIN)/python -m pytest

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## Debian's chromium and python3-qgis (and python3-venv), which the browser and QGIS tests run
## (as tests/test_browser.py and tests/test_qgis.py look for them): installed when missing, as
## root; otherwise named, with the command to run, and those tests skip until then
system-packages:
	@need=""; \
	command -v chromium >/dev/null 2>&1 || need="$$need chromium"; \
	/usr/bin/python3 -c "import qgis.core" >/dev/null 2>&1 || need="$$need python3-qgis"; \
	[ -x $(BIN)/python ] || $(PYTHON) -c "import ensurepip" >/dev/null 2>&1 \
	  || need="$$need python3-venv"; \
	if [ -z "$$need" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "make test: installing$$need (apt-get)"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends $$need >/dev/null \
	    || { echo "make test: apt-get could not install$$need" >&2; exit 1; }; \
	else \
	  echo "make test: not installed:$$need (Debian packages). To run the tests that need" \
	    "them, run as root: apt-get install --no-install-recommends$$need" \
	    "(or run make test as root, which does); until then those tests skip." >&2; \
	fi

## Compare the map with geopandas' explore() at 1k, 10k and 100k sites (needs chromium)
benchmark: $(VENV)/.test
	$(BIN)/python -m pip install --quiet -e '.[benchmark]'
	$(BIN)/python benchmarks/map_scale.py

clean:
	rm -rf $(VENV) campmap-out .pytest_cache .mypy_cache .ruff_cache
