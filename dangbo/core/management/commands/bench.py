"""`dangbo bench scale --members N`: load and roll-up figures on SQLite and PostgreSQL, each
beside the fastest hand-written SQL on the same data (ratio = app time / hand-written time),
and that SQL in DuckDB on the same rows as the near-limit reference (the `bench` extra).

Each database runs in its own subprocess (`--only sqlite|postgresql`) because Django's
settings pick one database per process: SQLite in var/bench.sqlite3, PostgreSQL in the
database `dangbo_bench` (created if missing). Bench data is reused while its member count and
seed match; the loader figures are those measured when it was loaded.
"""
from __future__ import annotations

import json
import re
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from urllib.parse import urlparse, urlunparse

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections, transaction

RESULT_PREFIX = "BENCH-RESULT "
DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/dangbo_bench"
BENCH_TODAY = date(2026, 1, 1)  # fixed, so that reused data stays valid whatever the day
BASELINE_LOAD_ROWS = 200_000
META_TABLE = "bench_meta"
COPY_PREFIX = "bench_copy_"
ACTIVE = ("du_bi", "chinh_thuc")


class Command(BaseCommand):
    help = "Benchmarks at scale on SQLite and PostgreSQL, each figure beside hand-written SQL."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("scenario", choices=["scale", "ratings", "pages", "import", "load", "admission"],
                            help="scale: load and member counts on both databases; "
                                 "ratings: national rating roll-up vs hand-written SQL in the current database; "
                                 "pages: server time and query count of the daily pages in the current database; "
                                 "import: the member import of --rows generated rows (.xlsx, .csv), rolled back; "
                                 "load: virtual users against gunicorn on PostgreSQL (dangbo.core.loadtest); "
                                 "admission: national admission progress roll-up vs hand-written SQL, same")
        parser.add_argument("--rows", type=int, default=100_000, help="import: rows of the generated file")
        parser.add_argument("--fill-ratings", type=int, metavar="YEAR",
                            help="pages: first rate every active member and grassroots organization for YEAR")
        parser.add_argument("--year", type=int, default=2025, help="pages: the dashboards' year")
        parser.add_argument("--page", help="pages: only pages whose label contains this")
        parser.add_argument("--members", type=int, default=1_000_000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--runs", type=int, default=3, help="timed runs per figure (median)")
        parser.add_argument("--database-url", default=os.environ.get("DANGBO_BENCH_PG_URL", DEFAULT_PG_URL),
                            help="PostgreSQL for the bench (its own database; created if missing)")
        parser.add_argument("--databases", default="sqlite,postgresql", help="which to run, comma-separated")
        parser.add_argument("--regenerate", action="store_true", help="reload even if the data matches")
        parser.add_argument("--only", choices=["sqlite", "postgresql"], help=argparse_suppress())
        parser.add_argument("--users", type=int, default=50, help="load: virtual users (at most 200)")
        parser.add_argument("--duration", type=int, default=60, help="load: seconds (at most 60)")
        parser.add_argument("--source", default=None,
                            help="load: serve the dangbo source tree at this path instead (before/after figures)")

    def handle(self, *args, **options):
        if options["scenario"] == "load":
            from dangbo.core import loadtest

            url = options["database_url"] if options["database_url"] != DEFAULT_PG_URL else loadtest.DEFAULT_PG_URL
            try:
                failures = loadtest.run(users=options["users"], seconds=options["duration"], database_url=url,
                                        workers=5, threads=4, members=loadtest.DEMO_MEMBERS,
                                        source=options["source"], stdout=self.stdout)
            except (ValueError, RuntimeError) as error:
                raise CommandError(str(error)) from error
            if failures:
                raise CommandError(f"{failures} errors or lost writes")
            return
        if options["scenario"] == "ratings":
            from dangbo.ratings import bench as ratings_bench

            ratings_bench.run(options["members"], options["runs"], self.stdout)
            return
        if options["scenario"] == "import":
            from dangbo.members import importbench

            importbench.run(options["rows"], options["runs"], self.stdout)
            return
        if options["scenario"] == "pages":
            from dangbo.core import pagebench

            pagebench.run(options["year"], options["runs"], options["fill_ratings"], options["page"], self.stdout)
            return
        if options["scenario"] == "admission":
            from dangbo.admission import bench as admission_bench

            admission_bench.run(options["members"], options["runs"], self.stdout)
            return
        if options["only"]:
            result = run_one(options, self.stdout)
            self.stdout.write(RESULT_PREFIX + json.dumps(result))
            return
        results = {}
        for vendor in [v.strip() for v in options["databases"].split(",") if v.strip()]:
            if vendor not in ("sqlite", "postgresql"):
                raise CommandError(f"Unknown database {vendor!r} (sqlite, postgresql).")
            env = dict(os.environ)
            if vendor == "sqlite":
                env.pop("DATABASE_URL", None)
            else:
                reason = ensure_postgres_database(options["database_url"])
                if reason:
                    self.stdout.write(f"PostgreSQL skipped: {reason}")
                    continue
                env["DATABASE_URL"] = options["database_url"]
            results[vendor] = self.run_child(vendor, options, env)
        self.stdout.write("")
        self.stdout.write(format_table(results, options["members"], options["runs"]))

    def run_child(self, vendor: str, options, env) -> dict | None:
        command = [sys.executable, "-m", "dangbo", "bench", "scale", "--only", vendor,
                   "--members", str(options["members"]), "--seed", str(options["seed"]),
                   "--runs", str(options["runs"])]
        if options["regenerate"]:
            command.append("--regenerate")
        self.stdout.write(f"== {vendor}: {' '.join(command[1:])}")
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True, bufsize=1)
        result = None
        for line in process.stdout:
            if line.startswith(RESULT_PREFIX):
                result = json.loads(line[len(RESULT_PREFIX):])
            else:
                self.stdout.write(f"   [{vendor}] {line.rstrip()}")
        if process.wait() != 0:
            raise CommandError(f"The {vendor} bench failed (exit {process.returncode}).")
        return result


