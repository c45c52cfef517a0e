"""DuckDB on the same rows: the near-limit reference printed by `dangbo bench ratings|scale`.

DuckDB is a benchmark-only dependency (`pip install -e '.[bench]'`); without it the benches
print "DuckDB: not installed" and carry on. Tables are copied out of the current database
(COPY TO STDOUT on PostgreSQL, a plain SELECT on SQLite) into CSV files, loaded into an
in-memory DuckDB, and the same roll-up runs there with the median of `runs` timings.
"""
from __future__ import annotations

import csv
import statistics
import tempfile
import time
from pathlib import Path

from django.db import connection


def available() -> bool:
    try:
        import duckdb  # noqa: F401
    except ImportError:
        return False
    return True


def _export(select_sql: str, path: Path) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with open(path, "wb") as out, cursor.cursor.copy(f"COPY ({select_sql}) TO STDOUT WITH (FORMAT csv)") as copy:
                for block in copy:
                    out.write(block)
            return
        cursor.execute(select_sql)
        with open(path, "w", newline="") as out:
            writer = csv.writer(out)
            while rows := cursor.fetchmany(50_000):
                writer.writerows(rows)


def timed_query(tables: dict[str, tuple[str, str]], query: str, runs: int) -> tuple[float, list[tuple]]:
    """Load {name: (column definitions, SELECT in the app's database)} into DuckDB, then run
    `query` `runs` times: (median ms, rows of the last run)."""
    import duckdb

    db = duckdb.connect()
    with tempfile.TemporaryDirectory() as folder:
        for name, (columns, select_sql) in tables.items():
            path = Path(folder) / f"{name}.csv"
            _export(select_sql, path)
            db.execute(f"CREATE TABLE {name} ({columns})")
            db.execute(f"COPY {name} FROM '{path}' (FORMAT csv, HEADER false)")
    db.execute(query).fetchall()  # warm
    samples, rows = [], []
    for _ in range(runs):
        started = time.perf_counter()
        rows = db.execute(query).fetchall()
        samples.append((time.perf_counter() - started) * 1000)
    db.close()
    return statistics.median(samples), rows
