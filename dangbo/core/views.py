from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone

from dangbo.access.models import Role
from dangbo.audit.models import AuditEntry
from dangbo.core import workqueue
from dangbo.orgs.counts import member_counts_for


@login_required
def home(request):
    scope = request.scope
    roots = list(scope.root_organizations()[:50])
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
    """Changes to the organizations the user can see (admins see everything)."""
    scope = request.scope
    entries = AuditEntry.objects.select_related("user")
    if not scope.is_admin:
        visible = scope.organizations().values("pk")
        entries = entries.filter(Q(organization_id__in=visible))
    return render(request, "core/audit_log.html", {"entries": entries[:200]})
