"""Meeting operations: one transaction each, audited, Vietnamese errors.

Permission checks (scope) are done by the callers (views) before calling these.
"""
from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from dangbo.audit import log as audit
from dangbo.audit.models import AuditAction
from dangbo.core.vn import nfc
from dangbo.meetings import rules
from dangbo.meetings.models import (
    Attendance, BridgePoint, Conference, CorrectionRequest, Material, Meeting, Minutes, MinutesAddendum, Presence,
    Status,
)
from dangbo.members.models import Member, MemberStatus
from dangbo.orgs.models import Organization

ACTIVE_STATUSES = (MemberStatus.OFFICIAL, MemberStatus.PROBATIONARY)
# What a member may ask to correct from their own page (the rest goes through the committee).
CORRECTABLE_FIELDS = {
    "full_name": "Họ và tên", "birth_date": "Ngày sinh", "home_town": "Quê quán", "phone": "Số điện thoại",
    "ethnicity": "Dân tộc", "religion": "Tôn giáo", "education": "Giáo dục phổ thông",
    "professional_qualification": "Chuyên môn, nghiệp vụ", "occupation": "Nghề nghiệp",
}


def _clean(data: dict) -> dict:
    return {key: nfc(value) if isinstance(value, str) else value for key, value in data.items()}


@transaction.atomic
def plan_meeting(user, organization: Organization, **data) -> Meeting:
    meeting = Meeting.objects.create(organization=organization, created_by=_user(user), **_clean(data))
    audit.record(user, AuditAction.CREATE, meeting)
    return meeting


@transaction.atomic
def plan_year(user, organization: Organization, year: int, regular_day: int = 5) -> list[Meeting]:
    """The yearly calendar: one regular meeting a month, a thematic one each quarter; dates
    already planned are kept (running it twice adds nothing)."""
    taken = set(Meeting.objects.filter(organization=organization, date__year=year).values_list("date", "kind"))
    created = [
        Meeting(organization=organization, date=day, kind=kind.value, created_by=_user(user))
        for day, kind in rules.yearly_calendar(year, regular_day) if (day, kind.value) not in taken
    ]
    Meeting.objects.bulk_create(created)
    if created:
        audit.record_bulk(user, Meeting, count=len(created), note=f"Lịch sinh hoạt năm {year}",
                          organization_id=organization.pk)
    return created


@transaction.atomic
def update_meeting(user, meeting: Meeting, **data) -> Meeting:
    _check_not_locked(meeting)
    before = audit.snapshot(meeting)
    for key, value in _clean(data).items():
        setattr(meeting, key, value)
    meeting.save()
    audit.record(user, AuditAction.UPDATE, meeting, before=before)
    return meeting


def expected_members(meeting: Meeting):
    """Who is called to the meeting: the active members of the organization on its day."""
    return Member.objects.filter(organization_id=meeting.organization_id, status__in=ACTIVE_STATUSES,
                                 admission_date__lte=meeting.date).order_by("sort_key", "id")


@transaction.atomic
def notify(user, meeting: Meeting, on: date | None = None) -> int:
    """Mark the notice and materials as sent; e-mail the members where a mail server is set.
    Returns the number of e-mails sent."""
    _check_not_locked(meeting)
    before = audit.snapshot(meeting)
    meeting.notified_on = on or timezone.localdate()
    if meeting.status == Status.PLANNED:
        meeting.status = Status.NOTIFIED
    meeting.save(update_fields=["notified_on", "status"])
    audit.record(user, AuditAction.UPDATE, meeting, before=before, note="Thông báo sinh hoạt")
    return _mail_notice(meeting)


def _mail_notice(meeting: Meeting) -> int:
    if not getattr(settings, "EMAIL_HOST", "") or settings.EMAIL_BACKEND.endswith("dummy.EmailBackend"):
        return 0
    recipients = [u.email for u in _member_users(meeting) if u.email]
    if not recipients:
        return 0
    when = f"{meeting.date:%d/%m/%Y}" + (f" lúc {meeting.start_time:%H:%M}" if meeting.start_time else "")
    body = f"{meeting.organization.name} thông báo: {meeting.title}, {when}, tại {meeting.place or '…'}.\n\n{meeting.agenda}"
    messages = [(f"Thông báo sinh hoạt: {meeting.title}", body, None, [address]) for address in recipients]
    return send_mass_mail(messages, fail_silently=True)


