"""Edits made in the Django admin (/quan-tri/) are in the change log like any other."""
from datetime import date

from django.contrib import admin
from django.urls import reverse

from dangbo.audit.admin import AuditedAdmin
from dangbo.audit.models import AuditAction, AuditEntry
from dangbo.orgs.models import Organization, Term


def test_every_model_in_the_admin_writes_the_change_log_or_is_read_only(rf, tree):
    request = rf.get("/quan-tri/")
    request.user = tree.admin

    def read_only(model_admin) -> bool:
        return not (model_admin.has_add_permission(request) or model_admin.has_change_permission(request)
                    or model_admin.has_delete_permission(request))

    not_logged = [model._meta.label for model, model_admin in admin.site._registry.items()
                  if not isinstance(model_admin, AuditedAdmin) and not read_only(model_admin)]
    assert not_logged == []


def test_renaming_an_organization_in_the_admin_is_logged_with_before_and_after(tree, login):
    org = tree.cell_a1
    url = reverse("admin:orgs_organization_change", args=[org.pk])
    response = login(tree.admin).post(url, {"kind": org.kind, "code": org.code, "name": "Chi bộ Giáo viên số 1",
                                            "short_name": "", "established": "", "dissolved": "",
                                            "_save": "Lưu"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(model="orgs.Organization", object_id=str(org.pk), action=AuditAction.UPDATE)
    assert entry.user == tree.admin and entry.organization_id == org.pk
    assert entry.changed_fields()["name"] == ("Chi bộ Giáo viên 1", "Chi bộ Giáo viên số 1")
    assert entry.note == "Sửa trong trang quản trị"
    assert Organization.objects.get(pk=org.pk).version == entry.after["version"]


def test_deleting_in_the_admin_is_logged(tree, login):
    term = Term.objects.create(organization=tree.cell_a1, name="2020-2025", start=date(2020, 5, 1))
    response = login(tree.admin).post(reverse("admin:orgs_term_delete", args=[term.pk]), {"post": "yes"})
    assert response.status_code == 302 and not Term.objects.filter(pk=term.pk).exists()
    entry = AuditEntry.objects.get(model="orgs.Term", object_id=str(term.pk))
    assert entry.action == AuditAction.DELETE and entry.before["name"] == "2020-2025"


def test_user_edits_are_logged_without_the_password_hash(tree, login):
    user = tree.member_user
    url = reverse("admin:auth_user_change", args=[user.pk])
    data = {"username": user.username, "first_name": "An", "last_name": "", "email": "", "is_active": "on",
            "date_joined_0": "01/01/2026", "date_joined_1": "08:00:00", "_save": "Lưu"}
    assert login(tree.admin).post(url, data).status_code == 302
    entry = AuditEntry.objects.get(model="auth.User", object_id=str(user.pk))
    assert entry.changed_fields()["first_name"] == ("", "An")
    assert "password" not in entry.before and "password" not in entry.after
