"""Meetings on a real database: follow-up counts for a small tree against written-out numbers,
the three-absences warning, the minutes lock, conferences and correction requests."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from dangbo.audit.models import AuditEntry
from dangbo.meetings import followup, services
from dangbo.meetings.models import Kind, Meeting, Presence, Status
from dangbo.members.models import Member

P, E, U = Presence.PRESENT, Presence.EXCUSED, Presence.UNEXCUSED


def held(user, cell, on, kind=Kind.REGULAR, marks=None):
    meeting = services.plan_meeting(user, cell, date=on, kind=kind)
    members = list(services.expected_members(meeting))
    marks = marks or [P] * len(members)
    services.record_attendance(user, meeting, {m.pk: (mark, "") for m, mark in zip(members, marks)})
    return meeting


@pytest.fixture
def first_quarter(tree):
    """Q1 2026: cell_a1 met every month (February combined with a thematic meeting); cell_a2
    met in January only (February planned, never held); the village cell met in January and
    February and held a thematic meeting in March; cell_b1 never met."""
    user = tree.admin
    held(user, tree.cell_a1, date(2026, 1, 5), marks=[P, P, U])
    held(user, tree.cell_a1, date(2026, 2, 5), Kind.COMBINED)
    held(user, tree.cell_a1, date(2026, 3, 5), marks=[P, E, P])
    held(user, tree.cell_a2, date(2026, 1, 6))
    services.plan_meeting(user, tree.cell_a2, date=date(2026, 2, 6), kind=Kind.REGULAR)
    held(user, tree.village_cell, date(2026, 1, 7))
    held(user, tree.village_cell, date(2026, 2, 7))
    held(user, tree.village_cell, date(2026, 3, 7), Kind.THEMATIC)
    return tree


def test_follow_up_of_the_province_by_commune(first_quarter):
    tree = first_quarter
    lines = {line.organization.pk: line for line in followup.subtree_follow_up(tree.province, 2026, date(2026, 3, 31))}
    a, b = lines[tree.commune_a.pk], lines[tree.commune_b.pk]
    assert (a.cells, a.months_due, a.months_held, a.cells_fully_on_time) == (3, 9, 6, 1)
    assert (a.quarters_due, a.quarters_thematic) == (3, 2)
    # Attendance lines: cell_a1 3×3, cell_a2 2, village 2×3 = 17; present 17 - 1 unexcused - 1 excused.
    assert (a.attendance_lines, a.present) == (17, 15)
    assert (b.cells, b.months_due, b.months_held, b.quarters_thematic, b.attendance_lines) == (1, 3, 0, 0, 0)
    total = followup.totals(list(lines.values()), tree.province)
    assert (total.cells, total.months_held, total.months_due) == (4, 6, 12)
    assert total.months_share == 50.0


def test_follow_up_of_one_cell_names_the_missing_months(first_quarter):
    result = followup.cell_follow_up(first_quarter.cell_a2, 2026, date(2026, 3, 31))
    assert result.months_missing == (2, 3) and result.quarters_missing_thematic == (1,)


def test_three_unexcused_absences_in_a_row_warn_the_secretary(tree):
    an, binh, chien = services.expected_members(services.plan_meeting(tree.admin, tree.cell_a1, date=date(2026, 1, 1)))
    Meeting.objects.all().delete()
    for month, mark in ((1, U), (2, U)):
        held(tree.admin, tree.cell_a1, date(2026, month, 5), marks=[P, P, mark])
    assert followup.absence_warnings(tree.cell_a1) == []
    held(tree.admin, tree.cell_a1, date(2026, 3, 5), marks=[P, P, U])
    assert followup.absence_warnings(tree.cell_a1) == [(chien.pk, 3)]
    held(tree.admin, tree.cell_a1, date(2026, 4, 5), marks=[P, P, E])
    assert followup.absence_warnings(tree.cell_a1) == []


def test_attendance_must_cover_every_member_and_only_them(tree):
    meeting = services.plan_meeting(tree.admin, tree.cell_a1, date=date(2026, 5, 5))
    members = list(services.expected_members(meeting))
    with pytest.raises(ValidationError, match="chưa được điểm danh"):
        services.record_attendance(tree.admin, meeting, {members[0].pk: (P, "")})
    outsider = tree.b1_members[0]
    with pytest.raises(ValidationError, match="không thuộc chi bộ"):
        services.record_attendance(tree.admin, meeting, {**{m.pk: (P, "") for m in members}, outsider.pk: (P, "")})
    counts = services.record_attendance(tree.admin, meeting, {m.pk: (P, "") for m in members})
    assert counts[P] == 3 and Meeting.objects.get(pk=meeting.pk).status == Status.HELD


def test_signed_minutes_are_locked_and_corrected_by_addenda(tree):
    meeting = held(tree.admin, tree.cell_a1, date(2026, 5, 5))
    with pytest.raises(ValidationError, match="Chưa có biên bản"):
        services.sign_minutes(tree.secretary_a1, meeting)
    services.save_minutes(tree.secretary_a1, meeting, chair="Nguyễn Văn An", secretary="Trần Thị Bình",
                          resolution="Hoàn thành nhiệm vụ tháng 5.")
    services.sign_minutes(tree.secretary_a1, meeting)
    with pytest.raises(ValidationError, match="đã ký"):
        services.save_minutes(tree.secretary_a1, meeting, resolution="Sửa lén.")
    with pytest.raises(ValidationError, match="đã ký"):
        services.record_attendance(tree.secretary_a1, meeting, {})
    with pytest.raises(ValidationError, match="đã ký"):
        services.update_meeting(tree.secretary_a1, meeting, place="Nơi khác")
    services.add_addendum(tree.secretary_a1, meeting, "Đính chính: đồng chí Bình vắng có lý do.")
    assert meeting.minutes.resolution == "Hoàn thành nhiệm vụ tháng 5."
    assert meeting.minutes.addenda.count() == 1
    assert AuditEntry.objects.filter(model="meetings.MinutesAddendum").exists()


def test_plan_year_twice_adds_nothing_the_second_time(tree):
    assert len(services.plan_year(tree.admin, tree.cell_a1, 2026)) == 12
    assert services.plan_year(tree.admin, tree.cell_a1, 2026) == []
    assert Meeting.objects.filter(organization=tree.cell_a1, kind=Kind.COMBINED).count() == 4


def test_conference_totals_over_bridge_points(tree):
    conference = services.create_conference(tree.admin, tree.province, title="Hội nghị quán triệt", date=date(2026, 6, 1),
                                            points=[{"place": "Tỉnh", "expected": 100}, {"place": "Xã A", "expected": 40}])
    main, other = conference.points.all()
    assert main.is_main and not other.is_main
    services.record_point_attendance(tree.admin, other, 38)
    with pytest.raises(ValidationError):
        services.record_point_attendance(tree.admin, other, -1)


def test_member_asks_for_a_correction_and_staff_accepts_it(tree):
    member = tree.a1_members[0]
    correction = services.request_correction(tree.member_user, member, field="home_town", requested_value="Xã Bình Lư")
    services.decide_correction(tree.staff_a, correction, accept=True, answer="Đã sửa theo giấy khai sinh.")
    assert Member.objects.get(pk=member.pk).home_town == "Xã Bình Lư"
    with pytest.raises(ValidationError, match="đã được xử lý"):
        services.decide_correction(tree.staff_a, correction, accept=False)
    with pytest.raises(ValidationError):
        services.request_correction(tree.member_user, member, field="citizen_id", requested_value="0")
