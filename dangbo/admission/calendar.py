"""Public holidays and Tết as data: one CSV file per year, read into a WorkingCalendar.

Each file (`data/holidays/<year>.csv`, or any directory listed in the setting
`DANGBO_RULES["admission_holiday_dirs"]`) has the columns `ngay,loai,ten`: the date
(dd/mm/yyyy), `nghi` for a day off or `lam_bu` for a Saturday worked in exchange, and a name.
Lines starting with "#" are comments. The government announces the days every year, so a
deployment adds or corrects a file; nothing here knows any date. Plain Python, no Django.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from dangbo.admission.rules import WorkingCalendar
from dangbo.core.vn import parse_date

PACKAGED_DIR = Path(__file__).resolve().parent / "data" / "holidays"
DAY_OFF = "nghi"
WORKING_SATURDAY = "lam_bu"


class HolidayFileError(ValueError):
    pass


def read_holiday_file(path: Path) -> tuple[set, set]:
    """(days off, extra working days) listed in one file."""
    days_off, working = set(), set()
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    for number, row in enumerate(csv.DictReader(lines), start=2):
        try:
            day = parse_date(row["ngay"])
        except (KeyError, ValueError) as error:
            raise HolidayFileError(f"{path.name}, dòng {number}: {error}") from error
        kind = (row.get("loai") or "").strip()
        if kind == DAY_OFF:
            days_off.add(day)
        elif kind == WORKING_SATURDAY:
            working.add(day)
        else:
            raise HolidayFileError(f"{path.name}, dòng {number}: loại «{kind}» phải là «nghi» hoặc «lam_bu».")
    return days_off, working


def load_calendar(directories: Iterable[str | Path] = (PACKAGED_DIR,), *, extra_days_off: Iterable = (),
                  extra_working_days: Iterable = ()) -> WorkingCalendar:
    """Every `<year>.csv` in the directories (later directories add to earlier ones)."""
    days_off, working = set(extra_days_off), set(extra_working_days)
    for directory in directories:
        for path in sorted(Path(directory).glob("*.csv")):
            off, extra = read_holiday_file(path)
            days_off |= off
            working |= extra
    return WorkingCalendar(frozenset(days_off - working), frozenset(working))


def years_covered(directories: Iterable[str | Path] = (PACKAGED_DIR,)) -> list[int]:
    return sorted({int(p.stem) for d in directories for p in Path(d).glob("*.csv") if p.stem.isdigit()})
