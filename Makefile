# Two commands on a fresh machine:
#   make run    -> environment, database, demo data, server on http://127.0.0.1:8000
#   make test   -> the whole test suite on SQLite, and again on PostgreSQL when it answers
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test setup system-deps demo bench clean screenshots

# `make run` is development mode (DANGBO_DEBUG=1: debug pages, no HTTPS, password-only demo
# logins). Production is the default everywhere else: see README "Production".
run: export DANGBO_DEBUG = 1
run: setup system-deps
	@echo "Chế độ phát triển (DANGBO_DEBUG=1): chỉ để thử trên máy này, không dùng cho dữ liệu thật."
	$(BIN)/dangbo migrate --noinput -v0
	$(BIN)/dangbo demo --if-empty
	@echo "dangbo đang chạy tại http://127.0.0.1:$(PORT)/  (Ctrl+C để dừng)"
	@# The background worker (big imports, roll-up rebuilds) runs beside the server and stops with it.
	$(BIN)/dangbo worker & trap 'kill $$!' EXIT INT TERM; $(BIN)/dangbo runserver 127.0.0.1:$(PORT)

test: setup system-deps
	bash tools/run_tests.sh

setup: $(VENV)/.installed node_modules/.installed

# Front-end libraries (Chart.js, flatpickr) from npm, exactly as package-lock.json pins them;
# Django serves them from node_modules/ (dangbo/core/staticfiles.py), never from a CDN.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || bash tools/system_deps.sh
	npm ci --no-audit --no-fund
	touch $@

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# Debian packages: Chromium for browser tests, Pango and fonts for PDF (WeasyPrint).
system-deps:
	@bash tools/system_deps.sh

# Every main page of every demo role at 1366 and 390 px into var/screenshots/ (its own demo
# database); fails when a page scrolls sideways on a phone or logs a console error.
SHOTS_DB := var/screenshots-db
screenshots: setup system-deps
	DANGBO_DEBUG=1 DANGBO_VAR_DIR=$(SHOTS_DB) $(BIN)/dangbo migrate --noinput -v0
	DANGBO_DEBUG=1 DANGBO_VAR_DIR=$(SHOTS_DB) $(BIN)/dangbo demo --if-empty --members 3000
	DANGBO_DEBUG=1 DANGBO_VAR_DIR=$(SHOTS_DB) $(BIN)/dangbo screenshots --out var/screenshots

# Benchmarks run the production settings (DEBUG off); a throw-away key when none is set.
bench: export DANGBO_SECRET_KEY ?= bench-only-not-a-real-secret-key
bench: setup
	$(BIN)/dangbo bench scale --members 1000000

clean:
	rm -rf $(VENV) var node_modules
