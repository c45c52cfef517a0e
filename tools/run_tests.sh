#!/usr/bin/env bash
# The whole suite on SQLite (a real file), then again on PostgreSQL when 127.0.0.1:5432 answers.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
PG_URL="${DANGBO_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/dangbo}"

# The slowest tests are listed after each run so that a growing suite shows where its time
# goes; pytest's own closing line (with the run's time) stays the last line printed.
PYTEST=("$BIN/pytest" --durations=10 "$@")

echo "== Test suite on SQLite"
env -u DATABASE_URL "${PYTEST[@]}"
sqlite_status=$?

pg_status=0
if "$BIN/python" - "$PG_URL" <<'PY'
import sys
import psycopg
from urllib.parse import urlparse
u = urlparse(sys.argv[1])
try:
    psycopg.connect(host=u.hostname, port=u.port or 5432, user=u.username or "postgres",
                    password=u.password or None, dbname="postgres", connect_timeout=3).close()
except Exception as error:
    print(f"PostgreSQL at {u.hostname}:{u.port or 5432} is not reachable: {error}".strip())
    sys.exit(1)
PY
then
  echo "== Test suite on PostgreSQL ($PG_URL)"
  DATABASE_URL="$PG_URL" "${PYTEST[@]}"
  pg_status=$?
else
  echo "== SKIPPED: the PostgreSQL run (see the reason above); SQLite results stand alone."
fi

[ $sqlite_status -eq 0 ] && [ $pg_status -eq 0 ]
