"""What each role sees of admission data, decided in one place for views and API.

- admin: everything; staff: their subtrees, read and write; leader: their subtrees, read only;
  cell secretary: their own cell, read and write;
- member role: nothing (candidates are people not yet in the Party; targets, progress and
  hamlet lists are committee work): every page and endpoint answers 404.
"""
from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from dangbo.access.scope import Scope
from dangbo.admission.models import AdmissionTarget, Candidate, Hamlet
from dangbo.orgs.models import Organization, OrgClosure

NOT_FOUND = "Không tìm thấy hoặc ngoài phạm vi được phân quyền."


def _committee_filter(scope: Scope, queryset: QuerySet, org_field: str = "organization") -> QuerySet:
    """Rows in the subtrees the user reads as a committee role (never the member role's own cell)."""
    if scope.is_admin:
        return queryset
    if not scope.read_roots:
        return queryset.none()
    subtree = OrgClosure.objects.filter(ancestor_id__in=scope.read_roots).values("descendant_id")
    return queryset.filter(**{f"{org_field}_id__in": subtree})


def candidates(scope: Scope) -> QuerySet[Candidate]:
    return _committee_filter(scope, Candidate.objects.all())


def targets(scope: Scope) -> QuerySet[AdmissionTarget]:
    return _committee_filter(scope, AdmissionTarget.objects.all())


def hamlets(scope: Scope) -> QuerySet[Hamlet]:
    return _committee_filter(scope, Hamlet.objects.all())


def visible_org(scope: Scope, pk) -> Organization:
    org = scope.get_organization(pk)
    if not scope.can_see_member_list(org):
        raise Http404(NOT_FOUND)
    return org


def writable_org(scope: Scope, pk) -> Organization:
    org = visible_org(scope, pk)
    scope.check_write(org)
    return org


def get_candidate(scope: Scope, pk, *, write: bool = False) -> Candidate:
    candidate = Scope.get(candidates(scope).select_related("organization", "member", "helper"), pk=pk)
    if write:
        scope.check_write(candidate.organization_id)
    return candidate


def visible_roots(scope: Scope) -> list[Organization]:
    return [org for org in scope.root_organizations() if scope.can_see_member_list(org)]
