# Two entry points for a fresh machine with Python 3.11 and make: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DRAFT := fixtures/synthetic/scr-01.docx

.PHONY: demo test lint install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"

demo: install
	$(BIN)/redact detect $(DEMO_DRAFT)

test: install-dev
	$(BIN)/ruff check redact tests fixtures benchmarks
	$(BIN)/pytest

lint: install-dev
	$(BIN)/ruff check redact tests fixtures benchmarks
	$(BIN)/ruff format --check redact tests fixtures benchmarks

clean:
	rm -rf $(VENV) build *.egg-info
