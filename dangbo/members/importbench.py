"""`dangbo bench import --rows N`: the member import end to end on a generated register, in
the CURRENT database, rolled back afterwards (the database is left as it was).

A valid .xlsx (and .csv) of N new members spread over the existing cells is written once to
var/, then imported through `importer.import_members` as the superuser: the figures are
read + validate, write, and the total, median of `--runs`.
"""
from __future__ import annotations

import csv
import statistics
import time
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

HEADERS = ["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Ngày vào Đảng", "Ngày chính thức", "Mã chi bộ",
           "Trạng thái"]
GIVEN = ["An", "Bình", "Chiến", "Dũng", "Hà", "Hùng", "Lan", "Mai", "Nam", "Phương", "Quang", "Thảo"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]


def _rows(count: int, cells: list[str]):
    for i in range(count):
        name = f"{FAMILY[i % len(FAMILY)]} Văn {GIVEN[(i // 10) % len(GIVEN)]}"
        birth = date(1970 + i % 30, 1 + i % 12, 1 + i % 28)
        admitted = date(birth.year + 25, birth.month, birth.day)
        yield [name, birth, "Nam" if i % 2 else "Nữ", f"9{i:011d}", admitted,
               date(admitted.year + 1, admitted.month, admitted.day), cells[i % len(cells)], "Chính thức"]


def write_files(count: int) -> tuple[Path, Path]:
    from openpyxl import Workbook

    folder = Path(settings.VAR_DIR)
    xlsx, text = folder / f"bench-import-{count}.xlsx", folder / f"bench-import-{count}.csv"
    if xlsx.exists() and text.exists():
        return xlsx, text
    with connection.cursor() as cursor:
        cursor.execute("SELECT code FROM orgs_organization WHERE kind IN ('chi_bo', 'chi_bo_co_so') "
                       "AND dissolved IS NULL ORDER BY id LIMIT 2000")
        cells = [code for (code,) in cursor.fetchall()]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Đảng viên")
    sheet.append(HEADERS)
    with open(text, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(HEADERS)
        for row in _rows(count, cells):
            sheet.append(row)
            writer.writerow([v.strftime("%d/%m/%Y") if isinstance(v, date) else v for v in row])
    workbook.save(xlsx)
    return xlsx, text


def import_once(path: Path) -> dict:
    """Import then roll back: {read_validate, write, total} seconds and the rows created."""
    from django.contrib.auth.models import User

    from dangbo.access.scope import Scope
    from dangbo.members import importer

    user = User.objects.filter(is_superuser=True).order_by("pk").first()
    scope = Scope.for_user(user)
    phases: dict = {}
    original_write = importer.write_members

    def timed_write(*args, **kwargs):
        started = time.perf_counter()
        created = original_write(*args, **kwargs)
        phases["write"] = time.perf_counter() - started
        return created

    importer.write_members = timed_write
    try:
        with transaction.atomic():
            started = time.perf_counter()
            with open(path, "rb") as handle:
                result = importer.import_members(user, scope, handle, path.name, max_rows=10_000_000)
            phases["total"] = time.perf_counter() - started
            transaction.set_rollback(True)
    finally:
        importer.write_members = original_write
    if result.errors:
        raise SystemExit(f"The generated file has errors: {[str(e) for e in result.errors[:5]]}")
    phases["read_validate"] = phases["total"] - phases["write"]
    phases["created"] = result.created
    return phases


def run(rows: int, runs: int, stdout) -> dict:
    xlsx, text = write_files(rows)
    stdout.write(f"Database: {connection.vendor}; importing {rows:,} new members, median of {runs} "
                 "(each run rolled back)")
    stdout.write(f"{'file':<8}{'read+validate s':>18}{'write s':>10}{'total s':>10}{'rows/s':>10}")
    out = {}
    for path in (xlsx, text):
        samples = [import_once(path) for _ in range(runs)]
        median = {key: statistics.median(s[key] for s in samples) for key in ("read_validate", "write", "total")}
        stdout.write(f"{path.suffix:<8}{median['read_validate']:>18.2f}{median['write']:>10.2f}"
                     f"{median['total']:>10.2f}{rows / median['total']:>10,.0f}")
        out[path.suffix] = median
    return out
