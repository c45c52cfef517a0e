from django.contrib import admin

from dangbo.audit.admin import AuditedAdmin
from dangbo.orgs.models import Organization, Position, Term


@admin.register(Organization)
class OrganizationAdmin(AuditedAdmin):
    list_display = ["name", "kind", "code", "parent", "dissolved"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    raw_id_fields = ["parent"]
    readonly_fields = ["parent"]  # the tree changes only through orgs.services (closure table)

    def has_add_permission(self, request):
        return False


@admin.register(Term)
class TermAdmin(AuditedAdmin):
    list_display = ["organization", "name", "congress_ordinal", "start", "end"]
    raw_id_fields = ["organization"]


@admin.register(Position)
class PositionAdmin(AuditedAdmin):
    list_display = ["member", "kind", "organization", "start", "end"]
    list_filter = ["kind"]
    raw_id_fields = ["organization", "member", "term"]
