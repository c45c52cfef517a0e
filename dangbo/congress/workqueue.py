"""Due in congresses: comment rounds the user's units have not answered, and rounds the
user's committee runs in which units have not answered by the deadline."""
from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Q

from dangbo.congress.models import CommentRound, RoundRecipient
from dangbo.core import vn
from dangbo.core.workqueue import WorkItem

RECENT_DAYS = 60
MAX_ITEMS = 5


def items(scope, today) -> list[WorkItem]:
    if not scope.can_write_anything:
        return []
    writable = scope.writable_organizations().values("pk")
    result = []
    to_answer = (RoundRecipient.objects.filter(organization_id__in=writable, submitted_at__isnull=True,
                                               round__deadline__gte=today - timedelta(days=RECENT_DAYS))
                 .select_related("round", "organization").order_by("round__deadline")[:MAX_ITEMS])
    for recipient in to_answer:
        late = recipient.round.deadline < today
        result.append(WorkItem(
            area="Đại hội", count=1, overdue=late, url=recipient.round.get_absolute_url(),
            text=f"{recipient.organization.name} chưa gửi ý kiến «{recipient.round.title}» "
                 f"(hạn {vn.format_date(recipient.round.deadline)})",
        ))
    running = (CommentRound.objects.filter(organization_id__in=writable, deadline__lt=today,
                                           deadline__gte=today - timedelta(days=RECENT_DAYS))
               .annotate(silent=Count("recipients", filter=Q(recipients__submitted_at__isnull=True)))
               .filter(silent__gt=0).order_by("deadline")[:MAX_ITEMS])
    for round_ in running:
        result.append(WorkItem(
            area="Đại hội", count=round_.silent, overdue=True, url=round_.get_absolute_url(),
            text=f"«{round_.title}»: {vn.format_number(round_.silent)} đơn vị chưa gửi ý kiến, quá hạn "
                 f"{vn.format_date(round_.deadline)}",
        ))
    return result
