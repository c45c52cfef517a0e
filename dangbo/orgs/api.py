"""REST endpoints for the organization tree (read-only), mounted at /api/v1/orgs/.

Everything goes through request.scope: an organization outside the user's subtrees does
not exist (404); member counts are shown only to roles that may see the member list.
"""
from __future__ import annotations

from datetime import date

from ninja import Router, Schema
from ninja.errors import HttpError

from dangbo.core.api_params import Id
from dangbo.orgs.counts import member_counts_for
from dangbo.orgs.models import Organization

router = Router(tags=["Tổ chức đảng"])


class MemberCounts(Schema):
    active: int
    official: int
    probationary: int


class OrganizationOut(Schema):
    id: int
    code: str
    name: str
    short_name: str
    kind: str
    kind_label: str
    parent_id: int | None
    depth: int
    established: date | None
    dissolved: date | None
    has_children: bool
    member_counts: MemberCounts | None = None


class OrganizationDetail(OrganizationOut):
    ancestors: list[OrganizationOut]


def _serialize(scope, orgs: list[Organization], with_counts: bool = True) -> list[dict]:
    """Several organizations with their subtree counts: three queries whatever their number."""
    ids = [o.pk for o in orgs]
    with_children = set(scope.organizations().filter(parent_id__in=ids).values_list("parent_id", flat=True))
    countable = [o.pk for o in orgs if scope.can_see_member_list(o)] if with_counts else []
    counts = member_counts_for(countable)
    return [
        {
            "id": o.pk, "code": o.code, "name": o.name, "short_name": o.short_name, "kind": o.kind,
            "kind_label": o.get_kind_display(), "parent_id": o.parent_id, "depth": o.depth,
            "established": o.established, "dissolved": o.dissolved, "has_children": o.pk in with_children,
            "member_counts": counts.get(o.pk),
        }
        for o in orgs
    ]


@router.get("/", response=list[OrganizationOut], summary="Tổ chức gốc của người dùng, hoặc các tổ chức trực thuộc")
def list_organizations(request, parent: Id | None = None, include_dissolved: bool = False):
    """Without `parent`: the top of each subtree the user may see. With `parent`: its direct children."""
    scope = request.scope
    if parent is None:
        orgs = scope.root_organizations().order_by("path")
    else:
        orgs = scope.organizations().filter(parent=scope.get_organization(parent)).order_by("name")
    if not include_dissolved:
        orgs = orgs.filter(dissolved__isnull=True)
    return _serialize(scope, list(orgs))


@router.get("/{org_id}", response=OrganizationDetail, summary="Một tổ chức đảng")
def get_organization(request, org_id: Id):
    scope = request.scope
    org = scope.get_organization(org_id)
    visible_ancestors = list(scope.organizations().filter(pk__in=org.ancestors().values("pk")).order_by("depth"))
    data = _serialize(scope, [org])[0]
    data["ancestors"] = _serialize(scope, visible_ancestors, with_counts=False)
    return data


@router.get("/{org_id}/member-counts", response=MemberCounts, summary="Số đảng viên trong toàn bộ tổ chức (cả cấp dưới)")
def get_member_counts(request, org_id: Id):
    scope = request.scope
    org = scope.get_organization(org_id)
    if not scope.can_see_member_list(org):
        raise HttpError(403, "Bạn không có quyền xem số liệu đảng viên của tổ chức này.")
    return member_counts_for([org.pk])[org.pk]
