"""Discipline, inspection and remediation rules at every boundary, without a database."""
from datetime import date

import pytest

from dangbo.inspection import rules as r


# -- forms per subject ---------------------------------------------------------------------------


def test_organization_forms_are_reprimand_warning_dissolution():
    assert r.allowed_forms(r.ORGANIZATION) == (r.REPRIMAND, r.WARNING, r.DISSOLUTION)
    assert r.form_error(r.ORGANIZATION, r.EXPULSION) is not None
    assert r.form_error(r.ORGANIZATION, r.DISMISSAL) is not None
    assert r.form_error(r.ORGANIZATION, r.DISSOLUTION) is None


def test_official_member_can_be_dismissed_only_from_a_post_they_hold():
    assert r.allowed_forms(r.OFFICIAL) == (r.REPRIMAND, r.WARNING, r.EXPULSION)
    assert r.allowed_forms(r.OFFICIAL, holds_post=True) == (r.REPRIMAND, r.WARNING, r.DISMISSAL, r.EXPULSION)
    assert "giữ chức vụ" in r.form_error(r.OFFICIAL, r.DISMISSAL)
    assert r.form_error(r.OFFICIAL, r.DISMISSAL, holds_post=True) is None
    assert r.form_error(r.OFFICIAL, r.DISSOLUTION, holds_post=True) is not None


def test_probationary_member_only_reprimand_or_warning_even_with_a_post():
    assert r.allowed_forms(r.PROBATIONARY, holds_post=True) == (r.REPRIMAND, r.WARNING)
    for form in (r.DISMISSAL, r.EXPULSION, r.DISSOLUTION):
        assert "dự bị" in r.form_error(r.PROBATIONARY, form, holds_post=True)


def test_unknown_form_or_subject():
    assert r.form_error(r.OFFICIAL, "phat_tien") == "Hình thức kỷ luật không hợp lệ."
    with pytest.raises(ValueError):
        r.allowed_forms("ca_nhan")


def test_severity_order():
    assert r.severity(r.REPRIMAND) < r.severity(r.WARNING) < r.severity(r.DISMISSAL) < r.severity(r.EXPULSION)
    assert r.heaviest([r.WARNING, r.REPRIMAND, r.DISMISSAL]) == r.DISMISSAL
    assert r.heaviest([]) is None
    with pytest.raises(ValueError):
        r.severity("x")


# -- statute of limitations ----------------------------------------------------------------------


def test_reprimand_level_prescribes_after_five_years_on_the_day():
    violation = date(2020, 3, 15)
    assert r.limitation_end(violation, r.REPRIMAND, r.OFFICIAL) == date(2025, 3, 15)
    assert r.limitation_error(violation, date(2025, 3, 15), r.REPRIMAND, r.OFFICIAL) is None
    error = r.limitation_error(violation, date(2025, 3, 16), r.REPRIMAND, r.OFFICIAL)
    assert "hết thời hiệu" in error.lower() and "5 năm" in error and "15/03/2025" in error


@pytest.mark.parametrize("form,subject", [(r.WARNING, r.OFFICIAL), (r.DISMISSAL, r.OFFICIAL),
                                          (r.WARNING, r.ORGANIZATION), (r.WARNING, r.PROBATIONARY)])
def test_warning_and_dismissal_prescribe_after_ten_years_on_the_day(form, subject):
    violation = date(2015, 7, 1)
    assert r.limitation_months(form, subject) == 120
    assert r.limitation_error(violation, date(2025, 7, 1), form, subject) is None
    assert "10 năm" in r.limitation_error(violation, date(2025, 7, 2), form, subject)


@pytest.mark.parametrize("form,subject", [(r.EXPULSION, r.OFFICIAL), (r.DISSOLUTION, r.ORGANIZATION)])
def test_expulsion_and_dissolution_never_prescribe(form, subject):
    assert r.limitation_end(date(1990, 1, 1), form, subject) is None
    assert r.limitation_error(date(1990, 1, 1), date(2025, 1, 1), form, subject) is None


def test_internal_politics_and_national_interest_never_prescribe():
    for ground in (r.INTERNAL_POLITICS, r.NATIONAL_INTEREST):
        assert r.limitation_error(date(2000, 1, 1), date(2025, 1, 1), r.REPRIMAND, r.ORGANIZATION, ground) is None


def test_unlawful_diploma_is_imprescriptible_for_members_only():
    assert r.limitation_months(r.REPRIMAND, r.OFFICIAL, r.UNLAWFUL_DIPLOMA) is None
    assert r.limitation_months(r.REPRIMAND, r.ORGANIZATION, r.UNLAWFUL_DIPLOMA) == 60


