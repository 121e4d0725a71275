# Two entry points for a fresh machine with Python 3.11 and make: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DRAFT := fixtures/synthetic/scr-02.docx
DEMO_CONFIG := fixtures/synthetic/scr-02.report.yaml
DEMO_OUT := out/demo

.PHONY: demo test lint install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"

demo: install
	$(BIN)/redact run $(DEMO_DRAFT) --config $(DEMO_CONFIG) --out $(DEMO_OUT)

test: install-dev
	$(BIN)/ruff check redact tests fixtures benchmarks tools
	$(BIN)/pytest

lint: install-dev
	$(BIN)/ruff check redact tests fixtures benchmarks tools
	$(BIN)/ruff format --check redact tests fixtures benchmarks

clean:
	rm -rf $(VENV) build *.egg-info
