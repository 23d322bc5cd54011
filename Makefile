# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install lint clean browser-deps system-packages

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,pdf]'
	touch $(STAMP)

install: $(STAMP)

# Findings in the real contracts are expected (exit 1); only a failure of the tool itself (exit 2) fails the run.
# `render` renders every contract that loads to site/ (index.html is the portfolio), and the same
# as A4 PDFs next to them (zorg.pdf beside zorg.html, index.pdf); it exits 1 when a contract had
# to be skipped because of errors, which the check above already reports.
run: install
	bash .ci/system-packages pdf
	$(BIN)/programmatool check programmas/ ; status=$$?; [ $$status -le 1 ]
	$(BIN)/programmatool render programmas/ --format html --out site/ ; status=$$?; [ $$status -le 1 ]
	$(BIN)/programmatool render programmas/ --format pdf --out site/ ; status=$$?; [ $$status -le 1 ]

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy --strict src

test: lint
	-bash .ci/system-packages pdf pdf-tests
	$(BIN)/pytest -q

# The Debian packages for PDF documents and their tests (as root, or through sudo; see the script).
system-packages:
	bash .ci/system-packages pdf pdf-tests

# axe-core for the browser tests (Chromium itself comes from Debian: apt-get install chromium).
browser-deps:
	cd tests/browser && npm ci --no-audit --no-fund

clean:
	rm -rf $(VENV) build dist site .pytest_cache .mypy_cache .ruff_cache tests/artifacts
