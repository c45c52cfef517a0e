"""Meeting rules without a database: durations by the rule set in force, materials lead time,
what is due per month and quarter, absences in a row, seniority and badges."""
from datetime import date

import pytest

from dangbo.meetings import rules
from dangbo.meetings.rules import Kind, Presence


@pytest.mark.parametrize("kind, minutes, expected", [
    (Kind.REGULAR, 90, None), (Kind.REGULAR, 89, "ít hơn 90 phút"),
    (Kind.THEMATIC, 90, None), (Kind.COMBINED, 119, "ít hơn 120 phút"), (Kind.COMBINED, 120, None),
])
def test_minimum_duration_under_hd42(kind, minutes, expected):
    problem = rules.duration_problem(kind, date(2025, 12, 5), minutes)
    assert (problem is None) if expected is None else (expected in problem and "HD 42-HD/BTCTW" in problem)


def test_hd42_applies_from_28_october_2025_and_not_the_day_before():
    assert rules.duration_problem(Kind.REGULAR, date(2025, 10, 27), 60) is None
    assert rules.duration_problem(Kind.REGULAR, date(2025, 10, 28), 60) is not None


def test_older_meetings_are_checked_only_when_a_deployment_sets_a_minimum():
    assert rules.duration_problem(Kind.REGULAR, date(2024, 5, 5), 45) is None
    assert "ít hơn 60 phút" in rules.duration_problem(Kind.REGULAR, date(2024, 5, 5), 45, legacy_minimum_minutes=60)


def test_materials_at_least_one_day_before():
    meeting = date(2026, 3, 5)
    assert rules.materials_problem(meeting, date(2026, 3, 4)) is None
    assert "chưa đủ 1 ngày" in rules.materials_problem(meeting, date(2026, 3, 5))
    assert "Chưa gửi" in rules.materials_problem(meeting, None)
    assert rules.materials_problem(date(2024, 3, 5), None) is None  # no such rule before HD 42


def test_months_and_quarters_due():
    assert rules.months_due(2026, date(2026, 4, 1)) == [1, 2, 3, 4]
    assert rules.months_due(2026, date(2027, 1, 1)) == list(range(1, 13))
    assert rules.months_due(2027, date(2026, 12, 31)) == []
    assert rules.quarters_due(2026, date(2026, 4, 1)) == [1, 2]
    assert rules.quarter_of(date(2026, 9, 30)) == 3 and rules.quarter_of(date(2026, 10, 1)) == 4


def test_follow_up_counts_a_combined_meeting_as_regular_and_thematic():
    held = [(date(2026, 1, 5), Kind.REGULAR), (date(2026, 2, 5), Kind.COMBINED), (date(2026, 2, 20), Kind.REGULAR),
            (date(2026, 4, 5), Kind.THEMATIC), (date(2025, 12, 5), Kind.REGULAR)]
    result = rules.follow_up(2026, date(2026, 4, 30), held)
    assert (result.months_due, result.months_held, result.months_missing) == (4, 2, (3, 4))
    assert (result.quarters_due, result.quarters_with_thematic, result.quarters_missing_thematic) == (2, 2, ())


def test_yearly_calendar_has_twelve_meetings_and_a_thematic_one_each_quarter():
    plan = rules.yearly_calendar(2026, regular_day=31)
    assert len(plan) == 12 and all(day.day == 28 for day, _ in plan)
    assert [day.month for day, kind in plan if kind == Kind.COMBINED] == [2, 5, 8, 11]


@pytest.mark.parametrize("history, missed, warn", [
    ([], 0, False),
    ([Presence.UNEXCUSED] * 2, 2, False),
    ([Presence.PRESENT] + [Presence.UNEXCUSED] * 3, 3, True),
    ([Presence.UNEXCUSED, Presence.UNEXCUSED, Presence.EXCUSED, Presence.UNEXCUSED], 1, False),
    ([Presence.UNEXCUSED] * 3 + [Presence.PRESENT], 0, False),
])
def test_unexcused_absences_in_a_row(history, missed, warn):
    assert rules.trailing_unexcused(history) == missed
    assert rules.needs_absence_warning(history) is warn


def test_seniority_counts_from_the_admission_decision():
    assert rules.seniority(date(1996, 3, 15), date(2026, 3, 14)) == (29, 11)
    assert rules.seniority(date(1996, 3, 15), date(2026, 3, 15)) == (30, 0)
    assert rules.seniority(date(2026, 3, 15), date(2026, 1, 1)) == (0, 0)


def test_next_badge_milestone():
    assert rules.next_badge(date(1996, 3, 15), date(2026, 3, 14)) == (30, date(2026, 3, 15))
    assert rules.next_badge(date(1996, 3, 15), date(2026, 3, 15)) == (40, date(2036, 3, 15))
    assert rules.next_badge(date(1960, 2, 29), date(2030, 1, 1)) == (70, date(2030, 2, 28))
    assert rules.next_badge(date(1930, 1, 1), date(2026, 1, 1)) is None


def test_attendance_share():
    assert rules.attendance_share(0, 0) is None
    assert rules.attendance_share(3, 4) == 75.0
