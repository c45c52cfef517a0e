"""Rules of routine party meetings (sinh hoạt chi bộ) and of a member's party seniority.

Plain Python, no Django. Sources (DOMAIN.md §7 and §3.5):
- Điều lệ Đảng Art. 24.2: the chi bộ and the chi ủy meet monthly; the đảng ủy cơ sở too.
- A thematic meeting (sinh hoạt chuyên đề) at least once a quarter; it does not replace the
  monthly meeting.
- HD 42-HD/BTCTW (28/10/2025, with Chỉ thị 50-CT/TW of 23/7/2025): at least 90 minutes, at
  least 120 minutes when a thematic and a regular meeting are combined; materials reach the
  members at least 1 day before.
- HD 12-HD/BTCTW (2018), in force before: record content (attendance present / absent with
  reason / absent without reason, agenda, minutes read back, resolutions voted). It set no
  minimum duration that the sources verify, so the older rule set checks none unless a
  deployment sets one (`meeting_min_minutes_before_2025`).
- Party seniority (tuổi đảng) counts from the date of the admission decision (§3.5).
- Party badge milestones (Huy hiệu Đảng) are unverified in the sources: a setting
  (`badge_milestone_years`), with the commonly published 30, 40, 45, 50, … 90 years.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Iterable, Sequence


class Kind(StrEnum):
    REGULAR = "thuong_ky"
    THEMATIC = "chuyen_de"
    COMBINED = "ket_hop"


class Presence(StrEnum):
    PRESENT = "co_mat"
    EXCUSED = "vang_co_ly_do"
    UNEXCUSED = "vang_khong_ly_do"


@dataclass(frozen=True)
class MeetingRuleSet:
    name: str
    effective_from: date
    effective_to: date | None
    minimum_minutes: dict[Kind, int | None]
    materials_days_before: int | None

    def in_force_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)


HD42_START = date(2025, 10, 28)


def rule_sets(legacy_minimum_minutes: int | None = None) -> tuple[MeetingRuleSet, ...]:
    """Every rule set with the dates it is in force, oldest first."""
    legacy_combined = legacy_minimum_minutes
    return (
        MeetingRuleSet(
            name="HD 12-HD/BTCTW (2018)",
            effective_from=date(2012, 1, 1),
            effective_to=date(2025, 10, 27),
            minimum_minutes={Kind.REGULAR: legacy_minimum_minutes, Kind.THEMATIC: legacy_minimum_minutes,
                             Kind.COMBINED: legacy_combined},
            materials_days_before=None,
        ),
        MeetingRuleSet(
            name="HD 42-HD/BTCTW (28/10/2025)",
            effective_from=HD42_START,
            effective_to=None,
            minimum_minutes={Kind.REGULAR: 90, Kind.THEMATIC: 90, Kind.COMBINED: 120},
            materials_days_before=1,
        ),
    )


def rule_set_on(day: date, legacy_minimum_minutes: int | None = None) -> MeetingRuleSet:
    for rules in reversed(rule_sets(legacy_minimum_minutes)):
        if rules.in_force_on(day):
            return rules
    return rule_sets(legacy_minimum_minutes)[0]


def duration_problem(kind: Kind | str, day: date, minutes: int | None,
                     legacy_minimum_minutes: int | None = None) -> str | None:
    """A Vietnamese warning when the meeting was shorter than the rule in force that day."""
    if minutes is None:
        return None
    rules = rule_set_on(day, legacy_minimum_minutes)
    minimum = rules.minimum_minutes.get(Kind(kind))
    if minimum is None or minutes >= minimum:
        return None
    return f"Sinh hoạt {minutes} phút, ít hơn {minimum} phút tối thiểu theo {rules.name}."


def materials_problem(meeting_day: date, sent_on: date | None) -> str | None:
    """Materials must reach members at least the rule's number of days before the meeting."""
    rules = rule_set_on(meeting_day)
    if rules.materials_days_before is None:
        return None
    if sent_on is None:
        return "Chưa gửi tài liệu, thông báo cho đảng viên."
    if (meeting_day - sent_on).days < rules.materials_days_before:
        return (f"Tài liệu gửi ngày {sent_on:%d/%m/%Y}, chưa đủ {rules.materials_days_before} ngày "
                f"trước buổi sinh hoạt theo {rules.name}.")
    return None


