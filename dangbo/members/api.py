"""REST endpoints for the member register, mounted at /api/v1/members/.

Same filters and scope as the member list page (members.views.filtered_members), keyset
paging in Vietnamese name order (members.filters.page_after), writes through
members.services. Outside the scope: 404; read-only role writing: 403; broken rules: 422
with {"detail": {field: [Vietnamese messages]}}.
"""
from __future__ import annotations

from datetime import date
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from ninja import Field, Router, Schema
from ninja.responses import Status
from ninja.errors import HttpError

from dangbo.access.masking import Masker
from dangbo.audit import access_log
from dangbo.audit.models import AccessKind
from dangbo.core import versioning
from dangbo.core.api_params import Id, Limit, SearchText
from dangbo.members import services
from dangbo.members.filters import PAGE_SIZE, search_page
from dangbo.members.models import Member
from dangbo.members.views import filtered_members

router = Router(tags=["Đảng viên"])
MAX_PAGE_SIZE = 500


class MemberOut(Schema):
    id: int
    full_name: str
    birth_date: date
    gender: str
    status: str
    status_label: str = Field(alias="get_status_display")
    organization_id: int
    organization_name: str = Field(alias="organization.name")
    admission_date: date
    official_date: date | None


class EventOut(Schema):
    kind: str
    kind_label: str = Field(alias="get_kind_display")
    date: date
    from_organization_id: int | None
    to_organization_id: int | None
    decision_number: str
    note: str


class MemberDetail(MemberOut):
    ethnicity: str
    religion: str
    home_town: str
    citizen_id: str | None
    phone: str
    education: str
    professional_qualification: str
    political_theory: str
    occupation: str
    card_number: str | None
    version: int = Field(description="Gửi lại khi sửa (trường `version` hoặc tiêu đề If-Match) để không ghi đè thay đổi của người khác.")
    events: list[EventOut]


class MemberPage(Schema):
    items: list[MemberOut]
    next_cursor: str | None = Field(description="Truyền vào `after` để lấy trang sau; null ở trang cuối.")


class MemberFields(Schema):
    ethnicity: str = "Kinh"
    religion: str = "Không"
    home_town: str = ""
    citizen_id: str | None = None
    phone: str = ""
    education: str = ""
    professional_qualification: str = ""
    political_theory: Literal["", "so_cap", "trung_cap", "cao_cap", "cu_nhan"] = ""
    occupation: str = ""
    official_date: date | None = None
    card_number: str | None = None


class MemberCreate(MemberFields):
    full_name: str
    birth_date: date
    gender: Literal["nam", "nu"]
    admission_date: date
    organization_id: Id
    status: Literal["du_bi", "chinh_thuc"]


class MemberUpdate(Schema):
    """Record corrections; organization and status change only through their events."""

    full_name: str | None = None
    birth_date: date | None = None
    gender: Literal["nam", "nu"] | None = None
    ethnicity: str | None = None
    religion: str | None = None
    home_town: str | None = None
    citizen_id: str | None = None
    phone: str | None = None
    education: str | None = None
    professional_qualification: str | None = None
    political_theory: Literal["", "so_cap", "trung_cap", "cao_cap", "cu_nhan"] | None = None
    occupation: str | None = None
    admission_date: date | None = None
    official_date: date | None = None
    card_number: str | None = None
    version: int | None = Field(None, ge=0, description="Phiên bản đã đọc (hoặc tiêu đề If-Match); "
                                "nếu người khác đã sửa cùng trường sau phiên bản này: 409.")


class ErrorOut(Schema):
    detail: dict[str, list[str]] | str


@router.get("/", response=MemberPage, summary="Danh sách đảng viên (lọc như trang danh sách, phân trang theo con trỏ)")
def list_members(request, q: SearchText = "", status: SearchText = "active", org: Id | None = None,
                 gender: SearchText = "", age: SearchText = "", after: SearchText | None = None, limit: Limit = PAGE_SIZE):
    """Filters as on the page: `status` active/all/one status, `org` subtree, `gender` nam/nu,
    `age` duoi-30/30-45/46-60/tren-60, `q` name (accents optional), CCCD or card number."""
    member_filter, queryset = filtered_members(request)
    rows, cursor = search_page(queryset.select_related("organization"), member_filter, after,
                               size=max(1, min(limit, MAX_PAGE_SIZE)))
    access_log.bulk(request, AccessKind.MEMBER_API, "Danh sách đảng viên (API)",
                    filters=access_log.request_filters(request), row_count=len(rows))
    return {"items": rows, "next_cursor": cursor}


@router.get("/{member_id}", response=MemberDetail, summary="Hồ sơ và quá trình sinh hoạt đảng")
def get_member(request, member_id: Id):
    member = request.scope.get(request.scope.members().select_related("organization"), pk=member_id)
    access_log.member_read(request, member, AccessKind.MEMBER_API)
    return _detail(Masker(request.scope, "members.Member").mask_object(member, member.organization_id, member.pk))


@router.post("/", response={201: MemberDetail, 422: ErrorOut}, summary="Thêm đảng viên")
def create_member(request, payload: MemberCreate):
    scope = request.scope
    org = scope.get_organization(payload.organization_id)
    _check_write(scope, org.pk)
    if not org.is_active:
        return Status(422, {"detail": {"organization_id": ["Tổ chức đã giải thể."]}})
    data = payload.dict()
    data["organization"] = org
    del data["organization_id"]
    problems = _duplicates(data)
    if problems:
        return Status(422, {"detail": problems})
    try:
        member = services.create_member(request.user, data)
    except ValidationError as error:
        return Status(422, {"detail": error.message_dict})
    return Status(201, _detail(member))


@router.patch("/{member_id}", response={200: MemberDetail, 409: versioning.ConflictOut, 422: ErrorOut},
              summary="Sửa hồ sơ đảng viên")
def update_member(request, member_id: Id, payload: MemberUpdate):
    scope = request.scope
    member = scope.get_member(member_id)
    _check_write(scope, member.organization_id)
    data = payload.dict(exclude_unset=True)
    version = versioning.request_version(request, data.pop("version", None))
    problems = _duplicates(data, exclude_pk=member.pk)
    if problems:
        return Status(422, {"detail": problems})
    try:
        member = services.update_member(request.user, member, data, version=version)
    except ValidationError as error:
        return Status(422, {"detail": error.message_dict})
    except versioning.EditConflict as conflict:
        return Status(409, conflict.as_dict())
    return Status(200, _detail(member))


def _check_write(scope, org_id: int) -> None:
    try:
        scope.check_write(org_id)
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None


def _duplicates(data: dict, exclude_pk: int | None = None) -> dict[str, list[str]]:
    """The unique numbers, checked before writing so the answer is 422, not a database error."""
    problems = {}
    for field, label in (("citizen_id", "Số CCCD"), ("card_number", "Số thẻ đảng viên")):
        if data.get(field) == "":
            data[field] = None
        value = data.get(field)
        if value and Member.objects.filter(**{field: value}).exclude(pk=exclude_pk).exists():
            problems[field] = [f"{label} «{value}» đã có trong hệ thống."]
    return problems


def _detail(member: Member) -> Member:
    """The member as MemberDetail reads it (events come from the related manager)."""
    return member
