"""Benchmark of the national roll-up against the best hand-written SQL, in the CURRENT database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dangbo_bench_ratings \
        .venv/bin/python -m dangbo migrate
    DATABASE_URL=... .venv/bin/python -m dangbo bench ratings --members 1000000

Synthetic national shape (DESIGN.md): root -> 34 provinces -> communes -> grassroots
committees (20 per commune) -> 3 cells of 16 members each; one rating per member and
per grassroots organization for one year. Loaded with COPY on PostgreSQL (psycopg 3) and
executemany on SQLite, under a root whose code starts with "BENCHR", reused while the
member count matches. Prints the median of `--runs` timings of:
- app: rollup.all_member_counts + rollup.all_grassroots_counts (what the app runs);
- hand: the best hand-written SQL found for this shape (leaf cells lifted into their
  grassroots parents first, then the closure for the remaining nodes);
and checks both give identical numbers.
"""
from __future__ import annotations

import io
import random
import statistics
import time
from collections import Counter
from datetime import date, datetime, timezone

from django.db import connection, transaction

from dangbo.members.models import Member
from dangbo.orgs.models import Organization, OrgClosure
from dangbo.ratings import rollup, rules
from dangbo.ratings.models import MemberRating, OrgRating

YEAR = 2025
PROVINCES = 34
GRASSROOTS_PER_COMMUNE = 20
CELLS_PER_GRASSROOTS = 3
MEMBERS_PER_CELL = 16
ROOT_CODE = "BENCHR-ROOT"
LEVEL_WEIGHTS = (0.12, 0.76, 0.11, 0.01)


