"""Due in the review queue: extracted facts waiting for a reviewer."""
from __future__ import annotations

from django.urls import reverse

from dangbo.core import vn
from dangbo.core.workqueue import WorkItem
from dangbo.ingest.models import Fact, FactStatus


def items(scope, today) -> list[WorkItem]:
    if not scope.can_write_anything:
        return []
    pending = scope.restrict(Fact.objects.filter(status=FactStatus.PENDING), org_field="source__organization").count()
    return [WorkItem(area="Trích xuất", text=f"{vn.format_number(pending)} dữ kiện trích từ báo cáo đang chờ duyệt",
                     count=pending, url=reverse("ingest:index"))]
