"""REST endpoints for ratings and roll-ups, mounted at /api/v1/ratings/.

Same scope as the pages (ratings.views.visible_org): outside the scope, or for the member
role, 404; a read-only role writing: 403; broken rules (caps, eligibility, closed period):
422 with {"detail": {field: [Vietnamese messages]}}.
"""
from __future__ import annotations

from datetime import date
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from dangbo.core import versioning
from dangbo.core.api_params import Id, Limit, Offset, Year
from dangbo.core.routers import reading_reports
from dangbo.orgs.models import OrgClosure
from dangbo.ratings import rollup, rules, services
from dangbo.ratings.models import MemberRating, OrgRating
from dangbo.ratings.views import visible_org

router = Router(tags=["Xếp loại chất lượng"])
MAX_LIMIT = 1000
LevelCode = Literal["htxsnv", "httnv", "htnv", "khtnv"]


class CountsOut(Schema):
    total: int
    htxsnv: int
    httnv: int
    htnv: int
    khtnv: int
    httnv_or_above_percent: float | None


class TargetOut(Schema):
    label: str
    subject: str
    min_level: str
    min_percent: float
    met: bool | None
    count: int
    total: int
    percent: float | None


class UnitOut(Schema):
    organization_id: int
    name: str
    members: CountsOut
    grassroots: CountsOut
    previous_members: CountsOut
    previous_grassroots: CountsOut
    targets: list[TargetOut]


class RollupOut(Schema):
    organization_id: int
    year: int
    rule_set: str | None
    total: UnitOut
    children: list[UnitOut]


class MemberRatingOut(Schema):
    member_id: int
    full_name: str = Field(alias="member.full_name")
    organization_id: int
    year: int
    level: str
    level_label: str = Field(alias="get_level_display")
    rated_on: date
    rated_by_id: int
    disciplined: bool
    remedied: bool
    notes: str
    version: int = Field(description="Gửi lại khi ghi (trường `version` hoặc If-Match) để không ghi đè.")


class OrgRatingOut(Schema):
    organization_id: int
    name: str = Field(alias="organization.name")
    year: int
    level: str
    level_label: str = Field(alias="get_level_display")
    rated_on: date
    rated_by_id: int
    violations: bool
    disciplined: bool
    subordinate_disciplined: bool


class MemberRatingIn(Schema):
    level: LevelCode | Literal[""]
    rated_on: date | None = None
    remedied: bool = False
    notes: str = ""
    version: int | None = Field(None, ge=0, description="Phiên bản đã đọc (0: chưa có xếp loại) hoặc "
                                "tiêu đề If-Match; người khác đã sửa sau phiên bản này: 409.")


class ErrorOut(Schema):
    detail: dict[str, list[str]] | str


def _counts(counts: rollup.LevelCounts) -> dict:
    return {**counts.as_dict(), "httnv_or_above_percent": counts.good_percent}


def _unit(unit: rollup.UnitRollup) -> dict:
    return {
        "organization_id": unit.organization.pk, "name": unit.organization.name,
        "members": _counts(unit.members), "grassroots": _counts(unit.grassroots),
        "previous_members": _counts(unit.previous_members), "previous_grassroots": _counts(unit.previous_grassroots),
        "targets": [{"label": c.target.label, "subject": c.target.subject, "min_level": c.target.min_level,
                     "min_percent": float(c.target.min_percent), "met": c.met, "count": c.count, "total": c.total,
                     "percent": c.percent} for c in unit.targets],
    }


@router.get("/rollup/{org_id}/{year}", response=RollupOut,
            summary="Tổng hợp xếp loại của một tổ chức và từng đơn vị trực thuộc, so sánh năm trước, chỉ tiêu")
def get_rollup(request, org_id: Id, year: Year):
    with reading_reports():  # a replica when one is configured (core/routers.py)
        org = visible_org(request, org_id)
        result = rollup.build(org, year)
    try:
        rule_set = rules.rules_for_year(year).code
    except LookupError:
        rule_set = None
    return {"organization_id": org.pk, "year": year, "rule_set": rule_set, "total": _unit(result.total),
            "children": [_unit(u) for u in result.children]}


def _subtree(org):
    return OrgClosure.objects.filter(ancestor=org).values("descendant_id")


@router.get("/members/{org_id}/{year}", response=list[MemberRatingOut],
            summary="Xếp loại đảng viên trong toàn đảng bộ (lọc theo mức)")
def list_member_ratings(request, org_id: Id, year: Year, level: LevelCode | None = None, offset: Offset = 0,
                        limit: Limit = 200):
    org = visible_org(request, org_id)
    queryset = request.scope.restrict(MemberRating.objects.filter(year=year, organization_id__in=_subtree(org)))
    if level:
        queryset = queryset.filter(level=level)
    limit = max(1, min(limit, MAX_LIMIT))
    return queryset.select_related("member").order_by("organization__path", "member__sort_key", "pk")[offset:offset + limit]


@router.get("/organizations/{org_id}/{year}", response=list[OrgRatingOut],
            summary="Xếp loại các tổ chức đảng trong toàn đảng bộ")
def list_org_ratings(request, org_id: Id, year: Year, level: LevelCode | None = None):
    org = visible_org(request, org_id)
    queryset = request.scope.restrict(OrgRating.objects.filter(year=year, organization_id__in=_subtree(org)))
    if level:
        queryset = queryset.filter(level=level)
    return queryset.select_related("organization").order_by("organization__path")[:MAX_LIMIT]


@router.put("/member/{member_id}/{year}", response={200: MemberRatingOut | None, 409: versioning.ConflictOut,
                                                    422: ErrorOut},
            summary="Ghi (hoặc xóa, với level rỗng) xếp loại của một đảng viên")
def put_member_rating(request, member_id: Id, year: Year, payload: MemberRatingIn):
    member = request.scope.get_member(member_id)
    visible_org(request, member.organization_id)
    try:
        request.scope.check_write(member.organization_id)
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None
    data = payload.dict()
    data["version"] = versioning.request_version(request, data.get("version"))
    try:
        rating = services.save_member_rating(request.user, member, year, **data)
    except ValidationError as error:
        return Status(422, {"detail": error.message_dict})
    except versioning.EditConflict as conflict:
        return Status(409, conflict.as_dict())
    return Status(200, rating)
