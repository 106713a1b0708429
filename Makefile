# newskg: two commands on a fresh machine with Python 3.11:
#   make demo   set up .venv, install, build the bundled example article into out/
#   make test   set up .venv (+ Debian chromium for the browser test), ruff + mypy, run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint browser clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build examples/hasakah-prison-break.txt --date 2026-01-23 --out out

# Debian's chromium for the browser tests, installed as root or with password-less sudo. Without either,
# a local run says what to do and the browser tests skip; CI (CI=true) fails instead of hiding that.
# apt waits up to 120 s for a dpkg lock held by another process (unattended-upgrades) instead of failing.
APT := apt-get -o DPkg::Lock::Timeout=120
CHROMIUM ?= /usr/bin/chromium
browser:
	@if [ -x $(CHROMIUM) ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else \
	  if [ "$$CI" = true ]; then echo "error: $(CHROMIUM) is missing and this CI run has no root or sudo to install it" >&2; exit 1; fi; \
	  echo "note: $(CHROMIUM) is missing and installing it needs root: the browser tests will be skipped."; \
	  echo "      Install it with: sudo $(APT) install -y chromium"; exit 0; fi; \
	echo "installing Debian chromium for the browser tests"; \
	$$SUDO $(APT) update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq chromium >/dev/null

lint: $(STAMP)
	$(BIN)/ruff check kg tests benchmarks scripts
	$(BIN)/ruff format --check kg tests benchmarks scripts
	$(BIN)/mypy

test: $(STAMP) lint browser
	$(BIN)/python -m pytest -q

bench: $(STAMP) browser
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) out .pytest_cache
