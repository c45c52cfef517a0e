"""The access log of personal data: written for every read, export and import; append-only;
searchable by admins; pruned after the retention period."""
from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from dangbo.audit import access_log
from dangbo.audit.models import AccessKind, AccessLogEntry


def only_new_entry(before: int) -> AccessLogEntry:
    assert AccessLogEntry.objects.count() == before + 1, "one entry per request"
    return AccessLogEntry.objects.order_by("-id").first()


def test_member_page_is_logged_with_who_whom_and_where(tree, login):
    member = tree.a1_members[1]
    response = login(tree.staff_a).get(f"/dang-vien/{member.pk}/", REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    entry = only_new_entry(0)
    assert (entry.user, entry.username, entry.kind, entry.member_id, entry.address) == (
        tree.staff_a, "tochuc_xa_a", AccessKind.MEMBER_PAGE, member.pk, "10.1.2.3")
    assert entry.organization_id == tree.cell_a1.pk


def test_a_page_outside_the_scope_is_not_a_read(tree, login):
    assert login(tree.staff_a).get(f"/dang-vien/{tree.b1_members[0].pk}/").status_code == 404
    assert not AccessLogEntry.objects.exists()


def test_member_api_read_is_logged(tree, login):
    member = tree.a1_members[0]
    assert login(tree.leader_province).get(f"/api/v1/members/{member.pk}").status_code == 200
    entry = only_new_entry(0)
    assert (entry.kind, entry.member_id, entry.username) == (AccessKind.MEMBER_API, member.pk, "lanhdao_tinh")


def test_export_is_logged_with_its_filter_and_row_count(tree, login):
    response = login(tree.leader_province).get("/dang-vien/xuat.xlsx", {"org": tree.commune_a.pk, "gender": "nu"})
    from dangbo.core.testing import ExportedSheet

    rows = ExportedSheet(response).rows
    entry = only_new_entry(0)
    assert entry.kind == AccessKind.EXPORT
    assert entry.filters == {"org": str(tree.commune_a.pk), "gender": "nu"}
    assert entry.row_count == len(rows) == 3  # Bình, Én, Dợ


def test_import_is_logged_with_its_file_and_row_count(tree, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    csv = ("Họ và tên,Ngày sinh,Giới tính,Ngày vào Đảng,Mã chi bộ,Trạng thái\n"
           f"Vũ Văn Mới,01/02/1990,Nam,03/04/2024,{tree.cell_a1.code},Dự bị\n")
    upload = SimpleUploadedFile("moi.csv", csv.encode(), content_type="text/csv")
    response = login(tree.secretary_a1).post("/dang-vien/nhap/", {"file": upload})
    assert response.status_code == 200
    entry = only_new_entry(0)
    assert entry.kind == AccessKind.IMPORT and "moi.csv" in entry.what and entry.row_count == 1


def test_logging_is_one_insert_and_the_member_page_stays_bounded(tree, login, django_assert_max_num_queries):
    client = login(tree.admin)
    member = tree.a1_members[0]
    client.get(f"/dang-vien/{member.pk}/")  # warm caches (content types, session)
    with django_assert_max_num_queries(14):
        client.get(f"/dang-vien/{member.pk}/")
    assert AccessLogEntry.objects.count() == 2


def test_the_log_cannot_be_edited_or_deleted_through_the_app(tree):
    entry = AccessLogEntry.objects.create(kind=AccessKind.MEMBER_PAGE, username="x", member=tree.a1_members[0])
    entry.username = "y"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AccessLogEntry.objects.filter(pk=entry.pk).update(username="y")
    with pytest.raises(PermissionError):
        AccessLogEntry.objects.all().delete()
    assert AccessLogEntry.objects.get().username == "x"


def test_the_admin_site_shows_the_log_read_only(tree, login):
    entry = AccessLogEntry.objects.create(kind=AccessKind.EXPORT, username="x", what="Danh sách")
    client = login(tree.admin)
    assert client.get("/quan-tri/audit/accesslogentry/").status_code == 200
    assert client.get("/quan-tri/audit/accesslogentry/add/").status_code == 403
    assert client.post(f"/quan-tri/audit/accesslogentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    client.post(f"/quan-tri/audit/accesslogentry/{entry.pk}/change/", {"username": "y"})
    assert AccessLogEntry.objects.get().username == "x"


def test_admins_search_the_log_by_member_and_by_user(tree, login):
    an, binh = tree.a1_members[0], tree.a1_members[1]
    login(tree.staff_a).get(f"/dang-vien/{an.pk}/")
    login(tree.leader_province).get(f"/dang-vien/{binh.pk}/")
    client = login(tree.admin)
    by_member = client.get("/nhat-ky-truy-cap/", {"dang_vien": "binh"}).content.decode()
    assert "lanhdao_tinh" in by_member and "tochuc_xa_a" not in by_member
    by_cid = client.get("/nhat-ky-truy-cap/", {"dang_vien": an.citizen_id}).content.decode()
    assert "tochuc_xa_a" in by_cid and "lanhdao_tinh" not in by_cid
    by_user = client.get("/nhat-ky-truy-cap/", {"nguoi_dung": "tochuc"}).content.decode()
    assert an.full_name in by_user and binh.full_name not in by_user
    assert "Nhật ký truy cập dữ liệu cá nhân" in by_user
    member_page = client.get(f"/dang-vien/{an.pk}/").content.decode()
    assert f"/nhat-ky-truy-cap/?dang_vien={an.pk}" in member_page
    assert "tochuc_xa_a" in client.get("/nhat-ky-truy-cap/", {"dang_vien": an.pk}).content.decode()
    assert "/nhat-ky-truy-cap/" not in login(tree.staff_a).get(f"/dang-vien/{an.pk}/").content.decode()


def test_prune_removes_entries_older_than_the_retention(tree):
    old = AccessLogEntry.objects.create(kind=AccessKind.MEMBER_PAGE, username="cu")
    AccessLogEntry.objects.create(kind=AccessKind.MEMBER_PAGE, username="moi")
    # Backdate through the base queryset: the log's own refuses updates.
    from django.db.models import QuerySet

    QuerySet.update(AccessLogEntry.objects.filter(pk=old.pk), at=timezone.now() - timedelta(days=31))
    out = io.StringIO()
    with override_settings(DANGBO_ACCESS_LOG_RETENTION_DAYS=30):
        call_command("prune_access_log", stdout=out)
    assert list(AccessLogEntry.objects.values_list("username", flat=True)) == ["moi"]
    assert "Đã xóa 1 mục" in out.getvalue()
    assert access_log.retention_days() == 730  # the default: two years


def test_member_api_list_is_logged_with_its_filter_and_row_count(tree, login):
    response = login(tree.staff_a).get("/api/v1/members/", {"org": tree.cell_a1.pk, "limit": 2})
    assert len(response.json()["items"]) == 2
    entry = only_new_entry(0)
    assert (entry.kind, entry.row_count, entry.filters) == (AccessKind.MEMBER_API, 2,
                                                            {"org": str(tree.cell_a1.pk), "limit": "2"})
