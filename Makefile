# Two commands on a fresh machine:
#   make run    -> environment, database, demo data, server on http://127.0.0.1:8000
#   make test   -> the whole test suite on SQLite, and again on PostgreSQL when it answers
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test setup system-deps demo bench clean

run: setup system-deps
	$(BIN)/dangbo migrate --noinput -v0
	$(BIN)/dangbo demo --if-empty
	@echo "dangbo đang chạy tại http://127.0.0.1:$(PORT)/  (Ctrl+C để dừng)"
	@# The background worker (big imports, roll-up rebuilds) runs beside the server and stops with it.
	$(BIN)/dangbo worker & trap 'kill $$!' EXIT INT TERM; $(BIN)/dangbo runserver 127.0.0.1:$(PORT)

test: setup system-deps
	bash tools/run_tests.sh

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# Debian packages: Chromium for browser tests, Pango and fonts for PDF (WeasyPrint).
system-deps:
	@bash tools/system_deps.sh

bench: setup
	$(BIN)/dangbo bench scale --members 1000000

clean:
	rm -rf $(VENV) var