def argparse_suppress():
    import argparse

    return argparse.SUPPRESS


# --------------------------------------------------------------------------- parent side

def ensure_postgres_database(url: str) -> str | None:
    """Create the bench database if missing; a reason string when PostgreSQL cannot be used."""
    try:
        import psycopg
    except ImportError as error:  # pragma: no cover - psycopg is a dependency
        return str(error)
    parsed = urlparse(url)
    name = parsed.path.lstrip("/") or "dangbo_bench"
    admin_url = urlunparse(parsed._replace(path="/postgres"))
    try:
        with psycopg.connect(admin_url, connect_timeout=3, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
    except Exception as error:
        return f"{parsed.hostname}:{parsed.port or 5432} is not reachable ({str(error).strip()})"
    return None


def _fmt_number(value: float) -> str:
    return f"{value:,.0f}"


def _fmt_ms(value: float) -> str:
    return f"{value:,.1f}"


def format_table(results: dict, members: int, runs: int) -> str:
    lines = [f"dangbo bench scale --members {members}: median of {runs} runs, warm cache; "
             "ratio = app time / hand-written SQL time (target <= 2)"]
    header = f"{'figure':<44}{'database':<12}{'app':>14}{'hand SQL':>14}{'ratio':>8}"
    lines += [header, "-" * len(header)]
    for vendor, result in results.items():
        if not result:
            continue
        label = "SQLite" if vendor == "sqlite" else "PostgreSQL"
        load = result["load"]
        rows = [
            ("load, generate + write (rows/s)", load["app_rows_per_s"], load["hand_rows_per_s"], True),
            ("load, write path only (rows/s)", load["app_write_rows_per_s"], load["hand_rows_per_s"], True),
            (f"count one province ({_fmt_number(result['province_members'])} members, ms)",
             result["subtree"]["app_ms"], result["subtree"]["hand_ms"], False),
            (f"counts for all {_fmt_number(result['organizations'])} nodes (ms)",
             result["all"]["app_ms"], result["all"]["hand_ms"], False),
        ]
        if "rebuild" in result:
            rows.append(("member summary rebuild, write (ms)", result["rebuild"]["app_ms"],
                         result["rebuild"]["hand_ms"], False))
        for name, app, hand, is_rate in rows:
            ratio = hand / app if is_rate else app / hand
            shown = _fmt_number if is_rate else _fmt_ms
            lines.append(f"{name:<44}{label:<12}{shown(app):>14}{shown(hand):>14}{ratio:>8.2f}")
        if result.get("duckdb_all_ms") is not None:
            lines.append(f"  {label} rows in DuckDB, counts for all nodes (near-limit reference): "
                         f"{_fmt_ms(result['duckdb_all_ms'])} ms")
        lines.append(f"  {label}: {_fmt_number(result['members'])} active members, "
                     f"{_fmt_number(result['member_rows'])} member rows; data {result['data']}; "
                     f"loaded in {result['load']['total_s']:.1f} s")
    return "\n".join(lines)


# --------------------------------------------------------------------------- child side

def run_one(options, stdout) -> dict:
    vendor = options["only"]
    if vendor == "sqlite":
        use_sqlite_file(settings.VAR_DIR / "bench.sqlite3")
    elif connection.vendor != "postgresql":
        raise CommandError("--only postgresql needs DATABASE_URL=postgres://...")
    call_command("migrate", verbosity=0)
    members, seed, runs = options["members"], options["seed"], options["runs"]
    meta = read_meta()
    reuse = (not options["regenerate"] and meta.get("members") == members and meta.get("seed") == seed
             and member_rows() == meta.get("member_rows"))
    if reuse:
        stdout.write(f"reusing bench data ({meta['member_rows']} member rows, loaded {meta['loaded_at']})")
    else:
        meta = load(members, seed, stdout)
    warm_up()
    province_id, province_members = largest_province()
    result = {
        "vendor": vendor, "members": members, "member_rows": meta["member_rows"],
        "organizations": meta["organizations"], "data": "reused" if reuse else "loaded now",
        "province_members": province_members,
        "load": {**meta["load"], "hand_rows_per_s": hand_load_rate(runs)},
        "subtree": compare(runs, lambda: app_subtree(province_id), lambda: hand_subtree(province_id)),
        "all": compare(runs, app_all_counts, hand_all_counts),
        "rebuild": compare(runs, app_rebuild_members, hand_all_counts),
        "duckdb_all_ms": duckdb_all_counts(runs),
    }
    return result


def app_rebuild_members() -> None:
    """The app's full recomputation of the maintained member strength (after bulk loads)."""
    from dangbo.rollups import engine

    engine.rebuild(["members"])


def duckdb_all_counts(runs: int) -> float | None:
    """hand_all_counts' query in DuckDB on the same rows: the near-limit reference."""
    from dangbo.core import duckref

    if not duckref.available():
        return None
    tables = {
        "members_member": ("organization_id INTEGER, status VARCHAR",
                           "SELECT organization_id, status FROM members_member"),
        "orgs_orgclosure": ("ancestor_id INTEGER, descendant_id INTEGER",
                            "SELECT ancestor_id, descendant_id FROM orgs_orgclosure"),
    }
    ms, _ = duckref.timed_query(tables, HAND_ALL_COUNTS_SQL.replace("%s", "'{}'").format(ACTIVE[1], *ACTIVE), runs)
    return ms


def use_sqlite_file(path) -> None:
    """Point the default connection at the bench file before anything connects."""
    conn = connections["default"]
    conn.close()
    conn.settings_dict["NAME"] = str(path)


def _execute(sql: str, params=None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])
        try:
            return cursor.fetchall()
        except Exception:
            return None


