"""Admission rules at every boundary of DOMAIN.md §3, without a database."""
from datetime import date, timedelta

import pytest

from dangbo.admission import rules as r
from dangbo.admission.calendar import PACKAGED_DIR, HolidayFileError, load_calendar, read_holiday_file

# Tết Ất Tỵ 2025: days off Monday 27/01 to Friday 31/01 (with the weekends around: 25/01–02/02).
TET_2025 = r.WorkingCalendar(frozenset(date(2025, 1, d) for d in range(27, 32)))


# -- age ------------------------------------------------------------------------------------

def test_age_18_years_0_months_is_eligible():
    assert r.check_age(date(2007, 3, 15), date(2025, 3, 15)) == []


def test_age_17_years_11_months_is_too_young():
    assert r.check_age(date(2007, 3, 15), date(2025, 3, 14)) != []


def test_age_60_years_11_months_is_eligible():
    assert r.check_age(date(1964, 3, 15), date(2025, 3, 14)) == []  # 60 years 11 months and 27 days


def test_age_61_years_0_months_needs_a_central_level_decision():
    assert r.check_age(date(1964, 3, 15), date(2025, 3, 15)) != []
    assert r.check_age(date(1964, 3, 15), date(2025, 3, 15), over_age_approved=True) == []


def test_age_limits_are_parameters():
    assert r.check_age(date(2007, 3, 15), date(2025, 3, 15), min_months=19 * 12) != []


# -- certificate ----------------------------------------------------------------------------

def test_certificate_valid_on_the_last_day_of_60_months():
    issued = date(2020, 6, 10)
    assert r.certificate_expires(issued) == date(2025, 6, 10)
    assert r.check_certificate(issued, date(2025, 6, 10)) == []


def test_certificate_expired_the_day_after_60_months():
    assert r.check_certificate(date(2020, 6, 10), date(2025, 6, 11)) != []


def test_certificate_missing_or_after_consideration():
    assert r.check_certificate(None, date(2025, 1, 1)) != []
    assert r.check_certificate(date(2025, 2, 1), date(2025, 1, 1)) != []


# -- sponsors -------------------------------------------------------------------------------

ON = date(2025, 6, 30)


def member(name, together_months, official=date(2015, 1, 1), same=True):
    return r.Sponsor(r.MEMBER_SPONSOR, name, official_since=official,
                     together_since=r.add_months(ON, -together_months), same_grassroots=same)


def test_two_sponsors_with_12_months_together_are_enough():
    assert r.check_sponsors([member("A", 12), member("B", 30)], ON) == []


def test_a_sponsor_with_11_months_together_is_not_enough():
    errors = r.check_sponsors([member("A", 11), member("B", 30)], ON)
    assert len(errors) == 1 and "12 tháng" in errors[0]


def test_a_sponsor_one_day_short_of_12_months_is_not_enough():
    sponsor = r.Sponsor(r.MEMBER_SPONSOR, "A", official_since=date(2015, 1, 1), together_since=date(2024, 7, 1))
    assert r.check_sponsors([sponsor, member("B", 30)], ON) != []


def test_a_probationary_sponsor_is_refused():
    assert r.check_sponsors([member("A", 20, official=None), member("B", 20)], ON) != []
    assert r.check_sponsors([member("A", 20, official=date(2025, 7, 1)), member("B", 20)], ON) != []


def test_a_sponsor_from_another_grassroots_organization_is_refused():
    assert r.check_sponsors([member("A", 20, same=False), member("B", 20)], ON) != []


def test_one_sponsor_is_not_enough():
    assert r.check_sponsors([member("A", 20)], ON) != []


def test_youth_union_committee_plus_one_member_for_a_youth_union_member():
    youth = r.Sponsor(r.YOUTH_UNION_SPONSOR, "BCH Đoàn trường")
    assert r.check_sponsors([youth, member("A", 12)], ON, youth_union_member=True) == []
    assert r.check_sponsors([youth, member("A", 12)], ON, youth_union_member=False) != []
    assert r.check_sponsors([youth, member("A", 12), member("B", 12)], ON, youth_union_member=True) != []


# -- votes ----------------------------------------------------------------------------------

@pytest.mark.parametrize("members, approve, passes", [
    (11, 7, False), (11, 8, True), (12, 7, False), (12, 8, True), (3, 2, True), (3, 1, False), (9, 6, True),
])
def test_two_thirds_of_all_official_members(members, approve, passes):
    assert r.vote_passes(approve, members) is passes


def test_votes_needed():
    assert r.votes_needed(11) == 8
    assert r.votes_needed(12) == 8
    assert r.votes_needed(13) == 9


def test_vote_input_checked():
    assert r.check_vote(None, 10) != []
    assert r.check_vote(11, 10) != []
    assert r.check_vote(5, 0) != []
    assert r.check_vote(7, 10) == []


