"""The Django admin writes the change log too: every add, change and delete made there is an
AuditEntry like the ones the services write, so no edit escapes the history.

Models whose writes carry rules (members, ratings, documents, congress) are not in the admin
at all; their changes go through the app's services and pages.
"""
from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.db import transaction

from dangbo.audit import log as audit
from dangbo.audit.models import AccessLogEntry, AuditAction

ADMIN_NOTE = "Sửa trong trang quản trị"


class AuditedAdmin(admin.ModelAdmin):
    """ModelAdmin whose saves and deletes are recorded with dangbo.audit.log."""

    audit_exclude: tuple[str, ...] = ()  # fields kept out of the log (secrets)

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            before = None
            if change:
                stored = type(obj)._default_manager.filter(pk=obj.pk).first()
                before = audit.snapshot(stored, self.audit_exclude) if stored is not None else None
            super().save_model(request, obj, form, change)
            audit.record(request.user, AuditAction.UPDATE if change else AuditAction.CREATE, obj,
                         before=before, note=ADMIN_NOTE, exclude=self.audit_exclude)

    def delete_model(self, request, obj):
        with transaction.atomic():
            audit.record(request.user, AuditAction.DELETE, obj, before=audit.snapshot(obj, self.audit_exclude),
                         note=ADMIN_NOTE)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                audit.record(request.user, AuditAction.DELETE, obj,
                             before=audit.snapshot(obj, self.audit_exclude), note=ADMIN_NOTE)
            super().delete_queryset(request, queryset)


class AuditedUserAdmin(AuditedAdmin, UserAdmin):
    audit_exclude = ("password",)


class AuditedGroupAdmin(AuditedAdmin, GroupAdmin):
    pass


# Accounts and permissions are edited in the admin: those edits are logged as well.
for model, model_admin in ((User, AuditedUserAdmin), (Group, AuditedGroupAdmin)):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)

# Admins of the libraries (lockouts, two-factor devices, background jobs) were registered before
# this module: each is wrapped so its edits are logged too, secrets left out of the log.
SECRET_FIELDS = {"password", "key", "token", "secret"}
for model, model_admin in list(admin.site._registry.items()):
    if isinstance(model_admin, AuditedAdmin):
        continue
    secrets = tuple(f.name for f in model._meta.concrete_fields if f.name in SECRET_FIELDS)
    audited = type(f"Audited{type(model_admin).__name__}", (AuditedAdmin, type(model_admin)), {"audit_exclude": secrets})
    admin.site.unregister(model)
    admin.site.register(model, audited)


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    """Read-only: the access log is append-only, in the admin as everywhere."""

    list_display = ["at", "username", "kind", "member", "what", "row_count", "address"]
    list_filter = ["kind"]
    search_fields = ["username", "what"]
    raw_id_fields = ["member", "user"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