def test_leap_day_violation_ends_on_the_last_day_of_february():
    assert r.limitation_end(date(2020, 2, 29), r.REPRIMAND, r.OFFICIAL) == date(2025, 2, 28)


def test_a_new_violation_restarts_the_period():
    start = r.limitation_start([date(2018, 1, 10), date(2022, 6, 1)])
    assert start == date(2022, 6, 1)
    assert r.limitation_error(start, date(2025, 3, 1), r.REPRIMAND, r.OFFICIAL) is None
    with pytest.raises(ValueError):
        r.limitation_start([])


def test_conclusion_before_violation_is_refused():
    assert r.limitation_error(date(2025, 3, 2), date(2025, 3, 1), r.REPRIMAND, r.OFFICIAL) is not None


# -- authority, approval, effective date ----------------------------------------------------------


def test_cell_may_reprimand_or_warn_its_members_effective_when_announced():
    auth = r.authority(r.CELL, r.OFFICIAL, r.WARNING)
    assert auth.allowed and not auth.needs_approval and auth.effective_on_announcement
    assert r.effective_date(date(2025, 5, 10), announced_on=date(2025, 5, 10), auth=auth) == date(2025, 5, 10)


def test_cell_cannot_dismiss_expel_or_judge_tasks_from_higher_level():
    assert not r.authority(r.CELL, r.OFFICIAL, r.EXPULSION).allowed
    assert not r.authority(r.CELL, r.OFFICIAL, r.DISMISSAL).allowed
    assert not r.authority(r.CELL, r.ORGANIZATION, r.REPRIMAND).allowed
    assert "cấp trên giao" in r.authority(r.CELL, r.OFFICIAL, r.REPRIMAND, task_from_higher_level=True).reason


def test_cell_committee_has_no_disciplinary_power():
    for form in r.FORM_LABELS:
        assert not r.authority(r.CELL_COMMITTEE, r.OFFICIAL, form).allowed


def test_grassroots_committee_expels_only_with_delegated_admission_and_approval():
    assert not r.authority(r.GRASSROOTS_COMMITTEE, r.OFFICIAL, r.EXPULSION).allowed
    auth = r.authority(r.GRASSROOTS_COMMITTEE, r.OFFICIAL, r.EXPULSION, admission_delegated=True)
    assert auth.allowed and auth.needs_approval
    assert r.effective_date(date(2025, 3, 1), auth=auth) is None
    assert r.effective_date(date(2025, 3, 1), approved_on=date(2025, 3, 20), auth=auth) == date(2025, 3, 20)


def test_committee_above_decides_an_organizations_reprimand_and_dissolution_needs_approval():
    assert r.authority(r.GRASSROOTS_COMMITTEE, r.ORGANIZATION, r.WARNING).allowed
    assert not r.authority(r.GRASSROOTS_COMMITTEE, r.ORGANIZATION, r.DISSOLUTION).allowed
    dissolution = r.authority(r.UPPER_COMMITTEE, r.ORGANIZATION, r.DISSOLUTION)
    assert dissolution.allowed and dissolution.needs_approval
    assert not r.authority(r.INSPECTION_COMMISSION, r.ORGANIZATION, r.DISSOLUTION).allowed
    upper = r.authority(r.UPPER_COMMITTEE, r.OFFICIAL, r.EXPULSION)
    assert upper.allowed and r.effective_date(date(2025, 4, 2), auth=upper) == date(2025, 4, 2)
    with pytest.raises(ValueError):
        r.authority("nobody", r.OFFICIAL, r.WARNING)


# -- postponement --------------------------------------------------------------------------------


def test_nursing_postponement_ends_the_day_before_the_child_turns_one():
    end = r.postponement_end(r.NURSING, start=date(2025, 1, 20), child_born_on=date(2025, 1, 20))
    assert end == date(2026, 1, 19)
    spans = [(r.NURSING, date(2025, 1, 20), end)]
    assert "nuôi con" in r.postponement_error(date(2026, 1, 19), spans)
    assert r.postponement_error(date(2026, 1, 20), spans) is None
    assert r.postponement_error(date(2025, 1, 19), spans) is None


def test_pregnancy_and_illness_postpone_until_their_end_or_while_open():
    spans = [(r.PREGNANCY, date(2025, 2, 1), None)]
    assert r.postponed_on(date(2030, 1, 1), spans) == r.PREGNANCY
    ill = [(r.SERIOUS_ILLNESS, date(2025, 2, 1), r.postponement_end(r.SERIOUS_ILLNESS, start=date(2025, 2, 1),
                                                                      end=date(2025, 5, 31)))]
    assert r.postponed_on(date(2025, 5, 31), ill) == r.SERIOUS_ILLNESS
    assert r.postponed_on(date(2025, 6, 1), ill) is None
    with pytest.raises(ValueError):
        r.postponement_end("di_cong_tac", start=date(2025, 1, 1))