# -- working days ---------------------------------------------------------------------------

def test_weekend_is_not_counted():
    friday = date(2025, 3, 7)
    assert r.WorkingCalendar().add_working_days(friday, 1) == date(2025, 3, 10)  # Monday


def test_deadline_across_tet_and_a_weekend():
    thursday = date(2025, 1, 23)
    # Fri 24/01 is day 1; Sat–Sun 25–26, Tết 27–31/01 and Sat–Sun 01–02/02 are not counted.
    assert TET_2025.add_working_days(thursday, 1) == date(2025, 1, 24)
    assert TET_2025.add_working_days(thursday, 2) == date(2025, 2, 3)
    assert TET_2025.working_days_between(thursday, date(2025, 2, 3)) == 2


def test_a_compensating_saturday_counts():
    calendar = r.WorkingCalendar(frozenset({date(2025, 5, 2)}), frozenset({date(2025, 4, 26)}))
    assert calendar.add_working_days(date(2025, 4, 25), 1) == date(2025, 4, 26)


def test_decision_due_60_working_days_plus_30_extension():
    calendar = r.WorkingCalendar()
    start = date(2025, 3, 3)  # Monday: 60 working days are 12 full weeks
    assert r.decision_due(start, calendar) == date(2025, 5, 26)
    assert r.decision_due(start, calendar, extended=True) == date(2025, 7, 7)


def test_decision_due_across_tet():
    # 60 working days from Monday 06/01/2025: 5 Tết weekdays push it one week later.
    assert r.decision_due(date(2025, 1, 6), TET_2025) == r.decision_due(date(2025, 1, 6), r.WorkingCalendar()) + \
        timedelta(days=7)


def test_ceremony_within_30_working_days_or_with_approval():
    calendar = r.WorkingCalendar()
    received = date(2025, 3, 3)
    due = r.ceremony_due(received, calendar)
    assert due == date(2025, 4, 14)  # six whole weeks
    assert r.check_ceremony_date(due, received, calendar) == []
    assert r.check_ceremony_date(due + timedelta(days=3), received, calendar) != []
    assert r.check_ceremony_date(due + timedelta(days=3), received, calendar, late_approval="12-CV/ĐU") == []


def test_deadline_lengths_are_parameters():
    deadlines = r.Deadlines(decision_days=5)
    assert r.decision_due(date(2025, 3, 3), r.WorkingCalendar(), deadlines) == date(2025, 3, 10)


def test_packaged_holiday_files_load():
    calendar = load_calendar([PACKAGED_DIR])
    assert date(2025, 1, 29) in calendar.days_off  # Mùng 1 Tết Ất Tỵ
    assert not calendar.is_working_day(date(2025, 9, 2))
    assert calendar.is_working_day(date(2025, 4, 26))  # Saturday worked in exchange


def test_a_holiday_file_with_a_bad_kind_is_refused(tmp_path):
    path = tmp_path / "2030.csv"
    path.write_text("ngay,loai,ten\n01/01/2030,le,Tết\n", encoding="utf-8")
    with pytest.raises(HolidayFileError):
        read_holiday_file(path)


def test_extra_holidays_from_settings_are_added(tmp_path):
    calendar = load_calendar([tmp_path], extra_days_off=[date(2030, 1, 2)])
    assert not calendar.is_working_day(date(2030, 1, 2))


# -- step order -----------------------------------------------------------------------------

def test_steps_run_in_order():
    assert r.check_step_order(r.COURSE, {}, date(2025, 1, 1)) == []
    assert r.check_step_order(r.BIOGRAPHY, {r.COURSE: date(2025, 1, 1)}, date(2025, 2, 1)) != []
    done = {r.COURSE: date(2025, 1, 1), r.APPLICATION: date(2025, 2, 1)}
    assert r.check_step_order(r.BIOGRAPHY, done, date(2025, 2, 1)) == []
    assert r.check_step_order(r.BIOGRAPHY, done, date(2025, 1, 31)) != []  # biography before the application
    assert r.check_step_order(r.APPLICATION, done, date(2025, 2, 1)) != []  # already done


def test_a_grassroots_cell_skips_the_grassroots_committee_step():
    done = {step: date(2025, 1, 1) for step in r.STEPS[:6]}
    assert r.next_step(done, under_grassroots_committee=True) == r.GRASSROOTS_RESOLUTION
    assert r.next_step(done, under_grassroots_committee=False) == r.DECISION
    assert r.check_step_order(r.GRASSROOTS_RESOLUTION, done, date(2025, 2, 1), under_grassroots_committee=False) != []


def test_next_step_after_every_step_is_done():
    assert r.next_step(r.ALL_STEPS) == r.DONE


# -- verification ---------------------------------------------------------------------------