def read_meta() -> dict:
    _execute(f"CREATE TABLE IF NOT EXISTS {META_TABLE} (key varchar(40) PRIMARY KEY, value text NOT NULL)")
    rows = _execute(f"SELECT value FROM {META_TABLE} WHERE key = 'scale'")
    return json.loads(rows[0][0]) if rows else {}


def write_meta(meta: dict) -> None:
    _execute(f"DELETE FROM {META_TABLE} WHERE key = 'scale'")
    _execute(f"INSERT INTO {META_TABLE} (key, value) VALUES ('scale', %s)", [json.dumps(meta)])


def member_rows() -> int:
    return _execute("SELECT COUNT(*) FROM members_member")[0][0]


def load(members: int, seed: int, stdout) -> dict:
    from dangbo.core.demo.builder import build_demo

    stdout.write(f"loading {members} members (seed {seed})…")
    call_command("flush", interactive=False, verbosity=0)
    started = time.perf_counter()
    result = build_demo(seed=seed, members=members, today=BENCH_TODAY, stdout=stdout, with_apps=False)
    total = time.perf_counter() - started
    if connection.vendor == "postgresql":
        # Index-only scans need the visibility map: what a settled production table has.
        for table in ("members_member", "orgs_orgclosure", "orgs_organization"):
            _execute(f"VACUUM ANALYZE {table}")
    meta = {
        "members": members, "seed": seed, "member_rows": result.members, "organizations": len(result.plan.orgs),
        "loaded_at": time.strftime("%Y-%m-%d %H:%M"),
        "load": {
            "app_rows_per_s": result.rows / result.timings["members"],
            "app_write_rows_per_s": result.rows / result.timings["members_write"],
            "total_s": total,
        },
    }
    write_meta(meta)
    return meta


