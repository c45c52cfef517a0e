"""Due in ratings: open rating periods and the members still unrated in the user's units."""
from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from dangbo.core import vn
from dangbo.core.workqueue import WorkItem
from dangbo.members.models import ACTIVE_STATUSES, Member
from dangbo.orgs.models import OrgClosure
from dangbo.ratings.models import MemberRating, PeriodStatus, RatingPeriod

MAX_ITEMS = 5


def items(scope, today) -> list[WorkItem]:
    if not scope.can_write_anything:
        return []
    result = []
    # The top of the user's scope (the first, for the rare user with several subtrees): the
    # queue's cost does not grow with the number of roots.
    for root in scope.root_organizations().order_by("path")[:1]:
        covering = Q(organization__descendant_links__descendant=root)          # at root or above it
        inside = Q(organization__ancestor_links__ancestor=root)                # below it
        periods = (RatingPeriod.objects.filter(status=PeriodStatus.OPEN).filter(covering | inside)
                   .select_related("organization").distinct().order_by("-year", "organization__path")[:MAX_ITEMS])
        for period in periods:
            unit = root if period.organization.path <= root.path else period.organization
            unrated = _unrated(unit, period.year)
            result.append(WorkItem(
                area="Xếp loại chất lượng",
                text=f"{unit.name}: {vn.format_number(unrated)} đảng viên chưa có kết quả xếp loại năm {period.year}",
                count=unrated, url=reverse("ratings:dashboard", args=[unit.pk, period.year]),
            ))
    return result


def _unrated(unit, year: int) -> int:
    rated = MemberRating.objects.filter(member_id=OuterRef("pk"), year=year)
    return (Member.objects.filter(status__in=ACTIVE_STATUSES,
                                  organization_id__in=OrgClosure.objects.filter(ancestor=unit).values("descendant_id"))
            .filter(~Exists(rated)).count())
