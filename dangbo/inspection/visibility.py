"""Who sees and changes which inspection rows: the one helper every view and endpoint uses.

| model                      | admin | inspection (subtree) | staff (subtree) | leader | cell_secretary (own cell) | member |
|----------------------------|-------|----------------------|-----------------|--------|---------------------------|--------|
| Plan, PlanItem             | rw    | rw                   | r               | r      | r (plans of its own cell) | 404    |
| Denunciation (+ reporter)  | rw    | rw                   | 404             | 404    | 404                       | 404    |
| Case (findings, conclusion)| rw    | rw                   | 404             | 404    | 404                       | 404    |
| Recommendation             | rw    | rw (its cases)       | r; w as the responsible unit | r | r; w as the responsible unit | 404 |
| DisciplineDecision         | rw    | rw                   | r               | r      | r                         | 404    |
| Postponement               | rw    | rw                   | 404             | 404    | 404                       | 404    |
| Consolidation, Milestone   | rw    | r                    | rw (from the level above) | r | r                        | 404    |
| Statistics                 | r     | r                    | r               | r      | r                         | 404    |

"r" is read in the user's subtrees (request.scope); anything else does not exist (404); a
reader who tries to write gets 403. Recommendations carry the conclusion's number and date,
never the case file itself.
"""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from dangbo.access.scope import Scope
from dangbo.inspection.models import (Case, Consolidation, Denunciation, DisciplineDecision, Milestone, Plan, PlanItem,
                                      Recommendation)
from dangbo.orgs.models import Organization

NOT_FOUND = "Không tìm thấy hoặc ngoài phạm vi được phân quyền."


def is_reader(scope: Scope) -> bool:
    """Inspection rows are about people and units: the member role sees none of them."""
    return scope.is_admin or bool(scope.read_roots)


def _readable(scope: Scope, queryset: QuerySet, org_field: str = "organization") -> QuerySet:
    if not is_reader(scope):
        return queryset.none()
    return scope.restrict(queryset, org_field)


def reader_org(scope: Scope, pk) -> Organization:
    """An organization whose inspection pages the user may open, else 404."""
    org = scope.get_organization(pk)
    if not is_reader(scope) or not scope.can_see_member_list(org):
        raise Http404(NOT_FOUND)
    return org


def inspector_org(scope: Scope, pk) -> Organization:
    org = scope.get_organization(pk)
    scope.check_inspect(org)
    return org


def check_inspect(scope: Scope, org_id: int) -> None:
    """Readers outside the inspection roles get 403 for inspection writes they can see."""
    if not scope.can_inspect(org_id):
        raise PermissionDenied("Chỉ cán bộ ủy ban kiểm tra được thực hiện thao tác này.")


# -- plans -----------------------------------------------------------------------------------------


def plans(scope: Scope) -> QuerySet[Plan]:
    return _readable(scope, Plan.objects.select_related("organization"))


def get_plan(scope: Scope, pk) -> Plan:
    return Scope.get(plans(scope), pk=pk)


def get_plan_item(scope: Scope, pk) -> PlanItem:
    return Scope.get(_readable(scope, PlanItem.objects.select_related("plan", "plan__organization"),
                               "plan__organization"), pk=pk)


# -- inspection files ----------------------------------------------------------------------------------


def denunciations(scope: Scope) -> QuerySet[Denunciation]:
    return scope.restrict_inspection(Denunciation.objects.select_related("organization", "accused_member",
                                                                         "accused_organization"))


def get_denunciation(scope: Scope, pk) -> Denunciation:
    return Scope.get(denunciations(scope), pk=pk)


def cases(scope: Scope) -> QuerySet[Case]:
    return scope.restrict_inspection(Case.objects.select_related("organization", "subject_member",
                                                                 "subject_organization"))


def get_case(scope: Scope, pk) -> Case:
    return Scope.get(cases(scope), pk=pk)


# -- remediation ---------------------------------------------------------------------------------------


def recommendations(scope: Scope) -> QuerySet[Recommendation]:
    """The responsible units' readers, and the inspection staff of the concluding committee."""
    if not is_reader(scope):
        return Recommendation.objects.none()
    condition = scope.type_filter("inspection.Recommendation") | scope.inspection_filter("case__organization")
    return Recommendation.objects.filter(condition).select_related("organization", "case", "case__organization")


def get_recommendation(scope: Scope, pk) -> Recommendation:
    return Scope.get(recommendations(scope), pk=pk)


def can_report_remediation(scope: Scope, recommendation: Recommendation) -> bool:
    return scope.can_write(recommendation.organization_id) or scope.can_inspect(recommendation.case.organization_id)


# -- discipline ---------------------------------------------------------------------------------------


def decisions(scope: Scope) -> QuerySet[DisciplineDecision]:
    return _readable(scope, DisciplineDecision.objects.select_related("organization", "member", "decided_by"))


def get_decision(scope: Scope, pk) -> DisciplineDecision:
    return Scope.get(decisions(scope), pk=pk)


# -- consolidation --------------------------------------------------------------------------------------


def consolidations(scope: Scope) -> QuerySet[Consolidation]:
    return _readable(scope, Consolidation.objects.select_related("organization", "responsible"))


def get_consolidation(scope: Scope, pk) -> Consolidation:
    return Scope.get(consolidations(scope), pk=pk)


def can_manage_consolidation(scope: Scope, consolidation: Consolidation) -> bool:
    """The organization committee (staff) of the level above the weak organization."""
    org = consolidation.organization
    return scope.can_write(org.parent_id or org.pk)


def get_milestone(scope: Scope, pk) -> Milestone:
    visible = Milestone.objects.filter(consolidation__in=consolidations(scope)).select_related("consolidation")
    return Scope.get(visible, pk=pk)


def subtree_filter(org: Organization, field: str = "organization") -> Q:
    from dangbo.orgs.models import OrgClosure

    return Q(**{f"{field}_id__in": OrgClosure.objects.filter(ancestor=org).values("descendant_id")})
