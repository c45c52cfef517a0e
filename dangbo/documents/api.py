"""Documents API (/api/v1/documents/): the same visibility rule as the pages (visibility.py);
out of scope -> 404, read-only -> 403, bad input -> 422 with Vietnamese messages."""
from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from ninja import Field, Router, Schema

from dangbo.core.api_params import Amount, Id, Limit, Offset, Ordinal, SearchText, Year
from dangbo.access.scope import Scope
from dangbo.documents import numbering, scorecards, services, tracking
from dangbo.documents.models import Document, Issuer
from dangbo.documents.search import DocumentFilter
from dangbo.documents.visibility import (
    can_edit, check_edit, get_document, get_target, visible_documents, writable_issuers,
)

router = Router(tags=["documents"])
MAX_LIMIT = 200


class DocumentOut(Schema):
    id: int
    number: str
    display_number: str
    doc_type: str
    type_name: str
    issued_on: date
    title: str
    issuer_id: int
    issuer_name: str
    issuer_code: str
    organization_id: int | None
    khoa: int | None
    status: str
    restricted: bool
    implementation_level: str
    implementation_deadline: date | None


def _document_out(d: Document) -> dict:
    return {
        "id": d.pk, "number": d.number, "display_number": d.display_number, "doc_type": d.doc_type,
        "type_name": d.type_name, "issued_on": d.issued_on, "title": d.title, "issuer_id": d.issuer_id,
        "issuer_name": d.issuer.name, "issuer_code": d.issuer.code, "organization_id": d.issuer.organization_id,
        "khoa": d.khoa, "status": d.status, "restricted": d.restricted,
        "implementation_level": d.implementation_level, "implementation_deadline": d.implementation_deadline,
    }


class DocumentIn(Schema):
    issuer_id: Id
    doc_type: str
    issued_on: date
    title: str
    number: str = ""
    auto_number: bool = False
    khoa: Ordinal | None = None
    status: str = "ban_hanh"
    restricted: bool = False
    body: str = ""
    implementation_level: str = ""
    implementation_deadline: date | None = None


class LinkIn(Schema):
    target_id: Id
    kind: str
    note: str = ""


class TargetIn(Schema):
    wording: str
    target_value: Amount
    comparator: str = "gte"
    measure: str = "ty_le"
    unit: str = "%"
    cadence: str = "han"
    deadline: date | None = None
    start_year: Year | None = None
    end_year: Year | None = None
    applies_to: list[Id] = Field([], max_length=1000)


class ProgressIn(Schema):
    period_end: date
    value: Amount | None = None
    numerator: Amount | None = None
    denominator: Amount | None = None
    period_label: str = ""
    period_start: date | None = None
    organization_id: Id | None = None
    source_note: str = ""


def _invalid(error: ValidationError):
    """422 {"detail": {field: [messages]}} (core/api_errors.py)."""
    raise error


def _target_out(line: scorecards.TargetLine) -> dict:
    t = line.target
    return {
        "id": t.pk, "document_id": t.document_id, "order": t.order, "wording": t.wording, "measure": t.measure,
        "comparator": t.comparator, "target_value": str(t.target_value), "unit": t.unit, "cadence": t.cadence,
        "deadline": t.deadline, "start_year": t.start_year, "end_year": t.end_year, "rule": t.rule_text,
        "status": line.status.value, "status_label": line.status_label, "exceeded": line.evaluation.exceeded,
        "reason": line.evaluation.reason,
        "readings": [{"period_label": r.period_label, "period_end": r.period_end, "value": str(r.value),
                      "source_note": r.source_note} for r in line.readings],
    }


@router.get("/", response=list[DocumentOut])
def list_documents(request, q: SearchText = "", doc_type: SearchText = "", status: SearchText = "", year: Year | None = None,
                   issuer_id: Id | None = None, khoa: Ordinal | None = None, limit: Limit = 50, offset: Offset = 0):
    filters = DocumentFilter(q=q, doc_type=doc_type, status=status, year=year, issuer_id=issuer_id, khoa=khoa)
    documents = filters.apply(visible_documents(request.scope).select_related("issuer"))
    if not q:
        documents = documents.order_by("-issued_on", "-id")
    limit = max(1, min(limit, MAX_LIMIT))
    return [_document_out(d) for d in documents[max(0, offset): max(0, offset) + limit]]


@router.get("/numbers/parse")
def parse_number(request, text: SearchText):
    """Validate and canonicalise a document number: {"valid", "number", "display", "type_name", ...}."""
    from django.conf import settings

    try:
        parsed = numbering.parse(text, accept_qdi=settings.DANGBO_RULES.get("accept_qdi", True))
    except numbering.DocumentNumberError as error:
        return {"valid": False, "error": str(error)}
    return {"valid": True, "number": parsed.symbol, "display": parsed.display(), "sequence": parsed.sequence,
            "type_code": parsed.type_code, "type_name": parsed.type_name, "issuers": list(parsed.issuers)}