def _member_users(meeting: Meeting):
    from django.contrib.auth.models import User

    return User.objects.filter(role_assignments__member__organization_id=meeting.organization_id, is_active=True)


@transaction.atomic
def add_material(user, meeting: Meeting, *, title: str, file=None, document=None) -> Material:
    _check_not_locked(meeting)
    if not file and document is None:
        raise ValidationError({"file": "Chọn tệp tài liệu hoặc một văn bản trong sổ văn bản."})
    material = Material.objects.create(meeting=meeting, title=(nfc(title) or (document.title if document else ""))[:255],
                                       file=file or "", document=document)
    audit.record(user, AuditAction.CREATE, material)
    return material


@transaction.atomic
def record_attendance(user, meeting: Meeting, marks: dict[int, tuple[str, str]]) -> dict[str, int]:
    """marks: member id -> (presence, reason). Every expected member gets a line; the meeting
    becomes held. Returns the counts per presence."""
    _check_not_locked(meeting)
    expected = {m.pk for m in expected_members(meeting)}
    unknown = set(marks) - expected
    if unknown:
        raise ValidationError({"attendance": "Có người không thuộc chi bộ trong ngày sinh hoạt."})
    missing = expected - set(marks)
    if missing:
        raise ValidationError({"attendance": f"Còn {len(missing)} đảng viên chưa được điểm danh."})
    valid = set(Presence.values)
    rows = []
    for member_id, (presence, reason) in marks.items():
        if presence not in valid:
            raise ValidationError({"attendance": "Trạng thái điểm danh không hợp lệ."})
        reason = nfc(reason)[:255] if presence != Presence.PRESENT else ""
        rows.append(Attendance(meeting=meeting, member_id=member_id, presence=presence, reason=reason))
    Attendance.objects.filter(meeting=meeting).delete()
    Attendance.objects.bulk_create(rows)
    before = audit.snapshot(meeting)
    meeting.status = Status.HELD
    meeting.save(update_fields=["status"])
    audit.record(user, AuditAction.UPDATE, meeting, before=before, note=f"Điểm danh {len(rows)} đảng viên")
    counts = {value: 0 for value in Presence.values}
    for row in rows:
        counts[row.presence] += 1
    return counts


@transaction.atomic
def save_minutes(user, meeting: Meeting, **data) -> Minutes:
    minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
    if minutes and minutes.is_locked:
        raise ValidationError({"minutes": "Biên bản đã ký, không sửa được; hãy thêm phụ lục đính chính."})
    before = audit.snapshot(minutes) if minutes else None
    minutes = minutes or Minutes(meeting=meeting)
    for key, value in _clean(data).items():
        setattr(minutes, key, value)
    minutes.save()
    audit.record(user, AuditAction.UPDATE if before else AuditAction.CREATE, minutes, before=before)
    return minutes


@transaction.atomic
def sign_minutes(user, meeting: Meeting) -> Minutes:
    """Sign and lock the minutes: the meeting must have its attendance, chair and secretary."""
    minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
    if minutes is None:
        raise ValidationError({"minutes": "Chưa có biên bản để ký."})
    if minutes.is_locked:
        raise ValidationError({"minutes": "Biên bản đã được ký."})
    if not meeting.attendance.exists():
        raise ValidationError({"minutes": "Chưa điểm danh: biên bản phải ghi số có mặt, vắng có lý do, vắng không lý do."})
    if not (minutes.chair and minutes.secretary):
        raise ValidationError({"minutes": "Biên bản cần ghi người chủ trì và thư ký."})
    before = audit.snapshot(minutes)
    minutes.signed_at = timezone.now()
    minutes.signed_by = _user(user)
    minutes.save(update_fields=["signed_at", "signed_by"])
    audit.record(user, AuditAction.UPDATE, minutes, before=before, note="Ký biên bản")
    return minutes


