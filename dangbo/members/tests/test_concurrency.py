"""Races on the member register, in real threads with their own database connections
(SQLite in WAL with IMMEDIATE transactions; PostgreSQL with row locks)."""
import json

import pytest
from django.test import Client
from django.urls import reverse

from dangbo.access.models import ApiToken
from dangbo.core.threads import run_together
from dangbo.members import importer
from dangbo.members.models import Member
from dangbo.members.tests.test_import import member_row, xlsx_upload

pytestmark = pytest.mark.django_db(transaction=True)

# Ten fields a clerk may correct, each with a new value: one PATCH per field, all at once.
NEW_VALUES = {
    "home_town": "Xã Bình Lư, tỉnh Lai Châu", "phone": "0912345678", "education": "12/12",
    "professional_qualification": "Cử nhân Sư phạm", "political_theory": "trung_cap", "occupation": "Giáo viên",
    "ethnicity": "Thái", "religion": "Phật giáo", "citizen_id": "001085099999", "card_number": "99887766",
}


def api_client(user):
    _, raw = ApiToken.issue(user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def patch(client, member_id, body):
    return lambda: client.patch(f"/api/v1/members/{member_id}", json.dumps(body),
                                content_type="application/json").status_code


def new_value(member, field, value):
    """Numbers unique per member; a citizen ID keeps the member's province, century, gender and
    birth-year digits, as the rules require."""
    if field == "citizen_id":
        return member.citizen_id[:6] + value[6:-1] + str(member.pk % 10)
    if field == "card_number":
        return value[:-1] + str(member.pk % 10)
    return value


def test_parallel_patches_of_different_fields_lose_nothing(tree):
    members = tree.a1_members[:2]
    jobs = []
    for member in members:
        version = Member.objects.get(pk=member.pk).version  # every client read the same version
        for field, value in NEW_VALUES.items():
            value = new_value(member, field, value)
            jobs.append(patch(api_client(tree.staff_a), member.pk, {field: value, "version": version}))
    assert run_together(jobs) == [200] * len(jobs)
    for member in Member.objects.filter(pk__in=[m.pk for m in members]):
        for field, value in NEW_VALUES.items():
            expected = new_value(member, field, value)
            assert getattr(member, field) == expected, field


def test_parallel_patches_of_one_field_keep_one_and_refuse_the_others(tree):
    member = Member.objects.get(pk=tree.a1_members[0].pk)
    towns = [f"Thôn {n}" for n in range(6)]
    jobs = [patch(api_client(tree.staff_a), member.pk, {"home_town": town, "version": member.version})
            for town in towns]
    statuses = run_together(jobs)
    assert sorted(statuses) == [200] + [409] * 5
    assert Member.objects.get(pk=member.pk).home_town == towns[statuses.index(200)]


def test_two_imports_with_the_same_citizen_id_at_once_give_a_row_error(tree, monkeypatch):
    """Both files pass the duplicate check before either is written (a barrier in front of the
    write forces the race every time); the second write meets the first's row."""
    import threading

    gate = threading.Barrier(2)
    write = importer.write_members

    def write_after_both_checked(*args, **kwargs):
        gate.wait(timeout=30)
        return write(*args, **kwargs)

    monkeypatch.setattr(importer, "write_members", write_after_both_checked)

    def upload(name):
        client = Client()
        client.force_login(tree.staff_a)
        rows = [member_row(tree.cell_a1.code, name, "001085000777")]
        return lambda: client.post(reverse("members:import"), {"file": xlsx_upload(rows)})

    responses = run_together([upload("Nguyễn Văn Dũng"), upload("Trần Văn Dũng")])
    assert [r.status_code for r in responses] == [200, 200]
    pages = sorted((r.content.decode() for r in responses), key=lambda page: "vừa được ghi" in page)
    assert "Đã nhập 1 đảng viên" in pages[0]
    assert "001085000777" in pages[1] and "vừa được ghi cho đảng viên khác" in pages[1]
    assert Member.objects.filter(citizen_id="001085000777").count() == 1
