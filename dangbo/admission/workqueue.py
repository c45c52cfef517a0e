"""Due in admission: candidates and probationary members whose working-day deadline has
passed, or falls within the next ten working days, in the units the user may write."""
from __future__ import annotations

from django.urls import reverse

from dangbo.admission import deadlines
from dangbo.admission import visibility as v
from dangbo.core import vn
from dangbo.core.workqueue import WorkItem
from dangbo.orgs.models import OrgClosure

SOON_WORKING_DAYS = 10


def items(scope, today) -> list[WorkItem]:
    if not scope.can_write_anything:
        return []
    root = scope.root_organizations().order_by("path").first()
    if root is None:
        return []
    subtree = OrgClosure.objects.filter(ancestor=root).values("descendant_id")
    rows = deadlines.due_list(v.candidates(scope).filter(organization_id__in=subtree),
                              scope.members().filter(organization_id__in=subtree), today)
    overdue = sum(1 for row in rows if row.overdue)
    soon = sum(1 for row in rows if 0 <= row.days_left <= SOON_WORKING_DAYS)
    url = reverse("admission:due", args=[root.pk])
    return [
        WorkItem("Kết nạp đảng viên", f"{vn.format_number(overdue)} hồ sơ kết nạp, công nhận chính thức quá hạn",
                 overdue, url, overdue=True),
        WorkItem("Kết nạp đảng viên", f"{vn.format_number(soon)} hồ sơ kết nạp, công nhận chính thức đến hạn "
                                      f"trong {SOON_WORKING_DAYS} ngày làm việc", soon, url),
    ]