def warm_up() -> None:
    _execute("SELECT COUNT(*) FROM members_member")
    _execute("SELECT COUNT(*) FROM orgs_orgclosure")


def largest_province() -> tuple[int, int]:
    """The province-level node with the most active members (the "province-sized subtree")."""
    rows = _execute(
        """SELECT c.ancestor_id, COUNT(*) FROM members_member m
           JOIN orgs_orgclosure c ON c.descendant_id = m.organization_id
           JOIN orgs_organization o ON o.id = c.ancestor_id
           WHERE o.kind = 'tinh' AND m.status IN (%s, %s)
           GROUP BY c.ancestor_id ORDER BY COUNT(*) DESC, c.ancestor_id LIMIT 1""", list(ACTIVE))
    return int(rows[0][0]), int(rows[0][1])


def timed(function, runs: int) -> float:
    """Median wall time in ms of `runs` calls, after one untimed warm-up call."""
    function()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def compare(runs: int, app, hand) -> dict:
    return {"app_ms": timed(app, runs), "hand_ms": timed(hand, runs)}


def app_subtree(org_id: int) -> int:
    from dangbo.orgs.counts import member_counts_for

    return member_counts_for([org_id])[org_id]["active"]


def hand_subtree(org_id: int) -> dict:
    """Same answer as member_counts_for (active, official, probationary): one closure join."""
    official, total = _execute(
        """SELECT SUM(CASE WHEN m.status = %s THEN 1 ELSE 0 END), COUNT(*)
           FROM members_member m JOIN orgs_orgclosure c ON c.descendant_id = m.organization_id
           WHERE c.ancestor_id = %s AND m.status IN (%s, %s)""", [ACTIVE[1], org_id, *ACTIVE])[0]
    return {"active": total, "official": official or 0, "probationary": total - (official or 0)}


def app_all_counts() -> int:
    from dangbo.orgs.counts import all_member_counts

    return len(all_member_counts())