@router.get("/{int:pk}", response=DocumentOut)
def document_detail(request, pk: Id):
    return _document_out(get_document(request.scope, pk))


@router.get("/{int:pk}/links")
def document_links(request, pk: Id):
    document = get_document(request.scope, pk)
    visible = visible_documents(request.scope)
    out = [{"direction": "out", "kind": link.kind, "document_id": link.target_id, "number": link.target.number}
           for link in document.links_out.filter(target__in=visible).select_related("target")]
    out += [{"direction": "in", "kind": link.kind, "document_id": link.source_id, "number": link.source.number}
            for link in document.links_in.filter(source__in=visible).select_related("source")]
    return out


@router.get("/{int:pk}/scorecard")
def document_scorecard(request, pk: Id):
    document = get_document(request.scope, pk)
    card = scorecards.document_scorecard(document, timezone.localdate())
    summary = card.summary
    return {
        "document_id": document.pk, "headline": card.headline, "total": summary.total, "met": summary.met,
        "exceeded": summary.exceeded, "not_yet": summary.not_yet, "missed": summary.missed,
        "targets": [_target_out(line) for line in card.lines],
    }


@router.get("/{int:pk}/implementation")
def document_implementation(request, pk: Id):
    document = get_document(request.scope, pk)
    rows = tracking.tracking(document, timezone.localdate(), request.scope.organizations())
    return {
        "document_id": document.pk, "deadline": document.implementation_deadline,
        **tracking.tracking_counts(rows),
        "organizations": [{"organization_id": r.organization.pk, "name": r.organization.name, "state": r.state,
                           "label": r.label, "days_late": r.days_late,
                           "documents": [{"id": d.pk, "number": d.number, "issued_on": d.issued_on}
                                         for d in r.documents]} for r in rows],
    }


@router.get("/targets/{int:pk}")
def target_detail(request, pk: Id):
    target = get_target(request.scope, pk)
    return _target_out(scorecards.evaluate_target(target, timezone.localdate()))


@router.post("/", response={201: DocumentOut})
def create_document(request, payload: DocumentIn):
    issuer = Scope.get(Issuer.objects.all(), pk=payload.issuer_id)
    if not writable_issuers(request.scope).filter(pk=issuer.pk).exists():
        visible = visible_documents(request.scope).filter(issuer=issuer).exists() or issuer.organization_id is None
        raise PermissionDenied() if visible else Http404()
    data = payload.dict()
    data.pop("issuer_id")
    try:
        document = services.create_document(request.user, issuer=issuer, **data)
    except ValidationError as error:
        _invalid(error)
    return 201, _document_out(document)


@router.post("/{int:pk}/links", response={201: dict})
def add_link(request, pk: Id, payload: LinkIn):
    document = get_document(request.scope, pk)
    check_edit(request.scope, document)
    target = get_document(request.scope, payload.target_id)
    try:
        link = services.add_link(request.user, source=document, target=target, kind=payload.kind, note=payload.note)
    except ValidationError as error:
        _invalid(error)
    return 201, {"id": link.pk, "source_id": document.pk, "target_id": target.pk, "kind": link.kind}


@router.post("/{int:pk}/targets", response={201: dict})
def add_target(request, pk: Id, payload: TargetIn):
    document = get_document(request.scope, pk)
    check_edit(request.scope, document)
    data = payload.dict()
    org_ids = data.pop("applies_to")
    organizations = list(request.scope.organizations().filter(pk__in=org_ids))
    if len(organizations) != len(set(org_ids)):
        raise Http404("Tổ chức ngoài phạm vi.")
    try:
        target = services.add_target(request.user, document, applies_to=organizations, **data)
    except ValidationError as error:
        _invalid(error)
    return 201, _target_out(scorecards.evaluate_target(target, timezone.localdate()))


@router.post("/targets/{int:pk}/progress", response={201: dict})
def add_progress(request, pk: Id, payload: ProgressIn):
    target = get_target(request.scope, pk)
    if not can_edit(request.scope, target.document):
        raise PermissionDenied()
    data = payload.dict()
    org_id = data.pop("organization_id")
    organization = request.scope.get_organization(org_id) if org_id else None
    try:
        report = services.add_progress(request.user, target, organization=organization, **data)
    except ValidationError as error:
        _invalid(error)
    return 201, {"id": report.pk, "target_id": target.pk, "value": str(report.value),
                 "period_label": report.period_label}
