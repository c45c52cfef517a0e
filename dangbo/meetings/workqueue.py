"""Due in meetings: this week's meetings not yet notified, past meetings without attendance or
signed minutes, and members' requests to correct their record."""
from __future__ import annotations

from datetime import timedelta

from django.urls import reverse

from dangbo.core import vn
from dangbo.core.workqueue import WorkItem
from dangbo.meetings.models import CorrectionRequest, Meeting, Status

LOOK_BACK_DAYS = 60


def items(scope, today) -> list[WorkItem]:
    if not scope.can_write_anything:
        return []
    writable = scope.writable_organizations().values("pk")
    mine = Meeting.objects.filter(organization_id__in=writable)
    to_notify = mine.filter(status=Status.PLANNED, date__gte=today, date__lte=today + timedelta(days=7)).count()
    not_recorded = mine.filter(status__in=(Status.PLANNED, Status.NOTIFIED), date__lt=today,
                               date__gte=today - timedelta(days=LOOK_BACK_DAYS)).count()
    unsigned = mine.filter(status=Status.HELD, date__gte=today - timedelta(days=LOOK_BACK_DAYS),
                           minutes__signed_at__isnull=True).count()
    corrections = CorrectionRequest.objects.filter(member__organization_id__in=writable,
                                                   state=CorrectionRequest.State.OPEN).count()
    index = reverse("meetings:index")
    return [
        WorkItem("Sinh hoạt chi bộ", f"{vn.format_number(to_notify)} buổi sinh hoạt trong 7 ngày tới chưa thông báo, gửi tài liệu",
                 to_notify, index),
        WorkItem("Sinh hoạt chi bộ", f"{vn.format_number(not_recorded)} buổi sinh hoạt đã qua chưa điểm danh",
                 not_recorded, index, overdue=True),
        WorkItem("Sinh hoạt chi bộ", f"{vn.format_number(unsigned)} biên bản sinh hoạt chưa ký", unsigned, index),
        WorkItem("Đảng viên", f"{vn.format_number(corrections)} đề nghị sửa hồ sơ của đảng viên chờ xử lý",
                 corrections, reverse("meetings:corrections")),
    ]
