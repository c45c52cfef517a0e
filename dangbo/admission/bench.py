"""Benchmark of the admission progress roll-up against hand-written SQL, in the CURRENT database.

    createdb -h 127.0.0.1 -U postgres dangbo_bench_admission
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dangbo_bench_admission .venv/bin/python -m dangbo migrate
    DATABASE_URL=... .venv/bin/python -m dangbo bench admission --members 1000000

Synthetic national shape (as ratings/bench.py): root -> 34 provinces -> communes -> grassroots
committees (20 per commune) -> 3 cells of 16 members each; 3,6 % of the members admitted in
the bench year (decision dates spread over the year, breakdown flags set), 1 % of members
removed during the year (with their event). Loaded with COPY on PostgreSQL and executemany on
SQLite under a root whose code is "BENCHA-ROOT", reused while the member count matches.

Prints the median of `--runs` timings of:
- app: progress.all_progress (admitted with six breakdowns, members at the start of the
  year, targets) for every node, on 30 September of the bench year;
- hand: the best hand-written SQL found for the same figures: per-organization counts, the
  cells (leaves) lifted into their grassroots parent first so the closure join only sees the
  nodes above the cells, the cells' own rows added straight from the per-organization counts;
and checks both give identical numbers.
"""
from __future__ import annotations

import random
import statistics
import time
from datetime import date, datetime, timedelta, timezone

from django.db import connection, transaction

from dangbo.admission import progress, rules
from dangbo.admission.models import AdmissionTarget, Candidate
from dangbo.core.demo.bulk import insert_members, reset_sequences, synthetic_members, write_rows
from dangbo.members.models import Member, MemberEvent
from dangbo.orgs.models import Organization, OrgClosure

YEAR = 2025
ON = date(YEAR, 9, 30)
PROVINCES = 34
GRASSROOTS_PER_COMMUNE = 20
CELLS_PER_GRASSROOTS = 3
MEMBERS_PER_CELL = 16
ROOT_CODE = "BENCHA-ROOT"
ADMITTED_SHARE = 0.036
REMOVED_SHARE = 0.01


def _existing(members: int) -> bool:
    root = Organization.objects.filter(code=ROOT_CODE).first()
    if root and root.short_name == str(members):
        return True
    if root:
        raise SystemExit("Bench data with another member count exists; use a fresh database.")
    return False