# -- appeal ----------------------------------------------------------------------------------------


def test_appeal_within_thirty_days_on_the_day():
    received = date(2025, 3, 3)
    assert r.appeal_deadline(received) == date(2025, 4, 2)
    assert r.appeal_error(received, date(2025, 4, 2)) is None
    assert "Quá thời hạn khiếu nại" in r.appeal_error(received, date(2025, 4, 3))
    assert r.appeal_error(received, date(2025, 3, 2)) is not None


def test_annulled_decision_no_longer_counts_in_its_year():
    assert r.in_force_after_appeal(r.UPHELD) and r.in_force_after_appeal(r.CHANGED) and r.in_force_after_appeal("")
    assert not r.in_force_after_appeal(r.ANNULLED)
    assert r.counts_in_year(date(2025, 12, 31), 2025)
    assert not r.counts_in_year(date(2026, 1, 1), 2025)
    assert not r.counts_in_year(date(2025, 6, 1), 2025, annulled=True)
    assert not r.counts_in_year(None, 2025)
    with pytest.raises(ValueError):
        r.in_force_after_appeal("bac_bo")


# -- remediation ------------------------------------------------------------------------------------


def test_remediation_status_turns_overdue_the_day_after_the_deadline():
    deadline = date(2025, 6, 30)
    assert r.remediation_status(done_on=None, started=False, deadline=deadline, today=deadline) == r.NOT_STARTED
    assert r.remediation_status(done_on=None, started=True, deadline=deadline, today=deadline) == r.IN_PROGRESS
    assert r.remediation_status(done_on=None, started=True, deadline=deadline, today=date(2025, 7, 1)) == r.OVERDUE
    assert r.remediation_status(done_on=date(2025, 8, 1), started=True, deadline=deadline,
                                today=date(2025, 9, 1)) == r.DONE
    assert r.remediation_status(done_on=None, started=False, deadline=None, today=date(2030, 1, 1)) == r.NOT_STARTED


def test_summary_sentence_in_the_seed_wording():
    units = {}
    for i in range(30):
        units[f"done{i}"] = [(r.DONE, False), (r.DONE, False)]
    for i in range(16):
        units[f"prog{i}"] = [(r.DONE, False), (r.IN_PROGRESS, i < 6)]
    units["late"] = [(r.NOT_STARTED, True)]
    summary = r.summarize_units(units)
    assert (summary.units, summary.done, summary.in_progress, summary.not_started, summary.overdue) == (47, 30, 16, 1, 7)
    assert summary.sentence() == ("47 đơn vị có kiến nghị khắc phục: 30 đơn vị đã khắc phục xong, 16 đơn vị đang "
                                  "khắc phục, 1 đơn vị chưa khắc phục; 7 đơn vị quá hạn khắc phục.")
    assert r.summarize_units({}).sentence().startswith("0 đơn vị")


def test_discipline_sentence_in_report_wording():
    text = r.discipline_sentence({r.REPRIMAND: 1221, r.WARNING: 218, r.DISMISSAL: 12, r.EXPULSION: 165},
                                 {r.REPRIMAND: 2, r.WARNING: 1})
    assert text == ("thi hành kỷ luật 1.616 đảng viên (khiển trách 1.221, cảnh cáo 218, cách chức 12, khai trừ 165); "
                    "3 tổ chức đảng (khiển trách 2, cảnh cáo 1)")
    assert r.discipline_sentence({r.WARNING: 2}) == "thi hành kỷ luật 2 đảng viên (cảnh cáo 2)"
    assert r.discipline_sentence({}) == "thi hành kỷ luật 0 đảng viên"


# -- weak organizations ------------------------------------------------------------------------------


def test_weak_when_khtnv_or_htnv_in_consecutive_years():
    assert r.weak_reason({2025: "khtnv"}, 2025) == r.WEAK_KHTNV
    assert r.weak_reason({2024: "htnv", 2025: "htnv"}, 2025) == r.WEAK_REPEATED_HTNV
    assert r.weak_reason({2024: "httnv", 2025: "htnv"}, 2025) is None
    assert r.weak_reason({2023: "htnv", 2024: "htnv", 2025: "htnv"}, 2025, repeated_years=3) == r.WEAK_REPEATED_HTNV
    assert r.weak_reason({2024: "htnv", 2025: "htnv"}, 2025, repeated_years=3) is None
    assert r.weak_reason({2025: "httnv"}, 2025) is None