@transaction.atomic
def add_addendum(user, meeting: Meeting, text: str) -> MinutesAddendum:
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is None or not minutes.is_locked:
        raise ValidationError({"text": "Chỉ thêm phụ lục cho biên bản đã ký; biên bản chưa ký thì sửa trực tiếp."})
    text = nfc(text)
    if not text:
        raise ValidationError({"text": "Nhập nội dung đính chính."})
    addendum = MinutesAddendum.objects.create(minutes=minutes, text=text, created_by=_user(user))
    audit.record(user, AuditAction.CREATE, addendum)
    return addendum


def _check_not_locked(meeting: Meeting) -> None:
    if Minutes.objects.filter(meeting=meeting, signed_at__isnull=False).exists():
        raise ValidationError({"meeting": "Biên bản buổi sinh hoạt đã ký: không sửa được nữa, chỉ thêm phụ lục."})


# -- conferences -----------------------------------------------------------------------------

@transaction.atomic
def create_conference(user, organization: Organization, *, title: str, date, content: str = "",
                      points: list[dict]) -> Conference:
    if not points:
        raise ValidationError({"points": "Hội nghị cần ít nhất một điểm cầu."})
    conference = Conference.objects.create(organization=organization, title=nfc(title), date=date, content=nfc(content))
    BridgePoint.objects.bulk_create([
        BridgePoint(conference=conference, is_main=index == 0, **_clean(point)) for index, point in enumerate(points)
    ])
    audit.record(user, AuditAction.CREATE, conference, note=f"{len(points)} điểm cầu")
    return conference


@transaction.atomic
def record_point_attendance(user, point: BridgePoint, present: int) -> BridgePoint:
    if present < 0 or present > 100_000:
        raise ValidationError({"present": "Số đại biểu có mặt không hợp lệ."})
    before = audit.snapshot(point)
    point.present = present
    point.save(update_fields=["present"])
    audit.record(user, AuditAction.UPDATE, point, before=before)
    return point


# -- a member's correction requests ----------------------------------------------------------

@transaction.atomic
def request_correction(user, member: Member, *, field: str, requested_value: str, reason: str = "") -> CorrectionRequest:
    if field not in CORRECTABLE_FIELDS:
        raise ValidationError({"field": "Thông tin này không sửa theo đề nghị; liên hệ cấp ủy."})
    requested_value = nfc(requested_value)
    if not requested_value or len(requested_value) > 255:
        raise ValidationError({"requested_value": "Nhập giá trị đề nghị sửa (tối đa 255 ký tự)."})
    correction = CorrectionRequest.objects.create(member=member, field=field, requested_value=requested_value,
                                                  reason=nfc(reason)[:1000], created_by=_user(user))
    audit.record(user, AuditAction.CREATE, correction)
    return correction


@transaction.atomic
def decide_correction(user, correction: CorrectionRequest, *, accept: bool, answer: str = "") -> CorrectionRequest:
    """Accepting applies the value through the member register's own checks."""
    from dangbo.core.vn import parse_date
    from dangbo.members.services import update_member

    correction = CorrectionRequest.objects.select_for_update().get(pk=correction.pk)
    if correction.state != CorrectionRequest.State.OPEN:
        raise ValidationError({"state": "Đề nghị này đã được xử lý."})
    if accept:
        value = correction.requested_value
        if correction.field == "birth_date":
            try:
                value = parse_date(value)
            except ValueError:
                value = None
            if value is None:
                raise ValidationError({"requested_value": "Ngày sinh đề nghị không đúng dạng dd/mm/yyyy."})
        update_member(user, correction.member, {correction.field: value}, note="Sửa theo đề nghị của đảng viên")
    before = audit.snapshot(correction)
    correction.state = CorrectionRequest.State.ACCEPTED if accept else CorrectionRequest.State.REJECTED
    correction.answer = nfc(answer)[:1000]
    correction.decided_by = _user(user)
    correction.decided_at = timezone.now()
    correction.save()
    audit.record(user, AuditAction.UPDATE, correction, before=before)
    return correction


def _user(user):
    return user if getattr(user, "is_authenticated", False) else None
