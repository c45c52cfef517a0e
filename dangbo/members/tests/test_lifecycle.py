from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dangbo.audit.models import AuditEntry
from dangbo.members import services
from dangbo.members.models import EventKind, Member, MemberStatus


def new_record(org, **overrides):
    record = dict(full_name="Nguyễn Thị Hồng Nhung", birth_date=date(1995, 4, 9), gender="nu",
                  admission_date=date(2020, 5, 19), official_date=date(2021, 5, 19), status=MemberStatus.OFFICIAL,
                  citizen_id="001195012345", organization=org)
    record.update(overrides)
    return record


def test_creating_a_member_is_audited_with_the_after_state(tree):
    member = services.create_member(tree.staff_a, new_record(tree.cell_a1))
    entry = AuditEntry.objects.get(model="members.Member", object_id=str(member.pk))
    assert entry.user == tree.staff_a and entry.action == "create"
    assert entry.after["full_name"] == "Nguyễn Thị Hồng Nhung"
    assert [e.kind for e in member.events.all()] == [EventKind.ADMITTED, EventKind.RECOGNIZED]


def test_editing_records_before_and_after(tree):
    member = tree.a1_members[0]
    services.update_member(tree.staff_a, member, {"phone": "0912345678"})
    entry = AuditEntry.objects.filter(object_id=str(member.pk), action="update").latest("at")
    assert entry.changed_fields()["phone"] == ("", "0912345678")


def test_admission_before_18_years_is_refused_in_vietnamese(tree):
    with pytest.raises(ValidationError) as error:
        services.create_member(tree.staff_a, new_record(tree.cell_a1, birth_date=date(2003, 6, 1),
                                                        admission_date=date(2021, 5, 1), official_date=None,
                                                        status=MemberStatus.PROBATIONARY))
    assert "đủ 18 tuổi" in error.value.message_dict["admission_date"][0]
    assert not Member.objects.filter(full_name="Nguyễn Thị Hồng Nhung").exists()


def test_official_date_needs_twelve_months_of_probation(tree):
    with pytest.raises(ValidationError) as error:
        services.create_member(tree.staff_a, new_record(tree.cell_a1, official_date=date(2021, 1, 1)))
    assert "12 tháng" in error.value.message_dict["official_date"][0]


def test_transfer_keeps_history_with_from_to_date_and_decision(tree):
    member = tree.a1_members[1]
    services.transfer_member(tree.staff_a, member, tree.village_cell, on=date(2026, 3, 1), decision_number="15-QĐ/ĐU")
    member.refresh_from_db()
    assert member.organization == tree.village_cell
    event = member.events.get(kind=EventKind.TRANSFER)
    assert (event.from_organization, event.to_organization, event.date, event.decision_number) == (
        tree.cell_a1, tree.village_cell, date(2026, 3, 1), "15-QĐ/ĐU")


def test_probationary_member_becomes_official_at_end_of_twelve_months(tree):
    member = tree.a1_members[2]  # admitted 01/06/2025
    with pytest.raises(ValidationError):
        services.recognize_official(tree.staff_a, member, on=date(2026, 5, 31))
    services.recognize_official(tree.staff_a, member, on=date(2026, 6, 20), decision_number="120-QĐ/ĐU")
    member.refresh_from_db()
    assert member.status == MemberStatus.OFFICIAL and member.official_date == date(2026, 6, 1)


def test_form_errors_name_the_field_in_vietnamese(tree, login):
    client = login(tree.staff_a)
    response = client.post(reverse("members:create"), {
        "full_name": "Lò Thị Mai", "birth_date": "12/03/1990", "gender": "nu", "ethnicity": "Thái",
        "citizen_id": "12345", "admission_date": "02/09/2015", "official_date": "02/09/2016",
        "organization": tree.village_cell.pk, "status": "chinh_thuc",
    })
    assert response.status_code == 200
    assert "Số CCCD phải gồm đúng 12 chữ số." in response.content.decode()
    assert not Member.objects.filter(full_name="Lò Thị Mai").exists()


def test_staff_adds_a_member_through_the_form(tree, login):
    client = login(tree.staff_a)
    response = client.post(reverse("members:create"), {
        "full_name": "  Lò   Thị Mai ", "birth_date": "12/03/1990", "gender": "nu", "ethnicity": "Thái",
        "citizen_id": "012190001234", "admission_date": "02/09/2015", "official_date": "02/09/2016",
        "organization": tree.village_cell.pk, "status": "chinh_thuc",
    })
    member = Member.objects.get(citizen_id="012190001234")
    assert response.status_code == 302 and member.full_name == "Lò Thị Mai"


def test_search_ignores_accents(tree, login):
    page = login(tree.admin).get(reverse("members:list"), {"q": "nguyen van an"}).content.decode()
    assert "Nguyễn Văn An" in page and "Trần Thị Bình" not in page
    page = login(tree.admin).get(reverse("members:list"), {"q": "TẨN láo"}).content.decode()
    assert "Tẩn Láo Sử" in page


def test_member_list_is_in_vietnamese_name_order(tree, login):
    page = login(tree.admin).get(reverse("members:list")).content.decode()
    order = ["Nguyễn Văn An", "Trần Thị Bình", "Lò Văn Chiến", "Vàng Thị Dợ", "Phạm Minh Đức", "Hoàng Thị Én",
             "Đỗ Thu Hà", "Lê Quang Huy", "Tẩn Láo Sử"]
    positions = [page.index(name) for name in order]
    assert positions == sorted(positions)


def test_filters_by_gender_and_subtree(tree, login):
    page = login(tree.admin).get(reverse("members:list"), {"gender": "nu", "org": tree.commune_a.pk}).content.decode()
    assert "3 đảng viên" in page and "Trần Thị Bình" in page and "Đỗ Thu Hà" not in page
