"""`dangbo bench scale` end to end at a tiny size: both databases, the ratio lines printed.
Figures are only printed, never asserted (ARCHITECTURE.md: speed is measured by commands)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dangbo.core.management.commands.bench import format_table

ROOT = Path(__file__).resolve().parents[3]


def run_bench(tmp_path: Path, *extra: str) -> str:
    env = {**os.environ, "DANGBO_VAR_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    pg_url = f"postgres://postgres@127.0.0.1:5432/dangbo_bench_test_{os.getpid()}"
    command = [sys.executable, "-m", "dangbo", "bench", "scale", "--members", "2000", "--runs", "1",
               "--database-url", pg_url, *extra]
    completed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return completed.stdout


@pytest.fixture
def drop_bench_database():
    yield
    try:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", connect_timeout=3,
                             autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "dangbo_bench_test_{os.getpid()}"')
    except Exception:
        pass


def test_bench_prints_each_figure_beside_hand_written_sql_and_reuses_its_data(tmp_path, drop_bench_database):
    out = run_bench(tmp_path)
    assert (tmp_path / "bench.sqlite3").exists()
    for figure in ("load, generate + write", "load, write path only", "count one province", "counts for all"):
        lines = [line for line in out.splitlines() if line.startswith(figure)]
        assert lines, out
        assert any("SQLite" in line for line in lines)
    assert "ratio" in out
    assert "PostgreSQL" in out  # a row per figure, or the reason it was skipped

    again = run_bench(tmp_path, "--databases", "sqlite")
    assert "reusing bench data" in again


def test_ratio_is_app_time_over_hand_written_time():
    result = {"members": 10, "member_rows": 10, "organizations": 5, "data": "reused", "province_members": 10,
              "load": {"app_rows_per_s": 100.0, "app_write_rows_per_s": 400.0, "hand_rows_per_s": 200.0,
                       "total_s": 1.0},
              "subtree": {"app_ms": 3.0, "hand_ms": 2.0}, "all": {"app_ms": 4.0, "hand_ms": 4.0}}
    table = format_table({"sqlite": result}, 10, 3)
    assert "2.00" in table and "1.50" in table and "1.00" in table
