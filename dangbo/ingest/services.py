"""Every write of the review queue: ingest a text, accept / correct / reject its facts.

Public API:

    ingest_text(user, organization, text, *, title="", file_name="", article_date=None,
                extractor=None) -> (Source, created)
    accept_fact(user, fact, *, corrections=None, document=None, target=None, organization=None) -> Fact
    reject_fact(user, fact) -> Fact
    reopen_fact(user, fact) -> Fact
    accept_all(user, source) -> AcceptAllResult

Accepting turns a fact into registry records (dangbo.documents services, orgs positions);
each record keeps the fact (Fact.document, .target, .progress_report, .member, .positions),
and so the source passage. Permission checks belong to the caller (views check
request.scope.check_write(source.organization_id) first). Bad input raises ValidationError.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from dangbo.audit import log as audit
from dangbo.audit.models import AuditAction
from dangbo.core import vn
from dangbo.documents import numbering
from dangbo.documents import services as documents
from dangbo.documents.models import Document, Issuer, IssuerKind, Measure, Target
from dangbo.ingest import matching
from dangbo.ingest.models import JSON_KEYS, Fact, FactKind, FactStatus, Source
from dangbo.members.models import ACTIVE_STATUSES, Member
from dangbo.orgs import services as orgs
from dangbo.orgs.models import Organization, Position

Extractor = Callable[[str], dict]

# Accept-all order: a target needs its document, a figure may need its target.
KIND_ORDER = [FactKind.DOCUMENT, FactKind.LINK, FactKind.TARGET, FactKind.STATISTIC, FactKind.PERSON,
              FactKind.CONGRESS]
CENTRAL_CODES = {"TW"}


def default_extractor(text: str) -> dict:
    """dangbo.extract, the plain-Python extractor (issue #5, part 1)."""
    from dangbo.extract import extract

    return extract(text).to_json()


# -- ingesting ---------------------------------------------------------------------------

def facts_from_json(source: Source, extracted: dict) -> list[Fact]:
    """Unsaved Fact rows for the extractor's JSON, spans checked against the stored text."""
    found: dict[tuple[str, int, int], Fact] = {}
    for key, kind in JSON_KEYS.items():
        for item in extracted.get(key) or []:
            snippet = unicodedata.normalize("NFC", str(item.get("text") or ""))
            start, end = matching.locate_span(source.text, int(item.get("start") or 0),
                                              int(item.get("end") or 0), snippet)
            if end <= start:
                continue
            payload = {k: v for k, v in item.items() if k not in ("start", "end")}
            found.setdefault((kind, start, end), Fact(source=source, kind=kind, start=start, end=end,
                                                      text=source.text[start:end], payload=payload))
    return list(found.values())


@transaction.atomic
def ingest_text(user, organization: Organization, text: str, *, title: str = "", file_name: str = "",
                article_date: date | None = None, extractor: Extractor | None = None) -> tuple[Source, bool]:
    """Store a text for review with the facts found in it.

    The same text (after normalisation) in the same organization is the same source: it is
    returned as it is, with its facts and their review state, and nothing is added.
    """
    text = matching.normalise_text(text)
    if not text.strip():
        raise ValidationError({"text": "Văn bản trống: không có gì để trích xuất."})
    digest = matching.text_hash(text)
    existing = Source.objects.filter(organization=organization, sha256=digest).first()
    if existing is not None:
        return existing, False
    source = Source(
        organization=organization, text=text, sha256=digest, file_name=vn.nfc(file_name)[:255],
        title=(vn.nfc(title) or matching.guess_title(text, vn.nfc(file_name)))[:500],
        article_date=article_date or matching.guess_article_date(text),
        uploaded_by=user if getattr(user, "is_authenticated", False) else None,
    )
    try:
        with transaction.atomic():
            source.save()
    except IntegrityError:  # the same text, ingested at this moment by someone else
        return Source.objects.get(organization=organization, sha256=digest), False
    extracted = (extractor or default_extractor)(text)
    if source.article_date is None and extracted.get("article_date"):
        source.article_date = matching.parse_iso_date(extracted["article_date"])
        source.save(update_fields=["article_date"])
    facts = facts_from_json(source, extracted)
    Fact.objects.bulk_create(facts)
    audit.record(user, AuditAction.CREATE, source, note=f"{len(facts)} dữ kiện chờ duyệt")
    audit.record_bulk(user, Fact, count=len(facts), note=f"Trích xuất: {source.title}", organization_id=organization.pk,
                      details={"source": source.pk, "sha256": digest, "file": source.file_name,
                               "kinds": {kind: sum(f.kind == kind for f in facts) for kind in FactKind.values}})
    return source, True


# -- reviewing ---------------------------------------------------------------------------

def _locked(fact: Fact) -> Fact:
    return Fact.objects.select_for_update().select_related("source", "source__organization").get(pk=fact.pk)


def _merge(fact: Fact, corrections: dict | None) -> None:
    if corrections:
        cleaned = {key: (vn.nfc(value) if isinstance(value, str) else value) for key, value in corrections.items()}
        fact.corrected = {**fact.payload, **(fact.corrected or {}), **cleaned}


@transaction.atomic
def accept_fact(user, fact: Fact, *, corrections: dict | None = None, document: Document | None = None,
                target: Target | None = None, organization: Organization | None = None, scope=None) -> Fact:
    """Accept (with the reviewer's corrections) and create or reuse the records it stands for.

    `document` (for a target, or the source document of a link the text does not name),
    `target` (for a figure) and `organization` (for positions)
    are the reviewer's picks, already checked against their scope by the caller. With the
    reviewer's `scope`, records are only added to documents they may edit, and a central
    document not yet in the registry is kept as a reviewed fact unless they are an admin.
    Accepting an accepted fact again changes nothing.
    """
    fact = _locked(fact)
    if fact.status == FactStatus.ACCEPTED:
        return fact
    before = audit.snapshot(fact)
    _merge(fact, corrections)
    handler = {
        FactKind.DOCUMENT: _accept_document,
        FactKind.TARGET: _accept_target,
        FactKind.STATISTIC: _accept_statistic,
        FactKind.PERSON: _accept_person,
        FactKind.CONGRESS: _accept_congress,
        FactKind.LINK: _accept_link,
    }[fact.kind]
    handler(user, fact, document=document, target=target, organization=organization, scope=scope)
    fact.status, fact.reviewer, fact.reviewed_at = FactStatus.ACCEPTED, _user(user), timezone.now()
    fact.note = fact.note[:500]
    fact.save()
    audit.record(user, AuditAction.UPDATE, fact, before=before, note=f"Chấp nhận: {fact.note}")
    return fact


@transaction.atomic
def reject_fact(user, fact: Fact) -> Fact:
    fact = _locked(fact)
    if fact.status == FactStatus.ACCEPTED:
        raise ValidationError({"status": "Dữ kiện đã được chấp nhận và ghi vào sổ; sửa trực tiếp bản ghi."})
    before = audit.snapshot(fact)
    fact.status, fact.reviewer, fact.reviewed_at, fact.note = FactStatus.REJECTED, _user(user), timezone.now(), "Đã loại"
    fact.save()
    audit.record(user, AuditAction.UPDATE, fact, before=before, note="Loại dữ kiện")
    return fact


@transaction.atomic
def reopen_fact(user, fact: Fact) -> Fact:
    """A rejected fact back to the queue (a reviewer changed their mind)."""
    fact = _locked(fact)
    if fact.status != FactStatus.REJECTED:
        raise ValidationError({"status": "Chỉ dữ kiện đã loại mới mở lại được."})
    before = audit.snapshot(fact)
    fact.status, fact.reviewer, fact.reviewed_at, fact.note = FactStatus.PENDING, None, None, ""
    fact.save()
    audit.record(user, AuditAction.UPDATE, fact, before=before, note="Mở lại dữ kiện")
    return fact


@dataclass
class AcceptAllResult:
    accepted: int = 0
    failed: list[tuple[Fact, ValidationError]] = field(default_factory=list)


def accept_all(user, source: Source, *, scope=None) -> AcceptAllResult:
    """Accept every pending fact, documents first; a fact that needs the reviewer's input
    (a number without a date, a target without a document) stays pending with its reason."""
    result = AcceptAllResult()
    for kind in KIND_ORDER:
        for fact in list(source.facts.filter(kind=kind, status=FactStatus.PENDING).order_by("start", "end")):
            try:
                accepted = accept_fact(user, fact, scope=scope)
            except ValidationError as error:
                result.failed.append((fact, error))
            else:
                result.accepted += accepted.status == FactStatus.ACCEPTED
    return result


def _user(user):
    return user if getattr(user, "is_authenticated", False) else None


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


# -- documents ---------------------------------------------------------------------------

def _issuer(source: Source, code: str, name: str = "") -> Issuer:
    """Who issued a document the text cites: a central body for "/TW"; otherwise the issuer
    with that code in the source's organization or its nearest ancestor, else a new one in
    the source's organization (the reviewer's committee)."""
    try:
        code = numbering.canonical_issuer_code(code)
    except numbering.DocumentNumberError as error:
        raise ValidationError({"issuer_code": str(error)}) from error
    key = numbering._key(code)
    if code in CENTRAL_CODES:
        central = [i for i in Issuer.objects.filter(organization__isnull=True) if numbering._key(i.code) == key]
        if central:
            return central[0]
        return documents.get_or_create_issuer(name=name or "Ban Chấp hành Trung ương", code=code,
                                              organization=None, kind=IssuerKind.CENTRAL)
    chain = list(source.organization.ancestors()) + [source.organization]
    for organization in reversed(chain):
        for issuer in Issuer.objects.filter(organization=organization):
            if numbering._key(issuer.code) == key:
                return issuer
    described = numbering.issuer_description(code) if code else ""
    default_name = f"{described.split(',')[0]} ({code})" if described else code
    return documents.get_or_create_issuer(name=name or default_name, code=code, organization=source.organization)


def _existing_document(issuer: Issuer, number: str, issued_on: date | None) -> Document | None:
    """The same document already in the registry: same canonical number from the same issuing
    body (organization and code), issued the same year when the date is known."""
    same_code = [i.pk for i in Issuer.objects.filter(organization_id=issuer.organization_id)
                 if numbering._key(i.code) == numbering._key(issuer.code)]
    candidates = Document.objects.filter(issuer_id__in=same_code, number=number).order_by("-issued_on")
    if issued_on is not None:
        return candidates.filter(issued_on=issued_on).first() or candidates.filter(issued_on__year=issued_on.year).first()
    return candidates.first()


class NotWritable(Exception):
    """A document missing from the registry that the reviewer may not register (a central
    document for a non-admin, or one of a higher committee's issuers)."""


def document_for(user, fact: Fact, scope=None) -> tuple[Document | None, bool]:
    """(document, created): the registry document a document fact stands for, created if new,
    reused if the number is already registered; (None, False) for references without a number."""
    data, source = fact.data, fact.source
    number = matching.canonical_number(data)
    if number is None:
        return None, False
    parsed = numbering.parse(number)
    doc_type = matching.document_type_key(data) or numbering.default_type_key(parsed.type_code)
    if not numbering.code_fits_type(doc_type, parsed.type_code):
        doc_type = numbering.default_type_key(parsed.type_code)
    issued_on = matching.parse_iso_date(data.get("date"))
    issuer = _issuer(source, data.get("issuer_code") or parsed.lead_issuer, data.get("issuer_name") or "")
    found = _existing_document(issuer, number, issued_on)
    if found is not None:
        return found, False
    if scope is not None and not (scope.is_admin if issuer.organization_id is None
                                  else scope.can_write(issuer.organization_id)):
        raise NotWritable(f"{number} ({issuer.name})")
    if issued_on is None:
        raise ValidationError({"date": f"Văn bản {number}: bài viết không ghi ngày ban hành; "
                                       "bấm «Sửa» để nhập ngày (dd/mm/yyyy) rồi chấp nhận."})
    title = vn.nfc(data.get("title") or data.get("subject") or "") or vn.nfc(fact.text)
    return documents.create_document(user, issuer=issuer, doc_type=doc_type, issued_on=issued_on, title=title,
                                     number=number), True


def _accept_document(user, fact: Fact, *, scope=None, **picks) -> None:
    try:
        document, created = document_for(user, fact, scope)
    except NotWritable as missing:
        fact.note = (f"Văn bản {missing} chưa có trong sổ và bạn không có quyền ghi cho cơ quan này: "
                     "giữ làm dữ kiện đã duyệt.")
        return
    if document is None:
        fact.note = "Không có số, ký hiệu: giữ làm dữ kiện đã duyệt, chưa ghi vào sổ văn bản."
        return
    fact.document = document
    fact.note = (f"Đã ghi {document} vào sổ văn bản." if created
                 else f"{document} đã có trong sổ văn bản; gắn nguồn trích dẫn.")


# -- targets -----------------------------------------------------------------------------

def _preceding_document(user, fact: Fact, scope=None) -> Document | None:
    """The document the target belongs to: the nearest document reference before it in the
    same text that has (or gets) a registry record."""
    candidates = (fact.source.facts.filter(kind=FactKind.DOCUMENT, start__lt=fact.start)
                  .exclude(status=FactStatus.REJECTED).order_by("-start"))
    for candidate in candidates:
        if candidate.document_id:
            return candidate.document
        if candidate.status == FactStatus.PENDING and matching.canonical_number(candidate.data):
            document = accept_fact(user, candidate, scope=scope).document
            if document is not None:
                return document
    return None


def _check_edit(scope, document: Document) -> None:
    from dangbo.documents.visibility import can_edit

    if scope is not None and not can_edit(scope, document):
        raise ValidationError({"document": f"Bạn không có quyền cập nhật {document}; chỉ cơ quan ban hành ghi chỉ tiêu, kết quả."})


def _accept_target(user, fact: Fact, *, document: Document | None = None, scope=None, **picks) -> None:
    data = fact.data
    document = document or _preceding_document(user, fact, scope)
    if document is None:
        raise ValidationError({"document": "Không thấy văn bản đặt ra chỉ tiêu này trong bài: bấm «Sửa» và chọn văn bản."})
    wording = vn.nfc(data.get("wording") or data.get("text") or fact.text)
    existing = next((t for t in document.targets.all() if vn.fold(t.wording) == vn.fold(wording)), None)
    if existing is not None:
        fact.document, fact.target = document, existing
        fact.note = f"Chỉ tiêu đã có trong {document}; gắn nguồn trích dẫn."
        return
    _check_edit(scope, document)
    value = matching.to_decimal(data.get("value"))
    if value is None:
        raise ValidationError({"value": "Chỉ tiêu cần một giá trị số: bấm «Sửa» để nhập."})
    unit = vn.nfc(data.get("unit") or "")
    year = _int(data.get("year"))
    deadline = matching.parse_iso_date(data.get("deadline")) or (date(year, 12, 31) if year else None)
    yearly = bool(data.get("yearly")) or data.get("cadence") == "hang_nam"
    fact.target = documents.add_target(
        user, document, wording=wording, target_value=value, comparator=matching.comparator_code(data.get("comparator")),
        measure=Measure.PERCENT if unit == "%" else Measure.COUNT, unit=unit,
        cadence="hang_nam" if yearly else "han", deadline=deadline, end_year=year if yearly else None,
    )
    fact.document = document
    fact.note = f"Đã thêm chỉ tiêu vào {document}."


def _int(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


# -- statistics --------------------------------------------------------------------------

def _source_targets(source: Source) -> list[Target]:
    """Targets of the documents this text cites (accepted ones), for matching figures."""
    document_ids = source.facts.filter(document__isnull=False).values("document_id")
    return list(Target.objects.filter(document_id__in=document_ids))


def _accept_statistic(user, fact: Fact, *, target: Target | None = None, scope=None, **picks) -> None:
    data, source = fact.data, fact.source
    unit = vn.nfc(data.get("unit") or ("%" if "%" in fact.text else ""))
    target = target or matching.match_target(fact.text, unit, _source_targets(source))
    value = matching.to_decimal(data.get("value"))
    if target is None or value is None:
        fact.note = "Giữ làm số liệu đã duyệt (không khớp chỉ tiêu nào)."
        return
    _check_edit(scope, target.document)
    year = _int(data.get("year"))
    period_end = date(year, 12, 31) if year else (source.article_date or timezone.localdate())
    fact.progress_report = documents.add_progress(
        user, target, period_end=period_end, value=value, period_label=vn.nfc(data.get("period") or ""),
        source_note=f"{source.title[:300]}: «{fact.text[:150]}»",
    )
    fact.target, fact.document = target, target.document
    fact.note = f"Đã ghi kết quả thực hiện chỉ tiêu «{str(target)[:80]}»."


# -- people ------------------------------------------------------------------------------

def matching_member(source: Source, name: str) -> Member | None:
    """The one active member of the source's organization subtree with this name (accents and
    case ignored); None when nobody or several people match."""
    found = list(Member.objects.filter(
        search_name=vn.fold(name), status__in=ACTIVE_STATUSES,
        organization__ancestor_links__ancestor=source.organization,
    )[:2])
    return found[0] if len(found) == 1 else None


def _accept_person(user, fact: Fact, *, organization: Organization | None = None, **picks) -> None:
    data, source = fact.data, fact.source
    positions_text = [vn.nfc(p) for p in data.get("positions") or []]
    member = matching_member(source, data.get("name") or fact.text)
    if member is None:
        fact.note = "Không khớp đảng viên nào trong phạm vi; giữ chức vụ dạng văn bản: " + "; ".join(positions_text)
        return
    fact.member = member
    organization = organization or (source.organization if source.organization.subtree().filter(
        pk=member.organization_id).exists() else member.organization)
    start = source.article_date or timezone.localdate()
    created = []
    for text in positions_text:
        kind = matching.position_kind(text)
        if kind is None:
            continue
        position = Position.objects.filter(organization=organization, member=member, kind=kind, end__isnull=True).first()
        if position is None:
            try:
                position = orgs.add_position(user, organization, member=member, kind=kind, start=start)
            except ValueError as error:
                raise ValidationError({"organization": str(error)}) from error
        created.append(position)
    fact.save()
    fact.positions.add(*created)
    fact.note = (f"Khớp đảng viên {member}; chức vụ: " + ", ".join(p.get_kind_display() for p in created)
                 if created else f"Khớp đảng viên {member}; không có chức vụ cấp ủy hiện tại để ghi.")


def _accept_congress(user, fact: Fact, **picks) -> None:
    data = fact.data
    parts = [f"lần thứ {vn.to_roman(int(data['ordinal']))}" if _int(data.get("ordinal")) else "",
             f"nhiệm kỳ {data['term']}" if data.get("term") else ""]
    fact.note = "Giữ làm dữ kiện đại hội đã duyệt" + (f" ({', '.join(p for p in parts if p)})" if any(parts) else "") + "."


# -- links between documents ----------------------------------------------------------------

def _same_reference(data: dict, reference: dict) -> bool:
    keys = ("type_code", "issuer_code", "plenum", "term")
    number = lambda value: (str(value).lstrip("0") or "0") if value not in (None, "") else None  # noqa: E731
    return number(data.get("number")) == number(reference.get("number")) and all(
        (data.get(k) or None) == (reference.get(k) or None) for k in keys)


def _linked_document(user, fact: Fact, reference: dict, scope=None) -> Document | None:
    """The registry document a link names: through the document fact of the same text that
    cites it (accepted first when still pending)."""
    for candidate in fact.source.facts.filter(kind=FactKind.DOCUMENT).exclude(status=FactStatus.REJECTED):
        if not _same_reference(candidate.data, reference):
            continue
        if candidate.document_id:
            return candidate.document
        if candidate.status == FactStatus.PENDING:
            return accept_fact(user, candidate, scope=scope).document
    return None


def _accept_link(user, fact: Fact, *, document: Document | None = None, scope=None, **picks) -> None:
    """"Kế hoạch 248-KH/TU thực hiện Chỉ thị 35-CT/TW" as a link of the document registry. A
    link whose source the text does not name ("Thực hiện Nghị quyết số 21-NQ/TW, ...") takes
    the reviewer's pick."""
    from dangbo.documents.models import DocumentLink, LinkKind

    data = fact.data
    kind = data.get("kind")
    if kind not in LinkKind.values:
        raise ValidationError({"kind": "Chọn quan hệ giữa hai văn bản."})
    target = _linked_document(user, fact, data.get("target") or {}, scope)
    if target is None:
        raise ValidationError({"document": "Văn bản được dẫn chưa có trong sổ (chưa chấp nhận hoặc không có số): "
                                           "chấp nhận dữ kiện văn bản đó trước."})
    source = document or (_linked_document(user, fact, data["source"], scope) if data.get("source") else None)
    if source is None:
        raise ValidationError({"document": "Bài viết không nêu văn bản thực hiện: bấm «Sửa» và chọn văn bản."})
    fact.document = source
    if DocumentLink.objects.filter(source=source, target=target, kind=kind).exists():
        fact.note = f"Liên kết {source} — {dict(LinkKind.choices)[kind]} — {target} đã có."
        return
    _check_edit(scope, source)
    documents.add_link(user, source=source, target=target, kind=kind, note=f"Trích từ: {fact.source.title[:200]}")
    fact.note = f"Đã ghi liên kết: {source} — {dict(LinkKind.choices)[kind]} — {target}."
