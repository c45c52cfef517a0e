"""Due in inspection: remediation past its deadline, and remediation due within the week, for
the recommendations the user follows (the responsible units, the concluding committee)."""
from __future__ import annotations

from django.urls import reverse

from dangbo.core import vn
from dangbo.core.workqueue import WorkItem
from dangbo.inspection import rules
from dangbo.inspection import visibility as v
from dangbo.inspection.statistics import DUE_SOON, DUE_SOON_DAYS, status_filter


def items(scope, today) -> list[WorkItem]:
    if not (scope.can_write_anything or scope.inspection_roots):
        return []
    followed = v.recommendations(scope)
    overdue = followed.filter(status_filter(rules.OVERDUE, today)).count()
    soon = followed.filter(status_filter(DUE_SOON, today)).count()
    url = reverse("inspection:follow_up")
    return [
        WorkItem("Kiểm tra, giám sát", f"{vn.format_number(overdue)} kiến nghị khắc phục quá hạn", overdue,
                 f"{url}?status={rules.OVERDUE}", overdue=True),
        WorkItem("Kiểm tra, giám sát", f"{vn.format_number(soon)} kiến nghị khắc phục đến hạn trong {DUE_SOON_DAYS} ngày",
                 soon, f"{url}?status={DUE_SOON}"),
    ]
