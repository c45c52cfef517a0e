"""Benchmark of the national roll-up against the best hand-written SQL, in the CURRENT database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dangbo_bench_ratings \
        .venv/bin/python -m dangbo migrate
    DATABASE_URL=... .venv/bin/python -m dangbo bench ratings --members 1000000

Synthetic national shape (DESIGN.md): root -> 34 provinces -> communes -> grassroots
committees (20 per commune) -> 3 cells of 16 members each; one rating per member and
per grassroots organization for one year. Loaded with COPY on PostgreSQL (psycopg 3) and
executemany on SQLite, under a root whose code starts with "BENCHR", reused while the
member count matches. Prints the median of `--runs` timings of:
- read: the national dashboard's numbers (root and its children) from the maintained
  summary (what every dashboard, export and API call runs);
- rebuild: the app's full recomputation of the summary (after bulk loads);
- hand: the fastest correct SQL found (per-organization counts with the levels pivoted into
  columns, lifted over the closure table in one join), read only;
- DuckDB: the same SQL on the same rows in DuckDB (bench extra), the near-limit reference;
and checks that all give identical numbers.
"""
from __future__ import annotations

import random
import statistics
import time
from datetime import date, datetime, timezone

from django.db import connection, transaction

from dangbo.core.demo.bulk import insert_members, reset_sequences, synthetic_members, write_rows
from dangbo.members.models import Member
from dangbo.orgs.models import Organization, OrgClosure, name_keys
from dangbo.ratings import rollup, rules, summary
from dangbo.ratings.models import MemberRating, OrgRating
from dangbo.rollups import engine

YEAR = 2025
PROVINCES = 34
GRASSROOTS_PER_COMMUNE = 20
CELLS_PER_GRASSROOTS = 3
MEMBERS_PER_CELL = 16
ROOT_CODE = "BENCHR-ROOT"
LEVEL_WEIGHTS = (0.12, 0.76, 0.11, 0.01)


def _existing(members: int) -> Organization | None:
    root = Organization.objects.filter(code=ROOT_CODE).first()
    if root and root.short_name == str(members):
        return root
    if root:
        raise SystemExit("Bench data with another member count exists; use a fresh database.")
    return None


