from django.contrib import admin

from dangbo.audit.admin import AuditedAdmin

from dangbo.access.models import RoleAssignment


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(AuditedAdmin):
    list_display = ["user", "role", "organization", "member"]
    list_filter = ["role"]
    raw_id_fields = ["organization", "member"]
