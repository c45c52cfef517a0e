"""Meeting pages through the scope: who sees what, 404 outside, 403 for read-only roles."""
from datetime import date

import pytest
from django.urls import reverse

from dangbo.meetings import services
from dangbo.meetings.models import Attendance, BridgePoint, Kind, Presence


@pytest.fixture
def meetings(tree):
    a1 = services.plan_meeting(tree.admin, tree.cell_a1, date=date(2026, 12, 5), kind=Kind.REGULAR, place="Phòng họp A1")
    b1 = services.plan_meeting(tree.admin, tree.cell_b1, date=date(2026, 12, 6), kind=Kind.REGULAR)
    conference = services.create_conference(tree.admin, tree.commune_b, title="Hội nghị phường B", date=date(2026, 6, 1),
                                             points=[{"place": "Phường B", "expected": 10}])
    return a1, b1, conference


def pages(meeting):
    return [reverse(name, args=[meeting.pk]) for name in (
        "meetings:detail", "meetings:edit", "meetings:attendance", "meetings:minutes")]


def posts(meeting):
    return [reverse(name, args=[meeting.pk]) for name in (
        "meetings:notify", "meetings:add_material", "meetings:sign", "meetings:addendum")]


@pytest.mark.parametrize("user", ["staff_a", "secretary_a1", "member_user"])
def test_meetings_of_another_unit_do_not_exist(tree, meetings, login, user):
    client = login(getattr(tree, user))
    _, b1, conference = meetings
    for url in pages(b1):
        assert client.get(url).status_code == 404, url
    for url in posts(b1):
        assert client.post(url).status_code == 404, url
    assert client.get(reverse("meetings:conference", args=[conference.pk])).status_code == 404
    assert client.get(reverse("meetings:follow_up") + f"?to_chuc={tree.commune_b.pk}").status_code == 404


def test_leader_reads_but_cannot_take_attendance(tree, meetings, login):
    client = login(tree.leader_province)
    a1, _, _ = meetings
    assert client.get(reverse("meetings:detail", args=[a1.pk])).status_code == 200
    assert client.get(reverse("meetings:attendance", args=[a1.pk])).status_code == 403
    assert client.post(reverse("meetings:notify", args=[a1.pk])).status_code == 403


def test_secretary_takes_attendance_in_one_post(tree, meetings, login):
    client = login(tree.secretary_a1)
    a1, _, _ = meetings
    an, binh, chien = tree.a1_members
    response = client.post(reverse("meetings:attendance", args=[a1.pk]), {
        f"p{an.pk}": Presence.PRESENT, f"p{binh.pk}": Presence.EXCUSED, f"r{binh.pk}": "Đi công tác",
        f"p{chien.pk}": Presence.PRESENT,
    }, follow=True)
    assert "Đã điểm danh: 2 có mặt, 1 vắng có lý do, 0 vắng không lý do." in response.content.decode()
    assert Attendance.objects.get(meeting=a1, member=binh).reason == "Đi công tác"


def test_a_member_sees_the_notice_and_only_their_own_attendance(tree, meetings, login):
    a1, _, _ = meetings
    an, binh, chien = tree.a1_members
    services.record_attendance(tree.admin, a1, {an.pk: (Presence.PRESENT, ""), binh.pk: (Presence.UNEXCUSED, ""),
                                                chien.pk: (Presence.PRESENT, "")})
    client = login(tree.member_user)
    page = client.get(reverse("meetings:detail", args=[a1.pk])).content.decode()
    assert "Phòng họp A1" in page and "Có mặt" in page
    assert binh.full_name not in page and "Vắng không lý do" not in page
    for url in pages(a1)[1:]:
        assert client.get(url).status_code == 403, url
    assert client.get(reverse("meetings:follow_up")).status_code == 404
    assert client.get(reverse("meetings:corrections")).status_code == 404


def test_member_page_shows_seniority_next_meeting_and_ratings(tree, meetings, login):
    client = login(tree.member_user)
    page = client.get(reverse("meetings:mine")).content.decode()
    assert "Nguyễn Văn An" in page and "Phòng họp A1" in page
    assert "Mốc Huy hiệu Đảng tiếp theo: <strong>30 năm</strong>" in page   # admitted 02/3/2010
    response = client.post(reverse("meetings:mine"), {"field": "phone", "requested_value": "0912345678"}, follow=True)
    assert "Đã gửi đề nghị sửa hồ sơ" in response.content.decode()
    staff = login(tree.staff_a)
    assert "0912345678" in staff.get(reverse("meetings:corrections")).content.decode()