# -- what is due -----------------------------------------------------------------------------

def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def months_due(year: int, until: date) -> list[int]:
    """The months of `year` whose monthly meeting is due by `until` (a month is due once it ended
    or is the current month; the meeting may fall on any day of it)."""
    if until.year < year:
        return []
    last = 12 if until.year > year else until.month
    return list(range(1, last + 1))


def quarters_due(year: int, until: date) -> list[int]:
    """Quarters of `year` that have ended by `until`, and the current one."""
    if until.year < year:
        return []
    last = 4 if until.year > year else quarter_of(until)
    return list(range(1, last + 1))


@dataclass(frozen=True)
class FollowUp:
    """Meetings held against what was due for one unit and year."""

    months_due: int
    months_held: int
    months_missing: tuple[int, ...]
    quarters_due: int
    quarters_with_thematic: int
    quarters_missing_thematic: tuple[int, ...]


def follow_up(year: int, until: date, held: Iterable[tuple[date, Kind | str]]) -> FollowUp:
    """Regular meetings held per month and thematic meetings per quarter (a combined meeting
    counts for both: it is one regular and one thematic meeting held together)."""
    regular_months: set[int] = set()
    thematic_quarters: set[int] = set()
    for day, kind in held:
        if day.year != year or day > until:
            continue
        kind = Kind(kind)
        if kind in (Kind.REGULAR, Kind.COMBINED):
            regular_months.add(day.month)
        if kind in (Kind.THEMATIC, Kind.COMBINED):
            thematic_quarters.add(quarter_of(day))
    due_months = months_due(year, until)
    due_quarters = quarters_due(year, until)
    return FollowUp(
        months_due=len(due_months),
        months_held=len([m for m in due_months if m in regular_months]),
        months_missing=tuple(m for m in due_months if m not in regular_months),
        quarters_due=len(due_quarters),
        quarters_with_thematic=len([q for q in due_quarters if q in thematic_quarters]),
        quarters_missing_thematic=tuple(q for q in due_quarters if q not in thematic_quarters),
    )


def yearly_calendar(year: int, regular_day: int = 5) -> list[tuple[date, Kind]]:
    """The plan a chi ủy starts the year with: a regular meeting every month on `regular_day`
    and, in the middle month of each quarter, a combined regular and thematic meeting."""
    day = max(1, min(regular_day, 28))
    plan = []
    for month in range(1, 13):
        kind = Kind.COMBINED if month % 3 == 2 else Kind.REGULAR
        plan.append((date(year, month, day), kind))
    return plan


# -- attendance ------------------------------------------------------------------------------

def attendance_share(present: int, expected: int) -> float | None:
    """present/expected as a percentage (92.5 for 37 of 40); None when nobody was expected."""
    return None if expected <= 0 else 100.0 * present / expected


def trailing_unexcused(presences_oldest_first: Sequence[Presence | str]) -> int:
    """How many meetings in a row, up to the latest, the member missed without a reason."""
    count = 0
    for presence in reversed(presences_oldest_first):
        if Presence(presence) != Presence.UNEXCUSED:
            break
        count += 1
    return count


def needs_absence_warning(presences_oldest_first: Sequence[Presence | str], threshold: int = 3) -> bool:
    """Missing `threshold` meetings in a row without a reason is a warning for the secretary
    (the chi bộ then considers the member's case; the threshold is a setting)."""
    return trailing_unexcused(presences_oldest_first) >= threshold


# -- seniority and badges --------------------------------------------------------------------

DEFAULT_BADGE_YEARS = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)


def seniority(admission_decision: date, on: date) -> tuple[int, int]:
    """Party seniority (years, months) from the admission decision date to `on`."""
    if on < admission_decision:
        return (0, 0)
    months = (on.year - admission_decision.year) * 12 + on.month - admission_decision.month
    if on.day < admission_decision.day:
        months -= 1
    return divmod(months, 12)


def _anniversary(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def next_badge(admission_decision: date, on: date,
               milestones: Sequence[int] = DEFAULT_BADGE_YEARS) -> tuple[int, date] | None:
    """The next badge milestone (years of seniority) and the day it is reached, or None."""
    for years in sorted(milestones):
        reached = _anniversary(admission_decision, years)
        if reached > on:
            return years, reached
    return None
