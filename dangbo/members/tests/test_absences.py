"""Miễn sinh hoạt and long leave: counted as people count them, recorded, audited, scoped,
and honoured when members are rated."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dangbo.audit.models import AuditEntry
from dangbo.members import services
from dangbo.members.models import MemberAbsence
from dangbo.members.rules import absent_months_in_year, covers, validate_absence

D = date


# -- rules, without a database ---------------------------------------------------------------


@pytest.mark.parametrize(("spans", "months"), [
    ([], 0),
    ([(D(2025, 2, 1), D(2025, 4, 30))], 3),  # February to April: three months, though 89 days
    ([(D(2025, 2, 1), D(2025, 4, 29))], 2),  # one day short
    ([(D(2025, 3, 15), D(2025, 9, 14))], 6),  # six months of maternity leave
    ([(D(2025, 1, 1), None)], 12),  # still running: to the end of the year
    ([(D(2024, 11, 1), D(2025, 1, 31))], 1),  # only the part inside the year counts
    ([(D(2025, 11, 1), D(2026, 4, 30))], 2),
    ([(D(2023, 1, 1), D(2024, 12, 31))], 0),  # before the year
    ([(D(2025, 3, 1), D(2025, 4, 30)), (D(2025, 4, 1), D(2025, 5, 31))], 3),  # overlap counted once
    ([(D(2025, 3, 1), D(2025, 3, 31)), (D(2025, 4, 1), D(2025, 4, 30))], 2),  # back to back
    ([(D(2025, 1, 10), D(2025, 1, 24)), (D(2025, 6, 1), D(2025, 6, 15))], 1),  # 15 + 15 days
    ([(D(2025, 1, 10), D(2025, 1, 24)), (D(2025, 6, 1), D(2025, 6, 14))], 0),  # 29 days
    ([(D(2024, 2, 1), D(2024, 2, 29))], 0),  # a leap-year February is in 2024, not 2025
])
def test_absent_months_in_2025(spans, months):
    assert absent_months_in_year(spans, 2025) == months


def test_covers_includes_both_ends_and_an_open_end():
    assert covers(D(2025, 1, 1), D(2025, 6, 30), D(2025, 6, 30))
    assert not covers(D(2025, 1, 1), D(2025, 6, 30), D(2025, 7, 1))
    assert covers(D(2025, 1, 1), None, D(2030, 1, 1))
    assert not covers(D(2025, 1, 2), None, D(2025, 1, 1))


def test_absence_dates_are_validated_in_vietnamese():
    assert validate_absence(None, None, D(2020, 1, 1))[0].message == "Chưa nhập ngày bắt đầu."
    [error] = validate_absence(D(2025, 5, 1), D(2025, 4, 1), D(2020, 1, 1))
    assert error.field == "end" and "sau ngày bắt đầu" in error.message
    [error] = validate_absence(D(2019, 5, 1), None, D(2020, 1, 1))
    assert error.field == "start" and "01/01/2020" in error.message
    assert validate_absence(D(2025, 5, 1), None, D(2020, 1, 1)) == []


# -- recording -----------------------------------------------------------------------------


def test_recording_an_absence_is_audited_and_overlaps_are_refused(tree):
    member = tree.a1_members[1]
    absence = services.record_absence(tree.staff_a, member, kind="thai_san", start=D(2025, 3, 1),
                                      end=D(2025, 8, 31), decision_number="12-QĐ/ĐU")
    entry = AuditEntry.objects.get(model="members.MemberAbsence", object_id=str(absence.pk))
    assert entry.user == tree.staff_a and entry.after["kind"] == "thai_san"
    assert entry.organization_id == member.organization_id
    with pytest.raises(ValidationError) as error:
        services.record_absence(tree.staff_a, member, kind="thai_san", start=D(2025, 8, 1))
    assert "Trùng với thời gian đã ghi nhận" in error.value.message_dict["start"][0]
    services.end_absence(tree.staff_a, services.record_absence(tree.staff_a, member, kind="nghi_om",
                                                               start=D(2025, 10, 1)), end=D(2025, 10, 20))
    assert MemberAbsence.objects.filter(member=member).count() == 2


def test_absence_form_on_the_member_page(tree, login):
    member = tree.a1_members[0]
    client = login(tree.secretary_a1)
    response = client.post(reverse("members:absence", args=[member.pk]),
                           {"kind": "mien_sinh_hoat", "start": "01/07/2025", "decision_number": "05-QĐ/ĐU"}, follow=True)
    page = response.content.decode()
    assert "Miễn công tác và sinh hoạt đảng" in page and "01/07/2025" in page
    absence = member.absences.get()
    assert absence.end is None
    client.post(reverse("members:absence_end", args=[member.pk, absence.pk]), {"end": "31/12/2025"})
    absence.refresh_from_db()
    assert absence.end == D(2025, 12, 31)
    # A wrong date names the field.
    page = client.post(reverse("members:absence", args=[member.pk]),
                       {"kind": "nghi_om", "start": "31/02/2025"}, follow=True).content.decode()
    assert "Từ ngày:" in page


@pytest.mark.parametrize(("role", "status"), [
    ("staff_a", 404), ("secretary_a1", 404), ("leader_province", 403), ("admin", 302)])
def test_absence_views_answer_404_outside_the_scope(tree, login, role, status):
    member = tree.b1_members[0]  # commune B: outside staff_a and secretary_a1
    absence = MemberAbsence.objects.create(member=member, kind="nghi_om", start=D(2025, 1, 1))
    client = login(getattr(tree, role))
    assert client.post(reverse("members:absence", args=[member.pk]),
                       {"kind": "nghi_om", "start": "01/06/2025"}).status_code == status
    assert client.post(reverse("members:absence_end", args=[member.pk, absence.pk]),
                       {"end": "01/03/2025"}).status_code == status


def test_an_absence_of_another_member_is_404(tree, login):
    other = MemberAbsence.objects.create(member=tree.b1_members[0], kind="nghi_om", start=D(2025, 1, 1))
    client = login(tree.admin)
    response = client.post(reverse("members:absence_end", args=[tree.a1_members[0].pk, other.pk]), {"end": "01/03/2025"})
    assert response.status_code == 404


# -- rating ---------------------------------------------------------------------------------


def test_exempted_and_long_leave_members_are_reviewed_but_not_rated(tree):
    from dangbo.ratings import services as ratings
    from dangbo.ratings.services import RatingInput

    ratings.open_period(tree.admin, tree.province, 2025)
    an, binh, chien = tree.a1_members
    services.record_absence(tree.admin, an, kind="mien_sinh_hoat", start=D(2025, 6, 1))
    services.record_absence(tree.admin, binh, kind="thai_san", start=D(2025, 2, 1), end=D(2025, 7, 31))
    services.record_absence(tree.admin, chien, kind="nghi_om", start=D(2025, 7, 1), end=D(2025, 8, 31))
    with pytest.raises(ValidationError) as error:
        ratings.save_cell_ratings(tree.admin, tree.cell_a1, 2025, [
            RatingInput(an, "httnv", rated_on=D(2025, 12, 15)), RatingInput(binh, "httnv", rated_on=D(2025, 12, 15)),
            RatingInput(chien, "httnv", rated_on=D(2025, 12, 15))])
    messages = error.value.message_dict["level"]
    assert len(messages) == 2
    assert any(an.full_name in m and "miễn công tác" in m for m in messages)
    assert any(binh.full_name in m and "Nghỉ ốm, thai sản từ 3 tháng" in m for m in messages)
    # Two months of sick leave: rated as usual; the others are left unrated.
    result = ratings.save_cell_ratings(tree.admin, tree.cell_a1, 2025, [
        RatingInput(an, ""), RatingInput(binh, ""), RatingInput(chien, "httnv", rated_on=D(2025, 12, 15))])
    assert result["saved"] == 1
