"""REST endpoints of the review queue, mounted at /api/v1/ingest/.

Same scope as the pages: a source or fact outside the scope is 404; reviewing needs write
rights on the source's organization (403); input the registry refuses is 422 with
{"detail": {field: [Vietnamese messages]}}.
"""
from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from dangbo.access.masking import Masker
from dangbo.core.api_params import Id
from dangbo.access.scope import Scope
from dangbo.ingest import services
from dangbo.ingest.models import Fact, Source

router = Router(tags=["Trích xuất"])


class FactOut(Schema):
    id: int
    kind: str
    start: int
    end: int
    text: str
    payload: dict
    corrected: dict | None
    status: str
    note: str
    reviewed_at: datetime | None
    document_id: int | None
    target_id: int | None
    progress_report_id: int | None
    member_id: int | None


class SourceOut(Schema):
    id: int
    title: str
    organization_id: int
    article_date: date | None
    file_name: str
    sha256: str
    created_at: datetime


class SourceDetail(SourceOut):
    text: str
    facts: list[FactOut] = Field(alias="fact_list")


class SourceIn(Schema):
    organization_id: Id
    text: str
    title: str = ""
    article_date: date | None = None


class IngestOut(Schema):
    created: bool
    source: SourceDetail


class AcceptIn(Schema):
    corrections: dict | None = None


class AcceptAllOut(Schema):
    accepted: int
    failed: dict[int, str]


class ErrorOut(Schema):
    detail: dict[str, list[str]]


def _sources(request):
    return request.scope.restrict(Source.objects.all())


def _detail(source: Source) -> Source:
    source.fact_list = list(source.facts.all())
    return source


def _check_write(scope, org_id: int) -> None:
    try:
        scope.check_write(org_id)
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None


def _fact(request, fact_id: int) -> Fact:
    facts = request.scope.restrict(Fact.objects.select_related("source"), org_field="source__organization")
    fact = Scope.get(facts, pk=fact_id)
    _check_write(request.scope, fact.source.organization_id)
    return fact


@router.get("/sources", response=list[SourceOut], summary="Các nguồn đã nạp (trong phạm vi)")
def list_sources(request):
    return list(_sources(request)[:500])


@router.post("/sources", response={201: IngestOut, 200: IngestOut, 422: ErrorOut},
             summary="Nạp một văn bản: trích xuất dữ kiện vào hàng chờ duyệt (nạp lại cùng nội dung không tạo trùng)")
def create_source(request, payload: SourceIn):
    organization = request.scope.get_organization(payload.organization_id)
    _check_write(request.scope, organization.pk)
    try:
        source, created = services.ingest_text(request.user, organization, payload.text, title=payload.title,
                                               article_date=payload.article_date)
    except ValidationError as error:
        return Status(422, {"detail": error.message_dict})
    return Status(201 if created else 200, {"created": created, "source": _detail(source)})


@router.get("/sources/{source_id}", response=SourceDetail, summary="Nguồn và các dữ kiện của nó")
def get_source(request, source_id: Id):
    source = _detail(Scope.get(_sources(request), pk=source_id))
    masker = Masker(request.scope, "ingest.Source")
    masker.mask_object(source, source.organization_id)
    for fact in source.fact_list:
        masker.mask_object(fact, source.organization_id)
    return source


@router.post("/sources/{source_id}/accept-all", response=AcceptAllOut, summary="Chấp nhận mọi dữ kiện chờ duyệt")
def accept_all(request, source_id: Id):
    source = Scope.get(_sources(request), pk=source_id)
    _check_write(request.scope, source.organization_id)
    result = services.accept_all(request.user, source, scope=request.scope)
    return {"accepted": result.accepted,
            "failed": {fact.pk: services.error_text(error) for fact, error in result.failed}}


@router.post("/facts/{fact_id}/accept", response={200: FactOut, 422: ErrorOut},
             summary="Chấp nhận một dữ kiện (có thể kèm dữ liệu đã sửa)")
def accept_fact(request, fact_id: Id, payload: AcceptIn | None = None):
    fact = _fact(request, fact_id)
    try:
        fact = services.accept_fact(request.user, fact, corrections=payload.corrections if payload else None,
                                    scope=request.scope)
    except ValidationError as error:
        return Status(422, {"detail": error.message_dict})
    return fact


@router.post("/facts/{fact_id}/reject", response={200: FactOut, 422: ErrorOut}, summary="Loại một dữ kiện")
def reject_fact(request, fact_id: Id):
    fact = _fact(request, fact_id)
    try:
        return services.reject_fact(request.user, fact)
    except ValidationError as error:
        return Status(422, {"detail": error.message_dict})