def generate(members: int, stdout) -> None:
    if _existing(members):
        stdout.write(f"Reusing bench data: {members:,} members.")
        return
    started = time.perf_counter()
    rng = random.Random(2026)
    per_commune = GRASSROOTS_PER_COMMUNE * CELLS_PER_GRASSROOTS * MEMBERS_PER_CELL
    communes_per_province = max(1, round(members / (PROVINCES * per_commune)))
    next_id = (Organization.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    orgs, closure, cells, targets = [], [], [], []

    def add(parent, kind: str, name: str):
        nonlocal next_id
        org_id = next_id
        next_id += 1
        path = (parent[2] if parent else "") + f"{org_id:09d}"
        depth = parent[3] + 1 if parent else 0
        orgs.append((org_id, parent[0] if parent else None, kind, f"BENCHA-{org_id}" if parent else ROOT_CODE, name,
                     "" if parent else str(members), path, depth))
        chain = (parent[4] if parent else ()) + (org_id,)
        closure.extend((ancestor, org_id, len(chain) - 1 - index) for index, ancestor in enumerate(chain))
        return (org_id, parent, path, depth, chain)

    root = add(None, "trung_uong", "Toàn quốc (bench)")
    for p in range(PROVINCES):
        province = add(root, "tinh", f"Tỉnh {p}")
        targets.append(province[0])
        for c in range(communes_per_province):
            commune = add(province, "cap_tren_co_so", f"Xã {p}-{c}")
            targets.append(commune[0])
            for g in range(GRASSROOTS_PER_COMMUNE):
                unit = add(commune, "dang_bo_co_so", f"Đảng bộ {p}-{c}-{g}")
                targets.append(unit[0])
                cells.extend(add(unit, "chi_bo", f"Chi bộ {k}")[0] for k in range(CELLS_PER_GRASSROOTS))
    write_rows(Organization._meta.db_table,
               ["id", "parent_id", "kind", "code", "name", "short_name", "path", "depth"], orgs)
    write_rows(OrgClosure._meta.db_table, ["ancestor_id", "descendant_id", "depth"], closure)
    stdout.write(f"  {len(orgs):,} organizations, {len(closure):,} closure rows")

    now = datetime.now(timezone.utc)
    first_member = (Member.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    cell_of = [cells[i // MEMBERS_PER_CELL % len(cells)] for i in range(members)]
    removed = {i for i in range(members) if rng.random() < REMOVED_SHARE}
    insert_members(synthetic_members(
        first_member, members, now=now, organization=cell_of.__getitem__,
        admission_date=lambda i: date(2000 + i % 25, 1 + i % 12, 1) if i % 40 else date(YEAR, 3, 1),
        status=lambda i: "xoa_ten" if i in removed else "chinh_thuc"))
    write_rows(MemberEvent._meta.db_table, ["member_id", "kind", "date", "decision_number", "discipline_form", "note",
                                            "created_at"],
               ((first_member + i, "xoa_ten", date(YEAR, 1, 1) + timedelta(days=i % 300), "", "", "", now)
                for i in sorted(removed)))
    workplaces = ["", rules.PRIVATE_ENTERPRISE, rules.STUDENT, "co_quan_nha_nuoc"]
    admitted = int(members * ADMITTED_SHARE)
    write_rows(Candidate._meta.db_table,
               ["organization_id", "full_name", "sort_key", "search_name", "birth_date", "gender", "ethnicity",
                "religion",
                "home_town", "phone", "education", "occupation", "workplace", "source", "youth_union_member",
                "over_age_decision", "course_certificate_number", "stage", "decision_extended", "admitted_on",
                "failed_recognition_votes", "escalated", "stop_reason", "is_female", "is_minority", "is_youth",
                "is_religious", "created_at", "updated_at"],
               ((cells[rng.randrange(len(cells))], f"Quần chúng {i}", f"{i:012d}", f"quan chung {i}", date(2000, 1, 1),
                 "nu" if i % 3 == 0 else "nam", "Kinh", "Không", "", "", "", "", workplaces[i % 4], "doan_thanh_nien",
                 False, "", "", rules.RECOGNITION, False, date(YEAR, 1, 1) + timedelta(days=i % 365), 0, False, "",
                 i % 3 == 0, i % 7 == 0, i % 2 == 0, i % 11 == 0, now, now) for i in range(admitted)))
    write_rows(AdmissionTarget._meta.db_table, ["organization_id", "year", "target", "source", "updated_at"],
               ((org_id, YEAR, 1 + org_id % 50, "nhap", now) for org_id in targets))
    reset_sequences((Organization, Member, MemberEvent, Candidate, AdmissionTarget))
    stdout.write(f"  {members:,} members, {admitted:,} admissions loaded in {time.perf_counter() - started:.1f} s")


# -- the hand-written baseline ---------------------------------------------------------------


def hand_written(year: int, on: date):
    cand, closure, org = progress.CANDIDATE_TABLE, progress.CLOSURE_TABLE, Organization._meta.db_table
    member, event = progress.MEMBER_TABLE, progress.EVENT_TABLE
    admitted_sql = f"""
        WITH per_org AS (SELECT organization_id, COUNT(*) AS n,
                                SUM(CASE WHEN is_female THEN 1 ELSE 0 END) AS f1,
                                SUM(CASE WHEN is_minority THEN 1 ELSE 0 END) AS f2,
                                SUM(CASE WHEN is_youth THEN 1 ELSE 0 END) AS f3,
                                SUM(CASE WHEN is_religious THEN 1 ELSE 0 END) AS f4,
                                SUM(CASE WHEN workplace = %s THEN 1 ELSE 0 END) AS f5,
                                SUM(CASE WHEN workplace = %s THEN 1 ELSE 0 END) AS f6
                         FROM {cand} WHERE admitted_on BETWEEN %s AND %s GROUP BY organization_id),
        named AS (SELECT p.*, o.kind, o.parent_id FROM per_org p JOIN {org} o ON o.id = p.organization_id)
        SELECT c.ancestor_id, SUM(l.n), SUM(l.f1), SUM(l.f2), SUM(l.f3), SUM(l.f4), SUM(l.f5), SUM(l.f6)
        FROM (SELECT CASE WHEN kind = 'chi_bo' THEN parent_id ELSE organization_id END AS org_id,
                     SUM(n) AS n, SUM(f1) AS f1, SUM(f2) AS f2, SUM(f3) AS f3, SUM(f4) AS f4, SUM(f5) AS f5,
                     SUM(f6) AS f6 FROM named GROUP BY 1) l
        JOIN {closure} c ON c.descendant_id = l.org_id GROUP BY c.ancestor_id
        UNION ALL
        SELECT organization_id, n, f1, f2, f3, f4, f5, f6 FROM named WHERE kind = 'chi_bo'
    """
    at_start_sql = f"""
        WITH per_org AS (SELECT m.organization_id, COUNT(*) AS n FROM {member} m
                         WHERE m.admission_date < %s AND (m.status IN ('du_bi', 'chinh_thuc') OR EXISTS (
                               SELECT 1 FROM {event} e WHERE e.member_id = m.id
                               AND e.kind IN ('tu_tran', 'xoa_ten', 'khai_tru', 'chuyen_di') AND e.date >= %s))
                         GROUP BY m.organization_id),
        named AS (SELECT p.*, o.kind, o.parent_id FROM per_org p JOIN {org} o ON o.id = p.organization_id)
        SELECT c.ancestor_id, SUM(l.n)
        FROM (SELECT CASE WHEN kind = 'chi_bo' THEN parent_id ELSE organization_id END AS org_id, SUM(n) AS n
              FROM named GROUP BY 1) l
        JOIN {closure} c ON c.descendant_id = l.org_id GROUP BY c.ancestor_id
        UNION ALL
        SELECT organization_id, n FROM named WHERE kind = 'chi_bo'
    """
    first_day = date(year, 1, 1)
    with connection.cursor() as cursor:
        cursor.execute(admitted_sql, [rules.PRIVATE_ENTERPRISE, rules.STUDENT, first_day, on])
        counts = {row[0]: progress.Counts(int(row[1]), {k: int(v) for k, v in zip(progress.BREAKDOWN_KEYS, row[2:])})
                  for row in cursor.fetchall()}
        cursor.execute(at_start_sql, [first_day, first_day])
        at_start = {org_id: int(n) for org_id, n in cursor.fetchall()}
        cursor.execute(f"SELECT organization_id, target FROM {AdmissionTarget._meta.db_table} WHERE year = %s", [year])
        targets = dict(cursor.fetchall())
    return counts, at_start, targets


def _median(function, runs: int):
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function(YEAR, ON)
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def run(members: int, runs: int, stdout) -> dict:
    with transaction.atomic():
        generate(members, stdout)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in (Organization, OrgClosure, Member, MemberEvent, Candidate, AdmissionTarget):
                cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
    hand_written(YEAR, ON)  # warm the cache once
    timings, results = {}, {}
    for name, function in (("hand", hand_written), ("app", progress.all_progress)):
        timings[name], results[name] = _median(function, runs)
    same = results["app"] == results["hand"]
    root = Organization.objects.get(code=ROOT_CODE).pk
    ratio = timings["app"] / timings["hand"]
    counts, at_start, _ = results["app"]
    stdout.write(f"Database: {connection.vendor}; members at 1/1/{YEAR}: {at_start.get(root, 0):,}; "
                 f"admitted to {ON:%d/%m/%Y}: {counts[root].admitted:,}; nodes: {len(at_start):,}")
    stdout.write(f"App roll-up (admitted + 6 breakdowns + members at start + targets, every node): "
                 f"{timings['app'] * 1000:.0f} ms (median of {runs})")
    stdout.write(f"Hand-written SQL:                {timings['hand'] * 1000:.0f} ms (median of {runs})")
    stdout.write(f"Ratio app / hand-written: {ratio:.2f} (target ≤ 2); identical numbers: {same}")
    return {"app": timings["app"], "hand": timings["hand"], "ratio": ratio, "same": same}
