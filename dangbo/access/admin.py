from django.contrib import admin

from dangbo.access.models import RoleAssignment


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "organization", "member"]
    list_filter = ["role"]
    raw_id_fields = ["organization", "member"]
