from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from dangbo.access.masking import Masker
from dangbo.access.models import Role
from dangbo.access.visibility import sees
from dangbo.audit.models import AuditEntry
from dangbo.core import list_export, tabular, workqueue
from dangbo.orgs import ordering
from dangbo.orgs.counts import member_counts_for


@login_required
def home(request):
    scope = request.scope
    roots = ordering.by_name(scope.root_organizations()[:50])
    counts = member_counts_for([o.pk for o in roots]) if not scope.own_member_id or scope.read_roots or scope.is_admin else {}
    own_member = scope.members().filter(pk=scope.own_member_id).first() if scope.own_member_id else None
    return render(request, "core/home.html", {
        "roots": [{"org": o, "counts": counts.get(o.pk)} for o in roots],
        "roles": [Role(r).label for r in sorted(scope.roles)],
        "own_member": own_member,
        "work": workqueue.items_for(scope, timezone.localdate()),
    })


@login_required
def audit_log(request):
    """Changes inside the user's subtrees, for the roles the visibility table lets read the
    change log (admin, staff, leaders); personal fields masked unless the user may edit the
    member they belong to."""
    scope = request.scope
    if not sees(scope, "audit.AuditEntry"):
        raise Http404("Không tìm thấy hoặc ngoài phạm vi được phân quyền.")
    masker = Masker(scope, "audit.AuditEntry")
    if list_export.wanted(request):
        return _audit_log_xlsx(request, scope.restrict(AuditEntry.objects.select_related("user")), masker)
    entries = list(scope.restrict(AuditEntry.objects.select_related("user"))[:200])
    rows = [{"entry": e, "changes": masked_changes(masker, e)} for e in entries]
    return render(request, "core/audit_log.html", {"rows": rows})


def _audit_log_xlsx(request, entries, masker):
    """The whole visible change log, newest first, with the same masking as the page."""
    t = tabular

    def changes(entry) -> str:
        lines = [f"{field}: {'∅' if old in (None, '') else old} → {'∅' if new in (None, '') else new}"
                 for field, (old, new) in masked_changes(masker, entry).items()]
        return "\n".join(lines + ([entry.note] if entry.note else []))

    return list_export.respond(
        request, title="Nhật ký thay đổi",
        columns=[t.Col("Thời điểm", width=17), t.Col("Người thực hiện", width=18), t.Col("Thao tác", width=12),
                 t.Col("Đối tượng", width=40), t.Col("Thay đổi", width=70)],
        rows=list_export.rows_of(entries.order_by("-at", "-pk"), lambda e: (
            e.at, str(e.user) if e.user else "—", e.get_action_display(), f"{e.model} {e.object_repr}", changes(e))))


def masked_changes(masker: Masker, entry: AuditEntry) -> dict:
    """{field: (before, after)} of the entry, personal fields masked for this viewer."""
    return {field: (masker.value(field, old, entry.organization_id), masker.value(field, new, entry.organization_id))
            for field, (old, new) in entry.changed_fields().items()}
