"""`dangbo bench pages`: server time of the pages a clerk uses daily, in the CURRENT database.

    DATABASE_URL=postgres://.../dangbo_bench1m dangbo demo --members 1000000 --with-apps
    DATABASE_URL=postgres://.../dangbo_bench1m dangbo bench pages --fill-ratings 2025

Each page is requested through Django's test client as the superuser (the whole country in
scope), median of `--runs` after one warm-up; the query count of the last run is printed
beside it. `--fill-ratings YEAR` first gives every active member without a rating of YEAR
one (and every grassroots organization), set-based, so the national dashboard rolls up
every member, then recomputes the maintained roll-ups.
"""
from __future__ import annotations

import statistics
import time

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext

ACTIVE = ("du_bi", "chinh_thuc")
GRASSROOTS = ("dang_bo_co_so", "chi_bo_co_so")


def _one(sql: str, params=None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])
        return cursor.fetchone()


def fill_ratings(year: int, stdout) -> None:
    """One rating of `year` for every active member and grassroots organization still without one."""
    started = time.perf_counter()
    level = ("CASE WHEN {k} %% 100 < 12 THEN 'htxsnv' WHEN {k} %% 100 < 88 THEN 'httnv' "
             "WHEN {k} %% 100 < 99 THEN 'htnv' ELSE 'khtnv' END")
    now = "CURRENT_TIMESTAMP"
    with connection.cursor() as cursor:
        cursor.execute(f"""
            INSERT INTO ratings_memberrating (member_id, year, level, rated_on, rated_by_id, disciplined, remedied,
                                              notes, organization_id, updated_at)
            SELECT m.id, %s, {level.format(k='m.id')}, %s, m.organization_id, FALSE, FALSE, '', m.organization_id, {now}
            FROM members_member m
            WHERE m.status IN (%s, %s)
              AND NOT EXISTS (SELECT 1 FROM ratings_memberrating r WHERE r.member_id = m.id AND r.year = %s)""",
                       [year, f"{year}-12-15", *ACTIVE, year])
        members = cursor.rowcount
        cursor.execute(f"""
            INSERT INTO ratings_orgrating (organization_id, year, level, rated_on, rated_by_id, disciplined, remedied,
                                           notes, violations, subordinate_disciplined, updated_at)
            SELECT o.id, %s, {level.format(k='o.id')}, %s, COALESCE(o.parent_id, o.id), FALSE, FALSE, '', FALSE, FALSE,
                   {now}
            FROM orgs_organization o
            WHERE o.kind IN (%s, %s)
              AND NOT EXISTS (SELECT 1 FROM ratings_orgrating r WHERE r.organization_id = o.id AND r.year = %s)""",
                       [year, f"{year}-12-20", *GRASSROOTS, year])
        orgs = cursor.rowcount
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE ratings_memberrating")
            cursor.execute("VACUUM ANALYZE ratings_orgrating")
    stdout.write(f"filled {members:,} member and {orgs:,} grassroots ratings of {year} "
                 f"in {time.perf_counter() - started:.1f} s")
    try:
        from dangbo.rollups import engine
    except ImportError:
        return
    started = time.perf_counter()
    engine.rebuild()
    stdout.write(f"roll-ups rebuilt in {time.perf_counter() - started:.2f} s")


def pages(year: int) -> list[tuple[str, str]]:
    """(label, url) of the daily pages on this database's largest shapes."""
    root = _one("SELECT id FROM orgs_organization WHERE parent_id IS NULL ORDER BY id LIMIT 1")[0]
    province = _one("""SELECT c.ancestor_id FROM orgs_orgclosure c JOIN orgs_organization o ON o.id = c.ancestor_id
                       WHERE o.depth = 1 GROUP BY c.ancestor_id ORDER BY COUNT(*) DESC, c.ancestor_id LIMIT 1""")[0]
    cell = _one("SELECT organization_id FROM members_member WHERE status IN (%s, %s) ORDER BY id LIMIT 1", ACTIVE)[0]
    commune = _one("SELECT parent_id FROM orgs_organization WHERE id = %s", [cell])[0]
    member = _one("SELECT id FROM members_member WHERE status IN (%s, %s) ORDER BY id DESC LIMIT 1", ACTIVE)[0]
    count = _one("SELECT COUNT(*) FROM members_member WHERE status IN (%s, %s)", ACTIVE)[0]
    deep = _one("SELECT sort_key, id FROM members_member WHERE status IN (%s, %s) ORDER BY sort_key, id "
                "LIMIT 1 OFFSET %s", [*ACTIVE, count // 2])
    return [
        ("home", "/"),
        ("tree (roots)", "/to-chuc/"),
        ("tree (children of the root)", f"/to-chuc/{root}/truc-thuoc/"),
        ("organization page, national root", f"/to-chuc/{root}/"),
        ("organization page, largest province", f"/to-chuc/{province}/"),
        ("member list, page 1", "/dang-vien/"),
        (f"member list, {count // 2:,} rows deep", f"/dang-vien/?after={deep[0]}.{deep[1]}"),
        ("member list, one province", f"/dang-vien/?org={province}"),
        ("member list, one commune", f"/dang-vien/?org={commune}"),
        ("member list, one cell", f"/dang-vien/?org={cell}"),
        ("search «nguyen van»", "/dang-vien/?q=nguyen+van"),
        ("member page", f"/dang-vien/{member}/"),
        ("rating dashboard, national root", f"/xep-loai/{root}/{year}/"),
        ("rating dashboard, largest province", f"/xep-loai/{province}/{year}/"),
        ("rating export .xlsx, national root", f"/xep-loai/{root}/{year}/bao-cao.xlsx"),
    ]


def time_page(client: Client, url: str, runs: int) -> tuple[float, int, int]:
    """(median ms, status, queries of the last run)."""
    client.get(url)
    samples, status, queries = [], 0, 0
    for _ in range(runs):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
        status, queries = response.status_code, len(captured.captured_queries)
    return statistics.median(samples), status, queries


def run(year: int, runs: int, fill: int | None, only: str | None, stdout) -> list[dict]:
    from django.contrib.auth.models import User

    if fill:
        fill_ratings(fill, stdout)
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    client = Client()
    client.force_login(admin)
    members = _one("SELECT COUNT(*) FROM members_member WHERE status IN (%s, %s)", ACTIVE)[0]
    ratings = _one("SELECT COUNT(*) FROM ratings_memberrating WHERE year = %s", [year])[0]
    stdout.write(f"Database: {connection.vendor}; {members:,} active members; {ratings:,} member ratings of {year}; "
                 f"median of {runs} runs, warm")
    stdout.write(f"{'page':<44}{'ms':>10}{'queries':>9}  status")
    results = []
    for label, url in pages(year):
        if only and only not in label:
            continue
        ms, status, queries = time_page(client, url, runs)
        stdout.write(f"{label:<44}{ms:>10,.1f}{queries:>9}  {status}")
        results.append({"page": label, "url": url, "ms": ms, "status": status, "queries": queries})
    return results