def _copy(table: str, columns: list[str], rows) -> None:
    """COPY on PostgreSQL, executemany on SQLite."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
    else:
        marks = ", ".join(["%s"] * len(columns))
        with connection.cursor() as cursor:
            batch = []
            for row in rows:
                batch.append(row)
                if len(batch) >= 50_000:
                    cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", batch)
                    batch = []
            if batch:
                cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", batch)


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
    _copy(Organization._meta.db_table, ["id", "parent_id", "kind", "code", "name", "short_name", "path", "depth"],
          ((*o[:6], o[6], o[7]) for o in orgs))
    _copy(OrgClosure._meta.db_table, ["ancestor_id", "descendant_id", "depth"], closure)
    stdout.write(f"  {len(orgs):,} organizations, {len(closure):,} closure rows")

    first_member = (Member.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    now = datetime.now(timezone.utc)
    member_cells = [cells[i // MEMBERS_PER_CELL % len(cells)] for i in range(members)]
    _copy(Member._meta.db_table,
          ["id", "full_name", "sort_key", "search_name", "birth_date", "gender", "ethnicity", "religion", "home_town",
           "phone", "education", "professional_qualification", "political_theory", "occupation", "admission_date",
           "organization_id", "status", "created_at", "updated_at"],
          ((first_member + i, f"Đảng viên {i}", f"{i:012d}", f"dang vien {i}", date(1980, 1, 1), "nam", "Kinh",
            "Không", "", "", "", "", "", "", date(2010, 1, 1), member_cells[i][0], "chinh_thuc", now, now)
           for i in range(members)))
    levels = rng.choices(rules.LEVELS, LEVEL_WEIGHTS, k=members)
    _copy(MemberRating._meta.db_table,
          ["member_id", "year", "level", "rated_on", "rated_by_id", "disciplined", "remedied", "notes",
           "organization_id", "updated_at"],
          ((first_member + i, YEAR, levels[i], date(YEAR, 12, 15), member_cells[i][1], False, False, "",
            member_cells[i][0], now) for i in range(members)))
    org_levels = rng.choices(rules.LEVELS, LEVEL_WEIGHTS, k=len(grassroots))
    parent_of = {o[0]: o[1] for o in orgs}
    _copy(OrgRating._meta.db_table,
          ["organization_id", "year", "level", "rated_on", "rated_by_id", "disciplined", "remedied", "notes",
           "violations", "subordinate_disciplined", "updated_at"],
          ((g, YEAR, org_levels[i], date(YEAR, 12, 20), parent_of[g], False, False, "", False, False, now)
           for i, g in enumerate(grassroots)))
    _reset_sequences()
    stdout.write(f"  {members:,} members and ratings loaded in {time.perf_counter() - started:.1f} s")
    return Organization.objects.get(code=ROOT_CODE)


def _reset_sequences() -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (Organization, Member, MemberRating, OrgRating):
            table = model._meta.db_table
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")


# -- the hand-written baseline ---------------------------------------------------------------


def hand_written(year: int) -> tuple[dict, dict]:
    """Best SQL found for this shape: cells (leaves) are summed into their parent first, so the
    closure join only sees the ~1/4 of nodes above the cells; the cells' own totals come
    straight from the per-organization counts."""
    m, c, o, r = rollup.MEMBER_TABLE, rollup.CLOSURE_TABLE, rollup.ORG_TABLE, rollup.ORG_RATING_TABLE
    members_sql = f"""
        WITH per_org AS (SELECT organization_id, level, COUNT(*) AS n FROM {m} WHERE year = %s
                         GROUP BY organization_id, level),
        lifted AS (SELECT CASE WHEN o.kind = 'chi_bo' THEN o.parent_id ELSE p.organization_id END AS org_id,
                          p.level, SUM(p.n) AS n
                   FROM per_org p JOIN {o} o ON o.id = p.organization_id GROUP BY 1, 2)
        SELECT c.ancestor_id, l.level, SUM(l.n) FROM lifted l JOIN {c} c ON c.descendant_id = l.org_id
        GROUP BY c.ancestor_id, l.level
        UNION ALL
        SELECT p.organization_id, p.level, p.n FROM per_org p JOIN {o} o ON o.id = p.organization_id
        WHERE o.kind = 'chi_bo'
    """
    grassroots_sql = f"""
        SELECT c.ancestor_id, r.level, COUNT(*) FROM {r} r
        JOIN {o} o ON o.id = r.organization_id AND o.kind IN ('dang_bo_co_so', 'chi_bo_co_so')
        JOIN {c} c ON c.descendant_id = r.organization_id
        WHERE r.year = %s GROUP BY c.ancestor_id, r.level
    """
    with connection.cursor() as cursor:
        cursor.execute(members_sql, [year])
        members = rollup._grouped(cursor.fetchall())
        cursor.execute(grassroots_sql, [year])
        grassroots = rollup._grouped(cursor.fetchall())
    return members, grassroots


def app_rollup(year: int) -> tuple[dict, dict]:
    return rollup.all_member_counts(year), rollup.all_grassroots_counts(year)


def _median_time(function, runs: int):
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function(YEAR)
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def run(members: int, runs: int, stdout) -> dict:
    with transaction.atomic():
        generate(members, stdout)
    if connection.vendor == "postgresql":  # visibility map, so the covering index serves index-only scans
        with connection.cursor() as cursor:
            for model in (Organization, OrgClosure, MemberRating, OrgRating):
                cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
    function_pairs = [("hand", hand_written), ("app", app_rollup)]
    function_pairs[0][1](YEAR)  # warm the cache once
    timings, results = {}, {}
    for name, function in function_pairs:
        timings[name], results[name] = _median_time(function, runs)
    same = results["app"] == results["hand"]
    nodes = len(results["app"][0])
    total = sum(results["app"][0][Organization.objects.get(code=ROOT_CODE).pk].values())
    ratio = timings["app"] / timings["hand"]
    stdout.write(f"Database: {connection.vendor}; members rated: {total:,}; nodes rolled up: {nodes:,}")
    stdout.write(f"App roll-up (members + grassroots, every node): {timings['app'] * 1000:.0f} ms (median of {runs})")
    stdout.write(f"Hand-written SQL:                               {timings['hand'] * 1000:.0f} ms (median of {runs})")
    stdout.write(f"Ratio app / hand-written: {ratio:.2f} (target ≤ 2); identical numbers: {same}")
    return {"app": timings["app"], "hand": timings["hand"], "ratio": ratio, "same": same, "nodes": nodes}
