# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install lint clean browser-deps goldens pdf-deps docs

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
	$(BIN)/programmatool render programmas/ --format html --out site/ --config programmas/programmatool.toml ; status=$$?; [ $$status -le 1 ]
	$(BIN)/programmatool render programmas/ --format pdf --out site/ --config programmas/programmatool.toml ; status=$$?; [ $$status -le 1 ]

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy --strict src
	$(BIN)/lint-imports

# The browser tests run too: browser-deps installs what they need where it can.
test: lint browser-deps pdf-deps
	$(BIN)/pytest -q

# The references in docs/ (commands, rules, kinds of change, fields) are generated from the code;
# a test checks that they are current.
docs: install
	$(BIN)/python -m programmatool.reference

# WeasyPrint's libraries and fonts for PDF documents and poppler-utils for their tests, from
# Debian as root (or through sudo); without root the script names the missing packages and the
# PDF tests skip (outside CI).
pdf-deps:
	@bash .ci/system-packages pdf pdf-tests || true

# The browser tests need Debian's Chromium and axe-core (npm), as .ci/run installs them: as root
# through apt-get when missing; without root a missing browser is reported and its tests skip
# (outside CI). An already-prepared machine downloads nothing.
AXE := tests/browser/node_modules/axe-core/axe.min.js
APT := DEBIAN_FRONTEND=noninteractive apt-get install -y -qq
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then \
	    if [ "$$(id -u)" -eq 0 ]; then apt-get update -qq && $(APT) chromium; \
	    else echo "make: chromium ontbreekt (als root: apt-get install chromium); de browsertests worden overgeslagen" >&2; fi; \
	fi
	@if [ ! -f $(AXE) ]; then \
	    if ! command -v npm >/dev/null 2>&1 && [ "$$(id -u)" -eq 0 ]; then apt-get update -qq && $(APT) npm; fi; \
	    if command -v npm >/dev/null 2>&1; then cd tests/browser && npm ci --no-audit --no-fund --silent; \
	    else echo "make: npm ontbreekt (als root: apt-get install npm); de browsertests worden overgeslagen" >&2; fi; \
	fi

# Writes tests/golden/documenten/ and tests/golden/diff/ anew from the current code; read `git diff tests/golden` after.
# A test run never does this: the tests compare and fail on any difference.
goldens: install
	$(BIN)/python -m tests.goldens
	$(BIN)/python -m tests.diff_goldens

clean:
	rm -rf $(VENV) build dist site .pytest_cache .mypy_cache .ruff_cache tests/artifacts
