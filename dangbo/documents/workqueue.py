"""Due in documents: superior documents whose implementing plan one of the user's units has
not issued by the deadline."""
from __future__ import annotations

from datetime import timedelta

from django.urls import reverse

from dangbo.core import vn
from dangbo.core.workqueue import WorkItem
from dangbo.documents import tracking
from dangbo.documents.visibility import visible_documents

RECENT_DAYS = 365
MAX_DOCUMENTS = 10


def items(scope, today) -> list[WorkItem]:
    if not scope.can_write_anything:
        return []
    awaiting = (tracking.awaiting(visible_documents(scope))
                .filter(implementation_deadline__lt=today, implementation_deadline__gte=today - timedelta(days=RECENT_DAYS))
                [:MAX_DOCUMENTS])
    writable = scope.writable_organizations()
    result = []
    for document in awaiting:
        overdue = [row for row in tracking.tracking(document, today, writable) if row.state == tracking.TrackState.OVERDUE]
        if overdue:
            result.append(WorkItem(
                area="Văn bản", count=len(overdue), overdue=True,
                url=reverse("documents:implementation", args=[document.pk]),
                text=f"{vn.format_number(len(overdue))} đơn vị chưa ban hành văn bản thực hiện "
                     f"{document} (hạn {vn.format_date(document.implementation_deadline)})",
            ))
    return result
