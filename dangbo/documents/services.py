"""Every write to the document registry: one transaction each, with its audit entry.

Public API (also used by the extraction review queue, dangbo/ingest):

    create_document(user, *, issuer, doc_type, issued_on, title, number="", auto_number=False,
                    term=None, khoa=None, status="ban_hanh", restricted=False, body="",
                    file=None, co_issuers=(), implementation_level="", implementation_deadline=None,
                    by_year=False) -> Document
    update_document(user, document, **fields) -> Document
    attach_file(user, document, uploaded_file) -> Attachment
    add_link(user, *, source, target, kind, note="") -> DocumentLink
    remove_link(user, link) -> None
    add_target(user, document, *, wording, target_value, comparator="gte", measure="ty_le", unit="%",
               cadence="han", deadline=None, start_year=None, end_year=None, applies_to=(), order=None) -> Target
    add_progress(user, target, *, period_end, value=None, numerator=None, denominator=None,
                 period_label="", period_start=None, organization=None, source_note="",
                 source_document=None) -> ProgressReport
    get_or_create_issuer(*, name, code, organization=None, kind=...) -> Issuer
    next_free_number(issuer, doc_type, on, *, term=None, khoa=None, by_year=False) -> str

Bad input raises django.core.exceptions.ValidationError({field: "Vietnamese message"}).
Permission checks belong to the caller (views and endpoints check request.scope first).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max

from dangbo.audit import log as audit
from dangbo.audit.models import AuditAction
from dangbo.core import versioning, vn
from dangbo.documents import numbering, targets as rules
from dangbo.documents.extraction import UnsupportedFile, extract_text
from dangbo.documents.models import (
    Attachment, Cadence, Comparator, Document, DocumentLink, DocumentStatus, ImplementationLevel, Issuer, IssuerKind,
    LinkKind, Measure, ProgressReport, Target,
)
from dangbo.orgs.models import Organization, Term


def _accept_qdi() -> bool:
    return bool(getattr(settings, "DANGBO_RULES", {}).get("accept_qdi", True))


def _text(value) -> str:
    return vn.nfc(value) if isinstance(value, str) else value


# -- issuers -----------------------------------------------------------------------------

@transaction.atomic
def get_or_create_issuer(*, name: str, code: str, organization: Organization | None = None,
                         kind: str = IssuerKind.COMMITTEE) -> Issuer:
    """The issuer named `name` in `organization` (None: a central body), created if new."""
    name = vn.nfc(name)
    try:
        code = numbering.canonical_issuer_code(code)
    except numbering.DocumentNumberError as error:
        raise ValidationError({"code": str(error)}) from error
    issuer, _ = Issuer.objects.get_or_create(organization=organization, name=name,
                                             defaults={"code": code, "kind": kind})
    return issuer


# -- numbering ---------------------------------------------------------------------------

def _term_for(issuer: Issuer, on: date) -> Term | None:
    if issuer.organization_id is None:
        return None
    terms = list(Term.objects.filter(organization_id=issuer.organization_id).values_list("pk", "start", "end"))
    term_id = numbering.term_containing(on, terms)
    return Term.objects.get(pk=term_id) if term_id else None


def _series(issuer: Issuer, type_code: str, *, term: Term | None, khoa: int | None, year: int,
            by_year: bool = False):
    """Documents sharing a numbering series: same issuer organization and code, same type code,
    same period (term; else khóa; else calendar year)."""
    same_issuer = Issuer.objects.filter(organization_id=issuer.organization_id)
    code_key = numbering.code_key(issuer.code)
    issuer_ids = [i.pk for i in same_issuer if numbering.code_key(i.code) == code_key]
    queryset = Document.objects.filter(issuer_id__in=issuer_ids, type_code=type_code, sequence__isnull=False)
    if by_year:
        return queryset.filter(issued_on__year=year)
    if term is not None:
        return queryset.filter(term=term)
    if khoa:
        return queryset.filter(term__isnull=True, khoa=khoa)
    return queryset.filter(term__isnull=True, khoa__isnull=True, series_year=year)


def _type_code_for(doc_type: str) -> str:
    codes = numbering.TYPES_BY_KEY[doc_type].codes
    return codes[0]


def next_free_number(issuer: Issuer, doc_type: str, on: date, *, term: Term | None = None, khoa: int | None = None,
                     by_year: bool = False) -> str:
    """The next number in the series, "03-NQ/TU": after the highest of the issuer's term
    (HD 36: from 01 per type per term), or of the calendar year with by_year=True."""
    if doc_type not in numbering.TYPES_BY_KEY:
        raise ValidationError({"doc_type": "Loại văn bản không hợp lệ."})
    term = term if term is not None else (None if by_year else _term_for(issuer, on))
    khoa = khoa or (term.congress_ordinal if term else None)
    type_code = _type_code_for(doc_type)
    highest = _series(issuer, type_code, term=term, khoa=khoa, year=on.year, by_year=by_year).aggregate(
        top=Max("sequence"))["top"] or 0
    return numbering.format_number(highest + 1, type_code, issuer.code)


def _parse_number(number: str, issuer: Issuer, doc_type: str) -> numbering.DocumentNumber:
    try:
        parsed = numbering.parse(number, accept_qdi=_accept_qdi(), known_issuers=[issuer.code])
    except numbering.DocumentNumberError as error:
        raise ValidationError({"number": str(error)}) from error
    if not numbering.code_fits_type(doc_type, parsed.type_code):
        type_ = numbering.TYPES_BY_KEY[doc_type]
        raise ValidationError({"number": f"Ký hiệu {parsed.type_code} không phải của loại «{type_.name}» "
                                         f"({', '.join(type_.codes)})."})
    if numbering.code_key(parsed.lead_issuer) != numbering.code_key(issuer.code):
        raise ValidationError({"number": f"Ký hiệu cơ quan «{parsed.lead_issuer}» không khớp với cơ quan ban hành "
                                         f"{issuer.name} ({issuer.code})."})
    return parsed


# -- documents ---------------------------------------------------------------------------

def _apply_number(document: Document, number: str, *, by_year: bool = False) -> None:
    if not number:
        document.number, document.sequence, document.type_code = "", None, _type_code_for(document.doc_type)
        return
    parsed = _parse_number(number, document.issuer, document.doc_type)
    document.number, document.sequence, document.type_code = parsed.symbol, parsed.sequence, parsed.type_code
    clash = _series(document.issuer, parsed.type_code, term=document.term, khoa=document.khoa,
                    year=document.issued_on.year, by_year=by_year).filter(sequence=parsed.sequence)
    if document.pk:
        clash = clash.exclude(pk=document.pk)
    if clash.exists():
        period = document.khoa_display or (f"nhiệm kỳ {document.term.name}" if document.term else f"năm {document.issued_on.year}")
        raise ValidationError({"number": f"Số {parsed.symbol} đã được dùng cho văn bản khác trong {period}."})


def _read_file(uploaded) -> tuple[str, bytes, str]:
    """(name, bytes, extracted text) of an upload; ValidationError for other formats."""
    data = uploaded.read()
    name = vn.nfc(uploaded.name.replace("\\", "/").rsplit("/", 1)[-1])
    try:
        text = extract_text(name, data)
    except UnsupportedFile as error:
        raise ValidationError({"file": str(error)}) from error
    return name, data, text


def _store_file(document: Document, name: str, data: bytes, text: str) -> Attachment:
    attachment = Attachment(document=document, original_name=name, text=text)
    attachment.file.save(name, ContentFile(data), save=False)
    attachment.save()
    document.file_text = "\n".join(a.text for a in document.attachments.all() if a.text)
    document.search_text = document.build_search_text()
    Document.objects.filter(pk=document.pk).update(file_text=document.file_text, search_text=document.search_text)
    return attachment


def _validate_document(document: Document, number: str) -> None:
    errors = {}
    if document.doc_type not in numbering.TYPES_BY_KEY:
        errors["doc_type"] = "Loại văn bản không hợp lệ."
    if not document.title:
        errors["title"] = "Cần có trích yếu nội dung."
    if document.issued_on is None:
        errors["issued_on"] = "Cần có ngày ban hành."
    if document.status not in DocumentStatus.values:
        errors["status"] = "Trạng thái không hợp lệ."
    if document.status != DocumentStatus.DRAFT and not number and document.doc_type not in ("bien_ban", "ban_sao"):
        errors["number"] = "Văn bản đã ban hành phải có số, ký hiệu (hoặc chọn «Cấp số tự động»)."
    if document.implementation_level not in ImplementationLevel.values:
        errors["implementation_level"] = "Giá trị không hợp lệ."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_document(user, *, issuer: Issuer, doc_type: str, issued_on: date, title: str, number: str = "",
                    auto_number: bool = False, term: Term | None = None, khoa: int | None = None,
                    status: str = DocumentStatus.ISSUED, restricted: bool = False, body: str = "", file=None,
                    co_issuers=(), implementation_level: str = ImplementationLevel.NONE,
                    implementation_deadline: date | None = None, by_year: bool = False) -> Document:
    """Register a document. `number` is parsed and stored canonically ("số 2-nq/duk" ->
    "02-NQ/ĐUK"); auto_number=True takes the next free number of the issuer's series.
    The term defaults to the issuer organization's term containing `issued_on`."""
    _lock_series(issuer.pk)
    document = Document(
        issuer=issuer, doc_type=doc_type, issued_on=issued_on, title=_text(title), status=status,
        restricted=restricted, body=(body or "").strip(), implementation_level=implementation_level or "",
        implementation_deadline=implementation_deadline, created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    _validate_document(document, number or ("auto" if auto_number else ""))
    document.term = term if term is not None else (None if by_year else _term_for(issuer, issued_on))
    document.khoa = khoa or (document.term.congress_ordinal if document.term else None)
    document.series_year = issued_on.year
    if auto_number and not number:
        number = next_free_number(issuer, doc_type, issued_on, term=document.term, khoa=document.khoa, by_year=by_year)
    _apply_number(document, vn.nfc(number), by_year=by_year)
    upload = _read_file(file) if file is not None else None
    document.search_text = document.build_search_text()
    document.save()
    if co_issuers:
        document.co_issuers.set(co_issuers)
    if upload:
        _store_file(document, *upload)
    audit.record(user, AuditAction.CREATE, document)
    return document


EDITABLE_FIELDS = {"doc_type", "issued_on", "title", "number", "term", "khoa", "status", "restricted", "body",
                   "implementation_level", "implementation_deadline"}


@transaction.atomic
def update_document(user, document: Document, *, file=None, version: int | None = None, **fields) -> Document:
    """Edit fields; `version` is the one the editor read (versioning.EditConflict instead of
    overwriting someone else's change); only the changed fields are written."""
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValidationError({sorted(unknown)[0]: "Trường này không sửa được."})
    fields = {key: _text(value) for key, value in fields.items()}
    if "body" in fields:
        fields["body"] = (fields["body"] or "").strip()
    upload = _read_file(file) if file is not None else None
    _lock_series(document.issuer_id)

    def check(merged: Document) -> None:
        if merged.term and "khoa" not in fields:
            merged.khoa = merged.term.congress_ordinal or merged.khoa
        _validate_document(merged, merged.number)
        _apply_number(merged, vn.nfc(merged.number))
        merged.search_text = merged.build_search_text()

    document, _ = versioning.update(user, document, fields, version=version, validate=check)
    if upload:
        _store_file(document, *upload)
    return document


def _lock_series(issuer_id: int) -> None:
    """Writers of one issuer's numbers queue on its row, so two never take the same number
    (PostgreSQL row lock; SQLite transactions already start IMMEDIATE)."""
    list(Issuer.objects.select_for_update().filter(pk=issuer_id).order_by().values_list("pk", flat=True))


@transaction.atomic
def attach_file(user, document: Document, uploaded) -> Attachment:
    """Store a PDF/DOCX with the document; its text joins the document's search text."""
    attachment = _store_file(document, *_read_file(uploaded))
    audit.record(user, AuditAction.UPDATE, document, note=f"Đính kèm tệp {attachment.original_name}")
    return attachment


# -- links -------------------------------------------------------------------------------

@transaction.atomic
def add_link(user, *, source: Document, target: Document, kind: str, note: str = "") -> DocumentLink:
    """`source` implements / replaces / amends / guides / reviews `target`.
    Replacing a document marks it "hết hiệu lực"."""
    if kind not in LinkKind.values:
        raise ValidationError({"kind": "Loại liên kết không hợp lệ."})
    if source.pk == target.pk:
        raise ValidationError({"target": "Văn bản không thể liên kết với chính nó."})
    if DocumentLink.objects.filter(source=source, target=target, kind=kind).exists():
        raise ValidationError({"target": "Liên kết này đã có."})
    if DocumentLink.objects.filter(source=target, target=source, kind=kind).exists():
        raise ValidationError({"target": "Liên kết ngược chiều đã có; kiểm tra lại chiều liên kết."})
    link = DocumentLink.objects.create(source=source, target=target, kind=kind, note=vn.nfc(note))
    if kind == LinkKind.REPLACES and target.status == DocumentStatus.ISSUED:
        before = audit.snapshot(target)
        target.status = DocumentStatus.EXPIRED
        target.save(update_fields=["status", "updated_at"])
        audit.record(user, AuditAction.UPDATE, target, before=before, note=f"Bị thay thế bởi {source}")
    audit.record(user, AuditAction.CREATE, source, note=f"Liên kết: {link.get_kind_display()} {target}")
    return link


@transaction.atomic
def remove_link(user, link: DocumentLink) -> None:
    audit.record(user, AuditAction.UPDATE, link.source, note=f"Bỏ liên kết: {link.get_kind_display()} {link.target}")
    link.delete()


# -- targets and progress ----------------------------------------------------------------

def _decimal(value, field: str) -> Decimal:
    try:
        if isinstance(value, str):
            value = value.strip().replace(".", "").replace(",", ".") if "," in value else value.strip()
        result = Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError({field: "Cần một con số (ví dụ 90 hoặc 3,76)."})
    if not result.is_finite():
        raise ValidationError({field: "Cần một con số hữu hạn."})
    return result


@transaction.atomic
def add_target(user, document: Document, *, wording: str, target_value, comparator: str = Comparator.AT_LEAST,
               measure: str = Measure.PERCENT, unit: str = "%", cadence: str = Cadence.BY_DEADLINE,
               deadline: date | None = None, start_year: int | None = None, end_year: int | None = None,
               applies_to=(), order: int | None = None) -> Target:
    """A chỉ tiêu of `document`. Yearly targets run from start_year (default: the document's
    year) to end_year (default: the deadline's year)."""
    errors = {}
    wording = vn.nfc(wording)
    if not wording:
        errors["wording"] = "Cần ghi nội dung chỉ tiêu."
    if comparator not in Comparator.values:
        errors["comparator"] = "Phép so sánh không hợp lệ."
    if measure not in Measure.values:
        errors["measure"] = "Loại số đo không hợp lệ."
    if cadence not in Cadence.values:
        errors["cadence"] = "Thời hạn không hợp lệ."
    if start_year and end_year and end_year < start_year:
        errors["end_year"] = "Năm kết thúc trước năm bắt đầu."
    if errors:
        raise ValidationError(errors)
    value = _decimal(target_value, "target_value")
    if measure == Measure.PERCENT and not (0 <= value <= 100):
        raise ValidationError({"target_value": "Tỷ lệ phải từ 0 đến 100%."})
    if cadence == Cadence.YEARLY:
        start_year = start_year or document.issued_on.year
        end_year = end_year or (deadline.year if deadline else None)
    if order is None:
        order = (document.targets.aggregate(top=Max("order"))["top"] or 0) + 1
    target = Target.objects.create(
        document=document, order=order, wording=wording, measure=measure, comparator=comparator,
        target_value=value, unit=vn.nfc(unit), cadence=cadence, deadline=deadline,
        start_year=start_year, end_year=end_year,
    )
    if applies_to:
        target.applies_to.set(applies_to)
    audit.record(user, AuditAction.CREATE, target)
    return target


@transaction.atomic
def add_progress(user, target: Target, *, period_end: date, value=None, numerator=None, denominator=None,
                 period_label: str = "", period_start: date | None = None, organization: Organization | None = None,
                 source_note: str = "", source_document: Document | None = None) -> ProgressReport:
    """A measured value for one period. Give `value`, or `numerator` and `denominator` (the
    value is then computed: a percentage for "ty_le", a plain ratio for "ti_so")."""
    if period_end is None:
        raise ValidationError({"period_end": "Cần ngày kết thúc kỳ báo cáo."})
    if period_start and period_start > period_end:
        raise ValidationError({"period_start": "Ngày bắt đầu kỳ sau ngày kết thúc."})
    if numerator is not None and denominator is not None:
        numerator, denominator = _decimal(numerator, "numerator"), _decimal(denominator, "denominator")
        if denominator <= 0:
            raise ValidationError({"denominator": "Mẫu số phải lớn hơn 0."})
        computed = rules.value_from_parts(target.measure, numerator, denominator)
        if value is not None and abs(_decimal(value, "value") - computed) > Decimal("0.01"):
            raise ValidationError({"value": f"Giá trị không khớp với {numerator}/{denominator} ({computed})."})
        value = computed
    elif value is None:
        raise ValidationError({"value": "Cần giá trị đạt được, hoặc tử số và mẫu số."})
    value = _decimal(value, "value")
    if target.measure == Measure.PERCENT and not (0 <= value <= 100):
        raise ValidationError({"value": "Tỷ lệ phải từ 0 đến 100%."})
    if value < 0:
        raise ValidationError({"value": "Giá trị không được âm."})
    label = vn.nfc(period_label) or (f"Năm {period_end.year}" if period_end.month == 12 and period_end.day == 31
                                     else f"Đến {vn.format_date(period_end)}")
    report = ProgressReport.objects.create(
        target=target, organization=organization, period_label=label, period_start=period_start,
        period_end=period_end, value=value, numerator=numerator, denominator=denominator,
        source_note=vn.nfc(source_note), source_document=source_document,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    audit.record(user, AuditAction.CREATE, report)
    return report


@transaction.atomic
def delete_progress(user, report: ProgressReport) -> None:
    audit.record(user, AuditAction.DELETE, report)
    report.delete()


def documents_in_series(issuer: Issuer, doc_type: str, on: date):
    """The documents sharing the numbering series a new one would join (for the form's hint)."""
    term = _term_for(issuer, on)
    return _series(issuer, _type_code_for(doc_type), term=term, khoa=term.congress_ordinal if term else None,
                   year=on.year).order_by("-sequence")


__all__ = [
    "get_or_create_issuer", "next_free_number", "create_document", "update_document", "attach_file",
    "add_link", "remove_link", "add_target", "add_progress", "delete_progress", "documents_in_series",
]
