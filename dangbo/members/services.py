"""Business operations on members: one transaction each, audited, history appended."""
from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dangbo.audit import log as audit
from dangbo.audit.models import AuditAction
from dangbo.core import versioning, vn
from dangbo.members import rules, summary
from dangbo.members.models import ACTIVE_STATUSES, EventKind, Member, MemberAbsence, MemberEvent, MemberStatus
from dangbo.orgs.models import Organization

END_EVENTS = {
    MemberStatus.DECEASED: EventKind.DECEASED,
    MemberStatus.REMOVED: EventKind.REMOVED,
    MemberStatus.EXPELLED: EventKind.EXPELLED,
    MemberStatus.TRANSFERRED_OUT: EventKind.TRANSFER_OUT,
}


def grouped(errors: list[rules.FieldError]) -> dict[str, list[str]]:
    """{field: [every message]}: a field that breaks two rules shows both."""
    by_field: dict[str, list[str]] = {}
    for error in errors:
        by_field.setdefault(error.field, []).append(error.message)
    return by_field


def record_problems(data: dict) -> dict[str, list[str]]:
    """Every rule the record breaks, {field: [messages]} (the member form shows them with its own)."""
    rule_settings = settings.DANGBO_RULES
    return grouped(rules.validate_member(
        data,
        today=timezone.localdate(),
        min_age_months=rule_settings["admission_min_age_months"],
        max_age_months=rule_settings["admission_max_age_months"],
    ))


def check_record(data: dict) -> None:
    """Raise ValidationError {field: [messages]} for every rule the record breaks."""
    problems = record_problems(data)
    if problems:
        raise ValidationError(problems)


def clean_strings(data: dict) -> dict:
    return {k: (vn.nfc(v) if isinstance(v, str) else v) for k, v in data.items()}


@transaction.atomic
def create_member(user, data: dict) -> Member:
    data = clean_strings(data)
    check_record(data)
    member = Member(**data)
    member.save()
    summary.apply_changes(before=[], after=[(member.organization_id, member.status)])
    MemberEvent.objects.create(member=member, kind=EventKind.ADMITTED, date=member.admission_date,
                               to_organization=member.organization, created_by=_user(user))
    if member.official_date:
        MemberEvent.objects.create(member=member, kind=EventKind.RECOGNIZED, date=member.official_date,
                                   created_by=_user(user))
    audit.record(user, AuditAction.CREATE, member)
    return member


@transaction.atomic
def update_member(user, member: Member, data: dict, note: str = "", *, version: int | None = None) -> Member:
    """Correct record fields. Organization and status change only through their events.

    `version` is the one the editor read: a change made meanwhile by someone else to the same
    field raises versioning.EditConflict; only the fields that changed are written."""
    data = clean_strings(data)
    data.pop("organization", None)
    data.pop("status", None)
    data.pop("version", None)

    def check(merged: Member) -> None:
        check_record({f.attname: getattr(merged, f.attname) for f in Member._meta.concrete_fields})

    member, _ = versioning.update(user, member, data, version=version, validate=check, note=note)
    return member


@transaction.atomic
def transfer_member(user, member: Member, to_org: Organization, *, on: date, decision_number: str = "",
                    note: str = "") -> MemberEvent:
    """Chuyển sinh hoạt đảng within the system: history keeps from, to, date and decision."""
    if to_org.pk == member.organization_id:
        raise ValidationError({"to_organization": "Đảng viên đang sinh hoạt ở tổ chức này."})
    if not to_org.is_active:
        raise ValidationError({"to_organization": "Tổ chức nhận đã giải thể."})
    before = audit.snapshot(member)
    event = MemberEvent.objects.create(member=member, kind=EventKind.TRANSFER, date=on,
                                       from_organization_id=member.organization_id, to_organization=to_org,
                                       decision_number=decision_number, note=note, created_by=_user(user))
    with summary.track(Member.objects.filter(pk=member.pk)):
        member.organization = to_org
        member.save(update_fields=["organization", "updated_at"])
    audit.record(user, AuditAction.UPDATE, member, before=before, note=f"Chuyển sinh hoạt đến {to_org.name}")
    return event


def transfer_members_in_bulk(user, source: Organization, target: Organization, *, on: date,
                             decision_number: str = "") -> int:
    """Move every active member of `source` to `target` (reorganization): set-based, one history row each."""
    members = list(Member.objects.filter(organization=source, status__in=[MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL])
                   .values_list("pk", flat=True))
    MemberEvent.objects.bulk_create([
        MemberEvent(member_id=pk, kind=EventKind.TRANSFER, date=on, from_organization=source, to_organization=target,
                    decision_number=decision_number, note="Sắp xếp tổ chức", created_by=_user(user))
        for pk in members
    ], batch_size=2000)
    with summary.track(Member.objects.filter(organization__in=[source, target])):
        Member.objects.filter(pk__in=members).update(organization=target)
    if members:
        audit.record_bulk(user, Member, count=len(members), organization_id=target.pk,
                          note=f"Chuyển {len(members)} đảng viên từ {source.name} sang {target.name}")
    return len(members)