def hand_all_counts() -> int:
    """Same answer as all_member_counts: members counted once per organization with the
    official/probationary split in one pass (index-only on (organization_id, status)), then
    those sums pushed up the closure table; rows fetched as plain tuples."""
    rows = _execute(HAND_ALL_COUNTS_SQL, [ACTIVE[1], *ACTIVE])
    return len(rows)


HAND_ALL_COUNTS_SQL = """SELECT c.ancestor_id, SUM(p.official), SUM(p.n) FROM
             (SELECT organization_id, SUM(CASE WHEN status = %s THEN 1 ELSE 0 END) AS official, COUNT(*) AS n
              FROM members_member WHERE status IN (%s, %s) GROUP BY organization_id) p
           JOIN orgs_orgclosure c ON c.descendant_id = p.organization_id
           GROUP BY c.ancestor_id"""


def hand_load_rate(runs: int) -> float:
    """Rows/s of a hand-written bulk write (COPY on PostgreSQL, executemany on SQLite) of
    already generated rows: the first BASELINE_LOAD_ROWS members with their events and
    positions, the same mix of rows the app's loader writes, into copies of the three tables
    (same indexes, no foreign keys). Median of `runs`."""
    from dangbo.core.demo.bulk import EVENT_COLUMNS, MEMBER_COLUMNS, POSITION_COLUMNS

    last_id = _execute(f"SELECT MAX(id) FROM (SELECT id FROM members_member ORDER BY id LIMIT {BASELINE_LOAD_ROWS}) t")[0][0]
    tables = [
        ("members_member", MEMBER_COLUMNS, "id"),
        ("members_memberevent", EVENT_COLUMNS, "member_id"),
        ("orgs_position", POSITION_COLUMNS, "member_id"),
    ]
    data = []
    for table, columns, member_column in tables:
        column_sql = ", ".join(connection.ops.quote_name(c) for c in columns)
        rows = _execute(f"SELECT {column_sql} FROM {table} WHERE {member_column} <= %s ORDER BY {member_column}", [last_id])
        data.append((table, column_sql, len(columns), rows))
    total_rows = sum(len(rows) for *_, rows in data)
    rates = []
    for _ in range(runs):
        for table, *_ in data:
            _create_copy_table(table)
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            for table, column_sql, width, rows in data:
                copy_table = COPY_PREFIX + table
                if connection.vendor == "postgresql":
                    with cursor.cursor.copy(f"COPY {copy_table} ({column_sql}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
                else:
                    marks = ", ".join(["?"] * width)
                    connection.connection.executemany(f"INSERT INTO {copy_table} ({column_sql}) VALUES ({marks})", rows)
        rates.append(total_rows / (time.perf_counter() - started))
    for table, *_ in data:
        _execute(f"DROP TABLE IF EXISTS {COPY_PREFIX + table}")
    return statistics.median(rates)


def _create_copy_table(table: str) -> None:
    copy_table = COPY_PREFIX + table
    _execute(f"DROP TABLE IF EXISTS {copy_table}")
    if connection.vendor == "postgresql":
        _execute(f"CREATE TABLE {copy_table} (LIKE {table} INCLUDING ALL)")
        return
    statements = _execute("SELECT type, sql FROM sqlite_master WHERE tbl_name = %s AND sql IS NOT NULL", [table])
    for kind, sql in sorted(statements, key=lambda row: row[0] != "table"):
        sql = sql.replace(f'"{table}"', f'"{copy_table}"')
        if kind == "table":
            sql = _without_foreign_keys(sql)
        else:
            sql = sql.replace('INDEX "', f'INDEX "{COPY_PREFIX}', 1)
        _execute(sql)


def _without_foreign_keys(create_sql: str) -> str:
    """The copy has no foreign keys (like PostgreSQL's CREATE TABLE ... LIKE)."""
    return re.sub(r" REFERENCES \S+ \(\S+\)( DEFERRABLE INITIALLY DEFERRED)?", "", create_sql)