def generate(members: int, stdout) -> Organization:
    """The synthetic tree, members and ratings (reused when already there)."""
    root = _existing(members)
    if root:
        stdout.write(f"Reusing bench data: {members:,} members.")
        return root
    started = time.perf_counter()
    rng = random.Random(2026)
    per_commune = GRASSROOTS_PER_COMMUNE * CELLS_PER_GRASSROOTS * MEMBERS_PER_CELL
    communes_per_province = max(1, round(members / (PROVINCES * per_commune)))
    next_id = (Organization.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    orgs, closure, cells, grassroots = [], [], [], []

    def add(parent: tuple | None, kind: str, name: str) -> tuple:
        nonlocal next_id
        org_id = next_id
        next_id += 1
        path = (parent[2] if parent else "") + f"{org_id:09d}"
        depth = parent[3] + 1 if parent else 0
        orgs.append((org_id, parent[0] if parent else None, kind, f"BENCHR-{org_id}" if parent else ROOT_CODE, name,
                     "" if parent else str(members), path, depth))
        chain = (parent[4] if parent else ()) + (org_id,)
        for index, ancestor in enumerate(chain):
            closure.append((ancestor, org_id, len(chain) - 1 - index))
        return (org_id, parent, path, depth, chain)

    root_node = add(None, "trung_uong", "Toàn quốc (bench)")
    for p in range(PROVINCES):
        province = add(root_node, "tinh", f"Tỉnh {p}")
        for c in range(communes_per_province):
            commune = add(province, "cap_tren_co_so", f"Xã {p}-{c}")
            for g in range(GRASSROOTS_PER_COMMUNE):
                unit = add(commune, "dang_bo_co_so", f"Đảng bộ {p}-{c}-{g}")
                grassroots.append(unit[0])
                for k in range(CELLS_PER_GRASSROOTS):
                    cells.append((add(unit, "chi_bo", f"Chi bộ {k}")[0], unit[0]))
    cells_needed = -(-members // MEMBERS_PER_CELL)
    cells = cells[:cells_needed] if len(cells) >= cells_needed else cells
    write_rows(Organization._meta.db_table,
               ["id", "parent_id", "kind", "code", "name", "short_name", "path", "depth", "sort_key", "search_name"],
               ((*o[:6], o[6], o[7], *name_keys(o[4], o[5], o[3])) for o in orgs))
    write_rows(OrgClosure._meta.db_table, ["ancestor_id", "descendant_id", "depth"], closure)
    stdout.write(f"  {len(orgs):,} organizations, {len(closure):,} closure rows")

    first_member = (Member.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    now = datetime.now(timezone.utc)
    member_cells = [cells[i // MEMBERS_PER_CELL % len(cells)] for i in range(members)]
    insert_members(synthetic_members(first_member, members, now=now, admission_date=lambda i: date(2010, 1, 1),
                                     organization=lambda i: member_cells[i][0], status=lambda i: "chinh_thuc"))
    levels = rng.choices(rules.LEVELS, LEVEL_WEIGHTS, k=members)
    write_rows(MemberRating._meta.db_table,
               ["member_id", "year", "level", "rated_on", "rated_by_id", "disciplined", "remedied", "notes",
                "organization_id", "updated_at"],
               ((first_member + i, YEAR, levels[i], date(YEAR, 12, 15), member_cells[i][1], False, False, "",
                 member_cells[i][0], now) for i in range(members)))
    org_levels = rng.choices(rules.LEVELS, LEVEL_WEIGHTS, k=len(grassroots))
    parent_of = {o[0]: o[1] for o in orgs}
    write_rows(OrgRating._meta.db_table,
               ["organization_id", "year", "level", "rated_on", "rated_by_id", "disciplined", "remedied", "notes",
                "violations", "subordinate_disciplined", "updated_at"],
               ((g, YEAR, org_levels[i], date(YEAR, 12, 20), parent_of[g], False, False, "", False, False, now)
                for i, g in enumerate(grassroots)))
    reset_sequences((Organization, Member, MemberRating, OrgRating))
    stdout.write(f"  {members:,} members and ratings loaded in {time.perf_counter() - started:.1f} s")
    return Organization.objects.get(code=ROOT_CODE)


# -- the hand-written baseline ---------------------------------------------------------------

LEVEL_SUMS = ", ".join(f"COUNT(CASE WHEN level = '{level}' THEN 1 END) AS m_{level}" for level in rules.LEVELS)
ORG_LEVEL_SUMS = ", ".join(f"COUNT(CASE WHEN r.level = '{level}' THEN 1 END) AS g_{level}" for level in rules.LEVELS)
LIFTED = ", ".join([f"SUM(p.m_{level})" for level in rules.LEVELS] + [f"SUM(p.g_{level})" for level in rules.LEVELS])
ZEROS_M = ", ".join(f"0 AS m_{level}" for level in rules.LEVELS)
ZEROS_G = ", ".join(f"0 AS g_{level}" for level in rules.LEVELS)


def hand_sql(member_table: str, org_rating_table: str, org_table: str, closure_table: str) -> str:
    """The fastest correct SQL found for the national roll-up (every node, every year): count
    each organization's ratings once with the four levels pivoted into integer columns, then
    lift those per-organization rows over the closure table in one join. Plain SQL that
    PostgreSQL, SQLite and DuckDB all run."""
    return f"""
        SELECT c.ancestor_id, p.year, {LIFTED}
        FROM (SELECT organization_id, year, {LEVEL_SUMS}, {ZEROS_G} FROM {member_table}
              GROUP BY organization_id, year
              UNION ALL
              SELECT r.organization_id, r.year, {ZEROS_M}, {ORG_LEVEL_SUMS}
              FROM {org_rating_table} r JOIN {org_table} o ON o.id = r.organization_id
              WHERE o.kind IN ('dang_bo_co_so', 'chi_bo_co_so') GROUP BY r.organization_id, r.year) p
        JOIN {closure_table} c ON c.descendant_id = p.organization_id
        GROUP BY c.ancestor_id, p.year"""


def _as_result(rows) -> dict:
    return {(int(row[0]), int(row[1])): tuple(int(v) for v in row[2:]) for row in rows if any(row[2:])}


def hand_written() -> dict:
    sql = hand_sql(rollup.MEMBER_TABLE, rollup.ORG_RATING_TABLE, rollup.ORG_TABLE, rollup.CLOSURE_TABLE)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL jit = off")
            cursor.execute("SET LOCAL work_mem = '64MB'")
        cursor.execute(sql)
        return _as_result(cursor.fetchall())


def app_rebuild() -> dict:
    """What the app runs after a bulk load: the whole RatingSummary recomputed and written."""
    engine.rebuild([summary.SPEC.name])
    return {key: values for key, values in engine.stored(summary.SPEC).items()}


def duckdb_reference(runs: int) -> tuple[float | None, dict]:
    from dangbo.core import duckref

    if not duckref.available():
        return None, {}
    tables = {
        "member_rating": ("organization_id INTEGER, year INTEGER, level VARCHAR",
                          f"SELECT organization_id, year, level FROM {rollup.MEMBER_TABLE}"),
        "org_rating": ("organization_id INTEGER, year INTEGER, level VARCHAR",
                       f"SELECT organization_id, year, level FROM {rollup.ORG_RATING_TABLE}"),
        "org": ("id INTEGER, kind VARCHAR", f"SELECT id, kind FROM {rollup.ORG_TABLE}"),
        "closure": ("ancestor_id INTEGER, descendant_id INTEGER",
                    f"SELECT ancestor_id, descendant_id FROM {rollup.CLOSURE_TABLE}"),
    }
    ms, rows = duckref.timed_query(tables, hand_sql("member_rating", "org_rating", "org", "closure"), runs)
    return ms, _as_result(rows)


def _median_time(function, runs: int):
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def run(members: int, runs: int, stdout) -> dict:
    with transaction.atomic():
        generate(members, stdout)
    if connection.vendor == "postgresql":  # visibility map, so the covering index serves index-only scans
        with connection.cursor() as cursor:
            for model in (Organization, OrgClosure, MemberRating, OrgRating):
                cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
    root = Organization.objects.get(code=ROOT_CODE)
    hand_written()  # warm the cache once
    timings, results = {}, {}
    for name, function in (("hand", hand_written), ("rebuild", app_rebuild)):
        timings[name], results[name] = _median_time(function, runs)
    timings["read"], _ = _median_time(lambda: rollup.build(root, YEAR), runs)
    duck_ms, results["duckdb"] = duckdb_reference(runs)
    same = results["rebuild"] == results["hand"] and (duck_ms is None or results["duckdb"] == results["hand"])
    nodes = len(results["hand"])
    total = sum(results["hand"][(root.pk, YEAR)][:4])
    ratio = timings["rebuild"] / timings["hand"]
    stdout.write(f"Database: {connection.vendor}; members rated: {total:,}; nodes rolled up: {nodes:,}; "
                 f"median of {runs}")
    stdout.write(f"Dashboard numbers, national root + its children (read of the summary): "
                 f"{timings['read'] * 1000:.1f} ms")
    stdout.write(f"Full roll-up, app (recompute and write every summary row): {timings['rebuild'] * 1000:.0f} ms")
    stdout.write(f"Full roll-up, fastest hand-written SQL (read only):        {timings['hand'] * 1000:.0f} ms")
    stdout.write("Full roll-up, DuckDB on the same rows (near-limit reference): "
                 + (f"{duck_ms:.0f} ms" if duck_ms is not None else "not installed (pip install -e '.[bench]')"))
    stdout.write(f"Ratio app rebuild / hand-written: {ratio:.2f} (target ≤ 2); identical numbers: {same}")
    return {"rebuild": timings["rebuild"], "hand": timings["hand"], "read": timings["read"], "duckdb_ms": duck_ms,
            "ratio": ratio, "same": same, "nodes": nodes}