def test_verification_needs_the_applicant_and_every_relative():
    on = date(2025, 5, 1)
    done = [r.Relative("ban_than", "A", date(2025, 4, 1)), r.Relative("cha_de", "B", date(2025, 4, 2))]
    assert r.check_verification(done, on) == []
    assert r.check_verification(done + [r.Relative("me_de", "C")], on) != []
    assert r.check_verification(done + [r.Relative("me_de", "C", party_member_declared=True)], on) == []
    assert r.check_verification(done[1:], on) != []
    assert r.check_verification([r.Relative("ban_than", "A", date(2025, 5, 2))], on) != []


# -- probation and recognition --------------------------------------------------------------

def test_probation_ends_12_months_after_the_ceremony():
    assert r.probation_end(date(2025, 3, 20)) == date(2026, 3, 20)
    assert r.probation_end(date(2024, 2, 29)) == date(2025, 2, 28)


def test_official_from_the_end_of_12_months_even_when_the_meeting_is_late():
    assert r.official_from(date(2025, 3, 20), date(2026, 5, 4)) == date(2026, 3, 20)
    with pytest.raises(ValueError):
        r.official_from(date(2025, 3, 20), date(2026, 3, 19))


def test_recognition_due_30_working_days_after_the_12_months():
    assert r.recognition_due(date(2025, 3, 3), r.WorkingCalendar()) == date(2026, 4, 14)


def test_probationary_member_on_the_due_list_from_month_11():
    ceremony = date(2025, 3, 20)
    assert not r.in_due_notice(ceremony, date(2026, 1, 19))
    assert r.in_due_notice(ceremony, date(2026, 1, 20))


def test_three_failed_recognition_votes_go_up():
    assert r.recognition_outcome(8, 12, failed_before=0) == r.RECOGNIZED
    assert r.recognition_outcome(7, 12, failed_before=0) == r.VOTE_AGAIN
    assert r.recognition_outcome(7, 12, failed_before=1) == r.VOTE_AGAIN
    assert r.recognition_outcome(7, 11, failed_before=2) == r.TO_UPPER_COMMITTEE


def test_seniority_counts_from_the_decision_date():
    assert r.seniority_start(date(2025, 2, 10)) == date(2025, 2, 10)
    assert r.party_age_years(date(2025, 2, 10), date(2035, 2, 9)) == 9
    assert r.party_age_years(date(2025, 2, 10), date(2035, 2, 10)) == 10


def test_card_only_for_official_members():
    assert r.check_card(False, "123") != []
    assert r.check_card(True, "") != []
    assert r.check_card(True, "01234567") == []


# -- targets --------------------------------------------------------------------------------

def test_split_target_adds_up_by_largest_remainder():
    assert r.split_target(10, [5, 3, 2]) == [5, 3, 2]
    assert r.split_target(10, [1, 1, 1]) == [4, 3, 3]
    assert r.split_target(7, [0, 0]) == [4, 3]
    assert sum(r.split_target(1905, [150, 110, 97, 13, 61])) == 1905
    assert r.split_target(5, []) == []


def test_breakdown_flags():
    flags = r.breakdown_flags(gender="nu", ethnicity="Thái", religion="Công giáo", age_months=30 * 12 + 11,
                              workplace=r.STUDENT)
    assert flags == {"women": True, "minority": True, "youth": True, "religious": True,
                     "private_enterprise": False, "student": True}
    flags = r.breakdown_flags(gender="nam", ethnicity="Kinh", religion="Không", age_months=31 * 12, workplace="")
    assert not any(flags.values())


def test_quarters():
    assert r.quarter_of(date(2025, 3, 31)) == 1
    assert r.quarter_of(date(2025, 4, 1)) == 2
    assert r.quarter_end(2025, 2) == date(2025, 6, 30)
    assert r.quarter_end(2025, 4) == date(2025, 12, 31)


def test_every_problem_of_one_sponsor_is_named_not_only_the_first():
    """A probationary sponsor from another grassroots organization, known for 3 months: three
    problems, all said at once so the clerk fixes the proposal in one go."""
    sponsor = member("A", 3, official=None, same=False)
    errors = r.check_sponsors([sponsor, member("B", 30)], ON)
    assert errors == [
        "A chưa là đảng viên chính thức.",
        "A không cùng sinh hoạt, công tác trong một tổ chức cơ sở đảng với người xin vào Đảng.",
        "A chưa cùng công tác, học tập hoặc sinh sống với người xin vào Đảng đủ 12 tháng.",
    ]


def test_problems_of_both_sponsors_and_their_number_come_together():
    errors = r.check_sponsors([member("A", 3)], ON, youth_union_member=False)
    assert len(errors) == 2 and errors[0].startswith("Cần hai đảng viên chính thức") and "A chưa cùng" in errors[1]