def test_users_without_a_member_record_have_no_member_page(tree, login):
    assert login(tree.staff_a).get(reverse("meetings:mine")).status_code == 404


def test_follow_up_page_for_the_commune(tree, meetings, login):
    client = login(tree.staff_a)
    page = client.get(reverse("meetings:follow_up") + f"?to_chuc={tree.commune_a.pk}&nam=2026").content.decode()
    assert tree.grassroots_a.name in page and tree.village_cell.name in page


def test_bad_input_is_a_message_not_a_500(tree, meetings, login):
    client = login(tree.staff_a)
    a1, _, _ = meetings
    assert client.get(reverse("meetings:follow_up") + "?nam=-1").status_code == 200
    response = client.post(reverse("meetings:edit", args=[a1.pk]), {"date": "31/02/2026", "duration_minutes": "99999"})
    assert response.status_code == 200 and "Thời lượng" in response.content.decode()
    response = client.post(reverse("meetings:conference_create"), {
        "organization": tree.commune_a.pk, "title": "HN", "date": "01/06/2026", "points": "Xã A; Bí thư; nhiều"})
    assert "số đại biểu triệu tập phải là số" in response.content.decode()
    response = client.post(reverse("meetings:conference", args=[meetings[2].pk]), {"point": "x", "present": "1"})
    assert response.status_code == 404
    assert BridgePoint.objects.count() == 1


def test_rating_screen_shows_each_members_attendance_of_the_year(tree, login):
    an, binh, chien = tree.a1_members
    for month, binh_mark in ((1, Presence.PRESENT), (2, Presence.UNEXCUSED)):
        meeting = services.plan_meeting(tree.admin, tree.cell_a1, date=date(2025, month, 5))
        # Chiến was admitted in June 2025: not yet called to these meetings.
        services.record_attendance(tree.admin, meeting, {an.pk: (Presence.PRESENT, ""), binh.pk: (binh_mark, "")})
    page = login(tree.secretary_a1).get(reverse("ratings:cell_entry", args=[tree.cell_a1.pk, 2025])).content.decode()
    assert "Sinh hoạt: dự 1/2 buổi, vắng không lý do 1" in page
    assert "Chi bộ sinh hoạt thường kỳ 2/12 tháng, chuyên đề 0/4 quý trong năm 2025." in page


def test_secretary_attaches_a_resolution_of_the_upper_committee_and_members_see_it(tree, meetings, login):
    from dangbo.documents.tests.factories import document, issuer

    resolution = document(tree.admin, issuer(tree.commune_a, code="ĐU"), "05-NQ/ĐU", title="Nghị quyết về chuyển đổi số",
                          issued_on=date(2025, 3, 1))
    a1, _, _ = meetings
    client = login(tree.secretary_a1)
    response = client.post(reverse("meetings:add_material", args=[a1.pk]), {"document": resolution.pk}, follow=True)
    assert "Nghị quyết về chuyển đổi số" in response.content.decode()
    other = document(tree.admin, issuer(tree.commune_b, code="ĐU"), "06-NQ/ĐU", title="Văn bản phường B", issued_on=date(2025, 3, 1))
    client.post(reverse("meetings:add_material", args=[a1.pk]), {"document": other.pk})
    assert a1.materials.count() == 1   # a document of another committee is not offered
    client.post(reverse("meetings:notify", args=[a1.pk]))
    page = login(tree.member_user).get(reverse("meetings:mine")).content.decode()
    assert "Tài liệu được gửi" in page and "Nghị quyết về chuyển đổi số" in page


def test_staff_plans_a_meeting_with_its_time_and_the_year_calendar(tree, login):
    client = login(tree.staff_a)
    response = client.post(reverse("meetings:create"), {
        "organization": tree.village_cell.pk, "body": "chi_bo", "kind": Kind.REGULAR, "date": "05/12/2026",
        "start_time": "14:00", "place": "Nhà văn hóa thôn", "agenda": "Kiểm điểm cuối năm"}, follow=True)
    assert "Nhà văn hóa thôn" in response.content.decode() and "lúc 14:00" in response.content.decode()
    response = client.post(reverse("meetings:plan_year"), {"organization": tree.village_cell.pk, "year": 2027,
                                                           "regular_day": 7}, follow=True)
    assert "Đã lập 12 buổi sinh hoạt năm 2027" in response.content.decode()
    assert client.post(reverse("meetings:plan_year"), {"organization": tree.cell_b1.pk, "year": 2027,
                                                       "regular_day": 7}, follow=True).status_code == 200
    assert not tree.cell_b1.meetings.exists()   # outside the staff's subtree: refused by the form
