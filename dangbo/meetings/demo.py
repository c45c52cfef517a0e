"""Demo meetings: chi bộ meetings in every cell of the demo province from January of last year
(the year the open rating period rates, whose screens count the meetings held) to next month, with
attendance and signed minutes, this month's meeting notified, and one online conference with
12 bridge points. Set-based (bulk_create), deterministic for a seed."""
from __future__ import annotations

from datetime import date, time, timedelta

from django.utils import timezone

from dangbo.core.vn import add_months
from dangbo.meetings.models import (
    Attendance, BridgePoint, Conference, Kind, Meeting, Minutes, Presence, Quality, Status,
)
from dangbo.members.models import Member, MemberStatus
from dangbo.orgs.models import CELL_KINDS, Organization, OrgKind

BATCH = 5000
TOPICS = [
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Nâng cao chất lượng sinh hoạt chi bộ",
    "Phát triển đảng viên ở thôn, bản",
    "Chuyển đổi số trong công tác đảng",
]


def populate(ctx) -> None:
    province = ctx.province
    cells = list(Organization.objects.filter(ancestor_links__ancestor=province, kind__in=CELL_KINDS,
                                             dissolved__isnull=True).order_by("path"))
    if not cells or Meeting.objects.filter(organization__in=cells[:1]).exists():
        ctx.stdout.write("  meetings: đã có lịch sinh hoạt mẫu, bỏ qua")
        return
    rng = ctx.random
    today = ctx.today
    # From January of last year up to next month: next month's meeting is the one members see coming.
    first_month = date(today.year - 1, 1, 1)
    months = 12 + today.month + 1
    meetings = []
    for cell in cells:
        day = rng.randint(3, 10)
        for offset in range(months):
            month = add_months(first_month, offset)
            kind = Kind.COMBINED if month.month % 3 == 2 else Kind.REGULAR
            on = month.replace(day=day)
            skipped = rng.random() < 0.04 and on < today   # a few cells miss a month
            held = on < today and not skipped
            meetings.append(Meeting(
                organization=cell, date=on, kind=kind, start_time=time(14 if rng.random() < 0.5 else 8, 0),
                place=f"Hội trường {cell.name}", topic=rng.choice(TOPICS) if kind == Kind.COMBINED else "",
                status=Status.HELD if held else (Status.CANCELLED if skipped else Status.NOTIFIED if on - today < timedelta(days=10) else Status.PLANNED),
                notified_on=on - timedelta(days=rng.choice((1, 2, 3, 5))) if held or on - today < timedelta(days=10) else None,
                duration_minutes=(rng.randint(100, 150) if kind == Kind.COMBINED else rng.randint(80, 120)) if held else None,
                quality=rng.choices([Quality.GOOD, Quality.FAIR, Quality.AVERAGE], [6, 3, 1])[0] if held else "",
                created_by=ctx.admin,
            ))
    Meeting.objects.bulk_create(meetings, batch_size=BATCH)
    held = [m for m in Meeting.objects.filter(organization__in=cells, status=Status.HELD).order_by("organization_id", "date")]
    _attendance(ctx, cells, held)
    _minutes(held)
    _conference(ctx, province)
    ctx.stdout.write(f"  meetings: {len(meetings)} buổi sinh hoạt ở {len(cells)} chi bộ, "
                     f"{len(held)} đã họp có điểm danh và biên bản; 1 hội nghị trực tuyến 12 điểm cầu")


def _attendance(ctx, cells, held) -> None:
    rng = ctx.random
    members_by_cell: dict[int, list[tuple[int, date]]] = {}
    for member_id, org_id, admitted in Member.objects.filter(
            organization__in=cells, status__in=(MemberStatus.OFFICIAL, MemberStatus.PROBATIONARY)
    ).values_list("pk", "organization_id", "admission_date").order_by("organization_id", "sort_key"):
        members_by_cell.setdefault(org_id, []).append((member_id, admitted))
    # One member of the demo secretary's cell stopped coming: three unexcused absences in a row.
    secretary_cell = _secretary_cell(ctx)
    truant = (members_by_cell.get(secretary_cell) or [(None, None)])[-1][0]
    last_three = {m.pk for m in [m for m in held if m.organization_id == secretary_cell][-3:]}
    rows = []
    for meeting in held:
        for member_id, admitted in members_by_cell.get(meeting.organization_id, ()):
            if admitted > meeting.date:
                continue
            if member_id == truant and meeting.pk in last_three:
                presence, reason = Presence.UNEXCUSED, ""
            else:
                draw = rng.random()
                presence, reason = ((Presence.PRESENT, "") if draw < 0.92 else
                                    (Presence.EXCUSED, rng.choice(["Đi công tác", "Ốm", "Việc gia đình"])) if draw < 0.985 else
                                    (Presence.UNEXCUSED, ""))
            rows.append(Attendance(meeting=meeting, member_id=member_id, presence=presence, reason=reason))
            if len(rows) >= BATCH:
                Attendance.objects.bulk_create(rows)
                rows = []
    Attendance.objects.bulk_create(rows)


def _secretary_cell(ctx) -> int | None:
    from dangbo.access.models import RoleAssignment

    user = ctx.users.get("cell_secretary")
    assignment = RoleAssignment.objects.filter(user=user).first() if user else None
    return assignment.organization_id if assignment else None


def _minutes(held) -> None:
    signed = timezone.now()
    Minutes.objects.bulk_create([
        Minutes(meeting=m, chair="Bí thư chi bộ", secretary="Phó Bí thư chi bộ",
                opening=f"Sinh hoạt {m.get_kind_display().lower()} tháng {m.date.month}/{m.date.year}.",
                conclusions="Chi bộ thống nhất nhiệm vụ tháng tới.",
                resolution="Hoàn thành các nhiệm vụ chính trị của chi bộ trong tháng.",
                read_back=True, signed_at=signed)
        for m in held
    ], batch_size=BATCH)


def _conference(ctx, province) -> None:
    communes = list(Organization.objects.filter(parent=province, kind=OrgKind.UPPER_GRASSROOTS,
                                             dissolved__isnull=True).order_by("path")[:11])
    conference = Conference.objects.create(
        organization=province, date=ctx.today - timedelta(days=30),
        title=f"Hội nghị trực tuyến quán triệt nghị quyết của {province.name}",
        content="Quán triệt, triển khai nghị quyết; 1 điểm cầu chính và 11 điểm cầu xã, phường.",
    )
    points = [BridgePoint(conference=conference, organization=province, place=f"Hội trường {province.name}",
                          chair="Bí thư Tỉnh ủy", is_main=True, expected=150, present=146)]
    for commune in communes:
        expected = ctx.random.randint(40, 90)
        points.append(BridgePoint(conference=conference, organization=commune, place=f"Hội trường {commune.name}",
                                  chair=f"Bí thư {commune.name}", expected=expected,
                                  present=expected - ctx.random.randint(0, 5)))
    BridgePoint.objects.bulk_create(points)
