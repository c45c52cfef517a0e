"""A mistaken "xóa tên", "từ trần", "khai trừ", "chuyển đi" or "công nhận chính thức" is reversed
by a correction event: the member gets the status back, the history keeps both, the audit log
says who, why and under which decision. No database surgery."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dangbo.audit.models import AuditEntry
from dangbo.members import rules, services
from dangbo.members.models import EventKind, Member, MemberStatus

ROLES = ["admin", "staff_a", "leader_province", "secretary_a1", "member_user"]


def ended(tree, status=MemberStatus.REMOVED, member=None):
    member = member or tree.a1_members[1]
    event = services.end_membership(tree.staff_a, member, status, on=date(2026, 3, 2), decision_number="12-QĐ/ĐU")
    return Member.objects.get(pk=member.pk), event


@pytest.mark.parametrize("status", [MemberStatus.REMOVED, MemberStatus.DECEASED, MemberStatus.EXPELLED,
                                    MemberStatus.TRANSFERRED_OUT])
def test_correction_gives_the_status_back_and_keeps_the_history(tree, status):
    member, event = ended(tree, status)
    correction = services.reverse_event(tree.staff_a, member, event, reason="Ghi nhầm đảng viên",
                                        decision_number="15-QĐ/ĐU", on=date(2026, 3, 10))
    member.refresh_from_db()
    event.refresh_from_db()
    assert member.status == MemberStatus.OFFICIAL and member.is_active
    assert event.reversed_by == correction and correction.kind == EventKind.CORRECTION
    assert correction.decision_number == "15-QĐ/ĐU" and correction.created_by == tree.staff_a
    assert "Ghi nhầm đảng viên" in correction.note and "02/03/2026" in correction.note
    entry = AuditEntry.objects.filter(model="members.Member", object_id=str(member.pk)).first()
    assert entry.user == tree.staff_a and entry.changed_fields()["status"] == (status.value, "chinh_thuc")
    assert "15-QĐ/ĐU" in entry.note and "Ghi nhầm đảng viên" in entry.note


def test_probationary_member_gets_probation_back(tree):
    member, event = ended(tree, MemberStatus.DECEASED, tree.a1_members[2])
    services.reverse_event(tree.staff_a, member, event, reason="Nhầm người")
    assert Member.objects.get(pk=member.pk).status == MemberStatus.PROBATIONARY


def test_mistaken_recognition_is_reversed_to_probation(tree):
    member = tree.a1_members[2]
    member.admission_date = date(2024, 1, 10)
    member.save()
    event = services.recognize_official(tree.staff_a, member, on=date(2025, 2, 1))
    services.reverse_event(tree.staff_a, member, event, reason="Chi bộ chưa biểu quyết")
    member.refresh_from_db()
    assert member.status == MemberStatus.PROBATIONARY and member.official_date is None


def test_reason_is_required_and_a_reversal_happens_once(tree):
    member, event = ended(tree)
    with pytest.raises(ValidationError) as caught:
        services.reverse_event(tree.staff_a, member, event, reason="  ")
    assert caught.value.message_dict == {"reason": ["Phải ghi lý do điều chỉnh."]}
    services.reverse_event(tree.staff_a, member, event, reason="Ghi nhầm")
    with pytest.raises(ValidationError, match="đã được điều chỉnh"):
        services.reverse_event(tree.staff_a, member, event, reason="Ghi nhầm")


def test_only_the_latest_status_event_can_be_reversed(tree):
    member = tree.a1_members[2]
    recognition = services.recognize_official(tree.staff_a, member, on=date(2026, 6, 2))
    member, _ = ended(tree, MemberStatus.REMOVED, Member.objects.get(pk=member.pk))
    with pytest.raises(ValidationError, match="gần nhất"):
        services.reverse_event(tree.staff_a, member, recognition, reason="Ghi nhầm")


def test_member_page_offers_the_correction_to_writers_only(tree, login):
    member, event = ended(tree)
    url = reverse("members:event_correct", args=[member.pk, event.pk])
    assert url in login(tree.staff_a).get(member.get_absolute_url()).content.decode()
    assert url not in login(tree.leader_province).get(member.get_absolute_url()).content.decode()


def test_correction_through_the_page_shows_in_the_history(tree, login):
    member, event = ended(tree)
    client = login(tree.secretary_a1)
    url = reverse("members:event_correct", args=[member.pk, event.pk])
    assert client.post(url, {"reason": ""}).status_code == 200  # the form again, with the error
    response = client.post(url, {"reason": "Ghi nhầm người", "decision_number": "15-QĐ/ĐU", "date": "10/03/2026"},
                           follow=True)
    page = response.content.decode()
    assert "Đã điều chỉnh: hủy sự kiện «Xóa tên»" in page
    assert "<s>Xóa tên</s> (đã hủy do ghi nhầm)" in page and "Điều chỉnh hồ sơ" in page and "15-QĐ/ĐU" in page
    assert Member.objects.get(pk=member.pk).status == MemberStatus.OFFICIAL


@pytest.mark.parametrize("role", ROLES)
def test_correction_page_scope(tree, login, role):
    """Writers of the member's cell: 200; read-only roles that see the member: 403; others: 404."""
    member, event = ended(tree)
    status = login(getattr(tree, role)).get(reverse("members:event_correct", args=[member.pk, event.pk])).status_code
    assert status == {"admin": 200, "staff_a": 200, "secretary_a1": 200, "leader_province": 403,
                      "member_user": 404}[role]


def test_correction_page_outside_the_scope_is_404(tree, login):
    member, event = ended(tree, member=tree.b1_members[0])
    response = login(tree.staff_a).post(reverse("members:event_correct", args=[member.pk, event.pk]),
                                        {"reason": "x"})
    assert response.status_code == 404
    assert Member.objects.get(pk=member.pk).status == MemberStatus.REMOVED


# -- the rule itself, without a database ---------------------------------------------------------

def reversal(kind, **facts):
    base = dict(current_status=kind, is_latest_status_event=True, already_reversed=False, has_official_date=True,
                has_card=False, reason="Ghi nhầm")
    return rules.reversal(kind, **(base | facts))


def test_rule_end_events_give_back_official_or_probation():
    for kind in ("tu_tran", "xoa_ten", "khai_tru", "chuyen_di"):
        assert reversal(kind) == rules.Reversal("chinh_thuc")
        assert reversal(kind, has_official_date=False) == rules.Reversal("du_bi")


def test_rule_refusals():
    assert reversal("ket_nap").field == "event"
    assert reversal("ky_luat").field == "event"
    assert "đã được điều chỉnh" in reversal("xoa_ten", already_reversed=True).message
    assert "gần nhất" in reversal("xoa_ten", is_latest_status_event=False).message
    assert reversal("xoa_ten", reason=" ").field == "reason"
    assert "không do sự kiện này" in reversal("xoa_ten", current_status="tu_tran").message


def test_rule_recognition():
    assert reversal("chinh_thuc") == rules.Reversal("du_bi", clears_official_date=True)
    assert "thẻ" in reversal("chinh_thuc", has_card=True).message
    assert reversal("chinh_thuc", current_status="du_bi").field == "event"