@transaction.atomic
def recognize_official(user, member: Member, *, on: date, decision_number: str = "",
                       official_from: date | None = None) -> MemberEvent:
    """Công nhận đảng viên chính thức: official from the end of the 12 months of probation.

    `official_from`: the end of probation when it is known to run from a ceremony later than
    the admission decision (admission app); never earlier than 12 months after admission."""
    if member.status != MemberStatus.PROBATIONARY:
        raise ValidationError({"status": "Chỉ xét công nhận chính thức cho đảng viên dự bị."})
    due = max(official_from or member.admission_date, rules.probation_end(member.admission_date))
    if on < due:
        raise ValidationError({"official_date": f"Chưa đủ 12 tháng dự bị (đủ vào ngày {vn.format_date(due)})."})
    before = audit.snapshot(member)
    with summary.track(Member.objects.filter(pk=member.pk)):
        member.status = MemberStatus.OFFICIAL
        member.official_date = due
        member.save(update_fields=["status", "official_date", "updated_at"])
    event = MemberEvent.objects.create(member=member, kind=EventKind.RECOGNIZED, date=due,
                                       decision_number=decision_number, created_by=_user(user))
    audit.record(user, AuditAction.UPDATE, member, before=before, note="Công nhận đảng viên chính thức")
    return event


@transaction.atomic
def end_membership(user, member: Member, status: str, *, on: date, decision_number: str = "",
                   note: str = "") -> MemberEvent:
    """Từ trần, xóa tên, khai trừ or chuyển đi khỏi hệ thống: status changes, history grows."""
    if status not in END_EVENTS:
        raise ValidationError({"status": "Trạng thái kết thúc không hợp lệ."})
    if not member.is_active:
        raise ValidationError({"status": "Đảng viên không còn sinh hoạt."})
    before = audit.snapshot(member)
    with summary.track(Member.objects.filter(pk=member.pk)):
        member.status = status
        member.save(update_fields=["status", "updated_at"])
    event = MemberEvent.objects.create(member=member, kind=END_EVENTS[status], date=on,
                                       from_organization_id=member.organization_id, decision_number=decision_number,
                                       note=note, created_by=_user(user))
    audit.record(user, AuditAction.UPDATE, member, before=before, note=MemberStatus(status).label)
    return event


def reversible_event(member: Member) -> MemberEvent | None:
    """The one event a correction may reverse now: the status event entered last (it set the
    current status, whatever date it carries) and not yet reversed."""
    return member.events.filter(kind__in=rules.REVERSIBLE_KINDS, reversed_by__isnull=True).order_by("-id").first()


@transaction.atomic
def reverse_event(user, member: Member, event: MemberEvent, *, reason: str, decision_number: str = "",
                  on: date | None = None) -> MemberEvent:
    """Undo a mistaken status event (từ trần, xóa tên, khai trừ, chuyển đi, công nhận chính thức)
    with a correction event: the history keeps both, the member gets the status back, and the
    audit log records who did it, why and under which decision (members.rules.reversal)."""
    member = Member.objects.select_for_update().get(pk=member.pk)
    event = MemberEvent.objects.select_for_update().get(pk=event.pk, member=member)
    reason, decision_number = vn.nfc(reason or "").strip(), vn.nfc(decision_number or "").strip()
    latest = reversible_event(member)
    outcome = rules.reversal(event.kind, current_status=member.status,
                             is_latest_status_event=latest is not None and latest.pk == event.pk,
                             already_reversed=event.reversed_by_id is not None,
                             has_official_date=member.official_date is not None,
                             has_card=bool(member.card_number), reason=reason)
    if isinstance(outcome, rules.FieldError):
        raise ValidationError({outcome.field: outcome.message})
    before = audit.snapshot(member)
    member.status = outcome.status
    fields = ["status", "updated_at"]
    if outcome.clears_official_date:
        member.official_date = None
        fields.append("official_date")
    member.save(update_fields=fields)
    what = f"«{event.get_kind_display()}» ngày {vn.format_date(event.date)}"
    correction = MemberEvent.objects.create(
        member=member, kind=EventKind.CORRECTION, date=on or timezone.localdate(), decision_number=decision_number,
        note=f"Hủy sự kiện {what} (ghi nhầm). Lý do: {reason}", created_by=_user(user))
    event.reversed_by = correction
    event.save(update_fields=["reversed_by"])
    audit.record(user, AuditAction.UPDATE, member, before=before,
                 note=f"Điều chỉnh: hủy sự kiện {what}"
                      + (f", quyết định {decision_number}" if decision_number else "") + f". Lý do: {reason}")
    return correction


@transaction.atomic
def record_absence(user, member: Member, *, kind: str, start: date, end: date | None = None,
                   decision_number: str = "", note: str = "") -> MemberAbsence:
    """Miễn công tác và sinh hoạt đảng, or a long sick or maternity leave, from start to end."""
    problems = grouped(rules.validate_absence(start, end, member.admission_date))
    if member.status not in ACTIVE_STATUSES:
        problems.setdefault("kind", []).append("Chỉ ghi nhận cho đảng viên đang sinh hoạt.")
    if start is not None:
        overlapping = member.absences.filter(kind=kind, start__lte=end or date.max).exclude(end__lt=start).first()
        if overlapping:
            problems.setdefault("start", []).append(f"Trùng với thời gian đã ghi nhận: {overlapping}.")
    if problems:
        raise ValidationError(problems)
    absence = MemberAbsence.objects.create(member=member, kind=kind, start=start, end=end,
                                           decision_number=vn.nfc(decision_number).strip(),
                                           note=vn.nfc(note).strip(), created_by=_user(user))
    audit.record(user, AuditAction.CREATE, absence, note=f"{member.full_name}: {absence}")
    return absence


@transaction.atomic
def end_absence(user, absence: MemberAbsence, *, end: date) -> MemberAbsence:
    """Close a running absence (the member is back at work and in the cell)."""
    problems = grouped(rules.validate_absence(absence.start, end, None))
    if problems:
        raise ValidationError(problems)
    before = audit.snapshot(absence)
    absence.end = end
    absence.save(update_fields=["end"])
    audit.record(user, AuditAction.UPDATE, absence, before=before, note=f"{absence.member.full_name}: kết thúc")
    return absence


def _user(user):
    return user if getattr(user, "is_authenticated", False) else None
