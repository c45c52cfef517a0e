from django.contrib import admin

from dangbo.audit.models import AccessLogEntry


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
